"""One result as compact JSON text, written by hand: `json.dumps(result_document(...))` without
the dictionaries, byte for byte the same (tests/test_explainer_fast.py holds the two equal).

A streamed run writes a million of these; most of their text repeats from person to person (the
trace lines of a path through a block, the labels of classes, the margins), so each such piece is
encoded once and kept. Anything unusual (a value that is not text, a whole number or null; two
blocks of one id) is written by the encoder itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from tinnhiem.engine.model import Margin, Result, Shares, Tally, Verdict, percent_of

from .document import result_document, result_order, result_shares

if TYPE_CHECKING:
    from tinnhiem.engine.explainer_fast import Said

# pieces kept; then the cache starts again. Small: the first lines of a trace are new for almost
# every person, and the rest, a few dozen, are made again at once
KEPT = 1 << 12
PIECES = 1 << 15  # (level, count, basis): a few thousand in a million people
_texts: dict[str, str] = {}
_classes: dict[tuple[str, str, str, int], str] = {}
_margins: dict[Margin, str] = {}
_pieces: dict[tuple[str, int, int | None], tuple[str, str, str]] = {}
_lines: dict[str, str] = {}  # trace lines of the people said whole, encoded (`said_json`)
_starts: dict[tuple[object, ...], str] = {}  # `"status":…,"basis":{…},`
_ends: dict[tuple[object, ...], str] = {}  # `,"classes":{…},"margins":{…},"trace":[`


class Unusual(Exception):
    """A value this writer leaves to the encoder."""


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def result_json(result: Result, level_ids: list[str]) -> str:
    """`json.dumps(result_document(result, level_ids))`, compact, without making the document."""
    try:
        return _result_json(result, level_ids)
    except Unusual:
        return _compact(result_document(result, level_ids))


def _text(value: object) -> str:
    """A value that repeats (a status, a reason, a trace line), encoded once."""
    if type(value) is not str:
        return _value(value)
    found = _texts.get(value)
    if found is None:
        if len(_texts) >= KEPT:
            _texts.clear()
        found = _texts[value] = encode_basestring(value)
    return found


def _value(value: object) -> str:
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    raise Unusual


def _key(key: object) -> str:
    if type(key) is not str:
        raise Unusual  # the encoder turns a number into text
    return _text(key)


def _object(mapping: Mapping[str, object], text: bool = False) -> str:
    shown = _text if text else _value
    return "{" + ",".join([_key(k) + ":" + shown(v) for k, v in mapping.items()]) + "}"


def _verdict(verdict: Verdict) -> str:
    key = (verdict.block, verdict.klass, verdict.label, verdict.rule_line)
    found = _classes.get(key)
    if found is None:
        if type(verdict.rule_line) is not int:
            raise Unusual
        found = (
            f'{_key(verdict.block)}:{{"id":{_text(verdict.klass)},'
            f'"label":{_text(verdict.label)},"line":{verdict.rule_line}}}'
        )
        if len(_classes) >= KEPT:
            _classes.clear()
        _classes[key] = found
    return found


def _margin(margin: Margin) -> str:
    found = _margins.get(margin)
    if found is None:
        if type(margin.votes) is not int:
            raise Unusual
        found = (
            f'{{"level":{_text(margin.level)},"direction":{_text(margin.direction)},'
            f'"votes":{margin.votes},"to":{_text(margin.to_class)}}}'
        )
        if len(_margins) >= KEPT:
            _margins.clear()
        _margins[margin] = found
    return found


def _numbers(result: Result, level_ids: list[str]) -> str:
    """`"counts":{…},"shares":{…},"percent":{…}`, from the pieces of each level's count over the
    basis (a few thousand in a million people), each made once."""
    counts, shares, basis = result.counts, result.shares, result.basis_value
    if type(shares) is Shares and shares.counts is counts and list(counts) == level_ids:
        made = [
            _pieces.get((level, n, basis)) or _piece(level, n, basis) for level, n in counts.items()
        ]
        return (
            f'"counts":{{{",".join([m[0] for m in made])}}},'
            f'"shares":{{{",".join([m[1] for m in made])}}},'
            f'"percent":{{{",".join([m[2] for m in made])}}}'
        )
    order = result_order(result, level_ids)
    written = result_shares(result, level_ids, order)
    return (
        f'"counts":{_object({k: counts[k] for k in order})},'
        f'"shares":{_object(written["shares"])},'
        f'"percent":{_object(written["percent"], text=True)}'
    )


def _piece(level: str, n: int, basis: int | None) -> tuple[str, str, str]:
    """`"cao":10`, `"cao":"10/38"` and `"cao":"26.32"`."""
    if type(n) is not int or type(basis) is not int or basis <= 0:
        raise Unusual
    key = _key(level)
    share, shown = encode_basestring(f"{n}/{basis}"), encode_basestring(percent_of(n, basis))
    made = (f"{key}:{n}", f"{key}:{share}", f"{key}:{shown}")
    if len(_pieces) >= PIECES:
        _pieces.clear()
    _pieces[level, n, basis] = made
    return made


def _result_json(result: Result, level_ids: list[str]) -> str:
    get = _texts.get
    trace = ",".join([get(line) or _text(line) for line in result.trace])
    return f"{_head(result.tally)}{_middle(result, level_ids)}{trace}]}}"


def _head(tally: Tally) -> str:
    """`{"id":…,"name":…,"position":…,"group":…,"round":…,`: what is the person's own."""
    return (
        f'{{"id":{_value(tally.id)},"name":{_value(tally.name)},"position":{_text(tally.position)}'
        f',"group":{_text(tally.group)},"round":{_text(tally.round)},'
    )


def _middle(result: Result, level_ids: list[str]) -> str:
    """From `"status"` to `"trace":[`, the lines of the trace excluded."""
    return "".join(_middle_parts(result, level_ids))


def _middle_parts(result: Result, level_ids: list[str]) -> tuple[str, str, str]:
    """`_middle` in three parts: to the basis, the numbers, from the classes to the trace; the
    first and the last, shared by many people, made once each."""
    verdicts = result.verdicts
    if len({v.block for v in verdicts}) != len(verdicts):
        raise Unusual  # one key of the document for two blocks: as the encoder writes it
    basis = result.basis_value  # its type too: `True == 1`, but one is written `true`
    key = (result.status, result.reason, result.basis_kind, basis, type(basis))
    start = _starts.get(key)
    if start is None:
        start = (
            f'"status":{_text(result.status)},"reason":{_text(result.reason)},'
            f'"basis":{{"kind":{_text(result.basis_kind)},"value":{_value(result.basis_value)}}},'
        )
        _kept(_starts, key, start)
    classes = tuple([_verdict(v) for v in verdicts])
    margins: dict[str, list[str]] = {}
    for margin in result.margins:
        margins.setdefault(margin.block, []).append(_margin(margin))
    ends = (classes, *[(block, *found) for block, found in margins.items()])
    end = _ends.get(ends)
    if end is None:
        listed = [f"{_key(block)}:[{','.join(found)}]" for block, found in margins.items()]
        end = f',"classes":{{{",".join(classes)}}},"margins":{{{",".join(listed)}}},"trace":['
        _kept(_ends, ends, end)
    return start, _numbers(result, level_ids), end


def _kept(cache: dict[Any, str], key: object, value: str) -> None:
    if len(cache) >= KEPT:
        cache.clear()
    cache[key] = value


# --- the people `FastExplainer` said whole --------------------------------------------------


def said_json(result: Result, said: Said, level_ids: list[str]) -> str:
    """`result_json(result, level_ids)` of a result `FastExplainer` made from `said` (as its
    `last` says): the person's own fields (`_head`, the quorum's line), then the rest, which
    depends only on what `said` does, encoded once and kept with it in pieces (most of them
    shared with other people: a few hundred bytes of its own)."""
    made = said.json
    trace = result.trace
    try:
        if type(made) is not _Encoded or made.levels != level_ids:
            made = said.json = _encoded(result, said, level_ids)
        head = _head(result.tally)
        at = made.quorum
        quorum = "" if len(trace) == made.lines else _lines.get(trace[at]) or _line(trace[at])
    except Unusual:
        return result_json(result, level_ids)
    counts, shares = encode_basestring(said.before[0]), encode_basestring(said.after[1])
    start, unchecked, basis, after = made.start, made.unchecked, made.basis, made.after
    return "".join([head, *start, counts, *unchecked, quorum, basis, ",", shares, *after])


class _Encoded:
    """The JSON of a `Said` in pieces, each line of the trace but the first with the comma
    before it."""

    __slots__ = ("after", "basis", "levels", "lines", "quorum", "start", "unchecked")

    def __init__(
        self,
        levels: list[str],
        start: tuple[str, str, str],
        unchecked: list[str],
        basis: str,
        after: list[str],
        quorum: int,
    ) -> None:
        self.levels = levels  # the writer's, which it never changes
        # the pieces of a line, in order: `start`, the counts' line, `unchecked` (the exemptions
        # not checked), the quorum's line if any, `basis`, the shares' line, `after`
        self.start = start
        self.unchecked = tuple(unchecked)
        self.basis = basis
        self.after = tuple(after)
        self.quorum = quorum  # where the quorum's line is in the trace, when there is one
        self.lines = quorum + len(after) + 1  # the lines of a trace without one


def _encoded(result: Result, said: Said, level_ids: list[str]) -> _Encoded:
    """The pieces of `said`'s JSON but the first line of the trace (the counts) and the shares'
    line, which are its own: those are encoded for each person (`said_json`; half a microsecond
    each, which saves a kilobyte a remembered person), every other line kept (`_line`)."""
    if len(said.before) < 1 or len(said.after) < 2 or not _texts_only(said):
        raise Unusual  # never: a trace has its counts before the quorum, basis and shares after
    start = _middle_parts(result, level_ids)
    basis, _, *lines = said.after
    unchecked = [_line(line) for line in said.before[1:]]
    after = [*map(_line, lines), "]}"]
    return _Encoded(level_ids, start, unchecked, _line(basis), after, len(said.before))


def _texts_only(said: Said) -> bool:
    return all(type(line) is str for line in (*said.before, *said.after))


def _line(line: str) -> str:
    """`,` and a trace line encoded, kept (in `_lines`, which starts again at `PIECES`) so that
    the people who share it share one copy."""
    found = _lines.get(line)
    if found is None:
        if type(line) is not str:
            raise Unusual
        if len(_lines) >= PIECES:
            _lines.clear()
        found = _lines[line] = "," + encode_basestring(line)
    return found
