"""A fast, sortable table: it draws only the rows on screen, from a lazy `Rows` source.

Textual's DataTable measures every cell it is given; with 10,000 people that takes seconds.
Like Harlequin's fast data table, this one renders a line when it is shown, so swapping in a
new evaluation costs only the rows in view.
"""

from __future__ import annotations

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
EMPTY = StaticRows("", [])


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
        self.order: list[int] = []
        self.sort_column: str | None = None
        self.sort_reverse = False
        self._lines: dict[tuple[int, bool], tuple[Strip, Strip]] = {}
        self._fixed_width = 0
        self._widths: list[int] = []

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
        return next((p for p, i in enumerate(self.order) if self.rows.key(i) == key), None)

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

    def move_to(self, position: int) -> None:
        if self.order:
            self.cursor = max(0, min(position, self.row_count - 1))

    def _order(self) -> None:
        count = len(self.rows)
        if self.sort_column is None:
            self.order = list(range(count))
            return
        column = self.column_keys.index(self.sort_column)
        keys = [self.rows.sort_key(i, column) for i in range(count)]
        # blanks last either way: the first item of a sort key is 1 for a blank
        present = sorted(
            (i for i in range(count) if keys[i][0] == 0),
            key=keys.__getitem__,
            reverse=self.sort_reverse,
        )
        self.order = present + [i for i in range(count) if keys[i][0] != 0]

    def _layout(self) -> None:
        self._lines.clear()
        # room for the sort arrow after a header
        self._widths = [max(c.width, cell_len(c.label) + 2) for c in self.rows.columns]
        self._fixed_width = sum(w + 2 * PAD for w in self._widths[: self.fixed_columns])
        self.virtual_size = Size(sum(w + 2 * PAD for w in self._widths), self.row_count + 1)

    # --- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            fixed, rest = self._header()
        else:
            position = scroll_y + y - 1
            if position >= self.row_count:
                return Strip.blank(width, base)
            fixed, rest = self._row(position)
        visible = max(width - self._fixed_width, 0)
        return Strip.join([fixed, rest.crop_extend(scroll_x, scroll_x + visible, base)]).crop(
            0, width
        )

    def _header(self) -> tuple[Strip, Strip]:
        header = self.get_component_rich_style("grid--header")
        sorted_style = self.get_component_rich_style("grid--sorted")
        segments: list[list[Segment]] = []
        for column, width in zip(self.rows.columns, self._widths, strict=True):
            label = column.label
            style = header
            if column.key == self.sort_column:
                label = f"{label} {'▼' if self.sort_reverse else '▲'}"
                style = sorted_style
            text = Text(label, style=style, no_wrap=True)
            segments.append(self._cell(text, width, column.justify, header))
        return self._split(segments)

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
        cells = self.rows.cells(index)
        columns = zip(cells, self._widths, self.rows.columns, strict=True)
        segments = [self._cell(c, w, col.justify, base, over) for c, w, col in columns]
        if len(self._lines) > 512:
            self._lines.clear()
        line = self._lines[index, is_cursor] = self._split(segments)
        return line

    def _cell(
        self, text: Text, width: int, justify: str, base: Style, over: Style | None = None
    ) -> list[Segment]:
        if text.cell_len > width:
            text = text.copy()
            text.truncate(width, overflow="ellipsis")
        gap = width - text.cell_len
        left = gap if justify == "right" else gap // 2 if justify == "center" else 0
        inner = list(text.render(self.app.console))
        segments = [
            Segment(" " * (PAD + left)),
            *inner,
            Segment(" " * (PAD + gap - left)),
        ]
        return list(Segment.apply_style(segments, base, over))

    def _split(self, cells: list[list[Segment]]) -> tuple[Strip, Strip]:
        fixed = [s for c in cells[: self.fixed_columns] for s in c]
        rest = [s for c in cells[self.fixed_columns :] for s in c]
        return Strip(fixed), Strip(rest)

    # --- moving -------------------------------------------------------------------------------

    def watch_cursor(self) -> None:
        self._lines.clear()
        self._scroll_to_cursor()
        self.refresh()
        self._highlighted()

    def _highlighted(self) -> None:
        index = self.cursor_index
        if index is not None:
            self.post_message(self.RowHighlighted(self, index, self.rows.key(index)))

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
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
        if offset.y == 0:
            column = self.column_at(offset.x)
            if column is not None:
                self.sort_by(column)
            return
        position = round(self.scroll_y) + offset.y - 1
        if 0 <= position < self.row_count:
            if position == self.cursor and event.chain == 2:
                self.action_select()
            self.move_to(position)

    def on_resize(self) -> None:
        self._scroll_to_cursor()
