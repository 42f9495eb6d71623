"""Extraction speed: claimcheck against Microsoft Recognizers-Text, same run, same text.

    benchmarks/.venv-bench/bin/python benchmarks/extract_speed.py [--size-mb 10] [--sample-kb 200]

Prints a table, then one JSON line with every figure. Timings are best of N (shared, noisy
machines); targets are reported as PASS/MISS and never fail the run. MB = 10**6 UTF-8 bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

CJK = re.compile(r"[\u3400-\u9fff]")
TARGET_MB_S, TARGET_RATIO, TARGET_COLD_S = 1.0, 30.0, 1.0


def best_of(n: int, fn):
    """(best wall seconds, result of the last call)."""
    times, out = [], None
    for _ in range(n):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def failed(e: BaseException) -> dict:
    return {"error": f"{type(e).__name__}: {e}".strip().rstrip(":")}


def load_ours():
    t = time.perf_counter()
    try:
        from checker.extract import extract_text
    except Exception as e:  # ImportError, or whatever a module under construction raises
        return None, failed(e)
    return extract_text, {"import_s": time.perf_counter() - t}


def time_ours(extract, docs: list[tuple[str, str]], repeat: int) -> dict:
    """Throughput of extract_text over docs [(path, text)], one call per document."""
    if extract is None:
        return {"error": "extractor not importable"}
    try:
        secs, claims = best_of(repeat, lambda: [c for p, t in docs for c in extract(t, path=p)])
    except Exception as e:  # NotImplementedError while the extractor is being written
        return failed(e)
    chars, mb = sum(len(t) for _, t in docs), sum(len(t.encode()) for _, t in docs) / 1e6
    return {"seconds": secs, "chars": chars, "mb": mb, "chars_per_s": chars / secs,
            "mb_per_s": mb / secs, "claims": len(claims)}


def date_paths(extract, path: str, text: str) -> dict:
    """How many dates our own patterns read, and how many were handed to dateparser."""
    try:
        from checker.extract.dates import STATS
    except ImportError as e:
        return failed(e)
    STATS.clear()
    extract(text, path=path)
    ours, dp = STATS["patterns"], STATS["dateparser"]
    return {"patterns": ours, "dateparser_calls": dp, "dateparser_read": STATS["dateparser_read"],
            "dateparser_share": dp / (ours + dp) if ours + dp else 0.0}


def peak_memory(extract, path: str, text: str) -> dict:
    if extract is None:
        return {"error": "extractor not importable"}
    tracemalloc.start()
    try:
        extract(text, path=path)
        peak = tracemalloc.get_traced_memory()[1]
    except Exception as e:
        return failed(e)
    finally:
        tracemalloc.stop()
    return {"tracemalloc_peak_mb": peak / 1e6,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3}


def time_cli(paths: list[Path], repeat: int) -> dict:
    exe = Path(sys.executable).with_name("claimcheck")
    cmd = [str(exe), "extract", *map(str, paths), "--format", "jsonl"]

    def once():
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        if p.returncode:
            last = (p.stderr.decode(errors="replace").strip().splitlines() or [""])[-1]
            raise RuntimeError(f"exit {p.returncode}: {last}")
    if not exe.exists():
        return {"error": f"{exe} not found (pip install -e {ROOT} in this venv)"}
    try:
        secs, _ = best_of(repeat, once)
    except Exception as e:
        return failed(e)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    return {"seconds": secs, "mb": mb, "mb_per_s": mb / secs}


def take_sample(text: str, kb: float) -> str:
    """A prefix of at most kb*1000 UTF-8 bytes, cut after a whole (Chinese, English) pair of paragraphs."""
    out, size = [], 0
    for line in text.splitlines(keepends=True):
        size += len(line.encode())
        if size > kb * 1000:
            break
        out.append(line)
    return "".join(out[: len(out) // 2 * 2])


def recognizers() -> dict:
    """Recognizers-Text models built once: {lang: {"number_unit": [...], "datetime": [...]}}."""
    from ms_recognizers_date_time import DateTimeRecognizer
    from ms_recognizers_number import NumberRecognizer
    from ms_recognizers_number_with_unit import NumberWithUnitRecognizer
    from ms_recognizers_text import Culture
    models = {}
    for lang, culture in (("zh", Culture.Chinese), ("en", Culture.English)):
        unit = NumberWithUnitRecognizer(culture)
        models[lang] = {
            "number_unit": [NumberRecognizer(culture).get_number_model(),
                            unit.get_currency_model(), unit.get_dimension_model()],
            "datetime": [DateTimeRecognizer(culture).get_datetime_model()],
        }
    return models


def time_rt(models: dict, paras: list[tuple[str, str]], group: str, repeat: int) -> dict:
    secs, found = best_of(repeat, lambda: sum(len(m.parse(p)) for lang, p in paras
                                              for m in models[lang][group]))
    chars = sum(len(p) for _, p in paras)
    return {"seconds": secs, "chars_per_s": chars / secs, "entities": found}


def verdict(value, target: float, higher_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    return "PASS" if (value >= target if higher_is_better else value < target) else "MISS"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=10.0, help="generated corpus size (default 10)")
    ap.add_argument("--sample-kb", type=float, default=200.0, help="Recognizers-Text sample (default 200)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N for in-process timings (default 3)")
    ap.add_argument("--cold-repeat", type=int, default=5, help="best of N for the cold start (default 5)")
    ap.add_argument("--no-rt", action="store_true", help="skip Recognizers-Text")
    a = ap.parse_args(argv)

    corpus_path = HERE / ".corpus" / f"corpus-{a.size_mb:g}mb-seed0.txt"
    if not corpus_path.exists():
        corpus.main(["--size-mb", str(a.size_mb), "--out", str(corpus_path)])
    text = corpus_path.read_text(encoding="utf-8")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    r: dict = {"date": time.strftime("%Y-%m-%d"), "corpus": str(corpus_path.relative_to(ROOT)),
               "corpus_mb": len(text.encode()) / 1e6}

    extract, r["import"] = load_ours()
    r["ours_seeds"] = time_ours(extract, [(str(p), p.read_text(encoding="utf-8")) for p in seeds], a.repeat)
    r["ours_corpus"] = time_ours(extract, [(str(corpus_path), text)], a.repeat)
    r["ours_dates"] = date_paths(extract, str(corpus_path), text)
    r["ours_memory"] = peak_memory(extract, str(corpus_path), text)
    r["cli_corpus"] = time_cli([corpus_path], a.repeat)
    r["cli_cold_start"] = time_cli(seeds[:1], a.cold_repeat)

    sample = take_sample(text, a.sample_kb)
    paras = [("zh" if CJK.search(p) else "en", p) for p in sample.splitlines() if p.strip()]
    r["sample"] = {"kb": len(sample.encode()) / 1e3, "chars": len(sample),
                   "paragraphs_zh": sum(lang == "zh" for lang, _ in paras),
                   "paragraphs_en": sum(lang == "en" for lang, _ in paras)}
    r["ours_sample"] = time_ours(extract, [("sample.txt", sample)], a.repeat)
    if not a.no_rt:
        t = time.perf_counter()
        models = recognizers()
        r["rt_construct_s"] = time.perf_counter() - t
        for group in ("number_unit", "datetime"):
            rt = r[f"rt_{group}"] = time_rt(models, paras, group, a.repeat)
            if "seconds" in r["ours_sample"]:
                rt["ours_faster_x"] = rt["seconds"] / r["ours_sample"]["seconds"]
    report(r)


def report(r: dict) -> None:
    def get(key, field):
        return r.get(key, {}).get(field)

    def fmt(key, field, spec):
        v = get(key, field)
        return format(v, spec) if v is not None else r.get(key, {}).get("error", "skipped")[:60]

    rows = [
        ("ours import time (s)", fmt("import", "import_s", ".3f"), "", ""),
        ("ours in-process, seeds (chars/s)", fmt("ours_seeds", "chars_per_s", ",.0f"), "", ""),
        ("ours in-process, seeds (MB/s)", fmt("ours_seeds", "mb_per_s", ".2f"), "", ""),
        ("ours in-process, corpus (chars/s)", fmt("ours_corpus", "chars_per_s", ",.0f"), "", ""),
        ("ours in-process, corpus (MB/s), numbers and dates", fmt("ours_corpus", "mb_per_s", ".2f"),
         f">= {TARGET_MB_S} MB/s", verdict(get("ours_corpus", "mb_per_s"), TARGET_MB_S)),
        ("ours claims found in corpus", fmt("ours_corpus", "claims", ",d"), "", ""),
        ("dates read by our patterns", fmt("ours_dates", "patterns", ",d"), "", ""),
        ("dates handed to dateparser (share)", fmt("ours_dates", "dateparser_share", ".4%"), "", ""),
        ("ours peak traced memory (MB)", fmt("ours_memory", "tracemalloc_peak_mb", ",.0f"), "", ""),
        ("process max RSS (MB)", fmt("ours_memory", "max_rss_mb", ",.0f"), "", ""),
        ("claimcheck extract corpus (MB/s)", fmt("cli_corpus", "mb_per_s", ".2f"), "", ""),
        ("claimcheck extract cold start (s)", fmt("cli_cold_start", "seconds", ".3f"),
         f"< {TARGET_COLD_S} s", verdict(get("cli_cold_start", "seconds"), TARGET_COLD_S, False)),
        ("sample size (KB, paragraphs zh/en)", f"{r['sample']['kb']:.0f} ({r['sample']['paragraphs_zh']}"
         f"/{r['sample']['paragraphs_en']})", "", ""),
        ("ours on sample (s)", fmt("ours_sample", "seconds", ".3f"), "", ""),
        ("RT models construction (s)", f"{r['rt_construct_s']:.2f}" if "rt_construct_s" in r else "skipped", "", ""),
    ]
    for group, label in (("number_unit", "number+currency+dimension"), ("datetime", "datetime")):
        rows += [(f"RT {label} on sample (s)", fmt(f"rt_{group}", "seconds", ".2f"), "", ""),
                 (f"ours faster than RT {label} (x)", fmt(f"rt_{group}", "ours_faster_x", ".1f"),
                  f">= {TARGET_RATIO:g}x", verdict(get(f"rt_{group}", "ours_faster_x"), TARGET_RATIO))]
    width = max(len(row[0]) for row in rows)
    print(f"{'metric':<{width}}  {'value':>14}  {'target':<12} status")
    for name, value, target, status in rows:
        print(f"{name:<{width}}  {value:>14}  {target:<12} {status}")
    print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
