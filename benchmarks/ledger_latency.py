"""check --ledger latency beside plain check, as a user runs them: 125 drafts against a
500-document ledger (issue 15, item 9: within 2x).

    .venv/bin/python benchmarks/ledger_latency.py [--articles 500] [--drafts 125] [--seed 0] [--runs 3] [--profile]

Everything it writes goes under benchmarks/.ledger/latency-s{seed}-a{A}-d{D}/ (git-ignored):
``archive/`` (the generated articles of benchmarks/ledger.py, dated 2009-2023), ``drafts/``
(more articles of the same generator, each with its own dateline in the same years, so each
draft has archive figures before and after it), and ``ledger.db`` (``claimcheck index
archive/ --ledger ledger.db``, once; kept while the articles and the claimcheck version are
the same).

Timed (wall time, subprocesses, as a user runs them): ``claimcheck check drafts/`` and
``claimcheck check drafts/ --ledger ledger.db``, interleaved, one untimed warm-up of each, then
--runs of each; the figure is the ratio of the medians measured in this run (the machine is
shared and noisy; a ratio of one run is what can be compared). ``--profile`` also runs the
ledger check under cProfile in-process and prints the top of the cumulative profile.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
import ledger as ledger_bench  # noqa: E402

CLAIMCHECK = [str(Path(sys.executable).parent / "claimcheck")]      # the venv's, as a user runs it


def log(*args) -> None:
    print("ledger_latency.py:", *args, file=sys.stderr, flush=True)


def prepare(seed: int, articles: int, drafts: int) -> Path:
    from checker import __version__

    home = ledger_bench.DATA / f"latency-s{seed}-a{articles}-d{drafts}"
    manifest = home / ".manifest.json"
    want = {"generator": ledger_bench.GENERATOR, "seed": seed, "articles": articles, "drafts": drafts,
            "version": __version__, "code": _code_stamp()}
    if manifest.is_file() and json.loads(manifest.read_text()) == want:
        return home
    if home.exists():
        shutil.rmtree(home)
    (home / "archive").mkdir(parents=True)
    (home / "drafts").mkdir()
    for i in range(articles):
        (home / "archive" / f"{i:05d}.txt").write_text(ledger_bench.article(seed, i), encoding="utf-8")
    r = random.Random(f"claimcheck-latency:{seed}")
    span = int((ledger_bench.FIRST_DAY.replace(year=ledger_bench.FIRST_DAY.year + ledger_bench.YEARS)
                - ledger_bench.FIRST_DAY).total_seconds())
    for k in range(drafts):
        when = ledger_bench.FIRST_DAY + timedelta(seconds=r.randrange(span))
        text = ledger_bench.article(seed, f"draft-{k}", when)
        (home / "drafts" / f"draft-{k:04d}.txt").write_text(text, encoding="utf-8")
    t = time.perf_counter()
    subprocess.run(CLAIMCHECK + ["index", "archive", "--ledger", "ledger.db"], cwd=home, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log(f"indexed {articles} articles in {time.perf_counter() - t:.1f} s")
    manifest.write_text(json.dumps(want))
    return home


def _code_stamp() -> str:
    """The ledger is indexed again when the ledger code changes (keys, schema)."""
    import hashlib

    digest = hashlib.sha256()
    for f in sorted((ROOT / "checker" / "ledger").glob("*.py")):
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def timed(home: Path, ledger: bool) -> float:
    args = CLAIMCHECK + ["check", "drafts", "--format", "json", "--exit-zero"]
    if ledger:
        args += ["--ledger", "ledger.db"]
    t = time.perf_counter()
    subprocess.run(args, cwd=home, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def profile(home: Path) -> None:
    import cProfile
    import os
    import pstats

    from checker import cli

    os.chdir(home)
    pr = cProfile.Profile()
    pr.enable()
    try:
        cli.main(["check", "drafts", "--ledger", "ledger.db", "--format", "json", "--exit-zero",
                  "-o", str(home / "profile.json")])
    finally:
        pr.disable()
    stats = pstats.Stats(pr, stream=sys.stderr).sort_stats(os.environ.get("PROFILE_SORT", "cumulative"))
    stats.print_stats(35)
    if os.environ.get("PROFILE_CALLERS"):              # who calls a function: PROFILE_CALLERS=compare
        stats.print_callers(os.environ["PROFILE_CALLERS"])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--drafts", type=int, default=125)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the ledger check")
    args = ap.parse_args(argv)
    home = prepare(args.seed, args.articles, args.drafts)
    if args.profile:
        profile(home)
        return
    timed(home, False)
    timed(home, True)
    plain, ledger = [], []
    for _ in range(args.runs):
        plain.append(timed(home, False))
        ledger.append(timed(home, True))
    p, lg = statistics.median(plain), statistics.median(ledger)
    print(f"check: {p:.2f} s  check --ledger: {lg:.2f} s  ratio {lg / p:.2f}x  "
          f"({args.drafts} drafts, {args.articles}-document ledger, median of {args.runs}; "
          f"runs {[round(x, 2) for x in plain]} / {[round(x, 2) for x in ledger]})")


if __name__ == "__main__":
    main()
