"""`claimcheck check` end to end: the seeds are clean of errors; a drift injected into their
English is reported by name on its line; every input form gives the same findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from tests.seeds import SEEDS, seed_path



def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _findings(capsys, *argv):
    code, out, err = run(capsys, "check", *argv, "--format", "json", "--fail-on", "never")
    assert code == 0, err
    return json.loads(out)


def test_seeds_translations_have_no_errors(capsys):
    doc = _findings(capsys, str(SEEDS))
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert not [f for f in errors if f["category"] == "translation"], [f["message"] for f in errors]
    # issue 13: nothing above information on the seeds' published translations
    loud = [f for f in doc["findings"] if f["category"] == "translation" and f["severity"] != "info"]
    assert not loud, [f["message"] for f in loud]
    # the only errors are seed 003's two malformed dates (2017926日, 20159月)
    assert sorted((f["name"], f["line"]) for f in errors) == [("invalid-date", 17), ("invalid-date", 37)]
    assert all(f["path"].endswith(next(SEEDS.glob("003_*")).name) for f in errors)
    assert doc["summary"]["files"] == 5 and doc["summary"]["claims"] > 150
    assert run(capsys, "check", str(SEEDS), "--format", "json", "--select", "translation")[0] == 0
    assert run(capsys, "check", str(SEEDS), "--format", "json", "--select", "consistency")[0] == 1


INJECTIONS = [
    # seed, English text, replacement, rule that must report it
    ("000", "over 42,000 cross-gambling", "over 43,000 cross-gambling", "value-mismatch"),
    ("000", "arresting over 200,000 suspects", "arresting over 20,000 suspects", "value-mismatch"),
    ("000", "on December 16,2019", "on December 17,2019", "date-mismatch"),
    ("000", "the 116th Joint Patrol", "the 115th Joint Patrol", "ordinal-mismatch"),
    ("000", "more than 2,600 service members", "about 2,600 service members", "qualifier-drift"),
    ("000", "66,000-km patrols", "66,000-mile patrols", "unit-mismatch"),
    ("000", "Jiangsu has assigned 231 police", "Jiangsu has assigned police", "missing-claim"),
    ("004", "from December 9 to 10,2020", "from December 9 to 11,2020", "date-mismatch"),
    ("004", "The Fifth Lianyungang Forum", "The Fourth Lianyungang Forum", "ordinal-mismatch"),
    ("004", "Law enforcement authorities of 30 countries", "Law enforcement authorities of 13 countries",
     "value-mismatch"),
]


@pytest.mark.parametrize("seed,old,new,rule", INJECTIONS, ids=[f"{i[0]}:{i[3]}:{i[2][:20]}" for i in INJECTIONS])
def test_injected_drift_is_reported_on_its_line(tmp_path, capsys, seed, old, new, rule):
    text = seed_path(seed).read_text(encoding="utf-8")
    assert text.count(old) == 1
    drifted = text.replace(old, new)
    path = tmp_path / "article.txt"
    path.write_text(drifted, encoding="utf-8")
    line = drifted[:drifted.index(new)].count("\n") + 1
    doc = _findings(capsys, str(path))
    # issue 13: a drift stated on both sides is an error; an omission a warning
    expected = "warning" if rule in ("missing-claim", "extra-claim") else "error"
    loud = [f for f in doc["findings"] if f["severity"] == expected]
    assert any(f["name"] == rule and f["line"] == line for f in loud), \
        [(f["name"], f["line"], f["severity"], f["message"]) for f in doc["findings"] if f["line"] == line]


ZH = "2019年12月16日，第八支维和警队抵达朱巴。\n全年共破获案件4.2万余起，抓获犯罪嫌疑人1168名。\n"
EN_OK = "On December 16, 2019, the eighth peacekeeping police unit arrived in Juba.\n" \
        "Over 42,000 cases were solved and 1,168 suspects arrested during the year.\n"
EN_BAD = EN_OK.replace("1,168", "1,186")


def _names(doc):
    return sorted((f["name"], f["severity"]) for f in doc["findings"] if f["severity"] != "info")


def _po(zh_lines, en_lines):
    body = "".join(f'msgid "{z}"\nmsgstr "{e}"\n\n' for z, e in zip(zh_lines, en_lines))
    return 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n' + body


def _xliff(zh_lines, en_lines):
    units = "".join(f'<trans-unit id="{i}"><source>{z}</source><target>{e}</target></trans-unit>\n'
                    for i, (z, e) in enumerate(zip(zh_lines, en_lines)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            f'<file original="a" source-language="zh" target-language="en" datatype="plaintext"><body>\n{units}'
            '</body></file></xliff>\n')


@pytest.mark.parametrize("form", ["one-file", "source-target", "aligned", "directory", "po", "xliff"])
def test_every_input_form_finds_the_same_drift(tmp_path, capsys, form):
    zh_lines, en_lines = ZH.splitlines(), EN_BAD.splitlines()
    if form == "one-file":
        (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
        argv = [str(tmp_path / "a.txt")]
    elif form in ("source-target", "aligned"):
        (tmp_path / "s.txt").write_text(ZH, encoding="utf-8")
        (tmp_path / "t.txt").write_text(EN_BAD, encoding="utf-8")
        argv = ["--source", str(tmp_path / "s.txt"), "--target", str(tmp_path / "t.txt")]
        argv += ["--aligned"] if form == "aligned" else []
    elif form == "directory":
        (tmp_path / "news.zh-CN.md").write_text(ZH, encoding="utf-8")
        (tmp_path / "news.en-US.md").write_text(EN_BAD, encoding="utf-8")
        argv = [str(tmp_path)]
    elif form == "po":
        (tmp_path / "a.po").write_text(_po(zh_lines, en_lines), encoding="utf-8")
        argv = [str(tmp_path / "a.po")]
    else:
        (tmp_path / "a.xlf").write_text(_xliff(zh_lines, en_lines), encoding="utf-8")
        argv = [str(tmp_path / "a.xlf")]
    doc = _findings(capsys, *argv)
    assert _names(doc) == [("value-mismatch", "error")], doc["findings"]
    (finding,) = [f for f in doc["findings"] if f["severity"] != "info"]
    assert {c["role"] for c in finding["claims"]} == {"source", "target"}
    assert "1168" in finding["message"] and "1,186" in finding["message"]


def test_fail_on_and_exit_codes(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    assert run(capsys, "check", str(tmp_path / "a.txt"))[0] == 1
    assert run(capsys, "check", str(tmp_path / "a.txt"), "--fail-on", "never")[0] == 0
    assert run(capsys, "check", str(tmp_path / "a.txt"), "--ignore", "value-mismatch")[0] == 0
    assert run(capsys, "check", str(tmp_path / "a.txt"), "--select", "CC10")[0] == 1
    (tmp_path / "b.txt").write_text(ZH + EN_OK, encoding="utf-8")
    assert run(capsys, "check", str(tmp_path / "b.txt"))[0] == 0


def test_malformed_xliff_is_exit_2_naming_the_file(tmp_path, capsys):
    (tmp_path / "bad.xlf").write_text('<xliff version="1.2"><file><body><trans-unit id="1"><source>共有3名',
                                      encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "bad.xlf"))
    assert code == 2 and "bad.xlf" in err and "Traceback" not in err and out == ""


def test_text_report_shows_both_sentences_and_a_summary(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "a.txt"), "--format", "text")
    assert code == 1
    assert "[CC101] value-mismatch" in out
    assert "抓获犯罪嫌疑人1168名" in out and "1,186 suspects" in out       # both sentences quoted
    assert "Found 1 error in 1 file." in out and "\x1b[" not in out
    assert f"{tmp_path / 'a.txt'}:4:" in out and "error[CC101]" in out            # path:line:col first
    assert "^^^^^ CC101 target" in out and "= help: the translation should give 1168名" in out


def test_malformed_po_names_the_line(tmp_path, capsys):
    (tmp_path / "bad.po").write_text('msgid "共有3名"\nmsgstr "3 people"\nmsgid "x\nmsgstr y\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "bad.po"))
    assert code == 2 and "bad.po" in err and "line" in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "concise"])
def test_machine_formats_through_the_cli(tmp_path, capsys, fmt):
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "a.txt"), "--format", fmt)
    assert code == 1 and err == "" and "\x1b[" not in out
    if fmt == "sarif":
        doc = json.loads(out)
        assert doc["version"] == "2.1.0" and doc["runs"][0]["results"][0]["ruleId"] == "CC101"
    elif fmt == "junit":
        assert out.startswith("<?xml") and "CC101" in out and "<failure" in out
    elif fmt == "github":
        assert out.startswith("::error file=") and "CC101" in out
    else:
        assert ": CC101 [error] value-mismatch:" in out


def test_stdin_filename_and_exit_zero(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((ZH + EN_BAD).encode("utf-8"))))
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", "news/a.md", "--format", "concise", "--exit-zero")
    assert code == 0
    assert out.startswith("news/a.md:") and "CC101" in out


def test_configuration_is_found_and_can_be_ignored(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    (tmp_path / ".claimcheck.toml").write_text('ignore = ["value-mismatch"]\n', encoding="utf-8")
    assert run(capsys, "check", str(tmp_path / "a.txt"))[0] == 0
    assert run(capsys, "check", str(tmp_path / "a.txt"), "--isolated")[0] == 1
    (tmp_path / "strict.toml").write_text('[severity]\nCC101 = "warning"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "strict.toml"),
                       "--format", "concise")
    assert code == 0 and "CC101 [warning]" in out
    (tmp_path / "bad.toml").write_text('select = ["CC999"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "bad.toml"))
    assert code == 2 and "bad.toml:1" in err


def test_suppression_comments_in_markdown(tmp_path, capsys):
    en = EN_BAD.splitlines()
    text = ZH + en[0] + "\n\n<!-- claimcheck: ignore CC101 -->\n" + en[1] + "\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "a.md"), "--format", "concise")
    assert code == 0 and "CC101" not in out
    (tmp_path / "b.md").write_text(ZH + EN_OK + "<!-- claimcheck: ignore CC101 -->\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "b.md"), "--format", "concise")
    assert "unused-suppression" in out


def test_baseline_fails_only_on_new_findings(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "check", str(tmp_path / "a.txt"), "--write-baseline", str(baseline))[0] == 0     # (issue 16: the findings it records are accepted)
    assert run(capsys, "check", str(tmp_path / "a.txt"), "--baseline", str(baseline))[0] == 0
    # an edit elsewhere moves the finding down a line: still in the baseline
    (tmp_path / "a.txt").write_text("\n" + ZH + EN_BAD, encoding="utf-8")
    assert run(capsys, "check", str(tmp_path / "a.txt"), "--baseline", str(baseline))[0] == 0
    # a new drift is reported; the fixed one is a stale entry
    (tmp_path / "a.txt").write_text(ZH + EN_OK.replace("42,000", "24,000"), encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "a.txt"), "--baseline", str(baseline), "--format", "concise")
    assert code == 1 and "24,000" in out and "no longer match" in err


def test_html_report_is_one_self_contained_page(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH + EN_BAD + "<script>alert(1)</script>\n", encoding="utf-8")
    target = tmp_path / "report.html"
    code, out, _ = run(capsys, "check", str(tmp_path / "a.txt"), "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert code == 1 and out == ""
    assert page.startswith("<!DOCTYPE html>") and "http://" not in page and "https://" not in page
    assert '<mark class="sev-error"' in page and ">1,186</mark>" in page and ">1168名</mark>" in page
    assert "CC101 value-mismatch" in page and "<script>alert" not in page    # text is escaped
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt;" in page


def test_jobs_give_the_same_findings(capsys):
    one = _findings(capsys, str(SEEDS))
    two = _findings(capsys, str(SEEDS), "--jobs", "2")
    assert one == two and one["findings"]
    assert run(capsys, "check", str(SEEDS), "--jobs", "0", "--exit-zero")[0] == 0


def test_a_softened_finding_says_why_in_every_format(tmp_path, capsys):
    # 两国 left out: a small count in words, which a translation may fairly drop (info, not a
    # warning); the report says so, and how sure the pairing of the paragraphs is
    (tmp_path / "a.zh.md").write_text("会议由两国共同主办，共有1200名代表出席。\n", encoding="utf-8")
    (tmp_path / "a.en.md").write_text("The meeting, hosted jointly, was attended by 1,200 delegates.\n", encoding="utf-8")
    pair = ("--source", str(tmp_path / "a.zh.md"), "--target", str(tmp_path / "a.en.md"))
    doc = _findings(capsys, *pair)
    [f] = [f for f in doc["findings"] if f["name"] == "missing-claim"]
    assert f["severity"] == "info" and f["softened"]["from"] == "warning"
    assert "small count in words" in f["softened"]["why"]
    assert 0.5 <= f["confidence"] <= 1
    for fmt in ("concise", "github", "text", "junit"):
        code, out, _ = run(capsys, "check", *pair, "--format", fmt, "--fail-on", "never")
        assert code == 0 and "softened from warning" in out, (fmt, out)
    code, out, _ = run(capsys, "check", *pair, "--format", "sarif", "--fail-on", "never")
    [result] = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "CC102"]
    assert result["properties"]["softened"]["from"] == "warning"


@pytest.mark.parametrize("zh_name, en_name, named", [
    ("story.zh.md", "story.en.md", "story.en.md"),
    ("story.zh.md", "story.en.md", "story.zh.md"),
    ("story.zh-CN.md", "story.en-US.md", "story.en-US.md"),
    ("story.zh", "story.en", "story.en"),
])
def test_one_file_of_a_pair_is_checked_against_its_partner(tmp_path, capsys, zh_name, en_name, named):
    # issue 13: the pre-commit hook and an editor name the one file that changed
    (tmp_path / zh_name).write_text(ZH, encoding="utf-8")
    (tmp_path / en_name).write_text(EN_BAD, encoding="utf-8")
    (tmp_path / "other.zh.md").write_text("全年共破获案件500起。\n", encoding="utf-8")   # not its partner
    code, out, err = run(capsys, "check", str(tmp_path / named), "--format", "json")
    doc = json.loads(out)
    assert code == 1 and _names(doc) == [("value-mismatch", "error")], doc
    assert {f["path"] for f in doc["findings"]} == {str(tmp_path / en_name)}
    assert "only the self-consistency rules ran" not in err


def test_a_file_without_partner_says_only_self_consistency_ran(tmp_path, capsys):
    (tmp_path / "story.en.md").write_text(EN_BAD, encoding="utf-8")
    (tmp_path / "story.zh.txt").write_text(ZH, encoding="utf-8")       # another extension: not its partner
    code, out, err = run(capsys, "check", str(tmp_path / "story.en.md"), "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []
    assert "story.en.md: no story.zh.md" in err and "only the self-consistency rules ran" in err
    assert "Traceback" not in err


def test_the_bare_tag_is_the_partner_and_an_unreadable_one_is_skipped(tmp_path, capsys):
    # (independent review) a.zh-TW.md sorts before a.zh.md, but a.zh.md is a.en.md's partner; an
    # empty partner nobody named leaves the file to be checked alone, with a note
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    (tmp_path / "a.zh-TW.md").write_text("全年共破获案件5起。\n", encoding="utf-8")
    (tmp_path / "a.en.md").write_text(EN_OK, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "a.en.md"), "--format", "json")
    assert code == 0 and _names(json.loads(out)) == [], out
    (tmp_path / "c.zh.md").write_text("", encoding="utf-8")
    (tmp_path / "c.en.md").write_text(EN_OK, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "c.en.md"), "--format", "json")
    assert code == 0 and "c.zh.md holds no text yet" in err and "Traceback" not in err
    (tmp_path / "d.zh.md").write_text(" \n\t\n", encoding="utf-8")       # whitespace only: blank too
    (tmp_path / "d.en.md").write_text(EN_OK, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "d.en.md"), "--format", "json")
    assert code == 0 and "d.zh.md holds no text yet" in err
    (tmp_path / "b.zh.md").write_bytes(b"\xef\xbb\xbf\n")                     # a byte order mark only: blank
    (tmp_path / "b.en.md").write_text(EN_OK, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "b.en.md"), "--format", "json")
    assert code == 0 and "b.zh.md holds no text yet" in err, err
    (tmp_path / "e.zh.md").write_bytes(b"\x00\x01\x02\x00binary\x00" * 8)    # not text: unreadable
    (tmp_path / "e.en.md").write_text(EN_OK, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "e.en.md"), "--format", "json")
    assert "e.zh.md could not be read" in err and "Traceback" not in err, err


def test_a_file_named_twice_is_checked_once(tmp_path, capsys):
    (tmp_path / "a.zh.md").write_text(ZH, encoding="utf-8")
    (tmp_path / "a.en.md").write_text(EN_BAD, encoding="utf-8")
    named = str(tmp_path / "a.en.md")
    code, out, err = run(capsys, "check", named, named, "--format", "json")
    assert code == 1 and _names(json.loads(out)) == [("value-mismatch", "error")]
    assert "only the self-consistency rules ran" not in err


# ---------------------------------------------------------------- issue 14: linter conventions

@pytest.mark.parametrize("blank", [b"", b" \n\t\n\r\n"], ids=["0-bytes", "white-space"])
def test_an_empty_document_is_exit_0_with_a_notice_and_the_rest_is_checked(tmp_path, capsys, blank):
    (tmp_path / "empty.md").write_bytes(blank)
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "empty.md"), "--format", "json")
    assert code == 0 and "Traceback" not in err
    assert "info" in err and "empty.md" in err and "empty document" in err
    assert json.loads(out)["findings"] == [] and json.loads(out)["summary"]["files"] == 1
    code, out, err = run(capsys, "check", str(tmp_path / "empty.md"), str(tmp_path / "a.txt"), "--format", "json")
    assert code == 1 and "empty.md" in err                    # the other file's error still counts
    assert _names(json.loads(out)) == [("value-mismatch", "error")]


def test_an_empty_translation_leaves_the_source_checked_alone(tmp_path, capsys):
    (tmp_path / "s.txt").write_text("2023年2月30日，全年共破获案件4.2万余起。\n", encoding="utf-8")
    (tmp_path / "t.txt").write_bytes(b"")
    for aligned in ([], ["--aligned"]):
        code, out, err = run(capsys, "check", "--source", str(tmp_path / "s.txt"), "--target", str(tmp_path / "t.txt"),
                             *aligned, "--format", "json", "--fail-on", "never")
        assert code == 0 and "t.txt" in err and "read alone" in err and "Traceback" not in err
        assert [f["name"] for f in json.loads(out)["findings"]] == ["invalid-date"]


def test_empty_stdin_is_exit_0_with_a_notice(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n \n")))
    code, out, err = run(capsys, "check", "-", "--stdin-filename", "news/a.md", "--format", "concise")
    assert code == 0 and out == "No findings in 1 file.\n" and "news/a.md" in err and "empty document" in err


@pytest.mark.parametrize("option", ["--source", "--target", "--config", "--baseline", "--write-baseline", "--output"])
def test_a_directory_where_a_file_is_required_is_exit_2_and_nothing_runs(tmp_path, capsys, option):
    (tmp_path / "s.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "t.txt").write_text(EN_BAD, encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "x.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    files = {"--source": str(tmp_path / "s.txt"), "--target": str(tmp_path / "t.txt")}
    if option in files:
        files[option] = str(folder)
        argv = ["--source", files["--source"], "--target", files["--target"]]
    else:
        argv = [str(tmp_path / "s.txt"), option, str(folder)]
    code, out, err = run(capsys, "check", *argv, "--format", "json")
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"{option} {folder} is a directory" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["x.txt"]            # nothing written there


def test_an_unreadable_file_of_a_folder_is_skipped_the_rest_reported_and_exit_2(tmp_path, capsys):
    # root reads chmod-000 files, so the unreadable file is one that cannot be decoded (as for index)
    top = tmp_path / "news"
    top.mkdir()
    (top / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    (top / "b.txt").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)     # a zip, say
    (top / "c.txt").write_text(ZH + EN_OK, encoding="utf-8")
    (top / "d.txt").symlink_to(top / "gone.txt")                             # a broken link: not a document
    report = tmp_path / "report.json"
    for extra in ([], ["--fail-on", "never"], ["--exit-zero"]):
        code, out, err = run(capsys, "check", str(top), "--format", "json", "-o", str(report), *extra)
        assert code == 2 and out == "" and "Traceback" not in err
        assert "skipped" in err and "b.txt" in err and "1 file(s) could not be read" in err
        doc = json.loads(report.read_text(encoding="utf-8"))                  # the report is whole
        assert doc["summary"]["files"] == 2
        assert [(Path(f["path"]).name, f["name"]) for f in doc["findings"] if f["severity"] == "error"] == \
            [("a.txt", "value-mismatch")]
    # issue 15: a file named on the command line that cannot be read does not hide the others
    # either (a shell glob or xargs names 10,000 files): it is named, the rest is reported, exit 2
    code, out, err = run(capsys, "check", str(top / "b.txt"), str(top / "a.txt"), "--format", "json")
    assert code == 2 and "b.txt" in err and "1 file(s) could not be read" in err and "the rest was" in err
    assert [(Path(f["path"]).name, f["name"]) for f in json.loads(out)["findings"] if f["severity"] == "error"] == \
        [("a.txt", "value-mismatch")]


@pytest.mark.parametrize("option,spec,words", [
    ("--select", "CC999", "no rule has that code (the codes are CC001, CC101–CC107"),
    ("--select", "value-mismach", "did you mean 'value-mismatch'?"),
    ("--ignore", "CC1O1", "did you mean 'CC101'?"),
    ("--ignore", "CC101,Value_Mismatch", "did you mean 'value-mismatch'?"),
    ("--select", "consistancy", "did you mean 'consistency'?"),
])
def test_an_unknown_rule_on_the_command_line_is_exit_2_with_did_you_mean(tmp_path, capsys, option, spec, words):
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "a.txt"), option, spec)
    assert code == 2 and out == "" and "Traceback" not in err
    bad = spec.split(",")[-1]
    assert f"unknown rule {bad!r} in {option}; {words}" in err and len(err.strip().splitlines()) == 1


def test_the_command_line_and_the_configuration_refuse_a_rule_in_the_same_words(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    (tmp_path / "bad.toml").write_text('ignore = ["CC1O1"]\n', encoding="utf-8")
    _, _, from_config = run(capsys, "check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "bad.toml"))
    _, _, from_cli = run(capsys, "check", str(tmp_path / "a.txt"), "--ignore", "CC1O1")
    assert "bad.toml:1: unknown rule 'CC1O1' in ignore; did you mean 'CC101'?" in from_config
    assert from_config.split("in ignore;")[1] == from_cli.split("in --ignore;")[1]


def test_empty_stdin_as_one_side_of_a_pair(monkeypatch, tmp_path, capsys):
    import io
    import sys

    (tmp_path / "t.txt").write_text(EN_BAD, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, out, err = run(capsys, "check", "--source", "-", "--target", str(tmp_path / "t.txt"), "--format", "json")
    assert code == 0 and "<stdin>: empty document" in err and "t.txt is read alone" in err
    assert json.loads(out)["findings"] == []


def test_a_folder_of_empty_files_has_nothing_to_check(tmp_path, capsys):
    # (issue 14) as ruff does: no text is no finding, exit 0 — not an unreadable folder
    (tmp_path / "a.zh.md").write_text("", encoding="utf-8")
    (tmp_path / "a.en.md").write_text(" \n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["files"] == 0, err
    code, out, err = run(capsys, "extract", str(tmp_path), "--format", "jsonl")
    assert code == 0 and out.strip() == "", err
    # a folder with no text file at all is still an error of its own
    empty = tmp_path / "none"
    empty.mkdir()
    (empty / "photo.png").write_bytes(b"\x89PNG")
    code, out, err = run(capsys, "check", str(empty))
    assert code == 2 and "no readable, non-empty files" in err


@pytest.mark.parametrize("spec", ["", ",", " , "])
def test_an_empty_selector_names_no_rule(tmp_path, capsys, spec):
    # (independent review) --select '' is no selection of every rule: it names none, as
    # select = [""] in a configuration file does
    (tmp_path / "a.txt").write_text(ZH + EN_BAD, encoding="utf-8")
    for option in ("--select", "--ignore"):
        code, out, err = run(capsys, "check", str(tmp_path / "a.txt"), option, spec)
        assert code == 2 and out == "" and f"unknown rule {spec!r} in {option}" in err, err


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "junit", "html"])
def test_a_file_name_that_is_not_utf8_or_holds_a_newline_is_shown_in_every_format(tmp_path, capsys, fmt):
    # issue 15: a name of bytes that are not UTF-8 (kept by the file system's surrogate escapes)
    # crashed the HTML page; a newline in a name split a concise record
    import os

    folder = os.path.join(os.fsencode(tmp_path), b"d")
    os.makedirs(folder)
    # (and control characters in a name, or a vertical tab in the text, made JUnit not well-formed XML)
    for name in (b"bad\xff\xfename.txt", b"two\nlines.txt", b"ctl\x01\x1b.txt"):
        with open(os.path.join(folder, name), "wb") as f:
            f.write("全年共破获案件5起，\x0b2月30日举行。\n".encode())
    code, out, err = run(capsys, "check", os.fsdecode(folder), "--format", fmt)
    assert code == 1 and "Traceback" not in err and "internal error" not in err, err
    out.encode("utf-8")                                  # the report is valid UTF-8 throughout
    if fmt == "concise":
        records = out.splitlines()
        assert len(records) == 4 and any("two\\nlines.txt:1:" in r for r in records), out
        assert records[-1] == "Found 3 errors in 3 files."
    elif fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "junit":
        import xml.etree.ElementTree as ET

        cases = ET.fromstring(out.encode("utf-8")).iter("testcase")
        assert sum(len(case.findall("failure")) for case in cases) == 3


def test_a_vertical_tab_is_text_not_a_sign_of_a_binary_file(tmp_path, capsys):
    # issue 15: Word exports a line break inside a paragraph as U+000B; one of them made a whole
    # short file "binary"
    (tmp_path / "a.txt").write_text("全年共破获案件5起。\x0b其中2月30日举行。\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "a.txt"), "--format", "json")
    assert code == 1 and [f["name"] for f in json.loads(out)["findings"]] == ["invalid-date"], err
