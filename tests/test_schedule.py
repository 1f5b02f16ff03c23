"""The vote calendar of a term and each person's longest stretch without a vote."""

from __future__ import annotations

import datetime as dt

import pytest
from tinnhiem.engine import VoteDate, calendar, coverage
from tinnhiem.engine.model import DataError, Dataset, Scalar, Tally
from tinnhiem.rules import ast


def schedule(
    years: tuple[int, ...], meeting: str | None = None, month: int | None = None
) -> ast.Schedule:
    return ast.Schedule(term_years=5, years=years, meeting=meeting, month=month)


def test_once_per_term_in_year_three_at_the_year_end_session() -> None:
    assert calendar(schedule((3,), "Kỳ họp cuối năm"), 2021, 2026) == [
        VoteDate(2023, 3, "Kỳ họp cuối năm", 12)
    ]


def test_the_seed_reports_proposal_years_two_and_four() -> None:
    votes = calendar(schedule((2, 4), month=11), 2021, 2026)
    assert [(v.year, v.term_year, v.month) for v in votes] == [(2022, 2, 11), (2024, 4, 11)]


def test_every_year_and_two_terms() -> None:
    assert [v.year for v in calendar(schedule(()), 2021, 2026)] == [2021, 2022, 2023, 2024, 2025]
    two_terms = calendar(schedule((3,)), 2016, 2026)
    assert [(v.year, v.term_year) for v in two_terms] == [(2018, 3), (2023, 3)]


def people(*rows: dict[str, Scalar]) -> Dataset:
    tallies = tuple(Tally(str(i), f"P{i}", attrs=attrs) for i, attrs in enumerate(rows))
    return Dataset("d.csv", tallies, ())


def test_coverage_gaps_in_months_from_start_to_vote_to_end() -> None:
    found = coverage(
        schedule((3,)),
        (2021, 2026),
        people(
            {},
            {"start": dt.date(2024, 3, 10)},
            {"start": dt.date(2021, 7, 1), "end": dt.date(2023, 6, 30)},
            {"start": "2022-01-15"},
        ),
    )
    whole, late, left, iso = found
    assert [v.year for v in whole.votes] == [2023]
    assert whole.gaps == (36, 24)  # Jan 2021 to the end of Dec 2023, then to Jan 2026
    assert (whole.longest_gap, whole.start, whole.end) == (
        36,
        dt.date(2021, 1, 1),
        dt.date(2025, 12, 31),
    )
    assert late.faces_no_vote and late.gaps == (22,) and late.longest_gap == 22
    assert left.faces_no_vote and left.gaps == (24,)
    assert iso.gaps == (24, 24)
    assert not iso.faces_no_vote


def test_voting_in_years_two_and_four_halves_the_longest_gap() -> None:
    once = coverage(schedule((3,)), (2021, 2026), people({}))[0]
    twice = coverage(schedule((2, 4)), (2021, 2026), people({}))[0]
    assert (once.longest_gap, twice.longest_gap) == (36, 24)
    assert twice.gaps == (24, 24, 12)


def test_a_person_with_several_rounds_is_covered_once() -> None:
    rows = (
        Tally("7", "A", round="2022", attrs={"start": dt.date(2021, 1, 1)}),
        Tally("7", "A", round="2023", attrs={"start": dt.date(2021, 1, 1)}),
    )
    found = coverage(schedule((2, 4)), (2021, 2026), Dataset("d.csv", rows, ()))
    assert [c.tally.round for c in found] == ["2023"]


def test_a_start_that_is_not_a_date_is_an_error() -> None:
    with pytest.raises(DataError) as caught:
        coverage(schedule((3,)), (2021, 2026), people({"start": "đầu năm"}))
    (issue,) = caught.value.issues
    assert issue.message == "P0: `start` should be a date (2021-07-01), not 'đầu năm'"
