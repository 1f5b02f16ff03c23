"""Parse and check every bundled rule file; the grammar is built once per process.

Baseline: reading the same files and splitting them into lines, the floor of any parser.
Then a block of 1000 rules (nobody writes one, but the editor checks at every pause in typing
and must not hang on a paste): the checker's reachability pass used to take n² steps (11 s).

Then `tinnhiem check` whole (the fast pass and the solver's) on blocks of 200, 1000 and 4000
rules (the limit): bands of one share, answered by an interval sweep, and bands of two shares,
where the solver holds "no earlier rule matched" once and adds one condition per question
(it used to rebuild the chain per rule: 1,000 rules 5 s, 4,000 rules 80 s). Baseline: sorting
the thresholds as fractions, the floor of any sweep over them. Target: linear, 2 s per 1000
rules (0.5 s at least) for bands of one share; the solver's 10 s budget for the others (past
it, a warning).
"""

from __future__ import annotations

from fractions import Fraction

from common import line, timed
from tinnhiem.rules import load, load_text
from tinnhiem.rules.logic import have_solver
from tinnhiem.rules.logic_check import exact_findings
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
    if have_solver():
        whole_check()


def whole_check() -> None:
    for shape, make in (("1 share", bands), ("2 shares", two_shares)):
        first = None
        for n in (200, 1000, 4000):
            text = make(n - 1)  # and the `else`: n rules
            found, seconds = timed(lambda t=text: checked(t))
            _, base = timed(lambda n=n: sorted(Fraction(n - i, n) for i in range(n)))
            first = first or (n, seconds)
            per = seconds / (n / first[0]) / first[1]  # 1.0: linear from the first size
            name = f"check {n} rules, {shape} ({per:.1f}× linear)"
            if shape == "1 share":
                limit = max(0.5, n / 500)  # and at least the solver's start
                target, ok = f"{limit:g} s", seconds < limit
            else:
                target, ok = "10 s", seconds < 12
            shown = f"{seconds:.2f} s" + (" (budget)" if found else "")
            line(name, shown, f"{base:.4f} s", target, ok)


def checked(text: str) -> int:
    """The fast pass and the exact one; how many warnings say the solver stopped."""
    resolved = load_text(text, "many.tn").ok()
    return len(exact_findings(resolved, {"many.tn": text}, set()))


def bands(n: int) -> str:
    rules = "\n".join(f'  r{i} "R{i}" when share(thap) >= {n - i}/{n}' for i in range(n))
    return _block(rules)


def two_shares(n: int) -> str:
    rules = "\n".join(
        f'  r{i} "R{i}" when share(thap) >= {n - i}/{n} and share(cao) < {(i * 7) % n + 1}/{n}'
        for i in range(n)
    )
    return _block(rules)


def _block(rules: str) -> str:
    return (
        'ruleset "n"\nlevels { cao "Cao"; tn "TN"; thap "Thấp" }\nbasis collected\n'
        f'classify many "Nhiều" {{\n{rules}\n  else none "Không"\n}}\n'
    )


def many_rules(n: int) -> str:
    rules = "\n".join(f'  r{i} "R{i}" when share(thap) >= {i % 100}/100' for i in range(n))
    return (
        'ruleset "1000"\nlevels { cao "Cao"; tn "TN"; thap "Thấp" }\nbasis collected\n'
        f'classify many "Nhiều" {{\n{rules}\n  else none "Không"\n}}\n'
    )


if __name__ == "__main__":
    main()
