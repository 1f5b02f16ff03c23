"""Evaluating the rules on the data in a worker, and drawing the results: the table (its rows
made in the worker), the "why" panel of the one person selected, the report, the comparison.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import on
from textual.widgets import Static
from tinnhiem.engine.model import DataError, Dataset, Evaluation

from tinnhiem import bundled

from . import actions, backend, heap
from .core import Core
from .i18n import t
from .messages import Compared, DataFailed, EngineMissing, Evaluated
from .present import ResultsRows, differences
from .table import StaticRows
from .widgets.calendar import CalendarView
from .widgets.compare import CompareView
from .widgets.diff import DiffView
from .widgets.find import FindBar
from .widgets.grid import Grid, arrange
from .widgets.report import ReportView
from .widgets.why import WhyPanel, why

WARNINGS_SHOWN = 5  # warnings of an evaluation shown one by one; then how many more


class ResultsFlow(Core):
    """Evaluation off the UI thread; the views of its results."""

    # --- evaluation ----------------------------------------------------------------------------

    def evaluate(self) -> None:
        """Evaluate the current (and compared) rule set on the data, off the UI thread."""
        ruleset, other, dataset = self.ruleset, self.compare_ruleset, self.dataset
        if ruleset is None or dataset is None:
            return
        ticket = self.ticket("eval")
        lang, palette = self.lang, dict(self.palette)
        grid = self.query_one("#results-table", Grid)
        shown, how = grid.rows, grid.arrangement
        previous = shown if isinstance(shown, ResultsRows) else None
        rounds = self.data_rounds
        fresh = self.evaluated_on is not dataset  # the first results of these data

        def work() -> None:
            try:
                start = time.perf_counter()
                # no traces in bulk: the why panel explains the one person it shows
                evaluation = backend.evaluate(ruleset, dataset, explain=False, lang=lang)
                took = time.perf_counter() - start
                # the table's rows are made here too, off the UI thread (none while comparing:
                # they wait for the comparison's marks)
                rows = (
                    None
                    if other
                    else ResultsRows(evaluation, lang, palette, None, previous, rounds)
                )
                if rows is not None and (how.column or how.folded):
                    rows.arranged = (how, *arrange(rows, how))  # sorted and found here too
                if fresh:
                    heap.keep()  # the results of a load live as long as its data
                self.post_message(Evaluated(ticket, evaluation, took, dataset, rows))
                if other is not None:
                    start = time.perf_counter()
                    comparison = backend.compare(ruleset, other, dataset, lang)
                    took = time.perf_counter() - start
                    self.post_message(Compared(ticket, comparison, took))
            except DataError as exc:  # e.g. a level of the data that the rules do not have
                self.post_message(DataFailed(Path(dataset.path), exc.issues, evaluating=True))
            except backend.EngineMissing as exc:
                self.post_message(EngineMissing(exc.name))
            except Exception as exc:  # a bug in the engine must not take the app down
                self.post_message(
                    DataFailed(Path(dataset.path), (), f"{type(exc).__name__}: {exc}")
                )

        self._set_status(busy=True)
        self.in_thread(work, "eval")

    @on(Evaluated)
    def _evaluated(self, event: Evaluated) -> None:
        if not self.latest("eval", event.generation):
            return
        self.timings["evaluate"] = event.seconds
        self.evaluation = event.evaluation
        self._prepared = event.rows
        self.evaluated_on = event.dataset
        self.query_one("#results-note", Static).remove_class("-shown")
        self.refresh_views()
        self._warn_evaluation(event.evaluation, event.dataset)
        if "first_results" not in self.timings:
            self.timings["first_results"] = time.perf_counter() - self.started

    def _warn_evaluation(self, evaluation: Evaluation, dataset: Dataset) -> None:
        """What the data could not answer (an exemption not checked, a quorum unchecked, a
        previous vote missing, votes outside the rules' dates of force): said once per rules
        and data, each in its own words, never left to the trace of one person alone."""
        ruleset = evaluation.ruleset
        key = (id(ruleset), ruleset.in_force, dataset.path, len(dataset.tallies))
        if key == self._in_force_said:
            return
        self._in_force_said = key
        warnings = evaluation.warnings
        for warning in warnings[:WARNINGS_SHOWN]:
            shown = bundled.shown_text(warning.text(self.lang))
            self.notify(shown, severity="warning", markup=False, timeout=10)
        if len(warnings) > WARNINGS_SHOWN:
            more = t(self.lang, "eval.more_warnings", n=len(warnings) - WARNINGS_SHOWN)
            self.notify(more, severity="warning", markup=False, timeout=10)

    @on(Compared)
    def _compared(self, event: Compared) -> None:
        if self.latest("eval", event.generation) and self.compare_ruleset is not None:
            self.timings["compare"] = event.seconds
            self.comparison = event.comparison
            self.compare_evaluation = event.comparison.b
            self.refresh_views()

    @on(EngineMissing)
    def _missing(self, event: EngineMissing) -> None:
        self.notify(
            t(self.lang, "missing_feature", name=event.name), severity="warning", markup=False
        )
        self._set_status()

    # --- results no longer those of the rules and data named -----------------------------------

    def _stale(self) -> bool:
        """Whether the results held are not those of the rule sets and the data named."""
        evaluation, comparison = self.evaluation, self.comparison
        if evaluation is None:
            return False
        if evaluation.ruleset is not self.ruleset or self.evaluated_on is not self.dataset:
            return True
        return comparison is not None and comparison.b.ruleset is not self.compare_ruleset

    def _clear_results(self, message: str) -> None:
        """Empty every view of results and say why: never one rule set's results under
        another's name."""
        assert self.dataset is not None
        self.evaluation = self.evaluated_on = self._prepared = None
        self.compare_evaluation = self.comparison = None
        name = self.ruleset.name if self.ruleset else ""
        said = t(self.lang, "data.no_results", data=Path(self.dataset.path).name, name=name)
        note = self.query_one("#results-note", Static)
        note.update(f"{said}\n{message}")
        note.add_class("-shown")
        self.query_one("#results-table", Grid).show(StaticRows("", []))
        self.query_one(ReportView).show([], said)
        self.query_one(CompareView).show([], said)
        self.query_one(WhyPanel).show("")

    # --- drawing the state ---------------------------------------------------------------------

    def refresh_views(self) -> None:
        if not self.mounted:
            return
        self._show_results()
        self._show_report()
        self._show_compare()
        self.query_one(CalendarView).show_rulesets(self.ruleset, self.compare_ruleset)
        self.query_one(DiffView).show_rulesets(self.ruleset, self.compare_ruleset)
        self._set_status()

    def _versus(self) -> dict[str, str] | None:
        if self.compare_ruleset is None or self.comparison is None:
            return None
        return differences(self.comparison, self.lang)

    def _show_results(self) -> None:
        if self.evaluation is None:
            return
        start = time.perf_counter()
        grid = self.query_one("#results-table", Grid)
        rows, versus = self._prepared, self._versus()
        ready = rows is not None and rows.evaluation is self.evaluation and versus is None
        if not (ready and rows and rows.lang == self.lang and rows.palette == self.palette):
            previous = grid.rows if isinstance(grid.rows, ResultsRows) else None
            rounds = self.data_rounds if self.evaluated_on is self.dataset else None
            rows = ResultsRows(self.evaluation, self.lang, self.palette, versus, previous, rounds)
        grid.show(rows)
        self.query_one(FindBar).count(grid.row_count, len(rows), votes=rows.rounds.several)
        self.timings["show_results"] = time.perf_counter() - start

    def _show_report(self) -> None:
        if self.evaluation is not None:
            self.query_one(ReportView).show_reports(self.evaluation, self.palette)

    def _show_compare(self) -> None:
        view = self.query_one(CompareView)
        if self.compare_ruleset is None or self.evaluation is None:
            view.show_nothing(actions.by_name("compare").key)
            return
        view.show_comparison(self.comparison, self.palette)

    @on(Grid.RowHighlighted, "#results-table")
    def _highlighted(self, event: Grid.RowHighlighted) -> None:
        self.show_why(event.index)

    def show_why(self, index: int) -> None:
        evaluation = self.evaluation
        if evaluation is None or self.evaluated_on is None or index >= len(evaluation.results):
            return
        ruleset = evaluation.ruleset
        result = backend.explain(evaluation, index)
        versus = None
        other = self.compare_evaluation
        if other is not None and index < len(other.results):
            versus = (other.results[index], other.ruleset)
        rows = self.query_one("#results-table", Grid).rows
        rounds = []
        if isinstance(rows, ResultsRows) and rows.evaluation is evaluation and rows.rounds.several:
            rounds = [(i, evaluation.results[i]) for i in rows.rounds.of_row[index]]
        shown = why(result, ruleset, self.lang, self.palette, versus, rounds)
        self.query_one(WhyPanel).show(shown)
