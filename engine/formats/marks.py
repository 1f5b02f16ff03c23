"""Ballot cells: the levels a cell ticks, and the void mark of a whole ballot.

A cell holds the level ticked: its id, its label (or the label's end after "Tín nhiệm ": "cao",
"thấp"), or a single letter that is the first letter of exactly one level id of the rule set
("c" for cao; "t" is refused, being both tn and thap); several ticks are joined with "+".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tinnhiem.engine.model import KNOWN_LEVELS
from tinnhiem.rules.messages import Joined, Message, message

from .headers import fold, normalise
from .values import shown

_VOID_YES = {"x", "có", "co", "yes", "true", "1", "hủy", "huỷ", "huy", "void"}
_VOID_NO = {"không", "khong", "no", "false", "0"}


class Marks:
    """What a cell means: the levels ticked, or None for a text that is not a mark."""

    def __init__(self, levels: Mapping[str, str]) -> None:
        given = dict(levels) or dict(KNOWN_LEVELS)
        every = {**KNOWN_LEVELS, **given}
        pairs: list[tuple[str, str]] = []
        for level, label in every.items():
            pairs += [(normalise(level), level), (normalise(label), level)]
            rest = normalise(label).removeprefix("tín nhiệm ")
            if rest != normalise(label):
                pairs.append((rest, level))
        firsts: dict[str, list[str]] = {}
        for level in given:
            firsts.setdefault(normalise(level)[:1], []).append(level)
        self.letters = {letter: found[0] for letter, found in firsts.items() if len(found) == 1}
        self.ambiguous = {letter: found for letter, found in firsts.items() if len(found) > 1}
        pairs += list(self.letters.items())
        self.exact = _unique(pairs)
        self.folded = _unique((fold(key), level) for key, level in pairs)
        self.given = tuple(given)

    def ticks(self, text: str) -> list[str] | None:
        found: list[str] = []
        for part in text.split("+"):
            key = normalise(part)
            if not key:
                continue
            level = self.exact.get(key) or self.folded.get(fold(key))
            if level is None:
                return None
            found.append(level)
        return found

    def ambiguous_letters(self, text: str) -> set[str]:
        """The letters of the rule set's levels that `text` holds and that could mean two levels
        (they come from the rules, not from the cell, so they may be shown)."""
        return {k for k in map(normalise, text.split("+")) if k in self.ambiguous}

    def letters_hint(self, letters: set[str]) -> Joined:
        return Joined(
            [
                message("marks.letter", letter=shown(k), levels=Joined(self.ambiguous[k], "or"))
                for k in sorted(letters)
                if k not in self.exact
            ],
            separator="",
        )

    def expected(self) -> Message:
        letters = [message("marks.for", letter=k, level=v) for k, v in self.letters.items()]
        if letters:
            also = message("marks.also_letters", letters=Joined(letters))
        else:
            also = message("marks.also_labels")
        return message("marks.expected", levels=", ".join(self.given), also=also)


def _unique(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    clash: set[str] = set()
    for key, level in pairs:
        if not key or key in clash:
            continue
        if table.get(key, level) != level:
            del table[key]
            clash.add(key)
        else:
            table[key] = level
    return table


def void_word(value: str) -> bool | None:
    key = normalise(value)
    if not key or key in _VOID_NO:
        return False
    return True if key in _VOID_YES else None
