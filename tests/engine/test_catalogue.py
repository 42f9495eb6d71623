"""The catalogue's examples and the rules command (rule cases: test_rule_cases.py)."""

from __future__ import annotations

import pytest

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext



def _bitext(zh: str, en: str) -> Bitext:
    return Bitext((Segment("zh.txt", zh, 0, len(zh)),), (Segment("en.txt", en, 0, len(en)),), aligned=True)


def test_every_catalogue_example_is_reported_and_accepted_as_documented():
    """The catalogue's own examples hold: each rule reports its 'bad' pair and accepts its 'good' one."""
    from checker.engine.catalogue import catalogue

    for rule in {r.code: r for r in catalogue().values()}.values():
        if rule.category == "corpus":
            continue
        bad = check_bitext(_bitext(rule.bad["zh"], rule.bad["en"]), as_of="2021-11-01").findings
        good = check_bitext(_bitext(rule.good["zh"], rule.good["en"]), as_of="2021-11-01").findings
        assert rule.name in {f.rule.name for f in bad if f.severity != "info"}, (rule.code, bad)
        assert not [f for f in good if f.severity != "info"], (rule.code, good)


def test_every_corpus_example_is_reported_and_accepted_as_documented(tmp_path):
    """A corpus rule's examples are an archive (articles separated by a blank line) and a
    document: the rule reports its 'bad' document and not its 'good' one (at its own severity,
    so info rules count too)."""
    from checker.engine.catalogue import catalogue
    from tests.engine.test_rule_cases import corpus_findings

    rules = [r for r in {r.code: r for r in catalogue().values()}.values() if r.category == "corpus"]
    assert {r.name for r in rules} >= {"value-conflict", "stale-figure", "cumulative-decrease"}
    for i, rule in enumerate(rules):
        for label, example, expected in (("bad", rule.bad, True), ("good", rule.good, False)):
            where = tmp_path / f"{rule.code}-{label}"
            where.mkdir()
            found = corpus_findings(where, example["archive"].split("\n\n"), example["document"])
            assert (rule.name in {f.rule.name for f in found}) == expected, (rule.code, label, found)


def test_rules_command_lists_and_explains(capsys):
    from checker.cli import main

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "CC101  value-mismatch" in out and "CC107" in out
    assert main(["rules", "qualifier-drift"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CC104 qualifier-drift") and "Reported:" in out and "2600余名" in out
    assert main(["rules", "CC999"]) == 2
