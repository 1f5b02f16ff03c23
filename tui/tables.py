"""The small tables of the other tabs (report, comparison, calendar, sweep) as `StaticRows`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from tinnhiem.engine.formats import Percent
from tinnhiem.engine.model import ReportTable
from tinnhiem.rules import ast

from .i18n import t
from .present import class_style, pct, severities
from .table import CLASS_WIDTH, Cell, Column, StaticRows, cell, fit, name_key, plain_cells

BY_LABELS = {"group": "col.group", "unit": "col.unit", "position": "col.position"}


def by_label(lang: str, by: str) -> str:
    key = BY_LABELS.get(by)
    return t(lang, key) if key else by


def report_rows(
    report: ReportTable, ruleset: ast.Resolved, lang: str, palette: Mapping[str, str]
) -> StaticRows:
    """The appendix: a row per group, the people in each class of each counted block, a total."""
    marks = severities(ruleset)
    columns = [
        Column("by", by_label(lang, report.by)),
        Column("rated", t(lang, "report.rated"), "right"),
    ]
    classes: list[tuple[str, str]] = []
    for block_id in report.blocks:
        block = ruleset.block(block_id)
        if block is None:
            continue
        for rule in block.rules:
            classes.append((block_id, rule.id))
            columns.append(Column(f"{block_id}.{rule.id}", rule.label, "right"))
    columns += [
        Column("exempt", t(lang, "report.exempt"), "right"),
        Column("invalid", t(lang, "report.invalid"), "right"),
    ]
    rows: list[tuple[str, list[Cell]]] = []
    for number, row in enumerate((*report.rows, report.total)):
        total = row is report.total
        key = t(lang, "report.total") if total else row.key
        cells = [cell(key, style="bold" if total else "", sort=(int(total), key))]
        cells.append(_count(row.rated, total))
        for block_id, klass in classes:
            count = row.counts.get(block_id, {}).get(klass, 0)
            style = class_style(marks.get((block_id, klass)), palette) if count else "dim"
            cells.append(_count(count, total, style))
        cells += [_count(row.exempt, total), _count(row.invalid, total)]
        rows.append(("total" if total else f"{number}:{row.key}", cells))
    return StaticRows(report.title, columns, rows)


def _count(value: int, total: bool, style: str = "") -> Cell:
    # the total row sorts last whichever way a column is sorted: it is not a group
    return cell(
        str(value),
        sort=value,
        value=value,
        justify="right",
        style=f"bold {style}".strip() if total else style,
    )


def simple_rows(title: str, headers: list[tuple[str, str]], rows: list[list[object]]) -> StaticRows:
    """A table of plain values: `headers` are (key, label)."""
    columns = []
    for index, (key, label) in enumerate(headers):
        numeric = rows and all(isinstance(r[index], int) for r in rows if r[index] is not None)
        columns.append(Column(key, label, "right" if numeric else "left"))
    return StaticRows(title, columns, [(str(i), plain_cells(r)) for i, r in enumerate(rows)])


def _label(ruleset: ast.Resolved, block: str, klass: str, lang: str) -> str:
    """A class's label; the engine's `(exempt)` / `(invalid)` in words."""
    if klass in ("(exempt)", "(invalid)"):
        return t(lang, f"status.{klass[1:-1]}")
    found = ruleset.block(block)
    rule = next((r for r in found.rules if r.id == klass), None) if found else None
    return rule.label if rule else klass


def _block_label(comparison: Any, block: str) -> str:
    found = comparison.a.ruleset.block(block) or comparison.b.ruleset.block(block)
    return found.label if found else block


def changes_rows(comparison: Any, lang: str, palette: Mapping[str, str]) -> StaticRows:
    """A row per person and block whose class differs (`engine.compare.Comparison.changes`)."""
    a, b = comparison.a.ruleset, comparison.b.ruleset
    marks_a, marks_b = severities(a), severities(b)
    level = a.levels.ids[-1] if a.levels.ids else None  # the lowest level: "thấp"
    columns = [
        Column("n", t(lang, "col.number"), "right"),
        Column("name", t(lang, "col.name")),
        Column("block", t(lang, "compare.block")),
        Column("a", t(lang, "compare.from")),
        Column("b", t(lang, "compare.to")),
    ]
    if level:
        columns.append(Column("pct", f"% {a.label_of(level)}", "right"))
    columns.append(Column("position", t(lang, "col.position")))
    rows: list[tuple[str, list[Cell]]] = []
    for pair in comparison.changes:
        tally = pair.tally
        for block in pair.changed:
            was, now = pair.classes_a[block], pair.classes_b[block]
            cells = [
                cell(str(pair.index + 1), sort=pair.index, value=pair.index + 1, justify="right"),
                cell(tally.name, sort=name_key(tally.name)),
                cell(_block_label(comparison, block)),
                cell(
                    _label(a, block, was, lang),
                    style=class_style(marks_a.get((block, was)), palette),
                ),
                cell(
                    _label(b, block, now, lang),
                    style=class_style(marks_b.get((block, now)), palette),
                ),
            ]
            if level:
                share = pair.a.shares.get(level)
                cells.append(
                    cell(
                        pct(share) if share is not None else "",
                        sort=share,
                        value=Percent(share) if share is not None else None,
                        justify="right",
                    )
                )
            cells.append(cell(tally.position))
            rows.append((f"{pair.index}:{block}", cells))
    for key in ("a", "b"):  # long class labels end in an ellipsis; the why panel has them
        index = next(i for i, c in enumerate(columns) if c.key == key)
        width = fit(*(r[1][index].plain for r in rows), cap=CLASS_WIDTH)
        columns[index] = replace(columns[index], width=width)
    return StaticRows(t(lang, "compare.who"), columns, rows)


def matrix_rows(comparison: Any, matrix: Any, lang: str, palette: Mapping[str, str]) -> StaticRows:
    """People by class under A (rows) and under B (columns); off the diagonal they changed."""
    a, b, block = comparison.a.ruleset, comparison.b.ruleset, matrix.block
    width = fit(*(_label(a, block, row, lang) for row in matrix.rows), cap=CLASS_WIDTH)
    columns = [Column("a", "A \\ B", "left", width)]
    columns += [Column(f"b:{c}", _label(b, block, c, lang), "right") for c in matrix.columns]
    columns.append(Column("total", t(lang, "report.total"), "right"))
    marked = palette.get("text-warning", "")
    rows = []
    for row in matrix.rows:
        cells = [cell(_label(a, block, row, lang), style="bold")]
        for column in matrix.columns:
            n = matrix.count(row, column)
            same = _label(a, block, row, lang) == _label(b, block, column, lang)
            style = "dim" if not n else ("" if same else f"bold {marked}")
            cells.append(cell(str(n), sort=n, value=n, justify="right", style=style))
        total = sum(matrix.count(row, column) for column in matrix.columns)
        cells.append(cell(str(total), sort=total, value=total, justify="right", style="bold"))
        rows.append((row, cells))
    title = t(lang, "compare.matrix", block=_block_label(comparison, block))
    return StaticRows(title, columns, rows)
