"""The classification pass over plain integers (`engine.bulk`) gives every person what the exact
path (`Runner.decide`, on `Facts`) gives them: for rule sets drawn from comparisons of shares,
counts and turnout figures with numbers and each other, `and`/`or`/`not`, a quorum, exemptions
(compiled, or read from attributes), blocks it cannot compile; and data with a basis of 0 or
none, quorum figures missing, odd cells (hypothesis). The pass leaves to the exact path exactly
the people it cannot answer, and no text of a rules file reaches the code it compiles."""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_one_path_properties import HEADER as CONSTRUCT_HEADER
from test_one_path_properties import rows as construct_rows
from test_one_path_properties import rulesets as every_construct
from tinnhiem.engine.bulk import Compiled
from tinnhiem.engine.evaluate import Plan, Runner
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.model import DataError, Dataset
from tinnhiem.engine.report import build_reports
from tinnhiem.engine.results import Results
from tinnhiem.engine.stream import Stream
from tinnhiem.rules import ast, load_text

from tinnhiem import bundled

HEAD = """ruleset "Số nguyên"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
attribute notice yes-no "Thông báo nghỉ hưu"
"""
HEADER = ["id", "name", "group", "members", "present", "collected", "cao", "tn", "thap", "notice"]
SHARES = ("1/2", "2/3", "50%", "0", "1", "3/7", "66.67%")  # thresholds of a share
WHOLE = ("0", "1", "12", "20")  # of a count or a turnout figure
OPS = (">", ">=", "<", "<=", "==", "!=")
LEVELS = ("cao", "tn", "thap", "cao + tn", "tn + thap")


@st.composite
def leaves(draw: st.DrawFn) -> str:
    op = draw(st.sampled_from(OPS))
    levels = draw(st.sampled_from(LEVELS))
    share, whole = draw(st.sampled_from(SHARES)), draw(st.sampled_from(WHOLE))
    return draw(
        st.sampled_from(
            [
                f"share({levels}) {op} {share}",
                f"{share} {op} share({levels})",
                f"count({levels}) {op} {whole}",
                f"present {op} {whole}",
                f"share({levels}) {op} share(thap)",
                f"count(cao) {op} count({levels})",
            ]
        )
    )


def conditions(depth: int = 2) -> st.SearchStrategy[str]:
    if depth == 0:
        return leaves()
    inner = conditions(depth - 1)
    return st.one_of(
        leaves(),
        st.builds(lambda a, b: f"({a}) and ({b})", inner, inner),
        st.builds(lambda a, b: f"({a}) or ({b})", inner, inner),
        st.builds(lambda a: f"not ({a})", inner),
    )


@st.composite
def rulesets(draw: st.DrawFn) -> str:
    text = HEAD
    if draw(st.booleans()):
        text += f"quorum present {draw(st.sampled_from(('>=', '>')))} 2/3 of members\n"
    if draw(st.booleans()):
        text += f'exempt "Số" when {draw(conditions(1))}\n'
    if draw(st.booleans()):
        text += 'exempt "Nghỉ hưu" when notice\n'  # an attribute: the exact path's
    for number in range(draw(st.integers(1, 3))):
        rules = "".join(
            f'  r{i} "Quy tắc {i}" when {draw(conditions())}\n'
            for i in range(draw(st.integers(0, 3)))
        )
        if draw(st.integers(0, 4)) == 0:  # a block the pass cannot compile
            rules += '  rounded "Làm tròn" when rounded(share(thap), 0) >= 50%\n'
        text += f'classify b{number} "Khối {number}" {{\n{rules}  else none "Không"\n}}\n'
    text += 'report "Phụ lục" by group { count b0 }\n'
    if draw(st.booleans()):  # the data's `cao` read as `tn` (`map`): counts routed, summed
        body = text[len(HEAD) :].replace("cao + tn", "tn").replace("cao", "tn")
        head = HEAD.replace('levels { cao "Tín nhiệm cao"; ', "map cao -> tn\nlevels { ")
        text = head + body
    return text


@st.composite
def rows(draw: st.DrawFn) -> list[list[str]]:
    found = []
    for person in range(draw(st.integers(1, 8))):
        collected = draw(st.integers(0, 30))
        thap = draw(st.integers(0, collected))
        tn = draw(st.integers(0, collected - thap))
        members = collected + draw(st.integers(0, 20))
        present = draw(
            st.sampled_from(
                ["", str(collected), str(members), str(max(collected, members * 2 // 3))]
            )
        )
        basis = draw(st.sampled_from([str(collected), str(collected), ""]))
        notice = draw(st.sampled_from(["", "có", "không"]))
        cao = str(collected - thap - tn)
        group = f"Nhóm {draw(st.integers(0, 2))}"
        found.append(
            [f"P{person}", f"Người {person}", group, str(members), present, basis,
             cao, str(tn), str(thap), notice]
        )  # fmt: skip
    return found


def _dataset(folder: str, table: list[list[str]]) -> Dataset:
    path = Path(folder) / "t.csv"
    lines = [",".join(HEADER), *(",".join(row) for row in table)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_tallies(path, {"cao": "", "tn": "", "thap": ""})


def _same_as_exact(ruleset: ast.Resolved, dataset: Dataset) -> Results:
    """The run's results, warnings, errors and reports are the exact path's, person by person."""
    exact = Runner(Plan.of(ruleset), dataset)
    expected = [exact.decide(i, tally) for i, tally in enumerate(dataset.tallies)]
    runner = Runner(Plan.of(ruleset), dataset)
    if exact.errors:
        with pytest.raises(DataError) as raised:
            runner.evaluation(explain=False)
        assert list(raised.value.issues) == exact.errors
        return Results((), (), {}, runner.bulk.build, runner.bulk.verdicts, lambda: (0, 0))
    evaluation = runner.evaluation(explain=False)
    results = evaluation.results
    assert isinstance(results, Results)
    assert list(results) == expected
    assert [results[i] for i in range(len(expected))] == expected
    assert [repr(r) for r in results] == [repr(r) for r in expected]  # the shares, in order
    assert evaluation.warnings == exact.closing_warnings()
    assert evaluation.reports == build_reports(ruleset, tuple(expected))
    for explain in (False, True):  # a streamed run counts its reports from the keys
        stream = Stream(ruleset, dataset, explain=explain)
        streamed = list(stream.results())
        assert [(r.status, r.verdicts if not explain else None) for r in streamed] == [
            (r.status, r.verdicts if not explain else None) for r in expected
        ]
        assert stream.reports == evaluation.reports
        assert stream.warnings == evaluation.warnings
    assert list(Runner(Plan.of(ruleset), dataset).results(explain=False)) == expected
    explained = runner.evaluation(explain=True)
    assert list(explained.results) == [exact.explain(i) for i in range(len(expected))]
    return results


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=rulesets(), table=rows())
def test_the_integer_pass_decides_as_the_exact_path(text: str, table: list[list[str]]) -> None:
    loaded = load_text(text, "t.tn", bundled.loader())
    assume(loaded.resolved is not None and not any(d.is_error for d in loaded.diagnostics))
    ruleset = loaded.resolved
    assert ruleset is not None
    with tempfile.TemporaryDirectory() as folder:
        try:
            dataset = _dataset(folder, table)
        except DataError:  # inconsistent figures: refused when read, never evaluated
            assume(False)
            raise
    _same_as_exact(ruleset, dataset)
    # tallies that are not columns (another reader): the pass reads them one by one
    _same_as_exact(ruleset, dataclasses.replace(dataset, tallies=tuple(dataset.tallies)))


def _run(text: str, table: list[list[str]]) -> tuple[Runner, Results]:
    ruleset = load_text(HEAD + text, "t.tn", bundled.loader()).ok()
    table = [[f"P{i}", *row[1:]] for i, row in enumerate(table)]
    with tempfile.TemporaryDirectory() as folder:
        dataset = _dataset(folder, table)
    runner = Runner(Plan.of(ruleset), dataset)
    return runner, _same_as_exact(ruleset, dataset)


def _row(collected: str, thap: int, present: str = "", notice: str = "") -> list[str]:
    total = int(collected or 0)
    return [
        "P",
        "N",
        "G",
        str(total + 10),
        present,
        collected,
        str(total - thap),
        "0",
        str(thap),
        notice,
    ]


BLOCK = 'classify c "C" {\n  half "Quá nửa" when share(thap) > 1/2\n  else none "Không"\n}\n'


def test_the_boundaries_are_exact_and_only_unanswerable_people_take_the_exact_path() -> None:
    table = [_row("42", 21), _row("42", 22), _row("0", 0), _row("9", 6)]
    runner, results = _run('exempt "Hai phần ba" when share(thap) >= 2/3\n' + BLOCK, table)
    assert runner.bulk.compiled.exact_blocks == () and not runner.bulk.compiled.exact_exempts
    # 21/42 is not more than 1/2; 22/42 is; a basis of 0 and an exemption (6/9 = 2/3) are not
    # the pass's to say
    assert list(results.keys) == [1, 0, -1, -1]
    assert [r.status for r in results] == ["evaluated", "evaluated", "invalid", "exempt"]
    assert sorted(results.made) == [2, 3]


def test_a_quorum_not_met_or_unknown_is_left_to_the_exact_path() -> None:
    table = [_row("30", 10, "27"), _row("30", 10, "26"), _row("30", 10, "")]  # of 40 members
    runner, results = _run("quorum present >= 2/3 of members\n" + BLOCK, table)
    assert list(results.keys) == [1, -1, -1]
    assert [r.status for r in results] == ["evaluated", "invalid", "evaluated"]
    assert runner.quorum_unchecked == 0  # a fresh runner: `_run` checked another one
    warnings = runner.evaluation(explain=False).warnings
    assert [w.message for w in warnings if "present" in w.message] == [
        "quorum (present ≥ 2/3 of members) not checked for 1 of 3 people: "
        "the data gives no `present`"
    ]


def test_what_cannot_be_compiled_is_decided_the_exact_way_for_each_person() -> None:
    rounded = 'classify r "R" {\n  up "Lên" when rounded(share(thap), 0) >= 50%\n  else no "K"\n}\n'
    runner, results = _run(
        'exempt "Nghỉ hưu" when notice\n' + BLOCK + rounded,
        [_row("42", 21), _row("42", 22, notice="có"), _row("200", 99)],
    )
    assert runner.bulk.compiled.exact_blocks == (1,)
    assert runner.bulk.compiled.exact_exempts
    # 21/42 rounds to 50%; 99/200 = 49.5% rounds to 50% too; the second person is exempt
    assert [r.klass("r") for r in results] == ["up", None, "up"]
    assert list(results.keys) == [1 + 0 * 2, -1, 1 + 0 * 2]


def test_an_odd_cell_or_a_missing_figure_sends_the_row_to_the_exact_path() -> None:
    text = 'classify c "C" {\n  many "Đông" when present > 20\n  else few "Ít"\n}\n'
    table = [_row("30", 5, "25"), _row("30", 5, ""), _row("30", 5, "12")]
    _, results = _run(text, table)
    assert list(results.keys) == [0, -1, 1]
    assert results[1].klass("c") == "few"  # no `present`: the comparison is false


HOSTILE = (
    'ruleset "x\\"); __import__(\\"os\\").system(\\"false\\") #"\n'
    'levels { os "import os"; exec "exec(\'1\')"; eval "__builtins__" }\n'
    "basis collected\n"
    "classify __import__ \"__import__('os')\" {\n"
    "  system \"os.system('false')\" when share(os + exec) > 1/2 and count(eval) >= 3\n"
    '  else breakpoint "breakpoint()"\n}\n'
)
NAMES = {"def", "run", "rows", "return", "for", "in", "if", "else", "and", "or", "not", "b"}


def test_no_text_of_the_rules_reaches_the_compiled_source() -> None:
    ruleset = load_text(HOSTILE, "t.tn").ok()
    plan = Plan.of(ruleset)
    compiled = Compiled.of(plan, (), None)
    assert compiled.exact_blocks == ()
    # identifiers are the ones made here; the rest is digits and operators
    words = set(re.findall(r"[A-Za-z_]\w*", compiled.source))
    assert words - NAMES <= {f"{kind}{i}" for kind in "ctx" for i in range(10)}
    assert re.fullmatch(r"[\w\s()*+<>=!,:\[\]-]*", compiled.source)
    assert compiled.source == (
        "def run(rows):\n    return [-1 if b <= 0 else "
        "(0 if (((c0 + c1) * 2 > 1 * b) and ((c2) * 1 >= 3 * 1)) else 1) "
        "for b, c0, c1, c2, in rows]\n"
    )


def test_a_condition_nested_deeper_than_the_pass_takes_is_decided_the_exact_way() -> None:
    deep = "share(thap) > 1/2"
    for _ in range(60):
        deep = f"not ({deep})"  # an even number of `not`: the same as the condition
    runner, results = _run(
        f'classify c "C" {{\n  half "Quá nửa" when {deep}\n  else none "Không"\n}}\n',
        [_row("42", 21), _row("42", 22)],
    )
    assert runner.bulk.compiled.exact_blocks == (0,)
    assert [r.klass("c") for r in results] == ["none", "half"]
    assert list(results.keys) == [1, 0]  # the block's rule from the exact path, per person


def test_a_source_that_is_not_plain_is_never_compiled() -> None:
    from tinnhiem.engine.bulk import _compiled, plain

    assert plain(Compiled.of(Plan.of(load_text(HOSTILE, "t.tn").ok()), (), None).source)
    for hostile in (
        "def run(rows):\n    return [__import__('os').system('false') for b, in rows]\n",
        'def run(rows):\n    return ["x" for b, in rows]\n',
        "def run(rows):\n    return [open for b, in rows]\n",
        "def run(rows):\n    return [b.__class__ for b, in rows]\n",
    ):
        assert not plain(hostile)
        assert _compiled(hostile)(iter([(1,), (2,)])) == [-1, -1]  # everyone exact, nothing run


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=every_construct(), table=construct_rows())
def test_the_pass_decides_as_the_exact_path_for_every_construct(
    text: str, table: list[list[str]]
) -> None:
    """`previous`, attributes, sets, `rounded`, `is missing` beside plain figures: each block
    and exemption the pass cannot compile is decided the exact way for each person."""
    loaded = load_text(text, "t.tn", bundled.loader())
    assume(loaded.resolved is not None and not any(d.is_error for d in loaded.diagnostics))
    assert loaded.resolved is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        lines = [",".join(CONSTRUCT_HEADER), *(",".join(row) for row in table)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        dataset = read_tallies(path, {"cao": "", "tn": "", "thap": ""})
    _same_as_exact(loaded.resolved, dataset)


@pytest.mark.parametrize("rules", [65, 3999])
def test_a_block_of_many_rules_is_decided_the_exact_way(rules: int) -> None:
    """A chain of thousands of rules would overflow Python's compiler (RecursionError, a crash
    on a valid rules file before): past 64 rules the block goes the exact way."""
    chain = "".join(
        f'  r{i} "R{i}" when share(thap) >= {rules - i}/{rules}\n' for i in range(rules)
    )
    runner, results = _run(
        f'classify c "C" {{\n{chain}  else none "Không"\n}}\n', [_row("42", 21), _row("42", 0)]
    )
    assert runner.bulk.compiled.exact_blocks == (0,)
    # 21/42 is exactly 1/2: r_i holds from (rules - i)/rules <= 1/2, i >= rules/2
    assert [r.klass("c") for r in results] == [f"r{(rules + 1) // 2}", "none"]
