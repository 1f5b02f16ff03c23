"""The rules editor: saving an edit as an overlay, reverting, going to a rule's line."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import TabbedContent
from tinnhiem.rules import parse

from tinnhiem import bundled

from . import backend
from .i18n import t
from .overlay import extends_name, make_overlay
from .screens.export import SaveOverlayScreen
from .screens.goto import GotoLineScreen
from .state import first_error
from .view_actions import ViewActions
from .widgets.editor import RulesView
from .widgets.grid import Grid


class RulesActions(ViewActions):
    """ctrl+s, F4, F3, g, ctrl+l, and the why panel's references to lines."""

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
        self.goto_source(verdict.rule_line, verdict.file)

    def action_goto_source(self, line: int, file: str) -> None:
        """A "(dòng N, tệp)" of the why panel, clicked."""
        self.goto_source(line, file)

    def goto_source(self, line: int, file: str) -> None:
        """To `line` of the rules editor, when `file` is the one open in it; else say where."""
        here = self.query_one(RulesView).path
        if here is None or Path(file).resolve() != here.resolve():
            name = bundled.shown_text(Path(file).name)
            said = t(self.lang, "goto.base", line=line, name=name)
            self.notify(said, severity="warning", markup=False)
            return
        self.goto_line(line)

    def goto_line(self, line: int) -> None:
        """The rules tab, its editor focused, the cursor at the start of `line` (from 1)."""
        view = self.query_one(RulesView)
        self.set_focus(None)  # else the tabs follow the focus back to the tab left
        self.query_one(TabbedContent).active = "rules"

        def go() -> None:
            view.editor.move_cursor((line - 1, 0), center=True)
            view.editor.focus()
            self.update_footer()

        self.call_after_refresh(go)

    def action_plain(self) -> None:
        """F3: the rules in plain words beside the editor, or not; from another tab, to
        the rules tab with them shown."""
        view = self.query_one(RulesView)
        if self.query_one(TabbedContent).active != "rules":
            view.toggle_plain(True)
            self.action_tab("rules")
        else:
            view.toggle_plain()

    def action_goto_line(self) -> None:
        """Ctrl+L: ask for a line of the rules being edited, then go there."""
        view = self.query_one(RulesView)
        editor = view.editor
        name = view.path.name if view.path else ""
        now = editor.cursor_location[0] + 1
        screen = GotoLineScreen(self.lang, name, editor.document.line_count, now)
        self.push_screen(screen, lambda line: self.goto_line(line) if line else None)

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


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)
