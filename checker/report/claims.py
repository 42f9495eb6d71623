"""Rendering extracted claims: JSON lines, one JSON document, or a rich table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from checker import __version__
from checker.model import Claim
from checker.report import stream


def jsonl_chunks(claims: Iterable[Claim]) -> Iterator[str]:
    for c in claims:
        yield json.dumps(c.to_json(), ensure_ascii=False) + "\n"


def json_chunks(claims: Iterable[Claim], files: int) -> Iterator[str]:
    """The JSON document of ``claims``, which may come as they are extracted (counted as they go)."""
    count = 0

    def each():
        nonlocal count
        for c in claims:
            count += 1
            yield c.to_json()

    def finish(doc: dict) -> None:
        doc["summary"]["claims"] = count

    doc = {
        "version": 1,
        "tool": {"name": "claimcheck", "version": __version__},
        "claims": stream.ITEMS,
        "summary": {"files": files, "claims": 0},
    }
    return stream.json_chunks(doc, each(), finish)


def to_jsonl(claims: Sequence[Claim]) -> str:
    return "".join(jsonl_chunks(claims))


def to_json(claims: Sequence[Claim], files: int) -> str:
    return "".join(json_chunks(claims, files))


def to_table(claims: Sequence[Claim], path: str, width: int = 240):
    """A rich Table of one file's claims (rich measures wide characters, so columns align). Under
    120 columns it folds language, unit, qualifier and flags into fewer, wrapped columns, so that
    an 80-column terminal still reads every value."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=path, title_justify="left", header_style="bold", expand=False,
                  show_lines=False, pad_edge=False)
    narrow = width < 120
    columns = ((("line:col", {"justify": "right", "no_wrap": True}), ("kind", {}), ("text", {"style": "cyan"}),
                ("value", {"justify": "right", "overflow": "fold"}), ("subject", {"style": "green", "overflow": "fold"}))
               if narrow else
               (("line:col", {"justify": "right", "no_wrap": True}), ("lang", {}), ("kind", {}),
                ("text", {"style": "cyan"}), ("value", {"justify": "right"}), ("unit", {}), ("qualifier", {}),
                ("subject", {"style": "green"}), ("flags", {"style": "yellow"})))
    for name, kw in columns:
        table.add_column(name, **kw)
    for c in claims:
        unit = c.unit if c.unit and c.kind not in ("date", "date_range") else ""
        value = str(c.value) if c.kind != "year" else c.describe_value()
        if narrow:
            said = " ".join(x for x in (c.qualifier, value, unit) if x)
            table.add_row(f"{c.line}:{c.column}", c.kind, Text(" ".join(c.text.split()), overflow="fold"), said,
                          c.subject or "")
        else:
            table.add_row(f"{c.line}:{c.column}", c.lang, c.kind, Text(" ".join(c.text.split())), value, unit,
                          c.qualifier or "", c.subject or "", ", ".join(c.flags))
    return table
