"""Properties of the corpus rules: any text indexed and any text checked against it gives
findings without raising, every finding's claims are the document's and the archive's, and a
document checked against an archive holding only itself (under another name) is never in conflict
with it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext
from checker.engine.corpus import check_results
from checker.ledger import Ledger, index_result

PIECES = ["2016-11-11 08:00:00\n", "2021-09-09 10:00:00\n", "中国", "已", "累计", "派出", "维和警察",
          "2455", "2600", "余", "名", "人次", "第51次", "第116次", "湄公河联合巡逻执法", "国家", "113个",
          "110余个", "与", "建立了合作机制", "。", "，", "\n", "more than ", "2,600", "peacekeepers",
          " have contributed ", "countries", "the 116th patrol", ". ", "So far, ", "1,200", "約", "國家"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _bitext(path: str, text: str) -> Bitext:
    return Bitext((Segment(path, text, 0, len(text)),), ())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=4), texts)
def test_any_archive_and_any_document(archive, document):
    with tempfile.TemporaryDirectory() as d:
        with Ledger(Path(d) / "l.db") as ledger:
            for i, text in enumerate(archive):
                index_result(ledger, check_bitext(_bitext(f"a{i}.txt", text)))
            found = check_results(ledger, [check_bitext(_bitext("doc.txt", document))])
            assert ledger.check_integrity()
    for f in found:
        assert f.rule.category == "corpus" and f.path == "doc.txt"
        roles = [r for r, _ in f.claims]
        assert roles[0] == "document" and set(roles[1:]) <= {"archive"}
        assert all(c.path != "doc.txt" for r, c in f.claims if r == "archive")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
# found by hypothesis: an approximation narrower than the rounding slack disagreed with itself
@example("24552455110余个中国2016-11-11 08:00:00\n")
def test_a_document_agrees_with_a_copy_of_itself(text):
    with tempfile.TemporaryDirectory() as d:
        with Ledger(Path(d) / "l.db") as ledger:
            index_result(ledger, check_bitext(_bitext("copy.txt", text)))
            found = check_results(ledger, [check_bitext(_bitext("doc.txt", text + " "))])
    assert not [f for f in found if f.rule.name in ("value-conflict", "stale-figure", "cumulative-decrease")], \
        [(f.rule.name, f.message) for f in found]


_YEARS = st.integers(min_value=2010, max_value=2024)


def _article(year: int, n: int, unit: str) -> str:
    return f"{year}-06-01 09:00:00\n中国已累计派出维和警察{n}{unit}。"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_YEARS, st.integers(100, 5000)), min_size=1, max_size=3),
       st.lists(st.tuples(_YEARS, st.integers(100, 5000)), min_size=1, max_size=3),
       _YEARS, st.integers(100, 5000))
# the brief's example: 2455名 in 2023 against 2600名 (2021), with or without 2455人次 (2016)
@example(persons=[(2021, 2600)], person_times=[(2016, 2455)], year=2023, n=2455)
@example(persons=[(2016, 1200), (2020, 1800)], person_times=[(2014, 1200), (2019, 1500)], year=2022, n=1200)
def test_another_measure_in_the_archive_never_changes_the_verdict(persons, person_times, year, n):
    """Issue 14: a draft's figure in persons (名) is judged against the persons series; adding
    person-times (人次) figures to the archive, at any time and of any value, changes no finding
    above info."""
    def loud(archive: list[str]) -> list[str]:
        with tempfile.TemporaryDirectory() as d:
            with Ledger(Path(d) / "l.db") as ledger:
                for i, text in enumerate(archive):
                    index_result(ledger, check_bitext(_bitext(f"a{i}.txt", text)))
                found = check_results(ledger, [check_bitext(_bitext("doc.txt", _article(year, n, "名")))])
        return sorted(f.rule.name for f in found if f.severity != "info")

    own = [_article(y, k, "名") for y, k in persons]
    other = [_article(y, k, "人次") for y, k in person_times]
    assert loud(own) == loud(own + other) == loud(other + own)
