"""The explainer the runs use: `Explainer`'s words, made once where they repeat.

Most people of a file take one of a few paths through a block, and a block whose conditions read
only the counts of this vote (shares, counts, numbers and functions of them; no attribute, turnout
figure or previous vote) says exactly the same for the same counts of the levels it reads and the
same basis. Such a block's verdict, trace lines and margins are made once per (counts, basis) and
shared by everyone with them; the steps, lines and margins inside are kept once each (a few
thousand in a million people), so that a remembered path costs a few hundred bytes. The other
lines of a person (counts, exemptions the data cannot check, quorum, shares) are put together from
pieces made once per value. `Explainer` itself, which says everything afresh, is the reference a
property test holds this one to, word for word.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from itertools import islice
from typing import TYPE_CHECKING, TypeVar, cast

from tinnhiem.rules import ast

from .conditions import Facts
from .explainer import Explainer, _agree, _file_name, margins_of
from .model import Margin, Result, Shares, Step, Tally, Verdict, new_result, percent_of
from .plan import CompiledBlock, Plan
from .words import say

if TYPE_CHECKING:
    from .evaluate import Runner

K = TypeVar("K")
V = TypeVar("V")
KEPT = 1 << 15  # paths remembered per block, and pieces kept; then the older half is forgotten
# people of distinct counts, basis and derivation of the basis remembered whole (about 1.5 kB
# each, their JSON included); then the older half is forgotten. A million people of the bench's
# file are 54,706 such: at 1 << 15, a memo emptied whenever full said 1 person in 3 afresh and the
# run took 53 s; at 1 << 16, with the older half forgotten, 37 s, its peak 409 -> 445 MB
PEOPLE = 1 << 16

# a block's path: the rule chosen, its verdict with the steps, the trace lines of its steps, its
# margins and their trace lines
Path = tuple[int, Verdict, tuple[str, ...], tuple[Margin, ...], tuple[str, ...]]


def counts_only(block: CompiledBlock) -> bool:
    """Whether the block's conditions read nothing of a person but the counts of this vote and
    the basis (so that its explanation is the same for the same counts and basis)."""
    for compiled in block.rules:
        if compiled.rule.when is None:
            continue
        for value in ast.walk_values(compiled.rule.when):
            if isinstance(value, ast.Share | ast.Count):
                if value.previous:
                    return False
            elif not isinstance(value, ast.Number | ast.Literal_ | ast.Call):
                return False  # an attribute or a turnout figure (a bare one, `is missing`)
    return True


@dataclass(slots=True, eq=False)
class Said:
    """All a person's explanation says that is not the quorum's line, on the usual way (see
    `FastExplainer.explain`): a function of the counts, the basis and how the basis was derived
    (the only inputs of the blocks, the counts line, the basis and shares lines, when every block
    reads only counts and no exemption can be checked), shared by everyone with the same three."""

    decided: tuple[Verdict, ...]  # the run's verdicts this explains
    before: tuple[str, ...]  # the trace before the quorum's line: counts, exemptions unchecked
    after: tuple[str, ...]  # and after it: basis, shares, the blocks, the margins
    verdicts: tuple[Verdict, ...]
    margins: tuple[Margin, ...]
    json: object = None  # its JSON pieces, made once by the writer (`result_json.said_json`)


class FastExplainer(Explainer):
    """`Explainer` with what repeats remembered: see the module's comment."""

    def __init__(self, runner: Runner) -> None:
        super().__init__(runner)
        plan = runner.plan
        ids = [block.block.id for block in plan.blocks]
        # a margin's line names the class of the first block of its id: ids are unique (the
        # checker says so), else nothing is remembered rather than trusting it here
        unique = len(set(ids)) == len(ids)
        self.memos: list[dict[tuple[object, int | None], Path] | None] = [
            {} if unique and counts_only(block) else None for block in plan.blocks
        ]
        # the counts of the levels a block reads, as a key (what `itemgetter` gives)
        self.reads: list[Callable[[Mapping[str, int]], object]] = [
            operator.itemgetter(*block.reads) if block.reads else _nothing for block in plan.blocks
        ]
        self.kept: dict[object, object] = {}
        self.count_heads = {level: f"{runner.label(level)} ({level}) " for level in plan.level_ids}
        self.mapped = any(source != target for source, target in plan.route.items())
        self.unchecked = [
            f"exemption “{compiled.exempt.reason}”: not checked, {not_checked}"
            for compiled, not_checked in runner.exempts
        ]
        self.basis_lines: dict[tuple[str, int], str] = {}
        self.quorum_lines: dict[tuple[int | None, int | None], tuple[str, bool | None]] = {}
        self.share_parts: dict[tuple[str, int, int], str] = {}
        self.heads = _heads(plan)
        self.otherwise = say(self.lang, "else")
        self.sums = _sums(plan)
        self.said: dict[tuple[int | None, ...], tuple[Step, str]] = {}
        # a person said whole, keyed by everything `Said` depends on, when every block reads
        # only counts; `last` is the latest result made from one, with it, for the writer
        whole = unique and all(memo is not None for memo in self.memos)
        self.people: dict[tuple[object, ...], Said] | None = {} if whole else None
        self.last: tuple[Result, Said] | None = None

    def explain(self, index: int, decided: Result) -> Result:
        """`Explainer.explain`, the usual way through (evaluated, no exemption the data can
        check, no level mapped) said with fewer steps and, when every block reads only counts,
        all but the quorum's line remembered per counts, basis and derivation of the basis; any
        other way is `Explainer`'s own."""
        runner = self.runner
        basis = decided.basis_value
        self.last = None
        if decided.status != "evaluated" or runner.checked or self.mapped or not basis:
            return super().explain(index, decided)
        if basis < 0:
            return super().explain(index, decided)
        tally = decided.tally
        quorum = None
        if runner.quorum is not None:
            quorum, met = self._quorum(tally.turnout)
            if met is False:  # the run said evaluated: `Explainer` says they disagree
                return super().explain(index, decided)
        _, derived = runner.basis(tally)
        counts, shares, people = decided.counts, decided.shares, self.people
        whole = (
            people is not None
            and type(basis) is int  # a key's `True` would find a `1`
            and type(shares) is Shares
            and shares.counts is counts
            and shares.basis == basis
        )
        if people is None or not whole:
            said = self._say(index, decided, derived)
        else:
            # the levels too: the lines and the JSON write the counts in their order
            key = (tuple(counts), *counts.values(), basis, derived)
            found = people.get(key)
            if found is not None and found.decided != decided.verdicts:
                _agree(False, tally, "a person of the same counts and basis")
            said = found or _kept(people, key, self._say(index, decided, derived), PEOPLE)
        before, after = said.before, said.after
        result = new_result(
            tally,
            "evaluated",
            None,
            decided.basis_kind,
            basis,
            counts,
            shares,
            said.verdicts,
            said.margins,
            before + after if quorum is None else (*before, quorum, *after),
        )
        if whole:
            self.last = (result, said)
        return result

    def _say(self, index: int, decided: Result, derived: str | None) -> Said:
        counts, basis, kind = decided.counts, decided.basis_value, decided.basis_kind
        assert basis is not None
        before = self._counts_lines(decided.tally, counts) + self.unchecked
        after = [derived or self._basis_line(kind, basis)]
        after.append(self._shares_line(counts, basis, decided.shares, kind))
        verdicts, margins = self._paths(index, decided, after)
        return Said(decided.verdicts, tuple(before), tuple(after), tuple(verdicts), margins)

    # the lines of a person
    def _basis_line(self, kind: str, basis: int) -> str:
        key = (kind, basis)
        found = self.basis_lines.get(key)
        return found or _kept(self.basis_lines, key, f"basis: {kind} = {basis}")

    def _counts_lines(self, tally: Tally, counts: Mapping[str, int]) -> list[str]:
        heads = self.count_heads
        if self.mapped:
            return super()._counts_lines(tally, counts)
        try:
            shown = [heads[level] + str(n) for level, n in counts.items()]
        except KeyError:
            return super()._counts_lines(tally, counts)
        return ["counts: " + ", ".join(shown)]

    def _exempt(self, facts: Facts, trace: list[str]) -> str | None:
        if self.runner.checked:
            return super()._exempt(facts, trace)
        trace += self.unchecked  # no exemption can be checked: the same lines for everyone
        return None

    def _quorum_line(self, turnout: Mapping[str, int]) -> str:
        return self._quorum(turnout)[0]

    def _quorum(self, turnout: Mapping[str, int]) -> tuple[str, bool | None]:
        """The quorum's line and whether it is met: the two figures decide both."""
        quorum = self.runner.quorum
        assert quorum is not None
        key = (turnout.get(quorum.measure), turnout.get(quorum.of))
        found = self.quorum_lines.get(key)
        if found is None:
            found = _kept(self.quorum_lines, key, (quorum.trace(turnout), quorum.met(turnout)))
        return found

    def _shares_line(
        self, counts: Mapping[str, int], basis: int, shares: Mapping[str, Fraction], kind: str
    ) -> str:
        if type(shares) is not Shares or shares.counts is not counts or shares.basis != basis:
            return super()._shares_line(counts, basis, shares, kind)
        parts, label = self.share_parts, self.runner.label
        shown = []
        for level, n in counts.items():
            key = (level, n, basis)
            part = parts.get(key)
            if part is None:
                part = f"{label(level)} {n}/{basis} = {percent_of(n, basis)}%"
                _kept(parts, key, part)
            shown.append(part)
        return f"shares of {kind} {basis}: " + ", ".join(shown)

    # the blocks
    def _blocks(
        self, decided: Result, facts: Facts, trace: list[str]
    ) -> tuple[list[Verdict], tuple[Margin, ...]]:
        return self._paths(-1, decided, trace, facts)

    def _paths(
        self, index: int, decided: Result, trace: list[str], facts: Facts | None = None
    ) -> tuple[list[Verdict], tuple[Margin, ...]]:
        """`Explainer._blocks`, each block's path remembered when it reads only counts; the
        facts of the person (when not given) made only when a path is not remembered."""
        verdicts: list[Verdict] = []
        margins: list[Margin] = []
        tail: list[str] = []
        counts, basis = decided.counts, decided.basis_value
        for b, block, memo, reads, made in zip(
            range(len(self.memos)),
            self.runner.plan.blocks,
            self.memos,
            self.reads,
            decided.verdicts,
            strict=True,
        ):
            path = None if memo is None else memo.get((reads(counts), basis))
            if path is None or path[1].klass != made.klass:
                if path is not None:
                    _agree(False, decided.tally, block.block.id)
                if facts is None:
                    facts = self.runner.facts(index, decided.tally, counts, basis)
                at = block.index[made.klass]
                path = self._path(b, block, at, facts, keep=memo is not None)
                if memo is not None:
                    _kept(memo, (reads(counts), basis), path)
            verdicts.append(path[1])
            trace += path[2]
            margins += path[3]
            tail += path[4]
        trace += tail
        return verdicts, tuple(margins)

    def _path(self, b: int, block: CompiledBlock, at: int, facts: Facts, *, keep: bool) -> Path:
        """A block's path for this person: `Explainer`'s steps and margins, the lines of its
        rules begun by words made once; with `keep`, every piece kept once for all who share it."""
        steps: list[Step] = []
        lines: list[str] = []
        lang, labels, heads = self.lang, self.attr_labels, self.heads
        name = block.block.id
        counts, said = facts.counts, self.said
        for r, compiled in enumerate(block.rules[: at + 1]):
            key: tuple[int | None, ...] | None = None
            if keep and compiled.condition is not None:
                sums = [sum(counts[level] for level in levels) for levels in self.sums[b, r]]
                key = (b, r, facts.basis, *sums)
                found = said.get(key)
                if found is not None:
                    steps.append(found[0])
                    lines.append(found[1])
                    continue
            rule = compiled.rule
            if compiled.condition is None:
                matched, because = True, self.otherwise
            else:
                matched, because = compiled.condition.explain(facts, lang=lang, labels=labels)
            step = Step(name, rule.id, rule.span.line, block.file, matched, because, rule.note)
            line = heads[b, r] + because
            if keep:
                step, line = self._keep(step), self._keep(line)
            if key is not None:
                _kept(said, key, (step, line))
            steps.append(step)
            lines.append(line)
        _agree(steps[-1].matched and not any(s.matched for s in steps[:-1]), facts.tally, name)
        chosen = block.rules[at].verdict
        lines.append(f"→ {name}: {chosen.klass} “{chosen.label}”")
        margins = margins_of(block, facts, at)
        if keep:
            lines[-1] = self._keep(lines[-1])
            margins = [self._keep(margin) for margin in margins]
        verdict = Verdict(
            chosen.block,
            chosen.block_label,
            chosen.klass,
            chosen.label,
            chosen.rule_line,
            chosen.file,
            chosen.note,
            tuple(steps),
        )
        margin_lines = [self._margin_line(m, [verdict]) for m in margins]
        if keep:
            margin_lines = [self._keep(line) for line in margin_lines]
        return at, verdict, tuple(lines), tuple(margins), tuple(margin_lines)

    def _keep(self, piece: V) -> V:
        """The one copy of an equal piece already kept, else this one (kept from now on)."""
        kept = self.kept.get(piece)
        if kept is None:
            _kept(self.kept, piece, piece)
            return piece
        return cast(V, kept)


def _heads(plan: Plan) -> dict[tuple[int, int], str]:
    """(block, rule) -> the start of the rule's line in a trace."""
    heads = {}
    for b, block in enumerate(plan.blocks):
        for r, compiled in enumerate(block.rules):
            rule = compiled.rule
            where = f"{_file_name(block.file)}:{rule.span.line}"
            where += f", {rule.note}" if rule.note else ""
            word = "else" if rule.when is None else "rule"
            head = f"{block.block.id} “{block.block.label}”, {word} {rule.id} “{rule.label}”"
            heads[b, r] = f"{head} ({where}): "
    return heads


def _sums(plan: Plan) -> dict[tuple[int, int], tuple[tuple[str, ...], ...]]:
    """(block, rule) -> the levels each share or count of its condition sums: in a block that
    reads only counts, the words of a rule are those of these sums over the basis."""
    return {
        (b, r): tuple(
            value.levels
            for value in ast.walk_values(compiled.rule.when)
            if isinstance(value, ast.Share | ast.Count)
        )
        for b, block in enumerate(plan.blocks)
        for r, compiled in enumerate(block.rules)
        if compiled.rule.when is not None
    }


def _kept(cache: dict[K, V], key: K, value: V, most: int = 0) -> V:
    """`value`, remembered under `key` in a cache that forgets its older half when it holds
    `most` (`KEPT` unless given): what came last is kept, and the cache is never empty again."""
    most = most or KEPT
    if len(cache) >= most:
        for old in list(islice(cache, (most + 1) // 2)):
            del cache[old]
    cache[key] = value
    return value


def _nothing(counts: Mapping[str, int]) -> None:
    return None
