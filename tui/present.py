"""How results read on screen: decimal commas, exact fractions, classes coloured by severity."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import chain
from operator import attrgetter
from typing import Any

from tinnhiem.engine.formats import Percent
from tinnhiem.engine.formats.headers import fold
from tinnhiem.engine.model import Evaluation, Result, Tally, Verdict, percent_comma
from tinnhiem.engine.results import Results
from tinnhiem.rules import ast

from .i18n import t
from .rounds import Rounds
from .table import (
    BLOCK,
    RESULT_CLASS_WIDTH,
    Cancelled,
    Cell,
    Column,
    Rows,
    cell,
    distinct_fit,
    fit,
    name_key,
    name_keys,
    never,
    text_key,
    text_keys,
)

TALLY, COUNTS, BASIS = attrgetter("tally"), attrgetter("counts"), attrgetter("basis_value")
VERDICTS = attrgetter("verdicts")

FOUND_FIELDS = ("name", "position", "group", "round")  # a tally's texts that find looks in

# severity -> the theme variable its text is drawn in
SEVERITY_COLOURS = {0: "text-success", 1: "text-warning", 2: "text-error"}


pct = percent_comma  # 2/3 -> '66,67%': rounded half up, with the decimal comma


def fraction_text(count: int, base: int | None) -> str:
    """'28/42 = 2/3': the exact share as counted, and reduced when that says more."""
    if not base:
        return f"{count}/—"
    reduced = Fraction(count, base)
    written = f"{count}/{base}"
    simple = f"{reduced.numerator}/{reduced.denominator}"
    return written if simple == written or not count else f"{written} = {simple}"


def _levels_in(cond: ast.Cond | None) -> Iterator[tuple[tuple[str, ...], int]]:
    """(levels, +1 when a high share of them makes the condition true, -1 when a low one does)."""
    if cond is None:
        return
    if isinstance(cond, ast.Compare):
        up = 1 if cond.op in (">", ">=") else -1 if cond.op in ("<", "<=") else 0
        if isinstance(cond.left, ast.Share | ast.Count):
            yield cond.left.levels, up
        if isinstance(cond.right, ast.Share | ast.Count):
            yield cond.right.levels, -up
    elif isinstance(cond, ast.Not):
        for levels, sign in _levels_in(cond.operand):
            yield levels, -sign
    elif isinstance(cond, ast.And | ast.Or):
        for operand in cond.operands:
            yield from _levels_in(operand)


def severities(ruleset: ast.Resolved) -> dict[tuple[str, str], int]:
    """(block, class) -> 0 (fine), 1 (between), 2 (the worst class of its block).

    Levels are listed best first, so a rule that fires on a high share of the last levels
    ("thấp") lists the worst classes first, and one on the first levels ("cao") the best first.
    """
    order = ruleset.levels.ids
    middle = (len(order) - 1) / 2 if order else 0
    out: dict[tuple[str, str], int] = {}
    for block in ruleset.classifies:
        lean = 0.0
        for rule in block.rules:
            for levels, sign in _levels_in(rule.when):
                known = [order.index(lv) for lv in levels if lv in order]
                if known:
                    lean += sign * (sum(known) / len(known) - middle)
        classes = [rule.id for rule in block.rules]
        worst_first = lean >= 0
        last = max(len(classes) - 1, 1)
        for index, klass in enumerate(classes):
            rank = (last - index) if worst_first else index  # rank `last` is the worst
            out[block.id, klass] = 2 if rank >= last else 0 if rank == 0 else 1
    return out


def class_style(severity: int | None, palette: Mapping[str, str]) -> str:
    if severity is None:
        return ""
    colour = palette.get(SEVERITY_COLOURS[severity], "")
    return f"bold {colour}" if severity == 2 else colour


def basis_label(lang: str, kind: str) -> str:
    return t(lang, f"basis.{kind}")


def row_key(index: int, result: Result) -> str:
    """Stable across re-evaluations of the same data: the row's place and the person's id."""
    return f"{index}:{result.tally.id}:{result.tally.round}"


def tallies_of(results: Sequence[Result]) -> Sequence[Tally]:
    """The tallies of the results, in order (those of a run, without making its results)."""
    return results.tallies if isinstance(results, Results) else list(map(TALLY, results))


@dataclass(frozen=True, slots=True)
class Summary:
    """What the table's columns are fitted to: the people set aside, the largest count and
    basis, each distinct set of verdicts. Of a run's `Results` without making a result."""

    aside: list[Result]
    count: int
    basis: int
    verdicts: list[tuple[Verdict, ...]]

    @classmethod
    def of(cls, results: Sequence[Result]) -> Summary:
        if isinstance(results, Results):
            count, basis = results.largest()
            return cls(results.aside(), count, basis, results.verdict_sets())
        # Each figure is read with map and attrgetter (no Python code a row)
        values = filter(None, map(operator.methodcaller("values"), map(COUNTS, results)))
        return cls(
            [r for r in results if r.status != "evaluated"],
            max(map(max, values), default=0),
            max(0, max(filter(None, map(BASIS, results)), default=0)),
            list(map(VERDICTS, results)),
        )


class ResultsRows(Rows):
    """The per-person table, built a row at a time as the grid draws it.

    `versus` maps a row key to what the compared rule set says instead (only people who change).
    """

    def __init__(
        self,
        evaluation: Evaluation,
        lang: str,
        palette: Mapping[str, str],
        versus: Mapping[str, str] | None = None,
        previous: ResultsRows | None = None,
        rounds: Rounds | None = None,
    ) -> None:
        """`rounds`: who is who in the evaluated tallies, when already known (the data's)."""
        self.evaluation = evaluation
        self.lang = lang
        self.palette = dict(palette)
        self.versus = versus
        self.ruleset = ruleset = evaluation.ruleset
        self.title = ruleset.name
        self.results = evaluation.results
        self.severity = severities(ruleset)
        self._cache: dict[int, list[Cell]] = {}
        self._found: list[list[str]] | None = None  # the folded texts find looks in
        # The people's own texts do not change with the rules: their widths carry over from
        # the table this one replaces when it shows the same tallies (a re-evaluation).
        self.tallies = tallies_of(self.results)
        same = previous is not None and len(previous.tallies) == len(self.tallies)
        if same and previous is not None and previous.tallies is not self.tallies:
            same = all(map(operator.is_, previous.tallies, self.tallies))
        self.text_widths: dict[str, int] = (
            previous.text_widths if same and previous else self._text_widths()
        )
        # the sort keys of the people's own texts, by column: the same while the tallies are
        self._keys: dict[str, list[Any]] = previous._keys if same and previous else {}
        # who is who across rounds: a round column when someone voted in several
        if same and previous:
            rounds = previous.rounds
        elif rounds is None or rounds.votes != len(self.results):
            rounds = Rounds.of(list(self.tallies))
        self.rounds: Rounds = rounds
        self.columns = results_columns(
            evaluation, lang, self.text_widths, several=self.rounds.several, versus=versus
        )

    def _text_widths(self) -> dict[str, int]:
        tallies = list(self.tallies)
        return {
            field: fit(*map(attrgetter(field), tallies))
            for field in ("name", "position", "group", "round")
        }

    def __len__(self) -> int:
        return len(self.results)

    def key(self, index: int) -> str:
        return row_key(index, self.results[index])

    def index_of(self, key: str) -> int | None:
        """Keys start with the row's place: no search through 10,000 rows."""
        index = int(key.split(":", 1)[0])
        return index if index < len(self.results) and self.key(index) == key else None

    def matches(self, index: int, folded: str) -> bool:
        """Find (`/`) looks in the name, the position, the group and the classes given."""
        return any(folded in column[index] for column in self.folded())

    def matching(
        self, folded: str, order: Sequence[int], stop: Callable[[], bool] = never
    ) -> list[int]:
        """The rows of `order` that `matches`, found a column at a time: a text that repeats
        (a position, a group, the classes given) is looked at once."""
        hits: set[int] = set()
        for column in self.folded():
            if stop():
                raise Cancelled
            good = {text for text in set(column) if folded in text}
            if good:
                hits.update(i for i, text in enumerate(column) if text in good)
        return [i for i in order if i in hits]

    def folded(self) -> list[list[str]]:
        """The texts find looks in, folded, a column each: the names, the positions, the
        groups, the rounds, and the classes given (with a status); a match never spans two
        texts. A text that repeats is folded once; made once, for every row."""
        if self._found is None:
            said = {s: t(self.lang, f"status.{s}") for s in ("exempt", "invalid")}
            tallies = self.tallies
            texts = [[getattr(tally, field) for tally in tallies] for field in FOUND_FIELDS]
            texts.append(["\0".join(self._labels(r, said)) for r in self.results])
            found = []
            for column in texts:
                folds = {text: fold(text) for text in set(column)}
                found.append([folds[text] for text in column])
            self._found = found
        return self._found

    @staticmethod
    def _labels(result: Result, said: Mapping[str, str]) -> list[str]:
        """The classes given, and the status of a person not evaluated."""
        labels = [v.label for v in result.verdicts]
        return [*labels, said[result.status]] if result.status in said else labels

    def sort_keys(self, column: int, stop: Callable[[], bool] = never) -> list[Any]:
        """The people's own texts (name, position, group, round) sorted as `sort_key` says,
        made for every row at once and kept while the tallies are the same (an edit of the
        rules sorts by name again without making them again)."""
        kind = self.columns[column].key
        if kind not in ("name", "position", "group", "round"):
            return super().sort_keys(column, stop)
        found = self._keys.get(kind)
        if found is None:
            found = []
            tallies = self.tallies  # the people's own texts: no result is made for them
            for start in range(0, len(tallies), BLOCK):  # a block at a time: see BLOCK
                if stop():
                    raise Cancelled
                texts = [getattr(tally, kind) for tally in tallies[start : start + BLOCK]]
                if kind == "name":
                    found += [(0, key) for key in name_keys(texts)]
                else:
                    keys = zip(texts, text_keys(texts), strict=True)
                    found += [(0, key) if text else (1, "") for text, key in keys]
            self._keys[kind] = found
        return found

    def marked(self, index: int) -> bool:
        return self.versus is not None and self.key(index) in self.versus

    def sort_key(self, index: int, column: int) -> Any:
        """Straight from the result, so that sorting 10,000 rows builds no cells."""
        key = self.columns[column].key
        result = self.results[index]
        kind, _, name = key.partition(":")
        value: Any
        if kind == "n":
            return (0, index)
        if kind == "class":
            return (0, self._class_key(result, name))
        if kind == "versus":
            change = (self.versus or {}).get(self.key(index))
            return (0, text_key(change)) if change else (1, "")
        if kind == "name":
            value = name_key(result.tally.name)
        elif kind == "count":
            value = result.counts.get(name)
        elif kind == "pct":
            value = result.shares.get(name)
        elif kind == "basis":
            value = result.basis_value
        else:
            text = getattr(result.tally, kind, "")
            value = text_key(text) if text else None
        return (1, "") if value is None else (0, value)

    def _class_key(self, result: Result, block: str) -> tuple[int, str]:
        """Worst class first; people not evaluated after everyone who was."""
        if result.status != "evaluated":
            return (9, result.reason or "")
        verdict = next((v for v in result.verdicts if v.block == block), None)
        if verdict is None:
            return (8, "")
        level = self.severity.get((block, verdict.klass))
        return (-(level if level is not None else -1), verdict.label)

    def cells(self, index: int) -> list[Cell]:
        found = self._cache.get(index)
        if found is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            found = self._cache[index] = self._build(index)
        return found

    def _build(self, index: int) -> list[Cell]:
        result = self.results[index]
        tally = result.tally
        cells: list[Cell] = [
            cell(str(index + 1), sort=index, value=index + 1, justify="right"),
            cell(tally.name, sort=name_key(tally.name)),
        ]
        if self.rounds.several:
            cells.append(cell(tally.round))
        for number, block in enumerate(self.ruleset.classifies):
            cells.append(self._class_cell(result, block, number))
        if self.versus is not None:
            change = self.versus.get(self.key(index), "")
            style = f"bold {self.palette.get('text-warning', '')}" if change else ""
            cells.append(cell(f"⇄ {change}" if change else "", style=style))
        for level in self.ruleset.levels.levels:
            count = result.counts.get(level.id)
            share = result.shares.get(level.id)
            if count is None:
                cells += [cell(""), cell("")]
                continue
            cells.append(cell(str(count), sort=count, value=count, justify="right"))
            shown = pct(share) if share is not None else ""
            exported = Percent(share) if share is not None else None
            cells.append(cell(shown, sort=share, value=exported, justify="right"))
        base = result.basis_value
        cells.append(
            cell("" if base is None else str(base), sort=base, value=base, justify="right")
        )
        cells += [cell(tally.position), cell(tally.group)]
        return cells

    def _class_cell(self, result: Result, block: ast.Classify, number: int) -> Cell:
        if result.status != "evaluated":
            if number:
                return cell("—", sort=(9, ""), style="dim")
            label = t(self.lang, f"status.{result.status}")
            text = f"{label}: {result.reason}" if result.reason else label
            return cell(text, sort=(9, text), style="italic dim")
        verdict = next((v for v in result.verdicts if v.block == block.id), None)
        if verdict is None:
            return cell("")
        level = self.severity.get((block.id, verdict.klass))
        return cell(
            verdict.label,
            sort=(-(level if level is not None else -1), verdict.label),
            value=verdict.label,
            style=class_style(level, self.palette),
        )


def results_columns(
    evaluation: Evaluation,
    lang: str,
    widths: Mapping[str, int],
    *,
    several: bool,
    versus: Mapping[str, str] | None,
) -> list[Column]:
    """The columns of the per-person table, each as wide as the widest thing it shows: `widths`
    of the people's own texts, `several` when a round column is shown, `versus` the compared
    rule set's words for the people who change."""
    ruleset, results = evaluation.ruleset, evaluation.results
    statuses = [t(lang, "status.exempt"), t(lang, "status.invalid")]
    summary = Summary.of(results)
    aside = summary.aside
    reasons = {f"{statuses[0] if r.status == 'exempt' else statuses[1]}: {r.reason}" for r in aside}
    counts, bases = [str(summary.count)], [str(summary.basis)]
    columns = [
        Column("n", t(lang, "col.number"), "right", fit(str(len(results)))),
        Column("name", t(lang, "col.name"), "left", widths["name"]),
    ]
    if several:
        columns.append(Column("round", t(lang, "col.round"), "left", widths["round"]))
    # a rule's verdict is one object, shared by every result it decides
    verdicts = list(chain.from_iterable(summary.verdicts))
    shown: dict[str, set[str]] = {}
    for verdict in dict(zip(map(id, verdicts), verdicts, strict=True)).values():
        shown.setdefault(verdict.block, set()).add(verdict.label)
    exempt = bool(aside)
    for number, block in enumerate(ruleset.classifies):
        extra = reasons if number == 0 and exempt else set()
        width = distinct_fit(*shown.get(block.id, ()), *extra, cap=RESULT_CLASS_WIDTH)
        columns.append(Column(f"class:{block.id}", block.label, "left", width))
    if versus is not None:
        changes = [f"⇄ {c}" for c in versus.values()]
        columns.append(Column("versus", t(lang, "col.versus"), "left", fit(*changes)))
    for level in ruleset.levels.levels:
        columns.append(Column(f"count:{level.id}", level.label, "right", fit(*counts)))
        columns.append(
            Column(f"pct:{level.id}", "%", "right", fit("100,00%"), f"{level.label} (%)")
        )
    columns.append(Column("basis", t(lang, "col.basis"), "right", fit(*bases)))
    columns.append(Column("position", t(lang, "col.position"), "left", widths["position"]))
    columns.append(Column("group", t(lang, "col.group"), "left", widths["group"]))
    return columns


def differences(comparison: Any, lang: str) -> dict[str, str]:
    """Row key -> what the compared rule set says instead, per changed block ("Hệ quả: Y").

    From `engine.compare.Comparison.changes`; both sides are of the same data, row by row.
    """
    out: dict[str, str] = {}
    for pair in comparison.changes:
        said = []
        for block in pair.changed:
            found = comparison.a.ruleset.block(block)
            label = found.label if found else block
            now = _class_label(comparison.b.ruleset, block, pair.classes_b[block], lang)
            said.append(f"{label}: {now}")
        out[row_key(pair.index, pair.a)] = "; ".join(said)
    return out


def _class_label(ruleset: ast.Resolved, block: str, klass: str, lang: str) -> str:
    if klass in ("(exempt)", "(invalid)"):
        return t(lang, f"status.{klass[1:-1]}")
    found = ruleset.block(block)
    rule = next((r for r in found.rules if r.id == klass), None) if found else None
    return rule.label if rule else klass
