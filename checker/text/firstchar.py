"""A first-character guard for a regex searched at every position of long text.

Python's regex engine tries a pattern at each position in turn; a pattern that opens with a
lookbehind or an alternation of many words gets no quick skip over the characters none of its
matches can begin with. :func:`guarded` prefixes the pattern with a lookahead for exactly the
characters its matches can begin with, computed from the pattern itself (so a word added to an
alternation is covered at once): the same matches, found several times faster. A pattern whose
first character cannot be bounded (a class such as ``\\w``, an optional first element, a case-
insensitive flag) is returned unchanged.
"""

from __future__ import annotations

import re

try:                                    # Python 3.11+ (sre_parse is its deprecated alias)
    from re import _constants as _c, _parser as _p
except ImportError:                     # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_ZERO_WIDTH = {_c.ASSERT, _c.ASSERT_NOT, _c.AT}


def _first(items) -> set[str] | None:
    """The characters the sequence of parsed ``items`` can begin with (None: any)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op == _c.LITERAL:
            return {chr(av)}
        if op == _c.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop == _c.LITERAL:
                    out.add(chr(iav))
                elif iop == _c.RANGE and iav[1] - iav[0] < 512:
                    out.update(chr(x) for x in range(iav[0], iav[1] + 1))
                else:
                    return None           # a category, a negation, a wide range: unbounded
            return out
        if op == _c.BRANCH:
            out = set()
            for branch in av[1]:
                chars = _first(branch)
                if chars is None:
                    return None
                out |= chars
            return out
        if op == _c.SUBPATTERN:
            if av[1] & _c.SRE_FLAG_IGNORECASE:
                return None               # (?i:…): every case of a letter
            return _first(av[-1])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _first(av[2])
        return None                       # an optional element, a backreference …: unbounded
    return None


def guarded(pattern: str, flags: int = 0) -> str:
    """``pattern`` with a lookahead for the characters its matches can begin with, when known."""
    if flags & re.IGNORECASE:
        return pattern
    try:
        parsed = _p.parse(pattern, flags)
        chars = None if parsed.state.flags & re.IGNORECASE else _first(parsed)
    except Exception:                     # (an engine whose parser differs: no guard, same matches)
        return pattern
    if not chars:
        return pattern
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:" + pattern + ")"
