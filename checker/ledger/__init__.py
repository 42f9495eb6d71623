"""The archive of published claims (issue 6): a ledger (an SQLite file, or a PostgreSQL database),
and subjects across languages."""

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from checker.ledger.store import Document, Ledger
from checker.model import Claim

__all__ = ["Document", "Ledger", "bilingual_pairs", "documents_of", "file_results", "index_result", "key_inputs_of",
           "shared_flags"]


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


def documents_of(result, as_of: str | None = None, made_of: dict | None = None) -> list[Document]:
    """The files of one checked bitext (an engine CheckResult, checked with the --date ``as_of``)
    as the ledger files them: each file's claims, with the aligned agreeing pairs whose English
    claim is in it; ``made_of``: what their keys are made of, by path (key_inputs_of), when a
    worker has read it already."""
    pairs = bilingual_pairs(result.agreeing)
    texts = {path: text for path, text, _ in result.files}
    out = []
    for path, text, claims in result.files:
        mine = {id(c) for c in claims}
        flagged = shared_flags(claims, pairs)
        renamed = {id(c): f for c, f in zip(claims, flagged)}
        mine_pairs = [(renamed.get(id(zh), zh), renamed[id(en)]) for zh, en in pairs if id(en) in mine]
        out.append(Document(path, text, flagged, pairs=mine_pairs, texts=texts, recipe=recipe(as_of),
                            key_inputs=(made_of or {}).get(path)))
    return out


def key_inputs_of(result, as_of: str | None = None) -> dict[str, tuple]:
    """What the keys of each file's claims are made of (KeyInputs, in the order of the file's
    claims), by path. It is read from each document alone, so a worker reads it beside the check,
    and the one writer of a ledger, which every worker's documents wait for, does not."""
    return {d.path: tuple(Ledger.key_inputs(d)[id(c)] for c in d.claims) for d in documents_of(result, as_of)}


def file_results(ledger: Ledger, batch) -> list[str]:
    """File a batch of checked bitexts ((CheckResult, as_of, what its keys are made of or None)
    each) in one transaction, as the one writer of ``index`` does: each file's outcome ("added",
    "replaced", "unchanged"). Filing a batch again (a retried task) changes nothing."""
    return ledger.index_documents([d for result, as_of, made_of in batch for d in documents_of(result, as_of, made_of)])


def index_result(ledger: Ledger, result, as_of: str | None = None) -> list[str]:
    """Index the files of one checked bitext, each in its own transaction. Returns each file's
    outcome."""
    return [ledger.index_documents([d])[0] for d in documents_of(result, as_of)]


