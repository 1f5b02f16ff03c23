"""`example` blocks run against the engine, with the messages `tinnhiem test` prints."""

from __future__ import annotations

from tinnhiem.engine import run_examples
from tinnhiem.rules import ast, load_text

QD96 = """ruleset "QĐ 96"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
quorum present >= 2/3 of members
exempt "Đã có thông báo nghỉ hưu" when retirement_notice
classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm" when share(thap) >= 2/3
  review "Xem xét" when share(thap) > 1/2
  else none "Không"
}
example "Đúng 2/3" {
  collected 42; cao 4; tn 10; thap 28
  expect consequence dismiss
}
example "Sai kỳ vọng" {
  collected 42; cao 10; tn 10; thap 22
  expect consequence dismiss
}
example "Nghỉ hưu" {
  collected 42; cao 4; tn 10; thap 28; retirement_notice true
  expect status exempt
  expect consequence dismiss
}
example "Thiếu người có mặt" {
  collected 30; members 47; present 30; thap 20
  expect status invalid
}
"""


def outcomes(text: str, path: str = "qd96.tn") -> list[tuple[int, str, bool, str]]:
    ruleset = load_text(text, path).ok()
    return [(o.line, o.block, o.passed, o.message) for o in run_examples(ruleset)]


def test_each_expect_passes_or_fails_with_a_one_line_message() -> None:
    assert outcomes(QD96) == [
        (13, "consequence", True, 'qd96.tn:13: example "Đúng 2/3": consequence: dismiss: ok'),
        (
            17,
            "consequence",
            False,
            'qd96.tn:17: example "Sai kỳ vọng": consequence: expected dismiss, got review',
        ),
        (21, "status", True, 'qd96.tn:21: example "Nghỉ hưu": status: exempt: ok'),
        (
            22,
            "consequence",
            False,
            'qd96.tn:22: example "Nghỉ hưu": consequence: expected dismiss, '
            "got exempt (Đã có thông báo nghỉ hưu)",
        ),
        (26, "status", True, 'qd96.tn:26: example "Thiếu người có mặt": status: invalid: ok'),
    ]


def test_a_failure_carries_the_trace_of_the_result() -> None:
    ruleset = load_text(QD96, "qd96.tn").ok()
    failed = next(o for o in run_examples(ruleset) if not o.passed)
    assert (failed.name, failed.expected, failed.actual) == ("Sai kỳ vọng", "dismiss", "review")
    assert "→ consequence: review “Xem xét”" in failed.trace


NQ35 = """ruleset "NQ 35"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis members
classify consequence "Hệ quả" {
  revote "Bỏ phiếu" when share(thap) > 1/2 and previous share(thap) > 1/2
  else none "Không"
}
example "Hai năm liền" {
  members 498; thap 255
  previous { thap 260 }
  expect consequence revote
}
example "Năm trước ổn" {
  members 498; thap 255
  previous { members 500; thap 250 }
  expect consequence none
}
example "Lần đầu" {
  members 498; thap 400
  expect consequence none
}
"""


def test_a_previous_block_is_the_vote_before_and_inherits_unstated_turnout() -> None:
    assert [(name, passed) for _, name, passed, _ in outcomes(NQ35)] == [
        ("consequence", True),
        ("consequence", True),
        ("consequence", True),
    ]


def test_an_example_the_engine_cannot_evaluate_fails_with_the_data_error() -> None:
    text = QD96.replace(
        "collected 42; cao 4; tn 10; thap 28\n  expect consequence",
        "cao 4\n  expect consequence",
        1,
    )
    first = load_text(text, "qd96.tn").ok()
    outcome = run_examples(first)[0]
    assert not outcome.passed
    assert outcome.actual == "error: Đúng 2/3: no `collected`, the basis of the percentages"


def test_an_example_without_expect_fails() -> None:
    text = QD96 + 'example "Trống" { collected 10; thap 1 }\n'
    last = outcomes(text)[-1]
    assert last == (28, "", False, 'qd96.tn:28: example "Trống": has no `expect`')


QD41_OVERLAY = """ruleset "QĐ 41" extends "qd96.tn"
classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm" when share(thap) > 2/3
  review "Xem xét" when share(thap) > 1/2
  else none "Không"
}
"""


def test_an_overlay_runs_its_bases_examples_and_names_their_file() -> None:
    def loader(name: str, relative_to: str) -> tuple[str, str]:
        assert name == "qd96.tn"
        return "base/qd96.tn", QD96

    ruleset: ast.Resolved = load_text(QD41_OVERLAY, "qd41.tn", loader).ok()
    results = [(o.file, o.name, o.passed, o.actual) for o in run_examples(ruleset)][:2]
    assert results == [
        ("base/qd96.tn", "Đúng 2/3", False, "review"),
        ("base/qd96.tn", "Sai kỳ vọng", False, "review"),
    ]
