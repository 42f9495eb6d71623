"""The README's pictures, made from the seeds by claimcheck itself and photographed in Debian's
chromium (Playwright), so that they show what the code draws today:

    .venv/bin/python docs/screenshots.py          # writes docs/report.png and docs/timeline.png

report.png: `claimcheck check seeds/ --format html`, the top of the page and its first document.
timeline.png: a draft checked against the seeds indexed as the archive, at its finding about
the archive, with the subject's figures over time.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.cli import main  # noqa: E402

DRAFT = "截至2023年5月，中国共有维和警察2600余名，已累计派出2455人次。\n"


def _browser_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        sys.exit("docs/screenshots.py: no chromium (apt-get install chromium fonts-noto-cjk)")
    return path


def main_() -> None:
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        report = tmp / "report.html"
        os.chdir(ROOT)                        # paths in the pictures as a user types them
        main(["check", "seeds", "--format", "html", "-o", str(report)])
        shutil.copytree(ROOT / "seeds", tmp / "archive")
        os.chdir(tmp)
        main(["index", "archive", "--ledger", "ledger.db"])
        (tmp / "draft.txt").write_text(DRAFT, encoding="utf-8")
        corpus = tmp / "corpus.html"
        main(["check", "draft.txt", "--ledger", "ledger.db", "--date", "2023-05-31", "--format", "html",
              "-o", str(corpus)])
        os.chdir(ROOT)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_browser_path(), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(report.as_uri())
            page.screenshot(path=str(out / "report.png"))
            page.goto(corpus.as_uri())
            finding = page.locator("li.finding:has(svg.timeline)").first
            finding.scroll_into_view_if_needed()
            finding.screenshot(path=str(out / "timeline.png"))
            browser.close()
    print(f"wrote {out / 'report.png'} and {out / 'timeline.png'}")


if __name__ == "__main__":
    main_()
