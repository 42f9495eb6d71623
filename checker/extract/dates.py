"""Dates as stated in the text.

For now (issue #2) this only records what is stated — a day, a month, a range — so that date
digits never become counts; resolution against the document date comes with issue #3.
"""

from __future__ import annotations

import calendar
from datetime import date

from checker.extract.raw import RawClaim
from checker.model import DateValue


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or not 1 <= m <= 12:
        return False
    if d is None:
        return True
    last = calendar.monthrange(y or 2000, m)[1]  # without a year, 2月29日 may exist
    return 1 <= d <= last


def day_span(y: int, m: int, d: int | None) -> tuple[str, str]:
    if d is None:
        return date(y, m, 1).isoformat(), date(y, m, calendar.monthrange(y, m)[1]).isoformat()
    iso = date(y, m, d).isoformat()
    return iso, iso


def make_date(start: int, end: int, y: int | None, m: int, d: int | None,
              m2: int | None = None, d2: int | None = None, relative: str | None = None) -> RawClaim:
    """A date or, with ``m2``/``d2``, a range ending on month ``m2`` (day ``d2``) of the same year."""
    flags: tuple[str, ...] = (f"relative:{relative}",) if relative else ()
    is_range = m2 is not None
    kind = "date_range" if is_range else "date"
    stated = DateValue(year=y, month=m, day=d)
    ok = (_valid(y, m, d) and (not is_range or _valid(y, m2, d2)) and (y is None or 1 <= y <= 9999)
          and not (d is None and d2 is not None))
    if not ok:
        return RawClaim(start, end, kind, stated, flags=flags + ("invalid",))
    if y is None:
        return RawClaim(start, end, kind, stated, flags=flags)
    lo, hi = day_span(y, m, d)
    if is_range:
        _, hi = day_span(y, m2, d2)
        if hi < lo:
            return RawClaim(start, end, kind, stated, flags=flags + ("invalid",))
    return RawClaim(start, end, kind, DateValue(lo, hi, y, m, d), flags=flags)


def malformed(start: int, end: int, digits: str, unit: str) -> RawClaim:
    """2017926日 → likely 2017-09-26 (年 and 月 lost); 20159月 → likely 2015-09."""
    y = int(digits[:4])
    rest = digits[4:]
    if unit == "月":
        reading = (y, int(rest), None) if rest and _valid(y, int(rest), None) else None
    else:
        reading = None
        for k in (1, 2):  # month of one digit first: 926 → 9/26 rather than 92/6
            if 0 < k < len(rest) and _valid(y, int(rest[:k]), int(rest[k:])):
                reading = (y, int(rest[:k]), int(rest[k:]))
                break
    if reading is None or not 1900 <= y <= 2100:
        return RawClaim(start, end, "date", DateValue(), flags=("malformed",))
    y, m, d = reading
    lo, hi = day_span(y, m, d)
    return RawClaim(start, end, "date", DateValue(lo, hi, y, m, d), flags=("malformed",))


def make_day(start: int, end: int, day: int) -> RawClaim:
    """A day of an unstated month (10日发布): only the day is known."""
    flags = () if 1 <= day <= 31 else ("invalid",)
    return RawClaim(start, end, "date", DateValue(day=day), flags=flags)
