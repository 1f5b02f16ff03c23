"""The results of a run as a sequence, each `Result` made when it is read.

The classification pass (`bulk`) gives each person a key (the rule of each block) or -1; the
people it could not decide were decided the exact way, their results kept (`made`). A result of
the pass is made on demand from its tally and key: a run of 100,000 people makes none until the
table draws its rows, and the reports count the keys (`report.build_reports`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress

from .model import LazyRows, Result, Tally, Verdict


class Results(LazyRows[Result]):
    """Every person's result, in the order of the data.

    `keys[i]` is the pass's key of person i (-1: decided the exact way, `made[i]`); `made` also
    holds every result of a run with explanations. `verdicts(key)` gives a key's verdicts.
    """

    __slots__ = ("_build", "_largest", "explained", "keys", "made", "tallies", "verdicts")

    def __init__(
        self,
        tallies: Sequence[Tally],
        keys: Sequence[int],
        made: Mapping[int, Result],
        build: Callable[[Tally, int], Result],
        verdicts: Callable[[int], tuple[Verdict, ...]],
        largest: Callable[[], tuple[int, int]],
        *,
        explained: bool = False,
    ) -> None:
        self.tallies = tallies
        self.keys = keys
        self.made = made
        self.explained = explained
        self.verdicts = verdicts
        self._build = build
        self._largest = largest

    def __len__(self) -> int:
        return len(self.keys)

    def _item(self, index: int) -> Result:
        found = self.made.get(index)
        if found is not None:
            return found
        return self._build(self.tallies[index], self.keys[index])

    def __iter__(self) -> Iterator[Result]:
        if len(self.made) == len(self):
            return map(self.made.__getitem__, range(len(self)))
        return map(self._one, range(len(self)), self.tallies, self.keys)

    def _one(self, index: int, tally: Tally, key: int) -> Result:
        return self.made[index] if key < 0 or self.explained else self._build(tally, key)

    def aside(self) -> list[Result]:
        """The results of people exempt or whose vote is invalid (none came from the pass)."""
        return [result for result in self.made.values() if result.status != "evaluated"]

    def verdict_sets(self) -> list[tuple[Verdict, ...]]:
        """Each distinct set of verdicts given (of the pass's keys, and of the results made)."""
        given = [self.verdicts(key) for key in set(self.keys) if key >= 0]
        return given + [result.verdicts for result in self.made.values()]

    def largest(self) -> tuple[int, int]:
        """The largest count of a level and the largest basis in the results (0 for none)."""
        count, basis = self._largest()
        made = list(self.made.values())
        counts = [max(r.counts.values(), default=0) for r in made]
        bases = [r.basis_value for r in made if r.basis_value]
        return max(count, *counts, 0), max(basis, *bases, 0)

    def decided(self) -> Iterator[bool]:
        """Per person, whether the pass decided them (their result made when read)."""
        return (key >= 0 for key in self.keys)

    def passed(self) -> Iterator[int]:
        """The indices of the people the pass decided."""
        return compress(range(len(self)), self.decided())

    def __repr__(self) -> str:
        return f"Results({len(self)} people, {len(self.made)} made)"
