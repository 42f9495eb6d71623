"""Baselines: fingerprints without line numbers, round trip, new and stale findings, bad files."""

from __future__ import annotations

import json

import pytest

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext
from checker.engine.baseline import apply_baseline, fingerprint, read_baseline, write_baseline
from checker.engine.consistency import check_claims
from checker.errors import UserError
from checker.extract import extract_text

ZH = "共抓获犯罪嫌疑人1168名。"
EN = "Police arrested 1,186 suspects."


def translation(zh: str = ZH, en: str = EN):
    bitext = Bitext((Segment("zh.txt", zh, 0, len(zh)),), (Segment("en.txt", en, 0, len(en)),), aligned=True)
    return check_bitext(bitext).findings


def consistency(text: str, path: str = "a.md"):
    return check_claims(extract_text(text, path=path), {path: text})


def test_round_trip(tmp_path):
    findings = translation() + consistency("会议于2023年2月30日举行。\n支持率为120%的民众。")
    assert len(findings) == 3
    base = tmp_path / "baseline.json"
    write_baseline(findings, base)
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["findings"]) == 3
    keys = [(e["path"], e["rule"], e["fingerprint"]) for e in data["findings"]]
    assert keys == sorted(keys)
    assert {e["rule"] for e in data["findings"]} == {"CC101", "CC201", "CC204"}
    assert not list(tmp_path.glob("*.tmp"))           # the temporary file was renamed
    new, stale = apply_baseline(findings, base)
    assert new == [] and stale == []
    # writing again gives the same bytes (stable order)
    before = base.read_bytes()
    write_baseline(list(reversed(findings)), base)
    assert base.read_bytes() == before


def test_fingerprint_ignores_lines_but_not_values():
    one = consistency("会议于2023年2月30日举行。")
    moved = consistency("新的第一段。\n\n另一段文字。\n\n会议于2023年2月30日举行。")
    assert one[0].line == 1 and moved[0].line == 5
    assert fingerprint(one[0]) == fingerprint(moved[0])
    other = consistency("会议于2023年2月31日举行。")
    assert fingerprint(other[0]) != fingerprint(one[0])
    assert fingerprint(consistency("会议于2023年2月30日举行。", path="b.md")[0]) != fingerprint(one[0])
    t1, t2 = translation()[0], translation(en="Police arrested 1,187 suspects.")[0]
    assert t1.rule.code == t2.rule.code == "CC101" and fingerprint(t1) != fingerprint(t2)


def test_moved_finding_still_matched_new_one_reported(tmp_path):
    base = tmp_path / "b.json"
    write_baseline(consistency("会议于2023年2月30日举行。"), base)
    later = consistency("新的第一段。\n\n会议于2023年2月30日举行。\n\n支持率为120%的民众。")
    new, stale = apply_baseline(later, base)
    assert [(f.rule.code, f.line) for f in new] == [("CC204", 5)] and stale == []


def test_translation_finding_survives_edit_elsewhere(tmp_path):
    base = tmp_path / "b.json"
    write_baseline(translation(), base)
    new, stale = apply_baseline(translation(en="In a long operation,\n" + EN), base)
    assert new == [] and stale == []


def test_stale_entry_reported(tmp_path):
    base = tmp_path / "b.json"
    write_baseline(translation() + consistency("支持率为120%的民众。"), base)
    new, stale = apply_baseline(consistency("支持率为120%的民众。"), base)
    assert new == []
    assert [(e["rule"], e["path"]) for e in stale] == [("CC101", "en.txt")]
    assert "1168" in stale[0]["message"]


def test_duplicates_count(tmp_path):
    text = "会议于2023年2月30日举行。"
    base = tmp_path / "b.json"
    write_baseline(consistency(text), base)
    twice = consistency(text + "\n" + text)
    assert len(twice) == 2 and fingerprint(twice[0]) == fingerprint(twice[1])
    new, stale = apply_baseline(twice, base)
    assert len(new) == 1 and new[0].line == 2 and stale == []
    write_baseline(twice, base)
    new, stale = apply_baseline(consistency(text), base)
    assert new == [] and len(stale) == 1


@pytest.mark.parametrize("content,expected", [
    ("{not json", r"b\.json:1: malformed baseline"),
    ("[]", r"b\.json: malformed baseline"),
    ('{"version": 1}', r"b\.json: malformed baseline"),
    ('{"version": 99, "findings": []}', r"b\.json: baseline version 99"),
    ('{"version": 1, "findings": [{"rule": "CC101"}]}', r"b\.json: malformed baseline entry 1"),
])
def test_malformed_baseline(tmp_path, content, expected):
    base = tmp_path / "b.json"
    base.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=expected):
        apply_baseline(translation(), base)


def test_missing_baseline(tmp_path):
    with pytest.raises(UserError, match=r"missing\.json: cannot read the baseline"):
        read_baseline(tmp_path / "missing.json")


def test_unwritable_baseline(tmp_path):
    with pytest.raises(UserError, match="cannot write the baseline"):
        write_baseline(translation(), tmp_path / "no" / "such" / "dir" / "b.json")


def test_a_run_on_some_files_finds_no_stale_entry_in_the_others(tmp_path, capsys):
    # issue 16: --baseline on a subset of the files (a hook checking what changed) reported every
    # other file's entries as "no longer match (fixed?)"
    from checker.cli import main

    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("会议于2023年2月30日举行。\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert main(["check", str(tmp_path), "--write-baseline", str(base), "--format", "json"]) == 0
    capsys.readouterr()
    assert len(json.loads(base.read_text(encoding="utf-8"))["findings"]) == 2
    code = main(["check", str(tmp_path / "a.txt"), "--baseline", str(base), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["findings"] == [] and "no longer match" not in err
    (tmp_path / "a.txt").write_text("会议于2023年2月28日举行。\n", encoding="utf-8")     # fixed
    code = main(["check", str(tmp_path / "a.txt"), "--baseline", str(base), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and "1 baseline entries no longer match" in err and "a.txt" in err


def test_writing_a_baseline_is_not_a_failed_check(tmp_path, capsys):
    # issue 16: --write-baseline exited 1 for the findings it had just accepted
    from checker.cli import main

    (tmp_path / "a.txt").write_text("会议于2023年2月30日举行。\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert main(["check", str(tmp_path / "a.txt"), "--write-baseline", str(base)]) == 0
    assert main(["check", str(tmp_path / "a.txt")]) == 1          # without a baseline it still fails
    capsys.readouterr()
