"""What Python's own readers say (json, tomllib, zipfile, datetime, csv), in both languages.

The English is the library's own text, as it always was shown; the Vietnamese says the same.
A text not listed here is shown as the library wrote it in English, and in Vietnamese by the
`*.unknown` message of its reader, with the same position around it."""

from __future__ import annotations

# key -> (English, Vietnamese)
LIBRARY: dict[str, tuple[str, str]] = {
    # json (json.JSONDecodeError.msg); the line and column are said around them
    "lib.json.value": ("Expecting value", "cần một giá trị"),
    "lib.json.key": (
        "Expecting property name enclosed in double quotes",
        "cần một tên khóa đặt trong dấu nháy kép",
    ),
    "lib.json.colon": ("Expecting ':' delimiter", "cần dấu ':'"),
    "lib.json.comma": ("Expecting ',' delimiter", "cần dấu ','"),
    "lib.json.unterminated": (
        "Unterminated string starting at",
        "chuỗi bắt đầu ở đây không được đóng (thiếu dấu nháy kép)",
    ),
    "lib.json.control": (
        "Invalid control character at",
        "có ký tự điều khiển trong chuỗi",
    ),
    "lib.json.escape": ("Invalid \\escape", "có chuỗi thoát (\\…) không hợp lệ"),
    "lib.json.u_escape": ("Invalid \\uXXXX escape", "có chuỗi thoát \\uXXXX không hợp lệ"),
    "lib.json.extra": ("Extra data", "còn dữ liệu sau khi giá trị đã kết thúc"),
    "lib.json.comma_object": (
        "Illegal trailing comma before end of object",
        "dấu phẩy thừa trước dấu đóng }}",
    ),
    "lib.json.comma_array": (
        "Illegal trailing comma before end of array",
        "dấu phẩy thừa trước dấu đóng ]",
    ),
    "lib.json.unknown": ("the JSON reader stops here", "trình đọc JSON dừng ở đây"),
    # tomllib (the text of TOMLDecodeError, then where)
    "lib.toml.at": (
        "{error} (at line {line}, column {column})",
        "{error} (dòng {line}, cột {column})",
    ),
    "lib.toml.at_end": ("{error} (at end of document)", "{error} (ở cuối tệp)"),
    "lib.toml.invalid_value": ("Invalid value", "giá trị không hợp lệ"),
    "lib.toml.invalid_statement": ("Invalid statement", "câu lệnh không hợp lệ"),
    "lib.toml.unterminated": ("Unterminated string", "chuỗi không được đóng"),
    "lib.toml.unclosed_array": ("Unclosed array", "mảng không được đóng (thiếu ])"),
    "lib.toml.unclosed_table": (
        "Unclosed inline table",
        "bảng trên một dòng không được đóng (thiếu }})",
    ),
    "lib.toml.overwrite": ("Cannot overwrite a value", "không ghi đè được một giá trị đã có"),
    "lib.toml.date": ("Invalid date or datetime", "ngày hoặc ngày giờ không hợp lệ"),
    "lib.toml.hex": ("Invalid hex value", "giá trị thập lục phân không hợp lệ"),
    "lib.toml.backslash": ("Unescaped '\\' in a string", "dấu '\\' không được thoát trong chuỗi"),
    "lib.toml.scalar": (
        "Escaped character is not a Unicode scalar value",
        "ký tự được thoát không phải một ký tự Unicode hợp lệ",
    ),
    "lib.toml.equals": (
        "Expected '=' after a key in a key/value pair",
        "cần dấu '=' sau khóa trong một cặp khóa/giá trị",
    ),
    "lib.toml.table_end": (
        "Expected ']' at the end of a table declaration",
        "cần dấu ']' ở cuối phần khai báo bảng",
    ),
    "lib.toml.array_end": (
        "Expected ']]' at the end of an array declaration",
        "cần dấu ']]' ở cuối phần khai báo mảng",
    ),
    "lib.toml.newline": (
        "Expected newline or end of document after a statement",
        "cần xuống dòng hoặc hết tệp sau một câu lệnh",
    ),
    "lib.toml.key_start": (
        "Invalid initial character for a key part",
        "ký tự đầu của khóa không hợp lệ",
    ),
    "lib.toml.expected": ("Expected {what}", "cần {what}"),
    "lib.toml.declare_twice": ("Cannot declare {key} twice", "không khai báo {key} hai lần được"),
    "lib.toml.immutable": (
        "Cannot mutate immutable namespace {key}",
        "không sửa được vùng tên cố định {key}",
    ),
    "lib.toml.redefine": ("Cannot redefine namespace {key}", "không định nghĩa lại vùng tên {key}"),
    "lib.toml.duplicate": (
        "Duplicate inline table key {key}",
        "khóa {key} lặp lại trong bảng trên một dòng",
    ),
    "lib.toml.illegal": ("Illegal character {char}", "ký tự không hợp lệ {char}"),
    "lib.toml.invalid_char": ("Found invalid character {char}", "gặp ký tự không hợp lệ {char}"),
    "lib.toml.unknown": ("the TOML reader stops here", "trình đọc TOML dừng ở đây"),
    # zipfile, zlib (an .xlsx is a zip of XML parts)
    "lib.zip.not_zip": ("File is not a zip file", "tệp không phải tệp zip"),
    "lib.zip.truncated_header": (
        "Truncated file header",
        "phần đầu của một phần trong tệp bị cắt cụt",
    ),
    "lib.zip.bad_header": (
        "Bad magic number for file header",
        "phần đầu của một phần trong tệp bị hỏng",
    ),
    "lib.zip.bad_crc": (
        "Bad CRC-32 for file {name}",
        "mã kiểm tra CRC-32 của phần {name} sai: tệp bị hỏng",
    ),
    "lib.zip.bad_directory": (
        "Bad magic number for central directory",
        "mục lục của tệp zip bị hỏng",
    ),
    "lib.zip.bad_offset": ("Bad offset for central directory", "mục lục của tệp zip bị hỏng"),
    "lib.zip.truncated_directory": (
        "Truncated central directory",
        "mục lục của tệp zip bị cắt cụt",
    ),
    "lib.zip.multi_disk": (
        "zipfiles that span multiple disks are not supported",
        "không đọc được tệp zip chia thành nhiều phần",
    ),
    "lib.zip.no_item": (
        "There is no item named {name} in the archive",
        "tệp zip không có phần {name}",
    ),
    "lib.zip.ended": (
        "Compressed file ended before the end-of-stream marker was reached",
        "dữ liệu nén kết thúc trước khi hết (tệp bị cắt cụt)",
    ),
    "lib.zip.inflate": (
        "Error {code} while decompressing data",
        "lỗi {code} khi giải nén dữ liệu: tệp bị hỏng",
    ),
    "lib.zip.part_too_big": (
        "{name} is too big for a part of a workbook",
        "{name} quá lớn cho một phần của sổ tính",
    ),
    "lib.zip.unknown": ("the zip reader cannot read it", "trình đọc zip không đọc được tệp"),
    # datetime (a date of a cell that is not in the calendar)
    "lib.date.month": ("month must be in 1..12", "tháng phải từ 1 đến 12"),
    "lib.date.day": ("day is out of range for month", "tháng đó không có ngày này"),
    "lib.date.year": ("year {year} is out of range", "năm {year} nằm ngoài khoảng cho phép"),
    "lib.date.unknown": ("not a date of the calendar", "không phải ngày có trong lịch"),
    # csv (texts the reader does not say in its own words)
    "lib.csv.unknown": ("the CSV reader stops here", "trình đọc CSV dừng ở đây"),
    # the system (OSError.strerror, by errno): the English is the system's own words
    "lib.os.not_found": ("no such file or folder", "không có tệp hoặc thư mục này"),
    "lib.os.denied": ("permission denied", "không có quyền truy cập"),
    "lib.os.folder": ("it is a folder", "đây là một thư mục"),
    "lib.os.not_folder": (
        "a part of the path is not a folder",
        "một phần của đường dẫn không phải thư mục",
    ),
    "lib.os.full": ("no space left on the device", "thiết bị hết chỗ trống"),
    "lib.os.read_only": ("the file system is read-only", "hệ thống tệp chỉ cho phép đọc"),
    "lib.os.long_name": ("the file name is too long", "tên tệp quá dài"),
    "lib.os.unknown": ("system error {code}", "lỗi hệ thống {code}"),
}
