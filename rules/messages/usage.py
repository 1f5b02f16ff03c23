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
    # the end of each --help (`cli_help`): what each example shows, what each exit status means
    "example.check.0": (
        "check a bundled rule set: syntax, names, thresholds",
        "kiểm tra một bộ quy tắc có sẵn: cú pháp, tên, ngưỡng",
    ),
    "example.check.1": ("two files, diagnostics as JSON", "hai tệp, lỗi và cảnh báo dạng JSON"),
    "example.fmt.0": (
        "print a rule set in the canonical layout",
        "in một bộ quy tắc theo bố cục chuẩn",
    ),
    "example.fmt.1": (
        "say whether files are canonical",
        "cho biết các tệp đã theo bố cục chuẩn chưa",
    ),
    "example.test.0": (
        "run the examples written in a rule set",
        "chạy các ví dụ viết trong một bộ quy tắc",
    ),
    "example.test.1": (
        "and list the rules and thresholds they miss",
        "và liệt kê các quy tắc và ngưỡng mà ví dụ chưa thử tới",
    ),
    "example.test.2": ("the outcome as JSON", "kết quả dạng JSON"),
    "example.show.0": ("a rule set in plain words", "một bộ quy tắc bằng lời thường"),
    "example.show.1": ("the resolved rule set as TOML", "bộ quy tắc đã ghép, dạng TOML"),
    "example.samples.0": (
        "copy the bundled files into ./tinnhiem-samples",
        "chép các tệp có sẵn vào ./tinnhiem-samples",
    ),
    "example.samples.1": ("into ./mau (rules/ and data/)", "vào ./mau (rules/ và data/)"),
    "example.run.0": ("the bundled 2022 appendix, as a table", "phụ lục 2022 có sẵn, dạng bảng"),
    "example.run.1": (
        "the same as CSV (UTF-8 with BOM, for Excel) in ket-qua.csv",
        "như trên, dạng CSV (UTF-8 có BOM, cho Excel) trong ket-qua.csv",
    ),
    "example.run.2": ("count ballots, one row each", "đếm phiếu bầu, mỗi phiếu một dòng"),
    "example.run.3": (
        "a Word document laid out as an official appendix",
        "một văn bản Word trình bày như phụ lục chính thức",
    ),
    "example.compare.0": ("who changes class", "ai đổi loại"),
    "example.compare.1": ("the people who change class, as CSV", "những người đổi loại, dạng CSV"),
    "example.diff.0": ("where two rule sets disagree", "hai bộ quy tắc khác nhau ở đâu"),
    "example.diff.1": (
        "a rule set against itself: no difference",
        "một bộ quy tắc so với chính nó: không khác gì",
    ),
    "example.diff.2": (
        "in Vietnamese, as Markdown in khac-nhau.md",
        "bằng tiếng Việt, dạng Markdown trong khac-nhau.md",
    ),
    "example.schedule.0": ("the vote calendar of a term", "lịch lấy phiếu của một nhiệm kỳ"),
    "example.schedule.1": (
        "and how often each person is rated, from their time in post",
        "và mỗi người được lấy phiếu bao nhiêu lần, theo thời gian giữ chức vụ",
    ),
    "example.schedule.2": (
        "each person's votes as CSV",
        "số lần lấy phiếu của từng người, dạng CSV",
    ),
    "example.sweep.0": (
        "move the 50% of `band.high` and list who flips",
        "dịch ngưỡng 50% của `band.high` và liệt kê ai đổi loại",
    ),
    "example.sweep.1": ("every step as CSV", "mọi bước dạng CSV"),
    "exit.check.0": ("0  no errors (warnings allowed)", "0  không có lỗi (được phép có cảnh báo)"),
    "exit.check.1": ("1  a file has errors", "1  có tệp có lỗi"),
    "exit.fmt.0": (
        "0  printed, rewritten, or (--check) already canonical",
        "0  đã in, đã ghi lại, hoặc (--check) đã theo bố cục chuẩn",
    ),
    "exit.fmt.1": (
        "1  --check: a file is not canonical (its differences are printed)",
        "1  --check: có tệp chưa theo bố cục chuẩn (các chỗ khác được in ra)",
    ),
    "exit.test.0": ("0  every example passes", "0  mọi ví dụ đều đạt"),
    "exit.test.1": (
        "1  an example fails, or a file has errors",
        "1  có ví dụ không đạt, hoặc có tệp có lỗi",
    ),
    "exit.show.0": ("0  shown", "0  đã hiện"),
    "exit.samples.0": (
        "0  copied (files already in DIR are kept)",
        "0  đã chép (tệp đã có trong DIR được giữ nguyên)",
    ),
    "exit.run.0": (
        "0  results printed or written; warnings on stderr do not change it",
        "0  đã in hoặc ghi kết quả; cảnh báo ở stderr không đổi mã này",
    ),
    "exit.run.1": (
        "1  not used: a person rated low is a result, not a failure",
        "1  không dùng: một người bị tín nhiệm thấp là một kết quả, không phải một lỗi",
    ),
    "exit.compare.0": (
        "0  compared, whether or not anyone changes class",
        "0  đã so sánh, dù có ai đổi loại hay không",
    ),
    "exit.diff.0": (
        "0  every block gives the same outcome for every tally",
        "0  mọi khối cho cùng kết quả với mọi bộ số phiếu",
    ),
    "exit.diff.1": (
        "1  a difference exists (shown with the smallest tally)",
        "1  có chỗ khác nhau (hiện cùng bộ số phiếu nhỏ nhất)",
    ),
    "exit.schedule.0": ("0  calendar printed or written", "0  đã in hoặc ghi lịch"),
    "exit.sweep.0": ("0  every step printed or written", "0  đã in hoặc ghi mọi bước"),
    "exit.unused": ("1  not used", "1  không dùng"),
    "exit.bad": (
        "2  bad usage, or input that cannot be used (said with its file, line or row, and column)",
        "2  dùng sai, hoặc dữ liệu vào không dùng được (nêu rõ tệp, dòng và cột)",
    ),
    "epilog.examples": ("examples:", "ví dụ:"),
    "epilog.exit_status": ("exit status:", "trạng thái thoát:"),
    "epilog.exit": ("(exit {n})", "(mã thoát {n})"),
    "main.samples": (
        "copy the bundled rule sets and data into ./tinnhiem-samples",
        "chép các bộ quy tắc và dữ liệu có sẵn vào ./tinnhiem-samples",
    ),
    "main.run": (
        "evaluate the bundled 2022 appendix under QĐ 96 (2023)",
        "đánh giá phụ lục 2022 có sẵn theo QĐ 96 (2023)",
    ),
    "main.help": (
        "what a command does, its examples and exit statuses",
        "một lệnh làm gì, các ví dụ và trạng thái thoát của nó",
    ),
    "main.exit.0": ("0  success", "0  thành công"),
    "main.exit.1": (
        "1  findings: check errors, failing examples, fmt --check differences, diff differences",
        "1  có phát hiện: lỗi khi kiểm tra, ví dụ không đạt, khác biệt của fmt --check, của diff",
    ),
    "main.exit.2": ("2  bad usage or bad input", "2  dùng sai hoặc dữ liệu vào sai"),
    # a threshold that cannot be swept (`engine/sweep.py`)
    "sweep_error.known": (" (known: {names})", " (các tên đã biết: {names})"),
    "sweep_error.did_you_mean": ("; did you mean `{name}`?", "; có phải ý bạn là `{name}`?"),
    "sweep_error.no_block": ("no block `{block}`{more}", "không có khối `{block}`{more}"),
    "sweep_error.no_rule": (
        "block `{block}` has no rule `{rule}`{more}",
        "khối `{block}` không có quy tắc `{rule}`{more}",
    ),
    "sweep_error.range": (
        "a threshold is a share: the range must lie within 0% to 100%",
        "ngưỡng là một tỷ lệ: khoảng phải nằm trong 0% đến 100%",
    ),
    "sweep_error.step": ("the step must be above 0", "bước phải lớn hơn 0"),
    "sweep_error.order": (
        "the start must not be above the stop",
        "điểm đầu không được lớn hơn điểm cuối",
    ),
    "sweep_error.step_too_big": (
        "the step is larger than the range: only its start would be tried",
        "bước lớn hơn cả khoảng: chỉ điểm đầu được thử",
    ),
    "sweep_error.too_many": (
        "that is {n} steps, more than {max}: take a larger step",
        "như vậy là {n} bước, nhiều hơn {max}: hãy chọn bước lớn hơn",
    ),
    "sweep_error.else": (
        "`{rule}` is the `else` of its block: it has no threshold",
        "`{rule}` là `else` của khối: nó không có ngưỡng",
    ),
    "sweep_error.no_threshold": (
        "`{rule}` compares no share with a number: nothing to sweep",
        "`{rule}` không so sánh tỷ lệ nào với một số: không có gì để quét",
    ),
    "sweep_error.choose": (
        "`{rule}` has {n} thresholds ({shown}): choose one",
        "`{rule}` có {n} ngưỡng ({shown}): hãy chọn một",
    ),
    "sweep_error.which": (
        "`{rule}` has {n} threshold(s), not {which}",
        "`{rule}` có {n} ngưỡng, không phải {which}",
    ),
    # two rule sets that cannot be compared (`engine/diff.py`)
    "diff_error.pair": (
        "--pair {x}={y}: {path} has no block `{block}`",
        "--pair {x}={y}: {path} không có khối `{block}`",
    ),
    "diff_error.block": (
        "--block {block}: neither rule set has a block `{block}`",
        "--block {block}: không bộ quy tắc nào có khối `{block}`",
    ),
    "diff_error.undecidable": ("cannot decide: {what}", "không quyết định được: {what}"),
    "diff_error.no_level": (
        "no level of the data can be read by both rule sets ({a} against {b}); add a `map` to "
        "one of them",
        "không mức phiếu nào của dữ liệu được cả hai bộ quy tắc đọc ({a} so với {b}); hãy thêm "
        "`map` vào một trong hai",
    ),
    # a file that cannot or must not be written (`-o`, the exports)
    "output.over_input": (
        "refusing to write over the input file {path}; choose another output file",
        "không ghi đè lên tệp đầu vào {path}; hãy chọn một tệp đầu ra khác",
    ),
    "output.folder": (
        "this is a folder; give a file name to write to",
        "đây là một thư mục; hãy cho tên một tệp để ghi vào",
    ),
    "output.not_regular": (
        "this is not a regular file (a device, a pipe or a socket); give the name of a file to "
        "write to",
        "đây không phải tệp thông thường (là thiết bị, pipe hoặc socket); hãy cho tên một tệp để "
        "ghi vào",
    ),
    "output.no_folder": ("the folder {path} does not exist", "thư mục {path} không tồn tại"),
    "output.cannot_write": ("cannot write the file: {error}", "không ghi được tệp: {error}"),
    # `tinnhiem test --coverage`
    "coverage.summary": (
        "{path}: {reached} of {rules} rules reached by an example, {both} of {limits} thresholds "
        "with examples at the boundary and one vote away",
        "{path}: {reached}/{rules} quy tắc có ví dụ chạm tới, {both}/{limits} ngưỡng có ví dụ "
        "ngay tại ngưỡng và cách ngưỡng một phiếu",
    ),
    "coverage.no_example": (
        "{where}: rule {rule}: no example reaches it",
        "{where}: quy tắc {rule}: không ví dụ nào chạm tới",
    ),
    "coverage.no_boundary": (
        "{where}: no example at the boundary",
        "{where}: không có ví dụ ngay tại ngưỡng",
    ),
    "coverage.no_away": (
        "{where}: no example one vote away",
        "{where}: không có ví dụ cách ngưỡng một phiếu",
    ),
    # `tinnhiem schedule -d`: a time in post that is not a date
    "schedule.not_date": (
        "{person}: `{name}` should be a date (2021-07-01), not {value}",
        "{person}: `{name}` phải là một ngày (2021-07-01), không phải {value}",
    ),
    # `tinnhiem samples`, `tinnhiem fmt --write`
    "samples.kept": ("kept {path} (already there)", "giữ nguyên {path} (đã có)"),
    "samples.copied.one": ("{n} file copied into {target}", "đã chép {n} tệp vào {target}"),
    "samples.copied.other": ("{n} files copied into {target}", "đã chép {n} tệp vào {target}"),
    "samples.and_kept": (", {n} kept", ", giữ nguyên {n} tệp"),
    "fmt.formatted": ("formatted {path}", "đã định dạng {path}"),
}
