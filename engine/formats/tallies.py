"""Reading tallies: one row per person per vote, with turnout, level counts and attributes.

What is checked, each problem with its file, row and column, all of them at once:
- counts are whole numbers not below 0 ("1.234" and "12.5" are refused, with what was found);
- levels add up to no more than the valid ballots (else the ballots collected, issued, present,
  members, whichever the row gives first); fewer than the valid ballots (or those collected) is a
  warning, since a ballot may be invalid or blank for one person only (one warning per file and
  kind, listing the rows);
- collected <= issued <= present, nothing above members, valid + invalid = collected;
- a row gives every level or none (none: a person listed but not voted on, e.g. exempt);
- every row has a name, no person twice in one round, no totals row.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

from tinnhiem.engine.collector import collector_paused
from tinnhiem.engine.model import DataIssue, Dataset, Origin, Scalar, Tally

from .headers import HeaderMatcher, any_totals_word, column_letter, is_totals_word, normalise
from .issues import Issues, fail
from .tabular import Row, Table, cell_text, is_blank, read_table
from .values import CellError, attribute_column, parse_count

_NOUNS = {
    "members": "{} members",
    "present": "{} present",
    "issued": "{} ballots issued",
    "collected": "{} ballots collected",
    "valid": "{} valid ballots",
    "invalid": "{} invalid ballots",
}


_CAPS = ("valid", "collected", "issued", "present", "members")
MERGES_SHOWN = 10  # merged ranges named in the warning, then "and N more"


def amount(kind: str, n: int) -> str:
    """ "48 ballots collected", "47 members"."""
    return _NOUNS[kind].format(n)


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str
    kind: str  # "field", "turnout", "level", "attr" or "blank"
    key: str


def read_tallies(path: str | os.PathLike[str], levels: Mapping[str, str]) -> Dataset:
    """Tallies from CSV/TSV/TXT, XLSX, JSON or TOML; `DataError` with every problem found.

    `levels` maps the rule set's level ids to their labels; the levels of `KNOWN_LEVELS` are
    recognised as well.
    """
    with collector_paused():
        return _read(os.fspath(path), levels)


def _read(file: str, levels: Mapping[str, str]) -> Dataset:
    matcher = HeaderMatcher(levels)
    table = read_table(
        Path(file), file, pick_header=lambda cells: any(matcher.is_name(c) for c in cells)
    )
    if table.keyed and not table.rows:
        raise fail(file, "no rows: the list of rows is empty")
    issues = Issues(file)
    columns = _columns(table, matcher, issues)
    if not any(c.kind == "field" and c.key == "name" for c in columns):
        found = ", ".join(f'"{c.header}"' for c in columns if c.header) or "none"
        issues.error(
            'no name column: expected one of "name", "họ và tên", "họ tên"; '
            f"the columns found are {found}",
            row=table.header_row,
        )
    issues.check()
    if not table.rows:
        raise fail(file, f"no data rows below the header (row {table.header_row})")
    if table.above:
        rows = ", ".join(map(str, table.above))
        issues.warn(
            f"the header is row {table.header_row}; the rows above it ({rows}) were taken for a "
            "title and not read",
            row=table.header_row,
        )
    if table.merged:
        refs = [m.ref for m in table.merged]
        shown = ", ".join(refs[:MERGES_SHOWN])
        if len(refs) > MERGES_SHOWN:
            shown += f" and {len(refs) - MERGES_SHOWN} more"
        issues.warn(
            f"merged cells ({shown}) were read as the same value in every row they cover",
            row=table.merged[0].first,
        )
    tallies = _Rows(table, columns, issues).read()
    issues.check()
    found_levels = tuple(dict.fromkeys(c.key for c in columns if c.kind == "level"))
    return Dataset(file, tuple(tallies), found_levels, tuple(issues.warnings), "tallies")


def _columns(table: Table, matcher: HeaderMatcher, issues: Issues) -> list[Column]:
    width = max([len(table.header)] + [len(cells) for _, cells in table.rows])
    headers = table.header + [""] * (width - len(table.header))
    columns: list[Column] = []
    seen: dict[tuple[str, str], Column] = {}
    for index, header in enumerate(headers):
        if not header:
            first = next((n for n, c in table.rows if index < len(c) and not is_blank(c[index])), 0)
            if first:
                issues.error(
                    f"column {column_letter(index)} has no header (a blank or merged cell) but "
                    f"holds values, the first in row {first}; give every column its own header "
                    "in one row",
                    row=table.header_row,
                )
            columns.append(Column(index, "", "blank", ""))
            continue
        meaning = matcher.match(header)
        kind, key = meaning if meaning else ("attr", header)
        column = Column(index, header, kind, key)
        ident = (kind, normalise(key))
        if ident in seen:
            what = f"level {key}" if kind == "level" else key
            issues.error(
                f'this column and column "{seen[ident].header}" both mean {what}; keep one',
                row=table.header_row,
                column=header,
            )
        else:
            seen[ident] = column
        columns.append(column)
    return columns


class _Rows:
    """The rows of one table read into tallies, problems going to `issues`."""

    def __init__(self, table: Table, columns: Sequence[Column], issues: Issues) -> None:
        self.table = table
        self.issues = issues
        firsts: dict[tuple[str, str], Column] = {}
        for c in columns:
            firsts.setdefault((c.kind, normalise(c.key)), c)
        self.fields = {
            c.key: c for c in columns if c.kind == "field" and firsts[(c.kind, c.key)] is c
        }
        self.turnout = [c for c in columns if c.kind == "turnout" and firsts[(c.kind, c.key)] is c]
        self.levels = [c for c in columns if c.kind == "level" and firsts[(c.kind, c.key)] is c]
        self.attrs = [
            c for c in columns if c.kind == "attr" and firsts[(c.kind, normalise(c.key))] is c
        ]
        self.width = len(columns)
        for _, cells in table.rows:  # every row as wide as the table, so cells can be taken
            if len(cells) < self.width:
                cells.extend([None] * (self.width - len(cells)))
        self.typed = {
            c.index: attribute_column([_cell(cells, c.index) for _, cells in table.rows])
            for c in self.attrs
        }
        self.seen: dict[tuple[str, str], tuple[int, str]] = {}
        self.pending: list[tuple[int, DataIssue]] = []
        self.short: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        self.order = {c.header: c.index for c in columns}
        self.by_kind = {c.key: c for c in self.turnout}
        self.field_at = tuple((key, c.index) for key, c in self.fields.items())
        # per distinct cell text: `is_totals_word`, and `cell_text` of the fields' cells
        self.totals: dict[str, bool] = {}
        self.any_totals = _any_totals(table.rows)  # if not, no row needs looking at cell by cell
        # the counts of every row read at once, column by column; None where `numbers` must look
        self.quick_levels = _quick_counts(table.rows, self.levels)
        self.quick_turnout = _quick_counts(table.rows, self.turnout)
        self.level_keys = tuple(c.key for c in self.levels)
        self.turnout_keys = tuple(c.key for c in self.turnout)
        self.shown: dict[str, str] = {}

    def read(self) -> list[Tally]:
        tallies = []
        for position, row in enumerate(self.table.rows):
            tally = self.one(position, row)
            if self.pending:
                self.flush()
            if tally is not None:
                tallies.append(tally)
        self.warn_short()
        return tallies

    def one(self, position: int, row: Row) -> Tally | None:
        number, cells = row
        if self.any_totals and self.totals_row(number, cells):
            return None
        shown = self.shown
        texts: dict[str, str] = {}
        for key, at in self.field_at:
            value = cells[at]
            if isinstance(value, str):
                text = shown.get(value)
                if text is None:
                    text = shown[value] = cell_text(value)
            else:
                text = cell_text(value)
            texts[key] = text
        name_column = self.fields["name"]
        name = texts["name"]
        if not name:
            self.error("the row has no name", number, name_column)
        if "id" in self.fields and not texts["id"]:
            self.error(
                "the row has no id, though the file has an id column", number, self.fields["id"]
            )
        quick = self.quick_levels[position]
        if quick is None:
            counts, blank = self.numbers(self.levels, cells, number)
        else:
            counts, blank = dict(zip(self.level_keys, quick, strict=True)), []
        quick = self.quick_turnout[position]
        if quick is None:
            turnout, _ = self.numbers(self.turnout, cells, number)
        else:
            turnout = dict(zip(self.turnout_keys, quick, strict=True))
        if blank and len(blank) < len(self.levels):
            given = ", ".join(c.key for c in self.levels if c not in blank)
            self.error(
                f"counts are given for {given} but not for {', '.join(c.key for c in blank)}; "
                "write 0 where nobody chose a level",
                number,
                blank[0],
            )
        attrs: dict[str, Scalar] = {}
        for column in self.attrs:
            typed = self.typed[column.index][position]
            if isinstance(typed, CellError):
                self.error(typed.message, number, column)
            elif typed is not None:
                attrs[column.key] = typed
        if self.pending:
            return None
        self.consistency(number, turnout, counts)
        if self.duplicate(number, texts, name) or self.pending:
            return None
        get = texts.get
        return Tally(  # positional: this runs once per row
            get("id") or str(number),
            name,
            get("position", ""),
            get("group", ""),
            get("unit", ""),
            get("round", ""),
            turnout,
            counts,
            attrs,
            Origin(self.issues.file, number, name_column.header),
        )

    def totals_row(self, number: int, cells: list[object]) -> bool:
        """Whether a cell of the row reads like the label of a totals row (an error if so)."""
        totals = self.totals
        for index, value in enumerate(cells):
            if not isinstance(value, str):
                continue
            hit = totals.get(value)
            if hit is None:
                hit = totals[value] = is_totals_word(value)
            if hit:
                header = self.table.header[index] if index < len(self.table.header) else None
                self.issues.error(
                    f'this looks like a totals row ("{value.strip()}"), not a person; remove it: '
                    "tinnhiem adds up the counts itself",
                    row=number,
                    column=header or None,
                )
                return True
        return False

    def error(self, message: str, number: int, column: Column) -> None:
        origin = Origin(self.issues.file, number, column.header)
        self.pending.append((column.index, DataIssue("error", message, origin)))

    def flush(self) -> None:
        """The errors of a row, in the order of its columns."""
        self.issues.errors += [issue for _, issue in sorted(self.pending, key=lambda p: p[0])]
        self.pending.clear()

    def numbers(
        self, columns: Sequence[Column], cells: list[object], number: int
    ) -> tuple[dict[str, int], list[Column]]:
        """The counts of `columns` in a row (`cells` as wide as the table), and the blank ones."""
        found: dict[str, int] = {}
        blank: list[Column] = []
        for column in columns:
            value = cells[column.index]
            if isinstance(value, str) and value.isascii() and value.isdigit():
                found[column.key] = int(value)  # the common case, as `parse_count` reads it
            elif is_blank(value):
                blank.append(column)
            else:
                try:
                    found[column.key] = parse_count(value)
                except CellError as exc:
                    self.error(exc.message, number, column)
        return found, blank

    def consistency(self, number: int, turnout: dict[str, int], counts: dict[str, int]) -> None:
        columns = self.by_kind

        def error(message: str, kind: str) -> None:
            self.error(message, number, columns[kind])

        get = turnout.get
        members, present, issued = get("members"), get("present"), get("issued")
        collected, valid, invalid = get("collected"), get("valid"), get("invalid")
        if members is not None:
            for kind, n in (
                ("present", present),
                ("issued", issued),
                ("collected", collected),
                ("valid", valid),
                ("invalid", invalid),
            ):
                if n is not None and n > members:
                    error(f"{amount(kind, n)}, more than the {amount('members', members)}", kind)
        if issued is not None and present is not None and issued > present:
            error(f"{amount('issued', issued)}, more than the {present} present", "issued")
        if collected is not None and issued is not None and collected > issued:
            error(f"{amount('collected', collected)}, more than the {issued} issued", "collected")
        if collected is not None and valid is not None and invalid is not None:
            if valid + invalid != collected:
                error(
                    f"{valid} valid + {invalid} invalid = {valid + invalid} ballots, but "
                    f"{amount('collected', collected)}",
                    "collected",
                )
        elif collected is not None:
            for kind, n in (("valid", valid), ("invalid", invalid)):
                if n is not None and n > collected:
                    error(
                        f"{amount(kind, n)}, more than the {amount('collected', collected)}", kind
                    )
        if not counts:
            return
        total = sum(counts.values())
        cap: str | None = None
        for kind in _CAPS:
            if kind in turnout:
                cap = kind
                break
        if cap is not None and total > turnout[cap]:
            limit = amount(cap, turnout[cap])
            error(f"the levels add up to {total} ({_parts(counts)}), more than the {limit}", cap)
            return
        if valid is None and collected is not None and invalid is not None:
            expected, where = collected - invalid, "collected"
            if total > expected:
                error(
                    f"the levels add up to {total} ({_parts(counts)}), more than the "
                    f"{amount('valid', expected)} ({collected} collected − {invalid} invalid)",
                    where,
                )
                return
            kind = "valid"
        elif valid is not None:
            expected, where, kind = valid, "valid", "valid"
        elif collected is not None:
            expected, where, kind = collected, "collected", "collected"
        else:
            return
        if total < expected:
            self.short.setdefault((kind, columns[where].header), []).append(
                (number, total, expected)
            )

    def warn_short(self) -> None:
        """Levels adding up to fewer ballots than there are: one warning per kind, rows listed."""
        for (kind, column), rows in self.short.items():
            if kind == "valid":
                why = "were some ballots left blank for this person?"
            else:
                why = "invalid or blank ballots for this person? (the data gives no invalid count)"
            if len(rows) == 1:
                ((number, total, expected),) = rows
                self.issues.warn(
                    f"the levels add up to {total}, {expected - total} fewer than the "
                    f"{amount(kind, expected)}: {why}",
                    row=number,
                    column=column,
                )
                continue
            gaps = sorted({expected - total for _, total, expected in rows})
            by = f"{gaps[0]}" if len(gaps) == 1 else f"{gaps[0]} to {gaps[-1]}"
            what = "valid ballots" if kind == "valid" else "ballots collected"
            numbers = ", ".join(str(number) for number, _, _ in rows)
            self.issues.warn(
                f"in {len(rows)} rows ({numbers}) the levels add up to fewer than the {what} "
                f"(by {by}): {why.replace('this person', 'these people')}",
                column=column,
            )

    def duplicate(self, number: int, texts: dict[str, str], name: str) -> bool:
        by_id = "id" in self.fields
        column = self.fields["id" if by_id else "name"]
        who = texts["id"] if by_id else name
        round_text = texts.get("round", "")
        key = (normalise(who), normalise(round_text) if round_text else "")
        first, spelled = self.seen.setdefault(key, (number, who))
        if first == number:
            return False
        person = f'id "{spelled}"' if by_id else f'"{spelled}"'
        if "round" in self.fields:
            where = f'for round "{texts["round"]}"' if texts["round"] else "with no round"
            message = f"{person} is listed twice {where} (rows {first} and {number})"
        else:
            message = (
                f"{person} is listed twice (rows {first} and {number}); give each vote a round"
            )
        self.error(message, number, column)
        return True


def _any_totals(rows: Sequence[Row]) -> bool:
    """Whether any text cell of `rows` reads like the label of a totals row."""
    try:  # a text file: every cell is a string
        return any_totals_word(map("\x00".join, (cells for _, cells in rows)))
    except TypeError:
        return any_totals_word(v for _, cells in rows for v in cells if isinstance(v, str))


def _quick_counts(rows: Sequence[Row], columns: Sequence[Column]) -> list[tuple[int, ...] | None]:
    """Per row, the counts of `columns` if every cell holds plain digits (read as `parse_count`
    reads them), else None: that row's counts need `_Rows.numbers`."""
    if not columns:
        return [()] * len(rows)
    found: list[list[int | None]] = []
    every = True  # every cell of every column holds plain digits
    lists = [cells for _, cells in rows]
    for column in columns:
        cells: list[Any] = list(map(itemgetter(column.index), lists))
        if all(cells) and _all_digits(cells):  # the usual column: no cell to look at one by one
            found.append(list(map(int, cells)))
            continue
        every = False
        found.append(
            [int(v) if isinstance(v, str) and v.isascii() and v.isdigit() else None for v in cells]
        )
    by_row: list[Any] = list(zip(*found, strict=True))
    if not every:
        by_row = [None if None in counts else counts for counts in by_row]
    return cast(list[tuple[int, ...] | None], by_row)


def _all_digits(cells: list[object]) -> bool:
    """Whether every cell is a string of the digits 0 to 9 (given that none is empty)."""
    try:
        joined = "".join(cells)  # type: ignore[arg-type]  # a TypeError if one is not a string
    except TypeError:
        return False
    return joined.isascii() and joined.isdigit()


def _parts(counts: dict[str, int]) -> str:
    """ "cao 20 + tn 15 + thap 3": the counts as a message shows them."""
    return " + ".join(f"{key} {n}" for key, n in counts.items())


def _cell(cells: list[object], index: int) -> object:
    return cells[index] if index < len(cells) else None
