"""Helpers of the TUI tests (imported by the other test_tui_* modules), and tests of the TUI's
pure parts: words in both languages, the config file, overlays, number formatting."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from fractions import Fraction
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tinnhiem.rules import ast, load, parse
from tinnhiem.tui import config
from tinnhiem.tui.app import TinnhiemApp
from tinnhiem.tui.i18n import STRINGS, t
from tinnhiem.tui.overlay import extends_name, make_overlay
from tinnhiem.tui.present import fraction_text, pct, severities

from tinnhiem import bundled

WORK = ("rules-current", "rules-compare", "data", "eval", "export", "sweep", "diff")
SAMPLES = bundled.data_dir()
RULES = bundled.rules_dir()


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async test with asyncio (no async plugin is installed); fixtures pass through."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def make_app(tmp_path: Path, *args: object, **kwargs: object) -> TinnhiemApp:
    """An app whose config lives in `tmp_path`, that does not poll the disk unless asked."""
    kwargs.setdefault("watch_interval", 0)
    return TinnhiemApp(*args, config_dir=tmp_path / "config", **kwargs)  # type: ignore[arg-type]


async def settle(pilot: Pilot[None], rounds: int = 3) -> None:
    """Until the workers are done and the messages they posted are handled."""
    app = pilot.app
    for _ in range(200):
        await pilot.pause()
        # only the app's own work: a file tree keeps a loader worker alive while it is shown
        ours = [w for w in app.workers if w.group in WORK]
        if ours:  # an empty list would mean "every worker"
            await app.workers.wait_for_complete(ours)
        await pilot.pause()
        if not any(w.is_running for w in app.workers if w.group in WORK):
            rounds -= 1
            if rounds <= 0:
                return
        # no sleep of our own: each `pause` already waits until the process is idle (at least
        # 20 ms), and a timer here only added 10 ms a round to every settle of every TUI test


async def ready(pilot: Pilot[None]) -> None:
    """The first results are on screen."""
    app = pilot.app
    assert isinstance(app, TinnhiemApp)
    for _ in range(300):
        await settle(pilot, 1)
        if app.evaluation is not None and (app.compare_ruleset is None or app.comparison):
            break
    await settle(pilot)


# --- the words -------------------------------------------------------------------------------


def test_every_string_has_both_languages() -> None:
    for key, (vi, en) in STRINGS.items():
        assert vi and en, key
        assert sorted(_fields(vi)) == sorted(_fields(en)), key


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_unknown_key_shows_itself() -> None:
    assert t("vi", "no.such.key") == "no.such.key"
    assert t("en", "status.people", n=3) == "3 people"


# --- numbers ---------------------------------------------------------------------------------


def test_percentages_have_a_decimal_comma() -> None:
    assert pct(Fraction(2, 3)) == "66,67%"
    assert pct(Fraction(333, 500)) == "66,60%"
    assert pct(Fraction(1)) == "100,00%"


def test_fraction_text_shows_the_reduced_form_when_it_differs() -> None:
    assert fraction_text(28, 42) == "28/42 = 2/3"
    assert fraction_text(3, 31) == "3/31"
    assert fraction_text(3, None) == "3/—"


def test_severity_reads_the_direction_of_the_rules() -> None:
    ruleset = load(RULES / "qd262-2014.tn", bundled.loader()).ok()
    marks = severities(ruleset)
    # consequence: the first rule (most "thấp") is the worst; band: the `else` is the worst
    assert marks["consequence", "step_down"] == 2
    assert marks["consequence", "none"] == 0
    assert marks["band", "high"] == 0
    assert marks["band", "low"] == 2


# --- config ----------------------------------------------------------------------------------


def test_config_round_trip(tmp_path: Path) -> None:
    saved = config.Config(lang="en", keymap={"tinnhiem.export": "f6"}).with_recent("data", "a.csv")
    config.save(tmp_path, saved)
    again = config.load(tmp_path)
    assert again.lang == "en"
    assert again.recent_data == (str(Path("a.csv").resolve()),)
    assert again.keymap == {"tinnhiem.export": "f6"}


def test_config_dir_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TINNHIEM_CONFIG_DIR", str(tmp_path / "x"))
    assert config.config_dir() == tmp_path / "x"
    monkeypatch.delenv("TINNHIEM_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config.config_dir() == tmp_path / "xdg" / "tinnhiem"


def test_a_broken_config_gives_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("lang = [", encoding="utf-8")
    assert config.load(tmp_path) == config.Config()


# --- overlays --------------------------------------------------------------------------------


def test_overlay_restates_only_the_changed_block(tmp_path: Path) -> None:
    path = RULES / "qd262-2014.tn"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("share(thap) > 1/2", "share(thap) > 55%")
    overlay = make_overlay(
        parse(text, str(path)), parse(edited, str(path)), edited, "qd262-2014.tn", "Thử"
    )
    assert overlay.changed == ("classify:consequence",)
    assert overlay.text.startswith('ruleset "Thử" extends "qd262-2014.tn"\n')
    assert "share(thap) > 55%" in overlay.text
    assert "classify band" not in overlay.text
    target = tmp_path / "thu.tn"
    target.write_text(overlay.text, encoding="utf-8")
    resolved = load(target, bundled.loader()).ok()
    assert (
        resolved.block("consequence")
        == parse(edited, "x").of_type(type(resolved.block("consequence")))[0]
    )  # type: ignore[arg-type]


def test_extends_names_a_bundled_base_bare_and_others_relatively(tmp_path: Path) -> None:
    bundled_file = RULES / "qd262-2014.tn"
    assert extends_name(bundled_file, tmp_path / "x.tn", bundled.bundled_rules()) == "qd262-2014.tn"
    (tmp_path / "a").mkdir()
    assert extends_name(tmp_path / "base.tn", tmp_path / "a" / "x.tn") == "../base.tn"


# --- the console script ----------------------------------------------------------------------


def test_main_refuses_missing_files_before_starting(capsys: pytest.CaptureFixture[str]) -> None:
    from tinnhiem.tui.main import main

    assert main(["khong-co.csv"]) == 2
    assert "khong-co.csv" in capsys.readouterr().err
    assert main(["--rules", "khong-co-quy-tac"]) == 2
    assert "qd262-2014" in capsys.readouterr().err  # it lists the bundled rule sets


def test_main_builds_the_app_from_its_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tinnhiem.tui import main as script

    monkeypatch.setenv("TINNHIEM_CONFIG_DIR", str(tmp_path))
    built: dict[str, object] = {}

    def run(self: TinnhiemApp) -> None:
        built.update(
            rules=self.rules_path, data=self.data_path, lang=self.lang, kind=self.data_kind
        )

    monkeypatch.setattr(TinnhiemApp, "run", run)
    data = str(SAMPLES / "phieu-bau.csv")
    assert script.main([data, "--rules", "qd96-2023", "--lang", "en", "--ballots"]) == 0
    assert built == {
        "rules": RULES / "qd96-2023.tn",
        "data": SAMPLES / "phieu-bau.csv",
        "lang": "en",
        "kind": "ballots",
    }


def test_a_config_nested_too_deeply_is_ignored_not_a_crash(tmp_path: Path) -> None:
    """tomllib recurses into nested arrays: past Python's limit it raises RecursionError."""
    (tmp_path / "config.toml").write_text("lang = " + "[" * 5000 + "]" * 5000 + "\n")
    loaded = config.load(tmp_path)
    assert [m.said("en") for m in loaded.ignored] == [
        "arrays nested too deeply to read; using the defaults"
    ]
    assert [m.said("vi") for m in loaded.ignored] == [
        "mảng lồng nhau quá sâu, không đọc được; dùng giá trị mặc định"
    ]
    assert loaded == config.Config()  # the defaults


def test_the_tui_says_its_version_and_runs_as_a_module() -> None:
    import subprocess
    import sys

    from tinnhiem import __version__

    for command in (["-m", "tinnhiem.tui", "--version"], ["-m", "tinnhiem.tui.main", "--version"]):
        done = subprocess.run(
            [sys.executable, *command], capture_output=True, text=True, check=False
        )
        assert (done.returncode, done.stdout) == (0, f"tinnhiem-tui {__version__}\n")


def test_overlay_drops_the_blocks_the_edit_deleted(tmp_path: Path) -> None:
    path = RULES / "qd96-2023.tn"
    text = path.read_text(encoding="utf-8")
    original = parse(text, str(path))
    band = next(c for c in original.of_type(ast.Classify) if c.id == "band")
    lines = text.splitlines(keepends=True)
    edited = "".join(lines[: band.span.line - 1] + lines[band.span.end_line :])
    edited = edited.replace('report "Phụ lục" by group { count band; count consequence }\n', "")
    edited = "".join(
        line for line in edited.splitlines(keepends=True) if not line.startswith("  expect band")
    )
    overlay = make_overlay(original, parse(edited, str(path)), edited, "qd96-2023.tn", "Thử")
    assert overlay.removed == ()
    assert 'drop classify band\ndrop report "Phụ lục"\n' in overlay.text
    target = tmp_path / "thu.tn"
    target.write_text(overlay.text, encoding="utf-8")
    resolved = load(target, bundled.loader()).ok()
    assert [c.id for c in resolved.classifies] == ["consequence"]
    assert resolved.reports == ()
