"""Moving one threshold over a range: counts per class and who flips at each step."""

from __future__ import annotations

from fractions import Fraction

import pytest
from tinnhiem.engine import SweepError, sweep
from tinnhiem.engine.model import Dataset, Tally
from tinnhiem.engine.sweep import step_count
from tinnhiem.rules import ast, load_text

QD96 = """ruleset "QĐ 96"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm" when share(thap) >= 2/3
  review "Xem xét" when share(thap) > 1/2
  else none "Không"
}
classify band "Khoảng" {
  may_resign "Có thể xin từ chức" when share(thap) > 1/2 and share(thap) < 2/3
  else other "Khác"
}
"""


def ruleset() -> ast.Resolved:
    return load_text(QD96, "qd96.tn").ok()


def people() -> Dataset:
    thap = [18, 21, 22, 24, 28, 40]  # of 42: 42.86%, 50%, 52.38%, 57.14%, 66.67%, 95.24%
    tallies = tuple(
        Tally(f"P{n}", f"P{n}", turnout={"collected": 42}, counts={"tn": 42 - n, "thap": n})
        for n in thap
    )
    return Dataset("d.csv", tallies, ("tn", "thap"))


def test_each_step_counts_the_classes_and_lists_who_flipped() -> None:
    result = sweep(
        ruleset(), people(), "consequence.review", Fraction(2, 5), Fraction(3, 5), Fraction(1, 20)
    )
    assert (result.block, result.rule, result.original) == ("consequence", "review", Fraction(1, 2))
    assert result.classes == ("dismiss", "review", "none")
    assert [s.value for s in result.steps] == [
        Fraction(2, 5),
        Fraction(9, 20),
        Fraction(1, 2),
        Fraction(11, 20),
        Fraction(3, 5),
    ]
    assert [dict(s.counts) for s in result.steps] == [
        {"dismiss": 2, "review": 4, "none": 0},  # > 40%: all of 18..24
        {"dismiss": 2, "review": 3, "none": 1},  # > 45%: 18 (42.86%) drops out
        {"dismiss": 2, "review": 2, "none": 2},  # > 50%: 21 is exactly half, not above
        {"dismiss": 2, "review": 1, "none": 3},  # > 55%: only 24 (57.14%)
        {"dismiss": 2, "review": 0, "none": 4},
    ]
    flips = [[(f.tally.name, f.before, f.after) for f in s.flips] for s in result.steps]
    assert flips == [
        [],
        [("P18", "review", "none")],
        [("P21", "review", "none")],
        [("P22", "review", "none")],
        [("P24", "review", "none")],
    ]


def test_the_stop_is_included_and_the_step_need_not_divide_the_range() -> None:
    result = sweep(
        ruleset(), people(), "consequence.dismiss", Fraction(3, 5), Fraction(7, 10), Fraction(1, 30)
    )
    assert [s.value for s in result.steps] == [
        Fraction(3, 5),
        Fraction(19, 30),
        Fraction(2, 3),
        Fraction(7, 10),
    ]
    assert [s.counts["dismiss"] for s in result.steps] == [2, 2, 2, 1]
    assert [(f.tally.name, f.before, f.after) for f in result.steps[3].flips] == [
        ("P28", "dismiss", "review")
    ]


def test_a_rule_with_two_thresholds_needs_which() -> None:
    with pytest.raises(SweepError) as caught:
        sweep(ruleset(), people(), "band.may_resign")
    assert str(caught.value) == (
        "`band.may_resign` has 2 thresholds (1: share(thap) > 1/2; 2: share(thap) < 2/3): "
        "choose one"
    )
    upper = sweep(
        ruleset(),
        people(),
        "band.may_resign",
        Fraction(3, 5),
        Fraction(7, 10),
        Fraction(1, 10),
        which=2,
    )
    assert [s.counts["may_resign"] for s in upper.steps] == [2, 3]  # < 60%: 22, 24; < 70%: + 28


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("consequnce.review", "no block `consequnce`; did you mean `consequence`?"),
        ("consequence.reveiw", "block `consequence` has no rule `reveiw`; did you mean `review`?"),
        ("consequence.none", "`consequence.none` is the `else` of its block: it has no threshold"),
    ],
)
def test_a_rule_that_cannot_be_swept_is_an_error(rule: str, message: str) -> None:
    with pytest.raises(SweepError) as caught:
        sweep(ruleset(), people(), rule)
    assert str(caught.value) == message


def test_a_rule_without_a_share_threshold_is_an_error() -> None:
    text = QD96.replace("share(thap) >= 2/3", "count(thap) >= 28")
    with pytest.raises(SweepError) as caught:
        sweep(load_text(text, "t.tn").ok(), people(), "consequence.dismiss")
    assert (
        str(caught.value)
        == "`consequence.dismiss` compares no share with a number: nothing to sweep"
    )


def test_a_bad_range_is_an_error() -> None:
    with pytest.raises(SweepError):
        sweep(ruleset(), people(), start=Fraction(1, 2), stop=Fraction(2, 5))
    with pytest.raises(SweepError):
        sweep(ruleset(), people(), step=Fraction(0))


@pytest.mark.parametrize(
    ("start", "stop", "step", "message"),
    [
        ("1/2", "2/5", "1/100", "the start must not be above the stop"),
        ("2/5", "1/2", "0", "the step must be above 0"),
        ("2/5", "1/2", "-1/100", "the step must be above 0"),
        ("-1/10", "1/2", "1/100", "a threshold is a share: the range must lie within 0% to 100%"),
        ("2/5", "3/2", "1/100", "a threshold is a share: the range must lie within 0% to 100%"),
        (
            "2/5",
            "41/100",
            "1/20",
            "the step is larger than the range: only its start would be tried",
        ),
        ("0", "1", "1/1000", "that is 1001 steps, more than 1000: take a larger step"),
    ],
)
def test_a_bad_range_says_what_is_wrong_before_any_step_is_run(
    start: str, stop: str, step: str, message: str
) -> None:
    with pytest.raises(SweepError) as caught:
        sweep(ruleset(), people(), start=Fraction(start), stop=Fraction(stop), step=Fraction(step))
    assert str(caught.value) == message


def test_a_thousand_steps_are_allowed_and_a_single_value_too() -> None:
    assert step_count(Fraction(0), Fraction(999, 1000), Fraction(1, 1000)) == 1000
    assert step_count(Fraction(1, 2), Fraction(1, 2), Fraction(1, 100)) == 1
