"""The engine's data: what goes in (tallies) and what comes out (results with their reasons)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal, TypeVar, cast, overload

from tinnhiem.rules.ast import Resolved
from tinnhiem.rules.errors import printable
from tinnhiem.rules.messages import Message, message, say

Scalar = Fraction | int | bool | str | dt.date
Status = Literal["evaluated", "exempt", "invalid"]

# The levels tinnhiem knows by heart, so that a data file's columns are recognised as levels even
# when the rule set in use does not have them (and the mismatch is reported, never ignored).
KNOWN_LEVELS: Mapping[str, str] = {
    "cao": "Tín nhiệm cao",
    "tn": "Tín nhiệm",
    "thap": "Tín nhiệm thấp",
    "khong": "Không tín nhiệm",
}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value came from: file, row (1-based, as a spreadsheet numbers it) and column."""

    file: str
    row: int = 0
    column: str | None = None

    def __str__(self) -> str:
        return self.said("en")

    def said(self, lang: str) -> str:
        """The place in `lang`: `a.csv, row 3, column 'cao'` or `a.csv, dòng 3, cột 'cao'`."""
        where = self.file
        if self.row:
            where += say(lang, "place.row", row=self.row)
        if self.column:
            where += say(lang, "place.column", column=repr(self.column))
        return where


@dataclass(frozen=True, slots=True)
class DataIssue:
    """A problem of the input data, with its place. Errors stop the run; warnings are reported.

    `message` is the English text (JSON, logs); `said`, when the issue was made from the message
    catalog, says it in another language too. Make one with `DataIssue.of`."""

    severity: Literal["error", "warning"]
    message: str
    origin: Origin
    said: Message | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls, severity: Literal["error", "warning"], message: str | Message, origin: Origin
    ) -> DataIssue:
        if isinstance(message, Message):
            return cls(severity, str(message), origin, message)
        return cls(severity, message, origin)

    def text(self, lang: str = "en") -> str:
        """The message alone, in `lang` when the catalog has it."""
        return self.said.said(lang) if self.said is not None and lang != "en" else self.message

    def render(self, lang: str = "en") -> str:
        """One line, safe to print: a control character of the file is shown, not obeyed."""
        severity = say(lang, f"severity.{self.severity}")
        return printable(f"{self.origin.said(lang)}: {severity}: {self.text(lang)}")

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "severity": self.severity,
            "message": self.text(lang),
            "file": self.origin.file,
            "row": self.origin.row,
            "column": self.origin.column,
        }


class DataError(Exception):
    """Input data that cannot be used; carries every issue found."""

    def __init__(self, issues: list[DataIssue] | tuple[DataIssue, ...]) -> None:
        self.issues = tuple(issues)
        super().__init__("\n".join(i.render() for i in self.issues))


MAX_ERRORS = 50  # errors shown at once; then "and N more errors"


def capped(errors: list[DataIssue], file: str, more: int = 0) -> DataError:
    """A `DataError` with at most `MAX_ERRORS` issues, then one "and N more errors"."""
    extra = max(len(errors) - MAX_ERRORS, 0) + more
    shown = errors[:MAX_ERRORS]
    if extra:
        more_errors = message(f"data.more_errors.{'one' if extra == 1 else 'other'}", n=extra)
        shown.append(DataIssue.of("error", more_errors, Origin(file)))
    return DataError(shown)


@dataclass(frozen=True, slots=True)
class Tally:
    """One person at one vote: turnout, the count of each level, and the person's attributes.

    `counts` is keyed by the level ids of the data (before any `map` of the rule set).
    `turnout` holds those of members/present/issued/collected/valid/invalid the data gave.
    """

    id: str
    name: str
    position: str = ""
    group: str = ""
    unit: str = ""
    round: str = ""
    turnout: Mapping[str, int] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    attrs: Mapping[str, Scalar] = field(default_factory=dict)
    origin: Origin | None = field(default=None, compare=False)


# the fields every tally has by name, which a rule may read as attributes
NAMED_FIELDS = ("id", "name", "position", "group", "unit", "round")


@dataclass(frozen=True)
class Seen:
    """What a whole dataset holds, for the checks made once before anyone is evaluated: read in
    one pass over the tallies, or straight from the columns of a file read into columns."""

    level_sets: tuple[tuple[str, ...], ...]  # each distinct tuple of count keys, first seen first
    attrs: frozenset[str]  # attribute names some tally gives (a blank cell counts)
    filled: frozenset[str]  # the named fields some tally fills
    rounds: tuple[str, ...]  # each distinct round, first seen first

    @staticmethod
    def of(tallies: Sequence[Tally]) -> Seen:
        own: Callable[[], Seen] | None = getattr(tallies, "seen", None)
        return own() if own is not None else Seen.counted(tallies)

    @staticmethod
    def counted(tallies: Sequence[Tally]) -> Seen:
        level_sets: dict[tuple[str, ...], None] = {}
        attrs: set[str] = set()
        unfilled = list(NAMED_FIELDS)
        rounds: dict[str, None] = {}
        for tally in tallies:
            level_sets[tuple(tally.counts)] = None
            if tally.attrs:
                attrs.update(tally.attrs)
            if unfilled:
                unfilled = [f for f in unfilled if not getattr(tally, f)]
            rounds[tally.round] = None
        filled = frozenset(f for f in NAMED_FIELDS if f not in unfilled)
        return Seen(tuple(level_sets), frozenset(attrs), filled, tuple(rounds))


@dataclass(frozen=True, slots=True)
class Dataset:
    """Tallies read from one file, with the level columns found and the warnings of reading."""

    path: str
    tallies: Sequence[Tally]
    levels: tuple[str, ...]
    warnings: tuple[DataIssue, ...] = ()
    kind: Literal["tallies", "ballots"] = "tallies"
    # attribute cells that cannot be what they look like ("1.234": a thousands or a decimal
    # separator? "31/02/2021"), kept as written: an error when the rules read their column
    unclear: tuple[DataIssue, ...] = ()
    # the headers of a tallies file as written, to name them when a level's column is missing
    columns: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Step:
    """One rule tried: its class, source line and article, whether it matched, and why."""

    block: str
    klass: str
    line: int
    file: str
    matched: bool
    because: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The class a classify block gave a person, with the rule that gave it."""

    block: str
    block_label: str
    klass: str
    label: str
    rule_line: int
    file: str
    note: str | None
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Margin:
    """`votes` more (or fewer) of `level` would move the person from one class to `to_class`."""

    block: str
    level: str
    direction: Literal["more", "fewer"]
    votes: int
    to_class: str


@dataclass(frozen=True, slots=True)
class Result:
    """One person at one vote under one rule set."""

    tally: Tally
    status: Status
    reason: str | None
    basis_kind: str
    basis_value: int | None
    counts: Mapping[str, int]  # under the rule set's levels, after `map`
    shares: Mapping[str, Fraction]
    verdicts: tuple[Verdict, ...]
    margins: tuple[Margin, ...]
    trace: tuple[str, ...]

    def klass(self, block: str) -> str | None:
        for verdict in self.verdicts:  # a loop, not next(...): bulk callers call this per person
            if verdict.block == block:
                return verdict.klass
        return None


@dataclass(frozen=True, slots=True)
class ReportRow:
    key: str  # the value of the `by` column (a group, a unit)
    rated: int  # people evaluated in that group
    counts: Mapping[str, Mapping[str, int]]  # block -> class -> people
    exempt: int = 0
    invalid: int = 0


@dataclass(frozen=True, slots=True)
class ReportTable:
    title: str
    by: str
    blocks: tuple[str, ...]
    rows: tuple[ReportRow, ...]
    total: ReportRow


@dataclass(frozen=True, slots=True)
class Evaluation:
    ruleset: Resolved
    results: Sequence[Result]
    reports: tuple[ReportTable, ...]
    warnings: tuple[DataIssue, ...] = ()
    # the explanation of one result, from the run that made it (`Runner.explain`)
    explainer: Callable[[int], Result] | None = field(default=None, compare=False, repr=False)

    def explain(self, index: int) -> Result:
        """The result at `index` with its steps, trace and margins (as made if it has them)."""
        result = self.results[index]
        if self.explainer is None or result.trace:
            return result
        return self.explainer(index)


def percent(share: Fraction) -> str:
    """A share as a percentage rounded half up to two decimals: 2/3 -> '66.67'."""
    # on the numerator and the denominator: no Fraction made (bulk outputs call this per cell)
    numerator, denominator = share.numerator * 10000, share.denominator
    rounded = (numerator * 2 + denominator) // (2 * denominator)
    sign = "-" if rounded < 0 else ""
    rounded = abs(rounded)
    return f"{sign}{rounded // 100}.{rounded % 100:02d}"


_PERCENTS: dict[tuple[int, int], str] = {}
_PERCENTS_KEPT = 1 << 16  # distinct (count, basis) pairs kept; then the cache starts again


def percent_of(count: int, basis: int) -> str:
    """`percent(Fraction(count, basis))` for a basis above 0, remembered: the counts of a file
    repeat (a few thousand pairs in a million people), and every output shows them."""
    key = (count, basis)
    text = _PERCENTS.get(key)
    if text is None:
        if len(_PERCENTS) >= _PERCENTS_KEPT:
            _PERCENTS.clear()
        text = _PERCENTS[key] = percent(Fraction(count, basis))
    return text


def percent_comma(share: Fraction) -> str:
    """A share as Vietnamese documents print it: 2/3 -> '66,67%'."""
    return percent(share).replace(".", ",") + "%"


class Shares(Mapping[str, Fraction]):
    """The share of each level (count over basis), each made when read: bulk runs seldom do."""

    __slots__ = ("_made", "basis", "counts")

    def __init__(self, counts: Mapping[str, int], basis: int) -> None:
        self.counts = counts  # each share is counts[level] / basis, exactly
        self.basis = basis
        self._made: dict[str, Fraction] | None = None  # an explained result reads each thrice

    def __getitem__(self, level: str) -> Fraction:
        made = self._made
        if made is None:
            made = self._made = {}
        else:
            found = made.get(level)
            if found is not None:
                return found
        share = made[level] = Fraction(self.counts[level], self.basis)
        return share

    def __iter__(self) -> Iterator[str]:
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def __repr__(self) -> str:
        return f"Shares({dict(self)!r})"


# --- made in bulk ----------------------------------------------------------------------------
# A frozen dataclass sets each field through `object.__setattr__`, which costs about 1.3 µs for a
# Tally or a Result; bulk reading and evaluation make one of each per row, so they are made here
# by setting the slots directly (0.6 µs). Every field, in order; tests/test_model.py holds these
# equal to the classes' own constructors.

_new = object.__new__
_TALLY = tuple(getattr(Tally, name).__set__ for name in Tally.__slots__)
_ORIGIN = tuple(getattr(Origin, name).__set__ for name in Origin.__slots__)
_RESULT = tuple(getattr(Result, name).__set__ for name in Result.__slots__)


def new_tally(
    id: str,
    name: str,
    position: str,
    group: str,
    unit: str,
    round: str,
    turnout: Mapping[str, int],
    counts: Mapping[str, int],
    attrs: Mapping[str, Scalar],
    origin: Origin | None,
) -> Tally:
    """`Tally(...)` with every field given, made faster."""
    tally = _new(Tally)
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 = _TALLY
    s0(tally, id)
    s1(tally, name)
    s2(tally, position)
    s3(tally, group)
    s4(tally, unit)
    s5(tally, round)
    s6(tally, turnout)
    s7(tally, counts)
    s8(tally, attrs)
    s9(tally, origin)
    return tally


def new_origin(file: str, row: int, column: str | None) -> Origin:
    """`Origin(file, row, column)`, made faster (readers make one per row)."""
    origin = _new(Origin)
    s0, s1, s2 = _ORIGIN
    s0(origin, file)
    s1(origin, row)
    s2(origin, column)
    return origin


def new_result(
    tally: Tally,
    status: Status,
    reason: str | None,
    basis_kind: str,
    basis_value: int | None,
    counts: Mapping[str, int],
    shares: Mapping[str, Fraction],
    verdicts: tuple[Verdict, ...],
    margins: tuple[Margin, ...],
    trace: tuple[str, ...],
) -> Result:
    """`Result(...)` with every field given, made faster."""
    result = _new(Result)
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 = _RESULT
    s0(result, tally)
    s1(result, status)
    s2(result, reason)
    s3(result, basis_kind)
    s4(result, basis_value)
    s5(result, counts)
    s6(result, shares)
    s7(result, verdicts)
    s8(result, margins)
    s9(result, trace)
    return result


def texts_of(tallies: Sequence[Tally], field: str) -> Sequence[str]:
    """`[getattr(t, field) for t in tallies]` for a named text field ("id", "name", …, "round"),
    read from the columns when the tallies are a file's (`Tallies.texts_of`): no tally made."""
    read = getattr(tallies, "texts_of", None)
    if read is not None:
        return cast(Sequence[str], read(field))
    return [getattr(tally, field) for tally in tallies]


_Item = TypeVar("_Item")


class LazyRows(Sequence[_Item]):
    """A sequence whose items are made when read (the tallies of a file, the results of a run),
    equal to any sequence of the same items, as the tuple it stands for was."""

    __slots__ = ()

    def _item(self, index: int) -> _Item:
        """The item at `index`, within the bounds."""
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> _Item: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[_Item]: ...
    def __getitem__(self, index: int | slice) -> _Item | Sequence[_Item]:
        if isinstance(index, slice):
            return tuple(map(self._item, range(*index.indices(len(self)))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._item(index)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))
