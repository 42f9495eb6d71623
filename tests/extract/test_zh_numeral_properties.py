"""Chinese numerals read back to the value they were written from (issue 12).

cn2an.an2cn writes a number in its three modes ("low" 八万二千五百, "up" financial 大写
捌万贰仟伍佰, "rmb" 捌万贰仟伍佰元整 / 叁元伍角); mixed digit–character forms (8万2千5百, 31万6千,
3亿5千万, 2万4801) are built here. Followed by a counter (名, 个, 元), each is one claim of that value.
"""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import assume, given, settings, strategies as st

from checker.extract import extract_text

COUNTERS = {"名": "count", "个": "count", "元": "money"}


def _one(text: str, numeral: str):
    claims = [c for c in extract_text(text) if c.kind not in ("date", "date_range", "year", "duration")]
    assert len(claims) == 1, (text, [c.text for c in claims])
    assert claims[0].text.startswith(numeral[:1]), (text, claims[0].text)
    return claims[0]


def _cn2an_reads(numeral: str):
    try:
        return cn2an.cn2an(numeral, "strict")
    except ValueError:
        return None


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=2, max_value=10**12 - 1), mode=st.sampled_from(["low", "up"]),
       counter=st.sampled_from(sorted(COUNTERS)))
def test_an2cn_reads_back(n, mode, counter):
    numeral = cn2an.an2cn(n, mode)
    # cn2an writes some numbers without the 零 they need (100001000 → 一亿一千, which reads as
    # 1.1亿 colloquially, and which cn2an itself refuses to read back): those are no test of ours
    assume(_cn2an_reads(numeral) == n)
    c = _one(f"据统计，共计{numeral}{counter}参与。", numeral)
    assert c.value.nominal == n and c.value.low == n and c.value.high == n, (numeral, c.value)
    assert c.kind == COUNTERS[counter]


@settings(max_examples=200, deadline=None)
@given(yuan=st.integers(min_value=2, max_value=10**9), cents=st.integers(min_value=0, max_value=99))
def test_an2cn_rmb_reads_back(yuan, cents):
    x = Decimal(yuan) + Decimal(cents) / 100
    numeral = cn2an.an2cn(str(x), "rmb")
    c = _one(f"该项目共拨款{numeral}，用于修缮。", numeral)
    assert c.kind == "money" and c.unit == "CNY", (numeral, c)
    assert c.value.nominal == x, (numeral, c.value)
    assert c.text == numeral


@st.composite
def mixed(draw):
    """8万2千5百, 31万6千, 3亿5千万, 2万4801, 1万5: digits each with its scale, falling."""
    form = draw(st.sampled_from(["wan_qian", "wan_qian_bai", "yi_qianwan", "wan_units", "wan_digit"]))
    w = draw(st.integers(1, 9999))
    t = draw(st.integers(1, 9))
    h = draw(st.integers(1, 9))
    if form == "wan_qian":
        return f"{w}万{t}千", w * 10**4 + t * 1000
    if form == "wan_qian_bai":
        return f"{w}万{t}千{h}百", w * 10**4 + t * 1000 + h * 100
    if form == "yi_qianwan":
        return f"{w}亿{t}千万", w * 10**8 + t * 10**7
    if form == "wan_units":
        u = draw(st.integers(1000, 9999))
        return f"{w}万{u}", w * 10**4 + u
    return f"{w}万{t}", w * 10**4 + t * 1000


@settings(max_examples=300, deadline=None)
@given(m=mixed(), counter=st.sampled_from(sorted(COUNTERS)))
def test_mixed_digit_character_reads_back(m, counter):
    numeral, n = m
    c = _one(f"据统计，共计{numeral}{counter}参与。", numeral)
    assert c.text == numeral + counter, (numeral, c.text)
    assert c.value.nominal == n, (numeral, c.value)


# Flipping a sign, a scale or a fraction in a translation gives exactly one finding (issue 12); the
# faithful translation gives none (for the sign, the English reading of "-2.3%" is the English
# extractor's work: only the flip is checked here).

def _loud(zh: str, en: str) -> list[str]:
    from checker.bitext import Bitext, Segment
    from checker.engine import check_bitext

    b = Bitext((Segment("zh.txt", zh, 0, len(zh)),), (Segment("en.txt", en, 0, len(en)),), aligned=True)
    return [f.rule.name for f in check_bitext(b).findings if f.severity != "info"]


@settings(max_examples=40, deadline=None)
@given(tenths=st.integers(1, 999))
def test_dropped_sign_is_one_finding(tenths):
    x = Decimal(tenths) / 10
    assert _loud(f"财报显示，净利润同比增长-{x}%。", f"The report showed net profit grew {x}% year on year.") \
        == ["value-mismatch"]


@settings(max_examples=40, deadline=None)
@given(w=st.integers(1, 999), t=st.integers(1, 9), h=st.integers(1, 9))
def test_flipped_scale_is_one_finding(w, t, h):
    n = w * 10**4 + t * 1000 + h * 100
    zh = f"全市共有{w}万{t}千{h}百名志愿者参与服务。"
    assert _loud(zh, f"A total of {n:,} volunteers took part in the service.") == []
    assert _loud(zh, f"A total of {n // 10:,} volunteers took part in the service.") == ["value-mismatch"]


_FRACTIONS = {2: "二", 4: "四", 5: "五", 10: "十", 20: "二十", 25: "二十五"}


@settings(max_examples=40, deadline=None)
@given(d=st.sampled_from(sorted(_FRACTIONS)), data=st.data())
def test_flipped_fraction_is_one_finding(d, data):
    k = data.draw(st.integers(1, d - 1))
    pct = Decimal(100 * k) / d
    zh = f"调查显示，{_FRACTIONS[d]}分之{cn2an.an2cn(k, 'low')}的企业表示订单减少。"
    assert _loud(zh, f"The survey showed that {pct.normalize():f}% of companies reported fewer orders.") == []
    wrong = Decimal(100 * (d - k)) / d if 2 * k != d else pct / 2
    assert _loud(zh, f"The survey showed that {wrong.normalize():f}% of companies reported fewer orders.") \
        == ["value-mismatch"]
