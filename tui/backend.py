"""The app's calls into the rules language and the engine: plain functions, run in workers.

Engine parts are imported when first used, so that the app still opens (and says what is
missing) when one of them is absent.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from tinnhiem.engine.model import Dataset, Evaluation, Result
from tinnhiem.rules import Loaded, ast, load, load_text

from tinnhiem import bundled

DATA_SUFFIXES = (".csv", ".xlsx", ".json", ".toml")
RULES_SUFFIXES = (".tn",)
EXPORT_FORMATS = ("csv", "xlsx", "json", "toml", "md")


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


def read_data(path: Path, kind: str, levels: dict[str, str]) -> Dataset:
    """Tallies or ballots from a file; `DataError` (with file, row, column) when unusable."""
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


def explain(ruleset: ast.Resolved, dataset: Dataset, result: Result, lang: str = "en") -> Result:
    """The result of one person with its full trace, from the same data (for `previous`)."""
    if any(v.steps for v in result.verdicts) or result.status != "evaluated":
        return result
    person = result.tally
    same = tuple(t for t in dataset.tallies if t.id == person.id)
    one = replace(dataset, tallies=same or (person,))
    for found in evaluate(ruleset, one, explain=True, lang=lang).results:
        if found.tally.round == person.round:
            return found
    return result


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
