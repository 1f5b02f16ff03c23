"""F1: every key and command of the app, in the language of the moment."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from ..actions import ACTIONS, PALETTE_KEY
from ..i18n import t
from ..table import Column, StaticRows, cell, fit
from ..widgets.grid import Grid
from ..widgets.grid_lines import PAD

WHAT_MIN = 24  # below this what a key does is not worth reading: the table scrolls instead

NAVIGATION = (
    ("↑ ↓ PgUp PgDn", "rows"),
    ("Home End", "edges"),
    ("← →", "columns"),
    ("Tab, Shift+Tab", "focus"),
    ("Esc", "leave"),
    ("Enter", "choose"),
    ("key.click", "source"),
)


def help_rows(lang: str, keys: dict[str, str], room: int = 0) -> StaticRows:
    """A row per action: its key (as remapped), "group: verb", and what it does. Given the
    `room` the table is shown in, what it does fits in what the other columns leave, a longer
    text ending in "…" (cut at the view's edge it would stop mid-word, as if whole)."""
    rows = []
    for action in ACTIONS:
        key = keys.get(action.id, action.key)
        rows.append(
            (
                action.id,
                [cell(key, style="bold"), cell(action.command(lang)), cell(action.words(lang)[2])],
            )
        )
    # the keys of moving around, which are no action of ours but which a user has to know
    for key, what in NAVIGATION:
        rows.append(
            (
                f"nav.{what}",
                [
                    cell(t(lang, key) if key.startswith("key.") else key, style="bold"),
                    cell(f"{t(lang, 'group.nav')}: {t(lang, f'nav.{what}')}"),
                    cell(t(lang, f"nav.{what}.tip")),
                ],
            )
        )
    widths = [fit(*(r[1][i].plain for r in rows)) for i in (0, 1)]
    longest = max(cell_len(r[1][2].plain) for r in rows)
    if room > 0:  # each column has PAD blank cells each side
        longest = max(WHAT_MIN, min(longest, room - sum(widths) - 6 * PAD))
    columns = [
        Column("key", t(lang, "help.key"), width=widths[0]),
        Column("command", t(lang, "help.command"), width=widths[1]),
        Column("what", t(lang, "help.what"), width=longest),
    ]
    return StaticRows(t(lang, "help.title"), columns, rows)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close", show=False, id="help.close"),
    ]

    def __init__(self, lang: str, keys: dict[str, str]) -> None:
        super().__init__()
        self.lang, self.keys = lang, keys

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Label(t(self.lang, "help.title"), classes="dialog-title")
            yield Grid(help_rows(self.lang, self.keys), id="help-table")
            key = self.keys.get("tinnhiem.palette", PALETTE_KEY)
            yield Label(t(self.lang, "help.footer", key=key), classes="dim")

    def on_mount(self) -> None:
        self.query_one(Grid).focus()

    def on_resize(self) -> None:
        # the table's width is known once laid out: what each key does is fitted to it
        grid = self.query_one(Grid)
        grid.call_after_refresh(self._fit, grid)

    def _fit(self, grid: Grid) -> None:
        room = grid.scrollable_content_region.width
        if room > 0:
            grid.show(help_rows(self.lang, self.keys, room))

    def action_close(self) -> None:
        self.dismiss(None)
