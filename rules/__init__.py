"""The tinnhiem rules language: parse, check, resolve `extends`, format."""

from .errors import Diagnostic, RuleError, RuleSyntaxError
from .parser import parse
from .resolve import Loaded, Loader, disk_loader, load, load_text

__all__ = [
    "Diagnostic",
    "Loaded",
    "Loader",
    "RuleError",
    "RuleSyntaxError",
    "disk_loader",
    "load",
    "load_text",
    "parse",
]
