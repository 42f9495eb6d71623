"""The archive of published claims (issue 6): an SQLite ledger, and subjects across languages."""

from collections.abc import Iterable

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
    """The claims, where one of an aligned pair is said to be a running total, both marked so:
    they state one fact, and only one language may carry the cue (已 here, "since 2000" there)."""
    from dataclasses import replace

    running = set()
    for a, b in pairs:
        if "cumulative" in a.flags or "cumulative" in b.flags:
            running.update((id(a), id(b)))
    return [replace(c, flags=c.flags + ("cumulative",)) if id(c) in running and "cumulative" not in c.flags
            else c for c in claims]


def index_result(ledger: Ledger, result) -> list[str]:
    """Index the files of one checked bitext (an engine CheckResult): each file's claims, with the
    aligned agreeing pairs whose English claim is in it. Returns each file's outcome."""
    pairs = bilingual_pairs(result.agreeing)
    texts = {path: text for path, text, _ in result.files}
    out = []
    for path, text, claims in result.files:
        mine = {id(c) for c in claims}
        flagged = shared_flags(claims, pairs)
        renamed = {id(c): f for c, f in zip(claims, flagged)}
        mine_pairs = [(renamed.get(id(zh), zh), renamed[id(en)]) for zh, en in pairs if id(en) in mine]
        out.append(ledger.index_document(path, text, flagged, texts=texts, pairs=mine_pairs))
    return out
