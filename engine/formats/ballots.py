"""Reading ballots: one row per ballot, one column per person, tallied as the file streams by.

How a ballot counts for a person: it is valid for that person when the ballot is not void and
exactly one level is ticked for them; a ballot with no tick or several ticks for a person is
invalid for that person (and may still be valid for the others). A void ballot (the void column
holds x, có, yes, true, 1 or hủy) is invalid for everybody. `collected` is the number of ballots
(rows); an entirely empty row is not a ballot (a spreadsheet cannot tell it from no row): it is
skipped, with a warning that says how many were.

What a cell may hold is in `marks`; the counters are in `counting`.

The vote is secret: a column that could say who cast a ballot (a voter's name, id, signature,
contact) makes the whole file refused, and no value of that column is ever read.

Memory does not grow with the number of ballots: only per person counters of the distinct
cell texts are kept, folded into level counts whenever they grow. A UTF-8 CSV is read in
blocks of lines and counted column by column in C: by the codes of the texts already seen
(`coded`: no object per cell), else by `bytes.split`, slicing and `Counter`; a block that is
not plain (quotes, empty or short rows, void ballots) and the other formats go through `csv`
or openpyxl in batches of rows, each batch counted the same way when its rows are full.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import methodcaller
from pathlib import Path
from typing import Any

from tinnhiem.engine.model import KNOWN_LEVELS, DataError, DataIssue, Dataset, Origin, Tally
from tinnhiem.rules.messages import Message, message

from . import parallel
from .coded import Coder
from .counting import Count, Plan, mark_text, plan_columns
from .headers import HeaderMatcher, column_letter, display
from .issues import Issues, capped, check_size, fail
from .marks import Marks, void_word
from .tabular import (
    BALLOT_SHEETS,
    NUL_BYTES,
    Merge,
    Row,
    csv_problem,
    describe,
    keyed_rows,
    keys_list,
    kind_of,
    load_json,
    load_toml,
    not_utf8,
    read_bytes,
    sniff_delimiter,
    stray_error,
    xlsx_rows,
)
from .tallies import MERGES_SHOWN
from .tally_rules import figure
from .values import CellError, parse_count

BLOCK = 1 << 16  # bytes read at a time by the fast path (small blocks stay in the cache)
HEADER_BYTES = 1 << 20  # a header of one column per person is a few KB
CR_ONLY = message("file.cr_only")

_SIDECAR_KEYS = ("members", "present", "issued", "collected")


# --- sources ---------------------------------------------------------------------------------


@dataclass
class Source:
    """Where the rows of a ballot file come from, read once to count and again to find errors."""

    path: Path
    file: str
    kind: str
    header: list[str]
    header_row: int
    rows: list[Row] | None = None  # JSON and TOML, held in memory
    encoding: str = "utf-8-sig"
    delimiter: str = ","
    offset: int = 0  # where the rows start (UTF-8 text files, for the fast path)

    def generic(self) -> Iterator[Iterator[Row]]:
        """The rows one by one, as lists of texts (or values, from JSON/TOML/XLSX)."""
        if self.rows is not None:
            return iter([iter(self.rows)])
        if self.kind == "xlsx":
            return _xlsx_rows(self)
        return _text_rows(self)


def _xlsx_rows(source: Source) -> Iterator[Iterator[Row]]:
    with xlsx_rows(source.path, source.file, BALLOT_SHEETS, scan=False) as rows:  # done
        yield (row for row in rows if row[0] > source.header_row)


def _text_rows(source: Source) -> Iterator[Iterator[Row]]:
    with source.path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding=source.encoding, newline="")
        reader = csv.reader(text, delimiter=source.delimiter, strict=True)

        def rows() -> Iterator[Row]:
            number = 0
            try:
                for number, cells in enumerate(reader, start=1):
                    if number > source.header_row:
                        yield number, cells
            except UnicodeDecodeError:
                raise _locate_bad_bytes(source) from None
            except csv.Error as exc:
                raise fail(source.file, csv_problem(exc), row=number + 1) from None

        yield rows()


def _locate_bad_bytes(source: Source) -> DataError:
    """The first byte of a text file that is not UTF-8 (or UTF-16), read again block by block."""
    if source.encoding == "utf-16":
        return fail(source.file, message("file.not_utf16"))
    with source.path.open("rb") as raw:
        start, line = 0, 1
        while chunk := raw.read(BLOCK):
            chunk += raw.readline()
            try:
                chunk.decode("utf-8")
            except UnicodeDecodeError as exc:
                return not_utf8(source.file, chunk, exc.start, line_base=line, offset_base=start)
            start += len(chunk)
            line += chunk.count(b"\n")
    return fail(source.file, message("file.not_valid_utf8"))


def _open_text(path: Path, file: str) -> Source:
    """A text file's header, delimiter and encoding; the rows are read later."""
    with path.open("rb") as raw:
        head = raw.read(4)
        if not head:
            raise fail(file, message("file.empty"))
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raw.seek(0)
            text = io.TextIOWrapper(raw, encoding="utf-16", newline="")
            number, line = 0, ""
            try:
                for number, line in enumerate(text, start=1):  # noqa: B007
                    if line.strip():
                        break
                else:
                    raise fail(file, message("ballots.no_values"))
            except UnicodeDecodeError:
                raise fail(file, message("file.not_utf16")) from None
            delimiter = sniff_delimiter(line)
            header = _header_cells(line, delimiter, file, number)
            return Source(path, file, "text", header, number, None, "utf-16", delimiter)
        if head.startswith(b"PK\x03\x04"):
            raise fail(file, message("file.is_xlsx"))
        raw.seek(3 if head.startswith(codecs.BOM_UTF8) else 0)
        number = 0
        while True:
            start = raw.tell()
            data = raw.readline(HEADER_BYTES)
            if not data:
                raise fail(file, message("ballots.no_values"))
            number += 1
            if data.strip():
                break
        if b"\x00" in data:
            raise fail(file, NUL_BYTES)
        if b"\r" in data.removesuffix(b"\r\n"):
            raise fail(file, CR_ONLY, row=number)
        if not data.endswith(b"\n") and len(data) == HEADER_BYTES:
            said = message("ballots.long_header", kb=HEADER_BYTES // 1024)
            raise fail(file, said, row=number)
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise not_utf8(file, data, exc.start, line_base=number, offset_base=start) from None
        delimiter = sniff_delimiter(line)
        header = _header_cells(line, delimiter, file, number)
        return Source(path, file, "text", header, number, None, "utf-8-sig", delimiter, raw.tell())


def _header_cells(line: str, delimiter: str, file: str = "", row: int = 0) -> list[str]:
    try:
        cells = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
    except csv.Error as exc:
        raise fail(file, csv_problem(exc), row=row) from None
    return [display(c) for c in cells]


def _plain(chunk: bytes, width: int, delimiter: bytes) -> bytes | None:
    """A block of whole lines without its carriage returns, if it is plain: no quotes, no
    carriage return but before a newline, no empty row."""
    if b'"' in chunk:
        return None
    returns = chunk.count(b"\r")
    if returns and returns != chunk.count(b"\r\n"):
        return None
    empty = delimiter * (width - 1)
    for end in (b"\n", b"\r\n"):
        if chunk.startswith(empty + end) or (b"\n" + empty + end) in chunk:
            return None
    return chunk.translate(None, b"\r") if returns else chunk


def _plain_cells(block: bytes, delimiter: bytes, width: int) -> list[bytes] | None:
    """The cells of a plain block (see `_plain`), if every row has `width` cells.

    Each row is checked: a short row and a long one would make the right number of cells in
    all, each counted for the wrong person (the long row is an error, row by row)."""
    rows = block.split(b"\n")
    rows.pop()
    if list(map(methodcaller("count", delimiter), rows)).count(width - 1) != len(rows):
        return None
    cells = block.translate(_NEWLINE[delimiter]).split(delimiter)
    cells.pop()
    return cells


_NEWLINE = {d: bytes.maketrans(b"\n", d) for d in (b",", b";", b"\t")}


def _fast(
    source: Source,
    count: Count,
    start: int = 0,
    end: int = 0,
    codes: bool = True,
    *,
    whole_rows: bool = False,
) -> None:
    """Count a UTF-8 text file block by block; blocks that are not plain go row by row.

    Only the bytes from `start` to `end` if given (one range of `parallel`; its rows numbered as
    if it began the file). With `whole_rows`, raise `_NotCut` at a quote or a carriage return not
    followed by a newline: a newline might not end a row there.
    """
    delimiter = source.delimiter.encode()
    width = count.width
    void = count.plan.void
    number = source.header_row
    coder = Coder(delimiter, width)
    coder.off = not codes  # tests count the usual way to compare
    with source.path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        raw = parallel.Window(handle, start or source.offset, end or size)
        while True:
            start = raw.tell()
            chunk = raw.read(BLOCK)
            if not chunk:
                break
            if not chunk.endswith(b"\n"):
                chunk += raw.readline()
            if whole_rows and (
                b'"' in chunk or (b"\r" in chunk and chunk.count(b"\r") != chunk.count(b"\r\n"))
            ):
                raise _NotCut
            while b'"' in chunk and chunk.count(b'"') % 2:
                more = raw.readline()
                if not more:
                    break
                chunk += more
            if not chunk.endswith(b"\n"):
                chunk += b"\n"
            plain = _plain(chunk, width, delimiter)
            if plain is not None:
                lines = plain.count(b"\n")
                coded = coder.counts(plain) if coder.ready else None
                if coded is not None and (void is None or coded[void].keys() == {b""}):
                    count.columns(coded, lines)
                    number += lines
                    continue
                cells = _plain_cells(plain, delimiter, width)
                if cells is not None:
                    coder.learn(cells)
                    if void is None or cells[void::width].count(b"") == lines:
                        count.block(cells, lines)
                        number += lines
                        continue
            try:
                text = chunk.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise not_utf8(
                    source.file, chunk, exc.start, line_base=number + 1, offset_base=start
                ) from None
            reader = csv.reader(
                io.StringIO(text, newline=""), delimiter=source.delimiter, strict=True
            )
            rows: list[list[str]] = []
            try:
                rows.extend(reader)
            except csv.Error as exc:  # in the row after those read
                raise fail(source.file, csv_problem(exc), row=number + len(rows) + 1) from None
            count.many(number + 1, rows)
            number += len(rows)


# --- turnout ---------------------------------------------------------------------------------


@dataclass
class Turnout:
    numbers: dict[str, int] = field(default_factory=dict)
    round: str = ""
    unit: str = ""


def _turnout(table: object, file: str, prefix: str, toml: bool) -> Turnout:
    """`members`, `present`, `issued` (and `collected`, checked), `round`, `unit`."""
    if not isinstance(table, dict):
        what = prefix.rstrip(".") or message("ballots.the_turnout")
        said = message("ballots.turnout_shape", what=what, found=describe(table, toml))
        raise fail(file, said)
    matcher = HeaderMatcher({})
    found = Turnout()
    issues = Issues(file)
    for key, value in table.items():
        meaning = matcher.match(str(key))
        if meaning is not None and meaning[0] == "turnout" and meaning[1] in _SIDECAR_KEYS:
            try:
                found.numbers[meaning[1]] = parse_count(value)
            except CellError as exc:
                issues.error(message("data.keyed", prefix=prefix, key=key, error=exc.said))
        elif meaning in (("field", "round"), ("field", "unit")):
            setattr(found, meaning[1], mark_text(value).strip())
        else:
            known = ", ".join(_SIDECAR_KEYS)
            issues.error(message("ballots.unknown_key", key=f"{prefix}{key}", known=known))
    issues.check()
    return found


def _sidecar(path: Path) -> Turnout:
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    found = [
        p for p in (path.with_name(f"{stem}.turnout.{s}") for s in ("toml", "json")) if p.is_file()
    ]
    if len(found) > 1:
        said = message("ballots.two_sidecars", first=found[0].name, second=found[1].name)
        raise fail(str(found[1]), said)
    if not found:
        return Turnout()
    side = found[0]
    data = read_bytes(side, str(side))
    if side.suffix == ".toml":
        return _turnout(load_toml(data, str(side)), str(side), "", True)
    return _turnout(load_json(data, str(side)), str(side), "", False)


# --- reading ---------------------------------------------------------------------------------


def read_ballots(
    path: str | os.PathLike[str],
    levels: Mapping[str, str],
    *,
    turnout: Mapping[str, int] | None = None,
) -> Dataset:
    """Tallies made from a file of ballots (see the module's docstring for how they count).

    Turnout (members, present, issued) comes from `turnout`, else a `<stem>.turnout.toml` or
    `.json` beside the file, else the JSON/TOML form {"turnout": {...}, "ballots": [...]}.
    """
    file = os.fspath(path)
    where = Path(file)
    kind = kind_of(where, file)
    marks = Marks(levels)
    if kind in ("json", "toml"):
        source, given = _document(where, file, kind)
    else:
        given = _sidecar(where)
        source = _open_text(where, file) if kind == "text" else _open_xlsx(where, file)
    if turnout:
        given.numbers.update(turnout)
    plan = plan_columns(source.header, file, source.header_row)
    count = Count(plan, marks)
    if kind == "text" and source.encoding == "utf-8-sig":
        _count_text(source, count)
    else:
        for rows in source.generic():
            _batched(count, rows, convert=kind != "text")
    count.finish()
    if count.undecodable:
        raise _locate_bad_bytes(source)
    _check(source, plan, count, marks, given)
    return _dataset(file, plan, count, marks, given)


def _count_text(source: Source, count: Count) -> None:
    """A UTF-8 text file counted by one process, or on every core when it is big enough."""
    cores = parallel.workers()
    big = source.path.stat().st_size >= parallel.PARALLEL_BYTES
    ranges = parallel.split(source.path, source.offset, cores) if big and cores > 1 else []
    if ranges:
        job = (source, count.plan, count.marks)
        first, *others = parallel.in_processes(_count_range, job, ranges)
        if isinstance(first, tuple):  # the first range's error: where one process stops
            raise DataError(first)
        # a range that cannot be cut at newlines, or an error of a later range (whose rows are
        # numbered from its own start): one process counts the file (see `parallel`)
        if first is not None and all(isinstance(o, Count) and not o.errors for o in others):
            for part in (first, *others):
                parallel.merge(count, part)
            return
    _fast(source, count)


def _count_range(
    job: tuple[Source, Plan, Marks], start: int, end: int
) -> Count | tuple[DataIssue, ...] | None:
    """The counters of one range of the file (in a worker process), folded; or its error's
    issues (a DataError does not survive pickling: it is made again from them); or None when the
    range holds what may put a newline inside a row or end a row without one."""
    source, plan, marks = job
    count = Count(plan, marks)
    try:
        _fast(source, count, start, end, whole_rows=True)
    except _NotCut:
        return None
    except DataError as exc:
        return exc.issues
    count.tidy(force=True)
    return count


class _NotCut(Exception):
    """A range of the file holds a quote or a lone carriage return: it cannot be counted apart."""


def _batched(count: Count, rows: Iterable[Row], convert: bool, size: int = 4096) -> None:
    """Rows fed to `count` in batches of consecutive rows (a batch may go as one block)."""
    batch: list[list[Any]] = []
    first = 0
    for number, cells in rows:
        if batch and (number != first + len(batch) or len(batch) >= size):
            count.many(first, batch)
            batch = []
        if not batch:
            first = number
        batch.append([mark_text(c) for c in cells] if convert else cells)
    if batch:
        count.many(first, batch)


def _open_xlsx(path: Path, file: str) -> Source:
    merges: list[Merge] = []
    with xlsx_rows(path, file, BALLOT_SHEETS, merges) as rows:
        for number, cells in rows:
            if any(c not in ("", None) for c in cells):
                header = [display(mark_text(c)) for c in cells]
                while header and not header[-1]:
                    header.pop()
                _refuse_merges(file, merges, number)
                return Source(path, file, "xlsx", header, number)
    raise fail(file, message("ballots.no_values"))


def _refuse_merges(file: str, merges: list[Merge], header_row: int) -> None:
    """Cells merged over several ballots: whose mark is it? Neither guessed nor read as blank."""
    below = [m for m in merges if m.last > header_row]
    if not below:
        return
    refs: str | Message = ", ".join(m.ref for m in below[:MERGES_SHOWN])
    if len(below) > MERGES_SHOWN:
        refs = message("file.and_more", shown=refs, n=len(below) - MERGES_SHOWN)
    raise fail(file, message("ballots.merged", refs=refs), row=below[0].first)


def _document(path: Path, file: str, kind: str) -> tuple[Source, Turnout]:
    check_size(path, file, message("size.ballots", kind=kind.upper()))
    data = read_bytes(path, file)
    toml = kind == "toml"
    document = load_toml(data, file) if toml else load_json(data, file)
    if not isinstance(document, dict) or "ballots" not in document:
        keys = list(document) if isinstance(document, dict) else []
        shape = "[turnout] and [[ballots]]" if toml else '{"turnout": {...}, "ballots": [...]}'
        found = (
            message("ballots.the_keys", keys=keys_list(keys)) if keys else describe(document, toml)
        )
        raise fail(file, message("ballots.shape", shape=shape, found=found))
    items = document["ballots"]
    if not isinstance(items, list):
        raise fail(file, message("ballots.not_list", found=describe(items, toml)))
    header, rows, strays = keyed_rows(items, toml)
    if strays:
        raise stray_error(file, strays, toml)
    extra = [k for k in document if k not in ("ballots", "turnout")]
    if extra:
        raise fail(file, message("ballots.unknown_top_key", key=extra[0]))
    given = _turnout(document.get("turnout", {}), file, "turnout.", toml)
    skipped = len(items) - len(rows)
    source = Source(path, file, kind, [display(h) for h in header], 0, rows)
    if skipped:
        source.rows = [(0, [])] * skipped + rows  # counted as skipped empty rows
    return source, given


def _check(source: Source, plan: Plan, count: Count, marks: Marks, given: Turnout) -> None:
    file = source.file
    issues = Issues(file)
    for index in count.unnamed_with_marks():
        issues.error(message("ballots.no_header", column=column_letter(index)), row=plan.header_row)
    if count.collected == 0:
        if plan.header_row:
            issues.error(message("ballots.none_below", row=plan.header_row))
        else:
            issues.error(message("ballots.none"))
    numbers = given.numbers
    stated = numbers.get("collected")
    if stated is not None and stated != count.collected:
        given_said = figure("collected", stated)
        issues.error(message("ballots.turnout_differs", given=given_said, n=count.collected))
    collected = count.collected
    members, present, issued = (numbers.get(k) for k in ("members", "present", "issued"))
    if members is not None:
        for kind, n in (("present", present), ("issued", issued), ("collected", collected)):
            if n is not None and n > members:
                limit = figure("members", members)
                issues.error(message("rule.over", figure=figure(kind, n), limit=limit))
    if issued is not None and present is not None and issued > present:
        issues.error(message("rule.over_present", figure=figure("issued", issued), present=present))
    if issued is not None and collected > issued:
        issues.error(
            message(
                "ballots.rows_over_issued", figure=figure("collected", collected), issued=issued
            )
        )
    bad = any(person.bad for person in count.people.values())
    found = _find_bad_cells(source, plan, marks, count) if bad else []
    errors = sorted(
        count.errors + found, key=lambda i: (i.origin.row, _column_index(plan, i.origin.column))
    )
    more = count.more
    if errors or issues.errors:
        raise capped(issues.errors + errors, file, more)


def _column_index(plan: Plan, column: str | None) -> int:
    return plan.header.index(column) if column in plan.header else -1


def _find_bad_cells(source: Source, plan: Plan, marks: Marks, count: Count) -> list[DataIssue]:
    """One error per column holding cells that are not marks, by its header and letter only.

    A cell that is not a mark may be a voter's name: it is never shown, only counted, with the row
    of the first one (the file read again, up to the first bad cell of each such column).
    """
    bad = {index: person.bad for index, person in count.people.items() if person.bad}
    first: dict[int, int] = {}
    letters: dict[int, set[str]] = {index: set() for index in bad}
    for rows in source.generic():
        for number, cells in rows:
            void = plan.void
            if (
                void is not None
                and void < len(cells)
                and void_word(mark_text(cells[void])) is not False
            ):
                continue
            for index in bad:
                if index not in first and index < len(cells):
                    text = mark_text(cells[index])
                    if marks.ticks(text) is None:
                        first[index] = number
                        letters[index] = marks.ambiguous_letters(text)
            if len(first) == len(bad):
                break
        if len(first) == len(bad):
            break
    found = []
    for index, n in bad.items():
        how_many = message(f"ballots.cells.{'one' if n == 1 else 'other'}", n=n)
        where = message("ballots.first_in", row=first[index]) if index in first else ""
        not_marks = message(
            "ballots.not_marks",
            column=column_letter(index),
            how_many=how_many,
            where=where,
            hint=marks.letters_hint(letters[index]),
            expected=marks.expected(),
        )
        origin = Origin(source.file, plan.header_row, plan.header[index])
        found.append(DataIssue.of("error", not_marks, origin))
    return found


def _dataset(file: str, plan: Plan, count: Count, marks: Marks, given: Turnout) -> Dataset:
    seen = {level for person in count.people.values() for level in person.counts}
    levels = marks.given + tuple(lv for lv in KNOWN_LEVELS if lv in seen and lv not in marks.given)
    base = {k: v for k, v in given.numbers.items() if k in ("members", "present", "issued")}
    tallies = []
    for index, person in count.people.items():
        header = plan.header[index]
        tallies.append(
            Tally(
                id=header,
                name=header,
                round=given.round,
                unit=given.unit,
                turnout={
                    **base,
                    "collected": count.collected,
                    "valid": person.valid,
                    "invalid": person.invalid,
                },
                counts={level: person.counts.get(level, 0) for level in levels},
                origin=Origin(file, plan.header_row, header),
            )
        )
    warnings: list[DataIssue] = []
    if count.skipped:
        n = count.skipped
        skipped = message(f"ballots.skipped.{'one' if n == 1 else 'other'}", n=n)
        warnings.append(DataIssue.of("warning", skipped, Origin(file)))
    return Dataset(file, tuple(tallies), levels, tuple(warnings), "ballots")
