"""Where documents are checked: in this process, in a pool of local processes, or as tasks of a
Dask cluster (``--executor dask``) — the same work, the same results, in the same order.

Documents travel in batches (a task per ``BATCH`` documents: a task costs the scheduler about a
millisecond, an article tens of milliseconds to check), and at most a few batches per worker
are in flight at once, so that memory stays bounded whatever the size of the input: the input
is read only as fast as results come back. Results are given back in input order, so that one
writer (the parent) files them in the order a single process would, and the ledger is the
same. A worker that dies loses no document: Dask gives its tasks to another worker, and what a
retried batch writes again is unchanged (the ledger skips an unchanged document).

A worker sends back claims and findings, not the texts it was given: the parent has them.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from checker.errors import UserError

__all__ = ["BATCH", "Broken", "bitext_paths", "check_all", "check_batch", "check_one", "guarded",
           "index_batch", "map_batches", "restore_texts"]

BATCH = 100                 # documents a task: news articles of a few KB each
IN_FLIGHT_PER_WORKER = 3    # batches submitted ahead per worker: none idles while one result is filed
CONNECT_TIMEOUT_S = 5       # a scheduler address that does not answer in this time is wrong


@dataclass
class Broken:
    """A document whose processing raised: a bug of ours, that document's error, not the run's."""
    paths: list[str]
    error: str                         # "TypeError: ..."
    trace: str                         # the traceback, shown with CLAIMCHECK_DEBUG=1


def guarded(work, item, paths: list[str]):
    """``work(item)``, or a Broken naming ``paths`` when it raises (KeyboardInterrupt and
    SystemExit are not caught: they end the run)."""
    try:
        return work(item)
    except Exception as e:               # noqa: BLE001 — every bug is one document's error
        import traceback

        return Broken(paths, f"{type(e).__name__}: {e}", traceback.format_exc())


def bitext_paths(bitext) -> list[str]:
    return sorted({seg.path for seg in bitext.source + bitext.target})


def check_one(bitext, as_of: str | None):
    from checker.engine import check_bitext

    return guarded(lambda b: check_bitext(b, as_of=as_of), bitext, bitext_paths(bitext))


_FORKED: list = []          # the bitexts forked workers inherit: an index crosses the pipe, not a text


def _check_nth(i: int, as_of: str | None):
    """In a forked worker: the check of the i-th bitext, without the texts of its files (the
    parent has them; sending them back would cost as much as the check)."""
    bitext = _FORKED[i]
    result = check_one(bitext, as_of)
    if isinstance(result, Broken):
        return result
    verbatim = {seg.path for seg in bitext.source + bitext.target if seg.verbatim}
    return replace(result, files=tuple((p, None if p in verbatim else t, c) for p, t, c in result.files))


def restore_texts(bitext, result):
    """A worker's result with its files' texts put back from the bitext the parent holds."""
    if isinstance(result, Broken):
        return result
    texts = {seg.path: seg.doc_text for seg in bitext.source + bitext.target if seg.verbatim}
    return replace(result, files=tuple((p, texts[p] if t is None else t, c) for p, t, c in result.files))


def check_all(bitexts, as_of: str | None, jobs: int):
    """Each bitext's CheckResult, in order, as it comes (``index`` writes each one and lets it
    go), or a Broken for one whose check raised; in ``jobs`` processes when there is more than
    one. The workers are forked once for the run and inherit the bitexts: only indices go to
    them, and only claims and findings come back."""
    import multiprocessing
    from functools import partial

    if jobs <= 1 or len(bitexts) < 2:
        yield from map(partial(check_one, as_of=as_of), bitexts)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(bitexts) // (4 * jobs)))
    if "fork" not in multiprocessing.get_all_start_methods():      # (not on Windows): send the texts
        with ProcessPoolExecutor(max_workers=min(jobs, len(bitexts))) as pool:
            yield from pool.map(partial(check_one, as_of=as_of), bitexts, chunksize=chunk)
        return
    # the first document here, before the fork: what is loaded on first use (the vocabulary, the
    # compiled patterns, pint, cn2an: a second or two) is then inherited, not loaded by each worker
    yield check_one(bitexts[0], as_of)
    rest = bitexts[1:]
    _FORKED[:] = rest
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(rest)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            for bitext, result in zip(rest, pool.map(partial(_check_nth, as_of=as_of), range(len(rest)),
                                                     chunksize=chunk)):
                yield restore_texts(bitext, result)
    finally:
        _FORKED.clear()


def check_batch(batch: list) -> list:
    """In a worker: each (bitext, as_of)'s CheckResult (or Broken), without the texts of its
    files, which the parent puts back (:func:`restore_texts`)."""
    return [_stripped(bitext, check_one(bitext, as_of)) for bitext, as_of in batch]


def index_batch(batch: list) -> list:
    """In a worker, for ``index``: each (bitext, as_of)'s (CheckResult or Broken, what the keys
    of its files' claims are made of), so that the one writer only writes."""
    from checker.ledger import key_inputs_of

    out = []
    for bitext, as_of in batch:
        result = check_one(bitext, as_of)
        made_of = guarded(lambda r: key_inputs_of(r, as_of), result, bitext_paths(bitext)) \
            if not isinstance(result, Broken) else None
        if isinstance(made_of, Broken):
            result, made_of = made_of, None
        out.append((_stripped(bitext, result), made_of))
    return out


def _stripped(bitext, result):
    if isinstance(result, Broken):
        return result
    verbatim = {seg.path for seg in bitext.source + bitext.target if seg.verbatim}
    return replace(result, files=tuple((p, None if p in verbatim else t, c) for p, t, c in result.files))


def map_batches(fn: Callable[[list], list], batches: Iterable[list], *, jobs: int = 1,
                client=None) -> Iterator[tuple[list, list]]:
    """(batch, fn(batch)) for each batch, in input order: here (``jobs`` 1), in ``jobs`` local
    processes, or as tasks of the Dask ``client`` (see :func:`dask_client`). ``fn`` must be
    importable by the workers."""
    if client is not None:
        yield from _on_dask(fn, batches, client)
    elif jobs <= 1:
        for batch in batches:
            yield batch, fn(batch)
    else:
        yield from _on_pool(fn, batches, jobs)


def _in_order(submit, batches: Iterable[list], window: int) -> Iterator[tuple[list, list]]:
    """Submit batches ahead, at most ``window`` unfinished, and give results in input order
    (``submit(batch)`` returns a future with ``.result()``)."""
    pending: deque = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            batch, future = pending.popleft()
            yield batch, future.result()
    while pending:
        batch, future = pending.popleft()
        yield batch, future.result()


def _on_pool(fn, batches, jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forked workers inherit what the parent set up (the rules, the configuration's tolerances),
    # and what the first batch, done here before the fork, loaded on first use (as check_all)
    context = (multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods()
               else None)
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return
    yield first, fn(first)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from _in_order(lambda b: pool.submit(fn, b), batches, jobs * IN_FLIGHT_PER_WORKER)


def dask_client(scheduler: str | None):
    """(client, cluster): a client of the scheduler at ``scheduler``, or of a new local cluster
    of one single-threaded worker process per core (cluster then to be closed with the client).
    UserError when Dask is not installed or the scheduler does not answer."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UserError("--executor dask needs Dask's distributed scheduler, which is not installed: "
                        "pip install 'claimcheck[dask]' (or 'dask[distributed]'), or leave out "
                        "--executor dask to index in this process (--jobs N for N processes).") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError, TypeError) as e:
            raise UserError(f"--scheduler {scheduler}: no Dask scheduler answers there within "
                            f"{CONNECT_TIMEOUT_S} s ({type(e).__name__}: {e}). Start one with 'dask scheduler' "
                            "and give the address it prints (tcp://HOST:8786), or leave out --scheduler "
                            "to use a local cluster.") from None
        _same_claimcheck(client, scheduler)
        return client, None
    # one process per core this process may run on, one thread each: the checker is pure Python,
    # so threads would share one interpreter lock; the scheduler's HTTP server (dashboard) on a
    # free port, not on 8787, which another cluster of a shared machine may hold
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    cluster = LocalCluster(n_workers=cores, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def code_stamp() -> str:
    """This claimcheck: its code and its rules (a digest of the package's files)."""
    import hashlib
    from pathlib import Path

    from checker.ledger import recipe

    digest = hashlib.sha256(recipe().encode())
    for f in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def _same_claimcheck(client, scheduler: str) -> None:
    """A worker that runs another claimcheck (another version, other rules, or code changed
    since it started) would read documents otherwise, or fail to load the task: refused before
    any work, in one paragraph, not met as a failure in the middle of a run."""
    here = code_stamp()
    try:
        theirs = client.run(code_stamp)
    except Exception as e:           # noqa: BLE001 — a worker that cannot even import claimcheck
        client.close()
        raise UserError(f"--scheduler {scheduler}: the cluster's workers could not run claimcheck "
                        f"({type(e).__name__}: {e}). Install this claimcheck where the workers run.") from None
    other = sorted(w for w, stamp in theirs.items() if stamp != here)
    if other:
        client.close()
        raise UserError(f"--scheduler {scheduler}: {len(other)} of the cluster's {len(theirs)} workers "
                        f"({', '.join(other[:3])}{' …' if len(other) > 3 else ''}) run another claimcheck "
                        "than this one (another version, other rules, or code changed since they started): "
                        "they would read documents otherwise. Restart them with this claimcheck installed.")


def _on_dask(fn, batches, client):
    # pure=False: a batch is not hashed for a key (it would cost as much as sending it), and two
    # equal batches are two tasks
    from distributed import KilledWorker

    threads = sum(client.nthreads().values()) or 1
    try:
        yield from _in_order(lambda b: client.submit(fn, b, pure=False), batches, threads * IN_FLIGHT_PER_WORKER)
    except KilledWorker as e:
        # a worker that dies has its tasks given to another; one batch that ended several
        # workers in turn (out of memory?) ends the run: what was filed before stays filed
        raise UserError(f"a batch of documents ended {_allowed_failures()} Dask workers in turn (out of memory, or "
                        f"killed: {e}); the documents filed before it are in the ledger, and indexing again "
                        "skips them.") from None


def _allowed_failures() -> str:
    import dask

    return str(dask.config.get("distributed.scheduler.allowed-failures", "several"))


def close_dask(client, cluster) -> None:
    client.close()
    if cluster is not None:
        cluster.close()


def batched(items: Iterable, size: int = BATCH) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
