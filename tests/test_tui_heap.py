"""The data and first results of a load are kept out of the cycle collector's walks
(`tui/heap.py`), and given back at the next load: data replaced are still freed, nothing is
kept for good. Also who is who (`Rounds`) in a file where nobody is twice."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from test_tui_scale import people_file
from test_tui_support import make_app, pilot_test, ready, settle
from tinnhiem.tui.rounds import Rounds

from tinnhiem import bundled


@pilot_test
async def test_the_data_of_a_load_are_kept_from_the_collector_until_replaced(
    tmp_path: Path,
) -> None:
    files = []
    for name in ("a", "b", "c", "d"):
        folder = tmp_path / name
        folder.mkdir()
        files.append(people_file(folder, 300))
    gc.unfreeze()
    app = make_app(tmp_path, None, files[0])
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        first = app.dataset
        assert first is not None and app.evaluated_on is first
        # the tallies and the results made: out of the collector's reach
        assert gc.get_freeze_count() > 0
        gone = weakref.ref(first.tallies)  # type: ignore[arg-type]
        del first
        for data in files[1:]:
            app.load_data(data)
            await ready(pilot)
            await settle(pilot)
            assert app.dataset is not None and Path(app.dataset.path) == data
        # the first file's data, replaced three times: freed, though they had been frozen
        # (the data before are kept, to go back to when new data cannot be evaluated; what
        # they leave in cycles is collected when the next data are loaded)
        assert gone() is None
    gc.unfreeze()


def test_rounds_of_a_file_where_nobody_is_twice() -> None:
    from tinnhiem.tui import backend

    dataset = backend.read_data(bundled.find_data("qh-2013"), "tallies", {})
    rounds = Rounds.of(dataset.tallies)
    count = len(dataset.tallies)
    assert count > 1
    assert (rounds.people, rounds.votes, rounds.several) == (count, count, False)
    assert rounds.of_row == tuple((i,) for i in range(count))
    several = backend.read_data(bundled.find_data("nhieu-ky"), "tallies", {})
    found = Rounds.of(several.tallies)
    assert found.several and found.people < found.votes == len(several.tallies)
