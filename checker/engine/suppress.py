"""Suppression comments: HTML comments, which do not show in rendered Markdown.

    <!-- claimcheck: disable CC101,qualifier-drift -->   rules off from here …
    <!-- claimcheck: enable CC101 -->                    … to here (no rule named: every rule)
    <!-- claimcheck: ignore CC1 -->                      rules off for the next block only

Rules are named by code, name, code prefix, category or ALL; no rule named means every rule.
The "next block" is the text after the comment on its line, or else the next non-blank
paragraph (up to a blank line). A comment that suppresses nothing gets a warning
(CC001 unused-suppression), so stale comments do not hide future problems.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.engine.catalogue import Rule
from checker.engine.select import UNUSED_SUPPRESSION, known_spec, matches, suggestion
from checker.findings import Finding

__all__ = ["UNUSED_SUPPRESSION", "Directive", "parse_directives", "suppress"]

_COMMENT = re.compile(r"<!--\s*claimcheck\s*:\s*(disable|enable|ignore)\b(.*?)-->", re.S | re.I)
_ALL = "*"


@dataclass(frozen=True, slots=True)
class Directive:
    action: str                  # disable | enable | ignore
    specs: tuple[str, ...]       # empty: every rule
    start: int                   # offsets of the comment in the text
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str                    # the comment's words, e.g. "disable CC101"


class _Lines:
    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def pos(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def parse_directives(text: str) -> list[Directive]:
    lines = _Lines(text)
    out = []
    for m in _COMMENT.finditer(text):
        specs = tuple(_norm(s) for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        line, col = lines.pos(m.start())
        end_line, end_col = lines.pos(m.end())
        words = f"{m.group(1).lower()} {', '.join(specs)}".strip()
        out.append(Directive(m.group(1).lower(), specs, m.start(), m.end(), line, col, end_line, end_col, words))
    return out


def _norm(spec: str) -> str:
    if spec.lower() == "all":
        return "ALL"
    return spec.upper() if re.fullmatch(r"[A-Za-z]+\d+", spec) else spec


def _covers(d: Directive, rule: Rule) -> bool:
    return not d.specs or any(matches(s, rule) for s in d.specs)


def _block_end(text: str, d: Directive, directive_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The offsets of the block an ``ignore`` comment applies to."""
    n = len(text)
    i = d.end
    eol = text.find("\n", i)
    eol = n if eol < 0 else eol
    rest = _strip_comments(text[i:eol], i, directive_spans)
    if rest.strip():
        begin = i
    else:
        begin = n
        j = eol + 1
        while j < n:        # skip blank lines and lines holding only claimcheck comments
            k = text.find("\n", j)
            k = n if k < 0 else k
            if _strip_comments(text[j:k], j, directive_spans).strip():
                begin = j
                break
            j = k + 1
    m = re.compile(r"\n[ \t]*(?:\n|\Z)").search(text, begin)
    return begin, (m.start() if m else n)


def _strip_comments(chunk: str, base: int, spans: list[tuple[int, int]]) -> str:
    for s, e in sorted(spans, reverse=True):
        if base <= s and e <= base + len(chunk):
            chunk = chunk[:s - base] + chunk[e - base:]
    return chunk


def suppress(findings: list[Finding], texts: dict[str, str]) -> tuple[list[Finding], list[Finding]]:
    """The findings no comment suppresses, and a warning per comment that suppressed nothing."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    suppressed_ids: set[int] = set()
    warnings: list[Finding] = []
    for path, text in texts.items():
        directives = parse_directives(text)
        if not directives:
            continue
        lines = _Lines(text)
        spans = [(d.start, d.end) for d in directives]
        used: set[int] = set()
        mine = by_path.get(path, [])
        # ranges: each finding is checked against the state the comments before it leave
        for f in mine:
            at = (f.line, f.column)
            state: dict[str, int] = {}            # rule code (or * for every rule) -> directive index
            for idx, d in enumerate(directives):
                if (d.end_line, d.end_column) > at:
                    break
                if d.action == "disable":
                    for key in (d.specs or (_ALL,)):
                        state[key] = idx
                elif d.action == "enable":
                    if not d.specs:
                        state.clear()
                    else:
                        for key in d.specs:
                            state.pop(key, None)
                            if state:
                                state[f"-{key}"] = idx     # re-enabled inside a broader disable
            hit = _disabled_by(state, f.rule, directives)
            if hit is not None:
                used.add(hit)
                suppressed_ids.add(id(f))
        # ignore: the next block
        for idx, d in enumerate(directives):
            if d.action != "ignore":
                continue
            begin, end = _block_end(text, d, spans)
            lo, hi = lines.pos(begin), lines.pos(end)
            for f in mine:
                if lo <= (f.line, f.column) <= hi and _covers(d, f.rule):
                    used.add(idx)
                    suppressed_ids.add(id(f))
        for idx, d in enumerate(directives):
            if d.action != "enable" and idx not in used:
                warnings.append(_unused(path, d))
    kept = [f for f in findings if id(f) not in suppressed_ids]
    return kept, warnings


def _disabled_by(state: dict[str, int], rule: Rule, directives: list[Directive]) -> int | None:
    """The directive whose disable covers ``rule``, unless a later enable re-enabled it."""
    best: int | None = None
    for key, idx in state.items():
        if key.startswith("-"):
            continue
        if key == _ALL or matches(key, rule):
            best = idx if best is None else max(best, idx)
    if best is None:
        return None
    for key, idx in state.items():
        if key.startswith("-") and idx > best and matches(key[1:], rule):
            return None
    return best


def _unused(path: str, d: Directive) -> Finding:
    unknown = [s for s in d.specs if not known_spec(s)]
    message = UNUSED_SUPPRESSION.message.format(directive=d.text)
    if unknown:
        guesses = [f"{s} → {g}" for s in unknown if (g := suggestion(s))]
        meant = f"; did you mean {', '.join(guesses)}?" if guesses else ""
        message += f" (unknown rule {', '.join(unknown)}{meant})"
    return Finding(UNUSED_SUPPRESSION, UNUSED_SUPPRESSION.severity, message, path,
                   d.line, d.column, d.end_line, d.end_column, ())
