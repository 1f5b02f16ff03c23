"""Files from anyone, mutated: the CLI must answer each with exit 0, 1 or 2, never a traceback,
never a hang.

Cases are mutations of the bundled rule files and sample data (bytes flipped, spans cut,
doubled or moved, lines spliced, numbers made huge, line ends changed, workbooks rebuilt from
the data with their parts mutated) plus the targeted cases of issue 11 (links to files that are
not rules, DTDs, zip bombs, numbers of thousands of digits, exponents of CLI numbers). Each case
is run in this process (fast) under an alarm; a case that outlives it is a hang.

    python tests/fuzz.py --cases 3000 --seed 1      # the long run (`make fuzz`)

`tests/test_fuzz.py` runs a few hundred seeded cases as part of the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import resource
import signal
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = sorted((ROOT / "samples" / "rules").glob("*.tn"))
DATA = sorted(p for p in (ROOT / "samples" / "data").glob("*.csv"))
HANG_SECONDS = 30  # a case that takes this long is a hang (each takes well under a second)
LIMIT_MB = 4  # TINNHIEM_MAX_DATA_MB for the run: bombs are refused at 40 MB of XML, not 500


@dataclass
class Case:
    """Files to write in a fresh folder, then a command line (paths relative to the folder)."""

    name: str
    files: dict[str, bytes]
    argv: list[str]
    links: dict[str, str] = field(default_factory=dict)  # link name -> target


@dataclass
class Outcome:
    case: str
    code: int | None  # None: a traceback or a hang
    traceback: str = ""
    hang: bool = False
    seconds: float = 0.0


# --- mutations ---------------------------------------------------------------------------------

INTERESTING = [
    b"9" * 5000,
    b"1e99999",
    b"-1",
    b"\x00",
    b"\xff\xfe",
    b"\r",
    b'"',
    b"{",
    b"}",
    b"\xe2\x80\x8b",  # a zero-width space
    b"\xe2\x80\xae",  # a right-to-left override
    b"\x1b[2J",
    b"%",
    b"/0",
    b"NaN",
    b"inf",
    b"2023-02-30",
    b"x" * 3000,
    b"extends",
    b'extends "/etc/passwd"',
    b'extends "../../../../etc/passwd.tn"',
    b"previous ",
    b"not " * 200,
    b"(" * 300,
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three random edits of `data`."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        n = len(out)
        kind = rng.randrange(8)
        at = rng.randrange(n + 1) if n else 0
        if kind == 0 and n:  # flip a byte
            out[min(at, n - 1)] = rng.randrange(256)
        elif kind == 1:  # insert something interesting
            out[at:at] = rng.choice(INTERESTING)
        elif kind == 2 and n:  # cut a span
            out[at : at + rng.randint(1, 200)] = b""
        elif kind == 3 and n:  # double a span
            span = out[at : at + rng.randint(1, 400)]
            out[at:at] = span * rng.randint(1, 20)
        elif kind == 4:  # swap two lines
            lines = bytes(out).split(b"\n")
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                out = bytearray(b"\n".join(lines))
        elif kind == 5:  # line ends
            out = bytearray(bytes(out).replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n\n"])))
        elif kind == 6 and n:  # a number made huge
            digits = [i for i in range(n) if 48 <= out[i] <= 57]
            if digits:
                i = rng.choice(digits)
                out[i:i] = b"9" * rng.choice([50, 999, 1001, 4400])
        elif kind == 7:  # the delimiter changed
            out = bytearray(bytes(out).replace(b",", rng.choice([b";", b"\t", b'","', b""])))
    return bytes(out)


def workbook(text: bytes, rng: random.Random, mutate_parts: bool) -> bytes:
    """An .xlsx built from CSV text, with one of its parts mutated."""
    import csv

    from openpyxl import Workbook

    book = Workbook()
    try:
        rows = list(csv.reader(io.StringIO(text.decode("utf-8", "replace"))))
    except csv.Error:
        rows = [["name"], ["x"]]
    for row in rows[:200]:
        book.active.append([int(c) if c.isdigit() and len(c) < 15 else c for c in row[:50]])
    buffer = io.BytesIO()
    book.save(buffer)
    if not mutate_parts:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    parts = {i.filename: source.read(i.filename) for i in source.infolist()}
    victim = rng.choice(sorted(parts))
    parts[victim] = mutate(parts[victim], rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return out.getvalue()


# --- cases ---------------------------------------------------------------------------------------


def random_case(rng: random.Random, number: int) -> Case:
    rules = rng.choice(RULES)
    data = rng.choice(DATA)
    rule_text = rules.read_bytes()
    data_text = data.read_bytes()
    ballots = "phieu" in data.name
    what = rng.randrange(10)
    base = {}
    if ballots and (data.with_name("phieu-bau.turnout.toml")).exists():
        base["d.turnout.toml"] = data.with_name("phieu-bau.turnout.toml").read_bytes()
    flag = ["--ballots"] if ballots else []
    if what < 3:  # a mutated rules file, checked, tested, formatted or run
        command = rng.choice([["check"], ["test"], ["fmt", "--check"], ["show"], ["run", "-r"]])
        files = {"r.tn": mutate(rule_text, rng), **{b.name: b.read_bytes() for b in RULES}}
        return Case(f"{number}:rules:{rules.name}", files, [*command, "r.tn"])
    if what < 7:  # a mutated data file, run under a bundled rule set
        suffix = rng.choice([".csv", ".csv", ".json", ".toml"])
        body = mutate(data_text, rng)
        if suffix != ".csv":
            body = to_document(body, suffix, ballots, rng)
        if "d.turnout.toml" in base and rng.random() < 0.3:
            base["d.turnout.toml"] = mutate(base["d.turnout.toml"], rng)
        files = {f"d{suffix}": body, **base}
        fmt = rng.choice(["table", "json", "csv"])
        argv = ["run", *flag, "-d", f"d{suffix}", "-r", rules.stem, "-f", fmt]
        return Case(f"{number}:data:{data.name}{suffix}", files, argv)
    if what < 9:  # a workbook made from the data, one of its parts mutated
        files = {"d.xlsx": workbook(data_text, rng, mutate_parts=True), **base}
        argv = ["run", *flag, "-d", "d.xlsx", "-r", rules.stem]
        return Case(f"{number}:xlsx:{data.name}", files, argv)
    # a sweep with numbers from anywhere
    numbers = ["40%", "1e9", "1e-9", "1e99999999", "9" * 60, "-5%", "1/0", "0", "2/3", "100%"]
    argv = ["sweep", "qd96-2023", "-d", "d.csv", "--rule", "consequence.review"]
    argv += ["--from", rng.choice(numbers), "--to", rng.choice(numbers)]
    argv += ["--step", rng.choice(numbers)]
    return Case(
        f"{number}:sweep", {"d.csv": (DATA[0].with_name("phu-luc-2022.csv")).read_bytes()}, argv
    )


def to_document(text: bytes, suffix: str, ballots: bool, rng: random.Random) -> bytes:
    """CSV text as the JSON or TOML form, then mutated again."""
    import csv
    import json

    try:
        rows = list(csv.reader(io.StringIO(text.decode("utf-8", "replace"))))
    except csv.Error:
        rows = [["name"], ["x"]]
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    items = [dict(zip(header, row, strict=False)) for row in body[:300]]
    key = "ballots" if ballots else "rows"
    if suffix == ".json":
        document = json.dumps({key: items}, ensure_ascii=False).encode()
    else:
        import tomli_w

        clean = [{k: v for k, v in item.items() if k} for item in items]
        try:
            document = tomli_w.dumps({key: clean}).encode()
        except (TypeError, ValueError):
            document = b"[[rows]]\n"
    return mutate(document, rng)


def targeted_cases() -> Iterator[Case]:
    """The cases of issue 11, one each."""
    qd96 = (ROOT / "samples" / "rules" / "qd96-2023.tn").read_bytes()
    data = (ROOT / "samples" / "data" / "phu-luc-2022.csv").read_bytes()
    yield Case("t:extends-passwd", {"a.tn": b'ruleset "x" extends "pw.tn"\n'}, ["check", "a.tn"],
               {"pw.tn": "/etc/passwd"})  # fmt: skip
    yield Case("t:extends-environ", {"a.tn": b'ruleset "x" extends "e.tn"\n'}, ["check", "a.tn"],
               {"e.tn": "/proc/self/environ"})  # fmt: skip
    yield Case("t:extends-up", {"s/a/a.tn": b'ruleset "x" extends "../../p.tn"\n',
               "p.tn": b"root:x:0:0\n"}, ["check", "s/a/a.tn"])  # fmt: skip
    yield Case(
        "t:extends-bundled", {"a.tn": b'ruleset "x" extends "qd96-2023"\n'}, ["test", "a.tn"]
    )
    yield Case("t:fmt-bundled", {}, ["fmt", "--check", "qd96-2023"])
    yield Case("t:one-long-line", {"a.tn": qd96.replace(b"\n", b" ") * 20}, ["check", "a.tn"])
    for name, text in (
        ("csv", b"name,collected,cao,tn,thap\nAn," + b"9" * 5000 + b",1,1,1\n"),
        ("json", b'{"rows": [{"name": "An", "collected": ' + b"9" * 5000 + b"}]}"),
        ("toml", b'[[rows]]\nname = "An"\ncollected = ' + b"9" * 5000 + b"\n"),
    ):
        yield Case(f"t:digits-{name}", {f"d.{name}": text}, ["run", "-d", f"d.{name}"])
    yield Case(
        "t:ballots-cr", {"b.csv": b"An,Binh\rcao,tn\rtn,cao\r"}, ["run", "--ballots", "-d", "b.csv"]
    )
    yield Case("t:voter", {"b.csv": "Full name,An\nNguyễn Văn Bí Mật,cao\n".encode()},
               ["run", "--ballots", "-d", "b.csv"])  # fmt: skip
    book = workbook(data, random.Random(0), mutate_parts=False)
    dtd = b'<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet'
    xxe = b'<!DOCTYPE w [<!ENTITY a SYSTEM "file:///etc/passwd">]><worksheet'
    comment = b"<!--" + b" " * (60 << 20) + b"--><sheetData"
    changes: list[tuple[str, Callable[[bytes], bytes]]] = [
        ("dtd", lambda d: d.replace(b"<worksheet", dtd, 1)),
        ("xxe", lambda d: d.replace(b"<worksheet", xxe, 1)),
        ("digits", lambda d: d.replace(b"<v>", b"<v>" + b"9" * 5000, 1)),
        ("bomb", lambda d: d.replace(b"</worksheet>", b" " * (50 << 20) + b"</worksheet>")),
        ("comment", lambda d: d.replace(b"<sheetData", comment, 1)),
        ("cut", lambda d: d[: len(d) // 2]),
    ]
    for label, change in changes:
        files = {"d.xlsx": rebuild(book, "xl/worksheets/sheet1.xml", change)}
        yield Case(f"t:xlsx-{label}", files, ["run", "-d", "d.xlsx"])
    for option, value in (("--to", "1e99999999"), ("--step", "1e-99999999")):
        argv = ["sweep", "qd96-2023", "-d", "d.csv", "--rule", "consequence.review"]
        argv += ["--from", "40%", "--to", "50%", option, value]
        yield Case(f"t:sweep{option}", {"d.csv": data}, argv)
    yield Case("t:out-fifo", {"d.csv": data}, ["run", "-d", "d.csv", "-f", "csv", "-o", "fifo"])


def rebuild(book: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in source.infolist():
            data = source.read(info.filename)
            new.writestr(info.filename, change(data) if info.filename == member else data)
    return out.getvalue()


def cases(count: int, seed: int) -> Iterator[Case]:
    yield from targeted_cases()
    rng = random.Random(seed)
    for number in range(count):
        yield random_case(rng, number)


# --- running -------------------------------------------------------------------------------------


class Hang(BaseException):
    """Raised by the alarm: a BaseException, which no `except Exception` of the code catches."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def run_case(case: Case, folder: Path, seconds: int = HANG_SECONDS) -> Outcome:
    from tinnhiem.cli import main

    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name, target in case.links.items():
        (folder / name).symlink_to(target)
    if case.name == "t:out-fifo":
        os.mkfifo(folder / "fifo")
    here = os.getcwd()
    os.chdir(folder)
    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(case.argv)
        return Outcome(case.name, code, seconds=time.perf_counter() - start)
    except Hang:
        return Outcome(case.name, None, hang=True, seconds=time.perf_counter() - start)
    except SystemExit as exc:  # argparse
        code = exc.code if isinstance(exc.code, int) else 2
        return Outcome(case.name, code, seconds=time.perf_counter() - start)
    except BaseException:  # what the harness looks for
        return Outcome(case.name, None, traceback.format_exc(), seconds=time.perf_counter() - start)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        os.chdir(here)


def run(count: int, seed: int, seconds: int = HANG_SECONDS) -> list[Outcome]:
    saved = {k: os.environ.get(k) for k in ("TINNHIEM_MAX_DATA_MB", "NO_COLOR")}
    os.environ["TINNHIEM_MAX_DATA_MB"] = str(LIMIT_MB)
    os.environ["NO_COLOR"] = "1"
    outcomes = []
    try:
        for case in cases(count, seed):
            with tempfile.TemporaryDirectory(prefix="tinnhiem-fuzz-") as folder:
                outcomes.append(run_case(case, Path(folder), seconds))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return outcomes


def summary(outcomes: list[Outcome], elapsed: float) -> str:
    codes = Counter(o.code for o in outcomes if o.code is not None)
    tracebacks = [o for o in outcomes if o.traceback]
    hangs = [o for o in outcomes if o.hang]
    odd = [o for o in outcomes if o.code not in (0, 1, 2, None)]
    slowest = max(outcomes, key=lambda o: o.seconds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    lines = [
        f"cases: {len(outcomes)} in {elapsed:.0f} s",
        "exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(codes.items())),
        f"tracebacks: {len(tracebacks)}",
        f"hangs (over {HANG_SECONDS} s): {len(hangs)}",
        f"other exit codes: {len(odd)}",
        f"slowest case: {slowest.case} ({slowest.seconds:.1f} s)",
        f"peak memory: {peak} MB (resident, whole run)",
    ]
    for o in tracebacks[:5]:
        lines += [f"--- {o.case}", o.traceback.rstrip()[-2000:]]
    for o in hangs[:5]:
        lines.append(f"--- hang: {o.case}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    outcomes = run(args.cases, args.seed)
    print(summary(outcomes, time.perf_counter() - start))
    bad = [o for o in outcomes if o.code not in (0, 1, 2)]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
