"""OffsetMap.spans maps many spans in one call: each as OffsetMap.span maps it alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.normalize import normalize

# the characters normalisation edits: full-width digits, a ligature that expands (㎞), spaces
# inside Chinese numbers, pinyin after a Han character, traditional characters
_PIECES = st.sampled_from(["１２", "㎞", "4.2 万", "2 名", "國(guó)", "萬", "abc", "\n", " ", "年", "x"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join), st.data())
def test_spans_maps_each_span_as_span_does(text, data):
    norm = normalize(text)
    n = len(norm.text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=12))
    assert norm.offsets.spans(spans) == [norm.offsets.span(a, b) for a, b in spans]
