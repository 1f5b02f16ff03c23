"""The one message catalog: every key in both languages with the same fields, said the same way
by the engine (`say`), the terminal UI (`t`) and the data issues."""

from __future__ import annotations

import string

import pytest
from tinnhiem.engine.model import DataIssue, Origin, capped
from tinnhiem.engine.words import say
from tinnhiem.rules.messages import CATALOG, language, message, plural
from tinnhiem.rules.messages.app import APP
from tinnhiem.rules.messages.checks import CHECKS
from tinnhiem.rules.messages.cli import CLI
from tinnhiem.rules.messages.data import DATA
from tinnhiem.rules.messages.engine import ENGINE
from tinnhiem.rules.messages.library import LIBRARY
from tinnhiem.rules.messages.rules import RULES
from tinnhiem.rules.messages.show import SHOW
from tinnhiem.rules.messages.usage import USAGE
from tinnhiem.tui.i18n import t

# the same in both languages: "#", "{a}  ⇄  {b}", "{prefix}{key}: {error}"
NEUTRAL = {
    "col.number",
    "compare.title",
    "data.keyed",
    "check.redirected",
    "syntax.found",
    "usage.given",
}


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def test_every_key_has_both_languages_with_the_same_fields() -> None:
    for key, (english, vietnamese) in CATALOG.items():
        assert english.strip() and vietnamese.strip(), key
        assert english != vietnamese or key in NEUTRAL, key
        assert _fields(english) == _fields(vietnamese), key


def test_one_table_per_key() -> None:
    tables = (ENGINE, DATA, RULES, CHECKS, CLI, APP, LIBRARY, USAGE, SHOW)
    assert sum(len(table) for table in tables) == len(CATALOG)


def test_a_plural_has_both_forms() -> None:
    for key in CATALOG:
        if key.endswith(".one"):
            assert key.removesuffix(".one") + ".other" in CATALOG, key


def test_the_engine_and_the_app_say_the_same_words() -> None:
    assert t("vi", "status.exempt") == say("vi", "status.exempt") == "Không lấy phiếu"
    assert t("en", "status.exempt") == say("en", "status.exempt") == "Exempt"
    assert t("vi", "status.people", n=3) == "3 người"
    assert say("vi", "no_attr", name="appointed") == "người này không có `appointed`"


@pytest.mark.parametrize(
    ("n", "en", "vi"),
    [
        (1, "1 file checked", "Đã kiểm tra 1 tệp"),
        (2, "2 files checked", "Đã kiểm tra 2 tệp"),
        (0, "0 files checked", "Đã kiểm tra 0 tệp"),
    ],
)
def test_plural(n: int, en: str, vi: str) -> None:
    assert plural("en", "check.files", n) == en
    assert plural("vi", "check.files", n) == vi


def test_an_unknown_key_fails_where_it_is_made() -> None:
    with pytest.raises(KeyError):
        message("data.no_such_key")


def test_a_message_inside_a_message_is_said_in_the_same_language() -> None:
    inner = message("no_attr", name="x")
    assert say("vi", "unknown", cond="a > 1", reason=inner) == "a > 1: sai (người này không có `x`)"
    assert say("en", "unknown", cond="a > 1", reason=inner) == "a > 1: no (no `x` for this person)"


def test_a_data_issue_is_said_in_the_reader_s_language() -> None:
    issue = DataIssue.of("error", message("data.more_errors.other", n=4), Origin("a.csv", 3, "cao"))
    assert issue.message == "and 4 more errors"
    assert issue.render() == "a.csv, row 3, column 'cao': error: and 4 more errors"
    assert issue.render("vi") == "a.csv, dòng 3, cột 'cao': lỗi: và 4 lỗi nữa"
    assert issue.as_dict("vi")["message"] == "và 4 lỗi nữa"
    assert issue.as_dict()["message"] == "and 4 more errors"


def test_one_more_error_is_singular() -> None:
    issues = [DataIssue("error", f"e{i}", Origin("a.csv", i)) for i in range(51)]
    assert capped(issues, "a.csv").issues[-1].render() == "a.csv: error: and 1 more error"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "vi"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "vi_VN.UTF-8"}, "vi"),
        ({"LC_ALL": "vi_VN.UTF-8", "LC_MESSAGES": "C"}, "vi"),
        ({"LC_ALL": "", "LANG": "vi_VN"}, "vi"),
    ],
)
def test_the_language_of_a_locale(environ: dict[str, str], lang: str) -> None:
    assert language(environ) == lang


@pytest.mark.parametrize(
    ("key", "n", "en", "vi"),
    [
        ("status.people", 1, "1 person", "1 người"),
        ("status.people", 3, "3 people", "3 người"),
        (
            "status.errors",
            1,
            "1 error: showing the last good results",
            "1 lỗi: đang hiện kết quả cũ",
        ),
        ("status.warnings", 2, "2 warnings", "2 cảnh báo"),
        ("export.done", 1, "Exported 1 row to a.csv", "Đã xuất 1 dòng ra a.csv"),
    ],
)
def test_the_app_s_counts_take_their_plural_by_n(key: str, n: int, en: str, vi: str) -> None:
    assert t("en", key, n=n, path="a.csv") == en
    assert t("vi", key, n=n, path="a.csv") == vi


def test_a_message_of_two_forms_is_made_by_its_stem_and_takes_its_form_from_n() -> None:
    from tinnhiem.rules.messages import message

    one = message("config.not_paths", name="recent.data", n=1)
    two = message("config.not_paths", name="recent.data", n=2)
    assert one.said("en") == "recent.data: 1 entry that is not a path in quotes"
    assert two.said("en") == "recent.data: 2 entries that are not paths in quotes"
    assert two.said("vi") == "recent.data: 2 mục không phải đường dẫn trong ngoặc kép"
    with pytest.raises(KeyError):
        message("config.not_pathz", n=1)
