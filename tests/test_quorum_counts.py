"""Data of several rounds of the same people: the warning of a quorum the data cannot check says
what it counts (people when each person has one vote, votes, "lượt", when the data holds several
rounds), the same in the CLI and the TUI, in both languages; and the CLI's table shows each row's
round, so that one person's rows can be told apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_support import SAMPLES, make_app, pilot_test, ready

from tinnhiem.cli import main

SOURCE_EN = "quorum (present ≥ 2/3 of members) not checked for"
SOURCE_VI = "chưa kiểm tra được điều kiện hợp lệ (present ≥ 2/3 của members) của"
ROUNDS_EN = f"{SOURCE_EN} 18 of 18 votes: the data gives no `present`"
ROUNDS_VI = f"{SOURCE_VI} 18/18 lượt lấy phiếu: dữ liệu không có `present`"
ONE_EN = f"{SOURCE_EN} 8 of 8 people: the data gives no `present` or `members`"
ONE_VI = f"{SOURCE_VI} 8/8 người: dữ liệu không có `present` hoặc `members`"


@pytest.mark.parametrize(
    ("data", "lang", "warning"),
    [
        ("nhieu-ky.csv", "en", f"nhieu-ky.csv: warning: {ROUNDS_EN}"),
        ("nhieu-ky.csv", "vi", f"nhieu-ky.csv: cảnh báo: {ROUNDS_VI}"),
        ("hdnd-2023.csv", "en", f"hdnd-2023.csv: warning: {ONE_EN}"),
        ("hdnd-2023.csv", "vi", f"hdnd-2023.csv: cảnh báo: {ONE_VI}"),
    ],
)
def test_the_cli_counts_votes_on_several_rounds_and_people_on_one(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: str,
    lang: str,
    warning: str,
) -> None:
    monkeypatch.chdir(SAMPLES)
    assert main(["run", "-r", "qd96-2023", "-d", data, "-f", "csv", "--lang", lang]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert [line for line in lines if "present ≥ 2/3" in line] == [warning]


@pytest.mark.parametrize(
    ("data", "lang", "warning"),
    [
        ("nhieu-ky.csv", "vi", ROUNDS_VI),
        ("nhieu-ky.csv", "en", ROUNDS_EN),
        ("hdnd-2023.csv", "vi", ONE_VI),
        ("hdnd-2023.csv", "en", ONE_EN),
    ],
)
@pilot_test
async def test_the_tui_says_the_same_count(
    tmp_path: Path, data: str, lang: str, warning: str
) -> None:
    app = make_app(tmp_path, "qd96-2023", SAMPLES / data, lang=lang)
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        said = [n.message for n in app._notifications if "present ≥ 2/3" in n.message]
        assert said == [warning]


# --- the rows of one person told apart: the round beside the name --------------------------


@pytest.mark.parametrize("columns", [120, 70])
def test_the_cli_table_shows_each_rows_round_on_several_rounds(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.chdir(SAMPLES)
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["run", "-r", "qd96-2023", "-d", "nhieu-ky.csv", "--lang", "vi"]) == 0
    lines = capsys.readouterr().out.splitlines()
    if columns == 120:  # a table: a column "Đợt" after the name
        assert any(line.startswith("│  7 │ Đặng Văn Thái     │ 2013-06-10 │") for line in lines)
        header = next(line for line in lines if "Họ và tên" in line)
        assert header.split("┃")[3].strip() == "Đợt"
    else:  # a list: the round after the name
        assert "7. Đặng Văn Thái · 2013-06-10 · Phó Chủ tịch Ủy ban nhân dân tỉnh" in lines


def test_one_vote_each_has_no_round_column(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SAMPLES)
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["run", "-r", "qd96-2023", "-d", "hdnd-2023.csv", "--lang", "vi"]) == 0
    header = next(line for line in capsys.readouterr().out.splitlines() if "Họ và tên" in line)
    assert "Đợt" not in header
