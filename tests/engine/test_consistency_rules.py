"""Consistency rule cases (tests/engine/cases/consistency.yaml), run by one parametrised test."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from checker.engine.consistency import check_claims
from checker.extract import extract_text

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "consistency.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_consistency_case(case):
    text = case["text"]
    claims = extract_text(text, path="a.txt")
    findings = [f for f in check_claims(claims, {"a.txt": text}) if f.severity != "info"]
    assert Counter(f.rule.name for f in findings) == Counter(case["findings"]), \
        [(f.rule.name, f.message) for f in findings]
    for f in findings:
        assert f.claims[0][0] == "self" and f.line >= 1
