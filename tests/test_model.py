"""Claims and exact intervals made in bulk go through their slots' setters (checker.model:
new_claim, Interval.exact), not through the frozen dataclass's __init__: the object must be the
one the dataclass's __init__ builds."""

from dataclasses import fields
from decimal import Decimal

import pytest

from checker.extract import extract_text
from checker.model import Claim, DateValue, Interval, new_claim


@pytest.mark.parametrize("args", [
    ("a.txt", 3, 7, 40, 44, "zh", "count", "2600余名", Interval(Decimal(2600), Decimal(2600), Decimal(2700)),
     "person", "more_than", "维和警察", "2021-05-01", ("cumulative", "as_of_inferred"), None),
    (None, 1, 1, 0, 9, "en", "date", "last year", DateValue("2020-01-01", "2020-12-31", 2020), None, None,
     None, None, ("relative",), object()),
])
def test_same_object_as_the_dataclass_builds(args):
    fast, slow = new_claim(*args), Claim(*args)
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
    fast, slow = Interval.exact(n), Interval(n, n, n)
    assert type(fast) is Interval and fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.nominal is n and fast.low is n and fast.high is n
    with pytest.raises(AttributeError):
        fast.low = Decimal(1)


def test_claims_read_from_the_ledger_are_claims(tmp_path):
    from checker.ledger import Ledger
    from checker.ledger.store import claim_of

    claims = extract_text("2021年3月，公安部共投入警力261名。\nThe ministry deployed 261 police officers.\n", path="a.txt")
    with Ledger(tmp_path / "ledger.db") as ledger:
        ledger.index_document("a.txt", "x", claims)
        read = [claim_of(r) for r in ledger.claims_for()]
    assert read and all(type(c) is Claim for c in read)
    assert all(Claim(**{f.name: getattr(c, f.name) for f in fields(Claim)}) == c for c in read)
