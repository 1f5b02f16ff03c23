"""The `tinnhiem-tui` console script: read the arguments, build the app, run it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.data and not Path(args.data).is_file():
        print(f"tinnhiem-tui: no data file {args.data!r}", file=sys.stderr)
        return 2
    from tinnhiem import bundled

    if args.rules and not bundled.find_rules(args.rules).is_file():
        known = ", ".join(p.stem for p in bundled.bundled_rules())
        print(f"tinnhiem-tui: no rules file {args.rules!r} (bundled: {known})", file=sys.stderr)
        return 2
    from .app import TinnhiemApp  # imported late: `--help` need not load Textual

    app = TinnhiemApp(
        args.rules,
        args.data,
        lang=args.lang,
        data_kind="ballots" if args.ballots else "tallies",
        compare=args.compare,
    )
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
