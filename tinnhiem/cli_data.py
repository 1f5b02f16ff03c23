"""`tinnhiem run | compare | schedule | sweep`: the commands that evaluate data."""

from __future__ import annotations

import argparse
import re
import sys
from fractions import Fraction
from pathlib import Path
from typing import TextIO

from tinnhiem import bundled
from tinnhiem.engine import compare as compare_sets
from tinnhiem.engine import evaluate
from tinnhiem.engine.formats import (
    read_ballots,
    read_tallies,
    results_document,
    streams,
    write_results,
)
from tinnhiem.engine.formats.writers import ResultsLayout, csv_headers, csv_row
from tinnhiem.engine.model import Dataset, Evaluation
from tinnhiem.engine.schedule import calendar, coverage
from tinnhiem.engine.stream import Stream
from tinnhiem.engine.sweep import SweepError, step_count
from tinnhiem.engine.sweep import sweep as sweep_rule
from tinnhiem.rules import ast
from tinnhiem.rules.parser import parse_number

from . import render
from .cli_rules import load_rules
from .errors import UsageError


def _warn(loaded_diagnostics: tuple[object, ...]) -> None:
    for diagnostic in loaded_diagnostics:
        print(diagnostic.render(), file=sys.stderr)  # type: ignore[attr-defined]


def resolve(name: str | None, *, default: Path | None = None) -> ast.Resolved:
    loaded = load_rules(name if name is not None else (default or bundled.default_rules()))
    _warn(tuple(d for d in loaded.diagnostics if not d.is_error))
    return loaded.ok()


def read_data(
    data: str | None, ballots: bool, *rulesets: ast.Resolved, default: Path | None = None
) -> Dataset:
    path = Path(data) if data else (default or bundled.default_data())
    if not path.exists():
        raise UsageError(f"no data file {str(path)!r}")
    if path.is_dir():
        raise UsageError(f"{str(path)!r} is a folder; expected a data file (.csv, .xlsx, ...)")
    if path.suffix.lower() == ".tn":
        raise UsageError(
            f"{path} is a rules file (.tn); expected a data file (.csv, .xlsx, .json or .toml)"
        )
    levels: dict[str, str] = {}
    for ruleset in rulesets:
        levels.update({level.id: level.label for level in ruleset.levels.levels})
    reader = read_ballots if ballots else read_tallies
    dataset = reader(path, levels)
    for issue in dataset.warnings:
        print(issue.render(), file=sys.stderr)
    return dataset


def _emit(text: str, output: str | None, protect: tuple[Path, ...]) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from tinnhiem.engine.formats.atomic import write_text

    write_text(Path(output), text, protect=protect)


def run(args: argparse.Namespace) -> int:
    ruleset = resolve(args.rules)
    dataset = read_data(args.data, args.ballots, ruleset)
    protect = (Path(dataset.path), Path(ruleset.path))
    if args.format in STREAMED:
        _stream(args, ruleset, dataset, protect)
        return 0
    evaluation = evaluate(ruleset, dataset, explain=args.format in ("json", "toml"))
    _print_warnings(evaluation)
    if args.format == "table":
        _emit(render.evaluation_text(evaluation), args.output, protect)
    elif args.output is None and args.format == "xlsx":
        raise UsageError("--format xlsx needs --output FILE")
    elif args.output is None:
        sys.stdout.write(_to_text(evaluation, args.format))
    else:
        write_results(evaluation, Path(args.output), args.format, protect=protect)
    return 0


STREAMED = ("csv", "json", "jsonl")


def _stream(
    args: argparse.Namespace, ruleset: ast.Resolved, dataset: Dataset, protect: tuple[Path, ...]
) -> None:
    """csv, json and jsonl written a person at a time, as each result is computed."""
    from tinnhiem.engine.formats.atomic import atomic_text

    stream = Stream(ruleset, dataset, explain=args.format != "csv")
    if args.output is None:
        _write_stream(sys.stdout, args, stream, to_file=False)
    else:
        with atomic_text(Path(args.output), protect=protect, bom=args.format == "csv") as out:
            _write_stream(out, args, stream, to_file=True)
    _print_warnings(stream)


def _write_stream(out: TextIO, args: argparse.Namespace, stream: Stream, *, to_file: bool) -> None:
    ruleset = stream.ruleset
    if args.format == "jsonl":
        streams.write_jsonl(out, ruleset, stream.results(), stream.tail)
    elif args.format == "json":
        pretty = args.pretty or len(stream.runner.dataset.tallies) <= streams.PRETTY_PEOPLE
        streams.write_json(out, ruleset, stream.results(), stream.tail, pretty=pretty)
    else:
        tallies = stream.runner.dataset.tallies
        layout = ResultsLayout(ruleset, tallies, (ruleset.basis.kind,))
        rows = (csv_row(layout.row(n, r)) for n, r in enumerate(stream.results(), start=1))
        streams.write_csv(out, csv_headers(layout.headers), rows, bom=False, crlf=to_file)


def _to_text(evaluation: Evaluation, fmt: str) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"out.{fmt}"
        write_results(evaluation, target, fmt)
        return target.read_text(encoding="utf-8-sig")


def _print_warnings(evaluation: Evaluation | Stream) -> None:
    for issue in evaluation.warnings:
        print(issue.render(), file=sys.stderr)


def compare(args: argparse.Namespace) -> int:
    a, b = resolve(args.a), resolve(args.b)
    dataset = read_data(args.data, args.ballots, a, b)
    comparison = compare_sets(a, b, dataset)
    if args.format == "json":
        text = streams.dumps(streams.versioned(render.comparison_document(comparison)))
    else:
        text = render.comparison_text(comparison, markdown=args.format == "md")
    _emit(text, args.output, (Path(dataset.path), Path(a.path), Path(b.path)))
    return 0


def _term(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", text.strip())
    if not match or int(match[1]) >= int(match[2]):
        raise UsageError(f"--term {text!r}: expected two years like 2021-2026")
    return int(match[1]), int(match[2])


def schedule(args: argparse.Namespace) -> int:
    ruleset = resolve(args.rules)
    if ruleset.schedule is None:
        raise UsageError(f"{ruleset.path} has no `schedule` block")
    start, end = _term(args.term)
    votes = calendar(ruleset.schedule, start, end)
    people = None
    if args.data:
        dataset = read_data(args.data, False, ruleset)
        people = coverage(ruleset.schedule, (start, end), dataset)
    if args.format == "json":
        print(streams.dumps(streams.versioned(render.schedule_document(votes, people))))
    else:
        print(render.schedule_text(ruleset, (start, end), votes, people))
    return 0


def fraction_arg(option: str, text: str) -> Fraction:
    from lark import Token

    try:
        return parse_number(Token("NUMBER", text.strip())).value
    except Exception as exc:  # the parser's own error for a malformed number
        raise UsageError(f"{option} {text!r}: expected a number like 40%, 2/5 or 0.4") from exc


def sweep(args: argparse.Namespace) -> int:
    start = fraction_arg("--from", args.start)
    stop = fraction_arg("--to", args.stop)
    step = fraction_arg("--step", args.step)
    if step <= 0:
        raise UsageError(f"--step {args.step!r}: expected a number above 0, like 1% or 1/100")
    if start > stop:
        raise UsageError(f"--from {args.start!r} is above --to {args.stop!r}; expected from <= to")
    try:
        step_count(start, stop, step)
    except SweepError as exc:
        given = f"--from {args.start!r} --to {args.stop!r} --step {args.step!r}"
        raise UsageError(f"{given}: {exc}") from None
    if "." not in args.rule:
        raise UsageError(f"--rule {args.rule!r}: expected BLOCK.RULE, like consequence.review")
    ruleset = resolve(args.rules)
    dataset = read_data(args.data, args.ballots, ruleset)
    try:
        result = sweep_rule(ruleset, dataset, rule=args.rule, start=start, stop=stop, step=step)
    except SweepError as exc:
        raise UsageError(f"--rule {args.rule!r}: {exc}") from None
    if args.format == "json":
        print(streams.dumps(streams.versioned(render.sweep_document(result))))
    else:
        print(render.sweep_text(result))
    return 0


__all__ = ["compare", "results_document", "run", "schedule", "sweep"]
