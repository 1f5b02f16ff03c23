"""Ctrl+L: ask for a line of the rules to go to."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ..i18n import t


class GotoLineScreen(ModalScreen[int | None]):
    """A line number from 1 to `last`; anything else is refused in the dialog, not guessed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False, id="goto.cancel"),
    ]

    def __init__(self, lang: str, name: str, last: int, now: int) -> None:
        super().__init__()
        self.lang, self.file_name, self.last, self.now = lang, name, last, now

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="goto", classes="dialog"):
            title = t(lang, "goto_line.title", name=self.file_name)
            yield Label(title, classes="dialog-title", markup=False)
            yield Label(t(lang, "goto_line.ask", last=self.last, now=self.now), id="goto-ask")
            yield Input(id="goto-line", compact=True, restrict=r"\s*\d*\s*", max_length=9)
            yield Label("", id="goto-error", classes="error-line")
            yield Label(t(lang, "goto_line.keys"), classes="dim")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#goto-line")
    def _ok(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        line = int(text) if text.isdigit() else 0
        if not 1 <= line <= self.last:
            problem = t(self.lang, "goto_line.range", last=self.last)
            self.query_one("#goto-error", Label).update(problem)
            return
        self.dismiss(line)

    def action_cancel(self) -> None:
        self.dismiss(None)
