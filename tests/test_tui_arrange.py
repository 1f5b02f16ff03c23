"""Pilot tests of a sort or a find the user asks for on many people (issue 12): it is made in a
worker while the UI goes on answering keys, the status line says so, the cursor stays on its
person, and a sort made for results since replaced (rules edited meanwhile) is dropped.

A gate holds the worker mid-sort (it wraps the real sort keys: every key is still the real
one), so that what happens meanwhile is certain, not a race. No time is measured here:
`benchmarks/bench_tui.py` measures speed (`make bench`).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_tui_scale import PEOPLE, people_file
from test_tui_support import make_app, pilot_test, ready, settle
from textual.pilot import Pilot
from tinnhiem.tui.messages import RulesEdited
from tinnhiem.tui.present import ResultsRows
from tinnhiem.tui.table import Arrangement, name_key, name_keys, text_key, text_keys
from tinnhiem.tui.widgets.find import FindBar
from tinnhiem.tui.widgets.grid import SYNC_ROWS, Grid
from tinnhiem.tui.widgets.status import StatusBar, keep
from tinnhiem.tui.widgets.why import WhyPanel

from tinnhiem import bundled


class Gate:
    """Holds every worker thread that reads sort keys or matches rows (of the rows `only`, when
    given) until opened; counts the reads made on the UI thread."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.reached = threading.Event()
        self.on_ui = 0
        self.only: ResultsRows | None = None

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def gated(rows: ResultsRows, *args: Any) -> Any:
            if threading.current_thread() is threading.main_thread():
                self.on_ui += 1
            elif self.only is None or rows is self.only:
                self.reached.set()
                self.open.wait(timeout=10)  # a failed test is not held long
            return real(rows, *args)

        return gated


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    made = Gate()
    # every way `arrange` reads the rows: the keys of a column, the rows a find keeps
    for name in ("sort_key", "sort_keys", "matches", "matching"):
        monkeypatch.setattr(ResultsRows, name, made.wrap(getattr(ResultsRows, name)))
    yield made
    made.open.set()  # a test that failed midway leaves no thread waiting


async def held(pilot: Pilot[None], gate: Gate) -> None:
    """Until a worker waits at the gate."""
    for _ in range(500):
        if gate.reached.is_set():
            return
        await pilot.pause(0.01)
    raise AssertionError("no worker reached the gate")


async def arranged(pilot: Pilot[None], grid: Grid) -> None:
    """Until the grid shows what it was asked for."""
    for _ in range(1000):
        if grid.pending is None and not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError("the sort or the find never ended")


def status(pilot: Pilot[None]) -> str:
    return pilot.app.query_one(StatusBar).render_status().plain


def by_name(rows: ResultsRows, reverse: bool) -> list[int]:
    """The people by their given name, then the whole name (`name_key`), as the engine named
    them: the order a sort by the name column must give."""
    names = [r.tally.name for r in rows.results]
    return sorted(range(len(names)), key=lambda i: name_key(names[i]), reverse=reverse)


@pilot_test
async def test_a_sort_of_many_people_is_made_in_a_worker_while_keys_are_handled(
    tmp_path: Path, gate: Gate
) -> None:
    app = make_app(tmp_path, None, people_file(tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        rows = grid.rows
        assert isinstance(rows, ResultsRows) and len(rows) == PEOPLE > SYNC_ROWS
        grid.focus()
        await pilot.press("down", "down", "down")
        await settle(pilot)
        assert grid.cursor_index == 3
        grid.sort_by("name", reverse=True)  # as a click on the header does
        await held(pilot, gate)
        # the worker is mid-sort: the rows are shown as they were, and the line says why
        assert grid.pending == Arrangement("name", True, "")
        assert grid.sort_column is None and grid.order[:5] == [0, 1, 2, 3, 4]
        assert keep("đang sắp xếp theo “Họ và tên”…") in status(pilot)
        # a key pressed meanwhile is handled at once: the cursor moves, the why panel follows
        await pilot.press("down")
        assert grid.cursor_index == 4
        assert app.query_one(WhyPanel).text.startswith(f"{rows.results[4].tally.name}\n")
        gate.open.set()
        await arranged(pilot, grid)
        assert gate.on_ui == 0  # not one sort key read on the UI thread
        assert (grid.sort_column, grid.sort_reverse) == ("name", True)
        assert grid.order == grid.all_order == by_name(rows, reverse=True)
        assert grid.order != by_name(rows, reverse=False)
        # the cursor is still on the person it was on when the sort came, now elsewhere
        assert grid.cursor_index == 4 and grid.cursor == grid.order.index(4) != 4
        assert grid.cursor_key == rows.key(4)
        assert "sắp xếp" not in status(pilot)
        # `r` reverses it, in a worker too, the cursor kept on the same person
        gate.reached.clear()
        gate.open.clear()
        await pilot.press("r")
        await held(pilot, gate)
        assert grid.pending == Arrangement("name", False, "")
        gate.open.set()
        await arranged(pilot, grid)
        assert grid.order == by_name(rows, reverse=False)
        assert grid.cursor_index == 4 and gate.on_ui == 0


@pilot_test
async def test_a_find_of_many_people_is_made_in_a_worker_and_only_the_last_text_shown(
    tmp_path: Path, gate: Gate
) -> None:
    app = make_app(tmp_path, None, people_file(tmp_path), lang="en")
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        rows = grid.rows
        assert isinstance(rows, ResultsRows)
        # each key typed asks for a new find: those before the last are dropped
        await pilot.press("slash", *"nhom", "space", "1", "9")
        await held(pilot, gate)
        assert grid.pending == Arrangement(None, False, "nhom 19")
        assert keep("finding “nhom 19”…") in status(pilot)
        assert grid.row_count == PEOPLE  # every row, until the people found are known
        gate.open.set()
        await arranged(pilot, grid)
        group = [i for i in range(PEOPLE) if rows.results[i].tally.group == "Nhóm 19"]
        assert grid.order == group and len(group) == PEOPLE // 20
        assert app.query_one(FindBar).count_text == f"{len(group)} of {PEOPLE} people"
        assert grid.cursor_index == group[0] and gate.on_ui == 0
        assert "finding" not in status(pilot)
        # Esc shows everyone again at once: no worker, no sort key
        await pilot.press("escape")
        await settle(pilot)
        assert grid.pending is None and grid.order == list(range(PEOPLE))
        assert app.query_one(FindBar).count_text == f"{PEOPLE} of {PEOPLE} people"


@pilot_test
async def test_a_sort_made_for_results_the_rules_have_since_changed_is_dropped(
    tmp_path: Path, gate: Gate
) -> None:
    app = make_app(tmp_path, None, people_file(tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        first = grid.rows
        assert isinstance(first, ResultsRows)
        gate.only = first  # only the sort of these results waits
        grid.sort_by("class:consequence")
        await held(pilot, gate)
        # the rules edited meanwhile: new results, evaluated and sorted in their own worker
        text = bundled.default_rules().read_text(encoding="utf-8")
        app.post_message(RulesEdited(text.replace("share(thap) > 1/2", "share(thap) > 60%")))
        for _ in range(500):
            if grid.rows is not first and app.evaluation is not first.evaluation:
                break
            await pilot.pause(0.01)
        new = grid.rows
        assert isinstance(new, ResultsRows) and new is not first
        keys = [c.key for c in new.columns]
        at = keys.index("class:consequence")

        def worst_first(rows: ResultsRows) -> list[int]:
            found = [rows.sort_key(i, at) for i in range(len(rows))]
            return sorted(range(len(rows)), key=found.__getitem__)

        expected = worst_first(new)
        assert grid.order == expected and grid.sort_column == "class:consequence"
        assert grid.pending is None and "sắp xếp" not in status(pilot)
        # the old sort, let go now, ends with an order of the old results: never shown
        gate.open.set()
        stale = worst_first(first)
        assert stale != expected  # a threshold moved: some people changed class
        await arranged(pilot, grid)
        assert grid.rows is new and grid.order == expected


@pilot_test
async def test_keys_pressed_again_while_sorting_go_on_from_the_sort_asked_for(
    tmp_path: Path, gate: Gate
) -> None:
    app = make_app(tmp_path, None, people_file(tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        grid.focus()
        await pilot.press("s")  # the first column, "#"
        await held(pilot, gate)
        await pilot.press("s", "r")  # the next column from the one being sorted, reversed
        assert grid.pending == Arrangement("name", True, "")
        assert grid.sort_column is None  # nothing sorted yet
        gate.open.set()
        await arranged(pilot, grid)
        rows = grid.rows
        assert isinstance(rows, ResultsRows)
        assert grid.applied == ("name", True, "") and grid.order == by_name(rows, reverse=True)


TRICKY = ["Đặng Thị Ánh", "ĐINH  văn  đức", " Lê ", "e\u0301", "\u0301a", "İstanbul", "ß", "ﬁ", ""]


@pytest.mark.parametrize(
    "texts",
    [
        TRICKY,
        [],
        [""],
        ["a\0b", "c"],  # a NUL inside a text: made one at a time
        ["a\x01b", "Ánh"],
        [unicodedata.normalize("NFD", t) for t in TRICKY],
        [f"Người thứ {i}" for i in range(50)] + ["\ufeffBOM", "a\tb", "x\u00a0y"],
    ],
)
def test_sort_keys_made_at_once_are_those_made_one_by_one(texts: list[str]) -> None:
    assert text_keys(texts) == [text_key(t) for t in texts]
    assert name_keys(texts) == [name_key(t) for t in texts]
    assert text_keys(["Đức", "dục"]) == [("duc", "Đức"), ("duc", "dục")]
