"""A small hand-written parser of English number words (short scale: billion = 10**9).

Cardinals ("two and a half million", "one hundred and five", "a dozen", and
digits plus scale words such as "1.2 billion") come back as ``Decimal``;
ordinals ("twenty-first", "one hundred and sixteenth", "116th") as ``int``.

``WORDS_PATTERN`` is a grammar, not just a run of number words: it joins words
only where English does ("one hundred and five", "one thousand, two hundred"),
so "between ten and twenty" gives two matches.  The parsers accept exactly
what the pattern matches in full (plus digit forms), except that they also
check that big scales decrease ("one thousand two million" matches, parses to None).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

__all__ = ["BIG_WORDS", "CARDINAL_WORDS", "ORDINAL_WORDS", "WORDS_PATTERN", "parse_cardinal", "parse_ordinal", "words_re",
           "words_re_for", "trie"]

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = {w: i for i, w in enumerate(_UNITS)} | {w: 10 * i for i, w in enumerate(_TENS, 2)}
_BIG = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE = {"hundred": 100, "dozen": 12} | _BIG          # for digit strings + scale words

# ordinal word -> the cardinal word it stands for
_ORD = dict(zip("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
                _UNITS[1:13]))
_ORD |= {w + "th": w for w in _UNITS[13:]}              # thirteenth..nineteenth
_ORD |= {w[:-1] + "ieth": w for w in _TENS}             # twentieth..ninetieth
_ORD |= {w + "th": w for w in ("hundred", *_BIG)}       # hundredth..trillionth

CARDINAL_WORDS = frozenset({*_SMALL, "hundred", *_BIG, "dozen", "half", "a", "an", "and"})
ORDINAL_WORDS = frozenset(_ORD)
BIG_WORDS = frozenset(_BIG)
_HALF_VALUE = Decimal("0.5")
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})  # IGNORECASE equivalents


# ---------------------------------------------------------------- the pattern
def trie(words) -> str:
    """Regex for a set of words, shaped as a trie so that a non-number word fails on its first letters."""
    words = set(words)
    branches = [c + trie({w[1:] for w in words if w[:1] == c}) for c in sorted({w[0] for w in words if w})]
    if len(branches) == 1 and "" not in words:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + "?" * ("" in words) if branches else ""


def _alt(words) -> str:                                 # one whole word out of `words`
    return "(?:" + trie(words) + r")\b"


_S = r"(?:\s*[-\u2010\u2011]\s*|\s+)"                  # between words: spaces or a hyphen
_SEP = r"(?:\s*[,\-\u2010\u2011]\s*|\s+)"               # after a big scale word: also a comma
_A = r"an?\b"
_U, _T, _D = _alt(_UNITS[1:10]), _alt(_UNITS[10:]), _alt(_TENS)
_UO, _TO, _DO = (_alt([o for o, c in _ORD.items() if c in ws]) for ws in (_UNITS[1:10], _UNITS[10:], _TENS))
_C99 = rf"(?:{_D}(?:{_S}{_U})?|{_T}|{_U})"              # 1..99
_O99 = rf"(?:{_D}{_S}{_UO}|{_DO}|{_TO}|{_UO})"          # 1st..99th
_AND = rf"(?:and{_S})?"
_HM = rf"{_C99}{_S}hundred\b"                           # "two hundred", "twelve hundred"
_HMA = rf"(?:{_C99}|{_A}){_S}hundred\b"                 # ... or "a hundred" (first group only)
_G = rf"(?:{_HM}(?:{_S}{_AND}{_C99})?|{_C99})"          # 1..9999 after a big scale
_G1 = rf"(?:{_HMA}(?:{_S}{_AND}{_C99})?|{_C99})"        # 1..9999 at the start
_GO1 = rf"(?:{_HMA}{_S}{_AND}{_O99}|(?:{_C99}{_S})?hundredth\b|{_O99})"
_HALF = rf"{_S}and{_S}a{_S}half\b"
_M = rf"(?:{_C99}{_HALF}|{_G1}|{_A}(?:{_S}half\b)?|half{_S}{_A})"   # multiplier of a scale word
_BIGW, _BIGO = _alt(_BIG), _alt(w + "th" for w in _BIG)
_HEAD = rf"{_M}{_S}{_BIGW}"                             # "two and a half million"
# ", three hundred thousand": scales strictly decrease, so at most three more groups follow
# (trillion > billion > million > thousand); the bound also keeps the match linear
_MORE = rf"(?:{_SEP}{_G}{_S}{_BIGW}){{0,3}}"
_TAILC = rf"(?:{_SEP}{_HM}(?:{_S}{_AND}{_C99})?|{_S}{_AND}{_C99})"
_TAILO = (rf"(?:{_SEP}{_HM}{_S}{_AND}{_O99}|{_SEP}{_C99}{_S}hundredth\b"
          rf"|{_S}{_AND}{_O99}|{_SEP}{_G}{_S}{_BIGO})")
_LOOK = rf"(?!{_S}(?:hundred|thousand|million|billion|trillion|dozen)\b)"   # never stop before a scale

_FIRST = _alt({*_UNITS, *_TENS, *_ORD, "a", "an", "half"})   # cheap guard: a possible first word

_BIGO_FORM = rf"(?:{_G1}{_S})?{_BIGO}"                  # "one hundred thousandth", "millionth"
_DOZEN = rf"{_M}{_S}dozen\b(?:{_HALF})?"
WORDS_PATTERN = (
    rf"\b(?={_FIRST})(?:{_HEAD}(?:{_HALF}{_LOOK}|{_MORE}(?:{_TAILO}|(?:{_TAILC})?{_LOOK}))"
    rf"|{_BIGO_FORM}|{_GO1}|{_DOZEN}{_LOOK}|{_C99}{_HALF}{_LOOK}|{_G1}{_LOOK}|zero\b{_LOOK})"
)



@lru_cache(maxsize=1)
def words_re() -> re.Pattern:
    """WORDS_PATTERN compiled (case-insensitive). Compiling it costs ~50 ms, so only on first use."""
    return re.compile(WORDS_PATTERN, re.IGNORECASE)


@lru_cache(maxsize=1)
def words_re_lower() -> re.Pattern:
    """WORDS_PATTERN compiled case-sensitive, for lower-case text without the letters of _FOLD:
    there it finds what words_re() finds, about half again as fast (no letter is compared in
    both its cases)."""
    return re.compile(WORDS_PATTERN)


_FOLDED = tuple(map(chr, _FOLD))


_CHOSEN: list = [None, None]     # the last text asked about and its pattern (held, so its id is not reused)


def words_re_for(low: str) -> re.Pattern:
    """The words pattern to match in the lower-case text ``low``. The extractor asks once per
    anchor with the whole text: deciding is a scan of the text, so it is decided once per text
    (issue 15: rescanned per anchor, 1 MB of number words ending in 。 took 46 s, quadratic)."""
    if low is _CHOSEN[0]:
        return _CHOSEN[1]
    chosen = words_re_lower() if low.isascii() or not any(c in low for c in _FOLDED) else words_re()
    _CHOSEN[0], _CHOSEN[1] = low, chosen
    return chosen


_WORD_RE = re.compile(r"[a-z]+")
_DIGITS_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?((?:[\s\-]+[a-z]+)*)")
_ORD_DIGITS_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)")


# ---------------------------------------------------------------- evaluation
def _value(words: list[str]):
    """Value of a word sequence already known to fit the grammar (None if scales do not decrease)."""
    total, cur, last_big, prev = 0, 0, None, None
    for w in words:
        if w in _SMALL:
            cur += _SMALL[w]
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w == "dozen":
            cur = (cur or 1) * 12
        elif w in _BIG:
            scale = _BIG[w]
            if last_big is not None and scale >= last_big:
                return None
            total, cur, last_big = total + (cur or 1) * scale, 0, scale
        elif w == "half":
            if prev == "dozen":                 # "a dozen and a half" = 18
                cur += 6
            elif prev in _BIG:                  # "a million and a half" = 1500000
                total += _BIG[prev] // 2
            else:                               # "two and a half", "half a million"
                cur = cur + _HALF_VALUE if cur else _HALF_VALUE
        else:                                   # a, an, and
            continue
        prev = w
    return total + cur


def _decimal(value) -> Decimal:                         # integral values without a trailing ".0"
    value = Decimal(value)
    return value if value.as_tuple().exponent == 0 or value != int(value) else Decimal(int(value))


def _words(text: str) -> list[str] | None:
    """The words of ``text`` (folded and lower-cased) if it is a number in words."""
    return _WORD_RE.findall(text) if words_re_lower().fullmatch(text) else None


@lru_cache(maxsize=4096)
def parse_cardinal(text: str) -> Decimal | None:
    """Value of a cardinal in words ("two and a half million") or digits plus
    scale words ("1.2 billion", "2,600"); None if not a well-formed cardinal."""
    text = text.strip().translate(_FOLD).lower()
    if text[:1].isdigit():
        m = _DIGITS_RE.fullmatch(text)
        if m is None:
            return None
        value, last = Decimal(m[1].replace(",", "") + (m[2] or "")), 0
        for w in _WORD_RE.findall(m[3]):        # each scale multiplies: "2 hundred thousand"
            scale = _SCALE.get(w)
            if scale is None or scale <= last:
                return None
            value, last = value * scale, scale
        return _decimal(value)
    words = _words(text)
    if not words or words[-1] in _ORD:
        return None
    value = _value(words)
    return None if value is None else _decimal(value)


@lru_cache(maxsize=4096)
def parse_ordinal(text: str) -> int | None:
    """Value of an ordinal in words ("one hundred and sixteenth") or digits
    with the right suffix ("116th", "22nd"); None otherwise."""
    text = text.strip().translate(_FOLD).lower()
    m = _ORD_DIGITS_RE.fullmatch(text)
    if m is not None:
        n = int(m[1].replace(",", ""))
        suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return n if m[2] == suffix else None
    words = _words(text)
    if not words or words[-1] not in _ORD:
        return None
    words[-1] = _ORD[words[-1]]
    value = _value(words)
    return None if value is None else int(value)
