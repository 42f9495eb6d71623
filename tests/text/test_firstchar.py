"""A first-character guard finds exactly what the pattern finds, and bounds only what it can."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from checker.extract import zh
from checker.text.firstchar import guarded

PATTERNS = [
    zh._ANCHOR_PATTERN,
    r"(?<![a-z])(?:foo|bar)\d*|x+y",
    r"\bab|(?:cd|e)f+",
    r"[0-9]{2,}(?=%)|百分之",
]
ALPHABET = "0123456789一二十百万年月日周上今半近过几双首倍数体元%abcdefoxy .,，"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), st.text(alphabet=ALPHABET, max_size=60))
def test_the_guard_changes_no_match(pattern, text):
    plain, fast = re.compile(pattern), re.compile(guarded(pattern))
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]


def test_what_cannot_be_bounded_is_left_alone():
    for pattern in (r"\w+", r"a?b", r"[^a]b", r"(?i)abc", r"(?i:a)b", r"a|\d"):
        assert guarded(pattern) == pattern
    assert guarded("abc", re.IGNORECASE) == "abc"
    assert guarded(r"\bfoo|[x-z]") == r"(?=[fxyz])(?:\bfoo|[x-z])"
