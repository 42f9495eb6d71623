"""rules/series.yaml is validated when loaded: a wrong shape names the file and what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import vocab
from checker.errors import UserError

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture()
def series(tmp_path, monkeypatch):
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    monkeypatch.setattr(vocab, "rules_dir", lambda: copy)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    vocab.vocabulary.cache_clear()
    yield copy / "series.yaml"
    vocab.vocabulary.cache_clear()


@pytest.mark.parametrize("old,new,message", [
    ("    since: [since]\n", "", r"series\.yaml: cumulative\.en: expected the keys"),
    ("    since: [以来]\n", "    since: []\n", r"series\.yaml: cumulative\.zh\.since: expected a non-empty list"),
    ("periods:\n", "period:\n", r"series\.yaml: unknown key"),
    ("    future: [将,", "    future: [7,", r"series\.yaml: periods\.zh\.future: expected a non-empty list"),
    ("  reach: 30\n", "  reach: far\n", r"series\.yaml: cover\.reach: expected a number"),
    ("  reach: 30\n", "", r"series\.yaml: cover: expected the keys breaks, reach"),
    ("    progressive: [are,", "    progressives: [are,", r"series\.yaml: current\.en: expected the keys"),
    ("current:\n", "now:\n", r"series\.yaml: unknown key"),
])
def test_a_malformed_series_file_is_refused(series, old, new, message):
    text = series.read_text(encoding="utf-8")
    assert old in text
    series.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(UserError, match=message):
        vocab.vocabulary()


def test_a_long_run_of_numerals_is_read_in_linear_time():
    # issue 15: a count before 年来 (二十二年来) was an unbounded run of numerals, rescanned by
    # finditer from each character of a long run: 64 K characters took ~10 s (quadratic). Read from
    # the run's start and at most six characters long it is linear (~0.03 s here); the bound is a
    # hundred times that, so a loaded machine does not fail it
    import time

    from checker.extract import extract_text

    run = "一二三四五六七八九十" * 2200
    start = time.perf_counter()
    claims = extract_text("自" + run + "以来，共3人。二十二年来，共破案5起。")
    assert time.perf_counter() - start < 3.0
    assert [c.text for c in claims if c.kind == "count"] == ["3人", "5起"]
