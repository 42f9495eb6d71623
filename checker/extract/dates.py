"""Dates: what the text states, and the calendar days it means once the document date is known.

Extractors record a :class:`Stated` date (the parts the text gives, a range end, a relative
offset such as 去年 or "last month", a weekday); :func:`resolve` turns it into an inclusive day
interval against the document's date. What cannot be resolved keeps the parts that are known,
and a year is never invented silently: an inferred year is flagged.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from checker.extract.raw import RawClaim
from checker.model import DateValue


@dataclass(frozen=True, slots=True)
class Stated:
    y: int | None = None
    m: int | None = None
    d: int | None = None
    # the end of a range (is_range): parts not given are those of the start
    is_range: bool = False
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    rel: tuple[str, int] | None = None     # ("year", -1) 去年; ("month", 0) 本月; ("day", -1) 昨天; ("week", 0)
    weekday: int | None = None              # 1 = Monday … 7 = Sunday
    weekday2: int | None = None             # the end of a weekday range (from Wednesday to Thursday)
    ago: tuple[str, int] | None = None      # ("year", 15): 15年前
    since: bool = False                     # since 2000: from then to the document date


@dataclass(frozen=True, slots=True)
class DocDate:
    """The date a document speaks for, how precise it is, and where it came from."""

    day: date
    precision: str = "day"       # "day" | "year"
    source: str = "dateline"     # "dateline" | "front-matter" | "option" | "inferred"

    @property
    def inferred(self) -> bool:
        return self.source == "inferred"


def _month_days(y: int, m: int) -> int:
    """calendar.monthrange(y, m)[1], the days of a month, without the weekday of its first day
    that monthrange also works out (a third of resolving a date's time)."""
    if not 1 <= m <= 12:
        raise calendar.IllegalMonthError(m)
    return 29 if m == 2 and calendar.isleap(y) else calendar.mdays[m]


def valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None:
        return d is None or 1 <= d <= 31
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    last = _month_days(y or 2000, m)  # without a year, 2月29日 may exist
    return 1 <= d <= last


def span(y: int, m: int | None, d: int | None) -> tuple[date, date]:
    if m is None:
        return date(y, 1, 1), date(y, 12, 31)
    if d is None:
        return date(y, m, 1), date(y, m, _month_days(y, m))
    return date(y, m, d), date(y, m, d)


def _value(stated: Stated, lo: date, hi: date) -> DateValue:
    return DateValue(lo.isoformat(), hi.isoformat(), stated.y or lo.year, stated.m, stated.d,
                     weekday=stated.weekday)


# the dates made: "patterns" (read by the extractors' own patterns), "dateparser_read" (read by
# dateparser, checker/extract/fallback.py, which counts its calls as "dateparser"): the benchmark
# reports the share
STATS: Counter = Counter()


def make(start: int, end: int, stated: Stated, flags: tuple[str, ...] = ()) -> RawClaim:
    """A date claim; resolved at once when the text gives the year, else by :func:`resolve`."""
    STATS["patterns" if "dateparser" not in flags else "dateparser_read"] += 1
    kind = "date_range" if stated.is_range or stated.since or stated.weekday2 else "date"
    value, more = resolve(stated, None)
    return RawClaim(start, end, kind, value, flags=flags + more, stated=stated)


def make_date(start: int, end: int, y: int | None, m: int, d: int | None,
              m2: int | None = None, d2: int | None = None, relative: str | None = None) -> RawClaim:
    """A date, or with ``m2``/``d2`` a range ending on month ``m2`` (day ``d2``)."""
    rel = _REL_YEAR.get(relative) if relative else None
    return make(start, end, Stated(y, m, d, is_range=m2 is not None or d2 is not None,
                                   m2=m2, d2=d2, rel=("year", rel) if rel is not None else None))


_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "明年": 1, "前年": -2, "后年": 2}


def make_day(start: int, end: int, day: int) -> RawClaim:
    """A day of an unstated month (10日发布)."""
    return make(start, end, Stated(d=day))


# (cached: a pure function of frozen values, and the same dates are stated again and again —
# half of them in news text — each read twice, by the extractor, then against the document's date)
@lru_cache(maxsize=4096)
def resolve(stated: Stated, anchor: DocDate | None, context: int | None = None) -> tuple[DateValue, tuple[str, ...]]:
    """The day interval ``stated`` means, given the document date (None: not known yet) and the
    year its context writes (``context``: 2019年……3月; a month without a year takes it, flagged
    ``year_context``; without one it takes the year nearest the document date, flagged
    ``year_inferred``). A written weekday never chooses the year: it is what gets checked."""
    s = stated
    flags: tuple[str, ...] = ()
    if not (valid(s.y, s.m, s.d) and (not s.is_range or valid(s.y2 or s.y, s.m2 or s.m, s.d2))):
        return DateValue(year=s.y, month=s.m, day=s.d), ("invalid",)
    if anchor is not None and anchor.precision == "year" and _needs_a_day(s):
        anchor = None             # 昨天, 上月, 周三, 10日: a document dated by its year only cannot place them
    a = anchor.day if anchor else None
    if s.ago is not None:
        if a is None:
            return DateValue(), ()
        unit, n = s.ago
        when = shift(a, unit, -n)
        lo, hi = span(when.year, None, None) if unit == "year" else (when, when)
        return _value(replace(s, y=when.year), lo, hi), ()
    y = s.y
    if s.rel is not None:
        unit, n = s.rel
        if a is None:
            return _unplaced(s), ()
        if unit == "year":
            y = a.year + n
        elif unit == "month" and s.d is None:
            first = shift(date(a.year, a.month, 1), "month", n)
            lo, hi = span(first.year, first.month, None)
            return _value(replace(s, y=first.year, m=first.month), lo, hi), ()
        elif unit == "day":
            day = a + timedelta(days=n)
            return _value(replace(s, y=day.year, m=day.month, d=day.day), day, day), ()
        elif unit == "week":
            monday = a - timedelta(days=a.weekday()) + timedelta(weeks=n)
            if s.weekday is None:
                return _value(replace(s, y=monday.year), monday, monday + timedelta(days=6)), ()
            day = monday + timedelta(days=s.weekday - 1)
            return _value(replace(s, y=day.year, m=day.month, d=day.day), day, day), ()
    if s.weekday is not None and s.m is None:
        if a is None:
            return DateValue(weekday=s.weekday), ()
        return weekdays_from(_nearest_weekday(a, s.weekday), s), ("weekday_inferred",)
    if y is None and s.m is None and s.d is not None:          # 10日: the month of the document
        if a is None:
            return DateValue(day=s.d), ()
        best = _nearest(a, [(yy, mm, s.d) for yy, mm in months_around(a)])
        if best is None:
            return DateValue(day=s.d), ()
        return _value(replace(s, y=best.year, m=best.month), best, best), ("month_inferred",)
    if y is None and context is not None and s.m is not None and not s.since and valid(context, s.m, s.d) \
            and (not s.is_range or valid(context, s.m2 or s.m, s.d2)):
        y = context               # (2月29日 after 1990年 is not of 1990: the year nearest the document's)
        flags = ("year_context",)
    if y is None:
        if s.m is None or a is None:
            return _unplaced(s), ()
        if anchor.precision == "year":
            y = a.year
        else:
            # a period is as near as its end (一季度 in November is this year's, past); a period
            # that runs into the next year (11月至次年2月) is probed by its start
            m, d = s.m, s.d or 1
            if s.is_range and s.y2 is None and (s.m2 or s.m) >= s.m:
                m = s.m2 or s.m
                d = s.d2 or (s.d if s.m2 is None else None) or _month_days(2001, m)
            probe = _nearest(a, [(yy, m, d) for yy in (a.year - 1, a.year, a.year + 1)])
            if probe is None:
                return DateValue(month=s.m, day=s.d), ("invalid",)
            y = probe.year
        flags = ("year_inferred",)
    if not (valid(y, s.m, s.d) and (not s.is_range or valid(s.y2 or y, end_month(s), s.d2))):
        # 2月29日 in a year without one, a year the text did not write (its own was checked
        # above): the document's or its context's year is not this day's, so the day stays
        # unplaced; 去年2月29日 names its year, and that year has no such day
        if s.rel is not None:
            return DateValue(year=y, month=s.m, day=s.d), flags + ("invalid",)
        return _unplaced(s), ()
    lo, _ = span(y, s.m, s.d)
    if s.since:
        hi = a if a is not None and a >= lo else None
        return DateValue(lo.isoformat(), hi.isoformat() if hi else None, y, s.m, s.d), flags
    if s.is_range:
        y2 = s.y2 or y
        m2 = end_month(s)
        _, hi = span(y2, m2, s.d2)
        if hi < lo and s.y2 is None and m2 is not None and s.m is not None and m2 < s.m:
            if not valid(y2 + 1, m2, s.d2):      # (4月29日至2月29日 would end in a year without one)
                return _unplaced(s), ()
            _, hi = span(y2 + 1, m2, s.d2)       # 11月至次年2月, December 6 to January 10
        if hi < lo:
            return DateValue(year=y, month=s.m, day=s.d), flags + ("invalid",)
    else:
        _, hi = span(y, s.m, s.d)
    return DateValue(lo.isoformat(), hi.isoformat(), y, s.m, s.d, weekday=s.weekday), flags


def end_month(s: Stated) -> int | None:
    """The month a range ends in: its own (8月至11月), or the start's when only a day ends it (9月8日至9日)."""
    return s.m2 if s.m2 is not None else (s.m if s.d2 is not None else None)


def _unplaced(s: Stated) -> DateValue:
    """A date as written, not placed on a day (no year known, or none in which it exists)."""
    return DateValue(month=s.m, day=s.d, weekday=s.weekday, **_end(s))


def _end(s: Stated) -> dict:
    """The end of a range as written, for a date that stays unresolved (3至6月 → month 6)."""
    return {"end_month": end_month(s), "end_day": s.d2} if s.is_range else {}


def _needs_a_day(s: Stated) -> bool:
    """Whether ``s`` is read against the document's day, not only its year."""
    return bool((s.rel and s.rel[0] != "year") or (s.ago and s.ago[0] != "year")
                or (s.m is None and s.y is None and (s.weekday is not None or s.d is not None)))


def weekdays_from(first: date, s: Stated) -> DateValue:
    """A weekday (or a weekday range, Monday to Friday) that starts on ``first``."""
    last = first + timedelta(days=(s.weekday2 - s.weekday) % 7) if s.weekday2 else first
    return DateValue(first.isoformat(), last.isoformat(), weekday=s.weekday)


def shift(day: date, unit: str, n: int) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit == "month":
        k = day.year * 12 + day.month - 1 + n
        y, m = divmod(k, 12)
        return date(y, m + 1, min(day.day, _month_days(y, m + 1)))
    y = day.year + n
    return date(y, day.month, min(day.day, _month_days(y, day.month)))


def months_around(a: date):
    for n in (-1, 0, 1):
        d = shift(date(a.year, a.month, 1), "month", n)
        yield d.year, d.month


def _nearest(a: date, candidates) -> date | None:
    """The candidate day nearest the document date; news speaks more of the past, so a day in
    the future counts as twice as far."""
    best, cost = None, None
    for y, m, d in candidates:
        if not valid(y, m, d):
            continue
        day = date(y, m, d)
        c = (day - a).days * 2 if day > a else (a - day).days
        if cost is None or c < cost:
            best, cost = day, c
    return best


def _nearest_weekday(a: date, weekday: int) -> date:
    """The last such weekday on or before the document date (news reports what happened)."""
    return a - timedelta(days=(a.isoweekday() - weekday) % 7)


def malformed(start: int, end: int, digits: str, unit: str) -> RawClaim:
    """2017926日 → likely 2017-09-26 (年 and 月 lost); 20159月 → likely 2015-09."""
    y = int(digits[:4])
    rest = digits[4:]
    reading = None
    if unit == "月":
        if rest and valid(y, int(rest), None):
            reading = Stated(y, int(rest))
    else:
        # Chinese dates are not zero-padded, so a day written "06" is unlikely (106 → 10/6, not
        # 1/06); otherwise a month of one digit first (115 → 1/15).
        splits = [k for k in (1, 2) if 0 < k < len(rest) and valid(y, int(rest[:k]), int(rest[k:]))]
        splits.sort(key=lambda k: rest[k] == "0")
        if splits:
            k = splits[0]
            reading = Stated(y, int(rest[:k]), int(rest[k:]))
    if reading is None or not 1900 <= y <= 2100:
        return RawClaim(start, end, "date", DateValue(), flags=("malformed",))
    return make(start, end, reading, flags=("malformed",))
