"""The archive of published claims (issue 6): an SQLite ledger."""

from checker.ledger.store import Ledger

__all__ = ["Ledger"]
