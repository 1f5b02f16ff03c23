"""Counting ballots: the columns of a ballot file and the per person counters.

Memory does not grow with the number of ballots: only per person counters of the distinct cell
texts are kept, folded into level counts whenever they grow.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from tinnhiem.engine.model import DataIssue, Origin
from tinnhiem.rules.messages import Message, message

from .headers import is_ballot_number_header, is_void_header, looks_like_voter, normalise
from .issues import MAX_ERRORS, Issues
from .marks import Marks, void_word

FOLD_AT = 512  # distinct texts in one column before they are folded into counts


# --- the header ------------------------------------------------------------------------------


@dataclass
class Plan:
    """The columns of a ballot file: people, the void column, and columns not read."""

    file: str
    header_row: int
    header: list[str]
    people: list[int] = field(default_factory=list)
    void: int | None = None
    unnamed: list[int] = field(default_factory=list)


def plan_columns(header: list[str], file: str, header_row: int) -> Plan:
    """The plan of a header, or a `DataError` (a voter column, duplicates, no person)."""
    issues = Issues(file)
    voters = [h for h in header if h and looks_like_voter(h)]
    for h in voters:
        issues.error(message("ballots.voter_column"), row=header_row, column=h)
    issues.check()
    plan = Plan(file, header_row, header)
    seen: dict[str, str] = {}
    for index, h in enumerate(header):
        if not h:
            plan.unnamed.append(index)
        elif is_void_header(h):
            if plan.void is not None:
                issues.error(message("ballots.second_void"), row=header_row, column=h)
            plan.void = index
        elif is_ballot_number_header(h):
            continue
        elif normalise(h) in seen:
            twice = message("ballots.two_columns", person=seen[normalise(h)])
            issues.error(twice, row=header_row, column=h)
        else:
            seen[normalise(h)] = h
            plan.people.append(index)
    if not plan.people and not issues.errors:
        found = ", ".join(f'"{h}"' for h in header if h) or message("data.none")
        issues.error(message("ballots.no_people", found=found), row=header_row)
    issues.check()
    return plan


# --- counting --------------------------------------------------------------------------------


@dataclass
class Person:
    valid: int = 0
    invalid: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    bad: int = 0  # cells that are not marks


class Count:
    """The counters of one ballot file, fed row by row or a block of full rows at a time."""

    def __init__(self, plan: Plan, marks: Marks) -> None:
        self.plan = plan
        self.marks = marks
        self.width = len(plan.header)
        self.raw: list[Counter[Any]] = [Counter() for _ in range(self.width)]
        self.tracked = sorted(plan.people + plan.unnamed)  # the void column is read row by row
        self.marked: set[int] = set()  # unnamed columns that hold something
        self.people = {index: Person() for index in plan.people}
        self.collected = 0
        self.voids = 0
        self.skipped = 0
        self.undecodable = False
        self.errors: list[DataIssue] = []  # the first ones only, in row order
        self.more = 0

    # feeding

    def block(self, cells: list[bytes] | list[str], lines: int) -> None:
        """`lines` full rows, none empty or void, as one flat list of cells."""
        width, raw = self.width, self.raw
        for index in self.tracked:
            raw[index].update(cells[index::width])
        self.collected += lines
        self.tidy()

    def columns(self, columns: list[dict[bytes, int]], lines: int) -> None:
        """`lines` full rows, none empty or void, as the texts of each column and their counts
        (`coded.Coder.counts`)."""
        raw = self.raw
        for index in self.tracked:
            raw[index].update(columns[index])
        self.collected += lines
        self.tidy()

    def many(self, first: int, rows: list[list[Any]]) -> None:
        """Rows numbered from `first`: as one block when all are full, not empty and not void."""
        width, void = self.width, self.plan.void
        if (
            rows
            and all(len(row) == width for row in rows)
            and [""] * width not in rows
            and (void is None or all(row[void] == "" for row in rows))
        ):
            self.block(list(chain.from_iterable(rows)), len(rows))
            return
        for number, cells in enumerate(rows, start=first):
            self.row(number, cells)

    def row(self, number: int, cells: list[Any]) -> None:
        if all(c == "" or c is None for c in cells):
            self.skipped += 1
            return
        self.collected += 1
        if len(cells) > self.width:
            if any(c not in ("", None) for c in cells[self.width :]):
                wide = message("ballots.wide_row", n=len(cells), width=self.width)
                self.error(wide, number)
            cells = cells[: self.width]
        void = self.plan.void
        if void is not None and void < len(cells) and cells[void] not in ("", None):
            text = mark_text(cells[void])
            verdict = void_word(text)
            if verdict is None:
                self.error(message("ballots.void_mark"), number, self.plan.header[void])
            if verdict is not False:
                self.voids += 1
                return
        raw, length = self.raw, len(cells)
        for index in self.tracked:
            if index < length:
                raw[index][cells[index]] += 1
        if self.collected % 4096 == 0:
            self.tidy()

    def error(self, said: Message, row: int, column: str | None = None) -> None:
        if len(self.errors) <= MAX_ERRORS:
            self.errors.append(DataIssue.of("error", said, Origin(self.plan.file, row, column)))
        else:
            self.more += 1

    # folding the distinct texts into counts

    def tidy(self, force: bool = False) -> None:
        """Fold the texts counted so far into counts, so that memory stays bounded."""
        for index in self.plan.people:
            counter = self.raw[index]
            if force or len(counter) > FOLD_AT:
                self.fold(index, counter)
                counter.clear()
        for index in self.plan.unnamed:
            counter = self.raw[index]
            if any(v not in ("", b"", None) for v in counter):
                self.marked.add(index)
            counter.clear()

    def fold(self, index: int, counter: Counter[Any]) -> None:
        person = self.people[index]
        for raw, n in counter.items():
            if isinstance(raw, bytes):
                try:
                    raw = raw.decode("utf-8")
                except UnicodeDecodeError:
                    self.undecodable = True
                    continue
            ticks = self.marks.ticks(mark_text(raw))
            if ticks is None:
                person.bad += n
            elif len(ticks) == 1:
                person.valid += n
                person.counts[ticks[0]] += n
            else:
                person.invalid += n

    def finish(self) -> None:
        self.tidy(force=True)
        for person in self.people.values():
            person.invalid += self.collected - person.valid - person.invalid - person.bad

    def unnamed_with_marks(self) -> list[int]:
        return sorted(self.marked)


def mark_text(value: Any) -> str:
    """A cell of a ballot file as text (JSON lists are several ticks)."""
    if value is None:
        return ""
    if isinstance(value, list):  # JSON: ["cao", "tn"] is two ticks
        return "+".join(mark_text(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
