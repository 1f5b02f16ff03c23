"""The compare tab: who a second rule set treats differently, and the class matrix per block."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual.reactive import reactive

from ..i18n import t
from ..table import Rows
from ..tables import changes_rows, matrix_rows
from .sections import Sections


class CompareView(Sections):
    lang = reactive("vi")

    def show_nothing(self, key: str) -> None:
        self.show([], t(self.lang, "compare.none", key=key))

    def show_comparison(self, comparison: Any, palette: Mapping[str, str]) -> None:
        """`comparison` is an `engine.compare.Comparison`; None while it is being computed."""
        lang = self.lang
        if comparison is None:
            self.show([], t(lang, "compare.waiting"))
            return
        a, b = comparison.a.ruleset, comparison.b.ruleset
        head = Text(t(lang, "compare.title", a=a.name, b=b.name), style="bold")
        people = len(comparison.changes)
        head.append("\n")
        head.append(
            t(lang, "compare.changes", n=people) if people else t(lang, "compare.no_changes"),
            style=f"bold {palette.get('text-warning', '')}" if people else "",
        )
        sections: list[tuple[str | Text, Rows]] = []
        if people:
            changes = changes_rows(comparison, lang, palette)
            sections.append((changes.title, changes))
        for matrix in comparison.matrices:
            rows = matrix_rows(comparison, matrix, lang, palette)
            sections.append((rows.title, rows))
        self.show(sections, head)
