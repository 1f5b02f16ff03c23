"""A resolved rule set in plain words (`describe`) and as a plain document (`to_document`).

Every phrase comes from the catalog (`messages/show.py`), so the one structure below says the
rule set in Vietnamese, in the regulations' words (`> 1/2` is "quá nửa", `>= x` "từ x … trở
lên"), or in English. Numbers are shown as written, with the language's decimal mark. The labels
of the rules file are quoted as it writes them.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import PurePath
from typing import Any

from . import ast
from .fmt import format_cond
from .messages import plural, say

_MIRROR: dict[ast.Op, ast.Op] = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}
_COLUMNS = ("group", "unit", "position", "round")
_FIGURES = ("members", "present", "issued", "collected", "valid", "invalid")
# the Vietnamese name of each count of a vote (the writers' labels of the basis)
TURNOUT_WORDS = {name: say("vi", f"show.turnout.{name}") for name in _FIGURES}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _note(note: str | None) -> str:
    return f" ({note})" if note else ""


def in_force_words(in_force: ast.InForce, name: str, lang: str = "vi") -> str:
    """`NQ 85/2014 có hiệu lực từ 01/07/2015 đến hết 30/06/2023` (no final stop)."""
    parts = []
    if in_force.start is not None:
        parts.append(
            say(lang, "show.in_force.from", date=say(lang, "show.date", day=in_force.start))
        )
    if in_force.end is not None:
        parts.append(
            say(lang, "show.in_force.until", date=say(lang, "show.date", day=in_force.end))
        )
    return say(lang, "show.in_force", name=name, when=" ".join(parts))


class _Words:
    """The sentences of one resolved rule set (it knows the labels of the levels) in `lang`."""

    def __init__(self, r: ast.Resolved, lang: str) -> None:
        self.r = r
        self.lang = lang

    def say(self, key: str, /, **fields: object) -> str:
        return say(self.lang, f"show.{key}", **fields)

    def number(self, number: ast.Number) -> str:
        return (number.text or str(number.value)).replace(".", self.say("decimal_point"))

    def date(self, day: dt.date) -> str:
        return self.say("date", day=day)

    def and_list(self, items: list[str]) -> str:
        if len(items) == 1:
            return items[0]
        return ", ".join(items[:-1]) + f" {say(self.lang, 'and')} " + items[-1]

    def levels(self, ids: tuple[str, ...]) -> str:
        return self.and_list([_lower_first(self.r.label_of(i)) for i in ids])

    def block_name(self, block_id: str) -> str:
        block = self.r.block(block_id)
        return f"{block.label} ({block_id})" if block else block_id

    def at_least(
        self, op: ast.Op, amount: str, rest: str = "", exact: str = "==", half: bool = False
    ) -> str:
        """`amount` (then `rest`) compared the regulations' way: "từ 2/3 … trở lên", "dưới …".

        With `half`, "> 1/2" of a whole (a share, a quorum) is said "quá nửa"; `exact` is the
        word of `==` ("đúng", or "bằng" for `equal`)."""
        whole = f"{amount} {rest}" if rest else amount
        if op == ">" and half and amount == "1/2":
            return self.say("cmp.half", rest=rest)
        if op == "==":
            return self.say("cmp.equal" if exact == "equal" else "cmp.==", whole=whole)
        return self.say(f"cmp.{op}", whole=whole)

    # values and conditions

    def value(self, value: ast.Value) -> str:
        if isinstance(value, ast.Number):
            return self.number(value)
        if isinstance(value, ast.Share | ast.Count):
            key = "share" if isinstance(value, ast.Share) else "count"
            return self.say(key, levels=self.levels(value.levels), before=self.before(value))
        if isinstance(value, ast.Turnout):
            return self.figure(value.name)
        if isinstance(value, ast.Attr):
            return self.attr(value.name)
        if isinstance(value, ast.Call):
            if value.func == "rounded" and len(value.args) == 2:
                places = self.value(value.args[1])
                return self.say("rounded", share=self.value(value.args[0]), places=places)
            args = [self.value(a) for a in value.args]
            if value.func == "year" and len(args) == 1:
                return self.say("year_of", value=args[0])
            if value.func == "months" and len(args) == 2:
                return self.say("months", start=args[0], end=args[1])
            return f"{value.func}({', '.join(args)})"
        literal = value.value
        if isinstance(literal, bool):
            return self.say("true" if literal else "false")
        if isinstance(literal, dt.date):
            return self.date(literal)
        return f'"{literal}"'

    def figure(self, name: str) -> str:
        return self.say(f"turnout.{name}") if name in _FIGURES else name

    def attr(self, name: str) -> str:
        """An attribute in words: its declared label, the words of a column, or its id."""
        decl = self.r.attribute(name)
        if decl is not None:
            return _lower_first(decl.label)
        if name in ("vote_date", "vote_year"):
            return self.say(f"attr.{name}")
        if name in _COLUMNS:
            return self.say(f"column.{name}")
        return name

    def before(self, value: ast.Share | ast.Count) -> str:
        return self.say("previous") if value.previous else ""

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

    def cond(self, cond: ast.Cond, has: bool = True) -> str:
        """The condition in words; with `has`, "có" ("has") is put before each threshold and
        flag (not after "Người có")."""
        if isinstance(cond, ast.Truthy):
            decl = self.r.attribute(cond.value.name)
            if decl is not None:
                return _lower_first(decl.label)
            return self.say("has", cond=cond.value.name) if has else cond.value.name
        if isinstance(cond, ast.InSet):
            items = [self.value(item) for item in cond.items]
            if not items:
                listed = self.say("empty_set")
            elif len(items) == 1:
                listed = items[0]
            else:
                listed = ", ".join(items[:-1]) + f" {say(self.lang, 'or')} " + items[-1]
            key = "not_in" if cond.negated else "in"
            return self.say(key, value=self.value(cond.value), items=listed)
        if isinstance(cond, ast.Missing):
            return self.say("filled" if cond.negated else "blank", value=self.value(cond.value))
        if isinstance(cond, ast.Not):
            inner = cond.operand
            if isinstance(inner, ast.Truthy) or self.threshold(inner) is not None:
                return self.say("not_has", cond=self.cond(inner))
            return self.say("not", cond=self.part(inner, has))
        if isinstance(cond, ast.And | ast.Or):
            word = f" {say(self.lang, 'and' if isinstance(cond, ast.And) else 'or')} "
            return word.join(self.part(c, has) for c in cond.operands)
        found = self.threshold(cond)
        if found is not None:
            value, op, number = found
            share = isinstance(value, ast.Share)
            rest = self.say(
                "share_of" if share else "count_of",
                levels=self.levels(value.levels),
                before=self.before(value),
            )
            exact = ""
            if share and number.is_percent and "." in number.text:
                exact = self.say("exact")
            said = self.at_least(op, self.number(number), rest, half=share) + exact
            return self.say("has", cond=said) if has else said
        left, right = self.value(cond.left), self.value(cond.right)
        if isinstance(cond.right, ast.Literal_) and isinstance(cond.right.value, dt.date):
            return self.say(f"when.{cond.op}", left=left, right=right)
        return self.say("compare", left=left, cmp=self.at_least(cond.op, right, exact="equal"))

    def part(self, cond: ast.Cond, has: bool) -> str:
        text = self.cond(cond, has)
        return f"({text})" if isinstance(cond, ast.And | ast.Or) else text

    def rule(self, rule: ast.Rule) -> str:
        said = {"label": rule.label, "note": _note(rule.note)}
        if rule.when is None:
            return self.say("rule.else", **said)
        if self.had(rule.when):
            return self.say("rule.had", cond=self.cond(rule.when, has=False), **said)
        return self.say("rule.if", cond=self.cond(rule.when), **said)

    # sections

    def head(self) -> list[str]:
        r = self.r
        lines = [self.say("head", name=r.name, file=PurePath(r.path).name)]
        if len(r.files) > 1:
            bases = " → ".join(PurePath(f).name for f in r.files[1:])
            lines.append(self.say("extends", bases=bases))
        if r.sources:
            lines.append(self.say("sources", sources="; ".join(r.sources)))
        if r.in_force is not None:
            lines.append(in_force_words(r.in_force, r.name, self.lang) + ".")
        for decl in r.attributes:
            kind = self.say(f"type.{decl.type}")
            lines.append(self.say("attribute", name=decl.name, label=decl.label, kind=kind))
        return lines

    def setup(self) -> list[str]:
        r = self.r
        levels = ", ".join(f"{lv.label} ({lv.id})" for lv in r.levels.levels)
        lines = [self.say("levels", n=len(r.levels.levels), levels=levels)]
        for m in r.maps:
            label = r.label_of(m.target)
            lines.append(self.say("map", source=m.source, label=label, target=m.target))
        kind = r.basis.kind
        basis = self.say(f"basis.{kind}") if kind in _FIGURES[:-1] else kind
        lines.append(self.say("basis", basis=basis))
        if r.quorum is not None:
            q = r.quorum
            of = self.say("quorum.of", of=self.figure(q.of))
            amount = self.at_least(q.op, self.number(q.fraction), of, half=True)
            lines.append(self.say("quorum", measure=self.figure(q.measure), amount=amount))
        if r.schedule is not None:
            lines.append(self.schedule(r.schedule))
        return lines

    def schedule(self, s: ast.Schedule) -> str:
        lang = self.lang
        parts = [plural(lang, "show.term", s.term_years)] if s.term_years else []
        if not s.years:
            parts.append(self.say("every_year"))
        else:
            years = self.and_list([self.say("year_nth", n=y) for y in s.years])
            parts.append(plural(lang, "show.in_years", len(s.years), years=years))
        text = "; ".join(parts)
        if s.meeting:
            text = self.say("meeting", schedule=text, meeting=s.meeting)
        if s.month:
            text = self.say("month", schedule=text, month=s.month)
        return _upper_first(text) + "."

    def exempts(self) -> list[str]:
        if not self.r.exempts:
            return []
        lines = [self.say("exempts")]
        for e in self.r.exempts:
            cond = self.cond(e.when)
            lines.append(self.say("exempt", reason=e.reason, cond=cond, note=_note(e.note)))
        return lines

    def classify(self, block: ast.Classify) -> list[str]:
        head = self.say("classify", label=block.label, id=block.id)
        return [head, *(self.rule(rule) for rule in block.rules)]

    def reports(self) -> list[str]:
        lines = []
        for rep in self.r.reports:
            by = self.say(f"column.{rep.by}") if rep.by in _COLUMNS else rep.by
            counts = ", ".join(self.block_name(c) for c in rep.counts)
            lines.append(self.say("report", title=rep.title, by=by, counts=counts))
        return lines

    def examples(self) -> list[str]:
        count = len(self.r.examples)
        return [plural(self.lang, "show.examples", count)] if count else []


def describe(r: ast.Resolved, lang: str = "vi") -> str:
    """The resolved rule set in plain sentences (Vietnamese, or English with `lang="en"`), with
    their articles."""
    words = _Words(r, lang)
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
