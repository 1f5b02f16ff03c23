"""The exact logic of rule sets over every tally: can this hold, and the smallest tally where.

A question is a list of wishes, "rule set R gives outcome O in block B", asked over every tally of
the data's levels (every count, every turnout figure with members ≥ present ≥ issued ≥ collected,
valid + invalid = collected, the levels adding up to no more than the valid ballots), every value
of the attributes the rules read (numbers taken as ≥ 0, since an example cannot write a negative
one), and the previous vote where a rule reads it. The SMT solver (z3, the `tinnhiem[diff]` extra)
answers exactly and is imported only here, on first use; without it, or when it cannot decide in
time, or when the rules use a construct it does not model, the bounded search of `search` answers
for every tally up to a number of ballots, and says so.

The smallest tally is the least in this order: ballots collected, members, present, issued,
invalid, blank (valid ballots without a level), the counts of each level in order, then the
previous vote (none first) in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from . import ast

if TYPE_CHECKING:
    from .search import Judge

from .meaning import (
    EXEMPT,
    FIGURES,
    INVALID,
    Encoder,
    Num,
    Reading,
    Space,
    Undecidable,
    space_of,
    within,
)

__all__ = [
    "EXEMPT",
    "INVALID",
    "Answer",
    "Reading",
    "Space",
    "Undecidable",
    "Want",
    "Witness",
    "ask",
    "have_solver",
    "space_of",
]

TIMEOUT = 10.0  # seconds per question before the bounded search takes over
BOUND = 6  # ballots, for the bounded search
Method = Literal["solver", "bounded"]


@dataclass(frozen=True, slots=True)
class Want:
    """Rule set `reading` gives `outcome` (a class id, `exempt` or `invalid`) in `block`."""

    reading: Reading
    block: ast.Classify
    outcome: str
    # and the tally sits at a threshold of this comparison: "at" the first count on its true
    # side, or "away", one vote short of it (for `tinnhiem test --coverage`)
    boundary: tuple[ast.Compare, str] | None = None


@dataclass(frozen=True, slots=True)
class Witness:
    """One tally: turnout, counts of the data's levels, attributes; the previous vote if any."""

    turnout: dict[str, int]
    counts: dict[str, int]
    attrs: dict[str, Fraction | int | bool | str | dt.date] = field(default_factory=dict)
    previous: Witness | None = None

    def key(self) -> tuple[int, ...]:
        """The order in which witnesses are smallest (see the module's docstring)."""
        t = self.turnout
        blank = t["valid"] - sum(self.counts.values())
        figures = (t["collected"], t["members"], t["present"], t["issued"], t["invalid"], blank)
        own = (*figures, *self.counts.values())
        if self.previous is None:
            return (*own, 0)
        return (*own, 1, *self.previous.key())


@dataclass(frozen=True, slots=True)
class Answer:
    """`found` with the smallest witness, `impossible`, or `unknown` (the bound says where)."""

    status: Literal["found", "impossible", "unknown"]
    witness: Witness | None
    method: Method
    bound: int | None = None  # the bounded search: tallies of at most this many ballots
    reason: str = ""  # why the solver did not answer

    @property
    def exact(self) -> bool:
        return self.method == "solver"


def have_solver() -> bool:
    """Whether z3 can be imported (the `tinnhiem[diff]` extra)."""
    try:
        import z3  # noqa: F401
    except ImportError:
        return False
    return True


def ask(
    space: Space,
    wants: Sequence[Want],
    *,
    timeout: float = TIMEOUT,
    bound: int = BOUND,
    solver: bool = True,
) -> Answer:
    """Whether every wish can hold at once, with the smallest tally where they do."""
    readings = list(dict.fromkeys(w.reading for w in wants))
    return Questions(space, readings, timeout=timeout, bound=bound, solver=solver).ask(wants)


class Questions:
    """Questions about some rule sets: the solver answers (one session, `timeout` seconds in all),
    else the bounded search, which says its bound and why the solver did not answer."""

    def __init__(
        self,
        space: Space,
        readings: Sequence[Reading],
        *,
        timeout: float = TIMEOUT,
        bound: int = BOUND,
        solver: bool = True,
        judge: Judge | None = None,
    ) -> None:
        self.judge = judge
        self._tables: dict[tuple[tuple[int, str], ...], dict[tuple[str, ...], Witness]] = {}
        self.space = space
        self.readings = list(readings)
        self.timeout = timeout
        self.bound = bound
        self.session: Session | None = None
        self.failed = "" if solver else "solver off"
        if solver and not have_solver():
            self.failed = "no_solver"

    def ask(self, wants: Sequence[Want], *, smallest: bool = True) -> Answer:
        reason = self.failed
        if not reason:
            try:
                if self.session is None:
                    self.session = Session(self.space, self.readings, self.timeout)
                return self.session.ask(wants, smallest=smallest)
            except Undecidable as undecidable:
                reason = f"cannot decide exactly: {undecidable.where}"
            except _Timeout as stopped:
                reason = self.failed = str(stopped)  # the budget is spent: no more tries
        return self._bounded(wants, reason)

    def _bounded(self, wants: Sequence[Want], reason: str) -> Answer:
        """The answer of the bounded search: one walk over the tallies for each set of blocks
        asked about, read by the encoder, or by the judge where the encoder cannot."""
        from .search import table

        key = tuple((id(w.reading), w.block.id) for w in wants)
        found = self._tables.get(key)
        if found is None:
            questions = [(w.reading, w.block) for w in wants]
            try:
                found = table(self.space, questions, self.bound)
            except Undecidable as undecidable:
                reason = reason or f"cannot decide exactly: {undecidable.where}"
                if self.judge is None:
                    return Answer("unknown", None, "bounded", self.bound, reason)
                found = table(self.space, questions, self.bound, judge=self.judge)
            self._tables[key] = found
        witness = found.get(tuple(w.outcome for w in wants))
        status: Literal["found", "unknown"] = "found" if witness is not None else "unknown"
        return Answer(status, witness, "bounded", self.bound, reason)


class _Timeout(Exception):
    pass


# --- the solver ------------------------------------------------------------------------------


class _Z3Ops:
    def __init__(self, z3: Any) -> None:
        self.z3 = z3

    def and_(self, *xs: Any) -> Any:
        return self.z3.And(*xs) if xs else True

    def or_(self, *xs: Any) -> Any:
        return self.z3.Or(*xs) if xs else False

    def not_(self, x: Any) -> Any:
        return self.z3.Not(x)

    def ite(self, c: Any, a: Any, b: Any) -> Any:
        return self.z3.If(c, a, b)


class _Z3Env:
    """Fresh z3 constants for one tally, its previous vote and the attributes, and what ties
    them together."""

    def __init__(self, z3: Any, space: Space, integral: dict[str, bool]) -> None:
        self.z3 = z3
        self.space = space
        self.rules: list[Any] = []
        self.tallies = {False: self._tally(""), True: self._tally("prev_")}
        self.previous = z3.Bool("has_previous") if space.previous else None
        if not space.previous:
            self.rules.append(self._is_zero(self.tallies[True]))
        self.attrs: dict[str, Any] = {}
        self.blanks = {name: z3.Bool(f"blank_{name}") for name in space.blanks}
        self._rounded: dict[tuple[str, str, int], Any] = {}
        self.pending: list[Any] = []  # ties of values built while asking (`rounded`)
        for name, kind in space.attrs.items():
            self.attrs[name] = self._attr(name, kind, integral.get(name, True))
        if "vote_date" in self.attrs and "vote_year" in self.attrs:
            self.rules.append(self.attrs["vote_year"] == self.attrs["vote_date"][0])
        for code, year in space.round_years:  # a round that is a date gives the vote's year
            self.rules.append(
                z3.Implies(self.attrs["round"] == code, self.attrs["vote_year"] == year)
            )

    def _tally(self, prefix: str) -> dict[str, Any]:
        z3 = self.z3
        t = {name: z3.Int(prefix + name) for name in FIGURES}
        counts = {level: z3.Int(f"{prefix}count_{level}") for level in self.space.levels}
        self.rules += [t["members"] >= t["present"], t["present"] >= t["issued"]]
        self.rules += [t["issued"] >= t["collected"], t["invalid"] >= 0, t["valid"] >= 0]
        self.rules.append(t["valid"] + t["invalid"] == t["collected"])
        self.rules += [n >= 0 for n in counts.values()]
        self.rules.append(z3.Sum([*counts.values(), z3.IntVal(0)]) <= t["valid"])
        return {**t, **{f"count:{k}": v for k, v in counts.items()}}

    def _is_zero(self, tally: dict[str, Any]) -> Any:
        return self.z3.And([v == 0 for v in tally.values()])

    def _attr(self, name: str, kind: str, integral: bool) -> Any:
        z3 = self.z3
        if kind == "number":
            var = z3.Int(f"attr_{name}") if integral else z3.Real(f"attr_{name}")
            self.rules.append(var >= 0)
            return var
        if kind == "bool":
            return z3.Bool(f"attr_{name}")
        if kind == "text":
            var = z3.Int(f"attr_{name}")
            self.rules += [var >= 0, var <= len(self.space.texts)]
            return var
        y, m, d = (z3.Int(f"attr_{name}_{part}") for part in "ymd")
        leap = z3.Or(z3.And(y % 4 == 0, y % 100 != 0), y % 400 == 0)
        days = z3.If(
            m == 2, z3.If(leap, 29, 28), z3.If(z3.Or(m == 4, m == 6, m == 9, m == 11), 30, 31)
        )
        self.rules += [y >= 1, y <= 9999, m >= 1, m <= 12, d >= 1, d <= days]
        return (y, m, d)

    # Env
    def figure(self, name: str, previous: bool) -> Any:
        return self.tallies[previous][name]

    def count(self, level: str, previous: bool) -> Any:
        return self.tallies[previous][f"count:{level}"]

    def has_previous(self) -> Any:
        return self.previous if self.previous is not None else False

    def attr(self, name: str) -> Any:
        return self.attrs[name]

    def blank(self, name: str) -> Any:
        return self.blanks[name]

    def rounded(self, count: Any, basis: Any, scale: int) -> Any:
        """A whole number r with r·2b ≤ 2·c·S + b < (r+1)·2b where b > 0: the rounded
        percentage's numerator. Non-linear in (r, b): z3 decides it or says it cannot."""
        key = (str(count), str(basis), scale)
        found = self._rounded.get(key)
        if found is None:
            z3 = self.z3
            found = self._rounded[key] = z3.Int(f"rounded_{len(self._rounded)}")
            twice, middle = 2 * basis, 2 * count * scale + basis
            tie = z3.And(found * twice <= middle, middle < (found + 1) * twice)
            self.pending.append(z3.Implies(basis > 0, tie))
            self.pending.append(z3.Implies(basis <= 0, found == 0))
        return found

    def take(self) -> list[Any]:
        """The ties added since the last call, for the solver."""
        taken, self.pending = self.pending, []
        return taken

    def objectives(self) -> list[Any]:
        z3 = self.z3
        found: list[Any] = []
        for previous in (False, True):
            if previous and self.previous is None:
                break
            if previous:
                found.append(z3.If(self.previous, 1, 0))
            t = self.tallies[previous]
            counts = [t[f"count:{level}"] for level in self.space.levels]
            found += [t["collected"], t["members"], t["present"], t["issued"], t["invalid"]]
            found.append(t["valid"] - z3.Sum([*counts, z3.IntVal(0)]))
            found += counts
        # then attributes as a reader expects them: dates and vote years near the present day,
        # numbers small, flags false
        for name, kind in self.space.attrs.items():
            var = self.attrs[name]
            if name in self.blanks:  # a filled cell first
                found.append(z3.If(self.blanks[name], 1, 0))
            if kind == "date" or name == "vote_year":
                year = var[0] if kind == "date" else var
                found.append(z3.If(year >= _NEAR, year - _NEAR, _NEAR - year))
                # ties broken one way, so that the same question has the same witness in any
                # process (z3's model of a tie depends on what the process asked it before):
                # the later year, then the earliest day of it
                found.append(z3.If(year >= _NEAR, 0, 1))
                if kind == "date":
                    found += [var[1], var[2]]
            elif kind == "text" or (kind == "number" and self.z3.is_int(var)):
                found.append(var)
            elif kind == "bool":
                found.append(z3.If(var, 1, 0))
        return found

    def witness(self, model: Any) -> Witness:
        def num(term: Any) -> Any:
            value = model.eval(term, model_completion=True)
            if self.z3.is_int_value(value):
                return value.as_long()
            return Fraction(value.numerator_as_long(), value.denominator_as_long())

        def tally(previous: bool) -> tuple[dict[str, int], dict[str, int]]:
            t = self.tallies[previous]
            turnout = {name: num(t[name]) for name in FIGURES}
            counts = {level: num(t[f"count:{level}"]) for level in self.space.levels}
            return turnout, counts

        attrs: dict[str, Any] = {}
        for name, kind in self.space.attrs.items():
            var = self.attrs[name]
            if name in self.blanks and self.z3.is_true(
                model.eval(self.blanks[name], model_completion=True)
            ):
                attrs[name] = BLANK  # written `name ""` in an example: a blank cell
            elif kind == "date":
                y, m, d = (num(part) for part in var)
                attrs[name] = dt.date(y, m, d)
            elif kind == "bool":
                attrs[name] = self.z3.is_true(model.eval(var, model_completion=True))
            elif kind == "text":
                code = num(var)
                texts = self.space.texts
                attrs[name] = texts[code] if code < len(texts) else other_text(self.space)
            else:
                attrs[name] = num(var)
        previous = None
        if self.previous is not None and self.z3.is_true(
            model.eval(self.previous, model_completion=True)
        ):
            previous = Witness(*tally(True))
        turnout, counts = tally(False)
        return Witness(turnout, counts, attrs, previous)


BLANK = ""  # a blank cell, as a witness gives it and an example writes it
_NEAR = 2025  # the year witnesses' dates are drawn near
_OTHER_TEXT = "khác"  # a text unlike every text the rules name


def other_text(space: Space) -> str:
    """The text that stands for "none of the texts the rules name"."""
    text = _OTHER_TEXT
    while text in space.texts:
        text += "_"
    return text


def _integral(readings: Sequence[Reading]) -> dict[str, bool]:
    from .meaning import numbers_in

    return {
        name: all(n.denominator == 1 for n in numbers)
        for name, numbers in numbers_in(readings).items()
    }


class Session:
    """One solver over a space and some rule sets, asked one question after another.

    The meaning of every outcome is built once; each question adds its wishes in a scope of its
    own. `timeout` is the budget of the whole session (a block of a diff), not of one question.
    """

    def __init__(self, space: Space, readings: Sequence[Reading], timeout: float = TIMEOUT) -> None:
        import time

        import z3

        self.z3 = z3
        self.space = space
        self.env = _Z3Env(z3, space, _integral(readings))
        self.ops = _Z3Ops(z3)
        self.encoders = {id(r): Encoder(self.ops, self.env, space, r) for r in readings}
        self.goals: dict[tuple[int, str, str], Any] = {}
        self.solver = z3.Solver()
        self.solver.add(*self.env.rules)
        self.objectives = self.env.objectives()
        self.deadline = time.monotonic() + timeout
        self.timeout = timeout

    def _goal(self, want: Want) -> Any:
        key = (id(want.reading), want.block.id, want.outcome)
        if key not in self.goals:
            encoder = self.encoders[id(want.reading)]
            self.goals[key] = encoder.outcome(want.block, want.outcome)
            self.solver.add(*self.env.take())
        return self.goals[key]

    def _check(self) -> Any:
        import time

        left = self.deadline - time.monotonic()
        if left <= 0:
            raise _Timeout(f"timeout {self.timeout:g}")
        self.solver.set("timeout", max(1, int(left * 1000)))
        result = self.solver.check()
        if result == self.z3.unknown:
            why = self.solver.reason_unknown()
            stopped = "timeout" in why or "canceled" in why
            raise _Timeout(f"timeout {self.timeout:g}" if stopped else f"solver gave up: {why}")
        return result

    def ask(self, wants: Sequence[Want], *, smallest: bool = True) -> Answer:
        """`Undecidable` or `_Timeout` when the solver cannot answer; without `smallest`, any
        tally where the wishes hold (the question "can this hold?" needs no more)."""
        goals = [self._goal(w) for w in wants]
        for want in wants:
            if want.boundary is not None:
                compare, side = want.boundary
                goals.append(self.encoders[id(want.reading)].boundary(compare, side))
        self.solver.add(*self.env.take())
        solver = self.solver
        solver.push()
        try:
            solver.add(*goals)
            if self._check() == self.z3.unsat:
                return Answer("impossible", None, "solver")
            model = solver.model()
            for objective in self.objectives if smallest else ():
                model = self._least(objective, model)
            return Answer("found", self.env.witness(model), "solver")
        finally:
            solver.pop()

    def sweep(
        self,
        reading: Reading,
        block: ast.Classify,
        skip: Sequence[ast.Rule] = (),
        *,
        intervals: bool = True,
    ) -> tuple[list[ast.Rule], Answer]:
        """The rules of `block` no tally reaches (but those in `skip`), and the smallest tally
        no rule matches, in one pass: rule i is reached iff "not exempt, valid, no earlier rule
        matched, rule i's condition" can hold.

        "No earlier rule matched" is asserted once per rule, in a scope of the block, so each
        question adds one condition to what the solver holds, rather than a chain of i (the
        cost of asking `outcome` rule by rule). A block of bands on one quantity (`reach.bands`)
        needs no chain at all: each question is "its quantity lies in these few intervals"; nor
        does a block of bands on two quantities (`boxes.plane`): each question is "the two lie
        in this cell of their plane", a cell where the rule is the first to match."""
        from .boxes import plane
        from .plane_check import plane_sweep
        from .reach import bands

        encoder = self.encoders[id(reading)]
        encoder.file = encoder._at(f"classify:{block.id}")
        ops, solver = self.ops, self.solver
        valid = ops.and_(encoder.quorum_met(False), encoder.basis(False) > 0)
        start = [ops.not_(encoder.exempt()), valid]
        skipped = {id(rule) for rule in skip}
        banded = bands(block) if intervals else None
        planar = plane(block) if intervals and banded is None else None
        self.solver.add(*self.env.take())
        solver.push()
        try:
            solver.add(*start)
            if planar is not None:
                return plane_sweep(self, encoder, block, skipped, planar)
            never: list[ast.Rule] = []
            value = None if banded is None else encoder.value(banded.quantity, False)
            last = block.rules[-1] if block.rules else None
            for rule in block.rules:
                if rule.when is None:  # `else`: nothing falls through
                    return never, Answer("impossible", None, "solver")
                here = None if banded else encoder.loose(rule.when)
                solver.add(*self.env.take())
                if id(rule) not in skipped:
                    solver.push()
                    if banded:
                        assert isinstance(value, Num)
                        solver.add(inside(ops, value, banded.reach[id(rule)]))
                    elif rule is not last:  # the engine gives the last rule when none matches
                        solver.add(here)
                    if self._check() == self.z3.unsat:
                        never.append(rule)
                    solver.pop()
                if here is not None:
                    solver.add(ops.not_(here))
            if banded:
                assert isinstance(value, Num)
                solver.add(ops.or_(ops.not_(value.known), inside(ops, value, banded.falls)))
            return never, self.smallest()
        finally:
            solver.pop()

    def smallest(self) -> Answer:
        """The smallest tally where what the solver holds is true, or `impossible`."""
        if self._check() == self.z3.unsat:
            return Answer("impossible", None, "solver")
        model = self.solver.model()
        for objective in self.objectives:
            model = self._least(objective, model)
        return Answer("found", self.env.witness(model), "solver")

    def _least(self, objective: Any, model: Any) -> Any:
        """The model where `objective` is least (it is never below 0), then fixed there."""
        z3, solver = self.z3, self.solver
        high = model.eval(objective, model_completion=True).as_long()
        low = 0
        first = True
        while low < high:
            # most objectives are least at 0 (a level's count, the invalid ballots): try it first
            middle, first = (low if first else (low + high) // 2), False
            solver.push()
            solver.add(objective <= middle)
            if self._check() == z3.sat:
                model = solver.model()
                high = model.eval(objective, model_completion=True).as_long()
            else:
                low = middle + 1
            solver.pop()
        solver.add(objective == high)
        return model


Interval = tuple[Fraction | None, bool, Fraction | None, bool]


def inside(ops: Any, value: Num, intervals: Sequence[Interval]) -> Any:
    """The value is known and lies in one of the intervals (lo, lo open, hi, hi open)."""
    parts = [ops.and_(*within(value, interval)) for interval in intervals]
    return ops.and_(value.known, ops.or_(*parts))


def _solve(space: Space, wants: Sequence[Want], timeout: float) -> Answer:
    readings = list(dict.fromkeys(w.reading for w in wants))
    return Session(space, readings, timeout).ask(wants)
