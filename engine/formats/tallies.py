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
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from pathlib import Path
from typing import Any

from tinnhiem.engine.collector import collector_paused
from tinnhiem.engine.model import DataIssue, Dataset, Origin
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
from .tabular import Row, cell_texts, is_blank, open_table
from .tally_columns import ABSENT, Tallies, plain_counts
from .tally_rules import FIGURES, TOTAL, amount, expected, screen, short_warning
from .tally_rules import apply as failed_rules
from .values import CellError, attribute_column, parse_count
from .workbook import MAX_DIGITS

MERGES_SHOWN = 10  # merged ranges named in the warning, then "and N more"


__all__ = ["MERGES_SHOWN", "amount", "read_tallies"]


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
    table = open_table(
        Path(file), file, pick_header=lambda cells: any(matcher.is_name(c) for c in cells)
    )
    if table.keyed and not table.rows:
        raise fail(file, msg("tallies.no_rows"))
    columns = _columns(table.header, {}, matcher, None)
    store = _Store(table.header, columns)
    rows = iter(table.rows)
    while chunk := list(islice(rows, CHUNK_ROWS)):  # one pass; the rows are not kept
        store.add(chunk)
    issues = Issues(file)
    columns = _columns(table.header, store.blank_first, matcher, issues, table.header_row)
    if not any(c.kind == "field" and c.key == "name" for c in columns):
        found = ", ".join(f'"{c.header}"' for c in columns if c.header) or msg("data.none")
        issues.error(msg("tallies.no_name_column", found=found), row=table.header_row)
    issues.check()
    if not store.count:
        raise fail(file, msg("tallies.no_data_rows", row=table.header_row))
    if table.above:
        above = ", ".join(map(str, table.above))
        issues.warn(
            msg("tallies.title_rows", row=table.header_row, rows=above), row=table.header_row
        )
    if table.merged:
        refs = [m.ref for m in table.merged]
        shown: str | Message = ", ".join(refs[:MERGES_SHOWN])
        if len(refs) > MERGES_SHOWN:
            shown = msg("file.and_more", shown=shown, n=len(refs) - MERGES_SHOWN)
        issues.warn(msg("tallies.merged", shown=shown), row=table.merged[0].first)
    reader = _Rows(store, issues)
    reader.read()
    issues.check()
    found_levels = tuple(dict.fromkeys(c.key for c in columns if c.kind == "level"))
    warnings = tuple(issues.warnings)
    headers = tuple(c.header for c in columns if c.header)
    tallies = reader.tallies()
    return Dataset(file, tallies, found_levels, warnings, "tallies", tuple(reader.unclear), headers)


CHUNK_ROWS = 4096  # rows looked at column by column at a time


def _columns(
    header: list[str],
    blank_first: Mapping[int, int],
    matcher: HeaderMatcher,
    issues: Issues | None,
    row: int = 0,
) -> list[Column]:
    """The meaning of each column; with `issues`, what is wrong with the header said there
    (`blank_first`: the first row holding a value of each column without a header)."""
    width = max([len(header), *(index + 1 for index in blank_first)])
    headers = header + [""] * (width - len(header))
    columns: list[Column] = []
    seen: dict[tuple[str, str], Column] = {}
    for index, text in enumerate(headers):
        if not text:
            first = blank_first.get(index, 0)
            if first and issues is not None:
                letter = column_letter(index)
                issues.error(msg("tallies.no_header", column=letter, row=first), row=row)
            columns.append(Column(index, "", "blank", ""))
            continue
        meaning = matcher.match(text)
        if meaning is None and looks_like_level(text) and issues is not None:
            issues.error(_not_a_level(text, matcher.levels), row=row, column=text)
        kind, key = meaning if meaning else ("attr", text)
        column = Column(index, text, kind, key)
        ident = (kind, normalise(key))
        if ident in seen:
            what = msg("tallies.level", key=key) if kind == "level" else key
            if issues is not None:
                other = seen[ident].header
                said = msg("tallies.same_meaning", other=other, what=what)
                issues.error(said, row=row, column=text)
        else:
            seen[ident] = column
        columns.append(column)
    return columns


def _not_a_level(header: str, levels: Mapping[str, str]) -> Message:
    named = ", ".join(f'{level} "{label}"' for level, label in levels.items()) or msg("data.none")
    return msg("tallies.not_a_level", header=display(header), named=named)


SHARED = ("position", "group", "unit", "round")  # texts that repeat: kept once each


class _Store:
    """The rows of a table read once, a chunk at a time, into columns: counts in arrays, texts
    as `display`ed (those that repeat kept once), attributes as written (typed once all are
    read: a cell's type depends on its whole column). Of the other cells only what the checks
    need is kept: the first value under a column without a header, the first totals label of a
    row, and who each row is (a hash), to find people listed twice."""

    def __init__(self, header: list[str], columns: list[Column]) -> None:
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
        self.header = header
        self.width = len(header)
        self.blanks = [c.index for c in columns if c.kind == "blank"]
        self.counted = {c.index for c in self.turnout + self.levels}
        self.numbers = array("q")
        self.texts: dict[str, list[str]] = {key: [] for key in self.fields}
        self.shared: dict[str, str] = {}
        self.counts = {index: array("q") for index in self.counted}
        self.odd: dict[int, dict[int, object]] = {index: {} for index in self.counted}
        self.raw: dict[int, list[object]] = {c.index: [] for c in self.attrs}
        self.blank_first: dict[int, int] = {}
        self.totals: dict[int, tuple[int, str]] = {}  # position: column and text of the label
        self.hashes = array("q")
        self.count = 0

    def add(self, chunk: list[Row]) -> None:
        base, width = self.count, self.width
        numbers = [number for number, _ in chunk]
        rows = [cells if len(cells) == width else _fit(cells, width) for _, cells in chunk]
        by_column: list[Sequence[Any]] = list(zip(*rows, strict=True)) if width else []
        for number, cells in chunk:  # beyond the header: only whether a cell holds a value
            for index in range(width, len(cells)):
                if index not in self.blank_first and not is_blank(cells[index]):
                    self.blank_first[index] = number
        for index in self.blanks:
            if index < width and index not in self.blank_first:
                pairs = zip(numbers, by_column[index], strict=True)
                first = next((n for n, v in pairs if not is_blank(v)), 0)
                if first:
                    self.blank_first[index] = first
        for key, column in self.fields.items():
            texts = cell_texts(by_column[column.index])
            if key in SHARED:
                shared = self.shared
                self.texts[key] += [shared.setdefault(text, text) for text in texts]
            else:
                self.texts[key] += texts
        for index in self.counted:
            values, odd = plain_counts(by_column[index])
            self.counts[index] += values
            self.odd[index].update((base + position, cell) for position, cell in odd.items())
        for index, raw in self.raw.items():
            raw += by_column[index]
        self._totals(chunk, by_column, base)
        if "name" in self.fields:
            self._who(len(chunk), base)
        self.numbers += array("q", numbers)
        self.count += len(chunk)

    def _totals(self, chunk: list[Row], by_column: list[Sequence[Any]], base: int) -> None:
        """The rows of the chunk with a cell that reads like a totals label, and that cell."""
        texts: list[str] = []
        for index, cells in enumerate(by_column):
            if index not in self.counted:
                texts += (cell for cell in cells if type(cell) is str)
        for index in self.counted:
            odd = self.odd[index]
            texts += (cell for cell in odd.values() if type(cell) is str)
        texts += (c for _, cells in chunk for c in cells[self.width :] if type(c) is str)
        if not any_totals_word(texts):
            return
        for position, (_, cells) in enumerate(chunk):
            for index, value in enumerate(cells):
                if isinstance(value, str) and is_totals_word(value):
                    self.totals[base + position] = (index, value)
                    break

    def _who(self, rows: int, base: int) -> None:
        who = self.texts["id" if "id" in self.fields else "name"]
        rounds = self.texts.get("round")
        self.hashes += array(
            "q",
            (
                hash((who[p].casefold(), rounds[p].casefold() if rounds else ""))
                for p in range(base, base + rows)
            ),
        )

    def key(self, position: int) -> tuple[str, str]:
        """Who a row is, for people listed twice: texts are `display`ed, so `normalise` is
        casefold."""
        who = self.texts["id" if "id" in self.fields else "name"][position]
        rounds = self.texts.get("round")
        return who.casefold(), rounds[position].casefold() if rounds else ""

    def twice(self) -> set[int]:
        """The rows of people listed more than once."""
        ordered = sorted(self.hashes)
        same = {a for a, b in pairwise(ordered) if a == b}
        if not same:
            return set()
        maybe = [p for p, h in enumerate(self.hashes) if h in same]
        times = Counter(map(self.key, maybe))
        return {p for p in maybe if times[self.key(p)] > 1}


def _fit(cells: list[Any], width: int) -> list[Any]:
    """A row as wide as the header (a new list: the table's own is left as it is)."""
    return cells[:width] if len(cells) > width else cells + [None] * (width - len(cells))


class _Rows:
    """The checks of the rows of a `_Store`, problems going to `issues`.

    The columns are first looked at whole: counts that are not plain digits, missing names,
    attributes that cannot be typed, totals labels, the consistency rules (`tally_rules`), people
    listed twice. A row in which that finds nothing is good as it is; every other row goes
    through `one`, which checks everything and says what is wrong (a property test holds both
    to the same tallies and messages).
    """

    def __init__(self, store: _Store, issues: Issues) -> None:
        self.store = store
        self.issues = issues
        self.by_kind = {c.key: c for c in store.turnout}
        self.typed: dict[int, list[Any]] = {}
        self.cells: dict[int, dict[int, object]] = {}  # attribute cells that cannot be typed
        for c in store.attrs:
            raw = store.raw.pop(c.index)
            typed = self.typed[c.index] = attribute_column(raw)
            self.cells[c.index] = {
                p: raw[p] for p, value in enumerate(typed) if isinstance(value, CellError)
            }
        self.exact: dict[int, tuple[dict[str, int], dict[str, int]]] = {}
        self.seen: dict[tuple[str, str], tuple[int, str]] = {}
        self.pending: list[tuple[int, DataIssue]] = []
        self.short: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        self.unclear: list[DataIssue] = []

    def __len__(self) -> int:
        return self.store.count

    def read(self) -> None:
        for position in sorted(self.to_check()):
            self.one(position)
            if self.pending:
                self.flush()
        for (kind, column), rows in self.short.items():
            message, row = short_warning(kind, rows)
            self.issues.warn(message, row=row, column=column)

    def to_check(self) -> set[int]:
        """The rows `one` must go through."""
        store = self.store
        check = set(store.totals)
        for odd in store.odd.values():
            check.update(odd)
        for key in ("name", "id"):
            texts = store.texts.get(key, ())
            if "" in texts:
                check.update(position for position, text in enumerate(texts) if not text)
        for cells in self.cells.values():
            check.update(cells)
        figures: dict[str, Sequence[int]] = {c.key: store.counts[c.index] for c in store.turnout}
        if store.levels:
            levels = [store.counts[c.index] for c in store.levels]
            figures[TOTAL] = list(map(sum, zip(*levels, strict=True)))
        check.update(screen(figures, store.count))
        return check | store.twice()

    def one(self, position: int) -> None:
        """Every check of a row; errors go to `pending`."""
        store = self.store
        number = store.numbers[position]
        if position in store.totals:
            self.totals_row(number, *store.totals[position])
            return
        if not store.texts["name"][position]:
            self.error(msg("tallies.no_name"), number, store.fields["name"])
        if "id" in store.fields and not store.texts["id"][position]:
            self.error(msg("tallies.no_id"), number, store.fields["id"])
        counts, blank, odd = self.numbers(store.levels, position, number)
        turnout, _, odd_turnout = self.numbers(store.turnout, position, number)
        if blank and len(blank) < len(store.levels):
            given = ", ".join(c.key for c in store.levels if c not in blank)
            missing = ", ".join(c.key for c in blank)
            self.error(msg("tallies.some_blank", given=given, blank=missing), number, blank[0])
        self.attributes(position, number)
        if self.pending:
            return
        self.consistency(number, turnout, counts)
        if self.duplicate(position, number) or self.pending:
            return
        if odd or odd_turnout:
            self.exact[position] = (turnout, counts)

    def numbers(
        self, columns: Sequence[Column], position: int, number: int
    ) -> tuple[dict[str, int], list[Column], bool]:
        """The counts of `columns` in a row, the blank ones, and whether any was not plain."""
        found: dict[str, int] = {}
        blank: list[Column] = []
        odd = False
        for column in columns:
            value: Any = self.store.counts[column.index][position]
            if value != ABSENT:
                found[column.key] = value
                continue
            odd = True
            value = self.store.odd[column.index][position]
            if (
                isinstance(value, str)
                and value.isascii()
                and value.isdigit()
                and len(value) <= MAX_DIGITS
            ):
                found[column.key] = int(value)  # as `parse_count` reads it
            elif is_blank(value):
                blank.append(column)
            else:
                try:
                    found[column.key] = parse_count(value)
                except CellError as exc:
                    self.error(exc.said, number, column)
        return found, blank, odd

    def attributes(self, position: int, number: int) -> None:
        """A text cell that cannot be what it looks like is kept as written, its problem noted
        in `unclear` (an error if the rules read the column); any other cell without a type (a
        list in JSON) is an error pending."""
        for column in self.store.attrs:
            typed = self.typed[column.index]
            found = typed[position]
            if isinstance(found, CellError):
                value = self.cells[column.index][position]
                if not isinstance(value, str):
                    self.error(found.said, number, column)
                    continue
                origin = Origin(self.issues.file, number, column.header)
                self.unclear.append(DataIssue.of("error", found.said, origin))
                typed[position] = display(value)

    def totals_row(self, number: int, index: int, value: str) -> None:
        header = self.store.header[index] if index < len(self.store.header) else None
        said = msg("tallies.totals_row", value=value.strip())
        self.issues.error(said, row=number, column=header or None)

    def error(self, message: str | Message, number: int, column: Column) -> None:
        origin = Origin(self.issues.file, number, column.header)
        self.pending.append((column.index, DataIssue.of("error", message, origin)))

    def flush(self) -> None:
        """The errors of a row, in the order of its columns."""
        self.issues.errors += [issue for _, issue in sorted(self.pending, key=lambda p: p[0])]
        self.pending.clear()

    def consistency(self, number: int, turnout: dict[str, int], counts: dict[str, int]) -> None:
        total = sum(counts.values()) if counts else None
        figures = (*(turnout.get(kind) for kind in FIGURES), total)
        for rule in failed_rules(figures):
            if rule.short:
                found = expected(figures)
                assert found is not None and total is not None
                wanted, kind, where = found
                key = (kind, self.by_kind[where].header)
                self.short.setdefault(key, []).append((number, total, wanted))
            else:
                self.error(rule.say(figures, counts), number, self.by_kind[rule.blame(figures)])

    def duplicate(self, position: int, number: int) -> bool:
        store = self.store
        by_id = "id" in store.fields
        column = store.fields["id" if by_id else "name"]
        who = store.texts["id" if by_id else "name"][position]
        first, spelled = self.seen.setdefault(store.key(position), (number, who))
        if first == number:
            return False
        person: Message | str = msg("tallies.by_id", id=spelled) if by_id else f'"{spelled}"'
        if "round" in store.fields:
            round_text = store.texts["round"][position]
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

    def tallies(self) -> Tallies:
        """The tallies of a file read without an error, made when they are asked for."""
        store = self.store
        texts = store.texts
        return Tallies(
            self.issues.file,
            store.fields["name"].header,
            store.numbers,
            (texts.get("id", []), texts["name"], *(texts.get(key, []) for key in SHARED)),
            {c.key: store.counts[c.index] for c in store.turnout},
            {c.key: store.counts[c.index] for c in store.levels},
            {c.key: self.typed[c.index] for c in store.attrs},
            self.exact,
        )
