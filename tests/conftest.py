"""What every test shares: a terminal width and a locale fixed for the CLI's tables."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI sizes its tables to the terminal (COLUMNS when set). Tests read those tables whole,
    so the width of whatever terminal or worker runs them must not change what they read; a test
    of the width itself sets its own."""
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI speaks the locale's language (LC_ALL, LC_MESSAGES, LANG): tests read its English
    unless they set a locale or `--lang` themselves, whatever the machine that runs them."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
