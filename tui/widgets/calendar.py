"""The calendar tab: the votes of a term under each rule set, and each person's coverage."""

from __future__ import annotations

import re
from operator import attrgetter
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Input, Label
from tinnhiem.engine.history import History
from tinnhiem.engine.model import DataError, Dataset
from tinnhiem.rules import ast

from tinnhiem import bundled

from .. import backend
from ..i18n import t
from ..table import Cell, Column, StaticRows, cell, name_key
from .sections import Sections

DEFAULT_TERM = (2021, 2026)
TERM = re.compile(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*")


def parse_term(text: str) -> tuple[int, int] | None:
    match = TERM.fullmatch(text)
    if not match or int(match[1]) >= int(match[2]):
        return None
    return int(match[1]), int(match[2])


def term_problem(text: str) -> str:
    """The i18n key saying why `text` is not a term."""
    return "calendar.bad_order" if TERM.fullmatch(text) else "calendar.bad_term"


def finished(text: str) -> bool:
    """Whether typing more cannot make `text` a term: say what is wrong without waiting."""
    digits = sum(c.isdigit() for c in text)
    return digits >= 8 or bool(re.search(r"[^\d\s\-–]|\d{5}", text))


def default_term(schedule: ast.Schedule | None, dataset: Dataset | None) -> tuple[int, int]:
    """The term in which the data's first vote falls where the schedule puts a vote."""
    rounds = set(map(attrgetter("round"), dataset.tallies)) if dataset else set()
    years = sorted(int(m[0]) for label in rounds if (m := re.match(r"\d{4}", label)))
    if not years or schedule is None:
        return DEFAULT_TERM
    length = schedule.term_years or 5
    first = years[0] - ((schedule.years[0] - 1) if schedule.years else 0)
    return first, first + length


class CalendarView(Vertical):
    lang = reactive("vi")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.dataset: Dataset | None = None  # the results' data
        self.posts: Dataset | None = None  # a file of time in post, when one was opened
        self.rulesets: tuple[ast.Resolved | None, ast.Resolved | None] = (None, None)
        self.term: tuple[int, int] | None = None  # None until the user types one
        self._shown: tuple[object, ...] | None = None
        self._stale = False

    def compose(self) -> ComposeResult:
        with Horizontal(classes="toolbar"):
            yield Label(id="term-label")
            # no max_length: a longer paste would be dropped without a word; the error says it
            yield Input(id="term")
            yield Label(id="term-error", classes="error-line")
        yield Sections(id="calendar-sections")

    def watch_lang(self) -> None:
        self.query_one("#term-label", Label).update(t(self.lang, "calendar.term"))
        self.query_one("#term", Input).placeholder = t(self.lang, "calendar.term.hint")
        self.refresh_tables()

    def show_rulesets(self, current: ast.Resolved | None, compared: ast.Resolved | None) -> None:
        self.rulesets = (current, compared)
        self.refresh_tables()

    def current_term(self) -> tuple[int, int]:
        if self.term is not None:
            return self.term
        current = self.rulesets[0]
        return default_term(current.schedule if current else None, self.dataset)

    @on(Input.Submitted, "#term")
    @on(Input.Changed, "#term")
    def _term(self, event: Input.Submitted | Input.Changed) -> None:
        term = parse_term(event.value)
        error = self.query_one("#term-error", Label)
        if term is None:
            if isinstance(event, Input.Submitted) or finished(event.value):
                problem = term_problem(event.value)
                error.update(Text(t(self.lang, problem, text=event.value.strip())))
            else:
                error.update("")  # still being typed
            return
        error.update("")
        if term != self.term:
            self.term = term
            self.refresh_tables()

    def refresh_tables(self) -> None:
        """Recompute when what the tables show changed, and only once the tab is in view:
        re-evaluating after an edit leaves the calendar alone."""
        if not self.is_mounted:
            return
        current, compared = self.rulesets
        key = (
            current.schedule if current else None,
            compared.schedule if compared else None,
            (current.name if current else "", compared.name if compared else ""),
            id(self.dataset),
            id(self.posts),
            self.current_term(),
            self.lang,
        )
        if key == self._shown:
            return
        if not self.is_on_screen:
            self._stale = True
            return
        self._shown = key
        self._draw()

    def on_show(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh_tables()

    def _draw(self) -> None:
        term = self.current_term()
        field = self.query_one("#term", Input)
        if self.term is None and field.value != f"{term[0]}-{term[1]}":
            with field.prevent(Input.Changed):
                field.value = f"{term[0]}-{term[1]}"
        sets = [
            (r, name)
            for r, name in zip(
                self.rulesets, ("calendar.current", "calendar.compared"), strict=True
            )
            if r
        ]
        notes = [
            t(self.lang, "calendar.no_schedule", name=r.name) for r, _ in sets if r.schedule is None
        ]
        sets = [(r, n) for r, n in sets if r.schedule is not None]
        if not sets:
            self.query_one(Sections).show([], "\n".join(notes))
            return
        sections: list[tuple[str, StaticRows]] = [
            (t(self.lang, "tab.calendar"), self._calendar(term, sets))
        ]
        people = self.people()
        if people is not None:
            notes += self._sources(people)
        try:
            if people is not None:
                rows, unchecked = self._coverage(term, sets)
                sections.append((t(self.lang, "calendar.coverage"), rows))
                notes += unchecked
        except DataError as exc:
            notes += [bundled.shown_text(i.render(self.lang)) for i in exc.issues[:5]]
        except backend.EngineMissing as exc:
            notes.append(t(self.lang, "missing_feature", name=exc.name))
        self.query_one(Sections).show(sections, "\n".join(notes))

    def people(self) -> Dataset | None:
        """Whose coverage is shown: the time-in-post file if one was opened, else the data."""
        return self.posts or self.dataset

    def _sources(self, people: Dataset) -> list[str]:
        """Where the dates come from, and how many people's dates the term stands in for: people
        as the coverage counts them, once each from their latest row (not a row per round)."""
        lang = self.lang
        notes = [t(lang, "calendar.source", name=Path(people.path).name)]
        tallies = [people.tallies[i] for i in History.of(people).latest()]
        starts = sum("start" not in x.attrs for x in tallies)
        ends = sum("end" not in x.attrs for x in tallies)
        if starts:
            notes.append(t(lang, "calendar.no_start", n=starts, total=len(tallies)))
        if ends:
            notes.append(t(lang, "calendar.no_end", n=ends, total=len(tallies)))
        return notes

    def _calendar(self, term: tuple[int, int], sets: list[tuple[ast.Resolved, str]]) -> StaticRows:
        lang = self.lang
        votes = [{v.year: v for v in backend.calendar(_schedule(r), *term)} for r, _ in sets]
        columns = [Column("year", t(lang, "calendar.year"), "right")]
        columns += [
            Column(f"set{i}", f"{t(lang, key)}: {r.name}") for i, (r, key) in enumerate(sets)
        ]
        rows = []
        for year in range(*term):
            cells = [cell(str(year), sort=year, value=year, justify="right")]
            for found in votes:
                vote: Any = found.get(year)
                if vote is None:
                    cells.append(cell("—", style="dim", value=""))
                    continue
                when = t(lang, "calendar.when", year=vote.term_year, month=vote.month)
                text = f"✓ {vote.meeting or t(lang, 'calendar.vote')} ({when})"
                cells.append(cell(text, style="bold", value=text))
            rows.append((str(year), cells))
        return StaticRows(t(lang, "tab.calendar"), columns, rows)

    def _coverage(
        self, term: tuple[int, int], sets: list[tuple[ast.Resolved, str]]
    ) -> tuple[StaticRows, list[str]]:
        """Each person's votes, gaps and exemptions under each set; the exemptions not checked."""
        lang = self.lang
        source = self.people()
        assert source is not None
        found = [backend.coverage(_schedule(r), term, source, r.exempts) for r, _ in sets]
        notes = [
            f"{t(lang, key)}: {line}"
            for (_r, key), covered in zip(sets, found, strict=True)
            for line in backend.unchecked_lines(covered, lang)
        ]
        columns = [
            Column("name", t(lang, "col.name")),
            Column("position", t(lang, "col.position")),
            Column("start", t(lang, "calendar.from")),
            Column("end", t(lang, "calendar.to")),
        ]
        for i, (_r, key) in enumerate(sets):
            short = t(lang, key)
            columns += [
                Column(f"votes{i}", f"{t(lang, 'calendar.votes')} ({short})"),
                Column(f"gap{i}", f"{t(lang, 'calendar.gap')} ({short})", "right"),
                Column(f"exempt{i}", f"{t(lang, 'status.exempt')} ({short})"),
            ]
        rows: list[tuple[str, list[Cell]]] = []
        for index, first in enumerate(found[0]):
            tally = first.tally
            cells = [
                cell(tally.name, sort=name_key(tally.name)),
                cell(tally.position),
                cell(first.start.isoformat() if first.start else "—"),
                cell(first.end.isoformat() if first.end else "—"),
            ]
            for people in found:
                person = people[index]
                exempt = "; ".join(f"{v.year}: {reason}" for v, reason in person.exempted)
                if not person.in_term:
                    away = t(lang, "calendar.not_in_term")
                    cells += [cell(away, sort=-1, style="dim"), cell("—", sort=-1), cell("")]
                    continue
                years = ", ".join(str(v.year) for v in person.votes) or "—"
                gap = person.longest_gap
                cells.append(cell(f"{len(person.votes)}: {years}", sort=len(person.votes)))
                months = t(lang, "calendar.months", n=gap)
                cells.append(cell(months, sort=gap, value=gap, justify="right"))
                cells.append(cell(exempt))
            rows.append((tally.id, cells))
        return StaticRows(t(lang, "calendar.coverage"), columns, rows), notes


def _schedule(ruleset: ast.Resolved) -> ast.Schedule:
    assert ruleset.schedule is not None  # rule sets without one are left out before
    return ruleset.schedule
