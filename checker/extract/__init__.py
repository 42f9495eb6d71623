"""From a document's text to its claims: normalise, split into paragraphs by language, run the
Chinese or English extractor on each, and map every span back to the original text."""

from __future__ import annotations

import functools
import gc
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from checker.extract import en, series, zh
from checker.extract.asof import sentence_times
from checker.extract.dates import DocDate, Stated, resolve, shift, span, weekdays_from
from checker.extract.docdate import _FRONT_MATTER, infer, stated_document_date, with_dateline
from checker.extract.raw import SENTENCE_END, RawClaim
from checker.io.document import Document
from checker.model import Claim, DateValue, Interval, new_claim
from checker.scripts import HAN
from checker.text.normalize import normalize

_HAN_RUN = re.compile(f"[{HAN}]+")
_LATIN_RUN = re.compile("[A-Za-z]+")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_LINE_BREAK = re.compile(r"\r\n?|\n|\u2028|\u2029")     # single-character alternatives: see raw.SENTENCE_END
# an English phrase inside a Chinese line: three or more Latin words ("(more than 2,600 peacekeepers)")
_ENGLISH_RUN = re.compile(r"[A-Za-z$€£][A-Za-z0-9'’$€£%.,:;\-/ \t]*")


def paragraph_language(text: str, start: int, end: int) -> str | None:
    """'zh', 'en', or None for a paragraph with neither (numbers, punctuation)."""
    # an English paragraph is mostly plain ASCII: one fast test then spares scanning it for Chinese
    han = 0 if text[start:end].isascii() else sum(map(len, _HAN_RUN.findall(text, start, end)))
    # (its Latin letters are at most the rest of it: a paragraph three-quarters Chinese is not
    # counted for them)
    if han and (han * 4 >= end - start or han * 3 >= sum(map(len, _LATIN_RUN.findall(text, start, end)))):
        return "zh"
    if _LATIN_RUN.search(text, start, end):
        return "en"
    return None


def _segments(t: str, s: int, e: int, lang: str):
    """A line's runs by language: in a line with both scripts, English phrases of three or more
    words are read as English and the rest, where it has Chinese, as Chinese — so neither loses
    its qualifiers or subjects ("2600余名维和警察 (more than 2,600 peacekeepers)")."""
    if t[s:e].isascii() or not (_LATIN_RUN.search(t, s, e) and _HAN_RUN.search(t, s, e)):
        yield lang, s, e
        return
    pos = s
    for m in _ENGLISH_RUN.finditer(t, s, e):
        if len(_LATIN_RUN.findall(m.group())) < 3:
            continue
        end = m.start() + len(m.group().rstrip(" \t.,:;-/'’"))
        if m.start() > pos:
            yield ("zh" if _HAN_RUN.search(t, pos, m.start()) else "en"), pos, m.start()
        yield "en", m.start(), end
        pos = end
    if pos < e:
        yield ("zh" if _HAN_RUN.search(t, pos, e) else "en"), pos, e


def _without_gc(fn):
    """Run ``fn`` with the cyclic garbage collector paused. Reading a text allocates tens of
    thousands of small objects (matches, claims, intervals) that all stay alive until it returns:
    the collector's passes over them, and over every object already in the heap, free nothing
    and cost about 7 % of extraction's time. Reference counting still frees what is dropped;
    any cycle left behind is collected once the collector runs again."""
    @functools.wraps(fn)
    def run(*args, **kwargs):
        if not gc.isenabled():               # (nested, or paused by the caller)
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()
    return run


def extract_document(doc: Document, as_of: str | None = None) -> list[Claim]:
    return extract_text(doc.text, path=doc.path, as_of=as_of, view=doc.view)


@_without_gc
def extract_text(text: str, *, path: str | None = None, as_of: str | None = None,
                 view: str | None = None) -> list[Claim]:
    """Every claim in ``text``, in order, with offsets into ``text`` itself: the text is its own
    document, dated by what it states, else by ``as_of`` (--date), else by inference."""
    reading = read_text(text, view)
    return place(reading, document_time([reading], as_of), path)


@dataclass(slots=True)
class Reading:
    """A text read but not yet placed in time: its claims as found, the dates it states for
    itself (front matter, a dateline) and which of its paragraphs are headings.

    A document's time may come from another text (a translation takes its source's), so reading
    and placing are two steps: :func:`document_time` chooses the time from one or more readings,
    and :func:`place` resolves a reading's dates against it."""

    text: str                                   # the original text
    norm: object                                # its normalised form (text + offset map)
    raws: list[tuple[str, int, RawClaim]]       # language, paragraph, claim
    headings: frozenset[int]                    # paragraphs that are headings or the title
    stated: DocDate | None = None               # a full date the text states for itself
    partial: tuple[int, int] | None = None      # a dateline's (month, day) without a year
    opening: int = 0                            # its first paragraph after any front matter
    placed: bool = False


@_without_gc
def read_text(text: str, view: str | None = None) -> Reading:
    norm = normalize(text, view)
    t = norm.text
    raws: list[tuple[str, int, RawClaim]] = []
    headings: set[int] = set()
    lang = "zh"
    front = _FRONT_MATTER.match(t)                # metadata (date: …), not headings
    body = front.end() if front else 0
    opening = None                                # the first paragraph of the text proper
    for k, para in enumerate(_LINE.finditer(t)):
        s, e = para.span()
        lang = paragraph_language(t, s, e) or lang
        if s >= body:
            opening = k if opening is None else opening
            if _is_heading(t, s, e):
                headings.add(k)
        for seg_lang, a, b in _segments(t, s, e, lang):
            extractor = zh if seg_lang == "zh" else en
            raws += [(seg_lang, k, r) for r in extractor.extract(t, a, b)]
    stated, partial = stated_document_date(text) if raws else (None, None)
    return Reading(text, norm, raws, frozenset(headings), stated, partial, opening=opening or 0)


# A heading or title: a short line that does not end a sentence ("2025年春季活动安排", "The 2025
# calendar"); a year it states is the year of the partial dates below it.
_HEADING_MAX = 60
_SENTENCE_CLOSE = frozenset("。！？!?；;.:：，,")


def _is_heading(t: str, s: int, e: int) -> bool:
    """A short line that ends no sentence; not a quotation or a caption (图为2019年拍摄的…)."""
    if t[e - 1] in _SENTENCE_CLOSE:        # (most paragraphs: it ends the line as stripped, too)
        return False
    line = t[s:e].strip().lstrip("#").strip()
    return 0 < len(line) <= _HEADING_MAX and line[-1] not in _SENTENCE_CLOSE and line[-1] not in "”」』\"'’" \
        and not line.startswith(("图为", "图：", "（图", "(图", "图片"))


def document_time(readings: list[Reading], option: str | None = None, infer_from: int | None = None) -> DocDate | None:
    """The one time of a document read as ``readings`` (a source first, then its translation):
    a date the first states for itself (front matter, dateline); else ``option`` (--date); else
    a date the next states for itself; else one inferred from the dates the first states, else the next's
    (only the first ``infer_from``: a translation unit's own year must not vouch for itself). A
    dateline's month and day without a year take the year nearest that time."""
    if readings and readings[0].stated is not None:
        return readings[0].stated
    given = DocDate(date.fromisoformat(option), source="option") if option else None
    if given is None:                      # --date before a translation's own dateline
        stated = next((r.stated for r in readings[1:] if r.stated is not None), None)
        if stated is not None:
            return stated
    fallback = given
    for r in readings[:infer_from] if given is None else ():
        # in a file that holds both languages, the Chinese (the source) dates it first
        fallback = infer([raw for lang, _, raw in r.raws if lang == "zh"], r.norm.text) \
            or infer([raw for _, _, raw in r.raws], r.norm.text)
        if fallback is not None:
            break
    partial = next((r.partial for r in readings if r.partial is not None), None)
    return with_dateline(partial, fallback, given is not None)


@_without_gc
def place(reading: Reading, doc_date: DocDate | None, path: str | None = None) -> list[Claim]:
    """The claims of ``reading``, their dates resolved against ``doc_date`` (once per reading)."""
    if not reading.raws:
        return []
    if reading.placed:                     # its claims were resolved in place: twice would be wrong
        raise ValueError("a reading is placed once")
    reading.placed = True
    text, t, raws = reading.text, reading.norm.text, reading.raws
    # the sentence ends (raw.SENTENCE_END) from the clause ends and full stops series reads too:
    # the text is scanned once for them all
    clause_ends, full_stops = series.scan_ends(t)
    ends = sorted([p for p in clause_ends if t[p] in _SENTENCE_END_CHARS] + full_stops)
    _resolve_dates(raws, doc_date, reading.headings, t, reading.opening, ends)
    sentence_times(t, raws, doc_date, ends)
    series.mark(t, raws, (clause_ends, full_stops))
    as_of = doc_date.day.isoformat() if doc_date else None
    inferred = ("as_of_inferred",) if doc_date and doc_date.inferred else ()
    if doc_date and doc_date.inferred and doc_date.precision == "year":
        inferred += ("as_of_bound",)      # on or after January 1 of a year: not the day itself
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    claims = []
    spans = reading.norm.offsets.spans([(r.start, r.end) for _, _, r in raws])
    for (lang, _, r), (start, end) in zip(raws, spans):
        line = bisect_right(line_starts, start)
        claims.append(new_claim(
            path, line, start - line_starts[line - 1] + 1, start, end, lang, r.kind, text[start:end], r.value,
            r.unit, r.qualifier, r.subject, r.as_of or as_of, r.flags + (inferred if r.as_of is None else ()),
            r.stated,
        ))
    return claims


_SENTENCE_END_CHARS = frozenset("。！？!?；;\n")      # raw.SENTENCE_END's, besides the full stop
_RESOLUTION_FLAGS = frozenset({"invalid", "year_inferred", "year_context", "month_inferred", "weekday_inferred"})


def _resolve_dates(raws: list[tuple[str, int, RawClaim]], doc_date: DocDate | None,
                   headings: frozenset[int] = frozenset(), t: str = "", opening: int = 0,
                   ends: list[int] | None = None) -> None:
    """Give every stated date its calendar days: a date without a year takes the nearest year
    written before it in its paragraph, else in its section's heading or the title, else the
    document's time; a bare weekday takes the day of that weekday among the dates of its own
    paragraph, if there is one."""
    partial = any(isinstance(r.stated, Stated) and r.stated.y is None and r.stated.m is not None for _, _, r in raws)
    years = _context_years(raws, headings, t, opening, ends) if partial else [None] * len(raws)
    last: tuple[int, DateValue] | None = None      # the last date of one day or month, by paragraph
    for (_, k, r), year in zip(raws, years):
        if "following" in r.flags:                 # 3月5日举行，次日闭幕: the day after March 5
            r.value = _following(r.stated, last[1] if last is not None and last[0] == k else None)
            continue
        if isinstance(r.stated, Stated) and "named" not in r.flags:  # “10·5”: an event of its own year
            if doc_date is not None or year is not None:             # else it stays as written
                value, flags = resolve(r.stated, doc_date, year)
                r.value = value
                r.flags = tuple(f for f in r.flags if f not in _RESOLUTION_FLAGS) + flags
        if r.kind in ("date", "date_range") and isinstance(r.value, DateValue) and r.value.end:
            last = (k, r.value)
    weekdays = [(k, r) for _, k, r in raws if r.stated is not None and _bare_weekday(r)]
    if not weekdays:
        return
    # the days each paragraph writes, by weekday, in text order: a bare weekday takes the nearest
    days: dict[tuple[int, int], list[tuple[int, date]]] = {}
    for _, k, r in raws:
        if _states_days(r):
            for day in _days_of(r.value):
                days.setdefault((k, day.isoweekday()), []).append((r.start, day))
    for k, r in weekdays:
        same = days.get((k, r.stated.weekday))
        if same:
            i = bisect_right(same, (r.start, date.max))
            near = min(same[max(0, i - 1):i + 1], key=lambda d: abs(d[0] - r.start))
            r.value = weekdays_from(near[1], r.stated)
            r.flags = tuple(f for f in r.flags if f != "weekday_inferred")


def _following(s: Stated, before: DateValue | None) -> DateValue:
    """次日 (the next day) or 次月 (the next month) of the date before it; unplaced without one."""
    if before is None or not before.end:
        return DateValue()
    unit, n = s.rel
    end = date.fromisoformat(before.end)
    if unit == "day":
        day = shift(end, "day", n)
        return DateValue(day.isoformat(), day.isoformat(), day.year, day.month, day.day)
    month = shift(end.replace(day=1), "month", n)
    first, last = span(month.year, month.month, None)
    return DateValue(first.isoformat(), last.isoformat(), first.year, first.month)


def _bare_weekday(r: RawClaim) -> bool:
    """A weekday written without its date (周三, on Wednesday), not yet placed by its paragraph."""
    s = r.stated
    return isinstance(s, Stated) and s.weekday is not None and s.m is None and s.d is None \
        and s.rel is None and ("weekday_inferred" in r.flags or getattr(r.value, "start", "") is None)


def _written_year(r: RawClaim) -> int | None:
    """The year a claim writes out as a point of time (2019年, 2019年3月, In 2019), if any."""
    s = r.stated
    if isinstance(s, Stated):
        if s.y is None or s.rel or s.ago or s.since or (s.is_range and s.y2 not in (None, s.y)):
            return None
        return s.y if not ({"decade", "invalid", "malformed"} & set(r.flags)) else None
    v = r.value
    if r.kind == "year" and isinstance(v, Interval) and v.is_exact and v.low == v.low.to_integral_value() \
            and 1000 <= v.low <= 2999 and "since" not in r.flags:
        return int(v.low)
    return None


def _context_years(raws: list[tuple[str, int, RawClaim]], headings: frozenset[int], t: str = "",
                   opening: int = 0, ends: list[int] | None = None) -> list[int | None]:
    """For each claim, the year its context writes: a year that opens a clause before it in its
    sentence, or the year of a date before it there (2019年3月…，5月…; signed on September 9, 2021
    and ratified on September 30; In 2019, … in March), or one that sets the topic of an earlier
    sentence of its paragraph (2019年，…。3月，…; In 2019, ….); else the year of its section's
    heading, else of the title (a heading that opens the text). A year inside a clause (该公司成立
    于2015年，6月1日…; 比2010年增加) is no context: it is what the clause is about, not when.
    One pass, in text order."""
    written = [_written_year(r) if r.kind in _TIMES else None for _, _, r in raws]
    heading_year: dict[int, int] = {}
    for (_, k, _), y in zip(raws, written):
        if y is not None and k in headings:
            heading_year[k] = y
    order = sorted(headings)
    # the title: the first heading with a year among the headings that open the text
    first = [k for i, k in enumerate(order) if k == opening + i]
    title = next((heading_year[k] for k in first if k in heading_year), None)
    if ends is None:                                  # (the sentence ends of ``t``)
        ends = [m.start() for m in SENTENCE_END.finditer(t)] if t else []
    out: list[int | None] = []
    para, section = None, None
    in_sentence: tuple[int, int] | None = None        # (sentence, year) that opened a clause
    topic: int | None = None                          # a year that set an earlier sentence's topic
    for (_, k, r), y in zip(raws, written):
        sentence = bisect_right(ends, r.start)
        if k != para:
            para, in_sentence, topic = k, None, None
            i = bisect_right(order, k) - 1
            section = heading_year.get(order[i]) if i >= 0 else None
            if section is None:
                section = title
        here = in_sentence[1] if in_sentence is not None and in_sentence[0] == sentence else None
        out.append(here if here is not None else topic if topic is not None else section)
        if y is not None and t and (_opens_clause(t, r) or (isinstance(r.stated, Stated) and r.stated.m is not None)):
            in_sentence = (sentence, y)          # a date's year (the 9th of September, 2021) counts anywhere
            if _sets_topic(t, r):
                topic = y
    return out


# what may stand between a clause's start and a year that opens it: 在2019年, 于2019年3月, In 2019
_CLAUSE_START = re.compile(r"(?:^|[。！？!?；;，,、：:（(\n])\s*(?:在|于|到了|进入|截至|(?:in|during|by|throughout|early|late|mid-?)\s+)?\s*\Z",
                           re.I)
_TOPIC_AFTER = re.compile(r"\s*[，,]")


def _opens_clause(t: str, r: RawClaim) -> bool:
    return r.start == 0 or _CLAUSE_START.search(t, max(0, r.start - 12), r.start) is not None


def _sets_topic(t: str, r: RawClaim) -> bool:
    """A year (or a date) a comma follows sets the topic of what comes after it: 2019年，…"""
    return _TOPIC_AFTER.match(t, r.end) is not None


_TIMES = frozenset({"year", "date", "date_range"})


def _states_days(r: RawClaim) -> bool:
    """A date the text writes out (9月8日至9日), not one read relative to another (本月, 周三)."""
    s = r.stated
    return isinstance(s, Stated) and s.m is not None and s.d is not None and not (s.rel or s.ago or s.since)


def _days_of(value) -> list[date]:
    """The days of a resolved date or short range (a month at most)."""
    if not isinstance(value, DateValue) or not value.start or not value.end:
        return []
    first, last = date.fromisoformat(value.start), date.fromisoformat(value.end)
    n = (last - first).days
    return [first + timedelta(days=i) for i in range(n + 1)] if 0 <= n <= 31 else []
