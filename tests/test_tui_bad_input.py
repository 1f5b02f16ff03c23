"""Bad input at every input of `tinnhiem-tui`: each gets a message naming the place and what was
expected, the app stays up, and nothing changes (data, results, rules, files on disk).

The corpus is in tables: add a row to add a case. `{tmp}` in a message is the test's folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest
from test_tui_support import RULES, SAMPLES, make_app, pilot_test, ready, settle
from textual import events
from textual.widgets import Input, Label, RadioButton, Select
from tinnhiem.tui.app import TinnhiemApp
from tinnhiem.tui.backend import EXPORT_FORMATS
from tinnhiem.tui.screens.export import ExportScreen, SaveOverlayScreen
from tinnhiem.tui.screens.picker import PickerScreen
from tinnhiem.tui.widgets.calendar import CalendarView
from tinnhiem.tui.widgets.editor import RulesView
from tinnhiem.tui.widgets.grid import Grid
from tinnhiem.tui.widgets.sweep import SweepView
from tinnhiem.tui.widgets.why import WhyPanel

from tinnhiem import bundled

SIZE = (120, 40)
LONG = "/" + "a" * 4999  # a 5000-character path
LONG_SHOWN = "/" + "a" * 99 + "…" + "a" * 100 + " (5000)"
DATA_FAILED = "Không nạp được dữ liệu; giữ dữ liệu cũ."
BUNDLED = ", ".join(p.stem for p in bundled.bundled_rules())
DATA_NAMES = (
    "hdnd-2023, nhieu-ky, phieu-bau, phu-luc-2022, qh-2013, thoi-gian-giu-chuc-vu, vinh-phuc-2023"
)

# a ballot file's column that would say who voted (the catalog's "ballots.voter_column")
VOTER_COLUMN = (
    "cột này có vẻ cho biết ai đã bỏ từng phiếu; tệp phiếu bầu không được nêu danh người bầu: "
    "hãy xóa cột này (không giá trị nào của cột đã được đọc)"
)


# --- what the app shows, and what must not change ------------------------------------------


def label(app: TinnhiemApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).render())


def notes_since(app: TinnhiemApp, count: int) -> list[tuple[str, str, str]]:
    """(severity, title, message) of the notifications after the first `count`."""
    return [(n.severity, n.title, n.message) for n in list(app._notifications)[count:]]


@dataclass(frozen=True)
class Kept:
    """What bad input must leave as it was."""

    data_path: Path
    dataset: object
    evaluation: object
    ruleset: object
    rules_path: Path
    rows: int
    files: frozenset[str]

    @classmethod
    def of(cls, app: TinnhiemApp, folder: Path) -> Kept:
        return cls(
            app.data_path,
            app.dataset,
            app.evaluation,
            app.ruleset,
            app.rules_path,
            app.query_one("#results-table", Grid).row_count,
            files(folder),
        )


def files(folder: Path) -> frozenset[str]:
    """Every file under `folder` but the app's own config."""
    return frozenset(
        str(p.relative_to(folder)) for p in folder.rglob("*") if "config" not in p.parts
    )


def assert_kept(app: TinnhiemApp, before: Kept, folder: Path) -> None:
    assert app.is_running
    assert Kept.of(app, folder) == before
    assert app.status.data_file == before.data_path.name
    assert app.status.people == before.rows


# --- the data-file picker ----------------------------------------------------------------------


def _write(name: str, content: str | bytes) -> Callable[[Path], str]:
    def make(tmp: Path) -> str:
        path = tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return make


def _folder(tmp: Path) -> str:
    (tmp / "thu-muc").mkdir()
    return str(tmp / "thu-muc")


def _rules_file(tmp: Path) -> str:
    shutil.copy(RULES / "qd96-2023.tn", tmp / "quy-tac.tn")
    return str(tmp / "quy-tac.tn")


BALLOTS_WITH_VOTER = "voter,Trần Minh Khang,Lê Thị Hồng Nhung\n1,tn,cao\n2,cao,thap\n"
NO_BASIS = "id,name,cao,tn,thap\nA,Một,1,2,3\n"

# (case, the text typed (or how to make it), kind, where the message is, the message)
DATA_PICKER = [
    ("empty", lambda tmp: "", "tallies", "dialog", "Chưa có đường dẫn: gõ đường dẫn tệp rồi Enter"),
    (
        "whitespace",
        lambda tmp: "   \t ",
        "tallies",
        "dialog",
        "Chưa có đường dẫn: gõ đường dẫn tệp rồi Enter",
    ),
    ("folder", _folder, "tallies", "dialog", "{tmp}/thu-muc là thư mục; hãy chọn một tệp"),
    (
        "missing",
        lambda tmp: str(tmp / "khong-co.csv"),
        "tallies",
        "dialog",
        "Không có tệp {tmp}/khong-co.csv",
    ),
    (
        "tilde",
        lambda tmp: "~/khong-co.csv",
        "tallies",
        "dialog",
        "Không có tệp ~/khong-co.csv",
    ),
    (
        "markup",
        lambda tmp: str(tmp / "[/]x[b].csv"),
        "tallies",
        "dialog",
        "Không có tệp {tmp}/[/]x[b].csv",
    ),
    (
        "nul",
        lambda tmp: str(tmp / "a\0b.csv"),
        "tallies",
        "dialog",
        "Đường dẫn có ký tự NUL (\\0): {tmp}/a\\0b.csv",
    ),
    (
        "5000 characters",
        lambda tmp: LONG,
        "tallies",
        "dialog",
        f"Đường dẫn không dùng được (File name too long): {LONG_SHOWN}",
    ),
    (
        "zero bytes",
        _write("rong.csv", b""),
        "tallies",
        "notify",
        "{tmp}/rong.csv: lỗi: tệp rỗng (0 byte)",
    ),
    (
        "binary",
        _write("nhi-phan.csv", bytes(range(256)) * 8),
        "tallies",
        "notify",
        "{tmp}/nhi-phan.csv: lỗi: tệp có byte NUL: đó là UTF-16 không có dấu thứ tự byte (BOM), "
        'hoặc không phải tệp văn bản; hãy lưu thành "CSV UTF-8"',
    ),
    (
        "a rules file",
        _rules_file,
        "tallies",
        "notify",
        "{tmp}/quy-tac.tn: lỗi: không biết loại tệp '.tn'; cần một trong các loại .csv, .tsv, "
        ".txt, .xlsx, .xlsm, .json, .toml",
    ),
    (
        "bad counts",
        _write("sai.csv", "id,name,collected,cao,tn,thap\nA,Một,31,-1,2,3\n"),
        "tallies",
        "notify",
        "{tmp}/sai.csv, dòng 2, cột 'cao': lỗi: cần một số nguyên không âm, nhưng ô ghi \"-1\"",
    ),
    (
        "a voter column in ballots",
        _write("phieu.csv", BALLOTS_WITH_VOTER),
        "ballots",
        "notify",
        "{tmp}/phieu.csv, dòng 1, cột 'voter': lỗi: " + VOTER_COLUMN,
    ),
    (
        "tallies given as ballots",
        lambda tmp: str(SAMPLES / "qh-2013.csv"),
        "ballots",
        "notify",
        # a bundled file is named by its name (issue 9), wherever it was opened from
        f"qh-2013.csv, dòng 1, cột 'id': lỗi: {VOTER_COLUMN}\n"
        f"qh-2013.csv, dòng 1, cột 'name': lỗi: {VOTER_COLUMN}",
    ),
    (
        "ballots given as tallies",
        lambda tmp: str(SAMPLES / "phieu-bau.csv"),
        "tallies",
        "notify",
        'phieu-bau.csv, dòng 1: lỗi: không có cột tên: cần một trong các cột "name", '
        '"họ và tên", "họ tên"; các cột tìm thấy là "Trần Minh Khang", "Lê Thị Hồng Nhung", '
        '"Phạm Đức Thịnh", "Đỗ Thu Hà", "Vũ Quang Huy", "void"',
    ),
    (
        "tallies that read but cannot be evaluated",
        _write("khong-co-so-phieu.csv", NO_BASIS),
        "tallies",
        "notify",
        "{tmp}/khong-co-so-phieu.csv, dòng 2: lỗi: Một: không có `collected`, là cơ sở tính tỷ lệ",
    ),
]


async def open_picker(pilot, key: str) -> PickerScreen:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PickerScreen)
    return screen


async def submit(pilot, screen, text: str) -> None:  # type: ignore[no-untyped-def]
    screen.query_one("#path", Input).value = text
    await pilot.press("enter")
    await settle(pilot)
    await settle(pilot)


@pytest.mark.parametrize(
    ("make", "kind", "where", "message"),
    [row[1:] for row in DATA_PICKER],
    ids=[row[0] for row in DATA_PICKER],
)
@pilot_test
async def test_bad_data_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], str],
    kind: str,
    where: str,
    message: str,
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    text = make(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before, count = Kept.of(app, tmp_path), len(app._notifications)
        screen = await open_picker(pilot, "ctrl+o")
        screen.query_one("#path", Input).value = text
        await pilot.pause()
        # the kind the dialog detected, switched by the user where the case says otherwise
        screen.query_one(f"#{kind}", RadioButton).value = True
        await submit(pilot, screen, text)
        expected = message.replace("{tmp}", str(tmp_path))
        if where == "dialog":
            assert app.screen is screen  # still open, saying why
            assert label(app, "#picker-error") == expected
            assert notes_since(app, count) == []
        else:
            assert not isinstance(app.screen, PickerScreen)
            errors = [n for n in notes_since(app, count) if n[0] == "error"]
            assert errors == [("error", DATA_FAILED, expected)]
        assert_kept(app, before, tmp_path)


@pilot_test
async def test_a_data_file_without_read_permission(tmp_path: Path) -> None:
    locked = tmp_path / "khoa.csv"
    shutil.copy(SAMPLES / "qh-2013.csv", locked)
    locked.chmod(0)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before, count = Kept.of(app, tmp_path), len(app._notifications)
        await submit(pilot, await open_picker(pilot, "ctrl+o"), str(locked))
        if os.geteuid() == 0:  # root reads it anyway: it loads like any other file
            assert app.data_path == locked and app.status.people == 15
            loaded = "Đã nạp khoa.csv (kết quả kiểm phiếu): 15 người"
            assert ("information", "", loaded) in notes_since(app, count)
        else:
            expected = f"{locked}: error: cannot read the file: Permission denied"
            assert ("error", DATA_FAILED, expected) in notes_since(app, count)
            assert_kept(app, before, tmp_path)
        assert app.is_running


# --- the rule-set pickers (choose, compare) --------------------------------------------------

BROKEN = 'ruleset "Hỏng"\nlevels {{ cao "Cao" }\n'

# (case, files to write, the path typed, where, the message)
RULES_PICKER = [
    (
        "a data file",
        {},
        str(SAMPLES / "qh-2013.csv"),
        "dialog",
        f"{SAMPLES}/qh-2013.csv không phải tệp .tn",
    ),
    ("missing", {}, "{tmp}/khong-co.tn", "dialog", "Không có tệp {tmp}/khong-co.tn"),
    (
        "folder",
        {"thu-muc/a.tn": ""},
        "{tmp}/thu-muc",
        "dialog",
        "{tmp}/thu-muc là thư mục; hãy chọn một tệp",
    ),
    ("empty", {}, " ", "dialog", "Chưa có đường dẫn: gõ đường dẫn tệp rồi Enter"),
    (
        "not UTF-8",
        {"latin1.tn": 'ruleset "H\xe9"\n'.encode("latin-1")},
        "{tmp}/latin1.tn",
        "notify",
        "Không đọc được {tmp}/latin1.tn: không phải văn bản UTF-8 (byte 0xe9 ở vị trí 10); hãy "
        "lưu tệp dạng UTF-8",
    ),
]


def _files(tmp: Path, contents: Mapping[str, str | bytes]) -> None:
    for name, content in contents.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("key", ["ctrl+r", "ctrl+t"], ids=["choose", "compare"])
@pytest.mark.parametrize(
    ("contents", "typed", "where", "message"),
    [row[1:] for row in RULES_PICKER],
    ids=[row[0] for row in RULES_PICKER],
)
@pilot_test
async def test_bad_rules_file(
    tmp_path: Path,
    key: str,
    contents: dict[str, str | bytes],
    typed: str,
    where: str,
    message: str,
) -> None:
    _files(tmp_path, contents)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before, count = Kept.of(app, tmp_path), len(app._notifications)
        screen = await open_picker(pilot, key)
        await submit(pilot, screen, typed.replace("{tmp}", str(tmp_path)))
        if (
            isinstance(screen, ExportScreen)
            and app.screen is screen
            and ("đã có" in label(app, "#export-error"))
        ):
            await pilot.press("enter")  # yes, overwrite: the writer has the last word
            await settle(pilot)
        expected = message.replace("{tmp}", str(tmp_path))
        if where == "dialog":
            assert app.screen is screen
            assert label(app, "#picker-error") == expected
            assert notes_since(app, count) == []
        else:
            assert notes_since(app, count) == [("error", "", expected)]
        assert_kept(app, before, tmp_path)
        assert app.compare_ruleset is None and app.status.errors == 0


# (case, files, the file chosen, the notification for the current set, for the compared one)
BROKEN_RULES = [
    (
        "syntax",
        {"hong.tn": BROKEN},
        "hong.tn",
        "hong.tn:2:9: cần `}` hoặc tên, nhưng gặp `{` (1 lỗi): giữ kết quả cũ.",
        "{tmp}/hong.tn:2:9: lỗi: cần `}` hoặc tên, nhưng gặp `{`\n"
        ' 2 | levels {{ cao "Cao" }\n'
        "   |         ^",
    ),
    (
        "extends cycle",
        {"a.tn": 'ruleset "A" extends "b.tn"\n', "b.tn": 'ruleset "B" extends "a.tn"\n'},
        "a.tn",
        "b.tn:1:21: `extends` tạo thành vòng lặp: a.tn -> b.tn -> a.tn (1 lỗi): giữ kết quả cũ.",
        "{tmp}/b.tn:1:21: lỗi: `extends` tạo thành vòng lặp: a.tn -> b.tn -> a.tn\n"
        ' 1 | ruleset "B" extends "a.tn"\n'
        "   |                     ^^^^^^",
    ),
]


@pytest.mark.parametrize(
    ("contents", "chosen", "current", "compared"),
    [row[1:] for row in BROKEN_RULES],
    ids=[row[0] for row in BROKEN_RULES],
)
@pilot_test
async def test_broken_rules_keep_the_results(
    tmp_path: Path, contents: dict[str, str], chosen: str, current: str, compared: str
) -> None:
    """Chosen as the current set, a broken file opens in the editor with its diagnostics (that
    is where it can be fixed) while the last good rules and results stay; compared, it is
    refused with its first error."""
    _files(tmp_path, contents)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before, count = Kept.of(app, tmp_path), len(app._notifications)
        await submit(pilot, await open_picker(pilot, "ctrl+t"), str(tmp_path / chosen))
        assert notes_since(app, count) == [("error", "", compared.replace("{tmp}", str(tmp_path)))]
        assert app.compare_ruleset is None
        assert_kept(app, before, tmp_path)
        count = len(app._notifications)
        await submit(pilot, await open_picker(pilot, "ctrl+r"), str(tmp_path / chosen))
        assert notes_since(app, count) == [("error", "", current)]
        assert app.rules_path == tmp_path / chosen  # shown in the editor, to be fixed
        assert app.query_one(RulesView).editor.text == contents[chosen]
        assert app.status.errors == 1 and app.status.rules_file == chosen
        kept = Kept.of(app, tmp_path)
        assert (kept.ruleset, kept.evaluation, kept.dataset) == (
            before.ruleset,
            before.evaluation,
            before.dataset,
        )
        assert kept.rows == before.rows and kept.files == before.files
        assert app.is_running


# --- export ----------------------------------------------------------------------------------

# (case, the path typed (`{tmp}` is the folder), format, where, the message)
EXPORT = [
    ("empty", "", "csv", "dialog", "Chưa có đường dẫn: gõ đường dẫn tệp rồi Enter"),
    ("whitespace", "  ", "csv", "dialog", "Chưa có đường dẫn: gõ đường dẫn tệp rồi Enter"),
    ("unknown extension", "{tmp}/x.pdf", "csv", "dialog", "x.pdf: định dạng CSV cần đuôi .csv"),
    ("no extension", "{tmp}/ket-qua", "json", "dialog", "ket-qua: định dạng JSON cần đuôi .json"),
    ("nul", "{tmp}/a\0.csv", "csv", "dialog", "Đường dẫn có ký tự NUL (\\0): {tmp}/a\\0.csv"),
    (
        "5000 characters",
        LONG,
        "csv",
        "dialog",
        f"Đường dẫn không dùng được (File name too long): {LONG_SHOWN}",
    ),
    (
        "a missing folder",
        "{tmp}/khong-co/x.csv",
        "csv",
        "notify",
        "Không xuất được: {tmp}/khong-co/x.csv: error: the folder {tmp}/khong-co does not exist",
    ),
    (
        "over the input data",
        "{tmp}/du-lieu.csv",
        "csv",
        "notify",
        "Không xuất được: {tmp}/du-lieu.csv: error: refusing to write over the input file "
        "{tmp}/du-lieu.csv; choose another output file",
    ),
    (
        "over the rules",
        "{tmp}/quy-tac.tn",
        "md",
        "dialog",
        "quy-tac.tn: định dạng Markdown cần đuôi .md",
    ),
    (
        "a folder",
        "{tmp}/ra.csv",
        "csv",
        "notify",
        "Không xuất được: {tmp}/ra.csv: error: this is a folder; give a file name to write to",
    ),
]


def _inputs(tmp: Path) -> tuple[Path, Path]:
    shutil.copy(SAMPLES / "phu-luc-2022.csv", tmp / "du-lieu.csv")
    shutil.copy(RULES / "qd262-2014.tn", tmp / "quy-tac.tn")
    (tmp / "ra.csv").mkdir()
    return tmp / "quy-tac.tn", tmp / "du-lieu.csv"


@pytest.mark.parametrize(
    ("typed", "fmt", "where", "message"),
    [row[1:] for row in EXPORT],
    ids=[row[0] for row in EXPORT],
)
@pilot_test
async def test_bad_export_path(
    tmp_path: Path, typed: str, fmt: str, where: str, message: str
) -> None:
    rules, data = _inputs(tmp_path)
    data_bytes = data.read_bytes()
    app = make_app(tmp_path, rules, data)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before, count = Kept.of(app, tmp_path), len(app._notifications)
        await pilot.press("ctrl+e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#format", Select).value = fmt
        await pilot.pause()
        await submit(pilot, screen, typed.replace("{tmp}", str(tmp_path)))
        if (
            isinstance(screen, ExportScreen)
            and app.screen is screen
            and ("đã có" in label(app, "#export-error"))
        ):
            await pilot.press("enter")  # yes, overwrite: the writer has the last word
            await settle(pilot)
        expected = message.replace("{tmp}", str(tmp_path))
        if where == "dialog":
            assert app.screen is screen
            assert label(app, "#export-error") == expected
            assert notes_since(app, count) == []
        else:
            assert notes_since(app, count) == [("error", "", expected)]
        assert_kept(app, before, tmp_path)
        assert data.read_bytes() == data_bytes


@pilot_test
async def test_the_format_list_is_fixed_and_moves_the_extension(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        select = screen.query_one("#format", Select)
        assert [value for _label, value in select._options] == list(EXPORT_FORMATS)  # no blank
        field = screen.query_one("#path", Input)
        field.value = str(tmp_path / "x.pdf")
        await pilot.press("enter")
        assert label(app, "#export-error") == "x.pdf: định dạng Excel (XLSX) cần đuôi .xlsx"
        select.value = "json"  # picking a format fixes the extension typed
        await pilot.pause()
        assert field.value == str(tmp_path / "x.json")
        await submit(pilot, screen, field.value)
        assert (tmp_path / "x.json").is_file() and not (tmp_path / "x.pdf").exists()


# --- saving an edit as an overlay --------------------------------------------------------------

# (case, the path typed, where, the message)
SAVE = [
    ("empty", "", "dialog", "Chưa có đường dẫn: gõ đường dẫn tệp rồi Enter"),
    ("not .tn", "{tmp}/sua.txt", "dialog", "sua.txt không phải tệp .tn"),
    ("nul", "{tmp}/a\0.tn", "dialog", "Đường dẫn có ký tự NUL (\\0): {tmp}/a\\0.tn"),
    (
        "5000 characters",
        LONG + ".tn",
        "dialog",
        "Đường dẫn không dùng được (File name too long): /"
        + "a" * 99
        + "…"
        + "a" * 97
        + ".tn (5003)",
    ),
    (
        "over the rules",
        "{tmp}/quy-tac.tn",
        "notify",
        "Không lưu được: {tmp}/quy-tac.tn: error: refusing to write over the input file "
        "{tmp}/quy-tac.tn; choose another output file",
    ),
    (
        "a missing folder",
        "{tmp}/khong-co/sua.tn",
        "notify",
        "Không lưu được: {tmp}/khong-co/sua.tn: error: the folder {tmp}/khong-co does not exist",
    ),
    (
        "a folder",
        "{tmp}/ra.tn",
        "notify",
        "Không lưu được: {tmp}/ra.tn: error: this is a folder; give a file name to write to",
    ),
]

EDIT = ("share(thap) > 1/2", "share(thap) > 55%")


@pytest.mark.parametrize(
    ("typed", "where", "message"), [row[1:] for row in SAVE], ids=[row[0] for row in SAVE]
)
@pilot_test
async def test_bad_overlay_path(tmp_path: Path, typed: str, where: str, message: str) -> None:
    rules, data = _inputs(tmp_path)
    (tmp_path / "ra.tn").mkdir()
    text = rules.read_text("utf-8")
    app = make_app(tmp_path, rules, data)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await edit(pilot, text.replace(*EDIT))
        before, count = Kept.of(app, tmp_path), len(app._notifications)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SaveOverlayScreen)
        await submit(pilot, screen, typed.replace("{tmp}", str(tmp_path)))
        if (
            isinstance(screen, ExportScreen)
            and app.screen is screen
            and ("đã có" in label(app, "#export-error"))
        ):
            await pilot.press("enter")  # yes, overwrite: the writer has the last word
            await settle(pilot)
        expected = message.replace("{tmp}", str(tmp_path))
        if where == "dialog":
            assert app.screen is screen
            assert label(app, "#save-error") == expected
            assert notes_since(app, count) == []
        else:
            assert notes_since(app, count) == [("error", "", expected)]
        assert_kept(app, before, tmp_path)
        assert rules.read_text("utf-8") == text
        assert app.query_one(RulesView).edited  # the edit is still there to save elsewhere


# --- the rules editor ----------------------------------------------------------------------


async def edit(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    view = pilot.app.query_one(RulesView)
    view.editor.text = text
    await pilot.pause()
    view.flush()
    await settle(pilot)


async def paste(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Paste at the end of the line of `share(thap) > 1/2`, as a terminal sends a paste."""
    view = pilot.app.query_one(RulesView)
    row = next(i for i, ln in enumerate(view.editor.text.split("\n")) if EDIT[0] in ln)
    view.editor.focus()
    view.editor.move_cursor((row, len(view.editor.document.get_line(row))))
    pilot.app.post_message(events.Paste(text))  # as the terminal's driver does
    await pilot.pause()
    view.flush()
    await settle(pilot)


REPLACED = (
    "Dòng 38: đã thay {n} ký tự không dùng được trong tệp quy tắc (NUL hoặc nửa cặp UTF-16) "
    "bằng «\ufffd»"
)

# (case, the text pasted, the warning, the first diagnostic (None: the rules stay good))
PASTED = [
    (
        "half a UTF-16 pair",
        " # \ud800",
        REPLACED.format(n=1),
        None,
    ),
    (
        "NUL in the rules",
        "\0\ud800",
        REPLACED.format(n=2),
        "quy-tac.tn:38:90: cần `;`, `and`, `else`, `note`, `or`, `}` hoặc tên, nhưng gặp `\ufffd`",
    ),
    (
        "1 MB of text",
        "\n" + ("abc def " * 125 + "\n") * 1000,
        "",
        'quy-tac.tn:39:5: cần một văn bản trong dấu nháy ("…"), nhưng gặp tên `def`',
    ),
]


@pytest.mark.parametrize(
    ("pasted", "warning", "diagnostic"),
    [row[1:] for row in PASTED],
    ids=[row[0] for row in PASTED],
)
@pilot_test
async def test_bad_text_in_the_editor(
    tmp_path: Path, pasted: str, warning: str, diagnostic: str | None
) -> None:
    rules, data = _inputs(tmp_path)
    text = rules.read_text("utf-8")
    app = make_app(tmp_path, rules, data)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("6")
        await settle(pilot)
        before, count = Kept.of(app, tmp_path), len(app._notifications)
        await paste(pilot, pasted)
        view = app.query_one(RulesView)
        assert app.is_running and view.edited
        assert not any("\ud800" <= c <= "\udfff" or c == "\0" for c in view.editor.text)
        notes = notes_since(app, count)
        assert [n for n in notes if n[0] == "warning"] == (
            [("warning", "", warning)] if warning else []
        )
        if diagnostic is None:
            assert not app.diagnostics
            return
        first = app.diagnostics[0]
        assert (
            f"{Path(first.path).name}:{first.line}:{first.column}: {first.text('vi')}" == diagnostic
        )
        assert ("error", "", f"{diagnostic} (1 lỗi): giữ kết quả cũ.") in notes
        assert app.status.errors >= 1
        kept = Kept.of(app, tmp_path)
        assert kept.evaluation is before.evaluation and kept.rows == before.rows
        # saving rules with errors is refused, saying where the first one is
        count = len(app._notifications)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SaveOverlayScreen)
        assert notes_since(app, count) == [
            ("error", "", f"Chưa lưu: hãy sửa lỗi trước ({diagnostic})")
        ]
        assert files(tmp_path) == before.files and rules.read_text("utf-8") == text


# --- the calendar's term -------------------------------------------------------------------

BAD_TERM = "Nhiệm kỳ «{}»: cần dạng 2021-2026"
BAD_ORDER = "Nhiệm kỳ «{}»: năm đầu phải trước năm cuối, như 2021-2026"

# (the text typed, Enter pressed, the message ("" when none), the term then in use)
TERMS = [
    ("", True, BAD_TERM.format(""), None),
    ("   ", True, BAD_TERM.format(""), None),
    ("abc", False, BAD_TERM.format("abc"), None),  # letters: said at once
    ("2026-2021", False, BAD_ORDER.format("2026-2021"), None),
    ("2021-2021", True, BAD_ORDER.format("2021-2021"), None),
    ("99999-1", False, BAD_TERM.format("99999-1"), None),
    ("2021 2026", False, BAD_TERM.format("2021 2026"), None),
    ("2021-20", False, "", None),  # still being typed: nothing said yet
    ("2021-20", True, BAD_TERM.format("2021-20"), None),
    ("2021-2026-2031", False, BAD_TERM.format("2021-2026-2031"), None),  # none of it cut
    ("2021–2026", False, "", (2021, 2026)),  # an en dash is a dash
    ("2021 - 2026", True, "", (2021, 2026)),
]


@pytest.mark.parametrize(("typed", "enter", "message", "term"), TERMS)
@pilot_test
async def test_bad_term(
    tmp_path: Path, typed: str, enter: bool, message: str, term: tuple[int, int] | None
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await settle(pilot)
        view = app.query_one(CalendarView)
        calendar = view.query_one("#calendar-sections").tables[0]  # type: ignore[attr-defined]
        years = [calendar.cells(i)[0].plain for i in range(len(calendar))]
        assert years[0] == "2016"  # the default: the data's term
        before = Kept.of(app, tmp_path)
        field = view.query_one("#term", Input)
        field.focus()
        field.value = ""
        await pilot.pause()
        app.post_message(events.Paste(typed))
        await pilot.pause()
        if enter:
            await pilot.press("enter")
        await settle(pilot)
        assert label(app, "#term-error") == message
        assert view.term == term
        calendar = view.query_one("#calendar-sections").tables[0]  # type: ignore[attr-defined]
        now = [calendar.cells(i)[0].plain for i in range(len(calendar))]
        assert now == (years if term is None else [str(y) for y in range(*term)])
        assert_kept(app, before, tmp_path)


# --- the sweep ---------------------------------------------------------------------------------

NOT_A_NUMBER = "«{}»: «{}» không phải số; cần dạng 40%, 40,5%, 2/5 hoặc 0,4"

# (from, to, step, the message)
SWEEPS = [
    ("", "60%", "1%", NOT_A_NUMBER.format("Từ", "")),
    ("40%", "abc", "1%", NOT_A_NUMBER.format("Đến", "abc")),
    ("40%", "60%", "", NOT_A_NUMBER.format("Bước", "")),
    ("40%", "60%", "một", NOT_A_NUMBER.format("Bước", "một")),
    ("-10%", "60%", "1%", "«Từ»: -10% nằm ngoài 0%–100%"),
    ("40%", "1e9", "1%", "«Đến»: 1e9 nằm ngoài 0%–100%"),
    ("1e9", "60%", "1%", "«Từ»: 1e9 nằm ngoài 0%–100%"),
    ("70%", "40%", "1%", "«Từ» (70,00%) lớn hơn «Đến» (40,00%); cần Từ ≤ Đến"),
    ("40%", "60%", "0", "«Bước»: 0; cần một số lớn hơn 0, như 1%"),
    ("40%", "60%", "-1%", "«Bước»: -1%; cần một số lớn hơn 0, như 1%"),
    (
        "40%",
        "60%",
        "50%",
        "«Bước» (50,00%) lớn hơn khoảng từ 40,00% đến 60,00%; cần bước nhỏ hơn",
    ),
    (
        "0%",
        "100%",
        "0.0001%",
        "1000001 ngưỡng là quá nhiều (tối đa 1000): tăng «Bước» hoặc thu hẹp khoảng",
    ),
    (
        "0",
        "1",
        "1e-9",
        "1000000001 ngưỡng là quá nhiều (tối đa 1000): tăng «Bước» hoặc thu hẹp khoảng",
    ),
]


async def sweep_tab(pilot) -> SweepView:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("f9")
    await settle(pilot)
    view = pilot.app.query_one(SweepView)
    assert view.result is not None
    return view


async def run_sweep(pilot, view: SweepView, start: str, stop: str, step: str) -> None:  # type: ignore[no-untyped-def]
    for name, value in (("from", start), ("to", stop), ("step", step)):
        view.query_one(f"#sweep-{name}", Input).value = value
    view.query_one("#sweep-step", Input).focus()
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize(("start", "stop", "step", "message"), SWEEPS)
@pilot_test
async def test_bad_sweep(tmp_path: Path, start: str, stop: str, step: str, message: str) -> None:
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        view = await sweep_tab(pilot)
        result, before = view.result, Kept.of(app, tmp_path)
        await run_sweep(pilot, view, start, stop, step)
        assert label(app, "#sweep-error") == message
        assert view.result is result  # the last sweep stays on screen
        assert not [w for w in app.workers if w.group == "sweep" and w.is_running]
        assert_kept(app, before, tmp_path)


TWO_THRESHOLDS = """ruleset "Hai ngưỡng"
levels {
  cao  "Tín nhiệm cao"
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
basis collected
classify ket_qua "Kết quả" {
  xem_xet "Xem xét" when share(thap) > 50% and share(cao) < 20%
  else khong "Không"
}
"""


@pilot_test
async def test_a_sweep_the_engine_refuses_is_said_in_vietnamese(tmp_path: Path) -> None:
    """A rule of two thresholds cannot be swept without choosing one: the engine's reason is
    said in the interface's language, not in the English of its exception."""
    rules = tmp_path / "hai-nguong.tn"
    rules.write_text(TWO_THRESHOLDS, encoding="utf-8")
    app = make_app(tmp_path, rules, SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        await settle(pilot)
        view = pilot.app.query_one(SweepView)
        view.query_one("#sweep-rule", Select).value = "ket_qua.xem_xet"
        await run_sweep(pilot, view, "40%", "60%", "1%")
        assert label(app, "#sweep-error") == (
            "`ket_qua.xem_xet` có 2 ngưỡng (1: share(thap) > 50%; 2: share(cao) < 20%): "
            "hãy chọn một"
        )


@pilot_test
async def test_a_sweep_needs_a_rule(tmp_path: Path) -> None:
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        view = await sweep_tab(pilot)
        result = view.result
        view.query_one("#sweep-rule", Select).clear()
        await pilot.pause()
        await run_sweep(pilot, view, "40%", "60%", "1%")
        assert label(app, "#sweep-error") == "«Quy tắc»: chọn một quy tắc để quét"
        assert view.result is result


@pilot_test
async def test_a_decimal_comma_is_read_exactly(tmp_path: Path) -> None:
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    async with app.run_test(size=SIZE) as pilot:
        view = await sweep_tab(pilot)
        await run_sweep(pilot, view, "50,5%", "60%", "0,5%")
        assert label(app, "#sweep-error") == ""
        values = [s.value for s in view.result.steps]
        assert values[0] == Fraction(101, 200) and values[-1] == Fraction(3, 5)
        assert len(values) == 20


# --- the config file -----------------------------------------------------------------------

IGNORED = "{cfg}/config.toml: đã bỏ qua (tệp được giữ nguyên cho tới khi sửa)"

# (case, config.toml, what is said to be ignored)
CONFIGS = [
    (
        "not TOML",
        "lang = [",
        "không phải TOML: Invalid value (at end of document); dùng giá trị mặc định",
    ),
    (
        "not UTF-8",
        b'lang = "\xff"\n',
        "không phải văn bản UTF-8 (byte 8); dùng giá trị mặc định",
    ),
    ("lang a number", "lang = 3\n", 'lang = 3: cần "vi" hoặc "en"'),
    ("unknown lang", 'lang = "fr"\n', 'lang = "fr": cần "vi" hoặc "en"'),
    (
        "recent a string",
        'recent = "x"\n',
        'recent = "x": cần một bảng [recent] gồm data và rules',
    ),
    (
        "recent data not a list",
        '[recent]\ndata = "x"\n',
        'recent.data = "x": cần một danh sách đường dẫn',
    ),
    (
        "recent data not paths",
        '[recent]\ndata = [1, "a.csv"]\n',
        "recent.data: 1 mục không phải đường dẫn trong ngoặc kép",
    ),
    (
        "keymap a number",
        "keymap = 5\n",
        'keymap = 5: cần một bảng [keymap] dạng "id" = "phím"',
    ),
    (
        "unknown action",
        '[keymap]\n"tinnhiem.nope" = "f6"\n',
        '[keymap] "tinnhiem.nope": không có thao tác này; tên thao tác có dạng "tinnhiem.export"',
    ),
    (
        "invalid key",
        '[keymap]\n"tinnhiem.export" = "not a key!!"\n',
        '[keymap] "tinnhiem.export" = "not a key!!": not a key!! không phải một phím',
    ),
    (
        "a key not in quotes",
        '[keymap]\n"tinnhiem.export" = 6\n',
        '[keymap] "tinnhiem.export" = 6: cần một phím trong ngoặc kép, ví dụ "f6"',
    ),
    (
        "two actions on one key",
        '[keymap]\n"tinnhiem.export" = "f6"\n"tinnhiem.help" = "f6"\n',
        '[keymap] "tinnhiem.help" = "f6": f6 đã là phím của tinnhiem.export',
    ),
    (
        "the key of another action",
        '[keymap]\n"tinnhiem.export" = "f1"\n',
        '[keymap] "tinnhiem.export" = "f1": f1 đã là phím của tinnhiem.help',
    ),
    (
        "an unknown setting",
        'colour = "dark"\n',
        "colour: không phải một thiết lập (lang, theme, [recent], [keymap])",
    ),
    (
        "a theme not a name",
        "theme = 5\n",
        'theme = 5: cần một tên trong ngoặc kép, ví dụ "nord"',
    ),
]


@pytest.mark.parametrize(
    ("content", "ignored"), [row[1:] for row in CONFIGS], ids=[row[0] for row in CONFIGS]
)
@pilot_test
async def test_a_bad_config_is_said_and_left_alone(
    tmp_path: Path, content: str | bytes, ignored: str
) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    target = folder / "config.toml"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    written = target.read_bytes()
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        title = IGNORED.format(cfg=folder)
        assert ("warning", title, ignored) in notes_since(app, 0)
        assert app.lang == "vi" and app.status.people == 56
        await pilot.press("f1")  # the keys still work: F1 still opens the help
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.press("f2")  # a setting changed: the broken file is still left as it was
        await settle(pilot)
        assert app.lang == "en"
    assert target.read_bytes() == written
    assert sorted(p.name for p in folder.iterdir()) == ["config.toml"]


@pilot_test
async def test_a_remapped_key_that_clashes_leaves_the_first(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "config.toml").write_text(
        '[keymap]\n"tinnhiem.export" = "f6"\n"tinnhiem.help" = "f6"\n', encoding="utf-8"
    )
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)


# --- the command line ------------------------------------------------------------------------

# (arguments (`{tmp}` is a folder), the one line said)
COMMAND_LINES = [
    (["khong-co.csv"], "tinnhiem-tui: no data file 'khong-co.csv' (bundled: " + DATA_NAMES + ")"),
    (["{tmp}"], "tinnhiem-tui: '{tmp}' is a folder, not a data file (bundled: " + DATA_NAMES + ")"),
    (
        ["--rules", "{tmp}"],
        "tinnhiem-tui: '{tmp}' is a folder, not a rules file (bundled: " + BUNDLED + ")",
    ),
    (
        ["--rules", "khong-co"],
        "tinnhiem-tui: no rules file 'khong-co' (bundled: " + BUNDLED + ")",
    ),
    (
        ["--compare", "khong-co.tn"],
        "tinnhiem-tui: no rules file to compare with 'khong-co.tn' (bundled: " + BUNDLED + ")",
    ),
    (
        ["--rules", "x" * 300],
        "tinnhiem-tui: rules file '"
        + "x" * 300
        + "': File name too long (bundled: "
        + BUNDLED
        + ")",
    ),
    (["a\0b.csv"], "tinnhiem-tui: no data file 'a\\x00b.csv' (bundled: " + DATA_NAMES + ")"),
]


@pytest.mark.parametrize(("argv", "said"), COMMAND_LINES)
def test_bad_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    from tinnhiem.tui.main import main

    assert main([*(a.replace("{tmp}", str(tmp_path)) for a in argv), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.err == said.replace("{tmp}", str(tmp_path)) + "\n" and captured.out == ""


VI_COMMAND_LINES = [
    (
        ["khong-co.csv"],
        "tinnhiem-tui: không có tệp dữ liệu 'khong-co.csv' (có sẵn: " + DATA_NAMES + ")",
    ),
    (
        ["{tmp}"],
        "tinnhiem-tui: '{tmp}' là thư mục, không phải tệp dữ liệu (có sẵn: " + DATA_NAMES + ")",
    ),
    (
        ["--compare", "khong-co.tn"],
        "tinnhiem-tui: không có tệp quy tắc để so sánh 'khong-co.tn' (có sẵn: " + BUNDLED + ")",
    ),
]


@pytest.mark.parametrize(("argv", "said"), VI_COMMAND_LINES)
def test_bad_command_line_in_the_interfaces_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    said: str,
) -> None:
    """Vietnamese, the interface's default, before the app runs: with `--lang vi`, and with
    no `--lang` and no saved language."""
    from tinnhiem.tui.main import main

    monkeypatch.setenv("TINNHIEM_CONFIG_DIR", str(tmp_path / "config"))
    given = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    for extra in (["--lang", "vi"], []):
        assert main([*given, *extra]) == 2
        captured = capsys.readouterr()
        assert captured.err == said.replace("{tmp}", str(tmp_path)) + "\n" and captured.out == ""


@pytest.mark.parametrize(
    ("argv", "last"),
    [
        (["--lang", "fr"], "tinnhiem-tui: error: argument --lang: invalid choice: 'fr'"),
        (["--bogus"], "tinnhiem-tui: error: unrecognized arguments: --bogus"),
        (["--rules"], "tinnhiem-tui: error: argument --rules/-r: expected one argument"),
    ],
)
def test_bad_options_exit_2_with_the_usage(argv: list[str], last: str) -> None:
    """argparse's own errors: the usage, then one line saying what is wrong (as `tinnhiem`)."""
    script = Path(sys.executable).with_name("tinnhiem-tui")
    done = subprocess.run(
        [str(script), *argv], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("usage: tinnhiem-tui")
    assert done.stderr.splitlines()[-1].startswith(last)
    assert "Traceback" not in done.stderr


def test_a_folder_as_rules_exits_2_without_starting(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("tinnhiem-tui")
    done = subprocess.run(
        [str(script), "--rules", str(tmp_path), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TINNHIEM_CONFIG_DIR": str(tmp_path / "config")},
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"tinnhiem-tui: '{tmp_path}' is a folder, not a rules file (bundled: {BUNDLED})"
    ]
    assert not (tmp_path / "config").exists()


@pilot_test
async def test_control_characters_of_the_data_are_shown_not_sent_to_the_terminal(
    tmp_path: Path,
) -> None:
    data = tmp_path / "esc.csv"
    data.write_text("name,collected,cao,tn,thap\n\x1b[31mRED\x07,10,5,3,2\n", encoding="utf-8")
    app = make_app(tmp_path, None, data)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        assert grid.cell_text(0, "name") == "␛[31mRED␇"
        assert grid.row_cells(0)[1].value == "\x1b[31mRED\x07"  # an export writes the data
        text = app.query_one(WhyPanel).text
        assert "␛[31mRED␇" in text and "\x1b[31m" not in text


def test_a_bundled_data_name_opens_and_a_missing_path_is_never_replaced_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tinnhiem.tui.main import unusable

    monkeypatch.chdir(tmp_path)
    assert unusable("vinh-phuc-2023", "start.what.data") is None
    assert unusable("vinh-phuc-2023.csv", "start.what.data") is None
    assert bundled.find_data("vinh-phuc-2023") == bundled.data_dir() / "vinh-phuc-2023.csv"
    # a folder that does not exist: a typo, said as such, not answered with the sample
    assert unusable("du-lieu/vinh-phuc-2023.csv", "start.what.data") == (
        "no data file 'du-lieu/vinh-phuc-2023.csv' (bundled: " + DATA_NAMES + ")"
    )
    assert unusable("du-lieu/vinh-phuc-2023.csv", "start.what.data", lang="vi") == (
        "không có tệp dữ liệu 'du-lieu/vinh-phuc-2023.csv' (có sẵn: " + DATA_NAMES + ")"
    )


@pytest.mark.parametrize(
    ("argv", "lines"),
    [
        (
            ["--help"],
            ["  --rules R, -r R    tệp quy tắc hoặc tên một bộ quy tắc có sẵn"],
        ),
        (
            ["--lang", "en", "--help"],
            ["  --rules R, -r R    a rules file or the name of a bundled rule set"],
        ),
        (
            ["--help", "--lang=vi"],
            ["  --compare B, -c B  bộ quy tắc thứ hai để so sánh"],
        ),
    ],
)
def test_the_help_is_in_the_interfaces_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    lines: list[str],
) -> None:
    from tinnhiem.tui.main import main

    monkeypatch.setenv("TINNHIEM_CONFIG_DIR", str(tmp_path / "config"))  # nothing saved: vi
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out.splitlines()
    assert set(lines) <= set(out)
