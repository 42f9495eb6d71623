"""Subject keys across languages and phrasing (rules/glossary.yaml), learnt bilingual pairs, and
the clause similarity used for generic subjects."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from checker.errors import UserError
from checker.ledger.subjects import (best_pairs, glossary, is_generic, learnable, similarity,
                                     subject_key)


@pytest.mark.parametrize("a,b", [
    ("中国维和警察", "维和警察"),                 # a home modifier is dropped
    ("中国维和警官", "维和警察"),                 # ... and a synonym is one concept
    ("维和警察", "peacekeeping police officer"),  # the glossary maps English to Chinese
    ("维和警察", "Chinese peacekeeping police officers"),
    ("湄公河联合巡逻执法行动", "湄公河联合巡逻执法"),  # a generic tail
    ("國家和地區", "国家"),                        # traditional characters, a listed near-duplicate
])
def test_one_subject(a, b):
    assert subject_key(a) == subject_key(b) is not None


@pytest.mark.parametrize("a,b", [
    ("印度维和人员", "维和人员"),     # another country is never dropped
    ("维和警察", "维和人员"),         # police are not all peacekeepers
    ("犯罪嫌疑人", "受害人"),
    ("police liaison officer", "police officer"),
])
def test_different_subjects(a, b):
    assert subject_key(a) != subject_key(b)


def test_keys_of_nothing():
    assert subject_key(None) is None and subject_key("") is None and subject_key("   ") is None


def test_generic_subjects_need_context():
    assert is_generic(subject_key("国家")) and is_generic(subject_key("countries"))
    assert not is_generic(subject_key("维和警察"))


def test_learnt_pairs_need_a_clear_majority():
    assert best_pairs([("service member", "维和警察", 3), ("service member", "维和人员", 1)]) == \
        {"service member": "维和警察"}
    assert best_pairs([("officer", "警察", 2), ("officer", "警官团", 2)]) == {}
    assert subject_key("service members", {"service member": "维和警察"}) == "维和警察"
    # what the glossary places is not relearnt, and generic subjects teach nothing
    assert learnable("peacekeeping police officer", "维和警察") is None
    assert learnable("country", "国家") is None
    assert learnable("service members", "中国维和警察") == ("service member", "维和警察")
    assert learnable("维和警察", "service members") is None


def test_similarity_is_a_dice_coefficient():
    assert similarity("与国家建立了合作机制", "与国家建立了合作机制") == 1.0
    assert similarity("与国家建立了合作机制", "今天天气很好") == 0.0
    a, b = "中方已与国家建立了双边合作机制", "公安部已与国家建立了密切务实的双边执法合作机制"
    assert similarity(a, b) == similarity(b, a)
    assert 0 < similarity(a, b) < 1
    assert similarity("", "anything") == 0.0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_keys_never_raise_and_are_stable(text):
    key = subject_key(text)
    assert key is None or subject_key(key) == key or isinstance(key, str)
    assert 0.0 <= similarity(text, text[::-1]) <= 1.0


def test_a_glossary_term_in_two_concepts_is_an_error_naming_the_file(tmp_path, monkeypatch):
    import checker.ledger.subjects as subjects

    def fake(name):
        return {"home": {"zh": [], "en": []}, "tails": {"zh": [], "en": []}, "generic": {},
                "concepts": [{"zh": ["警察"], "en": ["police"]}, {"zh": ["民警"], "en": ["police"]}]}

    monkeypatch.setattr(subjects, "load_yaml", fake)
    glossary.cache_clear()
    try:
        with pytest.raises(UserError, match="rules/glossary.yaml.*police.*two concepts"):
            glossary()
    finally:
        glossary.cache_clear()
