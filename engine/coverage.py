"""How well a rule set's examples cover it: which rules an example reaches, and which thresholds
have an example at the boundary and one vote away from it; for each gap, the smallest tally that
would fill it, as a ready example (from `rules.logic`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from tinnhiem.rules import ast
from tinnhiem.rules.fmt import format_cond
from tinnhiem.rules.logic import Questions, Reading, Want, space_of
from tinnhiem.rules.meaning import TRIED, Undecidable
from tinnhiem.rules.messages import Foreign, Message, message

from .diff import _own, example_text, witness_example
from .diff_words import reason_said
from .examples import example_result
from .model import DataError, Result


@dataclass(frozen=True, slots=True)
class RuleCoverage:
    block: str
    rule: str
    file: str
    line: int
    examples: tuple[str, ...]  # names of the examples that reach it
    example: str = ""  # the smallest tally that would, as an example ("" when covered)
    # when no example can be given: no tally reaches it, or the solver's reason
    why: Message | Foreign | None = None

    @property
    def covered(self) -> bool:
        return bool(self.examples)


@dataclass(frozen=True, slots=True)
class ThresholdCoverage:
    block: str
    rule: str
    file: str
    line: int
    column: int
    source: str  # `share(thap) > 2/3`
    at: tuple[str, ...]  # examples at the boundary (the first count on the true side)
    away: tuple[str, ...]  # examples one vote short of it
    example_at: str = ""
    example_away: str = ""

    @property
    def covered(self) -> bool:
        return bool(self.at) and bool(self.away)


@dataclass(frozen=True, slots=True)
class Coverage:
    ruleset: ast.Resolved
    rules: tuple[RuleCoverage, ...]
    thresholds: tuple[ThresholdCoverage, ...]


def thresholds(cond: ast.Cond) -> Iterator[ast.Compare]:
    """The comparisons of a share or a count of this vote with a number, in reading order."""
    for sub in ast.walk_conds(cond):
        if isinstance(sub, ast.Compare) and sub.op in (">", ">=", "<", "<="):
            pair = (sub.left, sub.right)
            if any(_threshold(a, b) for a, b in (pair, pair[::-1])):
                yield sub


def _threshold(a: ast.Value, b: ast.Value) -> bool:
    return isinstance(a, ast.Share | ast.Count) and not a.previous and isinstance(b, ast.Number)


def _side(compare: ast.Compare, result: Result) -> str | None:
    """Where an evaluated example sits against a threshold: "at", "away" or elsewhere."""
    left, right = compare.left, compare.right
    op: str = compare.op
    if isinstance(left, ast.Number):
        left, right = right, left
        op = {">": "<", ">=": "<=", "<": ">", "<=": ">="}[op]
    assert isinstance(left, ast.Share | ast.Count) and isinstance(right, ast.Number)
    n = sum(result.counts.get(level, 0) for level in left.levels)
    basis = result.basis_value or 0
    if isinstance(left, ast.Share) and basis <= 0:
        return None

    def holds(k: int) -> bool:
        value = Fraction(k, basis) if isinstance(left, ast.Share) else Fraction(k)
        return {">": value > right.value, ">=": value >= right.value}.get(
            op, value < right.value if op == "<" else value <= right.value
        )

    step = 1 if op in (">", ">=") else -1
    if holds(n) and not holds(n - step):
        return "at"
    if not holds(n) and holds(n + step):
        return "away"
    return None


def coverage(ruleset: ast.Resolved) -> Coverage:
    results: list[tuple[str, Result]] = []
    for example in ruleset.examples:
        try:
            results.append((example.name, example_result(ruleset, example)))
        except DataError:
            continue  # `tinnhiem test` reports it
    reading = Reading.of(ruleset)
    questions: Questions | None = None
    try:
        questions = Questions(space_of([reading]), [reading])
    except Undecidable:
        questions = None
    rules: list[RuleCoverage] = []
    found: list[ThresholdCoverage] = []
    for block in ruleset.classifies:
        file = ruleset.origins.get(f"classify:{block.id}", ruleset.path)
        for rule in block.rules:
            reached = tuple(
                name
                for name, result in results
                if result.status == "evaluated" and result.klass(block.id) == rule.id
            )
            gap: str = ""
            why: Message | Foreign | None = None
            if not reached:
                gap, why = _gap(questions, reading, block, rule.id, None)
            rules.append(RuleCoverage(block.id, rule.id, file, rule.span.line, reached, gap, why))
            if rule.when is None:
                continue
            for compare in dict.fromkeys(thresholds(rule.when)):
                evaluated = [(n, r) for n, r in results if r.status == "evaluated"]
                at = tuple(n for n, r in evaluated if _side(compare, r) == "at")
                away = tuple(n for n, r in evaluated if _side(compare, r) == "away")
                example_at = (
                    "" if at else _gap(questions, reading, block, rule.id, (compare, "at"))[0]
                )
                example_away = (
                    "" if away else _gap(questions, reading, block, rule.id, (compare, "away"))[0]
                )
                found.append(
                    ThresholdCoverage(
                        block.id,
                        rule.id,
                        file,
                        compare.span.line,
                        compare.span.column,
                        format_cond(compare),
                        at,
                        away,
                        example_at,
                        example_away,
                    )
                )
    return Coverage(ruleset, tuple(rules), tuple(found))


def _gap(
    questions: Questions | None,
    reading: Reading,
    block: ast.Classify,
    rule: str,
    boundary: tuple[ast.Compare, str] | None,
) -> tuple[str, Message | Foreign | None]:
    """A ready example that fills a gap, or why there is none."""
    if questions is None:
        return "", message("coverage.why_undecidable")
    if boundary is not None:
        # one vote short of a threshold the rule does not match: ask for a tally that gets as
        # far as the rule (no earlier rule matches), whatever class it then gets
        wants = [Want(reading, block, TRIED + rule, boundary)]
    else:
        wants = [Want(reading, block, rule)]
    try:
        answer = questions.ask(wants)
    except Undecidable as undecidable:
        return "", message("coverage.why_undecidable_at", what=undecidable.where)
    if answer.witness is None:
        if answer.status == "impossible":
            return "", message("coverage.why_unreachable")
        if answer.reason:  # the solver's own reason: its code in English, a sentence otherwise
            return "", reason_said(answer.reason)
        return "", message("coverage.why_none_up_to", n=answer.bound)
    name = f"phủ {block.id}.{rule}" + (f" ({boundary[1]})" if boundary else "")
    witness = _own(answer.witness, reading.ruleset)
    klass = rule
    if boundary is not None:  # the class the engine gives it, for the example's `expect`
        result = example_result(reading.ruleset, witness_example(name, witness, block.id, rule))
        klass = result.klass(block.id) or rule
    return example_text(name, witness, block.id, klass), None
