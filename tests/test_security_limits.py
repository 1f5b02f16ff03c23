"""Files from anyone (issue 11): a rules or data file can neither read, leak, break nor stall.

One test per finding; each failed before its fix. Messages are pinned whole.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from tinnhiem.engine.formats import OutputError, read_ballots, read_tallies, write_text
from tinnhiem.engine.formats import atomic as atomic_module
from tinnhiem.engine.model import DataError
from tinnhiem.rules import disk_loader, load_text
from tinnhiem.rules.errors import Diagnostic

from tinnhiem import bundled
from tinnhiem.cli import main

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
SECRET = "Nguyễn Văn Bí Mật"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


# --- 1. `extends` never shows another file -------------------------------------------------------

NOT_RULES = (
    "is not a rules file: a base is a regular .tn file that begins with `ruleset` (none of it "
    "was shown)"
)


def _diagnostics(path: Path) -> list[str]:
    loaded = load_text(path.read_text(encoding="utf-8"), str(path), bundled.loader())
    return [d.render() for d in loaded.diagnostics]


@pytest.mark.parametrize(
    ("link", "target"),
    [("pw.tn", "/etc/passwd"), ("env.tn", "/proc/self/environ"), ("dir.tn", "/etc")],
)
def test_a_link_to_a_file_that_is_not_rules_is_refused_unread(
    tmp_path: Path, link: str, target: str
) -> None:
    (tmp_path / link).symlink_to(target)
    over = tmp_path / "over.tn"
    over.write_text(f'ruleset "x" extends "{link}"\n', encoding="utf-8")
    assert _diagnostics(over) == [
        f"{over}:1:21: error: the base rule set `{link}` {NOT_RULES}\n"
        f' 1 | ruleset "x" extends "{link}"\n'
        f"   |                     {'^' * (len(link) + 2)}"
    ]


def test_a_tn_file_up_and_out_that_is_not_rules_is_refused_without_a_word_of_it(
    tmp_path: Path,
) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwd.tn").write_text("# ghi chú\n\nquản_trị:x:0:0:bí mật\n", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    over = deep / "over.tn"
    over.write_text('ruleset "x" extends "../../secret/passwd.tn"\n', encoding="utf-8")
    (rendered,) = _diagnostics(over)
    assert rendered.splitlines()[0] == (
        f"{over}:1:21: error: the base rule set `../../secret/passwd.tn` {NOT_RULES}"
    )
    assert "quản_trị" not in rendered and "bí mật" not in rendered


def test_a_base_that_does_not_parse_is_named_not_quoted(tmp_path: Path) -> None:
    (tmp_path / "base.tn").write_text('ruleset "b"\nlevels { tn "Tín nhiệm" BÍ_MẬT }\n')
    over = tmp_path / "over.tn"
    over.write_text('ruleset "x" extends "base.tn"\n', encoding="utf-8")
    assert _diagnostics(over) == [
        f"{over}:1:21: error: the base rule set `base.tn` has 1 syntax error; check it by itself: "
        f"tinnhiem check {tmp_path / 'base.tn'}\n"
        ' 1 | ruleset "x" extends "base.tn"\n'
        "   |                     ^^^^^^^^^"
    ]


def test_a_base_after_comments_and_blank_lines_is_a_rules_file(tmp_path: Path) -> None:
    base = (bundled.rules_dir() / "qd96-2023.tn").read_text(encoding="utf-8")
    (tmp_path / "base.tn").write_text("\ufeff# đầu\n\n   \n" + base, encoding="utf-8")
    over = tmp_path / "over.tn"
    over.write_text('ruleset "x" extends "base.tn"\n', encoding="utf-8")
    assert _diagnostics(over) == []


def test_extends_takes_a_bundled_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    over = tmp_path / "over.tn"
    over.write_text('ruleset "Qua số phiếu" extends "qd96-2023"\nbasis collected\n')
    assert _diagnostics(over) == []
    assert _run(["test", str(over)], capsys)[0] == 0
    over.write_text('ruleset "x" extends "khong-co"\n', encoding="utf-8")
    assert _diagnostics(over)[0].splitlines()[0] == (
        f"{over}:1:21: error: the base rule set `khong-co` was not found"
    )
    over.write_text('ruleset "x" extends "notes.txt"\n', encoding="utf-8")
    assert _diagnostics(over)[0].splitlines()[0] == (
        f"{over}:1:21: error: `extends` names a rules file ending in .tn or a bundled rule set, "
        "not `notes.txt`"
    )


def test_a_bundled_name_is_never_looked_for_beside_the_overlay(tmp_path: Path) -> None:
    (tmp_path / "qd96-2023").write_text("root:x:0:0\n", encoding="utf-8")
    over = tmp_path / "over.tn"
    over.write_text('ruleset "x" extends "qd96-2023"\n', encoding="utf-8")
    loaded = load_text(over.read_text(encoding="utf-8"), str(over), disk_loader())
    (diagnostic,) = loaded.diagnostics
    assert diagnostic.message == "the base rule set `qd96-2023` was not found"


def test_fmt_takes_a_bundled_name_but_never_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run(["fmt", "--check", "qd96-2023"], capsys) == (
        0,
        "0 of 1 file would be reformatted\n",
        "",
    )
    code, out, _ = _run(["fmt", "qd96-2023"], capsys)
    assert code == 0 and out.startswith("# Quy định 96-QĐ/TW")
    before = (bundled.rules_dir() / "qd96-2023.tn").read_bytes()
    assert _run(["fmt", "--write", "qd96-2023"], capsys) == (
        2,
        "",
        "tinnhiem: qd96-2023 is a bundled rule set: fmt --write does not change it; print it "
        "(tinnhiem fmt qd96-2023 > my-rules.tn) and edit the copy\n",
    )
    assert (bundled.rules_dir() / "qd96-2023.tn").read_bytes() == before


# --- 5. rules diagnostics are bounded -------------------------------------------------------------


def test_rules_errors_are_capped_and_long_lines_cut_around_the_caret(tmp_path: Path) -> None:
    rules = " ".join(f'r{n} "x" when share(zz{n}) > 1/2' for n in range(3000))
    line = 'classify c "C" { ' + rules + " }"
    path = tmp_path / "long.tn"
    path.write_text(
        f'ruleset "x"\nlevels {{ tn "T" }}\nbasis collected\n{line}\n', encoding="utf-8"
    )
    loaded = load_text(path.read_text(encoding="utf-8"), str(path), disk_loader())
    assert len(loaded.diagnostics) == 51
    assert loaded.diagnostics[-1].render() == f"{path}: error: and 2952 more errors"
    rendered = loaded.diagnostics[10].render().splitlines()
    assert len(rendered[1]) < 120 and rendered[1].startswith(" 4 | …")
    assert rendered[1].endswith("…")
    assert rendered[2].index("^") - rendered[1].index("z") >= 0  # the caret under the name
    assert sum(len(d.render()) for d in loaded.diagnostics) < 20_000


def test_a_long_line_is_shown_in_a_window_with_the_caret_under_the_column() -> None:
    text = "a" * 300 + "X" + "b" * 300
    diagnostic = Diagnostic("error", "m", "f.tn", 1, 301, text, 1)
    _, quoted, caret = diagnostic.render().splitlines()
    assert quoted == " 1 | …" + "a" * 50 + "X" + "b" * 49 + "…"
    assert caret.index("^") == quoted.index("X")


# --- 2. a ballot file never says who voted ------------------------------------------------------

VOTER_HEADERS = [
    "Full name",
    "HoTen",
    "Ho_ten",
    "Họ và tên:",
    "Tên đầy đủ",
    "MSSV",
    "Mã nhân viên",
    "Voter_ID",
    "Timestamp",
    "Dấu thời gian",
    "Cu tri",
    "Na\u200bme",  # a zero-width space
    "N\u0430me",  # a Cyrillic а
    "Ｎａｍｅ",  # full-width letters
]
CAUGHT_BY_HEADER = set(VOTER_HEADERS) - {"Cu tri", "N\u0430me"}  # "Cu tri" may be "Cù Trí"


def _ballots(folder: Path, header: str, suffix: str) -> Path:
    names = [header, "Nguyễn Văn An", "Trần Thị Bình"]
    rows = [[SECRET, "cao", "tn"], ["2023-05-01 08:00:01", "tn", "cao"], ["0912345678", "", "thap"]]
    path = folder / f"phieu{suffix}"
    if suffix == ".csv":
        out = io.StringIO()
        csv.writer(out).writerows([names, *rows])
        path.write_text(out.getvalue(), encoding="utf-8")
    elif suffix == ".xlsx":
        book = Workbook()
        for row in [names, *rows]:
            book.active.append(row)
        book.save(path)
    else:
        ballots = [dict(zip(names, row, strict=True)) for row in rows]
        path.write_text(json.dumps({"ballots": ballots}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("header", VOTER_HEADERS)
@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_a_voter_column_is_refused_and_none_of_its_values_shown(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    header: str,
    suffix: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = _ballots(tmp_path, header, suffix)
    with pytest.raises(DataError) as caught:
        read_ballots(path.name, LEVELS)
    (issue,) = caught.value.issues
    if header in CAUGHT_BY_HEADER:
        assert issue.message == (
            "this column looks like it says who cast each ballot; a ballot file must not "
            "identify voters: remove the column (none of its values was read)"
        )
    else:
        assert issue.message == (
            "column A holds values that are not marks (3 cells, the first in row "
            f"{1 if suffix == '.json' else 2}); a ballot file must not say who voted, so none is "
            "shown; expected one of cao, tn, thap (their labels, or c for cao), several joined "
            'with "+", or nothing'
        )
    code, out, err = _run(["run", "--ballots", "-d", path.name, "-f", "json"], capsys)
    assert (code, out) == (2, "")
    for secret in (SECRET, "Bí", "2023-05-01", "0912"):
        assert secret not in err


def test_looks_like_voter_compares_headers_as_shown() -> None:
    from tinnhiem.engine.formats.headers import looks_like_voter, voter_key

    assert voter_key("Ｈọ\u200b và tên :") == "họ và tên"
    assert [h for h in CAUGHT_BY_HEADER if not looks_like_voter(h)] == []
    assert not looks_like_voter("Nguyễn Văn An") and not looks_like_voter("Cù Trí")


def test_a_bad_void_cell_is_never_quoted(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text(f"Nguyễn Văn An,hủy\ncao,\ntn,{SECRET}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_ballots(path, LEVELS)
    assert str(caught.value) == (
        f"{path}, row 3, column 'hủy': error: expected the void mark (x, có, yes, true, 1, hủy) "
        "or nothing (or không, no, false, 0); what the cell holds is not shown: a ballot file "
        "must not say who voted"
    )


# --- 3. outputs: links written through, other kinds refused -----------------------------------


def test_an_output_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.csv")
    data = str(bundled.data_dir() / "phu-luc-2022.csv")
    code, out, err = _run(["run", "-d", data, "-f", "csv", "-o", "pipe.csv"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "pipe.csv: error: this is not a regular file (a device, a pipe or a socket); give the "
        "name of a file to write to\n"
    )
    assert Path("pipe.csv").is_fifo()
    os.symlink("pipe.csv", "link.csv")
    with pytest.raises(OutputError):
        write_text("link.csv", "x")
    assert Path("pipe.csv").is_fifo() and Path("link.csv").is_symlink()


def test_a_link_is_written_through_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("real").mkdir()
    Path("real/out.csv").write_text("old\n", encoding="utf-8")
    os.symlink("real/out.csv", "link.csv")
    data = str(bundled.data_dir() / "phu-luc-2022.csv")
    assert _run(["run", "-d", data, "-f", "csv", "-o", "link.csv"], capsys)[0] == 0
    assert Path("link.csv").is_symlink() and os.readlink("link.csv") == "real/out.csv"
    assert Path("real/out.csv").read_text(encoding="utf-8-sig").startswith("STT,")
    assert sorted(p.name for p in Path("real").iterdir()) == ["out.csv"]  # no temporary left
    os.symlink("real/new.csv", "dangling.csv")
    write_text("dangling.csv", "mới\n")
    assert Path("real/new.csv").read_text(encoding="utf-8") == "mới\n"
    assert Path("dangling.csv").is_symlink()


def test_fmt_write_through_a_link_keeps_the_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("src").mkdir()
    Path("src/r.tn").write_text('ruleset "x"\nlevels { tn "T" }\nbasis   collected\n')
    os.symlink("src/r.tn", "r.tn")
    assert _run(["fmt", "--write", "r.tn"], capsys)[0] == 0
    assert Path("r.tn").is_symlink()
    assert "basis collected\n" in Path("src/r.tn").read_text(encoding="utf-8")
    os.mkfifo("p.tn")
    assert _run(["fmt", "--write", "p.tn"], capsys) == (
        2,
        "",
        "tinnhiem: 'p.tn' is not a regular file (a pipe or a device)\n",
    )


# --- 7. a write killed half-way leaves nothing for long ----------------------------------------


def test_stale_temporaries_of_the_same_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    stale = tmp_path / ".out.csv.0123abcd.tmp"
    fresh = tmp_path / ".out.csv.89abcdef.tmp"
    other = tmp_path / ".other.csv.0123abcd.tmp"
    near = tmp_path / ".out.csv.0123abcd.tmp.keep"
    folder = tmp_path / ".out.csv.fedcba98.tmp"
    for path in (stale, fresh, other, near):
        path.write_text("half", encoding="utf-8")
    folder.mkdir()
    old = os.stat(stale).st_mtime - atomic_module.STALE_AFTER - 5
    for path in (stale, other, near, folder):
        os.utime(path, (old, old))
    write_text(target, "a,b\n")
    assert target.read_text(encoding="utf-8") == "a,b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (target, fresh, other, near, folder)
    )


# --- 4. no tracebacks: numbers no reader can take, CR-only lines, DTDs ---------------------------

BIG = "9" * 5000
DIGITS = "no count or value has more than 1000"


def _tallies_xlsx(path: Path, patch: tuple[bytes, bytes] | None = None) -> Path:
    book = Workbook()
    for row in [["name", "collected", "cao", "tn", "thap"], ["An", 10, 5, 3, 2]]:
        book.active.append(row)
    book.save(path)
    if patch:
        _rewrite(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(*patch, 1))
    return path


def _rewrite(path: Path, member: str, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as old:
        parts = [(i, old.read(i.filename)) for i in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in parts:
            new.writestr(info.filename, change(data) if info.filename == member else data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "t.csv",
            f"name,collected,cao,tn,thap\nAn,{BIG},5,3,2\n",
            "t.csv, row 2, column 'collected': error: expected a whole number of at most 1000 "
            "digits, found 5000 characters",
        ),
        (
            "t.json",
            '{"rows": [{"name": "An", "collected": ' + BIG + "}]}",
            f"t.json: error: line 1 holds a number of 5000 digits; {DIGITS}",
        ),
        (
            "t.toml",
            '[[rows]]\nname = "An"\ncollected = ' + BIG + "\n",
            f"t.toml: error: line 3 holds a number of 5000 digits; {DIGITS}",
        ),
    ],
)
def test_a_number_of_thousands_of_digits_in_tallies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_tallies(name, LEVELS)
    assert str(caught.value) == message


def test_a_number_of_thousands_of_digits_in_ballots_and_their_turnout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("b.json").write_text('{"turnout": {"members": ' + BIG + '}, "ballots": []}')
    Path("c.csv").write_text("An,Bình\ncao,tn\n", encoding="utf-8")
    Path("c.turnout.toml").write_text(f"members = {BIG}\n", encoding="utf-8")
    for name, shown in (("b.json", "b.json"), ("c.csv", "c.turnout.toml")):
        with pytest.raises(DataError) as caught:
            read_ballots(name, LEVELS)
        message = f"{shown}: error: line 1 holds a number of 5000 digits; {DIGITS}"
        assert str(caught.value) == message


def test_a_number_of_thousands_of_digits_in_a_workbook(tmp_path: Path) -> None:
    path = _tallies_xlsx(tmp_path / "t.xlsx", (b"<v>10</v>", f"<v>{BIG}</v>".encode()))
    for read in (read_tallies, read_ballots):
        with pytest.raises(DataError) as caught:
            read(path, LEVELS)
        assert str(caught.value) == (
            f"{path}: error: the part xl/worksheets/sheet1.xml holds a number of more than 1000 "
            "digits; no count or value is that long"
        )


LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><worksheet'
)
EXTERNAL = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet'


@pytest.mark.parametrize("dtd", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_a_workbook_with_a_dtd_is_refused_before_any_parser(
    tmp_path: Path, dtd: bytes, member: str
) -> None:
    path = _tallies_xlsx(tmp_path / "t.xlsx")
    tag = b"<worksheet" if "sheet1" in member else b"<workbook"
    _rewrite(path, member, lambda data: data.replace(tag, dtd.replace(b"<worksheet", tag), 1))
    for read in (read_tallies, read_ballots):
        with pytest.raises(DataError) as caught:
            read(path, LEVELS)
        assert str(caught.value) == (
            f"{path}: error: the part {member} declares entities (a DTD), which Excel never "
            "writes and which can expand without end or name other files; open the file in "
            "Excel or LibreOffice and save it again"
        )


def test_a_ballots_csv_with_carriage_returns_only(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(b"An,B\xc3\xacnh\rcao,tn\rtn,cao\r")
    with pytest.raises(DataError) as caught:
        read_ballots(path, LEVELS)
    assert str(caught.value) == (
        f"{path}, row 1: error: the lines end with a carriage return only (CR, as old Mac "
        'programs write); save the file as "CSV UTF-8"'
    )


def test_a_message_quotes_at_most_forty_characters_of_a_number() -> None:
    from tinnhiem.engine.formats.tallies import amount
    from tinnhiem.engine.formats.values import shown

    assert shown(10**60) == "9" * 0 + "1" + "0" * 38 + "…"
    assert amount("members", 10**60) == "1" + "0" * 38 + "… members"


# --- 5. stalls ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"), [("--to", "1e99999999"), ("--step", "1e-99999999"), ("--to", "1e41")]
)
def test_sweep_refuses_numbers_of_millions_of_digits_at_once(
    capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    data = str(bundled.data_dir() / "phu-luc-2022.csv")
    argv = ["sweep", "qd96-2023", "-d", data, "--rule", "consequence.review"]
    argv += ["--from", "40%", "--to", "50%", option, value]
    assert _run(argv, capsys) == (
        2,
        "",
        f"tinnhiem: {option} {value!r}: expected a number like 40%, 2/5 or 0.4\n",
    )


def test_every_part_of_a_workbook_counts_toward_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Styles of 12 MB (a few KB zipped) under a limit of 10 MB of XML: not the sheet."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "1")
    path = _tallies_xlsx(tmp_path / "bomb.xlsx")
    padding = b" " * (12 << 20)
    end = b"</styleSheet>"
    _rewrite(path, "xl/styles.xml", lambda data: data.replace(end, padding + end))
    assert path.stat().st_size < 100_000
    code, out, err = _run(["run", "-d", "bomb.xlsx"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "bomb.xlsx: error: the workbook unpacks to 13 MB of XML (all its parts), more than the 10 "
        "MB allowed for a file of tallies, which is read whole; check that this is the right "
        "file, or set TINNHIEM_MAX_DATA_MB=2 to read it anyway\n"
    )


def test_a_ballots_workbook_padded_with_a_comment_is_refused_by_the_same_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "1")
    book = Workbook()
    book.active.append(["An", "Bình"])
    book.active.append(["cao", "tn"])
    path = tmp_path / "b.xlsx"
    book.save(path)
    comment = b"<!--" + b" " * (11 << 20) + b"-->"
    start = b"<sheetData"
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(start, comment + start, 1))
    with pytest.raises(DataError) as caught:
        read_ballots(path, LEVELS)
    assert str(caught.value) == (
        f"{path}: error: the workbook unpacks to 12 MB of XML (all its parts), more than the 10 "
        "MB allowed for a workbook of ballots; check that this is the right file, or set "
        "TINNHIEM_MAX_DATA_MB=2 to read it anyway"
    )


def test_a_workbook_whose_parts_lie_about_their_size_is_stopped_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sizes in a zip's directory are the writer's word: the bytes are counted as they come."""
    from tinnhiem.engine.formats.workbook import inspect_workbook

    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "1")
    path = _tallies_xlsx(tmp_path / "t.xlsx")
    _rewrite(path, "xl/styles.xml", lambda data: data + b" " * (11 << 20))
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")  # the central directory: each entry's size, as written
    while at >= 0:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == b"xl/styles.xml":
            data[at + 24 : at + 28] = (100).to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo("xl/styles.xml").file_size == 100
    with pytest.raises(DataError) as caught:
        inspect_workbook(path, "t.xlsx", "a file of tallies")
    assert str(caught.value) == (
        "t.xlsx: error: not a readable Excel workbook (.xlsx): Bad CRC-32 for file 'xl/styles.xml'"
    )


def test_a_whole_number_of_thousands_of_digits_in_a_rules_file(tmp_path: Path) -> None:
    """Found by `make fuzz`: a schedule's years went to int() unchecked."""
    path = tmp_path / "r.tn"
    years = "9" * 4401
    path.write_text(
        f'ruleset "x"\nlevels {{ tn "T"; thap "Th" }}\nbasis collected\n'
        f"schedule {{ term {years} years; vote in year 3 }}\n",
        encoding="utf-8",
    )
    loaded = load_text(path.read_text(encoding="utf-8"), str(path), disk_loader())
    assert [d.render().splitlines()[0] for d in loaded.diagnostics] == [
        f"{path}:4:17: error: `9999999999…9999999999` has 4401 digits; a number has at most 40"
    ]
