"""Writing files whole or not at all, and never over the inputs.

A write goes to a temporary file in the target's folder, is flushed to disk, then renamed over
the target (`os.replace`, atomic on one file system): a reader sees the old file or the new one,
never half of it. Paths given in `protect` (the data and rule files of the run) are refused.

A target that is a symbolic link is written through: the file it points to is replaced, the link
stays. A target that exists and is not a regular file (a device such as /dev/null, a pipe, a
socket) is refused: replacing it would turn it into a plain file. A write killed half-way leaves
its temporary file; the next write of the same target removes those older than a minute.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from tinnhiem.engine.model import DataError, DataIssue, Origin
from tinnhiem.rules.messages import Message, message

from .library import os_text

PathLike = str | os.PathLike[str]


class OutputError(DataError):
    """An output that cannot or must not be written; a `DataError` so that it exits with 2."""

    def __init__(self, path: PathLike, said: str | Message) -> None:
        super().__init__([DataIssue.of("error", said, Origin(os.fspath(path)))])


def _same(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


STALE_AFTER = 60  # seconds: an older temporary of the same target is from a killed write


def check_target(path: PathLike, protect: Iterable[PathLike] = ()) -> Path:
    """The file to write (a link's target), or `OutputError` if it is an input, a folder, not a
    regular file, or has no folder."""
    given = Path(path)
    for guarded in protect:
        if _same(given, Path(guarded)):
            raise OutputError(given, message("output.over_input", path=os.fspath(guarded)))
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(given, message("output.folder"))
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(given, message("output.not_regular"))
    if not target.parent.is_dir():
        raise OutputError(given, message("output.no_folder", path=os.fspath(target.parent)))
    return target


def _temporary(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def remove_stale(target: Path, now: float | None = None) -> list[Path]:
    """Remove the temporaries a killed write of `target` left (`.NAME.<8 hex>.tmp`, regular
    files older than `STALE_AFTER`); nothing else in the folder is touched."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{8}}\.tmp")
    limit = (time.time() if now is None else now) - STALE_AFTER
    removed = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    for name in names:
        if not pattern.fullmatch(name):
            continue
        stale = target.parent / name
        try:
            info = os.lstat(stale)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                stale.unlink()
                removed.append(stale)
        except OSError:
            continue
    return removed


@contextmanager
def atomic_file(path: PathLike, *, protect: Iterable[PathLike] = ()) -> Iterator[BinaryIO]:
    """A binary file to write `path` with, put in place whole when the block ends without error.

    `OutputError` if the target is refused or cannot be written; on any error the temporary
    file is removed and the target left as it was.
    """
    target = check_target(path, protect)
    remove_stale(target)
    temp = _temporary(target)
    try:
        # os.open with 0o666 lets the umask decide the mode, as for any new file
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            os.chmod(temp, target.stat().st_mode & 0o7777)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        error = os_text(exc)
        raise OutputError(path, message("output.cannot_write", error=error)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(
    path: PathLike, *, protect: Iterable[PathLike] = (), bom: bool = False
) -> Iterator[TextIO]:
    """`atomic_file` as UTF-8 text (with a byte-order mark if `bom`), newlines left as written."""
    with atomic_file(path, protect=protect) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=False)
        if bom:
            text.write("\ufeff")
        yield text
        text.flush()
        text.detach()


def write_bytes(path: PathLike, data: bytes, *, protect: Iterable[PathLike] = ()) -> None:
    """Write `data` to `path` atomically; `OutputError` if refused or impossible."""
    with atomic_file(path, protect=protect) as out:
        out.write(data)


def write_text(
    path: PathLike, text: str, *, protect: Iterable[PathLike] = (), bom: bool = False
) -> None:
    """Write UTF-8 text (with a byte-order mark if `bom`, as Excel likes its CSV) atomically."""
    data = text.encode("utf-8")
    write_bytes(path, b"\xef\xbb\xbf" + data if bom else data, protect=protect)
