"""Writing results and tables: the JSON contract, each format, atomic writes, safe cells."""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tinnhiem.engine.formats import (
    OutputError,
    Percent,
    read_tallies,
    results_document,
    write_results,
    write_table,
    write_text,
)
from tinnhiem.engine.model import (
    DataIssue,
    Evaluation,
    Margin,
    Origin,
    ReportRow,
    ReportTable,
    Result,
    Tally,
    Verdict,
    percent,
)
from tinnhiem.rules import ast

LEVELS = ast.Levels(
    (
        ast.Level("cao", "Tín nhiệm cao"),
        ast.Level("tn", "Tín nhiệm"),
        ast.Level("thap", "Tín nhiệm thấp"),
    )
)
TWO_THIRDS = ast.Compare(ast.Share(("thap",)), ">=", ast.Number(Fraction(2, 3), "2/3"))
RULESET = ast.Resolved(
    name="NQ 35/2012/QH13",
    path="rules/nq35.tn",
    files=("rules/nq35.tn",),
    sources=(),
    levels=LEVELS,
    maps=(),
    basis=ast.Basis("members"),
    quorum=None,
    schedule=None,
    exempts=(),
    classifies=(
        ast.Classify(
            "consequence",
            "Hệ quả",
            (ast.Rule("vote", "Bỏ phiếu tín nhiệm", TWO_THIRDS), ast.Rule("none", "Không", None)),
        ),
    ),
    reports=(ast.Report("Phụ lục", "group", ("consequence",)),),
    examples=(),
)
SANG = Tally(
    id="QH01",
    name="Trương Tấn Sang",
    position="Chủ tịch nước",
    group="Lãnh đạo Nhà nước",
    round="2013-06-10",
    turnout={"members": 498, "collected": 492},
    counts={"cao": 330, "tn": 133, "thap": 28},
)
SNEAKY = Tally(
    id="X", name='=HYPERLINK("http://x","y")', position="@SUM(A1)", group="Lãnh đạo Nhà nước"
)
EVALUATED = Result(
    tally=SANG,
    status="evaluated",
    reason=None,
    basis_kind="members",
    basis_value=498,
    counts={"cao": 330, "tn": 133, "thap": 28},
    shares={"cao": Fraction(330, 498), "tn": Fraction(133, 498), "thap": Fraction(28, 498)},
    verdicts=(Verdict("consequence", "Hệ quả", "none", "Không", 14, "rules/nq35.tn", None, ()),),
    margins=(Margin("consequence", "thap", "more", 304, "vote"),),
    trace=("consequence “Hệ quả”, tried vote: 28/498 < 2/3", "→ consequence: none “Không”"),
)
EXEMPT = Result(
    tally=SNEAKY,
    status="exempt",
    reason="Đã có thông báo nghỉ hưu",
    basis_kind="members",
    basis_value=None,
    counts={},
    shares={},
    verdicts=(),
    margins=(),
    trace=(),
)
ROW = ReportRow("Lãnh đạo Nhà nước", 1, {"consequence": {"none": 1}}, exempt=1)
EVALUATION = Evaluation(
    ruleset=RULESET,
    results=(EVALUATED, EXEMPT),
    reports=(ReportTable("Phụ lục", "group", ("consequence",), (ROW,), ROW),),
    warnings=(DataIssue("warning", "the levels add up to 491", Origin("qh.csv", 2, "collected")),),
)


def test_the_json_contract() -> None:
    document = results_document(EVALUATION)
    assert document["ruleset"] == {
        "name": "NQ 35/2012/QH13",
        "file": "rules/nq35.tn",
        "levels": [
            {"id": "cao", "label": "Tín nhiệm cao"},
            {"id": "tn", "label": "Tín nhiệm"},
            {"id": "thap", "label": "Tín nhiệm thấp"},
        ],
    }
    assert document["results"][0] == {
        "id": "QH01",
        "name": "Trương Tấn Sang",
        "position": "Chủ tịch nước",
        "group": "Lãnh đạo Nhà nước",
        "round": "2013-06-10",
        "status": "evaluated",
        "reason": None,
        "basis": {"kind": "members", "value": 498},
        "counts": {"cao": 330, "tn": 133, "thap": 28},
        "shares": {"cao": "330/498", "tn": "133/498", "thap": "28/498"},
        "percent": {"cao": "66.27", "tn": "26.71", "thap": "5.62"},  # as published in 2013
        "classes": {"consequence": {"id": "none", "label": "Không", "line": 14}},
        "margins": {
            "consequence": [{"level": "thap", "direction": "more", "votes": 304, "to": "vote"}]
        },
        "trace": ["consequence “Hệ quả”, tried vote: 28/498 < 2/3", "→ consequence: none “Không”"],
    }
    assert document["results"][1]["status"] == "exempt"
    assert document["results"][1]["basis"] == {"kind": "members", "value": None}
    assert document["reports"] == [
        {
            "title": "Phụ lục",
            "by": "group",
            "blocks": [
                {
                    "id": "consequence",
                    "label": "Hệ quả",
                    "classes": [
                        {"id": "vote", "label": "Bỏ phiếu tín nhiệm"},
                        {"id": "none", "label": "Không"},
                    ],
                }
            ],
            "rows": [
                {
                    "key": "Lãnh đạo Nhà nước",
                    "rated": 1,
                    "exempt": 1,
                    "invalid": 0,
                    "counts": {"consequence": {"none": 1}},
                }
            ],
            "total": {
                "key": "Lãnh đạo Nhà nước",
                "rated": 1,
                "exempt": 1,
                "invalid": 0,
                "counts": {"consequence": {"none": 1}},
            },
        }
    ]
    assert document["warnings"] == [
        {
            "severity": "warning",
            "message": "the levels add up to 491",
            "file": "qh.csv",
            "row": 2,
            "column": "collected",
        }
    ]


def test_a_share_that_is_not_count_over_basis_is_written_in_lowest_terms() -> None:
    result = Result(SANG, "evaluated", None, "members", 498, {"cao": 1}, {"cao": Fraction(2, 3)},
                    (), (), ())  # fmt: skip
    document = results_document(Evaluation(RULESET, (result,), ()))
    assert document["results"][0]["shares"] == {"cao": "2/3"}


def test_json_and_toml_files_hold_the_contract(tmp_path: Path) -> None:
    write_results(EVALUATION, tmp_path / "r.json", "json")
    text = (tmp_path / "r.json").read_text(encoding="utf-8")
    assert json.loads(text) == results_document(EVALUATION)
    assert "Trương Tấn Sang" in text  # not \u-escaped
    write_results(EVALUATION, tmp_path / "r.toml", "toml")
    loaded = tomllib.loads((tmp_path / "r.toml").read_text(encoding="utf-8"))
    first = results_document(EVALUATION)["results"][0]
    assert "reason" not in loaded["results"][0]  # TOML has no null: the key is left out
    assert loaded["results"][0] == {k: v for k, v in first.items() if k != "reason"}
    assert loaded["results"][1]["basis"] == {"kind": "members"}


def test_csv_has_vietnamese_headers_a_bom_and_no_formulas(tmp_path: Path) -> None:
    write_results(EVALUATION, tmp_path / "r.csv", "csv")
    data = (tmp_path / "r.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == (
        "STT,Mã,Họ và tên,Chức vụ,Nhóm,Đợt,Cơ sở tính tỷ lệ (tổng số người được triệu tập),"
        "Tín nhiệm cao,Tín nhiệm cao (%),Tín nhiệm,Tín nhiệm (%),Tín nhiệm thấp,"
        "Tín nhiệm thấp (%),Hệ quả,Trạng thái,Ghi chú"
    )
    assert lines[1] == (
        "1,QH01,Trương Tấn Sang,Chủ tịch nước,Lãnh đạo Nhà nước,2013-06-10,498,330,66.27,133,"
        "26.71,28,5.62,Không,Đã đánh giá,"
    )
    assert lines[2] == (
        '2,X,"\'=HYPERLINK(""http://x"",""y"")",\'@SUM(A1),Lãnh đạo Nhà nước,,,,,,,,,,'
        "Không lấy phiếu,Đã có thông báo nghỉ hưu"
    )


def test_markdown_uses_a_decimal_comma_and_holds_reports_and_warnings(tmp_path: Path) -> None:
    write_results(EVALUATION, tmp_path / "r.md", "md")
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert text.startswith("# NQ 35/2012/QH13\n\n| STT | Mã | Họ và tên |")
    assert (
        "| 1 | QH01 | Trương Tấn Sang | Chủ tịch nước | Lãnh đạo Nhà nước | 2013-06-10 | 498 | "
        "330 | 66,27 | 133 | 26,71 | 28 | 5,62 | Không | Đã đánh giá |  |"
    ) in text
    assert "## Phụ lục" in text
    assert "| Tổng cộng | 1 | 0 | 1 | 1 | 0 |" in text
    assert (
        "## Cảnh báo\n\n- qh.csv, row 2, column 'collected': warning: the levels add up to 491"
        in text
    )


def test_xlsx_has_percent_cells_sheets_and_no_formulas(tmp_path: Path) -> None:
    write_results(EVALUATION, tmp_path / "r.xlsx", "xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["Kết quả", "Phụ lục", "Cảnh báo"]
    sheet = book["Kết quả"]
    assert sheet["I1"].value == "Tín nhiệm cao (%)"
    cell = sheet["I2"]
    assert cell.value == pytest.approx(0.6627, abs=1e-12)
    assert cell.number_format == "0.00%"
    assert sheet["C3"].value == '\'=HYPERLINK("http://x","y")'
    assert sheet["C3"].data_type == "s"
    assert sheet["D3"].value == "'@SUM(A1)"
    assert [c.value for c in book["Phụ lục"][1]] == [
        "Nhóm", "Số được lấy phiếu", "Hệ quả: Bỏ phiếu tín nhiệm", "Hệ quả: Không",
        "Không lấy phiếu", "Không hợp lệ",
    ]  # fmt: skip
    assert [c.value for c in book["Phụ lục"][3]] == ["Tổng cộng", 1, 0, 1, 1, 0]


@pytest.mark.parametrize(
    "share",
    [Fraction(1, 20000), Fraction(3, 20000), Fraction(2, 3), Fraction(28, 42), Fraction(1, 8)],
)
def test_xlsx_percentages_show_what_percent_shows(tmp_path: Path, share: Fraction) -> None:
    write_table(["p"], [[Percent(share)]], tmp_path / "t.xlsx", "xlsx")
    value = load_workbook(tmp_path / "t.xlsx").active["A2"].value
    shown = Decimal(repr(value)) * 100  # what Excel shows with 0.00%: the stored value
    assert shown.quantize(Decimal("0.01")) == Decimal(percent(share))
    assert shown == Decimal(percent(share))


def test_write_table_in_every_format(tmp_path: Path) -> None:
    headers = ["Họ và tên", "Ngày", "Tỷ lệ", "Phần", "Có", "Ghi chú"]
    rows: list[list[object]] = [
        ["An", dt.date(2023, 12, 13), Percent(Fraction(2, 3)), Fraction(1, 2), True, None],
        ["-cmd", None, None, None, False, "a|b"],
    ]
    write_table(headers, rows, tmp_path / "t.csv", "csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "Họ và tên,Ngày,Tỷ lệ,Phần,Có,Ghi chú",
        "An,2023-12-13,66.67,1/2,có,",
        "'-cmd,,,,không,a|b",
    ]
    write_table(headers, rows, tmp_path / "t.md", "md")
    assert (tmp_path / "t.md").read_text(encoding="utf-8").splitlines() == [
        "## Bảng",
        "",
        "| Họ và tên | Ngày | Tỷ lệ | Phần | Có | Ghi chú |",
        "|---|---|---:|---|---|---|",
        "| An | 13/12/2023 | 66,67 | 1/2 | có |  |",
        "| -cmd |  |  |  | không | a\\|b |",
    ]
    write_table(headers, rows, tmp_path / "t.json", "json")
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8")) == {
        "schema_version": 1,
        "title": "Bảng",
        "rows": [
            {"Họ và tên": "An", "Ngày": "2023-12-13", "Tỷ lệ": "66.67", "Phần": "1/2", "Có": True,
             "Ghi chú": None},
            {"Họ và tên": "-cmd", "Ngày": None, "Tỷ lệ": None, "Phần": None, "Có": False,
             "Ghi chú": "a|b"},
        ],
    }  # fmt: skip
    write_table(headers, rows, tmp_path / "t.toml", "toml")
    assert tomllib.loads((tmp_path / "t.toml").read_text(encoding="utf-8")) == {
        "rows": [
            {"Họ và tên": "An", "Ngày": dt.date(2023, 12, 13), "Tỷ lệ": "66.67", "Phần": "1/2",
             "Có": True},
            {"Họ và tên": "-cmd", "Có": False, "Ghi chú": "a|b"},
        ]
    }  # fmt: skip
    write_table(headers, rows, tmp_path / "t.xlsx", "xlsx", title="Danh sách")
    sheet = load_workbook(tmp_path / "t.xlsx")["Danh sách"]
    assert [c.value for c in sheet[3]] == ["'-cmd", None, None, None, False, "a|b"]
    assert sheet["B2"].value == dt.datetime(2023, 12, 13)


def test_a_written_table_reads_back(tmp_path: Path) -> None:
    headers = ["Họ và tên", "Số phiếu thu về", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"]
    rows: list[list[object]] = [["Trương Tấn Sang", 492, 330, 133, 28]]
    for fmt in ("csv", "xlsx", "json", "toml"):
        write_table(headers, rows, tmp_path / f"t.{fmt}", fmt)
        (tally,) = read_tallies(tmp_path / f"t.{fmt}", {}).tallies
        assert (tally.name, dict(tally.counts)) == (rows[0][0], {"cao": 330, "tn": 133, "thap": 28})


def test_the_inputs_are_never_overwritten(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("keep", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(data)
    for target in (data, tmp_path / "sub" / ".." / "data.csv", tmp_path / "link.csv"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(OutputError) as caught:
            write_results(EVALUATION, target, "csv", protect=[str(data)])
        assert str(caught.value) == (
            f"{target}: error: refusing to write over the input file {data}; choose another "
            "output file"
        )
    assert data.read_text(encoding="utf-8") == "keep"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OutputError) as caught:
        write_results(EVALUATION, target, "json")
    assert str(caught.value) == f"{target}: error: cannot write the file: No space left on device"
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_rewrite_keeps_the_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "rules.tn"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_bad_targets(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_results(EVALUATION, tmp_path / "r.pdf", "pdf")
    assert str(caught.value).endswith(
        "error: unknown format 'pdf'; expected one of csv, json, toml, md, xlsx"
    )
    with pytest.raises(OutputError) as caught:
        write_table(["a"], [], tmp_path / "none" / "t.csv", "csv")
    assert (
        str(caught.value)
        == f"{tmp_path / 'none' / 't.csv'}: error: the folder {tmp_path / 'none'} does not exist"
    )
    with pytest.raises(OutputError) as caught:
        write_table(["a"], [], tmp_path, "csv")
    assert str(caught.value) == f"{tmp_path}: error: this is a folder; give a file name to write to"
