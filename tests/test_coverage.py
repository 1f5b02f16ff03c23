"""`tinnhiem test --coverage`: rules no example reaches, thresholds without an example at the
boundary and one vote away, each gap with the smallest example that fills it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tinnhiem import bundled
from tinnhiem.cli import main

RULES = """ruleset "Cov"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm" when share(thap) >= 2/3
  review "Xem xét" when share(thap) > 1/2
  else none "Không"
}
example "Đúng 2/3" {
  collected 42; cao 4; tn 10; thap 28
  expect consequence dismiss
}
"""


def test_gaps_come_with_the_example_that_fills_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cov.tn"
    path.write_text(RULES, encoding="utf-8")
    assert main(["test", str(path), "--coverage"]) == 0
    out = capsys.readouterr().out.replace(str(path), "cov.tn")
    assert out.splitlines()[0] == (
        "cov.tn: 1 of 3 rules reached by an example, 0 of 2 thresholds with examples at the "
        "boundary and one vote away"
    )
    assert (
        "cov.tn:6: rule consequence.review: no example reaches it\n"
        '  example "phủ consequence.review" {\n'
        "    members 5; present 5; issued 5; collected 5; valid 5; invalid 0\n"
        "    cao 0; tn 2; thap 3\n"
        "    expect consequence review\n"
        "  }\n"
    ) in out
    assert (
        "cov.tn:5:29: consequence.dismiss `share(thap) >= 2/3`: no example one vote away\n" in out
    )
    assert "cov.tn:5:29: consequence.dismiss `share(thap) >= 2/3`: no example at the" not in out
    assert out.endswith("1 passed, 0 failed\n")
    # every example it proposes passes once pasted, and then nothing is missing
    texts = []
    for block in out.split("\n  example ")[1:]:
        lines = block.split("\n  }")[0].splitlines()
        texts.append("\n".join(["example " + lines[0], *(x[2:] for x in lines[1:]), "}"]))
    path.write_text(RULES + "\n" + "\n".join(texts) + "\n", encoding="utf-8")
    assert main(["test", str(path), "--coverage", "-f", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["failed"] == 0 and doc["passed"] == 1 + len(texts)
    (found,) = doc["coverage"]
    assert all(r["covered"] for r in found["rules"])
    assert all(t["covered"] for t in found["thresholds"])


def test_the_bundled_qd96_examples_cover_every_rule_and_threshold(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["test", str(bundled.find_rules("qd96-2023")), "--coverage", "-f", "json"]) == 0
    (found,) = json.loads(capsys.readouterr().out)["coverage"]
    assert [(t["threshold"], t["covered"]) for t in found["thresholds"]] == [
        ("share(thap) >= 2/3", True),
        ("share(thap) > 1/2", True),
        ("share(cao) >= 50%", True),
        ("share(cao + tn) >= 50%", True),
    ]
