"""The canonical layout of rule files: golden texts, comments kept in place, idempotence."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from tinnhiem.rules import ast, parse
from tinnhiem.rules.fmt import format_cond, format_ruleset, format_schedule, quote

CANONICAL = """\
# comment
ruleset "QĐ 96-QĐ/TW (2023)" extends "base.tn"
source "Quy định 96-QĐ/TW, Điều 6, Điều 11"

levels {
  cao  "Tín nhiệm cao"
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
map cao -> tn
basis collected
quorum present >= 2/3 of members
schedule { term 5 years; vote in year 3; meeting "Hội nghị cuối năm" month 12 }

exempt "Đã có thông báo nghỉ hưu" when retirement_notice
exempt "Được bầu, bổ nhiệm trong năm lấy phiếu" when year(appointed) == vote_year
  note "Điều 2.3"

classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm" when share(thap) >= 2/3
    note "Điều 11.3"
  review  "Xem xét" when share(thap) > 1/2 and previous share(thap) > 1/2
  else none "Không"
}

report "Phụ lục" by group { count band; count consequence }

example "Đúng 2/3 phiếu thấp" {
  collected 42; cao 4; tn 10; thap 28
  previous { collected 40; thap 30 }
  expect consequence dismiss
}
"""

MESSY = """\
   # Đầu tệp
ruleset   "Thử \\"nghiệm\\""   extends "base.tn"   # sau tiêu đề
# nguồn thứ nhất
source "Điều 1"
source "Điều 2"  # cuối nguồn 2
levels { a "A"; bbb "B" # sau B
  # trước c
  c "C" }
exempt "x" when a or b and not c   # cuối exempt
  note "n"


exempt "y" when (a or b) and c
map a -> bbb
   # trước basis
basis     valid
classify k "K" { r1 "R1" when share(a+bbb) >= 50% note "Điều 3"
  long_id "L" when count(c) < 3
    or previous share(c) > 1/2   # trong điều kiện
  # trước else
  else z "Z" # cuối else
  # trước đóng
}
report "P" by group { count k }
report "Q" by unit {   }
example "e" { collected 10; expect k r1
 a 5 ;previous{a 3} bbb 5 }
source "muộn"
schedule { meeting "Kỳ họp" month 12 ; term 1 year; vote in years 2 , 4 }
# cuối tệp
"""

MESSY_FORMATTED = """\
# Đầu tệp
ruleset "Thử \\"nghiệm\\"" extends "base.tn"  # sau tiêu đề
# nguồn thứ nhất
source "Điều 1"
source "Điều 2"  # cuối nguồn 2
source "muộn"

levels {
  a   "A"
  bbb "B"  # sau B
  # trước c
  c   "C"
}

exempt "x" when a or b and not c  # cuối exempt
  note "n"
exempt "y" when (a or b) and c

map a -> bbb
# trước basis
basis valid

classify k "K" {
  r1      "R1" when share(a + bbb) >= 50%
    note "Điều 3"
  long_id "L" when count(c) < 3 or previous share(c) > 1/2  # trong điều kiện
  # trước else
  else z "Z"  # cuối else
  # trước đóng
}

report "P" by group { count k }
report "Q" by unit {}

example "e" {
  collected 10; a 5; bbb 5
  previous { a 3 }
  expect k r1
}

schedule { term 1 year; vote in years 2, 4; meeting "Kỳ họp" month 12 }

# cuối tệp
"""


def fmt(text: str) -> str:
    return format_ruleset(parse(text))


def test_canonical_text_is_unchanged() -> None:
    assert fmt(CANONICAL) == CANONICAL


def test_messy_text_gets_the_canonical_layout_with_its_comments() -> None:
    assert fmt(MESSY) == MESSY_FORMATTED


@pytest.mark.parametrize("text", [CANONICAL, MESSY])
def test_formatting_is_idempotent_and_keeps_the_tree(text: str) -> None:
    once = fmt(text)
    assert fmt(once) == once
    assert parse(once) == parse(text)
    assert [c.text.rstrip() for c in parse(once).comments] == [
        c.text.rstrip() for c in parse(text).comments
    ]


def test_one_line_everything_is_spread_out() -> None:
    text = (
        'ruleset "R" levels { tn "Tín nhiệm"; thap "Tín nhiệm thấp" } basis members '
        'classify c "C" { x "X" when share(thap) > 1/2; else y "Y" note "Điều 5" } '
        'example "v" { expect c y }'
    )
    assert fmt(text) == (
        'ruleset "R"\n'
        "\n"
        "levels {\n"
        '  tn   "Tín nhiệm"\n'
        '  thap "Tín nhiệm thấp"\n'
        "}\n"
        "basis members\n"
        "\n"
        'classify c "C" {\n'
        '  x "X" when share(thap) > 1/2\n'
        '  else y "Y"\n'
        '    note "Điều 5"\n'
        "}\n"
        "\n"
        'example "v" {\n'
        "  expect c y\n"
        "}\n"
    )


def test_blank_lines_come_from_the_kinds_of_statements_not_the_source() -> None:
    text = (
        'ruleset "R"\nsource "A"\n\n\nsource "B"\nreport "a" by unit { count c }\n\n\n'
        'report "b" by unit { count c }\nexempt "e" when x\n\nexempt "f" when y\n'
        "basis valid\n"
        "map a -> b\n"
        'example "1" {}\nexample "2" {}\n'
    )
    assert fmt(text) == (
        'ruleset "R"\nsource "A"\nsource "B"\n\n'
        'report "a" by unit { count c }\nreport "b" by unit { count c }\n\n'
        'exempt "e" when x\nexempt "f" when y\n\n'
        "basis valid\nmap a -> b\n\n"
        'example "1" {}\n\nexample "2" {}\n'
    )


def test_header_alone_has_no_trailing_blank_line() -> None:
    assert fmt('ruleset "R"  source "S"') == 'ruleset "R"\nsource "S"\n'


def test_else_id_is_not_padded_and_does_not_widen_the_block() -> None:
    text = 'ruleset "R" classify c "C" { a "A" when x; bb "B" when y else very_long "Z" }'
    assert fmt(text).splitlines()[3:6] == [
        '  a  "A" when x',
        '  bb "B" when y',
        '  else very_long "Z"',
    ]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("schedule {term 5 years;vote in year 3}", "schedule { term 5 years; vote in year 3 }"),
        (
            "schedule {term 1 years; vote in years 2,4}",
            "schedule { term 1 year; vote in years 2, 4 }",
        ),
        ("schedule {vote every year; term 2 year}", "schedule { term 2 years; vote every year }"),
        ("schedule {}", "schedule { vote every year }"),
        ('schedule { meeting "Kỳ họp" }', 'schedule { vote every year; meeting "Kỳ họp" }'),
    ],
)
def test_schedule_words(written: str, canonical: str) -> None:
    assert fmt(f'ruleset "R"\n{written}') == f'ruleset "R"\n\n{canonical}\n'


def test_schedule_that_the_language_cannot_say_drops_the_month() -> None:
    schedule = ast.Schedule(4, (1,), None, 12)
    assert format_schedule(schedule) == "schedule { term 4 years; vote in year 1 }"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("a or b or c", "a or b or c"),
        ("a or (b or c)", "a or (b or c)"),
        ("(a or b) or c", "(a or b) or c"),
        ("a and (b and c)", "a and (b and c)"),
        ("((a and b)) or c", "a and b or c"),
        ("a and (b or c)", "a and (b or c)"),
        ("not (a or b)", "not (a or b)"),
        ("not (a and b)", "not (a and b)"),
        ("not (not a)", "not not a"),
        ("(not a) and b", "not a and b"),
        ("(share(x)>1/2)", "share(x) > 1/2"),
        ("share( a+b )>=66.67%", "share(a + b) >= 66.67%"),
        ("previous count(a)!=0.5", "previous count(a) != 0.5"),
        ("months( appointed,vote_date )<9", "months(appointed, vote_date) < 9"),
        ("appointed>=2023-07-01", "appointed >= 2023-07-01"),
        ("flag == false", "flag == false"),
        ('unit == "Sở \\"A\\" \\\\ B"', 'unit == "Sở \\"A\\" \\\\ B"'),
        ('unit == "\\q"', 'unit == "q"'),
        ("members <= 100", "members <= 100"),
    ],
)
def test_conditions(written: str, canonical: str) -> None:
    rs = parse(f'ruleset "R" exempt "e" when {written}')
    (exempt,) = rs.of_type(ast.Exempt)
    assert format_cond(exempt.when) == canonical
    assert parse(f'ruleset "R" exempt "e" when {canonical}') == rs


def test_numbers_keep_their_source_text() -> None:
    text = 'ruleset "R"\nquorum present > 50.0% of members\n'
    assert fmt(text) == 'ruleset "R"\n\nquorum present > 50.0% of members\n'


def test_example_settings_keep_their_source_text() -> None:
    text = 'ruleset "R" example "x" { d 2023-06-23; ok true; s "a\\q"; f 1.0; p 50% }'
    assert fmt(text).splitlines()[3] == '  d 2023-06-23; ok true; s "a\\q"; f 1.0; p 50%'


def test_strings_are_escaped() -> None:
    assert quote('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
    rs = ast.RuleSet(name='Tên "có" \\ lạ', extends=None, sources=("\\",), statements=())
    assert format_ruleset(rs) == 'ruleset "Tên \\"có\\" \\\\ lạ"\nsource "\\\\"\n'
    assert parse(format_ruleset(rs)) == rs


def test_a_tree_built_by_hand_prints_values_without_source_text() -> None:
    example = ast.Example(
        "x",
        settings=(
            ast.Setting("a", Fraction(2, 3), ""),
            ast.Setting("d", dt.date(2023, 1, 2), ""),
            ast.Setting("b", True, ""),
            ast.Setting("s", "t", ""),
        ),
        previous=(),
        expects=(),
    )
    cond = ast.Compare(ast.Share(("thap",)), ">", ast.Number(Fraction(1, 2), ""))
    rs = ast.RuleSet("R", None, (), (ast.Exempt("e", cond), example))
    assert format_ruleset(rs) == (
        'ruleset "R"\n\nexempt "e" when share(thap) > 1/2\n\n'
        'example "x" {\n  a 2/3; d 2023-01-02; b true; s "t"\n}\n'
    )


def test_comments_before_and_after_the_header() -> None:
    text = '# một\n# hai\nruleset "R" # ba\n# bốn\nsource "S"\n# năm\nbasis valid # sáu\n'
    assert fmt(text) == (
        '# một\n# hai\nruleset "R"  # ba\n# bốn\nsource "S"\n\n# năm\nbasis valid  # sáu\n'
    )


def test_several_comments_at_the_end_of_one_printed_line() -> None:
    text = 'ruleset "R"\nexample "x" {\n  a 1 # một\n  b 2 # hai\n}\n'
    once = fmt(text)
    assert once == 'ruleset "R"\n\nexample "x" {\n  a 1; b 2  # một  # hai\n}\n'
    assert fmt(once) == once


def test_comment_inside_an_empty_block_ends_its_line() -> None:
    text = 'ruleset "R"\nlevels {\n  # chưa có mức\n}\n'
    once = fmt(text)
    assert once == 'ruleset "R"\n\nlevels {}  # chưa có mức\n'
    assert fmt(once) == once


BUNDLED = sorted((Path(__file__).parent.parent / "samples" / "rules").glob("*.tn"))


def test_bundled_rule_files_are_canonical() -> None:
    assert BUNDLED, "no bundled rule files found"
    for path in BUNDLED:
        text = path.read_text(encoding="utf-8")
        assert fmt(text) == text, f"{path.name} is not in the canonical layout"
