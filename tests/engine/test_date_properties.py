"""Dates compared as written (issue 11), as properties over generated bitexts.

A translation that renders the source's dates in any English format — with the year where the
source writes one, with or without it where the source leaves it to the document's time — is
quiet; changing one day, month or year that both sides write gives exactly one finding."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext

MONTHS = "January February March April May June July August September October November December".split()
ABBREVIATIONS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()


@st.composite
def a_date(draw):
    """A day and how the source writes it."""
    year = draw(st.integers(min_value=1990, max_value=2035))
    day = draw(st.dates(min_value=date(year, 1, 1), max_value=date(year, 7, 1)))
    written = draw(st.sampled_from(["full", "partial", "this-year"]))
    return day, written


def document_time(days) -> str:
    """The day after the last: news reports what has happened, and the year a partial date
    implies is then the year of these days (they lie within half a year of it)."""
    return (max(days) + timedelta(days=1)).isoformat()


def zh_date(day: date, written: str) -> str:
    md = f"{day.month}月{day.day}日"
    return {"full": f"{day.year}年{md}", "partial": md, "this-year": f"今年{md}"}[written]


def en_date(day: date, style: str, with_year: bool) -> str:
    month, d, y = MONTHS[day.month - 1], day.day, day.year
    forms = {
        "mdy": f"{month} {d}" + (f", {y}" if with_year else ""),
        "dmy": f"{d} {month}" + (f" {y}" if with_year else ""),
        "abbr": f"{ABBREVIATIONS[day.month - 1]} {d}" + (f", {y}" if with_year else ""),
        "ordinal": f"{month} {d}{_suffix(d)}" + (f", {y}" if with_year else ""),
        "iso": f"{y}-{day.month:02d}-{d:02d}",
    }
    return forms[style]


def _suffix(d: int) -> str:
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


STYLES = st.sampled_from(["mdy", "dmy", "abbr", "ordinal", "iso"])


def _loud(zh_text: str, en_text: str, as_of: str | None) -> list:
    b = Bitext((Segment("zh.txt", zh_text, 0, len(zh_text)),), (Segment("en.txt", en_text, 0, len(en_text)),),
               aligned=True)
    return [f for f in check_bitext(b, as_of=as_of).findings if f.severity != "info"]


def _corpus(units: list[tuple[str, str]]) -> Bitext:
    """A line-aligned corpus (--aligned): line i of the target translates line i of the source."""
    zh_text = "\n".join(z for z, _ in units)
    en_text = "\n".join(e for _, e in units)
    sides = []
    for text in (zh_text, en_text):
        segs, pos = [], 0
        for i, line in enumerate(text.split("\n")):
            segs.append(Segment(f"{'zh' if text is zh_text else 'en'}.txt", text, pos, pos + len(line), line=i + 1))
            pos += len(line) + 1
        sides.append(tuple(segs))
    return Bitext(sides[0], sides[1], aligned=True)


@settings(max_examples=150, deadline=None)
@given(st.lists(a_date(), min_size=1, max_size=3), st.data())
def test_any_english_rendering_of_the_dates_is_quiet(dates, data):
    first = dates[0][0]
    days = [first + timedelta(days=(d - date(d.year, 1, 1)).days % 150) for d, _ in dates]
    written = [w for _, w in dates]
    styles = [data.draw(STYLES) for _ in days]
    # the year where the source writes one; with or without it where the source leaves it implicit
    with_years = [w == "full" or data.draw(st.booleans()) for w in written]
    styles = [s if y or w == "full" or s != "iso" else "mdy" for s, y, w in zip(styles, with_years, written)]
    # the unit is dated by its own dateline; another unit of the corpus speaks of a later year, which
    # must not move this unit's dates
    when = date.fromisoformat(document_time(days))
    zh_text = f"（{when.year}年{when.month}月{when.day}日 北京）" + "，".join(
        f"{zh_date(d, w)}，代表团抵达会场" for d, w in zip(days, written)) + "。"
    en_text = f"(Beijing, {en_date(when, 'mdy', True)}) " + " ".join(
        f"On {en_date(d, s, y)}, the delegation arrived at the venue." for d, s, y in zip(days, styles, with_years))
    later = when.replace(year=when.year + data.draw(st.integers(min_value=1, max_value=9)), day=min(when.day, 28))
    other = (f"{later.year}年{later.month}月{later.day}日，会议闭幕。", f"The meeting closed on {en_date(later, 'mdy', True)}.")
    loud = [f for f in check_bitext(_corpus([(zh_text, en_text), other])).findings if f.severity != "info"]
    assert loud == [], (zh_text, en_text, [f.message for f in loud])


@settings(max_examples=150, deadline=None)
@given(a_date(), STYLES, st.sampled_from(["day", "month", "year"]), st.integers(min_value=1, max_value=5))
def test_one_changed_part_both_sides_write_is_one_finding(d, style, part, shift):
    day, written = d
    if part == "year":
        written = "full"                     # a year both sides write
    if style == "iso":
        written = "full"
    if part == "day":
        changed = day.replace(day=(day.day - 1 + shift) % 28 + 1) if day.day != (day.day - 1 + shift) % 28 + 1 \
            else day.replace(day=day.day % 28 + 1)
    elif part == "month":
        m = (day.month - 1 + shift) % 12 + 1
        changed = day.replace(month=m, day=min(day.day, 28))
        day = day.replace(day=min(day.day, 28))
    else:
        changed = day.replace(year=day.year + shift, day=min(day.day, 28))
        day = day.replace(day=min(day.day, 28))
    assert changed != day
    zh_text = f"{zh_date(day, written)}，代表团抵达会场。"
    en_text = f"On {en_date(changed, style, written == 'full')}, the delegation arrived at the venue."
    loud = _loud(zh_text, en_text, document_time([day]))
    assert [f.rule.name for f in loud] == ["date-mismatch"], (zh_text, en_text, [f.message for f in loud])
