"""The acceptance table of issue #3 on the seeds (expected values from the issue)."""

from __future__ import annotations

import pytest

from tests.seeds import find as _find, seed_claims as _claims


@pytest.mark.parametrize("seed,text,start,end", [
    ("001", "今年10月25日上午", "2016-10-25", "2016-10-25"),
    ("001", "2016年9月10日至12月9日", "2016-09-10", "2016-12-09"),
    ("002", "9月8日至9日", "2021-09-08", "2021-09-09"),
    ("002", "Wednesday to Thursday", "2021-09-08", "2021-09-09"),
    ("004", "2020年12月9日至10日", "2020-12-09", "2020-12-10"),
    ("004", "December 9 to 10,2020", "2020-12-09", "2020-12-10"),
    ("000", "2019 年12 月16 日", "2019-12-16", "2019-12-16"),
    ("000", "December 16,2019", "2019-12-16", "2019-12-16"),
    ("003", "2017926日", "2017-09-26", "2017-09-26"),
])
def test_seed_dates(seed, text, start, end):
    c = _find(_claims(seed), text)
    assert (c.value.start, c.value.end) == (start, end)


def _speaks_for_the_document(claims, day):
    """Every claim speaks for the document's date, but a figure whose own sentence states the day
    of an event (issue #6: 今年10月25日上午，……第51次…正式启动 speaks for 2016-10-25), at the time of
    day it states if it states one (issue 14: 9月20日20时许 … 63名 speaks for 2016-09-20T20:00)."""
    days = {(c.line, c.value.start) for c in claims if c.kind == "date" and c.value.start == c.value.end}
    for c in claims:
        if c.as_of != day:
            assert c.kind not in ("date", "date_range", "year"), c
            assert (c.line, c.as_of[:10]) in days and c.as_of < day, c


def test_document_dates():
    claims = _claims("001")                                            # the timestamp line
    _speaks_for_the_document(claims, "2016-11-11")
    assert _find(claims, "2455人次").as_of == "2016-11-11"
    assert _find(claims, "第51次").as_of == "2016-10-25"
    assert _find(claims, "63名").as_of == "2016-09-20T20:00"
    claims = _claims("002")                                            # no dateline: inferred
    _speaks_for_the_document(claims, "2021-09-09")
    assert _find(claims, "9月8日至9日").as_of == "2021-09-09"
    assert all("as_of_inferred" in c.flags for c in claims)


def test_malformed_date_is_marked():
    assert "malformed" in _find(_claims("003"), "2017926日").flags


@pytest.mark.parametrize("text", ["22 年", "22 years"])
def test_durations(text):
    c = _find(_claims("000"), text)
    assert c.kind == "duration" and c.value.nominal == 22 and c.unit == "year"


@pytest.mark.parametrize("text", ["二〇三五年", "2035"])
def test_year_2035_spans_the_year(text):
    c = _find(_claims("004"), text)
    assert c.kind == "year" and c.value.nominal == 2035
    assert (c.to_json()["value"]["start"], c.to_json()["value"]["end"]) == ("2035-01-01", "2035-12-31")


def test_a_span_of_years_dates_seed_000():
    # 從2011 年到2022 年 puts the document in 2022 or later, after its 2021 年10 月4 日
    claims = _claims("000")
    assert _find(claims, "2021 年10 月4 日").as_of == "2022-01-01"
    assert "as_of_inferred" in _find(claims, "2021 年10 月4 日").flags
    assert _find(claims, "4 月29 日").value.start == "2022-04-29"
