"""place() builds its claims through the slots' setters (checker.extract._new_claim), not through
the frozen dataclass's __init__: the object must be the one Claim(...) builds."""

from dataclasses import fields
from decimal import Decimal

import pytest

from checker.extract import _new_claim, extract_text
from checker.model import Claim, DateValue, Interval


@pytest.mark.parametrize("args", [
    ("a.txt", 3, 7, 40, 44, "zh", "count", "2600余名", Interval(Decimal(2600), Decimal(2600), Decimal(2700)),
     "person", "more_than", "维和警察", "2021-05-01", ("cumulative", "as_of_inferred"), None),
    (None, 1, 1, 0, 9, "en", "date", "last year", DateValue("2020-01-01", "2020-12-31", 2020), None, None,
     None, None, ("relative",), object()),
])
def test_same_object_as_the_dataclass_builds(args):
    fast, slow = _new_claim(*args), Claim(*args)
    assert type(fast) is Claim
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    for f in fields(Claim):                       # (stated is not compared by ==)
        assert getattr(fast, f.name) is getattr(slow, f.name)
    with pytest.raises(AttributeError):           # still frozen
        fast.line = 2


def test_extracted_claims_are_claims():
    claims = extract_text("2021年3月，公安部共投入警力261名。\nThe ministry deployed 261 police officers.\n")
    assert claims and all(type(c) is Claim for c in claims)
    assert all(Claim(**{f.name: getattr(c, f.name) for f in fields(Claim)}) == c for c in claims)


@pytest.mark.parametrize("n", [Decimal(0), Decimal("2.5"), Decimal(-3), None])
def test_exact_interval_is_the_dataclass_one(n):
    from checker.extract.intervals import exact

    fast, slow = exact(n), Interval.exact(n)
    assert type(fast) is Interval and fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.nominal is n and fast.low is n and fast.high is n
    with pytest.raises(AttributeError):
        fast.low = Decimal(1)
