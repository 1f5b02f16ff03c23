"""The app's calls into the rules language and the engine: plain functions, run in workers.

Engine parts are imported when first used, so that the app still opens (and says what is
missing) when one of them is absent.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from tinnhiem.engine.model import Dataset, Evaluation, Result
from tinnhiem.rules import Loaded, ast, load, load_text

from tinnhiem import bundled

DATA_SUFFIXES = (".csv", ".xlsx", ".json", ".toml")
RULES_SUFFIXES = (".tn",)
EXPORT_FORMATS = ("csv", "xlsx", "docx", "html", "json", "toml", "md")
OFFICIAL_FORMATS = ("docx", "html")  # the appendix of the results, not any table


class EngineMissing(Exception):
    """The engine does not (yet) offer `name`."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def engine(module: str, name: str, *fallbacks: str) -> Any:
    """`tinnhiem.engine.<module>.<name>` (or from a fallback module), else `EngineMissing`."""
    for candidate in (module, *fallbacks):
        try:
            return getattr(importlib.import_module(f"tinnhiem.engine.{candidate}"), name)
        except (ImportError, AttributeError):
            continue
    raise EngineMissing(f"tinnhiem.engine.{module}.{name}")


def load_rules(path: Path) -> Loaded:
    """Read, parse, resolve and check a rules file (`OSError` when it cannot be read)."""
    return load(path, bundled.loader())


def load_rules_text(text: str, path: Path) -> Loaded:
    """The same for text being edited, as if it were saved at `path`."""
    return load_text(text, str(path), bundled.loader())


def top_text(loaded: Loaded) -> str:
    """The text of the file itself (not its bases)."""
    return str(loaded.texts.get(loaded.path, ""))


def level_labels(*rulesets: ast.Resolved | None) -> dict[str, str]:
    labels: dict[str, str] = {}
    for ruleset in rulesets:
        if ruleset is not None:
            labels.update({level.id: level.label for level in ruleset.levels.levels})
    for ruleset in rulesets:  # a level the data has and a `map` reads is a level column too
        if ruleset is not None:
            labels.update({m.source: m.source for m in ruleset.maps if m.source not in labels})
    return labels


SNIFF_BYTES = 64 * 1024
SNIFF_ROWS = 12


def sniff_kind(path: Path) -> str | None:
    """ "tallies" (a row per person) or "ballots" (a row per ballot), from the first rows of the
    file; None when it cannot be read (the reader that follows says why).

    A file with a name column ("Họ và tên") holds tallies; one without it whose cells below the
    header are marks, not numbers, holds ballots (its header is the candidates' names).
    """
    from tinnhiem.engine.formats.headers import (
        HeaderMatcher,
        is_ballot_number_header,
        looks_like_voter,
    )

    try:
        rows = _first_rows(path)
    except Exception:  # unreadable here: reading it for real gives the message with its place
        return None
    if rows is None:
        return None
    if isinstance(rows, str):
        return rows
    matcher = HeaderMatcher({})
    cells = [[str(c).strip() if c is not None else "" for c in row] for row in rows]
    cells = [row for row in cells if any(row)]
    if not cells or any(matcher.is_name(c) for row in cells for c in row):
        return "tallies"
    header, below = cells[0], cells[1:]
    counted = [
        i for i, h in enumerate(header) if not (is_ballot_number_header(h) or looks_like_voter(h))
    ]
    numbers = any(
        row[i].replace(".", "").replace(",", "").isdigit()
        for row in below
        for i in counted
        if i < len(row)
    )
    return "tallies" if numbers or not below else "ballots"


def _first_rows(path: Path) -> list[list[object]] | str | None:
    suffix = path.suffix.lower()
    if suffix in (".json", ".toml"):
        text = path.read_text(encoding="utf-8-sig")
        if suffix == ".json":
            import json

            document = json.loads(text)
        else:
            import tomllib

            document = tomllib.loads(text)
        return "ballots" if isinstance(document, dict) and "ballots" in document else "tallies"
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.active
            if sheet is None:
                return None
            return [list(r) for r in sheet.iter_rows(max_row=SNIFF_ROWS, values_only=True)]
        finally:
            book.close()
    import csv
    import io

    from tinnhiem.engine.formats.tabular import sniff_delimiter

    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    text = head.decode("utf-8-sig", errors="replace")
    lines = text.splitlines()[:SNIFF_ROWS]
    delimiter = sniff_delimiter(lines[0] if lines else "")
    return [list(r) for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)]


def time_in_post(dataset: Dataset) -> bool:
    """Whether the data hold people and their dates in post but no vote at all (the file the
    calendar reads, e.g. thoi-gian-giu-chuc-vu.csv)."""
    return bool(dataset.tallies) and not any(x.counts or x.turnout for x in dataset.tallies)


def read_data(path: Path, kind: str, levels: dict[str, str]) -> Dataset:
    """Tallies or ballots from a file; `DataError` (with file, row, column) when unusable.
    `kind` "auto" reads the shape of the file first (`sniff_kind`)."""
    if kind == "auto":
        kind = sniff_kind(path) or "tallies"
    if kind == "ballots":
        reader = engine("formats", "read_ballots", "formats.ballots")
    else:
        reader = engine("formats", "read_tallies", "formats.tallies")
    dataset: Dataset = reader(path, levels)
    return dataset


def evaluate(
    ruleset: ast.Resolved, dataset: Dataset, *, explain: bool = True, lang: str = "en"
) -> Evaluation:
    """The engine's evaluation; its reasons (`Result.reason`, `Step.because`) in `lang`."""
    run = engine("evaluate", "evaluate")
    evaluation: Evaluation = run(ruleset, dataset, explain=explain, lang=lang)
    return evaluation


def explain(evaluation: Evaluation, index: int) -> Result:
    """The result of one person with its steps and margins, explained by the run that decided it
    (the same data, the same pass: never a second evaluation)."""
    return evaluation.explain(index)


def compare(a: ast.Resolved, b: ast.Resolved, dataset: Dataset, lang: str = "en") -> Any:
    return engine("compare", "compare")(a, b, dataset, lang=lang)


def sweep(
    ruleset: ast.Resolved,
    dataset: Dataset,
    rule: str,
    start: Fraction,
    stop: Fraction,
    step: Fraction,
) -> Any:
    return engine("sweep", "sweep")(ruleset, dataset, rule=rule, start=start, stop=stop, step=step)


def calendar(schedule: ast.Schedule, start: int, end: int) -> Any:
    return engine("schedule", "calendar")(schedule, start, end)


def coverage(
    schedule: ast.Schedule,
    term: tuple[int, int],
    dataset: Dataset,
    exempts: tuple[ast.Exempt, ...] = (),
) -> Any:
    return engine("schedule", "coverage")(schedule, term, dataset, exempts)


def unchecked_lines(people: Any, lang: str) -> list[str]:
    """One line per exemption of the calendar the data could not check, in `lang`."""
    lines: list[str] = engine("schedule", "unchecked_lines")(people, lang)
    return lines


def write_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    path: Path,
    fmt: str,
    protect: Iterable[Path] = (),
    title: str = "",
) -> None:
    writer = engine("formats", "write_table")
    writer(headers, rows, path, fmt, protect=tuple(protect), title=title or "Bảng")


def results_sheet(evaluation: Evaluation) -> Any:
    """The per-person table as the CLI writes it (`tinnhiem run -f csv`): headers and rows."""
    return engine("formats", "results_table")(evaluation)


def write_official(
    evaluation: Evaluation, path: Path, fmt: str, protect: Iterable[Path] = ()
) -> None:
    """The results as an official appendix: Word (docx) or a printable page (html)."""
    writer = engine("formats.official", "write_docx" if fmt == "docx" else "write_html")
    writer(evaluation, path, protect=tuple(protect))


def parse_number(text: str) -> Fraction:
    """`40%`, `2/5`, `0.4`, `40,5%` (a decimal comma) as an exact fraction; ValueError if not."""
    from lark import Token
    from tinnhiem.rules.parser import parse_number as parse

    cleaned = text.strip().replace(",", ".")
    try:
        number: ast.Number = parse(Token("NUMBER", cleaned))
    except Exception as exc:  # the parser's own error type for a malformed number
        raise ValueError(text) from exc
    return number.value


def mtimes(paths: Iterable[str]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for path in paths:
        try:
            out[path] = Path(path).stat().st_mtime
        except OSError:
            out[path] = None
    return out


def rules_beside(data: Path | None) -> list[Path]:
    if data is None:
        return []
    try:
        return sorted(p for p in data.parent.glob("*.tn") if p.is_file())
    except OSError:
        return []


def thresholds(ruleset: ast.Resolved) -> list[tuple[str, str]]:
    """`block.rule` ids of the rules a sweep can move, with their labels."""
    return [
        (f"{block.id}.{rule.id}", f"{block.label}: {rule.label}")
        for block in ruleset.classifies
        for rule in block.rules
        if rule.when is not None and _has_threshold(rule.when)
    ]


def _has_threshold(cond: ast.Cond) -> bool:
    if isinstance(cond, ast.Compare):
        return any(isinstance(v, ast.Number) for v in (cond.left, cond.right))
    if isinstance(cond, ast.Not):
        return _has_threshold(cond.operand)
    if isinstance(cond, ast.And | ast.Or):
        return any(_has_threshold(c) for c in cond.operands)
    return False
