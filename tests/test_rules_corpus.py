"""Golden files: each `tests/corpus/rules/NAME.tn` must render exactly `NAME.expected`.

The files name themselves by a path relative to the repository (`tests/corpus/rules/NAME.tn`), so
the renders are the same on every machine; bases sit in `bases/` and are found beside the file
that extends them. After a deliberate change of wording, rewrite the golden files with
`TINNHIEM_REGEN=1 python -m pytest tests/test_rules_corpus.py` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from tinnhiem.rules import Loaded, Loader, load_text
from tinnhiem.rules.parser import grammar

CORPUS = Path(__file__).parent / "corpus" / "rules"
SHOWN = "tests/corpus/rules"
CASES = sorted(p.stem for p in CORPUS.glob("*.tn"))


def corpus_loader() -> Loader:
    """Bases beside the file that extends them, read from the corpus, named by relative path."""

    def load(name: str, relative_to: str) -> tuple[str, str]:
        shown = Path(relative_to).parent / name
        inside = Path(os.path.normpath(shown)).relative_to(SHOWN)
        found = CORPUS / inside
        if not found.is_file():
            raise FileNotFoundError(name)
        return shown.as_posix(), found.read_text(encoding="utf-8")

    return load


def loaded(name: str) -> Loaded:
    text = (CORPUS / f"{name}.tn").read_text(encoding="utf-8")
    return load_text(text, f"{SHOWN}/{name}.tn", corpus_loader())


def render(name: str) -> str:
    return "\n".join(d.render() for d in loaded(name).diagnostics)


@pytest.mark.parametrize("name", CASES)
def test_corpus(name: str) -> None:
    expected_file = CORPUS / f"{name}.expected"
    got = render(name)
    if os.environ.get("TINNHIEM_REGEN"):
        expected_file.write_text(got + "\n" if got else "", encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert got == expected.removesuffix("\n")


def test_corpus_is_large_enough() -> None:
    broken = [name for name in CASES if render(name)]
    assert len(broken) >= 30, broken


TERMINALS = {terminal.name for terminal in grammar().terminals} | {"$END"}


@pytest.mark.parametrize("name", CASES)
def test_messages_never_name_a_grammar_terminal(name: str) -> None:
    """Syntax errors speak in words: no `__ANON_0`, `LSQB`, `NAME`, `$END` in a message or hint."""
    for diagnostic in loaded(name).diagnostics:
        for text in (diagnostic.message, diagnostic.hint or ""):
            words = set(re.findall(r"[$\w]+", text))
            assert not words & TERMINALS and "__" not in text, diagnostic
