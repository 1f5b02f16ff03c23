"""Errors of the command line and the app that are not errors of the rules or of the data."""

from tinnhiem.rules.messages import Message


class UsageError(Exception):
    """A bad argument: the message says what was given and what is expected, in the reader's
    language when it is a message of the catalog (`str()` is English)."""

    def __init__(self, said: str | Message) -> None:
        super().__init__(str(said))
        self.message = said

    def said(self, lang: str) -> str:
        return self.message.said(lang) if isinstance(self.message, Message) else str(self.message)
