"""A claim as an extractor finds it: a span of the normalised text and what it says.

The pipeline turns RawClaims into :class:`~checker.model.Claim` objects by mapping the span back
to the original text; extractors never deal with original offsets, lines or files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.model import DateValue, Interval


@dataclass(slots=True)
class RawClaim:
    # (zh._finish builds it with its fields by position, in this order)
    start: int
    end: int
    kind: str
    value: Interval | DateValue
    unit: str | None = None
    qualifier: str | None = None
    subject: str | None = None
    flags: tuple[str, ...] = ()
    stated: object | None = None      # dates: what the text states (dates.Stated), for resolution
    as_of: str | None = None          # the time its own sentence sets (截至2021年底), if any


# where a sentence ends, in either language (a full stop only before a space or the end);
# written as single-character alternatives, which the regex engine skips ahead to (twice as fast
# over a whole text as a character class beside the full stop's branch)
SENTENCE_END = re.compile(r"。|！|？|!|\?|；|;|\n|\.(?=\s|$)")
# the marks that end a clause inside a sentence, or the sentence (in either language)
CLAUSE_END = re.compile(r"[，,；;：:]")

_OPEN_QUOTES = "“\"「『‘"
CLOSE_QUOTES = "”\"」』’"


# the letters of A-Z, a-z (character tests by set lookup: the fastest there is in Python)
LATIN_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
LATIN = LATIN_LOWER | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LATIN_OR_UNDERSCORE = LATIN | {"_"}


def holds(s: str, words: tuple[str, ...]) -> bool:
    """Whether ``s`` holds one of ``words``: the cheap test before a pattern built of them is
    searched (a loop: any() over a generator costs twice as much)."""
    for w in words:
        if w in s:
            return True
    return False


def is_name_context(text: str, start: int, end: int) -> bool:
    """Digits that belong to a name: G20, 5G, COVID-19, HLX-24T, “境外110” (but not 7.2-magnitude)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    # ("" is in neither set)
    if before in _LATIN_OR_UNDERSCORE or after in _LATIN_OR_UNDERSCORE:
        return True
    if before in "-–/#" and start > 1 and text[start - 2] in LATIN:
        return True
    # a number closing a short quotation is the quotation's name: “境外110”
    if after and after in CLOSE_QUOTES:
        window = text[max(0, start - 8):start]
        k = max(window.rfind(q) for q in _OPEN_QUOTES)
        if k >= 0 and not any(q in window[k + 1:] for q in CLOSE_QUOTES):
            return True
    return False


_SPACE = re.compile(r"\s")


def in_url(text: str, pos: int, floor: int = 0) -> bool:
    """Whether ``pos`` lies inside a URL or an e-mail address (digits there are not claims)."""
    lo = max(floor, pos - 200)
    j = max(text.rfind("://", lo, pos), text.rfind("@", lo, pos), text.rfind("www.", lo, pos))
    return j >= 0 and _SPACE.search(text, j, pos) is None


def may_hold_urls(text: str, start: int, end: int) -> bool:
    """A cheap test, once per paragraph, before asking in_url of every numeral."""
    return text.find("://", start, end) >= 0 or text.find("@", start, end) >= 0 or text.find("www.", start, end) >= 0
