"""Errors of the command line and the app that are not errors of the rules or of the data."""


class UsageError(Exception):
    """A bad argument: the message says what was given and what is expected."""
