"""Ask where to export a table, and in which format; and where to save an edited rule set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from ..backend import EXPORT_FORMATS
from ..i18n import t
from .picker import shown, typed_path

FORMAT_NAMES = {
    "csv": "CSV",
    "xlsx": "Excel (XLSX)",
    "docx": "Word (DOCX)",
    "html": "HTML",
    "json": "JSON",
    "toml": "TOML",
    "md": "Markdown",
}


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    fmt: str


class ExportScreen(ModalScreen[ExportRequest | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False, id="export.cancel"),
    ]

    def __init__(
        self, table: str, lang: str, default: Path, fmt: str = "xlsx", note: str = ""
    ) -> None:
        super().__init__()
        self.table, self.lang, self.default, self.fmt = table, lang, default, fmt
        self.note = note  # e.g. that a filtered table is exported whole
        self._overwrite: Path | None = None  # the existing file the user agreed to replace

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="export", classes="dialog"):
            yield Label(t(lang, "export.title", table=self.table), classes="dialog-title")
            if self.note:
                yield Label(self.note, id="export-note", markup=False)
            yield Label(t(lang, "export.format"))
            yield Select(
                [(FORMAT_NAMES[f], f) for f in EXPORT_FORMATS],
                value=self.fmt,
                allow_blank=False,
                id="format",
                compact=True,
            )
            yield Label(t(lang, "picker.path"))
            yield Input(str(self.default.with_suffix(f".{self.fmt}")), id="path", compact=True)
            yield Label("", id="export-error", classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(lang, "export.save"), variant="primary", id="ok", compact=True)
                yield Button(t(lang, "picker.cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Select.Changed, "#format")
    def _format(self, event: Select.Changed) -> None:
        self.fmt = str(event.value)
        field = self.query_one("#path", Input)
        field.value = str(Path(field.value or self.default).with_suffix(f".{self.fmt}"))

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        """A name ending in another format's suffix chooses that format; a new name is asked
        about again before it overwrites anything."""
        self._overwrite = None
        self.query_one("#ok", Button).label = t(self.lang, "export.save")
        suffix = Path(event.value.strip()).suffix.lower().lstrip(".")
        if suffix in FORMAT_NAMES and suffix != self.fmt:
            self.fmt = suffix
            with self.prevent(Select.Changed):
                self.query_one("#format", Select).value = suffix

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#path", Input).value
        path, problem = typed_path(text, self.lang)
        expected = f".{self.fmt}"
        if path is not None and path.suffix.lower() != expected:
            # a file named .pdf holding CSV would be opened wrongly
            name, fmt = shown(path.name), FORMAT_NAMES[self.fmt]
            problem = t(self.lang, "export.suffix", name=name, fmt=fmt, expected=expected)
        if path is None or problem:
            self.query_one("#export-error", Label).update(Text(problem))
            return
        if path.is_file() and self._overwrite != path:
            # asked once: the same name confirmed again overwrites it
            self._overwrite = path
            message = t(self.lang, "export.exists", name=shown(path.name))
            self.query_one("#export-error", Label).update(Text(message))
            self.query_one("#ok", Button).label = t(self.lang, "export.overwrite")
            return
        self.dismiss(ExportRequest(path, self.fmt))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class SaveOverlayScreen(ModalScreen[Path | None]):
    """Where to write the overlay that `extends` the original rules file."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False, id="save.cancel"),
    ]

    def __init__(self, lang: str, default: Path, preview: str) -> None:
        super().__init__()
        self.lang, self.default, self.preview = lang, default, preview

    def compose(self) -> ComposeResult:
        from textual.widgets import TextArea

        lang = self.lang
        with Vertical(id="save", classes="dialog"):
            yield Label(t(lang, "save.title"), classes="dialog-title")
            yield Input(str(self.default), id="path", compact=True)
            yield TextArea(self.preview, read_only=True, id="preview")
            yield Label("", id="save-error", classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(lang, "save.save"), variant="primary", id="ok", compact=True)
                yield Button(t(lang, "picker.cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#path", Input).value
        path, problem = typed_path(text, self.lang)
        if path is not None and path.suffix.lower() != ".tn":
            # the rules pickers open `.tn` files only: another name could not be opened again
            problem = t(self.lang, "picker.suffix", path=shown(path.name), suffixes=".tn")
        if path is None or problem:
            self.query_one("#save-error", Label).update(Text(problem))
            return
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
