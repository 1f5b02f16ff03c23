"""Tables fit the terminal: at 80 columns no line is wider, and nothing is cut with an ellipsis."""

from __future__ import annotations

from pathlib import Path

import pytest

from tinnhiem.cli import main


@pytest.mark.parametrize("columns", [80, 100, 120, 200])
def test_run_fits_the_width_and_cuts_nothing(
    columns: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))  # what a pipe or a script sets
    assert main(["run"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= columns
    assert "…" not in out
    assert "Nguyễn Trọng Hòa" in out and "74,19%" in out


def test_the_narrow_list_keeps_each_person_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["run", "--lang", "vi"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:5] == [
        "1. Nguyễn Trọng Hòa · Bí thư Đảng ủy Khối",
        "   Cơ sở tính: 31 · Tín nhiệm cao: 23 (74,19%) · Tín nhiệm: 5 (16,13%) ·",
        "   Tín nhiệm thấp: 3 (9,68%)",
        "   Hệ quả: Không · Mức tín nhiệm: Tín nhiệm cao từ 50% trở lên",
    ]


def test_the_narrow_list_shows_control_characters_as_symbols(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.chdir(tmp_path)
    name = "\x1b[31mRED\x1b]0;pwned\x07"
    Path("esc.csv").write_text(f"name,position,collected,cao,tn,thap\n{name},{name},10,5,3,2\n")
    assert main(["run", "-d", "esc.csv"]) == 0
    out = capsys.readouterr().out
    assert "1. ␛[31mRED␛]0;pwned␇ · ␛[31mRED␛]0;pwned␇" in out
    assert "\x1b" not in out and "\x07" not in out
