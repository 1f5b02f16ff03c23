"""The differences (in the compare tab): where the current and the compared rule set disagree
over every tally, not only the data's, each with its smallest tally as a ready example.

The diff runs in a worker, and only while the view is on screen: editing the rules leaves it
alone until the user looks again (like the calendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static
from tinnhiem.engine import diff_words as words
from tinnhiem.engine.diff import BlockDiff, Diff, DiffError, Pair, diff, witness_results
from tinnhiem.engine.words import Lang, say
from tinnhiem.rules import ast
from tinnhiem.rules.logic import TIMEOUT
from tinnhiem.rules.meaning import Undecidable

from ..i18n import t
from ..table import CLASS_WIDTH, Cell, Column, StaticRows, cell, fit
from .grid import Grid
from .why import why

WORDS_WIDTH = 200  # a witness in words is long: the table scrolls, the side panel has it whole


@dataclass
class DiffFinished(Message):
    key: tuple[int, int]  # the pair of rule sets it is the diff of
    found: Diff | None
    error: str = ""  # an i18n key, when the rule sets cannot be compared
    where: str = ""


@dataclass
class InsertExample(Message):
    """Enter on a difference: its example for the current rule set, to add to the editor."""

    text: str


@dataclass(frozen=True, slots=True)
class Line:
    """A row of the table: a block with nothing to show but words, or one differing pair."""

    block: BlockDiff
    pair: Pair | None = None


class DiffView(Vertical):
    lang = reactive("vi")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rulesets: tuple[ast.Resolved | None, ast.Resolved | None] = (None, None)
        self.found: Diff | None = None
        self.lines: list[Line] = []
        self._asked: tuple[int, int] | None = None  # the pair being (or last) computed
        self._error: tuple[str, str] = ("", "")
        self._stale = False

    def compose(self) -> ComposeResult:
        yield Static(id="diff-title", classes="section-title")
        yield Static(id="diff-note", classes="note")
        with Horizontal(id="diff-split"):
            yield Grid(fixed_columns=1, id="diff-table")
            with VerticalScroll(id="diff-detail"):
                yield Static(id="diff-example")

    @property
    def engine_lang(self) -> Lang:
        return "vi" if self.lang == "vi" else "en"

    def watch_lang(self) -> None:
        self._draw()

    def show_rulesets(self, current: ast.Resolved | None, compared: ast.Resolved | None) -> None:
        self.rulesets = (current, compared)
        self.display = compared is not None
        self.refresh_diff()

    def refresh_diff(self) -> None:
        """Compute again when the pair of rule sets changed, and only once it is in view."""
        current, compared = self.rulesets
        if not self.is_mounted or current is None or compared is None:
            return
        key = (id(current), id(compared))
        if key == self._asked:
            return
        if not self.is_on_screen:
            self._stale = True
            return
        self._asked, self.found, self._error = key, None, ("", "")
        self._draw()
        self._compute(current, compared, key)

    def on_show(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh_diff()

    @work(thread=True, exclusive=True, group="diff")
    def _compute(self, a: ast.Resolved, b: ast.Resolved, key: tuple[int, int]) -> None:
        try:
            found = diff(a, b, timeout=TIMEOUT)
        except DiffError as exc:
            cause = exc.__cause__
            if isinstance(cause, Undecidable):
                at = f"{Path(cause.file).name}:{cause.line}" if cause.line else "?"
                self.post_message(DiffFinished(key, None, "diff.undecidable", at))
            else:
                self.post_message(DiffFinished(key, None, "diff.no_common"))
            return
        except Exception as exc:  # a bug in the engine must not take the app down
            self.post_message(DiffFinished(key, None, "diff.failed", f"{type(exc).__name__}"))
            return
        self.post_message(DiffFinished(key, found))

    @on(DiffFinished)
    def _finished(self, event: DiffFinished) -> None:
        if event.key != self._asked:  # rule sets changed meanwhile: a newer diff is coming
            return
        self.found, self._error = event.found, (event.error, event.where)
        self._draw()

    # --- drawing ----------------------------------------------------------------------------

    def _draw(self) -> None:
        if not self.is_mounted:
            return
        lang = self.lang
        current, compared = self.rulesets
        names = (current.name if current else "", compared.name if compared else "")
        self.query_one("#diff-title", Static).update(
            Text(t(lang, "diff.title", a=names[0], b=names[1]))
        )
        note = self.query_one("#diff-note", Static)
        table = self.query_one("#diff-table", Grid)
        found = self.found
        error, where = self._error
        if found is None:
            note.update(Text(t(lang, error, where=where) if error else t(lang, "diff.computing")))
            self.lines = []
            table.show(StaticRows("", []))
            self.query_one("#diff-example", Static).update("")
            return
        note.update(Text(self._summary(found)))
        self.lines = [Line(block, pair) for block in found.blocks for pair in _shown(block)]
        table.show(self._rows(found))

    def _summary(self, found: Diff) -> str:
        lang = self.lang
        pairs = sum(len(block.differences) for block in found.blocks)
        exact = all(block.exact for block in found.blocks)
        if pairs:
            said = [t(lang, "diff.pairs", n=pairs)]
        else:  # "the same" only when proved; else only that none was found
            said = [t(lang, "diff.same" if exact else "diff.none_found")]
        if not exact:
            said.append(t(lang, "diff.not_proved"))
        if any("no_solver" in block.reasons for block in found.blocks):
            said.append(say(self.engine_lang, "diff.no_solver"))
        return " ".join(said)

    def _rows(self, found: Diff) -> StaticRows:
        lang, said = self.lang, self.engine_lang
        a, b = found.a, found.b
        rows: list[tuple[str, list[Cell]]] = []
        for index, line in enumerate(self.lines):
            block, pair = line.block, line.pair
            name = _block_label(a, block.a) if block.a else _block_label(b, block.b)
            if pair is not None:
                label_a = words.outcome_label(a, block.a, pair.a, said)
                label_b = words.outcome_label(b, block.b, pair.b, said)
                text = words.pair_words(found, block, pair, said)
            elif block.only is not None:
                owner = a if block.only == "a" else b
                label_a = label_b = ""
                text = say(said, "diff.only", name=words.short_name(owner))
            else:
                label_a = label_b = "="
                text = words.block_words(block, said)
            rows.append(
                (
                    str(index),
                    [
                        cell(name),
                        cell(label_a, style="bold"),
                        cell(label_b, style="bold"),
                        cell(text, style="" if pair else "dim"),
                    ],
                )
            )
        columns = [
            Column("block", t(lang, "diff.block")),
            Column("a", f"A: {words.short_name(a)}", width=_width(rows, 1, CLASS_WIDTH)),
            Column("b", f"B: {words.short_name(b)}", width=_width(rows, 2, CLASS_WIDTH)),
            Column("witness", t(lang, "diff.witness"), width=_width(rows, 3, WORDS_WIDTH)),
        ]
        return StaticRows(t(lang, "diff.table"), columns, rows)

    @on(Grid.RowSelected, "#diff-table")
    def _selected(self, event: Grid.RowSelected) -> None:
        event.stop()
        if event.index < len(self.lines):
            pair = self.lines[event.index].pair
            if pair is not None:
                self.post_message(InsertExample(pair.example_a))

    @on(Grid.RowHighlighted, "#diff-table")
    def _highlighted(self, event: Grid.RowHighlighted) -> None:
        event.stop()
        self.show_detail(event.index)

    def show_detail(self, index: int) -> None:
        """The whole words of a row and, for a difference, the examples to paste."""
        found = self.found
        if found is None or index >= len(self.lines):
            return
        line = self.lines[index]
        cells = self.query_one("#diff-table", Grid).rows.cells(index)
        pair = line.pair
        shown = Text(cells[3].plain)
        if pair is not None:
            shown = Text(f"{cells[1].plain} · {cells[2].plain}\n{cells[3].plain}")
            shown.append(f"\n\n{t(self.lang, 'diff.paste')}\n", style="bold")
            shown.append(f"{t(self.lang, 'diff.insert_hint')}\n", style="dim")
            for side, ruleset, example in (
                ("A", found.a, pair.example_a),
                ("B", found.b, pair.example_b),
            ):
                shown.append(f"\n# {side} ({Path(ruleset.path).name})\n", style="dim")
                shown.append(example + "\n")
            parts: list[RenderableType] = [shown, *self._traces(found, line.block, pair)]
            self.query_one("#diff-example", Static).update(Group(*parts))
            return
        self.query_one("#diff-example", Static).update(shown)

    def _traces(self, found: Diff, block: BlockDiff, pair: Pair) -> list[RenderableType]:
        """Why each side gives its class on this tally: the results' "why" panel, in the UI's
        language (one tally each: computed here, on demand)."""
        palette = getattr(self.app, "palette", {})
        parts: list[RenderableType] = []
        results = witness_results(found, block, pair, self.engine_lang)
        for side, ruleset, result in zip("AB", (found.a, found.b), results, strict=True):
            head = t(self.lang, "diff.trace", side=side, name=words.short_name(ruleset))
            parts += [Text(), Text(head, style="bold")]
            parts.append(
                Text(result)
                if isinstance(result, str)
                else why(result, ruleset, self.lang, palette)
            )
        return parts


def _width(rows: list[tuple[str, list[Cell]]], column: int, cap: int) -> int:
    return fit(*(cells[column].plain for _key, cells in rows), cap=cap)


def _shown(block: BlockDiff) -> tuple[Pair | None, ...]:
    """A row per differing pair; one row of words for a block the same, or of one side only."""
    if block.only is None and block.differences:
        return block.differences
    return (None,)


def _block_label(ruleset: ast.Resolved, block_id: str) -> str:
    found = ruleset.block(block_id)
    return (found.label if found else "") or block_id
