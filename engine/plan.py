"""A rule set compiled once (`Plan`): its conditions, blocks and exemptions, for many people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from tinnhiem.rules import ast
from tinnhiem.rules.check_common import COLUMNS, DECLARED, Kind
from tinnhiem.rules.check_names import attribute_uses
from tinnhiem.rules.messages import Message, message

from . import conditions as cond
from .conditions import Condition, Facts, Test
from .model import Verdict


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: ast.Rule
    test: Test | None  # None for `else`; the lenient test of `condition`
    verdict: Verdict  # the verdict this rule gives, without steps (for explain=False)
    condition: Condition | None = None  # the same condition, which also explains itself


@dataclass(frozen=True, slots=True)
class Linear:
    """`share(levels) op p/q` (count * q op p * basis) or `count(levels) op p/q` (count * q op p):
    true or false on either side of one threshold of the count, which margins solve for."""

    levels: tuple[str, ...]
    p: int
    q: int
    share: bool
    times: int = 1  # how many times `levels` names the level moved (`share(a + a)`: 2)


@dataclass(frozen=True, slots=True)
class CompiledBlock:
    block: ast.Classify
    file: str
    rules: tuple[CompiledRule, ...]
    reads: tuple[str, ...]  # levels of this vote the block reads, in the rule set's order
    directions: Mapping[str, int | None]  # per level read: see `conditions.direction`
    index: Mapping[str, int] = field(default_factory=dict)  # rule id -> its place
    # per level read: the comparisons of its count with a number in the block's conditions,
    # when those are all that read it (see `explainer.margins_of`); None when another does
    linear: Mapping[str, tuple[Linear, ...] | None] = field(default_factory=dict)

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
    condition: Condition | None = None  # the same condition, which also explains itself


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
    needs: Mapping[str, tuple[Kind, Message]] = field(default_factory=dict)

    @classmethod
    def of(cls, ruleset: ast.Resolved) -> Plan:
        level_ids = ruleset.levels.ids
        route = ruleset.route()
        exempts = tuple(_compile_exempt(e) for e in ruleset.exempts)
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


def _compile_exempt(exempt: ast.Exempt) -> CompiledExempt:
    condition = Condition(exempt.when)
    return CompiledExempt(exempt, condition.test, cond.attrs_used(exempt.when), condition)


def _compile_rule(block: ast.Classify, rule: ast.Rule, file: str) -> CompiledRule:
    condition = None if rule.when is None else Condition(rule.when)
    verdict = Verdict(
        block.id, block.label, rule.id, rule.label, rule.span.line, file, rule.note, ()
    )
    return CompiledRule(rule, None if condition is None else condition.lenient, verdict, condition)


def _compile_block(ruleset: ast.Resolved, block: ast.Classify) -> CompiledBlock:
    file = ruleset.origins.get(f"classify:{block.id}", ruleset.path)
    rules = tuple(_compile_rule(block, rule, file) for rule in block.rules)
    whens = [r.when for r in block.rules if r.when is not None]
    read: set[str] = set()
    for when in whens:
        read |= cond.levels_read(when)
    reads = tuple(level for level in ruleset.levels.ids if level in read)
    directions = {level: cond.combine([cond.direction(w, level) for w in whens]) for level in reads}
    index = {rule.id: at for at, rule in enumerate(block.rules)}
    linear = {level: _linear(whens, level) for level in reads}
    return CompiledBlock(block, file, rules, reads, directions, index, linear)


def _linear(whens: list[ast.Cond], level: str) -> tuple[Linear, ...] | None:
    """The comparisons of `level`'s count with a number in `whens`, if nothing else reads it."""
    found: list[Linear] = []
    for when in whens:
        for leaf in cond.conditions(when):
            if level not in cond.levels_read(leaf):
                continue
            if not isinstance(leaf, ast.Compare):
                return None
            left, right = leaf.left, leaf.right
            if isinstance(left, ast.Number):
                left, right = right, left
            if not isinstance(left, ast.Share | ast.Count) or not isinstance(right, ast.Number):
                return None
            value = right.value
            share, times = isinstance(left, ast.Share), left.levels.count(level)
            found.append(Linear(left.levels, value.numerator, value.denominator, share, times))
    return tuple(found)


CHECKED_KINDS: Mapping[str, tuple[type, ...]] = {
    "number": (int, Fraction),
    "date": (dt.date,),
    "bool": (bool,),  # an attribute declared `yes-no`
}


def _needs(ruleset: ast.Resolved) -> dict[str, tuple[Kind, Message]]:
    """Each attribute the rules read, with the kind its first telling use needs and who uses it
    so (the checker has made sure the uses agree)."""
    uses = [(message("who.exemption", reason=e.reason), e.when) for e in ruleset.exempts]
    uses += [
        (message("who.rule", block=block.id, rule=rule.id), rule.when)
        for block in ruleset.classifies
        for rule in block.rules
        if rule.when is not None
    ]
    needs: dict[str, tuple[Kind, Message]] = {}
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
                message("who.declared", name=decl.name, type=decl.type),
            )
    return needs
