"""100,000 tally rows evaluated against qd96-2023.tn, end to end from CSV.

Baseline: the plain job, csv.DictReader and the two thresholds of QĐ 96 written by hand with
Fraction. Target (issue [2/4]): under 2 s for ours.
"""

from __future__ import annotations

import csv
import random
import tempfile
from fractions import Fraction
from pathlib import Path

from common import line, timed
from tinnhiem.engine import evaluate
from tinnhiem.engine.formats import read_tallies
from tinnhiem.rules import load

from tinnhiem import bundled

ROWS = 100_000


def generate(path: Path) -> None:
    rng = random.Random(96)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["id", "name", "group", "members", "present", "collected", "cao", "tn", "thap"]
        )
        for i in range(ROWS):
            collected = rng.randint(20, 60)
            thap = rng.randint(0, collected)
            tn = rng.randint(0, collected - thap)
            cao = collected - thap - tn
            writer.writerow(
                [f"P{i}", f"Người {i}", f"Nhóm {i % 7}", collected + 3, collected, collected,
                 cao, tn, thap]
            )  # fmt: skip


def ours(path: Path) -> dict[str, int]:
    ruleset = load(bundled.rules_dir() / "qd96-2023.tn", bundled.loader()).ok()
    levels = {lv.id: lv.label for lv in ruleset.levels.levels}
    evaluation = evaluate(ruleset, read_tallies(path, levels), explain=False)
    found: dict[str, int] = {}
    for result in evaluation.results:
        klass = result.klass("consequence") or result.status
        found[klass] = found.get(klass, 0) + 1
    return found


def baseline(path: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if Fraction(int(row["present"]), int(row["members"])) < Fraction(2, 3):
                klass = "invalid"
            else:
                share = Fraction(int(row["thap"]), int(row["collected"]))
                klass = (
                    "dismiss"
                    if share >= Fraction(2, 3)
                    else "review"
                    if share > Fraction(1, 2)
                    else "none"
                )
            found[klass] = found.get(klass, 0) + 1
    return found


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tallies.csv"
        generate(path)
        got, seconds = timed(lambda: ours(path))
        expected, base = timed(lambda: baseline(path))
        assert got == expected, (got, expected)
        line(
            f"{ROWS:,} tallies, CSV -> classes (QĐ 96)",
            f"{seconds:.2f} s",
            f"{base:.2f} s",
            "2 s",
            seconds < 2,
        )


if __name__ == "__main__":
    main()
