"""Evaluate a rule set on tallies: levels, exemption, quorum, basis, shares, classes, margins.

The rule set is compiled once into a `Plan` (closures over integers), then each tally goes through
the steps of the design: (a) the data's levels read under the rule set's levels, (b) exemption,
(c) quorum, (d) basis, (e) shares, (f) classes, (g) margins and (h) the trace in words. With
`explain=False` the margins, steps and trace are skipped: that is the path for bulk runs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import PurePath
from typing import Literal

from tinnhiem.rules import ast
from tinnhiem.rules.check_common import COLUMNS, DECLARED, WORDS, Kind
from tinnhiem.rules.check_names import attribute_uses

from . import conditions as cond
from .collector import collector_paused
from .conditions import Facts, Test, Unknown
from .history import History, PreviousVotes
from .in_force import in_force_warnings
from .model import (
    KNOWN_LEVELS,
    DataError,
    DataIssue,
    Dataset,
    Evaluation,
    Margin,
    Origin,
    Result,
    Status,
    Step,
    Tally,
    Verdict,
    capped,
    new_result,
    percent,
)
from .report import build_reports
from .words import Lang, Said, say


def decimal(value: Fraction) -> str:
    """A number rounded half up to two decimals: 94/3 -> '31.33'."""
    return percent(value / 100)


# --- the compiled rule set -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: ast.Rule
    test: Test | None  # None for `else`
    verdict: Verdict  # the verdict this rule gives, without steps (for explain=False)


@dataclass(frozen=True, slots=True)
class CompiledBlock:
    block: ast.Classify
    file: str
    rules: tuple[CompiledRule, ...]
    reads: tuple[str, ...]  # levels of this vote the block reads, in the rule set's order
    directions: Mapping[str, int | None]  # per level read: see `conditions.direction`

    def classify(self, facts: Facts) -> int:
        """The index of the first rule that matches (the `else` when none does)."""
        rules = self.rules
        for index, compiled in enumerate(rules):
            if compiled.test is None or compiled.test(facts):
                return index
        return len(rules) - 1


@dataclass(frozen=True, slots=True)
class CompiledExempt:
    exempt: ast.Exempt
    test: Test  # strict: an unknown value raises
    attrs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """A rule set made ready to evaluate many tallies quickly."""

    ruleset: ast.Resolved
    level_ids: tuple[str, ...]
    route: Mapping[str, str]  # a level of the data -> the level of the rule set it counts as
    exempts: tuple[CompiledExempt, ...]
    blocks: tuple[CompiledBlock, ...]
    uses_previous: bool
    attrs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # attr -> who reads it
    # every attribute read (by an exemption too) -> the kind its use needs, and who uses it so
    needs: Mapping[str, tuple[Kind, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, ruleset: ast.Resolved) -> Plan:
        level_ids = ruleset.levels.ids
        route = {level: level for level in level_ids}
        for m in ruleset.maps:
            if m.target in level_ids:
                route.setdefault(m.source, m.target)
        exempts = tuple(
            CompiledExempt(e, cond.compile_cond(e.when, strict=True), cond.attrs_used(e.when))
            for e in ruleset.exempts
        )
        blocks = tuple(_compile_block(ruleset, b) for b in ruleset.classifies)
        whens = [r.when for b in ruleset.classifies for r in b.rules if r.when is not None]
        readers: dict[str, list[str]] = {}
        for block in ruleset.classifies:
            for rule in block.rules:
                if rule.when is not None:
                    for name in cond.attrs_used(rule.when):
                        readers.setdefault(name, []).append(f"{block.id}.{rule.id}")
        return cls(
            ruleset=ruleset,
            level_ids=level_ids,
            route=route,
            exempts=exempts,
            blocks=blocks,
            uses_previous=any(cond.uses_previous(w) for w in whens),
            attrs={name: tuple(who) for name, who in readers.items()},
            needs=_needs(ruleset),
        )


def _compile_block(ruleset: ast.Resolved, block: ast.Classify) -> CompiledBlock:
    file = ruleset.origins.get(f"classify:{block.id}", ruleset.path)
    rules = tuple(
        CompiledRule(
            rule,
            None if rule.when is None else cond.compile_cond(rule.when),
            Verdict(
                block.id, block.label, rule.id, rule.label, rule.span.line, file, rule.note, ()
            ),
        )
        for rule in block.rules
    )
    whens = [r.when for r in block.rules if r.when is not None]
    read: set[str] = set()
    for when in whens:
        read |= cond.levels_read(when)
    reads = tuple(level for level in ruleset.levels.ids if level in read)
    directions = {level: cond.combine([cond.direction(w, level) for w in whens]) for level in reads}
    return CompiledBlock(block, file, rules, reads, directions)


# --- one run over a dataset ------------------------------------------------------------------


def evaluate(
    ruleset: ast.Resolved, dataset: Dataset, *, explain: bool = True, lang: Lang = "en"
) -> Evaluation:
    """Every tally of `dataset` under `ruleset`; `DataError` if the data cannot be read under it.

    `Evaluation.warnings` holds the engine's warnings only; the dataset's own reading warnings
    stay in `Dataset.warnings`. `lang` is the language of `Step.because` and `Result.reason`
    (see `words`); the trace's own lines are English.
    """
    return evaluate_plan(Plan.of(ruleset), dataset, explain=explain, lang=lang)


def evaluate_plan(
    plan: Plan, dataset: Dataset, *, explain: bool = True, lang: Lang = "en"
) -> Evaluation:
    """`evaluate` with a rule set compiled beforehand."""
    return Runner(plan, dataset, lang).evaluation(explain=explain)


class Shares(Mapping[str, Fraction]):
    """The share of each level (count over basis), each made when read: bulk runs seldom do."""

    __slots__ = ("_basis", "_counts")

    def __init__(self, counts: Mapping[str, int], basis: int) -> None:
        self._counts = counts
        self._basis = basis

    def __getitem__(self, level: str) -> Fraction:
        return Fraction(self._counts[level], self._basis)

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    def __repr__(self) -> str:
        return f"Shares({dict(self)!r})"


class Runner:
    """One rule set over one dataset: checks the data once, then evaluates any of its tallies.

    `evaluation()` gives them all; `result(i, explain=True)` explains one again, which is how a
    comparison or a sweep explains the few people that change after a fast run over everyone.
    """

    def __init__(self, plan: Plan, dataset: Dataset, lang: Lang = "en") -> None:
        self.plan = plan
        self.lang = lang
        self.ruleset = plan.ruleset
        self.dataset = dataset
        self.warnings: list[DataIssue] = []
        self.errors: list[DataIssue] = []
        self.origin = Origin(dataset.path)
        self.labels = {level.id: level.label for level in self.ruleset.levels.levels}
        self.attr_labels = {a.name: a.label for a in self.ruleset.attributes}
        self._check_levels()
        self.present = _attributes_present(dataset)
        self._check_attribute_cells()
        self.exempts = self._usable_exempts()
        # what a bulk run looks at for each person (`_quick`): the exemptions the data can
        # check at all, and the quorum as (measure, of, test) on whole numbers
        self.checked_exempts = any(not_checked is None for _, not_checked in self.exempts)
        self.quorum_test = _quorum_test(plan.ruleset.quorum)
        self._warn_classify_attrs()
        self.warnings += in_force_warnings(self.ruleset, dataset, lang)
        self.history = History.of(dataset) if plan.uses_previous else None
        self._previous: dict[int, tuple[Facts | None, Said]] = {}
        self.votes = None if self.history is None else self._votes()
        # the turnout figures of the quorum some people lack, and how many people lack one
        self.quorum_missing: dict[str, None] = {}
        self.quorum_unchecked = 0
        self.basis_kind = self.ruleset.basis.kind
        # data levels that are exactly the rule set's: their counts need no routing
        self.identity = frozenset(plan.level_ids)

    # (a) levels
    def _check_levels(self) -> None:
        found = dict.fromkeys(self.dataset.levels)
        # each distinct set of levels once (in order of first appearance), not every tally's
        for levels in dict.fromkeys(tuple(tally.counts) for tally in self.dataset.tallies):
            found.update(dict.fromkeys(levels))
        route = self.plan.route
        if self.dataset.kind == "ballots":
            # a mark no ballot carries (a level of another rule set read with this one) is not
            # a level of the data: `compare` reads the same ballots under each rule set's `map`
            tallies = self.dataset.tallies
            found = {
                level: None
                for level in found
                if level in route or any(t.counts.get(level) for t in tallies)
            }
        unknown = [level for level in found if level not in route]
        if unknown:
            raise DataError([self._unknown_level(level) for level in unknown])
        fed = {route[level] for level in found}
        missing = [level for level in self.plan.level_ids if level not in fed]
        if missing and self.dataset.columns:
            raise DataError([self._missing_level(level) for level in missing])
        for level in missing:
            if self.dataset.tallies:
                label = self.label(level)
                message = say(self.lang, "level_counted_zero", level=level, label=label)
                self.warnings.append(DataIssue("warning", message, self.origin))

    def _missing_level(self, level: str) -> DataIssue:
        sources = [m.source for m in self.ruleset.maps if m.target == level]
        also = f" or of a level mapped to it ({', '.join(sources)})" if sources else ""
        found = ", ".join(f'"{c}"' for c in self.dataset.columns)
        message = (
            f"no column for level `{level}` ({self.label(level)}) of rule set "
            f"“{self.ruleset.name}”: expected a header with its id or label{also}; "
            f"the columns found are {found}"
        )
        return DataIssue("error", message, Origin(self.dataset.path, 0, None))

    def _unknown_level(self, level: str) -> DataIssue:
        ruleset = self.ruleset
        ids = ruleset.levels.ids
        target = _guess_target(level, ruleset) or "…"
        label = KNOWN_LEVELS.get(level)
        named = f"`{level}` ({label})" if label else f"`{level}`"
        message = (
            f"the data has level {named}, which rule set “{ruleset.name}” does not have "
            f"(its levels: {', '.join(ids)}); add `map {level} -> {target}` to read it as one "
            "of them"
        )
        return DataIssue("error", message, Origin(self.dataset.path, 0, level))

    def _check_attribute_cells(self) -> None:
        """The cells of attributes the rules read that cannot be used: errors with their rows.

        Those the reader found unclear ("1.234", "31/02/2021"), and text where the rules compare
        the attribute with a number or a date. A column the rules do not read is left alone.
        """
        needs = {name: need for name, need in self.plan.needs.items() if name in self.present}
        if not needs:
            return
        errors = [i for i in self.dataset.unclear if i.origin.column in needs]
        said = {(i.origin.row, i.origin.column) for i in errors}
        for name, (kind, who) in needs.items():
            if kind not in _CHECKED_KINDS:
                continue
            wanted = _CHECKED_KINDS[kind]
            for tally in self.dataset.tallies:
                value = tally.attrs.get(name)
                if value is None or value == "":
                    continue  # an empty cell: the rules say "unknown" for this person
                if isinstance(value, wanted) and isinstance(value, bool) == (kind == "bool"):
                    continue
                origin = tally.origin or self.origin
                if (origin.row, name) in said:
                    continue  # the reader said why already
                message = (
                    f"expected {WORDS[kind]} ({who} compares `{name}` with one), "
                    f"found {cond.show(value)}"
                    if not who.startswith("attribute")
                    else f"expected {WORDS[kind]} ({who}), found {cond.show(value)}"
                )
                errors.append(DataIssue("error", message, Origin(origin.file, origin.row, name)))
        if errors:
            order = {name: at for at, name in enumerate(needs)}
            errors.sort(key=lambda issue: (issue.origin.row, order[issue.origin.column or ""]))
            raise capped(errors, self.dataset.path)

    # (b) exemption: attributes the whole dataset lacks
    def _usable_exempts(self) -> tuple[tuple[CompiledExempt, str | None], ...]:
        usable: list[tuple[CompiledExempt, str | None]] = []
        lacking: dict[str, list[str]] = {}
        for compiled in self.plan.exempts:
            missing = [a for a in compiled.attrs if a not in self.present]
            for name in missing:
                lacking.setdefault(name, []).append(compiled.exempt.reason)
            usable.append((compiled, _no_column(missing[0], self.lang) if missing else None))
        for name, reasons in lacking.items():
            which = ", ".join(f"“{r}”" for r in reasons)
            key = "exempt_unchecked" if len(reasons) == 1 else "exempts_unchecked"
            message = say(self.lang, key, which=which, why=_no_column(name, self.lang))
            self.warnings.append(DataIssue("warning", message, self.origin))
        return tuple(usable)

    def _warn_classify_attrs(self) -> None:
        for name, rules in self.plan.attrs.items():
            if name not in self.present and self.dataset.tallies:
                key = "rule_reads_missing" if len(rules) == 1 else "rules_read_missing"
                why = _no_column(name, self.lang)
                message = say(self.lang, key, rules=", ".join(rules), name=name, why=why)
                self.warnings.append(DataIssue("warning", message, self.origin))

    def evaluation(self, *, explain: bool = True) -> Evaluation:
        """Every tally; `DataError` with every row that cannot be evaluated."""
        self.reset()
        with collector_paused():
            results = tuple(self.results(explain=explain))
            if self.errors:
                raise DataError(self.errors)
            reports = build_reports(self.ruleset, results)
        return Evaluation(self.ruleset, results, reports, self.closing_warnings())

    def reset(self) -> None:
        """Forget what a run noted (errors, people without quorum figures): before a new run."""
        self.errors.clear()
        self.quorum_missing.clear()
        self.quorum_unchecked = 0

    def results(self, *, explain: bool = True) -> Iterator[Result]:
        """Every tally's result in order, made when asked; rows in error go to `errors`."""
        tallies = self.dataset.tallies
        if explain:
            return (self._one(i, t, True) for i, t in enumerate(tallies))
        return map(self._quick, range(len(tallies)), tallies)

    def closing_warnings(self) -> tuple[DataIssue, ...]:
        """The warnings of the data, and those only a whole run can say (people unchecked)."""
        quorum = self.ruleset.quorum
        total = len(self.dataset.tallies)
        warnings = list(self.warnings) + self._missing_previous()
        if quorum is not None and self.quorum_unchecked:
            joined = f" {say(self.lang, 'or')} "
            names = joined.join(f"`{name}`" for name in self.quorum_missing)
            message = say(
                self.lang,
                "quorum_unchecked",
                source=_quorum_source(quorum, self.lang),
                n=self.quorum_unchecked,
                total=total,
                names=names,
            )
            warnings.append(DataIssue("warning", message, self.origin))
        return tuple(warnings)

    def label(self, level: str) -> str:
        return self.labels.get(level, level)

    def counts(self, tally: Tally) -> Mapping[str, int]:
        """The counts under the rule set's levels, in their order, after `map`."""
        given = tally.counts
        if given.keys() == self.identity:
            if tuple(given) == self.plan.level_ids:
                return given  # already the rule set's levels in its order (read, never changed)
            return {level: given[level] for level in self.plan.level_ids}
        counts = dict.fromkeys(self.plan.level_ids, 0)
        route = self.plan.route
        for level, n in tally.counts.items():
            target = route.get(level)
            if target is not None:  # else an unmarked level of ballots: none of its votes
                counts[target] += n
        return counts

    def basis(self, tally: Tally) -> tuple[int | None, str | None]:
        """The basis of a tally and, when derived, how."""
        turnout = tally.turnout
        value = turnout.get(self.basis_kind)
        if value is not None:
            return value, None
        collected, invalid = turnout.get("collected"), turnout.get("invalid")
        if self.basis_kind == "valid" and collected is not None and invalid is not None:
            how = (
                f"basis: valid = collected {collected} − invalid {invalid} = "
                f"{collected - invalid} (the data gives no `valid`)"
            )
            return collected - invalid, how
        return None, None

    def result(self, index: int, *, explain: bool = True) -> Result:
        """The result of one tally of the dataset (by its index)."""
        return self._one(index, self.dataset.tallies[index], explain)

    def _one(self, index: int, tally: Tally, explain: bool) -> Result:
        counts = self.counts(tally)
        basis, derived = self.basis(tally)
        previous, no_previous = self.previous_of(index)
        facts = Facts(
            counts, basis, tally.turnout, tally.attrs, tally.round, previous, no_previous, tally
        )
        facts.present = self.present  # which attributes the data has: `is missing` needs them
        trace: list[str] = []
        if explain:
            trace += self._counts_lines(tally, counts)
        # (b) exemption
        exempt = self._exempt(facts, trace if explain else None)
        if exempt is not None:
            return self._aside(tally, "exempt", exempt, counts, basis, trace)
        # (c) quorum
        failed = self._quorum(tally, trace if explain else None)
        if failed is not None:
            return self._aside(tally, "invalid", failed, counts, basis, trace)
        # (d) basis
        kind = self.basis_kind
        if basis is None:
            self.errors.append(self._missing_basis(index, tally))
            reason = say(self.lang, "basis_missing", kind=kind)
            return self._aside(tally, "invalid", reason, counts, None, trace)
        if explain:
            trace.append(derived or f"basis: {kind} = {basis}")
        if basis <= 0:
            reason = say(self.lang, "basis_zero", kind=kind, basis=basis)
            if explain:
                trace.append(f"→ invalid: {reason}")
            return self._aside(tally, "invalid", reason, counts, basis, trace)
        # (e) shares
        shares = Shares(counts, basis)
        if explain:
            trace.append(self._shares_line(counts, basis, shares))
        # (f) classes
        verdicts: list[Verdict] = []
        chosen: list[int] = []
        for block in self.plan.blocks:
            at = block.classify(facts)
            chosen.append(at)
            if explain:
                verdicts.append(self._verdict(block, at, facts, trace))
            else:
                verdicts.append(block.rules[at].verdict)
        # (g) margins
        margins: tuple[Margin, ...] = ()
        if explain:
            margins = tuple(
                m
                for block, at in zip(self.plan.blocks, chosen, strict=True)
                for m in margins_of(block, facts, at)
            )
            trace += [self._margin_line(m, verdicts) for m in margins]
        # positional: this is the hot path of bulk runs
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

    def _quick(self, index: int, tally: Tally) -> Result:
        """`_one` with `explain=False`, spelled out for bulk runs: no trace, no margins."""
        counts = self.counts(tally)
        basis, _ = self.basis(tally)
        if self.history is None:
            previous, no_previous = None, cond.NO_PREVIOUS
        else:
            previous, no_previous = self.previous_of(index)
        facts = Facts(
            counts, basis, tally.turnout, tally.attrs, tally.round, previous, no_previous, tally
        )
        facts.present = self.present  # which attributes the data has: `is missing` needs them
        if self.checked_exempts:  # none when the data lacks what every exemption reads
            exempt = self._exempt(facts, None)
            if exempt is not None:
                return self._aside(tally, "exempt", exempt, counts, basis, [])
        if self.quorum_test is not None:
            measure, of, met = self.quorum_test
            turnout = tally.turnout
            if measure not in turnout or of not in turnout or not met(turnout):
                failed = self._quorum(tally, None)  # unknown, or not met: says why
                if failed is not None:
                    return self._aside(tally, "invalid", failed, counts, basis, [])
        kind = self.basis_kind
        if basis is None:
            self.errors.append(self._missing_basis(index, tally))
            reason = say(self.lang, "basis_missing", kind=kind)
            return self._aside(tally, "invalid", reason, counts, None, [])
        if basis <= 0:
            reason = say(self.lang, "basis_zero", kind=kind, basis=basis)
            return self._aside(tally, "invalid", reason, counts, basis, [])
        verdicts = tuple([block.rules[block.classify(facts)].verdict for block in self.plan.blocks])
        return new_result(
            tally, "evaluated", None, kind, basis, counts, Shares(counts, basis), verdicts, (), ()
        )

    def _aside(
        self,
        tally: Tally,
        status: Status,
        reason: str,
        counts: Mapping[str, int],
        basis: int | None,
        trace: list[str],
    ) -> Result:
        return Result(
            tally=tally,
            status=status,
            reason=reason,
            basis_kind=self.basis_kind,
            basis_value=basis,
            counts=counts,
            shares={},
            verdicts=(),
            margins=(),
            trace=tuple(trace),
        )

    def _exempt(self, facts: Facts, trace: list[str] | None) -> str | None:
        for compiled, not_checked in self.exempts:
            exempt = compiled.exempt
            name = f"exemption “{exempt.reason}”"
            if not_checked is not None:
                if trace is not None:
                    trace.append(f"{name}: not checked, {not_checked}")
                continue
            try:
                if trace is None:
                    holds = compiled.test(facts)
                else:
                    holds, why = cond.explain(exempt.when, facts, strict=True)
                    trace.append(f"{name}: {why}")
            except Unknown as unknown:
                if trace is not None:
                    trace.append(f"{name}: not checked for this person ({unknown.reason}): no")
                continue
            if holds:
                reason = exempt.reason + (f" ({exempt.note})" if exempt.note else "")
                if trace is not None:
                    trace.append(f"→ exempt: {reason}")
                return reason
        return None

    def _quorum(self, tally: Tally, trace: list[str] | None) -> str | None:
        quorum = self.ruleset.quorum
        if quorum is None:
            return None
        measure, of = tally.turnout.get(quorum.measure), tally.turnout.get(quorum.of)
        if measure is None or of is None:
            lacking = [n for n, v in ((quorum.measure, measure), (quorum.of, of)) if v is None]
            self.quorum_missing.update(dict.fromkeys(lacking))
            self.quorum_unchecked += 1
            if trace is not None:
                names = " or ".join(f"`{name}`" for name in lacking)
                trace.append(f"quorum ({_quorum_source(quorum)}) not checked: no {names}")
            return None
        fraction = quorum.fraction.value
        met = cond.OPS[quorum.op](measure * fraction.denominator, fraction.numerator * of)
        if met and trace is None:
            return None
        sym = cond.SYMBOLS[quorum.op]
        said = f"{quorum.fraction.text} of {quorum.of} = {of} ({decimal(fraction * of)})"
        if trace is not None:
            verdict = "met" if met else "not met"
            trace.append(f"quorum: {quorum.measure} = {measure} {sym} {said}: {verdict}")
        if met:
            return None
        reason = say(
            self.lang,
            "quorum_not_met",
            measure=quorum.measure,
            value=measure,
            sym=sym,
            fraction=quorum.fraction.text,
            of=quorum.of,
            total=of,
            needed=decimal(fraction * of),
        )
        if trace is not None:
            trace.append(f"→ invalid: {reason}")
        return reason

    def _missing_basis(self, index: int, tally: Tally) -> DataIssue:
        kind = self.basis_kind
        message = say(self.lang, "basis_missing_row", who=tally.name or tally.id, kind=kind)
        if kind == "valid":
            message += say(self.lang, "basis_valid_hint")
        row = tally.origin.row if tally.origin else 0
        file = tally.origin.file if tally.origin else self.dataset.path
        return DataIssue("error", message, Origin(file, row))

    # history
    def previous_of(self, index: int) -> tuple[Facts | None, Said]:
        if self.history is None:
            return None, cond.NO_PREVIOUS
        cached = self._previous.get(index)
        if cached is not None:
            return cached
        found = self._previous_of(index)
        self._previous[index] = found
        return found

    def _votes(self) -> PreviousVotes:
        assert self.history is not None
        votes = PreviousVotes.of(self.dataset, self.history, self.ruleset.schedule)
        if self.ruleset.schedule is not None and votes.periods is None and votes.years:
            message = say(self.lang, "previous_by_row")
            self.warnings.append(DataIssue("warning", message, self.origin))
        return votes

    def _previous_of(self, index: int) -> tuple[Facts | None, Said]:
        assert self.history is not None
        tallies = self.dataset.tallies
        assert self.votes is not None
        at = self.votes.find(index)
        if isinstance(at, tuple):
            return None, at
        if at is None:
            return None, cond.NO_PREVIOUS
        before = tallies[at]
        basis, _ = self.basis(before)
        facts = Facts(
            self.counts(before), basis, before.turnout, before.attrs, before.round, tally=before
        )
        if self._exempt(facts, None) is not None:
            return None, ("previous_exempt", {"round": before.round})
        quorum = self.ruleset.quorum
        if quorum is not None and self._quorum_quiet(before) is False:
            return None, ("previous_invalid", {"round": before.round})
        return facts, cond.NO_PREVIOUS

    def _missing_previous(self) -> list[DataIssue]:
        """A warning for each vote whose person has an earlier vote, but not of the period."""
        warnings = []
        for index in sorted(self._previous):
            facts, said = self._previous[index]
            if facts is None and said[0] == "previous_missing":
                origin = self.dataset.tallies[index].origin or self.origin
                message = say(self.lang, "previous_missing_warning", why=said)
                warnings.append(DataIssue("warning", message, Origin(origin.file, origin.row)))
        return warnings

    def _quorum_quiet(self, tally: Tally) -> bool | None:
        quorum = self.ruleset.quorum
        assert quorum is not None
        measure, of = tally.turnout.get(quorum.measure), tally.turnout.get(quorum.of)
        if measure is None or of is None:
            return None
        fraction = quorum.fraction.value
        return cond.OPS[quorum.op](measure * fraction.denominator, fraction.numerator * of)

    # explanations
    def _counts_lines(self, tally: Tally, counts: Mapping[str, int]) -> list[str]:
        shown = ", ".join(f"{self.label(lv)} ({lv}) {n}" for lv, n in counts.items())
        lines = [f"counts: {shown}"]
        route = self.plan.route
        for level, n in tally.counts.items():
            target = route.get(level, level)
            if target != level:
                label = KNOWN_LEVELS.get(level, level)
                lines.append(
                    f"map {level} -> {target}: the data's {n} “{label}” counted as "
                    f"“{self.label(target)}”"
                )
        return lines

    def _shares_line(
        self, counts: Mapping[str, int], basis: int, shares: Mapping[str, Fraction]
    ) -> str:
        label = self.label
        parts = [f"{label(lv)} {counts[lv]}/{basis} = {percent(s)}%" for lv, s in shares.items()]
        return f"shares of {self.basis_kind} {basis}: " + ", ".join(parts)

    def _verdict(self, block: CompiledBlock, at: int, facts: Facts, trace: list[str]) -> Verdict:
        steps: list[Step] = []
        b = block.block
        for compiled in block.rules[: at + 1]:
            rule = compiled.rule
            if rule.when is None:
                matched, because = True, say(self.lang, "else")
            else:
                matched, because = cond.explain(
                    rule.when, facts, lang=self.lang, labels=self.attr_labels
                )
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
        label = self.label(margin.level)
        vote = "vote" if margin.votes == 1 else "votes"
        return (
            f"margin: {margin.votes} {margin.direction} “{label}” ({margin.level}) {vote} would "
            f"move {margin.block} from {now} to {margin.to_class}"
        )


# --- margins ---------------------------------------------------------------------------------


@functools.cache
def _file_name(path: str) -> str:
    """The name of a rules file (parsing the path for every person cost 7% of a JSON run)."""
    return PurePath(path).name


def margins_of(block: CompiledBlock, facts: Facts, at: int) -> list[Margin]:
    """Per level the block reads: the fewest votes more, or fewer, that change the class.

    The basis stays fixed; `more` goes up to the basis, `fewer` down to 0. When the block moves
    one way only in a level (see `conditions.direction`), whether the class has changed is
    monotone in the number of votes, so bisection finds the least; otherwise a linear scan does.
    """
    basis = facts.basis or 0
    counts = facts.counts
    found: list[Margin] = []
    for level in block.reads:
        monotone = block.directions[level] is not None
        for sign, limit in ((1, basis - counts[level]), (-1, counts[level])):
            if limit <= 0:
                continue

            def class_at(k: int, level: str = level, sign: int = sign) -> int:
                moved = dict(counts)
                moved[level] += sign * k
                return block.classify(facts.with_counts(moved))

            least = _least(class_at, at, limit, monotone)
            if least is not None:
                k, to = least
                to_class = block.rules[to].rule.id
                way: Literal["more", "fewer"] = "more" if sign > 0 else "fewer"
                found.append(Margin(block.block.id, level, way, k, to_class))
    return found


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


# --- helpers ---------------------------------------------------------------------------------


def _attributes_present(dataset: Dataset) -> frozenset[str]:
    """Attribute names some tally gives, with `vote_date`/`vote_year` when some vote has them."""
    tallies = dataset.tallies
    names: set[str] = set().union(*(tally.attrs for tally in tallies if tally.attrs))
    # a named column counts when some row fills it: a reader leaves an absent one empty
    names.update(f for f in cond.FIELDS if any(getattr(tally, f) for tally in tallies))
    rounds = {tally.round for tally in tallies}
    empty: dict[str, str] = {}
    if "vote_date" in names or any(cond.vote_date(empty, r) for r in rounds):
        names.update(("vote_date", "vote_year"))
    elif "vote_year" in names or any(cond.vote_year(empty, r) for r in rounds):
        names.add("vote_year")
    return frozenset(names)


def _no_column(name: str, lang: Lang = "en") -> str:
    if name == "vote_date":
        return say(lang, "no_vote_date")
    if name == "vote_year":
        return say(lang, "no_vote_year")
    return say(lang, "no_field_column" if name in cond.FIELDS else "no_column", name=name)


def _quorum_test(
    quorum: ast.Quorum | None,
) -> tuple[str, str, Callable[[Mapping[str, int]], bool]] | None:
    """The quorum as the two turnout figures it reads and a test of them (both given)."""
    if quorum is None:
        return None
    op, measure, of = cond.OPS[quorum.op], quorum.measure, quorum.of
    p, q = quorum.fraction.value.numerator, quorum.fraction.value.denominator

    def met(turnout: Mapping[str, int]) -> bool:
        return bool(op(turnout[measure] * q, p * turnout[of]))

    return measure, of, met


def _quorum_source(quorum: ast.Quorum, lang: Lang = "en") -> str:
    op, fraction = cond.SYMBOLS[quorum.op], quorum.fraction.text
    return say(
        lang, "quorum_source", measure=quorum.measure, op=op, fraction=fraction, of=quorum.of
    )


def _guess_target(level: str, ruleset: ast.Resolved) -> str | None:
    """The level of the rule set a data level most likely reads as: `cao` -> `tn` (Tín nhiệm)."""
    label = KNOWN_LEVELS.get(level, level).casefold()
    best: tuple[int, str] | None = None
    for lv in ruleset.levels.levels:
        own = lv.label.casefold()
        if own and label.startswith(own) and (best is None or len(own) > best[0]):
            best = (len(own), lv.id)
    if best:
        return best[1]
    close = difflib.get_close_matches(level, ruleset.levels.ids, n=1)
    return close[0] if close else None


_CHECKED_KINDS: Mapping[str, tuple[type, ...]] = {
    "number": (int, Fraction),
    "date": (dt.date,),
    "bool": (bool,),  # an attribute declared `yes-no`
}


def _needs(ruleset: ast.Resolved) -> dict[str, tuple[Kind, str]]:
    """Each attribute the rules read, with the kind its first telling use needs and who uses it
    so (the checker has made sure the uses agree)."""
    uses = [(f"exemption “{e.reason}”", e.when) for e in ruleset.exempts]
    uses += [
        (f"rule {block.id}.{rule.id}", rule.when)
        for block in ruleset.classifies
        for rule in block.rules
        if rule.when is not None
    ]
    needs: dict[str, tuple[Kind, str]] = {}
    for who, when in uses:
        for attr, kind in attribute_uses(when):
            name = attr.name
            if name in ast.TURNOUT or name in cond.DERIVED or name in COLUMNS:
                continue
            if name not in needs or (needs[name][0] == "any" and kind != "any"):
                needs[name] = (kind, who)
    for decl in ruleset.attributes:  # a declared type holds for every cell, read or not
        if decl.name not in COLUMNS:
            needs[decl.name] = (
                DECLARED[decl.type],
                f"attribute `{decl.name}` is declared {decl.type}",
            )
    return needs
