"""The tables: find, sort, export, copy to the clipboard."""

from __future__ import annotations

import re
from pathlib import Path

from textual import on
from tinnhiem.engine.formats.headers import fold

from . import backend
from .i18n import t
from .messages import TableExported
from .present import ResultsRows
from .screens.export import ExportRequest, ExportScreen
from .table import text_key
from .view_actions import ViewActions
from .widgets.find import FindBar
from .widgets.grid import Grid
from .widgets.why import WhyPanel

ONE_LINE = str.maketrans({"\t": "\u2409", "\n": "\u240a", "\r": "\u240d"})


def _votes(grid: Grid) -> bool:
    """Whether the grid's rows are votes of several rounds rather than people."""
    return isinstance(grid.rows, ResultsRows) and grid.rows.rounds.several


def slug(title: str) -> str:
    """'Phụ lục' -> 'phu-luc': a file name from a table's title."""
    bare = text_key(title)[0]
    return re.sub(r"[^a-z0-9]+", "-", bare).strip("-") or "bang"


class TableActions(ViewActions):
    """/, s, r, c, y, ctrl+e on the table in view."""

    def action_find(self) -> None:
        self.query_one(FindBar).open()

    @on(FindBar.Changed)
    def _find(self, event: FindBar.Changed) -> None:
        """Only what is shown changes: the results, the report and the exports stay whole."""
        grid = self.query_one("#results-table", Grid)
        grid.set_filter(fold(event.text))
        if grid.pending is None:  # else when the worker has found them (`_arranged`)
            self._found(grid)
        if event.closed or event.done:
            grid.focus()

    def _found(self, grid: Grid) -> None:
        """How many people the find shows; the why panel says when it is nobody."""
        self.query_one(FindBar).count(grid.row_count, len(grid.rows), votes=_votes(grid))
        if not grid.row_count:
            self.query_one(WhyPanel).show(t(self.lang, "find.none"))

    @on(Grid.Arranging, "#results-table")
    def _arranged(self, event: Grid.Arranging) -> None:
        """A sort or a find of the results began in a worker, or it is shown: the status line
        says so meanwhile."""
        self._set_status()
        if event.grid.pending is None:
            self._found(self.query_one("#results-table", Grid))

    def action_show_row(self, index: int) -> None:
        """A round of the why panel, clicked: the results cursor to that row. A row the find
        hides is shown again (the find is closed) rather than left out of reach."""
        grid = self.query_one("#results-table", Grid)
        if not isinstance(grid.rows, ResultsRows) or not 0 <= index < len(grid.rows):
            return
        if index not in grid.order:
            grid.set_filter("")
            self.query_one(FindBar).close()
        position = grid.find(grid.rows.key(index))
        if position is not None:  # None: a sort being made keeps it hidden a moment more
            grid.move_to(position)
        grid.focus()

    def action_copy_row(self) -> None:
        """The highlighted row as one tab-separated line, its cells in the order of the headers
        and as shown (a tab or line break inside a cell as a symbol: the line stays one row)."""
        grid = self.current_grid()
        if grid is None or not grid.row_count:
            self.notify(t(self.lang, "copy.nothing"), severity="warning")
            return
        cells = [c.plain.translate(ONE_LINE) for c in grid.row_cells(grid.cursor)]
        self.copy_to_clipboard("\t".join(cells))
        named = next((c for c in cells if c and not c.isdigit()), cells[0] if cells else "")
        said = t(self.lang, "copy.row", row=named, n=len(cells))
        self.notify(said, title=t(self.lang, "copy.title"), markup=False)

    def action_copy_why(self) -> None:
        """The "why" panel's words, as plain text."""
        text = self.query_one(WhyPanel).plain_text()
        if not text:
            self.notify(t(self.lang, "copy.nothing"), severity="warning")
            return
        self.copy_to_clipboard(text)
        lines = text.splitlines()
        said = t(self.lang, "copy.why", name=lines[0], n=len(lines))
        self.notify(said, title=t(self.lang, "copy.title"), markup=False)

    def action_sort(self) -> None:
        grid = self.current_grid()
        if grid is None:
            return
        # from the sort asked for: one still being made counts (`s` pressed twice, quickly)
        keys, wanted = grid.column_keys, grid.arrangement
        now = keys.index(wanted.column) if wanted.column in keys else -1
        grid.sort_by(keys[(now + 1) % len(keys)], reverse=False)

    def action_reverse(self) -> None:
        grid = self.current_grid()
        if grid is not None:
            wanted = grid.arrangement
            grid.sort_by(wanted.column or grid.column_keys[0], reverse=not wanted.reverse)

    def action_export(self) -> None:
        grid = self.current_grid()
        if grid is None:
            self.notify(t(self.lang, "export.nothing"), severity="warning")
            return
        rows = grid.rows
        title = rows.title or "bang"
        default = Path.cwd() / slug(title)

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.export_table(grid, request.path, request.fmt)

        note = ""
        if grid.row_count != len(grid.all_order):
            note = t(self.lang, "export.all_rows", n=len(grid.all_order), shown=grid.row_count)
        self.push_screen(ExportScreen(title, self.lang, default, note=note), chosen)

    def export_table(self, grid: Grid, path: Path, fmt: str) -> None:
        """Write the grid's rows, in the order shown, in a worker."""
        rows = grid.rows
        headers = list(rows.headers)
        # every row, in the order shown: a find (`/`) filters the screen, never an export
        order = grid.all_order
        body = [[c.value for c in rows.cells(i)] for i in order]
        if isinstance(rows, ResultsRows):
            # the same columns as `tinnhiem run -f csv`, in the order shown on screen
            sheet = backend.results_sheet(rows.evaluation)
            headers = list(sheet.headers)
            body = [list(sheet.rows[i]) for i in order]
            if rows.versus is not None:
                headers.append(t(self.lang, "col.versus"))
                for line, i in zip(body, order, strict=True):
                    line.append(rows.versus.get(rows.key(i), ""))
        protect = [
            self.data_path,
            self.rules_path,
            *([self.compare_path] if self.compare_path else []),
        ]

        if fmt in backend.OFFICIAL_FORMATS and not isinstance(rows, ResultsRows):
            self.notify(t(self.lang, "export.official_only"), severity="warning")
            return
        evaluation = rows.evaluation if isinstance(rows, ResultsRows) else None

        def work() -> None:
            try:
                if evaluation is not None and fmt in backend.OFFICIAL_FORMATS:
                    backend.write_official(evaluation, path, fmt, protect)
                else:
                    backend.write_table(headers, body, path, fmt, protect, rows.title)
            except backend.EngineMissing as exc:
                self.post_message(
                    TableExported(path, 0, t(self.lang, "missing_feature", name=exc.name))
                )
            except Exception as exc:  # the writer's own errors (a protected path, a full disk)
                self.post_message(TableExported(path, 0, str(exc)))
            else:
                self.post_message(TableExported(path, len(body)))

        self.in_thread(work, "export")

    @on(TableExported)
    def _exported(self, event: TableExported) -> None:
        if event.error:
            self.notify(
                t(self.lang, "export.failed", error=event.error), severity="error", markup=False
            )
        else:
            self.notify(t(self.lang, "export.done", n=event.rows, path=event.path), markup=False)
