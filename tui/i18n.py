"""The app's words: Vietnamese by default, English on request, from the one message catalog."""

from __future__ import annotations

from tinnhiem.rules.messages import CATALOG as STRINGS
from tinnhiem.rules.messages import LANGS, Lang, say, template

__all__ = ["LANGS", "STRINGS", "Lang", "other", "t"]

# The app's words live in the one catalog of tinnhiem (`tinnhiem.rules.messages`, the app's in
# `rules/messages/app.py`), with the engine's and the command line's, English first.


def t(lang: str, key: str, /, **fields: object) -> str:
    """The text of `key` in `lang`, with its fields filled; an unknown key shows itself."""
    said = "en" if lang == "en" else "vi"
    return say(said, key, **fields) if fields else template(said, key)


def other(lang: str) -> Lang:
    return "vi" if lang == "en" else "en"
