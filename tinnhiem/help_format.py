"""The layout of `--help`, the same on every Python: 3.13 writes an option that takes a value
once for all its names ("--output, -o FILE"), 3.11 and 3.12 once for each ("--output FILE, -o
FILE"). tinnhiem writes it as 3.11 does everywhere, so that the help a user reads (and the tests
that pin it) do not change with the Python it runs on."""

from __future__ import annotations

import argparse


class HelpFormatter(argparse.HelpFormatter):
    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            (metavar,) = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        default = self._get_default_metavar_for_optional(action)
        args = self._format_args(action, default)
        return ", ".join(f"{option} {args}" for option in action.option_strings)


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as written (their examples keep their lines)."""
