"""parts-exceed-whole as a property (issue 14): parts generated to sum to at most their whole give
no finding; raising one part above the whole gives exactly one — in Chinese (其中, 包括, 其中 opening
the next sentence) and in English (including, of which), in counts and in sums of money."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine.consistency import check_claims
from checker.extract import extract_text

ZH_PARTS = ["小学", "中学", "职业学校", "特殊教育学校"]
EN_PARTS = ["patrol boats", "gunboats", "frigates", "tugs"]


def zh(whole: int, parts: list[int], form: str) -> str:
    listed = "、".join(f"{name}{n}所" for name, n in zip(ZH_PARTS, parts))
    if form == "next":
        return f"截至去年底，全区共有学校{whole}所。其中，{listed}。"
    if form == "money":
        return "全年完成投资{}万元，其中{}。".format(
            whole, "、".join(f"{name}投资{n}万元" for name, n in zip(["政府", "企业", "社会", "个人"], parts)))
    return f"全区共有学校{whole}所，{form}{listed}。"


def en(whole: int, parts: list[int], form: str) -> str:
    named = [f"{n:,} {name}" for name, n in zip(EN_PARTS, parts)]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    if form == "money":
        money = [f"${n:,} from {who}" for who, n in zip(["donors", "grants", "sales", "loans"], parts)]
        listed = money[0] if len(money) == 1 else f"{', '.join(money[:-1])} and {money[-1]}"
        return f"The fund raised ${whole:,} last year, of which {listed}."
    return f"The navy has a fleet of {whole:,} vessels, including {listed}."


@st.composite
def a_whole_and_parts(draw):
    parts = draw(st.lists(st.integers(min_value=1, max_value=3000), min_size=1, max_size=4))
    whole = sum(parts) + draw(st.integers(min_value=0, max_value=3000))
    lang = draw(st.sampled_from(["zh", "en"]))
    form = draw(st.sampled_from(["其中", "包括", "next", "money"] if lang == "zh" else ["including", "money"]))
    return lang, form, whole, parts


def findings(lang: str, form: str, whole: int, parts: list[int]) -> list[str]:
    text = (zh if lang == "zh" else en)(whole, parts, form)
    claims = extract_text(text, path="a.txt", as_of="2023-05-01")
    return [f.rule.name for f in check_claims(claims, {"a.txt": text}) if f.rule.name == "parts-exceed-whole"]


@settings(max_examples=150, deadline=None)
@given(a_whole_and_parts())
def test_parts_within_their_whole_give_no_finding(case):
    lang, form, whole, parts = case
    assert findings(lang, form, whole, parts) == [], (zh if lang == "zh" else en)(whole, parts, form)


@settings(max_examples=150, deadline=None)
@given(a_whole_and_parts(), st.data())
def test_one_part_raised_over_the_whole_gives_exactly_one_finding(case, data):
    lang, form, whole, parts = case
    i = data.draw(st.integers(min_value=0, max_value=len(parts) - 1))
    raised = list(parts)
    raised[i] = parts[i] + whole - sum(parts) + data.draw(st.integers(min_value=1, max_value=3000))
    assert findings(lang, form, whole, raised) == ["parts-exceed-whole"], (zh if lang == "zh" else en)(whole, raised, form)
