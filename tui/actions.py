"""Every user action once: its key, its binding id, and its words; bindings, the command palette
and the help screen are all made from this table, in the language of the moment.

Binding ids let a user remap keys: `[keymap]` in config.toml, e.g. `"tinnhiem.export" = "f6"`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.binding import Binding

from .i18n import t

TABS = ("results", "report", "compare", "calendar", "sweep", "rules")


@dataclass(frozen=True)
class Action:
    name: str  # the binding id's last part and the i18n key's
    key: str
    action: str
    group: str  # an i18n key: group.data, group.rules, ...
    show: bool = False  # in the footer
    priority: bool = False
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"tinnhiem.{self.name}"

    def words(self, lang: str) -> tuple[str, str, str]:
        """(footer word, palette verb, tooltip) in `lang`."""
        key = "act.tab" if self.name.startswith("tab_") else f"act.{self.name}"
        fields = {k: t(lang, v) for k, v in self.fields.items()}
        short = t(lang, fields["name"]) if "name" in self.fields else t(lang, key)
        return short, t(lang, f"{key}.cmd", **fields), t(lang, f"{key}.tip", **fields)

    def command(self, lang: str) -> str:
        """How the command palette lists it: "group: verb"."""
        return f"{t(lang, self.group)}: {self.words(lang)[1]}"


ACTIONS: tuple[Action, ...] = (
    Action("help", "f1", "help", "group.app", show=True),
    Action("open_data", "ctrl+o", "open_data", "group.data", show=True),
    Action("reload", "f5", "reload", "group.data"),
    Action("choose_rules", "ctrl+r", "choose_rules", "group.rules", show=True),
    Action("save_overlay", "ctrl+s", "save_overlay", "group.rules", show=True),
    Action("revert", "f4", "revert", "group.rules"),
    Action("compare", "ctrl+t", "compare", "group.compare", show=True),
    Action("clear_compare", "ctrl+g", "clear_compare", "group.compare"),
    Action("export", "ctrl+e", "export", "group.table", show=True),
    Action("sort", "s", "sort", "group.table"),
    Action("reverse", "r", "reverse", "group.table"),
    Action("why", "w", "why", "group.view"),
    Action("run_sweep", "f9", "run_sweep", "group.view"),
    *(
        Action(f"tab_{tab}", str(n), f"tab('{tab}')", "group.view", fields={"name": f"tab.{tab}"})
        for n, tab in enumerate(TABS, 1)
    ),
    Action("palette", "ctrl+p", "command_palette", "group.app"),
    Action("language", "f2", "language", "group.app", show=True),
    Action("quit", "ctrl+q", "quit", "group.app", show=True, priority=True),
)
PALETTE_KEY = "ctrl+p"


def bindings(lang: str) -> list[Binding]:
    """The app's bindings with their words in `lang` (and Textual's ctrl+c hint, a system key)."""
    out = [Binding("ctrl+c", "help_quit", show=False, system=True)]
    for action in ACTIONS:
        short, _verb, tip = action.words(lang)
        out.append(
            Binding(
                action.key,
                action.action,
                short,
                show=action.show,
                priority=action.priority,
                tooltip=tip,
                id=action.id,
            )
        )
    return out


def by_name(name: str) -> Action:
    return next(a for a in ACTIONS if a.name == name)
