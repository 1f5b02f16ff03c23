"""The checks that need the exact logic: rules no tally reaches, a block without `else` that some
tally falls through (with that tally), an exemption that can never apply.

Run by `tinnhiem check` only (never on load, so the editor and `tinnhiem run` stay fast and never
import the solver), after the fast interval pass of `reach`, which it completes: a rule reach
already named is not asked about again. The solver has a budget per file; a block too big for it,
or a question it cannot answer in time, is said as a warning rather than passed over in silence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import ast
from .errors import Diagnostic, source_line
from .logic import TIMEOUT, Reading, Session, Want, Witness, have_solver, space_of
from .meaning import EXEMPTION, Undecidable
from .messages import Message, message

NO_ELSE = "classify block `{block}` has no `else` rule"  # as `check_names.classify` says it
NEVER = "can never match"  # as `reach` says it


def exact_findings(
    resolved: ast.Resolved,
    texts: Mapping[str, str],
    known: set[tuple[str, int]],
    *,
    budget: float = TIMEOUT,
) -> list[Diagnostic]:
    """What only the solver sees; `known` holds (file, line) of rules already reported."""
    if not have_solver():
        return []
    reading = Reading.of(resolved)
    found: list[Diagnostic] = []

    def say(
        severity: str, said: Message, path: str, span: ast.Span, hint: Message | None = None
    ) -> None:
        text = texts.get(path, "")
        found.append(
            Diagnostic(
                severity,  # type: ignore[arg-type]
                str(said),
                path,
                span.line,
                span.column,
                source_line(text, span.line),
                max(len(_first_word(text, span)), 1),
                None if hint is None else str(hint),
                said,
                hint,
            )
        )

    try:
        space = space_of([reading])
        session = Session(space, [reading], budget)
    except Undecidable as undecidable:
        return [_skipped(resolved, texts, message("logic.undecidable", what=undecidable.where))]
    try:
        _exemptions(resolved, reading, session, say)
        for block in resolved.classifies:
            # a block over `checker.MAX_RULES` rules is an error, and errors stop this pass
            path = resolved.origins.get(f"classify:{block.id}", resolved.path)
            _block(block, path, reading, session, known, say)
    except Undecidable as undecidable:
        undecided = message("logic.undecidable", what=undecidable.where)
        found.append(_skipped(resolved, texts, undecided))
    except Exception as stopped:  # the solver's budget is spent (logic._Timeout)
        if type(stopped).__name__ != "_Timeout":
            raise
        spent = message("logic.budget", seconds=f"{budget:g}")
        found.append(_skipped(resolved, texts, spent))
    return found


def _exemptions(resolved: ast.Resolved, reading: Reading, session: Session, say: Any) -> None:
    if not resolved.classifies:
        return
    block = resolved.classifies[0]  # an exemption does not depend on the block
    path = resolved.origins.get("exempt", resolved.path)
    for i, exempt in enumerate(resolved.exempts):
        answer = session.ask([Want(reading, block, f"{EXEMPTION}{i}")], smallest=False)
        if answer.status == "impossible":
            said = message("logic.exempt_never", reason=exempt.reason)
            say("warning", said, path, exempt.span)


def _block(
    block: ast.Classify,
    path: str,
    reading: Reading,
    session: Session,
    known: set[tuple[str, int]],
    say: Any,
) -> None:
    skip = [rule for rule in block.rules if (path, rule.span.line) in known]
    never, falls = session.sweep(reading, block, skip)
    for rule in never:
        say("error", message("logic.caught", rule=rule.id), path, rule.span)
    if falls.witness is not None:  # only a block without `else` has one
        said = message("logic.falls_through", block=block.id)
        hint = message("logic.for_example", tally=witness_words(falls.witness))
        span = block.id_span if block.id_span != ast.NOWHERE else block.span
        say("error", said, path, span, hint)


def completes(diagnostics: tuple[Diagnostic, ...]) -> bool:
    """Whether the exact checks can run after these: no error but those they refine."""
    return all(
        not d.is_error or NEVER in d.message or "has no `else` rule" in d.message
        for d in diagnostics
    )


def merged(old: tuple[Diagnostic, ...], new: list[Diagnostic]) -> list[Diagnostic]:
    """The fast pass's diagnostics and the exact ones; a missing `else` with its tally replaces
    the same error said without one."""
    richer = {(d.path, d.line) for d in new if "has no `else` rule" in d.message}
    kept = [
        d for d in old if not ("has no `else` rule" in d.message and (d.path, d.line) in richer)
    ]
    return sorted(
        [*kept, *new],
        key=lambda d: (d.path != old[0].path if old else False, d.path, d.line, d.column),
    )


def witness_words(witness: Witness) -> str:
    """A tally in the words of the language: `collected 3; cao 0; tn 1; thap 2`."""
    parts = [f"{name} {n}" for name, n in witness.turnout.items()]
    parts += [f"{level} {n}" for level, n in witness.counts.items()]
    parts += [f"{name} {value}" for name, value in witness.attrs.items()]
    return "; ".join(parts)


def _first_word(text: str, span: ast.Span) -> str:
    line = source_line(text, span.line)
    return line[span.column - 1 :].split(" ")[0] if line else ""


def _skipped(resolved: ast.Resolved, texts: Mapping[str, str], why: Message) -> Diagnostic:
    said = message("logic.stopped", why=why)
    return Diagnostic(
        "warning",
        str(said),
        resolved.path,
        1,
        1,
        source_line(texts.get(resolved.path, ""), 1),
        1,
        said=said,
    )
