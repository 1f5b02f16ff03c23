"""Moving between views: the tabs, the "why" panel, the table in view, Esc."""

from __future__ import annotations

from textual import on
from textual.widgets import TabbedContent, Tabs

from .state import Workbench
from .widgets.find import FindBar
from .widgets.grid import Grid
from .widgets.sweep import SweepView


class ViewActions(Workbench):
    """1-6, w, F9, Esc; and which table the user is looking at."""

    def action_cancel_load(self) -> None:
        """Esc: stop waiting for data; else, on the results, clear a find and close its line."""
        if self.cancel_load():
            return
        bar = self.query_one(FindBar)
        if bar.is_open and self.query_one(TabbedContent).active == "results":
            bar.close()

    def action_tab(self, name: str) -> None:
        # Let go of the focus first: TabbedContent follows the focus back to the old tab when
        # the focused widget is hidden.
        self.set_focus(None)
        self.query_one(TabbedContent).active = name
        self.call_after_refresh(self._focus_tab, name)

    def _focus_tab(self, name: str) -> None:
        if name == "rules":
            # The tab strip, not the editor: a tab key pressed next must switch tabs, never type
            # into the rules. Tab (or a click) enters the editor; Escape leaves it.
            self.query_one(TabbedContent).query_one(Tabs).focus()
        elif name == "results":
            self.query_one("#results-table").focus()
        else:
            grid = self.current_grid()
            if grid is not None:
                grid.focus()
        self.update_footer()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.update_footer()

    def action_why(self) -> None:
        split = self.query_one("#results-split")
        split.toggle_class("-no-why")

    def action_run_sweep(self) -> None:
        self.action_tab("sweep")
        self.query_one(SweepView).run()

    def current_grid(self) -> Grid | None:
        """The table the user is looking at: the focused one, else the first of the tab."""
        focused = self.focused
        if isinstance(focused, Grid) and focused.id != "help-table":
            return focused
        tabs = self.query_one(TabbedContent)
        pane = tabs.get_pane(tabs.active) if tabs.active else None
        if pane is None:
            return None
        grids = [g for g in pane.query(Grid).results(Grid) if g.row_count]
        return grids[0] if grids else None
