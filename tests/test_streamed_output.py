"""`run -f csv | json | jsonl` are written a person at a time; an error still leaves no output."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinnhiem.engine import evaluate
from tinnhiem.engine.formats import read_tallies, write_results
from tinnhiem.rules import load

from tinnhiem import bundled
from tinnhiem.cli import main

HEADER = "id,name,members,present,collected,cao,tn,thap\n"


def data(tmp_path: Path) -> Path:
    """Three people; the third lacks the basis (collected), the second is below the quorum."""
    path = tmp_path / "d.csv"
    path.write_text(
        HEADER + "A,An,40,30,30,20,5,5\nB,Bình,40,10,10,5,3,2\nC,Cúc,40,30,,20,5,5\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "md"])
def test_a_row_without_basis_stops_the_run_before_any_output(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data(tmp_path)
    assert main(["run", "-r", "qd96-2023", "-d", str(path), "-f", fmt]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{path}, row 4: error: Cúc: no `collected`, the basis of the percentages\n"
    target = tmp_path / f"out.{fmt}"
    assert main(["run", "-r", "qd96-2023", "-d", str(path), "-f", fmt, "-o", str(target)]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv"]  # no file, no temporary


def test_streamed_csv_is_the_csv_of_the_whole_evaluation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.csv"
    path.write_text(HEADER + "A,An,40,30,30,20,5,5\nB,Bình,40,10,10,5,3,2\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    assert main(["run", "-r", "qd96-2023", "-d", str(path), "-f", "csv", "-o", str(target)]) == 0
    assert main(["run", "-r", "qd96-2023", "-d", str(path), "-f", "csv"]) == 0
    out = capsys.readouterr().out
    whole = tmp_path / "whole.csv"
    ruleset = load(bundled.find_rules("qd96-2023"), bundled.loader()).ok()
    levels = {level.id: level.label for level in ruleset.levels.levels}
    write_results(evaluate(ruleset, read_tallies(path, levels), explain=False), whole, "csv")
    assert target.read_bytes() == whole.read_bytes()
    assert whole.read_bytes().startswith("\ufeff".encode())
    assert "\r" not in out  # a terminal or a pipe gets LF, and no byte-order mark
    assert out == whole.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert out.splitlines()[:2] == [
        "STT,Mã,Họ và tên,Chức vụ,Cơ sở tính tỷ lệ (số phiếu thu về),Tín nhiệm cao,"
        "Tín nhiệm cao (%),Tín nhiệm,Tín nhiệm (%),Tín nhiệm thấp,Tín nhiệm thấp (%),Hệ quả,"
        "Mức tín nhiệm,Trạng thái,Ghi chú",
        "1,A,An,,30,20,66.67,5,16.67,5,16.67,Không,Tín nhiệm cao từ 50% trở lên,Đã đánh giá,",
    ]
