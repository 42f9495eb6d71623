"""Builds extract_zh.jsonl / extract_en.jsonl from the hand-written label files zh.lab / en.lab.

The labels are written by reading each sentence; this script only locates each span in its
sentence (the first occurrence at or after the previous claim of the same sentence), turns the
short value notation into the claim's value object, and assigns the form group. It never runs
claimcheck.

Label file format::

    @ <source-key> <line>            a sentence: line <line> (1-based) of the source file
    span | kind | value | unit | note | form     a claim (unit, note, form optional)
    -span                            an `absent` entry: text a tool might wrongly read

value notation: ``12`` exact; ``12[12,]`` nominal with interval (empty end = open);
``[70,80]`` interval only; dates ``2022-03-05``, ``2022-03-01/2022-03-31``, ``2002`` (kind year),
``m12d11`` / ``m10`` / ``d11`` (no year in the sentence) and ``m3/m6`` (a range without year).
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the WMT22 general-test files (wmt-conference/wmt22-news-systems, txt-ts/sources and
# txt-ts/references): benchmarks/labelled/.wmt22/ (git-ignored; see benchmarks/README.md), or
# the folder $CLAIMCHECK_WMT22 names
REALTEXT = Path(os.environ.get("CLAIMCHECK_WMT22", HERE / ".wmt22"))
SOURCES = {
    "zh": "generaltest2022.zh-en.src.zh",      # WMT22 general test, Chinese news (source side)
    "zhref": "generaltest2022.zh-en.ref.A.en",  # its human English translation
    "en": "generaltest2022.en-zh.src.en",      # WMT22 general test, English news (source side)
    "enref": "generaltest2022.en-zh.ref.A.zh",  # its human Chinese translation
}

NUMERIC = {"count", "quantity", "money", "percent", "number", "ordinal", "duration"}
DATES = {"year", "date", "date_range"}
OTHER_CURRENCIES = {"SGD", "HKD", "TWD", "MYR"}  # the forms of issue 12 (S$, HK$, NT$, 新元, 港元, 令吉)


def num(s: str):
    s = s.strip()
    if s == "":
        return None
    v = float(s)
    return int(v) if v.is_integer() and "e" not in s.lower() and "." not in s else v


def parse_value(kind: str, v: str):
    v = v.strip()
    if kind in DATES and v == "ago":      # 20年前, "two years ago": a date whose day the publication sets
        return {"start": None, "end": None, "ago": True}
    if kind in DATES:
        if kind == "year" and re.fullmatch(r"-?\d{3,4}", v):
            y = int(v)
            return {"start": f"{y:04d}-01-01", "end": f"{y:04d}-12-31"}
        if "/" in v:
            a, b = v.split("/")
            if re.fullmatch(r"\d{4}-\d\d-\d\d", a) and re.fullmatch(r"\d{4}-\d\d-\d\d", b):
                return {"start": a, "end": b}
            return {"start": None, "end": None, "from": md(a), "to": md(b)}
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            return {"start": v, "end": v}
        return {"start": None, "end": None, **md(v)}
    m = re.fullmatch(r"(?P<n>[-+0-9.e]*)(?:\[(?P<lo>[-+0-9.e]*),(?P<hi>[-+0-9.e]*)\])?", v)
    if not m:
        raise ValueError(f"bad value {v!r}")
    n = num(m.group("n") or "")
    if m.group("lo") is None and m.group("hi") is None:
        return {"nominal": n, "low": n, "high": n}
    return {"nominal": n, "low": num(m.group("lo")), "high": num(m.group("hi"))}


def md(s: str) -> dict:
    m = re.fullmatch(r"(?:m(\d+))?(?:d(\d+))?", s)
    if not m or not (m.group(1) or m.group(2)):
        raise ValueError(f"bad month/day {s!r}")
    out = {}
    if m.group(1):
        out["month"] = int(m.group(1))
    if m.group(2):
        out["day"] = int(m.group(2))
    return out


def form_of(lang: str, c: dict) -> str:
    t, kind, unit, v = c["text"], c["kind"], c.get("unit"), c["value"]
    tl = t.lower()
    if kind in DATES:
        return "date"
    if c.get("sign") == "-" or re.search(r"负|零下|minus|negative|−", t):
        return "sign"
    if unit == "percentage_point":
        return "percentage_point"
    if unit in ("degC", "degF"):
        return "temperature"
    if re.search(r"分之|一半|近半|半数|[一二三四五六七八九]成|\bthirds?\b|\bhalf\b|\bquarters?\b|\bfifths?\b", tl):
        return "fraction"
    if unit == "times":
        return "multiple"
    if unit in OTHER_CURRENCIES or re.search(r"S\$|HK\$|NT\$|新元|港元|港币|令吉|马币|新台币", t):
        return "currency"
    if kind == "money" and re.search(r"块|毛|[0-9一二三四五六七八九十]角", t):
        return "colloquial_money"
    if re.search(r"\d\s?(k|K|M|m|bn|b|tn)\b|(^|\s)\.\d|\d \d{3}\b|dozen", t) and kind != "quantity":
        return "suffix"
    if lang == "zh" and re.search(r"[0-9一二三四五六七八九两]+[万亿][0-9一二三四五六七八九两]+[千百]?|[0-9]+万[0-9]{2,}", t):
        return "compound"
    if lang == "zh" and re.search(r"几|[一二三四五六七八九两]{2}[十百千万亿个年天岁]|十几|[0-9]、[0-9]", t):
        return "approx_numeral"
    if lang == "en" and re.search(r"\b(dozens|several|a few|tens)\b", tl):
        return "approx_numeral"
    if v.get("nominal") is None and v.get("low") is not None and v.get("high") is not None:
        return "range"
    if kind == "ordinal":
        return "ordinal"
    return "plain"


def build(lang: str) -> list[dict]:
    lab = HERE / f"{lang}.lab"
    lines_cache: dict[str, list[str]] = {}
    records: list[dict] = []
    rec = None
    cursor = 0
    for lineno, raw in enumerate(lab.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("@"):
            _, key, ln = raw.split()
            if key not in lines_cache:
                lines_cache[key] = (REALTEXT / SOURCES[key]).read_text(encoding="utf-8").split("\n")
            sentence = lines_cache[key][int(ln) - 1]
            rec = {"id": f"{key}:{ln}", "lang": lang,
                   "source": {"file": SOURCES[key], "line": int(ln)},
                   "sentence": sentence, "claims": [], "absent": []}
            records.append(rec)
            cursor = 0
            continue
        assert rec is not None, f"{lab}:{lineno}: claim before any sentence"
        if raw.startswith("-"):
            span = raw[1:].strip()
            at = rec["sentence"].find(span)
            if at < 0:
                sys.exit(f"{lab}:{lineno}: absent {span!r} not in {rec['id']}")
            rec["absent"].append({"text": span, "start": at})
            continue
        parts = [p.strip() for p in raw.split("|")]
        parts += [""] * (6 - len(parts))
        span, kind, value, unit, note, form = parts[:6]
        at = rec["sentence"].find(span, cursor)
        if at < 0:
            sys.exit(f"{lab}:{lineno}: {span!r} not found in {rec['id']} from {cursor}")
        cursor = at + len(span)
        try:
            val = parse_value(kind, value)
        except ValueError as e:
            sys.exit(f"{lab}:{lineno}: {e}")
        c = {"text": span, "start": at, "end": at + len(span), "kind": kind, "value": val,
             "unit": unit or None}
        if kind in NUMERIC:
            ref = val["nominal"] if val["nominal"] is not None else val["low"]
            c["sign"] = "-" if ref is not None and ref < 0 else "+"
        else:
            c["sign"] = None
        if note:
            c["note"] = note
        c["form"] = form or form_of(lang, c)
        rec["claims"].append(c)
    return records


def main() -> None:
    for lang in ("zh", "en"):
        if not (HERE / f"{lang}.lab").exists():
            continue
        recs = build(lang)
        out = HERE / f"extract_{lang}.jsonl"
        with out.open("w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        from collections import Counter
        forms = Counter(c["form"] for r in recs for c in r["claims"])
        n = sum(len(r["claims"]) for r in recs)
        a = sum(len(r["absent"]) for r in recs)
        print(f"{lang}: {len(recs)} sentences, {n} claims, {a} absent; {dict(forms)}")


if __name__ == "__main__":
    main()
