"""Writing results and tables: CSV, JSON, TOML, Markdown and XLSX, atomically.

CSV is UTF-8 with a byte-order mark (Excel reads the Vietnamese letters right) and CRLF line ends.
A text cell of a CSV or XLSX that starts with = + - @, a tab or a carriage return gets a leading
apostrophe, so that a spreadsheet never runs it as a formula. In XLSX a percentage is a number cell
holding the percentage already rounded half up (as `percent()` rounds it), shown as "0.00%".
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import tomli_w
from tinnhiem.engine.model import (
    Evaluation,
    ReportTable,
    Result,
    Seen,
    Shares,
    Tally,
    percent,
    percent_of,
)
from tinnhiem.rules.ast import Resolved
from tinnhiem.rules.describe import TURNOUT_WORDS
from tinnhiem.rules.messages import say

from .atomic import OutputError, PathLike, atomic_text, check_target, write_bytes, write_text
from .document import results_document
from .streams import PRETTY_PEOPLE, versioned, write_csv, write_json

FORMATS = ("csv", "json", "toml", "md", "xlsx")

BASIS_LABELS = TURNOUT_WORDS  # the Vietnamese name of each count that can be the basis
# the exports are Vietnamese documents; a status in the same words as the CLI's and the TUI's
STATUS_LABELS = {
    status: say("vi", f"status.{status}") for status in ("evaluated", "exempt", "invalid")
}


@dataclass(frozen=True, slots=True)
class Percent:
    """A share to be shown as a percentage: "90.10" in text, a 0.00% number cell in XLSX."""

    share: Fraction

    def __str__(self) -> str:
        return percent(self.share)


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table of an output: a title (a sheet name in XLSX, a heading in Markdown)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]


# --- the tables of an evaluation -------------------------------------------------------------


class ResultsLayout:
    """The columns of the per-person table, with Vietnamese headers, as the official result is
    laid out; known before the first result (from the tallies), so that rows can be streamed."""

    def __init__(self, ruleset: Resolved, tallies: Iterable[Tally], kinds: Iterable[str]) -> None:
        self.ruleset = ruleset
        self.levels = ruleset.levels.levels
        seen = Seen.of(tallies if isinstance(tallies, Sequence) else tuple(tallies))
        self.with_group = "group" in seen.filled
        self.with_round = len(seen.rounds) > 1 or "round" in seen.filled
        kinds = set(kinds) or {ruleset.basis.kind}
        basis = "Cơ sở tính tỷ lệ"
        if len(kinds) == 1:
            basis += f" ({BASIS_LABELS.get(next(iter(kinds)), next(iter(kinds)))})"
        headers = ["STT", "Mã", "Họ và tên", "Chức vụ"]  # "Mã": the id, read back by the readers
        headers += ["Nhóm"] * self.with_group + ["Đợt"] * self.with_round + [basis]
        for level in self.levels:
            headers += [level.label, f"{level.label} (%)"]
        headers += [block.label for block in ruleset.classifies] + ["Trạng thái", "Ghi chú"]
        self.headers = headers
        self.blocks = [block.id for block in ruleset.classifies]
        self.level_order = [level.id for level in self.levels]
        self.level_ids = set(self.level_order)

    def row(self, number: int, result: Result) -> list[object]:
        tally = result.tally
        row: list[object] = [number, tally.id, tally.name, tally.position]
        row += [tally.group] * self.with_group + [tally.round] * self.with_round
        row.append(result.basis_value)
        for level in self.levels:
            share = result.shares.get(level.id)
            row += [result.counts.get(level.id), Percent(share) if share is not None else None]
        labels = {verdict.block: verdict.label for verdict in result.verdicts}
        row += [labels.get(block) for block in self.blocks]
        row += [STATUS_LABELS.get(result.status, result.status), result.reason]
        return row

    def csv_cells(self, number: int, result: Result) -> list[str]:
        """`csv_row(self.row(number, result))`, a streamed CSV's row: for a result whose shares
        are its counts over its basis, each cell made straight as text (the percentages from
        the counts, no `Fraction` or `Percent` made); any other result the long way."""
        shares, counts, basis = result.shares, result.counts, result.basis_value
        if type(shares) is not Shares or shares.counts is not counts or type(basis) is not int:
            return csv_row(self.row(number, result))
        if basis <= 0 or counts.keys() != self.level_ids:
            return csv_row(self.row(number, result))
        tally = result.tally
        cell = _csv_cell
        row = [str(number), cell(tally.id), cell(tally.name), cell(tally.position)]
        if self.with_group:
            row.append(cell(tally.group))
        if self.with_round:
            row.append(cell(tally.round))
        row.append(str(basis))
        for level in self.level_order:
            n = counts[level]
            share = percent_of(n, basis) if type(n) is int else percent(shares[level])
            row += (cell(n), share)
        labels = {verdict.block: verdict.label for verdict in result.verdicts}
        row += [cell(labels.get(block)) for block in self.blocks]
        row += [cell(STATUS_LABELS.get(result.status, result.status)), cell(result.reason)]
        return row


def results_table(evaluation: Evaluation) -> Sheet:
    """The per-person table (see `ResultsLayout`)."""
    results = evaluation.results
    layout = ResultsLayout(
        evaluation.ruleset, (r.tally for r in results), {r.basis_kind for r in results}
    )
    rows = [layout.row(number, result) for number, result in enumerate(results, start=1)]
    return Sheet("Kết quả", layout.headers, rows)


def report_sheet(report: ReportTable, ruleset: Resolved) -> Sheet:
    """A summary table: people per class of each block, by a data column, with a total row."""
    by = {"group": "Nhóm", "unit": "Đơn vị", "position": "Chức vụ", "round": "Đợt"}
    # "rated" counts rows: people, or votes when the data holds several rounds of them
    headers = [by.get(report.by, report.by), say("vi", "report.rated")]
    columns: list[tuple[str, str]] = []
    for block_id in report.blocks:
        block = ruleset.block(block_id)
        for rule in block.rules if block else ():
            headers.append(f"{block.label}: {rule.label}" if block else rule.label)
            columns.append((block_id, rule.id))
    headers += [say("vi", "report.exempt"), say("vi", "report.invalid")]
    rows: list[list[object]] = []
    for row in (*report.rows, report.total):
        key = "Tổng cộng" if row is report.total else row.key
        cells: list[object] = [key, row.rated]
        cells += [row.counts.get(block, {}).get(klass, 0) for block, klass in columns]
        rows.append([*cells, row.exempt, row.invalid])
    return Sheet(report.title, headers, rows)


# --- cells -----------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text a spreadsheet would take for a formula, made plain text by a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _text(cell: object, *, decimal_comma: bool = False) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "có" if cell else "không"
    if isinstance(cell, Percent):
        text = percent(cell.share)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(cell, Fraction):
        return f"{cell.numerator}/{cell.denominator}"
    if isinstance(cell, dt.date) and decimal_comma:
        return cell.strftime("%d/%m/%Y")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def _plain(cell: object) -> Any:
    """A cell for JSON and TOML: numbers and booleans as they are, the rest as text."""
    if cell is None or isinstance(cell, bool | int | str):
        return cell
    if isinstance(cell, dt.date):
        return cell
    return _text(cell)


# --- formats ---------------------------------------------------------------------------------


def _csv(sheet: Sheet) -> str:
    out = io.StringIO()
    write_csv(out, csv_headers(sheet.headers), map(csv_row, sheet.rows), bom=False)
    return out.getvalue()


def csv_headers(headers: Sequence[str]) -> list[str]:
    return [neutralise(h) for h in headers]


def csv_row(row: Sequence[object]) -> list[str]:
    return [_csv_cell(c) for c in row]


def _csv_cell(cell: object) -> str:
    kind = type(cell)  # the common cells first, by exact type (a bool is not an int here)
    if kind is str:
        return neutralise(cell)  # type: ignore[arg-type]
    if kind is int:
        return str(cell)
    if kind is Percent:
        return percent(cell.share)  # type: ignore[attr-defined]
    if cell is None or isinstance(cell, bool | int | Decimal | Fraction | Percent | dt.date):
        return _text(cell)
    return neutralise(_text(cell))


def _md_cell(cell: object) -> str:
    text = _text(cell, decimal_comma=True)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


def _is_number(cell: object) -> bool:
    return isinstance(cell, int | Percent | Decimal) and not isinstance(cell, bool)


def _md_table(sheet: Sheet) -> list[str]:
    numeric = [
        bool(sheet.rows) and all(_is_number(r[i]) or r[i] is None for r in sheet.rows)
        for i in range(len(sheet.headers))
    ]
    lines = ["| " + " | ".join(_md_cell(h) for h in sheet.headers) + " |"]
    lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
    for row in sheet.rows:
        lines.append("| " + " | ".join(_md_cell(c) for c in row) + " |")
    return lines


def _md(sheets: Sequence[Sheet], title: str | None, notes: Sequence[str] = ()) -> str:
    lines: list[str] = [f"# {title}", ""] if title else []
    for index, sheet in enumerate(sheets):
        if index or not title:
            lines += [f"## {sheet.title}", ""]
        lines += [*_md_table(sheet), ""]
    if notes:
        lines += ["## Cảnh báo", ""] + [f"- {_md_cell(n)}" for n in notes] + [""]
    return "\n".join(lines)


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _shown(text: str) -> str:
    """What a workbook cannot hold (control characters) shown as their symbols, not dropped."""
    return _ILLEGAL.sub(lambda found: chr(0x2400 + ord(found[0])), text)


_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(title: str, taken: set[str]) -> str:
    base = _SHEET_NAME.sub(" ", title).strip()[:31] or "Bảng"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


def _xlsx(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.title, taken))
        ws.append([neutralise(_shown(h)) for h in sheet.headers])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        widths = [len(h) for h in sheet.headers]
        for r, row in enumerate(sheet.rows, start=2):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c)
                if isinstance(value, Percent):
                    cell.value = Decimal(percent(value.share)) / 100
                    cell.number_format = "0.00%"
                elif isinstance(value, bool | int | Decimal) or value is None:
                    cell.value = value
                elif isinstance(value, dt.date):
                    cell.value = value
                    cell.number_format = "dd/mm/yyyy"
                else:
                    cell.value = neutralise(_shown(_text(value)))
                    cell.data_type = "s"
                if c <= len(widths):
                    widths[c - 1] = max(widths[c - 1], len(_text(value)))
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[_letter(c)].width = min(width, 50) + 2
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


def _drop_none(value: Any) -> Any:
    """TOML has no null: keys whose value is None are left out."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def _records(sheet: Sheet) -> list[dict[str, Any]]:
    return [dict(zip(sheet.headers, map(_plain, row), strict=False)) for row in sheet.rows]


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _check_format(path: PathLike, fmt: str) -> None:
    if fmt not in FORMATS:
        raise OutputError(path, f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def write_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    path: PathLike,
    fmt: str,
    *,
    protect: Iterable[PathLike] = (),
    title: str = "Bảng",
) -> None:
    """Export any table: csv | json ({schema_version, title, rows}) | toml | md | xlsx."""
    _check_format(path, fmt)
    protect = tuple(protect)
    check_target(path, protect)
    sheet = Sheet(title, headers, rows)
    if fmt == "xlsx":
        write_bytes(path, _xlsx([sheet]), protect=protect)
    elif fmt == "csv":
        write_text(path, _csv(sheet), protect=protect, bom=True)
    elif fmt == "md":
        write_text(path, _md([sheet], None), protect=protect)
    elif fmt == "json":
        document = versioned({"title": title, "rows": _records(sheet)})
        text = json.dumps(document, ensure_ascii=False, indent=2, default=_json_default)
        write_text(path, text + "\n", protect=protect)
    else:
        write_text(path, tomli_w.dumps({"rows": _drop_none(_records(sheet))}), protect=protect)


def write_results(
    evaluation: Evaluation, path: PathLike, fmt: str, *, protect: Iterable[PathLike] = ()
) -> None:
    """Write an evaluation: csv (the per-person table), json/toml (the contract), md, xlsx.

    Markdown and XLSX also hold the summary reports and the warnings.
    """
    _check_format(path, fmt)
    protect = tuple(protect)
    check_target(path, protect)
    if fmt == "json":
        with atomic_text(path, protect=protect) as out:
            write_json(
                out,
                evaluation.ruleset,
                evaluation.results,
                lambda: (evaluation.reports, evaluation.warnings),
                pretty=len(evaluation.results) <= PRETTY_PEOPLE,
            )
        return
    if fmt == "toml":
        text = tomli_w.dumps(_drop_none(results_document(evaluation)))
        write_text(path, text, protect=protect)
        return
    main = results_table(evaluation)
    if fmt == "csv":
        write_text(path, _csv(main), protect=protect, bom=True)
        return
    sheets = [main] + [report_sheet(r, evaluation.ruleset) for r in evaluation.reports]
    notes = [w.render() for w in evaluation.warnings]
    if fmt == "md":
        write_text(path, _md(sheets, evaluation.ruleset.name, notes), protect=protect)
        return
    if notes:
        sheets.append(Sheet("Cảnh báo", ["Cảnh báo"], [[n] for n in notes]))
    write_bytes(path, _xlsx(sheets), protect=protect)
