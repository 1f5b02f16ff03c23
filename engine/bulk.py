"""The classification pass over plain integers: a rule set's figures compared by cross-multiplying.

A condition made of comparisons of shares, counts and turnout figures with numbers (and with each
other), joined by `and`, `or`, `not`, is true or false by whole numbers alone: `share(a) > p/q`
is `count(a) * q > p * basis` (the basis above 0). `Compiled` turns the blocks of a plan, the
quorum and the exemptions into one Python expression over such integers and compiles it once; the
pass (`Pass.keys`) then runs it over the columns of the data, one list comprehension for every
person, and gives each person a key: which rule of each block decided, or -1 when the exact path
(`Runner.decide`, on `Facts` and `Fraction`s) must decide that person (a set-aside vote, a blank
or odd cell, a row read one by one, an exemption that holds). A block or an exemption that reads
anything else (attributes, dates, `previous`, `rounded`, sets, `is missing`) is decided for each
person by the exact path and given to the expression as a column of its own.

The generated source holds nothing of the rules file: only integers (`int` of the rule set's
numbers, checked to be `int`), the operators of a fixed table and names made here (`b`, `c0`,
`t1`, `x2`). No id, label, level name or text of a rule reaches it, so a rules file cannot make
this code run anything; `plain` checks the source again before Python reads it, and
`tests/test_bulk.py` tries it with hostile ids and labels.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import add
from typing import TYPE_CHECKING, Any

from tinnhiem.rules import ast

from .formats.tally_columns import ABSENT, Tallies
from .model import Result, Shares, Tally, Verdict, new_result
from .plan import CompiledBlock, Plan
from .results import Results

if TYPE_CHECKING:
    from .evaluate import Runner

_OPS = {">": ">", ">=": ">=", "<": "<", "<=": "<=", "==": "==", "!=": "!="}  # op -> source
_BITS = 256  # a number written larger than this is left to the exact path (no huge literals)
_DEEPEST = 40  # `and`/`or`/`not` nested deeper: the exact path (Python nests 200 parentheses)
# rules of one block written as one chain `0 if … else 1 if …`, which Python's compiler nests: a
# longer block (up to 4,000 rules) is decided the exact way, by a loop over its rules
_LONGEST = 64

Rows = Iterable[tuple[int, ...]]
_PLAIN = re.compile(r"[A-Za-z0-9_\s()*+<>=!,:\[\]-]*")
_WORDS = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MADE = re.compile(r"\b[ctx][0-9]+\b")
_KNOWN = frozenset({"def", "run", "rows", "return", "for", "in", "if", "else", "and", "or", "not"})
_KNOWN |= {"b", "False"}


class _Names:
    """The integers an expression reads, each named by its place: `c0` (the count of the rule
    set's first level), `t1` (a turnout figure), `x0` (a column decided the exact way)."""

    def __init__(self, level_ids: Sequence[str]) -> None:
        self.level_ids = tuple(level_ids)
        self.levels: dict[str, str] = {}  # level -> its name, in order of use
        self.turnout: dict[str, str] = {}  # figure -> its name

    def level(self, level: str) -> str:
        if level not in self.levels:
            self.levels[level] = f"c{self.level_ids.index(level)}"
        return self.levels[level]

    def figure(self, name: str) -> str:
        if name not in self.turnout:
            self.turnout[name] = f"t{ast.TURNOUT.index(name)}"
        return self.turnout[name]


def _whole(value: int) -> str | None:
    """An integer of the rule set as source: digits only (and a sign)."""
    if type(value) is not int or value.bit_length() > _BITS:
        return None
    return str(value)


def _ratio(value: ast.Value, names: _Names) -> tuple[str, str] | None:
    """A value as numerator and denominator (above 0) in source, or None if not plain integers."""
    if isinstance(value, ast.Number):
        p, q = _whole(value.value.numerator), _whole(value.value.denominator)
        return None if p is None or q is None else (p, q)
    if isinstance(value, ast.Share | ast.Count):
        if value.previous or not value.levels:
            return None
        if any(level not in names.level_ids for level in value.levels):
            return None
        total = " + ".join(names.level(level) for level in value.levels)
        return f"({total})", ("b" if isinstance(value, ast.Share) else "1")
    if isinstance(value, ast.Turnout) and value.name in ast.TURNOUT:
        return names.figure(value.name), "1"
    return None


def expression(cond: ast.Cond, names: _Names, depth: int = 0) -> str | None:
    """`cond` as a Python expression over integers, or None when it reads anything else (or
    nests deeper than Python's compiler takes parentheses: `_DEEPEST`).

    Exact where the exact path has no unknown value: the basis above 0, every figure given."""
    if depth > _DEEPEST:
        return None
    if isinstance(cond, ast.And | ast.Or):
        parts = [expression(part, names, depth + 1) for part in cond.operands]
        if any(part is None for part in parts):
            return None
        joiner = " and " if isinstance(cond, ast.And) else " or "
        return "(" + joiner.join(part for part in parts if part is not None) + ")"
    if isinstance(cond, ast.Not):
        inner = expression(cond.operand, names, depth + 1)
        return None if inner is None else f"(not {inner})"
    if not isinstance(cond, ast.Compare) or cond.op not in _OPS:
        return None
    left, right = _ratio(cond.left, names), _ratio(cond.right, names)
    if left is None or right is None:
        return None
    (a, b), (c, d) = left, right
    # a/b op c/d with b, d > 0: a * d op c * b
    return f"({a} * {d} {_OPS[cond.op]} {c} * {b})"


def _everyone_exact(rows: Rows) -> list[int]:
    return [-1 for _ in rows]


def plain(source: str) -> bool:
    """Whether `source` holds only what `Compiled.of` writes: integers, operators, brackets and
    the names made here (`b`, `c0`, `t1`, `x2`, and Python's words of a comprehension)."""
    return _PLAIN.fullmatch(source) is not None and set(_WORDS.findall(source)) <= _KNOWN.union(
        _MADE.findall(source)
    )


def _compiled(source: str) -> Callable[[Rows], list[int]]:
    """The pass's function of `source`, checked plain before Python reads it (a rules file
    comes from anyone: no text of it may ever be run); every person exact if it is not."""
    if not plain(source):
        return _everyone_exact  # cannot happen: what `Compiled.of` writes is plain
    namespace: dict[str, Any] = {"__builtins__": {}}
    try:
        code = compile(source, "<tinnhiem bulk pass>", "exec")
    except (RecursionError, MemoryError, SyntaxError):  # too deep or too big for the compiler
        return _everyone_exact
    exec(code, namespace)
    run: Callable[[Rows], list[int]] = namespace["run"]
    return run


def _quorum(quorum: ast.Quorum, names: _Names) -> str:
    """`present >= 2/3 of members` as `(t1 * 3 >= 2 * t0)`, as `Quorum.met` tests it."""
    fraction = quorum.fraction.value
    p, q = _whole(fraction.numerator), _whole(fraction.denominator)
    if p is None or q is None or quorum.op not in _OPS:
        return "False"  # never: then nobody meets it here, and the exact path decides everyone
    measure, of = names.figure(quorum.measure), names.figure(quorum.of)
    return f"({measure} * {q} {_OPS[quorum.op]} {p} * {of})"


def _chain(block: CompiledBlock, names: _Names) -> str | None:
    """The index of the rule that decides, as an expression: `0 if … else 1 if … else 2`."""
    if len(block.rules) > _LONGEST:
        return None
    parts: list[str] = []
    for index, compiled in enumerate(block.rules):
        when = compiled.rule.when
        if when is None:
            parts.append(str(index))
            return " if ".join(parts) if len(parts) == 1 else "(" + " else ".join(parts) + ")"
        test = expression(when, names)
        if test is None:
            return None
        parts.append(f"{index} if {test}")
    parts.append(str(len(block.rules) - 1))
    return "(" + " else ".join(parts) + ")"


@dataclass(frozen=True, slots=True)
class Compiled:
    """A plan's blocks, quorum and exemptions made into one integer expression (see the module).

    `exact_blocks` and `exact_exempts`: those decided per person the exact way, in order, given
    to the expression as the columns `x0`, `x1`, …; `levels`/`figures`: the counts and turnout
    figures it reads, in the order of its arguments after `b`.
    """

    run: Callable[[Rows], list[int]]
    levels: tuple[str, ...]
    figures: tuple[str, ...]
    exact_blocks: tuple[int, ...]
    exact_exempts: bool  # whether `x…` ends with a column: 1 where an exemption holds
    radix: tuple[int, ...]  # per block, what its rule's index is multiplied by in the key
    blocks: tuple[CompiledBlock, ...]
    source: str  # what was compiled: integers, operators and the names made here only

    @classmethod
    def of(cls, plan: Plan, exempts: Sequence[ast.Exempt], quorum: ast.Quorum | None) -> Compiled:
        names = _Names(plan.level_ids)
        asides: list[str] = []  # a person is set aside (key -1) when one of these holds
        if quorum is not None:
            asides.append(f"not {_quorum(quorum, names)}")
        compiled_exempts = [expression(exempt.when, names) for exempt in exempts]
        exact_exempts = any(test is None for test in compiled_exempts)
        asides += [test for test in compiled_exempts if test is not None]
        radix: list[int] = []
        terms: list[str] = []
        exact_blocks: list[int] = []
        size = 1
        for number, block in enumerate(plan.blocks):
            chain = _chain(block, names)
            if chain is None:
                chain = f"x{len(exact_blocks)}"
                exact_blocks.append(number)
            radix.append(size)
            terms.append(chain if size == 1 else f"{chain} * {size}")
            size *= len(block.rules)
        extra = [f"x{i}" for i in range(len(exact_blocks))]
        if exact_exempts:
            asides.append(f"x{len(exact_blocks)}")
            extra.append(f"x{len(exact_blocks)}")
        levels = tuple(names.levels)
        figures = tuple(names.turnout)
        arguments = ", ".join(["b", *names.levels.values(), *names.turnout.values(), *extra])
        key = " + ".join(terms) or "0"
        aside = " or ".join(["b <= 0", *asides])
        source = f"def run(rows):\n    return [-1 if {aside} else {key} for {arguments}, in rows]\n"
        return cls(
            _compiled(source),
            levels,
            figures,
            tuple(exact_blocks),
            exact_exempts,
            tuple(radix),
            plan.blocks,
            source,
        )

    def verdicts(self, key: int) -> tuple[Verdict, ...]:
        """The verdicts of a key the pass gave (one per block, in order)."""
        return tuple(
            block.rules[(key // radix) % len(block.rules)].verdict
            for block, radix in zip(self.blocks, self.radix, strict=True)
        )


@dataclass(slots=True)
class Columns:
    """The integers the expression reads, one sequence per argument, and which rows the pass
    cannot take at all (`slow`: the basis column holds 0 there)."""

    basis: Sequence[int]
    levels: list[Sequence[int]]
    figures: list[Sequence[int]]
    counts: list[Sequence[int]]  # every level of the rule set (for the largest count shown)


def columns_of(
    tallies: Sequence[Tally],
    plan: Plan,
    basis_kind: str,
    compiled: Compiled,
    counts_of: Callable[[Tally], Mapping[str, int]],
    basis_of: Callable[[Tally], int | None],
) -> Columns:
    """The columns of the pass: from the arrays of `Tallies` (no tally made), else tally by
    tally. A row the pass must not decide has the basis 0 (the exact path decides it)."""
    if isinstance(tallies, Tallies):
        found = _from_arrays(tallies, plan, basis_kind, compiled, counts_of, basis_of)
        if found is not None:
            return found
    basis: list[int] = []
    counts: list[list[int]] = [[] for _ in plan.level_ids]
    figures: list[list[int]] = [[] for _ in compiled.figures]
    for tally in tallies:
        given = counts_of(tally)
        for column, level in zip(counts, plan.level_ids, strict=True):
            column.append(given[level])
        turnout = tally.turnout
        values = [turnout.get(name) for name in compiled.figures]
        for column, value in zip(figures, values, strict=True):
            column.append(ABSENT if value is None else value)
        value = basis_of(tally)
        basis.append(0 if value is None or None in values else value)
    by_level = dict(zip(plan.level_ids, counts, strict=True))
    used: list[Sequence[int]] = [by_level[level] for level in compiled.levels]
    return Columns(basis, used, list(figures), list(counts))


def _from_arrays(
    tallies: Tallies,
    plan: Plan,
    basis_kind: str,
    compiled: Compiled,
    counts_of: Callable[[Tally], Mapping[str, int]],
    basis_of: Callable[[Tally], int | None],
) -> Columns | None:
    """The columns straight from the arrays; None when a row needs reading as a tally."""
    count = len(tallies)
    turnout = dict(zip(tallies.turnout_keys, tallies.turnout, strict=True))
    data_counts = dict(zip(tallies.count_keys, tallies.counts, strict=True))
    # a level of the rule set counts every level of the data routed to it
    counts: list[Sequence[int]] = []
    for level in plan.level_ids:
        sources = [c for name, c in data_counts.items() if plan.route.get(name) == level]
        if not sources:
            counts.append([0] * count)
        elif len(sources) == 1:
            counts.append(sources[0])
        else:
            total: Sequence[int] = sources[0]
            for column in sources[1:]:
                total = list(map(add, total, column))
            counts.append(total)
    basis: Sequence[int] | None = turnout.get(basis_kind)
    if basis is None and basis_kind == "valid":
        collected, invalid = turnout.get("collected"), turnout.get("invalid")
        if collected is not None and invalid is not None:
            basis = list(map(_minus, collected, invalid))
    figures = [turnout.get(name) for name in compiled.figures]
    if basis is None or any(figure is None for figure in figures):
        return None  # a figure no row gives: every row is the exact path's (and says so)
    given: list[Sequence[int]] = [f for f in figures if f is not None]
    # a blank or odd cell of a row not read one by one: the exact path reads that row
    slow: set[int] = set()
    for read in [*tallies.counts, *given]:
        if ABSENT in read:
            slow.update(i for i, n in enumerate(read) if n == ABSENT)
    slow.difference_update(tallies.exact)
    if not slow and not tallies.exact:
        by_level = dict(zip(plan.level_ids, counts, strict=True))
        return Columns(basis, [by_level[level] for level in compiled.levels], given, counts)
    bases = list(basis)
    for i in slow:
        bases[i] = 0
    own_counts: list[list[int]] = [list(c) for c in counts]
    own_figures: list[list[int]] = [list(f) for f in given]
    for i in tallies.exact:  # rows read one by one (a blank cell): their tally's figures
        tally = tallies[i]
        routed = counts_of(tally)
        for level, into in zip(plan.level_ids, own_counts, strict=True):
            into[i] = routed[level]
        row = [tally.turnout.get(name) for name in compiled.figures]
        for value, into in zip(row, own_figures, strict=True):
            into[i] = ABSENT if value is None else value
        of = basis_of(tally)
        bases[i] = 0 if of is None or None in row else of
    by_level = dict(zip(plan.level_ids, own_counts, strict=True))
    used: list[Sequence[int]] = [by_level[level] for level in compiled.levels]
    return Columns(bases, used, list(own_figures), list(own_counts))


def _minus(a: int, b: int) -> int:
    return ABSENT if a == ABSENT or b == ABSENT else a - b


def largest(columns: Sequence[Sequence[int]], keys: Sequence[int]) -> int:
    """The largest value of `columns` in the rows the pass decided (0 when none)."""
    fast = [key >= 0 for key in keys]
    return max((max(compress(column, fast), default=0) for column in columns), default=0)


class Pass:
    """The classification pass of one `Runner`: every person's key, and a key's result."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        exempts = [compiled.exempt for compiled in runner.checked]
        self.compiled = Compiled.of(runner.plan, exempts, runner.ruleset.quorum)
        self._verdicts: dict[int, tuple[Verdict, ...]] = {}
        self.columns: Columns | None = None
        self.kind = runner.basis_kind
        # the number of counts of a tally given as the rule set's levels in its order (the
        # columns of `Tallies` are those levels): such counts are the result's as they are
        tallies = runner.dataset.tallies
        levels = runner.plan.level_ids
        given = isinstance(tallies, Tallies) and tallies.count_keys == levels
        self.plain = len(levels) if given else -1

    def keys(self) -> list[int]:
        """Each person's key: the rule of each block, or -1 for the exact path to decide."""
        runner, compiled = self.runner, self.compiled
        tallies = runner.dataset.tallies
        columns = self.columns = columns_of(
            tallies, runner.plan, runner.basis_kind, compiled, runner.counts, _basis(runner)
        )
        arguments = [columns.basis, *columns.levels, *columns.figures]
        if compiled.exact_blocks or compiled.exact_exempts:
            arguments += self._exact(columns.basis)
        return compiled.run(zip(*arguments, strict=True))

    def _exact(self, basis: Sequence[int]) -> list[list[int]]:
        """The columns the exact path decides, per person the pass may take: the rule of each
        block it cannot compile, then whether an exemption holds (1) when one is not compiled."""
        runner, compiled = self.runner, self.compiled
        tallies, blocks = runner.dataset.tallies, runner.plan.blocks
        exact = [[0] * len(basis) for _ in compiled.exact_blocks]
        exempt = [0] * len(basis) if compiled.exact_exempts else None
        for index in compress(range(len(basis)), map((0).__lt__, basis)):
            tally = tallies[index]
            counts = runner.counts(tally)
            facts = runner.facts(index, tally, counts, runner.basis(tally)[0])
            for column, number in zip(exact, compiled.exact_blocks, strict=True):
                column[index] = blocks[number].classify(facts)
            if exempt is not None:
                exempt[index] = runner.exempt_of(facts) is not None
        return [*exact, *([exempt] if exempt is not None else [])]

    def verdicts(self, key: int) -> tuple[Verdict, ...]:
        found = self._verdicts.get(key)
        if found is None:
            found = self._verdicts[key] = self.compiled.verdicts(key)
        return found

    def build(self, tally: Tally, key: int) -> Result:
        """The result of a person the pass decided: what `Runner.decide` makes of them."""
        runner, kind = self.runner, self.kind
        counts = tally.counts
        if len(counts) != self.plain:  # else the rule set's levels, in its order (`plain`)
            counts = runner.counts(tally)
        basis = tally.turnout.get(kind)
        if basis is None:  # derived (valid = collected - invalid)
            basis = runner.basis(tally)[0]
            assert basis is not None
        verdicts = self._verdicts.get(key) or self.verdicts(key)
        shares = Shares(counts, basis)
        return new_result(tally, "evaluated", None, kind, basis, counts, shares, verdicts, (), ())

    def results(
        self, keys: Sequence[int], made: Mapping[int, Result], *, explained: bool
    ) -> Results:
        """The results of a run: `made` (the exact path's, or every one explained), the others
        made from their keys when read."""
        tallies = self.runner.dataset.tallies
        largest = functools.partial(self.largest, keys)
        return Results(tallies, keys, made, self.build, self.verdicts, largest, explained=explained)

    def largest(self, keys: Sequence[int]) -> tuple[int, int]:
        """The largest count and basis among the people the pass decided."""
        columns = self.columns
        if columns is None:
            return 0, 0
        return largest(columns.counts, keys), largest([columns.basis], keys)


def _basis(runner: Runner) -> Callable[[Tally], int | None]:
    return lambda tally: runner.basis(tally)[0]
