"""Move one threshold of one rule over a range and watch who flips class at each step."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from tinnhiem.rules import ast
from tinnhiem.rules.messages import Message, message

from . import conditions as cond
from .evaluate import Plan, Runner
from .model import Dataset, Tally


class SweepError(ValueError):
    """The rule to sweep does not exist, or has no single threshold to move; `said` says it in
    the reader's language (`str()` is English)."""

    def __init__(self, said: Message) -> None:
        super().__init__(str(said))
        self.said = said


class ThresholdChoice(SweepError):
    """The rule has several thresholds and none was picked: `count` of them, 1-based."""

    def __init__(self, said: Message, count: int) -> None:
        super().__init__(said)
        self.count = count


@dataclass(frozen=True, slots=True)
class Flip:
    tally: Tally
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class SweepStep:
    """The block's classes with the threshold at `value`, and who moved since the step before."""

    value: Fraction
    counts: Mapping[str, int]  # class -> people evaluated, every class of the block listed
    flips: tuple[Flip, ...]


@dataclass(frozen=True, slots=True)
class SweepResult:
    ruleset: ast.Resolved
    block: str
    rule: str
    threshold: ast.Compare  # the comparison whose number moves, as written
    classes: tuple[str, ...]  # the block's classes in order
    labels: Mapping[str, str]
    steps: tuple[SweepStep, ...]
    exempt: int = 0  # people exempt at every step (the threshold cannot change that)
    invalid: int = 0

    @property
    def original(self) -> Fraction:
        """The threshold as the rules file sets it."""
        number = self.threshold.right
        if not isinstance(number, ast.Number):
            number = self.threshold.left
        assert isinstance(number, ast.Number)
        return number.value


def _find_rule(ruleset: ast.Resolved, rule: str) -> tuple[ast.Classify, ast.Rule]:
    block_id, _, rule_id = rule.partition(".")
    block = ruleset.block(block_id)
    if block is None:
        names = [b.id for b in ruleset.classifies]
        raise SweepError(
            message("sweep_error.no_block", block=block_id, more=_did_you_mean(block_id, names))
        )
    found = next((r for r in block.rules if r.id == rule_id), None)
    if found is None:
        names = [r.id for r in block.rules]
        more = _did_you_mean(rule_id, names)
        raise SweepError(message("sweep_error.no_rule", block=block_id, rule=rule_id, more=more))
    return block, found


def _did_you_mean(name: str, names: list[str]) -> Message | str:
    close = difflib.get_close_matches(name, names, n=1)
    known = message("sweep_error.known", names=", ".join(names)) if names else ""
    return message("sweep_error.did_you_mean", name=close[0]) if close else known


def thresholds(when: ast.Cond) -> list[ast.Compare]:
    """The comparisons of a share (or a rounded share) with a number in a condition, in order."""
    found = []
    for atom in cond.conditions(when):
        if isinstance(atom, ast.Compare):
            sides = (atom.left, atom.right)
            if any(_is_share(s) for s in sides) and any(isinstance(s, ast.Number) for s in sides):
                found.append(atom)
    return found


def _is_share(value: ast.Value) -> bool:
    return isinstance(value, ast.Share) or (isinstance(value, ast.Call) and value.func == "rounded")


def _replace(node: ast.Cond, target: ast.Compare, value: Fraction) -> ast.Cond:
    if node is target:
        number = ast.Number(value, str(value))
        if isinstance(target.right, ast.Number):
            return dataclasses.replace(target, right=number)
        return dataclasses.replace(target, left=number)
    if isinstance(node, ast.And | ast.Or):
        return dataclasses.replace(
            node, operands=tuple(_replace(c, target, value) for c in node.operands)
        )
    if isinstance(node, ast.Not):
        return dataclasses.replace(node, operand=_replace(node.operand, target, value))
    return node


def with_threshold(
    ruleset: ast.Resolved, block: ast.Classify, rule: ast.Rule, target: ast.Compare, value: Fraction
) -> ast.Resolved:
    """The rule set with the number of one comparison set to `value`."""
    assert rule.when is not None
    new_rule = dataclasses.replace(rule, when=_replace(rule.when, target, value))
    new_block = dataclasses.replace(
        block, rules=tuple(new_rule if r is rule else r for r in block.rules)
    )
    classifies = tuple(new_block if b is block else b for b in ruleset.classifies)
    return dataclasses.replace(ruleset, classifies=classifies)


MAX_STEPS = 1000  # each step evaluates everyone again


def step_count(start: Fraction, stop: Fraction, step: Fraction) -> int:
    """How many values start, start + step, ... up to stop (included) makes; a `SweepError` for
    a range that is not one: a threshold is a share, from 0 to 1."""
    if not (0 <= start <= 1 and 0 <= stop <= 1):
        raise SweepError(message("sweep_error.range"))
    if step <= 0:
        raise SweepError(message("sweep_error.step"))
    if start > stop:
        raise SweepError(message("sweep_error.order"))
    count = int((stop - start) / step) + 1
    if count == 1 and start < stop:
        raise SweepError(message("sweep_error.step_too_big"))
    if count > MAX_STEPS:
        raise SweepError(message("sweep_error.too_many", n=count, max=MAX_STEPS))
    return count


def values(start: Fraction, stop: Fraction, step: Fraction) -> list[Fraction]:
    """start, start + step, ... up to stop included."""
    return [start + i * step for i in range(step_count(start, stop, step))]


def sweep(
    ruleset: ast.Resolved,
    dataset: Dataset,
    rule: str = "consequence.review",
    start: Fraction = Fraction(2, 5),
    stop: Fraction = Fraction(7, 10),
    step: Fraction = Fraction(1, 100),
    *,
    which: int | None = None,
) -> SweepResult:
    """Set the threshold of `rule` ("block.rule") to each value from `start` to `stop`.

    The threshold is the number a share is compared with in the rule's condition; when there are
    several (`share(thap) > 1/2 and share(thap) < 2/3`), `which` (1-based) picks one.
    """
    block, found = _find_rule(ruleset, rule)
    if found.when is None:
        raise SweepError(message("sweep_error.else", rule=rule))
    candidates = thresholds(found.when)
    if not candidates:
        raise SweepError(message("sweep_error.no_threshold", rule=rule))
    if which is None and len(candidates) > 1:
        shown = "; ".join(f"{i}: {cond.cond_source(c)}" for i, c in enumerate(candidates, 1))
        choose = message("sweep_error.choose", rule=rule, n=len(candidates), shown=shown)
        raise ThresholdChoice(choose, len(candidates))
    index = (which or 1) - 1
    if not 0 <= index < len(candidates):
        raise SweepError(message("sweep_error.which", rule=rule, n=len(candidates), which=which))
    target = candidates[index]
    classes = tuple(r.id for r in block.rules)
    steps: list[SweepStep] = []
    before: list[str | None] | None = None
    exempt = invalid = 0
    for value in values(start, stop, step):
        changed = with_threshold(ruleset, block, found, target, value)
        evaluation = Runner(Plan.of(changed), dataset).evaluation(explain=False)
        now = [r.klass(block.id) if r.status == "evaluated" else None for r in evaluation.results]
        counts = dict.fromkeys(classes, 0)
        for klass in now:
            if klass is not None:
                counts[klass] += 1
        flips: list[Flip] = []
        if before is not None:
            for result, old, new in zip(evaluation.results, before, now, strict=True):
                if old is not None and new is not None and old != new:
                    flips.append(Flip(result.tally, old, new))
        else:
            exempt = sum(r.status == "exempt" for r in evaluation.results)
            invalid = sum(r.status == "invalid" for r in evaluation.results)
        steps.append(SweepStep(value, counts, tuple(flips)))
        before = now
    return SweepResult(
        ruleset=ruleset,
        block=block.id,
        rule=found.id,
        threshold=target,
        classes=classes,
        labels={r.id: r.label for r in block.rules},
        steps=tuple(steps),
        exempt=exempt,
        invalid=invalid,
    )
