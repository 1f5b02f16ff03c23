"""The checker on names: duplicates, reserved words, and names against what the rule set defines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import ast
from .check_common import (
    COLUMNS,
    DECLARED,
    REPORT_COLUMNS,
    STATUSES,
    VOTE_NAMES,
    WORDS,
    File,
    Findings,
    Kind,
    Place,
    conds,
    first_word,
    kind_of,
    known_hint,
    setting_groups,
    values,
)
from .errors import did_you_mean
from .messages import Message, message
from .parser import RESERVED

ONCE: tuple[tuple[type, str], ...] = (
    (ast.Levels, "levels"),
    (ast.Basis, "basis"),
    (ast.Quorum, "quorum"),
    (ast.Schedule, "schedule"),
)
Attributes = Mapping[str, tuple[Kind, File, int]]  # name -> (kind used as, where first so used)


def reserved(out: Findings, f: File, name: str, place: Place, what: str = "id") -> None:
    if name in RESERVED:
        hint = message("check.attribute_hint") if what == "name" else None
        out.error(f, place, message(f"check.reserved.{what}", name=name), hint)


def _taken_by_data(name: str) -> Message | None:
    if name in ast.TURNOUT:
        return message("taken.turnout")
    if name in VOTE_NAMES:
        return message(f"taken.{name}")
    if name in COLUMNS:
        return message("taken.column")
    return None


# --- each file on its own --------------------------------------------------------------------


def once(out: Findings, f: File) -> None:
    for kind, word in ONCE:
        found: tuple[ast.Statement, ...] = f.rs.of_type(kind)
        for later in found[1:]:
            out.error(
                f,
                Place.of(later.span, len(word) if kind is not ast.Basis else None),
                message("check.given_twice", word=word, line=found[0].span.line),
                message("check.at_most_one"),
            )


def unique_names(out: Findings, f: File) -> None:
    """Classify ids, example names and report titles: each once per file."""
    named: list[tuple[str, Sequence[tuple[str, ast.Span, ast.Span]]]] = [
        (
            "check.what.classify",
            [(c.id, c.id_span, c.span) for c in f.rs.of_type(ast.Classify)],
        ),
        ("check.what.example", [(e.name, e.name_span, e.span) for e in f.rs.of_type(ast.Example)]),
        ("check.what.report", [(r.title, r.title_span, r.span) for r in f.rs.of_type(ast.Report)]),
    ]
    for what, items in named:
        first: dict[str, int] = {}
        for name, name_span, span in items:
            if name not in first:
                first[name] = span.line
                continue
            out.error(
                f,
                Place.at(name_span, span),
                message("check.defined_twice", what=(what, {"name": name}), line=first[name]),
            )


def levels(out: Findings, f: File, levels: ast.Levels) -> None:
    ids: dict[str, ast.Level] = {}
    labels: dict[str, ast.Level] = {}
    for level in levels.levels:
        place = first_word(level.span, level.id)
        if level.id in ids:
            line = ids[level.id].span.line
            out.error(f, place, message("check.level_twice", level=level.id, line=line))
            continue
        ids[level.id] = level
        reserved(out, f, level.id, place)
        taken = _taken_by_data(level.id)
        if taken:
            out.error(f, place, message("check.not_a_level", name=level.id, taken=taken))
        if level.label in labels:
            other = labels[level.label]
            out.error(
                f,
                place,
                message("check.same_label", level=level.id, other=other.id, line=other.span.line),
                message("check.matched_by_label"),
            )
        else:
            labels[level.label] = level


def level_map(
    out: Findings, f: File, level_map: ast.LevelMap, seen: dict[str, ast.LevelMap]
) -> None:
    source = Place.at(level_map.source_span, level_map.span)
    if level_map.source in seen:
        line = seen[level_map.source].span.line
        out.error(f, source, message("check.mapped_twice", level=level_map.source, line=line))
    else:
        seen[level_map.source] = level_map
    if level_map.source == level_map.target:
        out.error(f, source, message("check.mapped_to_itself", level=level_map.source))


def rule_place(rule: ast.Rule) -> Place:
    return Place.at(rule.id_span, rule.span)


def classify(out: Findings, f: File, block: ast.Classify) -> None:
    """The shape of a block: its id, its rules' ids, and one `else`, last."""
    name = Place.at(block.id_span, block.span)
    reserved(out, f, block.id, name)
    if block.id == "status":
        out.error(
            f,
            name,
            message("check.status_block"),
            message("check.status_kept"),
        )
    seen: dict[str, ast.Rule] = {}
    for rule in block.rules:
        place = rule_place(rule)
        if rule.id in seen:
            out.error(
                f,
                place,
                message(
                    "check.rule_twice", rule=rule.id, block=block.id, line=seen[rule.id].span.line
                ),
            )
        else:
            seen[rule.id] = rule
            reserved(out, f, rule.id, place)
    elses = [r for r in block.rules if r.is_else]
    if not elses:
        no_else = message("check.no_else", block=block.id)
        out.error(f, name, no_else, message("check.catch_all"))
    elif elses[0] is not block.rules[-1]:
        out.error(f, rule_place(elses[0]), message("check.else_last"))


def cond(out: Findings, f: File, when: ast.Cond) -> None:
    """Names in a condition that are words of the language."""
    for value in values(when):
        if isinstance(value, ast.Attr):
            reserved(out, f, value.name, Place.of(value.span), "name")


def report(out: Findings, f: File, report: ast.Report) -> None:
    reserved(out, f, report.by, Place.at(report.by_span, report.span), "name")
    seen: dict[str, ast.Span] = {}
    for name, span in zip(report.counts, report.count_spans, strict=False):
        if name in seen:
            out.error(
                f,
                Place.of(span),
                message("check.counted_twice", block=name, line=seen[name].line),
            )
        seen.setdefault(name, span)
    if not report.counts:
        out.warn(
            f,
            first_word(report.span, "report"),
            message("check.counts_nothing", title=report.title),
            message("check.add_count"),
        )


def example(out: Findings, f: File, example: ast.Example) -> None:
    """The shape of an example: a name set once, one `previous` block, a block expected once."""
    for settings in setting_groups(example):
        seen: dict[str, ast.Setting] = {}
        for setting in settings:
            if setting.name in seen:
                line = seen[setting.name].span.line
                out.error(
                    f,
                    first_word(setting.span, setting.name),
                    message("check.set_twice", name=setting.name, line=line),
                )
            seen.setdefault(setting.name, setting)
    blocks = example.previous_spans
    for extra in blocks[1:]:
        out.error(
            f,
            first_word(extra, "previous"),
            message("check.second_previous", line=blocks[0].line),
            message("check.one_previous"),
        )
    expected: dict[str, ast.Expect] = {}
    for expect in example.expects:
        if expect.block in expected:
            line = expected[expect.block].span.line
            out.error(
                f,
                Place.at(expect.block_span, expect.span),
                message("check.expected_twice", block=expect.block, line=line),
            )
        expected.setdefault(expect.block, expect)
    if not example.expects:
        out.warn(
            f,
            first_word(example.span, "example"),
            message("check.expects_nothing", name=example.name),
            message("check.add_expect"),
        )


def attribute_decl(out: Findings, f: File, decl: ast.AttributeDecl) -> None:
    place = Place.at(decl.name_span, decl.span)
    reserved(out, f, decl.name, place, "name")
    taken = _taken_by_data(decl.name)
    if taken and decl.name not in COLUMNS:
        out.error(f, place, message("check.not_declarable", name=decl.name, taken=taken))


def attribute_decls(out: Findings, f: File) -> None:
    seen: dict[str, ast.AttributeDecl] = {}
    for decl in f.rs.of_type(ast.AttributeDecl):
        if decl.name in seen:
            out.error(
                f,
                Place.at(decl.name_span, decl.span),
                message("check.declared_twice", name=decl.name, line=seen[decl.name].span.line),
            )
        seen.setdefault(decl.name, decl)


DROP_WORDS = {
    "exempt": "check.what.exempt",
    "classify": "check.what.classify",
    "example": "check.what.example",
    "report": "check.what.report",
    "quorum": "check.what.quorum",
}


def drop(out: Findings, f: File, drop: ast.Drop, base: Mapping[str, Sequence[str]] | None) -> None:
    """What an overlay drops must be in its bases: `base` names what they have, by kind."""
    place = Place.at(drop.name_span, drop.span) if drop.name else first_word(drop.span, "drop")
    what = message(DROP_WORDS[drop.kind], name=drop.name)
    if base is None:
        out.error(
            f,
            first_word(drop.span, "drop"),
            message("check.drop_no_base"),
            message("check.write_extends"),
        )
        return
    names = base.get(drop.kind, ())
    if drop.kind == "quorum":
        if not names:
            out.error(f, place, message("check.nothing_to_drop", what=what))
        return
    if drop.name not in names:
        out.error(
            f,
            place,
            message("check.nothing_to_drop", what=what),
            known_hint(drop.name, list(names), "name"),
        )


# --- against the names the rule set defines --------------------------------------------------


def few_levels(out: Findings, levels: ast.Levels) -> None:
    f = out.owner(levels)
    place = first_word(levels.span, "levels")
    if not levels.levels:
        out.error(f, place, message("check.no_level"))
    else:
        out.warn(f, place, message("check.one_level", level=levels.levels[0].id))


def map_in_scope(out: Findings, level_map: ast.LevelMap, levels: tuple[str, ...]) -> None:
    f = out.owner(level_map)
    if level_map.source in levels and level_map.source != level_map.target:
        out.error(
            f,
            Place.at(level_map.source_span, level_map.span),
            message("check.map_own_level", level=level_map.source),
        )
    if level_map.target not in levels:
        out.error(
            f,
            Place.at(level_map.target_span, level_map.span),
            message("check.map_unknown_target", level=level_map.target),
            known_hint(level_map.target, levels, "level"),
        )


def attributes(
    out: Findings,
    statements: Sequence[ast.Exempt | ast.Classify],
    have_levels: bool,
    levels: Sequence[str],
    sources: Mapping[str, str],
    declared: Sequence[ast.AttributeDecl] = (),
) -> dict[str, tuple[Kind, File, int]]:
    """Check names in conditions; return each data attribute with the kind it is used as.

    A declared attribute (`attribute appointed date "…"`) has its kind from the declaration,
    and every use is held to it.
    """
    named = {decl.name: decl for decl in declared}
    known = [*levels, *ast.TURNOUT, *VOTE_NAMES, *COLUMNS, *named]
    kinds: dict[str, tuple[Kind, File, int]] = {
        decl.name: (DECLARED[decl.type], out.owner(decl), decl.span.line) for decl in declared
    }
    uses: list[tuple[File, ast.Attr, Kind]] = []
    for statement in statements:
        f = out.owner(statement)
        whens = (
            [statement.when]
            if isinstance(statement, ast.Exempt)
            else [r.when for r in statement.rules if r.when is not None]
        )
        for when in whens:
            for value in values(when):
                if isinstance(value, ast.Share | ast.Count) and have_levels:
                    _level_refs(out, f, value, levels, sources)
            for attr, kind in attribute_uses(when):
                uses.append((f, attr, kind))
    for f, attr, kind in sorted(uses, key=lambda u: (u[0].order, u[1].span.line, u[1].span.column)):
        name = attr.name
        place = Place.of(attr.span)
        if name in levels or name in sources:
            out.error(
                f,
                place,
                message("rules.level_not_attribute", name=name),
                message("rules.write_share", name=name),
            )
            continue
        if name in ast.TURNOUT or name in VOTE_NAMES or name in COLUMNS:
            continue
        close = None
        if name not in RESERVED and name not in named:  # a reserved word is said once, as such
            close = did_you_mean(name, known)
        if close:
            out.warn(f, place, message("rules.read_from_data", name=name), close)
        first = kinds.get(name)
        if first is None or (kind != "any" and first[0] == "any"):
            kinds[name] = (kind, f, attr.span.line)
        elif kind not in ("any", first[0]) and name in named:
            decl = named[name]
            out.error(
                f,
                place,
                message(
                    "check.declared_used_as",
                    name=name,
                    type=decl.type,
                    where=out.where(f, first[1], first[2]),
                    kind=WORDS[kind],
                ),
            )
        elif kind not in ("any", first[0]):
            out.error(
                f,
                place,
                message(
                    "check.used_as_two",
                    name=name,
                    first=WORDS[first[0]],
                    where=out.where(f, first[1], first[2]),
                    kind=WORDS[kind],
                ),
            )
    return kinds


def _level_refs(
    out: Findings,
    f: File,
    value: ast.Share | ast.Count,
    levels: Sequence[str],
    sources: Mapping[str, str],
) -> None:
    for level, span in zip(value.levels, value.level_spans, strict=False):
        if level in levels:
            continue
        if level in sources:
            out.error(
                f,
                Place.of(span),
                message("check.read_as", level=level, target=sources[level]),
                message("check.use", target=sources[level]) if sources[level] in levels else None,
            )
        else:
            hint = known_hint(level, levels, "level")
            out.error(f, Place.of(span), message("rules.unknown_level", level=level), hint)


def attribute_uses(when: ast.Cond) -> list[tuple[ast.Attr, Kind]]:
    """Each attribute of a condition, with the kind its use implies (`any` when it says none)."""
    found: list[tuple[ast.Attr, Kind]] = []
    for sub in conds(when):
        if isinstance(sub, ast.Truthy):
            found.append((sub.value, "any"))  # a bare attribute may be a flag, a date, a number
        elif isinstance(sub, ast.Missing) and isinstance(sub.value, ast.Attr):
            found.append((sub.value, "any"))
        elif isinstance(sub, ast.InSet):
            kind = kind_of(sub.items[0]) if sub.items else "any"
            if isinstance(sub.value, ast.Attr):
                found.append((sub.value, kind))
            elif isinstance(sub.value, ast.Call):
                found.extend(_call_uses(sub.value))
        elif isinstance(sub, ast.Compare):
            pair = (sub.left, sub.right)
            for value, other in (pair, pair[::-1]):
                if isinstance(value, ast.Attr):
                    kind = kind_of(other)
                    found.append((value, "number" if kind in ("share", "votes") else kind))
                elif isinstance(value, ast.Call):
                    found.extend(_call_uses(value))
    return found


def _call_uses(call: ast.Call) -> list[tuple[ast.Attr, Kind]]:
    found: list[tuple[ast.Attr, Kind]] = []
    for arg in call.args:
        if isinstance(arg, ast.Attr):
            found.append((arg, "date" if call.func in ("year", "months") else "any"))
        elif isinstance(arg, ast.Call):
            found.extend(_call_uses(arg))
    return found


def report_in_scope(
    out: Findings,
    report: ast.Report,
    blocks: Mapping[str, ast.Classify],
    attributes: Attributes,
) -> None:
    f = out.owner(report)
    for name, span in zip(report.counts, report.count_spans, strict=False):
        if name not in blocks:
            out.error(
                f,
                Place.of(span),
                message("check.unknown_block", block=name),
                known_hint(name, list(blocks), "block"),
            )
    by = report.by
    if by not in REPORT_COLUMNS and by not in attributes and by not in RESERVED:
        out.warn(
            f,
            Place.at(report.by_span, report.span),
            message("check.report_by", by=by),
            did_you_mean(by, [*REPORT_COLUMNS, *attributes]),
        )


def expect(out: Findings, f: File, expect: ast.Expect, blocks: Mapping[str, ast.Classify]) -> None:
    klass = Place.at(expect.klass_span, expect.span)
    if expect.block == "status":
        if expect.klass not in STATUSES:
            out.error(
                f,
                klass,
                message("check.not_status", klass=expect.klass),
                did_you_mean(expect.klass, STATUSES),
            )
        return
    block = blocks.get(expect.block)
    if block is None:
        out.error(
            f,
            Place.at(expect.block_span, expect.span),
            message("check.unknown_block", block=expect.block),
            known_hint(expect.block, list(blocks), "block"),
        )
        return
    classes = [r.id for r in block.rules]
    if expect.klass not in classes:
        out.error(
            f,
            klass,
            message("check.not_class", klass=expect.klass, block=block.id),
            known_hint(expect.klass, classes, "class"),
        )
