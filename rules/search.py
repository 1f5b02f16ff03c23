"""The bounded search: every tally up to a number of ballots, smallest first, in plain Python.

It reads the rules through the same `meaning.Encoder` as the solver, over plain values, and visits
tallies in the order `logic.Witness.key` sorts them, so the first tally where a wish holds is the
smallest one within the bound. Attributes take the values the rules name and their neighbours.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from . import ast
from .meaning import FIGURES, Encoder, PyOps, Reading, Space, numbers_in

if TYPE_CHECKING:
    from .logic import Want, Witness

# how one rule set reads one tally in one block, when the encoder cannot (the engine can)
Judge = Callable[[Reading, ast.Classify, "Witness"], str]
PREVIOUS_BOUND = 3  # ballots of the previous vote, when a rule reads it
_OPS = PyOps()
Tally = tuple[dict[str, int], dict[str, int]]


class _Env:
    def __init__(
        self,
        tally: Tally,
        previous: Tally | None,
        attrs: dict[str, Any],
        kinds: Mapping[str, str],
    ) -> None:
        self.kinds = kinds
        self.tally = tally
        self.previous = previous
        self.attrs = attrs

    def _of(self, previous: bool) -> Tally:
        if previous:
            return self.previous or ({name: 0 for name in FIGURES}, {})
        return self.tally

    def figure(self, name: str, previous: bool) -> Any:
        return self._of(previous)[0][name]

    def count(self, level: str, previous: bool) -> Any:
        return self._of(previous)[1].get(level, 0)

    def has_previous(self) -> Any:
        return self.previous is not None

    def attr(self, name: str) -> Any:
        value = self.attrs[name]
        return _STAND_IN[self.kinds[name]] if value is _BLANK else value

    def blank(self, name: str) -> Any:
        return self.attrs[name] is _BLANK

    def rounded(self, count: Any, basis: Any, scale: int) -> Any:
        return (2 * count * scale + basis) // (2 * basis) if basis > 0 else 0


class _Blank:
    """A blank cell among an attribute's values."""


_BLANK = _Blank()
# what the encoder computes with for a blank cell: its value is unknown, so never read as such
_STAND_IN: dict[str, Any] = {"number": 0, "date": (2000, 1, 1), "bool": False, "text": 0}


def read_figures(readings: Sequence[Reading]) -> set[str]:
    """The turnout figures some rule set reads: the basis, the quorum, a figure in a condition."""
    found: set[str] = set()
    for reading in readings:
        rs = reading.ruleset
        found.add(rs.basis.kind)
        if rs.quorum is not None:
            found |= {rs.quorum.measure, rs.quorum.of}
        whens = [e.when for e in rs.exempts]
        whens += [r.when for b in rs.classifies for r in b.rules if r.when is not None]
        for when in whens:
            found |= {v.name for v in ast.walk_values(when) if isinstance(v, ast.Turnout)}
    return found


def tallies(levels: Sequence[str], bound: int, read: set[str]) -> Iterator[Tally]:
    """Every tally up to `bound` ballots, smallest first; a figure no rule reads stays at its
    least (the smallest tally of an outcome has it there anyway)."""
    upto = range(bound + 1)
    for c in upto:
        chains = []
        for i in range(c, bound + 1) if "issued" in read else [c]:
            for p in range(i, bound + 1) if "present" in read else [i]:
                for m in range(p, bound + 1) if "members" in read else [p]:
                    chains.append((m, p, i))
        chains.sort()
        spare = range(c + 1) if read & {"valid", "invalid"} else range(1)
        for m, p, i in chains:
            for invalid in spare:
                valid = c - invalid
                turnout = dict(zip(FIGURES, (m, p, i, c, valid, invalid), strict=True))
                for blank in range(valid + 1):
                    for counts in _compositions(valid - blank, len(levels)):
                        yield turnout, dict(zip(levels, counts, strict=True))


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Tuples of `parts` whole numbers adding up to `total`, in increasing order."""
    if parts == 0:
        if total == 0:
            yield ()
        return
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def attribute_values(space: Space, readings: Sequence[Reading]) -> dict[str, list[Any]]:
    """The values each attribute takes in the search: those the rules name and their neighbours."""
    numbers = numbers_in(readings)
    dates = _dates(readings)
    found: dict[str, list[Any]] = {}
    for name, kind in space.attrs.items():
        if kind == "bool":
            found[name] = [False, True]
        elif kind == "text":
            found[name] = list(range(len(space.texts) + 1))
        elif kind == "date":
            found[name] = [(d.year, d.month, d.day) for d in dates]
        else:
            values: set[Fraction | int] = {0}
            for n in numbers.get(name, set()):
                values |= {n, n - 1, n + 1, int(n), int(n) + 1}
            if name == "vote_year":
                values |= {d.year for d in dates} | {year for _, year in space.round_years}
            found[name] = sorted(v for v in values if v >= 0)
        if name in space.blanks:
            found[name].append(_BLANK)  # after every value: a filled cell first
    return found


def _dates(readings: Sequence[Reading]) -> list[dt.date]:
    """Dates around those the rules name, and around a vote date, and months before it."""
    anchor = dt.date(2025, 6, 15)
    named = {anchor}
    months: set[int] = set()
    for reading in readings:
        rs = reading.ruleset
        whens = [e.when for e in rs.exempts]
        whens += [r.when for b in rs.classifies for r in b.rules if r.when is not None]
        for when in whens:
            for v in ast.walk_values(when):
                if isinstance(v, ast.Literal_) and isinstance(v.value, dt.date):
                    named.add(v.value)
                if isinstance(v, ast.Number) and v.value.denominator == 1:
                    months.add(int(v.value))
    for k in sorted(months):
        for j in (k - 1, k, k + 1):
            if 0 <= j < 1200:
                year, month = divmod(anchor.year * 12 + anchor.month - 1 - j, 12)
                named.add(dt.date(year, month + 1, anchor.day))
    found: set[dt.date] = set()
    for d in named:
        found |= {d - dt.timedelta(days=1), d, d + dt.timedelta(days=1)}
    return sorted(found)


def table(
    space: Space,
    questions: Sequence[tuple[Reading, ast.Classify]],
    bound: int,
    *,
    stop: tuple[str, ...] | None = None,
    judge: Judge | None = None,
) -> dict[tuple[str, ...], Witness]:
    """For each combination of outcomes the questions can have, its smallest tally in the bound.

    With `stop`, the search ends at the first tally giving that combination.
    """

    readings = list(dict.fromkeys(r for r, _ in questions))
    read = read_figures(readings)
    values = attribute_values(space, readings)
    names = list(values)
    combos = list(itertools.product(*(values[n] for n in names)))
    previous: list[Tally | None] = [None]
    if space.previous:
        previous += list(tallies(space.levels, min(bound, PREVIOUS_BOUND), read))
    found: dict[tuple[str, ...], Witness] = {}
    rounds = dict(space.round_years)
    for tally in tallies(space.levels, bound, read):
        for before in previous:
            for combo in combos:
                attrs = dict(zip(names, combo, strict=True))
                date, year = attrs.get("vote_date"), attrs.get("vote_year")
                if date is not None and year is not None and year != date[0]:
                    continue
                if rounds.get(attrs.get("round", -1), year) != year:  # see `Space.round_years`
                    continue
                if judge is not None:
                    seen = _witness(space, tally, before, attrs)
                    outcome = tuple(judge(reading, block, seen) for reading, block in questions)
                else:
                    env = _Env(tally, before, attrs, space.attrs)
                    outcome = tuple(
                        Encoder(_OPS, env, space, reading).decide(block)
                        for reading, block in questions
                    )
                if outcome not in found:
                    found[outcome] = _witness(space, tally, before, attrs)
                    if outcome == stop:
                        return found
    return found


def _witness(space: Space, tally: Tally, before: Tally | None, attrs: dict[str, Any]) -> Witness:
    from .logic import BLANK, Witness, other_text

    shown: dict[str, Any] = {}
    for name, value in attrs.items():
        kind = space.attrs[name]
        if value is _BLANK:
            shown[name] = BLANK
        elif kind == "date":
            shown[name] = dt.date(*value)
        elif kind == "text":
            shown[name] = space.texts[value] if value < len(space.texts) else other_text(space)
        else:
            shown[name] = value
    prev = Witness(dict(before[0]), dict(before[1])) if before is not None else None
    return Witness(dict(tally[0]), dict(tally[1]), shown, prev)


def search(
    space: Space, wants: Sequence[Want], bound: int, judge: Judge | None = None
) -> Witness | None:
    """The smallest tally up to `bound` ballots where every wish holds, or None."""
    questions = [(w.reading, w.block) for w in wants]
    goal = tuple(w.outcome for w in wants)
    return table(space, questions, bound, stop=goal, judge=judge).get(goal)
