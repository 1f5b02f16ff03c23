"""Cell values: counts are whole numbers (never floats), attributes are typed by column."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from tinnhiem.engine.formats.values import CellError, attribute_column, parse_count, scalar


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
    assert attribute_column(["7.5", "8,5"]) == [Fraction(15, 2), Fraction(17, 2)]


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


# --- numbers written as text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("8.5", Fraction(17, 2)),
        ("8,5", Fraction(17, 2)),
        (" 9,25 ", Fraction(37, 4)),
        ("-0,25", Fraction(-1, 4)),
        ("\u22122,5", Fraction(-5, 2)),  # a minus sign, as some exports write it
        ("+3,0", 3),  # a whole decimal is a whole number, as 12.0 from a spreadsheet is 12
        ("3,00", 3),
        ("0,125", Fraction(1, 8)),  # a leading 0 never groups thousands
        ("1234,567", Fraction(1234567, 1000)),  # nor do four digits before the separator
        (",5", Fraction(1, 2)),
        ("0,1", Fraction(1, 10)),  # exact: never the float 0.1
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("1 234", 1234),
        ("1\u00a0234", 1234),  # a no-break space
        ("1\u202f234 567", 1234567),  # a narrow no-break space
        ("1.234,5", Fraction(2469, 2)),
        ("1,234.5", Fraction(2469, 2)),
        ("1.234,567", Fraction(1234567, 1000)),  # the comma is the decimal one: the dot groups
        ("1 234,5", Fraction(2469, 2)),
        ("1.234.567,89", Fraction(123456789, 100)),
        ("\uff18,\uff15", Fraction(17, 2)),  # full-width digits
        ("85%", Fraction(17, 20)),
        ("85,5%", Fraction(171, 200)),
        ("85 %", Fraction(17, 20)),
        ("100%", 1),
        ("-12", -12),
        ("007", 7),
    ],
)
def test_numbers_written_as_text_are_exact(text: str, number: int | Fraction) -> None:
    assert attribute_column([text]) == [number]
    assert type(scalar(text)) is type(number)


@pytest.mark.parametrize(
    "text",
    ["8,5 điểm", "A1", "1/2", "5.", "1.23,5", "1.234.5", "12.34.567", "1 23", "1,234.567.8",
     "- 3", "1e3", "XV", "0912 345 678"],
)  # fmt: skip
def test_text_that_is_not_a_number_stays_text(text: str) -> None:
    assert attribute_column([text]) == [text]


def test_dates_with_dots_stay_dates() -> None:
    assert attribute_column(["01.07.2019", "15/03/2021", "2021-03-15"]) == [
        dt.date(2019, 7, 1), dt.date(2021, 3, 15), dt.date(2021, 3, 15),
    ]  # fmt: skip


def test_a_long_run_of_digits_stays_text() -> None:
    digits = "1" * 5000  # past what int() reads from text
    assert attribute_column([digits]) == [digits]


AMBIGUOUS_DOT = (
    '"1.234" could be 1234 (with a thousands dot) or 1.234 (with a decimal point), and no '
    "other cell of the column shows which: write 1234 or 1.2340"
)
AMBIGUOUS_COMMA = (
    '"1,234" could be 1234 (with a thousands comma) or 1,234 (with a decimal comma), and no '
    "other cell of the column shows which: write 1234 or 1,2340"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1.234", AMBIGUOUS_DOT),
        ("1,234", AMBIGUOUS_COMMA),
        (
            "-12.500%",
            '"-12.500%" could be -12500% (with a thousands dot) or -12.500% (with a decimal '
            "point), and no other cell of the column shows which: write -12500% or -12.5000%",
        ),
    ],
)
def test_a_separator_before_three_digits_alone_is_an_error(text: str, message: str) -> None:
    with pytest.raises(CellError) as caught:
        scalar(text)
    assert caught.value.message == message
    (typed,) = attribute_column([text])
    assert isinstance(typed, CellError)
    assert typed.message == message


@pytest.mark.parametrize(
    ("column", "typed"),
    [
        (["8,5", "1,234", "1.234"], [Fraction(17, 2), Fraction(617, 500), 1234]),
        (["9.25", "1,234", "1.234"], [Fraction(37, 4), 1234, Fraction(617, 500)]),
        (["1.234", "2,25%"], [1234, Fraction(9, 400)]),
        (["1.234.567", "1.234", "1,234"], [1234567, 1234, Fraction(617, 500)]),
        (["1,234.5", "1,234"], [Fraction(2469, 2), 1234]),
        (["1 234,5", "1.234", ""], [Fraction(2469, 2), 1234, None]),
        (["8,5", "9.25", "7"], [Fraction(17, 2), Fraction(37, 4), 7]),  # each clear on its own
    ],
)
def test_the_column_says_which_separator_is_the_decimal_one(
    column: list[str], typed: list[object]
) -> None:
    assert attribute_column(column) == typed


def test_cells_that_say_nothing_about_separators_do_not_decide() -> None:
    typed = attribute_column(["1.234", "7", "1 234", "2023-05-01", "ghi chú", 8.5])
    assert isinstance(typed[0], CellError)
    assert typed[0].message == AMBIGUOUS_DOT
    assert typed[1:] == [7, 1234, dt.date(2023, 5, 1), "ghi chú", Fraction(17, 2)]


def test_a_column_that_points_both_ways_is_an_error_not_a_guess() -> None:
    typed = attribute_column(["8,5", "9.25", "1.234", "1,234"])
    assert typed[:2] == [Fraction(17, 2), Fraction(37, 4)]
    assert isinstance(typed[2], CellError)
    assert typed[2].message == (
        '"1.234" could be 1234 (with a thousands dot) or 1.234 (with a decimal point), and other '
        'cells of the column point both ways ("8,5" has a decimal comma and "9.25" has a decimal '
        "point): write 1234 or 1.2340"
    )
    assert isinstance(typed[3], CellError)
    assert typed[3].message == (
        '"1,234" could be 1234 (with a thousands comma) or 1,234 (with a decimal comma), and '
        'other cells of the column point both ways ("9.25" has a decimal point and "8,5" has a '
        "decimal comma): write 1234 or 1,2340"
    )
    typed = attribute_column(["1.234.567", "0.5", "1.234"])
    assert isinstance(typed[2], CellError)
    assert typed[2].message.endswith(
        'point both ways ("1.234.567" has a thousands dot and "0.5" has a decimal point): '
        "write 1234 or 1.2340"
    )


@pytest.mark.parametrize("text", ["8,5", "8.5", "1.234,5", "85%"])
def test_counts_stay_whole_numbers(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_count(text)
    assert caught.value.message.startswith("expected a whole number, found ")


def test_nesting_deeper_than_the_limit_is_refused_whatever_the_python(tmp_path: Path) -> None:
    """Python 3.13 reads 5000 nested lists without a RecursionError: the limit is ours."""
    from tinnhiem.engine.formats import read_tallies
    from tinnhiem.engine.formats.tabular import MAX_DEPTH
    from tinnhiem.engine.model import DataError

    for depth, refused in ((MAX_DEPTH, False), (MAX_DEPTH + 1, True)):
        path = tmp_path / f"d{depth}.json"
        path.write_text("[" * depth + "]" * depth, encoding="utf-8")
        with pytest.raises(DataError) as caught:
            read_tallies(path, {})
        said = caught.value.issues[0].render()
        assert ("nested inside each other too deeply" in said) is refused, said
