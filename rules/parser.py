"""Text to `RuleSet`: the Lark grammar, loaded once, and the Transformer that reads its trees."""

from __future__ import annotations

import datetime as dt
import functools
import re
from contextvars import ContextVar
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from importlib.resources import files
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, VisitError
from lark.tree import Meta

from . import ast
from .errors import Diagnostic, RuleSyntaxError, source_line

# Terminal names never reach the user: each is said in words.
_WORDS = {
    "NAME": "a name",
    "STRING": 'a quoted text ("…")',
    "NUMBER": "a number (9, 1/2, 50%, 0.5)",
    "INT": "a whole number",
    "DATE": "a date (2023-06-23)",
    "BOOL": "true or false",
    "CMP": "a comparison (>=, >, <=, <, ==, !=)",
    "PREVIOUS": "`previous`",
    "$END": "the end of the file",
}


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
        return ast.LevelMap(str(items[0]), str(items[1]), _span(meta))

    def basis(self, meta: Meta, items: list[Token]) -> ast.Basis:
        return ast.Basis(str(items[0]), _span(items[0]))

    def quorum(self, meta: Meta, items: list[Token]) -> ast.Quorum:
        measure, op, number, of = items
        return ast.Quorum(str(measure), str(op), parse_number(number), str(of), _span(meta))  # type: ignore[arg-type]

    def schedule(self, meta: Meta, items: list[tuple[str, Any]]) -> ast.Schedule:
        found = dict(items)
        return ast.Schedule(
            term_years=found.get("term", 0),
            years=found.get("years", ()),
            meeting=found.get("meeting", (None, None))[0],
            month=found.get("meeting", (None, None))[1],
            span=_span(meta),
        )

    def term(self, meta: Meta, items: list[Token]) -> tuple[str, int]:
        return ("term", _int(items[0]))

    def vote_years(self, meta: Meta, items: list[Token]) -> tuple[str, tuple[int, ...]]:
        return ("years", tuple(_int(t) for t in items))

    def vote_every(self, meta: Meta, items: list[Token]) -> tuple[str, tuple[int, ...]]:
        return ("years", ())

    def meeting(self, meta: Meta, items: list[Token]) -> tuple[str, tuple[str, int | None]]:
        month = _int(items[1]) if len(items) > 1 else None
        return ("meeting", (_unquote(items[0]), month))

    def exempt(self, meta: Meta, items: list[Any]) -> ast.Exempt:
        note = items[2] if len(items) > 2 else None
        return ast.Exempt(_unquote(items[0]), items[1], note, _span(meta))

    def note(self, meta: Meta, items: list[Token]) -> str:
        return _unquote(items[0])

    def classify(self, meta: Meta, items: list[Any]) -> ast.Classify:
        return ast.Classify(str(items[0]), _unquote(items[1]), tuple(items[2:]), _span(meta))

    def rule(self, meta: Meta, items: list[Any]) -> ast.Rule:
        note = items[3] if len(items) > 3 else None
        return ast.Rule(str(items[0]), _unquote(items[1]), items[2], note, _span(meta))

    def else_rule(self, meta: Meta, items: list[Any]) -> ast.Rule:
        note = items[2] if len(items) > 2 else None
        return ast.Rule(str(items[0]), _unquote(items[1]), None, note, _span(meta))

    def report(self, meta: Meta, items: list[Any]) -> ast.Report:
        counts = items[2:]
        return ast.Report(
            _unquote(items[0]),
            str(items[1]),
            tuple(str(c) for c in counts),
            tuple(_span(c) for c in counts),
            _span(meta),
        )

    def report_count(self, meta: Meta, items: list[Token]) -> Token:
        return items[0]

    def example(self, meta: Meta, items: list[Any]) -> ast.Example:
        settings = tuple(i for i in items[1:] if isinstance(i, ast.Setting))
        previous = next((i for i in items[1:] if isinstance(i, list)), [])
        expects = tuple(i for i in items[1:] if isinstance(i, ast.Expect))
        return ast.Example(_unquote(items[0]), settings, tuple(previous), expects, _span(meta))

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
        return ast.Setting(str(name), scalar, str(value), _span(meta))

    def previous_block(self, meta: Meta, items: list[ast.Setting]) -> list[ast.Setting]:
        return list(items)

    def expect(self, meta: Meta, items: list[Token]) -> ast.Expect:
        return ast.Expect(str(items[0]), str(items[1]), _span(meta))

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


def _expected_words(expected: set[str]) -> str:
    lark = grammar()
    words = []
    for name in sorted(expected):
        if name in _WORDS:
            words.append(_WORDS[name])
            continue
        try:
            pattern = lark.get_terminal(name).pattern
        except KeyError:
            words.append(name.lower())
            continue
        words.append(f"`{pattern.value}`" if pattern.type == "str" else name.lower())
    words = sorted(set(words), key=lambda w: (not w.startswith("`"), w))
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def _found(token: Token) -> str:
    if token.type == "$END":
        return "the end of the file"
    kind = _WORDS.get(token.type)
    if kind and token.type not in ("PREVIOUS",):
        return f"{kind.split(' (')[0]} `{token}`"
    return f"`{token}`"


def _syntax_error(text: str, path: str, exc: UnexpectedInput) -> RuleSyntaxError:
    line, column = exc.line, exc.column
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream or 0
        char = text[pos] if pos < len(text) else ""
        message = f"unexpected character `{char}`"
        if char in "“”":
            message += ': use straight quotes (")'
    elif isinstance(exc, UnexpectedEOF) or getattr(exc, "token", None) is None:
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
        expected = set(getattr(exc, "expected", ()))
        message = f"the file ends too early; expected {_expected_words(expected)}"
    else:
        token: Token = exc.token  # type: ignore[attr-defined]
        expected = set(getattr(exc, "expected", ()) or ())
        if token.type == "$END":
            lines = text.splitlines() or [""]
            line, column = len(lines), len(lines[-1]) + 1
            message = f"the file ends too early; expected {_expected_words(expected)}"
        else:
            message = f"expected {_expected_words(expected)}, found {_found(token)}"
    diag = Diagnostic("error", message, path, line, column, source_line(text, line))
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
