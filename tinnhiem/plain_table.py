"""Big tables drawn as rich draws them, without rich's cost per cell.

rich lays out and renders every cell as segments: about a millisecond per row, 40 s for the
35,000 people of a province. Here the column widths come from rich itself (its own algorithm,
given a small table with the same extremes per column: the widest cell and the longest word),
so the table never gets wider than the console; a cell that fits its column (nearly all of them)
is padded as text, and only a cell that does not is wrapped, by rich. The result is the table
rich would print, line for line (tests/test_plain_table.py holds them equal).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

Justify = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    justify: Justify = "left"
    no_wrap: bool = False  # a name is never broken over lines (cut with "…" if it must be)


class _Widths:
    """Cell widths, each text measured once (positions and labels repeat down a column); and
    the lines of each cell that had to be wrapped, wrapped once (a reason such as "quorum not
    met: present = 17, …" repeats hundreds of times in a province's table)."""

    def __init__(self) -> None:
        self.known: dict[str, int] = {}
        self.wrapped: dict[tuple[str, int, Justify, bool], list[str]] = {}

    def __call__(self, text: str) -> int:
        width = self.known.get(text)
        if width is None:
            if text.isascii() and text.isprintable():
                return len(text)  # numbers, mostly: each is short and seldom seen twice
            if "\n" in text:
                width = max(cell_len(line) for line in text.split("\n"))
            else:
                width = cell_len(text)
            if len(self.known) < 100_000:
                self.known[text] = width
        return width


def _longest_word(text: str) -> str:
    return max(text.split(), key=cell_len, default="")


def _column_widths(
    console: Console, columns: Sequence[Column], rows: Sequence[Sequence[str]], measure: _Widths
) -> list[int]:
    """The widths rich gives the columns of this table on `console`."""
    # each distinct text once: a column of positions or of classes holds a few dozen
    texts = [
        {column.header, *cells}
        for column, cells in zip(columns, zip(*rows, strict=True), strict=False)
    ]
    texts = texts or [{column.header} for column in columns]
    widest = [max(column, key=measure) for column in texts]
    overhead = 3 * len(columns) + 1  # "│ " before each cell, " " after it, the last "│"
    if sum(map(measure, widest)) + overhead <= console.width:
        return [measure(text) for text in widest]  # it fits: every column as wide as its widest
    # it does not fit: rich shrinks columns by their widest cell and longest word, nothing else
    words = []
    for column in texts:
        word, width = "", 0
        for text in column:
            if measure(text) > width:  # else no word of it can be longer
                longest = _longest_word(text)
                if cell_len(longest) > width:
                    word, width = longest, cell_len(longest)
        words.append(word)
    table = _rich_table(None, columns)
    table.add_row(*widest)
    table.add_row(*words)
    # as rich does: the borders first, and a cell's padding (a space each side) in its width
    options = console.options.update_width(console.width - table._extra_width)
    return [w - 2 for w in table._calculate_column_widths(console, options)]


def _tabs_expanded(console: Console, text: str) -> str:
    if "\t" not in text:
        return text
    expanded = Text(text)
    expanded.expand_tabs(console.tab_size)
    return expanded.plain


def _rich_table(title: str | None, columns: Sequence[Column]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap)
    return table


def _lines(console: Console, text: str, width: int, column: Column, measure: _Widths) -> list[str]:
    """A cell as the lines of its column, `width` wide."""
    justify = column.justify
    if "\n" not in text:
        gap = width - measure(text)
        if gap >= 0:
            return [text + " " * gap if justify == "left" else " " * gap + text]
    key = (text, width, justify, column.no_wrap)
    found = measure.wrapped.get(key)
    if found is None:
        cell = Text(text, no_wrap=column.no_wrap)
        wrapped = cell.wrap(console, width, justify=justify, overflow="ellipsis")
        found = [line.plain + " " * (width - cell_len(line.plain)) for line in wrapped]
        if len(measure.wrapped) < 10_000:
            measure.wrapped[key] = found
    return found


def _row(
    console: Console,
    cells: Sequence[str],
    columns: Sequence[Column],
    widths: Sequence[int],
    edge: str,
    measure: _Widths,
    *,
    header: bool = False,
) -> list[str]:
    parts = []
    for cell, column, width in zip(cells, columns, widths, strict=True):
        gap = width - len(cell)
        if gap >= 0 and cell.isascii() and cell.isprintable():  # a number: one cell a column
            parts.append([cell + " " * gap if column.justify == "left" else " " * gap + cell])
        else:
            parts.append(_lines(console, cell, width, column, measure))
    height = max((len(lines) for lines in parts), default=1)
    if height > 1:  # rich puts the header at the bottom of its row, the cells at the top
        blank = [[" " * w] * (height - len(lines)) for lines, w in zip(parts, widths, strict=True)]
        if header:
            parts = [pad + lines for pad, lines in zip(blank, parts, strict=True)]
        else:
            parts = [lines + pad for pad, lines in zip(blank, parts, strict=True)]
    return [f"{edge} " + f" {edge} ".join(line) + f" {edge}" for line in zip(*parts, strict=True)]


def render(
    console: Console, title: str | None, columns: Sequence[Column], rows: Sequence[Sequence[str]]
) -> str:
    """The table as `console.print(table)` would print it with no colours, as text."""
    if any("\t" in cell for row in rows for cell in row) or any("\t" in c.header for c in columns):
        # rich draws a tab as the spaces to the cell's next multiple of 8: so do the widths here
        rows = [[_tabs_expanded(console, cell) for cell in row] for row in rows]
        columns = [Column(_tabs_expanded(console, c.header), c.justify, c.no_wrap) for c in columns]
    measure = _Widths()
    widths = _column_widths(console, columns, rows, measure)
    bars = ["━" * (w + 2) for w in widths]
    out: list[str] = []
    total = sum(widths) + 3 * len(widths) + 1
    if title:
        for line in Text(title).wrap(console, total, justify="left"):
            out.append(line.plain + " " * (total - cell_len(line.plain)))
    out.append("┏" + "┳".join(bars) + "┓")
    out += _row(console, [c.header for c in columns], columns, widths, "┃", measure, header=True)
    out.append("┡" + "╇".join(bars) + "┩")
    for row in rows:
        out += _row(console, row, columns, widths, "│", measure)
    out.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    return "\n".join(out) + "\n"
