"""The quorum of a rule set as one object: whether a vote meets it, and how to say so."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from tinnhiem.rules import ast

from .conditions import OPS, SYMBOLS
from .model import percent
from .words import Lang, say


def decimal(value: Fraction) -> str:
    """A number rounded half up to two decimals: 94/3 -> '31.33'."""
    return percent(value / 100)


def _needed(p: int, q: int, of: int) -> str:
    """`decimal(Fraction(p, q) * of)` on whole numbers (the trace says it for every person)."""
    rounded = (200 * p * of + q) // (2 * q)  # p * of / q in hundredths, half up (never < 0)
    return f"{rounded // 100}.{rounded % 100:02d}"


class Quorum:
    """`present >= 2/3 of members`: met, not met, or unknown when the data lacks a figure.

    The test is on whole numbers (measure * q op p * of); the words show the exact threshold.
    """

    __slots__ = ("measure", "of", "op", "p", "q", "quorum")

    def __init__(self, quorum: ast.Quorum) -> None:
        self.quorum = quorum
        self.measure, self.of = quorum.measure, quorum.of
        self.op = OPS[quorum.op]
        fraction = quorum.fraction.value
        self.p, self.q = fraction.numerator, fraction.denominator

    def met(self, turnout: Mapping[str, int]) -> bool | None:
        """True or False; None when the turnout lacks one of the two figures."""
        measure, of = turnout.get(self.measure), turnout.get(self.of)
        if measure is None or of is None:
            return None
        return bool(self.op(measure * self.q, self.p * of))

    def lacking(self, turnout: Mapping[str, int]) -> list[str]:
        """The figures of the quorum this turnout does not give, in the order of the rule."""
        return [name for name in (self.measure, self.of) if turnout.get(name) is None]

    def describe(self, lang: Lang = "en") -> str:
        """The rule in words: `present ≥ 2/3 of members`."""
        quorum = self.quorum
        op, fraction = SYMBOLS[quorum.op], quorum.fraction.text
        return say(
            lang, "quorum_source", measure=quorum.measure, op=op, fraction=fraction, of=quorum.of
        )

    def reason(self, turnout: Mapping[str, int], lang: Lang) -> str:
        """Why a vote that does not meet the quorum is invalid, with its figures."""
        quorum = self.quorum
        of = turnout[self.of]
        return say(
            lang,
            "quorum_not_met",
            measure=self.measure,
            value=turnout[self.measure],
            sym=SYMBOLS[quorum.op],
            fraction=quorum.fraction.text,
            of=self.of,
            total=of,
            needed=decimal(quorum.fraction.value * of),
        )

    def trace(self, turnout: Mapping[str, int]) -> str:
        """The trace's line of the quorum (English, as the whole trace)."""
        met = self.met(turnout)
        if met is None:
            names = " or ".join(f"`{name}`" for name in self.lacking(turnout))
            return f"quorum ({self.describe()}) not checked: no {names}"
        quorum = self.quorum
        of = turnout[self.of]
        said = f"{quorum.fraction.text} of {self.of} = {of} ({_needed(self.p, self.q, of)})"
        sym = SYMBOLS[quorum.op]
        verdict = "met" if met else "not met"
        return f"quorum: {self.measure} = {turnout[self.measure]} {sym} {said}: {verdict}"
