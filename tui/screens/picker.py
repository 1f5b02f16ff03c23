"""Pick a file: from suggestions (bundled, beside the data, recent), a folder tree, or a path;
and the checks of a path typed into any dialog, so that each says why a path cannot be used."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from tinnhiem import bundled

from ..i18n import t

Kind = Literal["tallies", "ballots"]

SHOWN = 200  # characters of a path a message shows; a longer one is cut in the middle


def shown(text: str) -> str:
    """The path as a message shows it: a NUL made visible, a very long path cut in the middle."""
    text = text.replace("\0", "\\0")
    if len(text) <= SHOWN:
        return text
    half = SHOWN // 2
    return f"{text[:half]}…{text[-half:]} ({len(text)})"


def typed_path(text: str, lang: str) -> tuple[Path | None, str]:
    """The path in `text`, or None and why it cannot be one (in `lang`)."""
    text = text.strip()
    if not text:
        return None, t(lang, "path.empty")
    if "\0" in text:
        return None, t(lang, "path.nul", path=shown(text))
    path = Path(text).expanduser()
    try:
        path.exists()  # raises for what no file system accepts (a name too long, ...)
    except OSError as exc:
        return None, t(lang, "path.bad", path=shown(text), error=exc.strerror or exc)
    return path, ""


def distinct_folders(paths: Sequence[Path]) -> dict[Path, str]:
    """The end of each path's folder, long enough that two files of the same name differ."""
    out: dict[Path, str] = {}
    for path in paths:
        same = [p for p in paths if p.name == path.name and p != path]
        parts = path.parent.parts
        depth = 1
        while depth < len(parts) and any(p.parent.parts[-depth:] == parts[-depth:] for p in same):
            depth += 1
        out[path] = "/".join(parts[-depth:]).replace("//", "/") + "/"
    return out


def bundled_files() -> list[Path]:
    return [*bundled.bundled_rules(), *sorted(bundled.data_dir().iterdir())]


@dataclass(frozen=True)
class Picked:
    path: Path
    kind: Kind = "tallies"


class FileTree(DirectoryTree):
    """Folders, and the files with one of the suffixes asked for."""

    def __init__(self, path: Path, suffixes: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(path, id=id)
        self.suffixes = tuple(suffixes)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p
            for p in paths
            if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in self.suffixes)
        ]


class PickerScreen(ModalScreen[Picked | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False, id="picker.cancel"),
    ]

    def __init__(
        self,
        title: str,
        lang: str,
        suggestions: Sequence[tuple[str, Sequence[Path]]],
        suffixes: Sequence[str],
        start: Path,
        *,
        ask_kind: bool = False,
        initial: Path | None = None,
        strict: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.lang = lang
        self.suggestions = suggestions
        self.suffixes = suffixes
        self.start = start if start.is_dir() else Path.cwd()
        self.ask_kind = ask_kind
        self.initial = initial
        self.strict = strict  # refuse a file without one of the suffixes (rules: only `.tn`)
        self._paths: dict[str, Path] = {}
        self._armed = False  # once the list is mounted: its highlights are the user's
        # bundled files are shown by their name, never by the folder they are installed in
        self._named = {p.name: p for p in bundled_files() if not (Path.cwd() / p.name).exists()}

    def text_of(self, path: Path) -> str:
        """How the path field shows `path`: a bundled file by its name."""
        return path.name if self._named.get(path.name) == path else str(path)

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="picker", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(
                self.text_of(self.initial) if self.initial else "",
                placeholder=t(lang, "picker.path.hint"),
                id="path",
                compact=True,
            )
            with Horizontal(id="picker-lists"):
                yield OptionList(*self._options(), id="suggestions")
                yield FileTree(self.start, self.suffixes, id="tree")
            if self.ask_kind:
                with Horizontal(id="kind-row"):
                    with RadioSet(id="kind", compact=True):
                        yield RadioButton(t(lang, "data.tallies"), value=True, id="tallies")
                        yield RadioButton(t(lang, "data.ballots"), id="ballots")
                    yield Label("", id="detected")
            yield Label("", id="picker-error", classes="error-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(lang, "picker.open"), variant="primary", id="open", compact=True)
                yield Button(t(lang, "picker.cancel"), id="cancel", compact=True)

    def _options(self) -> list[Option]:
        options: list[Option] = []
        folders = distinct_folders([p for _group, paths in self.suggestions for p in paths])
        for group, paths in self.suggestions:
            if not paths:
                continue
            options.append(Option(f"── {group}", disabled=True))
            for path in paths:
                key = f"p{len(self._paths)}"
                self._paths[key] = path
                label = Text.assemble(f"  {path.name}  ", (folders[path], "dim"))
                options.append(Option(label, id=key))
        return options

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()
        # the list highlights its first entry as it mounts: that is no choice of the user's
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        options = self.query_one("#suggestions", OptionList)
        key = next((k for k, p in self._paths.items() if p == self.initial), None)
        with options.prevent(OptionList.OptionHighlighted):  # the field already shows it
            options.highlighted = options.get_option_index(key) if key else None
        self._armed = True

    @on(OptionList.OptionHighlighted, "#suggestions")
    @on(OptionList.OptionSelected, "#suggestions")
    def _suggested(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        if isinstance(event, OptionList.OptionHighlighted) and (
            event.option_index != event.option_list.highlighted
        ):
            return  # a highlight of before (the first entry, as the list mounted): stale
        path = self._paths.get(event.option.id or "")
        if path is not None and self._armed:
            self.query_one("#path", Input).value = self.text_of(path)
            if isinstance(event, OptionList.OptionSelected):
                self._open()

    @on(Input.Changed, "#path")
    def _detect(self, event: Input.Changed) -> None:
        """Read the shape of the file named and set the kind to it; the user may switch it."""
        if not self.ask_kind:
            return
        from ..backend import sniff_kind

        label = self.query_one("#detected", Label)
        text = event.value.strip()
        path = self._named.get(text) or Path(text).expanduser()
        try:
            found = sniff_kind(path) if text and "\0" not in text and path.is_file() else None
        except OSError:
            found = None
        if found is None:
            label.update("")
            return
        self.query_one(f"#{found}", RadioButton).value = True
        label.update(t(self.lang, "data.detected", kind=t(self.lang, f"data.{found}.short")))

    @on(DirectoryTree.FileSelected, "#tree")
    def _from_tree(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#path", Input).value = str(event.path)

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        text = self.query_one("#path", Input).value
        path, problem = typed_path(text, self.lang)
        path = self._named.get(text.strip(), path)
        if path is not None:
            named = shown(text.strip())
            if path.is_dir():
                problem = t(self.lang, "picker.folder", path=named)
            elif not path.is_file():
                problem = t(self.lang, "picker.missing", path=named)
            elif self.strict and path.suffix.lower() not in self.suffixes:
                suffixes = ", ".join(self.suffixes)
                problem = t(self.lang, "picker.suffix", path=named, suffixes=suffixes)
        if path is None or problem:
            self.query_one("#picker-error", Label).update(Text(problem))  # not markup
            return
        kind: Kind = "tallies"
        if self.ask_kind and self.query_one("#ballots", RadioButton).value:
            kind = "ballots"
        self.dismiss(Picked(path, kind))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
