"""The vote calendar of a term, and how long each person goes without a vote.

Time is counted in whole months. A term written 2021-2026 runs from January 2021 to the start
of 2026 (its years are 2021 to 2025, numbered 1 to 5). A vote is held at the end of its month
(the year-end session by default). A person is in post from the start of the month of their
`start` to the end of the month of their `end`, clipped to the term; when the data gives no
`start` or `end`, the term's own bounds stand in.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from tinnhiem.rules import ast

from .conditions import as_date
from .history import History
from .model import DataError, DataIssue, Dataset, Origin, Tally

DEFAULT_MONTH = 12


@dataclass(frozen=True, slots=True)
class VoteDate:
    year: int
    term_year: int  # 1 for the first year of the term
    meeting: str | None
    month: int

    @property
    def at(self) -> int:
        """Months since year 0 at the end of the vote's month."""
        return self.year * 12 + self.month


@dataclass(frozen=True, slots=True)
class Coverage:
    """The votes one person faces in post, and the stretches without one."""

    tally: Tally
    start: dt.date  # the first day counted: their start, or the term's
    end: dt.date  # the last day counted: their end, or the term's
    votes: tuple[VoteDate, ...]
    gaps: tuple[int, ...]  # months: start to first vote, between votes, last vote to end
    longest_gap: int

    @property
    def faces_no_vote(self) -> bool:
        return not self.votes


def calendar(schedule: ast.Schedule, start_year: int, end_year: int) -> list[VoteDate]:
    """The votes of the years `start_year` to `end_year` excluded, as a term 2021-2026 is written.

    Years are numbered from `start_year` and start again at 1 after `term_years` years; `years`
    empty means a vote every year.
    """
    term = schedule.term_years if schedule.term_years > 0 else max(end_year - start_year, 1)
    month = schedule.month or DEFAULT_MONTH
    votes = []
    for year in range(start_year, end_year):
        term_year = (year - start_year) % term + 1
        if not schedule.years or term_year in schedule.years:
            votes.append(VoteDate(year, term_year, schedule.meeting, month))
    return votes


def _date(tally: Tally, name: str, errors: list[DataIssue], path: str) -> dt.date | None:
    value = tally.attrs.get(name)
    if value is None or value == "":
        return None
    date = as_date(value)
    if date is None:
        message = f"{tally.name}: `{name}` should be a date (2021-07-01), not {value!r}"
        errors.append(DataIssue("error", message, tally.origin or Origin(path, 0, name)))
    return date


def _month(date: dt.date) -> int:
    return date.year * 12 + date.month - 1


def coverage(schedule: ast.Schedule, term: tuple[int, int], dataset: Dataset) -> list[Coverage]:
    """Per person (once, from their latest row): the votes they face in post and their gaps.

    `term` is (start year, end year) as in 2021-2026. A person who faces no vote has one gap,
    their whole time in post. `DataError` if a `start` or `end` is not a date.
    """
    start_year, end_year = term
    votes = calendar(schedule, start_year, end_year)
    history = History.of(dataset)
    latest: dict[str, int] = {}
    for index, key in enumerate(history.keys):
        if key not in latest or history.rank[index] >= history.rank[latest[key]]:
            latest[key] = index
    errors: list[DataIssue] = []
    found = []
    term_start, term_end = start_year * 12, end_year * 12
    for index in sorted(latest.values()):
        tally = dataset.tallies[index]
        start = _date(tally, "start", errors, dataset.path)
        end = _date(tally, "end", errors, dataset.path)
        begins = max(_month(start), term_start) if start else term_start
        ends = min(_month(end) + 1, term_end) if end else term_end
        ends = max(ends, begins)
        faced = tuple(v for v in votes if begins < v.at <= ends)
        marks = [begins, *(v.at for v in faced), ends]
        gaps = tuple(after - before for before, after in itertools.pairwise(marks))
        first = dt.date(begins // 12, begins % 12 + 1, 1)
        last = dt.date(ends // 12, ends % 12 + 1, 1) - dt.timedelta(days=1)
        found.append(
            Coverage(
                tally=tally,
                start=max(start, first) if start else first,
                end=min(end, last) if end else last,
                votes=faced,
                gaps=gaps,
                longest_gap=max(gaps),
            )
        )
    if errors:
        raise DataError(errors)
    return found
