"""Results written one at a time: JSON, JSON Lines and CSV that never hold the whole output.

A JSON document of a big run is written with the C encoder (no `indent`, which forces the
pure-Python one), one person per line; a small one is indented for reading, byte for byte as
`json.dumps(document, indent=2)` would write it. Every JSON output names its `schema_version`
(`schema.json` beside this file describes each kind of document).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from tinnhiem.engine.model import DataIssue, ReportTable, Result
from tinnhiem.rules.ast import Resolved

from .document import SCHEMA_VERSION, report_document, result_document, ruleset_head
from .result_json import result_json, said_json

if TYPE_CHECKING:
    from tinnhiem.engine.explainer_fast import FastExplainer

# up to this many people a results document is indented for reading (the samples, the goldens);
# above it, one person per line: indenting is what made the encoder slow
PRETTY_PEOPLE = 1000

Tail = Callable[[], tuple[Sequence[ReportTable], Sequence[DataIssue]]]


def versioned(document: Mapping[str, Any]) -> dict[str, Any]:
    """`document` with `schema_version` first, as every JSON output carries it."""
    return {"schema_version": SCHEMA_VERSION, **document}


def dumps(document: Any, *, pretty: bool = True) -> str:
    """JSON text: indented by 2 for reading, else compact through the C encoder."""
    if pretty:
        return json.dumps(document, ensure_ascii=False, indent=2)
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _nested(document: Any, depth: int, pretty: bool) -> str:
    """`document` as it appears `depth` levels deep in an indented document (first line bare)."""
    text = dumps(document, pretty=pretty)
    return text.replace("\n", "\n" + "  " * depth) if pretty else text


def write_json(
    out: TextIO,
    ruleset: Resolved,
    results: Iterable[Result],
    tail: Tail,
    *,
    pretty: bool,
    explainer: FastExplainer | None = None,
) -> None:
    """The results document of design.md, written a person at a time.

    `tail()` is called after the last result: the reports and warnings of the whole run.
    `explainer`, the one that explained the results, lets a result it said from remembered
    pieces be written from their JSON, kept with them (`result_json.said_json`).
    """
    levels = list(ruleset.levels.ids)
    gap, comma = ("\n  ", ",") if pretty else ("", ",")
    colon = ": " if pretty else ":"
    out.write("{" + gap + f'"schema_version"{colon}{SCHEMA_VERSION}{comma}')
    out.write(gap + f'"ruleset"{colon}{_nested(ruleset_head(ruleset), 1, pretty)}{comma}')
    out.write(gap + f'"results"{colon}[')
    first = True
    for result in results:
        out.write(("\n    " if pretty else "\n") if first else ",\n" + "    " * pretty)
        last = None if explainer is None else explainer.last
        if pretty:
            out.write(_nested(result_document(result, levels), 2, pretty))
        elif last is not None and last[0] is result:
            out.write(said_json(result, last[1], levels))
        else:
            out.write(result_json(result, levels))
        first = False
    if not first:
        out.write("\n  " if pretty else "\n")
    reports, warnings = tail()
    out.write("]" + comma)
    reports_list = [report_document(r, ruleset) for r in reports]
    out.write(gap + f'"reports"{colon}{_nested(reports_list, 1, pretty)}{comma}')
    warnings_list = [w.as_dict() for w in warnings]
    out.write(gap + f'"warnings"{colon}{_nested(warnings_list, 1, pretty)}')
    out.write("\n}\n" if pretty else "}\n")


def write_jsonl(
    out: TextIO,
    ruleset: Resolved,
    results: Iterable[Result],
    tail: Tail,
    explainer: FastExplainer | None = None,
) -> None:
    """JSON Lines: {schema_version, ruleset}; a {"result": …} per person; {reports, warnings}.

    `explainer`: as `write_json` takes it."""
    levels = list(ruleset.levels.ids)
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out.write(encode({"schema_version": SCHEMA_VERSION, "ruleset": ruleset_head(ruleset)}) + "\n")
    write = out.write
    for result in results:
        last = None if explainer is None else explainer.last
        if last is not None and last[0] is result:
            write(f'{{"result":{said_json(result, last[1], levels)}}}\n')
        else:
            write('{"result":' + result_json(result, levels) + "}\n")
    reports, warnings = tail()
    closing = {
        "reports": [report_document(r, ruleset) for r in reports],
        "warnings": [w.as_dict() for w in warnings],
    }
    out.write(encode(closing) + "\n")


def write_csv(
    out: TextIO,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    bom: bool = True,
    crlf: bool = True,
) -> None:
    """CSV as Excel likes it (a byte-order mark, CRLF line ends; `writers`), row by row.

    On a terminal or a pipe the lines end in LF and there is no byte-order mark.
    """
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(headers)
    writer.writerows(rows)
