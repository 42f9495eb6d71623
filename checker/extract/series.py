"""Running totals. A figure whose clause says it has been adding up (累计, 已, 22年来, "so far",
"have contributed") is flagged ``cumulative``: the archive then expects it never to fall.

Chinese cues count in the figure's clause, before it; a span up to now (22年来, 2000年以来) or a
cue that stands as a clause of its own (迄今，) opens a sentence and covers the rest of it.
English cues count anywhere in the sentence, the present perfect only before the figure.
The cues are data in rules/series.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from checker.vocab import alternation, vocabulary

# a running total is a count or an amount; a share, a rank or a span of time is not
KINDS = frozenset({"count", "quantity", "money", "number"})

_CLAUSE_END = re.compile(r"[，,。；;！？!?\n\r\u2028\u2029]")
_ZH_SENTENCE_END = re.compile(r"[。；;！？!?\n\r\u2028\u2029]")
_EN_SENTENCE_END = re.compile(r"[;!?\n\r\u2028\u2029]|\.(?=\s|$)")
# a count of years, not a year itself: 22年来 but not 2021年来华 (came to China in 2021)
_COUNT = r"(?:(?<![0-9])[0-9]{1,3}|[一二两三四五六七八九十百千]+)"
_EN_NUMBER = r"(?:[0-9]+|[a-z]+(?:-[a-z]+)?)"


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
    en_anywhere = re.compile(
        rf"\b(?:{alternation(en['phrases'])})\b"
        rf"|\b(?:{alternation(en['since'])})\s+(?:[a-z'’-]+\s+){{0,4}}?(?:1[89]|20)\d\d\b"
        rf"|\b(?:{alternation(en['past'])})\s+(?:{_EN_NUMBER}\s+)?(?:years|decades|decade)\b", re.I)
    en_perfect = re.compile(
        rf"\b(?:has|have|'ve|’ve)\s+(?:[a-z]+ly\s+|also\s+|already\s+|now\s+|jointly\s+|together\s+){{0,2}}"
        rf"(?:been\s+)?(?!(?:{perfect_not})\b)(?:[a-z]+ed|{alternation(en['participles'])})\b", re.I)
    return not_cues, zh_before, zh_since, en_anywhere, en_perfect


def mark(t: str, raws) -> None:
    """Add ``cumulative`` to the flags of every running total among ``raws`` ((lang, paragraph,
    RawClaim) over the normalised text ``t``)."""
    figures = [(lang, r) for lang, _, r in raws if r.kind in KINDS]
    if not figures:
        return
    not_cues, zh_before, zh_since, en_anywhere, en_perfect = _patterns()
    clause_ends = [m.start() for m in _CLAUSE_END.finditer(t)]
    zh_ends = [m.start() for m in _ZH_SENTENCE_END.finditer(t)]
    en_ends = [m.start() for m in _EN_SENTENCE_END.finditer(t)]
    zh_cues = [(m.start(), m.end()) for m in zh_before.finditer(t) if m.group() not in not_cues]
    cue_starts = [s for s, _ in zh_cues]
    # spans of text a Chinese since-phrase or a stand-alone cue covers
    covered = _merge(_scope(t, e, clause_ends, zh_ends) for e in
                     sorted([m.end() for m in zh_since.finditer(t)] + [e for _, e in zh_cues if _alone(t, e)]))
    covered_starts = [a for a, _ in covered]
    english = any(lang == "en" for lang, _ in figures)
    en_any = [m.start() for m in en_anywhere.finditer(t)] if english else []
    en_perf = [m.start() for m in en_perfect.finditer(t)] if english else []
    for lang, r in figures:
        if lang == "zh":
            clause = _start(clause_ends, r.start)
            k = bisect_left(cue_starts, clause)
            hit = k < len(zh_cues) and zh_cues[k][1] <= r.start
            k = bisect_right(covered_starts, r.start) - 1
            hit = hit or (k >= 0 and r.start < covered[k][1])
        else:
            a, b = _start(en_ends, r.start), _end(en_ends, r.start, len(t))
            k = bisect_left(en_any, a)
            hit = k < len(en_any) and en_any[k] < b
            k = bisect_left(en_perf, a)
            hit = hit or (k < len(en_perf) and en_perf[k] < r.start)
        if hit and "cumulative" not in r.flags:
            r.flags += ("cumulative",)


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


def _scope(t: str, end: int, clause_ends: list[int], sentence_ends: list[int]) -> tuple[int, int]:
    start = _start(clause_ends, end)
    stop = _end(sentence_ends if _alone(t, end) else clause_ends, end, len(t))
    return start, stop
