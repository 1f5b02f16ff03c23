"""What the app remembers between runs: the language, recent files and key overrides.

A TOML file under the user's config directory: `$TINNHIEM_CONFIG_DIR/config.toml` when that is
set (tests set it, so they never touch the real home), else `$XDG_CONFIG_HOME/tinnhiem/`, else
`~/.config/tinnhiem/`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from .i18n import LANGS, Lang

RECENT_MAX = 8


def config_dir() -> Path:
    if override := os.environ.get("TINNHIEM_CONFIG_DIR"):
        return Path(override)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "tinnhiem"


@dataclass(frozen=True)
class Config:
    lang: Lang = "vi"
    recent_data: tuple[str, ...] = ()
    recent_rules: tuple[str, ...] = ()
    # binding id -> keys, e.g. {"tinnhiem.open_data": "ctrl+o"}: lets a user remap any key
    keymap: dict[str, str] = field(default_factory=dict)

    def with_recent(self, kind: str, path: str | Path) -> Config:
        """The config with `path` first among the recent files of `kind` ("data" or "rules")."""
        text = str(Path(path).resolve())
        old = self.recent_data if kind == "data" else self.recent_rules
        new = (text, *(p for p in old if p != text))[:RECENT_MAX]
        if kind == "data":
            return replace(self, recent_data=new)
        return replace(self, recent_rules=new)


def load(folder: Path) -> Config:
    """The config stored in `folder`; defaults when there is none or it cannot be read."""
    try:
        data = tomllib.loads((folder / "config.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return Config()
    lang = data.get("lang")
    recent = data.get("recent", {})
    keymap = data.get("keymap", {})
    return Config(
        lang=lang if lang in LANGS else "vi",
        recent_data=_paths(recent.get("data") if isinstance(recent, dict) else None),
        recent_rules=_paths(recent.get("rules") if isinstance(recent, dict) else None),
        keymap={str(k): str(v) for k, v in keymap.items()} if isinstance(keymap, dict) else {},
    )


def _paths(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(p) for p in value if isinstance(p, str))[:RECENT_MAX]


def save(folder: Path, config: Config) -> None:
    """Write the config; a config that cannot be written is not worth stopping the app for."""
    document: dict[str, object] = {
        "lang": config.lang,
        "recent": {"data": list(config.recent_data), "rules": list(config.recent_rules)},
    }
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
