"""`claimcheck rules`: every rule a check can report is listed and explained, in text or JSON."""

from __future__ import annotations

import json

from checker.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_rule_a_check_reports_is_listed(tmp_path, capsys):
    # issue 16: unused-suppression (CC001) fired in reports but was missing from `rules`
    (tmp_path / "a.txt").write_text("<!-- claimcheck: disable CC101 -->\n全年共破获案件5起。\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "a.txt"), "--format", "json")
    reported = {f["rule"] for f in json.loads(out)["findings"]}
    assert "CC001" in reported
    code, out, _ = run(capsys, "rules")
    listed = {line.split()[0] for line in out.splitlines()}
    assert code == 0 and reported <= listed
    code, out, _ = run(capsys, "rules", "unused-suppression")
    assert code == 0 and out.startswith("CC001 unused-suppression (consistency")


def test_rules_as_json_match_the_text_listing(capsys):
    _, text, _ = run(capsys, "rules")
    code, out, err = run(capsys, "rules", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and err == "" and doc["version"] == 1
    assert [r["code"] for r in doc["rules"]] == [line.split()[0] for line in text.splitlines()]
    for r in doc["rules"]:
        assert set(r) >= {"code", "name", "category", "severity", "message", "doc", "parameters"}
        assert r["severity"] in ("error", "warning", "info")
    mismatch = next(r for r in doc["rules"] if r["name"] == "value-mismatch")
    assert mismatch["reported"]["zh"] and mismatch["accepted"]["en"] and "rounding" in mismatch["parameters"]
    code, out, _ = run(capsys, "rules", "CC101", "--format", "json")
    assert code == 0 and [r["name"] for r in json.loads(out)["rules"]] == ["value-mismatch"]


def test_an_unknown_rule_is_exit_2_with_a_guess(capsys):
    code, out, err = run(capsys, "rules", "value-mismach", "--format", "json")
    assert code == 2 and out == "" and "did you mean 'value-mismatch'?" in err


def test_a_rules_fix_reads_in_general_words_where_no_finding_fills_it(capsys):
    # SARIF's help and `rules` give the fix with no finding at hand: no "{source}" left unfilled
    from tests.seeds import SEEDS

    code, out, _ = run(capsys, "rules", "--format", "json")
    helps = [r["help"] for r in json.loads(out)["rules"] if r["help"]]
    assert len(helps) >= 8 and not any("{" in h for h in helps)
    code, out, _ = run(capsys, "check", str(SEEDS), "--format", "sarif", "--exit-zero")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert all("{" not in r["help"]["text"] and "{" not in r["help"]["markdown"] for r in rules)
