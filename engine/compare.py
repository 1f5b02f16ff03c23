"""Two rule sets on the same data: who changes class, and the matrix of classes A by B."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from tinnhiem.rules import ast

from .evaluate import Plan, Runner
from .model import Dataset, Evaluation, Result, Tally
from .words import Lang

EXEMPT, INVALID = "(exempt)", "(invalid)"  # the "class" of a person who was not evaluated


def class_of(result: Result, block: str) -> str:
    """The person's class in a block, or `(exempt)` / `(invalid)` when not evaluated."""
    if result.status == "exempt":
        return EXEMPT
    if result.status == "invalid":
        return INVALID
    return result.klass(block) or INVALID


@dataclass(frozen=True, slots=True)
class Pair:
    """One person under both rule sets, with their class in every block common to both."""

    index: int  # the tally's place in the dataset
    a: Result
    b: Result
    classes_a: Mapping[str, str]
    classes_b: Mapping[str, str]

    @property
    def tally(self) -> Tally:
        return self.a.tally

    @property
    def changed(self) -> tuple[str, ...]:
        """The common blocks in which the two classes differ."""
        return tuple(b for b, k in self.classes_a.items() if self.classes_b[b] != k)

    @property
    def shares_a(self) -> Mapping[str, Fraction]:
        return self.a.shares

    @property
    def shares_b(self) -> Mapping[str, Fraction]:
        return self.b.shares


@dataclass(frozen=True, slots=True)
class ClassMatrix:
    """For one block: the people by their class under A (rows) and under B (columns)."""

    block: str
    rows: tuple[str, ...]  # A's classes in order, then `(exempt)`/`(invalid)` if anyone is
    columns: tuple[str, ...]
    cells: Mapping[tuple[str, str], tuple[Tally, ...]] = field(default_factory=dict)

    def people(self, row: str, column: str) -> tuple[Tally, ...]:
        return self.cells.get((row, column), ())

    def count(self, row: str, column: str) -> int:
        return len(self.cells.get((row, column), ()))


@dataclass(frozen=True, slots=True)
class Comparison:
    """Rule sets A and B on one dataset; `changes` are the people whose class differs.

    Results of people who change carry their trace and margins under both sets; the others were
    evaluated without them, for speed.
    """

    a: Evaluation
    b: Evaluation
    blocks: tuple[str, ...]  # block ids common to both, in A's order
    pairs: tuple[Pair, ...]
    changes: tuple[Pair, ...]
    matrices: tuple[ClassMatrix, ...]

    def matrix(self, block: str) -> ClassMatrix | None:
        return next((m for m in self.matrices if m.block == block), None)


def _order(ruleset: ast.Resolved, block: str, seen: set[str]) -> tuple[str, ...]:
    found = ruleset.block(block)
    own = tuple(rule.id for rule in found.rules) if found else ()
    extra = tuple(k for k in (EXEMPT, INVALID) if k in seen)
    return own + tuple(k for k in sorted(seen - set(own) - set(extra))) + extra


def compare(a: ast.Resolved, b: ast.Resolved, dataset: Dataset, *, lang: Lang = "en") -> Comparison:
    """Evaluate `dataset` under both rule sets (each with its own `map`) and set them side by side.

    Raises `DataError` when the data cannot be read under either set. `lang`: as for `evaluate`.
    """
    run_a, run_b = Runner(Plan.of(a), dataset, lang), Runner(Plan.of(b), dataset, lang)
    first, second = run_a.evaluation(explain=False), run_b.evaluation(explain=False)
    b_blocks = {block.id for block in b.classifies}
    blocks = tuple(block.id for block in a.classifies if block.id in b_blocks)
    pairs: list[Pair] = []
    for index, (ra, rb) in enumerate(zip(first.results, second.results, strict=True)):
        classes_a = {block: class_of(ra, block) for block in blocks}
        classes_b = {block: class_of(rb, block) for block in blocks}
        if classes_a != classes_b:
            ra, rb = run_a.result(index), run_b.result(index)
        pairs.append(Pair(index, ra, rb, classes_a, classes_b))
    results_a = tuple(p.a for p in pairs)
    results_b = tuple(p.b for p in pairs)
    matrices = []
    for block in blocks:
        cells: dict[tuple[str, str], list[Tally]] = {}
        for pair in pairs:
            cells.setdefault((pair.classes_a[block], pair.classes_b[block]), []).append(pair.tally)
        rows = _order(a, block, {k for k, _ in cells})
        columns = _order(b, block, {k for _, k in cells})
        frozen = {key: tuple(people) for key, people in cells.items()}
        matrices.append(ClassMatrix(block, rows, columns, frozen))
    return Comparison(
        a=Evaluation(a, results_a, first.reports, first.warnings, run_a.explain),
        b=Evaluation(b, results_b, second.reports, second.warnings, run_b.explain),
        blocks=blocks,
        pairs=tuple(pairs),
        changes=tuple(p for p in pairs if p.changed),
        matrices=tuple(matrices),
    )
