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

import operator
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, compress, count, pairwise, repeat
from pathlib import Path
from typing import Any, cast

from tinnhiem.engine.collector import collector_paused
from tinnhiem.engine.model import DataIssue, Dataset, Origin, Scalar, Tally, new_tally
from tinnhiem.rules.messages import Message
from tinnhiem.rules.messages import message as msg

from .headers import (
    HeaderMatcher,
    any_totals_word,
    column_letter,
    display,
    is_totals_word,
    looks_like_level,
    normalise,
)
from .issues import Issues, fail
from .tabular import Table, cell_texts, is_blank, read_table
from .values import CellError, attribute_column, parse_count, shown
from .workbook import MAX_DIGITS

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
    return _NOUNS[kind].format(shown(n))


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
        raise fail(file, msg("tallies.no_rows"))
    issues = Issues(file)
    columns = _columns(table, matcher, issues)
    if not any(c.kind == "field" and c.key == "name" for c in columns):
        found = ", ".join(f'"{c.header}"' for c in columns if c.header) or msg("data.none")
        issues.error(msg("tallies.no_name_column", found=found), row=table.header_row)
    issues.check()
    if not table.rows:
        raise fail(file, msg("tallies.no_data_rows", row=table.header_row))
    if table.above:
        rows = ", ".join(map(str, table.above))
        issues.warn(
            msg("tallies.title_rows", row=table.header_row, rows=rows), row=table.header_row
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
    reader = _Rows(table, columns, issues)
    tallies = reader.read()
    issues.check()
    found_levels = tuple(dict.fromkeys(c.key for c in columns if c.kind == "level"))
    warnings = tuple(issues.warnings)
    headers = tuple(c.header for c in columns if c.header)
    return Dataset(
        file, tuple(tallies), found_levels, warnings, "tallies", tuple(reader.unclear), headers
    )


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
        if meaning is None and looks_like_level(header):
            issues.error(_not_a_level(header, matcher.levels), row=table.header_row, column=header)
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


def _not_a_level(header: str, levels: Mapping[str, str]) -> str:
    named = ", ".join(f'{level} "{label}"' for level, label in levels.items()) or "none"
    return (
        f'column "{display(header)}" looks like a level of the vote, but it is none of the levels '
        f"of the rules ({named}); name the column by the id or label of the level it counts, or, "
        "if the data counts a level of its own, give it an id as its header and add "
        "`map <id> -> <level>` to the rules; a column of something else (percentages) must go"
    )


class _Rows:
    """The rows of one table read into tallies, problems going to `issues`.

    The cells are first looked at column by column: field texts, counts, attributes, turnout
    figures that could disagree, people listed twice. A row in which that finds nothing to look at
    is built as it is; every other row goes through `one`, which checks everything and says what
    is wrong. Both give the same tally for a good row (a property test holds them to it).
    """

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
        rows = table.rows
        width = len(columns)
        lists = [cells for _, cells in rows]
        if rows and min(map(len, lists)) < width:  # every row as wide as the table
            for cells in lists:
                cells.extend([None] * (width - len(cells)))
        by_column = list(zip(*lists, strict=True))  # each column read in one pass from here on
        self.typed = {c.index: attribute_column(by_column[c.index]) for c in self.attrs}
        self.texts = {key: cell_texts(by_column[c.index]) for key, c in self.fields.items()}
        self.ids = self.texts.get("id") or [str(number) for number, _ in rows]
        self.names = self.texts["name"]
        blank = [""] * len(rows)
        self.more = tuple(self.texts.get(key, blank) for key in ("position", "group", "unit"))
        self.rounds = self.texts.get("round", blank)
        # who a row is, for people listed twice: texts are `display`ed, so `normalise` is casefold
        who = self.texts["id" if "id" in self.fields else "name"]
        self.keys = list(zip(map(str.casefold, who), map(str.casefold, self.rounds), strict=True))
        # counts column by column, None where a cell is not plain digits (`numbers` will say why)
        self.level_columns = [_quick_column(by_column[c.index]) for c in self.levels]
        self.turnout_columns = [_quick_column(by_column[c.index]) for c in self.turnout]
        self.quick_levels = _by_row(self.level_columns, len(rows))
        self.quick_turnout = _by_row(self.turnout_columns, len(rows))
        self.level_keys = tuple(c.key for c in self.levels)
        self.turnout_keys = tuple(c.key for c in self.turnout)
        self.by_kind = {c.key: c for c in self.turnout}
        self.origin_column = self.fields["name"].header
        self.seen: dict[tuple[str, str], tuple[int, str]] = {}
        self.pending: list[tuple[int, DataIssue]] = []
        self.short: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        self.unclear: list[DataIssue] = []
        # per distinct cell text: `is_totals_word`; if no cell is one, no row needs looking at
        self.totals: dict[str, bool] = {}
        counted = {  # columns of plain digits only: no totals label in them
            c.index
            for c, cells in zip(
                self.levels + self.turnout, self.level_columns + self.turnout_columns, strict=True
            )
            if None not in cells
        }
        self.any_totals = _any_totals([by_column[i] for i in range(width) if i not in counted])

    def read(self) -> list[Tally]:
        tallies: list[Tally] = []
        check = self.to_check()
        file, column = self.issues.file, self.origin_column
        level_keys, turnout_keys = self.level_keys, self.turnout_keys
        rows = zip(
            self.table.rows,
            self.ids,
            self.names,
            *self.more,
            self.rounds,
            self.quick_turnout,
            self.quick_levels,
            strict=True,
        )
        for position, (
            (number, cells),
            id_,
            name,
            job,
            group,
            unit,
            round_,
            turnout,
            counts,
        ) in enumerate(rows):
            if position in check:
                tally = self.one(position, number, cells)
                if self.pending:
                    self.flush()
                if tally is not None:
                    tallies.append(tally)
                continue
            tallies.append(  # `tally`, spelled out: this runs once per row
                new_tally(
                    id_,
                    name,
                    job,
                    group,
                    unit,
                    round_,
                    dict(zip(turnout_keys, turnout, strict=True)),
                    dict(zip(level_keys, counts, strict=True)),
                    self.attributes(position, number) if self.attrs else {},
                    Origin(file, number, column),
                )
            )
        self.warn_short()
        return tallies

    def to_check(self) -> set[int]:
        """The rows `one` must go through: those in which a look column by column finds a cell
        that is not plain, a figure that may disagree with another, or a person listed twice."""
        everything = range(len(self.table.rows))
        if self.any_totals:
            return set(everything)
        check: set[int] = set()
        for quick in (self.quick_turnout, self.quick_levels):
            if None in quick:
                check.update(compress(everything, map(operator.is_, quick, repeat(None))))
        for texts in (self.names, self.texts.get("id", ())):
            if "" in texts:
                check.update(position for position, text in enumerate(texts) if not text)
        for typed in self.typed.values():
            check.update(p for p, value in enumerate(typed) if isinstance(value, CellError))
        check |= self.suspects()
        keys = self.keys
        if len(set(keys)) < len(keys):
            times = Counter(keys)
            check.update(position for position, key in enumerate(keys) if times[key] > 1)
        return check

    def suspects(self) -> set[int]:
        """Rows in which `consistency` may find a problem or fewer votes than ballots.

        It finds none where the turnout figures given never grow along members, present,
        issued, collected, valid; valid + invalid is the ballots collected; and the levels add up
        to the last of those figures. Rows with a count that is not plain digits are left out:
        `to_check` takes them anyway.
        """
        figures = dict(zip(self.turnout_keys, self.turnout_columns, strict=True))
        if "invalid" in figures and ("valid" not in figures or "collected" not in figures):
            return set(range(len(self.table.rows)))  # a rare layout: every row is looked at
        chain = [figures[kind] for kind in reversed(_CAPS) if kind in figures]
        found: set[int] = set()
        for upper, lower in pairwise(chain):
            found.update(_where(operator.lt, upper, lower))
        if "invalid" in figures:
            ballots = _sums(zip(figures["valid"], figures["invalid"], strict=True))
            found.update(_where(operator.ne, ballots, figures["collected"]))
        if self.levels and chain:
            found.update(_where(operator.ne, _sums(self.quick_levels), chain[-1]))
        return found

    def one(self, position: int, number: int, cells: list[object]) -> Tally | None:
        """The tally of a row, every check made; None (with errors pending) if it has a problem."""
        if self.any_totals and self.totals_row(number, cells):
            return None
        if not self.names[position]:
            self.error(msg("tallies.no_name"), number, self.fields["name"])
        if "id" in self.fields and not self.ids[position]:
            self.error(msg("tallies.no_id"), number, self.fields["id"])
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
        attrs = self.attributes(position, number)
        if self.pending:
            return None
        self.consistency(number, turnout, counts)
        if self.duplicate(position, number) or self.pending:
            return None
        return self.tally(position, number, turnout, counts, attrs)

    def tally(
        self,
        position: int,
        number: int,
        turnout: dict[str, int],
        counts: dict[str, int],
        attrs: dict[str, Scalar],
    ) -> Tally:
        more = self.more
        return new_tally(
            self.ids[position],
            self.names[position],
            more[0][position],
            more[1][position],
            more[2][position],
            self.rounds[position],
            turnout,
            counts,
            attrs,
            Origin(self.issues.file, number, self.origin_column),
        )

    def attributes(self, position: int, number: int) -> dict[str, Scalar]:
        """The typed attributes of a row. A text cell that cannot be what it looks like is kept
        as written, its problem noted in `unclear` (an error if the rules read the column); any
        other cell without a type (a list in JSON) is an error pending."""
        attrs: dict[str, Scalar] = {}
        for column in self.attrs:
            typed = self.typed[column.index][position]
            if isinstance(typed, CellError):
                value = self.table.rows[position][1][column.index]
                if not isinstance(value, str):
                    self.error(typed.said, number, column)
                    continue
                origin = Origin(self.issues.file, number, column.header)
                self.unclear.append(DataIssue.of("error", typed.said, origin))
                attrs[column.key] = display(value)
            elif typed is not None:
                attrs[column.key] = typed
        return attrs

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

    def error(self, message: str | Message, number: int, column: Column) -> None:
        origin = Origin(self.issues.file, number, column.header)
        self.pending.append((column.index, DataIssue.of("error", message, origin)))

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
            if (
                isinstance(value, str)
                and value.isascii()
                and value.isdigit()
                and len(value) <= MAX_DIGITS
            ):
                found[column.key] = int(value)  # the common case, as `parse_count` reads it
            elif is_blank(value):
                blank.append(column)
            else:
                try:
                    found[column.key] = parse_count(value)
                except CellError as exc:
                    self.error(exc.said, number, column)
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

    def duplicate(self, position: int, number: int) -> bool:
        by_id = "id" in self.fields
        column = self.fields["id" if by_id else "name"]
        who = self.ids[position] if by_id else self.names[position]
        first, spelled = self.seen.setdefault(self.keys[position], (number, who))
        if first == number:
            return False
        person = f'id "{spelled}"' if by_id else f'"{spelled}"'
        if "round" in self.fields:
            round_text = self.rounds[position]
            where = (
                msg("tallies.in_round", round=round_text) if round_text else msg("tallies.no_round")
            )
            message: Message = msg(
                "tallies.twice_in", person=person, where=where, first=first, n=number
            )
        else:
            message = msg("tallies.twice", person=person, first=first, n=number)
        self.error(message, number, column)
        return True


def _any_totals(columns: list[tuple[object, ...]]) -> bool:
    """Whether any text cell of `columns` reads like the label of a totals row."""
    try:  # a text file: every cell is a string
        return any_totals_word(chain.from_iterable(columns))  # type: ignore[arg-type]
    except TypeError:
        return any_totals_word(c for c in chain.from_iterable(columns) if isinstance(c, str))


def _quick_column(cells: tuple[Any, ...]) -> list[int | None]:
    """The counts of a column where a cell holds plain digits (read as `parse_count` reads
    them), None where it does not: that row's counts need `_Rows.numbers`."""
    if all(cells) and _all_digits(cells) and max(map(len, cells)) <= MAX_DIGITS:
        return list(map(int, cells))  # the usual column: no cell to look at one by one
    return [
        int(v)
        if isinstance(v, str) and v.isascii() and v.isdigit() and len(v) <= MAX_DIGITS
        else None
        for v in cells
    ]


def _by_row(columns: list[list[int | None]], rows: int) -> list[tuple[int, ...] | None]:
    """The counts of each row, None for a row with a cell that is not plain digits."""
    if not columns:
        return [()] * rows
    by_row: list[Any] = list(zip(*columns, strict=True))
    if any(None in column for column in columns):
        by_row = [None if None in counts else counts for counts in by_row]
    return cast(list[tuple[int, ...] | None], by_row)


def _sums(rows: Iterable[Iterable[int | None] | None]) -> list[int | None]:
    """The sum of each row, None for a row that is None or holds one."""
    rows = list(rows)
    try:
        return list(map(sum, rows))  # type: ignore[arg-type]
    except TypeError:
        return [None if row is None or None in row else sum(row) for row in rows]  # type: ignore


def _where(
    test: Callable[[Any, Any], bool], left: list[int | None], right: list[int | None]
) -> Iterator[int]:
    """The positions where `test` holds between `left` and `right`, or either is None (the
    counts of that row are not plain digits: `to_check` takes the row anyway)."""
    try:
        holds = list(map(test, left, right))
    except TypeError:
        holds = [a is None or b is None or test(a, b) for a, b in zip(left, right, strict=True)]
    return compress(count(), holds)


def _all_digits(cells: Sequence[object]) -> bool:
    """Whether every cell is a string of the digits 0 to 9 (given that none is empty)."""
    try:
        joined = "".join(cells)  # type: ignore[arg-type]  # a TypeError if one is not a string
    except TypeError:
        return False
    return joined.isascii() and joined.isdigit()


def _parts(counts: dict[str, int]) -> str:
    """ "cao 20 + tn 15 + thap 3": the counts as a message shows them."""
    return " + ".join(f"{key} {n}" for key, n in counts.items())
