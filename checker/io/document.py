"""The document as read: its text, and a same-length view of it with markup blanked."""

from __future__ import annotations

from dataclasses import dataclass

# Markup that is not text is replaced, character for character, by this placeholder, so that
# offsets into the view are offsets into the text. Normalisation drops it.
SENTINEL = "\x00"


@dataclass(frozen=True, slots=True)
class Document:
    path: str          # as the user named it ("<stdin>" for standard input)
    text: str          # decoded text exactly as read (a BOM is not part of it); offsets point here
    view: str          # same length as text: markup → SENTINEL, block-level markup → "\n" + SENTINELs
    format: str        # "text" | "markdown" | "html"
    encoding: str      # codec the bytes were decoded with, e.g. "utf-8", "gb18030", "big5", "utf-16"
