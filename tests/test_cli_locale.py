"""The command line speaks the locale's language (LC_ALL, LC_MESSAGES, LANG, as POSIX orders
them), or the one `--lang` asks for: messages, warnings, table labels and errors. JSON keys stay
English, and JSON messages change only with `--lang`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tinnhiem.cli import main

BAD = "name,collected,cao,tn,thap\nNguyễn Văn An,42,4,10,28\nTrần Thị Bình,42,abc,10,28\n"
TITLED = "Bảng tổng hợp\nname,collected,cao,tn,thap\nNguyễn Văn An,42,4,10,28\n"
BAD_VI = "bad.csv, dòng 3, cột 'cao': lỗi: cần một số nguyên, nhưng ô ghi \"abc\""
BAD_EN = "bad.csv, row 3, column 'cao': error: expected a whole number, found \"abc\""
TITLE_VI = (
    "titled.csv, dòng 2: cảnh báo: dòng tiêu đề là dòng 2; các dòng phía trên (1) được coi là "
    "tên bảng và không được đọc"
)
TITLE_EN = (
    "titled.csv, row 2: warning: the header is row 2; the rows above it (1) were taken for a "
    "title and not read"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "bad.csv").write_text(BAD, encoding="utf-8")
    (tmp_path / "titled.csv").write_text(TITLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _tinnhiem(folder: Path, *argv: str, **environ: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "tinnhiem", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=folder,
        env={**clean, "NO_COLOR": "1", "COLUMNS": "200", **environ},
    )


def test_a_bad_data_file_in_vietnamese_with_its_place_and_exit_2(folder: Path) -> None:
    done = _tinnhiem(folder, "run", "-d", "bad.csv", LANG="vi_VN.UTF-8")
    assert (done.returncode, done.stdout, done.stderr) == (2, "", BAD_VI + "\n")


def test_the_same_error_in_english_under_another_locale(folder: Path) -> None:
    done = _tinnhiem(folder, "run", "-d", "bad.csv", LANG="en_US.UTF-8")
    assert (done.returncode, done.stderr) == (2, BAD_EN + "\n")


def test_a_warning_and_the_table_headers_in_vietnamese(folder: Path) -> None:
    done = _tinnhiem(folder, "run", "-d", "titled.csv", "-r", "qd96-2023", LANG="vi_VN.UTF-8")
    assert done.returncode == 0
    assert done.stderr.splitlines()[0] == TITLE_VI
    header = done.stdout.splitlines()[2]
    cells = [cell.strip() for cell in header.strip("┃").split("┃")]
    assert cells[:7] == [
        "#",
        "Họ và tên",
        "Chức vụ",
        "Cơ sở tính",
        "Tín nhiệm cao",
        "Tín nhiệm",
        "Tín nhiệm thấp",
    ]


@pytest.mark.parametrize(
    ("environ", "argv", "expected"),
    [
        ({"LANG": "vi_VN.UTF-8"}, [], "vi"),
        ({"LANG": "vi_VN.UTF-8"}, ["--lang", "en"], "en"),
        ({"LANG": "en_US.UTF-8"}, ["--lang", "vi"], "vi"),
        ({"LANG": "C.UTF-8"}, [], "en"),
        ({"LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, [], "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "vi_VN.UTF-8"}, [], "vi"),
    ],
)
def test_the_locale_and_lang_decide(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    environ: dict[str, str],
    argv: list[str],
    expected: str,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert main(["run", "-d", "titled.csv", "-r", "qd96-2023", *argv]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines()[0] == {"vi": TITLE_VI, "en": TITLE_EN}[expected]
    assert ("Họ và tên" in out, "Name" in out.splitlines()[2]) == (
        expected == "vi",
        expected == "en",
    )


def test_json_messages_follow_lang_not_the_locale(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert main(["run", "-d", "bad.csv", "-f", "json"]) == 2
    assert capsys.readouterr().err == BAD_EN + "\n"
    assert main(["run", "-d", "bad.csv", "-f", "json", "--lang", "vi"]) == 2
    assert capsys.readouterr().err == BAD_VI + "\n"


def test_check_json_keys_stay_and_messages_follow_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.tn"
    bad.write_text('ruleset "x"\nlevels { cao "A" }\nbasis collected\n', encoding="utf-8")
    main(["check", str(bad), "--format", "json", "--lang", "vi"])
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"schema_version", "files", "errors", "warnings", "diagnostics"}


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        ("en", "1 file checked: 0 errors, 0 warnings"),
        ("vi", "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo"),
    ],
)
def test_check_says_its_counts_in_either_language(
    lang: str, summary: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "qd96-2023", "--lang", lang]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == summary


def test_two_files_and_errors_are_plural(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.tn"
    bad.write_text(
        'ruleset "x"\nlevels { cao "A"; thap "B" }\nbasis collected\n'
        'classify c "C" {\n  a "A" when share(thp) > 1/2\n  b "B" when share(cai) > 1/2\n'
        '  else d "D"\n}\n',
        encoding="utf-8",
    )
    assert main(["check", str(bad), "qd96-2023"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "2 files checked: 2 errors, 0 warnings"


def test_a_data_error_in_the_tui_s_language(tmp_path: Path) -> None:
    """The TUI renders the reader's issues with its language (`DataIssue.render(lang)`)."""
    from tinnhiem.engine.formats import read_tallies
    from tinnhiem.engine.model import DataError

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(DataError) as caught:
        read_tallies(empty, {})
    (issue,) = caught.value.issues
    assert issue.render("vi") == f"{empty}: lỗi: tệp rỗng (0 byte)"
    assert issue.render("en") == f"{empty}: error: the file is empty (0 bytes)"


def test_a_rules_error_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "typo.tn"
    typo.write_text(
        'ruleset "x"\nlevels { cao "A"; thap "B" }\nbasis collected\n'
        'classify c "C" {\n  a "A" when share(thp) > 1/2\n  else b "B"\n}\n',
        encoding="utf-8",
    )
    assert main(["check", str(typo), "--lang", "vi"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{typo}:5:20: lỗi: không có mức phiếu `thp`",
        ' 5 |   a "A" when share(thp) > 1/2',
        "   |                    ^^^",
        "   = có phải ý bạn là `thap`?",
        "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo",
    ]


def test_a_syntax_error_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.tn"
    bad.write_text('ruleset "x"\nlevels { cao "A"; thap "B" }\nbasis collected\nclassify', "utf-8")
    assert main(["check", str(bad), "--lang", "vi"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"{bad}:4:9: lỗi: tệp kết thúc quá sớm; cần tên"


def test_a_ballot_file_s_error_in_vietnamese_shows_no_cell(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "phieu.csv").write_text("cao,thap,void\nx,,\nAn Văn Bình,,\n", encoding="utf-8")
    assert main(["run", "--ballots", "-d", "phieu.csv", "-r", "qd96-2023", "--lang", "vi"]) == 2
    assert capsys.readouterr().err == (
        "phieu.csv, dòng 1, cột 'cao': lỗi: cột A có giá trị không phải dấu (2 ô, ô đầu tiên ở "
        "dòng 2); tệp phiếu bầu không được cho biết ai đã bầu, nên không giá trị nào được hiện; "
        'cần một trong cao, tn, thap (nhãn của chúng, hoặc c cho cao), nhiều dấu nối bằng "+", '
        "hoặc để trống\n"
    )
