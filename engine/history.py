"""The same person's earlier votes: who is who across rounds, and which round came before.

Who is who: by `id` when the data's ids name people, that is when some id occurs in more than one
row. A reader that finds no id column numbers the rows, so every id is unique; then, if names
repeat, people are matched by name and unit (the body that votes), compared without regard to
case, spacing or Unicode normalisation. The position is left out on purpose: a person promoted
between two votes is still the same person.

Which round came before: when every round is an ISO date (2023-12-13) or a year (2023), rounds
sort by time (a year before the dates within it); otherwise by their first appearance in the data.
A person with two rows in the same round is ambiguous: neither row gets a previous vote.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tinnhiem.rules import ast

from .conditions import vote_year
from .model import Dataset, Seen, Tally, texts_of
from .words import Said

_YEAR = re.compile(r"\d{4}")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def ids_name_people(tallies: Sequence[Tally]) -> bool:
    """Whether ids name people (some id repeats) rather than rows (all unique, names not)."""
    ids = texts_of(tallies, "id")
    if len(set(ids)) < len(ids):
        return True
    names = texts_of(tallies, "name")
    return len(set(map(_norm, names))) == len(names)


def person_key(tally: Tally, by_id: bool) -> str:
    """The key that finds a person's other votes (see the module's docstring)."""
    if by_id:
        return f"id:{tally.id}"
    return f"name:{_norm(tally.name)}|{_norm(tally.unit)}"


def person_keys(tallies: Sequence[Tally], by_id: bool) -> tuple[str, ...]:
    """`person_key` of every tally, read from the columns of a file's tallies (no tally made)."""
    if by_id:
        return tuple(f"id:{id_}" for id_ in texts_of(tallies, "id"))
    units = {unit: _norm(unit) for unit in set(texts_of(tallies, "unit"))}  # a few, repeated
    names, of_unit = texts_of(tallies, "name"), texts_of(tallies, "unit")
    return tuple(
        f"name:{_norm(name)}|{units[unit]}" for name, unit in zip(names, of_unit, strict=True)
    )


def several_rounds(tallies: Sequence[Tally]) -> bool:
    """Whether some person has votes in more than one round: the rows are then votes, not
    people. (Rounds that are only each body's own vote date, one row a person, are not.)"""
    if len(Seen.of(tallies).rounds) < 2:
        return False
    return len(set(person_keys(tallies, ids_name_people(tallies)))) < len(tallies)


def round_time(label: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a round written as an ISO date or a year; None for other labels."""
    text = label.strip()
    if _YEAR.fullmatch(text):
        return (int(text), 0, 0)
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return (date.year, date.month, date.day)


def round_order(labels: Sequence[str]) -> tuple[str, ...]:
    """The distinct rounds, earliest first (see the module's docstring)."""
    distinct = tuple(dict.fromkeys(labels))
    timed = [(round_time(label), label) for label in distinct]
    known = [(time, label) for time, label in timed if time is not None]
    if len(known) == len(timed):
        return tuple(label for _, label in sorted(known, key=lambda pair: pair[0]))
    return distinct


@dataclass(frozen=True, slots=True)
class History:
    """Per tally of a dataset: the person's key and the index of their previous vote."""

    by_id: bool
    keys: tuple[str, ...]
    rounds: tuple[str, ...]
    previous: tuple[int | None, ...]
    ambiguous: tuple[int, ...]  # indices of tallies sharing a person and a round with another
    rank: tuple[int, ...]  # per tally, the place of its round in `rounds`

    @classmethod
    def of(cls, dataset: Dataset) -> History:
        tallies = dataset.tallies
        by_id = ids_name_people(tallies)
        keys = person_keys(tallies, by_id)
        labels = texts_of(tallies, "round")  # each tally's round
        rounds = round_order(labels)
        ranks = tuple(map({label: i for i, label in enumerate(rounds)}.__getitem__, labels))
        if len(set(keys)) == len(keys):  # a row a person: no previous vote, none ambiguous
            return cls(by_id, keys, rounds, (None,) * len(keys), (), ranks)
        seen: dict[tuple[str, str], int] = {}
        ambiguous: set[int] = set()
        for index, key_round in enumerate(zip(keys, labels, strict=True)):
            other = seen.setdefault(key_round, index)
            if other != index:
                ambiguous.update((other, index))
        del seen
        votes: dict[str, list[int]] = {}
        for index, key in enumerate(keys):
            votes.setdefault(key, []).append(index)
        previous: list[int | None] = [None] * len(tallies)
        for indices in votes.values():
            if len(indices) < 2:
                continue
            indices.sort(key=ranks.__getitem__)
            for before, after in itertools.pairwise(indices):
                if before in ambiguous or after in ambiguous:
                    continue
                if labels[before] != labels[after]:
                    previous[after] = before
        return cls(by_id, keys, rounds, tuple(previous), tuple(sorted(ambiguous)), ranks)

    def latest(self) -> list[int]:
        """The index of each person's latest row (of their latest round), in the data's order:
        a row a person."""
        found: dict[str, int] = {}
        for index, key in enumerate(self.keys):
            if key not in found or self.rank[index] >= self.rank[found[key]]:
                found[key] = index
        return sorted(found.values())

    def votes_of(self, key: str) -> tuple[int, ...]:
        """Indices of a person's tallies, earliest round first."""
        found = [i for i, k in enumerate(self.keys) if k == key]
        return tuple(sorted(found, key=lambda i: self.rank[i]))


@dataclass(frozen=True, slots=True)
class Periods:
    """Which year the previous vote of a schedule falls in, for a vote of a given year.

    `vote every year`: the year before. `vote in years 2, 4` of a 5-year term: the previous vote
    year of the term, then the last one of the term before (year 2 -> year 4, three years
    earlier). The rules do not say when a term starts, so the start is taken from the data: the
    starts (modulo the term) under which every vote year of the data is a vote year of the
    schedule. When several fit, a vote may have several candidate years; when none fits, every
    start under which that vote's own year is a vote year.
    """

    term: int
    years: tuple[int, ...]
    starts: tuple[int, ...]  # the fitting term starts, modulo `term`

    @classmethod
    def of(cls, schedule: ast.Schedule, data_years: Iterable[int]) -> Periods:
        term = max(schedule.term_years, 1)
        years = tuple(sorted(y for y in set(schedule.years) if 1 <= y <= term))
        seen = set(data_years)
        starts = tuple(
            start
            for start in range(term)
            if all((year - start) % term + 1 in years for year in seen)
        )
        return cls(term, years, starts)

    def before(self, year: int) -> tuple[int, ...]:
        """The candidate years of the previous vote, latest first."""
        if not self.years:
            return (year - 1,)
        term, years = self.term, self.years
        starts = self.starts or tuple(s for s in range(term) if (year - s) % term + 1 in years)
        found: set[int] = set()
        for start in starts:
            k = (year - start) % term + 1
            earlier = [y for y in years if y < k]
            found.add(year - (k - earlier[-1] if earlier else k + term - years[-1]))
        return tuple(sorted(found, reverse=True))


class PreviousVotes:
    """Which earlier vote `previous` reads for each tally of a dataset.

    The same person's latest vote in the year of the schedule's previous vote (see `Periods`);
    without a schedule, or when some vote has no date or year (`periods` is None), the person's
    previous round in the data.
    """

    def __init__(
        self,
        dataset: Dataset,
        history: History,
        years: tuple[int | None, ...],
        periods: Periods | None,
    ) -> None:
        self.dataset = dataset
        self.history = history
        self.years = years
        self.periods = periods
        self._by_person: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, dataset: Dataset, history: History, schedule: ast.Schedule | None) -> PreviousVotes:
        tallies = dataset.tallies
        years = tuple(vote_year(t.attrs, t.round) for t in tallies)
        known = [year for year in years if year is not None]
        periods = None
        if schedule is not None and known and len(known) == len(years):
            periods = Periods.of(schedule, known)
        return cls(dataset, history, years, periods)

    def find(self, index: int) -> int | Said | None:
        """The index of the previous vote; None when the data starts here for this person; or
        why there is none (a `Said`)."""
        history = self.history
        if index in history.ambiguous:
            round_ = self.dataset.tallies[index].round
            return ("previous_ambiguous", {"round": repr(round_)})
        if self.periods is None:
            return history.previous[index]
        year = self.years[index]
        assert year is not None
        wanted = self.periods.before(year)
        mine = self._votes_of(history.keys[index])
        rank = history.rank[index]
        earlier = [i for i in mine if history.rank[i] < rank and i not in history.ambiguous]
        if not earlier:
            return None
        found = [i for i in earlier if self.years[i] in wanted]
        if found:
            return found[-1]
        tally = self.dataset.tallies[index]
        return ("previous_missing", {"name": tally.name or tally.id, "years": _either(wanted)})

    def _votes_of(self, key: str) -> list[int]:
        """A person's tallies, earliest round first (built once, on first use)."""
        if self._by_person is None:
            self._by_person = {}
            for i, k in enumerate(self.history.keys):
                self._by_person.setdefault(k, []).append(i)
            for found in self._by_person.values():
                found.sort(key=self.history.rank.__getitem__)
        return self._by_person[key]


def _either(years: tuple[int, ...]) -> object:
    """Candidate years in words: `2013`, or `2019 or 2020` (said in the reader's language)."""
    ordered = sorted(years)
    if len(ordered) == 1:
        return str(ordered[0])
    first = ", ".join(map(str, ordered[:-1]))
    return ("either", {"first": first, "last": str(ordered[-1])})
