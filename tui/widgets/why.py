"""The "why" panel: how one person's result was reached, rule by rule."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static
from tinnhiem.engine.model import Result, Step, Verdict
from tinnhiem.rules import ast
from tinnhiem.rules.errors import printable

from ..i18n import t
from ..present import basis_label, class_style, fraction_text, pct, severities

CLIPBOARD_WIDTH = 400  # the why panel copied: paragraphs on one line each, not wrapped
DOT_PERCENT = re.compile(r"(\d)\.(\d+%)")


def comma(text: str) -> str:
    """The engine's words in the app's number style: 9.68% -> 9,68%."""
    return DOT_PERCENT.sub(r"\1,\2", text)


def _at(indent: int, text: Text | str, style: str = "") -> Padding:
    """Text indented as a whole, so that its wrapped lines line up."""
    return Padding(Text(text, style=style) if isinstance(text, str) else text, (0, 0, 0, indent))


def _heading(text: str, palette: Mapping[str, str]) -> Text:
    return Text(text, style=f"bold {palette.get('text-primary', '')}")


def _class_label(ruleset: ast.Resolved, block: str, klass: str) -> str:
    found = ruleset.block(block)
    rule = next((r for r in found.rules if r.id == klass), None) if found else None
    return rule.label if rule else klass


def why(
    result: Result,
    ruleset: ast.Resolved,
    lang: str,
    palette: Mapping[str, str],
    versus: tuple[Result, ast.Resolved] | None = None,
    rounds: Sequence[tuple[int, Result]] = (),
) -> RenderableType:
    """Everything the panel says about `result`, as one renderable; `rounds`: the same
    person's results in every round, earliest first (`result` among them), each with its row
    (a click on a round moves the results cursor to that row)."""
    tally = result.tally
    # the data's words as symbols before rich sees them (it would drop a BEL; `Printable` shows
    # what it keeps)
    parts: list[RenderableType] = [Text(printable(tally.name), style="bold")]
    about = " · ".join(x for x in (tally.position, tally.group, tally.unit, tally.round) if x)
    if about:
        parts.append(Text(printable(about), style="dim"))
    if len(rounds) > 1:
        parts += [Text(), _heading(t(lang, "why.rounds"), palette)]
        parts.append(Padding(_rounds(result, rounds, ruleset, lang, palette), (0, 0, 0, 1)))
    if result.status != "evaluated":
        key = "why.exempt" if result.status == "exempt" else "why.invalid"
        parts += [Text(), _at(0, comma(t(lang, key, reason=result.reason or "—")), "italic")]
    parts += [Text(), _heading(t(lang, "why.basis"), palette)]
    base = result.basis_value
    parts.append(
        Text(f"  {basis_label(lang, result.basis_kind)} = {'—' if base is None else base}")
    )
    parts += [Text(), _heading(t(lang, "why.counts"), palette), _counts(result, ruleset)]
    if result.status == "evaluated":
        parts += _verdicts(result, ruleset, lang, palette)
        parts += _margins(result, ruleset, lang, palette)
    if versus is not None:
        other, other_rules = versus
        parts += [Text(), _heading(f"{t(lang, 'why.versus')}: {other_rules.name}", palette)]
        marks = severities(other_rules)
        for verdict in other.verdicts:
            style = class_style(marks.get((verdict.block, verdict.klass)), palette)
            line = Text(f"{verdict.block_label}: ")
            line.append(verdict.label, style=style)
            parts.append(_at(2, line))
        if other.status != "evaluated":
            parts.append(Text(f"  {t(lang, f'status.{other.status}')}: {other.reason or ''}"))
    return Group(*parts)


def _rounds(
    result: Result,
    rounds: Sequence[tuple[int, Result]],
    ruleset: ast.Resolved,
    lang: str,
    palette: Mapping[str, str],
) -> Table:
    """The person's rounds one under the other, each with its classes; ▶ marks the one shown.
    A line a round (the classes wrap under themselves): the panel is narrow. A click on a
    round's line shows that round's row in the results."""
    marks = severities(ruleset)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)  # ▶
    grid.add_column(no_wrap=True)
    grid.add_column()
    for row, other in rounds:
        here = other.tally is result.tally
        classes = Text()
        for number, block in enumerate(ruleset.classifies):
            verdict = next((v for v in other.verdicts if v.block == block.id), None)
            if number:
                classes.append(" · ", style="dim")
            if verdict is not None:
                style = class_style(marks.get((block.id, verdict.klass)), palette)
                classes.append(verdict.label, style=style)
            elif other.status != "evaluated" and not number:
                classes.append(t(lang, f"status.{other.status}"), style="italic dim")
            else:
                classes.append("—", style="dim")
        round_text = Text(printable(other.tally.round) or "—", style="bold" if here else "")
        click = Style.from_meta({"@click": f"app.show_row({row})"})
        grid.add_row("▶" if here else "", round_text, classes, style=click)
    return grid


def _counts(result: Result, ruleset: ast.Resolved) -> Table:
    """A level a line: its votes over the basis (the count is the fraction's top), its share.
    In a narrow panel the fraction wraps, never a level's name nor the share."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right")
    grid.add_column(justify="right", no_wrap=True)
    for level in ruleset.levels.levels:
        count = result.counts.get(level.id)
        if count is None:
            continue
        share = result.shares.get(level.id)
        grid.add_row(
            f"  {level.label}",
            fraction_text(count, result.basis_value),
            pct(share) if share is not None else "",
        )
    return grid


def _source(at: Verdict | Step) -> Style:
    """A rule's "(dòng N, tệp)": dim, and a click goes to that line in the rules editor."""
    line = at.rule_line if isinstance(at, Verdict) else at.line
    return Style(dim=True) + Style.from_meta({"@click": f"app.goto_source({line}, {at.file!r})"})


def _verdicts(
    result: Result, ruleset: ast.Resolved, lang: str, palette: Mapping[str, str]
) -> list[RenderableType]:
    marks = severities(ruleset)
    ok, no = palette.get("text-success", ""), palette.get("text-error", "")
    parts: list[RenderableType] = [Text(), _heading(t(lang, "why.classes"), palette)]
    for verdict in result.verdicts:
        line = Text(f"{verdict.block_label}: ")
        style = class_style(marks.get((verdict.block, verdict.klass)), palette)
        line.append(verdict.label, style=style)
        where = t(lang, "why.rule_at", line=verdict.rule_line)
        line.append("  ")
        line.append(f"({where}, {Path(verdict.file).name})", style=_source(verdict))
        parts.append(_at(2, line))
        if verdict.note:
            parts.append(_at(4, verdict.note, "italic"))
    if any(v.steps for v in result.verdicts):
        parts += [Text(), _heading(t(lang, "why.steps"), palette)]
    for verdict in result.verdicts:
        if not verdict.steps:
            continue
        parts.append(_at(2, verdict.block_label, "bold"))
        for step in verdict.steps:
            mark = Text("✓ " if step.matched else "✗ ", style=ok if step.matched else no)
            label = _class_label(ruleset, step.block, step.klass)
            mark.append(label, style="bold" if step.matched else "")
            mark.append("  ")
            mark.append(f"({t(lang, 'why.rule_at', line=step.line)})", style=_source(step))
            parts.append(_at(4, mark))
            parts.append(_at(6, comma(step.because)))
            if step.note:
                parts.append(_at(6, step.note, "italic dim"))
    return parts


def _margins(
    result: Result, ruleset: ast.Resolved, lang: str, palette: Mapping[str, str]
) -> list[RenderableType]:
    parts: list[RenderableType] = [Text(), _heading(t(lang, "why.margins"), palette)]
    if not result.margins:
        return [*parts, Text(f"  {t(lang, 'why.no_margins')}", style="dim")]
    for margin in result.margins:
        block = ruleset.block(margin.block)
        parts.append(
            _at(
                2,
                f"{block.label if block else margin.block}: "
                + t(
                    lang,
                    "why.margin",
                    votes=margin.votes,
                    level=ruleset.label_of(margin.level),
                    direction=t(lang, f"why.{margin.direction}"),
                    to=_class_label(ruleset, margin.block, margin.to_class),
                ),
            )
        )
    return parts


class Printable:
    """A renderable whose text is safe for the terminal: the data's control characters (an ESC
    in a name, a BEL in a reason) are shown as symbols, never obeyed."""

    def __init__(self, inner: RenderableType | str) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control is None:
                yield Segment(printable(segment.text), segment.style)
            else:
                yield segment


class WhyPanel(VerticalScroll, can_focus=True):
    """Shows `why(...)` for the person under the results cursor."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content: RenderableType | str = ""
        self._said = ""

    def compose(self) -> ComposeResult:
        yield Static(id="why-text")

    def show(self, content: RenderableType | str) -> None:
        content = Printable(content)
        self.content = content
        # The same words again (a re-evaluation that did not change this person): no redraw,
        # and no layout of the screen, which is what costs.
        said = self.text
        if said == self._said:
            return
        self._said = said
        self.query_one("#why-text", Static).update(content)

    @property
    def text(self) -> str:
        """The panel's words, plain (for tests)."""
        return self._render_plain(100)

    def _render_plain(self, width: int) -> str:
        console = Console(width=width, file=io.StringIO())
        with console.capture() as capture:
            console.print(self.content)
        return capture.get()

    def plain_text(self) -> str:
        """The panel's words for the clipboard: a line a paragraph (wide enough not to wrap),
        without trailing blanks."""
        lines = self._render_plain(CLIPBOARD_WIDTH).splitlines()
        return "\n".join(line.rstrip() for line in lines).strip("\n")
