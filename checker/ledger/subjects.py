"""Subject keys: when two claims, in either language and any phrasing, count the same thing.

The steps are data (rules/glossary.yaml, whose header is the documentation): home modifiers off
the front, generic tails off the end, synonyms to one concept, and for English subjects without
a concept the Chinese subject they were most often aligned with (learnt pairs). Nothing else
groups two subjects: a near-duplicate is grouped because a listed step says so, never because
two strings happen to look alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from checker.errors import UserError
from checker.scripts import HAN
from checker.vocab import load_yaml

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
    return Glossary(home, tails, concepts, frozenset(generic), float(similarity))


def _normal(subject: str, lang: str) -> str:
    if lang == "zh":
        from checker.text.normalize import to_simplified

        return to_simplified(subject.strip())
    from checker.extract.subjects import singular

    return " ".join(singular(w) for w in _WORD.findall(subject.lower().replace("’", "'")))


def _strip(subject: str, lang: str, g: Glossary) -> str:
    sep = "" if lang == "zh" else " "
    changed = True
    while changed:
        changed = False
        for h in g.home[lang]:
            if subject.startswith(h + sep) and len(subject) > len(h + sep):
                subject, changed = subject[len(h + sep):], True
                break
    for t in g.tails[lang]:
        if subject.endswith(sep + t) and len(subject) - len(sep + t) >= (2 if lang == "zh" else 1):
            subject = subject[: -len(sep + t)]
            break
    return subject


def language(subject: str) -> str:
    return "zh" if _IS_HAN.search(subject) else "en"


def subject_key(subject: str | None, learnt: dict[str, str] | None = None) -> str | None:
    """The key under which the ledger files a subject (see the module and glossary docs)."""
    if not subject:
        return None
    g = glossary()
    lang = language(subject)
    norm = _strip(_normal(subject, lang), lang, g)
    if not norm:
        return None
    if norm in g.concepts:
        return g.concepts[norm]
    if lang == "en" and learnt and norm in learnt:
        return learnt[norm]
    return norm


def learnable(en_subject: str | None, zh_subject: str | None) -> tuple[str, str] | None:
    """The (English, Chinese key) pair an aligned, agreeing pair of claims teaches, if any: only
    English subjects that the glossary does not already place, and only Chinese subjects."""
    if not en_subject or not zh_subject or language(en_subject) != "en" or language(zh_subject) != "zh":
        return None
    g = glossary()
    en = _strip(_normal(en_subject, "en"), "en", g)
    zh = subject_key(zh_subject)
    if not en or not zh or en in g.concepts or en in g.generic or zh in g.generic:
        return None
    return en, zh


def best_pairs(rows: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """From (English, Chinese key, documents) counts: each English subject's Chinese key when it
    was seen with it in more documents than with all other keys together (a clear majority)."""
    by_en: dict[str, dict[str, int]] = {}
    for en, zh, n in rows:
        by_en.setdefault(en, {})[zh] = n
    out = {}
    for en, counts in by_en.items():
        zh, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n * 2 > sum(counts.values()):
            out[en] = zh
    return out


def is_generic(key: str | None) -> bool:
    return key is None or key in glossary().generic


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


def _grams(text: str) -> frozenset[str]:
    grams = set()
    for run in _BIGRAM_TEXT.findall(text):
        if _IS_HAN.match(run):
            grams.update(run[i:i + 2] for i in range(len(run) - 1))
        elif len(run) > 2:
            from checker.extract.subjects import singular

            grams.add(singular(run))
    return frozenset(grams)


def similarity(a: str, b: str) -> float:
    """The Dice coefficient of two clauses' character bigrams (Chinese) and words (English)."""
    x, y = _grams(a), _grams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def file_keys(texts: dict[str, str], claims, pairs, learnt: dict[str, str] | None = None
              ) -> dict[int, tuple[str | None, str | None]]:
    """For each claim (by id): its subject key, and for a generic key the clause it stands in
    (simplified, to compare with other clauses); ``texts`` are the files' texts by path. An
    English claim aligned with an agreeing Chinese one takes its partner's key and clause: they
    state one fact."""
    partner = {id(en): zh for zh, en in pairs}
    out: dict[int, tuple[str | None, str | None]] = {}
    for c in claims:
        source = partner.get(id(c), c)
        key = subject_key(source.subject, learnt)
        if key is None and source is not c:
            source, key = c, subject_key(c.subject, learnt)
        generic = key is not None and is_generic(key)
        out[id(c)] = key, (clause(texts.get(source.path or "", ""), source) if generic else None)
    return out


def clause(text: str, c) -> str | None:
    """The simplified clause of a claim whose offsets are in ``text`` (None when they are not)."""
    if not (0 <= c.start < c.end <= len(text)) or text[c.start:c.end] != c.text:
        return None
    from checker.text.normalize import normalize

    return _PINYIN.sub("", normalize(context(text, c.start, c.end)).text)
