"""Whether the data's votes were held while the rule set was in force (`in force from … until …`).

A rule set applied to votes held before or after its dates of force gives an answer the law of
those votes never gave: that is said, never silently taken for granted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from tinnhiem.rules import ast

from . import conditions as cond
from .model import DataIssue, Dataset, Origin, Scalar, Seen
from .words import Lang, say

SHOWN = 5  # vote dates listed in the warning; more are counted


def _iso(day: dt.date | None, lang: Lang) -> str:
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def in_force_text(in_force: ast.InForce, lang: Lang) -> str:
    """`from 2015-07-01 until 2023-06-30` (either part left out), in the reader's language."""
    parts = []
    if in_force.start is not None:
        parts.append(say(lang, "in_force.from", day=_iso(in_force.start, lang)))
    if in_force.end is not None:
        parts.append(say(lang, "in_force.until", day=_iso(in_force.end, lang)))
    return " ".join(parts)


def _outside(in_force: ast.InForce, day: dt.date | None, year: int | None) -> bool:
    start, end = in_force.start, in_force.end
    if day is not None:
        return (start is not None and day < start) or (end is not None and day > end)
    if year is not None:  # only the year is known: outside when no day of it was in force
        return (start is not None and year < start.year) or (end is not None and year > end.year)
    return False


def in_force_warnings(
    ruleset: ast.Resolved, dataset: Dataset, lang: Lang = "en"
) -> list[DataIssue]:
    """One warning when some votes of the data were held outside the rule set's dates of force."""
    in_force = ruleset.in_force
    if in_force is None:
        return []
    found: dict[str, None] = {}
    seen = Seen.of(dataset.tallies)
    votes: Iterable[tuple[Mapping[str, Scalar], str]]
    if seen.attrs & {"vote_date", "vote_year"}:
        votes = ((tally.attrs, tally.round) for tally in dataset.tallies)
    else:  # the round alone dates a vote: each distinct round once, in the order of the data
        votes = (({}, round_) for round_ in seen.rounds)
    for attrs, round_ in votes:
        day = cond.vote_date(attrs, round_)
        year = None if day is not None else cond.vote_year(attrs, round_)
        if _outside(in_force, day, year):
            found[_iso(day, lang) if day is not None else str(year)] = None
    if not found:
        return []
    days = list(found)
    shown = ", ".join(days[:SHOWN])
    if len(days) > SHOWN:
        shown += say(lang, "in_force.more", n=len(days) - SHOWN)
    name = ruleset.in_force_of or ruleset.name
    message = say(
        lang, "in_force.outside", name=name, when=in_force_text(in_force, lang), days=shown
    )
    return [DataIssue("warning", message, Origin(dataset.path))]
