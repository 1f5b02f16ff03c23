"""Reading tallies: the same table in every format gives the same tallies; the checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import tomli_w
from openpyxl import Workbook
from tinnhiem.engine import evaluate
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.model import DataError, Dataset, Tally
from tinnhiem.rules import load_text

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}

# Vĩnh Phúc, 13/12/2023 (People's Council; base 47): published counts.
HEADER = ["id", "Họ và tên", "Chức vụ", "Đợt", "Tổng số đại biểu", "cao", "tn", "thap", "appointed"]
Row = tuple[str, str, str, str, int, int, int, int, str]
ROWS: list[Row] = [
    ("VP01", "Hoàng Thị Thúy Lan", "Chủ tịch Hội đồng nhân dân tỉnh", "2023-12-13", 47, 46, 0, 1,
     "2021-06-25"),
    ("VP02", "Lê Duy Thành", "Chủ tịch Ủy ban nhân dân tỉnh", "2023-12-13", 47, 19, 2, 25,
     "2021-06-25"),
]  # fmt: skip


def _expected(path: Path) -> Dataset:
    tallies = tuple(
        Tally(
            id=row[0],
            name=row[1],
            position=row[2],
            round="2023-12-13",
            turnout={"members": 47},
            counts={"cao": row[5], "tn": row[6], "thap": row[7]},
            attrs={"appointed": dt.date(2021, 6, 25)},
        )
        for row in ROWS
    )
    return Dataset(str(path), tallies, ("cao", "tn", "thap"))


def _csv(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    table: list[list[object]] = [list(HEADER), *map(list, ROWS)]
    lines = [delimiter.join(map(str, r)) for r in table]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_csv(tmp_path: Path) -> None:
    path = _csv(tmp_path / "vp.csv")
    dataset = read_tallies(path, LEVELS)
    assert dataset == _expected(path)
    assert [t.origin.row for t in dataset.tallies if t.origin] == [2, 3]


@pytest.mark.parametrize(
    ("name", "delimiter", "encoding"),
    [
        ("bom.csv", ",", "utf-8-sig"),
        ("semicolon.csv", ";", "utf-8-sig"),
        ("tab.tsv", "\t", "utf-8"),
        ("excel-unicode.txt", "\t", "utf-16"),
        ("utf16-semicolon.csv", ";", "utf-16"),
    ],
)
def test_text_variants(tmp_path: Path, name: str, delimiter: str, encoding: str) -> None:
    path = _csv(tmp_path / name, delimiter, encoding)
    assert read_tallies(path, LEVELS) == _expected(path)


def test_xlsx_with_real_dates_and_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in ROWS:
        values: list[object] = list(row)
        values[3] = dt.datetime(2023, 12, 13)
        values[8] = dt.datetime(2021, 6, 25)
        values[4] = 47.0
        sheet.append(values)
    path = tmp_path / "vp.xlsx"
    book.save(path)
    assert read_tallies(path, LEVELS) == _expected(path)


def test_json_and_toml(tmp_path: Path) -> None:
    records = [dict(zip(HEADER, row, strict=True)) for row in ROWS]
    as_list = tmp_path / "list.json"
    as_list.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    as_object = tmp_path / "object.json"
    as_object.write_text(json.dumps({"rows": records}), encoding="utf-8")
    as_toml = tmp_path / "rows.toml"
    as_toml.write_text(tomli_w.dumps({"rows": records}), encoding="utf-8")
    for path in (as_list, as_object, as_toml):
        dataset = read_tallies(path, LEVELS)
        assert dataset == _expected(path)
        assert [t.origin.row for t in dataset.tallies if t.origin] == [1, 2]


def test_a_str_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _csv(tmp_path / "vp.csv")
    monkeypatch.chdir(tmp_path)
    assert read_tallies("vp.csv", LEVELS).path == "vp.csv"


def test_a_level_the_rule_set_lacks_is_still_a_level(tmp_path: Path) -> None:
    path = _csv(tmp_path / "vp.csv")
    dataset = read_tallies(path, {"tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"})
    assert dataset.levels == ("cao", "tn", "thap")
    assert dataset.tallies[1].counts == {"cao": 19, "tn": 2, "thap": 25}


def test_ids_default_to_row_numbers_and_rows_without_counts_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "Kết quả lấy phiếu\n\nname,collected,cao,tn,thap,retirement_notice\n"
        "An,42,30,10,2,\nBình,,,,,x\n",
        encoding="utf-8",
    )
    dataset = read_tallies(path, LEVELS)
    assert [(t.id, t.name, dict(t.counts), dict(t.attrs)) for t in dataset.tallies] == [
        ("4", "An", {"cao": 30, "tn": 10, "thap": 2}, {}),
        ("5", "Bình", {}, {"retirement_notice": True}),
    ]
    assert [w.render() for w in dataset.warnings] == [
        f"{path}, row 3: warning: the header is row 3; the rows above it (1) were taken for a "
        "title and not read"
    ]


def _error(path: Path, text: str, levels: dict[str, str] = LEVELS) -> str:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_tallies(path, levels)
    return str(caught.value).replace(str(path), "F")


def test_errors_are_listed_by_row_then_column(tmp_path: Path) -> None:
    message = _error(
        tmp_path / "t.csv",
        "name,members,collected,cao,tn,thap\nAn,x,42,-1,10,1.5\n,47,40,30,10,2\n",
    )
    assert message.splitlines() == [
        "F, row 2, column 'members': error: expected a whole number, found \"x\"",
        "F, row 2, column 'cao': error: expected a whole number not below 0, found \"-1\"",
        "F, row 2, column 'thap': error: expected a whole number, found \"1.5\", which has a "
        "decimal part",
        "F, row 3, column 'name': error: the row has no name",
    ]


def test_consistency_of_turnout(tmp_path: Path) -> None:
    message = _error(
        tmp_path / "t.csv",
        "name,members,present,issued,collected,invalid,cao,tn,thap\n"
        "An,47,45,46,45,1,30,10,4\n"  # issued > present
        "Bình,47,45,45,45,2,30,10,4\n",  # levels 44 > 45 - 2 valid
    )
    assert message.splitlines() == [
        "F, row 2, column 'issued': error: 46 ballots issued, more than the 45 present",
        "F, row 3, column 'collected': error: the levels add up to 44 (cao 30 + tn 10 + thap 4), "
        "more than the 43 valid ballots (45 collected − 2 invalid)",
    ]


def test_fewer_levels_than_valid_ballots_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("name,valid,cao,tn,thap\nAn,42,30,10,1\n", encoding="utf-8")
    (warning,) = read_tallies(path, LEVELS).warnings
    assert warning.render() == (
        f"{path}, row 2, column 'valid': warning: the levels add up to 41, 1 fewer than the 42 "
        "valid ballots: were some ballots left blank for this person?"
    )


def test_levels_short_of_the_ballots_in_many_rows_give_one_warning(tmp_path: Path) -> None:
    # National Assembly, June 2013: 492 ballots collected, the three counts add up to 490 or 491
    path = tmp_path / "qh.csv"
    path.write_text(
        "name,members,collected,cao,tn,thap\n"
        "Trương Tấn Sang,498,492,330,133,28\n"
        "Nguyễn Thị Doan,498,492,263,215,13\n"
        "Nguyễn Thị Kim Ngân,498,492,372,104,14\n",
        encoding="utf-8",
    )
    (warning,) = read_tallies(path, LEVELS).warnings
    assert warning.render() == (
        f"{path}, column 'collected': warning: in 3 rows (2, 3, 4) the levels add up to fewer "
        "than the ballots collected (by 1 to 2): invalid or blank ballots for these people? (the "
        "data gives no invalid count)"
    )


def test_levels_equal_to_collected_minus_invalid_need_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("name,collected,invalid,cao,tn,thap\nAn,42,1,30,10,1\n", encoding="utf-8")
    assert read_tallies(path, LEVELS).warnings == ()


def test_vinh_phuc_counts_below_members_are_no_warning(tmp_path: Path) -> None:
    # 19 + 2 + 25 = 46 of 47 deputies: nothing says how many ballots there were
    path = _csv(tmp_path / "vp.csv")
    assert read_tallies(path, LEVELS).warnings == ()


def test_a_totals_row_in_any_text_column(tmp_path: Path) -> None:
    message = _error(tmp_path / "t.csv", "STT,name,cao,tn,thap\n1,An,1,2,3\nCộng:,,1,2,3\n")
    assert message == (
        "F, row 3, column 'STT': error: this looks like a totals row (\"Cộng:\"), not a person; "
        "remove it: tinnhiem adds up the counts itself"
    )


def test_an_empty_json_list(tmp_path: Path) -> None:
    assert _error(tmp_path / "t.json", "[]") == "F: error: no rows: the list of rows is empty"


def test_a_missing_file_and_an_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_tallies(tmp_path / "none.csv", LEVELS)
    assert (
        str(caught.value)
        == f"{tmp_path / 'none.csv'}: error: cannot read the file: No such file or directory"
    )
    assert _error(tmp_path / "t.ods", "x") == (
        "F: error: cannot read .ods files; save it as .xlsx (Excel workbook) or CSV"
    )
    assert _error(tmp_path / "t.dat", "x") == (
        "F: error: unknown file type '.dat'; expected one of .csv, .tsv, .txt, .xlsx, .xlsm, "
        ".json, .toml"
    )


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("name,cao\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_tallies(path, LEVELS)
    assert str(caught.value) == (
        f"{path}: error: not a readable Excel workbook (.xlsx): File is not a zip file"
    )


def test_a_person_may_appear_once_per_round(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "name,round,cao,tn,thap\nAn,2022,1,2,3\nAn,2023,1,2,3\nAn,,1,2,3\n", encoding="utf-8"
    )
    assert [t.round for t in read_tallies(path, LEVELS).tallies] == ["2022", "2023", ""]
    assert _error(tmp_path / "u.csv", "name,round,cao\nAn,,1\nAN,,2\n") == (
        "F, row 3, column 'name': error: \"An\" is listed twice with no round (rows 2 and 3)"
    )


def test_json_values_that_are_not_single_values(tmp_path: Path) -> None:
    message = _error(
        tmp_path / "t.json", '[{"name": "An", "cao": 1, "tn": 2, "thap": 3, "note": [1]}]'
    )
    assert message == "F, row 1, column 'note': error: expected a single value, found a list"


MERGED_RULES = """ruleset "t"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
classify band "Mức tín nhiệm" {
  high "Tín nhiệm cao từ 50% trở lên" when share(cao) >= 50%
  else low "Dưới 50%"
}
report "Phụ lục" by group { count band }
"""


def test_a_group_merged_down_is_read_in_every_row_it_covers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH LẤY PHIẾU"])
    sheet.append(["Nhóm", "Họ và tên", "Số phiếu thu về", "cao", "tn", "thap"])
    sheet.append(["Ủy viên Ban Thường vụ", "An", 42, 30, 10, 2])
    sheet.append([None, "Bình", 42, 28, 12, 2])
    sheet.append([None, "Cường", 42, 5, 35, 2])
    sheet.append(["Ủy viên Ban Chấp hành", "Dung", 42, 20, 20, 2])
    sheet.merge_cells("A1:F1")  # the title: above the header, not filled
    sheet.merge_cells("A3:A5")
    path = tmp_path / "t.xlsx"
    book.save(path)
    dataset = read_tallies(path, LEVELS)
    assert [(t.name, t.group) for t in dataset.tallies] == [
        ("An", "Ủy viên Ban Thường vụ"),
        ("Bình", "Ủy viên Ban Thường vụ"),
        ("Cường", "Ủy viên Ban Thường vụ"),
        ("Dung", "Ủy viên Ban Chấp hành"),
    ]
    assert [w.render() for w in dataset.warnings][-1] == (
        f"{path}, row 3: warning: merged cells (A3:A5) were read as the same value in every "
        "row they cover"
    )
    (appendix,) = evaluate(load_text(MERGED_RULES, "t.tn").ok(), dataset).reports
    assert [(r.key, r.rated, dict(r.counts["band"])) for r in appendix.rows] == [
        ("Ủy viên Ban Thường vụ", 3, {"high": 2, "low": 1}),
        ("Ủy viên Ban Chấp hành", 1, {"high": 0, "low": 1}),
    ]


def test_a_merged_range_does_not_fill_a_blank_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Nhóm", "Họ và tên", "cao", "tn", "thap"])
    sheet.append(["BTV", "An", 1, 2, 3])
    sheet.append([None, None, None, None, None])  # blank but for the merged cell: still blank
    sheet.append([None, "Bình", 1, 2, 3])
    sheet.merge_cells("A2:A4")
    path = tmp_path / "t.xlsx"
    book.save(path)
    dataset = read_tallies(path, LEVELS)
    assert [(t.origin.row if t.origin else 0, t.group) for t in dataset.tallies] == [
        (2, "BTV"),
        (4, "BTV"),
    ]
    assert [w.message for w in dataset.warnings] == [
        "merged cells (A2:A4) were read as the same value in every row they cover"
    ]


def _with_formulas(path: Path, values: dict[str, bytes]) -> Path:
    """A workbook whose formula cells hold `values[ref]` as their saved value (b"" for none), as
    Excel saves them (with) or a script writes them (without)."""
    import zipfile

    book = Workbook()
    sheet = book.active
    sheet.append(["name", "collected", "cao", "tn", "thap", "note"])
    sheet.append(["An", "=C2+D2+E2", 30, 10, 2, '=IF(C2>100,"many","")'])
    sheet.append(["Bình", 42, "=42-D3-E3", 10, 2, None])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                # an empty value is written <v /> or, when openpyxl uses lxml, <v></v>
                data = data.replace(b"<v></v>", b"<v />")
                for ref, value in values.items():
                    cell = f'<c r="{ref}"'.encode()
                    at = data.index(b"<v />", data.index(cell))
                    data = (
                        data[:at]
                        + (b"<v>" + value + b"</v>" if value else b"<v />")
                        + data[at + 5 :]
                    )
                data = data.replace(b'<c r="F2">', b'<c r="F2" t="str">')  # a text result: ""
            target.writestr(item.filename, data)
    plain.unlink()
    return path


def test_formulas_with_no_saved_value_are_refused_not_read_as_blank(tmp_path: Path) -> None:
    path = _with_formulas(tmp_path / "f.xlsx", {})
    with pytest.raises(DataError) as caught:
        read_tallies(path, LEVELS)
    assert [i.render() for i in caught.value.issues] == [
        f"{path}: error: formulas with no saved value (B2, C3): the program that wrote the file "
        "did not compute them; open it in Excel or LibreOffice and save it, or write the numbers"
    ]


def test_formulas_with_their_saved_value_are_read_as_that_value(tmp_path: Path) -> None:
    path = _with_formulas(tmp_path / "f.xlsx", {"B2": b"42", "C3": b"30"})
    dataset = read_tallies(path, LEVELS)
    assert [(t.name, dict(t.turnout), dict(t.counts)) for t in dataset.tallies] == [
        ("An", {"collected": 42}, {"cao": 30, "tn": 10, "thap": 2}),
        ("Bình", {"collected": 42}, {"cao": 30, "tn": 10, "thap": 2}),
    ]
