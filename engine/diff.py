"""Two rule sets over every tally: per classify block, which outcome pairs can happen, with the
smallest tally of each, checked by evaluating it with the engine.

The logic (`rules.logic`) answers; the engine then evaluates each witness as an `example` of
either side, so a witness the engine reads otherwise is said, never shown as a difference.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from tinnhiem.rules import ast
from tinnhiem.rules.fmt import quote
from tinnhiem.rules.logic import (
    BOUND,
    EXEMPT,
    INVALID,
    TIMEOUT,
    Answer,
    Questions,
    Reading,
    Space,
    Undecidable,
    Want,
    Witness,
    space_of,
)
from tinnhiem.rules.meaning import attributes_read
from tinnhiem.rules.messages import Message, message
from tinnhiem.rules.search import Judge

from .evaluate import Plan, evaluate_plan
from .examples import example_result, example_tallies
from .model import DataError, Dataset, Result
from .words import Lang


@dataclass(frozen=True, slots=True)
class Pair:
    """One pair of outcomes that can happen (A's, B's), with its smallest tally."""

    a: str
    b: str
    witness: Witness
    exact: bool
    example_a: str = ""
    example_b: str = ""
    trace_a: tuple[str, ...] = ()
    trace_b: tuple[str, ...] = ()
    confirmed: bool = True  # the engine gives both outcomes on the witness
    engine: tuple[str, str] = ("", "")  # what the engine gave, when not confirmed

    @property
    def differs(self) -> bool:
        return self.a != self.b


@dataclass(frozen=True, slots=True)
class BlockDiff:
    """One block of A against one of B (or a block only one side has: the other id is "")."""

    a: str
    b: str
    pairs: tuple[Pair, ...] = ()
    exact: bool = True  # every answer came from the solver
    bound: int | None = None  # else the bounded search's bound
    reasons: tuple[str, ...] = ()  # why the solver did not answer, each once

    @property
    def only(self) -> str | None:
        return "a" if not self.b else "b" if not self.a else None

    @property
    def differences(self) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if p.differs)

    @property
    def equivalent(self) -> bool:
        return self.only is None and not self.differences


@dataclass(frozen=True, slots=True)
class Diff:
    a: ast.Resolved
    b: ast.Resolved
    space: Space
    blocks: tuple[BlockDiff, ...] = field(default=())

    @property
    def equivalent(self) -> bool:
        return all(block.equivalent for block in self.blocks)


class DiffError(Exception):
    """The rule sets cannot be compared: no level of the data both read, an unknown block;
    `said` says it in the reader's language (`str()` is English)."""

    def __init__(self, said: Message) -> None:
        super().__init__(str(said))
        self.said = said


def pairing(
    a: ast.Resolved, b: ast.Resolved, pairs: Sequence[tuple[str, str]] = (), only: str | None = None
) -> list[tuple[str, str]]:
    """Blocks paired by id, then by `pairs`; a block of one side alone is paired with ""."""
    for x, y in pairs:
        if a.block(x) is None:
            raise DiffError(message("diff_error.pair", x=x, y=y, path=a.path, block=x))
        if b.block(y) is None:
            raise DiffError(message("diff_error.pair", x=x, y=y, path=b.path, block=y))
    explicit = dict(pairs)
    taken = set(explicit.values())
    found: list[tuple[str, str]] = []
    for block in a.classifies:
        other = explicit.get(block.id)
        if other is None:
            other = block.id if b.block(block.id) is not None and block.id not in taken else ""
        found.append((block.id, other))
    used = {y for _, y in found}
    found += [("", block.id) for block in b.classifies if block.id not in used]
    if only is not None:
        found = [(x, y) for x, y in found if only in (x, y)]
        if not found:
            raise DiffError(message("diff_error.block", block=only))
    return found


def diff(
    a: ast.Resolved,
    b: ast.Resolved,
    *,
    pairs: Sequence[tuple[str, str]] = (),
    only: str | None = None,
    timeout: float = TIMEOUT,
    bound: int = BOUND,
    solver: bool = True,
) -> Diff:
    """Every outcome pair of every paired block, each with its smallest tally."""
    ra, rb = Reading.of(a), Reading.of(b)
    try:
        space = space_of([ra, rb])
    except Undecidable as undecidable:
        raise DiffError(message("diff_error.undecidable", what=undecidable.where)) from undecidable
    if not space.levels:
        raise DiffError(
            message("diff_error.no_level", a=", ".join(ra.route), b=", ".join(rb.route))
        )
    blocks = []
    for x, y in pairing(a, b, pairs, only):
        if not x or not y:
            blocks.append(BlockDiff(x, y))
            continue
        blocks.append(_block(space, ra, rb, x, y, timeout, bound, solver))
    return Diff(a, b, space, tuple(blocks))


def _block(
    space: Space,
    ra: Reading,
    rb: Reading,
    x: str,
    y: str,
    timeout: float,
    bound: int,
    solver: bool,
) -> BlockDiff:
    ba, bb = ra.ruleset.block(x), rb.ruleset.block(y)
    assert ba is not None and bb is not None
    found: list[Pair] = []
    reasons: dict[str, None] = {}
    exact = True
    questions = Questions(
        space, [ra, rb], timeout=timeout, bound=bound, solver=solver, judge=engine_judge()
    )
    for oa in outcomes(ba):
        for ob in outcomes(bb):
            wants = [Want(ra, ba, oa), Want(rb, bb, ob)]
            if oa == ob:
                # an agreement needs no smallest tally, nor the engine's word on it
                answer = questions.ask(wants, smallest=False)
                if answer.witness is not None:
                    found.append(Pair(oa, ob, answer.witness, answer.exact))
                if not answer.exact:
                    exact = False
                    reasons.setdefault(answer.reason)
                continue
            answer = questions.ask(wants)
            if not answer.exact:
                exact = False
                reasons.setdefault(answer.reason)
            if answer.witness is not None:
                found.append(_pair(ra.ruleset, rb.ruleset, x, y, oa, ob, answer))
    return BlockDiff(x, y, tuple(found), exact, None if exact else bound, tuple(reasons))


def outcomes(block: ast.Classify) -> tuple[str, ...]:
    return (*dict.fromkeys(rule.id for rule in block.rules), EXEMPT, INVALID)


def _pair(
    a: ast.Resolved, b: ast.Resolved, x: str, y: str, oa: str, ob: str, answer: Answer
) -> Pair:
    witness = answer.witness
    assert witness is not None
    name = f"khác biệt {x}: {oa} / {ob}"
    example_a = example_text(name, _own(witness, a), x, oa)
    example_b = example_text(name, _own(witness, b), y, ob)
    result_a = _evaluate(a, _own(witness, a), x, oa, name)
    result_b = _evaluate(b, _own(witness, b), y, ob, name)
    got = (outcome_of(result_a, x), outcome_of(result_b, y))
    return Pair(
        oa,
        ob,
        witness,
        answer.exact,
        example_a,
        example_b,
        result_a.trace if isinstance(result_a, Result) else (),
        result_b.trace if isinstance(result_b, Result) else (),
        got == (oa, ob),
        got,
    )


def engine_judge() -> Judge:
    """How the engine itself reads a tally: the bounded search's reader of the constructs the
    exact logic does not model."""
    plans: dict[int, Plan] = {}

    def judge(reading: Reading, block: ast.Classify, witness: Witness) -> str:
        plan = plans.get(id(reading))
        if plan is None:
            plan = plans[id(reading)] = Plan.of(reading.ruleset)
        example = witness_example("", witness, block.id, "")
        try:
            tallies = example_tallies(example, reading.ruleset, reading.ruleset.path)
            levels = tuple(dict.fromkeys(k for t in tallies for k in t.counts))
            dataset = Dataset(reading.ruleset.path, tallies, levels)
            result = evaluate_plan(plan, dataset, explain=False).results[-1]
        except DataError:
            return "error"
        return outcome_of(result, block.id)

    return judge


def _own(witness: Witness, ruleset: ast.Resolved) -> Witness:
    """The witness with only the attributes this rule set reads: an example may set no other,
    but the vote's date where it reads the round and the vote's year (the data's row has the
    date; without it, a round that is a date would give the year instead)."""
    read = attributes_read(ruleset)
    if {"round", "vote_year"} <= read:
        read |= {"vote_date"}
    attrs = {name: value for name, value in witness.attrs.items() if name in read}
    return dataclasses.replace(witness, attrs=attrs)


def outcome_of(result: Result | str, block: str) -> str:
    """A result's class in the block, or its status when it was not classified."""
    if isinstance(result, str):
        return result
    if result.status != "evaluated":
        return result.status
    return result.klass(block) or ""


def witness_results(
    found: Diff, block: BlockDiff, pair: Pair, lang: Lang = "en"
) -> tuple[Result | str, Result | str]:
    """Both sides' explained results on a difference's smallest tally, their reasons in `lang`
    (the traces the UI shows); a text when a side cannot read it."""
    name = f"khác biệt {block.a}: {pair.a} / {pair.b}"
    return (
        _evaluate(found.a, _own(pair.witness, found.a), block.a, pair.a, name, lang),
        _evaluate(found.b, _own(pair.witness, found.b), block.b, pair.b, name, lang),
    )


def _evaluate(
    ruleset: ast.Resolved,
    witness: Witness,
    block: str,
    outcome: str,
    name: str,
    lang: Lang = "en",
) -> Result | str:
    example = witness_example(name, witness, block, outcome)
    try:
        return example_result(ruleset, example, lang=lang)
    except DataError as exc:
        return "error: " + "; ".join(issue.message for issue in exc.issues)


# --- the witness as an example ---------------------------------------------------------------


def _settings(
    turnout: dict[str, int], counts: dict[str, int], attrs: dict[str, object]
) -> list[tuple[str, object]]:
    return [*turnout.items(), *counts.items(), *attrs.items()]


def value_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return (
            str(value.numerator)
            if value.denominator == 1
            else f"{value.numerator}/{value.denominator}"
        )
    if isinstance(value, str):
        return quote(value)
    return str(value)


def witness_example(name: str, witness: Witness, block: str, outcome: str) -> ast.Example:
    """The witness as the example `example_text` writes, without parsing it."""

    def settings(pairs: list[tuple[str, object]]) -> tuple[ast.Setting, ...]:
        return tuple(ast.Setting(k, v, value_text(v)) for k, v in pairs)  # type: ignore[arg-type]

    previous = witness.previous
    expect = (
        ast.Expect("status", outcome)
        if outcome in (EXEMPT, INVALID)
        else ast.Expect(block, outcome)
    )
    return ast.Example(
        name,
        settings(_settings(witness.turnout, witness.counts, dict(witness.attrs))),
        settings(_settings(previous.turnout, previous.counts, {})) if previous else (),
        (expect,),
    )


def example_text(name: str, witness: Witness, block: str, outcome: str) -> str:
    """A ready-to-paste `example { … }` block of the rules language."""

    def line(pairs: list[tuple[str, object]]) -> str:
        return "; ".join(f"{k} {value_text(v)}" for k, v in pairs)

    lines = [f"example {quote(name)} {{"]
    lines.append("  " + line(list(witness.turnout.items())))
    lines.append("  " + line(list(witness.counts.items())))
    if witness.attrs:
        lines.append("  " + line(list(witness.attrs.items())))
    previous = witness.previous
    if previous is not None:
        inner = line(_settings(previous.turnout, previous.counts, {}))
        lines.append(f"  previous {{ {inner} }}")
    if outcome in (EXEMPT, INVALID):
        lines.append(f"  expect status {outcome}")
    else:
        lines.append(f"  expect {block} {outcome}")
    lines.append("}")
    return "\n".join(lines)
