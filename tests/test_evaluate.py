"""The engine on real published results and on the cases the regulations turn on."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from tinnhiem.engine import evaluate
from tinnhiem.engine.history import round_order
from tinnhiem.engine.model import (
    DataError,
    Dataset,
    Margin,
    Origin,
    Result,
    Scalar,
    Tally,
    percent,
)
from tinnhiem.rules import ast, load_text

LEVELS = 'levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }'

QD96 = f"""ruleset "QĐ 96" source "Điều 11"
{LEVELS}
basis collected
quorum present >= 2/3 of members
exempt "Đã có thông báo nghỉ hưu" when retirement_notice
classify consequence "Hệ quả" {{
  dismiss "Miễn nhiệm" when share(thap) >= 2/3 note "Điều 11.3"
  review "Xem xét" when share(thap) > 1/2 note "Điều 11.2"
  else none "Không"
}}
classify band "Mức tín nhiệm" {{
  high "Cao từ 50%" when share(cao) >= 50%
  mid "Cao và tín nhiệm từ 50%" when share(cao + tn) >= 50%
  else low "Dưới 50%"
}}
"""

QD41 = QD96.replace("share(thap) >= 2/3", "share(thap) > 2/3")

NQ96 = f"""ruleset "NQ 96/2023/QH15"
{LEVELS}
basis members
classify consequence "Hệ quả" {{
  dismiss "Đề nghị miễn nhiệm" when share(thap) >= 2/3
  may_resign "Có thể xin từ chức" when share(thap) > 1/2 and share(thap) < 2/3
  else none "Không"
}}
"""

NQ35 = f"""ruleset "NQ 35/2012/QH13"
{LEVELS}
basis members
classify consequence "Hệ quả" {{
  revote "Bỏ phiếu tín nhiệm"
    when share(thap) > 2/3 or (share(thap) > 1/2 and previous share(thap) > 1/2)
  else none "Không"
}}
"""


def rules(text: str, path: str = "t.tn") -> ast.Resolved:
    return load_text(text, path).ok()


def tally(
    name: str,
    cao: int,
    tn: int,
    thap: int,
    *,
    id: str | None = None,
    round: str = "",
    attrs: dict[str, Scalar] | None = None,
    **turnout: int,
) -> Tally:
    return Tally(
        id=id or name,
        name=name,
        round=round,
        turnout=turnout,
        counts={"cao": cao, "tn": tn, "thap": thap},
        attrs=attrs or {},
    )


def data(*tallies: Tally, path: str = "d.csv") -> Dataset:
    return Dataset(path, tallies, ("cao", "tn", "thap"))


def percents(result: Result) -> tuple[str, ...]:
    return tuple(percent(result.shares[level]) for level in ("cao", "tn", "thap"))


# --- real published results ------------------------------------------------------------------


def test_national_assembly_2013_percentages_over_498_deputies() -> None:
    ruleset = rules(NQ35)
    people = data(
        tally("Trương Tấn Sang", 330, 133, 28, members=498, collected=492),
        tally("Nguyễn Thị Doan", 263, 215, 13, members=498, collected=492),
        tally("Huỳnh Ngọc Sơn", 252, 217, 22, members=498, collected=492),
        tally("Nguyễn Văn Hiện", 210, 253, 28, members=498, collected=492),
        tally("Nguyễn Tấn Dũng", 210, 122, 160, members=498, collected=492),
    )
    results = evaluate(ruleset, people).results
    assert [percents(r) for r in results[:4]] == [
        ("66.27", "26.71", "5.62"),
        ("52.81", "43.17", "2.61"),
        ("50.60", "43.57", "4.42"),
        ("42.17", "50.80", "5.62"),
    ]
    assert percent(results[4].shares["cao"]) == "42.17"
    assert results[0].basis_kind == "members" and results[0].basis_value == 498
    assert results[0].shares["cao"] == Fraction(330, 498)
    assert [r.klass("consequence") for r in results] == ["none"] * 5


def test_vinh_phuc_2023_le_duy_thanh_is_in_the_may_resign_band() -> None:
    ruleset = rules(NQ96, "nq96.tn")
    people = data(
        tally("Hoàng Thị Thúy Lan", 46, 0, 1, members=47),
        tally("Lê Duy Thành", 19, 2, 25, members=47),
    )
    lan, thanh = evaluate(ruleset, people).results
    assert percents(lan) == ("97.87", "0.00", "2.13")
    assert percents(thanh) == ("40.43", "4.26", "53.19")
    assert sum(thanh.counts.values()) == 46  # the counts add up to 46, the base is 47
    assert thanh.basis_value == 47
    assert lan.klass("consequence") == "none"
    (verdict,) = thanh.verdicts
    assert (verdict.klass, verdict.label, verdict.rule_line) == (
        "may_resign",
        "Có thể xin từ chức",
        6,
    )
    assert [(s.klass, s.matched, s.because) for s in verdict.steps] == [
        ("dismiss", False, "share(thap) = 25/47 = 53.19% ≥ 2/3: no"),
        (
            "may_resign",
            True,
            "share(thap) = 25/47 = 53.19% > 1/2: yes and share(thap) = 25/47 = 53.19% < 2/3: yes",
        ),
    ]
    assert verdict.steps[0].file == "nq96.tn" and verdict.steps[0].line == 5


def test_28_of_42_is_exactly_two_thirds_dismiss_under_qd96_not_under_qd41() -> None:
    person = data(tally("A", 4, 10, 28, collected=42, present=42, members=45))
    (under96,) = evaluate(rules(QD96), person).results
    (under41,) = evaluate(rules(QD41), person).results
    assert under96.shares["thap"] == Fraction(2, 3)
    assert percent(under96.shares["thap"]) == "66.67"
    assert under96.klass("consequence") == "dismiss"
    assert under41.klass("consequence") == "review"
    step = under96.verdicts[0].steps[0]
    assert step.because == "share(thap) = 28/42 = 66.67% ≥ 2/3: yes"
    assert (step.line, step.file, step.note, step.matched) == (7, "t.tn", "Điều 11.3", True)
    assert under41.verdicts[0].steps[0].because == "share(thap) = 28/42 = 66.67% > 2/3: no"


# --- levels ------------------------------------------------------------------------------------

TWO_LEVELS = """ruleset "Phương án 2"
levels { tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis members
classify consequence "Hệ quả" {
  review "Xem xét" when share(thap) > 1/2
  else none "Không"
}
"""


def test_a_map_adds_a_level_of_the_data_into_its_target() -> None:
    ruleset = rules(TWO_LEVELS + "map cao -> tn\n")
    (result,) = evaluate(ruleset, data(tally("Sang", 330, 133, 28, members=498))).results
    assert dict(result.counts) == {"tn": 463, "thap": 28}
    assert result.shares["tn"] == Fraction(463, 498)
    assert "map cao -> tn: the data's 330 “Tín nhiệm cao” counted as “Tín nhiệm”" in result.trace


def test_an_unmapped_level_of_the_data_is_an_error_that_suggests_a_map() -> None:
    with pytest.raises(DataError) as caught:
        evaluate(rules(TWO_LEVELS), data(tally("Sang", 330, 133, 28, members=498)))
    (issue,) = caught.value.issues
    assert issue.severity == "error"
    assert issue.origin == Origin("d.csv", 0, "cao")
    assert issue.message == (
        "the data has level `cao` (Tín nhiệm cao), which rule set “Phương án 2” does not have "
        "(its levels: tn, thap); add `map cao -> tn` to read it as one of them"
    )


def test_a_level_of_the_rule_set_the_data_lacks_counts_as_zero_with_one_warning() -> None:
    people = Dataset(
        "d.csv",
        (
            Tally("1", "A", turnout={"members": 10}, counts={"tn": 4, "thap": 6}),
            Tally("2", "B", turnout={"members": 10}, counts={"tn": 9, "thap": 1}),
        ),
        ("tn", "thap"),
    )
    evaluation = evaluate(rules(NQ96), people)
    assert [r.counts["cao"] for r in evaluation.results] == [0, 0]
    assert [w.message for w in evaluation.warnings] == [
        "the data has no count of level `cao` (Tín nhiệm cao); counted as 0"
    ]
    assert evaluation.results[0].klass("consequence") == "may_resign"


# --- exemption ---------------------------------------------------------------------------------

APPOINTED = QD96.replace(
    "classify consequence",
    'exempt "Được bầu, bổ nhiệm trong năm lấy phiếu" when year(appointed) == vote_year\n'
    "classify consequence",
)


def test_an_exempt_person_is_listed_with_the_reason_and_not_evaluated() -> None:
    people = data(
        tally("A", 4, 10, 28, collected=42, attrs={"retirement_notice": True}),
        tally("B", 4, 10, 28, collected=42, attrs={"retirement_notice": False}),
    )
    a, b = evaluate(rules(QD96), people).results
    assert (a.status, a.reason, a.verdicts, a.shares) == (
        "exempt",
        "Đã có thông báo nghỉ hưu",
        (),
        {},
    )
    assert "exemption “Đã có thông báo nghỉ hưu”: retirement_notice = true: yes" in a.trace
    assert b.status == "evaluated" and b.klass("consequence") == "dismiss"


def test_appointed_in_the_year_of_the_vote_reads_the_year_from_an_iso_round() -> None:
    people = data(
        tally(
            "New",
            4,
            10,
            28,
            collected=42,
            round="2023-12-13",
            attrs={"appointed": dt.date(2023, 3, 1)},
        ),
        tally(
            "Old",
            4,
            10,
            28,
            collected=42,
            round="2023-12-13",
            attrs={"appointed": dt.date(2020, 1, 1)},
        ),
        tally("Unknown", 4, 10, 28, collected=42, round="2023-12-13"),
    )
    evaluation = evaluate(rules(APPOINTED), people)
    new, old, unknown = evaluation.results
    assert (new.status, new.reason) == ("exempt", "Được bầu, bổ nhiệm trong năm lấy phiếu")
    assert (
        "exemption “Được bầu, bổ nhiệm trong năm lấy phiếu”: "
        "year(appointed) = 2023 = vote_year = 2023: yes"
    ) in new.trace
    assert old.status == "evaluated"
    assert unknown.status == "evaluated"
    # the data has the column, this person's cell is blank: said as blank (as `appointed ""`)
    assert (
        "exemption “Được bầu, bổ nhiệm trong năm lấy phiếu”: not checked for this person "
        "(`appointed` is empty for this person): no"
    ) in unknown.trace
    assert not any("appointed" in w.message for w in evaluation.warnings)


def test_an_attribute_the_whole_dataset_lacks_gives_one_warning_and_exempts_nobody() -> None:
    people = data(
        tally("A", 4, 10, 28, collected=42, round="2023-12-13"),
        tally("B", 4, 10, 20, collected=42, round="2023-12-13"),
    )
    evaluation = evaluate(rules(APPOINTED), people)
    assert [r.status for r in evaluation.results] == ["evaluated", "evaluated"]
    messages = [w.message for w in evaluation.warnings if w.message.startswith("exemption")]
    assert messages == [
        "exemption “Đã có thông báo nghỉ hưu” not checked: "
        "the data has no `retirement_notice` column",
        "exemption “Được bầu, bổ nhiệm trong năm lấy phiếu” not checked: "
        "the data has no `appointed` column",
    ]
    assert all(w.origin == Origin("d.csv") and w.severity == "warning" for w in evaluation.warnings)


def test_a_negated_exemption_with_an_unknown_attribute_does_not_exempt() -> None:
    text = QD96.replace("when retirement_notice", "when not eligible")
    people = data(
        tally("Known", 4, 10, 28, collected=42, attrs={"eligible": False}),
        tally("Unknown", 4, 10, 28, collected=42),
    )
    known, unknown = evaluate(rules(text), people).results
    assert known.status == "exempt"
    assert unknown.status == "evaluated"


# --- quorum and basis --------------------------------------------------------------------------


def test_below_quorum_the_vote_is_invalid_and_says_why() -> None:
    people = data(
        tally("A", 4, 10, 16, collected=30, present=30, members=47),
        tally("B", 4, 10, 18, collected=32, present=32, members=47),
    )
    a, b = evaluate(rules(QD96), people).results
    assert a.status == "invalid"
    assert a.reason == "quorum not met: present = 30, not ≥ 2/3 of members = 47 (31.33)"
    assert (a.verdicts, a.margins) == ((), ())
    assert b.status == "evaluated"
    assert "quorum: present = 32 ≥ 2/3 of members = 47 (31.33): met" in b.trace


def test_a_missing_turnout_figure_of_the_quorum_warns_once_and_proceeds() -> None:
    people = data(
        tally("A", 4, 10, 28, collected=42, members=45),
        tally("B", 4, 10, 2, collected=16, members=45),
    )
    evaluation = evaluate(rules(QD96), people)
    assert [r.status for r in evaluation.results] == ["evaluated", "evaluated"]
    quorum_warnings = [w.message for w in evaluation.warnings if "quorum" in w.message]
    assert quorum_warnings == [
        "quorum (present ≥ 2/3 of members) not checked for 2 of 2 people: "
        "the data gives no `present`"
    ]


def test_a_valid_basis_is_derived_from_collected_and_invalid() -> None:
    text = NQ96.replace("basis members", "basis valid")
    (result,) = evaluate(rules(text), data(tally("A", 10, 10, 20, collected=42, invalid=2))).results
    assert (result.basis_kind, result.basis_value) == ("valid", 40)
    assert result.shares["thap"] == Fraction(1, 2)
    assert (
        "basis: valid = collected 42 − invalid 2 = 40 (the data gives no `valid`)" in result.trace
    )


def test_a_missing_basis_is_an_error_with_the_row() -> None:
    row = Tally("7", "A", turnout={"members": 47}, counts={"cao": 1}, origin=Origin("d.csv", 8))
    with pytest.raises(DataError) as caught:
        evaluate(rules(QD96), Dataset("d.csv", (row,), ("cao",)))
    (issue,) = caught.value.issues
    assert issue.origin == Origin("d.csv", 8)
    assert issue.message == "A: no `collected`, the basis of the percentages"
    assert issue.render() == "d.csv, row 8: error: A: no `collected`, the basis of the percentages"


def test_a_basis_of_zero_is_an_invalid_vote() -> None:
    (result,) = evaluate(rules(NQ96), data(tally("A", 0, 0, 0, members=0))).results
    assert result.status == "invalid"
    assert result.reason == "the basis (members) is 0: no share can be computed"


# --- the previous vote -------------------------------------------------------------------------


def test_previous_share_reads_the_same_persons_earlier_round() -> None:
    people = data(
        tally("Twice", 100, 143, 255, id="1", round="2013", members=498),
        tally("Once", 100, 98, 300, id="2", round="2013", members=498),
        tally("Twice", 100, 138, 260, id="1", round="2012", members=498),
        tally("Calm", 300, 138, 60, id="3", round="2012", members=498),
        tally("Calm", 100, 143, 255, id="3", round="2013", members=498),
    )
    results = evaluate(rules(NQ35), people).results
    assert [r.klass("consequence") for r in results] == ["revote", "none", "none", "none", "none"]
    assert results[0].verdicts[0].steps[0].because == (
        "share(thap) = 255/498 = 51.20% > 2/3: no or (share(thap) = 255/498 = 51.20% > 1/2: yes "
        "and previous share(thap) = 260/498 = 52.21% > 1/2: yes)"
    )
    assert results[1].verdicts[0].steps[0].because == (
        "share(thap) = 300/498 = 60.24% > 2/3: no or (share(thap) = 300/498 = 60.24% > 1/2: yes "
        "and previous share(thap) > 1/2: no (no previous vote))"
    )


def test_previous_votes_match_by_name_when_the_ids_only_number_rows() -> None:
    people = data(
        tally("Nguyễn Văn A", 10, 10, 30, id="2", round="2022", members=50),
        tally("Nguyễn Văn A", 10, 10, 30, id="3", round="2023", members=50),
    )
    results = evaluate(rules(NQ35), people).results
    assert [r.klass("consequence") for r in results] == ["none", "revote"]


# --- margins, trace, explain=False -------------------------------------------------------------


def test_margins_bisection_on_a_monotone_block() -> None:
    (result,) = evaluate(
        rules(QD96), data(tally("A", 4, 10, 28, collected=42, present=42, members=45))
    ).results
    assert result.margins == (
        Margin("consequence", "thap", "fewer", 1, "review"),
        Margin("band", "cao", "more", 7, "mid"),
        Margin("band", "tn", "more", 7, "mid"),
    )
    assert (
        "margin: 1 fewer “Tín nhiệm thấp” (thap) vote would move consequence from dismiss to review"
        in result.trace
    )


def test_margins_linear_scan_on_a_band_between_two_thresholds() -> None:
    (result,) = evaluate(rules(NQ96), data(tally("Lê Duy Thành", 19, 2, 25, members=47))).results
    assert result.margins == (
        Margin("consequence", "thap", "more", 7, "dismiss"),
        Margin("consequence", "thap", "fewer", 2, "none"),
    )


def test_the_trace_names_levels_by_label_and_every_rule_tried() -> None:
    (result,) = evaluate(
        rules(QD96), data(tally("A", 10, 10, 22, collected=42, present=42, members=45))
    ).results
    assert result.trace[:5] == (
        "counts: Tín nhiệm cao (cao) 10, Tín nhiệm (tn) 10, Tín nhiệm thấp (thap) 22",
        "exemption “Đã có thông báo nghỉ hưu”: not checked, "
        "the data has no `retirement_notice` column",
        "quorum: present = 42 ≥ 2/3 of members = 45 (30.00): met",
        "basis: collected = 42",
        "shares of collected 42: Tín nhiệm cao 10/42 = 23.81%, Tín nhiệm 10/42 = 23.81%, "
        "Tín nhiệm thấp 22/42 = 52.38%",
    )
    assert result.trace[5:8] == (
        "consequence “Hệ quả”, rule dismiss “Miễn nhiệm” (t.tn:7, Điều 11.3): "
        "share(thap) = 22/42 = 52.38% ≥ 2/3: no",
        "consequence “Hệ quả”, rule review “Xem xét” (t.tn:8, Điều 11.2): "
        "share(thap) = 22/42 = 52.38% > 1/2: yes",
        "→ consequence: review “Xem xét”",
    )
    band = result.verdicts[1]
    assert [s.because for s in band.steps] == [
        "share(cao) = 10/42 = 23.81% ≥ 50%: no",
        "share(cao + tn) = 20/42 = 47.62% ≥ 50%: no",
        "no earlier rule matched",
    ]


def test_explain_false_gives_the_same_classes_without_steps_trace_or_margins() -> None:
    people = data(
        *(tally(f"P{n}", 42 - n - 5, 5, n, collected=42, present=40, members=45) for n in range(38))
    )
    full = evaluate(rules(QD96), people)
    fast = evaluate(rules(QD96), people, explain=False)
    assert [r.klass("consequence") for r in fast.results] == [
        r.klass("consequence") for r in full.results
    ]
    assert [r.klass("band") for r in fast.results] == [r.klass("band") for r in full.results]
    assert all(r.trace == () and r.margins == () for r in fast.results)
    assert all(v.steps == () for r in fast.results for v in r.verdicts)
    assert [dict(r.shares) for r in fast.results] == [dict(r.shares) for r in full.results]
    assert [r.klass("consequence") for r in fast.results].count("dismiss") == 38 - 28


# --- other conditions --------------------------------------------------------------------------


def test_count_months_and_not_conditions() -> None:
    text = f"""ruleset "Khác"
{LEVELS}
basis collected
exempt "Giữ chức dưới 9 tháng" when months(appointed, vote_date) < 9
classify flag "Cờ" {{
  many "Nhiều phiếu thấp" when count(thap) >= 10 and not on_leave
  else few "Ít"
}}
"""
    people = data(
        tally(
            "Recent",
            1,
            1,
            20,
            collected=22,
            round="2023-12-13",
            attrs={"appointed": dt.date(2023, 3, 14), "on_leave": False},
        ),
        tally(
            "Long",
            1,
            1,
            20,
            collected=22,
            round="2023-12-13",
            attrs={"appointed": dt.date(2023, 3, 13), "on_leave": False},
        ),
        tally(
            "Leave",
            1,
            1,
            20,
            collected=22,
            round="2023-12-13",
            attrs={"appointed": dt.date(2020, 1, 1), "on_leave": True},
        ),
    )
    recent, long, leave = evaluate(rules(text), people).results
    assert recent.status == "exempt"
    assert "months(appointed, vote_date) = 8 < 9: yes" in recent.trace[1]
    assert long.status == "evaluated" and long.klass("flag") == "many"
    assert long.verdicts[0].steps[0].because == (
        "count(thap) = 20 ≥ 10: yes and not (on_leave = false: no): yes"
    )
    assert leave.klass("flag") == "few"


def test_a_quorum_lacking_both_figures_warns_once_naming_both() -> None:
    people = data(tally("A", 4, 10, 28, collected=42), tally("B", 4, 10, 2, collected=16))
    warnings = [w.message for w in evaluate(rules(QD96), people).warnings if "quorum" in w.message]
    assert warnings == [
        "quorum (present ≥ 2/3 of members) not checked for 2 of 2 people: "
        "the data gives no `present` or `members`"
    ]


def test_rounds_sort_by_time_when_all_are_dates_or_years_else_by_appearance() -> None:
    assert round_order(["2023-12-13", "2022", "2023", "2022-06-01"]) == (
        "2022",
        "2022-06-01",
        "2023",
        "2023-12-13",
    )
    assert round_order(["Kỳ 2", "2022", "Kỳ 1", "Kỳ 2"]) == ("Kỳ 2", "2022", "Kỳ 1")


def test_two_rows_of_one_person_in_one_round_give_no_previous_vote() -> None:
    people = data(
        tally("A", 10, 10, 30, id="1", round="2022", members=50),
        tally("A", 10, 10, 30, id="1", round="2023", members=50),
        tally("A", 10, 10, 30, id="1", round="2023", members=50),
    )
    results = evaluate(rules(NQ35), people).results
    assert [r.klass("consequence") for r in results] == ["none", "none", "none"]
    assert (
        results[1]
        .verdicts[0]
        .steps[0]
        .because.endswith(
            "previous share(thap) > 1/2: no (this person has several rows in round '2023'))"
        )
    )


def test_the_trace_names_the_rules_file_by_its_name_and_the_step_keeps_its_path() -> None:
    """A bundled rule set lives deep in site-packages: the trace says `qd96-2023.tn:7`."""
    path = "/opt/venv/lib/python3.11/site-packages/tinnhiem/samples/rules/t.tn"
    (result,) = evaluate(
        rules(QD96, path), data(tally("A", 10, 10, 22, collected=42, present=42, members=45))
    ).results
    assert result.trace[5] == (
        "consequence “Hệ quả”, rule dismiss “Miễn nhiệm” (t.tn:7, Điều 11.3): "
        "share(thap) = 22/42 = 52.38% ≥ 2/3: no"
    )
    assert result.verdicts[0].steps[0].file == path
