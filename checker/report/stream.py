"""JSON documents written record by record: what ``json.dumps(doc, indent=2)`` would give, byte
for byte, without building it as one string (a report of a million claims stays small in memory).

The document is built with :data:`ITEMS` where its one long list goes; :func:`json_chunks`
renders the rest once and streams the list's items into that place.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

ITEMS = "\x00claimcheck: the streamed list\x00"     # (no real value holds NUL characters)


def json_chunks(doc: dict, items: Iterable[dict], finish: Callable[[dict], None] | None = None) -> Iterator[str]:
    """``json.dumps(doc, ensure_ascii=False, indent=2) + "\\n"`` with the list ``items`` in
    place of :data:`ITEMS`, in pieces of one item each. ``finish``, when given, is called with
    ``doc`` once the items are written, to fill in what follows the list (a count, say)."""
    head = json.dumps(doc, ensure_ascii=False, indent=2).split(json.dumps(ITEMS), 1)[0]
    line = head[head.rfind("\n") + 1:]
    outer = " " * (len(line) - len(line.lstrip(" ")))
    inner = outer + "  "
    yield head
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + inner)
        yield ("[\n" if first else ",\n") + inner + text
        first = False
    if finish is not None:
        finish(doc)
    tail = json.dumps(doc, ensure_ascii=False, indent=2).split(json.dumps(ITEMS), 1)[1]
    yield ("[]" if first else f"\n{outer}]") + tail + "\n"
