"""Issue 9: a rule means on real data what it means in its examples (no silent wrong answers)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from tinnhiem.engine import evaluate
from tinnhiem.engine.formats import read_tallies
from tinnhiem.rules import load

from tinnhiem import bundled
from tinnhiem.cli import main

DATA = bundled.data_dir()
KHOI = "Ủy viên Ban Thường vụ Đảng ủy Khối"


def overlay(folder: Path, text: str, name: str = "cot.tn") -> Path:
    """An overlay file beside a copy of the bundled base it extends."""
    for base in ("qd262-2014.tn", "qd96-2023.tn"):
        (folder / base).write_text((bundled.rules_dir() / base).read_text("utf-8"), "utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- 1. every column of the data is readable in conditions ----------------------------------

FIELD_RULES = """ruleset "Theo cột" extends "qd262-2014.tn"
classify who "Ai" {{
  hit "Khớp" when {cond}
  else other "Khác"
}}
example "Khớp" {{
  collected 30; cao 20; tn 5; thap 5; {setting}
  expect who hit
}}
example "Không khớp" {{
  collected 30; cao 20; tn 5; thap 5
  expect who other
}}
"""


@pytest.mark.parametrize(
    ("cond", "setting", "expected"),
    [
        (f'group == "{KHOI}"', f'group "{KHOI}"', {"hit": 14, "other": 42}),
        ('position == "Bí thư Đảng ủy"', 'position "Bí thư Đảng ủy"', {"hit": 10, "other": 46}),
        (
            'unit == "Đảng ủy Khối các cơ quan tỉnh"',
            'unit "Đảng ủy Khối các cơ quan tỉnh"',
            {"hit": 7, "other": 49},
        ),
        ('round == "2018-12-27"', 'round "2018-12-27"', {"hit": 7, "other": 49}),
        ('id == "K14"', 'id "K14"', {"hit": 1, "other": 55}),
        ('name == "Nguyễn Trọng Hòa"', 'name "Nguyễn Trọng Hòa"', {"hit": 1, "other": 55}),
    ],
)
def test_a_named_column_reads_the_same_in_examples_and_on_data(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cond: str,
    setting: str,
    expected: dict[str, int],
) -> None:
    rules = overlay(tmp_path, FIELD_RULES.format(cond=cond, setting=setting))
    code, out, _ = run(capsys, "check", str(rules))
    assert (code, out.splitlines()[-1]) == (0, "1 file checked: 0 errors, 0 warnings")
    code, out, _ = run(capsys, "test", str(rules))
    assert code == 0, out
    data = str(DATA / "phu-luc-2022.csv")
    code, out, _ = run(capsys, "run", "-r", str(rules), "-d", data, "-f", "json")
    assert code == 0
    found = json.loads(out)
    assert Counter(r["classes"]["who"]["id"] for r in found["results"]) == expected
    assert found["warnings"] == []


def test_the_fourteen_of_the_bloc_are_the_group_of_the_bloc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = overlay(
        tmp_path, FIELD_RULES.format(cond=f'group == "{KHOI}"', setting=f'group "{KHOI}"')
    )
    data = str(DATA / "phu-luc-2022.csv")
    _, out, _ = run(capsys, "run", "-r", str(rules), "-d", data, "-f", "json")
    hits = [r["id"] for r in json.loads(out)["results"] if r["classes"]["who"]["id"] == "hit"]
    assert hits == [f"K{n:02d}" for n in range(1, 15)]


def test_a_named_column_the_data_lacks_stays_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = overlay(
        tmp_path, FIELD_RULES.format(cond=f'group == "{KHOI}"', setting=f'group "{KHOI}"')
    )
    data = tmp_path / "d.csv"
    data.write_text("name,collected,cao,tn,thap\nA,30,20,5,5\n", encoding="utf-8")
    code, out, _ = run(capsys, "run", "-r", str(rules), "-d", str(data), "-f", "json")
    assert code == 0
    found = json.loads(out)
    assert [w["message"] for w in found["warnings"]] == [
        "who.hit reads `group`: the data has no `group` column, or it is empty in every row; "
        "comparisons on it are false"
    ]
    assert found["results"][0]["classes"]["who"]["id"] == "other"


# --- 2. `previous` is the vote of the schedule's previous period -----------------------------

GAP = """id,name,unit,round,members,collected,cao,tn,thap
P1,Đặng Văn Thái,HĐND,2012-11-15,60,57,6,20,31
P1,Đặng Văn Thái,HĐND,2014-11-15,58,55,9,15,31
P2,Lưu Thị Bích Ngọc,HĐND,2013-11-15,58,56,8,16,32
P2,Lưu Thị Bích Ngọc,HĐND,2014-11-15,58,55,8,16,31
"""


def test_previous_skips_no_year_a_vote_in_2012_is_not_the_previous_of_2014(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "gap.csv"
    data.write_text(GAP, encoding="utf-8")
    code, out, err = run(capsys, "run", "-r", "nq35-2012", "-d", str(data), "-f", "json")
    assert code == 0
    found = json.loads(out)
    classes = [(r["id"], r["round"], r["classes"]["consequence"]["id"]) for r in found["results"]]
    assert classes == [
        ("P1", "2012-11-15", "none"),
        ("P1", "2014-11-15", "none"),  # 31/58 > 1/2, and 31/60 > 1/2 in 2012: not consecutive
        ("P2", "2013-11-15", "none"),
        ("P2", "2014-11-15", "vote_twice"),
    ]
    assert found["results"][1]["trace"][4].endswith(
        "share(thap) = 31/58 = 53.45% > 1/2: yes and previous share(thap) > 1/2: no "
        "(no vote of Đặng Văn Thái in 2013)"
    )
    assert found["warnings"] == [
        {
            "severity": "warning",
            "message": "`previous` is missing, so conditions on it are not met: "
            "no vote of Đặng Văn Thái in 2013",
            "file": str(data),
            "row": 3,
            "column": None,
        }
    ]
    assert f"{data}, row 3: warning: `previous` is missing" in err


def test_previous_missing_is_said_in_vietnamese(tmp_path: Path) -> None:
    data = tmp_path / "gap.csv"
    data.write_text(GAP, encoding="utf-8")
    ruleset = load(bundled.find_rules("nq35-2012"), bundled.loader()).ok()
    dataset = read_tallies(data, {lv.id: lv.label for lv in ruleset.levels.levels})
    evaluation = evaluate(ruleset, dataset, lang="vi")
    step = evaluation.results[1].verdicts[0].steps[1]
    assert step.because.endswith(
        "previous share(thap) > 1/2: sai (không có phiếu của Đặng Văn Thái năm 2013)"
    )
    assert [w.message for w in evaluation.warnings] == [
        "thiếu lần lấy phiếu trước, nên điều kiện về lần đó không thỏa: "
        "không có phiếu của Đặng Văn Thái năm 2013"
    ]


def test_the_bundled_yearly_rounds_still_give_two_consecutive_years(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = str(DATA / "nhieu-ky.csv")
    code, out, _ = run(capsys, "run", "-r", "nq35-2012", "-d", data, "-f", "json")
    assert code == 0
    found = json.loads(out)
    twice = [
        (r["id"], r["round"])
        for r in found["results"]
        if r["classes"]["consequence"]["id"] != "none"
    ]
    assert twice == [("P1", "2014-11-15")]
    assert found["warnings"] == []
