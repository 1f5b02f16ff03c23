"""A workbook looked at before any XML parser sees it: size, entity declarations, huge numbers.

An .xlsx file is a zip of XML parts. A few hundred KB can unpack to gigabytes (shared strings,
styles and sheets all count, not the sheet alone); a part can declare entities (a DTD) that expand
a thousandfold or name another file; a cell can hold a number of thousands of digits that no
reader turns into an integer without failing. `inspect_workbook` reads every part once, as a
stream, before openpyxl (or any other reader) opens the file, and refuses each of these with a
message in words. It stops as soon as the limit is passed, so a bomb costs the limit, not its size.
"""

from __future__ import annotations

import math
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from tinnhiem.rules.messages import Foreign, Message, message

from .issues import ENVIRONMENT, MB, fail, limit_mb
from .library import zip_text

XML_PER_MB = 10  # a sheet's XML takes about ten times the bytes of the same table as CSV
CHUNK = 1 << 20
MAX_PARTS = 10_000  # a workbook of a few sheets has a few dozen parts
MAX_DIGITS = 1000  # a longer run of digits is no number anyone writes (int() fails past 4300)
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIGITS = re.compile(rb"[0-9]{%d}" % (MAX_DIGITS + 1))
_TAIL = MAX_DIGITS + 16  # bytes kept between chunks so that no match is cut in two


def unpacked_limit() -> int:
    """Bytes of XML a workbook may unpack to (0: no limit)."""
    return limit_mb() * XML_PER_MB * MB


def inspect_workbook(path: Path, file: str, what: str | Message) -> None:
    """`DataError` if the workbook unpacks to more than `unpacked_limit()`, declares entities or
    holds a run of more than `MAX_DIGITS` digits; nothing of its content is quoted."""
    limit = unpacked_limit()
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise fail(file, message("xlsx.parts", n=len(parts), max=MAX_PARTS))
            declared = sum(part.file_size for part in parts)
            if limit and declared > limit:
                raise _too_big(file, what, declared, limit)
            total = 0
            for part in parts:
                total = _part(archive, part, file, what, total, limit)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as exc:
        raise fail(file, message("xlsx.unreadable", why=_reason(exc))) from None
    except NotImplementedError:  # a compression method zipfile does not know
        why = message("xlsx.compression")
        raise fail(file, message("xlsx.unreadable", why=why)) from None


def _part(
    archive: zipfile.ZipFile,
    part: zipfile.ZipInfo,
    file: str,
    what: str | Message,
    total: int,
    limit: int,
) -> int:
    """Stream one part, counting its real size (the declared one can lie) and scanning it."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            total += len(chunk)
            if limit and total > limit:
                raise _too_big(file, what, total, limit, at_least=True)
            window = tail + chunk
            if _DTD.search(window):
                raise fail(file, message("xlsx.dtd", part=part.filename[:60]))
            if _DIGITS.search(window):
                said = message("xlsx.long_number", part=part.filename[:60], max=MAX_DIGITS)
                raise fail(file, said)
            tail = window[-_TAIL:]
    return total


def _too_big(
    file: str, what: str | Message, size: int, limit: int, at_least: bool = False
) -> Exception:
    mb = math.ceil(size / MB)
    needed = math.ceil(size / MB / XML_PER_MB)
    setting: str | Message = f"{ENVIRONMENT}={needed}"
    if at_least:
        setting = message("xlsx.above", variable=ENVIRONMENT, n=needed - 1)
    key = "xlsx.too_big_at_least" if at_least else "xlsx.too_big"
    return fail(file, message(key, mb=mb, limit=limit // MB, what=what, setting=setting))


# What a reader of a damaged workbook raises (a part that is not well-formed XML, a value of an
# unknown type, a truncated stream): each is said in words, never a traceback.
DAMAGED = (
    ElementTree.ParseError,
    SyntaxError,  # lxml's XMLSyntaxError, when openpyxl reads with lxml (python-docx brings it)
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    OSError,
)


def damage(exc: BaseException) -> str | Message | Foreign:
    """Why a workbook could not be read, from the reader's error, without quoting its content."""
    if isinstance(exc, ElementTree.ParseError | SyntaxError):
        # the line only: the column differs between XML parsers (ElementTree, lxml)
        line = getattr(exc, "position", (getattr(exc, "lineno", 0), 0))[0]
        return message("xlsx.bad_xml", line=line)
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError | KeyError | OSError):
        return _reason(exc)  # about the zip and its part names, never a cell
    # a reader's ValueError can quote a cell ("could not convert string to float: '…'"), and a
    # ballot cell must never be shown: only the kind of failure is said
    return message("xlsx.bad_cell", kind=type(exc).__name__)


def _reason(exc: BaseException) -> str | Message | Foreign:
    text = str(exc) or type(exc).__name__
    if not isinstance(exc, OSError):  # an OSError is the system's, said as it says it
        said = zip_text(text)
        if len(text) <= 80:
            return said
    return text if len(text) <= 80 else text[:79] + "…"
