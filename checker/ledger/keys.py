"""Subject keys: when two claims, in either language and any phrasing, count the same thing.

The steps are data (rules/glossary.yaml, whose header is the documentation): home modifiers off
the front, generic tails off the end, synonyms to one concept, and for English subjects without
a concept the Chinese subject they were most often aligned with (learnt pairs). Nothing else
groups two subjects: a near-duplicate is grouped because a listed step says so, never because
two strings happen to look alike. A figure whose subject or clause names the place or the
organisation it belongs to (北京市共有普通高校92所, "Beijing has 92 universities") is filed under
a scoped key, the scope first: "北京市 / 普通高校". One place is one scope however it is named:
its whole (大连全市), its own generic bodies (柳州公安局, the Dalian Public Security Bureau), its
level word (Dalian city), the province around it (陕西省西安市), the body that reports in the
sentence (西安禁毒委通报，全市…); venues are never scopes, and a named operation in the figure's
sentence stands in the scope's place (rules/glossary.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from checker.errors import UserError
from checker.scripts import HAN
from checker.vocab import alternation, load_yaml

_IS_HAN = re.compile(f"[{HAN}]")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_BIGRAM_TEXT = re.compile(f"[{HAN}A-Za-z]+")
# what is left of a conversion artefact (兩國(guó)) when the clause starts after its character
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


@dataclass(frozen=True, slots=True)
class Glossary:
    home: dict[str, tuple[str, ...]]
    tails: dict[str, tuple[str, ...]]
    concepts: dict[str, str]           # any synonym (normalised) -> its concept's key
    generic: frozenset[str]            # keys that need a shared context to be compared
    context_similarity: float
    learn_min_documents: int = 2
    bare_heads: frozenset[str] = frozenset()    # English heads never learnt alone
    trailing: tuple[str, ...] = ()              # English adverbials cut off a subject's end
    places: dict[str, str] | None = None        # any spelling of a place (normalised) -> its key
    scopes: "_Scopes | None" = None


@dataclass(frozen=True, slots=True)
class _Scopes:
    """rules/glossary.yaml, scopes: how a figure's place or organisation is found."""
    suffixes: re.Pattern
    min_chars: int
    max_chars: int
    not_words: re.Pattern
    after: re.Pattern
    relative: tuple[str, ...]
    lists: tuple[str, ...]
    partners: tuple[str, ...]
    home: frozenset[str]
    names: re.Pattern                   # listed places and home words, longest first
    en_heads: frozenset[str]
    en_relative: frozenset[str]
    en_not: frozenset[str]
    en_reporting: frozenset[str]
    en_places: frozenset[str]
    place_suffixes: tuple[str, ...] = ()        # longest first
    drop: tuple[str, ...] = ()
    whole: "dict[str, str] | None" = None       # 全市 -> 市
    bodies: tuple[str, ...] = ()                # longest first
    reporting: re.Pattern | None = None
    times: re.Pattern | None = None             # (time words)* — what may come before a topic
    time_words: re.Pattern | None = None        # one time word
    events: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()                # 承办的: a host, not an owner
    en_venues: frozenset[str] = frozenset()     # held (in): a venue, not an owner
    en_bodies: tuple[str, ...] = ()             # longest first
    en_levels: "dict[str, str] | None" = None   # city -> 市
    en_events: frozenset[str] = frozenset()


def _words(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise UserError(f"rules/glossary.yaml: {where} must be a list of words.")
    return tuple(value)


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    data = load_yaml("glossary.yaml")
    if not isinstance(data, dict) or not {"home", "tails", "generic", "concepts"} <= set(data):
        raise UserError("rules/glossary.yaml: expected the keys home, tails, generic, concepts "
                        "and context_similarity.")
    home = {lang: tuple(sorted(_words(data["home"].get(lang, []), f"home.{lang}"), key=len, reverse=True))
            for lang in ("zh", "en")}
    tails = {lang: tuple(sorted(_words(data["tails"].get(lang, []), f"tails.{lang}"), key=len, reverse=True))
             for lang in ("zh", "en")}
    partial = Glossary(home, tails, {}, frozenset(), 0.0)
    concepts: dict[str, str] = {}
    for i, concept in enumerate(data["concepts"] or []):
        if not isinstance(concept, dict) or not concept.get("zh"):
            raise UserError(f"rules/glossary.yaml: concept {i + 1} needs a zh list (its first term is its key).")
        zh = _words(concept["zh"], f"concepts[{i + 1}].zh")
        key = _strip(zh[0], "zh", partial)
        for lang in ("zh", "en"):
            for term in _words(concept.get(lang, []), f"concepts[{i + 1}].{lang}"):
                norm = _strip(_normal(term, lang), lang, partial)
                if concepts.get(norm, key) != key:
                    raise UserError(f"rules/glossary.yaml: {term!r} is in two concepts "
                                    f"({concepts[norm]} and {key}).")
                concepts[norm] = key
    generic = set()
    for lang in ("zh", "en"):
        for term in _words(data["generic"].get(lang, []), f"generic.{lang}"):
            norm = _strip(_normal(term, lang), lang, partial)
            generic.add(concepts.get(norm, norm))
    similarity = data.get("context_similarity", 0.25)
    if not isinstance(similarity, (int, float)) or not 0 < similarity <= 1:
        raise UserError("rules/glossary.yaml: context_similarity must be a number in (0, 1].")
    min_docs = data.get("learn_min_documents", 2)
    if isinstance(min_docs, bool) or not isinstance(min_docs, int) or min_docs < 1:
        raise UserError("rules/glossary.yaml: learn_min_documents must be a whole number, 1 or more.")
    trailing = tuple(sorted((_normal(w, "en") for w in _words(data.get("trailing") or [], "trailing")),
                            key=len, reverse=True))
    bare = frozenset(_normal(w, "en") for w in _words(data.get("bare_heads") or [], "bare_heads"))
    places: dict[str, str] = {}
    for i, place in enumerate(data.get("places") or []):
        if not isinstance(place, dict) or not place.get("zh"):
            raise UserError(f"rules/glossary.yaml: place {i + 1} needs a zh list (its first term is its key).")
        zh = _words(place["zh"], f"places[{i + 1}].zh")
        for lang in ("zh", "en"):
            for term in _words(place.get(lang, []), f"places[{i + 1}].{lang}"):
                # the singular form (as subjects are normalised) and the plain lower-case one
                # (as names are): Philippines, Laos, Ordos
                for norm in {_normal(term, lang), _plain(term) if lang == "en" else _normal(term, lang)}:
                    if places.get(norm, zh[0]) != zh[0]:
                        raise UserError(f"rules/glossary.yaml: {term!r} is in two places "
                                        f"({places[norm]} and {zh[0]}).")
                    places[norm] = zh[0]
    partial = Glossary(home, tails, concepts, frozenset(generic), float(similarity), min_docs, bare, trailing)
    scopes = _load_scopes(data.get("scopes"), places, home)
    return Glossary(home, tails, concepts, frozenset(generic), float(similarity), min_docs, bare,
                    trailing, places, scopes) if scopes else partial


def _load_scopes(data, places: dict[str, str], home: dict[str, tuple[str, ...]]) -> _Scopes | None:
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("zh"), dict) or not isinstance(data.get("en"), dict):
        raise UserError("rules/glossary.yaml: scopes must map zh and en to their rules.")
    zh, en = data["zh"], data["en"]

    def words(spec, key, lang):
        return _words(spec.get(key), f"scopes.{lang}.{key}")

    lo, hi = zh.get("min_chars"), zh.get("max_chars")
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (lo, hi)) or lo > hi:
        raise UserError("rules/glossary.yaml: scopes.zh.min_chars and max_chars must be whole numbers, "
                        "min_chars no more than max_chars.")
    names = [w for w in places if language(w) == "zh"] + list(home["zh"])

    def mapping(spec, key, lang):
        value = spec.get(key)
        if not isinstance(value, dict) or not all(isinstance(k, str) and k.strip() and isinstance(v, str)
                                                  for k, v in value.items()):
            raise UserError(f"rules/glossary.yaml: scopes.{lang}.{key} must map words to suffixes.")
        return dict(value)

    def longest(seq):
        return tuple(sorted(seq, key=len, reverse=True))

    return _Scopes(
        suffixes=re.compile(f"(?=({alternation(words(zh, 'suffixes', 'zh'))}))"),
        min_chars=lo, max_chars=hi,
        not_words=re.compile(f"(?=({alternation(words(zh, 'not', 'zh'))}))"),
        after=re.compile(alternation(words(zh, "after", "zh"))),
        relative=words(zh, "relative", "zh"),
        lists=words(zh, "lists", "zh"),
        partners=words(zh, "partners", "zh"),
        home=frozenset([*words(zh, "home", "zh"), *(w.lower() for w in words(en, "home", "en"))]),
        names=re.compile(f"(?=({alternation(names)}))"),
        en_heads=frozenset(w.lower() for w in words(en, "heads", "en")),
        en_relative=frozenset(w.lower() for w in words(en, "relative", "en")),
        en_not=frozenset(w.lower() for w in words(en, "not", "en")),
        en_reporting=frozenset(w.lower() for w in words(en, "reporting", "en")),
        en_places=frozenset(w.lower() for w in words(en, "places", "en")),
        place_suffixes=longest(words(zh, "place_suffixes", "zh")),
        drop=words(zh, "drop", "zh"),
        whole=mapping(zh, "whole", "zh"),
        bodies=longest(words(zh, "bodies", "zh")),
        reporting=re.compile(alternation(words(zh, "reporting", "zh"))),
        times=re.compile(f"(?:{alternation(words(zh, 'times', 'zh'))})*"),
        time_words=re.compile(alternation(words(zh, "times", "zh"))),
        events=longest(words(zh, "events", "zh")),
        venues=longest(words(zh, "venues", "zh")),
        en_venues=frozenset(w.lower() for w in words(en, "venues", "en")),
        en_bodies=longest(_plain(w) for w in words(en, "bodies", "en")),
        en_levels={_plain(k): v for k, v in mapping(en, "levels", "en").items()},
        en_events=frozenset(w.lower() for w in words(en, "events", "en")),
    )


def _plain(name: str) -> str:
    """An English name as scopes write it: lower-case words, no leading the."""
    norm = " ".join(w.rstrip("'’") for w in _WORD.findall(name.lower().replace("’", "'")))
    return norm[4:] if norm.startswith("the ") else norm


@lru_cache(maxsize=1 << 16)
def _normal(subject: str, lang: str) -> str:
    if lang == "zh":
        from checker.text.normalize import to_simplified

        return to_simplified(subject.strip())
    from checker.extract.subject_phrase import singular

    return " ".join(w for w in (singular(w).rstrip("'’") for w in
                                _WORD.findall(subject.lower().replace("’", "'"))) if w)


def _strip(subject: str, lang: str, g: Glossary) -> str:
    """Steps 1-3 of the glossary: trailing adverbials (English), home modifiers and generic tails
    off, until nothing more comes off (so that a key is its own key)."""
    sep = "" if lang == "zh" else " "
    shortest = 2 if lang == "zh" else 1
    changed = True
    while changed:
        changed = False
        for t in g.trailing if lang == "en" else ():
            if subject.endswith(" " + t) and len(subject) > len(t) + 1:
                subject, changed = subject[: -len(t) - 1], True
                break
        for h in g.home[lang]:
            if subject.startswith(h + sep) and len(subject) > len(h + sep):
                subject, changed = subject[len(h + sep):].strip(), True
                break
        for t in g.tails[lang]:
            if subject.endswith(sep + t) and len(subject) - len(sep + t) >= shortest:
                subject, changed = subject[: -len(sep + t)].strip(), True
                break
    return subject


def language(subject: str) -> str:
    return "zh" if _IS_HAN.search(subject) else "en"


SCOPE_SEPARATOR = " / "


def subject_key(subject: str | None, learnt: dict[str, str] | None = None, *,
                scope: str | None = None) -> str | None:
    """The key under which the ledger files a subject (see the module and glossary docs).
    ``scope`` is the place or organisation the figure's clause names (``scope_of``); a scope
    named in the subject itself (印度维和人员) comes first, and a key given back ("北京市 /
    普通高校") is its own key."""
    if not subject:
        return None
    g = glossary()
    front = True
    if SCOPE_SEPARATOR in subject:
        head, _, subject = subject.partition(SCOPE_SEPARATOR)
        subject = subject.replace(SCOPE_SEPARATOR, " ")
        head = _scope_name(head, g)
        if head:
            scope, front = head, False
    base, named = _base_key(subject, learnt, g, front)
    if base is None or SCOPE_SEPARATOR in base:        # a learnt key may carry its own scope
        return base
    if front and _names_home(subject, g) and _scope_name(scope, g) not in (g.places or {}).values():
        scope = None                                   # 中国维和警察: the subject says whose (a
                                                       # place says where: 在马里执勤的中国维和警察)
    scope = named or _scope_name(scope, g)
    return f"{scope}{SCOPE_SEPARATOR}{base}" if scope else base


def _base_key(subject: str, learnt: dict[str, str] | None, g: Glossary, front: bool
              ) -> tuple[str | None, str | None]:
    """Steps 1-5 (and the scope a subject names at its front when ``front``): key and scope."""
    lang = language(subject)
    norm = _strip(_normal(subject, lang), lang, g)
    if lang == "zh" and not _IS_HAN.search(norm):
        return _base_key(norm, learnt, g, front)     # 中国ABC: what is left is English
    if not norm or not any(ch.isalnum() for ch in norm):
        return None, None
    if norm in g.concepts:
        return g.concepts[norm], None
    if lang == "en" and learnt and norm in learnt:
        return learnt[norm], None
    if front:
        named, rest = _front_scope(norm, lang, g)
        if not named and rest != norm:             # 全市消防站: a relative name off the front
            return _base_key(rest, learnt, g, True)
        if named:
            base, _ = _base_key(rest, learnt, g, False)
            if base is not None and SCOPE_SEPARATOR not in base:
                return base, named
    return norm, None


def _names_home(subject: str, g: Glossary) -> bool:
    """Whether a subject opens with home (中国维和警察, Chinese peacekeepers)."""
    lang = language(subject)
    norm = _normal(subject, lang)
    sep = "" if lang == "zh" else " "
    return any(norm.startswith(h + sep) and len(norm) > len(h + sep) for h in g.home[lang])


def base_key(key: str | None) -> str | None:
    """A key without its scope: 北京市 / 普通高校 → 普通高校."""
    return key.partition(SCOPE_SEPARATOR)[2] if key and SCOPE_SEPARATOR in key else key


def learnable(en_subject: str | None, zh_subject: str | None) -> tuple[str, str] | None:
    """The (English, Chinese key) pair an aligned, agreeing pair of claims teaches, if any: only
    English subjects that the glossary does not already place, and only Chinese subjects; never
    a bare generic head (officer, personnel: rules/glossary.yaml, bare_heads)."""
    if not en_subject or not zh_subject or language(en_subject) != "en" or language(zh_subject) != "zh":
        return None
    g = glossary()
    en = _strip(_normal(en_subject, "en"), "en", g)
    zh = subject_key(zh_subject)
    if not en or not zh or en in g.concepts or en in g.generic or en in g.bare_heads or en in g.trailing \
            or is_generic(zh) or not any(c.isalpha() for c in en):
        return None
    return en, zh


def best_pairs(rows: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """From (English, Chinese key, documents) counts: each English subject's Chinese key when
    at least ``learn_min_documents`` documents saw it with it, more than with all other keys
    together (a clear majority). A bare generic head is never taken."""
    g = glossary()
    by_en: dict[str, dict[str, int]] = {}
    for en, zh, n in rows:
        by_en.setdefault(en, {})[zh] = n
    out = {}
    for en, counts in by_en.items():
        if en in g.bare_heads:
            continue
        zh, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= g.learn_min_documents and n * 2 > sum(counts.values()):
            out[en] = zh
    return out


def is_generic(key: str | None) -> bool:
    return key is None or base_key(key) in glossary().generic


# -- scopes ----------------------------------------------------------------------------------

def _scope_name(name: str | None, g: Glossary) -> str | None:
    """A scope as the key writes it: a listed place's key, else the name simplified (Chinese) or
    lower-case (English); None for home and for relative names. A place's whole (大连全市) and
    its own generic bodies (柳州市公安局, the Dalian Public Security Bureau) are the place, and an
    unlisted place is written without 市 or 县 (泉州市 = 泉州)."""
    if not name or g.scopes is None:
        return None
    sc, places = g.scopes, g.places or {}
    lang = language(name)
    if lang == "zh":
        from checker.text.normalize import to_simplified

        norm = re.sub(r"\s+", "", to_simplified(name))
    else:
        norm = _plain(name)
    if not norm:
        return None
    norm = places.get(norm, norm)
    if norm in sc.home:
        return None
    sep = "" if language(norm) == "zh" else " "
    for h in g.home[language(norm)]:                # 中国公安部 = 公安部; 中国 is no scope
        if norm == h:
            return None
        if norm.startswith(h + sep):
            return _scope_name(norm[len(h + sep):], g)
    if language(norm) == "zh":
        placed = _zh_place_of(norm, g)
        if placed != norm:                          # shorter: read again as a name of its own
            return _scope_name(placed, g)
        if norm in sc.home or (norm.startswith(sc.relative) and norm not in places):
            return None                             # 本市, but 本溪市
        m = _suffix_at_end(norm, sc)
        if m is not None and len(norm) - len(m) < sc.min_chars and norm not in places \
                and not (len(norm) > len(m) and m in sc.place_suffixes and _IS_HAN.match(norm)):
            return None                             # 政府, 公司: no name left (柳州 is one)
        if norm not in places.values():
            for d in sc.drop:                       # 泉州市 = 泉州
                if norm.endswith(d) and len(norm) - len(d) >= sc.min_chars:
                    return _scope_name(norm[: -len(d)], g)
        if norm in sc.home or norm in g.home["zh"]:
            return None                             # what is left is home
    else:
        norm = _en_place_of(norm, g)
        norm = places.get(norm, norm)
        words = norm.split()
        if words[0] in sc.en_relative or (len(words) == 1 and words[0] in sc.en_heads):
            return None
    return norm


def _is_zh_place(name: str, g: Glossary) -> bool:
    """A listed place, or a name that ends in a place suffix (柳州, 泉州市, 某某县)."""
    places = g.places or {}
    return name in places or (len(name) >= 2 and name.endswith(g.scopes.place_suffixes)
                              and not name.startswith(g.scopes.relative))


def _zh_place_of(norm: str, g: Glossary) -> str:
    """大连全市 → 大连市, 柳州市公安局 → 柳州市, 西安禁毒委 → 西安: a place's whole and a place's
    own generic bodies are the place, and a place within a listed one is itself (陕西省西安市 →
    西安市); any other name is itself."""
    sc = g.scopes
    changed = True
    while changed:
        changed = False
        m = sc.names.match(norm)                    # 陕西省西安市 → 西安市: the smaller place
        if m and (g.places or {}).get(m.group(1)) and _is_zh_place(norm[len(m.group(1)):], g):
            norm, changed = norm[len(m.group(1)):], True
            continue
        for body in sc.bodies:
            rest = norm[: -len(body)]
            if norm.endswith(body) and rest and _is_zh_place(rest, g):
                norm, changed = rest, True
                break
        for word, level in (sc.whole or {}).items():
            rest = norm[: -len(word)]
            if norm.endswith(word) and len(rest) >= sc.min_chars and not rest.startswith(sc.relative):
                norm, changed = (rest if rest.endswith(level) or rest in (g.places or {}) else rest + level), True
                break
    return norm


def _en_place_of(norm: str, g: Glossary) -> str:
    """dalian public security bureau → dalian, dalian city → dalian: taken off only when what is
    left is a listed place (the city police department stays itself; mexico city too)."""
    sc, places = g.scopes, g.places or {}
    rest = norm
    changed = True
    while changed:
        changed = False
        for body in sc.en_bodies:
            if rest.endswith(" " + body):
                rest, changed = rest[: -len(body) - 1], True
                break
        for word, level in (sc.en_levels or {}).items():
            if rest.endswith(" " + word) and places.get(rest[: -len(word) - 1], "").endswith(level):
                rest, changed = rest[: -len(word) - 1], True
                break
    return rest if rest in places else norm


def _suffix_at_end(name: str, sc: _Scopes) -> str | None:
    best = None
    for m in sc.suffixes.finditer(name):
        if m.start() + len(m.group(1)) == len(name) and (best is None or len(m.group(1)) > len(best)):
            best = m.group(1)
    return best


def _front_scope(norm: str, lang: str, g: Glossary) -> tuple[str | None, str]:
    """The scope a subject names at its front (印度维和人员 → 印度, indian peacekeeper → 印度)
    and the rest of the subject."""
    if g.scopes is None:
        return None, norm
    if lang == "en":
        words = norm.split()
        for n in (3, 2, 1):
            if len(words) > n and " ".join(words[:n]) in (g.places or {}):
                return _scope_name(" ".join(words[:n]), g), " ".join(words[n:])
        return None, norm
    best = None
    for start, end, _ in _zh_names(norm, g.scopes, frozenset([0]), g):
        if start == 0 and end < len(norm) and (best is None or end > best):
            best = end
    if best is None:
        return None, norm
    named = _scope_name(norm[:best], g)
    if not named and norm.startswith(g.scopes.relative):
        return None, norm[best:]                   # 全市消防站: the relative name says nothing
    return (named, norm[best:]) if named else (None, norm)


def _zh_names(region: str, sc: _Scopes, starts: frozenset[int], g: Glossary):
    """The names in ``region``: (start, end, listed) of every listed place (or home word) and of
    every name that ends in a suffix and starts at one of ``starts``, none of whose last
    character is held by a word that names nothing (for a listed place: a word that starts no
    later than it, as 执法国际 holds 法国 but 都市 does not hold 成都市)."""
    held: dict[int, int] = {}                       # a held character -> where its word starts
    for m in sc.not_words.finditer(region):
        for i in range(m.start(), m.start() + len(m.group(1))):
            held[i] = min(held.get(i, m.start()), m.start())
    for m in sc.names.finditer(region):
        end = m.start() + len(m.group(1))
        if held.get(end - 1, end) > m.start():      # 成都市: 都市 starts inside the name
            yield m.start(), end, True
    for m in sc.suffixes.finditer(region):
        s0, end = m.start(), m.start() + len(m.group(1))
        if end - 1 in held:
            continue
        b = max((x for x in starts if x <= s0), default=None)
        if b is None:
            continue
        if s0 - b < sc.min_chars:
            if region.startswith(sc.relative, b):
                yield b, end, False                 # 该公司, 全市: relative
            continue
        if s0 - b <= sc.max_chars:
            yield b, end, False


def _zh_starts(region: str, sc: _Scopes) -> frozenset[int]:
    """Where a name may start in a Chinese region: its start, after anything not Chinese, after a
    stop character, a verb (rules/subjects.yaml) or a word of scopes.zh.after."""
    from checker.vocab import vocabulary

    starts = {0}
    starts.update(i + 1 for i, ch in enumerate(region) if not _IS_HAN.match(ch))
    cfg = vocabulary().subjects["zh"]
    starts.update(i + 1 for i, ch in enumerate(region) if ch in cfg["stop_chars"] + "的")
    for pattern in (sc.after, sc.time_words, _zh_verbs()):
        i = 0
        while (m := pattern.search(region, i)) is not None:
            starts.add(m.end())
            i = m.start() + 1
    return frozenset(starts)


@lru_cache(maxsize=1)
def _zh_verbs() -> re.Pattern:
    from checker.vocab import alternation, vocabulary

    return re.compile(alternation(vocabulary().subjects["zh"]["verbs"]))


def relative_level(subject: str | None) -> str | None:
    """The level a subject's relative whole refers to (全市转移群众 → 市, 全县… → 县), or None: two
    figures of 全市 and of 全县 speak for two places, whatever key their subjects share."""
    sc = glossary().scopes
    if not subject or sc is None or not sc.whole:
        return None
    return next((level for word, level in sc.whole.items() if subject.startswith(word)), None)


def _zh_scope(region: str, after: str, g: Glossary) -> tuple[str | None, str | None]:
    """The scope in a Chinese clause ``region`` (the text before the subject; ``after`` is what
    follows it): the nearest name, unless it is home, relative or one of a list; and when the
    nearest name is a relative whole (全市, 该省), the level it refers to (市, 省)."""
    sc = g.scopes
    found = set(_zh_names(region, sc, _zh_starts(region, sc), g))
    # two listed names that overlap: the first one read is the name (江西安全: 江西, not 西安)
    listed = sorted((x for x in found if x[2]), key=lambda x: (x[0], -x[1]))
    for i, x in enumerate(listed):
        if x in found and any(y[0] < x[0] < y[1] < x[1] for y in listed[:i] if y in found):
            found.discard(x)
    # a "name" that holds a list of names is the list (北京市和上海市)
    found = {x for x in found if not any(x[0] <= y[0] and y[1] < x[1] and region.startswith(sc.lists, y[1])
                                         for y in found)}
    found = _listed_ends(found)
    # a name inside a longer one is part of it (上海 in 上海合作组织)
    found = sorted((x for x in found if not any(y[0] <= x[0] and x[1] <= y[1] and y[:2] != x[:2] for y in found)),
                   key=lambda x: (-x[1], x[0]))
    if not found:
        return None, "*"
    ends = {e for _, e, _ in found}
    events_only = True
    starts = {s for s, _, _ in found}
    for start, end, listed in found:
        rest = region[end:] + after
        if rest.lstrip("”\"’'」』").startswith(sc.events) or region[:start].endswith(("“", "\"", "「")):
            continue                               # “边境安宁”专项行动: an event's name
        if rest.startswith(sc.venues):
            continue                               # 昆明承办的研修班: where, not whose
        events_only = False
        if rest[:1].isdigit() or rest[:1] in "〇零一二两三四五六七八九十百千万几数":
            continue                               # 泰国三国, 北京市92所: the figure's own words
        joined = next((w for w in sc.lists if rest.startswith(w)), None)
        if joined and (joined in "、等" or end + len(joined) in starts):
            continue                               # 北京市、上海市等
        before = region[:start]
        if before.endswith(sc.partners):
            continue                               # 与美国联合…: a partner, not the owner
        if any(before.endswith(w) for w in sc.lists) and any(e == start - len(w) for w in sc.lists
                                                               for e in ends if before.endswith(w)):
            continue                               # … 和泰国: the last of a list
        name = region[start:end]
        return _scope_name(name, g), (sc.whole or {}).get(name)
    return None, "*" if events_only else None


def _listed_ends(found: set) -> set:
    """An unlisted name that ends in a listed one is read as the listed one (近年来柳州, 广东省深圳市:
    柳州, 深圳市): what comes before a listed place is rarely part of its name."""
    listed = {(s0, e) for s0, e, is_listed in found if is_listed}
    return {x for x in found if x[2] or not any(e == x[1] and s0 > x[0] for s0, e in listed)}


def _reported_scope(sentence: str, level: str, g: Glossary) -> str | None:
    """The place that speaks in an earlier clause of ``sentence``: the nearest place, or place's
    body, that reports (a reporting word after it in its clause: 西安禁毒委通报，…) or opens its
    clause, after time words only (近年来西安加快消防站建设，…: the sentence's topic), at ``level``
    (a listed place whose key ends in another level, 陕西省 for 全市, is not it; "*": any)."""
    sc = g.scopes
    clauses = [c for c in re.split(r"[，,：:、]", sentence) if c]
    for clause in reversed(clauses):
        every = _listed_ends(set(_zh_names(clause, sc, _zh_starts(clause, sc), g)))
        found = sorted((x for x in every if not any(y[0] <= x[0] and x[1] <= y[1] and y[:2] != x[:2]
                                                    for y in every)), key=lambda x: (-x[1], x[0]))
        for start, end, _ in found:
            if not sc.reporting.search(clause, end) and not sc.times.fullmatch(clause[:start]) \
                    or clause.startswith(sc.venues, end):
                continue
            raw = _zh_place_of(clause[start:end], g)
            if not _is_zh_place(raw, g):
                if level == "*":                   # 华为公司表示，已有员工…: the company's
                    return _scope_name(raw, g)
                # 杭州市文旅局介绍，全市…: the place the body's name opens with
                inner = max((e for s0, e, _ in every if s0 == start and e < end
                             and _is_zh_place(_zh_place_of(clause[s0:e], g), g)), default=None)
                if inner is None:
                    continue                       # 华为公司通报，全市…: a company has no 全市
                raw = _zh_place_of(clause[start:inner], g)
            name = _scope_name(raw, g)
            if not name:
                return None
            key = (g.places or {}).get(raw, raw)
            lv = next((s for s in sc.place_suffixes if key.endswith(s)), None)
            if level != "*" and lv is not None and not lv.endswith(level):
                return None
            return name
    return None


_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z.&'’-]*|[0-9][0-9,.]*|[^\sA-Za-z0-9]")
_EN_JOIN = frozenset({"of", "for", "on", "the"})
_EN_LIST = frozenset({",", "and", "or", "&", "with"})


def _en_scope(region: str, g: Glossary) -> tuple[str | None, bool, str | None]:
    """The scope in the English sentence ``region`` before a figure: the nearest name (or
    organisation with a modifier) that is the figure's place, owner or the subject of its verb;
    whether a name decided it (a home or relative one decides there is none); and the listed
    place whose body reports ("The Yunnan public security department said …": 云南省)."""
    sc, places = g.scopes, g.places or {}
    toks = [(m.group(), m.start()) for m in _EN_TOKEN.finditer(region)]
    words = [t for t, _ in toks]
    lower = [w.lower().rstrip("'’") for w in words]

    def cap(i: int) -> bool:
        w = words[i]
        if not w[:1].isupper():
            return False
        base = lower[i][:-2] if lower[i].endswith(("'s", "’s")) else lower[i]
        if i == 0 or words[i - 1] in ".:\"“":
            from checker.extract.subject_phrase import is_plural

            if base in sc.en_not or (is_plural(base) and base not in (g.places or {})):
                return False
        return base not in ("i",)

    candidates = []           # (first, last) token indexes, relative?
    i = 0
    while i < len(words):
        if cap(i):
            j = i
            while j + 1 < len(words) and not lower[j].endswith("'s"):
                if cap(j + 1) or (j + 1 < len(words) and words[j + 1][:1].isupper()):
                    j += 1
                elif lower[j + 1] in _EN_JOIN and j + 2 < len(words) and words[j + 2][:1].isupper():
                    j += 2
                else:
                    break
            for level in sorted(sc.en_levels or {}, key=len, reverse=True):   # "Dalian city"
                n = len(level.split())
                if " ".join(lower[j + 1:j + 1 + n]) == level and not lower[j].endswith("'s"):
                    j += n
                    break
            if _plain(" ".join(words[i:j + 1])) in places and not lower[j].endswith("'s"):
                for body in sc.en_bodies:          # "the Ruili port", "Yunnan police"
                    n = len(body.split())
                    if " ".join(lower[j + 1:j + 1 + n]) == body:
                        j += n
                        break
            candidates.append((i, j, False))
            i = j + 1
            continue
        if lower[i] in sc.en_heads or (lower[i].endswith("'s") and lower[i][:-2] in sc.en_heads):
            k = i
            while k - 1 >= 0 and re.fullmatch(r"[a-z][a-z-]*", words[k - 1]) \
                    and lower[k - 1] not in sc.en_relative and lower[k - 1] not in _en_stops() \
                    and i - k < 3:
                k -= 1
            m = k
            while m - 1 >= 0 and k - m < 3 and cap(m - 1) and lower[m - 1] not in sc.en_relative:
                m -= 1                             # "the Dalian public security bureau"
            relative = m == i
            candidates.append((m, i, relative))
        i += 1
    named = [(f, l) for f, l, r in candidates if not r]
    reporter = None
    from checker.extract.subject_phrase import singular

    for first, last, relative in sorted(candidates, key=lambda c: -c[1]):
        nxt = last + 1
        if lower[first] in sc.en_events or (nxt < len(words) and singular(lower[nxt]) in sc.en_events):
            continue                               # "Operation Border Peace", "UN operations"
        if first >= 2 and lower[first - 1] in ("in", "at", "by") and lower[first - 2] in sc.en_venues:
            continue                               # "the course held in Kunming": where, not whose
        if not relative and any((f == last + 2 and lower[last + 1] in _EN_LIST) or
                                (l == first - 2 and lower[first - 1] in _EN_LIST) for f, l in named):
            continue                               # "China, Laos, Myanmar and Thailand": a list
        # an owner owns the figure that follows it at once: "Huawei's 200,000 employees"
        owner = (lower[last].endswith("'s") and nxt == len(words)) or (
            nxt == len(words) - 1 and words[nxt] in ("'s", "’s"))
        place = first > 0 and lower[first - 1] in sc.en_places
        verb = False
        k = nxt
        while k < len(words) and lower[k] in ("now", "currently", "also", "already", "still", "alone",
                                               "together", "jointly", "only", "reportedly", "today"):
            k += 1
        possessive = lower[last].endswith("'s") or (nxt < len(words) and words[nxt] in ("'s", "’s"))
        if k < len(words) and not possessive and lower[k] in sc.en_reporting and reporter is None \
                and not relative:
            name = _scope_name(re.sub(r"['’]s$", "", " ".join(words[first:last + 1])), g)
            reporter = name if name in places.values() else None
        if k < len(words) and not possessive:
            v = lower[k]
            verb = v not in sc.en_reporting and (
                v in ("has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "'s")
                or (len(v) > 3 and (v.endswith("ed") or (v.endswith("s") and not v.endswith("ss")))
                    and v not in sc.en_not and singular(v) not in g.concepts
                    and singular(v) not in g.generic))     # "American countries": a noun
        if not (owner or place or verb):
            continue
        if relative:
            return None, True, reporter
        name = " ".join(w for w in words[first:last + 1])
        name = re.sub(r"['’]s$", "", name)
        return _scope_name(name, g), True, reporter
    return None, False, reporter


_EN_AFTER = re.compile(r"\s*(?:[A-Za-z][a-z'’-]*\s+){0,8}?(?:in|across|throughout|within)\s+(?:the\s+)?"
                       r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")


def _en_place_after(after: str, g: Glossary) -> str | None:
    """A listed place the figure's own phrase puts it in: "36 police stations across Quanzhou"."""
    m = _EN_AFTER.match(after)
    if not m or set(after[:m.start(1)].lower().split()) & g.scopes.en_venues:
        return None                                # "… opened in Suzhou": a venue
    name = _scope_name(m.group(1), g)
    return name if name in (g.places or {}).values() else None


def _en_stops() -> frozenset[str]:
    from checker.extract.subject_phrase import stop_words

    return stop_words()


_ZH_SENTENCE_ENDS = "。；;！？!?\n"
_EN_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def _placed(text: str, c) -> bool:
    """Whether the claim's offsets cut its own text out of ``text``."""
    return 0 <= c.start < c.end <= len(text) and text[c.start:c.end] == c.text


def _sentence_before(text: str, c, width: int) -> str:
    """What the claim's sentence says before it, ``width`` characters at most."""
    left = text[max(0, c.start - width):c.start]
    if c.lang == "zh":
        return left[max((left.rfind(p) for p in _ZH_SENTENCE_ENDS), default=-1) + 1:]
    return left[max((m.end() for m in _EN_SENTENCE_END.finditer(left)), default=0):]


def _sentence_after(text: str, c, width: int) -> str:
    """What the claim's (English) sentence says after it, ``width`` characters at most."""
    return re.split(r"[.!?;](?=\s|$)|\n", text[c.end:c.end + width], maxsplit=1)[0]


# where figures are sent: 向南苏丹派出, 赴马里 (rules/glossary.yaml, destinations), "sent … to South
# Sudan" (a listed place only)
_EN_SENT = re.compile(r"\b(?:sent|send|sends|deployed|deploy|deploys|dispatched|posted|contributed)\b", re.I)
_EN_DESTINATION = re.compile(r"\bto\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _alternatives(spec, key: str, where: str) -> str:
    if not isinstance(spec, dict) or key not in spec:
        raise UserError(f"rules/glossary.yaml: {where} needs the key {key}.")
    found = _words(spec[key], f"{where}.{key}")
    if not found:
        raise UserError(f"rules/glossary.yaml: {where}.{key} must list at least one word.")
    return alternation(found)


@lru_cache(maxsize=1)
def _zh_cues() -> tuple[re.Pattern, re.Pattern]:
    """rules/glossary.yaml, destinations.zh and operations.zh, compiled once: where figures are
    sent (向南苏丹派出, 赴马里执行; a listed place only) and the named operation a figure counts in
    (“清源”专项行动). Each pattern is bounded (a name of 2 to 8, or 1 to 10, characters)."""
    data = load_yaml("glossary.yaml") or {}
    dest = (data.get("destinations") or {}).get("zh")
    ops = (data.get("operations") or {}).get("zh")
    to, adverbs, verbs = (_alternatives(dest, k, "destinations.zh") for k in ("to", "adverbs", "verbs"))
    kinds, names = (_alternatives(ops, k, "operations.zh") for k in ("kinds", "names"))
    destination = re.compile(rf"(?:{to})([\u4e00-\u9fff]{{2,8}}?)(?:{adverbs})*(?:{verbs})")
    operation = re.compile(rf"[“\"「]([^”\"」“「，。；]{{1,10}})[”\"」](?:{kinds})?(?:{names})")
    return destination, operation


def destination_of(text: str, c) -> str | None:
    """The listed place a figure of people is sent to, in its sentence (中国已向南苏丹累计派出维和
    警察300名, "China has sent 300 police officers to South Sudan"): their series is that place's."""
    places = glossary().places or {}
    if not _placed(text, c):
        return None
    if c.lang == "zh":
        from checker.text.normalize import to_simplified

        left = to_simplified(_sentence_before(text, c, 60))
        found = [places.get(m.group(1)) for m in _zh_cues()[0].finditer(left)]
        return next((f for f in reversed(found) if f), None)
    if not _EN_SENT.search(_sentence_before(text, c, 160)):
        return None
    for m in _EN_DESTINATION.finditer(_sentence_after(text, c, 120)):
        name = m.group(1).lower()
        for k in range(len(name.split()), 0, -1):          # "South Sudan Mission" → south sudan
            head = " ".join(name.split()[:k])
            if head in places:
                return places[head]
    return None


def _posted_off(subject: str | None) -> str | None:
    """赴马里维和警察, 驻塞浦路斯维和警察: the place says where they serve (destination_of, scope_of),
    the subject is who they are."""
    i = next((k for k, ch in enumerate((subject or "")[:4]) if ch in "赴驻"), -1)
    if i < 0:
        return subject
    places = glossary().places or {}
    for k in range(min(len(subject) - i - 2, 10), 1, -1):
        if subject[i + 1:i + 1 + k] in places:
            return subject[:i] + subject[i + 1 + k:]
    return subject


def scope_of(text: str, c) -> str | None:
    """The scope (place or organisation) the clause of a claim names before its subject, in the
    key's spelling, or None (rules/glossary.yaml, scopes)."""
    g = glossary()
    if g.scopes is None or not _placed(text, c):
        return None
    from checker.text.normalize import normalize

    if c.lang == "zh":
        left = text[max(0, c.start - 80):c.start]
        cut = max((left.rfind(p) for p in "，,。；;！？!?\n：:"), default=-1)
        region = _PINYIN.sub("", normalize(left[cut + 1:]).text)
        region = re.sub(r"[ \t\u3000]+", "", region)
        after = normalize(text[c.start:c.start + 4]).text
        subject = c.subject or ""
        k = region.rfind(subject) if subject else -1
        if k >= 0 and subject:
            after, region = region[k:], region[:k]
        scope, level = _zh_scope(region, after, g)
        if scope is None and level and not _names_home(c.subject or "", g):                # 西安禁毒委通报，全市…: the reporter's place
            back = left[:cut + 1] if cut >= 0 else ""
            stop = max((back.rfind(p) for p in _ZH_SENTENCE_ENDS), default=-1)
            sentence = _PINYIN.sub("", normalize(back[stop + 1:]).text)
            return _reported_scope(re.sub(r"[ \t\u3000]+", "", sentence), level, g)
        return scope
    scope, decided, reporter = _en_scope(_sentence_before(text, c, 240).strip(), g)
    if decided:
        return scope
    return _en_place_after(_sentence_after(text, c, 160), g) or (None if _names_home(c.subject or "", g) else reporter)


# a named operation before the figure in its sentence: “清源”专项行动 (rules/glossary.yaml,
# operations), Operation Clear Source
_EN_OPERATION = re.compile(r"\bOperation\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,3})")


def operation_of(text: str, c) -> str | None:
    """The named operation whose figure a claim gives (“铁拳”行动累计抓获…, Operation Iron Fist has
    so far led to …): two operations' running totals are two series. Its name as written: a
    Chinese and an English name meet through an aligned claim, which takes its partner's key."""
    if not _placed(text, c):
        return None
    sentence = _sentence_before(text, c, 120)
    if c.lang == "zh":
        from checker.text.normalize import to_simplified

        found = list(_zh_cues()[1].finditer(to_simplified(sentence)))
        return f"“{found[-1].group(1)}”行动" if found else None
    found = list(_EN_OPERATION.finditer(sentence))
    return f"operation {found[-1].group(1).lower()}" if found else None


def context(text: str, start: int, end: int) -> str:
    """The clause around a claim (to compare claims of generic subjects): up to the nearest
    clause punctuation on each side, 60 characters at most each way."""
    lo = max(0, start - 60)
    hi = min(len(text), end + 60)
    left = text[lo:start]
    right = text[end:hi]
    cut = max((left.rfind(p) for p in "，,。；;！？!?\n"), default=-1)
    left = left[cut + 1:] if cut >= 0 else left
    stop = [i for i in (right.find(p) for p in "，,。；;！？!?\n") if i >= 0]
    right = right[: min(stop)] if stop else right
    return (left + " " + right).strip()


@lru_cache(maxsize=1 << 14)        # (an archive clause is compared with every draft clause of its key)
def _grams(text: str) -> frozenset[str]:
    grams = set()
    for run in _BIGRAM_TEXT.findall(text):
        if _IS_HAN.match(run):
            grams.update(run[i:i + 2] for i in range(len(run) - 1))
        elif len(run) > 2:
            from checker.extract.subject_phrase import singular

            grams.add(singular(run))
    return frozenset(grams)


def similarity(a: str, b: str) -> float:
    """The Dice coefficient of two clauses' character bigrams (Chinese) and words (English)."""
    x, y = _grams(a), _grams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


class _Asked(dict):
    """A learnt dictionary that knows no pair and notes every English subject it is asked for:
    the subjects whose learnt pair, when the ledger learns one, may change a claim's key. (A key
    stops asking at its first learnt subject, so the subjects asked of an empty dictionary are
    all that any dictionary is asked.)"""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def __contains__(self, term) -> bool:
        self.asked.add(term)
        return False

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class KeyInputs:
    """What a claim's key is made of, all read from its document alone: the subject (its
    aligned Chinese partner's for an English claim), the scope and operation its clause names,
    the English subjects a learnt dictionary is asked for (``terms``), and, when the key is
    generic, the clause. The key itself is ``compose_key(inputs, learnt)``: the ledger stores
    the inputs, so it can file a claim again when it learns a pair, whatever the order in which
    documents were indexed."""
    subject: str | None
    scope: str | None
    operation: str | None
    terms: tuple[str, ...]
    context: str | None


def compose_key(inputs: KeyInputs, learnt: dict[str, str] | None) -> str | None:
    """The subject key of a claim, given its inputs and a learnt dictionary."""
    return _compose(inputs.subject, inputs.scope, inputs.operation, learnt)


def _compose(subject: str | None, scope: str | None, operation: str | None,
             learnt: dict[str, str] | None) -> str | None:
    key = subject_key(subject, learnt, scope=scope) if subject else None
    # the operation is the series, whatever place reports it
    return f"{operation}{SCOPE_SEPARATOR}{base_key(key)}" if operation and key is not None else key


def file_key_inputs(texts: dict[str, str], claims, pairs) -> dict[int, KeyInputs]:
    """For each claim (by id), what its key is made of (KeyInputs); ``texts`` are the files'
    texts by path. An English claim aligned with an agreeing Chinese one takes its partner's
    subject, scope and clause: they state one fact, and the partner's scope (the place or
    organisation its clause names) is part of that key."""
    partner = {id(en): zh for zh, en in pairs}
    out: dict[int, KeyInputs] = {}
    none = KeyInputs(None, None, None, (), None)

    def inputs(x, text: str) -> tuple[KeyInputs, str | None]:
        if not x.subject:                                   # no subject: no scope to look for
            return none, None
        scope = scope_of(text, x) or (destination_of(text, x) if x.kind in ("count", "number") else None)
        subject = _posted_off(x.subject)
        asked = _Asked()
        key = subject_key(subject, asked, scope=scope)
        # (whether there is a key does not depend on a dictionary: a learnt pair replaces one)
        operation = (operation_of(text, x) or None) if key is not None else None
        return KeyInputs(subject, scope, operation, tuple(sorted(asked.asked)), None), \
            _compose(subject, scope, operation, None)

    for c in claims:
        source = partner.get(id(c), c)
        text = texts.get(source.path or "", "")
        found, key = inputs(source, text)
        if key is None and source is not c:
            source, text = c, texts.get(c.path or "", "")
            found, key = inputs(c, text)
        # a learnt pair's key is never generic (keys.learnable), so a key that may be generic
        # under some dictionary is generic without one: its clause is kept then
        if key is not None and is_generic(key):
            found = KeyInputs(found.subject, found.scope, found.operation, found.terms, clause(text, source))
        out[id(c)] = found
    return out


def file_keys(texts: dict[str, str], claims, pairs, learnt: dict[str, str] | None = None
              ) -> dict[int, tuple[str | None, str | None]]:
    """For each claim (by id): its subject key under the ``learnt`` dictionary, and for a
    generic key the clause it stands in (simplified, to compare with other clauses); see
    file_key_inputs."""
    out: dict[int, tuple[str | None, str | None]] = {}
    for i, found in file_key_inputs(texts, claims, pairs).items():
        key = compose_key(found, learnt)
        out[i] = key, (found.context if key is not None and is_generic(key) else None)
    return out


def clause(text: str, c) -> str | None:
    """The simplified clause of a claim whose offsets are in ``text`` (None when they are not)."""
    if not _placed(text, c):
        return None
    from checker.text.normalize import normalize

    return _PINYIN.sub("", normalize(context(text, c.start, c.end)).text)
