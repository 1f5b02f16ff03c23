"""Each vote's previous vote of the same person, as `previous share(...)` reads it."""

from __future__ import annotations

from collections.abc import Callable

from tinnhiem.rules import ast

from . import conditions as cond
from .conditions import Facts
from .history import History, PreviousVotes
from .model import DataIssue, Dataset, Origin, Tally
from .words import Lang, Said, say

_FIRST: tuple[Facts | None, Said] = (None, cond.NO_PREVIOUS)  # no earlier vote in the data


class PreviousLookup:
    """The facts of each vote's previous vote, or why a rule cannot read one (found once each).

    `facts_of` gives the facts of a vote as the run reads them; `set_aside` says why a previous
    vote does not count (its person was exempt then, or the vote invalid), None when it does.
    """

    def __init__(
        self,
        ruleset: ast.Resolved,
        dataset: Dataset,
        lang: Lang,
        facts_of: Callable[[Tally], Facts],
        set_aside: Callable[[Facts, Tally], Said | None],
    ) -> None:
        self.dataset = dataset
        self.lang = lang
        self.origin = Origin(dataset.path)
        self.facts_of = facts_of
        self.set_aside = set_aside
        self.warnings: list[DataIssue] = []
        self.votes = PreviousVotes.of(dataset, History.of(dataset), ruleset.schedule)
        if ruleset.schedule is not None and self.votes.periods is None and self.votes.years:
            message = say(lang, "previous_by_row")
            self.warnings.append(DataIssue("warning", message, self.origin))
        # what was found for each vote that has an earlier one, or why not; a vote the data
        # starts with (most of them, in a file of one round) is not kept: found again at once
        self._found: dict[int, tuple[Facts | None, Said]] = {}

    def of(self, index: int) -> tuple[Facts | None, Said]:
        """The facts of the previous vote of the vote at `index`, or None and why not."""
        found = self._found.get(index)
        if found is None:
            found = self._find(index)
            if found is not _FIRST:
                self._found[index] = found
        return found

    def _find(self, index: int) -> tuple[Facts | None, Said]:
        at = self.votes.find(index)
        if isinstance(at, tuple):
            return None, at
        if at is None:
            return _FIRST
        before = self.dataset.tallies[at]
        facts = self.facts_of(before)
        aside = self.set_aside(facts, before)
        if aside is not None:
            return None, aside
        return facts, cond.NO_PREVIOUS

    def missing_warnings(self) -> list[DataIssue]:
        """A warning for each vote whose person has an earlier vote, but not of the period."""
        warnings = []
        for index in sorted(self._found):
            facts, said = self._found[index]
            if facts is None and said[0] == "previous_missing":
                origin = self.dataset.tallies[index].origin or self.origin
                message = say(self.lang, "previous_missing_warning", why=said)
                warnings.append(DataIssue("warning", message, Origin(origin.file, origin.row)))
        return warnings
