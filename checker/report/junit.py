"""Rendering findings as JUnit XML: one test case per checked file, a failure per finding at or
above --fail-on; the findings below it are told in the test case's system-out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape
from collections.abc import Iterator, Sequence

from checker.engine.catalogue import SEVERITIES
from checker.findings import Finding
from checker.report.findings import shown_path

# what XML 1.0 cannot hold even as a character reference: ElementTree writes these as they are
# (or as &#56575; for a surrogate), and the file is then not well-formed
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def fails(f: Finding, fail_on: str) -> bool:
    """Whether a finding is a failure at this --fail-on (info < warning < error; never: none)."""
    return fail_on != "never" and f.rank >= SEVERITIES.index(fail_on)


def _where(f: Finding) -> str:
    return f"{shown_path(f.path)}:{f.line}:{f.column}"


def _body(f: Finding) -> str:
    lines = [f"{_where(f)}: {f.rule.code} [{f.severity}] {f.rule.name}: {f.message}"]
    if f.note:
        lines.append(f"  note: {f.note}")
    for role, claim in f.claims:
        lines.append(f"  {role}: {claim.text}  ({shown_path(claim.path or f.path)}:{claim.line}:{claim.column})")
    return _xml("\n".join(lines) + "\n")


def _case(path: str, findings: list[Finding], fail_on: str) -> Iterator[str]:
    """A file's test case, a failure at a time: what ``ET.indent`` and ``ET.tostring`` of the
    whole element write, byte for byte, without holding it (one file may carry every finding)."""
    case = ET.tostring(ET.Element("testcase", classname="claimcheck", name=shown_path(path)),
                       encoding="unicode", short_empty_elements=False)
    if not findings:
        yield "    " + case.removesuffix("></testcase>") + " />\n"
        return
    yield "    " + case.removesuffix("</testcase>")
    passed = []
    for f in findings:
        if fails(f, fail_on):
            failure = ET.Element("failure", type=f"{f.rule.code} {f.rule.name}", message=_xml(f"{_where(f)}: {f.message}"))
            failure.text = _body(f)
            yield "\n      " + ET.tostring(failure, encoding="unicode")
        else:
            passed.append(f)
    if passed:
        yield "\n      <system-out>"
        yield from (escape(_body(f)) for f in passed)     # the text escaped a piece at a time
        yield "</system-out>"
    yield "\n    </testcase>\n"


def to_junit(findings: Sequence[Finding], files: Sequence[str], fail_on: str) -> str:
    return "".join(junit_chunks(findings, files, fail_on))


def junit_chunks(findings: Sequence[Finding], files: Sequence[str], fail_on: str) -> Iterator[str]:
    """One test case per file, written as it is built (the counts come first, from the findings)."""
    if fail_on != "never" and fail_on not in SEVERITIES:
        raise ValueError(f"fail_on must be one of {', '.join(SEVERITIES)} or never, not {fail_on!r}")
    paths = list(dict.fromkeys(files))
    by_path: dict[str, list[Finding]] = {p: [] for p in paths}
    for f in findings:
        if f.path not in by_path:           # a finding in a file not given: it still gets its test case
            by_path[f.path] = []
            paths.append(f.path)
        by_path[f.path].append(f)

    failures = sum(fails(f, fail_on) for f in findings)
    counts = {"tests": str(len(paths)), "failures": str(failures), "errors": "0", "skipped": "0"}
    attributes = "".join(f' {k}="{v}"' for k, v in counts.items())
    yield f"<?xml version='1.0' encoding='utf-8'?>\n<testsuites name=\"claimcheck\"{attributes}>\n"
    yield f'  <testsuite name="claimcheck"{attributes}>\n'
    for path in paths:
        yield from _case(path, by_path[path], fail_on)
    yield "  </testsuite>\n</testsuites>\n"
