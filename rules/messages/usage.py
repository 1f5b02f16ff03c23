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
    "argparse.one_argument": ("expected one argument", "cần một đối số"),
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
    # a bad argument (`UsageError`): what was given, and what is expected
    "usage.no_data": (
        "no data file {path} (bundled: {names})",
        "không có tệp dữ liệu {path} (có sẵn: {names})",
    ),
    "usage.data_folder": (
        "{path} is a folder; expected a data file (.csv, .xlsx, ...)",
        "{path} là một thư mục; cần một tệp dữ liệu (.csv, .xlsx, ...)",
    ),
    "usage.data_is_rules": (
        "{path} is a rules file (.tn); expected a data file (.csv, .xlsx, .json or .toml)",
        "{path} là tệp quy tắc (.tn); cần một tệp dữ liệu (.csv, .xlsx, .json hoặc .toml)",
    ),
    "usage.needs_output": (
        "--format {format} needs --output FILE",
        "--format {format} cần --output FILE",
    ),
    "usage.term": (
        "--term {text}: expected two years like 2021-2026",
        "--term {text}: cần hai năm, ví dụ 2021-2026",
    ),
    "usage.no_schedule": ("{path} has no `schedule` block", "{path} không có khối `schedule`"),
    "usage.number": (
        "{option} {text}: expected a number like 40%, 2/5 or 0.4",
        "{option} {text}: cần một số, ví dụ 40%, 2/5 hoặc 0.4",
    ),
    "usage.step": (
        "--step {text}: expected a number above 0, like 1% or 1/100",
        "--step {text}: cần một số lớn hơn 0, ví dụ 1% hoặc 1/100",
    ),
    "usage.from_above_to": (
        "--from {start} is above --to {stop}; expected from <= to",
        "--from {start} lớn hơn --to {stop}; cần from <= to",
    ),
    "usage.given": ("{given}: {error}", "{given}: {error}"),
    "usage.rule_form": (
        "--rule {rule}: expected BLOCK.RULE, like consequence.review",
        "--rule {rule}: cần BLOCK.RULE, ví dụ consequence.review",
    ),
    "usage.threshold": (
        "--threshold {n}: expected 1 for the first threshold, 2 …",
        "--threshold {n}: cần 1 cho ngưỡng đầu, 2 …",
    ),
    "usage.choose_threshold": (
        "--rule {rule}: {error} with --threshold N (1 to {n})",
        "--rule {rule}: {error} bằng --threshold N (1 đến {n})",
    ),
    "usage.samples_file": (
        "{path} is a file; expected a folder to copy the samples into",
        "{path} là một tệp; cần một thư mục để chép các tệp mẫu vào",
    ),
    "usage.timeout": (
        "--timeout {n}: expected a number of seconds above 0",
        "--timeout {n}: cần số giây lớn hơn 0",
    ),
    "usage.bound": (
        "--bound {n}: expected a number of ballots from 0 to 12",
        "--bound {n}: cần số phiếu từ 0 đến 12",
    ),
    "usage.pair": (
        "--pair {text}: expected BLOCK_A=BLOCK_B, e.g. consequence=hequa",
        "--pair {text}: cần BLOCK_A=BLOCK_B, ví dụ consequence=hequa",
    ),
    "usage.rules_folder": (
        "{path} is a folder; expected a rules file (.tn)",
        "{path} là một thư mục; cần một tệp quy tắc (.tn)",
    ),
    "usage.not_regular": (
        "{path} is not a regular file (a pipe or a device)",
        "{path} không phải tệp thông thường (là một pipe hoặc một thiết bị)",
    ),
    "usage.no_rules": (
        "no rules file {path} (bundled rule sets: {names})",
        "không có tệp quy tắc {path} (các bộ quy tắc có sẵn: {names})",
    ),
    "usage.rules_is_data": (
        "{path} is a data file ({suffix}); expected a rules file (.tn). Data goes after --data",
        "{path} là tệp dữ liệu ({suffix}); cần một tệp quy tắc (.tn). Dữ liệu ghi sau --data",
    ),
    "usage.rules_too_big": (
        "{path} is larger than {mb} MB, the limit of a rules file",
        "{path} lớn hơn {mb} MB, giới hạn của một tệp quy tắc",
    ),
    "usage.not_text": (
        "{file} is not a rules file: byte {byte} at offset {offset} is not UTF-8 text; expected a "
        "rules file (.tn) saved as UTF-8",
        "{file} không phải tệp quy tắc: byte {byte} ở vị trí {offset} không phải văn bản UTF-8; "
        "cần một tệp quy tắc (.tn) lưu dạng UTF-8",
    ),
    "usage.the_base": (
        "the base {name} (extended by {by})",
        "bộ gốc {name} (được mở rộng bởi {by})",
    ),
    "usage.bundled_write": (
        "{name} is a bundled rule set: fmt --write does not change it; print it (tinnhiem fmt "
        "{name} > my-rules.tn) and edit the copy",
        "{name} là bộ quy tắc có sẵn: fmt --write không sửa nó; hãy in nó ra (tinnhiem fmt "
        "{name} > my-rules.tn) rồi sửa bản sao",
    ),
}
