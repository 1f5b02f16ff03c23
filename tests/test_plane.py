"""Blocks of bands on two quantities: the sweep of their plane (`rules.boxes`) and the solver's
one question per rule (`rules.plane_check`) say what the plain chain of "no earlier rule
matched" says, on random small blocks and on shapes chosen for their edges."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tinnhiem.rules import ast, load_text
from tinnhiem.rules.boxes import plane
from tinnhiem.rules.logic import Reading, Session, space_of

from tinnhiem.cli import main

HEAD = (
    'ruleset "P"\nlevels {{ cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }}\n'
    "basis {basis}\n"
)
# pairs of quantities: levels apart, one inside the other, a share and a count, two counts
PAIRS = (
    ("share(thap)", "share(cao)"),
    ("share(thap)", "share(thap + tn)"),
    ("share(cao + tn)", "count(thap)"),
    ("count(thap)", "count(cao)"),
)
SHARES = ("0", "1/4", "1/3", "1/2", "50%", "3/5", "2/3", "1")
OPS = (">", ">=", "<", "<=", "==", "!=")


@st.composite
def leaf(draw: st.DrawFn, pair: tuple[str, str]) -> str:
    quantity = draw(st.sampled_from(pair))
    number = (
        str(draw(st.integers(0, 3)))
        if quantity.startswith("count")
        else draw(st.sampled_from(SHARES))
    )
    return f"{quantity} {draw(st.sampled_from(OPS))} {number}"


@st.composite
def condition(draw: st.DrawFn, pair: tuple[str, str], depth: int = 2) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(leaf(pair))
    parts = draw(st.lists(condition(pair, depth - 1), min_size=2, max_size=3))
    return f" {draw(st.sampled_from(('and', 'or')))} ".join(f"({p})" for p in parts)


@st.composite
def block(draw: st.DrawFn) -> str:
    pair = draw(st.sampled_from(PAIRS))
    basis = draw(st.sampled_from(("collected", "valid", "members")))
    lines = [HEAD.format(basis=basis).rstrip("\n")]
    if draw(st.booleans()):  # fewer tallies: some cells of the plane hold none
        lines.append(
            'exempt "Ít" when '
            + draw(st.sampled_from(("count(thap) > 2", "collected > 4", "count(cao) >= 1")))
        )
    n = draw(st.integers(1, 7))
    lines.append('classify c "C" {')
    lines += [f'  r{i} "R{i}" when {draw(condition(pair))}' for i in range(n)]
    if draw(st.booleans()):
        lines.append('  else other "Khác"')
    lines.append("}")
    return "\n".join(lines) + "\n"


def answers(text: str, intervals: bool) -> tuple[list[str], str, object]:
    ruleset = load_text(text, "p.tn").resolved
    assert ruleset is not None
    reading = Reading.of(ruleset)
    session = Session(space_of([reading]), [reading], 60)
    never, falls = session.sweep(reading, ruleset.classifies[0], intervals=intervals)
    return [rule.id for rule in never], falls.status, falls.witness


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block())
def test_the_plane_and_the_plain_chain_agree(text: str) -> None:
    ruleset = load_text(text, "p.tn").resolved
    assert ruleset is not None
    assume(plane(ruleset.classifies[0]) is not None)
    assert answers(text, True) == answers(text, False), text


def rules_of(body: str, basis: str = "collected") -> ast.Resolved:
    ruleset = load_text(HEAD.format(basis=basis) + body, "p.tn").resolved
    assert ruleset is not None
    return ruleset


def test_each_rule_is_given_the_lowest_cell_where_it_is_first() -> None:
    body = (
        'classify c "C" {\n'
        '  a "A" when share(thap) > 1/2 and share(cao) < 1/3\n'
        '  b "B" when share(thap) >= 1/2 and share(cao) < 1/3\n'
        '  d "D" when share(thap) > 1/2 and share(cao) <= 1/4\n'
        '  e "E" when share(thap) > 2/3 or share(cao) == 1/3\n'
        '  else n "N"\n}\n'
    )
    found = plane(rules_of(body).classifies[0])
    assert found is not None
    half, third = Fraction(1, 2), Fraction(1, 3)
    # d lies inside a: first nowhere; b only on the line share(thap) = 1/2; e first at thap
    # above 2/3 where cao is at least 1/3, the lowest such cell being cao = 1/3 itself
    assert found.first() == {
        0: ((half, True, Fraction(2, 3), True), (Fraction(0), False, Fraction(0), False)),
        1: ((half, False, half, False), (Fraction(0), False, Fraction(0), False)),
        3: ((Fraction(0), False, Fraction(0), False), (third, False, third, False)),
    }


def test_a_block_on_one_quantity_or_three_is_not_a_plane() -> None:
    one = 'classify c "C" {\n  a "A" when share(thap) > 1/2\n  else n "N"\n}\n'
    three = (
        'classify c "C" {\n  a "A" when share(thap) > 1/2 and share(cao) < 1/3\n'
        '  b "B" when share(tn) > 1/2\n  else n "N"\n}\n'
    )
    relational = 'classify c "C" {\n  a "A" when share(thap) > share(cao)\n  else n "N"\n}\n'
    previous = (
        'classify c "C" {\n  a "A" when share(thap) > 1/2 and previous share(thap) < 1/3\n'
        '  else n "N"\n}\n'
    )
    for body in (one, three, relational, previous):
        assert plane(rules_of(body).classifies[0]) is None, body


def test_a_cell_without_a_tally_is_not_taken_for_a_reached_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`e` is first only where share(thap) + share(cao) > 1: no tally is there, which the
    solver proves (its cell is asked, then its whole question)."""
    body = (
        'classify c "C" {\n'
        '  a "A" when share(thap) > 1/2 and share(cao) < 1/3\n'
        '  b "B" when share(thap) <= 1/2\n'
        '  e "E" when share(thap) > 2/3 and share(cao) > 1/4\n'
        '  f "F" when share(cao) > 1/4\n'
        '  else n "N"\n}\n'
    )
    path = tmp_path / "p.tn"
    path.write_text(HEAD.format(basis="collected") + body, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.replace(str(path), "p.tn")
    assert out == (
        "p.tn:7:3: error: rule `e` can never match: every tally it matches is caught by an "
        "earlier rule (decided over every tally)\n"
        ' 7 |   e "E" when share(thap) > 2/3 and share(cao) > 1/4\n'
        "   |   ^\n"
        "1 file checked: 1 error, 0 warnings\n"
    )


def test_a_block_of_two_shares_without_else_gets_its_smallest_tally_that_falls_through() -> None:
    body = (
        'classify c "C" {\n'
        '  a "A" when share(thap) >= 1/2 and share(cao) < 1/3\n'
        '  b "B" when share(thap) < 1/2 and share(cao) >= 1/3\n}\n'
    )
    never, status, witness = answers(HEAD.format(basis="collected") + body, True)
    assert (never, status) == ([], "found")
    assert witness == answers(HEAD.format(basis="collected") + body, False)[2]
    # 1 ballot, tín nhiệm: thap 0 (below 1/2) and cao 0 (below 1/3): neither rule
    assert witness.turnout["collected"] == 1  # type: ignore[attr-defined]
    assert witness.counts == {"cao": 0, "tn": 1, "thap": 0}  # type: ignore[attr-defined]


def test_a_rule_whose_lowest_cell_holds_no_tally_is_reached_elsewhere() -> None:
    """`b` is first lowest at share(thap + tn) = 0 (the plane's first axis, read first),
    share(thap) = 1/2: no tally is there (thap + tn is never below thap); its whole question
    finds one elsewhere, so it is not said unreachable."""
    body = (
        'classify c "C" {\n'
        '  a "A" when share(thap + tn) >= 1/4 and share(thap) < 1/2\n'
        '  b "B" when share(thap) >= 1/2\n'
        '  else n "N"\n}\n'
    )
    found = plane(rules_of(body).classifies[0])
    assert found is not None
    half, zero = Fraction(1, 2), Fraction(0)
    assert found.first()[1] == ((zero, False, zero, False), (half, False, half, False))
    text = HEAD.format(basis="collected") + body
    assert answers(text, True) == answers(text, False) == ([], "impossible", None)
