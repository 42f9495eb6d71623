"""A real PostgreSQL server for the tests: Debian's binaries (initdb, pg_ctl), a cluster in a
temporary folder, a Unix socket in that folder and a free TCP port on 127.0.0.1. One server for
the whole session; each test gets a database of its own (tests/conftest.py, ``ledger_url``).

PostgreSQL refuses to run as root: as root, the cluster belongs to the ``postgres`` user (which
Debian's package creates), else to ``nobody``, and initdb and pg_ctl run as that user."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

REQUIRE = "CLAIMCHECK_REQUIRE_POSTGRES"
PASSWORD = "claimcheck-test-secret"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on the PATH, else Debian's /usr/lib/postgresql/N/bin
    (the newest)."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                     key=lambda f: int(f.split("/")[-2]) if f.split("/")[-2].isdigit() else 0)
    for folder in reversed(folders):
        if (Path(folder) / "pg_ctl").exists() and (Path(folder) / "initdb").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PREFIX = "claimcheck-pg-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Server:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self._user = None
        self._sweep()
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        # the test session that owns this server: a session killed before its teardown leaves
        # its server running, and the next session stops it (_sweep)
        (self.root / "owner").write_text(str(os.getpid()))
        self.data = self.root / "data"
        self.port = _free_port()
        self._names = itertools.count()
        self.password = PASSWORD
        (self.root / "pw").write_text(PASSWORD + "\n")
        if os.geteuid() == 0:
            try:
                self._user = pwd.getpwnam("postgres")
            except KeyError:
                self._user = pwd.getpwnam("nobody")
            for f in (self.root, self.root / "pw"):
                os.chown(f, self._user.pw_uid, self._user.pw_gid)
        # passwords over TCP, as a newsroom's server asks them (the tests give a wrong one)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth-local=trust",
                  "--auth-host=scram-sha-256", f"--pwfile={self.root / 'pw'}", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        # fsync off: the tests kill clients, never the server; a lost disk is not what they test
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.root} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=60 -c shared_buffers=32MB "
                   # a small write-ahead log (checkpoints are cheap without fsync): left to its
                   # default of 1 GB, removing the cluster at the end took longer than the tests
                   "-c max_wal_size=48MB -c min_wal_size=32MB")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60",
                  "-o", options, "start")

    def _sweep(self) -> None:
        """Stop and remove the servers of test sessions that died before their teardown."""
        for owner in Path(tempfile.gettempdir()).glob(f"{PREFIX}*/owner"):
            try:
                pid = int(owner.read_text())
            except (OSError, ValueError):
                continue
            if _alive(pid):
                continue
            root = owner.parent
            if (root / "data" / "postmaster.pid").exists():
                stat = root.stat()
                self._user = pwd.getpwuid(stat.st_uid) if os.geteuid() == 0 and stat.st_uid != 0 else None
                try:
                    self._run("pg_ctl", "-D", str(root / "data"), "-m", "immediate", "-w", "stop", cwd=root)
                except RuntimeError:
                    pass                # (not running)
            shutil.rmtree(root, ignore_errors=True)
        self._user = None

    def _run(self, program: str, *args: str, cwd: Path | None = None) -> None:
        user = self._user

        def drop() -> None:
            if user is not None:
                os.setgid(user.pw_gid)
                os.setuid(user.pw_uid)
        cwd = cwd or self.root
        env = dict(os.environ, LC_ALL="C.UTF-8")
        if user is not None:
            env["HOME"] = str(cwd)
        result = subprocess.run([str(self.bin / program), *args], preexec_fn=drop, env=env,
                                cwd=cwd, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = cwd / "log"
            raise RuntimeError(f"{program} failed: {result.stdout}{result.stderr}"
                               + (log.read_text() if log.exists() else ""))

    def sql(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as con:
            for s in statements:
                con.execute(s)

    def url(self, database: str, user: str = "postgres", password: str = PASSWORD) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database: its URL."""
        name = f"ledger_{next(self._names)}"
        self.sql(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a test's database once it is done (the cluster stays small)."""
        self.sql(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1].split('?')[0]} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
