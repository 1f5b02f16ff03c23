"""Errors of the command line and the app that are not errors of the rules or of the data."""

from tinnhiem.rules.messages import MessageError


class UsageError(MessageError):
    """A bad argument: the message says what was given and what is expected, in the reader's
    language (`said(lang)`)."""
