"""Plain-text renderings for the command line (rich tables); the TUI has its own widgets."""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from tinnhiem.engine.model import Evaluation, ReportTable, Result, percent


def decimal_comma(share_text: str) -> str:
    """'66.60' -> '66,60%': how Vietnamese documents print a percentage."""
    return share_text.replace(".", ",") + "%"


def _console_text(*renderables: Any) -> str:
    width = shutil.get_terminal_size((200, 40)).columns if sys.stdout.isatty() else 200
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()


def results_table(evaluation: Evaluation) -> Table:
    ruleset = evaluation.ruleset
    levels = ruleset.levels.levels
    table = Table(title=f"{ruleset.name}", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Họ và tên")
    table.add_column("Chức vụ")
    table.add_column("Cơ sở tính")
    for level in levels:
        table.add_column(level.label, justify="right")
    for block in ruleset.classifies:
        table.add_column(block.label)
    for number, result in enumerate(evaluation.results, 1):
        table.add_row(str(number), *_result_cells(result, evaluation))
    return table


def _result_cells(result: Result, evaluation: Evaluation) -> list[str]:
    ruleset = evaluation.ruleset
    tally = result.tally
    base = f"{result.basis_value}" if result.basis_value is not None else "—"
    cells = [tally.name, tally.position, base]
    for level in ruleset.levels.levels:
        count = result.counts.get(level.id)
        share = result.shares.get(level.id)
        if count is None:
            cells.append("—")
        elif share is None:
            cells.append(str(count))
        else:
            cells.append(f"{count} ({decimal_comma(percent(share))})")
    for block in ruleset.classifies:
        if result.status == "evaluated":
            verdict = next((v for v in result.verdicts if v.block == block.id), None)
            cells.append(verdict.label if verdict else "—")
        else:
            status = "Miễn lấy phiếu" if result.status == "exempt" else "Không hợp lệ"
            cells.append(f"{status}: {result.reason}")
    return cells


def report_table(report: ReportTable, evaluation: Evaluation) -> Table:
    ruleset = evaluation.ruleset
    table = Table(title=report.title, title_justify="left")
    table.add_column(report.by)
    table.add_column("Số được lấy phiếu", justify="right")
    columns: list[tuple[str, str]] = []
    for block_id in report.blocks:
        block = ruleset.block(block_id)
        if block is None:
            continue
        for rule in block.rules:
            columns.append((block_id, rule.id))
            table.add_column(f"{block.label}: {rule.label}", justify="right")
    table.add_column("Miễn", justify="right")
    table.add_column("Không hợp lệ", justify="right")
    for row in (*report.rows, report.total):
        cells = [row.key, str(row.rated)]
        cells += [str(row.counts.get(b, {}).get(k, 0)) for b, k in columns]
        cells += [str(row.exempt), str(row.invalid)]
        table.add_row(*cells, style="bold" if row is report.total else None)
    return table


def evaluation_text(evaluation: Evaluation) -> str:
    parts: list[Any] = [results_table(evaluation)]
    parts += [report_table(r, evaluation) for r in evaluation.reports]
    return _console_text(*parts)


def simple_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    table = Table(title=title, title_justify="left")
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*(str(c) for c in row))
    return _console_text(table)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
