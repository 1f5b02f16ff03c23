"""Data in and results out: the only part of the core that touches files.

`read_tallies` and `read_ballots` read CSV/TSV/TXT, XLSX, JSON and TOML into a `Dataset`, or raise
a `DataError` listing every problem with its file, row and column. `write_results`, `write_table`
and `results_document` write an evaluation or any table; every write is atomic and refuses to
overwrite the inputs.
"""

from .atomic import OutputError, write_bytes, write_text
from .ballots import read_ballots
from .document import results_document
from .tallies import read_tallies
from .writers import (
    FORMATS,
    Percent,
    Sheet,
    report_sheet,
    results_table,
    write_results,
    write_table,
)

__all__ = [
    "FORMATS",
    "OutputError",
    "Percent",
    "Sheet",
    "read_ballots",
    "read_tallies",
    "report_sheet",
    "results_document",
    "results_table",
    "write_bytes",
    "write_results",
    "write_table",
    "write_text",
]
