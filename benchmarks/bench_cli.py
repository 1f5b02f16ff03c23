"""`tinnhiem run` on the bundled sample, wall time of the whole process (best of 5).

Baseline: `python -c pass`, the cost of starting an interpreter. Target (issue [2/4]): 0.3 s,
with tinnhiem's modules compiled to bytecode, as an installed package has them (see `common`):
where no bytecode may be written, each start compiles them again (0.31 s in all, measured).
"""

from __future__ import annotations

import subprocess
import sys

from common import line, timed


def main() -> None:
    def ours() -> None:
        subprocess.run([sys.executable, "-m", "tinnhiem", "run"], check=True, capture_output=True)

    def baseline() -> None:
        subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True)

    _, seconds = timed(ours, repeat=5)
    _, base = timed(baseline, repeat=5)
    line(
        "tinnhiem run (bundled sample), wall",
        f"{seconds:.2f} s",
        f"{base:.2f} s",
        "0.3 s",
        seconds < 0.3,
    )


if __name__ == "__main__":
    main()
