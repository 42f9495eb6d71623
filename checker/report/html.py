"""One self-contained HTML page (no network): source and translation side by side, aligned
segment by segment, the claims of each finding marked, the findings listed under their pair."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from checker import __version__
from checker.bitext import Bitext
from checker.findings import Finding
from checker.report.findings import shown_path, summary

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:.4em .6em;border-top:1px solid #ddd;width:50%}
th{text-align:left;border-bottom:2px solid #999}.conf{color:#888;font-size:12px}
mark.error{background:#fbb}mark.warning{background:#fe9}mark.info{background:#cdf}
ul.f{margin:.2em 0 .6em 1.2em;padding:0;font-size:13px}li.error{color:#b00}li.warning{color:#850}li.info{color:#357}
h2{margin-top:2em;font-size:17px}.sum{color:#555}
"""


def to_html(reports: Sequence[tuple[Bitext, object]], findings: Sequence[Finding], files: int, claims: int) -> str:
    return "".join(html_chunks(reports, findings, files, claims))


def html_chunks(reports: Sequence[tuple[Bitext, object]], findings: Sequence[Finding], files: int,
                claims: int) -> Iterator[str]:
    """``reports``: each bitext with its CheckResult (whose ``pairs`` are the aligned segments)."""
    counts = summary(findings)
    yield (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>claimcheck report</title>"
             f"<style>{_CSS}</style></head><body><h1>claimcheck {escape(__version__)}</h1>"
             f"<p class=\"sum\">{len(findings)} findings ({counts['error']} errors, {counts['warning']} warnings, "
             f"{counts['info']} info) in {files} files, {claims} claims</p>")
    for bitext, result in reports:
        parts = []
        parts.append(f"<h2>{escape(shown_path(bitext.label) if bitext.label else _label(bitext))}</h2>")
        parts.append("<table><tr><th>source</th><th>translation</th></tr>")
        for pair in result.pairs:
            segs_s = [bitext.source[i] for i in pair.source]
            segs_t = [bitext.target[j] for j in pair.target]
            mine = [f for f in findings if any(_inside(c, segs_s + segs_t) for _, c in f.claims)]
            parts.append("<tr><td>" + "<br>".join(_marked(s, mine) for s in segs_s) + "</td><td>"
                         + "<br>".join(_marked(t, mine) for t in segs_t)
                         + f" <span class=\"conf\">alignment {pair.confidence:.2f}</span></td></tr>")
            if mine:
                items = "".join(f"<li class=\"{f.severity}\">{escape(shown_path(f.path))}:{f.line}:{f.column} {f.rule.code} "
                                f"{escape(f.rule.name)}: {escape(f.message)}"
                                + (f" <span class=\"conf\">{escape(f.note)}</span>" if f.note else "") + "</li>"
                                for f in mine)
                parts.append(f"<tr><td colspan=\"2\"><ul class=\"f\">{items}</ul></td></tr>")
        parts.append("</table>")
        yield "".join(parts)
    yield "</body></html>\n"


def _label(bitext: Bitext) -> str:
    paths = sorted({s.path for s in bitext.source + bitext.target})
    return " → ".join(shown_path(p) for p in paths)


def _inside(claim, segments) -> bool:
    return any(claim.path == s.path and (not s.verbatim or s.start <= claim.start < s.end) for s in segments)


def _marked(seg, findings: Sequence[Finding]) -> str:
    """The segment's text with the claims of the findings marked (the most severe wins)."""
    text, base = seg.text, seg.start if seg.verbatim else 0
    spans = {}
    for f in findings:
        for _, c in f.claims:
            if c.path == seg.path and seg.verbatim and seg.start <= c.start < seg.end:
                key = (c.start - base, min(c.end, seg.end) - base)
                if key not in spans or f.rank > spans[key][0].rank:
                    spans[key] = (f, c)
    out, pos = [], 0
    for (a, b), (f, _) in sorted(spans.items()):
        if a < pos:
            continue
        out.append(escape(text[pos:a]))
        out.append(f"<mark class=\"{f.severity}\" title=\"{escape(f.rule.code + ' ' + f.message)}\">"
                   f"{escape(text[a:b])}</mark>")
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)
