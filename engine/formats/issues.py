"""Collecting the problems of one file, so that all of them are reported at once."""

from __future__ import annotations

import math
import os
from pathlib import Path

from tinnhiem.engine.model import MAX_ERRORS as MAX_ERRORS  # re-exported: readers use them
from tinnhiem.engine.model import DataError, DataIssue, Origin
from tinnhiem.engine.model import capped as capped
from tinnhiem.rules.messages import Message, message


class Issues:
    """Errors and warnings of one file; `check()` raises a `DataError` with every error found."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[DataIssue] = []
        self.warnings: list[DataIssue] = []

    def error(self, message: str | Message, row: int = 0, column: str | None = None) -> None:
        self.errors.append(DataIssue.of("error", message, Origin(self.file, row, column)))

    def warn(self, message: str | Message, row: int = 0, column: str | None = None) -> None:
        self.warnings.append(DataIssue.of("warning", message, Origin(self.file, row, column)))

    @property
    def full(self) -> bool:
        """More errors than will be shown: a reader may stop looking for further ones."""
        return len(self.errors) > MAX_ERRORS

    def check(self) -> None:
        if self.errors:
            raise capped(self.errors, self.file)


def fail(file: str, message: str | Message, row: int = 0, column: str | None = None) -> DataError:
    """A `DataError` of one issue, for problems that stop reading the file at once."""
    return DataError([DataIssue.of("error", message, Origin(file, row, column))])


# --- size ------------------------------------------------------------------------------------
# Tallies in JSON or TOML, and ballots in JSON or TOML, are read whole, which takes about ten
# times their size in memory: a file above DEFAULT_MB is refused with a message saying how to
# read it anyway: the environment variable TINNHIEM_MAX_DATA_MB (a number of MB; 0 for no
# limit). Tallies in CSV/TSV/TXT are read a block at a time into columns, which keep about 300
# bytes per row (ids and names as text, counts as machine integers, who each row is for people
# listed twice): TEXT_TALLIES_MB (about three million people, 1 GB of memory) is their default.
# Ballots in CSV or XLSX are streamed and have no limit; workbooks have their own (workbook.py).

ENVIRONMENT = "TINNHIEM_MAX_DATA_MB"
DEFAULT_MB = 50
TEXT_TALLIES_MB = 200
MB = 1 << 20


def limit_mb(default: int = DEFAULT_MB) -> int:
    """The limit in MB: `TINNHIEM_MAX_DATA_MB` if it is a whole number, else `default`."""
    text = os.environ.get(ENVIRONMENT, "").strip()
    return int(text) if text.isdigit() and len(text) <= 9 else default


def check_size(
    path: Path, file: str, what: Message | None = None, default: int = DEFAULT_MB
) -> None:
    """`DataError` if the file is larger than the limit; nothing if it cannot be measured."""
    limit = limit_mb(default)
    try:
        size = path.stat().st_size
    except OSError:
        return  # the read that follows says why
    if limit and size > limit * MB:
        needed = math.ceil(size / MB)
        what = what or message("size.tallies")
        too_big = message("size.too_big", n=needed, limit=limit, what=what, variable=ENVIRONMENT)
        raise fail(file, too_big)
