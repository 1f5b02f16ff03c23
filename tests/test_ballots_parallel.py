"""Counting a ballot file on several cores gives exactly what one process gives.

The same counts, the same warnings, and the same errors with the same row numbers, whichever
range of the file they fall in (the ranges are split at newlines, see engine/formats/parallel.py).
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
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


def test_a_file_with_quotes_or_lone_returns_is_not_split(tmp_path: Path) -> None:
    quoted = ballots(tmp_path / "q.csv", {3000: '"cao",tn,cao,cao,'})
    assert parallel.split(quoted, 0, 2) == []
    lone = tmp_path / "r.csv"
    lone.write_bytes(ballots(tmp_path / "l.csv", {}).read_bytes().replace(b"\n", b"\r", 1))
    assert parallel.split(lone, 0, 2) == []
    assert len(parallel.split(tmp_path / "l.csv", 0, 2)) == 2


SEEN = """
import multiprocessing, sys
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
