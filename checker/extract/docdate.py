"""The date a document speaks for: from its front matter, its dateline or timestamp, the
``--date`` option, or — with lower confidence — inferred from the dates it states."""

from __future__ import annotations

import re
from datetime import date

from checker.extract.dates import DocDate, Stated, valid
from checker.extract.raw import RawClaim

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


def infer(raws: list[RawClaim]) -> DocDate | None:
    """The latest date the text states in full (a year, month and day it writes out): news
    reports what has happened, so its date is on or after it. Flagged as inferred."""
    latest = None
    for r in raws:
        s = r.stated
        if not isinstance(s, Stated) or s.y is None or s.m is None or s.d is None or s.rel or s.ago:
            continue
        if "invalid" in r.flags or "malformed" in r.flags or not valid(s.y, s.m, s.d):
            continue
        end = date(s.y2 or s.y, s.m2 or s.m, s.d2 or s.d) if s.is_range and valid(s.y2 or s.y, s.m2 or s.m, s.d2 or s.d) \
            else date(s.y, s.m, s.d)
        latest = end if latest is None or end > latest else latest
    return DocDate(latest, source="inferred") if latest else None


def document_date(text: str, raws: list[RawClaim], option: str | None) -> DocDate | None:
    """Front matter or a full dateline first; then ``--date``; then inferred from the text."""
    stated, partial = stated_document_date(text)
    if stated is not None:
        return stated
    given = DocDate(date.fromisoformat(option), source="option") if option else None
    fallback = given or infer(raws)
    if partial is not None and fallback is not None:
        # "Beijing, Sept 9 (Xinhua)": the dateline's day, in the year nearest the other evidence
        month, d = partial
        years = [y for y in (fallback.day.year - 1, fallback.day.year, fallback.day.year + 1) if valid(y, month, d)]
        y = min(years, key=lambda yy: abs((date(yy, month, d) - fallback.day).days))
        return DocDate(date(y, month, d), source="dateline" if given else "inferred")
    return fallback
