"""The rule sets and sample data that ship with tinnhiem, and how a name finds a rules file."""

from __future__ import annotations

import contextlib
import os
from importlib.resources import files
from pathlib import Path

from tinnhiem.rules import Loader, disk_loader

DEFAULT_RULES = "qd262-2014.tn"
DEFAULT_DATA = "phu-luc-2022.csv"


def samples_dir() -> Path:
    return Path(str(files("tinnhiem.samples")))


def rules_dir() -> Path:
    return samples_dir() / "rules"


def data_dir() -> Path:
    return samples_dir() / "data"


def bundled_rules() -> list[Path]:
    return sorted(rules_dir().glob("*.tn"))


def default_rules() -> Path:
    return rules_dir() / DEFAULT_RULES


def default_data() -> Path:
    return data_dir() / DEFAULT_DATA


def find_rules(name: str | Path) -> Path:
    """A path as given if it exists, else a bundled rule set by file name, with or without `.tn`."""
    path = Path(name)
    if path.exists():
        return path
    for candidate in (rules_dir() / path.name, rules_dir() / f"{path.name}.tn"):
        if candidate.is_file():
            return candidate
    return path


def bundled_data() -> list[Path]:
    """The sample data files (not the turnout files beside the ballots)."""
    return sorted(p for p in data_dir().iterdir() if p.is_file() and ".turnout." not in p.name)


def find_data(name: str | Path) -> Path:
    """A path as given if it exists, else a bundled sample by name, with or without suffix.

    Only a bare name is looked up: a path with a folder that does not exist stays as given (a
    typo must never be answered with the bundled file of the same name)."""
    path = Path(name)
    if path.exists() or path.parent != Path("."):
        return path
    for candidate in bundled_data():
        if path.name in (candidate.name, candidate.stem):
            return candidate
    return path


def is_bundled(path: Path) -> bool:
    """Whether `path` is one of the rule sets that ship with tinnhiem."""
    try:
        # the folder, not the file: an editable install links each bundled file to the checkout
        return path.absolute().parent.resolve() == rules_dir().resolve()
    except OSError:
        return False


def shown_name(path: Path) -> str:
    """A file as messages and results name it: a bundled one by its file name (`qd96-2023.tn`),
    never by the folder the package is installed in; any other as given."""
    try:
        parent = path.parent.resolve()
    except OSError:
        return str(path)
    for folder in (rules_dir(), data_dir()):
        try:
            if parent == folder.resolve():
                return path.name
        except OSError:
            continue
    return str(path)


def loader() -> Loader:
    """Bases of `extends` are looked for beside the overlay, then among the bundled rule sets."""
    return disk_loader(rules_dir())


def shown_text(text: str) -> str:
    """`text` with the folders tinnhiem is installed in taken out of the paths it names: a
    bundled file is named by its bundled name (`vinh-phuc-2023.csv`), never by
    `build/__editable__…` or `site-packages`."""
    for folder in (data_dir(), rules_dir()):
        forms = {str(folder)}
        with contextlib.suppress(OSError):  # a folder that cannot be resolved keeps its name
            forms.add(str(folder.resolve()))
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form + os.sep, "")
    return text
