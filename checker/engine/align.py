"""Pair the Chinese segments of a bitext with the English segments that translate them.

Gale–Church style dynamic programming over the two segment sequences (moves 1:1, 1:2, 2:1,
1:0, 0:1), scored by

* length: a translation's length is roughly proportional to its source's. Lengths are counted
  in "Han equivalents" (a Han character is 1, any other non-space character 1/3: English
  takes some 2.5–3.5 characters per Han character), and the expected target/source ratio is
  estimated from the bitext itself, so a consistently terse or verbose translation is not
  penalised. The deviation is Gaussian with a variance growing with length;
* anchors: claim values compared as numbers (4.2万 = 42,000, 2600余 = "more than 2,600",
  第五届 = "fifth"), days and date spans, and Latin tokens on both sides (COVID-19, G20). A
  shared anchor favours a pairing. An anchor on one side only weakly disfavours one, and never
  by more than ONE_SIDED_CAP: it may be the very drift the check is for (2455 → 2,600), so no
  number of drifts can make a pair dearer than leaving both paragraphs unpaired.

A pair's confidence says how sure the pairing of the paragraphs is: its length evidence, raised
by what both sides share when the lengths agree; never lowered by what they do not share — or
the more a translation got wrong, the softer its findings would be.

1:0 and 0:1 (a dropped or added paragraph) cost a fixed amount. The DP runs in a band around
the diagonal and widens it only when the best path touches its edge: time and memory
O(n · band), about a second for 10,000 segments.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import Decimal

from checker.bitext import Bitext, SegmentPair
from checker.model import Claim, DateValue, Interval
from checker.scripts import HAN

# Move costs: about -log of Gale & Church's priors (1:1 .89, 1:0 .0099; merges made dearer
# than their .089 since paragraphs merge less often than sentences).
# No 2:2: at paragraph level it is rarely right, and it lets a bad pair hide inside a good one.
MOVES = {(1, 1): 0.12, (1, 2): 3.0, (2, 1): 3.0, (1, 0): 4.6, (0, 1): 4.6}
VARIANCE = 2.5          # per Han equivalent: a 100-Han paragraph's translation varies by ~±20 %
VARIANCE_FLOOR = 9.0    # so that one-line segments are not judged by a few characters
SHARED_BONUS = 3.0      # per anchor found on both sides
ONE_SIDED = 1.0         # per anchor found on one side only (translations do drop and add some) ...
ONE_SIDED_CAP = 2.0     # ... but a pair never pays more: far below the two skips (1:0 + 0:1)
SHARED_DOUBT = 0.5      # each shared anchor halves what doubt the length leaves about a pair
MIN_BAND = 10
REWRITTEN = 0.25        # the share of unpaired text around a pair that makes it part of a rewrite
WINDOW = 3              # pairs on each side that tell whether a pair sits in a rewritten passage

_HAN = re.compile(f"[{HAN}]")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
_SPACE = re.compile(r"\s+")
# Pinyin that a traditional-Chinese conversion put after each character: 務(wù). Not text.
_PINYIN = re.compile(rf"\((?<=[{HAN}]\()[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,6}}\)")


def measure(text: str) -> float:
    """Length in Han equivalents."""
    text = _PINYIN.sub("", text)
    han = len(_HAN.findall(text))
    return han + (len(_SPACE.sub("", text)) - han) / 3


def claim_anchors(claims: Sequence[Claim]) -> set:
    """Language-neutral keys of a segment's claims: numbers as Decimals (4.2万 and 42,000 are
    the same key), dates as days or spans."""
    keys: set = set()
    for c in claims:
        v = c.value
        if isinstance(v, Interval):
            # 1 and 2 are words more than numbers (一年, 两国, "a year", "both"), found on one
            # side as often as on both: they anchor nothing.
            if v.nominal is not None and v.nominal not in (1, 2):
                keys.add(v.nominal)     # Decimal equality and hash: 4.2E+4 == 42000
        elif isinstance(v, DateValue):
            # A day by month and day only: one side often leaves the year to the context
            # (9月9日 ↔ "September 9, 2021"). Longer spans by their exact ends.
            if v.start is not None and v.start == v.end:
                keys.add(("day", int(v.start[5:7]), int(v.start[8:10])))
            elif v.start is not None:
                keys.add(("span", v.start, v.end))
            elif v.day:
                keys.add(("day", v.month, v.day))
            elif v.month:               # a bare weekday anchors nothing
                keys.add(("month", v.year, v.month))
    return keys


def _fmt(key) -> str:
    """An anchor as a note shows it: 42,000 · 12/16 · 2019-11-01..2019-11-30 · covid-19."""
    if isinstance(key, Decimal):
        return format(key.normalize(), ",f")
    if key[0] == "day":
        return f"{key[1] or '?'}/{key[2]}"
    if key[0] == "span":
        return f"{key[1]}..{key[2] or ''}"
    if key[0] == "month":
        return f"{key[1] or '?'}-{key[2]:02d}"
    return key[1]


def _runs(lengths: list[float], anchors: list[frozenset]) -> tuple[list, list, list]:
    """runs[k][i] = (length, anchors) of segments i-k .. i-1 (k = 1, 2), precomputed so that
    the DP's inner loop does no unions or sums."""
    one = [None] + list(zip(lengths, anchors))
    two = [None, None] + [(lengths[i - 1] + lengths[i], anchors[i - 1] | anchors[i])
                          for i in range(1, len(lengths))]
    return [None, one, two]


def _join_cost(ls: float, a: frozenset, lt: float, b: frozenset, ratio: float) -> float:
    """Length and anchor cost of pairing a source run with a target run (both non-empty)."""
    e = ratio * ls
    # Gale–Church: lt - e is ~ normal with a variance proportional to the length; -log density.
    cost = (lt - e) ** 2 / (VARIANCE * (e + lt) + 2 * VARIANCE_FLOOR)
    if a or b:
        shared = len(a & b)
        cost += min(ONE_SIDED_CAP, ONE_SIDED * (len(a) + len(b) - 2 * shared)) - SHARED_BONUS * shared
    return cost


def _pair(src: tuple[int, ...], tgt: tuple[int, ...], ls: float, a: frozenset, lt: float,
          b: frozenset, ratio: float) -> SegmentPair:
    """The pair with its confidence, and notes saying what lowered it."""
    if not src or not tgt:
        why = "no translation found (dropped, or rewritten elsewhere)" if src else \
            "no source found (added, or rewritten from elsewhere)"
        return SegmentPair(src, tgt, 0.0, (why,))
    notes = []
    if len(src) > 1 or len(tgt) > 1:
        notes.append(f"{len(src)}:{len(tgt)} merge")
    e = ratio * ls
    z2 = (lt - e) ** 2 / (VARIANCE * (e + lt) / 2 + VARIANCE_FLOOR)
    conf = math.exp(-z2 / 8)           # length alone: |z| = 1 → 0.88, 2 → 0.61, 3 → 0.32
    rel = lt / e if e else 1.0         # an empty source: z has judged it already
    if not 0.75 <= rel <= 1.33:
        # a paragraph much shorter or longer than its source would translate into: a summary,
        # an expansion, or the wrong partner (0.68 of expected → ×0.56, 0.5 → ×0.09); in a
        # short one, a ratio says little and the deviation above has judged it
        if min(e, lt) >= 20:
            conf *= min(rel / 0.75, 1.33 / rel) ** 6
        notes.append(f"length ratio {rel:.2f} of expected")
    # What both sides share makes the pairing surer, whatever they do not share: a one-sided
    # figure is as likely a drift as a sign of the wrong partner.
    # (Only when the lengths agree: shared figures do not make a summary or an expansion a
    # translation.)
    shared = a & b
    if 0.75 <= rel <= 1.33:
        conf = 1 - (1 - conf) * SHARED_DOUBT ** len(shared)
    if shared:
        notes.append(f"{len(shared)} numbers/names shared")
    return SegmentPair(src, tgt, round(max(0.0, min(1.0, conf)), 3), tuple(notes))


# A cell's backpointer: the step that reached it (0: the origin).
_STEPS = [None, (1, 1), (1, 2), (2, 1), (1, 0), (0, 1)]


def _dp(src_runs, tgt_runs, n: int, m: int, ratio: float,
        band: int) -> list[tuple[int, int]] | None:
    """The cheapest path as (di, dj) steps, or None when it touches the band's edge.

    Row i holds the cells (i, lo..hi) around the diagonal; costs are kept for the current and
    two previous rows only, backpointers (a byte a cell) for all: memory O(n · band). The
    five moves are written out, since this loop is all the aligner's time.
    """
    inf, slope, skip = math.inf, (m / n if n else 0.0), MOVES[(1, 0)]
    c11, c12, c21 = MOVES[(1, 1)], MOVES[(1, 2)], MOVES[(2, 1)]
    t1, t2 = tgt_runs[1], tgt_runs[2]
    lows, backs = [], []
    p1 = p2 = None                  # costs of rows i-1 and i-2, with their first column
    lo1 = lo2 = 0
    for i in range(n + 1):
        centre = round(i * slope)
        lo, hi = (max(0, centre - band), min(m, centre + band)) if n else (0, m)
        row, back = [inf] * (hi - lo + 1), bytearray(hi - lo + 1)
        if i == 0:
            row[0] = 0.0
        s1, s2 = src_runs[1][i], src_runs[2][i]
        for j in range(lo, hi + 1):
            k = j - lo
            best, arg = row[k], 0
            if k and row[k - 1] + skip < best:                          # 0:1
                best, arg = row[k - 1] + skip, 5
            if p1 is not None:
                k1 = j - lo1
                if 0 <= k1 < len(p1) and p1[k1] + skip < best:          # 1:0
                    best, arg = p1[k1] + skip, 4
                if 1 <= k1 <= len(p1) and p1[k1 - 1] < inf:             # 1:1
                    c = p1[k1 - 1] + c11 + _join_cost(*s1, *t1[j], ratio)
                    if c < best:
                        best, arg = c, 1
                if 2 <= k1 <= len(p1) + 1 and p1[k1 - 2] < inf:         # 1:2
                    c = p1[k1 - 2] + c12 + _join_cost(*s1, *t2[j], ratio)
                    if c < best:
                        best, arg = c, 2
            if p2 is not None:
                k2 = j - lo2
                if 1 <= k2 <= len(p2) and p2[k2 - 1] < inf:             # 2:1
                    c = p2[k2 - 1] + c21 + _join_cost(*s2, *t1[j], ratio)
                    if c < best:
                        best, arg = c, 3
            row[k], back[k] = best, arg
        lows.append(lo)
        backs.append(back)
        p2, lo2, p1, lo1 = p1, lo1, row, lo
    path, i, j = [], n, m
    while i or j:
        k = j - lows[i]
        if k <= 1 and lows[i] > 0 or k >= len(backs[i]) - 2 and lows[i] + len(backs[i]) - 1 < m:
            return None     # the path hugs the band's edge: a wider band may find a cheaper one
        di, dj = _STEPS[backs[i][k]]
        path.append((di, dj))
        i, j = i - di, j - dj
    return path[::-1]


def _anchor_sets(bitext: Bitext, source_claims, target_claims) -> tuple[list, list]:
    # Latin tokens (COVID-19, G20, iPhone) anchor if the source writes them with a capital or
    # a digit (not pinyin artefacts: 對(duì)) and the translation has them too ("The" does not).
    src = [{w.casefold() for w in _LATIN.findall(s.text) if len(w) > 1 and not w.islower()}
           for s in bitext.source]
    tgt = [{w.casefold() for w in _LATIN.findall(s.text) if len(w) > 1} for s in bitext.target]
    common = set().union(*src) & set().union(*tgt)
    return ([frozenset(claim_anchors(c) | {("w", w) for w in ws & common})
             for c, ws in zip(claims, words)]
            for claims, words in ((source_claims, src), (target_claims, tgt)))


def _better_ratio(steps, sl, tl, sa, ta, ratio: float) -> float:
    """Dropped, added or summarised passages skew the totals: the ratio of the 1:1 pairs that
    anchors confirm (most of their anchors shared), or failing those of the pairs of plausible
    length."""
    kept = [(sl[i0], tl[j0]) for i0, i1, j0, j1 in steps if i1 - i0 == j1 - j0 == 1
            and len(sa[i0] & ta[j0]) >= max(1, 0.375 * (len(sa[i0]) + len(ta[j0])))]
    if sum(ls for ls, _ in kept) < 0.2 * sum(sl):
        kept = [(sum(sl[i0:i1]), sum(tl[j0:j1])) for i0, i1, j0, j1 in steps if i1 > i0 and j1 > j0]
        kept = [(ls, lt) for ls, lt in kept if ls and 0.5 <= lt / (ratio * ls) <= 2]
    ls, lt = sum(ls for ls, _ in kept), sum(lt for _, lt in kept)
    return lt / ls if ls and lt else ratio


def align(bitext: Bitext, source_claims: Sequence[Sequence[Claim]],
          target_claims: Sequence[Sequence[Claim]]) -> list[SegmentPair]:
    """Pairs of segment indices in document order, covering every index of both sides once."""
    n, m = len(bitext.source), len(bitext.target)
    if bitext.aligned:
        k = min(n, m)
        return [SegmentPair((i,), (i,)) for i in range(k)] + \
            [SegmentPair((i,), (), 0.0, ("no translation unit",)) for i in range(k, n)] + \
            [SegmentPair((), (j,), 0.0, ("no source unit",)) for j in range(k, m)]

    sa, ta = _anchor_sets(bitext, source_claims, target_claims)
    sl, tl = [measure(s.text) for s in bitext.source], [measure(s.text) for s in bitext.target]
    src_runs, tgt_runs = _runs(sl, sa), _runs(tl, ta)

    def run(ratio: float) -> list[tuple[int, int, int, int]]:
        # Start narrow (but wide enough for the slope when one side has many more segments),
        # widen only when the path reaches the band's edge.
        band = max(MIN_BAND, math.ceil(m / n) + 2 if n else 0, math.ceil(n / m) + 2 if m else 0)
        while (path := _dp(src_runs, tgt_runs, n, m, ratio, band)) is None:
            band *= 2
        steps, i, j = [], 0, 0
        for di, dj in path:
            steps.append((i, i + di, j, j + dj))
            i, j = i + di, j + dj
        return steps

    ratio = sum(tl) / sum(sl) if sum(sl) and sum(tl) else 1.0
    steps = run(ratio)
    if abs((better := _better_ratio(steps, sl, tl, sa, ta, ratio)) / ratio - 1) > 0.1:
        ratio, steps = better, run(better)
    pairs = [_pair(tuple(range(i0, i1)), tuple(range(j0, j1)),
                   sum(sl[i0:i1]), frozenset().union(*sa[i0:i1]),
                   sum(tl[j0:j1]), frozenset().union(*ta[j0:j1]), ratio)
             for i0, i1, j0, j1 in steps]
    # Next to text that found no partner, a weak pair may be one piece of a rewrite (an
    # English paragraph summarising several Chinese ones pairs with one and leaves the rest):
    # lower it by its own doubt, so that a strong pair beside a dropped paragraph stays strong.
    alone = [not (p.source and p.target) for p in pairs]
    # A passage much of which found no partner is a rewrite, not a translation: every pairing in
    # it is less sure (a quarter of the text around a pair unpaired → ×0.56, a third → ×0.44;
    # less is a paragraph dropped or added, which says nothing of its neighbours).
    # Around: the pair and three on each side, so that one article of a bundle rewritten does not
    # cast doubt on the faithful ones beside it.
    sizes = [sum(sl[i] for i in p.source) + sum(tl[j] for j in p.target) for p in pairs]
    for k, p in enumerate(pairs):
        if alone[k]:
            continue
        near = range(max(0, k - WINDOW), min(len(pairs), k + WINDOW + 1))
        total = sum(sizes[x] for x in near)
        share = sum(sizes[x] for x in near if alone[x]) / total if total else 0.0
        if share >= REWRITTEN:
            pairs[k] = SegmentPair(p.source, p.target, round(p.confidence * (1 - share) ** 2, 3),
                                   p.notes + (f"{share:.0%} of the text around it unpaired",))
    for k, p in enumerate(pairs):
        if not alone[k] and (k and alone[k - 1] or k + 1 < len(pairs) and alone[k + 1]):
            conf = round(p.confidence * (0.3 + 0.7 * p.confidence), 3)
            pairs[k] = SegmentPair(p.source, p.target, conf, p.notes + ("next to unpaired text",))
    return pairs
