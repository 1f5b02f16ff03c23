"""Bad arguments and bad files, command by command: exit status 2, a message that names the
place and what was expected, and never a traceback.

Most cases run `main()` in-process from a folder of prepared files (so messages name files
relatively); a few run `python -m tinnhiem` as a subprocess, as a user would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tinnhiem import bundled
from tinnhiem.cli import main

BINARY = bytes(range(256)) * 2  # byte 0x80 at offset 128 is not UTF-8
QD96 = "qd96-2023"
SWEEP = ["sweep", QD96, "-d", "data.csv", "--rule", "consequence.review"]
NOT_TEXT = "is not a rules file: byte 0x80 at offset 128 is not UTF-8 text; expected a rules file "
NOT_TEXT += "(.tn) saved as UTF-8"
FOLDER_DATA = "tinnhiem: 'folder' is a folder; expected a data file (.csv, .xlsx, ...)"
DATA_AS_RULES = (
    "tinnhiem: data.csv is a data file (.csv); expected a rules file (.tn). Data goes after --data"
)
RULES_AS_DATA = (
    "tinnhiem: rules.tn is a rules file (.tn); expected a data file (.csv, .xlsx, .json or .toml)"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a good data file, a good rules file and bad ones."""
    (tmp_path / "data.csv").write_text(
        "name,collected,cao,tn,thap\nNguyễn Văn An,42,4,10,28\n", encoding="utf-8"
    )
    shutil.copy(bundled.rules_dir() / f"{QD96}.tn", tmp_path / "rules.tn")
    (tmp_path / "bin.tn").write_bytes(BINARY)
    (tmp_path / "over-bin.tn").write_text('ruleset "x" extends "bin.tn"\n', encoding="utf-8")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder.csv").mkdir()
    (tmp_path / "unread.tn").write_text('ruleset "x"\n', encoding="utf-8")
    (tmp_path / "unread.csv").write_text("name,cao\nAn,1\n", encoding="utf-8")
    (tmp_path / "unread.tn").chmod(0)
    (tmp_path / "unread.csv").chmod(0)
    os.mkfifo(tmp_path / "pipe.csv")  # reading a pipe with no writer would wait for ever
    os.mkfifo(tmp_path / "pipe.tn")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# (argv, the last line of stderr); argparse's own lines are compared up to the quoted choices
CASES = [
    # commands and options argparse refuses
    # pipes (and devices) given as files: refused, not read
    (["run", "-d", "pipe.csv"],
     "pipe.csv: error: not a regular file (a pipe or a device); save the data to a file"),
    (["run", "--ballots", "-d", "pipe.csv"],
     "pipe.csv: error: not a regular file (a pipe or a device); save the data to a file"),
    (["run", "-r", "pipe.tn"], "tinnhiem: 'pipe.tn' is not a regular file (a pipe or a device)"),
    (["check", "pipe.tn"], "tinnhiem: 'pipe.tn' is not a regular file (a pipe or a device)"),
    (["fmt", "pipe.tn"], "tinnhiem: 'pipe.tn' is not a regular file (a pipe or a device)"),
    (["bogus"], "tinnhiem: error: argument COMMAND: invalid choice: 'bogus'"),
    (["run", "-r"], "tinnhiem run: error: argument --rules/-r: expected one argument"),
    (["check"], "tinnhiem check: error: the following arguments are required: FILE"),
    (["fmt"], "tinnhiem fmt: error: the following arguments are required: FILE"),
    (["compare", QD96], "tinnhiem compare: error: the following arguments are required: B"),
    (["schedule", QD96], "tinnhiem schedule: error: the following arguments are required: --term"),
    (["sweep", QD96, "--from", "1%", "--to", "2%"],
     "tinnhiem sweep: error: the following arguments are required: --rule"),
    (["fmt", "--check", "--write", "rules.tn"],
     "tinnhiem fmt: error: argument --write: not allowed with argument --check"),
    (["run", "-f", "pdf"], "tinnhiem run: error: argument --format/-f: invalid choice: 'pdf'"),
    (["compare", QD96, QD96, "-f", "xlsx"],
     "tinnhiem compare: error: argument --format/-f: invalid choice: 'xlsx'"),
    (["check", "--format", "yaml", "rules.tn"],
     "tinnhiem check: error: argument --format: invalid choice: 'yaml'"),
    (["show", "--format", "yaml", "rules.tn"],
     "tinnhiem show: error: argument --format: invalid choice: 'yaml'"),
    (["schedule", QD96, "--term", "2021-2026", "-f", "xlsx"],
     "tinnhiem schedule: error: argument --format/-f: invalid choice: 'xlsx'"),
    # a folder given as a file
    (["check", "folder"], "tinnhiem: 'folder' is a folder; expected a rules file (.tn)"),
    (["fmt", "folder"], "tinnhiem: 'folder' is a folder; expected a rules file (.tn)"),
    (["test", "folder"], "tinnhiem: 'folder' is a folder; expected a rules file (.tn)"),
    (["show", "folder"], "tinnhiem: 'folder' is a folder; expected a rules file (.tn)"),
    (["run", "-r", "folder"], "tinnhiem: 'folder' is a folder; expected a rules file (.tn)"),
    (["compare", QD96, "folder"], "tinnhiem: 'folder' is a folder; expected a rules file (.tn)"),
    (["run", "-d", "folder"], FOLDER_DATA),
    (["run", "-d", "folder.csv"],
     "tinnhiem: 'folder.csv' is a folder; expected a data file (.csv, .xlsx, ...)"),
    (["run", "--ballots", "-d", "folder.csv"],
     "tinnhiem: 'folder.csv' is a folder; expected a data file (.csv, .xlsx, ...)"),
    (["compare", QD96, QD96, "-d", "folder"],
     FOLDER_DATA),
    (["schedule", QD96, "--term", "2021-2026", "-d", "folder"],
     FOLDER_DATA),
    ([*SWEEP[:3], "folder", *SWEEP[4:], "--from", "40%", "--to", "70%"],
     FOLDER_DATA),
    # files that are not there, or empty
    (
        ["run", "-d", "nope.csv"],
        "tinnhiem: no data file 'nope.csv' (bundled: hdnd-2023, nhieu-ky, phieu-bau, phu-luc-2022, "
        "qh-2013, thoi-gian-giu-chuc-vu, vinh-phuc-2023)",
    ),
    (["fmt", "nope.tn"], "tinnhiem: cannot use nope.tn: No such file or directory"),
    (["run", "-d", "empty.csv"], "empty.csv: error: the file is empty (0 bytes)"),
    (["run", "--ballots", "-d", "empty.csv"], "empty.csv: error: the file is empty (0 bytes)"),
    # a rules file where data is expected, and the other way round
    (["run", "-r", "data.csv"],
     DATA_AS_RULES),
    (["check", "data.csv"],
     DATA_AS_RULES),
    (["fmt", "data.csv"],
     DATA_AS_RULES),
    (["compare", "data.csv", QD96],
     DATA_AS_RULES),
    (["run", "-d", "rules.tn"],
     RULES_AS_DATA),
    (["schedule", QD96, "--term", "2021-2026", "-d", "rules.tn"],
     RULES_AS_DATA),
    # a binary file as rules, directly or as the base of `extends`
    (["check", "bin.tn"], f"tinnhiem: bin.tn {NOT_TEXT}"),
    (["fmt", "bin.tn"], f"tinnhiem: bin.tn {NOT_TEXT}"),
    (["test", "bin.tn"], f"tinnhiem: bin.tn {NOT_TEXT}"),
    (["show", "bin.tn"], f"tinnhiem: bin.tn {NOT_TEXT}"),
    (["run", "-r", "bin.tn"], f"tinnhiem: bin.tn {NOT_TEXT}"),
    (["sweep", "bin.tn", "--rule", "a.b", "--from", "1%", "--to", "2%"],
     f"tinnhiem: bin.tn {NOT_TEXT}"),
    (["check", "over-bin.tn"], f"tinnhiem: the base 'bin.tn' (extended by over-bin.tn) {NOT_TEXT}"),
    # numbers and ranges
    (["schedule", QD96, "--term", "2026-2021"],
     "tinnhiem: --term '2026-2021': expected two years like 2021-2026"),
    (["schedule", QD96, "--term", "2021"],
     "tinnhiem: --term '2021': expected two years like 2021-2026"),
    ([*SWEEP, "--from", "70%", "--to", "40%"],
     "tinnhiem: --from '70%' is above --to '40%'; expected from <= to"),
    ([*SWEEP, "--from", "40%", "--to", "70%", "--step", "0"],
     "tinnhiem: --step '0': expected a number above 0, like 1% or 1/100"),
    ([*SWEEP, "--from", "40%", "--to", "70%", "--step=-1%"],
     "tinnhiem: --step '-1%': expected a number above 0, like 1% or 1/100"),
    ([*SWEEP, "--from", "0%", "--to", "100%", "--step", "0.00001%"],
     "tinnhiem: --from '0%' --to '100%' --step '0.00001%': that is 10000001 steps, more than "
     "1000: take a larger step"),
    ([*SWEEP, "--from", "40%", "--to", "150%"],
     "tinnhiem: --from '40%' --to '150%' --step '1%': a threshold is a share: the range must lie "
     "within 0% to 100%"),
    ([*SWEEP, "--from", "40%", "--to", "41%", "--step", "5%"],
     "tinnhiem: --from '40%' --to '41%' --step '5%': the step is larger than the range: only its "
     "start would be tried"),
    ([*SWEEP, "--from", "abc", "--to", "70%"],
     "tinnhiem: --from 'abc': expected a number like 40%, 2/5 or 0.4"),
    ([*SWEEP, "--from", "1/0", "--to", "70%"],
     "tinnhiem: --from '1/0': expected a number like 40%, 2/5 or 0.4"),
    # a rule that does not exist
    ([*SWEEP[:-1], "consequence.reviw", "--from", "40%", "--to", "70%"],
     "tinnhiem: --rule 'consequence.reviw': block `consequence` has no rule `reviw`; "
     "did you mean `review`?"),
    ([*SWEEP[:-1], "consequnce.review", "--from", "40%", "--to", "70%"],
     "tinnhiem: --rule 'consequnce.review': no block `consequnce`; did you mean `consequence`?"),
    ([*SWEEP[:-1], "review", "--from", "40%", "--to", "70%"],
     "tinnhiem: --rule 'review': expected BLOCK.RULE, like consequence.review"),
    (["run", "-r", "qd69-2023"], "tinnhiem: no rules file 'qd69-2023' (bundled rule sets: "
     + ", ".join(p.stem for p in bundled.bundled_rules()) + ")"),
    (["schedule", "folder/x.tn", "--term", "2021-2026"], "tinnhiem: no rules file 'folder/x.tn' "
     "(bundled rule sets: " + ", ".join(p.stem for p in bundled.bundled_rules()) + ")"),
    # outputs
    (["run", "-d", "data.csv", "-f", "csv", "-o", "missing/out.csv"],
     "missing/out.csv: error: the folder missing does not exist"),
    (["compare", QD96, QD96, "-d", "data.csv", "-o", "missing/out.md"],
     "missing/out.md: error: the folder missing does not exist"),
    (["run", "-d", "data.csv", "-f", "csv", "-o", "data.csv"],
     "data.csv: error: refusing to write over the input file data.csv; choose another output file"),
    (["run", "-d", "data.csv", "-r", "rules.tn", "-f", "json", "-o", "rules.tn"],
     "rules.tn: error: refusing to write over the input file rules.tn; choose another output file"),
    (["run", "-d", "data.csv", "-o", "./sub/../data.csv"],
     "sub/../data.csv: error: refusing to write over the input file data.csv; choose another "
     "output file"),
    (["compare", "rules.tn", QD96, "-d", "data.csv", "-o", "rules.tn"],
     "rules.tn: error: refusing to write over the input file rules.tn; choose another output file"),
    (["run", "-d", "data.csv", "-f", "xlsx", "-o", "folder"],
     "folder: error: this is a folder; give a file name to write to"),
    (["run", "-d", "data.csv", "-f", "xlsx"], "tinnhiem: --format xlsx needs --output FILE"),
]  # fmt: skip

# chmod 000 stops everybody but root; as root these cases do not apply
UNREADABLE = [
    (["check", "unread.tn"], "tinnhiem: cannot use unread.tn: Permission denied"),
    (["run", "-r", "unread.tn"], "tinnhiem: cannot use unread.tn: Permission denied"),
    (["run", "-d", "unread.csv"], "unread.csv: error: cannot read the file: Permission denied"),
    (["run", "--ballots", "-d", "unread.csv"],
     "tinnhiem: cannot use unread.csv: Permission denied"),
]  # fmt: skip
if os.name == "posix" and os.geteuid() != 0:
    CASES += UNREADABLE


def _main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits by itself
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "message"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(
    folder: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {
        p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and os.access(p, os.R_OK)
    }
    code, out, err = _main(argv, capsys)
    assert code == 2
    assert "Traceback" not in out + err
    last = err.rstrip("\n").splitlines()[-1]
    if "invalid choice" in message:  # argparse lists the choices after it, as its version does
        assert last.startswith(message + " (choose from ")
    else:
        assert last == message
    after = {
        p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and os.access(p, os.R_OK)
    }
    assert after == before  # nothing written, nothing changed
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["data.csv", "rules.tn", "bin.tn", "over-bin.tn", "empty.csv", "folder", "folder.csv",
         "unread.tn", "unread.csv", "pipe.csv", "pipe.tn"]
    )  # fmt: skip


def test_the_unreadable_cases_apply_to_everyone_but_root() -> None:
    applies = os.name == "posix" and os.geteuid() != 0
    assert all(case in CASES for case in UNREADABLE) == applies


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["bogus"], "tinnhiem: error: argument COMMAND: invalid choice: 'bogus'"),
        (["check", "bin.tn"], f"tinnhiem: bin.tn {NOT_TEXT}"),
        (["run", "-d", "folder"], "tinnhiem: 'folder' is a folder; expected a data file"),
        ([*SWEEP[:-1], "consequence.reviw", "--from", "40%", "--to", "70%"],
         "tinnhiem: --rule 'consequence.reviw': block `consequence` has no rule `reviw`; "
         "did you mean `review`?"),
        (["run", "-d", "data.csv", "-o", "data.csv"],
         "data.csv: error: refusing to write over the input file data.csv"),
    ],
)  # fmt: skip
def test_as_a_subprocess(folder: Path, argv: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tinnhiem", *argv],
        capture_output=True,
        text=True,
        cwd=folder,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr.rstrip("\n").splitlines()[-1].startswith(message)


# --- a file too large to read whole ------------------------------------------------------------


def _big_tallies(path: Path, megabytes: float) -> Path:
    """A file of `megabytes` in few rows (a long note in each): the size is what is checked, and
    a few hundred people are read and evaluated at once where 35,000 took half a minute."""
    note = "ghi chú dài " * 400
    row = "Nguyễn Văn Người {n},2023,42,30,10,2," + note + "\n"
    lines = ["name,round,collected,cao,tn,thap,note\n"]
    size, n = 0, 0
    while size < megabytes * (1 << 20):
        line = row.format(n=n)
        lines.append(line)
        size += len(line.encode())
        n += 1
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_file_of_tallies_above_the_limit_is_refused_with_the_way_to_read_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    big = _big_tallies(folder / "big.csv", 1.5)
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "1")
    code, out, err = _main(["run", "-d", "big.csv"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "big.csv: error: the file is 2 MB, more than the 1 MB allowed for tallies in CSV, TSV "
        "or text, read a block at a time; check that this is the right file, or set "
        "TINNHIEM_MAX_DATA_MB=2 to read it anyway\n"
    )
    # read under each setting (CSV out, the quickest: what is checked is the reading)
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "2")
    assert _main(["run", "-d", "big.csv", "-f", "csv", "-o", "out.csv"], capsys)[0] == 0
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "0")  # no limit
    assert _main(["run", "-d", "big.csv", "-f", "csv", "-o", "out.csv"], capsys)[0] == 0
    monkeypatch.delenv("TINNHIEM_MAX_DATA_MB")
    assert big.stat().st_size < 200 << 20  # the default limit of tallies in CSV lets it through
    assert _main(["run", "-d", "big.csv", "-f", "csv", "-o", "out.csv"], capsys)[0] == 0


def test_the_limit_holds_for_every_format_read_whole_and_not_for_streamed_ballots(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tinnhiem.engine.formats import read_ballots, read_tallies
    from tinnhiem.engine.model import DataError

    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "1")
    padding = "x" * (1 << 20)
    (folder / "big.json").write_text(f'[{{"name": "{padding}"}}]', encoding="utf-8")
    (folder / "big.toml").write_text(f'[[rows]]\nname = "{padding}"\n', encoding="utf-8")
    (folder / "ballots.json").write_text(
        f'{{"ballots": [{{"An": "cao"}}], "note": "{padding}"}}', encoding="utf-8"
    )
    for name in ("big.json", "big.toml"):
        with pytest.raises(DataError) as caught:
            read_tallies(folder / name, {})
        assert str(caught.value).startswith(
            f"{folder / name}: error: the file is 2 MB, more than the 1 MB allowed for a file "
            "of tallies, which is read whole;"
        )
    with pytest.raises(DataError) as caught:
        read_ballots(folder / "ballots.json", {})
    assert str(caught.value) == (
        f"{folder / 'ballots.json'}: error: the file is 2 MB, more than the 1 MB allowed for "
        "ballots in JSON (CSV and XLSX are streamed), which is read whole; check that this is "
        "the right file, or set TINNHIEM_MAX_DATA_MB=2 to read it anyway"
    )
    rows = "cao,tn\n" * 200_000  # 1.3 MB of ballots in CSV: streamed, no limit
    (folder / "ballots.csv").write_text("Nguyễn Văn An,Trần Thị Bình\n" + rows, encoding="utf-8")
    assert (folder / "ballots.csv").stat().st_size > 1 << 20
    dataset = read_ballots(folder / "ballots.csv", {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm"})
    assert [t.counts for t in dataset.tallies] == [
        {"cao": 200_000, "tn": 0},
        {"cao": 0, "tn": 200_000},
    ]
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "lots")  # not a number: the default stands
    code, _, err = _main(["run", "-d", "big.json"], capsys)
    assert code == 2
    assert "more than the" not in err


def test_a_small_workbook_that_unpacks_to_too_much_xml_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A zip bomb: 12 MB of sheet XML (blanks, which deflate packs a thousandfold) in a file of
    a few KB. Tallies are held in memory, so the unpacked size counts, not the file's."""
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["name", "collected", "cao", "tn", "thap"])
    book.active.append(["An", 10, 5, 3, 2])
    book.save(folder / "plain.xlsx")
    with (
        zipfile.ZipFile(folder / "plain.xlsx") as plain,
        zipfile.ZipFile(folder / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in plain.infolist():
            data = plain.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", b" " * (12 << 20) + b"</worksheet>")
            bomb.writestr(item.filename, data)
    assert (folder / "bomb.xlsx").stat().st_size < 100_000
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "1")
    code, out, err = _main(["run", "-d", "bomb.xlsx"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "bomb.xlsx: error: the workbook unpacks to 13 MB of XML (all its parts), more than the 10 "
        "MB allowed for a file of tallies, which is read whole; check that this is the right "
        "file, or set "
        "TINNHIEM_MAX_DATA_MB=2 to read it anyway\n"
    )
    monkeypatch.setenv("TINNHIEM_MAX_DATA_MB", "2")
    assert _main(["run", "-d", "bomb.xlsx", "-f", "csv", "-o", "out.csv"], capsys)[0] == 0


def test_the_default_limits_tallies_in_csv_streamed_and_json_read_whole(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CSV tallies are read a block at a time into columns: 200 MB by default; JSON is still
    read whole: 50 MB. Sparse files: the size is refused before a byte is read."""
    from tinnhiem.engine.formats import read_tallies
    from tinnhiem.engine.model import DataError

    monkeypatch.delenv("TINNHIEM_MAX_DATA_MB", raising=False)
    for name, size, limit, what in (
        ("big.csv", 201, 200, "tallies in CSV, TSV or text, read a block at a time"),
        ("big.json", 51, 50, "a file of tallies, which is read whole"),
    ):
        with (folder / name).open("wb") as handle:
            handle.truncate(size << 20)
        with pytest.raises(DataError) as caught:
            read_tallies(folder / name, {})
        assert str(caught.value) == (
            f"{folder / name}: error: the file is {size} MB, more than the {limit} MB allowed "
            f"for {what}; check that this is the right file, or "
            f"set TINNHIEM_MAX_DATA_MB={size} to read it anyway"
        )
