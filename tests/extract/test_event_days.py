"""A figure in a sentence that states one day of the past speaks for that day (its as_of); an
explicit 截至/as-of cue still wins, and other claims keep the document's date. Texts written for
these tests."""

from __future__ import annotations

import pytest

from checker.extract import extract_text


def _claims(text, as_of=None):
    return {c.text: c for c in extract_text(text, as_of=as_of)}


def test_a_figure_speaks_for_the_day_of_its_sentence():
    claims = _claims("（2019年5月2日 北京）\n今年3月18日上午，第七次联合执法行动启动，为期5天。全年共抓获嫌疑人80名。")
    assert claims["第七次"].as_of == "2019-03-18"
    assert claims["5天"].as_of == "2019-03-18"
    assert claims["80名"].as_of == "2019-05-02"                  # its sentence states no day
    assert claims["今年3月18日上午"].as_of == "2019-05-02"      # a date speaks for the document
    assert not any("as_of_inferred" in c.flags for c in claims.values())


def test_an_as_of_cue_wins():
    claims = _claims("5月4日通报称，截至2019年4月30日全省共有志愿者3000名。", as_of="2019-05-06")
    assert claims["3000名"].as_of == "2019-04-30"


@pytest.mark.parametrize("text,figure", [
    ("3月5日和4月2日，两队各出动20人。", "20人"),                 # two days: which one is not said
    ("6月1日起，全市将新增监控点500个。", "500个"),               # a day ahead is a plan
    ("昨天，警方抓获嫌疑人12名。", "12名"),                        # relative to the document's date
    ("周三，代表团一行15人抵达。", "15人"),                        # a weekday without its date
    ("9日，双方签署协议7份。", "7份"),                             # a day of an unstated month
    ("2018年以来，全市共破案900起。", "900起"),                    # a span, not a day
])
def test_no_single_past_day_keeps_the_document_date(text, figure):
    assert _claims(text, as_of="2019-05-02")[figure].as_of == "2019-05-02"


def test_a_year_is_not_a_second_day():
    claims = _claims("2019年3月18日发布的数据显示，该市人口比2010年增加了12万人。", as_of="2019-05-02")
    assert claims["12万人"].as_of == "2019-03-18"


def test_a_guessed_year_is_flagged():
    # the year of 5月20日 is the document's (--date), guessed: the figure's as_of says so
    claims = _claims("据介绍，5月20日，共有300名志愿者参加。", as_of="2020-06-01")
    assert claims["300名"].as_of == "2020-05-20"
    assert "as_of_inferred" in claims["300名"].flags


def test_a_year_from_the_title_is_not_guessed():
    # the dateline opens the text, and its year is the year of 5月20日 below it (issue 11)
    claims = _claims("（2020年6月1日 上海）\n5月20日，共有300名志愿者参加。")
    assert claims["300名"].as_of == "2020-05-20"
    assert "year_context" in claims["5月20日"].flags
    assert "as_of_inferred" not in claims["300名"].flags


def test_a_relative_year_against_an_inferred_document_date_is_flagged():
    claims = _claims("今年3月18日，30名学员结业。2019年5月2日，第二期开班。")
    assert claims["30名"].as_of == "2019-03-18" and "as_of_inferred" in claims["30名"].flags


def test_a_day_written_in_full_is_not_inferred_whatever_the_document_date():
    claims = _claims("On January 3, 2022, police seized 40 kilograms of heroin. Officers made 6 arrests.")
    assert claims["40 kilograms"].as_of == "2022-01-03"
    assert "as_of_inferred" not in claims["40 kilograms"].flags
    assert "as_of_inferred" in claims["6"].flags                  # the document's date, inferred
