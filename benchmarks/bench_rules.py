"""Parse and check every bundled rule file; the grammar is built once per process.

Baseline: reading the same files and splitting them into lines, the floor of any parser.
Then a block of 1000 rules (nobody writes one, but the editor checks at every pause in typing
and must not hang on a paste): the checker's reachability pass used to take n² steps (11 s).

Then `tinnhiem check` whole (the fast pass and the solver's) on blocks of 1000, 2000 and 4000
rules (the limit): bands of one share, answered by an interval sweep, and bands of two shares,
answered by a sweep of their plane (`rules.boxes`): both ask the solver one small question per
rule. (The chain of "no earlier rule matched" took, for two shares, 3 s at 1,000 rules, 19.6 s
at 2,000, and went past the 10 s budget at 4,000; before it, 1,000 rules 5 s, 4,000 80 s.)
Baseline: sorting the thresholds as fractions, the floor of any sweep over them. Target:
linear, 2 s per 1000 rules (0.5 s at least) for bands of one share; for two shares, within 2×
the one-share figure of the same size (and never the budget's warning).
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
    first: dict[str, tuple[int, float]] = {}
    for n in (1000, 2000, 4000):
        _, base = timed(lambda n=n: sorted(Fraction(n - i, n) for i in range(n)))
        one = 0.0
        for shape, make in (("1 share", bands), ("2 shares", two_shares)):
            text = make(n - 1)  # and the `else`: n rules
            # the best of two below 4,000 rules: a shared machine's noise is not the checker's
            found, seconds = timed(lambda t=text: checked(t), repeat=2 if n < 4000 else 1)
            start = first.setdefault(shape, (n, seconds))
            per = seconds / (n / start[0]) / start[1]  # 1.0: linear from the first size
            shown = f"{seconds:.2f} s" + (" (budget)" if found else "")
            if shape == "1 share":
                one = seconds
                limit = max(0.5, n / 500)  # and at least the solver's start
                name = f"check {n} rules, {shape} ({per:.1f}× linear)"
                line(name, shown, f"{base:.4f} s", f"{limit:g} s", seconds < limit and not found)
            else:
                # the same questions, one per rule, after a sweep of the plane: near 1 share's
                name = f"check {n} rules, {shape} ({per:.1f}× linear, {seconds / one:.1f}× 1 share)"
                line(name, shown, f"{base:.4f} s", "2× 1 share", seconds < 2 * one and not found)


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
