"""Cell values: counts (whole numbers, never floats) and typed attributes."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

from tinnhiem.engine.model import Scalar
from tinnhiem.rules.messages import Message, message

from .headers import normalise
from .library import date_text


class CellError(Exception):
    """A cell that does not hold what its column needs; the message says what was found.
    `message` is the English text, `said` the message to say in another language."""

    def __init__(self, said: Message) -> None:
        self.said = said
        self.message = str(said)
        super().__init__(self.message)


def shown(value: object, limit: int = 40) -> str | Message:
    """A found value as a message quotes it: strings in quotes (cut when long), others bare."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        return f'"{text}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return message("shape.date", date=value.date().isoformat())
    if isinstance(value, dt.date):
        return message("shape.date", date=value.isoformat())
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) + ".0"
    if isinstance(value, list):
        return message("shape.list")
    if isinstance(value, dict):
        return message("shape.object")
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_WHOLE = re.compile(r"\d+")
_NEGATIVE = re.compile(r"-\s*\d+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*")
_DECIMAL = re.compile(r"\d+[.,](\d+)")


def parse_count(value: object) -> int:
    """A count: a whole number not below 0. 12.0 from a spreadsheet is 12; 12.5 is an error."""
    if isinstance(value, str) and len(value) > _MAX_DIGITS:
        raise CellError(message("cell.too_long", max=_MAX_DIGITS, n=len(value)))
    if isinstance(value, str) and value.isascii() and value.isdigit():  # the common case, fast
        return int(value)
    if isinstance(value, bool):
        raise CellError(message("cell.not_whole", found=shown(value)))
    if isinstance(value, int):
        if value < 0:
            raise CellError(message("cell.negative", found=value))
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise CellError(message("cell.has_decimals", found=repr(value)))
        if value < 0:
            raise CellError(message("cell.negative", found=int(value)))
        return int(value)
    if not isinstance(value, str):
        raise CellError(message("cell.not_whole", found=shown(value)))
    text = unicodedata.normalize("NFKC", value).strip()
    if _WHOLE.fullmatch(text):
        return int(text)
    if _NEGATIVE.fullmatch(text):
        raise CellError(message("cell.negative", found=shown(text)))
    if _THOUSANDS.fullmatch(text):
        plain = re.sub(r"\D", "", text)
        raise CellError(message("cell.thousands", found=shown(text), plain=plain))
    decimal = _DECIMAL.fullmatch(text)
    if decimal and not decimal[1].strip("0"):
        plain = re.split(r"[.,]", text)[0]
        raise CellError(message("cell.zero_decimals", found=shown(text), plain=plain))
    if decimal:
        raise CellError(message("cell.has_decimals", found=shown(text)))
    raise CellError(message("cell.not_whole", found=shown(text)))


# --- attributes ------------------------------------------------------------------------------

_BOOLS = {
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "có": True,
    "không": False,
    "co": True,
    "khong": False,
    "x": True,
    "đúng": True,
    "sai": False,
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_VN_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_INTEGER = re.compile(r"[+-]?\d+")
DATE_FORMS = message("cell.date_forms")  # 2023-05-01 or 01/05/2023


def bool_word(value: object) -> bool | None:
    """True/False for a yes/no cell (true, false, có, không, x, yes, no, đúng, sai), else None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _BOOLS.get(normalise(value))
    return None


def _date(year: str, month: str, day: str, text: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError as exc:
        raise CellError(
            message("cell.bad_date", forms=DATE_FORMS, found=shown(text), error=date_text(str(exc)))
        ) from None


def scalar(value: object) -> Scalar:
    """One attribute cell, typed: a date, bool, whole number, exact decimal or text.

    A decimal written as text is read exactly ("8,5" and "8.5" are 17/2, "85%" is 17/20); alone,
    "1.234" could be 1234 or 1.234, so it is a `CellError` (`attribute_column` may decide it).
    """
    typed, reading = _typed(value)
    if reading is not None and reading.decimal_reading is not None:
        raise CellError(_ambiguous(value, reading, None))
    return typed


def _typed(value: object) -> tuple[Scalar, _Reading | None]:
    """A cell typed, with how it was written when it is a number written as text."""
    if isinstance(value, bool | int):
        return value, None
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(message("cell.not_number", found=repr(value)))
        return (int(value) if value.is_integer() else Fraction(repr(value))), None
    if isinstance(value, dt.datetime):
        return (value.date() if value.time() == dt.time() else value.isoformat(sep=" ")), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, dt.time):
        return value.isoformat(), None
    if isinstance(value, list | dict):
        raise CellError(message("cell.not_single", found=shown(value)))
    text = unicodedata.normalize("NFC", str(value)).strip()
    if found := _ISO_DATE.fullmatch(text):
        return _date(found[1], found[2], found[3], text), None
    if found := _VN_DATE.fullmatch(text):
        return _date(found[3], found[2], found[1], text), None
    if _INTEGER.fullmatch(text) and len(text) <= _MAX_DIGITS:
        return int(text), None
    reading = _number(unicodedata.normalize("NFKC", text).strip())
    if reading is None:
        return text, None
    return reading.value, reading


def attribute_column(values: Sequence[object]) -> list[Scalar | CellError | None]:
    """A whole attribute column, typed (None where empty).

    Yes/no words make a boolean column only if every non-empty cell is one (so "x" in a column of
    names stays text). A column that is mostly dates wants a date in every non-empty cell. A
    number like "1.234" reads as the other cells of its column write numbers: beside "8,5" the
    dot groups thousands (1234), beside "9.25" it is a decimal point; with no such cell, or with
    cells that point both ways, it is an error. Cells that are clear on their own ("8,5" and
    "9.25" in one column) are each read as written.
    """
    filled = [v for v in values if not _blank(v)]
    if filled and all(bool_word(v) is not None for v in filled):
        return [None if _blank(v) else bool_word(v) for v in values]
    typed: list[Scalar | CellError | None] = []
    readings: list[_Reading | None] = []
    for value in values:
        reading = None
        if _blank(value):
            typed.append(None)
        else:
            try:
                cell, reading = _typed(value)
                typed.append(cell)
            except CellError as exc:
                typed.append(exc)
        readings.append(reading)
    if any(r is not None and r.decimal_reading is not None for r in readings):
        _decide_separators(values, readings, typed)
    dates = sum(isinstance(v, dt.date) or _looks_like_date(v) for v in typed)
    if filled and dates * 2 >= len(filled):
        for i, value in enumerate(typed):
            if value is not None and not isinstance(value, dt.date | CellError):
                typed[i] = CellError(
                    message("cell.date_like_column", forms=DATE_FORMS, found=shown(values[i]))
                )
    return typed


# --- numbers written as text -----------------------------------------------------------------

_NUMBER_TEXT = re.compile(r"([+\-\u2212]?)([0-9., ]*[0-9])( ?%)?")
_ONE_SEPARATOR = re.compile(r"([0-9]*)([.,])([0-9]+)")
_GROUPED = re.compile(r"([1-9][0-9]{0,2})([., ])([0-9]{3}(?:\2[0-9]{3})*)(?:([.,])([0-9]+))?")
_MAX_DIGITS = 1000  # longer is not a number anyone writes (and int() refuses past 4300 digits)
# a separator's name as a thousands / a decimal separator
_WORDS = {".": ("sep.dot", "sep.point"), ",": ("sep.comma", "sep.comma")}


class _Reading(NamedTuple):
    """A number written as text, and the separators it shows."""

    value: Fraction | int  # when `decimal_reading` is given: `grouping` read as thousands
    decimal: str  # the decimal separator it shows ("" for none)
    grouping: str  # the thousands separator it shows ("" for none)
    decimal_reading: Fraction | int | None  # "1.234": `grouping` read as a decimal separator


def _number(text: str) -> _Reading | None:
    """The number a text writes, or None: "8,5", "-0.25", "1.234.567", "1 234,5", "85%"."""
    found = _NUMBER_TEXT.fullmatch(text)
    if found is None:
        return None
    sign, body, percent = found.groups()
    negative = sign in ("-", "\u2212")
    scale = 100 if percent else 1
    if len(body) > _MAX_DIGITS:
        return None
    if body.isdigit():
        return _Reading(_exact(negative, body, "", scale), "", "", None)
    if one := _ONE_SEPARATOR.fullmatch(body):
        whole, separator, decimals = one.groups()
        value = _exact(negative, whole, decimals, scale)
        if len(decimals) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
            thousands = _exact(negative, whole + decimals, "", scale)
            return _Reading(thousands, "", separator, value)
        return _Reading(value, separator, "", None)
    if grouped := _GROUPED.fullmatch(body):
        head, separator, groups, point, decimals = grouped.groups()
        if point == separator:
            return None
        value = _exact(negative, head + groups.replace(separator, ""), decimals or "", scale)
        return _Reading(value, point or "", separator, None)
    return None


def _exact(negative: bool, whole: str, decimals: str, scale: int) -> Fraction | int:
    value = Fraction(int(whole + decimals or "0"), 10 ** len(decimals) * scale)
    if negative:
        value = -value
    return value.numerator if value.denominator == 1 else value


def _decide_separators(
    values: Sequence[object],
    readings: Sequence[_Reading | None],
    typed: list[Scalar | CellError | None],
) -> None:
    """Reads each "1.234" of a column as the column's clear numbers say, else makes it an error."""
    shows: dict[tuple[str, str], object] = {}  # (separator, "decimal"/"thousands") -> a cell
    for value, reading in zip(values, readings, strict=True):
        if reading is None or reading.decimal_reading is not None:
            continue
        if reading.decimal:
            shows.setdefault((reading.decimal, "decimal"), value)
        if reading.grouping in (".", ","):
            shows.setdefault((reading.grouping, "thousands"), value)
    said = {
        separator: (_witness(shows, separator, "thousands"), _witness(shows, separator, "decimal"))
        for separator in (".", ",")
    }
    for i, reading in enumerate(readings):
        if reading is None or reading.decimal_reading is None:
            continue
        as_thousands, as_decimal = said[reading.grouping]
        if as_thousands and as_decimal:
            both = message("cell.both", first=as_thousands, last=as_decimal)
            typed[i] = CellError(_ambiguous(values[i], reading, both))
        elif as_decimal:
            typed[i] = reading.decimal_reading
        elif not as_thousands:
            typed[i] = CellError(_ambiguous(values[i], reading, None))


def _witness(shows: dict[tuple[str, str], object], separator: str, role: str) -> Message | None:
    """The cell showing that `separator` has `role` in its column, in words; None if none does.

    A column writes numbers one way: a decimal comma in one cell makes a dot in another a
    thousands separator, a thousands dot makes a comma a decimal one.
    """
    other = "," if separator == "." else "."
    other_role = "decimal" if role == "thousands" else "thousands"
    for char, its_role in ((separator, role), (other, other_role)):
        if (char, its_role) in shows:
            word = message(_WORDS[char][0 if its_role == "thousands" else 1])
            found = shown(shows[(char, its_role)])
            return message(f"cell.witness.{its_role}", found=found, sep=word)
    return None


def _ambiguous(value: object, reading: _Reading, witnesses: Message | None) -> Message:
    """What "1.234" could mean, why the column does not tell, and how to write it plainly."""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    separator = reading.grouping
    thousands, point = _WORDS[separator]
    last = max(i for i, c in enumerate(text) if c.isdigit()) + 1
    why = message("cell.why_both", witnesses=witnesses) if witnesses else message("cell.why_none")
    return message(
        "cell.ambiguous",
        found=shown(value),
        plain=text.replace(separator, ""),
        sep_t=message(thousands),
        text=text,
        sep_d=message(point),
        why=why,
        padded=f"{text[:last]}0{text[last:]}",
    )


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _looks_like_date(value: object) -> bool:
    return isinstance(value, CellError) and value.said.key == "cell.bad_date"
