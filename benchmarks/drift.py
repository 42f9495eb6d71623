"""Drift-injection benchmark: recall per drift type and false positives on clean pairs, side by
side with translate-toolkit's pofilter `numbers` check on the same pairs, and check speed.

    .venv/bin/python benchmarks/drift.py [--pairs 400] [--seed 0]

The pairs are generated here from templates written for this benchmark (not the seeds, not the
tests): a Chinese sentence and a faithful English translation built from the same facts; then
each drift is injected into a copy of the English. A finding counts when it is an error or a
warning with the drift's rule name (deletion — a figure replaced by "several" — is missing-claim, or
value-mismatch now that "several" is read as the vague count 2 to 9).

Generated pairs hold only the forms the templates know, so the false alarms that matter are
measured on real text too: the correct segments of ../shared/mqm-dev/ (real machine translations
labelled by hand; `--mqm DIR` to point elsewhere), where a segment is a false alarm when any
translation finding on it is a warning or an error — claimcheck and pofilter on the same segments.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from checker.bitext import Bitext, Segment  # noqa: E402
from checker.engine import check_bitext  # noqa: E402

MONTHS = "January February March April May June July August September October November December".split()
WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
       9: "ninth", 10: "tenth"}


def ordinal(n: int, words: bool) -> str:
    if words and n in ORD:
        return ORD[n].capitalize()
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def count(n: int | None, rng) -> str:
    if n is None:                   # the deletion drift: the figure is dropped
        return "several"
    return WORDS[n] if n <= 12 and rng.random() < 0.5 else f"{n:,}"


# Each template: facts → (zh, en parts). `en` is a function of the facts, so that a drift is a
# change of one fact in the English only.
def templates():
    return [
        (lambda f: f"{f['y']}年{f['m']}月{f['d']}日，{f['city']}警方召开新闻发布会，通报抓获犯罪嫌疑人{f['n']}名。",
         lambda f, r: f"On {MONTHS[f['m'] - 1]} {f['d']}, {f['y']}, police in {f['city_en']} told a press "
                      f"conference that {count(f['n'], r)} suspects had been arrested."),
        (lambda f: f"第{f['o']}届论坛吸引了来自{f['k']}个国家的{f['a']}余名代表。",
         lambda f, r: f"The {ordinal(f['o'], True)} forum drew more than {f['a']:,} delegates from "
                      f"{count(f['k'], r)} countries."),
        (lambda f: f"{f['m']}月{f['d']}日至{f['d'] + 2}日，联合巡逻队航行{f['km']}公里，检查船只{f['n']}艘。",
         lambda f, r: f"From {MONTHS[f['m'] - 1]} {f['d']} to {f['d'] + 2}, the joint patrol sailed "
                      f"{f['km']:,} kilometres and inspected {count(f['n'], r)} vessels."),
        (lambda f: f"全年共破获案件{f['w']}万余起，挽回经济损失{f['yi']}亿元。",
         lambda f, r: f"Over {int(f['w'] * 10000):,} cases were solved in the year, recovering "
                      f"{f['yi'] * 100:,} million yuan in losses."),
        (lambda f: f"目前，中方已与{f['k']}个国家建立了{f['n']}个合作机制，约{f['p']}%的案件已办结。",
         lambda f, r: f"China has so far set up {count(f['n'], r)} cooperation mechanisms with "
                      f"{count(f['k'], r)} countries, and about {f['p']}% of the cases have been closed."),
        (lambda f: f"第{f['o']}次联合执法行动历时{f['days']}天，共出动警力{f['a']}余人次。",
         lambda f, r: f"The {ordinal(f['o'], False)} joint law enforcement operation lasted "
                      f"{count(f['days'], r)} days and involved more than {f['a']:,} police deployments."),
        (lambda f: f"{f['y']}年以来，该中心培训外国执法人员{f['n']}名，举办研修班{f['k']}期。",
         lambda f, r: f"Since {f['y']}, the centre has trained {count(f['n'], r)} foreign law enforcement "
                      f"officers in {count(f['k'], r)} workshops."),
        (lambda f: f"本次行动涉及{f['k']}个省份，缴获毒品{f['t']}吨。",
         lambda f, r: f"The operation covered {count(f['k'], r)} provinces and seized {f['t']:,} tonnes of drugs."),
    ]


CITIES = [("昆明", "Kunming"), ("南宁", "Nanning"), ("厦门", "Xiamen"), ("西安", "Xi'an"), ("大连", "Dalian")]


def facts(rng: random.Random) -> dict:
    city, city_en = rng.choice(CITIES)
    return {"y": rng.randint(2005, 2024), "m": rng.randint(1, 12), "d": rng.randint(1, 26),
            "n": rng.randint(3, 2000), "k": rng.randint(3, 90), "a": rng.randint(2, 90) * 100,
            "o": rng.randint(2, 40), "km": rng.randint(100, 9000), "w": rng.randint(11, 99) / 10,
            "yi": rng.randint(2, 90), "p": rng.randint(11, 95), "days": rng.randint(3, 30),
            "t": rng.randint(2, 900), "city": city, "city_en": city_en}


# drift name → (how to change the facts or the English, the rule that must report it)
def drifts(f: dict, en: str, make_en, rng):
    out = {}
    n = f["n"]
    out["value"] = (make_en(f | {"n": n + rng.choice([1, 10, 100]) if n < 9000 else n - 1}), "value-mismatch")
    out["scale"] = (make_en(f | {"n": n * 10}), "value-mismatch")
    out["date"] = (make_en(f | {"d": f["d"] + 1}), "date-mismatch")
    out["deletion"] = (make_en(f | {"n": None}), ("missing-claim", "value-mismatch"))
    out["ordinal"] = (make_en(f | {"o": f["o"] + 1}), "ordinal-mismatch")
    if "more than" in en:
        out["qualifier"] = (en.replace("more than", "about", 1), "qualifier-drift")
    if "kilometres" in en:
        out["unit"] = (en.replace("kilometres", "miles", 1), "unit-mismatch")
    return out


def pofilter_numbers():
    from translate.filters import checks

    checker = checks.StandardChecker()

    def flags(zh: str, en: str) -> bool:
        try:
            return not checker.numbers(zh, en)
        except checks.FilterFailure:
            return True
        except Exception:
            return True
    return flags


def run(pairs: int, seed: int) -> dict:
    rng = random.Random(seed)
    tmpl = templates()
    pofilter = pofilter_numbers()
    clean_fp = clean_fp_pof = clean = 0
    hit, total, hit_pof = Counter(), Counter(), Counter()
    chars = 0
    elapsed = 0.0
    for _ in range(pairs):
        zh_f, en_f = rng.choice(tmpl)
        f = facts(rng)
        r = random.Random(rng.random())
        zh = zh_f(f)
        en = en_f(f, random.Random(r.random()))
        cases = [("clean", en, None)]
        for name, (drifted, rule) in drifts(f, en, lambda g: en_f(g, random.Random(r.random())), r).items():
            if drifted != en and (name != "date" or "月" in zh) and (name != "ordinal" or "第" in zh) \
                    and (name not in ("value", "scale", "deletion") or str(f["n"]) in zh):
                cases.append((name, drifted, rule))
        for name, text, rule in cases:
            bitext = Bitext((Segment("zh", zh, 0, len(zh)),), (Segment("en", text, 0, len(text)),), aligned=True)
            t = time.perf_counter()
            found = [x for x in check_bitext(bitext).findings if x.severity != "info"]
            elapsed += time.perf_counter() - t
            chars += len(zh.encode()) + len(text.encode())
            pof = pofilter(zh, text)
            if name == "clean":
                clean += 1
                clean_fp += bool(found)
                clean_fp_pof += pof
            else:
                total[name] += 1
                hit[name] += any(x.rule.name in ((rule,) if isinstance(rule, str) else rule) for x in found)
                hit_pof[name] += pof
    return {"pairs": clean, "false_positive_rate": clean_fp / clean, "pofilter_false_positive_rate": clean_fp_pof / clean,
            "recall": {k: hit[k] / total[k] for k in sorted(total)},
            "pofilter_recall": {k: hit_pof[k] / total[k] for k in sorted(total)},
            "injected": dict(total), "check_kb_per_s": chars / 1e3 / elapsed}


def corpus_speed(mb: float) -> dict:
    """`check` on a long bilingual text (benchmarks/corpus.py): KB/s in-process, one core, best of 3."""
    import tempfile

    import corpus

    from checker.io.bilingual import read_bitexts

    text = corpus.generate(int(mb * 1e6), seed=1)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    (bitext,) = read_bitexts([f.name])
    best = min(_timed(lambda: check_bitext(bitext)) for _ in range(3))
    result = check_bitext(bitext)
    loud = Counter(x.severity for x in result.findings if x.severity != "info")
    Path(f.name).unlink()
    return {"kb": len(text.encode()) / 1e3, "kb_per_s": len(text.encode()) / 1e3 / best,
            "errors": loud.get("error", 0), "warnings": loud.get("warning", 0), "claims": result.claims}


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def mqm_clean(directory: Path) -> dict | None:
    """False alarms on the correct segments of the labelled real-text dev set (split dev)."""
    if not (directory / "labels.jsonl").exists():
        return None
    src = (directory / "src.zh").read_text(encoding="utf-8").split("\n")
    hyp = (directory / "hyp.en").read_text(encoding="utf-8").split("\n")
    index = [json.loads(line) for line in (directory / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    labels = {}
    for line in (directory / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        o = json.loads(line)
        if o.get("split") == "dev":
            labels[o["id"]] = o["label"]
    clean = [i for i, ix in enumerate(index) if labels.get(ix["id"]) == "clean"]
    pofilter = pofilter_numbers()
    ours = pof = 0
    t0 = time.perf_counter()
    for i in clean:
        b = Bitext((Segment("src.zh", src[i], 0, len(src[i])),), (Segment("hyp.en", hyp[i], 0, len(hyp[i])),),
                   aligned=True)
        ours += any(f.severity in ("error", "warning") and f.rule.category == "translation"
                    for f in check_bitext(b).findings)
        pof += pofilter(src[i], hyp[i])
    return {"segments": len(clean), "claimcheck_false_alarm_rate": ours / len(clean) if clean else 0.0,
            "pofilter_false_alarm_rate": pof / len(clean) if clean else 0.0,
            "seconds": round(time.perf_counter() - t0, 2)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=400)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus-mb", type=float, default=1.0, help="size of the bilingual text timed (default 1)")
    ap.add_argument("--mqm", type=Path, default=ROOT.parent / "shared" / "mqm-dev",
                    help="the labelled real-text dev set (default ../shared/mqm-dev)")
    a = ap.parse_args(argv)
    r = run(a.pairs, a.seed)
    r["mqm_dev_clean"] = mqm_clean(a.mqm)
    r["corpus"] = corpus_speed(a.corpus_mb)
    print(f"{'drift':<12} {'claimcheck recall':>18} {'pofilter recall':>16} {'injected':>9}")
    for k in r["recall"]:
        print(f"{k:<12} {r['recall'][k]:>18.3f} {r['pofilter_recall'][k]:>16.3f} {r['injected'][k]:>9}")
    print(f"false positives on {r['pairs']} clean pairs: claimcheck {r['false_positive_rate']:.3%}, "
          f"pofilter {r['pofilter_false_positive_rate']:.3%}")
    m = r["mqm_dev_clean"]
    if m is None:
        print(f"real text: {a.mqm} not found; false alarms on real translations not measured")
    else:
        print(f"false alarms on {m['segments']} correct segments of real machine translations (mqm-dev): "
              f"claimcheck {m['claimcheck_false_alarm_rate']:.1%}, pofilter {m['pofilter_false_alarm_rate']:.1%} "
              "(target ≤ 3 %)")
    print(f"check speed: {r['check_kb_per_s']:.0f} KB/s (one aligned pair at a time, in-process)")
    c = r["corpus"]
    print(f"check on a {c['kb']:.0f} KB generated bilingual text (faithful translations): {c['kb_per_s']:.0f} KB/s "
          f"(target 300), {c['errors']} errors, {c['warnings']} warnings, {c['claims']} claims")
    print(json.dumps(r))


if __name__ == "__main__":
    main()
