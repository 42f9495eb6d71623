"""What the archive says of a subject, as series: `claimcheck claims` in a terminal, JSON, CSV and
HTML, and `claimcheck subjects`.

A series is the figures of one subject key in one measure (the unit: persons, person-times,
yuan) and one flow — a running total (累计, "so far"), a stock (目前, "currently"), or a figure
that says neither — in time order. One fact stated in both languages of a document is one entry
with both texts. The rows come from ``Ledger.claims_for`` (dicts of the ledger's columns).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import escape

FLOWS = {"cumulative": "running total", "current": "stock", "": "figure"}


@dataclass
class Entry:
    as_of: str
    bound: bool                 # dated by a span of years: this day or later
    low: float | None
    high: float | None
    nominal: float | None
    texts: list[str]
    place: str                  # path:line of its first text
    rows: list[dict] = field(default_factory=list)


@dataclass
class Series:
    key: str
    measure: str
    flow: str
    entries: list[Entry]

    @property
    def title(self) -> str:
        return f"{self.key} · {self.measure} · {self.flow}"


def series_of(rows: Sequence[dict]) -> list[Series]:
    """The rows grouped into series, each in time order, the largest series first."""
    groups: dict[tuple, dict[tuple, Entry]] = {}
    for r in rows:
        flags = r.get("flags") or ()
        flow = "cumulative" if r.get("cumulative") or "cumulative" in flags else \
            "current" if r.get("current") or "current" in flags else ""
        measure = r.get("unit") or r.get("kind") or "?"
        key = r.get("subject_key") or r.get("subject") or "(no subject)"
        series = groups.setdefault((key, measure, FLOWS[flow]), {})
        fact = (r.get("path"), r.get("as_of"), r.get("low"), r.get("high"), r.get("start_day"))
        entry = series.get(fact)
        if entry is None:
            entry = series[fact] = Entry(
                str(r.get("as_of") or ""), "as_of_bound" in flags, r.get("low"), r.get("high"),
                r.get("nominal"), [], f"{r.get('path')}:{r.get('line')}")
        entry.texts.append(" ".join(str(r.get("text")).split()))
        entry.rows.append(r)
    out = [Series(k, m, f, sorted(es.values(), key=lambda e: (e.as_of == "", e.as_of, e.place)))
           for (k, m, f), es in groups.items()]
    return sorted(out, key=lambda s: (-len(s.entries), s.title))


def value_text(e: Entry) -> str:
    def num(x):
        return "…" if x is None else f"{int(x):,}" if float(x).is_integer() else f"{x:,.6g}"
    if e.rows and e.rows[0].get("start_day"):
        r = e.rows[0]
        return r["start_day"] if r["start_day"] == r.get("end_day") else f"{r['start_day']} .. {r.get('end_day') or '…'}"
    if e.low is not None and e.low == e.high:
        return num(e.low)
    return f"{num(e.nominal)} [{num(e.low)}, {num(e.high)}]"


def day_text(e: Entry) -> str:
    return f"{e.as_of[:4]} or later" if e.bound and e.as_of else (e.as_of or "undated")


# -- terminal ------------------------------------------------------------------------------------

def render_text(console, subject: str | None, key: str | None, rows: Sequence[dict]) -> None:
    """Each series as a table of its entries in time order, with a bar drawn to scale: what
    the figure did over time, readable without colour and at 80 columns."""
    from rich.table import Table
    from rich.text import Text

    series = series_of(rows)
    head = f"{len(rows)} claims of {subject} (filed under {key}) in {len(series)} series" if subject else \
        f"{len(rows)} claims in {len(series)} series"
    console.print(Text(head, style="bold"))
    narrow = console.width < 110
    for s in series:
        top = max((e.high if e.high is not None else e.low or 0) for e in s.entries) or 1
        table = Table(title=s.title, title_justify="left", show_edge=False, pad_edge=False, expand=False)
        table.add_column("as of", no_wrap=True)
        table.add_column("value", justify="right", no_wrap=True)
        table.add_column("chart", no_wrap=True, min_width=8)
        table.add_column("said", overflow="fold", max_width=24 if narrow else 48)
        if not narrow:
            table.add_column("where", overflow="fold")
        for e in s.entries:
            bar = _bar(e.low, e.high, top, 12 if narrow else 24)
            cells = [day_text(e), value_text(e), bar, " / ".join(dict.fromkeys(e.texts))]
            if not narrow:
                cells.append(e.place)
            table.add_row(*cells)
        console.print(table)


def _bar(low, high, top: float, width: int) -> str:
    """A figure as a bar to scale; an interval's uncertain part lighter (▒)."""
    if low is None or top <= 0:
        return ""
    full = int(round(width * max(0.0, float(low)) / top))
    extra = int(round(width * max(0.0, float(high if high is not None else low)) / top)) - full
    return "█" * full + "▒" * max(0, extra)


# -- machine formats ------------------------------------------------------------------------------

def json_chunks(subject: str | None, key: str | None, rows: Sequence[dict], claims: Sequence[dict]) -> Iterator[str]:
    """The claims (as before: each a claim object with its key and document date) and the series
    they make, as indices into the claims."""
    index = {id(r): k for k, r in enumerate(rows)}
    series = [{"key": s.key, "measure": s.measure, "flow": s.flow,
               "entries": [{"as_of": e.as_of or None, "or_later": e.bound, "value": value_text(e),
                            "texts": e.texts, "claims": [index[id(r)] for r in e.rows]} for e in s.entries]}
              for s in series_of(rows)]
    yield json.dumps({"version": 1, "subject": subject, "key": key, "claims": list(claims), "series": series},
                     ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("key", "measure", "flow", "as_of", "or_later", "value", "low", "high", "lang", "kind", "text",
               "subject", "path", "line", "column")


def csv_chunks(rows: Sequence[dict]) -> Iterator[str]:
    """One line per claim, with the series it belongs to (for a spreadsheet)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in series_of(rows):
        for e in s.entries:
            for r in e.rows:
                writer.writerow((s.key, s.measure, s.flow, e.as_of, "yes" if e.bound else "", value_text(e),
                                 r.get("low"), r.get("high"), r.get("lang"), r.get("kind"), r.get("text"),
                                 r.get("subject"), r.get("path"), r.get("line"), r.get("column")))
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()


def html_chunks(subject: str | None, key: str | None, rows: Sequence[dict]) -> Iterator[str]:
    """A self-contained page: each series as a step chart over time and a table."""
    from checker.report.timeline import draw, point

    series = series_of(rows)
    title = f"{subject} (filed under {key})" if subject else "every claim"
    yield (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           f"content=\"width=device-width, initial-scale=1\"><title>claimcheck: {escape(title)}</title><style>"
           "body{font:15px/1.5 system-ui,sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em;color:#222}"
           "table{border-collapse:collapse;margin:.4em 0 1.4em}td,th{padding:.15em .8em .15em 0;text-align:left;"
           "vertical-align:top}td.v{text-align:right}h2{font-size:17px;margin-top:1.6em}"
           "svg.timeline{display:block;max-width:100%;height:auto}"
           f"</style></head><body><h1>{escape(title)}</h1><p>{len(rows)} claims in {len(series)} series</p>")
    for k, s in enumerate(series):
        drawn = [p for e in s.entries
                 if (p := point(e.as_of, e.low, e.high, e.nominal, f"{' / '.join(e.texts)} ({day_text(e)})", e.bound))]
        chart = draw({s.measure: drawn}, s.title) if not s.entries[0].rows[0].get("start_day") else ""
        body = "".join(f"<tr><td>{escape(day_text(e))}</td><td class=\"v\">{escape(value_text(e))}</td><td>"
                       + " / ".join(f'<span lang="{r.get("lang") or "und"}">{escape(t)}</span>'
                                    for t, r in dict(zip(e.texts, e.rows)).items())
                       + f"</td><td>{escape(e.place)}</td></tr>" for e in s.entries)
        yield (f"<section id=\"s{k}\"><h2>{escape(s.title)}</h2>{chart}<table><tr><th>as of</th><th>value</th>"
               f"<th>said</th><th>where</th></tr>{body}</table></section>")
    yield "</body></html>\n"


def subjects_text(console, subjects: Sequence[dict]) -> None:
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False)
    for name, kw in (("key", {"overflow": "fold"}), ("claims", {"justify": "right"}),
                     ("documents", {"justify": "right"}), ("from", {"no_wrap": True}), ("to", {"no_wrap": True}),
                     ("written", {"overflow": "fold", "max_width": 40})):
        table.add_column(name, **kw)
    for s in subjects:
        table.add_row(s["key"], str(s["claims"]), str(s["documents"]), s["first"] or "", s["last"] or "",
                      ", ".join(s["subjects"][:4]) + (" …" if len(s["subjects"]) > 4 else ""))
    console.print(table)


def did_you_mean(subject: str, known: Sequence[dict]) -> str:
    """" Did you mean …?" naming the keys and written subjects of ``known`` (``Ledger.subjects``)
    closest to ``subject``, or ""."""
    import difflib

    names = {s["key"] for s in known} | {w for s in known for w in s["subjects"]}
    close = difflib.get_close_matches(subject, sorted(names), n=3, cutoff=0.5)
    close += [n for n in sorted(names) if subject.lower() in n.lower() and n not in close][:3 - len(close)]
    return f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
