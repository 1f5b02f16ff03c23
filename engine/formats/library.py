"""What Python's readers (json, tomllib, zipfile, datetime, csv) say, as messages of the catalog:
the English is their own text, unchanged; the Vietnamese says the same. A text this module does
not know is kept in English and said in Vietnamese by its reader's `unknown` message, with the
line and column (or the row) around it, so that no position is ever lost."""

from __future__ import annotations

import errno
import re
from collections.abc import Mapping, Sequence

from tinnhiem.rules.messages import Foreign, Message, message

_JSON = {
    "Expecting value": "lib.json.value",
    "Expecting property name enclosed in double quotes": "lib.json.key",
    "Expecting ':' delimiter": "lib.json.colon",
    "Expecting ',' delimiter": "lib.json.comma",
    "Unterminated string starting at": "lib.json.unterminated",
    "Invalid \\uXXXX escape": "lib.json.u_escape",
    "Extra data": "lib.json.extra",
    "Illegal trailing comma before end of object": "lib.json.comma_object",
    "Illegal trailing comma before end of array": "lib.json.comma_array",
}
# texts that quote what they found after a fixed start: the start is said, the rest is not
_JSON_STARTS = (
    ("Invalid control character", "lib.json.control"),
    ("Invalid \\escape", "lib.json.escape"),
)


def json_text(msg: str) -> Message | Foreign:
    """`JSONDecodeError.msg` (the line and column are said by the message around it)."""
    key = _JSON.get(msg) or next((k for start, k in _JSON_STARTS if msg.startswith(start)), None)
    if key is not None:
        return _kept(msg, key)
    return Foreign(msg, message("lib.json.unknown"))


_TOML = {
    "Invalid value": "lib.toml.invalid_value",
    "Invalid statement": "lib.toml.invalid_statement",
    "Unterminated string": "lib.toml.unterminated",
    "Unclosed array": "lib.toml.unclosed_array",
    "Unclosed inline table": "lib.toml.unclosed_table",
    "Cannot overwrite a value": "lib.toml.overwrite",
    "Invalid date or datetime": "lib.toml.date",
    "Invalid hex value": "lib.toml.hex",
    "Unescaped '\\' in a string": "lib.toml.backslash",
    "Escaped character is not a Unicode scalar value": "lib.toml.scalar",
    "Expected '=' after a key in a key/value pair": "lib.toml.equals",
    "Expected ']' at the end of a table declaration": "lib.toml.table_end",
    "Expected ']]' at the end of an array declaration": "lib.toml.array_end",
    "Expected newline or end of document after a statement": "lib.toml.newline",
    "Invalid initial character for a key part": "lib.toml.key_start",
}
_TOML_PATTERNS = (
    (re.compile(r"Expected (?P<what>.+)"), "lib.toml.expected"),
    (re.compile(r"Cannot declare (?P<key>.+) twice"), "lib.toml.declare_twice"),
    (re.compile(r"Cannot mutate immutable namespace (?P<key>.+)"), "lib.toml.immutable"),
    (re.compile(r"Cannot redefine namespace (?P<key>.+)"), "lib.toml.redefine"),
    (re.compile(r"Duplicate inline table key (?P<key>.+)"), "lib.toml.duplicate"),
    (re.compile(r"Illegal character (?P<char>.+)"), "lib.toml.illegal"),
    (re.compile(r"Found invalid character (?P<char>.+)"), "lib.toml.invalid_char"),
)
_TOML_WHERE = re.compile(
    r"(?P<error>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)",
    re.DOTALL,
)


def toml_text(said: str) -> Message | Foreign:
    """`str(TOMLDecodeError)`: "Invalid value (at line 3, column 5)", said with its place."""
    where = _TOML_WHERE.fullmatch(said)
    if where is None:  # no place given: the library's words, and ours in Vietnamese
        return Foreign(said, message("lib.toml.unknown"))
    error = _toml_error(where["error"])
    if where["line"] is None:
        return message("lib.toml.at_end", error=error)
    return message("lib.toml.at", error=error, line=int(where["line"]), column=int(where["column"]))


def _toml_error(text: str) -> Message | Foreign:
    return _looked_up(text, _TOML, _TOML_PATTERNS, "lib.toml.unknown")


_ZIP = {
    "File is not a zip file": "lib.zip.not_zip",
    "Truncated file header": "lib.zip.truncated_header",
    "Bad magic number for file header": "lib.zip.bad_header",
    "Bad magic number for central directory": "lib.zip.bad_directory",
    "Bad offset for central directory": "lib.zip.bad_offset",
    "Truncated central directory": "lib.zip.truncated_directory",
    "zipfiles that span multiple disks are not supported": "lib.zip.multi_disk",
    "Compressed file ended before the end-of-stream marker was reached": "lib.zip.ended",
}
_ZIP_PATTERNS = (
    (re.compile(r"Bad CRC-32 for file (?P<name>.+)"), "lib.zip.bad_crc"),
    (re.compile(r"\"?There is no item named (?P<name>.+) in the archive\"?"), "lib.zip.no_item"),
    (re.compile(r"Error (?P<code>-?\d+) while decompressing data.*", re.DOTALL), "lib.zip.inflate"),
    (re.compile(r"(?P<name>.+) is too big for a part of a workbook"), "lib.zip.part_too_big"),
)


def zip_text(text: str) -> Message | Foreign:
    """What zipfile or zlib said of a workbook (it names parts, never a cell)."""
    return _looked_up(text, _ZIP, _ZIP_PATTERNS, "lib.zip.unknown")


_DATE = {
    "month must be in 1..12": "lib.date.month",
    "day is out of range for month": "lib.date.day",
}
_DATE_PATTERNS = ((re.compile(r"year (?P<year>-?\d+) is out of range"), "lib.date.year"),)


def date_text(text: str) -> Message | Foreign:
    """Why `datetime.date(y, m, d)` refused a date."""
    return _looked_up(text, _DATE, _DATE_PATTERNS, "lib.date.unknown")


def csv_text(text: str) -> Foreign:
    """A text of the csv module not said in our own words."""
    return Foreign(text, message("lib.csv.unknown"))


def _looked_up(
    text: str,
    exact: Mapping[str, str],
    patterns: Sequence[tuple[re.Pattern[str], str]],
    unknown: str,
) -> Message | Foreign:
    """A library's text said by the key of its exact words, else of the first pattern it
    matches (its groups the message's fields), else the library's words with `unknown`'s in
    other languages."""
    key = exact.get(text)
    if key is not None:
        return _kept(text, key)
    for pattern, key in patterns:
        found = pattern.fullmatch(text)
        if found:
            return _kept(text, key, **found.groupdict())
    return Foreign(text, message(unknown))


def _kept(text: str, key: str, /, **fields: object) -> Message | Foreign:
    """The message of `key`; the library's own text in English when ours would differ from it
    (a new Python may word it otherwise, and English shows what the library said)."""
    said = message(key, **fields)
    return said if str(said) == text else Foreign(text, said)


_ERRNO = {
    errno.ENOENT: "lib.os.not_found",
    errno.EACCES: "lib.os.denied",
    errno.EPERM: "lib.os.denied",
    errno.EISDIR: "lib.os.folder",
    errno.ENOTDIR: "lib.os.not_folder",
    errno.ENOSPC: "lib.os.full",
    errno.EROFS: "lib.os.read_only",
    errno.ENAMETOOLONG: "lib.os.long_name",
}


def os_text(exc: OSError) -> Message | Foreign | str:
    """What the system says of a file it cannot open or write (its `strerror`), by its errno."""
    text = exc.strerror or str(exc)
    key = _ERRNO.get(exc.errno or 0)
    if key is None:
        return Foreign(text, message("lib.os.unknown", code=exc.errno or 0)) if exc.errno else text
    return Foreign(text, message(key))
