"""The `tinnhiem` command line."""

import sys


def main(argv: list[str] | None = None) -> int:
    print("tinnhiem", argv or sys.argv[1:])
    return 0
