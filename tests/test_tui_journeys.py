"""Pilot tests: what a user does in `tinnhiem-tui`, asserted on the app's state and widgets."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tomllib
from pathlib import Path

import pytest
from test_tui_support import RULES, SAMPLES, make_app, pilot_test, ready, settle
from textual.widgets import Input, OptionList, RadioButton, Select, TabbedContent
from tinnhiem.tui.app import TinnhiemApp
from tinnhiem.tui.screens.export import ExportScreen, SaveOverlayScreen
from tinnhiem.tui.screens.help import HelpScreen
from tinnhiem.tui.screens.picker import PickerScreen
from tinnhiem.tui.widgets.calendar import CalendarView
from tinnhiem.tui.widgets.compare import CompareView
from tinnhiem.tui.widgets.editor import RulesView
from tinnhiem.tui.widgets.grid import Grid
from tinnhiem.tui.widgets.report import ReportView
from tinnhiem.tui.widgets.sweep import SweepView
from tinnhiem.tui.widgets.why import WhyPanel

SIZE = (120, 40)


def results(app: TinnhiemApp) -> Grid:
    return app.query_one("#results-table", Grid)


def row_of(grid: Grid, name: str) -> int:
    return next(p for p in range(grid.row_count) if grid.cell_text(p, "name") == name)


async def pick(pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Type a path into the open file picker and press Enter."""
    screen = pilot.app.screen
    assert isinstance(screen, PickerScreen)
    screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


# --- start ---------------------------------------------------------------------------------


@pilot_test
async def test_starts_on_the_bundled_sample(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = results(app)
        assert app.ruleset is not None and app.ruleset.name == "QĐ 262-QĐ/TW (2014)"
        assert grid.row_count == 56
        assert grid.cell_text(0, "name") == "Nguyễn Trọng Hòa"
        assert grid.cell_text(0, "pct:cao") == "74,19%"  # 23/31, with a decimal comma
        assert grid.cell_text(0, "class:consequence") == "Không"
        assert app.status.people == 56 and app.status.errors == 0
        why = app.query_one(WhyPanel).text
        assert "Nguyễn Trọng Hòa" in why and "số phiếu thu về = 31" in why
        assert "23/31" in why and "74,19%" in why
        assert "✓ Không" in why  # the rule that matched, with the ones tried before it


@pilot_test
async def test_starts_on_given_data_and_rules(tmp_path: Path) -> None:
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = results(app)
        chairman = row_of(grid, "Lê Duy Thành")
        assert grid.cell_text(chairman, "pct:thap") == "53,19%"  # 25/47, as published
        assert grid.cell_text(chairman, "class:consequence").startswith("Có thể xin từ chức")
        grid.move_to(chairman)
        await settle(pilot)
        why = app.query_one(WhyPanel).text
        assert "25/47" in why and "Trên 1/2 đến dưới 2/3" in why  # the article's words


# --- load data -------------------------------------------------------------------------------


@pilot_test
async def test_load_data_from_a_typed_path(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+o")
        await pick(pilot, SAMPLES / "qh-2013.csv")
        assert app.data_path == SAMPLES / "qh-2013.csv"
        assert results(app).cell_text(0, "name") == "Trương Tấn Sang"
        assert app.status.people == len(app.dataset.tallies)  # type: ignore[union-attr]
        remembered = tomllib.loads((tmp_path / "config" / "config.toml").read_text("utf-8"))
        assert str((SAMPLES / "qh-2013.csv").resolve()) in remembered["recent"]["data"]


@pilot_test
async def test_load_ballots_from_a_suggestion(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+o")
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        options = screen.query_one("#suggestions", OptionList)
        ballots = next(k for k, p in screen._paths.items() if p.name == "phieu-bau.csv")
        screen.query_one("#ballots", RadioButton).value = True
        options.highlighted = options.get_option_index(ballots)
        options.action_select()
        await settle(pilot)
        assert app.dataset is not None and app.dataset.kind == "ballots"
        assert results(app).row_count == 5
        assert results(app).cell_text(0, "name") == "Trần Minh Khang"


@pilot_test
async def test_a_bad_data_file_is_reported_and_the_previous_data_stay(tmp_path: Path) -> None:
    bad = tmp_path / "sai.csv"
    bad.write_text("id,name,collected,cao,tn,thap\nA,Một,ba mươi,1,2,3\n", encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = app.dataset
        await pilot.press("ctrl+o")
        await pick(pilot, bad)
        assert app.dataset is before and app.data_path == SAMPLES / "phu-luc-2022.csv"
        assert results(app).row_count == 56
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "sai.csv" in errors[-1].message


@pilot_test
async def test_a_missing_path_is_refused_in_the_picker(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+o")
        await pick(pilot, tmp_path / "khong-co.csv")
        assert isinstance(app.screen, PickerScreen)  # still open, saying why
        assert "khong-co.csv" in str(app.screen.query_one("#picker-error").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, PickerScreen)


# --- rule sets -------------------------------------------------------------------------------


@pilot_test
async def test_switch_rule_set(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await pick(pilot, RULES / "qd96-2023.tn")
        assert app.ruleset is not None and app.ruleset.name.startswith("QĐ 96")
        assert app.evaluation is not None and app.evaluation.ruleset is app.ruleset
        assert app.status.rules == app.ruleset.name
        view = app.query_one(RulesView)
        assert view.editor.text == (RULES / "qd96-2023.tn").read_text("utf-8")
        assert not view.edited


@pilot_test
async def test_rule_sets_beside_the_data_are_offered(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "phu-luc-2022.csv", tmp_path / "du-lieu.csv")
    shutil.copy(RULES / "qd96-2023.tn", tmp_path / "cua-toi.tn")
    app = make_app(tmp_path, None, tmp_path / "du-lieu.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        offered = {p.name for p in screen._paths.values()}
        assert "cua-toi.tn" in offered and "qd262-2014.tn" in offered


# --- compare ---------------------------------------------------------------------------------


@pilot_test
async def test_compare_with_a_second_rule_set(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+t")
        await pick(pilot, RULES / "phuong-an-2.tn")
        await ready(pilot)
        assert app.query_one(TabbedContent).active == "compare"
        comparison = app.comparison
        assert [p.tally.name for p in comparison.changes] == ["Ngô Công Long"]
        # the results table marks the person and says how the second set treats them
        grid = results(app)
        row = row_of(grid, "Ngô Công Long")
        assert grid.rows.marked(grid.order[row])
        assert grid.cell_text(row, "versus").startswith("⇄ Mức tín nhiệm:")
        assert not grid.rows.marked(grid.order[0])
        # the compare tab: who changes, and a class matrix per common block
        view = app.query_one(CompareView)
        changes, *matrices = view.tables
        assert changes.cells(0)[1].plain == "Ngô Công Long"
        assert {m.title for m in matrices} == {
            "Ma trận: Hệ quả (hàng: A, cột: B)",
            "Ma trận: Mức tín nhiệm (hàng: A, cột: B)",
        }
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app.compare_ruleset is None and "versus" not in results(app).column_keys


# --- edit the rules --------------------------------------------------------------------------


async def edit(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    view = pilot.app.query_one(RulesView)
    view.editor.text = text
    await pilot.pause()
    view.flush()
    await settle(pilot)


@pilot_test
async def test_edit_a_threshold_and_see_a_person_change_class(tmp_path: Path) -> None:
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = results(app)
        chairman = row_of(grid, "Lê Duy Thành")
        assert grid.cell_text(chairman, "class:consequence").startswith("Có thể xin từ chức")
        await pilot.press("6")
        view = app.query_one(RulesView)
        original = view.editor.text
        await edit(pilot, original.replace("share(thap) > 1/2", "share(thap) > 55%"))
        assert view.edited and app.status.edited and app.status.errors == 0
        assert grid.cell_text(chairman, "class:consequence") == "Không"  # 53,19% < 55%
        # save the edit as an overlay that extends the original, and use it
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SaveOverlayScreen)
        target = tmp_path / "nq96-sua.tn"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        saved = target.read_text("utf-8")
        assert saved.startswith('ruleset "NQ 96/2023/QH15') and 'extends "nq96-2023.tn"' in saved
        assert "share(thap) > 55%" in saved and "classify band" not in saved
        assert app.rules_path == target and not view.edited
        assert view.editor.text == saved
        assert results(app).cell_text(chairman, "class:consequence") == "Không"


@pilot_test
async def test_a_typo_shows_diagnostics_and_keeps_the_last_good_results(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        good = app.evaluation
        view = app.query_one(RulesView)
        await edit(pilot, view.editor.text.replace("share(thap) > 1/2", "share(thapp) > 1/2"))
        assert app.diagnostics and any(d.is_error for d in app.diagnostics)
        assert "thapp" in app.diagnostics[0].message
        assert app.evaluation is good and results(app).row_count == 56
        assert app.status.errors >= 1
        listed = view.query_one("#diagnostics", OptionList)
        assert "thapp" in str(listed.get_option_at_index(0).prompt)
        # fixing it brings live results back
        await edit(pilot, view.saved_text)
        assert not app.diagnostics and app.evaluation is not good


@pilot_test
async def test_a_rules_file_changed_on_disk_is_reloaded_and_a_broken_one_keeps_results(
    tmp_path: Path,
) -> None:
    rules = tmp_path / "quy-tac.tn"
    text = (RULES / "qd96-2023.tn").read_text("utf-8")
    rules.write_text(text, encoding="utf-8")
    app = make_app(tmp_path, rules)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        good = app.evaluation
        rules.write_text(text.replace("levels {", "levels {{"), encoding="utf-8")
        os.utime(rules, (1, 1))  # a new mtime, whatever the clock says
        app.poll_files()
        await settle(pilot)
        assert app.loaded is not None and app.loaded.errors
        assert app.evaluation is good and results(app).row_count == 56
        assert app.status.errors >= 1
        assert app.query_one(RulesView).editor.text == rules.read_text("utf-8")
        rules.write_text(text.replace("share(thap) > 1/2", "share(thap) > 3/5"), encoding="utf-8")
        os.utime(rules, (2, 2))
        app.poll_files()
        await settle(pilot)
        assert not app.loaded.errors and app.evaluation is not good
        assert app.status.errors == 0


@pilot_test
async def test_a_broken_rules_file_at_start_shows_its_diagnostics(tmp_path: Path) -> None:
    rules = tmp_path / "hong.tn"
    rules.write_text('ruleset "Hỏng"\nlevels { cao "Cao" }\nbasis colected\n', encoding="utf-8")
    app = make_app(tmp_path, rules)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5):
            await settle(pilot)
        assert app.evaluation is None and app.diagnostics
        assert app.status.errors >= 1
        assert app.query_one(RulesView).editor.text.startswith('ruleset "Hỏng"')


# --- export ----------------------------------------------------------------------------------


async def export(pilot, path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+e")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    screen.query_one("#format", Select).value = fmt
    await pilot.pause()
    screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "toml", "md"])
@pilot_test
async def test_export_the_results_and_read_them_back(tmp_path: Path, fmt: str) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        target = tmp_path / f"ket-qua.{fmt}"
        await export(pilot, target, fmt)
        assert target.is_file(), [n.message for n in app._notifications]
        headers, first = _read_back(target, fmt)
        assert headers[:4] == ["STT", "Mã", "Họ và tên", "Chức vụ"]  # as `run -f csv`
        assert "Tín nhiệm cao (%)" in headers
        row = dict(zip(headers, first, strict=True))
        assert row["Họ và tên"] == "Nguyễn Trọng Hòa" and row["Hệ quả"] == "Không"
        assert row["Mã"] == "K01"
        assert str(row["Tín nhiệm cao"]) == "23"


def _read_back(path: Path, fmt: str) -> tuple[list[str], list[object]]:
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        return rows[0], list(rows[1])
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path).active
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        return [str(h) for h in values[0]], values[1]
    if fmt in ("json", "toml"):
        records = (
            json.loads(path.read_text("utf-8"))["rows"]
            if fmt == "json"
            else tomllib.loads(path.read_text("utf-8"))["rows"]
        )
        return list(records[0]), list(records[0].values())
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.startswith("|")]
    cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in (lines[0], lines[2])]
    return cells[0], list(cells[1])


@pilot_test
async def test_export_the_report_table_sorted_as_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        grid = app.query_one(ReportView).grids[0]
        grid.focus()
        grid.sort_by("rated", reverse=False)
        target = tmp_path / "phu-luc.csv"
        await export(pilot, target, "csv")
        with target.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0][:2] == ["Nhóm", "Số được lấy phiếu"]
        assert [r[1] for r in rows[1:]] == ["14", "42", "56"]


# --- views -----------------------------------------------------------------------------------


@pilot_test
async def test_report_tab_shows_the_appendix(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        (appendix,) = app.query_one(ReportView).tables
        assert appendix.title == "Phụ lục"
        total = appendix.cells(len(appendix) - 1)
        assert total[0].plain == "Tổng cộng" and total[1].plain == "56"


@pilot_test
async def test_calendar_of_a_term_for_both_sets(tmp_path: Path) -> None:
    app = make_app(tmp_path, None, None, compare=RULES / "de-xuat-2-nam.tn")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await settle(pilot)
        view = app.query_one(CalendarView)
        field = view.query_one("#term", Input)
        assert field.value == "2016-2021"  # the data's vote (2018) is year 3 of its term
        field.value = "2021-2026"
        await settle(pilot)
        calendar, coverage = view.query_one("#calendar-sections").tables  # type: ignore[attr-defined]
        years = {calendar.cells(i)[0].plain: calendar.cells(i) for i in range(len(calendar))}
        assert list(years) == ["2021", "2022", "2023", "2024", "2025"]
        assert years["2023"][1].plain.startswith("✓") and years["2022"][1].plain == "—"
        assert years["2022"][2].plain.startswith("✓") and years["2024"][2].plain.startswith("✓")
        assert len(coverage) == 56
        assert next(c.plain for c in coverage.cells(0)[4:]).startswith("1:")


@pilot_test
async def test_sweep_a_threshold(tmp_path: Path) -> None:
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        await settle(pilot)
        view = app.query_one(SweepView)
        assert view.query_one("#sweep-rule", Select).value == "consequence.resign"
        result = view.result
        assert result is not None and result.rule == "resign"
        flipped = {f.tally.name: step.value for step in result.steps for f in step.flips}
        assert "Lê Duy Thành" in flipped  # 53,19% "thấp": flips once the threshold passes it
        steps, _flips = view.query_one("#sweep-sections").tables  # type: ignore[attr-defined]
        assert len(steps) == len(result.steps)


@pilot_test
async def test_sorting_by_a_column(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = results(app)
        grid.sort_by("pct:thap", reverse=True)
        await settle(pilot)
        shares = [
            grid.rows.sort_key(grid.order[p], grid.column_keys.index("pct:thap")) for p in range(5)
        ]
        assert shares == sorted(shares, reverse=True)
        await pilot.press("r")  # reverse
        assert grid.sort_column == "pct:thap" and not grid.sort_reverse
        await pilot.press("s")  # the next column
        assert grid.sort_column == "basis"


@pilot_test
async def test_the_cursor_stays_on_its_person_when_the_rows_are_sorted(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = results(app)
        await pilot.press("down", "down", "down")
        await settle(pilot)
        name = grid.cell_text(3, "name")
        for column, reverse in (("name", False), ("name", True), ("pct:thap", False)):
            grid.sort_by(column, reverse=reverse)
            await settle(pilot)
            assert grid.cursor_index == 3
            assert grid.cursor == grid.order.index(3) != 3
            assert grid.cell_text(grid.cursor, "name") == name


# --- keys, help, language --------------------------------------------------------------------


@pilot_test
async def test_help_lists_every_action(tmp_path: Path) -> None:
    from tinnhiem.tui.actions import ACTIONS

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(Grid).rows
        from tinnhiem.tui.screens.help import NAVIGATION

        assert len(table) == len(ACTIONS) + len(NAVIGATION)  # and the keys of moving around
        commands = [table.cells(i)[1].plain for i in range(len(table))]
        assert (
            "Dữ liệu: mở tệp…" in commands and "So sánh: so sánh với bộ quy tắc khác…" in commands
        )
        assert "Di chuyển: Thoát vùng" in commands
        leave = commands.index("Di chuyển: Thoát vùng")
        assert table.cells(leave)[0].plain == "Esc"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_every_binding_has_words_and_an_id_and_a_palette_entry(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        bindings = [b for _k, b in app._bindings if not b.system]
        assert all(b.description and b.tooltip and b.id for b in bindings)
        assert [b.id for b in bindings if b.priority] == ["tinnhiem.quit"]
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in (
            "Dữ liệu: mở tệp…",
            "Quy tắc: chọn bộ quy tắc…",
            "Bảng: xuất bảng đang xem…",
        ):
            assert wanted in titles
        assert all(": " in t for t in titles if t not in ("Theme", "Screenshot"))


@pilot_test
async def test_switch_language_and_remember_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert app.lang == "en"
        assert results(app).rows.columns[1].label == "Name"
        assert str(app.query_one(TabbedContent).get_tab("results").label) == "Results"
        assert "Base" in app.query_one(WhyPanel).text
    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert again.lang == "en"


@pilot_test
async def test_lang_given_on_the_command_line_wins(tmp_path: Path) -> None:
    app = make_app(tmp_path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert results(app).rows.columns[1].label == "Name"


@pilot_test
async def test_a_narrow_terminal_stacks_the_why_panel(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.screen.has_class("-narrow")
        why, table = app.query_one(WhyPanel), results(app)
        assert why.region.y > table.region.y and why.region.width >= 70


@pilot_test
async def test_a_stale_evaluation_never_overwrites_a_newer_one(tmp_path: Path) -> None:
    from tinnhiem.tui.messages import Evaluated

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        current = app.evaluation
        assert current is not None and app.dataset is not None
        old = app.ticket("eval")
        app.ticket("eval")  # a newer evaluation was asked for
        app.post_message(Evaluated(old, current, 0.0, app.dataset))
        stale = Evaluated(old, _other_evaluation(app), 0.0, app.dataset)
        app.post_message(stale)
        await settle(pilot)
        assert app.evaluation is current


def _other_evaluation(app: TinnhiemApp):  # type: ignore[no-untyped-def]
    from tinnhiem.tui import backend

    ruleset = backend.load_rules(RULES / "qd96-2023.tn").ok()
    return backend.evaluate(ruleset, app.dataset)  # type: ignore[arg-type]


@pilot_test
async def test_exempt_people_are_listed_with_their_reason(tmp_path: Path) -> None:
    data = tmp_path / "mien.csv"
    data.write_text(
        "id,name,position,round,members,present,collected,cao,tn,thap,retirement_notice,appointed\n"
        "A,Nguyễn Văn An,Bí thư,2023-12-20,40,38,38,30,5,3,true,2015-01-01\n"
        "B,Trần Thị Bình,Phó Bí thư,2023-12-20,40,38,38,10,8,20,false,2015-01-01\n",
        encoding="utf-8",
    )
    app = make_app(tmp_path, "qd96-2023", data)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = results(app)
        reason = "Không lấy phiếu: Đã có thông báo nghỉ hưu (Điều 2.3)"  # with the article
        assert grid.cell_text(0, "class:consequence") == reason
        assert grid.cell_text(1, "class:consequence").startswith("Đưa ra khỏi quy hoạch")
        assert reason in app.query_one(WhyPanel).text
        grid.sort_by("class:consequence")  # the worst class first, the exempt last
        assert grid.cell_text(0, "name") == "Trần Thị Bình"


@pilot_test
async def test_load_data_from_an_excel_file(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    with (SAMPLES / "vinh-phuc-2023.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append([int(c) if c.isdigit() else c for c in row])
    book.save(tmp_path / "vinh-phuc.xlsx")
    app = make_app(tmp_path, "nq96-2023")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+o")
        await pick(pilot, tmp_path / "vinh-phuc.xlsx")
        grid = results(app)
        assert grid.row_count == 7
        assert grid.cell_text(row_of(grid, "Lê Duy Thành"), "pct:thap") == "53,19%"


@pilot_test
async def test_the_why_panel_says_why_in_the_language_of_the_app(tmp_path: Path) -> None:
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = results(app)
        grid.move_to(row_of(grid, "Lê Duy Thành"))
        await settle(pilot)
        text = app.query_one(WhyPanel).text
        assert "share(thap) = 25/47 = 53,19% > 1/2: đúng" in text
        assert "share(thap) = 25/47 = 53,19% ≥ 2/3: sai" in text
        assert "không quy tắc nào trước đó khớp" in text
        await pilot.press("f2")
        await settle(pilot)
        text = app.query_one(WhyPanel).text
        assert "share(thap) = 25/47 = 53,19% > 1/2: yes" in text
        assert "no earlier rule matched" in text and "đúng" not in text
