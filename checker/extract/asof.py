"""The time a claim speaks for (its ``as_of``) when its sentence says one: a cue (截至2021年底, as of
June) sets it for the whole sentence; otherwise a figure in a sentence that states exactly one
day of the past (今年10月25日上午，……第51次联合巡逻执法正式启动) speaks for that day, and one
that opens with one past period (2023年底，…; 去年，…; In 2023, …) for the period's end. Other
claims keep the document's date.

A day that states its time of day (截至5月3日12时, 截至3日18时30分, "as of 6 p.m. on May 3") gives
its figures a moment, ``YYYY-MM-DDTHH:MM``: 12时 and 18时 of one day are two moments, and the
archive compares moments (checker/engine/corpus.py). Only figures get it; dates and years keep
their day. The words of a part of the day that make a clock time p.m. (下午6时 is 18:00) and the
English clock words are data in rules/glossary.yaml, ``moments``."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from checker.extract import calendar as cal
from checker.extract.dates import DocDate, Stated
from checker.extract.raw import SENTENCE_END, RawClaim
from checker.model import DateValue, Interval
from checker.vocab import alternation

# "截至2021年底", "as of June": a date that sets the time its sentence speaks for
_AS_OF_CUE = re.compile(r"(?:截至|截止到?|截止至|到|至)\s*\Z|(?:as of|as at|by the end of|by)\s+\Z", re.I)
_CUE_LAST = frozenset("至到止fFtTyY")
# the figures an event's day dates; a date speaks for itself and a year is a time of its own
DATED = frozenset({"count", "quantity", "money", "percent", "number", "ordinal", "duration"})
# a day read against another (昨天, 本周三, 10日 of the document's month, 15年前) or not surely a day
_NOT_EVENT_DAYS = frozenset({"relative", "weekday", "weekday_inferred", "month_inferred", "since",
                             "invalid", "malformed", "named", "decade"})


def sentence_times(t: str, raws: list[tuple[str, int, RawClaim]], doc_date: DocDate | None,
                   ends: list[int] | None = None) -> None:
    """``ends``: the sentence ends of ``t`` (raw.SENTENCE_END), if already found."""
    _cues(t, raws)
    if doc_date is not None:
        _event_days(t, raws, doc_date, ends)


def _cues(t: str, raws) -> None:
    # (a cue's sentence is looked for within 400 characters each way, and its claims by position:
    # linear however long the text or its sentences)
    order: list[int] | None = None        # (the claims by place: sorted once a cue needs them)
    for lang, _, r in raws:
        if r.kind not in ("date", "date_range") or not isinstance(r.value, DateValue) or not r.value.end:
            continue
        # (a cue ends in 至, 到, 止, f, t or y, then blanks — also under re.I, whose case folds
        # of these letters are only F, T and Y: most dates are skipped without the search)
        w = t[max(0, r.start - 16):r.start].rstrip()
        if not w or w[-1] not in _CUE_LAST or not _AS_OF_CUE.search(t, max(0, r.start - 16), r.start):
            continue
        if order is None:
            order = sorted(range(len(raws)), key=lambda i: raws[i][2].start)
            starts = [raws[i][2].start for i in order]
        start = max((m.end() for m in SENTENCE_END.finditer(t, max(0, r.start - 400), r.start)),
                    default=max(0, r.start - 400))
        stop = SENTENCE_END.search(t, r.end, r.end + 400)
        end = stop.start() if stop else min(len(t), r.end + 400)
        when = _with_time(t, r, lang, [raws[i][2] for i in order[bisect_left(starts, r.end):bisect_left(starts, r.end + 3)]],
                          r.value.end)
        for i in order[bisect_left(starts, start):bisect_left(starts, end)]:
            o = raws[i][2]
            if o is not r:
                o.as_of = when if o.kind in DATED else r.value.end


def _event_days(t: str, raws, doc_date: DocDate, ends: list[int] | None = None) -> None:
    if ends is None:
        ends = [m.start() for m in SENTENCE_END.finditer(t)]
    sentences: dict[int, list[RawClaim]] = {}
    langs = {}                                  # (of the dates: only a date is an event's day)
    with_year: set[int] = set()                 # the sentences that hold a year
    for lang, _, r in raws:
        k = bisect_left(ends, r.start)
        sentences.setdefault(k, []).append(r)
        if r.kind == "date":
            langs[id(r)] = lang
        elif r.kind == "year":
            with_year.add(k)
    for k, claims in sentences.items():
        # with two times in a sentence, which one a figure is for is not said
        times = [r for r in claims if r.kind in ("date", "date_range") and _states_time(r)]
        if len(times) != 1 or not _event_day(times[0], doc_date):
            # (_past_period needs exactly one period, a time of these or a year: most sentences
            # have none, and it is not asked)
            if len(times) == 1 or (not times and k in with_year):
                _past_period(t, claims, doc_date)
            continue
        day = times[0]
        # The day's as_of is as sure as its year: written out (2021年10月4日), it holds whatever
        # the document's date; guessed (4月29日, year_inferred) or read against an inferred
        # document date (今年10月25日), it is flagged as_of_inferred like the document's date.
        guessed = "year_inferred" in day.flags or (day.stated.y is None and doc_date.inferred)
        when = _with_time(t, day, langs[id(day)], claims, day.value.start)
        for r in claims:
            if r.kind in DATED and r.as_of is None:
                r.as_of = when
                if guessed and "as_of_inferred" not in r.flags:
                    r.flags += ("as_of_inferred",)


@lru_cache(maxsize=1)
def _period_cues() -> tuple[re.Pattern, re.Pattern]:
    """(since_before, not_during) of rules/calendar.yaml period_cues: what makes an opening period
    a start (自2000年…以来), and what between the period and a figure makes the figure after or
    since it (2011年…惨案发生后, 2020年以来)."""
    def pattern(words: dict[str, tuple[str, ...]]) -> re.Pattern:
        return re.compile(rf"{alternation(words['zh'])}|\b(?:{alternation(words['en'])})\b", re.I)
    cues = cal.calendar().period_cues
    return pattern(cues["since_before"]), pattern(cues["not_during"])


def _past_period(t: str, claims: list[RawClaim], doc_date: DocDate) -> None:
    """A sentence that opens with one past period (2023年，…; 2023年底，…; 去年，…; In 2023, …)
    speaks for the period's end: 北京市共有普通高校92所 then is 2023's figure, not the document's."""
    times = [r for r in claims if (r.kind == "year" and 1900 <= (r.value.low or 0) <= 2200)
             or (r.kind in ("date", "date_range") and _states_time(r))]
    if len(times) != 1:
        return                                 # (most sentences: their figures need not be listed)
    figures = [r for r in claims if r.kind in DATED and r.as_of is None]
    if not figures:
        return
    period = times[0]
    v = period.value
    if period.kind == "year" and isinstance(v, Interval) and v.low is not None and v.low == v.high:
        v = DateValue(f"{int(v.low):04d}-01-01", f"{int(v.low):04d}-12-31")     # a year: its days
    if not isinstance(v, DateValue) or v.start is None or v.end is None or v.start == v.end:
        return
    if {"since", "invalid", "malformed", "named", "decade", "weekday", "weekday_inferred"} & set(period.flags):
        return
    end = date.fromisoformat(v.end)
    past = end.year < doc_date.day.year if doc_date.precision == "year" else end < doc_date.day
    begin = max((m.end() for m in SENTENCE_END.finditer(t, max(0, period.start - 200), period.start)),
                default=max(0, period.start - 200))
    since_before, not_during = _period_cues()
    if not past or since_before.search(t[begin:period.start]):
        return                                 # 自2000年…以来, since … in 2000: a start, not a time
    guessed = "year_inferred" in period.flags or doc_date.inferred
    for r in figures:
        if r.start < period.start or not_during.search(t, period.end, r.start):
            continue
        r.as_of = v.end
        if guessed and "as_of_inferred" not in r.flags:
            r.flags += ("as_of_inferred",)


def _states_time(r: RawClaim) -> bool:
    """A date that names a time (not a clock time alone, 20时许, nor an event's name, “10·5”)."""
    v = r.value
    return isinstance(v, DateValue) and "named" not in r.flags and (
        v.start is not None or any(x is not None for x in (v.year, v.month, v.day, v.weekday)))


def _event_day(r: RawClaim, doc_date: DocDate) -> bool:
    """One day the text writes out (a month and a day, the year written, relative or inferred),
    on or before the document's date: news reports what happened, and a day ahead is a plan."""
    s, v = r.stated, r.value
    if r.kind != "date" or not isinstance(s, Stated) or not isinstance(v, DateValue):
        return False
    if v.start is None or v.start != v.end or s.m is None or s.d is None or s.ago or s.since:
        return False
    if (s.rel is not None and s.rel[0] != "year") or _NOT_EVENT_DAYS.intersection(r.flags):
        return False
    day = date.fromisoformat(v.start)
    # a document dated by a year only (an inferred lower bound) may be any day of that year or later
    return day.year <= doc_date.day.year if doc_date.precision == "year" else day <= doc_date.day


@lru_cache(maxsize=1)
def _moment_words() -> tuple[tuple[str, ...], re.Pattern, re.Pattern, dict[str, str]]:
    """rules/glossary.yaml, moments: the Chinese parts of the day after noon (下午, 晚上), and the
    English clock read before a day ("6 p.m. on May 3", "noon on May 3") or after it ("May 3,
    at 18:00")."""
    from checker.vocab import load_yaml

    spec = (load_yaml("glossary.yaml") or {}).get("moments") or {}
    pm = tuple(spec.get("zh", {}).get("afternoon") or ())
    named = {str(k).lower(): str(v) for k, v in (spec.get("en", {}).get("named") or {}).items()}
    names = "|".join(re.escape(k) for k in sorted(named, key=len, reverse=True)) or "(?!)"
    clock = (rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
             rf"|(?P<h24>[01]?\d|2[0-4]):(?P<m24>\d{{2}})\b(?!\s*[ap]\.?\s?m\b)|(?P<named>{names})\b)")
    # bounded on both sides: a clock, then at most "local time", "on" (before the day), or a
    # comma and "at" (after it)
    before = re.compile(rf"{clock}(?:\s+(?:local\s+time|\w{{3,4}}))?,?\s+(?:on\s+)?(?:\w+,?\s+)?\Z", re.I)
    after = re.compile(rf",?\s+(?:at\s+)?{clock}", re.I)
    return pm, before, after, named


def _with_time(t: str, r: RawClaim, lang: str, near: list[RawClaim], day: str) -> str:
    """``day`` with the time of day the date ``r`` states, if it states one: its own (5月3日12时)
    or a clock time written right after it (3日12时, 今天12时; looked for among ``near``, the claims
    of its sentence or right after it), or an English clock before or after it (6 p.m. on May 3;
    May 3, at 18:00)."""
    hm = _flag_time(r)
    text = t[r.start:r.end]
    if hm is None and t[r.end:r.end + 2].lstrip()[:1].isdigit():      # (a clock starts with a digit)
        for o in sorted(near, key=lambda c: c.start):
            if o is not r and o.start >= r.end and not t[r.end:o.start].strip() and _flag_time(o) \
                    and not _states_time(o):
                hm, text = _flag_time(o), text + t[r.end:o.end]
                break
    if hm is not None:
        h, m = hm
        pm = _moment_words()[0]
        if h < 12 and any(w in text for w in pm):
            h += 12                       # 下午6时, 晚上8点: p.m.
        return f"{day}T{h:02d}:{m:02d}"
    if lang != "en":
        return day
    _, before, after, named = _moment_words()
    lead = t[max(0, r.start - 40):r.start]
    m = before.search(lead) or after.match(t, r.end)
    if m is None:
        return day
    if m.group("named"):
        return f"{day}T{named[m.group('named').lower()]}"
    if m.group("h24") is not None:
        h, mm = int(m.group("h24")), int(m.group("m24"))
    else:
        h, mm = int(m.group("h")), int(m.group("m") or 0)
        if not 1 <= h <= 12:
            return day
        h = h % 12 + (12 if m.group("ap").lower() == "p" else 0)
    return f"{day}T{h:02d}:{mm:02d}" if h <= 24 and mm < 60 else day


def _flag_time(r: RawClaim) -> tuple[int, int] | None:
    f = next((f for f in r.flags if f.startswith("time:")), None)
    if f is None:
        return None
    h, m = f[5:].split(":")
    return int(h), int(m)
