"""The find line of the results table (`/`): it filters the people shown, never the results."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Label

from ..i18n import t


class FindInput(Input):
    """The text to find; Esc clears it and closes the line, Enter goes back to the table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", show=False, id="find.close"),
    ]

    def action_close(self) -> None:
        bar = self.parent
        if isinstance(bar, FindBar):
            bar.close()


class FindBar(Horizontal):
    """`/` opens it; it says how many of the people are shown ("3/10 người")."""

    lang = reactive("vi")

    class Changed(Message):
        """The text to find changed ("" when the line is closed)."""

        def __init__(self, text: str, *, closed: bool = False, done: bool = False) -> None:
            super().__init__()
            # closed: Esc (the text is cleared); done: Enter (the filter stays, the table next)
            self.text, self.closed, self.done = text, closed, done

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown, self.total = 0, 0
        self.votes = False

    def compose(self) -> ComposeResult:
        yield Label(id="find-label")
        yield FindInput(id="find-input", compact=True)
        yield Label(id="find-count")

    @property
    def input(self) -> FindInput:
        return self.query_one(FindInput)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")
        self._words()
        self.input.focus()

    def close(self) -> None:
        """Clear the text and hide the line: every person is shown again."""
        self.remove_class("-open")
        self.input.value = ""
        self.post_message(self.Changed("", closed=True))

    def count(self, shown: int, total: int, *, votes: bool = False) -> None:
        """`votes`: a row is one person's vote in a round (several rounds), not a person."""
        self.shown, self.total, self.votes = shown, total, votes
        self._words()

    @property
    def count_text(self) -> str:
        key = "find.count_votes" if self.votes else "find.count"
        return t(self.lang, key, n=self.shown, m=self.total)

    def _words(self) -> None:
        self.query_one("#find-label", Label).update(t(self.lang, "find.label"))
        self.input.placeholder = t(self.lang, "find.placeholder")
        self.query_one("#find-count", Label).update(self.count_text)

    def watch_lang(self) -> None:
        if self.is_mounted:
            self._words()

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.is_open:
            self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Changed(event.value, done=True))
