"""Reading documents: files, directories (walked), and standard input ("-").

``read_paths(paths, stdin=None)`` returns one ``Document`` per file read, in the order the paths
were given; a directory contributes its files in sorted order (by path component, depth first).

* A file named explicitly is read whatever its extension; an empty one is an error here (the
  command line asks :func:`blank_file` first and names an empty document as a notice instead).
* A directory is walked recursively. Hidden files and directories (name starting with ".") are
  skipped, and so are files with other extensions than SUPPORTED_EXTENSIONS; a file with no
  extension is read only if it decodes as text; empty files are skipped. A directory with no
  readable file is an error. Symbolic links are followed (each directory is visited once).
  With ``on_error``, a file that cannot be read — named, or a supported file of a directory — is
  given to it and skipped, and the rest is read (one bad file never hides the others). A file the
  walk found that is gone when it is read was deleted or moved meanwhile, and is said so.
* "-" is standard input (``stdin``, or ``sys.stdin.buffer``), read once; its path is "<stdin>".

Every problem is raised as ``checker.errors.InputError`` with one paragraph that names the path
and says what to do; no ``OSError`` or ``UnicodeError`` escapes.

Format: by extension (.md/.markdown → "markdown", .html/.htm/.xhtml → "html", anything else →
"text"), except that content starting (after whitespace and an optional ``<?xml ...?>``) with
``<!DOCTYPE html`` or ``<html`` is "html" whatever the extension, and on standard input.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Sequence
from typing import BinaryIO

from checker.errors import InputError
from checker.io.document import Document
from checker.io.encoding import decode
from checker.io.markup import blank_markup

__all__ = ["read_paths", "detect_format", "blank_file", "blank_data", "read_stdin", "SUPPORTED_EXTENSIONS",
           "STDIN_PATH"]

STDIN_PATH = "<stdin>"

SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

_HTML_START = re.compile(
    r"\A\s*+(?:<\?xml[^>]{0,500}+>\s*+)?(?:<!doctype\s++html(?=[\s>])|<html(?=[\s>/]|\Z))", re.I)


def detect_format(path: str, text: str) -> str:
    """"html", "markdown" or "text", from the content first, then the extension of ``path``."""
    if _HTML_START.match(text[:1000]):
        return "html"
    ext = os.path.splitext(path)[1].lower()
    return SUPPORTED_EXTENSIONS.get(ext, "text")


# ----------------------------------------------------------------------------------------------
# Errors


def _os_problem(path: str, exc: OSError) -> InputError:
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"Cannot read {path}: permission denied. Check that you may read it "
                          f"(ls -l {path}) or leave it out.")
    if isinstance(exc, FileNotFoundError):
        return _missing(path)
    reason = exc.strerror or str(exc)
    return InputError(f"Cannot read {path}: {reason}. Check that the path is a readable file "
                      "or directory and try again.")


def _missing(path: str) -> InputError:
    if os.path.islink(path):
        return InputError(f"Cannot read {path}: it is a symbolic link to a file that does not "
                          "exist. Fix the link or name the file it should point to.")
    return InputError(f"Cannot read {path}: no such file or directory. Check the spelling of "
                      "the path, or use - to read standard input.")


def vanished(path: str) -> InputError:
    """A file the walk of a folder found, gone by the time it is read: no spelling to check."""
    return InputError(f"Cannot read {path}: the file was found in its folder but is gone now "
                      "(deleted or moved while claimcheck ran). Run again to check it.")


def _empty(path: str) -> InputError:
    return InputError(f"Cannot read {path}: it is empty, so there is nothing to check. Name a "
                      "file that has text in it.")


# ----------------------------------------------------------------------------------------------
# Reading


def _read_bytes(path: str, walked: bool = False) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise (vanished(path) if walked and not os.path.islink(path) else _missing(path)) from None
    except OSError as exc:
        raise _os_problem(path, exc) from None


def _document(path: str, data: bytes, format_path: str | None = None) -> Document | None:
    """The document for these bytes, or None if they hold no text at all."""
    text, encoding = decode(data, path)
    if not text:
        return None
    fmt = detect_format(format_path if format_path is not None else path, text)
    return Document(path=path, text=text, view=blank_markup(text, fmt), format=fmt,
                    encoding=encoding)


def _read_file(path: str) -> Document:
    document = _document(path, _read_bytes(path))
    if document is None:
        raise _empty(path)
    return document


def blank_data(data: bytes, path: str = STDIN_PATH) -> bool:
    """Whether these bytes hold no text: nothing, a byte order mark, or only white space. Bytes
    that cannot be decoded are not blank: reading them says what is wrong."""
    if not data.strip():
        return True
    try:
        text, _ = decode(data, path)
    except InputError:
        return False
    return not text.strip()


def blank_file(path: str) -> bool:
    """Whether ``path`` is a regular file holding no text (0 bytes, or only white space). False
    for anything else, including a file that cannot be read: reading it says why."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return blank_data(handle.read(), path)
    except (OSError, ValueError):
        return False


def read_stdin(stdin: BinaryIO | None = None) -> bytes:
    """Standard input's bytes (``stdin``, or ``sys.stdin.buffer``), read once; InputError if
    there is none or it cannot be read."""
    return _read_stdin(stdin)


def _read_stdin(stdin: BinaryIO | None) -> bytes:
    stream = stdin
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:
        raise InputError("Cannot read standard input: there is none. Pipe a document into "
                         "claimcheck or name a file instead of -.")
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(f"Cannot read standard input: {exc.strerror or exc}. Pipe a document "
                         "into claimcheck or name a file instead of -.") from None
    except UnicodeDecodeError:
        raise InputError("Cannot read standard input: it is not valid text in the terminal's "
                         "encoding. Save it to a file and name the file instead of -.") from None
    except ValueError:   # closed or detached stream
        raise InputError("Cannot read standard input: it is closed. Pipe a document into "
                         "claimcheck or name a file instead of -.") from None
    if isinstance(data, str):   # a text stream (e.g. a replaced sys.stdin): take its characters
        try:
            data = data.encode("utf-8", "surrogateescape")   # undoes surrogateescape decoding
        except UnicodeEncodeError:
            data = data.encode("utf-8", "surrogatepass")
    return data or b""


def walk_files(top: str) -> list[str]:
    """Every regular file under ``top``, depth first in sorted order, hidden ones skipped, each
    directory visited once (a symbolic link back up the tree cannot loop)."""
    files: list[str] = []
    visited: set[tuple[int, int]] = set()

    def visit(directory: str) -> None:
        try:
            info = os.stat(directory)
            key = (info.st_dev, info.st_ino)
            if key in visited:
                return
            visited.add(key)
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            raise _os_problem(directory, exc) from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(directory, entry.name)
            try:
                mode = os.stat(path).st_mode      # follows symbolic links
            except OSError:
                continue                          # broken link or vanished: not a document
            if stat.S_ISDIR(mode):
                visit(path)
            elif stat.S_ISREG(mode):              # never FIFOs, sockets or devices
                files.append(path)

    visit(top)
    return files


def _walk(top: str) -> list[tuple[str, bool]]:
    """Files under ``top`` read as documents, each with: has it a supported extension (else none)."""
    files = []
    for path in walk_files(top):
        ext = os.path.splitext(path)[1].lower()
        if ext in SUPPORTED_EXTENSIONS or ext == "":
            files.append((path, ext != ""))
    return files


def _read_directory(top: str, on_error=None) -> list[Document]:
    documents = []
    skipped = False
    for path, supported in _walk(top):
        try:
            document = _document(path, _read_bytes(path, walked=True))
        except InputError as exc:
            if supported and on_error is None:   # a .txt/.md/.html file that cannot be read is
                raise                            # an error, not skipped in silence
            if supported:
                on_error(exc)                    # said, skipped, the rest read
                skipped = True
            document = None  # a file without an extension counts only if it is text
        if document is not None:      # empty files are skipped
            documents.append(document)
    if not documents and skipped:     # every file was bad: each one has been reported
        return documents
    if not documents:
        kinds = " ".join(sorted(SUPPORTED_EXTENSIONS))
        raise InputError(
            f"Cannot read {top}: the directory has no readable, non-empty text files ({kinds}, "
            "or text files without an extension; hidden files and other extensions are "
            "skipped). Name the files to check directly, or point at the directory that holds "
            "them.")
    return documents


def read_paths(paths: Sequence[str], stdin: BinaryIO | None = None, on_error=None) -> list[Document]:
    """Read every path ("-" is standard input) into Documents; raise InputError on bad input, or,
    for a file that cannot be read (named or found in a directory), give it to ``on_error`` and go
    on when that is given (standard input still raises: there is no other input to go on to)."""
    if isinstance(paths, (str, bytes)):
        raise TypeError("read_paths takes a sequence of paths, not a single string")
    documents: list[Document] = []
    stdin_document: Document | None = None
    for path in paths:
        if path == "-":        # read once, however often it is named
            if stdin_document is None:
                stdin_document = _document(STDIN_PATH, _read_stdin(stdin), format_path="")
                if stdin_document is None:
                    raise InputError("Cannot read standard input: it is empty, so there is "
                                     "nothing to check. Pipe a document into claimcheck or name "
                                     "a file.")
            documents.append(stdin_document)
            continue
        try:
            if _is_directory(path):
                documents.extend(_read_directory(path, on_error))
            else:
                documents.append(_read_file(path))
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)            # said, skipped: the other files are still read
    return documents


def _is_directory(path: str) -> bool:
    """Whether ``path`` names a directory; InputError if it names nothing that can be read."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except FileNotFoundError:
        raise _missing(path) from None
    except (OSError, ValueError) as exc:   # ValueError: a path with a NUL byte in it
        if isinstance(exc, OSError):
            raise _os_problem(path, exc) from None
        raise InputError(f"Cannot read {path!r}: that is not a valid path. Check how the "
                         "path was written.") from None
