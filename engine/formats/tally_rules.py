"""The consistency rules of a row of tallies, written once as data.

Each rule tests the figures of a row: members, present, issued, collected, valid, invalid and
the sum of the levels, in this order, None where the row gives no such figure. The same test is
mapped over whole columns to find the rows worth a look (`screen`) and applied to one row to say
what is wrong with it (`apply`): the two can no longer disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, count

from tinnhiem.rules.messages import Message, message

from .values import shown

FIGURES = ("members", "present", "issued", "collected", "valid", "invalid")
TOTAL = "total"  # the sum of the levels, the seventh figure
# the figure the levels must not exceed: the first of these a row gives
CAPS = ("valid", "collected", "issued", "present", "members")

Figures = tuple[int | None, ...]  # the seven figures of one row


def figure(kind: str, n: object) -> Message:
    """ "48 ballots collected", "47 members", said in the reader's language."""
    return message(f"figure.{kind}", n=shown(n))


def amount(kind: str, n: int) -> str:
    """ "48 ballots collected", "47 members"."""
    return str(figure(kind, n))


def parts(counts: Mapping[str, int]) -> str:
    """ "cao 20 + tn 15 + thap 3": the counts as a message shows them."""
    return " + ".join(f"{key} {n}" for key, n in counts.items())


@dataclass(frozen=True, slots=True)
class Rule:
    """One check of a row: `test` over the seven figures; `blame` names the figure whose column
    the message is said at, `say` the message. `final`: the checks of the levels that follow are
    not made once it fails (one message about the levels is enough). `short` marks the one rule
    that is a warning (fewer votes than ballots), gathered by kind rather than said per row."""

    name: str
    needs: tuple[str, ...]  # figures it reads: without a column for each, it never fails
    test: Callable[..., bool]
    blame: Callable[[Figures], str]
    say: Callable[[Figures, Mapping[str, int]], Message | str]
    final: bool = False
    short: bool = False


def _at(kind: str) -> int:
    return FIGURES.index(kind)


def _over_members(kind: str) -> Rule:
    at = _at(kind)
    return Rule(
        f"{kind}_over_members",
        ("members", kind),
        lambda *f: f[0] is not None and f[at] is not None and f[at] > f[0],
        lambda f: kind,
        lambda f, _: message(
            "rule.over", figure=figure(kind, f[at]), limit=figure("members", f[0])
        ),
    )


def _over_collected(kind: str) -> Rule:
    """Valid (or invalid) above the ballots collected, where the other of the two is not given
    (with both, `ballots_add_up` says it)."""
    at, other = _at(kind), _at("invalid" if kind == "valid" else "valid")
    return Rule(
        f"{kind}_over_collected",
        ("collected", kind),
        lambda *f: f[3] is not None and f[other] is None and f[at] is not None and f[at] > f[3],
        lambda f: kind,
        lambda f, _: message(
            "rule.over", figure=figure(kind, f[at]), limit=figure("collected", f[3])
        ),
    )


_CAP_AT = tuple(FIGURES.index(kind) for kind in CAPS)


def cap(f: Figures) -> int | None:
    """The position of the figure the levels must not exceed, None if the row gives none."""
    for kind in CAPS:
        if f[_at(kind)] is not None:
            return _at(kind)
    return None


def expected(f: Figures) -> tuple[int, str, str] | None:
    """The ballots the levels should add up to, the kind they are, and the column said."""
    collected, valid, invalid = f[3], f[4], f[5]
    if valid is None and collected is not None and invalid is not None:
        return collected - invalid, "valid", "collected"
    if valid is not None:
        return valid, "valid", "valid"
    if collected is not None:
        return collected, "collected", "collected"
    return None


def _levels_over_cap(*f: int | None) -> bool:
    total = f[6]
    if total is None:
        return False
    for at in _CAP_AT:  # `cap`, spelled out: this runs once per row
        figure = f[at]
        if figure is not None:
            return total > figure
    return False


def _levels_over_cap_say(f: Figures, counts: Mapping[str, int]) -> Message:
    at = cap(f)
    assert at is not None
    limit = figure(FIGURES[at], f[at])
    return message("rule.levels_over", total=f[6], parts=parts(counts), limit=limit)


def _levels_over_derived(*f: int | None) -> bool:
    _, _, _, collected, valid, invalid, total = f
    if total is None or valid is not None or collected is None or invalid is None:
        return False
    return total > collected - invalid


def _levels_over_derived_say(f: Figures, counts: Mapping[str, int]) -> Message:
    collected, invalid, total = f[3], f[5], f[6]
    assert collected is not None and invalid is not None
    limit = figure("valid", collected - invalid)
    return message(
        "rule.levels_over_derived",
        total=total,
        parts=parts(counts),
        limit=limit,
        collected=collected,
        invalid=invalid,
    )


def _fewer(*f: int | None) -> bool:
    total = f[6]
    if total is None:
        return False
    found = expected(f)
    return found is not None and total < found[0]


RULES: tuple[Rule, ...] = (
    *(_over_members(kind) for kind in ("present", "issued", "collected", "valid", "invalid")),
    Rule(
        "issued_over_present",
        ("issued", "present"),
        lambda *f: f[2] is not None and f[1] is not None and f[2] > f[1],
        lambda f: "issued",
        lambda f, _: message("rule.over_present", figure=figure("issued", f[2]), present=f[1]),
    ),
    Rule(
        "collected_over_issued",
        ("collected", "issued"),
        lambda *f: f[3] is not None and f[2] is not None and f[3] > f[2],
        lambda f: "collected",
        lambda f, _: message("rule.over_issued", figure=figure("collected", f[3]), issued=f[2]),
    ),
    Rule(
        "ballots_add_up",
        ("collected", "valid", "invalid"),
        lambda *f: None not in f[3:6] and f[4] + f[5] != f[3],
        lambda f: "collected",
        lambda f, _: message(
            "rule.ballots_add_up",
            valid=f[4],
            invalid=f[5],
            sum=f[4] + f[5],  # type: ignore[operator]
            figure=figure("collected", f[3]),
        ),
    ),
    _over_collected("valid"),
    _over_collected("invalid"),
    Rule(
        "levels_over_cap",
        (TOTAL,),
        _levels_over_cap,
        lambda f: FIGURES[cap(f) or 0],
        _levels_over_cap_say,
        final=True,
    ),
    Rule(
        "levels_over_derived_valid",
        (TOTAL, "collected", "invalid"),
        _levels_over_derived,
        lambda f: "collected",
        _levels_over_derived_say,
        final=True,
    ),
    Rule(
        "fewer_votes_than_ballots",
        (TOTAL,),
        _fewer,
        lambda f: (expected(f) or (0, "", "collected"))[2],
        lambda f, _: "",  # gathered into one warning per kind: `short_warning`
        final=True,
        short=True,
    ),
)


def apply(f: Figures) -> Iterator[Rule]:
    """The rules one row fails, in order, none after a final one."""
    for rule in RULES:
        if rule.test(*f):
            yield rule
            if rule.final:
                return


def screen(columns: Mapping[str, Sequence[int | None]], rows: int) -> Iterable[int]:
    """The positions of the rows that fail a rule, each rule mapped over whole columns (a figure
    the file has no column for is None in every row). A row whose figures cannot be read as
    plain counts may be found or not: it is looked at anyway."""
    nothing = [None] * rows
    given = [columns.get(kind, nothing) for kind in (*FIGURES, TOTAL)]
    found: set[int] = set()
    for rule in RULES:
        if all(kind in columns for kind in rule.needs):
            found.update(compress(count(), map(rule.test, *given)))
    return found


def short_warning(kind: str, rows: list[tuple[int, int, int]]) -> tuple[Message, int]:
    """The warning of the rows whose levels add up to fewer than the ballots of `kind`: the
    message and the row it is said at (0 for several)."""
    why = "valid" if kind == "valid" else "collected"
    if len(rows) == 1:
        ((number, total, wanted),) = rows
        said = message(
            "rule.short.single",
            total=total,
            gap=wanted - total,
            limit=figure(kind, wanted),
            why=message(f"rule.short.why.{why}.one"),
        )
        return said, number
    gaps = sorted({wanted - total for _, total, wanted in rows})
    by: object = (
        gaps[0] if len(gaps) == 1 else message("rule.short.range", low=gaps[0], high=gaps[-1])
    )
    said = message(
        "rule.short.many",
        n=len(rows),
        numbers=", ".join(str(number) for number, _, _ in rows),
        what=message("basis.valid" if kind == "valid" else "basis.collected"),
        by=by,
        why=message(f"rule.short.why.{why}.other"),
    )
    return said, 0
