"""F1: every key and command of the app, in the language of the moment."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from ..actions import ACTIONS, PALETTE_KEY
from ..i18n import t
from ..table import Column, StaticRows, cell
from ..widgets.grid import Grid

NAVIGATION = (
    ("↑ ↓ PgUp PgDn", "rows"),
    ("Home End", "edges"),
    ("← →", "columns"),
    ("Tab, Shift+Tab", "focus"),
    ("Esc", "leave"),
    ("Enter", "choose"),
    ("key.click", "source"),
)


def help_rows(lang: str, keys: dict[str, str]) -> StaticRows:
    """A row per action: its key (as remapped), "group: verb", and what it does."""
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
    columns = [
        Column("key", t(lang, "help.key")),
        Column("command", t(lang, "help.command")),
        Column("what", t(lang, "help.what"), width=max(len(r[1][2].plain) for r in rows)),
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

    def action_close(self) -> None:
        self.dismiss(None)
