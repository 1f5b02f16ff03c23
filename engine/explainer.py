"""The explanation of one person's result, built on demand from the decision of the run.

The run (`Runner.decide`) records what was decided: the status and its reason, the counts, the
basis, and the rule each block chose. `Explainer.explain` walks the same compiled conditions for
one person and writes the trace, the steps and the margins. The yes/no of each step comes from the
conditions' own tests (`conditions.Condition`), and the walk stops at the rule the run chose: an
explanation that disagreed with its decision would be a bug, and raises.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from .conditions import Facts, Unknown
from .model import KNOWN_LEVELS, Margin, Result, Step, Tally, Verdict, new_result, percent
from .plan import CompiledBlock, Linear
from .words import say

if TYPE_CHECKING:
    from .evaluate import Runner


class Explainer:
    """Trace, steps and margins of one person at a time, for the CLI, compare, sweep and the TUI.

    This one says everything afresh for each person: the reference that `FastExplainer` (which
    the runs use) must agree with, word for word (tests/test_explainer_fast.py).
    """

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.lang = runner.lang
        self.attr_labels = {a.name: a.label for a in runner.ruleset.attributes}

    def explain(self, index: int, decided: Result) -> Result:
        """`decided` (the run's result of the tally at `index`) with its explanation."""
        runner = self.runner
        tally = decided.tally
        counts, basis = decided.counts, decided.basis_value
        facts = runner.facts(index, tally, counts, basis)
        trace = self._counts_lines(tally, counts)
        exempt = self._exempt(facts, trace)
        if exempt is not None or decided.status == "exempt":
            _agree(decided.status == "exempt" and exempt == decided.reason, tally, "exemption")
            return _with_trace(decided, trace)
        quorum = runner.quorum
        if quorum is not None:
            trace.append(self._quorum_line(tally.turnout))
            if quorum.met(tally.turnout) is False:
                _agree(decided.status == "invalid", tally, "quorum")
                trace.append(f"→ invalid: {decided.reason}")
                return _with_trace(decided, trace)
        if basis is None:
            return _with_trace(decided, trace)
        _, derived = runner.basis(tally)
        kind = decided.basis_kind
        trace.append(derived or f"basis: {kind} = {basis}")
        if basis <= 0:
            trace.append(f"→ invalid: {decided.reason}")
            return _with_trace(decided, trace)
        shares = decided.shares
        trace.append(self._shares_line(counts, basis, shares, kind))
        verdicts, margins = self._blocks(decided, facts, trace)
        return new_result(
            tally,
            "evaluated",
            None,
            kind,
            basis,
            counts,
            shares,
            tuple(verdicts),
            margins,
            tuple(trace),
        )

    def _blocks(
        self, decided: Result, facts: Facts, trace: list[str]
    ) -> tuple[list[Verdict], tuple[Margin, ...]]:
        """The verdict of each block with its steps (traced), then the margins (traced)."""
        blocks = self.runner.plan.blocks
        chosen = [block.index[v.klass] for block, v in zip(blocks, decided.verdicts, strict=True)]
        verdicts = [
            self._verdict(block, at, facts, trace) for block, at in zip(blocks, chosen, strict=True)
        ]
        margins = tuple(
            m
            for block, at in zip(blocks, chosen, strict=True)
            for m in margins_of(block, facts, at)
        )
        trace += [self._margin_line(m, verdicts) for m in margins]
        return verdicts, margins

    def _quorum_line(self, turnout: Mapping[str, int]) -> str:
        assert self.runner.quorum is not None
        return self.runner.quorum.trace(turnout)

    def _exempt(self, facts: Facts, trace: list[str]) -> str | None:
        """The reason of the exemption that holds, if one does, each checked one traced."""
        for compiled, not_checked in self.runner.exempts:
            exempt = compiled.exempt
            name = f"exemption “{exempt.reason}”"
            if not_checked is not None:
                trace.append(f"{name}: not checked, {not_checked}")
                continue
            assert compiled.condition is not None
            try:
                holds, why = compiled.condition.explain(facts, strict=True)
            except Unknown as unknown:
                trace.append(f"{name}: not checked for this person ({unknown.reason}): no")
                continue
            trace.append(f"{name}: {why}")
            if holds:
                reason = exempt.reason + (f" ({exempt.note})" if exempt.note else "")
                trace.append(f"→ exempt: {reason}")
                return reason
        return None

    def _counts_lines(self, tally: Tally, counts: Mapping[str, int]) -> list[str]:
        label = self.runner.label
        shown = ", ".join(f"{label(lv)} ({lv}) {n}" for lv, n in counts.items())
        lines = [f"counts: {shown}"]
        route = self.runner.plan.route
        for level, n in tally.counts.items():
            target = route.get(level, level)
            if target != level:
                known = KNOWN_LEVELS.get(level, level)
                lines.append(
                    f"map {level} -> {target}: the data's {n} “{known}” counted as "
                    f"“{label(target)}”"
                )
        return lines

    def _shares_line(
        self, counts: Mapping[str, int], basis: int, shares: Mapping[str, Fraction], kind: str
    ) -> str:
        label = self.runner.label
        parts = [f"{label(lv)} {counts[lv]}/{basis} = {percent(s)}%" for lv, s in shares.items()]
        return f"shares of {kind} {basis}: " + ", ".join(parts)

    def _verdict(self, block: CompiledBlock, at: int, facts: Facts, trace: list[str]) -> Verdict:
        """The steps of a block up to the rule the run chose (`at`), which must be the first
        whose condition holds."""
        steps: list[Step] = []
        b = block.block
        lang, labels = self.lang, self.attr_labels
        for compiled in block.rules[: at + 1]:
            rule = compiled.rule
            if compiled.condition is None:
                matched, because = True, say(lang, "else")
            else:
                matched, because = compiled.condition.explain(facts, lang=lang, labels=labels)
            steps.append(
                Step(b.id, rule.id, rule.span.line, block.file, matched, because, rule.note)
            )
            # the file by its name, as the TUI shows it (`Step.file` keeps the whole path)
            where = f"{_file_name(block.file)}:{rule.span.line}"
            where += f", {rule.note}" if rule.note else ""
            word = "else" if rule.when is None else "rule"
            trace.append(
                f"{b.id} “{b.label}”, {word} {rule.id} “{rule.label}” ({where}): {because}"
            )
        _agree(steps[-1].matched and not any(s.matched for s in steps[:-1]), facts.tally, b.id)
        chosen = block.rules[at].verdict
        trace.append(f"→ {b.id}: {chosen.klass} “{chosen.label}”")
        return Verdict(
            chosen.block,
            chosen.block_label,
            chosen.klass,
            chosen.label,
            chosen.rule_line,
            chosen.file,
            chosen.note,
            tuple(steps),
        )

    def _margin_line(self, margin: Margin, verdicts: list[Verdict]) -> str:
        now = next(v.klass for v in verdicts if v.block == margin.block)
        label = self.runner.label(margin.level)
        vote = "vote" if margin.votes == 1 else "votes"
        return (
            f"margin: {margin.votes} {margin.direction} “{label}” ({margin.level}) {vote} would "
            f"move {margin.block} from {now} to {margin.to_class}"
        )


def _agree(agrees: bool, tally: Tally | None, what: str) -> None:
    """An explanation that disagrees with the decision it explains is a bug: never shown."""
    if not agrees:
        who = tally.id if tally is not None else "?"
        raise AssertionError(f"the explanation of {who} disagrees with the run ({what})")


def _with_trace(decided: Result, trace: list[str]) -> Result:
    return new_result(
        decided.tally,
        decided.status,
        decided.reason,
        decided.basis_kind,
        decided.basis_value,
        decided.counts,
        decided.shares,
        decided.verdicts,
        decided.margins,
        tuple(trace),
    )


@functools.cache
def _file_name(path: str) -> str:
    """The name of a rules file (parsing the path for every person cost 7% of a JSON run)."""
    return PurePath(path).name


# --- margins ---------------------------------------------------------------------------------


def margins_of(block: CompiledBlock, facts: Facts, at: int) -> list[Margin]:
    """Per level the block reads: the fewest votes more, or fewer, that change the class.

    The basis stays fixed; `more` goes up to the basis, `fewer` down to 0. When the block moves
    one way only in a level (see `conditions.direction`), whether the class has changed is
    monotone in the number of votes, so bisection finds the least; otherwise a linear scan does.
    """
    basis = facts.basis or 0
    counts = facts.counts
    found: list[Margin] = []
    if not block.reads:
        return found
    # one copy of the counts, moved in place by each probe (a probe is a classification)
    moved = dict(counts)
    probing = facts.with_counts(moved)
    classify = block.classify
    for level in block.reads:
        monotone = block.directions[level] is not None
        here = counts[level]
        for sign, limit in ((1, basis - here), (-1, here)):
            if limit <= 0:
                continue

            def class_at(k: int, level: str = level, start: int = here, sign: int = sign) -> int:
                moved[level] = start + sign * k
                return classify(probing)

            linear = block.linear.get(level)
            if linear is None:
                least = _least(class_at, at, limit, monotone)
            else:
                least = _first_change(
                    class_at, at, _thresholds(linear, counts, basis, level, sign, limit)
                )
            moved[level] = here
            if least is not None:
                k, to = least
                to_class = block.rules[to].rule.id
                way: Literal["more", "fewer"] = "more" if sign > 0 else "fewer"
                found.append(Margin(block.block.id, level, way, k, to_class))
    return found


def _thresholds(
    linear: tuple[Linear, ...],
    counts: Mapping[str, int],
    basis: int,
    level: str,
    sign: int,
    limit: int,
) -> list[int]:
    """Where, in 1..limit votes more (sign 1) or fewer (-1) of `level`, one of the comparisons
    may turn: `n op t` with n = n0 + sign * m * k turns at k = floor(x) + 1 or ceil(x) (and
    `==` at x and x + 1), x = (t - n0) / (sign * m). Between two of these the class stays."""
    found: list[int] = []
    for atom in linear:
        levels = atom.levels
        n0 = counts[level] if len(levels) == 1 else sum(counts[lv] for lv in levels)
        # sign * m * k = t - n0, with t = p * basis / q (a share) or p / q (a count)
        q = atom.q
        numerator = sign * ((atom.p * basis if atom.share else atom.p) - n0 * q)
        denominator = q * atom.times
        floor = numerator // denominator
        ceil = -(-numerator // denominator)
        found += (floor, floor + 1) if floor == ceil else (floor, floor + 1, ceil, ceil + 1)
    return sorted({k for k in found if 0 < k <= limit})


def _first_change(
    probe: Callable[[int], int], now: int, candidates: list[int]
) -> tuple[int, int] | None:
    """The first candidate where `probe` differs from `now` (every change is at a candidate)."""
    for k in candidates:
        to = probe(k)
        if to != now:
            return k, to
    return None


def _least(
    probe: Callable[[int], int], now: int, limit: int, monotone: bool
) -> tuple[int, int] | None:
    """The least k in 1..limit where `probe(k)` differs from `now`, and what it is there."""
    if not monotone:
        for k in range(1, limit + 1):
            to = probe(k)
            if to != now:
                return k, to
        return None
    top = probe(limit)
    if top == now:
        return None
    low, high, high_class = 0, limit, top  # unchanged at low, changed at high
    while high - low > 1:
        middle = (low + high) // 2
        to = probe(middle)
        if to == now:
            low = middle
        else:
            high, high_class = middle, to
    return high, high_class
