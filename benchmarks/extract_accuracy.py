"""Extraction accuracy on real text: claimcheck against two alternatives, same sentences, same run.

The labelled set is ``benchmarks/labelled/extract_{zh,en}.jsonl`` (built by
``benchmarks/labelled/build.py`` from labels written by reading the text; see
``benchmarks/README.md``). Each record is one sentence with its gold claims and its ``absent``
entries (text a tool might wrongly read as a claim).

Systems, each run on every sentence on its own:

- ``claimcheck``: ``checker.extract.extract_text(sentence)``;
- ``recognizers``: Microsoft Recognizers-Text (number, ordinal, percentage, currency, dimension,
  age, temperature and date-time models; overlapping results keep the most specific model's);
- ``cn2an+regex``: a digit regex (thousands separators, decimals, ``%``, a 万/亿 scale) and
  Chinese numeral spans (a regex of numeral characters) read by ``cn2an``.

A prediction matches a gold claim when the spans overlap and the value agrees: numbers by nominal
(relative 1e-9) or by an equal interval; dates by start/end, or by month/day when the gold
value has no year (a year also matches a plain number equal to it). A range may be read as one
claim holding the interval or as one claim per end, each with its full value (86万 and 120万 for
86万到120万人; 12月4日 and 17日). Each prediction matches at most one gold claim. Predictions that overlap no gold claim and hold neither a digit nor a
numeral word (今年, 周六, "last year", "Saturday") are outside the labelled scope and not counted;
every other unmatched prediction is a false positive. For claimcheck, a gold claim whose span
is found but whose value is wrong is also counted apart (``span_only``): a wrong value is worse
than a miss.

Per form group: recall is over the gold claims of the group; a false positive counts against the
group of the gold claim it overlaps (one that overlaps none counts only in the language total).

    benchmarks/.venv-bench/bin/python benchmarks/extract_accuracy.py [--lang zh|en]
        [--systems claimcheck,recognizers,cn2an] [--details FILE]

The last line of the output is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELLED = HERE / "labelled"
FORMS = ["sign", "fraction", "multiple", "compound", "approx_numeral", "colloquial_money",
         "currency", "suffix", "range", "percentage_point", "temperature", "ordinal", "date",
         "plain"]


# ---------------------------------------------------------------- predictions, one shape for all

def pred(start, end, text, kind=None, num=None, dat=None):
    """num: (nominal, low, high) floats or None; dat: {'start','end'} or {'month','day'} or
    {'from','to'} (month/day dicts), or None."""
    return {"start": start, "end": end, "text": text, "kind": kind, "num": num, "date": dat}


def f(x):
    return None if x is None else float(x)


def run_claimcheck(lang: str, sentence: str) -> list[dict]:
    from checker.extract import extract_text
    out = []
    for c in extract_text(sentence):
        v = c.to_json()["value"]
        if "nominal" in v:
            out.append(pred(c.start, c.end, c.text, c.kind,
                            num=(f(v["nominal"]), f(v["low"]), f(v["high"]))))
        else:
            if v.get("end_month") or v.get("end_day"):      # a range with no year known: its two ends
                v = dict(v, **{"from": {k: v[k] for k in ("month", "day") if v.get(k)},
                               "to": {"month": v.get("end_month") or v.get("month"),
                                      **({"day": v["end_day"]} if v.get("end_day") else {})}})
            out.append(pred(c.start, c.end, c.text, c.kind, dat=v))
    return out


_RT = {}


def rt_models(lang: str) -> list[tuple[str, object]]:
    if lang not in _RT:
        from ms_recognizers_date_time import DateTimeRecognizer
        from ms_recognizers_number import NumberRecognizer
        from ms_recognizers_number_with_unit import NumberWithUnitRecognizer
        from ms_recognizers_text import Culture
        culture = Culture.Chinese if lang == "zh" else Culture.English
        n, u = NumberRecognizer(culture), NumberWithUnitRecognizer(culture)
        models = [("datetime", DateTimeRecognizer(culture).get_datetime_model())]
        for name, get in (("currency", u.get_currency_model), ("temperature", u.get_temperature_model),
                          ("age", u.get_age_model), ("dimension", u.get_dimension_model),
                          ("percentage", n.get_percentage_model), ("ordinal", n.get_ordinal_model),
                          ("number", n.get_number_model)):
            try:
                models.append((name, get()))
            except Exception:        # a model a culture does not have
                pass
        _RT[lang] = models
    return _RT[lang]


def _num(s) -> float | None:
    if s is None:
        return None
    try:
        return float(str(s).replace(",", "").rstrip("%"))
    except ValueError:
        return None


def _inclusive(end: str) -> str:
    return (date.fromisoformat(end) - timedelta(days=1)).isoformat()


def _md(iso: str) -> dict:
    d = date.fromisoformat(iso)
    return {"month": d.month, "day": d.day}


def rt_value(name: str, r) -> dict:
    try:
        return _rt_value(name, r)
    except (ValueError, TypeError, KeyError):     # "not resolved" and the like
        return {}


def _rt_value(name: str, r) -> dict:
    res = r.resolution or {}
    if name != "datetime":
        v = _num(res.get("value"))
        return {"num": None if v is None else (v, v, v)}
    vals = res.get("values") or []
    if not vals:
        return {}
    v0 = vals[0]
    timex, typ = v0.get("timex", ""), v0.get("type", "")
    if typ == "duration":
        m = re.fullmatch(r"PT?([\d.]+)[YMWDHS]", timex)
        return {"num": (float(m.group(1)),) * 3} if m else {}
    if typ == "date" and "value" in v0:
        if timex.startswith("XXXX"):
            return {"dat": _md(v0["value"])}
        return {"dat": {"start": v0["value"], "end": v0["value"]}}
    if typ == "daterange" and "start" in v0 and "end" in v0:
        s, e = v0["start"], _inclusive(v0["end"])
        if "XXXX" in timex:
            if re.fullmatch(r"XXXX-\d\d", timex):
                return {"dat": {"month": int(timex[5:7])}}
            return {"dat": {"from": _md(s), "to": _md(e)}}
        return {"dat": {"start": s, "end": e}}
    return {}


def locate(sentence: str, r) -> tuple[int | None, int | None]:
    """The result's span. Ends are inclusive; in long Chinese sentences the date-time model's
    offsets drift, so the result's text is looked up, nearest to the offset given."""
    s, e = r.start, r.end + 1
    text = (r.text or "").lower()
    if sentence[s:e].lower() == text:
        return s, e
    low = sentence.lower()
    hits = [m.start() for m in re.finditer(re.escape(text), low)] if text else []
    if not hits:
        return None, None
    s = min(hits, key=lambda h: abs(h - r.start))
    return s, s + len(text)


def run_recognizers(lang: str, sentence: str) -> list[dict]:
    found = []
    for rank, (name, model) in enumerate(rt_models(lang)):
        for r in model.parse(sentence):
            found.append((rank, -(r.end + 1 - r.start), name, r))
    kept, taken = [], []
    for rank, _, name, r in sorted(found, key=lambda t: (t[0], t[1])):
        s, e = locate(sentence, r)
        if s is None:
            continue
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        kept.append(pred(s, e, sentence[s:e], name, **rt_value(name, r)))
    return sorted(kept, key=lambda p: p["start"])


_FULLWIDTH = str.maketrans("０１２３４５６７８９％．，", "0123456789%.,")
DIGITS = re.compile(r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?P<scale>万亿|万|亿))?(?P<pct>\s?%)?")
CN_NUM = re.compile(r"[零〇一二两三四五六七八九十百千万亿点]+")
SCALE = {"万": 1e4, "亿": 1e8, "万亿": 1e12}


def run_cn2an(lang: str, sentence: str) -> list[dict]:
    import cn2an
    text = sentence.translate(_FULLWIDTH)      # same length: offsets stay
    out = []
    for m in DIGITS.finditer(text):
        core = re.match(r"[\d,.]+", m.group(0)).group(0)
        v = float(core.replace(",", "")) * SCALE.get(m.group("scale") or "", 1)
        out.append(pred(m.start(), m.end(), sentence[m.start():m.end()],
                        "percent" if m.group("pct") else "number", num=(v, v, v)))
    if lang == "zh":
        for m in CN_NUM.finditer(text):
            span = m.group(0).strip("点")
            if span in ("一", "万", "亿", "千", "百", "十") or not span:   # 一些/一个/千万 … as words
                continue
            start = m.start() + m.group(0).index(span)
            if any(p["start"] < start + len(span) and start < p["end"] for p in out):
                continue
            try:
                v = float(cn2an.cn2an(span, "smart"))
            except Exception:
                continue
            out.append(pred(start, start + len(span), span, "number", num=(v, v, v)))
    return sorted(out, key=lambda p: p["start"])


SYSTEMS = {"claimcheck": run_claimcheck, "recognizers": run_recognizers, "cn2an": run_cn2an}


# ---------------------------------------------------------------------------- matching

def close(a, b) -> bool:
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def num_match(g: dict, p: tuple | None) -> bool:
    if p is None:
        return False
    pn, pl, ph = p
    if g["nominal"] is not None and close(g["nominal"], pn):
        return True
    if g["low"] is not None and g["high"] is not None and close(g["low"], pl) and close(g["high"], ph):
        return True
    return False


def _md_of(d: dict, which: str) -> dict | None:
    """month/day of a predicted date's start or end (from start/end, or its stated fields)."""
    if d.get("start") and d.get("end"):
        return _md(d["start"] if which == "start" else d["end"])
    if which in ("from", "to") and which in d:
        return d[which]
    return None


def date_match(g: dict, kind: str, p: dict) -> bool:
    d = p["date"]
    if g.get("start"):
        if d and d.get("start") == g["start"] and d.get("end") == g["end"]:
            return True
        if kind == "year" and p["num"] is not None:
            return close(p["num"][0], int(g["start"][:4]))
        return False
    if g.get("ago"):                  # N years ago: any date reading of it (its day needs a publication date)
        return d is not None
    if not d:
        return False
    if "from" in g:
        s = _md_of(d, "start") or d.get("from")
        e = _md_of(d, "end") or d.get("to")
        return bool(s and e) and all(s.get(k) == v for k, v in g["from"].items()) \
            and all(e.get(k) == v for k, v in g["to"].items())
    if d.get("start") and d.get("end"):
        s, e = _md(d["start"]), _md(d["end"])
        if "day" in g:
            return d["start"] == d["end"] and all(s[k] == v for k, v in g.items() if k in ("month", "day"))
        return s["month"] == e["month"] == g.get("month") and s["day"] == 1
    return all(d.get(k) == g.get(k) for k in ("month", "day"))


def end_pair(g: dict, cands: list[tuple[int, dict]]) -> tuple[int, int] | None:
    """Two predictions, in order, that give a range's two ends with their full value: 86万 and
    120万 for 86万到120万人 (each end carrying the scale and unit), 1989 and 1994 for
    "1989 to 1994", 12月4日 and 17日 for 12月4日持续到17日."""
    v, kind = g["value"], g["kind"]
    if kind in ("year", "date", "date_range"):
        if v.get("start") and v.get("end"):
            first = lambda p: bool(p["date"]) and p["date"].get("start") == v["start"] or \
                (p["num"] is not None and close(p["num"][0], int(v["start"][:4])))
            second = lambda p: bool(p["date"]) and p["date"].get("end") == v["end"] or \
                (p["num"] is not None and close(p["num"][0], int(v["end"][:4])))
        elif "from" in v:
            first = lambda p: bool(p["date"]) and date_match(v["from"], "date", p)
            second = lambda p: bool(p["date"]) and (date_match(v["to"], "date", p) or (
                "day" in v["to"] and v["to"].get("month") == v["from"].get("month")
                and date_match({"day": v["to"]["day"]}, "date", p)))
        else:
            return None
    elif v.get("nominal") is None and v.get("low") is not None and v.get("high") is not None:
        first = lambda p: p["num"] is not None and close(p["num"][0], v["low"])
        second = lambda p: p["num"] is not None and close(p["num"][0], v["high"])
    else:
        return None
    for a, pa in cands:
        if first(pa):
            for b, pb in cands:
                if pb["start"] > pa["start"] and second(pb):
                    return a, b
    return None


def value_match(g: dict, p: dict) -> bool:
    if g["kind"] in ("year", "date", "date_range"):
        return date_match(g["value"], g["kind"], p)
    return num_match(g["value"], p["num"])


NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿半]|\b(?:one|two|three|four|five|six|seven|"
                     r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                     r"ninety|hundred|thousand|million|billion|first|second|third|fourth|fifth|half|"
                     r"dozens?|double|twice|quarter)\b", re.I)
WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")


def in_scope(p: dict) -> bool:
    return bool(NUMERAL.search(WEEKDAY.sub("", p["text"])))


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score_sentence(golds: list[dict], preds: list[dict]):
    """-> (per gold: 'tp' | 'span_only' | 'miss'), list of (pred, form or None) false positives."""
    used: set[int] = set()
    status = []
    for g in golds:
        hit = next((i for i, p in enumerate(preds)
                    if i not in used and overlaps(g, p) and value_match(g, p)), None)
        if hit is not None:
            used.add(hit)
            status.append("tp")
        else:
            status.append("miss")
    for k, g in enumerate(golds):                   # a range read as one claim per end
        if status[k] == "miss":
            pair = end_pair(g, [(i, p) for i, p in enumerate(preds) if i not in used and overlaps(g, p)])
            if pair:
                used.update(pair)
                status[k] = "tp"
    for k, g in enumerate(golds):
        if status[k] == "miss" and any(i not in used and overlaps(g, p) for i, p in enumerate(preds)):
            status[k] = "span_only"
    fps = []
    for i, p in enumerate(preds):
        if i in used:
            continue
        over = [g for g in golds if overlaps(g, p)]
        if not over and not in_scope(p):
            continue
        fps.append((p, over[0]["form"] if over else None))
    return status, fps


def prf(tp: int, fp: int, n_gold: int) -> dict:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / n_gold if n_gold else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"p": p, "r": r, "f1": f1, "tp": tp, "fp": fp, "gold": n_gold}


def evaluate(lang: str, records: list[dict], system: str, details) -> dict:
    run = SYSTEMS[system]
    tp = fp = n = span_only = 0
    errors = 0
    by_form = defaultdict(lambda: {"tp": 0, "fp": 0, "gold": 0, "span_only": 0})
    t0 = time.perf_counter()
    for rec in records:
        try:
            preds = run(lang, rec["sentence"])
        except Exception as e:                       # a crash is a sentence with no claims
            errors += 1
            preds = []
            if details:
                details.write(json.dumps({"system": system, "id": rec["id"], "error": repr(e)},
                                         ensure_ascii=False) + "\n")
        status, fps = score_sentence(rec["claims"], preds)
        for g, st in zip(rec["claims"], status):
            n += 1
            b = by_form[g["form"]]
            b["gold"] += 1
            if st == "tp":
                tp += 1
                b["tp"] += 1
            elif st == "span_only":
                span_only += 1
                b["span_only"] += 1
            if details and st != "tp":
                details.write(json.dumps({"system": system, "id": rec["id"], "status": st,
                                          "gold": {k: g[k] for k in ("text", "kind", "value", "form")},
                                          "predicted": [{"text": p["text"], "num": p["num"], "date": p["date"]}
                                                        for p in preds if overlaps(g, p)]},
                                         ensure_ascii=False) + "\n")
        for p, form in fps:
            fp += 1
            if form:
                by_form[form]["fp"] += 1
            if details:
                details.write(json.dumps({"system": system, "id": rec["id"], "status": "fp",
                                          "predicted": {"text": p["text"], "num": p["num"], "date": p["date"]},
                                          "form": form}, ensure_ascii=False) + "\n")
    out = prf(tp, fp, n)
    out["span_only"] = span_only
    out["errors"] = errors
    out["seconds"] = round(time.perf_counter() - t0, 2)
    out["forms"] = {}
    for form in FORMS:
        if form in by_form:
            b = by_form[form]
            out["forms"][form] = prf(b["tp"], b["fp"], b["gold"]) | {"span_only": b["span_only"]}
    return out


def fmt(x) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=["zh", "en"], action="append")
    ap.add_argument("--systems", default="claimcheck,recognizers,cn2an")
    ap.add_argument("--details", help="write every miss, wrong value and false positive here (JSONL)")
    args = ap.parse_args()
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    for s in systems:
        if s not in SYSTEMS:
            sys.exit(f"unknown system {s!r}; choose from {', '.join(SYSTEMS)}")
    details = open(args.details, "w", encoding="utf-8") if args.details else None
    results: dict = {}
    for lang in args.lang or ["zh", "en"]:
        path = LABELLED / f"extract_{lang}.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        n = sum(len(r["claims"]) for r in records)
        results[lang] = {"sentences": len(records), "claims": n, "systems": {}}
        print(f"\n== {lang}: {len(records)} sentences, {n} gold claims "
              f"({sum(len(r['absent']) for r in records)} absent entries)")
        for system in systems:
            results[lang]["systems"][system] = evaluate(lang, records, system, details)
        print(f"{'form':<18}{'gold':>5}  " + "  ".join(f"{s[:11]:>11} P     R     F1  " for s in systems))
        rows = [("ALL", None)] + [(form, form) for form in FORMS
                                  if any(form in results[lang]["systems"][s]["forms"] for s in systems)]
        for label, form in rows:
            cells = []
            gold = None
            for s in systems:
                r = results[lang]["systems"][s]
                r = r if form is None else r["forms"].get(form)
                if r is None:
                    cells.append(" " * 28)
                    continue
                gold = r["gold"]
                cells.append(f"{fmt(r['p']):>11} {fmt(r['r'])} {fmt(r['f1'])}  ")
            print(f"{label:<18}{gold:>5}  " + "  ".join(cells))
        if "claimcheck" in systems:
            r = results[lang]["systems"]["claimcheck"]
            print(f"claimcheck: {r['span_only']} gold claims found with a wrong value (span only), "
                  f"{r['gold'] - r['tp'] - r['span_only']} not found, {r['fp']} false positives; "
                  f"{r['errors']} sentences raised")
        for s in systems:
            r = results[lang]["systems"][s]
            print(f"  {s}: {r['seconds']} s" + (f", {r['errors']} sentences raised" if r["errors"] else ""))
    if details:
        details.close()
    print(json.dumps({"benchmark": "extract_accuracy", "results": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
