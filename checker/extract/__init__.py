"""From a document's text to its claims: normalise, split into paragraphs by language, run the
Chinese or English extractor on each, and map every span back to the original text."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from checker.extract import en, series, zh
from checker.extract.asof import sentence_times
from checker.extract.dates import DocDate, Stated, resolve, weekdays_from
from checker.extract.docdate import document_date
from checker.extract.raw import RawClaim
from checker.io.document import Document
from checker.model import Claim, DateValue
from checker.scripts import HAN
from checker.text.normalize import normalize

_HAN_RUN = re.compile(f"[{HAN}]+")
_LATIN_RUN = re.compile("[A-Za-z]+")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
# an English phrase inside a Chinese line: three or more Latin words ("(more than 2,600 peacekeepers)")
_ENGLISH_RUN = re.compile(r"[A-Za-z$€£][A-Za-z0-9'’$€£%.,:;\-/ \t]*")


def paragraph_language(text: str, start: int, end: int) -> str | None:
    """'zh', 'en', or None for a paragraph with neither (numbers, punctuation)."""
    han = sum(map(len, _HAN_RUN.findall(text, start, end)))
    if han and han * 3 >= sum(map(len, _LATIN_RUN.findall(text, start, end))):
        return "zh"
    if _LATIN_RUN.search(text, start, end):
        return "en"
    return None


def _segments(t: str, s: int, e: int, lang: str):
    """A line's runs by language: in a line with both scripts, English phrases of three or more
    words are read as English and the rest, where it has Chinese, as Chinese — so neither loses
    its qualifiers or subjects ("2600余名维和警察 (more than 2,600 peacekeepers)")."""
    if not (_LATIN_RUN.search(t, s, e) and _HAN_RUN.search(t, s, e)):
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


def extract_document(doc: Document, as_of: str | None = None) -> list[Claim]:
    return extract_text(doc.text, path=doc.path, as_of=as_of, view=doc.view)


def extract_text(text: str, *, path: str | None = None, as_of: str | None = None,
                 view: str | None = None) -> list[Claim]:
    """Every claim in ``text``, in order, with offsets into ``text`` itself."""
    norm = normalize(text, view)
    t = norm.text
    raws: list[tuple[str, int, RawClaim]] = []     # language, paragraph, claim
    lang = "zh"
    for k, para in enumerate(_LINE.finditer(t)):
        s, e = para.span()
        lang = paragraph_language(t, s, e) or lang
        for seg_lang, a, b in _segments(t, s, e, lang):
            extractor = zh if seg_lang == "zh" else en
            raws.extend((seg_lang, k, r) for r in extractor.extract(t, a, b))
    if not raws:
        return []
    doc_date = document_date(text, [r for _, _, r in raws], as_of, t)
    _resolve_dates(raws, doc_date)
    sentence_times(t, raws, doc_date)
    series.mark(t, raws)
    as_of = doc_date.day.isoformat() if doc_date else None
    inferred = ("as_of_inferred",) if doc_date and doc_date.inferred else ()
    if doc_date and doc_date.inferred and doc_date.precision == "year":
        inferred += ("as_of_bound",)      # on or after January 1 of a year: not the day itself
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    claims = []
    for lang, _, r in raws:
        start, end = norm.offsets.span(r.start, r.end)
        line = bisect_right(line_starts, start)
        claims.append(Claim(
            path=path, line=line, column=start - line_starts[line - 1] + 1, start=start, end=end,
            lang=lang, kind=r.kind, text=text[start:end], value=r.value, unit=r.unit,
            qualifier=r.qualifier, subject=r.subject, as_of=r.as_of or as_of,
            flags=r.flags + (inferred if r.as_of is None else ()),
        ))
    return claims


_RESOLUTION_FLAGS = frozenset({"invalid", "year_inferred", "month_inferred", "weekday_inferred"})


def _resolve_dates(raws: list[tuple[str, int, RawClaim]], doc_date: DocDate | None) -> None:
    """Give every stated date its calendar days, now that the document's date is known; a bare
    weekday takes the day of that weekday among the dates of its own paragraph, if there is one."""
    if doc_date is None:
        return
    for _, _, r in raws:
        if isinstance(r.stated, Stated) and "named" not in r.flags:  # “10·5”: an event of its own year
            value, flags = resolve(r.stated, doc_date)
            r.value = value
            r.flags = tuple(f for f in r.flags if f not in _RESOLUTION_FLAGS) + flags
    days = [(k, r.start, day) for _, k, r in raws if _states_days(r) for day in _days_of(r.value)]
    for _, k, r in raws:
        if "weekday_inferred" not in r.flags:
            continue
        same = [(abs(pos - r.start), day) for j, pos, day in days
                if j == k and day.isoweekday() == r.stated.weekday]
        if same:
            r.value = weekdays_from(min(same)[1], r.stated)
            r.flags = tuple(f for f in r.flags if f != "weekday_inferred")


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
