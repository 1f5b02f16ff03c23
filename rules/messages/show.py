"""The words of `tinnhiem show`: a rule set said in plain words (`rules/describe.py`).

The Vietnamese follows the regulations: `> 1/2` is "quá nửa", `> x` "trên x", `>= x` "từ x … trở
lên", `< x` "dưới x", `<= x` "không quá x". The English says the same plainly. The labels of the
rules file (levels, classes, reasons) are quoted as the file writes them, in its own language.
"""

from __future__ import annotations

# key -> (English, Vietnamese)
SHOW: dict[str, tuple[str, str]] = {
    "show.decimal_point": (".", ","),
    "show.date": ("{day:%Y-%m-%d}", "{day:%d/%m/%Y}"),
    # the counts of a vote, as the basis of its shares and as a figure
    "show.basis.members": (
        "the number of people convened (all delegates)",
        "tổng số người được triệu tập (tổng số đại biểu)",
    ),
    "show.basis.present": ("the number of people present", "tổng số người có mặt"),
    "show.basis.issued": ("the ballots issued", "tổng số phiếu phát ra"),
    "show.basis.collected": ("the ballots collected", "tổng số phiếu thu về"),
    "show.basis.valid": ("the valid ballots", "tổng số phiếu hợp lệ"),
    "show.turnout.members": ("the number of people convened", "tổng số người được triệu tập"),
    "show.turnout.present": ("the number of people present", "số người có mặt"),
    "show.turnout.issued": ("the number of ballots issued", "số phiếu phát ra"),
    "show.turnout.collected": ("the number of ballots collected", "số phiếu thu về"),
    "show.turnout.valid": ("the number of valid ballots", "số phiếu hợp lệ"),
    "show.turnout.invalid": ("the number of invalid ballots", "số phiếu không hợp lệ"),
    "show.attr.vote_date": ("the date of the vote", "ngày lấy phiếu"),
    "show.attr.vote_year": ("the year of the vote", "năm lấy phiếu"),
    "show.column.group": ("group", "nhóm"),
    "show.column.unit": ("unit", "đơn vị"),
    "show.column.position": ("position", "chức vụ"),
    "show.column.round": ("round", "đợt"),
    "show.type.yes-no": ("yes/no", "có/không"),
    "show.type.date": ("date", "ngày"),
    "show.type.number": ("number", "số"),
    "show.type.text": ("text", "văn bản"),
    # comparisons, the regulations' way: `amount` then what it is of (`rest`)
    "show.cmp.>=": ("at least {whole}", "từ {whole} trở lên"),
    "show.cmp.>": ("more than {whole}", "trên {whole}"),
    "show.cmp.half": ("more than half {rest}", "quá nửa {rest}"),
    "show.cmp.<": ("less than {whole}", "dưới {whole}"),
    "show.cmp.<=": ("at most {whole}", "không quá {whole}"),
    "show.cmp.==": ("exactly {whole}", "đúng {whole}"),
    "show.cmp.equal": ("equal to {whole}", "bằng {whole}"),
    "show.cmp.!=": ("other than {whole}", "khác {whole}"),
    "show.when.>": ("{left} after {right}", "{left} sau {right}"),
    "show.when.>=": ("{left} on or after {right}", "{left} từ {right}"),
    "show.when.<": ("{left} before {right}", "{left} trước {right}"),
    "show.when.<=": ("{left} on or before {right}", "{left} đến hết {right}"),
    "show.when.==": ("{left} is {right}", "{left} là {right}"),
    "show.when.!=": ("{left} is not {right}", "{left} khác {right}"),
    "show.compare": ("{left} is {cmp}", "{left} {cmp}"),
    # values
    "show.share": ("the share of votes for {levels}{before}", "tỷ lệ phiếu {levels}{before}"),
    "show.count": ("the votes for {levels}{before}", "số phiếu {levels}{before}"),
    "show.share_of": ("of the votes for {levels}{before}", "số phiếu {levels}{before}"),
    "show.count_of": ("votes for {levels}{before}", "phiếu {levels}{before}"),
    "show.previous": (" in the previous vote", " ở lần lấy phiếu trước"),
    "show.exact": (
        " (the share exactly, not rounded)",
        " (tỷ lệ tính chính xác, không làm tròn)",
    ),
    "show.rounded": (
        "{share} (as a percentage rounded to {places} decimal place(s))",
        "{share} (phần trăm làm tròn đến {places} chữ số thập phân)",
    ),
    "show.year_of": ("the year of {value}", "năm của {value}"),
    "show.months": ("the number of months from {start} to {end}", "số tháng từ {start} đến {end}"),
    "show.true": ("true", "đúng"),
    "show.false": ("false", "sai"),
    # conditions
    "show.has": ("{cond}", "có {cond}"),
    "show.not_has": ("not {cond}", "không {cond}"),
    "show.not": ("not {cond}", "không phải {cond}"),
    "show.in": ("{value} is {items}", "{value} là {items}"),
    "show.not_in": ("{value} is not {items}", "{value} không phải {items}"),
    "show.empty_set": ("a value of an empty set", "một giá trị trong tập rỗng"),
    "show.blank": ("{value} is blank", "{value} để trống"),
    "show.filled": ("{value} is filled in", "{value} có giá trị"),
    # rules
    "show.rule.else": ("- Otherwise: {label}{note}.", "- Nếu không: {label}{note}."),
    "show.rule.had": ("- With {cond}: {label}{note}.", "- Người có {cond}: {label}{note}."),
    "show.rule.if": ("- If {cond}: {label}{note}.", "- Nếu {cond}: {label}{note}."),
    # the head
    "show.head": ('Rule set "{name}" (file {file}).', 'Bộ quy tắc "{name}" (tệp {file}).'),
    "show.extends": (
        "Extends: {bases}; the parts not written again are taken from the base file.",
        "Kế thừa: {bases}; các phần không viết lại lấy từ tệp gốc.",
    ),
    "show.sources": ("Sources: {sources}.", "Căn cứ: {sources}."),
    "show.in_force": ("{name} is in force {when}", "{name} có hiệu lực {when}"),
    "show.in_force.from": ("from {date}", "từ {date}"),
    "show.in_force.until": ("until {date} inclusive", "đến hết {date}"),
    "show.attribute": (
        "Data: the column {name} is “{label}” ({kind}).",
        "Dữ liệu: cột {name} là “{label}” ({kind}).",
    ),
    # levels, basis, quorum, schedule
    "show.levels": ("Confidence levels ({n}): {levels}.", "Các mức tín nhiệm ({n}): {levels}."),
    "show.map": (
        "Votes of level {source} in the data count as {label} ({target}).",
        "Phiếu mức {source} trong dữ liệu được tính là {label} ({target}).",
    ),
    "show.basis": ("Shares are of {basis}.", "Tỷ lệ tính trên {basis}."),
    "show.quorum.of": ("of {of}", "{of}"),
    "show.quorum": (
        "A vote counts only when {measure} is {amount}; otherwise its result is not considered.",
        "Việc lấy phiếu chỉ có giá trị khi {measure} {amount}; nếu không, kết quả không được xét.",
    ),
    "show.term.one": ("a term of {n} year", "nhiệm kỳ {n} năm"),
    "show.term.other": ("a term of {n} years", "nhiệm kỳ {n} năm"),
    "show.every_year": ("a vote every year", "lấy phiếu hằng năm"),
    "show.year_nth": ("{n}", "thứ {n}"),
    "show.in_years.one": (
        "a vote in year {years} of the term",
        "lấy phiếu vào năm {years} của nhiệm kỳ",
    ),
    "show.in_years.other": (
        "a vote in years {years} of the term",
        "lấy phiếu vào các năm {years} của nhiệm kỳ",
    ),
    "show.meeting": ("{schedule}, at {meeting}", "{schedule}, tại {meeting}"),
    "show.month": ("{schedule} (month {month})", "{schedule} (tháng {month})"),
    # exemptions, blocks, reports, examples
    "show.exempts": ("No vote is taken on:", "Không lấy phiếu đối với:"),
    "show.exempt": ("- {reason} (when {cond}){note}.", "- {reason} (khi {cond}){note}."),
    "show.classify": (
        "{label} ({id}): the cases in order, the first that holds applies:",
        "{label} ({id}): xét lần lượt, áp dụng trường hợp đầu tiên thỏa mãn:",
    ),
    "show.report": (
        'Report "{title}": by {by}, counting people by {counts}.',
        'Báo cáo "{title}": theo {by}, đếm số người theo {counts}.',
    ),
    "show.examples.one": (
        "{n} test example (command `tinnhiem test`).",
        "Có {n} ví dụ kiểm thử (lệnh `tinnhiem test`).",
    ),
    "show.examples.other": (
        "{n} test examples (command `tinnhiem test`).",
        "Có {n} ví dụ kiểm thử (lệnh `tinnhiem test`).",
    ),
}
