"""`tinnhiem run | compare | schedule | sweep`: the commands that evaluate data."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import re
import sys
from collections.abc import Sequence
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
    write_table,
)
from tinnhiem.engine.formats.official import html_text, write_docx, write_html
from tinnhiem.engine.formats.writers import ResultsLayout, csv_headers
from tinnhiem.engine.model import DataIssue, Dataset, Evaluation, Origin
from tinnhiem.engine.schedule import calendar, coverage, unchecked_lines
from tinnhiem.engine.stream import Stream
from tinnhiem.engine.sweep import SweepError, ThresholdChoice, step_count
from tinnhiem.engine.sweep import sweep as sweep_rule
from tinnhiem.rules import ast
from tinnhiem.rules.messages import Lang, message, plural, say
from tinnhiem.rules.parser import parse_number

from . import render, terminal
from .cli_rules import load_rules
from .errors import UsageError


def _warn(loaded_diagnostics: tuple[object, ...]) -> None:
    for diagnostic in loaded_diagnostics:
        terminal.warn(diagnostic.render(terminal.lang()))  # type: ignore[attr-defined]


def resolve(name: str | None, *, default: Path | None = None) -> ast.Resolved:
    loaded = load_rules(name if name is not None else (default or bundled.default_rules()))
    _warn(tuple(d for d in loaded.diagnostics if not d.is_error))
    return loaded.ok()


def read_data(
    data: str | None, ballots: bool, *rulesets: ast.Resolved, default: Path | None = None
) -> Dataset:
    path = Path(data) if data else (default or bundled.default_data())
    if data and not path.exists():
        path = bundled.find_data(data)
    if not path.exists():
        names = ", ".join(p.stem for p in bundled.bundled_data())
        raise UsageError(message("usage.no_data", path=repr(str(path)), names=names))
    if path.is_dir():
        raise UsageError(message("usage.data_folder", path=repr(str(path))))
    if path.suffix.lower() == ".tn":
        raise UsageError(message("usage.data_is_rules", path=path))
    levels: dict[str, str] = {}
    for ruleset in rulesets:
        levels.update({level.id: level.label for level in ruleset.levels.levels})
    for ruleset in rulesets:  # a level the data has and a `map` reads is a level column too
        levels.update({m.source: m.source for m in ruleset.maps if m.source not in levels})
    reader = read_ballots if ballots else read_tallies
    dataset = _shown(reader(path, levels), bundled.shown_name(path))
    for issue in dataset.warnings:
        terminal.warn(issue.render(terminal.lang()))
    return dataset


def _shown(dataset: Dataset, name: str) -> Dataset:
    """A bundled dataset under its bundled name, in its warnings and the places of its rows."""
    if name == dataset.path:
        return dataset
    real = dataset.path

    def moved(origin: Origin) -> Origin:
        return dataclasses.replace(origin, file=name) if origin.file == real else origin

    def issues(found: tuple[DataIssue, ...]) -> tuple[DataIssue, ...]:
        return tuple(dataclasses.replace(i, origin=moved(i.origin)) for i in found)

    tallies = tuple(
        dataclasses.replace(t, origin=moved(t.origin)) if t.origin is not None else t
        for t in dataset.tallies
    )
    return dataclasses.replace(
        dataset,
        path=name,
        tallies=tallies,
        warnings=issues(dataset.warnings),
        unclear=issues(dataset.unclear),
    )


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
    lang = terminal.lang()
    evaluation = evaluate(ruleset, dataset, explain=args.format in ("json", "toml"), lang=lang)
    _print_warnings(evaluation)
    if args.format == "table":
        _emit(render.evaluation_text(evaluation, lang), args.output, protect)
    elif args.output is None and args.format in ("xlsx", "docx"):
        raise UsageError(message("usage.needs_output", format=args.format))
    elif args.format == "docx":
        write_docx(evaluation, Path(args.output), protect=protect)
    elif args.format == "html":
        if args.output is None:
            sys.stdout.write(html_text(evaluation, dt.date.today()))
        else:
            write_html(evaluation, Path(args.output), protect=protect)
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

    stream = Stream(ruleset, dataset, explain=args.format != "csv", lang=terminal.lang())
    if args.output is None:
        _write_stream(sys.stdout, args, stream, to_file=False)
    else:
        with atomic_text(Path(args.output), protect=protect, bom=args.format == "csv") as out:
            _write_stream(out, args, stream, to_file=True)
    _print_warnings(stream)


def _write_stream(out: TextIO, args: argparse.Namespace, stream: Stream, *, to_file: bool) -> None:
    ruleset = stream.ruleset
    if args.format == "jsonl":
        explainer = stream.runner.explainer
        streams.write_jsonl(out, ruleset, stream.results(), stream.tail, explainer)
    elif args.format == "json":
        pretty = args.pretty or len(stream.runner.dataset.tallies) <= streams.PRETTY_PEOPLE
        explainer = stream.runner.explainer
        streams.write_json(
            out, ruleset, stream.results(), stream.tail, pretty=pretty, explainer=explainer
        )
    else:
        tallies = stream.runner.dataset.tallies
        layout = ResultsLayout(ruleset, tallies, (ruleset.basis.kind,))
        rows = map(layout.csv_cells, itertools.count(1), stream.results())
        streams.write_csv(out, csv_headers(layout.headers), rows, bom=False, crlf=to_file)


def _to_text(evaluation: Evaluation, fmt: str) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"out.{fmt}"
        write_results(evaluation, target, fmt)
        return target.read_text(encoding="utf-8-sig")


def _print_warnings(evaluation: Evaluation | Stream) -> None:
    for issue in evaluation.warnings:
        terminal.warn(issue.render(terminal.lang()))


def compare(args: argparse.Namespace) -> int:
    a, b = resolve(args.a), resolve(args.b)
    dataset = read_data(args.data, args.ballots, a, b)
    lang = _table_lang(args)
    comparison = compare_sets(a, b, dataset, lang=lang)
    protect = (Path(dataset.path), Path(a.path), Path(b.path))
    if args.format == "csv":
        headers, rows = render.comparison_rows(comparison, lang)
        ids = [pair.tally.id for pair in comparison.changes for _block in pair.changed]
        headers = [say(lang, "table.id"), *headers]
        body = [[i, *row] for i, row in zip(ids, rows, strict=True)]
        if args.output is not None:
            write_table(headers, body, Path(args.output), "csv", protect=protect, title="So sánh")
            return 0
        text = _csv_text(headers, body)
    elif args.format == "json":
        text = streams.dumps(streams.versioned(render.comparison_document(comparison)))
    else:
        text = render.comparison_text(comparison, markdown=args.format == "md", lang=lang)
    _emit(text, args.output, protect)
    return 0


def _table_lang(args: argparse.Namespace) -> Lang:
    """The language of a command's tables: a CSV file is a Vietnamese document, as the exports
    of `run` are (`writers`); the terminal's tables follow `--lang` or the locale."""
    return "vi" if args.format == "csv" else terminal.lang()


def _csv_text(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV for the terminal or a pipe: the file writer's cells, without its byte-order mark."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.csv"
        write_table(headers, rows, target, "csv")
        return target.read_text(encoding="utf-8-sig")


def _term(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", text.strip())
    if not match or int(match[1]) >= int(match[2]):
        raise UsageError(message("usage.term", text=repr(text)))
    return int(match[1]), int(match[2])


def schedule(args: argparse.Namespace) -> int:
    ruleset = resolve(args.rules)
    if ruleset.schedule is None:
        raise UsageError(message("usage.no_schedule", path=ruleset.path))
    start, end = _term(args.term)
    votes = calendar(ruleset.schedule, start, end)
    people = None
    protect = [Path(ruleset.path)]
    if args.data:
        dataset = read_data(args.data, False, ruleset)
        protect.append(Path(dataset.path))
        people = coverage(ruleset.schedule, (start, end), dataset, ruleset.exempts)
    lang = _table_lang(args)
    if args.format == "json":
        text = streams.dumps(streams.versioned(render.schedule_document(votes, people)))
    elif args.format == "csv":
        # one table a file: the people's votes with data (their years are the calendar's)
        tables = render.schedule_tables(ruleset, (start, end), votes, people, lang)
        title, headers, rows = tables[-1]
        for line in unchecked_lines(people or (), terminal.lang()):
            terminal.warn(line)  # said under the table on a terminal; a CSV has no place for it
        return _table_out(headers, rows, args.output, tuple(protect), title)
    else:
        term = (start, end)
        markdown = args.format == "md"
        text = render.schedule_text(ruleset, term, votes, people, markdown=markdown, lang=lang)
    _emit(text, args.output, tuple(protect))
    return 0


def _table_out(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    output: str | None,
    protect: tuple[Path, ...],
    title: str,
) -> int:
    """A table as CSV: to FILE through the file writer (with its byte-order mark), else stdout."""
    if output is not None:
        write_table(headers, rows, Path(output), "csv", protect=protect, title=title)
    else:
        sys.stdout.write(_csv_text(headers, rows))
    return 0


def fraction_arg(option: str, text: str) -> Fraction:
    from lark import Token

    try:
        return parse_number(Token("NUMBER", text.strip())).value
    except Exception as exc:  # the parser's own error for a malformed number
        quoted = text if len(text) <= 40 else text[:39] + "…"
        raise UsageError(message("usage.number", option=option, text=repr(quoted))) from exc


def sweep(args: argparse.Namespace) -> int:
    start = fraction_arg("--from", args.start)
    stop = fraction_arg("--to", args.stop)
    step = fraction_arg("--step", args.step)
    if step <= 0:
        raise UsageError(message("usage.step", text=repr(args.step)))
    if start > stop:
        raise UsageError(
            message("usage.from_above_to", start=repr(args.start), stop=repr(args.stop))
        )
    try:
        step_count(start, stop, step)
    except SweepError as exc:
        given = f"--from {args.start!r} --to {args.stop!r} --step {args.step!r}"
        raise UsageError(message("usage.given", given=given, error=exc.said)) from None
    if "." not in args.rule:
        raise UsageError(message("usage.rule_form", rule=repr(args.rule)))
    if args.threshold is not None and args.threshold < 1:
        raise UsageError(message("usage.threshold", n=args.threshold))
    ruleset = resolve(args.rules)
    dataset = read_data(args.data, args.ballots, ruleset)
    try:
        result = sweep_rule(
            ruleset,
            dataset,
            rule=args.rule,
            start=start,
            stop=stop,
            step=step,
            which=args.threshold,
        )
    except ThresholdChoice as exc:
        said = message("usage.choose_threshold", rule=repr(args.rule), error=exc.said, n=exc.count)
        raise UsageError(said) from None
    except SweepError as exc:
        raise UsageError(
            message("usage.given", given=f"--rule {args.rule!r}", error=exc.said)
        ) from None
    protect = (Path(ruleset.path), Path(dataset.path))
    if args.format == "csv":
        title, headers, rows = render.sweep_rows(result, marked=False, lang="vi")
        return _table_out(headers, rows, args.output, protect, title)
    if args.format == "json":
        text = streams.dumps(streams.versioned(render.sweep_document(result)))
    else:
        text = render.sweep_text(result, markdown=args.format == "md", lang=terminal.lang())
    _emit(text, args.output, protect)
    return 0


__all__ = ["compare", "results_document", "run", "schedule", "sweep"]


def samples(args: argparse.Namespace) -> int:
    """Copy the bundled files out; an existing file is never overwritten (it is said so)."""
    import shutil

    target = Path(args.dir)
    if target.exists() and not target.is_dir():
        raise UsageError(message("usage.samples_file", path=repr(str(target))))
    copied = kept = 0
    for folder, files in (("rules", bundled.bundled_rules()), ("data", _data_files())):
        (target / folder).mkdir(parents=True, exist_ok=True)
        for source in files:
            destination = target / folder / source.name
            if destination.exists():
                kept += 1
                print(say(args.lang, "samples.kept", path=destination), file=sys.stderr)
                continue
            shutil.copyfile(source, destination)
            copied += 1
    done = plural(args.lang, "samples.copied", copied, target=target)
    print(done + (say(args.lang, "samples.and_kept", n=kept) if kept else ""))
    return 0


def _data_files() -> list[Path]:
    return sorted(p for p in bundled.data_dir().iterdir() if p.is_file())
