"""The line at the top: which rules, which data, what is compared, and whether all is well."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from ..i18n import t


@dataclass(frozen=True)
class Status:
    rules: str = ""  # the rule set's name
    rules_file: str = ""
    data_file: str = ""
    people: int = 0
    votes: int = 0  # rows: more than the people when someone voted in several rounds
    compare: str = ""
    errors: int = 0
    warnings: int = 0
    edited: bool = False
    busy: bool = False
    arranging: str = ""  # a sort or a find of the results being made ("đang sắp xếp theo …")
    no_results: bool = False  # the rule set named here could not be evaluated on the data
    palette: Mapping[str, str] = field(default_factory=dict)


def keep(text: str) -> str:
    """Text that does not break across lines."""
    return text.replace(" ", "\u00a0")


class StatusBar(Static):
    lang = reactive("vi")
    status: reactive[Status] = reactive(Status)

    def render_status(self, drop: int = 0) -> Text:
        """The line; `drop` leaves out what matters least, so that it fits on one line: 1 the
        rules' file name, 2 also the data's count of people."""
        s, lang = self.status, self.lang
        accent = s.palette.get("text-primary", "")
        line = Text(no_wrap=False, overflow="fold")

        def part(label: str, value: str, extra: str = "") -> None:
            # no-break spaces inside a part: a narrow terminal wraps between parts only
            if line:
                line.append("  │  ", style="dim")
            line.append(keep(f"{label}: "), style="dim")
            line.append(keep(value or t(lang, "status.none")), style=f"bold {accent}")
            if extra:
                line.append(keep(f" {extra}"), style="dim")

        # whether all is well comes first: on a narrow terminal the end of the line is cut
        if s.errors:
            error = keep("✗ " + t(lang, "status.errors", n=s.errors))
            line.append(error, style=f"bold {s.palette.get('text-error', '')}")
        elif s.no_results:
            error = keep("✗ " + t(lang, "status.no_results"))
            line.append(error, style=f"bold {s.palette.get('text-error', '')}")
        else:
            line.append(keep("✓ " + t(lang, "status.ok")), style=s.palette.get("text-success", ""))
        if s.warnings:
            warned = ", " + t(lang, "status.warnings", n=s.warnings)
            line.append(keep(warned), style=s.palette.get("text-warning", ""))
        if s.edited:
            line.append(keep(f"  ● {t(lang, 'status.edited')}"), style="italic")
        if s.busy:
            line.append(keep(f"  {t(lang, 'status.loading')}"), style="italic dim")
        if s.arranging:
            line.append(keep(f"  {s.arranging}"), style="italic dim")
        file = f"({s.rules_file})" if s.rules_file and drop < 1 else ""
        part(t(lang, "status.rules"), s.rules, file)
        people = t(lang, "status.people", n=s.people) if s.data_file else ""
        if s.data_file and s.votes > s.people:
            people = t(lang, "status.people_votes", n=s.people, m=s.votes)
        part(t(lang, "status.data"), s.data_file, f"({people})" if people and drop < 2 else "")
        if s.compare:
            part(t(lang, "status.compare"), s.compare)
        return line

    def fitted(self) -> Text:
        """The whole line if it fits the bar, else the line without what matters least: the
        compared rule set's name is not cut off at the end."""
        room = self.content_region.width * max(self.content_region.height, 1)
        for drop in range(3):
            line = self.render_status(drop)
            if room <= 0 or line.cell_len <= room:
                break
        return line

    # its height is fixed in app.tcss (one line, two on a narrow screen): no layout to redo
    def watch_status(self) -> None:
        self.update(self.fitted(), layout=False)

    def watch_lang(self) -> None:
        self.update(self.fitted(), layout=False)

    def on_resize(self) -> None:
        self.update(self.fitted(), layout=False)
