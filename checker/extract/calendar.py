"""Calendar forms news uses, in both languages (rules/calendar.yaml): parts of a month (6月上旬,
"early June"), quarters and halves of a year (一季度, 上半年, "the first quarter of 2023", "H1"),
parts of a year (去年底, "late last year"), and compound durations and duration intervals.

Dates become a :class:`~checker.extract.dates.Stated` range, so they resolve like any other
date: a part of a month is a day range of its month (上旬/月初 days 1–10, 中旬 11–20, 下旬/月底
21 to the month's end), a period of a year a month range (一季度 months 1–3, 前三季度 1–9, 上半年
1–6, 年底 12). A year the text does not write stays unstated (the document date gives it later).

Durations: a compound of two units is ONE duration claim. Its value is in the smaller unit when
the units differ (一年零两个月 = 14 month, 4天6小时 = 102 hour, "a year and two months" = 14
month) and a fraction of the unit with a half (五年半 = 5.5 year, 两个半小时 = 2.5 hour, "a year
and a half" = 1.5 year, 半年 = 0.5 year). Only units with an exact ratio are joined (year/month, week/day,
day/hour, hour/minute, minute/second). A range or a pair of bounds of one unit is one interval
with the qualifier ``range`` (2周至6周, 2年以上5年以下, "two to six weeks").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from checker.extract.dates import Stated, make
from checker.extract.raw import RawClaim
from checker.model import Interval

# how many of the smaller unit make one of the larger: the pairs a compound duration may join
_RATIO = {("year", "month"): 12, ("week", "day"): 7, ("day", "hour"): 24, ("hour", "minute"): 60,
          ("minute", "second"): 60}


@dataclass(frozen=True)
class Calendar:
    month_parts: dict[str, dict[str, tuple[int, int]]]    # lang → word → (first day, last day)
    year_parts: dict[str, dict[str, tuple[int, int]]]     # lang → word → (first month, last month)
    periods: dict[str, dict[str, tuple[int, int]]]        # lang → word → (first month, last month)
    en_needs_year: frozenset[str]
    duration_cues_en: frozenset[str]
    duration_cues_zh: tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]   # 四周: (words, before, after)
    period_cues: dict[str, dict[str, tuple[str, ...]]]   # since_before / not_during → lang → words
    day_hao_after: dict[str, tuple[str, ...]]            # word after N号 → what, after it, makes a noun
    article_units_en: tuple[str, ...]
    rate_words_en: frozenset[str]
    named_dates_zh: dict[str, tuple[int, int]]           # 六四 → (6, 4)
    named_dates_en: dict[str, tuple[int, int]]           # double eleven → (11, 11)


def _pairs(table: dict) -> dict[str, tuple[int, int]]:
    return {str(k): (int(v[0]), int(v[1])) for k, v in table.items()}


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    from checker.errors import UserError
    from checker.vocab import load_yaml

    data = load_yaml("calendar.yaml")
    try:
        periods = data["periods"]
        return Calendar(
            month_parts={lang: _pairs(data["month_parts"][lang]) for lang in ("zh", "en")},
            year_parts={lang: _pairs(data["year_parts"][lang]) for lang in ("zh", "en")},
            periods={lang: _pairs(periods[lang]) for lang in ("zh", "en")},
            en_needs_year=frozenset(str(w) for w in periods.get("en_needs_year", [])),
            duration_cues_en=frozenset(str(w) for w in data["duration_cues"]["en"]),
            duration_cues_zh=(frozenset(str(w) for w in data["duration_cues"].get("zh_words", [])),
                              tuple(str(w) for w in data["duration_cues"].get("zh_before", [])),
                              tuple(str(w) for w in data["duration_cues"].get("zh_after", []))),
            article_units_en=tuple(str(w) for w in data["article_units"]),
            rate_words_en=frozenset(str(w) for w in data["rate_words"]),
            named_dates_zh=_pairs(data["named_dates"]["zh"]),
            day_hao_after={**{str(w): () for w in data["day_hao_after"]["words"]},
                           **{str(w): tuple(str(x) for x in xs) for w, xs in data["day_hao_after"]["unless"].items()}},
            period_cues={cue: {lang: tuple(str(w) for w in data["period_cues"][cue][lang]) for lang in ("zh", "en")}
                         for cue in ("since_before", "not_during")},
            named_dates_en=_pairs(data["named_dates"].get("en") or {}),
        )
    except (KeyError, TypeError, IndexError, ValueError) as e:
        raise UserError(f"rules/calendar.yaml: malformed ({e!r})") from None


def month_part(start: int, end: int, y: int | None, m: int, days: tuple[int, int],
               rel: tuple[str, int] | None = None) -> RawClaim:
    """A part of month ``m``: days ``days`` (a last day of 31 is the month's last day)."""
    first, last = days
    return make(start, end, Stated(y, m, first, is_range=True, m2=m, d2=None if last >= 28 else last, rel=rel),
                flags=("month_part",))


def year_period(start: int, end: int, y: int | None, months: tuple[int, int],
                rel: tuple[str, int] | None = None, flag: str = "period") -> RawClaim:
    """Months ``months`` of year ``y`` (or of the year ``rel`` says, or of an unstated year)."""
    first, last = months
    return make(start, end, Stated(y, first, is_range=first != last, m2=last if first != last else None, rel=rel),
                flags=(flag,))


def ratio(big: str | None, small: str | None) -> int | None:
    return _RATIO.get((big, small))


def compound(first: RawClaim, second: RawClaim, end: int) -> RawClaim | None:
    """Two exact durations read as one (一年零两个月, "two years and three months"), in the
    smaller unit; None when the units do not join, or the smaller is a whole larger one or more
    (7天24小时 is "around the clock", not 192 hours)."""
    if not (first.value.is_exact and second.value.is_exact):
        return None
    k = ratio(first.unit, second.unit)
    if k is None or second.value.nominal >= k:
        return None
    value = first.value.nominal * k + second.value.nominal
    return RawClaim(first.start, end, "duration", Interval.exact(value), unit=second.unit,
                    qualifier=first.qualifier, subject=first.subject, flags=first.flags + ("compound",))


def plus_half(claim: RawClaim, end: int) -> RawClaim:
    """五年半, "two years and a half": the unit's half added to an exact duration."""
    value = claim.value.nominal + Decimal("0.5")
    return RawClaim(claim.start, end, "duration", Interval.exact(value), unit=claim.unit,
                    qualifier=claim.qualifier, subject=claim.subject, flags=claim.flags + ("compound",))


def between(low: RawClaim, high: RawClaim, start: int, end: int) -> RawClaim | None:
    """One interval of durations from two bounds of the same unit (2周至6周, 2年以上5年以下)."""
    lo, hi = low.value.low, high.value.high
    if lo is None or hi is None or hi <= lo or low.unit != high.unit:
        return None
    return RawClaim(start, end, "duration", Interval(None, lo, hi), unit=high.unit, qualifier="range",
                    subject=high.subject, flags=high.flags)
