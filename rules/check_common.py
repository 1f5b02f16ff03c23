"""What the parts of the checker share: places, the files of a chain, the findings, value kinds."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from . import ast
from .errors import Diagnostic, Severity, did_you_mean, source_line
from .fmt import format_value
from .messages import Message
from .messages import message as said

# what each function takes, said in the reader's language
FUNCTIONS: Mapping[str, Message] = {
    name: said(f"arity.{name}") for name in ("year", "months", "rounded")
}
ARITY = {"year": 1, "months": 2, "rounded": 2}
MAX_PLACES = 6  # `rounded(share(x), N)`: decimal places of the percentage, 0 to this
# The kind of value each declared type of attribute is (`attribute x yes-no "…"`).
DECLARED: Mapping[str, str] = {"yes-no": "bool", "date": "date", "number": "number", "text": "text"}
STATUSES = ("evaluated", "exempt", "invalid")
COLUMNS = ("id", "name", "position", "group", "unit", "round")
REPORT_COLUMNS = ("group", "unit", "position", "round")
VOTE_NAMES = ("vote_date", "vote_year")

Kind = str  # share | votes | number | date | bool | text | any
# each kind of value in words ("a share"), said in the reader's language; `str()` is English
WORDS: Mapping[Kind, Message] = {
    kind: said(f"value_kind.{kind}")
    for kind in ("share", "votes", "number", "date", "bool", "text")
}
PLURALS = {"level": "levels", "block": "blocks", "class": "classes", "name": "names"}


# --- where things are ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    line: int
    column: int
    width: int

    @staticmethod
    def of(span: ast.Span, width: int | None = None) -> Place:
        if width is None:
            single = span.end_line == span.line and span.end_column > span.column
            width = span.end_column - span.column if single else 1
        return Place(span.line, span.column, max(width, 1))

    @staticmethod
    def at(span: ast.Span, fallback: ast.Span) -> Place:
        """A part's own span; the start of its statement for a tree built without part spans."""
        return Place.of(span) if span != ast.NOWHERE else Place.of(fallback, 1)


def first_word(span: ast.Span, word: str) -> Place:
    """The word a statement or item starts with (its keyword, or the id of a level)."""
    return Place(span.line, span.column, len(word))


@dataclass(frozen=True, slots=True)
class File:
    """One file of the chain: its rule set, its text, its place in the chain (0 is the file)."""

    rs: ast.RuleSet
    text: str
    order: int

    @property
    def path(self) -> str:
        return self.rs.path


class Findings:
    """The diagnostics found so far, one of each, and which file each statement belongs to."""

    def __init__(self, chain: Sequence[ast.RuleSet], texts: Mapping[str, str]) -> None:
        self.files = [File(rs, texts.get(rs.path, ""), i) for i, rs in enumerate(chain)]
        self._owners = {id(s): f for f in self.files for s in f.rs.statements}
        # (file, line, column, message) -> (order said, diagnostic)
        self._found: dict[tuple[int, int, int, str], tuple[int, Diagnostic]] = {}
        # while set, what is found in a base is said at the top file's `extends` instead:
        # (the place there, the words put before the message, the hint added)
        self.redirect: tuple[Place, Message, Message] | None = None

    def owner(self, statement: object) -> File:
        return self._owners.get(id(statement), self.files[0])

    def say(
        self,
        severity: Severity,
        file: File,
        place: Place,
        message: str | Message,
        hint: str | Message | None = None,
    ) -> None:
        """A finding; a `Message` of the catalog is said in the reader's language too."""
        if self.redirect is not None and file.order > 0:
            at, before, added = self.redirect
            where = f"{_name(file.path)}:{place.line}"
            message = said("check.redirected", before=before, where=where, message=message)
            hint = said("check.or", hint=hint, added=added) if hint else added
            file, place = self.files[0], at
        diag = Diagnostic(
            severity,
            str(message),
            file.path,
            place.line,
            place.column,
            source_line(file.text, place.line),
            place.width,
            None if hint is None else str(hint),
            message if isinstance(message, Message) else None,
            hint if isinstance(hint, Message) else None,
        )
        key = (file.order, place.line, place.column, diag.message)
        self._found.setdefault(key, (len(self._found), diag))

    def error(
        self, file: File, place: Place, message: str | Message, hint: str | Message | None = None
    ) -> None:
        self.say("error", file, place, message, hint)

    def warn(
        self, file: File, place: Place, message: str | Message, hint: str | Message | None = None
    ) -> None:
        self.say("warning", file, place, message, hint)

    def result(self) -> list[Diagnostic]:
        """Sorted by file (the file first, then its bases), line and column."""
        ordered = sorted(self._found.items(), key=lambda item: (item[0][:3], item[1][0]))
        return [diag for _, (_, diag) in ordered]

    @staticmethod
    def where(here: File, there: File, line: int) -> str | Message:
        return said("check.at_line", line=line) if here is there else f"{there.path}:{line}"


def _name(path: str) -> str:
    """A base as its file name: the folder it is installed in is no business of a message."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


# --- saying values and names -----------------------------------------------------------------


show = format_value  # a value as the language writes it: `previous share(cao + tn)`, `2/3`


def listing(names: Sequence[str]) -> str | Message:
    quoted = [f"`{n}`" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return said("rules.listing", first=", ".join(quoted[:-1]), last=quoted[-1])


def known_hint(name: str, known: Sequence[str], noun: str) -> Message | None:
    """ "did you mean" when a known name is close; else the known names, when there are few."""
    close = did_you_mean(name, known)
    if close or not known or len(known) > 12:
        return close
    if len(known) == 1:
        return said(f"rules.only.{noun}", name=known[0])
    return said(f"rules.known.{noun}", names=listing(known))


# --- kinds of values -------------------------------------------------------------------------


def kind_of(value: ast.Value) -> Kind:
    if isinstance(value, ast.Number):
        return "number"
    if isinstance(value, ast.Share):
        return "share"
    if isinstance(value, ast.Count | ast.Turnout):
        return "votes"
    if isinstance(value, ast.Call):
        if value.func == "rounded":
            return "share"
        return "number" if value.func in ARITY else "any"
    if isinstance(value, ast.Literal_):
        literal = value.value
        if isinstance(literal, bool):
            return "bool"
        return "date" if isinstance(literal, dt.date) else "text"
    return attr_kind(value.name)


def attr_kind(name: str) -> Kind:
    if name in ast.TURNOUT:
        return "votes"
    if name == "vote_date":
        return "date"
    if name == "vote_year":
        return "number"
    if name in COLUMNS and name != "round":
        return "text"
    return "any"


def scalar_kind(value: ast.Scalar) -> Kind:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | Fraction):
        return "number"
    return "date" if isinstance(value, dt.date) else "text"


def whole(setting: ast.Setting) -> bool:
    return re.fullmatch(r"\d+", setting.text) is not None


def votes(setting: ast.Setting) -> int:
    """The whole number a setting gives (only for settings that are `whole`)."""
    return int(setting.text)


# --- walking conditions and examples ---------------------------------------------------------


conds = ast.walk_conds
values = ast.walk_values


def previous_blocks(example: ast.Example) -> list[tuple[ast.Setting, ...]]:
    """The settings of each `previous { … }` block (one block for a tree built without spans)."""
    starts = [(s.line, s.column) for s in example.previous_spans]
    if len(starts) < 2:
        return [example.previous]
    blocks: list[list[ast.Setting]] = [[] for _ in starts]
    for setting in example.previous:
        at = (setting.span.line, setting.span.column)
        blocks[max((i for i, s in enumerate(starts) if s <= at), default=0)].append(setting)
    return [tuple(block) for block in blocks]


def setting_groups(example: ast.Example) -> list[tuple[ast.Setting, ...]]:
    """The settings of this vote, then of each previous block: a name is set once in each."""
    return [example.settings, *previous_blocks(example)]
