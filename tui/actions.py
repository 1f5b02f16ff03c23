"""Every user action once: its key, its binding id, and its words; bindings, the command palette
and the help screen are all made from this table, in the language of the moment.

Binding ids let a user remap keys: `[keymap]` in config.toml, e.g. `"tinnhiem.export" = "f6"`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character
from tinnhiem.rules.messages import Message, message

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
    Action("goto_line", "ctrl+l", "goto_line", "group.rules"),
    Action("plain", "f3", "plain", "group.rules"),
    Action("compare", "ctrl+t", "compare", "group.compare", show=True),
    Action("clear_compare", "ctrl+g", "clear_compare", "group.compare"),
    Action("export", "ctrl+e", "export", "group.table", show=True),
    Action("sort", "s", "sort", "group.table"),
    Action("reverse", "r", "reverse", "group.table"),
    Action("find", "slash", "find", "group.table"),
    Action("copy_row", "c", "copy_row", "group.table"),
    Action("copy_why", "y", "copy_why", "group.view"),
    Action("why", "w", "why", "group.view"),
    Action("goto_rule", "g", "goto_rule", "group.view"),
    Action("run_sweep", "f9", "run_sweep", "group.view"),
    *(
        Action(f"tab_{tab}", str(n), f"tab('{tab}')", "group.view", fields={"name": f"tab.{tab}"})
        for n, tab in enumerate(TABS, 1)
    ),
    # the palette in the footer, the language in it (F1 and F2 stay): the footer fits 80 columns
    Action("palette", "ctrl+p", "command_palette", "group.app", show=True),
    Action("language", "f2", "language", "group.app"),
    Action("quit", "ctrl+q", "quit", "group.app", show=True, priority=True),
)
PALETTE_KEY = "ctrl+p"


def bindings(lang: str) -> list[Binding]:
    """The app's bindings with their words in `lang` (and Textual's ctrl+c hint, a system key)."""
    out = [Binding("ctrl+c", "help_quit", show=False, system=True)]
    # Esc stops waiting for data being loaded; hidden: it does nothing at other times
    out.append(Binding("escape", "cancel_load", show=False, system=True, id="app.cancel_load"))
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


MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
KEY_NAMES = frozenset(k.value.split("+")[-1] for k in Keys) | set(KEY_NAME_REPLACEMENTS.values())


def is_key(key: str) -> bool:
    """Whether Textual knows `key` ("f6", "ctrl+o", "slash", "x")."""
    *modifiers, name = key.split("+")
    if not name or not MODIFIERS.issuperset(modifiers):
        return False
    if len(name) == 1:
        return name.isprintable()
    return name in KEY_NAMES or bool(key_to_character(name))


def checked_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[Message]]:
    """The remappings of `[keymap]` that can be used, and why each other one cannot (a line
    each): an unknown binding id, an unknown key, or a key another action already has."""
    keys = {a.id: [a.key] for a in ACTIONS}  # each action's keys once the keymap is applied
    usable: dict[str, str] = {}
    problems: list[Message] = []
    for binding, value in keymap.items():
        wanted = [k.strip() for k in value.split(",")]
        taken = {k: b for b, ks in keys.items() if b != binding for k in ks}
        if binding not in keys:
            problems.append(message("config.no_action", binding=binding))
        elif bad := [k for k in wanted if not is_key(k)]:
            problems.append(
                message("config.not_a_key", binding=binding, value=value, keys=", ".join(bad))
            )
        elif clash := [k for k in wanted if k in taken]:
            other = taken[clash[0]]
            problems.append(
                message("config.key_taken", binding=binding, value=value, key=clash[0], other=other)
            )
        else:
            usable[binding] = value
            keys[binding] = wanted
    return usable, problems


def by_name(name: str) -> Action:
    return next(a for a in ACTIONS if a.name == name)
