"""Diagnostics of the rules language: one shape for syntax errors, check errors and warnings."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .messages import Message, message, say

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
    # the message and the hint from the catalog, to say them in another language than English
    said: Message | None = field(default=None, compare=False)
    hint_said: Message | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def text(self, lang: str = "en") -> str:
        """The message alone, in `lang` when the catalog has it."""
        return self.said.said(lang) if self.said is not None and lang != "en" else self.message

    def hint_text(self, lang: str = "en") -> str | None:
        if self.hint_said is not None and lang != "en":
            return self.hint_said.said(lang)
        return self.hint

    def render(self, lang: str = "en") -> str:
        """`file:line:col: error: message`, the source line, a caret, and the hint."""
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        severity = say(lang, f"severity.{self.severity}")
        head = printable(f"{where}: {severity}: {self.text(lang)}")
        hint = self.hint_text(lang)
        if not self.line:
            return head + (f"\n  = {printable(hint)}" if hint else "")
        gutter = str(self.line)
        pad = " " * len(gutter)
        text, start = window(printable(self.source_line.rstrip("\n").expandtabs(1)), self.column)
        at = max(self.column - 1 - start, 0)
        caret = " " * at + "^" * max(min(self.width, len(text) - at), 1)
        lines = [head, f" {gutter} | {text}", f" {pad} | {caret}"]
        if hint:
            lines.append(f" {pad} = {printable(hint)}")
        return "\n".join(lines)

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "severity": self.severity,
            "message": self.text(lang),
            "file": self.path,
            "line": self.line,
            "column": self.column,
            "hint": self.hint_text(lang),
        }


WINDOW = 100  # characters of a source line quoted around the caret


def window(text: str, column: int) -> tuple[str, int]:
    """At most `WINDOW` characters of `text` around `column` (1-based), with "…" where cut, and
    how many characters were cut before (less one for the "…" shown in their place)."""
    if len(text) <= WINDOW:
        return text, 0
    start = max(min(column - 1 - WINDOW // 2, len(text) - WINDOW), 0)
    end = start + WINDOW
    shown = text[start:end]
    if start:
        shown = "…" + shown
        start -= 1
    return shown + ("…" if end < len(text) else ""), start


class RuleError(Exception):
    """The one error type of the rules language; carries every diagnostic found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))


class RuleSyntaxError(RuleError):
    """The file does not follow the grammar."""


def did_you_mean(name: str, known: Iterable[str]) -> Message | None:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return message("rules.did_you_mean", name=close[0]) if close else None


# Characters a terminal obeys instead of showing (ESC starts a sequence that can clear the
# screen or set the window title; bidi controls reorder what is shown): messages quote files
# that anyone may have written, so these are shown as symbols of the same width (ESC as ␛).
_SHOWN = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_SHOWN |= {0x7F: 0x2421} | {code: 0xFFFD for code in range(0x80, 0xA0)}
_SHOWN |= {code: 0xFFFD for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


_ANY_SHOWN = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_SHOWN)) + "]")


def printable(text: str) -> str:
    """`text` safe to print to a terminal: control characters shown as symbols, not obeyed."""
    # a search first: nearly every text has none, and `translate` with a table is slow
    return text.translate(_SHOWN) if _ANY_SHOWN.search(text) else text


def source_line(text: str, line: int) -> str:
    lines = _lines(text)
    return lines[line - 1] if 0 < line <= len(lines) else ""


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> tuple[str, ...]:
    """The lines of a file, split once however many diagnostics it has."""
    return tuple(text.splitlines())
