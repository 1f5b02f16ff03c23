"""Issue 13: find (`/`) in the results, and from a person to the rule that classed them (`g`)."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import RULES, make_app, pilot_test, ready, settle
from textual.widgets import Label, TabbedContent
from tinnhiem.tui.screens.export import ExportScreen
from tinnhiem.tui.widgets.editor import RulesView
from tinnhiem.tui.widgets.find import FindBar, FindInput
from tinnhiem.tui.widgets.grid import Grid
from tinnhiem.tui.widgets.why import WhyPanel

SIZE = (120, 40)
PEOPLE = (
    "name,position,group,members,cao,tn,thap\n"
    "Nguyễn Văn An,Chủ tịch,Tỉnh ủy,50,40,5,5\n"
    "Trần Thị Bình,Phó Chủ tịch,Tỉnh ủy,50,10,10,30\n"
    "Lê Nguyên Đức,Giám đốc Sở,UBND,50,30,10,10\n"
    "Phạm Hùng,Phó Giám đốc,UBND,50,20,5,25\n"
)


def _people(tmp_path: Path) -> Path:
    data = tmp_path / "nguoi.csv"
    data.write_text(PEOPLE, encoding="utf-8")
    return data


def _names(grid: Grid) -> list[str]:
    return [grid.cell_text(p, "name") for p in range(grid.row_count)]


@pilot_test
async def test_find_filters_the_people_shown_without_diacritics_and_esc_clears(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, RULES / "nq85-2014.tn", _people(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        bar = app.query_one(FindBar)
        evaluation = app.evaluation
        assert grid.row_count == 4 and not bar.is_open
        await pilot.press("slash")
        assert bar.is_open and isinstance(app.focused, FindInput)
        await pilot.press(*"NGUYEN")
        await settle(pilot)
        # "NGUYEN" finds "Nguyễn" and "Nguyên": no case, no diacritics
        assert _names(grid) == ["Nguyễn Văn An", "Lê Nguyên Đức"]
        assert bar.count_text == "2/4 người"
        assert str(app.query_one("#find-count", Label).render()) == "2/4 người"
        # the why panel follows the highlighted row of the filtered table
        assert app.query_one(WhyPanel).text.startswith("Nguyễn Văn An\n")
        await pilot.press("enter")  # the filter stays; the table has the keys
        assert app.focused is grid
        await pilot.press("down")
        assert app.query_one(WhyPanel).text.startswith("Lê Nguyên Đức\n")
        # Esc in the table clears the find too
        await pilot.press("escape")
        await settle(pilot)
        assert not bar.is_open and grid.row_count == 4
        # the cursor stays on the person it was on
        assert app.query_one(WhyPanel).text.startswith("Lê Nguyên Đức\n")
        await pilot.press("slash", *"nguyen")
        await settle(pilot)
        assert bar.count_text == "2/4 người"
        # what is computed does not change, only what is shown
        assert app.evaluation is evaluation and len(evaluation.results) == 4
        # a position, a group: "pho" finds both deputies ("Phó"), "ubnd" the two of UBND
        await pilot.press("slash", "end", "ctrl+u", *"pho", "space")
        await settle(pilot)
        assert _names(grid) == ["Trần Thị Bình", "Phạm Hùng"]
        await pilot.press("ctrl+u", *"ubnd")
        await settle(pilot)
        assert _names(grid) == ["Lê Nguyên Đức", "Phạm Hùng"]
        await pilot.press("ctrl+u", "x", "y", "z")
        await settle(pilot)
        assert grid.row_count == 0 and bar.count_text == "0/4 người"
        assert app.query_one(WhyPanel).text.strip() == "Không có ai khớp với chữ cần tìm."
        await pilot.press("escape")
        await settle(pilot)
        assert not bar.is_open and grid.row_count == 4 and app.focused is grid
        assert app.query_one(FindInput).value == ""


@pilot_test
async def test_find_matches_class_labels_keeps_the_sort_and_says_it_in_english(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, RULES / "nq85-2014.tn", _people(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        grid.sort_by("name", reverse=True)  # by the given name, Z to A
        bar = app.query_one(FindBar)
        # the class "Có thể xin từ chức" of the block "Hệ quả"
        await pilot.press("slash", *"TU", "space", *"CHUC")
        await settle(pilot)
        assert _names(grid) == ["Trần Thị Bình"]
        assert bar.count_text == "1 of 4 people"
        await pilot.press("end", "ctrl+u", *"khong")  # "Không"
        await settle(pilot)
        assert _names(grid) == ["Phạm Hùng", "Lê Nguyên Đức", "Nguyễn Văn An"]
        assert grid.sort_column == "name" and grid.sort_reverse
        assert bar.count_text == "3 of 4 people"
        # sorting again sorts the rows found
        grid.sort_by("name", reverse=False)
        assert _names(grid) == ["Nguyễn Văn An", "Lê Nguyên Đức", "Phạm Hùng"]


@pilot_test
async def test_export_of_a_filtered_table_writes_every_row_and_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path, RULES / "nq85-2014.tn", _people(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        await pilot.press("slash", *"binh", "enter")
        await settle(pilot)
        assert _names(grid) == ["Trần Thị Bình"]
        await pilot.press("ctrl+e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        note = str(screen.query_one("#export-note", Label).render())
        assert note == "Bảng đang lọc (1 dòng hiện): tệp xuất có cả 4 dòng."
        await pilot.press("escape")
        await settle(pilot)
        target = tmp_path / "ket-qua.csv"
        app.export_table(grid, target, "csv")
        await settle(pilot)
        lines = target.read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) == 5  # the header and the 4 people
        names = [line.split(",")[2] for line in lines[1:]]
        assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Nguyên Đức", "Phạm Hùng"]


@pilot_test
async def test_g_goes_to_the_line_of_the_rule_that_classed_the_person(tmp_path: Path) -> None:
    app = make_app(tmp_path, RULES / "nq85-2014.tn", _people(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        await pilot.press("down")  # Trần Thị Bình
        verdict = app.evaluation.results[1].verdicts[0]  # type: ignore[union-attr]
        assert verdict.rule_line > 1
        await pilot.press("g")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "rules"
        editor = app.query_one(RulesView).editor
        assert app.focused is editor
        assert editor.cursor_location == (verdict.rule_line - 1, 0)
        line = editor.document.get_line(verdict.rule_line - 1)
        assert verdict.klass in line
        # in the editor `g` is text again
        await pilot.press("escape")
        assert grid.row_count == 4


@pilot_test
async def test_g_says_when_the_rule_is_in_the_base_file(tmp_path: Path) -> None:
    overlay = tmp_path / "thu.tn"
    overlay.write_text('ruleset "Thử" extends "nq85-2014.tn"\n', encoding="utf-8")
    app = make_app(tmp_path, overlay, _people(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        verdict = app.evaluation.results[0].verdicts[0]  # type: ignore[union-attr]
        await pilot.press("g")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "results"
        said = [n.message for n in app._notifications]
        assert (
            f"Quy tắc ở dòng {verdict.rule_line} của tệp gốc nq85-2014.tn (bộ quy tắc này "
            "kế thừa nó), không phải tệp đang mở trong trình sửa."
        ) in said


@pilot_test
async def test_slash_and_g_are_text_in_the_rules_editor(tmp_path: Path) -> None:
    app = make_app(tmp_path, RULES / "nq85-2014.tn", _people(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("6", "tab")
        editor = app.query_one(RulesView).editor
        assert app.focused is editor
        before = editor.text
        await pilot.press("home", "slash", "g")
        assert editor.text != before
        assert editor.document.get_line(editor.cursor_location[0]).startswith("/g")
        assert not app.query_one(FindBar).is_open
        assert app.query_one(TabbedContent).active == "rules"
