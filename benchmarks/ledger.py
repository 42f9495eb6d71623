"""Ledger benchmark: index an archive of generated articles, then check a draft against archives
of 1,000, 10,000 and 100,000 articles, beside a naive full scan.

    .venv/bin/python benchmarks/ledger.py [--articles 10000] [--seed 0] [--runs 5] [--skip-100k] [--json]

Everything it writes goes under benchmarks/.ledger/ (git-ignored):

* ``articles-s{seed}-n{N}/00000.txt ...``: N articles of about 5 KB, each a dateline
  (``2019-03-02 08:14:33``, 2009-2023) and then Chinese + English paragraph pairs from
  benchmarks/corpus.py. Article i is the same for every N (its own seed), so the first N/10
  articles of the big archive are the small archive. Reused when the manifest matches.
* ``draft-s{seed}.txt``: one more article, dated 2024-06-15, after every archive article.
* ``ledger-s{seed}-n{N}.db`` (fresh each run): the archive indexed in-process as
  ``claimcheck index`` does (read_bitexts, check_bitext, index_result), one document at a time.
  ``-n{N/10}.db`` is an SQLite backup of that ledger taken when N/10 articles were in it (the
  first N/10 articles, indexed). ``-n{10N}.db`` is the N-article ledger with its documents,
  claims and learnt subject pairs copied nine more times in SQL: new ids and paths
  (``copy-k/...``), new SHA-256, the same dates, through the ledger's own indexes.

Figures (wall time; MB = 10**6 bytes; machines are shared and noisy, so each figure stands
beside a named alternative timed in the same run):

* indexing: documents/s and MB/s, beside plain extraction (checker.extract.extract_text) of the
  same texts, interleaved document by document; ledger size and bytes per claim; peak memory.
* checking: the draft's corpus findings (engine.corpus.check_results, with the ledger opened
  read-only as ``claimcheck check --ledger`` opens it), median of --runs, at each archive size;
  beside a naive full scan that reads every archive claim under each subject key it is asked
  for with a query that may not use any index (NOT INDEXED), and answers the rules' requests in
  Python. The scan feeds the same check code, so both give the same findings (checked).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import math
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

DATA = HERE / ".ledger"
GENERATOR = 1                                   # bump when the articles change
FIRST_DAY, YEARS = datetime(2009, 1, 1), 15     # archive datelines: 2009-01-01 .. 2023-12-31
DRAFT_DATELINE = datetime(2024, 6, 15, 9, 30, 0)
ARTICLE_BYTES = 5000
TARGET_CHECK_S = 1.0
TRACED_ARTICLES = 500


def log(*args) -> None:
    print("ledger.py:", *args, file=sys.stderr, flush=True)


# -- the archive ----------------------------------------------------------------------------------

def article(seed: int, i: int | str, dateline: datetime | None = None) -> str:
    """A dated bilingual article of about ARTICLE_BYTES: paragraph pairs are added while that
    brings the size nearer to the target."""
    r = random.Random(f"claimcheck-ledger:{seed}:{i}")
    span = (FIRST_DAY.replace(year=FIRST_DAY.year + YEARS) - FIRST_DAY).total_seconds()
    when = dateline or FIRST_DAY + timedelta(seconds=r.randrange(int(span)))
    lines = [when.strftime("%Y-%m-%d %H:%M:%S")]
    size = len(lines[0]) + 1
    while True:
        pair = corpus._paragraph(r)
        more = sum(len(p.encode()) + 1 for p in pair)
        if size > ARTICLE_BYTES / 2 and abs(size + more - ARTICLE_BYTES) >= abs(size - ARTICLE_BYTES):
            break
        lines += pair
        size += more
    return "\n".join(lines) + "\n"


def archive(seed: int, n: int) -> tuple[Path, dict]:
    """The directory of n articles, generated unless its manifest says it is there already."""
    folder = DATA / f"articles-s{seed}-n{n}"
    manifest = folder / ".manifest.json"
    want = {"generator": GENERATOR, "seed": seed, "articles": n}
    if manifest.is_file():
        have = json.loads(manifest.read_text())
        if {k: have.get(k) for k in want} == want:
            return folder, have
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    t, total, years = time.perf_counter(), 0, {}
    for i in range(n):
        text = article(seed, i)
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
        years[text[:4]] = years.get(text[:4], 0) + 1
        if (i + 1) % 2000 == 0:
            log(f"generated {i + 1:,}/{n:,} articles")
    info = {**want, "bytes": total, "seconds": time.perf_counter() - t, "by_year": dict(sorted(years.items()))}
    manifest.write_text(json.dumps(info))
    return folder, info


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def db_bytes(path: Path) -> tuple[int, int]:
    wal = Path(str(path) + "-wal")
    return path.stat().st_size, wal.stat().st_size if wal.exists() else 0


def backup(src: Path, dst: Path) -> None:
    remove_db(dst)
    with sqlite3.connect(str(src)) as s, sqlite3.connect(str(dst)) as d:
        s.backup(d)
    s.close()
    d.close()


# -- indexing -------------------------------------------------------------------------------------

def index(folder: Path, ledger_path: Path, snapshot_at: int, snapshot: Path) -> dict:
    """Index every article into a fresh ledger, one document at a time (read_bitexts,
    check_bitext, index_result), with plain extraction of each text timed beside it."""
    from checker.engine import check_bitext
    from checker.extract import extract_text
    from checker.io.bilingual import read_bitexts
    from checker.ledger import Ledger, index_result

    remove_db(ledger_path)
    t = time.perf_counter()
    bitexts = read_bitexts([str(folder)])
    read_s = time.perf_counter() - t
    n = len(bitexts)
    texts = [(b.source[0].path, b.source[0].doc_text) for b in bitexts]
    mb = sum(len(text.encode()) for _, text in texts) / 1e6
    check_s = write_s = extract_s = learnt_s = 0.0
    deciles: list[dict] = []
    last = {"check": 0.0, "write": 0.0, "extract": 0.0}
    outcome: dict[str, int] = {}
    with Ledger(ledger_path) as ledger:
        original = ledger.learnt_subjects

        def learnt():                           # time the learnt-pairs query inside index_document
            nonlocal learnt_s
            t = time.perf_counter()
            out = original()
            learnt_s += time.perf_counter() - t
            return out
        ledger.learnt_subjects = learnt         # an instance attribute: the class is untouched
        for i, (bitext, (path, text)) in enumerate(zip(bitexts, texts)):
            if i == snapshot_at:
                backup(ledger_path, snapshot)   # the first snapshot_at articles, not timed
            if i % 2:                           # alternate the order: neither warms the other
                t = time.perf_counter()
                extract_text(text, path=path)
                extract_s += time.perf_counter() - t
            t = time.perf_counter()
            result = check_bitext(bitext)
            t2 = time.perf_counter()
            for o in index_result(ledger, result):
                outcome[o] = outcome.get(o, 0) + 1
            t3 = time.perf_counter()
            check_s, write_s = check_s + t2 - t, write_s + t3 - t2
            if not i % 2:
                t = time.perf_counter()
                extract_text(text, path=path)
                extract_s += time.perf_counter() - t
            del result
            if (i + 1) % max(1, n // 10) == 0 or i + 1 == n:
                now = {"check": check_s, "write": write_s, "extract": extract_s}
                step = {k: now[k] - last[k] for k in now}
                deciles.append({"articles": i + 1, **{f"{k}_s": v for k, v in step.items()}})
                last = now
                log(f"indexed {i + 1:,}/{n:,} articles: check {check_s:.0f} s, write {write_s:.0f} s "
                    f"(last step {step['write']:.1f} s), extraction alone {extract_s:.0f} s")
        stats = ledger.stats()
        db_open, wal_open = db_bytes(ledger_path)
    if snapshot_at >= n:
        backup(ledger_path, snapshot)
    db_closed, wal_closed = db_bytes(ledger_path)
    total = read_s + check_s + write_s
    return {
        "articles": n, "mb": mb, "claims": stats["claims"], "documents": stats["documents"],
        "outcome": outcome,
        "read_s": read_s, "check_s": check_s, "write_s": write_s, "index_s": total,
        "learnt_in_write_s": learnt_s,
        "docs_per_s": n / total, "mb_per_s": mb / total,
        "extract_s": extract_s, "extract_mb_per_s": mb / extract_s,
        "index_over_extract": total / extract_s,
        "db_bytes_open": db_open, "wal_bytes_open": wal_open,
        "db_bytes_closed": db_closed, "wal_bytes_closed": wal_closed,
        "bytes_per_claim": (db_open + wal_open) / stats["claims"],
        "bytes_per_claim_closed": (db_closed + wal_closed) / stats["claims"],
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "steps": deciles,
    }


def traced(folder: Path, scratch: Path, count: int) -> dict:
    """tracemalloc over reading the whole archive and indexing its first ``count`` articles one
    at a time into a scratch ledger; then over checking ``count`` more and keeping every result
    before writing, as ``claimcheck index`` does (executor.check_all yields them)."""
    from checker.engine import check_bitext
    from checker.io.bilingual import read_bitexts
    from checker.ledger import Ledger, index_result

    remove_db(scratch)
    gc.collect()
    tracemalloc.start()
    bitexts = read_bitexts([str(folder)])
    after_read = tracemalloc.get_traced_memory()[0]
    with Ledger(scratch) as ledger:
        for b in bitexts[:count]:
            index_result(ledger, check_bitext(b))
        streaming_current, streaming_peak = tracemalloc.get_traced_memory()
        before = tracemalloc.get_traced_memory()[0]
        held = [check_bitext(b) for b in bitexts[count:2 * count]]
        per_result = (tracemalloc.get_traced_memory()[0] - before) / max(1, len(held))
        for result in held:
            index_result(ledger, result)
    tracemalloc.stop()
    remove_db(scratch)
    return {"articles": count, "read_all_mb": after_read / 1e6, "peak_mb": streaming_peak / 1e6,
            "current_after_mb": streaming_current / 1e6, "held_result_kb": per_result / 1e3,
            "held_all_mb": per_result * len(bitexts) / 1e6}


def multiply(src: Path, dst: Path, copies: int) -> dict:
    """The src ledger's documents, claims (with the subjects their keys ask for) and learnt pairs
    ``copies`` times over, in SQL: copy k gets ids + k * max(id), paths copy-k/..., a new SHA-256; dates are kept."""
    t = time.perf_counter()
    backup(src, dst)
    db = sqlite3.connect(str(dst), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.create_function("rehash", 1, lambda s: hashlib.sha256(s.encode()).hexdigest(), deterministic=True)
    top = db.execute("SELECT max(id) FROM documents").fetchone()[0]
    ctop = db.execute("SELECT max(id) FROM claims").fetchone()[0]
    cols = [r[1] for r in db.execute("PRAGMA table_info(claims)") if r[1] not in ("id", "document_id")]
    names = ", ".join(f'"{c}"' for c in cols)
    for k in range(1, copies):
        off = k * top
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO documents (id, path, sha256, as_of, indexed_at) "
                   f"SELECT id + {off}, 'copy-{k}/' || path, rehash(sha256 || ':{k}'), as_of, indexed_at "
                   f"FROM documents WHERE id <= {top} ORDER BY id")
        db.execute(f"INSERT INTO claims (id, document_id, {names}) SELECT id + {k * ctop}, document_id + {off}, "
                   f"{names} FROM claims WHERE id <= {ctop} ORDER BY id")
        db.execute(f"INSERT INTO claim_terms (claim_id, term) SELECT claim_id + {k * ctop}, term "
                   f"FROM claim_terms WHERE claim_id <= {ctop}")
        db.execute("INSERT INTO subject_pairs (document_id, en, zh) "
                   f"SELECT document_id + {off}, en, zh FROM subject_pairs WHERE document_id <= {top}")
        db.execute("COMMIT")
        log(f"copied the ledger {k + 1}/{copies} times")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    documents, claims = db.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims)").fetchone()
    db.close()
    size, wal = db_bytes(dst)
    return {"seconds": time.perf_counter() - t, "documents": documents, "claims": claims,
            "db_bytes": size + wal}


# -- checking -------------------------------------------------------------------------------------

class FullScan:
    """The named alternative to Ledger.claims_under: the first time a subject key is asked for,
    one query that may use no index (claims NOT INDEXED) reads every archive claim under it;
    each request is then answered in Python (the same filters, order and limits). Everything
    else is the ledger's (learnt subjects: the same query)."""

    def __init__(self, ledger, path: Path):
        self.ledger = ledger
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.db.row_factory = sqlite3.Row
        self.by_key: dict[str, list[dict]] = {}
        self.scanned = 0

    def learnt_subjects(self):
        return self.ledger.learnt_subjects()

    def close(self) -> None:
        self.db.close()

    def _load(self, key: str) -> list[dict]:
        from checker.ledger.store import _CLAIM_COLUMNS

        if key not in self.by_key:
            cols = ", ".join(f'c."{c}"' for c in _CLAIM_COLUMNS)
            rows = self.db.execute(
                f"SELECT c.id AS claim_id, c.document_id AS document_id, d.path AS path, d.sha256 AS sha256, "
                f"{cols} FROM claims c NOT INDEXED JOIN documents d ON d.id = c.document_id "
                "WHERE c.subject_key = ?", (key,))
            self.by_key[key] = [dict(r) for r in rows]
            self.scanned += len(self.by_key[key])
        return self.by_key[key]

    def claims_under(self, key, *, on=None, before=None, after=None, documents=(), unit=None,
                     overlapping=None, above=None, below=None, running=False, cumulative=False,
                     limit=200, exclude=(), exclude_sha256=()):
        paths = {self.ledger.document_path(p) for p in exclude}
        valued = overlapping is not None or above is not None or below is not None

        def keep(r):
            a = r["as_of"]
            if (on is not None and a != on) or (before is not None and not (a is not None and a < before)) \
                    or (after is not None and not (a is not None and a > after)):
                return False
            if documents and r["document_id"] not in documents:
                return False
            if valued and r["unit"] != unit:
                return False
            if overlapping is not None:
                lo, hi = overlapping
                if hi is not None and r["low"] is not None and r["low"] > hi:
                    return False
                if lo is not None and r["high"] is not None and r["high"] < lo:
                    return False
            if above is not None and not (r["low"] is not None and r["low"] > above):
                return False
            if below is not None and not (r["high"] is not None and r["high"] < below):
                return False
            if running and not (r["cumulative"] == 1 or r["kind"] == "ordinal"):
                return False
            if cumulative and r["cumulative"] != 1:
                return False
            return r["path"] not in paths and r["sha256"] not in exclude_sha256

        rows = [r for r in self._load(key) if keep(r)]
        if above is not None:
            rows.sort(key=lambda r: r["claim_id"])
            rows.sort(key=lambda r: r["low"], reverse=True)
        elif below is not None:
            rows.sort(key=lambda r: (r["high"], r["claim_id"]))
        elif before is not None:
            rows.sort(key=lambda r: r["claim_id"])
            rows.sort(key=lambda r: r["as_of"], reverse=True)
        elif after is not None:
            rows.sort(key=lambda r: (r["as_of"], r["claim_id"]))
        else:
            rows.sort(key=lambda r: r["claim_id"])
        out = []
        for r in rows[:limit]:
            d = {k: v for k, v in r.items() if k != "sha256"}
            d["path"] = self.ledger.shown_path(d["path"])
            d["flags"] = json.loads(d["flags"])
            out.append(d)
        return out


def fingerprint(findings) -> list[tuple]:
    return [(f.rule.name, f.path, f.line, f.column, f.message) for f in findings]


def check_at(path: Path, results, runs: int) -> dict:
    """Median of ``runs`` checks of the draft against the ledger at ``path``, ours and the full
    scan interleaved (one untimed warm-up of each first)."""
    from checker.engine.corpus import check_results
    from checker.ledger import Ledger

    calls = {"series": 0, "rows": 0}

    def ours() -> tuple[dict, list]:
        t0 = time.perf_counter()
        with Ledger(path, readonly=True) as ledger:
            t1 = time.perf_counter()
            ledger.learnt_subjects()
            t2 = time.perf_counter()
            findings = check_results(ledger, results)
            t3 = time.perf_counter()
        return {"total": time.perf_counter() - t0, "open": t1 - t0, "learnt": t2 - t1, "rules": t3 - t2}, findings

    def scan() -> tuple[dict, list, int]:
        t0 = time.perf_counter()
        with Ledger(path, readonly=True) as ledger:
            ledger.learnt_subjects()
            alt = FullScan(ledger, path)
            try:
                findings = check_results(alt, results)
            finally:
                alt.close()
        return {"total": time.perf_counter() - t0}, findings, alt.scanned

    # untimed: count the lookups and the rows they return
    with Ledger(path, readonly=True) as ledger:
        under = ledger.claims_under

        def counted(*a, **k):
            out = under(*a, **k)
            calls["series"] += 1
            calls["rows"] += len(out)
            return out
        ledger.claims_under = counted
        check_results(ledger, results)
        n_claims = ledger.stats()
    ours()
    scan()
    times: dict[str, list[float]] = {}
    same = True
    for _ in range(runs):
        a, f_ours = ours()
        b, f_scan, scanned = scan()
        same = same and fingerprint(f_ours) == fingerprint(f_scan)
        for k, v in a.items():
            times.setdefault(k, []).append(v)
        times.setdefault("scan", []).append(b["total"])
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"documents": n_claims["documents"], "claims": n_claims["claims"],
            "seconds": med["total"], "open_s": med["open"], "learnt_s": med["learnt"], "rules_s": med["rules"],
            "min_s": min(times["total"]), "max_s": max(times["total"]),
            "scan_seconds": med["scan"], "scan_min_s": min(times["scan"]), "scan_max_s": max(times["scan"]),
            "scan_over_ours": med["scan"] / med["total"], "scan_rows": scanned,
            "lookups": calls["series"], "rows_returned": calls["rows"], "findings": len(f_ours),
            "same_findings": same, "runs": runs}


# -- main -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000, help="archive size to index (default 10000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--runs", type=int, default=5, help="timed checks per archive size, median (default 5)")
    ap.add_argument("--skip-100k", action="store_true", help="no archive of 10x --articles (a quick run)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    a = ap.parse_args(argv)
    n, small = a.articles, max(1, a.articles // 10)
    DATA.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    r: dict = {"date": time.strftime("%Y-%m-%d"), "seed": a.seed, "articles": n, "cores": os.cpu_count(),
               "python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version}

    folder, r["archive"] = archive(a.seed, n)
    log(f"archive: {folder.relative_to(ROOT)}, {r['archive']['bytes'] / 1e6:.1f} MB")
    import checker.engine  # noqa: F401  (import time is not indexing time)
    from checker.engine import check_bitext
    from checker.io.bilingual import read_bitexts

    paths = {size: DATA / f"ledger-s{a.seed}-n{size}.db" for size in (small, n, 10 * n)}
    r["index"] = index(folder, paths[n], small, paths[small])
    r["memory"] = traced(folder, DATA / f"scratch-s{a.seed}.db", min(TRACED_ARTICLES, n // 2 or 1))
    log(f"traced memory: peak {r['memory']['peak_mb']:.0f} MB")
    sizes = [small, n]
    if not a.skip_100k:
        r["multiply"] = multiply(paths[n], paths[10 * n], 10)
        sizes.append(10 * n)
    else:
        remove_db(paths[10 * n])

    draft = DATA / f"draft-s{a.seed}.txt"
    draft.write_text(article(a.seed, "draft", DRAFT_DATELINE), encoding="utf-8")
    results = [check_bitext(b) for b in read_bitexts([str(draft)])]
    r["draft"] = {"path": str(draft.relative_to(ROOT)), "bytes": draft.stat().st_size,
                  "claims": sum(len(c) for res in results for _, _, c in res.files)}
    r["check"] = {}
    for size in sizes:
        log(f"checking the draft against {size:,} articles ({a.runs} runs)")
        r["check"][str(size)] = c = check_at(paths[size], results, a.runs)
        c["size_mb"] = sum(db_bytes(paths[size])) / 1e6
    growth = {}
    for lo, hi in zip(sizes, sizes[1:]):
        c_lo, c_hi = r["check"][str(lo)], r["check"][str(hi)]
        growth[f"{hi}/{lo}"] = {"ours": c_hi["seconds"] / c_lo["seconds"],
                                "scan": c_hi["scan_seconds"] / c_lo["scan_seconds"],
                                "learnt": c_hi["learnt_s"] / c_lo["learnt_s"],
                                "n_log_n": hi * math.log(hi) / (lo * math.log(lo)), "n": hi / lo}
    r["growth"] = growth
    r["wall_s"] = time.perf_counter() - started
    if a.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
    else:
        report(r)


def report(r: dict) -> None:
    ix, mem = r["index"], r["memory"]
    print(f"Archive: {r['articles']:,} articles, {r['archive']['bytes'] / 1e6:.1f} MB "
          f"(seed {r['seed']}); {ix['claims']:,} claims; Python {r['python']}, SQLite {r['sqlite']}, "
          f"{r['cores']} cores")
    print()
    rows = [
        ("indexing: read + check + write (s)", f"{ix['index_s']:.1f}",
         f"read {ix['read_s']:.1f}, check {ix['check_s']:.1f}, write {ix['write_s']:.1f}"),
        ("indexing: documents/s", f"{ix['docs_per_s']:.1f}", ""),
        ("indexing: MB/s", f"{ix['mb_per_s']:.3f}", ""),
        ("alternative: extract_text alone (s)", f"{ix['extract_s']:.1f}", f"{ix['extract_mb_per_s']:.3f} MB/s"),
        ("index time / extraction time", f"{ix['index_over_extract']:.2f}", ""),
        ("  learnt_subjects() inside write (s)", f"{ix['learnt_in_write_s']:.1f}",
         f"{ix['learnt_in_write_s'] / ix['write_s']:.0%} of write"),
        ("  write, first / last tenth (s)", f"{ix['steps'][0]['write_s']:.1f} / {ix['steps'][-1]['write_s']:.1f}",
         f"check {ix['steps'][0]['check_s']:.1f} / {ix['steps'][-1]['check_s']:.1f}"),
        ("ledger size, open: db + wal (MB)", f"{(ix['db_bytes_open'] + ix['wal_bytes_open']) / 1e6:.1f}",
         f"db {ix['db_bytes_open'] / 1e6:.1f} + wal {ix['wal_bytes_open'] / 1e6:.1f}"),
        ("ledger size, closed (MB)", f"{(ix['db_bytes_closed'] + ix['wal_bytes_closed']) / 1e6:.1f}", ""),
        ("bytes per claim (open / closed)", f"{ix['bytes_per_claim']:.0f} / {ix['bytes_per_claim_closed']:.0f}", ""),
        ("process max RSS after indexing (MB)", f"{ix['max_rss_mb']:.0f}", ""),
        (f"tracemalloc peak, read all + index {mem['articles']} (MB)", f"{mem['peak_mb']:.0f}",
         f"of which the read archive {mem['read_all_mb']:.0f}"),
        ("one CheckResult held (KB)", f"{mem['held_result_kb']:.0f}",
         f"x {r['articles']:,} = {mem['held_all_mb']:.0f} MB if all are held"),
    ]
    if "multiply" in r:
        m = r["multiply"]
        rows.append((f"building the {m['documents']:,}-article ledger in SQL (s)", f"{m['seconds']:.0f}",
                     f"{m['claims']:,} claims, {m['db_bytes'] / 1e6:.0f} MB"))
    width = max(len(x[0]) for x in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>12}  {note}")
    print()
    print(f"Draft: {r['draft']['path']}, {r['draft']['bytes']:,} bytes, {r['draft']['claims']} claims, "
          f"dated 2024-06-15; median of {next(iter(r['check'].values()))['runs']} runs")
    head = ("articles", "claims", "ledger MB", "ours s", "open", "learnt", "rules", "scan s", "scan/ours",
            "lookups", "rows", "findings", "same")
    print("  ".join(f"{h:>10}" for h in head))
    for size, c in r["check"].items():
        vals = (f"{int(size):,}", f"{c['claims']:,}", f"{c['size_mb']:.0f}", f"{c['seconds']:.3f}",
                f"{c['open_s']:.3f}", f"{c['learnt_s']:.3f}", f"{c['rules_s']:.3f}", f"{c['scan_seconds']:.3f}",
                f"{c['scan_over_ours']:.1f}", str(c["lookups"]), f"{c['rows_returned']:,}", str(c["findings"]),
                "yes" if c["same_findings"] else "NO")
        print("  ".join(f"{v:>10}" for v in vals))
    print()
    for step, g in r["growth"].items():
        ok = "PASS" if g["ours"] <= g["n_log_n"] else "MISS"
        print(f"growth {step}: ours x{g['ours']:.2f}, full scan x{g['scan']:.2f}, learnt_subjects x{g['learnt']:.2f}; "
              f"n x{g['n']:.0f}, n log n x{g['n_log_n']:.1f}: {ok}")
    big = r["check"][str(max(int(s) for s in r["check"]))]
    print(f"check against {big['documents']:,} articles: {big['seconds']:.3f} s "
          f"(target < {TARGET_CHECK_S:g} s: {'PASS' if big['seconds'] < TARGET_CHECK_S else 'MISS'})")
    print(f"whole run: {r['wall_s']:.0f} s")


if __name__ == "__main__":
    main()
