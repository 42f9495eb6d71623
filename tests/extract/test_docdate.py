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
    _, claims = _as_of(text, option="1999-01-01")   # a stated date wins over --date
    # the dates themselves speak for the document's day (a figure after 今年2月 speaks for February)
    assert {c.as_of for c in claims if c.kind in ("date", "date_range", "year")} == {expected}
    assert not any("as_of_inferred" in c.flags for c in claims)


def test_partial_dateline_takes_its_year_from_the_option():
    dates, _ = _as_of("Shanghai, March 3 (Xinhua) -- More than 200 officers attended.", option="2020-05-01")
    assert dates == {"2020-03-03"}


def test_option_when_nothing_is_stated():
    dates, claims = _as_of("共抓获嫌疑人12名，今年3月起实施。", option="2017-06-30")
    assert dates == {"2017-06-30"}
    assert [c.value.start for c in claims if c.kind == "date"] == ["2017-03-01"]


def test_inferred_from_the_latest_full_date_and_flagged():
    # in a file that holds both languages the Chinese source dates it (issue 11), by the latest
    # date it writes in full
    text = "2018年5月1日，代表团抵达。2018年5月3日，双方签署协议。\nOn May 2, 2018, 12 officers met."
    dates, claims = _as_of(text)
    assert dates == {"2018-05-03", "2018-05-02"}        # the document's, and 12's own day
    # 12 officers speak for the day their own sentence writes out in full, which is not inferred
    assert all("as_of_inferred" in c.flags for c in claims if c.text != "12")
    assert "as_of_inferred" not in next(c for c in claims if c.text == "12").flags
    assert [c.value.start for c in claims if c.text == "May 2, 2018"] == ["2018-05-02"]


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
    assert by_text["3000起"].as_of == "2022-12-31"          # 去年: last year's figure


def _doc_day(text, option=None):
    claims = extract_text(text, as_of=option)
    own = [c for c in claims if c.kind in ("date", "date_range", "year")]
    return ({c.as_of for c in own} or {c.as_of for c in claims}), claims


@pytest.mark.parametrize("text,expected", [
    ("从2014年到2019年，双方开展联合巡逻60余次。", "2019-01-01"),
    ("2012 年至2018 年，中心共培训法官900名。", "2018-01-01"),
    ("From 2012 to 2018, the centre trained 900 judges.", "2018-01-01"),
    ("In 2012-2018, the centre trained 900 judges.", "2018-01-01"),
    # the latest bound wins: a full date after the span, or a span after the full date
    ("从2011年到2016年共开展培训40期。2017年3月8日，第41期开班。", "2017-03-08"),
    ("2017年3月8日，培训班开班。2011年至2019年共开展培训40期。", "2019-01-01"),
])
def test_a_span_of_years_puts_the_document_in_or_after_its_last_year(text, expected):
    dates, claims = _doc_day(text)
    assert dates == {expected}
    assert all("as_of_inferred" in c.flags for c in claims if c.kind in ("date", "date_range"))


@pytest.mark.parametrize("text", [
    "2015年以来，全市共破案200起。",                              # since: no end is written
    "到2035年，全省将建成300个服务站。",                           # a target, not a span
    "The province will build 300 stations by 2035.",
    "2035年前，全省建成300个服务站。",
    "《2021—2025年警务合作规划》发布，明确了30项任务。",           # a title
    "2021-2025年规划提出新建100个站点。",                          # a plan's period
    "The Five-Year Plan (2021-2025) sets out 40 tasks.",
    "预计从2023年到2030年，全市人口增加20万人。",                  # a forecast
    "From 2023 to 2030, the city will add 200,000 residents.",
    "“2016—2020年”专项行动共查处案件500起。",                     # a name in quotation marks
])
def test_spans_that_may_lie_ahead_say_nothing_of_the_date(text):
    claims = extract_text(text)
    assert claims and {c.as_of for c in claims} == {None}


def test_a_year_bound_places_partial_dates_in_that_year_and_no_relative_days():
    text = "从2015年到2021年，共开展巡逻90次。5月5日，第91次巡逻启动；昨天，巡逻队返航。"
    _, claims = _doc_day(text)
    by_text = {c.text: c for c in claims}
    assert by_text["5月5日"].value.start == "2021-05-05"
    assert "year_inferred" in by_text["5月5日"].flags
    assert by_text["昨天"].value.start is None          # the day of a document dated by its year is unknown


def test_only_a_year_bound_is_flagged_as_a_bound():
    bound = extract_text("从2014年到2019年，双方开展联合巡逻60余次。")
    day = extract_text("2019年3月2日，双方开展联合巡逻60余次。")
    assert all("as_of_bound" in c.flags for c in bound)
    assert not any("as_of_bound" in c.flags for c in day)


@pytest.mark.parametrize("text,figure,as_of", [
    ("2024-06-01 08:00:00\n2023年，全市共有三甲医院26家。", "26家", "2023-12-31"),
    ("2024-06-01 08:00:00\n2023年底，全省已累计建成警务站310个。", "310个", "2023-12-31"),
    ("2024-06-01 08:00:00\n去年，全市共有三甲医院26家。", "26家", "2023-12-31"),
    ("2024-06-01 08:00:00\nIn 2022, the city had 26 top-grade hospitals.", "26", "2022-12-31"),
    ("2024-06-01 08:00:00\n2024年4月，全市新建警务站12个。", "12个", "2024-04-30"),
    # not a past period that opens the sentence: the document's date
    ("2024-06-01 08:00:00\n全市共有三甲医院26家，比2023年增加2家。", "26家", "2024-06-01"),
    ("2024-06-01 08:00:00\n2035年，全市将建成警务站400个。", "400个", "2024-06-01"),
    ("2024-06-01 08:00:00\n今年，全市新建警务站12个。", "12个", "2024-06-01"),
])
def test_a_sentence_that_opens_with_a_past_period_speaks_for_its_end(text, figure, as_of):
    claims = {c.text: c for c in extract_text(text)}
    assert claims[figure].as_of == as_of


@pytest.mark.parametrize("text,figure", [
    ("2024-06-01 08:00:00\n自2000年首次派出维和警察以来，我国先后派遣维和警察2800余名。", "2800余名"),
    ("2024-06-01 08:00:00\nSince it first sent peacekeepers in 2000, China has deployed 2,800 police.", "2,800"),
    ("2024-06-01 08:00:00\n2011年惨案发生后，四国共开展联合巡逻120次。", "120次"),
])
def test_a_period_that_starts_what_a_figure_counts_does_not_date_it(text, figure):
    assert {c.text: c for c in extract_text(text)}[figure].as_of == "2024-06-01"
