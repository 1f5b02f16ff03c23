"""The TUI's views of issue 13: copying to the clipboard, going to a line, the rules in plain
Vietnamese, several rounds of the same people, and the results fitted to the terminal."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import RULES, SAMPLES, make_app, pilot_test, ready, settle
from textual.widgets import Label, TabbedContent
from textual.widgets._footer import FooterKey
from tinnhiem.rules import load
from tinnhiem.rules.describe import describe
from tinnhiem.tui.app import TinnhiemApp
from tinnhiem.tui.screens.goto import GotoLineScreen
from tinnhiem.tui.table import cut, distinct_fit
from tinnhiem.tui.widgets.editor import RulesView
from tinnhiem.tui.widgets.find import FindBar
from tinnhiem.tui.widgets.grid import Grid
from tinnhiem.tui.widgets.status import StatusBar
from tinnhiem.tui.widgets.why import WhyPanel

from tinnhiem import bundled


def said(app: TinnhiemApp, count: int = 0) -> list[tuple[str, str, str]]:
    """(severity, title, message) of the notifications after the first `count`."""
    return [(n.severity, n.title, n.message) for n in list(app._notifications)[count:]]


# --- copy to the clipboard -------------------------------------------------------------------


@pilot_test
async def test_c_copies_the_highlighted_row_tab_separated_in_the_order_of_the_headers(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("down", "c")
        await settle(pilot)
        assert app.clipboard == "\t".join(
            [
                "2",
                "Phạm Kim Hương",
                "Không",
                "Tín nhiệm cao từ 50% trở lên",
                "26",
                "83,87%",
                "5",
                "16,13%",
                "0",
                "0,00%",
                "31",
                "Phó Bí thư Thường trực Đảng ủy Khối",
                "Ủy viên Ban Thường vụ Đảng ủy Khối",
            ]
        )
        assert said(app)[-1] == (
            "information",
            "Đã chép vào bộ nhớ tạm",
            "Dòng «Phạm Kim Hương»: 13 ô, cách nhau bằng tab",
        )


@pilot_test
async def test_y_copies_the_why_panel_as_plain_text(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("y")
        await settle(pilot)
        lines = app.clipboard.split("\n")
        assert lines[:9] == [
            "Nguyễn Trọng Hòa",
            "Bí thư Đảng ủy Khối · Ủy viên Ban Thường vụ Đảng ủy Khối · "
            "Đảng ủy Khối các cơ quan tỉnh · 2018-12-27",
            "",
            "Cơ sở tính",
            "  số phiếu thu về = 31",
            "",
            "Số phiếu",
            "  Tín nhiệm cao  23/31 74,19%",
            "  Tín nhiệm       5/31 16,13%",
        ]
        assert "  Hệ quả: Không  (dòng 40, qd262-2014.tn)" in lines
        assert all(line == line.rstrip() for line in lines)
        assert said(app)[-1] == (
            "information",
            "Đã chép vào bộ nhớ tạm",
            f"Phần giải thích «vì sao» của Nguyễn Trọng Hòa: {len(lines)} dòng",
        )


@pilot_test
async def test_c_copies_a_row_of_the_report_and_is_text_in_the_rules_editor(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        grid = app.current_grid()
        assert grid is not None
        assert app.clipboard == "\t".join(c.plain for c in grid.row_cells(grid.cursor))
        assert app.clipboard.split("\t")[0] == grid.cell_text(0, grid.column_keys[0])
        await pilot.press("6", "tab", "end", "c", "y")
        await settle(pilot)
        editor = app.query_one("#editor")
        row = editor.cursor_location[0]
        assert editor.document.get_line(row).endswith("cy")
        assert app.clipboard.split("\t")[0] == grid.cell_text(0, grid.column_keys[0])


# --- going to a line -------------------------------------------------------------------------


@pilot_test
async def test_ctrl_l_asks_a_line_refuses_one_out_of_range_and_goes_to_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        editor = app.query_one(RulesView).editor
        last = editor.document.line_count
        await pilot.press("ctrl+l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GotoLineScreen)
        asked = screen.query_one("#goto-ask", Label).render()
        assert str(asked) == f"Số dòng, từ 1 đến {last} (con trỏ đang ở dòng 1):"
        await pilot.press("0", "enter")
        assert app.screen is screen  # refused, said in the dialog
        error = str(screen.query_one("#goto-error", Label).render())
        assert error == f"Cần một số dòng từ 1 đến {last}."
        await pilot.press("backspace", "x", "3", "8", "enter")  # a letter is not typed
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "rules"
        assert app.focused is editor
        assert editor.cursor_location == (37, 0)
        assert editor.text == (RULES / "qd262-2014.tn").read_text(encoding="utf-8")


@pilot_test
async def test_ctrl_l_escape_changes_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+l", "5", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, GotoLineScreen)
        assert app.query_one(TabbedContent).active == "results"
        assert app.query_one(RulesView).editor.cursor_location == (0, 0)


def _links(app: TinnhiemApp) -> dict[str, tuple[int, int]]:
    """The actions of the why panel's clickable places, each with a screen cell of it."""
    panel = app.query_one(WhyPanel).region
    found: dict[str, tuple[int, int]] = {}
    for y in range(panel.y, panel.bottom):
        for x in range(panel.x, panel.right):
            action = app.screen.get_style_at(x, y).meta.get("@click")
            if action:
                found.setdefault(action, (x, y))
    return found


@pilot_test
async def test_a_click_on_a_rule_line_in_the_why_panel_goes_to_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        path = str(RULES / "qd262-2014.tn")
        links = _links(app)
        # the deciding rules of each block, then the first rules tried, as shown on screen
        assert list(links)[:3] == [
            f"app.goto_source(40, {path!r})",
            f"app.goto_source(45, {path!r})",
            f"app.goto_source(36, {path!r})",
        ]
        await pilot.click(offset=links[f"app.goto_source(45, {path!r})"])
        await settle(pilot)
        editor = app.query_one(RulesView).editor
        assert app.query_one(TabbedContent).active == "rules"
        assert editor.cursor_location == (44, 0)
        assert app.focused is editor


@pilot_test
async def test_a_click_on_a_line_of_the_base_file_says_where_it_is(tmp_path: Path) -> None:
    overlay = tmp_path / "thu.tn"
    overlay.write_text('ruleset "Thử" extends "qd262-2014.tn"\n', encoding="utf-8")
    app = make_app(tmp_path, overlay)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        count = len(app._notifications)
        await pilot.click(offset=next(iter(_links(app).values())))
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "results"
        assert said(app, count) == [
            (
                "warning",
                "",
                "Quy tắc ở dòng 40 của tệp gốc qd262-2014.tn (bộ quy tắc này kế thừa nó), "
                "không phải tệp đang mở trong trình sửa.",
            )
        ]


# --- the rules in plain Vietnamese -----------------------------------------------------------


@pilot_test
async def test_f3_shows_the_rules_in_plain_vietnamese_following_the_edits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        view = app.query_one(RulesView)
        panel = view.query_one("#rules-plain")
        assert not panel.display
        await pilot.press("f3")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "rules" and panel.display
        shown = lambda: view.plain  # noqa: E731
        title = lambda: str(view.query_one("#plain-title", Label).render())  # noqa: E731
        assert shown() == describe(load(RULES / "qd262-2014.tn", bundled.loader()).ok())
        assert title() == "Diễn giải bằng lời"
        assert "- Người có quá nửa số phiếu tín nhiệm thấp: Xem xét đưa ra khỏi quy" in shown()
        # an edit that parses: the words follow
        editor = view.editor
        editor.text = editor.text.replace("share(thap) > 1/2", "share(thap) >= 60%")
        await pilot.pause()  # the editor's change handled: its edit pending
        view.flush()
        await settle(pilot)
        assert "- Người có từ 60% số phiếu tín nhiệm thấp trở lên: Xem xét đưa" in shown()
        # an edit with an error: the last good words stay, and the title says so
        editor.text = editor.text.replace("share(thap) >= 60%", "share(thapp) >= 60%")
        await pilot.pause()  # the editor's change handled: its edit pending
        view.flush()
        await settle(pilot)
        assert "- Người có từ 60% số phiếu tín nhiệm thấp trở lên: Xem xét đưa" in shown()
        assert title() == ("Diễn giải bằng lời: của bản không lỗi gần nhất (bản đang sửa có lỗi)")
        await pilot.press("f3")
        await settle(pilot)
        assert not panel.display


# --- several rounds of the same people -------------------------------------------------------


@pilot_test
async def test_several_rounds_count_people_show_the_round_and_a_persons_rounds(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, "qd41-2021", SAMPLES / "nhieu-ky.csv")
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        status = app.query_one(StatusBar).render_status().plain
        assert "Dữ liệu: nhieu-ky.csv (6 người, 18 lượt)" in status.replace("\u00a0", " ")
        grid = app.query_one("#results-table", Grid)
        assert grid.column_keys[:4] == ["n", "name", "round", "class:consequence"]
        assert grid.rows.columns[2].label == "Đợt"
        assert [grid.cell_text(i, "round") for i in (0, 6, 12)] == [
            "2012-11-15",
            "2013-06-10",
            "2014-11-15",
        ]
        await pilot.press("down", "down", "down", "down", "down", "down", "down")  # row 8
        await settle(pilot)
        lines = app.query_one(WhyPanel).text.splitlines()
        start = lines.index("Các đợt của người này")
        assert [line.rstrip() for line in lines[start + 1 : start + 4]] == [
            "   2012-11-15 Không · Tín nhiệm cao và tín nhiệm từ 50% trở lên",
            " ▶ 2013-06-10 Xem xét cho từ chức · Tín nhiệm cao và tín nhiệm dưới 50%",
            "   2014-11-15 Không · Tín nhiệm cao và tín nhiệm từ 50% trở lên",
        ]
        # find counts votes, not people; a round is found by its date
        await pilot.press("slash", *"2013")
        await settle(pilot)
        assert app.query_one(FindBar).count_text == "6/18 lượt"


@pilot_test
async def test_one_vote_each_has_no_round_column_and_counts_people(tmp_path: Path) -> None:
    app = make_app(tmp_path)  # phu-luc-2022: a round (vote date) per body, one vote each
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        status = app.query_one(StatusBar).render_status().plain.replace("\u00a0", " ")
        assert "Dữ liệu: phu-luc-2022.csv (56 người)" in status
        assert "round" not in app.query_one("#results-table", Grid).column_keys
        assert "Các đợt của người này" not in app.query_one(WhyPanel).text


# --- the results fitted to the terminal ------------------------------------------------------


def test_class_columns_are_cut_but_never_so_that_two_classes_look_alike() -> None:
    high = "Tín nhiệm cao từ 50% trở lên"
    mid = "Tín nhiệm cao và tín nhiệm từ 50% trở lên"
    low = "Tín nhiệm cao và tín nhiệm dưới 50%"
    assert distinct_fit("Không", cap=24) == 5
    assert distinct_fit(high, mid, cap=24) == 24
    assert cut(high, 24) == "Tín nhiệm cao từ 50% tr…"
    assert cut(mid, 24) == "Tín nhiệm cao và tín nh…"
    # mid and low differ from their 28th letter: cut at 28 they would read the same
    assert distinct_fit(high, mid, low, cap=24) == 29
    assert cut(mid, 29) == "Tín nhiệm cao và tín nhiệm t…"
    assert cut(low, 29) == "Tín nhiệm cao và tín nhiệm d…"


@pilot_test
async def test_at_120_columns_the_results_show_the_classes_and_the_first_counts(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        assert app.query_one(WhyPanel).size.width == 40 - 1 - 2  # border, padding
        seen = [grid.column_at(x) for x in range(grid.scrollable_content_region.width)]
        assert list(dict.fromkeys(seen)) == [
            "n",
            "name",
            "class:consequence",
            "class:band",
            "count:cao",
            "pct:cao",
        ]
        await pilot.press("w")  # the why panel hidden: every count and share
        await settle(pilot)
        seen = [grid.column_at(x) for x in range(grid.scrollable_content_region.width)]
        assert [k for k in grid.column_keys if k not in seen] == ["basis", "position", "group"]


@pilot_test
async def test_at_80_columns_the_footer_is_whole_in_both_languages_with_an_edit(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.query_one(RulesView)
        view.editor.text = view.editor.text.replace("share(thap) > 1/2", "share(thap) > 1/3")
        await pilot.pause()  # the editor's change handled: its edit pending
        view.flush()
        await settle(pilot)
        for lang in ("vi", "en"):
            app.lang = lang
            await settle(pilot)
            keys = list(app.query(FooterKey))
            shown = [k.key for k in keys]
            assert shown == [
                "f1",
                "ctrl+o",
                "ctrl+r",
                "ctrl+s",
                "ctrl+t",
                "ctrl+e",
                "ctrl+p",
                "ctrl+q",
            ]
            assert max(k.region.right for k in keys) <= 80, lang


def _line_at(app: TinnhiemApp, text: str) -> tuple[int, int]:
    """(x, y) within the why panel's text of the first screen line holding `text`."""
    shown = app.query_one("#why-text")
    for y in range(shown.size.height):
        line = shown.render_line(y).text
        if text in line:
            return line.index(text), y
    raise AssertionError(f"{text!r} not in the why panel")


@pilot_test
async def test_a_click_on_a_round_in_the_why_panel_moves_the_cursor_to_its_row(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, "qd41-2021", SAMPLES / "nhieu-ky.csv")
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        await pilot.press("down")  # row 2: Lưu Thị Bích Ngọc, 2012-11-15; her rounds: 2, 8, 14
        await settle(pilot)
        x, y = _line_at(app, "2014-11-15")
        await pilot.click("#why-text", offset=(x, y))
        await settle(pilot)
        assert (grid.cursor, grid.cursor_index) == (13, 13)
        assert grid.cell_text(13, "round") == "2014-11-15"
        assert grid.cell_text(13, "name") == "Lưu Thị Bích Ngọc"
        assert app.focused is grid
        lines = [line.rstrip() for line in app.query_one(WhyPanel).text.splitlines()]
        start = lines.index("Các đợt của người này")
        assert [line[:13] for line in lines[start + 1 : start + 4]] == [
            "   2012-11-15",
            "   2013-06-10",
            " ▶ 2014-11-15",
        ]
        # sorted by name and found by "2013": the row is found where the sort put it
        grid.sort_by("name")
        await pilot.press("slash", *"2013", "enter")
        await settle(pilot)
        name = app.query_one(WhyPanel).text.splitlines()[0].strip()
        x, y = _line_at(app, "2013-06-10")
        await pilot.click("#why-text", offset=(x, y))
        await settle(pilot)
        assert grid.row_count == 6
        assert (grid.cell_text(grid.cursor, "name"), grid.cell_text(grid.cursor, "round")) == (
            name,
            "2013-06-10",
        )
        # a round the find hides: the find is closed and every row shown again, still sorted
        x, y = _line_at(app, "2012-11-15")
        await pilot.click("#why-text", offset=(x, y))
        await settle(pilot)
        assert not app.query_one(FindBar).is_open
        assert (grid.row_count, grid.sort_column) == (18, "name")
        assert (grid.cell_text(grid.cursor, "name"), grid.cell_text(grid.cursor, "round")) == (
            name,
            "2012-11-15",
        )


@pilot_test
async def test_a_column_the_view_cuts_never_shows_part_of_a_number(tmp_path: Path) -> None:
    app = make_app(tmp_path, "qd262-2014", SAMPLES / "nhieu-ky.csv")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        line = lambda y: grid.render_line(y).text  # noqa: E731
        # a text cut at the right edge ends in "…"
        assert line(2) == (
            "   1  Đặng Văn Thái      2012-11-15  Không                     Tín nhiệm cao và…"
        )
        grid.scroll_to(x=30, animate=False, immediate=True)
        await settle(pilot)
        # the share of "Tín nhiệm cao" (24,56%) would read "24,5": blanked, as the part of
        # "Hệ quả" scrolled past on the left
        assert line(1).rstrip() == (
            "   #  Họ và tên                  Mức tín nhiệm                        cao"
        )
        assert line(2) == (
            "   1  Đặng Văn Thái              Tín nhiệm cao và tín nhiệm t…         14       "
        )
        grid.scroll_to(x=33, animate=False, immediate=True)
        await settle(pilot)
        assert line(2).rstrip().endswith("14   24,56%")


@pilot_test
async def test_the_status_line_drops_the_rules_file_before_cutting_the_compared_name(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, compare="qd41-2021")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        bar = app.query_one(StatusBar)
        full = bar.render_status().plain.replace("\u00a0", " ")
        assert full.endswith("│  So với: QĐ 41-QĐ/TW (2021)") and len(full) > 118
        shown = bar.fitted().plain.replace("\u00a0", " ")
        assert shown == (
            "✓ không lỗi  │  Quy tắc: QĐ 262-QĐ/TW (2014)  │  Dữ liệu: phu-luc-2022.csv (56 người)"
            "  │  So với: QĐ 41-QĐ/TW (2021)"
        )
        await pilot.resize_terminal(160, 36)
        await settle(pilot)
        assert bar.fitted().plain == bar.render_status().plain  # room for all of it


@pilot_test
async def test_f1_fits_what_each_key_does_to_the_dialog_at_120_columns(tmp_path: Path) -> None:
    """At 120 columns what a key does is longer than the room the dialog has: it ends in "…"
    inside the table, never cut at the dialog's edge mid-word as if it were whole."""
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await settle(pilot)
        grid = app.screen.query_one("#help-table", Grid)
        room = grid.scrollable_content_region.width
        assert grid.virtual_size.width <= room  # nothing to scroll sideways, nothing cut
        lines = [grid.render_line(y).text.rstrip() for y in range(grid.size.height)]
        opening = next(line for line in lines if line.lstrip().startswith("^o"))
        assert opening.endswith("Mở tệp kết quả kiểm phiếu hoặc phiếu bầ…")
        assert all(len(line) <= room for line in lines)
