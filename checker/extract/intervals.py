"""The interval of values an approximation allows around a stated number (rules/approximations.yaml)."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

from checker.extract.numerals import place
from checker.model import Interval
from checker.vocab import Approx


# Interval is a frozen dataclass, whose __init__ sets each field through object.__setattr__: the
# exact value of nearly every figure is built here through the setters of its slots instead (the
# same object as Interval.exact(n); tests/extract/test_new_claim.py)
_NOMINAL, _LOW, _HIGH = Interval.nominal.__set__, Interval.low.__set__, Interval.high.__set__
if tuple(f.name for f in fields(Interval)) != ("nominal", "low", "high") or hasattr(Interval, "__post_init__"):
    raise ImportError("checker.model.Interval changed: update checker.extract.intervals.exact")


def exact(n: Decimal, _new=object.__new__) -> Interval:
    """``Interval.exact(n)``."""
    i = _new(Interval)
    _NOMINAL(i, n)
    _LOW(i, n)
    _HIGH(i, n)
    return i


def interval(n: Decimal, approx: Approx | None) -> Interval:
    if approx is None or approx.interval == "exact":
        return exact(n)
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
