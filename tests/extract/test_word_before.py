"""The word before a number is read backwards by hand (checker/extract/en.py: _prev_word,
_word_ending); each must find what the regular expression it replaces finds in its window."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.en import _prev_word, _token_before, _word_ending

_LAST_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)\W*$")
_WORD_ENDS = re.compile(r"(?<![a-z])([a-z]+)[ \t\n]+\Z")
_PREV_TOKEN = re.compile(r"(?<![A-Za-z])([A-Za-z][A-Za-z.'’-]*)[ \t]+\Z")

# letters of both cases, digits, the spaces and punctuation found around numbers, a non-ASCII
# letter and digit, an underscore (a word character that is no letter)
_CHARS = st.sampled_from(list("abzAZ09 \t\n,.$(-_'’éÉ٣²“") + ["of", "the", "Article ", "about ", "No. "])
texts = st.lists(_CHARS, max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 40))
def test_prev_word_is_the_last_word_of_its_window(text, pos):
    pos = min(pos, len(text))
    m = _LAST_WORD.search(text[max(0, pos - 20):pos])
    assert _prev_word(text, pos) == (m.group(1).lower() if m else "")


@settings(max_examples=400, deadline=None)
@given(texts.map(str.lower), st.integers(0, 40), st.integers(0, 20))
def test_word_ending_is_the_word_its_window_ends_with(low, p, width):
    p = min(p, len(low))
    lo = max(0, p - width)
    m = _WORD_ENDS.search(low[lo:p])
    assert _word_ending(low, lo, p) == (m.group(1) if m else None)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 40), st.integers(0, 30))
def test_token_before_is_the_token_its_window_ends_with(seg, start, width):
    start = min(start, len(seg))
    lo = max(0, start - width)
    m = _PREV_TOKEN.search(seg[lo:start])
    assert _token_before(seg, lo, start) == ((lo + m.start(1), m.group(1)) if m else None)


def test_examples():
    assert _prev_word("signed Article 17", 15) == "article"
    assert _prev_word("about 2,600", 6) == "about"
    assert _prev_word("in 2021", 3) == "in"
    assert _prev_word("x_y 5", 4) == "y"           # (an underscore is no letter)
    assert _prev_word("no. 5é", 6) == ""          # a letter that is not A-Z after it
    assert _word_ending("nearly  \t5", 0, 9) == "nearly"
    assert _word_ending("$5", 0, 1) is None
    assert _token_before("by Boeing 737", 0, 10) == (3, "Boeing")
    assert _token_before("the U.S.-made 5", 0, 14) == (4, "U.S.-made")
    assert _token_before("x -No. 5", 0, 7) == (3, "No.")
