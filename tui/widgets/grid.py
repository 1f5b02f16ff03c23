"""A fast, sortable table: it draws only the rows on screen, from a lazy `Rows` source (the
drawing is `grid_lines.GridLines`, the rows shown and their order `grid_order.OrderedGrid`);
here the cursor and moving it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from ..table import Cell
from .grid_lines import wrap
from .grid_order import SYNC_ROWS, OrderedGrid, arrange

__all__ = ["SYNC_ROWS", "Grid", "arrange", "wrap"]


class Grid(OrderedGrid, can_focus=True):
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

    def on_mount(self) -> None:
        self.show(self.rows)

    # --- what tests and the app read ----------------------------------------------------------

    def row_cells(self, position: int) -> list[Cell]:
        """The cells of the row shown at `position` (0 is the top row)."""
        return self.rows.cells(self.order[position])

    def cell_text(self, position: int, column: str) -> str:
        return self.row_cells(position)[self.column_keys.index(column)].plain

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
