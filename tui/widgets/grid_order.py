"""Which rows a grid shows, and in which order: every row sorted by a column (blanks last),
then those a find keeps. `arrange` makes both; it reads only the rows, so that a worker thread
can run it: the evaluation's worker for new results, and the grid's own for a sort or a find
the user asks for on a large table (100,000 sort keys take seconds; the UI must not wait).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.message import Message
from textual.worker import get_current_worker

from ..table import Arrangement, Cancelled, Rows, never
from .grid_lines import GridLines

SYNC_ROWS = 2_000  # a table up to this many rows is sorted and found at once, on the UI thread


def arrange(
    rows: Rows,
    how: Arrangement,
    every: list[int] | None = None,
    stop: Callable[[], bool] = never,
) -> tuple[list[int], list[int]]:
    """Every row sorted (what an export writes), and those the find keeps (what is shown).

    `every`: the rows already sorted `how` (a find changed, not the sort); `Cancelled` when
    `stop` says so (asked between steps, and every `table.BLOCK` rows of a step)."""
    count = len(rows)
    if every is not None:
        pass
    elif how.column is None or how.column not in (keys := [c.key for c in rows.columns]):
        every = list(range(count))
    else:
        found = rows.sort_keys(keys.index(how.column), stop)
        if stop():
            raise Cancelled
        # blanks last either way: the first item of a sort key is 1 for a blank
        every = sorted(
            (i for i in range(count) if found[i][0] == 0),
            key=found.__getitem__,
            reverse=how.reverse,
        )
        every += [i for i in range(count) if found[i][0] != 0]
    if not how.folded:
        return every, every
    return every, rows.matching(how.folded, every, stop)


@dataclass
class Arranged(Message):
    """A worker's arrangement of `rows` (dropped unless its ticket is still the grid's)."""

    ticket: int
    rows: Any
    how: Arrangement
    every: list[int]
    shown: list[int]


class OrderedGrid(GridLines):
    """The rows a grid shows, sorted and found, and the row its cursor is on; a large table is
    arranged by a worker while its rows stay shown as they were (`pending` says what is being
    made, `Arranging` when that begins or ends). The cursor and its moves are `grid.Grid`."""

    pending: Arrangement | None = None  # a sort or a find asked for, being made in a worker
    _ticket = 0  # only the latest arrangement asked for is shown

    @dataclass
    class Arranging(Message):
        """A sort or a find began in a worker (`grid.pending`), or it ended (None)."""

        grid: OrderedGrid

        @property
        def control(self) -> OrderedGrid:
            return self.grid

    def _scroll_to_cursor(self) -> None:
        raise NotImplementedError

    def _highlighted(self) -> None:
        raise NotImplementedError

    # --- what tests and the app read ----------------------------------------------------------

    @property
    def cursor_index(self) -> int | None:
        """The highlighted row, as an index into the source."""
        return self.order[self.cursor] if self.order else None

    @property
    def cursor_key(self) -> str | None:
        index = self.cursor_index
        return None if index is None else self.rows.key(index)

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
        """Show a new source, keeping the sort, the cursor's row and the scroll.

        A sort or a find still being made for the rows replaced is dropped, and made again for
        these unless they come arranged that way (the evaluation's worker arranges new results
        as the grid was asked to)."""
        previous, wanted = self.cursor_key, self.arrangement
        self.rows = rows
        self._ticket += 1  # a worker's arrangement of the rows replaced: dropped
        if wanted.column not in self.column_keys:
            wanted = Arrangement(None, False, wanted.folded)
        ready, how, later = rows.arranged, wanted, None
        if len(rows) > SYNC_ROWS and ready is not None and ready[0] != wanted:
            how, later = ready[0], wanted  # as the worker made them, then as asked, in a worker
        elif ready is None or ready[0] != wanted:
            ready = how, *arrange(rows, how)
        self._set_order(how, ready[1], ready[2])
        moved = self.find(previous) if previous is not None else None
        self.set_reactive(GridLines.cursor, min(moved or 0, max(self.row_count - 1, 0)))
        if moved is None:
            # other rows (new data): back to the top left; the columns scrolled to are gone
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()
        self._highlighted()
        if self.pending is not None and later is None:
            self.pending = None
            self.post_message(self.Arranging(self))
        if later is not None:
            self._arrange(later)

    def sort_by(self, column: str, reverse: bool | None = None) -> None:
        """Sort by a column; choosing the sorted column again reverses the order."""
        if column not in self.column_keys:
            return
        wanted = self.arrangement
        if reverse is None:
            reverse = not wanted.reverse if column == wanted.column else False
        self._arrange(Arrangement(column, reverse, wanted.folded))

    def set_filter(self, folded: str) -> None:
        """Show only the rows whose `Rows.matches` the folded text; "" shows every row again.

        The cursor stays on its row when that row is still shown, else goes to the first."""
        wanted = self.arrangement
        if folded != wanted.folded:
            self._arrange(Arrangement(wanted.column, wanted.reverse, folded))

    def _arrange(self, how: Arrangement) -> None:
        """The rows arranged `how`: at once when that is quick, else by a worker, the rows shown
        as they are meanwhile (`pending` says what is being made)."""
        self._ticket += 1
        applied, rows = self.applied, self.rows
        sorted_now = (how.column, how.reverse) == (applied.column, applied.reverse)
        if how == applied:
            quick: tuple[list[int], list[int]] | None = (self.all_order, self.order)
        elif sorted_now and not how.folded:
            quick = self.all_order, self.all_order  # a find cleared: every row, as sorted
        elif len(rows) <= SYNC_ROWS:
            quick = arrange(rows, how)
        elif rows.arranged is not None and rows.arranged[0] == how:
            quick = rows.arranged[1], rows.arranged[2]
        else:
            quick = None
        if quick is not None:
            if self.pending is not None:
                self.pending = None
                self.post_message(self.Arranging(self))
            self._put(how, *quick)
            return
        ticket, every = self._ticket, self.all_order if sorted_now else None

        def work() -> None:
            worker = get_current_worker()
            try:
                made = arrange(rows, how, every, lambda: worker.is_cancelled)
            except Cancelled:
                return
            self.post_message(Arranged(ticket, rows, how, *made))

        self.pending = how
        self.post_message(self.Arranging(self))
        # a newer sort or find cancels this one (it stops at its next block of rows)
        self.run_worker(work, thread=True, group="arrange", exclusive=True)

    @on(Arranged)
    def _arranged(self, event: Arranged) -> None:
        event.stop()
        if event.ticket != self._ticket or event.rows is not self.rows:
            return  # asked again since, or other rows (new results, other data): stale
        self.pending = None
        self._put(event.how, event.every, event.shown)
        self.post_message(self.Arranging(self))

    def _put(self, how: Arrangement, every: list[int], shown: list[int]) -> None:
        """Show an arrangement of the rows, the cursor on the row it was on (the first row
        when a find hides it)."""
        previous = self.cursor_key
        refound = how.folded != self.filter_text
        self._set_order(how, every, shown)
        moved = self.find(previous) if previous is not None else None
        self.set_reactive(GridLines.cursor, moved or 0)
        if moved is None and refound:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()
        self._highlighted()

    def _set_order(self, how: Arrangement, every: list[int], shown: list[int]) -> None:
        self.sort_column, self.sort_reverse, self.filter_text = how
        self.all_order, self.order = every, shown
        self._shown = set(shown) if how.folded else set()
        self._layout()

    def move_to(self, position: int) -> None:
        if self.order:
            self.cursor = max(0, min(position, self.row_count - 1))

    @property
    def applied(self) -> Arrangement:
        """The sort and the find of the rows shown."""
        return Arrangement(self.sort_column, self.sort_reverse, self.filter_text)

    @property
    def arrangement(self) -> Arrangement:
        """The sort and the find asked for (being made, else shown): a worker arranges new rows
        this way."""
        return self.pending or self.applied
