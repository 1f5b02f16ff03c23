"""The tinnhiem rules language: parse, check, resolve `extends`, format."""

from .errors import Diagnostic, RuleError, RuleSyntaxError
from .parser import parse

__all__ = ["Diagnostic", "RuleError", "RuleSyntaxError", "parse"]
