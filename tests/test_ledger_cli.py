"""`claimcheck index` and `claimcheck claims` against a real ledger file."""

from __future__ import annotations

import json
from pathlib import Path

from checker.cli import main

A = "2016-11-11 08:14:33 来源:法制日报\n中国已向联合国任务区派遣维和警察2455人次。\n"
B = "2021-09-09 10:00:00\n目前已有2600余名维和警察参与联合国维和行动。\n"


def test_index_then_claims(tmp_path, capsys, ledger_url):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    db = ledger_url
    assert main(["index", str(tmp_path), "--ledger", str(db)]) == 0
    assert "2 added" in capsys.readouterr().err
    assert main(["index", str(tmp_path), "--ledger", str(db)]) == 0
    assert "2 unchanged" in capsys.readouterr().err
    (tmp_path / "b.txt").write_text(B.replace("2600", "2700"), encoding="utf-8")
    assert main(["index", str(tmp_path), "--ledger", str(db)]) == 0
    assert "1 replaced" in capsys.readouterr().err

    assert main(["claims", "--ledger", str(db), "--subject", "维和警察", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    timeline = [(r["as_of"], r["value"]["nominal"]) for r in doc["claims"]]
    assert timeline == [("2016-11-11", 2455), ("2021-09-09", 2700)]

    assert main(["claims", "--ledger", str(db), "--subject", "维和警察", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "2455人次" in out and "2700余名" in out


def test_claims_without_a_ledger_is_exit_2(tmp_path, capsys):
    assert main(["claims", "--ledger", str(tmp_path / "none.db")]) == 2
    assert "no such ledger" in capsys.readouterr().err


def _json(capsys):
    return json.loads(capsys.readouterr().out)


def test_check_against_a_ledger(tmp_path, capsys, ledger_url):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "b.txt").write_text(B, encoding="utf-8")
    db = ledger_url
    assert main(["index", str(tmp_path / "archive"), "--ledger", str(db)]) == 0
    draft = tmp_path / "draft.txt"
    draft.write_text("2021-09-09 18:00:00\n目前已有2455名维和警察参与联合国维和行动。\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(draft), "--ledger", str(db), "--format", "json"]) == 1
    findings = _json(capsys)["findings"]
    conflict = [f for f in findings if f["name"] == "value-conflict"]
    assert len(conflict) == 1
    f = conflict[0]
    assert (f["category"], f["severity"], f["path"], f["line"]) == ("corpus", "error", str(draft), 2)
    assert [c["role"] for c in f["claims"]] == ["document", "archive"]
    assert f["claims"][1]["path"].endswith("b.txt") and f["claims"][1]["text"] == "2600余名"
    # the corpus rules are selected and ignored like any other
    assert main(["check", str(draft), "--ledger", str(db), "--ignore", "corpus"]) == 0
    capsys.readouterr()
    # without --ledger, no corpus rule runs
    assert main(["check", str(draft), "--format", "json"]) == 0
    assert not [f for f in _json(capsys)["findings"] if f["category"] == "corpus"]


def test_check_with_a_missing_ledger_is_exit_2(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("目前已有2455名维和警察。\n", encoding="utf-8")
    assert main(["check", str(draft), "--ledger", str(tmp_path / "none.db")]) == 2
    err = capsys.readouterr().err
    assert "no such ledger" in err and "Traceback" not in err


def test_a_document_is_not_compared_with_itself(tmp_path, capsys, ledger_url):
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    db = ledger_url
    assert main(["index", str(tmp_path / "b.txt"), "--ledger", str(db)]) == 0
    capsys.readouterr()
    changed = tmp_path / "b.txt"
    changed.write_text(B.replace("2600", "2455"), encoding="utf-8")   # edited since it was indexed
    assert main(["check", str(changed), "--ledger", str(db), "--format", "json", "--select", "corpus"]) == 0
    assert _json(capsys)["findings"] == []


def test_the_ledger_learns_subjects_from_translations(tmp_path, capsys, ledger_url):
    # "service members" is in no glossary: the bilingual article aligns it with 维和警察
    bilingual = ("2021-09-09 10:00:00\n22年来，中国先后派出2600余名维和警察。\n\n"
                 "Over the past 22 years, China has sent more than 2,600 service members.\n")
    (tmp_path / "a.txt").write_text(bilingual, encoding="utf-8")
    # a second translation that says so: a pair is learnt from two documents
    (tmp_path / "b.txt").write_text(
        "2021-09-09 12:00:00\n目前，中国已累计派出2600余名维和警察。\n\n"
        "So far, China has sent more than 2,600 service members.\n", encoding="utf-8")
    db = ledger_url
    assert main(["index", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--ledger", str(db)]) == 0
    capsys.readouterr()
    assert main(["claims", "--ledger", str(db), "--subject", "service members", "--format", "json"]) == 0
    texts = {r["text"] for r in _json(capsys)["claims"]}
    assert {"2600余名", "more than 2,600"} <= texts
    draft = tmp_path / "draft.txt"
    draft.write_text("2021-09-09 20:00:00\nSo far, China has sent 2,455 service members.\n", encoding="utf-8")
    assert main(["check", str(draft), "--ledger", str(db), "--format", "json", "--select", "corpus"]) == 1
    assert [f["name"] for f in _json(capsys)["findings"]] == ["value-conflict"]


def test_index_in_two_processes_stores_what_one_process_stores(tmp_path, capsys):
    from pathlib import Path

    from checker.ledger import Ledger

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    stored = []
    for jobs in ("1", "2"):
        db = tmp_path / f"ledger-{jobs}.db"
        assert main(["index", str(seeds), "--ledger", str(db), "--jobs", jobs]) == 0
        capsys.readouterr()
        with Ledger(db) as ledger:
            assert ledger.check_integrity()
            stored.append(([{k: v for k, v in c.items() if k != "id"} for c in ledger.claims_for()],
                           ledger.learnt_subjects()))
    assert stored[0][0] and stored[0] == stored[1]


def test_a_document_dated_by_a_span_of_years_shows_a_bound_not_a_day(tmp_path, capsys, ledger_url):
    (tmp_path / "a.txt").write_text("从2012年到2018年，全省累计建成警务工作站45个。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("2019-06-01 09:00:00\n全省累计建成警务工作站52个。\n", encoding="utf-8")
    db = ledger_url
    assert main(["index", str(tmp_path / "a.txt"), "--ledger", str(db)]) == 0
    capsys.readouterr()
    assert main(["claims", "--ledger", str(db), "--subject", "警务工作站", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "2018 or later" in out and "2018-01-01" not in out
    assert main(["check", str(tmp_path / "b.txt"), "--ledger", str(db), "--format", "json"]) == 0
    timeline = [f for f in _json(capsys)["findings"] if f["name"] == "figure-timeline"]
    assert len(timeline) == 1 and "45个 (2018 or later" in timeline[0]["message"]


def test_index_from_stdin_needs_a_name(tmp_path, capsys, monkeypatch):
    import io

    db = tmp_path / "ledger.db"
    monkeypatch.setattr("sys.stdin", io.StringIO(A))
    assert main(["index", "-", "--ledger", str(db)]) == 2
    assert "--stdin-filename" in capsys.readouterr().err
    assert not db.exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(A))
    assert main(["index", "-", "--ledger", str(db), "--stdin-filename", "2016/a.txt"]) == 0
    capsys.readouterr()
    assert main(["claims", "--ledger", str(db), "--format", "json"]) == 0
    assert {c["path"] for c in _json(capsys)["claims"]} == {"2016/a.txt"}


def test_index_again_with_another_date_rereads(tmp_path, capsys, ledger_url):
    f = tmp_path / "undated.txt"
    f.write_text("目前已有2600余名维和警察参与联合国维和行动。\n", encoding="utf-8")
    db = ledger_url
    assert main(["index", str(f), "--ledger", str(db)]) == 0
    assert main(["index", str(f), "--ledger", str(db), "--date", "2021-09-09"]) == 0
    assert "1 replaced" in capsys.readouterr().err
    assert main(["claims", "--ledger", str(db), "--format", "json"]) == 0
    assert {c["as_of"] for c in _json(capsys)["claims"]} == {"2021-09-09"}


def test_read_commands_leave_a_bad_ledger_alone(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(B, encoding="utf-8")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for argv in (["check", str(draft), "--ledger", str(empty)], ["claims", "--ledger", str(empty)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "empty file" in err and "Traceback" not in err
    assert empty.stat().st_size == 0
    assert main(["check", str(draft), "--ledger", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_an_english_figure_indexed_before_its_subject_was_learnt_is_still_found(tmp_path, capsys, ledger_url):
    (tmp_path / "old.txt").write_text("2016-11-11 10:00:00\nSo far, China has sent 2,455 service members.\n",
                                      encoding="utf-8")
    for name, hour in (("a.txt", "10"), ("b.txt", "12")):
        (tmp_path / name).write_text(
            f"2021-09-09 {hour}:00:00\n目前，中国已累计派出2600余名维和警察。\n\n"
            "So far, China has sent more than 2,600 service members.\n", encoding="utf-8")
    db = ledger_url
    for name in ("old.txt", "a.txt", "b.txt"):          # the English one first: nothing learnt yet
        assert main(["index", str(tmp_path / name), "--ledger", str(db)]) == 0
    capsys.readouterr()
    draft = tmp_path / "draft.txt"
    draft.write_text("2023-03-01 09:00:00\n中国已累计派出维和警察2455名。\n", encoding="utf-8")
    main(["check", str(draft), "--ledger", str(db), "--format", "json", "--select", "corpus"])
    stale = [f for f in _json(capsys)["findings"] if f["name"] == "stale-figure"]
    assert stale and any(c["path"].endswith("old.txt") for c in stale[0]["claims"])


def test_one_fact_in_two_languages_shares_its_kind(tmp_path):
    from checker.engine import check_bitext
    from checker.io.bilingual import read_bitexts
    from checker.ledger import bilingual_pairs, shared_flags

    f = tmp_path / "a.txt"
    f.write_text("2021-09-09 10:00:00\n目前有180名维和警察在任务区执勤。\n\n"
                 "180 peacekeeping police officers are on duty in the mission area.\n", encoding="utf-8")
    result = check_bitext(read_bitexts([str(f)])[0])
    pairs = bilingual_pairs(result.agreeing)
    (_, _, claims), = result.files
    before = {c.text: c.flags for c in claims}
    assert "current" in before["180名"] and "current" not in before["180"]   # only Chinese says so
    assert pairs
    flagged = {c.text: c.flags for c in shared_flags(claims, pairs)}
    assert "current" in flagged["180名"] and "current" in flagged["180"]


def test_claims_of_a_subject_show_it_in_every_place_and_language(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "arch").mkdir()
    (tmp_path / "arch" / "a.txt").write_text("2023-01-10 08:00:00\n南京市共有三甲医院26家。\n\n"
                                             "Nanjing has 26 top-grade hospitals.\n", encoding="utf-8")
    (tmp_path / "arch" / "b.txt").write_text("2023-01-10 08:00:00\n苏州市共有三甲医院19家。\n", encoding="utf-8")
    assert main(["index", "arch", "--ledger", "ledger.db"]) == 0
    capsys.readouterr()
    assert main(["claims", "--ledger", "ledger.db", "--subject", "三甲医院", "--format", "json"]) == 0
    rows = _json(capsys)["claims"]
    assert {(r["text"], r["key"]) for r in rows} >= {("26家", "南京市 / 三甲医院"), ("19家", "苏州市 / 三甲医院")}
    assert main(["claims", "--ledger", "ledger.db", "--subject", "南京市三甲医院", "--format", "json"]) == 0
    assert {r["text"] for r in _json(capsys)["claims"]} == {"26家", "26"}     # both languages, one place
    assert main(["claims", "--ledger", "ledger.db", "--subject", " "]) == 2
    assert "--subject" in capsys.readouterr().err
    # paths read from a subfolder are relative to it
    monkeypatch.chdir(tmp_path / "arch")
    assert main(["claims", "--ledger", "../ledger.db", "--format", "json"]) == 0
    assert {r["path"] for r in _json(capsys)["claims"]} == {"a.txt", "b.txt"}
    (tmp_path / "arch" / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "arch" / "sub")
    assert main(["claims", "--ledger", "../../ledger.db", "--format", "json"]) == 0
    assert {r["path"] for r in _json(capsys)["claims"]} == {"../a.txt", "../b.txt"}


def test_index_skips_an_unreadable_file_of_a_folder_and_indexes_the_rest(tmp_path, capsys, ledger_url):
    (tmp_path / "arch").mkdir()
    (tmp_path / "arch" / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "arch" / "b.txt").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)     # a zip, say
    (tmp_path / "arch" / "c.txt").write_text("目前已有2600余名维和警察参与联合国维和行动。\n", encoding="utf-8")
    db = ledger_url
    assert main(["index", str(tmp_path / "arch"), "--ledger", str(db)]) == 2
    err = capsys.readouterr().err
    assert "b.txt" in err and "2 added" in err and "Traceback" not in err
    assert "1 document(s) state no date" in err and "c.txt" in err
    assert main(["claims", "--ledger", str(db), "--format", "json"]) == 0
    assert {Path(r["path"]).name for r in _json(capsys)["claims"]} == {"a.txt", "c.txt"}


def test_claims_json_rows_are_claim_objects_whose_offsets_cut_their_text(tmp_path, capsys, ledger_url):
    (tmp_path / "a.txt").write_text("2021-09-09 10:00:00\n9月2日，中国已向联合国派遣维和警察2455人次，"
                                    "占总数的12.5%。\n", encoding="utf-8")
    db = ledger_url
    assert main(["index", str(tmp_path / "a.txt"), "--ledger", str(db)]) == 0
    capsys.readouterr()
    assert main(["claims", "--ledger", str(db), "--format", "json"]) == 0
    rows = _json(capsys)["claims"]
    assert {r["kind"] for r in rows} >= {"date", "count", "percent"}
    for r in rows:
        assert {"path", "line", "column", "start", "end", "lang", "kind", "text", "value", "unit",
                "qualifier", "subject", "as_of", "key"} <= set(r)
        assert Path(r["path"]).read_text(encoding="utf-8")[r["start"]:r["end"]] == r["text"]
    by_kind = {r["kind"]: r for r in rows}
    assert by_kind["date"]["value"] == {"start": "2021-09-02", "end": "2021-09-02"}
    assert by_kind["count"]["value"] == {"nominal": 2455, "low": 2455, "high": 2455}


def test_index_notes_an_empty_document_and_indexes_the_rest(tmp_path, capsys, ledger_url):
    # issue 14: an empty document is nothing to index, not an error (0 bytes, or white space only)
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_text(" \n\t\n", encoding="utf-8")
    db = ledger_url
    assert main(["index", str(tmp_path / "e.txt"), str(tmp_path / "a.txt"), str(tmp_path / "w.txt"),
                 "--ledger", str(db)]) == 0
    err = capsys.readouterr().err
    assert "info" in err and "e.txt" in err and "w.txt" in err and "empty document" in err
    assert "1 added" in err and "Traceback" not in err
    assert main(["index", str(tmp_path / "e.txt"), "--ledger", str(db)]) == 0
    assert "e.txt" in capsys.readouterr().err


def test_an_undated_draft_checked_against_the_ledger_is_read_as_of_today_and_says_so(tmp_path, capsys, ledger_url):
    """Issue 14: `check --ledger` on a draft that states no date says so on stderr (one line naming
    the file and the day used) and reads it as of today; --date overrides that day."""
    from datetime import date

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("2019-08-01 09:00:00\n截至目前，该项目累计培训乡村医生4300名。\n", encoding="utf-8")
    db = ledger_url
    assert main(["index", str(archive), "--ledger", str(db)]) == 0
    draft = tmp_path / "draft.txt"
    draft.write_text("截至目前，该项目累计培训乡村医生3900名。\n", encoding="utf-8")
    capsys.readouterr()

    assert main(["check", str(draft), "--ledger", str(db), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    notes = [line for line in err.splitlines() if "states no date" in line]
    assert len(notes) == 1 and str(draft) in notes[0] and date.today().isoformat() in notes[0], err
    found = json.loads(out)["findings"]
    assert [f["name"] for f in found if f["severity"] == "error"] == ["cumulative-decrease"]
    assert found[0]["claims"][0]["as_of"] == date.today().isoformat()

    # --date chooses the day: before the archive's 4300, 3900 is growth; and nothing is said
    assert main(["check", str(draft), "--ledger", str(db), "--format", "json", "--date", "2018-01-01"]) == 0
    out, err = capsys.readouterr()
    assert "states no date" not in err
    assert not [f for f in json.loads(out)["findings"] if f["severity"] != "info"]

    # a dated draft, and an undated one checked without a ledger, say nothing of dates
    dated = tmp_path / "dated.txt"
    dated.write_text("2020-08-01 09:00:00\n截至目前，该项目累计培训乡村医生4500名。\n", encoding="utf-8")
    main(["check", str(dated), "--ledger", str(db), "--format", "json"])
    main(["check", str(draft), "--format", "json"])
    assert "states no date" not in capsys.readouterr().err
