"""Reading a data file as a header and numbered rows: CSV/TSV/TXT, XLSX, JSON and TOML.

Rows are numbered as a spreadsheet shows them (the first line is row 1, empty rows count). In
JSON and TOML, where there is no header row, row N is the N-th object of the list.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
import stat
import tomllib
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, BinaryIO, cast
from xml.etree import ElementTree

from tinnhiem.engine.model import DataError
from tinnhiem.rules.messages import Foreign, Message, message

from .headers import display, display_all, fold
from .issues import MB, TEXT_TALLIES_MB, Issues, capped, check_size, fail
from .library import csv_text, json_text, os_text, toml_text
from .workbook import MAX_DIGITS, damage, inspect_workbook

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SUFFIXES = (*TEXT_SUFFIXES, *XLSX_SUFFIXES, ".json", ".toml")
RESULT_SHEETS = ("kết quả", "results", "result", "kết quả lấy phiếu", "tally", "tallies")
BALLOT_SHEETS = ("phiếu", "ballots", "phiếu bầu", "phiếu tín nhiệm")
HEADER_SEARCH = 10  # non-empty rows looked at for the header (a title may sit above it)

Row = tuple[int, list[Any]]


@dataclass(frozen=True, slots=True)
class Merge:
    """A range of merged cells of a worksheet: its text ("B3:B16"), column (from 0) and rows."""

    ref: str
    column: int
    first: int
    last: int


@dataclass
class Table:
    """A file's header and its non-empty rows below the header."""

    file: str
    header: list[str]
    header_row: int  # 0 in JSON and TOML
    rows: list[Row]  # an iterator from `open_table` for a text file: read as they are used
    above: list[int] = field(default_factory=list)  # non-empty rows above the header
    merged: list[Merge] = field(default_factory=list)  # merged ranges filled down (XLSX)

    @property
    def keyed(self) -> bool:
        """JSON or TOML: columns are keys, rows are objects."""
        return self.header_row == 0


NUL_BYTES = message("file.nul_bytes")


def kind_of(path: Path, file: str) -> str:
    """ "text", "xlsx", "json" or "toml", from the file's extension; an error for others, and
    for what is not a regular file (reading a pipe with no writer would wait for ever)."""
    if special(path):
        raise fail(file, message("file.not_regular"))
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in (".json", ".toml"):
        return suffix[1:]
    if suffix in (".xls", ".ods", ".numbers"):
        raise fail(file, message("file.old_suffix", suffix=suffix))
    known = ", ".join(SUFFIXES)
    kind = repr(suffix) if suffix else message("file.no_extension")
    raise fail(file, message("file.unknown_type", kind=kind, known=known))


def special(path: Path) -> bool:
    """Whether `path` is there but is neither a regular file nor a folder: a pipe, a device."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # missing or unreadable: the read that follows says why
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def read_bytes(path: Path, file: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(file, message("file.cannot_read", error=os_text(exc))) from None
    if not data:
        raise fail(file, message("file.empty"))
    return data


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """A header cell as text."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return display(str(value))


def cell_texts(values: Sequence[object]) -> Sequence[str]:
    """`cell_text` of every cell of a column, in one pass when all are strings (as a CSV's are)."""
    if set(map(type, values)) <= {str}:
        return display_all(cast(Sequence[str], values))
    return [cell_text(value) for value in values]


# --- text ------------------------------------------------------------------------------------


def decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM, as Excel writes it; else a clear error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise fail(file, message("file.bad_utf16", offset=exc.start)) from None
    start = 3 if data.startswith(codecs.BOM_UTF8) else 0
    if data.startswith(b"PK\x03\x04"):
        raise fail(file, message("file.is_xlsx"))
    if b"\x00" in data:
        raise fail(file, NUL_BYTES)
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise not_utf8(file, data, start + exc.start) from None


def not_utf8(
    file: str, data: bytes, offset: int, line_base: int = 1, offset_base: int = 0
) -> DataError:
    """The error for a byte of `data` that is not UTF-8, with its offset in the file and row."""
    row = line_base + data[:offset].count(b"\n")
    byte = f"0x{data[offset]:02X}"
    return fail(file, message("file.not_utf8", byte=byte, offset=offset_base + offset), row=row)


def sniff_delimiter(line: str) -> str:
    """Comma, semicolon (a Vietnamese-locale Excel) or tab: the most frequent in the header line."""
    bare = re.sub(r'"[^"]*"', "", line)
    counts = {d: bare.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def first_line(text: str) -> str:
    """The first line that is not blank, found without splitting the whole text."""
    size = 4096
    while True:
        lines = text[:size].splitlines()
        if size >= len(text):
            return next((line for line in lines if line.strip()), "")
        # the last line of the prefix may be cut short: only those before it are whole
        found = next((line for line in lines[:-1] if line.strip()), None)
        if found is not None:
            return found
        size *= 4


def text_table(text: str, file: str) -> list[Row]:
    """`text_rows` as a list, faster; the same error for a row that cannot be read."""
    delimiter = sniff_delimiter(first_line(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return list(enumerate(reader, start=1))
    except csv.Error:
        return list(text_rows(text, file))  # raises the error, numbered


def text_rows(text: str, file: str) -> Iterator[Row]:
    """Every row of a delimited text, numbered from 1 (blank lines are rows too)."""
    delimiter = sniff_delimiter(first_line(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells  # a new list each row
    except csv.Error as exc:
        raise fail(file, csv_problem(exc), row=number + 1) from None


def csv_problem(exc: csv.Error) -> Message:
    """What Python's csv module could not read, in words a spreadsheet user knows."""
    said = str(exc)
    if said == "unexpected end of data":  # the file ended inside quotes
        return message("csv.unclosed_quote")
    if said.startswith("field larger than field limit"):
        return message("csv.cell_too_long", limit=csv.field_size_limit())
    if said.endswith("expected after '\"'"):
        return message("csv.text_after_quote")
    return message("csv.other", error=csv_text(said))


# --- XLSX ------------------------------------------------------------------------------------


@contextmanager
def xlsx_rows(
    path: Path,
    file: str,
    prefer: Sequence[str],
    merges: list[Merge] | None = None,
    *,
    whole: bool = False,
    scan: bool = True,
) -> Iterator[Iterator[Row]]:
    """The rows of the sheet named like one of `prefer` (folded), else of the first sheet.

    Read by calamine (Rust; about ten times faster than openpyxl, which still writes the
    workbooks). If `merges` is given, the sheet's ranges of merged cells that span rows are added
    to it: only a range's first cell holds its value. With `whole` (the rows will be held in
    memory), a sheet that unpacks to more than the data limit allows is refused before it is
    parsed. Formulas whose value was never saved are refused unless `scan` is off (a sheet read
    again).
    """
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    if scan:  # before any parser: the size of every part, entity declarations, huge numbers
        what = message("size.tallies" if whole else "size.workbook_ballots")
        inspect_workbook(path, file, what)
    try:
        with zipfile.ZipFile(path) as archive:
            members = sheet_members(archive)
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError) as exc:
        raise fail(file, message("xlsx.unreadable", why=damage(exc))) from None
    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise fail(file, message("xlsx.unreadable", why=damage(exc))) from None
    try:
        wanted = {fold(name) for name in prefer}
        names = [s.name for s in book.sheets_metadata if s.typ == SheetTypeEnum.WorkSheet]
        if not names:
            raise fail(file, message("xlsx.no_sheet"))
        name = next((n for n in names if fold(n) in wanted), names[0])
        member = members.get(name)
        if member is None:
            raise fail(
                file, message("xlsx.unreadable", why=message("xlsx.no_part", name=repr(name)))
            )
        if scan:
            found = scan_sheet(path, member)
            if found.unsaved:
                raise unsaved_error(file, found.unsaved)
            if merges is not None:
                merges.extend(found.merges)
        try:
            # from A1 (row numbers are the sheet's), not from the first cell that holds a value
            values = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except (CalamineError, ValueError) as exc:
            broken = _xml_damage(path, member) or damage(exc)
            raise fail(file, message("xlsx.unreadable", why=broken)) from None

        def rows() -> Iterator[Row]:
            for number, cells in enumerate(values, start=1):
                yield number, _cells(cells)

        yield rows()
    finally:
        book.close()


def _xml_damage(path: Path, member: str) -> str | Message | Foreign | None:
    """Where the sheet's XML breaks, said as the other readers say it; None if it does not.

    calamine's own message can quote the part, and a ballot cell must never be shown: this
    reparses the sheet only when calamine has already failed."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
            for _ in ElementTree.iterparse(stream):
                pass
    except ElementTree.ParseError as exc:
        return damage(exc)
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


def _cells(cells: list[Any]) -> list[Any]:
    """A row of calamine's values as openpyxl gave them: an empty cell is None, a whole number
    an int (Excel stores every number as a float), and the row ends at its last value."""
    out = [
        None
        if value == ""
        else int(value)
        if type(value) is float and value.is_integer()
        else value
        for value in cells
    ]
    while out and out[-1] is None:
        out.pop()
    return out


_RELATIONS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
_RELATION_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PART_LIMIT = 16 * MB  # of the workbook's own parts (names of sheets): a few KB in practice


def sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """The part of the archive that holds each sheet, by the sheet's name."""
    book = "xl/workbook.xml"
    if "_rels/.rels" in archive.namelist():
        for rel in _parse(archive, "_rels/.rels").iter(_RELATIONS):
            if rel.get("Type", "").endswith("/officeDocument"):
                book = rel.get("Target", book).lstrip("/")
    folder = book.rpartition("/")[0]
    rels_part = f"{folder}/_rels/{book.rpartition('/')[2]}.rels".lstrip("/")
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in _parse(archive, rels_part).iter(_RELATIONS)
    }
    members: dict[str, str] = {}
    for sheet in _parse(archive, book).iter(_SHEET):
        target = targets.get(sheet.get(_RELATION_ID), "")
        if target:
            path = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
            members[sheet.get("name", "")] = path.lstrip("/")
    return members


def _parse(archive: zipfile.ZipFile, member: str) -> ElementTree.Element:
    if archive.getinfo(member).file_size > PART_LIMIT:
        raise zipfile.BadZipFile(f"{member} is too big for a part of a workbook")
    with archive.open(member) as stream:
        return ElementTree.parse(stream).getroot()


MERGE_CELL = b"mergeCell"
FORMULA = b"<f"  # a formula cell (and a few other tags): then its value must have been saved
CHUNK = 1 << 20
UNSAVED_SHOWN = 10  # cells named in the message, then "and N more"


@dataclass
class SheetScan:
    """What openpyxl's read-only rows do not show of a sheet, read from its XML."""

    merges: list[Merge] = field(default_factory=list)  # merged ranges spanning rows
    unsaved: list[str] = field(default_factory=list)  # formula cells with no value saved


def scan_sheet(path: Path, member: str) -> SheetScan:
    """The merged ranges and the formulas without a saved value of a worksheet part.

    The bytes are first scanned for the two tags, so a sheet with neither is not parsed again.
    A formula's value is what the program that saved the file computed; one that computes none
    (a script, an export) leaves the cell empty, which would read as a blank count.
    """
    from openpyxl.utils.cell import range_boundaries

    member = member.lstrip("/")
    found = SheetScan()
    try:
        with zipfile.ZipFile(path) as archive:
            words = _mentions(archive, member, (MERGE_CELL, FORMULA)) if member else set()
            if not words:
                return found
            with archive.open(member) as stream:
                for _, element in ElementTree.iterparse(stream):
                    tag = element.tag.rpartition("}")[2]
                    if tag == "c":
                        if FORMULA in words and _unsaved(element):
                            found.unsaved.append(element.get("r") or "?")
                        element.clear()  # the cells were read already; keep memory flat
                    elif tag == "row":
                        element.clear()
                    elif tag == "mergeCell":
                        ref = (element.get("ref") or "").strip().upper()
                        try:
                            left, top, _, bottom = range_boundaries(ref)
                        except (TypeError, ValueError):
                            continue
                        if left and top and bottom and bottom > top:
                            found.merges.append(Merge(ref, left - 1, top, bottom))
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return SheetScan()  # openpyxl read the sheet: this cannot happen but with a damaged part
    return found


def _unsaved(cell: ElementTree.Element) -> bool:
    """A formula cell of a number type whose value is missing or empty."""
    children = {child.tag.rpartition("}")[2]: child for child in cell}
    if "f" not in children or cell.get("t") not in (None, "n"):
        return False  # no formula, or a text, boolean or error result ("" is a text result)
    value = children.get("v")
    return value is None or not (value.text or "").strip()


def _mentions(archive: zipfile.ZipFile, member: str, words: Sequence[bytes]) -> set[bytes]:
    """Which of `words` the bytes of a part of the archive hold, read a chunk at a time."""
    found: set[bytes] = set()
    longest = max(map(len, words))
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK):
            window = tail + chunk
            found.update(word for word in words if word in window)
            if len(found) == len(words):
                break
            tail = chunk[-longest:]
    return found


def unsaved_error(file: str, refs: list[str]) -> DataError:
    shown: str | Message = ", ".join(refs[:UNSAVED_SHOWN])
    if len(refs) > UNSAVED_SHOWN:
        shown = message("file.and_more", shown=shown, n=len(refs) - UNSAVED_SHOWN)
    return fail(file, message("xlsx.unsaved", cells=shown))


def fill_merged(rows: list[Row], merges: Sequence[Merge], header_row: int) -> list[Merge]:
    """Copy each range's value down into the blank cells of its column in the rows it covers.

    Only ranges that start below the header and hold a value; cells that hold a value of their
    own and rows that are not in `rows` (blank ones) are left alone. The ranges that filled a
    cell are returned, to be reported.
    """
    if not merges:
        return []
    by_number = {number: cells for number, cells in rows}
    filled: list[Merge] = []
    for merge in sorted(merges, key=lambda m: (m.first, m.column)):
        top = by_number.get(merge.first)
        if merge.first <= header_row or top is None or merge.column >= len(top):
            continue
        value = top[merge.column]
        if is_blank(value):
            continue
        changed = False
        for number in range(merge.first + 1, merge.last + 1):
            cells = by_number.get(number)
            if cells is None:
                continue
            if len(cells) <= merge.column:
                cells.extend([None] * (merge.column + 1 - len(cells)))
            if is_blank(cells[merge.column]):
                cells[merge.column] = value
                changed = True
        if changed:
            filled.append(merge)
    return filled


# --- JSON and TOML ---------------------------------------------------------------------------


# Python's readers recurse into nested lists and objects: past its limit they raise RecursionError
TOO_DEEP = message("file.too_deep")


# Deeper than this is refused whatever the Python: 3.13's JSON reader no longer recurses, so
# its own limit cannot be what decides (data need four or five levels)
MAX_DEPTH = 100


def too_deep(value: object, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and objects nest in `value` more than `limit` deep (without recursing)."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[object]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


# Python's int() refuses more than 4300 digits (a ValueError from inside the JSON and TOML
# readers); no count or value has more than a thousand, so longer runs are refused before reading.
_LONG_NUMBER = re.compile(r"[0-9][0-9_]{" + str(MAX_DIGITS) + ",}")


def no_long_numbers(text: str, file: str) -> None:
    found = _LONG_NUMBER.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        said = message("file.long_number", line=line, n=len(found[0]), max=MAX_DIGITS)
        raise fail(file, said)


def load_json(data: bytes, file: str) -> object:
    text = decode(data, file)
    no_long_numbers(text, file)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        error = json_text(exc.msg)
        said = message("json.invalid", error=error, line=exc.lineno, column=exc.colno)
        raise fail(file, said) from None
    except RecursionError:
        raise fail(file, message("json.too_deep", why=TOO_DEEP)) from None
    if too_deep(value):
        raise fail(file, message("json.too_deep", why=TOO_DEEP))
    return value


def load_toml(data: bytes, file: str) -> dict[str, Any]:
    text = decode(data, file)
    no_long_numbers(text, file)
    try:
        value = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise fail(file, message("toml.invalid", error=toml_text(str(exc)))) from None
    except RecursionError:
        raise fail(file, message("toml.too_deep", why=TOO_DEEP)) from None
    if too_deep(value):
        raise fail(file, message("toml.too_deep", why=TOO_DEEP))
    return value


def describe(value: object, toml: bool = False) -> Message | str:
    """What a JSON or TOML value is, in words (`true`, `null` as written)."""
    if isinstance(value, dict):
        return message("shape.table" if toml else "shape.object")
    if isinstance(value, list):
        return message("shape.array" if toml else "shape.list")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return message("shape.number", n=value)
    if value is None:
        return "null"
    if isinstance(value, str):
        return message("shape.string")
    return message("shape.other", name=type(value).__name__)


def keys_list(keys: Sequence[str]) -> Message | str:
    return ", ".join(f'"{k}"' for k in keys) if keys else message("data.none")


def records(document: object, file: str, kind: str, key: str = "rows") -> list[object]:
    """The list of rows of a JSON or TOML document: a list, or the list under `key`."""
    toml = kind == "toml"
    if isinstance(document, list) and not toml:
        return document
    if isinstance(document, dict) and key in document:
        found = document[key]
        if isinstance(found, list):
            return found
        shape = message("shape.tables", key=key) if toml else message("shape.objects")
        raise fail(file, message("rows.must_be", key=key, shape=shape, found=describe(found, toml)))
    if toml:
        keys = list(document) if isinstance(document, dict) else []
        raise fail(file, message("rows.toml", key=key, keys=keys_list(keys)))
    found = (
        message("shape.object_with", keys=keys_list(list(document)))
        if isinstance(document, dict)
        else describe(document)
    )
    if isinstance(document, dict) and "ballots" in document:
        found = message("rows.is_ballots", found=found)
    raise fail(file, message("rows.json", key=key, found=found))


def keyed_rows(items: list[object], toml: bool) -> tuple[list[str], list[Row], list[Row]]:
    """Objects as a header (keys in order of first appearance) and rows; also the non-objects."""
    header: list[str] = []
    position: dict[str, int] = {}
    for item in items:
        if isinstance(item, dict):
            for key in item:
                if key not in position:
                    position[key] = len(header)
                    header.append(key)
    rows: list[Row] = []
    strays: list[Row] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            strays.append((number, [item]))
            continue
        cells: list[Any] = [None] * len(header)
        for key, value in item.items():
            cells[position[key]] = value
        if not all(is_blank(c) for c in cells):
            rows.append((number, cells))
    return header, rows, strays


def stray_error(file: str, strays: list[Row], toml: bool) -> DataError:
    """Items of the list of rows that are not objects (tables)."""
    issues = Issues(file)
    shape = message("shape.table_row" if toml else "shape.object_row")
    for number, (item,) in strays:
        issues.error(message("rows.stray", shape=shape, found=describe(item, toml)), row=number)
    return capped(issues.errors, file)


# --- the table -------------------------------------------------------------------------------


def read_table(
    path: Path,
    file: str,
    *,
    pick_header: Callable[[list[str]], bool] | None = None,
    key: str = "rows",
    sheets: Sequence[str] = RESULT_SHEETS,
) -> Table:
    """A whole file as a `Table`; file-level problems raise `DataError` at once."""
    kind = kind_of(path, file)
    check_size(path, file)
    data = read_bytes(path, file)
    merges: list[Merge] = []
    if kind in ("json", "toml"):
        document = load_json(data, file) if kind == "json" else load_toml(data, file)
        items = records(document, file, kind, key)
        header, rows, strays = keyed_rows(items, kind == "toml")
        if strays:
            raise stray_error(file, strays, kind == "toml")
        return Table(file, [display(h) for h in header], 0, rows)
    if kind == "text":
        # every cell is text: a row is blank when all of its cells together are whitespace
        # (the first cell is looked at alone first: it is seldom blank, and joining costs)
        filled = [
            row
            for row in text_table(decode(data, file), file)
            if (cells := row[1]) and (cells[0].strip() or "".join(cells).strip())
        ]
    else:
        with xlsx_rows(path, file, sheets, merges, whole=True) as found:
            filled = [(n, cells) for n, cells in found if not all(is_blank(c) for c in cells)]
    if not filled:
        raise fail(file, message("tallies.no_values"))
    at = 0
    if pick_header is not None:
        for i, (_, cells) in enumerate(filled[:HEADER_SEARCH]):
            if pick_header([cell_text(c) for c in cells]):
                at = i
                break
    header_row, header_cells = filled[at]
    rows = filled[at + 1 :]
    return Table(
        file,
        [cell_text(c) for c in header_cells],
        header_row,
        rows,
        [n for n, _ in filled[:at]],
        fill_merged(rows, merges, header_row),
    )


def open_table(
    path: Path, file: str, *, pick_header: Callable[[list[str]], bool] | None = None
) -> Table:
    """`read_table`, but the rows of a text file are read as they are used (`rows` is then an
    iterator): memory does not grow with the file. Other kinds are read whole, as before."""
    kind = kind_of(path, file)
    if kind != "text":
        return read_table(path, file, pick_header=pick_header)
    check_size(path, file, message("size.tallies_text"), default=TEXT_TALLIES_MB)
    filled = (
        row
        for row in text_stream(path, file)
        if (cells := row[1]) and (cells[0].strip() or "".join(cells).strip())
    )
    first = list(islice(filled, HEADER_SEARCH))
    if not first:
        raise fail(file, message("tallies.no_values"))
    at = 0
    if pick_header is not None:
        for i, (_, cells) in enumerate(first):
            if pick_header([cell_text(c) for c in cells]):
                at = i
                break
    header_row, header_cells = first[at]
    rows = cast(list[Row], chain(first[at + 1 :], filled))  # an iterator: see `rows`
    return Table(
        file, [cell_text(c) for c in header_cells], header_row, rows, [n for n, _ in first[:at]]
    )


class _NotPlain(Exception):
    """A block of the file is not plain UTF-8: the whole file is read to say why."""


def text_stream(path: Path, file: str, size: int = CHUNK) -> Iterator[Row]:
    """`text_rows` of a file read a block at a time. A file that is not plain UTF-8 (UTF-16 with
    a BOM, NUL bytes, a byte that is not UTF-8), empty or unreadable goes through `decode` on the
    whole file, which reads UTF-16 and says why it refuses the others, as it always did."""
    try:
        handle = path.open("rb")
    except OSError:
        yield from text_rows(decode(read_bytes(path, file), file), file)
        return
    with handle:
        head = handle.read(4)
        if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"PK\x03\x04")):
            yield from text_rows(decode(read_bytes(path, file), file), file)
            return
        handle.seek(0)
        lines = _lines(handle, size)
        try:
            start: list[str] = []
            for line in lines:  # up to the first line that is not blank: the delimiter's
                start.append(line)
                if line.strip():
                    break
            delimiter = sniff_delimiter(first_line("".join(start)))
            reader = csv.reader(chain(start, lines), delimiter=delimiter, strict=True)
            number = 0
            try:
                for number, cells in enumerate(reader, start=1):
                    yield number, cells
            except csv.Error as exc:
                # read whole, the file's bytes are looked at before its rows: they speak first
                decode(read_bytes(path, file), file)
                raise fail(file, csv_problem(exc), row=number + 1) from None
        except _NotPlain:
            decode(read_bytes(path, file), file)  # raises: NUL bytes, or not UTF-8
            raise fail(file, message("file.changed")) from None


def _lines(handle: BinaryIO, size: int = CHUNK) -> Iterator[str]:
    """The lines of a UTF-8 file (a BOM dropped), each with its line ending, as a text file
    opened with `newline=""` gives them."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    tail = ""
    try:
        while chunk := handle.read(size):
            if b"\x00" in chunk:
                raise _NotPlain
            lines = io.StringIO(tail + decoder.decode(chunk), newline="").readlines()
            tail = lines.pop() if lines else ""  # perhaps cut short, or a "\r" before a "\n"
            yield from lines
        tail += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise _NotPlain from None
    if tail:
        yield tail
