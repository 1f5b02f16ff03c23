"""`tinnhiem check` completed by the exact logic: relational rules no tally reaches, a block
without `else` with a tally that falls through, an exemption that can never apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinnhiem.rules import load_text

from tinnhiem.cli import main

HEAD = (
    'ruleset "C"\nlevels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }\n'
    "basis collected\n"
)


def check(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str) -> tuple[int, str]:
    path = tmp_path / "c.tn"
    path.write_text(HEAD + body, encoding="utf-8")
    code = main(["check", str(path)])
    out = capsys.readouterr().out
    return code, out.replace(str(path), "c.tn")


def test_a_relational_rule_no_tally_reaches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        'classify c "C" {\n'
        '  a "A" when share(thap) > share(cao)\n'
        '  b "B" when count(thap) > count(cao + tn)\n'
        '  else n "N"\n'
        "}\n"
    )
    # the fast pass alone finds nothing: the two conditions read different quantities
    assert load_text(HEAD + body, "c.tn").diagnostics == ()
    code, out = check(tmp_path, capsys, body)
    assert code == 1
    assert out == (
        "c.tn:6:3: error: rule `b` can never match: every tally it matches is caught by an "
        "earlier rule (decided over every tally)\n"
        ' 6 |   b "B" when count(thap) > count(cao + tn)\n'
        "   |   ^\n"
        "1 file checked: 1 error, 0 warnings\n"
    )


def test_a_block_without_else_gets_the_tally_that_falls_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(tmp_path, capsys, 'classify c "C" {\n  a "A" when share(thap) > 1/2\n}\n')
    assert code == 1
    assert out == (
        "c.tn:4:10: error: classify block `c` has no `else` rule, and some tallies match no rule\n"
        ' 4 | classify c "C" {\n'
        "   |          ^\n"
        "   = for example: members 1; present 1; issued 1; collected 1; valid 1; invalid 0; "
        "cao 0; tn 1; thap 0\n"
        "1 file checked: 1 error, 0 warnings\n"
    )


def test_a_block_without_else_that_covers_every_tally_keeps_the_plain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = 'classify c "C" {\n  a "A" when share(thap) > 1/2\n  b "B" when share(thap) <= 1/2\n}\n'
    code, out = check(tmp_path, capsys, body)
    assert code == 1
    assert "c.tn:4:10: error: classify block `c` has no `else` rule\n" in out
    assert "some tallies" not in out


def test_an_exemption_that_can_never_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        'exempt "Không bao giờ" when count(thap) > 3 and share(thap) < 1/2 and collected < 7\n'
        'classify c "C" {\n  else n "N"\n}\n'
    )
    code, out = check(tmp_path, capsys, body)
    assert code == 0
    assert out.splitlines()[0] == (
        "c.tn:4:1: warning: exemption “Không bao giờ” can never apply: no tally, no attribute "
        "makes it true"
    )
    assert out.splitlines()[-1] == "1 file checked: 0 errors, 1 warning"


def test_a_block_too_big_is_refused_before_the_solver_sees_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = "".join(f'  r{i} "R{i}" when share(thap) >= {5000 - i}/5000\n' for i in range(4001))
    code, out = check(tmp_path, capsys, f'classify c "C" {{\n{rules}  else n "N"\n}}\n')
    assert code == 1
    assert out.splitlines()[0] == (
        "c.tn:4005:3: error: the block `c` has 4002 rules; a block has at most 4000"
    )
    assert "solver" not in out and "exact" not in out


def bands_with_a_hole(n: int, hole: int) -> str:
    """n bands of share(thap) a thousandth wide, from the top, the `hole`-th one left out,
    the band of `hole + 1` written twice, and no `else`."""
    rules = []
    for i in range(1, n + 1):
        if i == hole:
            continue
        band = f"share(thap) >= {n - i}/{n} and share(thap) < {n - i + 1}/{n}"
        rules.append(f'  r{i} "R{i}" when {band}\n')
        if i == hole + 1:
            rules.append(f'  again "Lại" when {band}\n')
    top = '  top "Tất cả" when share(thap) == 1\n'
    return f'classify c "C" {{\n{top}{"".join(rules)}}}\n'


def test_a_block_of_a_thousand_bands_is_checked_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over the old limit of 200 rules: the repeated band is named by the fast pass, the hole
    (thap from 1/2 up to 501/1000) is found with its smallest tally, 2 ballots of which 1 thấp."""
    code, out = check(tmp_path, capsys, bands_with_a_hole(1000, 500))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "c.tn:4:10: error: classify block `c` has no `else` rule, and some tallies match no rule"
    )
    assert lines[3] == (
        "   = for example: members 2; present 2; issued 2; collected 2; valid 2; invalid 0; "
        "cao 0; tn 1; thap 1"
    )
    assert lines[4] == (
        "c.tn:506:3: error: rule `again` can never match: rule `r501` (line 505) always "
        "matches first"
    )
    assert lines[-1] == "1 file checked: 2 errors, 0 warnings"


@pytest.mark.parametrize("hole", [1, 7, 30])
def test_the_interval_sweep_and_the_solver_chain_agree(hole: int) -> None:
    """A block of bands is answered from intervals; the chain of "no earlier rule matched"
    that any block gets must say the same: the same unreachable rules, the same tally."""
    from tinnhiem.rules.logic import Reading, Session, space_of

    ruleset = load_text(HEAD + bands_with_a_hole(40, hole), "c.tn").resolved
    assert ruleset is not None
    reading = Reading.of(ruleset)
    block = ruleset.classifies[0]
    answers = []
    for intervals in (True, False):
        session = Session(space_of([reading]), [reading], 60)
        never, falls = session.sweep(reading, block, intervals=intervals)
        answers.append(([rule.id for rule in never], falls.status, falls.witness))
    assert answers[0] == answers[1]
    assert answers[0][0] == ["again"]
    assert answers[0][1] == "found"
