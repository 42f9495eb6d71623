"""Run as the program, claimcheck imports pint without loading dask (checker/extract/units.py),
and dask imports as usual after; used as a library, it leaves pint as it is."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from checker.extract import units
units.pint_without_dask()              # as checker.cli.main does when run as the program
from checker.extract.units import canonical
assert canonical("kilometer ** 2") == "km**2"
assert "dask" not in sys.modules, "pint loaded dask"
import dask
import dask.distributed
print("ok")
"""


@pytest.mark.skipif(importlib.util.find_spec("dask") is None, reason="dask is not installed")
def test_pint_is_loaded_without_dask_and_dask_still_imports():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


LIBRARY = """
import sys
from checker.extract.units import canonical
assert canonical("kilometer ** 2") == "km**2"
import pint.compat
print(pint.compat.HAS_DASK)
"""


@pytest.mark.skipif(importlib.util.find_spec("dask") is None, reason="dask is not installed")
def test_used_as_a_library_pint_is_left_as_it_is():
    out = subprocess.run([sys.executable, "-c", LIBRARY], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"


@pytest.mark.skipif(importlib.util.find_spec("dask") is None, reason="dask is not installed")
def test_the_program_runs_without_loading_dask(tmp_path):
    (tmp_path / "a.txt").write_text("面积3平方公里，派出维和警察2455人。", encoding="utf-8")
    script = ("import runpy, sys; sys.argv = ['claimcheck', 'extract', sys.argv[1]]\n"
              "try:\n    runpy.run_module('checker', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "assert 'pint' in sys.modules and 'dask' not in sys.modules, 'dask loaded'\n")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.txt")], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "km" in out.stdout
