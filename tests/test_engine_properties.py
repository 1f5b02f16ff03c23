"""Properties of the engine that must hold for any tally (hypothesis)."""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st
from tinnhiem.engine import compare, evaluate
from tinnhiem.engine.model import Dataset, Tally, percent
from tinnhiem.rules import ast, load_text

LEVELS = ("cao", "tn", "thap")
HEAD = """ruleset "QĐ 96-like"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
"""


@functools.cache
def qd96_like(lower: Fraction, upper: Fraction, upper_op: str) -> ast.Resolved:
    text = HEAD + (
        'classify consequence "Hệ quả" {\n'
        f'  dismiss "Miễn nhiệm" when share(thap) {upper_op} {upper}\n'
        f'  review "Xem xét" when share(thap) > {lower}\n'
        '  else none "Không"\n'
        "}\n"
    )
    return load_text(text, "t.tn").ok()


@functools.cache
def banded() -> ast.Resolved:
    text = HEAD + (
        'classify consequence "Hệ quả" {\n'
        '  dismiss "Đề nghị miễn nhiệm" when share(thap) >= 2/3\n'
        '  may_resign "Có thể xin từ chức" when share(thap) > 1/2 and share(thap) < 2/3\n'
        '  else none "Không"\n'
        "}\n"
        'classify band "Mức" {\n'
        '  high "Cao" when share(cao) >= 50%\n'
        '  mid "Cao và tín nhiệm" when share(cao + tn) >= 50%\n'
        '  odd "Lẻ" when not count(tn) == 3 and count(cao) > 2\n'
        '  else low "Thấp"\n'
        "}\n"
    )
    return load_text(text, "t.tn").ok()


# strictly between 0 and 1, and two distinct: otherwise the checker rightly refuses the rule set
# (a rule no share can reach, or one an earlier rule always catches)
thresholds = st.fractions(min_value=Fraction(1, 12), max_value=Fraction(11, 12), max_denominator=12)
pairs = st.tuples(thresholds, thresholds).filter(lambda p: p[0] != p[1]).map(sorted)


@st.composite
def votes(draw: st.DrawFn, max_basis: int = 60) -> tuple[int, int, int, int]:
    """(basis, cao, tn, thap) with the three counts not above the basis."""
    basis = draw(st.integers(1, max_basis))
    thap = draw(st.integers(0, basis))
    cao = draw(st.integers(0, basis - thap))
    tn = draw(st.integers(0, basis - thap - cao))
    return basis, cao, tn, thap


def person(index: int, basis: int, cao: int, tn: int, thap: int) -> Tally:
    return Tally(
        str(index),
        f"P{index}",
        turnout={"collected": basis},
        counts={"cao": cao, "tn": tn, "thap": thap},
    )


def dataset(rows: list[tuple[int, int, int, int]]) -> Dataset:
    return Dataset("d.csv", tuple(person(i, *row) for i, row in enumerate(rows)), LEVELS)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(votes(), min_size=1, max_size=20),
    cut=pairs,
    strict=st.booleans(),
)
def test_one_more_low_vote_never_makes_the_consequence_milder(
    rows: list[tuple[int, int, int, int]], cut: list[Fraction], strict: bool
) -> None:
    ruleset = qd96_like(cut[0], cut[1], ">" if strict else ">=")
    severity = {"dismiss": 0, "review": 1, "none": 2}
    more = [(basis, cao, tn, thap + 1) for basis, cao, tn, thap in rows if thap < basis]
    less = [row for row in rows if row[3] < row[0]]
    before = evaluate(ruleset, dataset(less), explain=False).results
    after = evaluate(ruleset, dataset(more), explain=False).results
    for old, new in zip(before, after, strict=True):
        assert severity[new.klass("consequence") or ""] <= severity[old.klass("consequence") or ""]


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(votes(), min_size=1, max_size=30), cut=pairs)
def test_a_rule_set_compared_with_itself_changes_nobody(
    rows: list[tuple[int, int, int, int]], cut: list[Fraction]
) -> None:
    for ruleset in (qd96_like(cut[0], cut[1], ">="), banded()):
        result = compare(ruleset, ruleset, dataset(rows))
        assert result.changes == ()
        for matrix in result.matrices:
            assert all(r == c for r, c in matrix.cells)
            assert sum(len(people) for people in matrix.cells.values()) == len(rows)


@settings(max_examples=300, deadline=None)
@given(
    basis=st.integers(1, 10_000),
    cuts=st.lists(st.integers(0, 10_000), min_size=2, max_size=2),
)
def test_the_percentages_of_a_person_add_up_to_the_base_within_rounding(
    basis: int, cuts: list[int]
) -> None:
    low, high = sorted(c % (basis + 1) for c in cuts)
    counts = (low, high - low, basis - high)  # three counts adding up to the basis
    (result,) = evaluate(banded(), dataset([(basis, *counts)]), explain=False).results
    assert sum(result.shares.values()) == 1
    total = sum((Decimal(percent(result.shares[level])) for level in LEVELS), Decimal(0))
    assert abs(total - 100) <= Decimal("0.01")  # three roundings of at most 0.005 each


@settings(max_examples=80, deadline=None)
@given(row=votes(max_basis=40))
def test_margins_are_the_least_change_found_by_trying_every_number_of_votes(
    row: tuple[int, int, int, int],
) -> None:
    basis = row[0]
    for ruleset in (qd96_like(Fraction(1, 2), Fraction(2, 3), ">="), banded()):
        (result,) = evaluate(ruleset, dataset([row])).results
        found: dict[tuple[str, str, str], tuple[int, str]] = {
            (m.block, m.level, m.direction): (m.votes, m.to_class) for m in result.margins
        }
        for block in ruleset.classifies:
            now = result.klass(block.id)
            for position, level in enumerate(LEVELS):
                for direction, sign in (("more", 1), ("fewer", -1)):
                    count = row[1 + position]
                    limit = basis - count if sign > 0 else count
                    moved: list[tuple[int, int, int, int]] = []
                    for k in range(1, limit + 1):
                        changed = list(row)
                        changed[1 + position] += sign * k
                        moved.append((changed[0], changed[1], changed[2], changed[3]))
                    classes = [
                        r.klass(block.id)
                        for r in evaluate(ruleset, dataset(moved), explain=False).results
                    ]
                    first = next(((k, c) for k, c in enumerate(classes, 1) if c != now), None)
                    assert found.get((block.id, level, direction)) == first


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(votes(), min_size=1, max_size=15))
def test_explained_and_fast_runs_agree(rows: list[tuple[int, int, int, int]]) -> None:
    ruleset = banded()
    full = evaluate(ruleset, dataset(rows)).results
    fast = evaluate(ruleset, dataset(rows), explain=False).results
    for slow, quick in zip(full, fast, strict=True):
        assert [v.klass for v in slow.verdicts] == [v.klass for v in quick.verdicts]
        for verdict in slow.verdicts:
            assert [s.matched for s in verdict.steps][-1]
            assert not any(s.matched for s in verdict.steps[:-1])
