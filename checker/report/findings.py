"""Rendering findings: JSON (the contract), concise lines, GitHub annotations, a rich report."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

from checker import __version__
from checker.engine.catalogue import SEVERITIES
from checker.findings import Finding
from checker.report import stream


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in reversed(SEVERITIES)}


def json_chunks(findings: Sequence[Finding], files: int, claims: int) -> Iterator[str]:
    doc = {
        "version": 1,
        "tool": {"name": "claimcheck", "version": __version__},
        "findings": stream.ITEMS,
        "summary": {"files": files, "claims": claims, "findings": summary(findings)},
    }
    return stream.json_chunks(doc, (f.to_json() for f in findings))


def to_json(findings: Sequence[Finding], files: int, claims: int) -> str:
    return "".join(json_chunks(findings, files, claims))


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown_path(path: str) -> str:
    """A file name as a line of a report shows it: bytes that were not UTF-8 (kept by the file
    system's surrogate escapes) as U+FFFD, control characters escaped (a newline in a name must
    not split a record)."""
    if not path.isprintable():
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        path = _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}"), path)
    return path


def concise_chunks(findings: Sequence[Finding], hidden: Mapping[str, int] | None = None,
                   files: int | None = None) -> Iterator[str]:
    """A line per finding, then what was found (ruff's "Found 2 errors.") when ``files`` is given."""
    for f in findings:
        yield f"{shown_path(f.path)}:{f.line}:{f.column}: {f.rule.code} [{f.severity}] {f.rule.name}: {_with_note(f)}\n"
    if files is not None:
        yield summary_line(findings, hidden, files) + "\n"


def to_concise(findings: Sequence[Finding]) -> str:
    return "".join(concise_chunks(findings))


def statistics_chunks(findings: Sequence[Finding], hidden: Mapping[str, int] | None, files: int,
                      fmt: str) -> Iterator[str]:
    """--statistics: how many findings each rule gave, most first; JSON with --format json."""
    rows = statistics(findings)
    if fmt == "json":
        import json

        yield json.dumps({"version": 1, "statistics": rows, "hidden": dict(hidden or {})}, ensure_ascii=False,
                         indent=2) + "\n"
        return
    width = max((len(str(r["count"])) for r in rows), default=1)
    for r in rows:
        yield f"{r['count']:>{width}}  {r['rule']}  {r['name']:<22} [{r['severity']}]\n"
    yield summary_line(findings, hidden, files) + "\n"


def _with_note(f: Finding) -> str:
    return f"{f.message} [{f.note}]" if f.note else f.message


_GITHUB = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github_chunks(findings: Iterable[Finding]) -> Iterator[str]:
    for f in findings:
        yield (f"::{_GITHUB[f.severity]} file={_escape(f.path, True)},line={f.line},col={f.column},"
               f"endLine={f.end_line},endColumn={f.end_column},title={_escape(f'{f.rule.code} {f.rule.name}', True)}"
               f"::{_escape(_with_note(f))}\n")


def to_github(findings: Sequence[Finding]) -> str:
    return "".join(github_chunks(findings))


_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_WINDOW = 300          # characters of a line shown each side of a claim (a line may be megabytes long)
_BLANKS = re.compile(r"[\t\x00-\x1f\x7f]")


def summary_line(findings: Sequence[Finding], hidden: Mapping[str, int] | None = None,
                 files: int | None = None) -> str:
    """"Found 2 errors, 3 warnings (21 info hidden)." — the line every report for people ends with."""
    said, hidden_said = counted(summary(findings)), counted(hidden or {})
    where = f" in {files} file{'s' if files != 1 else ''}" if files is not None else ""
    text = f"Found {said}{where}" if said else f"No findings{where}"
    return text + (f" ({hidden_said} hidden)" if hidden_said else "") + "."


def counted(counts: Mapping[str, int]) -> str:
    """"2 errors, 1 warning, 21 info": the severities that have findings, in words."""
    return ", ".join(f"{n} {sev if n == 1 or sev == 'info' else sev + 's'}" for sev, n in counts.items() if n)


def statistics(findings: Sequence[Finding]) -> list[dict]:
    """Counts per rule, the most frequent first (--statistics)."""
    counts = Counter((f.rule.code, f.rule.name, f.severity) for f in findings)
    return [{"rule": code, "name": name, "severity": sev, "count": n}
            for (code, name, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def render_text(console, findings: Sequence[Finding], texts: Mapping[str, str], files: int, claims: int,
                hidden: Mapping[str, int] | None = None) -> None:
    """The findings (see :func:`render_findings`), then the summary line."""
    render_findings(console, findings, texts)
    render_summary(console, findings, files, claims, hidden)


def render_summary(console, findings: Sequence[Finding], files: int, claims: int,
                   hidden: Mapping[str, int] | None = None) -> None:
    from rich.text import Text

    console.print(Text(summary_line(findings, hidden, files) + f" {claims} claims checked."))


def render_findings(console, findings: Sequence[Finding], texts: Mapping[str, str]) -> None:
    """Diagnostics in the style of rustc and ruff: each finding starts with ``path:line:col``,
    then ``= note:`` and ``= help:`` lines; the lines its claims stand on follow once for each
    paragraph's findings, every claim underlined with carets and labelled (no colour needed to
    read them); identical findings of a file are shown once, with a count."""
    from rich.cells import cell_len
    from rich.text import Text

    for group in _paragraphs(_deduplicated(findings)):
        carets: list[tuple[str, int, int, int, str]] = []
        for f, others in group:
            # the place and the rule stay on one line, never broken (an editor's terminal opens
            # path:line:col); the message follows on it, or, when it does not fit, under it
            head = Text()
            head.append(f"{shown_path(f.path)}:{f.line}:{f.column}:", style="bold")
            head.append(" ")
            head.append(f.severity, style=_STYLE[f.severity])
            head.append(f"[{f.rule.code}] {f.rule.name}:", style="bold")
            if head.cell_len + 1 + cell_len(f.message) <= console.width:
                console.print(head + Text(" " + f.message), no_wrap=True, overflow="crop")
            else:
                console.print(head, no_wrap=True, overflow="ignore", crop=False)
                _hanging(console, Text("    "), Text(f.message), 4)
            extra = []
            if others:
                extra.append(("note", f"and {len(others):,} more identical finding{'s' if len(others) > 1 else ''} "
                                      f"in this file ({_where_else(others)})"))
            if f.note:
                extra.append(("note", f.note))
            if f.help:
                extra.append(("help", f.help))
            for kind, said in extra:
                _hanging(console, Text(f"   = {kind}: ", style="bold" if kind == "help" else "dim"), Text(said), 11)
            for role, claim in f.claims:
                text = texts.get(claim.path or "")
                if text is not None and 0 <= claim.start < len(text):
                    carets.append((claim.path, claim.line, claim.start, claim.end, f"{f.rule.code} {role}"))
        if carets:
            _print_snippet(console, carets, texts, group[0][0].path)
        console.print()


def _hanging(console, prefix, text, indent: int) -> None:
    """``prefix`` + ``text``, wrapped to the console's width with the lines after the first
    indented by ``indent`` cells (rich's own wrapping starts them at the margin)."""
    from rich.text import Text

    first = prefix.cell_len
    lines = text.wrap(console, max(20, console.width - max(first, indent)))
    for k, line in enumerate(lines):
        row = prefix.copy() if k == 0 else Text(" " * indent)
        row.append_text(line)
        console.print(row, no_wrap=True, overflow="crop")


def _deduplicated(findings: Sequence[Finding]) -> list[tuple[Finding, list[int]]]:
    """Each finding with the lines of the identical ones after it in its file (same rule,
    severity and message), which are not shown again: one line repeating a figure 200,000 times
    is one finding to read, with a count."""
    first: dict[tuple, tuple[Finding, list[int]]] = {}
    out: list[tuple[Finding, list[int]]] = []
    for f in findings:
        key = (f.path, f.rule.code, f.severity, f.message)
        if key in first:
            first[key][1].append(f.line)
            continue
        first[key] = (f, [])
        out.append(first[key])
    return out


def _where_else(lines: list[int]) -> str:
    """"line 1", "lines 3, 7 and 9", "12,000 on line 1, 3 on line 4" — each line once."""
    counts = Counter(lines)
    if all(n == 1 for n in counts.values()):
        shown = [str(line) for line in list(counts)[:8]]
        more = " …" if len(counts) > 8 else ""
        return f"line {shown[0]}" if len(shown) == 1 else f"lines {', '.join(shown)}{more}"
    return ", ".join(f"{n:,} on line {line}" for line, n in list(counts.items())[:4]) + (" …" if len(counts) > 4 else "")


def _paragraphs(items: list[tuple[Finding, list[int]]]) -> list[list[tuple[Finding, list[int]]]]:
    """Runs of findings on the same line of the same file: their context is printed once."""
    groups: list[list[tuple[Finding, list[int]]]] = []
    for item in items:
        f = item[0]
        if groups and (groups[-1][0][0].path, groups[-1][0][0].line) == (f.path, f.line):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _window(text: str, pos: int) -> tuple[int, int]:
    """The line around ``pos``, at most _WINDOW characters each side of it (found without
    scanning a long line to its ends)."""
    lo = max(0, pos - _WINDOW)
    start = text.rfind("\n", lo, pos) + 1 or lo
    end = text.find("\n", pos, pos + _WINDOW)
    return start, (end if end >= 0 else min(len(text), pos + _WINDOW))


def _print_snippet(console, carets: list[tuple[str, int, int, int, str]], texts: Mapping[str, str],
                   path: str) -> None:
    """Each line the claims stand on — a window of it around them, cut to the console's width —
    with a caret line under it for each claim. Claims too far apart on one long line get a
    window each."""
    from rich.cells import cell_len
    from rich.text import Text

    gutter = max(len(str(line)) for _, line, _, _, _ in carets)
    room = max(20, console.width - gutter - 4)
    shown_file = path
    console.print(Text(" " * gutter + " |", style="dim"))
    by_line: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for file, line, a, b, label in carets:
        by_line.setdefault((file, line), []).append((a, b, label))
    for (file, line), marks in sorted(by_line.items(), key=lambda kv: (kv[0][0] != path, kv[0])):
        if file != shown_file:
            console.print(Text(" " * gutter + f" ::: {shown_path(file)}", style="dim"))
            shown_file = file
        text = texts[file]
        marks = sorted(set(marks))
        k = 0
        while k < len(marks):                   # one window after another, each mark once: linear
            start, end = _window(text, marks[k][0])
            raw = _BLANKS.sub(" ", text[start:end])
            cut, shown = _fit(raw, marks[k][0] - start, room)
            here = [marks[k]]
            k += 1
            # (a mark joins the window when its carets and its label fit in the width too)
            while (k < len(marks) and marks[k][0] >= start + cut and marks[k][1] <= start + cut + shown
                   and cell_len(raw[cut:marks[k][1] - start]) + 2 + len(marks[k][2]) <= room):
                here.append(marks[k])
                k += 1
            body = ("…" if cut else "") + raw[cut:cut + shown] + ("…" if cut + shown < len(raw) else "")
            row = Text()
            row.append(f"{line:>{gutter}} | ", style="dim")
            row.append(body)
            console.print(row, overflow="crop", no_wrap=True)
            for a, b, label in here:
                under = Text()
                under.append(" " * gutter + " | ", style="dim")
                width = max(1, cell_len(raw[a - start:min(b, end) - start]))
                under.append(" " * ((1 if cut else 0) + cell_len(raw[cut:a - start])) + "^" * width + " " + label,
                             style="bold")
                console.print(under, overflow="crop", no_wrap=True)


def _fit(line: str, lo: int, room: int) -> tuple[int, int]:
    """Where the part of ``line`` shown in ``room`` cells starts and how many characters it
    has, with the character at ``lo`` near its start (a "…" marks each cut end)."""
    from rich.cells import cell_len

    if cell_len(line) <= room:
        return 0, len(line)
    cut = max(0, lo - room // 4)
    used = 2 if cut else 1
    n = 0
    for ch in line[cut:]:
        used += cell_len(ch)
        if used > room:
            break
        n += 1
    return cut, n
