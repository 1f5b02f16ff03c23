"""`extends`: load a rule set and its bases, and apply each overlay's blocks over its base."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ast
from .errors import Diagnostic, RuleError, RuleSyntaxError, Severity, source_line
from .messages import Joined, Message, message
from .parser import parse

# (name as written after `extends`, path of the file that wrote it) -> (path, text)
Loader = Callable[[str, str], tuple[str, str]]
MAX_DEPTH = 16
MAX_RULES_BYTES = 1 << 20  # 1 MB: a whole regulation is a few KB
MAX_DIAGNOSTICS = 50  # diagnostics kept of one file; then "and N more"

# A bundled rule set named without `.tn` ("qd96-2023"): letters, digits, `-` and `_`, no folder.
_BUNDLED_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
# The first line of a rules file that is not blank or a comment.
_FIRST_STATEMENT = re.compile(r"\A(?:[ \t\r\f\v]*(?:#[^\n]*)?\n)*[ \t]*ruleset(?![\w])")


class NotRulesFile(OSError):
    """A file that is not a rules file: it is never read further, and nothing of it is shown."""


class TooBig(OSError):
    """A rules file over `MAX_RULES_BYTES`."""


def read_rules_file(path: str | Path, *, base: bool = False) -> str:
    """The one door through which a rules file is read.

    After resolving symbolic links the file must be a regular file (a pipe or a device would
    block or never end) no larger than `MAX_RULES_BYTES`. A base of `extends` must also end in
    `.tn` after resolving links and begin, after blank lines and comments, with `ruleset`: else it
    is `NotRulesFile`, so that a rules file from anyone can never make tinnhiem show another file
    (a link to /etc/passwd, /proc/self/environ). Errors: `OSError`, `UnicodeDecodeError`.
    """
    real = os.path.realpath(path)
    if base and not real.endswith(".tn"):
        raise NotRulesFile(errno.EINVAL, "not a rules file", str(path))
    # O_NONBLOCK: opening a pipe with no writer must not wait; the kind is checked on the open
    # file itself, so a file swapped after the check is still the one checked
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:  # named as the user wrote it, not where its links lead
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRulesFile(errno.EINVAL, "not a regular file (a pipe or a device)", str(path))
        data = handle.read(MAX_RULES_BYTES + 1)
    if len(data) > MAX_RULES_BYTES:
        raise TooBig(
            errno.EFBIG,
            f"larger than {MAX_RULES_BYTES // 2**20} MB, the limit of a rules file",
            str(path),
        )
    text = data.decode("utf-8-sig")
    if base and not _FIRST_STATEMENT.match(text):
        raise NotRulesFile(errno.EINVAL, "not a rules file", str(path))
    return text


def disk_loader(*search: str | Path) -> Loader:
    """Find a base beside the file that extends it, then in each of `search` (bundled rules).

    A name without `.tn` is a bundled rule set and is looked for in `search` only. A file found
    in a `search` folder is named by its file name (`qd96-2023.tn`), never by the folder it is
    installed in: that name is what messages and results show, and a base it extends in turn is
    looked for beside it. Every file goes through `read_rules_file`.
    """
    folders = tuple(map(Path, search))

    def beside(relative_to: str) -> Path:
        if not relative_to:
            return Path.cwd()
        given = Path(relative_to)
        if given.parent == Path(".") and not given.is_file():  # a bundled file, by its name
            return next((f for f in folders if (f / given.name).is_file()), Path.cwd())
        return given.parent

    def load(name: str, relative_to: str) -> tuple[str, str]:
        bundled_name = not name.endswith(".tn")
        file = f"{name}.tn" if bundled_name else name
        for folder in folders if bundled_name else (beside(relative_to), *folders):
            candidate = folder / file
            if os.path.lexists(candidate):
                text = read_rules_file(candidate, base=True)
                bundled = any(_same(folder, f) for f in folders)
                return (candidate.name if bundled else str(candidate)), text
        raise FileNotFoundError(name)

    return load


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


@dataclass(frozen=True)
class Loaded:
    """A file, its chain of bases, their texts and every diagnostic found on the way."""

    path: str
    resolved: ast.Resolved | None
    chain: tuple[ast.RuleSet, ...]
    texts: Mapping[str, str] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    def ok(self) -> ast.Resolved:
        """The resolved rule set, or `RuleError` with every error found."""
        if self.errors or self.resolved is None:
            raise RuleError(self.errors)
        return self.resolved


def _error(rs: ast.RuleSet, text: str, span: ast.Span, said: Message) -> Diagnostic:
    width = max(span.end_column - span.column, 1) if span.end_line == span.line else 1
    line = source_line(text, span.line)
    return Diagnostic("error", str(said), rs.path, span.line, span.column, line, width, said=said)


def load_chain(
    text: str, path: str, loader: Loader
) -> tuple[tuple[ast.RuleSet, ...], dict[str, str], list[Diagnostic]]:
    """Parse a file and every base it extends, stopping at the first broken link."""
    texts = {path: text}
    chain: list[ast.RuleSet] = []
    seen: list[str] = []
    current_text, current_path = text, path
    while True:
        try:
            rs = parse(current_text, current_path)
        except RuleSyntaxError as exc:
            if not chain:
                return tuple(chain), texts, list(exc.diagnostics)
            # a base that does not parse is not shown: its lines are quoted only when it is
            # named itself (`tinnhiem check base.tn`)
            over = chain[-1]
            n = sum(d.is_error for d in exc.diagnostics)
            key = "resolve.base_syntax.one" if n == 1 else "resolve.base_syntax.other"
            msg = message(key, base=over.extends, n=n, path=current_path)
            return tuple(chain), texts, [_error(over, texts[over.path], over.extends_span, msg)]
        chain.append(rs)
        seen.append(str(Path(current_path).resolve()) if current_path != "<string>" else path)
        if rs.extends is None:
            return tuple(chain), texts, []
        if len(chain) > MAX_DEPTH:
            msg = message("resolve.too_deep", n=MAX_DEPTH)
            return tuple(chain), texts, [_error(rs, current_text, rs.extends_span, msg)]
        wrong = _not_a_base(rs.extends)
        if wrong:
            return tuple(chain), texts, [_error(rs, current_text, rs.extends_span, wrong)]
        try:
            base_path, base_text = loader(rs.extends, current_path)
        except UnicodeDecodeError as exc:
            byte = f"0x{exc.object[exc.start]:02X}"
            msg = message("resolve.not_utf8", base=rs.extends, byte=byte, offset=exc.start)
            return tuple(chain), texts, [_error(rs, current_text, rs.extends_span, msg)]
        except (NotRulesFile, IsADirectoryError):
            msg = message("resolve.not_rules", base=rs.extends)
            return tuple(chain), texts, [_error(rs, current_text, rs.extends_span, msg)]
        except TooBig:
            msg = message("resolve.too_big", base=rs.extends, mb=MAX_RULES_BYTES // 2**20)
            return tuple(chain), texts, [_error(rs, current_text, rs.extends_span, msg)]
        except OSError:
            msg = message("resolve.not_found", base=rs.extends)
            return tuple(chain), texts, [_error(rs, current_text, rs.extends_span, msg)]
        if str(Path(base_path).resolve()) in seen:
            names = " -> ".join([*(Path(c.path).name for c in chain), Path(base_path).name])
            msg = message("resolve.cycle", names=names)
            return tuple(chain), texts, [_error(rs, current_text, rs.extends_span, msg)]
        texts[base_path] = base_text
        current_text, current_path = base_text, base_path


def _not_a_base(name: str) -> Message | None:
    """Why `extends "name"` cannot name a base: only a relative `.tn` file or a bundled name can.

    So a shared rules file can never make the tool read, and show a line of, any other file.
    """
    if _BUNDLED_NAME.match(name):
        return None
    path = Path(name)
    if path.suffix != ".tn":
        return message("resolve.not_tn", name=name)
    if path.is_absolute() or name.startswith(("/", "\\")) or ":" in name:
        return message("resolve.not_relative", name=name)
    return None


def apply_drop(
    drop: ast.Drop,
    exempts: tuple[ast.Exempt, ...],
    classifies: dict[str, Any],
    reports: dict[str, Any],
    examples: dict[str, Any],
) -> tuple[ast.Exempt, ...]:
    """One `drop` applied to what the chain holds so far, the same for `merge` and the checker:
    a named block leaves its table, an exemption leaves the tuple returned. `drop quorum` is the
    caller's, as each keeps the quorum in its own way."""
    if drop.kind == "exempt":
        return tuple(e for e in exempts if e.reason != drop.name)
    tables = {"classify": classifies, "report": reports, "example": examples}
    if drop.kind in tables:
        tables[drop.kind].pop(drop.name, None)
    return exempts


def merge(chain: tuple[ast.RuleSet, ...]) -> ast.Resolved | None:
    """Apply the overlays, base first; None when a required block (levels, basis) is missing."""
    origins: dict[str, str] = {}
    levels: ast.Levels | None = None
    maps: tuple[ast.LevelMap, ...] = ()
    basis: ast.Basis | None = None
    quorum: ast.Quorum | None = None
    schedule: ast.Schedule | None = None
    exempts: tuple[ast.Exempt, ...] = ()
    classifies: dict[str, ast.Classify] = {}
    reports: dict[str, ast.Report] = {}
    examples: dict[str, ast.Example] = {}
    sources: list[str] = []
    in_force: ast.InForce | None = None
    in_force_of = ""
    attributes: dict[str, ast.AttributeDecl] = {}
    for rs in reversed(chain):
        sources = [*rs.sources, *(s for s in sources if s not in rs.sources)]
        if rs.in_force is not None:
            in_force, origins["in_force"], in_force_of = rs.in_force, rs.path, rs.name
        # What a file drops goes before what it writes: `drop classify band` then a new `band`
        # block replaces it, as writing the block alone would.
        for drop in rs.of_type(ast.Drop):
            if drop.kind == "quorum":
                quorum = None
                origins.pop("quorum", None)
            exempts = apply_drop(drop, exempts, classifies, reports, examples)
            origins.pop(f"{drop.kind}:{drop.name}", None)
        for decl in rs.of_type(ast.AttributeDecl):
            attributes[decl.name], origins[f"attribute:{decl.name}"] = decl, rs.path
        new_levels = rs.of_type(ast.Levels)
        if new_levels:
            levels, origins["levels"] = new_levels[-1], rs.path
        if rs.of_type(ast.LevelMap):
            maps, origins["map"] = rs.of_type(ast.LevelMap), rs.path
        if rs.of_type(ast.Basis):
            basis, origins["basis"] = rs.of_type(ast.Basis)[-1], rs.path
        if rs.of_type(ast.Quorum):
            quorum, origins["quorum"] = rs.of_type(ast.Quorum)[-1], rs.path
        if rs.of_type(ast.Schedule):
            schedule, origins["schedule"] = rs.of_type(ast.Schedule)[-1], rs.path
        if rs.of_type(ast.Exempt):
            exempts, origins["exempt"] = rs.of_type(ast.Exempt), rs.path
        for block in rs.of_type(ast.Classify):
            classifies[block.id], origins[f"classify:{block.id}"] = block, rs.path
        for report in rs.of_type(ast.Report):
            reports[report.title], origins[f"report:{report.title}"] = report, rs.path
        for example in rs.of_type(ast.Example):
            examples[example.name], origins[f"example:{example.name}"] = example, rs.path
    if levels is None or basis is None:
        return None
    top = chain[0]
    return ast.Resolved(
        name=top.name,
        path=top.path,
        files=tuple(rs.path for rs in chain),
        sources=tuple(sources),
        levels=levels,
        maps=maps,
        basis=basis,
        quorum=quorum,
        schedule=schedule,
        exempts=exempts,
        classifies=tuple(classifies.values()),
        reports=tuple(reports.values()),
        examples=tuple(examples.values()),
        origins=origins,
        in_force=in_force,
        attributes=tuple(attributes.values()),
        extends_span=top.extends_span,
        in_force_of=in_force_of,
    )


def load_text(text: str, path: str, loader: Loader | None = None) -> Loaded:
    """Parse, resolve and check a rule set given as text."""
    from .checker import check  # the checker needs the chain; imported late to keep this light

    chain, texts, diagnostics = load_chain(text, path, loader or disk_loader())
    if diagnostics:
        return Loaded(path, None, chain, texts, capped(diagnostics))
    resolved = merge(chain)
    found = capped(check(chain, resolved, texts))
    return Loaded(path, resolved, chain, texts, found)


def capped(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The first `MAX_DIAGNOSTICS` diagnostics, then one that says how many more there were."""
    found = list(diagnostics)
    if len(found) <= MAX_DIAGNOSTICS:
        return tuple(found)
    kept, rest = found[:MAX_DIAGNOSTICS], found[MAX_DIAGNOSTICS:]
    errors = sum(d.is_error for d in rest)
    counts = (("more.errors", errors), ("more.warnings", len(rest) - errors))
    parts = [message(f"{key}.{'one' if n == 1 else 'other'}", n=n) for key, n in counts if n]
    said = message("more.and", parts=Joined(parts, word="more.and_between"))
    severity: Severity = "error" if errors else "warning"
    more = Diagnostic(severity, str(said), kept[-1].path, 0, 0, said=said)
    return (*kept, more)


def load(path: str | Path, loader: Loader | None = None) -> Loaded:
    """Read, parse, resolve and check a rule file (`OSError` if it cannot be read)."""
    return load_text(read_rules_file(path), str(path), loader)
