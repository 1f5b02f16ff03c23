"""What every test shares: a terminal width fixed for the CLI's tables."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI sizes its tables to the terminal (COLUMNS when set). Tests read those tables whole,
    so the width of whatever terminal or worker runs them must not change what they read; a test
    of the width itself sets its own."""
    monkeypatch.setenv("COLUMNS", "200")
