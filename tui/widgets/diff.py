"""The differences (in the compare tab): per block, the matrix of outcome pairs of the current
and the compared rule set over every tally, not only the data's (`pair_matrix`); the selected
cell in words beside it, a difference with its smallest tally as a ready example and both
sides' "why" on it.

The diff runs in a worker, and only while the view is on screen: editing the rules leaves it
alone until the user looks again (like the calendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static
from tinnhiem.engine import diff_words as words
from tinnhiem.engine.diff import BlockDiff, Diff, DiffError, Pair, diff, witness_results
from tinnhiem.engine.words import Lang, say
from tinnhiem.rules import ast
from tinnhiem.rules.logic import TIMEOUT
from tinnhiem.rules.meaning import Undecidable

from ..i18n import t
from .pair_matrix import MatrixScroll, PairMatrix, Square, boards
from .why import why


@dataclass
class DiffFinished(Message):
    key: tuple[int, int]  # the pair of rule sets it is the diff of
    found: Diff | None
    error: str = ""  # an i18n key, when the rule sets cannot be compared
    where: str = ""


@dataclass
class InsertExample(Message):
    """Enter on a difference: its example for the current rule set, to add to the editor."""

    text: str


class DiffView(Vertical):
    lang = reactive("vi")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rulesets: tuple[ast.Resolved | None, ast.Resolved | None] = (None, None)
        self.found: Diff | None = None
        self._asked: tuple[int, int] | None = None  # the pair being (or last) computed
        self._error: tuple[str, str] = ("", "")
        self._stale = False

    def compose(self) -> ComposeResult:
        yield Static(id="diff-title", classes="section-title")
        yield Static(id="diff-note", classes="note")
        with Horizontal(id="diff-split"):
            with MatrixScroll(id="diff-table"):
                yield PairMatrix(id="diff-matrix")
            with VerticalScroll(id="diff-detail"):
                yield Static(id="diff-example")

    @property
    def engine_lang(self) -> Lang:
        return "vi" if self.lang == "vi" else "en"

    def watch_lang(self) -> None:
        self._draw()

    def show_rulesets(self, current: ast.Resolved | None, compared: ast.Resolved | None) -> None:
        self.rulesets = (current, compared)
        self.display = compared is not None
        self.refresh_diff()

    def refresh_diff(self) -> None:
        """Compute again when the pair of rule sets changed, and only once it is in view."""
        current, compared = self.rulesets
        if not self.is_mounted or current is None or compared is None:
            return
        key = (id(current), id(compared))
        if key == self._asked:
            return
        if not self.is_on_screen:
            self._stale = True
            return
        self._asked, self.found, self._error = key, None, ("", "")
        self._draw()
        self._compute(current, compared, key)

    def on_show(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh_diff()

    @work(thread=True, exclusive=True, group="diff")
    def _compute(self, a: ast.Resolved, b: ast.Resolved, key: tuple[int, int]) -> None:
        try:
            found = diff(a, b, timeout=TIMEOUT)
        except DiffError as exc:
            cause = exc.__cause__
            if isinstance(cause, Undecidable):
                at = f"{Path(cause.file).name}:{cause.line}" if cause.line else "?"
                self.post_message(DiffFinished(key, None, "diff.undecidable", at))
            else:
                self.post_message(DiffFinished(key, None, "diff.no_common"))
            return
        except Exception as exc:  # a bug in the engine must not take the app down
            self.post_message(DiffFinished(key, None, "diff.failed", f"{type(exc).__name__}"))
            return
        self.post_message(DiffFinished(key, found))

    @on(DiffFinished)
    def _finished(self, event: DiffFinished) -> None:
        if event.key != self._asked:  # rule sets changed meanwhile: a newer diff is coming
            return
        self.found, self._error = event.found, (event.error, event.where)
        self._draw()

    # --- drawing ----------------------------------------------------------------------------

    def _draw(self) -> None:
        if not self.is_mounted:
            return
        lang = self.lang
        current, compared = self.rulesets
        names = (current.name if current else "", compared.name if compared else "")
        self.query_one("#diff-title", Static).update(
            Text(t(lang, "diff.title", a=names[0], b=names[1]))
        )
        note = self.query_one("#diff-note", Static)
        matrix = self.query_one(PairMatrix)
        found = self.found
        error, where = self._error
        if found is None:
            note.update(Text(t(lang, error, where=where) if error else t(lang, "diff.computing")))
            matrix.show([])
            self.query_one("#diff-example", Static).update("")
            return
        note.update(Text(f"{self._summary(found)}\n{self._legend(found)}"))
        said = self.engine_lang

        def label(side: str, block: str, outcome: str) -> str:
            return words.outcome_label(found.a if side == "a" else found.b, block, outcome, said)

        matrix.show(boards(found, label))

    def _summary(self, found: Diff) -> str:
        lang = self.lang
        pairs = sum(len(block.differences) for block in found.blocks)
        exact = all(block.exact for block in found.blocks)
        if pairs:
            said = [t(lang, "diff.pairs", n=pairs)]
        else:  # "the same" only when proved; else only that none was found
            said = [t(lang, "diff.same" if exact else "diff.none_found")]
        if not exact:
            said.append(t(lang, "diff.not_proved"))
        if any("no_solver" in block.reasons for block in found.blocks):
            said.append(say(self.engine_lang, "diff.no_solver"))
        return " ".join(said)

    def _legend(self, found: Diff) -> str:
        """What the marks of the cells mean: "–" where a block is proved, "?" where a block
        was only searched."""
        legend = [t(self.lang, "diff.legend")]
        if any(block.exact and block.only is None for block in found.blocks):
            legend.append(t(self.lang, "diff.legend_proved"))
        bounds = sorted({block.bound for block in found.blocks if block.bound is not None})
        if bounds:
            legend.append(t(self.lang, "diff.legend_unknown", bound=bounds[-1]))
        return "  ".join(legend)

    @on(PairMatrix.Selected)
    def _selected(self, event: PairMatrix.Selected) -> None:
        event.stop()
        pair = event.square.pair
        if pair is not None and pair.example_a:
            self.post_message(InsertExample(pair.example_a))

    @on(PairMatrix.Highlighted)
    def _highlighted(self, event: PairMatrix.Highlighted) -> None:
        event.stop()
        self.show_square(event.square)

    def show_square(self, square: Square) -> None:
        """The selected cell in words: a difference with its examples, an agreement with a
        tally, a pair that cannot happen or that was not found within the bound; and, where a
        tally gives the pair, why each side gives its outcome on it."""
        found = self.found
        if found is None:
            return
        lang, said = self.lang, self.engine_lang
        block, pair = square.block, square.pair
        a_label = words.outcome_label(found.a, block.a, square.a, said)
        b_label = words.outcome_label(found.b, block.b, square.b, said)
        shown = Text(f"A: {a_label} · B: {b_label}\n", style="bold")
        panel = self.query_one("#diff-example", Static)
        if pair is None:
            key = f"diff.cell.{square.state}"
            shown.append(t(lang, key, bound=block.bound, why=words.why(block, said)))
            panel.update(shown)
            return
        if square.state == "same":
            tally = words.tally_words(pair.witness, found.a, said)
            shown.append(t(lang, "diff.cell.same", tally=tally))
        else:
            shown.append(t(lang, "diff.cell.differs") + "\n")
            shown.append(words.pair_words(found, block, pair, said))
            shown.append(f"\n\n{t(lang, 'diff.paste')}\n", style="bold")
            shown.append(f"{t(lang, 'diff.insert_hint')}\n", style="dim")
            for side, ruleset, example in (
                ("A", found.a, pair.example_a),
                ("B", found.b, pair.example_b),
            ):
                shown.append(f"\n# {side} ({Path(ruleset.path).name})\n", style="dim")
                shown.append(example + "\n")
        panel.update(Group(shown, *self._traces(found, block, pair)))

    def _traces(self, found: Diff, block: BlockDiff, pair: Pair) -> list[RenderableType]:
        """Why each side gives its class on this tally: the results' "why" panel, in the UI's
        language (one tally each: computed here, on demand)."""
        palette = getattr(self.app, "palette", {})
        parts: list[RenderableType] = []
        results = witness_results(found, block, pair, self.engine_lang)
        for side, ruleset, result in zip("AB", (found.a, found.b), results, strict=True):
            head = t(self.lang, "diff.trace", side=side, name=words.short_name(ruleset))
            parts += [Text(), Text(head, style="bold")]
            parts.append(
                Text(result)
                if isinstance(result, str)
                else why(result, ruleset, self.lang, palette)
            )
        return parts
