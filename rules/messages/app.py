"""The terminal UI's words: its tabs, actions, tables, panels and dialogs."""

from __future__ import annotations

# key -> (English, Vietnamese); `{name}` fields are filled when said
APP: dict[str, tuple[str, str]] = {
    # the app
    "app.title": ("tinnhiem: confidence ratings", "tinnhiem: lấy phiếu tín nhiệm"),
    "lang.name": ("English", "Tiếng Việt"),
    "lang.switched": ("Switched to English", "Đã chuyển sang tiếng Việt"),
    # the command palette's own words, and ctrl+c
    "palette.search": ("Search for commands…", "Tìm lệnh…"),
    "palette.themes": ("Search for themes…", "Tìm giao diện màu…"),
    "palette.theme": ("change the theme", "đổi giao diện màu"),
    "palette.theme.tip": ("Choose the colours of the app", "Chọn bảng màu của ứng dụng"),
    "palette.screenshot": ("take a screenshot", "chụp màn hình"),
    "palette.screenshot.tip": (
        "Save the screen as it is to an SVG file",
        "Lưu hình màn hình hiện tại thành tệp SVG",
    ),
    "quit.ask": ("Do you want to quit?", "Bạn muốn thoát?"),
    "quit.how": ("Press {key} to quit the app", "Nhấn {key} để thoát ứng dụng"),
    # moving around (F1)
    "group.nav": ("Move", "Di chuyển"),
    "nav.rows": ("Rows", "Dòng"),
    "nav.rows.tip": ("Up or down a row or a page", "Lên, xuống một dòng hoặc một trang"),
    "nav.edges": ("First, last", "Đầu, cuối"),
    "nav.edges.tip": ("The first or last row of the table", "Dòng đầu hoặc dòng cuối của bảng"),
    "nav.columns": ("Columns", "Cột"),
    "nav.columns.tip": ("Scroll the table left or right", "Cuộn bảng sang trái, sang phải"),
    "nav.focus": ("Next area", "Chuyển vùng"),
    "nav.focus.tip": (
        "To the next area: from the tab strip into the rules editor, a table, a field",
        "Sang vùng kế tiếp: từ thanh thẻ vào trình sửa quy tắc, bảng, ô nhập",
    ),
    "nav.leave": ("Leave", "Thoát vùng"),
    "nav.leave.tip": (
        "Leave the rules editor (so that keys 1–6 switch tabs again); close a dialog",
        "Ra khỏi trình sửa quy tắc (để các phím 1–6 lại chuyển thẻ); đóng hộp thoại",
    ),
    "nav.choose": ("Choose", "Chọn"),
    "nav.choose.tip": ("Choose a row, open a file, confirm", "Chọn dòng, mở tệp, xác nhận"),
    # tabs
    "tab.results": ("Results", "Kết quả"),
    "tab.report": ("Report", "Phụ lục"),
    "tab.compare": ("Compare", "So sánh"),
    "tab.calendar": ("Calendar", "Lịch"),
    "tab.sweep": ("Sweep", "Quét ngưỡng"),
    "tab.rules": ("Rules", "Quy tắc"),
    "rules.in_force": ("{name} was in force {when}", "{name} có hiệu lực {when}"),
    # action groups (command palette: "group: verb")
    "group.data": ("Data", "Dữ liệu"),
    "group.rules": ("Rules", "Quy tắc"),
    "group.compare": ("Compare", "So sánh"),
    "group.table": ("Table", "Bảng"),
    "group.view": ("View", "Xem"),
    "group.app": ("App", "Ứng dụng"),
    # actions: the footer's word, the command palette's verb ("group: verb"), and a tooltip
    "act.help": ("Help", "Trợ giúp"),
    "act.help.cmd": ("show every key and command", "xem mọi phím và lệnh"),
    "act.help.tip": ("Every key and command of the app", "Mọi phím và lệnh của ứng dụng"),
    "act.quit": ("Quit", "Thoát"),
    "act.quit.cmd": ("quit", "thoát"),
    "act.quit.tip": ("Leave the app", "Thoát ứng dụng"),
    "act.open_data": ("Data", "Dữ liệu"),
    "act.open_data.cmd": ("open a file…", "mở tệp…"),
    "act.open_data.tip": (
        "Open a file of tallies or ballots (CSV, XLSX, JSON, TOML)",
        "Mở tệp kết quả kiểm phiếu hoặc phiếu bầu (CSV, XLSX, JSON, TOML)",
    ),
    "act.reload": ("Reload", "Nạp lại"),
    "act.reload.cmd": ("reload the files from disk", "nạp lại tệp từ đĩa"),
    "act.reload.tip": ("Read the rules and data files again", "Đọc lại tệp quy tắc và dữ liệu"),
    "act.choose_rules": ("Rules", "Quy tắc"),
    "act.choose_rules.cmd": ("choose a rule set…", "chọn bộ quy tắc…"),
    "act.choose_rules.tip": (
        "Pick a rule set: bundled, beside the data, or any file",
        "Chọn bộ quy tắc: có sẵn, cạnh dữ liệu, hoặc tệp bất kỳ",
    ),
    "act.save_overlay": ("Save edit", "Lưu sửa"),
    "act.save_overlay.cmd": ("save the edit as an overlay…", "lưu bản sửa thành tệp phủ…"),
    "act.save_overlay.tip": (
        "Save the edit as a new rules file that extends the original",
        "Lưu phần đã sửa thành tệp quy tắc mới, extends tệp gốc",
    ),
    "act.revert": ("Revert", "Bỏ sửa"),
    "act.revert.cmd": ("revert the edits", "bỏ mọi chỗ sửa"),
    "act.revert.tip": (
        "Drop the edits and go back to the file on disk",
        "Bỏ mọi chỗ sửa và trở lại tệp trên đĩa",
    ),
    "act.compare": ("Compare", "So sánh"),
    "act.compare.cmd": ("compare with another rule set…", "so sánh với bộ quy tắc khác…"),
    "act.compare.tip": (
        "Compare with a second rule set: who changes class, the class matrix",
        "So sánh với bộ quy tắc thứ hai: ai đổi loại, ma trận loại",
    ),
    "act.clear_compare": ("Stop comparing", "Bỏ so sánh"),
    "act.clear_compare.cmd": ("stop comparing", "bỏ so sánh"),
    "act.clear_compare.tip": ("Drop the compared rule set", "Bỏ bộ quy tắc so sánh"),
    "act.export": ("Export", "Xuất"),
    "act.export.cmd": ("export the table in view…", "xuất bảng đang xem…"),
    "act.export.tip": (
        "Export the table in view to CSV, XLSX, JSON, TOML, Markdown, or for the results a Word "
        "(DOCX) or HTML appendix",
        "Xuất bảng đang xem ra CSV, XLSX, JSON, TOML, Markdown, hoặc với bảng kết quả thành phụ "
        "lục Word (DOCX) hay HTML",
    ),
    "act.sort": ("Sort", "Sắp xếp"),
    "act.sort.cmd": ("sort by the next column", "sắp xếp theo cột kế tiếp"),
    "act.sort.tip": (
        "Sort the table by the next column (or click a column's header)",
        "Sắp xếp bảng theo cột kế tiếp (hoặc bấm vào tiêu đề cột)",
    ),
    "act.reverse": ("Reverse", "Đảo thứ tự"),
    "act.reverse.cmd": ("reverse the sort order", "đảo thứ tự sắp xếp"),
    "act.reverse.tip": ("Reverse the table's sort order", "Đảo chiều sắp xếp của bảng"),
    "act.find": ("Find", "Tìm"),
    "act.find.cmd": ("find, filter people in the results…", "tìm, lọc người trong bảng kết quả…"),
    "act.find.tip": (
        "Show only people whose name, position, group or class has the text typed in (any "
        "case, with or without diacritics); Esc clears it. Results and exports keep everyone",
        "Chỉ hiện người có tên, chức vụ, nhóm hoặc phân loại chứa chữ gõ vào (không phân biệt "
        "hoa thường, dấu); Esc bỏ lọc. Kết quả và tệp xuất vẫn đủ mọi người",
    ),
    "act.goto_rule": ("Go to rule", "Tới quy tắc"),
    "act.goto_rule.cmd": (
        "go to the rule that classed the person highlighted",
        "tới dòng quy tắc đã phân loại người đang chọn",
    ),
    "act.goto_rule.tip": (
        "Open the Rules tab with the cursor on the line of the rule that gave the person "
        "highlighted their class",
        "Mở thẻ Quy tắc, con trỏ ở dòng của quy tắc cho người đang chọn phân loại của họ",
    ),
    "find.label": ("Find:", "Tìm:"),
    "find.placeholder": (
        "name, position, group, class… (Esc: clear)",
        "tên, chức vụ, nhóm, phân loại… (Esc: bỏ lọc)",
    ),
    "find.count.one": ("{n} of {m} people", "{n}/{m} người"),
    "find.count.other": ("{n} of {m} people", "{n}/{m} người"),
    "find.none": ("Nobody matches the text to find.", "Không có ai khớp với chữ cần tìm."),
    "goto.nobody": ("No person is highlighted.", "Chưa chọn người nào trong bảng kết quả."),
    "goto.no_rule": (
        "No rule classed this person (exempt or invalid).",
        "Người này không được phân loại theo quy tắc nào (không lấy phiếu hoặc không hợp lệ).",
    ),
    "goto.base": (
        "The rule is on line {line} of the base file {name} (this rule set extends it), "
        "not the file open in the editor.",
        "Quy tắc ở dòng {line} của tệp gốc {name} (bộ quy tắc này kế thừa nó), "
        "không phải tệp đang mở trong trình sửa.",
    ),
    "act.why": ("Why", "Vì sao"),
    "act.why.cmd": ("show or hide the why panel", "hiện hoặc ẩn bảng «vì sao»"),
    "act.why.tip": (
        "How the selected person's result was reached",
        "Giải thích kết quả của người đang chọn",
    ),
    "act.run_sweep": ("Sweep", "Quét"),
    "act.run_sweep.cmd": ("run the threshold sweep", "chạy quét ngưỡng"),
    "act.run_sweep.tip": (
        "Move one threshold and see who flips",
        "Dời một ngưỡng và xem ai đổi loại",
    ),
    "act.language": ("Tiếng Việt", "English"),
    "act.language.cmd": ("switch to Vietnamese", "chuyển sang tiếng Anh"),
    "act.language.tip": ("Switch the interface language", "Đổi ngôn ngữ giao diện"),
    "act.tab.cmd": ("show the {name} tab", "mở thẻ {name}"),
    "act.tab.tip": ("Show the {name} tab", "Mở thẻ {name}"),
    "act.palette": ("Commands", "Lệnh"),
    "act.palette.cmd": ("open the command palette", "mở bảng lệnh"),
    "act.palette.tip": ("Find and run any command", "Tìm và chạy mọi lệnh"),
    # status line
    "status.rules": ("Rules", "Quy tắc"),
    "status.data": ("Data", "Dữ liệu"),
    "status.compare": ("Versus", "So với"),
    "status.people.one": ("{n} person", "{n} người"),
    "status.people.other": ("{n} people", "{n} người"),
    "status.ok": ("no errors", "không lỗi"),
    "status.no_results": (
        "no results: the data cannot be evaluated",
        "chưa có kết quả: không đánh giá được dữ liệu",
    ),
    "status.errors.one": (
        "{n} error: showing the last good results",
        "{n} lỗi: đang hiện kết quả cũ",
    ),
    "status.errors.other": (
        "{n} errors: showing the last good results",
        "{n} lỗi: đang hiện kết quả cũ",
    ),
    "status.warnings.one": ("{n} warning", "{n} cảnh báo"),
    "status.warnings.other": ("{n} warnings", "{n} cảnh báo"),
    "status.edited": ("edited", "đã sửa"),
    "status.loading": ("evaluating…", "đang tính…"),
    "status.sorting": ("sorting by “{column}”…", "đang sắp xếp theo “{column}”…"),
    "status.finding": ("finding “{text}”…", "đang tìm “{text}”…"),
    "status.none": ("none", "chưa có"),
    # results table
    "col.number": ("#", "#"),
    "col.name": ("Name", "Họ và tên"),
    "col.position": ("Post", "Chức vụ"),
    "col.group": ("Group", "Nhóm"),
    "col.unit": ("Unit", "Đơn vị"),
    "col.basis": ("Base", "Cơ sở"),
    "col.status": ("Status", "Tình trạng"),
    "col.versus": ("⇄ Versus", "⇄ So với"),
    "results.empty": ("No results yet.", "Chưa có kết quả."),
    # bases
    "basis.members": ("members", "tổng số người được triệu tập"),
    "basis.present": ("present", "số có mặt"),
    "basis.issued": ("ballots issued", "số phiếu phát ra"),
    "basis.collected": ("ballots collected", "số phiếu thu về"),
    "basis.valid": ("valid ballots", "số phiếu hợp lệ"),
    # why panel
    "why.title": ("Why", "Vì sao"),
    "why.none": ("Select a person in the table.", "Chọn một người trong bảng."),
    "why.basis": ("Base", "Cơ sở tính"),
    "why.counts": ("Counts", "Số phiếu"),
    "why.classes": ("Classes", "Kết luận"),
    "why.steps": ("Rules tried", "Các quy tắc đã thử"),
    "why.margins": ("Margins", "Khoảng cách"),
    "why.margin": (
        "{votes} {direction} votes of {level} would make it «{to}»",
        "{votes} phiếu {level} {direction} thì thành «{to}»",
    ),
    "why.more": ("more", "nhiều hơn"),
    "why.fewer": ("fewer", "ít hơn"),
    "why.no_margins": ("none", "không có"),
    "why.exempt": ("Exempt: {reason}", "Không lấy phiếu: {reason}"),
    "why.invalid": ("Invalid: {reason}", "Không hợp lệ: {reason}"),
    "why.matched": ("matched", "khớp"),
    "why.not_matched": ("did not match", "không khớp"),
    "why.rule_at": ("line {line}", "dòng {line}"),
    "why.versus": ("Under the compared set", "Theo bộ so sánh"),
    "why.trace": ("Trace", "Diễn giải"),
    # report
    "report.none": ("This rule set has no report.", "Bộ quy tắc này không có phụ lục (report)."),
    "report.rated": ("Rated", "Số được lấy phiếu"),
    "report.total": ("Total", "Tổng cộng"),
    # compare
    "compare.none": (
        "No rule set to compare with. Press {key} to choose one.",
        "Chưa chọn bộ quy tắc để so sánh. Nhấn {key} để chọn.",
    ),
    "compare.title": ("{a}  ⇄  {b}", "{a}  ⇄  {b}"),
    "compare.changes.one": ("{n} person changes class", "{n} người đổi loại"),
    "compare.changes.other": ("{n} people change class", "{n} người đổi loại"),
    "compare.who": ("Who changes class", "Ai đổi loại"),
    "compare.no_changes": ("Nobody changes class.", "Không ai đổi loại."),
    "compare.matrix": (
        "Matrix: {block} (rows: A, columns: B)",
        "Ma trận: {block} (hàng: A, cột: B)",
    ),
    "compare.block": ("Block", "Khối"),
    "compare.from": ("Under A", "Theo A"),
    "compare.to": ("Under B", "Theo B"),
    "compare.waiting": ("Comparing…", "Đang so sánh…"),
    # compare: the differences over every tally (`engine.diff`)
    "diff.title": (
        "Differences over every tally: {a}  ⇄  {b}",
        "Khác biệt với mọi số phiếu: {a}  ⇄  {b}",
    ),
    "diff.computing": ("Computing the differences…", "Đang tính khác biệt với mọi số phiếu…"),
    "diff.pairs.one": ("{n} outcome pair differs.", "{n} cặp kết quả khác nhau."),
    "diff.pairs.other": ("{n} outcome pairs differ.", "{n} cặp kết quả khác nhau."),
    "diff.same": (
        "The two rule sets do not differ.",
        "Không có khác biệt nào giữa hai bộ quy tắc.",
    ),
    "diff.none_found": ("No difference was found.", "Không tìm thấy khác biệt nào."),
    "diff.not_proved": (
        "Some blocks are not proved: only small tallies were searched (see each row).",
        "Có khối chưa được chứng minh: chỉ duyệt các số phiếu nhỏ (xem từng dòng).",
    ),
    "diff.no_common": (
        "No level of the data is read by both rule sets; add a `map` to one of them.",
        "Hai bộ quy tắc không có mức phiếu chung nào; thêm `map` vào một bộ để so sánh.",
    ),
    "diff.undecidable": (
        "Cannot compare: a condition the exact logic does not model (at {where}).",
        "Không so sánh được: có điều kiện phần logic chưa mô hình hóa được (tại {where}).",
    ),
    "diff.failed": (
        "The differences could not be computed (error {where}).",
        "Không tính được khác biệt (lỗi {where}).",
    ),
    "diff.table": ("Differences by block", "Khác biệt theo khối"),
    "diff.block": ("Block", "Khối"),
    "diff.witness": ("Smallest tally", "Số phiếu nhỏ nhất"),
    "diff.paste": ("Examples to paste into the rules file", "Ví dụ để dán vào tệp quy tắc"),
    "diff.trace": ("Why, under {side} ({name})", "Vì sao, theo {side} ({name})"),
    "diff.insert_hint": (
        "Enter: add example A to the end of the rules being edited (not saved)",
        "Enter: thêm ví dụ A vào cuối bộ quy tắc đang sửa (chưa lưu)",
    ),
    "diff.inserted": (
        "Added example “{name}” to the end of the rules (not saved)",
        "Đã thêm ví dụ “{name}” vào cuối bộ quy tắc (chưa lưu)",
    ),
    # calendar
    "calendar.term": ("Term", "Nhiệm kỳ"),
    "calendar.term.hint": ("e.g. 2021-2026", "ví dụ 2021-2026"),
    "calendar.bad_term": (
        "Term «{text}»: expected a term like 2021-2026",
        "Nhiệm kỳ «{text}»: cần dạng 2021-2026",
    ),
    "calendar.bad_order": (
        "Term «{text}»: the first year must come before the last, as in 2021-2026",
        "Nhiệm kỳ «{text}»: năm đầu phải trước năm cuối, như 2021-2026",
    ),
    "calendar.no_schedule": ("{name}: no schedule block", "{name}: không có khối schedule"),
    "calendar.year": ("Year", "Năm"),
    "calendar.vote": ("Vote", "Lấy phiếu"),
    "calendar.meeting": ("Meeting", "Kỳ họp"),
    "calendar.votes": ("Votes", "Số lần lấy phiếu"),
    "calendar.gap": ("Longest gap", "Khoảng trống dài nhất"),
    "calendar.coverage": ("Coverage of each person", "Mức bao phủ từng người"),
    "calendar.when": ("year {year} of the term, month {month}", "năm thứ {year}, tháng {month}"),
    "calendar.from": ("From", "Từ"),
    "calendar.to": ("To", "Đến"),
    "calendar.months.one": ("{n} month", "{n} tháng"),
    "calendar.months.other": ("{n} months", "{n} tháng"),
    "calendar.source": (
        "Time in post read from {name}.",
        "Thời gian giữ chức vụ lấy từ {name}.",
    ),
    "calendar.no_start": (
        "{n} of {total} people have no start date in the data: counted from the term's start.",
        "{n}/{total} người không có ngày bắt đầu (start) trong dữ liệu: tính từ đầu nhiệm kỳ.",
    ),
    "calendar.no_end": (
        "{n} of {total} people have no end date in the data: counted to the term's end.",
        "{n}/{total} người không có ngày kết thúc (end) trong dữ liệu: tính đến cuối nhiệm kỳ.",
    ),
    "calendar.not_in_term": ("not in post in the term", "không giữ chức vụ trong nhiệm kỳ"),
    "calendar.current": ("Current set", "Bộ hiện tại"),
    "calendar.compared": ("Compared set", "Bộ so sánh"),
    # sweep
    "sweep.rule": ("Rule", "Quy tắc"),
    "sweep.from": ("From", "Từ"),
    "sweep.to": ("To", "Đến"),
    "sweep.step": ("Step", "Bước"),
    "sweep.run": ("Run", "Quét"),
    "sweep.threshold": ("Threshold", "Ngưỡng"),
    "sweep.count": ("People", "Số người"),
    "sweep.flips": ("Who flips at this threshold", "Ai đổi loại ở ngưỡng này"),
    "sweep.no_rules": ("No rule with a threshold.", "Không có quy tắc nào có ngưỡng."),
    "sweep.bad_number": (
        "{field}: «{text}» is not a number; expected e.g. 40%, 40.5%, 2/5 or 0.4",
        "«{field}»: «{text}» không phải số; cần dạng 40%, 40,5%, 2/5 hoặc 0,4",
    ),
    "sweep.not_a_share": (
        "{field}: {value} is outside 0%–100%",
        "«{field}»: {value} nằm ngoài 0%–100%",
    ),
    "sweep.bad_order": (
        "From ({start}) is above To ({stop}); expected From ≤ To",
        "«Từ» ({start}) lớn hơn «Đến» ({stop}); cần Từ ≤ Đến",
    ),
    "sweep.bad_step": (
        "Step: {value}; expected a number above 0, like 1%",
        "«Bước»: {value}; cần một số lớn hơn 0, như 1%",
    ),
    "sweep.step_too_big": (
        "Step ({step}) is larger than the range {start} to {stop}; expected a smaller step",
        "«Bước» ({step}) lớn hơn khoảng từ {start} đến {stop}; cần bước nhỏ hơn",
    ),
    "sweep.too_many": (
        "{n} thresholds are too many (at most {max}): raise the step or narrow the range",
        "{n} ngưỡng là quá nhiều (tối đa {max}): tăng «Bước» hoặc thu hẹp khoảng",
    ),
    "sweep.no_rule": ("Rule: pick a rule to sweep", "«Quy tắc»: chọn một quy tắc để quét"),
    "sweep.empty": ("Pick a rule and press {key}.", "Chọn quy tắc và nhấn {key} để quét."),
    "sweep.flips_count": ("Flips", "Số người đổi"),
    "sweep.steps": ("Each threshold", "Từng ngưỡng"),
    "sweep.before": ("Before", "Trước"),
    "sweep.after": ("After", "Sau"),
    "sweep.flips_at.one": (
        "Who flips at {value}: {n} person",
        "Ai đổi loại ở ngưỡng {value}: {n} người",
    ),
    "sweep.flips_at.other": (
        "Who flips at {value}: {n} people",
        "Ai đổi loại ở ngưỡng {value}: {n} người",
    ),
    "sweep.chart": ("People in «{rule}» by threshold", "Số người thuộc «{rule}» theo ngưỡng"),
    # rules editor
    "rules.diagnostics": ("Diagnostics", "Chẩn đoán"),
    "rules.no_diagnostics": ("No errors or warnings.", "Không có lỗi hay cảnh báo."),
    "rules.broken.one": (
        "{first} ({n} error): keeping the last good results.",
        "{first} ({n} lỗi): giữ kết quả cũ.",
    ),
    "rules.broken.other": (
        "{first} ({n} errors): keeping the last good results.",
        "{first} ({n} lỗi): giữ kết quả cũ.",
    ),
    "rules.not_utf8": (
        "not UTF-8 text (byte 0x{byte:02x} at offset {offset}); save the file as UTF-8",
        "không phải văn bản UTF-8 (byte 0x{byte:02x} ở vị trí {offset}); hãy lưu tệp dạng UTF-8",
    ),
    "rules.replaced_chars": (
        "Line {line}: replaced {n} characters that a rules file cannot hold "
        "(NUL or half a UTF-16 pair) with «\ufffd»",
        "Dòng {line}: đã thay {n} ký tự không dùng được trong tệp quy tắc "
        "(NUL hoặc nửa cặp UTF-16) bằng «\ufffd»",
    ),
    "rules.reloaded": (
        "Reloaded {name} (changed on disk)",
        "Đã nạp lại {name} (tệp thay đổi trên đĩa)",
    ),
    "rules.changed_on_disk": (
        "{name} changed on disk; your edits are kept.",
        "{name} đã thay đổi trên đĩa; bản đang sửa được giữ nguyên.",
    ),
    "rules.loaded": ("Loaded the rule set {name}", "Đã nạp bộ quy tắc {name}"),
    "rules.cannot_read": ("Cannot read {path}: {error}", "Không đọc được {path}: {error}"),
    "rules.nothing_to_save": ("Nothing changed from the original.", "Chưa sửa gì so với tệp gốc."),
    "rules.saved": ("Saved the edit: {path}", "Đã lưu bản sửa: {path}"),
    "rules.removed_blocks": (
        "An overlay cannot remove blocks: {names}",
        "Bản sửa không thể xoá khối: {names}",
    ),
    "rules.fix_first": (
        "Not saved: fix the errors first ({first})",
        "Chưa lưu: hãy sửa lỗi trước ({first})",
    ),
    # data
    "data.loaded.one": ("Loaded {name}: {n} person", "Đã nạp {name}: {n} người"),
    "data.loaded.other": ("Loaded {name}: {n} people", "Đã nạp {name}: {n} người"),
    "data.failed": (
        "Could not load the data; kept the previous.",
        "Không nạp được dữ liệu; giữ dữ liệu cũ.",
    ),
    "data.not_evaluated": (
        "The data cannot be evaluated under this rule set.",
        "Không đánh giá được dữ liệu theo bộ quy tắc này.",
    ),
    "data.no_results": (
        "No results: {data} cannot be evaluated under rule set “{name}”; the results of the "
        "previous rule set were cleared.",
        "Không có kết quả: không đánh giá được {data} theo bộ quy tắc “{name}”; kết quả của bộ "
        "quy tắc trước đã được xóa.",
    ),
    "data.cancelled": ("Stopped loading {name}", "Đã hủy việc nạp {name}"),
    "data.unreadable": (
        "Cannot read this file; nothing of its content is shown",
        "Không đọc được tệp này; không hiện nội dung nào của tệp",
    ),
    "data.tallies": ("Tallies (one row per person)", "Kết quả kiểm phiếu (mỗi dòng một người)"),
    "data.ballots": ("Ballots (one row per ballot)", "Phiếu bầu (mỗi dòng một phiếu)"),
    "data.tallies.short": ("tallies", "kết quả kiểm phiếu"),
    "data.ballots.short": ("ballots", "phiếu bầu"),
    "data.detected": ("detected: {kind}", "nhận ra: {kind}"),
    "data.loaded.kind.one": (
        "Loaded {name} ({kind}): {n} person",
        "Đã nạp {name} ({kind}): {n} người",
    ),
    "data.loaded.kind.other": (
        "Loaded {name} ({kind}): {n} people",
        "Đã nạp {name} ({kind}): {n} người",
    ),
    "data.time_in_post": (
        "{name}: time in post of {n} people, no votes: used by the Calendar tab; the results "
        "keep the data they show.",
        "{name}: thời gian giữ chức vụ của {n} người, không có số phiếu: dùng cho tab Lịch; "
        "bảng kết quả giữ dữ liệu cũ.",
    ),
    "eval.more_warnings.one": (
        "and {n} more warning while evaluating (see tinnhiem run)",
        "và {n} cảnh báo khác khi đánh giá (xem tinnhiem run)",
    ),
    "eval.more_warnings.other": (
        "and {n} more warnings while evaluating (see tinnhiem run)",
        "và {n} cảnh báo khác khi đánh giá (xem tinnhiem run)",
    ),
    "data.warnings.one": ("{n} warning while reading the data", "{n} cảnh báo khi đọc dữ liệu"),
    "data.warnings.other": ("{n} warnings while reading the data", "{n} cảnh báo khi đọc dữ liệu"),
    # pickers
    "picker.data": ("Open data", "Mở dữ liệu"),
    "picker.rules": ("Choose a rule set", "Chọn bộ quy tắc"),
    "picker.compare": ("Compare with a rule set", "So sánh với bộ quy tắc"),
    "picker.path": ("Path", "Đường dẫn"),
    "picker.path.hint": ("type a file path and press Enter", "gõ đường dẫn tệp rồi Enter"),
    "picker.bundled": ("Bundled", "Có sẵn"),
    "picker.beside": ("Beside the data", "Cạnh dữ liệu"),
    "picker.recent": ("Recent", "Gần đây"),
    "picker.files": ("Files", "Tệp"),
    "picker.open": ("Open", "Mở"),
    "picker.cancel": ("Cancel", "Huỷ"),
    "picker.missing": ("No file {path}", "Không có tệp {path}"),
    "picker.folder": ("{path} is a folder; choose a file", "{path} là thư mục; hãy chọn một tệp"),
    "picker.suffix": (
        "{path} is not a {suffixes} file",
        "{path} không phải tệp {suffixes}",
    ),
    "path.empty": (
        "No path: type a file path and press Enter",
        "Chưa có đường dẫn: gõ đường dẫn tệp rồi Enter",
    ),
    "path.nul": ("The path holds a NUL (\\0): {path}", "Đường dẫn có ký tự NUL (\\0): {path}"),
    "path.bad": ("Unusable path ({error}): {path}", "Đường dẫn không dùng được ({error}): {path}"),
    "picker.kind": ("Kind of data", "Loại dữ liệu"),
    # export
    "export.exists": (
        "{name} exists. Press Overwrite (or Enter) again to replace it, or change the name.",
        "{name} đã có. Nhấn Ghi đè (hoặc Enter) lần nữa để thay nó, hoặc đổi tên.",
    ),
    "export.overwrite": ("Overwrite", "Ghi đè"),
    "export.official_only": (
        "Word and HTML are the appendix of the results: export from the Results tab.",
        "Word và HTML là phụ lục của bảng kết quả: hãy xuất từ tab Kết quả.",
    ),
    "export.title": ("Export the table: {table}", "Xuất bảng: {table}"),
    "export.format": ("Format", "Định dạng"),
    "export.done.one": ("Exported {n} row to {path}", "Đã xuất {n} dòng ra {path}"),
    "export.done.other": ("Exported {n} rows to {path}", "Đã xuất {n} dòng ra {path}"),
    "export.failed": ("Export failed: {error}", "Không xuất được: {error}"),
    "export.suffix": (
        "{name}: the format {fmt} needs the extension {expected}",
        "{name}: định dạng {fmt} cần đuôi {expected}",
    ),
    "export.all_rows": (
        "The table is filtered ({shown} rows shown): the export has all {n} rows.",
        "Bảng đang lọc ({shown} dòng hiện): tệp xuất có cả {n} dòng.",
    ),
    "export.nothing": ("No table to export here.", "Không có bảng nào để xuất ở đây."),
    "export.save": ("Export", "Xuất"),
    "save.title": ("Save the edit as a rules file", "Lưu bản sửa thành tệp quy tắc"),
    "save.save": ("Save", "Lưu"),
    "save.failed": ("Could not save: {error}", "Không lưu được: {error}"),
    # the config file
    # a setting of config.toml that cannot be used (the file is left as it is)
    "config.unreadable": ("cannot be read: {error}", "không đọc được: {error}"),
    "config.not_utf8": (
        "not UTF-8 text (byte {byte}); using the defaults",
        "không phải văn bản UTF-8 (byte {byte}); dùng giá trị mặc định",
    ),
    "config.not_toml": (
        "not TOML: {error}; using the defaults",
        "không phải TOML: {error}; dùng giá trị mặc định",
    ),
    "config.too_deep": (
        "arrays nested too deeply to read; using the defaults",
        "mảng lồng nhau quá sâu, không đọc được; dùng giá trị mặc định",
    ),
    "config.theme": (
        'theme = {value}: expected a name in quotes, "nord"',
        'theme = {value}: cần một tên trong ngoặc kép, ví dụ "nord"',
    ),
    "config.lang": ('lang = {value}: expected "vi" or "en"', 'lang = {value}: cần "vi" hoặc "en"'),
    "config.recent": (
        "recent = {value}: expected a table [recent] of data and rules",
        "recent = {value}: cần một bảng [recent] gồm data và rules",
    ),
    "config.keymap": (
        'keymap = {value}: expected a table [keymap] of "id" = "key"',
        'keymap = {value}: cần một bảng [keymap] dạng "id" = "phím"',
    ),
    "config.key_not_text": (
        '[keymap] "{key}" = {value}: expected a key in quotes, "f6"',
        '[keymap] "{key}" = {value}: cần một phím trong ngoặc kép, ví dụ "f6"',
    ),
    "config.unknown": (
        "{name}: not a setting (lang, theme, [recent], [keymap])",
        "{name}: không phải một thiết lập (lang, theme, [recent], [keymap])",
    ),
    "config.paths": (
        "{name} = {value}: expected a list of paths",
        "{name} = {value}: cần một danh sách đường dẫn",
    ),
    "config.not_paths.one": (
        "{name}: {n} entry that is not a path in quotes",
        "{name}: {n} mục không phải đường dẫn trong ngoặc kép",
    ),
    "config.not_paths.other": (
        "{name}: {n} entries that are not paths in quotes",
        "{name}: {n} mục không phải đường dẫn trong ngoặc kép",
    ),
    "config.no_action": (
        '[keymap] "{binding}": no such action, like "tinnhiem.export"',
        '[keymap] "{binding}": không có thao tác này; tên thao tác có dạng "tinnhiem.export"',
    ),
    "config.not_a_key": (
        '[keymap] "{binding}" = "{value}": {keys} is not a key',
        '[keymap] "{binding}" = "{value}": {keys} không phải một phím',
    ),
    "config.key_taken": (
        '[keymap] "{binding}" = "{value}": {key} is the key of {other}',
        '[keymap] "{binding}" = "{value}": {key} đã là phím của {other}',
    ),
    "config.ignored": (
        "{path}: ignored (the file is left as it is until fixed)",
        "{path}: đã bỏ qua (tệp được giữ nguyên cho tới khi sửa)",
    ),
    # help
    "help.title": ("Keys and commands", "Phím và lệnh"),
    "help.key": ("Key", "Phím"),
    "help.command": ("Command", "Lệnh"),
    "help.what": ("What it does", "Làm gì"),
    "help.footer": (
        "Every command is also in the command palette ({key}). Esc closes.",
        "Mọi lệnh cũng có trong bảng lệnh ({key}). Esc để đóng.",
    ),
    "help.close": ("Close", "Đóng"),
    # generic
    "error": ("Error", "Lỗi"),
    "warning": ("Warning", "Cảnh báo"),
    "missing_feature": (
        "This needs {name}, which the engine does not have yet.",
        "Chức năng này cần {name}, chưa có trong engine.",
    ),
    # added beside the catalog's making: copy, go to line, plain words, rounds, the diff matrix
    "nav.source": ("To a rule's line", "Tới dòng quy tắc"),
    "nav.source.tip": (
        "Click a “(line N, file)” in the why panel: the Rules tab opens on that line",
        "Nhấp vào «(dòng N, tệp)» trong bảng «vì sao»: mở thẻ Quy tắc ở dòng đó",
    ),
    "key.click": ("Click", "Nhấp chuột"),
    "find.count_votes": ("{n} of {m} votes", "{n}/{m} lượt"),
    "act.copy_row": ("Copy row", "Chép dòng"),
    "act.copy_row.cmd": ("copy the highlighted row", "chép dòng đang chọn vào bộ nhớ tạm"),
    "act.copy_row.tip": (
        "Copy the highlighted row of the table to the clipboard: one line, the cells in the order "
        "of the columns, separated by tabs (paste into a spreadsheet)",
        "Chép dòng đang chọn của bảng vào bộ nhớ tạm: một dòng, các ô theo thứ tự cột, cách nhau "
        "bằng tab (dán vào bảng tính)",
    ),
    "act.copy_why": ("Copy why", "Chép «vì sao»"),
    "act.copy_why.cmd": (
        "copy the why panel's explanation",
        "chép phần giải thích «vì sao» vào bộ nhớ tạm",
    ),
    "act.copy_why.tip": (
        "Copy all the words of the why panel (the person highlighted) to the clipboard",
        "Chép toàn bộ chữ của bảng «vì sao» (người đang chọn) vào bộ nhớ tạm",
    ),
    "copy.title": ("Copied to the clipboard", "Đã chép vào bộ nhớ tạm"),
    "copy.row": (
        "Row “{row}”: {n} cells, tab-separated",
        "Dòng «{row}»: {n} ô, cách nhau bằng tab",
    ),
    "copy.why": (
        "The why panel of {name}: {n} lines",
        "Phần giải thích «vì sao» của {name}: {n} dòng",
    ),
    "copy.nothing": ("Nothing to copy.", "Không có gì để chép."),
    "act.goto_line": ("Go to line", "Tới dòng"),
    "act.goto_line.cmd": ("go to a line of the rules…", "tới một dòng của quy tắc…"),
    "act.goto_line.tip": (
        "Open the Rules tab with the cursor on the line whose number is typed in",
        "Mở thẻ Quy tắc, con trỏ ở dòng có số nhập vào",
    ),
    "goto_line.title": ("Go to line: {name}", "Tới dòng: {name}"),
    "goto_line.ask": (
        "Line number, from 1 to {last} (the cursor is on line {now}):",
        "Số dòng, từ 1 đến {last} (con trỏ đang ở dòng {now}):",
    ),
    "goto_line.keys": ("Enter: go there · Esc: cancel", "Enter: tới dòng đó · Esc: thôi"),
    "goto_line.range": (
        "A line number from 1 to {last} is needed.",
        "Cần một số dòng từ 1 đến {last}.",
    ),
    "act.plain": ("In words", "Diễn giải"),
    "act.plain.cmd": (
        "show or hide the rules in plain words",
        "hiện hoặc ẩn quy tắc diễn giải bằng lời",
    ),
    "act.plain.tip": (
        "Beside the editor: the rule set said in plain words, in the language of the interface "
        "(as `tinnhiem show`), following every edit without errors",
        "Bên cạnh trình sửa: bộ quy tắc nói bằng lời (như lệnh `tinnhiem show`), theo kịp mỗi lần "
        "sửa không có lỗi",
    ),
    "rules.plain": ("In plain words", "Diễn giải bằng lời"),
    "rules.plain_stale": (
        "In plain words: of the last version without errors (the text has errors)",
        "Diễn giải bằng lời: của bản không lỗi gần nhất (bản đang sửa có lỗi)",
    ),
    # tinnhiem-tui's command line, before the app runs
    "start.help.description": (
        "Confidence votes (lấy phiếu tín nhiệm): results, the reasons, comparisons; a terminal "
        "app.",
        "Lấy phiếu tín nhiệm: kết quả, lý do, so sánh; ứng dụng chạy trong cửa sổ dòng lệnh.",
    ),
    "start.help.data": (
        "tallies or ballots (default: the bundled sample)",
        "kết quả kiểm phiếu hoặc phiếu bầu (mặc định: dữ liệu mẫu có sẵn)",
    ),
    "start.help.rules": (
        "a rules file or the name of a bundled rule set",
        "tệp quy tắc hoặc tên một bộ quy tắc có sẵn",
    ),
    "start.help.ballots": ("DATA holds one row per ballot", "DATA có mỗi dòng một phiếu bầu"),
    "start.help.compare": (
        "a second rule set to compare with",
        "bộ quy tắc thứ hai để so sánh",
    ),
    "start.help.lang": (
        "the interface language (default: the one saved, else vi)",
        "ngôn ngữ giao diện (mặc định: ngôn ngữ đã lưu, nếu không thì vi)",
    ),
    "start.what.data": ("data file", "tệp dữ liệu"),
    "start.what.rules": ("rules file", "tệp quy tắc"),
    "start.what.compare": ("rules file to compare with", "tệp quy tắc để so sánh"),
    "start.no_file": ("no {what} {given}", "không có {what} {given}"),
    "start.folder": ("{given} is a folder, not a {what}", "{given} là thư mục, không phải {what}"),
    "start.unusable": ("{what} {given}: {error}", "không mở được {what} {given}: {error}"),
    "start.bundled": ("{problem} (bundled: {names})", "{problem} (có sẵn: {names})"),
    "status.people_votes": ("{n} people, {m} votes", "{n} người, {m} lượt"),
    "why.rounds": ("This person's rounds", "Các đợt của người này"),
    "why.round": ("Round", "Đợt"),
    "col.round": ("Round", "Đợt"),
    "diff.legend": (
        "Rows: outcomes under A, columns: under B.  = the same outcome can happen  ≠ a difference "
        "can happen (with a tally)",
        "Hàng: kết quả theo A, cột: theo B.  = cùng kết quả có thể xảy ra  ≠ khác nhau có thể xảy "
        "ra (có số phiếu)",
    ),
    "diff.legend_proved": (
        "– cannot happen (proved by the solver)",
        "– không thể xảy ra (bộ giải đã chứng minh)",
    ),
    "diff.legend_unknown": (
        "? unknown (searched up to {bound} ballots only)",
        "? chưa rõ (chỉ duyệt đến {bound} phiếu)",
    ),
    "diff.cell.same": (
        "The same outcome can happen, for example: {tally}.",
        "Cùng kết quả có thể xảy ra, ví dụ: {tally}.",
    ),
    "diff.cell.differs": (
        "A difference can happen; the smallest tally:",
        "Khác nhau có thể xảy ra; số phiếu nhỏ nhất:",
    ),
    "diff.cell.impossible": (
        "Cannot happen: no tally gives this pair of outcomes (proved by the solver).",
        "Không thể xảy ra: không có số phiếu nào cho cặp kết quả này (bộ giải đã chứng minh).",
    ),
    "diff.cell.unknown": (
        "Unknown: no tally of up to {bound} ballots gives this pair of outcomes (not proved: "
        "{why}).",
        "Chưa rõ: không tìm thấy số phiếu nào cho cặp kết quả này trong mọi số phiếu đến {bound} "
        "phiếu (chưa chứng minh: {why}).",
    ),
    "data.loaded.kind_votes": (
        "Loaded {name} ({kind}): {n} people, {m} votes",
        "Đã nạp {name} ({kind}): {n} người, {m} lượt",
    ),
}
