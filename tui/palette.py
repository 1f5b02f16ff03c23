"""The command palette's provider: the app's commands, found with or without diacritics.

"xuat" finds "Bảng: xuất bảng đang xem…": people often type Vietnamese without its marks.
"""

from __future__ import annotations

from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider

from .table import text_key


class Palette(SystemCommandsProvider):
    """Every command of the app (`get_system_commands`), matched with and without diacritics."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        bare_matcher = self.matcher(text_key(query)[0])
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            score = matcher.match(name)
            shown = matcher.highlight(name) if score > 0 else name
            if score <= 0:
                score = bare_matcher.match(text_key(name)[0]) * 0.9
            if score > 0:
                yield Hit(score, shown, callback, help=help_text)
