"""What real variants needed: sets, `is missing`, `rounded`, `drop`, declared attributes and
dates of force; each in the checker, the formatter, `show`, and on data as in examples."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinnhiem.engine import evaluate, run_examples
from tinnhiem.engine.conditions import Facts, compile_cond, explain, round_percent
from tinnhiem.engine.formats import read_tallies, writers
from tinnhiem.engine.model import DataError, Dataset, Tally, percent, percent_comma
from tinnhiem.rules import RuleSyntaxError, ast, load_text, parse
from tinnhiem.rules.describe import describe
from tinnhiem.rules.fmt import format_ruleset

from tinnhiem.cli import main

HEAD = (
    'ruleset "Thử"\n'
    'levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }\n'
    "basis collected\n"
)


def said(text: str) -> list[str]:
    return [
        f"{d.line}:{d.column}: {d.severity}: {d.message}" + (f" = {d.hint}" if d.hint else "")
        for d in load_text(text, "r.tn").diagnostics
    ]


# --- the tree ----------------------------------------------------------------------------------


def test_the_new_constructs_parse_to_their_nodes() -> None:
    rs = parse(
        'ruleset "T" in force from 2015-07-01 until 2023-06-30\n'
        'attribute appointed date "Ngày được bầu, bổ nhiệm"\n'
        'drop exempt "a"\ndrop classify band\ndrop example "b"\ndrop report "c"\ndrop quorum\n'
        'exempt "x" when position not in {"A", "B"} and leave is missing\n'
        'exempt "y" when rounded(share(thap), 2) >= 66.67% or leave is not missing\n'
    )
    assert rs.in_force == ast.InForce(ast_date("2015-07-01"), ast_date("2023-06-30"))
    assert rs.statements[:6] == (
        ast.AttributeDecl("appointed", "date", "Ngày được bầu, bổ nhiệm"),
        ast.Drop("exempt", "a"),
        ast.Drop("classify", "band"),
        ast.Drop("example", "b"),
        ast.Drop("report", "c"),
        ast.Drop("quorum"),
    )
    first, second = rs.of_type(ast.Exempt)
    assert first.when == ast.And(
        (
            ast.InSet(ast.Attr("position"), (ast.Literal_("A"), ast.Literal_("B")), True),
            ast.Missing(ast.Attr("leave")),
        )
    )
    rounded = ast.Call("rounded", (ast.Share(("thap",)), ast.Number(2, "2")))
    assert second.when == ast.Or(
        (
            ast.Compare(rounded, ">=", ast.Number(parse_percent("66.67"), "66.67%")),
            ast.Missing(ast.Attr("leave"), True),
        )
    )


def ast_date(text: str) -> object:
    import datetime as dt

    return dt.date.fromisoformat(text)


def parse_percent(text: str) -> object:
    from decimal import Decimal
    from fractions import Fraction

    return Fraction(Decimal(text)) / 100


@pytest.mark.parametrize(
    "header",
    [
        "in force from 2015-07-01 until 2023-06-30",
        "in force from 2023-07-01",
        "in force until 2015-06-30",
    ],
)
def test_either_date_of_force_may_be_left_out_and_formatting_keeps_it(header: str) -> None:
    text = f'ruleset "T"\n{header}\nsource "S"\n'
    assert format_ruleset(parse(text)) == text


def test_the_canonical_layout_of_the_new_constructs() -> None:
    text = (
        'ruleset "T" extends "base.tn"\nin force from 2023-02-02\n\n'
        'attribute retirement_notice yes-no "Đã có thông báo nghỉ hưu"\n'
        'attribute appointed date "Ngày được bầu, bổ nhiệm"\n\n'
        'drop exempt "Đã có thông báo nghỉ hưu"\ndrop quorum\n\n'
        'classify c "C" {\n'
        '  a "A" when position in {"Bí thư", "Chủ tịch"} and rounded(share(thap), 2) >= 66.67%\n'
        '  b "B" when leave is not missing or unit not in {"X"}\n'
        '  else n "N"\n'
        "}\n"
    )
    assert format_ruleset(parse(text)) == text
    messy = text.replace('{"Bí thư", "Chủ tịch"}', '{ "Bí thư" ,"Chủ tịch" }')
    assert format_ruleset(parse(messy)) == text


# --- the checker -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'exempt "x" when position in {}\n',
            '4:17: error: `in {}` lists nothing = list the values: `position in {"Chủ tịch", '
            '"Phó Chủ tịch"}`',
        ),
        (
            'exempt "x" when position in {"a", 1}\n',
            '4:35: error: the values of a set are all of one kind: `"a"` is a text, `1` a number',
        ),
        (
            'exempt "x" when vote_date in {"a"}\n',
            "4:17: error: `vote_date` is a date and the set holds a text: it can never be one of "
            "them",
        ),
        (
            'exempt "x" when position not in {"a", "a"}\n',
            '4:39: warning: `"a"` is listed twice in this set',
        ),
        (
            'exempt "x" when present is missing\n',
            "4:17: error: `present` is a turnout figure: every vote has one, so it is never "
            "missing = `is missing` is for an attribute of the data, a column whose cell may be "
            "blank",
        ),
        (
            'classify c "C" { a "A" when rounded(count(thap), 2) > 1/2; else n "N" }\n',
            "4:37: error: `rounded` rounds a share, not `count(thap)` = write "
            "`rounded(share(thap), 2)`",
        ),
        (
            'classify c "C" { a "A" when rounded(share(thap), 1.5) > 1/2; else n "N" }\n',
            "4:50: error: the decimal places of `rounded` are a whole number from 0 to 6, not "
            "`1.5` = `rounded(share(thap), 2)` rounds 2/3 to 66.67%",
        ),
        (
            'classify c "C" { a "A" when rounded(share(thap), 2) > 66.67; else n "N" }\n',
            "4:55: error: the threshold `66.67` is outside 0..1: `rounded(share(thap), 2)` is a "
            "share = did you mean `66.67%`?",
        ),
        (
            "drop quorum\n",
            "4:1: error: `drop` removes what a base has, and this file extends nothing = write "
            '`extends "base.tn"` in the header, or leave the part out',
        ),
        (
            'attribute a date "A"\nattribute a text "A2"\n',
            "5:11: error: attribute `a` is declared twice in this file (first at line 4)",
        ),
        (
            'attribute appointed date "Ngày bổ nhiệm"\nexempt "x" when appointed > 3\n',
            "5:17: error: `appointed` is declared `date` at line 4, but is used as a number here",
        ),
        (
            'attribute present number "Có mặt"\n',
            "4:11: error: `present` cannot be declared: it is a turnout figure",
        ),
        (
            'attribute flag yes-no "Có cờ"\nexempt "x" when flag\n'
            'example "e" { collected 1; thap 1; flag 2023-01-01; expect status exempt }\n',
            "6:41: error: `flag` must be true or false (the rules use it as one at line 4), not "
            "`2023-01-01`",
        ),
    ],
)
def test_the_checker_says_what_is_wrong_with_a_new_construct(body: str, expected: str) -> None:
    assert said(HEAD + body) == [expected]


def test_a_percentage_compared_rounded_is_meant_as_printed_and_not_taken_for_a_fraction() -> None:
    body = (
        'classify c "C" {\n  a "A" when share(thap) >= 66.67%\n'
        '  b "B" when rounded(share(thap), 2) >= 66.67%\n  else n "N"\n}\n'
    )
    assert said(HEAD + body) == [
        "5:29: warning: 66.67% is not exactly 2/3 (it is 6667/10000); write 2/3 if that is "
        "meant = to compare the percentage as documents print it, rounded, use "
        "`rounded(share(…), 2)`"
    ]


BASE = (
    HEAD
    + "quorum present >= 2/3 of members\n"
    + 'exempt "Nghỉ hưu" when retirement_notice\n'
    + 'classify band "Mức" { high "Cao" when share(cao) > 1/2; else low "Thấp" }\n'
    + 'classify c "C" { a "A" when share(thap) > 1/2; else n "N" }\n'
    + 'report "Phụ lục" by group { count c }\n'
    + 'example "nghỉ hưu" { collected 4; thap 4; retirement_notice true; expect status exempt }\n'
    + 'example "quá nửa" { collected 4; thap 3; expect c a }\n'
)


def loader(name: str, relative_to: str) -> tuple[str, str]:
    if name == "base.tn":
        return "/somewhere/installed/base.tn", BASE
    raise FileNotFoundError(name)


def overlay(body: str) -> str:
    return 'ruleset "Phủ" extends "base.tn"\n' + body


def test_drop_removes_what_the_base_has() -> None:
    text = overlay(
        'drop exempt "Nghỉ hưu"\ndrop classify band\ndrop report "Phụ lục"\ndrop quorum\n'
        'drop example "nghỉ hưu"\n'
    )
    resolved = load_text(text, "o.tn", loader).ok()
    assert resolved.exempts == ()
    assert [c.id for c in resolved.classifies] == ["c"]
    assert resolved.reports == ()
    assert resolved.quorum is None
    assert [e.name for e in resolved.examples] == ["quá nửa"]
    assert "quorum" not in resolved.origins
    assert [o.passed for o in run_examples(resolved)] == [True]


def test_dropping_what_the_base_does_not_have_is_an_error_with_did_you_mean() -> None:
    text = overlay('drop classify bnd\ndrop example "nghỉ huu"\n')
    found = [
        f"{d.line}:{d.column}: {d.message} = {d.hint}"
        for d in load_text(text, "o.tn", loader).errors
    ]
    assert found == [
        "2:15: the base has no classify block `bnd` to drop = did you mean `band`?",
        '3:14: the base has no example "nghỉ huu" to drop = did you mean `nghỉ hưu`?',
    ]


def test_an_inherited_example_that_fails_is_said_at_the_extends_of_the_overlay() -> None:
    text = overlay('drop exempt "Nghỉ hưu"\nattribute retirement_notice yes-no "Đã nghỉ hưu"\n')
    resolved = load_text(text, "o.tn", loader).ok()
    failed = [o.message for o in run_examples(resolved) if not o.passed]
    assert failed == [
        'o.tn:1: inherited example "nghỉ hưu" (base.tn:9): status: expected exempt, got '
        'evaluated; drop it (`drop example "nghỉ hưu"`) or write an example of the same name'
    ]


def test_an_inherited_example_the_checker_refuses_is_said_at_the_extends_too() -> None:
    text = overlay('drop exempt "Nghỉ hưu"\n')
    (diag,) = load_text(text, "o.tn", loader).errors
    assert diag.render() == (
        'o.tn:1:23: error: inherited example "nghỉ hưu" (base.tn:9): `retirement_notice` is '
        "not a level, a turnout figure or an attribute the rules use\n"
        ' 1 | ruleset "Phủ" extends "base.tn"\n'
        "   |                       ^^^^^^^^^\n"
        '   = drop it (`drop example "nghỉ hưu"`) or write an example of the same name'
    )
    assert "installed" not in diag.render()


# --- on data and in examples -------------------------------------------------------------------

RULES = (
    HEAD
    + 'attribute chuc_danh text "Chức danh"\n'
    + 'attribute nghi_om_den date "Nghỉ ốm đến ngày"\n'
    + 'exempt "Đang nghỉ ốm" when nghi_om_den is not missing\n'
    + 'classify c "C" {\n'
    + '  lead "Lãnh đạo, làm tròn" when chuc_danh in {"Bí thư", "Chủ tịch"} and '
    + "rounded(share(thap), 2) >= 66.67%\n"
    + '  exact "Chính xác" when share(thap) >= 66.67%\n'
    + '  else n "Không"\n'
    + "}\n"
    + 'example "Bí thư, 2/3 làm tròn là 66,67%" { collected 3; cao 1; thap 2; '
    + 'chuc_danh "Bí thư"; nghi_om_den ""; expect c lead }\n'
    + 'example "Phó, 2/3 chính xác dưới 66,67%" { collected 3; cao 1; thap 2; '
    + 'chuc_danh "Phó"; nghi_om_den ""; expect c n }\n'
    + 'example "Nghỉ ốm" { collected 3; thap 2; chuc_danh "Phó"; nghi_om_den 2024-01-31; '
    + "expect status exempt }\n"
)
CSV = (
    "name,collected,cao,tn,thap,chuc_danh,nghi_om_den\n"
    "A,3,1,0,2,Bí thư,\n"
    "B,3,1,0,2,Phó,\n"
    "C,3,1,0,2,Phó,2024-01-31\n"
    "D,10000,3333,0,6667,Phó,\n"
)


def test_sets_missing_and_rounding_mean_on_data_what_they_mean_in_examples(tmp_path: Path) -> None:
    resolved = load_text(RULES, "r.tn").ok()
    assert [o.passed for o in run_examples(resolved)] == [True, True, True]
    data = tmp_path / "d.csv"
    data.write_text(CSV, encoding="utf-8")
    levels = {lv.id: lv.label for lv in resolved.levels.levels}
    evaluation = evaluate(resolved, read_tallies(data, levels))
    got = [(r.tally.name, r.status, r.klass("c")) for r in evaluation.results]
    assert got == [
        ("A", "evaluated", "lead"),
        ("B", "evaluated", "n"),  # 2/3 is less than 66.67%: exact
        ("C", "exempt", None),
        ("D", "evaluated", "exact"),  # 6667/10000 is 66.67% exactly
    ]
    assert evaluation.warnings == ()


def test_the_trace_says_sets_rounding_and_blank_cells_in_both_languages(tmp_path: Path) -> None:
    resolved = load_text(RULES, "r.tn").ok()
    data = tmp_path / "d.csv"
    data.write_text(CSV, encoding="utf-8")
    dataset = read_tallies(data, {lv.id: lv.label for lv in resolved.levels.levels})
    english = evaluate(resolved, dataset).results[0].verdicts[0]
    vietnamese = evaluate(resolved, dataset, lang="vi").results[0].verdicts[0]
    assert english.steps[0].because == (
        'chuc_danh = "Bí thư" is in {"Bí thư", "Chủ tịch"}: yes and rounded(share(thap), 2) = '
        "2/3 → 66.67% ≥ 66.67%: yes"
    )
    assert vietnamese.steps[0].because == (
        'chuc_danh = "Bí thư" thuộc {"Bí thư", "Chủ tịch"}: đúng và rounded(share(thap), 2) = '
        "2/3 → 66.67% ≥ 66.67%: đúng"
    )


def test_a_column_the_data_lacks_is_not_missing_but_unknown(tmp_path: Path) -> None:
    resolved = load_text(RULES, "r.tn").ok()
    data = tmp_path / "d.csv"
    data.write_text("name,collected,cao,tn,thap,chuc_danh\nA,3,1,0,2,Phó\n", encoding="utf-8")
    evaluation = evaluate(resolved, read_tallies(data, {}))
    assert evaluation.results[0].status == "evaluated"  # not exempt: the data cannot say
    assert [w.message for w in evaluation.warnings] == [
        "exemption “Đang nghỉ ốm” not checked: the data has no `nghi_om_den` column"
    ]


def test_a_cell_not_of_the_declared_type_stops_the_run_with_its_row_and_column(
    tmp_path: Path,
) -> None:
    """Declared `number`, read by no rule: its cells are held to the type all the same."""
    resolved = load_text(RULES + 'attribute so_nam number "Số năm công tác"\n', "r.tn").ok()
    data = tmp_path / "d.csv"
    data.write_text(
        "name,collected,cao,tn,thap,chuc_danh,nghi_om_den,so_nam\nA,3,1,0,2,Phó,,5\n"
        "B,3,1,0,2,Phó,,mười\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        evaluate(resolved, read_tallies(data, {}))
    assert [(i.origin.row, i.origin.column, i.message) for i in caught.value.issues] == [
        (3, "so_nam", 'expected a number (attribute `so_nam` is declared number), found "mười"')
    ]


# --- show ---------------------------------------------------------------------------------------


def test_show_says_the_new_constructs_in_vietnamese_with_labels() -> None:
    text = RULES.replace(
        'ruleset "Thử"', 'ruleset "Thử"\nin force from 2015-07-01 until 2023-06-30'
    )
    lines = describe(load_text(text, "r.tn").ok()).splitlines()
    assert lines[1] == "Thử có hiệu lực từ 01/07/2015 đến hết 30/06/2023."
    assert lines[2] == "Dữ liệu: cột chuc_danh là “Chức danh” (văn bản)."
    assert "- Đang nghỉ ốm (khi nghỉ ốm đến ngày có giá trị)." in lines
    assert (
        '- Nếu chức danh là "Bí thư" hoặc "Chủ tịch" và tỷ lệ phiếu tín nhiệm thấp (phần trăm '
        "làm tròn đến 2 chữ số thập phân) từ 66,67% trở lên: Lãnh đạo, làm tròn."
    ) in lines
    assert (
        "- Người có từ 66,67% số phiếu tín nhiệm thấp trở lên (tỷ lệ tính chính xác, không làm "
        "tròn): Chính xác."
    ) in lines


# --- rounded agrees with every printed percentage ----------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**6).flatmap(lambda b: st.tuples(st.integers(0, b), st.just(b))))
def test_rounded_agrees_with_the_percentages_every_writer_prints(case: tuple[int, int]) -> None:
    """`rounded(share(x), 2) == P%` holds exactly for the P that the writers print (the CSV,
    Markdown, JSON and XLSX cells and the terminal table), on data as in the explanation."""
    votes, basis = case
    share = Fraction(votes, basis)
    printed = {
        writers._text(writers.Percent(share)),
        writers._text(writers.Percent(share), decimal_comma=True).replace(",", "."),
        percent_comma(share).removesuffix("%").replace(",", "."),
        str(Decimal(percent(share)) / 100 * 100),  # the XLSX cell, a fraction of 1
    }
    facts = Facts({"x": votes}, basis, {}, {})
    for text in printed:
        when = parse(f'ruleset "r" exempt "e" when rounded(share(x), 2) == {text}%').statements[0]
        assert isinstance(when, ast.Exempt)
        assert compile_cond(when.when)(facts)
        assert explain(when.when, facts)[0]
    assert round_percent(share, 2) == Fraction(Decimal(percent(share))) / 100


# --- sweep of a rule with two thresholds -------------------------------------------------------

TWO = (
    'ruleset "S" extends "qd96-2023.tn"\n'
    'classify consequence "Hệ quả" {\n'
    '  dismiss "Miễn nhiệm" when share(thap) >= 2/3\n'
    '  review "Xem xét" when share(thap) > 1/2 and share(cao) < 1/3\n'
    '  else none "Không"\n'
    "}\n"
)


def test_sweep_of_two_thresholds_names_the_option_and_the_option_picks_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "s.tn"
    rules.write_text(TWO, encoding="utf-8")
    argv = ["sweep", str(rules), "--rule", "consequence.review", "--from", "40%", "--to", "41%"]
    assert main(argv) == 2
    assert capsys.readouterr().err.strip() == (
        "tinnhiem: --rule 'consequence.review': `consequence.review` has 2 thresholds "
        "(1: share(thap) > 1/2; 2: share(cao) < 1/3): choose one with --threshold N (1 to 2)"
    )
    assert main([*argv, "--threshold", "2", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["original"] == "1/3"


# --- diagnostics -------------------------------------------------------------------------------


def syntax(text: str) -> list[str]:
    with pytest.raises(RuleSyntaxError) as caught:
        parse(text, "r.tn")
    return [d.render() for d in caught.value.diagnostics]


def test_every_syntax_error_of_a_file_is_said_in_one_run() -> None:
    text = (
        'ruleset "T"\n'
        'levles { a "A" }\n'
        "basis collected\n"
        'clasify c "C" { else n "N" }\n'
        'exempt "x" when false\n'
        'exempt "y" when position in ["a"]\n'
        'classify d "D" { a "A" when share(thap) >> 1/2; else n "N" }\n'
    )
    assert syntax(text) == [
        "r.tn:2:1: error: expected `extends`, `in force`, a statement or the end of the file, "
        "found a name `levles`\n"
        ' 2 | levles { a "A" }\n'
        "   | ^^^^^^\n"
        "   = did you mean `levels`?",
        "r.tn:4:1: error: expected a statement or the end of the file, found a name `clasify`\n"
        ' 4 | clasify c "C" { else n "N" }\n'
        "   | ^^^^^^^\n"
        "   = did you mean `classify`?",
        "r.tn:5:17: error: `false` alone is not a condition: a condition compares values "
        "(`share(thap) > 1/2`) or names an attribute (`retirement_notice`)\n"
        ' 5 | exempt "x" when false\n'
        "   |                 ^^^^^\n"
        "   = a rule that should never match is left out; one that always matches is the "
        "`else`",
        "r.tn:6:29: error: expected `{`, found `[`\n"
        ' 6 | exempt "y" when position in ["a"]\n'
        "   |                             ^\n"
        '   = a set is written in braces: `position in {"Chủ tịch", "Phó Chủ tịch"}`',
        "r.tn:7:42: error: expected a value, found a comparison `>`\n"
        ' 7 | classify d "D" { a "A" when share(thap) >> 1/2; else n "N" }\n'
        "   |                                          ^\n"
        "   = a number, share(…), count(…), a name, a date, a quoted text or true/false",
    ]


def test_a_block_left_open_is_said_at_its_brace() -> None:
    text = HEAD + 'classify c "C" {\n  a "A" when share(thap) > 1/2\n  else n "N"\n\n'
    text += 'example "e" { collected 1; expect c n }\n'
    assert syntax(text) == [
        "r.tn:4:16: error: the `{` on line 4 is not closed before `example` on line 8\n"
        ' 4 | classify c "C" {\n'
        "   |                ^\n"
        "   = add `}` before line 8"
    ]


def test_a_statement_left_unfinished_does_not_make_the_next_ones_errors() -> None:
    text = 'ruleset "T"\nbasis\nexempt "x" when a\nclassify c "C" { else n "N" }\n'
    assert syntax(text) == [
        "r.tn:3:8: error: expected a statement or the end of the file, found a quoted text\n"
        ' 3 | exempt "x" when a\n'
        "   |        ^^^\n"
        "   = `exempt` on line 3 was read as a name: is something missing before it?"
    ]


def test_more_than_fifty_syntax_errors_are_counted_not_listed() -> None:
    text = HEAD + "".join(f'exempt "x{n}" when = {n}\n' for n in range(60))
    found = syntax(text)
    assert len(found) == 51
    assert found[49].startswith("r.tn:53:19: error: expected a condition, found `=`")
    assert found[50] == (
        "r.tn:54:19: error: and 10 more syntax errors, from here on\n"
        ' 54 | exempt "x50" when = 50\n'
        "    |                   ^"
    )


def test_the_vietnamese_trace_says_a_declared_attribute_by_its_label() -> None:
    resolved = load_text(
        HEAD
        + 'attribute da_nghi yes-no "Đã có thông báo nghỉ hưu"\n'
        + 'attribute ngay date "Ngày được bầu, bổ nhiệm"\n'
        + 'classify c "C" { a "A" when da_nghi; b "B" when year(ngay) == 2020; else n "N" }\n',
        "r.tn",
    ).ok()
    tally = Tally(
        id="1",
        name="A",
        round="2023",
        turnout={"collected": 3},
        counts={"cao": 0, "tn": 1, "thap": 2},
        attrs={"da_nghi": False},
    )
    dataset = Dataset("x", (tally,), ("cao", "tn", "thap"))
    steps = evaluate(resolved, dataset, lang="vi").results[0].verdicts[0].steps
    assert [s.because for s in steps[:2]] == [
        "Đã có thông báo nghỉ hưu: không: sai",
        "year(ngay) == 2020: sai (người này không có “Ngày được bầu, bổ nhiệm”)",
    ]
    english = evaluate(resolved, dataset).results[0].verdicts[0].steps
    assert [s.because for s in english[:2]] == [
        "da_nghi = false: no",
        "year(ngay) == 2020: no (no `ngay` for this person)",
    ]


def test_dates_of_force_that_end_before_they_start_are_an_error() -> None:
    text = 'ruleset "T"\nin force from 2023-07-01 until 2015-06-30\n' + HEAD.split("\n", 1)[1]
    assert said(text) == [
        "2:1: error: the dates of force end (2015-06-30) before they start (2023-07-01)"
    ]


def test_run_warns_in_both_languages_when_votes_fall_outside_the_dates_of_force() -> None:
    from tinnhiem.engine.in_force import in_force_warnings

    resolved = load_text(
        'ruleset "NQ 85/2014"\nin force from 2015-07-01 until 2023-06-30\n'
        + HEAD.split("\n", 1)[1],
        "r.tn",
    ).ok()
    tallies = tuple(
        Tally(id=str(i), name=str(i), round=day, turnout={}, counts={}, attrs={})
        for i, day in enumerate(["2013-06-10", "2016-11-20", "2024-12-01", "2013-06-10"])
    )
    dataset = Dataset("d.csv", tallies, ())
    assert [w.render() for w in in_force_warnings(resolved, dataset)] == [
        "d.csv: warning: NQ 85/2014 was in force from 2015-07-01 until 2023-06-30; these votes "
        "were on 2013-06-10, 2024-12-01"
    ]
    assert [w.message for w in in_force_warnings(resolved, dataset, "vi")] == [
        "NQ 85/2014 có hiệu lực từ 01/07/2015 đến hết 30/06/2023; các lần lấy phiếu này vào "
        "10/06/2013, 01/12/2024"
    ]
    inside = Dataset("d.csv", tallies[1:2], ())
    assert in_force_warnings(resolved, inside) == []


SAMPLE_DATA = Path(__file__).parent.parent / "samples" / "data"


def test_run_of_nq85_on_the_2013_votes_warns_of_its_dates_of_force(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["run", "-r", "nq85-2014", "-d", str(SAMPLE_DATA / "qh-2013.csv")]) == 0
    err = capsys.readouterr().err
    assert (
        "warning: NQ 85/2014/QH13 was in force from 2015-07-01 until 2023-06-30; these votes "
        "were on 2013-06-10"
    ) in err


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "-r", "qd96-2023", "-f", "json"],
        ["show", "qd96-2023", "--format", "json"],
        ["test", "phuong-an-2"],
        ["check", "de-xuat-2-nam"],
        ["compare", "qd96-2023", "phuong-an-2"],
    ],
)
def test_no_output_names_the_folder_tinnhiem_is_installed_in(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(argv)
    out, err = capsys.readouterr()
    for text in (out, err):
        assert "__editable__" not in text and "site-packages" not in text
        assert "/samples/" not in text


def test_a_file_of_very_many_syntax_errors_says_how_many_it_looked_at() -> None:
    text = HEAD + "".join(f'exempt "x{n}" when = {n}\n' for n in range(300))
    found = syntax(text)
    assert len(found) == 51
    assert found[50].startswith(
        "r.tn:54:19: error: and at least 150 more syntax errors, from here on\n"
    )
