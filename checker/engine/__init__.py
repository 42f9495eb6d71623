"""From a bitext to findings: claims per segment, aligned segments, paired and judged claims."""

from __future__ import annotations

from dataclasses import dataclass, replace

from checker.bitext import Bitext, Segment
from checker.engine.consistency import check_claims
from checker.engine.translation import judge, pair_claims
from checker.extract import extract_text
from checker.findings import Finding
from checker.model import Claim


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: list[Finding]
    claims: int
    pairs: tuple = ()          # the aligned segment pairs (for reports that show them side by side)
    files: tuple = ()          # (path, text, claims) of each file read (for the corpus rules and the ledger)
    agreeing: tuple = ()       # aligned (source, target) claims that agree: one fact in two languages


def segment_claims(segments: tuple[Segment, ...], as_of: str | None, cache: dict) -> list[list[Claim]]:
    """The claims of each segment. A verbatim segment's claims come from one extraction of its
    whole file (so the document's date and offsets hold); a unit of an XML file is read alone and
    its claims are placed at the unit's line."""
    out: list[list[Claim]] = []
    for seg in segments:
        if seg.verbatim:
            key = (seg.path, id(seg.doc_text))
            if key not in cache:
                cache[key] = extract_text(seg.doc_text, path=seg.path, as_of=as_of)
            out.append([c for c in cache[key] if seg.start <= c.start < seg.end])
        else:
            claims = extract_text(seg.text, path=seg.path, as_of=as_of)
            out.append([replace(c, line=seg.line + c.line - 1,
                                column=(seg.column + c.column - 1) if c.line == 1 else c.column) for c in claims])
    return out


def check_bitext(bitext: Bitext, as_of: str | None = None) -> CheckResult:
    from checker.text.align import align

    cache: dict = {}
    source = segment_claims(bitext.source, as_of, cache)
    target = segment_claims(bitext.target, as_of, cache)
    texts = {seg.path: seg.doc_text for seg in bitext.source + bitext.target if seg.verbatim}
    every = sorted((c for claims in source + target for c in claims), key=lambda c: (c.path or "", c.start))
    files = _files(bitext, cache, source + target)
    findings: list[Finding] = check_claims(every, texts)
    if not bitext.source or not bitext.target:
        # one language only: not a translation, nothing to compare
        return CheckResult(_sorted(findings), len(every), files=files)
    pairs = align(bitext, source, target)
    agreeing = []
    for pair in pairs:
        s = [c for i in pair.source for c in source[i]]
        t = [c for j in pair.target for c in target[j]]
        tseg = bitext.target[pair.target[0]] if pair.target else None
        sseg = bitext.source[pair.source[0]] if pair.source else None
        paired = pair_claims(s, t)
        agreeing.extend(paired[0])
        findings.extend(judge(s, t, pair.confidence, tseg, sseg, paired))
    return CheckResult(_sorted(findings), len(every), tuple(pairs), files, tuple(agreeing))


def _files(bitext: Bitext, cache: dict, claims: list[list[Claim]]) -> tuple:
    """(path, text, claims) of each file: a verbatim file's whole extraction (paragraphs in no
    language too); a file of translation units, its units' claims and their joined text."""
    out: dict[str, tuple] = {}
    units: dict[str, tuple[list[str], list[Claim]]] = {}
    for seg, seg_claims in zip(bitext.source + bitext.target, claims):
        if seg.verbatim:
            out.setdefault(seg.path, (seg.path, seg.doc_text, tuple(cache[(seg.path, id(seg.doc_text))])))
        else:
            texts, found = units.setdefault(seg.path, ([], []))
            texts.append(seg.text)
            found.extend(seg_claims)
    for path, (texts, found) in units.items():
        out[path] = (path, "\n".join(texts), tuple(found))
    return tuple(out.values())


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule.code))
