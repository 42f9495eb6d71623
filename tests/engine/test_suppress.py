"""Suppression comments: disable/enable ranges, ignore for the next block, unused suppressions."""

from __future__ import annotations

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext
from checker.engine.consistency import check_claims
from checker.engine.suppress import UNUSED_SUPPRESSION, parse_directives, suppress
from checker.extract import extract_text

BAD_DATE = "会议于2023年2月30日举行。"          # CC201 invalid-date
BAD_SHARE = "支持率为120%的民众。"              # CC204 percent-out-of-range


def run(text: str, path: str = "a.md"):
    findings = check_claims(extract_text(text, path=path), {path: text})
    kept, warnings = suppress(findings, {path: text})
    return findings, kept, warnings


def codes(findings):
    return sorted((f.rule.code, f.line) for f in findings)


def test_no_comments_keeps_everything():
    text = f"{BAD_DATE}\n\n{BAD_SHARE}"
    findings, kept, warnings = run(text)
    assert len(findings) == 2 and kept == findings and warnings == []


def test_disable_enable_range():
    text = (f"<!-- claimcheck: disable CC201 -->\n{BAD_DATE}\n\n{BAD_SHARE}\n"
            f"<!-- claimcheck: enable CC201 -->\n\n{BAD_DATE}")
    findings, kept, warnings = run(text)
    assert codes(findings) == [("CC201", 2), ("CC201", 7), ("CC204", 4)]
    assert codes(kept) == [("CC201", 7), ("CC204", 4)]
    assert warnings == []


def test_disable_inline_on_one_line():
    text = f"<!-- claimcheck: disable invalid-date -->{BAD_DATE}<!-- claimcheck: enable invalid-date -->{BAD_DATE}"
    findings, kept, warnings = run(text)
    assert len(findings) == 2 and len(kept) == 1 and kept[0].column > findings[0].column
    assert warnings == []


def test_disable_until_end_and_several_codes_names_prefixes():
    text = f"{BAD_DATE}\n<!-- claimcheck: disable CC2 -->\n{BAD_DATE}\n{BAD_SHARE}"
    _, kept, warnings = run(text)
    assert codes(kept) == [("CC201", 1)] and warnings == []
    text = f"<!-- claimcheck: disable percent-out-of-range, CC201 -->\n{BAD_DATE}\n{BAD_SHARE}"
    _, kept, warnings = run(text)
    assert kept == [] and warnings == []
    text = f"<!-- claimcheck: disable consistency -->\n{BAD_DATE}\n{BAD_SHARE}"
    assert run(text)[1] == []


def test_disable_all_and_partial_enable():
    text = (f"<!-- claimcheck: disable -->\n{BAD_DATE}\n{BAD_SHARE}\n<!-- claimcheck: enable CC204 -->\n"
            f"{BAD_DATE}\n{BAD_SHARE}\n<!-- claimcheck: enable -->\n{BAD_DATE}")
    _, kept, warnings = run(text)
    assert codes(kept) == [("CC201", 8), ("CC204", 6)]
    assert warnings == []


def test_enable_one_of_several():
    text = (f"<!-- claimcheck: disable CC201,CC204 -->\n{BAD_DATE}\n<!-- claimcheck: enable CC201 -->\n"
            f"{BAD_DATE}\n{BAD_SHARE}")
    _, kept, _ = run(text)
    assert codes(kept) == [("CC201", 4)]


def test_ignore_next_block_only():
    text = (f"<!-- claimcheck: ignore CC201 -->\n\n{BAD_DATE}\n{BAD_DATE}{BAD_SHARE}\n\n{BAD_DATE}")
    findings, kept, warnings = run(text)
    assert codes(kept) == [("CC201", 6), ("CC204", 4)]
    assert warnings == []


def test_ignore_all_rules_and_same_line():
    text = f"<!-- claimcheck: ignore -->\n{BAD_DATE}{BAD_SHARE}\n\n{BAD_SHARE}"
    _, kept, _ = run(text)
    assert codes(kept) == [("CC204", 4)]
    text = f"{BAD_SHARE}\n<!-- claimcheck: ignore CC204 --> {BAD_SHARE}\n{BAD_SHARE}\n\n{BAD_SHARE}"
    _, kept, warnings = run(text)
    assert codes(kept) == [("CC204", 1), ("CC204", 5)] and warnings == []


def test_stacked_ignore_comments_share_the_block():
    text = f"<!-- claimcheck: ignore CC201 -->\n<!-- claimcheck: ignore CC204 -->\n{BAD_DATE}{BAD_SHARE}\n"
    _, kept, warnings = run(text)
    assert kept == [] and warnings == []


def test_unused_suppressions_warn():
    text = (f"<!-- claimcheck: disable CC101 -->\n{BAD_DATE}\n<!-- claimcheck: enable CC101 -->\n\n"
            f"<!-- claimcheck: ignore CC204 -->\n{BAD_DATE}\n\n<!-- claimcheck: ignore CC999 -->\n{BAD_SHARE}")
    findings, kept, warnings = run(text)
    assert kept == findings
    assert [(w.line, w.column) for w in warnings] == [(1, 1), (5, 1), (8, 1)]
    for w in warnings:
        assert w.rule is UNUSED_SUPPRESSION and w.rule.code == "CC001" and w.rule.name == "unused-suppression"
        assert w.severity == "warning" and w.rule.category == "consistency" and w.claims == ()
        assert w.path == "a.md" and "suppressed nothing" in w.message
    assert "disable CC101" in warnings[0].message
    assert "unknown rule CC999" in warnings[2].message and "unknown" not in warnings[1].message


def test_an_unknown_rule_in_a_comment_says_what_was_meant():
    text = f"<!-- claimcheck: ignore CC2O1 -->\n{BAD_DATE}\n"
    _, _, warnings = run(text)
    assert "unknown rule CC2O1; did you mean CC2O1 → CC201?" in warnings[0].message


def test_comment_that_is_not_a_directive_is_ignored():
    text = f"<!-- a note: claimcheck is great -->\n{BAD_DATE}"
    findings, kept, warnings = run(text)
    assert kept == findings and warnings == []
    assert [d.action for d in parse_directives("<!--claimcheck:DISABLE cc201 value-mismatch-->")] == ["disable"]
    assert parse_directives("<!--claimcheck:disable cc201  value-mismatch-->")[0].specs == ("CC201", "value-mismatch")


def test_translation_findings_by_path_and_line():
    zh = "共抓获犯罪嫌疑人1168名。"
    en_plain = "Police arrested 1,186 suspects."
    for en, expect_kept in ((f"<!-- claimcheck: ignore value-mismatch -->\n{en_plain}", 0),
                            (f"<!-- claimcheck: disable CC1 -->\n{en_plain}", 0),
                            (en_plain, 1)):
        bitext = Bitext((Segment("zh.txt", zh, 0, len(zh)),), (Segment("en.md", en, 0, len(en)),), aligned=True)
        findings = check_bitext(bitext).findings
        assert [f.rule.code for f in findings] == ["CC101"]
        # a comment in another file does not suppress it
        kept, _ = suppress(findings, {"zh.txt": "<!-- claimcheck: disable -->\n" + zh})
        assert kept == findings
        kept, warnings = suppress(findings, {"en.md": en, "zh.txt": zh})
        assert len(kept) == expect_kept and warnings == []
