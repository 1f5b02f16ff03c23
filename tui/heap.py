"""The data and the results of a load live until the next load: the cycle collector is kept
from going over them again and again.

Python's cycle collector walks every container object from time to time. A file of 100,000
people leaves about 500,000 of them (the tallies, the results), which form no cycles: walking
them finds nothing and takes 0.3 to 0.6 s, on whichever thread allocates next, usually the UI
thread drawing the first results. So once a load's data and first results are made they are
moved out of the collector's reach (`gc.freeze`: objects freed by their count of references
are still freed); the next load gives everything back (`gc.unfreeze`), so that what the
previous data left in cycles is collected as before. At most one load's leftovers wait.
"""

from __future__ import annotations

import gc


def keep() -> None:
    """Everything alive now is long-lived: the collector no longer walks it."""
    gc.freeze()


def release() -> None:
    """Give the collector back what `keep` took from it (a new load is starting)."""
    gc.unfreeze()
