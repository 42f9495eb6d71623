"""A finding: one rule's verdict on one or more claims. It knows nothing of rendering."""

from __future__ import annotations

from dataclasses import dataclass

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

    @property
    def rank(self) -> int:
        return SEVERITIES.index(self.severity)

    def to_json(self) -> dict:
        return {
            "rule": self.rule.code, "name": self.rule.name, "category": self.rule.category,
            "severity": self.severity, "message": self.message, "path": self.path,
            "line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column,
            "claims": [{"role": role} | claim.to_json() for role, claim in self.claims],
        }
