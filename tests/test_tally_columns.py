"""Tallies kept as columns: each `Tally` made when asked for, the same by position, by slice and
in a loop; and the consistency rules of `tally_rules` giving the same rows whether mapped over
whole columns (the screen) or applied to one row."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.formats.tally_rules import FIGURES, RULES, TOTAL, apply, screen
from tinnhiem.engine.model import Origin, Tally

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}


def test_tallies_by_position_slice_and_loop_are_the_same(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "id,name,round,group,members,present,collected,cao,tn,thap,note\n"
        "A1,An,2023,G1,10,9,9,5,3,1,2021-06-25\n"
        'A2,Bình,,G1,10,9,9," 5",3,1,\n'
        "A3,Chi,2024,G2,10,9,9,,,,2020-01-02\n",
        encoding="utf-8",
    )
    tallies = read_tallies(path, LEVELS).tallies
    assert len(tallies) == 3
    assert list(tallies) == [tallies[0], tallies[1], tallies[2]] == list(tallies[:])
    assert tallies[-1] == tallies[2]
    assert tallies[1] == Tally(
        "A2",
        "Bình",
        group="G1",
        turnout={"members": 10, "present": 9, "collected": 9},
        counts={"cao": 5, "tn": 3, "thap": 1},  # " 5" read one by one, as parse_count reads it
        origin=Origin(str(path), 3, "name"),
    )
    assert tallies[2].counts == {} and tallies[2].round == "2024"  # listed, not voted on
    assert tallies == tuple(tallies)


def test_a_file_without_attributes_loops_without_making_each_by_position(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("name,cao,tn\nAn,1,2\nBình,3,4\n", encoding="utf-8")
    tallies = read_tallies(path, LEVELS).tallies
    assert [(t.id, t.name, dict(t.counts), t.turnout) for t in tallies] == [
        ("2", "An", {"cao": 1, "tn": 2}, {}),
        ("3", "Bình", {"cao": 3, "tn": 4}, {}),
    ]
    assert list(tallies) == [tallies[0], tallies[1]]


figure = st.one_of(st.none(), st.integers(0, 12))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(rows=st.lists(st.tuples(*[figure] * 7), min_size=1, max_size=6))
def test_the_screen_finds_exactly_the_rows_a_rule_fails_on(
    rows: list[tuple[int | None, ...]],
) -> None:
    kinds = (*FIGURES, TOTAL)
    # a figure is a column of the file when some row gives it; the others are None in every row
    columns = {
        kind: [row[at] for row in rows]
        for at, kind in enumerate(kinds)
        if any(row[at] is not None for row in rows)
    }
    padded = [
        tuple(columns[k][i] if k in columns else None for k in kinds) for i in range(len(rows))
    ]
    one_by_one = {i for i, row in enumerate(padded) if any(True for _ in apply(row))}
    assert set(screen(columns, len(rows))) == one_by_one
    assert len({rule.name for rule in RULES}) == len(RULES)


texts = st.lists(
    st.sampled_from(
        ["a", "Bình", ",", ";", '"', "\n", "\r", "\r\n", " ", "1", "ệ", "\u2028", "\x00", "\udcff"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=texts, size=st.integers(1, 9))
def test_a_text_read_a_block_at_a_time_gives_the_rows_read_whole(text: str, size: int) -> None:
    """Blocks of a few bytes: a line ending, a quoted cell or a letter cut between two blocks."""
    import io

    from tinnhiem.engine.formats import tabular
    from tinnhiem.engine.model import DataError

    # "\udcff" stands for a byte that is not UTF-8
    data = ("\ufeff" + text).encode("utf-8", "surrogateescape")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_bytes(data)
        try:
            whole: object = tabular.text_table(tabular.decode(data, "t.csv"), "t.csv")
        except DataError as error:
            whole = str(error)
        try:
            streamed: object = list(tabular.text_stream(path, "t.csv", size))
        except DataError as error:
            streamed = str(error)
    assert streamed == whole
    if "\x00" not in text and "\udcff" not in text:
        assert "".join(tabular._lines(io.BytesIO(data), size)) == text


def test_tallies_are_kept_once_made_only_up_to_a_number_of_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tinnhiem.engine.formats import tally_columns

    path = tmp_path / "t.csv"
    path.write_text("name,cao,tn\nAn,1,2\nBình,3,4\n", encoding="utf-8")
    small = read_tallies(path, LEVELS).tallies
    assert list(small) == [small[0], small[1]] and small[1] is small[1]  # kept
    monkeypatch.setattr(tally_columns, "KEPT_ROWS", 1)
    big = read_tallies(path, LEVELS).tallies
    assert list(big) == list(small) == [big[0], big[1]]
    assert big[1] is not big[1]  # made each time: memory does not hold them


cell = st.sampled_from(["", "0", "3", "x", "2023-05-01", "có"])
count_cell = st.sampled_from(["", "0", "2", "5", "1.5", "abc"])


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    optional=st.sets(st.sampled_from(["id", "position", "group", "unit", "round", "note", "tuoi"])),
    rows=st.lists(st.tuples(cell, cell, cell, cell, cell, cell, cell, count_cell), max_size=5),
)
def test_what_the_columns_say_the_dataset_holds_is_what_its_tallies_hold(
    optional: set[str], rows: list[tuple[str, ...]]
) -> None:
    """The checks read `Seen` from the columns without making a tally; it must be what one pass
    over the tallies finds, whatever columns, blanks and odd counts a file has."""
    from tinnhiem.engine.model import DataError, Seen

    order = ["id", "position", "group", "unit", "round", "note", "tuoi"]
    header = ["name", *[c for c in order if c in optional], "cao", "tn", "thap"]
    lines = [",".join(header)]
    for n, row in enumerate(rows):
        values = dict(zip(order, row[:7], strict=True))
        extra = [values[c] for c in order if c in optional]
        lines.append(",".join([f"Người {n}", *extra, row[7], "1", "0"]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            tallies = read_tallies(path, LEVELS).tallies
        except DataError:
            return  # a file the reader refuses has no tallies to check
    from_columns = Seen.of(tallies)
    counted = Seen.counted([tallies[i] for i in range(len(tallies))])
    assert from_columns == counted


def test_the_columns_say_whether_every_row_gives_a_figure(tmp_path: Path) -> None:
    """What a streamed run checks before any output (its basis in every row), without a tally
    made: a blank cell, or one read one by one, is seen."""
    path = tmp_path / "t.csv"
    path.write_text(
        "id,name,members,present,collected,cao,tn,thap\n"
        "A1,An,10,9,9,5,3,1\n"
        'A2,Bình,10,,9," 5",3,1\n'
        "A3,Chi,10,9,,5,3,1\n",
        encoding="utf-8",
    )
    tallies = read_tallies(path, LEVELS).tallies
    given = {name: all(name in t.turnout for t in tallies) for name in ("members", "present")}
    assert given == {"members": True, "present": False}
    assert tallies.gives("members") is True  # type: ignore[attr-defined]
    assert tallies.gives("present") is False  # type: ignore[attr-defined]  # row read one by one
    assert tallies.gives("collected") is False  # type: ignore[attr-defined]  # a blank cell
    assert tallies.gives("valid") is False  # type: ignore[attr-defined]  # no such column
