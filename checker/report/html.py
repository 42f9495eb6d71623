"""One self-contained HTML page (no network) with every finding of the run.

Each document is a section: a translation side by side, aligned paragraph by paragraph, a text in
one language paragraph by paragraph; the claims of each finding are marked where they stand, and
the findings are listed under the paragraph that holds them. A finding is one ``li.finding``
carrying ``data-rule``, ``data-name`` and ``data-severity`` (tests and scripts count and filter
them), an anchor, and links to the previous and next one. At the top: counts by severity, rule
and file, each a link to its findings, and filters (a few lines of inline JavaScript; without it
the page is whole and the filters stay hidden). Runs of paragraphs without findings are folded
when a document has many; one click opens the whole document. Severity is said in words as well
as colour, a mark's findings are all listed (overlapping spans are one mark naming each), the
explanations are on the page (the rules' section) and shown when a mark has the focus, and
Chinese and English text carry their ``lang``. A finding about the archive draws the subject's
figures over time (checker.report.timeline).

Every finding of ``findings`` appears exactly once: in the section of the document whose file it
names, under the paragraph of its first claim there, or, when no paragraph holds one of its
claims, in the section's list of other findings; a finding of a file no section shows goes to a
last section of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from html import escape

from checker import __version__
from checker.bitext import Bitext, Segment
from checker.engine.catalogue import SEVERITIES
from checker.findings import Finding
from checker.report.findings import counted, shown_path, summary
from checker.report.timeline import svg

FOLD_OVER = 8          # a document with more paragraphs than this folds its runs of clean ones
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em auto;max-width:78em;padding:0 1em;color:#222}
h1{font-size:22px}h2{margin-top:2em;font-size:17px;border-bottom:1px solid #ccc}
.sum{color:#444}.conf,.note{color:#666;font-size:12px}
table.counts{border-collapse:collapse;margin:.3em 0 1em}table.counts td,table.counts th{padding:.1em .8em .1em 0;text-align:left}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1.2em;border-top:1px solid #e4e4e4;padding:.4em 0}
.pair.single{grid-template-columns:1fr}.side{white-space:pre-wrap;overflow-wrap:anywhere}
mark{padding:0 .1em;border-bottom:2px solid}mark.sev-error{background:#fcc;border-color:#b00}
mark.sev-warning{background:#fe9;border-color:#a60}mark.sev-info{background:#def;border-color:#357}
mark:focus{outline:2px solid #222}mark[data-msg]:focus::after{content:attr(data-msg);display:block;position:absolute;
max-width:36em;background:#fff;border:1px solid #888;padding:.3em .5em;font-size:13px;z-index:2;white-space:normal}
sup.refs{font-size:11px}ul.findings{margin:.2em 0 .8em 1.4em;padding:0;font-size:14px;grid-column:1/-1}
li.finding{margin:.25em 0}li.finding:target{background:#ffd}.help{color:#264;font-size:13px}
.sev{display:inline-block;min-width:4.6em;font-weight:bold}.sev-error .sev{color:#b00}.sev-warning .sev{color:#850}
.sev-info .sev{color:#357}.nav{font-size:12px;margin-left:.6em}.nav a{margin-right:.5em}
details.clean{border-top:1px solid #e4e4e4;padding:.3em 0;color:#555}details.clean>summary{cursor:pointer}
form#filters{border:1px solid #ddd;padding:.4em .8em;margin:.5em 0}form#filters fieldset{border:0;display:inline;padding:0 1em 0 0}
svg.timeline{display:block;margin:.3em 0;max-width:100%;height:auto}dl.rules dt{font-weight:bold;margin-top:.6em}
@media (max-width:700px){.pair{grid-template-columns:1fr}}
"""

_JS = """
(function(){
var form=document.getElementById('filters');if(!form)return;form.hidden=false;
var all=[].slice.call(document.querySelectorAll('li.finding'));
function each(sel,f){[].forEach.call(document.querySelectorAll(sel),f);}
function apply(){var on={};each('#filters input',function(i){on[i.name+':'+i.value]=i.checked;});
var n=0;all.forEach(function(f){var v=on['sev:'+f.dataset.severity]&&on['rule:'+f.dataset.rule];f.hidden=!v;if(v)n++;});
document.getElementById('shown').textContent=n;}
form.addEventListener('change',apply);apply();
each('button.whole',function(b){b.hidden=false;b.addEventListener('click',function(){
[].forEach.call(b.closest('section').querySelectorAll('details.clean'),function(d){d.open=true;});});});
function reveal(){var t=location.hash&&document.getElementById(location.hash.slice(1));
for(var e=t;e;e=e.parentElement){if(e.tagName==='DETAILS')e.open=true;}}
window.addEventListener('hashchange',reveal);reveal();
})();
"""


def to_html(reports: Sequence[tuple[Bitext, object]], findings: Sequence[Finding], files: int, claims: int,
            hidden: dict[str, int] | None = None) -> str:
    return "".join(html_chunks(reports, findings, files, claims, hidden))


class _Doc:
    """One document's section: its paragraphs, pairs, and the findings placed in it."""

    def __init__(self, bitext: Bitext, result) -> None:
        self.bitext = bitext
        self.segments: list[Segment] = list(bitext.source) + list(bitext.target)
        n_source = len(bitext.source)
        pairs = list(getattr(result, "pairs", ()) or ())
        if pairs:
            paired = [([i for i in p.source], [n_source + j for j in p.target], p.confidence) for p in pairs]
            # a paragraph no pair holds (no figure in it, say) is still the document's: it comes
            # after the pair of the paragraph before it on its side
            row_of = {s: r for r, (left, right, _) in enumerate(paired) for s in left + right}
            keyed = [((r, 0, 0), row) for r, row in enumerate(paired)]
            for side in (range(n_source), range(n_source, len(self.segments))):
                before = -1
                for s in side:
                    if s in row_of:
                        before = row_of[s]
                    else:
                        keyed.append(((before, 1, s), ([s], [], None) if s < n_source else ([], [s], None)))
            self.rows = [row for _, row in sorted(keyed, key=lambda k: k[0])]
        else:                          # one language (or no alignment): each paragraph a row
            self.rows = [([i], [], None) for i in range(len(self.segments))]
        self.two_columns = bool(pairs)
        self.row_of: dict[int, int] = {}
        for r, (left, right, _) in enumerate(self.rows):
            for s in left + right:
                self.row_of.setdefault(s, r)
        # where each verbatim file's paragraphs start, for finding a claim's paragraph by bisection
        self.starts: dict[str, tuple[list[int], list[int]]] = {}
        for k, seg in sorted(enumerate(self.segments), key=lambda e: (e[1].path, e[1].start)):
            if seg.verbatim:
                starts, index = self.starts.setdefault(seg.path, ([], []))
                starts.append(seg.start)
                index.append(k)
        self.units: dict[tuple[str, int], int] = {}
        for k, seg in enumerate(self.segments):
            if not seg.verbatim:
                for line in range(seg.line, seg.line + seg.text.count("\n") + 1):
                    self.units.setdefault((seg.path, line), k)
        self.paths = {seg.path for seg in self.segments}
        self.placed: dict[int, list[tuple[int, Finding]]] = {}     # row -> its findings
        self.other: list[tuple[int, Finding]] = []
        self.marks: dict[int, list[tuple[int, int, int, Finding]]] = {}   # segment -> spans

    def segment_of(self, claim) -> int | None:
        if claim.path is None:
            return None
        found = self.starts.get(claim.path)
        if found:
            starts, index = found
            i = bisect_right(starts, claim.start) - 1
            if i >= 0:
                seg = self.segments[index[i]]
                if seg.start <= claim.start < max(seg.end, seg.start + 1):
                    return index[i]
        return self.units.get((claim.path, claim.line))

    def label(self) -> str:
        if self.bitext.label:
            return shown_path(self.bitext.label)
        return " → ".join(shown_path(p) for p in sorted(self.paths))


def _lang(text: str) -> str:
    return "zh" if _CJK.search(text) else "en"


def html_chunks(reports: Sequence[tuple[Bitext, object]], findings: Sequence[Finding], files: int,
                claims: int, hidden: dict[str, int] | None = None) -> Iterator[str]:
    """``reports``: each bitext with its CheckResult (whose ``pairs`` are the aligned segments)."""
    docs = [_Doc(bitext, result) for bitext, result in reports]
    by_path: dict[str, _Doc] = {}
    for d in docs:
        for p in d.paths:
            by_path.setdefault(p, d)
    # place each finding, then number them in the order the page shows them
    unplaced: list[Finding] = []
    where: list[tuple[_Doc | None, int | None, Finding]] = []
    for f in findings:
        d = by_path.get(f.path)
        if d is None:
            where.append((None, None, f))
            continue
        rows = [r for _, c in f.claims if (s := d.segment_of(c)) is not None and (r := d.row_of.get(s)) is not None]
        where.append((d, min(rows) if rows else None, f))
    order = {id(d): k for k, d in enumerate(docs)}
    where.sort(key=lambda w: (order[id(w[0])] if w[0] is not None else len(docs),
                              w[1] if w[1] is not None else 1 << 60, w[2].line, w[2].column))
    number: dict[int, int] = {}
    for n, (d, row, f) in enumerate(where, 1):
        number[id(f)] = n
        if d is None:
            unplaced.append(f)
        elif row is None:
            d.other.append((n, f))
        else:
            d.placed.setdefault(row, []).append((n, f))
        if d is not None:
            for _, c in f.claims:
                s = d.segment_of(c)
                if s is not None and d.segments[s].verbatim:
                    d.marks.setdefault(s, []).append((c.start, c.end, n, f))
    total = len(where)

    yield _head(findings, files, claims, hidden)
    yield _summary(where, docs, unplaced)
    for k, d in enumerate(docs):
        yield from _section(k, d, total)
    if unplaced:
        yield '<section id="other"><h2>Findings in files not shown above</h2><ul class="findings">'
        yield from (_finding(number[id(f)], f, total) for f in unplaced)
        yield "</ul></section>"
    yield _rules(findings)
    yield f"<script>{_JS}</script></body></html>\n"


def _head(findings: Sequence[Finding], files: int, claims: int, hidden: dict[str, int] | None) -> str:
    counts = summary(findings)
    hid = counted(hidden or {})
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>claimcheck report</title><style>{_CSS}</style></head><body>"
            f"<h1>claimcheck {escape(__version__)}</h1>"
            f"<p class=\"sum\" id=\"summary\">{len(findings)} findings ({counts['error']} errors, "
            f"{counts['warning']} warnings, {counts['info']} info) in {files} file{'s' if files != 1 else ''}, "
            f"{claims} claims{f'; {hid} hidden by --min-severity' if hid else ''}</p>")


def _summary(where, docs: list[_Doc], unplaced: list[Finding]) -> str:
    if not where:
        return "<p>No findings.</p>"
    first_sev: dict[str, int] = {}
    first_rule: dict[str, int] = {}
    rules: dict[str, tuple[str, int]] = {}
    for n, (_, _, f) in enumerate(where, 1):
        first_sev.setdefault(f.severity, n)
        first_rule.setdefault(f.rule.code, n)
        name, count = rules.get(f.rule.code, (f.rule.name, 0))
        rules[f.rule.code] = (name, count + 1)
    sev_count = Counter(f.severity for _, _, f in where)
    parts = ['<nav aria-label="summary"><h2>Summary</h2><table class="counts"><tr><th>severity</th><th>findings</th></tr>']
    for sev in reversed(SEVERITIES):
        if sev_count[sev]:
            parts.append(f'<tr><td>{sev}</td><td><a href="#f{first_sev[sev]}">{sev_count[sev]}</a></td></tr>')
    parts.append('</table><table class="counts"><tr><th>rule</th><th>name</th><th>findings</th></tr>')
    for code in sorted(rules):
        name, count = rules[code]
        parts.append(f'<tr><td><a href="#rule-{code}">{code}</a></td><td>{escape(name)}</td>'
                     f'<td><a href="#f{first_rule[code]}">{count}</a></td></tr>')
    parts.append('</table><table class="counts" id="toc"><tr><th>file</th><th>findings</th></tr>')
    for k, d in enumerate(docs):
        count = sum(len(v) for v in d.placed.values()) + len(d.other)
        parts.append(f'<tr><td><a href="#doc{k}">{escape(d.label())}</a></td><td>{count}</td></tr>')
    if unplaced:
        parts.append(f'<tr><td><a href="#other">other files</a></td><td>{len(unplaced)}</td></tr>')
    parts.append("</table>")
    sev_boxes = "".join(f'<label><input type="checkbox" name="sev" value="{s}" checked> {s}</label> '
                        for s in reversed(SEVERITIES) if sev_count[s])
    rule_boxes = "".join(f'<label><input type="checkbox" name="rule" value="{c}" checked> {c} {escape(rules[c][0])}'
                         f'</label> ' for c in sorted(rules))
    parts.append(f'<form id="filters" hidden><fieldset><legend>severity</legend>{sev_boxes}</fieldset>'
                 f'<fieldset><legend>rule</legend>{rule_boxes}</fieldset>'
                 f'<p>Showing <output id="shown">{len(where)}</output> of {len(where)} findings.</p></form></nav>')
    return "".join(parts)


def _section(k: int, d: _Doc, total: int) -> Iterator[str]:
    """One document's section, a row at a time (a long document is not one string)."""
    count = sum(len(v) for v in d.placed.values()) + len(d.other)
    yield (f'<section id="doc{k}"><h2>{escape(d.label())} <span class="conf">{count} finding'
           f'{"s" if count != 1 else ""}</span></h2>')
    fold = len(d.rows) > FOLD_OVER
    if fold:
        yield '<button type="button" class="whole" hidden>Show the whole document</button>'

    def row(r: int) -> str:
        left, right, confidence = d.rows[r]
        return _row(d, left, right, confidence, d.placed.get(r, []), total)

    r = 0
    while r < len(d.rows):
        if not fold or r in d.placed:
            yield row(r)
            r += 1
            continue
        end = r                           # a run of paragraphs without findings: folded if more than one
        while end < len(d.rows) and end not in d.placed:
            end += 1
        if end - r > 1:
            yield f'<details class="clean"><summary>{end - r} paragraphs without findings</summary>'
        yield from (row(i) for i in range(r, end))
        if end - r > 1:
            yield "</details>"
        r = end
    if d.other:
        yield '<h3>Other findings in this document</h3><ul class="findings">'
        yield from (_finding(n, f, total) for n, f in d.other)
        yield "</ul>"
    yield "</section>"


def _row(d: _Doc, left: list[int], right: list[int], confidence, placed, total: int) -> str:
    single = not d.two_columns
    cells = []
    for side in ((left + right,) if single else (left, right)):
        text = "\n".join(d.segments[s].text for s in side)
        body = "\n".join(_marked(d.segments[s], d.marks.get(s, [])) for s in side)
        note = (f' <span class="conf">alignment {confidence:.2f}</span>'
                if not single and side is right and confidence is not None and confidence < 0.995 else "")
        cells.append(f'<div class="side" lang="{_lang(text)}">{body}{note}</div>')
    items = ""
    if placed:
        items = '<ul class="findings">' + "".join(_finding(n, f, total) for n, f in placed) + "</ul>"
    return f'<div class="pair{" single" if single else ""}">{"".join(cells)}{items}</div>'


def _marked(seg: Segment, spans: list[tuple[int, int, int, Finding]]) -> str:
    """The segment's text with its claims marked: overlapping spans are one mark that names
    every finding they belong to, in the colour of the most severe."""
    text, base = seg.text, seg.start
    clusters: list[list] = []                     # [start, end, [(n, f), ...]]
    for a, b, n, f in sorted(spans, key=lambda s: (s[0], s[1])):
        a, b = max(a - base, 0), min(b - base, len(text))
        if a >= b:
            continue
        if clusters and a < clusters[-1][1]:
            clusters[-1][1] = max(clusters[-1][1], b)
            clusters[-1][2].append((n, f))
        else:
            clusters.append([a, b, [(n, f)]])
    out, pos = [], 0
    for a, b, members in clusters:
        members = sorted(dict(members).items())
        worst = max((f for _, f in members), key=lambda f: f.rank)
        msg = "; ".join(f"{n}: {f.severity} {f.rule.code} {f.message}" for n, f in members)
        refs = ",".join(f'<a href="#f{n}">{n}</a>' for n, _ in members)
        out.append(escape(text[pos:a]))
        out.append(f'<mark class="sev-{worst.severity}" tabindex="0" title="{escape(msg)}" data-msg="{escape(msg)}" '
                   f'data-findings="{" ".join(f"f{n}" for n, _ in members)}">{escape(text[a:b])}</mark>'
                   f'<sup class="refs">{refs}</sup>')
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def _finding(n: int, f: Finding, total: int) -> str:
    nav = (f'<a href="#f{n - 1}">previous</a>' if n > 1 else "") + (f'<a href="#f{n + 1}">next</a>' if n < total else "")
    note = f' <span class="note">[{escape(f.note)}]</span>' if f.note else ""
    chart = ""
    if f.rule.category == "corpus":
        chart = svg(f.claims, f"{f.rule.name}: the figures of the archive and this document over time")
    fix = f' <span class="help">help: {escape(f.help)}</span>' if f.help else ""
    return (f'<li class="finding sev-{f.severity}" id="f{n}" data-rule="{f.rule.code}" data-name="{escape(f.rule.name)}" '
            f'data-severity="{f.severity}"><span class="sev">{f.severity}</span> '
            f'<a class="loc" href="#f{n}">{escape(shown_path(f.path))}:{f.line}:{f.column}</a> '
            f'<a class="rule" href="#rule-{f.rule.code}">{f.rule.code} {escape(f.rule.name)}</a>: '
            f'{escape(f.message)}{note}{fix}<span class="nav">{nav}</span>{chart}</li>')


def _rules(findings: Sequence[Finding]) -> str:
    rules = {f.rule.code: f.rule for f in findings}
    if not rules:
        return ""
    items = "".join(f'<dt id="rule-{code}">{code} {escape(r.name)} <span class="conf">({r.category}, default '
                    f'{r.severity})</span></dt><dd>{escape(r.doc)}</dd>' for code, r in sorted(rules.items()))
    return f'<section id="rules"><h2>The rules</h2><dl class="rules">{items}</dl></section>'
