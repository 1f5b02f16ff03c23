"""The checker: every error and warning of a rule set and its bases, each with its place.

Two passes. The local pass looks at every statement of every file of the chain on its own
(duplicates, reserved words, values, types, shapes, rules that can never match). The scope pass
looks at what is in force after `extends` (the resolved rule set) against the names it defines:
levels, blocks, classes, attributes. A diagnostic always carries the path and text of the file it
points into. The checks themselves live in `check_names`, `check_values` and `reach`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from . import ast, check_names, check_values
from .check_common import COLUMNS, VOTE_NAMES, File, Findings, Place, first_word, setting_groups
from .errors import Diagnostic
from .messages import message
from .reach import never_matching
from .resolve import apply_drop

_S = TypeVar("_S", ast.Classify, ast.Report, ast.Example)


def check(
    chain: tuple[ast.RuleSet, ...], resolved: ast.Resolved | None, texts: Mapping[str, str]
) -> list[Diagnostic]:
    """All diagnostics of a file and its bases; `resolved` is None if levels or basis is missing.

    Sorted by file (the file first, then its bases), line and column.
    """
    if not chain:
        return []
    out = Findings(chain, texts)
    for f in out.files:
        _local(out, f)
    _in_scope(out, _Scope.of(resolved) if resolved is not None else _Scope.merge(chain))
    return out.result()


# --- the local pass: each file on its own ----------------------------------------------------


# Bidirectional controls reorder how a line is shown ("Trojan Source"): a label or a comment
# could make a rule read other than it works.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _local(out: Findings, f: File) -> None:
    for number, line in enumerate(f.text.splitlines(), 1):
        for found in _BIDI.finditer(line):
            out.error(
                f,
                Place(number, found.start() + 1, 1),
                message("check.bidi", code=f"{ord(found[0]):04X}"),
                message("check.remove_it"),
            )
    check_names.once(out, f)
    check_names.unique_names(out, f)
    check_names.attribute_decls(out, f)
    in_force = f.rs.in_force
    if in_force is not None and in_force.start and in_force.end and in_force.end < in_force.start:
        out.error(
            f,
            Place.of(in_force.span),
            message(
                "check.force_order",
                end=in_force.end.isoformat(),
                start=in_force.start.isoformat(),
            ),
        )
    maps: dict[str, ast.LevelMap] = {}
    for statement in f.rs.statements:
        if isinstance(statement, ast.Levels):
            check_names.levels(out, f, statement)
        elif isinstance(statement, ast.LevelMap):
            check_names.level_map(out, f, statement, maps)
        elif isinstance(statement, ast.Basis):
            check_values.basis(out, f, statement)
        elif isinstance(statement, ast.Quorum):
            check_values.quorum(out, f, statement)
        elif isinstance(statement, ast.Schedule):
            check_values.schedule(out, f, statement)
        elif isinstance(statement, ast.Exempt):
            _cond(out, f, statement.when)
        elif isinstance(statement, ast.Classify):
            _classify(out, f, statement)
        elif isinstance(statement, ast.Report):
            check_names.report(out, f, statement)
        elif isinstance(statement, ast.Drop):
            check_names.drop(out, f, statement, _base_names(out, f))
        elif isinstance(statement, ast.AttributeDecl):
            check_names.attribute_decl(out, f, statement)
        else:
            check_names.example(out, f, statement)
            check_values.example(out, f, statement)


def _base_names(out: Findings, f: File) -> dict[str, list[str]] | None:
    """What the bases of a file have, by kind (for `drop`); None if the file extends nothing."""
    if f.rs.extends is None:
        return None
    bases = [g.rs for g in out.files[f.order + 1 :]]
    scope = _Scope.merge(bases)
    return {
        "exempt": [e.reason for e in scope.exempts],
        "classify": [c.id for c in scope.classifies],
        "example": [e.name for e in scope.examples],
        "report": [r.title for r in scope.reports],
        "quorum": ["quorum"] if scope.quorum else [],
    }


def _cond(out: Findings, f: File, when: ast.Cond) -> None:
    check_names.cond(out, f, when)
    check_values.cond(out, f, when)


# rules of one classify block; a regulation has a handful. Both passes over a block are about
# linear in its rules (benchmarks/bench_rules.py: 4,000 banded rules checked in about 1 s by the
# fast pass and 2 s by the solver); the limit bounds what a pasted file costs the editor.
MAX_RULES = 4000


def _classify(out: Findings, f: File, block: ast.Classify) -> None:
    check_names.classify(out, f, block)
    for rule in block.rules:
        if rule.when is not None:
            _cond(out, f, rule.when)
    if len(block.rules) > MAX_RULES:
        out.error(
            f,
            check_names.rule_place(block.rules[MAX_RULES]),
            message("check.too_many_rules", block=block.id, n=len(block.rules), max=MAX_RULES),
        )
        return
    for rule, never in never_matching(block):
        out.error(f, check_names.rule_place(rule), never)


# --- the scope pass: what is in force, against the names it defines --------------------------


@dataclass(frozen=True, slots=True)
class _Scope:
    levels: ast.Levels | None
    maps: tuple[ast.LevelMap, ...]
    basis: ast.Basis | None
    exempts: tuple[ast.Exempt, ...]
    classifies: tuple[ast.Classify, ...]
    reports: tuple[ast.Report, ...]
    examples: tuple[ast.Example, ...]
    quorum: bool = False
    attributes: tuple[ast.AttributeDecl, ...] = ()

    @staticmethod
    def of(resolved: ast.Resolved) -> _Scope:
        return _Scope(
            resolved.levels,
            resolved.maps,
            resolved.basis,
            resolved.exempts,
            resolved.classifies,
            resolved.reports,
            resolved.examples,
            resolved.quorum is not None,
            resolved.attributes,
        )

    @staticmethod
    def merge(chain: Sequence[ast.RuleSet]) -> _Scope:
        """What `resolve.merge` would give, also when `levels` or `basis` is missing."""
        levels: ast.Levels | None = None
        basis: ast.Basis | None = None
        maps: tuple[ast.LevelMap, ...] = ()
        exempts: tuple[ast.Exempt, ...] = ()
        classifies: dict[str, ast.Classify] = {}
        reports: dict[str, ast.Report] = {}
        examples: dict[str, ast.Example] = {}
        attributes: dict[str, ast.AttributeDecl] = {}
        quorum = False
        for rs in reversed(chain):
            for drop in rs.of_type(ast.Drop):
                quorum = quorum and drop.kind != "quorum"
                exempts = apply_drop(drop, exempts, classifies, reports, examples)
            quorum = quorum or bool(rs.of_type(ast.Quorum))
            attributes.update((a.name, a) for a in rs.of_type(ast.AttributeDecl))
            levels = next(reversed(rs.of_type(ast.Levels)), levels)
            basis = next(reversed(rs.of_type(ast.Basis)), basis)
            maps = rs.of_type(ast.LevelMap) or maps
            exempts = rs.of_type(ast.Exempt) or exempts
            classifies.update((c.id, c) for c in rs.of_type(ast.Classify))
            reports.update((r.title, r) for r in rs.of_type(ast.Report))
            examples.update((e.name, e) for e in rs.of_type(ast.Example))
        return _Scope(
            levels,
            maps,
            basis,
            exempts,
            tuple(classifies.values()),
            tuple(reports.values()),
            tuple(examples.values()),
            quorum,
            tuple(attributes.values()),
        )


def _in_scope(out: Findings, scope: _Scope) -> None:
    top = out.files[0]
    header = first_word(top.rs.span, "ruleset")
    further = message("check.or_bases") if len(out.files) > 1 else ""
    if scope.levels is None:
        missing = message("check.no_levels", further=further)
        out.error(top, header, missing, message("check.list_levels"))
    if scope.basis is None:
        missing = message("check.no_basis", further=further)
        out.error(top, header, missing, message("check.say_basis"))
    levels = scope.levels.ids if scope.levels is not None else None
    if scope.levels is not None and len(levels or ()) < 2:
        check_names.few_levels(out, scope.levels)
    sources: dict[str, str] = {}
    for level_map in scope.maps:
        sources.setdefault(level_map.source, level_map.target)  # a second is an error
    if levels is not None:
        for level_map in scope.maps:
            check_names.map_in_scope(out, level_map, levels)
    classifies = _with_twins(out, scope.classifies, lambda c: c.id)
    attributes = check_names.attributes(
        out,
        [*scope.exempts, *classifies],
        scope.levels is not None,
        levels or (),
        sources,
        scope.attributes,
    )
    blocks = {b.id: b for b in scope.classifies}
    for report in _with_twins(out, scope.reports, lambda r: r.title):
        check_names.report_in_scope(out, report, blocks, attributes)
    for example in _with_twins(out, scope.examples, lambda e: e.name):
        if out.owner(example).order > 0 and top.rs.extends is not None:
            # an inherited example is the overlay's to mend: said at its `extends`
            place = Place.at(top.rs.extends_span, top.rs.span)
            hint = message("check.drop_or_write", name=example.name)
            out.redirect = (place, message("check.inherited_example", name=example.name), hint)
        _example_in_scope(out, example, levels, sources, attributes, blocks)
        out.redirect = None


def _with_twins(out: Findings, in_force: Sequence[_S], key: Callable[[_S], str]) -> list[_S]:
    """The parts in force, and before each the parts of its file it shadows (same id)."""
    found: list[_S] = []
    for part in in_force:
        twins = [s for s in out.owner(part).rs.of_type(type(part)) if key(s) == key(part)]
        found.extend(twins if any(t is part for t in twins) else [part])
    return found


def _example_in_scope(
    out: Findings,
    example: ast.Example,
    levels: Sequence[str] | None,
    sources: Mapping[str, str],
    attributes: check_names.Attributes,
    blocks: Mapping[str, ast.Classify],
) -> None:
    f = out.owner(example)
    if levels is not None:
        counted = {*levels, *sources}
        known = [*levels, *sources, *ast.TURNOUT, *VOTE_NAMES, *COLUMNS, *attributes]
        for settings in setting_groups(example):
            for setting in settings:
                check_values.setting(out, f, setting, counted, known, attributes)
            check_values.turnout_adds_up(out, f, settings, counted)
    for expect in example.expects:
        check_names.expect(out, f, expect, blocks)
