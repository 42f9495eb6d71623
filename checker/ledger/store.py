"""The ledger: an SQLite archive of every indexed document's claims.

One file, in WAL mode, written one transaction per document (``BEGIN IMMEDIATE``), so that

* two processes indexing at once wait for each other (busy timeout) rather than fail;
* a process killed mid-way loses only the document it was writing: every committed document
  keeps all its claims and the file is never corrupt (SQLite's WAL guarantees, with
  ``synchronous=NORMAL``: a power loss may lose the last commits, never consistency);
* re-indexing an unchanged text (same SHA-256 for the same path) is skipped, and a changed one
  replaces that path's claims.

Numbers are stored as REAL (NULL for open ends such as "more than 2,600"); dates as ISO days.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from checker.errors import UserError
from checker.model import Claim, DateValue, Interval

SCHEMA_VERSION = 1
APPLICATION_ID = 0x434C4D4C          # "CLML": marks the file as a claimcheck ledger
BUSY_TIMEOUT_MS = 60_000

_SCHEMA = """
CREATE TABLE documents (
    id         INTEGER PRIMARY KEY,
    path       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    as_of      TEXT,
    indexed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_path ON documents(path);
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    subject     TEXT,
    unit        TEXT,
    qualifier   TEXT,
    nominal     REAL,
    low         REAL,
    high        REAL,
    start_day   TEXT,
    end_day     TEXT,
    as_of       TEXT,
    line        INTEGER NOT NULL,
    "column"    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    flags       TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_subject_as_of ON claims(subject, as_of);
"""

_CLAIM_COLUMNS = ("lang", "kind", "text", "subject", "unit", "qualifier", "nominal", "low", "high",
                  "start_day", "end_day", "as_of", "line", "column", "start", "end", "flags")
_INSERT_CLAIM = (
    "INSERT INTO claims (document_id, " + ", ".join(f'"{c}"' for c in _CLAIM_COLUMNS) + ") VALUES ("
    + ", ".join("?" * (len(_CLAIM_COLUMNS) + 1)) + ")")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _real(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def _claim_row(document_id: int, c: Claim) -> tuple:
    nominal = low = high = start_day = end_day = None
    if isinstance(c.value, Interval):
        nominal, low, high = _real(c.value.nominal), _real(c.value.low), _real(c.value.high)
    elif isinstance(c.value, DateValue):
        start_day, end_day = c.value.start, c.value.end
    return (document_id, c.lang, c.kind, c.text, c.subject, c.unit, c.qualifier, nominal, low,
            high, start_day, end_day, c.as_of, c.line, c.column, c.start, c.end,
            json.dumps(list(c.flags), ensure_ascii=False))


def _document_as_of(claims: Sequence[Claim]) -> str | None:
    """The document's date: the as-of date its claims carry most often (first seen on ties)."""
    counts: dict[str, int] = {}
    for c in claims:
        if c.as_of:
            counts[c.as_of] = counts.get(c.as_of, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


class Ledger:
    """An SQLite ledger of claims. Use as a context manager: ``with Ledger(path) as ledger: ...``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise UserError(f"{self.path}: is a directory, not a ledger file")
        try:
            self._db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000,
                                       isolation_level=None)
        except sqlite3.Error as e:
            raise UserError(f"{self.path}: cannot open the ledger: {e}") from None
        try:
            self._open()
        except sqlite3.DatabaseError as e:
            self._db.close()
            raise UserError(f"{self.path}: not a claimcheck ledger ({e})") from None
        except UserError:
            self._db.close()
            raise

    # -- opening -------------------------------------------------------------------------------

    def _open(self) -> None:
        db = self._db
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._check_identity()               # before any write: never touch a foreign file
        self._retry_busy(lambda: db.execute("PRAGMA journal_mode = WAL").fetchone())
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if db.execute("PRAGMA user_version").fetchone()[0] == 0:
            db.execute("BEGIN IMMEDIATE")
            try:
                if not self._check_identity():       # re-read under the write lock
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _check_identity(self) -> bool:
        """True when the file is a ledger of this version; False when empty; UserError otherwise."""
        # one statement, so one snapshot: read apart, another process creating the ledger could
        # commit between the reads (version 0, then tables) and make it look foreign
        version, app, tables = self._db.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), "
            "(SELECT application_id FROM pragma_application_id), "
            "(SELECT count(*) FROM sqlite_master)").fetchone()
        if version == 0 and app == 0:
            if tables:
                raise UserError(f"{self.path}: not a claimcheck ledger (an SQLite database "
                                "holding other tables)")
            return False
        if app != APPLICATION_ID:
            raise UserError(f"{self.path}: not a claimcheck ledger (SQLite application id {app})")
        if version > SCHEMA_VERSION:
            raise UserError(f"{self.path}: ledger schema version {version} is newer than this "
                            f"claimcheck understands ({SCHEMA_VERSION}); upgrade claimcheck")
        if version != SCHEMA_VERSION:
            raise UserError(f"{self.path}: unknown ledger schema version {version}")
        return True

    @staticmethod
    def _retry_busy(fn):
        """Switching to WAL may report 'locked' without waiting on the busy handler: retry."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    # -- context manager -----------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def index_document(self, path: str, text: str, claims: Sequence[Claim], *,
                       as_of: str | None = None) -> str:
        """Store one document's claims in one transaction: "added", "replaced" or "unchanged".

        ``as_of`` is the document's date; by default the as-of date most of its claims carry.
        """
        path = str(path)
        digest = text_sha256(text)
        doc_as_of = as_of if as_of is not None else _document_as_of(claims)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT id, sha256 FROM documents WHERE path = ?", (path,)).fetchone()
            if row is not None and row["sha256"] == digest:
                db.execute("ROLLBACK")
                return "unchanged"
            if row is None:
                doc_id = db.execute(
                    "INSERT INTO documents (path, sha256, as_of, indexed_at) VALUES (?, ?, ?, ?)",
                    (path, digest, doc_as_of, now)).lastrowid
                outcome = "added"
            else:
                doc_id = row["id"]
                db.execute("DELETE FROM claims WHERE document_id = ?", (doc_id,))
                db.execute("UPDATE documents SET sha256 = ?, as_of = ?, indexed_at = ? WHERE id = ?",
                           (digest, doc_as_of, now, doc_id))
                outcome = "replaced"
            db.executemany(_INSERT_CLAIM, (_claim_row(doc_id, c) for c in claims))
            db.execute("COMMIT")
            return outcome
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    # -- reading -------------------------------------------------------------------------------

    def claims_for(self, subject: str | None = None) -> list[dict]:
        """Claims (all, or one subject's) with their document's path, by as_of, path, line."""
        cols = ", ".join(f'c."{c}"' for c in _CLAIM_COLUMNS)
        sql = (f"SELECT d.path AS path, d.as_of AS document_as_of, {cols} "
               "FROM claims c JOIN documents d ON d.id = c.document_id")
        args: tuple = ()
        if subject is not None:
            sql += " WHERE c.subject = ?"
            args = (subject,)
        sql += ' ORDER BY c.as_of IS NULL, c.as_of, d.path, c.line, c."column", c.id'
        out = []
        for row in self._db.execute(sql, args):
            d = dict(row)
            d["flags"] = json.loads(d["flags"])
            out.append(d)
        return out

    def documents(self) -> list[dict]:
        rows = self._db.execute(
            "SELECT d.id, d.path, d.sha256, d.as_of, d.indexed_at, "
            "(SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims "
            "FROM documents d ORDER BY d.path")
        return [dict(r) for r in rows]

    def stats(self) -> dict:
        documents = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims = self._db.execute("SELECT count(*) FROM claims").fetchone()[0]
        return {"documents": documents, "claims": claims}

    def check_integrity(self) -> bool:
        """SQLite's integrity check passes and every claim belongs to an existing document."""
        result = [r[0] for r in self._db.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            return False
        orphans = self._db.execute(
            "SELECT count(*) FROM claims c LEFT JOIN documents d ON d.id = c.document_id "
            "WHERE d.id IS NULL").fetchone()[0]
        return orphans == 0
