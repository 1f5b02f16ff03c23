"""The vote calendar of a term, and how long each person goes without a vote.

Time is counted in whole months. A term written 2021-2026 runs from January 2021 to the start
of 2026 (its years are 2021 to 2025, numbered 1 to 5). A vote is held at the end of its month
(the year-end session by default). A person is in post from the start of the month of their
`start` to the end of the month of their `end`, clipped to the term; when the data gives no
`start` or `end`, the term's own bounds stand in; a person whose time in post ends before the
term or starts after it is not in post in the term, and has neither votes nor dates in it.

The rule set's exemptions are checked at each vote (its date: the last day of its month): an
exempt person is not rated at that vote, which is listed with the reason, and it is no vote for
the gaps.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from tinnhiem.rules import ast
from tinnhiem.rules.messages import message

from . import conditions as cond
from .conditions import Facts, Unknown, as_date
from .history import History
from .model import DataError, DataIssue, Dataset, Origin, Tally
from .words import Lang, Said, say

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
    start: dt.date | None  # the first day counted: their start, or the term's; None: not in post
    end: dt.date | None  # the last day counted: their end, or the term's; None: not in post
    votes: tuple[VoteDate, ...]  # the votes they are rated at (exempt ones left out)
    gaps: tuple[int, ...]  # months: start to first vote, between votes, last vote to end
    longest_gap: int
    exempted: tuple[tuple[VoteDate, str], ...] = ()  # votes in post but exempt, with the reason
    unchecked: tuple[tuple[str, Said], ...] = ()  # exemptions the data could not check, and why

    @property
    def in_term(self) -> bool:
        return self.start is not None

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
        said = message("schedule.not_date", person=tally.name, name=name, value=repr(value))
        errors.append(DataIssue.of("error", said, tally.origin or Origin(path, 0, name)))
    return date


def _month(date: dt.date) -> int:
    return date.year * 12 + date.month - 1


def _vote_day(vote: VoteDate) -> dt.date:
    following = dt.date(vote.year + vote.month // 12, vote.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _exemption(
    tally: Tally,
    vote: VoteDate,
    exempts: Sequence[ast.Exempt],
    unchecked: dict[str, Said],
) -> str | None:
    """The reason `tally` is exempt at `vote`, or None; what cannot be checked goes to
    `unchecked` (as the evaluation does, an exemption the data cannot answer exempts nobody)."""
    attrs = {**tally.attrs, "vote_date": _vote_day(vote)}
    facts = Facts({}, None, tally.turnout, attrs, "", tally=tally)
    for exempt in exempts:
        try:
            holds = cond.compile_cond(exempt.when, strict=True)(facts)
        except Unknown as unknown:
            unchecked.setdefault(exempt.reason, (unknown.key, unknown.fields))
            continue
        except KeyError:  # a level's count: no vote to read it from in a calendar
            unchecked.setdefault(exempt.reason, ("reads_votes", {}))
            continue
        if holds:
            return exempt.reason + (f" ({exempt.note})" if exempt.note else "")
    return None


def coverage(
    schedule: ast.Schedule,
    term: tuple[int, int],
    dataset: Dataset,
    exempts: Sequence[ast.Exempt] = (),
) -> list[Coverage]:
    """Per person (once, from their latest row): the votes they face in post and their gaps.

    `term` is (start year, end year) as in 2021-2026. A person who faces no vote has one gap,
    their whole time in post. `exempts` are checked at each vote. `DataError` if a `start` or
    `end` is not a date.
    """
    start_year, end_year = term
    votes = calendar(schedule, start_year, end_year)
    errors: list[DataIssue] = []
    found = []
    term_start, term_end = start_year * 12, end_year * 12
    for index in History.of(dataset).latest():
        tally = dataset.tallies[index]
        start = _date(tally, "start", errors, dataset.path)
        end = _date(tally, "end", errors, dataset.path)
        begins = max(_month(start), term_start) if start else term_start
        ends = min(_month(end) + 1, term_end) if end else term_end
        if ends <= begins or (start and end and end < start):
            # not in post in the term: clipping to it would print an end before the start
            found.append(Coverage(tally, None, None, (), (), 0))
            continue
        faced = [v for v in votes if begins < v.at <= ends]
        unchecked: dict[str, Said] = {}
        exempted = []
        for vote in faced:
            reason = _exemption(tally, vote, exempts, unchecked)
            if reason is not None:
                exempted.append((vote, reason))
        rated = tuple(v for v in faced if all(v is not e for e, _ in exempted))
        marks = [begins, *(v.at for v in rated), ends]
        gaps = tuple(after - before for before, after in itertools.pairwise(marks))
        first = dt.date(begins // 12, begins % 12 + 1, 1)
        last = dt.date(ends // 12, ends % 12 + 1, 1) - dt.timedelta(days=1)
        found.append(
            Coverage(
                tally=tally,
                start=max(start, first) if start else first,
                end=min(end, last) if end else last,
                votes=rated,
                gaps=gaps,
                longest_gap=max(gaps),
                exempted=tuple(exempted),
                unchecked=tuple(unchecked.items()),
            )
        )
    if errors:
        raise DataError(errors)
    return found


GROUP_WORDS = {"no_attr": "unchecked.no_attr", "empty_attr": "unchecked.empty_attr"}


def unchecked_lines(people: Sequence[Coverage], lang: Lang) -> list[str]:
    """One line per exemption the data could not check, with how many people and why."""
    found: dict[str, tuple[int, str]] = {}
    for c in people:
        for reason, why in c.unchecked:
            key = GROUP_WORDS.get(why[0], why[0])  # of several people, not "this person"
            n, said = found.get(reason, (0, say(lang, key, **why[1])))
            found[reason] = (n + 1, said)
    return [
        say(lang, "exempt_not_checked", reason=reason, n=n, why=why)
        for reason, (n, why) in found.items()
    ]
