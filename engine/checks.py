"""What a rule set needs of a dataset, checked once before anyone is evaluated.

The data's levels read under the rule set's levels, the cells of attributes the rules read, and
the warnings about what the whole dataset lacks (a level, an attribute an exemption reads).
"""

from __future__ import annotations

import difflib

from tinnhiem.rules import ast
from tinnhiem.rules.check_common import WORDS
from tinnhiem.rules.messages import message

from . import conditions as cond
from .model import KNOWN_LEVELS, DataError, DataIssue, Dataset, Origin, Seen, capped
from .plan import CHECKED_KINDS, CompiledExempt, Plan
from .words import Lang, say


class DataChecks:
    """The checks of `dataset` under `plan`: `DataError` when it cannot be read under it, else
    `warnings`, the attributes `present` and the exemptions with why each cannot be checked."""

    def __init__(self, plan: Plan, dataset: Dataset, lang: Lang = "en") -> None:
        self.plan = plan
        self.ruleset = plan.ruleset
        self.dataset = dataset
        self.lang = lang
        self.origin = Origin(dataset.path)
        self.warnings: list[DataIssue] = []
        self.labels = {level.id: level.label for level in self.ruleset.levels.levels}
        self.seen = Seen.of(dataset.tallies)
        self._check_levels()
        self.present = attributes_present(self.seen)
        self._check_attribute_cells()
        self.exempts = self._usable_exempts()
        self._warn_classify_attrs()

    def label(self, level: str) -> str:
        return self.labels.get(level, level)

    def _check_levels(self) -> None:
        found = dict.fromkeys(self.dataset.levels)
        # each distinct set of levels once (in order of first appearance), not every tally's
        for levels in self.seen.level_sets:
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
        also = message("levels.or_mapped", sources=", ".join(sources)) if sources else ""
        found = ", ".join(f'"{c}"' for c in self.dataset.columns)
        said = message(
            "levels.no_column",
            level=level,
            label=self.label(level),
            ruleset=self.ruleset.name,
            also=also,
            found=found,
        )
        return DataIssue.of("error", said, Origin(self.dataset.path, 0, None))

    def _unknown_level(self, level: str) -> DataIssue:
        ruleset = self.ruleset
        ids = ruleset.levels.ids
        target = _guess_target(level, ruleset) or "…"
        label = KNOWN_LEVELS.get(level)
        named = f"`{level}` ({label})" if label else f"`{level}`"
        said = message(
            "levels.unknown",
            named=named,
            ruleset=ruleset.name,
            ids=", ".join(ids),
            level=level,
            target=target,
        )
        return DataIssue.of("error", said, Origin(self.dataset.path, 0, level))

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
        checked = [
            (name, kind, who, CHECKED_KINDS[kind])
            for name, (kind, who) in needs.items()
            if kind in CHECKED_KINDS
        ]
        # one pass over the tallies (a file read into columns makes each tally when asked)
        for tally in self.dataset.tallies if checked else ():
            for name, kind, who, wanted in checked:
                value = tally.attrs.get(name)
                if value is None or value == "":
                    continue  # an empty cell: the rules say "unknown" for this person
                if isinstance(value, wanted) and isinstance(value, bool) == (kind == "bool"):
                    continue
                origin = tally.origin or self.origin
                if (origin.row, name) in said:
                    continue  # the reader said why already
                found = cond.show(value)
                wrong = (
                    message("cell.declared", kind=WORDS[kind], who=who, found=found)
                    if who.key == "who.declared"
                    else message("cell.compared", kind=WORDS[kind], who=who, name=name, found=found)
                )
                errors.append(DataIssue.of("error", wrong, Origin(origin.file, origin.row, name)))
        if errors:
            order = {name: at for at, name in enumerate(needs)}
            errors.sort(key=lambda issue: (issue.origin.row, order[issue.origin.column or ""]))
            raise capped(errors, self.dataset.path)

    def _usable_exempts(self) -> tuple[tuple[CompiledExempt, str | None], ...]:
        """Each exemption with why the data cannot check it at all (None: it can)."""
        usable: list[tuple[CompiledExempt, str | None]] = []
        lacking: dict[str, list[str]] = {}
        for compiled in self.plan.exempts:
            missing = [a for a in compiled.attrs if a not in self.present]
            for name in missing:
                lacking.setdefault(name, []).append(compiled.exempt.reason)
            usable.append((compiled, no_column(missing[0], self.lang) if missing else None))
        for name, reasons in lacking.items():
            which = ", ".join(f"“{r}”" for r in reasons)
            key = "exempt_unchecked" if len(reasons) == 1 else "exempts_unchecked"
            message = say(self.lang, key, which=which, why=no_column(name, self.lang))
            self.warnings.append(DataIssue("warning", message, self.origin))
        return tuple(usable)

    def _warn_classify_attrs(self) -> None:
        for name, rules in self.plan.attrs.items():
            if name not in self.present and self.dataset.tallies:
                key = "rule_reads_missing" if len(rules) == 1 else "rules_read_missing"
                why = no_column(name, self.lang)
                message = say(self.lang, key, rules=", ".join(rules), name=name, why=why)
                self.warnings.append(DataIssue("warning", message, self.origin))


def attributes_present(seen: Seen) -> frozenset[str]:
    """Attribute names some tally gives, with `vote_date`/`vote_year` when some vote has them."""
    names = set(seen.attrs)
    # a named column counts when some row fills it: a reader leaves an absent one empty
    names.update(seen.filled)
    rounds = seen.rounds
    empty: dict[str, str] = {}
    if "vote_date" in names or any(cond.vote_date(empty, r) for r in rounds):
        names.update(("vote_date", "vote_year"))
    elif "vote_year" in names or any(cond.vote_year(empty, r) for r in rounds):
        names.add("vote_year")
    return frozenset(names)


def no_column(name: str, lang: Lang = "en") -> str:
    if name == "vote_date":
        return say(lang, "no_vote_date")
    if name == "vote_year":
        return say(lang, "no_vote_year")
    return say(lang, "no_field_column" if name in cond.FIELDS else "no_column", name=name)


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
