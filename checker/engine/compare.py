"""How two claims compare: the same kind of thing, compatible values, the same approximation.

Values are intervals; two claims agree when their intervals overlap (widened by a rounding
tolerance), after converting units through the pint registry. Digit strings are never compared.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from decimal import Decimal

from checker.model import Claim, DateValue, Interval
from checker.vocab import vocabulary

NUMERIC = frozenset({"number", "count", "quantity", "money", "percent", "duration"})
DATES = frozenset({"date", "date_range", "year"})
# Tolerances: the parameters of CC101 and CC105 in rules/catalogue.yaml, which a configuration may
# change (set_tolerances). Stated figures must be equal (200 is not 201; approximations have
# intervals); a converted unit is rounded (6.6万公里 ≈ 41,000 miles).
ROUNDING = 1e-9
CONVERSION = 0.015

# what an approximation says about where the true value lies
_DIRECTION = {None: "exact", "more_than": "above", "at_least": "above", "about": "around",
              "nearly": "below", "less_than": "below", "at_most": "below", "several": "vague", "range": "range"}


def family(c: Claim) -> str:
    if c.kind in DATES:
        return "date"
    if c.kind == "ordinal":
        return "ordinal"
    return "numeric"


def days(c: Claim) -> tuple[str, str] | None:
    """The day interval of a date or year claim, if known."""
    if isinstance(c.value, DateValue):
        return (c.value.start, c.value.end) if c.value.start and c.value.end else None
    if c.kind == "year" and c.value.is_exact:
        y = int(c.value.low)
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    return None


@dataclass(frozen=True, slots=True)
class Verdict:
    same: bool                  # the values agree
    exact: bool = False         # ... and the stated numbers are equal
    reason: str = ""            # why not, when they do not
    unit_problem: bool = False  # they disagree because of the unit
    inferred: bool = False      # they disagree only through a time the tool inferred
    comparable: bool = True     # False: nothing one states can be set against the other (去年 and
                                # "2022" with no document time): neither agreement nor drift


OPEN_END = 1.5


def set_tolerances(tolerances: dict[str, float]) -> None:
    """The configuration's tolerances ([tool.claimcheck.tolerances]: rounding, conversion, open_end)."""
    global ROUNDING, CONVERSION, OPEN_END
    ROUNDING = max(float(tolerances.get("rounding", 0.0)), 1e-9)
    CONVERSION = float(tolerances.get("conversion", CONVERSION))
    OPEN_END = float(tolerances.get("open_end", OPEN_END))


def _bounds(v: Interval, k: float = 1.0):
    n = float(v.nominal) if v.nominal is not None else None
    lo = float(v.low) if v.low is not None else (n / OPEN_END if n is not None else float("-inf"))
    hi = float(v.high) if v.high is not None else (n * OPEN_END if n is not None else float("inf"))
    return lo * k, hi * k


def _overlap(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    """Whether two intervals share a value. Approximate intervals that only touch do not (4.2万余
    is below 43,000, "over 43,000" above it); a point on the other's edge does (2600 and 2600余)."""
    (alo, ahi), (blo, bhi) = a, b
    finite = [abs(x) for x in (alo, ahi, blo, bhi) if x not in (float("inf"), float("-inf"))]
    slack = tol * max(finite) if finite else 0.0
    lo, hi = max(alo, blo), min(ahi, bhi)
    # sharing more than a rounding's width; never more slack than half the narrower interval, or two
    # equal intervals narrower than the slack (24552455110余: [24,552,455,110, 24,552,455,120]) would
    # not overlap
    if lo < hi - min(slack, (ahi - alo) / 2, (bhi - blo) / 2):
        return True
    return abs(lo - hi) <= slack and (alo == ahi or blo == bhi)


def _factor(source: Claim, target: Claim) -> tuple[float, bool] | None:
    """What to multiply the target's value by to express it in the source's unit (None: not
    convertible), and whether a conversion happened."""
    if source.kind == "money" or target.kind == "money":
        if source.unit == target.unit or _some_dollar(source, target) or _some_dollar(target, source):
            return 1.0, False
        if source.unit is None and source.kind == "number" or target.unit is None and target.kind == "number":
            return 1.0, False           # 售价100 → "$100": a currency made explicit (or left implied) is no change
        return None
    if source.kind == "percent" and target.kind == "percent" and (source.unit or "%") != (target.unit or "%"):
        return None                     # percentage points are never percent (issue 12)
    if source.kind == "quantity" and target.kind == "quantity" and source.unit and target.unit \
            and source.unit != target.unit:
        from checker.extract.units import registry

        try:
            ureg = registry()
            return float(ureg.Quantity(1.0, target.unit).to(source.unit).magnitude), True
        except Exception:
            return None
    if source.kind == "duration" and target.kind == "duration" and source.unit != target.unit:
        from checker.extract.units import registry

        try:
            (kt, ut), (ks, us) = _time_unit(target.unit), _time_unit(source.unit)
            return float(registry().Quantity(kt, ut).to(us).magnitude) / ks, True
        except Exception:
            return None
    return 1.0, False


_TEMPERATURES = frozenset({"°C", "°F", "K", "degC", "degF"})    # offset units: 38.5 °C is 101.3 °F


def _temperature(v: Interval, unit: str, to: str) -> Interval:
    """A temperature in another scale (pint offset units convert values, not a factor)."""
    from checker.extract.units import registry

    ureg = registry()

    def conv(x):
        return None if x is None else Decimal(str(round(ureg.Quantity(float(x), unit).to(to).magnitude, 6)))
    return Interval(conv(v.nominal), conv(v.low), conv(v.high))


# pint's "decade" is a logarithmic ratio (dimensionless), not ten years
_TIME_UNITS = {"decade": (10.0, "year")}


def _time_unit(unit: str | None) -> tuple[float, str | None]:
    return _TIME_UNITS.get(unit, (1.0, unit))


def _some_dollar(bare: Claim, other: Claim) -> bool:
    """A bare "$" or "dollars" against a dollar of any place (89.6亿新元 ↔ "$8.96 billion")."""
    return "bare_dollar" in bare.flags and other.unit in vocabulary().dollar_currencies


def _counted_apart(source: Claim, target: Claim) -> bool:
    """Two counts whose units never count the same things (rules/measure_words.yaml: apart)."""
    if source.kind != "count" or target.kind != "count" or source.unit == target.unit:
        return False
    groups = vocabulary().count_groups
    a, b = groups.get(source.unit or ""), groups.get(target.unit or "")
    return a is not None and b is not None and a != b


def compare(source: Claim, target: Claim) -> Verdict:
    f = family(source)
    if f != family(target):
        return Verdict(False, reason="different kinds")
    if f == "date":
        return compare_dates(source, target)
    sv, tv = source.value, target.value
    if not (isinstance(sv, Interval) and isinstance(tv, Interval)):
        return Verdict(False, reason="different kinds")
    if f == "ordinal":
        same = sv.nominal == tv.nominal
        return Verdict(same, exact=same, reason="" if same else "different ordinals")
    if _counted_apart(source, target):   # 3名队员 → "three teams": the number kept, the thing counted not
        return Verdict(False, exact=sv.nominal is not None and sv.nominal == tv.nominal,
                       reason=f"a count of {source.unit} is not a count of {target.unit}", unit_problem=True)
    written = tv
    if source.unit in _TEMPERATURES and target.unit in _TEMPERATURES and source.unit != target.unit:
        tv, factor = _temperature(tv, target.unit, source.unit), (1.0, True)   # offset units: 38.5 °C is 101.3 °F
    else:
        factor = _factor(source, target)
    if factor is None:
        return Verdict(False, reason=f"{source.unit} is not {target.unit}", unit_problem=True)
    k, converted = factor
    tol = CONVERSION if converted else ROUNDING
    tb = _bounds(tv, k)
    if converted and source.kind == "duration" and target.kind == "duration":
        tb = _calendar_bounds(tv, source.unit, target.unit) or tb
    same = _overlap(_bounds(sv), tb, tol)
    exact = sv.nominal is not None and tv.nominal is not None and \
        abs(float(sv.nominal) - float(tv.nominal) * k) <= tol * max(abs(float(sv.nominal)), 1e-9)
    if not same and converted and sv.nominal is not None and sv.nominal == written.nominal:
        return Verdict(False, reason=f"the number was kept but the unit changed from {source.unit} to "
                                     f"{target.unit} without converting", unit_problem=True)
    return Verdict(same, exact=exact, reason="" if same else "different values")


# The days a calendar unit may hold, for durations compared across the day/month boundary: a month
# is 28 to 31 days (30天 and "a month" agree), a year 365 or 366 (1095天 and "three years"). Units of
# fixed length (weeks, days, hours) are exact; months and years convert to each other exactly (pint).
_CALENDAR_DAYS = {"month": (28.0, 31.0), "year": (365.0, 366.0), "decade": (3652.0, 3653.0),
                  "century": (36524.0, 36525.0)}
_FIXED_DAYS = {"week": 7.0, "day": 1.0, "hour": 1 / 24, "minute": 1 / 1440, "second": 1 / 86400}


def _calendar_bounds(v: Interval, source_unit: str | None, target_unit: str | None):
    """The target's bounds in the source's unit when one unit is of the calendar (month, year) and
    the other of fixed length (day, week, hour): the calendar unit's shortest and longest length.
    None for any other pair (pint's factor then holds)."""
    if target_unit in _CALENDAR_DAYS and source_unit in _FIXED_DAYS:
        lo_days, hi_days = _CALENDAR_DAYS[target_unit]
        lo, hi = _bounds(v)
        return lo * lo_days / _FIXED_DAYS[source_unit], hi * hi_days / _FIXED_DAYS[source_unit]
    if source_unit in _CALENDAR_DAYS and target_unit in _FIXED_DAYS:
        lo_days, hi_days = _CALENDAR_DAYS[source_unit]
        lo, hi = _bounds(v)
        return lo * _FIXED_DAYS[target_unit] / hi_days, hi * _FIXED_DAYS[target_unit] / lo_days
    return None


def direction(c: Claim) -> str:
    d = _DIRECTION.get(c.qualifier, "exact")
    # "about 18 to 21 billion" and 约180亿至210亿, "within 7 - 20 days": a range hedged or bounded
    # is still a range (the extractors keep either word as its qualifier)
    v = c.value
    if d in ("around", "below") and isinstance(v, Interval) and v.nominal is None and v.low is not None \
            and v.high is not None and v.low < v.high:
        return "range"                   # ("within 7 - 20 working days": a range, bounded)
    return d


def scale_error(source: Claim, target: Claim) -> bool:
    """The digits agree but the scale does not (4.2万 read as 4,200): a factor of 10^k."""
    a, b = source.value, target.value
    if not (isinstance(a, Interval) and isinstance(b, Interval)) or not a.nominal or not b.nominal:
        return False
    ratio = a.nominal / b.nominal
    if ratio < 1:
        ratio = 1 / ratio
    return ratio == ratio.to_integral_value() and str(int(ratio)).rstrip("0") == "1" and ratio > 1


def digits_alike(source: Claim, target: Claim) -> bool:
    """Values that look like the same figure mistyped: one digit changed, digits swapped, a
    scale error. Used to pair a near miss as a mismatch rather than one missing and one extra."""
    a, b = source.value, target.value
    if not (isinstance(a, Interval) and isinstance(b, Interval)) or a.nominal is None or b.nominal is None:
        return False
    if scale_error(source, target):
        return True
    x, y = _digits(a.nominal), _digits(b.nominal)
    if len(x) != len(y) or len(x) < 2:          # any two single digits differ "by one digit"
        return False
    diff = sum(p != q for p, q in zip(x, y))
    return diff == 1 or (diff == 2 and sorted(x) == sorted(y))


def _digits(d: Decimal) -> str:
    return format(d.normalize(), "f").replace(".", "").lstrip("0") or "0"



# Dates are compared as written: what both sides state must agree (3月4日 and "March 4" agree
# whatever year was inferred for either); a year, month or day that only one side states is not a
# disagreement (the translation rules report a dropped or added year separately); a time one side
# states relative to the document (去年) and the other absolutely (2022) agree when the
# document's time says so, and disagree only softly when that time was itself inferred.

@dataclass(frozen=True, slots=True)
class Written:
    year: tuple[str, int] | None     # ("abs", 2022) | ("rel", -1): the year the claim writes
    md: tuple[tuple[int, int], tuple[int, int]] | None   # first and last (month, day) it writes
    day_only: int | None             # a day of the month written alone (10日, the 10th)
    weekday: tuple[int, int] | None  # (first, last) weekday written, when no date is
    rel: tuple[str, int] | None      # a month, week or day relative to the document (上周, last month)
    coarse: bool                     # no day written: it may hold finer dates (2020年, 9月)
    part: bool = False               # a vague part of a month or a year (上旬, 年初, late last year)


@lru_cache(maxsize=8192)
def written(c: Claim) -> Written:
    """What a date claim writes, as opposed to what was inferred to resolve it (cached: the
    pairing asks it of every candidate pair)."""
    from checker.extract.dates import Stated

    s = c.stated
    v = c.value
    if c.kind == "year" and isinstance(v, Interval):
        y = int(v.low) if v.is_exact else None
        return Written(("abs", y) if y is not None else None, ((1, 1), (12, 31)), None, None, None, True)
    if not isinstance(s, Stated):         # read back from a ledger: only the resolved days are known
        if isinstance(v, DateValue) and v.start and v.end:
            inferred = {"year_inferred", "year_context", "month_inferred"} & set(c.flags)
            md = ((int(v.start[5:7]), int(v.start[8:])), (int(v.end[5:7]), int(v.end[8:])))
            return Written(None if inferred else ("abs", int(v.start[:4])), md, None, None, None, False)
        return Written(None, None, None, None, None, True)
    year = None
    rel = None
    if s.rel is not None:
        if s.rel[0] == "year":
            year = ("rel", s.rel[1])
        else:
            rel = s.rel
    elif s.ago is not None:
        if s.ago[0] == "year":
            year = ("rel", -s.ago[1])
        else:
            rel = (s.ago[0], -s.ago[1])
    elif s.y is not None:
        year = ("abs", s.y)
    md = None
    day_only = None
    resolved = isinstance(v, DateValue) and v.start and v.end
    if s.m is not None:
        if resolved and not s.since:
            md = ((int(v.start[5:7]), int(v.start[8:])), (int(v.end[5:7]), int(v.end[8:])))
        elif not s.since:
            m2 = s.m2 if s.m2 is not None else s.m
            d2 = s.d2 if s.d2 is not None else (s.d if s.m2 is None or s.d is not None else None)
            md = ((s.m, s.d or 1), (m2, d2 or calendar.monthrange(2000, m2)[1]))
    elif s.d is not None and rel is None:
        day_only = s.d
    elif s.y is not None and not s.since and not s.is_range:
        md = ((1, 1), (12, 31))
    weekday = None
    if s.weekday is not None and s.m is None and s.d is None:
        weekday = (s.weekday, s.weekday2 or s.weekday)
    # a year or a month without a day may hold finer dates; so does a part of a month (6月上旬,
    # early June holds June 5)
    part = "month_part" in c.flags or "year_part" in c.flags
    coarse = (s.d is None and s.d2 is None and s.weekday is None) or part
    return Written(year, md, day_only, weekday, rel, coarse, part)


def _md_agree(a: Written, b: Written) -> bool:
    (a1, a2), (b1, b2) = a.md, b.md
    if (a1, a2) == (b1, b2):
        return True
    if a1 > a2 or b1 > b2:                # a range across a new year: only equal ones agree
        return False
    if a.part and b.part:                 # two vague parts (年底, late last year) agree where they meet
        return a1 <= b2 and b1 <= a2
    # a whole year, a whole month or a part of a month may hold a day or a month within it (2020年
    # and "December 9, 2020"; 9月 and "September 8"; 6月上旬 and "June 5"); a span of months holds
    # nothing but itself (1至9月 is not "January to August", 3月至5月 not "April")
    return (_container(a) and _point(b) and a1 <= b1 and b2 <= a2) or \
        (_container(b) and _point(a) and b1 <= a1 and a2 <= b2)


def _container(w: Written) -> bool:
    (m1, d1), (m2, d2) = w.md
    whole_year = (m1, d1) == (1, 1) and (m2, d2) == (12, 31)
    return w.coarse and (whole_year or m1 == m2 or w.part)


def _point(w: Written) -> bool:
    """A day, or a month as a whole: what a year or a month may hold."""
    (m1, d1), (m2, d2) = w.md
    return (m1, d1) == (m2, d2) or (m1 == m2 and d1 == 1 and d2 >= 28)


def year_basis(c: Claim) -> str:
    """How the year (and month) of a date's days is known: "written" by its own text, "context"
    (a year before it in its sentence or paragraph, a heading, the title), "inferred" (from the
    document's time, by the rule news follows), or "none" (not placed). The rules that weigh a
    date by its year (weekday-mismatch, date-mismatch, a dropped year) ask this one question."""
    if days(c) is None:
        return "none"
    flags = set(c.flags)
    if {"year_inferred", "month_inferred", "weekday_inferred"} & flags:
        return "inferred"
    return "context" if "year_context" in flags else "written"


def _reliable_days(c: Claim) -> tuple[date, date] | None:
    """The days of a date whose year and month the text gives (written, or by its context)."""
    if year_basis(c) not in ("written", "context"):
        return None
    d = days(c)
    return date.fromisoformat(d[0]), date.fromisoformat(d[1])


def compare_dates(source: Claim, target: Claim) -> Verdict:
    a, b = days(source), days(target)
    if a is not None and a == b:
        return Verdict(True, exact=True)
    if "decade" in source.flags and "decade" in target.flags:
        return _decades(source, target)
    ws, wt = written(source), written(target)
    compared = a is not None and b is not None
    soft = any(("as_of_inferred" in c.flags) and (w.rel is not None or (w.year and w.year[0] == "rel"))
               for c, w in ((source, ws), (target, wt)))
    # the year both sides write
    if ws.year and wt.year:
        compared = compared or ws.year[0] == wt.year[0]
        if ws.year[0] == wt.year[0]:
            if ws.year != wt.year:
                return Verdict(False, reason="different years")
        elif a is not None and b is not None and not _year_holds(a, b):
            return Verdict(False, reason="different years", inferred=soft)
    # the days both sides write, the year set aside
    exact = True
    if ws.md and wt.md:
        compared = True
        if not _md_agree(ws, wt):
            return Verdict(False, reason="different days", inferred=soft and (ws.rel or wt.rel) is not None)
        exact = ws.md == wt.md
    elif ws.day_only is not None or wt.day_only is not None:
        ds = ws.day_only if ws.day_only is not None else (ws.md[0][1] if ws.md and ws.md[0] == ws.md[1] else None)
        dt = wt.day_only if wt.day_only is not None else (wt.md[0][1] if wt.md and wt.md[0] == wt.md[1] else None)
        if ds is not None and dt is not None:
            compared = True
            if ds != dt:
                return Verdict(False, reason="different days")
    # weekdays: written on both sides, or one side's weekday against the other's calendar
    if ws.weekday and wt.weekday:
        compared = True
        if ws.weekday != wt.weekday:
            return Verdict(False, reason="different weekdays")
    elif ws.weekday or wt.weekday:
        dated = target if ws.weekday else source
        wd = ws.weekday or wt.weekday
        held = _reliable_days(dated)
        compared = True                   # checked by the calendar, or not checkable: no drift
        exact = False                     # but a weekday does not say what a date says
        if held is not None and (held[0].isoweekday(), held[1].isoweekday()) != wd and \
                not (wd[0] == wd[1] and held[0] == held[1] and held[0].isoweekday() == wd[0]):
            return Verdict(False, reason="the weekday does not fall on the date")
    # a month, week or day relative to the document on both sides
    if ws.rel and wt.rel and (a is None or b is None):
        compared = True
        if ws.rel != wt.rel:
            return Verdict(False, reason="different relative dates")
    if a is not None and b is not None and (ws.rel or wt.rel) and not (ws.md and wt.md) \
            and not (ws.weekday or wt.weekday) and not _year_holds(a, b, days_too=True):
        return Verdict(False, reason="different days", inferred=soft)
    if not compared:
        return Verdict(False, reason="nothing in common", comparable=False)
    return Verdict(True, exact=exact)


def _year_holds(a: tuple[str, str], b: tuple[str, str], days_too: bool = False) -> bool:
    """Whether one resolved span holds the other (by year, or ``days_too`` by day)."""
    if not days_too:
        a, b = (a[0][:4], a[1][:4]), (b[0][:4], b[1][:4])
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


_DECADE_DIGITS = re.compile(r"(\d{2,4})")


def _decade(c: Claim) -> tuple[int | None, int, int] | None:
    """(century, first decade, last decade) of a decade claim: the 1980s → (19, 80, 80); 80年代 →
    (None, 80, 80), its century unsaid; 六七十年代 → (None, 60, 70)."""
    v = c.value
    if isinstance(v, DateValue) and v.start and v.end:
        y, y2 = int(v.start[:4]), int(v.end[:4])
        return y // 100, y % 100, y2 % 100 - y2 % 10
    m = _DECADE_DIGITS.search(c.text)
    if m is not None:
        n = int(m.group(1))
        return (n // 100, n % 100, n % 100) if n >= 100 else (None, n, n)
    from checker.extract.numerals import CN_DIGITS, parse_chinese

    words = c.text.replace("年代", "").rstrip("十")
    digits = [parse_chinese(ch) for ch in words[-2:] if ch in CN_DIGITS]
    if not digits or None in digits:
        return None
    return None, digits[0] * 10, digits[-1] * 10


def _centuries(c: Claim) -> tuple[int, int] | None:
    """The first and last century a century claim spans: 19世纪 (1801–1900) and "the 1800s"
    (1800–1899) are both the 19th, however each counts its years."""
    v = c.value
    if not (isinstance(v, DateValue) and v.start and v.end):
        return None
    return int(v.start[:4]) // 100 + 1, (int(v.end[:4]) - 1) // 100 + 1


def _decades(source: Claim, target: Claim) -> Verdict:
    """80年代 and "the 1980s" agree: decades whose century one side leaves unsaid are compared
    by their decades."""
    if "century" in source.flags and "century" in target.flags:
        a, b = _centuries(source), _centuries(target)
        same = a is not None and a == b
        return Verdict(same, exact=same, reason="" if same else "different centuries", comparable=None not in (a, b))
    a, b = _decade(source), _decade(target)
    if a is None or b is None:
        return Verdict(False, reason="nothing in common", comparable=False)
    same = a[1:] == b[1:] and (a[0] is None or b[0] is None or a[0] == b[0])
    return Verdict(same, exact=same, reason="" if same else "different decades")
