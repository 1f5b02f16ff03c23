"""The rules language as frozen dataclasses; every node carries the span it came from.

Spans never take part in equality (`compare=False`), so a file and its formatted form parse
to equal trees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal, TypeVar

Op = Literal[">", ">=", "<", "<=", "==", "!="]
DropKind = Literal["exempt", "classify", "example", "report", "quorum"]
AttrType = Literal["yes-no", "date", "number", "text"]
ATTR_TYPES: tuple[AttrType, ...] = ("yes-no", "date", "number", "text")
TURNOUT = ("members", "present", "issued", "collected", "valid", "invalid")
BASES = ("members", "present", "issued", "collected", "valid")
Scalar = Fraction | int | bool | str | dt.date
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int

    @staticmethod
    def none() -> Span:
        return Span(0, 0, 0, 0)


NOWHERE = Span(0, 0, 0, 0)


def _span() -> Span:
    return field(default=NOWHERE, compare=False, repr=False)


def _spans() -> tuple[Span, ...]:
    return field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Number:
    """An exact number as written: `2/3`, `50%`, `66.67%`, `0.5` or `9`."""

    value: Fraction
    text: str
    span: Span = _span()

    @property
    def is_percent(self) -> bool:
        return self.text.endswith("%")


# --- expressions -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Share:
    """`share(a + b)`: the counts of those levels over the basis; `previous` looks one vote back."""

    levels: tuple[str, ...]
    previous: bool = False
    level_spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Count:
    """`count(a + b)`: the number of votes of those levels."""

    levels: tuple[str, ...]
    previous: bool = False
    level_spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Turnout:
    """One of `members`, `present`, `issued`, `collected`, `valid`, `invalid` (of this vote)."""

    name: str
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Attr:
    """A person's attribute from the data (`retirement_notice`), or `vote_date` / `vote_year`."""

    name: str
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Call:
    """A built-in function: `year(d)`, `months(from, to)` (whole months between two dates)."""

    func: str
    args: tuple[Value, ...]
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Literal_:
    """A literal date, boolean or string in a condition."""

    value: dt.date | bool | str
    span: Span = _span()


Value = Number | Share | Count | Turnout | Attr | Call | Literal_


@dataclass(frozen=True, slots=True)
class Compare:
    left: Value
    op: Op
    right: Value
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Truthy:
    """A bare attribute used as a condition: `when retirement_notice`."""

    value: Attr
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Not:
    operand: Cond
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class And:
    operands: tuple[Cond, ...]
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Or:
    operands: tuple[Cond, ...]
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class InSet:
    """`position in {"Bí thư Đảng ủy", "Chủ tịch"}`; `negated` for `not in`.

    A member equals the value as `==` would say (texts compared after Unicode normalisation and
    trimming); an empty set is an error of the checker.
    """

    value: Value
    items: tuple[Number | Literal_, ...]
    negated: bool = False
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Missing:
    """`sick_leave_to is missing` (a blank cell); `negated` for `is not missing`.

    A column the data does not have at all is not "missing": the condition cannot be answered.
    """

    value: Attr | Turnout
    negated: bool = False
    span: Span = _span()


Cond = Compare | Truthy | Not | And | Or | InSet | Missing


def walk_conds(cond: Cond) -> Iterator[Cond]:
    """The condition and every condition inside it, in reading order."""
    yield cond
    if isinstance(cond, Not):
        yield from walk_conds(cond.operand)
    elif isinstance(cond, And | Or):
        for operand in cond.operands:
            yield from walk_conds(operand)


def walk_values(cond: Cond) -> Iterator[Value]:
    """Every value a condition reads, the arguments of calls included, in reading order."""

    def inner(value: Value) -> Iterator[Value]:
        yield value
        if isinstance(value, Call):
            for arg in value.args:
                yield from inner(arg)

    for sub in walk_conds(cond):
        if isinstance(sub, Compare):
            yield from inner(sub.left)
            yield from inner(sub.right)
        elif isinstance(sub, Truthy | Missing):
            yield sub.value
        elif isinstance(sub, InSet):
            yield from inner(sub.value)
            yield from sub.items


# --- statements ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Level:
    id: str
    label: str
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Levels:
    levels: tuple[Level, ...]
    span: Span = _span()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)


@dataclass(frozen=True, slots=True)
class LevelMap:
    """`map cao -> tn`: how a level of the data is read under this rule set's levels."""

    source: str
    target: str
    span: Span = _span()
    source_span: Span = _span()
    target_span: Span = _span()


@dataclass(frozen=True, slots=True)
class Basis:
    kind: str  # one of BASES
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Quorum:
    """`quorum present >= 2/3 of members`."""

    measure: str
    op: Op
    fraction: Number
    of: str
    span: Span = _span()
    measure_span: Span = _span()
    op_span: Span = _span()
    of_span: Span = _span()


@dataclass(frozen=True, slots=True)
class Schedule:
    """`schedule { term 5 years; vote in years 2, 4; meeting "…" month 12 }`.

    `years` empty means every year of the term. An item written twice keeps its last value;
    `items` lists every item as written (its keyword and the keyword's span), repeats included.
    """

    term_years: int
    years: tuple[int, ...]
    meeting: str | None = None
    month: int | None = None
    span: Span = _span()
    items: tuple[tuple[str, Span], ...] = field(default=(), compare=False, repr=False)
    term_span: Span = _span()
    year_spans: tuple[Span, ...] = _spans()
    month_span: Span = _span()


@dataclass(frozen=True, slots=True)
class Exempt:
    reason: str
    when: Cond
    note: str | None = None
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    label: str
    when: Cond | None  # None for `else`
    note: str | None = None
    span: Span = _span()
    id_span: Span = _span()

    @property
    def is_else(self) -> bool:
        return self.when is None


@dataclass(frozen=True, slots=True)
class Classify:
    id: str
    label: str
    rules: tuple[Rule, ...]
    span: Span = _span()
    id_span: Span = _span()


@dataclass(frozen=True, slots=True)
class Report:
    """`report "Phụ lục" by group { count band; count consequence }`."""

    title: str
    by: str
    counts: tuple[str, ...]
    count_spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)
    span: Span = _span()
    title_span: Span = _span()
    by_span: Span = _span()


@dataclass(frozen=True, slots=True)
class Setting:
    """One `name value` line of an example."""

    name: str
    value: Scalar
    text: str
    span: Span = _span()
    value_span: Span = _span()


@dataclass(frozen=True, slots=True)
class Expect:
    """`expect consequence dismiss`; `expect status exempt` (or `invalid`, `evaluated`)."""

    block: str
    klass: str
    span: Span = _span()
    block_span: Span = _span()
    klass_span: Span = _span()


@dataclass(frozen=True, slots=True)
class Example:
    """Settings, the previous vote's settings and expectations.

    `previous` holds the settings of every `previous { … }` block, in order; `previous_spans` has
    one span per block, so that a second block (an error) is seen rather than dropped.
    """

    name: str
    settings: tuple[Setting, ...]
    previous: tuple[Setting, ...]
    expects: tuple[Expect, ...]
    span: Span = _span()
    name_span: Span = _span()
    previous_spans: tuple[Span, ...] = _spans()


@dataclass(frozen=True, slots=True)
class Drop:
    """`drop exempt "…"`, `drop classify band`, `drop example "…"`, `drop report "…"`,
    `drop quorum`: an overlay removes what its base has. `name` is empty for `quorum`."""

    kind: DropKind
    name: str = ""
    span: Span = _span()
    name_span: Span = _span()


@dataclass(frozen=True, slots=True)
class AttributeDecl:
    """`attribute appointed date "Ngày được bầu, bổ nhiệm"`: a data column the rules read, its
    type (`yes-no`, `date`, `number`, `text`) and the Vietnamese label said in its place."""

    name: str
    type: AttrType
    label: str
    span: Span = _span()
    name_span: Span = _span()
    type_span: Span = _span()


@dataclass(frozen=True, slots=True)
class InForce:
    """`in force from 2015-07-01 until 2023-06-30` in the header; either date may be absent."""

    start: dt.date | None
    end: dt.date | None
    span: Span = _span()


@dataclass(frozen=True, slots=True)
class Comment:
    """A `#` comment, kept for the formatter."""

    text: str
    line: int
    column: int


Statement = (
    Levels
    | LevelMap
    | Basis
    | Quorum
    | Schedule
    | Exempt
    | Classify
    | Report
    | Example
    | Drop
    | AttributeDecl
)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """One parsed file, before `extends` is resolved."""

    name: str
    extends: str | None
    sources: tuple[str, ...]
    statements: tuple[Statement, ...]
    comments: tuple[Comment, ...] = field(default=(), compare=False, repr=False)
    path: str = field(default="<string>", compare=False)
    span: Span = _span()
    extends_span: Span = _span()
    in_force: InForce | None = None

    def of_type(self, kind: type[T]) -> tuple[T, ...]:
        return tuple(s for s in self.statements if isinstance(s, kind))


@dataclass(frozen=True, slots=True)
class Resolved:
    """A rule set with its `extends` chain applied: what the engine evaluates.

    `files` lists the chain, the file itself first, its base last. `origins` says which file each
    part came from, keyed "levels", "map", "basis", "quorum", "schedule", "exempt",
    "classify:<id>", "report:<title>", "example:<name>", "in_force", "attribute:<name>" (an
    overlay inherits from its base).
    `in_force` and `attributes` come last so that code building a `Resolved` by position still
    works.
    """

    name: str
    path: str
    files: tuple[str, ...]
    sources: tuple[str, ...]
    levels: Levels
    maps: tuple[LevelMap, ...]
    basis: Basis
    quorum: Quorum | None
    schedule: Schedule | None
    exempts: tuple[Exempt, ...]
    classifies: tuple[Classify, ...]
    reports: tuple[Report, ...]
    examples: tuple[Example, ...]
    origins: dict[str, str] = field(default_factory=dict, compare=False)
    in_force: InForce | None = None
    attributes: tuple[AttributeDecl, ...] = ()
    extends_span: Span = _span()  # of the file itself: where what it inherits is said
    in_force_of: str = ""  # the name of the rule set whose dates of force `in_force` is

    def attribute(self, name: str) -> AttributeDecl | None:
        return next((a for a in self.attributes if a.name == name), None)

    def block(self, block_id: str) -> Classify | None:
        return next((c for c in self.classifies if c.id == block_id), None)

    def label_of(self, level_id: str) -> str:
        return next((lv.label for lv in self.levels.levels if lv.id == level_id), level_id)

    def route(self) -> dict[str, str]:
        """Each level a ballot may carry -> the level of this rule set it counts as: its own
        levels as themselves, then each `map` onto one of them (the first map of a level wins)."""
        route = {level: level for level in self.levels.ids}
        for m in self.maps:
            if m.target in self.levels.ids:
                route.setdefault(m.source, m.target)
        return route
