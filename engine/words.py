"""The engine's words, said through the one message catalog (`tinnhiem.rules.messages`).

English is the default: the CLI, its JSON and the traces use it. The terminal UI and a Vietnamese
locale ask for Vietnamese, so that a "why" reads in one language: why a rule matched or not
(`Step.because`), why a value is unknown, why a vote is invalid (`Result.reason`).
"""

from __future__ import annotations

from tinnhiem.rules.messages import CATALOG as WORDS
from tinnhiem.rules.messages import LANGS, Lang, Message, Said, message, plural, say

__all__ = ["LANGS", "WORDS", "Lang", "Message", "Said", "message", "plural", "say"]
