"""The `tinnhiem` command line: a thin composition of the rules language and the engine.

Exit status: 0 success, 1 findings (check errors, failing examples, `fmt --check` differences),
2 bad usage or bad input. Bad input never ends in a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from tinnhiem import __version__
from tinnhiem.rules.messages import language, say

from .cli_help import epilog, main_epilog
from .cli_usage import argparse_words, chosen_language
from .errors import UsageError
from .help_format import RawDescriptionHelpFormatter
from .terminal import CHOICES, WARNINGS_SHOWN

FORMATS = ("table", "csv", "json", "jsonl", "toml", "md", "xlsx", "docx", "html")
TABLE_FORMATS = ("table", "json", "csv", "md")  # the commands whose output is one or two tables

Command = Callable[[argparse.Namespace], int]


def _command(module: str, name: str) -> Command:
    """A command of `tinnhiem.<module>`, imported when it runs: one command's imports only."""

    def command(args: argparse.Namespace) -> int:
        found: Command = getattr(importlib.import_module(f"tinnhiem.{module}"), name)
        return found(args)

    command.__name__ = name
    return command


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser, its help in `lang` (argparse's own words too, while it is built)."""
    with argparse_words(lang):
        return _build(lang)


def _build(lang: str) -> argparse.ArgumentParser:
    def h(key: str, **fields: object) -> str:
        return say(lang, key, **fields)

    parser = argparse.ArgumentParser(
        prog="tinnhiem",
        description=h("help.description"),
        epilog=main_epilog(lang),
        formatter_class=RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"tinnhiem {__version__}", help=h("help.version")
    )
    _global_args(parser, argparse.SUPPRESS, h)
    parser.set_defaults(color="auto", all_warnings=False, lang=None)
    common = argparse.ArgumentParser(add_help=False)
    # given after the command too (`tinnhiem run --color never`); SUPPRESS keeps the main
    # parser's value when it is not
    _global_args(common, argparse.SUPPRESS, h)
    sub = _Commands(parser.add_subparsers(dest="command", metavar="COMMAND"), common, lang)

    p = sub.add_parser("check", help=h("help.check"))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_command("cli_rules", "check"))

    p = sub.add_parser("fmt", help=h("help.fmt"))
    p.add_argument("files", nargs="+", metavar="FILE")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help=h("help.fmt_check"))
    mode.add_argument("--write", action="store_true", help=h("help.fmt_write"))
    p.set_defaults(func=_command("cli_rules", "fmt"))

    p = sub.add_parser("test", help=h("help.test"))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--coverage", action="store_true", help=h("help.coverage"))
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p.set_defaults(func=_command("cli_rules", "test"))

    p = sub.add_parser("show", help=h("help.show"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("text", "toml", "json"), default="text")
    p.set_defaults(func=_command("cli_rules", "show"))

    p = sub.add_parser(
        "samples",
        help=h("help.samples"),
        description=h("help.samples_description"),
    )
    p.add_argument("dir", nargs="?", default="tinnhiem-samples", metavar="DIR")
    p.set_defaults(func=_command("cli_data", "samples"))

    p = sub.add_parser("run", help=h("help.run"))
    _data_args(p, h)
    p.add_argument("--rules", "-r", metavar="R", help=h("help.rules"))
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    p.add_argument("--output", "-o", metavar="FILE", help=h("help.output"))
    p.add_argument("--pretty", action="store_true", help=h("help.pretty"))
    p.set_defaults(func=_command("cli_data", "run"))

    p = sub.add_parser("compare", help=h("help.compare"))
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    _data_args(p, h)
    p.add_argument("--format", "-f", choices=TABLE_FORMATS, default="table")
    p.add_argument("--output", "-o", metavar="FILE", help=h("help.output"))
    p.set_defaults(func=_command("cli_data", "compare"))

    p = sub.add_parser("diff", help=h("help.diff"))
    p.add_argument("a", metavar="A", help=h("help.rules"))
    p.add_argument("b", metavar="B", help=h("help.rules"))
    p.add_argument("--pair", action="append", metavar="A_BLOCK=B_BLOCK", help=h("help.pair"))
    p.add_argument("--block", metavar="ID", help=h("help.block"))
    p.add_argument("--format", "-f", choices=("table", "json", "md"), default="table")
    p.add_argument("--output", "-o", metavar="FILE")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S", help=h("help.timeout"))
    p.add_argument("--bound", type=int, default=6, metavar="N", help=h("help.bound"))
    p.set_defaults(func=_command("cli_diff", "run"))

    p = sub.add_parser("schedule", help=h("help.schedule"))
    p.add_argument("rules", metavar="R")
    p.add_argument("--term", required=True, metavar="YYYY-YYYY", help=h("help.term"))
    p.add_argument("--data", "-d", metavar="D", help=h("help.time_in_post"))
    p.add_argument(
        "--format", "-f", choices=TABLE_FORMATS, default="table", help=h("help.schedule_format")
    )
    p.add_argument("--output", "-o", metavar="FILE", help=h("help.output"))
    p.set_defaults(func=_command("cli_data", "schedule"))

    p = sub.add_parser("sweep", help=h("help.sweep"))
    p.add_argument("rules", metavar="R")
    _data_args(p, h)
    p.add_argument("--rule", required=True, metavar="BLOCK.RULE", help=h("help.rule"))
    p.add_argument("--from", dest="start", required=True, metavar="X", help=h("help.from"))
    p.add_argument("--to", dest="stop", required=True, metavar="Y")
    p.add_argument("--step", default="1%", metavar="S", help=h("help.step"))
    p.add_argument(
        "--threshold",
        type=int,
        metavar="N",
        help=h("help.threshold"),
    )
    p.add_argument("--format", "-f", choices=TABLE_FORMATS, default="table")
    p.add_argument("--output", "-o", metavar="FILE", help=h("help.output"))
    p.set_defaults(func=_command("cli_data", "sweep"))
    return parser


class _Commands:
    """The subcommands, each with the global options, and its examples and exit statuses at
    the end of its --help."""

    def __init__(self, sub: Any, common: argparse.ArgumentParser, lang: str) -> None:
        self.sub, self.common, self.lang = sub, common, lang

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = self.sub.add_parser(
            name,
            parents=[self.common],
            epilog=epilog(name, self.lang),
            formatter_class=RawDescriptionHelpFormatter,
            **kwargs,
        )
        return parser


def _global_args(p: argparse.ArgumentParser, default: Any, h: Callable[..., str]) -> None:
    p.add_argument(
        "--color",
        choices=CHOICES,
        default=default,
        help=h("help.color"),
    )
    p.add_argument(
        "--all-warnings",
        action="store_true",
        default=default,
        help=h("help.all_warnings", n=WARNINGS_SHOWN),
    )
    p.add_argument(
        "--lang",
        choices=("en", "vi"),
        default=default,
        help=h("help.lang"),
    )


def _data_args(p: argparse.ArgumentParser, h: Callable[..., str]) -> None:
    p.add_argument("--data", "-d", metavar="D", help=h("help.data"))
    p.add_argument("--ballots", action="store_true", help=h("help.ballots"))


def _utf8() -> None:
    """UTF-8 out whatever the locale or code page: Vietnamese names in a cp1252 console or a
    file redirected on Windows would otherwise end in a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Ctrl+C: the user's choice, not an error to explain; 130 as shells report it
        print(file=sys.stderr)
        return 130
    finally:  # one run's settings end with it (a program may call main more than once)
        from . import terminal

        terminal.configure()


def _main(argv: Sequence[str] | None = None) -> int:
    # the language of usage errors and --help: --lang if given, else the locale's
    said_in = chosen_language(sys.argv[1:] if argv is None else argv, os.environ)
    parser = _parser(said_in)
    with argparse_words(said_in):
        args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        with argparse_words(said_in):
            parser.print_help(sys.stderr)
        return 2
    from tinnhiem.engine.model import DataError
    from tinnhiem.rules import RuleError

    from . import terminal

    # colour is for the terminal: what goes to a file (-o) never has it
    choice: terminal.Choice = "never" if getattr(args, "output", None) else args.color
    lang = args.lang or language(os.environ)
    # what a program reads (JSON, JSONL, TOML) is said in English unless --lang asks otherwise
    if getattr(args, "format", None) in ("json", "jsonl", "toml"):
        lang = args.lang or "en"
    args.lang = lang
    terminal.configure(choice, all_warnings=args.all_warnings, lang=lang)
    try:
        try:
            return int(args.func(args))
        finally:  # the count of warnings not shown, before any error that ends the run
            terminal.summary()
    except RuleError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.render(lang), file=sys.stderr)
        return 2
    except DataError as exc:
        for issue in exc.issues:
            print(issue.render(lang), file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"tinnhiem: {exc.said(lang)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        from tinnhiem.engine.formats.library import os_text

        said = say(lang, "cli.cannot_use", where=where, error=os_text(exc))
        print(said, file=sys.stderr)
        return 2
