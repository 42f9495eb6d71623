"""Segments of a document of paragraphs, as the readers make them (a blank line between
paragraphs, each on its own line): the one helper the alignment and pairing tests share."""

from __future__ import annotations

from checker.bitext import Segment


def paragraphs(paras: list[str], path: str) -> tuple[Segment, ...]:
    doc = "\n\n".join(paras)
    out, pos = [], 0
    for k, p in enumerate(paras):
        out.append(Segment(path, doc, pos, pos + len(p), line=1 + 2 * k))
        pos += len(p) + 2
    return tuple(out)
