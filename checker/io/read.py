"""Placeholder: to be written (files, directories, stdin; encoding detection)."""

from __future__ import annotations

from checker.io.document import Document


def read_paths(paths, stdin=None) -> list[Document]:
    raise NotImplementedError
