"""What the checker says about values (`check_values`): basis, quorum, schedule, comparisons,
calls, sets and the figures of examples; and the kinds of value it names."""

from __future__ import annotations

# key -> (English, Vietnamese); `{name}` fields are filled when said. Words of the rules language
# (`members`, `term`, `rounded`) are quoted as written.
CHECKS: dict[str, tuple[str, str]] = {
    # the kinds of value, said inside other messages
    "value_kind.share": ("a share", "một tỷ lệ"),
    "value_kind.votes": ("a number of votes", "một số phiếu"),
    "value_kind.number": ("a number", "một số"),
    "value_kind.date": ("a date", "một ngày"),
    "value_kind.bool": ("true or false", "đúng hoặc sai (true/false)"),
    "value_kind.text": ("a text", "một văn bản"),
    "check.at_line": ("line {line}", "dòng {line}"),
    # what a function takes
    "arity.year": ("one argument (a date)", "một đối số (một ngày)"),
    "arity.months": ("two arguments (two dates)", "hai đối số (hai ngày)"),
    "arity.rounded": (
        "two arguments (a share and a number of decimal places)",
        "hai đối số (một tỷ lệ và số chữ số thập phân)",
    ),
    # basis and quorum
    "check.not_basis": (
        "`{kind}` is not a basis: expected members, present, issued, collected or valid",
        "`{kind}` không phải cơ sở tính: cần members, present, issued, collected hoặc valid",
    ),
    "check.not_turnout": (
        "`{name}` is not a turnout figure: expected members, present, issued, collected, valid "
        "or invalid",
        "`{name}` không phải số liệu kiểm phiếu: cần members, present, issued, collected, valid "
        "hoặc invalid",
    ),
    "check.quorum_outside": (
        "the quorum fraction `{text}` is outside 0..1",
        "tỷ lệ quorum `{text}` nằm ngoài khoảng 0..1",
    ),
    "check.quorum_itself": (
        "the quorum compares `{name}` with itself",
        "quorum so sánh `{name}` với chính nó",
    ),
    "check.quorum_few": (
        "a quorum with `{op}` holds when few are there",
        "quorum với `{op}` đúng khi có ít người",
    ),
    "check.quorum_minimum": (
        "a quorum is a minimum: `>=` (at least) or `>` (more than)",
        "quorum là mức tối thiểu: `>=` (ít nhất) hoặc `>` (nhiều hơn)",
    ),
    # schedule
    "check.schedule_twice": (
        "`{word}` is given twice in this schedule (first at line {line})",
        "`{word}` được ghi hai lần trong lịch này (lần đầu ở dòng {line})",
    ),
    "check.no_term": ("the schedule has no `term`", "lịch không có `term`"),
    "check.say_term": (
        "say how long a term is: `term 5 years`",
        "hãy cho biết nhiệm kỳ dài bao lâu: `term 5 years`",
    ),
    "check.term_short": (
        "the term must be at least 1 year, not {term}",
        "nhiệm kỳ phải dài ít nhất 1 năm, không phải {term}",
    ),
    "check.no_vote": (
        "the schedule has no `vote` line, so a vote is taken to be held every year",
        "lịch không có dòng `vote`, nên coi như năm nào cũng lấy phiếu",
    ),
    "check.write_vote": (
        "write `vote in year 3`, `vote in years 2, 4` or `vote every year`",
        "hãy viết `vote in year 3`, `vote in years 2, 4` hoặc `vote every year`",
    ),
    "check.year_twice": ("year {year} is listed twice", "năm {year} được liệt kê hai lần"),
    "check.year_outside": (
        "year {year} is not a year of the term",
        "năm {year} không phải một năm của nhiệm kỳ",
    ),
    "check.year_outside_of": (
        "year {year} is not a year of the term (1 to {term})",
        "năm {year} không phải một năm của nhiệm kỳ (1 đến {term})",
    ),
    "check.not_month": (
        "month {month} is not a month (1 to 12)",
        "tháng {month} không phải một tháng (1 đến 12)",
    ),
    # conditions
    "check.level_counted_twice": (
        "level `{level}` is counted twice in `{value}`",
        "mức phiếu `{level}` được đếm hai lần trong `{value}`",
    ),
    "check.not_true_false": (
        "`{name}` is {kind}, not true or false",
        "`{name}` là {kind}, không phải đúng hoặc sai",
    ),
    "check.compare_it": (
        "compare it with something, e.g. `>`, `==`",
        "hãy so sánh nó với một giá trị, ví dụ `>`, `==`",
    ),
    "check.op_not_for": (
        "`{op}` does not apply to {kind}: use `==` or `!=`",
        "`{op}` không dùng được cho {kind}: hãy dùng `==` hoặc `!=`",
    ),
    "check.did_you_mean_percent": ("did you mean `{text}%`?", "có phải ý bạn là `{text}%`?"),
    "check.threshold_outside": (
        "the threshold `{text}` is outside 0..1: `{value}` is a share",
        "ngưỡng `{text}` nằm ngoài khoảng 0..1: `{value}` là một tỷ lệ",
    ),
    "check.use_share": (
        "for a part of the basis, use `{share}`",
        "để so với một phần của cơ sở tính, hãy dùng `{share}`",
    ),
    "check.whole_votes": (
        "`{value}` is a number of votes: compare it with a whole number, not `{text}`",
        "`{value}` là một số phiếu: hãy so sánh với một số nguyên, không phải `{text}`",
    ),
    "check.cannot_compare": (
        "`{left}` is {left_kind} and `{right}` is {right_kind}: they cannot be compared",
        "`{left}` là {left_kind} còn `{right}` là {right_kind}: không so sánh được",
    ),
    "check.unknown_function": ("unknown function `{name}`", "không có hàm `{name}`"),
    "check.the_functions": (
        "the functions are year(date) and months(date, date)",
        "các hàm là year(date) và months(date, date)",
    ),
    "check.arity": ("`{name}` takes {takes}, not {n}", "`{name}` nhận {takes}, không phải {n}"),
    "check.needs_date": (
        "`{name}` needs a date, but `{value}` is {kind}",
        "`{name}` cần một ngày, nhưng `{value}` là {kind}",
    ),
    "check.rounds_share": (
        "`rounded` rounds a share, not `{value}`",
        "`rounded` làm tròn một tỷ lệ, không phải `{value}`",
    ),
    "check.write_rounded": (
        "write `rounded(share(thap), 2)`",
        "hãy viết `rounded(share(thap), 2)`",
    ),
    "check.places": (
        "the decimal places of `rounded` are a whole number from 0 to {max}, not `{value}`",
        "số chữ số thập phân của `rounded` là một số nguyên từ 0 đến {max}, không phải `{value}`",
    ),
    "check.rounded_example": (
        "`rounded(share(thap), 2)` rounds 2/3 to 66.67%",
        "`rounded(share(thap), 2)` làm tròn 2/3 thành 66.67%",
    ),
    "check.set_empty": ("`{word} {{}}` lists nothing", "`{word} {{}}` không liệt kê gì"),
    "check.list_values": (
        'list the values: `position in {{"Chủ tịch", "Phó Chủ tịch"}}`',
        'hãy liệt kê các giá trị: `position in {{"Chủ tịch", "Phó Chủ tịch"}}`',
    ),
    "check.set_kinds": (
        "the values of a set are all of one kind: `{first}` is {first_kind}, `{item}` {kind}",
        "các giá trị của một tập hợp phải cùng một kiểu: `{first}` là {first_kind}, `{item}` là "
        "{kind}",
    ),
    "check.never_in_set": (
        "`{value}` is {kind} and the set holds {set_kind}: it can never be one of them",
        "`{value}` là {kind} còn tập hợp chứa {set_kind}: nó không bao giờ là một trong số đó",
    ),
    "check.set_listed_twice": (
        "`{value}` is listed twice in this set",
        "`{value}` được liệt kê hai lần trong tập hợp này",
    ),
    "check.never_missing": (
        "`{name}` is a turnout figure: every vote has one, so it is never missing",
        "`{name}` là số liệu kiểm phiếu: lần lấy phiếu nào cũng có, nên không bao giờ bị thiếu",
    ),
    "check.missing_is_for": (
        "`is missing` is for an attribute of the data, a column whose cell may be blank",
        "`is missing` dùng cho một thuộc tính của dữ liệu, một cột có thể có ô trống",
    ),
    "check.near_fraction": (
        "{text} is not exactly {simple} (it is {value}); write {simple} if that is meant",
        "{text} không đúng bằng {simple} (nó là {value}); hãy viết {simple} nếu ý là vậy",
    ),
    "check.compare_printed": (
        "to compare the percentage as documents print it, rounded, use `rounded(share(…), 2)`",
        "để so sánh tỷ lệ phần trăm như văn bản in ra (đã làm tròn), hãy dùng "
        "`rounded(share(…), 2)`",
    ),
    # the figures of examples
    "check.whole_setting": (
        "`{name}` must be a whole number, not `{text}`",
        "`{name}` phải là một số nguyên, không phải `{text}`",
    ),
    "check.vote_date": (
        "`vote_date` must be a date (2023-12-20), not `{text}`",
        "`vote_date` phải là một ngày (2023-12-20), không phải `{text}`",
    ),
    "check.vote_year": (
        "`vote_year` must be a year (2023), not `{text}`",
        "`vote_year` phải là một năm (2023), không phải `{text}`",
    ),
    "check.whole_level_votes": (
        "`{name}` must be a whole number of votes, not `{text}`",
        "`{name}` phải là một số phiếu nguyên, không phải `{text}`",
    ),
    "check.unknown_setting": (
        "`{name}` is not a level, a turnout figure or an attribute the rules use",
        "`{name}` không phải mức phiếu, số liệu kiểm phiếu hay thuộc tính mà bộ quy tắc dùng",
    ),
    "check.setting_kind": (
        "`{name}` must be {kind} (the rules use it as one at {where}), not `{text}`",
        "`{name}` phải là {kind} (bộ quy tắc dùng nó như vậy ở {where}), không phải `{text}`",
    ),
    "check.levels_over": (
        "the levels add up to {n}, more than `{bigger}` ({limit})",
        "tổng các mức phiếu là {n}, nhiều hơn `{bigger}` ({limit})",
    ),
    "check.figure_over": (
        "`{name}` is {n}, more than `{bigger}` ({limit})",
        "`{name}` là {n}, nhiều hơn `{bigger}` ({limit})",
    ),
    "check.valid_invalid": (
        "`valid` ({valid}) and `invalid` ({invalid}) add up to {total}, not `collected` "
        "({collected})",
        "`valid` ({valid}) và `invalid` ({invalid}) cộng lại là {total}, không phải `collected` "
        "({collected})",
    ),
    # names the data gives (`check_names`)
    "check.attribute_hint": (
        "an attribute is read from the data column of that name",
        "một thuộc tính được đọc từ cột dữ liệu cùng tên",
    ),
    "taken.turnout": ("a turnout figure", "một số liệu kiểm phiếu"),
    "taken.vote_date": ("the date of the vote", "ngày lấy phiếu"),
    "taken.vote_year": ("the year of the vote", "năm lấy phiếu"),
    "taken.column": ("a column of the data", "một cột của dữ liệu"),
    "check.not_a_level": (
        "`{name}` cannot be a level: it is {taken}",
        "`{name}` không dùng làm mức phiếu được: nó là {taken}",
    ),
    "check.status_block": (
        "`status` cannot name a classify block",
        "`status` không dùng làm tên khối classify được",
    ),
    "check.status_kept": (
        "`expect status` is kept for evaluated, exempt or invalid",
        "`expect status` dành cho evaluated, exempt hoặc invalid",
    ),
    "check.not_declarable": (
        "`{name}` cannot be declared: it is {taken}",
        "`{name}` không khai báo được: nó là {taken}",
    ),
    "check.declared_used_as": (
        "`{name}` is declared `{type}` at {where}, but is used as {kind} here",
        "`{name}` được khai báo `{type}` ở {where}, nhưng ở đây được dùng như {kind}",
    ),
    "check.used_as_two": (
        "`{name}` is used as {first} at {where} and as {kind} here",
        "`{name}` được dùng như {first} ở {where} và như {kind} ở đây",
    ),
    # more diagnostics than are shown (`resolve`)
    "more.errors.one": ("{n} more error", "{n} lỗi nữa"),
    "more.errors.other": ("{n} more errors", "{n} lỗi nữa"),
    "more.warnings.one": ("{n} more warning", "{n} cảnh báo nữa"),
    "more.warnings.other": ("{n} more warnings", "{n} cảnh báo nữa"),
    "more.and": ("and {parts}", "và {parts}"),
    "more.and_between": ("and", "và"),
    # numbers and dates the parser cannot read
    "number.exponent": (
        "`{text}` has an exponent beyond ±{max}",
        "`{text}` có số mũ vượt quá ±{max}",
    ),
    "number.not_like": (
        "`{text}` is not a number like 40%, 2/5 or 0.4",
        "`{text}` không phải một số như 40%, 2/5 hoặc 0.4",
    ),
    "number.digits": (
        "`{text}` has {n} digits; a number has at most {max}",
        "`{text}` có {n} chữ số; một số có nhiều nhất {max} chữ số",
    ),
    "number.by_zero": ("`{text}` divides by zero", "`{text}` chia cho 0"),
    "number.not_number": ("`{text}` is not a number", "`{text}` không phải một số"),
    "date.not_in_calendar": (
        "`{text}` is not a date of the calendar",
        "`{text}` không phải ngày có trong lịch",
    ),
    "syntax.too_deep": (
        "conditions nested more than {n} deep (`not`, `and` and `or` inside each other): write "
        "them flatter",
        "điều kiện lồng nhau sâu quá {n} tầng (`not`, `and` và `or` lồng trong nhau): hãy viết "
        "phẳng hơn",
    ),
    # syntax errors of a character or a word (`check_syntax`)
    "syntax.use_straight": ('use straight quotes (")', 'hãy dùng dấu nháy thẳng (")'),
    "syntax.write": ("write `{word}`", "hãy viết `{word}`"),
    "syntax.write_not": (
        "write `!=`, or `not` before a condition",
        "hãy viết `!=`, hoặc `not` trước một điều kiện",
    ),
    "syntax.set_braces": (
        'a set is written in braces: `position in {{"Chủ tịch", "Phó Chủ tịch"}}`',
        'tập hợp được viết trong dấu ngoặc nhọn: `position in {{"Chủ tịch", "Phó Chủ tịch"}}`',
    ),
    "syntax.read_as_name": (
        "`{word}` on line {line} was read as a name: is something missing before it?",
        "`{word}` ở dòng {line} được đọc là một tên: có thiếu gì trước nó không?",
    ),
    "syntax.text_not_closed": (
        "a quoted text is not closed on this line",
        "văn bản trong dấu nháy không được đóng trên dòng này",
    ),
    "syntax.end_text": (
        'end it with `"` on the same line: a text never runs over a line break',
        'hãy kết thúc bằng `"` trên cùng dòng: văn bản không kéo sang dòng sau',
    ),
    "syntax.unexpected": (
        "unexpected character `{char}`: {hint}",
        "ký tự không mong đợi `{char}`: {hint}",
    ),
    "syntax.not_comparison": ("`{text}` is not a comparison", "`{text}` không phải phép so sánh"),
    "syntax.use_equals": ("use `==` to compare", "hãy dùng `==` để so sánh"),
    "syntax.never_closed": (
        "the `{{` on line {line} is never closed",
        "dấu `{{` ở dòng {line} không bao giờ được đóng",
    ),
    "syntax.add_brace": ("add `}}` where its block ends", "hãy thêm `}}` ở chỗ khối kết thúc"),
    "syntax.not_closed_before": (
        "the `{{` on line {line} is not closed before `{word}` on line {at}",
        "dấu `{{` ở dòng {line} chưa được đóng trước `{word}` ở dòng {at}",
    ),
    "syntax.add_brace_before": ("add `}}` before line {line}", "hãy thêm `}}` trước dòng {line}"),
    "syntax.alone": (
        "`{word}` alone is not a condition: a condition compares values (`share(thap) > 1/2`) or "
        "names an attribute (`retirement_notice`)",
        "`{word}` đứng một mình không phải điều kiện: điều kiện so sánh các giá trị "
        "(`share(thap) > 1/2`) hoặc nêu một thuộc tính (`retirement_notice`)",
    ),
    "syntax.leave_out": (
        "a rule that should never match is left out; one that always matches is the `else`",
        "quy tắc không bao giờ nên khớp thì bỏ đi; quy tắc luôn khớp là `else`",
    ),
    # rules that can never match (`reach`, `logic_check`)
    "reach.never_true": (
        "rule `{rule}` can never match: its condition on `{value}` is never true",
        "quy tắc `{rule}` không bao giờ khớp: điều kiện của nó về `{value}` không bao giờ đúng",
    ),
    "reach.named": ("`{rule}` (line {line})", "`{rule}` (dòng {line})"),
    "reach.caught_by": (
        "rule `{rule}` can never match: rule {other} always matches first",
        "quy tắc `{rule}` không bao giờ khớp: quy tắc {other} luôn khớp trước",
    ),
    "reach.caught_by_all": (
        "rule `{rule}` can never match: rules {others} always match first",
        "quy tắc `{rule}` không bao giờ khớp: các quy tắc {others} luôn khớp trước",
    ),
    "logic.exempt_never": (
        "exemption “{reason}” can never apply: no tally, no attribute makes it true",
        "trường hợp không lấy phiếu “{reason}” không bao giờ áp dụng: không bộ số phiếu, không "
        "thuộc tính nào làm nó đúng",
    ),
    "logic.caught": (
        "rule `{rule}` can never match: every tally it matches is caught by an earlier rule "
        "(decided over every tally)",
        "quy tắc `{rule}` không bao giờ khớp: mọi bộ số phiếu nó khớp đều đã được một quy tắc "
        "trước bắt (xét trên mọi bộ số phiếu)",
    ),
    "logic.falls_through": (
        "classify block `{block}` has no `else` rule, and some tallies match no rule",
        "khối classify `{block}` không có quy tắc `else`, và có bộ số phiếu không khớp quy tắc nào",
    ),
    "logic.for_example": ("for example: {tally}", "ví dụ: {tally}"),
    "logic.undecidable": (
        "cannot decide exactly: {what}",
        "không quyết định chính xác được: {what}",
    ),
    "logic.budget": (
        "the solver's budget of {seconds} s is spent",
        "đã hết {seconds} giây dành cho bộ giải",
    ),
    "logic.stopped": (
        "the exact checks (rules no tally reaches, exemptions that never apply) stopped: {why}",
        "các kiểm tra chính xác (quy tắc không bộ số phiếu nào tới được, trường hợp không lấy "
        "phiếu không bao giờ áp dụng) đã dừng: {why}",
    ),
    # the whole file (`checker`)
    "check.bidi": (
        "a bidirectional control character (U+{code}) that makes the line show other than it reads",
        "ký tự điều khiển hai chiều (U+{code}) làm dòng hiện ra khác với nội dung thật",
    ),
    "check.remove_it": ("remove it", "hãy xóa nó"),
    "check.force_order": (
        "the dates of force end ({end}) before they start ({start})",
        "ngày hết hiệu lực ({end}) trước ngày bắt đầu hiệu lực ({start})",
    ),
    "check.too_many_rules": (
        "the block `{block}` has {n} rules; a block has at most {max}",
        "khối `{block}` có {n} quy tắc; một khối có nhiều nhất {max}",
    ),
    "check.inherited_example": ('inherited example "{name}"', 'ví dụ kế thừa "{name}"'),
    "check.drop_or_write": (
        'drop it (`drop example "{name}"`) or write an example of the same name',
        'hãy bỏ nó (`drop example "{name}"`) hoặc viết một ví dụ cùng tên',
    ),
    # a cell of an attribute that is not of the kind the rules use it as (`engine/checks.py`)
    "who.exemption": ("exemption “{reason}”", "trường hợp không lấy phiếu “{reason}”"),
    "who.rule": ("rule {block}.{rule}", "quy tắc {block}.{rule}"),
    "who.declared": (
        "attribute `{name}` is declared {type}",
        "thuộc tính `{name}` được khai báo là {type}",
    ),
    "cell.compared": (
        "expected {kind} ({who} compares `{name}` with one), found {found}",
        "cần {kind} ({who} so sánh `{name}` với giá trị như vậy), nhưng ô ghi {found}",
    ),
    "cell.declared": (
        "expected {kind} ({who}), found {found}",
        "cần {kind} ({who}), nhưng ô ghi {found}",
    ),
    # the levels of the data against those of the rule set (`engine/checks.py`)
    "levels.or_mapped": (
        " or of a level mapped to it ({sources})",
        " hoặc của một mức được ánh xạ vào nó ({sources})",
    ),
    "levels.no_column": (
        "no column for level `{level}` ({label}) of rule set “{ruleset}”: expected a header with "
        "its id or label{also}; the columns found are {found}",
        "không có cột cho mức `{level}` ({label}) của bộ quy tắc “{ruleset}”: cần một tiêu đề "
        "ghi mã hoặc nhãn của nó{also}; các cột tìm thấy là {found}",
    ),
    "levels.unknown": (
        "the data has level {named}, which rule set “{ruleset}” does not have (its levels: "
        "{ids}); add `map {level} -> {target}` to read it as one of them",
        "dữ liệu có mức {named}, mà bộ quy tắc “{ruleset}” không có (các mức của nó: {ids}); "
        "hãy thêm `map {level} -> {target}` để đọc nó như một trong các mức đó",
    ),
    # the outcome of an example (`engine/examples.py`, `tinnhiem test`)
    "example.not_count": ("`{setting}` is not a count", "`{setting}` không phải một số đếm"),
    "example.previous": ("previous: {problem}", "lần trước: {problem}"),
    "example.no_block": ("(no block `{block}`)", "(không có khối `{block}`)"),
    "example.no_class": ("(no class)", "(không thuộc loại nào)"),
    "example.nothing_expected": ("(nothing expected)", "(không kỳ vọng gì)"),
    "example.error": ("error: {error}", "lỗi: {error}"),
    "example.head": ('{file}:{line}: example "{name}"', '{file}:{line}: ví dụ "{name}"'),
    "example.inherited_head": (
        '{path}:{at}: inherited example "{name}" ({base}:{line})',
        '{path}:{at}: ví dụ kế thừa "{name}" ({base}:{line})',
    ),
    "example.no_expect": ("{head}: has no `expect`", "{head}: không có `expect`"),
    "example.failed": (
        "{head}: {block}: expected {klass}, got {actual}",
        "{head}: {block}: cần {klass}, nhưng được {actual}",
    ),
    # a construct the exact logic does not model (then the bounded search answers, and says so)
    "undecidable.at": ("{what} at {file}:{line}", "{what} tại {file}:{line}"),
    "undecidable.text_condition": ("a text used as a condition", "một văn bản dùng làm điều kiện"),
    "undecidable.condition": ("condition `{kind}`", "điều kiện `{kind}`"),
    "undecidable.is_missing": ("`{name} is missing`", "điều kiện `{name} is missing`"),
    "undecidable.comparison": ("comparison `{kinds}`", "phép so sánh `{kinds}`"),
    "undecidable.value": ("value `{kind}`", "giá trị `{kind}`"),
    "undecidable.attribute": ("attribute `{name}`", "thuộc tính `{name}`"),
    "undecidable.function": (
        "function `{name}` on these values",
        "hàm `{name}` trên các giá trị này",
    ),
    "undecidable.threshold": (
        "a threshold that is not a share or a count",
        "một ngưỡng không phải tỷ lệ cũng không phải số phiếu",
    ),
    "undecidable.read_as": (
        "attribute `{name}` read as {kinds}",
        "thuộc tính `{name}` được đọc vừa là {kinds}",
    ),
    "undecidable.round": (
        "attribute `round` read beside `vote_date` or `vote_year`, which derive from it",
        "thuộc tính `round` được đọc cùng `vote_date` hoặc `vote_year`, vốn suy ra từ nó",
    ),
    # why `test --coverage` has no example to give for a rule
    "coverage.why_undecidable": ("cannot decide exactly", "không quyết định chính xác được"),
    "coverage.why_undecidable_at": (
        "cannot decide exactly: {what}",
        "không quyết định chính xác được: {what}",
    ),
    "coverage.why_unreachable": (
        "no tally reaches it",
        "không có số phiếu nào dẫn tới quy tắc này",
    ),
    "coverage.why_none_up_to.one": ("none up to {n} ballot", "không có với tối đa {n} phiếu"),
    "coverage.why_none_up_to.other": ("none up to {n} ballots", "không có với tối đa {n} phiếu"),
}
