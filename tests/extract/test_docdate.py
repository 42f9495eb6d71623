"""The document's own date: front matter, datelines and timestamps, --date, or inferred."""

from __future__ import annotations

import pytest

from checker.extract import extract_text


def _as_of(text, option=None):
    claims = extract_text(text, as_of=option)
    assert claims, "the text must hold at least one claim"
    return {c.as_of for c in claims}, claims


@pytest.mark.parametrize("text,expected", [
    ("2019-03-02 10:15:00 来源:人民公安报\n今年2月，共抓获嫌疑人12名。", "2019-03-02"),
    ("发布时间：2018/7/5\n上月共破案300起。", "2018-07-05"),
    ("（2020年6月1日 上海）\n去年共接待来访者500余人次。", "2020-06-01"),
    ("---\ntitle: 通报\ndate: 2021-04-30\n---\n\n本月共开展巡逻15次。", "2021-04-30"),
    ("Published: 2022-01-15\nLast month 300 officers graduated.", "2022-01-15"),
])
def test_stated_document_dates(text, expected):
    dates, claims = _as_of(text, option="1999-01-01")   # a stated date wins over --date
    assert dates == {expected}
    assert not any("as_of_inferred" in c.flags for c in claims)


def test_partial_dateline_takes_its_year_from_the_option():
    dates, _ = _as_of("Shanghai, March 3 (Xinhua) -- More than 200 officers attended.", option="2020-05-01")
    assert dates == {"2020-03-03"}


def test_option_when_nothing_is_stated():
    dates, claims = _as_of("共抓获嫌疑人12名，今年3月起实施。", option="2017-06-30")
    assert dates == {"2017-06-30"}
    assert [c.value.start for c in claims if c.kind == "date"] == ["2017-03-01"]


def test_inferred_from_the_latest_full_date_and_flagged():
    text = "2018年5月3日，代表团抵达。5月8日，双方签署协议。\nOn May 6, 2018, 12 officers met."
    dates, claims = _as_of(text)
    assert dates == {"2018-05-06"}
    # 12 officers speak for the day their own sentence writes out in full, which is not inferred
    assert all("as_of_inferred" in c.flags for c in claims if c.text != "12")
    assert "as_of_inferred" not in next(c for c in claims if c.text == "12").flags
    assert [c.value.start for c in claims if c.text == "5月8日"] == ["2018-05-08"]


def test_no_date_at_all_resolves_nothing_and_invents_no_year():
    _, claims = _as_of("9月2日，双方举行视频会谈，共有20名代表参加。")
    (date,) = [c for c in claims if c.kind == "date"]
    assert date.as_of is None and date.value.start is None
    assert date.value.to_json() == {"start": None, "end": None, "month": 9, "day": 2}


def test_sentence_sets_its_own_time():
    text = "2023年3月1日 10:00\n截至2021年底，全国共有民警200余万名。去年破案3000起。"
    _, claims = _as_of(text)
    by_text = {c.text: c for c in claims}
    assert by_text["200余万名"].as_of == "2021-12-31"
    assert by_text["3000起"].as_of == "2023-03-01"
