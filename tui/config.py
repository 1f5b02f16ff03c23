"""What the app remembers between runs: the language, recent files and key overrides.

A TOML file under the user's config directory: `$TINNHIEM_CONFIG_DIR/config.toml` when that is
set (tests set it, so they never touch the real home), else the system's folder for settings
(`platformdirs`: `$XDG_CONFIG_HOME/tinnhiem/` or `~/.config/tinnhiem/` on Linux).
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs
import tomli_w
from tinnhiem.rules.messages import Message, message

from .i18n import LANGS, Lang

RECENT_MAX = 8


def config_dir() -> Path:
    if override := os.environ.get("TINNHIEM_CONFIG_DIR"):
        return Path(override)
    # the system's own place: $XDG_CONFIG_HOME or ~/.config on Linux, AppData on Windows,
    # ~/Library/Application Support on macOS
    return Path(platformdirs.user_config_dir("tinnhiem", appauthor=False))


@dataclass(frozen=True)
class Config:
    lang: Lang = "vi"
    theme: str = ""  # the colour theme chosen in the app; "" is Textual's default
    recent_data: tuple[str, ...] = ()
    recent_rules: tuple[str, ...] = ()
    # binding id -> keys, e.g. {"tinnhiem.open_data": "ctrl+o"}: lets a user remap any key
    keymap: dict[str, str] = field(default_factory=dict)
    # what the file holds that could not be used, one line each; while there is any, the file is
    # left as the user wrote it (saving would drop what they meant)
    ignored: tuple[Message, ...] = field(default=(), compare=False)

    def with_recent(self, kind: str, path: str | Path) -> Config:
        """The config with `path` first among the recent files of `kind` ("data" or "rules")."""
        text = str(Path(path).resolve())
        old = self.recent_data if kind == "data" else self.recent_rules
        new = (text, *(p for p in old if p != text))[:RECENT_MAX]
        return self._with(kind, new)

    def without_recent(self, kind: str, path: str | Path) -> Config:
        """The config without `path` among the recent files of `kind` (it failed to load)."""
        text = str(Path(path).resolve())
        old = self.recent_data if kind == "data" else self.recent_rules
        return self._with(kind, tuple(p for p in old if p != text))

    def _with(self, kind: str, recent: tuple[str, ...]) -> Config:
        if kind == "data":
            return replace(self, recent_data=recent)
        return replace(self, recent_rules=recent)


def load(folder: Path) -> Config:
    """The config stored in `folder`; defaults for what is not there or cannot be used, each
    such setting named in `Config.ignored`."""
    path = folder / "config.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        return Config(ignored=(message("config.unreadable", error=exc.strerror or str(exc)),))
    except UnicodeDecodeError as exc:
        return Config(ignored=(message("config.not_utf8", byte=exc.start),))
    except tomllib.TOMLDecodeError as exc:
        return Config(ignored=(message("config.not_toml", error=str(exc)),))
    except RecursionError:  # tomllib recurses into nested arrays
        return Config(ignored=(message("config.too_deep"),))
    ignored: list[Message] = []
    theme = data.get("theme", "")
    if not isinstance(theme, str):
        ignored.append(message("config.theme", value=_shown(theme)))
        theme = ""
    lang = data.get("lang", "vi")
    if lang not in LANGS:
        ignored.append(message("config.lang", value=_shown(lang)))
        lang = "vi"
    recent = data.get("recent", {})
    if not isinstance(recent, dict):
        ignored.append(message("config.recent", value=_shown(recent)))
        recent = {}
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        ignored.append(message("config.keymap", value=_shown(keymap)))
        keymap = {}
    for key, value in keymap.items():
        if not isinstance(value, str):
            ignored.append(message("config.key_not_text", key=key, value=_shown(value)))
    for name in sorted(data.keys() - {"lang", "theme", "recent", "keymap"}):
        ignored.append(message("config.unknown", name=name))
    return Config(
        lang=lang,
        theme=theme,
        recent_data=_paths(recent.get("data"), "recent.data", ignored),
        recent_rules=_paths(recent.get("rules"), "recent.rules", ignored),
        keymap={k: v for k, v in keymap.items() if isinstance(v, str)},
        ignored=tuple(ignored),
    )


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _paths(value: object, name: str, ignored: list[Message]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        ignored.append(message("config.paths", name=name, value=_shown(value)))
        return ()
    paths = tuple(p for p in value if isinstance(p, str))
    if len(paths) < len(value):
        ignored.append(message("config.not_paths", name=name, n=len(value) - len(paths)))
    return paths[:RECENT_MAX]


def save(folder: Path, config: Config) -> None:
    """Write the config; a config that cannot be written is not worth stopping the app for,
    and one whose file holds settings that were ignored is left for the user to fix."""
    if config.ignored:
        return
    document: dict[str, object] = {
        "lang": config.lang,
        "recent": {"data": list(config.recent_data), "rules": list(config.recent_rules)},
    }
    if config.theme:
        document["theme"] = config.theme
    if config.keymap:
        document["keymap"] = dict(config.keymap)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "config.toml"
        temporary = target.with_suffix(".toml.tmp")
        temporary.write_text(tomli_w.dumps(document), encoding="utf-8")
        temporary.replace(target)
    except OSError:
        pass
