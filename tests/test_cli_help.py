"""The command line's help, colour, table formats and warnings (issue 13): every --help ends with
examples that run and the exit statuses; schedule and sweep write CSV, Markdown, JSON to stdout
or a file; --color and NO_COLOR; a long list of warnings summarised."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from tinnhiem import terminal
from tinnhiem.cli import _parser, main

COMMANDS = sorted(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
ESC = "\x1b["


def _main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's --help exits by itself
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def _examples(help_text: str) -> list[tuple[str, int]]:
    """The examples as the user reads them: (command line, exit status said, else 0)."""
    section = help_text.split("\nexamples:\n", 1)[1].split("\n\nexit status:\n", 1)[0]
    lines = section.splitlines()
    found = []
    for line, words in zip(lines[::2], lines[1::2], strict=True):
        assert line.startswith("  tinnhiem ") and words.startswith("      "), (line, words)
        status = re.search(r"\(exit (\d)\)$", words)
        found.append((line.strip(), int(status[1]) if status else 0))
    return found


def test_every_command_has_a_help() -> None:
    assert COMMANDS == [
        "check", "compare", "diff", "fmt", "run", "samples", "schedule", "show", "sweep", "test"
    ]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_help_ends_with_examples_and_every_exit_status(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _main([command, "--help"], capsys)
    assert code == 0
    assert 2 <= len(_examples(out)) <= 4
    statuses = out.split("\n\nexit status:\n", 1)[1].splitlines()
    assert [s[:5] for s in statuses] == ["  0  ", "  1  ", "  2  "]
    assert statuses[2] == (
        "  2  bad usage, or input that cannot be used (said with its file, line or row, and column)"
    )


def test_the_help_of_run_ends_as_printed(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _main(["run", "--help"], capsys)
    assert out.split("\nexamples:\n", 1)[1] == (
        "  tinnhiem run -r qd96-2023 -d phu-luc-2022\n"
        "      the bundled 2022 appendix, as a table\n"
        "  tinnhiem run -r qd96-2023 -d phu-luc-2022 -f csv -o ket-qua.csv\n"
        "      the same as CSV (UTF-8 with BOM, for Excel) in ket-qua.csv\n"
        "  tinnhiem run -r qd96-2023 --ballots -d phieu-bau\n"
        "      count ballots, one row each\n"
        "  tinnhiem run -r qd96-2023 -d phu-luc-2022 -f docx -o phu-luc.docx\n"
        "      a Word document laid out as an official appendix\n"
        "\n"
        "exit status:\n"
        "  0  results printed or written; warnings on stderr do not change it\n"
        "  1  not used: a person rated low is a result, not a failure\n"
        "  2  bad usage, or input that cannot be used (said with its file, line or row, and "
        "column)\n"
    )


def test_the_help_of_diff_says_when_it_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _main(["diff", "--help"], capsys)
    assert _examples(out) == [
        ("tinnhiem diff qd262-2014 qd96-2023", 1),
        ("tinnhiem diff qd96-2023 qd96-2023", 0),
        ("tinnhiem diff nq85-2014 nq96-2023 --lang vi -f md -o khac-nhau.md", 1),
    ]
    assert "  1  a difference exists (shown with the smallest tally)\n" in out


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_example_runs_with_the_status_its_help_says(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The examples are run as printed, in order, in an empty folder: they cannot rot."""
    monkeypatch.chdir(tmp_path)
    _, out, _ = _main([command, "--help"] if command else ["--help"], capsys)
    examples = _examples(out)
    assert examples
    for line, status in examples:
        argv = shlex.split(line)
        assert argv[0] == "tinnhiem"
        code, out, err = _main(argv[1:], capsys)
        assert code == status, f"{line}: exit {code}\n{err}"
        assert "Traceback" not in err
        if "-o" in argv:  # what it says it writes is there
            written = tmp_path / argv[argv.index("-o") + 1]
            assert written.stat().st_size > 0, line


# --- schedule and sweep: -f table|csv|json|md and -o --------------------------------------------

SCHEDULE = ["schedule", "qd96-2023", "--term", "2021-2026"]
COVERAGE = [*SCHEDULE, "-d", "thoi-gian-giu-chuc-vu"]
SWEEP = ["sweep", "qd96-2023", "-d", "phu-luc-2022", "--rule", "band.high"]
SWEEP += ["--from", "40%", "--to", "60%", "--step", "10%"]
NOT_CHECKED = (
    "chưa kiểm tra được trường hợp không lấy phiếu “Đã có thông báo nghỉ hưu” của 5 người: "
    "dữ liệu không có `retirement_notice`"
)


def test_schedule_as_csv_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert _main([*SCHEDULE, "-f", "csv"], capsys) == (
        0,
        'Năm,Năm thứ,Tháng,"Kỳ họp, hội nghị"\n2023,3,12/2023,Hội nghị cuối năm\n',
        "",
    )
    assert _main([*SCHEDULE, "-f", "md", "--lang", "vi"], capsys) == (
        0,
        "## Lịch lấy phiếu 2021-2026: QĐ 96-QĐ/TW (2023)\n\n"
        "| Năm | Năm thứ | Tháng | Kỳ họp, hội nghị |\n"
        "|---|---|---|---|\n"
        "| 2023 | 3 | 12/2023 | Hội nghị cuối năm |\n\n",
        "",
    )


def test_schedule_csv_with_data_lists_the_people_and_warns_what_it_could_not_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _main([*COVERAGE, "-f", "csv", "--lang", "vi"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "Họ và tên,Chức vụ,Từ,Đến,Số lần,Năm,Lâu nhất (tháng),Không lấy phiếu",
        "Lâm Văn Phước,Bí thư Đảng ủy,2021-01-01,2025-12-31,1,2023,36,",
        "Quách Thị Ngọc Diệp,Phó Bí thư Đảng ủy,2021-06-25,2025-12-31,1,2023,31,",
    ]
    assert len(lines) == 10  # the header and the nine people
    assert err == NOT_CHECKED + "\n"  # on stderr: the CSV stays a table
    _, out, _ = _main([*COVERAGE, "-f", "md", "--lang", "vi"], capsys)
    assert out.endswith(NOT_CHECKED + "\n")  # in Markdown as under the terminal's table
    assert "| Lâm Văn Phước | Bí thư Đảng ủy | 2021-01-01 | 2025-12-31 | 1 | 2023 | 36 |  |" in out


def test_sweep_as_csv_marks_the_current_threshold_in_its_own_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _main([*SWEEP, "-f", "csv"], capsys)
    assert code == 0
    assert out.splitlines() == [
        "Ngưỡng,Hiện hành,Tín nhiệm cao từ 50% trở lên,Tín nhiệm cao và tín nhiệm từ 50% trở lên,"
        "Tín nhiệm cao và tín nhiệm dưới 50%,Đổi loại",
        '"40,00%",,56,0,0,',
        '"50,00%",*,55,1,0,Ngô Công Long: high → mid',
        '"60,00%",,53,3,0,Phan Thị Dung: high → mid; Hoàng Minh Lan: high → mid',
    ]
    _, out, _ = _main([*SWEEP, "-f", "md", "--lang", "vi"], capsys)
    assert out.splitlines()[0] == "## QĐ 96-QĐ/TW (2023): band.high (* = ngưỡng hiện hành)"
    assert out.splitlines()[-2] == "| 50,00% * | 55 | 1 | 0 | Ngô Công Long: high → mid |"


def test_schedule_and_sweep_write_files_as_run_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _main([*COVERAGE, "-f", "csv", "-o", "lich.csv"], capsys)[:2] == (0, "")
    text = (tmp_path / "lich.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeffHọ và tên,Chức vụ,Từ,Đến,")  # the BOM Excel needs
    assert _main([*SWEEP, "-f", "json", "-o", "sweep.json"], capsys)[:2] == (0, "")
    document = json.loads((tmp_path / "sweep.json").read_text(encoding="utf-8"))
    assert [s["percent"] for s in document["steps"]] == ["40.00", "50.00", "60.00"]
    assert _main([*SCHEDULE, "-o", "lich.txt", "--lang", "vi"], capsys)[:2] == (0, "")
    assert (tmp_path / "lich.txt").read_text(encoding="utf-8").startswith("Lịch lấy phiếu")


@pytest.mark.parametrize(
    "argv",
    [
        [*SCHEDULE, "-d", "data.csv", "-f", "csv", "-o", "data.csv"],
        [*SCHEDULE, "-d", "data.csv", "-f", "md", "-o", "./data.csv"],
        ["sweep", "qd96-2023", "-d", "data.csv", "--rule", "band.high", "--from", "40%",
         "--to", "60%", "-o", "data.csv"],
        ["sweep", "qd96-2023", "-d", "data.csv", "--rule", "band.high", "--from", "40%",
         "--to", "60%", "-f", "csv", "-o", "data.csv"],
    ],
)  # fmt: skip
def test_schedule_and_sweep_never_write_over_their_data(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    data = (Path(__file__).parent.parent / "samples/data/thoi-gian-giu-chuc-vu.csv").read_bytes()
    if "sweep" in argv:
        data = (Path(__file__).parent.parent / "samples/data/phu-luc-2022.csv").read_bytes()
    (tmp_path / "data.csv").write_bytes(data)
    code, _, err = _main(argv, capsys)
    shown = argv[-1].removeprefix("./")
    assert code == 2
    assert err.splitlines()[-1] == (
        f"{shown}: error: refusing to write over the input file data.csv; choose another "
        "output file"
    )
    assert (tmp_path / "data.csv").read_bytes() == data


# --- colour ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "no_color", "coloured"),
    [
        (["--color", "always", "run"], None, True),
        (["run", "--color", "always"], None, True),
        (["run", "--color", "always"], "1", True),  # the user's own flag beats NO_COLOR
        (["run", "--color", "never"], None, False),
        (["run"], "1", False),
        (["run"], "", False),  # auto, and stdout is not a terminal here
        (["schedule", "qd96-2023", "--term", "2021-2026", "--color", "always"], None, True),
        (["sweep", *SWEEP[1:], "--color", "always"], None, True),
        (["compare", "qd262-2014", "qd96-2023", "--color", "always"], None, True),
    ],
)
def test_color_option_and_no_color(
    argv: list[str],
    no_color: str | None,
    coloured: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    code, out, _ = _main(argv, capsys)
    assert code == 0
    assert (ESC in out) is coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "\x1b" not in plain  # only colour codes, nothing else of the terminal's


def test_auto_colours_a_terminal_unless_no_color_is_set(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert ESC in _main(["run"], capsys)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC not in _main(["run"], capsys)[1]
    assert ESC not in _main(["fmt", "qd96-2023"], capsys)[1]
    assert ESC in _main(["fmt", "qd96-2023", "--color", "always"], capsys)[1]


def test_colour_never_goes_into_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _main(["run", "--color", "always", "-o", "out.txt"], capsys)[:2] == (0, "")
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert text.startswith("QĐ 262-QĐ/TW (2014)") and "\x1b" not in text


# --- warnings ----------------------------------------------------------------------------------


def _warned_data(folder: Path, people: int) -> Path:
    """Votes in 2013 and 2015 only: under NQ 35 (a vote every year, `previous` read when more than
    half rated low) each 2015 vote warns that the 2014 one is missing."""
    rows = ["id,name,position,round,members,collected,cao,tn,thap"]
    for day in ("2013-06-10", "2015-06-01"):
        rows += [f"P{i},Người {i},Chức vụ {i},{day},60,60,10,10,40" for i in range(1, people + 1)]
    path = folder / "nhieu.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _missing(person: int, people: int = 12) -> str:
    return (
        f"nhieu.csv, row {1 + people + person}: warning: `previous` is missing, so conditions "
        f"on it are not met: no vote of Người {person} in 2014"
    )


def test_more_than_ten_warnings_are_summarised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _warned_data(tmp_path, 12)
    argv = ["run", "-r", "nq35-2012", "-d", "nhieu.csv", "-f", "csv"]
    code, out, err = _main(argv, capsys)
    assert code == 0 and out.count("\n") == 25
    assert err.splitlines() == [
        *(_missing(p) for p in range(1, 11)),
        "… and 2 more warnings (use --all-warnings to see them)",
    ]
    for every in ([*argv, "--all-warnings"], ["--all-warnings", *argv]):
        code, _, err = _main(every, capsys)
        assert err.splitlines() == [_missing(p) for p in range(1, 13)]


def test_json_keeps_every_warning_in_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _warned_data(tmp_path, 12)
    code, out, err = _main(["run", "-r", "nq35-2012", "-d", "nhieu.csv", "-f", "json"], capsys)
    assert code == 0
    warnings = json.loads(out)["warnings"]
    assert [w["row"] for w in warnings] == list(range(14, 26))
    assert err.splitlines()[-1] == "… and 2 more warnings (use --all-warnings to see them)"


def test_ten_warnings_are_all_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _warned_data(tmp_path, 10)
    _, _, err = _main(["run", "-r", "nq35-2012", "-d", "nhieu.csv", "-f", "csv"], capsys)
    assert err.splitlines() == [_missing(p, 10) for p in range(1, 11)]


def test_the_summary_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    for lang, hidden, said in [
        ("en", 1, "… and 1 more warning (use --all-warnings to see it)"),
        ("vi", 1, "… và 1 cảnh báo nữa (dùng --all-warnings để xem)"),
        ("vi", 5, "… và 5 cảnh báo nữa (dùng --all-warnings để xem hết)"),
    ]:
        terminal.configure(lang=lang)  # type: ignore[arg-type]
        for n in range(10 + hidden):
            terminal.warn(f"w{n}")
        terminal.summary()
        assert capsys.readouterr().err.splitlines() == [*(f"w{n}" for n in range(10)), said]
    terminal.configure()


def test_with_colour_a_control_character_of_the_rules_is_shown_not_obeyed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (Path(__file__).parent.parent / "samples/rules/qd96-2023.tn").read_text("utf-8")
    rules = tmp_path / "esc.tn"
    rules.write_text(source.replace('"Hệ quả"', '"Hệ\x1b[31m quả"', 1), encoding="utf-8")
    code, out, _ = _main(["run", "-r", str(rules), "--color", "always"], capsys)
    assert code == 0
    assert "Hệ␛[31m quả" in out and "\x1b[31m" not in out
    assert ESC in out  # rich's own codes are kept
