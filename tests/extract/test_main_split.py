"""The English main pattern is tried as two: its alternatives that open with a digit at a digit,
the others at a letter (checker/extract/en.py, _WORD_OPENED). That is the same pattern only if
no alternative can open with both; read from each alternative's parse, what its first character
may be."""

from __future__ import annotations

import re._constants as C
import re._parser as P

import pytest

from checker.extract import en

_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}


def _first(items) -> tuple[set[str], bool]:
    """The kinds ('digit', 'letter', 'other') of the characters a parsed sequence may open with,
    and whether it may match the empty string."""
    kinds: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op == C.LITERAL:
            c = chr(av)
            kinds.add("digit" if c.isdigit() else "letter" if c.isalpha() else "other")
            return kinds, False
        if op == C.IN:
            for sop, sav in av:
                if sop == C.CATEGORY and sav == C.CATEGORY_DIGIT:
                    kinds.add("digit")
                elif sop == C.LITERAL:
                    kinds |= _first([(C.LITERAL, sav)])[0]
                elif sop == C.RANGE and all(chr(c).isdigit() for c in range(sav[0], sav[1] + 1)):
                    kinds.add("digit")
                elif sop == C.RANGE and all(chr(c).isalpha() for c in range(sav[0], sav[1] + 1)):
                    kinds.add("letter")
                else:
                    kinds.add("other")
            return kinds, False
        if op == C.SUBPATTERN:
            sub, empty = _first(av[-1])
        elif op == C.BRANCH:
            parts = [_first(b) for b in av[1]]
            sub, empty = set().union(*(k for k, _ in parts)), any(e for _, e in parts)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            sub, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:
            return kinds | {"other"}, False
        kinds |= sub
        if not empty:
            return kinds, False
    return kinds, True


def _alternatives():
    pattern = en._patterns().main.pattern
    branch = P.parse(pattern)
    (op, av), = list(branch)
    assert op == C.BRANCH
    return [(alt, _first(alt)) for alt in av[1]]


def test_the_main_pattern_has_its_alternatives_of_both_kinds():
    kinds = [k for _, (k, _) in _alternatives()]
    assert {"digit"} in kinds and {"letter"} in kinds


@pytest.mark.parametrize("name", [g[len("(?P<"):-1] for g in en._WORD_OPENED])
def test_an_alternative_named_as_opening_with_a_word_opens_with_a_letter(name):
    alts = [first for alt, first in _alternatives() if alt[0][0] == C.SUBPATTERN
            and en._patterns().main.groupindex[name] == alt[0][1][0]]
    assert alts == [({"letter"}, False)]


def test_every_other_alternative_opens_with_a_digit():
    words = {en._patterns().main.groupindex[g[len("(?P<"):-1]] for g in en._WORD_OPENED}
    others = [first for alt, first in _alternatives() if not (alt[0][0] == C.SUBPATTERN and alt[0][1][0] in words)]
    assert others and all(first == ({"digit"}, False) for first in others)


@pytest.mark.parametrize("text", ["the 2,600 peacekeepers", "on may 5, 2021", "several shops", "last year",
                                  "2021-2025", "dozens of people", "once or twice", "116th", "the 1990s",
                                  "10:30 am", "monday to friday", "3.5 million yuan", "january to march 2022"])
def test_the_two_halves_match_as_the_whole_does(text):
    pat = en._patterns()
    for i, c in enumerate(text):
        half = pat.main_digit if c.isdigit() else pat.main_word
        whole, part = pat.main.match(text, i), half.match(text, i)
        assert (whole and (whole.span(), whole.groupdict())) == (part and (part.span(), part.groupdict())), (text, i)
