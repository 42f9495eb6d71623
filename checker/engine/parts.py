"""Parts against their whole, within one document: parts-exceed-whole (counts, sums of money or
of one quantity) and the share lists of percent-out-of-range (shares of one whole above 100 %).

parts-exceed-whole: a cue (rules/parts.yaml: 其中, 包括, 分别为, of which, including, of them)
introduces parts of the figure before it — in its sentence, or at the end of the sentence before
when the cue opens its sentence (其中，…; Of them, …). The whole is the nearest such figure that
counts the same thing (the same measure word, currency or unit); the parts are the figures of that
measure after the cue, up to the end of the sentence, the next cue, or a word that ends the run
(另有, in addition). Changes and rates (同比增长5所, 人均, up 30, per) are no parts. Parts are
added up within one list (小学31所、中学28所); parts in clauses of their own may overlap (女党员…，
35岁以下党员…) and are each held against the whole alone. Of two wholes of the measure, the one
named like the parts wins (企业1200家、医院30家，其中国有企业…). 包括…在内的N所
puts the whole after the parts, 小学31所，占全区56所学校的… the part before 占. The parts may sum to
less (其中…等, among them: not exhaustive), never to more: the sum of their lowest values above
the highest value of the whole is one finding.

Share lists: percents one after the other (分别占35%、40%和30%; 35%, 40% and 30% respectively), or
each told with 占 in one sentence (男性占60%，女性占50%), are shares of one whole and add up to at
most 100 % — unless they are changes (增长, rose), alternatives (70% or 80%), or shares of
different wholes (分别占全国和全省的…; of X and Y respectively; two years in the sentence).

Each document is read once: sentences by position, cues by search within their sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from checker.engine.catalogue import rule
from checker.errors import UserError
from checker.extract.raw import CLAUSE_END, SENTENCE_END
from checker.findings import Finding
from checker.model import Claim, Interval
from checker.vocab import alternation, en_words, load_yaml, mapping, word_list, words

_WHERE = "rules/parts.yaml"
_KINDS = frozenset({"count", "money", "quantity"})
_OF_CUES = frozenset({"of them", "of which", "of whom"})     # "30 of them": the part before the cue
_SPACE_ONLY = re.compile(r"\s*\Z")
_OPENING = re.compile(r"[\s，,：:“\"'‘]*\Z")                   # what may stand before a cue opening its sentence
_WERE = re.compile(r"\s+(?:were|are|was|is|had|have)\b")   # of them, 20 were women
_OF_AFTER = re.compile(r"\s+of\s+(?:them|which|whom)\b", re.I)   # 30 of them …, 21 of them …
_LISTED = re.compile(r"\s*[^\s,;:.，、；]+(?:\s+[^\s,;:.，、；]+){0,2}(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)  # boats and
_BEFORE, _AFTER = 120, 200     # how far from its cue a whole and its parts are looked for (characters)
_CLAUSE_SUBJECT = re.compile(r"[A-Za-z\s-]{0,25}?\b(?:were|was|are|is|have|has|had)\b")
_YEARS = frozenset({"year", "date", "date_range"})


@dataclass(frozen=True)
class _Words:
    cue: dict[str, re.Pattern]
    needs_total: frozenset[str]
    total: dict[str, re.Pattern]
    inclusive: re.Pattern
    share: re.Pattern
    stop: dict[str, re.Pattern]
    not_before: dict[str, re.Pattern]
    not_after: dict[str, re.Pattern]
    join: dict[str, re.Pattern]
    alternative: re.Pattern
    verb: dict[str, re.Pattern]
    copula: re.Pattern
    one_whole: re.Pattern
    splits: dict[str, tuple[re.Pattern, dict[str, set[int]]]]   # lang -> any class word, word -> its splits
    change: dict[str, re.Pattern]
    not_share_after: re.Pattern       # after N%的: a change, not what the share is of


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = mapping(load_yaml("parts.yaml"), {"cues", "needs_total", "total", "inclusive_zh", "share_zh",
                                             "share_zh_not", "stops",
                                             "not_parts_before", "not_parts_after", "share_list",
                                             "not_shares_after_zh"}, _WHERE)
    two = {"zh", "en"}
    cues = mapping(data["cues"], two, f"{_WHERE}: cues")
    needs = mapping(data["needs_total"], two, f"{_WHERE}: needs_total")
    total = mapping(data["total"], two, f"{_WHERE}: total")
    stops = mapping(data["stops"], two, f"{_WHERE}: stops")
    before = mapping(data["not_parts_before"], two, f"{_WHERE}: not_parts_before")
    after = mapping(data["not_parts_after"], two, f"{_WHERE}: not_parts_after")
    lists = mapping(data["share_list"], {"joins_zh", "joins_en", "alternatives", "verbs_zh", "verbs_en",
                                          "copulas_en", "one_whole_zh", "splits_zh", "splits_en",
                                          "changes_zh", "changes_zh_not", "changes_en"}, f"{_WHERE}: share_list")
    w = f"{_WHERE}: "

    def pair(d: dict, where: str, wrap_zh=lambda a: a, wrap_en=en_words, empty=False) -> dict[str, re.Pattern]:
        out = {}
        for lang, wrap in (("zh", wrap_zh), ("en", wrap_en)):
            items = word_list(d, lang, where, empty)
            out[lang] = re.compile(wrap(alternation(items)), re.I) if items else re.compile(r"(?!)")
        return out

    alternatives = word_list(lists, "alternatives", f"{w}share_list")
    return _Words(
        cue=pair(cues, f"{w}cues"),
        needs_total=frozenset(word_list(needs, "zh", f"{w}needs_total", True) + word_list(needs, "en", f"{w}needs_total", True)),
        total=pair(total, f"{w}total"),
        inclusive=re.compile(alternation(words(data["inclusive_zh"], f"{w}inclusive_zh"))),
        share=re.compile(rf"(?!{alternation(words(data['share_zh_not'], f'{w}share_zh_not'))})"
                         rf"(?:{alternation(words(data['share_zh'], f'{w}share_zh'))})"),
        stop=pair(stops, f"{w}stops"),
        # right before a figure (同比增长5所, rose by 30), after it (30 more than)
        not_before=pair(before, f"{w}not_parts_before", lambda a: rf"(?:{a})\s*了?\s*\Z",
                        lambda a: rf"{en_words(a)}(?:\s+(?:by|to))?\s*\Z"),
        not_after=pair(after, f"{w}not_parts_after", lambda a: rf"\s*(?:{a})", lambda a: rf"\s*{en_words(a)}"),
        join={"zh": re.compile(rf"\s*(?:{alternation(word_list(lists, 'joins_zh', f'{w}share_list'))})\s*\Z"),
              "en": re.compile(rf"\s*(?:,\s*(?:and\s+)?|(?:{alternation(word_list(lists, 'joins_en', f'{w}share_list'))})\s*)\Z",
                               re.I)},
        alternative=re.compile(rf"(?:^|\s|[^A-Za-z])(?:{alternation(alternatives)})(?:\s|[^A-Za-z]|$)", re.I),
        verb={"zh": re.compile(rf"(?:{alternation(word_list(lists, 'verbs_zh', f'{w}share_list'))})(?:了)?"),
              "en": re.compile(en_words(alternation(word_list(lists, "verbs_en", f"{w}share_list"))), re.I)},
        copula=re.compile(en_words(alternation(word_list(lists, "copulas_en", f"{w}share_list"))), re.I),
        one_whole=re.compile(alternation(word_list(lists, "one_whole_zh", f"{w}share_list"))),
        splits={lang: _splits(lists.get(f"splits_{lang}"), lang, f"{w}share_list.splits_{lang}") for lang in ("zh", "en")},
        change={"zh": re.compile(rf"(?!{alternation(word_list(lists, 'changes_zh_not', f'{w}share_list'))})"
                                 rf"(?:{alternation(word_list(lists, 'changes_zh', f'{w}share_list'))})"),
                "en": re.compile(en_words(alternation(word_list(lists, "changes_en", f"{w}share_list"))), re.I)},
        not_share_after=re.compile(alternation(words(data["not_shares_after_zh"], f"{w}not_shares_after_zh"))),
    )


_SHARE_ZH = re.compile(r"^(?:的|以上的|左右的)")
_SHARE_EN = re.compile(r"^\s+of\s+(?:the|all|its|their)\b", re.I)


def share_above_100(c: Claim, text: str | None) -> list[Finding]:
    """percent-out-of-range for one claim: a share (150%的案件, 150% of the cases) above 100 %;
    growth (增长150%) may exceed it."""
    v = c.value
    if not isinstance(v, Interval) or v.nominal is None or v.nominal <= 100 or text is None:
        return []
    after = text[c.end:c.end + 12]
    # 增长150% (growth) may exceed 100 %; a share of something (150%的案件, 150% of the cases) may not,
    # but 150%的增长 is growth again
    share = _SHARE_ZH.match(after)
    if share and _words().not_share_after.match(after, share.end()):
        return []
    if not (share or _SHARE_EN.match(after)):
        return []
    return [_finding("percent-out-of-range", rule("percent-out-of-range").message.format(claim=_show(c)), c)]


def _splits(data, lang: str, where: str) -> tuple[re.Pattern, dict[str, set[int]]]:
    if not isinstance(data, list) or not data:
        raise UserError(f"{where}: expected a non-empty list of lists of words.")
    of: dict[str, set[int]] = {}
    for i, group in enumerate(data):
        for word in words(group, f"{where}[{i}]"):
            of.setdefault(word.lower(), set()).add(i)
    alt = alternation(of)
    return re.compile(en_words(alt) if lang == "en" else alt, re.I), of


def check_parts(claims: Sequence[Claim], texts: dict[str, str]) -> list[Finding]:
    """parts-exceed-whole and the share lists of percent-out-of-range, per document."""
    by_path: dict[str, list[Claim]] = {}
    for c in claims:
        by_path.setdefault(c.path or "", []).append(c)
    out: list[Finding] = []
    for path, group in by_path.items():
        text = texts.get(path)
        if text is not None:
            out.extend(_Document(text, sorted(group, key=lambda c: c.start)).findings())
    return out


def _finding(name: str, message: str, at: Claim, others: Sequence[Claim] = ()) -> Finding:
    r = rule(name)
    return Finding(r, r.severity, message, at.path or "", at.line, at.column, at.line,
                   at.column + len(at.text.split("\n")[0]), tuple(("self", c) for c in (at, *others)))


def _show(c: Claim) -> str:
    return " ".join(c.text.split())


def _fmt(x: Decimal) -> str:
    return f"{int(x):,}" if x == x.to_integral_value() else f"{x.normalize():,f}"


class _Document:
    def __init__(self, text: str, claims: list[Claim]):
        self.text, self.claims, self.words = text, claims, _words()
        # sentence k spans [self.bounds[k], self.bounds[k + 1]) (its end mark included)
        self.bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text) + 1]
        self.sentences: dict[int, list[Claim]] = {}
        for c in claims:
            self.sentences.setdefault(bisect_right(self.bounds, c.start) - 1, []).append(c)

    def span(self, k: int) -> tuple[int, int]:
        return self.bounds[k], min(self.bounds[k + 1], len(self.text))

    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        seen: set[int] = set()          # the wholes already reported (其中包括: two cues, one group)
        for k, group in self.sentences.items():
            lang = group[0].lang
            lo, hi = self.span(k)
            starts = [c.start for c in group]

            def near(m: re.Match) -> list[Claim]:
                # the claims around a cue only: a long sentence of many cues is read in linear time
                return group[bisect_left(starts, m.start() - _BEFORE):bisect_left(starts, m.end() + _AFTER)]

            for m in self.words.cue[lang].finditer(self.text, lo, hi):
                found = self.parts(k, near(m), m, lang)
                if found and found.claims[0][1].start not in seen:
                    seen.add(found.claims[0][1].start)
                    out.append(found)
            if lang == "zh":
                for m in self.words.share.finditer(self.text, lo, hi):
                    found = self.share_of(near(m), m)
                    if found:
                        out.append(found)
            out.extend(self.share_lists(group, lang, lo, hi))
        return out

    # --- counts ---------------------------------------------------------------------------------
    def figure(self, c: Claim, lang: str) -> bool:
        """A figure that may be a whole or a part: a count, a sum of money, a quantity, not a
        change or a rate."""
        v = c.value
        if c.kind not in _KINDS or not isinstance(v, Interval) or v.nominal is None or v.nominal < 0:
            return False
        t = self.text
        clause = max(self.clause_start(c.start), c.start - (8 if lang == "zh" else 24))
        if self.words.not_before[lang].search(t, clause, c.start):
            return False
        return not self.words.not_after[lang].match(t, c.end)

    def bare(self, c: Claim, m: re.Match) -> bool:
        """A bare number right beside "of them" (30 of them were women; of them, 20 were women):
        a part counted in the whole's own measure."""
        v = c.value
        if c.kind != "number" or c.unit is not None or not isinstance(v, Interval) or v.nominal is None \
                or v.nominal < 0:
            return False
        if c.end <= m.start():
            return _SPACE_ONLY.match(self.text[c.end:m.start()]) is not None
        return c.start >= m.end() and (_WERE.match(self.text, c.end) or _OF_AFTER.match(self.text, c.end)) is not None

    def clause_start(self, at: int) -> int:
        lo = max(0, at - 40)
        last = lo
        for m in CLAUSE_END.finditer(self.text, lo, at):
            last = m.end()
        return last

    def parts(self, k: int, group: list[Claim], m: re.Match, lang: str) -> Finding | None:
        t, w = self.text, self.words
        cue = m.group().lower()
        lo, hi = self.span(k)
        hi = min(hi, m.end() + _AFTER)
        figures = [c for c in group if self.figure(c, lang) or (cue in _OF_CUES and self.bare(c, m))]
        stop = w.stop[lang].search(t, m.end(), hi)
        nxt = None
        for nxt in w.cue[lang].finditer(t, m.end(), hi):
            if not (cue in _OF_CUES and nxt.group().lower() == cue):
                break             # 30 of them in May and 21 of them in June: one run
        else:
            nxt = None
        end = min(x.start() for x in (stop, nxt) if x) if (stop or nxt) else hi
        inclusive = w.inclusive.search(t, m.end(), end) if lang == "zh" else None
        if inclusive:
            # 包括A、B在内的N所学校: the parts before 在内, the whole the first figure after it
            parts = [c for c in figures if m.end() <= c.start and c.end <= inclusive.start()]
            after = [c for c in figures if c.start >= inclusive.end()]
            wholes = after[:1]
        else:
            parts = [c for c in figures if m.end() <= c.start < end]
            before = [c for c in figures if c.end <= m.start()]
            opening = m.start()
            if cue in _OF_CUES and before and _SPACE_ONLY.match(t[before[-1].end:m.start()]):
                opening = before[-1].start
                parts.insert(0, before.pop())             # 30 of them were women
            if not before and opening - lo <= 6 and _OPENING.match(t[lo:opening]) and k - 1 in self.sentences \
                    and "\n" not in t[self.bounds[k] - 1:opening]:
                # 其中，… / Of them, … opening its sentence: the whole ends the sentence before
                before = [c for c in self.sentences[k - 1][-8:] if self.figure(c, lang)]
            wholes = before[::-1]
        # a figure in brackets after the cue (小学300所（含民办小学50所）) is a part of a part; one
        # right before a later "of whom" (1,000 engineers, 500 of whom) is the later cue's part
        parts = [c for c in parts if not _bracketed(t, m.end(), c.start)
                 and (cue in _OF_CUES or not _OF_AFTER.match(t, c.end))]
        if not parts or not wholes:
            return None
        # a bare English count right after the cue (2,000 people, including 1,500 engineers) is a part
        first = "listed" if _SPACE_ONLY.match(t[m.end():parts[0].start]) else "strict"
        candidates = [c for c in wholes if c.kind in _KINDS and _same_measure(c, parts[0]) in ("strict", first)]
        if not candidates:
            return None
        whole = candidates[0]
        if len(candidates) > 1 and _alike(whole, parts[0]) is False:
            # 全市共有企业1200家、医院30家，其中国有企业300家: the whole is the figure named like its
            # parts, not the nearest; when none is, which one is not sure (a lone whole named
            # otherwise stays: a fleet of 48 vessels, including 30 patrol boats)
            named = [c for c in candidates[1:] if _alike(c, parts[0])]
            if not named:
                return None
            whole = named[0]
        # a bare number between the whole and the parts (12 people on Monday and 30 on Tuesday,
        # including 15 women) may be the whole, its noun left out: not sure which
        if any(c.kind == "number" and c.unit is None and whole.end <= c.start < parts[0].start
               and c not in parts for c in group):
            return None
        if cue in w.needs_total and not w.total[lang].search(t, max(0, whole.start - 8), whole.start):
            return None                   # 分别为: side by side, parts only of a stated total
        kept: list[Claim] = []
        for i, p in enumerate(parts):
            if i and lang == "en" and _CLAUSE_SUBJECT.match(t, p.end):
                break             # including three children, and 40 people were injured: a new clause
            if i and lang == "zh" and CLAUSE_END.search(t, parts[i - 1].end, p.start):
                break             # 其中包括3名儿童，40人受伤: a clause of its own counts something else
            measure = _same_measure(whole, p)
            # a bare count (21 tugs) only right after the cue, or listed after a part kept
            if measure == "strict" or (i == 0 and measure == first) or (
                    kept and measure and _LISTED.fullmatch(t, kept[-1].end, p.start)):
                kept.append(p)
        parts = kept
        if not parts:
            return None
        hv = whole.value
        if hv.high is None:
            return None
        # parts are added up within one list only (小学31所、中学28所; 30 patrol boats and 21 tugs):
        # parts told in clauses of their own (其中女党员30万名，35岁以下党员25万名) or beside "of
        # them" (30 were women and 25 were over 60) may count along different lines and overlap,
        # so each of them is held against the whole alone
        lists: list[list[Claim]] = []
        for p in parts:
            if lists and self.listed(lists[-1][-1], p):
                lists[-1].append(p)
            else:
                lists.append([p])
        low = lambda p: p.value.low if p.value.low is not None else Decimal(0)  # noqa: E731
        # parts named as kinds of the whole's own noun (代表300名，其中女代表100名、党员代表250名; 游客
        # …，其中国内游客…、过夜游客…) or as periods (上半年60万辆、二季度35万辆) may overlap: each alone
        lists = [run2 for run in lists for run2 in ([run] if len(run) == 1 or not _overlapping(whole, run)
                                                     else [[p] for p in run])]
        total, parts = max(((sum(low(p) for p in run), run) for run in lists), key=lambda x: x[0])
        if total <= hv.high:
            return None
        return _exceeds(whole, parts, total)

    def listed(self, a: Claim, b: Claim) -> bool:
        """Two parts of one list: no clause between them (Chinese: 、, 和; English: a comma or
        "and"), both counted with a noun of their own."""
        between = self.text[a.end:b.start]
        if a.kind == "number" or b.kind == "number" or len(between) > 40:
            return False
        if a.lang == "zh":
            return not CLAUSE_END.search(between)
        return not re.search(r"[;:.]", between) and bool(re.search(r",|\band\b", between))

    def share_of(self, group: list[Claim], m: re.Match) -> Finding | None:
        """小学31所，占全区56所学校的55%: the part before 占, the whole right after it (before 的)."""
        t = self.text
        after = [c for c in group if m.end() <= c.start <= m.end() + 8 and self.figure(c, "zh")
                 and "的" in t[c.end:c.end + 5]]
        if not after:
            return None
        whole = after[0]
        if CLAUSE_END.search(t, m.end(), whole.start):
            return None
        before = [c for c in group if c.end <= m.start() and self.figure(c, "zh") and _same_measure(whole, c)]
        if not before or whole.value.high is None:
            return None
        part = before[-1]
        low = part.value.low
        if low is None or low <= whole.value.high:
            return None
        return _exceeds(whole, [part], low)

    # --- shares of one whole ------------------------------------------------------------------
    def share_lists(self, group: list[Claim], lang: str, lo: int, hi: int) -> list[Finding]:
        t, w = self.text, self.words
        shares = [c for c in group if c.kind == "percent" and isinstance(c.value, Interval)
                  and c.value.nominal is not None and 0 <= c.value.nominal <= 100 and c.unit == "%"]
        if len(shares) < 2 or sum(1 for c in group if c.kind in _YEARS) >= 2:
            return []                     # shares of two years are shares of two wholes
        out = []
        # percents one after the other: 分别占35%、40%和30%; 35%, 40% and 30% respectively
        runs: list[list[Claim]] = [[shares[0]]]
        for a, b in zip(shares, shares[1:]):
            if w.join[lang].match(t[a.end:b.start]) and not w.alternative.search(t[a.end:b.start]):
                runs[-1].append(b)
            else:
                runs.append([b])
        listed = set()
        for run in runs:
            if len(run) < 2:
                continue
            listed.update(id(c) for c in run)
            if self.is_share_list(run, lang, lo, hi):
                out.extend(self.over(run))
        # each told with 占 (男性占60%，女性占50%)
        if lang == "zh" and not out:
            told = [c for c in shares if re.search(r"占(?:了|比)?\s*\Z", t[max(lo, c.start - 3):c.start])]
            if len(told) >= 2 and self.words.one_whole.search(t, lo, told[0].start) \
                    and not any(self.changed(c, lang) for c in told) \
                    and not any(w.alternative.search(t[a.end:b.start]) for a, b in zip(told, told[1:])) \
                    and self.one_split(told, lang):
                out.extend(self.over(told))
        elif lang == "en" and not out:
            # of them, 70% were men and 45% were women
            told = [c for c in shares if re.match(r"\s+(?:were|are|was|is)\b", t[c.end:c.end + 8])]
            if len(told) >= 2 and (w.cue["en"].search(t, lo, hi) or re.search(r"\brespectively\b", t[lo:hi])):
                told = [c for c in told if not self.changed(c, lang)]
                if len(told) >= 2 and self.one_split(told, lang):
                    out.extend(self.over(told))
        return out

    def one_split(self, told: list[Claim], lang: str) -> bool:
        """Shares told in clauses of their own add up only when each names a different class of
        one split of the whole (男性占60%，女性占50%; 70% were men and 45% were women)."""
        pattern, of = self.words.splits[lang]
        classes = []
        for i, c in enumerate(told):
            if lang == "zh":
                found = list(pattern.finditer(self.text, max(self.clause_start(c.start), c.start - 12), c.start))
            else:
                stop = told[i + 1].start if i + 1 < len(told) else c.end + 30
                found = list(pattern.finditer(self.text, c.end, min(stop, c.end + 30)))
            if not found:
                return False
            classes.append(found[-1 if lang == "zh" else 0].group().lower())
        return bool(set.intersection(*(of[w] for w in classes))) and len(set(classes)) == len(classes)

    def changed(self, c: Claim, lang: str) -> bool:
        return bool(self.words.change[lang].search(self.text, self.clause_start(c.start), c.start))

    def is_share_list(self, run: list[Claim], lang: str, lo: int, hi: int) -> bool:
        t, w = self.text, self.words
        first, last = run[0], run[-1]
        start = self.clause_start(first.start)
        if lang == "zh":
            verb = None
            for verb in w.verb["zh"].finditer(t, max(start, first.start - 14), first.start):
                pass
            if verb is None or "分别" not in t[max(lo, verb.start() - 6):first.start] \
                    or CLAUSE_END.search(t, verb.end(), first.start):
                return False
            # 分别占全国和全省的35%和80%: shares of two wholes
            between = t[verb.end():first.start]
            if re.search(r"[和及与、]", between) or w.change["zh"].search(t, start, first.start):
                return False
            return True
        tail = t[last.end:min(hi, last.end + 60)]
        resp = re.search(r"\brespectively\b", tail)
        if not resp:
            return False
        # 60% and 55% of the vote and of the seats, respectively: shares of two wholes
        if re.search(r"\band\b|,\s*\w+\s*,", tail[:resp.start()].rstrip(" ,")):
            return False
        verb = None
        for verb in w.verb["en"].finditer(t, max(lo, first.start - 30), first.start):
            pass
        if verb is None and re.match(r"\s+of\b", tail):
            for verb in w.copula.finditer(t, max(lo, first.start - 30), first.start):
                pass
        # a change word before the list, but not the verb itself (made up)
        return verb is not None and not w.change["en"].search(t, max(lo, first.start - 60), verb.start()) \
            and not w.change["en"].search(t, verb.end(), first.start)

    def over(self, shares: list[Claim]) -> list[Finding]:
        total = sum((c.value.low if c.value.low is not None else Decimal(0)) for c in shares)
        if total <= 100:
            return []
        message = f"the shares {', '.join(_show(c) for c in shares)} add up to {total:g} %, more than the whole"
        return [_finding("percent-out-of-range", message, shares[-1], shares[:-1])]


def _exceeds(whole: Claim, parts: list[Claim], total: Decimal) -> Finding:
    if len(parts) == 1:
        message = f"the part {_show(parts[0])} is more than the whole {_show(whole)}"
    else:
        message = rule("parts-exceed-whole").message.format(
            parts=", ".join(_show(p) for p in parts), total=_fmt(total), whole=_show(whole))
    return _finding("parts-exceed-whole", message, whole, parts)


_PERIOD_ZH = re.compile(r"[年月周]|季度")


def _overlapping(whole: Claim, run: list[Claim]) -> bool:
    """Whether listed parts may overlap: each is a kind of the whole's own noun (女代表, 党员代表 of
    代表; 国内游客, 过夜游客 of 游客; "female employees" of "employees") that the whole does not name
    as its split, or a period (上半年, 二季度)."""
    subjects = [p.subject or "" for p in run]
    if whole.lang == "zh" and any(_PERIOD_ZH.search(s) for s in subjects):
        return True
    # parts that split the whole along different lines may overlap: 1,500 engineers and 800 women
    # (a trade and a sex), 党员 and 女党员; parts of one split (男职工, 女职工; 800 men and 1,200 women)
    # may not, even when each is a kind of the whole's noun
    # (a part whose subject was not read — none, or one character such as 等 — tells nothing here)
    pattern, of = _words().splits[whole.lang]
    splits = [set().union(*(of.get(m.group(0).lower(), set()) for m in pattern.finditer(s)))
              for s in subjects if len(s.strip()) > 1]
    if any(splits):
        return not set.intersection(*splits)
    head = (whole.subject or "").split()[-1:] if whole.lang == "en" else [(whole.subject or "")[-2:]]
    if not (head and head[0]) or not all(s.endswith(head[0]) and s != whole.subject for s in subjects):
        return False
    # …unless the whole names each kind (酒驾醉驾案件420起：醉驾案件260起、酒驾案件180起 split it)
    return not all(s[:-len(head[0])].strip() and s[:-len(head[0])].strip() in (whole.subject or "") for s in subjects)


def _bracketed(text: str, lo: int, at: int) -> bool:
    """Whether a bracket opened after ``lo`` is still open at ``at``."""
    segment = text[lo:at]
    return segment.count("（") + segment.count("(") > segment.count("）") + segment.count(")")


_WORD = re.compile(r"[A-Za-z]+")


def _alike(whole: Claim, part: Claim) -> bool | None:
    """Whether a part is named like its whole (小学 of 学校, 国有企业 of 企业; "patrol boats" of
    "boats"): None when either names nothing, False when they share no character (Chinese) or no
    word (English)."""
    if not whole.subject or not part.subject:
        return None
    if part.lang == "zh":
        return bool(set(whole.subject) & set(part.subject))
    stem = lambda s: {w.lower().rstrip("s") for w in _WORD.findall(s)}  # noqa: E731
    return bool(stem(whole.subject) & stem(part.subject))


def _same_measure(whole: Claim, part: Claim) -> str | None:
    """Counted in the same measure ("strict"): the same measure word's unit (所 and 所; 人 and 名 are
    both persons), currency or unit, or a bare number beside "of them" (kept only there) in a count.
    A bare English count (21 tugs, 1,500 engineers) may be a part of a count ("listed"), when it
    comes right after the cue or is listed after a part (30 patrol boats and 21 tugs)."""
    if part.kind == "number" and part.unit is None and whole.kind == "count":
        return "strict"
    if part.kind != whole.kind:
        return None
    if part.unit == whole.unit and part.unit is not None:
        return "strict"
    # 个 counts anything (区, 街道, 项目): the same word, and what the part counts, when it says, is
    # named like the whole (村级文化广场85个，其中新建120个; 广场85个，其中文化广场…)
    if part.lang == "zh" and part.kind == "count" and part.unit is None and whole.unit is None \
            and part.text[-1:] == whole.text[-1:] and not part.text[-1:].isdigit() \
            and (part.subject is None or (whole.subject is not None and set(part.subject) & set(whole.subject))):
        return "strict"
    if part.lang == "en" and part.kind == "count" and part.unit is None and whole.unit is not None:
        return "listed"
    return None
