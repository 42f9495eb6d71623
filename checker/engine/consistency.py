"""Consistency rules: what one document contradicts by itself, whatever its translation says.

invalid-date (impossible and malformed dates), weekday-mismatch (a weekday written with a date
it does not fall on), date-arithmetic (an anniversary or a span that does not fit the years it is
counted from), percent-out-of-range (a share above 100 %).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from checker.engine.catalogue import rule
from checker.findings import Finding
from checker.model import Claim, DateValue, Interval

WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEEKDAYS_ZH = "一二三四五六日"
# what may stand between a date and the weekday written with it: "2021年9月8日（星期三）",
# "Wednesday, September 8"
_BETWEEN = re.compile(r"[\s,，(（]{0,3}\Z")
_SHARE_ZH = re.compile(r"^(?:的|以上的|左右的)")
_SHARE_EN = re.compile(r"^\s+of\s+(?:the|all|its|their)\b", re.I)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")


def check_claims(claims: Sequence[Claim], texts: dict[str, str]) -> list[Finding]:
    """Findings of the consistency rules for the claims of one document (its text by path)."""
    out: list[Finding] = []
    for c in claims:
        if "malformed" in c.flags or "invalid" in c.flags:
            out.append(_invalid(c))
        elif c.kind == "percent":
            out.extend(_percent(c, texts.get(c.path or "")))
    out.extend(_parts(claims, texts))
    out.extend(_weekdays(claims, texts))
    out.extend(_arithmetic(claims, texts))
    return out


def _finding(name: str, message: str, at: Claim, others: Sequence[Claim] = ()) -> Finding:
    r = rule(name)
    return Finding(r, r.severity, message, at.path or "", at.line, at.column, at.line,
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


def _percent(c: Claim, text: str | None) -> list[Finding]:
    v = c.value
    if not isinstance(v, Interval) or v.nominal is None or v.nominal <= 100 or text is None:
        return []
    after = text[c.end:c.end + 12]
    # 增长150% (growth) may exceed 100 %; a share of something (150%的案件, 150% of the cases) may not
    if not (_SHARE_ZH.match(after) or _SHARE_EN.match(after)):
        return []
    return [_finding("percent-out-of-range", rule("percent-out-of-range").message.format(claim=_show(c)), c)]


_PARTS = re.compile(r"其中|分别|占|of which|of them|respectively", re.I)


def _parts(claims: Sequence[Claim], texts: dict[str, str]) -> list[Finding]:
    """Shares of one whole, stated in one sentence (其中，A占60%，B占50%): together at most 100 %."""
    out = []
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        text = texts.get(c.path or "")
        v = c.value
        if c.kind != "percent" or text is None or not isinstance(v, Interval) or v.nominal is None \
                or c.qualifier is not None or v.nominal > 100:
            continue
        start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, c.start - 300), c.start)), default=0)
        by_sentence.setdefault((c.path or "", start), []).append(c)
    for (path, start), group in by_sentence.items():
        text = texts[path]
        stop = _SENTENCE_END.search(text, group[-1].end)
        if len(group) < 2 or not _PARTS.search(text, start, stop.start() if stop else len(text)):
            continue
        total = sum(c.value.nominal for c in group)
        if total > 100:
            r = rule("percent-out-of-range")
            message = f"the shares {', '.join(_show(c) for c in group)} add up to {total:g} %, more than the whole"
            out.append(_finding("percent-out-of-range", message, group[-1], group[:-1]))
    return out


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
                message += f" in {day.year}, the year {'its context writes' if 'year_context' in o.flags else 'inferred for it'}"
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

    if "year_context" in o.flags:
        return None if o.as_of and fits(int(o.as_of[:4])) else rule("weekday-mismatch").severity
    if "month_inferred" in o.flags:       # 10日（星期三）: the day in the month before or after
        for n in (-1, 1):
            y, m = divmod(day.year * 12 + day.month - 1 + n, 12)
            try:
                if date(y, m + 1, day.day).isoweekday() == weekday:
                    return None
            except ValueError:
                pass
        return "warning"
    if "year_inferred" in o.flags:
        return None if fits(day.year - 1) or fits(day.year + 1) else "warning"
    return rule("weekday-mismatch").severity


def _arithmetic(claims: Sequence[Claim], texts: dict[str, str]) -> list[Finding]:
    """An anniversary (21周年, the 50th anniversary) or a span in years (22年来, over the past 22
    years) in the same sentence as the year it counts from (自2000年以来, since 2000)."""
    out = []
    for c in claims:
        counted = "anniversary" in c.flags or (c.kind == "duration" and c.unit == "year")
        if not counted or not isinstance(c.value, Interval) or not c.value.is_exact or c.as_of is None:
            continue
        text = texts.get(c.path or "")
        start = next((o for o in claims if "since" in o.flags and isinstance(o.value, DateValue) and o.value.start
                      and text is not None and _same_sentence(text, o, c)), None)
        if start is None:
            continue
        years = int(c.as_of[:4]) - int(start.value.start[:4])
        n = int(c.value.nominal)
        if abs(years - n) > (0 if "anniversary" in c.flags else 1):
            reason = f"from {start.value.start[:4]} to {c.as_of[:4]} is {years} years, not {n}"
            message = rule("date-arithmetic").message.format(first=_show(start), second=_show(c), reason=reason)
            out.append(_finding("date-arithmetic", message, c, (start,)))
    return out


def _same_sentence(text: str, a: Claim, b: Claim) -> bool:
    lo, hi = sorted((a.start, b.start))
    return _SENTENCE_END.search(text, lo, hi) is None


def _show(c: Claim) -> str:
    return " ".join(c.text.split())
