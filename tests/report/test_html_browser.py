"""Issue 16: the HTML report in a real browser (Debian's chromium, driven by Playwright). Every
finding of `--format json` is on the page — translations, texts in one language, the archive's —
the filters change what is shown, an anchor leads to its finding, the page is whole without
JavaScript, and a screenshot is not blank."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from checker.cli import main
from tests.report.browser import chromium_path, png_pixels
from tests.seeds import SEEDS

pytestmark = pytest.mark.timeout(180)


def _report(capsys, tmp_path: Path, name: str, *argv: str) -> tuple[Path, list[dict]]:
    main(["check", *argv, "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    page = tmp_path / f"{name}.html"
    main(["check", *argv, "--format", "html", "-o", str(page)])
    capsys.readouterr()
    return page, findings


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    path = chromium_path()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    yield context.new_page()
    context.close()


def _in_dom(page) -> Counter:
    return Counter((el["rule"], el["severity"]) for el in page.eval_on_selector_all(
        "li.finding", "els => els.map(e => ({rule: e.dataset.rule, severity: e.dataset.severity}))"))


def _expected(findings: list[dict]) -> Counter:
    return Counter((f["rule"], f["severity"]) for f in findings)


@pytest.fixture
def corpus_check(tmp_path, capsys):
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    ledger = tmp_path / "ledger.db"
    assert main(["index", str(archive), "--ledger", str(ledger)]) == 0
    draft = tmp_path / "draft.txt"
    draft.write_text("2023年5月，中国共有维和警察2600余名。\n截至2023年5月，中国维和警察已累计派出2455人次。\n",
                     encoding="utf-8")
    capsys.readouterr()
    return _report(capsys, tmp_path, "corpus", str(draft), "--ledger", str(ledger), "--date", "2023-05-31")


def test_every_finding_of_the_seeds_is_on_the_page(page, tmp_path, capsys):
    report, findings = _report(capsys, tmp_path, "seeds", str(SEEDS))
    page.goto(report.as_uri())
    assert findings and _in_dom(page) == _expected(findings)
    assert page.locator("#summary").text_content().startswith(f"{len(findings)} findings")


def test_every_finding_of_a_text_in_one_language_is_on_the_page(page, tmp_path, capsys):
    doc = tmp_path / "news.zh.txt"           # no translation beside it: the rules of one text
    doc.write_text("会议于2023年2月30日（星期四）举行。\n今年是建党100周年，1921年建党。\n全市共有学校120所，其中小学80所、中学60所。\n",
                   encoding="utf-8")
    report, findings = _report(capsys, tmp_path, "mono", str(doc))
    page.goto(report.as_uri())
    assert len(findings) >= 2 and _in_dom(page) == _expected(findings)
    assert page.locator('[lang="zh"]').count() >= 3                 # Chinese text says it is Chinese


def test_every_archive_finding_is_on_the_page_with_its_timeline(page, corpus_check):
    report, findings = corpus_check
    page.goto(report.as_uri())
    corpus = [f for f in findings if f["category"] == "corpus"]
    assert corpus and _in_dom(page) == _expected(findings)
    assert page.locator("li.finding svg.timeline").count() >= 1
    assert page.locator("svg.timeline circle").count() >= 2


def test_the_filters_change_what_is_shown(page, tmp_path, capsys):
    report, findings = _report(capsys, tmp_path, "seeds", str(SEEDS))
    page.goto(report.as_uri())
    total = len(findings)
    assert page.locator("li.finding:visible").count() == total
    info = sum(f["severity"] == "info" for f in findings)
    assert 0 < info < total
    page.uncheck('#filters input[name="sev"][value="info"]')
    assert page.locator("li.finding:visible").count() == total - info
    assert page.locator("#shown").text_content() == str(total - info)
    rule = next(f["rule"] for f in findings if f["severity"] != "info")
    page.uncheck(f'#filters input[name="rule"][value="{rule}"]')
    left = sum(f["severity"] != "info" and f["rule"] != rule for f in findings)
    assert page.locator("li.finding:visible").count() == left
    page.check('#filters input[name="sev"][value="info"]')
    assert page.locator("li.finding:visible").count() == sum(f["rule"] != rule for f in findings)


def test_an_anchor_leads_to_its_finding(page, tmp_path, capsys):
    report, findings = _report(capsys, tmp_path, "seeds", str(SEEDS))
    page.goto(report.as_uri())
    errors = [f for f in findings if f["severity"] == "error"]
    link = page.locator('nav table.counts a[href^="#f"]').first          # the errors' count
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    finding = page.locator(target)
    assert finding.get_attribute("data-severity") == "error" and len(errors) >= 1
    assert finding.is_visible() and finding.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top > -2 && r.top < innerHeight; }")
    nxt = finding.locator(".nav a", has_text="next")
    if nxt.count():
        following = nxt.get_attribute("href")
        nxt.click()
        assert page.evaluate("location.hash") == following


def test_without_javascript_the_page_is_whole(browser, tmp_path, capsys):
    report, findings = _report(capsys, tmp_path, "seeds", str(SEEDS))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report.as_uri())
    assert _in_dom(page) == _expected(findings)
    assert page.locator("li.finding:visible").count() == len(findings)
    assert not page.locator("#filters").is_visible()                 # nothing that cannot work
    context.close()


def test_clean_paragraphs_fold_and_one_click_shows_the_document(page, tmp_path, capsys):
    zh = "".join(f"第{i}段，没有数字的问题。\n" for i in range(12)) + "共抓获犯罪嫌疑人1168名。\n"
    en = "".join(f"Paragraph {i}, with no problem of figures.\n" for i in range(12)) + "Police arrested 1,186 suspects.\n"
    (tmp_path / "long.zh.txt").write_text(zh, encoding="utf-8")
    (tmp_path / "long.en.txt").write_text(en, encoding="utf-8")
    report, findings = _report(capsys, tmp_path, "long", str(tmp_path / "long.zh.txt"))
    page.goto(report.as_uri())
    assert _in_dom(page) == _expected(findings)
    folded = page.locator("details.clean")
    assert folded.count() >= 1 and not page.get_by_text("Paragraph 3, with no problem").is_visible()
    page.click("button.whole")
    assert page.get_by_text("Paragraph 3, with no problem").is_visible()


def test_a_screenshot_is_not_blank(page, corpus_check, tmp_path):
    report, _ = corpus_check
    page.goto(report.as_uri())
    shot = tmp_path / "shots" / "report.png"
    shot.parent.mkdir()
    page.screenshot(path=str(shot), full_page=True)
    width, height, raw = png_pixels(shot.read_bytes())
    assert width >= 1000 and height >= 600
    assert len(set(raw)) > 32, "the screenshot is blank"
