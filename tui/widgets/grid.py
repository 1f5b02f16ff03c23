"""A fast, sortable table: it draws only the rows on screen, from a lazy `Rows` source (the
drawing is `grid_lines.GridLines`); here what is shown, in which order, and moving in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from ..table import Arrangement, Cell, Rows
from .grid_lines import GridLines, wrap

__all__ = ["Grid", "arrange", "wrap"]


def arrange(rows: Rows, how: Arrangement) -> tuple[list[int], list[int]]:
    """Every row sorted (what an export writes), and those the find keeps (what is shown).

    Thread-safe (it reads only `rows`): a worker arranges new results before the grid shows
    them, so that 100,000 sort keys are not read on the UI thread."""
    count = len(rows)
    if how.column is None or how.column not in (keys := [c.key for c in rows.columns]):
        every = list(range(count))
    else:
        column = keys.index(how.column)
        found = [rows.sort_key(i, column) for i in range(count)]
        # blanks last either way: the first item of a sort key is 1 for a blank
        present = sorted(
            (i for i in range(count) if found[i][0] == 0),
            key=found.__getitem__,
            reverse=how.reverse,
        )
        every = present + [i for i in range(count) if found[i][0] != 0]
    if not how.folded:
        return every, every
    return every, [i for i in every if rows.matches(i, how.folded)]


class Grid(GridLines, can_focus=True):
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
        how = Arrangement(self.sort_column, self.sort_reverse, self.filter_text)
        ready = self.rows.arranged
        # arranged beforehand (by the evaluation's worker) when the sort and the find are the same
        if ready is None or ready[0] != how:
            ready = how, *arrange(self.rows, how)
        self.all_order, self.order = ready[1], ready[2]
        self._shown = set(self.order) if self.filter_text else set()

    @property
    def arrangement(self) -> Arrangement:
        """The sort and the find in force, for a worker to arrange new rows the same way."""
        return Arrangement(self.sort_column, self.sort_reverse, self.filter_text)

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
