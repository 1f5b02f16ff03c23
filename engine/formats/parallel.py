"""Counting a big ballot file on every core: byte ranges split at newlines, counters merged.

A range may start only where a row starts. Without quotes in the file a newline always ends a
row, so the ranges are counted apart only when they hold no quote character and no carriage
return that is not part of a CRLF (the two cases where a newline may sit inside a row, or a row
end without one): each worker sees it in its own range as it counts, and when any says no, one
process counts the file, as for small files. Each range is counted by the same code as the whole
file (`ballots._fast` on a window of it) and the counters are merged in file order. A row number
is known only in the first range (counting the rows before the others was a pass over the whole
file before any worker could start): when a later range finds an error, one process counts the
file again, so that the counts, the errors and their row numbers are always those of one
process (tests/test_ballots_parallel.py holds them equal).
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


STEP = 1 << 16  # bytes read at a time to find the newline after a cut


def split(path: os.PathLike[str] | str, start: int, parts: int) -> list[tuple[int, int]]:
    """(start, end) of each range: cut after the first newline at or after each k/parts of the
    file from `start`; [] when it is too small to cut. Only the bytes up to each newline are
    read here: whether a newline always ends a row (no quote, no lone carriage return) is seen
    by each worker in its own range as it counts (`ballots._count_range`), and one process
    counts the file when any says no."""
    size = os.stat(path).st_size
    if parts < 2 or size - start < 2 * parts:
        return []
    bounds = [start]
    with open(path, "rb") as handle:
        for k in range(1, parts):
            at = max(start + (size - start) * k // parts, bounds[-1])
            handle.seek(at)
            while chunk := handle.read(STEP):
                found = chunk.find(b"\n")
                if found != -1:
                    bounds.append(at + found + 1)
                    break
                at += len(chunk)
            else:
                break  # no newline after this cut: the last range goes to the end
    ranges = [(a, b) for a, b in itertools.pairwise([*bounds, size]) if a < b]
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
    count_range: Callable[[Any, int, int], Any], job: Any, ranges: list[tuple[int, int]]
) -> list[Any]:
    """`count_range(job, start, end)` of every range, each in its own process.

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
        futures = [pool.submit(count_range, job, a, b) for a, b in ranges]
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
