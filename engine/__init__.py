"""tinnhiem engine: evaluate rule sets on tallies, with reasons; reports, compare, sweep, schedule.

Pure: no UI, no printing, no files (reading and writing data is `tinnhiem.engine.formats`).
"""

from .compare import ClassMatrix, Comparison, Pair, compare
from .evaluate import Plan, Runner, evaluate
from .examples import ExampleOutcome, run_examples
from .history import History
from .model import (
    DataError,
    DataIssue,
    Dataset,
    Evaluation,
    Margin,
    Origin,
    ReportRow,
    ReportTable,
    Result,
    Step,
    Tally,
    Verdict,
    percent,
)
from .report import build_reports
from .schedule import Coverage, VoteDate, calendar, coverage
from .sweep import Flip, SweepError, SweepResult, SweepStep, sweep

__all__ = [
    "ClassMatrix",
    "Comparison",
    "Coverage",
    "DataError",
    "DataIssue",
    "Dataset",
    "Evaluation",
    "ExampleOutcome",
    "Flip",
    "History",
    "Margin",
    "Origin",
    "Pair",
    "Plan",
    "ReportRow",
    "ReportTable",
    "Result",
    "Runner",
    "Step",
    "SweepError",
    "SweepResult",
    "SweepStep",
    "Tally",
    "Verdict",
    "VoteDate",
    "build_reports",
    "calendar",
    "compare",
    "coverage",
    "evaluate",
    "percent",
    "run_examples",
    "sweep",
]
