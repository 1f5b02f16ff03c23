"""A scrolling column of titled tables: the report, the comparison, the calendar, the sweep."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..table import Rows
from .grid import Grid


class Sections(VerticalScroll):
    """Titled `Grid`s, one per table; a note shows instead when there is nothing to show."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.tables: list[Rows] = []

    def show(self, sections: Sequence[tuple[str | Text, Rows]], note: str | Text = "") -> None:
        self.tables = [rows for _title, rows in sections]
        titles = list(self.query(".section-title").results(Static))
        grids = list(self.query(Grid).results(Grid))
        notes = list(self.query(".note").results(Static))
        if len(grids) == len(sections) and len(notes) == (1 if note else 0):
            for (title, rows), label, grid in zip(sections, titles, grids, strict=True):
                if str(label.content) != str(title):
                    label.update(title)
                grid.show(rows)
            if notes and str(notes[0].content) != str(note):
                notes[0].update(note)
            return
        self.remove_children()
        widgets: list[Static | Grid] = []
        if note:
            widgets.append(Static(note, classes="note"))
        for title, rows in sections:
            widgets += [
                Static(title, classes="section-title"),
                Grid(rows, fixed_columns=1, classes="section-grid"),
            ]
        self.mount_all(widgets)

    @property
    def grids(self) -> list[Grid]:
        return list(self.query(Grid).results(Grid))
