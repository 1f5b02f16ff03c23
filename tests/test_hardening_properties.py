"""Properties on real files (hypothesis): the order of the ballots does not matter."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from tinnhiem.engine.formats import read_ballots
from tinnhiem.engine.model import Dataset

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
MARKS = ["cao", "tn", "thap", "c", "Tín nhiệm thấp", "", "cao+tn", " tn "]

ballot = st.tuples(
    st.lists(st.sampled_from(MARKS), min_size=3, max_size=3), st.sampled_from(["", "x"])
)
ballots = st.lists(ballot, min_size=1, max_size=30).filter(
    lambda rows: any(any(r[0]) for r in rows)
)


def _write(path: Path, rows: list[list[str]]) -> Path:
    header = [*PEOPLE, "Hủy"]
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *rows])
    elif path.suffix == ".xlsx":
        book = Workbook()
        for row in [header, *rows]:
            book.active.append([cell or None for cell in row])
        book.save(path)
    else:
        items = [dict(zip(header, row, strict=True)) for row in rows]
        path.write_text(json.dumps({"ballots": items}, ensure_ascii=False), encoding="utf-8")
    return path


def _tallies(dataset: Dataset) -> dict[str, tuple[dict[str, int], dict[str, int]]]:
    return {t.name: (dict(t.turnout), dict(t.counts)) for t in dataset.tallies}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    drawn=ballots,
    order=st.randoms(use_true_random=False),
    suffix=st.sampled_from([".csv", ".xlsx", ".json"]),
)
def test_tallying_does_not_depend_on_the_order_of_the_ballots(
    tmp_path: Path, drawn: list[tuple[list[str], str]], order: object, suffix: str
) -> None:
    rows = [[*people, void] for people, void in drawn]
    rows = [r for r in rows if any(r)]  # an empty row is no ballot (and is warned about)
    shuffled = list(rows)
    order.shuffle(shuffled)  # type: ignore[attr-defined]
    first = read_ballots(_write(tmp_path / f"a{suffix}", rows), LEVELS)
    second = read_ballots(_write(tmp_path / f"b{suffix}", shuffled), LEVELS)
    assert _tallies(first) == _tallies(second)
    assert len(first.tallies) == 3
    assert [t.name for t in first.tallies] == [t.name for t in second.tallies] == PEOPLE
    assert first.levels == second.levels
    assert {t.turnout["collected"] for t in first.tallies} == {len(rows)}
