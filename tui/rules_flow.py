"""Reading rules files in a worker (the current and the compared rule set), the editor's text
checked as it is typed, and what follows: the data read again for new levels, or evaluated."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.widgets import TabbedContent
from tinnhiem.rules import Loaded

from . import backend
from . import config as settings
from .data_flow import DataFlow
from .i18n import t
from .messages import Role, RulesEdited, RulesFailed, RulesLoaded
from .widgets.calendar import CalendarView
from .widgets.diff import DiffView, InsertExample
from .widgets.editor import RulesView
from .widgets.sweep import SweepView


class RulesFlow(DataFlow):
    """Rule sets: read, edited, compared; their files remembered."""

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

    def _remember(self, loaded: Loaded) -> None:
        self._mtimes.update(backend.mtimes(str(p) for p in loaded.texts))


def first_error(loaded: Loaded, lang: str = "vi") -> str:
    """`file:line:column: message` of the first error, for a one-line notification."""
    if not loaded.errors:
        return Path(loaded.path).name
    d = loaded.errors[0]
    return f"{Path(d.path).name}:{d.line}:{d.column}: {d.text(lang)}"
