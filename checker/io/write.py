"""Writing a file all or nothing: a temporary file beside it, renamed over the target."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from checker.errors import UserError


def write_atomically(path: str | Path, text: str, what: str = "the output") -> None:
    """Write ``text`` (UTF-8) to ``path``; on any failure nothing is left half-written."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise UserError(f"{path}: cannot write {what} ({e.strerror or e}).") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as out:    # (see cli._stdout)
            out.write(text)
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UserError(f"{path}: cannot write {what} ({e.strerror or e}).") from None
