"""The tinnhiem app: what the user asks for, one `action_*` per entry of `actions.ACTIONS`,
each with its dialog; the state and its flow are the `Workbench` underneath (`state.py`).
The actions live by area (`view_actions`, `files_actions`, `table_actions`, `rules_actions`);
here are the app-wide ones: the palette, the help, the language.

The console script builds it in one line: `TinnhiemApp(rules, data, lang=..., config_dir=...)`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from pathlib import Path

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TabbedContent

from . import actions
from . import config as settings
from .files_actions import FileActions
from .i18n import other, t
from .palette import Palette
from .rules_actions import RulesActions
from .screens.help import HelpScreen
from .table_actions import TableActions, slug
from .widgets.editor import RulesView

__all__ = ["TinnhiemApp", "slug"]


class TinnhiemApp(FileActions, TableActions, RulesActions):
    """`tinnhiem-tui`: results, reasons, reports, comparisons, and the rules to edit."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    COMMANDS = {Palette}  # noqa: RUF012 (Textual's own type for it)
    TITLE = "tinnhiem"

    # --- the command palette and the footer --------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for action in actions.ACTIONS:
            if action.name == "palette" or not self.check_action(action.action.split("(")[0], ()):
                continue
            _short, _verb, tip = action.words(self.lang)
            yield SystemCommand(action.command(self.lang), tip, self._runner(action.action))
        yield from _textual_commands(self, screen)

    def _runner(self, action: str) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await self.run_action(action)

        return run

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """False hides an action (footer, palette); None shows it dimmed, unavailable here."""
        if action in ("save_overlay", "revert"):
            return self.mounted and self.query_one(RulesView).edited
        if action == "clear_compare":
            return self.compare_ruleset is not None
        if action in ("export", "sort", "reverse"):
            return True if self.mounted and self.current_grid() is not None else None
        if action in ("find", "goto_rule", "copy_why"):
            # keys of the results tab only: elsewhere `/` and `g` are text (the rules editor)
            return self.mounted and self.query_one(TabbedContent).active == "results"
        if action == "copy_row":
            if not self.mounted or self.query_one(TabbedContent).active == "rules":
                return False  # `c` is text in the rules editor
            return True if self.current_grid() is not None else None
        return True

    # --- help, language, tabs --------------------------------------------------------------

    def action_help(self) -> None:
        keys = {}
        for _key, binding in self._bindings:
            if binding.id:
                remapped = self._keymap.get(binding.id, binding.key).split(",")[0]
                keys[binding.id] = self.get_key_display(Binding(remapped, ""))
        self.push_screen(HelpScreen(self.lang, keys))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = t(self.lang, "palette.search")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        palette = CommandPalette(
            providers=[ThemeProvider], placeholder=t(self.lang, "palette.themes")
        )
        self.push_screen(palette)

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies in a text field): say which key does."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                key_name = self.get_key_display(active.binding)
                self.notify(
                    t(self.lang, "quit.how", key=key_name or key), title=t(self.lang, "quit.ask")
                )
                return

    def action_language(self) -> None:
        self.lang = other(self.lang)
        self.config = replace(self.config, lang=self.lang)
        settings.save(self.config_dir, self.config)
        self.notify(t(self.lang, "lang.switched"))


def _textual_commands(app: TinnhiemApp, screen: Screen) -> Iterable[SystemCommand]:
    """Textual's own palette entries that we keep (the theme, the screenshot), in our words."""
    from textual.app import App

    for command in App.get_system_commands(app, screen):
        if command.title in ("Theme", "Screenshot"):
            key = f"palette.{command.title.lower()}"
            title = f"{t(app.lang, 'group.app')}: {t(app.lang, key)}"
            yield SystemCommand(title, t(app.lang, f"{key}.tip"), command.callback)
