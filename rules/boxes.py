"""Blocks of bands on two quantities: each rule a union of boxes in their plane, and, for each
rule, a cell of the plane where it is the first rule to match (or none: it can never match).

A rule such as `share(thap) >= 2/3 and share(cao) < 1/5` matches exactly the points of a box
(a product of two intervals) of the plane (share(thap), share(cao)); `or` makes a union of
boxes. The endpoints of every box cut each axis into elementary pieces (each endpoint alone,
and the open gaps between them), and the plane into cells: every point of a cell lies in the
same boxes, so one rule is the first to match everywhere in it. A rule that is first in no cell
is caught, at every point of its boxes, by earlier rules: that holds of every real point, so of
every tally, and is a proof. A rule first in some cell is then reached by a tally if some tally
has its two values in that cell, which the solver decides (`logic.Session.sweep`).

Which rule is first in some cell is the problem of the rectangles one sees from above when each
is laid over the later ones: a sweep along the first axis with a segment tree over the second,
each node keeping the rules whose box covers it whole, finds them in about n log² n steps for n
boxes (rather than n² pairs of rules, or n² cells).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from . import ast
from .reach import _domain, _intersect, _Iv, _Key, _keys, _leaf, _meet

Box = tuple[_Iv, _Iv]
MAX_BOXES = 16  # per rule: more (`or` of `and`s of `!=`) and the solver answers as for any block
Interval = tuple[Fraction | None, bool, Fraction | None, bool]


@dataclass(frozen=True, slots=True)
class Plane:
    """A block whose every condition is `and`/`or` of comparisons of two quantities (this
    vote's) with numbers: the two, and each rule's boxes (the last of a block without `else`
    takes the whole plane, as the engine gives it whatever falls to it)."""

    quantities: tuple[ast.Share | ast.Count, ast.Share | ast.Count]
    boxes: tuple[tuple[Box, ...], ...]  # per rule with a condition, in order
    own: tuple[tuple[Box, ...], ...]  # per rule, its condition's boxes (the last one's too)

    def first(self) -> dict[int, tuple[Interval, Interval]]:
        """Per rule (by its place in the block) first in some cell, one such cell: the least in
        the first quantity, then in the second."""
        return _first_cells(self.boxes)

    def falls(self) -> bool:
        """Whether some point of the plane lies in no rule's own boxes."""
        whole = ((_domain(self._keys[0])[0], _domain(self._keys[1])[0]),)
        return len(self.own) in _first_cells((*self.own, whole))

    @property
    def _keys(self) -> tuple[_Key, _Key]:
        a, b = self.quantities
        return (_key_of(a), _key_of(b))


def plane(block: ast.Classify) -> Plane | None:
    """The plane of a block of bands on two quantities; None when it is not of that shape."""
    rules = [r for r in block.rules if r.when is not None]
    if not rules or any(r.when is None for r in block.rules[:-1]):
        return None
    found: dict[_Key, ast.Share | ast.Count] = {}
    for rule in rules:
        assert rule.when is not None
        for key, quantity in _keys(rule.when):
            found.setdefault(key, quantity)
    if len(found) != 2 or any(key[2] for key in found):
        return None
    keys = tuple(found)
    assert len(keys) == 2
    whole: Box = (_domain(keys[0])[0], _domain(keys[1])[0])
    own = []
    for rule in rules:
        assert rule.when is not None
        boxes = _boxes(rule.when, keys[0], keys[1])
        if boxes is None:
            return None
        own.append(tuple(boxes))
    last = block.rules[-1]
    reach = [(whole,) if rule is last else boxes for rule, boxes in zip(rules, own, strict=True)]
    quantities = (found[keys[0]], found[keys[1]])
    return Plane(quantities, tuple(reach), tuple(own))


def _key_of(quantity: ast.Share | ast.Count) -> _Key:
    kind = "share" if isinstance(quantity, ast.Share) else "count"
    return (kind, tuple(sorted(quantity.levels)), quantity.previous)


def _boxes(cond: ast.Cond, kx: _Key, ky: _Key) -> list[Box] | None:
    """The points where the condition holds, as boxes; None when it is not of the shape."""
    if isinstance(cond, ast.Compare):
        leaf = _leaf(cond)
        if leaf is None:
            return None
        key, values = leaf
        if key == kx:
            return [(iv, _domain(ky)[0]) for iv in values]
        if key == ky:
            return [(_domain(kx)[0], iv) for iv in values]
        return None
    if isinstance(cond, ast.And):
        found: list[Box] = [(_domain(kx)[0], _domain(ky)[0])]
        for operand in cond.operands:
            parts = _boxes(operand, kx, ky)
            if parts is None:
                return None
            found = [
                (x, y)
                for a in found
                for b in parts
                if not (x := _meet(a[0], b[0])).empty() and not (y := _meet(a[1], b[1])).empty()
            ]
            if len(found) > MAX_BOXES:
                return None
        return found
    if isinstance(cond, ast.Or):
        found = []
        for operand in cond.operands:
            parts = _boxes(operand, kx, ky)
            if parts is None:
                return None
            found += parts
        return found if len(found) <= MAX_BOXES else None
    return None


def meets(a: Sequence[Box], b: Sequence[Box]) -> bool:
    """Whether two unions of boxes share a point."""
    return any(_intersect((p[0],), (q[0],)) and _intersect((p[1],), (q[1],)) for p in a for q in b)


# --- the sweep -------------------------------------------------------------------------------


class _Axis:
    """The elementary pieces of one axis: (-∞, v0), {v0}, (v0, v1), {v1}, …, (vm, ∞)."""

    def __init__(self, ivs: Sequence[_Iv]) -> None:
        points = {p for iv in ivs for p in (iv.lo, iv.hi) if p is not None}
        self.values = sorted(points)
        self.index = {v: k for k, v in enumerate(self.values)}
        self.size = 2 * len(self.values) + 1

    def span(self, iv: _Iv) -> tuple[int, int]:
        """The first and last pieces of an interval (first > last: none)."""
        start = 0 if iv.lo is None else 2 * self.index[iv.lo] + (2 if iv.lo_open else 1)
        last = self.size - 1
        end = last if iv.hi is None else 2 * self.index[iv.hi] + (0 if iv.hi_open else 1)
        return start, end

    def piece(self, k: int) -> Interval:
        values = self.values
        if k % 2:
            v = values[k // 2]
            return (v, False, v, False)
        lo = values[k // 2 - 1] if k else None
        hi = values[k // 2] if k // 2 < len(values) else None
        return (lo, True, hi, True)


def _first_cells(rules: Sequence[Sequence[Box]]) -> dict[int, tuple[Interval, Interval]]:
    xs = _Axis([box[0] for boxes in rules for box in boxes])
    ys = _Axis([box[1] for boxes in rules for box in boxes])
    n = len(rules)
    starts: list[list[int]] = [[] for _ in range(xs.size)]
    ends: list[list[int]] = [[] for _ in range(xs.size)]
    spans: list[tuple[int, int, int]] = []  # per box: its rule's rank, first and last y piece
    by_rank: list[list[int]] = [[] for _ in range(n + 1)]
    for i, boxes in enumerate(rules):
        rank = n - i  # the earlier rule lies on top: the higher rank
        for along, across in boxes:
            x0, x1 = xs.span(along)
            y0, y1 = ys.span(across)
            if x0 > x1 or y0 > y1:
                continue
            box = len(spans)
            spans.append((rank, y0, y1))
            by_rank[rank].append(box)
            starts[x0].append(box)
            ends[x1].append(box)
    tree = _Tree(ys.size, n, len(spans))
    alive = tree.alive
    found: dict[int, tuple[Interval, Interval]] = {}
    for x in range(xs.size):  # a piece of the first axis
        for box in starts[x]:
            alive[box] = True
            tree.update(spans[box], box)
        while (rank := tree.mx[1]) > 0:
            y = tree.find(rank)
            found[n - rank] = (xs.piece(x), ys.piece(y))
            tree.seen[rank] = True
            for box in by_rank[rank]:
                if alive[box]:
                    tree.update(spans[box], None)
        for box in ends[x]:
            alive[box] = False
            tree.update(spans[box], None)
    return found


class _Tree:
    """A segment tree over the pieces of the second axis, kept bottom-up (node v has children
    2v and 2v + 1; the leaves from `size` on). Node v keeps the boxes covering its pieces whole
    (a heap by rank, the dead ones dropped when on top), `mn[v]` the least rank on top of a
    piece below it and `mx[v]` the greatest one not yet seen (0: none), the boxes of the nodes
    above v left out."""

    def __init__(self, pieces: int, n: int, boxes: int) -> None:
        size = 1
        while size < pieces:
            size *= 2
        self.size = size
        self.heaps: list[list[tuple[int, int]]] = [[] for _ in range(2 * size)]
        self.mn = [0] * (2 * size)
        self.mx = [0] * (2 * size)
        self.alive = [False] * boxes
        self.seen = [False] * (n + 2)

    def top(self, v: int) -> int:
        heap, alive = self.heaps[v], self.alive
        while heap and not alive[heap[0][1]]:
            heapq.heappop(heap)
        return -heap[0][0] if heap else 0

    def update(self, span: tuple[int, int, int], box: int | None) -> None:
        """Add `box` to the nodes covering its span (None: only bring them up to date)."""
        rank, y0, y1 = span
        size = self.size
        low, high = y0 + size, y1 + size + 1
        pull = self._pull
        while low < high:
            if low & 1:
                if box is not None:
                    heapq.heappush(self.heaps[low], (-rank, box))
                pull(low)
                low += 1
            if high & 1:
                high -= 1
                if box is not None:
                    heapq.heappush(self.heaps[high], (-rank, box))
                pull(high)
            low >>= 1
            high >>= 1
        first, last = (y0 + size) >> 1, (y1 + size) >> 1
        while first:
            pull(first)
            if last != first:
                pull(last)
            first >>= 1
            last >>= 1

    def _pull(self, v: int) -> None:
        heap, alive = self.heaps[v], self.alive
        while heap and not alive[heap[0][1]]:
            heapq.heappop(heap)
        t = -heap[0][0] if heap else 0
        mn, mx = self.mn, self.mx
        if v >= self.size:
            low = high = 0
        else:
            a, b = mn[2 * v], mn[2 * v + 1]
            low = a if a < b else b
            a, b = mx[2 * v], mx[2 * v + 1]
            high = a if a > b else b
        mn[v] = t if t > low else low
        if high > t:
            mx[v] = high
        elif t and low <= t and not self.seen[t]:
            mx[v] = t
        else:
            mx[v] = 0

    def find(self, rank: int) -> int:
        """The lowest piece where `rank` is on top (it is `mx` of the root)."""
        v, above = 1, 0
        while True:
            above = max(above, self.top(v))
            if v >= self.size:
                assert above == rank
                return v - self.size
            left = 2 * v
            if above == rank:  # a piece below with nothing higher of its own
                v = left if self.mn[left] <= rank else left + 1
            else:
                v = left if self.mx[left] == rank else left + 1
