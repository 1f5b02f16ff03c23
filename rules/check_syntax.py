"""Syntax errors in plain words: what the parser expected and found, a caret under the token,
and a hint for the common mistakes (an unclosed text, `=`, capitals or accents in an id).

Lark's names of terminals (`NAME`, `__ANON_0`, `$END`) never reach the user. What the parser
would take is replayed from the tokens before the error: LALR's own `accepts` comes after the
reductions the bad token caused, and can leave out `and` after a comparison.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from .errors import Diagnostic, RuleSyntaxError, did_you_mean, source_line
from .messages import Joined, Message, message
from .parser import RESERVED, grammar

# Terminal names never reach the user: each is said in words. Keywords and punctuation are shown
# as written (`of`, `{`).
_WORDS = {
    "NAME": "a name",
    "STRING": 'a quoted text ("…")',
    "NUMBER": "a number (9, 1/2, 50%, 0.5)",
    "INT": "a whole number",
    "DATE": "a date (2023-06-23)",
    "BOOL": "a boolean (true or false)",
    "CMP": "a comparison (>=, >, <=, <, ==, !=)",
    "ATTR_TYPE": "a type (yes-no, date, number or text)",
    "$END": "the end of the file",
}
_FOUND = {
    "NAME": "a name",
    "NUMBER": "a number",
    "INT": "a number",
    "DATE": "a date",
    "BOOL": "a boolean",
    "CMP": "a comparison",
}

_STATEMENTS = frozenset(
    {"levels", "map", "basis", "quorum", "schedule", "exempt", "classify", "report", "example"}
    | {"source", "attribute", "drop"}
)
_SCALAR = frozenset({"NUMBER", "DATE", "BOOL", "STRING"})
_VALUE = _SCALAR | {"NAME", "share", "count", "previous"}
# When the parser would take any of a family, the family is named rather than each member.
_GROUPS: tuple[tuple[frozenset[str], str, str], ...] = (
    (
        _STATEMENTS,
        "a statement",
        "a statement starts with `levels`, `map`, `basis`, `quorum`, `schedule`, `exempt`, "
        "`classify`, `report`, `example`, `attribute`, `drop` or `source`",
    ),
    (
        _VALUE | {"not", "("},
        "a condition",
        "for example `share(thap) > 1/2` or `retirement_notice`",
    ),
    (
        _VALUE,
        "a value",
        "a number, share(…), count(…), a name, a date, a quoted text or true/false",
    ),
    (_SCALAR, "a value", "a number, a date, a quoted text, true or false"),
)
# Characters that look like something the language has.
_LOOKALIKE: dict[str, Message] = {
    "“": message("syntax.use_straight"),
    "”": message("syntax.use_straight"),
    "‘": message("syntax.straight_quotes"),
    "’": message("syntax.straight_quotes"),
    "'": message("syntax.straight_quotes"),
    "≥": message("syntax.write", word=">="),
    "≤": message("syntax.write", word="<="),
    "≠": message("syntax.write", word="!="),
    "&": message("syntax.write", word="and"),
    "|": message("syntax.write", word="or"),
    "!": message("syntax.write_not"),
    "[": message("syntax.set_braces"),
    "]": message("syntax.set_braces"),
}


def _literals(terminals: Iterable[str]) -> set[str]:
    """Terminal names as what the user writes: `levels`, `{` for keywords and punctuation."""
    lark = grammar()
    found = set()
    for name in terminals:
        try:
            pattern = lark.get_terminal(name).pattern
        except KeyError:
            found.add(name)  # `$END`
            continue
        found.add(pattern.value if pattern.type == "str" else name)
    return found


def _expected(accepted: Iterable[str]) -> tuple[Joined, Message | str | None]:
    """What the parser would take, in words, and a hint when a whole family was named."""
    left = _literals(accepted)
    if "in" in left and ("extends" in left or left >= _STATEMENTS):  # after the header's name
        left = (left - {"in"}) | {"in force"}
    if "CMP" in left:  # `in {…}`, `not in {…}`, `is missing` after a value: said as comparing
        left -= {"in", "not", "is"}
    words: list[str] = []
    hint: str | None = None
    for members, word, why in _GROUPS:
        if members <= left:
            left -= members
            words.append(word)
            hint = hint or why
    words.extend(_WORDS.get(item) or f"`{item}`" for item in left)  # a literal as written
    words = sorted(set(words), key=lambda w: (not w.startswith("`"), w == _WORDS["$END"], w))
    return Joined([_phrase(w) for w in words], "or", serial=True), _phrase(hint) if hint else None


def _phrase(english: str) -> Message | str:
    """A phrase of the syntax errors in the reader's language; a literal (`of`) as written."""
    key = _PHRASES.get(english)
    return message(key) if key else english


# the phrases above, each a key of the catalog (rules/messages/rules.py)
_PHRASES = {
    **{english: f"syntax.word.{name}" for name, english in _WORDS.items() if name != "$END"},
    _WORDS["$END"]: "syntax.word.end",
    **{english: f"syntax.found.{name}" for name, english in _FOUND.items() if name != "INT"},
    "a quoted text": "syntax.found.STRING",
    "a statement": "syntax.group.statement",
    "a condition": "syntax.group.condition",
    "a value": "syntax.group.value",
    _GROUPS[0][2]: "syntax.hint.statement",
    _GROUPS[1][2]: "syntax.hint.condition",
    _GROUPS[2][2]: "syntax.hint.value",
    _GROUPS[3][2]: "syntax.hint.scalar",
}


@dataclass(frozen=True, slots=True)
class _Replay:
    accepts: set[str]  # the terminals the parser takes at the error
    recent: tuple[Token, ...]  # the last tokens before it
    opened: tuple[Token, ...] = ()  # the `{` not closed before it, outermost first


def _replay(text: str, pos: int | None) -> _Replay:
    """The parser just before `pos` (None: at the end of the text).

    An error's own `accepts` comes after the reductions its token caused, and can miss some (an
    `and` after a comparison); replaying the tokens before it gives the state they left.
    """
    parser = grammar().parse_interactive(text)
    recent: list[Token] = []
    opened: list[Token] = []
    try:
        for token in parser.iter_parse():
            if pos is not None and (token.start_pos or 0) >= pos:
                break
            recent = [*recent[-3:], token]
            if str(token) == "{" and token.type != "STRING":
                opened.append(token)
            elif str(token) == "}" and token.type != "STRING" and opened:
                opened.pop()
    except UnexpectedInput:
        pass  # the lexer stopped at the error: the parser has not seen it
    return _Replay(set(parser.accepts()), tuple(recent), tuple(opened))


def _accepts_at(text: str, pos: int | None) -> set[str]:
    return _replay(text, pos).accepts


def _keyword_as_name(replay: _Replay) -> Message | None:
    """A word of the language just before the error that the parser took for a name."""
    for token in reversed(replay.recent):
        if token.type == "NAME" and str(token) in RESERVED:
            return message("syntax.read_as_name", word=str(token), line=token.line)
    return None


def _found(token: Token) -> Message | str:
    if token.type == "STRING":
        return _phrase("a quoted text")
    kind = _FOUND.get(token.type)
    return message("syntax.found", kind=_phrase(kind), token=str(token)) if kind else f"`{token}`"


def _is_letter(char: str) -> bool:
    """A letter the language does not take in a name: a capital, a Vietnamese letter or accent."""
    return len(char) == 1 and (char.isalpha() or unicodedata.category(char).startswith("M"))


def _in_word(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def _width(word: str) -> int:
    """Columns a word takes on screen: an accent written apart (NFD) takes none."""
    return sum(1 for c in word if not unicodedata.category(c).startswith("M"))


def _as_id(word: str) -> str:
    """`Thấp` as an id could be written: `thap`."""
    bare = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in bare if not unicodedata.category(c).startswith("M")).lower()
    bare = re.sub(r"[^a-z0-9_]", "_", bare)
    return bare if re.match(r"[a-z_]", bare) else "_" + bare


@dataclass(frozen=True, slots=True)
class _Said:
    """A syntax error before it is placed in its file."""

    line: int
    column: int
    width: int
    message: str | Message
    hint: str | Message | None = None


def _bad_character(text: str, exc: UnexpectedCharacters) -> _Said:
    """No token starts here: an unclosed text, a capital or accent in a name, a stray sign."""
    pos = exc.pos_in_stream or 0
    char = text[pos] if pos < len(text) else ""
    line_end = text.find("\n", pos)
    rest = text[pos : len(text) if line_end < 0 else line_end].rstrip()
    if char == '"':
        return _Said(
            exc.line,
            exc.column,
            _width(rest),
            message("syntax.text_not_closed"),
            message("syntax.end_text"),
        )
    if char in "“”":
        unexpected = message("syntax.unexpected", char=char, hint=_LOOKALIKE[char])
        return _Said(exc.line, exc.column, 1, unexpected)
    if _is_letter(char):
        return _bad_word(text, exc, pos)
    accepted = _accepts_at(text, pos)
    expected, family = _expected(accepted)
    if char == "=" and "CMP" in accepted:
        after = text[pos + 1 : pos + 2]
        if after in ("<", ">"):
            wrong = message("syntax.not_comparison", text=f"={after}")
            return _Said(exc.line, exc.column, 2, wrong, message("syntax.write", word=f"{after}="))
        wrong = message("syntax.not_comparison", text="=")
        return _Said(exc.line, exc.column, 1, wrong, message("syntax.use_equals"))
    return _Said(
        exc.line,
        exc.column,
        1,
        message("syntax.expected", expected=expected, found=f"`{char}`"),
        _LOOKALIKE.get(char, family),
    )


def _word(text: str, pos: int) -> tuple[int, int]:
    """Where the word around `pos` starts and ends, Vietnamese letters and capitals included."""
    start, end = pos, pos
    while start > 0 and _in_word(text[start - 1]):
        start -= 1
    while end < len(text) and _in_word(text[end]):
        end += 1
    return start, end


def _bad_word(text: str, exc: UnexpectedCharacters, pos: int) -> _Said:
    """A word with a capital or a Vietnamese letter: a keyword, an id, a text without quotes."""
    start, end = _word(text, pos)
    word, column = text[start:end], exc.column - (pos - start)
    spelled = _as_id(word)
    if spelled in RESERVED:
        said = message("syntax.not_a_word", word=word)
        hint = message("syntax.lower_case", spelled=spelled)
        return _Said(exc.line, column, _width(word), said, hint)
    accepted = _accepts_at(text, start)  # before the part of the word that was taken for a name
    if "NAME" in accepted:
        said = message("syntax.not_an_id", word=word)
        hint = message("syntax.write_id", spelled=spelled)
        return _Said(exc.line, column, _width(word), said, hint)
    expected, family = _expected(accepted)
    quotes = message("syntax.straight_quotes")
    said = message("syntax.expected", expected=expected, found=f"`{word}`")
    return _Said(exc.line, column, _width(word), said, quotes if "STRING" in accepted else family)


def _unclosed(text: str, replay: _Replay, token: Token | None) -> _Said | None:
    """A `{` left open: the file ends, or a statement starts, inside its block."""
    if not replay.opened:
        return None
    brace = replay.opened[-1]
    if token is None:
        return _Said(
            brace.line or 0,
            brace.column or 0,
            1,
            message("syntax.never_closed", line=brace.line),
            message("syntax.add_brace"),
        )
    starts = [t for t in (*replay.recent, token) if _starts_statement(text, t)]
    if not starts:
        return None
    keyword = starts[-1]
    if (keyword.start_pos or 0) < (brace.start_pos or 0):
        return None
    return _Said(
        brace.line or 0,
        brace.column or 0,
        1,
        message("syntax.not_closed_before", line=brace.line, word=str(keyword), at=keyword.line),
        message("syntax.add_brace_before", line=keyword.line),
    )


def _starts_statement(text: str, token: Token) -> bool:
    """A word that starts a statement, first on its line (taken for a name or not)."""
    return str(token) in _STATEMENTS and token.type != "STRING" and _first_on_line(text, token)


def _first_on_line(text: str, token: Token) -> bool:
    start = token.start_pos or 0
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _bare_boolean(replay: _Replay) -> _Said | None:
    """`when false`: a boolean alone is no condition."""
    if not replay.recent or replay.recent[-1].type != "BOOL" or "CMP" not in replay.accepts:
        return None
    word = replay.recent[-1]
    return _Said(
        word.line or 0,
        word.column or 0,
        len(str(word)),
        message("syntax.alone", word=str(word)),
        message("syntax.leave_out"),
    )


def _misspelled(token: Token, accepted: set[str]) -> Message | None:
    """`levles` where a word of the language is expected: did you mean `levels`?"""
    if token.type != "NAME":
        return None
    words = [w for w in _literals(accepted) if w.isalpha()]
    return did_you_mean(str(token), words)


def _bad_token(text: str, exc: UnexpectedToken) -> _Said:
    token = exc.token
    if token.type == "$END":
        replay = _replay(text, None)
        said = _bare_boolean(replay) or _unclosed(text, replay, None)
        if said is not None:
            return said
        expected, family = _expected(replay.accepts or exc.expected)
        lines = text.splitlines() or [""]
        early = message("syntax.ends_early", expected=expected)
        return _Said(len(lines), len(lines[-1]) + 1, 1, early, family or _keyword_as_name(replay))
    replay = _replay(text, token.start_pos)
    said = _bare_boolean(replay) or _unclosed(text, replay, token)
    if said is not None:
        return said
    expected, family = _expected(replay.accepts or exc.expected)
    hint: str | Message | None = family
    swallowed = any(t.type == "NAME" and _starts_statement(text, t) for t in replay.recent)
    if swallowed:
        hint = _keyword_as_name(replay)
    hint = _misspelled(token, replay.accepts) or hint or _keyword_as_name(replay)
    found, width = _found(token), len(str(token))
    if token.type == "NAME":
        start, end = _word(text, token.start_pos or 0)
        if end - start > width:  # `tên`, of which the lexer took `t` for a name
            found, width = f"`{text[start:end]}`", _width(text[start:end])
        if str(expected) == _WORDS["STRING"]:
            hint = message("syntax.straight_quotes")
    if str(token) == "," and "and" in _literals(replay.accepts):
        hint = message("syntax.join_with")
    wrong = message("syntax.expected", expected=expected, found=found)
    return _Said(token.line or 0, token.column or 0, width, wrong, hint)


MAX_ERRORS = 50  # syntax errors said for one file; the rest are counted
_MAX_PASSES = 200  # parses of one file while looking for its errors (then "at least N more")
_STATEMENT_LINE = re.compile(
    r"^[ \t]*(" + "|".join(sorted(_STATEMENTS - {"source"})) + r")\b", re.MULTILINE
)


def syntax_errors(text: str, path: str, first: UnexpectedInput) -> RuleSyntaxError:
    """Every syntax error of a file, not only the first: after each, the statement it is in is
    skipped up to the next line that starts a statement, and the rest is parsed again.

    Skipped text is blanked out, line breaks kept, so every place stays where it was. At most
    `MAX_ERRORS` are said, then how many more there are. An error in the header, or one after
    which no statement starts, ends the search.
    """
    said: list[Diagnostic] = []
    seen: set[tuple[int, int]] = set()
    lines = text.splitlines()
    current, exc = text, first
    finished = False
    for _ in range(_MAX_PASSES):
        diag = syntax_error(current, path, exc, quote=False).diagnostics[0]
        diag = replace(
            diag, source_line=lines[diag.line - 1] if 0 < diag.line <= len(lines) else ""
        )
        if (diag.line, diag.column) in seen:
            finished = True
            break
        seen.add((diag.line, diag.column))
        said.append(diag)
        skipped = _skip(current, exc, diag)
        if skipped is None:
            finished = True
            break
        current = skipped
        try:
            grammar().parse(current)
        except UnexpectedInput as again:
            exc = again
            continue
        finished = True
        break
    more = len(said) - MAX_ERRORS
    if more > 0:
        rest = said[MAX_ERRORS]
        key = "syntax.more" if finished else "syntax.at_least"
        more_said = message(f"{key}.{'one' if more == 1 else 'other'}", n=more)
        summary = Diagnostic(
            "error",
            str(more_said),
            path,
            rest.line,
            rest.column,
            rest.source_line,
            rest.width,
            said=more_said,
        )
        said = [*said[:MAX_ERRORS], summary]
    return RuleSyntaxError(said)


def _offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: max(line - 1, 0)]) + max(column - 1, 0)


def _skip(text: str, exc: UnexpectedInput, diag: Diagnostic) -> str | None:
    """The text with the statement of an error blanked out up to the next statement; None when
    there is nothing after it to parse again."""
    at = getattr(exc, "pos_in_stream", None)
    token = getattr(exc, "token", None)
    if isinstance(token, Token):
        if token.type == "$END":
            return None
        at = token.start_pos
    if at is None:
        return None
    said_at = at
    if isinstance(token, Token) and (token.line, token.column) != (diag.line, diag.column):
        said_at = _offset(text, diag.line, diag.column)  # an unclosed `{`: said where it opens
    header_end = _header_end(text)
    if header_end is None:
        return None
    # the statements that start before the error (few: what parsed before is gone already)
    starts = [m.start(1) for m in _STATEMENT_LINE.finditer(text, header_end, max(at, said_at) + 1)]
    swallowed = [
        t.start_pos or 0
        for t in _replay(text, at).recent
        if t.type == "NAME" and _starts_statement(text, t)
    ]
    if swallowed:  # `basis` then `exempt` read as its name: `basis` is the unfinished one
        at = said_at = swallowed[-1]
    if _starts_at(text, at):
        # a statement starts where the error is: the one before it is unfinished
        begin = max((p for p in starts if p < at and p <= said_at), default=None)
        end: int | None = at
    else:
        begin = max((p for p in starts if p <= min(at, said_at)), default=None)
        after = text.find("\n", max(at, said_at))  # the next statement, on a later line
        found = _STATEMENT_LINE.search(text, after) if after >= 0 else None
        end = found.start(1) if found else None
    if begin is None:
        line_start = text.rfind("\n", 0, at) + 1
        if text[line_start:at].strip():
            return None
        begin = line_start
    if end is None or begin < header_end or end <= begin:
        return None
    # all that comes before parsed already: it goes too, its line breaks kept, so that each
    # pass parses only what is left (a thousand broken statements are not a thousand parses of
    # the whole file)
    line_start = text.rfind("\n", 0, end) + 1
    if line_start <= header_end:
        pad = " " * (end - header_end)
    else:  # the same lines and the same column: every place after stays where it was
        pad = "\n" * text.count("\n", header_end, end) + " " * (end - line_start)
    return text[:header_end] + pad + text[end:]


def _starts_at(text: str, pos: int) -> bool:
    """Whether a statement starts at `pos`, first on its line."""
    found = _STATEMENT_LINE.match(text, text.rfind("\n", 0, pos) + 1)
    return found is not None and found.start(1) == pos


def _header_end(text: str) -> int | None:
    """Where the first statement may start: after `ruleset "…"` (None: no header)."""
    found = re.search(r'\bruleset\s*"(?:[^"\\\n]|\\.)*"', text)
    return found.end() if found else None


def syntax_error(
    text: str, path: str, exc: UnexpectedInput, *, quote: bool = True
) -> RuleSyntaxError:
    """One `RuleSyntaxError`: where, what was expected and what was found, in words (the
    source line quoted unless `quote` is False)."""
    if isinstance(exc, UnexpectedCharacters):
        said = _bad_character(text, exc)
    elif isinstance(exc, UnexpectedToken):
        said = _bad_token(text, exc)
    else:  # an `UnexpectedEOF`, which LALR does not raise, is said all the same
        expected, hint = _expected(getattr(exc, "expected", ()) or ())
        lines = text.splitlines() or [""]
        early = message("syntax.ends_early", expected=expected)
        said = _Said(len(lines), len(lines[-1]) + 1, 1, early, hint)
    diag = Diagnostic(
        "error",
        str(said.message),
        path,
        said.line,
        said.column,
        source_line(text, said.line) if quote else "",
        max(said.width, 1),
        None if said.hint is None else str(said.hint),
        said.message if isinstance(said.message, Message) else None,
        said.hint if isinstance(said.hint, Message) else None,
    )
    return RuleSyntaxError([diag])
