"""Events that flow up to the app, named for what happened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from textual.message import Message
from tinnhiem.engine.model import DataIssue, Dataset, Evaluation
from tinnhiem.rules import Loaded

Role = Literal["current", "compare"]


@dataclass
class RulesetChosen(Message):
    """The user picked a rules file, for the current set or the one to compare with."""

    path: Path
    role: Role = "current"


@dataclass
class DataChosen(Message):
    """The user picked a data file and said what it holds."""

    path: Path
    kind: Literal["tallies", "ballots"] = "tallies"


@dataclass
class RulesLoaded(Message):
    """A rules file (or the editor's text) was read and checked; it may hold errors."""

    generation: int
    loaded: Loaded
    role: Role
    from_editor: bool = False


@dataclass
class RulesFailed(Message):
    """A rules file could not be read at all."""

    path: Path
    error: str
    role: Role


@dataclass
class DataLoaded(Message):
    generation: int
    dataset: Dataset
    levels: frozenset[str]  # the level ids the reader was told about
    rounds: Any = None  # rounds.Rounds of the tallies, made in the worker (None: time in post)


@dataclass
class DataFailed(Message):
    """Data that could not be used: the issues say where and why; the previous data stay."""

    path: Path
    issues: tuple[DataIssue, ...]
    error: str = ""
    evaluating: bool = False  # read, but it cannot be evaluated under the rule set


@dataclass
class Evaluated(Message):
    """An evaluation finished; stale ones (an older generation) are dropped by the app."""

    generation: int
    evaluation: Evaluation
    seconds: float
    dataset: Dataset
    rows: Any = None  # present.ResultsRows, made in the worker


@dataclass
class Compared(Message):
    """`engine.compare.Comparison` of the current and the compared rule sets."""

    generation: int
    comparison: Any
    seconds: float


@dataclass
class RulesEdited(Message):
    """The editor's text settled after typing: check it and evaluate it."""

    text: str


@dataclass
class EngineMissing(Message):
    """A part of the engine this feature needs is not there."""

    name: str


@dataclass
class TableExported(Message):
    path: Path
    rows: int
    error: str = ""
