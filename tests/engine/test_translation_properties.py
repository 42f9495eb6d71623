"""A translation built from the source's own claims is quiet; one injected drift is one finding."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext
from tests.paragraphs import paragraphs

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


# --- issue 13: more drifts never make a report quieter. In a document of free paragraphs (no
# given alignment: the aligner pairs them and says how sure it is), the finding a drift gives
# keeps at least its severity when a second and third drift are added to the same paragraph.
# Two templates: the long one above, and a short one where three drifts change every figure.


def zh_short(f) -> str:
    return f"{f['month']}月{f['day']}日，中方派出{f['count']}人参加维和行动，共分{f['batches']}批。"


def en_short(f, **drift) -> str:
    g = f | drift
    return (f"On {MONTHS[g['month'] - 1]} {g['day']}, China sent {g['count']:,} people to peacekeeping missions "
            f"in {num2words(g['batches'])} batches.")


TEMPLATES = {
    # name: (zh, en, {drift: (change, the text the translation then shows, the finding expected)})
    "long": (zh, en, {
        "value": (DRIFTS["value-mismatch"], lambda g: num2words(g["count"]) if g["words"] and g["count"] < 100
                  else f"{g['count']:,}", "value-mismatch"),
        "scale": (DRIFTS["scale"], lambda g: f"{g['money'] * 10_000:,}", "value-mismatch"),
        "date": (DRIFTS["date-mismatch"], lambda g: f"{MONTHS[g['month'] - 1]} {g['day']}", "date-mismatch"),
        "ordinal": (DRIFTS["ordinal-mismatch"], lambda g: num2words(g["ordinal"], to="ordinal_num"),
                    "ordinal-mismatch"),
        "qualifier": (DRIFTS["qualifier-drift"], lambda g: "about", "qualifier-drift"),
    }),
    "short": (zh_short, en_short, {
        "value": (DRIFTS["value-mismatch"], lambda g: f"{g['count']:,}", "value-mismatch"),
        "date": (DRIFTS["date-mismatch"], lambda g: f"{MONTHS[g['month'] - 1]} {g['day']}", "date-mismatch"),
        "batches": (lambda f: {"batches": f["batches"] % 8 + 2}, lambda g: num2words(g["batches"]), "value-mismatch"),
    }),
}
RANK = {"info": 0, "warning": 1, "error": 2}


def _severity_of(findings, name: str, line: int, shown: str) -> str | None:
    for f in findings:
        if f.rule.name == name and f.line == line and any(r == "target" and shown in c.text for r, c in f.claims):
            return f.severity
    return None


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(TEMPLATES)), st.lists(facts(), min_size=1, max_size=4), st.data())
def test_more_drifts_never_soften_the_first(template, paras, data):
    to_zh, to_en, drifts = TEMPLATES[template]
    paras = [f | {"batches": 2 + f["count"] % 8} for f in paras]
    at = data.draw(st.integers(0, len(paras) - 1))
    order = data.draw(st.permutations(sorted(drifts)))
    k = data.draw(st.integers(2, len(order)))
    first = order[0]

    def findings(chosen):
        change = {}
        for d in chosen:
            change |= drifts[d][0](paras[at])
        en_paras = [to_en(f, **change) if i == at else to_en(f) for i, f in enumerate(paras)]
        b = Bitext(paragraphs([to_zh(f) for f in paras], "story.zh.md"), paragraphs(en_paras, "story.en.md"))
        return check_bitext(b).findings, paras[at] | change

    _, shown, name = drifts[first]
    one, g1 = findings([first])
    many, gk = findings(order[:k])
    before = _severity_of(one, name, 1 + 2 * at, shown(g1))
    after = _severity_of(many, name, 1 + 2 * at, shown(gk))
    assert before is not None and before != "info", [(f.rule.name, f.severity, f.message) for f in one]
    assert after is not None and RANK[after] >= RANK[before], [(f.rule.name, f.severity, f.message) for f in many]
