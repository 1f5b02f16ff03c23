"""Run the `example` blocks of a rule set: each is a tally and the classes it must get."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from tinnhiem.rules import ast
from tinnhiem.rules.messages import Message, message

from .conditions import FIELDS
from .evaluate import evaluate
from .model import KNOWN_LEVELS, DataError, DataIssue, Dataset, Origin, Result, Scalar, Tally
from .words import Lang, say

STATUS = "status"  # `expect status exempt|invalid|evaluated`
PREVIOUS_ROUND, CURRENT_ROUND = "trước", "này"


@dataclass(frozen=True, slots=True)
class ExampleOutcome:
    """One `expect` of one example: what it wanted, what the engine gave, and the line to show."""

    file: str
    line: int
    name: str
    block: str
    expected: str
    actual: str
    passed: bool
    message: str
    trace: tuple[str, ...] = ()  # the result's explanation, to show under a failure


def _split(
    settings: tuple[ast.Setting, ...], ruleset: ast.Resolved
) -> tuple[dict[str, int], dict[str, int], dict[str, Scalar], list[Message]]:
    """Turnout, counts and attributes of an example; what could not be read, in words."""
    levels = set(ruleset.levels.ids) | {m.source for m in ruleset.maps} | set(KNOWN_LEVELS)
    turnout: dict[str, int] = {}
    counts: dict[str, int] = {}
    attrs: dict[str, Scalar] = {}
    problems: list[Message] = []
    for setting in settings:
        if setting.name in ast.TURNOUT or setting.name in levels:
            value = setting.value
            number = value if isinstance(value, int | Fraction) else None
            if isinstance(value, bool) or number is None or number < 0 or number != int(number):
                problems.append(
                    message("example.not_count", setting=f"{setting.name} {setting.text}")
                )
                continue
            target = turnout if setting.name in ast.TURNOUT else counts
            target[setting.name] = int(number)
        else:
            attrs[setting.name] = setting.value
    return turnout, counts, attrs, problems


def _fields(attrs: dict[str, Scalar], defaults: dict[str, str]) -> dict[str, str]:
    """The named fields an example sets (`group "…"`), taken out of `attrs`: on data they are
    fields of the tally, not attributes, and an example must mean what data means."""
    fields = dict(defaults)
    for name in FIELDS:
        if name in attrs:
            value = attrs.pop(name)
            fields[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
    return fields


def example_tallies(example: ast.Example, ruleset: ast.Resolved, file: str) -> tuple[Tally, ...]:
    turnout, counts, attrs, problems = _split(example.settings, ruleset)
    here = Origin(file, example.span.line)
    fields = _fields(attrs, {"id": "example", "name": example.name, "round": CURRENT_ROUND})
    tallies = []
    if example.previous:
        before_turnout, before_counts, before_attrs, more = _split(example.previous, ruleset)
        problems += [message("example.previous", problem=p) for p in more]
        # the same person (id, name, unit, ...) at the vote before, unless restated
        before = _fields(before_attrs, {**fields, "round": PREVIOUS_ROUND})
        # the same body votes both times: turnout not restated is the current one
        tallies.append(
            Tally(
                **before,
                turnout={**turnout, **before_turnout},
                counts=before_counts,
                attrs=before_attrs,
                origin=here,
            )
        )
    if problems:
        raise DataError([_issue(p, here) for p in problems])
    tallies.append(Tally(**fields, turnout=turnout, counts=counts, attrs=attrs, origin=here))
    return tuple(tallies)


def _issue(said: Message, origin: Origin) -> DataIssue:
    return DataIssue.of("error", said, origin)


def _actual(result: Result, block: str, ruleset: ast.Resolved, lang: Lang = "en") -> str:
    if block == STATUS:
        return result.status
    if ruleset.block(block) is None:
        return say(lang, "example.no_block", block=block)
    if result.status != "evaluated":
        return f"{result.status} ({result.reason})"
    return result.klass(block) or say(lang, "example.no_class")


def example_result(
    ruleset: ast.Resolved, example: ast.Example, file: str = "", lang: Lang = "en"
) -> Result:
    """The explained result of an example's tally (its previous vote first), its reasons in
    `lang`; `DataError` when the example cannot be read."""
    file = file or ruleset.path
    tallies = example_tallies(example, ruleset, file)
    levels = tuple(dict.fromkeys(k for t in tallies for k in t.counts))
    evaluation = evaluate(ruleset, Dataset(file, tallies, levels), explain=True, lang=lang)
    return evaluation.results[-1]


def run_example(
    ruleset: ast.Resolved, example: ast.Example, lang: Lang = "en"
) -> list[ExampleOutcome]:
    """The outcome of each `expect` of one example, said in `lang` (`actual` too, but for the
    class and status ids, which are the rules' own)."""
    file = ruleset.origins.get(f"example:{example.name}", ruleset.path)
    result: Result | None = None
    error = ""
    try:
        result = example_result(ruleset, example, file, lang)
    except DataError as exc:
        error = "; ".join(issue.text(lang) for issue in exc.issues)
    outcomes = []
    expects = example.expects or (ast.Expect("", "", example.span),)
    for expect in expects:
        line = expect.span.line or example.span.line
        if not expect.block:
            actual, passed = say(lang, "example.nothing_expected"), False
        elif result is None:
            actual, passed = say(lang, "example.error", error=error), False
        else:
            actual = _actual(result, expect.block, ruleset, lang)
            passed = actual == expect.klass
        head = say(lang, "example.head", file=file, line=line, name=example.name)
        inherited = file != ruleset.path and ruleset.extends_span.line > 0
        if inherited:  # the overlay's to mend: said at its `extends`, the base's line in brackets
            base = file.replace("\\", "/").rsplit("/", 1)[-1]
            head = say(
                lang,
                "example.inherited_head",
                path=ruleset.path,
                at=ruleset.extends_span.line,
                name=example.name,
                base=base,
                line=line,
            )
        if not expect.block:
            said = say(lang, "example.no_expect", head=head)
        elif passed:
            said = f"{head}: {expect.block}: {expect.klass}: ok"
        else:
            said = say(
                lang,
                "example.failed",
                head=head,
                block=expect.block,
                klass=expect.klass,
                actual=actual,
            )
            if inherited:
                said += "; " + say(lang, "check.drop_or_write", name=example.name)
        trace = result.trace if result is not None and not passed else ()
        outcomes.append(
            ExampleOutcome(
                file, line, example.name, expect.block, expect.klass, actual, passed, said, trace
            )
        )
    return outcomes


def run_examples(ruleset: ast.Resolved, lang: Lang = "en") -> list[ExampleOutcome]:
    """Every `expect` of every example of the rule set (its bases' examples included)."""
    return [o for example in ruleset.examples for o in run_example(ruleset, example, lang)]
