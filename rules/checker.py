"""The checker: every error and warning of a rule set and its bases, each with its place.

Two passes. The local pass looks at every statement of every file of the chain on its own
(duplicates, values, types, shapes, rules that can never match). The scope pass looks at what is
in force after `extends` (the resolved rule set) against the names it defines: levels, blocks,
classes, attributes. A diagnostic always carries the path and text of the file it points into.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from . import ast
from .errors import Diagnostic, Severity, did_you_mean, source_line

FUNCTIONS = {"year": "one argument (a date)", "months": "two arguments (two dates)"}
ARITY = {"year": 1, "months": 2}
STATUSES = ("evaluated", "exempt", "invalid")
COLUMNS = ("id", "name", "position", "group", "unit", "round")
REPORT_COLUMNS = ("group", "unit", "position", "round")
VOTE_NAMES = ("vote_date", "vote_year")
SCHEDULE_ITEMS = ("term", "vote", "meeting")
ONCE: tuple[tuple[type, str], ...] = (
    (ast.Levels, "levels"),
    (ast.Basis, "basis"),
    (ast.Quorum, "quorum"),
    (ast.Schedule, "schedule"),
)
# Turnout figures from the smallest to the largest: each may not exceed the next one given.
TURNOUT_ORDER = ("valid", "collected", "issued", "present", "members")
# 0.01 percentage point: how close a decimal must be to a simple fraction to be taken for it.
NEAR = Fraction(1, 10_000)
SIMPLE_DENOMINATORS = range(2, 13)

_S = TypeVar("_S", ast.Classify, ast.Report, ast.Example)
Kind = str  # share | votes | number | date | bool | text | any
WORDS: Mapping[Kind, str] = {
    "share": "a share",
    "votes": "a number of votes",
    "number": "a number",
    "date": "a date",
    "bool": "true or false",
    "text": "a text",
}


# --- where things are ------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<string>"(?:[^"\\\n]|\\.)*")
      | (?P<comment>\#[^\n]*)
      | (?P<date>\d{4}-\d{2}-\d{2})
      | (?P<number>\d+(?:\.\d+)?(?:%|/\d+)?)
      | (?P<word>[a-z_][a-z0-9_]*)
      | (?P<punct>->|>=|<=|==|!=|\S)""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str
    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class _File:
    """One file of the chain: its rule set, its text, its place in the chain."""

    rs: ast.RuleSet
    text: str
    order: int
    starts: tuple[int, ...]

    @staticmethod
    def of(rs: ast.RuleSet, text: str, order: int) -> _File:
        starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        return _File(rs, text, order, tuple(starts))

    @property
    def path(self) -> str:
        return self.rs.path

    def _offset(self, line: int, column: int) -> int:
        if not 0 < line <= len(self.starts):
            return len(self.text)
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def tokens(self, span: ast.Span) -> list[_Tok]:
        """The tokens inside a span, comments left out: the words a node keeps no span for."""
        start = self._offset(span.line, span.column)
        end = self._offset(span.end_line, span.end_column)
        found = []
        for match in _TOKEN.finditer(self.text, start, end):
            kind = match.lastgroup or "punct"
            if kind == "comment":
                continue
            line = bisect.bisect_right(self.starts, match.start())
            column = match.start() - self.starts[line - 1] + 1
            found.append(_Tok(kind, match.group(), line, column))
        return found


@dataclass(frozen=True, slots=True)
class _Place:
    line: int
    column: int
    width: int

    @staticmethod
    def of(span: ast.Span, width: int | None = None) -> _Place:
        if width is None:
            single = span.end_line == span.line and span.end_column > span.column
            width = span.end_column - span.column if single else 1
        return _Place(span.line, span.column, max(width, 1))

    @staticmethod
    def tok(tok: _Tok) -> _Place:
        return _Place(tok.line, tok.column, len(tok.text))


def _first_word(span: ast.Span, word: str) -> _Place:
    return _Place(span.line, span.column, len(word))


# --- showing values --------------------------------------------------------------------------


def show(value: ast.Value) -> str:
    """A value as the language writes it: `previous share(cao + tn)`, `2/3`, `year(x)`."""
    if isinstance(value, ast.Number):
        return value.text
    if isinstance(value, ast.Literal_):
        literal = value.value
        if isinstance(literal, bool):
            return "true" if literal else "false"
        if isinstance(literal, dt.date):
            return literal.isoformat()
        return f'"{literal}"'
    if isinstance(value, ast.Share | ast.Count):
        word = "share" if isinstance(value, ast.Share) else "count"
        prefix = "previous " if value.previous else ""
        return f"{prefix}{word}({' + '.join(value.levels)})"
    if isinstance(value, ast.Turnout | ast.Attr):
        return value.name
    return f"{value.func}({', '.join(show(a) for a in value.args)})"


def _listing(names: Sequence[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


PLURALS = {"level": "levels", "block": "blocks", "class": "classes"}


def _hint(name: str, known: Sequence[str], noun: str) -> str | None:
    """ "did you mean" when a known name is close; else the known names, when there are few."""
    close = did_you_mean(name, known)
    if close or not known or len(known) > 12:
        return close
    if len(known) == 1:
        return f"the only {noun} is `{known[0]}`"
    return f"the {PLURALS[noun]} are {_listing(known)}"


def _kind(value: ast.Value) -> Kind:
    if isinstance(value, ast.Number):
        return "number"
    if isinstance(value, ast.Share):
        return "share"
    if isinstance(value, ast.Count | ast.Turnout):
        return "votes"
    if isinstance(value, ast.Call):
        return "number" if value.func in ARITY else "any"
    if isinstance(value, ast.Literal_):
        literal = value.value
        if isinstance(literal, bool):
            return "bool"
        return "date" if isinstance(literal, dt.date) else "text"
    return _attr_kind(value.name)


def _attr_kind(name: str) -> Kind:
    if name in ast.TURNOUT:
        return "votes"
    if name == "vote_date":
        return "date"
    if name == "vote_year":
        return "number"
    if name in COLUMNS and name != "round":
        return "text"
    return "any"


def _scalar_kind(value: ast.Scalar) -> Kind:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | Fraction):
        return "number"
    return "date" if isinstance(value, dt.date) else "text"


def _whole(setting: ast.Setting) -> bool:
    return re.fullmatch(r"\d+", setting.text) is not None


def _votes(setting: ast.Setting) -> int:
    """The whole number a setting gives (only for settings that are `_whole`)."""
    return int(setting.text)


# --- walking conditions ----------------------------------------------------------------------


def _conds(cond: ast.Cond) -> Iterator[ast.Cond]:
    yield cond
    if isinstance(cond, ast.Not):
        yield from _conds(cond.operand)
    elif isinstance(cond, ast.And | ast.Or):
        for operand in cond.operands:
            yield from _conds(operand)


def _values(cond: ast.Cond) -> Iterator[ast.Value]:
    """Every value of a condition, the arguments of calls included, in reading order."""

    def inner(value: ast.Value) -> Iterator[ast.Value]:
        yield value
        if isinstance(value, ast.Call):
            for arg in value.args:
                yield from inner(arg)

    for sub in _conds(cond):
        if isinstance(sub, ast.Compare):
            yield from inner(sub.left)
            yield from inner(sub.right)
        elif isinstance(sub, ast.Truthy):
            yield sub.value


# --- sets of values of one quantity, for rules that can never match ----------------------------

# A quantity is `share(...)` or `count(...)` of some levels, of this vote or the previous one.
# Its values are sets of intervals. A count is a whole number n, taken as the interval
# [n - 1/2, n + 1/2), so that integer arithmetic comes out of interval arithmetic exactly.
# A share is any rational in [0, 1], and every rational there is the share of some tally, so
# what is true of the real intervals is true of the shares.

_HALF = Fraction(1, 2)
_Key = tuple[str, tuple[str, ...], bool]  # ("share" | "count", levels sorted, previous)


@dataclass(frozen=True, slots=True)
class _Iv:
    lo: Fraction | None  # None: no lower bound
    lo_open: bool
    hi: Fraction | None  # None: no upper bound
    hi_open: bool

    def empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        return self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open))


_Set = tuple[_Iv, ...]
_SHARES: _Set = (_Iv(Fraction(0), False, Fraction(1), False),)
_COUNTS: _Set = (_Iv(-_HALF, False, None, True),)


def _meet(a: _Iv, b: _Iv) -> _Iv:
    if a.lo is None or (b.lo is not None and b.lo > a.lo):
        lo, lo_open = b.lo, b.lo_open
    elif b.lo is None or a.lo > b.lo:
        lo, lo_open = a.lo, a.lo_open
    else:
        lo, lo_open = a.lo, a.lo_open or b.lo_open
    if a.hi is None or (b.hi is not None and b.hi < a.hi):
        hi, hi_open = b.hi, b.hi_open
    elif b.hi is None or a.hi < b.hi:
        hi, hi_open = a.hi, a.hi_open
    else:
        hi, hi_open = a.hi, a.hi_open or b.hi_open
    return _Iv(lo, lo_open, hi, hi_open)


def _intersect(s: _Set, t: _Set) -> _Set:
    return tuple(m for a in s for b in t if not (m := _meet(a, b)).empty())


def _subtract(s: _Set, t: _Set) -> _Set:
    for cut in t:
        pieces: list[_Iv] = []
        for a in s:
            if cut.lo is not None:
                pieces.append(_meet(a, _Iv(None, True, cut.lo, not cut.lo_open)))
            if cut.hi is not None:
                pieces.append(_meet(a, _Iv(cut.hi, not cut.hi_open, None, True)))
        s = tuple(p for p in pieces if not p.empty())
    return s


def _domain(key: _Key) -> _Set:
    return _SHARES if key[0] == "share" else _COUNTS


def _may_be_unknown(key: _Key) -> bool:
    """A share needs a basis and a previous vote may not exist: then a comparison is false."""
    return key[0] == "share" or key[2]


_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


def _leaf(cond: ast.Compare) -> tuple[_Key, _Set] | None:
    """A comparison of a share or count with a number in range, as a key and a set of values."""
    quantity, op, number = cond.left, str(cond.op), cond.right
    if isinstance(quantity, ast.Number):
        quantity, op, number = number, _FLIP[op], quantity
    if not isinstance(quantity, ast.Share | ast.Count) or not isinstance(number, ast.Number):
        return None
    x = number.value
    if isinstance(quantity, ast.Share):
        if not 0 <= x <= 1:
            return None
        key: _Key = ("share", tuple(sorted(quantity.levels)), quantity.previous)
        sets = {
            ">": (_Iv(x, True, None, True),),
            ">=": (_Iv(x, False, None, True),),
            "<": (_Iv(None, True, x, True),),
            "<=": (_Iv(None, True, x, False),),
            "==": (_Iv(x, False, x, False),),
            "!=": (_Iv(None, True, x, True), _Iv(x, True, None, True)),
        }
    else:
        if x.denominator != 1 or number.is_percent:
            return None
        key = ("count", tuple(sorted(quantity.levels)), quantity.previous)
        lo, hi = x - _HALF, x + _HALF
        sets = {
            ">": (_Iv(hi, False, None, True),),
            ">=": (_Iv(lo, False, None, True),),
            "<": (_Iv(None, True, lo, True),),
            "<=": (_Iv(None, True, hi, True),),
            "==": (_Iv(lo, False, hi, True),),
            "!=": (_Iv(None, True, lo, True), _Iv(hi, False, None, True)),
        }
    return key, _intersect(sets[op], _domain(key))


def _keys(cond: ast.Cond) -> list[tuple[_Key, ast.Share | ast.Count]]:
    found: dict[_Key, ast.Share | ast.Count] = {}
    for sub in _conds(cond):
        if isinstance(sub, ast.Compare) and (leaf := _leaf(sub)) is not None:
            quantity = sub.left if isinstance(sub.left, ast.Share | ast.Count) else sub.right
            assert isinstance(quantity, ast.Share | ast.Count)
            found.setdefault(leaf[0], quantity)
    return list(found.items())


def _under(cond: ast.Cond, key: _Key) -> _Set:
    """Values of the quantity for which the condition is surely true."""
    if isinstance(cond, ast.Compare):
        leaf = _leaf(cond)
        return leaf[1] if leaf is not None and leaf[0] == key else ()
    if isinstance(cond, ast.And):
        found = _domain(key)
        for operand in cond.operands:
            found = _intersect(found, _under(operand, key))
        return found
    if isinstance(cond, ast.Or):
        return tuple(iv for operand in cond.operands for iv in _under(operand, key))
    if isinstance(cond, ast.Not) and not _may_be_unknown(key):
        bound = _over(cond.operand, key)
        return () if bound is None else _subtract(_domain(key), bound)
    return ()


def _over(cond: ast.Cond, key: _Key) -> _Set | None:
    """Values the quantity surely has (known) when the condition is true; None: no such bound."""
    if isinstance(cond, ast.Compare):
        leaf = _leaf(cond)
        return leaf[1] if leaf is not None and leaf[0] == key else None
    if isinstance(cond, ast.And):
        bounds = [b for operand in cond.operands if (b := _over(operand, key)) is not None]
        if not bounds:
            return None
        found = _domain(key)
        for bound in bounds:
            found = _intersect(found, bound)
        return found
    if isinstance(cond, ast.Or):
        parts = [_over(operand, key) for operand in cond.operands]
        if any(part is None for part in parts):
            return None
        return tuple(iv for part in parts if part is not None for iv in part)
    if isinstance(cond, ast.Not) and not _may_be_unknown(key):
        return _subtract(_domain(key), _under(cond.operand, key))
    return None


def _always(cond: ast.Cond) -> bool:
    """True when the condition holds for every person (on a count, which is never unknown)."""
    return any(
        not _may_be_unknown(key) and not _subtract(_domain(key), _under(cond, key))
        for key, _ in _keys(cond)
    )


def _cover(wanted: _Set, catches: Sequence[tuple[ast.Rule, _Set]]) -> list[ast.Rule]:
    """The earlier rules, in order, that each catch some of what is left of `wanted`."""
    found = []
    for rule, caught in catches:
        if _intersect(wanted, caught):
            found.append(rule)
            wanted = _subtract(wanted, caught)
    return found


# --- the scope: what is in force after `extends` ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scope:
    levels: ast.Levels | None
    maps: tuple[ast.LevelMap, ...]
    basis: ast.Basis | None
    exempts: tuple[ast.Exempt, ...]
    classifies: tuple[ast.Classify, ...]
    reports: tuple[ast.Report, ...]
    examples: tuple[ast.Example, ...]

    @staticmethod
    def of(resolved: ast.Resolved) -> _Scope:
        return _Scope(
            resolved.levels,
            resolved.maps,
            resolved.basis,
            resolved.exempts,
            resolved.classifies,
            resolved.reports,
            resolved.examples,
        )

    @staticmethod
    def merge(chain: Sequence[ast.RuleSet]) -> _Scope:
        """What `resolve.merge` would give, also when `levels` or `basis` is missing."""
        levels: ast.Levels | None = None
        basis: ast.Basis | None = None
        maps: tuple[ast.LevelMap, ...] = ()
        exempts: tuple[ast.Exempt, ...] = ()
        classifies: dict[str, ast.Classify] = {}
        reports: dict[str, ast.Report] = {}
        examples: dict[str, ast.Example] = {}
        for rs in reversed(chain):
            levels = next(reversed(rs.of_type(ast.Levels)), levels)
            basis = next(reversed(rs.of_type(ast.Basis)), basis)
            maps = rs.of_type(ast.LevelMap) or maps
            exempts = rs.of_type(ast.Exempt) or exempts
            classifies.update((c.id, c) for c in rs.of_type(ast.Classify))
            reports.update((r.title, r) for r in rs.of_type(ast.Report))
            examples.update((e.name, e) for e in rs.of_type(ast.Example))
        return _Scope(
            levels,
            maps,
            basis,
            exempts,
            tuple(classifies.values()),
            tuple(reports.values()),
            tuple(examples.values()),
        )


# --- the checker -----------------------------------------------------------------------------


class _Checker:
    def __init__(self, chain: Sequence[ast.RuleSet], texts: Mapping[str, str]) -> None:
        self.files = [_File.of(rs, texts.get(rs.path, ""), i) for i, rs in enumerate(chain)]
        self.owners = {id(s): f for f in self.files for s in f.rs.statements}
        # (file, line, column, message) -> (order said, diagnostic): one of each, sorted by place
        self.found: dict[tuple[int, int, int, str], tuple[int, Diagnostic]] = {}

    # reporting

    def owner(self, statement: object) -> _File:
        return self.owners.get(id(statement), self.files[0])

    def say(
        self,
        severity: Severity,
        file: _File,
        place: _Place,
        message: str,
        hint: str | None = None,
    ) -> None:
        diag = Diagnostic(
            severity,
            message,
            file.path,
            place.line,
            place.column,
            source_line(file.text, place.line),
            place.width,
            hint,
        )
        key = (file.order, place.line, place.column, message)
        self.found.setdefault(key, (len(self.found), diag))

    def error(self, file: _File, place: _Place, message: str, hint: str | None = None) -> None:
        self.say("error", file, place, message, hint)

    def warn(self, file: _File, place: _Place, message: str, hint: str | None = None) -> None:
        self.say("warning", file, place, message, hint)

    def result(self) -> list[Diagnostic]:
        ordered = sorted(self.found.items(), key=lambda item: (item[0][:3], item[1][0]))
        return [diag for _, (_, diag) in ordered]

    @staticmethod
    def where(here: _File, there: _File, line: int) -> str:
        return f"line {line}" if here is there else f"{there.path}:{line}"

    # --- the local pass: each file on its own ---

    def local(self, f: _File) -> None:
        self._once(f)
        self._unique_names(f)
        maps: dict[str, ast.LevelMap] = {}
        for statement in f.rs.statements:
            if isinstance(statement, ast.Levels):
                self._levels(f, statement)
            elif isinstance(statement, ast.LevelMap):
                self._map(f, statement, maps)
            elif isinstance(statement, ast.Basis):
                self._basis(f, statement)
            elif isinstance(statement, ast.Quorum):
                self._quorum(f, statement)
            elif isinstance(statement, ast.Schedule):
                self._schedule(f, statement)
            elif isinstance(statement, ast.Exempt):
                self._cond(f, statement.when)
            elif isinstance(statement, ast.Classify):
                self._classify(f, statement)
            elif isinstance(statement, ast.Report):
                self._report(f, statement)
            else:
                self._example(f, statement)

    def _once(self, f: _File) -> None:
        for kind, word in ONCE:
            found: tuple[ast.Statement, ...] = f.rs.of_type(kind)
            for later in found[1:]:
                self.error(
                    f,
                    _Place.of(later.span, len(word) if kind is not ast.Basis else None),
                    f"`{word}` is given more than once in this file "
                    f"(first at line {found[0].span.line})",
                    "a file has at most one; an overlay replaces its base's",
                )

    def _unique_names(self, f: _File) -> None:
        """Classify ids, example names and report titles: each once per file."""
        named: list[tuple[str, Sequence[tuple[str, ast.Span]]]] = [
            ("classify block `{}`", [(c.id, c.span) for c in f.rs.of_type(ast.Classify)]),
            ('example "{}"', [(e.name, e.span) for e in f.rs.of_type(ast.Example)]),
            ('report "{}"', [(r.title, r.span) for r in f.rs.of_type(ast.Report)]),
        ]
        for what, items in named:
            first: dict[str, int] = {}
            for name, span in items:
                if name not in first:
                    first[name] = span.line
                    continue
                self.error(
                    f,
                    self._name_place(f, span, 1),
                    f"{what.format(name)} is defined twice in this file "
                    f"(first at line {first[name]})",
                )

    def _name_place(self, f: _File, span: ast.Span, index: int) -> _Place:
        """The place of the `index`-th token of a statement (0 is its keyword)."""
        tokens = f.tokens(span)
        if index < len(tokens):
            return _Place.tok(tokens[index])
        return _Place.of(span, 1)

    def _levels(self, f: _File, levels: ast.Levels) -> None:
        ids: dict[str, ast.Level] = {}
        labels: dict[str, ast.Level] = {}
        for level in levels.levels:
            place = _first_word(level.span, level.id)
            if level.id in ids:
                line = ids[level.id].span.line
                self.error(f, place, f"level `{level.id}` is listed twice (first at line {line})")
                continue
            ids[level.id] = level
            reserved = self._reserved(level.id)
            if reserved:
                self.error(f, place, f"`{level.id}` cannot be a level: it is {reserved}")
            if level.label in labels:
                other = labels[level.label]
                self.error(
                    f,
                    place,
                    f"level `{level.id}` has the same label as `{other.id}` "
                    f"(line {other.span.line})",
                    "data columns are matched by label too",
                )
            else:
                labels[level.label] = level

    @staticmethod
    def _reserved(name: str) -> str | None:
        if name in ast.TURNOUT:
            return "a turnout figure"
        if name in VOTE_NAMES:
            return "the date of the vote" if name == "vote_date" else "the year of the vote"
        if name in COLUMNS:
            return "a column of the data"
        return None

    def _map(self, f: _File, level_map: ast.LevelMap, seen: dict[str, ast.LevelMap]) -> None:
        source = self._name_place(f, level_map.span, 1)
        if level_map.source in seen:
            line = seen[level_map.source].span.line
            self.error(f, source, f"`{level_map.source}` is mapped twice (first at line {line})")
        else:
            seen[level_map.source] = level_map
        if level_map.source == level_map.target:
            self.error(f, source, f"`{level_map.source}` is mapped to itself")

    def _basis(self, f: _File, basis: ast.Basis) -> None:
        if basis.kind not in ast.BASES:
            self.error(
                f,
                _Place.of(basis.span),
                f"`{basis.kind}` is not a basis: expected members, present, issued, "
                "collected or valid",
                did_you_mean(basis.kind, ast.BASES),
            )

    def _quorum(self, f: _File, quorum: ast.Quorum) -> None:
        words = [t for t in f.tokens(quorum.span) if t.kind == "word"]
        where = _Place.of(quorum.span, len("quorum"))
        measure = _Place.tok(words[1]) if len(words) > 1 else where
        of = _Place.tok(words[-1]) if len(words) > 2 else where
        for name, place in ((quorum.measure, measure), (quorum.of, of)):
            if name not in ast.TURNOUT:
                self.error(
                    f,
                    place,
                    f"`{name}` is not a turnout figure: expected members, present, issued, "
                    "collected, valid or invalid",
                    did_you_mean(name, ast.TURNOUT),
                )
        number = quorum.fraction
        if not 0 <= number.value <= 1:
            self.error(
                f, _Place.of(number.span), f"the quorum fraction `{number.text}` is outside 0..1"
            )
        self._near_fraction(f, number)
        if quorum.measure == quorum.of and quorum.measure in ast.TURNOUT:
            self.warn(f, measure, f"the quorum compares `{quorum.measure}` with itself")
        if quorum.op in ("<", "<=", "!="):
            self.warn(
                f,
                self._name_place(f, quorum.span, 2),
                f"a quorum with `{quorum.op}` holds when few are there",
                "a quorum is a minimum: `>=` (at least) or `>` (more than)",
            )

    def _schedule(self, f: _File, schedule: ast.Schedule) -> None:
        """Values from the tree; from the text what the tree loses: which items, and twice."""
        tokens = f.tokens(schedule.span)
        keyword = _first_word(schedule.span, "schedule")
        items = [i for i, t in enumerate(tokens) if t.kind == "word" and t.text in SCHEDULE_ITEMS]
        first: dict[str, _Tok] = {}
        for i in items:
            tok = tokens[i]
            if tok.text in first:
                line = first[tok.text].line
                self.error(
                    f,
                    _Place.tok(tok),
                    f"`{tok.text}` is given twice in this schedule (first at line {line})",
                )
            first.setdefault(tok.text, tok)

        def numbers(word: str) -> list[_Place]:
            """The numbers of the last `word` item, the one the tree keeps."""
            starts = [i for i in items if tokens[i].text == word]
            if not starts:
                return []
            end = next((i for i in items if i > starts[-1]), len(tokens))
            return [_Place.tok(t) for t in tokens[starts[-1] : end] if t.kind == "number"]

        term = schedule.term_years
        if tokens and "term" not in first:
            self.error(
                f, keyword, "the schedule has no `term`", "say how long a term is: `term 5 years`"
            )
        elif term < 1:
            place = next(iter(numbers("term")), keyword)
            self.error(f, place, f"the term must be at least 1 year, not {term}")
        if tokens and "vote" not in first:
            self.warn(
                f,
                keyword,
                "the schedule has no `vote` line, so a vote is taken to be held every year",
                "write `vote in year 3`, `vote in years 2, 4` or `vote every year`",
            )
        places = numbers("vote")
        listed: set[int] = set()
        for i, year in enumerate(schedule.years):
            place = places[i] if i < len(places) else keyword
            if year in listed:
                self.error(f, place, f"year {year} is listed twice")
            elif year < 1 or (term >= 1 and year > term):
                span = f" (1 to {term})" if term >= 1 else ""
                self.error(f, place, f"year {year} is not a year of the term{span}")
            listed.add(year)
        if schedule.month is not None and not 1 <= schedule.month <= 12:
            place = next(reversed(numbers("meeting")), keyword)
            self.error(f, place, f"month {schedule.month} is not a month (1 to 12)")

    def _classify(self, f: _File, block: ast.Classify) -> None:
        if block.id == "status":
            self.error(
                f,
                self._name_place(f, block.span, 1),
                "`status` cannot name a classify block",
                "`expect status` is kept for evaluated, exempt or invalid",
            )
        seen: dict[str, ast.Rule] = {}
        for rule in block.rules:
            place = self._rule_place(f, rule)
            if rule.id in seen:
                self.error(
                    f,
                    place,
                    f"rule `{rule.id}` appears twice in block `{block.id}` "
                    f"(first at line {seen[rule.id].span.line})",
                )
            else:
                seen[rule.id] = rule
            if rule.when is not None:
                self._cond(f, rule.when)
        elses = [r for r in block.rules if r.is_else]
        if not elses:
            self.error(
                f,
                self._name_place(f, block.span, 1),
                f"classify block `{block.id}` has no `else` rule",
                'end it with a catch-all: `else none "Không"`',
            )
        elif elses[0] is not block.rules[-1]:
            self.error(f, self._rule_place(f, elses[0]), "`else` must be the last rule of a block")
        self._reachable(f, block)

    def _rule_place(self, f: _File, rule: ast.Rule) -> _Place:
        if rule.is_else:
            return self._name_place(f, rule.span, 1)
        return _first_word(rule.span, rule.id)

    def _reachable(self, f: _File, block: ast.Classify) -> None:
        rules = [r for r in block.rules if r.when is not None]
        for i, rule in enumerate(rules):
            assert rule.when is not None
            earlier = rules[:i]
            keys = _keys(rule.when)
            place = self._rule_place(f, rule)
            never = next(((k, q) for k, q in keys if _over(rule.when, k) == ()), None)
            if never is not None:
                self.error(
                    f,
                    place,
                    f"rule `{rule.id}` can never match: its condition on `{show(never[1])}` "
                    "is never true",
                )
                continue
            always = next((e for e in earlier if e.when is not None and _always(e.when)), None)
            if always is not None:
                self._unreachable(f, rule, [always])
                continue
            for key, _ in keys:
                wanted = _over(rule.when, key)
                if wanted is None:
                    continue
                catches = [(e, _under(e.when, key)) for e in earlier if e.when is not None]
                if _subtract(wanted, tuple(iv for _, s in catches for iv in s)):
                    continue
                alone = next((e for e, s in catches if not _subtract(wanted, s)), None)
                culprits = [alone] if alone else _cover(wanted, catches)
                self._unreachable(f, rule, culprits)
                break

    def _unreachable(self, f: _File, rule: ast.Rule, culprits: list[ast.Rule]) -> None:
        named = [f"`{c.id}` (line {c.span.line})" for c in culprits]
        if len(named) == 1:
            who = f"rule {named[0]} always matches"
        else:
            who = "rules " + ", ".join(named[:-1]) + " and " + named[-1] + " always match"
        self.error(f, self._rule_place(f, rule), f"rule `{rule.id}` can never match: {who} first")

    def _report(self, f: _File, report: ast.Report) -> None:
        seen: dict[str, ast.Span] = {}
        for name, span in zip(report.counts, report.count_spans, strict=False):
            if name in seen:
                self.error(
                    f,
                    _Place.of(span),
                    f"block `{name}` is counted twice in this report "
                    f"(first at line {seen[name].line})",
                )
            seen.setdefault(name, span)
        if not report.counts:
            self.warn(
                f,
                _first_word(report.span, "report"),
                f'report "{report.title}" counts nothing',
                "add `count <block>` for each classify block it sums up",
            )

    def _example(self, f: _File, example: ast.Example) -> None:
        for settings in (example.settings, example.previous):
            seen: dict[str, ast.Setting] = {}
            for setting in settings:
                place = _first_word(setting.span, setting.name)
                if setting.name in seen:
                    line = seen[setting.name].span.line
                    self.error(
                        f,
                        place,
                        f"`{setting.name}` is set twice in this example (first at line {line})",
                    )
                    continue
                seen[setting.name] = setting
                self._fixed_setting(f, setting)
        tokens = f.tokens(example.span)
        blocks = [
            t
            for t, after in itertools.pairwise(tokens)
            if t.text == "previous" and after.text == "{"
        ]
        for extra in blocks[1:]:
            self.error(
                f,
                _Place.tok(extra),
                f"this example has a second `previous` block (the first is at line "
                f"{blocks[0].line})",
                "a vote has one previous vote: put all its figures in one block",
            )
        expected: dict[str, ast.Expect] = {}
        for expect in example.expects:
            if expect.block in expected:
                line = expected[expect.block].span.line
                self.error(
                    f,
                    self._name_place(f, expect.span, 1),
                    f"`{expect.block}` is expected twice in this example (first at line {line})",
                )
            expected.setdefault(expect.block, expect)
        if not example.expects:
            self.warn(
                f,
                _first_word(example.span, "example"),
                f'example "{example.name}" expects nothing',
                "add `expect <block> <class>` or `expect status <status>`",
            )

    def _fixed_setting(self, f: _File, setting: ast.Setting) -> None:
        """Settings whose kind does not depend on the rule set: turnout, vote date and year."""
        place = self._value_place(f, setting)
        if setting.name in ast.TURNOUT and not _whole(setting):
            self.error(f, place, f"`{setting.name}` must be a whole number, not `{setting.text}`")
        elif setting.name == "vote_date" and not isinstance(setting.value, dt.date):
            self.error(f, place, f"`vote_date` must be a date (2023-12-20), not `{setting.text}`")
        elif setting.name == "vote_year" and not _whole(setting):
            self.error(f, place, f"`vote_year` must be a year (2023), not `{setting.text}`")

    def _value_place(self, f: _File, setting: ast.Setting) -> _Place:
        return self._name_place(f, setting.span, 1)

    # conditions, on their own

    def _cond(self, f: _File, cond: ast.Cond) -> None:
        for sub in _conds(cond):
            if isinstance(sub, ast.Compare):
                self._compare(f, sub)
            elif isinstance(sub, ast.Truthy):
                self._truthy(f, sub)
        for value in _values(cond):
            if isinstance(value, ast.Call):
                self._call(f, value)
            elif isinstance(value, ast.Number):
                self._near_fraction(f, value)
            elif isinstance(value, ast.Share | ast.Count):
                seen: set[str] = set()
                for level, span in zip(value.levels, value.level_spans, strict=False):
                    if level in seen:
                        self.error(
                            f,
                            _Place.of(span),
                            f"level `{level}` is counted twice in `{show(value)}`",
                        )
                    seen.add(level)

    def _truthy(self, f: _File, cond: ast.Truthy) -> None:
        kind = _attr_kind(cond.value.name)
        if kind != "any":
            self.error(
                f,
                _Place.of(cond.value.span),
                f"`{cond.value.name}` is {WORDS[kind]}, not true or false",
                "compare it with something, e.g. `>`, `==`",
            )

    def _compare(self, f: _File, cond: ast.Compare) -> None:
        left, right = cond.left, cond.right
        kinds = (_kind(left), _kind(right))
        if cond.op not in ("==", "!="):
            for kind in kinds:
                if kind in ("bool", "text"):
                    self.error(
                        f,
                        _Place.of(cond.span),
                        f"`{cond.op}` does not apply to {WORDS[kind]}: use `==` or `!=`",
                    )
                    return
        if "any" in kinds or kinds[0] == kinds[1]:
            return
        pair = set(kinds)
        number = left if isinstance(left, ast.Number) else right
        other = right if number is left else left
        if pair == {"share", "number"}:
            if isinstance(number, ast.Number) and not 0 <= number.value <= 1:
                percent = (
                    f"did you mean `{number.text}%`?"
                    if not number.is_percent and 1 < number.value <= 100
                    else None
                )
                self.error(
                    f,
                    _Place.of(number.span),
                    f"the threshold `{number.text}` is outside 0..1: `{show(other)}` is a share",
                    percent,
                )
            return
        if pair == {"votes", "number"}:
            if isinstance(number, ast.Number) and (
                number.value.denominator != 1 or number.is_percent
            ):
                hint = None
                if isinstance(other, ast.Count):
                    prefix = "previous " if other.previous else ""
                    share = f"{prefix}share({' + '.join(other.levels)})"
                    hint = f"for a part of the basis, use `{share}`"
                self.error(
                    f,
                    _Place.of(number.span),
                    f"`{show(other)}` is a number of votes: compare it with a whole number, "
                    f"not `{number.text}`",
                    hint,
                )
            return
        self.error(
            f,
            _Place.of(cond.span),
            f"`{show(left)}` is {WORDS[kinds[0]]} and `{show(right)}` is {WORDS[kinds[1]]}: "
            "they cannot be compared",
        )

    def _call(self, f: _File, call: ast.Call) -> None:
        place = _first_word(call.span, call.func)
        if call.func not in ARITY:
            self.error(
                f,
                place,
                f"unknown function `{call.func}`",
                did_you_mean(call.func, ARITY)
                or "the functions are year(date) and months(date, date)",
            )
            return
        if len(call.args) != ARITY[call.func]:
            self.error(
                f,
                place,
                f"`{call.func}` takes {FUNCTIONS[call.func]}, not {len(call.args)}",
            )
            return
        for arg in call.args:
            kind = _kind(arg)
            if kind not in ("date", "any"):
                self.error(
                    f,
                    _Place.of(arg.span),
                    f"`{call.func}` needs a date, but `{show(arg)}` is {WORDS[kind]}",
                )

    def _near_fraction(self, f: _File, number: ast.Number) -> None:
        if "." not in number.text:
            return
        value = number.value
        for q in SIMPLE_DENOMINATORS:
            simple = Fraction(round(value * q), q)
            if simple.denominator == 1 or simple == value:
                continue
            if abs(simple - value) <= NEAR:
                self.warn(
                    f,
                    _Place.of(number.span),
                    f"{number.text} is not exactly {simple} (it is {value}); "
                    f"write {simple} if that is meant",
                )
                return

    # --- the scope pass: what is in force, against the names it defines ---

    def scope(self, scope: _Scope) -> None:
        top = self.files[0]
        header = _first_word(top.rs.span, "ruleset")
        further = " or its bases" if len(self.files) > 1 else ""
        if scope.levels is None:
            self.error(
                top,
                header,
                f"no `levels` in this rule set{further}",
                'list them: `levels { tn "Tín nhiệm"; thap "Tín nhiệm thấp" }`',
            )
        if scope.basis is None:
            self.error(
                top,
                header,
                f"no `basis` in this rule set{further}",
                "say which count is 100%: members, present, issued, collected or valid",
            )
        levels = scope.levels.ids if scope.levels is not None else None
        if scope.levels is not None and len(levels or ()) < 2:
            self._few_levels(scope.levels)
        sources: dict[str, str] = {}
        for level_map in scope.maps:
            sources.setdefault(level_map.source, level_map.target)  # a second is an error
        if levels is not None:
            for level_map in scope.maps:
                self._map_in_scope(level_map, levels)
        classifies = self._with_twins(scope.classifies, lambda c: c.id)
        attributes = self._attributes(
            [*scope.exempts, *classifies], scope.levels is not None, levels or (), sources
        )
        blocks = {b.id: b for b in scope.classifies}
        for report in self._with_twins(scope.reports, lambda r: r.title):
            self._report_in_scope(report, blocks, attributes)
        for example in self._with_twins(scope.examples, lambda e: e.name):
            self._example_in_scope(example, levels, sources, attributes, blocks)

    def _with_twins(self, in_force: Sequence[_S], key: Callable[[_S], str]) -> list[_S]:
        """The parts in force, and before each the parts of its file it shadows (same id)."""
        found: list[_S] = []
        for part in in_force:
            twins = [s for s in self.owner(part).rs.of_type(type(part)) if key(s) == key(part)]
            found.extend(twins if any(t is part for t in twins) else [part])
        return found

    def _few_levels(self, levels: ast.Levels) -> None:
        f = self.owner(levels)
        place = _first_word(levels.span, "levels")
        if not levels.levels:
            self.error(f, place, "`levels` lists no level")
        else:
            self.warn(
                f,
                place,
                f"only one level (`{levels.levels[0].id}`): a vote needs at least two",
            )

    def _map_in_scope(self, level_map: ast.LevelMap, levels: tuple[str, ...]) -> None:
        f = self.owner(level_map)
        source = self._name_place(f, level_map.span, 1)
        target = self._name_place(f, level_map.span, 3)
        if level_map.source in levels and level_map.source != level_map.target:
            self.error(
                f,
                source,
                f"`{level_map.source}` is a level of this rule set: only a level it does not "
                "have can be mapped",
            )
        if level_map.target not in levels:
            self.error(
                f,
                target,
                f"`{level_map.target}` is not a level of this rule set",
                _hint(level_map.target, levels, "level"),
            )

    def _attributes(
        self,
        statements: Sequence[ast.Exempt | ast.Classify],
        have_levels: bool,
        levels: Sequence[str],
        sources: Mapping[str, str],
    ) -> dict[str, tuple[Kind, _File, int]]:
        """Check names in conditions; return each data attribute with the kind it is used as."""
        known = [*levels, *ast.TURNOUT, *VOTE_NAMES, *COLUMNS]
        kinds: dict[str, tuple[Kind, _File, int]] = {}
        uses: list[tuple[_File, ast.Attr, Kind]] = []
        for statement in statements:
            f = self.owner(statement)
            conds = (
                [statement.when]
                if isinstance(statement, ast.Exempt)
                else [r.when for r in statement.rules if r.when is not None]
            )
            for cond in conds:
                for value in _values(cond):
                    if isinstance(value, ast.Share | ast.Count) and have_levels:
                        self._level_refs(f, value, levels, sources)
                for attr, kind in _attr_uses(cond):
                    uses.append((f, attr, kind))
        for f, attr, kind in sorted(
            uses, key=lambda u: (u[0].order, u[1].span.line, u[1].span.column)
        ):
            name = attr.name
            place = _Place.of(attr.span)
            if name in levels or name in sources:
                self.error(
                    f,
                    place,
                    f"`{name}` is a level, not an attribute of the data",
                    f"write share({name}) or count({name})",
                )
                continue
            if name in ast.TURNOUT or name in VOTE_NAMES or name in COLUMNS:
                continue
            close = did_you_mean(name, known)
            if close:
                self.warn(
                    f,
                    place,
                    f"`{name}` is not a name the rules know, so it is read from the data",
                    close,
                )
            first = kinds.get(name)
            if first is None or (kind != "any" and first[0] == "any"):
                kinds[name] = (kind, f, attr.span.line)
            elif kind not in ("any", first[0]):
                self.error(
                    f,
                    place,
                    f"`{name}` is used as {WORDS[first[0]]} at "
                    f"{self.where(f, first[1], first[2])} and as {WORDS[kind]} here",
                )
        return kinds

    def _level_refs(
        self,
        f: _File,
        value: ast.Share | ast.Count,
        levels: Sequence[str],
        sources: Mapping[str, str],
    ) -> None:
        for level, span in zip(value.levels, value.level_spans, strict=False):
            if level in levels:
                continue
            if level in sources:
                self.error(
                    f,
                    _Place.of(span),
                    f"`{level}` is not a level of this rule set: the data's `{level}` is read "
                    f"as `{sources[level]}`",
                    f"use `{sources[level]}`" if sources[level] in levels else None,
                )
            else:
                self.error(
                    f,
                    _Place.of(span),
                    f"unknown level `{level}`",
                    _hint(level, levels, "level"),
                )

    def _report_in_scope(
        self,
        report: ast.Report,
        blocks: Mapping[str, ast.Classify],
        attributes: Mapping[str, object],
    ) -> None:
        f = self.owner(report)
        for name, span in zip(report.counts, report.count_spans, strict=False):
            if name not in blocks:
                self.error(
                    f,
                    _Place.of(span),
                    f"unknown classify block `{name}`",
                    _hint(name, list(blocks), "block"),
                )
        if report.by not in REPORT_COLUMNS and report.by not in attributes:
            tokens = f.tokens(report.span)
            by = next((i for i, t in enumerate(tokens) if t.text == "by"), None)
            place = _Place.tok(tokens[by + 1]) if by is not None else _Place.of(report.span)
            self.warn(
                f,
                place,
                f"`{report.by}` is not a column the rules know (group, unit, position, round), "
                "so it is read from the data",
                did_you_mean(report.by, [*REPORT_COLUMNS, *attributes]),
            )

    def _example_in_scope(
        self,
        example: ast.Example,
        levels: Sequence[str] | None,
        sources: Mapping[str, str],
        attributes: Mapping[str, tuple[Kind, _File, int]],
        blocks: Mapping[str, ast.Classify],
    ) -> None:
        f = self.owner(example)
        if levels is not None:
            counted = {*levels, *sources}
            known = [*levels, *sources, *ast.TURNOUT, *VOTE_NAMES, *COLUMNS, *attributes]
            for settings in (example.settings, example.previous):
                for setting in settings:
                    self._setting(f, setting, counted, known, attributes)
                self._turnout_adds_up(f, settings, counted)
        for expect in example.expects:
            self._expect(f, expect, blocks)

    def _setting(
        self,
        f: _File,
        setting: ast.Setting,
        counted: set[str],
        known: Sequence[str],
        attributes: Mapping[str, tuple[Kind, _File, int]],
    ) -> None:
        name = setting.name
        value = self._value_place(f, setting)
        if name in counted:
            if not _whole(setting):
                self.error(
                    f, value, f"`{name}` must be a whole number of votes, not `{setting.text}`"
                )
            return
        if name in ast.TURNOUT or name in VOTE_NAMES or name in COLUMNS:
            return
        if name not in attributes:
            self.error(
                f,
                _first_word(setting.span, name),
                f"`{name}` is not a level, a turnout figure or an attribute the rules use",
                did_you_mean(name, known),
            )
            return
        kind, there, line = attributes[name]
        if kind != "any" and _scalar_kind(setting.value) != kind:
            self.error(
                f,
                value,
                f"`{name}` must be {WORDS[kind]} (the rules use it as one at "
                f"{self.where(f, there, line)}), not `{setting.text}`",
            )

    def _turnout_adds_up(
        self, f: _File, settings: Sequence[ast.Setting], counted: set[str]
    ) -> None:
        given: dict[str, ast.Setting] = {}
        for setting in settings:
            given.setdefault(setting.name, setting)  # a name set twice is reported elsewhere
        given = {name: s for name, s in given.items() if _whole(s)}
        level_settings = [s for s in given.values() if s.name in counted]
        chain: list[tuple[str, int, ast.Setting]] = []
        if level_settings:
            total = sum(_votes(s) for s in level_settings)
            chain.append(("the levels", total, level_settings[0]))
        for name in TURNOUT_ORDER:
            if name in given:
                chain.append((name, _votes(given[name]), given[name]))
        for (name, count, setting), (bigger, limit, _) in itertools.pairwise(chain):
            if count <= limit:
                continue
            if name == "the levels":
                message = f"the levels add up to {count}, more than `{bigger}` ({limit})"
            else:
                message = f"`{name}` is {count}, more than `{bigger}` ({limit})"
            self.error(f, _first_word(setting.span, setting.name), message)
        if all(n in given for n in ("valid", "invalid", "collected")):
            valid, invalid = _votes(given["valid"]), _votes(given["invalid"])
            collected = _votes(given["collected"])
            if valid + invalid != collected:
                setting = given["invalid"]
                self.error(
                    f,
                    _first_word(setting.span, "invalid"),
                    f"`valid` ({valid}) and `invalid` ({invalid}) add up to {valid + invalid}, "
                    f"not `collected` ({collected})",
                )

    def _expect(self, f: _File, expect: ast.Expect, blocks: Mapping[str, ast.Classify]) -> None:
        block_place = self._name_place(f, expect.span, 1)
        class_place = self._name_place(f, expect.span, 2)
        if expect.block == "status":
            if expect.klass not in STATUSES:
                self.error(
                    f,
                    class_place,
                    f"`{expect.klass}` is not a status: expected evaluated, exempt or invalid",
                    did_you_mean(expect.klass, STATUSES),
                )
            return
        block = blocks.get(expect.block)
        if block is None:
            self.error(
                f,
                block_place,
                f"unknown classify block `{expect.block}`",
                _hint(expect.block, list(blocks), "block"),
            )
            return
        classes = [r.id for r in block.rules]
        if expect.klass not in classes:
            self.error(
                f,
                class_place,
                f"`{expect.klass}` is not a class of block `{block.id}`",
                _hint(expect.klass, classes, "class"),
            )


def _attr_uses(cond: ast.Cond) -> Iterator[tuple[ast.Attr, Kind]]:
    """Each attribute of a condition, with the kind its use implies (`any` when it says none)."""
    for sub in _conds(cond):
        if isinstance(sub, ast.Truthy):
            yield sub.value, "any"  # a bare attribute may be a flag, a date, a number
        elif isinstance(sub, ast.Compare):
            pair = (sub.left, sub.right)
            for value, other in (pair, pair[::-1]):
                if isinstance(value, ast.Attr):
                    kind = _kind(other)
                    yield value, "number" if kind in ("share", "votes") else kind
                elif isinstance(value, ast.Call):
                    yield from _call_uses(value)


def _call_uses(call: ast.Call) -> Iterator[tuple[ast.Attr, Kind]]:
    for arg in call.args:
        if isinstance(arg, ast.Attr):
            yield arg, "date" if call.func in ARITY else "any"
        elif isinstance(arg, ast.Call):
            yield from _call_uses(arg)


def check(
    chain: tuple[ast.RuleSet, ...], resolved: ast.Resolved | None, texts: Mapping[str, str]
) -> list[Diagnostic]:
    """All diagnostics of a file and its bases; `resolved` is None if levels or basis is missing.

    Sorted by file (the file first, then its bases), line and column.
    """
    if not chain:
        return []
    checker = _Checker(chain, texts)
    for f in checker.files:
        checker.local(f)
    checker.scope(_Scope.of(resolved) if resolved is not None else _Scope.merge(chain))
    return checker.result()
