"""The fuzz harness (`tests/fuzz.py`) in a fast, seeded form: the targeted cases of issue 11 and a
few hundred mutations of the bundled rules and data. Every case ends with exit 0, 1 or 2; none
with a traceback or a hang. `make fuzz` runs thousands."""

from __future__ import annotations

import fuzz


def test_three_hundred_mutated_files_end_in_words() -> None:
    outcomes = fuzz.run(300, seed=11)
    assert len(outcomes) > 300
    assert [o.case for o in outcomes if o.traceback] == []
    assert [o.case for o in outcomes if o.hang] == []
    assert {o.code for o in outcomes} <= {0, 1, 2}
    codes = {o.code for o in outcomes}
    assert {0, 2} <= codes  # the mutations reach both good and bad input


def test_every_targeted_case_is_refused_or_answered_in_words() -> None:
    outcomes = {o.case: o.code for o in fuzz.run(0, seed=0)}
    assert outcomes == {
        "t:extends-passwd": 1,
        "t:extends-environ": 1,
        "t:extends-up": 1,
        "t:extends-bundled": 0,
        "t:fmt-bundled": 0,
        "t:one-long-line": 1,
        "t:digits-csv": 2,
        "t:digits-json": 2,
        "t:digits-toml": 2,
        "t:ballots-cr": 2,
        "t:voter": 2,
        "t:xlsx-dtd": 2,
        "t:xlsx-xxe": 2,
        "t:xlsx-digits": 2,
        "t:xlsx-bomb": 2,
        "t:xlsx-comment": 2,
        "t:xlsx-cut": 2,
        "t:sweep--to": 2,
        "t:sweep--step": 2,
        "t:out-fifo": 2,
    }
