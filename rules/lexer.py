"""A Pygments lexer for `.tn` rule files (registered as the `pygments.lexers` entry point)."""

from __future__ import annotations

from typing import ClassVar

from pygments.lexer import RegexLexer, bygroups, default, words
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
)

_NAME = r"[a-z_][a-z0-9_]*"

KEYWORDS = (
    "ruleset",
    "extends",
    "source",
    "levels",
    "classify",
    "else",
    "expect",
    "map",
    "basis",
    "quorum",
    "of",
    "schedule",
    "term",
    "years",
    "year",
    "vote",
    "in",
    "every",
    "meeting",
    "month",
    "exempt",
    "when",
    "note",
    "report",
    "by",
    "example",
    "previous",
    "drop",
    "attribute",
    "force",
    "from",
    "until",
    "is",
)
BUILTINS = (
    "members",
    "present",
    "issued",
    "collected",
    "valid",
    "invalid",
    "vote_date",
    "vote_year",
)

Rules = list[tuple[object, ...]]


class TinnhiemLexer(RegexLexer):
    """Keywords, ids of levels, blocks and classes, strings, exact numbers, dates, comments."""

    name = "tinnhiem"
    aliases: ClassVar[list[str]] = ["tinnhiem", "tn"]
    filenames: ClassVar[list[str]] = ["*.tn"]
    mimetypes: ClassVar[list[str]] = ["text/x-tinnhiem"]

    tokens: ClassVar[dict[str, Rules]] = {
        "root": [
            (r"\s+", Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r'"', String.Double, "string"),
            (
                rf"(expect)(\s+)({_NAME})(\s+)({_NAME})",
                bygroups(Keyword, Whitespace, Name.Class, Whitespace, Name.Label),
            ),
            (rf"(classify)(\s+)({_NAME})", bygroups(Keyword, Whitespace, Name.Class)),
            (rf"(else)(\s+)({_NAME})", bygroups(Keyword, Whitespace, Name.Label)),
            (
                rf"(map)(\s+)({_NAME})(\s*)(->)(\s*)({_NAME})",
                bygroups(
                    Keyword,
                    Whitespace,
                    Name.Constant,
                    Whitespace,
                    Operator,
                    Whitespace,
                    Name.Constant,
                ),
            ),
            (rf"(basis)(\s+)({_NAME})", bygroups(Keyword, Whitespace, Name.Builtin.Pseudo)),
            (
                rf"(quorum)(\s+)({_NAME})",
                bygroups(Keyword, Whitespace, Name.Builtin.Pseudo),
            ),
            (rf"(of)(\s+)({_NAME})", bygroups(Keyword, Whitespace, Name.Builtin.Pseudo)),
            (rf"(by)(\s+)({_NAME})", bygroups(Keyword, Whitespace, Name.Attribute)),
            (r"(share|count)(\s*)(\()", bygroups(Name.Builtin, Whitespace, Punctuation), "sum"),
            (rf"(count)(\s+)({_NAME})", bygroups(Keyword, Whitespace, Name.Class)),
            (r"(year|months|rounded)(?=\s*\()", Name.Builtin),
            (
                rf"(attribute)(\s+)({_NAME})(\s+)(yes-no|date|number|text)\b",
                bygroups(Keyword, Whitespace, Name.Attribute, Whitespace, Keyword.Type),
            ),
            (words(("missing",), suffix=r"\b"), Keyword.Constant),
            (rf"{_NAME}(?=\s*\()", Name.Function),
            (words(("and", "or", "not"), suffix=r"\b"), Operator.Word),
            (words(("true", "false"), suffix=r"\b"), Keyword.Constant),
            (words(KEYWORDS, suffix=r"\b"), Keyword),
            (words(BUILTINS, suffix=r"\b"), Name.Builtin.Pseudo),
            # An id followed by its label: a level, a rule, a setting of text.
            (rf"{_NAME}(?=[ \t]+\")", Name.Label),
            (_NAME, Name.Variable),
            (r"\d{4}-\d{2}-\d{2}\b", Literal.Date),
            (r"\d+(\.\d+)?%", Number.Float),
            (r"\d+/\d+", Number.Float),
            (r"\d+\.\d+", Number.Float),
            (r"\d+", Number.Integer),
            (r"->|>=|<=|==|!=|>|<|\+", Operator),
            (r"[{}(),;]", Punctuation),
        ],
        "string": [
            (r'[^"\\\n]+', String.Double),
            (r"\\.", String.Escape),
            (r'"', String.Double, "#pop"),
            (r"\n", Error, "#pop"),  # a text never runs over a line
        ],
        "sum": [
            (r"\s+", Whitespace),
            (_NAME, Name.Constant),
            (r"\+", Operator),
            (r"\)", Punctuation, "#pop"),
            default("#pop"),
        ],
    }
