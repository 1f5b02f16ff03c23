"""`describe` says a resolved rule set in Vietnamese or English, from the one structure and the
catalog; `to_document` gives it as plain data."""

from __future__ import annotations

import datetime as dt
import json
import tomllib

import tomli_w
from tinnhiem.rules import ast
from tinnhiem.rules.describe import describe, to_document
from tinnhiem.rules.resolve import load_chain, merge

BASE = """\
ruleset "Gốc"
source "Quy định gốc"

levels {
  cao  "Tín nhiệm cao"
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
basis members
schedule { term 5 years; vote every year }

exempt "Giữ chức vụ chưa đủ 9 tháng" when months(appointed, vote_date) < 9

classify band "Mức tín nhiệm" {
  low "Tín nhiệm thấp từ 50% trở lên" when share(thap) >= 50%
  mid "Tín nhiệm và tín nhiệm thấp từ 50% trở lên" when share(tn + thap) >= 50%
  else high "Khác"
}

example "Thấp" {
  members 10; thap 5
  expect band low
}
"""

OVERLAY = """\
ruleset "QĐ 96-QĐ/TW (2023)" extends "base.tn"
source "Quy định 96-QĐ/TW, Điều 6, Điều 11"

levels {
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
map cao -> tn
basis collected
quorum present >= 2/3 of members
schedule { term 5 years; vote in years 2, 4; meeting "Hội nghị cuối năm" month 12 }

exempt "Đã có thông báo nghỉ hưu" when retirement_notice
exempt "Được bầu, bổ nhiệm trong năm lấy phiếu" when year(appointed) == vote_year
  note "Điều 2.3"

classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm, bố trí công tác thấp hơn" when share(thap) >= 2/3
    note "Điều 11.3"
  review  "Xem xét" when share(thap) > 1/2 and previous share(thap) > 1/2
  watch   "Theo dõi" when count(thap) > 10 or not flagged
  late    "Bổ nhiệm muộn" when appointed >= 2023-07-01 and 1/3 < share(thap)
  else none "Không"
    note "Điều 11.1"
}

report "Phụ lục" by group { count band; count consequence }

example "Đúng 2/3 phiếu thấp" {
  collected 42; tn 14; thap 28; since 2023-01-01; ratio 66.67%
  previous { collected 40; thap 30 }
  expect consequence dismiss
}
"""


def resolve(text: str, path: str = "r.tn") -> ast.Resolved:
    """Parse and merge, without the checker: these tests are about the words only."""

    def loader(name: str, relative_to: str) -> tuple[str, str]:
        if name != "base.tn":
            raise FileNotFoundError(name)
        return name, BASE

    chain, _, diagnostics = load_chain(text, path, loader)
    found = merge(chain)
    assert not diagnostics
    assert found is not None
    return found


def resolved() -> ast.Resolved:
    return resolve(OVERLAY, "qd96.tn")


DESCRIBED = """\
Bộ quy tắc "QĐ 96-QĐ/TW (2023)" (tệp qd96.tn).
Kế thừa: base.tn; các phần không viết lại lấy từ tệp gốc.
Căn cứ: Quy định 96-QĐ/TW, Điều 6, Điều 11; Quy định gốc.

Các mức tín nhiệm (2): Tín nhiệm (tn), Tín nhiệm thấp (thap).
Phiếu mức cao trong dữ liệu được tính là Tín nhiệm (tn).
Tỷ lệ tính trên tổng số phiếu thu về.
Việc lấy phiếu chỉ có giá trị khi số người có mặt từ 2/3 tổng số người được triệu tập trở lên; \
nếu không, kết quả không được xét.
Nhiệm kỳ 5 năm; lấy phiếu vào các năm thứ 2 và thứ 4 của nhiệm kỳ, tại Hội nghị cuối năm \
(tháng 12).

Không lấy phiếu đối với:
- Đã có thông báo nghỉ hưu (khi có retirement_notice).
- Được bầu, bổ nhiệm trong năm lấy phiếu (khi năm của appointed bằng năm lấy phiếu) (Điều 2.3).

Mức tín nhiệm (band): xét lần lượt, áp dụng trường hợp đầu tiên thỏa mãn:
- Người có từ 50% số phiếu tín nhiệm thấp trở lên: Tín nhiệm thấp từ 50% trở lên.
- Người có từ 50% số phiếu tín nhiệm và tín nhiệm thấp trở lên: Tín nhiệm và tín nhiệm thấp từ 50% \
trở lên.
- Nếu không: Khác.

Hệ quả (consequence): xét lần lượt, áp dụng trường hợp đầu tiên thỏa mãn:
- Người có từ 2/3 số phiếu tín nhiệm thấp trở lên: Miễn nhiệm, bố trí công tác thấp hơn \
(Điều 11.3).
- Người có quá nửa số phiếu tín nhiệm thấp và quá nửa số phiếu tín nhiệm thấp ở lần lấy phiếu \
trước: Xem xét.
- Nếu có trên 10 phiếu tín nhiệm thấp hoặc không có flagged: Theo dõi.
- Nếu appointed từ 01/07/2023 và có trên 1/3 số phiếu tín nhiệm thấp: Bổ nhiệm muộn.
- Nếu không: Không (Điều 11.1).

Báo cáo "Phụ lục": theo nhóm, đếm số người theo Mức tín nhiệm (band), Hệ quả (consequence).

Có 2 ví dụ kiểm thử (lệnh `tinnhiem test`)."""


DESCRIBED_EN = """\
Rule set "QĐ 96-QĐ/TW (2023)" (file qd96.tn).
Extends: base.tn; the parts not written again are taken from the base file.
Sources: Quy định 96-QĐ/TW, Điều 6, Điều 11; Quy định gốc.

Confidence levels (2): Tín nhiệm (tn), Tín nhiệm thấp (thap).
Votes of level cao in the data count as Tín nhiệm (tn).
Shares are of the ballots collected.
A vote counts only when the number of people present is at least 2/3 of the number of people \
convened; otherwise its result is not considered.
A term of 5 years; a vote in years 2 and 4 of the term, at Hội nghị cuối năm (month 12).

No vote is taken on:
- Đã có thông báo nghỉ hưu (when retirement_notice).
- Được bầu, bổ nhiệm trong năm lấy phiếu (when the year of appointed is equal to the year of the \
vote) (Điều 2.3).

Mức tín nhiệm (band): the cases in order, the first that holds applies:
- With at least 50% of the votes for tín nhiệm thấp: Tín nhiệm thấp từ 50% trở lên.
- With at least 50% of the votes for tín nhiệm and tín nhiệm thấp: Tín nhiệm và tín nhiệm thấp từ \
50% trở lên.
- Otherwise: Khác.

Hệ quả (consequence): the cases in order, the first that holds applies:
- With at least 2/3 of the votes for tín nhiệm thấp: Miễn nhiệm, bố trí công tác thấp hơn \
(Điều 11.3).
- With more than half of the votes for tín nhiệm thấp and more than half of the votes for \
tín nhiệm thấp in the previous vote: Xem xét.
- If more than 10 votes for tín nhiệm thấp or not flagged: Theo dõi.
- If appointed on or after 2023-07-01 and more than 1/3 of the votes for tín nhiệm thấp: Bổ nhiệm \
muộn.
- Otherwise: Không (Điều 11.1).

Report "Phụ lục": by group, counting people by Mức tín nhiệm (band), Hệ quả (consequence).

2 test examples (command `tinnhiem test`)."""


def test_describe_in_vietnamese() -> None:
    assert describe(resolved()) == describe(resolved(), "vi") == DESCRIBED


def test_describe_in_english_from_the_same_structure() -> None:
    assert describe(resolved(), "en") == DESCRIBED_EN
    # a line for a line: the two renderings differ in words only
    assert len(DESCRIBED_EN.splitlines()) == len(DESCRIBED.splitlines())


def test_describe_words_of_comparisons_and_schedules() -> None:
    text = """\
ruleset "R"
levels { tn "Tín nhiệm"; khong "Không tín nhiệm" }
basis valid
quorum present > 1/2 of members
schedule { term 1 year; vote in year 1 }
exempt "Ốm" when not (sick and months(since, vote_date) >= 6)
classify c "C" {
  a "A" when share(khong) > 50%
  b "B" when share(khong) < 2/3 and share(khong) <= 0.6 and share(tn) == 1/2
  d "D" when count(khong) >= 3 and previous count(tn + khong) != 4
  e "E" when members > 100 and invalid < 5 and unit == "Sở" and due < 2024-01-01
  else f "F"
}
"""
    found = describe(resolve(text))
    assert found.splitlines()[2:] == [
        "Các mức tín nhiệm (2): Tín nhiệm (tn), Không tín nhiệm (khong).",
        "Tỷ lệ tính trên tổng số phiếu hợp lệ.",
        "Việc lấy phiếu chỉ có giá trị khi số người có mặt quá nửa tổng số người được triệu tập; "
        "nếu không, kết quả không được xét.",
        "Nhiệm kỳ 1 năm; lấy phiếu vào năm thứ 1 của nhiệm kỳ.",
        "",
        "Không lấy phiếu đối với:",
        "- Ốm (khi không phải (có sick và số tháng từ since đến ngày lấy phiếu từ 6 trở lên)).",
        "",
        "C (c): xét lần lượt, áp dụng trường hợp đầu tiên thỏa mãn:",
        "- Người có trên 50% số phiếu không tín nhiệm: A.",
        "- Người có dưới 2/3 số phiếu không tín nhiệm và không quá 0,6 số phiếu không tín nhiệm"
        " và đúng 1/2 số phiếu tín nhiệm: B.",
        "- Người có từ 3 phiếu không tín nhiệm trở lên và khác 4 phiếu tín nhiệm và không tín"
        " nhiệm ở lần lấy phiếu trước: D.",
        "- Nếu tổng số người được triệu tập trên 100 và số phiếu không hợp lệ dưới 5 và đơn vị"
        ' bằng "Sở" và due trước 01/01/2024: E.',
        "- Nếu không: F.",
    ]


def test_describe_words_of_comparisons_and_schedules_in_english() -> None:
    text = """\
ruleset "R"
levels { tn "Tín nhiệm"; khong "Không tín nhiệm" }
basis valid
quorum present > 1/2 of members
schedule { term 1 year; vote in year 1 }
exempt "Ốm" when not (sick and months(since, vote_date) >= 6)
classify c "C" {
  a "A" when share(khong) > 50.5%
  b "B" when share(khong) < 2/3 and share(khong) <= 0.6 and share(tn) == 1/2
  d "D" when count(khong) >= 3 and previous count(tn + khong) != 4
  e "E" when members > 100 and invalid < 5 and unit in {"Sở", "Ban"} and due < 2024-01-01
  g "G" when note is missing and rounded(share(tn), 1) >= 50 and year(due) == 2023
  else f "F"
}
"""
    found = describe(resolve(text), "en")
    assert found.splitlines()[2:] == [
        "Confidence levels (2): Tín nhiệm (tn), Không tín nhiệm (khong).",
        "Shares are of the valid ballots.",
        "A vote counts only when the number of people present is more than half of the number of "
        "people convened; otherwise its result is not considered.",
        "A term of 1 year; a vote in year 1 of the term.",
        "",
        "No vote is taken on:",
        "- Ốm (when not (sick and the number of months from since to the date of the vote is at "
        "least 6)).",
        "",
        "C (c): the cases in order, the first that holds applies:",
        "- With more than 50.5% of the votes for không tín nhiệm (the share exactly, not rounded):"
        " A.",
        "- With less than 2/3 of the votes for không tín nhiệm and at most 0.6 of the votes for"
        " không tín nhiệm and exactly 1/2 of the votes for tín nhiệm: B.",
        "- With at least 3 votes for không tín nhiệm and other than 4 votes for tín nhiệm and"
        " không tín nhiệm in the previous vote: D.",
        "- If the number of people convened is more than 100 and the number of invalid ballots is"
        ' less than 5 and unit is "Sở" or "Ban" and due before 2024-01-01: E.',
        "- If note is blank and the share of votes for tín nhiệm (as a percentage rounded to 1"
        " decimal place(s)) is at least 50 and the year of due is equal to 2023: G.",
        "- Otherwise: F.",
    ]


def test_describe_without_optional_parts() -> None:
    text = 'ruleset "R" levels { tn "Tín nhiệm" } basis present schedule { }'
    assert describe(resolve(text, "dir/r.tn")) == (
        'Bộ quy tắc "R" (tệp r.tn).\n\n'
        "Các mức tín nhiệm (1): Tín nhiệm (tn).\n"
        "Tỷ lệ tính trên tổng số người có mặt.\n"
        "Lấy phiếu hằng năm."
    )


def test_describe_without_optional_parts_in_english() -> None:
    text = 'ruleset "R" levels { tn "Tín nhiệm" } basis present schedule { }'
    assert describe(resolve(text, "dir/r.tn"), "en") == (
        'Rule set "R" (file r.tn).\n\n'
        "Confidence levels (1): Tín nhiệm (tn).\n"
        "Shares are of the number of people present.\n"
        "A vote every year."
    )


DOCUMENT = {
    "name": "QĐ 96-QĐ/TW (2023)",
    "file": "qd96.tn",
    "files": ["qd96.tn", "base.tn"],
    "sources": ["Quy định 96-QĐ/TW, Điều 6, Điều 11", "Quy định gốc"],
    "levels": [{"id": "tn", "label": "Tín nhiệm"}, {"id": "thap", "label": "Tín nhiệm thấp"}],
    "maps": [{"from": "cao", "to": "tn"}],
    "basis": "collected",
    "quorum": {"measure": "present", "op": ">=", "fraction": "2/3", "text": "2/3", "of": "members"},
    "schedule": {
        "term_years": 5,
        "years": [2, 4],
        "meeting": "Hội nghị cuối năm",
        "month": 12,
    },
    "exempts": [
        {"reason": "Đã có thông báo nghỉ hưu", "when": "retirement_notice"},
        {
            "reason": "Được bầu, bổ nhiệm trong năm lấy phiếu",
            "when": "year(appointed) == vote_year",
            "note": "Điều 2.3",
        },
    ],
    "classify": [
        {
            "id": "band",
            "label": "Mức tín nhiệm",
            "rules": [
                {
                    "id": "low",
                    "label": "Tín nhiệm thấp từ 50% trở lên",
                    "when": "share(thap) >= 50%",
                    "else": False,
                },
                {
                    "id": "mid",
                    "label": "Tín nhiệm và tín nhiệm thấp từ 50% trở lên",
                    "when": "share(tn + thap) >= 50%",
                    "else": False,
                },
                {"id": "high", "label": "Khác", "else": True},
            ],
        },
        {
            "id": "consequence",
            "label": "Hệ quả",
            "rules": [
                {
                    "id": "dismiss",
                    "label": "Miễn nhiệm, bố trí công tác thấp hơn",
                    "when": "share(thap) >= 2/3",
                    "note": "Điều 11.3",
                    "else": False,
                },
                {
                    "id": "review",
                    "label": "Xem xét",
                    "when": "share(thap) > 1/2 and previous share(thap) > 1/2",
                    "else": False,
                },
                {
                    "id": "watch",
                    "label": "Theo dõi",
                    "when": "count(thap) > 10 or not flagged",
                    "else": False,
                },
                {
                    "id": "late",
                    "label": "Bổ nhiệm muộn",
                    "when": "appointed >= 2023-07-01 and 1/3 < share(thap)",
                    "else": False,
                },
                {"id": "none", "label": "Không", "note": "Điều 11.1", "else": True},
            ],
        },
    ],
    "reports": [{"title": "Phụ lục", "by": "group", "counts": ["band", "consequence"]}],
    "examples": [
        {
            "name": "Thấp",
            "settings": {"members": 10, "thap": 5},
            "previous": {},
            "expect": [{"block": "band", "class": "low"}],
        },
        {
            "name": "Đúng 2/3 phiếu thấp",
            "settings": {
                "collected": 42,
                "tn": 14,
                "thap": 28,
                "since": dt.date(2023, 1, 1),
                "ratio": "6667/10000",
            },
            "previous": {"collected": 40, "thap": 30},
            "expect": [{"block": "consequence", "class": "dismiss"}],
        },
    ],
    "origins": {
        "basis": "qd96.tn",
        "classify:band": "base.tn",
        "classify:consequence": "qd96.tn",
        "example:Thấp": "base.tn",
        "example:Đúng 2/3 phiếu thấp": "qd96.tn",
        "exempt": "qd96.tn",
        "levels": "qd96.tn",
        "map": "qd96.tn",
        "quorum": "qd96.tn",
        "report:Phụ lục": "qd96.tn",
        "schedule": "qd96.tn",
    },
}


def test_document() -> None:
    assert to_document(resolved()) == DOCUMENT


def test_document_survives_toml_and_json() -> None:
    document = to_document(resolved())
    assert tomllib.loads(tomli_w.dumps(document)) == document
    assert json.loads(json.dumps(document, default=str))["examples"][1]["settings"]["since"] == (
        "2023-01-01"
    )


def test_document_leaves_out_what_is_not_there() -> None:
    text = 'ruleset "R" levels { tn "Tín nhiệm" } basis present schedule { vote in year 3 }'
    document = to_document(resolve(text))
    assert "quorum" not in document
    assert document["schedule"] == {"term_years": 0, "years": [3]}
    assert document["exempts"] == document["classify"] == document["examples"] == []
    assert tomllib.loads(tomli_w.dumps(document)) == document
