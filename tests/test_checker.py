"""The checker: exact messages, places and hints, and rules that can never match."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinnhiem.rules import Diagnostic, Loader, ast, disk_loader, load_text, parse
from tinnhiem.rules.checker import check
from tinnhiem.rules.parser import RESERVED

HEAD = (
    'ruleset "Thử"\n'
    'levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }\n'
    "basis collected\n"
)
SAMPLES = Path(__file__).parent.parent / "samples" / "rules"

DESIGN_EXAMPLE = """\
# QĐ 96-QĐ/TW ngày 02/02/2023
ruleset "QĐ 96-QĐ/TW (2023)"
source "Quy định 96-QĐ/TW, Điều 6, Điều 11"

levels {
  cao  "Tín nhiệm cao"
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
basis collected                       # percent base: members | present | issued | collected | valid
quorum present >= 2/3 of members      # a vote below quorum is invalid, not evaluated
schedule { term 5 years; vote in year 3 }
exempt "Đã có thông báo nghỉ hưu" when retirement_notice
exempt "Được bầu, bổ nhiệm trong năm lấy phiếu" when year(appointed) == vote_year

classify consequence "Hệ quả" {       # first matching rule wins; `else` is required
  dismiss "Miễn nhiệm, bố trí công tác thấp hơn" when share(thap) >= 2/3
  review  "Đưa ra khỏi quy hoạch; xem xét thôi giữ chức vụ" when share(thap) > 1/2
  else none "Không"
}
classify band "Mức tín nhiệm" {
  high "Tín nhiệm cao từ 50% trở lên" when share(cao) >= 50%
  mid  "Tín nhiệm cao và tín nhiệm từ 50% trở lên" when share(cao + tn) >= 50%
  else low "Dưới 50%"
}
report "Phụ lục" by group { count band; count consequence }

example "Đúng 2/3 phiếu thấp" {
  collected 42; cao 4; tn 10; thap 28
  expect consequence dismiss
}
"""


def diagnostics(text: str, path: str = "r.tn", loader: Loader | None = None) -> list[Diagnostic]:
    return list(load_text(text, path, loader).diagnostics)


def said(text: str, loader: Loader | None = None) -> list[str]:
    """Each diagnostic as `line:column: severity: message`, in the order given."""
    return [
        f"{d.line}:{d.column}: {d.severity}: {d.message}" for d in diagnostics(text, loader=loader)
    ]


def hints(text: str) -> list[str | None]:
    return [d.hint for d in diagnostics(text)]


def memory_loader(files: dict[str, str]) -> Loader:
    def load(name: str, relative_to: str) -> tuple[str, str]:
        if name not in files:
            raise FileNotFoundError(name)
        return name, files[name]

    return load


# --- files without problems ------------------------------------------------------------------


def test_the_design_example_has_no_diagnostics() -> None:
    assert diagnostics(DESIGN_EXAMPLE) == []


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.tn")), ids=lambda p: p.name)
def test_bundled_rule_sets_have_no_errors(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = load_text(text, str(path), disk_loader(SAMPLES)).diagnostics
    assert [d.render() for d in found if d.is_error] == []


def test_an_else_only_block_is_fine() -> None:
    assert said(HEAD + 'classify x "X" { else all "Tất cả" }\n') == []


# --- all at once, in order, with their place -------------------------------------------------


def test_every_problem_is_found_at_once_and_sorted_by_place() -> None:
    text = (
        'ruleset "Nhiều lỗi"\n'
        'levels { cao "Cao"; tn "Tín nhiệm"; thap "Thấp" }\n'
        "basis colected\n"
        'classify c "C" {\n'
        '  b "B" when share(thp) > 50\n'
        '  a "A" when share(thap) > 1/2\n'
        '  else n "N"\n'
        "}\n"
        'example "e" { collected 1; cao 1; expect c z }\n'
    )
    assert said(text) == [
        "3:7: error: `colected` is not a basis: expected members, present, issued, collected "
        "or valid",
        "5:20: error: unknown level `thp`",
        "5:27: error: the threshold `50` is outside 0..1: `share(thp)` is a share",
        "9:44: error: `z` is not a class of block `c`",
    ]


def test_a_diagnostic_renders_its_line_and_a_caret_as_wide_as_the_token() -> None:
    text = HEAD + 'classify c "C" {\n  a "A" when share(thap) >= 66.67%\n  else n "N"\n}\n'
    (found,) = diagnostics(text)
    assert found.render() == (
        "r.tn:5:29: warning: 66.67% is not exactly 2/3 (it is 6667/10000); write 2/3 if that "
        "is meant\n"
        ' 5 |   a "A" when share(thap) >= 66.67%\n'
        "   |                             ^^^^^^\n"
        "   = to compare the percentage as documents print it, rounded, use "
        "`rounded(share(…), 2)`"
    )


def test_diagnostics_in_a_base_carry_the_base_path_and_text_and_come_after_the_file() -> None:
    base = (
        'ruleset "Gốc"\n'
        'levels { cao "Cao"; tn "Tín nhiệm"; thap "Thấp" }\n'
        "basis collected\n"
        'classify band "Mức" {\n'
        '  high "Cao" when share(cao) >= 50%\n'
        '  else low "Thấp"\n'
        "}\n"
    )
    overlay = (
        'ruleset "Hai mức" extends "base.tn"\n'
        'levels { tn "Tín nhiệm"; thap "Thấp" }\n'
        "map cao -> tn\n"
        'report "R" by group { count bnd }\n'
    )
    found = diagnostics(overlay, "overlay.tn", memory_loader({"base.tn": base}))
    assert [d.render() for d in found] == [
        "overlay.tn:4:29: error: unknown classify block `bnd`\n"
        ' 4 | report "R" by group { count bnd }\n'
        "   |                             ^^^\n"
        "   = did you mean `band`?",
        "base.tn:5:25: error: `cao` is not a level of this rule set: the data's `cao` is read "
        "as `tn`\n"
        ' 5 |   high "Cao" when share(cao) >= 50%\n'
        "   |                         ^^^\n"
        "   = use `tn`",
    ]


def test_parts_of_a_base_that_an_overlay_replaces_are_not_checked_against_the_overlay() -> None:
    base = (
        'ruleset "Gốc"\n'
        'levels { cao "Cao"; tn "Tín nhiệm"; thap "Thấp" }\n'
        "basis collected\n"
        'classify band "Mức" { high "Cao" when share(cao) >= 50%; else low "Thấp" }\n'
    )
    overlay = (
        'ruleset "Hai mức" extends "base.tn"\n'
        'levels { tn "Tín nhiệm"; thap "Thấp" }\n'
        'classify band "Mức" { high "Cao" when share(tn) >= 50%; else low "Thấp" }\n'
    )
    assert diagnostics(overlay, "o.tn", memory_loader({"base.tn": base})) == []


# --- required parts --------------------------------------------------------------------------


def test_missing_levels_and_basis() -> None:
    assert said('ruleset "Trống"\n') == [
        "1:1: error: no `levels` in this rule set",
        "1:1: error: no `basis` in this rule set",
    ]
    assert hints('ruleset "Trống"\n') == [
        'list them: `levels { tn "Tín nhiệm"; thap "Tín nhiệm thấp" }`',
        "say which count is 100%: members, present, issued, collected or valid",
    ]


def test_missing_basis_after_extends_names_the_bases() -> None:
    loader = memory_loader({"b.tn": 'ruleset "B"\nlevels { tn "T"; thap "Th" }\n'})
    assert said('ruleset "A" extends "b.tn"\n', loader) == [
        "1:1: error: no `basis` in this rule set or its bases"
    ]


def test_a_basis_that_is_not_one() -> None:
    text = 'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis invalid\n'
    assert said(text) == [
        "3:7: error: `invalid` is not a basis: expected members, present, issued, collected "
        "or valid"
    ]
    assert hints(text) == ["did you mean `valid`?"]


def test_quorum_names_fraction_and_self_comparison() -> None:
    assert said(HEAD + "quorum presnt >= 3/2 of membres\n") == [
        "4:8: error: `presnt` is not a turnout figure: expected members, present, issued, "
        "collected, valid or invalid",
        "4:18: error: the quorum fraction `3/2` is outside 0..1",
        "4:25: error: `membres` is not a turnout figure: expected members, present, issued, "
        "collected, valid or invalid",
    ]
    assert said(HEAD + "quorum present >= 1/2 of present\n") == [
        "4:8: warning: the quorum compares `present` with itself"
    ]
    assert said(HEAD + "quorum present <= 2/3 of members\n") == [
        "4:16: warning: a quorum with `<=` holds when few are there"
    ]


def test_fewer_than_two_levels() -> None:
    assert said('ruleset "x"\nlevels { tn "T" }\nbasis valid\n') == [
        "2:1: warning: only one level (`tn`): a vote needs at least two"
    ]
    assert said('ruleset "x"\nlevels { }\nbasis valid\n') == ["2:1: error: `levels` lists no level"]


def test_else_missing_or_not_last_is_found_with_the_other_errors() -> None:
    """The grammar takes a block without `else` or with `else` anywhere: the checker says so."""
    text = HEAD + (
        'classify c "C" {\n  a "A" when share(thp) > 1/2\n}\n'
        'classify d "D" {\n  else n "N"\n  a "A" when flag\n  else m "M"\n}\n'
    )
    assert said(text) == [
        "4:10: error: classify block `c` has no `else` rule",
        "5:20: error: unknown level `thp`",
        "8:8: error: `else` must be the last rule of a block",
    ]
    assert hints(text)[0] == 'end it with a catch-all: `else none "Không"`'


def test_else_missing_in_a_tree_built_without_spans() -> None:
    rule = ast.Rule("a", "A", ast.Truthy(ast.Attr("flag")))
    levels = ast.Levels((ast.Level("tn", "T"), ast.Level("thap", "Th")))
    block = ast.Classify("c", "C", (rule,))
    rs = ast.RuleSet("x", None, (), (levels, ast.Basis("valid"), block), path="x.tn")
    found = check((rs,), None, {"x.tn": ""})
    assert [f"{d.line}:{d.column}: {d.message}" for d in found] == [
        "0:0: classify block `c` has no `else` rule"
    ]


# --- names -----------------------------------------------------------------------------------


def test_unknown_levels_with_did_you_mean_or_the_list() -> None:
    text = HEAD + (
        'classify c "C" {\n'
        '  a "A" when share(thp) > 1/2 or count(khong) > 3\n'
        '  b "B" when share(cao + cao) > 1/2\n'
        '  else n "N"\n'
        "}\n"
    )
    assert said(text) == [
        "5:20: error: unknown level `thp`",
        "5:40: error: unknown level `khong`",
        "6:26: error: level `cao` is counted twice in `share(cao + cao)`",
    ]
    assert hints(text) == ["did you mean `thap`?", "the levels are `cao`, `tn` and `thap`", None]


def test_maps() -> None:
    text = (
        'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis valid\n'
        "map cao -> tnn\nmap tn -> thap\nmap khong -> thap\nmap khong -> tn\nmap a -> a\n"
        'classify c "C" { x "X" when share(khong) > 1/2; else n "N" }\n'
    )
    assert said(text) == [
        "4:12: error: `tnn` is not a level of this rule set",
        "5:5: error: `tn` is a level of this rule set: only a level it does not have can be mapped",
        "7:5: error: `khong` is mapped twice (first at line 6)",
        "8:5: error: `a` is mapped to itself",
        "8:10: error: `a` is not a level of this rule set",
        "9:35: error: `khong` is not a level of this rule set: the data's `khong` is read as "
        "`thap`",
    ]
    assert hints(text)[0] == "did you mean `tn`?"
    assert hints(text)[-1] == "use `thap`"


def test_reports_count_known_blocks_by_a_known_column() -> None:
    text = HEAD + (
        'classify band "B" { h "H" when share(cao) >= 1/2; else l "L" }\n'
        'report "R" by gruop { count bnd; count band; count band }\n'
        'report "E" by unit { }\n'
    )
    assert said(text) == [
        "5:15: warning: `gruop` is not a column the rules know (group, unit, position, round), "
        "so it is read from the data",
        "5:29: error: unknown classify block `bnd`",
        "5:52: error: block `band` is counted twice in this report (first at line 5)",
        '6:1: warning: report "E" counts nothing',
    ]
    assert hints(text)[:2] == ["did you mean `group`?", "did you mean `band`?"]


def test_expectations_name_known_blocks_classes_and_statuses() -> None:
    text = HEAD + (
        'classify c "C" { d "D" when share(thap) >= 2/3; else n "N" }\n'
        'example "e" {\n'
        "  collected 3; thap 2\n"
        "  expect cc d\n  expect c dd\n  expect c xyz\n  expect status exempted\n"
        "}\n"
        'example "f" { collected 3 }\n'
    )
    assert said(text) == [
        "7:10: error: unknown classify block `cc`",
        "8:12: error: `dd` is not a class of block `c`",
        "9:10: error: `c` is expected twice in this example (first at line 8)",
        "9:12: error: `xyz` is not a class of block `c`",
        "10:17: error: `exempted` is not a status: expected evaluated, exempt or invalid",
        '12:1: warning: example "f" expects nothing',
    ]
    assert hints(text) == [
        "did you mean `c`?",
        "did you mean `d`?",
        None,
        "the classes are `d` and `n`",
        "did you mean `exempt`?",
        "add `expect <block> <class>` or `expect status <status>`",
    ]


def test_example_settings_must_be_known_names_of_the_right_kind() -> None:
    text = HEAD + (
        "map khong -> thap\n"
        'exempt "Mới" when months(appointed, vote_date) < 9\n'
        'example "e" {\n'
        "  collected 42; cao 4.5; khong 2; thp 1; appointed 2023; vote_date 2023\n"
        '  vote_year 2023; group "G"; round "2023"\n'
        "  previous { collected 40; thap 50%; apointed 2020-01-01 }\n"
        "  expect status evaluated\n"
        "}\n"
    )
    assert said(text) == [
        "7:21: error: `cao` must be a whole number of votes, not `4.5`",
        "7:35: error: `thp` is not a level, a turnout figure or an attribute the rules use",
        "7:52: error: `appointed` must be a date (the rules use it as one at line 5), not `2023`",
        "7:68: error: `vote_date` must be a date (2023-12-20), not `2023`",
        "9:33: error: `thap` must be a whole number of votes, not `50%`",
        "9:38: error: `apointed` is not a level, a turnout figure or an attribute the rules use",
    ]
    assert hints(text)[1] == "did you mean `thap`?"
    assert hints(text)[-1] == "did you mean `appointed`?"


def test_example_figures_must_add_up() -> None:
    text = HEAD + (
        'example "a" { members 45; present 42; collected 42; cao 20; tn 15; thap 10 '
        "expect status evaluated }\n"
        'example "b" { members 40; present 42; issued 41; collected 43; cao 1 '
        "expect status evaluated }\n"
        'example "c" { collected 42; valid 40; invalid 1; cao 1 expect status evaluated }\n'
    )
    assert said(text) == [
        "4:53: error: the levels add up to 45, more than `collected` (42)",
        "5:27: error: `present` is 42, more than `members` (40)",
        "5:50: error: `collected` is 43, more than `issued` (41)",
        "6:39: error: `valid` (40) and `invalid` (1) add up to 41, not `collected` (42)",
    ]


def test_example_blocks_settings_and_previous_once() -> None:
    text = HEAD + (
        'example "e" {\n'
        "  collected 4; thap 1; thap 2\n"
        "  previous { collected 4 }\n"
        "  previous { collected 5 }\n"
        "  expect status evaluated\n"
        "}\n"
    )
    assert said(text) == [
        "5:24: error: `thap` is set twice in this example (first at line 5)",
        "7:3: error: this example has a second `previous` block (the first is at line 6)",
    ]


def test_the_settings_of_a_second_previous_block_are_kept_and_checked() -> None:
    text = HEAD + (
        'example "e" {\n'
        "  collected 4; thap 1\n"
        "  previous { collected 4; thap 1 }\n"
        "  previous { collected 5; thp 2 }\n"
        "  expect status evaluated\n"
        "}\n"
    )
    assert said(text) == [
        "7:3: error: this example has a second `previous` block (the first is at line 6)",
        "7:27: error: `thp` is not a level, a turnout figure or an attribute the rules use",
    ]


def test_attributes_levels_used_as_attributes_and_typos() -> None:
    text = HEAD + (
        'exempt "a" when thap > 1/2\n'
        'exempt "b" when collected\n'
        'exempt "c" when year(appointed) == vote_year\n'
        'exempt "d" when appointed > 3\n'
        'exempt "e" when vote_yaer == 2023\n'
    )
    assert said(text) == [
        "4:17: error: `thap` is a level, not an attribute of the data",
        "5:17: error: `collected` is a number of votes, not true or false",
        "7:17: error: `appointed` is used as a date at line 6 and as a number here",
        "8:17: warning: `vote_yaer` is not a name the rules know, so it is read from the data",
    ]
    assert hints(text) == [
        "write share(thap) or count(thap)",
        "compare it with something, e.g. `>`, `==`",
        None,
        "did you mean `vote_year`?",
    ]


def test_functions_known_with_their_arguments() -> None:
    text = HEAD + (
        'exempt "a" when yaer(appointed) == vote_year\n'
        'exempt "b" when age(birthday) > 60\n'
        'exempt "c" when months(appointed) < 9\n'
        'exempt "d" when year(appointed, vote_date) == vote_year\n'
        'exempt "e" when year(2023) == vote_year\n'
    )
    assert said(text) == [
        "4:17: error: unknown function `yaer`",
        "5:17: error: unknown function `age`",
        "6:17: error: `months` takes two arguments (two dates), not 1",
        "7:17: error: `year` takes one argument (a date), not 2",
        "8:22: error: `year` needs a date, but `2023` is a number",
    ]
    assert hints(text)[:2] == [
        "did you mean `year`?",
        "the functions are year(date) and months(date, date)",
    ]


# --- duplicates ------------------------------------------------------------------------------


def test_duplicate_ids_within_a_file() -> None:
    text = (
        'ruleset "x"\n'
        'levels { tn "T"; thap "Th"; tn "T2"; ktn "Th" }\n'
        "basis valid\n"
        'classify c "C" { a "A" when share(thap) > 1/2; a "A2" when count(tn) > 9; else a "N" }\n'
        'classify c "C2" { else n "N" }\n'
        'report "R" by group { count c }\nreport "R" by unit { count c }\n'
        'example "e" { valid 1; expect status evaluated }\n'
        'example "e" { valid 2; expect status evaluated }\n'
    )
    assert said(text) == [
        "2:29: error: level `tn` is listed twice (first at line 2)",
        "2:38: error: level `ktn` has the same label as `thap` (line 2)",
        "4:48: error: rule `a` appears twice in block `c` (first at line 4)",
        "4:80: error: rule `a` appears twice in block `c` (first at line 4)",
        "5:10: error: classify block `c` is defined twice in this file (first at line 4)",
        '7:8: error: report "R" is defined twice in this file (first at line 6)',
        '9:9: error: example "e" is defined twice in this file (first at line 8)',
    ]


def test_statements_given_once_per_file() -> None:
    text = HEAD + (
        "quorum present >= 2/3 of members\nschedule { term 5 years; vote in year 3 }\n"
        'levels { tn "T"; thap "Th" }\nbasis members\n'
        "quorum present >= 1/2 of members\nschedule { term 5 years; vote every year }\n"
    )
    assert said(text) == [
        "6:1: error: `levels` is given more than once in this file (first at line 2)",
        "7:7: error: `basis` is given more than once in this file (first at line 3)",
        "8:1: error: `quorum` is given more than once in this file (first at line 4)",
        "9:1: error: `schedule` is given more than once in this file (first at line 5)",
    ]


def test_reserved_names() -> None:
    text = (
        'ruleset "x"\nlevels { valid "V"; group "G"; vote_date "D"; tn "T" }\nbasis valid\n'
        'classify status "S" { else x "X" }\n'
    )
    assert said(text) == [
        "2:10: error: `valid` cannot be a level: it is a turnout figure",
        "2:21: error: `group` cannot be a level: it is a column of the data",
        "2:32: error: `vote_date` cannot be a level: it is the date of the vote",
        "4:10: error: `status` cannot name a classify block",
    ]


@pytest.mark.parametrize("word", RESERVED)
def test_every_word_of_the_language_is_refused_as_a_level_id(word: str) -> None:
    text = f'ruleset "x"\nlevels {{ {word} "A"; tn "T" }}\nbasis valid\n'
    assert said(text) == [
        f"2:10: error: `{word}` is a reserved word of the language: choose another id"
    ]


def test_words_of_the_language_as_ids_and_attributes() -> None:
    text = HEAD + (
        'exempt "e" when month < 3 and not in_post\n'
        'classify note "N" {\n'
        '  share "S" when share(thap) > 1/2 and every\n'
        '  share "S2" when flag\n'
        '  else true "T"\n'
        "}\n"
        'report "R" by year { count note }\n'
    )
    assert said(text) == [
        "4:17: error: `month` is a reserved word of the language: choose another name",
        "5:10: error: `note` is a reserved word of the language: choose another id",
        "6:3: error: `share` is a reserved word of the language: choose another id",
        "6:40: error: `every` is a reserved word of the language: choose another name",
        "7:3: error: rule `share` appears twice in block `note` (first at line 6)",
        "8:8: error: `true` is a reserved word of the language: choose another id",
        "10:15: error: `year` is a reserved word of the language: choose another name",
    ]
    assert hints(text)[0] == "an attribute is read from the data column of that name"
    assert hints(text)[1] is None


def test_a_reserved_attribute_is_said_once_not_also_as_a_near_name() -> None:
    # `years` is close to `vote_year`, but it is said as a reserved word only.
    assert said(HEAD + 'exempt "e" when years > 3\n') == [
        "4:17: error: `years` is a reserved word of the language: choose another name"
    ]


# --- values ----------------------------------------------------------------------------------


def test_thresholds_and_kinds_of_comparison() -> None:
    text = HEAD + (
        'classify c "C" {\n'
        '  a "A" when share(thap) >= 66\n'
        '  b "B" when 150% < share(thap)\n'
        '  d "D" when count(thap) > 2.5\n'
        '  e "E" when count(thap) >= 50%\n'
        '  f "F" when share(thap) > 2023-01-01\n'
        '  g "G" when share(thap) > count(tn)\n'
        '  h "H" when flag > true\n'
        '  else n "N"\n'
        "}\n"
    )
    assert said(text) == [
        "5:29: error: the threshold `66` is outside 0..1: `share(thap)` is a share",
        "6:14: error: the threshold `150%` is outside 0..1: `share(thap)` is a share",
        "7:28: error: `count(thap)` is a number of votes: compare it with a whole number, "
        "not `2.5`",
        "8:29: error: `count(thap)` is a number of votes: compare it with a whole number, "
        "not `50%`",
        "9:14: error: `share(thap)` is a share and `2023-01-01` is a date: they cannot be compared",
        "10:14: error: `share(thap)` is a share and `count(tn)` is a number of votes: they "
        "cannot be compared",
        "11:14: error: `>` does not apply to true or false: use `==` or `!=`",
    ]
    assert hints(text)[:4] == [
        "did you mean `66%`?",
        None,
        "for a part of the basis, use `share(thap)`",
        "for a part of the basis, use `share(thap)`",
    ]


def test_a_comparison_error_covers_the_whole_comparison() -> None:
    text = HEAD + 'exempt "x" when vote_date > 2023\n'
    (found,) = diagnostics(text)
    assert (found.column, found.width) == (17, 16)


def test_schedule_values() -> None:
    text = HEAD + ('schedule { term 5 years; vote in years 0, 2, 6, 2; meeting "M" month 13 }\n')
    assert said(text) == [
        "4:40: error: year 0 is not a year of the term (1 to 5)",
        "4:46: error: year 6 is not a year of the term (1 to 5)",
        "4:49: error: year 2 is listed twice",
        "4:70: error: month 13 is not a month (1 to 12)",
    ]
    assert said(HEAD + "schedule { term 0 years; vote in year 1 }\n") == [
        "4:17: error: the term must be at least 1 year, not 0"
    ]
    assert said(HEAD + 'schedule { meeting "M" month 12 }\n') == [
        "4:1: error: the schedule has no `term`",
        "4:1: warning: the schedule has no `vote` line, so a vote is taken to be held every year",
    ]
    assert said(HEAD + "schedule { term 5 years; vote in year 3; term 4 years }\n") == [
        "4:42: error: `term` is given twice in this schedule (first at line 4)"
    ]


@pytest.mark.parametrize(
    ("number", "warning"),
    [
        ("66.67%", "66.67% is not exactly 2/3 (it is 6667/10000); write 2/3 if that is meant"),
        ("33.33%", "33.33% is not exactly 1/3 (it is 3333/10000); write 1/3 if that is meant"),
        ("0.6667", "0.6667 is not exactly 2/3 (it is 6667/10000); write 2/3 if that is meant"),
        ("14.29%", "14.29% is not exactly 1/7 (it is 1429/10000); write 1/7 if that is meant"),
        ("8.34%", "8.34% is not exactly 1/12 (it is 417/5000); write 1/12 if that is meant"),
        ("66.6%", None),  # 0.067 percentage point away: meant as written
        ("66.66%", "66.66% is not exactly 2/3 (it is 3333/5000); write 2/3 if that is meant"),
        ("50%", None),
        ("2/3", None),
        ("0.5", None),
        ("99.99%", None),  # close to 1, but a whole number is not a fraction one means
    ],
)
def test_decimals_close_to_a_simple_fraction(number: str, warning: str | None) -> None:
    text = HEAD + f'classify c "C" {{ a "A" when share(thap) > {number}; else n "N" }}\n'
    assert said(text) == ([f"4:43: warning: {warning}"] if warning else [])


# --- rules that can never match --------------------------------------------------------------


def block(*rules: str) -> str:
    body = "".join(f'  r{i} "R{i}" when {cond}\n' for i, cond in enumerate(rules))
    return HEAD + 'classify c "C" {\n' + body + '  else n "N"\n}\n'


def test_a_rule_caught_by_an_earlier_one() -> None:
    assert said(block("share(thap) > 1/2", "share(thap) >= 2/3")) == [
        "6:3: error: rule `r1` can never match: rule `r0` (line 5) always matches first"
    ]


def test_a_rule_caught_by_several_earlier_ones_together() -> None:
    text = block(
        "share(cao + tn) < 1/3",
        "share(tn + cao) >= 1/2",
        "share(thap) > 1/2",
        "share(cao + tn) < 1/4 or share(cao + tn) > 3/5",
    )
    assert said(text) == [
        "8:3: error: rule `r3` can never match: rules `r0` (line 5) and `r1` (line 6) always "
        "match first"
    ]


def test_counts_are_whole_numbers() -> None:
    text = block(
        "count(thap) >= 3",
        "count(thap) >= 1 and count(thap) <= 2",
        "count(thap) != 0",
        "count(thap) > 2 and count(thap) < 3",
    )
    assert said(text) == [
        "7:3: error: rule `r2` can never match: rules `r0` (line 5) and `r1` (line 6) always "
        "match first",
        "8:3: error: rule `r3` can never match: its condition on `count(thap)` is never true",
    ]


def test_a_rule_after_one_that_always_matches() -> None:
    assert said(block("count(thap) >= 0 or flag", "retirement_notice")) == [
        "6:3: error: rule `r1` can never match: rule `r0` (line 5) always matches first"
    ]


def test_the_part_of_an_and_on_one_quantity_is_enough() -> None:
    text = block("share(thap) > 1/2", "share(thap) > 3/5 and previous share(thap) > 1/2")
    assert said(text) == [
        "6:3: error: rule `r1` can never match: rule `r0` (line 5) always matches first"
    ]


@pytest.mark.parametrize(
    "rules",
    [
        ("share(thap) > 1/2", "share(thap) >= 1/2"),  # exactly 1/2 is left
        ("share(thap) < 1/2", "share(thap) > 1/2", "share(thap) != 1/3"),  # 1/2 is left
        ("count(thap) > 3", "count(thap) >= 3"),
        # without a basis no share is known: `share >= 0` does not catch everyone
        ("share(thap) >= 0", "count(thap) == 3"),
        # without a previous vote `not previous ...` is true
        ("previous share(thap) <= 1/2", "not previous share(thap) > 1/2"),
        ("share(thap) > 1/2 and flag", "share(thap) > 2/3"),  # r0 needs more than the share
        ("share(thap) > 1/2", "share(thap) > 2/3 or flag"),
        ("share(cao) > 1/2", "share(cao + tn) > 1/2"),  # another quantity
        ("share(thap) > 1/2", "previous share(thap) > 1/2"),
        ("count(thap) > 3 and flag", "count(thap) > 4"),  # an earlier rule of another shape
    ],
)
def test_rules_that_can_match_are_not_reported(rules: tuple[str, ...]) -> None:
    assert said(block(*rules)) == []


# Soundness and exactness, checked against every value: a rule is reported if and only if it can
# never be the first to match (on one quantity, where the analysis is exact).

COUNT_CONSTANTS = [0, 1, 2, 3, 5]
SHARE_CONSTANTS = ["0", "1/4", "1/3", "1/2", "2/3", "3/4", "1"]
OPS = [">", ">=", "<", "<=", "==", "!="]
COMPARE: dict[str, Callable[[Fraction, Fraction], bool]] = {
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


def conditions(quantity: str, constants: list[str], with_not: bool) -> st.SearchStrategy[str]:
    leaf = st.builds(
        lambda op, c: f"{quantity} {op} {c}", st.sampled_from(OPS), st.sampled_from(constants)
    )

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        pair = st.tuples(inner, inner)
        options = [
            pair.map(lambda p: f"({p[0]} and {p[1]})"),
            pair.map(lambda p: f"({p[0]} or {p[1]})"),
        ]
        if with_not:
            options.append(inner.map(lambda c: f"not ({c})"))
        return st.one_of(*options)

    return st.recursive(leaf, extend, max_leaves=4)


def holds(cond: ast.Cond, value: Fraction | None, flag: bool) -> bool:
    """A reference evaluator of the generated conditions; an unknown value fails a comparison."""
    if isinstance(cond, ast.And):
        return all(holds(c, value, flag) for c in cond.operands)
    if isinstance(cond, ast.Or):
        return any(holds(c, value, flag) for c in cond.operands)
    if isinstance(cond, ast.Not):
        return not holds(cond.operand, value, flag)
    if isinstance(cond, ast.Truthy):
        return flag
    assert isinstance(cond.right, ast.Number)
    return value is not None and COMPARE[cond.op](value, cond.right.value)


def reported(text: str) -> set[int]:
    found = set()
    for line in said(text):
        match = re.search(r"rule `r(\d+)` can never match", line)
        if match:
            found.add(int(match[1]))
    return found


def first_matches(
    rules: list[str], values: list[Fraction | None], flags: tuple[bool, ...] = (False,)
) -> set[int]:
    """The rules that are the first to match for some value (and flag)."""
    (classify,) = parse(block(*rules)).of_type(ast.Classify)
    conds = [rule.when for rule in classify.rules if rule.when is not None]
    firsts = set()
    for value, flag in itertools.product(values, flags):
        index = next((i for i, c in enumerate(conds) if holds(c, value, flag)), None)
        if index is not None:
            firsts.add(index)
    return firsts


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.lists(
        conditions("count(thap)", [str(c) for c in COUNT_CONSTANTS], True), min_size=1, max_size=4
    )
)
def test_on_a_count_the_rules_reported_are_exactly_those_that_never_come_first(
    rules: list[str],
) -> None:
    values: list[Fraction | None] = [Fraction(n) for n in range(10)]
    assert reported(block(*rules)) == set(range(len(rules))) - first_matches(rules, values)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(conditions("share(thap)", SHARE_CONSTANTS, False), min_size=1, max_size=4))
def test_on_a_share_the_rules_reported_are_exactly_those_that_never_come_first(
    rules: list[str],
) -> None:
    values: list[Fraction | None] = [Fraction(k, 24) for k in range(25)] + [None]
    assert reported(block(*rules)) == set(range(len(rules))) - first_matches(rules, values)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.lists(
        conditions("previous share(thap)", SHARE_CONSTANTS, True) | st.just("flag"),
        min_size=1,
        max_size=4,
    )
)
def test_a_rule_reported_never_comes_first_even_without_a_previous_vote(
    rules: list[str],
) -> None:
    values: list[Fraction | None] = [Fraction(k, 24) for k in range(25)] + [None]
    firsts = first_matches(rules, values, (False, True))
    assert reported(block(*rules)) <= set(range(len(rules))) - firsts


def test_the_quantity_of_a_rule_is_the_same_whatever_the_order_of_its_levels() -> None:
    assert said(block("share(cao + tn) > 1/2", "share(tn + cao) > 2/3")) == [
        "6:3: error: rule `r1` can never match: rule `r0` (line 5) always matches first"
    ]


def test_a_tree_built_in_code_without_positions_is_checked_too() -> None:
    statements: tuple[ast.Statement, ...] = (
        ast.Levels((ast.Level("tn", "T"), ast.Level("thap", "Th"))),
        ast.Basis("valid"),
        ast.Quorum("presnt", ">=", ast.Number(Fraction(2, 3), "2/3"), "members"),
        ast.Schedule(0, (0,), None, 13),
        ast.LevelMap("cao", "tnn"),
        ast.Example("e", (ast.Setting("thp", 1, "1"),), (), (ast.Expect("c", "x"),)),
    )
    rs = ast.RuleSet("x", None, (), statements, path="x.tn")
    found = check((rs,), None, {"x.tn": ""})
    assert [f"{d.line}:{d.column}: {d.message}" for d in found] == [
        "0:0: `presnt` is not a turnout figure: expected members, present, issued, collected, "
        "valid or invalid",
        "0:0: the term must be at least 1 year, not 0",
        "0:0: year 0 is not a year of the term",
        "0:0: month 13 is not a month (1 to 12)",
        "0:0: `tnn` is not a level of this rule set",
        "0:0: `thp` is not a level, a turnout figure or an attribute the rules use",
        "0:0: unknown classify block `c`",
    ]
