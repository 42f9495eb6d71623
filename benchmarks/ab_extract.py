"""Extraction speed of this checkout against another revision, on the same text, in one run.

    python benchmarks/ab_extract.py --base ec8f6d8 [--size-mb 2] [--rounds 5] [--text FILE] [--cpu]
    python benchmarks/ab_extract.py --base ec8f6d8 --instructions [--size-mb 0.2] [--text FILE]

The other revision is checked out into a temporary git worktree. Each round times
``extract_text`` on the whole text (the better of two passes) in a fresh process for each side,
alternating base and this checkout (and which goes first), so that the load of a shared machine
falls on both alike; the best of the rounds is reported for each, with the ratio. The text is the
benchmark corpus (benchmarks/corpus.py, same seed, same bytes) unless --text names a file. With
--cpu the process's CPU time is timed instead of the wall clock: on a machine that other jobs
load, waiting for a core is not counted. On a shared virtual machine even CPU time of identical
code varies by ±20 % between runs (an A/A run, ``--base HEAD``, gave x1.115 here): run it with
``--base HEAD`` too, and trust only a ratio well outside what that gives. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
clock = time.process_time if sys.argv[3] == "cpu" else time.perf_counter
from checker.extract import extract_text
text = open(sys.argv[2], encoding="utf-8").read()
extract_text(text[:200000])       # imports, compiled patterns and the unit registry are not timed
best = None
for _ in range(2):                              # the first pass also grows the process's heap
    t = clock()
    claims = extract_text(text)
    seconds = clock() - t
    best = seconds if best is None else min(best, seconds)
print(json.dumps({"seconds": best, "claims": len(claims)}))
"""
# Under valgrind (--instructions): the machine instructions of one extract_text of the text,
# counted by callgrind with instrumentation switched on around the call only (the start-up,
# imports and warm-up run uninstrumented, so a count takes seconds, not minutes). The count is
# the same from run to run (±0.1 %: string hashing is randomised) however loaded the machine is.
COUNTER = """
import gc, os, subprocess, sys
sys.path.insert(0, sys.argv[1])
from checker.extract import extract_text, fallback
text = open(sys.argv[2], encoding="utf-8").read()
extract_text(open(sys.argv[3], encoding="utf-8").read()[:40000])    # patterns, registry, heaps
fallback._parser().get_date_data("the 9th of september")          # dateparser's first call builds its tables
subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
claims = extract_text(text)
_ = [[] for _ in range(1000)]        # the collection its objects cost is part of its cost
subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)
print(len(claims))
"""


def _count(root: Path, text: Path, warm: Path) -> dict:
    out = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null",
                          sys.executable, "-c", COUNTER, str(root), str(text), str(warm)],
                         check=True, capture_output=True, text=True, cwd=root)
    collected = re.search(r"Collected : (\d+)", out.stderr)
    if collected is None:
        raise SystemExit(f"ab_extract.py: callgrind counted nothing:\n{out.stderr[-2000:]}")
    return {"instructions": int(collected.group(1)), "claims": int(out.stdout.split()[-1])}


def _time(root: Path, text: Path, clock: str) -> dict:
    out = subprocess.run([sys.executable, "-c", TIMER, str(root), str(text), clock], check=True,
                         capture_output=True, text=True, cwd=root)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="the revision to compare with (a commit, tag or branch)")
    ap.add_argument("--size-mb", type=float, default=2.0)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--text", type=Path, help="a text file to extract from instead of the corpus")
    ap.add_argument("--cpu", action="store_true", help="time CPU seconds, not wall seconds")
    ap.add_argument("--instructions", action="store_true",
                    help="count machine instructions under valgrind instead of timing (deterministic; "
                         "use a text of a few hundred KB: --size-mb 0.2)")
    args = ap.parse_args(argv)
    if args.instructions and (shutil.which("valgrind") is None or shutil.which("callgrind_control") is None):
        raise SystemExit("ab_extract.py: --instructions counts under valgrind's callgrind, which is not "
                         "installed here (Debian: apt-get install valgrind).")
    with tempfile.TemporaryDirectory() as tmp:
        text = args.text
        if text is None:
            text = Path(tmp) / "corpus.txt"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "--size-mb", str(args.size_mb),
                            "--out", str(text)], check=True, capture_output=True)
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(base), args.base],
                       check=True)
        try:
            if args.instructions:
                warm = Path(tmp) / "warm.txt"
                subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "--size-mb", "0.1",
                                "--seed", "1", "--out", str(warm)], check=True, capture_output=True)
                counts = {"base": _count(base, text, warm), "head": _count(ROOT, text, warm)}
                result = {"base": args.base, "mb": round(text.stat().st_size / 1e6, 3), "clock": "instructions",
                          "base_instructions": counts["base"]["instructions"],
                          "head_instructions": counts["head"]["instructions"],
                          "head_over_base": round(counts["base"]["instructions"] / counts["head"]["instructions"], 3),
                          "claims": {k: v["claims"] for k, v in counts.items()}}
                print(f"{'':24}{'instructions':>22}{'claims':>10}")
                print(f"{'base ' + args.base:24}{result['base_instructions']:>22,}{result['claims']['base']:>10}")
                print(f"{'this checkout':24}{result['head_instructions']:>22,}{result['claims']['head']:>10}")
                print(f"fewer instructions in this checkout: x{result['head_over_base']}")
                print(json.dumps(result))
                return
            runs: dict[str, list[dict]] = {"base": [], "head": []}
            for k in range(args.rounds):
                # (which side goes first alternates: a slow spell of a shared machine then falls
                # on each side as often)
                for side in (("base", "head") if k % 2 == 0 else ("head", "base")):
                    runs[side].append(_time(base if side == "base" else ROOT, text, "cpu" if args.cpu else "wall"))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
        mb = text.stat().st_size / 1e6
        best = {k: min(r["seconds"] for r in v) for k, v in runs.items()}
        result = {"base": args.base, "mb": round(mb, 3), "rounds": args.rounds,
                  "clock": "cpu" if args.cpu else "wall",
                  "base_mb_per_s": round(mb / best["base"], 3), "head_mb_per_s": round(mb / best["head"], 3),
                  "head_over_base": round(best["base"] / best["head"], 3),
                  "claims": {k: v[0]["claims"] for k, v in runs.items()}}
        print(f"{'':24}{result['clock'] + ' MB/s (best of ' + str(args.rounds) + ')':>22}{'claims':>10}")
        print(f"{'base ' + args.base:24}{result['base_mb_per_s']:>22}{result['claims']['base']:>10}")
        print(f"{'this checkout':24}{result['head_mb_per_s']:>22}{result['claims']['head']:>10}")
        print(f"speed of this checkout / base: x{result['head_over_base']}")
        print(json.dumps(result))


if __name__ == "__main__":
    main()
