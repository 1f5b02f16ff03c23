"""The summary tables of a rule set's `report` blocks, like the appendix of a rating report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from operator import attrgetter
from typing import Any

from tinnhiem.rules import ast

from .model import ReportRow, ReportTable, Result, Scalar, Verdict
from .results import Results

TOTAL = "Tổng cộng"  # the key of the total row
COLUMNS = ("group", "unit", "position", "round", "name", "id")


def key_of(result: Result, by: str) -> str:
    """The value of the `by` column for one result: a field of the tally, else an attribute."""
    tally = result.tally
    if by in COLUMNS:
        return str(getattr(tally, by))
    return _text(tally.attrs.get(by))


def _text(value: Scalar | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Fraction) and value.denominator == 1:
        return str(value.numerator)
    return str(value)


class ReportCounter:
    """One `report` table counted a result at a time: a row per value of its `by` column.

    Each row counts, per block, the people in each class (every class listed, 0 included);
    people exempt or whose vote is invalid are counted apart and in no class. Only the counts
    are kept, never the results: a streamed run counts its reports on the way.
    """

    def __init__(self, ruleset: ast.Resolved, report: ast.Report) -> None:
        self.report = report
        self.blocks = [b for b in (ruleset.block(name) for name in report.counts) if b is not None]
        # key -> [rated, exempt, invalid, {block: {class: people}}], in order of appearance
        self.rows: dict[str, list[Any]] = {}
        self._pending: dict[tuple[str, int], int] = {}  # (key, pass's key) -> people
        self._verdicts: Callable[[int], tuple[Verdict, ...]] = _no_key

    def _row(self, key: str) -> list[Any]:
        row = self.rows.get(key)
        if row is None:
            counts = {b.id: dict.fromkeys((r.id for r in b.rules), 0) for b in self.blocks}
            row = self.rows[key] = [0, 0, 0, counts]
        return row

    def add(self, result: Result) -> None:
        row = self._row(key_of(result, self.report.by))
        if result.status == "exempt":
            row[1] += 1
            return
        if result.status == "invalid":
            row[2] += 1
            return
        self._rated(row, result.verdicts, 1)

    def _rated(self, row: list[Any], verdicts: Iterable[Verdict], people: int) -> None:
        row[0] += people
        for verdict in verdicts:
            per_class = row[3].get(verdict.block)
            if per_class is not None:
                per_class[verdict.klass] = per_class.get(verdict.klass, 0) + people

    def add_all(self, results: Results) -> None:
        """Every result of a run, counted from the pass's keys (no result made for those)."""
        if results.explained:
            for result in results:
                self.add(result)
            return
        by = self.report.by
        tallies = results.tallies
        if by in COLUMNS:
            values = list(map(str, map(attrgetter(by), tallies)))
        else:
            values = [_text(tally.attrs.get(by)) for tally in tallies]
        for value in dict.fromkeys(values):  # the rows in the order people first show them
            self._row(value)
        for (value, key), people in Counter(zip(values, results.keys, strict=True)).items():
            if key >= 0:
                self._rated(self.rows[value], results.verdicts(key), people)
        for result in results.made.values():
            self.add(result)

    def add_key(
        self, result: Result, key: int, verdicts: Callable[[int], tuple[Verdict, ...]]
    ) -> None:
        """A result of the pass (`key` >= 0, its verdicts `verdicts(key)`), counted by its key:
        a streamed run counts each distinct key once, at the end (`table`)."""
        value = key_of(result, self.report.by)
        if value not in self.rows:
            self._row(value)
        pending = self._pending
        pending[value, key] = pending.get((value, key), 0) + 1
        self._verdicts = verdicts

    def table(self) -> ReportTable:
        for (value, key), people in self._pending.items():
            self._rated(self.rows[value], self._verdicts(key), people)
        self._pending.clear()
        rows = tuple(
            ReportRow(key, rated, counts, exempt, invalid)
            for key, (rated, exempt, invalid, counts) in self.rows.items()
        )
        return ReportTable(
            title=self.report.title,
            by=self.report.by,
            blocks=tuple(b.id for b in self.blocks),
            rows=rows,
            total=_total(rows, self.blocks),
        )


def _no_key(key: int) -> tuple[Verdict, ...]:
    raise AssertionError(f"no result of the pass was counted, yet key {key} is")


def build_report(
    ruleset: ast.Resolved, report: ast.Report, results: Iterable[Result]
) -> ReportTable:
    """One table of `report` over `results` (see `ReportCounter`) with a total row."""
    counter = ReportCounter(ruleset, report)
    if isinstance(results, Results):
        counter.add_all(results)
    else:
        for result in results:
            counter.add(result)
    return counter.table()


def _total(rows: Sequence[ReportRow], blocks: Sequence[ast.Classify]) -> ReportRow:
    """The total row: the sum of the group rows (every person is in exactly one group)."""
    counts = {b.id: dict.fromkeys((r.id for r in b.rules), 0) for b in blocks}
    for row in rows:
        for block, per_class in row.counts.items():
            for klass, people in per_class.items():
                counts[block][klass] = counts[block].get(klass, 0) + people
    return ReportRow(
        TOTAL,
        sum(r.rated for r in rows),
        counts,
        sum(r.exempt for r in rows),
        sum(r.invalid for r in rows),
    )


def build_reports(ruleset: ast.Resolved, results: Sequence[Result]) -> tuple[ReportTable, ...]:
    """The tables of every `report` of the rule set."""
    return tuple(build_report(ruleset, report, results) for report in ruleset.reports)
