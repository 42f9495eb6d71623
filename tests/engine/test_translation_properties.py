"""A translation built from the source's own claims is quiet; one injected drift is one finding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext

MONTHS = "January February March April May June July August September October November December".split()


@st.composite
def facts(draw):
    """Numbers and a date that a sentence states, in both languages."""
    return {
        "count": draw(st.integers(min_value=11, max_value=999_999)),
        "approx": draw(st.integers(min_value=2, max_value=99)) * 100,
        "money": draw(st.integers(min_value=2, max_value=9999)),
        "ordinal": draw(st.integers(min_value=2, max_value=150)),
        "month": draw(st.integers(min_value=1, max_value=12)),
        "day": draw(st.integers(min_value=1, max_value=28)),
        "year": draw(st.integers(min_value=2000, max_value=2030)),
        "words": draw(st.booleans()),
    }


def zh(f) -> str:
    return (f"{f['year']}年{f['month']}月{f['day']}日，第{f['ordinal']}次联合行动启动，共抓获犯罪嫌疑人{f['count']}名，"
            f"破案{f['approx']}余起，涉案金额{f['money']}万元。")


def en(f, **drift) -> str:
    g = f | drift
    count = num2words(g["count"]) if g["words"] and g["count"] < 100 else f"{g['count']:,}"
    qualifier = drift.get("qualifier", "more than")
    ordinal = num2words(g["ordinal"], to="ordinal_num")
    return (f"On {MONTHS[g['month'] - 1]} {g['day']}, {g['year']}, the {ordinal} joint operation was launched: "
            f"police arrested {count} suspects, solved {qualifier} {g['approx']:,} cases, and the money involved "
            f"came to {g['money'] * 10_000:,} yuan.")


def _findings(zh_text, en_text):
    b = Bitext((Segment("zh.txt", zh_text, 0, len(zh_text)),), (Segment("en.txt", en_text, 0, len(en_text)),),
               aligned=True)
    return [f for f in check_bitext(b).findings if f.severity != "info"]


@settings(max_examples=60, deadline=None)
@given(facts())
def test_faithful_translation_is_quiet(f):
    assert _findings(zh(f), en(f)) == []


DRIFTS = {
    "value-mismatch": lambda f: {"count": f["count"] + 1 if f["count"] % 10 != 9 else f["count"] - 1},
    "scale": lambda f: {"money": f["money"] * 10},
    "date-mismatch": lambda f: {"day": f["day"] % 28 + 1},
    "month": lambda f: {"month": f["month"] % 12 + 1},
    "ordinal-mismatch": lambda f: {"ordinal": f["ordinal"] + 1},
    "qualifier-drift": lambda f: {"qualifier": "about"},
}
EXPECTED = {"scale": "value-mismatch", "month": "date-mismatch"}


@settings(max_examples=40, deadline=None)
@given(facts(), st.sampled_from(sorted(DRIFTS)))
def test_one_injected_drift_is_one_finding(f, drift):
    found = _findings(zh(f), en(f, **DRIFTS[drift](f)))
    assert [x.rule.name for x in found] == [EXPECTED.get(drift, drift)], [(x.rule.name, x.message) for x in found]
    assert found[0].path == "en.txt"
