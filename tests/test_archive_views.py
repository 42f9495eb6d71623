"""Issue 16: what the archive says of a subject, grouped into series (a measure, a running total or
a stock, in time order) — in a terminal at 80 columns, JSON, CSV and HTML — and `subjects`, the
keys it files claims under; a subject it does not know is exit 1 with the nearest ones named."""

from __future__ import annotations

import csv
import io
import json
import shutil
from html.parser import HTMLParser

import pytest
from rich.cells import cell_len

from checker.cli import main
from tests.seeds import SEEDS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    shutil.copytree(SEEDS, root / "seeds")
    db = root / "ledger.db"
    assert main(["index", str(root / "seeds"), "--ledger", str(db)]) == 0
    return str(db)


def test_json_series_hold_every_claim_once(ledger, capsys):
    code, out, _ = run(capsys, "claims", "--ledger", ledger, "--subject", "维和警察", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["claims"]
    used = [i for s in doc["series"] for e in s["entries"] for i in e["claims"]]
    assert sorted(used) == list(range(len(doc["claims"])))          # a partition of the claims
    measures = {(s["measure"], s["flow"]) for s in doc["series"]}
    assert ("person-time", "figure") in measures and any(m == "person" for m, _ in measures)
    for s in doc["series"]:                                            # one series, one measure
        units = {doc["claims"][i]["unit"] or doc["claims"][i]["kind"] for e in s["entries"] for i in e["claims"]}
        assert units == {s["measure"]}
        days = [e["as_of"] or "" for e in s["entries"]]
        assert days == sorted(days, key=lambda d: (d == "", d))        # in time order


def test_csv_has_a_row_per_claim(ledger, capsys):
    _, out, _ = run(capsys, "claims", "--ledger", ledger, "--subject", "维和警察", "--format", "json")
    claims = json.loads(out)["claims"]
    code, out, _ = run(capsys, "claims", "--ledger", ledger, "--subject", "维和警察", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(claims)
    assert sorted(r["text"] for r in rows) == sorted(c["text"] for c in claims)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):          # <line .../>: opens and closes itself
        self.tags.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()


def test_html_draws_each_series_over_time(ledger, capsys, tmp_path):
    page = tmp_path / "subject.html"
    code, out, _ = run(capsys, "claims", "--ledger", ledger, "--subject", "peacekeeping police", "--format", "html",
                       "-o", str(page))
    text = page.read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(text)
    assert code == 0 and out == "" and parser.open == []               # well nested, all closed
    assert "http://" not in text and "https://" not in text
    assert parser.tags.count("section") >= 2 and parser.tags.count("svg") >= 1


def test_the_terminal_table_fits_80_columns(ledger, capsys, monkeypatch):
    from rich.console import Console

    from checker.ledger import Ledger
    from checker.report import archive

    with Ledger(ledger, readonly=True) as l:
        rows = l.claims_for("维和警察")
    console = Console(file=io.StringIO(), width=80, color_system=None)
    archive.render_text(console, "维和警察", "维和警察", rows)
    out = console.file.getvalue()
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    for s in archive.series_of(rows):
        assert s.title in out
    assert "█" in out and "2455人次" in out


def test_an_unknown_subject_is_exit_1_with_the_nearest_named(ledger, capsys):
    code, out, err = run(capsys, "claims", "--ledger", ledger, "--subject", "维和警查")
    assert code == 1 and out == "" and "Did you mean" in err and "'维和警察'" in err


def test_subjects_lists_the_keys_with_counts(ledger, capsys):
    code, out, _ = run(capsys, "subjects", "--ledger", ledger, "--format", "json")
    subjects = json.loads(out)["subjects"]
    assert code == 0 and subjects
    _, out, _ = run(capsys, "claims", "--ledger", ledger, "--format", "json")
    keyed = [c for c in json.loads(out)["claims"] if c["key"]]
    assert sum(s["claims"] for s in subjects) == len(keyed)
    assert [s["claims"] for s in subjects] == sorted((s["claims"] for s in subjects), reverse=True)
    _, out, _ = run(capsys, "subjects", "--ledger", ledger, "维和", "--format", "json")
    some = json.loads(out)["subjects"]
    assert some and all("维和" in s["key"] or any("维和" in w for w in s["subjects"]) for s in some)
    assert len(some) < len(subjects)


@pytest.mark.parametrize("width", [80, 240])
def test_the_extract_table_reads_at_80_columns(width):
    from rich.console import Console

    from checker.extract import extract_text
    from checker.report.claims import to_table
    from tests.seeds import seed_path

    path = seed_path("002")
    claims = extract_text(path.read_text(encoding="utf-8"), path=str(path))
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(to_table(claims, str(path), console.width))
    out = console.file.getvalue()
    assert all(cell_len(line) <= width for line in out.splitlines())
    # folded, not cut: every value is readable (the only "…" are the open ends of intervals)
    assert out.count("…") == sum(str(c.value).count("…") for c in claims)
    for c in claims[:40]:
        assert c.subject is None or c.subject.replace(" ", "")[:4] in out.replace(" ", "").replace("\n", "")


def test_a_pattern_no_subject_holds_is_exit_1(ledger, capsys):
    code, out, err = run(capsys, "subjects", "--ledger", ledger, "维和警查", "--format", "json")
    assert code == 1 and out == "" and "Did you mean" in err


def test_chinese_and_english_texts_carry_their_lang(ledger, capsys, tmp_path):
    page = tmp_path / "s.html"
    run(capsys, "claims", "--ledger", ledger, "--subject", "维和警察", "--format", "html", "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert '<span lang="zh">2455人次</span>' in text and '<span lang="en">' in text
