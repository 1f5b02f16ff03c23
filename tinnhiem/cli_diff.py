"""`tinnhiem diff A B`: where two rule sets disagree, over every tally, with the smallest tally.

Exit status: 0 when every block gives the same outcome for every tally, 1 when a difference
exists, 2 bad input (a rules file with errors is reported as `check` reports it).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tinnhiem.engine.diff import Diff, DiffError, diff, value_text
from tinnhiem.engine.diff_words import block_words, pair_words, short_name, tally_words
from tinnhiem.engine.words import Lang, say
from tinnhiem.rules.logic import EXEMPT, INVALID, Witness
from tinnhiem.rules.messages import message

from . import render, terminal
from .cli_data import _emit, resolve
from .errors import UsageError


def run(args: argparse.Namespace) -> int:
    a, b = resolve(args.a), resolve(args.b)
    pairs = [_pair_arg(text) for text in args.pair or ()]
    if args.timeout <= 0:
        raise UsageError(message("usage.timeout", n=f"{args.timeout:g}"))
    if not 0 <= args.bound <= 12:
        raise UsageError(message("usage.bound", n=args.bound))
    try:
        found = diff(a, b, pairs=pairs, only=args.block, timeout=args.timeout, bound=args.bound)
    except DiffError as exc:
        raise UsageError(exc.said) from None
    lang: Lang = args.lang
    if any("no_solver" in block.reasons for block in found.blocks):
        terminal.warn(f"tinnhiem diff: {say(lang, 'diff.no_solver')}")
    if args.format == "json":
        text = json.dumps(document(found, lang), ensure_ascii=False, indent=2)
    else:
        text = diff_text(found, lang, markdown=args.format == "md")
    _emit(text, args.output, (Path(a.path), Path(b.path)))
    return 0 if found.equivalent else 1


def _pair_arg(text: str) -> tuple[str, str]:
    x, sep, y = text.partition("=")
    if not sep or not x.strip() or not y.strip():
        raise UsageError(message("usage.pair", text=repr(text)))
    return x.strip(), y.strip()


# --- the table ----------------------------------------------------------------------------


def block_rows(found: Diff, lang: Lang) -> list[list[str]]:
    rows = []
    for block in found.blocks:
        name = block.a or block.b
        if block.only is not None:
            owner = found.a if block.only == "a" else found.b
            rows.append([name, "", "", say(lang, "diff.only", name=short_name(owner))])
            continue
        differences = block.differences
        if not differences:
            rows.append([name, "=", "=", block_words(block, lang)])
        for pair in differences:
            rows.append([name, pair.a, pair.b, pair_words(found, block, pair, lang)])
    return rows


def diff_text(found: Diff, lang: Lang, *, markdown: bool = False) -> str:
    a, b = found.a, found.b
    headers = [say(lang, "diff.block"), f"A: {short_name(a)}", f"B: {short_name(b)}"]
    headers.append(say(lang, "diff.witness"))
    rows = block_rows(found, lang)
    lines = [f"A: {a.name} ({a.path})", f"B: {b.name} ({b.path})", ""]
    if markdown:
        lines.append(render.markdown_table(headers, rows))
    else:
        from rich.markup import escape  # a witness may hold `[…]`: words, never markup

        lines.append(render.simple_table("diff", headers, [[escape(c) for c in r] for r in rows]))
    examples = [
        (pair.example_a, pair.example_b) for block in found.blocks for pair in block.differences
    ]
    if examples:
        lines += ["", say(lang, "diff.examples") + ":"]
        fence = ["```"] if markdown else []
        for example_a, example_b in examples:
            lines += ["", f"# A ({a.path})", *fence, example_a, *fence]
            lines += [f"# B ({b.path})", *fence, example_b, *fence]
    return "\n".join(lines)


# --- JSON -------------------------------------------------------------------------------------


def witness_document(witness: Witness) -> dict[str, Any]:
    found: dict[str, Any] = {**witness.turnout, **witness.counts}
    for name, value in witness.attrs.items():
        found[name] = value if isinstance(value, bool | int | str) else value_text(value).strip('"')
    if witness.previous is not None:
        found["previous"] = witness_document(witness.previous)
    return found


def document(found: Diff, lang: Lang = "en") -> dict[str, Any]:
    blocks = []
    for block in found.blocks:
        blocks.append(
            {
                "id": block.a or block.b,
                "a_block": block.a or None,
                "b_block": block.b or None,
                "only": block.only,
                "equivalent": block.equivalent,
                "exact": block.exact,
                "bound": block.bound,
                "reasons": list(block.reasons),
                "pairs": [[p.a, p.b] for p in block.pairs],
                "differences": [
                    {
                        "a": p.a,
                        "b": p.b,
                        "witness": witness_document(p.witness),
                        "example": p.example_a,
                        "example_b": p.example_b,
                        "words": pair_words(found, block, p, lang),
                        "exact": p.exact,
                        "confirmed": p.confirmed,
                        "trace_a": list(p.trace_a),
                        "trace_b": list(p.trace_b),
                    }
                    for p in block.differences
                ],
            }
        )
    return {
        "a": {"name": found.a.name, "file": found.a.path},
        "b": {"name": found.b.name, "file": found.b.path},
        "levels": list(found.space.levels),
        "equivalent": found.equivalent,
        "blocks": blocks,
    }


# --- the table of samples/README.md -----------------------------------------------------------

START, END = "<!-- tinnhiem diff: start -->", "<!-- tinnhiem diff: end -->"


def summary_rows(found: Diff, x: str, y: str, lang: Lang = "en") -> list[list[str]]:
    """One row per block: how many outcome pairs differ, and the smallest between two classes."""
    rows = []
    for block in found.blocks:
        name = block.a or block.b
        if block.only is not None:
            owner = x if block.only == "a" else y
            rows.append([x, y, name, say(lang, "diff.only", name=owner), ""])
            continue
        differences = block.differences
        if not differences:
            rows.append([x, y, name, block_words(block, lang), ""])
            continue
        classes = [p for p in differences if {p.a, p.b}.isdisjoint((EXEMPT, INVALID))]
        counted = f"{len(differences)} ({len(classes)} {say(lang, 'diff.between_classes')})"
        first = min(classes, key=lambda p: p.witness.key(), default=None)
        said = ""
        if first is not None:
            bare = Witness(first.witness.turnout, first.witness.counts, {}, first.witness.previous)
            said = f"{first.a} / {first.b}: {tally_words(bare, found.a, lang)}"
        rows.append([x, y, name, counted, said])
    return rows


def bundled_summary(lang: Lang = "en") -> str:
    """The table of how every pair of bundled rule sets differs, as `samples/README.md` has it."""
    import itertools

    from tinnhiem import bundled

    headers = [
        "A",
        "B",
        say(lang, "diff.block"),
        say(lang, "diff.pairs_differ"),
        say(lang, "diff.first"),
    ]
    rows: list[list[str]] = []
    for a, b in itertools.combinations(bundled.bundled_rules(), 2):
        x, y = a.stem, b.stem
        try:
            found = diff(resolve(str(a)), resolve(str(b)))
        except DiffError:
            rows.append([x, y, "", say(lang, "diff.no_level_in_common"), ""])
            continue
        rows += summary_rows(found, x, y, lang)
    return render.markdown_table(headers, rows)


def update_readme(path: Path) -> bool:
    """Write the table between its markers in `path`; whether the file changed."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n{bundled_summary()}{END}{tail}"
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True


if __name__ == "__main__":  # python -m tinnhiem.cli_diff samples/README.md
    update_readme(Path(sys.argv[1]))
