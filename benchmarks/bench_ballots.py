"""1,000,000 ballots x 20 people, from CSV to tallies: time and peak memory.

Each run happens in a fresh process so that its peak memory is its own (with that of the worker
processes a big file is counted in, when there are two cores or more). The floor is the plain
job in the same run: csv.reader and one collections.Counter per person, with no validation.
Targets (issue [4/5]): faster than the floor; under 40 MB; and 1.5x faster than DuckDB's wall
time on the same file (an UNPIVOT and GROUP BY of the CSV read as text, on every core), when
DuckDB is installed (`make bench` installs it: pyproject's `bench` extra). Each figure is the
best of three runs: the machine is shared.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from common import line, peak_rss_mb, timed

BALLOTS = 1_000_000
PEOPLE = 20
LEVELS = {"cao": "Tín nhiệm cao", "tn": "Tín nhiệm", "thap": "Tín nhiệm thấp"}


def generate(path: Path) -> None:
    rng = random.Random(2023)
    names = [f"Người {i + 1}" for i in range(PEOPLE)]
    choices = ["cao"] * 60 + ["tn"] * 30 + ["thap"] * 8 + [""] + ["cao+thap"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        for _ in range(BALLOTS):
            writer.writerow(rng.choices(choices, k=PEOPLE))
    path.with_suffix(".turnout.toml").write_text(
        f"members = {BALLOTS + 10}\npresent = {BALLOTS + 5}\nissued = {BALLOTS + 5}\n",
        encoding="utf-8",
    )


def ours(path: Path) -> int:
    from tinnhiem.engine.formats import read_ballots

    dataset = read_ballots(path, LEVELS)
    return sum(t.counts.get("cao", 0) for t in dataset.tallies)


def baseline(path: Path) -> int:
    from collections import Counter

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        names = next(reader)
        counters = [Counter[str]() for _ in names]
        for row in reader:
            for counter, cell in zip(counters, row, strict=True):
                counter[cell] += 1
    return sum(c["cao"] for c in counters)


def duck(path: Path) -> int:
    """The same count in DuckDB, on every core: each person's texts and how often each is there."""
    import duckdb

    query = """
        SELECT name, value, count(*) FROM (
            UNPIVOT (SELECT * FROM read_csv(?, all_varchar = true, header = true))
            ON COLUMNS(*) INTO NAME name VALUE value)
        GROUP BY ALL"""
    rows = duckdb.connect().execute(query, [str(path)]).fetchall()
    return sum(n for _, value, n in rows if value == "cao")


def measure(which: str, path: Path) -> None:
    import resource

    fn = {"ours": ours, "baseline": baseline, "duckdb": duck}[which]
    total, seconds = timed(lambda: fn(path))
    # the workers are children of the fork server: it reaps them, and its own usage (theirs
    # included) is ours once it has stopped and been reaped
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # type: ignore[attr-defined]
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_rss_mb(), "workers_mb": workers,
                      "cao": total}))  # fmt: skip


def best(which: str, path: Path, runs: int = 3) -> dict[str, float]:
    """The figures of the fastest of `runs` fresh processes doing `which`."""
    figures = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, which, str(path)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        figures.append(json.loads(out.stdout))
    return min(figures, key=lambda f: f["seconds"])


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ballots.csv"
        generate(path)
        size = path.stat().st_size / 1e6
        kinds = ["ours", "baseline"]
        if importlib.util.find_spec("duckdb") is not None:
            kinds.append("duckdb")
        figures = {which: best(which, path) for which in kinds}
        assert len({f["cao"] for f in figures.values()}) == 1, figures
        o, b = figures["ours"], figures["baseline"]
        ratio = o["seconds"] / b["seconds"]
        name = f"{BALLOTS:,} ballots x {PEOPLE} ({size:.0f} MB CSV): time"
        line(name, f"{ratio:.2f}x", "1x", "< 1x", ratio < 1)
        if "duckdb" in figures:
            d = figures["duckdb"]
            faster = d["seconds"] / o["seconds"]
            line(
                "  DuckDB's time / ours (wall, both on every core)",
                f"{faster:.2f}x",
                f"{d['seconds']:.2f} s",
                ">= 1.5x",
                faster >= 1.5,
            )
            line("  (our wall time; DuckDB's peak memory)", f"{o['seconds']:.2f} s",
                 f"{d['peak_mb']:.0f} MB", "")  # fmt: skip
        else:
            line("  DuckDB's time / ours", "-", "not installed", ">= 1.5x", False)
        line(
            "  peak memory (and of each worker)",
            f"{o['peak_mb']:.0f}+{o['workers_mb']:.0f} MB",
            f"{b['peak_mb']:.0f} MB",
            "40 MB",
            max(o["peak_mb"], o["workers_mb"]) < 40,
        )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        measure(sys.argv[1], Path(sys.argv[2]))
    else:
        main()
