"""`tinnhiem test --coverage`: which rules and thresholds the examples miss, with a ready example
for each gap."""

from __future__ import annotations

from typing import Any

from tinnhiem.engine.coverage import Coverage
from tinnhiem.rules.messages import say


def coverage_text(found: Coverage, lang: str = "en") -> str:
    rules, limits = found.rules, found.thresholds
    reached = sum(r.covered for r in rules)
    both = sum(t.covered for t in limits)
    lines = [
        say(
            lang,
            "coverage.summary",
            path=found.ruleset.path,
            reached=reached,
            rules=len(rules),
            both=both,
            limits=len(limits),
        )
    ]
    for rule in rules:
        if rule.covered:
            continue
        where = f"{rule.file}:{rule.line}"
        lines.append(
            say(lang, "coverage.no_example", where=where, rule=f"{rule.block}.{rule.rule}")
        )
        why = rule.why.said(lang) if rule.why is not None else ""
        lines.append(_indented(rule.example) if rule.example else f"  ({why})")
    for limit in limits:
        where = (
            f"{limit.file}:{limit.line}:{limit.column}: {limit.block}.{limit.rule} `{limit.source}`"
        )
        if not limit.at:
            lines.append(say(lang, "coverage.no_boundary", where=where))
            if limit.example_at:
                lines.append(_indented(limit.example_at))
        if not limit.away:
            lines.append(say(lang, "coverage.no_away", where=where))
            if limit.example_away:
                lines.append(_indented(limit.example_away))
    return "\n".join(lines)


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def coverage_document(found: Coverage, lang: str = "en") -> dict[str, Any]:
    return {
        "file": found.ruleset.path,
        "rules": [
            {
                "block": r.block,
                "rule": r.rule,
                "file": r.file,
                "line": r.line,
                "covered": r.covered,
                "examples": list(r.examples),
                "example": r.example or None,
                "why": r.why.said(lang) if r.why is not None else None,
            }
            for r in found.rules
        ],
        "thresholds": [
            {
                "block": t.block,
                "rule": t.rule,
                "file": t.file,
                "line": t.line,
                "column": t.column,
                "threshold": t.source,
                "at_boundary": list(t.at),
                "one_vote_away": list(t.away),
                "covered": t.covered,
                "example_at_boundary": t.example_at or None,
                "example_one_vote_away": t.example_away or None,
            }
            for t in found.thresholds
        ],
    }
