"""The exact check of a block of bands on two quantities (`boxes.Plane`), one small question
per rule.

The plane's sweep names the rules first to match in no cell: caught at every point by earlier
rules, they can never match, and no question is asked of them. Of each other rule it gives a
cell where it is first; the solver is asked whether a tally counted (not exempt, quorum met)
has its two values in that cell. When none does (the cell lies where no tally is, say above
share(thap) + share(cao) = 1), the solver is asked the whole question: the rule's condition and
that of no earlier rule whose boxes meet its own.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, Any

from . import ast
from .boxes import Plane, meets
from .meaning import Encoder, Num, within

if TYPE_CHECKING:
    from .logic import Answer, Session


def plane_sweep(
    session: Session, encoder: Encoder, block: ast.Classify, skipped: Set[int], plane: Plane
) -> tuple[list[ast.Rule], Answer]:
    """As `Session.sweep`, inside its scope (where "not exempt, valid" holds already)."""
    from .logic import Answer

    z3, ops, solver = session.z3, session.ops, session.solver
    x, y = (encoder.value(q, False) for q in plane.quantities)
    assert isinstance(x, Num) and isinstance(y, Num)
    # both are known already (this vote's, of a basis above 0): said once, not per question
    solver.add(*session.env.take(), x.known, y.known)
    rules = [rule for rule in block.rules if rule.when is not None]
    cells = plane.first()
    never: list[ast.Rule] = []
    for i, rule in enumerate(rules):
        if id(rule) in skipped:
            continue
        cell = cells.get(i)
        if cell is None:
            never.append(rule)
            continue
        solver.push()
        solver.add(*within(x, cell[0]), *within(y, cell[1]))
        reached = session._check() == z3.sat
        solver.pop()
        if not reached and not _reached(session, encoder, rules, plane, i):
            never.append(rule)
    if block.rules[-1].when is None or not plane.falls():
        return never, Answer("impossible", None, "solver")
    # some point lies in no rule's boxes: the smallest tally there, if any
    solver.add(*[ops.not_(_holds(encoder, rule)) for rule in rules])
    return never, session.smallest()


def _reached(
    session: Session, encoder: Encoder, rules: list[ast.Rule], plane: Plane, i: int
) -> bool:
    """The whole question of rule i: its condition, and none of the earlier rules' that meet it
    (the engine gives the last rule of a block without `else` whatever falls to it)."""
    ops, solver = session.ops, session.solver
    mine = plane.boxes[i]
    wants: list[Any] = [] if plane.boxes[i] is not plane.own[i] else [_holds(encoder, rules[i])]
    wants += [ops.not_(_holds(encoder, rules[j])) for j in range(i) if meets(plane.own[j], mine)]
    solver.push()
    try:
        solver.add(*wants)
        return bool(session._check() == session.z3.sat)
    finally:
        solver.pop()


def _holds(encoder: Encoder, rule: ast.Rule) -> Any:
    assert rule.when is not None
    return encoder.loose(rule.when)
