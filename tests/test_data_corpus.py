"""The data corpus: malformed (and a few awkward but good) data files, each with the exact
outcome a person checked, in `NAME.expected` beside it.

A file whose name starts with "ballots-" is read as ballots, any other as tallies, both with the
three standard levels. The outcome is the error message (every issue, one per line), or "ok" with
the tallies read, the warnings and the unclear attribute cells.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tinnhiem.engine.formats import read_ballots, read_tallies
from tinnhiem.engine.model import DataError, Dataset, Tally

CORPUS = Path(__file__).parent / "corpus" / "data"
LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
DATA_FILES = sorted(
    p
    for p in CORPUS.iterdir()
    if p.suffix in (".csv", ".txt", ".xlsx", ".json", ".toml", ".xls")
    and not p.name.startswith("_")
    and ".turnout." not in p.name
)


def _tally(tally: Tally) -> str:
    parts = [f"id {tally.id}", f"name {tally.name!r}"]
    for key in ("position", "group", "unit", "round"):
        if getattr(tally, key):
            parts.append(f"{key} {getattr(tally, key)!r}")
    parts.append("turnout " + ", ".join(f"{k}={v}" for k, v in tally.turnout.items()))
    parts.append("counts " + ", ".join(f"{k}={v}" for k, v in tally.counts.items()))
    if tally.attrs:
        parts.append("attrs " + ", ".join(f"{k}={v!r}" for k, v in tally.attrs.items()))
    row = tally.origin.row if tally.origin else 0
    return f"  row {row}: " + "; ".join(parts)


def describe(dataset: Dataset) -> str:
    lines = [
        f"ok: {len(dataset.tallies)} {dataset.kind}, levels {', '.join(dataset.levels)}",
        *(_tally(t) for t in dataset.tallies),
        *(w.render() for w in dataset.warnings),
        *(
            f"unclear (an error if the rules read the column): {u.render()}"
            for u in dataset.unclear
        ),
    ]
    return "\n".join(lines)


def outcome(name: str) -> str:
    reader = read_ballots if name.startswith("ballots-") else read_tallies
    try:
        return describe(reader(name, LEVELS))
    except DataError as exc:
        return str(exc)


def test_the_corpus_is_large_enough() -> None:
    assert len(DATA_FILES) >= 30
    stems = [p.name for p in DATA_FILES]
    assert len(stems) == len(set(stems))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_outcome_is_the_expected_one(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    expected = (CORPUS / f"{path.name}.expected").read_text(encoding="utf-8")
    assert outcome(path.name) == expected.rstrip("\n")
