"""Writing a report or a baseline into what ``--output`` names, all or nothing.

* A regular file (new, or there already) is written to a temporary file beside it, which then
  replaces it in one rename: a reader sees the old report or the new one, never half of one. An
  existing file keeps its permission bits; a new one gets 0666 less the umask, as the shell's
  ``>`` would give it.
* A symbolic link is followed: its target is replaced (atomically, as above); the link stays.
* Anything else that is there — a device (/dev/null), a FIFO, a socket, a terminal — and the
  names of the process's own streams (/dev/stdout, /dev/fd/N, /proc/self/fd/N) are written into
  directly: replacing them would turn /dev/null into a file, or write where nobody reads.
* A target nobody may write (no write permission bit at all, ``chmod a-w``, or, for a user who
  is not root, one the user may not write) is refused before any work (:func:`check_output`): claimcheck does not
  overwrite what was made read-only, even as root.
* The temporary file is removed on every way out: an error, Ctrl-C, SIGTERM and SIGHUP (the
  command line turns those two into an exception, so this code's ``finally`` runs). Only
  SIGKILL can leave one; its name carries the writer's process id, and the next write to the
  same path removes any whose process is gone (or whose id is now this process's, unless this
  process is writing it). An id taken since by another living process keeps a stale file.

Text is streamed: :func:`open_output` gives a text stream the renderers write record by record,
so memory does not grow with the size of the report.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from checker.errors import UserError

# the process's own streams, and terminals: written into, never replaced
_STREAM_NAMES = re.compile(r"^/(?:dev/(?:stdout|stderr|stdin|fd/\d+|tty)|proc/(?:self|\d+)/fd/\d+)$")
# which of them are a descriptor this process holds: written through that descriptor, not opened
# again — reopening /dev/stdout truncates the file a shell's `>>` (or a `{ ...; } >` group) is
# appending to, and writes from its start instead of where the stream is
_OWN_FD = re.compile(r"^/(?:dev/(?P<std>stdin|stdout|stderr)|dev/fd/(?P<fd>\d+)|proc/self/fd/(?P<pfd>\d+))$")
_STD_FD = {"stdin": 0, "stdout": 1, "stderr": 2}


def _temp_prefix(name: str) -> str:
    return f".{name}.claimcheck-{os.getpid()}."


_TEMP = re.compile(r"^\.(?P<name>.+)\.claimcheck-(?P<pid>\d+)\.[^.]+\.tmp$")


# the temporaries this process is writing now. A killed writer's process id may be ours (in a
# container the same command often gets the same small id): such a file is stale unless it is here.
_WRITING: set[str] = set()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False                 # ours, and not being written (see _WRITING)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True          # it exists, and belongs to somebody else
    return True


def _remove_stale(directory: Path, name: str) -> None:
    """Remove the temporary files a killed claimcheck left beside ``name`` (their process is gone)."""
    try:
        entries = os.listdir(directory)
    except OSError:
        return
    for entry in entries:
        m = _TEMP.match(entry)
        if m and m.group("name") == name and str(directory / entry) not in _WRITING and not _alive(int(m.group("pid"))):
            with contextlib.suppress(OSError):
                os.unlink(directory / entry)


_HELD = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block is done: between the temporary file's
    creation and the moment its name is known to the ``finally`` that removes it (and during that
    removal) a signal would leave it behind. Blocked signals are delivered on leaving, as soon as
    the cleanup is armed."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    except (AttributeError, OSError, ValueError):          # a platform without it
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _problem(path: str | Path, what: str, e: OSError) -> UserError:
    return UserError(f"{path}: cannot write {what} ({e.strerror or e}). Check that its folder exists and "
                     "that you may write there, or name another file.")


def _refuse_read_only(path: str | Path, info: os.stat_result, what: str) -> None:
    no_write_bit = not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if no_write_bit or not os.access(path, os.W_OK):
        raise UserError(f"{path}: will not overwrite {what}: the file is read-only. Make it writable "
                        f"(chmod u+w {path}) or name another file.")


def _what_is_there(path: str | Path, what: str) -> os.stat_result | None:
    """What ``path`` names (a link followed), None if nothing; a directory or a read-only file is
    refused."""
    try:
        info = os.stat(path)                          # follows a symbolic link to its target
    except FileNotFoundError:
        return None
    except OSError as e:
        raise _problem(path, what, e) from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{path}: cannot write {what}: it is a directory. Name a file in it.")
    if stat.S_ISREG(info.st_mode):
        _refuse_read_only(path, info, what)
    return info


def check_output(path: str | Path | None, what: str = "the output") -> None:
    """Refuse, before any work is done, what :func:`open_output` would refuse after it: a
    read-only file, a folder that is not there or not writable. (Checked again when
    the output is written: this only spares a long run whose report could not be kept.)"""
    if path is None or str(path) == "-" or _STREAM_NAMES.match(str(path)):
        return
    if os.path.isdir(path):
        return                       # the command line names the option for a directory (README)
    if _what_is_there(path, what) is not None:
        return
    folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        raise _problem(path, what, FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _problem(path, what, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))


@contextlib.contextmanager
def open_output(path: str | Path, what: str = "the output") -> Iterator[TextIO]:
    """A UTF-8 text stream that ends up in ``path`` only if the block finishes; see the module."""
    shown = str(path)
    if _STREAM_NAMES.match(shown):
        with _direct(shown, what) as out:
            yield out
        return
    info = _what_is_there(path, what)
    if info is not None and not stat.S_ISREG(info.st_mode):
        with _direct(shown, what) as out:             # a device, a FIFO, a socket
            yield out
        return
    target = Path(os.path.realpath(path))             # a link's target is what is replaced
    _remove_stale(target.parent, target.name)
    tmp = None
    try:
        with _signals_held():                         # made and named as one step
            try:
                fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target.name), suffix=".tmp", dir=target.parent)
            except OSError as e:
                raise _problem(path, what, e) from None
            _WRITING.add(tmp)
        os.fchmod(fd, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        if info is not None and (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
            # root rewriting somebody's report leaves it theirs (a user may give it one of their
            # groups); when that is not allowed the file is still written, as ours
            with contextlib.suppress(OSError):
                os.fchown(fd, info.st_uid, info.st_gid)
                os.fchmod(fd, stat.S_IMODE(info.st_mode))  # chown clears set-id bits
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="") as out:
            yield out
        os.replace(tmp, target)
    except OSError as e:
        raise _problem(path, what, e) from None
    finally:
        if tmp is not None:
            with _signals_held(), contextlib.suppress(OSError):   # gone already when renamed
                os.unlink(tmp)
            _WRITING.discard(tmp)


@contextlib.contextmanager
def _direct(path: str, what: str) -> Iterator[TextIO]:
    own = _OWN_FD.match(path)
    try:
        if own:
            if own.group("std") == "stdout":
                sys.stdout.flush()                # what Python holds goes first, in order
            fd = _STD_FD[own.group("std")] if own.group("std") else int(own.group("fd") or own.group("pfd"))
            out = open(os.dup(fd), "w", encoding="utf-8", errors="replace", newline="")
        else:
            out = open(path, "w", encoding="utf-8", errors="replace", newline="")
    except OSError as e:
        raise _problem(path, what, e) from None
    try:
        yield out
    finally:
        with contextlib.suppress(OSError):
            out.close()


class _Stdout:
    """Standard output as a text stream of UTF-8 whatever the locale says (claims are Chinese and
    English text). A file name of bytes that are not UTF-8 reaches a report as surrogate escapes:
    written as "?", so that every report is valid UTF-8 (text formats show U+FFFD already)."""

    def __init__(self) -> None:
        self._buffer = getattr(sys.stdout, "buffer", None)
        self._pending: list[bytes] = []
        self._size = 0
        sys.stdout.flush()

    def write(self, text: str) -> int:
        if self._buffer is None:
            return sys.stdout.write(text)
        data = text.encode("utf-8", "replace")
        self._pending.append(data)
        self._size += len(data)
        if self._size >= 1 << 16:             # a few large writes, not one per record
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._buffer is not None and self._pending:
            self._buffer.write(b"".join(self._pending))
            self._pending, self._size = [], 0
        sys.stdout.flush()

    def isatty(self) -> bool:
        return False


@contextlib.contextmanager
def output_stream(path: str | Path | None, what: str = "the output") -> Iterator[TextIO]:
    """Where a report goes: :func:`open_output` of ``path``, or standard output when ``path``
    is None or "-"."""
    if path is None or str(path) == "-":
        out = _Stdout()
        yield out                                 # type: ignore[misc]
        out.flush()
        return
    with open_output(path, what) as out:
        yield out


def write_chunks(path: str | Path | None, chunks: Iterable[str], what: str = "the output") -> None:
    """Write ``chunks`` as they come to ``path`` (see :func:`output_stream`)."""
    with output_stream(path, what) as out:
        for chunk in chunks:
            out.write(chunk)


def write_atomically(path: str | Path, text: str, what: str = "the output") -> None:
    """Write ``text`` to ``path``; on any failure nothing is left half-written."""
    write_chunks(path, (text,), what)
