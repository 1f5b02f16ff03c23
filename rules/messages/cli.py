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
}
