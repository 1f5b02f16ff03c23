"""Under the Vietnamese interface the data checks speak Vietnamese: each message of reading
tallies and ballots, said in both languages, the English as it always was."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from tinnhiem.engine.formats import read_ballots, read_tallies
from tinnhiem.engine.model import DataError, DataIssue
from tinnhiem.rules import disk_loader, load_text

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}


def _issues(path: Path, read: Callable[..., object] = read_tallies) -> tuple[DataIssue, ...]:
    try:
        return read(path, LEVELS).warnings  # type: ignore[attr-defined,no-any-return]
    except DataError as error:
        return error.issues


def _said(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    """Each issue of reading `text` as the file `name`, in English and in Vietnamese."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    return [(issue.render(), issue.render("vi")) for issue in _issues(Path(name))]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the file is named as given: "a.csv"


def test_the_turnout_checks_in_both_languages(tmp_path: Path) -> None:
    text = "name,members,present,issued,collected,valid,cao,tn,thap\nAn,40,41,42,43,40,30,10,2\n"
    assert _said(tmp_path, "a.csv", text) == [
        (
            "a.csv, row 2, column 'present': error: 41 present, more than the 40 members",
            "a.csv, dòng 2, cột 'present': lỗi: 41 người có mặt, nhiều hơn 40 người được triệu tập",
        ),
        (
            "a.csv, row 2, column 'issued': error: 42 ballots issued, more than the 40 members",
            "a.csv, dòng 2, cột 'issued': lỗi: 42 phiếu phát ra, nhiều hơn 40 người được triệu tập",
        ),
        (
            "a.csv, row 2, column 'issued': error: 42 ballots issued, more than the 41 present",
            "a.csv, dòng 2, cột 'issued': lỗi: 42 phiếu phát ra, nhiều hơn 41 người có mặt",
        ),
        (
            "a.csv, row 2, column 'collected': error: 43 ballots collected, more than the 40 "
            "members",
            "a.csv, dòng 2, cột 'collected': lỗi: 43 phiếu thu về, nhiều hơn 40 người được "
            "triệu tập",
        ),
        (
            "a.csv, row 2, column 'collected': error: 43 ballots collected, more than the 42 "
            "issued",
            "a.csv, dòng 2, cột 'collected': lỗi: 43 phiếu thu về, nhiều hơn 42 phiếu phát ra",
        ),
        (
            "a.csv, row 2, column 'valid': error: the levels add up to 42 (cao 30 + tn 10 + "
            "thap 2), more than the 40 valid ballots",
            "a.csv, dòng 2, cột 'valid': lỗi: tổng số phiếu các mức là 42 (cao 30 + tn 10 + "
            "thap 2), nhiều hơn 40 phiếu hợp lệ",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "en", "vi"),
    [
        (
            "name,collected,valid,invalid,cao,tn,thap\nAn,42,40,3,30,5,2\n",
            "a.csv, row 2, column 'collected': error: 40 valid + 3 invalid = 43 ballots, but 42 "
            "ballots collected",
            "a.csv, dòng 2, cột 'collected': lỗi: 40 phiếu hợp lệ + 3 phiếu không hợp lệ = 43 "
            "phiếu, nhưng có 42 phiếu thu về",
        ),
        (
            "name,collected,invalid,cao,tn,thap\nAn,42,3,30,10,2\n",
            "a.csv, row 2, column 'collected': error: the levels add up to 42 (cao 30 + tn 10 + "
            "thap 2), more than the 39 valid ballots (42 collected − 3 invalid)",
            "a.csv, dòng 2, cột 'collected': lỗi: tổng số phiếu các mức là 42 (cao 30 + tn 10 + "
            "thap 2), nhiều hơn 39 phiếu hợp lệ (42 phiếu thu về − 3 phiếu không hợp lệ)",
        ),
        (
            "name,valid,cao,tn,thap\nAn,42,30,10,1\n",
            "a.csv, row 2, column 'valid': warning: the levels add up to 41, 1 fewer than the 42 "
            "valid ballots: were some ballots left blank for this person?",
            "a.csv, dòng 2, cột 'valid': cảnh báo: tổng số phiếu các mức là 41, ít hơn 1 so với "
            "42 phiếu hợp lệ: có phiếu nào để trống ở người này không?",
        ),
        (
            "name,collected,cao,tn,thap\nAn,42,30,10,1\nBình,42,30,10,1\nChi,42,30,10,0\n",
            "a.csv, column 'collected': warning: in 3 rows (2, 3, 4) the levels add up to fewer "
            "than the ballots collected (by 1 to 2): invalid or blank ballots for these people? "
            "(the data gives no invalid count)",
            "a.csv, cột 'collected': cảnh báo: ở 3 dòng (2, 3, 4) tổng số phiếu các mức ít hơn "
            "số phiếu thu về (chênh từ 1 đến 2): có phiếu không hợp lệ hoặc để trống ở những "
            "người này không? (dữ liệu không có số phiếu không hợp lệ)",
        ),
        (
            "name,collected,cao,tn,thap\nAn,42,30,,\n",
            "a.csv, row 2, column 'tn': error: counts are given for cao but not for tn, thap; "
            "write 0 where nobody chose a level",
            "a.csv, dòng 2, cột 'tn': lỗi: có số phiếu của cao nhưng không có của tn, thap; hãy "
            "ghi 0 ở mức không ai chọn",
        ),
        (
            "name,collected,cao,tn,thap\nAn,42,30,10,2\nTổng cộng,42,30,10,2\n",
            "a.csv, row 3, column 'name': error: this looks like a totals row (\"Tổng cộng\"), "
            "not a person; remove it: tinnhiem adds up the counts itself",
            "a.csv, dòng 3, cột 'name': lỗi: dòng này có vẻ là dòng tổng cộng (\"Tổng cộng\"), "
            "không phải một người; hãy xóa dòng này: tinnhiem tự cộng các số phiếu",
        ),
        (
            "name,collected,thu về,cao,tn,thap\nAn,42,42,30,10,2\n",
            "a.csv, row 1, column 'thu về': error: this column and column \"collected\" both "
            "mean collected; keep one",
            "a.csv, dòng 1, cột 'thu về': lỗi: cột này và cột \"collected\" cùng có nghĩa là "
            "collected; hãy giữ một cột",
        ),
        (
            "name,collected,cao,tn,thap,\nAn,42,30,10,2,5\n",
            "a.csv, row 1: error: column F has no header (a blank or merged cell) but holds "
            "values, the first in row 2; give every column its own header in one row",
            "a.csv, dòng 1: lỗi: cột F không có tiêu đề (ô trống hoặc ô gộp) nhưng có giá trị, "
            "giá trị đầu tiên ở dòng 2; hãy đặt tiêu đề cho từng cột, cùng trên một dòng",
        ),
    ],
)
def test_a_check_of_tallies_in_both_languages(tmp_path: Path, text: str, en: str, vi: str) -> None:
    assert _said(tmp_path, "a.csv", text) == [(en, vi)]


@pytest.mark.parametrize(
    ("name", "data", "en", "vi"),
    [
        (
            "a.json",
            b'{"rows": [1,',
            "a.json: error: not valid JSON: Expecting value (line 1, column 13)",
            "a.json: lỗi: không phải JSON hợp lệ: cần một giá trị (dòng 1, cột 13)",
        ),
        (
            "a.json",
            b'{"ballots": []}',
            'a.json: error: expected a list of objects, one per row, or an object with "rows": '
            '[...]; found an object with the keys "ballots"; this is a file of ballots: read it '
            "as ballots",
            "a.json: lỗi: cần một danh sách đối tượng, mỗi đối tượng một dòng, hoặc một đối tượng "
            'có "rows": [...]; nhưng có một đối tượng có các khóa "ballots"; đây là tệp phiếu bầu: '
            "hãy đọc tệp dưới dạng phiếu bầu",
        ),
        (
            "a.toml",
            b"x = 1\n",
            'a.toml: error: expected [[rows]] tables, one per row; found the keys "x"',
            'a.toml: lỗi: cần các bảng [[rows]], mỗi bảng một dòng; nhưng có các khóa "x"',
        ),
        (
            "a.json",
            b'[1, {"name": "An"}]',
            "a.json, row 1: error: expected an object of column: value, found the number 1",
            "a.json, dòng 1: lỗi: cần một đối tượng cột: giá trị, nhưng có số 1",
        ),
        (
            "a.json",
            b'{"rows": 3}',
            'a.json: error: "rows" must be a list of objects; found the number 3',
            'a.json: lỗi: "rows" phải là một danh sách đối tượng; nhưng có số 3',
        ),
        (
            "a.toml",
            b'[[rows]]\nname = "An"\ncollected = 2023-05-01\ncao = 1\ntn = 0\nthap = 0\n',
            "a.toml, row 1, column 'collected': error: expected a whole number, found the date "
            "2023-05-01",
            "a.toml, dòng 1, cột 'collected': lỗi: cần một số nguyên, nhưng ô ghi ngày 2023-05-01",
        ),
        (
            "a.csv",
            codecs.BOM_UTF16_LE + b"n\x00a\x00\x00\xd8",
            "a.csv: error: the text is not valid UTF-16: bad bytes at offset 6",
            "a.csv: lỗi: văn bản không phải UTF-16 hợp lệ: có byte sai ở vị trí 6",
        ),
    ],
)
def test_a_file_that_cannot_be_read_in_both_languages(
    tmp_path: Path, name: str, data: bytes, en: str, vi: str
) -> None:
    (tmp_path / name).write_bytes(data)
    assert [(i.render(), i.render("vi")) for i in _issues(Path(name))] == [(en, vi)]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b'{"ballots": [], "x": 1}',
            [
                (
                    'b.json: error: unknown key "x"; expected turnout and ballots',
                    'b.json: lỗi: khóa "x" không rõ; cần turnout và ballots',
                )
            ],
        ),
        (
            b'{"turnout": {"members": 3, "dept": 1}, "ballots": [{"An": "cao"}]}',
            [
                (
                    'b.json: error: unknown key "turnout.dept"; expected members, present, '
                    "issued, collected, round or unit",
                    'b.json: lỗi: khóa "turnout.dept" không rõ; cần members, present, issued, '
                    "collected, round hoặc unit",
                )
            ],
        ),
        (
            b'{"turnout": {"collected": 3, "issued": 1, "present": 2, "members": 1}, '
            b'"ballots": [{"An": "cao"}, {"An": "tn"}]}',
            [
                (
                    "b.json: error: the turnout gives 3 ballots collected, but the file holds 2 "
                    "ballots",
                    "b.json: lỗi: số liệu turnout ghi 3 phiếu thu về, nhưng tệp có 2 phiếu",
                ),
                (
                    "b.json: error: 2 present, more than the 1 members",
                    "b.json: lỗi: 2 người có mặt, nhiều hơn 1 người được triệu tập",
                ),
                (
                    "b.json: error: 2 ballots collected, more than the 1 members",
                    "b.json: lỗi: 2 phiếu thu về, nhiều hơn 1 người được triệu tập",
                ),
                (
                    "b.json: error: 2 ballots collected (rows of the file), more than the 1 issued",
                    "b.json: lỗi: 2 phiếu thu về (số dòng của tệp), nhiều hơn 1 phiếu phát ra",
                ),
            ],
        ),
        (
            b'{"turnout": [1], "ballots": []}',
            [
                (
                    "b.json: error: turnout must be a table of numbers, found a list",
                    "b.json: lỗi: turnout phải là một bảng các con số, nhưng có một danh sách",
                )
            ],
        ),
        (
            b'{"ballots": 3}',
            [
                (
                    'b.json: error: "ballots" must be a list of ballots, found the number 3',
                    'b.json: lỗi: "ballots" phải là một danh sách phiếu, nhưng có số 3',
                )
            ],
        ),
    ],
)
def test_a_file_of_ballots_in_both_languages(
    tmp_path: Path, data: bytes, said: list[tuple[str, str]]
) -> None:
    (tmp_path / "b.json").write_bytes(data)
    assert [(i.render(), i.render("vi")) for i in _issues(Path("b.json"), read_ballots)] == said


def test_a_ballots_file_with_old_mac_line_ends_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "b.csv").write_bytes(b"An,B\xc3\xacnh\rcao,tn\r")
    assert [(i.render(), i.render("vi")) for i in _issues(Path("b.csv"), read_ballots)] == [
        (
            "b.csv, row 1: error: the lines end with a carriage return only (CR, as old Mac "
            'programs write); save the file as "CSV UTF-8"',
            "b.csv, dòng 1: lỗi: các dòng chỉ kết thúc bằng ký tự về đầu dòng (CR, như các "
            'chương trình Mac cũ ghi); hãy lưu tệp thành "CSV UTF-8"',
        )
    ]


RULES = (
    'ruleset "x"\nlevels { tn "T"; thap "Th" }\nbasis valid\n'
    "map tn -> thap\nmap khong -> thap\nmap khong -> tn\nmap a -> a\n"
    'classify c "C" { x "X" when share(khong) > 1/2; else n "N" }\n'
    'report "R" by unit { }\n'
)


def test_the_checks_of_names_in_a_rules_file_in_both_languages() -> None:
    found = load_text(RULES, "r.tn").diagnostics
    assert [(d.text(), d.hint_text()) for d in found] == [
        ("`tn` is a level of this rule set: only a level it does not have can be mapped", None),
        ("`khong` is mapped twice (first at line 5)", None),
        ("`a` is mapped to itself", None),
        ("`a` is not a level of this rule set", "the levels are `tn` and `thap`"),
        (
            "`khong` is not a level of this rule set: the data's `khong` is read as `thap`",
            "use `thap`",
        ),
        ('report "R" counts nothing', "add `count <block>` for each classify block it sums up"),
    ]
    assert [(d.text("vi"), d.hint_text("vi")) for d in found] == [
        (
            "`tn` là một mức của bộ quy tắc này: chỉ ánh xạ được mức mà bộ quy tắc không có",
            None,
        ),
        ("`khong` được ánh xạ hai lần (lần đầu ở dòng 5)", None),
        ("`a` được ánh xạ vào chính nó", None),
        ("`a` không phải là mức của bộ quy tắc này", "các mức phiếu là `tn` và `thap`"),
        (
            "`khong` không phải là mức của bộ quy tắc này: `khong` của dữ liệu được đọc là `thap`",
            "hãy dùng `thap`",
        ),
        (
            'báo cáo "R" không đếm gì',
            "hãy thêm `count <block>` cho mỗi khối classify mà báo cáo tổng hợp",
        ),
    ]


def test_a_cycle_of_extends_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "a.tn").write_text('ruleset "A" extends "b.tn"\n', encoding="utf-8")
    (tmp_path / "b.tn").write_text('ruleset "B" extends "a.tn"\n', encoding="utf-8")
    loader = disk_loader(tmp_path)
    (found,) = load_text('ruleset "A" extends "b.tn"\n', str(tmp_path / "a.tn"), loader).diagnostics
    assert found.text() == "`extends` makes a cycle: a.tn -> b.tn -> a.tn"
    assert found.text("vi") == "`extends` tạo thành vòng lặp: a.tn -> b.tn -> a.tn"
