"""Reading documents: files, directories, stdin; encodings; plain text, Markdown, HTML."""

from checker.io.document import Document, SENTINEL
from checker.io.read import read_paths

__all__ = ["Document", "SENTINEL", "read_paths"]
