"""Issue 12: temperatures compare as temperatures across °C and °F (pint offset units), and
percentage points are never percent; English claims on both sides, read by the extractor."""

from __future__ import annotations

import pytest

from checker.engine.compare import compare
from checker.extract import extract_text


def _one(text: str):
    claims = extract_text(text)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


@pytest.mark.parametrize("a,b,same", [
    ("a fever of 38.5°C", "a fever of 101.3 degrees Fahrenheit", True),
    ("a fever of 38.5°C", "a fever of 38.5 degrees Fahrenheit", False),
    ("a low of -5 °C", "a low of 23 °F", True),
    ("a low of -5 °C", "a low of 5 °C", False),
    ("a low of minus 40 degrees Celsius", "a low of -40 °F", True),
    ("up 3.3 percentage points", "up 3.3%", False),
    ("up 3.3 percentage points", "up 3.3 percentage points", True),
    ("a third of voters", "33.3% of voters", True),
    ("a third of voters", "33% of voters", True),
    ("a third of voters", "30% of voters", False),
    ("two-thirds of seats", "66.7% of seats", True),
    ("exports doubled", "exports rose two-fold", True),
    ("exports doubled", "exports tripled", False),
])
def test_compare(a, b, same):
    assert compare(_one(a), _one(b)).same is same
    assert compare(_one(b), _one(a)).same is same
