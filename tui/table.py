"""A table as the app shows and exports it: columns, and rows of cells that know how they sort.

Rows come from a `Rows` source that builds a row's cells only when asked, so a table of 10,000
people costs only the rows on screen (the `Grid` widget draws it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from tinnhiem.engine.formats.headers import fold
from tinnhiem.rules.errors import printable

Justify = Literal["left", "right", "center"]
Value = object  # what an export writes: text, a whole number, a `Percent`, None
MAX_WIDTH = 40
CLASS_WIDTH = 30  # a longer class label ends in an ellipsis; the why panel has it whole
# the results' class columns: narrower, so that the counts fit beside them on a 120-column
# terminal, and widened where two classes would look alike (`distinct_fit`)
RESULT_CLASS_WIDTH = 24
# rows between two looks at whether a sort or a find is still wanted; a block's work in one
# call (a normalisation of its texts joined) keeps the UI's thread waiting a few ms at most
BLOCK = 4_096


class Cell(Text):
    """A rich Text cell with the key it sorts by and the value an export writes."""

    __slots__ = ("sort_key", "value")

    sort_key: tuple[Any, ...]
    value: Value


def cell(
    text: str,
    *,
    sort: Any = None,
    value: Value = False,
    style: str = "",
    justify: Justify = "left",
) -> Cell:
    """A cell showing `text`; it sorts by `sort` (blanks last) and exports `value` (or the text).

    A control character of the data (an ESC in a name) is shown as a symbol, never sent to the
    terminal; the export has the text as it is.
    """
    shown = printable(text)
    made = Cell(shown, style=style, justify=justify, no_wrap=True, overflow="ellipsis")
    key = text_key(text) if sort is None else sort
    made.sort_key = (1, "") if key is None or text == "" else (0, key)
    made.value = text if value is False else value
    return made


def text_key(text: str) -> tuple[str, str]:
    """Sort text without its accents first (Đ as D), then as written, so names group sensibly."""
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(c for c in plain if not unicodedata.combining(c))
    return bare.casefold(), text


def name_key(name: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """A Vietnamese name sorts by the given name (its last word), then by the whole name."""
    words = name.split()
    return text_key(words[-1] if words else ""), text_key(name)


def text_keys(texts: Sequence[str]) -> list[tuple[str, str]]:
    """`text_key` of each text, made for all of them at once: the texts joined by NUL are
    decomposed, stripped of their marks and case-folded in one call each (a NUL is a starter:
    no mark or composition crosses it), rather than 100,000 times each."""
    joined = "\0".join(texts)
    if not texts or joined.count("\0") != len(texts) - 1:  # a NUL inside a text
        return [text_key(text) for text in texts]
    plain = unicodedata.normalize("NFD", joined.replace("Đ", "D").replace("đ", "d"))
    marks = {ord(c): None for c in set(plain) if unicodedata.combining(c)}
    return list(zip(plain.translate(marks).casefold().split("\0"), texts, strict=True))


def name_keys(names: Sequence[str]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """`name_key` of each name, made as `text_keys` makes them."""
    given = [words[-1] if (words := name.split()) else "" for name in names]
    return list(zip(text_keys(given), text_keys(names), strict=True))


class Cancelled(Exception):
    """A newer sort or find, or other rows, made this one useless."""


def never() -> bool:
    return False


# characters that take one cell each (Latin with Vietnamese letters, Greek, Cyrillic): text of
# these alone is as wide as it is long, which spares measuring 100,000 names one character at a
# time. Controls, combining marks and wide characters are not among them.
_ONE_CELL = re.compile("[\x20-\x7e\xa0-\u02ff\u0370-\u0482\u1e00-\u1eff]*").fullmatch


def width_of(text: str) -> int:
    """`cell_len`, without measuring text that takes one cell a character."""
    return len(text) if _ONE_CELL(text) else cell_len(text)


def fit(*texts: str, cap: int = MAX_WIDTH) -> int:
    """The width a column's cells need, up to a cap (longer text ends in an ellipsis).

    The header is not counted: the grid wraps a long header onto more lines instead.
    """
    distinct = set(texts)  # repeated groups, labels
    if _ONE_CELL("".join(distinct)):  # the usual column: one check for all of it
        longest = max(map(len, distinct), default=1)
    else:
        longest = max(map(width_of, distinct), default=1)
    return min(longest, cap)


def distinct_fit(*texts: str, cap: int) -> int:
    """`fit`, widened past `cap` as far as needed for texts cut with an ellipsis to stay
    distinct: two classes that differ only at the end ("… từ 50% trở lên", "… dưới 50%")
    never look the same in a narrow column."""
    distinct = set(texts)
    longest = max(map(cell_len, distinct), default=1)
    width = min(longest, cap)
    while width < longest and len({cut(text, width) for text in distinct}) < len(distinct):
        width += 1
    return width


def cut(text: str, width: int) -> str:
    """`text` in `width` cells, ending in an ellipsis when it is longer (as the grid cuts)."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)) + "…"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    justify: Justify = "left"
    width: int = 0  # 0: fit the header and the cells
    export: str = ""  # the header in an export, when the label alone is ambiguous ("%")


class Arrangement(NamedTuple):
    """How a grid orders its rows: the column sorted by (None: as given), reversed or not, and
    the folded text of a find ("" keeps every row)."""

    column: str | None
    reverse: bool
    folded: str


class Rows:
    """A source of rows for the `Grid`; subclasses build cells lazily."""

    title: str = ""
    columns: list[Column]
    # the rows in an order made beforehand, off the UI thread (`grid.arrange`): the
    # arrangement, every row in it, and the rows the find keeps
    arranged: tuple[Arrangement, list[int], list[int]] | None = None

    def __len__(self) -> int:
        raise NotImplementedError

    def key(self, index: int) -> str:
        return str(index)

    def index_of(self, key: str) -> int | None:
        """The index of the row with `key` (a search; sources with a faster way override it)."""
        return next((i for i in range(len(self)) if self.key(i) == key), None)

    def cells(self, index: int) -> list[Cell]:
        raise NotImplementedError

    def sort_key(self, index: int, column: int) -> Any:
        return self.cells(index)[column].sort_key

    def sort_keys(self, column: int, stop: Callable[[], bool] = never) -> list[Any]:
        """`sort_key` of every row (a source may make them all at once); `Cancelled` when
        `stop` says so, asked every `BLOCK` rows."""
        count, found = len(self), []
        for start in range(0, count, BLOCK):
            if stop():
                raise Cancelled
            found += [self.sort_key(i, column) for i in range(start, min(start + BLOCK, count))]
        return found

    def matches(self, index: int, folded: str) -> bool:
        """Whether the row's text has `folded` in it (`fold`: no case, no diacritics)."""
        return folded in fold(" ".join(c.plain for c in self.cells(index)))

    def matching(
        self, folded: str, order: Sequence[int], stop: Callable[[], bool] = never
    ) -> list[int]:
        """The rows of `order` that `matches` the folded text, in that order."""
        found: list[int] = []
        for start in range(0, len(order), BLOCK):
            if stop():
                raise Cancelled
            found += [i for i in order[start : start + BLOCK] if self.matches(i, folded)]
        return found

    def marked(self, index: int) -> bool:
        """Rows to draw highlighted (the people a compared rule set treats differently)."""
        return False

    @property
    def headers(self) -> list[str]:
        return [c.export or c.label for c in self.columns]

    def export_rows(self) -> list[list[Value]]:
        return [[c.value for c in self.cells(i)] for i in range(len(self))]

    def signature(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


class StaticRows(Rows):
    """Rows given whole: the small tables (report, matrix, calendar, sweep)."""

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        rows: Sequence[tuple[str, list[Cell]]] = (),
        marked: frozenset[str] = frozenset(),
    ) -> None:
        self.title = title
        self._rows = list(rows)
        self._marked = marked
        self.columns = [
            c if c.width else replace(c, width=fit(*(r[1][i].plain for r in self._rows)))
            for i, c in enumerate(columns)
        ]

    def __len__(self) -> int:
        return len(self._rows)

    def key(self, index: int) -> str:
        return self._rows[index][0]

    def cells(self, index: int) -> list[Cell]:
        return self._rows[index][1]

    def marked(self, index: int) -> bool:
        return self._rows[index][0] in self._marked


def plain_cells(row: Sequence[object]) -> list[Cell]:
    """Cells for plain values: whole numbers right-aligned and sorted as numbers."""
    out = []
    for value in row:
        if isinstance(value, int) and not isinstance(value, bool):
            out.append(cell(str(value), sort=value, value=value, justify="right"))
        else:
            out.append(cell("" if value is None else str(value)))
    return out
