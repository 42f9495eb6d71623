"""Rendering findings as SARIF 2.1.0: one run, every rule of the catalogue, one result per finding."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from urllib.parse import quote

from checker.engine.catalogue import Rule, explain, generic_help
from checker.findings import Finding
from checker.model import Claim
from checker.report import stream

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "claimcheck/v1"          # the partialFingerprints key; bump the suffix if the hash changes


def rule_name(rule: Rule) -> str:
    """SARIF's friendly rule name is one Pascal identifier: value-mismatch → ValueMismatch."""
    return "".join(part[:1].upper() + part[1:] for part in rule.name.replace("_", "-").split("-") if part)


def artifact_uri(path: str) -> str:
    """A path as a relative URI reference: forward slashes, other unsafe characters percent-encoded."""
    # (quote encodes to UTF-8: a name of bytes that are not, kept as surrogate escapes, is
    # percent-encoded byte for byte)
    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"), safe="/!$&'()*+,;=:@-._~")


def fingerprint(f: Finding) -> str:
    """Stable across runs and line moves: the rule, the file and the message."""
    key = "\0".join((f.rule.code, f.path.replace("\\", "/"), f.message))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()   # (names not UTF-8 too)


def _descriptor(rule: Rule) -> dict:
    return {
        "id": rule.code,
        "name": rule_name(rule),
        "shortDescription": {"text": rule.doc or rule.name},
        "fullDescription": {"text": explain(rule).strip()},
        # (no helpUri: the rules' documentation ships with the tool — `claimcheck rules CODE` —
        # and has no public address to point at; help carries the same text)
        "help": {"text": explain(rule).strip(), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "slug": rule.name},
    }


def _help_markdown(rule: Rule) -> str:
    lines = [f"**{rule.code} {rule.name}** ({rule.category}, default severity {rule.severity})", "", rule.doc]
    if rule.help:
        lines += ["", f"How to fix: {generic_help(rule)}."]
    for label, example in (("Reported", rule.bad), ("Accepted", rule.good)):
        if example:
            lines += ["", f"{label}:", ""] + [f"- {side}: `{text}`" for side, text in example.items()]
    lines += ["", f"`claimcheck rules {rule.code}` explains it in full."]
    return "\n".join(lines)


def _location(path: str, line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"physicalLocation": {
        "artifactLocation": {"uri": artifact_uri(path)},
        "region": {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column},
    }}


def _claim_location(claim: Claim, role: str, index: int, default_path: str) -> dict:
    lines = claim.text.split("\n")
    if len(lines) == 1:
        end_line, end_column = claim.line, claim.column + (claim.end - claim.start)
    else:
        end_line, end_column = claim.line + len(lines) - 1, len(lines[-1]) + 1
    loc = _location(claim.path or default_path, claim.line, claim.column, end_line, end_column)
    return {"id": index} | loc | {"message": {"text": f"{role}: {claim.text}"}}


def _result(f: Finding, index: dict[str, int]) -> dict:
    related = []
    for role, claim in f.claims:
        if ((claim.path or f.path), claim.line, claim.column) == (f.path, f.line, f.column):
            continue                   # the claim the result is about: already the primary location
        related.append(_claim_location(claim, role, len(related) + 1, f.path))
    result = {
        "ruleId": f.rule.code,
        "ruleIndex": index[f.rule.code],
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [_location(f.path, f.line, f.column, f.end_line, f.end_column)],
    }
    if related:
        result["relatedLocations"] = related
    result["partialFingerprints"] = {FINGERPRINT: fingerprint(f)}
    result["properties"] = {"category": f.rule.category} | f.pairing_json()
    return result


def to_sarif(findings: Sequence[Finding], rules: Iterable[Rule], tool_version: str) -> str:
    return "".join(sarif_chunks(findings, rules, tool_version))


def sarif_chunks(findings: Sequence[Finding], rules: Iterable[Rule], tool_version: str) -> Iterator[str]:
    """``rules`` is the catalogue (by name and by code, or a plain list): each rule is listed once,
    in code order; a finding's rule missing from it is added."""
    if isinstance(rules, Mapping):
        rules = rules.values()
    by_code: dict[str, Rule] = {}
    for r in list(rules) + [f.rule for f in findings]:
        by_code.setdefault(r.code, r)
    ordered = [by_code[c] for c in sorted(by_code)]
    index = {r.code: i for i, r in enumerate(ordered)}
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": tool_version,
                "rules": [_descriptor(r) for r in ordered],
            }},
            "columnKind": "unicodeCodePoints",
            "results": stream.ITEMS,
        }],
    }
    return stream.json_chunks(doc, (_result(f, index) for f in findings))
