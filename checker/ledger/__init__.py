"""The archive of published claims (issue 6): an SQLite ledger, and subjects across languages."""

from collections.abc import Iterable

from checker.ledger.store import Ledger
from checker.model import Claim

__all__ = ["Ledger", "bilingual_pairs", "index_result"]


def bilingual_pairs(pairs: Iterable[tuple[Claim, Claim]]) -> list[tuple[Claim, Claim]]:
    """Aligned agreeing claims as (Chinese, English), whichever side each came from."""
    out = []
    for a, b in pairs:
        if a.lang == "zh" and b.lang == "en":
            out.append((a, b))
        elif a.lang == "en" and b.lang == "zh":
            out.append((b, a))
    return out


def index_result(ledger: Ledger, result) -> list[str]:
    """Index the files of one checked bitext (an engine CheckResult): each file's claims, with the
    aligned agreeing pairs whose English claim is in it. Returns each file's outcome."""
    pairs = bilingual_pairs(result.agreeing)
    texts = {path: text for path, text, _ in result.files}
    out = []
    for path, text, claims in result.files:
        mine = {id(c) for c in claims}
        out.append(ledger.index_document(path, text, claims, texts=texts,
                                         pairs=[p for p in pairs if id(p[1]) in mine]))
    return out
