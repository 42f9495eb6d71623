"""The long tail of English dates, read by dateparser.

The frequent forms are read by the extractors' own patterns (a call to dateparser costs about a
millisecond, and it returns nothing for most Chinese forms). Only a month name that none of those
patterns took, with a day number beside it ("the 9th of September", "September the 9th, 2021"),
is handed to dateparser. ``STATS`` (checker.extract.dates) counts both paths, so the benchmark
can report the share.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.dates import STATS, Stated, make, valid
from checker.extract.raw import RawClaim


_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = re.compile(r"\b(\d{4})\b")


@lru_cache(maxsize=1)
def _candidate(month: str) -> re.Pattern:
    # on lower-cased text: "the 9th of september", "september the 9th, 2021", "9th day of may"
    return re.compile(rf"(?:the\s+)?{_ORD}\s+(?:day\s+)?of\s+{month}(?:,?\s+\d{{4}})?"
                      rf"|{month}\s+the\s+{_ORD}(?:,?\s+\d{{4}})?")


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past"})


def english(low: str, anchor: int, month_pattern: str) -> RawClaim | None:
    """A date around the month name at ``anchor`` that our patterns did not read, if any."""
    for m in _candidate(month_pattern).finditer(low, max(0, anchor - 24), min(len(low), anchor + 40)):
        if m.start() <= anchor < m.end():
            break
    else:
        return None
    STATS["dateparser"] += 1
    data = _parser().get_date_data(m.group())
    if data.date_obj is None or data.period != "day":
        return None
    d = data.date_obj
    year = _YEAR.search(m.group())
    y = int(year.group(1)) if year else None          # dateparser fills in a year; we never invent one
    if not valid(y, d.month, d.day):
        return None
    return make(m.start(), m.end(), Stated(y, d.month, d.day), flags=("dateparser",))
