"""A policy diff in words, in both languages: the witness ("3 phiếu thu về, 2 thấp (66,67%)"),
the outcomes, and what was proved or only searched. The CLI's table and the TUI's diff view
both say it this way.
"""

from __future__ import annotations

import re
from fractions import Fraction

from tinnhiem.rules import ast
from tinnhiem.rules.logic import EXEMPT, INVALID, Witness
from tinnhiem.rules.messages import Foreign, Message, message

from .diff import BlockDiff, Diff, Pair, value_text
from .model import percent
from .words import Lang, plural, say


def short_name(ruleset: ast.Resolved) -> str:
    """ "QĐ 96-QĐ/TW (2023)" -> "QĐ 96-QĐ/TW"."""
    return ruleset.name.split(" (")[0].strip() or ruleset.name


def level_word(ruleset: ast.Resolved, level: str, lang: Lang) -> str:
    if lang == "en":
        return level
    label = ruleset.label_of(level).lower()
    rest = label.removeprefix("tín nhiệm ").strip()
    return rest or label


def outcome_label(ruleset: ast.Resolved, block: str, outcome: str, lang: Lang) -> str:
    """A class's label, or the words of `exempt` and `invalid` (the person not classified)."""
    if outcome == EXEMPT:
        return say(lang, "diff.exempt")
    if outcome == INVALID:
        return say(lang, "diff.not_valid")
    found = ruleset.block(block)
    rule = next((r for r in found.rules if r.id == outcome), None) if found else None
    return rule.label if rule is not None else outcome


def pct(share: Fraction, lang: Lang) -> str:
    text = percent(share)
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


def tally_words(witness: Witness, ruleset: ast.Resolved, lang: Lang) -> str:
    """ "3 phiếu thu về, 2 thấp (66,67%)": the figures that are not the obvious ones."""
    t = witness.turnout
    parts = [plural(lang, "diff.collected", t["collected"])]
    if t["invalid"]:
        parts.append(say(lang, "diff.invalid", n=t["invalid"]))
    for name in ("issued", "present", "members"):
        if t[name] != t["collected"]:
            parts.append(say(lang, f"diff.{name}", n=t[name]))
    basis = t[ruleset.basis.kind]
    for level, n in witness.counts.items():
        if n:
            share = f" ({pct(Fraction(n, basis), lang)})" if basis > 0 else ""
            parts.append(f"{n} {level_word(ruleset, level, lang)}{share}")
    for name, value in witness.attrs.items():
        # a yes/no in Vietnamese as the "why" panel says a flag (`true`/`false` stay in the
        # examples and the English words: the language's own)
        shown = value_text(value)
        if isinstance(value, bool) and lang == "vi":
            shown = "có" if value else "không"
        parts.append(f"{name} = {shown}")
    if witness.previous is not None:
        parts.append(say(lang, "diff.previous", what=tally_words(witness.previous, ruleset, lang)))
    return ", ".join(parts)


def pair_words(found: Diff, block: BlockDiff, pair: Pair, lang: Lang) -> str:
    """The witness, then what each side makes of it; a note when it was only searched for."""
    a, b = found.a, found.b
    said = (
        f"{tally_words(pair.witness, a, lang)}: "
        f"{short_name(a)} {outcome_label(a, block.a, pair.a, lang).lower()}, "
        f"{short_name(b)} {outcome_label(b, block.b, pair.b, lang).lower()}"
    )
    if not pair.exact:
        said += f" [{say(lang, 'diff.bounded', bound=block.bound, why=why(block, lang))}]"
    if not pair.confirmed:
        said += f" [{say(lang, 'diff.unconfirmed', a=pair.engine[0], b=pair.engine[1])}]"
    return said


def block_words(block: BlockDiff, lang: Lang) -> str:
    """What is known of a block without differences: proved the same, or only searched."""
    key = "diff.equivalent" if block.exact else "diff.bounded_same"
    return say(lang, key, bound=block.bound, why=why(block, lang))


_UNDECIDABLE = re.compile(r"cannot decide exactly: .*?(?: at (?P<at>\S+:\d+))?")


def reason_words(reason: str, lang: Lang) -> str:
    """Why the solver did not answer (`Answer.reason`), in `lang`."""
    return reason_said(reason).said(lang)


def reason_said(reason: str) -> Message | Foreign:
    """Why the solver did not answer (`Answer.reason`, a code), to be said in the reader's
    language: in English the code as it is (it names the solver's own reason), else the
    catalog's sentence for it."""
    if reason == "no_solver":
        return message("diff.no_solver")
    if reason == "solver off":
        instead = message("diff.solver_off")
    elif reason.startswith("timeout "):
        instead = message("diff.timeout", seconds=reason.removeprefix("timeout "))
    elif (undecidable := _UNDECIDABLE.fullmatch(reason)) is not None:
        at = undecidable["at"]
        instead = message("diff.undecidable_at", at=at) if at else message("diff.not_modelled")
    else:
        instead = message("diff.gave_up")
    return Foreign(reason, instead)


def why(block: BlockDiff, lang: Lang) -> str:
    return "; ".join(reason_words(r, lang) for r in block.reasons)
