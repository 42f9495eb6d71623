"""Normalised text for extraction, with a map back to the user's original characters.

Extraction runs on one normalised string: NFKC (full-width digits and punctuation), simplified
Chinese (OpenCC t2s, so patterns and subject keys need only one script), the pinyin-in-parentheses
artefacts of traditional-Chinese conversions removed (`國(guó)` is `國`), spaces inside Chinese
numbers removed (`4.2 萬余起`, `2 名`), and markup placeholders dropped. Every change is recorded
in an :class:`OffsetMap`, so a span found in the normalised text maps back to the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from checker.io.document import SENTINEL
from checker.scripts import HAN



def _nfkc_tables() -> tuple[dict[int, str], dict[str, str]]:
    """Characters NFKC changes, split into 1:1 replacements and expansions (㎞ → km)."""
    one: dict[int, str] = {}
    multi: dict[str, str] = {}
    # Outside these ranges NFKC changes nothing that matters for numbers and dates.
    for cp in (*range(0xA0, 0x3400), *range(0xF900, 0x10000)):
        c = chr(cp)
        n = unicodedata.normalize("NFKC", c)
        if n == c:
            continue
        if len(n) == 1:
            one[cp] = n
        elif not unicodedata.combining(n[-1]) and "\u2044" not in n:
            # spacing accents (¨ → " ̈") are noise; vulgar fractions (¼ → 1⁄4) are not two numbers
            multi[c] = n
    # Typographic spaces become plain spaces; the CJK interpunct used in names (“10·5”) stays.
    for cp in (0x00A0, 0x2002, 0x2003, 0x2009, 0x202F, 0x3000):
        one[cp] = " "
    return one, multi


_ONE, _MULTI = _nfkc_tables()
# Chinese full-width punctuation is normal typography, not a variant form: keep it (and keep
# the 1:1 pass cheap, since it then touches only rare characters).
# Superscripts are exponents (km²), not digits.
for _cp in (0xB2, 0xB3, 0xB9, *range(0x2070, 0x20A0), *map(ord, "，：；！？（）")):
    _ONE.pop(_cp, None)

_ONE_RE = re.compile("[" + re.escape("".join(map(chr, _ONE))) + "]")
_MULTI_RE = re.compile("[" + re.escape("".join(_MULTI)) + "]")
_SENTINELS = re.compile(f"{SENTINEL}+")
# Pinyin syllables (optionally with tone marks) in ASCII parentheses right after a Han character
# or a mis-decoded '?': the artefacts of a traditional conversion that annotated every character.
# The lookbehind sits after the '(' so that it is only tried where a '(' is.
_V = "aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(
    rf"\((?<=[{HAN}?]\()(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[{_V}]{{1,3}}(?:ng|n|r)?\)")
# Spaces inside a Chinese number expression: 4.2 万, 2 名, 2019 年12 月, 第116 次.
_SPACE_AFTER_DIGIT = re.compile(rf"[0-9〇零一二两三四五六七八九十百千万亿兩萬億]([ \t]+)(?=[{HAN}%])")
_SPACE_BEFORE_DIGIT = re.compile(rf"[{HAN}]([ \t]+)(?=[0-9])")


class OffsetMap:
    """Piecewise map from normalised positions to original positions.

    Stored as breakpoints: from normalised position ``starts[i]`` on, original = normalised +
    ``deltas[i]``. Edits are rare relative to text, so this stays small for large files.
    """

    __slots__ = ("_starts", "_deltas")

    def __init__(self, starts: list[int], deltas: list[int]):
        self._starts = starts
        self._deltas = deltas

    def to_original(self, pos: int) -> int:
        i = bisect_right(self._starts, pos) - 1
        return pos + self._deltas[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalised ``[start, end)``."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1

    def spans(self, spans) -> list[tuple[int, int]]:
        """:meth:`span` of each of ``spans`` (a text's claims: one call for them all)."""
        starts, deltas = self._starts, self._deltas
        out = []
        for start, end in spans:
            a = start + deltas[bisect_right(starts, start) - 1]
            out.append((a, a) if end <= start else (a, end + deltas[bisect_right(starts, end - 1) - 1]))
        return out


@dataclass(frozen=True, slots=True)
class NormalizedText:
    original: str
    text: str
    offsets: OffsetMap


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


_HAS_HAN = re.compile(f"[{HAN}]")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese, never changing the length (lines that would are kept)."""
    if not _HAS_HAN.search(text):
        return text
    if len(text) <= 64:                # subjects and clauses recur: convert each once
        return _short_simplified(text)
    return _simplified(text)


@lru_cache(maxsize=1 << 16)
def _short_simplified(text: str) -> str:
    return _simplified(text)


def _simplified(text: str) -> str:
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    lines = text.split("\n")
    conv = [_t2s().convert(line) for line in lines]
    return "\n".join(c if len(c) == len(l) else l for c, l in zip(conv, lines))


def normalize(original: str, view: str | None = None) -> NormalizedText:
    """Normalise ``view`` (the original with markup blanked; same length) for extraction."""
    base = original if view is None else view
    if len(base) != len(original):
        raise ValueError("view must have the same length as the original text")
    # 1:1 steps first: they keep every offset.
    if _ONE_RE.search(base):
        base = _ONE_RE.sub(lambda m: _ONE[ord(m.group())], base)
    text = to_simplified(base)
    # Then the edits that change length, recorded as breakpoints. Each kind is its own simple
    # pass: one alternation of them all is several times slower on long texts.
    edits: list[tuple[int, int, str]] = []
    if SENTINEL in text:
        edits += [(m.start(), m.end(), "") for m in _SENTINELS.finditer(text)]
    edits += [(m.start(), m.end(), "") for m in _PINYIN.finditer(text)]
    edits += [(m.start(1), m.end(1), "") for m in _SPACE_AFTER_DIGIT.finditer(text)]
    edits += [(m.start(1), m.end(1), "") for m in _SPACE_BEFORE_DIGIT.finditer(text)]
    edits += [(m.start(), m.end(), _MULTI[m.group()]) for m in _MULTI_RE.finditer(text)]
    if not edits:
        return NormalizedText(original, text, OffsetMap([0], [0]))
    edits.sort()
    starts, deltas = [0], [0]
    pieces: list[str] = []
    last = out_len = 0
    for s, e, repl in edits:
        if s < last:  # overlapping edits cannot happen with these passes; be safe anyway
            continue
        pieces.append(text[last:s])
        out_len += s - last
        # every character of an expansion maps back to the one original character
        for k in range(len(repl)):
            starts.append(out_len + k)
            deltas.append(s - out_len - k)
        pieces.append(repl)
        out_len += len(repl)
        last = e
        starts.append(out_len)
        deltas.append(e - out_len)
    pieces.append(text[last:])
    return NormalizedText(original, "".join(pieces), OffsetMap(starts, deltas))
