"""What tinnhiem says about a rules file: syntax errors and the checker's findings."""

from __future__ import annotations

# key -> (English, Vietnamese); `{name}` fields are filled when said. Names of the rules language
# (`share`, `when`, a level's id) are quoted as written.
RULES: dict[str, tuple[str, str]] = {
    "check.redirected": ("{before} ({where}): {message}", "{before} ({where}): {message}"),
    "check.or": ("{hint}; or {added}", "{hint}; hoặc {added}"),
    # syntax errors
    "syntax.expected": ("expected {expected}, found {found}", "cần {expected}, nhưng gặp {found}"),
    "syntax.ends_early": (
        "the file ends too early; expected {expected}",
        "tệp kết thúc quá sớm; cần {expected}",
    ),
    "syntax.straight_quotes": (
        'texts are in straight double quotes (")',
        'văn bản đặt trong dấu nháy kép thẳng (")',
    ),
    "syntax.join_with": (
        "join conditions with `and` or `or`",
        "nối các điều kiện bằng `and` hoặc `or`",
    ),
    # what the parser expected, and what it found
    "syntax.word.NAME": ("a name", "một tên"),
    "syntax.word.STRING": ('a quoted text ("…")', 'một văn bản trong dấu nháy ("…")'),
    "syntax.word.NUMBER": ("a number (9, 1/2, 50%, 0.5)", "một số (9, 1/2, 50%, 0.5)"),
    "syntax.word.INT": ("a whole number", "một số nguyên"),
    "syntax.word.DATE": ("a date (2023-06-23)", "một ngày (2023-06-23)"),
    "syntax.word.BOOL": ("a boolean (true or false)", "một giá trị đúng/sai (true hoặc false)"),
    "syntax.word.CMP": (
        "a comparison (>=, >, <=, <, ==, !=)",
        "một phép so sánh (>=, >, <=, <, ==, !=)",
    ),
    "syntax.word.ATTR_TYPE": (
        "a type (yes-no, date, number or text)",
        "một kiểu (yes-no, date, number hoặc text)",
    ),
    "syntax.word.end": ("the end of the file", "cuối tệp"),
    "syntax.found.NAME": ("a name", "tên"),
    "syntax.found.NUMBER": ("a number", "số"),
    "syntax.found.DATE": ("a date", "ngày"),
    "syntax.found.BOOL": ("a boolean", "giá trị đúng/sai"),
    "syntax.found.CMP": ("a comparison", "phép so sánh"),
    "syntax.found.STRING": ("a quoted text", "một văn bản trong dấu nháy"),
    "syntax.found": ("{kind} `{token}`", "{kind} `{token}`"),
    "syntax.group.statement": ("a statement", "một câu lệnh"),
    "syntax.group.condition": ("a condition", "một điều kiện"),
    "syntax.group.value": ("a value", "một giá trị"),
    "syntax.hint.statement": (
        "a statement starts with `levels`, `map`, `basis`, `quorum`, `schedule`, `exempt`, "
        "`classify`, `report`, `example`, `attribute`, `drop` or `source`",
        "một câu lệnh bắt đầu bằng `levels`, `map`, `basis`, `quorum`, `schedule`, `exempt`, "
        "`classify`, `report`, `example`, `attribute`, `drop` hoặc `source`",
    ),
    "syntax.hint.condition": (
        "for example `share(thap) > 1/2` or `retirement_notice`",
        "ví dụ `share(thap) > 1/2` hoặc `retirement_notice`",
    ),
    "syntax.hint.value": (
        "a number, share(…), count(…), a name, a date, a quoted text or true/false",
        "một số, share(…), count(…), một tên, một ngày, một văn bản trong dấu nháy hoặc true/false",
    ),
    "syntax.hint.scalar": (
        "a number, a date, a quoted text, true or false",
        "một số, một ngày, một văn bản trong dấu nháy, true hoặc false",
    ),
    "syntax.not_a_word": (
        "`{word}` is not a word of the language",
        "`{word}` không phải từ của ngôn ngữ quy tắc",
    ),
    "syntax.lower_case": (
        "write `{spelled}`: the words of the language are in lower case",
        "hãy viết `{spelled}`: các từ của ngôn ngữ quy tắc viết chữ thường",
    ),
    "syntax.not_an_id": (
        "`{word}` cannot be an id: ids are lower-case ASCII letters, digits and `_`",
        "`{word}` không dùng làm mã được: mã gồm chữ thường ASCII, chữ số và `_`",
    ),
    "syntax.write_id": (
        "write `{spelled}` and put the Vietnamese in the quoted label",
        "hãy viết `{spelled}` và để tiếng Việt trong nhãn đặt trong dấu nháy",
    ),
    "syntax.more.one": (
        "and {n} more syntax error, from here on",
        "và {n} lỗi cú pháp nữa, từ đây trở đi",
    ),
    "syntax.more.other": (
        "and {n} more syntax errors, from here on",
        "và {n} lỗi cú pháp nữa, từ đây trở đi",
    ),
    "syntax.at_least.one": (
        "and at least {n} more syntax error, from here on",
        "và ít nhất {n} lỗi cú pháp nữa, từ đây trở đi",
    ),
    "syntax.at_least.other": (
        "and at least {n} more syntax errors, from here on",
        "và ít nhất {n} lỗi cú pháp nữa, từ đây trở đi",
    ),
    # the checker
    # names given twice, and what an overlay drops (`check_names`)
    "check.given_twice": (
        "`{word}` is given more than once in this file (first at line {line})",
        "`{word}` được ghi nhiều lần trong tệp này (lần đầu ở dòng {line})",
    ),
    "check.at_most_one": (
        "a file has at most one; an overlay replaces its base's",
        "mỗi tệp có nhiều nhất một; tệp phủ thay thế cái của bộ gốc",
    ),
    "check.what.classify": ("classify block `{name}`", "khối classify `{name}`"),
    "check.what.example": ('example "{name}"', 'ví dụ "{name}"'),
    "check.what.report": ('report "{name}"', 'báo cáo "{name}"'),
    "check.what.exempt": ('exemption "{name}"', 'trường hợp không lấy phiếu "{name}"'),
    "check.what.quorum": ("quorum", "quorum (điều kiện số người có mặt)"),
    "check.defined_twice": (
        "{what} is defined twice in this file (first at line {line})",
        "{what} được định nghĩa hai lần trong tệp này (lần đầu ở dòng {line})",
    ),
    "check.same_label": (
        "level `{level}` has the same label as `{other}` (line {line})",
        "mức `{level}` có cùng nhãn với `{other}` (dòng {line})",
    ),
    "check.matched_by_label": (
        "data columns are matched by label too",
        "các cột dữ liệu cũng được khớp theo nhãn",
    ),
    "check.mapped_twice": (
        "`{level}` is mapped twice (first at line {line})",
        "`{level}` được ánh xạ hai lần (lần đầu ở dòng {line})",
    ),
    "check.mapped_to_itself": (
        "`{level}` is mapped to itself",
        "`{level}` được ánh xạ vào chính nó",
    ),
    "check.counted_twice": (
        "block `{block}` is counted twice in this report (first at line {line})",
        "khối `{block}` được đếm hai lần trong báo cáo này (lần đầu ở dòng {line})",
    ),
    "check.counts_nothing": (
        'report "{title}" counts nothing',
        'báo cáo "{title}" không đếm gì',
    ),
    "check.add_count": (
        "add `count <block>` for each classify block it sums up",
        "hãy thêm `count <block>` cho mỗi khối classify mà báo cáo tổng hợp",
    ),
    "check.set_twice": (
        "`{name}` is set twice in this example (first at line {line})",
        "`{name}` được đặt hai lần trong ví dụ này (lần đầu ở dòng {line})",
    ),
    "check.second_previous": (
        "this example has a second `previous` block (the first is at line {line})",
        "ví dụ này có khối `previous` thứ hai (khối đầu ở dòng {line})",
    ),
    "check.one_previous": (
        "a vote has one previous vote: put all its figures in one block",
        "mỗi lần lấy phiếu có một lần trước: hãy ghi mọi số liệu của lần đó trong một khối",
    ),
    "check.expected_twice": (
        "`{block}` is expected twice in this example (first at line {line})",
        "`{block}` được kỳ vọng hai lần trong ví dụ này (lần đầu ở dòng {line})",
    ),
    "check.expects_nothing": (
        'example "{name}" expects nothing',
        'ví dụ "{name}" không kỳ vọng gì',
    ),
    "check.add_expect": (
        "add `expect <block> <class>` or `expect status <status>`",
        "hãy thêm `expect <block> <class>` hoặc `expect status <status>`",
    ),
    "check.declared_twice": (
        "attribute `{name}` is declared twice in this file (first at line {line})",
        "thuộc tính `{name}` được khai báo hai lần trong tệp này (lần đầu ở dòng {line})",
    ),
    "check.drop_no_base": (
        "`drop` removes what a base has, and this file extends nothing",
        "`drop` bỏ đi thứ mà bộ gốc có, nhưng tệp này không mở rộng (extends) bộ nào",
    ),
    "check.write_extends": (
        'write `extends "base.tn"` in the header, or leave the part out',
        'hãy ghi `extends "base.tn"` ở đầu tệp, hoặc bỏ phần này đi',
    ),
    "check.nothing_to_drop": (
        "the base has no {what} to drop",
        "bộ gốc không có {what} để bỏ",
    ),
    "check.no_level": ("`levels` lists no level", "`levels` không liệt kê mức nào"),
    "check.one_level": (
        "only one level (`{level}`): a vote needs at least two",
        "chỉ có một mức (`{level}`): lấy phiếu cần ít nhất hai mức",
    ),
    "check.map_own_level": (
        "`{level}` is a level of this rule set: only a level it does not have can be mapped",
        "`{level}` là một mức của bộ quy tắc này: chỉ ánh xạ được mức mà bộ quy tắc không có",
    ),
    "check.map_unknown_target": (
        "`{level}` is not a level of this rule set",
        "`{level}` không phải là mức của bộ quy tắc này",
    ),
    "check.read_as": (
        "`{level}` is not a level of this rule set: the data's `{level}` is read as `{target}`",
        "`{level}` không phải là mức của bộ quy tắc này: `{level}` của dữ liệu được đọc là "
        "`{target}`",
    ),
    "check.use": ("use `{target}`", "hãy dùng `{target}`"),
    # the chain of `extends` (`resolve`)
    "resolve.base_syntax.one": (
        "the base rule set `{base}` has {n} syntax error; check it by itself: tinnhiem check "
        "{path}",
        "bộ quy tắc gốc `{base}` có {n} lỗi cú pháp; hãy kiểm tra riêng nó: tinnhiem check {path}",
    ),
    "resolve.base_syntax.other": (
        "the base rule set `{base}` has {n} syntax errors; check it by itself: tinnhiem check "
        "{path}",
        "bộ quy tắc gốc `{base}` có {n} lỗi cú pháp; hãy kiểm tra riêng nó: tinnhiem check {path}",
    ),
    "resolve.too_deep": (
        "`extends` goes more than {n} files deep",
        "`extends` lồng sâu quá {n} tệp",
    ),
    "resolve.not_utf8": (
        "the base rule set `{base}` is not UTF-8 text (byte {byte} at offset {offset})",
        "bộ quy tắc gốc `{base}` không phải văn bản UTF-8 (byte {byte} ở vị trí {offset})",
    ),
    "resolve.not_rules": (
        "the base rule set `{base}` is not a rules file: a base is a regular .tn file that "
        "begins with `ruleset` (none of it was shown)",
        "bộ quy tắc gốc `{base}` không phải tệp quy tắc: bộ gốc là một tệp .tn thông thường bắt "
        "đầu bằng `ruleset` (không phần nào của tệp được hiện)",
    ),
    "resolve.too_big": (
        "the base rule set `{base}` is larger than {mb} MB, the limit of a rules file",
        "bộ quy tắc gốc `{base}` lớn hơn {mb} MB, giới hạn của một tệp quy tắc",
    ),
    "resolve.not_found": (
        "the base rule set `{base}` was not found",
        "không tìm thấy bộ quy tắc gốc `{base}`",
    ),
    "resolve.cycle": ("`extends` makes a cycle: {names}", "`extends` tạo thành vòng lặp: {names}"),
    "resolve.not_tn": (
        "`extends` names a rules file ending in .tn or a bundled rule set, not `{name}`",
        "`extends` phải nêu một tệp quy tắc có đuôi .tn hoặc một bộ quy tắc có sẵn, không phải "
        "`{name}`",
    ),
    "resolve.not_relative": (
        "`extends` takes a path relative to this file, not `{name}`",
        "`extends` nhận đường dẫn tương đối so với tệp này, không phải `{name}`",
    ),
    "check.or_bases": (" or its bases", " hoặc các bộ gốc của nó"),
    "check.no_levels": (
        "no `levels` in this rule set{further}",
        "bộ quy tắc này{further} không có `levels`",
    ),
    "check.list_levels": (
        'list them: `levels {{ tn "Tín nhiệm"; thap "Tín nhiệm thấp" }}`',
        'hãy liệt kê các mức: `levels {{ tn "Tín nhiệm"; thap "Tín nhiệm thấp" }}`',
    ),
    "check.no_basis": (
        "no `basis` in this rule set{further}",
        "bộ quy tắc này{further} không có `basis`",
    ),
    "check.say_basis": (
        "say which count is 100%: members, present, issued, collected or valid",
        "hãy cho biết số nào là 100%: members, present, issued, collected hoặc valid",
    ),
    "check.no_else": (
        "classify block `{block}` has no `else` rule",
        "khối classify `{block}` không có quy tắc `else`",
    ),
    "check.catch_all": (
        'end it with a catch-all: `else none "Không"`',
        'hãy kết thúc bằng một quy tắc cho mọi trường hợp còn lại: `else none "Không"`',
    ),
    "check.else_last": (
        "`else` must be the last rule of a block",
        "`else` phải là quy tắc cuối cùng của khối",
    ),
    "check.level_twice": (
        "level `{level}` is listed twice (first at line {line})",
        "mức phiếu `{level}` được liệt kê hai lần (lần đầu ở dòng {line})",
    ),
    "check.reserved.id": (
        "`{name}` is a reserved word of the language: choose another id",
        "`{name}` là từ khóa của ngôn ngữ quy tắc: hãy chọn mã khác",
    ),
    "check.reserved.name": (
        "`{name}` is a reserved word of the language: choose another name",
        "`{name}` là từ khóa của ngôn ngữ quy tắc: hãy chọn tên khác",
    ),
    "check.rule_twice": (
        "rule `{rule}` appears twice in block `{block}` (first at line {line})",
        "quy tắc `{rule}` xuất hiện hai lần trong khối `{block}` (lần đầu ở dòng {line})",
    ),
    "check.unknown_block": (
        "unknown classify block `{block}`",
        "không có khối classify `{block}`",
    ),
    "check.report_by": (
        "`{by}` is not a column the rules know (group, unit, position, round), so it is read from "
        "the data",
        "`{by}` không phải cột mà bộ quy tắc biết (group, unit, position, round), nên được đọc "
        "từ dữ liệu",
    ),
    "check.not_status": (
        "`{klass}` is not a status: expected evaluated, exempt or invalid",
        "`{klass}` không phải một tình trạng: cần evaluated, exempt hoặc invalid",
    ),
    "check.not_class": (
        "`{klass}` is not a class of block `{block}`",
        "`{klass}` không phải một loại của khối `{block}`",
    ),
    "rules.did_you_mean": ("did you mean `{name}`?", "có phải ý bạn là `{name}`?"),
    "rules.listing": ("{first} and {last}", "{first} và {last}"),
    "rules.only.level": ("the only level is `{name}`", "mức phiếu duy nhất là `{name}`"),
    "rules.only.block": ("the only block is `{name}`", "khối duy nhất là `{name}`"),
    "rules.only.class": ("the only class is `{name}`", "loại duy nhất là `{name}`"),
    "rules.only.name": ("the only name is `{name}`", "tên duy nhất là `{name}`"),
    "rules.known.level": ("the levels are {names}", "các mức phiếu là {names}"),
    "rules.known.block": ("the blocks are {names}", "các khối là {names}"),
    "rules.known.class": ("the classes are {names}", "các loại là {names}"),
    "rules.known.name": ("the names are {names}", "các tên là {names}"),
    "rules.unknown_level": ("unknown level `{level}`", "không có mức phiếu `{level}`"),
    "rules.level_not_attribute": (
        "`{name}` is a level, not an attribute of the data",
        "`{name}` là một mức phiếu, không phải thuộc tính của dữ liệu",
    ),
    "rules.write_share": (
        "write share({name}) or count({name})",
        "hãy viết share({name}) hoặc count({name})",
    ),
    "rules.read_from_data": (
        "`{name}` is not a name the rules know, so it is read from the data",
        "`{name}` không phải tên mà bộ quy tắc biết, nên được đọc từ dữ liệu",
    ),
}
