"""Counting a big ballot file on every core: byte ranges split at newlines, counters merged.

A range may start only where a row starts. Without quotes in the file a newline always ends a
row, so the file is split only when it holds no quote character and no carriage return that is
not part of a CRLF (the two cases where a newline may sit inside a row, or a row end without
one); otherwise one process counts it, as for small files. Each range is counted by the same
code as the whole file (`ballots._fast` on a window of it) from the row number it starts at, and
the counters are merged in file order, so that the counts, the errors and their row numbers are
those of one process (tests/test_ballots_parallel.py holds them equal).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, BinaryIO

from .counting import Count
from .issues import MAX_ERRORS

PARALLEL_BYTES = 64 << 20  # below this a second process costs more than it saves


def workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


STEP = 1 << 22  # bytes read at a time to find where to split


def split(path: os.PathLike[str] | str, start: int, parts: int) -> list[tuple[int, int, int]]:
    """(start, end, rows before start) of each range, or [] if the file cannot be split.

    One pass over the file, 4 MB at a time (memory stays flat): a quote or a lone carriage
    return anywhere means it cannot be split.
    """
    size = os.stat(path).st_size
    if parts < 2 or size - start < 2 * parts:
        return []
    targets = [start + (size - start) * k // parts for k in range(1, parts)]
    bounds, before = [start], [0]
    lines = returns = pairs = 0
    last = b""
    with open(path, "rb") as handle:
        handle.seek(start)
        at = start
        while chunk := handle.read(STEP):
            if b'"' in chunk:
                return []
            returns += chunk.count(b"\r")
            pairs += chunk.count(b"\r\n") + (last == b"\r" and chunk.startswith(b"\n"))
            while len(bounds) < parts and targets[len(bounds) - 1] < at + len(chunk):
                found = chunk.find(b"\n", max(targets[len(bounds) - 1], bounds[-1], at) - at)
                if found == -1:
                    break  # the row goes on in the next block: cut there
                bounds.append(at + found + 1)
                before.append(lines + chunk.count(b"\n", 0, found + 1))
            lines += chunk.count(b"\n")
            last = chunk[-1:]
            at += len(chunk)
    if returns != pairs:
        return []
    ranges = [
        (a, b, rows)
        for (a, b), rows in zip(itertools.pairwise([*bounds, size]), before, strict=True)
        if a < b
    ]
    return ranges if len(ranges) > 1 else []


class Window:
    """The bytes [start, end) of a file, read like the file itself."""

    def __init__(self, raw: BinaryIO, start: int, end: int) -> None:
        self.raw, self.end = raw, end
        raw.seek(start)

    def seek(self, offset: int) -> None:
        self.raw.seek(offset)

    def tell(self) -> int:
        return self.raw.tell()

    def read(self, size: int) -> bytes:
        return self.raw.read(max(0, min(size, self.end - self.raw.tell())))

    def readline(self) -> bytes:
        left = self.end - self.raw.tell()
        return self.raw.readline(left) if left > 0 else b""


def in_processes(
    count_range: Callable[[Any, int, int, int], Any], job: Any, ranges: list[tuple[int, int, int]]
) -> list[Any]:
    """`count_range(job, start, end, rows before)` of every range, each in its own process.

    A process with threads (the TUI counts on a worker thread) gets its processes from a fork
    server, never from a fork of itself: a process forked while other threads hold locks
    (logging, imports, the allocator) can deadlock in the child (Python 3.12 warns of it). A
    process of one thread (the CLI) forks: nothing is held, and no interpreter starts."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method: str | None = "fork"  # no other thread holds a lock: a fork is safe, and cheap
    else:
        method = "forkserver" if "forkserver" in methods else None
    context = multiprocessing.get_context(method)
    if context.get_start_method() == "forkserver":
        # the server imports the counting code once; each worker forked from it has it already
        context.set_forkserver_preload([count_range.__module__])
    with ProcessPoolExecutor(len(ranges), mp_context=context) as pool:
        futures = [pool.submit(count_range, job, a, b, rows) for a, b, rows in ranges]
        return [future.result() for future in futures]


def merge(into: Count, part: Count) -> None:
    """Add the counters of the rows after those of `into` (both folded: see `Count.tidy`)."""
    for index, person in part.people.items():
        mine = into.people[index]
        mine.valid += person.valid
        mine.invalid += person.invalid
        mine.bad += person.bad
        mine.counts.update(person.counts)
    into.marked |= part.marked
    into.collected += part.collected
    into.voids += part.voids
    into.skipped += part.skipped
    into.undecodable = into.undecodable or part.undecodable
    # `Count.error` keeps the first MAX_ERRORS + 1 in row order and counts the rest
    errors = into.errors + part.errors
    keep = MAX_ERRORS + 1
    into.more += part.more + max(0, len(errors) - keep)
    into.errors = errors[:keep]
