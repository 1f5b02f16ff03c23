"""`make bench`: every benchmark, each printing our figure, the baseline's and the target.

Every line a benchmark prints is passed through as it comes; at the end, the figures that missed
their target are listed again, with the time the whole run took.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
BENCHES = [
    "bench_rules.py",
    "bench_evaluate.py",
    "bench_ballots.py",
    "bench_scale.py",
    "bench_cli.py",
    "bench_diff.py",
    "bench_tui.py",
    "bench_tests.py",
]


def run(script: Path) -> tuple[int, list[str]]:
    """Run one benchmark, echoing its output; its exit status and the lines that missed."""
    missed: list[str] = []
    with subprocess.Popen(
        [sys.executable, str(script)], cwd=HERE, stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        for text in process.stdout:
            sys.stdout.write(text)
            sys.stdout.flush()
            if text.rstrip().endswith("MISSED"):
                missed.append(text.rstrip())
    return process.returncode, missed


def main() -> int:
    status = 0
    missed: list[str] = []
    start = time.perf_counter()
    for name in BENCHES:
        script = HERE / name
        if not script.exists():
            print(f"== {name}: not written yet")
            continue
        print(f"== {name}")
        sys.stdout.flush()
        code, lines = run(script)
        status |= code
        missed += lines
    print(f"== {time.perf_counter() - start:.0f} s in all; ", end="")
    if missed:
        print(f"{len(missed)} missed their target:")
        print("\n".join(missed))
    else:
        print("every target met")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
