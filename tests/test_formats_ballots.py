"""Reading ballots: validity per person, marks, void ballots, turnout, secrecy, streaming."""

from __future__ import annotations

import csv
import io
import json
import random
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from tinnhiem.engine.formats import ballots, read_ballots
from tinnhiem.engine.formats.marks import Marks
from tinnhiem.engine.model import DataError, Dataset

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]

# Every spelling of a single tick, and what it means.
SPELLINGS = {
    "cao": "cao", "CAO": "cao", "c": "cao", "Tín nhiệm cao": "cao", "tin nhiem cao": "cao",
    "tn": "tn", "Tín nhiệm": "tn", " tn ": "tn",
    "thap": "thap", "thấp": "thap", "Tín nhiệm thấp": "thap",
}  # fmt: skip
VOID_MARKS = {"": False, "x": True, "có": True, "không": False, "hủy": True, "0": False}


def _write(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    quote: bool = False,
    encoding: str = "utf-8",
) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL if quote else csv.QUOTE_MINIMAL)
    writer.writerows([header, *rows])
    path.write_text(out.getvalue(), encoding=encoding)
    return path


def _reference(rows: list[list[str]], with_void: bool) -> dict[str, tuple[int, int, Counter[str]]]:
    """The counts, ballot by ballot, the plain way."""
    found = {p: (0, 0, Counter[str]()) for p in PEOPLE}
    for row in rows:
        if not any(row):
            continue
        void = with_void and VOID_MARKS[row[-1]]
        for person, cell in zip(PEOPLE, row, strict=False):
            valid, invalid, counts = found[person]
            ticks = [SPELLINGS[p] for p in cell.split("+") if p.strip()]
            if void or len(ticks) != 1:
                found[person] = (valid, invalid + 1, counts)
            else:
                counts[ticks[0]] += 1
                found[person] = (valid + 1, invalid, counts)
    return found


def _summary(dataset: Dataset) -> dict[str, tuple[int, int, Counter[str]]]:
    return {
        t.name: (t.turnout["valid"], t.turnout["invalid"], +Counter(t.counts))
        for t in dataset.tallies
    }


cells = st.one_of(
    st.sampled_from([*SPELLINGS, ""]),
    st.lists(st.sampled_from(list(SPELLINGS)), min_size=2, max_size=3).map("+".join),
)
ballot_rows = st.lists(
    st.tuples(st.lists(cells, min_size=3, max_size=3), st.sampled_from(list(VOID_MARKS))),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    drawn=ballot_rows,
    quote=st.booleans(),
    block=st.sampled_from([16, 64, 1 << 16]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_counts_match_a_plain_count(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    drawn: list[tuple[list[str], str]],
    quote: bool,
    block: int,
    encoding: str,
) -> None:
    monkeypatch.setattr(ballots, "BLOCK", block)
    rows = [[*people, void] for people, void in drawn]
    path = _write(tmp_path / "b.csv", [*PEOPLE, "void"], rows, quote, encoding)
    collected = sum(1 for r in rows if any(r))
    if not collected:  # blank lines are not ballots: a file of them alone is refused, not zeros
        with pytest.raises(DataError, match="no ballots below the header"):
            read_ballots(path, LEVELS)
        return
    dataset = read_ballots(path, LEVELS)
    assert _summary(dataset) == _reference(rows, with_void=True)
    assert {t.turnout["collected"] for t in dataset.tallies} == {collected}
    for tally in dataset.tallies:
        assert tally.turnout["valid"] + tally.turnout["invalid"] == collected
        assert sum(tally.counts.values()) == tally.turnout["valid"]


def test_a_sample_file_person_by_person(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "b.csv",
        ["STT", *PEOPLE, "Hủy"],
        [
            ["1", "cao", "tn", "thap", ""],
            ["2", "c", "Tín nhiệm", "", ""],  # no tick for Cường: invalid for him only
            ["3", "cao+tn", "thấp", "tn", ""],  # two ticks for An: invalid for him only
            ["4", "cao", "cao", "cao", "x"],  # void: invalid for everybody
        ],
    )
    (path.parent / "b.turnout.toml").write_text(
        'members = 5\npresent = 5\nissued = 5\nround = "2024"\n', encoding="utf-8"
    )
    dataset = read_ballots(path, LEVELS)
    assert dataset.kind == "ballots"
    assert dataset.levels == ("cao", "tn", "thap")
    assert [(t.id, t.round, dict(t.turnout), dict(t.counts)) for t in dataset.tallies] == [
        (
            "Nguyễn Văn An", "2024",
            {"members": 5, "present": 5, "issued": 5, "collected": 4, "valid": 2, "invalid": 2},
            {"cao": 2, "tn": 0, "thap": 0},
        ),
        (
            "Trần Thị Bình", "2024",
            {"members": 5, "present": 5, "issued": 5, "collected": 4, "valid": 3, "invalid": 1},
            {"cao": 0, "tn": 2, "thap": 1},
        ),
        (
            "Lê Văn Cường", "2024",
            {"members": 5, "present": 5, "issued": 5, "collected": 4, "valid": 2, "invalid": 2},
            {"cao": 0, "tn": 1, "thap": 1},
        ),
    ]  # fmt: skip


def test_letters_come_from_the_rule_sets_levels() -> None:
    three = Marks(LEVELS)
    assert three.ticks("c") == ["cao"]
    assert three.ticks("t") is None  # tn or thap
    assert three.ticks("k") is None  # only the rule set's levels have letters
    assert three.ticks("Không tín nhiệm") == ["khong"]  # a known level, by its label
    two = Marks({"tn": "Tín nhiệm", "khong": "Không tín nhiệm"})
    assert two.ticks("t") == ["tn"]
    assert two.ticks("K") == ["khong"]
    assert two.ticks("cao") == ["cao"]  # a 3-level ballot read for a 2-level rule set
    assert two.ticks("t + k") == ["tn", "khong"]
    assert two.ticks("") == []


def test_a_level_only_the_ballots_have_is_kept_for_the_rule_sets_map(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.csv", PEOPLE[:1], [["cao"], ["tn"], ["thap"]])
    dataset = read_ballots(path, {"tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"})
    assert dataset.levels == ("tn", "thap", "cao")
    assert dict(dataset.tallies[0].counts) == {"tn": 1, "thap": 1, "cao": 1}


def _error(path: Path, **kwargs: object) -> str:
    with pytest.raises(DataError) as caught:
        read_ballots(path, LEVELS, **kwargs)  # type: ignore[arg-type]
    return str(caught.value).replace(str(path.parent) + "/", "")


VOTERS = ["Phạm Văn Dũng", "Võ Thị Hoa", "0912345678", "dung@example.vn", "012345678901"]


@pytest.mark.parametrize(
    "header", ["Người bỏ phiếu", "Email", "SĐT", "CCCD", "Họ và tên", "Chữ ký"]
)
def test_a_voter_column_refuses_the_file_and_no_value_of_it_is_shown(
    tmp_path: Path, header: str
) -> None:
    rows = [[voter, "cao", "q"] for voter in VOTERS]  # "q" would be an error too, if read
    message = _error(_write(tmp_path / "b.csv", [header, *PEOPLE[:2]], rows))
    assert message == (
        f"b.csv, row 1, column '{header}': error: this column looks like it says who cast each "
        "ballot; a ballot file must not identify voters: remove the column (none of its values "
        "was read)"
    )
    assert not any(voter in message for voter in VOTERS)


def test_a_voter_column_in_a_workbook_or_json(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Nguyễn Văn An", "cử tri"])
    book.active.append(["cao", "Phạm Văn Dũng"])
    book.save(tmp_path / "b.xlsx")
    assert "Phạm" not in _error(tmp_path / "b.xlsx")
    document = {"ballots": [{"Nguyễn Văn An": "cao", "voter": "Phạm Văn Dũng"}]}
    (tmp_path / "b.json").write_text(json.dumps(document), encoding="utf-8")
    assert _error(tmp_path / "b.json").startswith("b.json, column 'voter': error: this column")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    voters=st.lists(st.text(max_size=12), min_size=1, max_size=5),
    header=st.sampled_from(["Người ghi phiếu", "Signature", "điện thoại", "CMND"]),
)
def test_no_message_echoes_a_voter(tmp_path: Path, voters: list[str], header: str) -> None:
    # every value of the voter column carries a tag that no message could hold by chance
    rows = [["VOTER-" + v.replace("\x00", ""), "bogus", ""] for v in voters]
    path = _write(tmp_path / "b.csv", [*PEOPLE[:1], header, "Trần Thị Bình"], rows)
    message = _error(path)
    assert "VOTER-" not in message
    assert "bogus" not in message


EXPECTED = (
    'expected one of cao, tn, thap (their labels, or c for cao), several joined with "+", or '
    "nothing"
)


def test_cells_that_are_not_marks_are_counted_by_column_and_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ballots, "BLOCK", 256)
    rows = [["cao", "tn", "thap"] for _ in range(500)]
    rows[299][1] = "Nguyễn Văn Bí Mật"
    rows[449][2] = "tn+thap+zz"
    rows[450][2] = "?"
    message = _error(_write(tmp_path / "b.csv", PEOPLE, rows))
    assert message.splitlines() == [
        "b.csv, row 1, column 'Trần Thị Bình': error: column B holds values that are not marks "
        "(1 cell, the first in row 301); a ballot file must not say who voted, so none is shown; "
        + EXPECTED,
        "b.csv, row 1, column 'Lê Văn Cường': error: column C holds values that are not marks "
        "(2 cells, the first in row 451); a ballot file must not say who voted, so none is shown; "
        + EXPECTED,
    ]


def test_one_error_per_column_however_many_cells(tmp_path: Path) -> None:
    rows = [["?", "?", "cao"] for _ in range(40)]
    lines = _error(_write(tmp_path / "b.csv", PEOPLE, rows)).splitlines()
    assert [line.split(": error: ")[1][:60] for line in lines] == [
        "column A holds values that are not marks (40 cells, the firs",
        "column B holds values that are not marks (40 cells, the firs",
    ]


def test_bytes_that_are_not_utf8_in_a_long_file(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    body = b"cao,tn,thap\n" * 20_000 + "Bi\u0300nh,tn,thap\n".encode("cp1258")
    path.write_bytes(",".join(PEOPLE).encode() + b"\n" + body)
    offset = len(",".join(PEOPLE).encode()) + 1 + 12 * 20_000 + 2
    assert _error(path) == (
        f"b.csv, row 20002: error: the text is not UTF-8: byte 0xCC at offset {offset} cannot be "
        "read; the file was probably saved in a legacy encoding (Windows-1258, Windows-1252, "
        'TCVN3 or VNI): save it as "CSV UTF-8" and try again'
    )


def test_turnout_from_a_json_sidecar_or_the_caller(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.csv", PEOPLE[:1], [["cao"], ["tn"]])
    (tmp_path / "b.turnout.json").write_text(
        '{"Tổng số đại biểu": 3, "có mặt": 3, "phát ra": 3, "thu về": 2}', encoding="utf-8"
    )
    turnout = read_ballots(path, LEVELS).tallies[0].turnout
    assert dict(turnout) == {
        "members": 3, "present": 3, "issued": 3, "collected": 2, "valid": 2, "invalid": 0,
    }  # fmt: skip
    turnout = read_ballots(path, LEVELS, turnout={"members": 4}).tallies[0].turnout
    assert turnout["members"] == 4
    (tmp_path / "b.turnout.toml").write_text("members = 3\n", encoding="utf-8")
    assert _error(path) == (
        "b.turnout.json: error: both b.turnout.toml and b.turnout.json exist; keep one"
    )


def test_turnout_that_does_not_add_up(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.csv", PEOPLE[:1], [["cao"], ["tn"], ["tn"]])
    message = _error(path, turnout={"members": 2, "present": 3, "issued": 4, "collected": 2})
    assert message.splitlines() == [
        "b.csv: error: the turnout gives 2 ballots collected, but the file holds 3 ballots",
        "b.csv: error: 3 present, more than the 2 members",
        "b.csv: error: 4 ballots issued, more than the 2 members",
        "b.csv: error: 3 ballots collected, more than the 2 members",
        "b.csv: error: 4 ballots issued, more than the 3 present",
    ]


def test_columns_of_a_ballot_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "b.csv", ["An", "an ", "", "void", "huỷ"], [["cao", "tn", "x", "", ""]]
    )
    assert _error(path).splitlines() == [
        "b.csv, row 1, column 'an': error: the person \"An\" has two columns; keep one",
        "b.csv, row 1, column 'huỷ': error: a second void column; keep one",
    ]
    path = _write(tmp_path / "c.csv", ["An", ""], [["cao", "tn"]])
    assert _error(path) == (
        "c.csv, row 1: error: column B has no header (a blank or merged cell) but holds marks; "
        "give every column its own header"
    )
    path = _write(tmp_path / "d.csv", ["STT", "void"], [["1", ""]])
    assert _error(path) == (
        "d.csv, row 1: error: no person columns: the header should name one person per column; "
        'found "STT", "void"'
    )


def test_a_row_longer_than_the_header(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "b.csv", PEOPLE[:2], [["cao", "tn"], ["cao", "tn", "thap"], ["c", "", ""]]
    )
    assert (
        _error(path)
        == "b.csv, row 3: error: the row has 3 cells, more than the 2 columns of the header"
    )


def test_a_workbook_of_ballots(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Ghi chú"
    ballots_sheet = book.create_sheet("Phiếu")
    for row in ([*PEOPLE[:2], "void"], ["cao", "tn", None], [None, None, None], ["c", "cao", True]):
        ballots_sheet.append(row)
    book.save(tmp_path / "b.xlsx")
    dataset = read_ballots(tmp_path / "b.xlsx", LEVELS)
    assert [(dict(t.turnout), dict(t.counts)) for t in dataset.tallies] == [
        ({"collected": 2, "valid": 1, "invalid": 1}, {"cao": 1, "tn": 0, "thap": 0}),
        ({"collected": 2, "valid": 1, "invalid": 1}, {"cao": 0, "tn": 1, "thap": 0}),
    ]
    assert [w.message for w in dataset.warnings] == [
        "1 empty row was skipped; a blank ballot needs a mark, e.g. in the void column"
    ]


def test_marks_merged_over_several_ballots_are_refused(tmp_path: Path) -> None:
    """A merged cell holds one mark: read in its first row only, the ballots below would count as
    blank for that person. Whose mark it is cannot be guessed, so the file is refused."""
    book = Workbook()
    sheet = book.active
    for row in ([*PEOPLE[:2], "void"], ["cao", "tn"], ["cao", "thap"], ["tn", "thap"]):
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("A1:B1")  # a merged header cell spans columns, not ballots: not refused
    book.save(tmp_path / "b.xlsx")
    with pytest.raises(DataError) as caught:
        read_ballots(tmp_path / "b.xlsx", LEVELS)
    assert [i.render() for i in caught.value.issues] == [
        f"{tmp_path / 'b.xlsx'}, row 2: error: cells merged over several rows (A2:A3): each row is "
        "one ballot, and a merged cell holds one mark, read only in its first row; unmerge them "
        "and give each ballot its own mark"
    ]


def test_a_mark_written_as_a_formula_never_computed_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    for row in ([*PEOPLE[:2], "void"], ["cao", "tn"], ['=IF(TRUE,"cao","tn")', "thap"]):
        book.active.append(row)
    book.save(tmp_path / "b.xlsx")  # openpyxl computes no formula: no value is saved
    with pytest.raises(DataError) as caught:
        read_ballots(tmp_path / "b.xlsx", LEVELS)
    assert [i.message for i in caught.value.issues] == [
        "formulas with no saved value (A3): the program that wrote the file did not compute "
        "them; open it in Excel or LibreOffice and save it, or write the numbers"
    ]


def test_json_form_errors(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text('{"rows": []}', encoding="utf-8")
    assert _error(path) == (
        'b.json: error: expected {"turnout": {...}, "ballots": [...]}; found the keys "rows"'
    )
    path.write_text('{"ballots": [], "turnout": {"members": -1, "valid": 3}}', encoding="utf-8")
    assert _error(path).splitlines() == [
        "b.json: error: turnout.members: expected a whole number not below 0, found -1",
        'b.json: error: unknown key "turnout.valid"; expected members, present, issued, '
        "collected, round or unit",
    ]


def _peak(path: Path) -> int:
    tracemalloc.start()
    read_ballots(path, LEVELS)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_memory_does_not_grow_with_the_number_of_ballots(tmp_path: Path) -> None:
    rng = random.Random(7)
    marks = ["cao", "tn", "thap", "", "c", "cao+tn", "Tín nhiệm cao"]
    people = [f"Người {i}" for i in range(8)]

    def write(name: str, n: int) -> Path:
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as out:
            out.write("STT," + ",".join(people) + "\n")  # a ballot number: a new text each row
            for number in range(1, n + 1):
                out.write(f"{number}," + ",".join(rng.choices(marks, k=len(people))) + "\n")
        return path

    small, large = write("small.csv", 5_000), write("large.csv", 100_000)
    assert _peak(large) < 1.5 * _peak(small) + 200_000
