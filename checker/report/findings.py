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


def concise_chunks(findings: Iterable[Finding]) -> Iterator[str]:
    for f in findings:
        yield f"{shown_path(f.path)}:{f.line}:{f.column}: {f.rule.code} [{f.severity}] {f.rule.name}: {_with_note(f)}\n"


def to_concise(findings: Sequence[Finding]) -> str:
    return "".join(concise_chunks(findings))


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


def render_text(console, findings: Sequence[Finding], texts: Mapping[str, str], files: int, claims: int) -> None:
    """Grouped by file: each finding with the lines of both claims, the claims highlighted."""
    from rich.text import Text

    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    for path, group in by_path.items():
        console.print(Text(shown_path(path), style="bold underline"))
        for f in group:
            head = Text()
            head.append(f"  {f.line}:{f.column} ", style="dim")
            head.append(f"{f.severity:<7}", style=_STYLE[f.severity])
            head.append(f" {f.rule.code} {f.rule.name}  ", style="bold")
            head.append(f.message)
            console.print(head)
            if f.note:
                console.print(Text(f"      = note: {f.note}", style="dim"))
            for role, claim in f.claims:
                line = _line(texts.get(claim.path or ""), claim.start)
                if line is None:
                    continue
                text, offset = line
                shown = Text(f"      {role:>6} │ ", style="dim")
                body = Text(text)
                a, b = claim.start - offset, min(claim.end - offset, len(text))
                if 0 <= a < b:
                    body.stylize("bold reverse", a, b)
                console.print(shown + body, overflow="fold")
        console.print()
    counts = summary(findings)
    console.print(f"{len(findings)} findings ({counts['error']} errors, {counts['warning']} warnings, "
                  f"{counts['info']} info) in {files} file{'s' if files != 1 else ''}, {claims} claims")


def _line(text: str | None, pos: int) -> tuple[str, int] | None:
    if text is None or not 0 <= pos <= len(text):
        return None
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    if end - start > 400:                      # a long paragraph: the sentence around the claim
        start, end = max(start, pos - 150), min(end, pos + 200)
    return text[start:end], start
