"""The labelled real-text extraction set (benchmarks/labelled/) is well formed.

Structure only: every span is the text at its offset in its sentence, kinds, units, forms and
values are well formed. Nothing here runs claimcheck or compares against its output (the set is
scored by benchmarks/extract_accuracy.py, which is not a test)."""

from __future__ import annotations

import functools
import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "benchmarks" / "labelled"
# the WMT22 files the sentences were taken from, when they are on this machine (benchmarks/README.md)
REALTEXT = Path(os.environ.get("CLAIMCHECK_WMT22", Path(__file__).resolve().parent.parent / "benchmarks" / "labelled" / ".wmt22"))

KINDS = {"count", "quantity", "money", "percent", "number", "ordinal", "year", "date",
         "date_range", "duration"}
NUMERIC = KINDS - {"year", "date", "date_range"}
FORMS = {"sign", "fraction", "multiple", "compound", "approx_numeral", "colloquial_money",
         "currency", "suffix", "range", "percentage_point", "temperature", "ordinal", "date",
         "plain"}
# units claimcheck names in code rather than in rules/, and the currencies of issue 12
SPECIAL_UNITS = {"%", "‰", "percentage_point", "times", "degC", "degF", "SGD", "HKD", "TWD", "MYR"}


def _strings(x, out: set[str]) -> set[str]:
    if isinstance(x, dict):
        for v in x.values():
            _strings(v, out)
    elif isinstance(x, list):
        for v in x:
            _strings(v, out)
    elif isinstance(x, str):
        out.add(x)
    return out


def known_units() -> set[str]:
    rules = ROOT / "rules"
    units = yaml.safe_load((rules / "units.yaml").read_text(encoding="utf-8"))
    names = _strings({k: v for k, v in units.items() if k != "define"}, set())
    names |= _strings(yaml.safe_load((rules / "currencies.yaml").read_text(encoding="utf-8")), set())
    for lang in ("zh", "en"):
        for key, entry in yaml.safe_load((rules / "measure_words.yaml").read_text(encoding="utf-8"))[lang].items():
            if isinstance(entry, dict) and "unit" in entry:
                names.add(entry["unit"])
            elif isinstance(entry, list):
                names.add(key)
    return names | SPECIAL_UNITS


@functools.cache
def _registry():
    return pytest.importorskip("pint").UnitRegistry()


def is_pint_unit(name: str) -> bool:
    try:
        _registry().parse_units(name)
        return True
    except Exception:
        return False


def records(lang: str) -> list[dict]:
    path = LABELLED / f"extract_{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def units() -> set[str]:
    return known_units()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_least_400_claims(lang):
    assert sum(len(r["claims"]) for r in records(lang)) >= 400


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_spans_kinds_units_values(lang, units):
    seen_ids = set()
    for r in records(lang):
        assert r["id"] not in seen_ids, r["id"]
        seen_ids.add(r["id"])
        assert r["lang"] == lang
        assert r["source"]["file"] and r["source"]["line"] >= 1
        s = r["sentence"]
        for a in r["absent"]:
            assert s[a["start"]:a["start"] + len(a["text"])] == a["text"], (r["id"], a)
        for c in r["claims"]:
            where = (r["id"], c["text"])
            assert c["text"] and s[c["start"]:c["end"]] == c["text"], where
            assert c["end"] == c["start"] + len(c["text"]), where
            assert c["kind"] in KINDS, where
            assert c["form"] in FORMS, where
            assert c["unit"] is None or c["unit"] in units or is_pint_unit(c["unit"]), where
            v = c["value"]
            if c["kind"] in NUMERIC:
                assert set(v) == {"nominal", "low", "high"}, where
                assert any(v[k] is not None for k in v), where
                for k in v:
                    assert v[k] is None or isinstance(v[k], (int, float)), where
                if v["low"] is not None and v["high"] is not None:
                    assert v["low"] <= v["high"], where
                if v["nominal"] is not None:
                    assert v["low"] is None or v["low"] <= v["nominal"], where
                    assert v["high"] is None or v["nominal"] <= v["high"], where
                ref = v["nominal"] if v["nominal"] is not None else v["low"]
                assert c["sign"] == ("-" if ref is not None and ref < 0 else "+"), where
            else:
                assert c["sign"] is None and c["unit"] is None, where
                if v.get("start"):
                    assert date.fromisoformat(v["start"]) <= date.fromisoformat(v["end"]), where
                    # a year is only given when the sentence writes one (digits or 年/a decade)
                    assert re.search(r"\d|[〇零一二三四五六七八九十]", c["text"]), where
                elif v.get("ago"):            # N years ago: its day needs a publication date
                    assert set(v) == {"start", "end", "ago"}, where
                else:
                    parts = [v] if "from" not in v else [v["from"], v["to"]]
                    for p in parts:
                        assert p and set(p) <= {"month", "day", "start", "end"}, where
                        assert 1 <= p.get("month", 1) <= 12 and 1 <= p.get("day", 1) <= 31, where
        starts = [c["start"] for c in r["claims"]]
        assert starts == sorted(starts), r["id"]


@pytest.mark.skipif(not REALTEXT.is_dir(), reason="the WMT22 test sets are not on this machine")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sentences_are_the_source_lines(lang):
    cache: dict[str, list[str]] = {}
    for r in records(lang):
        f = r["source"]["file"]
        if f not in cache:
            cache[f] = (REALTEXT / f).read_text(encoding="utf-8").split("\n")
        assert cache[f][r["source"]["line"] - 1] == r["sentence"], r["id"]


@pytest.mark.skipif(not REALTEXT.is_dir(), reason="the WMT22 test sets are not on this machine")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_jsonl_is_built_from_the_label_files(lang):
    import runpy
    build = runpy.run_path(str(LABELLED / "build.py"))["build"]
    assert build(lang) == records(lang)
