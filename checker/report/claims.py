"""Rendering extracted claims: JSON lines, one JSON document, or a rich table for people."""

from __future__ import annotations

import json
from collections.abc import Sequence

from checker import __version__
from checker.model import Claim


def to_jsonl(claims: Sequence[Claim]) -> str:
    return "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in claims)


def to_json(claims: Sequence[Claim], files: int) -> str:
    doc = {
        "version": 1,
        "tool": {"name": "claimcheck", "version": __version__},
        "claims": [c.to_json() for c in claims],
        "summary": {"files": files, "claims": len(claims)},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_table(claims: Sequence[Claim], path: str):
    """A rich Table of one file's claims (rich measures wide characters, so columns align)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=path, title_justify="left", header_style="bold", expand=False,
                  show_lines=False, pad_edge=False)
    for name, kw in (("line:col", {"justify": "right", "no_wrap": True}), ("lang", {}), ("kind", {}),
                     ("text", {"style": "cyan"}), ("value", {"justify": "right"}), ("unit", {}),
                     ("qualifier", {}), ("subject", {"style": "green"}), ("flags", {"style": "yellow"})):
        table.add_column(name, **kw)
    for c in claims:
        unit = c.unit if c.unit and c.kind not in ("date", "date_range") else ""
        table.add_row(f"{c.line}:{c.column}", c.lang, c.kind, Text(" ".join(c.text.split())),
                      str(c.value) if c.kind != "year" else c.describe_value(), unit,
                      c.qualifier or "", c.subject or "", ", ".join(c.flags))
    return table
