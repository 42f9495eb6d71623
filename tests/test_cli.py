"""`claimcheck extract` end to end: formats, offsets into the file as read, and bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main

ZH = "据统计，2023年全省共派出1350余名民警，破获案件4.2 萬余起，涉案金额约7.1亿元。\n"
EN = "More than 1,350 officers were deployed and over 42,000 cases were solved in 2023.\n"
CONTRACT_FIELDS = {"path", "line", "column", "start", "end", "lang", "kind", "text", "value", "unit",
                   "qualifier", "subject", "as_of"}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_claims_follow_the_contract_and_point_into_the_file(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ZH + EN, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--format", "jsonl", "--date", "2023-12-01")
    assert code == 0 and err == ""
    claims = [json.loads(line) for line in out.splitlines()]
    assert {c["lang"] for c in claims} == {"zh", "en"}
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for c in claims:
        assert CONTRACT_FIELDS <= set(c)
        assert text[c["start"]:c["end"]] == c["text"]
        assert lines[c["line"] - 1][c["column"] - 1:].startswith(c["text"])
        assert c["as_of"] == "2023-12-01"
    by_text = {c["text"]: c for c in claims}
    assert by_text["4.2 萬余起"]["value"] == {"nominal": 42000, "low": 42000, "high": 43000}
    assert by_text["More than 1,350"]["value"] == {"nominal": 1350, "low": 1350, "high": None}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "gb18030", "big5"])
def test_offsets_are_into_the_decoded_text_whatever_the_encoding(tmp_path, capsys, encoding):
    text = "雙方簽署合作文件6 份，共有3500 餘名維和警察參與任務。\n" if encoding == "big5" else ZH
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    code, out, _ = run(capsys, "extract", str(path), "--format", "jsonl")
    assert code == 0
    claims = [json.loads(line) for line in out.splitlines()]
    assert claims
    for c in claims:
        assert text[c["start"]:c["end"]] == c["text"]


def test_json_document(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "b.md").write_text(EN, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(tmp_path), "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["version"] == 1 and doc["tool"]["name"] == "claimcheck"
    assert doc["summary"] == {"files": 2, "claims": len(doc["claims"])}


def test_text_table_has_every_claim(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(tmp_path / "a.txt"), "--format", "text")
    assert code == 0
    assert "1350余名" in out and "民警" in out and "\x1b[" not in out  # no colour when not a terminal


def test_html_markup_is_not_text(tmp_path, capsys):
    page = ('<html><head><title>通报</title><style>p{width:300px}</style></head><body>'
            '<p class="x" data-n="2019">共有<b>1350</b>余名民警参加。</p>'
            '<img src="a.png" width="640" height="480"><a href="/news/2024/77">more</a></body></html>')
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path), "--format", "jsonl")
    claims = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    values = {c["value"]["nominal"] for c in claims}
    assert not values & {300, 2019, 640, 480, 2024, 77}
    for c in claims:
        assert page[c["start"]:c["end"]] == c["text"]


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ZH.encode("utf-8"))))
    code, out, _ = run(capsys, "extract", "-", "--format", "jsonl")
    assert code == 0 and '"1350余名"' in out and '"path": "<stdin>"' in out


def test_output_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "extract", str(tmp_path / "a.txt"), "--format", "jsonl", "-o", str(target))
    assert code == 0 and out == ""
    assert "1350余名" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.jsonl"]  # no temporary left


@pytest.mark.parametrize("setup,argv,words", [
    (None, ["extract", "missing.txt"], "missing.txt"),
    ("binary", ["extract", "{d}/a.bin"], "a.bin"),
    ("emptydir", ["extract", "{d}/empty"], "empty"),
    ("undecodable", ["extract", "{d}/bad.txt"], "bad.txt"),
    (None, ["extract", "x.txt", "--date", "2023-02-30"], "--date"),
    (None, ["extract", "--source", "x.txt"], "--target"),
    (None, ["extract", "x.txt", "--format", "xml"], "format"),
    (None, ["check", "x.txt"], "check"),
    ("xliff", ["extract", "{d}/a.xlf"], "a.xlf"),
])
def test_bad_input_is_one_paragraph_and_exit_2(tmp_path, capsys, setup, argv, words):
    if setup == "binary":
        (tmp_path / "a.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    elif setup == "emptydir":
        (tmp_path / "empty").mkdir()
    elif setup == "undecodable":
        (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfd\x80\x81" * 3 + b"\x00\x9f" * 50)
    elif setup == "xliff":
        (tmp_path / "a.xlf").write_text('<xliff version="1.2"><file><body><trans-unit id="1">'
                                        '<source>共有300余名民警</source></trans-unit></body></file></xliff>')
    target = tmp_path / "out.jsonl"
    argv = [a.format(d=tmp_path) for a in argv] + (["-o", str(target)] if argv[0] == "extract" else [])
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err and words in err
    assert not target.exists(), "no half-written output"


# issue 14, linter conventions: an empty document is nothing to check, not an error (ruff, Vale)
@pytest.mark.parametrize("blank", [b"", b"  \n\t\n \r\n", b"\xef\xbb\xbf\n", "\u3000\n".encode("utf-8")],
                         ids=["0-bytes", "white-space", "bom-only", "ideographic-space"])
def test_an_empty_document_is_a_notice_and_the_rest_is_read(tmp_path, capsys, blank):
    (tmp_path / "e.txt").write_bytes(blank)
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path / "e.txt"), str(tmp_path / "a.txt"), "--format", "jsonl")
    assert code == 0 and "Traceback" not in err
    assert "info" in err and "e.txt" in err and "empty" in err
    assert '"1350余名"' in out and '"e.txt"' not in out
    code, out, err = run(capsys, "extract", str(tmp_path / "e.txt"), "--format", "json")
    assert code == 0 and "e.txt" in err and json.loads(out)["claims"] == []


def test_empty_stdin_is_a_notice(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, out, err = run(capsys, "extract", "--format", "jsonl")
    assert code == 0 and out == "" and "<stdin>" in err and "empty" in err


def test_an_empty_side_of_a_pair_leaves_the_other_alone(tmp_path, capsys):
    (tmp_path / "s.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "t.txt").write_bytes(b"")
    code, out, err = run(capsys, "extract", "--source", str(tmp_path / "s.txt"), "--target", str(tmp_path / "t.txt"),
                         "--format", "jsonl")
    assert code == 0 and "t.txt" in err and '"1350余名"' in out


@pytest.mark.parametrize("option", ["--source", "--target", "--output"])
def test_a_directory_where_a_file_is_required_is_exit_2_naming_it(tmp_path, capsys, option):
    (tmp_path / "a.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "c.txt").write_text(ZH, encoding="utf-8")
    files = {"--source": str(tmp_path / "a.txt"), "--target": str(tmp_path / "b.txt")}
    files[option] = str(folder)
    argv = ["extract", *(["--source", files["--source"], "--target", files["--target"]]
                         if option != "--output" else [files["--source"], "--output", str(folder)])]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"{option} {folder} is a directory" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["c.txt"]


def test_an_unreadable_file_of_a_folder_is_skipped_and_the_rest_extracted(tmp_path, capsys):
    top = tmp_path / "news"
    top.mkdir()
    (top / "a.txt").write_text(ZH, encoding="utf-8")
    (top / "b.txt").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)     # a zip, say: cannot be decoded
    (top / "c.txt").write_text(EN, encoding="utf-8")
    (top / "d.txt").symlink_to(top / "gone.txt")                             # a broken link: not a document
    target = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "extract", str(top), "--format", "jsonl", "-o", str(target))
    assert code == 2 and "Traceback" not in err
    assert "b.txt" in err and "skipped" in err and "1 file(s) could not be read" in err
    paths = {Path(json.loads(line)["path"]).name for line in target.read_text(encoding="utf-8").splitlines()}
    assert paths == {"a.txt", "c.txt"}                                     # the output is whole


def test_python_dash_m_and_console_script_agree(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ZH, encoding="utf-8")
    a = subprocess.run([sys.executable, "-m", "checker", "extract", str(path), "--format", "jsonl"],
                       capture_output=True, text=True, check=True).stdout
    script = Path(sys.executable).parent / "claimcheck"   # the console script of this environment
    assert a == subprocess.run([str(script), "extract", str(path), "--format", "jsonl"],
                               capture_output=True, text=True, check=True).stdout
    assert "1350余名" in a
