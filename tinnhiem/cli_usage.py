"""argparse in the reader's language: its usage errors ("the following arguments are required")
and the titles of --help ("usage:", "options") said from the catalog under Vietnamese.

argparse says these through `gettext` (its module names `_` and `ngettext`): while a parser is
built, parses or prints its help, those two names say the catalog's Vietnamese for argparse's
English; a text the catalog does not know is said as argparse wrote it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from tinnhiem.rules.messages import CATALOG, Lang, language

# argparse's English (its message id) -> the Vietnamese of the catalog
_VIETNAMESE = {en: vi for key, (en, vi) in CATALOG.items() if key.startswith("argparse.")}


def chosen_language(argv: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """`--lang vi|en` (`--lang=vi`) where it is written, else the locale's language."""
    for at, word in enumerate(argv):
        if word == "--":
            break
        value = argv[at + 1] if word == "--lang" and at + 1 < len(argv) else None
        if word.startswith("--lang="):
            value = word.removeprefix("--lang=")
        if value in ("en", "vi"):
            return "vi" if value == "vi" else "en"
    return language(environ)


def _gettext(text: str) -> str:
    return _VIETNAMESE.get(text, text)


def _ngettext(one: str, other: str, n: int) -> str:
    return _gettext(one if n == 1 else other)


@contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse's own words in `lang` for the time of the `with`."""
    if lang != "vi":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
