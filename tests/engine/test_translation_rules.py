"""Translation rule cases (tests/engine/cases/translation.yaml), run by one parametrised test."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "translation.yaml").read_text(encoding="utf-8"))


def _bitext(zh: str, en: str) -> Bitext:
    return Bitext((Segment("zh.txt", zh, 0, len(zh)),), (Segment("en.txt", en, 0, len(en)),), aligned=True)


@pytest.mark.parametrize("case", CASES, ids=[c["en"][:40] for c in CASES])
def test_translation_case(case):
    findings = check_bitext(_bitext(case["zh"], case["en"]), as_of="2021-11-01").findings
    loud = Counter(f.rule.name for f in findings if f.severity != "info")
    assert loud == Counter(case["findings"]), [(f.rule.name, f.severity, f.message) for f in findings]
    if "info" in case:
        quiet = Counter(f.rule.name for f in findings if f.severity == "info")
        assert quiet == Counter(case["info"]), [(f.rule.name, f.severity, f.message) for f in findings]
