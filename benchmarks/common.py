"""Shared helpers of the benchmarks: timing, peak memory, and one printed line per figure."""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# The benchmarks measure what a user runs. An installed package has its modules compiled to
# bytecode once (pip does it at install); where the environment says never to write bytecode
# (PYTHONDONTWRITEBYTECODE, set on some shared machines), every process would compile each of
# tinnhiem's modules from source again: 0.13 s a start, measured on `tinnhiem run`. So the
# benchmarks, and the processes they start, write it (in __pycache__, which git ignores).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False


def timed(fn: Callable[[], T], repeat: int = 1) -> tuple[T, float]:
    """The result of `fn` and its best wall time in seconds over `repeat` runs."""
    best = float("inf")
    result: T
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / (1024 * 1024)


def line(name: str, ours: str, baseline: str, target: str, ok: bool | None = None) -> None:
    mark = "" if ok is None else ("  ok" if ok else "  MISSED")
    print(f"{name:<48} ours {ours:>12}   baseline {baseline:>12}   target {target:>10}{mark}")
