"""A source text and its translation, as segments (paragraphs or translation units).

Readers (checker/io/bilingual.py) produce a :class:`Bitext`; the aligner
(checker/engine/align.py) pairs its segments when they are not already paired; the engine
(checker/engine/) pairs the claims inside each segment pair and judges them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Segment:
    """One paragraph or translation unit of one side.

    ``start``/``end`` are code-point offsets of the segment in ``doc_text`` (the decoded text of
    the file it comes from), so that claims found in ``doc_text[start:end]`` keep offsets into
    the file. For XML formats, whose unit text is not a verbatim slice of the file (entities,
    inline tags), ``doc_text`` is the unit's own text and ``line``/``column`` say where the unit
    starts in the file.
    """

    path: str
    doc_text: str
    start: int
    end: int
    line: int = 1               # where the segment starts in the file (1-based)
    column: int = 1
    verbatim: bool = True       # doc_text is the file's text (offsets valid in the file)

    @property
    def text(self) -> str:
        return self.doc_text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Bitext:
    """A Chinese source and its English translation."""

    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    aligned: bool = False       # True: source[i] is translated by target[i] (XLIFF, TMX, PO, --aligned)
    label: str = ""             # how the pair is named in reports (a file, or "S → T")


@dataclass(frozen=True, slots=True)
class SegmentPair:
    """Aligned segments: indices into Bitext.source and Bitext.target (either may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float = 1.0     # 0..1: how sure the alignment is that these translate each other
    notes: tuple[str, ...] = field(default=())
