"""JSON documents written record by record, without building them as one string (a report of a
million claims stays small in memory): laid out as ``json.dumps(doc, indent=2)`` would, except
that each record of the long list is one line, written by the C encoder.

The document is built with :data:`ITEMS` where its one long list goes; :func:`json_chunks`
renders the rest once and streams the list's items into that place.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

ITEMS = "\x00claimcheck: the streamed list\x00"     # (no real value holds NUL characters)


_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def json_chunks(doc: dict, items: Iterable[dict], finish: Callable[[dict], None] | None = None) -> Iterator[str]:
    """``doc`` as ``json.dumps(doc, ensure_ascii=False, indent=2)`` lays it out, with the list
    ``items`` in place of :data:`ITEMS`, one item a line, in pieces of one item each.
    ``finish``, when given, is called with ``doc`` once the items are written, to fill in what
    follows the list (a count, say)."""
    head = json.dumps(doc, ensure_ascii=False, indent=2).split(json.dumps(ITEMS), 1)[0]
    line = head[head.rfind("\n") + 1:]
    outer = " " * (len(line) - len(line.lstrip(" ")))
    inner = outer + "  "
    yield head
    first = True
    for item in items:
        # one record a line, by the C encoder (indent would take the pure-Python one, several
        # times slower on a report of many findings)
        yield ("[\n" if first else ",\n") + inner + _compact(item)
        first = False
    if finish is not None:
        finish(doc)
    tail = json.dumps(doc, ensure_ascii=False, indent=2).split(json.dumps(ITEMS), 1)[1]
    yield ("[]" if first else f"\n{outer}]") + tail + "\n"
