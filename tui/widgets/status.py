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
    compare: str = ""
    errors: int = 0
    warnings: int = 0
    edited: bool = False
    busy: bool = False
    palette: Mapping[str, str] = field(default_factory=dict)


class StatusBar(Static):
    lang = reactive("vi")
    status: reactive[Status] = reactive(Status, always_update=True)

    def render_status(self) -> Text:
        s, lang = self.status, self.lang
        accent = s.palette.get("text-primary", "")
        line = Text(no_wrap=False, overflow="fold")

        def part(label: str, value: str, extra: str = "") -> None:
            if line:
                line.append("  │  ", style="dim")
            line.append(f"{label}: ", style="dim")
            line.append(value or t(lang, "status.none"), style=f"bold {accent}")
            if extra:
                line.append(f" {extra}", style="dim")

        part(t(lang, "status.rules"), s.rules, f"({s.rules_file})" if s.rules_file else "")
        people = t(lang, "status.people", n=s.people) if s.data_file else ""
        part(t(lang, "status.data"), s.data_file, f"({people})" if people else "")
        if s.compare:
            part(t(lang, "status.compare"), s.compare)
        line.append("  │  ", style="dim")
        if s.errors:
            line.append(
                "✗ " + t(lang, "status.errors", n=s.errors),
                style=f"bold {s.palette.get('text-error', '')}",
            )
        else:
            line.append("✓ " + t(lang, "status.ok"), style=s.palette.get("text-success", ""))
        if s.warnings:
            line.append(
                ", " + t(lang, "status.warnings", n=s.warnings),
                style=s.palette.get("text-warning", ""),
            )
        if s.edited:
            line.append(f"  ● {t(lang, 'status.edited')}", style="italic")
        if s.busy:
            line.append(f"  {t(lang, 'status.loading')}", style="italic dim")
        return line

    def watch_status(self) -> None:
        self.update(self.render_status())

    def watch_lang(self) -> None:
        self.update(self.render_status())
