"""The ledger: an archive of every indexed document's claims, in an SQLite file or a PostgreSQL
database. The logic and every query are here, for both; what each does its own way (connecting,
types, the write lock, bulk writes) is in checker/ledger/sqlite.py and checker/ledger/postgres.py.

An SQLite ledger is one file, in WAL mode; either is written one transaction per batch of
documents (``index_documents``; ``index_document`` is a batch of one), under a write lock
(``BEGIN IMMEDIATE``; ``pg_advisory_xact_lock``), so that

* two processes indexing at once wait for each other (busy timeout) rather than fail;
* a process killed mid-way loses only the batch it was writing: every committed document
  keeps all its claims and the file is never corrupt (SQLite's WAL guarantees, with
  ``synchronous=NORMAL``: a power loss may lose the last commits, never consistency);
* re-indexing an unchanged text (same SHA-256 for the same path, read the same way: same
  claimcheck, same rules/, same --date) is skipped, and a changed one replaces that path's claims.

A document is known by its real path, relative to the ledger's folder when it lies inside it (so
an archive can move with its ledger; for PostgreSQL, the working directory), else absolute; paths
are shown relative to the working directory. Commands that only read (``check --ledger``,
``claims``) open the ledger read-only.

Numbers are stored as doubles (NULL for open ends such as "more than 2,600"); dates as ISO days.
Each claim is filed under its subject key (checker/ledger/keys.py); an English claim aligned
with an agreeing Chinese claim of the same document takes its partner's key and clause, and the
pair is kept (``subject_pairs``) so the ledger learns its own bilingual subject dictionary.
Triggers keep that dictionary counted (``subject_dictionary``: how many documents taught each
pair), so reading it costs the number of distinct pairs, not the size of the archive.

A stored key is always the key under the dictionary the ledger holds now, whatever the order of
indexing: each claim keeps what its key is made of (``key_subject``, ``key_scope``,
``key_operation``, all read from its own document) and the English subjects its key asks the
dictionary for (``claim_terms``); when a document's transaction changes the learnt pair of such
a subject, the claims that asked for it are filed again in that transaction (``_rekey``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from checker.errors import UserError
from checker.ledger.keys import (SCOPE_SEPARATOR, KeyInputs, best_pairs, compose_key, file_key_inputs,
                                 learnable, subject_key)
from checker.model import DATE_KINDS, Claim, DateValue, Interval, new_claim

SCHEMA_VERSION = 4                   # 4: keys filed again as the dictionary changes
APPLICATION_ID = 0x434C4D4C          # "CLML": marks the file as a claimcheck ledger

# one schema for both backends: the slots are each one's words for a type (sqlite.TYPES,
# postgres.TYPES), and its triggers (which PostgreSQL writes as functions)
SCHEMA = """
CREATE TABLE documents (
    id         {id},
    path       {text} NOT NULL,
    sha256     {text} NOT NULL,
    as_of      {text},
    indexed_at {text} NOT NULL,
    recipe     {text} NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX documents_path ON documents(path);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE TABLE claims (
    id          {id},
    document_id {ref} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        {text} NOT NULL,
    kind        {text} NOT NULL,
    text        {text} NOT NULL,
    subject     {text},
    unit        {text},
    qualifier   {text},
    nominal     {real},
    low         {real},
    high        {real},
    start_day   {text},
    end_day     {text},
    as_of       {text},
    line        INTEGER NOT NULL,
    "column"    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    flags       {text} NOT NULL DEFAULT '[]',
    subject_key {text},
    cumulative  INTEGER NOT NULL DEFAULT 0,
    current     INTEGER NOT NULL DEFAULT 0,
    context     {text},
    key_subject {text},
    key_scope   {text},
    key_operation {text}
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_subject ON claims(subject);
CREATE INDEX claims_key_as_of ON claims(subject_key, as_of);
CREATE INDEX claims_cumulative ON claims(subject_key, as_of) WHERE cumulative = 1;
CREATE INDEX claims_running_low ON claims(subject_key, unit, low) WHERE cumulative = 1 OR kind = 'ordinal';
CREATE INDEX claims_running_high ON claims(subject_key, unit, high) WHERE cumulative = 1 OR kind = 'ordinal';
CREATE TABLE claim_terms (
    claim_id    {ref} NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    term        {text} NOT NULL
);
CREATE INDEX claim_terms_term ON claim_terms(term);
CREATE INDEX claim_terms_claim ON claim_terms(claim_id);
CREATE TABLE subject_pairs (
    document_id {ref} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    en          {text} NOT NULL,
    zh          {text} NOT NULL
);
CREATE INDEX subject_pairs_document ON subject_pairs(document_id);
CREATE TABLE subject_dictionary (
    en        {text} NOT NULL,
    zh        {text} NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (en, zh)
){without_rowid};
{triggers}"""


_CLAIM_COLUMNS = ("lang", "kind", "text", "subject", "unit", "qualifier", "nominal", "low", "high",
                  "start_day", "end_day", "as_of", "line", "column", "start", "end", "flags",
                  "subject_key", "cumulative", "current", "context", "key_subject", "key_scope",
                  "key_operation")
def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _real(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def _claim_row(document_id: int, c: Claim, key: str | None, inputs: KeyInputs) -> tuple:
    nominal = low = high = start_day = end_day = None
    if isinstance(c.value, Interval):
        nominal, low, high = _real(c.value.nominal), _real(c.value.low), _real(c.value.high)
    elif isinstance(c.value, DateValue):
        start_day, end_day = c.value.start, c.value.end
    return (document_id, c.lang, c.kind, c.text, c.subject, c.unit, c.qualifier, nominal, low,
            high, start_day, end_day, c.as_of, c.line, c.column, c.start, c.end,
            json.dumps(list(c.flags), ensure_ascii=False), key, int("cumulative" in c.flags),
            int("current" in c.flags and "cumulative" not in c.flags), inputs.context, inputs.subject,
            inputs.scope, inputs.operation)


def _dec(x: float | None) -> Decimal | None:
    """A stored figure as the Decimal it was."""
    return None if x is None else _decimal(repr(x))


@lru_cache(maxsize=1 << 14)
def _decimal(written: str) -> Decimal:
    # (figures recur across an archive: each made once; keyed by what repr writes, so -0.0 and
    # 0.0, equal as floats, stay two)
    return Decimal(written).normalize()


def claim_of(row: dict) -> Claim:
    """A ledger row (claims_for, claims_under) as the Claim it stores."""
    if row["kind"] in DATE_KINDS and row["kind"] != "year":
        value = DateValue(row["start_day"], row["end_day"])
    else:
        value = Interval(_dec(row["nominal"]), _dec(row["low"]), _dec(row["high"]))
    flags = row["flags"] if isinstance(row["flags"], list) else json.loads(row["flags"] or "[]")
    return new_claim(row["path"], row["line"], row["column"], row["start"], row["end"], row["lang"],
                     row["kind"], row["text"], value, row["unit"], row["qualifier"], row["subject"],
                     row["as_of"], tuple(flags), None)


def _document_as_of(claims: Sequence[Claim]) -> str | None:
    """The document's date: the as-of day its claims carry most often (first seen on ties); a
    figure's moment (2023-05-03T12:00) counts for its day."""
    counts: dict[str, int] = {}
    for c in claims:
        if c.as_of:
            counts[c.as_of[:10]] = counts.get(c.as_of[:10], 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


@dataclass(frozen=True)
class Document:
    """One document to index (Ledger.index_document's arguments)."""
    path: str
    text: str
    claims: Sequence[Claim]
    as_of: str | None = None
    pairs: Sequence[tuple[Claim, Claim]] = ()
    texts: dict[str, str] | None = None
    recipe: str = ""
    key_inputs: tuple | None = None     # what each claim's key is made of, in order, if read already


class Ledger:
    """A ledger of claims, in an SQLite file or on a PostgreSQL server (a ``postgresql://`` URL).
    Use as a context manager: ``with Ledger(path) as ledger: ...``.

    The logic and the queries are here, for both; what differs (connecting, the schema's types,
    the write lock, bulk writes, placeholders) is in checker/ledger/sqlite.py and postgres.py."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        from checker.ledger import postgres, sqlite

        self.readonly = readonly
        if isinstance(path, str) and postgres.is_url(path):
            schema = SCHEMA.format(**postgres.TYPES, triggers=postgres.TRIGGERS)
            self._db = postgres.PostgresDatabase(path, schema, APPLICATION_ID, SCHEMA_VERSION, readonly=readonly)
        else:
            schema = SCHEMA.format(**sqlite.TYPES, triggers=sqlite.TRIGGERS)
            self._db = sqlite.SQLiteDatabase(Path(path), schema, APPLICATION_ID, SCHEMA_VERSION, readonly=readonly)
        self.path = self._db.label              # (a URL without its password)
        self._home = self._db.home
        self._paths: dict[str, str] = {}
        self._shown: dict[tuple[str, str], str] = {}
        self._cwd_real: dict[str, Path] = {}
        self._flags: dict[str, list] = {}
        self._row_cache: dict[int, dict] = {}
        self._row_cwd: str | None = None
        self._excluded_ids: dict[tuple, list[int]] = {}
        self._learnt: dict[str, str] | None = None
        self._learnt_version: int | None = None

    # -- paths -------------------------------------------------------------------------------------

    def document_path(self, path: str) -> str:
        """How the ledger knows the file at ``path``: its real path relative to the ledger's
        folder when inside it, else absolute (data.txt and ./data.txt are one document; two
        news.txt in two folders are two)."""
        if path not in self._paths:                 # a check asks for the same few paths often
            real = Path(os.path.realpath(path))
            try:
                stored = real.relative_to(self._home).as_posix()
            except ValueError:
                stored = str(real)
            # a name of bytes that are not UTF-8 (surrogate escapes) is kept as \xNN: SQLite holds
            # UTF-8 only, and the same name always gives the same text
            self._paths[path] = stored.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return self._paths[path]

    def shown_path(self, stored: str) -> str:
        """A stored path as the user reads it: relative to the working directory when that is at
        most two folders up (../arch/b1.txt), else absolute. Kept per path and working directory:
        a check reads the same few documents' rows thousands of times, and resolving the working
        directory each time was most of check --ledger's time."""
        key = (os.getcwd(), stored)
        if key not in self._shown:
            self._shown[key] = self._show(stored)
        return self._shown[key]

    def _show(self, stored: str) -> str:
        cwd = os.getcwd()
        if cwd not in self._cwd_real:     # (resolving it is a system call per folder: once per check)
            self._cwd_real[cwd] = Path(cwd).resolve()
        absolute = os.path.isabs(stored)
        if not absolute and self._cwd_real[cwd] == self._home:
            return stored                 # (stored relative to the ledger's folder: normalised, no "..")
        real = Path(stored) if absolute else self._home / stored
        try:
            rel = os.path.relpath(real, self._cwd_real[cwd])
        except ValueError:                     # another drive
            return str(real)
        return Path(rel).as_posix() if not rel.startswith(("../../../", "..\\..\\..\\")) else str(real)

    # -- context manager -----------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def index_document(self, path: str, text: str, claims: Sequence[Claim], *,
                       as_of: str | None = None, pairs: Sequence[tuple[Claim, Claim]] = (),
                       texts: dict[str, str] | None = None, recipe: str = "") -> str:
        """Store one document's claims in one transaction: "added", "replaced" or "unchanged".

        ``as_of`` is the document's date; by default the as-of date most of its claims carry.
        ``pairs`` are the document's aligned (Chinese, English) claims that agree in value: the
        English claim is filed under its partner's subject, and the pair teaches the ledger;
        ``texts`` holds the text of a partner's file when it is another file (name.zh/name.en).
        ``recipe`` says how the claims were read (claimcheck, rules/, --date): a text read
        another way is indexed again.
        """
        return self.index_documents([Document(path, text, claims, as_of, pairs, texts, recipe)])[0]

    def index_documents(self, batch: Sequence[Document]) -> list[str]:
        """Store many documents in one transaction, each as index_document would ("added",
        "replaced" or "unchanged", in order): what the ledger holds afterwards is what indexing
        them one by one, in this order, gives (tests/ledger/test_postgres.py). A document given twice
        is read in its turn (the second is "unchanged", or "replaced")."""
        if self.readonly:
            raise UserError(f"{self.path}: opened read-only")
        if not batch:
            return []
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        db = self._db
        stored = [self.document_path(str(d.path)) for d in batch]
        digests = [text_sha256(d.text) for d in batch]
        # before the lock, what the keys of the documents that look new or changed are made of:
        # the costly part, read from each document alone, so that other writers wait for the
        # writing only (a document changed meanwhile by another writer is read under the lock)
        known = self._known(stored)
        made_of = {id(d): self.key_inputs(d) for d, path, digest in zip(batch, stored, digests)
                   if known.get(path, (None, None, None))[1:] != (digest, d.recipe)}
        db.begin_write()
        try:
            # the dictionary the stored keys were made with, under the write lock (read again when
            # another process has taught it since), before this batch changes it
            learnt = self.learnt_subjects()
            known = self._known(stored)
            outcomes: list[str] = []
            written: dict[int, Document] = {}      # the documents to file, in the order of their last writing
            changed = False                        # a document replaced: what it taught goes
            for d, path, digest in zip(batch, stored, digests):
                row = known.get(path)
                if row is not None and row[1] == digest and row[2] == d.recipe:
                    outcomes.append("unchanged")
                    continue
                doc_as_of = d.as_of if d.as_of is not None else _document_as_of(d.claims)
                if row is None:
                    doc_id = db.execute(
                        "INSERT INTO documents (path, sha256, as_of, indexed_at, recipe) VALUES (?, ?, ?, ?, ?) "
                        "RETURNING id", (path, digest, doc_as_of, now, d.recipe)).fetchone()[0]
                    outcomes.append("added")
                else:
                    doc_id = row[0]
                    if doc_id not in written:          # (one written earlier in this batch is not stored yet)
                        db.execute("DELETE FROM claims WHERE document_id = ?", (doc_id,))
                        db.execute("DELETE FROM subject_pairs WHERE document_id = ?", (doc_id,))
                    db.execute("UPDATE documents SET sha256 = ?, as_of = ?, indexed_at = ?, recipe = ? WHERE id = ?",
                               (digest, doc_as_of, now, d.recipe, doc_id))
                    outcomes.append("replaced")
                    changed = True
                known[path] = (doc_id, digest, d.recipe)
                written.pop(doc_id, None)
                written[doc_id] = d
            ids = iter(db.new_claim_ids(sum(len(d.claims) for d in written.values())))
            claim_rows: list[tuple] = []
            term_rows: list[tuple] = []
            pair_rows: list[tuple] = []
            for doc_id, d in written.items():
                inputs = made_of[id(d)] if id(d) in made_of else self.key_inputs(d)
                for c in d.claims:
                    claim_id, parts = next(ids), inputs[id(c)]
                    claim_rows.append((claim_id,) + _claim_row(doc_id, c, compose_key(parts, learnt), parts))
                    term_rows.extend((claim_id, t) for t in parts.terms)
                taught = {p for zh, en in d.pairs if (p := learnable(en.subject, zh.subject))}
                pair_rows.extend((doc_id, en, zh) for en, zh in sorted(taught))
            for table, columns, rows in (("claims", ("id", "document_id") + _CLAIM_COLUMNS, claim_rows),
                                         ("claim_terms", ("claim_id", "term"), term_rows),
                                         ("subject_pairs", ("document_id", "en", "zh"), pair_rows)):
                if rows:                      # (a round trip saved, on a server)
                    db.insert_rows(table, columns, rows)
            if pair_rows or changed:
                self._rekey(learnt)
            db.commit()
            self._row_cache.clear()           # (a replaced document's ids may be given again)
            self._excluded_ids.clear()
            return outcomes
        except db.errors as e:
            self._learnt = None               # (it may hold what was rolled back)
            if db.in_transaction:
                db.rollback()
            raise UserError(db.describe(e)) from None
        except BaseException:
            self._learnt = None
            if db.in_transaction:
                db.rollback()
            raise

    def _known(self, paths: Sequence[str]) -> dict[str, tuple[int, str, str]]:
        """The stored documents at ``paths``: path -> (id, sha256, recipe)."""
        known: dict[str, tuple[int, str, str]] = {}
        unique = sorted(set(paths))
        for k in range(0, len(unique), 500):             # (SQLite's limit on parameters)
            chunk = unique[k:k + 500]
            for r in self._db.execute("SELECT id, path, sha256, recipe FROM documents "
                                      f"WHERE path IN ({', '.join('?' * len(chunk))})", chunk):
                known[r[1]] = (r[0], r[2], r[3])
        return known

    @staticmethod
    def key_inputs(d: Document) -> dict[int, KeyInputs]:
        """What each claim's key is made of (by id of the claim), read from its document unless
        a worker has (Document.key_inputs)."""
        if d.key_inputs is not None and len(d.key_inputs) == len(d.claims):
            return {id(c): k for c, k in zip(d.claims, d.key_inputs)}
        return file_key_inputs({**(d.texts or {}), d.path: d.text}, d.claims, d.pairs)

    def _rekey(self, before: dict[str, str]) -> None:
        """File again, under the dictionary as it now is, every claim whose key asked for an
        English subject whose learnt pair has just changed (learnt, lost or replaced). So every
        stored key is the key under the dictionary the archive's content teaches, whatever the
        order in which its documents were indexed (within the document's transaction)."""
        self._learnt = None
        after = self.learnt_subjects()
        changed = sorted(t for t in before.keys() | after.keys() if before.get(t) != after.get(t))
        for k in range(0, len(changed), 500):             # (SQLite's limit on parameters)
            chunk = changed[k:k + 500]
            rows = self._db.execute(
                "SELECT DISTINCT c.id, c.subject_key, c.key_subject, c.key_scope, c.key_operation "
                "FROM claim_terms t JOIN claims c ON c.id = t.claim_id "
                f"WHERE t.term IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
            moved = [(key, r[0]) for r in rows
                     if (key := compose_key(KeyInputs(r[2], r[3], r[4], (), None), after)) != r[1]]
            if moved:
                self._db.executemany("UPDATE claims SET subject_key = ? WHERE id = ?", moved)

    def learnt_subjects(self) -> dict[str, str]:
        """English subject -> Chinese key, from the translations indexed so far (a clear majority
        of the documents that aligned the two). Read again when another process has written
        the ledger since (SQLite's data_version, or PostgreSQL's count of changes, says so)."""
        version = self._db.data_version()
        if self._learnt is None or version != self._learnt_version:
            rows = self._db.execute("SELECT en, zh, documents FROM subject_dictionary")
            self._learnt = best_pairs((r[0], r[1], r[2]) for r in rows)
            self._learnt_version = version
        return self._learnt

    # -- reading -------------------------------------------------------------------------------

    def _rows(self, sql: str, args: Sequence) -> list[dict]:
        out = []
        for row in self._db.execute(sql, tuple(args)):
            d = dict(row)
            d["path"] = self.shown_path(d["path"])
            flags = d.get("flags")
            if isinstance(flags, str):    # (a few lists of flags recur: each parsed once)
                parsed = self._flags.get(flags)
                if parsed is None:
                    parsed = self._flags[flags] = json.loads(flags)
                flags = list(parsed)
            d["flags"] = flags
            out.append(d)
        return out

    def claims_for(self, subject: str | None = None) -> list[dict]:
        """Claims (all, or one subject's) with their document's path, by as_of, path, line."""
        cols = ", ".join(f'c."{c}"' for c in _CLAIM_COLUMNS)
        sql = (f"SELECT d.path AS path, d.as_of AS document_as_of, {cols} "
               "FROM claims c JOIN documents d ON d.id = c.document_id")
        args: tuple = ()
        if subject is not None:
            # the subject as written, every subject filed under the same key, and, for a key with
            # no scope (普通高校), the same key in every scope (北京市 / 普通高校, 上海市 / 普通高校)
            key = subject_key(subject, self.learnt_subjects()) or subject
            sql += " WHERE c.subject = ? OR c.subject_key = ?"
            args = (subject, key)
            if SCOPE_SEPARATOR not in key:
                escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                sql += " OR c.subject_key LIKE ? ESCAPE '\\'"
                args += (f"%{SCOPE_SEPARATOR}{escaped}",)
        sql += ' ORDER BY c.as_of IS NULL, c.as_of, d.path, c.line, c."column", c.id'
        return self._rows(sql, args)

    def claims_under(self, key: str, **query) -> list[dict]:
        """The archive's claims filed under ``key`` that :meth:`_under` selects, as rows."""
        # the ids first (the index answers them), then the rows not read before: the claims
        # of a check overlap a great deal (one series, one window), and making a row is most of
        # what a lookup costs
        sql, args = self._under(key, **query)
        ids = [r[0] for r in self._db.execute(sql, args).fetchall()]
        rows = self._claim_rows(ids)
        return [dict(rows[i]) for i in ids]

    def count_under(self, key: str, *, limit: int, exclude: Sequence[str] = (),
                    exclude_sha256: Sequence[str] = ()) -> int:
        """How many claims claims_under(key, …) would give, up to ``limit``: counted where the
        rows lie, no row made and no id brought back (a check asks it of every key it meets,
        and a key of a large archive may hold thousands)."""
        sql, args = self._under(key, limit=limit, exclude=exclude, exclude_sha256=exclude_sha256)
        return self._db.execute(f"SELECT count(*) FROM ({sql}) AS found", args).fetchone()[0]

    def _under(self, key: str, *, on: str | None = None, before: str | None = None,
               after: str | None = None, documents: Sequence[int] = (), unit: str | None = None,
               overlapping: tuple[float | None, float | None] | None = None,
               above: float | None = None, below: float | None = None,
               running: bool = False, cumulative: bool = False, limit: int = 200,
               exclude: Sequence[str] = (), exclude_sha256: Sequence[str] = ()) -> tuple[str, tuple]:
        """The query (SQL and its arguments) for the ids of the archive's claims filed under
        ``key``: those that speak for the day ``on`` (in
        order of indexing), or the ``limit`` latest ``before`` a day (newest first), or the
        ``limit`` earliest ``after`` it (days: a moment given is read as its day, and a claim's
        moment is on its day), or every one in ``documents``. Narrowed, in SQL, to
        claims in ``unit`` whose interval meets ``overlapping`` (lo, hi), or lies wholly
        ``above`` or ``below`` a value (then the ``limit`` farthest from it come first); to
        running totals (cumulative or ordinal) or to cumulative claims.
        Documents at the paths in ``exclude`` (as given) or with a text in ``exclude_sha256``
        are left out. Each is a range scan of the (subject_key, as_of) index, or of the
        document index, or of a partial index of running totals by value."""
        # a few documents: their own index, not the key's (unary + keeps SQLite off it)
        where, args = [f"{self._db.unindexed('c.subject_key') if documents else 'c.subject_key'} = ?"], [key]
        order = " ORDER BY c.id"
        def term(sql: str, *values) -> None:
            where.append(sql)
            args.extend(values)

        # by day: a moment (2023-05-03T12:00) sorts after its day's date and before the next
        # day, so the day's claims, at any time or none, lie between DAY and DAY + "T~"
        if on is not None:
            term("c.as_of >= ? AND c.as_of <= ?", on[:10], on[:10] + "T~")
        elif before is not None:
            term("c.as_of < ?", before[:10])
            order = " ORDER BY c.as_of DESC, c.id"
        elif after is not None:
            term("c.as_of > ?", after[:10] + "T~")
            order = " ORDER BY c.as_of ASC, c.id"
        if documents:
            term(f"c.document_id IN ({', '.join('?' * len(documents))})", *documents)
        if overlapping is not None or above is not None or below is not None:
            term(self._db.same("c.unit"), unit)
        if overlapping is not None:
            lo, hi = overlapping
            if hi is not None:
                term("(c.low IS NULL OR c.low <= ?)", hi)
            if lo is not None:
                term("(c.high IS NULL OR c.high >= ?)", lo)
        if above is not None:          # the largest first: an index range, however long the series
            term("c.low > ?", above)
            order = " ORDER BY c.low DESC, c.id"
        if below is not None:
            term("c.high < ?", below)
            order = " ORDER BY c.high ASC, c.id"
        if running:        # written as the partial indexes say
            term("(c.cumulative = 1 OR c.kind = 'ordinal')")
        if cumulative:
            term("c.cumulative = 1")
        excluded = self._excluded(exclude, exclude_sha256)
        if excluded:
            term(f"c.document_id NOT IN ({', '.join('?' * len(excluded))})", *excluded)
        sql = f"SELECT c.id FROM claims c WHERE {' AND '.join(where)}{order} LIMIT {int(limit)}"
        return sql, tuple(args)

    def _excluded(self, paths: Sequence[str], hashes: Sequence[str]) -> list[int]:
        """The ids of the documents at ``paths`` (as given) or with a text in ``hashes``, found
        once per check (until the next write): a check leaves out its own files, and 125 drafts'
        paths and hashes in every lookup cost more than the lookup (usually none is indexed)."""
        key = (tuple(paths), tuple(hashes))
        if key not in self._excluded_ids:
            stored = sorted({self.document_path(p) for p in paths})
            found: set[int] = set()
            for column, values in (("path", stored), ("sha256", sorted(set(hashes)))):
                for k in range(0, len(values), 500):          # (SQLite's limit on parameters)
                    chunk = values[k:k + 500]
                    found.update(r[0] for r in self._db.execute(
                        f"SELECT id FROM documents WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk))
            self._excluded_ids[key] = sorted(found)
        return self._excluded_ids[key]

    def _claim_rows(self, ids: Sequence[int]) -> dict[int, dict]:
        """The rows of claims ``ids`` (as claims_under gives them), kept until the next write
        (or a change of the working directory, which the shown paths depend on)."""
        cwd = os.getcwd()
        if self._row_cwd != cwd:
            self._row_cache.clear()
            self._row_cwd = cwd
        cache = self._row_cache
        missing = [i for i in dict.fromkeys(ids) if i not in cache]
        cols = ", ".join(f'c."{c}"' for c in _CLAIM_COLUMNS)
        for k in range(0, len(missing), 500):            # (SQLite's limit on parameters)
            chunk = missing[k:k + 500]
            sql = (f"SELECT c.id AS claim_id, c.document_id AS document_id, d.path AS path, {cols} "
                   f"FROM claims c JOIN documents d ON d.id = c.document_id "
                   f"WHERE c.id IN ({', '.join('?' * len(chunk))})")
            for row in self._rows(sql, chunk):
                cache[row["claim_id"]] = row
        return cache

    def documents(self) -> list[dict]:
        rows = self._db.execute(
            "SELECT d.id, d.path, d.sha256, d.as_of, d.indexed_at, "
            "(SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims "
            "FROM documents d ORDER BY d.path")
        return [{**dict(r), "path": self.shown_path(r["path"])} for r in rows]

    def subjects(self) -> list[dict]:
        """Every subject key the archive files claims under, with how many claims and documents,
        the first and last day it speaks for, and the subjects as written, most used first."""
        written: dict[str, list[str]] = {}
        for key, subject in self._db.execute(
                "SELECT subject_key, subject FROM claims WHERE subject_key IS NOT NULL AND subject IS NOT NULL "
                "GROUP BY subject_key, subject ORDER BY count(*) DESC, subject"):
            written.setdefault(key, []).append(subject)
        rows = self._db.execute(
            "SELECT subject_key AS key, count(*) AS claims, count(DISTINCT document_id) AS documents, "
            "min(as_of) AS first, max(as_of) AS last FROM claims WHERE subject_key IS NOT NULL "
            "GROUP BY subject_key ORDER BY count(*) DESC, subject_key")
        return [{**dict(r), "subjects": written.get(r["key"], [])} for r in rows]

    def stats(self) -> dict:
        documents = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims = self._db.execute("SELECT count(*) FROM claims").fetchone()[0]
        return {"documents": documents, "claims": claims}

    def check_integrity(self) -> bool:
        """SQLite's integrity check passes (on SQLite), every claim and learnt pair belongs to an
        existing document, and the dictionary counts the pairs."""
        if not self._db.integrity_ok():
            return False
        orphans = self._db.execute(
            "SELECT (SELECT count(*) FROM claims c LEFT JOIN documents d ON d.id = c.document_id "
            "WHERE d.id IS NULL) + (SELECT count(*) FROM subject_pairs p LEFT JOIN documents d "
            "ON d.id = p.document_id WHERE d.id IS NULL) + (SELECT count(*) FROM claim_terms t "
            "LEFT JOIN claims c ON c.id = t.claim_id WHERE c.id IS NULL)").fetchone()[0]
        counted = "SELECT en, zh, count(DISTINCT document_id) FROM subject_pairs GROUP BY en, zh"
        stored = "SELECT en, zh, documents FROM subject_dictionary"
        miscounted = any(self._db.execute(f"{a} EXCEPT {b} LIMIT 1").fetchone()
                         for a, b in ((counted, stored), (stored, counted)))
        return orphans == 0 and not miscounted
