"""Issue 12, English side: numbers written by num2words read back to the same value, end to end
through the extractor (cardinals with and without scale words, negatives "minus …"), and
fractions ("one third", "two thirds", "a fifth of") written here from the fraction itself, since
num2words does not write them."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from checker.extract import extract_text


def _numeric(text: str):
    return [c for c in extract_text(text) if c.kind in ("number", "count", "quantity", "money", "percent")]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=999_999_999_999))
def test_cardinal_words_read_back(n):
    words = num2words(n)
    claims = _numeric(f"The agency counted {words} visitors last month.")
    assert len(claims) == 1, (words, [c.text for c in claims])
    assert claims[0].value.nominal == n, (words, claims[0].value)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_cardinal_with_scale_word_reads_back(n, scale):
    k = {"thousand": 10**3, "million": 10**6, "billion": 10**9}[scale]
    for written in (f"{num2words(n)} {scale}", f"{n} {scale}", f"${n} {scale}"):
        claims = _numeric(f"The project will cost {written} over five years.")
        assert [c.value.nominal for c in claims] == [n * k], (written, [c.text for c in claims])


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_negatives_read_back(n):
    words = num2words(-n)                      # "minus forty-two"
    assert words.startswith("minus ")
    for written in (words, f"minus {n}", f"-{n}", f"\u2212{n}"):
        claims = _numeric(f"The reading fell to {written} degrees Celsius overnight.")
        assert len(claims) == 1, (written, [c.text for c in claims])
        assert claims[0].value.nominal == -n and claims[0].unit == "°C", (written, claims[0])


_DENOMINATORS = range(2, 11)


def _fraction_words(n: int, d: int, hyphen: bool) -> str:
    den = "half" if d == 2 else num2words(d, to="ordinal")
    if n > 1:
        den = "halves" if d == 2 else den + "s"
    return num2words(n) + ("-" if hyphen else " ") + den


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=10).flatmap(lambda d: st.tuples(st.integers(1, d - 1), st.just(d))),
       st.booleans())
def test_fractions_read_back_as_percent(nd, hyphen):
    n, d = nd
    words = _fraction_words(n, d, hyphen)
    claims = _numeric(f"Officials said {words} of the residents were evacuated.")
    assert len(claims) == 1, (words, [c.text for c in claims])
    c = claims[0]
    share = Decimal(100) * n / d
    assert c.kind == "percent" and c.unit == "%" and c.value.nominal == share, (words, c)
    assert c.value.low <= share <= c.value.high


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=2, max_value=10))
def test_a_fraction_is_never_an_ordinal(d):
    den = "half" if d == 2 else num2words(d, to="ordinal")
    claims = extract_text(f"A {den} of the budget went to schools.")
    assert [c.kind for c in claims] == ["percent"], (den, [(c.text, c.kind) for c in claims])
    assert claims[0].value.nominal == Decimal(100) / d


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=2, max_value=20), st.sampled_from(["-fold", "fold", " times as many"]))
def test_multiples_read_back(n, form):
    written = num2words(n) + form
    claims = [c for c in extract_text(f"There were {written} visitors as a year ago.") if c.unit == "times"]
    assert [c.value.nominal for c in claims] == [n], (written, [c.text for c in extract_text(written)])
