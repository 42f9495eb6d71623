"""The interval of values an approximation allows around a stated number (rules/approximations.yaml)."""

from __future__ import annotations

from decimal import Decimal

from checker.extract.numerals import place
from checker.model import Interval
from checker.vocab import Approx


def interval(n: Decimal, approx: Approx | None) -> Interval:
    if approx is None or approx.interval == "exact":
        return Interval.exact(n)
    kind = approx.interval
    tol = Decimal(str(approx.tolerance))
    if kind == "place_above":
        return Interval(n, n, n + place(n))
    if kind == "open_above":
        return Interval(n, n, None)
    if kind == "open_below":
        return Interval(n, None, n)
    if kind == "below":
        return Interval(n, n * (1 - tol), n)
    if kind == "around":
        return Interval(n, n * (1 - tol), n * (1 + tol))
    raise ValueError(f"unknown interval kind {kind!r}")


def vague(scale: Decimal, approx: Approx) -> Interval:
    """数十 (scale 10, 2..9) → [20, 90]; "dozens of" (scale 1, 24..open) → [24, open)."""
    low = None if approx.low is None else Decimal(str(approx.low)) * scale
    high = None if approx.high is None else Decimal(str(approx.high)) * scale
    return Interval(None, low, high)
