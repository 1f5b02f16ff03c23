"""Text to `RuleSet`: the Lark grammar, loaded once, and the Transformer that reads its trees."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from importlib.resources import files
from typing import Any

import lark
import platformdirs
from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedInput, VisitError
from lark.tree import Meta

from . import ast
from .errors import Diagnostic, RuleSyntaxError, source_line
from .messages import Message, message

# The words of the language: never an id (the checker says so). `tests/test_parser.py` checks
# that this is every keyword of the grammar.
RESERVED = (
    "ruleset", "extends", "source", "levels", "map", "basis", "quorum", "of", "schedule", "term",
    "year", "years", "vote", "in", "every", "meeting", "month", "exempt", "when", "note",
    "classify", "else", "report", "by", "count", "example", "previous", "expect", "share", "not",
    "and", "or", "true", "false", "force", "from", "until", "drop", "attribute", "is", "missing",
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
        cache=_cache_file(),
    )


def _cache_file() -> str | bool:
    """Where Lark keeps the analysed grammar (50 ms to build, 5 ms to load), or False.

    In the user's own cache folder, never a shared temporary one: the cache is a pickle. Lark
    checks the grammar's hash before loading it, and rebuilds when the file is unreadable.
    """
    if os.environ.get("TINNHIEM_NO_GRAMMAR_CACHE"):
        return False
    # the system's cache folder: $XDG_CACHE_HOME or ~/.cache on Linux, LocalAppData on Windows
    folder = platformdirs.user_cache_dir("tinnhiem", appauthor=False)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    version = f"lark{lark.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return os.path.join(folder, f"grammar-{version}.cache")


def _span(meta: Meta | Token) -> ast.Span:
    if isinstance(meta, Token):
        return ast.Span(meta.line or 0, meta.column or 0, meta.end_line or 0, meta.end_column or 0)
    if getattr(meta, "empty", True):
        return ast.NOWHERE
    return ast.Span(meta.line, meta.column, meta.end_line, meta.end_column)


def _unquote(token: Token) -> str:
    return re.sub(r"\\(.)", r"\1", str(token)[1:-1])


class _BadToken(Exception):
    def __init__(self, token: Token, said: Message) -> None:
        super().__init__(str(said))
        self.token = token
        self.message = str(said)
        self.said = said


MAX_DIGITS = 40  # more is no threshold anyone means (and slows every sum it takes part in)
MAX_DEPTH = 100  # conditions nested deeper than this (`not not …`, `a and (b or (c and …))`)


# The grammar's NUMBER: digits, decimals, then % or /denominator. Text from elsewhere (a command
# line, a field of the UI) may also write an exponent (1e-9), held to MAX_DIGITS places either way:
# `Decimal` alone would read 1e99999999, a number of a hundred million digits, and stall on it.
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:%|/[0-9]+)?")
_EXPONENT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?[eE]([+-]?[0-9]{1,4})%?")


def parse_number(token: Token) -> ast.Number:
    text = str(token)
    exponent = _EXPONENT.fullmatch(text) if len(text) <= 4 * MAX_DIGITS else None
    if exponent and abs(int(exponent[1])) > MAX_DIGITS:
        shown = text if len(text) <= 24 else f"{text[:10]}…{text[-10:]}"
        raise _BadToken(token, message("number.exponent", text=shown, max=MAX_DIGITS))
    if not exponent and (len(text) > 4 * MAX_DIGITS or not _NUMBER.fullmatch(text)):
        shown = text if len(text) <= 24 else f"{text[:10]}…{text[-10:]}"
        raise _BadToken(token, message("number.not_like", text=shown))
    digits = sum(c.isdigit() for c in text)
    if digits > MAX_DIGITS:
        shown = text if len(text) <= 24 else f"{text[:10]}…{text[-10:]}"
        raise _BadToken(token, message("number.digits", text=shown, n=digits, max=MAX_DIGITS))
    try:
        if text.endswith("%"):
            value = Fraction(Decimal(text[:-1])) / 100
        elif "/" in text:
            num, den = text.split("/")
            if int(den) == 0:
                raise _BadToken(token, message("number.by_zero", text=text))
            value = Fraction(int(num), int(den))
        else:
            value = Fraction(Decimal(text))
    except (InvalidOperation, ValueError) as exc:
        raise _BadToken(token, message("number.not_number", text=text)) from exc
    return ast.Number(value, text, _span(token))


def _date(token: Token) -> dt.date:
    try:
        return dt.date.fromisoformat(str(token))
    except ValueError as exc:
        raise _BadToken(token, message("date.not_in_calendar", text=str(token))) from exc


def _int(token: Token) -> int:
    text = str(token)
    if len(text) > MAX_DIGITS:  # int() itself refuses past 4300 digits, with a traceback
        shown = f"{text[:10]}…{text[-10:]}"
        raise _BadToken(token, message("number.digits", text=shown, n=len(text), max=MAX_DIGITS))
    return int(text)


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
class _Conditions(Transformer[Token, Any]):
    """The methods of the grammar's conditions and values (`_ToAst` has the rest)."""

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

    def membership(self, meta: Meta, items: list[Any]) -> ast.InSet:
        value, members = items
        return ast.InSet(value, members, False, _span(meta))

    def non_membership(self, meta: Meta, items: list[Any]) -> ast.InSet:
        value, members = items
        return ast.InSet(value, members, True, _span(meta))

    def set(self, meta: Meta, items: list[ast.Number | ast.Literal_]) -> tuple[Any, ...]:
        return tuple(items)

    def missing(self, meta: Meta, items: list[Token]) -> ast.Missing:
        return ast.Missing(self.name(meta, items), False, _span(meta))

    def not_missing(self, meta: Meta, items: list[Token]) -> ast.Missing:
        return ast.Missing(self.name(meta, items), True, _span(meta))

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


@v_args(meta=True)
class _ToAst(_Conditions):
    """One method per grammar rule (those of conditions and values in `_Conditions`); with it,
    the only code that sees Lark trees."""

    def start(self, meta: Meta, items: list[Any]) -> ast.RuleSet:
        (name, extends, sources, header_span, in_force), *statements = items
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
            in_force=in_force,
        )

    def header(self, meta: Meta, items: list[Any]) -> tuple[Any, ...]:
        name = _unquote(items[0])
        extends = next((i for i in items[1:] if isinstance(i, tuple)), None)
        sources = [i for i in items[1:] if isinstance(i, str)]
        in_force = next((i for i in items[1:] if isinstance(i, ast.InForce)), None)
        return (name, extends, sources, _span(meta), in_force)

    def in_force(self, meta: Meta, items: list[tuple[str, dt.date]]) -> ast.InForce:
        dates = dict(items)
        return ast.InForce(dates.get("from"), dates.get("until"), _span(meta))

    def in_force_from(self, meta: Meta, items: list[Token]) -> tuple[str, dt.date]:
        return ("from", _date(items[0]))

    def in_force_until(self, meta: Meta, items: list[Token]) -> tuple[str, dt.date]:
        return ("until", _date(items[0]))

    def _drop(self, kind: ast.DropKind, meta: Meta, items: list[Token]) -> ast.Drop:
        if not items:
            return ast.Drop(kind, "", _span(meta))
        token = items[0]
        name = _unquote(token) if token.type == "STRING" else str(token)
        return ast.Drop(kind, name, _span(meta), name_span=_span(token))

    def drop_exempt(self, meta: Meta, items: list[Token]) -> ast.Drop:
        return self._drop("exempt", meta, items)

    def drop_example(self, meta: Meta, items: list[Token]) -> ast.Drop:
        return self._drop("example", meta, items)

    def drop_report(self, meta: Meta, items: list[Token]) -> ast.Drop:
        return self._drop("report", meta, items)

    def drop_classify(self, meta: Meta, items: list[Token]) -> ast.Drop:
        return self._drop("classify", meta, items)

    def drop_quorum(self, meta: Meta, items: list[Token]) -> ast.Drop:
        return self._drop("quorum", meta, items)

    def attribute(self, meta: Meta, items: list[Token]) -> ast.AttributeDecl:
        name, kind, label = items
        return ast.AttributeDecl(
            str(name),
            str(kind),  # type: ignore[arg-type]  # the grammar allows only ATTR_TYPES
            _unquote(label),
            _span(meta),
            name_span=_span(name),
            type_span=_span(kind),
        )

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


def _tree(text: str) -> tuple[Tree[Token], list[ast.Comment]]:
    """The Lark tree of a text and its comments (which the lexer hands over while parsing)."""
    comments: list[ast.Comment] = []
    reset = _comments.set(comments)
    try:
        return grammar().parse(text), comments
    finally:
        _comments.reset(reset)


def _too_deep(tree: Tree[Token]) -> Tree[Token] | None:
    """The first node nested more than `MAX_DEPTH` below the file's, looked for without
    recursion: deeper trees would exhaust Python's stack in every pass over them."""
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))
    return None


def parse(text: str, path: str = "<string>") -> ast.RuleSet:
    """Parse one file; raise `RuleSyntaxError` (position, line, caret) if it is not valid."""
    from .check_syntax import syntax_errors  # it needs this module's grammar

    try:
        tree, comments = _tree(text)
    except UnexpectedInput as exc:
        raise syntax_errors(text, path, exc) from None
    deep = _too_deep(tree)
    if deep is not None:
        line, column = deep.meta.line, deep.meta.column
        said = message("syntax.too_deep", n=MAX_DEPTH)
        diag = Diagnostic(
            "error", str(said), path, line, column, source_line(text, line), said=said
        )
        raise RuleSyntaxError([diag])
    try:
        ruleset: ast.RuleSet = _ToAst().transform(tree)
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
                said=inner.said,
            )
            raise RuleSyntaxError([diag]) from None
        raise
    return ast.RuleSet(
        name=ruleset.name,
        extends=ruleset.extends,
        sources=ruleset.sources,
        statements=ruleset.statements,
        comments=tuple(comments),
        path=path,
        span=ruleset.span,
        extends_span=ruleset.extends_span,
        in_force=ruleset.in_force,
    )
