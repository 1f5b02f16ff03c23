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
