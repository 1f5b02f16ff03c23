"""The data is sensitive and the rules are text: secrecy of the vote, no code run from a rules
file, bounded `extends`, writes that never leave half a file, and cells that never run.
"""

from __future__ import annotations

import ast as pyast
import csv
import io
import json
import os
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from tinnhiem.engine.formats import OutputError, read_ballots, read_tallies, write_text
from tinnhiem.engine.formats import atomic as atomic_module
from tinnhiem.engine.model import DataError
from tinnhiem.rules import Loaded, disk_loader, load_text

from tinnhiem import bundled
from tinnhiem.cli import main

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "corpus" / "data"
LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình"]

# --- the vote is secret ------------------------------------------------------------------------

# Values a voter column holds; each also appears as an invalid mark in a person's column, and in
# the rows' other cells, so that a message echoing a cell or a row would be caught.
VOTERS = ["Phạm Văn Dũng", "dung.pv@example.vn", "0912345678", "CCCD 001099012345"]
BALLOTS = [
    [VOTERS[0], "cao", "Phạm Văn Dũng ký", "x"],
    [VOTERS[1], "dung.pv@example.vn", "tn", ""],
    [VOTERS[2], "?", "0912345678", ""],
    [VOTERS[3], "cao+tn", "CCCD 001099012345", ""],
]
SECRETS = [*VOTERS, "Phạm Văn Dũng ký", "cao,Phạm", "cao+tn"]


def _ballot_files(folder: Path, voter_header: str) -> list[Path]:
    header = [voter_header, *PEOPLE, "Hủy"]
    out = io.StringIO()
    csv.writer(out).writerows([header, *BALLOTS])
    text = folder / "phieu.csv"
    text.write_text(out.getvalue(), encoding="utf-8")
    (folder / "phieu.turnout.toml").write_text("members = 5\nissued = 4\n", encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.title = "Phiếu"
    for row in [header, *BALLOTS]:
        sheet.append(row)
    book.save(folder / "phieu.xlsx")
    document = {
        "turnout": {"members": 5, "issued": 4},
        "ballots": [dict(zip(header, row, strict=True)) for row in BALLOTS],
    }
    (folder / "phieu.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return [text, folder / "phieu.xlsx", folder / "phieu.json"]


def _assert_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text
    assert "Dũng" not in text and "example.vn" not in text and "0912" not in text


@pytest.mark.parametrize("voter_header", ["Người bỏ phiếu", "Email", "Số điện thoại", "CCCD"])
def test_no_message_of_the_engine_or_the_cli_identifies_a_voter(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    voter_header: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for path in _ballot_files(tmp_path, voter_header):
        with pytest.raises(DataError) as caught:
            read_ballots(path, LEVELS)
        message = str(caught.value)
        assert message == (
            f"{path}, row {0 if path.suffix == '.json' else 1}, column '{voter_header}': error: "
            "this column looks like it says who cast each ballot; a ballot file must not identify "
            "voters: remove the column (none of its values was read)"
        ).replace(", row 0", "")
        _assert_secret(message)
        with pytest.raises(DataError) as caught:
            read_tallies(path, LEVELS)  # the same file read the wrong way
        _assert_secret(str(caught.value))
        for argv in (
            ["run", "--ballots", "-d", path.name],
            ["run", "--ballots", "-d", path.name, "-f", "json"],
            ["run", "--ballots", "-d", path.name, "-f", "csv", "-o", "out.csv"],
            ["compare", "qd96-2023", "qd41-2021", "--ballots", "-d", path.name],
            ["sweep", "qd96-2023", "--ballots", "-d", path.name, "--rule", "consequence.review",
             "--from", "40%", "--to", "50%"],
            ["run", "-d", path.name],
        ):  # fmt: skip
            assert main(argv) == 2
            out, err = capsys.readouterr()
            assert err and not out
            _assert_secret(out + err)
        assert not (tmp_path / "out.csv").exists()


def test_no_corpus_message_holds_a_value_of_a_voter_column() -> None:
    values = set()
    with (CORPUS / "ballots-voter-column.csv").open(encoding="utf-8") as handle:
        for row in list(csv.reader(handle))[1:]:
            values |= {row[0], row[3]}
    book = load_workbook(CORPUS / "ballots-voter-email.xlsx", read_only=True)
    for (email,) in book.active.iter_rows(min_row=2, min_col=4, values_only=True):
        values.add(str(email))
    assert values == {"Phạm Văn Dũng", "Dũng", "Võ Thị Hoa", "Hoa", "dung@example.vn",
                      "hoa@example.vn"}  # fmt: skip
    for expected in CORPUS.glob("*.expected"):
        text = expected.read_text(encoding="utf-8")
        assert not any(v in text for v in values), expected.name


# --- a rules file never runs code ----------------------------------------------------------------

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint", "input"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "subprocess", "runpy", "code", "ctypes", "dill"}


# the one place allowed, looked at by a person: the classification pass over integers compiles
# source it writes itself from integers and names it makes, checked by `bulk.plain` before it is
# compiled (tests/test_bulk.py tries hostile ids and labels); once each
ALLOWED = ["engine/bulk.py: call of compile", "engine/bulk.py: call of exec"]


def _sources() -> list[Path]:
    return sorted([*(ROOT / "rules").rglob("*.py"), *(ROOT / "engine").rglob("*.py")])


def test_no_source_of_the_rules_or_the_engine_can_run_text_as_code() -> None:
    """A tripwire: a new eval, exec, pickle or dynamic import here must be looked at by a person."""
    found: list[str] = []
    allowed: list[str] = []
    for path in _sources():
        tree = pyast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in pyast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, pyast.Call):
                func = node.func
                name = func.id if isinstance(func, pyast.Name) else None
                if isinstance(func, pyast.Attribute):
                    owner = func.value.id if isinstance(func.value, pyast.Name) else ""
                    name = f"{owner}.{func.attr}"
                if name in FORBIDDEN_CALLS or name in ("os.system", "os.popen", "os.exec"):
                    found.append(f"{where}: call of {name}")
                    if f"{path.relative_to(ROOT)}: call of {name}" in ALLOWED:
                        allowed.append(found.pop().replace(where, str(path.relative_to(ROOT))))
                if name in ("importlib.import_module", "yaml.load", "yaml.unsafe_load"):
                    found.append(f"{where}: call of {name}")
            elif isinstance(node, pyast.Import | pyast.ImportFrom):
                names = [a.name for a in node.names]
                module = node.module if isinstance(node, pyast.ImportFrom) else None
                for full in [module, *names] if module else names:
                    if full and full.split(".")[0] in FORBIDDEN_MODULES:
                        found.append(f"{where}: import of {full}")
                if module == "importlib" and names != ["resources"]:
                    found.append(f"{where}: from importlib import {names}")
    assert found == []
    assert sorted(allowed) == ALLOWED
    assert len(_sources()) > 20  # the walk saw the packages


def test_the_only_pickle_is_larks_grammar_cache_in_the_users_own_folder() -> None:
    """Lark's cache is a pickle of the grammar (never of a rules file), keyed by its hash."""
    users = [p for p in _sources() if "cache=" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(ROOT).as_posix() for p in users] == ["rules/parser.py"]
    text = (ROOT / "rules" / "parser.py").read_text(encoding="utf-8")
    assert "cache=_cache_file()" in text
    assert "mode=0o700" in text  # made private to the user
    assert "gettempdir" not in text and "/tmp" not in text


def _check(path: Path) -> Loaded:
    return load_text(path.read_text(encoding="utf-8"), str(path), disk_loader())


def test_extends_never_reads_a_file_that_is_not_a_relative_rules_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mật khẩu: 1234\n", encoding="utf-8")
    over = tmp_path / "over.tn"
    over.write_text(f'ruleset "x" extends "{notes.name}"\n', encoding="utf-8")
    (diagnostic,) = _check(over).diagnostics
    assert diagnostic.message == (
        "`extends` names a rules file ending in .tn or a bundled rule set, not `notes.txt`"
    )
    assert "mật" not in diagnostic.render()
    for target in ("/etc/passwd", str(tmp_path / "abs.tn")):
        rules = tmp_path / "abs-base.tn"
        rules.write_text(f'ruleset "x" extends "{target}"\n', encoding="utf-8")
        (diagnostic,) = _check(rules).diagnostics
        assert diagnostic.is_error
        assert diagnostic.line == 1
        assert "root:" not in diagnostic.render()
    assert diagnostic.message == f"`extends` takes a path relative to this file, not `{target}`"


def test_extends_up_and_out_of_the_folder(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    over = deep / "over.tn"
    over.write_text('ruleset "x" extends "../../x.tn"\n', encoding="utf-8")
    (diagnostic,) = _check(over).diagnostics
    assert diagnostic.render() == (
        f"{over}:1:21: error: the base rule set `../../x.tn` was not found\n"
        ' 1 | ruleset "x" extends "../../x.tn"\n'
        "   |                     ^^^^^^^^^^^^"
    )


def test_extends_itself_through_a_symlink(tmp_path: Path) -> None:
    me = tmp_path / "me.tn"
    me.write_text('ruleset "x" extends "link.tn"\n', encoding="utf-8")
    (tmp_path / "link.tn").symlink_to(me)
    (diagnostic,) = _check(me).diagnostics
    assert diagnostic.render() == (
        f"{me}:1:21: error: `extends` makes a cycle: me.tn -> link.tn\n"
        ' 1 | ruleset "x" extends "link.tn"\n'
        "   |                     ^^^^^^^^^"
    )


def test_a_chain_of_a_thousand_files_stops_early(tmp_path: Path) -> None:
    for n in range(1000):
        (tmp_path / f"c{n}.tn").write_text(
            f'ruleset "c{n}" extends "c{n + 1}.tn"\n', encoding="utf-8"
        )
    reads: list[str] = []
    inner = disk_loader()

    def counting(name: str, relative_to: str) -> tuple[str, str]:
        reads.append(name)
        return inner(name, relative_to)

    first = tmp_path / "c0.tn"
    loaded = load_text(first.read_text(encoding="utf-8"), str(first), counting)
    (diagnostic,) = loaded.diagnostics
    assert diagnostic.render().splitlines()[0] == (
        f"{tmp_path / 'c16.tn'}:1:23: error: `extends` goes more than 16 files deep"
    )
    assert len(reads) == 16


def test_the_cli_ends_every_extends_trap_with_a_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.tn").write_text('ruleset "a" extends "b.tn"\n', encoding="utf-8")
    Path("b.tn").write_text('ruleset "b" extends "a.tn"\n', encoding="utf-8")
    Path("bin.tn").write_bytes(b"\xff\xfe\x00garbage")
    Path("over-bin.tn").write_text('ruleset "x" extends "bin.tn"\n', encoding="utf-8")
    assert main(["run", "-r", "a.tn"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "b.tn:1:21: error: `extends` makes a cycle: a.tn -> b.tn -> a.tn"
    )
    assert main(["check", "over-bin.tn"]) == 2
    assert capsys.readouterr().err == (
        "tinnhiem: the base 'bin.tn' (extended by over-bin.tn) is not a rules file: byte 0xFF at "
        "offset 0 is not UTF-8 text; expected a rules file (.tn) saved as UTF-8\n"
    )


# --- exports ------------------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_value_that_cannot_be_written_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tinnhiem.engine.formats import writers

    target = tmp_path / "out.toml"
    target.write_text("old", encoding="utf-8")

    def unserialisable(*args: object, **kwargs: object) -> str:
        raise TypeError("Object of type complex is not TOML serializable")

    monkeypatch.setattr(writers.tomli_w, "dumps", unserialisable)
    data = bundled.data_dir() / "phu-luc-2022.csv"
    with pytest.raises(TypeError):
        main(["run", "-d", str(data), "-f", "toml", "-o", str(target)])
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == ["out.toml"]


@pytest.mark.parametrize(
    ("failing", "error"),
    [
        ("fsync", OSError(28, "No space left on device")),
        ("fdopen", OSError(28, "No space left on device")),
        ("chmod", OSError(1, "Operation not permitted")),
        ("fsync", KeyboardInterrupt()),
    ],
)
def test_a_write_that_fails_halfway_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str, error: BaseException
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(atomic_module.os, failing, broken)
    expected = OutputError if isinstance(error, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as caught:
        write_text(target, "new")
    if isinstance(error, OSError):
        assert str(caught.value) == f"{target}: error: cannot write the file: {error.strerror}"
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == ["out.csv"]


def test_a_read_only_folder_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shut = tmp_path / "shut"
    shut.mkdir()
    (shut / "out.csv").write_text("old", encoding="utf-8")
    shut.chmod(0o555)
    try:
        code = main(["run", "-f", "csv", "-o", str(shut / "out.csv")])
    finally:
        shut.chmod(0o755)
    err = capsys.readouterr().err
    if os.name == "posix" and os.geteuid() == 0:  # root writes anyway, atomically
        assert code == 0
        assert (shut / "out.csv").read_text(encoding="utf-8-sig").startswith("STT,")
    else:
        assert code == 2
        assert err.endswith(
            f"{shut / 'out.csv'}: error: cannot write the file: Permission denied\n"
        )
        assert (shut / "out.csv").read_text(encoding="utf-8") == "old"
    assert _leftovers(shut) == ["out.csv"]


SNEAKY = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formulas_in_the_data_stay_text_in_every_cell_of_an_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    rows = [["name", "position", "group", "round", "note", "collected", "cao", "tn", "thap"]]
    for n, text in enumerate(SNEAKY):
        rows.append([f"{text} {n}", text, text, text, text, "42", "30", "10", "2"])
    data = tmp_path / "=data.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    target = tmp_path / f"out.{fmt}"
    assert main(["run", "-r", "qd262-2014", "-d", str(data), "-f", fmt, "-o", str(target)]) == 0
    capsys.readouterr()
    if fmt == "csv":
        with target.open(encoding="utf-8-sig", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
    else:
        book = load_workbook(target)
        cells = [
            c
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for c in row
            if isinstance(c, str)
        ]
    risky = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert risky == []
    assert sum(c.startswith("'=") for c in cells) >= 4  # the texts are there, made plain


def test_a_base_that_is_not_utf8_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    from tinnhiem.rules import disk_loader, load_text

    (tmp_path / "base.tn").write_bytes(b'ruleset "x" # \xea\n')
    loaded = load_text('ruleset "o" extends "base.tn"\n', str(tmp_path / "o.tn"), disk_loader())
    (diagnostic,) = loaded.diagnostics
    assert diagnostic.message == (
        "the base rule set `base.tn` is not UTF-8 text (byte 0xEA at offset 14)"
    )
    assert (diagnostic.line, diagnostic.column) == (1, 21)


# --- terminal control characters: shown, never obeyed ------------------------------------------

ESC_NAME = "\x1b[31mRED\x1b]0;pwned\x07"  # colour, a window title, a bell


def test_control_characters_of_a_file_never_reach_the_terminal_from_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("esc.csv").write_text(
        f"name,collected,cao,tn,thap\n{ESC_NAME},10,5,3,2\nB,10,5,3,x\x1b[2J\n", encoding="utf-8"
    )
    assert main(["run", "-d", "esc.csv"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "esc.csv, row 3, column 'thap': error: expected a whole number, found \"x␛[2J\"\n"
    )
    Path("esc.csv").write_text(f"name,collected,cao,tn,thap\n{ESC_NAME},10,5,3,2\n", "utf-8")
    assert main(["run", "-d", "esc.csv"]) == 0
    out = capsys.readouterr().out
    assert "␛[31mRED␛]0;pwned␇" in out and "\x1b" not in out and "\x07" not in out
    assert main(["run", "-d", "esc.csv", "-f", "json"]) == 0  # a file format keeps the data
    assert json.loads(capsys.readouterr().out)["results"][0]["name"] == ESC_NAME


def test_a_rules_file_with_control_characters_is_quoted_safely_with_its_caret_in_place() -> None:
    text = 'ruleset "x\x1b[2J"\nlevels { cao "A"; thap "B" }\nbasis collected\nbogus\n'
    (diagnostic, *_) = load_text(text.replace("bogus", "\x1b[2J bogus"), "x.tn").errors
    rendered = diagnostic.render()
    assert "\x1b" not in rendered
    source, caret = rendered.splitlines()[1:3]
    assert source == " 4 | ␛[2J bogus"
    assert caret.index("^") - source.index("|") == diagnostic.column + 1  # under the same char


def test_an_xlsx_export_shows_control_characters_instead_of_dropping_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("esc.csv").write_text(f"name,collected,cao,tn,thap\n{ESC_NAME},10,5,3,2\n", "utf-8")
    assert main(["run", "-d", "esc.csv", "-f", "xlsx", "-o", "out.xlsx"]) == 0
    sheet = load_workbook("out.xlsx").active
    assert sheet.cell(2, 3).value == "␛[31mRED␛]0;pwned␇"
