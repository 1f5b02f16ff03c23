"""Diagnostics of the rules language: one shape for syntax errors, check errors and warnings."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    source_line: str = ""
    width: int = 1
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def render(self) -> str:
        """`file:line:col: error: message`, the source line, a caret, and the hint."""
        head = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if not self.line:
            return head + (f"\n  = {self.hint}" if self.hint else "")
        gutter = str(self.line)
        pad = " " * len(gutter)
        text = self.source_line.rstrip("\n").expandtabs(1)
        caret = " " * max(self.column - 1, 0) + "^" * max(self.width, 1)
        lines = [head, f" {gutter} | {text}", f" {pad} | {caret}"]
        if self.hint:
            lines.append(f" {pad} = {self.hint}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "message": self.message,
            "file": self.path,
            "line": self.line,
            "column": self.column,
            "hint": self.hint,
        }


class RuleError(Exception):
    """The one error type of the rules language; carries every diagnostic found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))


class RuleSyntaxError(RuleError):
    """The file does not follow the grammar."""


def did_you_mean(name: str, known: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else None


def source_line(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""
