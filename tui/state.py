"""The workbench under the app: its state and how it flows. Loading and evaluating run in
workers; what the user asks for (keys, commands, dialogs) is `app.TinnhiemApp`, built on this.

State flows down (reactives bound to the widgets, or `show(...)` on a view); events flow up as
messages named for what happened (`RulesLoaded`, `DataLoaded`, `Evaluated`, `RulesEdited`).
Each kind of work takes a ticket; a result whose ticket is not the latest is dropped, so a slow,
stale evaluation never overwrites a newer one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import BindingsMap
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Footer, Static, TabbedContent, TabPane
from tinnhiem.engine.model import DataError, Dataset, Evaluation
from tinnhiem.rules import Diagnostic, Loaded, ast

from tinnhiem import bundled

from . import actions, backend
from . import config as settings
from .i18n import Lang, t
from .messages import (
    Compared,
    DataFailed,
    DataLoaded,
    EngineMissing,
    Evaluated,
    Role,
    RulesEdited,
    RulesFailed,
    RulesLoaded,
)
from .present import ResultsRows, differences
from .rounds import Rounds
from .table import StaticRows
from .widgets.calendar import CalendarView
from .widgets.compare import CompareView
from .widgets.diff import DiffView, InsertExample
from .widgets.editor import RulesView
from .widgets.find import FindBar
from .widgets.grid import Grid
from .widgets.report import ReportView
from .widgets.status import Status, StatusBar
from .widgets.sweep import SweepView
from .widgets.why import WhyPanel, why

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


WARNINGS_SHOWN = 5  # warnings of an evaluation shown one by one; then how many more


class Workbench(App[None]):
    """Rules, data, results and their comparison; the widgets that show them."""

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
        self.set_reactive(Workbench.lang, lang or self.config.lang)
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
        self._previous_data: tuple[Dataset, set[str]] | None = None
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

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield StatusBar(id="status").data_bind(Workbench.lang, Workbench.status)
        with TabbedContent(id="tabs", initial="results"):
            with TabPane(t(lang, "tab.results"), id="results"):
                yield Static(id="results-note", classes="note")
                yield FindBar(id="find").data_bind(Workbench.lang)
                with Horizontal(id="results-split"):
                    yield Grid(fixed_columns=2, id="results-table")
                    yield WhyPanel(id="why")
            with TabPane(t(lang, "tab.report"), id="report"):
                yield ReportView(id="report-view").data_bind(Workbench.lang)
            with TabPane(t(lang, "tab.compare"), id="compare"):
                yield CompareView(id="compare-view").data_bind(Workbench.lang)
                yield DiffView(id="diff-view").data_bind(Workbench.lang)
            with TabPane(t(lang, "tab.calendar"), id="calendar"):
                yield CalendarView(id="calendar-view").data_bind(Workbench.lang)
            with TabPane(t(lang, "tab.sweep"), id="sweep"):
                yield SweepView(id="sweep-view").data_bind(Workbench.lang)
            with TabPane(t(lang, "tab.rules"), id="rules"), Vertical():
                yield RulesView(id="rules-view").data_bind(Workbench.lang, Workbench.diagnostics)
        # the palette's key is in the help (F1): its footer hint would push "quit" off at 80
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.mounted = True
        keymap, problems = actions.checked_keymap(self.config.keymap)
        if problems:
            self.config = replace(self.config, ignored=(*self.config.ignored, *problems))
        if keymap:
            self.set_keymap(keymap)
        if self.config.ignored:
            self.notify(
                "\n".join(self.config.ignored),
                title=t(self.lang, "config.ignored", path=self.config_dir / "config.toml"),
                severity="warning",
                markup=False,
            )
        self._default_theme = self.theme
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())
        self._theme_changed()
        self._set_status()
        self.load_rules(self.rules_path)
        if self.compare_path is not None:
            self.load_rules(self.compare_path, "compare")
        if self.watch_interval > 0:
            self.set_interval(self.watch_interval, self.poll_files)
        self.query_one("#results-table", Grid).focus()

    def on_resize(self) -> None:
        self.screen.set_class(self.size.width < 110, "-narrow")

    def _theme_changed(self) -> None:
        if self.theme != (self.config.theme or self._default_theme):
            self.config = replace(self.config, theme=self.theme)  # remembered for next time
            settings.save(self.config_dir, self.config)
        variables = self.get_css_variables()
        self.palette = {k: variables[k] for k in PALETTE_KEYS if k in variables}
        self.query_one(RulesView).set_palette(self.palette)
        self.refresh_views()

    # --- tickets: only the latest work of each kind is applied -----------------------------

    def ticket(self, kind: str) -> int:
        self._tickets[kind] = self._tickets.get(kind, 0) + 1
        return self._tickets[kind]

    def latest(self, kind: str, ticket: int) -> bool:
        return self._tickets.get(kind) == ticket

    def in_thread(self, work: Callable[[], None], group: str) -> None:
        self.run_worker(work, thread=True, group=group, exit_on_error=False)

    # --- rules -----------------------------------------------------------------------------

    def load_rules(self, path: Path, role: Role = "current") -> None:
        ticket = self.ticket(f"rules:{role}")

        def work() -> None:
            try:
                loaded = backend.load_rules(path)
            except UnicodeDecodeError as exc:
                byte, offset = exc.object[exc.start], exc.start
                error = t(self.lang, "rules.not_utf8", byte=byte, offset=offset)
                self.post_message(RulesFailed(path, error, role))
                return
            except OSError as exc:
                self.post_message(RulesFailed(path, exc.strerror or str(exc), role))
                return
            self.post_message(RulesLoaded(ticket, loaded, role))

        self.in_thread(work, f"rules-{role}")

    @on(RulesEdited)
    def _edited(self, event: RulesEdited) -> None:
        ticket = self.ticket("rules:current")
        path = self.rules_path

        def work() -> None:
            loaded = backend.load_rules_text(event.text, path)
            self.post_message(RulesLoaded(ticket, loaded, "current", from_editor=True))

        self._set_status(busy=True)
        self.in_thread(work, "rules-current")

    @on(InsertExample)
    def _insert_example(self, event: InsertExample) -> None:
        """A difference's example, added at the end of the rules being edited (not saved): the
        edit is evaluated like any other, and its example runs in the Rules tab."""
        view = self.query_one(RulesView)
        editor = view.editor
        text = editor.text
        gap = "" if text.endswith("\n\n") or not text else "\n" if text.endswith("\n") else "\n\n"
        editor.insert(gap + event.text.rstrip("\n") + "\n", editor.document.end)
        view.flush()
        self.set_focus(None)  # else the tabs follow the focus back to the compare tab
        self.query_one(TabbedContent).active = "rules"
        name = event.text.split('"')[1] if event.text.count('"') >= 2 else ""
        self.notify(t(self.lang, "diff.inserted", name=name), markup=False)

    @on(RulesFailed)
    def _rules_failed(self, event: RulesFailed) -> None:
        self.config = self.config.without_recent("rules", event.path)
        settings.save(self.config_dir, self.config)
        self.notify(
            t(self.lang, "rules.cannot_read", path=event.path, error=event.error),
            severity="error",
            markup=False,
        )

    @on(RulesLoaded)
    def _rules_loaded(self, event: RulesLoaded) -> None:
        if not self.latest(f"rules:{event.role}", event.generation):
            return
        loaded = event.loaded
        path = Path(loaded.path)
        if event.role == "compare":
            self._compare_loaded(loaded)
            return
        self.loaded = loaded
        self.diagnostics = loaded.diagnostics
        if not event.from_editor:
            self.rules_path = path
            self.query_one(RulesView).open_file(path, backend.top_text(loaded))
            self._remember(loaded)
            self.config = self.config.with_recent("rules", path)
            settings.save(self.config_dir, self.config)
        if loaded.errors or loaded.resolved is None:
            # said once when the rules break, not at every keystroke while they stay broken
            if not event.from_editor or not self._broken:
                errors = len(loaded.errors) or 1
                first = first_error(loaded, self.lang)
                message = t(self.lang, "rules.broken", n=errors, first=first)
                self.notify(message, severity="error", markup=False)
            self._broken = True
            self._set_status()
            return
        self._broken = False
        self.ruleset = loaded.resolved
        self.query_one(RulesView).set_ruleset(loaded.resolved)
        self.query_one(SweepView).set_ruleset(loaded.resolved)
        # the calendar needs the rules and the dates, not results: a time-in-post file alone works
        self.query_one(CalendarView).show_rulesets(self.ruleset, self.compare_ruleset)
        self.query_one(DiffView).show_rulesets(self.ruleset, self.compare_ruleset)
        if not event.from_editor and self.evaluation is not None:
            self.notify(t(self.lang, "rules.loaded", name=loaded.resolved.name), markup=False)
        if self.dataset is None or not set(self.ruleset.levels.ids) <= self._read_levels:
            self.load_data(self.data_path, self.data_kind)
        else:
            self.evaluate()

    def _compare_loaded(self, loaded: Loaded) -> None:
        if loaded.errors or loaded.resolved is None:
            shown = "\n".join(d.render(self.lang) for d in loaded.errors[:3])
            self.notify(shown or loaded.path, severity="error", markup=False)
            return
        self.compare_path = Path(loaded.path)
        self.compare_ruleset = loaded.resolved
        self._compare_files = set(loaded.texts)
        self.query_one(DiffView).show_rulesets(self.ruleset, loaded.resolved)
        self._remember(loaded)
        self.config = self.config.with_recent("rules", loaded.path)
        settings.save(self.config_dir, self.config)
        if self.dataset is not None and not set(loaded.resolved.levels.ids) <= self._read_levels:
            self.load_data(self.data_path, self.data_kind)
        else:
            self.evaluate()
        self.update_footer()

    def stop_comparing(self) -> None:
        self.compare_path = self.compare_ruleset = None
        self.compare_evaluation = self.comparison = None
        self._compare_files = set()
        self.refresh_views()
        self.update_footer()

    # --- data ------------------------------------------------------------------------------

    def load_data(self, path: Path, kind: str = "tallies") -> None:
        ticket = self.ticket("data")
        # only the rule sets' levels: a level the rules lack must be reported, not read quietly
        levels = backend.level_labels(self.ruleset, self.compare_ruleset)

        def work() -> None:
            try:
                dataset = backend.read_data(path, kind, levels)
            except DataError as exc:
                failed = DataFailed(path, exc.issues)
            except backend.EngineMissing as exc:
                failed = None
                self.post_message(EngineMissing(exc.name))
            except (OSError, ValueError) as exc:
                failed = DataFailed(path, (), str(exc))
            except Exception:  # a reader's own failure: said (never its text), never a stall
                failed = DataFailed(path, (), t(self.lang, "data.unreadable"))
            else:
                self.post_message(DataLoaded(ticket, dataset, frozenset(levels)))
                return
            if failed is not None and self.latest("data", ticket):  # not cancelled meanwhile
                self.post_message(failed)

        self.loading_path = path
        self._set_status(busy=True)
        self.in_thread(work, "data")

    def cancel_load(self) -> bool:
        """Stop waiting for the data being loaded (Esc): its result, when it comes, is dropped."""
        if self.loading_path is None:
            return False
        path, self.loading_path = self.loading_path, None
        self.ticket("data")
        self.notify(t(self.lang, "data.cancelled", name=path.name), markup=False)
        self._set_status()
        return True

    @on(DataLoaded)
    def _data_loaded(self, event: DataLoaded) -> None:
        if not self.latest("data", event.generation):
            return
        self.loading_path = None
        dataset = event.dataset
        if backend.time_in_post(dataset):
            self._use_for_calendar(dataset)
            return
        first = self.dataset is None
        if self.dataset is not None and self.dataset is self.evaluated_on:
            self._previous_data = (self.dataset, self._read_levels)
        self._use_data(dataset, set(event.levels))
        if not first:
            name = self.data_path.name
            kind = t(self.lang, f"data.{dataset.kind}.short")
            rounds = self.data_rounds
            assert rounds is not None
            key = "data.loaded.kind_votes" if rounds.votes > rounds.people else "data.loaded.kind"
            said = t(self.lang, key, name=name, kind=kind, n=rounds.people, m=rounds.votes)
            self.notify(said, markup=False)
        if dataset.warnings:
            self.notify(
                bundled.shown_text("\n".join(w.render(self.lang) for w in dataset.warnings[:5])),
                title=t(self.lang, "data.warnings", n=len(dataset.warnings)),
                severity="warning",
                markup=False,
            )
        self.evaluate()

    def _use_for_calendar(self, dataset: Dataset) -> None:
        """A file of people and their time in post, without votes: the calendar's, not the
        results' (evaluating it would fail on every row for want of counts)."""
        name = Path(dataset.path).name
        self.config = self.config.with_recent("data", dataset.path)
        settings.save(self.config_dir, self.config)
        calendar = self.query_one(CalendarView)
        calendar.posts = dataset
        calendar.show_rulesets(self.ruleset, self.compare_ruleset)
        said = t(self.lang, "data.time_in_post", name=name, n=len(dataset.tallies))
        self.notify(said, markup=False)
        if self.dataset is None:  # nothing else to show in the results
            note = self.query_one("#results-note", Static)
            note.update(said)
            note.add_class("-shown")
        self.set_focus(None)  # else the tabs follow the focus back to the results
        self.query_one(TabbedContent).active = "calendar"
        self._set_status()

    def _use_data(self, dataset: Dataset, levels: set[str]) -> None:
        self.dataset = dataset
        self.data_rounds = Rounds.of(dataset.tallies)
        self._read_levels = levels
        self.data_path = Path(dataset.path)
        self.data_kind = dataset.kind
        self._mtimes[str(self.data_path)] = backend.mtimes([str(self.data_path)])[
            str(self.data_path)
        ]
        self.config = self.config.with_recent("data", self.data_path)
        settings.save(self.config_dir, self.config)
        self.query_one(CalendarView).dataset = dataset
        self.query_one(SweepView).dataset = dataset

    @on(DataFailed)
    def _data_failed(self, event: DataFailed) -> None:
        self.loading_path = None
        lines = [i.render(self.lang) for i in event.issues[:8]] or [f"{event.path}: {event.error}"]
        if len(event.issues) > 8:
            lines.append(f"… (+{len(event.issues) - 8})")
        message = bundled.shown_text("\n".join(lines))
        title = t(self.lang, "data.not_evaluated" if event.evaluating else "data.failed")
        previous = self._previous_data
        if event.evaluating and previous and self.dataset is not self.evaluated_on:
            # new data that read well but cannot be evaluated: back to the data shown
            self._previous_data = None
            self._use_data(*previous)
            title = t(self.lang, "data.failed")
        self.notify(message, title=title, severity="error", markup=False)
        if not event.evaluating:
            # a file that cannot be read is no longer offered among the recent ones
            self.config = self.config.without_recent("data", event.path)
            settings.save(self.config_dir, self.config)
        if self.dataset is None:
            note = self.query_one("#results-note", Static)
            note.update(message)
            note.add_class("-shown")
        elif event.evaluating and self._stale():
            self._clear_results(message)
        if event.evaluating and self.mounted:
            # the calendar needs the rules and the people's dates, not their results
            self.query_one(CalendarView).show_rulesets(self.ruleset, self.compare_ruleset)
        self._set_status()

    def _stale(self) -> bool:
        """Whether the results held are not those of the rule sets and the data named."""
        evaluation, comparison = self.evaluation, self.comparison
        if evaluation is None:
            return False
        if evaluation.ruleset is not self.ruleset or self.evaluated_on is not self.dataset:
            return True
        return comparison is not None and comparison.b.ruleset is not self.compare_ruleset

    def _clear_results(self, message: str) -> None:
        """Empty every view of results and say why: never one rule set's results under
        another's name."""
        assert self.dataset is not None
        self.evaluation = self.evaluated_on = self._prepared = None
        self.compare_evaluation = self.comparison = None
        name = self.ruleset.name if self.ruleset else ""
        said = t(self.lang, "data.no_results", data=Path(self.dataset.path).name, name=name)
        note = self.query_one("#results-note", Static)
        note.update(f"{said}\n{message}")
        note.add_class("-shown")
        self.query_one("#results-table", Grid).show(StaticRows("", []))
        self.query_one(ReportView).show([], said)
        self.query_one(CompareView).show([], said)
        self.query_one(WhyPanel).show("")

    @on(EngineMissing)
    def _missing(self, event: EngineMissing) -> None:
        self.notify(
            t(self.lang, "missing_feature", name=event.name), severity="warning", markup=False
        )
        self._set_status()

    # --- evaluation ------------------------------------------------------------------------

    def evaluate(self) -> None:
        """Evaluate the current (and compared) rule set on the data, off the UI thread."""
        ruleset, other, dataset = self.ruleset, self.compare_ruleset, self.dataset
        if ruleset is None or dataset is None:
            return
        ticket = self.ticket("eval")
        lang, palette = self.lang, dict(self.palette)
        shown = self.query_one("#results-table", Grid).rows
        previous = shown if isinstance(shown, ResultsRows) else None

        def work() -> None:
            try:
                start = time.perf_counter()
                # no traces in bulk: the why panel explains the one person it shows
                evaluation = backend.evaluate(ruleset, dataset, explain=False, lang=lang)
                took = time.perf_counter() - start
                # the table's rows are made here too, off the UI thread (none while comparing:
                # they wait for the comparison's marks)
                rows = None if other else ResultsRows(evaluation, lang, palette, None, previous)
                self.post_message(Evaluated(ticket, evaluation, took, dataset, rows))
                if other is not None:
                    start = time.perf_counter()
                    comparison = backend.compare(ruleset, other, dataset, lang)
                    took = time.perf_counter() - start
                    self.post_message(Compared(ticket, comparison, took))
            except DataError as exc:  # e.g. a level of the data that the rules do not have
                self.post_message(DataFailed(Path(dataset.path), exc.issues, evaluating=True))
            except backend.EngineMissing as exc:
                self.post_message(EngineMissing(exc.name))
            except Exception as exc:  # a bug in the engine must not take the app down
                self.post_message(
                    DataFailed(Path(dataset.path), (), f"{type(exc).__name__}: {exc}")
                )

        self._set_status(busy=True)
        self.in_thread(work, "eval")

    @on(Evaluated)
    def _evaluated(self, event: Evaluated) -> None:
        if not self.latest("eval", event.generation):
            return
        self.timings["evaluate"] = event.seconds
        self.evaluation = event.evaluation
        self._prepared = event.rows
        self.evaluated_on = event.dataset
        self.query_one("#results-note", Static).remove_class("-shown")
        self.refresh_views()
        self._warn_evaluation(event.evaluation, event.dataset)
        if "first_results" not in self.timings:
            self.timings["first_results"] = time.perf_counter() - self.started

    def _warn_evaluation(self, evaluation: Evaluation, dataset: Dataset) -> None:
        """What the data could not answer (an exemption not checked, a quorum unchecked, a
        previous vote missing, votes outside the rules' dates of force): said once per rules
        and data, each in its own words, never left to the trace of one person alone."""
        ruleset = evaluation.ruleset
        key = (id(ruleset), ruleset.in_force, dataset.path, len(dataset.tallies))
        if key == self._in_force_said:
            return
        self._in_force_said = key
        warnings = evaluation.warnings
        for warning in warnings[:WARNINGS_SHOWN]:
            shown = bundled.shown_text(warning.text(self.lang))
            self.notify(shown, severity="warning", markup=False, timeout=10)
        if len(warnings) > WARNINGS_SHOWN:
            more = t(self.lang, "eval.more_warnings", n=len(warnings) - WARNINGS_SHOWN)
            self.notify(more, severity="warning", markup=False, timeout=10)

    @on(Compared)
    def _compared(self, event: Compared) -> None:
        if self.latest("eval", event.generation) and self.compare_ruleset is not None:
            self.timings["compare"] = event.seconds
            self.comparison = event.comparison
            self.compare_evaluation = event.comparison.b
            self.refresh_views()

    # --- drawing the state -----------------------------------------------------------------

    def refresh_views(self) -> None:
        if not self.mounted:
            return
        self._show_results()
        self._show_report()
        self._show_compare()
        self.query_one(CalendarView).show_rulesets(self.ruleset, self.compare_ruleset)
        self.query_one(DiffView).show_rulesets(self.ruleset, self.compare_ruleset)
        self._set_status()

    def _versus(self) -> dict[str, str] | None:
        if self.compare_ruleset is None or self.comparison is None:
            return None
        return differences(self.comparison, self.lang)

    def _show_results(self) -> None:
        if self.evaluation is None:
            return
        start = time.perf_counter()
        grid = self.query_one("#results-table", Grid)
        rows, versus = self._prepared, self._versus()
        ready = rows is not None and rows.evaluation is self.evaluation and versus is None
        if not (ready and rows and rows.lang == self.lang and rows.palette == self.palette):
            previous = grid.rows if isinstance(grid.rows, ResultsRows) else None
            rows = ResultsRows(self.evaluation, self.lang, self.palette, versus, previous)
        grid.show(rows)
        self.query_one(FindBar).count(grid.row_count, len(rows), votes=rows.rounds.several)
        self.timings["show_results"] = time.perf_counter() - start

    def _show_report(self) -> None:
        if self.evaluation is not None:
            self.query_one(ReportView).show_reports(self.evaluation, self.palette)

    def _show_compare(self) -> None:
        view = self.query_one(CompareView)
        if self.compare_ruleset is None or self.evaluation is None:
            view.show_nothing(actions.by_name("compare").key)
            return
        view.show_comparison(self.comparison, self.palette)

    @on(Grid.RowHighlighted, "#results-table")
    def _highlighted(self, event: Grid.RowHighlighted) -> None:
        self.show_why(event.index)

    def show_why(self, index: int) -> None:
        evaluation = self.evaluation
        if evaluation is None or self.evaluated_on is None or index >= len(evaluation.results):
            return
        ruleset = evaluation.ruleset
        result = backend.explain(evaluation, index)
        versus = None
        other = self.compare_evaluation
        if other is not None and index < len(other.results):
            versus = (other.results[index], other.ruleset)
        rows = self.query_one("#results-table", Grid).rows
        rounds = []
        if isinstance(rows, ResultsRows) and rows.evaluation is evaluation and rows.rounds.several:
            rounds = [(i, evaluation.results[i]) for i in rows.rounds.of_row[index]]
        shown = why(result, ruleset, self.lang, self.palette, versus, rounds)
        self.query_one(WhyPanel).show(shown)

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
            no_results=self.evaluation is None and dataset is not None and not busy,
            palette=self.palette,
        )
        self.update_footer()

    def update_footer(self) -> None:
        """Refresh the keys shown when one became available or not (the footer re-composes)."""
        state = tuple(self.check_action(name, ()) for name in DYNAMIC_ACTIONS)
        if state != self._footer_state:
            self._footer_state = state
            self.refresh_bindings()

    # --- language --------------------------------------------------------------------------

    def watch_lang(self, lang: str) -> None:
        self._bindings = BindingsMap(actions.bindings(lang))
        self.refresh_bindings()
        if not self.mounted:
            return
        tabs = self.query_one(TabbedContent)
        for tab in actions.TABS:
            tabs.get_tab(tab).label = t(lang, f"tab.{tab}")
        self.refresh_views()
        index = self.query_one("#results-table", Grid).cursor_index
        if index is not None:
            self.show_why(index)
        if self.evaluation is not None and self.evaluation.results:
            self.evaluate()  # the engine's reasons, in the new language

    # --- files changed on disk -------------------------------------------------------------

    def _remember(self, loaded: Loaded) -> None:
        self._mtimes.update(backend.mtimes(str(p) for p in loaded.texts))

    def poll_files(self) -> None:
        """Reload what changed on disk: rules (unless being edited), their bases, the data."""
        now = backend.mtimes(self._mtimes)
        changed = {p for p, m in now.items() if m != self._mtimes.get(p)}
        if not changed:
            return
        self._mtimes.update(now)
        view = self.query_one(RulesView)
        current = set(self.loaded.texts) if self.loaded else set()
        if changed & current:
            if view.edited:
                for path in changed & current:
                    name = Path(path).name
                    self.notify(t(self.lang, "rules.changed_on_disk", name=name), markup=False)
                self.post_message(RulesEdited(view.editor.text))
            else:
                self.notify(t(self.lang, "rules.reloaded", name=self.rules_path.name), markup=False)
                self.load_rules(self.rules_path)
        if self.compare_path is not None and changed & self._compare_files:
            self.load_rules(self.compare_path, "compare")
        if str(self.data_path) in changed and self.dataset is not None:
            self.load_data(self.data_path, self.data_kind)


def first_error(loaded: Loaded, lang: str = "vi") -> str:
    """`file:line:column: message` of the first error, for a one-line notification."""
    if not loaded.errors:
        return Path(loaded.path).name
    d = loaded.errors[0]
    return f"{Path(d.path).name}:{d.line}:{d.column}: {d.text(lang)}"
