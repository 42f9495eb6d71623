"""`index --articles` and `check --articles`: exports of articles (JSON lines, CSV, Parquet), one
record per article, read lazily; bad records named and skipped."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os

import pytest

from checker.cli import main
from checker.io.articles import ArticleColumns, open_articles, pyarrow_threads_quiet
from tests.articles import dump_ledger, records, write_jsonl

ZH_TEXT = "截至2024年4月，中国已累计派出维和警察3000余人次。"
DRIFT = {"id": "pair-1", "date": "2024-03-01", "title_zh": "出口数据", "title_en": "Export figures",
         "text_zh": "去年出口增长了12%。", "text_en": "Exports grew 15% last year."}


def _write(path, recs) -> None:
    """An export of ``recs`` in the format the name of ``path`` says."""
    name = path.name
    if name.endswith((".jsonl", ".ndjson")):
        write_jsonl(path, recs)
    elif name.endswith(".jsonl.gz"):
        write_jsonl(path, recs, gz=True)
    elif name.endswith((".csv", ".csv.gz")):
        columns = list(dict.fromkeys(k for r in recs for k in r))
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, columns)
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in recs)
        data = out.getvalue().encode("utf-8")
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    elif name.endswith(".parquet"):
        # (pyarrow's threads must not take the signals tests/io/test_write.py sends itself)
        with pyarrow_threads_quiet():
            import pyarrow as pa
            import pyarrow.parquet as pq

            columns = list(dict.fromkeys(k for r in recs for k in r))
            pq.write_table(pa.table({c: [r.get(c) for r in recs] for c in columns}), path)
    else:
        raise AssertionError(name)


def _documents(db) -> list[tuple]:
    return [row[1:4] for row in dump_ledger(db)["documents"]]          # (path, sha256, as_of)


@pytest.mark.parametrize("name", ["a.jsonl", "a.ndjson", "a.jsonl.gz", "a.csv", "a.csv.gz", "a.parquet"])
def test_each_format_gives_the_same_ledger_and_findings(tmp_path, capsys, name):
    recs = records(12) + [DRIFT]
    export = tmp_path / name
    _write(export, recs)
    db = tmp_path / "ledger.db"
    assert main(["index", "--articles", str(export), "--ledger", str(db)]) == 0
    assert "18 added" in capsys.readouterr().err         # 8 one-language records, 5 bilingual: 2 texts each
    paths = sorted(p for p, _, _ in _documents(db))
    assert paths[:3] == ["art-00000", "art-00001", "art-00002#en"] and "pair-1#zh" in paths
    assert main(["check", "--articles", str(export), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    mismatch = [f for f in findings if f["name"] == "value-mismatch"]
    # the drifted translation is named by its record's id and language, in the report as in the ledger
    assert ("pair-1#en", 3) in {(f["path"], f["line"]) for f in mismatch}          # (below its title)
    assert {f["path"].split("#")[0] for f in findings} <= {r["id"] for r in recs}
    reference = tmp_path / "reference.jsonl"
    write_jsonl(reference, recs)
    db2 = tmp_path / "reference.db"
    assert main(["index", "--articles", str(reference), "--ledger", str(db2)]) == 0
    assert _documents(db) == _documents(db2)


def test_title_is_the_first_paragraph_and_the_date_is_the_records(tmp_path, capsys):
    export = tmp_path / "a.jsonl"
    write_jsonl(export, [{"id": "t1", "date": "2024-05-02T09:30:00+08:00", "lang": "en",
                          "title": "Sales up 3% in April", "text": "Sales rose 3% last month."},
                         {"id": "t2", "lang": "en", "text": "Sales rose 4% last month."}])
    assert main(["check", "--articles", str(export), "--date", "2023-01-15", "--format", "json"]) in (0, 1)
    capsys.readouterr()
    from checker.executor import check_batch
    from checker.io.articles import bitext_of

    articles = list(open_articles(str(export), fallback_date="2023-01-15"))
    assert [a.as_of for a in articles] == ["2024-05-02", "2023-01-15"]
    bitext = bitext_of(articles[0])
    assert [s.text for s in bitext.target] == ["Sales up 3% in April", "Sales rose 3% last month."]
    (result,) = check_batch([(bitext, articles[0].as_of)])
    claims = result.files[0][2]
    assert {(c.path, c.line, c.text) for c in claims} >= {("t1", 1, "3%"), ("t1", 3, "3%")}
    assert {c.as_of for c in claims} == {"2024-05-02"}


def test_column_options(tmp_path, capsys):
    export = tmp_path / "cms.csv"
    _write(export, [{"doc_id": "x-1", "published": "2024-05-01", "language": "zh-CN", "headline": "维和",
                     "body": ZH_TEXT},
                    {"doc_id": "x-2", "published": "2024-05-02", "body_zh": "去年出口增长了12%。",
                     "body_en": "Exports grew 15% last year."}])
    db = tmp_path / "ledger.db"
    options = ["--id-column", "doc_id", "--date-column", "published", "--lang-column", "language",
               "--title-column", "headline", "--text-column", "body"]
    assert main(["index", "--articles", str(export), "--ledger", str(db), *options]) == 0
    assert sorted((p, d) for p, _, d in _documents(db)) == [("x-1", "2024-05-01"), ("x-2#en", "2024-05-02"),
                                                      ("x-2#zh", "2024-05-02")]
    capsys.readouterr()
    assert main(["check", "--articles", str(export), "--format", "concise", *options]) == 1
    assert "x-2#en:1:" in capsys.readouterr().out
    # the default names are not in this export: refused before any work, naming its columns
    assert main(["index", "--articles", str(export), "--ledger", str(tmp_path / "other.db")]) == 2
    err = capsys.readouterr().err
    assert "no id column 'id' (--id-column)" in err and "doc_id" in err
    assert not (tmp_path / "other.db").exists()


def test_a_bilingual_record_is_a_pair_and_teaches_the_ledger(tmp_path, capsys):
    export = tmp_path / "a.jsonl"
    write_jsonl(export, [{"id": "p", "date": "2021-09-09", "text_zh": "中国先后派出2600余名维和警察。",
                          "text_en": "China has sent more than 2,600 blue helmets."}])
    db = tmp_path / "ledger.db"
    assert main(["index", "--articles", str(export), "--ledger", str(db)]) == 0
    dump = dump_ledger(db)
    assert sorted(r[1] for r in dump["documents"]) == ["p#en", "p#zh"]
    assert [r[1:] for r in dump["subject_pairs"]] == [("blue helmet", "维和警察")]


def test_bad_records_are_named_and_skipped_and_the_rest_is_indexed(tmp_path, capsys):
    export = tmp_path / "a.jsonl"
    good = records(3)
    lines = [json.dumps(good[0]), "not json {", json.dumps({"text": "no id"}), json.dumps(good[1]),
             json.dumps({**good[2], "id": good[0]["id"]}),                      # a duplicate id
             json.dumps({"id": "nt", "lang": "zh"}),                             # no text
             json.dumps({"id": "fr", "lang": "fr", "text": "Le PIB a augmenté de 2%."}),
             json.dumps({"id": "bd", "date": "31/12/2024", "text": ZH_TEXT}),
             json.dumps(["a", "list"]), json.dumps(good[2])]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert main(["index", "--articles", str(export), "--ledger", str(db)]) == 2
    err = capsys.readouterr().err
    skipped = [line for line in err.splitlines() if "skipped:" in line]
    assert [s.split(": ")[3] for s in skipped] == ["line 2", "line 3", "line 5", "line 6", "line 7", "line 8",
                                                       "line 9"]
    assert "record 'art-00000': the id is a duplicate" in skipped[2]
    assert "record 'fr': unknown language 'fr'" in skipped[4] and "record 'bd': the date" in skipped[5]
    assert "7 record(s)" in err and "the rest was" in err
    assert sorted(p for p, _, _ in _documents(db)) == ["art-00000", "art-00001", "art-00002#en", "art-00002#zh"]
    assert main(["check", "--articles", str(export), "--format", "concise"]) == 2


@pytest.mark.parametrize("name, data, said", [
    ("missing.jsonl", None, "cannot read the file"),
    ("a.xlsx", b"x", "no known export format"),
    ("a.parquet", b"not parquet", "not a Parquet file"),
    ("a.jsonl.gz", b"not gzip", "not a gzip file"),
    ("a.csv", b"id,title\n1,x\n", "no text column 'text'"),
    ("a.csv", b"", "no header line"),
])
def test_an_unreadable_export_is_exit_2_before_any_work(tmp_path, capsys, name, data, said):
    export = tmp_path / name
    if data is not None:
        export.write_bytes(data)
    db = tmp_path / "ledger.db"
    assert main(["index", "--articles", str(export), "--ledger", str(db)]) == 2
    err = capsys.readouterr().err
    assert said in err and len(err.strip().splitlines()) == 1
    assert not db.exists()
    assert main(["check", "--articles", str(export)]) == 2


def test_paths_and_articles_do_not_go_together(tmp_path, capsys):
    export = tmp_path / "a.jsonl"
    write_jsonl(export, records(1))
    assert main(["index", str(tmp_path), "--articles", str(export), "--ledger", str(tmp_path / "l.db")]) == 2
    assert main(["check", str(tmp_path), "--articles", str(export)]) == 2
    assert "not both" in capsys.readouterr().err
    # a column option without an export would be ignored in silence
    assert main(["index", str(tmp_path), "--text-column", "body", "--ledger", str(tmp_path / "l.db")]) == 2
    assert "--text-column names a column of an export of articles" in capsys.readouterr().err


def test_an_article_is_filed_under_its_id_wherever_claimcheck_runs(tmp_path, capsys, monkeypatch):
    export = tmp_path / "a.jsonl"
    write_jsonl(export, [{"id": "b1", "date": "2024-05-01", "lang": "zh", "text": ZH_TEXT}])
    (tmp_path / "elsewhere").mkdir()
    db = tmp_path / "archive" / "ledger.db"
    db.parent.mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert main(["index", "--articles", str(export), "--ledger", str(db)]) == 0
    monkeypatch.chdir(tmp_path)
    assert main(["index", "--articles", "a.jsonl", "--ledger", "archive/ledger.db"]) == 0
    assert "1 unchanged" in capsys.readouterr().err
    assert [p for p, _, _ in _documents(db)] == ["b1"]
    # checked against the archive, the archived article is named by its id; a newer version of
    # b1 itself is not compared with its old one
    later = {"id": "b2", "date": "2024-06-01", "lang": "zh", "text": ZH_TEXT.replace("4月", "5月").replace("3000", "2000")}
    write_jsonl(tmp_path / "b.jsonl", [later])
    assert main(["check", "--articles", "b.jsonl", "--ledger", "archive/ledger.db", "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["name"], f["path"]) for f in findings] == [("figure-timeline", "b2")]
    assert "(2024-04-30, b1)" in findings[0]["message"]
    write_jsonl(tmp_path / "c.jsonl", [{**later, "id": "b1"}])         # b1 corrected: not compared with itself
    assert main(["check", "--articles", "c.jsonl", "--ledger", "archive/ledger.db", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
    assert os.getcwd() == str(tmp_path)


def test_an_export_is_read_lazily(tmp_path):
    jsonl = tmp_path / "big.jsonl"
    write_jsonl(jsonl, records(3000))
    reader = open_articles(str(jsonl))
    it = iter(reader)
    first = next(it)
    assert first.id == "art-00000" and reader.done() < reader.size / 10
    it.close()
    parquet = tmp_path / "big.parquet"
    _write(parquet, records(3000))
    reader = open_articles(str(parquet), ArticleColumns())
    it = iter(reader)
    next(it)
    assert reader.done() <= 1000 and reader.size == 3000
    it.close()


def test_a_csv_field_may_hold_a_long_article_with_line_breaks(tmp_path, capsys):
    long = "\n".join([ZH_TEXT] * 5000)                  # ~250 KB: past the csv module's default limit
    export = tmp_path / "a.csv"
    _write(export, [{"id": "long", "date": "2024-05-01", "lang": "zh", "text": long},
                    {"id": "next", "date": "2024-05-01", "lang": "zh", "text": ZH_TEXT}])
    assert [a.id for a in open_articles(str(export))] == ["long", "next"]


def test_jobs_gives_the_same_ledger(tmp_path, capsys):
    export = tmp_path / "a.jsonl"
    write_jsonl(export, records(60))
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert main(["index", "--articles", str(export), "--ledger", str(one)]) == 0
    assert main(["index", "--articles", str(export), "--ledger", str(two), "--jobs", "2"]) == 0
    assert dump_ledger(one) == dump_ledger(two)
