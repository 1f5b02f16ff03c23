"""Pausing Python's cycle collector during bulk work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector while a file is read or a dataset evaluated.

    Bulk work makes a few objects per row and frees none of them, which makes the collector rescan
    the growing heap again and again (40 to 50% of the time); they form no cycles, so there is
    nothing for it to find until the work is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
