"""Pilot tests of the TUI on many people (issue 12): the table draws only the rows in view, an
edit of the rules evaluates the data already read (the file is not read again), and the "why"
panel explains the selected person alone, as `Evaluation.explain(i)` does.

No time is measured here: `benchmarks/bench_tui.py` measures speed (`make bench`).
"""

from __future__ import annotations

import csv
import io
import random
import threading
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from test_tui_support import make_app, pilot_test, ready, settle
from tinnhiem.rules import load_text
from tinnhiem.tui import backend
from tinnhiem.tui.messages import RulesEdited
from tinnhiem.tui.present import ResultsRows
from tinnhiem.tui.widgets.grid import Grid
from tinnhiem.tui.widgets.why import Printable, WhyPanel, why

from tinnhiem import bundled

PEOPLE = 20_000
HEADER = ("id", "name", "position", "group", "round", "members", "collected", "cao", "tn", "thap")


def people_file(folder: Path, people: int = PEOPLE) -> Path:
    """A deterministic tallies file: `people` people voted on by 30 to 60 members each."""
    rng = random.Random(12)
    path = folder / "nhieu-nguoi.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(people):
            n = rng.randint(30, 60)
            thap = rng.randint(0, n)
            cao = rng.randint(0, n - thap)
            row = [f"P{i:05d}", f"Người thứ {i}", "Ủy viên", f"Nhóm {i % 20}", "2023-12-01"]
            out.writerow([*row, n + 2, n, cao, n - thap - cao, thap])
    return path


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows whose cells the results table asked for (a spy: the cells are made as ever)."""
    seen: list[int] = []
    cells = ResultsRows.cells

    def spy(self: ResultsRows, index: int) -> Any:
        seen.append(index)
        return cells(self, index)

    monkeypatch.setattr(ResultsRows, "cells", spy)
    return seen


def shown_rows(grid: Grid) -> int:
    """How many rows of data the table has room for on screen."""
    return grid.scrollable_content_region.height


@pilot_test
async def test_the_table_makes_only_the_rows_in_view(tmp_path: Path, asked: list[int]) -> None:
    app = make_app(tmp_path, None, people_file(tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        assert grid.row_count == PEOPLE
        room = shown_rows(grid)
        assert 0 < room < 40
        # the top rows, each made once, and none of the 19,970 others
        assert set(asked) == set(range(len(set(asked))))
        assert 0 < len(set(asked)) <= room
        asked.clear()
        await pilot.press("end")
        await settle(pilot)
        assert grid.cursor == PEOPLE - 1
        assert asked and min(asked) >= PEOPLE - room  # the last rows only
        assert max(asked) == PEOPLE - 1


@pilot_test
async def test_an_edit_evaluates_the_data_already_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    read = backend.read_data

    def spy(path: Path, kind: str, levels: dict[str, str]) -> Any:
        reads.append(path)
        return read(path, kind, levels)

    monkeypatch.setattr(backend, "read_data", spy)
    data = people_file(tmp_path)
    app = make_app(tmp_path, None, data)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert reads == [data]
        dataset, before = app.dataset, app.evaluation
        assert dataset is not None and before is not None
        text = bundled.default_rules().read_text(encoding="utf-8")
        edited = text.replace("share(thap) > 1/2", "share(thap) > 60%")
        assert edited != text
        app.post_message(RulesEdited(edited))
        await ready(pilot)
        for _ in range(50):
            if app.evaluation is not before:
                break
            await settle(pilot, 1)
        after = app.evaluation
        assert after is not None and after is not before
        assert reads == [data]  # the file read once, at the start
        assert app.dataset is dataset and app.evaluated_on is dataset
        # the new results are the engine's on those data under the edited rules, and shown
        loaded = load_text(edited, str(bundled.default_rules()), bundled.loader())
        assert loaded.resolved is not None
        expected = backend.evaluate(loaded.resolved, dataset, explain=False, lang="vi")
        classes = [tuple(v.klass for v in r.verdicts) for r in after.results]
        assert classes == [tuple(v.klass for v in r.verdicts) for r in expected.results]
        review = sum(c[0] == "review" for c in classes)
        assert review < sum(
            v.klass == "review"
            for r in before.results
            for v in r.verdicts
            if v.block == "consequence"
        )
        grid = app.query_one("#results-table", Grid)
        assert isinstance(grid.rows, ResultsRows) and grid.rows.evaluation is after


def plain(content: Any) -> str:
    console = Console(width=100, file=io.StringIO())
    with console.capture() as capture:
        console.print(Printable(content))
    return capture.get()


@pilot_test
async def test_the_why_panel_explains_the_selected_person_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    explained: list[int] = []
    explain = backend.explain

    def spy(evaluation: Any, index: int) -> Any:
        explained.append(index)
        return explain(evaluation, index)

    monkeypatch.setattr(backend, "explain", spy)
    app = make_app(tmp_path, None, people_file(tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        evaluation = app.evaluation
        assert evaluation is not None
        # the bulk run made no trace: only the person shown is explained
        assert all(not r.trace for r in evaluation.results)
        assert set(explained) == {0}
        grid = app.query_one("#results-table", Grid)
        grid.focus()
        explained.clear()
        await pilot.press("down", "down", "down")
        await settle(pilot)
        assert set(explained) == {1, 2, 3}
        index = grid.cursor_index
        assert index == 3
        result = evaluation.explain(index)
        assert result.trace
        said = plain(why(result, evaluation.ruleset, app.lang, app.palette))
        assert app.query_one(WhyPanel).text == said
        assert said.startswith(f"{result.tally.name}\n")


@pilot_test
async def test_new_results_come_sorted_and_found_from_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a sort and a find in force, an edit's results are arranged in the evaluation's
    worker: the UI thread reads no sort key and matches no row (nor for the user's own sort
    and find of so many rows: `grid.SYNC_ROWS`)."""
    on_ui: list[str] = []
    sort_key, matches = ResultsRows.sort_key, ResultsRows.matches

    def sort_spy(self: ResultsRows, index: int, column: int) -> Any:
        if threading.current_thread() is threading.main_thread():
            on_ui.append("sort_key")
        return sort_key(self, index, column)

    def match_spy(self: ResultsRows, index: int, folded: str) -> bool:
        if threading.current_thread() is threading.main_thread():
            on_ui.append("matches")
        return matches(self, index, folded)

    monkeypatch.setattr(ResultsRows, "sort_key", sort_spy)
    monkeypatch.setattr(ResultsRows, "matches", match_spy)
    # and the rows' ways to read every row at once
    sort_keys, matching = ResultsRows.sort_keys, ResultsRows.matching

    def sort_keys_spy(self: ResultsRows, *args: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            on_ui.append("sort_keys")
        return sort_keys(self, *args)

    def matching_spy(self: ResultsRows, *args: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            on_ui.append("matching")
        return matching(self, *args)

    monkeypatch.setattr(ResultsRows, "sort_keys", sort_keys_spy)
    monkeypatch.setattr(ResultsRows, "matching", matching_spy)
    app = make_app(tmp_path, None, people_file(tmp_path))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        grid.sort_by("class:consequence")
        grid.set_filter("nhom 1")  # folded: Nhóm 1, and Nhóm 10 to Nhóm 19
        for _ in range(1000):  # at the user's request too, in a worker (test_tui_arrange)
            if grid.pending is None and grid.filter_text:
                break
            await pilot.pause(0.01)
        assert grid.applied == ("class:consequence", False, "nhom 1") and on_ui == []
        before = app.evaluation
        on_ui.clear()
        text = bundled.default_rules().read_text(encoding="utf-8")
        app.post_message(RulesEdited(text.replace("share(thap) > 1/2", "share(thap) > 60%")))
        await ready(pilot)
        for _ in range(50):
            if app.evaluation is not before and grid.rows.evaluation is app.evaluation:  # type: ignore[attr-defined]
                break
            await settle(pilot, 1)
        rows = grid.rows
        assert isinstance(rows, ResultsRows) and rows.evaluation is app.evaluation
        assert on_ui == []
        assert grid.sort_column == "class:consequence" and grid.filter_text == "nhom 1"
        # the order is the one the grid itself makes: worst class first, the group's people
        column = grid.column_keys.index("class:consequence")
        keys = [rows.sort_key(i, column) for i in grid.order]
        assert keys == sorted(keys)
        groups = {rows.results[i].tally.group for i in grid.order}
        assert groups == {"Nhóm 1", *(f"Nhóm {n}" for n in range(10, 20))}
        assert grid.row_count == 11 * PEOPLE // 20
        assert len(grid.all_order) == PEOPLE
