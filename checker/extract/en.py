"""Numeric claims in English text.

One precompiled pattern finds, left to right, skips (clock times, phone numbers, URLs), dates
(consumed so their digits are not counts; issue #3 resolves them), ordinals, vague counts
("dozens of") and number expressions:

    [approximation] [currency] (digits [scale word] | number words) [or more] [% | currency | unit | time unit]

The count's subject is the noun phrase after the number (subjects.en_subject).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from checker.extract import numwords, subjects
from checker.extract.intervals import interval, vague
from checker.extract.numerals import parse_arabic
from checker.extract.raw import RawClaim, is_name_context
from checker.extract.units import canonical
from checker.model import Interval
from checker.vocab import alternation, vocabulary

AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MONTHS |= {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
           "Oct": 10, "Nov": 11, "Dec": 12}
MONTH = "(?:" + "|".join(sorted((re.escape(m) + (r"\.?" if len(m) <= 4 else "") for m in MONTHS),
                                key=len, reverse=True)) + r")\b\.?"
SCALE_WORDS = r"hundred|thousand|million|billion|trillion"
SUPERLATIVE = r"largest|biggest|highest|greatest|most|best|fastest|longest|oldest|youngest|leading"
_ORDINAL_SUFFIX = re.compile(r"\d+(?:st|nd|rd|th)$")


def _ci(words) -> str:
    """Case-insensitive alternation of literal words, allowing any run of spaces between words."""
    alt = alternation(words).replace(r"\ ", r"\s+")
    return f"(?i:{alt})"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    v = vocabulary()
    ap = v.approx["en"]
    before = _ci(ap["before"])
    after = _ci(w for w in ap["after_number"] if not w.startswith("-"))
    vague_words = _ci(w.removesuffix(" of") for w in ap["vague"])
    units = alternation(v.units["en"]).replace(r"\ ", r"\s+")
    time_units = _ci(v.time_units["en"])
    cur_before = alternation(v.currencies["en"]["before"])
    cur_after = alternation(v.currencies["en"]["after"]).replace(r"\ ", r"\s+")
    words = f"(?i:{numwords.WORDS_PATTERN})"
    day = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    return re.compile(
        "|".join([
            r"(?P<skip>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\+\d{1,3}(?:[ -]?\d{1,4}){2,5}"
            r"|\(?\d{3,4}\)?[ -]\d{3,4}[ -]\d{4}(?!\d)"
            r"|https?://\S+|\S+@\S+\.\w+)",
            # dates (resolved in issue #3): May 5; December 9 to 10, 2020; 9 September 2021; March 2020
            rf"(?P<e_month>{MONTH})\s+{day.format('e_d')}"
            rf"(?:\s*(?:-|–|to|and|through)\s*(?:(?P<e_month2>{MONTH})\s+)?{day.format('e_d2')})?"
            r"(?:,?\s*(?P<e_y>\d{4})(?!\d))?",
            rf"{day.format('e_d0')}\s+(?P<e_month0>{MONTH})(?:,?\s+(?P<e_y0>\d{{4}})(?!\d))?",
            rf"(?P<e_monthy>{MONTH}),?\s+(?P<e_ym>\d{{4}})(?!\d)",
            r"(?P<e_iso>\d{4})-(?P<e_isom>\d{2})-(?P<e_isod>\d{2})(?!\d)",
            # ordinals: 116th, Fifth, twenty-first, second-largest
            rf"(?P<o_dig>\d+(?:st|nd|rd|th))\b(?:-(?:{SUPERLATIVE})\b)?",
            # counts without a number: dozens of, hundreds of thousands of
            rf"(?P<v_word>{vague_words})\s+of\b",
            # number expressions
            rf"(?P<e_pre>{before}\s+)?(?:(?P<e_cur>{cur_before})[ \t]?)?"
            rf"(?:(?P<e_ar>{AR})(?P<e_scale>(?:[ \t]+|-)(?i:{SCALE_WORDS})\b)?|(?P<e_w>{words}))"
            rf"(?:-(?P<e_super>(?i:{SUPERLATIVE}))\b)?"
            rf"(?P<e_post>[ \t]+{after}\b|-plus\b)?"
            rf"(?:(?P<e_pct>[ \t]*%|[ \t]+(?i:per[ \t]?cent)\b)|(?P<e_cur2>[ \t]+(?:{cur_after})\b)"
            rf"|(?P<e_unit>(?:[ \t]+|-)(?:{units})(?![\w-]))"
            rf"|(?P<e_time>(?:[ \t]+|-)(?:(?i:consecutive|straight|full|successive)[ \t]+)?{time_units}\b))?",
        ])
    )


def extract(text: str, start: int = 0, end: int | None = None) -> list[RawClaim]:
    """Claims in ``text[start:end]`` (an English paragraph of the normalised text)."""
    end = len(text) if end is None else end
    out: list[RawClaim] = []
    for m in _pattern().finditer(text, start, end):
        if m.group("skip") is not None:
            continue
        if m.group("e_month") is not None or m.group("e_month0") is not None \
                or m.group("e_monthy") is not None or m.group("e_iso") is not None:
            claim = _date(m)
        elif m.group("o_dig") is not None:
            claim = None if is_name_context(text, m.start(), m.end("o_dig")) else RawClaim(
                m.start(), m.end(), "ordinal", Interval.exact(Decimal(numwords.parse_ordinal(m.group("o_dig")))))
        elif m.group("v_word") is not None:
            a = vocabulary().approx["en"]["vague"][re.sub(r"\s+", " ", m.group("v_word").lower()) + " of"]
            claim = _counted(text, RawClaim(m.start(), m.end(), "count", vague(Decimal(1), a),
                                            qualifier=a.qualifier))
        else:
            claim = _number(text, m)
        if claim is not None:
            out.append(claim)
    return out


_NOT_ONE_BEFORE = frozenset({"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"})
_NOT_ONE_AFTER = frozenset({"of", "another", "by", "day", "hand", "side", "way", "such", "or"})


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", text[max(0, pos - 20):pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\W*([A-Za-z]+)", text[pos:pos + 20])
    return m.group(1).lower() if m else ""


def _number(text: str, m: re.Match) -> RawClaim | None:
    v = vocabulary()
    ap = v.approx["en"]
    start = m.start()
    pre = m.group("e_pre")
    approx = ap["before"].get(re.sub(r"\s+", " ", pre.strip().lower())) if pre else None
    if approx is not None and m.group("e_time") and pre.strip().lower() == "over":
        # "trained 900 officers over five years": over a span of time means during it
        approx, start = None, m.end("e_pre")
    ar, w = m.group("e_ar"), m.group("e_w")
    num_end = m.end("e_ar") if ar else m.end("e_w")
    if m.group("e_scale"):
        num_end = m.end("e_scale")
    after_number = text[num_end:num_end + 20]
    for name in v.names["en"]:
        if after_number.lower().startswith(name.lower()):
            return None

    if ar is not None:
        if is_name_context(text, m.start("e_ar"), num_end) and not (
                m.group("e_unit") or m.group("e_time") or m.group("e_scale")):
            return None
        base = parse_arabic(ar)
        if m.group("e_scale"):
            base = numwords.parse_cardinal(ar + " " + m.group("e_scale").strip(" -\t").lower())
    else:
        phrase = w
        ordinal = numwords.parse_ordinal(phrase)
        if ordinal is not None:
            return _ordinal(text, m, ordinal)
        base = numwords.parse_cardinal(phrase)
        # "three-dimensional", "one-stop": a number word in a hyphenated adjective
        if not (m.group("e_unit") or m.group("e_time")) and text[num_end:num_end + 1] in "-‐‑" \
                and num_end + 1 < len(text) and text[num_end + 1].isalpha():
            return None
        if phrase.lower() == "one" and not (m.group("e_unit") or m.group("e_time") or m.group("e_pct")):
            if _prev_word(text, m.start("e_w")) in _NOT_ONE_BEFORE or _next_word(text, num_end) in _NOT_ONE_AFTER:
                return None
    if base is None:
        return None
    if m.group("e_super"):                      # "2-largest" is not English; only ordinals take it
        return None

    value = interval(base, approx)
    qualifier = approx.qualifier if approx else None
    post = m.group("e_post")
    if post:
        a = ap["after_number"].get(re.sub(r"\s+", " ", post.strip().lower()))
        if a is not None:
            value, qualifier = interval(base, a), a.qualifier

    if m.group("e_pct") is not None:
        return RawClaim(start, m.end(), "percent", value, unit="%", qualifier=qualifier)
    cur = m.group("e_cur") or (m.group("e_cur2") or "").strip()
    if cur:
        table = v.currencies["en"]["before" if m.group("e_cur") else "after"]
        code = table.get(cur) or table.get(re.sub(r"\s+", " ", cur))
        return RawClaim(start, m.end(), "money", value, unit=code, qualifier=qualifier)
    if m.group("e_unit") is not None:
        word = re.sub(r"\s+", " ", m.group("e_unit").strip(" -\t"))
        return _counted(text, RawClaim(start, m.end(), "quantity", value,
                                       unit=canonical(v.units["en"][word]), qualifier=qualifier))
    if m.group("e_time") is not None:
        word = m.group("e_time").strip(" -\t").split()[-1].lower()
        return RawClaim(start, m.end(), "duration", value, unit=v.time_units["en"][word], qualifier=qualifier)
    if ar is not None and value.is_exact and not m.group("e_scale") and "," not in ar and "." not in ar \
            and len(ar) == 4 and 1000 <= base <= 2199 and approx is None and not _counts_a_noun(text, m.end()):
        return RawClaim(start, m.end(), "year", Interval.exact(base))
    return _counted(text, RawClaim(start, m.end(), "number", value, qualifier=qualifier))


def _counts_a_noun(text: str, pos: int) -> bool:
    """Whether a noun phrase counted by the number follows: '2035 officers' is not a year."""
    subject, plural = subjects.en_phrase(text, pos)
    return subject is not None and (plural or subject.split()[-1] in vocabulary().count_nouns_en)


def _counted(text: str, claim: RawClaim) -> RawClaim:
    """A number followed by a noun phrase counts it: give the claim its subject (and unit)."""
    subject = subjects.en_subject(text, claim.end)
    if subject is None:
        return claim
    claim.subject = subject
    if claim.kind == "number":
        claim.kind = "count"
        claim.unit = vocabulary().count_nouns_en.get(subject) or vocabulary().count_nouns_en.get(
            subject.split()[-1])
    return claim


def _ordinal(text: str, m: re.Match, n: int) -> RawClaim | None:
    w = m.group("e_w")
    # "First," opening a sentence is a discourse marker, not a claim
    if w.lower() == "first" and text[m.end("e_w"):m.end("e_w") + 1] == ",":
        return None
    end = m.end("e_super") if m.group("e_super") else m.end("e_w")
    return RawClaim(m.start("e_w"), end, "ordinal", Interval.exact(Decimal(n)))


def _date(m: re.Match) -> RawClaim:
    from checker.extract.dates import make_date

    if m.group("e_iso") is not None:
        return make_date(m.start(), m.end(), int(m.group("e_iso")), int(m.group("e_isom")), int(m.group("e_isod")))
    if m.group("e_monthy") is not None:
        return make_date(m.start(), m.end(), int(m.group("e_ym")), _month(m.group("e_monthy")), None)
    if m.group("e_month0") is not None:
        y = m.group("e_y0")
        return make_date(m.start(), m.end(), int(y) if y else None, _month(m.group("e_month0")), int(m.group("e_d0")))
    y = int(m.group("e_y")) if m.group("e_y") else None
    m1, d1 = _month(m.group("e_month")), int(m.group("e_d"))
    if m.group("e_d2") is not None:
        m2 = _month(m.group("e_month2")) if m.group("e_month2") else m1
        return make_date(m.start(), m.end(), y, m1, d1, m2=m2, d2=int(m.group("e_d2")))
    return make_date(m.start(), m.end(), y, m1, d1)


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".")]
