"""A bad argument is said in the reader's language: the usage errors of the command line and the
errors of a sweep or a diff that cannot be made come from the message catalog, with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tinnhiem.cli import main


def _sweep(rule: str, *options: str) -> list[str]:
    return ["sweep", "qd96-2023", "--rule", rule, *options]


CASES = [
    (
        ["run", "-d", "nothere.csv"],
        "không có tệp dữ liệu 'nothere.csv' (tệp có sẵn: hdnd-2023, nhieu-ky, phieu-bau, "
        "phu-luc-2022, qh-2013, thoi-gian-giu-chuc-vu, vinh-phuc-2023)",
        "no data file 'nothere.csv' (bundled: hdnd-2023, nhieu-ky, phieu-bau, phu-luc-2022, "
        "qh-2013, thoi-gian-giu-chuc-vu, vinh-phuc-2023)",
    ),
    (
        ["run", "-r", "afolder"],
        "'afolder' là một thư mục; cần một tệp quy định (.tn)",
        "'afolder' is a folder; expected a rules file (.tn)",
    ),
    (
        ["schedule", "qd96-2023", "--term", "2026"],
        "--term '2026': cần hai năm, ví dụ 2021-2026",
        "--term '2026': expected two years like 2021-2026",
    ),
    (
        ["run", "-f", "docx"],
        "--format docx cần --output TỆP",
        "--format docx needs --output FILE",
    ),
    (
        ["sweep", "qd96-2023", "--rule", "consequence.nope", "--from", "40%", "--to", "60%"],
        "--rule 'consequence.nope': khối `consequence` không có quy tắc `nope`; có phải ý bạn là "
        "`none`?",
        "--rule 'consequence.nope': block `consequence` has no rule `nope`; did you mean `none`?",
    ),
    (
        ["sweep", "qd96-2023", "--rule", "consequence.x", "--from", "40%", "--to", "60%"],
        "--rule 'consequence.x': khối `consequence` không có quy tắc `x` (đã có: dismiss, review, "
        "none)",
        "--rule 'consequence.x': block `consequence` has no rule `x` (known: dismiss, review, "
        "none)",
    ),
    (
        [
            "sweep",
            "qd96-2023",
            "--rule",
            "consequence.review",
            "--from",
            "90%",
            "--to",
            "95%",
            "--step",
            "10%",
        ],
        "--from '90%' --to '95%' --step '10%': bước lớn hơn cả khoảng quét: chỉ thử được điểm đầu",
        "--from '90%' --to '95%' --step '10%': the step is larger than the range: only its start "
        "would be tried",
    ),
    (
        [
            "sweep",
            "qd96-2023",
            "--rule",
            "consequence.dismiss",
            "--from",
            "40%",
            "--to",
            "60%",
            "--threshold",
            "3",
        ],
        "--rule 'consequence.dismiss': `consequence.dismiss` có 1 ngưỡng, không có ngưỡng thứ 3",
        "--rule 'consequence.dismiss': `consequence.dismiss` has 1 threshold, not 3",
    ),
    (
        ["diff", "qd96-2023", "qd41-2021", "--pair", "a=b"],
        "--pair a=b: qd96-2023.tn không có khối `a`",
        "--pair a=b: qd96-2023.tn has no block `a`",
    ),
    (
        ["diff", "qd96-2023", "qd41-2021", "--block", "zz"],
        "--block zz: không bộ quy định nào có khối `zz`",
        "--block zz: neither rule set has a block `zz`",
    ),
    (
        ["fmt", "--write", "qd96-2023"],
        "qd96-2023 là bộ quy định có sẵn: fmt --write không sửa nó; hãy in ra (tinnhiem fmt "
        "qd96-2023 > quy-dinh-cua-toi.tn) rồi sửa bản sao",
        "qd96-2023 is a bundled rule set: fmt --write does not change it; print it (tinnhiem fmt "
        "qd96-2023 > my-rules.tn) and edit the copy",
    ),
    (
        ["diff", "qd96-2023", "qd41-2021", "--bound", "13"],
        "--bound 13: cần một số phiếu từ 0 đến 12",
        "--bound 13: expected a number of ballots from 0 to 12",
    ),
]


@pytest.mark.parametrize(("argv", "vietnamese", "english"), CASES, ids=lambda v: str(v)[:30])
def test_a_usage_error_in_each_language_with_exit_2(
    argv: list[str],
    vietnamese: str,
    english: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "afolder").mkdir()
    monkeypatch.chdir(tmp_path)
    for lang, expected in (("vi", vietnamese), ("en", english)):
        assert main(["--lang", lang, *argv]) == 2
        err = capsys.readouterr().err.splitlines()
        assert err[-1] == f"tinnhiem: {expected}"


def test_a_base_that_is_not_utf8_is_named_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "base.tn").write_bytes(b"levels { cao \xff }\n")
    (tmp_path / "top.tn").write_text('ruleset "x" extends "base.tn"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "vi", "check", "top.tn"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "tinnhiem: tệp gốc 'base.tn' (được top.tn mở rộng) không phải tệp quy định: byte 0xFF ở "
        "vị trí 13 không phải văn bản UTF-8; cần một tệp quy định (.tn) lưu dạng UTF-8"
    )
