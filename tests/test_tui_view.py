"""The TUI's views of issue 13: copying to the clipboard, going to a line, the rules in plain
Vietnamese, several rounds of the same people, and the results fitted to the terminal."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import make_app, pilot_test, ready, settle
from tinnhiem.tui.app import TinnhiemApp


def said(app: TinnhiemApp, count: int = 0) -> list[tuple[str, str, str]]:
    """(severity, title, message) of the notifications after the first `count`."""
    return [(n.severity, n.title, n.message) for n in list(app._notifications)[count:]]


# --- copy to the clipboard -------------------------------------------------------------------


@pilot_test
async def test_c_copies_the_highlighted_row_tab_separated_in_the_order_of_the_headers(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("down", "c")
        await settle(pilot)
        assert app.clipboard == "\t".join(
            [
                "2",
                "Phạm Kim Hương",
                "Không",
                "Tín nhiệm cao từ 50% trở lên",
                "26",
                "83,87%",
                "5",
                "16,13%",
                "0",
                "0,00%",
                "31",
                "Phó Bí thư Thường trực Đảng ủy Khối",
                "Ủy viên Ban Thường vụ Đảng ủy Khối",
            ]
        )
        assert said(app)[-1] == (
            "information",
            "Đã chép vào bộ nhớ tạm",
            "Dòng «Phạm Kim Hương»: 13 ô, cách nhau bằng tab",
        )


@pilot_test
async def test_y_copies_the_why_panel_as_plain_text(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("y")
        await settle(pilot)
        lines = app.clipboard.split("\n")
        assert lines[:9] == [
            "Nguyễn Trọng Hòa",
            "Bí thư Đảng ủy Khối · Ủy viên Ban Thường vụ Đảng ủy Khối · Đảng ủy Khối các cơ quan tỉnh "
            "· 2018-12-27",
            "",
            "Cơ sở tính",
            "  số phiếu thu về = 31",
            "",
            "Số phiếu",
            "  Tín nhiệm cao  23 23/31 74,19%",
            "  Tín nhiệm       5 5/31  16,13%",
        ]
        assert "  Hệ quả: Không  (dòng 40, qd262-2014.tn)" in lines
        assert all(line == line.rstrip() for line in lines)
        assert said(app)[-1] == (
            "information",
            "Đã chép vào bộ nhớ tạm",
            f"Phần giải thích «vì sao» của Nguyễn Trọng Hòa: {len(lines)} dòng",
        )


@pilot_test
async def test_c_copies_a_row_of_the_report_and_is_text_in_the_rules_editor(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        grid = app.current_grid()
        assert grid is not None
        assert app.clipboard == "\t".join(c.plain for c in grid.row_cells(grid.cursor))
        assert app.clipboard.split("\t")[0] == grid.cell_text(0, grid.column_keys[0])
        await pilot.press("6", "tab", "end", "c", "y")
        await settle(pilot)
        editor = app.query_one("#editor")
        row = editor.cursor_location[0]
        assert editor.document.get_line(row).endswith("cy")
        assert app.clipboard.split("\t")[0] == grid.cell_text(0, grid.column_keys[0])
