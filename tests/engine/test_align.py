"""Tests of checker.engine.align: Gale–Church style alignment with number and name anchors."""

from __future__ import annotations

import random
import pytest
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from checker.bitext import Bitext, SegmentPair
from checker.extract import extract_text
from checker.engine.align import align, claim_anchors, measure
from tests.paragraphs import paragraphs

ZH = [
    "2019年12月16日，国际刑警组织（INTERPOL）在新加坡召开第88届全体大会，来自194个成员国的1200余名代表出席了会议。",
    "大会通过了关于打击网络犯罪的决议。据统计，过去一年全球共破获网络诈骗案件4.2万起，涉案金额超过3.5亿美元。",
    "秘书长在讲话中指出，自2015年以来，该组织已协助各国抓获逃犯2600余名，其中去年一年就有380名。",
    "会议期间，各国代表还就新冠肺炎（COVID-19）疫情期间的跨境合作进行了讨论，共举行双边会谈75场。",
    "据悉，下一届大会将于2020年11月在阿联酋举行，预计将有超过2000名代表参加。",
    "此次大会为期4天，于12月19日闭幕。",
]
EN = [
    "On December 16, 2019, INTERPOL opened its 88th General Assembly in Singapore, attended by "
    "more than 1,200 delegates from 194 member countries.",
    "The assembly adopted a resolution on fighting cybercrime. According to statistics, 42,000 "
    "online fraud cases were solved worldwide over the past year, involving more than 350 million "
    "US dollars.",
    "In his speech, the Secretary General noted that since 2015 the organisation has helped "
    "countries arrest more than 2,600 fugitives, 380 of them last year alone.",
    "During the meeting, delegates also discussed cross-border cooperation during the COVID-19 "
    "pandemic, holding 75 bilateral talks in total.",
    "The next assembly is expected to be held in the United Arab Emirates in November 2020, with "
    "more than 2,000 delegates expected to attend.",
    "The four-day assembly closed on December 19.",
]




def run(zh: list[str], en: list[str], aligned: bool = False) -> list[SegmentPair]:
    bt = Bitext(paragraphs(zh, "a.zh.md"), paragraphs(en, "a.en.md"), aligned=aligned)
    pairs = align(bt, [extract_text(s.text) for s in bt.source],
                  [extract_text(s.text) for s in bt.target])
    check_cover(pairs, len(zh), len(en))
    return pairs


def anchors(text: str) -> set:
    return claim_anchors(extract_text(text))


def check_cover(pairs: list[SegmentPair], n: int, m: int) -> None:
    """Every index of both sides exactly once, in document order, confidences in [0, 1]."""
    src = [i for p in pairs for i in p.source]
    tgt = [j for p in pairs for j in p.target]
    assert src == list(range(n))
    assert tgt == list(range(m))
    assert all(p.source or p.target for p in pairs)
    assert all(0.0 <= p.confidence <= 1.0 for p in pairs)


def shape(pairs: list[SegmentPair]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(p.source, p.target) for p in pairs]


def test_clean_translation_aligns_one_to_one_with_high_confidence():
    pairs = run(ZH, EN)
    assert shape(pairs) == [((i,), (i,)) for i in range(6)]
    assert all(p.confidence > 0.85 for p in pairs), pairs


TERSE = [
    "INTERPOL's 88th assembly opened in Singapore on December 16, 2019, with over 1,200 "
    "delegates from 194 countries.",
    "It passed a cybercrime resolution; 42,000 fraud cases worth over 350 million dollars were "
    "solved in a year.",
    "Since 2015 it has helped catch over 2,600 fugitives, 380 last year.",
    "Delegates discussed COVID-19 cooperation in 75 bilateral talks.",
    "The next assembly, with over 2,000 delegates, is set for the UAE in November 2020.",
    "The four-day meeting closed on December 19.",
]


def test_terse_translation_is_not_penalised_for_its_length():
    # A translator who is consistently brief: the expected ratio comes from the text itself.
    pairs = run(ZH, TERSE)
    assert shape(pairs) == [((i,), (i,)) for i in range(6)]
    assert all(p.confidence > 0.75 for p in pairs), pairs


def test_merged_paragraphs_give_two_to_one():
    en = [EN[0], EN[1] + " " + EN[2], *EN[3:]]
    pairs = run(ZH, en)
    assert ((1, 2), (1,)) in shape(pairs)
    merged = next(p for p in pairs if p.source == (1, 2))
    assert merged.confidence > 0.7
    assert "2:1 merge" in merged.notes
    assert sum(1 for p in pairs if len(p.source) == 1 and len(p.target) == 1) == 4


def test_split_paragraph_gives_one_to_two():
    first, second = EN[1].split(". ", 1)
    en = [EN[0], first + ".", second, *EN[2:]]
    pairs = run(ZH, en)
    assert ((1,), (1, 2)) in shape(pairs)


def test_dropped_paragraph_gives_one_to_zero():
    en = EN[:3] + EN[4:]
    pairs = run(ZH, en)
    assert ((3,), ()) in shape(pairs)
    dropped = next(p for p in pairs if p.source == (3,))
    assert dropped.confidence == 0.0 and dropped.notes
    assert all(p.confidence > 0.7 for p in pairs if p.source and p.target)


def test_added_paragraph_gives_zero_to_one():
    note = ("Editor's note: this article was updated on the following morning to add comments "
            "made by several delegations after the closing ceremony in the Singapore venue.")
    en = EN[:3] + [note] + EN[3:]
    pairs = run(ZH, en)
    assert ((), (3,)) in shape(pairs)
    assert all(p.confidence > 0.7 for p in pairs if p.source and p.target)


def test_free_rewrite_gets_low_confidence():
    # The last three Chinese paragraphs are summarised, not translated, in one English one.
    summary = ("Delegates also talked about the pandemic, and the next meeting is due in the Gulf "
               "some time next year.")
    pairs = run(ZH, EN[:3] + [summary])
    for p in pairs:
        if p.target and p.target[-1] == 3:
            assert p.confidence < 0.5, p
            assert p.notes
        elif p.source and p.target:
            assert p.confidence > 0.7, p
    assert shape(pairs)[:3] == [((i,), (i,)) for i in range(3)]


def test_summary_that_keeps_a_few_numbers_is_low():
    summary = ("Delegates also discussed the pandemic, and the next assembly is due in the Gulf in "
               "2020; this one closed after four days.")
    pairs = run(ZH, EN[:3] + [summary])
    p = next(p for p in pairs if 3 in p.target)
    assert p.confidence < 0.5, p
    assert all(q.confidence > 0.7 for q in pairs if q.target and q.target[0] < 3), pairs


def test_numbers_compare_as_values_across_languages():
    zh, en = anchors("共破获案件4.2万起，抓获2600余名逃犯，第88届大会，2019年12月16日"), \
        anchors("42,000 cases were solved and more than 2,600 fugitives caught at the 88th assembly "
                "on December 16, 2019")
    assert zh == en and Decimal(42000) in zh and ("day", 12, 16) in zh


def test_numbers_decide_which_paragraph_was_dropped():
    # Three Chinese paragraphs of the same length; only the numbers tell which one is missing.
    zh = [f"本周共有{x}名志愿者参加了社区清洁活动，活动持续了整整一个上午。" for x in (120, 350, 870)]
    en = [f"This week {x} volunteers joined the community clean-up, which lasted the whole morning."
          for x in (120, 870)]
    assert shape(run(zh, en)) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    en = [f"This week {x} volunteers joined the community clean-up, which lasted the whole morning."
          for x in (120, 350)]
    assert shape(run(zh, en)) == [((0,), (0,)), ((1,), (1,)), ((2,), ())]


def test_length_in_han_equivalents():
    assert measure("公安部常务副部长") == 8
    assert measure("公安部常務(wù)副部長(zhǎng)") == 8     # conversion artefacts are not text
    assert measure("abc  def\n") == 2                 # non-space characters count a third


def test_latin_names_anchor_but_pinyin_does_not():
    zh = [f"会议讨论了{name}框架下的合作，各方代表发表了意见并达成了广泛的共识。" for name in ("G20", "APEC", "WTO")]
    en = [f"The meeting discussed cooperation under the {name} framework; the parties reached a "
          f"broad consensus." for name in ("G20", "WTO")]
    assert shape(run(zh, en)) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    # 對(duì): pinyin artefacts of a traditional conversion are not names
    pairs = run(["各方對(duì)此表示歡迎。"], ["The parties welcomed this, said Du."])
    assert pairs[0].notes == ()


def test_one_to_one_with_mismatching_numbers_stays_confident():
    # Issue 13: figures that disagree are what the check reports, never a reason to doubt the
    # pairing: the paragraph of drifts is as sure a pair as its faithful neighbours, and its
    # confidence does not fall as more figures disagree.
    en = list(EN)
    en[2] = ("In his speech, the Secretary General noted that since 1998 the organisation has "
             "helped countries arrest more than 9,100 fugitives, 17 of them last year alone.")
    drifted = next(p for p in run(ZH, en) if p.target == (2,))
    faithful = next(p for p in run(ZH, EN) if p.target == (2,))
    assert drifted.source == faithful.source == (2,)
    assert drifted.confidence >= 0.5
    worse = en[:2] + [en[2].replace("1998", "1989").replace("17", "71")] + en[3:]
    assert next(p for p in run(ZH, worse) if p.target == (2,)).confidence >= drifted.confidence


def test_paragraph_cut_to_a_phrase_is_not_a_confident_pair():
    en = list(EN)
    en[1] = "Cybercrime was discussed."
    pairs = run(ZH, en)
    p = next(p for p in pairs if 1 in p.source)
    assert p.confidence < 0.5 and p.notes, p


def test_length_far_off_is_noted():
    en = list(EN)
    en[0] = EN[0] + " " + " ".join([EN[0]] * 3)      # padded to four times its length
    pairs = run(ZH, en)
    p = next(p for p in pairs if 0 in p.target)
    assert p.confidence < 0.5
    assert any(n.startswith("length ratio") for n in p.notes), p


def test_aligned_bitext_is_identity():
    pairs = run(ZH, list(reversed(EN)), aligned=True)
    assert shape(pairs) == [((i,), (i,)) for i in range(6)]
    assert all(p.confidence == 1.0 for p in pairs)
    extra = run(ZH[:4], EN, aligned=True)
    assert shape(extra)[4:] == [((), (4,)), ((), (5,))]


def test_empty_sides():
    assert run([], []) == []
    assert shape(run(ZH, [])) == [((i,), ()) for i in range(6)]
    assert shape(run([], EN)) == [((), (j,)) for j in range(6)]
    assert all(p.confidence == 0.0 for p in run(ZH, []))


def test_empty_segments_do_not_crash():
    pairs = run(["", ZH[0], ""], ["", EN[0]])
    assert any(1 in p.source and 1 in p.target for p in pairs)


def numbered(k: int) -> tuple[str, str]:
    return (f"本市今年共新建学校{100 + 7 * k}所，投入资金{1000 + 13 * k}万元，惠及学生数万人。",
            f"This year the city built {100 + 7 * k} new schools with an investment of "
            f"{(1000 + 13 * k) * 10000:,} yuan, benefiting tens of thousands of students.")


def test_long_dropped_block_widens_the_band(monkeypatch):
    # 40 consecutive paragraphs missing: the path leaves the initial band of ±10 around the
    # diagonal, and the aligner must widen it rather than force a wrong alignment.
    from checker.engine import align as module
    bands = []
    real_dp = module._dp
    monkeypatch.setattr(module, "_dp", lambda *a: bands.append(a[-1]) or real_dp(*a))
    zh, en = zip(*(numbered(k) for k in range(100)))
    en = en[:10] + en[50:]
    pairs = run(list(zh), list(en))
    assert max(bands) > 10
    assert [p.source for p in pairs if not p.target] == [(k,) for k in range(10, 50)]
    assert all(p.source == (p.target[0] + (40 if p.target[0] >= 10 else 0),)
               for p in pairs if p.target)


def test_long_added_block_and_uneven_sides():
    zh, en = zip(*(numbered(k) for k in range(30)))
    added = [f"Background note {k}: the programme began several years ago." for k in range(25)]
    pairs = run(list(zh), list(en[:10]) + added + list(en[10:]))
    assert [p.target for p in pairs if not p.source] == [(k,) for k in range(10, 35)]
    assert sum(1 for p in pairs if p.source and p.target) == 30


@st.composite
def documents(draw):
    n = draw(st.integers(0, 60))
    lengths = draw(st.lists(st.integers(0, 120), min_size=n, max_size=n))
    numbers = draw(st.lists(st.integers(0, 5000), min_size=n, max_size=n))
    names = draw(st.lists(st.sampled_from(["", "G20", "COVID-19", "xi"]), min_size=n, max_size=n))
    zh = [("中" * k + (f"{x}名" if x % 3 else "") + w) for k, x, w in zip(lengths, numbers, names)]
    en = [("word " * k + (f"{x} people " if x % 3 else "") + w).strip()
          for k, x, w in zip(lengths, numbers, names)]
    # random deletions, then a deleted block, then added paragraphs (some in a run)
    keep = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    en = [e for e, k in zip(en, keep) if k or draw(st.booleans())]
    start = draw(st.integers(0, len(en)))
    del en[start:start + draw(st.integers(0, 40))]
    for _ in range(draw(st.integers(0, 40))):
        en.insert(draw(st.integers(0, len(en))), "added " * draw(st.integers(0, 60)))
    if draw(st.booleans()):
        zh, en = en, zh         # and the other way round: any text on either side
    return zh, en


@settings(max_examples=200, deadline=None)
@given(documents())
def test_property_cover_every_index_once_in_order(doc):
    zh, en = doc
    run(zh, en)     # run() checks coverage, order and confidence range


@pytest.mark.timeout(120)   # a guard against a quadratic DP, not a speed measure (see benchmarks/)
def test_long_texts_align_with_a_band():
    rng = random.Random(7)
    n = 10_000
    sizes = [rng.randint(10, 150) for _ in range(n)]
    zh = ["中" * k for k in sizes]
    en = ["w" * int(k * rng.uniform(2.5, 3.5)) for k in sizes]
    del en[5000:5003]
    bt = Bitext(paragraphs(zh, "z"), paragraphs(en, "e"))
    pairs = align(bt, [[]] * n, [[]] * len(en))
    check_cover(pairs, n, len(en))
    assert sum(1 for p in pairs if p.source and p.target) >= n - 10
