"""Properties that must hold for every bundled rule set, on generated tallies.

The consequence block of each set lists its classes from the most to the least severe (the first
rule that matches wins), so "milder" means "later in the block".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinnhiem.engine import compare, evaluate
from tinnhiem.engine.model import Dataset, Tally
from tinnhiem.rules import ast, load

from tinnhiem import bundled

RULESETS = {p.name: load(p, bundled.loader()).ok() for p in bundled.bundled_rules()}
WITH_CONSEQUENCE = sorted(n for n, r in RULESETS.items() if r.block("consequence"))


def _level_ids(ruleset: ast.Resolved) -> tuple[str, ...]:
    # Data levels: the set's own levels and those it maps (3-level data under a 2-level set).
    return ruleset.levels.ids + tuple(m.source for m in ruleset.maps)


def _severity(ruleset: ast.Resolved, klass: str) -> int:
    block = ruleset.block("consequence")
    assert block is not None
    return [r.id for r in block.rules].index(klass)


def _tally(ruleset: ast.Resolved, votes: dict[str, int], basis: int) -> Tally:
    turnout = dict.fromkeys(("members", "present", "issued", "collected", "valid"), basis)
    return Tally(id="p", name="Người", turnout=turnout, counts=votes)


@st.composite
def tallies(draw: st.DrawFn, name: str) -> tuple[dict[str, int], int, str]:
    ruleset = RULESETS[name]
    levels = ruleset.levels.ids
    basis = draw(st.integers(min_value=2, max_value=120))
    thap = levels[-1]
    others = [lv for lv in levels if lv != thap]
    votes = {lv: 0 for lv in levels}
    left = basis
    for level in others:
        votes[level] = draw(st.integers(min_value=0, max_value=left))
        left -= votes[level]
    votes[thap] = left
    donors = [lv for lv in others if votes[lv] > 0]
    if not donors:
        donors = ["-"]
    return votes, basis, draw(st.sampled_from(donors))


@pytest.mark.parametrize("name", WITH_CONSEQUENCE)
def test_one_more_low_vote_never_gives_a_milder_consequence(name: str) -> None:
    ruleset = RULESETS[name]
    thap = ruleset.levels.ids[-1]

    @settings(max_examples=150, deadline=None)
    @given(tallies(name))
    def check(case: tuple[dict[str, int], int, str]) -> None:
        votes, basis, donor = case
        if donor == "-":
            return  # every vote is already "thấp"
        moved = {**votes, donor: votes[donor] - 1, thap: votes[thap] + 1}
        data = Dataset(
            "gen.csv",
            (_tally(ruleset, votes, basis), _tally(ruleset, moved, basis)),
            _level_ids(ruleset),
        )
        before, after = evaluate(ruleset, data, explain=False).results
        assert before.status == after.status == "evaluated"
        severity_before = _severity(ruleset, before.klass("consequence") or "")
        severity_after = _severity(ruleset, after.klass("consequence") or "")
        assert severity_after <= severity_before, (votes, moved)

    check()


@pytest.mark.parametrize("name", sorted(RULESETS))
def test_comparing_a_bundled_set_with_itself_changes_nobody(name: str) -> None:
    ruleset = RULESETS[name]
    sample = Path(bundled.default_data())
    from tinnhiem.engine.formats import read_tallies

    levels = {lv.id: lv.label for lv in ruleset.levels.levels}
    if set(ruleset.levels.ids) >= {"cao", "tn", "thap"} or ruleset.maps:
        dataset = read_tallies(sample, levels)
        result = compare(ruleset, ruleset, dataset)
        assert result.changes == ()
        assert len(result.pairs) == 56
