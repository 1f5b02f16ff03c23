"""Issue 10: the differences of two rule sets over every tally, in the compare tab."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from test_tui_support import RULES, make_app, pilot_test, ready, settle
from textual.widgets import Static
from tinnhiem.tui.app import TinnhiemApp
from tinnhiem.tui.widgets.diff import DiffView
from tinnhiem.tui.widgets.grid import Grid

SIZE = (120, 40)
DISMISS_RESIGN = [
    "Hệ quả",
    "Miễn nhiệm, bố trí công tác thấp hơn",
    "Xem xét cho từ chức",
    "3 phiếu thu về, 1 tín nhiệm (33,33%), 2 thấp (66,67%), retirement_notice = không, "
    "appointed = 2025-01-01, vote_year = 2026: QĐ 96-QĐ/TW miễn nhiệm, bố trí công tác thấp "
    "hơn, QĐ 41-QĐ/TW xem xét cho từ chức",
]
EXAMPLE_A = """example "khác biệt consequence: dismiss / resign" {
  members 3; present 3; issued 3; collected 3; valid 3; invalid 0
  cao 0; tn 1; thap 2
  retirement_notice false; appointed 2025-01-01; vote_year 2026
  expect consequence dismiss
}"""


def rows(app: TinnhiemApp) -> list[list[str]]:
    grid = app.query_one("#diff-table", Grid)
    return [[c.plain for c in grid.rows.cells(i)] for i in range(grid.row_count)]


def detail_text(app: TinnhiemApp) -> str:
    """The detail panel as plain text (words, examples, then both sides' "why")."""
    from rich.console import Console

    console = Console(width=1000, record=True, file=io.StringIO())
    console.print(app.query_one("#diff-example", Static).content)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def note(app: TinnhiemApp) -> str:
    return str(app.query_one("#diff-note", Static).content)


def reworded(tmp_path: Path) -> Path:
    """QĐ 96 with "trên 1/2" written as a percentage: the same rules in other words."""
    text = (RULES / "qd96-2023.tn").read_text(encoding="utf-8")
    assert text.count("share(thap) > 1/2") == 1
    path = tmp_path / "qd96-viet-lai.tn"
    path.write_text(text.replace("share(thap) > 1/2", "share(thap) > 50%"), encoding="utf-8")
    return path


@pilot_test
async def test_qd96_against_qd41_dismisses_where_the_other_asks_to_resign_at_two_thirds(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, RULES / "qd96-2023.tn", compare=RULES / "qd41-2021.tn")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.query_one(DiffView)
        # not computed while the compare tab is not in view
        assert view.found is None and rows(app) == []
        await pilot.press("3")
        await settle(pilot)
        assert view.found is not None
        title = str(app.query_one("#diff-title", Static).content)
        assert title == "Khác biệt với mọi số phiếu: QĐ 96-QĐ/TW (2023)  ⇄  QĐ 41-QĐ/TW (2021)"
        assert note(app) == "16 cặp kết quả khác nhau."
        found = rows(app)
        assert found[0] == DISMISS_RESIGN
        assert [r[:3] for r in found].count(DISMISS_RESIGN[:3]) == 1
        # the first row is highlighted: its words whole, and the examples to paste
        detail = detail_text(app)
        assert detail.startswith(
            "Miễn nhiệm, bố trí công tác thấp hơn · Xem xét cho từ chức\n" + DISMISS_RESIGN[3]
        )
        assert (
            "Ví dụ để dán vào tệp quy tắc\nEnter: thêm ví dụ A vào cuối bộ quy tắc đang sửa (chưa "
            "lưu)\n\n# A (qd96-2023.tn)\n" + EXAMPLE_A
        ) in detail
        assert '# B (qd41-2021.tn)\nexample "khác biệt consequence: dismiss / resign" {' in detail
        assert "  expect consequence resign\n}" in detail
        # and why each side gives its class on that tally, in the UI's words
        a_why = detail.index("Vì sao, theo A (QĐ 96-QĐ/TW)")
        b_why = detail.index("Vì sao, theo B (QĐ 41-QĐ/TW)")
        assert a_why < detail.index("share(thap) = 2/3 = 66,67% ≥ 2/3: đúng", a_why) < b_why
        assert detail.index("share(thap) = 2/3 = 66,67% > 2/3: sai", b_why) > b_why
        # the next row's example once the cursor moves there
        app.query_one("#diff-table", Grid).focus()
        await pilot.press("down")
        await settle(pilot)
        detail = detail_text(app)
        assert "  cao 0; tn 2; thap 3\n" in detail and "expect consequence review" in detail
        # in English: the same diff, said again, not computed again
        found_before = view.found
        await pilot.press("f2")
        await settle(pilot)
        assert view.found is found_before
        assert note(app) == "16 outcome pairs differ."
        assert rows(app)[0] == [
            "Hệ quả",  # the block's label, as the rules file writes it
            "Miễn nhiệm, bố trí công tác thấp hơn",
            "Xem xét cho từ chức",
            "3 ballots collected, 1 tn (33.33%), 2 thap (66.67%), retirement_notice = false, "
            "appointed = 2025-01-01, vote_year = 2026: QĐ 96-QĐ/TW miễn nhiệm, bố trí công tác "
            "thấp hơn, QĐ 41-QĐ/TW xem xét cho từ chức",
        ]


@pilot_test
async def test_enter_adds_the_example_of_a_difference_to_the_rules_and_it_passes(
    tmp_path: Path,
) -> None:
    from tinnhiem.tui.widgets.editor import RulesView

    app = make_app(tmp_path, RULES / "qd96-2023.tn", compare=RULES / "qd41-2021.tn")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await settle(pilot)
        before = app.query_one(RulesView).editor.text
        app.query_one("#diff-table", Grid).focus()
        await pilot.press("enter")  # on the first row: dismiss / resign
        await settle(pilot)
        await ready(pilot)
        assert app.query_one("TabbedContent").active == "rules"  # type: ignore[attr-defined]
        text = app.query_one(RulesView).editor.text
        assert text == before + "\n" + EXAMPLE_A + "\n"
        assert app.loaded is not None and app.loaded.resolved is not None
        assert [d.message for d in app.loaded.diagnostics if d.is_error] == []
        from tinnhiem.engine.examples import run_examples

        added = [o for o in run_examples(app.loaded.resolved) if o.name.startswith("khác biệt")]
        assert [(o.expected, o.actual, o.passed) for o in added] == [("dismiss", "dismiss", True)]
        said = [str(n.message) for n in app._notifications]
        assert (
            "Đã thêm ví dụ “khác biệt consequence: dismiss / resign” vào cuối bộ quy tắc (chưa lưu)"
        ) in said


@pilot_test
async def test_a_rule_set_and_its_rewording_are_proved_the_same(tmp_path: Path) -> None:
    app = make_app(tmp_path, RULES / "qd96-2023.tn", compare=reworded(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert note(app) == "Không có khác biệt nào giữa hai bộ quy tắc."
        proved = "cùng kết quả với mọi số phiếu (đã chứng minh)"
        assert rows(app) == [
            ["Hệ quả", "=", "=", proved],
            ["Mức tín nhiệm", "=", "=", proved],
        ]
        # the compared file changes: computed again for the new pair
        app.load_rules(RULES / "qd41-2021.tn", "compare")
        await ready(pilot)
        await settle(pilot)
        assert note(app) == "16 cặp kết quả khác nhau."


@pilot_test
async def test_without_the_solver_the_view_never_says_proved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "z3", None)  # as if `tinnhiem[diff]` were not installed
    app = make_app(tmp_path, RULES / "qd96-2023.tn", compare=reworded(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert note(app) == (
            "Không tìm thấy khác biệt nào. Có khối chưa được chứng minh: chỉ duyệt các số phiếu "
            "nhỏ (xem từng dòng). chưa cài bộ giải SMT (pip install 'tinnhiem[diff]')"
        )
        searched = (
            "không khác nhau với mọi số phiếu đến 6 phiếu (chưa chứng minh: chưa cài bộ giải SMT "
            "(pip install 'tinnhiem[diff]'))"
        )
        assert rows(app) == [
            ["Hệ quả", "=", "=", searched],
            ["Mức tín nhiệm", "=", "=", searched],
        ]
        assert "đã chứng minh" not in note(app) + str(rows(app))


@pilot_test
async def test_the_view_is_hidden_without_a_compared_rule_set(tmp_path: Path) -> None:
    app = make_app(tmp_path, RULES / "qd96-2023.tn", compare=RULES / "qd41-2021.tn")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await settle(pilot)
        view = app.query_one(DiffView)
        assert view.display and view.found is not None
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert not view.display
