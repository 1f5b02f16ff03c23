"""The tallies reader builds clean rows straight from its column-wise look, and sends the others
through `_Rows.one`, which checks everything. Both must give the same dataset and the same
messages: here every generated table is read both ways (the second with every row checked)."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.formats import tallies as tallies_module
from tinnhiem.engine.model import DataError

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
TURNOUT = ("members", "present", "issued", "collected", "valid", "invalid")

# cells as offices write them: mostly plain counts, now and then something to object to
counts = st.one_of(
    st.integers(0, 12).map(str),
    st.integers(0, 12).map(str),
    st.sampled_from(["", " 3", "1.5", "-1", "abc", "7 ", "1.234", "0"]),
)


def mostly(usual: list[str], odd: list[str]) -> st.SearchStrategy[str]:
    """Usually one of `usual`, one time in four one of `odd`."""
    return st.one_of(*[st.sampled_from(usual)] * 3, st.sampled_from(odd))


odd_names = ["an", " An", "An", "Dũng  Văn", "", "Tổng cộng"]
odd_ids = ["a1", "A1", "", " C3 "]
rounds = mostly(["2023", "2024"], ["", " 2023"])
attrs = mostly(["2021-06-25", "01/07/2019", ""], ["31/02/2021", "5", "x", "có"])


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    turnout = [k for k in TURNOUT if draw(st.booleans())] if draw(st.integers(0, 5)) else []
    levels = draw(st.sampled_from([["cao", "tn", "thap"], ["cao", "thap"], []]))
    extra = [c for c in ("id", "round", "group", "note") if draw(st.booleans())]
    header = ["name", *extra, *turnout, *levels]
    rows = []
    for index in range(draw(st.integers(1, 7))):
        name = draw(mostly([f"Người {index}"], odd_names))  # a person apart, or not quite
        cells = {"name": name, "id": draw(mostly([f"A{index}"], odd_ids))}
        cells |= {"round": draw(rounds), "note": draw(attrs)}
        cells["group"] = draw(st.sampled_from(["G1", "G2", ""]))
        figures = [draw(counts) for _ in turnout + levels]
        if draw(st.booleans()) and turnout and levels:  # often, a row that (nearly) adds up
            votes = [draw(st.integers(0, 9)) for _ in levels]
            chain, value = {}, sum(votes)
            for kind in ("valid", "collected", "issued", "present", "members"):
                if kind in turnout:
                    chain[kind] = value
                value += draw(st.integers(0, 2))
            if "invalid" in turnout:
                ballots = chain.get("collected", value) - chain.get("valid", sum(votes))
                chain["invalid"] = max(ballots, 0) + draw(st.sampled_from([0, 0, 1]))
            if len(chain) > 1 and draw(st.integers(0, 2)) == 0:  # now and then, two swapped
                a, b = draw(st.permutations(sorted(chain)))[:2]
                chain[a], chain[b] = chain[b], chain[a]
            figures = [str(chain[k]) for k in turnout] + [str(v) for v in votes]
        rows.append([cells[c] for c in ["name", *extra]] + figures)
    return [header, *rows]


def _outcome(path: Path) -> tuple[object, ...]:
    """What reading gives: the tallies with their rows and the warnings, or every message."""
    try:
        dataset = read_tallies(path, LEVELS)
    except DataError as error:
        return ("error", tuple(issue.render() for issue in error.issues))
    rows = tuple(t.origin.row if t.origin else None for t in dataset.tallies)
    warnings = tuple(w.render() for w in dataset.warnings)
    return ("ok", dataset, rows, warnings)


H = ["name", "members", "present", "collected", "valid", "invalid", "cao", "tn", "thap"]
CLEAN = ["Người 0", "10", "9", "9", "8", "1", "5", "2", "1"]  # adds up: built at once


def _with(**cells: str) -> list[list[str]]:
    """A table of a clean row and one more, `cells` changed in it."""
    row = [cells.get(column, value) for column, value in zip(H, CLEAN, strict=True)]
    return [H, CLEAN, [row[0].replace("0", "1"), *row[1:]]]


# 100 fixed tables beside the examples below under `make test`; HYPOTHESIS_PROFILE=thorough
# reads 1000 random ones (tests/conftest.py)
@settings(max_examples=100, deadline=None, derandomize=True)
@given(table=tables())
@example(table=_with(present="11"))  # more present than members, the levels adding up
@example(table=_with(collected="10", present="10"))  # valid + invalid is not collected
@example(table=_with(thap="0"))  # fewer votes than valid ballots: a warning
@example(table=_with(thap="x"))  # a count that is not a number
@example(table=_with(name="Người 0"))  # listed twice
@example(table=_with(name=""))  # no name
@example(table=_with(name="Tổng cộng"))  # a totals row
@example(table=[["name", "note", "cao"], ["An", "31/02/2021", "3"], ["Bình", "2021-06-25", "4"]])
@example(table=[["name", "cao", "tn"], ["An", "3", ""], ["Bình", "2", "4"]])  # no turnout
def test_clean_rows_built_at_once_are_the_rows_one_would_give(table: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tallies.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(table)
        fast = _outcome(path)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(tallies_module._Rows, "to_check", lambda rows: set(range(len(rows))))
            slow = _outcome(path)
    assert fast == slow


def test_a_clean_file_is_built_without_checking_a_row(tmp_path: Path) -> None:
    """The column-wise look finds nothing to check in a file that adds up: the fast path is
    taken (else the property above would compare the slow path with itself)."""
    path = tmp_path / "clean.csv"
    path.write_text(
        "name,members,present,collected,cao,tn,thap\nAn,10,9,9,5,3,1\nBình,10,9,9,4,3,1\n",
        encoding="utf-8",
    )
    checked: list[set[int]] = []
    original = tallies_module._Rows.to_check

    def spy(rows: tallies_module._Rows) -> set[int]:
        checked.append(original(rows))
        return checked[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tallies_module._Rows, "to_check", spy)
        dataset = read_tallies(path, LEVELS)
    assert checked == [{1}]  # Bình's levels add up to 8 of 9 collected: looked at, and warned
    assert [t.name for t in dataset.tallies] == ["An", "Bình"]
    assert [w.message for w in dataset.warnings] == [
        "the levels add up to 8, 1 fewer than the 9 ballots collected: invalid or blank ballots "
        "for this person? (the data gives no invalid count)"
    ]
