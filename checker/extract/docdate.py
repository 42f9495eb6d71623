"""The date a document speaks for: from its front matter, its dateline or timestamp, the
``--date`` option, or — with lower confidence — inferred from the dates it states."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from checker.extract.dates import DocDate, Stated, valid
from checker.extract.raw import SENTENCE_END, RawClaim
from checker.vocab import alternation, vocabulary

_MONTHS = {m.lower()[:3]: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
_YMD = r"(?P<y>\d{4})\s*[-/年.]\s*(?P<m>\d{1,2})\s*[-/月.]\s*(?P<d>\d{1,2})"

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_DATE = re.compile(r"^(?:date|published|pubdate)\s*[:=]\s*[\"']?" + _YMD, re.M | re.I)

# Datelines and timestamps near the top of an article, strongest first.
_DATELINES = [
    re.compile(_YMD + r"日?\s+\d{1,2}:\d{2}"),                                       # 2016-11-11 08:14:33
    re.compile(r"(?:发布)?(?:时间|日期)\s*[:：]\s*" + _YMD),                          # 时间:2017/9/27
    re.compile(r"[（(]\s*" + _YMD + r"日?\s*[\u4e00-\u9fff]{0,6}\s*[)）]"),            # （2017年9月26日 北京）
    re.compile(r"(?:Published|Updated|Posted)\s*[:：]?\s*" + _YMD, re.I),
]
# Datelines with a month and day only: the year comes from elsewhere.
_PARTIAL_DATELINES = [
    re.compile(r"(?:本报|新华社|中新社|人民网)[\u4e00-\u9fff]{0,8}(?P<m>\d{1,2})月(?P<d>\d{1,2})日电"),
    re.compile(r"^[A-Z][A-Za-z .'-]{1,30},\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2})"
               r"(?:,\s+(?P<y>\d{4}))?\s+\((?:Xinhua|Reuters|AP|AFP|CGTN|China Daily|ECNS)\)", re.M),
]
_HEAD = 1500          # a dateline stands near the top


def _day(y, m, d) -> date | None:
    y, m, d = int(y), int(m), int(d)
    return date(y, m, d) if 1000 <= y <= 2999 and valid(y, m, d) else None


def stated_document_date(text: str) -> tuple[DocDate | None, tuple[int, int] | None]:
    """A full date from front matter or a dateline; else a dateline's (month, day), if any."""
    fm = _FRONT_MATTER.match(text)
    if fm:
        m = _FRONT_DATE.search(fm.group("body"))
        if m and (day := _day(m["y"], m["m"], m["d"])):
            return DocDate(day, source="front-matter"), None
    head = text[:_HEAD]
    for pattern in _DATELINES:
        m = pattern.search(head)
        if m and (day := _day(m["y"], m["m"], m["d"])):
            return DocDate(day, source="dateline"), None
    for pattern in _PARTIAL_DATELINES:
        m = pattern.search(head)
        if m:
            month = int(m["m"]) if "m" in m.groupdict() and m["m"] else _MONTHS.get(m["mon"][:3].lower())
            if month and m.groupdict().get("y") and (day := _day(m["y"], month, m["d"])):
                return DocDate(day, source="dateline"), None
            if month and valid(None, month, int(m["d"])):
                return None, (month, int(m["d"]))
    return None, None


def infer(raws: list[RawClaim], text: str = "") -> DocDate | None:
    """The latest date the text states in full (a year, month and day it writes out): news
    reports what has happened, so its date is on or after it. A span of years that ends in a
    written year (从2011年到2022年, from 2011 to 2022) puts it on or after January 1 of that year,
    unless ``text`` (the normalised text the claims' offsets point into) shows the span to be a
    plan's or a forecast's. The latest of these bounds wins; a bound from a span of years gives
    the year only (precision "year"). Flagged as inferred."""
    latest = None
    year = None
    for r in raws:
        s = r.stated
        if not isinstance(s, Stated) or s.rel or s.ago or "invalid" in r.flags or "malformed" in r.flags:
            continue
        if s.y is not None and s.m is not None and s.d is not None and valid(s.y, s.m, s.d):
            end = date(s.y2 or s.y, s.m2 or s.m, s.d2 or s.d) \
                if s.is_range and valid(s.y2 or s.y, s.m2 or s.m, s.d2 or s.d) else date(s.y, s.m, s.d)
            latest = end if latest is None or end > latest else latest
        elif _ends_a_span_of_years(r, text) and (year is None or s.y2 > year):
            year = s.y2
    if year is not None and (latest is None or date(year, 1, 1) > latest):
        return DocDate(date(year, 1, 1), precision="year", source="inferred")
    return DocDate(latest, source="inferred") if latest else None




@lru_cache(maxsize=1)
def _period_words():
    """Words of a plan (after or just before the span) and of a forecast (in its sentence)."""
    series = vocabulary().series

    def words(table):
        zh, en = alternation(table["zh"]), alternation(table["en"]).replace(r"\ ", r"\s+")
        return re.compile(rf"{zh}|\b(?:{en})\b", re.I)

    return words(series.plans), words(series.future)


def _ends_a_span_of_years(r: RawClaim, text: str) -> bool:
    """从2011年到2022年, 2011-2022: a span of written years (not 2020年以来, the 1990s, nor a plan's
    2021—2025年规划 or a forecast's span, 将在2021年到2035年…, which may lie ahead)."""
    s = r.stated
    if not (s.is_range and s.y is not None and s.y2 is not None and s.m is None and s.m2 is None) \
            or s.since or "decade" in r.flags:
        return False
    if not text:
        return True
    plans, future = _period_words()
    head = text[max(0, r.start - 24):r.start]
    if _opened(head, "《", "》") or _opened(head[-8:], "“「『", "”」』"):
        return False                         # in a title or a short quotation: 《2018-2022年行动计划》
    if plans.search(text, r.end, r.end + 10) or plans.search(head, len(head) - 16):
        return False
    start = max((m.end() for m in SENTENCE_END.finditer(text, max(0, r.start - 300), r.start)),
                default=max(0, r.start - 300))
    stop = SENTENCE_END.search(text, r.end, r.end + 300)
    return not future.search(text[start:stop.start() if stop else min(len(text), r.end + 300)])


def _opened(head: str, opening: str, closing: str) -> bool:
    """Whether ``head`` opens a mark it does not close."""
    k = max(head.rfind(c) for c in opening)
    return k >= 0 and not any(c in head[k:] for c in closing)


def with_dateline(partial: tuple[int, int] | None, fallback: DocDate | None, given: bool) -> DocDate | None:
    """A dateline's month and day ("Beijing, Sept 9 (Xinhua)", 新华社北京2月11日电) in the year
    nearest ``fallback`` (``given``: that time is --date, not an inference); else ``fallback``."""
    if partial is None or fallback is None:
        return fallback
    month, d = partial
    around = (fallback.day.year - 1, fallback.day.year, fallback.day.year + 1)
    if fallback.precision == "year":                  # a lower bound: that year or later
        around = around[1:]
    years = [y for y in around if valid(y, month, d)]
    if not years:
        return fallback
    y = min(years, key=lambda yy: abs((date(yy, month, d) - fallback.day).days))
    return DocDate(date(y, month, d), source="dateline" if given else "inferred")
