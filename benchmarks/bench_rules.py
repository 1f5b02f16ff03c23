"""Parse and check every bundled rule file; the grammar is built once per process.

Baseline: reading the same files and splitting them into lines, the floor of any parser.
Then a block of 1000 rules (nobody writes one, but the editor checks at every pause in typing
and must not hang on a paste): the checker's reachability pass used to take n² steps (11 s).
"""

from __future__ import annotations

from common import line, timed
from tinnhiem.rules import load, load_text
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
    text = many_rules(1000)
    _, seconds = timed(lambda: load_text(text, "many.tn"))
    _, base = timed(lambda: text.splitlines())
    name = "parse+check a block of 1000 rules"
    line(name, f"{seconds:.2f} s", f"{base:.4f} s", "1 s", seconds < 1)


def many_rules(n: int) -> str:
    rules = "\n".join(f'  r{i} "R{i}" when share(thap) >= {i % 100}/100' for i in range(n))
    return (
        'ruleset "1000"\nlevels { cao "Cao"; tn "TN"; thap "Thấp" }\nbasis collected\n'
        f'classify many "Nhiều" {{\n{rules}\n  else none "Không"\n}}\n'
    )


if __name__ == "__main__":
    main()
