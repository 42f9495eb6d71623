"""Corpus rules: a document's claims against the archive of what was published before (the ledger).

Each claim with a subject is looked up under its subject key (checker/ledger/keys.py) among
the archive's claims that speak for the same moment (a day, or a time of a day: 截至5月3日12时),
and the nearest before and after it. Then:

* value-conflict — the same subject, the same moment, the same measure, incompatible values;
* stale-figure — the document repeats a figure the archive has since replaced by another in the
  same measure;
* cumulative-decrease — a running total (累计, 已, "have contributed", an ordinal series) that is
  lower than an earlier one, or higher than a later one, in the same measure;
* figure-timeline (info) — the figure changed over time in a way that holds: the timeline;
* measure-differs (info) — the archive counts the subject in another measure (人次 and 名).

Values are compared as intervals (checker/engine/compare.py), never as digit strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.engine import compare as cmp
from checker.engine.catalogue import rule
from checker.findings import Finding
from checker.ledger.store import claim_of
from checker.ledger.keys import file_keys, glossary, is_generic, relative_level, similarity
from checker.model import Claim, Interval

CHECKED = frozenset({"count", "quantity", "money", "percent", "number", "ordinal"})
_COUNTS = frozenset({"count", "number"})
_TIMELINE = 6               # archive entries shown in a timeline


@dataclass(frozen=True)
class _Archive:
    """The ledger as one check reads it: the documents it leaves out (the checked files) and the
    similarity generic subjects need. (Its claims are filed under the keys of the dictionary
    it has learnt, whatever the order of indexing: the ledger files them again as it learns.)"""

    ledger: object
    exclude: Sequence[str]
    hashes: Sequence[str]
    threshold: float
    # the answers already read in this check: the claims of one draft share their key and day,
    # and the ledger does not change while it is read
    answers: dict = field(default_factory=dict, compare=False)
    claims: dict = field(default_factory=dict, compare=False)       # claim id -> claim()
    memo: dict = field(default_factory=dict, compare=False)         # _headline's, for this check
    filtered: dict = field(default_factory=dict, compare=False)     # comparable()'s verdicts
    headlines: dict = field(default_factory=dict, compare=False)    # headline()'s answers
    order: dict = field(default_factory=dict, compare=False)        # id(claim()) -> claim id

    def under(self, key: str, **query) -> list[dict]:
        """ledger.claims_under(key, **query), read once per check."""
        k = (key,) + tuple(sorted((n, tuple(v) if isinstance(v, (list, tuple)) else v)
                                  for n, v in query.items()))
        if k not in self.answers:
            self.answers[k] = self.ledger.claims_under(key, **query)
        return self.answers[k]

    def series(self, key: str) -> "_Series | None":
        """Every archive claim under ``key``, read once, when there are at most _SERIES; else
        None (the windows are read from the ledger's indexes, lookup by lookup)."""
        k = ("series", key)
        if k not in self.answers:
            # counted first, from the index: a key beyond _SERIES is never read whole
            many = self.ledger.count_under(key, exclude=self.exclude, exclude_sha256=self.hashes,
                                           limit=_SERIES + 1) > _SERIES
            rows = [] if many else self.ledger.claims_under(key, exclude=self.exclude, exclude_sha256=self.hashes,
                                                            limit=_SERIES + 1)
            # (decided again on the rows read: an index run may have filed more in between)
            self.answers[k] = None if many or len(rows) > _SERIES else _Series(rows)
        return self.answers[k]

    def comparable(self, c: Claim, rows: list[dict]) -> list[Claim]:
        """The claims of ``rows`` that may be compared with ``c``: of its family, a comparable
        kind and the same series (_same_kinds). What decides it is a few features of ``c``, so a
        row's verdict is kept for every claim that shares them (the rows of a key come back for
        each draft claim under it)."""
        series = _series_kind(c)
        sig = (cmp.family(c), c.kind if c.kind not in _COUNTS else None, series,
               (c.as_of or "")[:4] if series == "year" else None)
        verdicts = self.filtered.setdefault(sig, {})
        out = []
        for r in rows:
            i = r["claim_id"]
            a = verdicts.get(i)
            if a is None:
                a, fa, sa = self.claim(r)
                a = verdicts[i] = a if fa == sig[0] and _comparable_kind(a, c) and _same_kinds(series, sa, c, a) \
                    else False
            if a is not False:
                out.append(a)
        return out

    def headline(self, claims: list[Claim]) -> list[Claim]:
        """_headline(claims), worked out once for one set of archive claims: under a key whose
        archive fits in the windows, every draft claim reads the same rows."""
        k = frozenset(map(id, claims))
        keep = self.headlines.get(k)
        if keep is None:
            # in the order the archive holds them, whatever order the windows gave: of equal
            # figures of a document, the one it states first is kept, for every draft claim
            ordered = sorted(claims, key=lambda a: self.order[id(a)])
            keep = self.headlines[k] = frozenset(map(id, _headline(ordered, self.memo)))
        return [a for a in claims if id(a) in keep]

    def claim(self, row: dict) -> tuple[Claim, str, str | None]:
        """The Claim of an archive row, with its family and series kind, made once per check."""
        found = self.claims.get(row["claim_id"])
        if found is None:
            a = claim_of(row)
            found = self.claims[row["claim_id"]] = a, cmp.family(a), _series_kind(a)
            self.order[id(a)] = row["claim_id"]
        return found


def _comparable_kind(a: Claim, b: Claim) -> bool:
    return a.kind == b.kind or (a.kind in _COUNTS and b.kind in _COUNTS)


def other_measure(a: Claim, b: Claim) -> bool:
    """Two counts of one subject in different measures: 2455人次 (person-times), 2600余名 (persons)."""
    return a.kind in _COUNTS and b.kind in _COUNTS and bool(a.unit) and bool(b.unit) and a.unit != b.unit


def _agree(a: Claim, b: Claim) -> bool:
    return cmp.compare(a, b).same


def _above(a: Claim, b: Claim) -> bool:
    """a is certainly larger than b: a's least value lies above b's greatest, an open end
    ("more than 10,000") reaching as far as it says."""
    alo, _ = _open_bounds(a.value)
    _, bhi = _open_bounds(b.value)
    return alo > bhi and not _agree(a, b)     # (the bounds first: they are cheap, compare is not)


def _falls(a: Claim, b: Claim) -> bool:
    """From a to b the figure goes down: b's stated number is below a's (200余名 → 100余名), or b
    lies wholly below a."""
    if a.value.nominal is not None and b.value.nominal is not None and not other_measure(a, b):
        return b.value.nominal < a.value.nominal
    return _above(a, b)


def _open_bounds(v: Interval) -> tuple[float, float]:
    return (float(v.low) if v.low is not None else float("-inf"),
            float(v.high) if v.high is not None else float("inf"))


def _repeats(c: Claim, old: Claim) -> bool:
    """c says what ``old`` said: they agree, and ``old`` is no vaguer (1.5万多 does not repeat
    1万多, which merely holds it)."""
    if not _agree(c, old):
        return False
    (clo, chi), (olo, ohi) = cmp._bounds(c.value), cmp._bounds(old.value)
    return ohi - olo <= (chi - clo) * (1 + 1e-9) or c.value.nominal == old.value.nominal


def _show(c: Claim) -> str:
    return " ".join(c.text.split())


def _where(c: Claim) -> str:
    return f"{_when(c)}, {c.path}:{c.line}"


def _when(c: Claim) -> str:
    """The day a claim speaks for; a bound (a document dated by a span of years) as its year."""
    return f"{c.as_of[:4]} or later" if "as_of_bound" in c.flags else str(c.as_of)


def _finding(name: str, message: str, c: Claim, archive: Sequence[Claim], severity: str | None = None) -> Finding:
    end_col = c.column + len(c.text) if "\n" not in c.text else len(c.text.rsplit("\n", 1)[1]) + 1
    return Finding(rule(name), severity or rule(name).severity, message, c.path or "", c.line, c.column,
                   c.line + c.text.count("\n"), end_col,
                   (("document", c),) + tuple(("archive", a) for a in archive))


def _headline(claims: Sequence[Claim], memo: dict | None = None) -> list[Claim]:
    """The figures that speak for their whole subject: of the claims one document makes about one
    subject in one measure, the largest (2名中国维和警察 among 20名维和警察 at a ceremony are parts
    of a group, not its size; 从第1次到第116次 has reached the 116th), once (a bilingual article
    states it in both languages). Order is kept. Figures a document gives for stated moments
    (截至7月21日8时 …；截至20时 …) are each their moment's headline."""
    best: dict[tuple, Claim] = {}
    # each claim's bounds and each pair's verdict, once: a check asks for the same archive
    # claims' headlines claim after claim (``memo`` lives as long as the claims it names)
    memo = {} if memo is None else memo
    bounds = memo.setdefault("bounds", {})
    verdicts = memo.setdefault("above", {})

    def above(a: Claim, b: Claim) -> bool:             # _above
        k = (id(a), id(b))
        if k not in verdicts:
            for x in (a, b):
                if id(x) not in bounds:
                    bounds[id(x)] = _open_bounds(x.value)
            verdicts[k] = bounds[id(a)][0] > bounds[id(b)][1] and not _agree(a, b)
        return verdicts[k]

    for c in claims:
        moment = c.as_of if c.as_of and len(c.as_of) > 10 else None
        k = (c.path, moment, c.kind == "ordinal", c.unit if c.kind in _COUNTS else c.kind)
        if k not in best or above(c, best[k]):
            best[k] = c
    # a bare number (two) is a part of a measured figure of its document, unless larger
    measured: dict[tuple, list[tuple]] = {}           # (path, moment, ordinal) -> its measured keys
    for o in best:
        if o[3] is not None:
            measured.setdefault(o[:3], []).append(o)
    for k, c in list(best.items()):
        if k[3] is None and any(not above(c, best[o]) for o in measured.get(k[:3], ())):
            del best[k]
    keep = {id(c) for c in best.values()}
    return [c for c in claims if id(c) in keep]


def check_results(ledger, results) -> list[Finding]:
    """The corpus findings of checked bitexts (engine CheckResults) against the ledger; the
    checked files themselves, if already indexed, are left out of the archive."""
    from checker.ledger import bilingual_pairs, shared_flags

    pairs = []
    renamed: dict[int, Claim] = {}
    files = []
    for r in results:
        mine = bilingual_pairs(r.agreeing)         # (a bitext's pairs are of its own claims)
        pairs.extend(mine)
        for path, text, claims in r.files:
            flagged = shared_flags(claims, mine)
            renamed.update((id(c), f) for c, f in zip(claims, flagged))
            files.append((path, text, flagged))
    pairs = [(renamed.get(id(zh), zh), renamed.get(id(en), en)) for zh, en in pairs]
    return check_corpus(files, pairs, ledger, exclude=[path for path, _, _ in files],
                        exclude_texts=[text for _, text, _ in files])


def check_corpus(files: Sequence[tuple[str, str, Sequence[Claim]]], pairs: Sequence[tuple[Claim, Claim]],
                 ledger, exclude: Sequence[str] = (), exclude_texts: Sequence[str] = ()) -> list[Finding]:
    """The corpus findings for the claims of the checked files ((path, text, claims) each),
    whose aligned agreeing (Chinese, English) claims are ``pairs``; archive documents at the
    paths in ``exclude`` or with a text in ``exclude_texts`` (the checked files themselves, if
    indexed) are left out."""
    from checker.ledger.store import text_sha256

    hashes = sorted({text_sha256(t) for t in exclude_texts})
    texts = {path: text for path, text, _ in files}
    learnt = ledger.learnt_subjects()
    archive = _Archive(ledger, exclude, hashes, glossary().context_similarity)
    partnered = {id(en) for _, en in pairs}
    out: list[Finding] = []
    for path, text, claims in files:
        # only the claims checked need a key; none of them has a partner to take it from
        checked = [c for c in claims if c.kind in CHECKED and isinstance(c.value, Interval) and c.as_of
                   and id(c) not in partnered]
        keys = file_keys(texts, checked, (), learnt)
        by_key: dict[str, list[Claim]] = {}
        for c in checked:
            key = keys[id(c)][0]
            if key is not None:
                by_key.setdefault(key, []).append(c)
        for key, group in by_key.items():
            for c in (group if is_generic(key) else _headline(group)):
                out.extend(_check_one(c, key, keys[id(c)][1], archive))
    return out


_WINDOW = 200              # archive claims read on each side of the day, newest / earliest first
_TARGETED = 20             # archive claims read by value (an older equal figure, a higher total)
_SLACK = 1.05              # SQL narrows by value with this margin; compare.py decides


def _check_one(c: Claim, key: str, context: str | None, archive: _Archive) -> list[Finding]:
    """One document claim against the archive's claims under its key. A generic key (国家) is a
    series only as a running total: a cumulative claim is compared with cumulative claims whose
    clause is alike (rules/glossary.yaml)."""
    generic = is_generic(key)
    if generic and not (context and "cumulative" in c.flags):
        return []       # 两国, 四国, 48个国家: one sentence's event, not a series
    rows = _archive_rows(c, key, archive, generic)
    if generic:
        rows = [r for r in rows if r["cumulative"] and similarity(context, r["context"] or "") >= archive.threshold]
    claims = archive.comparable(c, rows)
    kept = _once(claims) if generic else archive.headline(claims)   # a document's figure: its
                                                                    # headline, on any day
    order = [(a, _order(a, c)) for a in kept]
    same = [a for a, o in order if o == 0]
    before = sorted((a for a, o in order if o == -1), key=lambda a: a.as_of, reverse=True)
    after = sorted((a for a, o in order if o == 1), key=lambda a: a.as_of)
    return _judge(c, key, same, before, after)


def _levels_differ(c: Claim, a: Claim) -> bool:
    """Whether the two subjects name relative wholes of different levels (全市 … vs 全县 …)."""
    lc, la = relative_level(c.subject), relative_level(a.subject)
    return lc is not None and la is not None and lc != la


def _order(a: Claim, c: Claim) -> int | None:
    """When ``a`` speaks for, against ``c``'s time: -1 before, 0 the same moment, 1 after, None
    not known. A time is a day, or a moment of a day (2023-05-03T12:00, from 截至5月3日12时):
    12时 and 18时 of one day are two moments; a moment and its day alone are not known to be
    one moment, nor which comes first."""
    da, dc = a.as_of[:10], c.as_of[:10]
    if da != dc:
        return -1 if da < dc else 1
    if (len(a.as_of) > 10) != (len(c.as_of) > 10):
        return None
    return (a.as_of > c.as_of) - (a.as_of < c.as_of)


def _archive_rows(c: Claim, key: str, archive: _Archive, generic: bool) -> list[dict]:
    """What the rules need of the archive under ``key``: the claims of the same day, the nearest
    before and after, and, found by value so that no window hides them, the latest older claims
    that may equal ``c`` (stale-figure) and the running totals that may lie above or below it
    (cumulative-decrease); with every claim of those documents under the key, for their headline."""
    series = archive.series(key)
    if series is not None:
        return series.rows(c, generic)
    lo, hi = (x if abs(x) != float("inf") else None for x in cmp._bounds(c.value))
    q = {"exclude": archive.exclude, "exclude_sha256": archive.hashes, "cumulative": generic}
    rows: dict[int, dict] = {}
    found = [archive.under(key, on=c.as_of, limit=_WINDOW, **q),
             archive.under(key, before=c.as_of, limit=_WINDOW, **q),
             archive.under(key, after=c.as_of, limit=_WINDOW, **q)]
    overlapping = (lo / _SLACK if lo is not None else None, hi * _SLACK if hi is not None else None)
    targeted = [archive.under(key, before=c.as_of, unit=c.unit, limit=_TARGETED, **q,
                              overlapping=overlapping)]
    if _running(c):          # (a generic key's cumulative claims are picked out below)
        by_value = {**q, "cumulative": False, "running": True, "unit": c.unit, "limit": _TARGETED}
        if hi is not None:
            targeted.append(archive.under(key, before=c.as_of, above=hi, **by_value))
        if lo is not None:
            targeted.append(archive.under(key, after=c.as_of, below=lo, **by_value))
    documents = sorted({r["document_id"] for group in targeted for r in group})
    if documents:
        found.append(archive.under(key, documents=documents, limit=len(documents) * _WINDOW, **q))
    for group in found + targeted:
        rows.update((r["claim_id"], r) for r in group)
    return list(rows.values())


_SERIES = 500             # a key's archive claims read at once (beyond: lookup by lookup)


class _Series:
    """A key's archive claims in memory, answering the lookups of _archive_rows as the ledger's
    SQL answers them (the same conditions, order and limits: same rows in the same order, so
    the same headlines and findings), by bisection on the days instead of one query each."""

    def __init__(self, rows: list[dict]) -> None:
        self.all = rows                                          # by id, as claims_under gives them
        self.cumulative = [r for r in rows if r["cumulative"]]
        self._sides = {}
        self._running: dict[str | None, list[dict]] = {}     # unit -> its running totals

    def _side(self, generic: bool):
        """The dated rows by (day, id) and by (day descending, id), with their days."""
        if generic not in self._sides:
            base = [r for r in (self.cumulative if generic else self.all) if r["as_of"] is not None]
            up = sorted(base, key=lambda r: (r["as_of"], r["claim_id"]))
            down = sorted(sorted(base, key=lambda r: r["claim_id"]), key=lambda r: r["as_of"], reverse=True)
            self._sides[generic] = up, down, [r["as_of"] for r in up]
        return self._sides[generic]

    def rows(self, c: Claim, generic: bool) -> list[dict]:
        from bisect import bisect_left, bisect_right
        from itertools import islice

        up, down, days = self._side(generic)
        day, end = c.as_of[:10], c.as_of[:10] + "T~"
        first, last = bisect_left(days, day), bisect_right(days, end)
        on = sorted(up[first:last], key=lambda r: r["claim_id"])[:_WINDOW]
        before = down[len(down) - first:]                        # newest first
        after = up[last:]
        found = [on, before[:_WINDOW], after[:_WINDOW]]
        lo, hi = (x if abs(x) != float("inf") else None for x in cmp._bounds(c.value))
        lo_s, hi_s = (lo / _SLACK if lo is not None else None, hi * _SLACK if hi is not None else None)
        targeted = [list(islice((r for r in before if r["unit"] == c.unit
                                 and (hi_s is None or r["low"] is None or r["low"] <= hi_s)
                                 and (lo_s is None or r["high"] is None or r["high"] >= lo_s)), _TARGETED))]
        if _running(c):          # every running total, cumulative or not, as the SQL asks
            running = self._running.get(c.unit)
            if running is None:
                running = self._running[c.unit] = [
                    r for r in self.all if r["as_of"] is not None and r["unit"] == c.unit
                    and (r["cumulative"] or r["kind"] == "ordinal")]
            if hi is not None:
                above = [r for r in running if r["as_of"] < day and r["low"] is not None and r["low"] > hi]
                targeted.append(sorted(above, key=lambda r: (-r["low"], r["claim_id"]))[:_TARGETED])
            if lo is not None:
                below = [r for r in running if r["as_of"] > end and r["high"] is not None and r["high"] < lo]
                targeted.append(sorted(below, key=lambda r: (r["high"], r["claim_id"]))[:_TARGETED])
        documents = {r["document_id"] for group in targeted for r in group}
        if documents:
            mine = [r for r in (self.cumulative if generic else self.all) if r["document_id"] in documents]
            found.append(mine[:len(documents) * _WINDOW])
        rows: dict[int, dict] = {}
        for group in found + targeted:
            rows.update((r["claim_id"], r) for r in group)
        return list(rows.values())


def _same_series(c: Claim, a: Claim) -> bool:
    """A running total (累计派出2600余名) and a current stock (目前有180名…正在执勤) of one subject
    are different series; a figure with neither cue may be either. A year's total (今年以来,
    1至11月, "so far this year") is a series of that year only."""
    return _same_kinds(_series_kind(c), _series_kind(a), c, a)


def _same_kinds(kc: str | None, ka: str | None, c: Claim, a: Claim) -> bool:
    """_same_series, given the two claims' series kinds."""
    kinds = {kc, ka}
    if "year" in kinds:
        return kinds == {"year"} and (c.as_of or "")[:4] == (a.as_of or "")[:4]
    return len(kinds - {None}) < 2


def _series_kind(c: Claim) -> str | None:
    if "year_to_date" in c.flags:
        return "year"
    if _running(c):
        return "running"
    return "current" if "current" in c.flags else None


def _dated(c: Claim) -> bool:
    return "as_of_bound" not in c.flags


def _once(claims: Sequence[Claim]) -> list[Claim]:
    """Each figure once per document (a bilingual article states it in both languages)."""
    seen, out = set(), []
    for c in claims:
        k = (c.path, c.as_of, c.value, c.unit)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _judge(c: Claim, key: str, same: list[Claim], before: list[Claim], after: list[Claim]) -> list[Finding]:
    out: list[Finding] = []
    measured = lambda group: [a for a in group if not other_measure(c, a)]  # noqa: E731
    # January 1 of the year a span of years ends in (从2011年到2022年) is a lower bound of the
    # document's date, not its day: two such documents are not known to speak for the same day
    conflicts = [a for a in measured(same) if not _agree(c, a)] if _dated(c) else []
    # (全市 and 全县 of one day are two places, not two figures for one: their key drops both words)
    conflicts = [a for a in conflicts if _dated(a) and not _levels_differ(c, a)]
    if conflicts:
        shown = ", ".join(f"{_show(a)} ({a.path}:{a.line})" for a in conflicts[:3])
        out.append(_finding("value-conflict", rule("value-conflict").message.format(
            document=_show(c), subject=key, as_of=c.as_of, archive=shown), c, conflicts))
    # stale and decrease read the series of c's own measure only (2455名 against persons, not
    # 2455人次): the verdict does not depend on what else the archive holds; another measure is
    # at most measure-differs (info), below
    stale = _stale(c, measured(same), measured(before))
    if stale:
        old, new = stale
        out.append(_finding("stale-figure", rule("stale-figure").message.format(
            document=_show(c), subject=key, old=f"{_show(old)} ({_where(old)})",
            new=f"{_show(new)} ({_where(new)})"), c, [old, new]))
    cumulative = _running(c)
    if cumulative and not stale:
        # only running totals are compared: a figure without the cue may count something else
        higher = next((a for a in measured(before) if _running(a) and _above(a, c)), None)
        lower = next((a for a in measured(after) if _running(a) and _above(c, a)), None)
        if higher or lower:
            other = higher or lower
            out.append(_finding("cumulative-decrease", rule("cumulative-decrease").message.format(
                subject=key, earlier=f"{_show(higher or c)} ({_where(higher or c)})",
                later=f"{_show(lower or c)} ({_where(lower or c)})"), c, [other]))
    if not out:
        earlier, later = _steps(before, _TIMELINE, newest_first=True)[::-1], _steps(after, _TIMELINE)
        values = [a for a, _, _ in earlier] + [c] + [a for a, _, _ in later]
        # figures no article says are a total or a stock (代表团一行6人, 出动警力300人) would make
        # a timeline of one-off events
        if any(not _agree(c, a) for a in values) and any(_series_kind(a) for a in values):
            shown = [_step(*t) for t in earlier] + [f"this document: {_show(c)} ({_when(c)})"] + \
                [_step(*t) for t in later]
            running = any(_running(a) for a in values)     # the series, not only c
            grows = not any(_falls(x, y) for x, y in zip(values, values[1:]))
            kind = ("a running total that grows" if grows else "a running total whose figures do not all grow"
                    ) if running else "a figure that changes over time"
            out.append(_finding("figure-timeline", rule("figure-timeline").message.format(
                subject=key, kind=kind, timeline=" → ".join(shown)), c, [a for a, _, _ in earlier + later]))
    nearest = sorted((a for a in same + before[:_TIMELINE] + after[:_TIMELINE] if other_measure(c, a)),
                     key=lambda a: abs(_days(a.as_of) - _days(c.as_of)))
    if nearest:
        a = nearest[0]
        out.append(_finding("measure-differs", rule("measure-differs").message.format(
            document=_show(c), unit=c.unit, subject=key, archive=f"{_show(a)} ({_where(a)})",
            archive_unit=a.unit), c, [a]))
    return out


def _steps(claims: Sequence[Claim], most: int, newest_first: bool = False) -> list[tuple[Claim, Claim, int]]:
    """The first ``most`` steps from the near end of ``claims`` (the archive before a draft,
    newest first, or after it, earliest first), a run of one figure (the same text of the same
    value) as one step: (earlier, later, how many) in time order. Only the steps shown are
    walked: a series holds hundreds of figures."""
    out: list[list] = []
    shown = None
    for a in claims:
        s = _show(a)
        if out and s == shown and out[-1][0].value == a.value:
            out[-1][0 if newest_first else 1] = a
            out[-1][2] += 1
            continue
        if len(out) == most:
            break
        out.append([a, a, 1])
        shown = s
    return [tuple(step) for step in out]


def _step(first: Claim, last: Claim, n: int) -> str:
    if n == 1:
        return f"{_show(first)} ({_when(first)}, {first.path})"
    return f"{_show(first)} ({_when(first)} to {_when(last)}, {n} articles)"


def _running(c: Claim) -> bool:
    """A running total: said to be cumulative (累计, 已, "so far"), or the number of an ordinal series."""
    return c.kind == "ordinal" or "cumulative" in c.flags


def _stale(c: Claim, same: list[Claim], before: list[Claim]) -> tuple[Claim, Claim] | None:
    """(the older archive figure the document repeats, the newer one that replaced it); not when
    the archive of the document's own day, or the newest day before it, agrees with it."""
    if not before or any(_agree(c, a) for a in same):
        return None
    newest = before[0]
    if any(_agree(c, a) for a in before if a.as_of == newest.as_of):
        return None
    series = _series_kind(c)
    for old in before:              # (the cheap tests first: compare.py is what costs)
        if old.as_of < newest.as_of and (series or _series_kind(old)) and _repeats(c, old):
            return old, newest      # (one-off figures with no cue, 代表团一行6人, are not replaced)
    return None


def _days(iso: str | None) -> int:
    from datetime import date

    return date.fromisoformat(iso[:10]).toordinal() if iso else 0
