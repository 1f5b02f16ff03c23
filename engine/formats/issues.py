"""Collecting the problems of one file, so that all of them are reported at once."""

from __future__ import annotations

from tinnhiem.engine.model import DataError, DataIssue, Origin

MAX_ERRORS = 50


class Issues:
    """Errors and warnings of one file; `check()` raises a `DataError` with every error found."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[DataIssue] = []
        self.warnings: list[DataIssue] = []

    def error(self, message: str, row: int = 0, column: str | None = None) -> None:
        self.errors.append(DataIssue("error", message, Origin(self.file, row, column)))

    def warn(self, message: str, row: int = 0, column: str | None = None) -> None:
        self.warnings.append(DataIssue("warning", message, Origin(self.file, row, column)))

    @property
    def full(self) -> bool:
        """More errors than will be shown: a reader may stop looking for further ones."""
        return len(self.errors) > MAX_ERRORS

    def check(self) -> None:
        if self.errors:
            raise capped(self.errors, self.file)


def capped(errors: list[DataIssue], file: str, more: int = 0) -> DataError:
    """A `DataError` with at most `MAX_ERRORS` issues, then one "and N more errors"."""
    extra = max(len(errors) - MAX_ERRORS, 0) + more
    shown = errors[:MAX_ERRORS]
    if extra:
        word = "error" if extra == 1 else "errors"
        shown.append(DataIssue("error", f"and {extra} more {word}", Origin(file)))
    return DataError(shown)


def fail(file: str, message: str, row: int = 0, column: str | None = None) -> DataError:
    """A `DataError` of one issue, for problems that stop reading the file at once."""
    return DataError([DataIssue("error", message, Origin(file, row, column))])
