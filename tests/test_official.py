"""The official appendix: a Word document and a printable HTML page of the results."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from test_tui_support import make_app, pilot_test, ready, settle
from textual.widgets import Input, Select
from tinnhiem.engine.formats.official import html_text, write_docx
from tinnhiem.tui.screens.export import ExportScreen

from tinnhiem import bundled
from tinnhiem.cli import main
from tinnhiem.cli_data import read_data, resolve

DAY = dt.date(2026, 12, 3)


def _evaluation():  # type: ignore[no-untyped-def]
    from tinnhiem.engine import evaluate

    ruleset = resolve(None)
    return evaluate(ruleset, read_data(None, False, ruleset), explain=False)


def _cells(table, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.text for c in table.rows[row].cells]


def test_the_word_appendix_has_title_source_groups_totals_reports_and_date(tmp_path: Path) -> None:
    target = tmp_path / "phu-luc.docx"
    write_docx(_evaluation(), target, day=DAY)
    document = Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert texts == [
        "PHỤ LỤC",
        "KẾT QUẢ LẤY PHIẾU TÍN NHIỆM",
        "Bộ quy tắc: QĐ 262-QĐ/TW (2014)",
        "Căn cứ: Quy định 262-QĐ/TW ngày 08/10/2014 của Bộ Chính trị",
        "Kết quả từng người",
        "Phụ lục",
        "Ngày 03 tháng 12 năm 2026",
    ]
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt) == ("Times New Roman", 13.0)
    people, report = document.tables
    assert _cells(people, 0)[:5] == [
        "STT",
        "Họ và tên",
        "Chức vụ",
        "Tín nhiệm cao (số phiếu)",
        "Tín nhiệm cao (%)",
    ]
    assert set(_cells(people, 1)) == {"Ủy viên Ban Thường vụ Đảng ủy Khối"}  # a group, merged
    assert _cells(people, 2) == [
        "1",
        "Nguyễn Trọng Hòa",
        "Bí thư Đảng ủy Khối",
        "23",
        "74,19%",
        "5",
        "16,13%",
        "3",
        "9,68%",
        "Không",
        "Tín nhiệm cao từ 50% trở lên",
    ]
    assert _cells(people, len(people.rows) - 1)[:3] == ["Tổng cộng", "56 người", "56 được đánh giá"]
    assert _cells(report, len(report.rows) - 1) == [
        "Tổng cộng", "56", "55", "1", "0", "0", "0", "56", "0", "0"
    ]  # fmt: skip


def test_several_rounds_give_each_row_its_round_and_count_people_and_votes_apart(
    tmp_path: Path,
) -> None:
    from tinnhiem.engine import evaluate

    ruleset = resolve("qd96-2023")
    data = bundled.find_data("nhieu-ky.csv")
    evaluation = evaluate(ruleset, read_data(str(data), False, ruleset), explain=False)
    target = tmp_path / "nhieu-ky.docx"
    write_docx(evaluation, target, day=DAY)
    people, report = Document(str(target)).tables
    assert _cells(people, 0)[:4] == ["STT", "Họ và tên", "Đợt", "Chức vụ"]
    # the same person, told apart by the round
    assert [_cells(people, row)[:3] for row in (1, 7, 13)] == [
        ["1", "Đặng Văn Thái", "2012-11-15"],
        ["7", "Đặng Văn Thái", "2013-06-10"],
        ["13", "Đặng Văn Thái", "2014-11-15"],
    ]
    assert _cells(people, len(people.rows) - 1)[:3] == [
        "Tổng cộng",
        "6 người, 18 lượt",
        "18 lượt được đánh giá",
    ]
    assert _cells(report, 0)[1] == "Số được lấy phiếu"  # votes here, not people


def test_the_word_tables_bold_headers_groups_and_totals_only(tmp_path: Path) -> None:
    target = tmp_path / "phu-luc.docx"
    write_docx(_evaluation(), target, day=DAY)
    people = Document(str(target)).tables[0]

    def bold(row: int) -> set[bool | None]:
        return {r.bold for c in people.rows[row].cells for p in c.paragraphs for r in p.runs}

    assert bold(0) == {True}  # the header
    assert bold(1) == {True}  # a group, merged across
    assert bold(2) == {None}  # a person
    assert bold(len(people.rows) - 1) == {True}  # the total


def test_run_writes_docx_and_needs_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.docx"
    assert main(["run", "-f", "docx", "-o", str(target)]) == 0
    assert _cells(Document(str(target)).tables[0], 2)[1] == "Nguyễn Trọng Hòa"
    assert main(["run", "-f", "docx"]) == 2
    assert capsys.readouterr().err == "tinnhiem: --format docx needs --output FILE\n"


def test_the_html_appendix_is_one_printable_page() -> None:
    page = html_text(_evaluation(), DAY)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<h1>PHỤ LỤC</h1>" in page and "@page { size: A4 landscape" in page
    assert "<td>Nguyễn Trọng Hòa</td>" in page and "<td>74,19%</td>" in page
    assert '<p class="date">Ngày 03 tháng 12 năm 2026</p>' in page
    for outside in ("<script", "src=", "href=", "@import", "url("):
        assert outside not in page


@pilot_test
async def test_the_tui_exports_the_word_appendix(tmp_path: Path) -> None:
    target = tmp_path / "phu-luc.docx"
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#path", Input).value = str(target)
        await pilot.pause()
        assert screen.query_one("#format", Select).value == "docx"
        await pilot.press("enter")
        await settle(pilot)
    assert _cells(Document(str(target)).tables[0], 2)[:2] == ["1", "Nguyễn Trọng Hòa"]
    assert bundled.default_data().name == "phu-luc-2022.csv"
