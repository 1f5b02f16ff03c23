"""`tinnhiem diff`: where two rule sets disagree over every tally, with the smallest tally."""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from tinnhiem.engine.diff import Diff, diff
from tinnhiem.rules import ast, load_text
from tinnhiem.rules.logic import Reading, Want, ask, space_of

from tinnhiem import bundled
from tinnhiem.cli import main
from tinnhiem.cli_data import resolve
from tinnhiem.cli_diff import END, START, bundled_summary

QD41 = bundled.find_rules("qd41-2021").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bundled_diffs_once() -> Iterator[None]:
    """Two tests below diff every pair of bundled rule sets (the CLI's `diff -f json`, and the
    table of samples/README.md): the slowest part of this module. A diff is a pure function of
    the two resolved rule sets (frozen, compared by value) and the options, so the same question
    is solved once per module and both tests read the same answer, each rendering and checking
    it its own way."""
    signature = inspect.signature(diff)
    found: dict[tuple[object, ...], Diff] = {}
    asked = 0

    def once(a: ast.Resolved, b: ast.Resolved, *args: Any, **kwargs: Any) -> Diff:
        nonlocal asked
        asked += 1
        bound = signature.bind(a, b, *args, **kwargs)
        bound.apply_defaults()
        options = {k: v for k, v in bound.arguments.items() if k not in ("a", "b")}
        options["pairs"] = tuple(map(tuple, options["pairs"]))
        key = (a, b, *sorted(options.items()))
        if key not in found:
            found[key] = diff(a, b, *args, **kwargs)
        return found[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tinnhiem.cli_diff.diff", once)
        yield
    assert asked, "the CLI no longer diffs through tinnhiem.cli_diff.diff: nothing was cached"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_qd96_and_qd41_differ_at_exactly_two_thirds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "qd96-2023", "qd41-2021", "-f", "json", "--lang", "vi")
    assert code == 1
    doc = json.loads(out)
    assert doc["a"]["name"] == "QĐ 96-QĐ/TW (2023)"
    assert doc["b"]["name"] == "QĐ 41-QĐ/TW (2021)"
    block = next(b for b in doc["blocks"] if b["id"] == "consequence")
    assert block["equivalent"] is False and block["exact"] is True
    found = next(d for d in block["differences"] if (d["a"], d["b"]) == ("dismiss", "resign"))
    witness = {
        k: v for k, v in found["witness"].items() if k in ast.TURNOUT or k in ("cao", "tn", "thap")
    }
    assert witness == {
        "members": 3,
        "present": 3,
        "issued": 3,
        "collected": 3,
        "valid": 3,
        "invalid": 0,
        "cao": 0,
        "tn": 1,
        "thap": 2,
    }
    assert found["words"].startswith("3 phiếu thu về, 1 tín nhiệm (33,33%), 2 thấp (66,67%)")
    assert found["words"].endswith(
        "QĐ 96-QĐ/TW miễn nhiệm, bố trí công tác thấp hơn, QĐ 41-QĐ/TW xem xét cho từ chức"
    )
    assert found["confirmed"] is True
    assert "  cao 0; tn 1; thap 2\n" in found["example"]
    assert found["example"].endswith("  expect consequence dismiss\n}")
    assert found["example_b"].endswith("  expect consequence resign\n}")
    # the review/resign pair: QĐ 96 review (over 1/2, under 2/3) is QĐ 41 resign, never dismiss
    pairs = {tuple(p) for p in block["pairs"]}
    assert ("review", "dismiss") not in pairs and ("dismiss", "none") not in pairs


def test_a_rewording_is_proved_equivalent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "share(thap) > 50%" in QD41
    reworded = write(
        tmp_path, "reworded.tn", QD41.replace("share(thap) > 50%", "share(thap) > 1/2")
    )
    code, out, _ = run(capsys, "diff", str(bundled.find_rules("qd41-2021")), reworded, "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["equivalent"] is True
    assert [(b["id"], b["equivalent"], b["exact"]) for b in doc["blocks"]] == [
        ("consequence", True, True),
        ("band", True, True),
    ]
    code, out, _ = run(capsys, "diff", "qd41-2021", reworded)
    assert code == 0
    assert out.count("same outcome for every tally (proved)") == 2


def test_two_bases_of_one_half_differ_only_on_ballots_without_a_level(tmp_path: Path) -> None:
    head = QD41.split("classify consequence")[0]
    a = write(
        tmp_path,
        "a.tn",
        head + 'classify c "C" {\n  ok "Đạt" when share(cao + tn) >= 50%\n  else no "Không"\n}\n',
    )
    b = write(
        tmp_path,
        "b.tn",
        head + 'classify c "C" {\n  ok "Đạt" when share(thap) <= 50%\n  else no "Không"\n}\n',
    )
    found = diff(resolve(a), resolve(b))
    (block,) = found.blocks
    assert [(p.a, p.b) for p in block.differences] == [("no", "ok")]
    (pair,) = block.differences
    # one ballot collected that counts for no level: 0% of "cao + tn", 0% of "thap"
    assert pair.witness.turnout["collected"] == 1
    assert pair.witness.counts == {"cao": 0, "tn": 0, "thap": 0}
    assert pair.exact and pair.confirmed


def test_three_levels_against_two_read_the_same_ballots(capsys: pytest.CaptureFixture[str]) -> None:
    found = diff(resolve("qd262-2014"), resolve("phuong-an-2"), only="band")
    assert found.space.levels == ("cao", "tn", "thap")
    (block,) = found.blocks
    assert [(p.a, p.b) for p in block.differences] == [("mid", "high")]
    (pair,) = block.differences
    assert pair.witness.counts == {"cao": 0, "tn": 1, "thap": 0}
    assert pair.confirmed


def test_a_block_only_one_side_has_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = write(tmp_path, "extra.tn", QD41 + '\nclassify more "Thêm" {\n  else all "Tất cả"\n}\n')
    code, out, _ = run(capsys, "diff", extra, "qd41-2021", "-f", "json")
    assert code == 1
    more = next(b for b in json.loads(out)["blocks"] if b["id"] == "more")
    assert more["only"] == "a" and more["equivalent"] is False


def test_pair_joins_blocks_of_different_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = write(
        tmp_path,
        "renamed.tn",
        QD41.replace("classify consequence", "classify hequa")
        .replace("expect consequence", "expect hequa")
        .replace("count consequence", "count hequa"),
    )
    code, out, _ = run(
        capsys,
        "diff",
        "qd41-2021",
        renamed,
        "--pair",
        "consequence=hequa",
        "--block",
        "consequence",
        "-f",
        "json",
    )
    assert code == 0
    (block,) = json.loads(out)["blocks"]
    assert (block["a_block"], block["b_block"], block["equivalent"]) == (
        "consequence",
        "hequa",
        True,
    )


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path, "broken.tn", QD41.replace("share(thap) > 2/3", "share(thapp) > 2/3"))
    code, out, err = run(capsys, "diff", broken, "qd41-2021")
    assert code == 2
    assert out == ""
    line = 1 + QD41[: QD41.index("share(thap) > 2/3")].count("\n")
    assert f"{broken}:{line}:" in err and "unknown level `thapp`" in err
    code, _, err = run(capsys, "diff", "qd41-2021", "qd96-2023", "--pair", "consequence")
    assert code == 2
    assert "--pair 'consequence': expected BLOCK_A=BLOCK_B" in err
    code, _, err = run(capsys, "diff", "qd41-2021", "qd96-2023", "--block", "nope")
    assert (code, err) == (2, "tinnhiem: --block nope: neither rule set has a block `nope`\n")
    other = write(
        tmp_path,
        "other.tn",
        'ruleset "Khác"\nlevels { co "Đồng ý"; khong "Không đồng ý" }\nbasis valid\n'
        'classify band "B" {\n  high "H" when share(co) > 1/2\n  else low "L"\n}\n',
    )
    code, _, err = run(capsys, "diff", "qd41-2021", other, "--block", "band")
    assert code == 2
    assert "no level of the data can be read by both rule sets" in err


def test_without_the_solver_the_bounded_search_answers_and_says_how_to_install() -> None:
    code = (
        "import sys; sys.modules['z3'] = None\n"
        "from tinnhiem.cli import main\n"
        "sys.exit(main(['diff', 'qd96-2023', 'qd41-2021', '--block', 'consequence',"
        " '--bound', '3']))"
    )
    wide = {**os.environ, "COLUMNS": "1000"}  # one table row per line: the words read whole
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=wide)
    assert done.returncode == 1
    assert done.stderr == (
        "tinnhiem diff: the SMT solver is not installed (pip install 'tinnhiem[diff]')\n"
    )
    assert "found by the bounded search (tallies up to 3 ballots;" in done.stdout


def test_a_timeout_falls_back_to_the_bounded_search_and_says_its_bound() -> None:
    found = diff(
        resolve("qd96-2023"), resolve("qd41-2021"), only="consequence", timeout=1e-9, bound=3
    )
    (block,) = found.blocks
    assert not block.exact and block.bound == 3
    assert block.reasons == ("timeout 1e-09",)
    assert ("dismiss", "resign") in [(p.a, p.b) for p in block.differences]


@dataclasses.dataclass(frozen=True, slots=True)
class Unmodelled:
    """A condition of a later version of the language, which the exact logic does not know."""

    level: str
    span: ast.Span = ast.NOWHERE


def test_an_unknown_construct_is_named_never_guessed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.tn", QD41)
    base = load_text(QD41, path).ok()
    block = base.block("consequence")
    assert block is not None
    when = ast.Compare(ast.Share(("thap",)), ">", ast.Number(Fraction(2, 3), "2/3"))
    future = ast.Or((when, Unmodelled("thap", ast.Span(29, 3, 29, 9))))  # type: ignore[arg-type]
    rules = (dataclasses.replace(block.rules[0], when=future), *block.rules[1:])
    changed = dataclasses.replace(block, rules=rules)
    reading = Reading.of(dataclasses.replace(base, classifies=(changed, base.classifies[1])))
    space = space_of([reading])
    answer = ask(space, [Want(reading, changed, "dismiss")], bound=2)
    assert (answer.status, answer.method, answer.bound) == ("unknown", "bounded", 2)
    assert answer.reason == f"cannot decide exactly: condition `Unmodelled` at {path}:29"
    # the other rules of the block are still decided exactly
    assert ask(space, [Want(reading, changed, "exempt")]).status == "impossible"


def test_every_witness_of_every_bundled_pair_reproduces_under_tinnhiem_test(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bundled_diffs_once: None
) -> None:
    names = [p for p in bundled.bundled_rules()]
    checked = 0
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            code, out, err = run(capsys, "diff", str(a), str(b), "-f", "json")
            if code == 2:  # levels no data can give both (`khong` against `thap`): said so
                assert "no level of the data can be read by both rule sets" in err
                continue
            doc = json.loads(out)
            assert code == (0 if doc["equivalent"] else 1)
            for side, source, key in (("a", a, "example"), ("b", b, "example_b")):
                examples = [d[key] for blk in doc["blocks"] for d in blk["differences"]]
                if not examples:
                    continue
                copy = tmp_path / f"{a.stem}--{b.stem}--{side}.tn"
                copy.write_text(
                    source.read_text(encoding="utf-8") + "\n" + "\n\n".join(examples) + "\n",
                    encoding="utf-8",
                )
                code, out, _ = run(capsys, "test", str(copy))
                assert code == 0, out
                checked += len(examples)
    assert checked > 300


def test_the_table_of_samples_readme_is_current(bundled_diffs_once: None) -> None:
    readme = (Path(__file__).parent.parent / "samples" / "README.md").read_text(encoding="utf-8")
    table = readme.split(START + "\n")[1].split(END)[0]
    assert table == bundled_summary(), "run: python -m tinnhiem.cli_diff samples/README.md"
    assert (
        "| qd41-2021 | qd96-2023 | consequence | 9 (2 between classes) | resign / dismiss: "
        "3 ballots collected, 1 tn (33.33%), 2 thap (66.67%) |"
    ) in table


def test_markdown_into_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "diff.md"
    code, out, _ = run(
        capsys,
        "diff",
        "qd96-2023",
        "qd41-2021",
        "--block",
        "consequence",
        "--lang",
        "vi",
        "-f",
        "md",
        "-o",
        str(target),
    )
    assert (code, out) == (1, "")
    text = target.read_text(encoding="utf-8")
    assert "| Khối | A: QĐ 96-QĐ/TW | B: QĐ 41-QĐ/TW | Số phiếu nhỏ nhất |" in text
    assert (
        "| consequence | dismiss | resign | 3 phiếu thu về, 1 tín nhiệm (33,33%), 2 thấp (66,67%)"
    ) in text
    assert "Ví dụ để dán vào tệp quy tắc:" in text
    assert '```\nexample "khác biệt consequence: dismiss / resign" {\n' in text


def test_brackets_in_the_words_are_shown_as_written() -> None:
    code = (
        "import sys; sys.modules['z3'] = None\n"
        "from tinnhiem.cli import main\n"
        "sys.exit(main(['diff', 'qd262-2014', 'phuong-an-2', '--block', 'band', '--bound', '2']))"
    )
    wide = {**os.environ, "COLUMNS": "1000"}  # one table row per line: the words read whole
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=wide)
    assert done.returncode == 1
    assert "(pip install 'tinnhiem[diff]')" in done.stdout.replace("\n", "")


ROUND_RULES = """ruleset "Theo kỳ" extends "qd262-2014"
classify who "Ai" {{
  hit "Khớp" when {cond}
  else other "Khác"
}}
"""


def test_the_round_read_as_a_text_is_decided_and_its_witness_is_the_engines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.tn", ROUND_RULES.format(cond='round == "2018-12-27"'))
    b = write(tmp_path, "b.tn", ROUND_RULES.format(cond='round == "2019"'))
    code, out, _ = run(capsys, "diff", a, b, "--block", "who", "-f", "json")
    assert code == 1
    (block,) = json.loads(out)["blocks"]
    assert block["exact"] is True
    found = {(d["a"], d["b"]): d["witness"]["round"] for d in block["differences"]}
    assert found == {("hit", "other"): "2018-12-27", ("other", "hit"): "2019"}


def pasted_examples_pass(
    capsys: pytest.CaptureFixture[str], a: str, b: str, differences: list[dict]
) -> None:
    """Each difference's examples, pasted into their rule files, pass under `tinnhiem test`."""
    for path, key in ((a, "example"), (b, "example_b")):
        code, out, _ = run(capsys, "test", path, "-f", "json")
        before = json.loads(out)["passed"]
        text = Path(path).read_text(encoding="utf-8")
        examples = "\n".join(d[key] for d in differences)
        Path(path).write_text(text + examples + "\n", encoding="utf-8")
        code, out, _ = run(capsys, "test", path, "-f", "json")
        assert code == 0, out
        found = json.loads(out)
        assert (found["passed"], found["failed"]) == (before + len(differences), 0)


def test_the_round_beside_the_vote_year_is_decided_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a round that is not a date leaves the vote's year to the `vote_year` column
    cond = 'round == "2019" and vote_year == 2018'
    a = write(tmp_path, "a.tn", ROUND_RULES.format(cond=cond))
    b = write(tmp_path, "b.tn", ROUND_RULES.format(cond='round == "2019"'))
    code, out, err = run(capsys, "diff", a, b, "--block", "who", "-f", "json")
    assert (code, err) == (1, "")
    (block,) = json.loads(out)["blocks"]
    assert (block["exact"], block.get("reasons", [])) == (True, [])
    found = {
        (d["a"], d["b"]): (d["witness"]["round"], d["witness"]["vote_year"])
        for d in block["differences"]
    }
    assert found == {("other", "hit"): ("2019", 2025)}
    pasted_examples_pass(capsys, a, b, block["differences"])


def test_a_round_that_is_a_date_gives_the_vote_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a `vote_date` the rules read, a round written as a date is the vote's date: its
    year is the vote's year whatever a `vote_year` column says (`conditions.vote_year`), so a
    rule asking for another year is never reached, which `check` proves."""
    cond = 'round == "2018-12-27" and vote_year == 2019'
    a = write(tmp_path, "a.tn", ROUND_RULES.format(cond=cond))
    b = write(tmp_path, "b.tn", ROUND_RULES.format(cond='round == "2018-12-27"'))
    code, out, err = run(capsys, "diff", a, b, "--block", "who", "-f", "json")
    assert (code, err) == (1, "")
    (block,) = json.loads(out)["blocks"]
    assert block["exact"] is True
    found = {
        (d["a"], d["b"]): (d["witness"]["round"], d["witness"]["vote_year"])
        for d in block["differences"]
    }
    assert found == {("other", "hit"): ("2018-12-27", 2018)}
    pasted_examples_pass(capsys, a, b, block["differences"])
    code, out, _ = run(capsys, "check", write(tmp_path, "c.tn", ROUND_RULES.format(cond=cond)))
    assert code == 1
    assert out.splitlines()[0].endswith(
        "c.tn:3:3: error: rule `hit` can never match: every tally it matches is caught by an "
        "earlier rule (decided over every tally)"
    )
    assert "stopped" not in out


def test_with_a_vote_date_read_the_round_is_only_a_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where a rule set reads the vote's date, the data's row has it, and it gives the year: a
    round that is a date of another year is then only a text. The example of the side that
    reads the round and the year, not the date, writes the date too, as the row has it."""
    cond = 'round == "2018-12-27" and vote_year == 2019'
    a = write(tmp_path, "a.tn", ROUND_RULES.format(cond=cond))
    b = write(tmp_path, "b.tn", ROUND_RULES.format(cond="vote_date >= 2019-06-01"))
    code, out, err = run(capsys, "diff", a, b, "--block", "who", "-f", "json")
    assert (code, err) == (1, "")
    (block,) = json.loads(out)["blocks"]
    assert block["exact"] is True
    pairs = {(d["a"], d["b"]) for d in block["differences"]}
    assert pairs == {("hit", "other"), ("other", "hit")}
    hit = next(d for d in block["differences"] if d["a"] == "hit")
    assert (hit["witness"]["round"], hit["witness"]["vote_date"]) == ("2018-12-27", "2019-01-01")
    assert "vote_date 2019-01-01" in hit["example"]
    pasted_examples_pass(capsys, a, b, block["differences"])


def test_a_set_is_decided_exactly_as_the_equalities_it_stands_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = ROUND_RULES.replace("Theo kỳ", "Tập")
    a = write(tmp_path, "a.tn", rules.format(cond='position in {"A", "B"}'))
    b = write(tmp_path, "b.tn", rules.format(cond='position == "A" or position == "B"'))
    code, out, _ = run(capsys, "diff", a, b, "--block", "who", "-f", "json")
    assert code == 0
    (block,) = json.loads(out)["blocks"]
    assert (block["equivalent"], block["exact"]) == (True, True)
    c = write(tmp_path, "c.tn", rules.format(cond='position not in {"A", "B"}'))
    code, out, _ = run(capsys, "diff", a, c, "--block", "who", "-f", "json")
    assert code == 1
    (block,) = json.loads(out)["blocks"]
    assert block["exact"] is True
    found = {(d["a"], d["b"]): d["witness"]["position"] for d in block["differences"]}
    assert found[("hit", "other")] in ("A", "B")
    assert found[("other", "hit")] not in ("A", "B")
