"""The workbench under the app: its state and how it flows. Loading and evaluating run in
workers; what the user asks for (keys, commands, dialogs) is `app.TinnhiemApp`, built on this.

The workbench is built in layers, each a module: `core` (the state, the layout, tickets, the
status line), `results_flow` (evaluation and the views of results), `data_flow` (data files),
`rules_flow` (rules files and the editor's text); here the top one: starting, the theme, the
language, and files changed on disk.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.binding import BindingsMap
from textual.widgets import TabbedContent

from . import actions, backend
from . import config as settings
from .core import PALETTE_KEYS
from .i18n import t
from .messages import RulesEdited
from .rules_flow import RulesFlow, first_error
from .widgets.editor import RulesView
from .widgets.grid import Grid

__all__ = ["Workbench", "first_error"]


class Workbench(RulesFlow):
    """Rules, data, results and their comparison; the widgets that show them."""

    # --- starting ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.mounted = True
        keymap, problems = actions.checked_keymap(self.config.keymap)
        if problems:
            self.config = replace(self.config, ignored=(*self.config.ignored, *problems))
        if keymap:
            self.set_keymap(keymap)
        if self.config.ignored:
            self.notify(
                "\n".join(m.said(self.lang) for m in self.config.ignored),
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

    def _theme_changed(self) -> None:
        if self.theme != (self.config.theme or self._default_theme):
            self.config = replace(self.config, theme=self.theme)  # remembered for next time
            settings.save(self.config_dir, self.config)
        variables = self.get_css_variables()
        self.palette = {k: variables[k] for k in PALETTE_KEYS if k in variables}
        self.query_one(RulesView).set_palette(self.palette)
        self.refresh_views()

    # --- language ------------------------------------------------------------------------------

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

    # --- files changed on disk -----------------------------------------------------------------

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
