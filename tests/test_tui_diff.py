"""Issue 10: the differences of two rule sets over every tally, in the compare tab: per block
the matrix of outcome pairs, a cell cursor, the selected cell in words with both traces."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from test_tui_support import RULES, make_app, pilot_test, ready, settle
from textual.widgets import Static
from tinnhiem.tui.app import TinnhiemApp
from tinnhiem.tui.widgets.diff import DiffView
from tinnhiem.tui.widgets.pair_matrix import MARKS, MatrixScroll, PairMatrix

SIZE = (120, 40)
DISMISS_RESIGN = (
    "3 phiếu thu về, 1 tín nhiệm (33,33%), 2 thấp (66,67%), retirement_notice = không, "
    "appointed = 2025-01-01, vote_year = 2026: QĐ 96-QĐ/TW miễn nhiệm, bố trí công tác thấp "
    "hơn, QĐ 41-QĐ/TW xem xét cho từ chức"
)
LEGEND = (
    "Hàng: kết quả theo A, cột: theo B.  = cùng kết quả có thể xảy ra  ≠ khác nhau có thể xảy "
    "ra (có số phiếu)"
)
PROVED = "  – không thể xảy ra (bộ giải đã chứng minh)"
EXEMPT, INVALID = "không lấy phiếu", "kết quả không hợp lệ"
# QĐ 96 (rows) against QĐ 41 (columns): each block's matrix, as the cells mark it
QD96_QD41 = [
    (
        "Hệ quả",
        ["Xem xét miễn nhiệm", "Xem xét cho từ chức", "Không", EXEMPT, INVALID],
        [
            ("Miễn nhiệm, bố trí công tác thấp hơn", "=≠–––"),
            ("Đưa ra khỏi quy hoạch; xem xét thôi giữ chức vụ", "–≠–––"),
            ("Không", "––=––"),
            (EXEMPT, "≠≠≠–≠"),
            (INVALID, "≠≠≠–="),
        ],
    ),
    (
        "Mức tín nhiệm",
        [
            "Tín nhiệm cao từ 50% trở lên",
            "Tín nhiệm cao và tín nhiệm từ 50% trở lên",
            "Tín nhiệm cao và tín nhiệm dưới 50%",
            EXEMPT,
            INVALID,
        ],
        [
            ("Tín nhiệm cao từ 50% trở lên", "=––––"),
            ("Tín nhiệm cao và tín nhiệm từ 50% trở lên", "–=–––"),
            ("Tín nhiệm cao và tín nhiệm dưới 50%", "––=––"),
            (EXEMPT, "≠≠≠–≠"),
            (INVALID, "≠≠≠–="),
        ],
    ),
]
EXAMPLE_A = """example "khác biệt consequence: dismiss / resign" {
  members 3; present 3; issued 3; collected 3; valid 3; invalid 0
  cao 0; tn 1; thap 2
  retirement_notice false; appointed 2025-01-01; vote_year 2026
  expect consequence dismiss
}"""


def matrices(app: TinnhiemApp) -> list[tuple[str, list[str], list[tuple[str, str]]]]:
    """Each block's matrix: its title, B's outcomes, and per A's outcome the marks of its row."""
    return [
        (
            board.title,
            list(board.columns),
            [
                (label, "".join(MARKS[square.state][0] for square in row))
                for label, row in zip(board.rows, board.squares, strict=True)
            ],
        )
        for board in app.query_one(PairMatrix).boards
    ]


def drawn(app: TinnhiemApp) -> str:
    """The matrices as the widget draws them."""
    return str(app.query_one(PairMatrix).render())


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
async def test_qd96_against_qd41_a_matrix_per_block_and_the_cell_cursor(tmp_path: Path) -> None:
    app = make_app(tmp_path, RULES / "qd96-2023.tn", compare=RULES / "qd41-2021.tn")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.query_one(DiffView)
        matrix = app.query_one(PairMatrix)
        # not computed while the compare tab is not in view
        assert view.found is None and matrices(app) == []
        await pilot.press("3")
        await settle(pilot)
        assert view.found is not None
        title = str(app.query_one("#diff-title", Static).content)
        assert title == "Khác biệt với mọi số phiếu: QĐ 96-QĐ/TW (2023)  ⇄  QĐ 41-QĐ/TW (2021)"
        assert note(app) == "16 cặp kết quả khác nhau.\n" + LEGEND + PROVED
        assert matrices(app) == QD96_QD41
        assert sum(marks.count("≠") for _, _, rows in QD96_QD41 for _, marks in rows) == 16
        # labels in the UI's language, never ids, in the drawing too; at 120 columns the rows'
        # labels give up their width so that no column is cut at the view's edge
        assert [line.rstrip() for line in drawn(app).splitlines()[:9]] == [
            "Hệ quả",
            "                Xem xét    Xem xét     Không    không lấy   kết quả",
            "               miễn nhiệm   cho từ                phiếu    không hợp",
            "                             chức                              lệ",
            "Miễn nhiệm, b…     =          ≠          –          –          –",
            "Đưa ra khỏi q…     –          ≠          –          –          –",
            "Không              –          –          =          –          –",
            "không lấy phi…     ≠          ≠          ≠          –          ≠",
            "kết quả không…     ≠          ≠          ≠          –          =",
        ]
        room = app.query_one(MatrixScroll).scrollable_content_region.width
        assert max(len(line.rstrip()) for line in drawn(app).splitlines()) <= room
        assert "dismiss" not in drawn(app) and "resign" not in drawn(app)
        # the cursor starts on the first difference: dismiss / resign at exactly 2/3
        assert matrix.cursor == (0, 0, 1)
        detail = detail_text(app)
        assert detail.startswith(
            "A: Miễn nhiệm, bố trí công tác thấp hơn · B: Xem xét cho từ chức\n"
            "Khác nhau có thể xảy ra; số phiếu nhỏ nhất:\n" + DISMISS_RESIGN
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
        # arrows move the cell: down to review / resign, its own smallest tally
        matrix.focus()
        await pilot.press("down")
        await settle(pilot)
        assert matrix.cursor == (0, 1, 1)
        detail = detail_text(app)
        assert detail.startswith(
            "A: Đưa ra khỏi quy hoạch; xem xét thôi giữ chức vụ · B: Xem xét cho từ chức\n"
        )
        assert "  cao 0; tn 2; thap 3\n" in detail and "expect consequence review" in detail
        # left: a pair no tally gives, proved so
        await pilot.press("left")
        await settle(pilot)
        assert matrix.cursor == (0, 1, 0)
        assert detail_text(app) == (
            "A: Đưa ra khỏi quy hoạch; xem xét thôi giữ chức vụ · B: Xem xét miễn nhiệm\n"
            "Không thể xảy ra: không có số phiếu nào cho cặp kết quả này (bộ giải đã chứng minh)."
        )
        # up: the same outcome on both sides, with a tally where it happens and both traces
        await pilot.press("up")
        await settle(pilot)
        assert matrix.cursor == (0, 0, 0)
        detail = detail_text(app)
        assert detail.startswith(
            "A: Miễn nhiệm, bố trí công tác thấp hơn · B: Xem xét miễn nhiệm\n"
            "Cùng kết quả có thể xảy ra, ví dụ: "
        )
        a_why = detail.index("Vì sao, theo A (QĐ 96-QĐ/TW)")
        assert "Hệ quả: Miễn nhiệm, bố trí công tác thấp hơn" in detail[a_why:]
        assert "Ví dụ để dán" not in detail
        # past the last row of a block, the first row of the next; the column is kept
        for _ in range(5):
            await pilot.press("down")
        await pilot.press("right", "right", "right", "right", "right")
        await settle(pilot)
        assert matrix.cursor == (1, 0, 4)
        await pilot.press("up")
        await settle(pilot)
        assert matrix.cursor == (0, 4, 4)
        assert detail_text(app).startswith(f"A: {INVALID} · B: {INVALID}\nCùng kết quả")
        # in English: the same diff, said again, not computed again
        found_before = view.found
        await pilot.press("f2")
        await settle(pilot)
        assert view.found is found_before
        assert note(app).startswith("16 outcome pairs differ.\nRows: outcomes under A")
        assert matrices(app)[0][1] == [
            "Xem xét miễn nhiệm",  # the class labels, as the rules file writes them
            "Xem xét cho từ chức",
            "Không",
            "exempt",
            "invalid vote",
        ]


@pilot_test
async def test_enter_adds_the_example_of_the_selected_cell_to_the_rules_and_it_passes(
    tmp_path: Path,
) -> None:
    from tinnhiem.tui.widgets.editor import RulesView

    app = make_app(tmp_path, RULES / "qd96-2023.tn", compare=RULES / "qd41-2021.tn")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await settle(pilot)
        before = app.query_one(RulesView).editor.text
        matrix = app.query_one(PairMatrix)
        for _ in range(5):  # Tab reaches the matrix (its scrolling frame takes no focus)
            if app.focused is matrix:
                break
            await pilot.press("tab")
        assert app.focused is matrix
        await pilot.press("left")  # dismiss / dismiss: no example to add
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one("TabbedContent").active == "compare"  # type: ignore[attr-defined]
        assert app.query_one(RulesView).editor.text == before
        await pilot.press("right")  # back on dismiss / resign
        await pilot.press("enter")
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
        assert note(app) == "Không có khác biệt nào giữa hai bộ quy tắc.\n" + LEGEND + PROVED
        found = matrices(app)
        assert [title for title, _, _ in found] == ["Hệ quả", "Mức tín nhiệm"]
        assert [marks for _, marks in found[0][2]] == ["=––––", "–=–––", "––=––", "–––=–", "––––="]
        assert all("≠" not in marks for _, _, rows in found for _, marks in rows)
        # no difference: the cursor on the first cell
        assert app.query_one(PairMatrix).cursor == (0, 0, 0)
        # the compared file changes: computed again for the new pair
        app.load_rules(RULES / "qd41-2021.tn", "compare")
        await ready(pilot)
        await settle(pilot)
        assert note(app).startswith("16 cặp kết quả khác nhau.")


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
            "nhỏ (xem từng dòng). chưa cài bộ giải SMT (pip install 'tinnhiem[diff]')\n"
            + LEGEND
            + "  ? chưa rõ (chỉ duyệt đến 6 phiếu)"
        )
        found = matrices(app)
        assert [marks for _, marks in found[0][2]] == ["=????", "?=???", "??=??", "???=?", "????="]
        # a pair not found is unknown, with the bound and why, never "cannot happen"
        matrix = app.query_one(PairMatrix)
        matrix.focus()
        await pilot.press("right")
        await settle(pilot)
        assert detail_text(app) == (
            "A: Miễn nhiệm, bố trí công tác thấp hơn · B: Đưa ra khỏi quy hoạch; xem xét thôi "
            "giữ chức vụ\nChưa rõ: không tìm thấy số phiếu nào cho cặp kết quả này trong mọi số "
            "phiếu đến 6 phiếu (chưa chứng minh: chưa cài bộ giải SMT (pip install "
            "'tinnhiem[diff]'))."
        )
        assert "đã chứng minh" not in note(app) + detail_text(app).replace("chưa chứng minh", "")


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
