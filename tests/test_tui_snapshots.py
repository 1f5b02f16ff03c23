"""Snapshots of the main screens at a fixed size (accepted after looking at each SVG).

Regenerate with `pytest tests/test_tui_snapshots.py --snapshot-update`, then look at the report.
Paths on screen are file names only, and the rules file of the editor snapshot sits in a
temporary folder that is the current one, so the pictures are the same on every machine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_tui_support import RULES, SAMPLES, make_app, ready, settle
from tinnhiem.tui.widgets.editor import RulesEditor, RulesView

SIZE = (100, 30)


def tab(key: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press(key)
        await settle(pilot)
        steady(pilot)

    return run_before


def steady(pilot) -> None:  # type: ignore[no-untyped-def]
    """No blinking cursor and no toasts (they time out): the same picture on a slow machine."""
    pilot.app.query_one(RulesEditor).cursor_blink = False
    pilot.app.clear_notifications()


def test_results(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=tab("1"))


def test_results_narrow(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=tab("1"))


def test_results_in_english(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv", lang="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=tab("1"))


def test_report(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=tab("2"))


def test_compare(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(tmp_path, compare=RULES / "phuong-an-2.tn")
    assert snap_compare(app, terminal_size=SIZE, run_before=tab("3"))


def test_compare_differences(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QĐ 96 against QĐ 41 over every tally: the matrix of outcome pairs of each block, the
    cursor on dismiss / resign (at exactly 2/3), its witness and examples beside it."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await tab("3")(pilot)
        pilot.app.query_one("#diff-matrix").focus()
        await settle(pilot)
        steady(pilot)

    app = make_app(tmp_path, RULES / "qd96-2023.tn", compare=RULES / "qd41-2021.tn")
    assert snap_compare(app, terminal_size=(130, 36), run_before=run_before)


def test_results_while_comparing(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        grid = pilot.app.query_one("#results-table")
        grid.move_to(13)  # Ngô Công Long, who changes class under option 2
        await settle(pilot)
        steady(pilot)

    app = make_app(tmp_path, compare=RULES / "phuong-an-2.tn")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_calendar(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(tmp_path, compare=RULES / "de-xuat-2-nam.tn")
    assert snap_compare(app, terminal_size=SIZE, run_before=tab("4"))


def test_sweep(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(tmp_path, "nq96-2023", SAMPLES / "vinh-phuc-2023.csv")
    assert snap_compare(app, terminal_size=SIZE, run_before=tab("f9"))


def test_rules_with_a_typo(
    snap_compare,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutil.copy(RULES / "qd262-2014.tn", tmp_path / "quy-tac.tn")
    monkeypatch.chdir(tmp_path)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await tab("6")(pilot)
        view = pilot.app.query_one(RulesView)
        view.editor.text = view.editor.text.replace("share(thap) > 1/2", "share(thapp) > 1/2")
        view.editor.move_cursor((34, 0), center=True)
        await pilot.pause()
        view.flush()
        await settle(pilot)
        steady(pilot)

    app = make_app(tmp_path, "quy-tac.tn")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_help(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=tab("f1"))


def test_results_at_120(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The why panel a third of the width: the classes and the first counts beside it."""
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 36), run_before=tab("1"))


def test_results_of_several_rounds(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A round column; the status counts people and votes; the why panel lists the rounds."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        pilot.app.query_one("#results-table").move_to(7)  # Lưu Thị Bích Ngọc in 2013
        await settle(pilot)
        steady(pilot)

    app = make_app(tmp_path, "qd41-2021", SAMPLES / "nhieu-ky.csv")
    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


def test_rules_in_plain_words(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 36), run_before=tab("f3"))


def test_goto_line(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await tab("ctrl+l")(pilot)
        await pilot.press("2", "0", "0", "enter")  # refused: the file is shorter
        await settle(pilot)
        steady(pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=run_before)
