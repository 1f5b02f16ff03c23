"""The bundled ballot file tallies to the counts worked out by hand in samples/README.md."""

import random
from pathlib import Path

import pytest
from tinnhiem.engine.formats import read_ballots

from tinnhiem import bundled

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}
# person: (valid, invalid, cao, tn, thap); 60 ballots, numbers 17, 38 and 55 void
BY_HAND = {
    "Trần Minh Khang": (54, 6, 40, 12, 2),
    "Lê Thị Hồng Nhung": (55, 5, 25, 24, 6),
    "Phạm Đức Thịnh": (56, 4, 18, 30, 8),
    "Đỗ Thu Hà": (55, 5, 30, 20, 5),
    "Vũ Quang Huy": (55, 5, 12, 13, 30),
}


def _tallies(path: Path) -> dict[str, tuple[int, ...]]:
    dataset = read_ballots(path, LEVELS)
    return {
        t.name: (
            t.turnout["valid"],
            t.turnout["invalid"],
            t.counts["cao"],
            t.counts["tn"],
            t.counts["thap"],
        )
        for t in dataset.tallies
    }


def test_bundled_ballots_match_the_hand_count() -> None:
    path = bundled.data_dir() / "phieu-bau.csv"
    assert _tallies(path) == BY_HAND
    dataset = read_ballots(path, LEVELS)
    assert {t.turnout["collected"] for t in dataset.tallies} == {60}
    assert {t.turnout["issued"] for t in dataset.tallies} == {62}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_same_ballots_in_another_order_give_the_same_tallies(seed: int, tmp_path: Path) -> None:
    source = bundled.data_dir() / "phieu-bau.csv"
    header, *ballots = source.read_text(encoding="utf-8").splitlines()
    random.Random(seed).shuffle(ballots)
    shuffled = tmp_path / "phieu-bau.csv"
    shuffled.write_text("\n".join([header, *ballots]) + "\n", encoding="utf-8")
    turnout = source.with_name("phieu-bau.turnout.toml").read_text(encoding="utf-8")
    shuffled.with_name("phieu-bau.turnout.toml").write_text(turnout, encoding="utf-8")
    assert _tallies(shuffled) == BY_HAND
