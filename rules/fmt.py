"""The canonical layout of a rule file, keeping its comments.

`format_ruleset(parse(text))` is what `tinnhiem fmt` prints; formatting is idempotent and the
formatted text parses to a tree equal to the original one (spans and comments aside).

The layout, decided here where the brief left a choice:

- Header: `ruleset "…"` (with ` extends "…"`), then `in force from … until …` on its own line,
  then each `source` on its own line; sources written further down the file move up into the
  header. One blank line after the header.
- `attribute` lines stand together, as do `drop` lines (no blank line between two of a kind).
- Blank lines between top-level statements come from their kinds, never from the source: none
  inside the group levels / map / basis / quorum / schedule, none between two `exempt` lines or
  two `report` lines, one everywhere else (every `classify` and `example` block stands apart).
- Ids in `levels` and in a `classify` block are padded to the longest id of the block; the `else`
  line is not padded, and its id does not count for the width.
- A `note` goes on its own line, two spaces deeper than its rule or exemption.
- An example's settings go on one line joined by "; ", then `previous { … }` (omitted when
  empty), then one line per `expect`. Settings are printed as written (their source text), so
  an unusual escape in a text setting stays as it was.
- Empty blocks print as `{}` on one line (`levels {}`, `example "x" {}`).
- `schedule`: `term N year(s)` (left out when the term is 0, which is what a schedule without
  `term` parses to), then `vote in year 3` / `vote in years 2, 4` / `vote every year`, then the
  meeting. A month without a meeting cannot be written in the language and is dropped.
- Conditions get the fewest parentheses that keep the tree: `or` binds loosest, then `and`, then
  `not`; a nested `and` inside `and` (or `or` inside `or`) keeps its parentheses because the
  parser would flatten it otherwise.
- Comments: one that follows something on its line stays at the end of the line printed for that
  item, two spaces before `#` (several join on that line); one on its own line goes on its own
  line before the next item, at that item's indentation (inside a block before its `}`, at the
  block's inner indentation). Comments before a statement come after the blank line that
  separates it from the previous one; comments after the last statement end the file, after a
  blank line. A comment inside an item printed on one line (a condition over several lines,
  an example's settings, an empty block) joins the end of that line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from . import ast

Pos = tuple[int, int]
_FAR = 10**9
INDENT = 2


# --- pieces ------------------------------------------------------------------------------------


def quote(text: str) -> str:
    """A string literal of the language: `"` and `\\` escaped with a backslash."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def format_number(number: ast.Number) -> str:
    """A number as written in the source (`2/3`, `50%`), or its exact value if it has no text."""
    return number.text or _fraction(number.value)


def _fraction(value: Fraction) -> str:
    return str(value)


def format_value(value: ast.Value) -> str:
    """One operand of a comparison, in the language's syntax."""
    if isinstance(value, ast.Number):
        return format_number(value)
    if isinstance(value, ast.Share | ast.Count):
        word = "share" if isinstance(value, ast.Share) else "count"
        prefix = "previous " if value.previous else ""
        return f"{prefix}{word}({' + '.join(value.levels)})"
    if isinstance(value, ast.Turnout | ast.Attr):
        return value.name
    if isinstance(value, ast.Call):
        return f"{value.func}({', '.join(format_value(a) for a in value.args)})"
    return _literal(value.value)


def _literal(value: ast.Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, Fraction):
        return _fraction(value)
    return str(value)


def _binding(cond: ast.Cond) -> int:
    if isinstance(cond, ast.Or):
        return 1
    if isinstance(cond, ast.And):
        return 2
    if isinstance(cond, ast.Not):
        return 3
    return 4


def format_cond(cond: ast.Cond) -> str:
    """A condition with the fewest parentheses that parse back to the same tree."""
    if isinstance(cond, ast.Compare):
        return f"{format_value(cond.left)} {cond.op} {format_value(cond.right)}"
    if isinstance(cond, ast.Truthy):
        return cond.value.name
    if isinstance(cond, ast.InSet):
        word = "not in" if cond.negated else "in"
        items = ", ".join(format_value(item) for item in cond.items)
        return f"{format_value(cond.value)} {word} {{{items}}}"
    if isinstance(cond, ast.Missing):
        word = "is not missing" if cond.negated else "is missing"
        return f"{cond.value.name} {word}"
    if isinstance(cond, ast.Not):
        return "not " + _wrapped(cond.operand, 2)
    word, level = (" or ", 1) if isinstance(cond, ast.Or) else (" and ", 2)
    return word.join(_wrapped(operand, level) for operand in cond.operands)


def _wrapped(cond: ast.Cond, at_most: int) -> str:
    """`cond`, in parentheses if it binds no tighter than `at_most`."""
    text = format_cond(cond)
    return f"({text})" if _binding(cond) <= at_most else text


def format_setting(setting: ast.Setting) -> str:
    return f"{setting.name} {setting.text or _literal(setting.value)}"


def format_drop(drop: ast.Drop) -> str:
    if drop.kind == "quorum":
        return "drop quorum"
    name = drop.name if drop.kind == "classify" else quote(drop.name)
    return f"drop {drop.kind} {name}"


def format_in_force(in_force: ast.InForce) -> str:
    """`in force from 2015-07-01 until 2023-06-30`, either part left out when absent."""
    parts = ["in force"]
    if in_force.start is not None:
        parts.append(f"from {in_force.start.isoformat()}")
    if in_force.end is not None:
        parts.append(f"until {in_force.end.isoformat()}")
    return " ".join(parts)


def format_schedule(schedule: ast.Schedule) -> str:
    items = []
    if schedule.term_years:
        unit = "year" if schedule.term_years == 1 else "years"
        items.append(f"term {schedule.term_years} {unit}")
    if not schedule.years:
        items.append("vote every year")
    elif len(schedule.years) == 1:
        items.append(f"vote in year {schedule.years[0]}")
    else:
        items.append("vote in years " + ", ".join(str(y) for y in schedule.years))
    if schedule.meeting is not None:
        month = f" month {schedule.month}" if schedule.month is not None else ""
        items.append(f"meeting {quote(schedule.meeting)}{month}")
    return "schedule { " + "; ".join(items) + " }"


# --- lines with their place in the source ------------------------------------------------------


@dataclass
class _Line:
    """One printed line, with the stretch of source it stands for (to seat the comments)."""

    indent: int
    text: str
    start: Pos
    end: Pos
    inner: int = -1  # indentation of the comments put before this line; -1: the line's own
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)

    def render(self) -> list[str]:
        inner = self.indent if self.inner < 0 else self.inner
        lines = [" " * inner + comment for comment in self.before]
        lines.append(" " * self.indent + self.text + "".join("  " + c for c in self.after))
        return lines


@dataclass
class _Chunk:
    group: str
    lines: list[_Line]


def _start(span: ast.Span) -> Pos:
    return (span.line, span.column)


def _end(span: ast.Span) -> Pos:
    return (span.end_line, span.end_column)


def _first_line(span: ast.Span) -> Pos:
    return (span.line, _FAR)


def _closing(span: ast.Span, indent: int) -> _Line:
    return _Line(indent, "}", (span.end_line, span.end_column - 1), _end(span), indent + INDENT)


def _note_start(span: ast.Span, note: str) -> Pos:
    """Where the note's text begins: it ends its statement and holds no line break."""
    return (span.end_line, max(span.end_column - len(quote(note)), 1))


def _with_note(
    indent: int, text: str, span: ast.Span, cond: ast.Cond | None, note: str | None
) -> list[_Line]:
    if note is None:
        return [_Line(indent, text, _start(span), _end(span))]
    note_at = _note_start(span, note)
    end = _end(cond.span) if cond is not None and cond.span.line else note_at
    return [
        _Line(indent, text, _start(span), end),
        _Line(indent + INDENT, f"note {quote(note)}", note_at, _end(span)),
    ]


def _padded(ids: Iterable[str]) -> int:
    return max((len(i) for i in ids), default=0)


def _levels(levels: ast.Levels) -> list[_Line]:
    span = levels.span
    if not levels.levels:
        return [_Line(0, "levels {}", _start(span), _end(span))]
    width = _padded(levels.ids)
    lines = [_Line(0, "levels {", _start(span), _first_line(span))]
    for level in levels.levels:
        text = f"{level.id.ljust(width)} {quote(level.label)}"
        lines.append(_Line(INDENT, text, _start(level.span), _end(level.span)))
    lines.append(_closing(span, 0))
    return lines


def _classify(block: ast.Classify) -> list[_Line]:
    span = block.span
    lines = [
        _Line(0, f"classify {block.id} {quote(block.label)} {{", _start(span), _first_line(span))
    ]
    width = _padded(rule.id for rule in block.rules if not rule.is_else)
    for rule in block.rules:
        if rule.when is None:
            text = f"else {rule.id} {quote(rule.label)}"
        else:
            text = f"{rule.id.ljust(width)} {quote(rule.label)} when {format_cond(rule.when)}"
        lines.extend(_with_note(INDENT, text, rule.span, rule.when, rule.note))
    lines.append(_closing(span, 0))
    return lines


def _settings_line(indent: int, text: str, settings: Sequence[ast.Setting]) -> _Line:
    start = min(_start(s.span) for s in settings)
    end = max(_end(s.span) for s in settings)
    return _Line(indent, text, start, end)


def _example(example: ast.Example) -> list[_Line]:
    span = example.span
    head = f"example {quote(example.name)} {{"
    if not (example.settings or example.previous or example.expects):
        return [_Line(0, head + "}", _start(span), _end(span))]
    lines = [_Line(0, head, _start(span), _first_line(span))]
    if example.settings:
        text = "; ".join(format_setting(s) for s in example.settings)
        lines.append(_settings_line(INDENT, text, example.settings))
    if example.previous:
        text = "previous { " + "; ".join(format_setting(s) for s in example.previous) + " }"
        lines.append(_settings_line(INDENT, text, example.previous))
    for expect in example.expects:
        text = f"expect {expect.block} {expect.klass}"
        lines.append(_Line(INDENT, text, _start(expect.span), _end(expect.span)))
    lines.append(_closing(span, 0))
    return lines


_GROUPS: dict[type, str] = {
    ast.Levels: "setup",
    ast.LevelMap: "setup",
    ast.Basis: "setup",
    ast.Quorum: "setup",
    ast.Schedule: "setup",
    ast.Exempt: "exempt",
    ast.Classify: "classify",
    ast.Report: "report",
    ast.Example: "example",
    ast.Drop: "drop",
    ast.AttributeDecl: "attribute",
}
_APART = ("header", "classify", "example")


def _statement(statement: ast.Statement) -> list[_Line]:
    if isinstance(statement, ast.Levels):
        return _levels(statement)
    if isinstance(statement, ast.Classify):
        return _classify(statement)
    if isinstance(statement, ast.Example):
        return _example(statement)
    if isinstance(statement, ast.Exempt):
        text = f"exempt {quote(statement.reason)} when {format_cond(statement.when)}"
        return _with_note(0, text, statement.span, statement.when, statement.note)
    if isinstance(statement, ast.LevelMap):
        text = f"map {statement.source} -> {statement.target}"
    elif isinstance(statement, ast.Basis):
        text = f"basis {statement.kind}"
    elif isinstance(statement, ast.Quorum):
        number = format_number(statement.fraction)
        text = f"quorum {statement.measure} {statement.op} {number} of {statement.of}"
    elif isinstance(statement, ast.Schedule):
        text = format_schedule(statement)
    elif isinstance(statement, ast.Drop):
        text = format_drop(statement)
    elif isinstance(statement, ast.AttributeDecl):
        text = f"attribute {statement.name} {statement.type} {quote(statement.label)}"
    else:
        counts = "; ".join(f"count {c}" for c in statement.counts)
        body = "{ " + counts + " }" if counts else "{}"
        text = f"report {quote(statement.title)} by {statement.by} {body}"
    return [_Line(0, text, _start(statement.span), _end(statement.span))]


def _source_places(rs: ast.RuleSet, after_line: int) -> list[tuple[Pos, Pos]]:
    """Where each `source` was written.

    The tree keeps no span per source, so they are placed from the end of the header upwards,
    one a line, skipping the lines that hold a comment at column 1 (exact for canonical files).
    A tree that carries `source_spans` is used as is.
    """
    spans: tuple[ast.Span, ...] | None = getattr(rs, "source_spans", None)
    if spans and len(spans) == len(rs.sources):
        return [(_start(s), _end(s)) for s in spans]
    comment_lines = {c.line for c in rs.comments if c.column == 1}
    lines = [n for n in range(after_line + 1, rs.span.end_line + 1) if n not in comment_lines]
    in_header = min(len(lines), len(rs.sources))
    places = [((n, 1), (n, _FAR)) for n in lines[len(lines) - in_header :]]
    # Sources written further down the file come last and keep no place.
    return places + [((0, 0), (0, 0))] * (len(rs.sources) - in_header)


def _header(rs: ast.RuleSet) -> list[_Line]:
    text = f"ruleset {quote(rs.name)}"
    if rs.extends is not None:
        text += f" extends {quote(rs.extends)}"
    last = max(rs.span.line, rs.extends_span.end_line if rs.extends is not None else 0)
    lines = [_Line(0, text, _start(rs.span), (last, _FAR))]
    if rs.in_force is not None:
        span = rs.in_force.span
        if span.line:
            last = max(last, span.end_line)
        lines.append(_Line(0, format_in_force(rs.in_force), _start(span), _end(span)))
    for source, (start, end) in zip(rs.sources, _source_places(rs, last), strict=True):
        lines.append(_Line(0, f"source {quote(source)}", start, end))
    return lines


def _seat(comments: Iterable[ast.Comment], lines: Sequence[_Line]) -> list[str]:
    """Attach each comment to a line (at its end, or before it); return those left for the end."""
    trailing: list[str] = []
    for comment in sorted(comments, key=lambda c: (c.line, c.column)):
        at: Pos = (comment.line, comment.column)
        text = comment.text.rstrip()
        holders = [
            (line.start, i)
            for i, line in enumerate(lines)
            if line.start < at and line.end[0] >= comment.line and line.start[0] > 0
        ]
        if holders:
            lines[max(holders)[1]].after.append(text)
            continue
        following = [(line.start, i) for i, line in enumerate(lines) if line.start > at]
        if following:
            lines[min(following)[1]].before.append(text)
        else:
            trailing.append(text)
    return trailing


def format_ruleset(rs: ast.RuleSet) -> str:
    """The canonical text of a parsed file, with its comments, ending in a newline."""
    chunks = [_Chunk("header", _header(rs))]
    chunks.extend(_Chunk(_GROUPS[type(s)], _statement(s)) for s in rs.statements)
    trailing = _seat(rs.comments, [line for chunk in chunks for line in chunk.lines])
    out: list[str] = []
    previous: str | None = None
    for chunk in chunks:
        if previous is not None and (previous != chunk.group or chunk.group in _APART):
            out.append("")
        for line in chunk.lines:
            out.extend(line.render())
        previous = chunk.group
    if trailing:
        out.append("")
        out.extend(trailing)
    return "\n".join(out) + "\n"
