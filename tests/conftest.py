"""What every test shares: a terminal width and a locale fixed for the CLI's tables,
notifications that stay until a test has read them, and the depth of the property tests."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator

import pytest
from hypothesis import settings
from textual.notifications import Notification

# `make test` runs each property with the examples its test names (a fixed set where the test
# says `derandomize`), sized so that the whole suite stays within a few minutes on two cores.
# `HYPOTHESIS_PROFILE=thorough` runs ten times as many examples of every property, drawn at
# random: the deeper run before a release, or after a change to the engine or the language.
THOROUGH_FACTOR = 10
settings.register_profile("thorough", derandomize=False)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
settings.load_profile(PROFILE)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under the thorough profile, every property test gets ten times its own examples (a
    test's own `@settings` would otherwise override any profile's `max_examples`)."""
    if PROFILE != "thorough":
        return
    done: set[int] = set()  # a parametrized test is one function for many items: raised once
    for item in items:
        test = getattr(item, "function", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is None or not hasattr(test, "hypothesis") or id(test) in done:
            continue
        done.add(id(test))
        test._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
            own, max_examples=own.max_examples * THOROUGH_FACTOR, derandomize=False
        )


@pytest.fixture(autouse=True, scope="session")
def parse_each_text_once() -> Iterator[None]:
    """Loading a rule set parses its file and every base it extends. The suite loads the same
    bundled files thousands of times (every app started, every CLI run, every example checked),
    and parsing is a pure function of the text and its path that returns frozen values: each
    distinct (text, path) is parsed once per test process. A text that does not parse raises
    every time (exceptions are not cached); tests of the parser itself call `parse` directly,
    which is not wrapped."""
    from tinnhiem.rules import resolve

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(resolve, "parse", functools.lru_cache(maxsize=512)(resolve.parse))
        yield


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


@pytest.fixture(autouse=True)
def textual_caches_forget_each_app() -> Iterator[None]:
    """Three of Textual's caches are `functools.lru_cache` on methods: each entry holds its
    `self`, and through it a widget's styles cache and every line it rendered (1,024 entries,
    shared by the whole process). In the app one process runs one app; in a test worker one app
    after another, so the widgets of tests long over stayed alive, and every collection of the
    cycle collector walked them again: measured on the TUI's bad-input and journey tests in one
    process, 45 s of 125 s of CPU in the collector, 20 s of 90 s with these caches emptied after
    each test. Emptying them changes what is drawn in no way: an entry is made again when used."""
    yield
    from textual._styles_cache import StylesCache
    from textual._xterm_parser import XTermParser
    from textual.filter import ANSIToTruecolor

    StylesCache.get_inner_outer.cache_clear()
    XTermParser._parse_extended_key.cache_clear()
    ANSIToTruecolor.truecolor_style.cache_clear()
