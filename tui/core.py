"""The workbench's ground floor: its state, its layout, tickets for work in workers, and the
status line and footer that say where things stand. The flows built on it, each a layer:
`results_flow` (evaluating, drawing the results), `data_flow` (reading data), `rules_flow`
(reading and editing rules), and `state.Workbench` on top (start, theme, language, files
changed on disk).

State flows down (reactives bound to the widgets, or `show(...)` on a view); events flow up as
messages named for what happened (`RulesLoaded`, `DataLoaded`, `Evaluated`, `RulesEdited`).
Each kind of work takes a ticket; a result whose ticket is not the latest is dropped, so a slow,
stale evaluation never overwrites a newer one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import BindingsMap
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Footer, Static, TabbedContent, TabPane
from tinnhiem.engine.model import Dataset, Evaluation
from tinnhiem.rules import Diagnostic, Loaded, ast

from tinnhiem import bundled

from . import actions
from . import config as settings
from .i18n import Lang, t
from .present import ResultsRows
from .rounds import Rounds
from .widgets.calendar import CalendarView
from .widgets.compare import CompareView
from .widgets.diff import DiffView
from .widgets.editor import RulesView
from .widgets.find import FindBar
from .widgets.grid import Grid
from .widgets.report import ReportView
from .widgets.status import Status, StatusBar
from .widgets.sweep import SweepView
from .widgets.why import WhyPanel

# actions whose availability changes with the state (`TinnhiemApp.check_action`)
DYNAMIC_ACTIONS = ("save_overlay", "revert", "clear_compare", "export", "sort", "reverse")
PALETTE_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "text-primary",
    "text-secondary",
    "text-accent",
    "text-success",
    "text-warning",
    "text-error",
)


class Core(App[None]):
    """What every layer of the workbench reads and writes: the files named, the rules, the
    data, the results; the widgets; the tickets of work; the status line."""

    lang: reactive[str] = reactive("vi")
    status: reactive[Status] = reactive(Status)
    diagnostics: reactive[tuple[Diagnostic, ...]] = reactive(())

    def __init__(
        self,
        rules: str | Path | None = None,
        data: str | Path | None = None,
        *,
        config_dir: Path | None = None,
        lang: Lang | None = None,
        data_kind: str = "tallies",
        compare: str | Path | None = None,
        watch_interval: float = 1.0,
    ) -> None:
        self.config_dir = config_dir or settings.config_dir()
        self.config = settings.load(self.config_dir)
        super().__init__()
        self.set_reactive(Core.lang, lang or self.config.lang)
        self._bindings = BindingsMap(actions.bindings(self.lang))
        self.rules_path = bundled.find_rules(rules) if rules else bundled.default_rules()
        self.data_path = Path(data) if data else bundled.default_data()
        self.data_kind = data_kind
        self.compare_path = bundled.find_rules(compare) if compare else None
        self.watch_interval = watch_interval
        self.loaded: Loaded | None = None  # the current rules as last read, maybe broken
        self.ruleset: ast.Resolved | None = None  # the last good current rules
        self.compare_ruleset: ast.Resolved | None = None
        self.dataset: Dataset | None = None
        self.data_rounds: Rounds | None = None  # the people of `dataset` and their votes
        self.evaluation: Evaluation | None = None  # the last good results
        self.evaluated_on: Dataset | None = None
        self.compare_evaluation: Evaluation | None = None
        self.comparison: Any = None  # engine.compare.Comparison
        # the data before the last load, with their levels: restored when the new data cannot
        # be evaluated, so that what the status line names is what the results show
        self._previous_data: tuple[Dataset, set[str], Rounds] | None = None
        self.palette: dict[str, str] = {}
        self.timings: dict[str, float] = {}  # what took how long (benchmarks read it)
        self.started = time.perf_counter()
        self._tickets: dict[str, int] = {}
        self.loading_path: Path | None = None  # the data file being read, until it is read or fails
        self._read_levels: set[str] = set()
        self._mtimes: dict[str, float | None] = {}
        self._compare_files: set[str] = set()
        self._prepared: ResultsRows | None = None  # rows made by the evaluation's worker
        self.mounted = False
        self._broken = False  # the current rules have errors
        self._in_force_said: object = None  # the rules and data last warned about
        self._footer_state: tuple[bool | None, ...] = ()

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield StatusBar(id="status").data_bind(Core.lang, Core.status)
        with TabbedContent(id="tabs", initial="results"):
            with TabPane(t(lang, "tab.results"), id="results"):
                yield Static(id="results-note", classes="note")
                yield FindBar(id="find").data_bind(Core.lang)
                with Horizontal(id="results-split"):
                    yield Grid(fixed_columns=2, id="results-table")
                    yield WhyPanel(id="why")
            with TabPane(t(lang, "tab.report"), id="report"):
                yield ReportView(id="report-view").data_bind(Core.lang)
            with TabPane(t(lang, "tab.compare"), id="compare"):
                yield CompareView(id="compare-view").data_bind(Core.lang)
                yield DiffView(id="diff-view").data_bind(Core.lang)
            with TabPane(t(lang, "tab.calendar"), id="calendar"):
                yield CalendarView(id="calendar-view").data_bind(Core.lang)
            with TabPane(t(lang, "tab.sweep"), id="sweep"):
                yield SweepView(id="sweep-view").data_bind(Core.lang)
            with TabPane(t(lang, "tab.rules"), id="rules"), Vertical():
                yield RulesView(id="rules-view").data_bind(Core.lang, Core.diagnostics)
        # the palette's key is in the help (F1): its footer hint would push "quit" off at 80
        yield Footer(compact=True, show_command_palette=False)

    def on_resize(self) -> None:
        self.screen.set_class(self.size.width < 110, "-narrow")

    # --- tickets: only the latest work of each kind is applied ---------------------------------

    def ticket(self, kind: str) -> int:
        self._tickets[kind] = self._tickets.get(kind, 0) + 1
        return self._tickets[kind]

    def latest(self, kind: str, ticket: int) -> bool:
        return self._tickets.get(kind) == ticket

    def in_thread(self, work: Callable[[], None], group: str) -> None:
        self.run_worker(work, thread=True, group=group, exit_on_error=False)

    # --- the status line and the footer --------------------------------------------------------

    def _set_status(self, *, busy: bool = False) -> None:
        loaded, dataset = self.loaded, self.dataset
        found = loaded.diagnostics if loaded else ()
        errors = sum(d.is_error for d in found)
        view = self.query_one(RulesView) if self.mounted else None
        self.status = Status(
            rules=self.ruleset.name if self.ruleset else "",
            rules_file=self.rules_path.name,
            data_file=self.data_path.name if dataset else "",
            people=self.data_rounds.people if dataset and self.data_rounds else 0,
            votes=len(dataset.tallies) if dataset else 0,
            compare=self.compare_ruleset.name if self.compare_ruleset else "",
            errors=errors if loaded and (errors or loaded.resolved is None) else 0,
            warnings=len(found) - errors,
            edited=bool(view and view.edited),
            busy=busy,
            arranging=self._arranging(),
            no_results=self.evaluation is None and dataset is not None and not busy,
            palette=self.palette,
        )
        self.update_footer()

    def _arranging(self) -> str:
        """What the results table is being sorted by, or the text it is finding, in a worker."""
        grid = self.query_one("#results-table", Grid) if self.mounted else None
        how = grid.pending if grid is not None else None
        if how is None or grid is None:
            return ""
        if (how.column, how.reverse) != (grid.sort_column, grid.sort_reverse):
            column = next((c for c in grid.rows.columns if c.key == how.column), None)
            if column is not None:
                return t(self.lang, "status.sorting", column=column.export or column.label)
        return t(self.lang, "status.finding", text=self.query_one(FindBar).input.value)

    def update_footer(self) -> None:
        """Refresh the keys shown when one became available or not (the footer re-composes)."""
        state = tuple(self.check_action(name, ()) for name in DYNAMIC_ACTIONS)
        if state != self._footer_state:
            self._footer_state = state
            self.refresh_bindings()
