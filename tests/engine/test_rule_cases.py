"""Every rule's cases, one data file per rule (tests/engine/cases/rules/CODE-name.yaml), run by
one parametrised test: translation cases are a Chinese/English pair, consistency cases one text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext
from checker.engine.catalogue import catalogue
from checker.engine.consistency import check_claims
from checker.extract import extract_text

FILES = sorted((Path(__file__).parent / "cases" / "rules").glob("*.yaml"))
CASES = [pytest.param(path, case, id=f"{path.stem}[{i}]")
         for path in FILES for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")))]


def _bitext(zh: str, en: str) -> Bitext:
    return Bitext((Segment("zh.txt", zh, 0, len(zh)),), (Segment("en.txt", en, 0, len(en)),), aligned=True)


def test_every_rule_has_its_file_with_cases_that_pass_and_fail():
    rules = {r.code: r for r in catalogue().values()}
    named = {p.stem.split("-", 1)[0]: p for p in FILES}
    for code, rule in rules.items():
        assert code in named and named[code].stem == f"{code}-{rule.name}", code
        cases = yaml.safe_load(named[code].read_text(encoding="utf-8"))
        assert any(rule.name in c["findings"] for c in cases), f"{code}: no case it reports"
        assert any(not c["findings"] for c in cases), f"{code}: no case it accepts"


@pytest.mark.parametrize("path,case", CASES)
def test_rule_case(path, case):
    if "zh" in case:
        findings = check_bitext(_bitext(case["zh"], case["en"]), as_of="2021-11-01").findings
    else:
        claims = extract_text(case["text"], path="a.txt")
        findings = check_claims(claims, {"a.txt": case["text"]})
    loud = Counter(f.rule.name for f in findings if f.severity != "info")
    assert loud == Counter(case["findings"]), [(f.rule.name, f.severity, f.message) for f in findings]
    if "info" in case:
        quiet = Counter(f.rule.name for f in findings if f.severity == "info")
        assert quiet == Counter(case["info"]), [(f.rule.name, f.severity, f.message) for f in findings]
