"""The Pygments lexer of `.tn` files: no error tokens on a full file, the right type per token."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Whitespace,
    _TokenType,
)
from tinnhiem.rules.lexer import TinnhiemLexer

SAMPLE = """\
# QĐ 96-QĐ/TW ngày 02/02/2023
ruleset "QĐ 96-QĐ/TW (2023)" extends "base.tn"
in force from 2023-02-02 until 2028-12-31
source "Quy định 96-QĐ/TW, Điều 6, Điều 11"
attribute retirement_notice yes-no "Đã có thông báo nghỉ hưu"
drop quorum
drop classify band

levels {
  cao  "Tín nhiệm cao"
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
map cao -> tn
basis collected
quorum present >= 2/3 of members
schedule { term 5 years; vote in years 2, 4; meeting "Hội nghị cuối năm" month 12 }

exempt "Giữ chức vụ dưới 9 tháng" when months(appointed, vote_date) < 9
exempt "Được bầu trong năm lấy phiếu" when year(appointed) == vote_year or not active
  note "Điều 2.3"

classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm \\"ngay\\"" when share(thap) >= 2/3
    note "Điều 11.3"
  review  "Xem xét" when share(thap) > 1/2 and previous share(thap) > 50%
  watch   "Theo dõi" when count(cao + tn) < 10 and since >= 2023-07-01 and flag == true
  odd     "Lẻ" when position not in {"Chủ tịch", "Phó"} and leave is missing
  round   "Tròn" when rounded(share(thap), 2) >= 66.67%
  else none "Không"
}

report "Phụ lục" by group { count band; count consequence }

example "Đúng 2/3 phiếu thấp" {
  collected 42; cao 4; tn 10; thap 28; ratio 66.67%; x 0.5
  previous { collected 40; thap 30 }
  expect consequence dismiss
}
"""


def tokens(text: str) -> list[tuple[_TokenType, str]]:
    return [(t, v) for t, v in TinnhiemLexer().get_tokens(text) if v.strip()]


def test_registered_by_name_alias_and_extension() -> None:
    assert isinstance(get_lexer_by_name("tinnhiem"), TinnhiemLexer)
    assert isinstance(get_lexer_by_name("tn"), TinnhiemLexer)
    assert isinstance(get_lexer_for_filename("qd96-2023.tn"), TinnhiemLexer)


def test_sample_has_no_error_tokens_and_keeps_every_character() -> None:
    found = list(TinnhiemLexer().get_tokens(SAMPLE))
    assert [v for t, v in found if t in Error] == []
    assert "".join(v for _, v in found) == SAMPLE


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("# QĐ 96-QĐ/TW ngày 02/02/2023", Comment.Single),
        ("ruleset", Keyword),
        ("extends", Keyword),
        ("levels", Keyword),
        ("classify", Keyword),
        ("else", Keyword),
        ("when", Keyword),
        ("note", Keyword),
        ("previous", Keyword),
        ("expect", Keyword),
        ("force", Keyword),
        ("from", Keyword),
        ("until", Keyword),
        ("attribute", Keyword),
        ("retirement_notice", Name.Attribute),
        ("yes-no", Keyword.Type),
        ("drop", Keyword),
        ("missing", Keyword.Constant),
        ("is", Keyword),
        ("rounded", Name.Builtin),
        ("cao", Name.Label),  # a level's id before its label
        ("dismiss", Name.Label),  # a rule's id before its label
        ("none", Name.Label),  # the else rule's id
        ("consequence", Name.Class),  # a classify block's id
        ("band", Name.Class),  # a block counted by a report
        ("group", Name.Attribute),
        ("collected", Name.Builtin.Pseudo),
        ("vote_year", Name.Builtin.Pseudo),
        ("share", Name.Builtin),
        ("count", Name.Builtin),
        ("months", Name.Builtin),
        ("year", Name.Builtin),
        ("appointed", Name.Variable),
        ("and", Operator.Word),
        ("not", Operator.Word),
        ("true", Keyword.Constant),
        ("2/3", Number.Float),
        ("50%", Number.Float),
        ("66.67%", Number.Float),
        ("0.5", Number.Float),
        ("42", Number.Integer),
        ("2023-07-01", Literal.Date),
        (">=", Operator),
        ("->", Operator),
        ("+", Operator),
        ("{", Punctuation),
        (";", Punctuation),
        ("Tín nhiệm cao", String.Double),
        ('\\"', String.Escape),
    ],
)
def test_token_types(text: str, kind: _TokenType) -> None:
    """The first place each text appears in the sample (the one the comment names)."""
    first = next(t for t, v in tokens(SAMPLE) if v == text)
    assert first == kind


def test_levels_inside_share_and_map_are_constants() -> None:
    assert tokens("when share(cao + tn) > 1/2")[1:7] == [
        (Name.Builtin, "share"),
        (Punctuation, "("),
        (Name.Constant, "cao"),
        (Operator, "+"),
        (Name.Constant, "tn"),
        (Punctuation, ")"),
    ]
    assert tokens("map cao -> tn") == [
        (Keyword, "map"),
        (Name.Constant, "cao"),
        (Operator, "->"),
        (Name.Constant, "tn"),
    ]


def test_report_count_and_the_count_function_differ() -> None:
    assert tokens("count band")[1] == (Name.Class, "band")
    assert tokens("count(thap)")[0] == (Name.Builtin, "count")


def test_mistakes_show_as_errors() -> None:
    kinds = [t for t, _ in TinnhiemLexer().get_tokens('levels { cao "Tín nhiệm\n tn “x” }')]
    assert Error in kinds
    assert [v for t, v in tokens("basis collected @") if t in Error] == ["@"]


def test_whitespace_is_whitespace() -> None:
    found = list(TinnhiemLexer().get_tokens("basis  valid\n"))
    assert found[1] == (Whitespace, "  ")


def test_bundled_rule_files_have_no_error_tokens() -> None:
    bundled = sorted((Path(__file__).parent.parent / "samples" / "rules").glob("*.tn"))
    assert bundled, "no bundled rule files found"
    for path in bundled:
        found = TinnhiemLexer().get_tokens(path.read_text(encoding="utf-8"))
        assert [v for t, v in found if t in Error] == [], path.name
