"""The checker: every error and warning of a resolved rule set, with its place (to be filled)."""

from __future__ import annotations

from collections.abc import Mapping

from . import ast
from .errors import Diagnostic


def check(
    chain: tuple[ast.RuleSet, ...], resolved: ast.Resolved | None, texts: Mapping[str, str]
) -> list[Diagnostic]:
    """All diagnostics of a file and its bases; `resolved` is None if levels or basis is missing."""
    return []
