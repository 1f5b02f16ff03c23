"""What tinnhiem says about a data file: errors and warnings of reading tallies and ballots."""

from __future__ import annotations

# key -> (English, Vietnamese); `{name}` fields are filled when said. Column names and cells are
# quoted as the file writes them.
DATA: dict[str, tuple[str, str]] = {
    # the place of an issue: `a.csv, row 3, column 'cao'`
    "place.row": (", row {row}", ", dòng {row}"),
    "place.column": (", column {column}", ", cột {column}"),
    "data.more_errors.one": ("and {n} more error", "và {n} lỗi nữa"),
    "data.more_errors.other": ("and {n} more errors", "và {n} lỗi nữa"),
}
