"""The tinnhiem app: what the user asks for, one `action_*` per entry of `actions.ACTIONS`,
each with its dialog; the state and its flow are the `Workbench` underneath (`state.py`).

The console script builds it in one line: `TinnhiemApp(rules, data, lang=..., config_dir=...)`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from pathlib import Path

from textual import on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TabbedContent, Tabs
from tinnhiem.engine.formats.headers import fold
from tinnhiem.rules import parse

from tinnhiem import bundled

from . import actions, backend
from . import config as settings
from .i18n import other, t
from .messages import TableExported
from .overlay import extends_name, make_overlay
from .palette import Palette
from .present import ResultsRows
from .screens.export import ExportRequest, ExportScreen, SaveOverlayScreen
from .screens.help import HelpScreen
from .screens.picker import Picked, PickerScreen
from .state import Workbench, first_error
from .table import text_key
from .widgets.editor import RulesView
from .widgets.find import FindBar
from .widgets.grid import Grid
from .widgets.sweep import SweepView
from .widgets.why import WhyPanel


def slug(title: str) -> str:
    """'Phụ lục' -> 'phu-luc': a file name from a table's title."""
    bare = text_key(title)[0]
    return re.sub(r"[^a-z0-9]+", "-", bare).strip("-") or "bang"


class TinnhiemApp(Workbench):
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
        if action in ("find", "goto_rule"):
            # keys of the results tab only: elsewhere `/` and `g` are text (the rules editor)
            return self.mounted and self.query_one(TabbedContent).active == "results"
        return True

    # --- help, language, tabs --------------------------------------------------------------

    def action_cancel_load(self) -> None:
        """Esc: stop waiting for data; else, on the results, clear a find and close its line."""
        if self.cancel_load():
            return
        bar = self.query_one(FindBar)
        if bar.is_open and self.query_one(TabbedContent).active == "results":
            bar.close()

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

    # --- find, and the rule behind a result ------------------------------------------------

    def action_find(self) -> None:
        self.query_one(FindBar).open()

    @on(FindBar.Changed)
    def _find(self, event: FindBar.Changed) -> None:
        """Only what is shown changes: the results, the report and the exports stay whole."""
        grid = self.query_one("#results-table", Grid)
        grid.set_filter(fold(event.text))
        self.query_one(FindBar).count(grid.row_count, len(grid.rows))
        if not grid.row_count:
            self.query_one(WhyPanel).show(t(self.lang, "find.none"))
        if event.closed or event.done:
            grid.focus()

    def action_goto_rule(self) -> None:
        """To the line of the rule that gave the highlighted person their class (the first
        classify block's), in the rules editor."""
        evaluation = self.evaluation
        index = self.query_one("#results-table", Grid).cursor_index
        if evaluation is None or index is None or index >= len(evaluation.results):
            self.notify(t(self.lang, "goto.nobody"), severity="warning")
            return
        result = evaluation.results[index]
        verdict = next((v for v in result.verdicts if v.rule_line), None)
        if verdict is None:
            self.notify(t(self.lang, "goto.no_rule"), severity="warning")
            return
        view = self.query_one(RulesView)
        here = view.path
        if here is None or Path(verdict.file).resolve() != here.resolve():
            name = bundled.shown_text(Path(verdict.file).name)
            said = t(self.lang, "goto.base", line=verdict.rule_line, name=name)
            self.notify(said, severity="warning", markup=False)
            return
        self.set_focus(None)
        self.query_one(TabbedContent).active = "rules"

        def go() -> None:
            view.editor.move_cursor((verdict.rule_line - 1, 0), center=True)
            view.editor.focus()
            self.update_footer()

        self.call_after_refresh(go)

    # --- files -----------------------------------------------------------------------------

    def action_open_data(self) -> None:
        shipped = {p.resolve() for p in bundled.data_dir().iterdir()}
        # the bundled samples have their own list: not again among the recent files
        recent = [
            Path(p)
            for p in self.config.recent_data
            if Path(p).is_file() and Path(p).resolve() not in shipped
        ]
        samples = sorted(
            p
            for p in bundled.data_dir().iterdir()
            if p.suffix in backend.DATA_SUFFIXES and ".turnout." not in p.name  # a sidecar
        )
        picker = PickerScreen(
            t(self.lang, "picker.data"),
            self.lang,
            [(t(self.lang, "picker.recent"), recent), (t(self.lang, "picker.bundled"), samples)],
            backend.DATA_SUFFIXES,
            Path.cwd(),
            ask_kind=True,
        )

        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                self.load_data(picked.path, picked.kind)

        self.push_screen(picker, chosen)

    def _rules_picker(self, title: str, initial: Path | None = None) -> PickerScreen:
        shipped = {p.resolve() for p in bundled.bundled_rules()}
        recent = [
            Path(p)
            for p in self.config.recent_rules
            if Path(p).is_file() and Path(p).resolve() not in shipped
        ]
        beside = backend.rules_beside(self.data_path)
        if self.data_path.parent.resolve() == bundled.data_dir().resolve():
            beside = []
        return PickerScreen(
            title,
            self.lang,
            [
                (t(self.lang, "picker.bundled"), bundled.bundled_rules()),
                (t(self.lang, "picker.beside"), beside),
                (t(self.lang, "picker.recent"), recent),
            ],
            backend.RULES_SUFFIXES,
            Path.cwd(),
            strict=True,
            initial=initial,
        )

    def action_choose_rules(self) -> None:
        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                self.load_rules(picked.path)

        picker = self._rules_picker(t(self.lang, "picker.rules"), self.rules_path)
        self.push_screen(picker, chosen)

    def action_compare(self) -> None:
        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                self.load_rules(picked.path, "compare")
                self.action_tab("compare")

        self.push_screen(self._rules_picker(t(self.lang, "picker.compare")), chosen)

    def action_clear_compare(self) -> None:
        self.stop_comparing()

    def action_reload(self) -> None:
        view = self.query_one(RulesView)
        if view.edited:
            view.flush()
        else:
            self.load_rules(self.rules_path)
        if self.compare_path is not None:
            self.load_rules(self.compare_path, "compare")
        if self.dataset is not None:
            self.load_data(self.data_path, self.data_kind)

    # --- tables ----------------------------------------------------------------------------

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

    def action_sort(self) -> None:
        grid = self.current_grid()
        if grid is None:
            return
        keys = grid.column_keys
        now = keys.index(grid.sort_column) if grid.sort_column in keys else -1
        grid.sort_by(keys[(now + 1) % len(keys)], reverse=False)

    def action_reverse(self) -> None:
        grid = self.current_grid()
        if grid is not None:
            grid.sort_by(grid.sort_column or grid.column_keys[0], reverse=not grid.sort_reverse)

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

    # --- the rules editor ------------------------------------------------------------------

    def action_revert(self) -> None:
        """Back to the file as it is on disk (read again: it may have changed)."""
        self.load_rules(self.rules_path)

    def overlay_target(self) -> Path:
        original = self.rules_path
        folder = original.parent
        is_bundled = folder.resolve() == bundled.rules_dir().resolve()
        if is_bundled or not _writable(folder):
            folder = Path.cwd()
        return folder / f"{original.stem}-sua.tn"

    def action_save_overlay(self) -> None:
        view = self.query_one(RulesView)
        text = view.editor.text
        if not view.edited:
            self.notify(t(self.lang, "rules.nothing_to_save"))
            return
        checked = backend.load_rules_text(text, self.rules_path)
        if checked.errors:
            refused = t(self.lang, "rules.fix_first", first=first_error(checked, self.lang))
            self.notify(refused, severity="error", markup=False)
            return
        target = self.overlay_target()
        self.push_screen(
            SaveOverlayScreen(self.lang, target, self.overlay_text(text, target)),
            lambda path: self.save_overlay(text, path) if path else None,
        )

    def overlay_text(self, text: str, target: Path) -> str:
        view = self.query_one(RulesView)
        original = parse(view.saved_text, str(self.rules_path))
        edited = parse(text, str(self.rules_path))
        name = edited.name
        if name == original.name:
            name = f"{original.name} ({t(self.lang, 'status.edited')})"
        base = extends_name(self.rules_path, target, bundled.bundled_rules())
        overlay = make_overlay(original, edited, text, base, name)
        if overlay.removed:
            names = ", ".join(overlay.removed)
            self.notify(t(self.lang, "rules.removed_blocks", names=names), severity="warning")
        return overlay.text

    def save_overlay(self, text: str, target: Path) -> None:
        """Write the overlay and make it the current rule set."""
        content = self.overlay_text(text, target)
        try:
            from tinnhiem.engine.formats.atomic import write_text

            write_text(target, content, protect=(self.rules_path, self.data_path))
        except ImportError:
            target.write_text(content, encoding="utf-8")
        except Exception as exc:  # a protected path, a folder that cannot be written
            self.notify(t(self.lang, "save.failed", error=exc), severity="error", markup=False)
            return
        self.notify(t(self.lang, "rules.saved", path=target), markup=False)
        self.load_rules(target)
        self.update_footer()

    def action_run_sweep(self) -> None:
        self.action_tab("sweep")
        self.query_one(SweepView).run()


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _textual_commands(app: TinnhiemApp, screen: Screen) -> Iterable[SystemCommand]:
    """Textual's own palette entries that we keep (the theme, the screenshot), in our words."""
    from textual.app import App

    for command in App.get_system_commands(app, screen):
        if command.title in ("Theme", "Screenshot"):
            key = f"palette.{command.title.lower()}"
            title = f"{t(app.lang, 'group.app')}: {t(app.lang, key)}"
            yield SystemCommand(title, t(app.lang, f"{key}.tip"), command.callback)
