"""A rule on an attribute written with a decimal comma, from the data file to the verdict."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from tinnhiem.engine import evaluate
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.model import DataError
from tinnhiem.rules import load

RULES = """ruleset "Xếp loại theo điểm"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
exempt "Điểm chưa chốt (ghi số âm)" when diem < 0
classify rating "Xếp loại" {
  good "Điểm từ 8 trở lên, tín nhiệm cao từ 50%" when diem >= 8 and share(cao) >= 50%
  else other "Khác"
}
"""

# A Vietnamese-locale export: semicolons, decimal commas. "7,999" is a decimal beside "8,5";
# read as 7999 (a thousands comma) it would rate Cường "good".
DATA = (
    "Họ và tên;Số phiếu thu về;Tín nhiệm cao;Tín nhiệm;Tín nhiệm thấp;diem\n"
    "Nguyễn Văn An;42;30;10;2;8,5\n"
    "Trần Thị Bình;42;30;10;2;7,75\n"
    "Lê Văn Cường;42;30;10;2;7,999\n"
    "Phạm Thị Dung;42;30;10;2;8\n"
    "Hoàng Văn Em;42;30;10;2;-0,5\n"
)


def _files(tmp_path: Path, data: str) -> tuple[Path, Path]:
    rules = tmp_path / "diem.tn"
    rules.write_text(RULES, encoding="utf-8")
    csv = tmp_path / "diem.csv"
    csv.write_text(data, encoding="utf-8")
    return rules, csv


def test_a_rule_compares_a_decimal_comma_attribute_with_a_number(tmp_path: Path) -> None:
    rules_path, csv = _files(tmp_path, DATA)
    ruleset = load(rules_path).ok()
    levels = {level.id: level.label for level in ruleset.levels.levels}
    dataset = read_tallies(csv, levels)
    assert [t.attrs["diem"] for t in dataset.tallies] == [
        Fraction(17, 2), Fraction(31, 4), Fraction(7999, 1000), 8, Fraction(-1, 2),
    ]  # fmt: skip
    results = evaluate(ruleset, dataset).results
    assert [(r.status, r.klass("rating")) for r in results] == [
        ("evaluated", "good"),
        ("evaluated", "other"),
        ("evaluated", "other"),
        ("evaluated", "good"),
        ("exempt", None),
    ]
    assert "diem = 17/2 ≥ 8" in "\n".join(results[0].trace)


def test_an_ambiguous_attribute_stops_the_reading_with_its_row_and_column(tmp_path: Path) -> None:
    _, csv = _files(tmp_path, DATA.replace("8,5", "8").replace("7,75", "7").replace("-0,5", "0"))
    with pytest.raises(DataError) as caught:
        read_tallies(csv, {})
    assert str(caught.value) == (
        f"{csv}, row 4, column 'diem': error: \"7,999\" could be 7999 (with a thousands comma) "
        "or 7,999 (with a decimal comma), and no other cell of the column shows which: write "
        "7999 or 7,9990"
    )
