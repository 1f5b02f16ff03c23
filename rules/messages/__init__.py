"""Every word tinnhiem says to a person, in English and Vietnamese: one catalog for the engine,
the command line and the terminal UI.

A message is a key and its fields. The tables are split by area (`engine`, `data`, `rules`,
`checks`, `cli`, `app`, `library`, `usage`, `show`) only to keep each file short; a key is in one
table only, and every key has both languages with the same `{fields}` (a test checks both).
English is the default of the command line, its JSON and the traces; the terminal UI and a
Vietnamese locale say Vietnamese. Names of the rules language (`share(thap)`, `present`) and of
data columns stay as they are written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .app import APP
from .checks import CHECKS
from .cli import CLI
from .data import DATA
from .engine import ENGINE
from .library import LIBRARY
from .rules import RULES
from .show import SHOW
from .usage import USAGE

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")


def _merged(*tables: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:  # one key, one wording: a key said twice would say one of them silently
            raise ValueError(f"message keys in two tables: {sorted(twice)}")
        merged.update(table)
    return merged


# key -> (English, Vietnamese)
CATALOG: Mapping[str, tuple[str, str]] = _merged(
    ENGINE, DATA, RULES, CHECKS, CLI, APP, LIBRARY, USAGE, SHOW
)

Said = tuple[str, Mapping[str, object]]  # a key of the catalog and its fields, said when needed


@dataclass(frozen=True, slots=True)
class Message:
    """A message not yet said: its key and fields, said in the language of whoever reads it.
    `str()` is the English text (the JSON and the logs)."""

    key: str
    fields: Mapping[str, object] = field(default_factory=dict)

    def said(self, lang: str) -> str:
        return say(lang, self.key, **self.fields)

    def __str__(self) -> str:
        return self.said("en")


@dataclass(frozen=True, slots=True)
class Joined:
    """Parts said one after the other: joined by `separator`, or by the word of `word` ("or":
    "a or b", "a hoặc b"), each part said in the language of the message it is a field of."""

    parts: Sequence[object]
    word: str | None = None
    separator: str = ", "
    serial: bool = False  # "a, b or c": commas, and the word before the last part only

    def said(self, lang: str) -> str:
        parts = [str(_filled(lang, part)) for part in self.parts]
        between = f" {say(lang, self.word)} " if self.word else self.separator
        if self.serial and len(parts) > 2:
            return self.separator.join(parts[:-1]) + between + parts[-1]
        return between.join(parts)

    def __str__(self) -> str:
        return self.said("en")


@dataclass(frozen=True, slots=True)
class Foreign:
    """A text Python or a library gave that the catalog does not know: the original text in
    English, and in another language the message of `instead` (which says the same place, so
    nothing is lost but the library's own words)."""

    text: str
    instead: Message

    def said(self, lang: str) -> str:
        return self.text if lang == "en" else self.instead.said(lang)

    def __str__(self) -> str:
        return self.text


def message(key: str, /, **fields: object) -> Message:
    """A message of `key` with its fields: message("data.no_column", name="cao")."""
    # a typo in a key fails where it is made, not when it is shown; a key said in two forms
    # (`key.one`, `key.other`) is made by its stem and takes its form from the field `n`
    if key not in CATALOG and f"{key}.other" not in CATALOG:
        raise KeyError(key)
    return Message(key, fields)


def template(lang: str, key: str, n: object = None) -> str:
    """The text of `key` in `lang` with its fields unfilled; an unknown key is itself. A key said
    in two forms (`key.one`, `key.other`) picks its form by the count `n`."""
    pair = CATALOG.get(key)
    if pair is None and f"{key}.other" in CATALOG:
        pair = CATALOG[f"{key}.one" if n == 1 else f"{key}.other"]
    if pair is None:
        return key
    return pair[1] if lang == "vi" else pair[0]


def say(lang: str, key: str, /, **fields: object) -> str:
    """The words of `key` in `lang`, fields filled: say("vi", "no_attr", name="appointed").
    A field that is itself a message (a `Message`, a `Said` pair) is said in the same language."""
    filled = {name: _filled(lang, value) for name, value in fields.items()}
    return template(lang, key, fields.get("n")).format(**filled)


def plural(lang: str, key: str, n: int, /, **fields: object) -> str:
    """The words of `key.one` when `n` is 1, else of `key.other`, with `n` among the fields:
    English says "1 file", "2 files"; Vietnamese has one form."""
    return say(lang, f"{key}.one" if n == 1 else f"{key}.other", n=n, **fields)


def _filled(lang: str, value: object) -> object:
    if isinstance(value, Message | Joined | Foreign):
        return value.said(lang)
    if isinstance(value, tuple) and len(value) == 2:
        key, fields = value
        if isinstance(key, str) and key in CATALOG and isinstance(fields, Mapping):
            return say(lang, key, **fields)
    return value


def language(environ: Mapping[str, str]) -> Lang:
    """The language of a locale, as POSIX looks it up: the first of LC_ALL, LC_MESSAGES, LANG
    that is set and not empty; Vietnamese for `vi` (`vi_VN.UTF-8`, `vi`), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "vi" if value.split("_")[0].split(".")[0].lower() == "vi" else "en"
    return "en"
