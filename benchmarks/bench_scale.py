"""Issue [4/5], scale: `tinnhiem run` on big tallies files, each beside a plain-stdlib floor.

Every figure is the whole `tinnhiem` process (wall time, peak resident memory of that process)
beside a floor measured in the same run on the same file: a short stdlib script that does the
same job by hand (csv.DictReader, Fraction, the two classify blocks of QĐ 96, and the output),
with no validation, no traces and no reports. Ratios are what the targets are about; absolute
times depend on the machine and its load.

    python bench_scale.py            every figure
    python bench_scale.py quick      10x fewer people (a smoke run)
    BENCH_ONLY="csv jsonl" python bench_scale.py     some of them (json table csv jsonl xlsx)
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from common import line

SCALE = 10 if sys.argv[1:] == ["quick"] else 1
HEADERS = ["id", "name", "position", "group", "members", "present", "collected"]
HEADERS += ["cao", "tn", "thap"]


def generate(path: Path, people: int) -> None:
    """A tallies file in the layout of the offices' roll-ups (seeded: the same file every run)."""
    rng = random.Random(96)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for i in range(people):
            members = rng.randint(25, 70)
            present = members - rng.randint(0, members // 3 + 1)  # a few below the quorum
            thap = rng.randint(0, present)
            tn = rng.randint(0, present - thap)
            cao = present - thap - tn
            writer.writerow(
                [f"P{i}", f"Người {i}", "Giám đốc Sở", f"Nhóm {i % 7}", members, present,
                 present, cao, tn, thap]
            )  # fmt: skip


# --- the floors: the same job by hand, in this same interpreter -----------------------------

TWO_THIRDS, HALF = Fraction(2, 3), Fraction(1, 2)


def _classes(row: dict[str, str]) -> tuple[str, str | None, str | None, dict[str, Fraction]]:
    """(status, consequence, band, shares) of one row under QĐ 96's quorum and two blocks."""
    if Fraction(int(row["present"]), int(row["members"])) < TWO_THIRDS:
        return "invalid", None, None, {}
    basis = int(row["collected"])
    shares = {level: Fraction(int(row[level]), basis) for level in ("cao", "tn", "thap")}
    thap = shares["thap"]
    consequence = "dismiss" if thap >= TWO_THIRDS else "review" if thap > HALF else "none"
    cao, both = shares["cao"], shares["cao"] + shares["tn"]
    band = "high" if cao >= HALF else "mid" if both >= HALF else "low"
    return "evaluated", consequence, band, shares


def _record(row: dict[str, str]) -> dict[str, object]:
    status, consequence, band, shares = _classes(row)
    return {
        "id": row["id"],
        "name": row["name"],
        "status": status,
        "counts": {level: int(row[level]) for level in ("cao", "tn", "thap")},
        "shares": {k: f"{v.numerator}/{v.denominator}" for k, v in shares.items()},
        "classes": {"consequence": consequence, "band": band},
    }


def floor_json(data: Path, out: Path) -> None:
    """The issue's floor: one json.dump of the whole document."""
    with data.open(encoding="utf-8", newline="") as handle:
        document = {"results": [_record(row) for row in csv.DictReader(handle)]}
    with out.open("w", encoding="utf-8") as sink:
        json.dump(document, sink, ensure_ascii=False)


def floor_jsonl(data: Path, out: Path) -> None:
    with data.open(encoding="utf-8", newline="") as handle, out.open("w", encoding="utf-8") as sink:
        for row in csv.DictReader(handle):
            sink.write(json.dumps(_record(row), ensure_ascii=False) + "\n")


def floor_csv(data: Path, out: Path) -> None:
    with data.open(encoding="utf-8", newline="") as handle, out.open("w", encoding="utf-8") as sink:
        writer = csv.writer(sink)
        writer.writerow(["id", "name", "cao", "tn", "thap", "consequence", "band", "status"])
        for row in csv.DictReader(handle):
            status, consequence, band, _ = _classes(row)
            writer.writerow(
                [row["id"], row["name"], row["cao"], row["tn"], row["thap"], consequence, band,
                 status]
            )  # fmt: skip


FLOORS = {"json": floor_json, "jsonl": floor_jsonl, "csv": floor_csv}


# --- measuring one process ------------------------------------------------------------------


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one child process (its own peak, from wait4)."""
    # the big files are above the default size limit of tallies files: lifted for the benchmark
    env = {**os.environ, "TINNHIEM_MAX_DATA_MB": "10000"}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    assert process.stderr is not None
    errors = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors}")
    return seconds, usage.ru_maxrss / 1024


def ours(data: Path, fmt: str, out: Path | None, *extra: str) -> list[str]:
    command = [sys.executable, "-m", "tinnhiem", "run", "-r", "qd96-2023", "-d", str(data)]
    command += ["-f", fmt, *extra]
    return command + (["-o", str(out)] if out else [])


def floor(fmt: str, data: Path, out: Path) -> list[str]:
    return [sys.executable, __file__, "floor", fmt, str(data), str(out)]


def compare(name: str, fmt: str, data: Path, folder: Path, ratio: float, peak: float) -> None:
    out = folder / f"out.{fmt}"
    seconds, mb = measure(ours(data, fmt, out))
    base, base_mb = measure(floor(fmt, data, folder / f"floor.{fmt}"))
    line(f"{name}: time", f"{seconds / base:.2f}x", "1x", f"<= {ratio:g}x", seconds <= ratio * base)
    line("  wall time", f"{seconds:.1f} s", f"{base:.1f} s", "", None)
    line("  peak memory", f"{mb:.0f} MB", f"{base_mb:.0f} MB", f"< {peak:g} MB", mb < peak)


def xlsx(folder: Path, data: Path) -> None:
    """Reading a workbook of tallies (calamine) beside openpyxl's own read-only loop."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Kết quả")
    with data.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle)):
            sheet.append(row if number == 0 else [*row[:4], *map(int, row[4:])])
    path = folder / "tallies.xlsx"
    book.save(path)
    seconds, mb = measure([sys.executable, __file__, "read", str(path)])
    base, base_mb = measure([sys.executable, __file__, "openpyxl", str(path)])
    line(
        f"{100_000 // SCALE:,} people, read from XLSX vs openpyxl's loop",
        f"{seconds / base:.2f}x",
        "1x",
        "< 1x",
        seconds < base,
    )
    line("  peak memory", f"{mb:.0f} MB", f"{base_mb:.0f} MB", "", None)


def read_xlsx(path: Path) -> None:
    from tinnhiem.engine.formats import read_tallies

    read_tallies(path, {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"})


def openpyxl_loop(path: Path) -> None:
    """What reading a sheet cost before (openpyxl, read-only), with nothing checked."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _ in book.worksheets[0].iter_rows(values_only=True):
        pass


def main() -> None:
    only = os.environ.get("BENCH_ONLY", "json table csv jsonl xlsx").split()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        data = folder / "100k.csv"
        people = 100_000 // SCALE
        if "json" in only:
            generate(data, people)
            compare(f"{people:,} people, run -f json (traces)", "json", data, folder, 5, 300)
        if "xlsx" in only:
            generate(data, people)
            xlsx(folder, data)
        if "table" in only:
            table_vs_csv(folder)
        data = folder / "1m.csv"
        people = 1_000_000 // SCALE
        if {"csv", "jsonl"} & set(only):
            generate(data, people)
        for fmt in ("csv", "jsonl"):
            if fmt in only:
                compare(f"{people:,} people, run -f {fmt}", fmt, data, folder, 3, 500)


def table_vs_csv(folder: Path) -> None:
    """The default output (a table on the terminal) beside CSV of the same run: the best of
    three runs of each (a run takes a second or two: one run is at the mercy of the machine)."""
    data = folder / "35k.csv"
    people = 35_000 // SCALE
    generate(data, people)
    table = min(measure(ours(data, "table", None))[0] for _ in range(3))
    as_csv = min(measure(ours(data, "csv", None))[0] for _ in range(3))
    line(
        f"{people:,} people, table output vs csv: time",
        f"{table / as_csv:.2f}x",
        "1x",
        "<= 2x",
        table <= 2 * as_csv,
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["floor"]:
        FLOORS[sys.argv[2]](Path(sys.argv[3]), Path(sys.argv[4]))
    elif sys.argv[1:2] == ["read"]:
        read_xlsx(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["openpyxl"]:
        openpyxl_loop(Path(sys.argv[2]))
    else:
        main()
