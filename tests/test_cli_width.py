"""Tables fit the terminal: at 80 columns no line is wider, and nothing is cut with an ellipsis."""

from __future__ import annotations

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
    assert main(["run"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:5] == [
        "1. Nguyễn Trọng Hòa · Bí thư Đảng ủy Khối",
        "   Cơ sở tính: 31 · Tín nhiệm cao: 23 (74,19%) · Tín nhiệm: 5 (16,13%) ·",
        "   Tín nhiệm thấp: 3 (9,68%)",
        "   Hệ quả: Không · Mức tín nhiệm: Tín nhiệm cao từ 50% trở lên",
    ]
