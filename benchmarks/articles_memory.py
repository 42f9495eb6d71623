"""Reading an export of articles is streaming: peak memory does not grow with the export.

Generates exports of N and 10×N articles (JSON lines, gzipped JSON lines, CSV, Parquet; news
sentences with varied figures, tests/articles.py), and in a fresh process per export reads every
record as `index --articles` does (records → articles → bitexts, in batches), printing records a
second and the peak resident memory. Bounded reading means the two sizes peak alike.

    PYTHONPATH=. .venv/bin/python benchmarks/articles_memory.py [--n 20000]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.articles import records  # noqa: E402

READ = """
import sys, time
from checker.executor import batched
from checker.io.articles import bitext_of, open_articles
t = time.perf_counter()
reader = open_articles(sys.argv[1], on_bad=lambda m: None)
n = 0
for batch in batched((bitext_of(a), a.as_of) for a in reader):
    n += len(batch)
# VmHWM: this program's peak (ru_maxrss would count the parent's, which it keeps across exec)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(n, time.perf_counter() - t, hwm)
"""


def write(path: Path, n: int) -> None:
    chunk = 10_000
    if path.name.endswith(".parquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = ["id", "date", "lang", "title", "text", "text_zh", "text_en"]
        schema = pa.schema([(c, pa.string()) for c in columns])
        with pq.ParquetWriter(path, schema) as out:
            for start in range(0, n, chunk):
                recs = records(min(chunk, n - start), start)
                out.write_table(pa.table({c: [r.get(c) for r in recs] for c in columns}, schema=schema))
        return
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="") as out:
        writer = None
        for start in range(0, n, chunk):
            recs = records(min(chunk, n - start), start)
            if ".csv" in path.name:
                if writer is None:
                    writer = csv.DictWriter(out, ["id", "date", "lang", "title", "text", "text_zh", "text_en"])
                    writer.writeheader()
                writer.writerows(recs)
            else:
                out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="the smaller export's articles (the larger has 10x)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'export':<22} {'articles':>9} {'MB':>7} {'articles/s':>11} {'peak RSS MB':>12}")
        for n in (args.n, 10 * args.n):
            for name in ("a.jsonl", "a.jsonl.gz", "a.csv", "a.parquet"):
                path = Path(tmp) / f"{n}-{name}"
                write(path, n)
                out = subprocess.run([sys.executable, "-c", READ, str(path)], capture_output=True, text=True,
                                     cwd=ROOT, check=True).stdout.split()
                count, seconds, rss_kb = int(out[0]), float(out[1]), int(out[2])
                print(f"{path.name:<22} {count:>9,} {path.stat().st_size / 1e6:>7.1f} {count / seconds:>11,.0f} "
                      f"{rss_kb / 1024:>12.0f}")
                path.unlink()


if __name__ == "__main__":
    main()
