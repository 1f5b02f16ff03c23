"""Writing files whole or not at all, and never over the inputs.

A write goes to a temporary file in the target's folder, is flushed to disk, then renamed over
the target (`os.replace`, atomic on one file system): a reader sees the old file or the new one,
never half of it. Paths given in `protect` (the data and rule files of the run) are refused.
"""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from tinnhiem.engine.model import DataError, DataIssue, Origin

PathLike = str | os.PathLike[str]


class OutputError(DataError):
    """An output that cannot or must not be written; a `DataError` so that it exits with 2."""

    def __init__(self, path: PathLike, message: str) -> None:
        super().__init__([DataIssue("error", message, Origin(os.fspath(path)))])


def _same(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(path: PathLike, protect: Iterable[PathLike] = ()) -> Path:
    """The target as a `Path`, or `OutputError` if it is an input, a folder or has no folder."""
    target = Path(path)
    for guarded in protect:
        if _same(target, Path(guarded)):
            raise OutputError(
                target,
                f"refusing to write over the input file {os.fspath(guarded)}; "
                "choose another output file",
            )
    if target.is_dir():
        raise OutputError(target, "this is a folder; give a file name to write to")
    if not target.parent.is_dir():
        raise OutputError(target, f"the folder {os.fspath(target.parent)} does not exist")
    return target


@contextmanager
def atomic_file(path: PathLike, *, protect: Iterable[PathLike] = ()) -> Iterator[BinaryIO]:
    """A binary file to write `path` with, put in place whole when the block ends without error.

    `OutputError` if the target is refused or cannot be written; on any error the temporary
    file is removed and the target left as it was.
    """
    target = check_target(path, protect)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
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
        raise OutputError(target, f"cannot write the file: {exc.strerror or exc}") from None
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
