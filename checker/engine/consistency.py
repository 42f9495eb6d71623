"""Consistency rules: what one document contradicts by itself, whatever its translation says.

invalid-date (impossible and malformed dates), weekday-mismatch (a weekday written with a date
it does not fall on), date-arithmetic (an anniversary or a span that does not fit the years it is
counted from; an event's length that does not fit its dates), percent-out-of-range (a share above
100 %).

date-arithmetic reads each document once. Claims are grouped by sentence; each sentence's starts
(a year told with a founding, opening or 建交 word: rules/arithmetic.yaml) are summed up per
paragraph as one year per group of start words, or "ambiguous" once two years compete. A count
(25周年, 20年来, the 30th anniversary, over the past 20 years, 30 years since it opened) takes its
start from a since in its sentence, else a start in its sentence before it, else the one start
of its group earlier in its paragraph or in the paragraph before (in the same language) — never
from a guess among several. It is counted to the year its sentence states (今年（2024年）,
2025年), else to its own time (as_of); an anniversary must be exact, a span (N年来) may be a year
off either way, as news rounds it. Counted to a year that is only inferred, a finding is info;
a start from an earlier sentence far from the count (90年来 after a 2003 re-founding) is taken
for another start and says nothing. An event's length (为期三天的论坛, a two-day summit) is
checked against the one date range of its sentence, or of the next or previous sentence of its
paragraph that names the event, else the one range (of one sentence with no length) that names
the event in its paragraph or in the paragraph before or after (in the same language; indexed
once per document), counted inclusively (5月8日至10日 is three days; a week may
leave out its weekend, a month is 28 to 31 days give or take a day at its ends).

Parts against their whole (parts-exceed-whole, and percent-out-of-range: one share above 100 %,
shares of one whole adding up to more) are in checker/engine/parts.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from checker.engine.catalogue import rule
from checker.engine.compare import year_basis
from checker.engine.parts import check_parts, share_above_100
from checker.extract import paragraph_language
from checker.extract.dates import DocDate, Stated, months_around, resolve, valid
from checker.extract.raw import CLAUSE_END, SENTENCE_END
from checker.findings import Finding
from checker.model import Claim, DateValue, Interval
from checker.vocab import alternation, en_words, load_yaml, mapping, word_list

WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEEKDAYS_ZH = "一二三四五六日"
# what may stand between a date and the weekday written with it: "2021年9月8日（星期三）",
# "Wednesday, September 8"
_BETWEEN = re.compile(r"[\s,，(（]{0,3}\Z")


def check_claims(claims: Sequence[Claim], texts: dict[str, str]) -> list[Finding]:
    """Findings of the consistency rules for the claims of one document (its text by path)."""
    out: list[Finding] = []
    for c in claims:
        if "malformed" in c.flags or "invalid" in c.flags:
            out.append(_invalid(c))
        elif c.kind == "percent":
            out.extend(share_above_100(c, texts.get(c.path or "")))
    out.extend(check_parts(claims, texts))
    out.extend(_weekdays(claims, texts))
    out.extend(_arithmetic(claims, texts))
    return out


def _finding(name: str, message: str, at: Claim, others: Sequence[Claim] = (),
             severity: str | None = None) -> Finding:
    r = rule(name)
    return Finding(r, severity or r.severity, message, at.path or "", at.line, at.column, at.line,
                   at.column + len(at.text.split("\n")[0]), tuple(("self", c) for c in (at, *others)))


def _invalid(c: Claim) -> Finding:
    v = c.value
    if "malformed" in c.flags:
        reading = f"likely {v.start}" if isinstance(v, DateValue) and v.start and v.start == v.end else \
            f"likely {v.start[:7]}" if isinstance(v, DateValue) and v.start else "no likely reading"
        reason = f"is malformed (年 or 月 lost?): {reading}"
    else:
        reason = "is not a date that exists"
    return _finding("invalid-date", rule("invalid-date").message.format(claim=_show(c), reason=reason), c)


def _weekdays(claims: Sequence[Claim], texts: dict[str, str]) -> list[Finding]:
    out = []
    for i, c in enumerate(claims):
        if "weekday" not in c.flags or not isinstance(c.value, DateValue) or c.value.weekday is None:
            continue
        text = texts.get(c.path or "")
        if text is None:
            continue
        # the date written right before (zh) or right after (en) the weekday
        neighbours = [o for o in claims[max(0, i - 1):i + 2] if o is not c and o.kind == "date"
                      and isinstance(o.value, DateValue) and o.value.start and o.value.start == o.value.end
                      and "weekday" not in o.flags]
        for o in neighbours:
            a, b = (o, c) if o.end <= c.start else (c, o)
            if not _BETWEEN.search(text, a.end, b.start) or b.start - a.end > 3:
                continue
            day = date.fromisoformat(o.value.start)
            actual = day.isoweekday()
            if actual == c.value.weekday:
                continue
            severity = _weekday_severity(o, day, c.value.weekday)
            if severity is None:
                continue
            names = WEEKDAYS_EN if c.lang == "en" else [f"星期{d}" for d in WEEKDAYS_ZH]
            message = rule("weekday-mismatch").message.format(
                date=_show(o), actual=names[actual - 1], stated=names[c.value.weekday - 1])
            if severity != rule("weekday-mismatch").severity:
                message += f" in {day.year}, the year {'its context writes' if year_basis(o) == 'context' else 'inferred for it'}"
            found = _finding("weekday-mismatch", message, c, (o,))
            out.append(replace(found, severity=severity))
    return out


def _weekday_severity(o: Claim, day: date, weekday: int) -> str | None:
    """How sure a weekday that does not fall on its date is wrong. With the year written, it is.
    A year taken from the context (2025年春季活动安排 … 6月1日) is nearly as good, unless the
    weekday falls on the date in the document's own year; a year inferred from the document's
    date can be the cause of no error: a weekday that falls on the date a year before or after is
    no finding, and one that falls in none of them is a warning. The weekday never chooses the
    year: it is what is checked."""
    def fits(year: int) -> bool:
        try:
            return day.replace(year=year).isoweekday() == weekday
        except ValueError:                 # 2月29日 in another year
            return False

    basis = year_basis(o)
    if basis == "context":
        return None if o.as_of and fits(int(o.as_of[:4])) else rule("weekday-mismatch").severity
    if basis == "inferred" and "month_inferred" in o.flags:   # 10日（星期三）: the month before or after
        return None if any(valid(y, m, day.day) and date(y, m, day.day).isoweekday() == weekday
                           for y, m in months_around(day)) else "warning"
    if basis == "inferred":
        return None if fits(day.year - 1) or fits(day.year + 1) else "warning"
    return rule("weekday-mismatch").severity


def _arithmetic(claims: Sequence[Claim], texts: dict[str, str]) -> list[Finding]:
    """date-arithmetic, per document: anniversaries and spans in years against the year they count
    from, and an event's stated length against its stated dates."""
    by_path: dict[str, list[Claim]] = {}
    for c in claims:
        by_path.setdefault(c.path or "", []).append(c)
    out: list[Finding] = []
    for path, group in by_path.items():
        text = texts.get(path)
        if text is not None:
            out.extend(_Arithmetic(text, sorted(group, key=lambda c: c.start)).findings())
    return out


# --- the words (rules/arithmetic.yaml) ---------------------------------------------------------

@dataclass(frozen=True)
class _Words:
    start: dict[str, re.Pattern]            # lang -> a start word anywhere (成立, founded)
    start_class: dict[str, dict[str, str]]  # lang -> word (lower case) -> its group
    named_zh: re.Pattern                    # a start word right before a Chinese count (成立30周年)
    not_start: dict[str, re.Pattern]        # lang -> 前身, renamed: a start not the subject's own
    span_before_zh: re.Pattern              # 过去20年来: the subject's own span
    celebrate_zh: re.Pattern                # 迎来30周年: the subject's own anniversary
    since_before_zh: re.Pattern             # 成立于1998年: the start word right before a year
    since_after_zh: re.Pattern              # 1998年，该中心正式成立 — the word soon after a year
    since_before_en: re.Pattern             # founded in 1987
    span_after_zh: re.Pattern               # 20年来
    span_before_en: re.Pattern              # over the past 20 years
    span_after_en: re.Pattern               # 20 years since …
    length_zh: re.Pattern                   # 为期三天: a count of days that is an event's length
    events: dict[str, re.Pattern]
    generic: frozenset[str]                 # event words too general to name one event across sentences


@lru_cache(maxsize=1)
def _words() -> _Words:
    where = "rules/arithmetic.yaml"
    data = mapping(load_yaml("arithmetic.yaml"), {"starts", "not_starts", "celebrate", "spans", "lengths", "events"},
                    where)
    starts = mapping(data["starts"], {"zh", "en"}, f"{where}: starts")
    classes = {lang: {w.lower(): group for group in mapping(starts[lang], None, f"{where}: starts.{lang}")
                      for w in word_list(starts[lang], group, f"{where}: starts.{lang}")}
               for lang in ("zh", "en")}
    spans = mapping(data["spans"], {"zh_after", "zh_before", "en_before", "en_after"}, f"{where}: spans")
    not_starts = mapping(data["not_starts"], {"zh", "en"}, f"{where}: not_starts")
    events = mapping(data["events"], {"zh", "en", "generic"}, f"{where}: events")
    celebrate = mapping(data["celebrate"], {"zh"}, f"{where}: celebrate")
    lengths = mapping(data["lengths"], {"zh"}, f"{where}: lengths")
    zh, en = alternation(classes["zh"]), alternation(classes["en"])
    return _Words(
        start={"zh": re.compile(zh), "en": re.compile(en_words(en), re.I)},
        start_class=classes,
        named_zh=re.compile(rf"(?:{zh})(?:的)?\Z"),
        not_start={"zh": re.compile(alternation(word_list(not_starts, "zh", f"{where}: not_starts"))),
                   "en": re.compile(en_words(alternation(word_list(not_starts, "en", f"{where}: not_starts"))), re.I)},
        span_before_zh=re.compile(rf"(?:{alternation(word_list(spans, 'zh_before', f'{where}: spans'))})\Z"),
        celebrate_zh=re.compile(rf"(?:{alternation(word_list(celebrate, 'zh', f'{where}: celebrate'))})\Z"),
        since_before_zh=re.compile(rf"(?P<w>{zh})[于在是]?\s*\Z"),
        since_after_zh=re.compile(rf"[，,]\s*[^，,、。；;！？!?\d（）()]{{0,12}}?(?P<w>{zh})"),
        since_before_en=re.compile(rf"(?<![A-Za-z])(?P<w>{en})(?![A-Za-z])\s+(?:in|on)\s+\Z", re.I),
        span_after_zh=re.compile(rf"(?:{alternation(word_list(spans, 'zh_after', f'{where}: spans'))})"),
        span_before_en=re.compile(rf"(?<![A-Za-z])(?:{alternation(word_list(spans, 'en_before', f'{where}: spans'))})"
                                  r"\s+\Z", re.I),
        span_after_en=re.compile(rf"\s+(?:{alternation(word_list(spans, 'en_after', f'{where}: spans'))})"
                                 r"(?![A-Za-z])", re.I),
        length_zh=re.compile(rf"(?:{alternation(word_list(lengths, 'zh', f'{where}: lengths'))})\s*\Z"),
        events={"zh": re.compile(alternation(word_list(events, "zh", f"{where}: events"))),
                "en": re.compile(en_words(alternation(word_list(events, "en", f"{where}: events"))), re.I)},
        generic=frozenset(w.lower() for w in word_list(events, "generic", f"{where}: events")),
    )


# --- anniversaries and spans -------------------------------------------------------------------

_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
_OF_EN = re.compile(r"\s+of\s+([^.,;:!?()\n]{1,60})", re.I)
_SINCE_TAIL = re.compile(r"[^.,;:!?，。；：！？\n]{1,60}")
_DAY_LENGTH_EN = re.compile(r"[-\s](?:day|week|month)\Z", re.I)
_STATES_DAY_ZH = re.compile(r"[日号]")
_STATES_DAY_EN = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_TWO_DAYS = re.compile(r"\band\b|[和及与、]", re.I)
_BOUND_AFTER_ZH = re.compile(r"起|以来|以后|之后|以前|之前|后|前|至|到|开始")
_BOUND_BEFORE_EN = re.compile(r"(?<![A-Za-z])(?:since|after|before|from|until|till|through|to|between)\s+\Z", re.I)
_OFFSET_AFTER_ZH = re.compile(r"后|以后|之后|内|之内|以内")
_OFFSET_AFTER_EN = re.compile(r"\s+(?:later|from now|on|after|hence)(?![A-Za-z])", re.I)
_WITHIN_EN = re.compile(r"(?<![A-Za-z])(?:in|within)\s+\Z", re.I)
_AMBIGUOUS = "?"
_ANY = "*"
_NOT_A_YEAR = frozenset({"invalid", "malformed", "named", "decade"})


def _year_of(c: Claim) -> int | None:
    """The year a claim states (1998年, 1979年1月1日, since 2000, 今年), else None."""
    v = c.value
    if _NOT_A_YEAR.intersection(c.flags):
        return None
    if c.kind == "year" and isinstance(v, Interval) and v.is_exact and v.low == v.low.to_integral_value() \
            and 1000 <= v.low <= 2199:
        return int(v.low)
    if c.kind not in ("date", "date_range") or not isinstance(v, DateValue) or not v.start:
        return None
    if "since" in c.flags or (v.end and v.start[:4] == v.end[:4]):    # since 2000; a day or days of one year
        return int(v.start[:4])
    return None


def _is_own_day(c: Claim) -> bool:
    """The document's own date (its dateline): a day that is the claim's as_of."""
    v = c.value
    return c.kind == "date" and isinstance(v, DateValue) and v.start is not None and v.start == v.end == c.as_of


def _guessed(c: Claim) -> bool:
    """A year read against the document's date (今年, 5月8日) when that date is only inferred."""
    return "as_of_inferred" in c.flags and bool({"relative", "year_inferred"}.intersection(c.flags))


class _Arithmetic:
    """One document's text and claims (in order), indexed once by sentence and paragraph."""

    def __init__(self, text: str, claims: list[Claim]):
        self.text, self.words = text, _words()
        self.ends = [m.start() for m in SENTENCE_END.finditer(text)]
        # paragraphs (lines with text), each numbered among those of its language: in a file that
        # holds both (a paragraph and its translation in turn), the paragraph before an English one
        # is the English one before it
        self.paragraphs: list[int] = []
        self.rank: list[tuple[str, int]] = []
        counts: dict[str, int] = {}
        lang = "zh"
        for m in _PARAGRAPH.finditer(text):
            lang = paragraph_language(text, m.start(), m.end()) or lang
            self.paragraphs.append(m.start())
            self.rank.append((lang, counts.get(lang, 0)))
            counts[lang] = counts.get(lang, 0) + 1
        self.sentences: dict[int, list[Claim]] = {}
        for c in claims:
            self.sentences.setdefault(bisect_left(self.ends, c.start), []).append(c)
        self._event_ranges: dict | None = None

    def span(self, k: int) -> tuple[int, int]:
        return (self.ends[k - 1] + 1 if k else 0), (self.ends[k] if k < len(self.ends) else len(self.text))

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraphs, pos) - 1

    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        finals: dict[tuple[str, int], dict] = {}  # paragraph -> the starts it states (group -> year, claim)
        running: dict = {}
        current = None
        for k, group in self.sentences.items():
            lo, hi = self.span(k)
            p = self.paragraph(group[0].start)
            if p != current:
                if current is not None:
                    finals[self.rank[current]] = running
                running, current = {}, p
            counted = [(c, self.naming(c)) for c in group if self.counted(c)]
            skip = {i for _, (_, span) in counted if span for i in range(*span)}
            starts, ambiguous = self.starts(group, lo, hi, skip)
            here: dict = {}
            _note(here, starts, ambiguous)
            if counted and any(self.offset(o) for o in group):
                counted = []          # 两年后，学校将迎来120周年; in two years: counted to a year not stated
            if counted:
                lang, n = self.rank[p]
                before = _merged(finals.get((lang, n - 1), {}), running)
                # what the sentence says once, for all its counts: its since (自2000年以来) and the
                # years it states that are no start (今年（2024年）), each with how many differ
                since = [o for o in group if "since" in o.flags and _year_of(o) is not None]
                since_years = len({_year_of(o) for o in since})
                used = {id(s[2]) for s in starts}
                stated = [(y, o) for o in group if id(o) not in used and "since" not in o.flags
                          and (y := _year_of(o)) is not None and not self.bounds(o)]
                # the document's own day (its dateline) speaks for the sentence only when nothing
                # else does: （2019年11月25日 厦门）厦大…将于2021年4月6日迎来100周年校庆
                told = [(y, o) for y, o in stated if not _is_own_day(o)]
                stated = told or stated
                stated_years = len({y for y, _ in stated})
                for c, (named, span) in counted:
                    f = self.check_count(c, named, span, since[:1] if since_years == 1 else since, stated[:1]
                                         if stated_years == 1 else stated, here, before)
                    if f is not None:
                        out.append(f)
            _note(running, starts, ambiguous)
            out.extend(self.lengths(k, group, lo, hi))
        return out

    def offset(self, c: Claim) -> bool:
        """A time from now (两年后, in two years, two years later/from now)."""
        if c.kind != "duration":
            return False
        if c.lang == "zh":
            return bool(_OFFSET_AFTER_ZH.match(self.text, c.end))
        return bool(_WITHIN_EN.search(self.text, max(0, c.start - 8), c.start) or _OFFSET_AFTER_EN.match(self.text, c.end))

    def bounds(self, c: Claim) -> bool:
        """A year that bounds a period (2010年起, 2015年以后, from 2010, until 2020): not the time a
        sentence speaks for."""
        if c.lang == "zh":
            return bool(_BOUND_AFTER_ZH.match(self.text, c.end))
        return bool(_BOUND_BEFORE_EN.search(self.text, max(0, c.start - 10), c.start))

    # which counts are checked, and of what
    def counted(self, c: Claim) -> bool:
        v = c.value
        if not ((("anniversary" in c.flags) or (c.kind == "duration" and c.unit == "year"))
                and isinstance(v, Interval) and v.is_exact and v.nominal is not None and v.nominal > 0):
            return False
        # "in three years since 2016" (within): a period from a start, not up to now
        return c.lang != "en" or not _WITHIN_EN.search(self.text, max(0, c.start - 8), c.start)

    def naming(self, c: Claim) -> tuple[str | None, tuple[int, int] | None]:
        """What a count counts from: a group of starts (成立30周年: founding), _ANY (迎来30周年,
        20年来, its 30th anniversary), or None — another event (参与维和行动21周年), checked only
        against a start in its own sentence (自2000年以来) — and where the text names it."""
        t, w, lang = self.text, self.words, c.lang
        anniversary = "anniversary" in c.flags
        if lang == "zh":
            if not anniversary and not w.span_after_zh.match(t, c.end):
                return None, None
            m = w.named_zh.search(t, max(0, c.start - 8), c.start)
            if m:
                word = t[m.start():m.end()].rstrip("的")
                return w.start_class["zh"].get(word), m.span()
            if (w.span_before_zh if not anniversary else w.celebrate_zh).search(t, max(0, c.start - 4), c.start):
                return _ANY, None
            # a word right before the count (参与维和行动21周年, 加入WTO 20周年) names another event
            before = t[max(0, c.start - 3):c.start].rstrip()
            return (None, None) if before and before[-1].isalpha() else (_ANY, None)
        if anniversary:
            m = _OF_EN.match(t, c.end)
            if not m:
                return _ANY, None
            return self.group_in(m.start(1), m.end(1), "en")
        if w.span_before_en.search(t, max(0, c.start - 24), c.start):
            return _ANY, None
        m = w.span_after_en.match(t, c.end)
        if m:
            tail = _SINCE_TAIL.match(t, m.end())
            if tail:
                return self.group_in(tail.start(), tail.end(), "en")
        return None, None

    def group_in(self, lo: int, hi: int, lang: str) -> tuple[str | None, tuple[int, int] | None]:
        m = self.words.start[lang].search(self.text, lo, hi)
        if not m:
            return None, None
        return self.words.start_class[lang].get(m.group().lower()), m.span()

    def starts(self, group: list[Claim], lo: int, hi: int, skip: set[int]):
        """The starts a sentence states: (year, groups, claim) of a year told with a start word
        (1998年，该中心正式成立; founded in 1987), and whether it has one it does not say clearly.
        ``skip`` are the positions of the words that name what a count counts (成立30周年): they
        start nothing by themselves, but a year right after one is its start (30 years since it
        opened in 1987)."""
        # not a year read against the document's date, nor the document's own year (its dateline):
        # what starts in the year it is written in has nothing to count yet
        years = [(y, c) for c in group if (y := _year_of(c)) is not None and not _guessed(c)
                 and "relative" not in c.flags and not (c.as_of and y == int(c.as_of[:4]))]
        if not years:
            return [], False
        lang = years[0][1].lang
        pattern, classes = self.words.start[lang], self.words.start_class[lang]
        free = {classes.get(m.group().lower()) for m in pattern.finditer(self.text, lo, hi) if m.start() not in skip}
        free.discard(None)
        if free and self.words.not_start[lang].search(self.text, lo, hi):
            return [], True
        if free and len({y for y, _ in years}) == 1:
            return [(years[0][0], frozenset(free), years[0][1])], False
        picked = [(y, c, g) for y, c in years if (g := self.told_with_start(c, skip if free else None))]
        if len({y for y, _, _ in picked}) == 1:
            return [(picked[0][0], frozenset(g for _, _, g in picked), picked[0][1])], False
        return [], bool(free or picked)

    def told_with_start(self, c: Claim, skip: set[int] | None) -> str | None:
        """The group of the start word told with a year: right before it (成立于2015年, opened in
        1987) or, when the sentence has a start word of its own (``skip`` not None), soon after
        it (1998年，该中心正式成立)."""
        t, w = self.text, self.words
        if c.lang == "zh":
            m = w.since_before_zh.search(t, max(0, c.start - 8), c.start)
            if not m and skip is not None:
                m = w.since_after_zh.match(t, c.end)
                if m and m.start("w") in skip:
                    m = None
        else:
            m = w.since_before_en.search(t, max(0, c.start - 24), c.start)
        return w.start_class[c.lang].get(m.group("w").lower()) if m else None

    def check_count(self, c: Claim, named: str | None, span: tuple[int, int] | None, since: list[Claim],
                    stated: list[tuple[int, Claim]], here: dict, before: dict) -> Finding | None:
        """A count against its start: a since in its sentence (自2000年以来), else a start of its
        group in its sentence, else the one start of its group earlier in its paragraph or in the
        paragraph before — counted to the year its sentence states, else to its own time."""
        earlier = False               # the start is read from an earlier sentence
        if since:
            if len(since) > 1:
                return None           # two since in one sentence (cut to one when they agree)
            start_claim = since[0]
        elif named is not None:
            found = here.get(named) or (before.get(named) if not here.get(_ANY) else None)
            earlier = not here.get(named)
            if found is None or found is _AMBIGUOUS:
                return None
            start_claim = found[1]
            # a start after the count in its sentence may be another's (…its 30th anniversary, with a
            # grant from a fund set up in 2001), unless the count names it (30 years since it opened in 1987)
            if start_claim.start > c.start and not (span and span[0] > c.start and
                                                    0 <= start_claim.start - span[1] <= 12):
                return None
        else:
            return None
        first = _year_of(start_claim)
        if len(stated) > 1:
            return None               # two years stated (cut to one when they agree)
        if stated:
            to, guessed, told = stated[0][0], _guessed(stated[0][1]), stated[0][1]
        elif c.as_of:
            to, guessed, told = int(c.as_of[:4]), "as_of_inferred" in c.flags, None
        else:
            return None
        years, n = to - first, int(c.value.nominal)
        anniversary = "anniversary" in c.flags
        # an anniversary is exact (the 30th in the 30th year); a span is rounded (20年来 from 2003
        # in 2024): a year either way is not wrong
        if years <= 0 or abs(years - n) <= (0 if anniversary else 1):
            return None
        # a start read from an earlier sentence is trusted near the count only: 90年来 after a
        # university's 2003 re-founding speaks of an older start, not of a slip of 85 years
        if earlier and abs(years - n) * 2 > max(years, n):
            return None
        what = f"the {_ordinal(years)} anniversary" if anniversary else f"{years} years"
        reason = (f"from {first} to {to} is {years} years, not {n}; write {what}, or check the year it "
                  f"counts from ({to - n} would fit)")
        if guessed:
            reason += f" — {to} is the document's year as inferred, not stated: give the date to be sure"
        others = (start_claim,) + ((told,) if told is not None else ())
        message = rule("date-arithmetic").message.format(first=_show(start_claim), second=_show(c), reason=reason)
        # an inferred year alone never makes an error, nor even a warning
        return _finding("date-arithmetic", message, c, others, severity="info" if guessed else None)

    # --- an event's length against its dates ---------------------------------------------------
    def lengths(self, k: int, group: list[Claim], lo: int, hi: int) -> list[Finding]:
        lengths = [c for c in group if self.is_length(c)]
        if len(lengths) != 1:
            return []
        length = lengths[0]
        event = self.event_of(length, lo, hi)
        if event is None:
            return []                 # a length of no named event (a 30-day money-back return)
        ranges = [c for c in group if _is_range(c)]
        if len(ranges) > 1 or any(c.kind == "date_range" and c not in ranges and "since" not in c.flags
                                  for c in group):
            return []
        if ranges:
            r = ranges[0]
            a, b = sorted((r.end, length.end))
            between = {m.group().lower() for m in self.words.events[length.lang].finditer(self.text, a, b)}
            if between - {event}:
                return []             # another event stands between the two: they may not be one
        else:
            if event in self.words.generic:
                return []             # 为期两天的活动: which activity the next sentence dates is not sure
            ranges = []
            p = self.paragraph(length.start)
            for j in (k - 1, k + 1):
                other = self.sentences.get(j)
                if not other:
                    continue
                olo, ohi = self.span(j)
                if self.paragraph(other[0].start) != p or any(self.is_length(c) for c in other):
                    continue
                found = [c for c in other if _is_range(c)]
                names = {m.group().lower() for m in self.words.events[length.lang].finditer(self.text, olo, ohi)}
                if len(found) == 1 and event in names:
                    ranges.append(found[0])
            if not ranges:
                # the one range of the event stated elsewhere in the paragraph, or in the one before
                # or after (in the same language): 为期两天的国际论坛在北京开幕。\n论坛于5月8日至10日举行
                lang, n = self.rank[p]
                index = self.event_ranges()
                found = {(x.value.start, x.value.end, _show(x)): x for q in (n - 1, n, n + 1)
                         for x in index.get((lang, q), {}).get(event, ())}
                ranges = list(found.values())
            if len(ranges) != 1:
                return []
            r = ranges[0]
        days, n = _range_days(r), int(length.value.nominal)
        if days is None:
            return []
        if length.unit == "day":
            if days == n:
                return []
            reason = f"{_show(r)} is {days} days counted inclusively, not {_show(length)}; write {days} days, " \
                     "or correct the dates"
        else:
            # a week of events may leave out its weekend (5月8日至12日 is 为期一周); a month is 28 to 31
            # days, give or take the ends (5月8日至6月7日 is 为期一个月)
            low, high = (7 * n - 2, 7 * n + 1) if length.unit == "week" else (28 * n - 2, 31 * n + 1)
            if low <= days <= high:
                return []
            reason = f"{_show(r)} is {days} days counted inclusively, not {_show(length)} ({low} to {high} days); " \
                     "correct the length or the dates"
        message = rule("date-arithmetic").message.format(first=_show(length), second=_show(r), reason=reason)
        return [_finding("date-arithmetic", message, length, (r,))]

    def event_ranges(self) -> dict[tuple[str, int], dict[str, list[Claim]]]:
        """Each paragraph's date ranges by the events named with them: a sentence with one range
        and no length of its own, under each event word it names (at most two ranges kept per
        event, enough to know the range is not the only one). Built once per document."""
        if self._event_ranges is None:
            self._event_ranges = {}
            for group in self.sentences.values():
                found = [c for c in group if _is_range(c)]
                if len(found) != 1 or any(self.is_length(c) for c in group):
                    continue
                lo, hi = self.span(bisect_left(self.ends, group[0].start))
                rank = self.rank[self.paragraph(group[0].start)]
                events = self._event_ranges.setdefault(rank, {})
                for m in self.words.events[found[0].lang].finditer(self.text, lo, hi):
                    kept = events.setdefault(m.group().lower(), [])
                    if len(kept) < 2 and found[0] not in kept:
                        kept.append(found[0])
        return self._event_ranges

    def is_length(self, c: Claim) -> bool:
        v = c.value
        if c.kind != "duration" or c.unit not in ("day", "week", "month") or not isinstance(v, Interval) \
                or not v.is_exact or v.nominal is None or v.nominal <= 0:
            return False
        if c.lang == "zh":
            return bool(self.words.length_zh.search(self.text, max(0, c.start - 4), c.start))
        # a two-day summit; "a two day summit" too, but not "one day" (one day after the summit)
        m = _DAY_LENGTH_EN.search(c.text)
        return bool(m) and (m.group().startswith("-") or v.nominal > 1)

    def event_of(self, c: Claim, lo: int, hi: int) -> str | None:
        """The event a length is of: the event word after it in its clause (为期三天的论坛, a
        three-day international forum), else the last one before it (论坛为期三天)."""
        pattern = self.words.events[c.lang]
        m = pattern.search(self.text, c.end, min(hi, c.end + (16 if c.lang == "zh" else 40)))
        if m and not CLAUSE_END.search(self.text, c.end, m.start()):
            return m.group().lower()
        last = None
        for m in pattern.finditer(self.text, max(lo, c.start - 30), c.start):
            last = m
        if last and not CLAUSE_END.search(self.text, last.end(), c.start):
            return last.group().lower()
        return None




def _is_range(c: Claim) -> bool:
    """A range of days the text writes out (5月8日至10日, May 8-10), not of months, not two days;
    resolved, or with its month and day but no year known (no document date)."""
    v = c.value
    if c.kind != "date_range" or not isinstance(v, DateValue) \
            or {"since", "relative", "weekday", "weekday_inferred"}.intersection(c.flags) \
            or _NOT_A_YEAR.intersection(c.flags) or _TWO_DAYS.search(c.text):
        return False
    if not (_STATES_DAY_ZH if c.lang == "zh" else _STATES_DAY_EN).search(c.text):
        return False
    if v.start is None:
        return v.month is not None and v.day is not None
    return v.end is not None and v.start < v.end and \
        (date.fromisoformat(v.end) - date.fromisoformat(v.start)).days <= 400


def _range_days(c: Claim) -> int | None:
    """How many days a range spans, counted inclusively. A range whose year is not known
    (5月8日至10日 in an undated text) is read again in a common and in a leap year: the count
    holds when the two agree (not across the end of February)."""
    v = c.value
    if v.start is not None and v.end is not None:
        first, last = date.fromisoformat(v.start), date.fromisoformat(v.end)
        if "year_inferred" in c.flags and first.month <= 2 and (last.month >= 3 or last.year > first.year):
            return None               # across February, the count of days needs the year
        return (last - first).days + 1
    if not isinstance(c.stated, Stated):
        return None
    counts = set()
    for anchor in (date(2001, 7, 1), date(2004, 7, 1)):
        w, _ = resolve(c.stated, DocDate(anchor, source="option"))
        if not isinstance(w, DateValue) or w.start is None or w.end is None or w.start >= w.end:
            return None
        counts.add((date.fromisoformat(w.end) - date.fromisoformat(w.start)).days + 1)
    return counts.pop() if len(counts) == 1 and 0 < min(counts) <= 401 else None


def _note(summary: dict, starts: list, ambiguous: bool) -> None:
    """Add a sentence's starts to a summary: group (and _ANY) -> (year, claim), or _AMBIGUOUS
    once two years compete."""
    for year, groups, claim in starts:
        for g in (*groups, _ANY):
            old = summary.get(g)
            summary[g] = (year, claim) if old is None else old if old is not _AMBIGUOUS and old[0] == year \
                else _AMBIGUOUS
    if ambiguous:
        summary[_ANY] = _AMBIGUOUS


def _merged(a: dict, b: dict) -> dict:
    out = dict(a)
    for g, v in b.items():
        old = out.get(g)
        out[g] = v if old is None else old if v is not _AMBIGUOUS and old is not _AMBIGUOUS \
            and old[0] == v[0] else _AMBIGUOUS
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _show(c: Claim) -> str:
    return " ".join(c.text.split())
