"""A person `FastExplainer` says whole: everything but the quorum's line remembered per counts,
levels, basis and derivation of the basis (`Said`), and the JSON of it kept in pieces
(`result_json.said_json`). A wrong hit would be a silently wrong answer: every result must be what
`Explainer` says afresh and every line what the encoder writes of its document, with the caches so
small that they start again all the time, and two people who differ only in what is not in the key
(id, name, round, the quorum's figures, an attribute an exemption reads) each get their own."""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_explainer_fast import RULESETS, bundled_tallies
from test_one_path_properties import HEADER, rows, rulesets
from tinnhiem.engine import explainer_fast
from tinnhiem.engine.evaluate import Plan, Runner
from tinnhiem.engine.explainer import Explainer
from tinnhiem.engine.formats import read_tallies, result_json
from tinnhiem.engine.formats.document import result_document
from tinnhiem.engine.formats.writers import ResultsLayout, csv_row
from tinnhiem.engine.model import Dataset
from tinnhiem.rules import ast, load_text

from tinnhiem import bundled
from tinnhiem.cli import main

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QD96 = RULESETS["qd96-2023.tn"]


@contextlib.contextmanager
def tiny_caches(size: int = 2) -> Iterator[None]:
    """Every cache of the explainer and of the JSON pieces capped at `size` entries."""
    names = [(explainer_fast, "KEPT"), (explainer_fast, "PEOPLE")]
    names += [(result_json, "KEPT"), (result_json, "PIECES")]
    saved = [getattr(module, name) for module, name in names]
    for module, name in names:
        setattr(module, name, size)
    try:
        yield
    finally:
        for (module, name), value in zip(names, saved, strict=True):
            setattr(module, name, value)


def _check(ruleset: ast.Resolved, dataset: Dataset, *, passes: int = 2) -> int:
    """Each person as a run explains and writes them (`Runner.results`, the explainer's `last`,
    `said_json`) against `Explainer` and the encoder; how many were said whole."""
    whole = 0
    levels = list(ruleset.levels.ids)
    for lang in ("en", "vi"):
        runner = Runner(Plan.of(ruleset), dataset, lang)
        reference = Explainer(runner)
        explainer = runner.explainer
        for _ in range(passes):
            for index, result in enumerate(runner.results(explain=True)):
                decided = runner.decide(index, dataset.tallies[index], note=False)
                expected = reference.explain(index, decided)
                assert result == expected
                assert repr(result) == repr(expected)
                compact = json.dumps(
                    result_document(expected, levels), ensure_ascii=False, separators=(",", ":")
                )
                last = explainer.last
                if last is not None and last[0] is result:
                    whole += 1
                    assert result_json.said_json(result, last[1], levels) == compact
                assert result_json.result_json(result, levels) == compact
            people = explainer.people
            assert people is None or len(people) <= explainer_fast.PEOPLE
    return whole


def _file(folder: str, header: list[str], table: list[list[str]]) -> Path:
    path = Path(folder) / "t.csv"
    lines = [",".join(header), *(",".join(row) for row in table)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(header: list[str], table: list[list[str]], ruleset: ast.Resolved) -> Dataset:
    with tempfile.TemporaryDirectory() as folder:
        path = _file(folder, header, table)
        return read_tallies(path, {lv.id: lv.label for lv in ruleset.levels.levels})


# cells of the attributes of `test_one_path_properties`'s rule sets, of their kinds
ATTRIBUTES = {
    "notice": ("", "có", "không"),
    "appointed": ("", "2023-03-01", "2020-06-15"),
    "score": ("", "5", "9"),
    "kind": ("", "a", "c"),
}


def _twins(table: list[list[str]], draw: st.DrawFn, header: list[str]) -> list[list[str]]:
    """The rows again, each with what a `Said` must not depend on changed: the id, the name, the
    round, the members (the quorum's line) and the attribute cells, the counts kept."""
    at = {name: header.index(name) for name in header}
    twins = []
    for number, row in enumerate(table):
        twin = list(row)
        twin[at["id"]] = f"Q{number}"
        twin[at["name"]] = f"Bà {number}"
        if "round" in at:
            twin[at["round"]] = draw(st.sampled_from(["2021", "2022", "2023"]))
        members = at["members"]
        twin[members] = str(int(row[members]) + draw(st.integers(0, 30)))
        for name, cells in ATTRIBUTES.items():
            if name in at:
                twin[at[name]] = draw(st.sampled_from(cells))
        twins.append(twin)
    return table + twins


@SETTINGS
@given(text=rulesets(), table=rows(), data=st.data())
def test_said_whole_as_the_reference_says_for_every_construct_with_tiny_caches(
    text: str, table: list[list[str]], data: st.DataObject
) -> None:
    loaded = load_text(text, "t.tn", bundled.loader())
    assume(loaded.resolved is not None and not any(d.is_error for d in loaded.diagnostics))
    assert loaded.resolved is not None
    table = _twins(table, data.draw, HEADER)
    with tiny_caches():
        _check(loaded.resolved, _read(HEADER, table, loaded.resolved))


@SETTINGS
@given(drawn=bundled_tallies(), data=st.data(), size=st.sampled_from([1, 2, 3, 1 << 15]))
def test_said_whole_as_the_reference_says_for_every_bundled_rule_set(
    drawn: tuple[str, list[str], list[list[str]]], data: st.DataObject, size: int
) -> None:
    name, header, table = drawn
    ruleset = RULESETS[name]
    table = _twins(table, data.draw, header)
    with tiny_caches(size):
        _check(ruleset, _read(header, table, ruleset))


# the same counts and basis, person after person; each differs from the first in one thing the
# remembered part must not hold (or holds: the derivation of the basis, when it is derived)
HEAD = ["id", "name", "round", "members", "present", "collected", "valid", "invalid"]
HEAD += ["cao", "tn", "thap"]
SAME = [
    ["A1", "Nguyễn Văn A", "2023", "30", "30", "30", "", "", "10", "5", "15"],
    ["A2", "Nguyễn Văn A", "2023", "30", "30", "30", "", "", "10", "5", "15"],  # the id
    ["A1", "Trần Thị B", "2024", "30", "30", "30", "", "", "10", "5", "15"],  # name, round
    ["A3", "C", "2023", "44", "30", "30", "", "", "10", "5", "15"],  # quorum's figures: met
    ["A4", "D", "2023", "60", "30", "30", "", "", "10", "5", "15"],  # not met: invalid
    ["A5", "E", "2023", "30", "", "30", "", "", "10", "5", "15"],  # quorum not checked
    ["A6", "F", "2023", "30", "30", "30", "", "", "15", "5", "10"],  # counts in other levels
]


def _lines(path: Path, out: Path, rules: str, *extra: str) -> list[dict[str, object]]:
    code = main(["run", "-r", rules, "-d", str(path), "-f", "jsonl", "-o", str(out), *extra])
    assert code == 0
    return [json.loads(line)["result"] for line in out.read_text("utf-8").splitlines()[1:-1]]


def test_people_of_the_same_counts_get_their_own_fields_quorum_and_classes() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _file(folder, HEAD, SAME)
        results = _lines(path, Path(folder) / "out.jsonl", "qd96-2023")
    assert [(r["id"], r["name"], r["round"], r["status"]) for r in results] == [
        ("A1", "Nguyễn Văn A", "2023", "evaluated"),
        ("A2", "Nguyễn Văn A", "2023", "evaluated"),
        ("A1", "Trần Thị B", "2024", "evaluated"),
        ("A3", "C", "2023", "evaluated"),
        ("A4", "D", "2023", "invalid"),
        ("A5", "E", "2023", "evaluated"),
        ("A6", "F", "2023", "evaluated"),
    ]
    quorum = [next(line for line in r["trace"] if line.startswith("quorum")) for r in results]
    assert (
        quorum[0]
        == quorum[1]
        == quorum[2]
        == ("quorum: present = 30 ≥ 2/3 of members = 30 (20.00): met")
    )
    assert quorum[3] == "quorum: present = 30 ≥ 2/3 of members = 44 (29.33): met"
    assert quorum[4] == "quorum: present = 30 ≥ 2/3 of members = 60 (40.00): not met"
    assert quorum[5] == "quorum (present ≥ 2/3 of members) not checked: no `present`"
    assert results[0]["classes"]["band"]["id"] == "mid"  # type: ignore[index]
    assert results[6]["classes"]["band"]["id"] == "high"  # type: ignore[index]
    assert results[6]["counts"] == {"cao": 15, "tn": 5, "thap": 10}
    # everything but the person's own fields and the quorum's line is the first one's
    for r in (results[1], results[2], results[3], results[5]):
        assert {k: v for k, v in r.items() if k not in ("id", "name", "round", "trace")} == {
            k: v for k, v in results[0].items() if k not in ("id", "name", "round", "trace")
        }


def test_a_derived_basis_is_its_own_part_of_the_key() -> None:
    """valid = collected − invalid: the same basis, said with other figures, is another line."""
    table = [
        ["V1", "A", "2023", "40", "30", "30", "", "2", "10", "5", "13"],
        ["V2", "B", "2023", "40", "31", "31", "", "3", "10", "5", "13"],
        ["V3", "C", "2023", "40", "40", "40", "28", "", "10", "5", "13"],
    ]
    text = (bundled.bundled_rules()[0].parent / "qd96-2023.tn").read_text("utf-8")
    text = text.replace("basis collected", "basis valid")
    assert "basis valid" in text
    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder) / "qd96-valid.tn"
        rules.write_text(text, "utf-8")
        path = _file(folder, HEAD, table)
        results = _lines(path, Path(folder) / "out.jsonl", str(rules))
    basis = [next(line for line in r["trace"] if line.startswith("basis")) for r in results]
    assert basis == [
        "basis: valid = collected 30 − invalid 2 = 28 (the data gives no `valid`)",
        "basis: valid = collected 31 − invalid 3 = 28 (the data gives no `valid`)",
        "basis: valid = 28",
    ]
    assert [r["basis"] for r in results] == [{"kind": "valid", "value": 28}] * 3


def test_an_exemption_the_data_can_check_is_said_for_each_person() -> None:
    """With a `retirement_notice` column the exemptions are checked: nobody is said whole, and
    two people of the same counts differ by their notice."""
    header = [*HEAD, "retirement_notice"]
    table = [[*SAME[0], "không"], [*SAME[1], "có"]]
    dataset = _read(header, table, QD96)
    runner = Runner(Plan.of(QD96), dataset)
    results = list(runner.results(explain=True))
    assert runner.explainer.last is None
    assert [r.status for r in results] == ["evaluated", "exempt"]
    assert _check(QD96, dataset) == 0


def test_the_usual_file_is_said_whole_and_the_memo_stays_within_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bench's layout: everyone said whole (so the tests above test the remembered way),
    and the memo holds at most `PEOPLE` people however many there are."""
    monkeypatch.setattr(explainer_fast, "PEOPLE", 3)
    table = []
    for i in range(40):
        basis, cao, tn = 30 + i % 5, 10 + i % 4, 5 + i % 3
        turnout = ["40", str(basis), str(basis), "", ""]
        table.append(
            [f"P{i}", f"Người {i}", "2023", *turnout, str(cao), str(tn), str(basis - cao - tn)]
        )
    dataset = _read(HEAD, table, QD96)
    assert _check(QD96, dataset) == 2 * 2 * 40  # two languages, two passes
    runner = Runner(Plan.of(QD96), dataset)
    list(runner.results(explain=True))
    assert runner.explainer.people is not None and 0 < len(runner.explainer.people) <= 3


@SETTINGS
@given(drawn=bundled_tallies())
def test_a_streamed_csv_row_is_the_long_way_s_row(
    drawn: tuple[str, list[str], list[list[str]]],
) -> None:
    """`ResultsLayout.csv_cells` (the cells made straight as text) against `csv_row(row)`."""
    name, header, table = drawn
    ruleset = RULESETS[name]
    dataset = _read(
        [*header, "group"], [[*row, f"=N{n % 2}"] for n, row in enumerate(table)], ruleset
    )
    layout = ResultsLayout(ruleset, dataset.tallies, (ruleset.basis.kind,))
    runner = Runner(Plan.of(ruleset), dataset)
    for explain in (False, True):
        for number, result in enumerate(runner.results(explain=explain), start=1):
            assert layout.csv_cells(number, result) == csv_row(layout.row(number, result))
