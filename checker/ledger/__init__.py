"""The archive of published claims (issue 6): an SQLite ledger, and subjects across languages."""

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from checker.ledger.store import Ledger
from checker.model import Claim

__all__ = ["Ledger", "bilingual_pairs", "index_result", "shared_flags"]


def bilingual_pairs(pairs: Iterable[tuple[Claim, Claim]]) -> list[tuple[Claim, Claim]]:
    """Aligned agreeing claims as (Chinese, English), whichever side each came from."""
    out = []
    for a, b in pairs:
        if a.lang == "zh" and b.lang == "en":
            out.append((a, b))
        elif a.lang == "en" and b.lang == "zh":
            out.append((b, a))
    return out


def shared_flags(claims, pairs: Iterable[tuple[Claim, Claim]]) -> list[Claim]:
    """The claims, where one of an aligned pair is said to be a running total (or else a current
    stock), both marked so: they state one fact, and only one language may carry the cue (已
    here, "since 2000" there; 目前 here, "currently" there). A running total is not current."""
    from dataclasses import replace

    kind: dict[int, str] = {}
    for a, b in pairs:
        flags = set(a.flags) | set(b.flags)
        shared = "cumulative" if "cumulative" in flags else "current" if "current" in flags else None
        if shared:
            kind[id(a)] = kind[id(b)] = shared if kind.get(id(a)) != "cumulative" else "cumulative"

    def marked(c: Claim) -> Claim:
        k = kind.get(id(c))
        if k is None or k in c.flags:
            return c
        return replace(c, flags=tuple(f for f in c.flags if f != "current") + (k,))
    return [marked(c) for c in claims]


@lru_cache(maxsize=None)
def recipe(as_of: str | None = None) -> str:
    """How claims are read: this claimcheck, the contents of rules/, and the --date given. A
    document read another way is indexed again."""
    from checker import __version__
    from checker.vocab import rules_dir

    digest = hashlib.sha256()
    for f in sorted(rules_dir().rglob("*.yaml")):
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return f"{__version__};{digest.hexdigest()[:16]};{as_of or ''}"


def index_result(ledger: Ledger, result, as_of: str | None = None) -> list[str]:
    """Index the files of one checked bitext (an engine CheckResult, checked with the --date
    ``as_of``): each file's claims, with the aligned agreeing pairs whose English claim is in
    it. Returns each file's outcome."""
    pairs = bilingual_pairs(result.agreeing)
    texts = {path: text for path, text, _ in result.files}
    out = []
    for path, text, claims in result.files:
        mine = {id(c) for c in claims}
        flagged = shared_flags(claims, pairs)
        renamed = {id(c): f for c, f in zip(claims, flagged)}
        mine_pairs = [(renamed.get(id(zh), zh), renamed[id(en)]) for zh, en in pairs if id(en) in mine]
        out.append(ledger.index_document(path, text, flagged, texts=texts, pairs=mine_pairs,
                                         recipe=recipe(as_of)))
    return out
