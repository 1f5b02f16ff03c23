"""The `tinnhiem-tui` console script."""


def main() -> int:
    return 0
