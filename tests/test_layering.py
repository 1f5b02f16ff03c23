"""The core never imports the UI: `rules` imports nothing of ours, `engine` only `rules`."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["tinnhiem.rules", "tinnhiem.engine"])
def test_core_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, importlib, pkgutil, {module} as m\n"
        "for info in pkgutil.walk_packages(m.__path__, m.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')))\n"
        "print(sorted(n for n in sys.modules if n.startswith('tinnhiem.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "[]"
    ours = eval(out[1])
    if module == "tinnhiem.rules":
        assert all(n.startswith("tinnhiem.rules") for n in ours), ours
    else:
        assert all(n.startswith(("tinnhiem.rules", "tinnhiem.engine")) for n in ours), ours


def test_grammar_is_package_data() -> None:
    from importlib.resources import files

    text = files("tinnhiem.rules").joinpath("grammar.lark").read_text(encoding="utf-8")
    assert text.startswith("// The tinnhiem rules language")


@pytest.mark.parametrize("module", ["tinnhiem.rules", "tinnhiem.engine"])
def test_core_imports_the_solver_only_when_asked(module: str) -> None:
    """The SMT solver (z3, the `diff` extra) is imported by `rules.logic` on first question."""
    code = (
        f"import sys, importlib, pkgutil, {module} as m\n"
        "for info in pkgutil.walk_packages(m.__path__, m.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "print('z3' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "False\n"


def test_run_never_loads_the_solver() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from tinnhiem.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['run'])\n"
        "print('z3' in sys.modules, 'tinnhiem.rules.logic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "False False\n"
