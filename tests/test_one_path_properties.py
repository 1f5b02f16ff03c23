"""One path: the run decides, the explainer explains that decision. For rule sets drawn from every
construct of the language (quorum, exemptions, `previous`, attributes, `rounded`, sets,
`is missing`) and data with blank cells and missing figures, the bulk answer of every person is
the explained answer, and the explanation's steps end at the rule the run chose (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tinnhiem.engine import evaluate
from tinnhiem.engine.conditions import Facts
from tinnhiem.engine.evaluate import Plan, Runner
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.model import Result
from tinnhiem.engine.plan import CompiledBlock
from tinnhiem.engine.quorum import Quorum
from tinnhiem.rules import load_text

from tinnhiem import bundled

HEAD = """ruleset "Mọi cấu trúc"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
schedule { term 5 years; vote every year }
attribute notice yes-no "Thông báo nghỉ hưu"
attribute appointed date "Ngày bổ nhiệm"
attribute score number "Điểm"
"""
QUORUM = "quorum present >= 2/3 of members\n"
EXEMPTS = (
    'exempt "Nghỉ hưu" when notice\n',
    'exempt "Mới bổ nhiệm" when year(appointed) == vote_year\n',
    'exempt "Chưa chấm điểm" when score is missing and share(cao) < 1/10\n',
)
# the conditions of the rules of the first block: some of them, in any order
CONDITIONS = (
    "share(thap) >= 2/3",
    "previous share(thap) > 1/2 and share(thap) > 1/3",
    'kind in {"a", "b"} and share(thap) > 1/4',
    "rounded(share(thap), 0) >= 45%",
    "notice is missing and share(thap) > 1/5",
    "score > 7 or count(thap) > 20",
    "not notice and share(cao) < 1/5",
    "months(appointed, vote_date) < 12 and share(thap) > 1/10",
)
HEADER = ["id", "name", "round", "members", "present", "collected", "cao", "tn", "thap"]
HEADER += ["notice", "appointed", "score", "kind"]


@st.composite
def rulesets(draw: st.DrawFn) -> str:
    text = HEAD + (QUORUM if draw(st.booleans()) else "")
    text += "".join(e for e in EXEMPTS if draw(st.booleans()))
    chosen = [c for c in CONDITIONS if draw(st.booleans())] or [CONDITIONS[0]]
    chosen = draw(st.permutations(chosen))
    rules = "".join(f'  r{i} "Quy tắc {i}" when {c}\n' for i, c in enumerate(chosen))
    text += f'classify consequence "Hệ quả" {{\n{rules}  else none "Không"\n}}\n'
    text += (
        'classify band "Mức" {\n'
        '  high "Cao" when rounded(share(cao), 1) >= 50%\n'
        '  mid "Vừa" when share(cao + tn) >= 1/2 and not (kind is missing)\n'
        '  else low "Thấp"\n}\n'
    )
    return text


@st.composite
def rows(draw: st.DrawFn) -> list[list[str]]:
    found: list[list[str]] = []
    for person in range(draw(st.integers(1, 3))):
        rounds = draw(st.sets(st.sampled_from(["2021", "2022", "2023"]), min_size=1))
        for year in sorted(rounds):
            collected = draw(st.integers(0, 40))
            thap = draw(st.integers(0, collected))
            tn = draw(st.integers(0, collected - thap))
            members = collected + draw(st.integers(0, 30))
            present = draw(st.sampled_from(["", str(collected), str(members)]))
            notice = draw(st.sampled_from(["", "có", "không"]))
            appointed = draw(st.sampled_from(["", f"{year}-03-01", "2020-06-15"]))
            score = draw(st.sampled_from(["", "5", "9"]))
            kind = draw(st.sampled_from(["", "a", "c"]))
            found.append(
                [f"P{person}", f"Người {person}", year, str(members), present, str(collected),
                 str(collected - thap - tn), str(tn), str(thap), notice, appointed, score, kind]
            )  # fmt: skip
    return found


def _agree(bulk: Result, full: Result) -> None:
    assert (bulk.status, bulk.reason) == (full.status, full.reason)
    assert (bulk.basis_kind, bulk.basis_value) == (full.basis_kind, full.basis_value)
    assert dict(bulk.counts) == dict(full.counts) and dict(bulk.shares) == dict(full.shares)
    assert [(v.block, v.klass) for v in bulk.verdicts] == [
        (v.block, v.klass) for v in full.verdicts
    ]
    assert not bulk.trace and not bulk.margins
    for verdict in full.verdicts:
        *tried, last = verdict.steps
        assert last.klass == verdict.klass and last.matched
        assert not any(step.matched for step in tried)
        assert f"→ {verdict.block}: {verdict.klass} “{verdict.label}”" in full.trace
    if full.status == "exempt":
        assert f"→ exempt: {full.reason}" in full.trace
    elif full.status == "invalid" and full.basis_value:
        assert f"→ invalid: {full.reason}" in full.trace


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=rulesets(), table=rows())
def test_the_bulk_answer_is_the_explained_answer_for_every_construct(
    text: str, table: list[list[str]]
) -> None:
    loaded = load_text(text, "t.tn", bundled.loader())
    assume(loaded.resolved is not None and not any(d.is_error for d in loaded.diagnostics))
    ruleset = loaded.resolved
    assert ruleset is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        lines = [",".join(HEADER), *(",".join(row) for row in table)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        dataset = read_tallies(path, {"cao": "", "tn": "", "thap": ""})
        bulk = evaluate(ruleset, dataset, explain=False)
        full = evaluate(ruleset, dataset)
    assert bulk.warnings == full.warnings
    for index, (quick, explained) in enumerate(zip(bulk.results, full.results, strict=True)):
        _agree(quick, explained)
        assert bulk.explain(index) == explained  # on demand, from the bulk run: the same


def test_the_quorum_is_met_not_met_or_unknown_and_says_itself() -> None:
    ruleset = load_text(HEAD + QUORUM + 'classify c "C" {\n  else n "N"\n}\n', "t.tn").ok()
    assert ruleset.quorum is not None
    quorum = Quorum(ruleset.quorum)
    assert quorum.met({"present": 20, "members": 30}) is True  # 20 >= 2/3 of 30, exactly
    assert quorum.met({"present": 19, "members": 30}) is False
    assert quorum.met({"members": 30}) is None
    assert quorum.lacking({"members": 30}) == ["present"]
    assert quorum.describe("en") == "present ≥ 2/3 of members"
    assert quorum.trace({"present": 19, "members": 30}) == (
        "quorum: present = 19 ≥ 2/3 of members = 30 (20.00): not met"
    )
    assert quorum.trace({"members": 30}) == (
        "quorum (present ≥ 2/3 of members) not checked: no `present`"
    )


def _scanned(block: CompiledBlock, facts: Facts, at: int) -> list[tuple[str, str, int, str]]:
    """The margins of a block found by trying every number of votes, one by one."""
    found = []
    basis = facts.basis or 0
    for level in block.reads:
        for sign, way in ((1, "more"), (-1, "fewer")):
            limit = basis - facts.counts[level] if sign > 0 else facts.counts[level]
            for k in range(1, limit + 1):
                moved = dict(facts.counts)
                moved[level] += sign * k
                to = block.classify(facts.with_counts(moved))
                if to != at:
                    found.append((level, way, k, block.rules[to].rule.id))
                    break
    return found


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=rulesets(), table=rows())
def test_margins_are_the_least_change_for_every_construct(
    text: str, table: list[list[str]]
) -> None:
    loaded = load_text(text, "t.tn", bundled.loader())
    assume(loaded.resolved is not None and not any(d.is_error for d in loaded.diagnostics))
    assert loaded.resolved is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        lines = [",".join(HEADER), *(",".join(row) for row in table)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        dataset = read_tallies(path, {"cao": "", "tn": "", "thap": ""})
    runner = Runner(Plan.of(loaded.resolved), dataset)
    for index, tally in enumerate(dataset.tallies):
        result = runner.result(index)
        if result.status != "evaluated":
            continue
        facts = runner.facts(index, tally, result.counts, result.basis_value)
        for block, verdict in zip(runner.plan.blocks, result.verdicts, strict=True):
            expected = _scanned(block, facts, block.index[verdict.klass])
            found = [
                (m.level, m.direction, m.votes, m.to_class)
                for m in result.margins
                if m.block == block.block.id
            ]
            assert found == expected
