"""The runs explain with `FastExplainer`, which remembers the paths people take through a block and
the pieces of their lines; `Explainer` says everything afresh for each person. The two must give
exactly the same results (steps, trace, margins, in both languages), for every construct of the
language and every bundled rule set, with each path said afresh or remembered; and the hand-made
JSON of a result must be byte for byte what the encoder writes of its document (hypothesis)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_one_path_properties import HEADER, rows, rulesets
from tinnhiem.engine import explainer_fast
from tinnhiem.engine.evaluate import Plan, Runner
from tinnhiem.engine.explainer import Explainer
from tinnhiem.engine.explainer_fast import FastExplainer, counts_only
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.formats.document import result_document
from tinnhiem.engine.formats.result_json import result_json
from tinnhiem.engine.model import Dataset
from tinnhiem.rules import ast, load, load_text

from tinnhiem import bundled

RULESETS = {p.name: load(p, bundled.loader()).ok() for p in bundled.bundled_rules()}
TURNOUT = ("members", "present", "collected", "valid", "invalid")
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _same_explanations(ruleset: ast.Resolved, dataset: Dataset) -> None:
    """Every person explained afresh and by the fast explainer (twice: said, then remembered),
    in English and in Vietnamese; the JSON of each result as the encoder writes it."""
    for lang in ("en", "vi"):
        runner = Runner(Plan.of(ruleset), dataset, lang)
        reference, fast = Explainer(runner), FastExplainer(runner)
        levels = list(ruleset.levels.ids)
        decided = [runner.decide(i, t, note=False) for i, t in enumerate(dataset.tallies)]
        for _ in range(2):
            for index, result in enumerate(decided):
                expected = reference.explain(index, result)
                found = fast.explain(index, result)
                assert found == expected
                assert repr(found) == repr(expected)  # the shares too, in the same order
                for shown in (result, found):
                    compact = json.dumps(
                        result_document(shown, levels), ensure_ascii=False, separators=(",", ":")
                    )
                    assert result_json(shown, levels) == compact


def _tallies_file(folder: str, header: list[str], table: list[list[str]]) -> Path:
    path = Path(folder) / "t.csv"
    lines = [",".join(header), *(",".join(row) for row in table)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@SETTINGS
@given(text=rulesets(), table=rows())
def test_the_fast_explainer_says_what_the_reference_says_for_every_construct(
    text: str, table: list[list[str]]
) -> None:
    loaded = load_text(text, "t.tn", bundled.loader())
    assume(loaded.resolved is not None and not any(d.is_error for d in loaded.diagnostics))
    assert loaded.resolved is not None
    with tempfile.TemporaryDirectory() as folder:
        path = _tallies_file(folder, HEADER, table)
        dataset = read_tallies(path, {"cao": "", "tn": "", "thap": ""})
    _same_explanations(loaded.resolved, dataset)


# the attribute cells of a bundled rule set's tallies: blank, or a value of the declared kind
CELLS = {
    "number": ("", "5", "9"),
    "date": ("", "2023-03-01", "2020-06-15"),
    "bool": ("", "có", "không"),
    "any": ("", "a", "2023"),
}


@st.composite
def bundled_tallies(draw: st.DrawFn) -> tuple[str, list[str], list[list[str]]]:
    name = draw(st.sampled_from(sorted(RULESETS)))
    ruleset = RULESETS[name]
    levels = list(ruleset.levels.ids) + [m.source for m in ruleset.maps]
    levels = list(dict.fromkeys(levels))
    needs = Plan.of(ruleset).needs
    attrs = sorted(needs)
    header = ["id", "name", "round", *TURNOUT, *levels, *attrs]
    table: list[list[str]] = []
    for person in range(draw(st.integers(1, 4))):
        rounds = draw(st.sets(st.sampled_from(["2021", "2022", "2023-11-15"]), min_size=1))
        for round_ in sorted(rounds):
            collected = draw(st.integers(0, 60))
            invalid = draw(st.integers(0, min(5, collected)))
            left, votes = collected - invalid, []  # the votes of the valid ballots
            for _ in levels[:-1]:
                n = draw(st.integers(0, left))
                votes.append(n)
                left -= n
            votes.append(left)
            members = collected + draw(st.integers(0, 40))
            present = draw(st.sampled_from(["", str(collected), str(members)]))
            valid = draw(st.sampled_from(["", str(collected - invalid)]))
            turnout = [str(members), present, str(collected), valid, str(invalid)]
            cells = [draw(st.sampled_from(CELLS.get(needs[a][0], CELLS["any"]))) for a in attrs]
            table.append(
                [f"P{person}", f"Người {person}", round_, *turnout, *map(str, votes), *cells]
            )
    return name, header, table


@SETTINGS
@given(drawn=bundled_tallies())
def test_the_fast_explainer_says_what_the_reference_says_for_every_bundled_rule_set(
    drawn: tuple[str, list[str], list[list[str]]],
) -> None:
    name, header, table = drawn
    ruleset = RULESETS[name]
    with tempfile.TemporaryDirectory() as folder:
        path = _tallies_file(folder, header, table)
        dataset = read_tallies(path, {lv.id: lv.label for lv in ruleset.levels.levels})
    _same_explanations(ruleset, dataset)


@pytest.mark.parametrize("name", sorted(RULESETS))
def test_the_same_on_the_bundled_samples_with_few_paths_remembered(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for two paths a block, the caches forget all the time: still the same."""
    monkeypatch.setattr(explainer_fast, "KEPT", 2)
    ruleset = RULESETS[name]
    for data in bundled.bundled_data():
        if data.suffix != ".csv" or "phieu" in data.name:
            continue
        try:
            dataset = read_tallies(data, {lv.id: lv.label for lv in ruleset.levels.levels})
            Runner(Plan.of(ruleset), dataset)
        except Exception:  # data this rule set cannot read (its levels are not there)
            continue
        _same_explanations(ruleset, dataset)


def test_a_full_memo_forgets_its_older_half_and_keeps_what_came_last() -> None:
    """Emptied whenever full, a memo of 2**15 said a third of a million people afresh when they
    had 54,706 distinct counts; forgetting the older half keeps it warm."""
    cache: dict[int, str] = {}
    for i in range(4):
        assert explainer_fast._kept(cache, i, str(i), 4) == str(i)
    assert cache == {0: "0", 1: "1", 2: "2", 3: "3"}
    explainer_fast._kept(cache, 4, "4", 4)
    assert cache == {2: "2", 3: "3", 4: "4"}  # 0 and 1 forgotten, in the order they came
    small: dict[int, str] = {}
    for i in range(3):
        explainer_fast._kept(small, i, str(i), 2)
    assert small == {1: "1", 2: "2"}  # room for two: the newest always stays


def test_a_block_is_remembered_only_when_it_reads_nothing_but_counts() -> None:
    memos = {
        name: [counts_only(block) for block in Plan.of(ruleset).blocks]
        for name, ruleset in RULESETS.items()
    }
    assert memos["qd96-2023.tn"] == [True, True]
    # `previous share(thap)` reads the vote before: its block is said afresh for each person
    assert memos["nq35-2012.tn"][0] is False
