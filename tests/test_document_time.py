"""One time per document (issue 11), through the command line as a user runs it: a bitext of
free texts has one time, the source's; each unit of an aligned corpus or a CAT file is a
document of its own, dated only by --date or its own text."""

from __future__ import annotations

import json

from checker.cli import main

# Line 1 is dated by its own dateline; line 2 is undated and keeps its dates partial; line 3 speaks
# of 2027, which must move no other unit's dates (it did when the whole file was one document).
SOURCE = ["（2023年3月5日 北京）3月4日，国务院发布通知。",
          "据新华社3月4日电 今年3月，该市接待游客120万人次。",
          "2027年5月6日，会议将在北京召开。"]
TARGET = ["(Beijing, March 5, 2023) On March 4, the State Council issued a notice.",
          "Xinhua, March 4 -- In March, the city received 1.2 million tourist visits.",
          "The meeting will be held in Beijing on May 6, 2027."]


def _check(capsys, *args) -> dict:
    capsys.readouterr()
    main(["check", *args, "--format", "json", "--fail-on", "never", "--isolated"])
    return json.loads(capsys.readouterr().out)


def _loud(doc: dict) -> list[str]:
    return [f"{f['name']}: {f['message']}" for f in doc["findings"] if f["severity"] != "info"]


def test_units_of_an_aligned_corpus_are_dated_apart(tmp_path, capsys):
    (tmp_path / "s.zh").write_text("\n".join(SOURCE) + "\n", encoding="utf-8")
    (tmp_path / "t.en").write_text("\n".join(TARGET) + "\n", encoding="utf-8")
    doc = _check(capsys, "--source", str(tmp_path / "s.zh"), "--target", str(tmp_path / "t.en"), "--aligned")
    assert _loud(doc) == []


def test_a_changed_day_in_a_unit_is_still_found(tmp_path, capsys):
    target = [TARGET[0], TARGET[1].replace("Xinhua, March 4", "Xinhua, March 5"), TARGET[2]]
    (tmp_path / "s.zh").write_text("\n".join(SOURCE) + "\n", encoding="utf-8")
    (tmp_path / "t.en").write_text("\n".join(target) + "\n", encoding="utf-8")
    doc = _check(capsys, "--source", str(tmp_path / "s.zh"), "--target", str(tmp_path / "t.en"), "--aligned")
    assert [f["name"] for f in doc["findings"] if f["severity"] == "error"] == ["date-mismatch"]
    assert [f["line"] for f in doc["findings"] if f["severity"] == "error"] == [2]


def test_units_of_an_xliff_file_are_dated_apart(tmp_path, capsys):
    units = "".join(f'<trans-unit id="{i}"><source>{s}</source><target>{t}</target></trans-unit>'
                    for i, (s, t) in enumerate(zip(SOURCE, TARGET), 1))
    (tmp_path / "story.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="story">'
        f"<body>{units}</body></file></xliff>\n", encoding="utf-8")
    assert _loud(_check(capsys, str(tmp_path / "story.xlf"))) == []


def test_a_pair_of_articles_takes_the_source_time(tmp_path, capsys):
    # the source's dateline dates both; the translation's partial dates are placed by it, and a
    # later year the translation mentions elsewhere moves nothing
    (tmp_path / "story.zh.txt").write_text(
        "（2023年3月5日 北京）\n3月4日，国务院发布通知。\n会议将于2027年5月6日召开。\n", encoding="utf-8")
    (tmp_path / "story.en.txt").write_text(
        "(Beijing, March 5, 2023)\nOn March 4, the State Council issued a notice.\n"
        "The meeting will be held on May 6, 2027.\n", encoding="utf-8")
    assert _loud(_check(capsys, str(tmp_path))) == []


def test_a_year_the_date_option_implies_may_go_but_a_wrong_one_is_reported(tmp_path, capsys):
    (tmp_path / "s.zh").write_text("去年11月，该厂正式投产。\n2022年1月，该厂扩建。\n", encoding="utf-8")
    (tmp_path / "t.en").write_text("The plant went into production in November.\n"
                                   "In January, the plant was expanded.\n", encoding="utf-8")
    doc = _check(capsys, "--source", str(tmp_path / "s.zh"), "--target", str(tmp_path / "t.en"), "--aligned",
                 "--date", "2022-03-01")
    loud = [(f["name"], f["line"]) for f in doc["findings"] if f["severity"] != "info"]
    # 去年 (2021) dropped from line 1 is information lost; 2022 is the document's year on line 2
    assert loud == [("missing-claim", 1)]


def test_extract_reads_an_aligned_pair_as_check_does(tmp_path, capsys):
    (tmp_path / "s.zh").write_text("\n".join(SOURCE) + "\n", encoding="utf-8")
    (tmp_path / "t.en").write_text("\n".join(TARGET) + "\n", encoding="utf-8")
    capsys.readouterr()
    main(["extract", "--source", str(tmp_path / "s.zh"), "--target", str(tmp_path / "t.en"), "--aligned",
          "--format", "jsonl"])
    claims = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_line = {(c["path"].rsplit("/", 1)[-1], c["line"], c["text"]): c["value"] for c in claims}
    # line 2 is undated: its partial dates stay partial on both sides, whatever line 3 says
    assert by_line[("s.zh", 2, "3月4日")] == {"start": None, "end": None, "month": 3, "day": 4}
    assert by_line[("t.en", 2, "March 4")] == {"start": None, "end": None, "month": 3, "day": 4}
    # line 1 is dated by its dateline, on both sides
    assert by_line[("t.en", 1, "March 4")]["start"] == "2023-03-04"
