"""Issue 17 §5: the ledger on a real PostgreSQL server (tests/postgres_server.py), and bulk writes.
A PostgreSQL ledger holds what an SQLite ledger holds for the same input; a batch holds what
document-by-document indexing holds, on both; errors a user meets when connecting are one
paragraph and exit 2; a reader cannot write and sees whole documents only."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from checker.cli import main
from checker.errors import UserError
from checker.ledger import Ledger, documents_of
from checker.ledger.store import SCHEMA_VERSION
from tests.ledger.test_order import documents
from tests.ledger.test_store import assert_documents_complete, kill, start_writer

CLAIM_COLUMNS = ("lang", "kind", "text", "subject", "unit", "qualifier", "nominal", "low", "high",
                 "start_day", "end_day", "as_of", "line", "column", "start", "end", "flags",
                 "subject_key", "cumulative", "current", "context", "key_subject", "key_scope",
                 "key_operation")


def dump(db: str) -> dict[str, list]:
    """Every table's rows, with documents named by their path as shown (SQLite keeps them
    relative to its file's folder, PostgreSQL to the working directory) and without the
    surrogate ids (which number rows in the order of writing, and a server's sequences never
    give an id twice)."""
    with Ledger(db, readonly=True) as ledger:
        def rows(sql):
            return [tuple(r) for r in ledger._db.execute(sql).fetchall()]
        path = {i: ledger.shown_path(p) for i, p in rows("SELECT id, path FROM documents")}
        cols = ", ".join(f'c."{c}"' for c in CLAIM_COLUMNS)
        out = {
            "documents": [(path[r[0]],) + r[1:] for r in rows(
                "SELECT id, sha256, as_of, recipe FROM documents")],
            "claims": [(path[r[0]],) + r[1:] for r in rows(f"SELECT c.document_id, {cols} FROM claims c")],
            "claim_terms": [(path[r[0]],) + r[1:] for r in rows(
                "SELECT c.document_id, c.line, c.\"column\", c.start, c.kind, c.text, t.term "
                "FROM claim_terms t JOIN claims c ON c.id = t.claim_id")],
            "subject_pairs": [(path[r[0]],) + r[1:] for r in rows("SELECT document_id, en, zh FROM subject_pairs")],
            "subject_dictionary": rows("SELECT en, zh, documents FROM subject_dictionary"),
        }
    return {table: sorted(r, key=repr) for table, r in out.items()}


def archive_documents(folder: Path):
    """The documents of tests/ledger/test_order.py's archive (translations that teach pairs,
    English articles that use them, and the seeds), read as `claimcheck index` reads them."""
    from checker.engine import check_bitext
    from checker.io.bilingual import read_bitexts

    files = documents(folder)
    return [d for b in read_bitexts([str(f) for f in files]) for d in documents_of(check_bitext(b))]


# -- bulk writes ---------------------------------------------------------------------------------

def test_a_batch_holds_what_one_document_at_a_time_holds(tmp_path, new_ledger, monkeypatch):
    from dataclasses import replace

    monkeypatch.chdir(tmp_path)
    docs = archive_documents(tmp_path / "archive")
    # given again: unchanged; changed: replaced, within a batch and across batches
    changed = [replace(d, text=d.text + "\n", claims=d.claims[:1]) for d in docs[2:5]]
    stream = docs + [docs[0]] + changed + [docs[3]]
    one, many = new_ledger(), new_ledger()
    with Ledger(one) as ledger:
        singly = [ledger.index_document(d.path, d.text, d.claims, as_of=d.as_of, pairs=d.pairs,
                                        texts=d.texts, recipe=d.recipe) for d in stream]
        assert ledger.check_integrity()
    with Ledger(many) as ledger:
        batched = [o for k in range(0, len(stream), 7) for o in ledger.index_documents(stream[k:k + 7])]
        assert ledger.check_integrity()
    assert batched == singly
    assert {"added", "replaced", "unchanged"} <= set(singly)
    assert dump(many) == dump(one)


def test_index_writes_in_batches_what_one_document_at_a_time_writes(tmp_path, new_ledger, monkeypatch, capsys):
    from checker import executor

    monkeypatch.chdir(tmp_path)
    files = documents(tmp_path / "archive")
    one, many = new_ledger(), new_ledger()
    for f in files:
        assert main(["index", str(f), "--ledger", one]) == 0
    monkeypatch.setattr(executor, "BATCH", 5)
    assert main(["index", str(tmp_path / "archive"), "--ledger", many]) == 0
    assert f"{len(files)} added" in capsys.readouterr().err
    assert dump(many) == dump(one)


# -- the same answers as SQLite ------------------------------------------------------------------

def test_a_postgresql_ledger_holds_and_answers_what_an_sqlite_ledger_does(tmp_path, postgres_server,
                                                                         monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    files = documents(tmp_path / "archive")
    lite, pg = str(tmp_path / "ledger.db"), postgres_server.new_database()
    for db in (lite, pg):
        assert main(["index", "archive", "--ledger", db]) == 0
    assert dump(pg) == dump(lite)
    capsys.readouterr()
    answers = {}
    for db in (lite, pg):
        out = []
        for args in (["claims", "--ledger", db, "--format", "json"],
                     ["claims", "--ledger", db, "--subject", "peacekeeping police", "--format", "json"],
                     ["subjects", "--ledger", db, "--format", "json"],
                     ["check", *map(str, files[:6]), "--ledger", db, "--format", "json", "--exit-zero"]):
            code = main(args)
            out.append((code, json.loads(capsys.readouterr().out)))
        answers[db] = out
    assert answers[pg] == answers[lite]


# -- reading -------------------------------------------------------------------------------------

def test_a_reader_cannot_write_and_a_select_only_user_checks(tmp_path, postgres_server, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    files = documents(tmp_path / "archive")
    url = postgres_server.new_database()
    assert main(["index", *map(str, files[:4]), "--ledger", url]) == 0
    with Ledger(url, readonly=True) as ledger:         # the server refuses: a READ ONLY transaction
        with pytest.raises(Exception, match="read-only transaction"):
            ledger._db.execute("DELETE FROM claims")
    database = url.rsplit("/", 1)[1]
    postgres_server.sql(f"CREATE ROLE reader_{database} LOGIN PASSWORD 'only-reads'")
    postgres_server.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_{database}", database=database)
    reader = postgres_server.url(database, f"reader_{database}", "only-reads")
    capsys.readouterr()
    assert main(["check", str(files[0]), "--ledger", reader, "--format", "json", "--exit-zero"]) == 0
    assert main(["claims", "--ledger", reader, "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["index", str(files[5]), "--ledger", reader]) == 2
    err = capsys.readouterr().err
    assert "cannot be written" in err and "Traceback" not in err and "only-reads" not in err
    with Ledger(url) as ledger:
        assert ledger.stats()["documents"] == 4


@pytest.mark.timeout(120)
def test_a_check_during_an_index_sees_whole_documents_only(postgres_server):
    url = postgres_server.new_database()
    base = 50
    writer = start_writer(url, "r", 400, base)
    try:
        seen = 0
        deadline = time.monotonic() + 60
        while seen < 30 and time.monotonic() < deadline:
            assert writer.poll() is None or writer.returncode == 0, writer.stderr.read()
            try:
                with Ledger(url, readonly=True) as ledger:
                    assert_documents_complete(ledger, base)
                    seen = ledger.stats()["documents"]
            except UserError as e:                  # (the writer may still be creating the tables)
                assert "without its tables" in str(e)
        assert seen >= 30
    finally:
        kill(writer) if writer.poll() is None else writer.communicate()


# -- what is not a ledger, and errors --------------------------------------------------------------

def run(capsys, *args):
    code = main(list(args))
    return code, capsys.readouterr().err


def test_connection_errors_are_one_paragraph_and_exit_2(tmp_path, postgres_server, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text("2021-09-09\n目前已有2455名维和警察。\n", encoding="utf-8")
    good = postgres_server.new_database()
    assert main(["index", str(draft), "--ledger", good]) == 0
    database = good.rsplit("/", 1)[1]
    capsys.readouterr()
    from tests.postgres_server import _free_port
    cases = {
        "postgresql://postgres@127.0.0.1:notaport/x": "not a valid PostgreSQL URL",
        "postgresql://postgres:wrong-secret@[::1/x": "not a valid PostgreSQL URL",     # (libpq quotes it)
        f"postgresql://postgres@127.0.0.1:{_free_port()}/x": "no PostgreSQL server answers there",
        postgres_server.url(database, password="wrong-secret"): "refused the user name or password",
        postgres_server.url("no_such_database"): "no such database on the server",
    }
    for url, why in cases.items():
        for args in (["index", str(draft), "--ledger", url], ["check", str(draft), "--ledger", url],
                     ["claims", "--ledger", url]):
            code, err = run(capsys, *args)
            assert code == 2 and why in err, (url, args, err)
            assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
            assert "wrong-secret" not in err and postgres_server.password not in err


def test_a_database_of_other_tables_or_of_another_schema_version_is_refused(tmp_path, postgres_server, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text("2021-09-09\n目前已有2455名维和警察。\n", encoding="utf-8")
    foreign = postgres_server.new_database()
    postgres_server.sql("CREATE TABLE people (name TEXT)", database=foreign.rsplit("/", 1)[1])
    for args in (["index", str(draft), "--ledger", foreign], ["check", str(draft), "--ledger", foreign]):
        code, err = run(capsys, *args)
        assert code == 2 and "not a claimcheck ledger" in err and "other tables" in err, err
    postgres_server.sql("SELECT 1 FROM people", database=foreign.rsplit("/", 1)[1])   # untouched

    empty = postgres_server.new_database()
    code, err = run(capsys, "check", str(draft), "--ledger", empty)
    assert code == 2 and "not a claimcheck ledger" in err
    with Ledger(empty) as ledger:              # the check created nothing: a writer still can
        assert ledger.stats() == {"documents": 0, "claims": 0}

    old = postgres_server.new_database()
    assert main(["index", str(draft), "--ledger", old]) == 0
    postgres_server.sql(f"UPDATE claimcheck_ledger SET schema_version = {SCHEMA_VERSION - 1}",
                        database=old.rsplit("/", 1)[1])
    for args in (["index", str(draft), "--ledger", old], ["check", str(draft), "--ledger", old],
                 ["claims", "--ledger", old]):
        code, err = run(capsys, *args)
        assert code == 2 and f"older claimcheck (schema version {SCHEMA_VERSION - 1}" in err, err


def test_two_ledgers_in_two_schemas_of_one_database(tmp_path, postgres_server, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", tmp_path / "seeds")
    url = postgres_server.new_database()
    postgres_server.sql("CREATE SCHEMA desk_a", "CREATE SCHEMA desk_b", database=url.rsplit("/", 1)[1])
    seeds = sorted((tmp_path / "seeds").glob("*.txt"))
    for schema, files in (("desk_a", seeds[:2]), ("desk_b", seeds[2:5])):
        assert main(["index", *map(str, files), "--ledger", f"{url}?options=-csearch_path%3D{schema}"]) == 0
    for schema, n in (("desk_a", 2), ("desk_b", 3)):
        with Ledger(f"{url}?options=-csearch_path%3D{schema}", readonly=True) as ledger:
            assert ledger.stats()["documents"] == n
