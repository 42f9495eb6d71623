"""Dates written in any supported form are read back to the same day (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import extract_text

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
MONTHS = "January February March April May June July August September October November December".split()
SHORT = "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sept. Oct. Nov. Dec.".split()
DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))


def _cn_digits(n: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))


@st.composite
def chinese_date(draw):
    d = draw(DAYS)
    form = draw(st.sampled_from(["ymd", "spaced", "iso", "slash", "cn"]))
    if form == "ymd":
        text = f"{d.year}年{d.month}月{d.day}日"
    elif form == "spaced":
        text = f"{d.year} 年{d.month} 月{d.day} 日"
    elif form == "iso":
        text = d.isoformat()
    elif form == "slash":
        text = f"{d.year}/{d.month}/{d.day}"
    else:
        text = f"{_cn_digits(d.year)}年{cn2an.an2cn(d.month)}月{cn2an.an2cn(d.day)}日"
    if draw(st.booleans()):
        text = text.translate(FULL_WIDTH)
    return d, text


@st.composite
def english_date(draw):
    d = draw(DAYS)
    month = draw(st.sampled_from([MONTHS[d.month - 1], SHORT[d.month - 1]]))
    form = draw(st.sampled_from(["mdy", "mdy-nospace", "dmy", "iso", "ordinal"]))
    text = {"mdy": f"{month} {d.day}, {d.year}", "mdy-nospace": f"{month} {d.day},{d.year}",
            "dmy": f"{d.day} {month} {d.year}", "iso": d.isoformat(),
            "ordinal": f"{month} {d.day}{'th' if 10 <= d.day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d.day % 10, 'th')}, {d.year}"}[form]
    return d, text


def _one_date(claims):
    dates = [c for c in claims if c.kind == "date"]
    assert len(dates) == 1, [(c.text, c.kind) for c in claims]
    return dates[0]


@given(chinese_date(), st.sampled_from(["会议于{}在北京举行。", "{}，双方签署协议。", "据悉，{}上午"]))
def test_chinese_dates_read_back(case, sentence):
    day, text = case
    c = _one_date(extract_text(sentence.format(text)))
    assert c.value.start == c.value.end == day.isoformat()
    assert c.text.startswith(text[:2])


@given(english_date(), st.sampled_from(["The meeting was held on {} in Beijing.", "{}: talks began.",
                                        "Officials said on {} that"]))
def test_english_dates_read_back(case, sentence):
    day, text = case
    c = _one_date(extract_text(sentence.format(text)))
    assert c.value.start == c.value.end == day.isoformat()


@given(DAYS, st.sampled_from([("去年", "year", -1), ("明年", "year", 1), ("昨天", "day", -1),
                              ("last year", "year", -1), ("yesterday", "day", -1), ("tomorrow", "day", 1)]))
def test_relative_dates_shift_with_the_document_date(as_of, case):
    word, unit, n = case
    sentence = f"{word}，会议召开。" if word[0] > "z" else f"The board met {word}."
    c = _one_date(extract_text(sentence, as_of=as_of.isoformat()))
    if unit == "year":
        assert (c.value.start, c.value.end) == (f"{as_of.year + n:04d}-01-01", f"{as_of.year + n:04d}-12-31")
    else:
        assert c.value.start == (as_of + timedelta(days=n)).isoformat()
    assert c.as_of == as_of.isoformat()


@given(DAYS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_partial_dates_take_the_nearest_year(as_of, month, day):
    c = _one_date(extract_text(f"{month}月{day}日，会议召开。", as_of=as_of.isoformat()))
    got = date.fromisoformat(c.value.start)
    assert (got.month, got.day) == (month, day)
    assert abs((got - as_of).days) <= 366
    assert "year_inferred" in c.flags


@given(st.text(max_size=200), DAYS)
def test_day_intervals_are_ordered(text, as_of):
    for c in extract_text(text, as_of=as_of.isoformat()):
        if c.kind in ("date", "date_range") and c.value.start and c.value.end:
            assert c.value.start <= c.value.end


# A day written without its year is placed in a year the document, its context or a relative
# word gives; 2月29日 (or 4月31日 …) may not exist there. Such a date is read as unplaced or
# flagged, never as a day that does not exist, and never stops the reading.
_YEARLESS_ZH = ["{m}月{d}日，中心举办了活动。", "{m}月{d}日至{m2}月{d2}日，中心将举办一系列活动。",
                "去年{m}月{d}日，中心举办了活动。", "明年{m}月{d}日，中心将举办活动。", "{y}年\n{m}月{d}日，中心举办了活动。"]
_YEARLESS_EN = ["On {M} {d} the centre held events.", "From {M} {d} to {M2} {d2}, the centre will hold events.",
                "Last year on {M} {d} the centre held events.", "In {y}, on {M} {d}, the centre held events."]


_MONTH_ENDS = st.sampled_from([29, 30, 31]) | st.integers(1, 31)       # (the days some months lack, often)
_SHORT_MONTHS = st.sampled_from([2, 4, 6, 9, 11]) | st.integers(1, 12)


@pytest.mark.parametrize("dated", ["day", "year", "none"])
@pytest.mark.parametrize("form", _YEARLESS_ZH + _YEARLESS_EN)
@settings(max_examples=100)
@given(y=st.integers(1990, 2030), m=_SHORT_MONTHS, d=_MONTH_ENDS, m2=_SHORT_MONTHS, d2=_MONTH_ENDS)
def test_a_yearless_day_never_becomes_a_day_that_does_not_exist(form, dated, y, m, d, m2, d2):
    head = {"day": f"{y}-09-12 08:00:00\n", "year": f"{y}年工作总结\n", "none": ""}[dated]
    text = head + form.format(y=y, m=m, d=d, m2=m2, d2=d2, M=MONTHS[m - 1], M2=MONTHS[m2 - 1])
    for c in extract_text(text):           # (a day that does not exist could not be written as one)
        if c.kind in ("date", "date_range") and c.value.start:
            assert date.fromisoformat(c.value.start) <= date.fromisoformat(c.value.end or c.value.start)


@pytest.mark.parametrize("text", [
    "2014-09-12 08:00:00\n2月29日至5月8日，中心将举办一系列活动。",     # the year of the end (2014) has no 2月29日
    "2028-09-12 08:00:00\n4月29日至2月29日，中心将举办一系列活动。",     # it ends the next year, 2029, which has none
])
def test_a_range_whose_year_has_no_such_day_stays_unplaced(text):
    (found,) = [c for c in extract_text(text) if "29日" in c.text]
    assert found.value.start is None and found.value.month in (2, 4) and "invalid" not in found.flags
