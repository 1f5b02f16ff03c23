"""A resolved rule set in plain Vietnamese (`describe`) and as a plain document (`to_document`).

The words follow the regulations: `> 1/2` is "quá nửa", `> x` "trên x", `>= x` "từ x … trở lên",
`< x` "dưới x", `<= x` "không quá x". Numbers are shown as written, with a decimal comma.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import PurePath
from typing import Any

from . import ast
from .fmt import format_cond

BASIS_WORDS = {
    "members": "tổng số người được triệu tập (tổng số đại biểu)",
    "present": "tổng số người có mặt",
    "issued": "tổng số phiếu phát ra",
    "collected": "tổng số phiếu thu về",
    "valid": "tổng số phiếu hợp lệ",
}
TURNOUT_WORDS = {
    "members": "tổng số người được triệu tập",
    "present": "số người có mặt",
    "issued": "số phiếu phát ra",
    "collected": "số phiếu thu về",
    "valid": "số phiếu hợp lệ",
    "invalid": "số phiếu không hợp lệ",
}
ATTR_WORDS = {"vote_date": "ngày lấy phiếu", "vote_year": "năm lấy phiếu"}
COLUMN_WORDS = {"group": "nhóm", "unit": "đơn vị", "position": "chức vụ", "round": "đợt"}
TYPE_WORDS = {"yes-no": "có/không", "date": "ngày", "number": "số", "text": "văn bản"}
_MIRROR: dict[ast.Op, ast.Op] = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(number: ast.Number) -> str:
    return (number.text or str(number.value)).replace(".", ",")


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


def _note(note: str | None) -> str:
    return f" ({note})" if note else ""


def _at_least(
    op: ast.Op, amount: str, rest: str = "", exact: str = "đúng", half: bool = False
) -> str:
    """`amount` (then `rest`) compared the regulations' way: "từ 2/3 … trở lên", "dưới …".

    With `half`, "> 1/2" of a whole (a share, a quorum) is said "quá nửa".
    """
    whole = f"{amount} {rest}" if rest else amount
    if op == ">=":
        return f"từ {whole} trở lên"
    if op == ">":
        return f"quá nửa {rest}" if half and amount == "1/2" else f"trên {whole}"
    if op == "<":
        return f"dưới {whole}"
    if op == "<=":
        return f"không quá {whole}"
    if op == "==":
        return f"{exact} {whole}"
    return f"khác {whole}"


def _date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def in_force_words(in_force: ast.InForce, name: str) -> str:
    """`NQ 85/2014 có hiệu lực từ 01/07/2015 đến hết 30/06/2023` (no final stop)."""
    parts = []
    if in_force.start is not None:
        parts.append(f"từ {_date(in_force.start)}")
    if in_force.end is not None:
        parts.append(f"đến hết {_date(in_force.end)}")
    return f"{name} có hiệu lực {' '.join(parts)}"


class _Words:
    """The sentences of one resolved rule set (it knows the labels of the levels)."""

    def __init__(self, r: ast.Resolved) -> None:
        self.r = r

    def levels(self, ids: tuple[str, ...]) -> str:
        return _and_list([_lower_first(self.r.label_of(i)) for i in ids])

    def block_name(self, block_id: str) -> str:
        block = self.r.block(block_id)
        return f"{block.label} ({block_id})" if block else block_id

    # values and conditions

    def value(self, value: ast.Value) -> str:
        if isinstance(value, ast.Number):
            return _number(value)
        if isinstance(value, ast.Share | ast.Count):
            noun = "tỷ lệ phiếu" if isinstance(value, ast.Share) else "số phiếu"
            return f"{noun} {self.levels(value.levels)}{self.before(value)}"
        if isinstance(value, ast.Turnout):
            return TURNOUT_WORDS.get(value.name, value.name)
        if isinstance(value, ast.Attr):
            return self.attr(value.name)
        if isinstance(value, ast.Call):
            if value.func == "rounded" and len(value.args) == 2:
                places = self.value(value.args[1])
                rounding = f"phần trăm làm tròn đến {places} chữ số thập phân"
                return f"{self.value(value.args[0])} ({rounding})"
            args = [self.value(a) for a in value.args]
            if value.func == "year" and len(args) == 1:
                return f"năm của {args[0]}"
            if value.func == "months" and len(args) == 2:
                return f"số tháng từ {args[0]} đến {args[1]}"
            return f"{value.func}({', '.join(args)})"
        literal = value.value
        if isinstance(literal, bool):
            return "đúng" if literal else "sai"
        if isinstance(literal, dt.date):
            return literal.strftime("%d/%m/%Y")
        return f'"{literal}"'

    def attr(self, name: str) -> str:
        """An attribute in words: its declared label, the words of a column, or its id."""
        decl = self.r.attribute(name)
        if decl is not None:
            return _lower_first(decl.label)
        return ATTR_WORDS.get(name) or COLUMN_WORDS.get(name) or name

    @staticmethod
    def before(value: ast.Share | ast.Count) -> str:
        return " ở lần lấy phiếu trước" if value.previous else ""

    @staticmethod
    def threshold(cond: ast.Cond) -> tuple[ast.Share | ast.Count, ast.Op, ast.Number] | None:
        """A share or count against a number, the number on the right."""
        if not isinstance(cond, ast.Compare):
            return None
        left, op, right = cond.left, cond.op, cond.right
        if isinstance(left, ast.Number) and isinstance(right, ast.Share | ast.Count):
            left, op, right = right, _MIRROR[op], left
        if isinstance(left, ast.Share | ast.Count) and isinstance(right, ast.Number):
            return left, op, right
        return None

    def had(self, cond: ast.Cond) -> bool:
        """Whether every part reads after "Người có" (thresholds and flags, no `not`)."""
        if isinstance(cond, ast.And | ast.Or):
            return all(self.had(c) for c in cond.operands)
        return isinstance(cond, ast.Truthy) or self.threshold(cond) is not None

    def cond(self, cond: ast.Cond, has: str = "có ") -> str:
        """The condition in words; `has` is put before each threshold and flag."""
        if isinstance(cond, ast.Truthy):
            decl = self.r.attribute(cond.value.name)
            if decl is not None:
                return _lower_first(decl.label)
            return has + cond.value.name
        if isinstance(cond, ast.InSet):
            items = [self.value(item) for item in cond.items]
            if not items:
                listed = "một giá trị trong tập rỗng"
            elif len(items) == 1:
                listed = items[0]
            else:
                listed = ", ".join(items[:-1]) + " hoặc " + items[-1]
            word = "không phải" if cond.negated else "là"
            return f"{self.value(cond.value)} {word} {listed}"
        if isinstance(cond, ast.Missing):
            word = "có giá trị" if cond.negated else "để trống"
            return f"{self.value(cond.value)} {word}"
        if isinstance(cond, ast.Not):
            inner = cond.operand
            if isinstance(inner, ast.Truthy) or self.threshold(inner) is not None:
                return "không " + self.cond(inner, "có ")
            return "không phải " + self.part(inner, has)
        if isinstance(cond, ast.And | ast.Or):
            word = " và " if isinstance(cond, ast.And) else " hoặc "
            return word.join(self.part(c, has) for c in cond.operands)
        found = self.threshold(cond)
        if found is not None:
            value, op, number = found
            unit = "số phiếu" if isinstance(value, ast.Share) else "phiếu"
            rest = f"{unit} {self.levels(value.levels)}{self.before(value)}"
            half = isinstance(value, ast.Share)
            exact = ""
            if isinstance(value, ast.Share) and number.is_percent and "." in number.text:
                exact = " (tỷ lệ tính chính xác, không làm tròn)"
            return has + _at_least(op, _number(number), rest, half=half) + exact
        left, right = self.value(cond.left), self.value(cond.right)
        if isinstance(cond.right, ast.Literal_) and isinstance(cond.right.value, dt.date):
            when = {">": "sau", ">=": "từ", "<": "trước", "<=": "đến hết", "==": "là", "!=": "khác"}
            return f"{left} {when[cond.op]} {right}"
        return f"{left} {_at_least(cond.op, right, exact='bằng')}"

    def part(self, cond: ast.Cond, has: str) -> str:
        text = self.cond(cond, has)
        return f"({text})" if isinstance(cond, ast.And | ast.Or) else text

    def rule(self, rule: ast.Rule) -> str:
        if rule.when is None:
            return f"- Nếu không: {rule.label}{_note(rule.note)}."
        if self.had(rule.when):
            return f"- Người có {self.cond(rule.when, '')}: {rule.label}{_note(rule.note)}."
        return f"- Nếu {self.cond(rule.when)}: {rule.label}{_note(rule.note)}."

    # sections

    def head(self) -> list[str]:
        r = self.r
        lines = [f'Bộ quy tắc "{r.name}" (tệp {PurePath(r.path).name}).']
        if len(r.files) > 1:
            bases = " → ".join(PurePath(f).name for f in r.files[1:])
            lines.append(f"Kế thừa: {bases}; các phần không viết lại lấy từ tệp gốc.")
        if r.sources:
            lines.append(f"Căn cứ: {'; '.join(r.sources)}.")
        if r.in_force is not None:
            lines.append(in_force_words(r.in_force, r.name) + ".")
        for decl in r.attributes:
            kind = TYPE_WORDS[decl.type]
            lines.append(f"Dữ liệu: cột {decl.name} là “{decl.label}” ({kind}).")
        return lines

    def setup(self) -> list[str]:
        r = self.r
        levels = ", ".join(f"{lv.label} ({lv.id})" for lv in r.levels.levels)
        lines = [f"Các mức tín nhiệm ({len(r.levels.levels)}): {levels}."]
        for m in r.maps:
            lines.append(
                f"Phiếu mức {m.source} trong dữ liệu được tính là {r.label_of(m.target)} "
                f"({m.target})."
            )
        lines.append(f"Tỷ lệ tính trên {BASIS_WORDS.get(r.basis.kind, r.basis.kind)}.")
        if r.quorum is not None:
            q = r.quorum
            measure = TURNOUT_WORDS.get(q.measure, q.measure)
            amount = _at_least(q.op, _number(q.fraction), TURNOUT_WORDS.get(q.of, q.of), half=True)
            lines.append(
                f"Việc lấy phiếu chỉ có giá trị khi {measure} {amount}; "
                "nếu không, kết quả không được xét."
            )
        if r.schedule is not None:
            lines.append(self.schedule(r.schedule))
        return lines

    @staticmethod
    def schedule(s: ast.Schedule) -> str:
        parts = [f"nhiệm kỳ {s.term_years} năm"] if s.term_years else []
        if not s.years:
            parts.append("lấy phiếu hằng năm")
        else:
            years = _and_list([f"thứ {y}" for y in s.years])
            many = "các năm" if len(s.years) > 1 else "năm"
            parts.append(f"lấy phiếu vào {many} {years} của nhiệm kỳ")
        text = "; ".join(parts)
        if s.meeting:
            text += f", tại {s.meeting}"
        if s.month:
            text += f" (tháng {s.month})"
        return _upper_first(text) + "."

    def exempts(self) -> list[str]:
        if not self.r.exempts:
            return []
        lines = ["Không lấy phiếu đối với:"]
        for e in self.r.exempts:
            lines.append(f"- {e.reason} (khi {self.cond(e.when)}){_note(e.note)}.")
        return lines

    def classify(self, block: ast.Classify) -> list[str]:
        head = f"{block.label} ({block.id}): xét lần lượt, áp dụng trường hợp đầu tiên thỏa mãn:"
        return [head, *(self.rule(rule) for rule in block.rules)]

    def reports(self) -> list[str]:
        lines = []
        for rep in self.r.reports:
            by = COLUMN_WORDS.get(rep.by, rep.by)
            counts = ", ".join(self.block_name(c) for c in rep.counts)
            lines.append(f'Báo cáo "{rep.title}": theo {by}, đếm số người theo {counts}.')
        return lines

    def examples(self) -> list[str]:
        count = len(self.r.examples)
        return [f"Có {count} ví dụ kiểm thử (lệnh `tinnhiem test`)."] if count else []


def describe(r: ast.Resolved) -> str:
    """The resolved rule set in plain Vietnamese sentences, with their articles."""
    words = _Words(r)
    sections = [
        words.head(),
        words.setup(),
        words.exempts(),
        *(words.classify(block) for block in r.classifies),
        words.reports(),
        words.examples(),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines)


# --- the machine-readable form -----------------------------------------------------------------


def _fraction(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def _scalar(value: ast.Scalar) -> str | int | bool | dt.date:
    return _fraction(value) if isinstance(value, Fraction) else value


def _settings(settings: tuple[ast.Setting, ...]) -> dict[str, Any]:
    return {s.name: _scalar(s.value) for s in settings}


def _optional(**items: Any) -> dict[str, Any]:
    """TOML has no null: keys whose value is None are left out."""
    return {k: v for k, v in items.items() if v is not None}


def _rule_document(rule: ast.Rule) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": rule.id, "label": rule.label}
    if rule.when is not None:
        doc["when"] = format_cond(rule.when)
    if rule.note is not None:
        doc["note"] = rule.note
    doc["else"] = rule.is_else
    return doc


def to_document(r: ast.Resolved) -> dict[str, Any]:
    """The resolved rule set as plain data (TOML- and JSON-ready; fractions as "2/3")."""
    doc: dict[str, Any] = {
        "name": r.name,
        "file": r.path,
        "files": list(r.files),
        "sources": list(r.sources),
        "levels": [{"id": lv.id, "label": lv.label} for lv in r.levels.levels],
        "maps": [{"from": m.source, "to": m.target} for m in r.maps],
        "basis": r.basis.kind,
    }
    if r.quorum is not None:
        q = r.quorum
        doc["quorum"] = {
            "measure": q.measure,
            "op": q.op,
            "fraction": _fraction(q.fraction.value),
            "text": q.fraction.text,
            "of": q.of,
        }
    if r.schedule is not None:
        s = r.schedule
        doc["schedule"] = _optional(
            term_years=s.term_years, years=list(s.years), meeting=s.meeting, month=s.month
        )
    doc["exempts"] = [
        _optional(reason=e.reason, when=format_cond(e.when), note=e.note) for e in r.exempts
    ]
    doc["classify"] = [
        {
            "id": block.id,
            "label": block.label,
            "rules": [_rule_document(rule) for rule in block.rules],
        }
        for block in r.classifies
    ]
    doc["reports"] = [
        {"title": rep.title, "by": rep.by, "counts": list(rep.counts)} for rep in r.reports
    ]
    doc["examples"] = [
        {
            "name": e.name,
            "settings": _settings(e.settings),
            "previous": _settings(e.previous),
            "expect": [{"block": x.block, "class": x.klass} for x in e.expects],
        }
        for e in r.examples
    ]
    if r.in_force is not None:
        doc["in_force"] = _optional(**{"from": r.in_force.start, "until": r.in_force.end})
    if r.attributes:
        doc["attributes"] = [{"id": a.name, "type": a.type, "label": a.label} for a in r.attributes]
    doc["origins"] = dict(sorted(r.origins.items()))
    return doc
