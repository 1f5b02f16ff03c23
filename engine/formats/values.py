"""Cell values: counts (whole numbers, never floats) and typed attributes."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from fractions import Fraction

from tinnhiem.engine.model import Scalar

from .headers import normalise


class CellError(Exception):
    """A cell that does not hold what its column needs; the message says what was found."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def shown(value: object, limit: int = 40) -> str:
    """A found value as a message quotes it: strings in quotes (cut when long), others bare."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        return f'"{text}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return f"the date {value.date().isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) + ".0"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return str(value)


_WHOLE = re.compile(r"\d+")
_NEGATIVE = re.compile(r"-\s*\d+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*")
_DECIMAL = re.compile(r"\d+[.,](\d+)")


def parse_count(value: object) -> int:
    """A count: a whole number not below 0. 12.0 from a spreadsheet is 12; 12.5 is an error."""
    if isinstance(value, str) and value.isascii() and value.isdigit():  # the common case, fast
        return int(value)
    if isinstance(value, bool):
        raise CellError(f"expected a whole number, found {shown(value)}")
    if isinstance(value, int):
        if value < 0:
            raise CellError(f"expected a whole number not below 0, found {value}")
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise CellError(f"expected a whole number, found {value!r}, which has a decimal part")
        if value < 0:
            raise CellError(f"expected a whole number not below 0, found {int(value)}")
        return int(value)
    if not isinstance(value, str):
        raise CellError(f"expected a whole number, found {shown(value)}")
    text = unicodedata.normalize("NFKC", value).strip()
    if _WHOLE.fullmatch(text):
        return int(text)
    if _NEGATIVE.fullmatch(text):
        raise CellError(f"expected a whole number not below 0, found {shown(text)}")
    if _THOUSANDS.fullmatch(text):
        plain = re.sub(r"\D", "", text)
        raise CellError(
            f"expected a whole number, found {shown(text)}: if it means {plain}, "
            "write it without a thousands separator"
        )
    decimal = _DECIMAL.fullmatch(text)
    if decimal and not decimal[1].strip("0"):
        plain = re.split(r"[.,]", text)[0]
        raise CellError(f"expected a whole number, found {shown(text)}: write it as {plain}")
    if decimal:
        raise CellError(f"expected a whole number, found {shown(text)}, which has a decimal part")
    raise CellError(f"expected a whole number, found {shown(text)}")


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
DATE_FORMS = "2023-05-01 or 01/05/2023"


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
        raise CellError(f"expected a date ({DATE_FORMS}), found {shown(text)}: {exc}") from None


def scalar(value: object) -> Scalar:
    """One attribute cell, typed: a date, bool, whole number, exact decimal or text."""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f"expected a number, found {value!r}")
        return int(value) if value.is_integer() else Fraction(repr(value))
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, list | dict):
        raise CellError(f"expected a single value, found {shown(value)}")
    text = unicodedata.normalize("NFC", str(value)).strip()
    if found := _ISO_DATE.fullmatch(text):
        return _date(found[1], found[2], found[3], text)
    if found := _VN_DATE.fullmatch(text):
        return _date(found[3], found[2], found[1], text)
    if _INTEGER.fullmatch(text):
        return int(text)
    return text


def attribute_column(values: Sequence[object]) -> list[Scalar | CellError | None]:
    """A whole attribute column, typed (None where empty).

    Yes/no words make a boolean column only if every non-empty cell is one (so "x" in a column of
    names stays text). A column that is mostly dates wants a date in every non-empty cell.
    """
    filled = [v for v in values if not _blank(v)]
    if filled and all(bool_word(v) is not None for v in filled):
        return [None if _blank(v) else bool_word(v) for v in values]
    typed: list[Scalar | CellError | None] = []
    for value in values:
        if _blank(value):
            typed.append(None)
            continue
        try:
            typed.append(scalar(value))
        except CellError as exc:
            typed.append(exc)
    dates = sum(isinstance(v, dt.date) or _looks_like_date(v) for v in typed)
    if filled and dates * 2 >= len(filled):
        for i, value in enumerate(typed):
            if value is not None and not isinstance(value, dt.date | CellError):
                typed[i] = CellError(
                    f"expected a date like the rest of the column ({DATE_FORMS}), "
                    f"found {shown(values[i])}"
                )
    return typed


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _looks_like_date(value: object) -> bool:
    return isinstance(value, CellError) and value.message.startswith("expected a date (")
