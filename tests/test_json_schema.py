"""Every JSON output of tinnhiem validates against engine/formats/schema.json, its kind's part.

The schema is published beside the writers; these tests hold the writers to it (a field added
or renamed without the schema fails here), and hold a streamed document equal to the document
built whole.
"""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tinnhiem.engine import evaluate
from tinnhiem.engine.formats import read_tallies, results_document, write_table
from tinnhiem.engine.formats.streams import write_json
from tinnhiem.engine.model import Evaluation
from tinnhiem.rules import load

from tinnhiem import bundled
from tinnhiem.cli import main

SCHEMA = json.loads(
    resources.files("tinnhiem.engine.formats").joinpath("schema.json").read_text("utf-8")
)
SAMPLES = bundled.data_dir()


Validator = jsonschema.Draft202012Validator
Validator.check_schema(SCHEMA)
WHOLE = Validator(SCHEMA)
KINDS = {
    kind: Validator({"$ref": f"#/$defs/{kind}", "$defs": SCHEMA["$defs"]})
    for kind in SCHEMA["$defs"]
}


def validate(document: Any, kind: str) -> None:
    """`document` valid as `kind`, and as exactly one kind of the whole schema."""
    KINDS[kind].validate(document)
    WHOLE.validate(document)


def out_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def people(path: Path, n: int) -> Path:
    """A tallies file of `n` people, some below the quorum, one exempt by a notice."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "group", "members", "present", "collected", "cao", "tn",
                         "thap", "retirement_notice"])  # fmt: skip
        for i in range(n):
            present = 30 if i % 9 else 18
            writer.writerow(
                [f"P{i}", f"Người {i}", f"Nhóm {i % 3}", 40, present, present, i % 5,
                 present - i % 5 - i % 7 * 2, i % 7 * 2, "có" if i == 4 else ""]
            )  # fmt: skip
    return path


RUNS = [
    [],
    ["-r", "qd41-2021", "-d", str(SAMPLES / "nhieu-ky.csv")],
    ["-r", "nq96-2023", "-d", str(SAMPLES / "phieu-bau.csv"), "--ballots"],
]


@pytest.mark.parametrize("args", RUNS)
def test_run_json_and_jsonl_follow_the_schema(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(out_of(capsys, "run", *args, "-f", "json"))
    assert document["schema_version"] == 1
    assert document["results"]
    validate(document, "results")
    lines = [json.loads(text) for text in out_of(capsys, "run", *args, "-f", "jsonl").splitlines()]
    assert lines[0] == {"schema_version": 1, "ruleset": document["ruleset"]}
    assert [line["result"] for line in lines[1:-1]] == document["results"]
    assert lines[-1] == {"reports": document["reports"], "warnings": document["warnings"]}
    for line in lines:
        validate(line, "jsonl_line")


def test_a_big_document_is_compact_and_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = people(tmp_path / "big.csv", 1001)
    text = out_of(capsys, "run", "-r", "qd96-2023", "-d", str(data), "-f", "json")
    lines = text.splitlines()
    assert len(lines) == 1001 + 2  # the head, one line per person, the tail
    assert lines[1].startswith('{"id":"P0","name":"Người 0",')
    document = json.loads(text)
    validate(document, "results")
    assert [r["status"] for r in document["results"][:10]] == ["invalid"] + ["evaluated"] * 3 + [
        "exempt"
    ] + ["evaluated"] * 4 + ["invalid"]
    pretty = out_of(capsys, "run", "-r", "qd96-2023", "-d", str(data), "-f", "json", "--pretty")
    assert json.loads(pretty) == document
    assert pretty.startswith('{\n  "schema_version": 1,\n  "ruleset": {\n')
    written = tmp_path / "out.json"
    out_of(capsys, "run", "-r", "qd96-2023", "-d", str(data), "-f", "json", "-o", str(written))
    assert written.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("pretty", [True, False])
def test_a_streamed_document_is_the_document_built_whole(tmp_path: Path, pretty: bool) -> None:
    ruleset = load(bundled.find_rules("qd96-2023"), bundled.loader()).ok()
    levels = {level.id: level.label for level in ruleset.levels.levels}
    evaluations = [Evaluation(ruleset, (), ())]  # nobody: "results": []
    for n in (1, 12):
        evaluations.append(
            evaluate(ruleset, read_tallies(people(tmp_path / f"{n}.csv", n), levels))
        )
    for n, evaluation in enumerate(evaluations):
        whole = results_document(evaluation)
        target = tmp_path / f"{n}.json"
        with target.open("w", encoding="utf-8") as out:
            tail = (evaluation.reports, evaluation.warnings)
            write_json(out, ruleset, evaluation.results, lambda t=tail: t, pretty=pretty)
        text = target.read_text(encoding="utf-8")
        if pretty:
            assert text == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
        assert json.loads(text) == whole


def test_compare_schedule_sweep_check_and_show_follow_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = people(tmp_path / "people.csv", 40)
    compared = json.loads(
        out_of(capsys, "compare", "qd96-2023", "qd41-2021", "-d", str(data), "-f", "json")
    )
    assert compared["changes"]
    validate(compared, "comparison")
    validate(json.loads(out_of(capsys, "schedule", "qd96-2023", "--term", "2021-2026",
                               "-f", "json")), "schedule")  # fmt: skip
    covered = out_of(
        capsys, "schedule", "qd96-2023", "--term", "2021-2026",
        "-d", str(SAMPLES / "thoi-gian-giu-chuc-vu.csv"), "-f", "json",
    )  # fmt: skip
    assert json.loads(covered)["people"]
    validate(json.loads(covered), "schedule")
    swept = out_of(
        capsys, "sweep", "qd96-2023", "-d", str(data), "--rule", "consequence.review",
        "--from", "40%", "--to", "60%", "--step", "5%", "-f", "json",
    )  # fmt: skip
    assert json.loads(swept)["steps"]
    validate(json.loads(swept), "sweep")
    bad = tmp_path / "bad.tn"
    bad.write_text('ruleset "x"\nlevels { a "A" }\nbasis valid\nclassify c "C" {\n', "utf-8")
    assert main(["check", str(bad), "qd96-2023", "--format", "json"]) == 1
    checked = json.loads(capsys.readouterr().out)
    assert checked["errors"] >= 1
    validate(checked, "check")
    validate(
        json.loads(out_of(capsys, "show", "qd96-2023", "--format", "json")), "ruleset_document"
    )


def test_an_exported_table_follows_the_schema(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    write_table(["Họ và tên", "Tỷ lệ"], [["An", 1], ["Bình", None]], target, "json", title="Bảng")
    validate(json.loads(target.read_text(encoding="utf-8")), "table")


def test_the_schema_rejects_a_result_it_does_not_describe(
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = json.loads(out_of(capsys, "run", "-f", "json"))
    document["results"][0]["percent"]["cao"] = "74.2"  # not two decimals
    with pytest.raises(jsonschema.ValidationError, match="does not match"):
        validate(document, "results")
    document = json.loads(out_of(capsys, "run", "-f", "json"))
    del document["schema_version"]
    with pytest.raises(jsonschema.ValidationError, match="'schema_version' is a required"):
        validate(document, "results")
