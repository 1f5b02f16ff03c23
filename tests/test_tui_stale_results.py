"""Issue 9, item 6: the results on screen are always those of the rule set and data named."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import RULES, SAMPLES, make_app, pilot_test, ready, settle
from textual.widgets import Input, Static
from tinnhiem.tui.screens.picker import PickerScreen
from tinnhiem.tui.widgets.grid import Grid
from tinnhiem.tui.widgets.status import StatusBar

SIZE = (120, 40)
DEPUTIES_ONLY = "name,members,cao,tn,thap\nMột,50,30,10,10\nHai,50,20,10,20\n"


@pilot_test
async def test_switching_to_rules_that_cannot_evaluate_the_data_clears_the_results(
    tmp_path: Path,
) -> None:
    data = tmp_path / "dai-bieu.csv"
    data.write_text(DEPUTIES_ONLY, encoding="utf-8")
    app = make_app(tmp_path, RULES / "nq85-2014.tn", data)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        assert grid.row_count == 2 and not app.status.no_results
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        screen.query_one("#path", Input).value = str(RULES / "qd96-2023.tn")
        await pilot.press("enter")
        await settle(pilot)
        # QĐ 96 takes its percentages over ballots collected: this file has none
        assert app.ruleset is not None and app.ruleset.name == "QĐ 96-QĐ/TW (2023)"
        assert app.evaluation is None and app.comparison is None
        assert grid.row_count == 0
        assert app.status.rules == "QĐ 96-QĐ/TW (2023)" and app.status.no_results
        line = app.query_one(StatusBar).render_status().plain.replace("\u00a0", " ")
        assert line.startswith("✗ chưa có kết quả: không đánh giá được dữ liệu")
        assert "không lỗi" not in line
        note = app.query_one("#results-note", Static)
        assert note.has_class("-shown")
        assert str(note.render()).startswith(
            "Không có kết quả: không đánh giá được dai-bieu.csv theo bộ quy tắc "
            "“QĐ 96-QĐ/TW (2023)”; kết quả của bộ quy tắc trước đã được xóa.\n"
            f"{data}, dòng 2: lỗi: Một: không có `collected`, là cơ sở tính tỷ lệ"
        )
        # back to rules that can: results again, named as they are
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        screen.query_one("#path", Input).value = str(RULES / "nq85-2014.tn")
        await pilot.press("enter")
        await ready(pilot)
        assert app.evaluation is not None and app.evaluation.ruleset is app.ruleset
        assert grid.row_count == 2 and not app.status.no_results
        assert not note.has_class("-shown")


@pilot_test
async def test_the_calendar_shows_exempt_votes_and_people_not_in_post(tmp_path: Path) -> None:
    from tinnhiem.tui.widgets.calendar import CalendarView
    from tinnhiem.tui.widgets.sections import Sections

    data = SAMPLES / "thoi-gian-giu-chuc-vu.csv"
    app = make_app(tmp_path, RULES / "qd96-2023.tn", data)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # no counts in this file: it is time in post, for the calendar; no results to show
        assert app.evaluation is None and app.status.data_file == ""
        await pilot.press("4")
        await settle(pilot)
        view = app.query_one(CalendarView)
        view.query_one("#term", Input).value = "2021-2026"
        await settle(pilot)
        sections = view.query_one("#calendar-sections", Sections)
        _, coverage = sections.tables  # type: ignore[attr-defined]
        rows = {coverage.cells(i)[0].plain: [c.plain for c in coverage.cells(i)] for i in range(9)}
        # Thân Thị Mỹ Hạnh, in post from 2023-04-01: exempt at the 2023 vote
        assert rows["Thân Thị Mỹ Hạnh"][4:] == [
            "0: —",
            "33 tháng",
            "2023: Được bầu, bổ nhiệm trong năm lấy phiếu",
        ]
        assert rows["Lâm Văn Phước"][4:] == ["1: 2023", "36 tháng", ""]
        view.query_one("#term", Input).value = "2026-2031"
        await settle(pilot)
        _, coverage = sections.tables  # type: ignore[attr-defined]
        rows = {coverage.cells(i)[0].plain: [c.plain for c in coverage.cells(i)] for i in range(9)}
        assert rows["Ninh Đức Hậu"][2:] == ["—", "—", "không giữ chức vụ trong nhiệm kỳ", "—", ""]


@pilot_test
async def test_a_bundled_file_is_named_by_its_name_never_by_the_install_folder(
    tmp_path: Path,
) -> None:
    from tinnhiem import bundled

    data = bundled.data_dir() / "vinh-phuc-2023.csv"
    app = make_app(tmp_path, RULES / "qd96-2023.tn", data)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        # the deputies reading: Vĩnh Phúc's table gives ballots collected, not deputies
        screen.query_one("#path", Input).value = str(RULES / "nq96-2023-dai-bieu.tn")
        await pilot.press("enter")
        await settle(pilot)
        note = str(app.query_one("#results-note", Static).render())
        said = [str(n.message) for n in app._notifications]
        assert (
            "\nvinh-phuc-2023.csv, dòng 2: lỗi: Hoàng Thị Thúy Lan: không có `members`, là cơ sở "
            "tính tỷ lệ\n"
        ) in note
        folder = str(bundled.data_dir())
        for text in (note, *said):
            assert folder not in text and str(bundled.data_dir().resolve()) not in text
            assert "__editable__" not in text and "site-packages" not in text


@pilot_test
async def test_what_the_data_cannot_answer_is_said_in_the_ui_in_vietnamese(
    tmp_path: Path,
) -> None:
    # QĐ 96 on the National Assembly's 2013 table: no retirement notice, no appointment date,
    # no `present` for the quorum, and votes ten years before QĐ 96
    app = make_app(tmp_path, RULES / "qd96-2023.tn", SAMPLES / "qh-2013.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        warned = [str(n.message) for n in app._notifications if n.severity == "warning"]
        expected = [
            "chưa kiểm tra được trường hợp không lấy phiếu “Đã có thông báo nghỉ hưu”: dữ liệu "
            "không có cột `retirement_notice`",
            "chưa kiểm tra được trường hợp không lấy phiếu “Được bầu, bổ nhiệm trong năm lấy "
            "phiếu”: dữ liệu không có cột `appointed`",
            "QĐ 96-QĐ/TW (2023) có hiệu lực từ 02/02/2023; các lần lấy phiếu này vào 10/06/2013",
            "chưa kiểm tra được điều kiện hợp lệ (present ≥ 2/3 của members) của 15/15 người: "
            "dữ liệu không có `present`",
        ]
        assert [w for w in warned if w in expected] == expected
