"""The terminal UI says a rule set's dates of force, and when the data's votes fall outside them."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SAMPLES, make_app, pilot_test, ready
from textual.widgets import Label
from tinnhiem.tui.widgets.editor import RulesView

SIZE = (160, 40)


@pilot_test
async def test_the_rules_tab_says_the_dates_of_force_and_votes_outside_them_warn(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, "nq85-2014", SAMPLES / "qh-2013.csv")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        header = app.query_one(RulesView).query_one("#rules-header", Label)
        assert str(header.render()) == (
            "nq85-2014.tn  (có sẵn)  · NQ 85/2014/QH13 có hiệu lực từ 01/07/2015 đến hết 30/06/2023"
        )
        warned = [n.message for n in app._notifications if n.severity == "warning"]
        assert (
            "NQ 85/2014/QH13 có hiệu lực từ 01/07/2015 đến hết 30/06/2023; các lần lấy phiếu "
            "này vào 10/06/2013"
        ) in warned


@pilot_test
async def test_votes_within_the_dates_of_force_give_no_warning(tmp_path: Path) -> None:
    app = make_app(tmp_path)  # QĐ 262 (from 2014-10-08) on its 2018 appendix
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        warned = [n.message for n in app._notifications if "hiệu lực" in n.message]
        assert warned == []
