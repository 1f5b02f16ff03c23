"""Conditions of the rules language: compiled to closures for speed, explained in words on demand.

The fast path compares a share with a number in integers (count * q against p * basis); the
explanation reads the same values as fractions through the same getters, and a property test holds
the two together. A value the data does not give (an absent attribute, no previous vote) raises
`Unknown`: in `classify` the comparison that needs it is false; in `exempt` (compiled with
`strict=True`) the whole condition is false, so that `not x` with `x` unknown exempts nobody.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from typing import Any

from tinnhiem.rules import ast
from tinnhiem.rules.fmt import format_cond, format_value

from .model import NAMED_FIELDS, Scalar, Tally, percent
from .words import Lang, Said, say

Getter = Callable[["Facts"], object]
Test = Callable[["Facts"], bool]

OPS: Mapping[str, Callable[[Any, Any], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
}
FLIPPED: Mapping[str, ast.Op] = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}
SYMBOLS = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "==": "=", "!=": "≠"}
DERIVED = ("vote_date", "vote_year")
# the columns a reader keeps as fields of the tally, not as attributes: read by the same names
FIELDS = NAMED_FIELDS
FALSE_WORDS = frozenset({"", "0", "false", "no", "n", "không", "k", "sai", "chưa"})
NO_PREVIOUS: Said = ("no_previous", {})
_YEAR = re.compile(r"\d{4}")


class Unknown(Exception):
    """A value this person's data does not give; `reason` says which, in words (`said` in
    either language)."""

    def __init__(self, key: str, **fields: object) -> None:
        self.key = key
        self.fields = fields
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        return say("en", self.key, **self.fields)

    def said(self, lang: Lang) -> str:
        return say(lang, self.key, **self.fields)


class Facts:
    """What a condition may look at for one person at one vote (counts under the rule set)."""

    __slots__ = (
        "attrs",
        "basis",
        "counts",
        "no_previous",
        "present",
        "previous",
        "round",
        "tally",
        "turnout",
    )

    def __init__(
        self,
        counts: Mapping[str, int],
        basis: int | None,
        turnout: Mapping[str, int],
        attrs: Mapping[str, Scalar],
        round: str = "",
        previous: Facts | None = None,
        no_previous: Said = NO_PREVIOUS,
        tally: Tally | None = None,
    ) -> None:
        self.counts = counts
        self.basis = basis
        self.turnout = turnout
        self.attrs = attrs
        self.round = round
        self.previous = previous
        self.no_previous = no_previous
        self.tally = tally  # its named fields (group, position, ...) are read like attributes
        # the attributes the data has a column of (None: those this person has): a blank cell
        # of such a column is missing, an attribute the data lacks altogether is unknown
        self.present: frozenset[str] | None = None

    def with_counts(self, counts: Mapping[str, int]) -> Facts:
        facts = Facts(
            counts,
            self.basis,
            self.turnout,
            self.attrs,
            self.round,
            self.previous,
            self.no_previous,
            self.tally,
        )
        facts.present = self.present
        return facts


# --- values ----------------------------------------------------------------------------------


def as_date(value: object) -> dt.date | None:
    """A date, or an ISO date written as text; None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@functools.lru_cache(maxsize=256)
def _round_date(round: str) -> dt.date | None:
    return as_date(round)


def vote_date(attrs: Mapping[str, Scalar], round: str) -> dt.date | None:
    """The date of the vote: the `vote_date` attribute, else the round when it is an ISO date."""
    given = attrs.get("vote_date")
    found = as_date(given) if given is not None else None
    return found if found is not None else _round_date(round)


def vote_year(attrs: Mapping[str, Scalar], round: str) -> int | None:
    """The year of the vote: from the vote date, else the `vote_year` attribute or a year round."""
    date = vote_date(attrs, round)
    if date is not None:
        return date.year
    given = attrs.get("vote_year")
    if isinstance(given, int) and not isinstance(given, bool):
        return given
    if isinstance(given, Fraction) and given.denominator == 1:
        return int(given)
    for text in (given, round):
        if isinstance(text, str) and _YEAR.fullmatch(text.strip()):
            return int(text)
    return None


def _given(facts: Facts, name: str) -> Scalar | None:
    """An attribute as the data gives it: a column of its own, or a named field of the tally."""
    value = facts.attrs.get(name)
    if value is None and name in FIELDS and facts.tally is not None:
        return str(getattr(facts.tally, name))
    return value


def attribute(facts: Facts, name: str) -> Scalar:
    """A person's attribute, `vote_date` and `vote_year` derived when the data has no column."""
    value = _given(facts, name)
    if name == "vote_date":
        value = vote_date(facts.attrs, facts.round)
    elif name == "vote_year":
        value = vote_year(facts.attrs, facts.round)
    if value is None:
        # a column the data has, blank in this person's row, is said as blank, as an example's
        # `name ""` is: the two mean the same
        blank = name not in DERIVED and facts.present is not None and name in facts.present
        raise Unknown("empty_attr" if blank else "no_attr", name=name)
    if value == "":
        raise Unknown("empty_attr", name=name)
    return value


def flag(facts: Facts, name: str) -> Scalar:
    """A bare attribute used as a condition: a blank cell is unknown, as in any other use of the
    attribute (an example's `name ""` as a data file's blank cell), and so is an absent one."""
    value = _given(facts, name)
    if value is None or name in DERIVED:
        return attribute(facts, name)
    if isinstance(value, str) and not value.strip():
        raise Unknown("empty_attr", name=name)
    return value


def truth(value: object) -> bool:
    """How a bare attribute reads as a condition: true, a non-zero number, a date, a word of yes."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | Fraction):
        return value != 0
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip().casefold() not in FALSE_WORDS
    return value is not None


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (negative when `end` comes first)."""
    if end < start:
        return -whole_months(end, start)
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def is_missing(facts: Facts, name: str) -> bool:
    """Whether the cell of `name` is blank; `Unknown` when the data has no such column at all.

    `vote_date` and `vote_year` are missing when the data gives no date (or year) of the vote.
    """
    if name == "vote_date":
        return vote_date(facts.attrs, facts.round) is None
    if name == "vote_year":
        return vote_year(facts.attrs, facts.round) is None
    value = _given(facts, name)
    if value is None:
        if facts.present is not None and name in facts.present:
            return True  # the data has the column; this person's cell is blank
        raise Unknown("no_attr", name=name)
    return isinstance(value, str) and value.strip() == ""


def round_percent(share: Fraction, places: int) -> Fraction:
    """The share as a percentage rounded half up to `places` decimals, as documents print it,
    given back as a share: 2/3 at 2 places is 6667/10000 (66.67%). The same rounding as
    `model.percent`, which every writer prints with (a property test holds them together)."""
    scale = 100 * 10**places
    scaled = share * scale
    rounded = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    return Fraction(rounded, scale)


def _share(levels: tuple[str, ...], previous: bool) -> Getter:
    def get(facts: Facts) -> Fraction:
        if previous:
            if facts.previous is None:
                raise Unknown(facts.no_previous[0], **facts.no_previous[1])
            facts = facts.previous
        basis = facts.basis
        if not basis:
            raise Unknown("no_basis")
        counts = facts.counts
        return Fraction(sum(counts[level] for level in levels), basis)

    return get


def _count(levels: tuple[str, ...], previous: bool) -> Getter:
    def get(facts: Facts) -> int:
        if previous:
            if facts.previous is None:
                raise Unknown(facts.no_previous[0], **facts.no_previous[1])
            facts = facts.previous
        counts = facts.counts
        return sum(counts[level] for level in levels)

    return get


def _turnout(name: str) -> Getter:
    def get(facts: Facts) -> int:
        value = facts.turnout.get(name)
        if value is None:
            raise Unknown("no_figure", name=name)
        return value

    return get


def _call(func: str, args: tuple[Getter, ...]) -> Getter:
    if func == "year" and len(args) == 1:
        (arg,) = args

        def year(facts: Facts) -> int:
            value = arg(facts)
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            date = as_date(value)
            if date is None:
                raise Unknown("year_needs_date", value=show(value))
            return date.year

        return year
    if func == "months" and len(args) == 2:
        first, second = args

        def months(facts: Facts) -> int:
            start, end = as_date(first(facts)), as_date(second(facts))
            if start is None or end is None:
                raise Unknown("months_needs_dates")
            return whole_months(start, end)

        return months

    if func == "rounded" and len(args) == 2:
        share, places = args

        def rounded(facts: Facts) -> Fraction:
            value, digits = share(facts), places(facts)
            if not isinstance(value, Fraction) or not isinstance(digits, int | Fraction):
                raise Unknown("no_function", func=func, n=len(args))
            return round_percent(value, int(digits))

        return rounded

    def unknown(facts: Facts) -> object:
        raise Unknown("no_function", func=func, n=len(args))

    return unknown


def getter(value: ast.Value) -> Getter:
    """A function giving the value for one person, raising `Unknown` when the data lacks it."""
    if isinstance(value, ast.Number):
        number = value.value
        return lambda facts: number
    if isinstance(value, ast.Literal_):
        literal = value.value
        return lambda facts: literal
    if isinstance(value, ast.Share):
        return _share(value.levels, value.previous)
    if isinstance(value, ast.Count):
        return _count(value.levels, value.previous)
    if isinstance(value, ast.Turnout):
        return _turnout(value.name)
    if isinstance(value, ast.Attr):
        name = value.name
        return lambda facts: attribute(facts, name)
    return _call(value.func, tuple(getter(arg) for arg in value.args))


# --- comparing -------------------------------------------------------------------------------


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | Fraction):
        return "number"
    if isinstance(value, dt.date):
        return "date"
    return "text"


def _coerce(text: str, kind: str) -> object:
    if kind == "date":
        return as_date(text)
    if kind == "boolean":
        return truth(text)
    if kind == "number":
        try:
            return Fraction(text.strip().replace(",", "."))
        except ValueError:
            return None
    return text


def compare(left: object, op: str, right: object) -> bool:
    """`left op right` exactly; text is read as a date, number or yes/no to meet the other side."""
    if isinstance(left, dt.datetime):
        left = left.date()
    if isinstance(right, dt.datetime):
        right = right.date()
    kinds = _kind(left), _kind(right)
    if kinds[0] != kinds[1]:
        if kinds[0] == "text":
            left = _coerce(str(left), kinds[1])
        elif kinds[1] == "text":
            right = _coerce(str(right), kinds[0])
        if left is None or right is None or _kind(left) != _kind(right):
            a: Said = (f"kind.{kinds[0]}", {})  # said in the reader's language
            b: Said = (f"kind.{kinds[1]}", {})
            raise Unknown("cannot_compare", a=a, b=b)
    if isinstance(left, str) and isinstance(right, str):
        left = unicodedata.normalize("NFC", left).strip()
        right = unicodedata.normalize("NFC", right).strip()
    return OPS[op](left, right)


def _fast_compare(cond: ast.Compare) -> tuple[Test, Test] | None:
    """Share or count of this vote against a number, in integers: count * q op p * basis.

    (strict, lenient): the strict test raises `Unknown` without a basis, the lenient one is false
    there. Neither meets any other unknown value, so they need no `safe` wrapper.
    """
    left, right = cond.left, cond.right
    op: str = cond.op
    if isinstance(left, ast.Number):
        left, op, right = right, FLIPPED[op], left
    if not isinstance(right, ast.Number) or not isinstance(left, ast.Share | ast.Count):
        return None
    if left.previous:
        return None
    apply = OPS[op]
    p, q = right.value.numerator, right.value.denominator
    levels = left.levels
    single = levels[0] if len(levels) == 1 else None
    if isinstance(left, ast.Count):

        def count_test(facts: Facts) -> bool:
            counts = facts.counts
            n = counts[single] if single else sum(counts[level] for level in levels)
            return apply(n * q, p)

        return count_test, count_test

    def share_strict(facts: Facts) -> bool:
        basis = facts.basis
        if not basis:
            raise Unknown("no_basis")
        counts = facts.counts
        n = counts[single] if single else sum(counts[level] for level in levels)
        return apply(n * q, p * basis)

    def share_lenient(facts: Facts) -> bool:
        basis = facts.basis
        if not basis:
            return False
        counts = facts.counts
        n = counts[single] if single else sum(counts[level] for level in levels)
        return apply(n * q, p * basis)

    return share_strict, share_lenient


def _safe(test: Test) -> Test:
    def safe(facts: Facts) -> bool:
        try:
            return test(facts)
        except Unknown:
            return False

    return safe


class Condition:
    """A condition compiled once: the one evaluator of the rules language's conditions.

    `test` decides strictly (an unknown value raises `Unknown`: exemptions), `lenient` decides
    with an unknown value making the comparison that needs it false (classify). `explain` says
    why in words and takes its yes/no from those same tests, so a trace always agrees with the
    decision it explains.
    """

    __slots__ = ("cond", "getters", "lenient", "parts", "sources", "test")
    test: Test
    lenient: Test

    def __init__(self, cond: ast.Cond) -> None:
        self.cond = cond
        self.parts: tuple[Condition, ...] = ()
        self.getters: tuple[Getter, ...] = ()
        self.sources: tuple[str, ...] = ()  # the values as written, for the words
        if isinstance(cond, ast.And | ast.Or):
            self.parts = tuple(Condition(c) for c in cond.operands)
            strict = tuple(part.test for part in self.parts)
            lenient = tuple(part.lenient for part in self.parts)
            if isinstance(cond, ast.And):
                self.test = lambda facts: all(part(facts) for part in strict)
                self.lenient = lambda facts: all(part(facts) for part in lenient)
            else:
                self.test = lambda facts: any(part(facts) for part in strict)
                self.lenient = lambda facts: any(part(facts) for part in lenient)
            return
        if isinstance(cond, ast.Not):
            inner = Condition(cond.operand)
            self.parts = (inner,)
            self.test = lambda facts: not inner.test(facts)
            self.lenient = lambda facts: not inner.lenient(facts)
            return
        self.test = self._leaf(cond)
        self.lenient = _safe(self.test)
        if isinstance(cond, ast.Compare):
            self.sources = (source(cond.left), source(cond.right))
            fast = _fast_compare(cond)
            if fast is not None:
                self.test, self.lenient = fast

    def _leaf(self, cond: ast.Cond) -> Test:
        if isinstance(cond, ast.Truthy):
            name = cond.value.name
            return lambda facts: truth(flag(facts, name))
        if isinstance(cond, ast.Missing):
            missing_name, negated = cond.value.name, cond.negated
            return lambda facts: is_missing(facts, missing_name) != negated
        if isinstance(cond, ast.InSet):
            get = getter(cond.value)
            self.getters = (get,)
            members = tuple(item.value for item in cond.items)
            negated = cond.negated

            def member(facts: Facts) -> bool:
                value = get(facts)
                return any(compare(value, "==", m) for m in members) != negated

            return member
        assert isinstance(cond, ast.Compare)
        left, right, op = getter(cond.left), getter(cond.right), cond.op
        self.getters = (left, right)
        return lambda facts: compare(left(facts), op, right(facts))

    def explain(
        self,
        facts: Facts,
        *,
        strict: bool = False,
        lang: Lang = "en",
        labels: Mapping[str, str] | None = None,
    ) -> tuple[bool, str]:
        """Whether the condition holds, and why in words: `share(thap) = 28/42 = 66.67% ≥ 2/3:
        yes`; with `strict`, an unknown value that decides raises `Unknown` as `test` does.

        Every part of an `and`/`or` is shown, not only the parts a short cut would look at. In
        Vietnamese, an attribute with a declared label (`labels`, id -> label) is said by its
        label where the words are a sentence (why a value is unknown, a flag, a blank cell);
        conditions quoted as written keep their ids.
        """
        cond = self.cond
        if isinstance(cond, ast.And | ast.Or):
            stop = isinstance(cond, ast.Or)  # the value of a part that decides the whole
            parts: list[tuple[bool, str]] = []
            for part in self.parts:
                # strict as `test` (`all`/`any` stop at the part that decides): a part after it
                # is shown, but its unknown value no longer makes the whole unknown
                decided = any(value == stop for value, _ in parts)
                parts.append(
                    part.explain(facts, strict=strict and not decided, lang=lang, labels=labels)
                )
            values = [value for value, _ in parts]
            holds = all(values) if isinstance(cond, ast.And) else any(values)
            word = f" {say(lang, 'and' if isinstance(cond, ast.And) else 'or')} "
            return holds, word.join(
                _wrapped(c, t) for c, (_, t) in zip(cond.operands, parts, strict=True)
            )
        if isinstance(cond, ast.Not):
            inner, text = self.parts[0].explain(facts, strict=strict, lang=lang, labels=labels)
            return not inner, f"{say(lang, 'not')} ({text}): {_yes(not inner, lang)}"
        named = labels if lang == "vi" and labels else {}
        try:
            holds = self.test(facts)  # the decision: the words below only show its values
            return holds, self._words(holds, facts, lang, named)
        except Unknown as unknown:
            if strict:
                raise
            reason = _labelled(unknown.said(lang), named)
            return False, say(lang, "unknown", cond=cond_source(cond), reason=reason)

    def _words(self, holds: bool, facts: Facts, lang: Lang, named: Mapping[str, str]) -> str:
        cond = self.cond
        if isinstance(cond, ast.Truthy):
            value = flag(facts, cond.value.name)
            label = named.get(cond.value.name)
            if label is not None:
                shown = ("có" if value else "không") if isinstance(value, bool) else show(value)
                return f"{label}: {shown}: {_yes(holds, lang)}"
            return f"{cond.value.name} = {show(value)}: {_yes(holds, lang)}"
        if isinstance(cond, ast.Missing):
            blank = holds != cond.negated
            said = _labelled(
                say(lang, "is_blank" if blank else "is_given", name=cond.value.name), named
            )
            return f"{cond_source(cond)}: {said}: {_yes(holds, lang)}"
        if isinstance(cond, ast.InSet):
            _, text = _shown(cond.value, self.getters[0], facts)
            items = ", ".join(source(item) for item in cond.items)
            word = say(lang, "in_set" if holds != cond.negated else "not_in_set")
            return f"{text} {word} {{{items}}}: {_yes(holds, lang)}"
        assert isinstance(cond, ast.Compare)
        if not self.getters:  # a fast comparison: its getters are made only to show values
            self.getters = (getter(cond.left), getter(cond.right))
        left_text = _shown(cond.left, self.getters[0], facts, self.sources[0])[1]
        right_text = _shown(cond.right, self.getters[1], facts, self.sources[1])[1]
        return f"{left_text} {SYMBOLS[cond.op]} {right_text}: {_yes(holds, lang)}"


@functools.lru_cache(maxsize=1024)
def condition(cond: ast.Cond) -> Condition:
    """The compiled condition of `cond` (compiled once per distinct condition)."""
    return Condition(cond)


def compile_cond(cond: ast.Cond, *, strict: bool = False) -> Test:
    """A fast test of the condition; with `strict`, an unknown value raises instead of failing."""
    compiled = condition(cond)
    return compiled.test if strict else compiled.lenient


# --- explaining ------------------------------------------------------------------------------


def show(value: object) -> str:
    """A value as the rules language writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else _decimal(value) or f"{value}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _decimal(value: Fraction, places: int = 6) -> str | None:
    """A fraction as the decimal it is exactly, if it has one of at most `places` places: 17/2
    is "8.5" (a score from the data), 1/3 has none."""
    for place in range(1, places + 1):
        scaled = value * 10**place
        if scaled.denominator == 1:
            whole, rest = divmod(abs(scaled.numerator), 10**place)
            return f"{'-' if value < 0 else ''}{whole}.{rest:0{place}d}"
    return None


source = format_value  # a value as written: `previous share(cao + tn)`, `2/3`, `year(x)`
cond_source = format_cond  # a condition as written, with the parentheses it needs


def _wrapped(cond: ast.Cond, text: str) -> str:
    return f"({text})" if isinstance(cond, ast.And | ast.Or) else text


def _shown(
    value: ast.Value, get: Getter, facts: Facts, text: str | None = None
) -> tuple[object, str]:
    """A value of a condition and how it is shown: `share(thap) = 28/42 = 66.67%` (`text`: the
    value as written, when known)."""
    result = get(facts)
    text = source(value) if text is None else text
    if isinstance(value, ast.Number | ast.Literal_):
        return result, text
    if isinstance(value, ast.Share) and isinstance(result, Fraction):
        owner = facts.previous if value.previous and facts.previous else facts
        count = sum(owner.counts[level] for level in value.levels)
        return result, f"{text} = {count}/{owner.basis} = {percent(result)}%"
    if isinstance(value, ast.Call) and value.func == "rounded" and isinstance(result, Fraction):
        share = value.args[0]
        shown = _rounded_text(result, _places(value))
        if isinstance(share, ast.Share):
            owner = facts.previous if share.previous and facts.previous else facts
            count = sum(owner.counts[level] for level in share.levels)
            return result, f"{text} = {count}/{owner.basis} → {shown}%"
        return result, f"{text} = {shown}%"
    return result, f"{text} = {show(result)}"


def _places(call: ast.Call) -> int:
    places = call.args[1]
    return int(places.value) if isinstance(places, ast.Number) else 0


def _rounded_text(share: Fraction, places: int) -> str:
    """A rounded share as its percentage with exactly `places` decimals: 6667/10000 -> 66.67."""
    scaled = share * 100 * 10**places
    whole = scaled.numerator // scaled.denominator
    if places == 0:
        return str(whole)
    return f"{whole // 10**places}.{whole % 10**places:0{places}d}"


def explain(
    cond: ast.Cond,
    facts: Facts,
    *,
    strict: bool = False,
    lang: Lang = "en",
    labels: Mapping[str, str] | None = None,
) -> tuple[bool, str]:
    """`Condition.explain` of `cond` (compiled once)."""
    return condition(cond).explain(facts, strict=strict, lang=lang, labels=labels)


def _labelled(words: str, labels: Mapping[str, str]) -> str:
    """`người này không có `appointed`` with its label: `… không có “Ngày được bầu”`."""
    for name, label in labels.items():
        words = words.replace(f"`{name}`", f"“{label}”")
    return words


@functools.cache
def _yes(holds: bool, lang: Lang) -> str:
    return say(lang, "yes" if holds else "no")


# --- analysis --------------------------------------------------------------------------------


def conditions(
    cond: ast.Cond,
) -> Iterator[ast.Compare | ast.Truthy | ast.InSet | ast.Missing]:
    """The comparisons, sets, missing tests and bare attributes of a condition, in order."""
    for sub in ast.walk_conds(cond):
        if isinstance(sub, ast.Compare | ast.Truthy | ast.InSet | ast.Missing):
            yield sub


values = ast.walk_values


def attrs_used(cond: ast.Cond) -> tuple[str, ...]:
    """The attribute names a condition reads, in order of appearance."""
    names = (v.name for v in values(cond) if isinstance(v, ast.Attr))
    return tuple(dict.fromkeys(names))


def uses_previous(cond: ast.Cond) -> bool:
    return any(isinstance(v, ast.Share | ast.Count) and v.previous for v in values(cond))


def levels_read(cond: ast.Cond) -> frozenset[str]:
    """Levels of this vote (not the previous one) whose counts the condition reads."""
    found: set[str] = set()
    for v in values(cond):
        if isinstance(v, ast.Share | ast.Count) and not v.previous:
            found.update(v.levels)
    return frozenset(found)


def _reads(value: ast.Value, level: str) -> bool:
    if isinstance(value, ast.Share | ast.Count):
        return not value.previous and level in value.levels
    if isinstance(value, ast.Call):
        return any(_reads(arg, level) for arg in value.args)
    return False


def direction(cond: ast.Cond, level: str) -> int | None:
    """How the condition moves as votes of `level` grow, the basis fixed.

    0: it does not read that level; 1: it can only turn from false to true; -1: only from true to
    false; None: either (a `not`, `==`, a level on both sides, or parts pulling both ways).
    """
    if isinstance(cond, ast.Truthy | ast.Missing):
        return 0
    if isinstance(cond, ast.InSet):
        return None if _reads(cond.value, level) else 0
    if isinstance(cond, ast.Compare):
        on_left, on_right = _reads(cond.left, level), _reads(cond.right, level)
        if not on_left and not on_right:
            return 0
        bare = cond.left if on_left else cond.right
        if on_left == on_right or isinstance(bare, ast.Call) or cond.op in ("==", "!="):
            return None
        op = cond.op if on_left else FLIPPED[cond.op]
        return 1 if op in (">", ">=") else -1
    if isinstance(cond, ast.Not):
        return 0 if direction(cond.operand, level) == 0 else None
    return combine(direction(c, level) for c in cond.operands)


def combine(directions: Iterator[int | None] | list[int | None]) -> int | None:
    """The direction of parts taken together: one way, or None when they pull both ways."""
    seen: set[int] = set()
    for d in directions:
        if d is None:
            return None
        if d:
            seen.add(d)
    if len(seen) > 1:
        return None
    return seen.pop() if seen else 0
