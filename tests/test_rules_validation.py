"""Rules files are validated when loaded: errors name the file (and the line) and say what was
expected; the CLI turns them into exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import vocab
from checker.engine import catalogue as cat
from checker.errors import UserError

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture()
def rules(tmp_path, monkeypatch):
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    monkeypatch.setattr(vocab, "rules_dir", lambda: copy)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    vocab.vocabulary.cache_clear()
    cat.catalogue.cache_clear()
    yield copy
    vocab.vocabulary.cache_clear()
    cat.catalogue.cache_clear()


def test_malformed_yaml_names_file_and_line(rules):
    (rules / "approximations.yaml").write_text("qualifiers:\n  about: {interval: around\nzh: [\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"approximations\.yaml:\d+: malformed YAML"):
        vocab.vocabulary()


def test_unknown_interval_is_refused(rules):
    text = (rules / "approximations.yaml").read_text(encoding="utf-8")
    (rules / "approximations.yaml").write_text(text.replace("interval: around", "interval: aroundish"), encoding="utf-8")
    with pytest.raises(UserError, match="unknown interval 'aroundish'"):
        vocab.vocabulary()


def test_catalogue_bad_severity_and_example(rules):
    text = (rules / "catalogue.yaml").read_text(encoding="utf-8")
    (rules / "catalogue.yaml").write_text(text.replace("severity: error", "severity: fatal", 1), encoding="utf-8")
    with pytest.raises(UserError, match=r"catalogue\.yaml:\d+: CC101: severity 'fatal'"):
        cat.catalogue()
    cat.catalogue.cache_clear()
    (rules / "catalogue.yaml").write_text(text.replace('en: "sent 2,600 peacekeeping police"}',
                                                      "en: sent 2,600 peacekeeping police}"), encoding="utf-8")
    with pytest.raises(UserError, match="quote texts with commas"):
        cat.catalogue()


def test_a_changed_file_is_read_again_not_served_from_the_cache(rules):
    assert vocab.load_yaml("names.yaml")["zh"]["before"] == ["双"]
    path = rules / "names.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("before: [双]", "before: [双, 单]"), encoding="utf-8")
    assert vocab.load_yaml("names.yaml")["zh"]["before"] == ["双", "单"]


def test_cli_reports_a_broken_rules_file_as_exit_2(rules, tmp_path, capsys):
    from checker.cli import main

    (rules / "catalogue.yaml").write_text("CC101: [\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("共有3名民警。\nThree officers.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "a.txt")]) == 2
    err = capsys.readouterr().err
    assert "catalogue.yaml" in err and "Traceback" not in err


@pytest.mark.parametrize("old,new,message", [
    ("celebrate:\n", "celebrates:\n", r"arithmetic\.yaml: expected the keys celebrate, events, lengths"),
    ("lengths:\n  zh: [为期, 历时, 会期]\n", "lengths:\n  zh: []\n",
     r"arithmetic\.yaml: lengths\.zh: expected a non-empty list"),
    ("  en_after: [since]\n", "", r"arithmetic\.yaml: spans: expected the keys en_after, en_before, zh_after"),
    ("    ties: [建交, 建立外交关系]\n", "    ties: 建交\n",
     r"arithmetic\.yaml: starts\.zh\.ties: expected a non-empty list"),
])
def test_a_malformed_arithmetic_file_is_refused(rules, old, new, message):
    from checker.engine import consistency

    path = rules / "arithmetic.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    consistency._words.cache_clear()
    try:
        with pytest.raises(UserError, match=message):
            consistency._words()
    finally:
        consistency._words.cache_clear()


@pytest.mark.parametrize("old, new, message", [
    ("  groups: [team]\n", "  groups: [teams]\n", r"measure_words\.yaml: apart\.groups: 'teams' is no count unit"),
    ("  groups: [team]\n", "  groups: [team, person]\n", r"apart\.groups: 'person' is already in apart\.people"),
    ("  groups: [team]\n", "  groups: team\n", r"apart\.groups: expected a non-empty list"),
])
def test_a_malformed_group_of_count_units_is_refused(rules, old, new, message):
    path = rules / "measure_words.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(UserError, match=message):
        vocab.vocabulary()


def test_the_cues_of_as_of_and_year_to_date_are_data(rules):
    # (issue 14) what keeps a figure from speaking for an opening past period, and what joins
    # 1至11月, are read from rules/, and a file without them is refused, named
    from checker.extract import asof
    from checker.extract import calendar as cal

    path = rules / "calendar.yaml"
    text = path.read_text(encoding="utf-8")
    cal.calendar.cache_clear()
    asof._period_cues.cache_clear()
    try:
        path.write_text(text.replace("    zh: [后, 以来, 起, 至今, 以前, 之前]", "    zh: [以来]"), encoding="utf-8")
        _, not_during = asof._period_cues()
        assert not_during.search("以来") and not not_during.search("惨案发生后")
        cal.calendar.cache_clear()
        path.write_text(text[:text.index("period_cues:")], encoding="utf-8")
        with pytest.raises(UserError, match=r"calendar\.yaml"):
            cal.calendar()
    finally:
        cal.calendar.cache_clear()
        asof._period_cues.cache_clear()
    series = rules / "series.yaml"
    old = '    month_span_marks: [至, 到, —, "-", －, "~", ～]\n'
    stext = series.read_text(encoding="utf-8")
    assert old in stext
    series.write_text(stext.replace(old, ""), encoding="utf-8")
    with pytest.raises(UserError, match=r"series\.yaml: year_to_date\.zh: expected the keys month_span_marks, words"):
        vocab.vocabulary()
