"""The rules tab: the file in a syntax-coloured editor, and its diagnostics below.

Typing is checked and evaluated once it settles (a short debounce); the app does the work in a
worker, so the editor never waits for it.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from pygments.token import Token, _TokenType
from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Label, OptionList, Static, TextArea
from textual.widgets._text_area import TextAreaTheme
from textual.widgets.option_list import Option
from textual.widgets.text_area import Edit, EditResult
from tinnhiem.engine.in_force import in_force_text
from tinnhiem.rules import Diagnostic, ast
from tinnhiem.rules.describe import describe
from tinnhiem.rules.errors import printable
from tinnhiem.rules.lexer import TinnhiemLexer

from tinnhiem import bundled

from ..i18n import t
from ..messages import RulesEdited

DEBOUNCE = 0.25
# what a rules file cannot hold: NUL, and half a UTF-16 pair (no UTF-8 for it: the editor's
# highlighting, the checker and saving would all fail on it)
UNUSABLE = re.compile("[\x00\ud800-\udfff]")

# Pygments token -> (TextArea highlight name, theme variable, extra style)
_TOKENS: list[tuple[_TokenType, str]] = [
    (Token.Comment, "comment"),
    (Token.String, "string"),
    (Token.Keyword.Constant, "boolean"),
    (Token.Keyword, "keyword"),
    (Token.Number, "number"),
    (Token.Literal.Date, "number"),
    (Token.Operator.Word, "keyword.operator"),
    (Token.Operator, "operator"),
    (Token.Name.Class, "type"),
    (Token.Name.Label, "function"),
    (Token.Name.Constant, "constant.builtin"),
    (Token.Name.Builtin.Pseudo, "variable.builtin"),
    (Token.Name.Builtin, "function.call"),
    (Token.Name.Function, "function.call"),
    (Token.Name.Attribute, "variable.builtin"),
    (Token.Error, "error"),
]
_STYLES: dict[str, tuple[str, str]] = {
    "comment": ("foreground", "italic dim"),
    "string": ("text-success", ""),
    "boolean": ("text-warning", ""),
    "keyword": ("text-primary", "bold"),
    "number": ("text-warning", ""),
    "keyword.operator": ("text-primary", ""),
    "operator": ("foreground", ""),
    "type": ("text-accent", "bold"),
    "function": ("text-secondary", ""),
    "constant.builtin": ("text-accent", ""),
    "variable.builtin": ("text-secondary", "italic"),
    "function.call": ("text-primary", ""),
    "error": ("text-error", "underline"),
    "diagnostic": ("text-error", "underline"),
}


@functools.cache
def _name(token: _TokenType) -> str | None:
    for kind, name in _TOKENS:
        if token in kind:
            return name
    return None


def syntax_theme(palette: Mapping[str, str]) -> TextAreaTheme:
    """A TextArea theme drawn from the app's theme variables (no base style: CSS colours)."""
    colours = dict(palette)
    styles = {}
    for name, (variable, extra) in _STYLES.items():
        colour = colours.get(variable, "")
        styles[name] = Style.parse(f"{extra} {colour}".strip()) if colour or extra else Style()
    return TextAreaTheme(name="tinnhiem", syntax_styles=styles)


def diagnostic_text(diagnostic: Diagnostic, width: int, lang: str = "vi") -> str:
    """`Diagnostic.render()` for a narrow list: the file's name only (the header has its path),
    and the source line cut to a window around the caret, so that the caret stays under it."""
    d = diagnostic
    severity = t(lang, f"severity.{d.severity}")
    head = f"{Path(d.path).name}:{d.line}:{d.column}: {severity}: {d.text(lang)}"
    hint = f"\n = {d.hint_text(lang)}" if d.hint else ""
    if not d.line:
        return head + hint
    gutter = str(d.line)
    room = max(width - len(gutter) - 4, 10)
    source = d.source_line.rstrip("\n").expandtabs(1)
    start = 0
    if d.column - 1 + d.width > room:
        start = max(0, d.column - 1 - room // 3)
    shown = source[start : start + room]
    if start:
        shown = "…" + shown[1:]
    if start + room < len(source):
        shown = shown[:-1] + "…"
    caret = " " * max(d.column - 1 - start, 0) + "^" * max(min(d.width, room), 1)
    pad = " " * len(gutter)
    hint = f"\n {pad} = {d.hint}" if d.hint else ""
    return f"{head}\n {gutter} | {shown}\n {pad} | {caret}{hint}"


def plain_renderable(text: str) -> Group:
    """`tinnhiem show`'s words for a narrow panel: a list item wraps under its own text."""
    parts: list[RenderableType] = []
    for line in text.split("\n"):
        if line.startswith("- "):
            item = Table.grid()
            item.add_column(no_wrap=True)
            item.add_column()
            item.add_row("- ", Text(line[2:]))
            parts.append(item)
        else:
            parts.append(Text(line))
    return Group(*parts)


class RulesEditor(TextArea):
    """A TextArea coloured by the tinnhiem Pygments lexer; lines with errors are underlined."""

    _lexer = TinnhiemLexer()

    def __init__(self, *, id: str | None = None) -> None:
        # (row, start column, end column) of each error, underlined
        self.marks: list[tuple[int, int, int]] = []
        self._lexed_text: str | None = None
        self._lexed: dict[int, list[tuple[int, int, str]]] = {}
        super().__init__("", id=id, show_line_numbers=True, tab_behavior="indent", soft_wrap=False)
        self.indent_width = 2

    def edit(self, edit: Edit) -> EditResult:
        """Every change of the text (typing, pasting) comes here: replace what cannot be saved."""
        text, n = UNUSABLE.subn("\ufffd", edit.text)
        if n:
            line = edit.from_location[0] + 1
            lang = getattr(self.app, "lang", "vi")
            message = t(lang, "rules.replaced_chars", line=line, n=n)
            self.notify(message, severity="warning", markup=False)
            edit = replace(edit, text=text)
        return super().edit(edit)

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        text = self.text
        lines = text.split("\n")
        # Textual rebuilds the map on every change of the text and of the marks; lexing a long
        # text is the costly part, so it is done once per text
        if self._lexed_text is not text and self._lexed_text != text:
            self._lexed = self._lex(text, lines)
            self._lexed_text = text
        for row, spans in self._lexed.items():
            highlights[row].extend(spans)
        for row, start, end in self.marks:
            if row < len(lines):
                line = lines[row]
                begin = len(line[:start].encode())
                finish = len(line[: max(end, start + 1)].encode())
                highlights[row].append((begin, finish, "diagnostic"))

    def _lex(self, text: str, lines: list[str]) -> dict[int, list[tuple[int, int, str]]]:
        """The coloured spans of each row: (start byte, end byte, style name)."""
        lexed: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        row = column = 0
        for _start, token, value in self._lexer.get_tokens_unprocessed(text):
            name = _name(token)
            for index, piece in enumerate(value.split("\n")):
                if index:
                    row, column = row + 1, 0
                if piece and name and row < len(lines):
                    line = lines[row]
                    start = len(line[:column].encode())
                    end = start + len(piece.encode())
                    lexed[row].append((start, end, name))
                column += len(piece)
        return lexed


class RulesView(Vertical):
    """The editor with a header line and the list of diagnostics."""

    lang = reactive("vi")
    diagnostics: reactive[tuple[Diagnostic, ...]] = reactive(())

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.path: Path | None = None
        self.saved_text = ""
        self._seen = ""
        self._timer: Timer | None = None
        self._palette: dict[str, str] = {}
        self._header_said = ""
        self.in_force: ast.InForce | None = None  # of the rule set in force, said in the header
        self.in_force_of = ""
        self.ruleset: ast.Resolved | None = None  # the last rules that parsed
        self.plain = ""  # their words (`tinnhiem show`), made when the panel is shown
        self._plain_of: tuple[ast.Resolved, str] | None = None  # said: the rules, the language

    def compose(self) -> ComposeResult:
        yield Label(id="rules-header")
        with Horizontal(id="rules-split"):
            yield RulesEditor(id="editor")
            with VerticalScroll(id="rules-plain"):
                yield Label(id="plain-title", classes="section-title")
                yield Static(id="plain-text", markup=False)
        yield Label(id="diagnostics-title", classes="section-title")
        yield OptionList(id="diagnostics")

    @property
    def editor(self) -> RulesEditor:
        return self.query_one(RulesEditor)

    @property
    def edited(self) -> bool:
        return self.editor.text != self.saved_text

    def open_file(self, path: Path, text: str) -> None:
        """Show a file as it is on disk, dropping any edit."""
        self.path, self.saved_text, self._seen = path, text, text
        if self._timer is not None:
            self._timer.stop()
        self.editor.load_text(text)
        self._header()

    def set_palette(self, palette: Mapping[str, str]) -> None:
        self._palette = dict(palette)
        editor = self.editor
        editor.register_theme(syntax_theme(palette))
        editor.theme = "tinnhiem"

    @on(TextArea.Changed, "#editor")
    def _changed(self) -> None:
        text = self.editor.text
        self._header()
        if text == self._seen:
            return
        self._seen = text
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, lambda: self.post_message(RulesEdited(text)))

    def flush(self) -> None:
        """Send a pending edit now (tests, and saving)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.post_message(RulesEdited(self.editor.text))

    def _header(self) -> None:
        if self.path is None:
            return
        label = Text(self.path.name, style="bold")
        if self.path.parent.resolve() == bundled.rules_dir().resolve():
            label.append(f"  ({t(self.lang, 'picker.bundled').lower()})", style="dim")
        if self.in_force is not None:
            when = in_force_text(self.in_force, "vi" if self.lang == "vi" else "en")
            label.append(f"  · {t(self.lang, 'rules.in_force', name=self.in_force_of, when=when)}")
        if self.edited:
            label.append(f"  ● {t(self.lang, 'status.edited')}", style="italic")
        # called at every keystroke: redraw only when the words change, and never re-layout
        # the screen for it (the header is one line high)
        if label.plain == self._header_said:
            return
        self._header_said = label.plain
        header = self.query_one("#rules-header", Label)
        header.update(label, layout=False)
        header.tooltip = str(self.path)

    def set_ruleset(self, ruleset: ast.Resolved) -> None:
        """The rule set the file gives: its dates of force go in the header, its words in the
        plain panel (when shown)."""
        self.in_force, self.in_force_of = ruleset.in_force, ruleset.in_force_of or ruleset.name
        self.ruleset = ruleset
        self._header()
        self._show_plain()

    @property
    def plain_shown(self) -> bool:
        return self.has_class("-plain")

    def toggle_plain(self, shown: bool | None = None) -> None:
        """Show or hide the rules in plain words (the interface's language) beside the editor."""
        self.set_class(not self.plain_shown if shown is None else shown, "-plain")
        self._show_plain()

    def _show_plain(self) -> None:
        """The words of the last rules that parsed; while the text has errors, said so above
        them (they are not what the editor holds)."""
        if not self.plain_shown:
            return
        broken = any(d.is_error for d in self.diagnostics)
        title = t(self.lang, "rules.plain_stale" if broken else "rules.plain")
        self.query_one("#plain-title", Label).update(title)
        said = self._plain_of
        if self.ruleset is None or (said and said[0] is self.ruleset and said[1] == self.lang):
            return
        self._plain_of = (self.ruleset, self.lang)
        self.plain = printable(describe(self.ruleset, self.lang))
        self.query_one("#plain-text", Static).update(plain_renderable(self.plain))

    def watch_lang(self) -> None:
        self._header()
        self._show_diagnostics()
        self._show_plain()

    def watch_diagnostics(self) -> None:
        self._show_diagnostics()
        self._show_plain()
        editor = self.editor
        here = str(self.path) if self.path else ""
        editor.marks = [
            (d.line - 1, d.column - 1, d.column - 1 + d.width)
            for d in self.diagnostics
            if d.line and d.is_error and d.path in (here, "<string>")
        ]
        editor._build_highlight_map()
        editor.refresh()

    def _show_diagnostics(self) -> None:
        found = self.diagnostics
        errors = sum(d.is_error for d in found)
        title = t(self.lang, "rules.diagnostics") + (
            f" ({errors} {t(self.lang, 'error').lower()}, "
            f"{len(found) - errors} {t(self.lang, 'warning').lower()})"
            if found
            else ""
        )
        self.query_one("#diagnostics-title", Label).update(title)
        options = self.query_one("#diagnostics", OptionList)
        options.clear_options()
        if not found:
            options.add_option(Option(t(self.lang, "rules.no_diagnostics"), disabled=True))
            return
        for number, diagnostic in enumerate(found):
            colour = self._palette.get("text-error" if diagnostic.is_error else "text-warning", "")
            width = options.size.width or self.app.size.width
            rendered = diagnostic_text(diagnostic, max(width - 3, 40), self.lang)
            text = Text(rendered)
            text.stylize(f"bold {colour}".strip(), 0, len(rendered.split("\n")[0]))
            options.add_option(Option(text, id=f"d{number}"))

    @on(OptionList.OptionSelected, "#diagnostics")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        """Put the editor's cursor on the diagnostic's place."""
        if not event.option.id:
            return
        diagnostic = self.diagnostics[int(event.option.id[1:])]
        here = self.path
        if diagnostic.line and here and Path(diagnostic.path).resolve() == here.resolve():
            self.editor.move_cursor((diagnostic.line - 1, max(diagnostic.column - 1, 0)))
            self.editor.focus()
