"""A finding: one rule's verdict on one or more claims. It knows nothing of rendering."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from checker.engine.catalogue import SEVERITIES, Rule
from checker.model import Claim


@dataclass(frozen=True, slots=True)
class Finding:
    rule: Rule
    severity: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    claims: tuple[tuple[str, Claim], ...]      # (role, claim): source/target, self, document/archive
    softened: str = ""                  # why the severity is below the rule's ("" when it is not)
    confidence: float | None = None     # a translation finding: how sure the pairing of its paragraphs is

    @property
    def note(self) -> str:
        """What a report says beside the message: why the finding is milder than its rule, and how
        sure the pairing of its paragraphs is when that is less than certain."""
        parts = [f"softened from {self.rule.severity}: {self.softened}"] if self.softened else []
        if self.confidence is not None and round(self.confidence, 2) < 1 and "confidence" not in self.softened:
            parts.append(f"pairing confidence {self.confidence:.2f}")
        return "; ".join(parts)

    @property
    def help(self) -> str:
        """How to fix it, where the rule knows (rules/catalogue.yaml ``help``): its template
        filled with the claims' texts by role (``{source}``, ``{archive}``, ``{claim}`` the
        first) and, for a weekday, ``{likely}``: the nearest day it falls on. "" otherwise."""
        if not self.rule.help:
            return ""
        fields: dict[str, str] = {}
        weekday, day = None, None
        for role, claim in self.claims:
            fields.setdefault(role, claim.text)
            fields.setdefault("claim", claim.text)
            value = claim.value
            if getattr(value, "weekday", None):
                weekday = weekday or value.weekday
            elif getattr(value, "start", None) and value.start == getattr(value, "end", None):
                day = day or value.start
        if weekday and day:             # the day nearest the written date that falls on the weekday
            written = date.fromisoformat(day[:10])
            fields["likely"] = (written + timedelta(days=(weekday - written.isoweekday() + 3) % 7 - 3)).isoformat()
        try:
            return self.rule.help.format_map(fields)
        except (KeyError, IndexError, ValueError):
            return ""                   # the finding lacks a claim the template names

    @property
    def rank(self) -> int:
        return SEVERITIES.index(self.severity)

    def to_json(self) -> dict:
        return {
            "rule": self.rule.code, "name": self.rule.name, "category": self.rule.category,
            "severity": self.severity, "message": self.message, "path": self.path,
            "line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column,
            "claims": [{"role": role} | claim.to_json() for role, claim in self.claims],
        } | self.pairing_json()

    def pairing_json(self) -> dict:
        """How sure the pairing of the paragraphs is, and why the severity was softened (the
        fields a translation finding adds to the contract's JSON, and to SARIF's properties)."""
        return ({"confidence": self.confidence} if self.confidence is not None else {}) \
            | ({"softened": {"from": self.rule.severity, "why": self.softened}} if self.softened else {})
