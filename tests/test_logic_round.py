"""The round read beside the vote's year and date, decided exactly: on random pairs of rule sets
the solver never calls impossible what the bounded search finds, and the engine gives every
witness of the solver the outcomes it was found for."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinnhiem.engine.diff import diff
from tinnhiem.rules import ast, load_text
from tinnhiem.rules.logic import Reading, Session, Want, space_of
from tinnhiem.rules.meaning import EXEMPT, INVALID
from tinnhiem.rules.search import table

ROUNDS = ("2018-12-27", "2019", "2019-01-05", "này")
OPS = ("==", "!=", ">=", "<")


@st.composite
def atom(draw: st.DrawFn, dates: bool) -> str:
    kinds = ("round", "rounds", "year", "share") + (("date",) if dates else ())
    kind = draw(st.sampled_from(kinds))
    if kind == "round":
        return f'round {draw(st.sampled_from(("==", "!=")))} "{draw(st.sampled_from(ROUNDS))}"'
    if kind == "rounds":
        chosen = draw(st.lists(st.sampled_from(ROUNDS), min_size=1, max_size=2, unique=True))
        return "round in {" + ", ".join(f'"{r}"' for r in chosen) + "}"
    if kind == "year":
        return f"vote_year {draw(st.sampled_from(OPS))} {draw(st.sampled_from((2018, 2019)))}"
    if kind == "date":
        day = draw(st.sampled_from(("2018-12-27", "2019-01-01")))
        return f"vote_date {draw(st.sampled_from(OPS))} {day}"
    return f"share(thap) {draw(st.sampled_from(('>', '<=')))} 1/2"


@st.composite
def condition(draw: st.DrawFn, dates: bool) -> str:
    if draw(st.booleans()):
        return draw(atom(dates))
    left, right = draw(atom(dates)), draw(atom(dates))
    return f"({left}) {draw(st.sampled_from(('and', 'or')))} ({right})"


@st.composite
def ruleset(draw: st.DrawFn, name: str, dates: bool) -> str:
    lines = [
        f'ruleset "{name}"',
        'levels { cao "Cao"; tn "TN"; thap "Thấp" }',
        "basis collected",
        'classify c "C" {',
    ]
    lines += [
        f'  r{i} "R{i}" when {draw(condition(dates))}' for i in range(draw(st.integers(1, 2)))
    ]
    lines += ['  else other "Khác"', "}"]
    return "\n".join(lines) + "\n"


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str]:
    return draw(ruleset("A", draw(st.booleans()))), draw(ruleset("B", draw(st.booleans())))


def _load(name: str, text: str) -> ast.Resolved:
    resolved = load_text(text, f"{name}.tn").resolved
    assert resolved is not None
    return resolved


COMMON = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(pairs())
def test_what_the_bounded_search_finds_the_solver_does_not_call_impossible(
    texts: tuple[str, str],
) -> None:
    a, b = (Reading.of(_load(n, text)) for n, text in zip("ab", texts, strict=True))
    space = space_of([a, b])
    block_a, block_b = a.ruleset.classifies[0], b.ruleset.classifies[0]
    bounded = table(space, [(a, block_a), (b, block_b)], 1)
    session = Session(space, [a, b], 120)  # agreement is the question here, not speed
    for oa in [r.id for r in block_a.rules] + [EXEMPT, INVALID]:
        for ob in [r.id for r in block_b.rules] + [EXEMPT, INVALID]:
            exact = session.ask([Want(a, block_a, oa), Want(b, block_b, ob)], smallest=False)
            if exact.status == "impossible":
                assert bounded.get((oa, ob)) is None, (oa, ob, bounded.get((oa, ob)))


@COMMON
@given(pairs())
def test_every_witness_of_the_solver_gives_both_outcomes_in_the_engine(
    texts: tuple[str, str],
) -> None:
    a, b = (_load(n, text) for n, text in zip("ab", texts, strict=True))
    for block in diff(a, b, timeout=120).blocks:
        assert block.exact, block.reasons
        for pair in block.differences:
            assert pair.confirmed, (pair.a, pair.b, pair.engine, pair.witness)
