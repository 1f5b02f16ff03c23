"""The engine's words about one result: why a rule matched or not, why a value is unknown, why a
vote is invalid, the warnings of a run, and `tinnhiem diff`."""

from __future__ import annotations

# key -> (English, Vietnamese); `{name}` fields are filled when said
ENGINE: dict[str, tuple[str, str]] = {
    "yes": ("yes", "đúng"),
    "no": ("no", "sai"),
    "and": ("and", "và"),
    "or": ("or", "hoặc"),
    "not": ("not", "không phải"),
    "unknown": ("{cond}: no ({reason})", "{cond}: sai ({reason})"),
    "else": ("no earlier rule matched", "không quy tắc nào trước đó khớp"),
    "in_set": ("is in", "thuộc"),
    "not_in_set": ("is not in", "không thuộc"),
    "is_blank": ("`{name}` is blank", "`{name}` để trống"),
    "is_given": ("`{name}` is given", "`{name}` có giá trị"),
    # why a value is unknown for this person
    "no_attr": ("no `{name}` for this person", "người này không có `{name}`"),
    "empty_attr": ("`{name}` is empty for this person", "`{name}` của người này để trống"),
    # the same, said of the people counted in a line (the calendar's unchecked exemptions)
    "unchecked.no_attr": ("the data gives no `{name}`", "dữ liệu không có `{name}`"),
    "unchecked.empty_attr": ("`{name}` is blank", "`{name}` để trống"),
    "no_basis": ("no basis for the percentage", "không có cơ sở để tính tỷ lệ"),
    "no_figure": ("the data gives no `{name}`", "dữ liệu không có `{name}`"),
    "year_needs_date": (
        "year() needs a date, not {value}",
        "year() cần một ngày, không phải {value}",
    ),
    "months_needs_dates": ("months() needs two dates", "months() cần hai ngày"),
    "no_function": (
        "no function {func}() of {n} argument(s)",
        "không có hàm {func}() nhận {n} đối số",
    ),
    "cannot_compare": ("cannot compare a {a} with a {b}", "không so sánh được {a} với {b}"),
    "kind.text": ("text", "văn bản"),
    "kind.number": ("number", "số"),
    "kind.date": ("date", "ngày"),
    "kind.boolean": ("boolean", "giá trị đúng/sai"),
    "reads_votes": (
        "the condition reads the votes, which a calendar has not",
        "điều kiện đọc số phiếu, mà lịch lấy phiếu không có",
    ),
    "exempt_not_checked": (
        "exemption “{reason}” not checked for {n} people: {why}",
        "chưa kiểm tra được trường hợp không lấy phiếu “{reason}” của {n} người: {why}",
    ),
    # the previous vote, for `previous share(...)`
    "no_previous": ("no previous vote", "không có lần lấy phiếu trước"),
    "previous_ambiguous": (
        "this person has several rows in round {round}",
        "người này có nhiều dòng trong đợt {round}",
    ),
    "previous_missing": ("no vote of {name} in {years}", "không có phiếu của {name} năm {years}"),
    # warnings of a whole run: what the data cannot answer
    "no_column": ("the data has no `{name}` column", "dữ liệu không có cột `{name}`"),
    "no_field_column": (
        "the data has no `{name}` column, or it is empty in every row",
        "dữ liệu không có cột `{name}`, hoặc cột đó trống ở mọi dòng",
    ),
    "no_vote_date": (
        "the data gives no vote date (no `vote_date` column, and the rounds are not dates)",
        "dữ liệu không cho ngày lấy phiếu (không có cột `vote_date`, và đợt lấy phiếu không ghi "
        "ngày)",
    ),
    "no_vote_year": (
        "the data gives no vote year (no `vote_year` column, and the rounds are not dates)",
        "dữ liệu không cho năm lấy phiếu (không có cột `vote_year`, và đợt lấy phiếu không ghi "
        "ngày)",
    ),
    "exempt_unchecked": (
        "exemption {which} not checked: {why}",
        "chưa kiểm tra được trường hợp không lấy phiếu {which}: {why}",
    ),
    "exempts_unchecked": (
        "exemptions {which} not checked: {why}",
        "chưa kiểm tra được các trường hợp không lấy phiếu {which}: {why}",
    ),
    "rule_reads_missing": (
        "{rules} reads `{name}`: {why}; comparisons on it are false",
        "{rules} đọc `{name}`: {why}; mọi phép so sánh với nó đều sai",
    ),
    "rules_read_missing": (
        "{rules} read `{name}`: {why}; comparisons on it are false",
        "{rules} đọc `{name}`: {why}; mọi phép so sánh với nó đều sai",
    ),
    "quorum_unchecked": (
        "quorum ({source}) not checked for {n} of {total} people: the data gives no {names}",
        "chưa kiểm tra được điều kiện hợp lệ ({source}) của {n}/{total} người: dữ liệu không có "
        "{names}",
    ),
    "quorum_unchecked_votes": (
        "quorum ({source}) not checked for {n} of {total} votes: the data gives no {names}",
        "chưa kiểm tra được điều kiện hợp lệ ({source}) của {n}/{total} lượt lấy phiếu: dữ liệu "
        "không có {names}",
    ),
    "quorum_source": ("{measure} {op} {fraction} of {of}", "{measure} {op} {fraction} của {of}"),
    "level_counted_zero": (
        "the data has no count of level `{level}` ({label}); counted as 0",
        "dữ liệu không có số phiếu của mức `{level}` ({label}); tính là 0",
    ),
    "previous_by_row": (
        "`previous` is the person's previous round in the data, not the vote of the schedule's "
        "previous period: some votes have no date or year",
        "`previous` là đợt trước của người đó trong dữ liệu, không phải lần lấy phiếu của kỳ trước "
        "theo lịch: có lần lấy phiếu không ghi ngày hoặc năm",
    ),
    "previous_missing_warning": (
        "`previous` is missing, so conditions on it are not met: {why}",
        "thiếu lần lấy phiếu trước, nên điều kiện về lần đó không thỏa: {why}",
    ),
    "either": ("{first} or {last}", "{first} hoặc {last}"),
    "previous_exempt": (
        "the previous vote ({round}) was an exemption",
        "lần lấy phiếu trước ({round}) thuộc diện không lấy phiếu",
    ),
    "previous_invalid": (
        "the previous vote ({round}) was invalid: quorum not met",
        "lần lấy phiếu trước ({round}) không hợp lệ: không đủ người có mặt",
    ),
    # why a vote is invalid
    "quorum_not_met": (
        "quorum not met: {measure} = {value}, not {sym} {fraction} of {of} = {total} ({needed})",
        "không đủ điều kiện: {measure} = {value}, cần {sym} {fraction} của {of} = {total} "
        "({needed})",
    ),
    "basis_zero": (
        "the basis ({kind}) is {basis}: no share can be computed",
        "cơ sở tính ({kind}) bằng {basis}: không tính được tỷ lệ",
    ),
    "basis_missing_row": (
        "{who}: no `{kind}`, the basis of the percentages",
        "{who}: không có `{kind}`, là cơ sở tính tỷ lệ",
    ),
    "basis_valid_hint": (
        " (give `valid`, or `collected` and `invalid`)",
        " (cần `valid`, hoặc `collected` và `invalid`)",
    ),
    "basis_missing": ("no `{kind}`", "không có `{kind}`"),
    # dates of force (`in force from … until …`)
    "in_force.from": ("from {day}", "từ {day}"),
    "in_force.until": ("until {day}", "đến hết {day}"),
    "in_force.more": (" and {n} more", " và {n} ngày khác"),
    "in_force.outside": (
        "{name} was in force {when}; these votes were on {days}",
        "{name} có hiệu lực {when}; các lần lấy phiếu này vào {days}",
    ),
    # `tinnhiem diff`: a witness in words, and what was proved
    "diff.collected.one": ("{n} ballot collected", "{n} phiếu thu về"),
    "diff.collected.other": ("{n} ballots collected", "{n} phiếu thu về"),
    "diff.members": ("{n} members", "{n} đại biểu"),
    "diff.present": ("{n} present", "{n} có mặt"),
    "diff.issued": ("{n} issued", "{n} phiếu phát ra"),
    "diff.invalid": ("{n} invalid", "{n} phiếu không hợp lệ"),
    "diff.previous": ("previous vote: {what}", "lần trước: {what}"),
    "diff.exempt": ("exempt", "không lấy phiếu"),
    "diff.not_valid": ("invalid vote", "kết quả không hợp lệ"),
    "diff.equivalent": (
        "same outcome for every tally (proved)",
        "cùng kết quả với mọi số phiếu (đã chứng minh)",
    ),
    "diff.bounded_same": (
        "no difference in any tally of up to {bound} ballots (not proved: {why})",
        "không khác nhau với mọi số phiếu đến {bound} phiếu (chưa chứng minh: {why})",
    ),
    "diff.bounded": (
        "found by the bounded search (tallies up to {bound} ballots; {why})",
        "tìm bằng cách duyệt mọi số phiếu đến {bound} phiếu ({why})",
    ),
    "diff.only": ("only in {name}", "chỉ có trong {name}"),
    "diff.no_solver": (
        "the SMT solver is not installed (pip install 'tinnhiem[diff]')",
        "chưa cài bộ giải SMT (pip install 'tinnhiem[diff]')",
    ),
    "diff.solver_off": ("the solver is turned off", "bộ giải SMT đã tắt"),
    "diff.timeout": (
        "the solver ran out of its {seconds} s",
        "bộ giải hết {seconds} giây cho phép",
    ),
    "diff.not_modelled": (
        "a condition the exact logic does not model",
        "có điều kiện phần logic chính xác chưa mô hình hóa được",
    ),
    "diff.undecidable_at": (
        "a condition the exact logic does not model, at {at}",
        "có điều kiện phần logic chính xác chưa mô hình hóa được, tại {at}",
    ),
    "diff.gave_up": ("the solver gave up", "bộ giải dừng giữa chừng"),
    "diff.unconfirmed": (
        "the engine gives {a} / {b} on this tally: the logic and the engine disagree (a bug)",
        "bộ máy cho {a} / {b} với số phiếu này: phần logic và bộ máy không khớp (lỗi)",
    ),
    "diff.between_classes": ("between classes", "giữa hai lớp"),
    "diff.pairs_differ": ("outcome pairs that differ", "số cặp kết quả khác nhau"),
    "diff.first": ("smallest tally between classes", "số phiếu nhỏ nhất giữa hai lớp"),
    "diff.no_level_in_common": ("no level both read", "không có mức phiếu chung"),
    "diff.examples": ("Examples to paste", "Ví dụ để dán vào tệp quy tắc"),
    # the command line's summary of a long list of warnings on stderr
    "more_warnings.other": (
        "… and {n} more warnings (use --all-warnings to see them)",
        "… và {n} cảnh báo nữa (dùng --all-warnings để xem hết)",
    ),
    "more_warnings.one": (
        "… and {n} more warning (use --all-warnings to see it)",
        "… và {n} cảnh báo nữa (dùng --all-warnings để xem)",
    ),
}
