"""`tinnhiem diff` of every pair of bundled rule sets: every outcome pair of every block, each
with its smallest tally, each witness evaluated by the engine.

Baseline: the same two rule sets evaluated by the engine on their own examples (`tinnhiem test`),
which looks at a few tallies where the diff decides every tally. Target: 2 s a pair.
"""

from __future__ import annotations

import itertools

from common import line, timed
from tinnhiem.engine.diff import DiffError, diff
from tinnhiem.engine.examples import run_examples
from tinnhiem.rules import load
from tinnhiem.rules.logic import have_solver

from tinnhiem import bundled


def main() -> None:
    if not have_solver():
        print("z3 is not installed (pip install 'tinnhiem[diff]'): no diff benchmark")
        return
    loader = bundled.loader()
    rulesets = {p.stem: load(p, loader).ok() for p in bundled.bundled_rules()}
    worst = 0.0
    for x, y in itertools.combinations(rulesets, 2):
        a, b = rulesets[x], rulesets[y]
        try:
            _, seconds = timed(lambda a=a, b=b: diff(a, b))
        except DiffError:
            continue  # no level both read: said at once, nothing to time
        _, base = timed(lambda a=a, b=b: (run_examples(a), run_examples(b)))
        worst = max(worst, seconds)
        name = f"diff {x} {y}"
        line(name[:48], f"{seconds:.2f} s", f"{base:.3f} s", "2 s", seconds < 2)
    line("diff: the slowest pair", f"{worst:.2f} s", "-", "2 s", worst < 2)


if __name__ == "__main__":
    main()
