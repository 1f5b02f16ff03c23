"""An edited rule set saved as an overlay: `extends` the original and restates only what changed."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tinnhiem.rules import ast
from tinnhiem.rules.fmt import format_in_force


def _key(statement: ast.Statement) -> str:
    """The unit an overlay replaces whole, as `rules.resolve.merge` applies it."""
    match statement:
        case ast.Levels():
            return "levels"
        case ast.LevelMap():
            return "map"
        case ast.Basis():
            return "basis"
        case ast.Quorum():
            return "quorum"
        case ast.Schedule():
            return "schedule"
        case ast.Exempt():
            return "exempt"
        case ast.Classify(id=block_id):
            return f"classify:{block_id}"
        case ast.Report(title=title):
            return f"report:{title}"
        case ast.Example(name=name):
            return f"example:{name}"
        case ast.AttributeDecl(name=name):
            return f"attribute:{name}"
        case ast.Drop(kind=kind, name=name):
            return f"drop:{kind}:{name}"
    raise TypeError(statement)


def _drops(removed: str, original: ast.RuleSet) -> list[str] | None:
    """The `drop` lines that remove a part of the base; None for a part that cannot be dropped
    (levels, basis, map, schedule, an attribute's declaration)."""
    kind, _, name = removed.partition(":")
    if kind == "quorum":
        return ["drop quorum"]
    if kind == "exempt":
        return [f'drop exempt "{_escape(e.reason)}"' for e in original.of_type(ast.Exempt)]
    if kind == "classify":
        return [f"drop classify {name}"]
    if kind in ("report", "example"):
        return [f'drop {kind} "{_escape(name)}"']
    if kind == "drop":
        return []  # the edit took back a drop of the base: nothing to restate
    return None


def _groups(rs: ast.RuleSet) -> dict[str, tuple[ast.Statement, ...]]:
    groups: dict[str, tuple[ast.Statement, ...]] = {}
    for statement in rs.statements:
        key = _key(statement)
        groups[key] = (*groups.get(key, ()), statement)
    return groups


@dataclass(frozen=True)
class Overlay:
    text: str
    changed: tuple[str, ...]  # the keys restated
    removed: tuple[str, ...]  # parts the edit deleted that an overlay cannot drop


def _excerpt(lines: list[str], span: ast.Span) -> str:
    """The statement's source, from its first line to its last, with the comments just above."""
    first = span.line - 1
    while first > 0 and lines[first - 1].lstrip().startswith("#"):
        first -= 1
    return "\n".join(lines[first : span.end_line]).rstrip()


def extends_name(original: Path, overlay: Path, bundled: Iterable[Path] = ()) -> str:
    """How the overlay names its base: bare for a bundled file, else relative to the overlay."""
    if any(original.resolve() == b.resolve() for b in bundled):
        return original.name
    try:
        relative = os.path.relpath(original.resolve(), overlay.resolve().parent)
    except ValueError:  # another drive
        return original.resolve().as_posix()
    return Path(relative).as_posix()


def make_overlay(
    original: ast.RuleSet, edited: ast.RuleSet, edited_text: str, extends: str, name: str
) -> Overlay:
    """The overlay text that, extending `original`, gives the same rule set as `edited`."""
    before, after = _groups(original), _groups(edited)
    changed = tuple(k for k, v in after.items() if before.get(k) != v)
    gone = [k for k in before if k not in after]
    drops = {k: _drops(k, original) for k in gone}
    removed = tuple(k for k in gone if drops[k] is None)
    lines = edited_text.splitlines()
    parts = [f'ruleset "{_escape(name)}" extends "{_escape(extends)}"']
    if edited.in_force is not None and edited.in_force != original.in_force:
        parts.append(format_in_force(edited.in_force))
    parts += [f'source "{_escape(s)}"' for s in edited.sources if s not in original.sources]
    dropped = [line for k in gone for line in drops[k] or ()]
    body = ["\n".join(dropped)] if dropped else []
    body += [_excerpt(lines, s.span) for k in changed for s in after[k]]
    text = "\n".join(parts) + "\n\n" + "\n\n".join(body) + "\n"
    return Overlay(text, changed, removed)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
