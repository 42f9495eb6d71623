"""How two claims compare: the same kind of thing, compatible values, the same approximation.

Values are intervals; two claims agree when their intervals overlap (widened by a rounding
tolerance), after converting units through the pint registry. Digit strings are never compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from checker.model import Claim, DateValue, Interval

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


def _coarse(c: Claim) -> bool:
    """A year, or a month without a day: a statement that may contain finer dates."""
    v = c.value
    return c.kind == "year" or (isinstance(v, DateValue) and v.day is None and v.weekday is None) \
        or "month_part" in c.flags            # 6月上旬, early June: a part of a month holds its days


def _overlap(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    """Whether two intervals share a value. Approximate intervals that only touch do not (4.2万余
    is below 43,000, "over 43,000" above it); a point on the other's edge does (2600 and 2600余)."""
    (alo, ahi), (blo, bhi) = a, b
    finite = [abs(x) for x in (alo, ahi, blo, bhi) if x not in (float("inf"), float("-inf"))]
    slack = tol * max(finite) if finite else 0.0
    lo, hi = max(alo, blo), min(ahi, bhi)
    if lo < hi - slack:
        return True
    return abs(lo - hi) <= slack and (alo == ahi or blo == bhi)


def _factor(source: Claim, target: Claim) -> tuple[float, bool] | None:
    """What to multiply the target's value by to express it in the source's unit (None: not
    convertible), and whether a conversion happened."""
    if source.kind == "money" or target.kind == "money":
        return (1.0, False) if source.unit == target.unit else None
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


# pint's "decade" is a logarithmic ratio (dimensionless), not ten years
_TIME_UNITS = {"decade": (10.0, "year")}


def _time_unit(unit: str | None) -> tuple[float, str | None]:
    return _TIME_UNITS.get(unit, (1.0, unit))


def compare(source: Claim, target: Claim) -> Verdict:
    f = family(source)
    if f != family(target):
        return Verdict(False, reason="different kinds")
    if f == "date":
        a, b = days(source), days(target)
        if a is None or b is None:
            sv, tv = source.value, target.value
            same = isinstance(sv, DateValue) and isinstance(tv, DateValue) and \
                (sv.month, sv.day, sv.weekday) == (tv.month, tv.day, tv.weekday)
            return Verdict(same, exact=same, reason="" if same else "different dates")
        if a == b:
            return Verdict(True, exact=True)
        # a coarser statement may hold a finer one (2020年 and "December 9, 2020"; 9月 and "September
        # 8"); two ranges, or two days, that differ do not agree
        coarse = _coarse(source) or _coarse(target)
        holds = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
        return Verdict(coarse and holds, reason="different days")
    sv, tv = source.value, target.value
    if not (isinstance(sv, Interval) and isinstance(tv, Interval)):
        return Verdict(False, reason="different kinds")
    if f == "ordinal":
        same = sv.nominal == tv.nominal
        return Verdict(same, exact=same, reason="" if same else "different ordinals")
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
    if not same and converted and sv.nominal is not None and sv.nominal == tv.nominal:
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
    return _DIRECTION.get(c.qualifier, "exact")


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

