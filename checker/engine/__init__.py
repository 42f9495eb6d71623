"""From a bitext to findings: claims per segment, aligned segments, paired and judged claims."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from checker.bitext import Bitext, Segment
from checker.engine.align import align as align_segments
from checker.engine.consistency import check_claims
from checker.engine.translation import judge, pair_claims, reconcile, uncopied
from checker.extract import Reading, document_time, place, read_text
from checker.findings import Finding
from checker.model import Claim


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: list[Finding]
    claims: int
    pairs: tuple = ()          # the aligned segment pairs (for reports that show them side by side)
    files: tuple = ()          # (path, text, claims) of each file read (for the corpus rules and the ledger)
    agreeing: tuple = ()       # aligned (source, target) claims that agree: one fact in two languages


def _unit_claims(seg: Segment, reading: Reading, doc_date) -> list[Claim]:
    """The claims of a segment read alone, placed in its file: a verbatim segment's offsets move
    by where it starts; a unit of an XML file is put at the unit's line."""
    shift = seg.start if seg.verbatim else 0
    return [replace(c, start=c.start + shift, end=c.end + shift, line=seg.line + c.line - 1,
                    column=(seg.column + c.column - 1) if c.line == 1 else c.column)
            for c in place(reading, doc_date, seg.path)]


def bitext_claims(bitext: Bitext, as_of: str | None, cache: dict) -> tuple[list[list[Claim]], list[list[Claim]]]:
    """The claims of each source and each target segment, with one time per document; ``cache``
    receives each file's claims, by (path, id of its text).

    A bitext of free texts is one document: each file is read once, and the document's time is
    :func:`~checker.extract.document_time` of the source's reading, then the target's; both sides'
    partial and relative dates are placed by it. In an
    aligned corpus or a file of translation units, each unit (source and target) is a document
    of its own: nothing dates it but its own text and --date."""
    if bitext.aligned:
        source: list[list[Claim]] = []
        target: list[list[Claim]] = []
        for i in range(max(len(bitext.source), len(bitext.target))):
            s = bitext.source[i] if i < len(bitext.source) else None
            t = bitext.target[i] if i < len(bitext.target) else None
            readings = [read_text(seg.text) for seg in (s, t) if seg is not None]
            when = document_time(readings, as_of, infer_from=1 if s is not None else 0)
            it = iter(readings)
            if s is not None:
                source.append(_unit_claims(s, next(it), when))
            if t is not None:
                target.append(_unit_claims(t, next(it), when))
        return source, target
    readings: dict[tuple[str, int], Reading] = {}     # each file once, the source's first
    for seg in bitext.source + bitext.target:
        key = (seg.path, id(seg.doc_text))
        if key not in readings:
            readings[key] = read_text(seg.doc_text)
    when = document_time(list(readings.values()), as_of)
    for key, reading in readings.items():
        cache[key] = place(reading, when, key[0])
    starts = {key: [c.start for c in claims] for key, claims in cache.items()}
    out = []
    for segments in (bitext.source, bitext.target):
        side = []
        for seg in segments:
            key = (seg.path, id(seg.doc_text))
            side.append(cache[key][bisect_left(starts[key], seg.start):bisect_left(starts[key], seg.end)])
        out.append(side)
    return out[0], out[1]


def check_bitext(bitext: Bitext, as_of: str | None = None) -> CheckResult:
    cache: dict = {}
    source, target = bitext_claims(bitext, as_of, cache)
    texts = {seg.path: seg.doc_text for seg in bitext.source + bitext.target if seg.verbatim}
    every = sorted((c for claims in source + target for c in claims), key=lambda c: (c.path or "", c.start))
    files = _files(bitext, cache, source + target)
    findings: list[Finding] = check_claims(every, texts)
    if not bitext.source or not bitext.target:
        # one language only: not a translation, nothing to compare
        return CheckResult(_sorted(findings), len(every), files=files)
    pairs = align_segments(bitext, source, target)
    # (a figure copied as written, "35GB" in both, is left out of the comparison)
    claims = []
    for pair in pairs:
        s = [c for i in pair.source for c in source[i]]
        t = [c for j in pair.target for c in target[j]]
        claims.append((uncopied(s, " ".join(bitext.target[j].text for j in pair.target), t),
                       uncopied(t, " ".join(bitext.source[i].text for i in pair.source), s)))
    judged = [[list(part) for part in pair_claims(s, t)] for s, t in claims]
    # what the archive learns as one fact in two languages: pairs within aligned paragraphs only,
    # not figures a rewrite moved (their clauses, which key them in the ledger, differ)
    agreeing = [pair for paired in judged for pair in paired[0]]
    if not bitext.aligned:          # (units of an aligned corpus are documents of their own)
        reconcile(judged)
    for pair, (s, t), paired in zip(pairs, claims, judged):
        tseg = bitext.target[pair.target[0]] if pair.target else None
        sseg = bitext.source[pair.source[0]] if pair.source else None
        # (a figure reconciled from another paragraph is judged in this pair, at its own place)
        findings.extend(judge(s, t, pair.confidence, tseg, sseg, paired))
    return CheckResult(_sorted(findings), len(every), tuple(pairs), files, tuple(agreeing))


def _files(bitext: Bitext, cache: dict, claims: list[list[Claim]]) -> tuple:
    """(path, text, claims) of each file: a verbatim file's whole extraction (paragraphs in no
    language too); a file of translation units, its units' claims and their joined text."""
    out: dict[str, tuple] = {}
    units: dict[str, tuple[list[str], list[Claim]]] = {}
    for seg, seg_claims in zip(bitext.source + bitext.target, claims):
        if seg.verbatim and not bitext.aligned:
            out.setdefault(seg.path, (seg.path, seg.doc_text, tuple(cache[(seg.path, id(seg.doc_text))])))
        elif seg.verbatim:               # a line-aligned file: its units' claims, in its own text
            found = out.setdefault(seg.path, (seg.path, seg.doc_text, []))[2]
            found.extend(seg_claims)
        else:
            texts, found = units.setdefault(seg.path, ([], []))
            texts.append(seg.text)
            found.extend(seg_claims)
    for path, (texts, found) in units.items():
        out[path] = (path, "\n".join(texts), tuple(found))
    return tuple((path, text, tuple(found)) for path, text, found in out.values())


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule.code))
