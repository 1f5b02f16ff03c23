"""`tinnhiem show` in both languages from one structure: the bundled QĐ 96 pinned word for word
(golden files in `corpus/show/`), the command line following `--lang` and the locale, the TUI's
F3 view following the interface language, its title saying what it shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_tui_support import make_app, pilot_test, ready, settle
from textual.widgets import Label
from tinnhiem.rules import load
from tinnhiem.rules.describe import describe
from tinnhiem.tui.widgets.editor import RulesView

from tinnhiem import bundled

GOLDEN = Path(__file__).parent / "corpus" / "show"


def golden(lang: str) -> str:
    return (GOLDEN / f"qd96-2023.{lang}.txt").read_text(encoding="utf-8")


def qd96() -> object:
    return load(bundled.find_rules("qd96-2023"), bundled.loader()).ok()


def test_the_golden_files_say_the_same_rules_line_for_line() -> None:
    vi, en = golden("vi").splitlines(), golden("en").splitlines()
    assert len(vi) == len(en) == 28
    assert vi[7] == "Tỷ lệ tính trên tổng số phiếu thu về."
    assert en[7] == "Shares are of the ballots collected."
    assert vi[17] == (
        "- Người có quá nửa số phiếu tín nhiệm thấp: Đưa ra khỏi quy hoạch; xem xét thôi giữ "
        "chức vụ (Điều 11.2)."
    )
    assert en[17] == (
        "- With more than half of the votes for tín nhiệm thấp: Đưa ra khỏi quy hoạch; xem xét "
        "thôi giữ chức vụ (Điều 11.2)."
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_describe_gives_the_golden_words(lang: str) -> None:
    assert describe(qd96(), lang) + "\n" == golden(lang)  # type: ignore[arg-type]


def _show(*argv: str, **environ: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "tinnhiem", "show", "qd96-2023", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**clean, "NO_COLOR": "1", **environ},
    )


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        ((), {"LANG": "vi_VN.UTF-8"}, "vi"),
        ((), {"LANG": "en_US.UTF-8"}, "en"),
        (("--lang", "en"), {"LANG": "vi_VN.UTF-8"}, "en"),
        (("--lang", "vi"), {"LANG": "C"}, "vi"),
    ],
)
def test_the_command_line_follows_lang_and_the_locale(
    argv: tuple[str, ...], environ: dict[str, str], lang: str
) -> None:
    done = _show(*argv, **environ)
    assert (done.returncode, done.stderr, done.stdout) == (0, "", golden(lang))


@pytest.mark.parametrize(
    ("lang", "title", "line"),
    [
        ("vi", "Diễn giải bằng lời", "Tỷ lệ tính trên tổng số phiếu thu về."),
        ("en", "In plain words", "Shares are of the ballots collected."),
    ],
)
@pilot_test
async def test_f3_follows_the_interface_language(
    tmp_path: Path, lang: str, title: str, line: str
) -> None:
    app = make_app(tmp_path, "qd96-2023", lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await settle(pilot)
        view = app.query_one(RulesView)
        assert str(view.query_one("#plain-title", Label).render()) == title
        assert view.plain + "\n" == golden(lang)
        assert line in view.plain.splitlines()


@pilot_test
async def test_f3_changes_language_with_the_interface(tmp_path: Path) -> None:
    app = make_app(tmp_path, "qd96-2023")
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await settle(pilot)
        view = app.query_one(RulesView)
        assert view.plain + "\n" == golden("vi")
        app.action_language()
        await settle(pilot)
        assert app.lang == "en"
        assert view.plain + "\n" == golden("en")
        assert str(view.query_one("#plain-title", Label).render()) == "In plain words"
