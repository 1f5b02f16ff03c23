"""The end of each command's `--help`: examples that run on the bundled files, and what each exit
status means for that command. A test runs every example and checks its documented status."""

from __future__ import annotations

from tinnhiem.rules.messages import say

# (command line, exit status, the key of what it shows); a status other than 0 is said after the
# words, which are in the catalog (`rules/messages/usage.py`) in English and Vietnamese
Example = tuple[str, int, str]

EXAMPLES: dict[str, tuple[Example, ...]] = {
    "check": (
        ("tinnhiem check qd96-2023", 0, "example.check.0"),
        ("tinnhiem check --format json qd96-2023 nq96-2023", 0, "example.check.1"),
    ),
    "fmt": (
        ("tinnhiem fmt qd96-2023", 0, "example.fmt.0"),
        ("tinnhiem fmt --check qd96-2023 qd262-2014", 0, "example.fmt.1"),
    ),
    "test": (
        ("tinnhiem test qd96-2023", 0, "example.test.0"),
        ("tinnhiem test --coverage qd262-2014", 0, "example.test.1"),
        ("tinnhiem test -f json qd96-2023 nq96-2023", 0, "example.test.2"),
    ),
    "show": (
        ("tinnhiem show qd96-2023", 0, "example.show.0"),
        ("tinnhiem show --format toml nq96-2023", 0, "example.show.1"),
    ),
    "samples": (
        ("tinnhiem samples", 0, "example.samples.0"),
        ("tinnhiem samples mau", 0, "example.samples.1"),
    ),
    "run": (
        ("tinnhiem run -r qd96-2023 -d phu-luc-2022", 0, "example.run.0"),
        (
            "tinnhiem run -r qd96-2023 -d phu-luc-2022 -f csv -o ket-qua.csv",
            0,
            "example.run.1",
        ),
        ("tinnhiem run -r qd96-2023 --ballots -d phieu-bau", 0, "example.run.2"),
        (
            "tinnhiem run -r qd96-2023 -d phu-luc-2022 -f docx -o phu-luc.docx",
            0,
            "example.run.3",
        ),
    ),
    "compare": (
        ("tinnhiem compare qd262-2014 qd96-2023 -d phu-luc-2022", 0, "example.compare.0"),
        (
            "tinnhiem compare qd262-2014 qd96-2023 -d phu-luc-2022 -f csv -o doi-loai.csv",
            0,
            "example.compare.1",
        ),
    ),
    "diff": (
        ("tinnhiem diff qd262-2014 qd96-2023", 1, "example.diff.0"),
        ("tinnhiem diff qd96-2023 qd96-2023", 0, "example.diff.1"),
        (
            "tinnhiem diff nq85-2014 nq96-2023 --lang vi -f md -o khac-nhau.md",
            1,
            "example.diff.2",
        ),
    ),
    "schedule": (
        ("tinnhiem schedule qd96-2023 --term 2021-2026", 0, "example.schedule.0"),
        (
            "tinnhiem schedule de-xuat-2-nam --term 2021-2026 -d thoi-gian-giu-chuc-vu",
            0,
            "example.schedule.1",
        ),
        (
            "tinnhiem schedule qd96-2023 --term 2021-2026 -d thoi-gian-giu-chuc-vu -f csv "
            "-o lich.csv",
            0,
            "example.schedule.2",
        ),
    ),
    "sweep": (
        (
            "tinnhiem sweep qd96-2023 -d phu-luc-2022 --rule band.high --from 40% --to 60% "
            "--step 5%",
            0,
            "example.sweep.0",
        ),
        (
            "tinnhiem sweep qd96-2023 -d phu-luc-2022 --rule consequence.review --from 30% "
            "--to 50% -f csv -o nguong.csv",
            0,
            "example.sweep.1",
        ),
    ),
}


# the commands whose 1 means something (else: "1  not used"); 2 is the same for all
FINDS = ("check", "fmt", "test", "run", "diff")


def epilog(command: str, lang: str = "en") -> str:
    lines = [say(lang, "epilog.examples")]
    for line, status, key in EXAMPLES[command]:
        after = " " + say(lang, "epilog.exit", n=status) if status else ""
        lines += [f"  {line}", f"      {say(lang, key)}{after}"]
    one = f"exit.{command}.1" if command in FINDS else "exit.unused"
    statuses = (say(lang, f"exit.{command}.0"), say(lang, one), say(lang, "exit.bad"))
    lines += ["", say(lang, "epilog.exit_status"), *(f"  {s}" for s in statuses)]
    return "\n".join(lines)


def main_epilog(lang: str = "en") -> str:
    """The end of `tinnhiem --help`."""
    examples = (
        ("tinnhiem samples", "main.samples"),
        ("tinnhiem run -r qd96-2023 -d phu-luc-2022", "main.run"),
        ("tinnhiem run --help", "main.help"),
    )
    lines = [say(lang, "epilog.examples")]
    for line, key in examples:
        lines += [f"  {line}", f"      {say(lang, key)}"]
    lines += ["", say(lang, "epilog.exit_status")]
    lines += [f"  {say(lang, f'main.exit.{n}')}" for n in range(3)]
    return "\n".join(lines)
