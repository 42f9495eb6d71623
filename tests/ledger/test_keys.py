"""Subject keys across languages and phrasing (rules/glossary.yaml), learnt bilingual pairs, and
the clause similarity used for generic subjects."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from checker.errors import UserError
from checker.ledger.keys import (best_pairs, glossary, is_generic, learnable, similarity,
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
    assert best_pairs([("blue helmet", "维和警察", 2), ("blue helmet", "维和官兵", 2)]) == {}
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


def test_learnt_pairs_need_documents_enough():
    # one translation teaches nothing yet (learn_min_documents: 2); two agreeing ones do
    assert glossary().learn_min_documents == 2
    assert best_pairs([("blue helmet", "维和警察", 1)]) == {}
    assert best_pairs([("blue helmet", "维和警察", 2)]) == {"blue helmet": "维和警察"}
    assert best_pairs([("blue helmet", "维和警察", 2), ("blue helmet", "维和官兵", 1)]) == {"blue helmet": "维和警察"}
    assert best_pairs([("blue helmet", "维和警察", 2), ("blue helmet", "维和官兵", 2)]) == {}
    assert best_pairs([("blue helmet", "维和警察", 3), ("blue helmet", "维和官兵", 1)]) == {"blue helmet": "维和警察"}


@pytest.mark.parametrize("en", ["officers", "personnel", "people", "staff", "members", "employees",
                                "Officers", "personnel so far", "officers in total", "people to date"])
def test_a_bare_generic_head_is_never_learnt(en):
    # "China has sent more than 2,600 officers" translating 维和警察 says nothing of the next
    # article's officers (a city police department's)
    assert learnable(en, "维和警察") is None
    assert best_pairs([("officer", "维和警察", 50)]) == {}


@pytest.mark.parametrize("en,learnt", [
    ("blue helmets so far", "blue helmet"),
    ("blue helmets in total", "blue helmet"),
    ("blue helmets to date", "blue helmet"),
    ("Blue Helmets", "blue helmet"),
])
def test_english_subjects_are_cleaned_before_they_are_learnt(en, learnt):
    assert learnable(en, "中国维和警察") == (learnt, "维和警察")
    assert subject_key(en) == learnt


def test_junk_teaches_nothing():
    assert learnable("so far", "维和警察") is None
    assert learnable("2,600", "维和警察") is None
    assert learnable("blue helmets", "国家") is None          # a generic Chinese subject


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(["中国", "北京市", "印度", "维和警察", "人员", "行动", "该", "全国", "公司",
                              " / ", "Indian ", "peacekeepers", "so far", "the ", "China's ", "部门", " "]),
             max_size=6).map("".join)))
def test_keys_never_raise_and_are_stable(text):
    # a key is its own key: filing a claim under subject_key(subject) and looking the key up
    # again (claims --subject KEY) find the same subject
    key = subject_key(text)
    assert key is None or (isinstance(key, str) and key and subject_key(key) == key)
    assert 0.0 <= similarity(text, text[::-1]) <= 1.0


def test_a_glossary_term_in_two_concepts_is_an_error_naming_the_file(tmp_path, monkeypatch):
    import checker.ledger.keys as keys

    def fake(name):
        return {"home": {"zh": [], "en": []}, "tails": {"zh": [], "en": []}, "generic": {},
                "concepts": [{"zh": ["警察"], "en": ["police"]}, {"zh": ["民警"], "en": ["police"]}]}

    monkeypatch.setattr(keys, "load_yaml", fake)
    glossary.cache_clear()
    try:
        with pytest.raises(UserError, match="rules/glossary.yaml.*police.*two concepts"):
            glossary()
    finally:
        glossary.cache_clear()


@pytest.mark.parametrize("text", ["北京中国市0", "泉州市派出所", "大连全市派出所", "陕西省西安市公安局民警",
                                  "柳州公安局民警", "全市消防站", "Dalian city police stations"])
def test_keys_found_by_the_property_test_are_their_own_keys(text):
    key = subject_key(text)
    assert key and subject_key(key) == key and not key.startswith("中国")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["中国", "北京市", "北京", "全市", "全省", "该市", "本市", "本溪", "公安局",
                                 "公安厅", "禁毒委", "人民政府", "大连", "市", "省", "县", "区", "自治区",
                                 "陕西", "西安", "安康", "江西", "新疆", "派出所", "0", "Xi'an", " city",
                                 " police", "Dalian", " Public Security Bureau", " / "]),
                max_size=7).map("".join))
def test_keys_of_places_wholes_and_bodies_are_their_own_keys(text):
    key = subject_key(text)
    assert key is None or subject_key(key) == key
