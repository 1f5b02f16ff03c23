"""The words of the command line and of the exports: statuses, table headers, summaries."""

from __future__ import annotations

# key -> (English, Vietnamese); `{name}` fields are filled when said. A pair `x.one`/`x.other` is
# said by `plural`.
CLI: dict[str, tuple[str, str]] = {
    # a person's status: the same words in the CLI, the TUI and every export
    "status.evaluated": ("Evaluated", "Đã đánh giá"),
    "status.exempt": ("Exempt", "Không lấy phiếu"),
    "status.invalid": ("Invalid", "Không hợp lệ"),
    "severity.error": ("error", "lỗi"),
    "severity.warning": ("warning", "cảnh báo"),
    # the results table
    "table.id": ("ID", "Mã"),
    "table.name": ("Name", "Họ và tên"),
    "table.position": ("Position", "Chức vụ"),
    "table.basis": ("Basis", "Cơ sở tính"),
    "table.basis_is": ("Basis: {value}", "Cơ sở tính: {value}"),
    # a report: people by group
    "report.exempt": ("Exempt", "Không lấy phiếu"),
    "report.invalid": ("Invalid", "Không hợp lệ"),
    # compare
    "compare.changes_of.one": (
        "{n} of {total} people changes class",
        "{n}/{total} người đổi loại",
    ),
    "compare.changes_of.other": (
        "{n} of {total} people change class",
        "{n}/{total} người đổi loại",
    ),
    "compare.people": ("People who change class", "Người đổi loại"),
    "compare.share_a": ("Shares A", "Tỷ lệ A"),
    "compare.share_b": ("Shares B", "Tỷ lệ B"),
    "compare.matrix_of": ("Matrix: {block}", "Ma trận: {block}"),
    # schedule
    "schedule.title": (
        "Vote calendar {first}-{last}: {name}",
        "Lịch lấy phiếu {first}-{last}: {name}",
    ),
    "schedule.year": ("Year", "Năm"),
    "schedule.term_year": ("Year of term", "Năm thứ"),
    "schedule.month": ("Month", "Tháng"),
    "schedule.meeting": ("Session, conference", "Kỳ họp, hội nghị"),
    "schedule.from": ("From", "Từ"),
    "schedule.to": ("To", "Đến"),
    "schedule.votes": ("Votes", "Số lần"),
    "schedule.years": ("Years", "Năm"),
    "schedule.gap": ("Longest (months)", "Lâu nhất (tháng)"),
    "schedule.none": ("none", "không có"),
    "schedule.not_in_term": ("not in post in the term", "không giữ chức vụ trong nhiệm kỳ"),
    "schedule.coverage": ("Votes of each person", "Số lần được lấy phiếu"),
    # sweep
    "sweep.threshold_header": ("Threshold", "Ngưỡng"),
    "sweep.flips_header": ("Changes", "Đổi loại"),
    "sweep.current": ("Current", "Hiện hành"),
    "sweep.title": (
        "{name}: {rule} (* = current threshold)",
        "{name}: {rule} (* = ngưỡng hiện hành)",
    ),
    # `tinnhiem check`, `fmt`, `test`
    "check.files.one": ("{n} file checked", "Đã kiểm tra {n} tệp"),
    "check.files.other": ("{n} files checked", "Đã kiểm tra {n} tệp"),
    "check.errors.one": ("{n} error", "{n} lỗi"),
    "check.errors.other": ("{n} errors", "{n} lỗi"),
    "check.warnings.one": ("{n} warning", "{n} cảnh báo"),
    "check.warnings.other": ("{n} warnings", "{n} cảnh báo"),
    "fmt.would.one": (
        "{differ} of {n} file would be reformatted",
        "{differ}/{n} tệp sẽ được định dạng lại",
    ),
    "fmt.would.other": (
        "{differ} of {n} files would be reformatted",
        "{differ}/{n} tệp sẽ được định dạng lại",
    ),
    "test.summary": ("{passed} passed, {failed} failed", "{passed} đạt, {failed} không đạt"),
    # errors of the command line itself
    "cli.cannot_use": (
        "tinnhiem: cannot use{where}: {error}",
        "tinnhiem: không dùng được{where}: {error}",
    ),
    # a bad argument of the command line (said after "tinnhiem: ")
    "usage.no_data_file": (
        "no data file {path} (bundled: {names})",
        "không có tệp dữ liệu {path} (tệp có sẵn: {names})",
    ),
    "usage.data_is_folder": (
        "{path} is a folder; expected a data file (.csv, .xlsx, ...)",
        "{path} là một thư mục; cần một tệp dữ liệu (.csv, .xlsx, ...)",
    ),
    "usage.data_is_rules": (
        "{path} is a rules file (.tn); expected a data file (.csv, .xlsx, .json or .toml)",
        "{path} là tệp quy định (.tn); cần một tệp dữ liệu (.csv, .xlsx, .json hoặc .toml)",
    ),
    "usage.needs_output": (
        "--format {format} needs --output FILE",
        "--format {format} cần --output TỆP",
    ),
    "usage.term": (
        "--term {given}: expected two years like 2021-2026",
        "--term {given}: cần hai năm, ví dụ 2021-2026",
    ),
    "usage.no_schedule": (
        "{path} has no `schedule` block",
        "{path} không có khối `schedule` (lịch lấy phiếu)",
    ),
    "usage.number": (
        "{option} {given}: expected a number like 40%, 2/5 or 0.4",
        "{option} {given}: cần một số, ví dụ 40%, 2/5 hoặc 0.4",
    ),
    "usage.step": (
        "--step {given}: expected a number above 0, like 1% or 1/100",
        "--step {given}: cần một số lớn hơn 0, ví dụ 1% hoặc 1/100",
    ),
    "usage.from_above_to": (
        "--from {start} is above --to {stop}; expected from <= to",
        "--from {start} lớn hơn --to {stop}; cần from <= to",
    ),
    "usage.range": ("{given}: {error}", "{given}: {error}"),
    "usage.rule": (
        "--rule {given}: expected BLOCK.RULE, like consequence.review",
        "--rule {given}: cần KHỐI.QUY_TẮC, ví dụ consequence.review",
    ),
    "usage.threshold": (
        "--threshold {given}: expected 1 for the first threshold, 2 …",
        "--threshold {given}: cần 1 cho ngưỡng thứ nhất, 2 …",
    ),
    "usage.rule_error": ("--rule {given}: {error}", "--rule {given}: {error}"),
    "usage.choose_threshold": (
        "--rule {given}: {error} with --threshold N (1 to {count})",
        "--rule {given}: {error} bằng --threshold N (1 đến {count})",
    ),
    "usage.samples_target_is_file": (
        "{path} is a file; expected a folder to copy the samples into",
        "{path} là một tệp; cần một thư mục để chép các tệp mẫu vào",
    ),
    "usage.rules_is_folder": (
        "{path} is a folder; expected a rules file (.tn)",
        "{path} là một thư mục; cần một tệp quy định (.tn)",
    ),
    "usage.not_regular": (
        "{path} is not a regular file (a pipe or a device)",
        "{path} không phải một tệp thường (là một ống dẫn hoặc một thiết bị)",
    ),
    "usage.no_rules_file": (
        "no rules file {path} (bundled rule sets: {names})",
        "không có tệp quy định {path} (bộ quy định có sẵn: {names})",
    ),
    "usage.rules_is_data": (
        "{path} is a data file ({suffix}); expected a rules file (.tn). Data goes after --data",
        "{path} là tệp dữ liệu ({suffix}); cần một tệp quy định (.tn). Dữ liệu đặt sau --data",
    ),
    "usage.rules_too_big": (
        "{path} is larger than {mb} MB, the limit of a rules file",
        "{path} lớn hơn {mb} MB, giới hạn của một tệp quy định",
    ),
    "usage.rules_not_text": (
        "{what} is not a rules file: byte 0x{byte} at offset {offset} is not UTF-8 text; "
        "expected a rules file (.tn) saved as UTF-8",
        "{what} không phải tệp quy định: byte 0x{byte} ở vị trí {offset} không phải văn bản "
        "UTF-8; cần một tệp quy định (.tn) lưu dạng UTF-8",
    ),
    "usage.base_of": (
        "the base {name} (extended by {by})",
        "tệp gốc {name} (được {by} mở rộng)",
    ),
    "usage.timeout": (
        "--timeout {given}: expected a number of seconds above 0",
        "--timeout {given}: cần một số giây lớn hơn 0",
    ),
    "usage.bound": (
        "--bound {given}: expected a number of ballots from 0 to 12",
        "--bound {given}: cần một số phiếu từ 0 đến 12",
    ),
    "usage.fmt_bundled": (
        "{name} is a bundled rule set: fmt --write does not change it; print it (tinnhiem fmt "
        "{name} > my-rules.tn) and edit the copy",
        "{name} là bộ quy định có sẵn: fmt --write không sửa nó; hãy in ra (tinnhiem fmt {name} "
        "> quy-dinh-cua-toi.tn) rồi sửa bản sao",
    ),
    "usage.pair": (
        "--pair {given}: expected BLOCK_A=BLOCK_B, e.g. consequence=hequa",
        "--pair {given}: cần KHỐI_A=KHỐI_B, ví dụ consequence=hequa",
    ),
}
