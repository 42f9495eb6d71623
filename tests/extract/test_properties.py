"""Properties of extraction that must hold for any input, checked with hypothesis."""

from __future__ import annotations

import re
from decimal import Decimal

import cn2an
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from num2words import num2words

from checker.extract import extract_text
from checker.text.normalize import normalize

LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")   # lines as the contract counts them
FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def _only(claims, kind):
    found = [c for c in claims if c.kind == kind]
    assert len(found) == 1, [(c.text, c.kind) for c in claims]
    return found[0]


@given(st.integers(min_value=2, max_value=10**12), st.sampled_from(["low", "up"]))
def test_chinese_numerals_read_back(n, mode):
    words = cn2an.an2cn(n, mode)
    if mode == "up":  # financial numerals 壹贰叁 use 拾佰仟 and are read the same way
        assume("亿" not in words or n < 10**12)
    claim = _only(extract_text(f"全市共有{words}名民警参加了行动。"), "count")
    assert claim.value.nominal == n
    assert claim.text == f"{words}名"
    assert claim.unit == "person"


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["万", "亿"]),
       st.integers(min_value=0, max_value=3))
def test_decimal_with_chinese_scale(mantissa, scale, decimals):
    number = Decimal(mantissa).scaleb(-decimals)
    text = f"{number}{scale}"
    claim = _only(extract_text(f"全年共查处案件{text}起。"), "count")
    assert claim.value.nominal == number * (10**4 if scale == "万" else 10**8)


@given(st.integers(min_value=2, max_value=10**12), st.booleans(), st.booleans())
def test_english_number_words_read_back(n, title, hyphen_free):
    words = num2words(n)
    if title:
        words = words.title()
    if hyphen_free:
        words = words.replace("-", " ")
    claim = _only(extract_text(f"Police arrested {words} suspects in the operation."), "count")
    assert claim.value.nominal == n
    assert claim.subject == "suspect"


@given(st.integers(min_value=2, max_value=10**9))
def test_english_digits_with_separators(n):
    claim = _only(extract_text(f"Police arrested {n:,} suspects in the operation."), "count")
    assert claim.value.nominal == n and claim.text == f"{n:,}"


@given(st.integers(min_value=1, max_value=10**6))
def test_english_ordinals_read_back(n):
    claims = extract_text(f"It was the {num2words(n, to='ordinal')} meeting of the group.")
    assert _only(claims, "ordinal").value.nominal == n


PREFIXES = ["据统计，", "目前已有", "國(guó)際(jì)上共有", "全年共计", "今年 ", "中國(guó)派出"]


@st.composite
def chinese_count_in_noisy_text(draw):
    """A sentence with one count whose original span is known, written with the artefacts of
    real files: full-width digits, spaces inside the number, traditional characters, pinyin."""
    n = draw(st.integers(min_value=2, max_value=999999))
    digits = str(n)
    if draw(st.booleans()):
        digits = digits.translate(FULL_WIDTH)
    space = draw(st.sampled_from(["", " ", "  ", "\u3000"]))
    approx = draw(st.sampled_from(["", "余", "餘", "多"]))
    measure, pinyin = draw(st.sampled_from([("名", ""), ("個", "(gè)"), ("个", ""), ("艘", ""), ("起", "")]))
    prefix = draw(st.sampled_from(PREFIXES))
    suffix = draw(st.sampled_from(["國(guó)家參加。", "维和警察在任务区。", ",令人瞩目。", ""]))
    expr = f"{digits}{space}{approx}{measure}"
    text = prefix + expr + pinyin + suffix
    return text, len(prefix), len(prefix) + len(expr), n, bool(approx)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(chinese_count_in_noisy_text())
def test_offsets_point_at_the_original_characters(case):
    text, start, end, n, approximate = case
    claims = [c for c in extract_text(text) if c.kind == "count"]
    assert len(claims) == 1, [(c.text, c.kind) for c in claims]
    c = claims[0]
    assert (c.start, c.end) == (start, end)
    assert c.text == text[start:end]
    assert c.value.nominal == n
    assert (c.qualifier == "more_than") == approximate


# An alphabet that exercises every pattern: digits, numerals, scales, measure and unit words,
# approximation words, separators, pinyin, quotes, markup placeholders.
NOISY = st.lists(st.sampled_from(list(
    "0123456789０１２３４５６７８９.,%-~:/ \n\t一二两三十百千万亿〇零余多近约逾数几上第届次名个萬個餘"
    "年月日至到公里吨元美成周岁(guó)“”·abcdeklmnorstyAMDF$€\x00"
    ) + [" more than ", " about ", " million ", " km", " years", "May ", "twenty-", " hundred", "第十",
         "百分之", "平方公里", "人次", "December "]), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), NOISY))
@example("0ND")                # a digit ordinal with the wrong suffix is no ordinal (it crashed)
def test_any_text_gives_well_formed_claims(text):
    claims = extract_text(text)
    last_end = 0
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert c.start >= last_end, "claims do not overlap and come in order"
        last_end = c.end
        assert c.text == c.text.strip() and c.text, "a claim's span is tight"
        before = LINE_BREAK.split(text[:c.start])
        assert c.line == len(before)
        assert c.column == len(before[-1]) + 1
        v = c.value
        if hasattr(v, "low") and v.low is not None and v.high is not None:
            assert v.low <= v.high, c
        if hasattr(v, "start") and v.start is not None:
            assert v.start <= v.end, c


@given(st.text(max_size=500))
def test_offset_map_is_monotonic_and_in_bounds(text):
    norm = normalize(text)
    positions = [norm.offsets.to_original(i) for i in range(len(norm.text))]
    assert positions == sorted(positions)
    assert all(0 <= p < len(text) for p in positions)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    "1," * 50000, "一" * 100000, "第" * 50000 + "1", "(guó)" * 20000, "9" * 100000 + "月",
    "more than " * 20000, "twenty-" * 20000 + "one", "2 " * 50000 + "名", "万余" * 50000,
    "a" * 100000, "1" * 100000, " " * 100000, "x.y+z-" * 20000, "a@" * 30000, "May " * 30000,
    "1st " * 30000, "〇" * 100000, "百分之" * 30000, "\x00" * 100000, "国" * 100000,
    "one thousand, " * 3000, "five thousand, six thousand, " * 1500, "1.2.3.4." * 20000, "周三" * 30000,
    # calendar forms and compound durations (checker/extract/calendar.py)
    "a year and " * 20000, "takes a month and " * 10000, "first quarter of " * 20000, "第一季度" * 30000,
    "一年零" * 30000, "5年以上" * 30000, "two to " * 20000, "三四" * 50000, "early late mid-" * 10000,
    "去年底" * 30000, "6月上旬至" * 20000, "Q1 H2 " * 20000, "between " * 20000,
])
def test_adversarial_inputs_finish(text):
    extract_text(text)  # the timeout is the assertion: linear-time patterns only
