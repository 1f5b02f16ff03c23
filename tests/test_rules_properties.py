"""Properties of the language: printing and parsing agree; no input makes the loader crash."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from decimal import Decimal
from fractions import Fraction

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinnhiem.rules import RuleError, ast, load_text, parse
from tinnhiem.rules.describe import describe, to_document
from tinnhiem.rules.fmt import format_ruleset, quote
from tinnhiem.rules.resolve import merge

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Short names, some starting like a keyword (`years_`, `orange`) to try the word boundaries.
NAMES = ["a", "b", "cao", "tn", "thap", "x_1", "_y", "k9", "in_post", "years_", "orange", "notes"]
names = st.sampled_from(NAMES)
attr_names = st.sampled_from([*NAMES, "members_", "valid_from"])
texts = st.text(
    alphabet='aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠỆỘỮ 0123456789.,:;-#{}()"\\', max_size=12
)
ops = st.sampled_from([">", ">=", "<", "<=", "==", "!="])
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31))


@st.composite
def number_texts(draw: st.DrawFn) -> str:
    whole = str(draw(st.integers(0, 1000)))
    kind = draw(st.sampled_from(["int", "decimal", "percent", "decimal percent", "fraction"]))
    decimals = "." + draw(st.sampled_from(["0", "5", "67", "05", "125"]))
    if kind == "int":
        return whole
    if kind == "decimal":
        return whole + decimals
    if kind == "percent":
        return whole + "%"
    if kind == "decimal percent":
        return whole + decimals + "%"
    return f"{whole}/{draw(st.integers(1, 1000))}"


def number_value(text: str) -> Fraction:
    """What a number means, worked out apart from the parser's own code."""
    if text.endswith("%"):
        return Fraction(Decimal(text[:-1])) / 100
    if "/" in text:
        num, den = text.split("/")
        return Fraction(int(num), int(den))
    return Fraction(Decimal(text))


numbers = number_texts().map(lambda t: ast.Number(number_value(t), t))


def level_sums(kind: type[ast.Share] | type[ast.Count]) -> st.SearchStrategy[ast.Value]:
    levels = st.lists(names, min_size=1, max_size=3).map(tuple)
    return st.builds(kind, levels, st.booleans())


simple_values: st.SearchStrategy[ast.Value] = st.one_of(
    numbers,
    level_sums(ast.Share),
    level_sums(ast.Count),
    st.sampled_from(ast.TURNOUT).map(ast.Turnout),
    st.one_of(attr_names, st.sampled_from(["vote_date", "vote_year"])).map(ast.Attr),
    st.one_of(dates, st.booleans(), texts).map(ast.Literal_),
)
values: st.SearchStrategy[ast.Value] = st.recursive(
    simple_values,
    lambda inner: st.builds(
        ast.Call,
        st.one_of(st.sampled_from(["year", "months"]), attr_names),
        st.lists(inner, min_size=1, max_size=2).map(tuple),
    ),
    max_leaves=3,
)
set_items: st.SearchStrategy[ast.Number | ast.Literal_] = st.one_of(
    numbers, st.one_of(dates, st.booleans(), texts).map(ast.Literal_)
)
rounded = st.builds(
    lambda share, places: ast.Call("rounded", (share, ast.Number(places, str(places)))),
    level_sums(ast.Share),
    st.integers(0, 6),
)
conds: st.SearchStrategy[ast.Cond] = st.recursive(
    st.one_of(
        st.builds(ast.Compare, values, ops, values),
        st.builds(ast.Compare, rounded, ops, numbers),
        names.map(lambda n: ast.Truthy(ast.Attr(n))),
        st.builds(ast.InSet, values, st.lists(set_items, max_size=3).map(tuple), st.booleans()),
        st.builds(ast.Missing, attr_names.map(ast.Attr), st.booleans()),
    ),
    lambda inner: st.one_of(
        st.builds(ast.Not, inner),
        st.lists(inner, min_size=2, max_size=3).map(lambda c: ast.And(tuple(c))),
        st.lists(inner, min_size=2, max_size=3).map(lambda c: ast.Or(tuple(c))),
    ),
    max_leaves=6,
)
notes = st.none() | texts


@st.composite
def setting(draw: st.DrawFn) -> ast.Setting:
    name = draw(names)
    kind = draw(st.sampled_from(["number", "date", "bool", "string"]))
    if kind == "number":
        text = draw(number_texts())
        value = number_value(text)
        scalar: ast.Scalar = value
        if value.denominator == 1 and "." not in text:
            scalar = int(value)
        return ast.Setting(name, scalar, text)
    if kind == "date":
        day = draw(dates)
        return ast.Setting(name, day, day.isoformat())
    if kind == "bool":
        flag = draw(st.booleans())
        return ast.Setting(name, flag, "true" if flag else "false")
    label = draw(texts)
    return ast.Setting(name, label, quote(label))


settings_lists = st.lists(setting(), max_size=3).map(tuple)


@st.composite
def schedule(draw: st.DrawFn) -> ast.Schedule:
    meeting = draw(st.none() | texts)
    month = draw(st.none() | st.integers(1, 12)) if meeting is not None else None
    years = tuple(draw(st.lists(st.integers(0, 9), max_size=3)))
    return ast.Schedule(draw(st.integers(0, 12)), years, meeting, month)


@st.composite
def classify(draw: st.DrawFn) -> ast.Classify:
    rules = draw(st.lists(st.builds(ast.Rule, names, texts, conds, notes), max_size=3))
    otherwise = ast.Rule(draw(names), draw(texts), None, draw(notes))
    return ast.Classify(draw(names), draw(texts), (*rules, otherwise))


statements: st.SearchStrategy[ast.Statement] = st.one_of(
    st.lists(st.builds(ast.Level, names, texts), max_size=4).map(
        lambda levels: ast.Levels(tuple(levels))
    ),
    st.builds(ast.LevelMap, names, names),
    st.one_of(st.sampled_from(ast.BASES), names).map(ast.Basis),
    st.builds(ast.Quorum, names, ops, numbers, names),
    schedule(),
    st.builds(ast.Exempt, texts, conds, notes),
    classify(),
    st.builds(ast.Report, texts, names, st.lists(names, max_size=3).map(tuple)),
    st.builds(
        ast.Example,
        texts,
        settings_lists,
        settings_lists,
        st.lists(st.builds(ast.Expect, names, names), max_size=2).map(tuple),
    ),
    st.builds(ast.Drop, st.sampled_from(["exempt", "example", "report"]), texts),
    st.builds(ast.Drop, st.just("classify"), names),
    st.just(ast.Drop("quorum")),
    st.builds(ast.AttributeDecl, attr_names, st.sampled_from(ast.ATTR_TYPES), texts),
)
in_force = st.builds(ast.InForce, st.none() | dates, st.none() | dates).filter(
    lambda f: f.start is not None or f.end is not None
)
rulesets = st.builds(
    ast.RuleSet,
    texts,
    st.none() | texts,
    st.lists(texts, max_size=2).map(tuple),
    st.lists(statements, max_size=8).map(tuple),
    in_force=st.none() | in_force,
)


@FAST
@given(rulesets)
def test_printed_tree_parses_back_to_itself(rs: ast.RuleSet) -> None:
    text = format_ruleset(rs)
    assert parse(text) == rs
    assert format_ruleset(parse(text)) == text


@FAST
@given(rulesets, st.builds(ast.Levels, st.just(())), st.builds(ast.Basis, names))
def test_any_resolved_tree_can_be_described(
    rs: ast.RuleSet, levels: ast.Levels, basis: ast.Basis
) -> None:
    complete = ast.RuleSet(
        rs.name, None, rs.sources, (levels, basis, *rs.statements), in_force=rs.in_force
    )
    resolved = merge((complete,))
    assert resolved is not None
    text = describe(resolved)
    assert text.startswith(f'Bộ quy tắc "{rs.name}"')
    document = to_document(resolved)
    assert tomllib.loads(tomli_w.dumps(document)) == document


@st.composite
def commented(draw: st.DrawFn) -> tuple[ast.RuleSet, str, int]:
    """A printed tree with comments `# c0`, `# c1`… at line ends and on lines of their own."""
    rs = draw(rulesets)
    lines = format_ruleset(rs).splitlines()
    count = draw(st.integers(1, 6))
    for n in range(count):
        at = draw(st.integers(0, len(lines)))
        if draw(st.booleans()) and at < len(lines):
            lines[at] += f" # c{n}"
        else:
            lines.insert(at, " " * draw(st.integers(0, 6)) + f"# c{n}")
    return rs, "\n".join(lines) + "\n", count


@FAST
@given(commented())
def test_comments_stay_and_formatting_settles_at_once(case: tuple[ast.RuleSet, str, int]) -> None:
    rs, text, count = case
    once = format_ruleset(parse(text))
    assert parse(once) == rs
    assert format_ruleset(parse(once)) == once
    for n in range(count):
        assert len(re.findall(rf"# c{n}\b", once)) == 1


VALID = """\
# QĐ 96-QĐ/TW
ruleset "QĐ 96-QĐ/TW (2023)"
source "Quy định 96-QĐ/TW, Điều 6, Điều 11"

levels {
  cao  "Tín nhiệm cao"
  tn   "Tín nhiệm"
  thap "Tín nhiệm thấp"
}
map khong -> thap
basis collected
quorum present >= 2/3 of members
schedule { term 5 years; vote in years 2, 4; meeting "Hội nghị cuối năm" month 12 }

exempt "Đã có thông báo nghỉ hưu" when retirement_notice
exempt "Mới bổ nhiệm" when months(appointed, vote_date) < 9 or year(appointed) == vote_year
  note "Điều 2.3"

classify consequence "Hệ quả" {
  dismiss "Miễn nhiệm" when share(thap) >= 2/3
    note "Điều 11.3"
  review  "Xem xét" when share(thap) > 1/2 and not previous share(thap) <= 50%
  else none "Không"
}

classify band "Mức" {
  high "Cao" when share(cao) >= 66.67% and count(cao + tn) > 3
  else low "Thấp"
}

report "Phụ lục" by group { count band; count consequence }

example "Đúng 2/3 phiếu thấp" {
  collected 42; cao 4; tn 10; thap 28; appointed 2020-01-01; retirement_notice false
  previous { collected 40; thap 30 }
  expect consequence dismiss
  expect band low
}
"""
TOKEN = re.compile(r'\s+|"(?:[^"\\\n]|\\.)*"|#[^\n]*|\w+|\S')
PIECES = [*'{}();,"\\#\n %/.<>=+-_0123456789ađ', "2/3", "50%", "else", "when", "and", "not"]
PIECES += ["previous", "share(", "levels {", "extends", '"base.tn"', "2023-02-30", "1/0"]


def no_base(name: str, relative_to: str) -> tuple[str, str]:
    raise FileNotFoundError(name)


def load_or_rule_error(text: str) -> None:
    """Loading may find errors, and say so with `RuleError`; nothing else may escape."""
    try:
        load_text(text, "x.tn", no_base).ok()
    except RuleError:
        return


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = VALID
    for _ in range(draw(st.integers(1, 4))):
        tokens = TOKEN.findall(text)
        i = draw(st.integers(0, len(tokens) - 1))
        j = draw(st.integers(0, len(tokens) - 1))
        how = draw(st.sampled_from(["drop", "insert", "swap", "copy", "char"]))
        if how == "drop":
            del tokens[i]
        elif how == "insert":
            tokens.insert(i, draw(st.sampled_from(PIECES)))
        elif how == "swap":
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif how == "copy":
            tokens.insert(j, tokens[i])
        else:
            at = draw(st.integers(0, len(text)))
            piece = draw(st.sampled_from(PIECES))
            text = text[:at] + piece + text[at + draw(st.integers(0, 2)) :]
            continue
        text = "".join(tokens)
    return text


@FAST
@given(mutated())
def test_mutated_files_give_rule_errors_only(text: str) -> None:
    load_or_rule_error(text)
    try:
        rs = parse(text)
    except RuleError:
        return
    assert parse(format_ruleset(rs)) == rs


@FAST
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=40))
def test_random_text_gives_rule_errors_only(text: str) -> None:
    load_or_rule_error(text)
    load_or_rule_error('ruleset "x"\n' + text)


def test_the_valid_file_is_valid_and_canonical() -> None:
    """The file the mutations start from loads cleanly, so mutations reach every stage."""
    loaded = load_text(VALID, "x.tn", no_base)
    assert loaded.errors == ()
    assert format_ruleset(parse(VALID)) == VALID
