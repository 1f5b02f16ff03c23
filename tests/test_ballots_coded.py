"""Counting blocks of ballots by codes (engine/formats/coded.py) gives what splitting them gives.

The coded way rewrites each known cell text to one control byte and counts stride slices; it
must give the same counts, warnings and errors (with their rows) as counting one object per
cell, on any file: unknown texts, blanks, runs of blanks, void ballots, quotes, CRLF, short and
long rows, control bytes in cells, undecodable bytes.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinnhiem.engine.formats import ballots, read_ballots
from tinnhiem.engine.formats.coded import BLANK, Coder
from tinnhiem.engine.model import DataError, Dataset

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}


def coder(*texts: bytes, width: int = 3) -> Coder:
    made = Coder(b",", width)
    made.learn(list(texts))
    return made


def test_a_block_of_known_texts_is_counted_by_column() -> None:
    block = b"cao,tn,\n,cao+thap,thap\ncao,,cao\n"
    counted = coder(b"cao", b"tn", b"thap", b"cao+thap").counts(block)
    assert counted == [
        {b"cao": 2, b"": 1},
        {b"tn": 1, b"cao+thap": 1, b"": 1},
        {b"": 1, b"thap": 1, b"cao": 1},
    ]


@pytest.mark.parametrize(
    "block",
    [
        b"cao,tn,zz\n",  # a text never seen
        b"cao,caocao,tn\n",  # two known texts in one cell
        b"cao,xcao,tn\n",  # a known text inside an unknown one
        b"cao,tn\n",  # a short row
        b"cao,tn,tn,tn\n",  # a long row
        b"cao,t\x01n,tn\n",  # a control byte the codes use, in a cell
        b"cao,\x00,tn\n",  # the code of a blank, in a cell
    ],
    ids=["unknown", "two texts", "inside", "short", "long", "control", "blank code"],
)
def test_a_block_with_a_cell_that_is_no_known_text_is_not_coded(block: bytes) -> None:
    assert coder(b"cao", b"tn").counts(block) is None


def test_a_text_holding_a_control_byte_turns_the_coding_off() -> None:
    made = coder(b"cao", b"t\x02n")
    assert made.off and not made.ready


def test_too_many_distinct_texts_turn_the_coding_off() -> None:
    made = coder(*(str(n).encode() for n in range(1, 40)))  # a column of ballot numbers
    assert made.off


def test_a_coder_that_keeps_failing_stops_trying() -> None:
    made = coder(b"cao", b"tn")
    for _ in range(17):
        assert made.counts(b"cao,zz,tn\n") is None
    assert made.off


def test_blank_cells_at_each_place_of_a_row_and_in_runs() -> None:
    made = coder(b"a", width=4)
    counted = made.counts(b",,,a\na,,,\n,a,,\n")
    assert counted == [
        {b"": 2, b"a": 1},
        {b"": 2, b"a": 1},
        {b"": 3},
        {b"": 2, b"a": 1},
    ]
    assert BLANK == b"\x00"


# --- the whole reading, both ways ---------------------------------------------------------

TEXTS = ["cao", "tn", "thap", "", "cao+thap", "c", "Tín nhiệm cao", "zz", "x", "\x01"]


def outcome(path: Path, codes: bool, monkeypatch: pytest.MonkeyPatch) -> Dataset | list[str]:
    with monkeypatch.context() as patch:
        patch.setattr(ballots, "BLOCK", 64)  # many blocks from a small file
        if not codes:
            patch.setattr(ballots, "_fast", functools.partial(ballots._fast, codes=False))
        try:
            return read_ballots(path, LEVELS)
        except DataError as exc:
            return [issue.render() for issue in exc.issues]


rows = st.lists(
    st.one_of(
        st.lists(st.sampled_from(TEXTS[:5]), min_size=4, max_size=4),  # mostly plain rows
        st.lists(st.sampled_from(TEXTS[:5]), min_size=4, max_size=4),
        st.lists(st.sampled_from(TEXTS), min_size=3, max_size=5),  # odd texts, short and long
    ),
    min_size=1,
    max_size=120,
)


@settings(max_examples=60, deadline=None)
@given(
    rows=rows,
    void=st.booleans(),
    crlf=st.booleans(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    extra=st.sampled_from(["", '"cao",tn', "\xff", ",,,"]),
)
def test_coded_counting_gives_what_splitting_gives(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[list[str]],
    void: bool,
    crlf: bool,
    delimiter: str,
    extra: str,
) -> None:
    monkeypatch = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("coded")
    header = ["An", "Bình", "Cúc", "Dũng"] + (["hủy"] if void else [])
    lines = [delimiter.join(header)]
    for at, cells in enumerate(rows):
        if void:
            cells = [*cells, "x" if at % 41 == 7 else ""]
        lines.append(delimiter.join(cells))
        if extra and at == len(rows) // 2:
            lines.append(extra.replace(",", delimiter))
    end = "\r\n" if crlf else "\n"
    path = folder / "b.csv"
    path.write_bytes((end.join(lines) + end).encode("utf-8", "surrogateescape"))
    if extra == "\xff":  # a byte that is not UTF-8, in a cell
        path.write_bytes(path.read_bytes().replace("ÿ".encode(), b"\xff"))
    try:
        coded, split = outcome(path, True, monkeypatch), outcome(path, False, monkeypatch)
    finally:
        monkeypatch.undo()
    assert coded == split


def test_a_plain_file_is_counted_by_codes_and_gives_the_same_tallies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marks = ["cao", "tn", "thap", "", "cao+thap", "cao", "cao"]
    lines = ["An,Bình,Cúc"] + [
        ",".join(marks[(row * 3 + col) % len(marks)] for col in range(3)) for row in range(500)
    ]
    path = tmp_path / "b.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[bool] = []
    counts = Coder.counts

    def spy(self: Coder, block: bytes) -> list[dict[bytes, int]] | None:
        found = counts(self, block)
        seen.append(found is not None)
        return found

    monkeypatch.setattr(Coder, "counts", spy)
    coded = outcome(path, True, monkeypatch)
    assert len(seen) > 90 and all(seen)  # every block after the first, which taught the texts
    assert coded == outcome(path, False, monkeypatch)
    assert isinstance(coded, Dataset)
    first = coded.tallies[0]
    # row r, column 0 holds marks[3r % 7]: over 500 rows, residues 0, 3 and 6 come 72 times
    # (rows 497 to 499), the others 71
    assert (first.counts["cao"], first.counts["tn"], first.counts["thap"]) == (215, 71, 71)
    assert first.turnout["collected"] == 500


@pytest.mark.parametrize("codes", [True, False], ids=["codes", "split"])
def test_a_short_row_beside_a_long_one_is_not_counted_as_full_rows(
    codes: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2 + 4 cells make two rows of 3 in all: each cell would be counted for the wrong person
    path = tmp_path / "b.csv"
    path.write_text("An,Bình,Cúc\ncao,tn,thap\ncao,tn\ncao,tn,thap,cao\n", encoding="utf-8")
    assert outcome(path, codes, monkeypatch) == [
        f"{path}, row 4: error: the row has 4 cells, more than the 3 columns of the header"
    ]
