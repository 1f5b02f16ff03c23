"""What the command line writes to the terminal besides its results: colour (`--color`,
NO_COLOR, FORCE_COLOR) and how many warnings reach stderr (`--all-warnings`).

One setting per run of `main`, kept here rather than passed through every renderer: the
renderers are shared by commands that know nothing of terminals.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the words are imported when a summary is said: `tinnhiem --help` stays quick
    from tinnhiem.engine.words import Lang

Choice = Literal["auto", "always", "never"]
CHOICES: tuple[Choice, ...] = ("auto", "always", "never")
WARNINGS_SHOWN = 10  # more than this on stderr and the rest are counted, not printed


@dataclass
class Settings:
    colour: Choice = "auto"
    all_warnings: bool = False
    lang: Lang = "en"  # the language of the run's messages: `--lang`, else the locale's
    shown: int = 0
    hidden: int = 0


_settings = Settings()


def configure(colour: Choice = "auto", *, all_warnings: bool = False, lang: Lang = "en") -> None:
    """Start a run: the colour choice, whether every warning is printed, and their counts reset."""
    global _settings
    _settings = Settings(colour, all_warnings, lang)


def lang() -> Lang:
    """The language of this run's messages and tables (`--lang`, else the locale's)."""
    return _settings.lang


def colour() -> bool:
    """Whether stdout gets colour: `always` and `never` as said; `auto` (https://no-color.org):
    none when NO_COLOR is set and not empty, colour when FORCE_COLOR is, else only on a terminal."""
    if _settings.colour != "auto":
        return _settings.colour == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty is not None and isatty())


def warn(line: str) -> None:
    """A warning on stderr: the first `WARNINGS_SHOWN` printed, the others counted for
    `summary` (all printed with `--all-warnings`)."""
    if _settings.all_warnings or _settings.shown < WARNINGS_SHOWN:
        _settings.shown += 1
        print(line, file=sys.stderr)
    else:
        _settings.hidden += 1


def summary() -> None:
    """The line that says how many warnings were not printed, if any were not."""
    from tinnhiem.engine.words import plural

    hidden = _settings.hidden
    if hidden:
        _settings.hidden = 0
        print(plural(_settings.lang, "more_warnings", hidden), file=sys.stderr)
