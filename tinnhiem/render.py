"""Plain-text renderings for the command line (rich tables); the TUI has its own widgets."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from rich.console import Console
from rich.table import Table

from tinnhiem.engine.compare import ClassMatrix, Comparison
from tinnhiem.engine.history import several_rounds
from tinnhiem.engine.model import Evaluation, ReportTable, Result, percent, percent_comma
from tinnhiem.engine.schedule import Coverage, VoteDate, unchecked_lines
from tinnhiem.engine.sweep import SweepResult
from tinnhiem.engine.words import plural, say
from tinnhiem.rules.ast import Resolved
from tinnhiem.rules.errors import printable

from . import plain_table, terminal
from .plain_table import Column

NARROW = 120  # below this width the people are listed one under the other, not in a table


def _width() -> int:
    """The terminal's width; COLUMNS when set (a pipe has no width of its own), else 200."""
    return shutil.get_terminal_size((200, 40)).columns


_SGR = re.compile(r"(\x1b\[[0-9;]*m)")  # the colour codes rich writes, and only those


def _console() -> Console:
    """A console as wide as the terminal, in colour when the terminal's choice says so."""
    on = terminal.colour()
    # no highlighting: the styles are the tables' own (bold headers, the total row)
    return Console(
        file=io.StringIO(),
        width=_width(),
        force_terminal=on,
        color_system="standard" if on else None,
        highlight=False,
        legacy_windows=False,
    )


def _console_text(*renderables: Any) -> str:
    console = _console()
    buffer = console.file
    for renderable in renderables:
        console.print(renderable)
    assert isinstance(buffer, io.StringIO)
    # the data's control characters (an ESC in a name) are shown as symbols before rich sees
    # the cells (it drops some, like BEL); this catches any left, keeping rich's colour codes
    return "".join(
        part if _SGR.fullmatch(part) else printable(part) for part in _SGR.split(buffer.getvalue())
    )


def results_table(evaluation: Evaluation, lang: str = "en") -> Table:
    title, columns, rows = _results_plain(evaluation, lang)
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap)
    for row in rows:
        table.add_row(*row)
    return table


def _results_plain(
    evaluation: Evaluation, lang: str = "en"
) -> tuple[str, list[Column], list[list[str]]]:
    """The title, the columns and the rows (text) of the per-person table; on data of several
    rounds of the same people, each row's round beside the name (else the rows of one person
    could not be told apart)."""
    ruleset = evaluation.ruleset
    rounds = several_rounds([result.tally for result in evaluation.results])
    columns = [
        Column(say(lang, "col.number"), "right"),
        Column(say(lang, "table.name"), no_wrap=True),
        *([Column(say(lang, "col.round"), no_wrap=True)] if rounds else []),
        Column(say(lang, "table.position")),
        Column(say(lang, "table.basis")),
    ]
    columns += [Column(printable(level.label), "right") for level in ruleset.levels.levels]
    columns += [Column(printable(block.label)) for block in ruleset.classifies]
    rows = []
    for number, result in enumerate(evaluation.results, 1):
        cells = list(map(printable, _result_cells(result, evaluation, lang)))
        if rounds:
            cells.insert(1, printable(result.tally.round))
        rows.append([str(number), *cells])
    return printable(ruleset.name), columns, rows


def _result_cells(result: Result, evaluation: Evaluation, lang: str = "en") -> list[str]:
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
            cells.append(f"{count} ({percent_comma(share)})")
    for block in ruleset.classifies:
        if result.status == "evaluated":
            verdict = next((v for v in result.verdicts if v.block == block.id), None)
            cells.append(verdict.label if verdict else "—")
        else:
            cells.append(f"{say(lang, f'status.{result.status}')}: {result.reason}")
    return cells


def report_table(report: ReportTable, evaluation: Evaluation, lang: str = "en") -> Table:
    ruleset = evaluation.ruleset
    table = Table(title=printable(report.title), title_justify="left")
    # the group's name wraps whole (folded only where a word is longer than the column)
    table.add_column(printable(report.by), overflow="fold", min_width=16)
    table.add_column(say(lang, "report.rated"), justify="right", overflow="fold")
    columns: list[tuple[str, str]] = []
    for block_id in report.blocks:
        block = ruleset.block(block_id)
        if block is None:
            continue
        for rule in block.rules:
            columns.append((block_id, rule.id))
            header = printable(f"{block.label}: {rule.label}")
            table.add_column(header, justify="right", overflow="fold")
    table.add_column(say(lang, "report.exempt"), justify="right", overflow="fold")
    table.add_column(say(lang, "report.invalid"), justify="right", overflow="fold")
    for row in (*report.rows, report.total):
        cells = [row.key, str(row.rated)]
        cells += [str(row.counts.get(b, {}).get(k, 0)) for b, k in columns]
        cells += [str(row.exempt), str(row.invalid)]
        table.add_row(*map(printable, cells), style="bold" if row is report.total else None)
    return table


def results_list(evaluation: Evaluation, width: int, lang: str = "en") -> str:
    """The people one under the other, each in a few wrapped lines: no line wider than `width`,
    and a name, a count or a percentage never broken."""
    import textwrap

    ruleset = evaluation.ruleset
    keep = str.maketrans(" ", "\u00a0")  # a no-break space inside an item while wrapping
    lines = [printable(ruleset.name)]
    rounds = several_rounds([result.tally for result in evaluation.results])
    for number, result in enumerate(evaluation.results, 1):
        cells = _result_cells(result, evaluation, lang)
        name, position, base, rest = cells[0], cells[1], cells[2], cells[3:]
        levels = ruleset.levels.levels
        counts = [f"{lv.label}: {c}" for lv, c in zip(levels, rest, strict=False)]
        classes = [
            f"{b.label}: {c}" for b, c in zip(ruleset.classifies, rest[len(levels) :], strict=False)
        ]
        # the data's control characters are shown as symbols, never sent to the terminal
        name = printable(name).translate(keep)
        head = f"{number}. {name}"
        head += f" · {printable(result.tally.round)}" if rounds else ""
        head += f" · {printable(position)}" if position else ""
        groups = [[head], [say(lang, "table.basis_is", value=base), *counts], classes]
        for items in groups:
            text = " · ".join(i if i is head else printable(i).translate(keep) for i in items)
            wrapped = textwrap.wrap(
                text,
                width=max(width, 20),
                initial_indent="" if items is groups[0] else "   ",
                subsequent_indent="   ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            lines += [w.replace("\u00a0", " ") for w in wrapped]
    return "\n".join(lines) + "\n"


def evaluation_text(evaluation: Evaluation, lang: str = "en") -> str:
    """The results and the reports no wider than the terminal: tables as rich draws them, at
    the speed of plain text (35,000 people: see `plain_table`); below `NARROW` columns the
    people are listed one under the other."""
    console = _console()
    if console.width < NARROW:
        people = results_list(evaluation, console.width, lang) + "\n"
    else:
        people = printable(plain_table.render(console, *_results_plain(evaluation, lang)))
    # a report has a row per group, not per person: rich draws it (headers wrapped by word)
    reports = (report_table(r, evaluation, lang) for r in evaluation.reports)
    return people + _console_text(*reports)


def simple_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    table = Table(title=printable(title), title_justify="left")
    for header in headers:
        table.add_column(printable(header))
    for row in rows:
        table.add_row(*(printable(str(c)) for c in row))
    return _console_text(table)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# --- compare -------------------------------------------------------------------------------


def _label(ruleset: Resolved, block: str, klass: str) -> str:
    found = ruleset.block(block)
    rule = next((r for r in found.rules if r.id == klass), None) if found else None
    return rule.label if rule else klass


def _share_text(shares: Mapping[str, Fraction], levels: Sequence[str]) -> str:
    return ", ".join(f"{lv} {percent_comma(shares[lv])}" for lv in levels if lv in shares)


def comparison_rows(comparison: Comparison, lang: str = "en") -> tuple[list[str], list[list[str]]]:
    a, b = comparison.a.ruleset, comparison.b.ruleset
    headers = [say(lang, "table.name"), say(lang, "table.position"), say(lang, "compare.block")]
    headers += [f"A: {a.name}", f"B: {b.name}"]
    headers += [say(lang, "compare.share_a"), say(lang, "compare.share_b")]
    rows = []
    for pair in comparison.changes:
        for block in pair.changed:
            rows.append(
                [
                    pair.tally.name,
                    pair.tally.position,
                    block,
                    _label(a, block, pair.classes_a[block]),
                    _label(b, block, pair.classes_b[block]),
                    _share_text(pair.shares_a, a.levels.ids),
                    _share_text(pair.shares_b, b.levels.ids),
                ]
            )
    return headers, rows


def matrix_rows(comparison: Comparison, matrix: ClassMatrix) -> tuple[list[str], list[list[str]]]:
    headers = [f"A \\ B ({matrix.block})", *matrix.columns]
    rows = [[row, *(str(matrix.count(row, col)) for col in matrix.columns)] for row in matrix.rows]
    return headers, rows


def comparison_text(comparison: Comparison, *, markdown: bool = False, lang: str = "en") -> str:
    a, b = comparison.a.ruleset, comparison.b.ruleset
    people = len(comparison.pairs)
    head = f"A: {a.name} ({a.path})\nB: {b.name} ({b.path})\n"
    head += plural(lang, "compare.changes_of", len(comparison.changes), total=people) + "\n"
    parts = [head]
    tables = [(say(lang, "compare.people"), *comparison_rows(comparison, lang))]
    tables += [
        (say(lang, "compare.matrix_of", block=m.block), *matrix_rows(comparison, m))
        for m in comparison.matrices
    ]
    for title, headers, rows in tables:
        if markdown:
            parts.append(f"\n## {title}\n\n" + markdown_table(headers, rows))
        else:
            parts.append(simple_table(title, headers, rows))
    return "".join(parts)


def comparison_document(comparison: Comparison) -> dict[str, Any]:
    a, b = comparison.a.ruleset, comparison.b.ruleset
    return {
        "a": {"name": a.name, "file": a.path},
        "b": {"name": b.name, "file": b.path},
        "people": len(comparison.pairs),
        "changes": [
            {
                "id": pair.tally.id,
                "name": pair.tally.name,
                "blocks": {
                    block: {"a": pair.classes_a[block], "b": pair.classes_b[block]}
                    for block in pair.changed
                },
                "shares_a": {k: str(v) for k, v in pair.shares_a.items()},
                "shares_b": {k: str(v) for k, v in pair.shares_b.items()},
            }
            for pair in comparison.changes
        ],
        "matrices": [
            {
                "block": m.block,
                "rows": list(m.rows),
                "columns": list(m.columns),
                "counts": [[m.count(r, c) for c in m.columns] for r in m.rows],
            }
            for m in comparison.matrices
        ],
    }


# --- schedule ------------------------------------------------------------------------------


Rows = list[list[object]]


def schedule_tables(
    ruleset: Resolved,
    term: tuple[int, int],
    votes: Sequence[VoteDate],
    people: Sequence[Coverage] | None,
    lang: str = "en",
) -> list[tuple[str, list[str], Rows]]:
    """The calendar, then (with data) each person's votes: (title, headers, rows) each."""
    rows: Rows = [[v.year, v.term_year, f"{v.month:02d}/{v.year}", v.meeting or ""] for v in votes]
    title = say(lang, "schedule.title", first=term[0], last=term[1], name=ruleset.name)
    words = ("schedule.year", "schedule.term_year", "schedule.month", "schedule.meeting")
    tables = [(title, [say(lang, w) for w in words], rows)]
    if people is not None:
        cover_rows: Rows = [
            [
                c.tally.name,
                c.tally.position,
                c.start.isoformat() if c.start else "—",
                c.end.isoformat() if c.end else "—",
                len(c.votes),
                ", ".join(str(v.year) for v in c.votes)
                or say(lang, "schedule.none" if c.in_term else "schedule.not_in_term"),
                c.longest_gap if c.in_term else "—",
                "; ".join(f"{vote.year}: {reason}" for vote, reason in c.exempted),
            ]
            for c in people
        ]
        keys = ["table.name", "table.position", "schedule.from", "schedule.to", "schedule.votes"]
        keys += ["schedule.years", "schedule.gap", "status.exempt"]
        headers = [say(lang, key) for key in keys]
        tables.append((say(lang, "schedule.coverage"), headers, cover_rows))
    return tables


def schedule_text(
    ruleset: Resolved,
    term: tuple[int, int],
    votes: Sequence[VoteDate],
    people: Sequence[Coverage] | None,
    *,
    markdown: bool = False,
    lang: str = "en",
) -> str:
    text = ""
    for title, headers, rows in schedule_tables(ruleset, term, votes, people, lang):
        if markdown:
            text += f"## {title}\n\n" + markdown_table(headers, rows) + "\n"
        else:
            text += simple_table(title, headers, rows)
    if people is not None:
        text += "\n".join(unchecked_lines(people, "vi" if lang == "vi" else "en"))
    return text


def schedule_document(
    votes: Sequence[VoteDate], people: Sequence[Coverage] | None
) -> dict[str, Any]:
    document: dict[str, Any] = {
        "votes": [
            {"year": v.year, "term_year": v.term_year, "month": v.month, "meeting": v.meeting}
            for v in votes
        ]
    }
    if people is not None:
        document["people"] = [
            {
                "id": c.tally.id,
                "name": c.tally.name,
                "start": c.start.isoformat() if c.start else None,
                "end": c.end.isoformat() if c.end else None,
                "in_term": c.in_term,
                "votes": [v.year for v in c.votes],
                "exempt": [{"year": v.year, "reason": reason} for v, reason in c.exempted],
                "not_checked": [
                    {"exemption": reason, "why": say("en", why[0], **why[1])}
                    for reason, why in c.unchecked
                ],
                "gaps_months": list(c.gaps),
                "longest_gap_months": c.longest_gap,
            }
            for c in people
        ]
    return document


# --- sweep ---------------------------------------------------------------------------------


def _pct(value: Fraction) -> str:
    return percent_comma(value)


def sweep_rows(
    result: SweepResult, *, marked: bool = True, lang: str = "en"
) -> tuple[str, list[str], Rows]:
    """(title, headers, rows): the current threshold marked `*` in its cell, or (for a file)
    in a column of its own."""
    classes = [result.labels.get(k, k) for k in result.classes]
    headers = [say(lang, "sweep.threshold_header"), *classes, say(lang, "sweep.flips_header")]
    if not marked:
        headers.insert(1, say(lang, "sweep.current"))
    rows: Rows = []
    for step in result.steps:
        flips = "; ".join(f"{f.tally.name}: {f.before} → {f.after}" for f in step.flips)
        current = step.value == result.original
        cells: list[object] = [_pct(step.value) + (" *" if current and marked else "")]
        if not marked:
            cells.append("*" if current else "")
        rows.append([*cells, *(step.counts.get(k, 0) for k in result.classes), flips])
    rule = f"{result.block}.{result.rule}"
    title = say(lang, "sweep.title", name=result.ruleset.name, rule=rule)
    return title, headers, rows


def sweep_text(result: SweepResult, *, markdown: bool = False, lang: str = "en") -> str:
    title, headers, rows = sweep_rows(result, lang=lang)
    if markdown:
        return f"## {title}\n\n" + markdown_table(headers, rows)
    return simple_table(title, headers, rows)


def sweep_document(result: SweepResult) -> dict[str, Any]:
    return {
        "ruleset": result.ruleset.name,
        "rule": f"{result.block}.{result.rule}",
        "original": str(result.original),
        "classes": list(result.classes),
        "exempt": result.exempt,
        "invalid": result.invalid,
        "steps": [
            {
                "value": str(step.value),
                "percent": percent(step.value),
                "counts": dict(step.counts),
                "flips": [
                    {"id": f.tally.id, "name": f.tally.name, "before": f.before, "after": f.after}
                    for f in step.flips
                ],
            }
            for step in result.steps
        ],
    }
