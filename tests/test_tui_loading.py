"""Loading data in the TUI never stalls it: a file that fails says so, Esc stops waiting for a
load, and ctrl+q quits even while a file is being read (issue 11, finding 6)."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from test_tui_support import make_app, pilot_test, ready, settle
from tinnhiem.tui import backend

SIZE = (120, 40)


def _broken_workbook(path: Path) -> Path:
    """A workbook whose sheet is cut in the middle: not well-formed XML."""
    book = Workbook()
    for row in [["name", "collected", "cao", "tn", "thap"], ["An", 10, 5, 3, 2]]:
        book.active.append(row)
    book.save(path)
    with zipfile.ZipFile(path) as old:
        parts = [(i.filename, old.read(i.filename)) for i in old.infolist()]
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts:
            new.writestr(name, data[: len(data) // 2 + 40] if "worksheets/" in name else data)
    return path


def _messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


@pilot_test
async def test_a_workbook_that_fails_to_parse_says_so_and_stops_computing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = app.dataset
        path = _broken_workbook(tmp_path / "hong.xlsx")
        app.load_data(path)
        assert app.status.busy
        await settle(pilot)
        assert not app.status.busy and app.loading_path is None
        assert (
            f"{path}: lỗi: không phải sổ tính Excel (.xlsx) đọc được: có phần không phải XML "
            "đúng dạng (dòng 1)"
        ) in _messages(app)
        assert app.dataset is before


@pilot_test
async def test_a_reader_that_fails_in_its_own_way_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(path: Path, kind: str, levels: dict[str, str]) -> None:
        raise MemoryError("Nguyễn Văn Bí Mật")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        monkeypatch.setattr(backend, "read_data", exhausted)
        app.load_data(tmp_path / "x.csv")
        await settle(pilot)
        assert not app.status.busy
        messages = _messages(app)
        assert f"{tmp_path / 'x.csv'}: Không đọc được tệp này; không hiện nội dung nào của tệp" in (
            messages
        )
        assert not any("Bí Mật" in m for m in messages)


class SlowReader:
    """A reader that waits until told to go on, as a huge file would make it."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.go_on = threading.Event()
        self.real = backend.read_data

    def __call__(self, path: Path, kind: str, levels: dict[str, str]) -> object:
        self.started.set()
        self.go_on.wait(30)
        return self.real(path, kind, levels)


@pilot_test
async def test_escape_stops_waiting_for_a_load_and_drops_its_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tinnhiem import bundled

    slow = SlowReader()
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = app.dataset
        monkeypatch.setattr(backend, "read_data", slow)
        other = bundled.data_dir() / "vinh-phuc-2023.csv"
        app.load_data(other)
        await pilot.pause()
        assert slow.started.wait(10) and app.status.busy
        await pilot.press("escape")
        await pilot.pause()
        assert not app.status.busy and app.loading_path is None
        assert "Đã hủy việc nạp vinh-phuc-2023.csv" in _messages(app)
        slow.go_on.set()
        await settle(pilot)
        assert app.dataset is before  # the cancelled load's result was dropped
        assert not app.status.busy


@pilot_test
async def test_ctrl_q_quits_during_a_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tinnhiem import bundled

    slow = SlowReader()
    app = make_app(tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            monkeypatch.setattr(backend, "read_data", slow)
            app.load_data(bundled.data_dir() / "vinh-phuc-2023.csv")
            await pilot.pause()
            assert slow.started.wait(10)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert app._exit  # the app is leaving while the reader still runs
            assert slow.go_on.is_set() is False
    finally:
        slow.go_on.set()


@pilot_test
async def test_a_workbook_whose_parts_unpack_past_the_limit_is_refused_in_the_tui(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Styles of 12 MB (a few KB zipped) under a limit of 10 MB of XML: refused before reading."""
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "1")
    path = tmp_path / "bom.xlsx"
    book = Workbook()
    for row in [["name", "collected", "cao", "tn", "thap"], ["An", 10, 5, 3, 2]]:
        book.active.append(row)
    book.save(path)
    with zipfile.ZipFile(path) as old:
        parts = [(i.filename, old.read(i.filename)) for i in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts:
            new.writestr(name, data + b" " * (12 << 20) if name == "xl/styles.xml" else data)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.load_data(path)
        await settle(pilot)
        assert not app.status.busy
        assert (
            f"{path}: lỗi: sổ tính bung ra 13 MB XML (mọi phần), quá 10 MB cho phép với một tệp "
            "kết quả kiểm phiếu, vốn được đọc cả một lần; hãy kiểm tra đúng tệp chưa, hoặc đặt "
            "TINNHIEM_MAX_DATA_MB=2 để vẫn đọc"
        ) in _messages(app)
