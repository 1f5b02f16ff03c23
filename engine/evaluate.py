"""Evaluate a rule set on tallies: levels, exemption, quorum, basis, shares, classes, margins.

The rule set is compiled once into a `Plan` (closures over integers). One classification pass
(`Runner.decide`) goes through the steps of the design for each tally: (a) the data's levels read
under the rule set's levels (checked once, `checks`), (b) exemption, (c) quorum, (d) basis,
(e) shares and (f) classes, and records what it decided in a `Result` without a trace. The
explanation, (g) margins and (h) the trace in words, is built on demand for one person from that
decision (`Explainer`): for every person of a run with `explain=True`, for the one the TUI shows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import compress

from tinnhiem.rules import ast

from . import conditions as cond
from .bulk import Pass
from .checks import DataChecks
from .collector import collector_paused
from .conditions import Facts, Unknown
from .explainer import margins_of
from .explainer_fast import FastExplainer
from .history import several_rounds
from .in_force import in_force_warnings
from .model import (
    DataError,
    DataIssue,
    Dataset,
    Evaluation,
    Origin,
    Result,
    Shares,
    Status,
    Tally,
    new_result,
)
from .plan import CompiledBlock, CompiledExempt, CompiledRule, Plan
from .previous import PreviousLookup
from .quorum import Quorum, decimal
from .report import build_reports
from .words import Lang, Said, say

__all__ = [
    "CompiledBlock",
    "CompiledExempt",
    "CompiledRule",
    "Plan",
    "Runner",
    "Shares",
    "decimal",
    "evaluate",
    "evaluate_plan",
    "margins_of",
]


def evaluate(
    ruleset: ast.Resolved, dataset: Dataset, *, explain: bool = True, lang: Lang = "en"
) -> Evaluation:
    """Every tally of `dataset` under `ruleset`; `DataError` if the data cannot be read under it.

    `Evaluation.warnings` holds the engine's warnings only; the dataset's own reading warnings
    stay in `Dataset.warnings`. `lang` is the language of `Step.because` and `Result.reason`
    (see `words`); the trace's own lines are English. `Evaluation.explain(i)` explains one
    person of a run made with `explain=False`.
    """
    return evaluate_plan(Plan.of(ruleset), dataset, explain=explain, lang=lang)


def evaluate_plan(
    plan: Plan, dataset: Dataset, *, explain: bool = True, lang: Lang = "en"
) -> Evaluation:
    """`evaluate` with a rule set compiled beforehand."""
    return Runner(plan, dataset, lang).evaluation(explain=explain)


class Runner:
    """One rule set over one dataset: checks the data once, then decides any of its tallies.

    `evaluation()` gives them all; `result(i)` and `explain(i)` explain one again, which is how
    a comparison, a sweep or the TUI explains the few people it shows after a fast run.
    """

    def __init__(self, plan: Plan, dataset: Dataset, lang: Lang = "en") -> None:
        self.plan = plan
        self.lang = lang
        self.ruleset = ruleset = plan.ruleset
        self.dataset = dataset
        self.errors: list[DataIssue] = []
        self.origin = Origin(dataset.path)
        self.labels = {level.id: level.label for level in ruleset.levels.levels}
        checks = DataChecks(plan, dataset, lang)
        self.warnings: list[DataIssue] = checks.warnings
        self.present = checks.present
        self.exempts = checks.exempts
        # what the run looks at for each person: the exemptions the data can check at all
        self.checked = tuple(compiled for compiled, unchecked in self.exempts if not unchecked)
        self.quorum = None if ruleset.quorum is None else Quorum(ruleset.quorum)
        self.warnings += in_force_warnings(ruleset, dataset, lang)
        self.previous: PreviousLookup | None = None
        if plan.uses_previous:
            self.previous = PreviousLookup(ruleset, dataset, lang, self._own_facts, self._aside)
            self.warnings += self.previous.warnings
        # the turnout figures of the quorum some people lack, and how many people lack one
        self.quorum_missing: dict[str, None] = {}
        self.quorum_unchecked = 0
        self.basis_kind = ruleset.basis.kind
        # data levels that are exactly the rule set's: their counts need no routing
        self.identity = frozenset(plan.level_ids)
        self.explainer = FastExplainer(self)
        self.bulk = Pass(self)  # the classification pass over integers

    def evaluation(self, *, explain: bool = True) -> Evaluation:
        """Every tally; `DataError` with every row that cannot be evaluated.

        The results of the people the pass decided are made when read (`Results`)."""
        self.reset()
        tallies = self.dataset.tallies
        with collector_paused():
            keys = self.bulk.keys()
            # the people the pass left, decided the exact way, in order (their notes in order)
            left = compress(range(len(keys)), map((0).__gt__, keys))
            made = {index: self.decide(index, tallies[index]) for index in left}
            if self.errors:
                raise DataError(self.errors)
            if explain:
                build = self.bulk.build
                made = {
                    index: self.explainer.explain(index, made.get(index) or build(tally, key))
                    for index, (tally, key) in enumerate(zip(tallies, keys, strict=True))
                }
            results = self.bulk.results(keys, made, explained=explain)
            reports = build_reports(self.ruleset, results)
        return Evaluation(self.ruleset, results, reports, self.closing_warnings(), self.explain)

    def reset(self) -> None:
        """Forget what a run noted (errors, people without quorum figures): before a new run."""
        self.errors.clear()
        self.quorum_missing.clear()
        self.quorum_unchecked = 0

    def results(
        self, *, explain: bool = True, keys: Sequence[int] | None = None
    ) -> Iterator[Result]:
        """Every tally's result in order, made when asked; rows in error go to `errors`.
        `keys`: the pass's, when already run."""
        tallies = self.dataset.tallies
        keys = self.bulk.keys() if keys is None else keys
        decided = map(self._decided, range(len(tallies)), tallies, keys)
        if explain:
            return map(self.explainer.explain, range(len(tallies)), decided)
        return decided

    def _decided(self, index: int, tally: Tally, key: int) -> Result:
        """The result of the pass's key; the exact path's when the pass left it (-1)."""
        return self.decide(index, tally) if key < 0 else self.bulk.build(tally, key)

    def result(self, index: int, *, explain: bool = True) -> Result:
        """The result of one tally of the dataset (by its index)."""
        decided = self.decide(index, self.dataset.tallies[index])
        return self.explainer.explain(index, decided) if explain else decided

    def explain(self, index: int) -> Result:
        """The result of one tally with its explanation, noting nothing for the run's warnings."""
        decided = self.decide(index, self.dataset.tallies[index], note=False)
        return self.explainer.explain(index, decided)

    def closing_warnings(self) -> tuple[DataIssue, ...]:
        """The warnings of the data, and those only a whole run can say (people unchecked)."""
        quorum = self.quorum
        total = len(self.dataset.tallies)
        warnings = list(self.warnings)
        if self.previous is not None:
            warnings += self.previous.missing_warnings()
        if quorum is not None and self.quorum_unchecked:
            joined = f" {say(self.lang, 'or')} "
            names = joined.join(f"`{name}`" for name in self.quorum_missing)
            # a vote without the figures is counted: on data of several rounds, votes, not people
            votes = several_rounds(self.dataset.tallies)
            message = say(
                self.lang,
                "quorum_unchecked_votes" if votes else "quorum_unchecked",
                source=quorum.describe(self.lang),
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

    def facts(
        self, index: int, tally: Tally, counts: Mapping[str, int], basis: int | None
    ) -> Facts:
        """What the conditions read of the tally at `index`, its previous vote included."""
        if self.previous is None:
            previous, no_previous = None, cond.NO_PREVIOUS
        else:
            previous, no_previous = self.previous.of(index)
        facts = Facts(
            counts, basis, tally.turnout, tally.attrs, tally.round, previous, no_previous, tally
        )
        facts.present = self.present  # which attributes the data has: `is missing` needs them
        return facts

    # the classification pass
    def decide(self, index: int, tally: Tally, note: bool = True) -> Result:
        """What the rules decide for the tally at `index`, without explanation; with `note`,
        a row without a basis goes to `errors` and a quorum left unchecked is counted."""
        counts = self.counts(tally)
        basis, _ = self.basis(tally)
        facts = self.facts(index, tally, counts, basis)
        if self.checked:  # none when the data lacks what every exemption reads
            exempt = self.exempt_of(facts)
            if exempt is not None:
                return self._set_aside(tally, "exempt", exempt, counts, basis)
        quorum = self.quorum
        if quorum is not None:
            met = quorum.met(tally.turnout)
            if met is False:
                reason = quorum.reason(tally.turnout, self.lang)
                return self._set_aside(tally, "invalid", reason, counts, basis)
            if met is None and note:
                self.quorum_missing.update(dict.fromkeys(quorum.lacking(tally.turnout)))
                self.quorum_unchecked += 1
        kind = self.basis_kind
        if basis is None:
            if note:
                self.errors.append(self._missing_basis(tally))
            reason = say(self.lang, "basis_missing", kind=kind)
            return self._set_aside(tally, "invalid", reason, counts, None)
        if basis <= 0:
            reason = say(self.lang, "basis_zero", kind=kind, basis=basis)
            return self._set_aside(tally, "invalid", reason, counts, basis)
        verdicts = tuple([block.rules[block.classify(facts)].verdict for block in self.plan.blocks])
        # positional: this is the hot path of bulk runs
        return new_result(
            tally, "evaluated", None, kind, basis, counts, Shares(counts, basis), verdicts, (), ()
        )

    def exempt_of(self, facts: Facts) -> str | None:
        """The reason of the first exemption that holds; one the data cannot tell holds not."""
        for compiled in self.checked:
            try:
                holds = compiled.test(facts)
            except Unknown:
                continue
            if holds:
                exempt = compiled.exempt
                return exempt.reason + (f" ({exempt.note})" if exempt.note else "")
        return None

    def _set_aside(
        self,
        tally: Tally,
        status: Status,
        reason: str,
        counts: Mapping[str, int],
        basis: int | None,
    ) -> Result:
        return new_result(tally, status, reason, self.basis_kind, basis, counts, {}, (), (), ())

    def _missing_basis(self, tally: Tally) -> DataIssue:
        kind = self.basis_kind
        message = say(self.lang, "basis_missing_row", who=tally.name or tally.id, kind=kind)
        if kind == "valid":
            message += say(self.lang, "basis_valid_hint")
        row = tally.origin.row if tally.origin else 0
        file = tally.origin.file if tally.origin else self.dataset.path
        return DataIssue("error", message, Origin(file, row))

    # the previous vote, as `previous share(...)` reads it
    def _own_facts(self, tally: Tally) -> Facts:
        """The facts of a previous vote: its own counts and basis, no vote before it."""
        basis, _ = self.basis(tally)
        return Facts(
            self.counts(tally), basis, tally.turnout, tally.attrs, tally.round, tally=tally
        )

    def _aside(self, facts: Facts, tally: Tally) -> Said | None:
        """Why a previous vote does not count: its person was exempt, or the vote invalid."""
        if self.exempt_of(facts) is not None:
            return ("previous_exempt", {"round": tally.round})
        if self.quorum is not None and self.quorum.met(tally.turnout) is False:
            return ("previous_invalid", {"round": tally.round})
        return None
