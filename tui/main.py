"""The `tinnhiem-tui` console script: read the arguments, build the app, run it."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Sequence

from tinnhiem import __version__
from tinnhiem.help_format import HelpFormatter


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    """The arguments, their help in `lang` (the interface's, known before parsing)."""
    from tinnhiem.rules.messages import say

    def said(key: str) -> str:
        return say(lang, f"start.help.{key}")

    parser = argparse.ArgumentParser(
        prog="tinnhiem-tui", description=said("description"), formatter_class=HelpFormatter
    )
    parser.add_argument("data", nargs="?", metavar="DATA", help=said("data"))
    parser.add_argument("--rules", "-r", metavar="R", help=said("rules"))
    parser.add_argument("--ballots", action="store_true", help=said("ballots"))
    parser.add_argument("--compare", "-c", metavar="B", help=said("compare"))
    parser.add_argument("--lang", choices=("vi", "en"), help=said("lang"))
    parser.add_argument("--version", action="version", version=f"tinnhiem-tui {__version__}")
    return parser


def _asked_lang(argv: Sequence[str]) -> str | None:
    """The `--lang` of the command line, read before parsing it (for the help's own words)."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def unusable(given: str, what: str, *, rules: bool = False, lang: str = "en") -> str | None:
    """Why the file `given` on the command line cannot be opened as `what` (a key of the
    catalog: `start.what.data`), or None; said in `lang`."""
    from tinnhiem.rules.messages import say

    from tinnhiem import bundled

    named = {"what": say(lang, what), "given": repr(given)}
    try:
        path = bundled.find_rules(given) if rules else bundled.find_data(given)
        if path.is_file():
            return None
        problem = say(lang, "start.folder" if path.is_dir() else "start.no_file", **named)
    except (OSError, ValueError) as exc:  # a name too long, a NUL
        error = getattr(exc, "strerror", None) or exc
        problem = say(lang, "start.unusable", **named, error=error)
    bundled_files = bundled.bundled_rules() if rules else bundled.bundled_data()
    names = ", ".join(p.stem for p in bundled_files)
    return say(lang, "start.bundled", problem=problem, names=names)


def _lang(given: str | None) -> str:
    """The interface's language before the app runs: `--lang`, else the one saved, else vi."""
    if given:
        return given
    from . import config

    try:
        return config.load(config.config_dir()).lang
    except OSError:
        return "vi"


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    asked = _asked_lang(given)
    args = _parser(_lang(asked if asked in ("vi", "en") else None)).parse_args(given)
    lang = _lang(args.lang)
    checks = [(args.data, "start.what.data", False), (args.rules, "start.what.rules", True)]
    checks.append((args.compare, "start.what.compare", True))
    for given, what, rules in checks:
        problem = unusable(given, what, rules=rules, lang=lang) if given else None
        if problem:
            print(f"tinnhiem-tui: {problem}", file=sys.stderr)
            return 2
    from tinnhiem import bundled

    from .app import TinnhiemApp  # imported late: `--help` need not load Textual

    app = TinnhiemApp(
        args.rules,
        str(bundled.find_data(args.data)) if args.data else None,
        lang=args.lang,
        data_kind="ballots" if args.ballots else "tallies",
        compare=args.compare,
    )
    app.run()
    code = app.return_code or 0
    if any(t.is_alive() and not t.daemon for t in threading.enumerate()[1:]):
        # a reader still busy with a file (ctrl+q during a load): quitting does not wait for it;
        # every write is atomic, so nothing is left half written
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
