"""Issue 12, English side: flipping the sign or the scale of a number in an English translation
gives exactly one finding, and the faithful translation none (the Chinese side written with
digits, which it reads today)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext


def _loud(zh: str, en: str) -> list[str]:
    b = Bitext((Segment("zh.txt", zh, 0, len(zh)),), (Segment("en.txt", en, 0, len(en)),), aligned=True)
    return [f.rule.name for f in check_bitext(b, as_of="2021-11-01").findings if f.severity != "info"]


_PCT = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=1)


@settings(max_examples=40, deadline=None)
@given(_PCT, st.sampled_from(["{x}%", "{x} percent", "{x} per cent"]))
def test_a_flipped_sign_is_one_finding(x, form):
    zh = f"今年前三季度，该市经济增长率为{x}%。"
    written = form.format(x=x)
    assert _loud(zh, f"In the first three quarters, the city's economic growth was {written}.") == []
    assert _loud(zh, f"In the first three quarters, the city's economic growth was -{written}.") == ["value-mismatch"]
    assert _loud(zh, f"In the first three quarters, the city's economic growth was minus {written}.") \
        == ["value-mismatch"]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=11, max_value=99), st.sampled_from([("billion", "million"), ("bn", "m"),
                                                                  ("billion", "trillion")]))
def test_a_flipped_scale_is_one_finding(n, scales):
    right, wrong = scales
    zh = f"该公司去年营收达{n}亿美元。"
    x = Decimal(n) / 10
    space = " " if len(right) > 2 else ""
    assert _loud(zh, f"The company's revenue reached ${x}{space}{right} last year.") == []
    space = " " if len(wrong) > 1 else ""
    assert _loud(zh, f"The company's revenue reached ${x}{space}{wrong} last year.") == ["value-mismatch"]
