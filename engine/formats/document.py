"""The results as plain data: the JSON contract of design.md, "Results out".

Shares are exact fractions written "count/basis" ("437/485", not reduced, so that the reader
sees both numbers); percentages are strings rounded half up to two decimals ("90.10").
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from tinnhiem.engine.model import (
    Evaluation,
    ReportRow,
    ReportTable,
    Result,
    Shares,
    percent,
    percent_of,
)
from tinnhiem.rules.ast import Resolved

SCHEMA_VERSION = 1  # of every JSON output; `schema.json` beside this file describes them


def share_text(share: Fraction, count: int | None, basis: int | None) -> str:
    """ "437/485" when that is the share, else the share in lowest terms ("2/3")."""
    # compared by cross-multiplying: no Fraction made (this runs for every share written)
    if count is not None and basis and count * share.denominator == share.numerator * basis:
        return f"{count}/{basis}"
    return f"{share.numerator}/{share.denominator}"


def _ordered(keys: list[str], mapping: dict[str, Any] | Any) -> list[str]:
    return [k for k in keys if k in mapping] + [k for k in mapping if k not in keys]


def result_document(result: Result, level_ids: list[str]) -> dict[str, Any]:
    tally = result.tally
    counts = result.counts
    order = result_order(result, level_ids)
    margins: dict[str, list[dict[str, Any]]] = {}
    for margin in result.margins:
        margins.setdefault(margin.block, []).append(
            {
                "level": margin.level,
                "direction": margin.direction,
                "votes": margin.votes,
                "to": margin.to_class,
            }
        )
    return {
        "id": tally.id,
        "name": tally.name,
        "position": tally.position,
        "group": tally.group,
        "round": tally.round,
        "status": result.status,
        "reason": result.reason,
        "basis": {"kind": result.basis_kind, "value": result.basis_value},
        "counts": {k: counts[k] for k in order},
        **result_shares(result, level_ids, order),
        "classes": {
            v.block: {"id": v.klass, "label": v.label, "line": v.rule_line} for v in result.verdicts
        },
        "margins": margins,
        "trace": list(result.trace),
    }


def result_order(result: Result, level_ids: list[str]) -> list[str]:
    """The levels of a result's counts in the order the document writes them."""
    counts = result.counts
    return list(counts) if list(counts) == level_ids else _ordered(level_ids, counts)


def result_shares(
    result: Result, level_ids: list[str], order: list[str]
) -> dict[str, dict[str, str]]:
    """The shares as "count/basis" and their percentages."""
    shares, counts, basis = result.shares, result.counts, result.basis_value
    if type(shares) is Shares and shares.counts is counts and basis and basis > 0:
        # count/basis exactly, as the run made them: no Fraction needed to write them
        return {
            "shares": {k: f"{counts[k]}/{basis}" for k in order},
            "percent": {k: percent_of(counts[k], basis) for k in order},
        }
    keys = _ordered(level_ids, shares)
    return {
        "shares": {k: share_text(shares[k], counts.get(k), basis) for k in keys},
        "percent": {k: percent(shares[k]) for k in keys},
    }


def _row(row: ReportRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "rated": row.rated,
        "exempt": row.exempt,
        "invalid": row.invalid,
        "counts": {block: dict(classes) for block, classes in row.counts.items()},
    }


def report_document(report: ReportTable, ruleset: Resolved) -> dict[str, Any]:
    blocks = []
    for block_id in report.blocks:
        block = ruleset.block(block_id)
        blocks.append(
            {
                "id": block_id,
                "label": block.label if block else block_id,
                "classes": [{"id": r.id, "label": r.label} for r in block.rules] if block else [],
            }
        )
    return {
        "title": report.title,
        "by": report.by,
        "blocks": blocks,
        "rows": [_row(r) for r in report.rows],
        "total": _row(report.total),
    }


def ruleset_head(ruleset: Resolved) -> dict[str, Any]:
    """The rule set as a results document names it: name, file and levels."""
    return {
        "name": ruleset.name,
        "file": ruleset.path,
        "levels": [{"id": lv.id, "label": lv.label} for lv in ruleset.levels.levels],
    }


def results_document(evaluation: Evaluation) -> dict[str, Any]:
    """The evaluation as the JSON contract: schema_version, ruleset, results, reports, warnings."""
    ruleset = evaluation.ruleset
    level_ids = list(ruleset.levels.ids)
    return {
        "schema_version": SCHEMA_VERSION,
        "ruleset": ruleset_head(ruleset),
        "results": [result_document(r, level_ids) for r in evaluation.results],
        "reports": [report_document(r, ruleset) for r in evaluation.reports],
        "warnings": [w.as_dict() for w in evaluation.warnings],
    }
