"""date-arithmetic reads a document once: years indexed by sentence and paragraph, never every
claim against every other. Long and adversarial documents finish (the timeout is the assertion)."""

from __future__ import annotations

import pytest

from checker.engine.consistency import check_claims
from checker.extract import extract_text


@pytest.mark.timeout(120)
@pytest.mark.parametrize("text", [
    # one sentence: many starts, many anniversaries and spans, many lengths and ranges
    "（2023年5月1日 北京）" + "1998年成立的中心迎来成立30周年，20年来为期两天的论坛5月8日至10日举行，" * 3000,
    # many paragraphs, each with a start and a count of the one before
    "（2023年5月1日 北京）\n" + "1998年，该中心正式成立。今年中心迎来成立30周年。\n" * 3000,
    "NEW YORK, May 3, 2023 -- "
    + "The museum opened in 1987 and marks its 30th anniversary, over the past 20 years. " * 3000,
    # many paragraphs, each an event's length and the dates of the paragraph before or after
    "（2023年5月12日 北京）\n" + "为期两天的论坛在北京开幕。\n论坛于5月8日至10日举行。\n" * 3000,
    "成立" * 50000, "周年" * 50000, "为期" * 50000, "anniversary " * 30000, "founded in " * 30000,
])
def test_long_documents_finish(text):
    claims = extract_text(text, path="a.txt")
    check_claims(claims, {"a.txt": text})


def test_each_paragraph_is_checked_against_the_one_before_only():
    para = "1998年，该中心正式成立。今年中心迎来成立30周年。\n"
    text = "（2023年5月1日 北京）\n" + para * 50
    findings = [f for f in check_claims(extract_text(text, path="a.txt"), {"a.txt": text})
                if f.rule.name == "date-arithmetic"]
    assert len(findings) == 50 and all("25 years, not 30" in f.message for f in findings)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("text", [
    # parts-exceed-whole and share lists: one sentence of many cues, wholes and parts; many sentences
    "全区共有学校56所，其中小学31所、中学28所，" * 3000,
    "全区共有学校56所，其中小学31所、中学28所。" * 3000,
    "男性、女性分别占35%、70%，其中男性占60%，" * 3000,
    "a fleet of 48 vessels, including 30 patrol boats and 21 tugs, 30 of them new, " * 3000,
    "其中" * 50000, "including " * 30000, "of them " * 30000, "占" * 50000,
])
def test_long_documents_of_parts_finish(text):
    claims = extract_text(text, path="a.txt")
    check_claims(claims, {"a.txt": text})
