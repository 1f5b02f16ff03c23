"""Tallies kept as columns: counts in arrays of machine integers, texts shared where they repeat.

A million people take about 60 bytes each here (beside their own names and ids), where a
`Tally` object with its dictionaries takes about 700; `Tallies` builds each `Tally` when it is
asked for, so the dataset is a `Sequence` as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from typing import Any

from tinnhiem.engine.model import NAMED_FIELDS, LazyRows, Scalar, Seen, Tally, new_origin, new_tally

# Up to this many rows, the tallies once made are kept (about 600 bytes each): the evaluation
# goes over them several times, and making them again each time costs more than a pass
KEPT_ROWS = 250_000
ABSENT = -1  # in a count array: a blank cell, or one that is not plain digits (see `odd`)
LARGEST = (1 << 63) - 1  # what an array of machine integers holds


def plain_counts(cells: Sequence[Any]) -> tuple[array[int], dict[int, object]]:
    """A column of counts as an array (`ABSENT` where a cell is not plain digits, or too large
    for the array) and those cells as written, by position."""
    try:
        joined = "".join(cells) if all(cells) else ""
    except TypeError:
        joined = ""  # not all text (JSON, a workbook): cell by cell
    if joined.isascii() and joined.isdigit() and max(map(len, cells)) <= 18:
        return array("q", map(int, cells)), {}  # the usual column, in one pass
    values = array("q")
    odd: dict[int, object] = {}
    for position, value in enumerate(cells):
        if type(value) is str and value.isascii() and value.isdigit() and len(value) <= 18:
            values.append(int(value))
        elif type(value) is int and 0 <= value <= LARGEST:
            values.append(value)
        else:
            values.append(ABSENT)
            odd[position] = value
    return values, odd


class Tallies(LazyRows[Tally]):
    """The tallies of a file, one per data row, each made when it is asked for."""

    def __init__(
        self,
        file: str,
        column: str,
        numbers: array[int],
        texts: Sequence[Sequence[str]],
        turnout: Mapping[str, array[int]],
        counts: Mapping[str, array[int]],
        attrs: Mapping[str, list[Scalar | None]],
        exact: Mapping[int, tuple[dict[str, int], dict[str, int]]],
    ) -> None:
        """`texts`: ids (empty: the row numbers), names, positions, groups, units, rounds;
        `exact`: the turnout and counts of the rows whose cells were read one by one."""
        self.file, self.column, self.numbers = file, column, numbers
        self.texts = texts
        self.turnout_keys, self.turnout = tuple(turnout), tuple(turnout.values())
        self.count_keys, self.counts = tuple(counts), tuple(counts.values())
        self.attrs = attrs
        self.exact = exact
        self.kept: tuple[Tally, ...] | None = None
        self._seen: Seen | None = None  # the rows never change: each run's checks read it

    def __len__(self) -> int:
        return len(self.numbers)

    def _item(self, index: int) -> Tally:
        return self.make(index) if self.kept is None else self.kept[index]

    def __iter__(self) -> Iterator[Tally]:
        if self.kept is None and len(self) <= KEPT_ROWS:
            self.kept = tuple(self.made())
        if self.kept is not None:
            return iter(self.kept)
        return self.made()

    def made(self) -> Iterator[Tally]:
        """Every tally, made now."""
        if self.exact or self.attrs:
            yield from map(self.make, range(len(self)))
            return
        # the usual file, spelled out: no row read one by one, no attribute
        file, column, count = self.file, self.column, len(self)
        ids: Iterable[str]
        ids, names, *more = (texts or repeat("", count) for texts in self.texts)
        if not self.texts[0]:
            ids = map(str, self.numbers)
        turnout_keys, count_keys = self.turnout_keys, self.count_keys
        for number, id_, name, position, group, unit, round_, turnout, counts in zip(
            self.numbers, ids, names, *more, _rows(self.turnout), _rows(self.counts), strict=False
        ):
            yield new_tally(
                id_,
                name,
                position,
                group,
                unit,
                round_,
                dict(zip(turnout_keys, turnout, strict=True)),  # no blank: none read one by one
                dict(zip(count_keys, counts, strict=True)),
                {},
                new_origin(file, number, column),
            )

    def texts_of(self, field: str) -> Sequence[str]:
        """The named text `field` ("id", "name", "position", "group", "unit", "round") of every
        row, read from the columns: what `tally.<field>` gives, row by row, no tally made."""
        at = NAMED_FIELDS.index(field)
        column = self.texts[at]
        if column:
            return column
        return [str(n) for n in self.numbers] if at == 0 else [""] * len(self)

    def gives(self, name: str) -> bool:
        """Whether every row gives the turnout figure `name`, read from the columns (no tally
        made): a run checks its basis before any output, and most files give it everywhere."""
        if name not in self.turnout_keys:
            return not len(self)
        column = self.turnout[self.turnout_keys.index(name)]
        exact = self.exact
        if not all(name in turnout for turnout, _ in exact.values()):
            return False
        if ABSENT not in column:
            return True
        return all(i in exact for i, n in enumerate(column) if n == ABSENT)

    def seen(self) -> Seen:
        """What `Seen.counted` finds, read from the columns without making a tally; read once
        (a re-evaluation of the same data, in the TUI, reads it again)."""
        if self._seen is None:
            self._seen = self._read_seen()
        return self._seen

    def _read_seen(self) -> Seen:
        if self.kept is not None or any(ABSENT in column for column in self.counts):
            return Seen.counted(self)  # a blank count outside the rows read one by one
        count = len(self)
        plain = next((i for i in range(count) if i not in self.exact), None)
        firsts = sorted(
            [(i, tuple(counts)) for i, (_, counts) in self.exact.items()]
            + ([(plain, self.count_keys)] if plain is not None else [])
        )
        level_sets = tuple(dict.fromkeys(keys for _, keys in firsts))
        attrs = frozenset(
            k for k, column in self.attrs.items() if any(v is not None for v in column)
        )
        ids, *texts = self.texts
        filled = {"id"} if count and (not ids or any(ids)) else set()
        filled.update(f for f, column in zip(NAMED_FIELDS[1:], texts, strict=True) if any(column))
        rounds = self.texts[5]
        return Seen(
            level_sets,
            attrs,
            frozenset(filled),
            tuple(dict.fromkeys(rounds)) if rounds else ("",) * bool(count),
        )

    def __repr__(self) -> str:
        return f"Tallies({len(self)} rows of {self.file})"

    def make(self, i: int) -> Tally:
        number = self.numbers[i]
        ids, names, positions, groups, units, rounds = self.texts
        exact = self.exact.get(i)
        if exact is not None:
            turnout, counts = exact
        else:
            turnout = _given(self.turnout_keys, [column[i] for column in self.turnout])
            counts = _given(self.count_keys, [column[i] for column in self.counts])
        attrs: dict[str, Scalar] = {}
        for key, column in self.attrs.items():
            value = column[i]
            if value is not None:
                attrs[key] = value
        return new_tally(
            ids[i] if ids else str(number),
            names[i],
            positions[i] if positions else "",
            groups[i] if groups else "",
            units[i] if units else "",
            rounds[i] if rounds else "",
            turnout,
            counts,
            attrs,
            new_origin(self.file, number, self.column),
        )


def _given(keys: tuple[str, ...], values: Sequence[int]) -> dict[str, int]:
    if ABSENT in values:  # a blank cell: no such figure (only rows read one by one have them)
        return {key: n for key, n in zip(keys, values, strict=True) if n != ABSENT}
    return dict(zip(keys, values, strict=True))


def _rows(columns: tuple[array[int], ...]) -> Iterator[tuple[int, ...]]:
    """The values of `columns` row by row (empty tuples for no column)."""
    return zip(*columns, strict=True) if columns else repeat(())
