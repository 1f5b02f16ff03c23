"""Results as an official appendix ("Phụ lục"): a Word document and a printable HTML page.

The layout offices file: a title, the rule set and the document it comes from, the table of
people grouped by `group` with a total row per group and for all, each `report` of the rule set,
and the date. Times New Roman 13, the font of administrative documents (it has every Vietnamese
letter); landscape A4, since the table is wide.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tinnhiem.engine.history import ids_name_people, person_key, several_rounds
from tinnhiem.engine.model import Evaluation, Result, percent_comma

from .atomic import PathLike, check_target, write_bytes
from .writers import STATUS_LABELS, report_sheet

FONT = "Times New Roman"
SIZE = 13  # points
TITLE = "PHỤ LỤC"
HEADING = "KẾT QUẢ LẤY PHIẾU TÍN NHIỆM"
NO_GROUP = "(không ghi nhóm)"


@dataclass(frozen=True, slots=True)
class Block:
    """A table of the document: its heading, its header row, and rows; `kinds` marks each row
    "group" (a heading across the table), "total" (bold) or "" (a person)."""

    heading: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    kinds: Sequence[str]


def date_line(day: dt.date) -> str:
    return f"Ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _person(number: int, result: Result, evaluation: Evaluation, rounds: bool) -> list[str]:
    ruleset = evaluation.ruleset
    row = [str(number), result.tally.name]
    row += [result.tally.round] if rounds else []
    row.append(result.tally.position)
    for level in ruleset.levels.levels:
        count = result.counts.get(level.id)
        share = result.shares.get(level.id)
        row.append("" if count is None else str(count))
        row.append("" if share is None else percent_comma(share))
    for block in ruleset.classifies:
        verdict = next((v for v in result.verdicts if v.block == block.id), None)
        if verdict is not None:
            row.append(verdict.label)
        else:
            status = STATUS_LABELS.get(result.status, result.status)
            row.append(f"{status}: {result.reason}" if result.reason else status)
    return row


def results_block(evaluation: Evaluation) -> Block:
    """The people, by group in the order of the data, each group closed by its total. Data of
    several rounds of the same people: a row a vote, with its round, the totals counting votes
    and people apart."""
    ruleset = evaluation.ruleset
    tallies = [r.tally for r in evaluation.results]
    rounds = several_rounds(tallies)
    by_id = ids_name_people(tallies) if rounds else False
    headers = ["STT", "Họ và tên", *(["Đợt"] if rounds else []), "Chức vụ"]
    for level in ruleset.levels.levels:
        headers += [f"{level.label} (số phiếu)", f"{level.label} (%)"]
    headers += [block.label for block in ruleset.classifies]
    groups: dict[str, list[Result]] = {}
    for result in evaluation.results:
        groups.setdefault(result.tally.group, []).append(result)
    rows: list[list[str]] = []
    kinds: list[str] = []
    width = len(headers)
    number = 0
    grouped = len(groups) > 1 or "" not in groups
    for group, members in groups.items():
        if grouped:
            rows.append([group or NO_GROUP] + [""] * (width - 1))
            kinds.append("group")
        for result in members:
            number += 1
            rows.append(_person(number, result, evaluation, rounds))
            kinds.append("")
        if grouped:
            rows.append(_total(f"Cộng {group or NO_GROUP}", members, width, rounds, by_id))
            kinds.append("total")
    rows.append(_total("Tổng cộng", evaluation.results, width, rounds, by_id))
    kinds.append("total")
    return Block("Kết quả từng người", headers, rows, kinds)


def _total(
    label: str, results: Iterable[Result], width: int, rounds: bool = False, by_id: bool = False
) -> list[str]:
    """A total row: people (and, over several rounds, their votes), and how many were rated."""
    found = list(results)
    rated = sum(r.status == "evaluated" for r in found)
    if not rounds:
        return [label, f"{len(found)} người", f"{rated} được đánh giá"] + [""] * (width - 3)
    people = len({person_key(r.tally, by_id) for r in found})
    counted = f"{people} người, {len(found)} lượt"
    return [label, counted, f"{rated} lượt được đánh giá"] + [""] * (width - 3)


def report_blocks(evaluation: Evaluation) -> list[Block]:
    out = []
    for report in evaluation.reports:
        sheet = report_sheet(report, evaluation.ruleset)
        rows = [[str(c) for c in row] for row in sheet.rows]
        kinds = [""] * (len(rows) - 1) + ["total"]
        out.append(Block(report.title, list(sheet.headers), rows, kinds))
    return out


def blocks(evaluation: Evaluation) -> list[Block]:
    return [results_block(evaluation), *report_blocks(evaluation)]


def _sources(evaluation: Evaluation) -> list[str]:
    ruleset = evaluation.ruleset
    lines = [f"Bộ quy tắc: {ruleset.name}"]
    lines += [f"Căn cứ: {source}" for source in ruleset.sources]
    return lines


# --- Word ------------------------------------------------------------------------------------


def docx_bytes(evaluation: Evaluation, day: dt.date) -> bytes:
    import io

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(SIZE)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))

    def line(text: str, *, bold: bool = False, center: bool = False, italic: bool = False) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    line(TITLE, bold=True, center=True)
    line(HEADING, bold=True, center=True)
    for text in _sources(evaluation):
        line(text, center=True, italic=text.startswith("Căn cứ"))
    for block in blocks(evaluation):
        line(block.heading, bold=True)
        table = document.add_table(rows=1, cols=len(block.headers))
        table.style = "Table Grid"
        _fill(table.rows[0].cells, block.headers, bold=True)
        for row, kind in zip(block.rows, block.kinds, strict=True):
            cells = table.add_row().cells
            if kind == "group":
                _fill([cells[0].merge(cells[-1])], row[:1], bold=True)
            else:
                _fill(cells, row, bold=kind == "total")
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(date_line(day)).italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(cells: Sequence[Any], texts: Sequence[str], *, bold: bool) -> None:
    """Word table cells given their texts (an empty text has no run to make bold)."""
    for cell, text in zip(cells, texts, strict=True):
        cell.text = text
        if bold and cell.paragraphs[0].runs:
            cell.paragraphs[0].runs[0].bold = True


def write_docx(
    evaluation: Evaluation,
    path: PathLike,
    *,
    protect: Iterable[PathLike] = (),
    day: dt.date | None = None,
) -> None:
    _write(path, protect, lambda: docx_bytes(evaluation, day or dt.date.today()))


def _write(path: PathLike, protect: Iterable[PathLike], render: Callable[[], bytes]) -> None:
    """Refuse a protected or unwritable target before the document is made, then write it."""
    protect = tuple(protect)
    check_target(path, protect)
    write_bytes(path, render(), protect=protect)


# --- HTML ------------------------------------------------------------------------------------

_CSS = f"""
body {{ font-family: "{FONT}", serif; font-size: {SIZE}pt; margin: 1.5cm; }}
h1, h2 {{ text-align: center; font-size: {SIZE}pt; margin: 0.2em 0; }}
p.source {{ text-align: center; margin: 0.1em 0; }}
h3 {{ font-size: {SIZE}pt; margin-top: 1.2em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #000; padding: 2px 4px; vertical-align: top; }}
tr.group td {{ font-weight: bold; background: #eee; }}
tr.total td {{ font-weight: bold; }}
p.date {{ text-align: right; font-style: italic; margin-top: 1.5em; }}
@page {{ size: A4 landscape; margin: 1.5cm; }}
@media print {{ body {{ margin: 0; }} tr {{ page-break-inside: avoid; }} }}
"""


def html_text(evaluation: Evaluation, day: dt.date) -> str:
    """One self-contained page (no script, no link, no image), to share and to print."""

    def e(text: Any) -> str:
        return html.escape(str(text))

    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>{e(TITLE)}: {e(evaluation.ruleset.name)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(TITLE)}</h1>",
        f"<h2>{e(HEADING)}</h2>",
    ]
    parts += [f'<p class="source">{e(text)}</p>' for text in _sources(evaluation)]
    for block in blocks(evaluation):
        parts.append(f"<h3>{e(block.heading)}</h3><table><thead><tr>")
        parts += [f"<th>{e(h)}</th>" for h in block.headers]
        parts.append("</tr></thead><tbody>")
        for row, kind in zip(block.rows, block.kinds, strict=True):
            if kind == "group":
                parts.append(f'<tr class="group"><td colspan="{len(block.headers)}">')
                parts.append(f"{e(row[0])}</td></tr>")
                continue
            parts.append(f'<tr class="{kind}">' if kind else "<tr>")
            parts += [f"<td>{e(c)}</td>" for c in row]
            parts.append("</tr>")
        parts.append("</tbody></table>")
    parts.append(f'<p class="date">{e(date_line(day))}</p></body></html>')
    return "\n".join(parts) + "\n"


def write_html(
    evaluation: Evaluation,
    path: PathLike,
    *,
    protect: Iterable[PathLike] = (),
    day: dt.date | None = None,
) -> None:
    _write(path, protect, lambda: html_text(evaluation, day or dt.date.today()).encode("utf-8"))
