"""The command line as an office uses it: UTF-8 whatever the code page, bundled data by name,
CSV from compare, a quiet Ctrl+C."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tinnhiem import bundled
from tinnhiem.cli import main


def test_csv_is_utf8_in_a_cp1252_console(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    with (tmp_path / "o.csv").open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "tinnhiem", "run", "-f", "csv"],
            stdout=out,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    lines = (tmp_path / "o.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("STT,Mã,Họ và tên,Chức vụ,")
    assert lines[1].startswith("1,K01,Nguyễn Trọng Hòa,")


def test_bundled_data_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "-d", "qh-2013", "-f", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[1][:3] == ["1", "QH01", "Trương Tấn Sang"]
    assert bundled.find_data("qh-2013.csv") == bundled.data_dir() / "qh-2013.csv"


def test_an_unknown_data_name_lists_the_bundled_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "-d", "khong-co"]) == 2
    assert capsys.readouterr().err == (
        "tinnhiem: no data file 'khong-co' (bundled: hdnd-2023, nhieu-ky, phieu-bau, phu-luc-2022, "
        "qh-2013, thoi-gian-giu-chuc-vu, vinh-phuc-2023)\n"
    )


def test_compare_prints_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["compare", "qd262-2014", "phuong-an-2", "-f", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:4] == ["Mã", "Họ và tên", "Chức vụ", "Khối"]
    assert rows[1][:2] == ["K14", "Ngô Công Long"]
    target = tmp_path / "so-sanh.csv"
    assert main(["compare", "qd262-2014", "phuong-an-2", "-f", "csv", "-o", str(target)]) == 0
    assert list(csv.reader(io.StringIO(target.read_text("utf-8-sig")))) == rows


def test_ctrl_c_ends_quietly_with_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tinnhiem.cli_data

    def interrupted(_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(tinnhiem.cli_data, "run", interrupted)
    assert main(["run"]) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_samples_are_copied_out_and_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["samples", str(tmp_path / "s")]) == 0
    rules = sorted(p.name for p in (tmp_path / "s" / "rules").iterdir())
    data = sorted(p.name for p in (tmp_path / "s" / "data").iterdir())
    assert rules == sorted(p.name for p in bundled.bundled_rules())
    assert "phieu-bau.turnout.toml" in data and "thoi-gian-giu-chuc-vu.csv" in data
    n = len(rules) + len(data)
    assert capsys.readouterr().out == f"{n} files copied into {tmp_path / 's'}\n"
    (tmp_path / "s" / "data" / "qh-2013.csv").write_text("mine", encoding="utf-8")
    assert main(["samples", str(tmp_path / "s")]) == 0
    assert (tmp_path / "s" / "data" / "qh-2013.csv").read_text("utf-8") == "mine"
    assert capsys.readouterr().out == f"0 files copied into {tmp_path / 's'}, {n} kept\n"
    monkeypatch.chdir(tmp_path / "s")
    assert main(["run", "-r", "rules/nq96-2023.tn", "-d", "data/vinh-phuc-2023.csv"]) == 0
