"""Issue 15: ReDoS benchmark. Every compiled pattern of claimcheck (the modules' own and those built
from rules/*.yaml), and extract_text (zh, en) and the bitext check as wholes, on adversarial inputs
of growing size: seconds per MB at each size and the ratio of the largest to the smallest (per MB).
Linear means a ratio within 2x.

    PYTHONPATH=. .venv/bin/python benchmarks/redos.py [--sizes 100K,1M,4M] [--only patterns|whole]

A pattern/input whose smallest size already takes more than --budget seconds is not run larger
and is reported as failing (its time at that size says enough)."""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# What an attacker writes against each kind of pattern: a long run of what one pattern repeats
# (digits, numerals, unit words, separated numbers, 第, spaces, punctuation, a long word), and
# runs of whole claims (dates, weekday schedules) that make a pattern restart at every match.
ATTACKS = {
    "digits": "1234567890",
    "digits_dots": "1.2,3.4,",
    "cn_numerals": "一二三四五六七八九十百千万亿",
    "cn_few": "几",
    "unit_words": "公里吨元人次万元",
    "one_one": "1 1 1 ",
    "di": "第",
    "spaces": " \t\u3000",
    "punct": "，。、；：！？（）“”.,;:!?()\"'",
    "long_word": "a",
    "en_words": "twenty-one hundred thousand million ",
    "zh_dates": "2020年1月1日",
    "en_dates": "January 1, 2020 ",
    "weekdays": "周一至周五，Monday to Friday ",
    "percent": "10%‰百分之",
    "mixed": "约1,000余名 about 1.5 million 第3届 2020年1月至3月 ",
}
SIZES = {"10K": 10_000, "40K": 40_000, "100K": 100_000, "400K": 400_000, "1M": 1_000_000, "4M": 4_000_000}


def make(attack: str, size: int) -> str:
    unit = ATTACKS[attack]
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n + "。"


def patterns() -> list[tuple[str, re.Pattern]]:
    """Every pattern object alive once extraction and a check have run (so the rule-built ones
    are compiled), named by the module global or the first characters of its source."""
    import checker
    from checker.extract import extract_text
    from tests.fuzzing import check_bitext

    extract_text("全市共有二十名民警，2020年1月1日增长10%。On Monday, 20 police officers, up 10%.")
    check_bitext("全市共有二十名民警，2020年1月1日增长10%。", "On Monday, 20 police officers, up 10%.")
    names: dict[int, str] = {}
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("checker"):
            for k, v in vars(mod).items():
                if isinstance(v, re.Pattern):
                    names.setdefault(id(v), f"{mod.__name__.split('.', 1)[1]}.{k}")
    found = {id(p): p for p in gc.get_objects() if isinstance(p, re.Pattern)}
    found.update({id(p): p for p in re._cache.values() if isinstance(p, re.Pattern)})  # type: ignore[attr-defined]
    out = []
    for i, p in found.items():
        if isinstance(p.pattern, str) and len(p.pattern) > 3:
            out.append((names.get(i, "~" + p.pattern[:40].replace("\n", " ")), p))
    del checker
    return sorted(out, key=lambda x: x[0])


def timed(fn, text: str) -> float:
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


def row(name: str, attack: str, fn, sizes: list[str], budget: float) -> tuple[bool, str]:
    per_mb = []
    for s in sizes:
        text = make(attack, SIZES[s])
        t = timed(fn, text)
        per_mb.append(t / (SIZES[s] / 1_000_000))
        if t > budget:
            break
    # stopped at the budget before the largest size: the ratio is of the sizes run (marked *)
    ratio = per_mb[-1] / per_mb[0] if len(per_mb) > 1 and per_mb[0] > 0 else float("inf")
    bad = ratio > 2.0 and per_mb[-1] > 1.0      # under a second per MB is noise, whatever the ratio
    cells = " ".join(f"{x:9.3f}" for x in per_mb) + " " * 10 * (len(sizes) - len(per_mb))
    star = "*" if len(per_mb) < len(sizes) else " "
    return bad, f"{'FAIL' if bad else 'ok  '} {name[:58]:58} {attack:12} {cells} {ratio:7.2f}{star}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100K,1M,4M")
    ap.add_argument("--only", choices=["patterns", "whole"], default=None)
    ap.add_argument("--budget", type=float, default=60.0, help="seconds at one size before giving up larger")
    ap.add_argument("--match", default="", help="only patterns whose name contains this")
    ap.add_argument("--attacks", default=",".join(ATTACKS), help="comma-separated inputs to run")
    args = ap.parse_args()
    sizes = args.sizes.split(",")
    attacks = [a for a in args.attacks.split(",") if a in ATTACKS]
    print(f"{'':5}{'what':58} {'input':12} " + " ".join(f"{s + ' s/MB':>9}" for s in sizes) + "   ratio")
    failed = 0
    if args.only != "whole":
        for name, p in patterns():
            if args.match not in name:
                continue
            for attack in attacks:
                bad, line = row(name, attack, lambda t, p=p: sum(1 for _ in p.finditer(t)), sizes, args.budget)
                failed += bad
                if bad:
                    print(line, flush=True)
        print("(patterns: only failing rows shown)", flush=True)
    if args.only != "patterns":
        from checker.extract import extract_text
        from checker.engine import check_bitext
        from checker.io.bilingual import _free_pair
        from tests.fuzzing import _doc

        def check(text):
            return check_bitext(_free_pair(_doc("s.zh.txt", text), _doc("t.en.txt", "About 20 people.")))

        for name, fn in (("extract_text", extract_text), ("check_bitext", check)):
            for attack in attacks:
                bad, line = row(name, attack, fn, sizes, args.budget)
                failed += bad
                print(line, flush=True)
    print(f"failing: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
