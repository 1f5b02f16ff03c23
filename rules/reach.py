"""Rules that can never match: the values of a share or a count as sets of intervals.

A rule can never match when its own condition is never true, or when the earlier rules of its
block always catch first every case it would match. The analysis is exact on one quantity and
sound across several: a rule it names can never be the first to match.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from . import ast
from .check_common import conds, show
from .messages import Joined, Message, message

# A quantity is `share(...)` or `count(...)` of some levels, of this vote or the previous one.
# Its values are sets of intervals. A count is a whole number n, taken as the interval
# [n - 1/2, n + 1/2), so that integer arithmetic comes out of interval arithmetic exactly.
# A share is any rational in [0, 1], and every rational there is the share of some tally, so
# what is true of the real intervals is true of the shares.

_HALF = Fraction(1, 2)
_Key = tuple[str, tuple[str, ...], bool]  # ("share" | "count", levels sorted, previous)


@dataclass(frozen=True, slots=True)
class _Iv:
    lo: Fraction | None  # None: no lower bound
    lo_open: bool
    hi: Fraction | None  # None: no upper bound
    hi_open: bool

    def empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        return self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open))


_Set = tuple[_Iv, ...]
_SHARES: _Set = (_Iv(Fraction(0), False, Fraction(1), False),)
_COUNTS: _Set = (_Iv(-_HALF, False, None, True),)


def _meet(a: _Iv, b: _Iv) -> _Iv:
    if a.lo is None or (b.lo is not None and b.lo > a.lo):
        lo, lo_open = b.lo, b.lo_open
    elif b.lo is None or a.lo > b.lo:
        lo, lo_open = a.lo, a.lo_open
    else:
        lo, lo_open = a.lo, a.lo_open or b.lo_open
    if a.hi is None or (b.hi is not None and b.hi < a.hi):
        hi, hi_open = b.hi, b.hi_open
    elif b.hi is None or a.hi < b.hi:
        hi, hi_open = a.hi, a.hi_open
    else:
        hi, hi_open = a.hi, a.hi_open or b.hi_open
    return _Iv(lo, lo_open, hi, hi_open)


def _intersect(s: _Set, t: _Set) -> _Set:
    return tuple(m for a in s for b in t if not (m := _meet(a, b)).empty())


def _subtract(s: _Set, t: _Set) -> _Set:
    for cut in t:
        pieces: list[_Iv] = []
        for a in s:
            if cut.lo is not None:
                pieces.append(_meet(a, _Iv(None, True, cut.lo, not cut.lo_open)))
            if cut.hi is not None:
                pieces.append(_meet(a, _Iv(cut.hi, not cut.hi_open, None, True)))
        s = tuple(p for p in pieces if not p.empty())
    return s


def _union(s: _Set) -> _Set:
    """The same values as few intervals, sorted, none touching another: what the earlier rules
    catch stays a handful of intervals in a block of banded rules, so that taking it from the
    next rule's values costs a few steps, not one per earlier rule."""

    merged: list[_Iv] = []
    for iv in sorted(s, key=_start):
        if merged:
            last = merged[-1]
            # they overlap or touch (one closed where the other ends): one interval
            apart = (
                last.hi is not None
                and iv.lo is not None
                and (iv.lo > last.hi or (iv.lo == last.hi and last.hi_open and iv.lo_open))
            )
            if not apart:
                if last.hi is None or iv.hi is None:
                    hi, hi_open = None, True
                elif iv.hi > last.hi or (iv.hi == last.hi and not iv.hi_open):
                    hi, hi_open = iv.hi, iv.hi_open
                else:
                    hi, hi_open = last.hi, last.hi_open
                merged[-1] = _Iv(last.lo, last.lo_open, hi, hi_open)
                continue
        merged.append(iv)
    return tuple(merged)


class _Caught:
    """A union of intervals kept sorted and merged, so that adding to it and taking it from a
    few values look only at the intervals nearby (by bisection): a block of n rules, each
    catching a value of its own, costs about n log n steps rather than n²."""

    def __init__(self) -> None:
        self.ivs: list[_Iv] = []
        self.starts: list[tuple[bool, Fraction, bool]] = []
        self.ends: list[tuple[bool, Fraction, bool]] = []

    def _near(self, iv: _Iv) -> tuple[int, int]:
        """The slice of intervals that may overlap or touch `iv`: every other lies apart."""
        low = 0 if iv.lo is None else bisect_left(self.ends, (False, iv.lo, False))
        high = len(self.ivs) if iv.hi is None else bisect_right(self.starts, (True, iv.hi, True))
        return low, max(low, high)

    def add(self, s: _Set) -> None:
        for iv in s:
            low, high = self._near(iv)
            merged = _union((*self.ivs[low:high], iv))
            self.ivs[low:high] = merged
            self.starts[low:high] = [_start(m) for m in merged]
            self.ends[low:high] = [_end(m) for m in merged]

    def minus(self, s: _Set) -> _Set:
        """The values of `s` not caught."""
        found: list[_Iv] = []
        for iv in s:
            low, high = self._near(iv)
            # the cuts are sorted and apart: what is left lies between one and the next
            lo: Fraction | None = None
            lo_open = True
            for cut in self.ivs[low:high]:
                if cut.lo is not None:
                    piece = _meet(iv, _Iv(lo, lo_open, cut.lo, not cut.lo_open))
                    if not piece.empty():
                        found.append(piece)
                if cut.hi is None:
                    break
                lo, lo_open = cut.hi, not cut.hi_open
            else:
                piece = _meet(iv, _Iv(lo, lo_open, None, True))
                if not piece.empty():
                    found.append(piece)
        return tuple(found)


def _start(iv: _Iv) -> tuple[bool, Fraction, bool]:
    return (iv.lo is not None, iv.lo if iv.lo is not None else Fraction(0), iv.lo_open)


def _end(iv: _Iv) -> tuple[bool, Fraction, bool]:
    return (iv.hi is None, iv.hi if iv.hi is not None else Fraction(0), not iv.hi_open)


def _domain(key: _Key) -> _Set:
    return _SHARES if key[0] == "share" else _COUNTS


def _may_be_unknown(key: _Key) -> bool:
    """A share needs a basis and a previous vote may not exist: then a comparison is false."""
    return key[0] == "share" or key[2]


_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


@lru_cache(maxsize=1 << 14)  # asked of each comparison of a block many times over
def _leaf(cond: ast.Compare) -> tuple[_Key, _Set] | None:
    """A comparison of a share or count with a number in range, as a key and a set of values."""
    quantity, op, number = cond.left, str(cond.op), cond.right
    if isinstance(quantity, ast.Number):
        quantity, op, number = number, _FLIP[op], quantity
    if not isinstance(quantity, ast.Share | ast.Count) or not isinstance(number, ast.Number):
        return None
    x = number.value
    if isinstance(quantity, ast.Share):
        if not 0 <= x <= 1:
            return None
        key: _Key = ("share", tuple(sorted(quantity.levels)), quantity.previous)
        lo = hi = x
    else:
        if x.denominator != 1 or number.is_percent:
            return None
        key = ("count", tuple(sorted(quantity.levels)), quantity.previous)
        lo, hi = x - _HALF, x + _HALF
    # only the set of `op` is built: this runs for every comparison of every rule, often twice
    closed = isinstance(quantity, ast.Share)  # a share's bounds are closed, a count's half-open
    if op == ">":
        found: _Set = (_Iv(hi, closed, None, True),)
    elif op == ">=":
        found = (_Iv(lo, False, None, True),)
    elif op == "<":
        found = (_Iv(None, True, lo, True),)
    elif op == "<=":
        found = (_Iv(None, True, hi, not closed),)
    elif op == "==":
        found = (_Iv(lo, False, hi, not closed),)
    else:
        found = (_Iv(None, True, lo, True), _Iv(hi, closed, None, True))
    return key, _intersect(found, _domain(key))


def _keys(cond: ast.Cond) -> list[tuple[_Key, ast.Share | ast.Count]]:
    found: dict[_Key, ast.Share | ast.Count] = {}
    for sub in conds(cond):
        if isinstance(sub, ast.Compare) and (leaf := _leaf(sub)) is not None:
            quantity = sub.left if isinstance(sub.left, ast.Share | ast.Count) else sub.right
            assert isinstance(quantity, ast.Share | ast.Count)
            found.setdefault(leaf[0], quantity)
    return list(found.items())


def _under(cond: ast.Cond, key: _Key) -> _Set:
    """Values of the quantity for which the condition is surely true."""
    if isinstance(cond, ast.Compare):
        leaf = _leaf(cond)
        return leaf[1] if leaf is not None and leaf[0] == key else ()
    if isinstance(cond, ast.And):
        found = _domain(key)
        for operand in cond.operands:
            found = _intersect(found, _under(operand, key))
        return found
    if isinstance(cond, ast.Or):
        return tuple(iv for operand in cond.operands for iv in _under(operand, key))
    if isinstance(cond, ast.Not) and not _may_be_unknown(key):
        bound = _over(cond.operand, key)
        return () if bound is None else _subtract(_domain(key), bound)
    return ()


def _over(cond: ast.Cond, key: _Key) -> _Set | None:
    """Values the quantity surely has (known) when the condition is true; None: no such bound."""
    if isinstance(cond, ast.Compare):
        leaf = _leaf(cond)
        return leaf[1] if leaf is not None and leaf[0] == key else None
    if isinstance(cond, ast.And):
        bounds = [b for operand in cond.operands if (b := _over(operand, key)) is not None]
        if not bounds:
            return None
        found = _domain(key)
        for bound in bounds:
            found = _intersect(found, bound)
        return found
    if isinstance(cond, ast.Or):
        parts = [_over(operand, key) for operand in cond.operands]
        if any(part is None for part in parts):
            return None
        return tuple(iv for part in parts if part is not None for iv in part)
    if isinstance(cond, ast.Not) and not _may_be_unknown(key):
        return _subtract(_domain(key), _under(cond.operand, key))
    return None


def _always(cond: ast.Cond) -> bool:
    """True when the condition holds for every person (on a count, which is never unknown)."""
    return any(
        not _may_be_unknown(key) and not _subtract(_domain(key), _under(cond, key))
        for key, _ in _keys(cond)
    )


def _cover(wanted: _Set, catches: Sequence[tuple[ast.Rule, _Set]]) -> list[ast.Rule]:
    """The earlier rules, in order, that each catch some of what is left of `wanted`."""
    found = []
    for rule, caught in catches:
        if _intersect(wanted, caught):
            found.append(rule)
            wanted = _subtract(wanted, caught)
    return found


def never_matching(block: ast.Classify) -> Iterator[tuple[ast.Rule, Message]]:
    """Each rule of the block that can never match, and why (the message the checker gives).

    What the earlier rules catch is carried from rule to rule (per quantity, each rule's catch
    and their union, kept merged), and a rule is added only to the quantities its condition
    reads (it catches nothing of another: `_under` is empty there), so a block of n rules takes
    about n log n steps, not n², however many quantities it reads.
    """
    rules = [r for r in block.rules if r.when is not None]
    always: ast.Rule | None = None  # the first rule so far that matches everyone
    catches: dict[_Key, list[tuple[ast.Rule, _Set]]] = {}  # per quantity, each earlier rule's
    caught: dict[_Key, _Caught] = {}  # per quantity, all the earlier rules catch
    for rule in rules:
        assert rule.when is not None
        keys = _keys(rule.when)
        for key, _ in keys:
            if key not in catches:  # a quantity no earlier rule reads: none catches any of it
                catches[key] = []
                caught[key] = _Caught()
        yield from _never(rule, keys, always, catches, caught)
        if always is None and _always(rule.when):
            always = rule
        for key, _ in keys:
            _add(catches, caught, key, rule)


def _add(
    catches: dict[_Key, list[tuple[ast.Rule, _Set]]],
    caught: dict[_Key, _Caught],
    key: _Key,
    rule: ast.Rule,
) -> None:
    assert rule.when is not None
    under = _under(rule.when, key)
    catches[key].append((rule, under))
    caught[key].add(under)


def _never(
    rule: ast.Rule,
    keys: list[tuple[_Key, ast.Share | ast.Count]],
    always: ast.Rule | None,
    catches: dict[_Key, list[tuple[ast.Rule, _Set]]],
    caught: dict[_Key, _Caught],
) -> Iterator[tuple[ast.Rule, Message]]:
    """Why `rule` can never match, given what the rules before it catch (nothing if it can)."""
    assert rule.when is not None
    never = next((q for k, q in keys if _over(rule.when, k) == ()), None)
    if never is not None:
        yield rule, message("reach.never_true", rule=rule.id, value=show(never))
        return
    if always is not None:
        yield rule, _caught(rule, [always])
        return
    for key, _ in keys:
        wanted = _over(rule.when, key)
        if wanted is None or caught[key].minus(wanted):
            continue
        alone = next((e for e, s in catches[key] if not _subtract(wanted, s)), None)
        yield rule, _caught(rule, [alone] if alone else _cover(wanted, catches[key]))
        return


def _caught(rule: ast.Rule, culprits: list[ast.Rule]) -> Message:
    named = [message("reach.named", rule=c.id, line=c.span.line) for c in culprits]
    if len(named) == 1:
        return message("reach.caught_by", rule=rule.id, other=named[0])
    others = Joined(named, word="more.and_between", serial=True)
    return message("reach.caught_by_all", rule=rule.id, others=others)


@dataclass(frozen=True, slots=True)
class Bands:
    """A block whose every condition is a comparison of one quantity (this vote's) with
    numbers, joined by `and`/`or`: which values of it reach each rule, and which fall through.
    What the earlier rules catch is then exact, so the solver need only ask, of each rule,
    whether a tally counted (not exempt, quorum met) has its quantity in a few intervals."""

    quantity: ast.Share | ast.Count
    reach: dict[int, tuple[tuple[Fraction | None, bool, Fraction | None, bool], ...]]
    falls: tuple[tuple[Fraction | None, bool, Fraction | None, bool], ...]


def bands(block: ast.Classify) -> Bands | None:
    """The values of the block's one quantity that reach each rule (by `id` of the rule) and
    that no rule catches; None when the block is not of that shape (the solver answers)."""
    rules = [r for r in block.rules if r.when is not None]
    if not rules:
        return None
    assert rules[0].when is not None
    keys = _keys(rules[0].when)
    if len(keys) != 1 or keys[0][0][2]:
        return None
    key, quantity = keys[0]
    if not all(r.when is not None and _exact(r.when, key) for r in rules):
        return None
    last = block.rules[-1]
    caught = _Caught()
    reach = {}
    for rule in rules:
        assert rule.when is not None
        # as the engine: the last rule of a block without `else` takes whatever falls to it
        wanted = _domain(key) if rule is last else (_over(rule.when, key) or ())
        reach[id(rule)] = _plain(caught.minus(wanted))
        caught.add(_over(rule.when, key) or ())
    return Bands(quantity, reach, _plain(caught.minus(_domain(key))))


def _exact(cond: ast.Cond, key: _Key) -> bool:
    if isinstance(cond, ast.Compare):
        leaf = _leaf(cond)
        return leaf is not None and leaf[0] == key
    if isinstance(cond, ast.And | ast.Or):
        return all(_exact(operand, key) for operand in cond.operands)
    return False


def _plain(s: _Set) -> tuple[tuple[Fraction | None, bool, Fraction | None, bool], ...]:
    return tuple((iv.lo, iv.lo_open, iv.hi, iv.hi_open) for iv in _union(s))
