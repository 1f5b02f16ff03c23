"""Data with several rounds (votes) of the same people: who is who, as the engine sees it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tinnhiem.engine.collector import collector_paused
from tinnhiem.engine.history import ids_name_people, person_keys, round_order
from tinnhiem.engine.model import Tally, texts_of


@dataclass(frozen=True, slots=True)
class Rounds:
    """The people of a dataset and their votes, each person's earliest round first."""

    people: int  # distinct people (matched as the engine matches a previous vote)
    votes: int  # rows: a person's vote in a round
    rounds: tuple[str, ...]  # the distinct rounds, earliest first
    of_row: tuple[tuple[int, ...], ...]  # per row, the rows of the same person

    @classmethod
    def of(cls, tallies: Sequence[Tally]) -> Rounds:
        with collector_paused():  # a first pass makes the tallies: see `collector_paused`
            return cls._of(tallies)

    @classmethod
    def _of(cls, tallies: Sequence[Tally]) -> Rounds:
        by_id = ids_name_people(tallies)
        keys = person_keys(tallies, by_id)
        labels = texts_of(tallies, "round")
        rounds = round_order(labels)
        if len(set(keys)) == len(keys):  # nobody twice: each row its own person
            return cls(len(keys), len(keys), rounds, tuple((i,) for i in range(len(keys))))
        rank = {label: i for i, label in enumerate(rounds)}
        rows: dict[str, list[int]] = {}
        for index, key in enumerate(keys):
            rows.setdefault(key, []).append(index)
        ordered = {
            key: tuple(sorted(found, key=lambda i: (rank[labels[i]], i)))
            for key, found in rows.items()
        }
        return cls(len(rows), len(tallies), rounds, tuple(ordered[key] for key in keys))

    @property
    def several(self) -> bool:
        """Whether someone has votes in more than one round: the results then show each row's
        round. (Rounds that are only each body's own vote date, one per person, are not.)"""
        return self.votes > self.people and len(self.rounds) > 1
