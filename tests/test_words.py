"""The engine's reasons in both languages: what the TUI's "why" panel shows in Vietnamese."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tinnhiem.engine import evaluate
from tinnhiem.engine.conditions import Facts, Unknown, explain
from tinnhiem.engine.formats import read_tallies
from tinnhiem.engine.words import say
from tinnhiem.rules import load, parse

from tinnhiem import bundled


def _vinh_phuc(lang: str, rules: str = "nq96-2023"):  # type: ignore[no-untyped-def]
    ruleset = load(bundled.rules_dir() / f"{rules}.tn", bundled.loader()).ok()
    levels = {level.id: level.label for level in ruleset.levels.levels}
    dataset = read_tallies(bundled.data_dir() / "vinh-phuc-2023.csv", levels)
    return ruleset, dataset


BECAUSE = {
    "en": [
        "share(thap) = 25/47 = 53.19% ≥ 2/3: no",
        "share(thap) = 25/47 = 53.19% > 1/2: yes",
        "share(cao) = 19/47 = 40.43% ≥ 50%: no",
        "share(cao + tn) = 21/47 = 44.68% ≥ 50%: no",
        "no earlier rule matched",
    ],
    "vi": [
        "share(thap) = 25/47 = 53.19% ≥ 2/3: sai",
        "share(thap) = 25/47 = 53.19% > 1/2: đúng",
        "share(cao) = 19/47 = 40.43% ≥ 50%: sai",
        "share(cao + tn) = 21/47 = 44.68% ≥ 50%: sai",
        "không quy tắc nào trước đó khớp",
    ],
}


@pytest.mark.parametrize(("lang", "because"), BECAUSE.items())
def test_why_each_rule_matched_or_not_in_either_language(lang: str, because: list[str]) -> None:
    ruleset, dataset = _vinh_phuc(lang)
    (thanh,) = [r for r in evaluate(ruleset, dataset, lang=lang).results if "Thành" in r.tally.name]
    assert [s.because for v in thanh.verdicts for s in v.steps] == because
    assert thanh.klass("consequence") == "resign"  # the words change, never the result


def test_an_invalid_vote_says_why_in_either_language() -> None:
    ruleset, dataset = _vinh_phuc("vi", "qd96-2023")
    first = dataset.tallies[0]
    few = replace(first, turnout={"members": 47, "present": 20, "collected": 20})
    reasons = {
        lang: evaluate(ruleset, replace(dataset, tallies=(few,)), lang=lang).results[0].reason
        for lang in ("en", "vi")
    }
    assert reasons == {
        "en": "quorum not met: present = 20, not ≥ 2/3 of members = 47 (31.33)",
        "vi": "không đủ điều kiện: present = 20, cần ≥ 2/3 của members = 47 (31.33)",
    }


def test_an_unknown_value_and_the_words_of_and_or_not() -> None:
    (rule,) = (
        parse(
            'ruleset "x"\nclassify c "C" {\n  r "R" when not (appointed > 3 or share(thap) >= 1/2 '
            'and present > "x")\n}\n'
        )
        .statements[0]
        .rules
    )  # type: ignore[union-attr]
    facts = Facts({"thap": 1}, 2, {"present": 10}, {})
    assert rule.when is not None
    assert explain(rule.when, facts, lang="vi") == (
        True,
        "không phải (appointed > 3: sai (người này không có `appointed`) hoặc "
        '(share(thap) = 1/2 = 50.00% ≥ 1/2: đúng và present > "x": sai (không so sánh được '
        "số với văn bản))): đúng",
    )
    assert explain(rule.when, facts)[1] == (
        "not (appointed > 3: no (no `appointed` for this person) or "
        '(share(thap) = 1/2 = 50.00% ≥ 1/2: yes and present > "x": no (cannot compare a number '
        "with a text))): yes"
    )
    assert Unknown("no_attr", name="x").reason == say("en", "no_attr", name="x")
