"""The subject phrases are cached on the short strings they read (issue 17 §2): the cached
readings must equal the direct ones, at every position, including the edges the cache keys
reason about (a line break before the count, Latin letters, quotes, digits after it)."""

from __future__ import annotations

import random

from checker.extract import subject_phrase as sp

ZH = [
    "专项行动中，双方共抓获犯罪嫌疑人1168名，涉案金额3亿元。",
    "截至目前，已与30多个国家和地区建立警务合作关系，签署合作文件400余份。",
    "维和警察人数达到\n2600余名中国维和警察在任务区执行任务。",
    "警察人数有\n12名。",
    "警务人员已约达 15名，其中“执法 队员”8名。",
    "两支300多人规模的队伍，12支维和分队参加，12人死亡。",
    "出动执法船艇12艘、执法人员300人，G20峰会期间共有普通高校93所。",
]
EN = [
    "China has sent 12 police officers to the mission and 3 cross-border and related cases.",
    "The 116th Joint Patrol on Mekong River began; 12 officers injured, 5 police liaison officers.",
    "It signed 400 cooperation documents, 2 police China has sent, and 7 suspects' cars\tnearby.",
    "It is 42 - a record - and 9 armed men, 4 children and 6 boxes of it.",
]


def _zh_direct(text: str, after: int, before: int) -> str | None:
    z = sp._zh()
    if after < len(text) and text[after].isdigit():
        return None
    return sp._after_phrase(text, after, z.after, z.stop, z.heads) or sp._before_phrase(text, before, z.n)


def _en_direct(text: str, pos: int) -> tuple[str | None, bool]:
    words, _, plural = sp._read_en_words(text, pos)
    return (sp._key(words), plural) if words else (None, False)


def test_zh_subject_cached_equals_direct():
    for text in ZH:
        for before in range(len(text) + 1):
            for after in range(before, min(len(text), before + 6) + 1):
                assert sp.zh_subject(text, after, before) == _zh_direct(text, after, before), (text, after, before)


def test_en_phrase_cached_equals_direct():
    for text in EN:
        for pos in range(len(text) + 1):
            assert sp._en_words(text, pos) == sp._read_en_words(text, pos), (text, pos)
            assert sp.en_phrase(text, pos) == _en_direct(text, pos), (text, pos)


def test_cached_readings_on_shuffled_pieces():
    rnd = random.Random(17)
    zh_pieces = ["人数", "达到", "已", "有", "名", "警察", "犯罪嫌疑人", "\n", " ", "\t", "，", "“", "”", "的", "1", "G"]
    en_pieces = ["police", "Police", "officers", "and", "or", "armed", "of", "the", "-", "'", "’", " ", "\t", "\n", ",", "7"]
    for _ in range(3000):
        text = "".join(rnd.choice(zh_pieces) for _ in range(rnd.randint(0, 10)))
        before = rnd.randint(0, len(text))
        after = rnd.randint(before, len(text))
        assert sp.zh_subject(text, after, before) == _zh_direct(text, after, before), (text, after, before)
        text = "".join(rnd.choice(en_pieces) + rnd.choice(["", " "]) for _ in range(rnd.randint(0, 10)))
        pos = rnd.randint(0, len(text))
        assert sp.en_phrase(text, pos) == _en_direct(text, pos), (text, pos)
