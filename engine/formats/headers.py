"""Column headers: what a header means, matched by id or Vietnamese label.

Matching ignores case, surrounding and repeated inner spaces, and Unicode normalisation (the NFC
and NFD spellings of "Tín nhiệm" are one header). A header written without diacritics
("Ho va ten", "Tin nhiem thap") is matched too when that spelling means one thing only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from tinnhiem.engine.model import KNOWN_LEVELS

Kind = Literal["field", "turnout", "level"]
Meaning = tuple[Kind, str]

FIELDS = ("id", "name", "position", "group", "unit", "round")
TURNOUT = ("members", "present", "issued", "collected", "valid", "invalid")

_ALIASES: Mapping[Meaning, tuple[str, ...]] = {
    ("field", "id"): ("id", "mã", "mã số", "mã cán bộ"),
    ("field", "name"): ("name", "họ và tên", "họ tên", "tên", "full name"),
    ("field", "position"): ("position", "chức vụ", "chức danh"),
    ("field", "group"): ("group", "nhóm"),
    ("field", "unit"): ("unit", "đơn vị", "cơ quan"),
    ("field", "round"): ("round", "đợt", "kỳ", "kì", "kỳ họp", "đợt lấy phiếu", "lần"),
    ("turnout", "members"): (
        "members",
        "tổng số đại biểu",
        "số người được triệu tập",
        "người được triệu tập",
        "được triệu tập",
        "triệu tập",
        "số đại biểu",
    ),
    ("turnout", "present"): ("present", "có mặt", "người có mặt", "đại biểu có mặt"),
    ("turnout", "issued"): ("issued", "phát ra", "phiếu phát ra"),
    ("turnout", "collected"): ("collected", "thu về", "phiếu thu về"),
    ("turnout", "valid"): ("valid", "hợp lệ", "phiếu hợp lệ"),
    ("turnout", "invalid"): ("invalid", "không hợp lệ", "phiếu không hợp lệ"),
}

# "Số phiếu tín nhiệm cao", "Số người có mặt": a counting prefix before a known header.
_PREFIXES = ("tổng số phiếu ", "tổng số ", "số phiếu ", "số lượng ", "số ")


def _with_prefixes_removed(key: str, prefixes: tuple[str, ...]) -> list[str]:
    return [key] + [key[len(p) :] for p in prefixes if key.startswith(p)]


def normalise(text: str) -> str:
    """NFC, case-folded, with whitespace runs collapsed and the ends trimmed."""
    if text.isascii():  # the common case: already NFC, no BOM, and casefold is lower
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFC", text.replace("\ufeff", "")).casefold()
    return " ".join(text.split())


def fold(text: str) -> str:
    """`normalise` without diacritics: "Tín nhiệm thấp" -> "tin nhiem thap"."""
    decomposed = unicodedata.normalize("NFD", normalise(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d")


def looks_like_level(header: str) -> bool:
    """Whether a header names a level of the vote ("tín nhiệm" in it, with or without accents):
    one that does not match a level of the rules is an error, never a column read as text."""
    return "tin nhiem" in fold(header)


def display(text: str) -> str:
    """A header as shown in messages and used as an attribute name: trimmed, NFC, one space."""
    if text.isascii():
        return " ".join(text.split())
    return " ".join(unicodedata.normalize("NFC", text.replace("\ufeff", "")).split())


# Characters `display` removes or replaces: whitespace other than a space, and a BOM.
_NOT_SHOWN = re.compile(r"[^\S ]|\ufeff")


def display_all(texts: Sequence[str]) -> Sequence[str]:
    """`display` of each of `texts`: `texts` itself when none would change (the usual case,
    found in a few passes over the texts joined by NUL), else a new list."""
    joined = "\x00".join(texts)  # a NUL inside a text can only make this look, never skip
    kept = not (
        joined.startswith(" ")
        or joined.endswith(" ")
        or "\x00 " in joined
        or " \x00" in joined
        or "  " in joined
        or _NOT_SHOWN.search(joined)
    )
    if kept and unicodedata.is_normalized("NFC", joined):
        return texts
    return [display(text) for text in texts]


_FOLDED_PREFIXES = tuple(fold(p) + " " for p in _PREFIXES)  # fold() trims the space


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _unambiguous(pairs: Iterable[tuple[str, Meaning]]) -> dict[str, Meaning]:
    """A lookup table that drops every key claimed by two different meanings."""
    table: dict[str, Meaning] = {}
    clash: set[str] = set()
    for key, meaning in pairs:
        if key in clash or not key:
            continue
        if key in table and table[key] != meaning:
            del table[key]
            clash.add(key)
            continue
        table[key] = meaning
    return table


class HeaderMatcher:
    """Tells what a header means: a field, a turnout figure, a level, or nothing (an attribute).

    Levels are those of the rule set in use and, always, `KNOWN_LEVELS`: a column of a level the
    rule set lacks is still read as a level, so that the evaluator can report the mismatch. A known
    level whose label is also a label of the rule set is read as the rule set's level.
    """

    def __init__(self, levels: Mapping[str, str]) -> None:
        self.levels = dict(levels)
        by_label = {normalise(label): level for level, label in levels.items()}
        pairs: list[tuple[str, Meaning]] = []
        for meaning, aliases in _ALIASES.items():
            pairs += [(normalise(a), meaning) for a in aliases]
        for level, label in levels.items():
            pairs += [(normalise(level), ("level", level)), (normalise(label), ("level", level))]
        taken = {key for key, _ in pairs}
        for level, label in KNOWN_LEVELS.items():
            target = by_label.get(normalise(label), level)
            for key in (normalise(level), normalise(label)):
                if key not in taken:
                    pairs.append((key, ("level", target)))
        self.exact = _unambiguous(pairs)
        self.folded = _unambiguous((fold(key), meaning) for key, meaning in pairs)

    def match(self, header: str) -> Meaning | None:
        key = normalise(header)
        for candidate in _with_prefixes_removed(key, _PREFIXES):
            if candidate in self.exact:
                return self.exact[candidate]
        for candidate in _with_prefixes_removed(fold(key), _FOLDED_PREFIXES):
            if candidate in self.folded:
                return self.folded[candidate]
        return None

    def is_name(self, header: str) -> bool:
        return self.match(header) == ("field", "name")


# --- ballot files ----------------------------------------------------------------------------

_VOID = ("void", "hủy", "huỷ", "phiếu hủy", "phiếu huỷ", "phiếu không hợp lệ", "không hợp lệ")
_BALLOT_NUMBER = ("stt", "tt", "số tt", "số thứ tự", "phiếu số", "số phiếu", "ballot", "#")

# Headers that would say who cast a ballot. Matched as whole words in the header with its
# diacritics; the ASCII spellings listed are those no Vietnamese name can contain ("cu tri" could
# be the name "Cù Trí", "chu ky" the name "Chu Kỳ", so they are not listed).
_VOTER_WORDS = (
    "voter",
    "voters",
    "người bỏ phiếu",
    "người ghi phiếu",
    "người ghi",
    "cử tri",
    "đại biểu bỏ phiếu",
    "chữ ký",
    "chữ kí",
    "ký tên",
    "kí tên",
    "signature",
    "signed",
    "email",
    "e-mail",
    "điện thoại",
    "phone",
    "sđt",
    "cccd",
    "cmnd",
    "căn cước",
    "chứng minh",
    "số thẻ",
    "địa chỉ",
    "address",
    "mssv",
    "mã sinh viên",
    "mã nhân viên",
    "mã nv",
    "ma sinh vien",
    "ma nhan vien",
    "timestamp",
    "time stamp",
    "dấu thời gian",
    "thời gian",
    "dau thoi gian",
    "nguoi bo phieu",
    "nguoi ghi phieu",
    "dai bieu bo phieu",
    "dien thoai",
    "sdt",
    "can cuoc",
    "chung minh",
)
_VOTER_HEADERS = (
    "name",
    "full name",
    "họ và tên",
    "họ tên",
    "hoten",
    "tên",
    "tên đầy đủ",
    "ho va ten",
    "ho ten",
    "ten day du",
    "id",
    "mã",
    "mã số",
)
_VOTER_PATTERN = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(w) for w in sorted(_VOTER_WORDS, key=len, reverse=True))
    + r")(?!\w)"
)


def is_void_header(header: str) -> bool:
    return normalise(header) in _VOID


def is_ballot_number_header(header: str) -> bool:
    return normalise(header) in _BALLOT_NUMBER


def voter_key(header: str) -> str:
    """A header as `looks_like_voter` compares it: NFKC (full-width letters are letters), without
    invisible characters (zero-width spaces, joiners, marks of direction), `_` and `-` as spaces,
    and no punctuation at its ends ("Họ và tên:")."""
    text = unicodedata.normalize("NFKC", header)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc", "Co", "Cn"))
    text = normalise(text.replace("_", " ").replace("-", " "))
    return text.strip(" :.;,*#()[]")


def looks_like_voter(header: str) -> bool:
    """Whether a ballot file's column could say who cast each ballot (its name, id, contact).

    Headers only catch what they name; the root rule is in `ballots`: a column whose cells are not
    marks is refused and none of its cells is shown.
    """
    key = voter_key(header)
    return (
        key in _VOTER_HEADERS
        or _VOTER_PATTERN.search(key) is not None
        or _VOTER_PATTERN.search(key.replace("e mail", "email")) is not None
    )


# --- rows that are not people ----------------------------------------------------------------

_TOTALS = ("tổng cộng", "tổng", "cộng", "tổng số", "total", "totals", "sum", "grand total")
_TOTALS_FOLDED = frozenset(fold(t) for t in _TOTALS)
# A folded word is plain ASCII, which `fold` leaves as it is: so "`key` without diacritics is
# itself and a folded totals word" is just "`key` is a folded totals word".
_TOTALS_KEYS = frozenset(_TOTALS) | _TOTALS_FOLDED


def is_totals_word(text: str) -> bool:
    """Whether a cell reads like the label of a totals row ("Tổng cộng", "Cộng:", "Total").

    Without diacritics ("Tong cong") it counts too, but "Công" is not "Cộng".
    """
    return normalise(text).rstrip(":. ") in _TOTALS_KEYS


# `is_totals_word` of a whole cell, as a pattern over `normalise`d text before its whitespace is
# collapsed: cells apart by NUL, which neither NFC, casefolding nor a totals word crosses.
_TOTALS_CELL = re.compile(
    r"\x00\s*(?:"
    + "|".join(r"\s+".join(map(re.escape, key.split(" "))) for key in sorted(_TOTALS_KEYS))
    + r")[\s:.]*(?=\x00|\Z)"
)


def any_totals_word(texts: Iterable[str]) -> bool:
    """Whether `is_totals_word` holds for any of `texts`: a whole table in a few passes."""
    joined = "\x00" + "\x00".join(texts).replace("\ufeff", "")  # a literal first: fast search
    return _TOTALS_CELL.search(unicodedata.normalize("NFC", joined).casefold()) is not None
