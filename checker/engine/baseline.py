"""Baselines: adopt claimcheck on an existing archive and fail only on new problems.

A finding's fingerprint hashes its file path, rule code and the claims involved (role, subject,
text, kind, value, unit) but not line numbers, so edits elsewhere in the file keep it. A baseline
is a multiset: two identical findings need two entries. Entries that no longer match a finding
are stale (the problem was fixed, or its wording changed) and are reported so the file can be
refreshed with ``--write-baseline``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from checker.errors import UserError
from checker.io.write import write_atomically
from checker.findings import Finding

VERSION = 1


def _path(p: str) -> str:
    return p.replace("\\", "/")


def fingerprint(f: Finding) -> str:
    """A stable id of ``f``: path, rule and claims, not positions."""
    claims = [[role, c.subject, c.text, c.kind, c.value.to_json(), c.unit] for role, c in f.claims]
    parts = [_path(f.path), f.rule.code, claims]
    if not f.claims:            # e.g. an unused suppression: only its message tells it apart
        parts.append(f.message)
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def _entry(f: Finding) -> dict:
    return {"fingerprint": fingerprint(f), "path": _path(f.path), "rule": f.rule.code, "name": f.rule.name,
            "message": f.message}


def write_baseline(findings: list[Finding], path: Path) -> None:
    """Write the findings' fingerprints to ``path`` as JSON, atomically."""
    path = Path(path)
    entries = sorted((_entry(f) for f in findings),
                     key=lambda e: (e["path"], e["rule"], e["fingerprint"], e["message"]))
    data = {"version": VERSION, "tool": "claimcheck", "findings": entries}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, text, "the baseline")


def read_baseline(path: Path) -> list[dict]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise UserError(f"{path}: cannot read the baseline ({getattr(e, 'strerror', None) or e}). "
                        "Create it with --write-baseline.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise UserError(f"{path}:{e.lineno}: malformed baseline ({e.msg}); expected the JSON written by "
                        "--write-baseline.") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise UserError(f"{path}: malformed baseline; expected an object with \"version\" and a \"findings\" list "
                        "as written by --write-baseline.")
    if data.get("version") != VERSION:
        raise UserError(f"{path}: baseline version {data.get('version')!r} is not supported; expected {VERSION}. "
                        "Rewrite it with --write-baseline.")
    for i, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str):
            raise UserError(f"{path}: malformed baseline entry {i + 1}; expected an object with a \"fingerprint\" "
                            "string.")
    return data["findings"]


def apply_baseline(findings: list[Finding], path: Path,
                   checked: set[str] | None = None) -> tuple[list[Finding], list[dict]]:
    """The findings not in the baseline at ``path``, and its entries no finding matches (stale).
    ``checked``: the files this run checked; an entry of another file is not stale, only not
    looked at (a hook checking the two changed files of an archive)."""
    entries = read_baseline(path)
    if checked is not None:
        checked = {_path(p) for p in checked}
    budget = Counter(e["fingerprint"] for e in entries)
    new: list[Finding] = []
    for f in findings:
        fp = fingerprint(f)
        if budget[fp] > 0:
            budget[fp] -= 1
        else:
            new.append(f)
    stale: list[dict] = []
    for e in entries:
        if checked is not None and _path(str(e.get("path", ""))) not in checked:
            continue
        if budget[e["fingerprint"]] > 0:
            budget[e["fingerprint"]] -= 1
            stale.append(e)
    return new, stale
