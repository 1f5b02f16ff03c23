"""The drawing half of the `Grid`: its rows laid out in columns, a sticky header, and each line
rendered only when it is on screen (`render_line`), from a lazy `Rows` source.

Textual's DataTable measures every cell it is given; with 10,000 people that takes seconds.
Like Harlequin's fast data table, this one renders a line when it is shown, so swapping in a
new evaluation costs only the rows in view. What is shown and how one moves in it (sorting,
finding, the cursor) is `grid.Grid`, built on this.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..table import Rows, StaticRows

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


class GridLines(ScrollView):
    """Rows from a `Rows` source in `order`, drawn a line at a time; the cursor's line marked."""

    cursor = reactive(0, init=False)

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
        self._edges: list[tuple[int, int, str]] = []  # each scrolled column: start, end, justify
        self._widths: list[int] = []
        self._labels: list[list[str]] = []
        self._head = 1  # lines of the header
        self._shown: set[int] = set()  # the rows `order` keeps, while filtered

    # --- what tests and the app read ----------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.order)

    @property
    def column_keys(self) -> list[str]:
        return [c.key for c in self.rows.columns]

    # --- drawing ------------------------------------------------------------------------------

    def _layout(self) -> None:
        self._lines.clear()
        self._widths = [header_width(c.label, c.width) for c in self.rows.columns]
        columns = zip(self.rows.columns, self._widths, strict=True)
        self._labels = [wrap(c.label, w) for c, w in columns]
        self._head = max((len(lines) for lines in self._labels), default=1)
        self._fixed_width = sum(w + 2 * PAD for w in self._widths[: self.fixed_columns])
        # where each scrolled column lies in the scrolled part, to hide one the view cuts
        self._edges = []
        x = 0
        for column, w in list(zip(self.rows.columns, self._widths, strict=True))[
            self.fixed_columns :
        ]:
            self._edges.append((x, x + w + 2 * PAD, column.justify))
            x += w + 2 * PAD
        width = sum(w + 2 * PAD for w in self._widths)
        self.virtual_size = Size(width, self.row_count + self._head)

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
