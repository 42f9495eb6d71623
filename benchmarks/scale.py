"""A newsroom's archive at scale (issue 17): an export of generated articles, built from real
news sentences with varied figures, indexed by every executor into SQLite and PostgreSQL; then
`check --ledger` latency as the ledger grows, and what a claim costs on disk.

    .venv/bin/python benchmarks/scale.py [--articles 200000] [--sample 5000]
        [--checkpoints 10000 100000 200000] [--backends sqlite postgresql]
        [--configs jobs1 jobs2 dask1 dask2] [--grow-with dask2] [--drafts 125] [--seed 0] [--runs 3]

The sentences are the WMT22 general test set's Chinese news and their human English
translations (wmt-conference/wmt22-news-systems: generaltest2022.zh-en.src.zh and .ref.A.en, in
benchmarks/labelled/.wmt22/ or the folder $CLAIMCHECK_WMT22 names; see benchmarks/README.md).
An article is 3 to 8 consecutive line pairs from a random place, its figures varied alike on
both sides (each number written in digits becomes another of as many digits, a year moves by a
few years; the English side's 2,455 follows the Chinese 2455), dated on a random day of
2009-2023: one record ``{"id", "date", "text_zh", "text_en"}`` a line, as a CMS exports them.
The drafts are --drafts more such articles, dated 2024.

Everything is written under benchmarks/.scale/ (git-ignored); PostgreSQL runs as a temporary
server of Debian's binaries (tests/postgres_server.py), Dask as LocalClusters of 1 and 2 worker
processes started here and given to ``--scheduler``.

0. With --writer: the sample checked in this process as a worker checks it, then filed by the
   one writer alone, timed apart — the rate no number of workers can pass.
1. Throughput: the first --sample articles indexed into a fresh ledger by each --configs
   (``--jobs 1``, ``--jobs 2``, Dask with 1 and 2 workers) for each backend: articles/s.
2. Growth: one ledger per backend filled to each checkpoint with --grow-with; at each, bytes
   per claim and the latency of ``check --articles drafts --ledger`` beside plain ``check
   --articles drafts`` (median of --runs, interleaved, the same run).
Every command runs as a subprocess, as a user runs it. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".scale"
GENERATOR = 1                                   # bump when the articles change
CLAIMCHECK = [str(Path(sys.executable).parent / "claimcheck")]
WMT22 = Path(os.environ.get("CLAIMCHECK_WMT22", HERE / "labelled" / ".wmt22"))


def log(*args) -> None:
    print("scale.py:", *args, file=sys.stderr, flush=True)


# -- the export -----------------------------------------------------------------------------------

_ZH_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_EN_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)")


def _new_number(old: str, r: random.Random, shift: int) -> str:
    whole, dot, frac = old.partition(".")
    if not dot and len(whole) == 4 and 1900 <= int(whole) <= 2030:
        return str(int(whole) + shift)                      # a year: the article's years move together
    digits = len(whole)
    new = str(r.randrange(10 ** (digits - 1), 10 ** digits)) if digits > 1 else str(r.randrange(1, 10))
    return new + (dot + "".join(r.choice("0123456789") for _ in frac) if dot else "")


def vary(zh: str, en: str, r: random.Random) -> tuple[str, str]:
    """The pair with its digit figures changed alike on both sides."""
    shift = r.randrange(-6, 2)
    mapping: dict[str, str] = {}
    for m in _ZH_NUMBER.finditer(zh):
        if m.group() not in mapping:
            mapping[m.group()] = _new_number(m.group(), r, shift)
    zh = _ZH_NUMBER.sub(lambda m: mapping[m.group()], zh)

    def english(m: re.Match) -> str:
        plain = m.group().replace(",", "")
        new = mapping.get(plain)
        if new is None:
            return m.group()
        if "," in m.group():
            whole, dot, frac = new.partition(".")
            return f"{int(whole):,}" + dot + frac
        return new
    return zh, _EN_NUMBER.sub(english, en)


def _sentences() -> list[tuple[str, str]]:
    zh = WMT22 / "generaltest2022.zh-en.src.zh"
    en = WMT22 / "generaltest2022.zh-en.ref.A.en"
    if not (zh.is_file() and en.is_file()):
        sys.exit(f"scale.py: the WMT22 sentences are not in {WMT22} (see benchmarks/README.md, or set CLAIMCHECK_WMT22)")
    pairs = list(zip(zh.read_text(encoding="utf-8").splitlines(), en.read_text(encoding="utf-8").splitlines()))
    return [(z.strip(), e.strip()) for z, e in pairs if z.strip() and e.strip()]


def record(pairs: list[tuple[str, str]], seed: int, i: int | str, year_from: int = 2009,
           years: int = 15) -> dict:
    r = random.Random(f"claimcheck-scale:{seed}:{i}")
    n = r.randrange(3, 9)
    start = r.randrange(len(pairs) - n)
    zh, en = zip(*(vary(z, e, r) for z, e in pairs[start:start + n]))
    day = time.strftime("%Y-%m-%d", time.gmtime(time.mktime((year_from, 1, 1, 12, 0, 0, 0, 0, 0))
                                               + r.randrange(years * 365) * 86400))
    return {"id": f"{i}" if isinstance(i, str) else f"a{i:07d}", "date": day,
            "text_zh": "\n".join(zh), "text_en": "\n".join(en)}


def export(seed: int, articles: int, drafts: int) -> tuple[Path, Path]:
    """The export and the drafts, written unless their manifest says they are there."""
    home = DATA / f"s{seed}"
    home.mkdir(parents=True, exist_ok=True)
    out, draft_file, manifest = home / f"articles-{articles}.jsonl", home / f"drafts-{drafts}.jsonl", home / ".manifest.json"
    want = {"generator": GENERATOR, "seed": seed, "articles": articles, "drafts": drafts}
    if manifest.is_file() and json.loads(manifest.read_text()) == want and out.is_file() and draft_file.is_file():
        return out, draft_file
    pairs = _sentences()
    t = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        for i in range(articles):
            f.write(json.dumps(record(pairs, seed, i), ensure_ascii=False) + "\n")
    with open(draft_file, "w", encoding="utf-8") as f:
        for k in range(drafts):
            f.write(json.dumps(record(pairs, seed, f"draft-{k:04d}", 2024, 1), ensure_ascii=False) + "\n")
    manifest.write_text(json.dumps(want))
    log(f"wrote {articles:,} articles ({out.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.0f} s")
    return out, draft_file


def head(src: Path, first: int, last: int, dst: Path) -> Path:
    """Records first..last-1 of an export, as an export of their own."""
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i >= last:
                break
            if i >= first:
                out.write(line)
    return dst


# -- what runs -------------------------------------------------------------------------------------

@contextlib.contextmanager
def dask_cluster(workers: int):
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@contextlib.contextmanager
def ledgers(backends: list[str]):
    """A function making a fresh, empty ledger (its --ledger argument) for each backend."""
    server = None
    try:
        made = {}
        for backend in backends:
            if backend == "sqlite":
                counter = iter(range(10 ** 6))

                def sqlite_ledger() -> str:
                    path = DATA / f"ledger-{next(counter)}.db"
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{path}{suffix}").unlink(missing_ok=True)
                    return str(path)
                made["sqlite"] = sqlite_ledger
            elif backend == "postgresql":
                sys.path.insert(0, str(ROOT))
                from tests.postgres_server import Server, binaries

                folder = binaries()
                if folder is None:
                    sys.exit("scale.py: no PostgreSQL binaries (initdb, pg_ctl): apt-get install postgresql")
                server = Server(folder)
                made["postgresql"] = server.new_database
            else:
                sys.exit(f"scale.py: unknown backend {backend!r}")
        yield made
    finally:
        if server is not None:
            server.stop()


def index(export_file: Path, ledger: str, config: str, scheduler: str | None) -> float:
    args = CLAIMCHECK + ["index", "--articles", str(export_file), "--ledger", ledger]
    if config.startswith("jobs"):
        args += ["--jobs", config[4:]]
    else:
        args += ["--executor", "dask", "--scheduler", scheduler]
    t = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0,):
        sys.exit(f"scale.py: {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
    return time.perf_counter() - t


def check(drafts: Path, ledger: str | None) -> float:
    args = CLAIMCHECK + ["check", "--articles", str(drafts), "--format", "json", "--exit-zero", "-o", os.devnull]
    if ledger:
        args += ["--ledger", ledger]
    t = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def writer(sample: Path, ledger: str, articles: int) -> dict:
    """The one writer alone (what bounds a cluster however many workers it has): the sample's
    articles checked here first as a worker does (index_batch: claims, findings and what the keys
    are made of), then filed batch by batch as ``index`` files them, timed."""
    sys.path.insert(0, str(ROOT))
    from checker.executor import BATCH, batched, index_batch, restore_texts
    from checker.io.articles import ArticleReader, bitext_of
    from checker.ledger import Ledger, file_results

    reader = ArticleReader(str(sample))
    t = time.perf_counter()
    checked = []
    for batch in batched(((bitext_of(a), a.as_of) for a in reader), BATCH):
        results = index_batch(batch)
        checked.append([(restore_texts(b, r), as_of, made_of) for (b, as_of), (r, made_of) in zip(batch, results)])
    check_s = time.perf_counter() - t
    t = time.perf_counter()
    with Ledger(ledger) as lg:
        for filed in checked:
            file_results(lg, filed)
    write_s = time.perf_counter() - t
    return {"articles": articles, "check_s": check_s, "write_s": write_s,
            "check_articles_per_s": articles / check_s, "write_articles_per_s": articles / write_s}


def size(ledger: str) -> tuple[int, int, int]:
    """(documents, claims, bytes on disk) of a ledger."""
    if ledger.startswith("postgres"):
        import psycopg

        with psycopg.connect(ledger) as con:
            documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
            on_disk = con.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        return documents, claims, on_disk
    import sqlite3

    con = sqlite3.connect(ledger)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        con.close()
    return documents, claims, Path(ledger).stat().st_size


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--sample", type=int, default=5_000, help="articles indexed by each configuration")
    ap.add_argument("--checkpoints", type=int, nargs="*", default=[10_000, 100_000, 200_000],
                    help="ledger sizes at which latency is measured (none: throughput only)")
    ap.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    ap.add_argument("--configs", nargs="*", default=["jobs1", "jobs2", "dask1", "dask2"],
                    help="the executors whose throughput is measured (none: growth only)")
    ap.add_argument("--grow-with", default="dask2")
    ap.add_argument("--drafts", type=int, default=125)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--writer", action="store_true",
                    help="also time the one writer alone on the sample (checked first in this process)")
    ap.add_argument("--nice", action="store_true", help="run at the lowest CPU priority (beside other work)")
    args = ap.parse_args(argv)
    if args.nice:
        os.nice(19)
    export_file, drafts = export(args.seed, args.articles, args.drafts)
    sample = head(export_file, 0, args.sample, DATA / f"s{args.seed}" / f"sample-{args.sample}.jsonl")
    results: dict = {"articles": args.articles, "sample": args.sample, "cores": os.cpu_count(),
                     "throughput": [], "growth": []}
    with ledgers(args.backends) as fresh:
        if args.writer:
            for backend in args.backends:
                row = {"backend": backend, **writer(sample, fresh[backend](), args.sample)}
                results.setdefault("writer", []).append(row)
                print(f"writer alone {args.sample:,} articles  {backend:10} check (one core) "
                      f"{row['check_articles_per_s']:6.0f} articles/s   write {row['write_articles_per_s']:6.0f} articles/s",
                      flush=True)
        for config in args.configs:
            workers = int(config[4:]) if config.startswith("dask") else None
            with (dask_cluster(workers) if workers else contextlib.nullcontext()) as scheduler:
                for backend in args.backends:
                    seconds = index(sample, fresh[backend](), config, scheduler)
                    row = {"backend": backend, "config": config, "seconds": seconds,
                           "articles_per_s": args.sample / seconds}
                    results["throughput"].append(row)
                    print(f"index {args.sample:,} articles  {backend:10} {config:6} {seconds:8.1f} s "
                          f"{row['articles_per_s']:7.0f} articles/s", flush=True)
        workers = int(args.grow_with[4:]) if args.grow_with.startswith("dask") else None
        with (dask_cluster(workers) if workers else contextlib.nullcontext()) as scheduler:
            for backend in args.backends:
                ledger, done = fresh[backend](), 0
                for point in sorted(p for p in args.checkpoints if p <= args.articles):
                    part = head(export_file, done, point, DATA / f"s{args.seed}" / "part.jsonl")
                    seconds = index(part, ledger, args.grow_with, scheduler)
                    done = point
                    documents, claims, on_disk = size(ledger)
                    check(drafts, None), check(drafts, ledger)            # warm-up
                    plain, with_ledger = [], []
                    for _ in range(args.runs):
                        plain.append(check(drafts, None))
                        with_ledger.append(check(drafts, ledger))
                    p, lg = statistics.median(plain), statistics.median(with_ledger)
                    row = {"backend": backend, "articles": point, "documents": documents, "claims": claims,
                           "bytes": on_disk, "bytes_per_claim": on_disk / max(claims, 1),
                           "index_seconds": seconds, "check_s": p, "check_ledger_s": lg, "ratio": lg / p}
                    results["growth"].append(row)
                    print(f"ledger {backend:10} {point:>8,} articles {claims:>10,} claims "
                          f"{on_disk / 1e6:8.0f} MB {row['bytes_per_claim']:6.0f} B/claim  "
                          f"check {p:6.2f} s  --ledger {lg:6.2f} s  x{lg / p:.2f}", flush=True)
    print(json.dumps({"benchmark": "scale", "date": time.strftime("%Y-%m-%d"), **results}))


if __name__ == "__main__":
    main()
