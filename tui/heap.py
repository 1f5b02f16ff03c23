"""The data and the results of a load live until the next load: the cycle collector is kept
from going over them again and again.

Python's cycle collector walks every container object from time to time. A file of 100,000
people leaves about 500,000 of them (the tallies, the results), which form no cycles: walking
them finds nothing and takes 0.3 to 0.6 s, on whichever thread allocates next, usually the UI
thread drawing the first results. So once a load's data and first results are made they are
moved out of the collector's reach (`gc.freeze`: objects freed by their count of references
are still freed). The next load gives everything back (`gc.unfreeze`) and collects at once,
in its worker, before anything is frozen again: what the data replaced left in cycles (an
evaluation and its explainer refer to each other) is freed then, at the latest one load
later, never kept for good.
"""

from __future__ import annotations

import gc


def keep() -> None:
    """Everything alive now is long-lived: the collector no longer walks it."""
    gc.freeze()


def release() -> None:
    """Give the collector back what `keep` took from it, and collect what is no longer used
    (a new load is starting: what the data it replaces left behind)."""
    if gc.get_freeze_count():  # else nothing was kept: the first load costs no collection
        gc.unfreeze()
        gc.collect()
