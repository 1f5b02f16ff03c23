"""`make bench`: every benchmark, each printing our figure, the baseline's and the target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHES = [
    "bench_rules.py",
    "bench_evaluate.py",
    "bench_ballots.py",
    "bench_cli.py",
    "bench_tui.py",
]


def main() -> int:
    status = 0
    for name in BENCHES:
        script = HERE / name
        if not script.exists():
            print(f"== {name}: not written yet")
            continue
        print(f"== {name}")
        sys.stdout.flush()
        status |= subprocess.call([sys.executable, str(script)], cwd=HERE)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
