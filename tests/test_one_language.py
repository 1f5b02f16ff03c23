"""One language throughout (issue 13): under a Vietnamese locale every line the command line
prints is Vietnamese. The checker's findings on values and names, the texts Python's readers give
(JSON, TOML, zip, dates), argparse's usage errors and --help, each pinned in both languages; and
every file of the bad-input corpus, read under `LANG=vi_VN.UTF-8`, said without English words."""

from __future__ import annotations

import argparse
import errno
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tinnhiem.engine.formats.library import date_text, json_text, os_text, toml_text, zip_text
from tinnhiem.rules import load_text
from tinnhiem.rules.messages import CATALOG, Foreign, message

from tinnhiem.cli import main

CORPUS = Path(__file__).parent / "corpus"
VALUES = (
    'ruleset "x"\n'
    'levels { tn "T"; thap "Th" }\n'
    "basis valid\n"
    "quorum present >= 3/2 of members\n"
    'schedule { term 5 years; vote in years 2, 2, 7; meeting "H" month 13 }\n'
    'classify c "C" {\n'
    '  a "A" when share(thap) > 50\n'
    '  b "B" when count(thap) > 1/2\n'
    '  d "D" when year(3) > 2020\n'
    '  e "E" when frob(vote_date) > 1\n'
    '  f "F" when share(thap) > 0.3333\n'
    '  g "G" when position in {}\n'
    '  else n "N"\n'
    "}\n"
    'example "e" { valid 10; tn 8.5; thap 4; vote_date 5; expect c n }\n'
)


def _found(text: str) -> dict[str, tuple[str, str, str | None, str | None]]:
    """Each finding by its `line:column`: its words and hint in English and in Vietnamese."""
    return {
        f"{d.line}:{d.column}": (d.text(), d.text("vi"), d.hint_text(), d.hint_text("vi"))
        for d in load_text(text, "r.tn").diagnostics
    }


@pytest.mark.parametrize(
    ("at", "en", "vi", "hint_en", "hint_vi"),
    [
        (
            "4:19",
            "the quorum fraction `3/2` is outside 0..1",
            "tỷ lệ quorum `3/2` nằm ngoài khoảng 0..1",
            None,
            None,
        ),
        ("5:43", "year 2 is listed twice", "năm 2 được liệt kê hai lần", None, None),
        (
            "5:46",
            "year 7 is not a year of the term (1 to 5)",
            "năm 7 không phải một năm của nhiệm kỳ (1 đến 5)",
            None,
            None,
        ),
        (
            "5:67",
            "month 13 is not a month (1 to 12)",
            "tháng 13 không phải một tháng (1 đến 12)",
            None,
            None,
        ),
        (
            "7:28",
            "the threshold `50` is outside 0..1: `share(thap)` is a share",
            "ngưỡng `50` nằm ngoài khoảng 0..1: `share(thap)` là một tỷ lệ",
            "did you mean `50%`?",
            "có phải ý bạn là `50%`?",
        ),
        (
            "8:28",
            "`count(thap)` is a number of votes: compare it with a whole number, not `1/2`",
            "`count(thap)` là một số phiếu: hãy so sánh với một số nguyên, không phải `1/2`",
            "for a part of the basis, use `share(thap)`",
            "để so với một phần của cơ sở tính, hãy dùng `share(thap)`",
        ),
        (
            "9:19",
            "`year` needs a date, but `3` is a number",
            "`year` cần một ngày, nhưng `3` là một số",
            None,
            None,
        ),
        (
            "10:14",
            "unknown function `frob`",
            "không có hàm `frob`",
            "the functions are year(date) and months(date, date)",
            "các hàm là year(date) và months(date, date)",
        ),
        (
            "11:28",
            "0.3333 is not exactly 1/3 (it is 3333/10000); write 1/3 if that is meant",
            "0.3333 không đúng bằng 1/3 (nó là 3333/10000); hãy viết 1/3 nếu ý là vậy",
            None,
            None,
        ),
        (
            "12:14",
            "`in {}` lists nothing",
            "`in {}` không liệt kê gì",
            'list the values: `position in {"Chủ tịch", "Phó Chủ tịch"}`',
            'hãy liệt kê các giá trị: `position in {"Chủ tịch", "Phó Chủ tịch"}`',
        ),
        (
            "15:28",
            "`tn` must be a whole number of votes, not `8.5`",
            "`tn` phải là một số phiếu nguyên, không phải `8.5`",
            None,
            None,
        ),
        (
            "15:51",
            "`vote_date` must be a date (2023-12-20), not `5`",
            "`vote_date` phải là một ngày (2023-12-20), không phải `5`",
            None,
            None,
        ),
    ],
)
def test_the_checks_of_values_in_both_languages(
    at: str, en: str, vi: str, hint_en: str | None, hint_vi: str | None
) -> None:
    assert _found(VALUES)[at] == (en, vi, hint_en, hint_vi)


@pytest.mark.parametrize(
    ("text", "at", "en", "vi"),
    [
        (
            'ruleset "x"\nlevels { tn "T"; present "P" }\nbasis valid\n',
            "2:18",
            "`present` cannot be a level: it is a turnout figure",
            "`present` không dùng làm mức phiếu được: nó là một số liệu kiểm phiếu",
        ),
        (
            'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis valid\n'
            'classify status "S" { else n "N" }\n',
            "4:10",
            "`status` cannot name a classify block",
            "`status` không dùng làm tên khối classify được",
        ),
        (
            'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis valid\n'
            'attribute vote_date date "D"\n',
            "4:11",
            "`vote_date` cannot be declared: it is the date of the vote",
            "`vote_date` không khai báo được: nó là ngày lấy phiếu",
        ),
        (
            'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis valid\n'
            'classify c "C" {\n  a "A" when appointed > 3\n  b "B" when appointed == true\n'
            '  else n "N"\n}\n',
            "6:14",
            "`appointed` is used as a number at line 5 and as true or false here",
            "`appointed` được dùng như một số ở dòng 5 và như đúng hoặc sai (true/false) ở đây",
        ),
        (
            'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis valid\n'
            'attribute appointed date "D"\n'
            'classify c "C" {\n  a "A" when appointed > 3\n  else n "N"\n}\n',
            "6:14",
            "`appointed` is declared `date` at line 4, but is used as a number here",
            "`appointed` được khai báo `date` ở dòng 4, nhưng ở đây được dùng như một số",
        ),
    ],
)
def test_the_last_checks_of_names_in_both_languages(text: str, at: str, en: str, vi: str) -> None:
    assert _found(text)[at][:2] == (en, vi)


def test_and_n_more_in_both_languages() -> None:
    text = 'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis valid\n' + "".join(
        f'classify c{i} "C" {{ a "A" when share(thap) > {i + 2} }}\n' for i in range(30)
    )
    last = load_text(text, "r.tn").diagnostics[-1]
    assert (last.text(), last.text("vi")) == ("and 10 more errors", "và 10 lỗi nữa")
    assert last.render("vi") == "r.tn: lỗi: và 10 lỗi nữa"


def test_more_errors_and_warnings_are_joined_by_and() -> None:
    more = message(
        "more.and",
        parts=_joined(message("more.errors.one", n=1), message("more.warnings.other", n=2)),
    )
    assert (str(more), more.said("vi")) == (
        "and 1 more error and 2 more warnings",
        "và 1 lỗi nữa và 2 cảnh báo nữa",
    )


def _joined(*parts: object) -> object:
    from tinnhiem.rules.messages import Joined

    return Joined(parts, word="more.and_between")


# --- what Python's readers say ---------------------------------------------------------------


def _said(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *argv: str,
    lang: str = "vi_VN.UTF-8",
) -> tuple[int, str, str]:
    """The exit status, stdout and stderr of `tinnhiem ARGV` under `LANG=lang`."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(folder)
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse ends the run by itself
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def _run(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *argv: str,
    lang: str = "vi_VN.UTF-8",
) -> tuple[int, str]:
    """The exit status and stderr."""
    code, _, err = _said(folder, monkeypatch, capsys, *argv, lang=lang)
    return code, err


@pytest.mark.parametrize(
    ("name", "text", "vi", "en"),
    [
        (
            "lv.csv",
            "name,collected,cao,tn,thap,Không tín nhiệm\nAn,42,4,10,20,8\n",
            "lv.csv, cột 'khong': lỗi: dữ liệu có mức `khong` (Không tín nhiệm), mà bộ quy tắc "
            "“QĐ 96-QĐ/TW (2023)” không có (các mức của nó: cao, tn, thap); hãy thêm "
            "`map khong -> …` để đọc nó như một trong các mức đó",
            "lv.csv, column 'khong': error: the data has level `khong` (Không tín nhiệm), which "
            "rule set “QĐ 96-QĐ/TW (2023)” does not have (its levels: cao, tn, thap); add "
            "`map khong -> …` to read it as one of them",
        ),
        (
            "miss.csv",
            "name,collected,cao,tn\nAn,42,4,10\n",
            "miss.csv: lỗi: không có cột cho mức `thap` (Tín nhiệm thấp) của bộ quy tắc “QĐ "
            "96-QĐ/TW (2023)”: cần một tiêu đề ghi mã hoặc nhãn của nó; các cột tìm thấy là "
            '"name", "collected", "cao", "tn"',
            "miss.csv: error: no column for level `thap` (Tín nhiệm thấp) of rule set “QĐ "
            "96-QĐ/TW (2023)”: expected a header with its id or label; the columns found are "
            '"name", "collected", "cao", "tn"',
        ),
        (
            "att.csv",
            "name,collected,cao,tn,thap,appointed,retirement_notice\nAn,42,4,10,28,abc,no\n",
            "att.csv, dòng 2, cột 'appointed': lỗi: cần một ngày (thuộc tính `appointed` được "
            'khai báo là date), nhưng ô ghi "abc"',
            "att.csv, row 2, column 'appointed': error: expected a date (attribute `appointed` is "
            'declared date), found "abc"',
        ),
    ],
)
def test_the_data_against_the_rules_in_both_languages(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    vi: str,
    en: str,
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    argv = ("run", "-r", "qd96-2023", "-d", name)
    code, err = _run(tmp_path, monkeypatch, capsys, *argv)
    assert (code, [line for line in err.splitlines() if ": lỗi: " in line]) == (2, [vi])
    code, err = _run(tmp_path, monkeypatch, capsys, *argv, lang="C")
    assert (code, [line for line in err.splitlines() if ": error: " in line]) == (2, [en])


@pytest.mark.parametrize(
    ("name", "data", "vi", "en"),
    [
        (
            "bad.json",
            # a key not in quotes: the decoder's words are the same on Python 3.11 to 3.13 (a
            # trailing comma is not: 3.13 says "Illegal trailing comma")
            b'{"rows": [{"name": "An", 5: 1}]}',
            "bad.json: lỗi: không phải JSON hợp lệ: cần một tên khóa đặt trong dấu nháy kép "
            "(dòng 1, cột 26)",
            "bad.json: error: not valid JSON: Expecting property name enclosed in double quotes "
            "(line 1, column 26)",
        ),
        (
            "comma.json",
            b'[{"name": "An"}\n {"name": "B"}]',
            "comma.json: lỗi: không phải JSON hợp lệ: cần dấu ',' (dòng 2, cột 2)",
            "comma.json: error: not valid JSON: Expecting ',' delimiter (line 2, column 2)",
        ),
        (
            "open.json",
            b'[{"name": "An}]',
            "open.json: lỗi: không phải JSON hợp lệ: chuỗi bắt đầu ở đây không được đóng (thiếu "
            "dấu nháy kép) (dòng 1, cột 11)",
            "open.json: error: not valid JSON: Unterminated string starting at (line 1, column 11)",
        ),
        (
            "bad.toml",
            b"[[rows]]\nname = An\n",
            "bad.toml: lỗi: không phải TOML hợp lệ: giá trị không hợp lệ (dòng 2, cột 8)",
            "bad.toml: error: not valid TOML: Invalid value (at line 2, column 8)",
        ),
        (
            "open.toml",
            b'[[rows]]\nname = "An\n',
            "open.toml: lỗi: không phải TOML hợp lệ: ký tự không hợp lệ '\\n' (dòng 2, cột 11)",
            "open.toml: error: not valid TOML: Illegal character '\\n' (at line 2, column 11)",
        ),
        (
            "bad.xlsx",
            b"not a zip",
            "bad.xlsx: lỗi: không phải sổ tính Excel (.xlsx) đọc được: tệp không phải tệp zip",
            "bad.xlsx: error: not a readable Excel workbook (.xlsx): File is not a zip file",
        ),
        (
            "day.csv",
            b"name,collected,cao,tn,thap,appointed\nAn,42,4,10,28,31/02/2023\n",
            "day.csv, dòng 2, cột 'appointed': lỗi: cần một ngày (2023-05-01 hoặc 01/05/2023), "
            'nhưng ô ghi "31/02/2023": tháng đó không có ngày này',
            "day.csv, row 2, column 'appointed': error: expected a date (2023-05-01 or "
            '01/05/2023), found "31/02/2023": day is out of range for month',
        ),
        (
            "month.csv",
            b"name,collected,cao,tn,thap,appointed\nAn,42,4,10,28,2023-13-01\n",
            "month.csv, dòng 2, cột 'appointed': lỗi: cần một ngày (2023-05-01 hoặc 01/05/2023), "
            'nhưng ô ghi "2023-13-01": tháng phải từ 1 đến 12',
            "month.csv, row 2, column 'appointed': error: expected a date (2023-05-01 or "
            '01/05/2023), found "2023-13-01": month must be in 1..12',
        ),
    ],
)
def test_a_library_s_words_in_both_languages_with_their_place(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    vi: str,
    en: str,
) -> None:
    (tmp_path / name).write_bytes(data)
    argv = ("run", "-r", "qd96-2023", "-d", name)
    assert _run(tmp_path, monkeypatch, capsys, *argv) == (2, vi + "\n")
    assert _run(tmp_path, monkeypatch, capsys, *argv, lang="C") == (2, en + "\n")


@pytest.mark.parametrize(
    ("said", "en", "vi"),
    [
        (json_text("Extra data"), "Extra data", "còn dữ liệu sau khi giá trị đã kết thúc"),
        (
            json_text("Invalid \\escape: 'q'"),
            "Invalid \\escape: 'q'",
            "có chuỗi thoát (\\…) không hợp lệ",
        ),
        (
            toml_text("Cannot declare ('rows',) twice (at line 4, column 1)"),
            "Cannot declare ('rows',) twice (at line 4, column 1)",
            "không khai báo ('rows',) hai lần được (dòng 4, cột 1)",
        ),
        (
            toml_text("Unclosed array (at end of document)"),
            "Unclosed array (at end of document)",
            "mảng không được đóng (thiếu ]) (ở cuối tệp)",
        ),
        (
            zip_text("Bad CRC-32 for file 'xl/workbook.xml'"),
            "Bad CRC-32 for file 'xl/workbook.xml'",
            "mã kiểm tra CRC-32 của phần 'xl/workbook.xml' sai: tệp bị hỏng",
        ),
        (
            zip_text("\"There is no item named 'xl/workbook.xml' in the archive\""),
            "\"There is no item named 'xl/workbook.xml' in the archive\"",
            "tệp zip không có phần 'xl/workbook.xml'",
        ),
        (
            zip_text("Error -3 while decompressing data: invalid stored block lengths"),
            "Error -3 while decompressing data: invalid stored block lengths",
            "lỗi -3 khi giải nén dữ liệu: tệp bị hỏng",
        ),
        (
            date_text("year 0 is out of range"),
            "year 0 is out of range",
            "năm 0 nằm ngoài khoảng cho phép",
        ),
        (
            os_text(OSError(errno.EACCES, "Permission denied")),
            "Permission denied",
            "không có quyền truy cập",
        ),
        (
            os_text(OSError(errno.ENOENT, "No such file or directory")),
            "No such file or directory",
            "không có tệp hoặc thư mục này",
        ),
        (os_text(OSError(errno.EIO, "Input/output error")), "Input/output error", "lỗi hệ thống 5"),
        # texts no mapping knows: English as the library said it; Vietnamese by the reader,
        # with the place that the message around it gives
        (json_text("A new complaint"), "A new complaint", "trình đọc JSON dừng ở đây"),
        (
            toml_text("A new complaint (at line 2, column 3)"),
            "A new complaint (at line 2, column 3)",
            "trình đọc TOML dừng ở đây (dòng 2, cột 3)",
        ),
        (zip_text("A new complaint"), "A new complaint", "trình đọc zip không đọc được tệp"),
        (date_text("A new complaint"), "A new complaint", "không phải ngày có trong lịch"),
    ],
)
def test_each_library_text_in_both_languages(said: object, en: str, vi: str) -> None:
    assert isinstance(said, Foreign) or hasattr(said, "said")
    assert (str(said), said.said("vi")) == (en, vi)  # type: ignore[attr-defined]


# --- argparse --------------------------------------------------------------------------------

USAGE_COMPARE_VI = (
    "cách dùng: tinnhiem compare [-h] [--color {auto,always,never}]\n"
    "                            [--all-warnings] [--lang {en,vi}] [--data D]\n"
    "                            [--ballots] [--format {table,json,csv,md}]\n"
    "                            [--output FILE]\n"
    "                            A B\n"
)


@pytest.mark.parametrize(
    ("argv", "lang", "last"),
    [
        (
            ("compare",),
            "vi_VN.UTF-8",
            "tinnhiem compare: lỗi: thiếu đối số bắt buộc: A, B",
        ),
        (
            ("compare",),
            "C",
            "tinnhiem compare: error: the following arguments are required: A, B",
        ),
        (
            ("run", "-f", "pdf"),
            "vi_VN.UTF-8",
            "tinnhiem run: lỗi: đối số --format/-f: lựa chọn không hợp lệ: 'pdf' (hãy chọn một "
            "trong 'table', 'csv', 'json', 'jsonl', 'toml', 'md', 'xlsx', 'docx', 'html')",
        ),
        (
            ("run", "-f", "pdf"),
            "C",
            "tinnhiem run: error: argument --format/-f: invalid choice: 'pdf' (choose from "
            "'table', 'csv', 'json', 'jsonl', 'toml', 'md', 'xlsx', 'docx', 'html')",
        ),
        (
            ("run", "--rules"),
            "vi_VN.UTF-8",
            "tinnhiem run: lỗi: đối số --rules/-r: cần một đối số",
        ),
        (
            ("check", "--bogus", "a.tn"),
            "vi_VN.UTF-8",
            "tinnhiem: lỗi: đối số không nhận ra: --bogus",
        ),
        (("check", "--bogus", "a.tn"), "C", "tinnhiem: error: unrecognized arguments: --bogus"),
        # --lang wins over the locale, for argparse's words too
        (
            ("compare", "--lang", "vi"),
            "C",
            "tinnhiem compare: lỗi: thiếu đối số bắt buộc: A, B",
        ),
        (
            ("compare", "--lang=en"),
            "vi_VN.UTF-8",
            "tinnhiem compare: error: the following arguments are required: A, B",
        ),
    ],
)
def test_a_usage_error_in_the_locale_s_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    lang: str,
    last: str,
) -> None:
    code, err = _run(tmp_path, monkeypatch, capsys, *argv, lang=lang)
    assert (code, err.splitlines()[-1]) == (2, last)


def test_the_usage_line_is_said_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, err = _run(tmp_path, monkeypatch, capsys, "compare")
    assert (code, err) == (
        2,
        USAGE_COMPARE_VI + "tinnhiem compare: lỗi: thiếu đối số bắt buộc: A, B\n",
    )


def test_help_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as ended:
        main(["compare", "--help"])
    out = capsys.readouterr().out
    assert ended.value.code == 0
    assert out.startswith("cách dùng: tinnhiem compare [-h]")
    assert "\nđối số theo vị trí:\n" in out and "\ntùy chọn:\n" in out
    assert "  -h, --help            hiện trợ giúp này rồi thoát\n" in out
    assert (
        "  --output FILE, -o FILE\n                        ghi vào FILE (trọn vẹn một lần)\n" in out
    )
    assert out.endswith(
        "ví dụ:\n"
        "  tinnhiem compare qd262-2014 qd96-2023 -d phu-luc-2022\n"
        "      ai đổi loại\n"
        "  tinnhiem compare qd262-2014 qd96-2023 -d phu-luc-2022 -f csv -o doi-loai.csv\n"
        "      những người đổi loại, dạng CSV\n\n"
        "trạng thái thoát:\n"
        "  0  đã so sánh, dù có ai đổi loại hay không\n"
        "  1  không dùng\n"
        "  2  dùng sai, hoặc dữ liệu vào không dùng được (nêu rõ tệp, dòng và cột)\n"
    )
    for english in ("usage:", "positional arguments", "options:", "show this help", "examples:"):
        assert english not in out


def test_a_usage_error_ends_with_2_and_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tinnhiem", "sweep", "qd96-2023"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={"LANG": "vi_VN.UTF-8", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        "tinnhiem sweep: lỗi: thiếu đối số bắt buộc: --rule, --from, --to"
    )


def test_the_catalog_s_argparse_english_is_argparse_s_own() -> None:
    """A Python that rewords a message would silently show it in English: this says so."""
    source = inspect.getsource(argparse)
    # the words every usage error and --help shows (the rarer ones may change between versions)
    for name in ("usage", "positionals", "options", "help", "error", "required", "choice"):
        english = CATALOG[f"argparse.{name}"][0]
        assert repr(english)[1:-1] in source or english in source, name
    for name in ("unrecognized", "one_argument", "argument"):
        assert CATALOG[f"argparse.{name}"][0] in source, name


@pytest.mark.parametrize(
    ("argv", "vi", "en"),
    [
        (
            ("run", "-d", "nowhere.csv"),
            "tinnhiem: không có tệp dữ liệu 'nowhere.csv' (có sẵn: ",
            "tinnhiem: no data file 'nowhere.csv' (bundled: ",
        ),
        (
            ("check", "nowhere.tn"),
            "tinnhiem: không có tệp quy tắc 'nowhere.tn' (các bộ quy tắc có sẵn: ",
            "tinnhiem: no rules file 'nowhere.tn' (bundled rule sets: ",
        ),
        (
            ("sweep", "qd96-2023", "--rule", "consequnce.review", "--from", "40%", "--to", "60%"),
            "tinnhiem: --rule 'consequnce.review': không có khối `consequnce`; có phải ý bạn là "
            "`consequence`?\n",
            "tinnhiem: --rule 'consequnce.review': no block `consequnce`; did you mean "
            "`consequence`?\n",
        ),
        (
            (
                "sweep",
                "qd96-2023",
                "--rule",
                "consequence.review",
                "--from",
                "40%",
                "--to",
                "60%",
                "--step",
                "50%",
            ),
            "tinnhiem: --from '40%' --to '60%' --step '50%': bước lớn hơn cả khoảng: chỉ điểm "
            "đầu được thử\n",
            "tinnhiem: --from '40%' --to '60%' --step '50%': the step is larger than the range: "
            "only its start would be tried\n",
        ),
        (
            ("run", "-o", "/nowhere/x.csv", "-f", "csv"),
            "/nowhere/x.csv: lỗi: thư mục /nowhere không tồn tại\n",
            "/nowhere/x.csv: error: the folder /nowhere does not exist\n",
        ),
        (
            ("diff", "qd96-2023", "qd96-2023", "--block", "nope"),
            "tinnhiem: --block nope: không bộ quy tắc nào có khối `nope`\n",
            "tinnhiem: --block nope: neither rule set has a block `nope`\n",
        ),
        (
            ("schedule", "qd96-2023", "--term", "2021"),
            "tinnhiem: --term '2021': cần hai năm, ví dụ 2021-2026",
            "tinnhiem: --term '2021': expected two years like 2021-2026",
        ),
    ],
)
def test_a_bad_argument_in_both_languages(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    vi: str,
    en: str,
) -> None:
    code, err = _run(tmp_path, monkeypatch, capsys, *argv)
    assert code == 2 and err.startswith(vi)
    code, err = _run(tmp_path, monkeypatch, capsys, *argv, lang="C")
    assert code == 2 and err.startswith(en)


# --- the whole bad-input corpus, under Vietnamese --------------------------------------------

# English a Vietnamese line must not hold (outside quotes, backquotes and the quoted source)
ENGLISH = re.compile(
    r"error:|warning:|expected|invalid|\bline |column|must|not found|\bthe\b|cannot", re.I
)
# words of the rules language said bare in Vietnamese sentences: `valid hoặc invalid`
KEYWORDS = re.compile(r"\b(?:members|present|issued|collected|valid|invalid)\b")
QUOTED = re.compile(r"`[^`]*`|\"[^\"]*\"|'[^']*'|“[^”]*”")
SOURCE = re.compile(r"\s*\d*\s*\|")  # ` 4 | quorum …` and its caret line: the file as written


def _corpus() -> list[tuple[str, ...]]:
    runs: list[tuple[str, ...]] = []
    for path in sorted((CORPUS / "data").iterdir()):
        if path.name.startswith("_") or path.suffix == ".expected" or ".turnout." in path.name:
            continue
        ballots = ("--ballots",) if path.name.startswith("ballots-") else ()
        runs.append(("run", "-r", "qd96-2023", "-d", str(path), *ballots))
    runs += [("check", str(p)) for p in sorted((CORPUS / "rules").glob("*.tn"))]
    runs += [("test", str(p)) for p in sorted((CORPUS / "rules").glob("*.tn"))]
    return runs


def test_the_bad_input_corpus_says_no_english_under_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    english: list[str] = []
    runs = _corpus()
    assert len(runs) > 190  # every file of both corpora
    for argv in runs:
        _, out, err = _said(tmp_path, monkeypatch, capsys, *argv)
        said = err if argv[0] == "run" else err + out  # `check` and `test` print on stdout
        for line in said.replace(argv[-1] if argv[0] != "run" else argv[4], "F").splitlines():
            if SOURCE.match(line):
                continue
            bare = KEYWORDS.sub("", QUOTED.sub("", line))
            if ENGLISH.search(bare):
                english.append(f"{' '.join(argv)}: {line}")
    assert english == []


EXAMPLES = (
    'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis valid\n'
    'classify c "C" {\n  a "A" when share(thap) > 1/2\n  else n "N"\n}\n'
    'example "e" { valid 10; tn 2; thap 8; expect c n }\n'
    'example "g" { valid 10; tn 2; thap 8 }\n'
)


@pytest.mark.parametrize(
    ("lang", "out"),
    [
        (
            "vi_VN.UTF-8",
            'ex.tn:8: ví dụ "e": c: cần n, nhưng được a\n'
            'ex.tn:9: ví dụ "g": không có `expect`\n'
            "0 đạt, 2 không đạt\n",
        ),
        (
            "C",
            'ex.tn:8: example "e": c: expected n, got a\n'
            'ex.tn:9: example "g": has no `expect`\n'
            "0 passed, 2 failed\n",
        ),
    ],
)
def test_failing_examples_in_the_locale_s_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    out: str,
) -> None:
    (tmp_path / "ex.tn").write_text(EXAMPLES, encoding="utf-8")
    assert _said(tmp_path, monkeypatch, capsys, "test", "ex.tn", lang=lang) == (1, out, "")
