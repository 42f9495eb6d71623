"""The subject of a count or quantity (the thing counted) or of an ordinal (the thing numbered),
as a normalised key.

Chinese: the noun phrase after the measure word (2600余名**中国维和警察**在…), or, when none
follows, the one before the number (抓获**犯罪嫌疑人**1168名); after an ordinal, a name up to its
last head noun (第51次**湄公河联合巡逻执法**正式启动), or, when none follows, the nearest event
before it in its sentence. English: the noun phrase after the number, up to its first plural
noun or a stop word, lower-cased and singular; after an ordinal, a Title Case name goes on through
"of"/"on" (the 116th **Joint Patrol on Mekong River**).
The text is already simplified Chinese (normalisation), so keys are simplified.
These are heuristics over data in rules/subjects.yaml; they never raise.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.numwords import ORDINAL_WORDS
from checker.scripts import HAN
from checker.vocab import alternation, vocabulary


_IS_HAN = re.compile(f"[{HAN}]")
_NUMERALS = "〇零一二两三四五六七八九十百千万亿"
_QUOTES = str.maketrans("", "", "“”「」『』\"")


def _words_re(words) -> re.Pattern | None:
    return re.compile(alternation(words)) if words else None


class _Zh:
    """The Chinese rules of rules/subjects.yaml, compiled once."""

    def __init__(self):
        v = vocabulary()
        cfg = v.subjects["zh"]
        stop = cfg["stop_chars"] + "的"
        self.n = int(cfg["max_chars"])
        self.n_name = int(cfg.get("name_max_chars", self.n))
        self.stop = re.compile(f"[{re.escape(stop)}]")
        # after an ordinal: not into the next one (第十九届中央委员会第五次…); and a name that
        # ends in a head noun may hold a conjunction (中美打击网络犯罪及相关事项高级别联合对话)
        self.ordinal_stop = re.compile(f"[{re.escape(stop)}第]")
        self.name_stop = re.compile(f"[{re.escape(stop.translate(str.maketrans('', '', '和与及或')))}第]")
        self.after = re.compile(rf"[{HAN}]{{1,{self.n}}}")
        # a name may join its parts with a dash or a dot (中国—东盟论坛) and quote one (“…对话”)
        name = rf"(?:[{HAN}“”「」『』\"]|[—–\-·](?=[{HAN}]))"
        self.name = re.compile(rf"{name}{{1,{self.n_name}}}")
        self.name_short = re.compile(rf"{name}{{1,{self.n}}}")
        # the last verb in the window before a number starts the subject after it
        self.verbs = _words_re(cfg["verbs"])
        self.not_verbs = _words_re(cfg.get("not_verbs", []))
        linking = cfg.get("linking", [])
        self.linking = re.compile(rf"(?:{alternation(linking)})[ \t]*$") if linking else None
        self.link_adverbs = "".join(cfg.get("link_adverbs", []))
        self.leading_links = tuple(cfg.get("leading_links", []))
        nouns = cfg.get("measure_nouns", [])
        self.measure_nouns = re.compile(rf"(?:{alternation(nouns)})$") if nouns else None
        self.ends = _words_re(cfg.get("ends", []))
        self.heads = _words_re(cfg.get("heads", []))
        self.event_heads = _words_re(cfg.get("event_heads", []))
        self.ordinal_heads = _words_re([*cfg.get("heads", []), *cfg.get("event_heads", [])])
        self.strip = tuple(cfg.get("determiners", []))
        self.adverbial = tuple(cfg.get("adverbial_measures", []))
        # 第1次到第116次: the first ordinal of a range numbers what the last one does
        self.range_partner = re.compile(rf"[ \t]*(?:到|至|—|-|–|~|～|、|和|与|及)[ \t]*第"
                                        rf"(?:[0-9]+|[〇零一二两三四五六七八九十百千]+)(?:{alternation(v.measures_zh)})?")
        self.sentence_end = re.compile(r"[。！？!?；;\n]")


@lru_cache(maxsize=1)
def _zh() -> _Zh:
    return _Zh()


def _cut_at_head(phrase: str, head_re) -> str:
    """Keep the phrase up to the end of its last known head noun (国家建立 → 国家)."""
    if head_re is None:
        return phrase
    last = None
    for m in head_re.finditer(phrase):
        last = m
    return phrase[: last.end()] if last else phrase


def _after_phrase(text: str, after: int, pattern: re.Pattern, stop: re.Pattern, heads) -> str:
    """The noun phrase that starts at ``after``: up to a function word, a verb or a time, and then
    to the end of its last head noun."""
    z = _zh()
    m = pattern.match(text, after)
    if not m:
        return ""
    phrase = m.group().translate(_QUOTES)
    s = stop.search(phrase)
    if s:
        phrase = phrase[: s.start()]
    v = z.verbs.search(_unverbed(phrase))       # 12支维和分队参加 → 维和分队; 12人死亡 → none
    if v:
        phrase = phrase[: v.start()]
    e = z.ends.search(phrase, 1) if z.ends else None       # 联合巡逻执法正式启动, but 正式党员
    if e:
        phrase = phrase[: e.start()]
    return _cut_at_head(phrase, heads).rstrip("和及与或")


def _before_phrase(text: str, before: int, n: int) -> str | None:
    """The noun phrase that ends at ``before``: its Chinese characters after the last function
    word, verb or time, without a leading determiner."""
    z = _zh()
    window = text[max(0, before - n - 8):before]
    link = z.linking.search(window) if z.linking else None
    if link:                                   # 维和警察人数达到|2600余名: the noun before the verb
        window = window[:link.start()].rstrip(z.link_adverbs)   # 警务人员已约达: the verb's adverbs
        if z.measure_nouns:
            window = z.measure_nouns.sub("", window)
    window = window[-n:]
    k = len(window)
    while k > 0 and _IS_HAN.match(window[k - 1]):
        k -= 1
    phrase = window[k:]
    for pattern in (z.stop, z.verbs, z.ends):
        phrase = phrase[_last_end(pattern, _unverbed(phrase) if pattern is z.verbs else phrase):]
    for d in z.strip:
        if phrase.startswith(d):
            phrase = phrase[len(d):]
            break
    link = next((w for w in z.leading_links if phrase.startswith(w)), None)
    if link and len(phrase) > len(link) + 1:            # 目前有普通高校93所: 有 links, it is no part
        phrase = phrase[len(link):]
    return phrase or None


def _unverbed(phrase: str) -> str:
    """``phrase`` with the nouns that hold a verb (派出所) blanked out, for finding verbs."""
    z = _zh()
    return z.not_verbs.sub(lambda m: "\u3000" * len(m.group()), phrase) if z.not_verbs else phrase


def _last_end(pattern: re.Pattern | None, phrase: str) -> int:
    """Where the last match of ``pattern`` in ``phrase`` ends, overlaps counted (新建成: 建成)."""
    end, m = 0, pattern.search(phrase) if pattern else None
    while m:
        end = max(end, m.end())
        m = pattern.search(phrase, m.start() + 1)
    return end


def zh_subject(text: str, after: int, before: int) -> str | None:
    """Subject of the count whose numeral starts at ``before`` and whose measure ends at ``after``."""
    z = _zh()
    if after < len(text) and text[after].isdigit():
        return None                      # 两支300多人规模的…: what follows is another number
    # Both phrases are cached on the short string each reads, for the same things are counted
    # again and again (…名犯罪嫌疑人, 签署合作文件…份): after the count, the Chinese run z.after
    # matches (z.after is [HAN]{1,n}, no lookaround: _after_phrase reads nothing else) …
    m = z.after.match(text, after)
    phrase = _phrase_after(m.group()) if m else ""
    if phrase:
        return phrase
    # … and before it, the end of _before_phrase's window made of Chinese, spaces and tabs (its
    # linking words, adverbs and measure nouns are all Chinese, and its phrase is the Chinese run
    # at the end: a character of any other kind ends all it reads). A window that ends in a line
    # break is kept whole ($ in z.linking matches before that break).
    behind = text[max(0, before - z.n - 8):before]
    if not behind.endswith("\n"):
        behind = behind[len(behind) - _HAN_OR_BLANK_RUN.match(behind[::-1]).end():]
    # Nothing follows: the noun before the number (签署各类合作文件400余份).
    return _phrase_before(behind)


_HAN_OR_BLANK_RUN = re.compile(f"[{HAN} \t]*")


@lru_cache(maxsize=4096)
def _phrase_after(run: str) -> str:
    z = _zh()
    return _after_phrase(run, 0, z.after, z.stop, z.heads)


@lru_cache(maxsize=4096)
def _phrase_before(window: str) -> str | None:
    return _before_phrase(window, len(window), _zh().n)


def zh_ordinal_subject(text: str, after: int, before: int, floor: int = 0) -> str | None:
    """What the ordinal spanning ``before``..``after`` numbers: the name after it (第51次湄公河联合
    巡逻执法), else the nearest event before it in its sentence (联合巡逻执法行动…从第1次到第116次)."""
    z = _zh()
    adverb = text.endswith(z.adverbial, 0, after)
    partner = z.range_partner.match(text, after)
    if partner:
        after = partner.end()
    name = _after_phrase(text, after, z.name, z.name_stop, None)
    head = _cut_at_head(name, z.ordinal_heads)
    if head != name or _ends_in_head(name, z.ordinal_heads):
        phrase = head
    elif adverb:
        phrase = ""                                   # 首次联合开展演习: an adverb, not a name
    else:
        phrase = _after_phrase(text, after, z.name_short, z.ordinal_stop, None)
    phrase = phrase.rstrip(_NUMERALS).rstrip("和及与或")       # 五年规划和二〇三五年
    if phrase or z.event_heads is None:
        return phrase or None
    lo = max(floor, before - 300)
    start = max((m.end() for m in z.sentence_end.finditer(text, lo, before)), default=lo)
    last = None
    for h in z.event_heads.finditer(text, start, before):
        if _ends_noun(text, h.end()):
            last = h
    if last is None:
        return None
    # the name up to its head, the head whole (培训班 holds the verb 培训)
    return (_before_phrase(text, last.start(), z.n_name - len(last.group())) or "") + last.group()


def _ends_in_head(phrase: str, heads) -> bool:
    return heads is not None and any(m.end() == len(phrase) for m in heads.finditer(phrase))


def _ends_noun(text: str, pos: int) -> bool:
    """Whether a noun may end at ``pos``: no more Chinese follows, or a function word, a verb or a
    time does (行动的3艘, but not 执法艇)."""
    z = _zh()
    if pos >= len(text) or not _IS_HAN.match(text[pos]):
        return True
    return any(p is not None and p.match(text, pos) for p in (z.stop, z.verbs, z.ends))


@lru_cache(maxsize=1)
def _en():
    cfg = vocabulary().subjects["en"]
    stops = frozenset(w.lower() for w in cfg["stop_words"])
    irregular = {k.lower(): v for k, v in cfg["irregular"].items()}
    word = re.compile(r"[A-Za-z][A-Za-z'’-]*")
    return stops | frozenset(w.lower() for w in cfg.get("verbs", [])), irregular, word, int(cfg["max_words"])


@lru_cache(maxsize=1)
def _en_names():
    cfg = vocabulary().subjects["en"]
    connectors = alternation(w.lower() for w in cfg.get("name_connectors", []))
    # connectors, then a capitalised word: " on Mekong", " of the Communist"
    more = re.compile(rf"(?:[ \t]+(?i:{connectors}))+[ \t]+(?=[A-Z])") if connectors else None
    title = re.compile(r"[ \t]*([A-Z][A-Za-z'’-]*)")
    # the 1st to the 116th patrol: the first ordinal of a range numbers what the last one does
    partner = re.compile(rf"[ \t]*(?:to|through|and|or|-|–)[ \t]*(?:the[ \t]+)?"
                         rf"(?:\d+(?:st|nd|rd|th)|{alternation(ORDINAL_WORDS)})\b", re.I)
    return more, title, frozenset(w.lower() for w in cfg.get("not_ordinal_subjects", [])), partner


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


def _en_words(text: str, pos: int) -> tuple[list[str], int, bool]:
    """The words of the noun phrase after ``pos`` as written, where it ends, and whether plural."""
    # The reading below matches only [ \t]* and [A-Za-z][A-Za-z'’-]*, each stopping at the first
    # character outside its class: it never looks past the run of letters, apostrophes, hyphens,
    # spaces and tabs at ``pos`` (the character after the run is in neither class, as the end of
    # the run string is not). So it is read from that run alone, cached: the same words follow
    # figures again and again (… suspects, … cooperation documents).
    words, end, plural = _run_words(_EN_RUN.match(text, pos).group())
    return list(words), pos + end, plural


_EN_RUN = re.compile(r"[A-Za-z'’ \t-]*")


@lru_cache(maxsize=4096)
def _run_words(run: str) -> tuple[tuple[str, ...], int, bool]:
    words, end, plural = _read_en_words(run, 0)
    return tuple(words), end, plural


def _read_en_words(text: str, pos: int) -> tuple[list[str], int, bool]:
    stops, _, word_re, max_words = _en()
    words: list[str] = []
    ends: list[int] = []
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
        if words and words[-1].lower() in _COLLECTIVE and w[0].isupper() and not words[-1][0].isupper():
            break                                      # "police China has sent": a name starts a clause
        if words and lw.endswith("ed") and len(lw) > 4 and lw not in _IRREGULAR_KEEP:
            break                                      # "an earthquake struck", "12 officers injured"
        if lw in stops:
            if lw in ("and", "or") and words and not plural:
                nxt = word_re.match(text, _SPACE.match(text, m.end()).end())
                if nxt and nxt.group().lower() not in stops:
                    words.append(lw)
                    ends.append(m.end())
                    i = m.end()
                    continue
            break
        words.append(w)
        ends.append(m.end())
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
        ends.pop()
    return words, (ends[-1] if ends else pos), plural


def en_phrase(text: str, pos: int) -> tuple[str | None, bool]:
    """The noun phrase after a number ending at ``pos``, normalised, and whether it was plural:
    'service members to …' → ('service member', True).

    The phrase runs to its first plural noun ('officers'), or to a stop word. A collective noun
    ('police') ends it only if nothing nominal follows ('police liaison officers'); 'and'/'or'
    before any plural joins modifiers ('cross-border and related cases').
    """
    return _run_phrase(_EN_RUN.match(text, pos).group())      # (read from its run: see _en_words)


@lru_cache(maxsize=4096)
def _run_phrase(run: str) -> tuple[str | None, bool]:
    words, _, plural = _run_words(run)
    if not words:
        return None, False
    return _key(list(words)), plural


def _key(words: list[str]) -> str:
    words = [w.lower() for w in words[-_en()[3]:]]
    words[-1] = singular(words[-1])
    return " ".join(words)


def en_subject(text: str, pos: int) -> str | None:
    return en_phrase(text, pos)[0]


_NUMBER_OF = re.compile(r"\bnumber\s+of\s+", re.I)
# what joins "the number of X" to its figure: stands at, has reached, rose to, is, totals, and
# "bringing the number of X to" …
_LINKED = re.compile(
    r"(?:\b(?:stands?|stood)\s+at|\b(?:has|have|had)\s+(?:now\s+)?(?:reached|risen\s+to|grown\s+to|fallen\s+to|"
    r"climbed\s+to|increased\s+to|dropped\s+to)|\breached|\b(?:rose|grew|fell|climbed|increased|dropped)\s+to|"
    r"\b(?:is|was|are|were)(?:\s+now)?|\btotal(?:s|led|ed)|\bcame\s+to|\bto)"
    r"(?:\s+(?:about|around|some|nearly|almost|over|more\s+than|roughly|approximately|just\s+over|just\s+under))?\s*$",
    re.I)
_SENTENCE_END = re.compile(r"[.!?;\n](?:\s|$)")


def en_subject_before(text: str, start: int) -> str | None:
    """'The number of fire stations in the city has reached 42': what a figure with no noun after
    it counts, named before it in its sentence."""
    lo = max(0, start - 200)
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, lo, start)), default=lo)
    head = text[begin:start]
    last = None
    for last in _NUMBER_OF.finditer(head):
        pass
    if last is None or not _LINKED.search(head, last.end()):
        return None
    return en_phrase(text, begin + last.end())[0]


def en_ordinal_subject(text: str, pos: int) -> str | None:
    """What the ordinal ending at ``pos`` numbers, in ``text`` as written (its case tells a name):
    'the 51st patrol' → 'patrol'; 'the 116th Joint Patrol on Mekong River' → 'joint patrol on
    mekong river'; 'for the first time' → None."""
    more, title, skip, partner = _en_names()
    m = partner.match(text, pos)
    words, end, _ = _en_words(text, m.end() if m else pos)
    if not words or _key(words).split()[-1] in skip:
        return None
    key = _key(words).split()
    limit = 2 * _en()[3]
    while more is not None and words[-1][:1].isupper() and len(key) < limit:
        m = more.match(text, end)
        t = title.match(text, m.end()) if m else None
        if t is None:
            break
        key += [w.lower() for w in m.group().split()]
        while t is not None and len(key) < limit:
            key.append(t.group(1).lower())
            words.append(t.group(1))
            end = t.end()
            t = title.match(text, end)
    return " ".join(key)
