"""The `tinnhiem-tui` console script: read the arguments, build the app, run it."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Sequence

from tinnhiem import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tinnhiem-tui",
        description="Lấy phiếu tín nhiệm: results, reasons, comparisons (a terminal app).",
    )
    parser.add_argument(
        "data", nargs="?", metavar="DATA", help="tallies or ballots (default: bundled sample)"
    )
    parser.add_argument("--rules", "-r", metavar="R", help="rules file or bundled name")
    parser.add_argument("--ballots", action="store_true", help="DATA holds one row per ballot")
    parser.add_argument("--compare", "-c", metavar="B", help="a second rule set to compare with")
    parser.add_argument("--lang", choices=("vi", "en"), help="interface language (default: vi)")
    parser.add_argument("--version", action="version", version=f"tinnhiem-tui {__version__}")
    return parser


def unusable(given: str, what: str, *, rules: bool = False) -> str | None:
    """Why the file `given` on the command line cannot be opened as `what`, or None."""
    from tinnhiem import bundled

    try:
        path = bundled.find_rules(given) if rules else bundled.find_data(given)
        if path.is_file():
            return None
        folder = path.is_dir()
        problem = f"{given!r} is a folder, not a {what}" if folder else f"no {what} {given!r}"
    except (OSError, ValueError) as exc:  # a name too long, a NUL
        problem = f"{what} {given!r}: {getattr(exc, 'strerror', None) or exc}"
    bundled_files = bundled.bundled_rules() if rules else bundled.bundled_data()
    problem += f" (bundled: {', '.join(p.stem for p in bundled_files)})"
    return problem


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    checks = [(args.data, "data file", False), (args.rules, "rules file", True)]
    checks.append((args.compare, "rules file to compare with", True))
    for given, what, rules in checks:
        problem = unusable(given, what, rules=rules) if given else None
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
