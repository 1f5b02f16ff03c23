"""The TUI's "why" panel explains a person by the run the table shows: the same words as
`tinnhiem run -f json` for that person, where a second evaluation of that person alone would not
be (a blank cell of a column the whole file has is blank, not "no such column")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_tui_support import make_app, pilot_test, ready, settle
from tinnhiem.tui.widgets.grid import Grid
from tinnhiem.tui.widgets.why import WhyPanel, comma

RULES = """\
ruleset "Ô trống"
levels { cao "Tín nhiệm cao"; tn "Tín nhiệm"; thap "Tín nhiệm thấp" }
basis collected
attribute retirement_notice yes-no "Đã có thông báo nghỉ hưu"
classify review "Xem xét" {
  ask "Hỏi lại" when retirement_notice is missing and share(thap) > 1/3
  low "Nhiều phiếu thấp" when share(thap) >= 1/2
  else none "Không"
}
"""
DATA = """\
id,name,collected,cao,tn,thap,retirement_notice
P1,Người Một,30,10,5,15,
P2,Người Hai,30,10,10,10,không
"""
STEP = "review “Xem xét”, rule ask “Hỏi lại” (blank.tn:6): "
BECAUSE = (
    "retirement_notice is missing: `retirement_notice` is blank: yes and "
    "share(thap) = 15/30 = 50.00% > 1/3: yes"
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _json_person(folder: Path) -> dict[str, object]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tinnhiem",
            *("run", "-r", "blank.tn", "-d", "blank.csv"),
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=folder,
        check=True,
    )
    (person,) = [r for r in json.loads(done.stdout)["results"] if r["id"] == "P1"]
    found: dict[str, object] = person
    return found


@pilot_test
async def test_the_why_panel_of_a_blank_cell_says_what_the_json_output_says(
    tmp_path: Path,
) -> None:
    (tmp_path / "blank.tn").write_text(RULES, encoding="utf-8")
    (tmp_path / "blank.csv").write_text(DATA, encoding="utf-8")
    person = _json_person(tmp_path)
    trace = person["trace"]
    assert isinstance(trace, list)
    assert STEP + BECAUSE in trace  # blank, not "no `retirement_notice` column"
    steps = [line.split("): ", 1)[1] for line in trace if "(blank.tn:" in line]
    assert steps == [BECAUSE]
    assert person["margins"] == {
        "review": [{"level": "thap", "direction": "fewer", "votes": 5, "to": "none"}]
    }
    app = make_app(tmp_path, tmp_path / "blank.tn", tmp_path / "blank.csv", lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        grid = app.query_one("#results-table", Grid)
        rows = range(grid.row_count)
        grid.move_to(next(p for p in rows if grid.cell_text(p, "name") == "Người Một"))
        await settle(pilot)
        why = _flat(app.query_one(WhyPanel).text)
    assert "Người Một" in why
    for because in steps:
        assert _flat(comma(because)) in why
    assert "no `retirement_notice` column" not in why
    assert "Xem xét: 5 fewer votes of Tín nhiệm thấp would make it «Không»" in why
