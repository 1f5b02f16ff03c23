"""`tinnhiem check | fmt | test | show`: the commands about rule files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tinnhiem import bundled
from tinnhiem.engine.formats.document import SCHEMA_VERSION
from tinnhiem.rules import Diagnostic, Loaded, Loader, load_text, parse
from tinnhiem.rules.errors import printable
from tinnhiem.rules.messages import Message, message, plural, say
from tinnhiem.rules.resolve import MAX_RULES_BYTES, NotRulesFile, TooBig, read_rules_file

from .errors import UsageError

# Each command imports what only it needs: `tinnhiem run` loads rules through this module and
# should not pay for the formatter, the describer or the examples.

DATA_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".json", ".toml")


def load_rules(name: str | Path) -> Loaded:
    """Load a rules file by path or bundled name; a file that cannot be read is a usage error."""
    path = bundled.find_rules(name)
    if path.is_dir():
        raise UsageError(message("usage.rules_folder", path=repr(str(name))))
    if path.exists() and not path.is_file():  # reading a pipe with no writer would wait for ever
        raise UsageError(message("usage.not_regular", path=repr(str(name))))
    if not path.is_file():
        known = ", ".join(p.stem for p in bundled.bundled_rules())
        raise UsageError(message("usage.no_rules", path=repr(str(name)), names=known))
    return load_text(read_rules(path), bundled.shown_name(path), _text_loader(bundled.loader()))


def read_rules(path: Path) -> str:
    """The text of a rules file; a folder, a data file or a file not in UTF-8 is a usage error."""
    if path.is_dir():
        raise UsageError(message("usage.rules_folder", path=repr(str(path))))
    if path.exists() and not path.is_file():
        raise UsageError(message("usage.not_regular", path=repr(str(path))))
    if path.suffix.lower() in DATA_SUFFIXES:
        raise UsageError(message("usage.rules_is_data", path=path, suffix=path.suffix))
    try:
        return read_rules_file(path)
    except UnicodeDecodeError as exc:
        raise UsageError(_not_text(str(path), exc.object, exc.start)) from None
    except TooBig:
        mb = MAX_RULES_BYTES // 2**20
        raise UsageError(message("usage.rules_too_big", path=path, mb=mb)) from None
    except NotRulesFile:
        raise UsageError(message("usage.not_regular", path=repr(str(path)))) from None


def _not_text(file: str | Message, data: bytes, offset: int) -> Message:
    return message("usage.not_text", file=file, byte=f"0x{data[offset]:02X}", offset=offset)


def _text_loader(loader: Loader) -> Loader:
    """`loader`, with a base of `extends` that is not UTF-8 text reported as a usage error."""

    def load(name: str, relative_to: str) -> tuple[str, str]:
        try:
            return loader(name, relative_to)
        except UnicodeDecodeError as exc:
            what = message("usage.the_base", name=repr(name), by=relative_to)
            raise UsageError(_not_text(what, exc.object, exc.start)) from None

    return load


def colour(text: str) -> str:
    """Rules text with syntax colour as `--color` says (by default on a terminal, unless
    NO_COLOR is set)."""
    from tinnhiem import terminal

    on = terminal.colour()
    if not on and not sys.stdout.isatty():
        return text  # into a file or a pipe: the rules as they are
    text = printable(text)  # on a terminal, a control character is shown, never obeyed
    if not on:
        return text
    from pygments import highlight
    from pygments.formatters import TerminalFormatter

    from tinnhiem.rules.lexer import TinnhiemLexer

    return str(highlight(text, TinnhiemLexer(), TerminalFormatter()))


def check(args: argparse.Namespace) -> int:
    found: list[Diagnostic] = []
    for name in args.files:
        loaded = load_rules(name)
        found.extend(_exact(loaded))
    errors = sum(d.is_error for d in found)
    warnings = len(found) - errors
    if args.format == "json":
        document = {
            "schema_version": SCHEMA_VERSION,
            "files": [str(bundled.find_rules(n)) for n in args.files],
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.as_dict(args.lang) for d in found],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        lang = args.lang
        for diagnostic in found:
            print(diagnostic.render(lang))
        files = plural(lang, "check.files", len(args.files))
        counts = [plural(lang, "check.errors", errors), plural(lang, "check.warnings", warnings)]
        print(f"{files}: {', '.join(counts)}")
    return 1 if errors else 0


def _exact(loaded: Loaded) -> list[Diagnostic]:
    """The checker's diagnostics, completed by those only the solver finds (`rules.logic_check`):
    `check` pays for them, loading a rule set elsewhere does not."""
    from tinnhiem.rules import logic_check

    if loaded.resolved is None or not logic_check.completes(loaded.diagnostics):
        return list(loaded.diagnostics)
    known = {(d.path, d.line) for d in loaded.diagnostics if logic_check.NEVER in d.message}
    more = logic_check.exact_findings(loaded.resolved, loaded.texts, known)
    return logic_check.merged(loaded.diagnostics, more) if more else list(loaded.diagnostics)


def fmt(args: argparse.Namespace) -> int:
    import difflib

    from tinnhiem.engine.formats.atomic import write_text
    from tinnhiem.rules.fmt import format_ruleset

    differ = 0
    for name in args.files:
        path = bundled.find_rules(name)
        if args.write and bundled.is_bundled(path):
            raise UsageError(message("usage.bundled_write", name=name))
        text = read_rules(path)
        formatted = format_ruleset(parse(text, str(path)))
        if args.check:
            if formatted != text:
                differ += 1
                diff = difflib.unified_diff(
                    text.splitlines(keepends=True),
                    formatted.splitlines(keepends=True),
                    f"{path} (as is)",
                    f"{path} (canonical)",
                )
                sys.stdout.writelines(diff)
        elif args.write:
            if formatted != text:
                write_text(path, formatted)
                print(say(args.lang, "fmt.formatted", path=path))
        else:
            sys.stdout.write(colour(formatted))
    if args.check:
        total = len(args.files)
        print(plural(args.lang, "fmt.would", total, differ=differ))
    return 1 if differ else 0


def test(args: argparse.Namespace) -> int:
    from tinnhiem.engine.examples import run_examples

    passed = failed = 0
    covered: list[Any] = []
    lines: list[str] = []
    for name in args.files:
        loaded = load_rules(name)
        if loaded.errors:
            for diagnostic in loaded.errors:
                lines.append(diagnostic.render(args.lang))
            failed += 1
            continue
        for outcome in run_examples(loaded.ok(), args.lang):
            if outcome.passed:
                passed += 1
            else:
                failed += 1
                lines.append(outcome.message)
        if getattr(args, "coverage", False):
            from tinnhiem.engine.coverage import coverage

            covered.append(coverage(loaded.ok()))
    if getattr(args, "format", "text") == "json":
        from tinnhiem.cli_coverage import coverage_document

        document = {"passed": passed, "failed": failed, "failures": lines}
        if getattr(args, "coverage", False):
            document["coverage"] = [coverage_document(c, args.lang) for c in covered]
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 1 if failed else 0
    for line in lines:
        print(line)
    if covered:
        from tinnhiem.cli_coverage import coverage_text

        for found in covered:
            print(coverage_text(found, args.lang))
    print(say(args.lang, "test.summary", passed=passed, failed=failed))
    return 1 if failed else 0


def show(args: argparse.Namespace) -> int:
    import tomli_w

    from tinnhiem.rules.describe import describe, to_document

    loaded = load_rules(args.file)
    from tinnhiem import terminal

    for warning in loaded.diagnostics:
        if not warning.is_error:
            terminal.warn(warning.render(terminal.lang()))
    resolved = loaded.ok()
    if args.format == "toml":
        sys.stdout.write(tomli_w.dumps(to_document(resolved)))
    elif args.format == "json":
        document = {"schema_version": SCHEMA_VERSION, **to_document(resolved)}
        print(json.dumps(document, ensure_ascii=False, indent=2, default=str))
    else:
        print(printable(describe(resolved, args.lang)))
    return 0
