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
from pathlib import Path

from tinnhiem.engine.model import DataIssue, Dataset, Origin, Scalar, Tally

from .headers import HeaderMatcher, column_letter, is_totals_word, normalise
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
    file = os.fspath(path)
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
        self.typed = {
            c.index: attribute_column([_cell(cells, c.index) for _, cells in table.rows])
            for c in self.attrs
        }
        self.seen: dict[tuple[str, str], tuple[int, str]] = {}
        self.pending: list[tuple[int, DataIssue]] = []
        self.short: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        self.order = {c.header: c.index for c in columns}

    def read(self) -> list[Tally]:
        tallies = []
        for position, row in enumerate(self.table.rows):
            tally = self.one(position, row)
            self.flush()
            if tally is not None:
                tallies.append(tally)
        self.warn_short()
        return tallies

    def one(self, position: int, row: Row) -> Tally | None:
        number, cells = row
        for index, value in enumerate(cells):
            if isinstance(value, str) and is_totals_word(value):
                header = self.table.header[index] if index < len(self.table.header) else None
                self.issues.error(
                    f'this looks like a totals row ("{value.strip()}"), not a person; remove it: '
                    "tinnhiem adds up the counts itself",
                    row=number,
                    column=header or None,
                )
                return None
        name_column = self.fields["name"]
        name = cell_text(_cell(cells, name_column.index))
        if not name:
            self.error("the row has no name", number, name_column)
        texts = {key: cell_text(_cell(cells, c.index)) for key, c in self.fields.items()}
        if "id" in self.fields and not texts["id"]:
            self.error(
                "the row has no id, though the file has an id column", number, self.fields["id"]
            )
        counts = self.numbers(self.levels, cells, number)
        turnout = self.numbers(self.turnout, cells, number)
        blank = [c for c in self.levels if is_blank(_cell(cells, c.index))]
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
        return Tally(
            id=texts.get("id") or str(number),
            name=name,
            position=texts.get("position", ""),
            group=texts.get("group", ""),
            unit=texts.get("unit", ""),
            round=texts.get("round", ""),
            turnout=turnout,
            counts=counts,
            attrs=attrs,
            origin=Origin(self.issues.file, number, name_column.header),
        )

    def error(self, message: str, number: int, column: Column) -> None:
        origin = Origin(self.issues.file, number, column.header)
        self.pending.append((column.index, DataIssue("error", message, origin)))

    def flush(self) -> None:
        """The errors of a row, in the order of its columns."""
        self.issues.errors += [issue for _, issue in sorted(self.pending, key=lambda p: p[0])]
        self.pending.clear()

    def numbers(
        self, columns: Sequence[Column], cells: list[object], number: int
    ) -> dict[str, int]:
        found: dict[str, int] = {}
        for column in columns:
            value = _cell(cells, column.index)
            if is_blank(value):
                continue
            try:
                found[column.key] = parse_count(value)
            except CellError as exc:
                self.error(exc.message, number, column)
        return found

    def consistency(self, number: int, turnout: dict[str, int], counts: dict[str, int]) -> None:
        columns = {c.key: c for c in self.turnout}

        def error(message: str, kind: str) -> None:
            self.error(message, number, columns[kind])

        members = turnout.get("members")
        if members is not None:
            for kind in ("present", "issued", "collected", "valid", "invalid"):
                n = turnout.get(kind)
                if n is not None and n > members:
                    error(f"{amount(kind, n)}, more than the {amount('members', members)}", kind)
        present, issued = turnout.get("present"), turnout.get("issued")
        collected = turnout.get("collected")
        valid, invalid = turnout.get("valid"), turnout.get("invalid")
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
        parts = " + ".join(f"{key} {n}" for key, n in counts.items())
        cap = next((k for k in _CAPS if k in turnout), None)
        if cap is not None and total > turnout[cap]:
            limit = amount(cap, turnout[cap])
            error(f"the levels add up to {total} ({parts}), more than the {limit}", cap)
            return
        if valid is None and collected is not None and invalid is not None:
            expected, where = collected - invalid, "collected"
            if total > expected:
                error(
                    f"the levels add up to {total} ({parts}), more than the "
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
        key = (normalise(who), normalise(texts.get("round", "")))
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


def _cell(cells: list[object], index: int) -> object:
    return cells[index] if index < len(cells) else None
