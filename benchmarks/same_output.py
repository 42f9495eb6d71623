"""Does this checkout extract exactly what another revision extracts? For work that must not
change the output (speed, clean-up).

    python benchmarks/same_output.py --base fadf332 [--size-mb 2] [FILE ...] [--pair SRC TGT]

The other revision is checked out into a temporary git worktree; ``claimcheck extract --format
jsonl`` runs on each file (the benchmark corpus, seeds/, and any FILE given) with each side's
code, and on each --pair as ``--source SRC --target TGT --aligned``. Prints, per input, the number
of claims on each side and of lines that differ (with the first few), and exits 1 if any differ.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _extract(root: Path, args: list[str]) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(root))
    out = subprocess.run([sys.executable, "-m", "checker", "extract", *args, "--format", "jsonl"],
                         check=True, capture_output=True, text=True, cwd=root, env=env)
    return out.stdout.splitlines()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="the revision to compare with")
    ap.add_argument("--size-mb", type=float, default=2.0, help="benchmark corpus size (0: none)")
    ap.add_argument("--pair", nargs=2, action="append", default=[], metavar=("SRC", "TGT"))
    ap.add_argument("files", nargs="*", type=Path)
    a = ap.parse_args(argv)
    runs: list[tuple[str, list[str]]] = []
    if a.size_mb:
        corpus = ROOT / "benchmarks" / ".corpus" / f"corpus-{a.size_mb:g}mb-seed0.txt"
        if not corpus.exists():
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "--size-mb",
                            str(a.size_mb), "--out", str(corpus)], check=True)
        runs.append((corpus.name, [str(corpus)]))
    runs.append(("seeds/*.txt", [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]))
    runs += [(p.name, [str(p.resolve())]) for p in a.files]
    runs += [(f"{Path(s).name} + {Path(t).name}", ["--source", str(Path(s).resolve()), "--target",
                                                   str(Path(t).resolve()), "--aligned"]) for s, t in a.pair]
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(base), a.base],
                       check=True)
        try:
            for name, args in runs:
                old, new = _extract(base, args), _extract(ROOT, args)
                diff = [d for d in difflib.unified_diff(old, new, "base", "head", n=0, lineterm="")
                        if d[:1] in "+-" and d[:3] not in ("---", "+++")]
                bad += bool(diff)
                print(f"{name:48} claims {len(old):>6} / {len(new):>6}  differing lines {len(diff)}")
                for d in diff[:6]:
                    print("   ", d[:300])
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    print("IDENTICAL" if not bad else f"DIFFERENT in {bad} input(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
