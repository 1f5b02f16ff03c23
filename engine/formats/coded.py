"""Counting a plain block of ballots without making an object of each cell.

A ballot file holds few distinct texts (the marks, blanks), repeated millions of times. Once a
block counted the usual way (`bytes.split`, one object per cell) has shown them, each later
block is rewritten in C: every known text is replaced, at the same length (the fast case of
`bytes.replace`), by a one-byte code followed by fillers; the fillers are deleted
(`bytes.translate`); each row is framed by delimiters, so that a blank cell, two delimiters
side by side, gets a code of its own. If every cell of the block was a known text, each row is
then `width` codes between `width + 1` delimiters and a newline, which two comparisons check,
and a column is a slice of every `width`-th code, whose codes `bytes.count` counts.

Why the counts are those of `bytes.split`: the codes and the filler are control bytes, which the
block is checked not to hold, and no known text holds (they come from the file's cells). A
cell rewritten to exactly one code byte therefore held exactly one known text and nothing
else: an unknown text keeps at least one byte of its own, two texts give two codes, and
replacements never cross a delimiter, which no text holds. Texts are replaced longest first, so
that one holding another ("cao+thap", "thap") is replaced whole. A block with an unknown text
fails the check and is counted the usual way, which also teaches its texts; a file of too many
distinct texts (a column of ballot numbers) stops trying. tests/test_ballots_coded.py holds
both ways equal.
"""

from __future__ import annotations

# control bytes, never a delimiter or a line end: what a cell is rewritten to
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 13))
BLANK = _CONTROL[0:1]  # a blank cell (b"\x00")
FILLER = _CONTROL[-1:]  # deleted once the texts are replaced
CODES = _CONTROL[1:-1]  # one per known text
MISSES = 16  # blocks a coder may fail on, beyond those it counted, before it stops trying


class Coder:
    """The known texts of one ballot file's cells, and the counting of a block by their codes."""

    def __init__(self, delimiter: bytes, width: int) -> None:
        self.delimiter = delimiter
        self.width = width
        self.texts: set[bytes] = set()
        self.replace: list[tuple[bytes, bytes]] = []  # (text, code + fillers), longest first
        self.code_of: dict[bytes, bytes] = {}  # text -> its one-byte code (blank included)
        self.used = BLANK + FILLER  # every control byte the rewriting writes
        self.frame = delimiter * (width + 1)  # the delimiters framing the cells of a row
        self.common = b""  # the text not counted but left over: the most frequent one
        self.hits = self.misses = 0
        self.off = False

    @property
    def ready(self) -> bool:
        return bool(self.replace) and not self.off

    def learn(self, cells: list[bytes]) -> None:
        """Add the texts of a block counted the usual way (when its counts could not be coded)."""
        if self.off:
            return
        new = set(cells) - self.texts
        new.discard(b"")
        if not new:
            return
        texts = self.texts | new
        if len(texts) > len(CODES) or any(text.translate(None, _CONTROL) != text for text in new):
            self.off = True  # too many texts to code, or one holding a control byte
            return
        self.texts = texts
        ordered = sorted(texts, key=lambda text: (-len(text), text))
        codes = [CODES[at : at + 1] for at in range(len(ordered))]
        pairs = list(zip(ordered, codes, strict=True))
        self.replace = [(text, code + FILLER * (len(text) - 1)) for text, code in pairs]
        self.code_of = {**dict(pairs), b"": BLANK}
        self.common = max(texts, key=cells.count)  # in the block that taught the texts
        self.used = BLANK + FILLER + b"".join(codes)

    def counts(self, block: bytes) -> list[dict[bytes, int]] | None:
        """The texts of each column of `block` and how often each is there, or None when a cell
        is not a known text (or a row not `width` cells).

        `block`: whole lines, each ending in a newline, without carriage returns or quotes.
        """
        counted = self._counts(block)
        if counted is None:
            self.misses += 1
            if self.misses > MISSES and self.misses > self.hits:
                self.off = True
        else:
            self.hits += 1
        return counted

    def _counts(self, block: bytes) -> list[dict[bytes, int]] | None:
        if block.translate(None, self.used) != block:
            return None  # the block holds a byte the rewriting writes: it could not be told apart
        coded = block
        for text, code in self.replace:
            coded = coded.replace(text, code)
        coded = coded.translate(None, FILLER)
        d, width = self.delimiter, self.width
        # each row framed by delimiters (",c,c,…,c,\n"): a blank cell, wherever it is in its
        # row, is then two delimiters side by side (twice: a run of blanks)
        coded = d + coded.replace(b"\n", d + b"\n" + d)[:-1]
        twice, framed = d + d, d + BLANK + d
        coded = coded.replace(twice, framed).replace(twice, framed)
        lines = block.count(b"\n")
        if len(coded) != (2 * width + 2) * lines or coded[0::2] != self.frame * lines:
            return None
        inner = coded[1::2]  # each row's cells, then its newline
        cells = inner.translate(None, b"\n")
        if len(cells) != width * lines or inner[width :: width + 1] != b"\n" * lines:
            return None
        if cells.translate(None, self.used):
            return None  # a cell kept a byte of its own: not a known text
        # the most frequent text of the column is what the others leave
        common, others = self.common, [(t, c) for t, c in self.code_of.items() if t != self.common]
        columns: list[dict[bytes, int]] = []
        for index in range(width):
            column = cells[index::width]
            found = {text: n for text, code in others if (n := column.count(code))}
            if rest := lines - sum(found.values()):
                found[common] = rest
            columns.append(found)
        return columns
