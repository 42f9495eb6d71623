"""Running totals and present stocks. A figure whose clause says it has been adding up (累计, 已,
22年来, "so far", "have contributed") is flagged ``cumulative``: the archive then expects it never
to fall. One that says what there is now (目前, 现有, 正在, "currently", "there are now", "are
serving") is flagged ``current`` instead, unless it is cumulative (目前已有2600余名): the archive
never compares the two.

Chinese cues count in the figure's clause, before it (``current`` cues anywhere in it); a span up
to now (22年来, 2000年以来) or a cue that stands as a clause of its own (迄今，目前，) opens a
sentence and covers the clause after it, and the next ones only while they start close to the cue,
have no date of their own and do not open with a break word (其中, 今年; ``cover`` in
rules/series.yaml). English cues count anywhere in the sentence, the present perfect only before
the figure, the present progressive only after it. The cues are data in rules/series.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from checker.extract.raw import holds
from checker.vocab import alternation, vocabulary

# a running total is a count or an amount; a share, a rank or a span of time is not
KINDS = frozenset({"count", "quantity", "money", "number"})

_CLAUSE_END = re.compile(r"[，,。；;！？!?\n\r\u2028\u2029]")
_EN_ENDS = frozenset(";!?\n\r\u2028\u2029")             # with _FULL_STOP, as raw.SENTENCE_END
_FULL_STOP = re.compile(r"\.(?=\s|$)")
# a count of years, not a year itself: 22年来 but not 2021年来华 (came to China in 2021)
# (a numeral run is read from its start and at most six characters long: 二十二, 一百五十; unbounded,
# finditer would rescan a long run of numerals from each of its characters, quadratic in the run)
_COUNT = r"(?:(?<![0-9])[0-9]{1,3}|(?<![一二两三四五六七八九十百千])[一二两三四五六七八九十百千]{1,6})"
_EN_NUMBER = r"(?:[0-9]+|[a-z]+(?:-[a-z]+)?)"


def _initials(*words) -> str:
    """A lookahead for the first characters of ``words``: English cues are searched for at every
    word start of every sentence with a figure, and this one test rejects at once the many words
    no cue begins with, where the alternation would try each cue (three times faster). Under
    re.I the class takes every case of a letter, as the words themselves do."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for ws in words for w in ws})) + "])"


# Python's re.I matches these to an ASCII letter besides its two cases
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _needles(*phrase_lists) -> tuple[str, ...]:
    """A word of each phrase (its longest): a case-insensitive match of a pattern built of these
    phrases holds one of them, so a sentence whose folded lower case holds none has no match and
    is not scanned (a sentence is cheap to search for a few words, dear to scan at every word start)."""
    return tuple(sorted({max(w.lower().split(), key=len) for ws in phrase_lists for w in ws}))


@lru_cache(maxsize=1)
def _patterns():
    zh, en = (vocabulary().series.cumulative[lang] for lang in ("zh", "en"))
    not_cues = frozenset(zh["not"])
    # the words that hold a cue come first in the alternation, so a match tells which it is
    zh_before = re.compile(alternation((*zh["before"], *zh["not"])))
    spans = alternation(zh["spans"])
    zh_since = re.compile(rf"(?:{alternation(zh['since'])})"
                          rf"|(?:{_COUNT}多?|多|几|数|近)(?:{spans})多?来(?![华京沪])")
    perfect_not = alternation(en["not_perfect"])
    auxiliaries = ("has", "have", "'ve", "’ve")
    en_anywhere = re.compile(
        rf"\b{_initials(en['phrases'], en['since'], en['past'])}(?:(?:{alternation(en['phrases'])})\b"
        rf"|(?:{alternation(en['since'])})\s+(?:[a-z'’-]+\s+){{0,4}}?(?:1[89]|20)\d\d\b"
        rf"|(?:{alternation(en['past'])})\s+(?:{_EN_NUMBER}\s+)?(?:years|decades|decade)\b)", re.I)
    en_perfect = re.compile(
        rf"\b(?:{alternation(auxiliaries)})\s+(?:[a-z]+ly\s+|also\s+|already\s+|now\s+|jointly\s+|together\s+){{0,2}}"
        rf"(?:been\s+)?(?!(?:{perfect_not})\b)(?:[a-z]+ed|{alternation(en['participles'])})\b", re.I)
    return not_cues, zh_before, zh_since, en_anywhere, en_perfect, \
        (_needles(en["phrases"], en["since"], en["past"]), _needles(auxiliaries))


@lru_cache(maxsize=1)
def _current_patterns():
    series = vocabulary().series
    zh, en = series.current["zh"], series.current["en"]
    zh_now = re.compile(alternation((*zh["words"], *zh["not"])))
    en_now = re.compile(rf"\b{_initials(en['phrases'])}(?:{alternation(en['phrases'])})\b", re.I)
    en_progressive = re.compile(rf"\b{_initials(en['progressive'])}(?:{alternation(en['progressive'])})"
                                rf"\s+(?:[a-z]+ly\s+|now\s+|still\s+)?[a-z]{{2,}}ing\b", re.I)
    breaks = re.compile(rf"[ \t]*(?:{alternation(series.breaks)})")
    return frozenset(zh["not"]), zh_now, en_now, en_progressive, breaks, series.reach, \
        (_needles(en["phrases"]), _needles(en["progressive"]))


def scan_ends(t: str) -> tuple[list[int], list[int]]:
    """The clause ends of ``t`` and its full stops before a space (the sentence ends of either
    language are among them): one scan for each, shared with the other passes of placing."""
    return [m.start() for m in _CLAUSE_END.finditer(t)], [m.start() for m in _FULL_STOP.finditer(t)]


def mark(t: str, raws, ends: tuple[list[int], list[int]] | None = None) -> None:
    """Add ``cumulative`` to the flags of every running total among ``raws`` ((lang, paragraph,
    RawClaim) over the normalised text ``t``), and ``current`` to every other figure that states
    what there is now. ``ends``: :func:`scan_ends` of ``t``, if already found."""
    figures = [(lang, r) for lang, _, r in raws if r.kind in KINDS]
    if not figures:
        return
    # one scan of the text for all three kinds of ends: a Chinese sentence ends at a clause end
    # that is no comma, an English one at one of those or at a full stop before a space
    clause_ends, full_stops = scan_ends(t) if ends is None else ends
    zh_ends = [p for p in clause_ends if t[p] not in "，,"]
    en_ends = sorted([p for p in zh_ends if t[p] in _EN_ENDS] + full_stops)
    times = sorted(r.start for _, _, r in raws if r.kind in _TIME_KINDS)
    breaks, reach = _current_patterns()[4:6]
    cover = _Cover(t, clause_ends, zh_ends, times, breaks, reach)
    # Every cue a figure can take lies in its own sentence (no cue spans a sentence end), so the
    # cues are looked for only in the sentences that hold figures: most of a text is in sentences
    # without one, and scanning it all cost more than the rest of extraction's placing put
    # together. Figures come in text order, so the cues of the last sentence seen are kept.
    zh_at, en_at = None, None
    for lang, r in figures:
        if lang == "zh":
            a, b = _start(zh_ends, r.start), _end(zh_ends, r.end, len(t))
            if zh_at != (a, b):
                zh_at, zh = (a, b), _zh_cues(t, a, b, cover)
            c = zh
            clause = _start(clause_ends, r.start)
            k = bisect_left(c.starts, clause)
            hit = k < len(c.cues) and c.cues[k][1] <= r.start
            hit = hit or _inside(c.covered, c.covered_starts, r.start)
            if not hit:
                stop = _end(clause_ends, r.end, len(t))
                k = bisect_left(c.now_starts, clause)
                now = k < len(c.now) and c.now[k][0] < stop
                now = now or _inside(c.now_covered, c.now_covered_starts, r.start)
            ytd = _any_in(c.ytd, a, r.start)      # 今年以来, 1至11月 before it in its sentence
        else:
            a, b = _start(en_ends, r.start), _end(en_ends, r.start, len(t))
            if en_at != (a, b):
                en_at, en = (a, b), _en_cues(t, a, b)
            c = en
            hit = bool(c.anywhere) or _any_in(c.perfect, a, r.start)
            if not hit:
                now = bool(c.now) or _any_in(c.progressive, r.end, b)
            ytd = bool(c.ytd)                       # "so far this year" anywhere in its sentence
        if ytd:
            r.flags = tuple(f for f in r.flags if f not in ("cumulative", "current")) + ("year_to_date",)
        elif hit:
            if "cumulative" not in r.flags:
                r.flags += ("cumulative",)
        elif now and "current" not in r.flags:
            r.flags += ("current",)


class _ZhCues(NamedTuple):
    """The Chinese cues of one sentence: (start, end) of each cue word before a figure and of
    each word that states the present, with the spans that a since-phrase or a cue standing as
    a clause of its own covers (their starts apart, for bisection), and the starts of the
    year-to-date cues."""
    cues: list[tuple[int, int]]
    starts: list[int]
    covered: list[tuple[int, int]]
    covered_starts: list[int]
    now: list[tuple[int, int]]
    now_starts: list[int]
    now_covered: list[tuple[int, int]]
    now_covered_starts: list[int]
    ytd: list[int]


def _zh_cues(t: str, a: int, b: int, cover: _Cover) -> _ZhCues:
    not_cues, zh_before, zh_since = _patterns()[:3]
    now_not, zh_now = _current_patterns()[:2]
    since_needles, ytd_needles = _zh_needles()
    cues = [(m.start(), m.end()) for m in zh_before.finditer(t, a, b) if m.group() not in not_cues]
    opening = [m.end() for m in zh_since.finditer(t, a, b)] if _holds_in(t, a, b, since_needles) else []
    opening += [e for _, e in cues if _alone(t, e)]
    covered = _merge(cover(e) for e in sorted(opening)) if opening else []     # (most sentences: none)
    now = [(m.start(), m.end()) for m in zh_now.finditer(t, a, b) if m.group() not in now_not]
    now_covered = _merge(cover(e) for _, e in now if _alone(t, e)) if now else []
    ytd = [m.start() for m in _ytd_patterns()[0].finditer(t, a, b)] if _holds_in(t, a, b, ytd_needles) else []
    return _ZhCues(cues, [s for s, _ in cues], covered, [s for s, _ in covered],
                   now, [s for s, _ in now], now_covered, [s for s, _ in now_covered], ytd)


@lru_cache(maxsize=1)
def _zh_needles() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What every match of the since-pattern holds (a since word, or the 来 of 22年来) and of the
    year-to-date one (its word, or the 月 of 1至11月): a sentence with none is not scanned for them
    (their patterns open with no fixed character, and are tried at every one of a sentence's)."""
    return (*vocabulary().series.cumulative["zh"]["since"], "来"), (*vocabulary().series.year_to_date["zh"], "月")


def _holds_in(t: str, a: int, b: int, needles: tuple[str, ...]) -> bool:
    for n in needles:                   # (find within bounds: no slice of the sentence is built)
        if t.find(n, a, b) >= 0:
            return True
    return False


class _EnCues(NamedTuple):
    """The starts of the English cues of one sentence, by kind."""
    anywhere: list[int]         # so far, since 2000, over the past 22 years
    perfect: list[int]          # has sent (counts before the figure)
    now: list[int]              # currently
    progressive: list[int]      # are serving (counts after the figure)
    ytd: list[int]              # so far this year


def _en_cues(t: str, a: int, b: int) -> _EnCues:
    _, _, _, anywhere, perfect, needles = _patterns()
    now, progressive, _, _, current_needles = _current_patterns()[2:]
    ytd, ytd_needles = _ytd_patterns()[1:]
    low = t[a:b]
    low = (low if low.isascii() else low.translate(_FOLD)).lower()     # (translate is slow: rarely needed)
    return _EnCues(_starts(anywhere, t, a, b) if holds(low, needles[0]) else [],
                   _starts(perfect, t, a, b) if holds(low, needles[1]) else [],
                   _starts(now, t, a, b) if holds(low, current_needles[0]) else [],
                   _starts(progressive, t, a, b) if holds(low, current_needles[1]) else [],
                   _starts(ytd, t, a, b) if holds(low, ytd_needles) else [])


def _starts(pattern: re.Pattern, t: str, a: int, b: int) -> list[int]:
    return [m.start() for m in pattern.finditer(t, a, b)]


@lru_cache(maxsize=1)
def _ytd_patterns():
    ytd = vocabulary().series.year_to_date
    en = alternation(ytd["en"]).replace(r"\ ", r"\s+")
    marks = alternation(vocabulary().series.month_span_marks)
    months = rf"(?<![0-9第])1月?(?:{marks})[ \t]*(?:[2-9]|1[0-2])月"      # 1至11月: from January
    return (re.compile(f"{alternation(ytd['zh'])}|{months}"),
            re.compile(rf"\b{_initials(ytd['en'])}(?:{en})\b", re.I), _needles(ytd["en"]))


# a figure's clause that states a date or a year of its own is not covered by an opening cue
_TIME_KINDS = frozenset({"date", "date_range", "year"})


def _any_in(starts: list[int], a: int, b: int) -> bool:
    k = bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


class _Cover:
    """The span a Chinese cue ending at ``end`` speaks for: its own clause; for a cue that opens
    a sentence (十年来，迄今，) the clause after it too, and the next clauses of its sentence while
    each starts within ``reach`` characters of the cue, states no date of its own and does not
    open with a break word."""

    def __init__(self, t: str, clause_ends: list[int], sentence_ends: list[int], times: list[int],
                 breaks: re.Pattern, reach: int):
        self.t, self.clause_ends, self.sentence_ends = t, clause_ends, sentence_ends
        self.times, self.breaks, self.reach = times, breaks, reach

    def __call__(self, end: int) -> tuple[int, int]:
        t, ends = self.t, self.clause_ends
        start = _start(ends, end)
        stop = _end(ends, end, len(t))
        if not _alone(t, end):
            return start, stop
        last = _end(self.sentence_ends, end, len(t))
        stop = _end(ends, stop + 1, len(t))           # the clause the cue opens
        while stop < last:
            nxt = stop + 1
            stop_next = min(_end(ends, nxt, len(t)), last)
            if nxt - end > self.reach or self.breaks.match(t, nxt) or _any_in(self.times, nxt, stop_next):
                break
            stop = stop_next
        return start, min(stop, last)


def _merge(spans) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _start(ends: list[int], pos: int) -> int:
    """The start of the span (clause, sentence) holding ``pos``: just after the last end before it."""
    k = bisect_right(ends, pos - 1)
    return ends[k - 1] + 1 if k else 0


def _end(ends: list[int], pos: int, default: int) -> int:
    k = bisect_left(ends, pos)
    return ends[k] if k < len(ends) else default


def _alone(t: str, end: int) -> bool:
    """A cue that closes its clause (迄今，…) speaks for the sentence that follows."""
    rest = t[end:end + 3].lstrip(" \t")
    return rest[:1] in ("，", ",")
