"""Summary tables of `report` blocks: the appendix of a rating report."""

from __future__ import annotations

from tinnhiem.engine import evaluate
from tinnhiem.engine.model import Dataset, ReportRow, Scalar, Tally
from tinnhiem.engine.report import TOTAL
from tinnhiem.rules import load_text

RULES = """ruleset "QĐ 262"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
quorum present >= 2/3 of members
exempt "Đã có thông báo nghỉ hưu" when retirement_notice
classify band "Mức tín nhiệm" {
  high "Tín nhiệm cao từ 50% trở lên" when share(cao) >= 50%
  mid "Tín nhiệm cao và tín nhiệm từ 50% trở lên" when share(cao + tn) >= 50%
  else low "Dưới 50%"
}
classify consequence "Hệ quả" {
  review "Xem xét" when share(thap) > 1/2
  else none "Không"
}
report "Phụ lục" by group { count band; count consequence }
report "Theo khóa" by cohort { count band }
"""


def person(group: str, cao: int, tn: int, thap: int, present: int = 20, **attrs: Scalar) -> Tally:
    return Tally(
        id=f"{group}{cao}{tn}{thap}",
        name=f"{group} {cao}/{tn}/{thap}",
        group=group,
        turnout={"members": 20, "present": present, "collected": cao + tn + thap},
        counts={"cao": cao, "tn": tn, "thap": thap},
        attrs={"retirement_notice": False, **attrs},
    )


def test_counts_per_group_with_exempt_and_invalid_apart_and_a_total_row() -> None:
    people = Dataset(
        "d.csv",
        (
            person("BTV Đảng ủy Khối", 15, 4, 1, cohort="2020"),
            person("BTV Đảng ủy cơ sở", 18, 2, 0, cohort="2020"),
            person("BTV Đảng ủy Khối", 8, 4, 8, cohort="2015"),
            person("BTV Đảng ủy Khối", 2, 3, 15, cohort="2015"),
            person("BTV Đảng ủy cơ sở", 10, 5, 5, retirement_notice=True),
            person("BTV Đảng ủy Khối", 12, 4, 4, present=10),
        ),
        ("cao", "tn", "thap"),
    )
    appendix, by_cohort = evaluate(load_text(RULES, "t.tn").ok(), people).reports
    assert (appendix.title, appendix.by, appendix.blocks) == (
        "Phụ lục",
        "group",
        ("band", "consequence"),
    )
    assert appendix.rows == (
        ReportRow(
            "BTV Đảng ủy Khối",
            rated=3,
            counts={
                "band": {"high": 1, "mid": 1, "low": 1},
                "consequence": {"review": 1, "none": 2},
            },
            exempt=0,
            invalid=1,
        ),
        ReportRow(
            "BTV Đảng ủy cơ sở",
            rated=1,
            counts={
                "band": {"high": 1, "mid": 0, "low": 0},
                "consequence": {"review": 0, "none": 1},
            },
            exempt=1,
            invalid=0,
        ),
    )
    assert appendix.total == ReportRow(
        TOTAL,
        rated=4,
        counts={"band": {"high": 2, "mid": 1, "low": 1}, "consequence": {"review": 1, "none": 3}},
        exempt=1,
        invalid=1,
    )
    assert [(r.key, r.rated, dict(r.counts["band"])) for r in by_cohort.rows] == [
        ("2020", 2, {"high": 2, "mid": 0, "low": 0}),
        ("2015", 2, {"high": 0, "mid": 1, "low": 1}),
        ("", 0, {"high": 0, "mid": 0, "low": 0}),
    ]


def test_the_seed_reports_appendix_14_rated_13_high_1_mid() -> None:
    bloc = [person("Ủy viên BTV Đảng ủy Khối", 14, 5, 1) for _ in range(13)]
    bloc.append(person("Ủy viên BTV Đảng ủy Khối", 8, 10, 2))
    grassroots = [person("Ủy viên BTV Đảng ủy cơ sở", 17, 3, 0) for _ in range(42)]
    people = Dataset("d.csv", tuple(bloc + grassroots), ("cao", "tn", "thap"))
    appendix = evaluate(load_text(RULES, "t.tn").ok(), people, explain=False).reports[0]
    assert [(r.key, r.rated, dict(r.counts["band"])) for r in appendix.rows] == [
        ("Ủy viên BTV Đảng ủy Khối", 14, {"high": 13, "mid": 1, "low": 0}),
        ("Ủy viên BTV Đảng ủy cơ sở", 42, {"high": 42, "mid": 0, "low": 0}),
    ]
    assert appendix.total.rated == 56
    assert appendix.total.counts["consequence"] == {"review": 0, "none": 56}
