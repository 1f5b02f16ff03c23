"""A fast, sortable table: it draws only the rows on screen, from a lazy `Rows` source.

Textual's DataTable measures every cell it is given; with 10,000 people that takes seconds.
Like Harlequin's fast data table, this one renders a line when it is shown, so swapping in a
new evaluation costs only the rows in view.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..table import Cell, Rows, StaticRows

PAD = 1  # blank cells each side of a column
HEADER_LINES = 3  # a long header wraps onto up to this many lines
HEADER_MAX = 24  # a header widens its column up to this, then wraps


def header_width(label: str, cells: int) -> int:
    """A column's width: its cells', widened so that its header wraps onto two lines, or three."""
    width = max(cells, 3)
    if cell_len(label) <= max(width, 12):  # a short header is not worth wrapping
        return max(width, cell_len(label))
    for lines in range(2, HEADER_LINES + 1):
        wide = width
        while wide < HEADER_MAX and len(textwrap.wrap(label, wide)) > lines:
            wide += 1
        if len(textwrap.wrap(label, wide)) <= lines:
            return wide
    return HEADER_MAX


def wrap(label: str, width: int, lines: int = HEADER_LINES) -> list[str]:
    """A header's lines: words wrapped to `width`, at most `lines` (the last one ellipsised)."""
    out = textwrap.wrap(label, width, break_long_words=True) or [""]
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
        if cell_len(out[-1]) > width:
            out[-1] = out[-1][: width - 1] + "…"
    return out


EMPTY = StaticRows("", [])


def _replaced(strip: Strip, start: int, end: int, text: str = "") -> Strip:
    """`strip` with its cells from `start` to `end` blank (or `text`), their styles kept."""
    middle = list(strip.crop(start, end))
    style = middle[0].style if middle else None
    filled = (
        [Segment(text.ljust(end - start), style)]
        if text
        else [Segment(" " * cell_len(segment.text), segment.style) for segment in middle]
    )
    return Strip.join([strip.crop(0, start), Strip(filled, end - start), strip.crop(end)])


class Grid(ScrollView, can_focus=True):
    """Rows from a `Rows` source: a sticky header, a row cursor, sorting by any column."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "grid--header",
        "grid--cursor",
        "grid--marked",
        "grid--sorted",
    }
    DEFAULT_CSS = """
    Grid {
        background: $surface;
        & > .grid--header { text-style: bold; background: $panel; color: $foreground; }
        & > .grid--sorted { text-style: bold underline; background: $panel; color: $text-accent; }
        & > .grid--cursor { background: $block-cursor-blurred-background; }
        &:focus > .grid--cursor {
            background: $block-cursor-background; text-style: $block-cursor-text-style;
        }
        & > .grid--marked { background: $warning-muted; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("left", "scroll_left", "Left", show=False),
        Binding("right", "scroll_right", "Right", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    cursor = reactive(0, init=False)

    @dataclass
    class RowHighlighted(Message):
        grid: Grid
        index: int  # in the source
        key: str

        @property
        def control(self) -> Grid:
            return self.grid

    @dataclass
    class RowSelected(Message):
        grid: Grid
        index: int
        key: str

        @property
        def control(self) -> Grid:
            return self.grid

    def __init__(
        self,
        rows: Rows = EMPTY,
        *,
        fixed_columns: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.fixed_columns = fixed_columns
        self.rows: Rows = rows
        self.order: list[int] = []  # the rows shown: sorted, and filtered by `find`
        self.all_order: list[int] = []  # every row, sorted: what an export writes
        self.filter_text = ""  # folded (lower case, no diacritics); "" shows every row
        self.sort_column: str | None = None
        self.sort_reverse = False
        self._lines: dict[tuple[int, bool], tuple[Strip, Strip]] = {}
        self._fixed_width = 0
        self._widths: list[int] = []
        self._labels: list[list[str]] = []
        self._head = 1  # lines of the header
        self._shown: set[int] = set()  # the rows `order` keeps, while filtered

    def on_mount(self) -> None:
        self.show(self.rows)

    # --- what tests and the app read ----------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.order)

    @property
    def column_keys(self) -> list[str]:
        return [c.key for c in self.rows.columns]

    @property
    def cursor_index(self) -> int | None:
        """The highlighted row, as an index into the source."""
        return self.order[self.cursor] if self.order else None

    @property
    def cursor_key(self) -> str | None:
        index = self.cursor_index
        return None if index is None else self.rows.key(index)

    def row_cells(self, position: int) -> list[Cell]:
        """The cells of the row shown at `position` (0 is the top row)."""
        return self.rows.cells(self.order[position])

    def cell_text(self, position: int, column: str) -> str:
        return self.row_cells(position)[self.column_keys.index(column)].plain

    def find(self, key: str) -> int | None:
        """The position at which the row with `key` is shown."""
        index = self.rows.index_of(key)
        if index is None:
            return None
        if self.sort_column is None and not self.filter_text:
            return index
        if self.filter_text and index not in self._shown:
            return None
        return self.order.index(index)  # sorted: the row is shown, somewhere else

    # --- changing what is shown ---------------------------------------------------------------

    def show(self, rows: Rows) -> None:
        """Show a new source, keeping the sort, the cursor's row and the scroll."""
        previous = self.cursor_key
        self.rows = rows
        if self.sort_column not in self.column_keys:
            self.sort_column, self.sort_reverse = None, False
        self._order()
        self._layout()
        moved = self.find(previous) if previous is not None else None
        self.set_reactive(Grid.cursor, min(moved or 0, max(self.row_count - 1, 0)))
        if moved is None:
            # other rows (new data): back to the top left; the columns scrolled to are gone
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()
        self._highlighted()

    def sort_by(self, column: str, reverse: bool | None = None) -> None:
        """Sort by a column; choosing the sorted column again reverses the order."""
        if column not in self.column_keys:
            return
        if reverse is None:
            reverse = not self.sort_reverse if column == self.sort_column else False
        previous = self.cursor_key
        self.sort_column, self.sort_reverse = column, reverse
        self._order()
        self._lines.clear()
        moved = self.find(previous) if previous is not None else 0
        self.set_reactive(Grid.cursor, moved or 0)
        self._scroll_to_cursor()
        self.refresh()
        self._highlighted()

    def set_filter(self, folded: str) -> None:
        """Show only the rows whose `Rows.matches` the folded text; "" shows every row again.

        The cursor stays on its row when that row is still shown, else goes to the first."""
        if folded == self.filter_text:
            return
        previous = self.cursor_key
        self.filter_text = folded
        self._order()
        self._layout()
        moved = self.find(previous) if previous is not None else None
        self.set_reactive(Grid.cursor, moved or 0)
        if moved is None:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()
        self._highlighted()

    def move_to(self, position: int) -> None:
        if self.order:
            self.cursor = max(0, min(position, self.row_count - 1))

    def _order(self) -> None:
        self.all_order = self._sorted()
        if self.filter_text:
            self.order = [i for i in self.all_order if self.rows.matches(i, self.filter_text)]
        else:
            self.order = self.all_order
        self._shown = set(self.order) if self.filter_text else set()

    def _sorted(self) -> list[int]:
        count = len(self.rows)
        if self.sort_column is None:
            return list(range(count))
        column = self.column_keys.index(self.sort_column)
        keys = [self.rows.sort_key(i, column) for i in range(count)]
        # blanks last either way: the first item of a sort key is 1 for a blank
        present = sorted(
            (i for i in range(count) if keys[i][0] == 0),
            key=keys.__getitem__,
            reverse=self.sort_reverse,
        )
        return present + [i for i in range(count) if keys[i][0] != 0]

    def _layout(self) -> None:
        self._lines.clear()
        self._widths = [header_width(c.label, c.width) for c in self.rows.columns]
        columns = zip(self.rows.columns, self._widths, strict=True)
        self._labels = [wrap(c.label, w) for c, w in columns]
        self._head = max((len(lines) for lines in self._labels), default=1)
        self._fixed_width = sum(w + 2 * PAD for w in self._widths[: self.fixed_columns])
        # where each scrolled column lies in the scrolled part, to hide one the view cuts
        self._edges: list[tuple[int, int, str]] = []
        x = 0
        for column, w in list(zip(self.rows.columns, self._widths, strict=True))[
            self.fixed_columns :
        ]:
            self._edges.append((x, x + w + 2 * PAD, column.justify))
            x += w + 2 * PAD
        width = sum(w + 2 * PAD for w in self._widths)
        self.virtual_size = Size(width, self.row_count + self._head)

    # --- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y < self._head:
            fixed, rest = self._header(y)
        else:
            position = scroll_y + y - self._head
            if position >= self.row_count:
                return Strip.blank(width, base)
            fixed, rest = self._row(position)
        visible = max(width - self._fixed_width, 0)
        shown = self._uncut(rest, rest.crop_extend(scroll_x, scroll_x + visible, base), scroll_x)
        return Strip.join([fixed, shown]).crop(0, width)

    def _uncut(self, whole: Strip, shown: Strip, scroll_x: int) -> Strip:
        """A column the view's edge cuts is not shown as if whole: a number cut reads as
        another number ("66,6" of "66,67%", "6,67%" scrolled), so a cut number is blanked; a
        cut text ends in "…" where the view ends."""
        visible = shown.cell_length
        for start, end, justify in self._edges:
            a, b = start - scroll_x, end - scroll_x
            if b <= 0 or a >= visible or (a >= 0 and b <= visible) or end - start > visible:
                continue
            if justify == "left" and a >= 0:
                cut_off = whole.crop(scroll_x + visible, end).text.strip()
                if cut_off and shown.crop(a, visible).text.strip():
                    shown = _replaced(shown, visible - 1, visible, "…")
                continue
            shown = _replaced(shown, max(a, 0), min(b, visible))
        return shown

    def _header(self, line: int) -> tuple[Strip, Strip]:
        """One line of the header; labels are wrapped and sit on the header's last lines."""
        header = self.get_component_rich_style("grid--header")
        sorted_style = self.get_component_rich_style("grid--sorted")
        cells: list[Text] = []
        columns = zip(self.rows.columns, self._widths, self._labels, strict=True)
        for column, width, lines in columns:
            index = line - (self._head - len(lines))
            label = lines[index] if 0 <= index < len(lines) else ""
            style = header
            if column.key == self.sort_column:
                style = sorted_style
                if index == len(lines) - 1:
                    arrow = "▼" if self.sort_reverse else "▲"
                    label = f"{label[: width - 2]} {arrow}"
            cells.append(Text(label, style=style, no_wrap=True))
        return self._line(cells, header)

    def _row(self, position: int) -> tuple[Strip, Strip]:
        index = self.order[position]
        is_cursor = position == self.cursor
        cached = self._lines.get((index, is_cursor))
        if cached is not None:
            return cached
        base = self.rich_style
        if self.rows.marked(index):
            base += self.get_component_rich_style("grid--marked")
        over: Style | None = None
        if is_cursor:
            cursor = self.get_component_rich_style("grid--cursor")
            base += cursor
            over = Style(bgcolor=cursor.bgcolor, reverse=cursor.reverse)
        if len(self._lines) > 512:
            self._lines.clear()
        line = self._lines[index, is_cursor] = self._line(self.rows.cells(index), base, over)
        return line

    def _line(
        self, cells: Sequence[Text], base: Style, over: Style | None = None
    ) -> tuple[Strip, Strip]:
        """The fixed columns and the others, each laid out as one Text and rendered once."""
        fixed, rest = Text(no_wrap=True), Text(no_wrap=True)
        columns = zip(cells, self._widths, self.rows.columns, strict=True)
        for number, (text, width, column) in enumerate(columns):
            if text.cell_len > width:
                text = text.copy()
                text.truncate(width, overflow="ellipsis")
            gap = width - text.cell_len
            justify = column.justify
            left = gap if justify == "right" else gap // 2 if justify == "center" else 0
            target = fixed if number < self.fixed_columns else rest
            target.append(" " * (PAD + left))
            target.append_text(text)
            target.append(" " * (PAD + gap - left))
        console = self.app.console
        return (
            Strip(Segment.apply_style(fixed.render(console), base, over)),
            Strip(Segment.apply_style(rest.render(console), base, over)),
        )

    # --- moving -------------------------------------------------------------------------------

    def watch_cursor(self) -> None:
        # the cache keys lines by whether they carry the cursor: nothing to forget here
        self._scroll_to_cursor()
        self.refresh()
        self._highlighted()

    def _highlighted(self) -> None:
        index = self.cursor_index
        if index is not None:
            self.post_message(self.RowHighlighted(self, index, self.rows.key(index)))

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - self._head, 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(self.scrollable_content_region.height - 2, 1))

    def action_edge(self, end: int) -> None:
        self.move_to(self.row_count - 1 if end else 0)

    def action_select(self) -> None:
        index = self.cursor_index
        if index is not None:
            self.post_message(self.RowSelected(self, index, self.rows.key(index)))

    def column_at(self, x: int) -> str | None:
        """The key of the column drawn at screen column `x` of the content."""
        virtual = x if x < self._fixed_width else x + round(self.scroll_x)
        start = 0
        for column, width in zip(self.rows.columns, self._widths, strict=True):
            end = start + width + 2 * PAD
            if start <= virtual < end:
                return column.key
            start = end
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y < self._head:
            column = self.column_at(offset.x)
            if column is not None:
                self.sort_by(column)
            return
        position = round(self.scroll_y) + offset.y - self._head
        if 0 <= position < self.row_count:
            if position == self.cursor and event.chain == 2:
                self.action_select()
            self.move_to(position)

    def on_resize(self) -> None:
        self._scroll_to_cursor()
