"""What the exact logic does not model is named in the reader's language: `check`'s warning and
`test --coverage`'s reason, in Vietnamese under `--lang vi` and in English otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tinnhiem.cli import main

RULES = """ruleset "Thử"
levels {
  cao  "Tín nhiệm cao"
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
basis collected
classify ket_qua "Kết quả" {
  a "A" when round > 3
  b "B" when vote_year == 2023
  else c "C"
}
example "một" {
  collected 3
  thap 3
  round 5
  vote_year 2022
  expect ket_qua a
}
"""

CHECK = {
    "vi": "r.tn:1:1: cảnh báo: các kiểm tra chính xác (quy tắc không bộ số phiếu nào tới được, "
    "trường hợp không lấy phiếu không bao giờ áp dụng) đã dừng: không quyết định chính xác được: "
    "thuộc tính `round` được đọc cùng `vote_date` hoặc `vote_year`, vốn suy ra từ nó tại r.tn:9",
    "en": "r.tn:1:1: warning: the exact checks (rules no tally reaches, exemptions that never "
    "apply) stopped: cannot decide exactly: attribute `round` read beside `vote_date` or "
    "`vote_year`, which derive from it at r.tn:9",
}
COVERAGE = {
    "vi": [
        "r.tn:10: quy tắc ket_qua.b: không ví dụ nào chạm tới",
        "  (không quyết định chính xác được)",
    ],
    "en": ["r.tn:10: rule ket_qua.b: no example reaches it", "  (cannot decide exactly)"],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_what_the_logic_does_not_model_is_said_in_the_readers_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "r.tn").write_text(RULES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", lang, "check", "r.tn"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == CHECK[lang]
    assert main(["--lang", lang, "test", "--coverage", "r.tn"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == COVERAGE[lang]


FAR = """ruleset "Xa"
levels {
  cao  "Tín nhiệm cao"
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
basis collected
classify ket_qua "Kết quả" {
  xa "Xa" when count(cao) >= 20
  else gan "Gần"
}
example "gần" {
  collected 1
  cao 1
  expect ket_qua gan
}
"""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "  (chưa cài bộ giải SMT (pip install 'tinnhiem[diff]'))"),
        ("en", "  (the SMT solver is not installed (pip install 'tinnhiem[diff]'))"),
    ],
)
def test_why_coverage_has_no_example_without_the_solver_in_the_readers_language(
    lang: str,
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """20 ballots are past the bounded search: without the solver there is no example to give,
    and the reason is the catalog's sentence, not the solver's code."""
    import sys

    monkeypatch.setitem(sys.modules, "z3", None)  # as if `tinnhiem[diff]` were not installed
    (tmp_path / "xa.tn").write_text(FAR, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", lang, "test", "--coverage", "xa.tn"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == expected
    assert lines[1].startswith("xa.tn:9: ")
