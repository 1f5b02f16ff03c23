"""What every test shares: a terminal width and a locale fixed for the CLI's tables, and
notifications that stay until a test has read them."""

from __future__ import annotations

import pytest
from textual.notifications import Notification


@pytest.fixture(autouse=True)
def fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI sizes its tables to the terminal (COLUMNS when set). Tests read those tables whole,
    so the width of whatever terminal or worker runs them must not change what they read; a test
    of the width itself sets its own."""
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture(autouse=True)
def lasting_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """A notification leaves `app._notifications` when its timeout (5 to 10 s) has passed on the
    wall clock. On a loaded machine a Pilot test can take longer than that between the notice and
    the assertion that reads it, and then fails for no fault of the app. Under test a notification
    never expires by time; what the app clears itself is still cleared."""
    monkeypatch.setattr(Notification, "time_left", property(lambda self: float(10**6)))
    monkeypatch.setattr(Notification, "has_expired", property(lambda self: False))


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI speaks the locale's language (LC_ALL, LC_MESSAGES, LANG): tests read its English
    unless they set a locale or `--lang` themselves, whatever the machine that runs them."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
