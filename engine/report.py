"""The summary tables of a rule set's `report` blocks, like the appendix of a rating report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from fractions import Fraction

from tinnhiem.rules import ast

from .model import ReportRow, ReportTable, Result, Scalar

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


def _row(key: str, results: Iterable[Result], blocks: Sequence[ast.Classify]) -> ReportRow:
    counts = {b.id: dict.fromkeys((r.id for r in b.rules), 0) for b in blocks}
    rated = exempt = invalid = 0
    for result in results:
        if result.status == "exempt":
            exempt += 1
            continue
        if result.status == "invalid":
            invalid += 1
            continue
        rated += 1
        for verdict in result.verdicts:
            per_class = counts.get(verdict.block)
            if per_class is not None:
                per_class[verdict.klass] = per_class.get(verdict.klass, 0) + 1
    return ReportRow(key, rated, counts, exempt, invalid)


def build_report(
    ruleset: ast.Resolved, report: ast.Report, results: Sequence[Result]
) -> ReportTable:
    """One table: a row per value of the `by` column (in order of appearance) and a total row.

    Each row counts, per block, the people in each class (every class listed, 0 included);
    people exempt or whose vote is invalid are counted apart and in no class.
    """
    blocks = [b for b in (ruleset.block(name) for name in report.counts) if b is not None]
    groups: dict[str, list[Result]] = {}
    for result in results:
        groups.setdefault(key_of(result, report.by), []).append(result)
    rows = tuple(_row(key, members, blocks) for key, members in groups.items())
    return ReportTable(
        title=report.title,
        by=report.by,
        blocks=tuple(b.id for b in blocks),
        rows=rows,
        total=_total(rows, blocks),
    )


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
