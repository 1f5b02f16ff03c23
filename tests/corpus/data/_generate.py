"""Writes the files of this corpus whose bytes matter (encodings, BOM, NFD, XLSX).

Run from anywhere: `python tests/corpus/data/_generate.py`. The plain text files of the corpus
are written by hand; this script writes only those that are awkward to write by hand. The
`.expected` files are not written here: each holds the message a person checked.
"""

import datetime as dt
import io
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def text(name: str, content: str, encoding: str = "utf-8", newline: str = "\n") -> None:
    (HERE / name).write_bytes(content.replace("\n", newline).encode(encoding))


def workbook(
    name: str,
    sheets: dict[str, list[list[object]]],
    merges: dict[str, list[str]] | None = None,
    saved: dict[str, str] | None = None,
) -> None:
    """`saved`: the values of the first sheet's formula cells, as Excel saves them with the
    formulas (openpyxl computes none and leaves them empty)."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if saved:
        data = _save_values(data, saved)
    (HERE / name).write_bytes(data)


def _save_values(data: bytes, saved: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in saved.items():
                    at = part.index(b"<v />", part.index(f'<c r="{ref}"'.encode()))
                    part = part[:at] + f"<v>{value}</v>".encode() + part[at + 5 :]
            target.writestr(item.filename, part)
    return out.getvalue()


# A Vietnamese-locale Excel: "CSV UTF-8" with a BOM, semicolons, CRLF.
text(
    "semicolon-vi-locale.csv",
    "\ufeffSTT;Họ và tên;Chức vụ;Số phiếu phát ra;Số phiếu thu về;Số phiếu hợp lệ;"
    "Số phiếu không hợp lệ;Tín nhiệm cao;Tín nhiệm;Tín nhiệm thấp\n"
    "1;Nguyễn Văn An;Bí thư, Chủ tịch;31;31;30;1;20;8;2\n"
    "2;Trần Thị Bình;Phó Bí thư;31;31;31;0;25;6;0\n",
    newline="\r\n",
)

# Excel's "Unicode Text": UTF-16 LE with a BOM, tab-delimited.
text(
    "utf16-excel.txt",
    "\ufeffHọ và tên\tChức vụ\tTổng số đại biểu\tTín nhiệm cao\tTín nhiệm\tTín nhiệm thấp\n"
    "Lê Văn Cường\tChủ tịch\t47\t40\t5\t2\n"
    "Phạm Thị Dung\tPhó Chủ tịch\t47\t30\t10\t6\n",
    encoding="utf-16-le",
    newline="\r\n",
)

# Headers written in NFD (as macOS file names and some web forms give them).
nfd = unicodedata.normalize("NFD", "Họ và tên,Tín nhiệm cao,Tín nhiệm,Tín nhiệm thấp,Số phiếu thu về")
text("nfd-headers.csv", nfd + "\nHoàng Văn Em,30,10,2,42\n")

# Bytes of Windows-1258 (Vietnamese ANSI), which are not UTF-8.
(HERE / "legacy-cp1258.csv").write_bytes(
    b"name,collected,cao,tn,thap\r\n"
    b"Nguyen Van An,30,20,8,2\r\n"
    + "Lê Văn Bi\u0300nh,30,21,8,1\r\n".encode("cp1258")  # cp1258 writes ì as i + a grave
)

# UTF-16 without a byte-order mark: NUL bytes in what looks like text.
text("utf16-no-bom.csv", "name,cao,tn,thap\nAn,1,2,3\n", encoding="utf-16-le")

# A workbook saved under a .csv name.
workbook("xlsx-named-csv.xlsx", {"Sheet": [["name", "cao"], ["An", 1]]})
(HERE / "xlsx-named-csv.xlsx").rename(HERE / "xlsx-named.csv")

# A two-row header with merged cells, and a title above it.
workbook(
    "merged-header.xlsx",
    {
        "Kết quả": [
            ["KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM 2023"],
            ["STT", "Họ và tên", "Chức vụ", "Kết quả", None, None],
            [None, None, None, "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"],
            [1, "Nguyễn Văn An", "Bí thư", 20, 8, 2],
            [2, "Trần Thị Bình", "Phó Bí thư", 25, 5, 0],
        ]
    },
    {"Kết quả": ["A1:F1", "D2:F2"]},
)

# The results on a second sheet named "Kết quả", a title above the header, counts stored as
# floats (12.0), a date attribute and a yes/no attribute.
workbook(
    "xlsx-results-sheet.xlsx",
    {
        "Hướng dẫn": [["Điền kết quả vào trang Kết quả."]],
        "Kết quả": [
            ["Kết quả lấy phiếu tín nhiệm, kỳ họp thứ 7"],
            [],
            ["Họ và tên", "Chức vụ", "Số phiếu thu về", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp", "appointed", "retirement_notice"],
            ["Nguyễn Văn An", "Chủ tịch", 42.0, 30.0, 10, 2, dt.datetime(2021, 7, 1), "không"],
            ["Trần Thị Bình", "Phó Chủ tịch", 42, 12.0, 2, 28.0, dt.datetime(2019, 5, 15), "có"],
        ],
    },
)

# Counts that are not whole numbers, as a spreadsheet stores them.
workbook(
    "xlsx-decimal-count.xlsx",
    {
        "Sheet1": [
            ["name", "collected", "cao", "tn", "thap"],
            ["Nguyễn Văn An", 42, 30.5, 9.5, 2],
            ["Trần Thị Bình", 42, True, 2, 28],
            ["Lê Văn Cường", 42, dt.datetime(2023, 1, 2), 2, 28],
        ]
    },
)

# A ballot workbook that would say who voted: refused, without reading a value of the column.
workbook(
    "ballots-voter-email.xlsx",
    {
        "Phiếu": [
            ["STT", "Nguyễn Văn An", "Trần Thị Bình", "Email người bỏ phiếu"],
            [1, "cao", "tn", "dung@example.vn"],
            [2, "tn", "thap", "hoa@example.vn"],
        ]
    },
)

# --- [4/4] what real offices produce ---------------------------------------------------------

# A Vietnamese-locale Excel export: semicolons, a decimal comma in an attribute, dates d/m/Y.
text(
    "vi-locale-decimal-comma.csv",
    "\ufeffHọ và tên;Số phiếu thu về;Tín nhiệm cao;Tín nhiệm;Tín nhiệm thấp;Điểm đánh giá;appointed\n"
    "Nguyễn Văn An;42;30;10;2;8,5;15/03/2021\n"
    "Trần Thị Bình;42;28;12;2;9,25;01/07/2019\n",
    newline="\r\n",
)

# TCVN3 (ABC) bytes: "Lª V¨n Hïng", as a font-encoded legacy file writes them.
(HERE / "legacy-tcvn3.csv").write_bytes(
    "name,collected,cao,tn,thap\r\nLª V¨n Hïng,30,20,8,2\r\n".encode("latin-1")
)

# VNI bytes: "Leâ Vaên Huøng", letters followed by tone and vowel marks in the 0x80-0xFF range.
(HERE / "legacy-vni.csv").write_bytes(
    "name,collected,cao,tn,thap\r\nLeâ Vaên Huøng,30,20,8,2\r\n".encode("cp1252")
)

# Numbers stored as text in a workbook (the green triangle in Excel), with spaces and a
# thousands dot in one of them.
workbook(
    "xlsx-numbers-as-text.xlsx",
    {
        "Kết quả": [
            ["Họ và tên", "Số phiếu thu về", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"],
            ["Nguyễn Văn An", "42", " 30 ", "10", "2"],
            ["Trần Thị Bình", "1.042", "1.000", "40", "2"],
        ]
    },
)

# A totals row at the bottom of a workbook, its sums as formulas with their values, as Excel
# saves them.
TOTALS = {
    "Kết quả": [
        ["STT", "Họ và tên", "Số phiếu thu về", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"],
        [1, "Nguyễn Văn An", 42, 30, 10, 2],
        [2, "Trần Thị Bình", 42, 28, 12, 2],
        [None, None, None, None, None, None],
        [None, "Tổng cộng", "=SUM(C2:C3)", "=SUM(D2:D3)", "=SUM(E2:E3)", "=SUM(F2:F3)"],
    ]
}
workbook("xlsx-totals-row.xlsx", TOTALS, saved={"C5": "84", "D5": "58", "E5": "22", "F5": "4"})

# The same written by a script: the formulas' values were never computed, so never saved.
workbook("xlsx-formulas-not-computed.xlsx", TOTALS)

# A group merged down beside the people in it, as an office lays out a list: read-only openpyxl
# sees the group only in the first row; every row of the range gets it, with a warning.
workbook(
    "xlsx-merged-group.xlsx",
    {
        "Kết quả": [
            ["STT", "Nhóm", "Họ và tên", "Số phiếu thu về", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"],
            [1, "Ủy viên Ban Thường vụ", "Nguyễn Văn An", 42, 30, 10, 2],
            [2, None, "Trần Thị Bình", 42, 28, 12, 2],
            [3, None, "Lê Văn Cường", 42, 35, 5, 2],
            [4, "Ủy viên Ban Chấp hành", "Phạm Thị Dung", 42, 20, 20, 2],
        ]
    },
    {"Kết quả": ["B2:B4"]},
)
