"""Peak memory of `claimcheck extract` and `check` against the size of what they write, for this
checkout and another revision, on the same inputs in the same run.

    python benchmarks/output_memory.py --base f4cfb12 [--mb 1 4]

Inputs, generated (dense input is the worst case: a claim every two characters):
  dense-N     one file of N MB of "1 1 1 …"
  folder-N    N files of 1 MB each of the same
  corpus-N    N MB of the benchmark corpus (benchmarks/corpus.py), in one file
Each run is a fresh process (``python -m checker``) whose peak resident set size is read from
``getrusage(RUSAGE_CHILDREN)`` — measured in a child of its own, so one run's peak does not hide
the next's. The other revision is checked out into a temporary git worktree. Nothing here is a
test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEAK = """
import resource, subprocess, sys, json, time
t = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(json.dumps({"code": code, "seconds": time.perf_counter() - t,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def _inputs(tmp: Path, sizes: list[int]) -> dict[str, list[Path]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus

    out: dict[str, list[Path]] = {}
    for n in sizes:
        dense = tmp / f"dense-{n}.txt"
        dense.write_text("1 " * (n * 500_000), encoding="utf-8")
        out[f"dense-{n}"] = [dense]
        folder = tmp / f"folder-{n}"
        folder.mkdir()
        for i in range(n):
            (folder / f"part{i}.txt").write_text("1 " * 500_000, encoding="utf-8")
        out[f"folder-{n}"] = [folder]
        text = tmp / f"corpus-{n}.txt"
        corpus.main(["--size-mb", str(n), "--out", str(text)])
        out[f"corpus-{n}"] = [text]
    return out


def _run(root: Path, argv: list[str], out: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(root)}
    cmd = [sys.executable, "-c", PEAK, sys.executable, "-m", "checker", *argv, "-o", str(out)]
    result = json.loads(subprocess.run(cmd, env=env, capture_output=True, text=True, check=True,
                                       cwd=tempfile.gettempdir()).stdout)
    result["output_mb"] = out.stat().st_size / 1e6 if out.exists() else 0.0
    out.unlink(missing_ok=True)
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="the revision to compare with")
    ap.add_argument("--mb", type=int, nargs="+", default=[1, 4])
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base), args.base], check=True)
        try:
            inputs = _inputs(tmp, args.mb)
            rows = []
            for name, paths in inputs.items():
                for command in (["extract", "--format", "jsonl"], ["check", "--format", "json"]):
                    if command[0] == "check" and name.startswith("dense") and int(name.split("-")[1]) > 1:
                        continue                  # (minutes of checking a few million "1"s say nothing more)
                    argv_ = [*command, *map(str, paths)]
                    for side, root in (("base", base), ("this", ROOT)):
                        r = _run(root, argv_, tmp / "out")
                        rows.append({"input": name, "command": command[0], "side": side, **r})
                        print(f"{name:<10} {command[0]:<8} {side:<5} peak {r['peak_mb']:8.0f} MB  output "
                              f"{r['output_mb']:8.1f} MB  {r['seconds']:6.1f} s  exit {r['code']}", flush=True)
            print(json.dumps({"benchmark": "output_memory", "base": args.base, "date": time.strftime("%Y-%m-%d"),
                              "rows": rows}))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)


if __name__ == "__main__":
    main()
