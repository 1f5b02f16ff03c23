"""Pilot tests of what an office needs every day: keys that never edit text, the pickers, data
of either shape, the calendar's own files, exports that ask before overwriting."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SAMPLES, make_app, pilot_test, ready, settle
from textual.widgets import TabbedContent
from tinnhiem.tui.widgets.editor import RulesView

SIZE = (120, 36)


# --- 1. a global key never edits text ---------------------------------------------------------


@pilot_test
async def test_tab_keys_never_type_into_the_rules(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.query_one(RulesView)
        before = view.editor.text
        await pilot.press("6")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "rules"
        await pilot.press("1")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "results"
        assert view.editor.text == before and not view.edited
        assert not [n for n in app._notifications if n.severity == "error"]


@pilot_test
async def test_digits_type_once_the_user_enters_the_editor_and_escape_leaves_it(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.query_one(RulesView)
        await pilot.press("6", "tab")
        assert app.focused is view.editor
        view.editor.move_cursor((0, 0))
        await pilot.press("#", "1")
        assert view.editor.text.startswith("#1")
        assert app.query_one(TabbedContent).active == "rules"
        await pilot.press("escape", "1")
        await settle(pilot)
        assert app.query_one(TabbedContent).active == "results"
        assert view.editor.text.startswith("#1# Quy")  # nothing more typed
