"""The parser: syntax errors in plain words (exact renders), the words of the language, and the
spans and parts the tree keeps for the checker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinnhiem.rules import RuleSyntaxError, ast, parse
from tinnhiem.rules.check_syntax import _WORDS
from tinnhiem.rules.parser import RESERVED, grammar

HEAD = 'ruleset "Thử"\nlevels { tn "Tín nhiệm"; thap "Tín nhiệm thấp" }\n'
REFERENCE = Path(__file__).parent.parent / "rules" / "reference.md"
STATEMENT_HINT = (
    "   = a statement starts with `levels`, `map`, `basis`, `quorum`, `schedule`, `exempt`, "
    "`classify`, `report`, `example`, `attribute`, `drop` or `source`"
)


def rendered(text: str) -> str:
    with pytest.raises(RuleSyntaxError) as caught:
        parse(text, "r.tn")
    (diagnostic,) = caught.value.diagnostics
    return diagnostic.render()


# --- syntax errors, each pinned as the user sees it ------------------------------------------

CASES: list[tuple[str, str, list[str]]] = [
    (
        "a text not closed on its line",
        'ruleset "Chưa đóng\nbasis valid\n',
        [
            "r.tn:1:9: error: a quoted text is not closed on this line",
            ' 1 | ruleset "Chưa đóng',
            "   |         ^^^^^^^^^^",
            '   = end it with `"` on the same line: a text never runs over a line break',
        ],
    ),
    (
        "a single `=`",
        HEAD + 'exempt "Mới" when year(appointed) = vote_year\n',
        [
            "r.tn:3:35: error: `=` is not a comparison",
            ' 3 | exempt "Mới" when year(appointed) = vote_year',
            "   |                                   ^",
            "   = use `==` to compare",
        ],
    ),
    (
        "`=>` for `>=`",
        HEAD + 'exempt "Mới" when months(appointed, vote_date) => 9\n',
        [
            "r.tn:3:48: error: `=>` is not a comparison",
            ' 3 | exempt "Mới" when months(appointed, vote_date) => 9',
            "   |                                                ^^",
            "   = write `>=`",
        ],
    ),
    (
        "a mathematical sign",
        HEAD + 'classify c "C" { a "A" when share(thap) ≥ 1/2; else n "N" }\n',
        [
            "r.tn:3:41: error: expected a comparison (>=, >, <=, <, ==, !=), found `≥`",
            ' 3 | classify c "C" { a "A" when share(thap) ≥ 1/2; else n "N" }',
            "   |                                         ^",
            "   = write `>=`",
        ],
    ),
    (
        "an id with a capital",
        'ruleset "Thử"\nlevels { Cao "Tín nhiệm cao"; tn "Tín nhiệm" }\n',
        [
            "r.tn:2:10: error: `Cao` cannot be an id: ids are lower-case ASCII letters, digits "
            "and `_`",
            ' 2 | levels { Cao "Tín nhiệm cao"; tn "Tín nhiệm" }',
            "   |          ^^^",
            "   = write `cao` and put the Vietnamese in the quoted label",
        ],
    ),
    (
        "an id with a Vietnamese letter",
        'ruleset "Thử"\nlevels { tn "Tín nhiệm"; thấp "Tín nhiệm thấp" }\n',
        [
            "r.tn:2:26: error: `thấp` cannot be an id: ids are lower-case ASCII letters, digits "
            "and `_`",
            ' 2 | levels { tn "Tín nhiệm"; thấp "Tín nhiệm thấp" }',
            "   |                          ^^^^",
            "   = write `thap` and put the Vietnamese in the quoted label",
        ],
    ),
    (
        "an id with accents written apart (NFD)",
        'ruleset "Thử"\nlevels { tn "T"; tha\u0302\u0301p "Tín nhiệm thấp" }\n',
        [
            "r.tn:2:18: error: `tha\u0302\u0301p` cannot be an id: ids are lower-case ASCII "
            "letters, digits and `_`",
            ' 2 | levels { tn "T"; tha\u0302\u0301p "Tín nhiệm thấp" }',
            "   |                  ^^^^",
            "   = write `thap` and put the Vietnamese in the quoted label",
        ],
    ),
    (
        "a keyword with a capital",
        HEAD + "Basis valid\n",
        [
            "r.tn:3:1: error: `Basis` is not a word of the language",
            " 3 | Basis valid",
            "   | ^^^^^",
            "   = write `basis`: the words of the language are in lower case",
        ],
    ),
    (
        "a label without quotes",
        'ruleset "Thử"\nlevels { tn Tín nhiệm }\n',
        [
            'r.tn:2:13: error: expected a quoted text ("…"), found `Tín`',
            " 2 | levels { tn Tín nhiệm }",
            "   |             ^^^",
            '   = texts are in straight double quotes (")',
        ],
    ),
    (
        "a source without quotes",
        'ruleset "Thử"\nsource dieu\n',
        [
            'r.tn:2:8: error: expected a quoted text ("…"), found a name `dieu`',
            " 2 | source dieu",
            "   |        ^^^^",
            '   = texts are in straight double quotes (")',
        ],
    ),
    (
        "a missing keyword, the caret under the whole token",
        HEAD + "quorum present >= 2/3 members\n",
        [
            "r.tn:3:23: error: expected `of`, found a name `members`",
            " 3 | quorum present >= 2/3 members",
            "   |                       ^^^^^^^",
        ],
    ),
    (
        "a comma between conditions: `and` and `or` are expected too",
        HEAD + 'classify c "C" {\n  a "A" when share(thap) > 1/2, count(tn) > 3\n  else n "N"\n}\n',
        [
            "r.tn:4:31: error: expected `;`, `and`, `else`, `note`, `or`, `}` or a name, found `,`",
            ' 4 |   a "A" when share(thap) > 1/2, count(tn) > 3',
            "   |                               ^",
            "   = join conditions with `and` or `or`",
        ],
    ),
    (
        "a closing parenthesis too many",
        HEAD + 'classify c "C" {\n  a "A" when share(thap) > 1/2)\n  else n "N"\n}\n',
        [
            "r.tn:4:31: error: expected `;`, `and`, `else`, `note`, `or`, `}` or a name, found `)`",
            ' 4 |   a "A" when share(thap) > 1/2)',
            "   |                               ^",
        ],
    ),
    (
        "a brace too many: a statement is expected",
        HEAD + "}\n",
        [
            "r.tn:3:1: error: expected a statement or the end of the file, found `}`",
            " 3 | }",
            "   | ^",
            STATEMENT_HINT,
        ],
    ),
    (
        "two texts in a row",
        'ruleset "Thử"\nsource "a" "b"\n',
        [
            "r.tn:2:12: error: expected a statement or the end of the file, found a quoted text",
            ' 2 | source "a" "b"',
            "   |            ^^^",
            STATEMENT_HINT,
        ],
    ),
    (
        "a stray character",
        HEAD + "basis valid @\n",
        [
            "r.tn:3:13: error: expected a statement or the end of the file, found `@`",
            " 3 | basis valid @",
            "   |             ^",
            STATEMENT_HINT,
        ],
    ),
    (
        "no condition after `when`, at the end of the file",
        HEAD + 'exempt "Mới" when\n',
        [
            "r.tn:3:18: error: the file ends too early; expected a condition",
            ' 3 | exempt "Mới" when',
            "   |                  ^",
            "   = for example `share(thap) > 1/2` or `retirement_notice`",
        ],
    ),
    (
        "no value after a comparison",
        HEAD + 'classify c "C" { a "A" when share(thap) > ; else n "N" }\n',
        [
            "r.tn:3:43: error: expected a value, found `;`",
            ' 3 | classify c "C" { a "A" when share(thap) > ; else n "N" }',
            "   |                                           ^",
            "   = a number, share(…), count(…), a name, a date, a quoted text or true/false",
        ],
    ),
    (
        "`=` in a setting of an example",
        HEAD + 'example "e" { collected = 42 }\n',
        [
            "r.tn:3:25: error: expected a value, found `=`",
            ' 3 | example "e" { collected = 42 }',
            "   |                         ^",
            "   = a number, a date, a quoted text, true or false",
        ],
    ),
    (
        "a block not closed",
        HEAD + 'classify c "C" {\n  a "A" when share(thap) > 1/2\n',
        [
            "r.tn:3:16: error: the `{` on line 3 is never closed",
            ' 3 | classify c "C" {',
            "   |                ^",
            "   = add `}` where its block ends",
        ],
    ),
    (
        "a word of the language read as a name",
        HEAD + 'classify c "C" {\n  a "A" when\n  else n "N"\n}\n',
        [
            "r.tn:6:1: error: expected `when`, found `}`",
            " 6 | }",
            "   | ^",
            "   = `else` on line 5 was read as a name: is something missing before it?",
        ],
    ),
    (
        "typographic quotes",
        "ruleset “Thử”\n",
        [
            'r.tn:1:9: error: unexpected character `“`: use straight quotes (")',
            " 1 | ruleset “Thử”",
            "   |         ^",
        ],
    ),
    (
        "`-` for `->`",
        HEAD + "map cao - tn\n",
        [
            "r.tn:3:9: error: expected `->`, found `-`",
            " 3 | map cao - tn",
            "   |         ^",
        ],
    ),
    (
        "`previous` before an attribute",
        HEAD + 'exempt "x" when previous appointed\n',
        [
            "r.tn:3:26: error: expected `count` or `share`, found a name `appointed`",
            ' 3 | exempt "x" when previous appointed',
            "   |                          ^^^^^^^^^",
        ],
    ),
    (
        "a date not in the calendar",
        HEAD + 'exempt "Mới" when appointed > 2023-02-30\n',
        [
            "r.tn:3:31: error: `2023-02-30` is not a date of the calendar",
            ' 3 | exempt "Mới" when appointed > 2023-02-30',
            "   |                               ^^^^^^^^^^",
        ],
    ),
    (
        "a fraction over zero",
        HEAD + "quorum present >= 1/0 of members\n",
        [
            "r.tn:3:19: error: `1/0` divides by zero",
            " 3 | quorum present >= 1/0 of members",
            "   |                   ^^^",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_syntax_errors_are_said_in_words(text: str, expected: list[str]) -> None:
    assert rendered(text) == "\n".join(expected)


TERMINALS = {terminal.name for terminal in grammar().terminals} | {"$END"}


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_message_names_a_terminal(text: str, expected: list[str]) -> None:
    with pytest.raises(RuleSyntaxError) as caught:
        parse(text, "r.tn")
    (diagnostic,) = caught.value.diagnostics
    for said in (diagnostic.message, diagnostic.hint or ""):
        assert not set(re.findall(r"[$\w]+", said)) & TERMINALS, said


@pytest.mark.parametrize("prefix", ["", HEAD, HEAD + 'classify c "C" { a "A" when '])
def test_every_terminal_the_parser_may_expect_is_said_in_words(prefix: str) -> None:
    """Whatever comes next, no terminal name reaches the message (a cut at each character)."""
    text = HEAD + (
        "quorum present >= 2/3 of members\nschedule { term 5 years; vote in years 2, 4; "
        'meeting "M" month 12 }\nmap cao -> tn\nexempt "x" when year(a) == vote_year note "n"\n'
        'classify c "C" { a "A" when not (previous share(thap) > 1/2 or count(tn) != 3) '
        'and flag; else n "N" }\nreport "R" by group { count c }\n'
        'example "e" { collected 4; d 2023-01-01; b true; s "x"; previous { thap 1 } '
        "expect c a }\n"
    )
    for cut in range(len(prefix), len(text)):
        try:
            parse(text[:cut], "r.tn")
        except RuleSyntaxError as exc:
            for diagnostic in exc.diagnostics:
                said = f"{diagnostic.message} {diagnostic.hint or ''}"
                assert not set(re.findall(r"[$\w]+", said)) & TERMINALS, (cut, said)


def test_every_terminal_that_is_a_pattern_has_words() -> None:
    patterns = {t.name for t in grammar().terminals if t.pattern.type == "re"}
    assert patterns - {"COMMENT", "WS"} <= set(_WORDS)


VALID = HEAD + (
    "basis collected\nquorum present >= 2/3 of members\n"
    'schedule { term 5 years; vote in year 3; meeting "Cuối năm" month 12 }\n'
    'exempt "Nghỉ hưu" when retirement_notice note "Điều 2"\n'
    'classify c "Hệ quả" { a "A" when share(thap) >= 2/3 and not previous count(tn) > 3\n'
    '  else n "Không" }\n'
    'example "e" { collected 42; thap 28; d 2023-07-01 expect c a }\n'
)
PIECES = ["{", "}", "(", ")", ";", ",", '"', "=", "==", "->", "when", "else", "Thấp", "x", "1/2"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(0, len(VALID)), st.integers(0, 3), st.sampled_from(PIECES))
def test_a_broken_file_gives_syntax_errors_in_words(at: int, cut: int, piece: str) -> None:
    text = VALID[:at] + piece + VALID[at + cut :]
    try:
        parse(text, "r.tn")
    except RuleSyntaxError as exc:
        assert exc.diagnostics
        for diagnostic in exc.diagnostics:
            said = f"{diagnostic.message} {diagnostic.hint or ''}"
            assert not set(re.findall(r"[$\w]+", said)) & TERMINALS, said
            assert 0 < diagnostic.line <= text.count("\n") + 1 and diagnostic.width >= 1


# --- the words of the language ---------------------------------------------------------------


def test_the_reserved_words_are_the_keywords_of_the_grammar() -> None:
    name = re.compile(r"[a-z_][a-z0-9_]*")
    keywords = {
        t.pattern.value
        for t in grammar().terminals
        if t.pattern.type == "str" and name.fullmatch(t.pattern.value)
    }
    assert set(RESERVED) == keywords | {"true", "false"}
    assert len(RESERVED) == len(set(RESERVED))


def test_the_reference_lists_the_reserved_words() -> None:
    section = REFERENCE.read_text(encoding="utf-8").split("## Reserved words")[1]
    listed = section.split("\n\n")[1]
    assert re.findall(r"`([a-z_]+)`", listed) == list(RESERVED)


# --- what the tree keeps for the checker -----------------------------------------------------


def test_a_block_without_else_or_with_else_anywhere_parses() -> None:
    rs = parse(
        HEAD + 'classify c "C" { a "A" when x }\nclassify d "D" { else n "N"; a "A" when x }\n'
    )
    c, d = rs.of_type(ast.Classify)
    assert [r.is_else for r in c.rules] == [False]
    assert [r.is_else for r in d.rules] == [True, False]


def test_spans_of_ids_and_names() -> None:
    text = HEAD + (
        "map cao -> tn\n"
        "quorum present >= 2/3 of members\n"
        'classify band "B" { high "H" when share(tn) > 1/2; else low "L" }\n'
        'report "R" by group { count band }\n'
        'example "e" { collected 4; expect band high }\n'
    )
    rs = parse(text)
    (level_map,) = rs.of_type(ast.LevelMap)
    assert (level_map.source_span, level_map.target_span) == (
        ast.Span(3, 5, 3, 8),
        ast.Span(3, 12, 3, 14),
    )
    (quorum,) = rs.of_type(ast.Quorum)
    assert (quorum.measure_span.column, quorum.op_span.column, quorum.of_span.column) == (8, 16, 26)
    (block,) = rs.of_type(ast.Classify)
    assert block.id_span == ast.Span(5, 10, 5, 14)
    assert [r.id_span.column for r in block.rules] == [21, 57]
    (report,) = rs.of_type(ast.Report)
    assert (report.title_span, report.by_span) == (ast.Span(6, 8, 6, 11), ast.Span(6, 15, 6, 20))
    (example,) = rs.of_type(ast.Example)
    assert example.name_span == ast.Span(7, 9, 7, 12)
    assert example.settings[0].value_span == ast.Span(7, 25, 7, 26)
    (expect,) = example.expects
    assert (expect.block_span.column, expect.klass_span.column) == (35, 40)


def test_a_schedule_keeps_every_item_written_and_the_last_value_of_each() -> None:
    text = (
        HEAD + "schedule {\n  term 5 years; vote in year 3\n  term 4 years; vote in years 1, 2 }\n"
    )
    (schedule,) = parse(text).of_type(ast.Schedule)
    assert (schedule.term_years, schedule.years) == (4, (1, 2))
    assert [(word, span.line, span.column) for word, span in schedule.items] == [
        ("term", 4, 3),
        ("vote", 4, 17),
        ("term", 5, 3),
        ("vote", 5, 17),
    ]
    assert schedule.term_span == ast.Span(5, 8, 5, 9)
    assert [s.column for s in schedule.year_spans] == [31, 34]


def test_an_example_keeps_every_previous_block() -> None:
    text = HEAD + 'example "e" { previous { collected 4 }\n previous { collected 5 } }\n'
    (example,) = parse(text).of_type(ast.Example)
    assert [s.value for s in example.previous] == [4, 5]
    assert [(s.line, s.column) for s in example.previous_spans] == [(3, 15), (4, 2)]


def test_spans_take_no_part_in_equality() -> None:
    one = parse(HEAD + 'classify c "C" { a "A" when x; else n "N" }\n')
    two = parse(HEAD + '\n\nclassify  c  "C" {\n a "A" when x\n else n "N" }\n')
    assert one == two
