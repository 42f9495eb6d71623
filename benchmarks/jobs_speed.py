"""`--jobs 2` against `--jobs 1`, for `check` and `index`, on one folder of articles, as a user
runs them (issue 17: a pool forked once, indices out, claims and findings back).

    .venv/bin/python benchmarks/jobs_speed.py [--articles 200] [--seed 0] [--runs 3]

The articles are benchmarks/ledger.py's (a dateline, then Chinese + English paragraph pairs of
benchmarks/corpus.py, about 5 KB each), written under benchmarks/.ledger/jobs-s{seed}-n{N}/.
Each command runs as a subprocess; the runs of --jobs 1 and --jobs 2 are interleaved (one
untimed warm-up each), and ``index`` writes a fresh ledger each time. Reported: the median
wall time of each, the speed-up (jobs 1 / jobs 2: above 1 is faster) and the CPU time the
processes used (user + system of the command and its workers), so the cost of the workers'
start-up shows. On a machine with fewer free cores than jobs no speed-up can show: the figures
are only worth reading when nothing else runs. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ledger as ledger_bench  # noqa: E402

CLAIMCHECK = [str(Path(sys.executable).parent / "claimcheck")]


def folder(seed: int, n: int) -> Path:
    home = ledger_bench.DATA / f"jobs-s{seed}-n{n}"
    articles = home / "articles"
    if not (articles.is_dir() and len(list(articles.iterdir())) == n):
        shutil.rmtree(home, ignore_errors=True)
        articles.mkdir(parents=True)
        for i in range(n):
            (articles / f"{i:05d}.txt").write_text(ledger_bench.article(seed, i), encoding="utf-8")
    return home


def run(home: Path, command: str, jobs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children)."""
    args = CLAIMCHECK + [command, "articles", "--jobs", str(jobs)]
    if command == "check":
        args += ["--format", "json", "--exit-zero", "-o", os.devnull]
    else:
        db = home / f"ledger-j{jobs}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        args += ["--ledger", str(db)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(args, cwd=home, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    home = folder(args.seed, args.articles)
    size = sum(f.stat().st_size for f in (home / "articles").iterdir())
    print(f"{args.articles} articles, {size / 1e6:.1f} MB, {os.cpu_count()} cores; median of {args.runs}")
    for command in ("check", "index"):
        times: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        run(home, command, 1), run(home, command, 2)
        for _ in range(args.runs):
            for jobs in (1, 2):
                times[jobs].append(run(home, command, jobs))
        wall = {j: statistics.median(w for w, _ in times[j]) for j in times}
        cpu = {j: statistics.median(c for _, c in times[j]) for j in times}
        print(f"{command:5}  --jobs 1: {wall[1]:6.2f} s ({cpu[1]:6.2f} s CPU)   --jobs 2: {wall[2]:6.2f} s "
              f"({cpu[2]:6.2f} s CPU)   speed-up x{wall[1] / wall[2]:.2f}, CPU x{cpu[2] / cpu[1]:.2f}", flush=True)


if __name__ == "__main__":
    main()
