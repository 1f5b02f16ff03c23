"""Who is who across rounds, read from a file's columns, is what the tallies themselves say.

`History.of` and `several_rounds` read the ids, names, units and rounds of a file's tallies
straight from its columns (`texts_of`), without making a tally per row (at 300,000 rows: 5.6 s
-> 0.6 s). Each is held here to the same computation over the tallies made one by one.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.history import History, person_key, person_keys, several_rounds
from tinnhiem.engine.model import NAMED_FIELDS, Dataset, texts_of

from tinnhiem import bundled

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}

# ids that name people, names and units written two ways, rounds as years out of order
ROUNDS = """id,name,unit,round,collected,cao,tn,thap
A1,Nguyễn Văn An,Sở Nội vụ,2024,30,20,5,5
B2,Lê Thị Bình,sở  nội vụ,2023,30,10,10,10
A1,Nguyễn Văn An,Sở Nội vụ,2023,30,25,3,2
C3,Trần Văn Cường,Sở Tài chính,2024,28,14,8,6
D4,Phạm Thu Dung,Sở Tài chính,2022,28,14,8,6
"""

# no id column: people matched by name and unit, compared without case or spacing (the reader
# refuses a person twice in one round, so no row is ambiguous)
BY_NAME = """name,unit,round,collected,cao,tn,thap
Nguyễn Văn An,Sở Nội vụ,2023-12-13,30,20,5,5
NGUYỄN  VĂN AN,sở nội vụ,2024-12-10,30,10,10,10
Lê Thị Bình,Sở Nội vụ,2024-12-10,30,25,3,2
Lê Thị Bình,Sở Nội vụ,2023-12-13,30,25,3,2
"""


def _files(tmp_path: Path) -> list[Path]:
    made = []
    for name, text in (("rounds.csv", ROUNDS), ("by-name.csv", BY_NAME)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        made.append(path)
    bundled_tallies = [p for p in bundled.bundled_data() if p.suffix == ".csv"]
    return made + [p for p in bundled_tallies if "phieu-bau" not in p.name]


def _read(path: Path) -> Dataset:
    return read_tallies(path, LEVELS)


def test_texts_of_a_files_tallies_is_what_each_tally_says(tmp_path: Path) -> None:
    for path in _files(tmp_path):
        dataset = _read(path)
        assert hasattr(dataset.tallies, "texts_of"), path  # the columns are read, not tallies
        made = list(dataset.tallies)
        for field in NAMED_FIELDS:
            said = [getattr(tally, field) for tally in made]
            assert list(texts_of(dataset.tallies, field)) == said, (path.name, field)
            assert list(texts_of(made, field)) == said


@pytest.mark.parametrize("by_id", [True, False])
def test_person_keys_are_each_tallys_person_key(tmp_path: Path, by_id: bool) -> None:
    for path in _files(tmp_path):
        dataset = _read(path)
        expected = tuple(person_key(tally, by_id) for tally in list(dataset.tallies))
        assert person_keys(dataset.tallies, by_id) == expected, path.name


def test_the_history_read_from_the_columns_is_the_history_of_the_tallies(tmp_path: Path) -> None:
    for path in _files(tmp_path):
        dataset = _read(path)
        made = dataclasses.replace(dataset, tallies=tuple(dataset.tallies))
        assert History.of(dataset) == History.of(made), path.name
        assert several_rounds(dataset.tallies) == several_rounds(made.tallies), path.name


def test_the_history_of_rounds_finds_previous_votes_and_ambiguity(tmp_path: Path) -> None:
    """Pinned: A1's 2024 vote follows its 2023 one, the others vote once; by name, An's and
    Bình's later votes follow their earlier ones, whichever row comes first."""
    path = tmp_path / "rounds.csv"
    path.write_text(ROUNDS, encoding="utf-8")
    history = History.of(_read(path))
    assert history.by_id
    assert history.rounds == ("2022", "2023", "2024")
    assert history.previous == (2, None, None, None, None)
    assert history.ambiguous == ()
    assert history.rank == (2, 1, 1, 2, 0)
    by_name = tmp_path / "by-name.csv"
    by_name.write_text(BY_NAME, encoding="utf-8")
    history = History.of(_read(by_name))
    assert not history.by_id
    assert history.previous == (None, 0, 3, None)  # An: the same, written another way
    assert history.ambiguous == ()
