"""The `tinnhiem` command line: exit codes, outputs and messages, on the bundled files."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tinnhiem import bundled
from tinnhiem.cli import main

RULES = sorted(str(p) for p in bundled.bundled_rules())
DATA = bundled.data_dir()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_bundled_rule_sets_check_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", *RULES)
    assert code == 0
    assert out.splitlines()[-1] == f"{len(RULES)} files checked: 0 errors, 0 warnings"


def test_bundled_examples_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "test", *RULES)
    assert code == 0
    passed, failed = out.splitlines()[-1].split(", ")
    assert failed == "0 failed"
    assert int(passed.split()[0]) >= 100


def test_bundled_rule_sets_are_canonical(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fmt", "--check", *RULES)
    assert (code, out.splitlines()[-1]) == (0, f"0 of {len(RULES)} files would be reformatted")


def test_check_reports_errors_with_place_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.tn"
    bad.write_text(
        'ruleset "x"\nlevels { cao "A"; thap "B" }\nbasis collected\n'
        'classify c "C" {\n  a "A" when share(thp) > 1/2\n  else b "B"\n}\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(bad))
    assert code == 1
    assert out.splitlines()[:3] == [
        f"{bad}:5:20: error: unknown level `thp`",
        ' 5 |   a "A" when share(thp) > 1/2',
        "   |                    ^^^",
    ]
    assert out.splitlines()[-1] == "1 file checked: 1 error, 0 warnings"
    code, out, _ = run(capsys, "check", "--format", "json", str(bad))
    document = json.loads(out)
    assert code == 1
    assert document["errors"] == 1
    assert document["diagnostics"][0]["line"] == 5
    assert document["diagnostics"][0]["column"] == 20


def test_test_reports_a_failing_example_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "r.tn"
    rules.write_text(
        'ruleset "x"\nlevels { cao "A"; thap "B" }\nbasis collected\n'
        'classify c "C" {\n  a "A" when share(thap) > 1/2\n  else b "B"\n}\n'
        'example "half" {\n  collected 42; cao 21; thap 21\n  expect c a\n}\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "test", str(rules))
    assert code == 1
    assert out.splitlines() == [
        f'{rules}:10: example "half": c: expected a, got b',
        "0 passed, 1 failed",
    ]


def test_fmt_check_shows_the_difference_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "r.tn"
    rules.write_text('ruleset "x" levels { a "A"; b "B" } basis valid', encoding="utf-8")
    code, out, _ = run(capsys, "fmt", "--check", str(rules))
    assert code == 1
    assert "+levels {" in out
    assert out.splitlines()[-1] == "1 of 1 file would be reformatted"
    code, _, _ = run(capsys, "fmt", "--write", str(rules))
    assert code == 0
    assert rules.read_text(encoding="utf-8") == (
        'ruleset "x"\n\nlevels {\n  a "A"\n  b "B"\n}\nbasis valid\n'
    )
    assert run(capsys, "fmt", "--check", str(rules))[0] == 0


def test_show_in_words_and_as_toml(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "qd96-2023", "--lang", "vi")
    assert code == 0
    assert "từ 2/3 số phiếu tín nhiệm thấp trở lên" in out
    assert "(Điều 11.3)" in out
    code, out, _ = run(capsys, "show", "qd96-2023", "--format", "toml")
    document = tomllib.loads(out)
    assert document["basis"] == "collected"
    assert [lv["id"] for lv in document["levels"]] == ["cao", "tn", "thap"]


def test_run_default_prints_the_seed_reports_appendix(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "run", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["ruleset"]["name"] == "QĐ 262-QĐ/TW (2014)"
    rows = {row["key"]: row for row in document["reports"][0]["rows"]}
    khoi = rows["Ủy viên Ban Thường vụ Đảng ủy Khối"]
    co_so = rows["Ủy viên Ban Thường vụ Đảng ủy cơ sở"]
    assert khoi["rated"] == 14
    assert khoi["counts"]["band"] == {"high": 13, "mid": 1, "low": 0}
    assert co_so["rated"] == 42
    assert co_so["counts"]["band"] == {"high": 42, "mid": 0, "low": 0}
    consequences = document["reports"][0]["total"]["counts"]["consequence"]
    assert consequences["none"] == 56


def test_run_table_shows_decimal_commas(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "run")
    assert code == 0
    assert "12 (44,44%)" in out  # Ngô Công Long: 12 of 27 "cao"
    assert "Tổng cộng" in out


def test_published_percentages_of_the_national_assembly_2013(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys, "run", "-r", "nq85-2014", "-d", str(DATA / "qh-2013.csv"), "-f", "json"
    )
    assert code == 0
    percent = {r["name"]: r["percent"] for r in json.loads(out)["results"]}
    assert percent["Trương Tấn Sang"] == {"cao": "66.27", "tn": "26.71", "thap": "5.62"}
    assert percent["Nguyễn Thị Doan"] == {"cao": "52.81", "tn": "43.17", "thap": "2.61"}
    assert percent["Huỳnh Ngọc Sơn"] == {"cao": "50.60", "tn": "43.57", "thap": "4.42"}
    assert percent["Nguyễn Văn Hiện"] == {"cao": "42.17", "tn": "50.80", "thap": "5.62"}
    assert percent["Nguyễn Tấn Dũng"]["cao"] == "42.17"


def test_vinh_phuc_2023_under_nq96(capsys: pytest.CaptureFixture[str]) -> None:
    data = str(DATA / "vinh-phuc-2023.csv")
    code, out, _ = run(capsys, "run", "-r", "nq96-2023", "-d", data, "-f", "json")
    assert code == 0
    results = {r["name"]: r for r in json.loads(out)["results"]}
    thanh = results["Lê Duy Thành"]
    assert thanh["percent"] == {"cao": "40.43", "tn": "4.26", "thap": "53.19"}
    assert thanh["shares"]["thap"] == "25/47"
    assert thanh["classes"]["consequence"]["id"] == "resign"
    assert results["Hoàng Thị Thúy Lan"]["percent"] == {
        "cao": "97.87",
        "tn": "0.00",
        "thap": "2.13",
    }


def test_compare_qd96_and_qd41_differ_exactly_at_two_thirds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d.csv"
    data.write_text(
        "name,members,present,collected,cao,tn,thap\n"
        "Đúng hai phần ba,45,42,42,4,10,28\n"
        "Hơn hai phần ba,45,42,42,3,10,29\n"
        "Dưới một nửa,45,42,42,22,10,10\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "compare", "qd96-2023", "qd41-2021", "-d", str(data), "-f", "json")
    assert code == 0
    document = json.loads(out)
    assert [c["name"] for c in document["changes"]] == ["Đúng hai phần ba"]
    change = document["changes"][0]
    assert change["blocks"]["consequence"] == {"a": "dismiss", "b": "resign"}
    assert change["shares_a"]["thap"] == "2/3"


def test_compare_a_rule_set_with_itself_changes_nobody(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", "qd96-2023", "qd96-2023", "-f", "json")
    assert code == 0
    document = json.loads(out)
    assert document["changes"] == []
    assert document["people"] == 56


def test_schedule_of_the_two_year_proposal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schedule", "de-xuat-2-nam", "--term", "2021-2026", "-f", "json")
    assert code == 0
    votes = json.loads(out)["votes"]
    assert [(v["year"], v["term_year"], v["month"]) for v in votes] == [
        (2022, 2, 12),
        (2024, 4, 12),
    ]


def test_sweep_lists_who_flips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d.csv"
    data.write_text(
        "name,members,present,collected,cao,tn,thap\nA,45,42,42,10,10,22\n", encoding="utf-8"
    )
    code, out, _ = run(
        capsys, "sweep", "qd96-2023", "-d", str(data), "--rule", "consequence.review",
        "--from", "50%", "--to", "55%", "--step", "1%", "-f", "json",
    )  # fmt: skip
    assert code == 0
    steps = json.loads(out)["steps"]
    # 22/42 = 52.38%: "review" while the threshold is below that, "none" from 53% on.
    assert [s["counts"]["review"] for s in steps] == [1, 1, 1, 0, 0, 0]
    assert [f["name"] for f in steps[3]["flips"]] == ["A"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run", "-r", "nope"], "tinnhiem: no rules file 'nope' (bundled rule sets: "),
        (["run", "-d", "/nonexistent.csv"], "tinnhiem: no data file '/nonexistent.csv'"),
        (["schedule", "qd96-2023", "--term", "2026"], "tinnhiem: --term '2026': expected two"),
        (["sweep", "qd96-2023", "--rule", "consequence.review", "--from", "abc", "--to", "1"],
         "tinnhiem: --from 'abc': expected a number like 40%, 2/5 or 0.4"),
        (["run", "-f", "xlsx"], "tinnhiem: --format xlsx needs --output FILE"),
    ],
)  # fmt: skip
def test_bad_usage_exits_2_with_a_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(message)
    assert "Traceback" not in err


def test_bad_data_exits_2_naming_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d.csv"
    data.write_text("name,collected,cao,tn,thap\nA,42,4,10,x\n", encoding="utf-8")
    code, _, err = run(capsys, "run", "-d", str(data))
    assert code == 2
    assert err.startswith(f"{data}, row 2, column 'thap': error: ")
    assert "Traceback" not in err


def test_broken_rules_exit_2_on_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "r.tn"
    rules.write_text('ruleset "x"\nbasis\n', encoding="utf-8")
    code, _, err = run(capsys, "run", "-r", str(rules))
    assert code == 2
    assert err.startswith(f"{rules}:")


def test_output_is_written_and_never_over_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d.csv"
    data.write_text("name,collected,cao,tn,thap\nA,42,4,10,28\n", encoding="utf-8")
    before = data.read_bytes()
    code, _, err = run(capsys, "run", "-d", str(data), "-f", "csv", "-o", str(data))
    assert code == 2
    assert err == (
        f"{data}: error: refusing to write over the input file {data}; choose another output file\n"
    )
    assert data.read_bytes() == before
    out = tmp_path / "out.json"
    assert run(capsys, "run", "-d", str(data), "-f", "json", "-o", str(out))[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["results"][0]["counts"]["thap"] == 28


def test_run_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom tinnhiem.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['run'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('textual')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_console_script_entry_point_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tinnhiem", "--version"], capture_output=True, text=True
    )
    assert (out.returncode, out.stdout.strip()) == (0, "tinnhiem 0.1.0")


def test_no_command_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2


def test_fmt_colours_rules_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from tinnhiem import cli_rules

    text = 'ruleset "x"\n'
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = cli_rules.colour(text)
    assert "\x1b[" in coloured
    assert coloured.replace("\x1b[", "").count("ruleset") == 1
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_rules.colour(text) == text
