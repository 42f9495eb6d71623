"""Translation rules: pair the claims of an aligned segment pair, then judge each pair.

Pairing is an assignment: equal values first, then compatible intervals and units, then near
misses (a digit changed, a scale error) so that a wrong figure is one mismatch rather than one
missing plus one extra; what is left is missing or extra. Severity follows the evidence: a
clear mismatch in a confident pair is an error, omissions and additions are warnings at most,
anything in a low-confidence pair (a free rewrite) is softer.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from collections.abc import Sequence

from checker.bitext import Segment
from checker.engine import compare as cmp
from checker.engine.catalogue import SEVERITIES, rule
from checker.findings import Finding
from checker.model import Claim, Interval

CONFIDENT = 0.5       # a pair at least this sure of itself gets full severities
DOUBTFUL = 0.25       # below this, everything is info


def judge(source: Sequence[Claim], target: Sequence[Claim], confidence: float,
          target_segment: Segment | None, source_segment: Segment | None, paired=None) -> list[Finding]:
    """The translation findings of one aligned segment pair (``paired``: its pair_claims result)."""
    pairs, near, missing, extra = paired if paired is not None else pair_claims(source, target)
    missing, extra = list(missing), list(extra)
    out: list[Finding] = []
    for s, t in pairs:
        out.extend(_qualifier(s, t, confidence))
        if cmp.family(s) == "date":
            out.extend(_stated_once(s, t, confidence))
    for s, t in near:
        out.append(_mismatch(s, t, confidence))
    # A figure stated twice on one side and once on the other is a repetition, not a new claim;
    # a second statement that is a near miss of the first is a mismatch (116th … 115th).
    said = [c for pair in pairs for c in pair]
    repeats = _repeat_finder(said)
    nearby = _pairs_near(pairs, len(extra))
    second: set[int] = set()
    for t in extra:
        s = next((a for a, b in nearby(t) if b.kind == t.kind and b.unit == t.unit and cmp.digits_alike(b, t)
                  and (t.kind == "ordinal" or _significant(t) >= 3)), None)
        if s is not None:
            second.add(id(t))
            out.append(_mismatch(s, t, confidence))
    extra = [t for t in extra if id(t) not in second]
    for s in missing:
        out.append(_missing(s, confidence, target_segment, repeats(s)))
    undated = not any(cmp.family(c) == "date" for c in source)
    figureless = not any(cmp.family(c) == "numeric" for c in source)
    for t in extra:
        out.append(_extra(t, confidence, source_segment, repeats(t),
                          _names_a_day(t, source) or _glossed(t, target_segment), undated and _near_time(t),
                          figureless and _in_words(t)))
    return out


def uncopied(claims: Sequence[Claim], other: str, other_claims: Sequence[Claim]) -> list[Claim]:
    """The claims but those whose figure stands as written in the other side's text where no claim
    of the other side reads it: "35GB", "3nm", "101", "10/12/21" copied into the translation (digits,
    and a Latin unit symbol glued or spaced, not inside a longer number or word). The other side's
    extractor left it unread (an unknown unit symbol, a phone number, a name), but both texts state
    the same figure, so it is neither missing, nor extra, nor to be paired with another."""
    low = read = None
    out = []
    for c in claims:
        m = _FIGURE.search(re.sub(r"\s+", "", c.text).lower())
        if m is not None:
            if low is None:
                low = other.lower()
                read = {d for o in other_claims for d in _DIGITS.findall(o.text)}    # figures read there
            digits, letters = m.group("d"), m.group("u").removesuffix("s") if len(m.group("u")) > 2 else m.group("u")
            # (the set first: a pattern made for one figure is compiled anew, and costs)
            if digits not in read and re.search(r"(?<![0-9a-z.,])" + re.escape(digits)
                                                + (r"\s*" + re.escape(letters) if letters else "")
                                                + r"(?![0-9a-z]|[.,]\d)", low):
                continue
        out.append(c)
    return out


# the figure at the end of a claim's text: "about 35GB" → 35, gb; "call 101" → 101
_FIGURE = re.compile(r"(?<![\d.,])(?P<d>\d+(?:[.,]\d+)*)(?P<u>[a-zµμ]*)\Z")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


_RELATIVE_WORDS = {("year", -1): "last year", ("year", 1): "next year", ("month", -1): "last month",
                   ("month", 1): "next month", ("week", -1): "last week", ("week", 1): "next week",
                   ("day", -1): "yesterday", ("day", 1): "tomorrow"}


def _stated_once(s: Claim, t: Claim, confidence: float) -> list[Finding]:
    """A time one side of an agreeing pair of dates writes and the other leaves out. A year the
    document's time implies (今年1月 → "January"; 2023年1月 → "January" in a 2023 text) may
    go; a year it does not (去年11月 → "November"), or a week, month or day relative to another
    (上周六 → "Saturday"), is information lost; a year the translation adds is checked against
    the year the source's date falls in, when that is known."""
    if "decade" in s.flags or "decade" in t.flags:
        return []                         # 80年代 and the 1980s: a decade's century is no date's year
    ws, wt = cmp.written(s), cmp.written(t)
    a, b = cmp.days(s), cmp.days(t)
    out = []
    if ws.year and not wt.year and ws.year != ("rel", 0):
        implied = ws.year[0] == "abs" and b is not None and b[0][:4] == f"{ws.year[1]:04d}" \
            and not (cmp.year_basis(t) == "inferred" and "as_of_inferred" in t.flags)
        if not implied:
            what = _RELATIVE_WORDS.get(("year", ws.year[1]), "its year") if ws.year[0] == "rel" else str(ws.year[1])
            message = f"the translation leaves out the year of {_show(s)} ({what}): it says {_show(t)}"
            out.append(_finding("missing-claim", _severity(rule("missing-claim").severity, confidence), message,
                                t, None, (("source", s), ("target", t))))
    elif ws.rel and ws.rel[1] != 0 and not wt.rel and not (wt.year and wt.year[0] == "rel") and wt.md is None \
            and wt.day_only is None:
        # (上周六 → "Saturday": both name a day, and they are not the same day — a date that
        # disagrees, not a part left out)
        what = _RELATIVE_WORDS.get(ws.rel, "a relative date")
        message = f"source says {_show(s)}, translation says {_show(t)}: it leaves out '{what}', and names another day"
        out.append(_finding("date-mismatch", _severity(rule("date-mismatch").severity, confidence), message,
                            t, None, (("source", s), ("target", t))))
    if wt.year and wt.year[0] == "abs" and not ws.year:
        year = wt.year[1]
        if a is None:
            message = f"the translation adds the year {year} to {_show(s)}, which the source leaves to its context"
        elif a[0][:4] != f"{year:04d}" and a[1][:4] != f"{year:04d}":
            message = f"the translation writes {year} for {_show(s)}, which falls in {a[0][:4]} by the document's date"
        else:
            return out
        out.append(_finding("extra-claim", _severity(rule("extra-claim").severity, confidence), message,
                            t, None, (("source", s), ("target", t))))
    return out


_GLOSS_OPEN = re.compile(r"[(（]\s*\Z")
_GLOSS_CLOSE = re.compile(r"\s*[)）]")


def _glossed(t: Claim, segment: Segment | None) -> bool:
    """A date the translation adds in parentheses of its own, as a gloss of a name the source
    gives without it: the 14th Five-Year Plan (2021-2025) for 十四五规划."""
    if segment is None or cmp.family(t) != "date" or t.end > len(segment.doc_text):
        return False
    text = segment.doc_text
    return bool(_GLOSS_OPEN.search(text, max(0, t.start - 3), t.start) and _GLOSS_CLOSE.match(text, t.end))


def _names_a_day(t: Claim, source: Sequence[Claim]) -> bool:
    """A weekday the translation adds beside the dates the source gives (on Wednesday, 9月8日)."""
    return cmp.family(t) == "date" and cmp.written(t).weekday is not None \
        and any(cmp.family(c) == "date" and cmp.written(c).weekday is None for c in source)


def _repeats(c: Claim, said: Sequence[Claim]) -> bool:
    """Whether ``c`` states again a figure already paired (a date and the weekday written beside
    it are two statements of one day, not one repeated: 周五（2月10日） → "Friday" drops the date)."""
    return any(cmp.family(c) == cmp.family(o) and _weekday_only(c) == _weekday_only(o) and cmp.compare(c, o).exact
               for o in said)


def _repeat_finder(said: Sequence[Claim]):
    """``_repeats`` against ``said``: a scan in an ordinary paragraph; in a huge one (thousands
    of figures in one line), only the claims that state the same number are compared (an exact
    agreement states it), so the work stays linear."""
    if len(said) <= 200:
        return lambda c: _repeats(c, said)
    groups: dict[tuple, list[Claim]] = {}
    for o in said:
        groups.setdefault(_repeat_key(o), []).append(o)
    return lambda c: _repeats(c, groups.get(_repeat_key(c), ()))


def _repeat_key(c: Claim) -> tuple:
    return cmp.family(c), _weekday_only(c), _key_number(c)


def _pairs_near(pairs: list, extras: int):
    """The agreeing pairs to look for an extra claim's first statement in: all of them, or in a
    huge paragraph the hundred on each side of its place in the translation."""
    if len(pairs) * extras <= 40_000:
        return lambda t: pairs
    ordered = sorted(pairs, key=lambda p: p[1].start)
    starts = [p[1].start for p in ordered]

    def near(t: Claim) -> list:
        k = bisect_left(starts, t.start)
        return ordered[max(0, k - 100):k + 100]
    return near


def _weekday_only(c: Claim) -> bool:
    return cmp.family(c) == "date" and cmp.written(c).weekday is not None


def pair_claims(source: Sequence[Claim], target: Sequence[Claim]):
    """(agreeing pairs, near misses, unpaired source claims, unpaired target claims).

    Every candidate pair gets one score — how alike the values are (equal, compatible, a digit
    apart), whether units and kinds agree, how close their positions are — and the best pairs
    are taken first, so that 200名 meets "201 suspects" and 200余起 meets "more than 200 cases"
    rather than the other way round."""
    # a range written as one claim on one side and as its two ends on the other (2%至3% ↔ "between 2
    # and 3 percent"; 约180亿至210亿新元 ↔ "about S$18 billion to S$21 billion") is one statement
    used_s, used_t = _range_ends(source, target)
    edges = []
    candidates = _candidates(source, target)
    for i, s in enumerate(source):
        for j in candidates(i):
            t = target[j]
            if i in used_s or j in used_t:
                continue
            if _day_as_ordinal(s, t):
                edges.append((7 - abs(_rel(i, len(source)) - _rel(j, len(target))), True, i, j))
                continue
            if cmp.family(s) != cmp.family(t):
                continue
            if ("vague_word" in s.flags or "vague_word" in t.flags) and s.kind != t.kind:
                continue                  # "a few hours" is no near miss of 两个 (a count)
            v = cmp.compare(s, t)
            alike = v.same or cmp.digits_alike(s, t) or v.unit_problem
            score = (6 if v.exact else 4 if v.same else 2 if alike else 0) + _units(s, t) + (s.kind == t.kind) \
                + 1 - abs(_rel(i, len(source)) - _rel(j, len(target)))
            if alike and score >= 2.5:
                edges.append((score, v.same, i, j))
    edges.sort(key=lambda e: -e[0])
    pairs, near = [], []
    for _, same, i, j in edges:
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        (pairs if same else near).append((source[i], target[j]))
    # A leftover that is the only one on each side to count a given thing (2455人 ↔ "2,600
    # people", 3批 ↔ "four batches") is that figure mistranslated, however many others drifted
    # beside it: a mismatch, not one missing and one extra.
    for unit in {s.unit for i, s in enumerate(source) if i not in used_s and s.unit}:
        ls = [i for i, s in enumerate(source) if i not in used_s and s.unit == unit]
        lt = [j for j, t in enumerate(target) if j not in used_t and t.unit == unit]
        if len(ls) == len(lt) == 1 and cmp.family(source[ls[0]]) == cmp.family(target[lt[0]]) \
                and _shape(source[ls[0]]) == _shape(target[lt[0]]) and cmp.compare(source[ls[0]], target[lt[0]]).comparable:
            used_s.add(ls[0])
            used_t.add(lt[0])
            near.append((source[ls[0]], target[lt[0]]))
    # A day of the month or an ordinal left over on one side, and the same number left over as a
    # count on the other, is that day or rank mistranslated (11日 → "11 days", 二十大 → "20 major
    # seminars"): one mismatch of its family, not a missing and an extra claim.
    for i, s in enumerate(source):
        if i in used_s:
            continue
        for j in candidates(i):
            t = target[j]
            if j not in used_t and _turned(s, t):
                used_s.add(i)
                used_t.add(j)
                near.append((s, t))
                break
    # What is left of one family in equal numbers on both sides is the same figures, mistranslated
    # (2455人次 → 2,600 people): pair them in order rather than report each as missing and extra.
    for fam in ("numeric", "date", "ordinal"):
        # (a year alone, however written, or a named date, is no minor claim here: 去年 left beside
        # "2019", or 六四 beside "May 4th", is a drift)
        # (nor is one day or year in words: 40天 left beside "a month" is a drift)
        ls = [i for i, s in enumerate(source) if i not in used_s and cmp.family(s) == fam
              and (not _minor(s) or _shape(s) == "year" or "named" in s.flags or _one_span(s))]
        lt = [j for j, t in enumerate(target) if j not in used_t and cmp.family(t) == fam
              and (not _minor(t) or _shape(t) == "year" or _one_span(t))]
        if any(_shape(source[i]) != _shape(target[j]) or not cmp.compare(source[i], target[j]).comparable
               for i, j in zip(ls, lt)):
            continue
        if ls and len(ls) == len(lt):
            for i, j in zip(ls, lt):
                used_s.add(i)
                used_t.add(j)
                near.append((source[i], target[j]))
    missing = [s for i, s in enumerate(source) if i not in used_s]
    extra = [t for j, t in enumerate(target) if j not in used_t]
    return pairs, near, missing, extra


_ALL_PAIRS = 40_000          # a paragraph pair of up to 200 × 200 claims has every pair scored


def _candidates(source: Sequence[Claim], target: Sequence[Claim]):
    """For source claim i, the target claims it may pair with: all of them in a paragraph of
    ordinary size; in a huge one (a table, a list of thousands of figures in one line), only those
    near its place and those that state its number — any other pair would score low for
    distance anyway, and scoring every pair would be quadratic."""
    every = range(len(target))
    if len(source) * len(target) <= _ALL_PAIRS:
        return lambda i: every
    by_number: dict[object, list[int]] = {}
    for j, t in enumerate(target):
        by_number.setdefault(_key_number(t), []).append(j)
    n, reach = len(target), 30

    def near(i: int) -> list[int]:
        at = round(_rel(i, len(source)) * (n - 1))
        found = set(range(max(0, at - reach), min(n, at + reach + 1)))
        key = _key_number(source[i])
        if key is not None:
            found.update(by_number.get(key, ())[:4 * reach])
        return sorted(found)
    return near


def _key_number(c: Claim):
    """The number a claim states, as a key for finding its counterpart (None for a date)."""
    v = c.value
    return float(v.nominal) if isinstance(v, Interval) and v.nominal is not None else None


def _number_of(c: Claim):
    """The one number a claim states: a count's value, an ordinal's rank, a date's day of the
    month when that is all it writes (11日, "the 11th")."""
    if cmp.family(c) == "date":
        w = cmp.written(c)
        return w.day_only if w.day_only is not None and "relative" not in c.flags else None
    v = c.value
    return v.nominal if isinstance(v, Interval) and v.is_exact else None


def _turned(s: Claim, t: Claim) -> bool:
    """A day or a rank on one side that is a plain count on the other, with the same number."""
    fs, ft = cmp.family(s), cmp.family(t)
    if fs == ft or "numeric" not in (fs, ft) or _in_words(s) and _in_words(t):
        return False
    other = s if fs != "numeric" else t
    count = t if other is s else s
    # only a bare number (二十大 → "20 major seminars") or, against a day, a number of days (11日 →
    # "11 days"): a count of something (20日 ↔ "20 buildings", 三期 ↔ "phase 3") is another fact,
    # and a small number in words too common to tell
    if count.kind not in ("count", "number", "duration") or _in_words(count) \
            or not (count.unit is None or count.unit == "day" and cmp.family(other) == "date"):
        return False
    if cmp.family(other) == "date" and other.text.rstrip().endswith("号"):
        return False                     # 7号通道, 12号甲板: 号 numbers a thing as often as a day
    a, b = _number_of(other), _number_of(count)
    return a is not None and b is not None and int(a) == a and a == b and a > 1


def reconcile(judged: list) -> None:
    """Pair the leftovers of a whole document across its paragraph pairs, in place: a figure one
    paragraph misses that another states (a free rewrite moved it: 2600余名 in one paragraph,
    "more than 2,600" in another) is no omission; one that moved and changed — the only claim
    left of its unit on each side of the document, in a neighbouring paragraph — is a mismatch.
    Leftovers are looked up by what a moved figure keeps, so the work is linear in them.

    ``judged``: for each paragraph pair, a mutable ``[pairs, near, missing, extra]``."""
    missing = [(k, s) for k, (_, _, miss, _) in enumerate(judged) for s in miss if not _minor(s)]
    extras: dict[tuple, list] = {}
    for m, (_, _, _, more) in enumerate(judged):
        for t in more:
            if not _minor(t):
                extras.setdefault(_kept(t), []).append([m, t, False])
    # (what is paired away is noted by id and the lists filtered once at the end: removing each
    # from its list, or asking whether it is still there, would be quadratic in a paragraph
    # with thousands of leftovers)
    paired_away: set[int] = set()
    for k, s in missing:                 # (两国, 今年 are everywhere, and proof of nothing)
        for entry in extras.get(_kept(s), ()):
            m, t, taken = entry
            if taken or m == k:
                continue
            v = cmp.compare(s, t)
            if v.same and v.exact:
                entry[2] = True
                paired_away.update((id(s), id(t)))
                judged[k][0].append((s, t))       # moved: its approximation is still checked
                break
    by_unit: dict[str, tuple[list, list]] = {}
    for k, s in missing:
        if s.unit and id(s) not in paired_away:
            by_unit.setdefault(s.unit, ([], []))[0].append((k, s))
    for entries in extras.values():
        for m, t, taken in entries:
            if t.unit and not taken and t.unit in by_unit:
                by_unit[t.unit][1].append((m, t))
    for (left, right) in by_unit.values():
        if len(left) == len(right) == 1:
            (k, s), (m, t) = left[0], right[0]
            # (only between neighbouring paragraphs: a figure that changed is no proof it moved far)
            if abs(m - k) == 1 and cmp.family(t) == cmp.family(s) and _shape(t) == _shape(s) \
                    and cmp.compare(s, t).comparable and _significant(s) >= 2:
                paired_away.update((id(s), id(t)))
                judged[k][1].append((s, t))
    if paired_away:
        for entry in judged:
            entry[2][:] = [c for c in entry[2] if id(c) not in paired_away]
            entry[3][:] = [c for c in entry[3] if id(c) not in paired_away]


def _kept(c: Claim) -> tuple:
    """What a figure keeps when a rewrite moves it: its family, shape and unit, and its stated
    number (a date: its days, or what it writes)."""
    if cmp.family(c) == "date":
        stated = cmp.days(c) or repr(cmp.written(c))
    else:
        stated = c.value.nominal if isinstance(c.value, Interval) else None
    return cmp.family(c), _shape(c), c.unit, stated


def _shape(c: Claim) -> str:
    """What kind of statement a claim is, for pairing leftovers: a year written alone (2019, 去年,
    last year) is one shape whatever its kind."""
    if "decade" in c.flags:
        return "decade"
    if cmp.family(c) == "date":
        w = cmp.written(c)
        if w.year and w.day_only is None and w.weekday is None and w.rel is None \
                and (c.kind == "year" or w.md is None):
            return "year"
    return c.kind


def _range_ends(source: Sequence[Claim], target: Sequence[Claim]) -> tuple[set[int], set[int]]:
    """The indices of ranges on one side whose two ends the other side writes as two claims of the
    same kind and unit, next to each other (each range once, each end once)."""
    used_s: set[int] = set()
    used_t: set[int] = set()
    for ranges, ends, used_r, used_e in ((source, target, used_s, used_t), (target, source, used_t, used_s)):
        for i, r in enumerate(ranges):
            v = r.value
            if i in used_r or not isinstance(v, Interval) or v.low is None or v.high is None or v.low >= v.high \
                    or (r.qualifier != "range" and v.nominal is not None):
                continue
            for j in range(len(ends) - 1):
                a, b = ends[j], ends[j + 1]
                if j in used_e or j + 1 in used_e or not all(
                        _same_measure(e, r) and isinstance(e.value, Interval) and e.value.nominal is not None
                        for e in (a, b)):
                    continue
                if _equal(a.value.nominal, v.low) and _equal(b.value.nominal, v.high):
                    used_r.add(i)
                    used_e.update((j, j + 1))
                    break
    return used_s, used_t


def _same_measure(e: Claim, r: Claim) -> bool:
    """Whether an end measures what its range does: the same kind and unit, or a plain number and
    a count of something (1200万至1400万 ↔ "12 million to 14 million international tourists")."""
    if e.kind == r.kind and e.unit == r.unit:
        return True
    return {e.kind, r.kind} <= {"count", "number"} and (e.unit is None or r.unit is None)


def _equal(x, y) -> bool:
    return abs(float(x) - float(y)) <= 1e-9 * max(abs(float(y)), 1.0)


def _day_as_ordinal(s: Claim, t: Claim) -> bool:
    """11日 and an "11th" the translation's words did not show to be a day ("the 11th news",
    "(Comprehensive 11th)"): the same day of the month."""
    if s.kind != "date" or t.kind != "ordinal" or not any(ch.isdigit() for ch in t.text):
        return False
    day = cmp.written(s).day_only
    v = t.value
    return day is not None and isinstance(v, Interval) and v.nominal == day


def _units(s: Claim, t: Claim) -> int:
    """+2 for the same unit, -3 for units that cannot be the same thing (person vs case)."""
    if not s.unit or not t.unit:
        return 0
    if s.unit == t.unit:
        return 2
    return 0 if s.kind in ("quantity", "duration") and t.kind == s.kind else -3


def _significant(c: Claim) -> int:
    """How many significant digits a figure has (a one-digit change in 116 means more than in 70)."""
    v = c.value
    if not isinstance(v, Interval) or v.nominal is None:
        return 0
    return len(format(v.nominal.normalize(), "f").replace(".", "").strip("0"))


def _rel(i: int, n: int) -> float:
    return i / (n - 1) if n > 1 else 0.5


def _severity(base: str, confidence: float, soft: str = "", steps: int = 1) -> tuple[str, str, float]:
    """The severity of a finding whose rule says ``base``; why it is lower, if it is; and the
    confidence of the paragraphs' pairing. ``soft`` says why the finding is milder than its rule
    (a fair liberty of translation), when it is, and by how many ``steps``."""
    k = SEVERITIES.index(base)
    why = []
    if soft:
        k -= steps
        why.append(soft)
    if confidence < CONFIDENT:
        k -= 1
        why.append(f"the paragraphs' pairing is uncertain (confidence {confidence:.2f})")
    if confidence < DOUBTFUL:
        k = 0
    severity = SEVERITIES[max(0, k)]
    return severity, "; ".join(why) if severity != base else "", confidence


def _show(c: Claim) -> str:
    return " ".join(c.text.split())


def _with_subject(c: Claim) -> str:
    return f"{_show(c)} ({c.subject})" if c.subject else _show(c)


def _finding(name: str, severity: tuple[str, str, float], message: str, at: Claim | None,
             segment: Segment | None, claims) -> Finding:
    if at is not None:
        line, col, text = at.line, at.column, at.text
        path = at.path
        end_line = line + text.count("\n")
        end_col = (col + len(text)) if "\n" not in text else len(text.rsplit("\n", 1)[1]) + 1
    else:
        path, line, col = segment.path, segment.line, segment.column
        end_line, end_col = line, col
    level, softened, confidence = severity
    return Finding(rule(name), level, message, path or "", line, col, end_line, end_col, tuple(claims),
                   softened=softened, confidence=confidence)


# a day or rank on one side that is a bare number on the other (see _turned): by the families of
# (source, target), the rule and what happened
_TURNED = {("date", "numeric"): ("date-mismatch", "a day of the month became a count"),
           ("numeric", "date"): ("date-mismatch", "a count became a day of the month"),
           ("ordinal", "numeric"): ("ordinal-mismatch", "an ordinal became a cardinal"),
           ("numeric", "ordinal"): ("ordinal-mismatch", "a cardinal became an ordinal")}


def _mismatch(s: Claim, t: Claim, confidence: float) -> Finding:
    family = cmp.family(s)
    if family != cmp.family(t):                 # 11日 → "11 days", 二十大 → "20 major seminars"
        name, reason = _TURNED[family, cmp.family(t)]
        r = rule(name)
        message = f"source says {_show(s)}, translation says {_show(t)}: {reason}"
        return _finding(name, _severity(r.severity, confidence), message, t, None, (("source", s), ("target", t)))
    v = cmp.compare(s, t)
    name = {"date": "date-mismatch", "ordinal": "ordinal-mismatch"}.get(family) or (
        "unit-mismatch" if v.unit_problem else "value-mismatch")
    r = rule(name)
    message = r.message.format(source=_show(s), target=_show(t), subject=s.subject or s.kind, reason=v.reason)
    if name == "value-mismatch":
        if not s.subject:
            message = message.replace(f" ({s.kind})", "")
        if cmp.scale_error(s, t):
            message += f" — a scale error ({_number(s)} vs {_number(t)})"
    if v.inferred:       # an inference is never the cause of an error
        message += " (by the document's date, which is inferred)"
    return _finding(name, _severity(r.severity, confidence,
                                                   "it differs only through a time the tool inferred" if v.inferred else ""), message, t, None,
                    (("source", s), ("target", t)))


def _number(c: Claim) -> str:
    v = c.value
    return f"{int(v.nominal):,}" if isinstance(v, Interval) and v.nominal is not None and \
        v.nominal == v.nominal.to_integral_value() else _show(c)


# How far each change of approximation is below the rule's error. A direction reversed ("more
# than" → "about" or "nearly") is the error. An approximation added or dropped (30多年 →
# "30-year-old", 约4765亿 → "RM476.5 billion") is a warning: editors count it an error of meaning
# (the MQM dev set's raters did), but the figure itself agrees. "nearly" ↔ "about" both put the
# value close to the figure (近4000个日夜 → "about 4,000 days" in a published translation): a
# warning. A vague count against an approximate one is information.
_ADDED = (1, "an approximation added or dropped, not reversed")
_SOFT_DRIFT = {frozenset({"exact", "above"}): _ADDED, frozenset({"exact", "around"}): _ADDED,
               frozenset({"exact", "below"}): _ADDED, frozenset({"exact", "range"}): _ADDED,
               frozenset({"exact", "vague"}): _ADDED,     # "a dozen" ↔ 十几个
               frozenset({"below", "around"}): (2, "'nearly' and 'about' both keep the value close"),
               frozenset({"above", "vague"}): (2, "a vague count against an approximate one"),
               frozenset({"around", "vague"}): (2, "a vague count against an approximate one")}


def _qualifier(s: Claim, t: Claim, confidence: float) -> list[Finding]:
    a, b = cmp.direction(s), cmp.direction(t)
    if a == b:
        return []
    steps, why = _SOFT_DRIFT.get(frozenset({a, b}), (0, ""))
    if (steps, why) == _ADDED and _within_rounding(s if a != "exact" else t):
        steps, why = 2, "the approximation adds less than 2 % to the figure (6.6万余 ↔ 66,000)"
    r = rule("qualifier-drift")
    message = r.message.format(source=_show(s), target=_show(t), subject=s.subject or "")
    return [_finding("qualifier-drift", _severity(r.severity, confidence, why, max(steps, 1)),
                     message, t, None, (("source", s), ("target", t)))]


def _within_rounding(c: Claim) -> bool:
    """Whether an approximate figure's interval is within 2 % of it: 6.6万余公里 is 66,000 to
    67,000 km, and "66,000-km" loses little; 30多年 is 30 to 40 years, and "30-year-old" loses a
    third."""
    v = c.value
    if not isinstance(v, Interval) or v.nominal is None or v.low is None or v.high is None or not v.nominal:
        return False
    return (v.high - v.low) / abs(v.nominal) <= Decimal("0.02")


def _minor(c: Claim) -> bool:
    """Whether a translation may fairly drop or add the claim (see :func:`_minor_reason`)."""
    return bool(_minor_reason(c))


def _minor_reason(c: Claim) -> str:
    """Why a translation may fairly drop or add the claim ("" when it may not): relative times
    (今年 → omitted), a year made explicit, a date named by its month and day (双十二 → "Double
    Twelve"), a generation (90后 → "post-90s"), the count of days just named (21日、22日两日), small
    counts written in words (两国 → "bilateral"), one of something (1家 → "a"), counts named by a
    vague word ("several", "a few"), and a few of something said with no figure (几天 →
    "recently", 几十年 → "decades": no figure to lose)."""
    if "relative" in c.flags:
        return "a relative time is often left implied"
    if c.kind == "year":
        return "a year is often made explicit or left implied"
    if "named" in c.flags:
        return "a named date may be rendered by its name"
    if "generation" in c.flags:
        return "a generation (90后) is rendered by its name"
    if "restates" in c.flags:
        return "it counts the days just named"
    v = c.value
    if "vague_word" in c.flags or c.qualifier == "several" and isinstance(v, Interval) and v.nominal is None \
            and not any(ch.isdigit() for ch in c.text):
        return "a vague count is as often added or left out as said"
    if _in_words(c) and c.unit != "times":
        return "a small count in words is often rendered by other words (两国 → \"bilateral\")"
    if _one(c):
        return "one of something is said with an article"
    if _one_span(c):
        return "one day, year or minute in words is as often an idiom as a length (这一天 → \"that day\")"
    return ""


def _one(c: Claim) -> bool:
    """One of something, however written (1家研究机构 → "a research institute", 营救出1名被困人员
    → "rescued a trapped person"): English says it with an article."""
    v = c.value
    return c.kind in ("count", "number") and c.unit != "times" and isinstance(v, Interval) \
        and v.nominal == 1 and v.low == v.high == 1


def _one_span(c: Claim) -> bool:
    """A single unit of time written in words (一天, 一年, "a week"): 这一天 is "that day", 早一天
    "sooner", 一年四季 "all year round" — said as often without a length as with one."""
    v = c.value
    return c.kind == "duration" and isinstance(v, Interval) and v.nominal == 1 and v.low == v.high == 1 \
        and not c.qualifier and not any(ch.isdigit() for ch in c.text)


def _in_words(c: Claim) -> bool:
    """A small count or multiple written in words (两国, "twice")."""
    v = c.value
    return c.kind in ("count", "number") and isinstance(v, Interval) and v.nominal is not None \
        and v.nominal <= 10 and not any(ch.isdigit() for ch in c.text)


def _why_minor(c: Claim, repeated: bool = False) -> str:
    """Why leaving out or adding ``c`` is a fair liberty of translation ("" when it is not)."""
    if repeated:
        return "it repeats a figure stated once on the other side"
    return _minor_reason(c)


def _missing(s: Claim, confidence: float, segment: Segment | None, repeated: bool = False) -> Finding:
    r = rule("missing-claim")
    message = r.message.format(source=_with_subject(s)) + (" (it repeats a figure already translated)" if repeated else "")
    # a day stated twice (a dateline, then the event: 新华社北京2月11日电2月11日，…) and translated
    # once has lost one of its two statements: the day of the report or of the event
    dated = repeated and cmp.family(s) == "date" and not _minor(s)
    return _finding("missing-claim", _severity(r.severity, confidence, "" if dated else _why_minor(s, repeated)),
                    message, None if segment is not None else s, segment, (("source", s),))


def _near_time(t: Claim) -> bool:
    """A day, week or month relative to the document's (yesterday, earlier this month): a time a
    translation does not add to a source that states none without inventing it. A year ("this
    year") is often made explicit, and stays minor."""
    rel = cmp.written(t).rel if cmp.family(t) == "date" else None
    # "today" is as often "nowadays" (如今, 当今) as a day
    return rel is not None and rel[0] in ("day", "week", "month") and t.text.lower() != "today"


def _extra(t: Claim, confidence: float, segment: Segment | None, repeated: bool = False,
           aside: bool = False, invented: bool = False, rhetoric: bool = False) -> Finding:
    """``aside``: a weekday beside the source's dates, or a date in parentheses (a gloss);
    ``invented``: a near relative time added to a source that states no time; ``rhetoric``: a
    small figure in words where the source states none (a quotation rendered "twice the
    result"), unlike a multiple added among the source's figures (双降 → "doubled")."""
    r = rule("extra-claim")
    message = r.message.format(target=_with_subject(t)) + (" (it repeats a figure already stated)" if repeated else
                                                           " (an aside: a weekday or a gloss)" if aside else
                                                           " (the source states no time here)" if invented else "")
    soft = _why_minor(t, repeated) if not invented or repeated else ""
    soft = soft or ("an aside beside the source's dates" if aside else
                    "rhetoric: the source states no figure here" if rhetoric else "")
    return _finding("extra-claim", _severity(r.severity, confidence, soft=soft), message, t, None,
                    (("target", t),))
