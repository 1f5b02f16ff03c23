"""Per block, the matrix of outcome pairs of two rule sets: rows A's outcomes, columns B's, each
cell what is known of the pair over every tally. Arrow keys move a cell cursor across the
blocks; the view beside it says the selected cell in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from tinnhiem.engine.diff import BlockDiff, Diff, Pair, outcomes

from .grid import wrap

State = Literal["same", "differs", "impossible", "unknown"]
# what a cell shows, and its style: a difference stands out, what cannot happen recedes
MARKS: dict[State, tuple[str, str]] = {
    "same": ("=", "green"),
    "differs": ("≠", "bold red"),
    "impossible": ("–", "dim"),
    "unknown": ("?", "yellow"),
}
CELL = 10  # a column's width: its label wraps onto up to three lines
LABEL = 20  # the width of the rows' labels
NARROW_CELL, NARROW_LABEL = 9, 12  # the least they give up to fit the view's width


@dataclass(frozen=True, slots=True)
class Square:
    """One cell: A gives `a` and B gives `b` on some tally (`pair`), on none (proved), or none
    was found within the bounded search's bound."""

    block: BlockDiff
    a: str
    b: str
    pair: Pair | None
    state: State


@dataclass(frozen=True, slots=True)
class Board:
    """One block's matrix, or a block with no matrix (one side only): `squares` empty."""

    block: BlockDiff
    title: str
    rows: tuple[str, ...]  # A's outcomes, as labels
    columns: tuple[str, ...]  # B's outcomes, as labels
    squares: tuple[tuple[Square, ...], ...]


def boards(found: Diff, label: Callable[[str, str, str], str]) -> list[Board]:
    """Every block's matrix; `label(side, block, outcome)` says an outcome in the UI's words."""
    made = []
    for block in found.blocks:
        ba = found.a.block(block.a) if block.a else None
        bb = found.b.block(block.b) if block.b else None
        title = (ba.label if ba else "") or (bb.label if bb else "") or block.a or block.b
        if ba is None or bb is None:
            made.append(Board(block, title, (), (), ()))
            continue
        known = {(p.a, p.b): p for p in block.pairs}
        rows, columns = outcomes(ba), outcomes(bb)
        squares = tuple(
            tuple(_square(block, oa, ob, known.get((oa, ob))) for ob in columns) for oa in rows
        )
        made.append(
            Board(
                block,
                title,
                tuple(label("a", block.a, o) for o in rows),
                tuple(label("b", block.b, o) for o in columns),
                squares,
            )
        )
    return made


def _square(block: BlockDiff, a: str, b: str, pair: Pair | None) -> Square:
    if pair is not None:
        return Square(block, a, b, pair, "same" if a == b else "differs")
    return Square(block, a, b, None, "impossible" if block.exact else "unknown")


class MatrixScroll(ScrollableContainer, can_focus=False):
    """Scrolls the matrices both ways; the focus goes to the matrix inside, not here."""

    def on_resize(self) -> None:
        # the matrix fits its columns to this width: drawn again when the width is known
        for matrix in self.query(PairMatrix):
            if matrix.boards:
                matrix.call_after_refresh(matrix.redraw)


class PairMatrix(Widget, can_focus=True):
    """The matrices of every block, one under another, with a cell cursor."""

    DEFAULT_CSS = """
    PairMatrix { width: auto; height: auto; min-width: 100%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1, 0)", "Up", show=False),
        Binding("down", "move(1, 0)", "Down", show=False),
        Binding("left", "move(0, -1)", "Left", show=False),
        Binding("right", "move(0, 1)", "Right", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    cursor: reactive[tuple[int, int, int]] = reactive((0, 0, 0), init=False)

    @dataclass
    class Highlighted(Message):
        square: Square

    @dataclass
    class Selected(Message):
        square: Square

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.boards: list[Board] = []
        self._lines: list[Text] = []
        self._at: dict[tuple[int, int], int] = {}  # (board, row) -> the line it is drawn on

    def show(self, boards: list[Board]) -> None:
        self.boards = boards
        self.set_reactive(PairMatrix.cursor, _first(boards))
        self._draw()
        square = self.square
        if square is not None:
            self.post_message(self.Highlighted(square))

    @property
    def square(self) -> Square | None:
        board, row, column = self.cursor
        if board >= len(self.boards) or not self.boards[board].squares:
            return None
        return self.boards[board].squares[row][column]

    # --- moving -------------------------------------------------------------------------------

    def _rows(self) -> list[tuple[int, int]]:
        """Every row of every matrix, in the order they are drawn."""
        return [(i, r) for i, board in enumerate(self.boards) for r in range(len(board.rows))]

    def action_move(self, down: int, right: int) -> None:
        board, row, column = self.cursor
        rows = self._rows()
        if (board, row) not in rows:
            return
        at = min(max(rows.index((board, row)) + down, 0), len(rows) - 1)
        board, row = rows[at]
        width = len(self.boards[board].columns)
        self.cursor = (board, row, min(max(column + right, 0), width - 1))

    def watch_cursor(self) -> None:
        self._draw()
        square = self.square
        if square is None:
            return
        line = self._at.get(self.cursor[:2], 0)
        x = LABEL + 1 + self.cursor[2] * (CELL + 1)
        parent = self.parent
        if isinstance(parent, Widget):
            parent.scroll_to_region(Region(x, line, CELL, 1), animate=False, immediate=True)
        self.post_message(self.Highlighted(square))

    def action_select(self) -> None:
        square = self.square
        if square is not None:
            self.post_message(self.Selected(square))

    # --- drawing ------------------------------------------------------------------------------

    def _draw(self) -> None:
        lines: list[Text] = []
        self._at = {}
        for index, board in enumerate(self.boards):
            if index:
                lines.append(Text())
            lines.append(Text(board.title, style="bold"))
            if not board.squares:
                continue
            label_width, cell = _widths(self._room(), len(board.columns))
            heads = [wrap(label, cell) for label in board.columns]
            for depth in range(max(len(h) for h in heads)):
                head = Text(" " * (label_width + 1))
                for h in heads:
                    part = h[depth] if depth < len(h) else ""
                    head.append(_fit(part, cell, center=True) + " ", style="bold")
                lines.append(head)
            for r, label in enumerate(board.rows):
                self._at[(index, r)] = len(lines)
                row = Text(_fit(label, label_width) + " ", style="bold")
                for c, square in enumerate(board.squares[r]):
                    mark, style = MARKS[square.state]
                    if (index, r, c) == self.cursor:
                        style += " reverse" if self.has_focus else " underline"
                    row.append(_fit(mark, cell, center=True), style=style)
                    row.append(" ")
                lines.append(row)
        self._lines = lines
        self.refresh(layout=True)

    def _room(self) -> int:
        """The width the matrices are shown in (0 before the first layout)."""
        parent = self.parent
        return parent.scrollable_content_region.width if isinstance(parent, Widget) else 0

    def redraw(self) -> None:
        self._draw()

    def on_focus(self) -> None:
        self._draw()

    def on_blur(self) -> None:
        self._draw()

    def render(self) -> Text:
        return Text("\n").join(self._lines)

    def get_content_width(self, container: object, viewport: object) -> int:
        return max((cell_len(line.plain) for line in self._lines), default=0)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self._lines)


def _first(boards: list[Board]) -> tuple[int, int, int]:
    """Where the cursor starts: on the first difference, else on the first matrix."""
    for i, board in enumerate(boards):
        for r, row in enumerate(board.squares):
            for c, square in enumerate(row):
                if square.state == "differs":
                    return (i, r, c)
    return next(((i, 0, 0) for i, board in enumerate(boards) if board.squares), (0, 0, 0))


def _widths(room: int, columns: int) -> tuple[int, int]:
    """The widths of the rows' labels and of a column: the full ones when they fit in `room`,
    else the labels narrower first (to NARROW_LABEL), then the columns (to NARROW_CELL); past
    that the view scrolls sideways. A label cut at the view's edge reads as another word
    ("kết quả không l"), so the matrix gives up its margins before its cells are cut."""
    label, cell = LABEL, CELL
    if room <= 0:
        return label, cell
    label = max(NARROW_LABEL, min(LABEL, room - 1 - columns * (cell + 1)))
    while cell > NARROW_CELL and label + 1 + columns * (cell + 1) > room:
        cell -= 1
    return label, cell


def _fit(text: str, width: int, *, center: bool = False) -> str:
    if cell_len(text) > width:
        text = text[: width - 1] + "…"
    pad = width - cell_len(text)
    if center:
        return " " * (pad // 2) + text + " " * (pad - pad // 2)
    return text + " " * pad
