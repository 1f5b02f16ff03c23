"""The fast table of `run`'s default output is the table rich prints, line for line."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from tinnhiem import plain_table
from tinnhiem.plain_table import Column

COLUMNS = [
    Column("#", "right"),
    Column("Họ và tên"),
    Column("Chức vụ"),
    Column("Tín nhiệm cao", "right"),
]
ROWS = [
    ["1", "Nguyễn Văn An", "Giám đốc Sở Tài nguyên và Môi trường", "23 (74,19%)"],
    ["2", "Lê Thị Bình", "Phó Chủ tịch Ủy ban nhân dân tỉnh kiêm Giám đốc", "5 (16,13%)"],
    ["3", "", "Chủ nhiệm", "—"],
    ["10", "名前 漢字 (wide)", "Ủy viên\nBan Thường vụ", "0 (0,00%)"],
    ["11", "Mộttừrấtdàikhôngcókhoảngtrắngnàocả", "Không hợp lệ: quorum not met", "1 (3,23%)"],
]

# texts that wrap, again on later rows (wrapped once, then reused), and a number wider than
# its column (ASCII, but not padded as it is: wrapped as rich wraps it)
REPEATED = [
    *ROWS,
    ["12", "Lê Thị Bình", "Phó Chủ tịch Ủy ban nhân dân tỉnh kiêm Giám đốc", "123456789012345678"],
    ["13", "Lê Thị Bình", "Không hợp lệ: quorum not met", "5 (16,13%)"],
    ["14", "Trần\tBa", "Phó Chủ tịch Ủy ban nhân dân tỉnh kiêm Giám đốc", "1234567890 1234567"],
]


def console(width: int) -> Console:
    return Console(
        file=io.StringIO(), width=width, force_terminal=False, color_system=None, highlight=False
    )


def by_rich(title: str | None, rows: list[list[str]], width: int) -> str:
    table = Table(title=title, title_justify="left")
    for column in COLUMNS:
        table.add_column(column.header, justify=column.justify)
    for row in rows:
        table.add_row(*row)
    out = console(width)
    out.print(table)
    assert isinstance(out.file, io.StringIO)
    return out.file.getvalue()


@pytest.mark.parametrize("width", [20, 30, 45, 60, 80, 120, 200])
@pytest.mark.parametrize(
    "rows", [ROWS, ROWS[:1], [], REPEATED], ids=["five", "one", "none", "repeated"]
)
def test_the_plain_table_is_rich_s_table(width: int, rows: list[list[str]]) -> None:
    title = "QĐ 96-QĐ/TW (2023): kết quả lấy phiếu tín nhiệm"
    expected = by_rich(title, rows, width)
    got = plain_table.render(console(width), title, COLUMNS, rows)
    assert got == expected
    assert max(map(cell_len, got.splitlines())) <= width  # never wider than the console


def test_a_fitting_table_is_as_wide_as_its_widest_cells() -> None:
    got = plain_table.render(console(200), None, COLUMNS[:2], [["1", "An"], ["22", "Bình"]])
    assert got.splitlines() == [
        "┏━━━━┳━━━━━━━━━━━┓",
        "┃  # ┃ Họ và tên ┃",
        "┡━━━━╇━━━━━━━━━━━┩",
        "│  1 │ An        │",
        "│ 22 │ Bình      │",
        "└────┴───────────┘",
    ]
