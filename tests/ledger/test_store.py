"""The ledger against real SQLite files: re-indexing, round trips, concurrency, SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest

from checker.errors import UserError
from checker.extract import extract_text
from checker.ledger import Ledger
from checker.ledger.store import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]

SEED = "2016-11-11 08:14:33\n向联合国派遣维和警察2455人次。"

# A writer run in another process: indexes documents doc-{prefix}-{i}, document i holding
# claims_in(i) claims, so that a reader can tell whether any document is incomplete.
WRITER = r"""
import sys
from decimal import Decimal
from checker.ledger import Ledger
from checker.model import Claim, Interval

db, prefix, n, base = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def claims_in(i):
    return base + i % 7

with Ledger(db) as ledger:
    for i in range(n):
        k = claims_in(i)
        claims = [Claim(None, j + 1, 1, 0, 4, "zh", "count", str(j), Interval.exact(Decimal(j)),
                        "person", None, f"subject-{i}", "2020-01-01") for j in range(k)]
        ledger.index_document(f"doc-{prefix}-{i:04d}", f"{prefix} {i} {k}", claims)
print("done", flush=True)
"""


def claims_in(i: int, base: int) -> int:
    return base + i % 7


def start_writer(db: Path, prefix: str, n: int, base: int, script: str = WRITER) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-c", script, str(db), prefix, str(n), str(base)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def kill(writer: subprocess.Popen) -> None:
    """SIGKILL the writer, and check that this is how it ended."""
    try:
        os.kill(writer.pid, signal.SIGKILL)
    finally:
        writer.wait()
        writer.stdout.close()
        writer.stderr.close()
    assert writer.returncode == -signal.SIGKILL


def run_sql(db: str, statement: str) -> list[tuple]:
    """A statement run on the ledger's own connection (SQLite or PostgreSQL), committed."""
    with Ledger(db) as ledger:
        cursor = ledger._db.execute(statement)
        return [tuple(r) for r in cursor.fetchall()] if cursor.description else []


def assert_documents_complete(ledger: Ledger, base: int) -> None:
    for doc in ledger.documents():
        i = int(doc["path"].rsplit("-", 1)[1])
        assert doc["claims"] == claims_in(i, base), doc


# -- adding, skipping, replacing ---------------------------------------------------------------

def test_add_unchanged_replaced(ledger_url):
    db = ledger_url
    with Ledger(db) as ledger:
        assert ledger.index_document("a.txt", SEED, extract_text(SEED)) == "added"
        assert ledger.index_document("a.txt", SEED, extract_text(SEED)) == "unchanged"
        assert ledger.stats() == {"documents": 1, "claims": 2}
        changed = SEED.replace("2455", "2600")
        assert ledger.index_document("a.txt", changed, extract_text(changed)) == "replaced"
        assert ledger.stats() == {"documents": 1, "claims": 2}
        values = [c["nominal"] for c in ledger.claims_for("维和警察")]
        assert values == [2600.0]
        assert ledger.index_document("b.txt", SEED, extract_text(SEED)) == "added"
        assert ledger.stats() == {"documents": 2, "claims": 4}
    with Ledger(db) as ledger:                  # reopening keeps everything, still unchanged
        assert ledger.index_document("b.txt", SEED, extract_text(SEED)) == "unchanged"
        assert [d["path"] for d in ledger.documents()] == ["a.txt", "b.txt"]
        assert ledger.check_integrity()


def test_new_file_is_wal_and_versioned(tmp_path):
    db = tmp_path / "ledger.db"
    with Ledger(db):
        pass
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"claims_subject", "claims_key_as_of", "documents_path"} <= indexes
    con.close()


# -- round trip --------------------------------------------------------------------------------

def test_claims_round_trip(ledger_url):
    text = ("2021-09-18\n中国已累计派出维和警察2600余人次。\n"
            "China has sent more than 2,600 peacekeeping police. It was 2.5 percent.\n")
    claims = extract_text(text)
    with Ledger(ledger_url) as ledger:
        ledger.index_document("news/2021.txt", text, claims)
        rows = ledger.claims_for()
        docs = ledger.documents()
    assert len(rows) == len(claims)
    assert docs[0]["as_of"] == "2021-09-18" and len(docs[0]["sha256"]) == 64
    by_key = {(r["line"], r["column"]): r for r in rows}
    for c in claims:
        r = by_key[(c.line, c.column)]
        assert r["path"] == "news/2021.txt"
        assert (r["lang"], r["kind"], r["text"], r["unit"], r["qualifier"], r["subject"],
                r["as_of"], r["start"], r["end"]) == (c.lang, c.kind, c.text, c.unit, c.qualifier,
                                                      c.subject, c.as_of, c.start, c.end)
        assert r["flags"] == list(c.flags)
        if c.kind in ("date", "date_range"):
            assert (r["start_day"], r["end_day"]) == (c.value.start, c.value.end)
            assert r["nominal"] is r["low"] is r["high"] is None
        else:
            for name in ("nominal", "low", "high"):
                v = getattr(c.value, name)
                assert r[name] == (None if v is None else float(v)), (c, name)
    open_ended = [r for r in rows if r["kind"] != "date" and r["high"] is None]
    assert open_ended, rows                     # "more than 2,600" / 2600余 keep an open end
    dates = [r for r in rows if r["kind"] == "date"]
    assert dates and dates[0]["start_day"] == "2021-09-18"


def test_claims_for_orders_by_as_of_then_path_then_line(ledger_url):
    from checker.model import Claim, Interval
    def claim(line, as_of):
        return Claim(None, line, 1, 0, 1, "en", "count", "1", Interval.exact(Decimal(line)),
                     None, None, "s", as_of)
    with Ledger(ledger_url) as ledger:
        ledger.index_document("b", "b", [claim(2, "2020-01-01"), claim(1, "2020-01-01")])
        ledger.index_document("a", "a", [claim(3, "2021-01-01"), claim(9, "2020-01-01")])
        ledger.index_document("c", "c", [claim(1, None)])
        order = [(r["path"], r["line"]) for r in ledger.claims_for("s")]
        assert order == [("a", 9), ("b", 1), ("b", 2), ("a", 3), ("c", 1)]
        assert ledger.claims_for("nothing") == []


# -- not a ledger ------------------------------------------------------------------------------

def test_text_file_is_not_a_ledger(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes, not a database\n" * 100)
    with pytest.raises(UserError, match="notes.txt"):
        Ledger(path)
    assert path.read_text().startswith("just some notes")


def test_foreign_sqlite_database_is_not_a_ledger(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE people (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="other.db"):
        Ledger(path)


def test_directory_is_not_a_ledger(tmp_path):
    with pytest.raises(UserError, match=str(tmp_path.name)):
        Ledger(tmp_path)


# -- concurrency and crashes -------------------------------------------------------------------

@pytest.mark.timeout(120)
def test_two_processes_index_at_once(ledger_url):
    db = ledger_url
    n = 100 if "://" in db else 300     # (the suite's PostgreSQL time is kept short)
    writers = [start_writer(db, prefix, n, 20) for prefix in ("x", "y")]
    for w in writers:
        out, err = w.communicate()
        assert w.returncode == 0, err
        assert "done" in out
    with Ledger(db) as ledger:
        assert ledger.check_integrity()
        assert ledger.stats() == {"documents": 2 * n,
                                  "claims": 2 * sum(claims_in(i, 20) for i in range(n))}
        assert_documents_complete(ledger, 20)


@pytest.mark.timeout(120)
def test_writer_killed_mid_index_leaves_a_consistent_ledger(ledger_url):
    db = ledger_url
    base = 400                                  # many claims per document: kills land mid-write
    n = 500
    if "://" in db:      # (a server writes as fast, but the suite's PostgreSQL time is kept short)
        base, n = 100, 200
    writer = start_writer(db, "k", n, base)
    try:
        committed = 0
        while committed == 0:
            assert writer.poll() is None, writer.stderr.read()
            if "://" in db or Path(db).exists():
                try:
                    with Ledger(db) as ledger:
                        committed = ledger.stats()["documents"]
                except UserError:               # the writer may still be creating the schema
                    pass
            time.sleep(0.005)
    finally:
        kill(writer)
    with Ledger(db) as ledger:
        assert ledger.check_integrity()
        stats = ledger.stats()
        assert 0 < stats["documents"] < n
        assert_documents_complete(ledger, base)
        # the ledger keeps working after the crash: the rest can be indexed, none re-added
        done = {d["path"] for d in ledger.documents()}
    rerun = start_writer(db, "k", n, base)
    _, err = rerun.communicate()
    assert rerun.returncode == 0, err
    with Ledger(db) as ledger:
        assert ledger.check_integrity()
        assert ledger.stats()["documents"] == n
        assert_documents_complete(ledger, base)
        assert done <= {d["path"] for d in ledger.documents()}


# A writer that commits two documents, then stops inside the third one's transaction, halfway
# through writing its claims, and says so: the kill below lands there for certain.
STOPPED_WRITER = r"""
import sys, time
from decimal import Decimal
from checker.ledger import Ledger
from checker.model import Claim, Interval

class Stopping:
    def __init__(self, db):
        self.db = db
    def __getattr__(self, name):
        return getattr(self.db, name)
    def insert_rows(self, table, columns, rows):
        rows = list(rows)
        if table == "claims" and len(rows) == 30:
            self.db.insert_rows(table, columns, rows[:15])
            print("inside", flush=True)
            time.sleep(60)
        return self.db.insert_rows(table, columns, rows)

with Ledger(sys.argv[1]) as ledger:
    ledger._db = Stopping(ledger._db)
    for i, n in enumerate((10, 20, 30)):
        claims = [Claim(None, j + 1, 1, 0, 4, "zh", "count", str(j), Interval.exact(Decimal(j)),
                        "person", None, "subject", "2020-01-01") for j in range(n)]
        ledger.index_document(f"doc-{i}", f"text {i}", claims)
"""


@pytest.mark.timeout(120)
def test_a_writer_killed_inside_a_transaction_loses_only_that_document(ledger_url):
    db = ledger_url
    writer = start_writer(db, "s", 3, 10, STOPPED_WRITER)
    try:
        assert writer.stdout.readline().strip() == "inside", writer.stderr.read()
    finally:
        kill(writer)
    if "://" not in db:
        assert Path(db + "-wal").exists()       # killed with its log open, as a crash leaves it
    with Ledger(db) as ledger:
        assert ledger.check_integrity()
        assert [(Path(d["path"]).name, d["claims"]) for d in ledger.documents()] == [("doc-0", 10), ("doc-1", 20)]


def test_reindexing_a_translation_replaces_what_it_taught(tmp_path, ledger_url):
    from checker.engine import check_bitext
    from checker.io.bilingual import read_bitexts
    from checker.ledger import index_result

    text = ("2021-09-09 10:00:00\n中国先后派出2600余名维和警察。\n\n"
            "China has sent more than 2,600 blue helmets.\n")
    db = ledger_url

    def index(name, t):
        f = tmp_path / name
        f.write_text(t, encoding="utf-8")
        with Ledger(db) as ledger:
            out = [o for b in read_bitexts([str(f)]) for o in index_result(ledger, check_bitext(b))]
            return out, ledger.learnt_subjects(), ledger.check_integrity()

    # a pair is learnt from two documents (rules/glossary.yaml, learn_min_documents)
    outcome, learnt, ok = index("b.txt", text.replace("10:00:00", "11:00:00"))
    assert outcome == ["added"] and learnt == {} and ok
    outcome, learnt, ok = index("a.txt", text)
    assert outcome == ["added"] and learnt == {"blue helmet": "维和警察"} and ok
    assert index("a.txt", text)[0] == ["unchanged"]
    outcome, learnt, ok = index("a.txt", text.replace("blue helmets", "peacekeepers in blue"))
    assert outcome == ["replaced"] and "blue helmet" not in learnt and ok
    assert run_sql(db, "SELECT count(*) FROM subject_pairs WHERE en = 'blue helmet'") == [(1,)]


def test_the_learnt_dictionary_counts_documents_as_they_come_and_go(tmp_path, ledger_url):
    from checker.engine import check_bitext
    from checker.io.bilingual import read_bitexts
    from checker.ledger import index_result

    police = "2021-09-09 10:00:00\n中国先后派出2600余名维和警察。\n\nChina has sent more than 2,600 blue helmets.\n"
    troops = "2021-09-10 10:00:00\n中国先后派出5万余名维和官兵。\n\nChina has sent more than 50,000 blue helmets.\n"
    db = ledger_url

    def index(name, text):
        f = tmp_path / name
        f.write_text(text, encoding="utf-8")
        with Ledger(db) as ledger:
            for b in read_bitexts([str(f)]):
                index_result(ledger, check_bitext(b))

    def learnt():
        with Ledger(db) as ledger:
            assert ledger.check_integrity()
            return ledger.learnt_subjects().get("blue helmet")

    index("a.txt", police)
    index("b.txt", police.replace("09-09", "09-11"))
    index("c.txt", troops)
    assert learnt() == "维和警察"                     # two documents against one
    index("a.txt", troops.replace("09-10", "09-12"))  # a's text now teaches the other pair
    assert learnt() == "维和官兵"
    index("b.txt", "2021-09-11 10:00:00\n没有数字。\n")
    assert learnt() == "维和官兵"
    counts = dict(run_sql(db, "SELECT zh, documents FROM subject_dictionary WHERE en = 'blue helmet'"))
    assert counts == {"维和官兵": 2}
    run_sql(db, "UPDATE subject_dictionary SET documents = 5")
    with Ledger(db) as ledger:
        assert not ledger.check_integrity()


# -- which document is which -------------------------------------------------------------------

def test_a_document_is_its_real_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "y2020").mkdir()
    (tmp_path / "y2021").mkdir()
    text20, text21 = SEED, SEED.replace("2016-11-11", "2017-11-11")
    with Ledger("ledger.db") as ledger:
        assert ledger.index_document("y2020/news.txt", text20, extract_text(text20)) == "added"
        assert ledger.index_document("./y2020/news.txt", text20, extract_text(text20)) == "unchanged"
        assert ledger.index_document(str(tmp_path / "y2020" / "news.txt"), text20, extract_text(text20)) == "unchanged"
        # the same name in another folder is another document
        assert ledger.index_document("y2021/news.txt", text21, extract_text(text21)) == "added"
        assert [d["path"] for d in ledger.documents()] == ["y2020/news.txt", "y2021/news.txt"]
    # stored relative to the ledger's folder: read from elsewhere, shown from there
    monkeypatch.chdir(tmp_path / "y2021")
    with Ledger(tmp_path / "ledger.db") as ledger:
        assert ledger.index_document("news.txt", text21, extract_text(text21)) == "unchanged"
        assert sorted(d["path"] for d in ledger.documents()) == ["../y2020/news.txt", "news.txt"]


def test_a_text_read_another_way_is_indexed_again(ledger_url):
    with Ledger(ledger_url) as ledger:
        assert ledger.index_document("a.txt", SEED, extract_text(SEED), recipe="1;r;") == "added"
        assert ledger.index_document("a.txt", SEED, extract_text(SEED), recipe="1;r;") == "unchanged"
        assert ledger.index_document("a.txt", SEED, extract_text(SEED), recipe="1;r;2020-01-01") == "replaced"


def test_a_ledger_opened_to_read_is_never_written(tmp_path):
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        ledger.index_document("a.txt", SEED, extract_text(SEED))
    before = db.read_bytes()
    with Ledger(db, readonly=True) as ledger:
        assert ledger.stats()["documents"] == 1
        with pytest.raises(UserError, match="read-only"):
            ledger.index_document("b.txt", SEED, extract_text(SEED))
    assert db.read_bytes() == before
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(UserError, match="empty file"):
        Ledger(empty, readonly=True)
    assert empty.stat().st_size == 0
    with pytest.raises(UserError, match="no such ledger"):
        Ledger(tmp_path / "none.db", readonly=True)
    assert not (tmp_path / "none.db").exists()
    with pytest.raises(UserError, match="directory"):
        Ledger(tmp_path, readonly=True)


@contextmanager
def recorded(ledger: Ledger):
    """The statements the ledger runs meanwhile, with their parameters (to ask for their plans)."""
    statements: list[tuple[str, tuple]] = []
    con = ledger._db

    class Recording:
        def __getattr__(self, name):
            return getattr(con, name)

        def execute(self, sql, args=()):
            statements.append((sql, tuple(args)))
            return con.execute(sql, args)

    ledger._db = Recording()
    try:
        yield statements
    finally:
        ledger._db = con


def test_every_query_of_the_corpus_rules_reads_an_index(tmp_path, monkeypatch):
    """A check reads ranges of indexes, never the whole claims table: its time grows with the
    depth of the B-trees, not with the archive (benchmarks/ledger.py measures it). (A key's
    short series is read at once, by the key's index; here every lookup goes to SQL.)"""
    from checker.engine import check_bitext
    from checker.engine import corpus

    monkeypatch.setattr(corpus, "_SERIES", 0)
    from checker.engine.corpus import check_results
    from checker.io.bilingual import read_bitexts
    from checker.ledger import index_result

    db = tmp_path / "ledger.db"
    for i, text in enumerate(["2016-11-11 08:00:00\n中国已向联合国派出维和警察2455名，我国已与113个国家建立合作机制。",
                              "2021-09-09 08:00:00\n中国已累计派出维和警察2600余名。第116次联合巡逻执法启动。"]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("2023-03-01 09:00:00\n中国已累计派出维和警察2455名，我国已与100个国家建立合作机制。"
                     "第100次联合巡逻执法启动。\n", encoding="utf-8")
    with Ledger(db) as ledger:
        for i in range(2):
            for b in read_bitexts([str(tmp_path / f"{i}.txt")]):
                index_result(ledger, check_bitext(b))
    with Ledger(db, readonly=True) as ledger:
        con = ledger._db
        with recorded(ledger) as statements:
            check_results(ledger, [check_bitext(b) for b in read_bitexts([str(draft)])])
        reads = [(sql, args) for sql, args in statements if "FROM claims c" in sql]
        assert len(reads) >= 10
        for sql, args in reads:
            plan = [r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, args)]
            assert not any(p.startswith("SCAN c") for p in plan), (sql, plan)
            # (the rows of the claims found are then read by their ids: the primary key)
            assert any(p.startswith(("SEARCH c USING INDEX", "SEARCH c USING COVERING INDEX")) or
                       ("WHERE c.id IN" in sql and p.startswith("SEARCH c USING INTEGER PRIMARY KEY"))
                       for p in plan), (sql, plan)
            # a few documents by their own index; running totals above or below a value by value
            for term, index in (("document_id IN", "claims_document"), ("c.low >", "claims_running_low"),
                                ("c.high <", "claims_running_high")):
                if term in sql:
                    assert any(f"INDEX {index} " in p for p in plan), (sql, plan)
        assert {t for sql, _ in reads for t in ("document_id IN", "c.low >", "c.high <") if t in sql} == \
            {"document_id IN", "c.low >", "c.high <"}


def test_a_few_documents_are_read_by_their_own_index_however_common_their_key(tmp_path):
    from checker.model import Claim, Interval

    with Ledger(tmp_path / "ledger.db") as ledger:
        for i in range(60):
            claims = [Claim(None, j + 1, 1, 0, 4, "zh", "count", str(j), Interval.exact(Decimal(j)),
                            "person", None, "维和警察", "2020-01-01") for j in range(5)]
            ledger.index_document(f"doc-{i}", f"text {i}", claims)
        con = ledger._db
        with recorded(ledger) as statements:
            rows = ledger.claims_under("维和警察", documents=list(range(1, 41)), limit=1000)
        assert len(rows) == 200
        (sql, args), *fetched = statements           # (then the rows, by their ids)
        assert all("WHERE c.id IN" in s for s, _ in fetched)
        plan = [r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, args)]
        assert any("INDEX claims_document " in p for p in plan), plan


def test_a_ledger_that_cannot_be_opened_read_only_is_read_as_an_immutable_snapshot(tmp_path, monkeypatch):
    # as in a shared folder we cannot write: SQLite cannot make the WAL's shared memory there
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        ledger.index_document("a.txt", SEED, extract_text(SEED))
    from checker.ledger.sqlite import SQLiteDatabase

    targets, opened = [], SQLiteDatabase._open
    real_connect = sqlite3.connect

    def connect(target, *a, **k):
        targets.append(target)
        return real_connect(target, *a, **k)

    def first_fails(self):
        if len(targets) == 1:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return opened(self)

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(SQLiteDatabase, "_open", first_fails)
    with Ledger(db, readonly=True) as ledger:
        assert ledger.stats()["documents"] == 1
    assert targets[0].endswith("?mode=ro") and targets[1].endswith("?mode=ro&immutable=1")


def test_count_under_counts_what_claims_under_gives_without_reading_a_row(ledger_url):
    from checker.model import Claim, Interval

    with Ledger(ledger_url) as ledger:
        for i in range(12):
            claims = [Claim(None, j + 1, 1, 0, 4, "zh", "count", str(j), Interval.exact(Decimal(j)),
                            "person", None, "维和警察" if j < 3 else "警察", f"2020-01-{i + 1:02d}") for j in range(5)]
            ledger.index_document(f"doc-{i}", f"text {i}", claims)
        for key in ("维和警察", "警察", "海关"):
            for limit in (1, 10, 100):
                for exclude in ((), ("doc-0", "doc-5")):
                    rows = ledger.claims_under(key, limit=limit, exclude=exclude)
                    ledger._row_cache.clear()
                    assert ledger.count_under(key, limit=limit, exclude=exclude) == len(rows)
                    assert not ledger._row_cache          # (no row was made to count them)
        assert ledger.count_under("维和警察", limit=1000) == 36


def test_a_stored_path_is_shown_as_stored_from_the_ledgers_folder_and_relative_from_elsewhere(tmp_path, monkeypatch):
    (tmp_path / "arch" / "y2021").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "arch")
    with Ledger("ledger.db") as ledger:
        ledger.index_document("y2021/news.txt", SEED, extract_text(SEED))
        assert ledger.shown_path("y2021/news.txt") == "y2021/news.txt"
        monkeypatch.chdir(tmp_path / "arch" / "y2021")          # inside the ledger's folder
        assert ledger.shown_path("y2021/news.txt") == "news.txt"
        monkeypatch.chdir(tmp_path)
        assert ledger.shown_path("y2021/news.txt") == "arch/y2021/news.txt"
