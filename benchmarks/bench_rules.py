"""Parse and check every bundled rule file; the grammar is built once per process.

Baseline: reading the same files and splitting them into lines, the floor of any parser.
"""

from __future__ import annotations

from common import line, timed
from tinnhiem.rules import load
from tinnhiem.rules.parser import grammar

from tinnhiem import bundled


def main() -> None:
    _, build = timed(grammar)
    line("grammar build (once per process)", f"{build * 1000:.1f} ms", "-", "-")
    loader = bundled.loader()
    for path in bundled.bundled_rules():
        _, seconds = timed(lambda p=path: load(p, loader), repeat=20)
        _, base = timed(lambda p=path: p.read_text(encoding="utf-8").splitlines(), repeat=20)
        ms = seconds * 1000
        line(f"parse+check {path.name}", f"{ms:.2f} ms", f"{base * 1000:.3f} ms", "20 ms", ms < 20)


if __name__ == "__main__":
    main()
