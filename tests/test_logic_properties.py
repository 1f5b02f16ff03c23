"""The solver, the bounded search and the engine agree on random pairs of small rule sets.

Rule sets are generated as text and parsed, so that what is tested is what a user can write:
bases, quorums, exemptions (on a flag, a count, a share of a basis that may be 0, an attribute
that may be blank), rules with `and`/`or`/`not`, shares, counts, `leave is (not) missing`,
comparisons of `leave` (unknown when blank), `rounded(share(..), N)` and the previous vote.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinnhiem.engine.diff import diff, outcome_of, witness_example
from tinnhiem.engine.examples import example_result
from tinnhiem.rules import ast, load_text
from tinnhiem.rules.logic import Reading, Session, Want, Witness, space_of
from tinnhiem.rules.meaning import EXEMPT, INVALID
from tinnhiem.rules.search import PREVIOUS_BOUND, table

LEVELS = ("cao", "tn", "thap")
FRACTIONS = ("0", "1/3", "1/2", "50%", "2/3", "1")
OPS = (">", ">=", "<", "<=", "==", "!=")


@st.composite
def levels_sum(draw: st.DrawFn) -> str:
    chosen = draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=2, unique=True))
    return " + ".join(chosen)


@st.composite
def atom(draw: st.DrawFn, previous: bool) -> str:
    kind = draw(
        st.sampled_from(
            ("share", "count", "flag", "leave", "rounded", "previous")
            if previous
            else ("share", "count", "flag", "leave", "rounded")
        )
    )
    op = draw(st.sampled_from(OPS))
    if kind == "flag":
        return "flag"
    if kind == "leave":  # a cell that may be blank: missing, or unknown where compared
        return draw(st.sampled_from(("leave is missing", "leave is not missing", f"leave {op} 1")))
    if kind == "count":
        return f"count({draw(levels_sum())}) {op} {draw(st.integers(0, 3))}"
    if kind == "rounded":  # the percentage half up, at 0 or 1 places
        percent = draw(st.sampled_from(("33%", "33.3%", "50%", "66.7%", "67%", "100%")))
        return f"rounded(share({draw(levels_sum())}), {draw(st.integers(0, 1))}) {op} {percent}"
    back = "previous " if kind == "previous" else ""
    return f"{back}share({draw(levels_sum())}) {op} {draw(st.sampled_from(FRACTIONS))}"


@st.composite
def condition(draw: st.DrawFn, previous: bool, depth: int = 2) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(atom(previous))
    shape = draw(st.sampled_from(("and", "or", "not")))
    if shape == "not":
        return f"not ({draw(condition(previous, depth - 1))})"
    left, right = draw(condition(previous, depth - 1)), draw(condition(previous, depth - 1))
    return f"({left}) {shape} ({right})"


@st.composite
def ruleset(draw: st.DrawFn, name: str, previous: bool) -> str:
    lines = [
        f'ruleset "{name}"',
        'levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }',
    ]
    lines.append(
        f"basis {draw(st.sampled_from(('members', 'present', 'issued', 'collected', 'valid')))}"
    )
    if draw(st.booleans()):
        measure = draw(st.sampled_from(("present", "issued", "collected")))
        op = draw(st.sampled_from((">=", ">")))
        lines.append(f"quorum {measure} {op} {draw(st.sampled_from(('1/2', '2/3')))} of members")
    if draw(st.booleans()):
        when = draw(
            st.sampled_from(
                (
                    "flag",
                    "count(thap) > 2",
                    "share(thap) >= 1/2",
                    "not flag and count(cao) == 0",
                    "leave >= 1 or count(thap) > 1",
                    # read on the previous vote's row too, where a rule reads it
                    "leave is missing",
                    "not (leave is not missing and leave == 0)",
                    "count(thap) > 1 or leave is not missing",
                )
            )
        )
        lines.append(f'exempt "Miễn" when {when}')
    rules = [
        f'  r{i} "R{i}" when {draw(condition(previous))}' for i in range(draw(st.integers(1, 3)))
    ]
    lines += ['classify c "C" {', *rules, '  else other "Khác"', "}"]
    return "\n".join(lines) + "\n"


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str]:
    previous = draw(st.booleans()) and draw(st.booleans())  # the previous vote, now and then
    return draw(ruleset("A", previous)), draw(ruleset("B", previous))


def _load(name: str, text: str) -> ast.Resolved:
    """The rule set even when the checker finds a rule that never matches: its meaning stands."""
    resolved = load_text(text, f"{name}.tn").resolved
    assert resolved is not None
    return resolved


def _tally(w: Witness | None) -> object:
    if w is None:
        return None
    return (w.turnout, w.counts, _tally(w.previous))


def _within(w: Witness, bound: int) -> bool:
    t = w.turnout
    own = max(t["members"], t["collected"]) <= bound
    before = w.previous
    if before is None:
        return own
    return own and before.turnout["members"] <= min(bound, PREVIOUS_BOUND)


# derandomize: the same 40 pairs every run. Random pairs now and then drew one the solver needs
# seconds of its wall-clock budget for; on a loaded machine that budget ran out, and hypothesis
# then spent minutes shrinking a failure that was the machine's, not the logic's.
# `HYPOTHESIS_PROFILE=thorough` (tests/conftest.py) draws ten times as many, at random.
COMMON = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# what is compared here is the two answers, not the solver's speed: a budget no load exhausts
BUDGET = 600.0


@COMMON
@given(pairs())
def test_the_solver_and_the_bounded_search_agree(texts: tuple[str, str]) -> None:
    a, b = (Reading.of(_load(n, text)) for n, text in zip("ab", texts, strict=True))
    space = space_of([a, b])
    block_a, block_b = a.ruleset.classifies[0], b.ruleset.classifies[0]
    bound = 2 if space.previous else 3
    bounded = table(space, [(a, block_a), (b, block_b)], bound)
    session = Session(space, [a, b], timeout=BUDGET)
    outcomes_a = [r.id for r in block_a.rules] + [EXEMPT, INVALID]
    outcomes_b = [r.id for r in block_b.rules] + [EXEMPT, INVALID]
    for oa in outcomes_a:
        for ob in outcomes_b:
            exact = session.ask([Want(a, block_a, oa), Want(b, block_b, ob)])
            near = bounded.get((oa, ob))
            if exact.status == "impossible":
                assert near is None, (oa, ob, near)
                continue
            assert exact.witness is not None
            if _within(exact.witness, bound):
                assert _tally(near) == _tally(exact.witness), (oa, ob)
            elif near is not None:
                assert exact.witness.key() < near.key(), (oa, ob)


@COMMON
@given(pairs())
def test_every_witness_gives_both_outcomes_in_the_engine(texts: tuple[str, str]) -> None:
    a, b = (_load(n, text) for n, text in zip("ab", texts, strict=True))
    for solver in (True, False):
        found = diff(a, b, solver=solver, bound=2)
        for block in found.blocks:
            for pair in block.pairs:
                assert pair.confirmed, (pair.a, pair.b, pair.engine, pair.witness)
                # agreements too (the diff does not evaluate those itself)
                got = tuple(
                    outcome_of(example_result(rs, witness_example("w", pair.witness, "c", "")), "c")
                    for rs in (a, b)
                )
                assert got == (pair.a, pair.b), (got, pair.witness)
