"""Fixtures shared by the ledger's tests: a real PostgreSQL server for the session, and
``ledger_url``, a ledger of each kind (an SQLite file, a PostgreSQL database) for the tests that
go through the Ledger API or the command line, which must answer alike on both."""

from __future__ import annotations

import itertools
import os

import pytest

from tests.postgres_server import REQUIRE, Server, binaries


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL server; the test is skipped when its binaries are not installed
    (and fails then if CLAIMCHECK_REQUIRE_POSTGRES=1, as in CI)."""
    bin_dir = binaries()
    if bin_dir is None:
        if os.environ.get(REQUIRE) == "1":
            pytest.fail("PostgreSQL's initdb/pg_ctl are not installed, and CLAIMCHECK_REQUIRE_POSTGRES=1")
        pytest.skip("PostgreSQL's initdb/pg_ctl are not installed (Debian: apt-get install postgresql)")
    server = Server(bin_dir)
    try:
        yield server
    finally:
        server.stop()


def make_ledger_url(kind: str, request, folder, name: str = "ledger.db") -> str:
    if kind == "sqlite":
        return str(folder / name)
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture(params=["sqlite", "postgres"])
def ledger_kind(request) -> str:
    return request.param


@pytest.fixture
def new_ledger(ledger_kind, request, tmp_path):
    """Makes new, empty ledgers of one kind: SQLite files' paths, or fresh PostgreSQL databases'
    URLs (dropped after the test)."""
    names = itertools.count()
    made: list[str] = []

    def make() -> str:
        made.append(make_ledger_url(ledger_kind, request, tmp_path, f"ledger-{next(names)}.db"))
        return made[-1]
    yield make
    if ledger_kind == "postgres":
        for url in made:
            request.getfixturevalue("postgres_server").drop_database(url)


@pytest.fixture
def ledger_url(new_ledger) -> str:
    """A new, empty ledger: an SQLite file's path, or a fresh PostgreSQL database's URL."""
    return new_ledger()


@pytest.fixture(params=["sqlite", "postgres"], scope="module")
def module_ledger_url(request, tmp_path_factory) -> str:
    """The same, for a module's shared archive."""
    return make_ledger_url(request.param, request, tmp_path_factory.mktemp("ledger"))
