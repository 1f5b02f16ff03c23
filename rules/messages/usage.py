"""The words of the command line's own usage: argparse's messages and titles, the help of each
command and option, and the errors of a bad argument."""

from __future__ import annotations

# key -> (English, Vietnamese). The `argparse.*` English is argparse's own text (its gettext
# message ids, `%`-formatted by argparse): the Vietnamese replaces it under a Vietnamese locale.
USAGE: dict[str, tuple[str, str]] = {
    "argparse.usage": ("usage: ", "cách dùng: "),
    "argparse.positionals": ("positional arguments", "đối số theo vị trí"),
    "argparse.options": ("options", "tùy chọn"),
    "argparse.help": ("show this help message and exit", "hiện trợ giúp này rồi thoát"),
    "argparse.error": ("%(prog)s: error: %(message)s\n", "%(prog)s: lỗi: %(message)s\n"),
    "argparse.required": (
        "the following arguments are required: %s",
        "thiếu đối số bắt buộc: %s",
    ),
    "argparse.choice": (
        "invalid choice: %(value)r (choose from %(choices)s)",
        "lựa chọn không hợp lệ: %(value)r (hãy chọn một trong %(choices)s)",
    ),
    "argparse.unrecognized": ("unrecognized arguments: %s", "đối số không nhận ra: %s"),
    "argparse.one": ("expected one argument", "cần một đối số"),
    "argparse.at_least_one": ("expected at least one argument", "cần ít nhất một đối số"),
    "argparse.at_most_one": ("expected at most one argument", "cần nhiều nhất một đối số"),
    "argparse.n.one": ("expected %s argument", "cần %s đối số"),
    "argparse.n.other": ("expected %s arguments", "cần %s đối số"),
    "argparse.argument": (
        "argument %(argument_name)s: %(message)s",
        "đối số %(argument_name)s: %(message)s",
    ),
    "argparse.ambiguous": (
        "ambiguous option: %(option)s could match %(matches)s",
        "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    ),
    "argparse.type": (
        "invalid %(type)s value: %(value)r",
        "giá trị %(type)s không hợp lệ: %(value)r",
    ),
    "argparse.not_with": ("not allowed with argument %s", "không dùng cùng đối số %s được"),
    "argparse.one_of": (
        "one of the arguments %s is required",
        "cần một trong các đối số %s",
    ),
    "argparse.ignored": ("ignored explicit argument %r", "đối số %r bị bỏ qua"),
    "argparse.unknown_parser": (
        "unknown parser %(parser_name)r (choices: %(choices)s)",
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    ),
    # the help of the commands and options (`%%` is argparse's way of writing %)
    "help.version": ("show program's version number and exit", "hiện số phiên bản rồi thoát"),
    "help.description": (
        "Executable rules for confidence ratings (lấy phiếu tín nhiệm).",
        "Quy tắc chạy được cho việc lấy phiếu tín nhiệm.",
    ),
    "help.check": (
        "check rule files and print their diagnostics",
        "kiểm tra các tệp quy tắc và in các lỗi, cảnh báo",
    ),
    "help.fmt": (
        "print rule files in their canonical layout",
        "in các tệp quy tắc theo bố cục chuẩn",
    ),
    "help.fmt_check": (
        "exit 1 if a file is not canonical",
        "thoát với mã 1 nếu có tệp chưa theo bố cục chuẩn",
    ),
    "help.fmt_write": ("rewrite the files in place", "ghi đè các tệp theo bố cục chuẩn"),
    "help.test": ("run the examples of rule files", "chạy các ví dụ của tệp quy tắc"),
    "help.coverage": (
        "rules and thresholds examples miss",
        "các quy tắc và ngưỡng mà ví dụ chưa thử tới",
    ),
    "help.show": ("the resolved rule set in plain words", "bộ quy tắc đã ghép, bằng lời thường"),
    "help.samples": (
        "copy the bundled rule sets and sample data into a folder",
        "chép các bộ quy tắc có sẵn và dữ liệu mẫu vào một thư mục",
    ),
    "help.samples_description": (
        "Copy the bundled rule sets (rules/*.tn) and sample data (data/*) into DIR, so that the "
        "README's examples run outside a checkout. Files already there are kept.",
        "Chép các bộ quy tắc có sẵn (rules/*.tn) và dữ liệu mẫu (data/*) vào DIR, để các ví dụ "
        "trong README chạy được ngoài mã nguồn. Tệp đã có ở đó được giữ nguyên.",
    ),
    "help.run": ("evaluate data against a rule set", "đánh giá dữ liệu theo một bộ quy tắc"),
    "help.rules": ("rules file or bundled name", "tệp quy tắc hoặc tên bộ có sẵn"),
    "help.output": ("write to FILE (atomically)", "ghi vào FILE (trọn vẹn một lần)"),
    "help.pretty": (
        "indent JSON (the default up to 1000 people)",
        "thụt lề JSON (mặc định khi có tới 1000 người)",
    ),
    "help.compare": (
        "who changes class between two rule sets",
        "ai đổi loại giữa hai bộ quy tắc",
    ),
    "help.diff": (
        "where two rule sets disagree, over every tally",
        "hai bộ quy tắc khác nhau ở đâu, trên mọi kết quả kiểm phiếu",
    ),
    "help.pair": ("pair two blocks", "ghép hai khối với nhau"),
    "help.block": ("only this block", "chỉ khối này"),
    "help.timeout": ("per question", "cho mỗi câu hỏi"),
    "help.bound": ("ballots, bounded search", "số phiếu, tìm kiếm có giới hạn"),
    "help.schedule": (
        "the vote calendar of a term, and coverage with data",
        "lịch lấy phiếu của một nhiệm kỳ, và mức bao phủ theo dữ liệu",
    ),
    "help.term": ("e.g. 2021-2026", "ví dụ 2021-2026"),
    "help.time_in_post": (
        "people's time in post (start, end)",
        "thời gian giữ chức vụ của từng người (bắt đầu, kết thúc)",
    ),
    "help.schedule_format": ("csv: with -d, the people", "csv: với -d, danh sách người"),
    "help.sweep": (
        "move one threshold over a range and list who flips",
        "dịch một ngưỡng trong một khoảng và liệt kê ai đổi loại",
    ),
    "help.rule": ("e.g. consequence.review", "ví dụ consequence.review"),
    "help.from": ("e.g. 40%% or 2/5", "ví dụ 40%% hoặc 2/5"),
    "help.step": ("default 1%%", "mặc định 1%%"),
    "help.threshold": (
        "which threshold of the rule to move when it has several (1 is the first)",
        "dịch ngưỡng nào của quy tắc khi nó có nhiều ngưỡng (1 là ngưỡng đầu)",
    ),
    "help.color": (
        "colour the output: auto (on a terminal, unless NO_COLOR is set), always, never",
        "tô màu đầu ra: auto (trên màn hình dòng lệnh, trừ khi đặt NO_COLOR), always, never",
    ),
    "help.all_warnings": (
        "print every warning (else the first {n} and how many more)",
        "in mọi cảnh báo (nếu không, in {n} cảnh báo đầu và số còn lại)",
    ),
    "help.lang": (
        "the language of messages and tables: en or vi (default: the locale's, from LC_ALL, "
        "LC_MESSAGES or LANG; JSON messages are English unless --lang is given)",
        "ngôn ngữ của thông báo và bảng: en hoặc vi (mặc định theo locale, từ LC_ALL, "
        "LC_MESSAGES hoặc LANG; thông báo JSON bằng tiếng Anh trừ khi có --lang)",
    ),
    "help.data": (
        "tallies or ballots (default: bundled)",
        "số phiếu hoặc phiếu bầu (mặc định: có sẵn)",
    ),
    "help.ballots": ("D holds one row per ballot", "D có mỗi phiếu bầu một dòng"),
}
