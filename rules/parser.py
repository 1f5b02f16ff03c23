"""Text to `RuleSet`: the Lark grammar, loaded once, and the Transformer that reads its trees."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from importlib.resources import files
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError
from lark.tree import Meta

from . import ast
from .errors import Diagnostic, RuleSyntaxError, source_line

# The words of the language: never an id (the checker says so). `tests/test_parser.py` checks
# that this is every keyword of the grammar.
RESERVED = (
    "ruleset", "extends", "source", "levels", "map", "basis", "quorum", "of", "schedule", "term",
    "year", "years", "vote", "in", "every", "meeting", "month", "exempt", "when", "note",
    "classify", "else", "report", "by", "count", "example", "previous", "expect", "share", "not",
    "and", "or", "true", "false",
)  # fmt: skip


# Comments are ignored by the parser but kept for the formatter: the lexer hands each to the
# collector of the parse under way (a context variable, so the cached grammar serves every call).
_comments: ContextVar[list[ast.Comment] | None] = ContextVar("_comments", default=None)


def _keep_comment(token: Token) -> Token:
    sink = _comments.get()
    if sink is not None:
        sink.append(ast.Comment(str(token), token.line or 0, token.column or 0))
    return token


@functools.cache
def grammar() -> Lark:
    text = files("tinnhiem.rules").joinpath("grammar.lark").read_text(encoding="utf-8")
    return Lark(
        text,
        parser="lalr",
        propagate_positions=True,
        maybe_placeholders=False,
        lexer_callbacks={"COMMENT": _keep_comment},
    )


def _span(meta: Meta | Token) -> ast.Span:
    if isinstance(meta, Token):
        return ast.Span(meta.line or 0, meta.column or 0, meta.end_line or 0, meta.end_column or 0)
    if getattr(meta, "empty", True):
        return ast.NOWHERE
    return ast.Span(meta.line, meta.column, meta.end_line, meta.end_column)


def _unquote(token: Token) -> str:
    return re.sub(r"\\(.)", r"\1", str(token)[1:-1])


class _BadToken(Exception):
    def __init__(self, token: Token, message: str) -> None:
        super().__init__(message)
        self.token = token
        self.message = message


def parse_number(token: Token) -> ast.Number:
    text = str(token)
    try:
        if text.endswith("%"):
            value = Fraction(Decimal(text[:-1])) / 100
        elif "/" in text:
            num, den = text.split("/")
            if int(den) == 0:
                raise _BadToken(token, f"`{text}` divides by zero")
            value = Fraction(int(num), int(den))
        else:
            value = Fraction(Decimal(text))
    except (InvalidOperation, ValueError) as exc:
        raise _BadToken(token, f"`{text}` is not a number") from exc
    return ast.Number(value, text, _span(token))


def _date(token: Token) -> dt.date:
    try:
        return dt.date.fromisoformat(str(token))
    except ValueError as exc:
        raise _BadToken(token, f"`{token}` is not a date of the calendar") from exc


def _int(token: Token) -> int:
    return int(str(token))


@dataclass(frozen=True, slots=True)
class _Item:
    """One item of a schedule, before the schedule gathers them: its keyword and its numbers."""

    word: str  # term | vote | meeting
    span: ast.Span  # of the keyword
    numbers: tuple[int, ...]
    spans: tuple[ast.Span, ...]
    text: str | None = None

    @staticmethod
    def of(word: str, meta: Meta, numbers: list[Token], text: str | None = None) -> _Item:
        start = ast.Span(meta.line, meta.column, meta.line, meta.column + len(word))
        return _Item(
            word, start, tuple(_int(t) for t in numbers), tuple(_span(t) for t in numbers), text
        )


@dataclass(frozen=True, slots=True)
class _Previous:
    """One `previous { … }` block of an example."""

    settings: tuple[ast.Setting, ...]
    span: ast.Span


@v_args(meta=True)
class _ToAst(Transformer[Token, Any]):
    """One method per grammar rule; the only code that sees Lark trees."""

    def start(self, meta: Meta, items: list[Any]) -> ast.RuleSet:
        (name, extends, sources, header_span), *statements = items
        extends_name, extends_span = extends if extends else (None, ast.NOWHERE)
        late = [s for s in statements if isinstance(s, tuple)]
        body = tuple(s for s in statements if not isinstance(s, tuple))
        return ast.RuleSet(
            name=name,
            extends=extends_name,
            sources=tuple(sources) + tuple(text for text, _ in late),
            statements=body,
            span=header_span,
            extends_span=extends_span,
        )

    def header(self, meta: Meta, items: list[Any]) -> tuple[Any, ...]:
        name = _unquote(items[0])
        extends = next((i for i in items[1:] if isinstance(i, tuple)), None)
        sources = [i for i in items[1:] if isinstance(i, str)]
        return (name, extends, sources, _span(meta))

    def extends(self, meta: Meta, items: list[Token]) -> tuple[str, ast.Span]:
        return (_unquote(items[0]), _span(items[0]))

    def source(self, meta: Meta, items: list[Token]) -> str:
        return _unquote(items[0])

    def source_late(self, meta: Meta, items: list[Token]) -> tuple[str, ast.Span]:
        return (_unquote(items[0]), _span(meta))

    def levels(self, meta: Meta, items: list[ast.Level]) -> ast.Levels:
        return ast.Levels(tuple(items), _span(meta))

    def level(self, meta: Meta, items: list[Token]) -> ast.Level:
        return ast.Level(str(items[0]), _unquote(items[1]), _span(meta))

    def level_map(self, meta: Meta, items: list[Token]) -> ast.LevelMap:
        source, target = items
        return ast.LevelMap(
            str(source),
            str(target),
            _span(meta),
            source_span=_span(source),
            target_span=_span(target),
        )

    def basis(self, meta: Meta, items: list[Token]) -> ast.Basis:
        return ast.Basis(str(items[0]), _span(items[0]))

    def quorum(self, meta: Meta, items: list[Token]) -> ast.Quorum:
        measure, op, number, of = items
        return ast.Quorum(
            str(measure),
            str(op),  # type: ignore[arg-type]
            parse_number(number),
            str(of),
            _span(meta),
            measure_span=_span(measure),
            op_span=_span(op),
            of_span=_span(of),
        )

    def schedule(self, meta: Meta, items: list[_Item]) -> ast.Schedule:
        # An item written twice keeps its last value; `items` keeps every one for the checker.
        last = {item.word: item for item in items}
        term, vote, meeting = last.get("term"), last.get("vote"), last.get("meeting")
        return ast.Schedule(
            term_years=term.numbers[0] if term else 0,
            years=vote.numbers if vote else (),
            meeting=meeting.text if meeting else None,
            month=meeting.numbers[0] if meeting and meeting.numbers else None,
            span=_span(meta),
            items=tuple((item.word, item.span) for item in items),
            term_span=term.spans[0] if term else ast.NOWHERE,
            year_spans=vote.spans if vote else (),
            month_span=meeting.spans[0] if meeting and meeting.spans else ast.NOWHERE,
        )

    def term(self, meta: Meta, items: list[Token]) -> _Item:
        return _Item.of("term", meta, items)

    def vote_years(self, meta: Meta, items: list[Token]) -> _Item:
        return _Item.of("vote", meta, items)

    def vote_every(self, meta: Meta, items: list[Token]) -> _Item:
        return _Item.of("vote", meta, items)

    def meeting(self, meta: Meta, items: list[Token]) -> _Item:
        return _Item.of("meeting", meta, items[1:], _unquote(items[0]))

    def exempt(self, meta: Meta, items: list[Any]) -> ast.Exempt:
        note = items[2] if len(items) > 2 else None
        return ast.Exempt(_unquote(items[0]), items[1], note, _span(meta))

    def note(self, meta: Meta, items: list[Token]) -> str:
        return _unquote(items[0])

    def classify(self, meta: Meta, items: list[Any]) -> ast.Classify:
        name, label, *rules = items
        return ast.Classify(
            str(name), _unquote(label), tuple(rules), _span(meta), id_span=_span(name)
        )

    def rule(self, meta: Meta, items: list[Any]) -> ast.Rule:
        name, label, when, *note = items
        return ast.Rule(
            str(name),
            _unquote(label),
            when,
            note[0] if note else None,
            _span(meta),
            id_span=_span(name),
        )

    def else_rule(self, meta: Meta, items: list[Any]) -> ast.Rule:
        name, label, *note = items
        return ast.Rule(
            str(name),
            _unquote(label),
            None,
            note[0] if note else None,
            _span(meta),
            id_span=_span(name),
        )

    def report(self, meta: Meta, items: list[Any]) -> ast.Report:
        title, by, *counts = items
        return ast.Report(
            _unquote(title),
            str(by),
            tuple(str(c) for c in counts),
            tuple(_span(c) for c in counts),
            _span(meta),
            title_span=_span(title),
            by_span=_span(by),
        )

    def report_count(self, meta: Meta, items: list[Token]) -> Token:
        return items[0]

    def example(self, meta: Meta, items: list[Any]) -> ast.Example:
        name, *body = items
        blocks = [i for i in body if isinstance(i, _Previous)]
        return ast.Example(
            _unquote(name),
            tuple(i for i in body if isinstance(i, ast.Setting)),
            tuple(s for block in blocks for s in block.settings),
            tuple(i for i in body if isinstance(i, ast.Expect)),
            _span(meta),
            name_span=_span(name),
            previous_spans=tuple(block.span for block in blocks),
        )

    def setting(self, meta: Meta, items: list[Token]) -> ast.Setting:
        name, value = items
        scalar: ast.Scalar
        if value.type == "NUMBER":
            number = parse_number(value).value
            scalar = int(number) if str(value).isdigit() else number
        elif value.type == "DATE":
            scalar = _date(value)
        elif value.type == "BOOL":
            scalar = str(value) == "true"
        else:
            scalar = _unquote(value)
        return ast.Setting(str(name), scalar, str(value), _span(meta), value_span=_span(value))

    def previous_block(self, meta: Meta, items: list[ast.Setting]) -> _Previous:
        return _Previous(tuple(items), _span(meta))

    def expect(self, meta: Meta, items: list[Token]) -> ast.Expect:
        block, klass = items
        return ast.Expect(
            str(block), str(klass), _span(meta), block_span=_span(block), klass_span=_span(klass)
        )

    # conditions
    def or_cond(self, meta: Meta, items: list[ast.Cond]) -> ast.Or:
        return ast.Or(tuple(items), _span(meta))

    def and_cond(self, meta: Meta, items: list[ast.Cond]) -> ast.And:
        return ast.And(tuple(items), _span(meta))

    def negation(self, meta: Meta, items: list[ast.Cond]) -> ast.Not:
        return ast.Not(items[0], _span(meta))

    def truthy(self, meta: Meta, items: list[Token]) -> ast.Truthy:
        return ast.Truthy(ast.Attr(str(items[0]), _span(items[0])), _span(items[0]))

    def comparison(self, meta: Meta, items: list[Any]) -> ast.Compare:
        left, op, right = items
        return ast.Compare(left, str(op), right, _span(meta))  # type: ignore[arg-type]

    def number(self, meta: Meta, items: list[Token]) -> ast.Number:
        return parse_number(items[0])

    def date(self, meta: Meta, items: list[Token]) -> ast.Literal_:
        return ast.Literal_(_date(items[0]), _span(items[0]))

    def boolean(self, meta: Meta, items: list[Token]) -> ast.Literal_:
        return ast.Literal_(str(items[0]) == "true", _span(items[0]))

    def string(self, meta: Meta, items: list[Token]) -> ast.Literal_:
        return ast.Literal_(_unquote(items[0]), _span(items[0]))

    def name(self, meta: Meta, items: list[Token]) -> ast.Turnout | ast.Attr:
        word = str(items[0])
        if word in ast.TURNOUT:
            return ast.Turnout(word, _span(items[0]))
        return ast.Attr(word, _span(items[0]))

    def _levels(
        self, meta: Meta, items: list[Any]
    ) -> tuple[bool, tuple[str, ...], tuple[ast.Span, ...]]:
        previous = isinstance(items[0], Token) and items[0].type == "PREVIOUS"
        tokens: list[Token] = items[-1]
        return previous, tuple(str(t) for t in tokens), tuple(_span(t) for t in tokens)

    def share(self, meta: Meta, items: list[Any]) -> ast.Share:
        previous, levels, spans = self._levels(meta, items)
        return ast.Share(levels, previous, spans, _span(meta))

    def count(self, meta: Meta, items: list[Any]) -> ast.Count:
        previous, levels, spans = self._levels(meta, items)
        return ast.Count(levels, previous, spans, _span(meta))

    def level_sum(self, meta: Meta, items: list[Token]) -> list[Token]:
        return list(items)

    def call(self, meta: Meta, items: list[Any]) -> ast.Call:
        return ast.Call(str(items[0]), tuple(items[1:]), _span(meta))


# --- syntax errors, in words -------------------------------------------------------------------

# Terminal names never reach the user: each is said in words. Keywords and punctuation are shown
# as written (`of`, `{`).
_WORDS = {
    "NAME": "a name",
    "STRING": 'a quoted text ("…")',
    "NUMBER": "a number (9, 1/2, 50%, 0.5)",
    "INT": "a whole number",
    "DATE": "a date (2023-06-23)",
    "BOOL": "a boolean (true or false)",
    "CMP": "a comparison (>=, >, <=, <, ==, !=)",
    "$END": "the end of the file",
}
_FOUND = {"NAME": "a name", "NUMBER": "a number", "INT": "a number", "DATE": "a date"}
_FOUND |= {"BOOL": "a boolean", "CMP": "a comparison"}

_STATEMENTS: tuple[str, ...] = ("levels", "map", "basis", "quorum", "schedule", "exempt")
_STATEMENTS += ("classify", "report", "example", "source")
_SCALAR = frozenset({"NUMBER", "DATE", "BOOL", "STRING"})
_VALUE = frozenset({"NUMBER", "DATE", "BOOL", "STRING", "NAME", "share", "count", "previous"})
# When the parser would take any of a family, the family is named rather than each member.
_GROUPS: tuple[tuple[frozenset[str], str, str | None], ...] = (
    (
        frozenset(_STATEMENTS),
        "a statement",
        "a statement starts with " + ", ".join(f"`{w}`" for w in _STATEMENTS[:-1]) + " or `source`",
    ),
    (
        _VALUE | {"not", "("},
        "a condition",
        "for example `share(thap) > 1/2` or `retirement_notice`",
    ),
    (
        _VALUE,
        "a value",
        "a number, share(…), count(…), a name, a date, a quoted text or true/false",
    ),
    (_SCALAR, "a value", "a number, a date, a quoted text, true or false"),
)
# Characters that look like something the language has.
_LOOKALIKE = {
    "“": 'use straight quotes (")',
    "”": 'use straight quotes (")',
    "‘": 'texts are in straight double quotes (")',
    "’": 'texts are in straight double quotes (")',
    "'": 'texts are in straight double quotes (")',
    "≥": "write `>=`",
    "≤": "write `<=`",
    "≠": "write `!=`",
    "&": "write `and`",
    "|": "write `or`",
    "!": "write `!=`, or `not` before a condition",
}


def _literals(terminals: Iterable[str]) -> set[str]:
    """Terminal names as what the user writes: `levels`, `{` for keywords and punctuation."""
    lark = grammar()
    found = set()
    for name in terminals:
        try:
            pattern = lark.get_terminal(name).pattern
        except KeyError:
            found.add(name)  # `$END`
            continue
        found.add(pattern.value if pattern.type == "str" else name)
    return found


def _expected(accepted: Iterable[str]) -> tuple[str, str | None]:
    """What the parser would take, in words, and a hint when a whole family was named."""
    left = _literals(accepted)
    words, hint = [], None
    for members, word, why in _GROUPS:
        if members <= left:
            left -= members
            words.append(word)
            hint = hint or why
    words.extend(_WORDS.get(item) or f"`{item}`" for item in left)  # a literal as written
    words = sorted(set(words), key=lambda w: (not w.startswith("`"), w == _WORDS["$END"], w))
    text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    return text, hint


@dataclass(frozen=True, slots=True)
class _Replay:
    accepts: set[str]  # the terminals the parser takes at the error
    recent: tuple[Token, ...]  # the last tokens before it


def _replay(text: str, pos: int | None) -> _Replay:
    """The parser just before `pos` (None: at the end of the text).

    An error's own `accepts` comes after the reductions its token caused, and can miss some (an
    `and` after a comparison); replaying the tokens before it gives the state they left.
    """
    reset = _comments.set(None)
    parser = grammar().parse_interactive(text)
    recent: list[Token] = []
    try:
        for token in parser.iter_parse():
            if pos is not None and (token.start_pos or 0) >= pos:
                break
            recent = [*recent[-3:], token]
    except UnexpectedInput:
        pass  # the lexer stopped at the error: the parser has not seen it
    finally:
        _comments.reset(reset)
    return _Replay(set(parser.accepts()), tuple(recent))


def _accepts_at(text: str, pos: int | None) -> set[str]:
    return _replay(text, pos).accepts


def _keyword_as_name(replay: _Replay) -> str | None:
    """A word of the language just before the error that the parser took for a name."""
    for token in reversed(replay.recent):
        if token.type == "NAME" and str(token) in RESERVED:
            return (
                f"`{token}` on line {token.line} was read as a name: is something missing "
                "before it?"
            )
    return None


def _found(token: Token) -> str:
    if token.type == "STRING":
        return "a quoted text"
    kind = _FOUND.get(token.type)
    return f"{kind} `{token}`" if kind else f"`{token}`"


def _is_letter(char: str) -> bool:
    """A letter the language does not take in a name: a capital, a Vietnamese letter or accent."""
    return char.isalpha() or unicodedata.category(char).startswith("M")


def _in_word(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def _width(word: str) -> int:
    """Columns a word takes on screen: an accent written apart (NFD) takes none."""
    return sum(1 for c in word if not unicodedata.category(c).startswith("M"))


def _as_id(word: str) -> str:
    """`Thấp` as an id could be written: `thap`."""
    bare = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in bare if not unicodedata.category(c).startswith("M")).lower()
    bare = re.sub(r"[^a-z0-9_]", "_", bare)
    return bare if re.match(r"[a-z_]", bare) else "_" + bare


@dataclass(frozen=True, slots=True)
class _Said:
    """A syntax error before it is placed in its file."""

    line: int
    column: int
    width: int
    message: str
    hint: str | None = None


def _bad_character(text: str, exc: UnexpectedCharacters) -> _Said:
    """No token starts here: an unclosed text, a capital or accent in a name, a stray sign."""
    pos = exc.pos_in_stream or 0
    char = text[pos] if pos < len(text) else ""
    line_end = text.find("\n", pos)
    rest = text[pos : len(text) if line_end < 0 else line_end].rstrip()
    if char == '"':
        return _Said(
            exc.line,
            exc.column,
            len(rest),
            "a quoted text is not closed on this line",
            'end it with `"` on the same line: a text never runs over a line break',
        )
    if char in "“”":
        return _Said(exc.line, exc.column, 1, f"unexpected character `{char}`: {_LOOKALIKE[char]}")
    if _is_letter(char):
        return _bad_word(text, exc, pos)
    accepted = _accepts_at(text, pos)
    expected, family = _expected(accepted)
    if char == "=" and "CMP" in accepted:
        after = text[pos + 1 : pos + 2]
        if after in ("<", ">"):
            return _Said(
                exc.line, exc.column, 2, f"`={after}` is not a comparison", f"write `{after}=`"
            )
        return _Said(exc.line, exc.column, 1, "`=` is not a comparison", "use `==` to compare")
    return _Said(
        exc.line,
        exc.column,
        1,
        f"expected {expected}, found `{char}`",
        _LOOKALIKE.get(char, family),
    )


def _word(text: str, pos: int) -> tuple[int, int]:
    """Where the word around `pos` starts and ends, Vietnamese letters and capitals included."""
    start, end = pos, pos
    while start > 0 and _in_word(text[start - 1]):
        start -= 1
    while end < len(text) and _in_word(text[end]):
        end += 1
    return start, end


def _bad_word(text: str, exc: UnexpectedCharacters, pos: int) -> _Said:
    """A word with a capital or a Vietnamese letter: a keyword, an id, a text without quotes."""
    start, end = _word(text, pos)
    word, column = text[start:end], exc.column - (pos - start)
    spelled = _as_id(word)
    if spelled in RESERVED:
        message = f"`{word}` is not a word of the language"
        hint = f"write `{spelled}`: the words of the language are in lower case"
        return _Said(exc.line, column, _width(word), message, hint)
    accepted = _accepts_at(text, start)  # before the part of the word that was taken for a name
    if "NAME" in accepted:
        message = f"`{word}` cannot be an id: ids are lower-case ASCII letters, digits and `_`"
        hint = f"write `{spelled}` and put the Vietnamese in the quoted label"
        return _Said(exc.line, column, _width(word), message, hint)
    expected, family = _expected(accepted)
    quotes = 'texts are in straight double quotes (")'
    message = f"expected {expected}, found `{word}`"
    return _Said(
        exc.line, column, _width(word), message, quotes if "STRING" in accepted else family
    )


def _bad_token(text: str, exc: UnexpectedToken) -> _Said:
    token = exc.token
    if token.type == "$END":
        replay = _replay(text, None)
        expected, hint = _expected(replay.accepts or exc.expected)
        hint = hint or _keyword_as_name(replay)
        lines = text.splitlines() or [""]
        return _Said(
            len(lines), len(lines[-1]) + 1, 1, f"the file ends too early; expected {expected}", hint
        )
    replay = _replay(text, token.start_pos)
    expected, hint = _expected(replay.accepts or exc.expected)
    hint = hint or _keyword_as_name(replay)
    found, width = _found(token), len(str(token))
    if token.type == "NAME":
        start, end = _word(text, token.start_pos or 0)
        if end - start > width:  # `tên`, of which the lexer took `t` for a name
            found, width = f"`{text[start:end]}`", _width(text[start:end])
        if expected == _WORDS["STRING"]:
            hint = 'texts are in straight double quotes (")'
    if str(token) == "," and "and" in _literals(replay.accepts):
        hint = "join conditions with `and` or `or`"
    message = f"expected {expected}, found {found}"
    return _Said(token.line or 0, token.column or 0, width, message, hint)


def _syntax_error(text: str, path: str, exc: UnexpectedInput) -> RuleSyntaxError:
    if isinstance(exc, UnexpectedCharacters):
        said = _bad_character(text, exc)
    elif isinstance(exc, UnexpectedToken):
        said = _bad_token(text, exc)
    else:  # an `UnexpectedEOF`, which LALR does not raise, is said all the same
        expected, hint = _expected(getattr(exc, "expected", ()) or ())
        lines = text.splitlines() or [""]
        message = f"the file ends too early; expected {expected}"
        said = _Said(len(lines), len(lines[-1]) + 1, 1, message, hint)
    diag = Diagnostic(
        "error",
        said.message,
        path,
        said.line,
        said.column,
        source_line(text, said.line),
        max(said.width, 1),
        said.hint,
    )
    return RuleSyntaxError([diag])


def parse(text: str, path: str = "<string>") -> ast.RuleSet:
    """Parse one file; raise `RuleSyntaxError` (position, line, caret) if it is not valid."""
    comments: list[ast.Comment] = []
    reset = _comments.set(comments)
    try:
        ruleset: ast.RuleSet = _ToAst().transform(grammar().parse(text))
    except UnexpectedInput as exc:
        raise _syntax_error(text, path, exc) from None
    except VisitError as exc:
        inner = exc.orig_exc
        if isinstance(inner, _BadToken):
            token = inner.token
            diag = Diagnostic(
                "error",
                inner.message,
                path,
                token.line or 0,
                token.column or 0,
                source_line(text, token.line or 0),
                width=len(str(token)),
            )
            raise RuleSyntaxError([diag]) from None
        raise
    finally:
        _comments.reset(reset)
    return ast.RuleSet(
        name=ruleset.name,
        extends=ruleset.extends,
        sources=ruleset.sources,
        statements=ruleset.statements,
        comments=tuple(comments),
        path=path,
        span=ruleset.span,
        extends_span=ruleset.extends_span,
    )
