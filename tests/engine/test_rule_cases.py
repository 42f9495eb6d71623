"""Every rule's cases, one data file per rule (tests/engine/cases/rules/CODE-name.yaml), run by
one parametrised test: translation cases are a Chinese/English pair, consistency cases one text,
corpus cases an archive (articles indexed into a real ledger file) and a document checked
against it."""

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
        reported = [c for c in cases if rule.name in c["findings"] + c.get("info", [])]
        assert reported, f"{code}: no case it reports"
        # an info rule's quiet case must say so (an `info` list without it)
        assert any(rule.name not in c["findings"] and (rule.severity != "info" or rule.name not in
                                                       c.get("info", [rule.name])) for c in cases), \
            f"{code}: no case it accepts"


def corpus_findings(tmp_path: Path, archive: list[str], document: str, date: str | None = None):
    """Index each archived article as its own file, then check the document against the ledger,
    as `claimcheck index` and `claimcheck check --ledger` do."""
    from checker.engine.corpus import check_results
    from checker.io.bilingual import read_bitexts
    from checker.ledger import Ledger, index_result

    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        for i, text in enumerate(archive):
            f = tmp_path / f"archive-{i}.txt"
            f.write_text(text, encoding="utf-8")
            for b in read_bitexts([str(f)]):
                index_result(ledger, check_bitext(b))
        f = tmp_path / "document.txt"
        f.write_text(document, encoding="utf-8")
        results = [check_bitext(b, as_of=date) for b in read_bitexts([str(f)])]
        return check_results(ledger, results)


@pytest.mark.parametrize("path,case", CASES)
def test_rule_case(path, case, tmp_path):
    if "archive" in case:
        findings = corpus_findings(tmp_path, case["archive"], case["document"], case.get("date"))
    elif "zh" in case:
        # `date`: the --date of the run (null: none, the unit dates itself or stays undated)
        date = case.get("date", "2021-11-01")
        findings = check_bitext(_bitext(case["zh"], case["en"]), as_of=str(date) if date else None).findings
    else:
        claims = extract_text(case["text"], path="a.txt", as_of=str(case["date"]) if "date" in case else None)
        findings = check_claims(claims, {"a.txt": case["text"]})
    loud = Counter(f.rule.name for f in findings if f.severity != "info")
    assert loud == Counter(case["findings"]), [(f.rule.name, f.severity, f.message) for f in findings]
    if "info" in case:
        quiet = Counter(f.rule.name for f in findings if f.severity == "info")
        assert quiet == Counter(case["info"]), [(f.rule.name, f.severity, f.message) for f in findings]
