"""An edited rule set saved as an overlay: `extends` the original and restates only what changed."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tinnhiem.rules import ast


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
    raise TypeError(statement)


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
    removed: tuple[str, ...]  # blocks the edit deleted, which an overlay cannot express


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
    removed = tuple(k for k in before if k not in after)
    lines = edited_text.splitlines()
    parts = [f'ruleset "{_escape(name)}" extends "{_escape(extends)}"']
    parts += [f'source "{_escape(s)}"' for s in edited.sources if s not in original.sources]
    body = [_excerpt(lines, s.span) for k in changed for s in after[k]]
    text = "\n".join(parts) + "\n\n" + "\n\n".join(body) + "\n"
    return Overlay(text, changed, removed)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
