"""`claimcheck index` and `claimcheck claims` against a real ledger file."""

from __future__ import annotations

import json

from checker.cli import main

A = "2016-11-11 08:14:33 来源:法制日报\n中国已向联合国任务区派遣维和警察2455人次。\n"
B = "2021-09-09 10:00:00\n目前已有2600余名维和警察参与联合国维和行动。\n"


def test_index_then_claims(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert main(["index", str(tmp_path), "--ledger", str(db)]) == 0
    assert "2 added" in capsys.readouterr().err
    assert main(["index", str(tmp_path), "--ledger", str(db)]) == 0
    assert "2 unchanged" in capsys.readouterr().err
    (tmp_path / "b.txt").write_text(B.replace("2600", "2700"), encoding="utf-8")
    assert main(["index", str(tmp_path), "--ledger", str(db)]) == 0
    assert "1 replaced" in capsys.readouterr().err

    assert main(["claims", "--ledger", str(db), "--subject", "维和警察", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    timeline = [(r["as_of"], r["nominal"]) for r in doc["claims"]]
    assert timeline == [("2016-11-11", 2455), ("2021-09-09", 2700)]

    assert main(["claims", "--ledger", str(db), "--subject", "维和警察", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "2455人次" in out and "2700余名" in out


def test_claims_without_a_ledger_is_exit_2(tmp_path, capsys):
    assert main(["claims", "--ledger", str(tmp_path / "none.db")]) == 2
    assert "no such ledger" in capsys.readouterr().err
