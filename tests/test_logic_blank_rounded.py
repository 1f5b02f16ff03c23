"""The exact logic of blank cells (`x is missing`) and of `rounded(share(..), N)`."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinnhiem.engine.diff import diff, example_text
from tinnhiem.rules import ast, load_text
from tinnhiem.rules.logic import BLANK, Reading, Want, ask, space_of

from tinnhiem.cli import main

HEAD = """ruleset "{name}"
levels {{ cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }}
basis collected
"""
BLOCK = """classify c "C" {{
  low "Thấp" when {cond}
  else ok "Được"
}}
"""


def rules(name: str, cond: str, exempt: str = "") -> ast.Resolved:
    text = HEAD.format(name=name) + (f'exempt "Nghỉ" when {exempt}\n' if exempt else "")
    resolved = load_text(text + BLOCK.format(cond=cond), f"{name}.tn").resolved
    assert resolved is not None
    return resolved


def pairs(a: ast.Resolved, b: ast.Resolved, *, solver: bool = True, bound: int = 3) -> dict:
    found = diff(a, b, solver=solver, bound=bound)
    (block,) = found.blocks
    assert all(p.confirmed for p in block.pairs), [(p.a, p.b, p.engine) for p in block.pairs]
    return {(p.a, p.b): p for p in block.pairs if p.a != p.b}  # the differences


@pytest.mark.parametrize("solver", [True, False])
def test_a_blank_cell_is_missing_and_its_value_unknown(solver: bool) -> None:
    a = rules("a", "share(thap) > 1/2", exempt="sick is missing")
    b = rules("b", "share(thap) > 1/2", exempt="sick > 0")
    found = pairs(a, b, solver=solver)
    # blank: A exempts, B cannot read `sick > 0` and does not; a filled cell of 1: the reverse
    assert set(found) == {
        ("exempt", "low"),
        ("exempt", "ok"),
        ("exempt", "invalid"),
        ("low", "exempt"),
        ("ok", "exempt"),
        ("invalid", "exempt"),
    }
    assert found[("exempt", "ok")].witness.attrs == {"sick": BLANK}
    assert found[("ok", "exempt")].witness.attrs == {"sick": 1}
    assert found[("exempt", "ok")].exact is solver


def test_a_blank_witness_is_written_as_an_empty_text() -> None:
    a = rules("a", "share(thap) > 1/2", exempt="sick is missing")
    b = rules("b", "share(thap) > 1/2")
    found = pairs(a, b)
    assert set(found) == {("exempt", "low"), ("exempt", "ok"), ("exempt", "invalid")}
    text = example_text("w", found[("exempt", "ok")].witness, "c", "exempt")
    assert text.splitlines()[3] == '  sick ""'


def test_is_not_missing_in_a_rule_is_the_negation_of_blank() -> None:
    a = rules("a", "sick is not missing and share(thap) > 0")
    b = rules("b", "not (sick is missing) and count(thap) >= 1")
    assert pairs(a, b) == {}
    c = rules("c", "share(thap) > 0")
    found = pairs(a, c)
    assert set(found) == {("ok", "low")}
    assert found[("ok", "low")].witness.attrs == {"sick": BLANK}


@pytest.mark.parametrize("solver", [True, False])
def test_a_blank_bare_flag_is_unknown_and_decided_exactly(solver: bool) -> None:
    """A bare flag's blank cell is unknown, in an example as in data: `not sick` exempts nobody
    whose cell is blank, exactly as `sick is not missing and not sick` (were a blank "no", the
    first would exempt the blank ones and the second not)."""
    a = rules("a", "share(thap) > 1/2", exempt="not sick")
    b = rules("b", "share(thap) > 1/2", exempt="sick is not missing and not sick")
    assert "sick" in space_of([Reading.of(a), Reading.of(b)]).blanks
    found = diff(a, b, solver=solver, bound=3)
    (block,) = found.blocks
    assert [(p.a, p.b) for p in block.pairs if p.a != p.b] == []
    assert (block.exact, block.bound) == ((True, None) if solver else (False, 3))
    # a bare flag with `is missing` beside it: decided exactly, no fallback
    c = Reading.of(rules("c", "sick and share(thap) > 0", exempt="sick is missing"))
    answer = ask(space_of([c]), [Want(c, c.ruleset.classifies[0], "exempt")], bound=1)
    assert (answer.method, answer.status) == ("solver", "found")
    assert answer.witness is not None and answer.witness.attrs == {"sick": BLANK}
    # against "a blank is no": the blank is where they differ, 1 ballot collected, 0 thấp
    d = rules("d", "share(thap) > 1/2", exempt="sick is missing or not sick")
    differs = pairs(a, d, solver=solver)
    assert set(differs) == {("low", "exempt"), ("ok", "exempt"), ("invalid", "exempt")}
    witness = differs[("ok", "exempt")].witness
    assert witness.attrs == {"sick": BLANK}
    assert (witness.turnout["collected"], witness.counts) == (1, {"cao": 0, "tn": 1, "thap": 0})


BARE = """ruleset "F"
levels { cao "Cao"; tn "TN"; thap "Thấp" }
basis collected
exempt "Chưa nghỉ hưu" when not retired
classify c "C" {
  a "A" when retired
  b "B" when retired is missing
  else n "N"
}
"""


def test_a_blank_bare_flag_reads_the_same_in_an_example_and_in_data(tmp_path: Path) -> None:
    """`retired ""` in an example and a blank `retired` cell of a CSV: the same status, class
    and trace (the cell is said blank, the exemption does not apply, the flag is unknown)."""
    from tinnhiem.engine.evaluate import evaluate
    from tinnhiem.engine.examples import example_result
    from tinnhiem.engine.formats.tallies import read_tallies

    resolved = load_text(BARE, "f.tn").resolved
    assert resolved is not None
    example = load_text(
        BARE
        + 'example "trống" {\n  collected 3; valid 3; cao 1; tn 1; thap 1\n  retired ""\n'
        + "  expect c b\n}\n",
        "f.tn",
    ).resolved
    assert example is not None
    from_example = example_result(example, example.examples[0])
    csv = tmp_path / "d.csv"
    csv.write_text(
        "name,collected,valid,cao,tn,thap,retired\nAn,3,3,1,1,1,\nBình,3,3,1,1,1,có\n",
        encoding="utf-8",
    )
    levels = {level.id: level.label for level in resolved.levels.levels}
    from_data, _ = evaluate(resolved, read_tallies(csv, levels)).results
    assert isinstance(from_example, type(from_data))
    for result in (from_example, from_data):
        assert (result.status, result.klass("c")) == ("evaluated", "b")
    said = [
        "exemption “Chưa nghỉ hưu”: not checked for this person (`retired` is empty for this "
        "person): no",
        "c “C”, rule a “A” (f.tn:6): retired: no (`retired` is empty for this person)",
        "c “C”, rule b “B” (f.tn:7): retired is missing: `retired` is blank: yes",
    ]
    for result in (from_example, from_data):
        assert [line for line in result.trace if "retired" in line] == said


def test_rounded_at_two_places_differs_from_two_thirds_at_20000_ballots(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """c/b < 2/3 with the percentage half up at 2 places ≥ 66.67: c/b ≥ 0.66665, so
    2/3 - c/b = (2b - 3c) / 3b ≤ 1/60000, and 2b - 3c ≥ 1 gives b ≥ 20000: c = 13333."""
    a = rules("a", "rounded(share(thap), 2) >= 66.67%")
    b = rules("b", "share(thap) >= 2/3")
    found = pairs(a, b)
    assert set(found) == {("low", "ok")}
    pair = found[("low", "ok")]
    assert pair.exact
    assert pair.witness.turnout["collected"] == 20000
    assert pair.witness.counts == {"cao": 0, "tn": 6667, "thap": 13333}
    # the bounded search, 6 ballots at most, finds nothing and says it did not prove it
    bounded = diff(a, b, solver=False, bound=6)
    (block,) = bounded.blocks
    assert [(p.a, p.b) for p in block.pairs if p.a != p.b] == []
    assert (block.exact, block.bound) == (False, 6)
    # pasted as an example, the witness reproduces under `tinnhiem test`
    text = HEAD.format(name="a") + BLOCK.format(cond="rounded(share(thap), 2) >= 66.67%")
    path = tmp_path / "a.tn"
    path.write_text(text + example_text("w", pair.witness, "c", "low") + "\n", encoding="utf-8")
    assert main(["test", str(path)]) == 0
    assert "1 passed, 0 failed" in capsys.readouterr().out


@pytest.mark.parametrize("solver", [True, False])
def test_rounded_at_no_places_on_small_tallies(solver: bool) -> None:
    """2/3 is 67%: within 6 ballots `rounded(.., 0) == 67%` is exactly `share == 2/3` (4/6 and
    2/3 alike), the solver and the bounded search agree; the first other share that rounds to
    67% is 29/43 (0.6744; 27/40 = 0.675 rounds to 68%)."""
    a = rules("a", "rounded(share(thap), 0) == 67%")
    b = rules("b", "share(thap) == 2/3")
    found = pairs(a, b, solver=solver, bound=6)
    if solver:
        assert set(found) == {("low", "ok")}
        witness = found[("low", "ok")].witness
        assert (witness.turnout["collected"], witness.counts["thap"]) == (43, 29)
    else:
        assert found == {}


PREVIOUS = """ruleset "{name}"
levels {{ cao "Cao"; tn "TN"; thap "Thấp" }}
basis collected
exempt "Nghỉ" when {exempt}
classify c "C" {{
  up "Tăng" when share(thap) > previous share(thap)
  else same "Không"
}}
"""


def test_is_missing_read_on_the_previous_vote_is_decided_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The exemption is read on the previous vote's row too. That row gives no attribute (a
    witness writes none there), and the engine cannot tell its cells blank: `is missing` is
    unknown there, `or count(thap) > 1` after it unknown too, so the previous vote counts. The
    solver decides it (no bounded search), and every witness, pasted, passes."""
    files = []
    for name, exempt in (("a", "leave is missing"), ("b", "leave is missing or count(thap) > 1")):
        path = tmp_path / f"{name}.tn"
        path.write_text(PREVIOUS.format(name=name.upper(), exempt=exempt), encoding="utf-8")
        files.append(path)
    a, b = (load_text(p.read_text(encoding="utf-8"), str(p)).resolved for p in files)
    assert a is not None and b is not None
    (block,) = diff(a, b).blocks
    assert (block.exact, block.bound, block.reasons) == (True, None, ())
    differences = {(p.a, p.b): p for p in block.differences}
    assert set(differences) == {("up", "exempt"), ("same", "exempt")}
    assert all(p.confirmed for p in block.pairs)
    up = differences[("up", "exempt")].witness
    assert up.previous is not None
    assert (up.counts["thap"], up.previous.counts["thap"], up.attrs) == (2, 0, {"leave": False})
    for path, key in ((files[0], "example_a"), (files[1], "example_b")):
        examples = "\n".join(getattr(p, key) for p in block.differences)
        path.write_text(path.read_text(encoding="utf-8") + examples + "\n", encoding="utf-8")
        assert main(["test", str(path)]) == 0
        assert capsys.readouterr().out.splitlines()[-1].startswith("2 passed, 0 failed")
