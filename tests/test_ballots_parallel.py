"""Counting a ballot file on several cores gives exactly what one process gives.

The same counts, the same warnings, and the same errors with the same row numbers, whichever
range of the file they fall in (the ranges are split at newlines, see engine/formats/parallel.py).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinnhiem.engine.formats import ballots as ballots_module
from tinnhiem.engine.formats import parallel, read_ballots
from tinnhiem.engine.model import DataError, Dataset

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
ROWS = 6000


def ballots(path: Path, bad: dict[int, str], *, crlf: bool = False) -> Path:
    """ROWS ballots of four people and a void column; `bad` replaces the line of a row."""
    rng = random.Random(len(bad))
    marks = ["cao"] * 6 + ["tn"] * 3 + ["thap", "", "cao+thap"]
    lines = ["An,Bình,Cúc,Dũng,hủy"]
    for row in range(2, ROWS + 2):
        cells = [rng.choice(marks) for _ in range(4)] + ["x" if row % 97 == 0 else ""]
        lines.append(bad.get(row, ",".join(cells)))
    end = "\r\n" if crlf else "\n"
    path.write_bytes((end.join(lines) + end).encode())
    return path


def outcome(path: Path, parts: int, monkeypatch: pytest.MonkeyPatch) -> Dataset | list[str]:
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 0 if parts > 1 else 1 << 60)
    monkeypatch.setattr(parallel, "workers", lambda: parts)
    try:
        return read_ballots(path, LEVELS)
    except DataError as exc:
        return [issue.render() for issue in exc.issues]


CASES = {
    "clean": {},
    "blank rows": {10: ",,,,", 3001: ",,,,", ROWS: ",,,,"},
    "bad marks in every range": {5: "cao,??,tn,cao,", 2999: "cao,tn,zz,cao,", 5990: "a,b,c,d,"},
    "a long row in the second range": {4000: "cao,tn,cao,cao,,cao"},
    "a bad void mark": {4500: "cao,tn,cao,cao,maybe"},
    "more errors than are listed": {row: "cao,??,tn,cao," for row in range(2, ROWS, 150)},
}


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("case", list(CASES))
def test_several_processes_count_what_one_counts(
    case: str, crlf: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ballots(tmp_path / "b.csv", CASES[case], crlf=crlf)
    assert len(parallel.split(path, len("An,Bình,Cúc,Dũng,hủy\n".encode()), 3)) == 3
    one = outcome(path, 1, monkeypatch)
    for parts in (2, 3):
        assert outcome(path, parts, monkeypatch) == one
    if case == "clean":
        assert isinstance(one, Dataset)
        # one row of the 6000 has no mark at all (skipped, with a warning)
        assert [t.turnout["collected"] for t in one.tallies] == [ROWS - 1] * 4
        assert len(one.warnings) == 1
    if case == "bad marks in every range":
        assert isinstance(one, list)
        # a column of non-marks is named by its header, never by a cell (a ballot is secret);
        # "c" in row 5990 is a mark (the first letter of cao), so column C counts row 2999 only
        assert [line.split(": error: ")[1].split(";")[0] for line in one] == [
            "column A holds values that are not marks (1 cell, the first in row 5990)",
            "column B holds values that are not marks (2 cells, the first in row 5)",
            "column C holds values that are not marks (1 cell, the first in row 2999)",
            "column D holds values that are not marks (1 cell, the first in row 5990)",
        ]


def _lone_return(path: Path, row: int) -> Path:
    """A file of ballots whose `row`-th line ends with a carriage return alone."""
    lines = ballots(path.with_name("plain.csv"), {}).read_bytes().split(b"\n")
    lines[row - 1 : row + 1] = [lines[row - 1] + b"\r" + lines[row]]
    path.write_bytes(b"\n".join(lines))
    return path


WHOLE_FILE = {
    "a quote in the first range": lambda p: ballots(p, {10: '"cao",tn,cao,cao,'}),
    "a quote in the second range": lambda p: ballots(p, {5000: '"cao",tn,cao,cao,'}),
    "a lone return in the second range": lambda p: _lone_return(p, 5000),
    "an error in the second range": lambda p: ballots(p, {5000: "cao,tn,cao,cao,,cao"}),
}


@pytest.mark.parametrize("case", list(WHOLE_FILE))
def test_a_range_that_cannot_be_counted_apart_leaves_the_file_to_one_process(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quote or a lone carriage return may put a newline inside a row (or end one without
    it), and a later range numbers its rows from its own start: the workers say so, and one
    process counts the whole file (in the parent: the workers count with `whole_rows`)."""
    path = WHOLE_FILE[case](tmp_path / "b.csv")
    assert len(parallel.split(path, 0, 2)) == 2  # cut at a newline, the bytes unread
    one = outcome(path, 1, monkeypatch)
    calls: list[tuple[int, int, bool]] = []
    real = ballots_module._fast

    def spy(source, count, start=0, end=0, codes=True, *, whole_rows=False):  # type: ignore[no-untyped-def]
        calls.append((start, end, whole_rows))
        return real(source, count, start, end, codes, whole_rows=whole_rows)

    monkeypatch.setattr(ballots_module, "_fast", spy)
    assert outcome(path, 2, monkeypatch) == one
    assert calls == [(0, 0, False)]  # the workers' calls were in their own processes


def test_a_plain_file_is_counted_in_ranges_without_a_pass_over_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent reads a line at each cut, then merges: it never counts the file itself."""
    path = ballots(tmp_path / "b.csv", {})
    calls: list[int] = []
    real = ballots_module._fast
    monkeypatch.setattr(ballots_module, "_fast", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = outcome(path, 2, monkeypatch)
    assert calls == []
    monkeypatch.setattr(ballots_module, "_fast", real)
    assert first == outcome(path, 1, monkeypatch)


# the pieces of a line: marks, blanks, bad marks; and, in some files, what may put a newline
# inside a row or end a row without one (a quote, a lone carriage return)
PLAIN = ["cao", "tn", "thap", "", "cao+thap", "??", "x"]
SPECIAL = ['"cao"', '"c\na"', "\r"]


@st.composite
def ballot_lines(draw: st.DrawFn) -> list[list[str]]:
    pieces = PLAIN + SPECIAL if draw(st.booleans()) else PLAIN
    # mostly rows of the header's five cells, some shorter or longer (a long row is an error)
    line = st.one_of(st.just(5), st.integers(0, 7)).flatmap(
        lambda n: st.lists(st.sampled_from(pieces), min_size=n, max_size=n)
    )
    return draw(st.lists(line, min_size=1, max_size=60))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(lines=ballot_lines(), crlf=st.booleans())
def test_any_file_is_counted_on_several_cores_as_one_process_counts_it(
    lines: list[list[str]], crlf: bool
) -> None:
    """Random lines (short, long, blank, bad, quoted, with lone carriage returns) cut into two
    and three ranges: the outcome is one process's, whatever falls in which range."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        path = Path(folder) / "b.csv"
        end = "\r\n" if crlf else "\n"
        text = "An,Bình,Cúc,Dũng,hủy" + end + end.join(",".join(line) for line in lines) + end
        path.write_bytes(text.encode())
        one = outcome(path, 1, patch)
        for parts in (2, 3):
            assert outcome(path, parts, patch) == one


SEEN = """
import multiprocessing, sys
from tinnhiem.engine.formats import ballots as ballots_module
from tinnhiem.engine.formats import parallel, read_ballots
from tinnhiem.engine.model import DataError
methods = []
real = multiprocessing.get_context
def context(method=None):
    made = real(method)
    methods.append(made.get_start_method())
    return made
multiprocessing.get_context = context
parallel.PARALLEL_BYTES, parallel.workers = 0, lambda: 2
levels = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
try:
    print(read_ballots(sys.argv[1], levels).tallies)
except DataError as exc:
    print([issue.render() for issue in exc.issues])
print(methods)
"""


@pytest.mark.parametrize("threads", [False, True], ids=["forked", "fork server"])
def test_workers_are_forked_without_threads_and_come_from_a_fork_server_with_them(
    threads: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process of one thread (the CLI) forks its workers; one with threads (the TUI) may not,
    and gets them from a fork server: both count what one process counts. Each runs in a
    fresh interpreter, whose threads are known."""
    path = ballots(tmp_path / "b.csv", CASES["bad marks in every range"])
    one = outcome(path, 1, monkeypatch)
    one_said = str(one.tallies) if isinstance(one, Dataset) else str(one)
    code = SEEN
    if threads:
        code = "import threading; threading.Thread(target=threading.Event().wait, daemon=True)"
        code += ".start()\n" + SEEN
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    said, methods = done.stdout.splitlines()
    assert said == one_said
    assert methods == str(["forkserver" if threads else "fork"])
