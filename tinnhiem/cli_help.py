"""The end of each command's `--help`: examples that run on the bundled files, and what each exit
status means for that command. A test runs every example and checks its documented status."""

from __future__ import annotations

# (command line, exit status, what it shows); a status other than 0 is said after the words
Example = tuple[str, int, str]

EXAMPLES: dict[str, tuple[Example, ...]] = {
    "check": (
        ("tinnhiem check qd96-2023", 0, "check a bundled rule set: syntax, names, thresholds"),
        ("tinnhiem check --format json qd96-2023 nq96-2023", 0, "two files, diagnostics as JSON"),
    ),
    "fmt": (
        ("tinnhiem fmt qd96-2023", 0, "print a rule set in the canonical layout"),
        ("tinnhiem fmt --check qd96-2023 qd262-2014", 0, "say whether files are canonical"),
    ),
    "test": (
        ("tinnhiem test qd96-2023", 0, "run the examples written in a rule set"),
        ("tinnhiem test --coverage qd262-2014", 0, "and list the rules and thresholds they miss"),
        ("tinnhiem test -f json qd96-2023 nq96-2023", 0, "the outcome as JSON"),
    ),
    "show": (
        ("tinnhiem show qd96-2023", 0, "a rule set in plain words"),
        ("tinnhiem show --format toml nq96-2023", 0, "the resolved rule set as TOML"),
    ),
    "samples": (
        ("tinnhiem samples", 0, "copy the bundled files into ./tinnhiem-samples"),
        ("tinnhiem samples mau", 0, "into ./mau (rules/ and data/)"),
    ),
    "run": (
        ("tinnhiem run -r qd96-2023 -d phu-luc-2022", 0, "the bundled 2022 appendix, as a table"),
        (
            "tinnhiem run -r qd96-2023 -d phu-luc-2022 -f csv -o ket-qua.csv",
            0,
            "the same as CSV (UTF-8 with BOM, for Excel) in ket-qua.csv",
        ),
        ("tinnhiem run -r qd96-2023 --ballots -d phieu-bau", 0, "count ballots, one row each"),
        (
            "tinnhiem run -r qd96-2023 -d phu-luc-2022 -f docx -o phu-luc.docx",
            0,
            "a Word document laid out as an official appendix",
        ),
    ),
    "compare": (
        ("tinnhiem compare qd262-2014 qd96-2023 -d phu-luc-2022", 0, "who changes class"),
        (
            "tinnhiem compare qd262-2014 qd96-2023 -d phu-luc-2022 -f csv -o doi-loai.csv",
            0,
            "the people who change class, as CSV",
        ),
    ),
    "diff": (
        ("tinnhiem diff qd262-2014 qd96-2023", 1, "where two rule sets disagree"),
        ("tinnhiem diff qd96-2023 qd96-2023", 0, "a rule set against itself: no difference"),
        (
            "tinnhiem diff nq85-2014 nq96-2023 --lang vi -f md -o khac-nhau.md",
            1,
            "in Vietnamese, as Markdown in khac-nhau.md",
        ),
    ),
    "schedule": (
        ("tinnhiem schedule qd96-2023 --term 2021-2026", 0, "the vote calendar of a term"),
        (
            "tinnhiem schedule de-xuat-2-nam --term 2021-2026 -d thoi-gian-giu-chuc-vu",
            0,
            "and how often each person is rated, from their time in post",
        ),
        (
            "tinnhiem schedule qd96-2023 --term 2021-2026 -d thoi-gian-giu-chuc-vu -f csv "
            "-o lich.csv",
            0,
            "each person's votes as CSV",
        ),
    ),
    "sweep": (
        (
            "tinnhiem sweep qd96-2023 -d phu-luc-2022 --rule band.high --from 40% --to 60% "
            "--step 5%",
            0,
            "move the 50% of `band.high` and list who flips",
        ),
        (
            "tinnhiem sweep qd96-2023 -d phu-luc-2022 --rule consequence.review --from 30% "
            "--to 50% -f csv -o nguong.csv",
            0,
            "every step as CSV",
        ),
    ),
}

BAD = "2  bad usage, or input that cannot be used (said with its file, line or row, and column)"
UNUSED = "1  not used"

# what 0 and 1 mean for each command; 2 is the same for all
STATUS: dict[str, tuple[str, str]] = {
    "check": ("0  no errors (warnings allowed)", "1  a file has errors"),
    "fmt": (
        "0  printed, rewritten, or (--check) already canonical",
        "1  --check: a file is not canonical (its differences are printed)",
    ),
    "test": ("0  every example passes", "1  an example fails, or a file has errors"),
    "show": ("0  shown", UNUSED),
    "samples": ("0  copied (files already in DIR are kept)", UNUSED),
    "run": (
        "0  results printed or written; warnings on stderr do not change it",
        UNUSED + ": a person rated low is a result, not a failure",
    ),
    "compare": ("0  compared, whether or not anyone changes class", UNUSED),
    "diff": (
        "0  every block gives the same outcome for every tally",
        "1  a difference exists (shown with the smallest tally)",
    ),
    "schedule": ("0  calendar printed or written", UNUSED),
    "sweep": ("0  every step printed or written", UNUSED),
}


def epilog(command: str) -> str:
    lines = ["examples:"]
    for line, status, words in EXAMPLES[command]:
        lines += [f"  {line}", f"      {words}" + (f" (exit {status})" if status else "")]
    lines += ["", "exit status:", *(f"  {s}" for s in STATUS[command]), f"  {BAD}"]
    return "\n".join(lines)


MAIN = """examples:
  tinnhiem samples
      copy the bundled rule sets and data into ./tinnhiem-samples
  tinnhiem run -r qd96-2023 -d phu-luc-2022
      evaluate the bundled 2022 appendix under QĐ 96 (2023)
  tinnhiem run --help
      what a command does, its examples and exit statuses

exit status:
  0  success
  1  findings: check errors, failing examples, fmt --check differences, diff differences
  2  bad usage or bad input"""
