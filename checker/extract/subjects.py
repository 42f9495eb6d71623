"""The subject of a count or quantity: the thing counted, as a normalised key.

Chinese: the noun phrase after the measure word (2600余名**中国维和警察**在…), or, when none
follows, the one before the number (抓获**犯罪嫌疑人**1168名). English: the noun phrase after
the number, up to its first plural noun or a stop word, lower-cased and singular.
The text is already simplified Chinese (normalisation), so keys are simplified.
These are heuristics over data in rules/subjects.yaml; they never raise.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.scripts import HAN
from checker.vocab import vocabulary


_IS_HAN = re.compile(f"[{HAN}]")


@lru_cache(maxsize=1)
def _zh():
    cfg = vocabulary().subjects["zh"]
    stop = re.escape(cfg["stop_chars"] + "的")
    n = int(cfg["max_chars"])
    after = re.compile(rf"[{HAN}]{{1,{n}}}")
    # the last verb in the window before a number starts the subject after it
    verbs = sorted(cfg["verbs"], key=len, reverse=True)
    verb_re = re.compile("|".join(map(re.escape, verbs)))
    heads = sorted(cfg.get("heads", []), key=len, reverse=True)
    head_re = re.compile("|".join(map(re.escape, heads))) if heads else None
    strip = tuple(cfg.get("determiners", []))
    return re.compile(f"[{stop}]"), after, verb_re, head_re, strip, n


def _cut_at_head(phrase: str, head_re) -> str:
    """Keep the phrase up to the end of its last known head noun (国家建立 → 国家)."""
    if head_re is None:
        return phrase
    last = None
    for m in head_re.finditer(phrase):
        last = m
    return phrase[: last.end()] if last else phrase


def zh_subject(text: str, after: int, before: int) -> str | None:
    """Subject of the count whose numeral starts at ``before`` and whose measure ends at ``after``."""
    stop_re, after_re, verb_re, head_re, strip, n = _zh()
    if after < len(text) and text[after].isdigit():
        return None                      # 两支300多人规模的…: what follows is another number
    m = after_re.match(text, after)
    if m:
        phrase = m.group()
        s = stop_re.search(phrase)
        if s:
            phrase = phrase[: s.start()]
        v = verb_re.search(phrase)              # 12支维和分队参加 → 维和分队; 12人死亡 → none
        if v:
            phrase = phrase[: v.start()]
        phrase = _cut_at_head(phrase, head_re).rstrip("和及与或")
        if phrase:
            return phrase
    # Nothing follows: the noun before the number (签署各类合作文件400余份).
    window = text[max(0, before - n):before]
    k = len(window)
    while k > 0 and _IS_HAN.match(window[k - 1]):
        k -= 1
    phrase = window[k:]
    for pattern in (stop_re, verb_re):
        last = None
        for last in pattern.finditer(phrase):
            pass
        if last is not None:
            phrase = phrase[last.end():]
    for d in strip:
        if phrase.startswith(d):
            phrase = phrase[len(d):]
            break
    return phrase or None


@lru_cache(maxsize=1)
def _en():
    cfg = vocabulary().subjects["en"]
    stops = frozenset(w.lower() for w in cfg["stop_words"])
    irregular = {k.lower(): v for k, v in cfg["irregular"].items()}
    word = re.compile(r"[A-Za-z][A-Za-z'’-]*")
    return stops | frozenset(w.lower() for w in cfg.get("verbs", [])), irregular, word, int(cfg["max_words"])


def stop_words() -> frozenset[str]:
    """English words that end a noun phrase (rules/subjects.yaml)."""
    return _en()[0]


def singular(word: str) -> str:
    _, irregular, _, _ = _en()
    w = word.lower()
    if w in irregular:
        return irregular[w]
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


_IRREGULAR_KEEP = frozenset({"armed", "advanced", "registered", "licensed", "trained", "qualified",
                             "skilled", "detained", "wanted", "displaced", "suspected", "unarmed"})
_COLLECTIVE = frozenset({"police", "personnel", "staff"})


def is_plural(word: str) -> bool:
    _, irregular, _, _ = _en()
    w = word.lower()
    return (w in irregular and irregular[w] != w) or w in _COLLECTIVE or (
        len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")))


_SPACE = re.compile(r"[ \t]*")


def en_phrase(text: str, pos: int) -> tuple[str | None, bool]:
    """The noun phrase after a number ending at ``pos``, normalised, and whether it was plural:
    'service members to …' → ('service member', True).

    The phrase runs to its first plural noun ('officers'), or to a stop word. A collective noun
    ('police') ends it only if nothing nominal follows ('police liaison officers'); 'and'/'or'
    before any plural joins modifiers ('cross-border and related cases').
    """
    stops, _, word_re, max_words = _en()
    words: list[str] = []
    plural = False
    i = pos
    while len(words) < 2 * max_words:
        i = _SPACE.match(text, i).end()
        m = word_re.match(text, i)
        if not m:
            break
        w = m.group().strip("-'’")
        lw = w.lower()
        if not w:
            break
        if words and lw.endswith("ed") and len(lw) > 4 and lw not in _IRREGULAR_KEEP:
            break                                      # "an earthquake struck", "12 officers injured"
        if lw in stops:
            if lw in ("and", "or") and words and not plural:
                nxt = word_re.match(text, _SPACE.match(text, m.end()).end())
                if nxt and nxt.group().lower() not in stops:
                    words.append(lw)
                    i = m.end()
                    continue
            break
        words.append(w)
        i = m.end()
        if lw in _COLLECTIVE:
            plural = True
            continue
        plural = False
        if is_plural(w):
            plural = True
            break
    while words and words[-1].lower() in ("and", "or"):
        words.pop()
    if not words:
        return None, False
    words = [w.lower() for w in words[-max_words:]]
    words[-1] = singular(words[-1])
    return " ".join(words), plural


def en_subject(text: str, pos: int) -> str | None:
    return en_phrase(text, pos)[0]
