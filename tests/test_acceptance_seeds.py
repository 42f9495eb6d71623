"""The acceptance table of issue #2: each listed claim of the seed documents, with the value,
unit and qualifier the issue requires (the expected values come from the issue, not from the
program)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.extract import extract_text
from tests.seeds import SEEDS, find as _find, seed_claims as _claims


D = Decimal
ANY = object()         # a field the table does not state
OPEN = None            # an open end of an interval

CASES = [
    # seed, text, kinds allowed, nominal, low, high, unit, qualifier, subject
    ("000", "2600 余名", {"count"}, D(2600), D(2600), D(2700), "person", "more_than", "中国维和警察"),
    ("000", "4.2 萬余起", {"count"}, D(42000), D(42000), D(43000), ANY, "more_than", ANY),
    ("000", "20 余萬名", {"count"}, D(200000), D(200000), D(300000), "person", "more_than", ANY),
    ("000", "6.6 萬余公里", {"quantity"}, D(66000), D(66000), ANY, "km", "more_than", ANY),
    ("000", "twenty", {"count"}, D(20), D(20), D(20), "person", None, ANY),
    ("000", "seven", {"count"}, D(7), D(7), D(7), "person", None, ANY),
    ("000", "three minutes", {"duration"}, D(3), D(3), D(3), "minute", None, ANY),
    ("000", "more than 2,600", {"count"}, D(2600), D(2600), OPEN, ANY, "more_than", ANY),
    ("001", "2455人次", {"count"}, D(2455), D(2455), D(2455), "person-time", None, ANY),
    ("003", "两支", {"count"}, D(2), D(2), D(2), ANY, None, ANY),
    ("003", "300多人", {"count"}, D(300), D(300), D(400), "person", "more_than", ANY),
    ("001", "7.1亿元", {"money"}, D(710000000), D(710000000), D(710000000), "CNY", None, ANY),
    ("000", "第116 次", {"ordinal"}, D(116), D(116), D(116), ANY, None, ANY),
    ("000", "116th", {"ordinal"}, D(116), D(116), D(116), ANY, None, ANY),
    ("004", "第十九屆", {"ordinal"}, D(19), D(19), D(19), ANY, None, ANY),
    ("004", "19th", {"ordinal"}, D(19), D(19), D(19), ANY, None, ANY),
    ("004", "二〇三五年", {"year"}, D(2035), D(2035), D(2035), ANY, None, ANY),
    ("004", "2035", {"year"}, D(2035), D(2035), D(2035), ANY, None, ANY),
]


@pytest.mark.parametrize("seed,text,kinds,nominal,low,high,unit,qualifier,subject", CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_seed_claim(seed, text, kinds, nominal, low, high, unit, qualifier, subject):
    c = _find(_claims(seed), text)
    assert c.kind in kinds
    assert c.value.nominal == nominal
    for field, expected in (("low", low), ("high", high)):
        if expected is not ANY:
            assert getattr(c.value, field) == expected, field
    for field, expected in (("unit", unit), ("qualifier", qualifier), ("subject", subject)):
        if expected is not ANY:
            assert getattr(c, field) == expected, field


def test_about_90_percent_allows_values_around_90():
    c = _find(_claims("003"), "约90%")
    assert c.kind == "percent" and c.unit == "%" and c.qualifier == "about"
    assert c.value.nominal == 90 and c.value.low < 90 < c.value.high


def test_nearly_4000_days_is_below_4000():
    c = _find(_claims("000"), "近4000 個(gè)日夜")
    assert c.kind in {"count", "duration"} and c.qualifier == "nearly"
    assert c.value.high == 4000 and c.value.low < 4000


def test_names_are_not_claims():
    claims = _claims("004")
    # 第十四个五年规划: the ordinal 14 is a claim, 五年 (part of the plan's name) is not
    assert _find(claims, "第十四個").value.nominal == 14
    assert not [c for c in claims if c.text.startswith("五年")]
    assert not [c for c in claims if "Five" in c.text]


def test_every_seed_claim_points_at_its_line_and_column():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        for c in extract_text(text, path=str(path)):
            assert lines[c.line - 1][c.column - 1:].startswith(c.text.split("\n")[0])


@pytest.mark.parametrize("seed,text,subject", [
    ("001", "第51次", "湄公河联合巡逻执法"),            # the name after the ordinal
    ("000", "116th", "joint patrol on mekong river"),   # a Title Case name goes on through "on"
    ("000", "第116 次", None),                          # no event in its own sentence
])
def test_ordinals_name_what_they_number(seed, text, subject):
    c = _find(_claims(seed), text)
    assert c.kind == "ordinal" and c.subject == subject
