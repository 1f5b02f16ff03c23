"""Pilot tests of what an office needs every day: keys that never edit text, the pickers, data
of either shape, the calendar's own files, exports that ask before overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_support import RULES, SAMPLES, make_app, pilot_test, ready, settle
from textual.widgets import (
    Button,
    Input,
    Label,
    OptionList,
    RadioButton,
    Select,
    Static,
    TabbedContent,
)
from tinnhiem.tui.screens.export import ExportScreen
from tinnhiem.tui.screens.picker import PickerScreen
from tinnhiem.tui.widgets.calendar import CalendarView
from tinnhiem.tui.widgets.editor import RulesView
from tinnhiem.tui.widgets.grid import Grid
from tinnhiem.tui.widgets.sections import Sections

from tinnhiem.cli import main

SIZE = (120, 36)


# --- 1. a global key never edits text ---------------------------------------------------------


@pilot_test
async def test_tab_keys_never_type_into_the_rules(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.query_one(RulesView)
        before = view.editor.text
        await pilot.press("6")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "rules"
        await pilot.press("1")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "results"
        assert view.editor.text == before and not view.edited
        assert not [n for n in app._notifications if n.severity == "error"]


@pilot_test
async def test_digits_type_once_the_user_enters_the_editor_and_escape_leaves_it(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.query_one(RulesView)
        await pilot.press("6", "tab")
        assert app.focused is view.editor
        view.editor.move_cursor((0, 0))
        await pilot.press("#", "1")
        assert view.editor.text.startswith("#1")
        assert app.query_one(TabbedContent).active == "rules"
        await pilot.press("escape", "1")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "results"
        assert view.editor.text.startswith("#1# Quy")  # nothing more typed


# --- 2. the rules picker starts on the current rules, named as the user knows them ------------


@pilot_test
async def test_the_rules_picker_starts_on_the_current_rules_by_name(tmp_path: Path) -> None:
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        assert screen.query_one("#path", Input).value == "nq96-2023.tn"
        options = screen.query_one("#suggestions", OptionList)
        assert options.highlighted is not None
        assert "nq96-2023.tn" in str(options.get_option_at_index(options.highlighted).prompt)
        # another bundled set, chosen from the list, is shown by its name and opens
        other = next(k for k, p in screen._paths.items() if p.name == "qd262-2014.tn")
        options.highlighted = options.get_option_index(other)
        await pilot.pause()
        assert screen.query_one("#path", Input).value == "qd262-2014.tn"
        await pilot.press("enter")
        await settle(pilot)
        assert app.rules_path == RULES / "qd262-2014.tn"
        assert app.ruleset is not None and app.ruleset.name == "QĐ 262-QĐ/TW (2014)"


# --- 3. a ballots file opens from the dialog: its shape says what it is -----------------------


@pilot_test
async def test_a_ballots_file_typed_in_the_dialog_is_detected_and_opens_as_ballots(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+o")
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        screen.query_one("#path", Input).value = str(SAMPLES / "phieu-bau.csv")
        await pilot.pause()
        assert screen.query_one("#ballots", RadioButton).value
        detected = str(screen.query_one("#detected", Label).render())
        assert detected == "nhận ra: phiếu bầu"
        await pilot.press("enter")
        await settle(pilot)
        assert app.dataset is not None and app.dataset.kind == "ballots"
        grid = app.query_one("#results-table", Grid)
        assert grid.row_count == 5 and grid.cell_text(0, "name") == "Trần Minh Khang"
        assert app._notifications and not [n for n in app._notifications if n.severity == "error"]
        said = [n.message for n in app._notifications]
        assert "Đã nạp phieu-bau.csv (phiếu bầu): 5 người" in said


@pilot_test
async def test_a_tallies_file_is_detected_and_the_user_may_switch_the_kind(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+o")
        screen = app.screen
        screen.query_one("#path", Input).value = str(SAMPLES / "phieu-bau.csv")
        await pilot.pause()
        screen.query_one("#path", Input).value = str(SAMPLES / "qh-2013.csv")
        await pilot.pause()
        assert screen.query_one("#tallies", RadioButton).value
        assert str(screen.query_one("#detected", Label).render()) == ("nhận ra: kết quả kiểm phiếu")
        screen.query_one("#ballots", RadioButton).value = True  # the user knows better
        await pilot.press("enter")
        await settle(pilot)
        assert app.data_path == SAMPLES / "phu-luc-2022.csv"  # read as ballots, it fails
        assert [n for n in app._notifications if n.severity == "error"]


# --- 5. new data start at the left; the recent files are those that load, told apart ---------


@pilot_test
async def test_new_data_are_shown_from_the_first_column(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        grid.scroll_to(x=60, animate=False, immediate=True)
        await pilot.pause()
        assert grid.scroll_x == 60
        app.load_data(SAMPLES / "qh-2013.csv")
        await settle(pilot)
        assert grid.cell_text(0, "name") == "Trương Tấn Sang"
        assert grid.scroll_x == 0 and grid.scroll_y == 0


@pilot_test
async def test_recent_files_that_fail_are_forgotten_and_same_names_told_apart(
    tmp_path: Path,
) -> None:
    good = SAMPLES / "vinh-phuc-2023.csv"
    one, two = tmp_path / "2023" / "a", tmp_path / "2024" / "a"
    for folder in (one, two):
        folder.mkdir(parents=True)
        (folder / "du-lieu.csv").write_bytes(good.read_bytes())
    app = make_app(tmp_path, "nq96-2023")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for folder in (one, two):
            app.load_data(folder / "du-lieu.csv")
            await settle(pilot)
        (one / "du-lieu.csv").write_text("id,name\n", encoding="utf-8")  # broken since
        app.load_data(one / "du-lieu.csv")
        await settle(pilot)
        assert str((one / "du-lieu.csv").resolve()) not in app.config.recent_data
        (one / "du-lieu.csv").write_bytes(good.read_bytes())
        app.config = app.config.with_recent("data", one / "du-lieu.csv")
        await pilot.press("ctrl+o")
        await settle(pilot)
        options = app.screen.query_one("#suggestions", OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        recent = [s.strip() for s in shown if "du-lieu.csv" in s]
        assert recent == ["du-lieu.csv  2023/a/", "du-lieu.csv  2024/a/"]
        # the bundled samples are listed once, under their own heading
        assert sum("phu-luc-2022.csv" in s for s in shown) == 1


# --- 6. export: asks before overwriting, follows the name's suffix, the CLI's columns ---------


async def _export_dialog(pilot, path: Path) -> ExportScreen:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+e")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    screen.query_one("#path", Input).value = str(path)
    await pilot.pause()
    return screen


@pilot_test
async def test_export_asks_before_overwriting(tmp_path: Path) -> None:
    target = tmp_path / "ket-qua.xlsx"
    target.write_bytes(b"the user's own file")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await _export_dialog(pilot, target)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and target.read_bytes() == b"the user's own file"
        said = str(screen.query_one("#export-error", Label).render())
        assert said == (
            "ket-qua.xlsx đã có. Nhấn Ghi đè (hoặc Enter) lần nữa để thay nó, hoặc đổi tên."
        )
        assert str(screen.query_one("#ok", Button).label) == "Ghi đè"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not screen
        assert target.read_bytes().startswith(b"PK")  # now the workbook


@pilot_test
async def test_a_csv_name_chooses_csv_and_the_columns_are_those_of_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ket-qua.csv"
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await _export_dialog(pilot, target)  # XLSX is selected first
        assert screen.query_one("#format", Select).value == "csv"
        await pilot.press("enter")
        await settle(pilot)
        assert target.is_file(), [n.message for n in app._notifications]
    cli = tmp_path / "cli.csv"
    assert main(["run", "-f", "csv", "-o", str(cli)]) == 0
    capsys.readouterr()
    assert target.read_text("utf-8-sig") == cli.read_text("utf-8-sig")
    header = target.read_text("utf-8-sig").splitlines()[0]
    assert header.startswith("STT,Mã,Họ và tên,Chức vụ,")


# --- 4. the calendar reads a file of time in post, and says where dates come from -------------


@pilot_test
async def test_a_time_in_post_file_feeds_the_calendar_and_the_results_stay(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, "de-xuat-2-nam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = app.evaluation
        await pilot.press("ctrl+o")
        screen = app.screen
        screen.query_one("#path", Input).value = str(SAMPLES / "thoi-gian-giu-chuc-vu.csv")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert not [n for n in app._notifications if n.severity == "error"]
        assert app.evaluation is before and app.data_path == SAMPLES / "phu-luc-2022.csv"
        assert app.query_one(TabbedContent).active == "calendar"
        await settle(pilot)
        view = app.query_one(CalendarView)
        view.query_one("#term", Input).value = "2021-2026"
        await settle(pilot)
        sections = view.query_one(Sections)
        coverage = sections.grids[1]
        assert coverage.row_count == 9
        assert coverage.cell_text(0, "name") == "Lâm Văn Phước"
        assert coverage.cell_text(0, "start") == "2021-01-01"  # in post before the term
        notes = str(sections.query_one(".note", Static).content)
        assert "Thời gian giữ chức vụ lấy từ thoi-gian-giu-chuc-vu.csv." in notes
        assert "6/9 người không có ngày kết thúc (end) trong dữ liệu" in notes


@pilot_test
async def test_the_calendar_says_when_the_term_stands_in_for_dates(tmp_path: Path) -> None:
    app = make_app(tmp_path, "de-xuat-2-nam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await settle(pilot)
        notes = str(app.query_one(CalendarView).query_one(".note", Static).content)
        assert (
            "56/56 người không có ngày bắt đầu (start) trong dữ liệu: tính từ đầu nhiệm kỳ."
            in notes
        )


@pilot_test
async def test_the_calendar_counts_people_not_their_rounds(tmp_path: Path) -> None:
    app = make_app(tmp_path, "qd96-2023", SAMPLES / "nhieu-ky.csv")  # 6 people, 18 votes
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await settle(pilot)
        view = app.query_one(CalendarView)
        assert view.query_one(Sections).grids[1].row_count == 6
        notes = str(view.query_one(".note", Static).content).splitlines()
        assert [line for line in notes if "(start)" in line or "(end)" in line] == [
            "6/6 người không có ngày bắt đầu (start) trong dữ liệu: tính từ đầu nhiệm kỳ.",
            "6/6 người không có ngày kết thúc (end) trong dữ liệu: tính đến cuối nhiệm kỳ.",
        ]


# --- the palette and ctrl+c in Vietnamese; the theme remembered --------------------------------


@pilot_test
async def test_the_palette_and_ctrl_c_speak_vietnamese(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Ứng dụng: đổi giao diện màu" in titles and "Ứng dụng: chụp màn hình" in titles
        assert not {"Theme", "Screenshot", "Quit", "Keys"} & set(titles)
        await pilot.press("ctrl+p")
        await settle(pilot)
        field = app.screen.query_one(Input)
        assert field.placeholder == "Tìm lệnh…"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+c")
        await settle(pilot)
        said = [(n.title, n.message) for n in app._notifications]
        assert ("Bạn muốn thoát?", "Nhấn ^q để thoát ứng dụng") in said


@pilot_test
async def test_the_chosen_theme_is_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.theme = "nord"
        await settle(pilot)
    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert again.theme == "nord"
