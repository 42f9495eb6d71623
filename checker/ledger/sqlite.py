"""What an SQLite ledger does its own way: opening a file (read-only, or as an immutable snapshot),
the schema's types, the write lock (``BEGIN IMMEDIATE``), bulk inserts (executemany), SQLite's
integrity check. The ledger's logic and queries are in checker/ledger/store.py, shared with
PostgreSQL (checker/ledger/postgres.py)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from checker.errors import UserError

BUSY_TIMEOUT_MS = 60_000

# the shared schema's words in SQLite (checker/ledger/store.py, SCHEMA)
TYPES = {"id": "INTEGER PRIMARY KEY", "ref": "INTEGER", "real": "REAL", "text": "TEXT",
         "without_rowid": " WITHOUT ROWID"}
TRIGGERS = """
CREATE TRIGGER subject_pairs_taught AFTER INSERT ON subject_pairs BEGIN
    INSERT INTO subject_dictionary (en, zh, documents) VALUES (NEW.en, NEW.zh, 1)
        ON CONFLICT (en, zh) DO UPDATE SET documents = documents + 1;
END;
CREATE TRIGGER subject_pairs_untaught AFTER DELETE ON subject_pairs BEGIN
    UPDATE subject_dictionary SET documents = documents - 1 WHERE en = OLD.en AND zh = OLD.zh;
    DELETE FROM subject_dictionary WHERE en = OLD.en AND zh = OLD.zh AND documents <= 0;
END;
"""


def _statements(script: str):
    """The statements of ``script`` (a trigger's body holds semicolons of its own)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""


class SQLiteDatabase:
    """One SQLite ledger file, opened for the Ledger (checker/ledger/store.py)."""

    errors = (sqlite3.OperationalError,)

    def __init__(self, path: Path, schema: str, application_id: int, version: int, *,
                 readonly: bool) -> None:
        self.path = self.label = path
        self.readonly = readonly
        self._schema, self._app, self._version = schema, application_id, version
        if path.is_dir():
            raise UserError(f"{path}: is a directory, not a ledger file")
        if readonly and not path.is_file():
            raise UserError(f"{path}: no such ledger. Create one with "
                            f"'claimcheck index PATH --ledger {path}'.")
        if readonly and path.stat().st_size == 0:
            raise UserError(f"{path}: not a claimcheck ledger (an empty file)")
        # documents are known relative to the ledger's folder, so an archive can move with it
        self.home = path.resolve().parent
        # read-only: mode=ro; a WAL ledger in a folder we cannot write (a shared archive) can be
        # read only as immutable, since SQLite cannot create its shared-memory file there
        modes = ("mode=ro", "mode=ro&immutable=1") if readonly else (None,)
        for i, mode in enumerate(modes):
            try:
                target = f"{path.resolve().as_uri()}?{mode}" if mode else str(path)
                self._db = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                           uri=bool(mode))
            except sqlite3.Error as e:
                raise UserError(f"{path}: cannot open the ledger: {e}") from None
            try:
                self._open()
                return
            except sqlite3.DatabaseError as e:
                self._db.close()
                retry = i + 1 < len(modes) and ("readonly" in str(e) or "unable to open" in str(e))
                if not retry:
                    raise UserError(self.describe(e)) from None
            except UserError:
                self._db.close()
                raise

    def _open(self) -> None:
        db = self._db
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        known = self._check_identity()       # before any write: never touch a foreign file
        if self.readonly:
            if not known:
                raise UserError(f"{self.path}: not a claimcheck ledger (an empty SQLite database)")
            return
        self._retry_busy(lambda: db.execute("PRAGMA journal_mode = WAL").fetchone())
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if db.execute("PRAGMA user_version").fetchone()[0] == 0:
            db.execute("BEGIN IMMEDIATE")
            try:
                if not self._check_identity():       # re-read under the write lock
                    for statement in _statements(self._schema):
                        db.execute(statement)
                    db.execute(f"PRAGMA application_id = {self._app}")
                    db.execute(f"PRAGMA user_version = {self._version}")
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
        if app != self._app:
            raise UserError(f"{self.path}: not a claimcheck ledger (SQLite application id {app})")
        return check_version(self.path, version, self._version, "index the archive again into a new ledger file")

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

    def describe(self, e: Exception) -> str:
        message = str(e)
        if "readonly" in message or "read-only" in message:
            return (f"{self.path}: the ledger cannot be written ({message}): check the permissions of the "
                    "file and of its folder (SQLite writes its journal beside it)")
        if "unable to open" in message:
            return f"{self.path}: cannot open the ledger ({message}): check the permissions of the file and its folder"
        return f"{self.path}: not a claimcheck ledger ({message})"

    # -- statements ------------------------------------------------------------------------------

    def execute(self, sql: str, args: Sequence = ()):
        return self._db.execute(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence]):
        return self._db.executemany(sql, rows)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
        """Many rows at once, in the open transaction."""
        names = ", ".join(f'"{c}"' for c in columns)
        self.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)

    def new_claim_ids(self, n: int) -> range:
        """Ids for ``n`` new claims: those SQLite would give them (under the write lock)."""
        top = self._db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
        return range(top + 1, top + 1 + n)

    @staticmethod
    def unindexed(column: str) -> str:
        """The column, written so that SQLite does not read it by its index."""
        return f"+{column}"

    @staticmethod
    def same(column: str) -> str:
        """The column equals the parameter, NULL equalling NULL."""
        return f"{column} IS ?"

    def data_version(self) -> int:
        """Changes when another connection has written the file since."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def integrity_ok(self) -> bool:
        return [r[0] for r in self._db.execute("PRAGMA integrity_check")] == ["ok"]

    # -- transactions ----------------------------------------------------------------------------

    def begin_write(self) -> None:
        """The write lock: one writer at a time, others wait (busy timeout)."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise UserError(self.describe(e)) from None

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        self._db.execute("ROLLBACK")

    @property
    def in_transaction(self) -> bool:
        return self._db.in_transaction

    def close(self) -> None:
        self._db.close()


def check_version(label, version: int, expected: int, advice: str) -> bool:
    """True when ``version`` is the schema this claimcheck writes; UserError otherwise."""
    if version > expected:
        raise UserError(f"{label}: ledger schema version {version} is newer than this "
                        f"claimcheck understands ({expected}); upgrade claimcheck")
    if version != expected:
        raise UserError(f"{label}: the ledger was written by an older claimcheck (schema "
                        f"version {version}, this one writes {expected}); {advice}")
    return True
