"""What loading the rules and the configuration adds to a run (target: under 50 ms).

    .venv/bin/python benchmarks/loading.py

Each measurement runs in a fresh interpreter that has already imported the engine (a run needs
it anyway) and then times only the loading: the vocabulary (rules/*.yaml), the rule catalogue and,
when present, the configuration search. It is set beside the start of the interpreter itself,
the named alternative every run pays. Best of 7; the machine is shared and noisy.
"""

from __future__ import annotations

import subprocess
import sys
import time

LOAD = """
import time
import checker.cli, checker.engine, checker.extract
t = time.perf_counter()
from checker.vocab import vocabulary
from checker.engine.catalogue import catalogue
vocabulary(); catalogue()
try:
    from pathlib import Path
    from checker.config import load_config
    load_config(Path("."))
except ImportError:
    pass
print(time.perf_counter() - t)
"""


def main() -> None:
    runs = 7
    start = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        start.append(time.perf_counter() - t)
    load = [float(subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True).stdout)
            for _ in range(runs)]
    python, rules = min(start), min(load)
    print(f"interpreter start (the alternative): {python * 1000:.1f} ms")
    print(f"rules, vocabulary and configuration loading: {rules * 1000:.1f} ms = {rules / python:.2f}x the "
          f"interpreter start (target < 50 ms: {'PASS' if rules < 0.05 else 'MISS'})")


if __name__ == "__main__":
    main()
