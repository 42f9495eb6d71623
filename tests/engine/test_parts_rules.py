"""rules/parts.yaml is data: a malformed file is refused with the file and the key named, never
a traceback or a silently empty rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import vocab
from checker.engine import parts
from checker.errors import UserError

RULES = Path(parts.__file__).resolve().parents[2] / "rules"


@pytest.fixture()
def rules(tmp_path, monkeypatch):
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    monkeypatch.setattr(vocab, "rules_dir", lambda: copy)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    parts._words.cache_clear()
    yield copy
    parts._words.cache_clear()


@pytest.mark.parametrize("old,new,message", [
    ("stops:\n", "stop:\n", r"parts\.yaml: expected the keys cues, inclusive_zh"),
    ("  zh: [其中, 包括, 包含, 分别为, 分别是, 分别有]\n", "  zh: []\n", r"parts\.yaml: cues\.zh: expected a non-empty list"),
    ("  copulas_en: [were, are, was, is]\n", "", r"parts\.yaml: share_list: expected the keys"),
    ("share_zh: [占]\n", "share_zh: 占\n", r"parts\.yaml: share_zh: expected a non-empty list"),
    ("    - [男, 女]\n", "    - 男女\n", r"parts\.yaml: share_list\.splits_zh\[1\]: expected a non-empty list"),
])
def test_a_malformed_parts_file_is_refused(rules, old, new, message):
    path = rules / "parts.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(UserError, match=message):
        parts._words()


def test_the_cue_words_are_read_from_the_file(rules):
    """A cue added to the file is a cue: 内含 introduces parts once listed."""
    from checker.engine.consistency import check_claims
    from checker.extract import extract_text

    text = "全区共有学校56所，内含小学31所、中学28所。"
    assert not [f for f in check_claims(extract_text(text, path="a"), {"a": text}) if f.rule.name == "parts-exceed-whole"]
    path = rules / "parts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  zh: [其中, 包括,", "  zh: [其中, 内含, 包括,", 1),
                    encoding="utf-8")
    parts._words.cache_clear()
    assert [f.rule.name for f in check_claims(extract_text(text, path="a"), {"a": text})] == ["parts-exceed-whole"]
