"""Header matching: ids, Vietnamese labels, spelling variants; voter columns; totals rows."""

from __future__ import annotations

import unicodedata

import pytest
from tinnhiem.engine.formats.headers import (
    HeaderMatcher,
    column_letter,
    is_totals_word,
    looks_like_voter,
    normalise,
)

LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("name", ("field", "name")),
        ("Họ và tên", ("field", "name")),
        ("HỌ TÊN", ("field", "name")),
        ("  Họ   và\ttên ", ("field", "name")),
        ("Ho va ten", ("field", "name")),
        ("mã", ("field", "id")),
        ("Chức vụ", ("field", "position")),
        ("Nhóm", ("field", "group")),
        ("Đơn vị", ("field", "unit")),
        ("Đợt", ("field", "round")),
        ("Kỳ", ("field", "round")),
        ("Tổng số đại biểu", ("turnout", "members")),
        ("Số người được triệu tập", ("turnout", "members")),
        ("Có mặt", ("turnout", "present")),
        ("Số người có mặt", ("turnout", "present")),
        ("Số phiếu phát ra", ("turnout", "issued")),
        ("Tổng số phiếu thu về", ("turnout", "collected")),
        ("Tổng số người có mặt", ("turnout", "present")),
        ("thu về", ("turnout", "collected")),
        ("So phieu thu ve", ("turnout", "collected")),
        ("Số phiếu hợp lệ", ("turnout", "valid")),
        ("Không hợp lệ", ("turnout", "invalid")),
        ("cao", ("level", "cao")),
        ("Tín nhiệm cao", ("level", "cao")),
        ("Số phiếu tín nhiệm cao", ("level", "cao")),
        ("tín nhiệm", ("level", "tn")),
        ("TÍN NHIỆM THẤP", ("level", "thap")),
        ("Tin nhiem thap", ("level", "thap")),
        ("Không tín nhiệm", ("level", "khong")),  # a known level the rule set lacks
        ("Tín nhiệm trung bình", None),
        ("appointed", None),
        ("STT", None),
    ],
)
def test_headers_mean_what_they_say(header: str, meaning: tuple[str, str] | None) -> None:
    assert HeaderMatcher(LEVELS).match(header) == meaning


def test_nfc_and_nfd_spellings_are_one_header() -> None:
    matcher = HeaderMatcher(LEVELS)
    for text in ("Tín nhiệm thấp", "Họ và tên", "Số phiếu thu về"):
        nfd = unicodedata.normalize("NFD", text)
        assert nfd != text
        assert matcher.match(nfd) == matcher.match(text) is not None


def test_a_known_level_with_the_rule_sets_label_is_read_as_the_rule_sets_level() -> None:
    matcher = HeaderMatcher({"tn": "Tín nhiệm", "kotn": "Không tín nhiệm"})
    assert matcher.match("Không tín nhiệm") == ("level", "kotn")
    assert matcher.match("khong") == ("level", "kotn")
    assert matcher.match("cao") == ("level", "cao")  # known, not in the rule set: still a level


def test_the_rule_sets_levels_come_before_the_known_ones() -> None:
    matcher = HeaderMatcher({"cao": "Rất tín nhiệm"})
    assert matcher.match("Rất tín nhiệm") == ("level", "cao")
    assert matcher.match("Tín nhiệm cao") == ("level", "cao")


@pytest.mark.parametrize(
    "header",
    [
        "Người bỏ phiếu",
        "Họ tên người bỏ phiếu",
        "Chữ ký",
        "chữ kí người ghi phiếu",
        "Cử tri",
        "Đại biểu bỏ phiếu",
        "Email",
        "Số điện thoại",
        "SĐT",
        "CCCD",
        "Số CMND",
        "Số thẻ đảng viên",
        "voter id",
        "Signature",
        "Họ và tên",
        "name",
        "id",
        "nguoi bo phieu",
    ],
)
def test_voter_columns_are_recognised(header: str) -> None:
    assert looks_like_voter(header)


@pytest.mark.parametrize(
    "header",
    ["Nguyễn Văn Ký", "Lê Cù Trí", "Chu Kỳ Nam", "Trần Thị Thẻ", "Phạm Tên", "Hủy", "STT"],
)
def test_names_of_people_are_not_voter_columns(header: str) -> None:
    assert not looks_like_voter(header)


@pytest.mark.parametrize(
    "text", ["Tổng cộng", "TỔNG CỘNG:", "Cộng", "Tong cong", "Total", "tổng số"]
)
def test_totals_labels(text: str) -> None:
    assert is_totals_word(text)


@pytest.mark.parametrize("text", ["Tổng Bí thư", "Nguyễn Văn Tổng", "Công"])
def test_not_totals_labels(text: str) -> None:
    assert not is_totals_word(text)


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_normalise_removes_a_stray_byte_order_mark() -> None:
    assert normalise("\ufeffHọ  và tên ") == "họ và tên"
