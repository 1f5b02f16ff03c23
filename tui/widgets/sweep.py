"""The sweep tab: move one threshold over a range and see, step by step, who flips."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static
from tinnhiem.engine.model import DataError, Dataset
from tinnhiem.engine.sweep import MAX_STEPS, SweepError
from tinnhiem.rules import ast

from .. import backend
from ..i18n import t
from ..present import pct
from ..table import Cell, Column, StaticRows, cell, name_key
from .grid import Grid
from .sections import Sections

BARS = " ▁▂▃▄▅▆▇█"


def sweep_range(texts: dict[str, str], lang: str) -> tuple[Fraction, Fraction, Fraction] | str:
    """(from, to, step) read from the fields `from`, `to` and `step`, or what is wrong with them."""
    numbers: list[Fraction] = []
    for name in ("from", "to", "step"):
        field, text = t(lang, f"sweep.{name}"), texts[name].strip()
        try:
            value = backend.parse_number(text)
        except ValueError:
            return t(lang, "sweep.bad_number", field=field, text=text)
        if name != "step" and not 0 <= value <= 1:
            return t(lang, "sweep.not_a_share", field=field, value=text)
        numbers.append(value)
    start, stop, step = numbers
    if step <= 0:
        return t(lang, "sweep.bad_step", value=texts["step"].strip())
    if start > stop:
        return t(lang, "sweep.bad_order", start=pct(start), stop=pct(stop))
    if start < stop < start + step:  # only `from` would be tried: `to` never reached
        return t(lang, "sweep.step_too_big", step=pct(step), start=pct(start), stop=pct(stop))
    count = int((stop - start) / step) + 1
    if count > MAX_STEPS:
        return t(lang, "sweep.too_many", n=count, max=MAX_STEPS)
    return start, stop, step


@dataclass
class SweepFinished(Message):
    result: Any  # engine.sweep.SweepResult
    error: str = ""


class SweepChart(Widget):
    """Bars: how many people the swept rule catches at each threshold; flips in the accent."""

    DEFAULT_CSS = """
    SweepChart { height: 30%; min-height: 6; max-height: 14; padding: 0 1; }
    """
    result: reactive[Any] = reactive(None, always_update=True)
    lang = reactive("vi")

    def render(self) -> RenderResult:
        result = self.result
        if result is None or not result.steps:
            return ""
        variables = self.app.get_css_variables()
        bar, flip, mark = variables["primary"], variables["warning"], variables["text-error"]
        counts = [step.counts.get(result.rule, 0) for step in result.steps]
        top = max(max(counts), 1)
        rows = max(self.size.height - 3, 2)
        width = max(min((self.size.width - 6) // len(counts), 3), 1)
        label = result.labels.get(result.rule, result.rule)
        lines = Text(t(self.lang, "sweep.chart", rule=label) + "\n", style="bold")
        for row in range(rows, 0, -1):
            axis = str(top) if row == rows else ("0" if row == 1 else "")
            lines.append(f"{axis:>4} ", style="dim")
            for step, count in zip(result.steps, counts, strict=True):
                eighths = round(count * rows * 8 / top) - (row - 1) * 8
                block = BARS[max(0, min(eighths, 8))]
                style = flip if step.flips else bar
                lines.append(block * width, style=style)
            lines.append("\n")
        lines.append("     ")
        original = result.original
        for step in result.steps:  # ▲ the threshold as written; • a step where someone flips
            if step.value == original:
                lines.append("▲".ljust(width), style=mark)
            else:
                lines.append(("•" if step.flips else " ").ljust(width), style=flip)
        first, last = result.steps[0].value, result.steps[-1].value
        lines.append(f"\n     {pct(first)}  …  {pct(last)}", style="dim")
        return lines


class SweepView(Vertical):
    lang = reactive("vi")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ruleset: ast.Resolved | None = None
        self.dataset: Dataset | None = None
        self.result: Any = None
        self._choices: list[tuple[str, str]] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="toolbar"):
            yield Select([], id="sweep-rule", allow_blank=True, compact=True)
            yield Label(id="from-label")
            yield Input(id="sweep-from", classes="number")
            yield Label(id="to-label")
            yield Input(id="sweep-to", classes="number")
            yield Label(id="step-label")
            yield Input("1%", id="sweep-step", classes="number")
            yield Button(id="sweep-run", compact=True)
        yield Label(id="sweep-error", classes="error-line")
        yield SweepChart(id="sweep-chart").data_bind(SweepView.lang)
        yield Sections(id="sweep-sections")

    def watch_lang(self) -> None:
        lang = self.lang
        for name in ("from", "to", "step"):
            self.query_one(f"#{name}-label", Label).update(t(lang, f"sweep.{name}"))
        self.query_one("#sweep-run", Button).label = f"{t(lang, 'sweep.run')} (F9)"
        self._rules()
        self._show()

    def set_ruleset(self, ruleset: ast.Resolved) -> None:
        self.ruleset = ruleset
        self._rules()
        if self.result is None:
            self._show()

    def _rules(self) -> None:
        if not self.is_mounted or self.ruleset is None:
            return
        choices = backend.thresholds(self.ruleset)
        if choices == self._choices:  # the same rules: leave the choice (and the layout) alone
            return
        self._choices = choices
        select = self.query_one("#sweep-rule", Select)
        keep = select.value if select.value in dict(choices) else None
        select.set_options([(label, rule) for rule, label in choices])
        # the rule that decides who faces any consequence: the last before the `else` of the
        # first block (`consequence.review` in most rule sets)
        first = [r for r, _ in choices if r.split(".")[0] == choices[0][0].split(".")[0]]
        preferred = keep or (first[-1] if first else None)
        if preferred is not None:
            select.value = preferred
        if not choices:
            self.query_one(Sections).show([], t(self.lang, "sweep.no_rules"))

    @on(Select.Changed, "#sweep-rule")
    def _rule_changed(self, event: Select.Changed) -> None:
        """Centre the range on the rule's threshold, in whole percents."""
        if self.ruleset is None or not isinstance(event.value, str):
            return
        block_id, _, rule_id = event.value.partition(".")
        block = self.ruleset.block(block_id)
        rule = next((r for r in block.rules if r.id == rule_id), None) if block else None
        value = _threshold(rule.when) if rule and rule.when else None
        if value is None:
            return
        low = max(Fraction(0), value - Fraction(15, 100))
        high = min(Fraction(1), value + Fraction(15, 100))
        self.query_one("#sweep-from", Input).value = f"{int(low * 100)}%"
        self.query_one("#sweep-to", Input).value = f"{-int(-high * 100)}%"

    @on(Button.Pressed, "#sweep-run")
    @on(Input.Submitted, ".number")
    def run(self) -> None:
        rule = self.query_one("#sweep-rule", Select).value
        error = self.query_one("#sweep-error", Label)
        if self.ruleset is None or self.dataset is None:
            return
        if not isinstance(rule, str):
            error.update(t(self.lang, "sweep.no_rule"))
            return
        texts = {n: self.query_one(f"#sweep-{n}", Input).value for n in ("from", "to", "step")}
        checked = sweep_range(texts, self.lang)
        if isinstance(checked, str):
            error.update(Text(checked))  # not markup: it quotes what was typed
            return
        error.update("")
        self._sweep(self.ruleset, self.dataset, rule, *checked)

    @work(thread=True, exclusive=True, group="sweep")
    def _sweep(
        self,
        ruleset: ast.Resolved,
        dataset: Dataset,
        rule: str,
        start: Fraction,
        stop: Fraction,
        step: Fraction,
    ) -> None:
        try:
            result = backend.sweep(ruleset, dataset, rule, start, stop, step)
        except SweepError as exc:  # the engine's reason, in the interface's language
            self.post_message(SweepFinished(None, exc.said.said(self.lang)))
        except DataError as exc:
            said = "\n".join(issue.render(self.lang) for issue in exc.issues)
            self.post_message(SweepFinished(None, said))
        except (ValueError, backend.EngineMissing) as exc:
            self.post_message(SweepFinished(None, str(exc)))
        else:
            self.post_message(SweepFinished(result))

    @on(SweepFinished)
    def _finished(self, event: SweepFinished) -> None:
        if event.error:
            self.query_one("#sweep-error", Label).update(Text(event.error))
            return
        self.result = event.result
        self._show()

    def _show(self, position: int | None = None) -> None:
        result = self.result
        if not self.is_mounted:
            return
        self.query_one(SweepChart).result = result
        if result is None:
            if self.ruleset is not None and backend.thresholds(self.ruleset):
                self.query_one(Sections).show([], t(self.lang, "sweep.empty", key="F9"))
            return
        steps = steps_rows(result, self.lang)
        sections: list[tuple[str, StaticRows]] = [(steps.title, steps)]
        chosen = next((i for i, s in enumerate(result.steps) if s.flips), 0)
        flips = flips_rows(result, chosen if position is None else position, self.lang)
        sections.append((flips.title, flips))
        self.query_one(Sections).show(sections)

    @on(Grid.RowSelected)
    def _step_chosen(self, event: Grid.RowSelected) -> None:
        grids = self.query_one(Sections).grids
        if self.result is not None and grids and event.grid is grids[0]:
            flips = flips_rows(self.result, event.index, self.lang)
            grids[1].show(flips)
            titles = list(self.query(".section-title").results(Static))
            if len(titles) > 1:
                titles[1].update(flips.title)


def _threshold(cond: ast.Cond) -> Fraction | None:
    if isinstance(cond, ast.Compare):
        for side in (cond.right, cond.left):
            if isinstance(side, ast.Number):
                return side.value
    if isinstance(cond, ast.And | ast.Or):
        for operand in cond.operands:
            found = _threshold(operand)
            if found is not None:
                return found
    if isinstance(cond, ast.Not):
        return _threshold(cond.operand)
    return None


def steps_rows(result: Any, lang: str) -> StaticRows:
    columns = [Column("value", t(lang, "sweep.threshold"), "right")]
    columns += [Column(f"class:{c}", result.labels.get(c, c), "right") for c in result.classes]
    columns.append(Column("flips", t(lang, "sweep.flips_count"), "right"))
    rows: list[tuple[str, list[Cell]]] = []
    for index, step in enumerate(result.steps):
        original = step.value == result.original
        cells = [
            cell(pct(step.value) + (" ▲" if original else ""), sort=step.value, justify="right")
        ]
        for klass in result.classes:
            n = step.counts.get(klass, 0)
            cells.append(cell(str(n), sort=n, value=n, justify="right"))
        n = len(step.flips)
        cells.append(
            cell(str(n) if n else "", sort=n, value=n, justify="right", style="bold" if n else "")
        )
        rows.append((str(index), cells))
    return StaticRows(t(lang, "sweep.steps"), columns, rows)


def flips_rows(result: Any, index: int, lang: str) -> StaticRows:
    step = result.steps[index] if result.steps else None
    columns = [
        Column("name", t(lang, "col.name")),
        Column("before", t(lang, "sweep.before")),
        Column("after", t(lang, "sweep.after")),
        Column("position", t(lang, "col.position")),
    ]
    rows: list[tuple[str, list[Cell]]] = []
    for number, flip in enumerate(step.flips if step else ()):
        rows.append(
            (
                str(number),
                [
                    cell(flip.tally.name, sort=name_key(flip.tally.name)),
                    cell(result.labels.get(flip.before, flip.before)),
                    cell(result.labels.get(flip.after, flip.after), style="bold"),
                    cell(flip.tally.position),
                ],
            )
        )
    at = pct(step.value) if step else ""
    return StaticRows(t(lang, "sweep.flips_at", value=at, n=len(rows)), columns, rows)
