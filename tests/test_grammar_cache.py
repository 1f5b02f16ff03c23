"""The analysed grammar is cached in the user's cache folder, and never needed for correctness."""

import os
import subprocess
import sys
from pathlib import Path

CODE = (
    "from tinnhiem.rules import parse\n"
    "print(parse('ruleset \"x\"  # c\\nbasis valid\\n').statements)\n"
)


def _run(env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout


def test_cache_is_written_in_the_user_cache_folder_and_gives_the_same_parse(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("TINNHIEM_NO_GRAMMAR_CACHE", None)
    first = _run(env)
    cached = list((tmp_path / "tinnhiem").glob("grammar-*.cache"))
    assert len(cached) == 1
    assert (tmp_path / "tinnhiem").stat().st_mode & 0o077 == 0
    assert _run(env) == first == "(Basis(kind='valid'),)\n"


def test_a_corrupt_or_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "tinnhiem"
    folder.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("TINNHIEM_NO_GRAMMAR_CACHE", None)
    _run(env)
    for cached in folder.glob("grammar-*.cache"):
        cached.write_bytes(b"garbage\n")
    assert _run(env) == "(Basis(kind='valid'),)\n"
    env["XDG_CACHE_HOME"] = str(tmp_path / "file-not-folder")
    (tmp_path / "file-not-folder").write_text("x")
    assert _run(env) == "(Basis(kind='valid'),)\n"
