"""pint is imported without loading dask (checker/extract/units.py), and dask imports as usual after."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
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
