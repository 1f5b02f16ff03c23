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
