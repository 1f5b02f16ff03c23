"""Two rule sets on the same data: who changes class, and the matrix A by B."""

from __future__ import annotations

from fractions import Fraction

import pytest
from tinnhiem.engine import compare
from tinnhiem.engine.compare import EXEMPT
from tinnhiem.engine.model import DataError, Dataset, Tally
from tinnhiem.rules import load_text

QD96 = """ruleset "QĐ 96"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
exempt "Đã có thông báo nghỉ hưu" when retirement_notice
classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm" when share(thap) >= 2/3
  review "Xem xét" when share(thap) > 1/2
  else none "Không"
}
classify band "Mức" {
  high "Cao" when share(cao) >= 50%
  else other "Khác"
}
"""
QD41 = QD96.replace(">= 2/3", "> 2/3").replace(
    'exempt "Đã có thông báo nghỉ hưu" when retirement_notice\n', ""
)
TWO_LEVELS = """ruleset "Phương án 2"
levels { tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
map cao -> tn
basis members
classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm" when share(thap) >= 2/3
  review "Xem xét" when share(thap) > 1/2
  else none "Không"
}
"""


def people() -> Dataset:
    rows = [
        ("A", 4, 10, 28, False),  # exactly 2/3
        ("B", 10, 10, 22, False),
        ("C", 30, 10, 2, False),
        ("D", 1, 1, 40, False),
        ("E", 4, 10, 28, True),
    ]
    tallies = tuple(
        Tally(
            name,
            name,
            turnout={"collected": 42, "members": 45},
            counts={"cao": cao, "tn": tn, "thap": thap},
            attrs={"retirement_notice": retired},
        )
        for name, cao, tn, thap, retired in rows
    )
    return Dataset("d.csv", tallies, ("cao", "tn", "thap"))


def test_qd96_against_qd41_changes_the_person_at_exactly_two_thirds() -> None:
    a, b = load_text(QD96, "qd96.tn").ok(), load_text(QD41, "qd41.tn").ok()
    result = compare(a, b, people())
    assert result.blocks == ("consequence", "band")
    changes = [
        (p.tally.name, p.changed, dict(p.classes_a), dict(p.classes_b)) for p in result.changes
    ]
    assert changes == [
        (
            "A",
            ("consequence",),
            {"consequence": "dismiss", "band": "other"},
            {"consequence": "review", "band": "other"},
        ),
        (
            "E",
            ("consequence", "band"),
            {"consequence": EXEMPT, "band": EXEMPT},
            {"consequence": "review", "band": "other"},
        ),
    ]
    first = result.changes[0]
    assert first.shares_a["thap"] == first.shares_b["thap"] == Fraction(2, 3)
    assert first.a.verdicts[0].steps[0].because == "share(thap) = 28/42 = 66.67% ≥ 2/3: yes"
    assert first.b.verdicts[0].steps[0].because == "share(thap) = 28/42 = 66.67% > 2/3: no"
    unchanged = result.pairs[1]
    assert unchanged.a.trace == ()  # only the people who change are explained

    matrix = result.matrix("consequence")
    assert matrix is not None
    assert matrix.rows == ("dismiss", "review", "none", EXEMPT)
    assert matrix.columns == ("dismiss", "review", "none")
    counts = {(r, c): matrix.count(r, c) for r in matrix.rows for c in matrix.columns}
    assert {k: v for k, v in counts.items() if v} == {
        ("dismiss", "review"): 1,
        ("dismiss", "dismiss"): 1,
        ("review", "review"): 1,
        ("none", "none"): 1,
        (EXEMPT, "review"): 1,
    }
    assert [t.name for t in matrix.people("dismiss", "dismiss")] == ["D"]


def test_a_rule_set_against_itself_changes_nobody() -> None:
    a = load_text(QD96, "qd96.tn").ok()
    result = compare(a, a, people())
    assert result.changes == ()
    matrix = result.matrix("consequence")
    assert matrix is not None
    off_diagonal = [matrix.count(r, c) for r in matrix.rows for c in matrix.columns if r != c]
    assert sum(off_diagonal) == 0
    assert sum(matrix.count(k, k) for k in matrix.rows) == 5


def test_each_rule_set_reads_the_data_with_its_own_map() -> None:
    a, b = load_text(QD41, "qd41.tn").ok(), load_text(TWO_LEVELS, "two.tn").ok()
    result = compare(a, b, people())
    assert result.blocks == ("consequence",)
    first = result.pairs[0]
    assert dict(first.b.counts) == {"tn": 14, "thap": 28}
    assert first.shares_b["thap"] == Fraction(28, 45)
    changes = [
        (p.tally.name, p.classes_a["consequence"], p.classes_b["consequence"])
        for p in result.changes
    ]
    # 22 of 42 collected is above half; 22 of 45 members is not
    assert changes == [("B", "review", "none")]


def test_data_one_set_cannot_read_is_an_error() -> None:
    two = TWO_LEVELS.replace("map cao -> tn\n", "")
    with pytest.raises(DataError):
        compare(load_text(QD96, "a.tn").ok(), load_text(two, "b.tn").ok(), people())
