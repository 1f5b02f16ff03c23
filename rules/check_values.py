"""The checker on values: basis, quorum, schedule, comparisons and calls, example figures."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction

from . import ast
from .check_common import (
    ARITY,
    COLUMNS,
    FUNCTIONS,
    MAX_PLACES,
    VOTE_NAMES,
    WORDS,
    File,
    Findings,
    Kind,
    Place,
    attr_kind,
    conds,
    first_word,
    kind_of,
    scalar_kind,
    setting_groups,
    show,
    values,
    votes,
    whole,
)
from .errors import did_you_mean
from .messages import Message, message

# Turnout figures from the smallest to the largest: each may not exceed the next one given.
TURNOUT_ORDER = ("valid", "collected", "issued", "present", "members")
# 0.01 percentage point: how close a decimal must be to a simple fraction to be taken for it.
NEAR = Fraction(1, 10_000)
SIMPLE_DENOMINATORS = range(2, 13)


# --- statements ------------------------------------------------------------------------------


def basis(out: Findings, f: File, basis: ast.Basis) -> None:
    if basis.kind not in ast.BASES:
        out.error(
            f,
            Place.of(basis.span),
            message("check.not_basis", kind=basis.kind),
            did_you_mean(basis.kind, ast.BASES),
        )


def quorum(out: Findings, f: File, quorum: ast.Quorum) -> None:
    measure = Place.at(quorum.measure_span, quorum.span)
    of = Place.at(quorum.of_span, quorum.span)
    for name, place in ((quorum.measure, measure), (quorum.of, of)):
        if name not in ast.TURNOUT:
            out.error(
                f,
                place,
                message("check.not_turnout", name=name),
                did_you_mean(name, ast.TURNOUT),
            )
    number = quorum.fraction
    if not 0 <= number.value <= 1:
        out.error(f, Place.of(number.span), message("check.quorum_outside", text=number.text))
    near_fraction(out, f, number)
    if quorum.measure == quorum.of and quorum.measure in ast.TURNOUT:
        out.warn(f, measure, message("check.quorum_itself", name=quorum.measure))
    if quorum.op in ("<", "<=", "!="):
        out.warn(
            f,
            Place.at(quorum.op_span, quorum.span),
            message("check.quorum_few", op=quorum.op),
            message("check.quorum_minimum"),
        )


def schedule(out: Findings, f: File, schedule: ast.Schedule) -> None:
    keyword = first_word(schedule.span, "schedule")
    first: dict[str, ast.Span] = {}
    for word, span in schedule.items:
        if word in first:
            line = first[word].line
            out.error(
                f,
                Place.of(span),
                message("check.schedule_twice", word=word, line=line),
            )
        first.setdefault(word, span)
    # Which items were written is known of a parsed schedule only, not of one built in code.
    written = schedule.span != ast.NOWHERE
    term = schedule.term_years
    if written and "term" not in first:
        out.error(f, keyword, message("check.no_term"), message("check.say_term"))
    elif term < 1:
        out.error(
            f,
            Place.at(schedule.term_span, schedule.span),
            message("check.term_short", term=term),
        )
    if written and "vote" not in first:
        out.warn(
            f,
            keyword,
            message("check.no_vote"),
            message("check.write_vote"),
        )
    listed: set[int] = set()
    for i, year in enumerate(schedule.years):
        spans = schedule.year_spans
        place = Place.of(spans[i]) if i < len(spans) else keyword
        if year in listed:
            out.error(f, place, message("check.year_twice", year=year))
        elif year < 1 or (term >= 1 and year > term):
            outside = message("check.year_outside_of", year=year, term=term)
            out.error(f, place, outside if term >= 1 else message("check.year_outside", year=year))
        listed.add(year)
    if schedule.month is not None and not 1 <= schedule.month <= 12:
        place = Place.at(schedule.month_span, schedule.span)
        out.error(f, place, message("check.not_month", month=schedule.month))


# --- conditions, on their own ----------------------------------------------------------------


def _rounded_sides(when: ast.Cond) -> set[int]:
    """The numbers compared with `rounded(…)`: `66.67%` there is meant as printed, not 2/3."""
    found: set[int] = set()
    for sub in conds(when):
        if isinstance(sub, ast.Compare):
            for one, other in ((sub.left, sub.right), (sub.right, sub.left)):
                if isinstance(other, ast.Call) and other.func == "rounded":
                    found.add(id(one))
    return found


def cond(out: Findings, f: File, when: ast.Cond) -> None:
    as_printed = _rounded_sides(when)
    for sub in conds(when):
        if isinstance(sub, ast.Compare):
            _compare(out, f, sub)
        elif isinstance(sub, ast.Truthy):
            _truthy(out, f, sub)
        elif isinstance(sub, ast.InSet):
            in_set(out, f, sub)
        elif isinstance(sub, ast.Missing):
            missing(out, f, sub)
    for value in values(when):
        if isinstance(value, ast.Call):
            _call(out, f, value)
        elif isinstance(value, ast.Number) and id(value) not in as_printed:
            near_fraction(out, f, value, in_condition=True)
        elif isinstance(value, ast.Share | ast.Count):
            seen: set[str] = set()
            for level, span in zip(value.levels, value.level_spans, strict=False):
                if level in seen:
                    twice = message("check.level_counted_twice", level=level, value=show(value))
                    out.error(f, Place.of(span), twice)
                seen.add(level)


def _truthy(out: Findings, f: File, cond: ast.Truthy) -> None:
    kind = attr_kind(cond.value.name)
    if kind != "any":
        out.error(
            f,
            Place.of(cond.value.span),
            message("check.not_true_false", name=cond.value.name, kind=WORDS[kind]),
            message("check.compare_it"),
        )


def _compare(out: Findings, f: File, cond: ast.Compare) -> None:
    left, right = cond.left, cond.right
    kinds = (kind_of(left), kind_of(right))
    if cond.op not in ("==", "!="):
        for kind in kinds:
            if kind in ("bool", "text"):
                out.error(
                    f,
                    Place.of(cond.span),
                    message("check.op_not_for", op=cond.op, kind=WORDS[kind]),
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
                message("check.did_you_mean_percent", text=number.text)
                if not number.is_percent and 1 < number.value <= 100
                else None
            )
            out.error(
                f,
                Place.of(number.span),
                message("check.threshold_outside", text=number.text, value=show(other)),
                percent,
            )
        return
    if pair == {"votes", "number"}:
        if isinstance(number, ast.Number) and (number.value.denominator != 1 or number.is_percent):
            hint: Message | None = None
            if isinstance(other, ast.Count):
                prefix = "previous " if other.previous else ""
                share = f"{prefix}share({' + '.join(other.levels)})"
                hint = message("check.use_share", share=share)
            out.error(
                f,
                Place.of(number.span),
                message("check.whole_votes", value=show(other), text=number.text),
                hint,
            )
        return
    out.error(
        f,
        Place.of(cond.span),
        message(
            "check.cannot_compare",
            left=show(left),
            left_kind=WORDS[kinds[0]],
            right=show(right),
            right_kind=WORDS[kinds[1]],
        ),
    )


def _call(out: Findings, f: File, call: ast.Call) -> None:
    place = first_word(call.span, call.func)
    if call.func not in ARITY:
        out.error(
            f,
            place,
            message("check.unknown_function", name=call.func),
            did_you_mean(call.func, ARITY) or message("check.the_functions"),
        )
        return
    if len(call.args) != ARITY[call.func]:
        takes = FUNCTIONS[call.func]
        out.error(f, place, message("check.arity", name=call.func, takes=takes, n=len(call.args)))
        return
    if call.func == "rounded":
        _rounded(out, f, call)
        return
    for arg in call.args:
        kind = kind_of(arg)
        if kind not in ("date", "any"):
            out.error(
                f,
                Place.of(arg.span),
                message("check.needs_date", name=call.func, value=show(arg), kind=WORDS[kind]),
            )


def _rounded(out: Findings, f: File, call: ast.Call) -> None:
    """`rounded(share(x), 2)`: a share of this or the previous vote, and whole decimal places."""
    share, places = call.args
    if not isinstance(share, ast.Share):
        out.error(
            f,
            Place.of(share.span),
            message("check.rounds_share", value=show(share)),
            message("check.write_rounded"),
        )
    if (
        not isinstance(places, ast.Number)
        or not re.fullmatch(r"\d+", places.text)
        or places.value > MAX_PLACES
    ):
        out.error(
            f,
            Place.of(places.span),
            message("check.places", max=MAX_PLACES, value=show(places)),
            message("check.rounded_example"),
        )


def in_set(out: Findings, f: File, cond: ast.InSet) -> None:
    """`x in {…}`: a set that is not empty, of one kind, that `x` can equal, each member once."""
    word = "not in" if cond.negated else "in"
    if not cond.items:
        out.error(
            f,
            Place.of(cond.span),
            message("check.set_empty", word=word),
            message("check.list_values"),
        )
        return
    kinds = [kind_of(item) for item in cond.items]
    for item, kind in zip(cond.items, kinds, strict=True):
        if kind != kinds[0]:
            out.error(
                f,
                Place.of(item.span),
                message(
                    "check.set_kinds",
                    first=show(cond.items[0]),
                    first_kind=WORDS[kinds[0]],
                    item=show(item),
                    kind=WORDS[kind],
                ),
            )
            return
    own = kind_of(cond.value)
    pair = {own, kinds[0]}
    if own != "any" and own != kinds[0] and pair not in ({"share", "number"}, {"votes", "number"}):
        out.error(
            f,
            Place.of(cond.span),
            message(
                "check.never_in_set",
                value=show(cond.value),
                kind=WORDS[own],
                set_kind=WORDS[kinds[0]],
            ),
        )
    seen: set[object] = set()
    for item in cond.items:
        key = (type(item.value), item.value)
        if key in seen:
            out.warn(f, Place.of(item.span), message("check.set_listed_twice", value=show(item)))
        seen.add(key)


def missing(out: Findings, f: File, cond: ast.Missing) -> None:
    if isinstance(cond.value, ast.Turnout):
        out.error(
            f,
            Place.of(cond.value.span),
            message("check.never_missing", name=cond.value.name),
            message("check.missing_is_for"),
        )


def near_fraction(
    out: Findings, f: File, number: ast.Number, *, in_condition: bool = False
) -> None:
    if "." not in number.text:
        return
    value = number.value
    for q in SIMPLE_DENOMINATORS:
        simple = Fraction(round(value * q), q)
        if simple.denominator == 1 or simple == value:
            continue
        if abs(simple - value) <= NEAR:
            out.warn(
                f,
                Place.of(number.span),
                message("check.near_fraction", text=number.text, simple=simple, value=value),
                message("check.compare_printed") if number.is_percent and in_condition else None,
            )
            return


# --- examples --------------------------------------------------------------------------------


def example(out: Findings, f: File, example: ast.Example) -> None:
    """Settings whose kind does not depend on the rule set: turnout, vote date and year."""
    for settings in setting_groups(example):
        seen: set[str] = set()
        for setting in settings:
            if setting.name not in seen:  # a name set twice is said once, as such
                _fixed_setting(out, f, setting)
            seen.add(setting.name)


def _fixed_setting(out: Findings, f: File, setting: ast.Setting) -> None:
    place = Place.at(setting.value_span, setting.span)
    if setting.name in ast.TURNOUT and not whole(setting):
        out.error(f, place, message("check.whole_setting", name=setting.name, text=setting.text))
    elif setting.name == "vote_date" and not isinstance(setting.value, dt.date):
        out.error(f, place, message("check.vote_date", text=setting.text))
    elif setting.name == "vote_year" and not whole(setting):
        out.error(f, place, message("check.vote_year", text=setting.text))


def setting(
    out: Findings,
    f: File,
    setting: ast.Setting,
    counted: set[str],
    known: Sequence[str],
    attributes: Mapping[str, tuple[Kind, File, int]],
) -> None:
    """A setting against the rule set: the votes of a level, or an attribute of its kind."""
    name = setting.name
    value = Place.at(setting.value_span, setting.span)
    if name in counted:
        if not whole(setting):
            out.error(f, value, message("check.whole_level_votes", name=name, text=setting.text))
        return
    if name in ast.TURNOUT or name in VOTE_NAMES or name in COLUMNS:
        return
    if name not in attributes:
        out.error(
            f,
            first_word(setting.span, name),
            message("check.unknown_setting", name=name),
            did_you_mean(name, known),
        )
        return
    kind, there, line = attributes[name]
    if setting.value == "":
        return  # a blank cell: `is missing` holds, any other use of it is unknown
    if kind != "any" and scalar_kind(setting.value) != kind:
        out.error(
            f,
            value,
            message(
                "check.setting_kind",
                name=name,
                kind=WORDS[kind],
                where=out.where(f, there, line),
                text=setting.text,
            ),
        )


def turnout_adds_up(
    out: Findings, f: File, settings: Sequence[ast.Setting], counted: set[str]
) -> None:
    given: dict[str, ast.Setting] = {}
    for s in settings:
        given.setdefault(s.name, s)  # a name set twice is reported elsewhere
    given = {name: s for name, s in given.items() if whole(s)}
    level_settings = [s for s in given.values() if s.name in counted]
    chain: list[tuple[str, int, ast.Setting]] = []
    if level_settings:
        total = sum(votes(s) for s in level_settings)
        chain.append(("the levels", total, level_settings[0]))
    for name in TURNOUT_ORDER:
        if name in given:
            chain.append((name, votes(given[name]), given[name]))
    for (name, count, s), (bigger, limit, _) in itertools.pairwise(chain):
        if count <= limit:
            continue
        if name == "the levels":
            over = message("check.levels_over", n=count, bigger=bigger, limit=limit)
        else:
            over = message("check.figure_over", name=name, n=count, bigger=bigger, limit=limit)
        out.error(f, first_word(s.span, s.name), over)
    if all(n in given for n in ("valid", "invalid", "collected")):
        valid, invalid = votes(given["valid"]), votes(given["invalid"])
        collected = votes(given["collected"])
        if valid + invalid != collected:
            out.error(
                f,
                first_word(given["invalid"].span, "invalid"),
                message(
                    "check.valid_invalid",
                    valid=valid,
                    invalid=invalid,
                    total=valid + invalid,
                    collected=collected,
                ),
            )
