"""What tinnhiem says about a data file: errors and warnings of reading tallies and ballots."""

from __future__ import annotations

# key -> (English, Vietnamese); `{name}` fields are filled when said. Column names and cells are
# quoted as the file writes them.
DATA: dict[str, tuple[str, str]] = {
    # the place of an issue: `a.csv, row 3, column 'cao'`
    "place.row": (", row {row}", ", dòng {row}"),
    "place.column": (", column {column}", ", cột {column}"),
    # a file that cannot be read
    "file.not_regular": (
        "not a regular file (a pipe or a device); save the data to a file",
        "không phải tệp thông thường (một ống dẫn hoặc thiết bị); hãy lưu dữ liệu thành tệp",
    ),
    "file.old_suffix": (
        "cannot read {suffix} files; save it as .xlsx (Excel workbook) or CSV",
        "không đọc được tệp {suffix}; hãy lưu thành .xlsx (sổ tính Excel) hoặc CSV",
    ),
    "file.no_extension": ("'(no extension)'", "'(không có đuôi)'"),
    "file.unknown_type": (
        "unknown file type {kind}; expected one of {known}",
        "không biết loại tệp {kind}; cần một trong các loại {known}",
    ),
    "file.cannot_read": ("cannot read the file: {error}", "không đọc được tệp: {error}"),
    "file.empty": ("the file is empty (0 bytes)", "tệp rỗng (0 byte)"),
    "file.is_xlsx": (
        "this is an Excel workbook (.xlsx), not a text file; name it .xlsx",
        "đây là sổ tính Excel (.xlsx), không phải tệp văn bản; hãy đặt đuôi .xlsx",
    ),
    "file.nul_bytes": (
        "the file holds NUL bytes: it is UTF-16 without a byte-order mark, or not a text file; "
        'save it as "CSV UTF-8"',
        "tệp có byte NUL: đó là UTF-16 không có dấu thứ tự byte (BOM), hoặc không phải tệp văn "
        'bản; hãy lưu thành "CSV UTF-8"',
    ),
    "file.not_utf8": (
        "the text is not UTF-8: byte {byte} at offset {offset} cannot be read; the file was "
        "probably saved in a legacy encoding (Windows-1258, Windows-1252, TCVN3 or VNI): save it "
        'as "CSV UTF-8" and try again',
        "văn bản không phải UTF-8: không đọc được byte {byte} ở vị trí {offset}; có lẽ tệp được "
        "lưu bằng bảng mã cũ (Windows-1258, Windows-1252, TCVN3 hoặc VNI): hãy lưu thành "
        '"CSV UTF-8" rồi thử lại',
    ),
    "file.cr_only": (
        "the lines end with a carriage return only (CR, as old Mac programs write); "
        'save the file as "CSV UTF-8"',
        "các dòng chỉ kết thúc bằng ký tự về đầu dòng (CR, như các chương trình Mac cũ ghi); "
        'hãy lưu tệp thành "CSV UTF-8"',
    ),
    "file.and_more": ("{shown} and {n} more", "{shown} và {n} ô khác"),
    "csv.unclosed_quote": (
        'cannot read the row: a quote (") opened in it is never closed',
        'không đọc được dòng: một dấu nháy (") mở ra trong dòng không bao giờ được đóng',
    ),
    "csv.cell_too_long": (
        'cannot read the row: a cell longer than {limit} characters (is a quote (") opened in it '
        "never closed?)",
        'không đọc được dòng: có ô dài hơn {limit} ký tự (phải chăng một dấu nháy (") mở ra '
        "trong dòng không được đóng?)",
    ),
    "csv.text_after_quote": (
        'cannot read the row: text follows a closing quote ("); quote a whole cell or none of it',
        'không đọc được dòng: có chữ sau dấu nháy đóng ("); hãy đặt cả ô trong dấu nháy hoặc '
        "không dùng dấu nháy",
    ),
    "csv.other": ("cannot read the row: {error}", "không đọc được dòng: {error}"),
    "xlsx.unreadable": (
        "not a readable Excel workbook (.xlsx): {why}",
        "không phải sổ tính Excel (.xlsx) đọc được: {why}",
    ),
    "xlsx.no_sheet": ("the workbook has no worksheet", "sổ tính không có trang tính nào"),
    "xlsx.unsaved": (
        "formulas with no saved value ({cells}): the program that wrote the file did not compute "
        "them; open it in Excel or LibreOffice and save it, or write the numbers",
        "có công thức chưa lưu giá trị ({cells}): chương trình tạo tệp chưa tính chúng; hãy mở "
        "tệp bằng Excel hoặc LibreOffice rồi lưu lại, hoặc ghi thẳng các con số",
    ),
    "file.not_utf16": ("the text is not valid UTF-16", "văn bản không phải UTF-16 hợp lệ"),
    "file.not_valid_utf8": ("the text is not valid UTF-8", "văn bản không phải UTF-8 hợp lệ"),
    "size.tallies": (
        "a file of tallies, which is read whole",
        "một tệp kết quả kiểm phiếu, vốn được đọc cả một lần",
    ),
    "size.tallies_text": (
        "tallies in CSV, TSV or text, read a block at a time",
        "kết quả kiểm phiếu dạng CSV, TSV hoặc văn bản, đọc dần từng khối",
    ),
    "size.ballots": (
        "ballots in {kind} (CSV and XLSX are streamed), which is read whole",
        "phiếu bầu dạng {kind} (CSV và XLSX được đọc dần), vốn được đọc cả một lần",
    ),
    "size.too_big": (
        "the file is {n} MB, more than the {limit} MB allowed for {what}; check that this is the "
        "right file, or set {variable}={n} to read it anyway",
        "tệp nặng {n} MB, quá {limit} MB cho phép với {what}; hãy kiểm tra đúng tệp chưa, hoặc "
        "đặt {variable}={n} để vẫn đọc",
    ),
    # a file of ballots
    "ballots.no_values": (
        "the file holds no values: no header and no ballots",
        "tệp không có giá trị nào: không có dòng tiêu đề và không có phiếu",
    ),
    "ballots.merged": (
        "cells merged over several rows ({refs}): each row is one ballot, and a merged cell holds "
        "one mark, read only in its first row; unmerge them and give each ballot its own mark",
        "có ô gộp qua nhiều dòng ({refs}): mỗi dòng là một phiếu, còn ô gộp chỉ giữ một dấu, "
        "đọc ở dòng đầu; hãy bỏ gộp ô và ghi dấu cho từng phiếu",
    ),
    "ballots.no_header": (
        "column {column} has no header (a blank or merged cell) but holds marks; give every "
        "column its own header",
        "cột {column} không có tiêu đề (ô trống hoặc ô gộp) nhưng có dấu; hãy đặt tiêu đề cho "
        "từng cột",
    ),
    "ballots.none_below": (
        "no ballots below the header (row {row})",
        "không có phiếu nào dưới dòng tiêu đề (dòng {row})",
    ),
    "ballots.none": ("no ballots", "không có phiếu nào"),
    "ballots.cells.one": ("{n} cell", "{n} ô"),
    "ballots.cells.other": ("{n} cells", "{n} ô"),
    "ballots.first_in": (", the first in row {row}", ", ô đầu tiên ở dòng {row}"),
    "ballots.not_marks": (
        "column {column} holds values that are not marks ({how_many}{where}); a ballot file must "
        "not say who voted, so none is shown; {hint}{expected}",
        "cột {column} có giá trị không phải dấu ({how_many}{where}); tệp phiếu bầu không được "
        "cho biết ai đã bầu, nên không giá trị nào được hiện; {hint}{expected}",
    ),
    "ballots.skipped.one": (
        "{n} empty row was skipped; a blank ballot needs a mark, e.g. in the void column",
        "đã bỏ qua {n} dòng trống; phiếu trắng cần một dấu, ví dụ ở cột phiếu không hợp lệ",
    ),
    "ballots.skipped.other": (
        "{n} empty rows were skipped; a blank ballot needs a mark, e.g. in the void column",
        "đã bỏ qua {n} dòng trống; phiếu trắng cần một dấu, ví dụ ở cột phiếu không hợp lệ",
    ),
    "ballots.voter_column": (
        "this column looks like it says who cast each ballot; a ballot file must not identify "
        "voters: remove the column (none of its values was read)",
        "cột này có vẻ cho biết ai đã bỏ từng phiếu; tệp phiếu bầu không được nêu danh người bầu: "
        "hãy xóa cột này (không giá trị nào của cột đã được đọc)",
    ),
    "ballots.second_void": (
        "a second void column; keep one",
        "có cột phiếu không hợp lệ thứ hai; hãy giữ một cột",
    ),
    "ballots.two_columns": (
        'the person "{person}" has two columns; keep one',
        'người "{person}" có hai cột; hãy giữ một cột',
    ),
    "ballots.no_people": (
        "no person columns: the header should name one person per column; found {found}",
        "không có cột người nào: dòng tiêu đề cần ghi tên mỗi người ở một cột; tìm thấy {found}",
    ),
    "ballots.wide_row": (
        "the row has {n} cells, more than the {width} columns of the header",
        "dòng này có {n} ô, nhiều hơn {width} cột của dòng tiêu đề",
    ),
    "ballots.void_mark": (
        "expected the void mark (x, có, yes, true, 1, hủy) or nothing (or không, no, false, 0); "
        "what the cell holds is not shown: a ballot file must not say who voted",
        "cần dấu phiếu không hợp lệ (x, có, yes, true, 1, hủy) hoặc để trống (hoặc không, no, "
        "false, 0); nội dung ô không được hiện: tệp phiếu bầu không được cho biết ai đã bầu",
    ),
    "ballots.long_header": (
        "the header is longer than {kb} KB",
        "dòng tiêu đề dài hơn {kb} KB",
    ),
    "ballots.the_turnout": ("the turnout", "số liệu turnout"),
    "ballots.turnout_shape": (
        "{what} must be a table of numbers, found {found}",
        "{what} phải là một bảng các con số, nhưng có {found}",
    ),
    "ballots.unknown_key": (
        'unknown key "{key}"; expected {known}, round or unit',
        'khóa "{key}" không rõ; cần {known}, round hoặc unit',
    ),
    "ballots.two_sidecars": (
        "both {first} and {second} exist; keep one",
        "có cả {first} và {second}; hãy giữ một tệp",
    ),
    "ballots.the_keys": ("the keys {keys}", "các khóa {keys}"),
    "ballots.shape": ("expected {shape}; found {found}", "cần {shape}; nhưng có {found}"),
    "ballots.not_list": (
        '"ballots" must be a list of ballots, found {found}',
        '"ballots" phải là một danh sách phiếu, nhưng có {found}',
    ),
    "ballots.unknown_top_key": (
        'unknown key "{key}"; expected turnout and ballots',
        'khóa "{key}" không rõ; cần turnout và ballots',
    ),
    "ballots.turnout_differs": (
        "the turnout gives {given}, but the file holds {n} ballots",
        "số liệu turnout ghi {given}, nhưng tệp có {n} phiếu",
    ),
    "ballots.rows_over_issued": (
        "{figure} (rows of the file), more than the {issued} issued",
        "{figure} (số dòng của tệp), nhiều hơn {issued} phiếu phát ra",
    ),
    "marks.letter": (
        "the letter {letter} could be {levels}; ",
        "chữ {letter} có thể là {levels}; ",
    ),
    "marks.for": ("{letter} for {level}", "{letter} cho {level}"),
    "marks.also_letters": ("their labels, or {letters}", "nhãn của chúng, hoặc {letters}"),
    "marks.also_labels": ("or their labels", "hoặc nhãn của chúng"),
    "marks.expected": (
        'expected one of {levels} ({also}), several joined with "+", or nothing',
        'cần một trong {levels} ({also}), nhiều dấu nối bằng "+", hoặc để trống',
    ),
    # a file of tallies
    "data.none": ("none", "không có"),
    "tallies.no_rows": (
        "no rows: the list of rows is empty",
        "không có dòng nào: danh sách dòng rỗng",
    ),
    "tallies.no_name_column": (
        'no name column: expected one of "name", "họ và tên", "họ tên"; the columns found are '
        "{found}",
        'không có cột tên: cần một trong các cột "name", "họ và tên", "họ tên"; các cột tìm thấy '
        "là {found}",
    ),
    "tallies.no_data_rows": (
        "no data rows below the header (row {row})",
        "không có dòng dữ liệu nào dưới dòng tiêu đề (dòng {row})",
    ),
    "tallies.title_rows": (
        "the header is row {row}; the rows above it ({rows}) were taken for a title and not read",
        "dòng tiêu đề là dòng {row}; các dòng phía trên ({rows}) được coi là tên bảng và không "
        "được đọc",
    ),
    "tallies.no_name": ("the row has no name", "dòng này không có tên"),
    "tallies.no_id": (
        "the row has no id, though the file has an id column",
        "dòng này không có mã, dù tệp có cột mã (id)",
    ),
    "tallies.in_round": ('for round "{round}"', 'trong đợt "{round}"'),
    "tallies.no_round": ("with no round", "không ghi đợt"),
    "tallies.by_id": ('id "{id}"', 'mã "{id}"'),
    "tallies.twice_in": (
        "{person} is listed twice {where} (rows {first} and {n})",
        "{person} có tên hai lần {where} (dòng {first} và {n})",
    ),
    "tallies.twice": (
        "{person} is listed twice (rows {first} and {n}); give each vote a round",
        "{person} có tên hai lần (dòng {first} và {n}); hãy ghi đợt cho mỗi lần lấy phiếu",
    ),
    # the consistency checks of a row of tallies (`tally_rules`)
    "figure.members": ("{n} members", "{n} người được triệu tập"),
    "figure.present": ("{n} present", "{n} người có mặt"),
    "figure.issued": ("{n} ballots issued", "{n} phiếu phát ra"),
    "figure.collected": ("{n} ballots collected", "{n} phiếu thu về"),
    "figure.valid": ("{n} valid ballots", "{n} phiếu hợp lệ"),
    "figure.invalid": ("{n} invalid ballots", "{n} phiếu không hợp lệ"),
    "rule.over": ("{figure}, more than the {limit}", "{figure}, nhiều hơn {limit}"),
    "rule.over_present": (
        "{figure}, more than the {present} present",
        "{figure}, nhiều hơn {present} người có mặt",
    ),
    "rule.over_issued": (
        "{figure}, more than the {issued} issued",
        "{figure}, nhiều hơn {issued} phiếu phát ra",
    ),
    "rule.ballots_add_up": (
        "{valid} valid + {invalid} invalid = {sum} ballots, but {figure}",
        "{valid} phiếu hợp lệ + {invalid} phiếu không hợp lệ = {sum} phiếu, nhưng có {figure}",
    ),
    "rule.levels_over": (
        "the levels add up to {total} ({parts}), more than the {limit}",
        "tổng số phiếu các mức là {total} ({parts}), nhiều hơn {limit}",
    ),
    "rule.levels_over_derived": (
        "the levels add up to {total} ({parts}), more than the {limit} ({collected} collected "
        "− {invalid} invalid)",
        "tổng số phiếu các mức là {total} ({parts}), nhiều hơn {limit} ({collected} phiếu thu "
        "về − {invalid} phiếu không hợp lệ)",
    ),
    "rule.short.single": (
        "the levels add up to {total}, {gap} fewer than the {limit}: {why}",
        "tổng số phiếu các mức là {total}, ít hơn {gap} so với {limit}: {why}",
    ),
    "rule.short.many": (
        "in {n} rows ({numbers}) the levels add up to fewer than the {what} (by {by}): {why}",
        "ở {n} dòng ({numbers}) tổng số phiếu các mức ít hơn {what} (chênh {by}): {why}",
    ),
    "rule.short.range": ("{low} to {high}", "từ {low} đến {high}"),
    "rule.short.why.valid.one": (
        "were some ballots left blank for this person?",
        "có phiếu nào để trống ở người này không?",
    ),
    "rule.short.why.valid.other": (
        "were some ballots left blank for these people?",
        "có phiếu nào để trống ở những người này không?",
    ),
    "rule.short.why.collected.one": (
        "invalid or blank ballots for this person? (the data gives no invalid count)",
        "có phiếu không hợp lệ hoặc để trống ở người này không? (dữ liệu không có số phiếu "
        "không hợp lệ)",
    ),
    "rule.short.why.collected.other": (
        "invalid or blank ballots for these people? (the data gives no invalid count)",
        "có phiếu không hợp lệ hoặc để trống ở những người này không? (dữ liệu không có số "
        "phiếu không hợp lệ)",
    ),
    # the columns and rows of a file of tallies
    "tallies.merged": (
        "merged cells ({shown}) were read as the same value in every row they cover",
        "các ô gộp ({shown}) được đọc là cùng một giá trị ở mọi dòng mà ô phủ",
    ),
    "tallies.no_header": (
        "column {column} has no header (a blank or merged cell) but holds values, the first in "
        "row {row}; give every column its own header in one row",
        "cột {column} không có tiêu đề (ô trống hoặc ô gộp) nhưng có giá trị, giá trị đầu tiên "
        "ở dòng {row}; hãy đặt tiêu đề cho từng cột, cùng trên một dòng",
    ),
    "tallies.level": ("level {key}", "mức {key}"),
    "tallies.same_meaning": (
        'this column and column "{other}" both mean {what}; keep one',
        'cột này và cột "{other}" cùng có nghĩa là {what}; hãy giữ một cột',
    ),
    "tallies.not_a_level": (
        'column "{header}" looks like a level of the vote, but it is none of the levels of the '
        "rules ({named}); name the column by the id or label of the level it counts, or, if the "
        "data counts a level of its own, give it an id as its header and add "
        "`map <id> -> <level>` to the rules; a column of something else (percentages) must go",
        'cột "{header}" trông như một mức phiếu, nhưng không phải mức nào của bộ quy tắc '
        "({named}); hãy đặt tên cột bằng mã hoặc nhãn của mức mà cột đếm, hoặc, nếu dữ liệu "
        "đếm một mức riêng, hãy lấy một mã làm tiêu đề cột và thêm `map <id> -> <level>` vào "
        "quy tắc; cột ghi thứ khác (tỷ lệ phần trăm) phải bỏ đi",
    ),
    "tallies.some_blank": (
        "counts are given for {given} but not for {blank}; write 0 where nobody chose a level",
        "có số phiếu của {given} nhưng không có của {blank}; hãy ghi 0 ở mức không ai chọn",
    ),
    "tallies.totals_row": (
        'this looks like a totals row ("{value}"), not a person; remove it: tinnhiem adds up '
        "the counts itself",
        'dòng này có vẻ là dòng tổng cộng ("{value}"), không phải một người; hãy xóa dòng này: '
        "tinnhiem tự cộng các số phiếu",
    ),
    # JSON and TOML, and what a value of them is
    "file.bad_utf16": (
        "the text is not valid UTF-16: bad bytes at offset {offset}",
        "văn bản không phải UTF-16 hợp lệ: có byte sai ở vị trí {offset}",
    ),
    "file.long_number": (
        "line {line} holds a number of {n} digits; no count or value has more than {max}",
        "dòng {line} có một số gồm {n} chữ số; không số phiếu hay giá trị nào có quá {max} chữ số",
    ),
    "file.too_deep": (
        "lists or objects nested inside each other too deeply to read (a few levels are enough)",
        "danh sách hoặc đối tượng lồng vào nhau quá sâu, không đọc được (vài tầng là đủ)",
    ),
    "file.changed": (
        "the file changed while it was read",
        "tệp đã thay đổi trong khi đang được đọc",
    ),
    "json.invalid": (
        "not valid JSON: {error} (line {line}, column {column})",
        "không phải JSON hợp lệ: {error} (dòng {line}, cột {column})",
    ),
    "json.too_deep": ("not usable JSON: {why}", "không dùng được JSON: {why}"),
    "toml.invalid": ("not valid TOML: {error}", "không phải TOML hợp lệ: {error}"),
    "toml.too_deep": ("not usable TOML: {why}", "không dùng được TOML: {why}"),
    "xlsx.no_part": ("no part holds sheet {name}", "không phần nào của tệp chứa trang tính {name}"),
    "shape.table": ("a table", "một bảng"),
    "shape.object": ("an object", "một đối tượng"),
    "shape.array": ("an array", "một mảng"),
    "shape.list": ("a list", "một danh sách"),
    "shape.number": ("the number {n}", "số {n}"),
    "shape.date": ("the date {date}", "ngày {date}"),
    "shape.string": ("a string", "một chuỗi"),
    "shape.other": ("a {name}", "một {name}"),
    "shape.tables": ("[[{key}]] tables", "các bảng [[{key}]]"),
    "shape.objects": ("a list of objects", "một danh sách đối tượng"),
    "shape.object_with": ("an object with the keys {keys}", "một đối tượng có các khóa {keys}"),
    "shape.table_row": ("a table of column = value", "một bảng cột = giá trị"),
    "shape.object_row": ("an object of column: value", "một đối tượng cột: giá trị"),
    "rows.must_be": (
        '"{key}" must be {shape}; found {found}',
        '"{key}" phải là {shape}; nhưng có {found}',
    ),
    "rows.toml": (
        "expected [[{key}]] tables, one per row; found the keys {keys}",
        "cần các bảng [[{key}]], mỗi bảng một dòng; nhưng có các khóa {keys}",
    ),
    "rows.is_ballots": (
        "{found}; this is a file of ballots: read it as ballots",
        "{found}; đây là tệp phiếu bầu: hãy đọc tệp dưới dạng phiếu bầu",
    ),
    "rows.json": (
        'expected a list of objects, one per row, or an object with "{key}": [...]; found {found}',
        'cần một danh sách đối tượng, mỗi đối tượng một dòng, hoặc một đối tượng có "{key}": '
        "[...]; nhưng có {found}",
    ),
    "rows.stray": ("expected {shape}, found {found}", "cần {shape}, nhưng có {found}"),
    "tallies.no_values": (
        "the file holds no values: no header and no rows",
        "tệp không có giá trị nào: không có dòng tiêu đề và không có dòng dữ liệu",
    ),
    # an Excel workbook that cannot be read safely
    "size.workbook_ballots": ("a workbook of ballots", "một sổ tính phiếu bầu"),
    "xlsx.parts": (
        "the workbook has {n} parts; at most {max}",
        "sổ tính có {n} phần; tối đa {max} phần",
    ),
    "xlsx.compression": ("unknown compression", "kiểu nén không biết"),
    "xlsx.dtd": (
        "the part {part} declares entities (a DTD), which Excel never writes and which can "
        "expand without end or name other files; open the file in Excel or LibreOffice and "
        "save it again",
        "phần {part} khai báo thực thể (DTD), điều Excel không bao giờ ghi, và thực thể có thể "
        "bung ra vô tận hoặc trỏ tới tệp khác; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại",
    ),
    "xlsx.long_number": (
        "the part {part} holds a number of more than {max} digits; no count or value is that long",
        "phần {part} có một số dài hơn {max} chữ số; không số phiếu hay giá trị nào dài như vậy",
    ),
    "xlsx.above": ("{variable} above {n}", "{variable} lớn hơn {n}"),
    "xlsx.too_big": (
        "the workbook unpacks to {mb} MB of XML (all its parts), more than the {limit} MB "
        "allowed for {what}; check that this is the right file, or set {setting} to read it "
        "anyway",
        "sổ tính bung ra {mb} MB XML (mọi phần), quá {limit} MB cho phép với {what}; hãy kiểm "
        "tra đúng tệp chưa, hoặc đặt {setting} để vẫn đọc",
    ),
    "xlsx.too_big_at_least": (
        "the workbook unpacks to more than {mb} MB of XML (all its parts), more than the "
        "{limit} MB allowed for {what}; check that this is the right file, or set {setting} to "
        "read it anyway",
        "sổ tính bung ra hơn {mb} MB XML (mọi phần), quá {limit} MB cho phép với {what}; hãy "
        "kiểm tra đúng tệp chưa, hoặc đặt {setting} để vẫn đọc",
    ),
    "xlsx.bad_xml": (
        "a part is not well-formed XML (line {line})",
        "có phần không phải XML đúng dạng (dòng {line})",
    ),
    "xlsx.bad_cell": (
        "a cell or a part holds what a workbook cannot ({kind})",
        "có ô hoặc phần chứa thứ mà sổ tính không thể chứa ({kind})",
    ),
    # a cell that does not hold what its column needs
    "cell.too_long": (
        "expected a whole number of at most {max} digits, found {n} characters",
        "cần một số nguyên tối đa {max} chữ số, nhưng ô có {n} ký tự",
    ),
    "cell.not_whole": (
        "expected a whole number, found {found}",
        "cần một số nguyên, nhưng ô ghi {found}",
    ),
    "cell.negative": (
        "expected a whole number not below 0, found {found}",
        "cần một số nguyên không âm, nhưng ô ghi {found}",
    ),
    "cell.has_decimals": (
        "expected a whole number, found {found}, which has a decimal part",
        "cần một số nguyên, nhưng ô ghi {found}, có phần thập phân",
    ),
    "cell.thousands": (
        "expected a whole number, found {found}: if it means {plain}, write it without a "
        "thousands separator",
        "cần một số nguyên, nhưng ô ghi {found}: nếu là {plain}, hãy viết không có dấu phân "
        "cách hàng nghìn",
    ),
    "cell.zero_decimals": (
        "expected a whole number, found {found}: write it as {plain}",
        "cần một số nguyên, nhưng ô ghi {found}: hãy viết {plain}",
    ),
    "cell.date_forms": ("2023-05-01 or 01/05/2023", "2023-05-01 hoặc 01/05/2023"),
    "cell.bad_date": (
        "expected a date ({forms}), found {found}: {error}",
        "cần một ngày ({forms}), nhưng ô ghi {found}: {error}",
    ),
    "cell.not_number": ("expected a number, found {found}", "cần một số, nhưng ô ghi {found}"),
    "cell.not_single": (
        "expected a single value, found {found}",
        "cần một giá trị đơn, nhưng ô ghi {found}",
    ),
    "cell.date_like_column": (
        "expected a date like the rest of the column ({forms}), found {found}",
        "cần một ngày như các ô khác của cột ({forms}), nhưng ô ghi {found}",
    ),
    # "1.234": a thousands or a decimal separator?
    "sep.dot": ("dot", "chấm"),
    "sep.point": ("point", "chấm"),
    "sep.comma": ("comma", "phẩy"),
    "cell.witness.thousands": (
        "{found} has a thousands {sep}",
        "{found} có dấu {sep} phân cách hàng nghìn",
    ),
    "cell.witness.decimal": ("{found} has a decimal {sep}", "{found} có dấu {sep} thập phân"),
    "cell.both": ("{first} and {last}", "{first} và {last}"),
    "cell.why_both": (
        "other cells of the column point both ways ({witnesses})",
        "các ô khác của cột cho thấy cả hai cách ({witnesses})",
    ),
    "cell.why_none": (
        "no other cell of the column shows which",
        "không ô nào khác của cột cho biết là cách nào",
    ),
    "cell.ambiguous": (
        "{found} could be {plain} (with a thousands {sep_t}) or {text} (with a decimal {sep_d}), "
        "and {why}: write {plain} or {padded}",
        "{found} có thể là {plain} (dấu {sep_t} phân cách hàng nghìn) hoặc {text} (dấu {sep_d} "
        "thập phân), và {why}: hãy viết {plain} hoặc {padded}",
    ),
    "data.keyed": ("{prefix}{key}: {error}", "{prefix}{key}: {error}"),
    "data.more_errors.one": ("and {n} more error", "và {n} lỗi nữa"),
    "data.more_errors.other": ("and {n} more errors", "và {n} lỗi nữa"),
}
