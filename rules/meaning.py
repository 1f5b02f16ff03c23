"""What a rule set decides, written once over an abstract arithmetic.

The same encoder builds SMT terms (`logic`) and plain Python values (`search`): `Ops` says how to
join truth values, `Env` gives the figures of one tally. Every part follows the engine exactly
(`engine/evaluate.py`, `engine/conditions.py`): exemptions first (an unknown value exempts nobody,
read left to right as the engine's `all`/`any` do), then the quorum, then a basis of 0 makes the
vote invalid, then each block's first matching rule, where a comparison on a value the data lacks
(the previous vote, a share of a zero basis) is false.

A construct this module does not know raises `Undecidable`, never a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Protocol

from . import ast
from .messages import Joined, Message, message

EXEMPT, INVALID = "exempt", "invalid"
# goals of the checker and of coverage, not outcomes: no rule matches; the i-th exemption
# applies; the tally gets as far as rule x (no earlier rule matched)
NO_RULE, EXEMPTION, TRIED = "(no rule)", "exemption:", "tried:"
FIGURES = ("members", "present", "issued", "collected", "valid", "invalid")


class Undecidable(Exception):
    """A construct the exact logic does not model: `<construct> at file:line`, a message said
    in the reader's language (`str()` is the English)."""

    def __init__(self, construct: Message, span: ast.Span | None = None, file: str = "") -> None:
        self.construct = construct
        self.line = span.line if span is not None else 0
        self.file = file
        super().__init__(str(self.where))

    @property
    def where(self) -> Message:
        if not self.line:
            return self.construct
        return message("undecidable.at", what=self.construct, file=self.file, line=self.line)


class Ops(Protocol):
    """Boolean glue: Python's `all`/`any` for values, z3's `And`/`Or` for terms."""

    def and_(self, *xs: Any) -> Any: ...
    def or_(self, *xs: Any) -> Any: ...
    def not_(self, x: Any) -> Any: ...
    def ite(self, c: Any, a: Any, b: Any) -> Any: ...


class PyOps:
    def and_(self, *xs: Any) -> Any:
        return all(xs)

    def or_(self, *xs: Any) -> Any:
        return any(xs)

    def not_(self, x: Any) -> Any:
        return not x

    def ite(self, c: Any, a: Any, b: Any) -> Any:
        return a if c else b


# --- values ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Num:
    """n / d with d > 0 whenever `known`."""

    n: Any
    d: Any
    known: Any


def within(value: Num, piece: tuple[Fraction | None, bool, Fraction | None, bool]) -> list[Any]:
    """The sides that put n / d in `piece` (low, low open, high, high open; None: no bound),
    compared by cross-multiplication (d > 0): a closed point is one equality."""
    lo, lo_open, hi, hi_open = piece
    n, d = value.n, value.d
    if lo is not None and lo == hi and not lo_open and not hi_open:
        return [n * lo.denominator == lo.numerator * d]
    sides = []
    if lo is not None:
        low, high = n * lo.denominator, lo.numerator * d
        sides.append(low > high if lo_open else low >= high)
    if hi is not None:
        low, high = n * hi.denominator, hi.numerator * d
        sides.append(low < high if hi_open else low <= high)
    return sides


@dataclass(frozen=True, slots=True)
class Date:
    y: Any
    m: Any
    d: Any
    known: Any

    @property
    def key(self) -> Any:
        return self.y * 10000 + self.m * 100 + self.d


@dataclass(frozen=True, slots=True)
class Flag:
    b: Any
    known: Any


@dataclass(frozen=True, slots=True)
class Text:
    code: Any  # an index into `Space.texts`
    known: Any


Val = Num | Date | Flag | Text


@dataclass(frozen=True, slots=True)
class Space:
    """The common ground of the rule sets compared: data levels, attributes and their kinds."""

    levels: tuple[str, ...]  # the data's levels, read by every rule set
    attrs: Mapping[str, str]  # attribute -> number | date | bool | text
    texts: tuple[str, ...]  # every text literal, in order; code len(texts) is "another text"
    previous: bool  # some rule reads the previous vote
    # attributes whose cell may be blank (a column the data has, left empty in a row): every
    # attribute read but the derived ones; a blank is unknown, a bare flag's too (in an example
    # as in data)
    blanks: frozenset[str] = frozenset()
    # (text code, year): a `round` of that text makes `vote_year` that year (see `space_of`)
    round_years: tuple[tuple[int, int], ...] = ()


class Env(Protocol):
    """The figures of one tally (and its previous one), and the person's attributes."""

    def figure(self, name: str, previous: bool) -> Any: ...
    def count(self, level: str, previous: bool) -> Any: ...
    def has_previous(self) -> Any: ...
    def attr(self, name: str) -> Any: ...  # a number, a (y, m, d), a bool, a text code
    def blank(self, name: str) -> Any: ...  # the cell is blank (then `attr` means nothing)
    def rounded(self, count: Any, basis: Any, scale: int) -> Any: ...  # see `_Reader.call`


@dataclass(frozen=True, slots=True, eq=False)
class Reading:
    """One rule set as the encoder needs it."""

    ruleset: ast.Resolved
    route: Mapping[str, str]  # data level -> the rule set's level

    @classmethod
    def of(cls, ruleset: ast.Resolved) -> Reading:
        return cls(ruleset, ruleset.route())


_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


def _ratio_cmp(op: str, a: Num, b: Num) -> Any:
    left, right = a.n * b.d, b.n * a.d
    return _OPS[op](left, right)


_OPS: Mapping[str, Callable[[Any, Any], Any]] = {
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


class _Reader:
    """The values one rule set reads from one `Env`: figures, counts, shares, attributes."""

    def __init__(self, ops: Ops, env: Env, space: Space, reading: Reading) -> None:
        self.ops = ops
        self.env = env
        self.space = space
        self.reading = reading
        self.ruleset = reading.ruleset
        self.file = self.ruleset.path
        self._previous_known: Any = None
        self._first: dict[str, list[tuple[ast.Rule, Any, Any]]] = {}
        self._exempt: dict[bool, Any] = {}

    # which file a node came from, for messages
    def _at(self, key: str) -> str:
        return self.ruleset.origins.get(key, self.ruleset.path)

    # tallies
    def counts(self, previous: bool) -> dict[str, Any]:
        own: dict[str, Any] = {level: 0 for level in self.ruleset.levels.ids}
        for level in self.space.levels:
            target = self.reading.route[level]
            own[target] = own[target] + self.env.count(level, previous)
        return own

    def basis(self, previous: bool) -> Any:
        return self.env.figure(self.ruleset.basis.kind, previous)

    def quorum_met(self, previous: bool) -> Any:
        quorum = self.ruleset.quorum
        if quorum is None:
            return True
        p, q = quorum.fraction.value.numerator, quorum.fraction.value.denominator
        measure = self.env.figure(quorum.measure, previous)
        of = self.env.figure(quorum.of, previous)
        return _OPS[quorum.op](measure * q, p * of)

    def leaf(self, cond: ast.Cond, previous: bool) -> tuple[Any, Any]:
        ops = self.ops
        if isinstance(cond, ast.Truthy):
            value = self.value(cond.value, previous)
            if isinstance(value, Flag):
                return value.known, value.b
            if isinstance(value, Num):
                return value.known, value.n != 0
            if isinstance(value, Date):
                return value.known, True
            raise Undecidable(message("undecidable.text_condition"), cond.span, self.file)
        if isinstance(cond, ast.InSet):
            # as the engine's `_member_test`: `==` with each item, an unknown value unknown
            value = self.value(cond.value, previous)
            found = ops.or_(
                *[
                    self._compare(value, self.value(item, previous), "==", cond.span)
                    for item in cond.items
                ]
            )
            return value.known, ops.not_(found) if cond.negated else found
        if isinstance(cond, ast.Missing):
            return self._missing(cond, previous)
        if not isinstance(cond, ast.Compare):
            raise Undecidable(
                message("undecidable.condition", kind=type(cond).__name__), _span(cond), self.file
            )
        fixed = self._rounded_against(cond, previous)
        if fixed is not None:
            return fixed
        left = self.value(cond.left, previous)
        right = self.value(cond.right, previous)
        known = ops.and_(left.known, right.known)
        return known, self._compare(left, right, cond.op, cond.span)

    def _missing(self, cond: ast.Missing, previous: bool) -> tuple[Any, Any]:
        """`x is missing`: the cell is blank. Always known, since the logic takes it that the
        data has a column of every attribute the rules read (a witness writes each one, a blank
        one as `x ""`); a column the data lacks, where the engine cannot answer, is not asked
        about.

        Of the previous vote's row (an exemption read there) it is unknown, `is not missing`
        too: that row gives no attribute (a witness writes none in its `previous { … }`, as
        every other attribute of that row is unknown to the logic), and the engine, which
        knows no columns of a previous row, cannot tell an absent cell from a blank one there
        (`conditions.is_missing` of facts without `present`)."""
        name = cond.value.name
        if not isinstance(cond.value, ast.Attr) or name not in self.space.blanks:
            raise Undecidable(message("undecidable.is_missing", name=name), cond.span, self.file)
        if previous:
            return False, False
        blank = self.env.blank(name)
        return True, self.ops.not_(blank) if cond.negated else blank

    def _compare(self, left: Val, right: Val, op: str, span: ast.Span) -> Any:
        ops = self.ops
        if isinstance(left, Num) and isinstance(right, Num):
            return _ratio_cmp(op, left, right)
        if isinstance(left, Date) and isinstance(right, Date):
            return _OPS[op](left.key, right.key)
        if isinstance(left, Flag) and isinstance(right, Flag):
            a, b = ops.ite(left.b, 1, 0), ops.ite(right.b, 1, 0)
            return _OPS[op](a, b)
        if isinstance(left, Text) and isinstance(right, Text) and op in ("==", "!="):
            return _OPS[op](left.code, right.code)
        raise Undecidable(
            message("undecidable.comparison", kinds=_kinds(left, right, op)), span, self.file
        )

    def value(self, value: ast.Value, previous: bool) -> Val:
        env = self.env
        if isinstance(value, ast.Number):
            f = value.value
            return Num(f.numerator, f.denominator, True)
        if isinstance(value, ast.Share | ast.Count):
            back = value.previous or previous
            if value.previous and previous:
                known: Any = False  # the previous vote of a previous vote: never given
            elif value.previous:
                known = self.previous_known()
            else:
                known = True
            counts = self.counts(back)
            total = sum((counts[level] for level in value.levels), 0)
            if isinstance(value, ast.Count):
                return Num(total, 1, known)
            basis = self.basis(back)
            return Num(total, basis, self.ops.and_(known, basis > 0))
        if isinstance(value, ast.Turnout):
            return Num(env.figure(value.name, previous), 1, True)
        if isinstance(value, ast.Literal_):
            return _literal(value, self.space, self.file)
        if isinstance(value, ast.Attr):
            return self.attr(value, previous)
        if isinstance(value, ast.Call):
            return self.call(value, previous)
        raise Undecidable(
            message("undecidable.value", kind=type(value).__name__), _span(value), self.file
        )

    def attr(self, attr: ast.Attr, previous: bool) -> Val:
        name = attr.name
        kind = self.space.attrs.get(name)
        if kind is None:
            raise Undecidable(message("undecidable.attribute", name=name), attr.span, self.file)
        # the previous row's attributes are taken as unknown, and so is a blank cell
        known = False if previous else self._filled(name)
        raw = self.env.attr(name)
        if kind == "number":
            return Num(raw, 1, known)
        if kind == "date":
            y, m, d = raw
            return Date(y, m, d, known)
        if kind == "bool":
            return Flag(raw, known)
        return Text(raw, known)

    def _filled(self, name: str) -> Any:
        return self.ops.not_(self.env.blank(name)) if name in self.space.blanks else True

    def call(self, call: ast.Call, previous: bool) -> Val:
        if call.func == "rounded" and len(call.args) == 2:
            return self._rounded(call, previous)
        args = [self.value(arg, previous) for arg in call.args]
        ops = self.ops
        if call.func == "year" and len(args) == 1:
            (arg,) = args
            if isinstance(arg, Date):
                return Num(arg.y, 1, arg.known)
            if isinstance(arg, Num) and arg.d == 1:
                return arg
        if call.func == "months" and len(args) == 2:
            a, b = args
            if isinstance(a, Date) and isinstance(b, Date):
                known = ops.and_(a.known, b.known)
                forward = _months(ops, a, b)
                backward = -_months(ops, b, a)
                return Num(ops.ite(b.key < a.key, backward, forward), 1, known)
        raise Undecidable(message("undecidable.function", name=call.func), call.span, self.file)

    def _rounded_against(self, cond: ast.Compare, previous: bool) -> tuple[Any, Any] | None:
        """`rounded(share(..), N) op number`, linear: with r the rounded numerator (see
        `_rounded`), r ≥ k is 2·c·S + b ≥ 2·k·b and r ≤ k is 2·c·S + b < 2·(k+1)·b."""
        left, right = cond.left, cond.right
        op: str = cond.op
        if isinstance(left, ast.Number):
            left, right, op = right, left, _FLIP[op]
        if not (isinstance(left, ast.Call) and left.func == "rounded"):
            return None
        if not isinstance(right, ast.Number) or len(left.args) != 2:
            return None
        share, scale = self._rounded_share(left, previous)
        c, b = share.n, share.d
        x = right.value * scale  # r op x
        ops = self.ops

        def at_least(k: int) -> Any:
            return 2 * c * scale + b >= 2 * k * b

        def at_most(k: int) -> Any:
            return 2 * c * scale + b < 2 * (k + 1) * b

        floor, ceil = x.numerator // x.denominator, -(-x.numerator // x.denominator)
        holds: Any
        if op in ("==", "!="):
            holds = ops.and_(at_least(floor), at_most(floor)) if floor == ceil else False
            holds = ops.not_(holds) if op == "!=" else holds
        else:
            holds = {
                ">": lambda: at_least(floor + 1),
                ">=": lambda: at_least(ceil),
                "<": lambda: at_most(ceil - 1),
                "<=": lambda: at_most(floor),
            }[op]()
        return share.known, holds

    def _rounded(self, call: ast.Call, previous: bool) -> Val:
        """`rounded(share(..), N)` as `conditions.round_percent`: the percentage half up at N
        places, r / S with S = 100·10^N and r = floor((2·c·S + b) / (2·b)) for c of basis b > 0
        (the `Env` gives r: a whole number tied to c and b, or computed)."""
        value, scale = self._rounded_share(call, previous)
        return Num(self.env.rounded(value.n, value.d, scale), scale, value.known)

    def _rounded_share(self, call: ast.Call, previous: bool) -> tuple[Num, int]:
        """The share `rounded` reads, and S."""
        share, places = call.args
        digits = places.value if isinstance(places, ast.Number) else None
        whole = isinstance(digits, Fraction) and digits.denominator == 1 and 0 <= digits <= 6
        if not isinstance(share, ast.Share) or digits is None or not whole:
            raise Undecidable(message("undecidable.function", name="rounded"), call.span, self.file)
        value = self.value(share, previous)
        assert isinstance(value, Num)
        return value, 100 * 10 ** int(digits)

    def previous_known(self) -> Any:
        raise NotImplementedError


class Encoder(_Reader):
    """The meaning of one rule set over one `Env`: exemptions, quorum, each block's outcomes."""

    def previous_known(self) -> Any:
        """The previous vote is there, was not exempt and met the quorum (as `_previous_of`)."""
        if self._previous_known is None:
            # the previous row's attributes are unknown: the same outcome as any row that leaves
            # them empty, and a row that is exempt only reads as "no previous vote"
            ops = self.ops
            exempt = self.exempt(previous=True)
            self._previous_known = ops.and_(
                self.env.has_previous(), ops.not_(exempt), self.quorum_met(True)
            )
        return self._previous_known

    # outcomes
    def exempt(self, previous: bool = False) -> Any:
        if previous not in self._exempt:
            self._exempt[previous] = self._exempt_of(previous)
        return self._exempt[previous]

    def _exempt_of(self, previous: bool) -> Any:
        ops = self.ops
        holds = []
        for exempt in self.ruleset.exempts:
            self.file = self._at("exempt")
            known, value = self.strict(exempt.when, previous)
            holds.append(ops.and_(known, value))
        return ops.or_(*holds) if holds else False

    def outcome(self, block: ast.Classify, outcome: str) -> Any:
        """The tallies where this rule set gives `outcome` (a class id, exempt or invalid);
        `NO_RULE`: an evaluated tally no rule of the block matches; `exemption:<i>`: the i-th
        exemption applies (whatever the earlier ones say)."""
        ops = self.ops
        if outcome.startswith(EXEMPTION):
            exempt_rule = self.ruleset.exempts[int(outcome.removeprefix(EXEMPTION))]
            self.file = self._at("exempt")
            return ops.and_(*self.strict(exempt_rule.when, False))
        exempt = self.exempt()
        if outcome == NO_RULE:
            valid = ops.and_(self.quorum_met(False), self.basis(False) > 0)
            self.file = self._at(f"classify:{block.id}")
            misses = [ops.not_(self.loose(r.when)) for r in block.rules if r.when is not None]
            return ops.and_(ops.not_(exempt), valid, *misses)
        if outcome == EXEMPT:
            return exempt
        valid = ops.and_(self.quorum_met(False), self.basis(False) > 0)
        if outcome == INVALID:
            return ops.and_(ops.not_(exempt), ops.not_(valid))
        self.file = self._at(f"classify:{block.id}")
        tried = outcome.removeprefix(TRIED) if outcome.startswith(TRIED) else None
        for rule, before, first in self._firsts(block):
            if rule.id == outcome:
                return ops.and_(ops.not_(exempt), valid, first)
            if rule.id == tried:
                return ops.and_(ops.not_(exempt), valid, before)
        return False

    def _firsts(self, block: ast.Classify) -> list[tuple[ast.Rule, Any, Any]]:
        """Per rule, "it is the first to match", built once per block: each rule's term shares
        the one before it ("no earlier rule matched"), so a block of n rules costs about n."""
        cached = self._first.get(block.id)
        if cached is not None:
            return cached
        ops = self.ops
        found: list[tuple[ast.Rule, Any, Any]] = []
        none_yet: Any = True
        last = block.rules[-1] if block.rules else None
        for rule in block.rules:
            # the engine gives the last rule when none matches (a block without `else` is an
            # error of the checker, but its meaning stays the engine's)
            here = True if rule.when is None or rule is last else self.loose(rule.when)
            found.append((rule, none_yet, ops.and_(none_yet, here)))
            none_yet = ops.and_(none_yet, ops.not_(here))
        self._first[block.id] = found
        return found

    def boundary(self, compare: ast.Compare, side: str) -> Any:
        """The tally sits at the threshold of `share(..)`/`count(..)` op number: "at", the count
        where it turns true (counting from its false side), or "away", one vote short of it."""
        ops = self.ops
        left, right = compare.left, compare.right
        op: str = compare.op
        if isinstance(left, ast.Number):
            left, right = right, left
            op = {">": "<", ">=": "<=", "<": ">", "<=": ">="}.get(op, op)
        if not isinstance(left, ast.Share | ast.Count) or op not in (">", ">=", "<", "<="):
            raise Undecidable(message("undecidable.threshold"), compare.span, self.file)
        value = self.value(left, False)
        assert isinstance(value, Num)
        limit = self.value(right, False)
        assert isinstance(limit, Num)
        step = 1 if op in (">", ">=") else -1  # the way the count grows towards true

        def holds(n: Any) -> Any:
            return _ratio_cmp(op, Num(n, value.d, True), limit)

        now, before, after = holds(value.n), holds(value.n - step), holds(value.n + step)
        if side == "at":
            return ops.and_(value.known, now, ops.not_(before))
        return ops.and_(value.known, ops.not_(now), after)

    def decide(self, block: ast.Classify) -> str:
        """The outcome on plain values (with `PyOps`), as `outcome` would say for each."""
        if self.exempt():
            return EXEMPT
        if not (self.quorum_met(False) and self.basis(False) > 0):
            return INVALID
        self.file = self._at(f"classify:{block.id}")
        for rule in block.rules:
            if rule.when is None or self.loose(rule.when):
                return rule.id
        return block.rules[-1].id  # no `else`: the engine's fallback, the last rule

    def outcomes(self, block: ast.Classify) -> tuple[str, ...]:
        return (*dict.fromkeys(r.id for r in block.rules), EXEMPT, INVALID)

    # conditions
    def loose(self, cond: ast.Cond) -> Any:
        """As in `classify`: a comparison on an unknown value is false."""
        ops = self.ops
        if isinstance(cond, ast.And):
            return ops.and_(*[self.loose(c) for c in cond.operands])
        if isinstance(cond, ast.Or):
            return ops.or_(*[self.loose(c) for c in cond.operands])
        if isinstance(cond, ast.Not):
            return ops.not_(self.loose(cond.operand))
        known, value = self.leaf(cond, False)
        return ops.and_(known, value)

    def strict(self, cond: ast.Cond, previous: bool) -> tuple[Any, Any]:
        """As in `exempt`: (known, value), an unknown part making the whole unknown unless an
        earlier part already decided it (the engine's `all`/`any` stop there)."""
        ops = self.ops
        if isinstance(cond, ast.And | ast.Or):
            parts = [self.strict(c, previous) for c in cond.operands]
            stop = isinstance(cond, ast.Or)  # the value that decides without looking further
            known: Any = True
            value: Any = not stop
            for part_known, part_value in reversed(parts):
                decided = part_value if stop else ops.not_(part_value)
                known = ops.and_(part_known, ops.or_(decided, known))
                value = ops.ite(decided, stop, value)
            return known, value
        if isinstance(cond, ast.Not):
            known, value = self.strict(cond.operand, previous)
            return known, ops.not_(value)
        return self.leaf(cond, previous)


def _months(ops: Ops, start: Date, end: Date) -> Any:
    """`conditions.whole_months` for end >= start."""
    whole = (end.y - start.y) * 12 + end.m - start.m
    return whole - ops.ite(end.d < start.d, 1, 0)


def _literal(value: ast.Literal_, space: Space, file: str) -> Val:
    literal = value.value
    if isinstance(literal, bool):
        return Flag(literal, True)
    if isinstance(literal, dt.date):
        return Date(literal.year, literal.month, literal.day, True)
    return Text(space.texts.index(literal), True)


def _kinds(left: Val, right: Val, op: str) -> str:
    names = {Num: "number", Date: "date", Flag: "boolean", Text: "text"}
    return f"{names[type(left)]} {op} {names[type(right)]}"


def _span(node: object) -> ast.Span | None:
    span = getattr(node, "span", None)
    return span if isinstance(span, ast.Span) else None


# --- the space two rule sets share -----------------------------------------------------------

_KINDS = {"number": "number", "votes": "number", "share": "number", "date": "date"}
_KINDS |= {"bool": "bool", "text": "text"}
# the word of each kind of value, to say how an attribute is read
_KIND_WORD = {
    "number": "kind.number",
    "date": "kind.date",
    "bool": "kind.boolean",
    "text": "kind.text",
}


def _whens(reading: Reading) -> list[tuple[ast.Cond, str]]:
    rs = reading.ruleset
    found = [(e.when, "exempt") for e in rs.exempts]
    found += [(r.when, f"classify:{b.id}") for b in rs.classifies for r in b.rules if r.when]
    return found


def space_of(readings: Sequence[Reading]) -> Space:
    """Data levels every rule set can read, the attributes read with one kind each, the texts."""
    from .check_names import attribute_uses

    levels: list[str] | None = None
    for reading in readings:
        mine = list(reading.route)
        levels = mine if levels is None else [lv for lv in levels if lv in mine]
    kinds: dict[str, dict[str, tuple[ast.Span, str]]] = {}
    texts: dict[str, None] = {}
    previous = False
    round_read: tuple[ast.Span, str] | None = None
    for reading in readings:
        rs = reading.ruleset
        for when, key in _whens(reading):
            file = rs.origins.get(key, rs.path)
            for value in ast.walk_values(when):
                if isinstance(value, ast.Literal_) and type(value.value) is str:
                    texts.setdefault(value.value)
                if isinstance(value, ast.Share | ast.Count) and value.previous:
                    previous = True
            for attr, kind in attribute_uses(when):
                name = attr.name
                if name in ast.TURNOUT:
                    continue
                if name == "round":
                    round_read = round_read or (attr.span, file)
                want = {"vote_date": "date", "vote_year": "number"}.get(name, _KINDS.get(kind))
                seen = kinds.setdefault(name, {})
                if kind != "any" or name in ("vote_date", "vote_year"):
                    seen.setdefault(want or "bool", (attr.span, file))
    attrs: dict[str, str] = {}
    for name, seen in kinds.items():
        if len(seen) > 1:
            span, file = list(seen.values())[-1]
            kinds_read = Joined([message(_KIND_WORD[k]) for k in seen], word="and")
            raise Undecidable(
                message("undecidable.read_as", name=name, kinds=kinds_read), span, file
            )
        attrs[name] = next(iter(seen), "bool")
    derived = {"vote_date", "vote_year"} & set(attrs)
    if round_read is not None and derived and attrs.get("round") != "text":
        # the vote's date and year derive from `round` when the data has no column of them: a
        # `round` read as a text is tied to them below; read otherwise, it is not modelled
        raise Undecidable(message("undecidable.round"), *round_read)
    blanks = frozenset(attrs) - set(_NEVER_BLANK)
    round_years: tuple[tuple[int, int], ...] = ()
    if derived == {"vote_year"} and "round" in attrs:
        # no rule reads the vote's date, so the data need not have a column of it: a round
        # written as a date is then the vote's date, and its year the vote's year (whatever a
        # `vote_year` column says; `conditions.vote_year`). With a `vote_date` the rules read,
        # that column is the date and the round only a text.
        round_years = tuple(
            (code, date.year) for code, text in enumerate(texts) if (date := _iso(text)) is not None
        )
    return Space(tuple(levels or ()), attrs, tuple(texts), previous, blanks, round_years)


def _iso(text: str) -> dt.date | None:
    """A text read as a date as the engine reads a round (`conditions.as_date`)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


# derived from the vote's round, or named fields of a tally: what their blank means the logic
# does not model (`is missing` of them is undecidable)
_NEVER_BLANK = ("vote_date", "vote_year", "id", "name", "position", "group", "unit", "round")


def attributes_read(ruleset: ast.Resolved) -> frozenset[str]:
    """The attributes a rule set's exemptions and rules read (what its examples may set)."""
    whens = _whens(Reading(ruleset, {}))
    names = {v.name for when, _ in whens for v in ast.walk_values(when) if isinstance(v, ast.Attr)}
    return frozenset(names - set(ast.TURNOUT))


def numbers_in(readings: Sequence[Reading]) -> dict[str, set[Fraction]]:
    """Per attribute, the numbers it is compared with: where the bounded search looks."""
    found: dict[str, set[Fraction]] = {}
    for reading in readings:
        for when, _ in _whens(reading):
            for sub in ast.walk_conds(when):
                if isinstance(sub, ast.Compare):
                    for a, b in ((sub.left, sub.right), (sub.right, sub.left)):
                        if isinstance(a, ast.Attr) and isinstance(b, ast.Number):
                            found.setdefault(a.name, set()).add(b.value)
    return found
