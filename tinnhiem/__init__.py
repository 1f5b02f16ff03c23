"""tinnhiem: executable rules for confidence ratings (lấy phiếu tín nhiệm)."""

from pathlib import Path as _Path

__version__ = "0.1.0"

# In a checkout, `tinnhiem/` sits beside `rules/`, `engine/`, `tui/` and `samples/`, which are
# installed as its subpackages. When this folder is imported straight from the checkout (the
# current directory comes first on sys.path), let its subpackages resolve to those folders too.
_root = _Path(__file__).resolve().parent.parent
if (_root / "rules" / "grammar.lark").is_file() and str(_root) not in __path__:
    __path__.append(str(_root))
