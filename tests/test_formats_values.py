"""Cell values: counts are whole numbers (never floats), attributes are typed by column."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from tinnhiem.engine.formats.values import CellError, attribute_column, parse_count


@pytest.mark.parametrize(
    ("value", "count"),
    [("12", 12), (" 7 ", 7), ("0", 0), (12, 12), (12.0, 12), (0.0, 0), ("０１２", 12)],
)
def test_whole_numbers_are_counts(value: object, count: int) -> None:
    assert parse_count(value) == count
    assert type(parse_count(value)) is int


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "1.234",
            'expected a whole number, found "1.234": if it means 1234, write it without a '
            "thousands separator",
        ),
        (
            "1,234,567",
            'expected a whole number, found "1,234,567": if it means 1234567, write it '
            "without a thousands separator",
        ),
        (
            "1 234",
            'expected a whole number, found "1 234": if it means 1234, write it without a '
            "thousands separator",
        ),
        ("12.5", 'expected a whole number, found "12.5", which has a decimal part'),
        ("12,5", 'expected a whole number, found "12,5", which has a decimal part'),
        ("12.0", 'expected a whole number, found "12.0": write it as 12'),
        (12.5, "expected a whole number, found 12.5, which has a decimal part"),
        (float("nan"), "expected a whole number, found nan, which has a decimal part"),
        ("-3", 'expected a whole number not below 0, found "-3"'),
        (-3, "expected a whole number not below 0, found -3"),
        (-3.0, "expected a whole number not below 0, found -3"),
        ("mười", 'expected a whole number, found "mười"'),
        ("", 'expected a whole number, found ""'),
        (True, "expected a whole number, found true"),
        (dt.date(2023, 1, 2), "expected a whole number, found the date 2023-01-02"),
        ([1, 2], "expected a whole number, found a list"),
        ("x" * 60, 'expected a whole number, found "' + "x" * 39 + '…"'),
    ],
)
def test_what_is_not_a_count_says_what_was_found(value: object, message: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_count(value)
    assert caught.value.message == message


def test_yes_no_columns_are_booleans_only_when_every_cell_is_yes_or_no() -> None:
    assert attribute_column(["có", "không", "", None, "X", "yes", "FALSE", "đúng", "sai"]) == [
        True, False, None, None, True, True, False, True, False,
    ]  # fmt: skip
    assert attribute_column(["x", "Nguyễn"]) == ["x", "Nguyễn"]
    assert attribute_column([True, "không"]) == [True, False]


def test_dates_numbers_and_text() -> None:
    typed = attribute_column(["2023-05-01", "01/05/2023", "1.5.2023", dt.datetime(2023, 5, 1)])
    assert typed == [dt.date(2023, 5, 1)] * 4
    assert attribute_column(["12", "-3", "+4", "XV"]) == [12, -3, 4, "XV"]
    assert attribute_column([7.5, 12.0, 0.1]) == [Fraction(15, 2), 12, Fraction(1, 10)]
    assert attribute_column(["7.5"]) == ["7.5"]  # text with a decimal point stays text


def test_a_mostly_date_column_wants_dates() -> None:
    typed = attribute_column(["2023-05-01", "không rõ", "2023-02-30", ""])
    assert typed[0] == dt.date(2023, 5, 1)
    assert isinstance(typed[1], CellError)
    assert typed[1].message == (
        'expected a date like the rest of the column (2023-05-01 or 01/05/2023), found "không rõ"'
    )
    assert isinstance(typed[2], CellError)
    assert typed[2].message == (
        'expected a date (2023-05-01 or 01/05/2023), found "2023-02-30": day is out of range '
        "for month"
    )
    assert typed[3] is None


def test_a_few_dates_among_text_stay_as_they_are() -> None:
    assert attribute_column(["ghi chú", "khác", "2023-05-01"]) == [
        "ghi chú", "khác", dt.date(2023, 5, 1),
    ]  # fmt: skip
