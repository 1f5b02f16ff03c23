"""A rule on an attribute written with a decimal comma, from the data file to the verdict."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from tinnhiem.engine import evaluate
from tinnhiem.engine.conditions import show
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
    assert "diem = 8.5 ≥ 8: yes" in "\n".join(results[0].trace)


def test_an_ambiguous_attribute_read_by_the_rules_stops_the_run_with_its_row_and_column(
    tmp_path: Path,
) -> None:
    rules_path, csv = _files(
        tmp_path, DATA.replace("8,5", "8").replace("7,75", "7").replace("-0,5", "0")
    )
    dataset = read_tallies(csv, {})
    assert dataset.tallies[2].attrs["diem"] == "7,999"  # kept as written
    with pytest.raises(DataError) as caught:
        evaluate(load(rules_path).ok(), dataset)
    assert str(caught.value) == (
        f"{csv}, row 4, column 'diem': error: \"7,999\" could be 7999 (with a thousands comma) "
        "or 7,999 (with a decimal comma), and no other cell of the column shows which: write "
        "7999 or 7,9990"
    )


def test_text_where_the_rules_need_a_number_stops_the_run(tmp_path: Path) -> None:
    rules_path, csv = _files(tmp_path, DATA.replace("7,75", "7,75 điểm").replace("-0,5", "?"))
    with pytest.raises(DataError) as caught:
        evaluate(load(rules_path).ok(), read_tallies(csv, {}))
    assert [i.render() for i in caught.value.issues] == [
        f"{csv}, row 3, column 'diem': error: expected a number (exemption “Điểm chưa chốt (ghi "
        'số âm)” compares `diem` with one), found "7,75 điểm"',
        f"{csv}, row 6, column 'diem': error: expected a number (exemption “Điểm chưa chốt (ghi "
        'số âm)” compares `diem` with one), found "?"',
    ]


def test_an_unclear_column_the_rules_do_not_read_is_kept_as_written(tmp_path: Path) -> None:
    """A bonus column in a Vietnamese export ("1.500" đồng) must not stop a rating it has no
    part in."""
    rules_path, csv = _files(tmp_path, DATA.replace(";diem\n", ";diem;thuong\n"))
    csv.write_text(
        "\n".join(
            line + (";thuong" if n == 0 else ";1.500") for n, line in enumerate(DATA.splitlines())
        ),
        encoding="utf-8",
    )
    dataset = read_tallies(csv, {})
    assert [t.attrs["thuong"] for t in dataset.tallies] == ["1.500"] * 5
    assert len(dataset.unclear) == 5
    results = evaluate(load(rules_path).ok(), dataset).results
    assert [r.klass("rating") for r in results] == ["good", "other", "other", "good", None]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(17, 2), "8.5"),
        (Fraction(-1, 4), "-0.25"),
        (Fraction(7999, 1000), "7.999"),
        (Fraction(1, 3), "1/3"),  # no decimal is exactly a third: the fraction it is
        (Fraction(1, 10**7), "1/10000000"),  # more than six places
        (Fraction(12), "12"),
    ],
)
def test_an_attribute_is_explained_as_the_decimal_it_is(value: Fraction, text: str) -> None:
    assert show(value) == text
