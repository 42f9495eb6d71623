"""`check` on an aligned corpus 1×, 2×, 5× and 10× the size of a real one: is it linear? With
translate-toolkit's pofilter `numbers` check on the same segment pairs in the same run.

    python benchmarks/check_speed.py [--src ../shared/mqm-dev/src.zh --hyp ../shared/mqm-dev/hyp.en]
                                     [--sizes 1 2 5 10] [--repeat 2]

The 1× text is a real aligned corpus (by default the MQM dev set: real news, real machine
translations); k× repeats it k times in one pair of files, as a translation memory export or a
year of a newsroom's corpus would come. Each size is read and checked in-process
(``read_bitexts`` + ``check_bitext``, best of --repeat on one core); pofilter reads the same line
pairs. Linear means the throughput (thousand characters a second) stays within ±25 % across
sizes. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _best(fn, repeat: int) -> float:
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        seconds = time.perf_counter() - t
        best = seconds if best is None else min(best, seconds)
    return best


def main(argv: list[str] | None = None) -> None:
    from checker.engine import check_bitext
    from checker.io.bilingual import read_bitexts
    from translate.filters import checks

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT.parent / "shared" / "mqm-dev" / "src.zh")
    ap.add_argument("--hyp", type=Path, default=ROOT.parent / "shared" / "mqm-dev" / "hyp.en")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 5, 10])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    src = args.src.read_text(encoding="utf-8")
    hyp = args.hyp.read_text(encoding="utf-8")
    pofilter = checks.StandardChecker()

    def pof(pairs):
        flagged = 0
        for zh, en in pairs:
            try:
                flagged += not pofilter.numbers(zh, en)
            except Exception:
                flagged += 1
        return flagged

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # one untimed check of a slice first: the vocabulary, the rules and dateparser load on
        # first use, and that one-off cost is not the 1x text's
        w, wh = Path(tmp) / "warm.zh", Path(tmp) / "warm.en"
        w.write_text("".join(src.splitlines(keepends=True)[:200]), encoding="utf-8")
        wh.write_text("".join(hyp.splitlines(keepends=True)[:200]), encoding="utf-8")
        check_bitext(read_bitexts([], str(w), str(wh), aligned=True)[0])
        pof(list(zip(src.splitlines()[:200], hyp.splitlines()[:200])))
        for k in args.sizes:
            s, h = Path(tmp) / f"s{k}.zh", Path(tmp) / f"h{k}.en"
            s.write_text(src * k, encoding="utf-8")
            h.write_text(hyp * k, encoding="utf-8")
            chars = len(src * k) + len(hyp * k)
            holder = {}

            def ours():
                (bitext,) = read_bitexts([], str(s), str(h), aligned=True)
                holder["result"] = check_bitext(bitext)

            seconds = _best(ours, args.repeat if k <= 2 else 1)
            pairs = list(zip((src * k).splitlines(), (hyp * k).splitlines()))
            pof_seconds = _best(lambda: pof(pairs), args.repeat if k <= 2 else 1)
            rows.append({"size": k, "chars": chars, "seconds": seconds, "kchars_per_s": chars / seconds / 1e3,
                         "findings": len(holder["result"].findings), "pofilter_seconds": pof_seconds,
                         "pofilter_kchars_per_s": chars / pof_seconds / 1e3})
            r = rows[-1]
            print(f"{k:>3}x {chars / 1e6:6.2f} M chars  claimcheck {r['seconds']:7.2f} s {r['kchars_per_s']:7.0f} kchars/s"
                  f"  pofilter numbers {r['pofilter_seconds']:6.2f} s {r['pofilter_kchars_per_s']:7.0f} kchars/s"
                  f"  (pofilter x{r['seconds'] / r['pofilter_seconds']:.1f} faster)", flush=True)
    speeds = [r["kchars_per_s"] for r in rows]
    spread = max(speeds) / min(speeds)
    print(f"throughput across sizes: {min(speeds):.0f}–{max(speeds):.0f} kchars/s, max/min {spread:.2f} "
          f"({'linear, within ±25 %' if spread <= 1.25 / 0.75 and max(speeds) / speeds[0] <= 1.25 and min(speeds) / speeds[0] >= 0.75 else 'NOT within ±25 % of 1x'})")
    print(json.dumps({"benchmark": "check_speed", "date": time.strftime("%Y-%m-%d"), "rows": rows}))


if __name__ == "__main__":
    main()
