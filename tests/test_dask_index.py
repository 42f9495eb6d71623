"""`claimcheck index --executor dask` on a real LocalCluster of two worker processes (one per
module: a cluster takes seconds to start): the ledger is the single-process one, and a worker
killed mid-run loses no document."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time

import pytest

from checker.cli import main
from tests.articles import dump_ledger, records, write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as local:
        with distributed.Client(local) as client:
            yield local, client


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """An export and the ledger one process makes of it."""
    folder = tmp_path_factory.mktemp("export")
    path = folder / "articles.jsonl"
    write_jsonl(path, records(200))
    single = folder / "single.db"
    assert main(["index", "--articles", str(path), "--ledger", str(single)]) == 0
    return path, dump_ledger(single)


def test_the_ledger_is_the_single_process_one(cluster, export, tmp_path, capsys):
    local, _ = cluster
    path, single = export
    db = tmp_path / "dask.db"
    assert main(["index", "--articles", str(path), "--ledger", str(db), "--executor", "dask",
                 "--scheduler", local.scheduler_address]) == 0
    assert "the ledger holds 266 documents" in capsys.readouterr().err
    assert dump_ledger(db) == single
    # again: nothing changes
    assert main(["index", "--articles", str(path), "--ledger", str(db), "--executor", "dask",
                 "--scheduler", local.scheduler_address]) == 0
    assert "0 added, 0 replaced, 266 unchanged" in capsys.readouterr().err


def test_files_too(cluster, tmp_path, capsys):
    local, _ = cluster
    for r in records(6):
        (tmp_path / f"{r['id']}.txt").write_text(r.get("text") or r["text_zh"] + "\n" + r["text_en"], encoding="utf-8")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert main(["index", str(tmp_path), "--ledger", str(one)]) == 0
    assert main(["index", str(tmp_path), "--ledger", str(two), "--executor", "dask",
                 "--scheduler", local.scheduler_address]) == 0
    assert dump_ledger(one) == dump_ledger(two)


def test_a_worker_killed_mid_run_loses_no_document(cluster, export, tmp_path, capsys):
    local, client = cluster
    path, single = export
    db = tmp_path / "dask.db"
    status: list[int] = []
    run = threading.Thread(target=lambda: status.append(main(
        ["index", "--articles", str(path), "--ledger", str(db), "--executor", "dask",
         "--scheduler", local.scheduler_address])))
    run.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and run.is_alive():
        busy = [w for w, tasks in client.processing().items() if tasks]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)            # the worker process, not its nanny: it comes back
            killed = pid
        time.sleep(0.05)
    run.join(120)
    assert killed is not None, "no task was seen running"
    assert status == [0]
    assert dump_ledger(db) == single
    client.wait_for_workers(2, timeout=30)          # (the nanny has started a new worker)


def test_an_unreachable_scheduler_is_exit_2_before_any_work(tmp_path, capsys, monkeypatch):
    import socket

    import checker.executor

    monkeypatch.setattr(checker.executor, "CONNECT_TIMEOUT_S", 1)
    with socket.socket() as s:                      # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    export = tmp_path / "a.jsonl"
    write_jsonl(export, records(2))
    db = tmp_path / "l.db"
    assert main(["index", "--articles", str(export), "--ledger", str(db), "--executor", "dask",
                 "--scheduler", f"tcp://127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err
    assert f"--scheduler tcp://127.0.0.1:{port}: no Dask scheduler answers there" in err
    assert len(err.strip().splitlines()) == 1 and not db.exists()


def test_without_dask_it_is_exit_2(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)       # import distributed: ImportError
    export = tmp_path / "a.jsonl"
    write_jsonl(export, records(2))
    assert main(["index", "--articles", str(export), "--ledger", str(tmp_path / "l.db"), "--executor", "dask"]) == 2
    assert "pip install 'claimcheck[dask]'" in capsys.readouterr().err
    assert main(["index", "--articles", str(export), "--ledger", str(tmp_path / "l.db"), "--scheduler", "x"]) == 2


def _stamp_other():
    import checker.executor

    checker.executor._real_stamp = checker.executor.code_stamp
    checker.executor.code_stamp = lambda: "another claimcheck"


def _stamp_back():
    import checker.executor

    checker.executor.code_stamp = checker.executor._real_stamp


def test_workers_running_another_claimcheck_are_refused_before_any_work(cluster, export, tmp_path, capsys):
    local, client = cluster
    path, _ = export
    db = tmp_path / "dask.db"
    client.run(_stamp_other)          # (as if the workers were started before an upgrade)
    try:
        assert main(["index", "--articles", str(path), "--ledger", str(db), "--executor", "dask",
                     "--scheduler", local.scheduler_address]) == 2
    finally:
        client.run(_stamp_back)
    err = capsys.readouterr().err
    assert "2 of the cluster's 2 workers" in err and "another claimcheck" in err and "Traceback" not in err
    assert not db.exists()
