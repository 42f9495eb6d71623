"""Numeric claims in English text.

Extraction is anchored, as in zh.py: a cheap scan of the lower-cased paragraph finds digits and
number, ordinal, month and vague-count words; only there are the full patterns tried — skips
(clock times, phone numbers, URLs), dates (consumed so their digits are not counts; issue #3
resolves them), ordinals, vague counts ("dozens of") and number expressions

    [approximation] [currency] (digits [scale word] | number words) [or more] [% | currency | unit | time unit]

with the words before the number read by one pattern anchored at the number's start.
The count's subject is the noun phrase after the number (subject_phrase.en_subject).
Calendar forms (quarters at their ordinal or Q/H word, parts of a month or a year, relative
months, compound durations, duration ranges, "a month") are read as one claim (calendar.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache

from checker.extract import calendar as cal
from checker.extract import fallback, numwords, subject_phrase
from checker.extract.dates import Stated, make, make_date
from checker.extract.intervals import interval, vague
from checker.extract.numerals import ARABIC, parse_arabic
from checker.extract.raw import LATIN, LATIN_LOWER, RawClaim, holds, in_url, is_name_context, may_hold_urls
from checker.extract.units import canonical
from checker.model import Interval
from checker.vocab import alternation, load_yaml, vocabulary

AR = ARABIC
# English digits may group thousands with a (narrow) space, "1 200", only in groups of exactly three
AR_EN = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"
_FULL_MONTHS = "January February March April May June July August September October November December".split()
MONTHS = {m: i for i, m in enumerate(_FULL_MONTHS, 1)}
_ABBREVIATED_MONTHS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
                       "Oct": 10, "Nov": 11, "Dec": 12}
MONTHS |= _ABBREVIATED_MONTHS
# a full name ends at a word boundary ("in June." ends a sentence); an abbreviation may keep its dot
MONTH = (r"(?:(?:" + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True)) + r")\b"
         r"|(?:" + "|".join(sorted(_ABBREVIATED_MONTHS, key=len, reverse=True)) + r")\b\.?)")
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split(), 1)}
RELATIVE = {f"{w} {u}": (u, n) for w, n in (("last", -1), ("this", 0), ("next", 1)) for u in ("year", "month", "week")}
RELATIVE |= {"yesterday": ("day", -1), "today": ("day", 0), "tomorrow": ("day", 1)}
# "$300m", "US$1.2bn", "€5 bln": read only after a currency sign
SCALE_ABBREVIATIONS = "bn|bln|mn|mln|m|k"
_ABBREVIATED = {"bn": "billion", "bln": "billion", "mn": "million", "mln": "million", "m": "million", "k": "thousand"}
SCALE_WORDS = r"hundred|thousand|million|billion|trillion"
_SPACES = re.compile(r"\s+")                 # (a run of them is read as one space)
SUPERLATIVE = r"largest|biggest|highest|greatest|most|best|fastest|longest|oldest|youngest|leading"


def _alt(words) -> str:
    """Lower-case alternation of literal words, any run of spaces between words."""
    return alternation(w.lower() for w in words).replace(r"\ ", r"\s+")


def _group(words) -> str:
    """_alt as one group, ending at a word's end."""
    return "(?:" + _alt(words) + r")\b"


class _Patterns:
    """The patterns, compiled once from the vocabulary. They run on lower-cased text."""

    def __init__(self):
        v = vocabulary()
        ap = v.approx["en"]
        nums = self.nums = load_yaml("numbers_en.yaml")
        self.fraction_den = {k.lower(): int(d) for k, d in nums["fractions"].items()}
        self.quarter_of = {k: (Decimal(str(a)), u) for k, (a, u) in nums["quarter_of"].items()}
        mult = nums["multiples"]
        self.mult_verbs = {k: Decimal(str(n)) for k, n in mult["verbs"].items()}
        self.mult_before = {k: Decimal(str(n)) for k, n in mult["before_determiner"].items()}
        self.minus = _group(nums["minus_words"])
        self.minus_words = tuple(w.lower().split()[0] for w in nums["minus_words"])     # (a word of each)
        self.label_nouns = frozenset(nums["label_nouns"])
        named = cal.calendar().named_dates_en
        self.named_date = re.compile(rf"(?:{alternation(named)})(?![\w-])") if named else None
        self.over_span = re.compile(rf"\b{_group(nums['over_span_after'])}[ \t]+\Z")
        # "over" after a change or a multiple compares (see numbers_en.yaml over_compares_after)
        self.over_compared = re.compile(rf"(?:\d%|\d[ \t]*per[ \t]?cent|(?<![A-Za-z])(?:{alternation(nums['over_compares_after'])}))"
                                        r"[ \t]+\Z", re.I)
        self.scale_always = {k.lower(): w for k, w in nums["scale_abbreviations"]["always"].items()}
        self.scale_plural = {k.lower(): w for k, w in nums["scale_abbreviations"]["before_plural"].items()}
        self.scale_not_before = frozenset(nums["scale_abbreviations"]["not_before"])
        self.range_not_after = frozenset(nums["range_not_after"])
        self.phone_verbs = frozenset(nums["phone_verbs"])
        self.few_after = frozenset(nums["few_after"])
        self.word_ranges = nums["word_ranges"]
        self.ordinal_idioms = frozenset(nums["ordinal_idioms"])
        self.first_aux = frozenset(nums["first_adverb_aux"])
        self.first_pronouns = frozenset(nums["first_adverb_pronouns"])
        self.first_after = frozenset(nums["first_adverb_after"])
        self.anniversary_words = nums["anniversary_words"]
        # (its lookbehind after the B and digit: a pattern that opens with "B" skips to each B)
        self.basement_probe = re.compile(r"B[1-6](?<![\w-]..)(?![\w-])")
        self.basement_context = re.compile(rf"(?<![a-z])(?:{_alt(nums['basement_context'])})\b")
        self.word_duration = re.compile(rf"(?<![\w-])(?:(?P<long>year|month|week|day|decade|century)[-\u2010\u2011]long"
                                        rf"|(?P<ann>{_alt(self.anniversary_words)}))\b")
        self.hyphen_counts = nums["hyphen_counts"]
        self.hyphen_count = re.compile(rf"[-\u2010\u2011](?P<hn>{_alt(self.hyphen_counts)})(?![\w-])")
        self.cur_after = re.compile(rf"[ \t]+(?:{_alt(v.currencies['en']['after'])})\b")
        self.time_after = re.compile(rf"[ \t]+(?P<tu>{_alt(v.time_units['en'])})\b")
        self.half_not_after = frozenset(nums["half_not_after"])
        small = [w for w in numwords.CARDINAL_WORDS if w not in ("a", "an", "and", "half", "hundred", "dozen")
                 and w not in numwords.BIG_WORDS and w not in ("zero", "one")]
        fold_words = {w + "fold" for w in small}
        dens = _group(self.fraction_den)
        num_word = r"[a-z]++(?:-[a-z]++)?"
        # a share: "a third (of)", "one-third", "two thirds", "three quarters of"; "half of", "half the"
        self.fraction = re.compile(
            rf"(?P<f_num>{num_word})(?:[ \t]+|[ \t]*[-\u2010\u2011][ \t]*)(?P<f_den>{dens})(?![\w-])"
            rf"(?P<f_of>[ \t]+of\b(?:[ \t]+an?[ \t]+(?P<f_span>{_group(self.quarter_of)}))?)?"
            rf"|(?P<f_half>half)(?=[ \t]+(?:of|the|her|his|their|its|our|my|your)\b|[ \t]*(?:[,.;:!?)]|\Z))")
        self.fraction_after = re.compile(r"[ \t]*(?:[,.;:!?)]|\Z)")
        self.fraction_period = re.compile(r"[ \t]+of[ \t]+(?:(?:this|last|next|the)[ \t]+)?(?:fiscal[ \t]+)?(?:year|\d{4})\b"
                                          r"|[ \t]+(?:in[ \t]+a[ \t]+row|consecutive)\b")
        times_after = _group(mult["times_followed_by"])
        determiners = _group(mult["determiners"])
        self.multiple = re.compile(
            rf"(?P<m_verb>{_group(self.mult_verbs)})(?![\w-])"
            rf"|(?P<m_adj>{_group(self.mult_before)})(?=[ \t]+{determiners})"
            rf"|(?P<m_r1>{AR}|[a-z]++)-?[ \t]+to[ \t]+(?P<m_r2>{AR}|[a-z]++)[ \t]*[-\u2010\u2011][ \t]*fold\b"
            rf"|(?P<m_n>{AR}|[a-z]++)(?:[ \t]*[-\u2010\u2011][ \t]*)fold\b"
            rf"|(?P<m_glued>{_group(fold_words)})(?![\w-])"
            rf"|(?P<m_t>{AR}|{num_word})[ \t]+times(?=[ \t]+{times_after})"
            rf"|(?P<m_g>{AR}|{num_word})(?:[ \t]+(?:to|or)[ \t]+(?P<m_g2>{AR}|{num_word}))?[ \t]+times\b")
        # "up 19 times", "increased nearly 6 times": growth said before the number (m_g above)
        self.growth_before = re.compile(rf"\b{_group(mult['times_after_growth'])}[ \t]+(?:(?:by|of)[ \t]+)?\Z")
        self.minus_before = re.compile(rf"(?:(?<![a-z]){self.minus}[ \t]+|(?<![\w.,%)\]\-\u2212])[-\u2212])\Z")
        self.mult_anchor_words = frozenset(self.mult_verbs) | frozenset(self.mult_before) | fold_words
        self.share_words = frozenset(self.fraction_den) | self.mult_anchor_words
        # a cheap test after a number: a share or a multiple may follow ("two-thirds", "3-fold", "10 times")
        self.share_next = re.compile(rf"[\d.,]*(?:(?:-[ \t]*|[ \t]+)(?:to|or)[ \t]+[\w.,]+)?[ \t]*(?:[-\u2010\u2011][ \t]*)?(?:fold\b|times\b|{dens})")
        after = _alt(w for w in ap["after_number"] if not w.startswith("-"))
        # a qualifier after a measure's unit: "165 cm or more", "165 cm tall or above" (words only:
        # not "-plus", "odd")
        self.post_unit = re.compile(rf"(?:[ \t]+(?:{_alt(nums['dimension_adjectives'])}))?"
                                    rf"[ \t]+(?P<w>{_alt(w for w in ap['after_number'] if ' ' in w)})\b")
        units = _alt(v.units["en"])
        time_units = _alt(v.time_units["en"])
        cur_after = _alt(v.currencies["en"]["after"])
        self.dsec = nums["seconds_after_decimal"]
        dsec = _alt(self.dsec)
        month = self.month = MONTH.lower()
        day = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        weekdays = alternation(WEEKDAYS)
        anchor_words = ((numwords.CARDINAL_WORDS - {"a", "an", "and", "half"}) | numwords.ORDINAL_WORDS
                        | {m.lower() for m in MONTHS} | {w.split()[0] for w in ap["vague"]} | set(ap["vague_before_noun"])
                        | {w.split()[0] for w in nums["word_ranges"]}
                        | set(WEEKDAYS) | set(RELATIVE)
                        | {k.split()[0].lower() for k in cal.calendar().periods["en"] if k[0].isalpha()}
                        | set(self.fraction_den) | self.mult_anchor_words)
        # a trie-shaped alternation fails on a word's first letter: several times faster here
        # digits glued to letters (g20) or inside a decimal or grouped number are not a number's start
        glued = {c.lower() for c in v.currencies["en"]["before"] if c.isalpha() and c.isupper()}
        glued_after = "|".join(rf"(?<=(?<![a-z]){c})" for c in sorted(glued))
        # ("13 to15": a range's second end glued to its "to" by a slip is a number's start)
        body = rf"(?:\d+|(?:{numwords.trie(anchor_words)})(?![a-z]))"
        anchor = rf"(?:(?<![a-z0-9])(?<!\d[.,])|(?<=[\s\d]to)){body}"
        self.anchor = re.compile(anchor)
        # The anchor's matches, found in three scans (_anchor_spans): a body after a character
        # that is no letter or digit, after "to", and at the start. A pattern that opens with
        # a lookbehind is tried at every character; one that opens with a character class, or
        # with "to", skips at once to where that stands: twice as fast on English text.
        self.anchor_body = re.compile(body)
        self.anchor_after = re.compile(rf"[^a-z0-9](?<!\d[.,])(?P<a>{body})")
        self.anchor_after_to = re.compile(rf"to(?<=[\s\d]to)(?P<a>{body})")
        # only for a paragraph that holds one (the extra branch halves the scan's speed)
        self.anchor_glued = re.compile(anchor + rf"|(?=\d)(?:{glued_after})\d+")
        self.glued_currency = frozenset(glued)
        # the words that may stand right before a number, matched up to the number's start
        self.prefix = re.compile(
            rf"(?:(?<![a-z])(?P<approx>{_alt(ap['before'])})\s+)?"
            rf"(?:(?<![a-z])(?P<cur>{alternation(w.lower() for w in v.currencies['en']['before'])})[ \t]?)?"
            rf"(?:(?<![a-z])(?P<art>an?)\s+)?\Z")
        # the last word of every prefix: only an anchor after one of these needs the prefix search
        self.prefix_ends = frozenset(w.lower().split()[-1] for w in ap["before"]) | {"a", "an"}
        self.currency_before = {k.lower(): c for k, c in v.currencies["en"]["before"].items()}
        self.currency_after = {_SPACES.sub(" ", k.lower()): c for k, c in v.currencies["en"]["after"].items()}
        self.names = re.compile(alternation(n.lower() for n in v.names["en"]))
        self.names_before = frozenset(n.lower() for n in v.names_before["en"])
        self.phone = re.compile(r"\d{1,3}(?:[ -]?\d{1,4}){2,5}")
        # what may follow a number: a superlative, "or more", %, currency, unit, time unit
        tail = (rf"(?:-(?P<e_super>{SUPERLATIVE})\b)?"
                rf"(?P<e_post>[ \t]+(?:{after})\b|-plus\b)?"
                rf"(?:(?P<e_pp>[ \t]+(?:percentage|per[ \t]?cent|pct)[ \t-]+points?\b)"
                rf"|(?P<e_pct>[ \t]*%|[ \t]+per[ \t]?cent\b|[ \t]+pct\b)|(?P<e_cur2>[ \t]+(?:{cur_after})\b)"
                rf"|(?P<e_unit>(?:[ \t]+|-)?(?:{units})(?![\w-]))"
                # glued as units are in forum text: "6hrs", "30mins"
                rf"|(?P<e_dsec>(?:(?<=\.\d)|(?<=\.\d\d)|(?<=\.\d\d\d))(?:{dsec})(?![\w-]))"
                rf"|(?P<e_time>(?:[ \t]+|-)?(?:(?:consecutive|straight|full|successive)[ \t]+)?(?:{time_units})\b))?")
        self.tail = re.compile(tail)
        # quarters and halves of a year: "the first quarter (of 2023)", "Q1 2023", "the first half of
        # the year", "H2"; the year is the one the text writes, a relative one, or none
        calendar = cal.calendar()
        self.periods = {_SPACES.sub(" ", k.lower()): v for k, v in calendar.periods["en"].items()}
        period_words = _alt(self.periods).replace(r"\s+", r"[ \t-]+")
        year_of = r"(?:(?P<p_y>(?:19|20)\d\d)(?!\d)|(?P<p_rel>last|this|next)\s+year\b|the\s+(?:(?:current|same|fiscal)\s+)?year\b)"
        self.period = re.compile(
            rf"(?P<p_w>{period_words})(?![a-z0-9]|-[a-z0-9])"           # not an H1-B visa
            rf"(?:\s+of\s+{year_of}|(?P<p_of>\s+of\b)|,?[ \t]+(?P<p_y2>(?:19|20)\d\d)(?!\d))?")
        self.needs_year = calendar.en_needs_year
        self.period_starts = frozenset(k.split()[0] for k in self.periods)
        # before a month or a year: "early June", "mid-June", "late 2022", "late last year";
        # "last November", "this March"
        parts = set(calendar.month_parts["en"]) | set(calendar.year_parts["en"])
        # ("the end of June" keeps its "the": "by the end of June" sets its sentence's time)
        part_words = _alt(parts).replace(r"\s+", r"[ \t]+")
        self.part_before = re.compile(rf"(?<![a-z])(?:the[ \t]+)?(?P<part>{part_words})(?:[ \t]+|-)\Z")
        self.rel_before = re.compile(r"(?<![a-z])(?P<rel>last|this|next)[ \t]+\Z")
        self.vague_before = re.compile(r"(?<![a-z])(?P<vague>earlier|later)[ \t]+\Z")
        self.rel_year_after = re.compile(r"(?:,[ \t]*|[ \t]+)(?:of[ \t]+)?(?P<rel>last|this|next)[ \t]+year\b")
        # durations in two parts: "two years and three months", "five years and a half"
        self.and_more = re.compile(r",?[ \t]+and[ \t]+(?:(?P<half>a[ \t]+half\b))?")
        self.range_gap = re.compile(r"[ \t]*(?:-|–|to|or)[ \t]*\Z|[ \t]+and[ \t]+\Z")
        self.between = re.compile(r"(?<![a-z])between[ \t]+\Z")
        # "a month", "an hour and a half", "a year and two months"
        article_units = _alt(calendar.article_units_en)
        # a cheap test before the scan: the paragraph holds "a year", "an hour" …
        self.a_unit_probes = tuple(f"{art} {u}" for u in calendar.article_units_en
                                   for art in (("an",) if u[0] in "aeiouh" else ("a",)))
        self.a_unit = re.compile(rf"(?<![a-z])an?[ \t]+(?P<au>{article_units})\b(?P<au_half>[ \t]+and[ \t]+a[ \t]+half\b)?")
        self.half_a = re.compile(rf"(?<![a-z])half[ \t-]+(?:an?[ \t]+)?(?P<hu>{article_units})\b")
        self.word_before = re.compile(r"(?<![a-z])([a-z]+)[ \t]+\Z")
        # date forms left to dateparser (checker/extract/fallback.py)
        self.long_tail = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+{month}|{month}\s+the\s+\d")
        main = [
            # (clock times; phone numbers; dates written with slashes, 10/12/21, whose day and month
            # order the text does not say)
            r"(?P<skip>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?(?![\d/])|\d{3,4}\)?[ -]\d{3,4}[ -]\d{4}(?!\d)|\d{13,})",
            # dates (resolved in issue #3): May 5; December 9 to 10, 2020; 9 September 2021; March 2020
            rf"(?P<e_month>{month})\s+{day.format('e_d')}"
            rf"(?:\s*(?:-|–|to|and|through)\s*(?:(?P<e_month2>{month})\s+)?{day.format('e_d2')})?"
            r"(?:,?\s*(?P<e_y>\d{4})(?!\d))?",
            rf"{day.format('e_d0')}\s+(?P<e_month0>{month})(?:,?\s+(?P<e_y0>\d{{4}})(?!\d))?",
            # a span of months: January to September 2022, January-March
            # (… to a day of the last month: from March to May 5, 2023)
            rf"(?P<e_mr1>{month})\s*(?:-|–|to|through|until)\s*(?P<e_mr2>{month})"
            rf"(?:\s+(?P<e_mrd2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]\d))?(?:,?\s+(?P<e_mry>\d{{4}})(?!\d))?",
            rf"(?P<e_monthy>{month}),?\s+(?P<e_ym>\d{{4}})(?!\d)",
            rf"(?P<e_monthonly>{month})(?![\s,]*\d)",
            r"(?P<e_iso>\d{4})-(?P<e_isom>\d{2})-(?P<e_isod>\d{2})(?!\d)",
            # weekdays and weekday ranges: from Wednesday to Thursday
            rf"(?P<wd1>{weekdays})(?:\s*(?:-|–|to|through|until)\s*(?P<wd2>{weekdays}))?",
            # dates relative to the document's: last year, this month, yesterday
            rf"(?P<rel>{alternation(RELATIVE)})\b",
            # a span of years: 2021-2025, from 2011 to 2022, between 2011 and 2022
            r"(?P<yr1>(?:1[89]|2[01])\d{2})\s*(?:-|–|to|through|(?<=between \d{4}) and)\s*"
            r"(?P<yr2>(?:1[89]|2[01])\d{2})(?!\d|,\d)",
            # ordinals: 116th (words are read with the cardinals below)
            rf"(?P<o_dig>\d+(?:st|nd|rd|th))\b(?:-(?:{SUPERLATIVE})\b)?",
            # counts without a number: dozens of, hundreds of thousands of
            rf"(?P<v_word>{_alt(w.removesuffix(' of') for w in ap['vague'])})\s+of\b",
            # once or twice
            rf"(?P<wr>{_alt(nums['word_ranges'])})\b",
            # several shops, a few days (the noun decides: _vague_noun)
            rf"(?P<vn_word>{_alt(ap['vague_before_noun'])})(?=[ \t]+[a-z])",
            # digits (approximation and currency sign come from `prefix`; number words from
            # numwords, matched apart so that its large pattern is compiled only once)
            r"(?P<decade>(?:1[0-9]|20)\d0)s\b(?:\s+and\s+(?:the\s+)?(?P<decade2>(?:1[0-9]|20)\d0)s\b)?",
            rf"(?P<e_ar>{AR_EN})(?:[–-](?P<e_ar2>{AR}))?(?P<e_scale>(?:[ \t]+|-)(?:{SCALE_WORDS})\b|[ \t]?(?:{SCALE_ABBREVIATIONS})\b)?" + tail,
        ]
        self.main = re.compile("|".join(main))
        # The main pattern is tried at a number's first character, a digit or a letter; every one
        # of its alternatives opens with a digit or with a word, never both. Each character is
        # matched against the alternatives that may open with it only (their order kept, so the
        # same one matches): failing the others one by one cost about half of a match. The
        # groups of the other kind are kept, never set, after a branch that cannot match.
        by_word = [a for a in main if a.startswith(_WORD_OPENED)]
        by_digit = [a for a in main if not a.startswith(_WORD_OPENED)]
        self.main_digit, self.main_word = (_with_groups(alts, self.main) for alts in (by_digit, by_word))


# the alternatives of the main pattern that open with a word (the lower-cased text's letters);
# all the others open with a digit (tests/extract/test_main_split.py checks both)
_WORD_OPENED = tuple(f"(?P<{g}>" for g in ("e_month", "e_mr1", "e_monthy", "e_monthonly", "wd1", "rel", "v_word",
                                            "wr", "vn_word"))


def _with_groups(alternatives: list[str], whole: re.Pattern) -> re.Pattern:
    """The alternation of ``alternatives``, with every group of ``whole`` it lacks (never set: they
    follow a branch that fails at once), so that a match answers for any of them by name as one
    of ``whole`` does. (By name only: the groups' numbers, lastindex and lastgroup differ.)"""
    pattern = "|".join(alternatives)
    missing = [g for g in whole.groupindex if g not in re.compile(pattern).groupindex]
    return re.compile(pattern + "|(?!)" + "".join(f"(?P<{g}>)" for g in missing))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def _lower(s: str) -> str:
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)  # İ → i̇ would shift offsets


def extract(text: str, start: int = 0, end: int | None = None) -> list[RawClaim]:
    """Claims in ``text[start:end]`` (an English paragraph of the normalised text)."""
    end = len(text) if end is None else end
    seg = text[start:end]
    low = _lower(seg)
    pat = _patterns()
    out: list[RawClaim] = []
    last = 0
    urls = may_hold_urls(low, 0, len(low))
    anchors = (m.span() for m in pat.anchor_glued.finditer(low)) if _has_glued(low, pat.glued_currency) \
        else _anchor_spans(low, pat)
    for p, a_end in anchors:
        word = low[p:a_end]
        if p < last or (urls and in_url(low, p)):
            continue
        if pat.named_date is not None and word == "double" and (nd := pat.named_date.match(low, p)):
            month, day = cal.calendar().named_dates_en[_SPACES.sub(" ", nd.group())]
            out.append(make(p, nd.end(), Stated(m=month, d=day), flags=("named",)))   # Double Eleven: 双十一
            last = nd.end()
            continue
        if (p == 0 or low[p - 1] == "\n") and (marker := _LIST_MARKER.match(low, p)) is not None:
            last = marker.end()                          # "9. Participate …", "2) …": a list marker
            continue
        if p > 0 and low[p - 1] == "+":                  # +86 10 6543 2100
            m = pat.phone.match(low, p)
            if m:
                last = m.end()
                continue
        # (find within bounds: as ``in`` a slice, without building the slice)
        if (low.find("of", p + 1, p + 18) >= 0 or low.find("the", p + 3, p + 14) >= 0) and pat.long_tail.match(low, p):
            # the 9th of September, September the 9th: dateparser's
            claim = fallback.english(low, p, pat.month)
            if claim is not None and claim.start >= last:
                out.append(claim)
                last = claim.end
                continue
        # ".08 percent": a decimal without its leading zero (never 8)
        pe = p - 1 if p > 0 and low[p - 1] == "." and (p == 1 or not (low[p - 2].isalnum() or low[p - 2] in ".,")) else p
        if p > 0 and (low[p - 1] in "-\u2212" or (low[p - 1] == " " and low.find("minus", max(0, p - 7), p) >= 0)):
            sign = pat.minus_before.search(low, max(last, p - 8), p)   # about -5 °C, about minus 20: the
            if sign is not None:                                        # approximation comes before the sign
                pe = sign.start()
        pre = pat.prefix.search(low, max(last, pe - 30), pe) if _may_have_prefix(low, pe, last, pat) else None
        if word in pat.period_starts or (low[p].isdigit() and low[a_end:a_end + 2] in _ORD_SUFFIXES):
            claim = _period(low, p, pat)            # the first quarter, Q1 2023: not the ordinal "first"
            if claim is not None:
                out.append(claim)
                last = claim.end
                continue
        q = pre.start("art") if pre and pre.group("art") else p
        if q != p and _HALF_BEFORE.match(low, max(0, q - 5), q):
            q -= 5                                  # half a million: the half is part of the number
        if pe == p and (word in pat.share_words or pat.share_next.match(low, a_end)):
            claim = _share(low, p, q, pre, pat)     # a third of, two-thirds, half of, doubled, three-fold
            if claim is not None:
                out.append(claim)
                last = claim.end
                continue
        m = (pat.main_digit if low[q].isdigit() else pat.main_word).match(low, q)
        if m is None and q != p:
            m = (pat.main_digit if low[p].isdigit() else pat.main_word).match(low, p)
        if m is None and not low[p].isdigit():
            w = _words_at(low, q) or (_words_at(low, p) if q != p else None)
            if w is not None:
                m = _WordNumber(w, pat.tail.match(low, w.end()))
        if m is None:
            continue
        if m.group("skip") is not None:
            last = m.end()
            continue
        claim = _claim(low, seg, m, pre)
        if claim is not None:
            out.append(claim)
            last = claim.end
        else:                  # read and rejected (a name, a pronoun): its digits are not claims
            last = m.end()
    if len(out) > 1:
        out = _shared_ranges(low, out, pat)
    out = _durations(low, _calendar_forms(low, out, pat) if out else out, pat)
    for c in out:                               # 13 to 15 years old: ages, as 13至15岁 are
        if c.kind == "duration" and c.unit == "year" and "anniversary" not in c.flags:
            old = _OLD.match(low, c.end)
            if old is not None:
                c.kind, c.unit, c.end = "count", _AGE_UNIT, old.end()
    # year-long, the centenary: spans no digit writes (the second test spares the scan the many
    # paragraphs that hold "percent" and neither: every anniversary word holds "centen")
    if ("-long" in low or "cent" in low) and ("long" in low or "centen" in low):
        out = _word_durations(low, out, pat)
    if "0s" in low:                         # in their early 20s: ages
        out = _age_decades(low, out)
    if "B" in seg and pat.basement_probe.search(seg):   # B2, from B2 to 9th floor: basement floors
        out = _basements(seg, low, out, pat)
    if "the past " in low:     # "over the past year": one year, as 一年来 is (no number is written)
        starts = [c.start for c in out]         # (in order: a claim ends before the next starts)
        found = []
        for m in _PAST_ONE.finditer(low):
            i = bisect_right(starts, m.start()) - 1          # the claim that starts last before it
            if (i < 0 or out[i].end <= m.start()) and (i + 1 >= len(out) or out[i + 1].start >= m.end()):
                found.append(RawClaim(m.start("unit"), m.end("unit"), "duration", Interval.exact(Decimal(1)),
                                      unit=m.group("unit")))
        if found:
            out = sorted(out + found, key=lambda c: c.start)
    for c in out:
        if c.kind == "ordinal":
            c.subject = subject_phrase.en_ordinal_subject(seg, c.end)
        elif c.kind == "number" and c.subject is None:      # "the number of X has reached 42"
            before = subject_phrase.en_subject_before(seg, c.start)
            if before:
                _counts(c, before)
        c.start += start
        c.end += start
    return out


def _anchor_spans(low: str, pat: _Patterns):
    """The spans of pat.anchor's matches in ``low``, in order, as its finditer gives them: the
    places where the anchor matches, from its three scans, each taken unless it starts inside
    the one taken before."""
    found = [m.span("a") for m in pat.anchor_after.finditer(low)]
    found += [m.span("a") for m in pat.anchor_after_to.finditer(low)]
    first = pat.anchor_body.match(low)
    if first is not None:
        found.append(first.span())
    found.sort()
    last = 0
    for start, end in found:
        if start >= last:
            yield start, end
            last = end


def _word_durations(low: str, out: list[RawClaim], pat: _Patterns) -> list[RawClaim]:
    """"a year-long campaign" (one year, as 为期一年 is), "the centenary of" (100 years, as 一百周年
    is), where no claim is read already."""
    found = []
    for m in pat.word_duration.finditer(low):
        if any(c.start < m.end() and m.start() < c.end for c in out):
            continue
        if m.group("long"):
            unit = vocabulary().time_units["en"][m.group("long")]
            found.append(RawClaim(m.start(), m.end(), "duration", Interval.exact(Decimal(1)), unit=unit))
        else:
            found.append(RawClaim(m.start(), m.end(), "duration",
                                  Interval.exact(Decimal(pat.anniversary_words[m.group("ann")])), unit="year",
                                  flags=("anniversary",)))
    return sorted(out + found, key=lambda c: c.start) if found else out


_BASEMENT = re.compile(r"(?<![\w-])B(?P<b>[1-6])(?![\w-])(?:[ \t]*(?:to|-|–)[ \t]*"
                       r"(?:B(?P<b2>[1-6])(?![\w-])|(?:the[ \t]+)?(?P<f>\d{1,3})(?:st|nd|rd|th)?[ \t]+(?:floor|storey)\b))?")


def _basements(seg: str, low: str, out: list[RawClaim], pat: _Patterns) -> list[RawClaim]:
    """"B2" is the second basement floor, −2 (as 负二层), in a range of floors ("B2 to B1", "B2 to
    9th floor") or with a word of floors or parking among the three words before or after it (or
    after the B-floor it is listed with: "B1 and B2 are for parking")."""
    ms = list(_BASEMENT.finditer(seg))
    near = [m.group("b2") is not None or m.group("f") is not None
            or pat.basement_context.search(" ".join(_words_around(low, m.start(), m.end())) or "") is not None
            for m in ms]
    for k in range(len(ms) - 1):                  # B1 and B2 (are for parking): listed together
        if _LISTED.fullmatch(seg, ms[k].end(), ms[k + 1].start()) and (near[k] or near[k + 1]):
            near[k] = near[k + 1] = True
    found = []
    for m, ok in zip(ms, near):
        if not ok:
            continue
        lo = -Decimal(m.group("b"))
        hi = -Decimal(m.group("b2")) if m.group("b2") else Decimal(m.group("f")) if m.group("f") else None
        if hi is not None and hi <= lo:
            continue
        inside = [c for c in out if c.start < m.end() and m.start() < c.end]
        if any(c.start < m.start() or c.end > m.end() for c in inside):
            continue
        out = [c for c in out if c not in inside]
        value = Interval.exact(lo) if hi is None else Interval(None, lo, hi)
        found.append(RawClaim(m.start(), m.end(), "number", value, unit="level",
                              qualifier=None if hi is None else "range", subject="floor"))
    return sorted(out + found, key=lambda c: c.start) if found else out


_LISTED = re.compile(r"[ \t]*(?:,|and|or|&)[ \t]*")
_WORDS_BEFORE3 = re.compile(r"(?:[a-z]+[^a-z\n]+){0,3}\Z")
_WORDS_AFTER3 = re.compile(r"(?:[^a-z\n]+[a-z]+){0,3}")


def _words_around(low: str, start: int, end: int) -> tuple[str, str]:
    """The (up to) three words before ``start`` and after ``end``."""
    b = _WORDS_BEFORE3.search(low, max(0, start - 40), start)
    a = _WORDS_AFTER3.match(low, end, min(len(low), end + 40))
    return (b.group() if b else "", a.group() if a else "")


# "in their early 20s", "in her 30s", "girls in early 20s" (ages; "in the early 90s" is years):
# after a possessive any decade, without one only with its part and up to the 60s
_AGE_DECADE = re.compile(r"(?<![a-z])in[ \t]+(?:(?P<pos>their|his|her|my|your|our)[ \t]+)?"
                         r"(?P<age>(?:(?P<part>early|mid|late)[ \t-]*)?(?P<d>[1-9])0s)\b")
_DECADE_PART = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _age_decades(low: str, out: list[RawClaim]) -> list[RawClaim]:
    found = []
    for m in _AGE_DECADE.finditer(low):
        d = int(m.group("d"))
        if not m.group("pos") and not (m.group("part") and d <= 6):
            continue
        inside = [c for c in out if c.start < m.end() and m.start("age") < c.end]
        if any(c.kind not in ("number", "count") or c.start < m.start("age") or c.end > m.end() for c in inside):
            continue
        out = [c for c in out if c not in inside]           # (mid-20s: not a count of 20 "s")
        a, b = _DECADE_PART[m.group("part")]
        found.append(RawClaim(m.start("age"), m.end("age"), "count",
                              Interval(None, Decimal(10 * d + a), Decimal(10 * d + b)), unit=_AGE_UNIT, qualifier="several"))
    return sorted(out + found, key=lambda c: c.start) if found else out


_PAST_ONE = re.compile(r"\bthe past (?P<unit>year|month|week|decade)\b")
_WORD_BEFORE = re.compile(r"([a-z]+)[ \t\n]+\Z")
_HALF_BEFORE = re.compile(r"(?<![a-z])half[ \t]\Z")
_ORD_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_YEAR_REL = {"last": -1, "this": 0, "next": 1}


def _period(low: str, p: int, pat: _Patterns) -> RawClaim | None:
    """A quarter or half of a year at ``p``: "first quarter (of 2023)", "Q1 2023", "first half of the
    year". A half needs its year ("a rollercoaster first half" of a match is not a date), and any
    period followed by "of" something else (the first quarter of the game) is not one."""
    m = pat.period.match(low, p)
    if m is None or m.group("p_of") is not None:
        return None
    word = re.sub(r"[\s-]+", " ", m.group("p_w"))
    y = m.group("p_y") or m.group("p_y2")
    rel = m.group("p_rel")
    if word in pat.needs_year and m.end() == m.end("p_w"):
        return None
    return cal.year_period(p, m.end(), int(y) if y else None, pat.periods[word],
                           rel=("year", _YEAR_REL[rel]) if rel else None)


_OR_GAP = re.compile(r"[ \t]+or[ \t]+")
# a range of plain numbers with no noun after it is a range of ages after these words: "from the
# ages of 16-29", "aged 18 to 25" (elsewhere, "3-1" may be a score and "16-29" an ID)
_AGE_BEFORE = re.compile(r"(?<![a-z])(?:ages?(?:[ \t]+of)?|aged|age[ \t]+group(?:[ \t]+of)?)[ \t]+\Z")


def _age_range(start: int, end: int, lo: Decimal, hi: Decimal) -> RawClaim:
    """A range of ages: a count in years of age, as 16至29岁 is."""
    return RawClaim(start, end, "count", Interval(None, lo, hi), unit=_AGE_UNIT, qualifier="range")


_AGE_UNIT = "year-of-age"        # the unit of 岁 (rules/measure_words.yaml)
# "13 to 15 years old", "a 5-year-old": years of age, not a span of time
_OLD = re.compile(r"[ \t-]+old\b")


_RANGE_GAP = re.compile(r"[ \t]*(?:to|–|—|-)[ \t]*|[ \t]+(?P<and>and)[ \t]+")
_SCALE_IN = re.compile(r"(?<![a-z])(?:thousand|million|billion|trillion|bn|bln|mln|mn|m|k)\b")
_RANGE_KINDS = frozenset({"number", "count", "quantity", "money", "percent"})


def _shared_ranges(low: str, out: list[RawClaim], pat: _Patterns) -> list[RawClaim]:
    """Two numbers joined by "to", a dash or "between … and" that share the unit and scale the
    second one writes: "3 to 5 million people", "between 2 and 3 percent", "12 million to 14
    million", "S$18 billion to S$21 billion" — one range claim. After "from" or a verb of change
    ("rose 3% to 5%") the two are a change, not a range."""
    res: list[RawClaim] = []
    i = 0
    while i < len(out):
        c = out[i]
        n = out[i + 1] if i + 1 < len(out) else None
        i += 1
        merged = _shared_range(low, c, n, pat) if n is not None else None
        if merged is None:
            res.append(c)
        else:
            res.append(merged)
            i += 1
    return res


def _shared_range(low: str, c: RawClaim, n: RawClaim, pat: _Patterns) -> RawClaim | None:
    if c.kind not in _RANGE_KINDS or n.kind not in _RANGE_KINDS or n.qualifier or c.qualifier in ("range", "several") \
            or not isinstance(c.value, Interval) or not isinstance(n.value, Interval) \
            or c.value.nominal is None or not n.value.is_exact:
        return None
    gap = _RANGE_GAP.fullmatch(low, c.end, n.start)
    if gap is None:
        # "one or two examination locations", "two or three times": words for consecutive numbers
        # joined by "or" are a range (not "8 or 11", a choice between two figures)
        if _OR_GAP.fullmatch(low, c.end, n.start) and c.kind == "number" and c.qualifier is None \
                and n.kind in ("number", "count") and c.value.is_exact and n.value.is_exact \
                and n.value.low == c.value.low + 1 and not any(ch.isdigit() for ch in low[c.start:n.end]):
            return RawClaim(c.start, n.end, n.kind, Interval(None, c.value.low, n.value.low), unit=n.unit,
                            qualifier="range", subject=n.subject)
        return None
    between = pat.between.search(low, max(0, c.start - 9), c.start)
    if gap.group("and") and between is None:
        return None
    if between is None and _prev_word(low, c.start) in pat.range_not_after:
        return None
    same = c.kind == n.kind and c.unit == n.unit
    if c.kind == "number" and n.kind in ("number", "count") and c.value.is_exact and c.value.low < n.value.low \
            and _AGE_BEFORE.search(low, max(0, c.start - 24), c.start) and not _SCALE_IN.search(low, c.start, n.end):
        return _age_range(c.start, n.end, c.value.low, n.value.low)      # aged 16 to 29
    if (n.kind == "number" and not (c.kind == "number" and _SCALE_IN.search(low, n.start, n.end))) \
            or not (same or c.kind == "number"):
        return None                     # (two bare numbers are a range only by a scale: "12 to 14 million")
    lo, hi = c.value.nominal, n.value.low
    scale = _SCALE_IN.search(low, n.start, n.end)
    own_scale = _SCALE_IN.search(low, c.start, c.end) is not None
    if scale is None or own_scale:
        if same or scale is None and c.kind != "number":
            return None                 # "3.70% - 4.20%", "S$18 billion to S$21 billion": two claims
        if scale is not None:           # "12 million to 14 million people": both count people
            if lo < hi:
                c.kind, c.unit, c.subject = n.kind, n.unit, n.subject
            return None
    else:                               # "3 to 5 million", "$3 to $5 million": 3 million
        k = numwords.parse_cardinal("1 " + _ABBREVIATED.get(scale.group(), scale.group()))
        if k is None:
            return None
        lo = lo * k
    if lo >= hi:
        return None
    # "about 3 to 5 million": the approximation is the range's
    return RawClaim(between.start() if between else c.start, n.end, n.kind, Interval(None, lo, hi), unit=n.unit,
                    qualifier=c.qualifier or "range", subject=n.subject)


def _is_plain(s) -> bool:
    """A stated month or day with nothing relative about it (June, October 25, March 2023)."""
    return isinstance(s, Stated) and s.m is not None and not s.is_range and s.rel is None \
        and s.ago is None and not s.since and s.weekday is None


def _spaced(words: str) -> str:
    return " ".join(words.split())


def _calendar_forms(low: str, out: list[RawClaim], pat: _Patterns) -> list[RawClaim]:
    """Dates read with the words around them, as one claim: "early June", "mid-June", "late March
    2023" (a part of the month), "late 2022", "late last year" (a part of the year), "last
    November", "October 25 last year" (a month of a year relative to the document's), "earlier
    this month"."""
    for c in out:
        if c.stated is not None or c.kind == "year":
            break
    else:
        return out                  # (only a stated date or a year is read with its words)
    cv = cal.calendar()
    res: list[RawClaim] = []
    i = 0
    while i < len(out):
        c = out[i]
        s = c.stated
        i += 1
        if "dateparser" in c.flags:
            res.append(c)
            continue
        if _is_plain(s):
            start, end, rel = c.start, c.end, None
            if s.y is None:
                r = pat.rel_year_after.match(low, end)
                if r and i < len(out) and out[i].start == r.start("rel") and out[i].stated is not None \
                        and out[i].stated.rel == ("year", _YEAR_REL[r.group("rel")]):
                    rel, end = ("year", _YEAR_REL[r.group("rel")]), r.end()       # October 25 last year
                    i += 1
                else:
                    b = pat.rel_before.search(low, max(0, start - 6), start)
                    if b:                                                           # last November
                        rel, start = ("year", _YEAR_REL[b.group("rel")]), b.start()
            part = pat.part_before.search(low, max(0, start - 20), start) if s.d is None else None
            word = _spaced(part.group("part")) if part else None
            if word in cv.month_parts["en"]:                                      # early June, mid-June
                res.append(cal.month_part(part.start(), end, s.y, s.m, cv.month_parts["en"][word],
                                          rel=rel))
            elif rel is not None:
                res.append(make(start, end, Stated(s.y, s.m, s.d, rel=rel), flags=c.flags))
            else:
                res.append(c)
            continue
        year = int(c.value.low) if c.kind == "year" and c.value.is_exact else None
        if year is not None or (isinstance(s, Stated) and s.rel is not None and s.m is None and s.weekday is None):
            part = pat.part_before.search(low, max(0, c.start - 20), c.start)
            word = _spaced(part.group("part")) if part else None
            if word in cv.year_parts["en"] and (year is not None or s.rel[0] == "year"):
                res.append(cal.year_period(part.start(), c.end, year, cv.year_parts["en"][word],
                                           rel=s.rel if year is None else None, flag="year_part"))
                continue                                                            # late 2022, late last year
            v = pat.vague_before.search(low, max(0, c.start - 9), c.start) if year is None else None
            if v:                                                                   # earlier this month
                res.append(make(v.start(), c.end, s, flags=c.flags + (v.group("vague"),)))
                continue
        res.append(c)
    return res


def _durations(low: str, out: list[RawClaim], pat: _Patterns) -> list[RawClaim]:
    """Durations in more than one piece read as one claim: "a month" after a word that makes it a
    span (takes a month), "a year and a half", "a year and two months", "two years and three
    months", "five years and a half", "two to six weeks", "between two and six weeks"."""
    found: list[RawClaim] = []
    if holds(low, pat.a_unit_probes):
        by_start = {c.start: c for c in out}
        found = [c for c in (_a_unit(low, m, by_start, pat) for m in pat.a_unit.finditer(low)) if c is not None]
    if "half" in low:                                        # half a year, half an hour, every half day
        units = vocabulary().time_units["en"]
        found += [_approximate(low, RawClaim(m.start(), m.end(), "duration", Interval.exact(Decimal("0.5")),
                                             unit=units[m.group("hu")]), pat)
                  for m in pat.half_a.finditer(low)]
    if found:
        merged: list[RawClaim] = []
        for c in sorted(out + found, key=lambda c: (c.start, -c.end)):
            if merged and c.start < merged[-1].end:
                continue                             # inside "a year and two months": not a claim of its own
            merged.append(c)
        out = merged
    res: list[RawClaim] = []
    i = 0
    while i < len(out):
        c = out[i]
        i += 1
        n = out[i] if i < len(out) else None
        if c.kind == "duration" and c.value.is_exact and "anniversary" not in c.flags:
            a = pat.and_more.match(low, c.end)
            if a and a.group("half"):                                      # five years and a half
                res.append(cal.plus_half(c, a.end()))
                continue
            if a and n is not None and n.start == a.end() and n.kind == "duration" and n.value.is_exact:
                joined = cal.compound(c, n, n.end)                         # two years and three months
                if joined is not None:
                    res.append(joined)
                    i += 1
                    continue
        if n is not None and n.kind == "duration" and n.value.is_exact and c.value is not None \
                and isinstance(c.value, Interval) and c.value.is_exact and c.qualifier is None \
                and (c.kind == "number" or (c.kind == "duration" and c.unit == n.unit)):
            g = pat.range_gap.match(low, c.end, n.start)
            if g and g.end() == n.start and not (g.group().strip() == "or" and n.value.low != c.value.low + 1):
                start = c.start                   # "two or three hours", not "8 or 11 months" (a choice)
                if "and" in g.group():                                     # between two and six weeks
                    b = pat.between.search(low, max(0, c.start - 9), c.start)
                    start = b.start() if b else None
                one = cal.between(RawClaim(c.start, c.end, "duration", c.value, unit=n.unit), n, start, n.end) \
                    if start is not None else None
                if one is not None:                                        # two to six weeks
                    res.append(one)
                    i += 1
                    continue
        res.append(c)
    return res


def _a_unit(low: str, m: re.Match, by_start: dict[int, RawClaim], pat: _Patterns) -> RawClaim | None:
    """"a month" (after a word that makes it a span: takes a month, for a year), "an hour and a
    half", "a year and two months"; elsewhere "a year" is mostly a rate (twice a year)."""
    unit = vocabulary().time_units["en"][m.group("au")]
    one = RawClaim(m.start(), m.end("au"), "duration", Interval.exact(Decimal(1)), unit=unit)
    before = pat.word_before.search(low, max(0, m.start() - 16), m.start())
    word = before.group(1) if before else ""
    if word in cal.calendar().rate_words_en:
        return None
    if m.group("au_half"):
        return cal.plus_half(one, m.end())
    a = pat.and_more.match(low, m.end())
    if a and not a.group("half"):
        n = by_start.get(a.end())
        if n is not None and n.kind == "duration" and n.value.is_exact:
            joined = cal.compound(one, n, n.end)
            if joined is not None:
                return joined
    if word not in cal.calendar().duration_cues_en:
        return None
    return _approximate(low, one, pat)


def _over_is_more(low: str, at: int, pat: _Patterns) -> bool:
    """Whether "over" at ``at``, before a span of time, means "more than" ("for over a decade")."""
    return pat.over_span.search(low, max(0, at - 12), at) is not None


def _approximate(low: str, claim: RawClaim, pat: _Patterns) -> RawClaim:
    """A duration with the approximation before it: "about a month", "more than half an hour"."""
    pre = pat.prefix.search(low, max(0, claim.start - 30), claim.start)
    phrase = _SPACES.sub(" ", pre.group("approx")) if pre is not None and pre.group("approx") else None
    if phrase is None or pre.end() != claim.start or phrase == "over" and not _over_is_more(low, pre.start("approx"), pat):
        return claim                     # over a year: during it (but "for over a year": more than)
    approx = vocabulary().approx["en"]["before"][phrase]
    return RawClaim(pre.start("approx"), claim.end, "duration", interval(claim.value.nominal, approx), unit=claim.unit,
                    qualifier=approx.qualifier)


def _may_have_prefix(low: str, p: int, last: int, pat: _Patterns) -> bool:
    """A cheap test before the prefix search: a currency sign or a prefix's last word precedes."""
    if p <= last:
        return False
    c = low[p - 1]
    if not c.isspace():
        if c.isalpha():                                   # RM50, RMB300: a currency code glued to it
            w = _GLUED_BEFORE.search(low, max(last, p - 4), p)
            return w is not None and w.group() in pat.glued_currency
        return not c.isalnum()
    w = _word_ending(low, max(last, p - 16), p)
    if w is None:
        return p >= 2 and not low[p - 2].isalnum()        # "$ 5", "€ 5"
    return w in pat.prefix_ends or w in pat.currency_before


def _run_before(s: str, lo: int, p: int, blanks: str, chars: frozenset[str]) -> tuple[int, int]:
    """The run of ``chars`` that one or more ``blanks`` after it end at ``p``, within
    ``s[lo:p]``, read backwards from ``p``: its (start, end), empty if none. (A regex
    searched in the window for the same tries every start in it.)"""
    j = p
    while j > lo and s[j - 1] in blanks:
        j -= 1
    if j == p:
        return p, p
    k = j
    while k > lo and s[k - 1] in chars:
        k -= 1
    return k, j


def _word_ending(low: str, lo: int, p: int) -> str | None:
    """The word of a-z that spaces (or tabs, newlines) after it end at ``p``, within
    ``low[lo:p]`` (tests/extract/test_word_before.py: what the regex it replaces finds)."""
    k, j = _run_before(low, lo, p, " \t\n", LATIN_LOWER)
    return low[k:j] if k < j else None


_ONE, _TENTH = Decimal(1), Decimal("0.1")
# A digit after a letter (every code ends in one), found by its digit: digits are few, and the
# scan skips the rest at once. In ASCII text the digits (str.isdigit) are 0-9; elsewhere the
# class holds every one (and some letters, which _has_glued then turns down).
_DIGIT_AFTER_LETTER = re.compile(r"[0-9](?<=[a-z].)")
_DIGIT_AFTER_LETTER_ANY = re.compile(r"[^\W_a-z](?<=[a-z].)")


def _has_glued(low: str, codes) -> bool:
    """Whether a currency code is glued to a number in the paragraph: RM50, RMB300."""
    for m in (_DIGIT_AFTER_LETTER if low.isascii() else _DIGIT_AFTER_LETTER_ANY).finditer(low):
        j = m.start()
        if low[j].isdigit():
            for c in codes:
                if low.endswith(c, 0, j) and (j == len(c) or not low[j - len(c) - 1].isalpha()):
                    return True
    return False


_PART = re.compile(r"[.,，]?\d")
_GLUED_BEFORE = re.compile(r"(?<![a-z])[a-z]+\Z")


def _share(low: str, p: int, q: int, pre: re.Match | None, pat: _Patterns) -> RawClaim | None:
    """A share or a multiple at the anchor ``p`` (``q``: the article before it): "a third of",
    "two-thirds", "nearly half of", "a quarter of a century" (a duration), "doubled", "three-fold",
    "three times as many"."""
    for at in ((q, p) if q != p else (p,)):
        f = pat.fraction.match(low, at)
        if f is not None:
            claim = _fraction(low, f, pre, pat)
            if claim is not None:
                return claim
    m = pat.multiple.match(low, p)
    if m is None:
        return None
    if m.group("m_verb"):
        n = pat.mult_verbs[m.group("m_verb")]
    elif m.group("m_adj"):
        n = pat.mult_before[m.group("m_adj")]
    else:
        if m.group("m_g"):
            at = _approx_before(pre, p)[1]
            if not pat.growth_before.search(low, max(0, at - 24), at):
                return None              # "arrested 19 times": occurrences, read as a count
        word = m.group("m_n") or m.group("m_t") or m.group("m_g") or m.group("m_r1") \
            or m.group("m_glued").removesuffix("fold")
        n = parse_arabic(word) if word[0].isdigit() else numwords.parse_cardinal(word)
        if n is None or n <= 1:
            return None
        if word[0].isdigit() and is_name_context(low, m.start(), m.start() + len(word)):
            return None
        if m.group("m_g2") or m.group("m_r2"):    # "grew 6 to 7 times", "a six- to seven-fold rise"
            w2 = m.group("m_g2") or m.group("m_r2")
            n2 = parse_arabic(w2) if w2[0].isdigit() else numwords.parse_cardinal(w2)
            if n2 is None or n2 <= n:
                return None
            return RawClaim(p, m.end(), "number", Interval(None, n, n2), unit="times", qualifier="range")
    approx, start = _approx_before(pre, p)
    return RawClaim(start, m.end(), "number", interval(n, approx), unit="times",
                    qualifier=approx.qualifier if approx else None)


def _approx_before(pre: re.Match | None, p: int):
    """The approximation right before a share or a multiple, and where the claim starts."""
    if pre is None or not pre.group("approx") or pre.group("cur") \
            or not (pre.end() == p or (pre.group("art") and pre.start("art") == p)):
        return None, p
    word = _SPACES.sub(" ", pre.group("approx"))
    return vocabulary().approx["en"]["before"][word], pre.start("approx")


def _fraction(low: str, f: re.Match, pre: re.Match | None, pat: _Patterns) -> RawClaim | None:
    approx_written = pre is not None and pre.group("approx")
    if not approx_written and f.group("f_num") in ("a", "an") and _prev_word(low, f.start()) == "and":
        return None                             # two hours and a half
    if f.group("f_half"):
        # ("that half her life": before a possessive, "that" is no determiner of "half")
        if not approx_written and ((_prev_word(low, f.start()) in pat.half_not_after
                                    and not _POSSESSIVE.match(low, f.end("f_half")))
                                   or pat.fraction_after.match(low, f.end("f_half"))):
            return None                         # the latter half of the night; at half.
        n, d, end = Decimal(1), 2, f.end("f_half")
    else:
        num, den = f.group("f_num"), f.group("f_den")
        d = pat.fraction_den[den]
        n = Decimal(1) if num in ("a", "an") else numwords.parse_cardinal(num)
        if n is None or n != int(n) or not 1 <= n < d or (n == 1) == den.endswith("s"):
            return None                         # "two third", "a thirds", "two halves"
        end = f.end("f_den")
        if pat.fraction_period.match(low, end):
            return None                         # three quarters of the year, a quarter in a row
        if n == 1:
            if f.group("f_span"):               # a quarter of a century: 25 years
                if d != 4:
                    return None
                amount, unit = pat.quarter_of[f.group("f_span")]
                approx, start = _approx_before(pre, f.start())
                return RawClaim(start, f.end("f_span"), "duration", interval(amount, approx), unit=unit,
                                qualifier=approx.qualifier if approx else None)
            hyphen = "-" in low[f.end("f_num"):f.start("f_den")]
            if not (f.group("f_of") or pat.fraction_after.match(low, end) or (hyphen and d != 4)):
                return None                     # "a third term", "a quarter" (of a year)
    approx, start = _approx_before(pre, f.start())
    share = Decimal(100) * n / d
    value = interval(share, approx)
    if approx is None and share != int(share):
        value = _rounded_share(share)
    return RawClaim(start, end, "percent", value, unit="%", qualifier=approx.qualifier if approx else None)


_POSSESSIVE = re.compile(r"[ \t]+(?:her|his|their|its|our|my|your)\b")


def _rounded_share(share: Decimal) -> Interval:
    """A third is 33.33…: a translation may round it to 33 %, 33.3 % or 33.33 % and still say the same."""
    return Interval(share, min(share.quantize(_ONE, ROUND_HALF_UP), share.quantize(_TENTH, ROUND_FLOOR)),
                    max(share.quantize(_ONE, ROUND_HALF_UP), share.quantize(_TENTH, ROUND_CEILING)))


# "one in ten", "1 in 4", "two in three": a share (the denominator not followed by a unit)
_RATIO = re.compile(r"[ \t]+in[ \t]+(?P<den>\d{1,3}(?:,\d{3})?(?![\d.,])|(?:ten|three|four|five|six|seven|eight|nine"
                    r"|twenty|fifty|a[ \t]+hundred|one[ \t]+hundred|a[ \t]+thousand|one[ \t]+thousand|two|hundred|thousand)\b)")


def _words_at(low: str, pos: int) -> re.Match | None:
    """Number words at ``pos``; a run that does not parse as one number ("five thousand, six
    thousand or …") gives way to its longest part before a comma that does."""
    words = numwords.words_re_for(low)
    w = words.match(low, pos)
    if w is None or numwords.parse_cardinal(w.group()) is not None or numwords.parse_ordinal(w.group()) is not None:
        return w
    for cut in reversed([i for i, c in enumerate(low[pos:w.end()], pos) if c == ","]):
        part = words.match(low, pos, cut)
        if part is not None and part.end() == cut and numwords.parse_cardinal(part.group()) is not None:
            return part
    return w


_TOKEN_CHARS = LATIN | frozenset(".'’-")


def _token_before(seg: str, lo: int, start: int) -> tuple[int, str] | None:
    """The token (a letter, then letters, dots, apostrophes and hyphens) that spaces or tabs
    after it end at ``start``, within ``seg[lo:start]``, with its start
    (tests/extract/test_word_before.py: what the regex it replaces finds in that window)."""
    k, j = _run_before(seg, lo, start, " \t", _TOKEN_CHARS)
    while k < j and seg[k] not in LATIN:       # its first letter: no letter before it in the run
        k += 1
    return (k, seg[k:j]) if k < j else None


def _named(seg: str, start: int) -> bool:
    """A number that belongs to a name: No. 1, Boeing 737, Article 3, Beijing 2022 (a capitalised
    word that does not open its sentence, right before the number)."""
    found = _token_before(seg, max(0, start - 30), start)
    if found is None:
        return False
    k, word = found
    low = word.lower()
    if low in _patterns().names_before:
        return True
    if word[0].islower() and word[1:2].isupper() and word[2:].isalpha():
        return True                                   # iPhone 13, iPad 9, eBay 2: a brand's model
    if not word[0].isupper() or low in _NOT_NAMES or low.rstrip(".") in _MONTHS_LOWER \
            or low in subject_phrase.stop_words():          # title case: "Through the Year 2035"
        return False
    while k > 0 and seg[k - 1].isspace():       # (the last character before it that is no space: as
                                                # seg[:k].rstrip()[-1], without copying the paragraph)
        k -= 1
    return k > 0 and seg[k - 1] not in ".!?:;\"“‘'(—–-"


# capitalised words that stand before numbers without naming them
_NOT_NAMES = frozenset({"in", "on", "at", "by", "since", "from", "until", "about", "around", "over", "some",
                        "nearly", "almost", "and", "or", "of", "to", "for", "with", "the", "a", "an", "than",
                        "year", "years", "fiscal", "fy", "top", "total", "all", "only", "just", "another",
                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


class _WordNumber:
    """A number in words and what follows it, read like one match of the main pattern."""

    __slots__ = ("head", "tail", "groups")

    def __init__(self, head: re.Match, tail: re.Match):
        self.head, self.tail = head, tail
        self.groups = tail.groupdict()           # (read once: the claim asks for them many times)

    def group(self, name: str | None = None):
        if name is None:
            return self.head.string[self.head.start():self.tail.end()]
        if name == "e_w":
            return self.head.group()
        return self.groups.get(name)

    def start(self, name: str | None = None) -> int:
        return self.head.start() if name in (None, "e_w") else self.tail.start(name)

    def end(self, name: str | None = None) -> int:
        if name is None:
            return self.tail.end()
        return self.head.end() if name == "e_w" else self.tail.end(name)


def _claim(low: str, seg: str, m, pre: re.Match | None) -> RawClaim | None:
    if isinstance(m, _WordNumber) or m.group("e_ar") is not None:
        # the most common match, a number, is none of the forms below (each is an alternative of
        # the pattern of its own): straight to it
        return _number_claim(low, seg, m, pre)
    if m.group("e_monthonly") is not None:
        # a month alone is a date only where a preposition says so: "as of June", "in March"
        if not seg[m.start()].isupper() or _prev_word(low, m.start()) not in _BEFORE_MONTH:
            return None
        return make(m.start(), m.end(), Stated(m=_month(m.group("e_monthonly"))))
    if m.group("e_month") is not None or m.group("e_month0") is not None or m.group("e_mr1") is not None \
            or m.group("e_monthy") is not None or m.group("e_iso") is not None:
        month = m.group("e_month") or m.group("e_month0") or m.group("e_mr1") or m.group("e_monthy")
        if month is not None and not seg[m.start(_month_group(m))].isupper():
            return None                                   # "may 5" is not May 5
        return _date(m)
    if m.group("decade") is not None:                     # the 1990s; the 1960s and 1970s (六七十年代)
        y = int(m.group("decade"))
        if m.group("decade2") is not None and int(m.group("decade2")) == y + 10:
            return make(m.start(), m.end(), Stated(y, is_range=True, y2=y + 19), flags=("decade",))
        if y % 100 == 0 and y <= 1900 and m.group("decade2") is None:
            # the 1800s is the century 1800–1899 (19世纪), not its first decade; the 2000s is a decade
            return make(m.start(), m.end("decade") + 1, Stated(y, is_range=True, y2=y + 99), flags=("decade", "century"))
        return make(m.start(), m.end("decade") + 1, Stated(y, is_range=True, y2=y + 9), flags=("decade",))
    if m.group("wd1") is not None or m.group("rel") is not None or m.group("yr1") is not None:
        return _time_words(low, seg, m)
    if m.group("o_dig") is not None:
        n = numwords.parse_ordinal(m.group("o_dig"))
        if n is None or is_name_context(low, m.start(), m.end("o_dig")):
            return None                                   # "0nd", "2th": no ordinal
        day = _day_of_month(low, m.start(), m.end("o_dig"), n)
        if day is not None:
            return make(m.start(), day, Stated(d=n))
        return _ordinal_claim(low, m.start(), m.end(), n)
    if m.group("v_word") is not None:
        a = vocabulary().approx["en"]["vague"][_SPACES.sub(" ", m.group("v_word")) + " of"]
        sc = _VAGUE_SCALE.match(low, m.end())
        if sc is not None and sc.group("s") != "dozen":
            # hundreds of billions (of dollars): the vague count times the scale, of what follows
            k = numwords.parse_cardinal("1 " + sc.group("s"))
            value = vague(Decimal(1), a)
            value = Interval(None, value.low * k if value.low is not None else None,
                             value.high * k if value.high is not None else None)
            cur = _patterns().cur_after.match(low, sc.end())
            if cur is not None:
                unit = _patterns().currency_after.get(_SPACES.sub(" ", cur.group().strip()))
                return RawClaim(m.start(), cur.end(), "money", value, unit=unit, qualifier=a.qualifier)
            return _counted(low, RawClaim(m.start(), sc.end(), "count", value, qualifier=a.qualifier))
        return _counted(low, RawClaim(m.start(), m.end(), "count", vague(Decimal(1), a), qualifier=a.qualifier))
    if m.group("vn_word") is not None:
        return _vague_noun(low, m)
    if m.group("wr") is not None:                         # once or twice: 1 to 2 times
        lo, hi = _patterns().word_ranges[_SPACES.sub(" ", m.group("wr"))]
        return _counts(RawClaim(m.start(), m.end(), "count", Interval(None, Decimal(lo), Decimal(hi)),
                                qualifier="range"), "time")
    return _number_claim(low, seg, m, pre)


def _number_claim(low: str, seg: str, m, pre: re.Match | None) -> RawClaim | None:
    """A number in digits or words, unless it is part of a longer number, a label, a name or a phone number."""
    ar = None if isinstance(m, _WordNumber) else m.group("e_ar")       # (None: a number in words)
    start, end = m.start(), m.end()
    if ar is not None and _PART.match(low, m.end("e_ar2") if m.group("e_ar2") is not None else m.end("e_ar")):
        return None                             # 1,2345 or 3.5.6: a number not read whole gives no claim
    if pre is None and _prev_word(low, start) in _patterns().label_nouns and not _counts_a_noun(low, end):
        # Article 17, Phase two: 第十七条, 第二阶段 (not "Edition 3 volumes")
        if isinstance(m, _WordNumber):
            n = numwords.parse_cardinal(m.group("e_w"))
            if n is not None and n == int(n) and end == m.end("e_w"):
                return _ordinal_claim(low, start, end, int(n))
        elif ar is not None and end == m.end("e_ar") and ar.isdigit():
            return _ordinal_claim(low, start, end, int(ar))
    if ar is not None and not (pre is not None and pre.group("cur")) \
            and _named(seg, start) and not _TIMES_AFTER.match(low, end):
        return None                             # (won the Editors' Choice Award 34 times: a count)
    if ar is not None and end == m.end("e_ar") and len(ar) >= 3 and ar.isdigit() \
            and _prev_word(low, start) in _patterns().phone_verbs and not _counts_a_noun(low, end):
        return None                             # call 101, dial 999: a phone number
    return _number(low, m, pre, seg)


def _vague_noun(low: str, m: re.Match) -> RawClaim | None:
    """"several shops", "a few days", "the last few weeks": 2 to 9 of the plural noun (or time unit)
    after the word; with no such noun ("several of them") no claim."""
    pat = _patterns()
    word = m.group("vn_word")
    a = vocabulary().approx["en"]["vague_before_noun"][word]
    start, end = m.start(), m.end("vn_word")
    if word == "few":
        before = _WORD_BEFORE.search(low, max(0, start - 8), start)
        if before is None or before.group(1) not in pat.few_after:
            return None
        if before.group(1) == "a":
            start = before.start(1)
    scale = _VAGUE_SCALE.match(low, end)
    if scale is not None:                       # several hundred people: 200 to 900 of them
        if scale.group("of") or pat.cur_after.match(low, scale.end()):
            return None                         # (several hundreds of people: "hundreds of" says it;
                                                # several million dollars: left unread)
        end = scale.end()
    value = vague(numwords.parse_cardinal("1 " + scale.group("s")) if scale else Decimal(1), a)
    flags = () if scale else _VAGUE_WORD        # (several hundred is a figure a translation keeps)
    t = pat.time_after.match(low, end)
    if t is not None:
        return RawClaim(start, t.end(), "duration", value, unit=vocabulary().time_units["en"][t.group("tu")],
                        qualifier=a.qualifier, flags=flags)
    subject, plural = subject_phrase.en_phrase(low, end)
    if subject is None or not (plural or scale):
        return RawClaim(start, end, "number", value, qualifier=a.qualifier, flags=flags) if scale else None
    return _counts(RawClaim(start, end, "count", value, qualifier=a.qualifier, flags=flags), subject)


# (a translation may fairly add or drop "a few", "several": checker/engine/translation.py, _minor)
_VAGUE_WORD = ("vague_word",)


_VAGUE_SCALE = re.compile(rf"[ \t]+(?P<s>{SCALE_WORDS}|dozen)s?\b(?P<of>[ \t]+of\b)?")   # (a few dozens)


def _month_group(m: re.Match) -> str:
    return next(g for g in ("e_month", "e_month0", "e_mr1", "e_monthy") if m.group(g) is not None)


_BEFORE_MONTH = frozenset({"in", "of", "since", "by", "until", "till", "from", "during", "early", "late", "mid",
                           "last", "this", "next", "before", "after", "since", "through", "to"})
# after these a four-digit number is a year even when a plural noun follows ("in 2021 sales rose")
_BEFORE_YEAR = frozenset({"in", "since", "by", "from", "until", "till", "during", "before",
                          "after", "year", "early", "late", "mid", "between", "through", "around", "circa"})
_NOT_ONE_BEFORE = frozenset({"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"})
# "one" after a determiner and its adjectives stands for a noun said before (a new one, the first
# one, a second hand one, a pan-Northeast one); words of a phrase that counts ("a rate of one")
# are not adjectives
_ONE_PRONOUN = re.compile(r"(?<![a-z])(?:a|an|the|this|that|every|each|any|which|its|their|his|her|our|my|your)"
                          r"(?:\s+(?!(?:of|for|to|in|at|with|by|from|than|as|per|and|or|only|just|about|around"
                          r"|nearly|almost|over|under|past|after|before|since|until|till|like)\b)[a-z][a-z'’-]*){1,3}\s+\Z")
_OR_TWO = re.compile(r"[ \t]+or[ \t]+two\b")         # "one or two": a range (_shared_ranges)
_NOT_ONE_AFTER = frozenset({"of", "another", "by", "day", "hand", "side", "way", "such", "or"})


_FIRST_WORD = re.compile(r"\W*([A-Za-z]+)")


def _prev_word(text: str, pos: int) -> str:
    """The last word of A-Z, a-z in the 20 characters before ``pos``, lower-cased, if only
    characters that are no word's follow it (no letter, digit or underscore); "" for none. Read
    backwards from ``pos``, as tests/extract/test_word_before.py checks against the regex it
    replaces."""
    lo = max(0, pos - 20)
    j = pos
    while j > lo and not (text[j - 1].isalnum() or text[j - 1] == "_"):     # (\w: a letter, digit or _)
        j -= 1
    k = j
    while k > lo and text[k - 1] in LATIN:
        k -= 1
    return text[k:j].lower() if k < j else ""


def _next_word(text: str, pos: int) -> str:
    m = _FIRST_WORD.match(text[pos:pos + 20])
    return m.group(1).lower() if m else ""


def _number(text: str, m, pre: re.Match | None, seg: str | None = None) -> RawClaim | None:
    """A number expression, with its sign: "minus 12 degrees", "-$3.5 million", "−2.3%" (a hyphen
    between two numbers is a range, and one glued to a word or a number is no sign)."""
    claim = _number_body(text, m, pre, seg)
    if claim is None or claim.kind not in _SIGNED or claim.qualifier == "range":
        return claim
    at = pre.start("cur") if pre is not None and pre.group("cur") else m.start()
    pat = _patterns()
    # (the sign's pattern ends in a minus sign or in a minus word and a space: most numbers
    # have neither before them, and are spared the search)
    sign = pat.minus_before.search(text, max(0, at - 8), at) if at > 0 and (
        text[at - 1] in "-\u2212" or text[at - 1] in " \t" and holds(text[max(0, at - 8):at], pat.minus_words)) \
        else None
    if sign is None:
        return claim
    k = sign.start()
    if text[k] in "-\u2212":
        j = k - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and j < k - 1 and text[j].isdigit():            # "3 -5": a score or a range, not a sign
            return claim
    v = claim.value
    claim.value = Interval(-v.nominal if v.nominal is not None else None,
                           -v.high if v.high is not None else None, -v.low if v.low is not None else None)
    claim.start = min(claim.start, k)
    return claim


_SIGNED = frozenset({"number", "count", "quantity", "money", "percent"})
# a number that opens a paragraph or line with "." or ")" and then a word: an item of a list
# (九、 and (九) are not read on the Chinese side either)
_LIST_MARKER = re.compile(r"\(?\d{1,2}[.)][ \t]+(?=[a-z(\"“])")
_BARE_DOLLAR = ("bare_dollar",)     # "$8.96 billion": a dollar, whose the text leaves to its context


def _number_body(text: str, m, pre: re.Match | None, seg: str | None = None) -> RawClaim | None:
    """A number expression; ``pre`` holds the approximation and currency sign before it."""
    v = vocabulary()
    ap = v.approx["en"]
    start = m.start()
    word = _SPACES.sub(" ", pre.group("approx")) if pre is not None and pre.group("approx") else None
    approx = ap["before"][word] if word else None
    cur_before = pre.group("cur") if pre is not None else None
    if word == "over" and m.group("e_time") and not _over_is_more(text.lower(), pre.start("approx"), _patterns()):
        # "trained 900 officers over five years": over a span of time means during it
        approx = None
    if word == "over" and _patterns().over_compared.search(text, max(0, pre.start("approx") - 20), pre.start("approx")):
        approx = None                   # "up 12% over 2021", "six times over S$1.89 billion": compared with
    if pre is not None:
        start = pre.start("approx") if approx else pre.start("cur") if cur_before else start
    words = isinstance(m, _WordNumber)
    ar, w = (None, m.group("e_w")) if words else (m.group("e_ar"), None)
    num_end = m.end("e_ar") if ar else m.end("e_w")
    if m.group("e_scale"):
        num_end = m.end("e_scale")
    if _patterns().names.match(text, num_end):
        return None
    h = _patterns().hyphen_count.match(text, num_end) if text[num_end:num_end + 1] in "-\u2010\u2011" else None
    n = numwords.parse_cardinal(w) if words else parse_arabic(ar.replace(" ", "")) if ar and not m.group("e_scale") \
        else None
    if h is not None and n is not None and not (m.group("e_unit") or m.group("e_time") or m.group("e_ar2")):
        if n != int(n) or (not words and is_name_context(text, m.start("e_ar"), num_end)):
            return None                 # three-party agreement, a 15-storey building: counts of the noun
        noun = h.group("hn")
        return RawClaim(start, h.end(), "count", interval(n, approx), unit=_patterns().hyphen_counts[noun],
                        qualifier=approx.qualifier if approx else None, subject=noun)
    r = _RATIO.match(text, num_end) if n is not None and m.end() == num_end and not cur_before else None
    if r is not None:                   # one in ten (adults): a share, 10 %
        den = parse_arabic(r.group("den")) if r.group("den")[0].isdigit() else numwords.parse_cardinal(r.group("den"))
        if den is not None and den == int(den) and 1 <= n < den <= 1000 and n == int(n) \
                and not _patterns().tail.match(text, r.end()).group():
            share = Decimal(100) * n / den
            value = interval(share, approx) if approx is not None or share == int(share) else _rounded_share(share)
            return RawClaim(start, r.end(), "percent", value, unit="%", qualifier=approx.qualifier if approx else None)

    if ar is not None:
        if is_name_context(text, m.start("e_ar"), num_end) and not (
                m.group("e_unit") or m.group("e_time") or m.group("e_scale") or cur_before
                or m.group("e_dsec")
                or _PERIOD.search(text, max(0, start - 6), start)):       # mid-2020 is a year
            return None
        spaced = " " in ar
        ar = ar.replace(" ", "")
        base = n if not m.group("e_scale") else parse_arabic(ar)     # (n: this number, read above)
        p = m.start("e_ar")
        dot = p > 0 and text[p - 1] == "." and (p == 1 or not (text[p - 2].isalnum() or text[p - 2] in ".,"))
        if dot:                                     # ".08 percent" is 0.08 (never 8)
            if not ar.isdigit() or m.group("e_ar2") is not None:
                return None
            base, ar = Decimal("0." + ar), "0." + ar
            start = min(start, p - 1)
        scale = (m.group("e_scale") or "").strip(" -\t").lower()
        if scale in _ABBREVIATED:
            pat = _patterns()
            if cur_before or scale in pat.scale_always:
                scale = _ABBREVIATED[scale]
            elif scale in pat.scale_plural and seg is not None and (scale != "m" or seg[m.end("e_scale") - 1] == "M") \
                    and not m.group("e_unit") and not m.group("e_time") and _plural_after(text, m.end("e_scale")) \
                    and _next_word(text, m.end("e_scale")) not in pat.scale_not_before:
                scale = pat.scale_plural[scale]     # 10k followers, 2.5M users (not 300m, a 5k race)
            else:
                return None                 # 300m is metres, 5k a race
        if m.group("e_ar2") is not None:             # 300-400 people, $1-2 billion
            lo, hi = parse_arabic(ar), parse_arabic(m.group("e_ar2"))
            if scale and lo is not None and hi is not None:
                k = numwords.parse_cardinal("1 " + scale)
                lo, hi = (None, None) if k is None else (lo * k, hi * k)
            return _range(text, m, start, lo, hi, cur_before)
        if scale:
            base = numwords.parse_cardinal(ar.replace("，", ",") + " " + scale)
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
            if _prev_word(text, m.start("e_w")) in _NOT_ONE_BEFORE or (
                    _next_word(text, num_end) in _NOT_ONE_AFTER and not _OR_TWO.match(text, num_end)):
                return None
            if word is None and _next_word(text, num_end) not in ("in", "out") \
                    and _ONE_PRONOUN.search(text, max(0, m.start("e_w") - 40), m.start("e_w")):
                return None                 # "the first one", "a new one", "the most dangerous one": a pronoun
    if base is None:
        return None
    if m.group("e_super"):                      # "2-largest" is not English; only ordinals take it
        return None

    value = interval(base, approx)
    qualifier = approx.qualifier if approx else None
    post = m.group("e_post")
    if post:
        a = ap["after_number"].get(_SPACES.sub(" ", post.strip()))
        if a is not None:
            value, qualifier = interval(base, a), a.qualifier

    if m.group("e_pp") is not None:
        return RawClaim(start, m.end(), "percent", value, unit="percentage_point", qualifier=qualifier)
    if m.group("e_pct") is not None:
        return RawClaim(start, m.end(), "percent", value, unit="%", qualifier=qualifier)
    if m.group("e_dsec") is not None:               # 2.9s
        return RawClaim(start, m.end(), "duration", value, unit=_patterns().dsec[m.group("e_dsec")],
                        qualifier=qualifier)
    cur = cur_before or _currency_after(m)
    if cur:
        table = _patterns().currency_before if cur_before else _patterns().currency_after
        return RawClaim(start, m.end(), "money", value, unit=table.get(cur), qualifier=qualifier,
                        flags=_BARE_DOLLAR if cur.lower() in v.bare_dollars else ())
    if m.group("e_unit") is not None:
        unit_word = _SPACES.sub(" ", m.group("e_unit").strip(" -\t"))
        end = m.end()
        if not post and (after := _patterns().post_unit.match(text, end)) is not None:
            a = ap["after_number"][_SPACES.sub(" ", after.group("w"))]     # "165 cm or more"
            value, qualifier, end = interval(base, a), a.qualifier, after.end()
        return _counted(text, RawClaim(start, end, "quantity", value,
                                       unit=canonical(_units_lower()[unit_word]), qualifier=qualifier))
    if m.group("e_time") is not None:
        time_word = m.group("e_time").strip(" -\t").split()[-1]
        unit = v.time_units["en"][time_word]
        ago = _AGO.match(text, m.end())
        if ago and value.is_exact and unit in ("year", "month", "week", "day"):     # 15 years ago
            return make(start, ago.end(), Stated(ago=(unit, int(value.nominal))), flags=("relative",))
        return RawClaim(start, m.end(), "duration", value, unit=unit, qualifier=qualifier)
    if ar is not None and value.is_exact and not m.group("e_scale") and "," not in ar and "." not in ar \
            and not spaced \
            and len(ar) == 4 and 1000 <= base <= 2199 and approx is None \
            and (_prev_word(text, start) in _BEFORE_YEAR or not _counts_a_noun(text, m.end())):
        if _prev_word(text, start) == "since":               # since 2000: from then to the document date
            return make(text.rfind("since", 0, start), m.end(), Stated(int(base), since=True), flags=("since",))
        return RawClaim(start, m.end(), "year", Interval.exact(base))
    return _counted(text, RawClaim(start, m.end(), "number", value, qualifier=qualifier))


def _currency_after(m) -> str:
    """The currency word after the number ("" for none), its spaces made one."""
    word = m.group("e_cur2")
    return _SPACES.sub(" ", word.strip()) if word else ""


@lru_cache(maxsize=1)
def _units_lower() -> dict[str, str]:
    return {k.lower(): e for k, e in vocabulary().units["en"].items()}


_PERIOD = re.compile(r"(?:mid|early|late)-\Z")
_LIST_AFTER = re.compile(r"[-–]\d")
_LIST_BEFORE = re.compile(r"\d[-–]\Z")


def _range(text: str, m, start: int, lo: Decimal | None, hi: Decimal | None,
           cur_before: str | None = None) -> RawClaim | None:
    """A range of counts or quantities; without a unit or a counted noun it is not a claim."""
    if lo is None or hi is None or hi <= lo or _LIST_AFTER.match(text, m.end()) \
            or _LIST_BEFORE.search(text, max(0, start - 4), start):
        return None                     # 3-4-5-6: a list of numbers, not a range
    value = Interval(None, lo, hi)
    if m.group("e_pp") is not None:
        return RawClaim(start, m.end(), "percent", value, unit="percentage_point", qualifier="range")
    cur = cur_before or _currency_after(m)
    if cur:
        table = _patterns().currency_before if cur_before else _patterns().currency_after
        return RawClaim(start, m.end(), "money", value, unit=table.get(cur), qualifier="range",
                        flags=_BARE_DOLLAR if cur.lower() in vocabulary().bare_dollars else ())
    if m.group("e_pct") is not None:
        return RawClaim(start, m.end(), "percent", value, unit="%", qualifier="range")
    if m.group("e_unit") is not None:
        unit_word = _SPACES.sub(" ", m.group("e_unit").strip(" -\t"))
        return RawClaim(start, m.end(), "quantity", value, unit=canonical(_units_lower()[unit_word]), qualifier="range")
    if m.group("e_time") is not None:
        unit = vocabulary().time_units["en"][m.group("e_time").strip(" -\t").split()[-1]]
        return RawClaim(start, m.end(), "duration", value, unit=unit, qualifier="range")
    if _AGE_BEFORE.search(text, max(0, start - 24), start):
        return _age_range(start, m.end(), lo, hi)                         # from the ages of 16-29
    if not _counts_a_noun(text, m.end()):
        return None                     # the 16-29 bus, the 3-1 win: an ID or a score, not a count
    return _counted(text, RawClaim(start, m.end(), "number", value, qualifier="range"))


def _plural_after(text: str, pos: int) -> bool:
    subject, plural = subject_phrase.en_phrase(text, pos)
    return subject is not None and plural


def _counts_a_noun(text: str, pos: int) -> bool:
    """Whether a noun phrase counted by the number follows: '2035 officers' is not a year."""
    subject, plural = subject_phrase.en_phrase(text, pos)
    return subject is not None and (plural or subject.split()[-1] in vocabulary().count_nouns_en)


def _counted(text: str, claim: RawClaim) -> RawClaim:
    """A number followed by a noun phrase counts it: give the claim its subject (and unit)."""
    subject = subject_phrase.en_subject(text, claim.end)
    if subject is None:
        return claim
    return _counts(claim, subject)


def _counts(claim: RawClaim, subject: str) -> RawClaim:
    claim.subject = subject
    if claim.kind in ("number", "count"):
        claim.kind = "count"
        claim.unit = vocabulary().count_nouns_en.get(subject) or vocabulary().count_nouns_en.get(
            subject.split()[-1])
    return claim


def _ordinal(text: str, m, n: int) -> RawClaim | None:
    w = m.group("e_w")
    # "First," opening a sentence is a discourse marker, and "the first ten months" a span
    if w.lower() == "first" and (text[m.end("e_w"):m.end("e_w") + 1] == "," or _FIRST_SPAN.match(text, m.end("e_w"))
                                 or _FIRST_OF_ALL.match(text, m.end("e_w"))):
        return None
    idiom = _IDIOM_AFTER.match(text, m.end("e_w"))
    if idiom is not None and idiom.group(1) in _patterns().ordinal_idioms:
        return None                     # first-hand, a second hand racket, second thoughts, first aid
    if w.lower() == "first" and _first_adverb(text, m.start("e_w"), idiom.group(1) if idiom else ""):
        return None                     # was first agreed, at first, First there was
    end = m.end("e_super") if m.group("e_super") else m.end("e_w")
    return _ordinal_claim(text, m.start("e_w"), end, n)


def _first_adverb(text: str, start: int, after: str) -> bool:
    pat = _patterns()
    before = _prev_word(text, start)
    if before == "at" or before in pat.first_after or (before in pat.first_aux and after.endswith("ed")):
        return True
    opening = text[:start].rstrip()
    return (not opening or opening[-1] in ".!?:;\"“") and after in pat.first_pronouns


_IDIOM_AFTER = re.compile(r"(?:[ \t]+|[-\u2010\u2011])([a-z]+)")


# "on the 11th", "the afternoon of the 20th.", "(10th and 11th)": a day of the month written alone,
# as 11日 and 20号 are: a preposition of time comes before it (not "was the 10th in a series", "ranked
# the 2nd,"), and after it no noun it ranks (the 20th National Congress, the 11th batch) but a stop,
# a clause or "of this month"
_THE_BEFORE = re.compile(r"(?:\bon\s+(?:the\s+)?|\b(?:of|from|since|by|until|till|to|before|after|between|and|through)\s+the\s+"
                         r"|[(（]\s*(?:the\s+)?|\d(?:st|nd|rd|th)\s*(?:,|and|to|through|-|–)\s*)\Z")
_DAY_AFTER = re.compile(
    r"\s*(?:[,.;:)!?\u201d\"]|\Z)|\s+(?:day\s+)?of\s+(?:this|last|next|that|the)\s+month\b"
    r"|\s+(?:at|in|and|when|that|to|until|till|after|before|from|local|this|last|next|morning|afternoon|evening|night)\b")
_LINKED_ORDINAL = re.compile(r"\s*(?:and|to|through|until|till|-|–|,)\s*(?:the\s+)?\d+(?:st|nd|rd|th)\b")
_OF_MONTH = re.compile(r"\s+(?:day\s+)?of\s+(?:this|the)\s+month\b")


def _day_of_month(text: str, start: int, end: int, n: int | None) -> int | None:
    """Where a day of the month written as an ordinal ends (None: it is no day of the month)."""
    if n is None or not 1 <= n <= 31 or not _THE_BEFORE.search(text, max(0, start - 16), start):
        return None
    linked = _LINKED_ORDINAL.match(text, end)
    if linked is not None:                # "from the 3rd to the 9th round": read as the last one is
        after = _DAY_AFTER.match(text, linked.end()) if _LINKED_ORDINAL.match(text, linked.end()) is None else None
    else:
        after = _DAY_AFTER.match(text, end)
    if after is None or _ANNIVERSARY.match(text, end):
        return None
    of = _OF_MONTH.match(text, end)
    return of.end() if of else end


# ("the first week of December" is a rank, 第一周; "the first ten months" a span)
_FIRST_SPAN = re.compile(r"\s+(?:[a-z0-9-]+\s+(?:years?|months?|weeks?|days?|quarters?|half)|quarters?|half)\b")
_FIRST_OF_ALL = re.compile(r"\s+of\s+all\b")      # "first of all": a discourse marker, as "First," is
_AGO = re.compile(r"\s+ago\b")
_ANNIVERSARY = re.compile(r"\s+anniversary\b")
_CENTURY = re.compile(r"[ \t-]+century\b(?![ \t]+(?:bc|b\.c\.|bce)\b)")
_CENTURY_RANGE = re.compile(r"[ \t]*(?:-|\u2013|to|and)[ \t]*(?:the[ \t]+)?(\d{1,2})(?:st|nd|rd|th)[ \t-]+centur(?:y|ies)\b"
                            r"(?![ \t]+(?:bc|b\.c\.|bce)\b)")


def _ordinal_claim(text: str, start: int, end: int, n: int) -> RawClaim:
    """An ordinal; "the 50th anniversary" is fifty years, as 50周年 is; "the 17th century" the years
    1601 to 1700 (flagged as a decade is: a span of years, not a date's year)."""
    c = _CENTURY_RANGE.match(text, end)
    if c is not None and 1 <= n < int(c.group(1)) <= 21:     # the 17th-18th century: 1601–1800
        return make(start, c.end(), Stated((n - 1) * 100 + 1, is_range=True, y2=int(c.group(1)) * 100),
                    flags=("decade", "century"))
    c = _CENTURY.match(text, end)
    if c is not None and 1 <= n <= 21:
        return make(start, c.end(), Stated((n - 1) * 100 + 1, is_range=True, y2=n * 100), flags=("decade", "century"))
    a = _ANNIVERSARY.match(text, end)
    if a:
        return RawClaim(start, a.end(), "duration", Interval.exact(Decimal(n)), unit="year", flags=("anniversary",))
    return RawClaim(start, end, "ordinal", Interval.exact(Decimal(n)))


_WEEK_WORDS = {"last": -1, "past": -1, "this": 0, "coming": 0, "next": 1}
_WEEK_BEFORE = re.compile(r"\b(last|past|this|coming|next)\s+\Z")


def _time_words(low: str, seg: str, m: re.Match) -> RawClaim | None:
    if m.group("wd1") is not None:
        if not seg[m.start()].isupper():
            return None
        wd2 = m.group("wd2")
        week = _WEEK_BEFORE.search(low, max(0, m.start() - 10), m.start())
        if week is not None and wd2 is None:      # last Saturday, next Thursday: 上周六, 下周四
            return make(week.start(), m.end(), Stated(rel=("week", _WEEK_WORDS[week.group(1)]),
                                                      weekday=WEEKDAYS[m.group("wd1")]), flags=("relative", "weekday"))
        return make(m.start(), m.end(), Stated(weekday=WEEKDAYS[m.group("wd1")],
                                              weekday2=WEEKDAYS[wd2] if wd2 else None), flags=("weekday",))
    if m.group("rel") is not None:
        return make(m.start(), m.end(), Stated(rel=RELATIVE[m.group("rel")]), flags=("relative",))
    y1, y2 = int(m.group("yr1")), int(m.group("yr2"))
    if y2 <= y1:
        return None
    return make(m.start(), m.end(), Stated(y1, is_range=True, y2=y2))


def _date(m: re.Match) -> RawClaim:
    if m.group("e_iso") is not None:
        return make_date(m.start(), m.end(), int(m.group("e_iso")), int(m.group("e_isom")), int(m.group("e_isod")))
    if m.group("e_mr1") is not None:
        y = int(m.group("e_mry")) if m.group("e_mry") else None
        d2 = int(m.group("e_mrd2")) if m.group("e_mrd2") else None
        return make_date(m.start(), m.end(), y, _month(m.group("e_mr1")), None, m2=_month(m.group("e_mr2")), d2=d2)
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


_TIMES_AFTER = re.compile(r"[ \t]+times\b(?![ \t]+(?:as|more|higher|larger|bigger|greater)\b)")
_MONTHS_LOWER = {k.lower(): v for k, v in MONTHS.items()}


def _month(word: str) -> int:
    return _MONTHS_LOWER[word.rstrip(".").lower()]
