"""The data layers never import Textual, so `list` and `validate` start fast and need no terminal."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import skynet_tui

# Every module of the package but `skynet_tui.app`, the one layer that may use Textual, and
# `__main__`, which runs the command line (tested below).
DATA_MODULES = sorted(
    module.name for module in pkgutil.iter_modules(skynet_tui.__path__) if module.name not in {"app", "__main__"}
)

CHECK = """
import sys
{code}
leaked = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
print("LEAKED" if leaked else "CLEAN", leaked[:5])
"""


def textual_after(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", CHECK.format(code=code)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("module", DATA_MODULES)
def test_data_module_does_not_import_textual(module):
    assert textual_after(f"import skynet_tui.{module}").startswith("CLEAN")


@pytest.mark.parametrize("command", [["list", "--format", "json"], ["list"], ["validate"], ["results"]])
def test_list_and_validate_do_not_import_textual(small_path, command):
    args = [*command, str(small_path)] if command == ["validate"] else [*command, "--events", str(small_path)]
    code = f"from skynet_tui.cli import main\nassert main({args!r}) == 0"
    assert textual_after(code).splitlines()[-1].startswith("CLEAN")


def test_the_list_of_data_modules_is_complete():
    assert {"model", "catalog", "query", "search", "cli"} <= set(DATA_MODULES)


def test_the_check_sees_textual_when_it_is_imported():
    """The probe itself can fail: importing Textual is noticed."""
    assert textual_after("import textual.app").startswith("LEAKED")


def test_a_load_from_the_cache_does_not_import_pyyaml(small_path, tmp_path):
    """PyYAML is only for parsing; a repeat launch reads the cache and starts sooner without it."""
    code = f"""
import os, sys
os.environ["SKYNET_TUI_CACHE_DIR"] = {str(tmp_path)!r}
from skynet_tui.loader import load_catalog
load_catalog({str(small_path)!r})
print(sorted(name for name in sys.modules if name == "yaml" or name.startswith("yaml.")))
"""
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60) for _ in "12"]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    first, repeat = (run.stdout.strip() for run in runs)
    assert "'yaml'" in first  # the first load parses
    assert repeat == "[]"
