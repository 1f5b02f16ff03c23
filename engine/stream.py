"""An evaluation given one result at a time, for writers that stream their output.

`evaluate` keeps every result (the TUI, compare and sweep need them all); a big run written to a
file needs each result only until it is written. `Stream` yields them in order and, once the last
one is out, holds the reports (counted on the way) and the warnings of the run.

A row that cannot be evaluated (no basis) is an error that must stop the run before any output:
those rows are found first, by evaluating only the rows that lack a basis, so that an error never
leaves a half-written output behind. A file read into columns says at once whether any row lacks
it (`Tallies.gives`), without the pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tinnhiem.rules import ast

from .collector import collector_paused
from .evaluate import Plan, Runner
from .model import DataError, DataIssue, Dataset, ReportTable, Result
from .report import ReportCounter
from .words import Lang


class Stream:
    """The results of `ruleset` over `dataset`, yielded by `results()` one at a time."""

    def __init__(
        self, ruleset: ast.Resolved, dataset: Dataset, *, explain: bool, lang: Lang = "en"
    ) -> None:
        self.ruleset = ruleset
        self.explain = explain
        self.runner = Runner(Plan.of(ruleset), dataset, lang)
        self.reports: tuple[ReportTable, ...] = ()
        self.warnings: tuple[DataIssue, ...] = ()
        self._check_basis()

    def _check_basis(self) -> None:
        """`DataError` now, before any output, for the rows `evaluate` would refuse."""
        runner = self.runner
        gives = getattr(runner.dataset.tallies, "gives", None)  # a file read into columns
        if gives is not None and gives(runner.basis_kind):
            return  # every row gives its basis: no pass over the tallies needed
        lacking = [
            index
            for index, tally in enumerate(runner.dataset.tallies)
            if runner.basis(tally)[0] is None
        ]
        for index in lacking:
            runner.result(index, explain=False)
        errors = list(runner.errors)
        runner.reset()
        if errors:
            raise DataError(errors)

    def results(self) -> Iterator[Result]:
        """Every result, in the order of the data; then `reports` and `warnings` are set."""
        counters = [ReportCounter(self.ruleset, report) for report in self.ruleset.reports]
        runner = self.runner
        bulk = runner.bulk
        with collector_paused():
            keys = bulk.keys()
            for result, key in zip(
                runner.results(explain=self.explain, keys=keys), keys, strict=True
            ):
                for counter in counters:
                    if key < 0:
                        counter.add(result)
                    else:  # the pass's: counted by key (its verdicts are the key's)
                        counter.add_key(result, key, bulk.verdicts)
                yield result
        if runner.errors:  # cannot happen after `_check_basis`; never write past an error
            raise DataError(runner.errors)
        self.reports = tuple(counter.table() for counter in counters)
        self.warnings = runner.closing_warnings()

    def tail(self) -> tuple[Sequence[ReportTable], Sequence[DataIssue]]:
        """What follows the results in a document: the reports, then the warnings."""
        return self.reports, self.warnings
