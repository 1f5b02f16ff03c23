"""The app's words in Vietnamese (the default) and English, side by side so neither falls behind."""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

# key -> (Vietnamese, English). `{name}` fields are filled by `t(..., name=...)`.
STRINGS: dict[str, tuple[str, str]] = {
    # the app
    "app.title": ("tinnhiem: lấy phiếu tín nhiệm", "tinnhiem: confidence ratings"),
    "lang.name": ("Tiếng Việt", "English"),
    "lang.switched": ("Đã chuyển sang tiếng Việt", "Switched to English"),
    # the command palette's own words, and ctrl+c
    "palette.search": ("Tìm lệnh…", "Search for commands…"),
    "palette.themes": ("Tìm giao diện màu…", "Search for themes…"),
    "palette.theme": ("Đổi giao diện màu", "Change the theme"),
    "palette.theme.tip": ("Chọn bảng màu của ứng dụng", "Choose the colours of the app"),
    "palette.screenshot": ("Chụp màn hình", "Screenshot"),
    "palette.screenshot.tip": (
        "Lưu hình màn hình hiện tại thành tệp SVG",
        "Save the screen as it is to an SVG file",
    ),
    "quit.ask": ("Bạn muốn thoát?", "Do you want to quit?"),
    "quit.how": ("Nhấn {key} để thoát ứng dụng", "Press {key} to quit the app"),
    # moving around (F1)
    "group.nav": ("Di chuyển", "Move"),
    "nav.rows": ("Dòng", "Rows"),
    "nav.rows.tip": ("Lên, xuống một dòng hoặc một trang", "Up or down a row or a page"),
    "nav.edges": ("Đầu, cuối", "First, last"),
    "nav.edges.tip": ("Dòng đầu hoặc dòng cuối của bảng", "The first or last row of the table"),
    "nav.columns": ("Cột", "Columns"),
    "nav.columns.tip": ("Cuộn bảng sang trái, sang phải", "Scroll the table left or right"),
    "nav.focus": ("Chuyển vùng", "Next area"),
    "nav.focus.tip": (
        "Sang vùng kế tiếp: từ thanh thẻ vào trình sửa quy tắc, bảng, ô nhập",
        "To the next area: from the tab strip into the rules editor, a table, a field",
    ),
    "nav.leave": ("Thoát vùng", "Leave"),
    "nav.leave.tip": (
        "Ra khỏi trình sửa quy tắc (để các phím 1–6 lại chuyển thẻ); đóng hộp thoại",
        "Leave the rules editor (so that keys 1–6 switch tabs again); close a dialog",
    ),
    "nav.choose": ("Chọn", "Choose"),
    "nav.choose.tip": ("Chọn dòng, mở tệp, xác nhận", "Choose a row, open a file, confirm"),
    "nav.source": ("Tới dòng quy tắc", "To a rule's line"),
    "nav.source.tip": (
        "Nhấp vào «(dòng N, tệp)» trong bảng «vì sao»: mở thẻ Quy tắc ở dòng đó",
        "Click a “(line N, file)” in the why panel: the Rules tab opens on that line",
    ),
    "key.click": ("Nhấp chuột", "Click"),
    # tabs
    "tab.results": ("Kết quả", "Results"),
    "tab.report": ("Phụ lục", "Report"),
    "tab.compare": ("So sánh", "Compare"),
    "tab.calendar": ("Lịch", "Calendar"),
    "tab.sweep": ("Quét ngưỡng", "Sweep"),
    "tab.rules": ("Quy tắc", "Rules"),
    "rules.in_force": ("{name} có hiệu lực {when}", "{name} was in force {when}"),
    # action groups (command palette: "group: verb")
    "group.data": ("Dữ liệu", "Data"),
    "group.rules": ("Quy tắc", "Rules"),
    "group.compare": ("So sánh", "Compare"),
    "group.table": ("Bảng", "Table"),
    "group.view": ("Xem", "View"),
    "group.app": ("Ứng dụng", "App"),
    # actions: the footer's word, the command palette's verb ("group: verb"), and a tooltip
    "act.help": ("Trợ giúp", "Help"),
    "act.help.cmd": ("xem mọi phím và lệnh", "show every key and command"),
    "act.help.tip": ("Mọi phím và lệnh của ứng dụng", "Every key and command of the app"),
    "act.quit": ("Thoát", "Quit"),
    "act.quit.cmd": ("thoát", "quit"),
    "act.quit.tip": ("Thoát ứng dụng", "Leave the app"),
    "act.open_data": ("Dữ liệu", "Data"),
    "act.open_data.cmd": ("mở tệp…", "open a file…"),
    "act.open_data.tip": (
        "Mở tệp kết quả kiểm phiếu hoặc phiếu bầu (CSV, XLSX, JSON, TOML)",
        "Open a file of tallies or ballots (CSV, XLSX, JSON, TOML)",
    ),
    "act.reload": ("Nạp lại", "Reload"),
    "act.reload.cmd": ("nạp lại tệp từ đĩa", "reload the files from disk"),
    "act.reload.tip": ("Đọc lại tệp quy tắc và dữ liệu", "Read the rules and data files again"),
    "act.choose_rules": ("Quy tắc", "Rules"),
    "act.choose_rules.cmd": ("chọn bộ quy tắc…", "choose a rule set…"),
    "act.choose_rules.tip": (
        "Chọn bộ quy tắc: có sẵn, cạnh dữ liệu, hoặc tệp bất kỳ",
        "Pick a rule set: bundled, beside the data, or any file",
    ),
    "act.save_overlay": ("Lưu sửa", "Save edit"),
    "act.save_overlay.cmd": ("lưu bản sửa thành tệp phủ…", "save the edit as an overlay…"),
    "act.save_overlay.tip": (
        "Lưu phần đã sửa thành tệp quy tắc mới, extends tệp gốc",
        "Save the edit as a new rules file that extends the original",
    ),
    "act.revert": ("Bỏ sửa", "Revert"),
    "act.revert.cmd": ("bỏ mọi chỗ sửa", "revert the edits"),
    "act.revert.tip": (
        "Bỏ mọi chỗ sửa và trở lại tệp trên đĩa",
        "Drop the edits and go back to the file on disk",
    ),
    "act.compare": ("So sánh", "Compare"),
    "act.compare.cmd": ("so sánh với bộ quy tắc khác…", "compare with another rule set…"),
    "act.compare.tip": (
        "So sánh với bộ quy tắc thứ hai: ai đổi loại, ma trận loại",
        "Compare with a second rule set: who changes class, the class matrix",
    ),
    "act.clear_compare": ("Bỏ so sánh", "Stop comparing"),
    "act.clear_compare.cmd": ("bỏ so sánh", "stop comparing"),
    "act.clear_compare.tip": ("Bỏ bộ quy tắc so sánh", "Drop the compared rule set"),
    "act.export": ("Xuất", "Export"),
    "act.export.cmd": ("xuất bảng đang xem…", "export the table in view…"),
    "act.export.tip": (
        "Xuất bảng đang xem ra CSV, XLSX, JSON, TOML hoặc Markdown",
        "Export the table in view to CSV, XLSX, JSON, TOML or Markdown",
    ),
    "act.sort": ("Sắp xếp", "Sort"),
    "act.sort.cmd": ("sắp xếp theo cột kế tiếp", "sort by the next column"),
    "act.sort.tip": (
        "Sắp xếp bảng theo cột kế tiếp (hoặc bấm vào tiêu đề cột)",
        "Sort the table by the next column (or click a column's header)",
    ),
    "act.reverse": ("Đảo thứ tự", "Reverse"),
    "act.reverse.cmd": ("đảo thứ tự sắp xếp", "reverse the sort order"),
    "act.reverse.tip": ("Đảo chiều sắp xếp của bảng", "Reverse the table's sort order"),
    "act.find": ("Tìm", "Find"),
    "act.find.cmd": ("tìm, lọc người trong bảng kết quả…", "find, filter people in the results…"),
    "act.find.tip": (
        "Chỉ hiện người có tên, chức vụ, nhóm hoặc phân loại chứa chữ gõ vào (không phân biệt "
        "hoa thường, dấu); Esc bỏ lọc. Kết quả và tệp xuất vẫn đủ mọi người",
        "Show only people whose name, position, group or class has the text typed in (any "
        "case, with or without diacritics); Esc clears it. Results and exports keep everyone",
    ),
    "act.goto_rule": ("Tới quy tắc", "Go to rule"),
    "act.goto_rule.cmd": (
        "tới dòng quy tắc đã phân loại người đang chọn",
        "go to the rule that classed the person highlighted",
    ),
    "act.goto_rule.tip": (
        "Mở thẻ Quy tắc, con trỏ ở dòng của quy tắc cho người đang chọn phân loại của họ",
        "Open the Rules tab with the cursor on the line of the rule that gave the person "
        "highlighted their class",
    ),
    "find.label": ("Tìm:", "Find:"),
    "find.placeholder": (
        "tên, chức vụ, nhóm, phân loại… (Esc: bỏ lọc)",
        "name, position, group, class… (Esc: clear)",
    ),
    "find.count": ("{n}/{m} người", "{n} of {m} people"),
    "find.count_votes": ("{n}/{m} lượt", "{n} of {m} votes"),
    "find.none": ("Không có ai khớp với chữ cần tìm.", "Nobody matches the text to find."),
    "act.copy_row": ("Chép dòng", "Copy row"),
    "act.copy_row.cmd": ("chép dòng đang chọn vào bộ nhớ tạm", "copy the highlighted row"),
    "act.copy_row.tip": (
        "Chép dòng đang chọn của bảng vào bộ nhớ tạm: một dòng, các ô theo thứ tự cột, cách "
        "nhau bằng tab (dán vào bảng tính)",
        "Copy the highlighted row of the table to the clipboard: one line, the cells in the "
        "order of the columns, separated by tabs (paste into a spreadsheet)",
    ),
    "act.copy_why": ("Chép «vì sao»", "Copy why"),
    "act.copy_why.cmd": (
        "chép phần giải thích «vì sao» vào bộ nhớ tạm",
        "copy the why panel's explanation",
    ),
    "act.copy_why.tip": (
        "Chép toàn bộ chữ của bảng «vì sao» (người đang chọn) vào bộ nhớ tạm",
        "Copy all the words of the why panel (the person highlighted) to the clipboard",
    ),
    "copy.title": ("Đã chép vào bộ nhớ tạm", "Copied to the clipboard"),
    "copy.row": (
        "Dòng «{row}»: {n} ô, cách nhau bằng tab",
        "Row “{row}”: {n} cells, tab-separated",
    ),
    "copy.why": (
        "Phần giải thích «vì sao» của {name}: {n} dòng",
        "The why panel of {name}: {n} lines",
    ),
    "copy.nothing": ("Không có gì để chép.", "Nothing to copy."),
    "act.goto_line": ("Tới dòng", "Go to line"),
    "act.goto_line.cmd": ("tới một dòng của quy tắc…", "go to a line of the rules…"),
    "act.goto_line.tip": (
        "Mở thẻ Quy tắc, con trỏ ở dòng có số nhập vào",
        "Open the Rules tab with the cursor on the line whose number is typed in",
    ),
    "goto_line.title": ("Tới dòng: {name}", "Go to line: {name}"),
    "goto_line.ask": (
        "Số dòng, từ 1 đến {last} (con trỏ đang ở dòng {now}):",
        "Line number, from 1 to {last} (the cursor is on line {now}):",
    ),
    "goto_line.keys": ("Enter: tới dòng đó · Esc: thôi", "Enter: go there · Esc: cancel"),
    "goto_line.range": (
        "Cần một số dòng từ 1 đến {last}.",
        "A line number from 1 to {last} is needed.",
    ),
    "act.plain": ("Diễn giải", "In words"),
    "act.plain.cmd": (
        "hiện hoặc ẩn quy tắc diễn giải bằng lời",
        "show or hide the rules in plain words",
    ),
    "act.plain.tip": (
        "Bên cạnh trình sửa: bộ quy tắc nói bằng lời (như lệnh `tinnhiem show`), theo kịp "
        "mỗi lần sửa không có lỗi",
        "Beside the editor: the rule set said in plain Vietnamese (as `tinnhiem show`), "
        "following every edit without errors",
    ),
    "rules.plain": ("Diễn giải bằng lời", "In plain Vietnamese"),
    "rules.plain_stale": (
        "Diễn giải bằng lời: của bản không lỗi gần nhất (bản đang sửa có lỗi)",
        "In plain Vietnamese: of the last version without errors (the text has errors)",
    ),
    "goto.nobody": ("Chưa chọn người nào trong bảng kết quả.", "No person is highlighted."),
    "goto.no_rule": (
        "Người này không được phân loại theo quy tắc nào (miễn hoặc không hợp lệ).",
        "No rule classed this person (exempt or invalid).",
    ),
    "goto.base": (
        "Quy tắc ở dòng {line} của tệp gốc {name} (bộ quy tắc này kế thừa nó), "
        "không phải tệp đang mở trong trình sửa.",
        "The rule is on line {line} of the base file {name} (this rule set extends it), "
        "not the file open in the editor.",
    ),
    "act.why": ("Vì sao", "Why"),
    "act.why.cmd": ("hiện hoặc ẩn bảng «vì sao»", "show or hide the why panel"),
    "act.why.tip": (
        "Giải thích kết quả của người đang chọn",
        "How the selected person's result was reached",
    ),
    "act.run_sweep": ("Quét", "Sweep"),
    "act.run_sweep.cmd": ("chạy quét ngưỡng", "run the threshold sweep"),
    "act.run_sweep.tip": (
        "Dời một ngưỡng và xem ai đổi loại",
        "Move one threshold and see who flips",
    ),
    "act.language": ("English", "Tiếng Việt"),
    "act.language.cmd": ("chuyển sang tiếng Anh", "switch to Vietnamese"),
    "act.language.tip": ("Đổi ngôn ngữ giao diện", "Switch the interface language"),
    "act.tab.cmd": ("mở thẻ {name}", "show the {name} tab"),
    "act.tab.tip": ("Mở thẻ {name}", "Show the {name} tab"),
    "act.palette": ("Lệnh", "Commands"),
    "act.palette.cmd": ("mở bảng lệnh", "open the command palette"),
    "act.palette.tip": ("Tìm và chạy mọi lệnh", "Find and run any command"),
    # status line
    "status.rules": ("Quy tắc", "Rules"),
    "status.data": ("Dữ liệu", "Data"),
    "status.compare": ("So với", "Versus"),
    "status.people": ("{n} người", "{n} people"),
    "status.people_votes": ("{n} người, {m} lượt", "{n} people, {m} votes"),
    "why.rounds": ("Các đợt của người này", "This person's rounds"),
    "why.round": ("Đợt", "Round"),
    "status.ok": ("không lỗi", "no errors"),
    "status.no_results": (
        "chưa có kết quả: không đánh giá được dữ liệu",
        "no results: the data cannot be evaluated",
    ),
    "status.errors": ("{n} lỗi: đang hiện kết quả cũ", "{n} errors: showing the last good results"),
    "status.warnings": ("{n} cảnh báo", "{n} warnings"),
    "status.edited": ("đã sửa", "edited"),
    "status.loading": ("đang tính…", "evaluating…"),
    "status.none": ("chưa có", "none"),
    # results table
    "col.number": ("#", "#"),
    "col.name": ("Họ và tên", "Name"),
    "col.position": ("Chức vụ", "Post"),
    "col.group": ("Nhóm", "Group"),
    "col.round": ("Đợt", "Round"),
    "col.unit": ("Đơn vị", "Unit"),
    "col.basis": ("Cơ sở", "Base"),
    "col.status": ("Tình trạng", "Status"),
    "col.versus": ("⇄ So với", "⇄ Versus"),
    "status.evaluated": ("Đã đánh giá", "Evaluated"),
    "status.exempt": ("Miễn lấy phiếu", "Exempt"),
    "status.invalid": ("Không hợp lệ", "Invalid"),
    "results.empty": ("Chưa có kết quả.", "No results yet."),
    # bases
    "basis.members": ("tổng số người được triệu tập", "members"),
    "basis.present": ("số có mặt", "present"),
    "basis.issued": ("số phiếu phát ra", "ballots issued"),
    "basis.collected": ("số phiếu thu về", "ballots collected"),
    "basis.valid": ("số phiếu hợp lệ", "valid ballots"),
    # why panel
    "why.title": ("Vì sao", "Why"),
    "why.none": ("Chọn một người trong bảng.", "Select a person in the table."),
    "why.basis": ("Cơ sở tính", "Base"),
    "why.counts": ("Số phiếu", "Counts"),
    "why.classes": ("Kết luận", "Classes"),
    "why.steps": ("Các quy tắc đã thử", "Rules tried"),
    "why.margins": ("Khoảng cách", "Margins"),
    "why.margin": (
        "{votes} phiếu {level} {direction} thì thành «{to}»",
        "{votes} {direction} votes of {level} would make it «{to}»",
    ),
    "why.more": ("nhiều hơn", "more"),
    "why.fewer": ("ít hơn", "fewer"),
    "why.no_margins": ("không có", "none"),
    "why.exempt": ("Miễn lấy phiếu: {reason}", "Exempt: {reason}"),
    "why.invalid": ("Không hợp lệ: {reason}", "Invalid: {reason}"),
    "why.matched": ("khớp", "matched"),
    "why.not_matched": ("không khớp", "did not match"),
    "why.rule_at": ("dòng {line}", "line {line}"),
    "why.versus": ("Theo bộ so sánh", "Under the compared set"),
    "why.trace": ("Diễn giải", "Trace"),
    # report
    "report.none": ("Bộ quy tắc này không có phụ lục (report).", "This rule set has no report."),
    "report.rated": ("Số được lấy phiếu", "Rated"),
    "report.exempt": ("Miễn", "Exempt"),
    "report.invalid": ("Không hợp lệ", "Invalid"),
    "report.total": ("Tổng cộng", "Total"),
    # compare
    "compare.none": (
        "Chưa chọn bộ quy tắc để so sánh. Nhấn {key} để chọn.",
        "No rule set to compare with. Press {key} to choose one.",
    ),
    "compare.title": ("{a}  ⇄  {b}", "{a}  ⇄  {b}"),
    "compare.changes": ("{n} người đổi loại", "{n} people change class"),
    "compare.who": ("Ai đổi loại", "Who changes class"),
    "compare.no_changes": ("Không ai đổi loại.", "Nobody changes class."),
    "compare.matrix": (
        "Ma trận: {block} (hàng: A, cột: B)",
        "Matrix: {block} (rows: A, columns: B)",
    ),
    "compare.block": ("Khối", "Block"),
    "compare.from": ("Theo A", "Under A"),
    "compare.to": ("Theo B", "Under B"),
    "compare.waiting": ("Đang so sánh…", "Comparing…"),
    # compare: the differences over every tally (`engine.diff`)
    "diff.title": (
        "Khác biệt với mọi số phiếu: {a}  ⇄  {b}",
        "Differences over every tally: {a}  ⇄  {b}",
    ),
    "diff.computing": ("Đang tính khác biệt với mọi số phiếu…", "Computing the differences…"),
    "diff.pairs": ("{n} cặp kết quả khác nhau.", "{n} outcome pairs differ."),
    "diff.same": (
        "Không có khác biệt nào giữa hai bộ quy tắc.",
        "The two rule sets do not differ.",
    ),
    "diff.none_found": ("Không tìm thấy khác biệt nào.", "No difference was found."),
    "diff.not_proved": (
        "Có khối chưa được chứng minh: chỉ duyệt các số phiếu nhỏ (xem từng dòng).",
        "Some blocks are not proved: only small tallies were searched (see each row).",
    ),
    "diff.no_common": (
        "Hai bộ quy tắc không có mức phiếu chung nào; thêm `map` vào một bộ để so sánh.",
        "No level of the data is read by both rule sets; add a `map` to one of them.",
    ),
    "diff.undecidable": (
        "Không so sánh được: có điều kiện phần logic chưa mô hình hóa được (tại {where}).",
        "Cannot compare: a condition the exact logic does not model (at {where}).",
    ),
    "diff.failed": (
        "Không tính được khác biệt (lỗi {where}).",
        "The differences could not be computed (error {where}).",
    ),
    "diff.table": ("Khác biệt theo khối", "Differences by block"),
    "diff.block": ("Khối", "Block"),
    "diff.witness": ("Số phiếu nhỏ nhất", "Smallest tally"),
    "diff.paste": ("Ví dụ để dán vào tệp quy tắc", "Examples to paste into the rules file"),
    "diff.trace": ("Vì sao, theo {side} ({name})", "Why, under {side} ({name})"),
    "diff.insert_hint": (
        "Enter: thêm ví dụ A vào cuối bộ quy tắc đang sửa (chưa lưu)",
        "Enter: add example A to the end of the rules being edited (not saved)",
    ),
    "diff.inserted": (
        "Đã thêm ví dụ “{name}” vào cuối bộ quy tắc (chưa lưu)",
        "Added example “{name}” to the end of the rules (not saved)",
    ),
    # the matrix of outcome pairs: what each mark of a cell means, and a cell in words
    "diff.legend": (
        "Hàng: kết quả theo A, cột: theo B.  = cùng kết quả có thể xảy ra  ≠ khác nhau có thể "
        "xảy ra (có số phiếu)",
        "Rows: outcomes under A, columns: under B.  = the same outcome can happen  ≠ a "
        "difference can happen (with a tally)",
    ),
    "diff.legend_proved": (
        "– không thể xảy ra (bộ giải đã chứng minh)",
        "– cannot happen (proved by the solver)",
    ),
    "diff.legend_unknown": (
        "? chưa rõ (chỉ duyệt đến {bound} phiếu)",
        "? unknown (searched up to {bound} ballots only)",
    ),
    "diff.cell.same": (
        "Cùng kết quả có thể xảy ra, ví dụ: {tally}.",
        "The same outcome can happen, for example: {tally}.",
    ),
    "diff.cell.differs": (
        "Khác nhau có thể xảy ra; số phiếu nhỏ nhất:",
        "A difference can happen; the smallest tally:",
    ),
    "diff.cell.impossible": (
        "Không thể xảy ra: không có số phiếu nào cho cặp kết quả này (bộ giải đã chứng minh).",
        "Cannot happen: no tally gives this pair of outcomes (proved by the solver).",
    ),
    "diff.cell.unknown": (
        "Chưa rõ: không tìm thấy số phiếu nào cho cặp kết quả này trong mọi số phiếu đến "
        "{bound} phiếu (chưa chứng minh: {why}).",
        "Unknown: no tally of up to {bound} ballots gives this pair of outcomes (not proved: "
        "{why}).",
    ),
    # calendar
    "calendar.term": ("Nhiệm kỳ", "Term"),
    "calendar.term.hint": ("ví dụ 2021-2026", "e.g. 2021-2026"),
    "calendar.bad_term": (
        "Nhiệm kỳ «{text}»: cần dạng 2021-2026",
        "Term «{text}»: expected a term like 2021-2026",
    ),
    "calendar.bad_order": (
        "Nhiệm kỳ «{text}»: năm đầu phải trước năm cuối, như 2021-2026",
        "Term «{text}»: the first year must come before the last, as in 2021-2026",
    ),
    "calendar.no_schedule": ("{name}: không có khối schedule", "{name}: no schedule block"),
    "calendar.year": ("Năm", "Year"),
    "calendar.vote": ("Lấy phiếu", "Vote"),
    "calendar.meeting": ("Kỳ họp", "Meeting"),
    "calendar.votes": ("Số lần lấy phiếu", "Votes"),
    "calendar.gap": ("Khoảng trống dài nhất", "Longest gap"),
    "calendar.coverage": ("Mức bao phủ từng người", "Coverage of each person"),
    "calendar.when": ("năm thứ {year}, tháng {month}", "year {year} of the term, month {month}"),
    "calendar.from": ("Từ", "From"),
    "calendar.to": ("Đến", "To"),
    "calendar.months": ("{n} tháng", "{n} months"),
    "calendar.source": (
        "Thời gian giữ chức vụ lấy từ {name}.",
        "Time in post read from {name}.",
    ),
    "calendar.no_start": (
        "{n}/{total} người không có ngày bắt đầu (start) trong dữ liệu: tính từ đầu nhiệm kỳ.",
        "{n} of {total} people have no start date in the data: counted from the term's start.",
    ),
    "calendar.no_end": (
        "{n}/{total} người không có ngày kết thúc (end) trong dữ liệu: tính đến cuối nhiệm kỳ.",
        "{n} of {total} people have no end date in the data: counted to the term's end.",
    ),
    "calendar.exempt": ("Không lấy phiếu", "Exempt"),
    "calendar.not_in_term": ("không giữ chức vụ trong nhiệm kỳ", "not in post in the term"),
    "calendar.current": ("Bộ hiện tại", "Current set"),
    "calendar.compared": ("Bộ so sánh", "Compared set"),
    # sweep
    "sweep.rule": ("Quy tắc", "Rule"),
    "sweep.from": ("Từ", "From"),
    "sweep.to": ("Đến", "To"),
    "sweep.step": ("Bước", "Step"),
    "sweep.run": ("Quét", "Run"),
    "sweep.threshold": ("Ngưỡng", "Threshold"),
    "sweep.count": ("Số người", "People"),
    "sweep.flips": ("Ai đổi loại ở ngưỡng này", "Who flips at this threshold"),
    "sweep.no_rules": ("Không có quy tắc nào có ngưỡng.", "No rule with a threshold."),
    "sweep.bad_number": (
        "«{field}»: «{text}» không phải số; cần dạng 40%, 40,5%, 2/5 hoặc 0,4",
        "{field}: «{text}» is not a number; expected e.g. 40%, 40.5%, 2/5 or 0.4",
    ),
    "sweep.not_a_share": (
        "«{field}»: {value} nằm ngoài 0%–100%",
        "{field}: {value} is outside 0%–100%",
    ),
    "sweep.bad_order": (
        "«Từ» ({start}) lớn hơn «Đến» ({stop}); cần Từ ≤ Đến",
        "From ({start}) is above To ({stop}); expected From ≤ To",
    ),
    "sweep.bad_step": (
        "«Bước»: {value}; cần một số lớn hơn 0, như 1%",
        "Step: {value}; expected a number above 0, like 1%",
    ),
    "sweep.step_too_big": (
        "«Bước» ({step}) lớn hơn khoảng từ {start} đến {stop}; cần bước nhỏ hơn",
        "Step ({step}) is larger than the range {start} to {stop}; expected a smaller step",
    ),
    "sweep.too_many": (
        "{n} ngưỡng là quá nhiều (tối đa {max}): tăng «Bước» hoặc thu hẹp khoảng",
        "{n} thresholds are too many (at most {max}): raise the step or narrow the range",
    ),
    "sweep.no_rule": ("«Quy tắc»: chọn một quy tắc để quét", "Rule: pick a rule to sweep"),
    "sweep.empty": ("Chọn quy tắc và nhấn {key} để quét.", "Pick a rule and press {key}."),
    "sweep.flips_count": ("Số người đổi", "Flips"),
    "sweep.steps": ("Từng ngưỡng", "Each threshold"),
    "sweep.before": ("Trước", "Before"),
    "sweep.after": ("Sau", "After"),
    "sweep.flips_at": (
        "Ai đổi loại ở ngưỡng {value}: {n} người",
        "Who flips at {value}: {n} people",
    ),
    "sweep.chart": ("Số người thuộc «{rule}» theo ngưỡng", "People in «{rule}» by threshold"),
    # rules editor
    "rules.diagnostics": ("Chẩn đoán", "Diagnostics"),
    "rules.no_diagnostics": ("Không có lỗi hay cảnh báo.", "No errors or warnings."),
    "rules.broken": (
        "{first} ({n} lỗi): giữ kết quả cũ.",
        "{first} ({n} errors): keeping the last good results.",
    ),
    "rules.not_utf8": (
        "không phải văn bản UTF-8 (byte 0x{byte:02x} ở vị trí {offset}); hãy lưu tệp dạng UTF-8",
        "not UTF-8 text (byte 0x{byte:02x} at offset {offset}); save the file as UTF-8",
    ),
    "rules.replaced_chars": (
        "Dòng {line}: đã thay {n} ký tự không dùng được trong tệp quy tắc "
        "(NUL hoặc nửa cặp UTF-16) bằng «\ufffd»",
        "Line {line}: replaced {n} characters that a rules file cannot hold "
        "(NUL or half a UTF-16 pair) with «\ufffd»",
    ),
    "rules.reloaded": (
        "Đã nạp lại {name} (tệp thay đổi trên đĩa)",
        "Reloaded {name} (changed on disk)",
    ),
    "rules.changed_on_disk": (
        "{name} đã thay đổi trên đĩa; bản đang sửa được giữ nguyên.",
        "{name} changed on disk; your edits are kept.",
    ),
    "rules.loaded": ("Đã nạp bộ quy tắc {name}", "Loaded the rule set {name}"),
    "rules.cannot_read": ("Không đọc được {path}: {error}", "Cannot read {path}: {error}"),
    "rules.nothing_to_save": ("Chưa sửa gì so với tệp gốc.", "Nothing changed from the original."),
    "rules.saved": ("Đã lưu bản sửa: {path}", "Saved the edit: {path}"),
    "rules.removed_blocks": (
        "Bản sửa không thể xoá khối: {names}",
        "An overlay cannot remove blocks: {names}",
    ),
    "rules.fix_first": (
        "Chưa lưu: hãy sửa lỗi trước ({first})",
        "Not saved: fix the errors first ({first})",
    ),
    # data
    "data.loaded": ("Đã nạp {name}: {n} người", "Loaded {name}: {n} people"),
    "data.failed": (
        "Không nạp được dữ liệu; giữ dữ liệu cũ.",
        "Could not load the data; kept the previous.",
    ),
    "data.not_evaluated": (
        "Không đánh giá được dữ liệu theo bộ quy tắc này.",
        "The data cannot be evaluated under this rule set.",
    ),
    "data.no_results": (
        "Không có kết quả: không đánh giá được {data} theo bộ quy tắc “{name}”; kết quả của bộ "
        "quy tắc trước đã được xóa.",
        "No results: {data} cannot be evaluated under rule set “{name}”; the results of the "
        "previous rule set were cleared.",
    ),
    "data.cancelled": ("Đã hủy việc nạp {name}", "Stopped loading {name}"),
    "data.unreadable": (
        "Không đọc được tệp này; không hiện nội dung nào của tệp",
        "Cannot read this file; nothing of its content is shown",
    ),
    "data.tallies": ("Kết quả kiểm phiếu (mỗi dòng một người)", "Tallies (one row per person)"),
    "data.ballots": ("Phiếu bầu (mỗi dòng một phiếu)", "Ballots (one row per ballot)"),
    "data.tallies.short": ("kết quả kiểm phiếu", "tallies"),
    "data.ballots.short": ("phiếu bầu", "ballots"),
    "data.detected": ("nhận ra: {kind}", "detected: {kind}"),
    "data.loaded.kind": (
        "Đã nạp {name} ({kind}): {n} người",
        "Loaded {name} ({kind}): {n} people",
    ),
    "data.loaded.kind_votes": (
        "Đã nạp {name} ({kind}): {n} người, {m} lượt",
        "Loaded {name} ({kind}): {n} people, {m} votes",
    ),
    "data.time_in_post": (
        "{name}: thời gian giữ chức vụ của {n} người, không có số phiếu: dùng cho tab Lịch; "
        "bảng kết quả giữ dữ liệu cũ.",
        "{name}: time in post of {n} people, no votes: used by the Calendar tab; the results "
        "keep the data they show.",
    ),
    "eval.more_warnings": (
        "và {n} cảnh báo khác khi đánh giá (xem tinnhiem run)",
        "and {n} more warnings while evaluating (see tinnhiem run)",
    ),
    "data.warnings": ("{n} cảnh báo khi đọc dữ liệu", "{n} warnings while reading the data"),
    # pickers
    "picker.data": ("Mở dữ liệu", "Open data"),
    "picker.rules": ("Chọn bộ quy tắc", "Choose a rule set"),
    "picker.compare": ("So sánh với bộ quy tắc", "Compare with a rule set"),
    "picker.path": ("Đường dẫn", "Path"),
    "picker.path.hint": ("gõ đường dẫn tệp rồi Enter", "type a file path and press Enter"),
    "picker.bundled": ("Có sẵn", "Bundled"),
    "picker.beside": ("Cạnh dữ liệu", "Beside the data"),
    "picker.recent": ("Gần đây", "Recent"),
    "picker.files": ("Tệp", "Files"),
    "picker.open": ("Mở", "Open"),
    "picker.cancel": ("Huỷ", "Cancel"),
    "picker.missing": ("Không có tệp {path}", "No file {path}"),
    "picker.folder": ("{path} là thư mục; hãy chọn một tệp", "{path} is a folder; choose a file"),
    "picker.suffix": (
        "{path} không phải tệp {suffixes}",
        "{path} is not a {suffixes} file",
    ),
    "path.empty": (
        "Chưa có đường dẫn: gõ đường dẫn tệp rồi Enter",
        "No path: type a file path and press Enter",
    ),
    "path.nul": ("Đường dẫn có ký tự NUL (\\0): {path}", "The path holds a NUL (\\0): {path}"),
    "path.bad": ("Đường dẫn không dùng được ({error}): {path}", "Unusable path ({error}): {path}"),
    "picker.kind": ("Loại dữ liệu", "Kind of data"),
    # export
    "export.exists": (
        "{name} đã có. Nhấn Ghi đè (hoặc Enter) lần nữa để thay nó, hoặc đổi tên.",
        "{name} exists. Press Overwrite (or Enter) again to replace it, or change the name.",
    ),
    "export.overwrite": ("Ghi đè", "Overwrite"),
    "export.official_only": (
        "Word và HTML là phụ lục của bảng kết quả: hãy xuất từ tab Kết quả.",
        "Word and HTML are the appendix of the results: export from the Results tab.",
    ),
    "export.title": ("Xuất bảng: {table}", "Export the table: {table}"),
    "export.format": ("Định dạng", "Format"),
    "export.done": ("Đã xuất {n} dòng ra {path}", "Exported {n} rows to {path}"),
    "export.failed": ("Không xuất được: {error}", "Export failed: {error}"),
    "export.suffix": (
        "{name}: định dạng {fmt} cần đuôi {expected}",
        "{name}: the format {fmt} needs the extension {expected}",
    ),
    "export.all_rows": (
        "Bảng đang lọc ({shown} dòng hiện): tệp xuất có cả {n} dòng.",
        "The table is filtered ({shown} rows shown): the export has all {n} rows.",
    ),
    "export.nothing": ("Không có bảng nào để xuất ở đây.", "No table to export here."),
    "export.save": ("Xuất", "Export"),
    "save.title": ("Lưu bản sửa thành tệp quy tắc", "Save the edit as a rules file"),
    "save.save": ("Lưu", "Save"),
    "save.failed": ("Không lưu được: {error}", "Could not save: {error}"),
    # the config file
    "config.ignored": (
        "{path}: đã bỏ qua (tệp được giữ nguyên cho tới khi sửa)",
        "{path}: ignored (the file is left as it is until fixed)",
    ),
    # help
    "help.title": ("Phím và lệnh", "Keys and commands"),
    "help.key": ("Phím", "Key"),
    "help.command": ("Lệnh", "Command"),
    "help.what": ("Làm gì", "What it does"),
    "help.footer": (
        "Mọi lệnh cũng có trong bảng lệnh ({key}). Esc để đóng.",
        "Every command is also in the command palette ({key}). Esc closes.",
    ),
    "help.close": ("Đóng", "Close"),
    # generic
    "error": ("Lỗi", "Error"),
    "warning": ("Cảnh báo", "Warning"),
    "missing_feature": (
        "Chức năng này cần {name}, chưa có trong engine.",
        "This needs {name}, which the engine does not have yet.",
    ),
}


def t(lang: str, key: str, /, **fields: object) -> str:
    """The text of `key` in `lang`, with its fields filled; an unknown key shows itself."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**fields) if fields else text


def other(lang: str) -> Lang:
    return "vi" if lang == "en" else "en"
