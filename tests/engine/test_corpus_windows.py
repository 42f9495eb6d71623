"""The corpus rules see what they need of a large archive: no window of nearest claims hides an
older equal figure or a higher running total, and a timeline names a repeated figure once.
The windows are made small here so that a few articles overflow them."""

from __future__ import annotations

import pytest

from checker.engine import corpus
from tests.engine.test_rule_cases import corpus_findings


@pytest.fixture(params=["in memory", "by SQL"])
def small_windows(monkeypatch, request):
    monkeypatch.setattr(corpus, "_WINDOW", 3)
    monkeypatch.setattr(corpus, "_TARGETED", 2)
    if request.param == "by SQL":             # no series read at once: every lookup by the indexes
        monkeypatch.setattr(corpus, "_SERIES", 0)


def _names(findings, severity=None):
    return sorted(f.rule.name for f in findings if severity is None or f.severity == severity)


def test_an_old_figure_behind_many_newer_ones_is_still_found_stale(tmp_path, small_windows):
    archive = ["2016-11-11 08:00:00\n中国向联合国派出维和警察2455名。"] + [
        f"2021-{m:02d}-15 08:00:00\n中国已向联合国派出维和警察2600余名。" for m in range(1, 9)]
    found = corpus_findings(tmp_path, archive, "2023-03-01 09:00:00\n中国已向联合国派出维和警察2455名。")
    assert "stale-figure" in _names(found)


def test_a_higher_total_behind_many_unrelated_figures_is_still_a_decrease(tmp_path, small_windows):
    archive = ["2016-05-01 08:00:00\n截至目前，全省累计建成警务工作站300个。"] + [
        f"2018-{m:02d}-10 08:00:00\n本月新建成警务工作站{m}个。" for m in range(1, 9)]
    found = corpus_findings(tmp_path, archive, "2020-01-01 09:00:00\n截至目前，全省累计建成警务工作站250个。")
    assert "cumulative-decrease" in _names(found, "error")


def test_a_generic_subject_series_is_not_crowded_out_by_one_off_figures(tmp_path, small_windows):
    archive = ["2016-01-10 08:00:00\n我国已与113个国家建立了双边警务合作机制。"] + [
        f"2019-{m:02d}-03 08:00:00\n两国警方签署了{m + 2}份合作文件，共有5个国家的代表出席。" for m in range(1, 9)]
    found = corpus_findings(tmp_path, archive, "2023-02-01 09:00:00\n我国已与100个国家建立了双边警务合作机制。")
    assert "cumulative-decrease" in _names(found, "error")


def test_a_repeated_figure_is_one_step_of_the_timeline(tmp_path):
    archive = ["2016-11-11 08:00:00\n中国已向联合国派出维和警察2455名。"] + [
        f"2021-{m:02d}-15 08:00:00\n中国已向联合国派出维和警察2600余名。" for m in range(1, 6)]
    found = corpus_findings(tmp_path, archive, "2023-03-01 09:00:00\n中国已向联合国派出维和警察2700余名。")
    timeline = [f for f in found if f.rule.name == "figure-timeline"]
    assert len(timeline) == 1
    message = timeline[0].message
    assert message.count("2600余名") == 1 and "2021-01-15 to 2021-05-15, 5 articles" in message
    assert "grows" in message and message.index("2455名") < message.index("2600余名") < message.index("2700余名")


def test_a_timeline_that_falls_does_not_say_it_grows(tmp_path):
    archive = ["2019-01-01 08:00:00\n中国已向联合国派出维和警察8000人次。"]
    found = corpus_findings(tmp_path, archive, "2020-01-01 09:00:00\n中国已向联合国派出维和警察5000名。")
    timeline = [f for f in found if f.rule.name == "figure-timeline"]
    assert timeline and "grows" not in timeline[0].message
    assert "measure-differs" in _names(found, "info")


def test_a_running_total_is_not_replaced_by_a_current_stock(tmp_path):
    archive = ["2018-03-01 08:00:00\n我国已累计派出维和警察2600余名。",
               "2019-03-01 08:00:00\n目前有180名维和警察正在任务区执勤。"]
    found = corpus_findings(tmp_path, archive, "2020-03-01 09:00:00\n我国已累计派出维和警察2600余名。")
    assert not _names(found, "warning") and not _names(found, "error"), found
    # a draft that states the stock is compared with the stock
    (tmp_path / "b").mkdir()
    found = corpus_findings(tmp_path / "b", archive, "2019-03-01 18:00:00\n目前有150名维和警察正在任务区执勤。")
    assert "value-conflict" in _names(found, "error")


def test_a_timeline_whose_stated_figures_fall_does_not_say_it_grows(tmp_path):
    # 100余名 may reach 200, but the figure stated falls from 200 to 100
    archive = ["2022-01-01 08:00:00\n我国已累计派出女性维和警察200余名。"]
    found = corpus_findings(tmp_path, archive, "2023-01-01 09:00:00\n我国已累计派出女性维和警察100余名。")
    timeline = [f for f in found if f.rule.name == "figure-timeline"]
    assert timeline and "that grows" not in timeline[0].message and "do not all grow" in timeline[0].message


# Written for this test in the seeds' style: running totals, ordinals, a generic subject's
# running total, current stocks at stated moments, translations, one-off figures.
_TEMPLATES = [
    "{d} 08:00:00\n中国已累计向联合国派出维和警察{n}余名。\n\nChina has sent more than {n:,} peacekeeping police officers to the UN.\n",
    "{d} 09:00:00\n中国已向联合国派出维和警察{n}名。",
    "{d} 10:00:00\n第{k}次中老缅泰湄公河联合巡逻执法行动启动。",
    "{d} 11:00:00\n我国已与{k}个国家建立了双边警务合作机制。",
    "{d} 12:00:00\n截至{m}月{day}日12时，全市共有派出所{k}个。",
    "{d} 13:00:00\n目前，全市有派出所{k}个，民警{n}名。",
    "{d} 14:00:00\n两国警方签署了{k}份合作文件，共有{k}个国家的代表出席。",
    "{d} 15:00:00\nSo far, China has sent {n:,} peacekeeping police officers.\n",
]


def _article(r, year: int) -> str:
    m, day = r.randint(1, 12), r.randint(1, 28)
    return r.choice(_TEMPLATES).format(d=f"{year}-{m:02d}-{day:02d}", m=m, day=day,
                                       n=r.randrange(1000, 3000, 50), k=r.randint(2, 120))


def _fingerprint(findings):
    return [(f.rule.name, f.severity, f.message, f.line, f.column,
             tuple((role, c.path, c.line, c.column, c.text) for role, c in f.claims)) for f in findings]


@pytest.mark.parametrize("windows", [(3, 2), (200, 20)])
def test_a_series_read_at_once_gives_the_findings_of_lookups_by_sql(tmp_path, monkeypatch, windows):
    """_Series answers the lookups of _archive_rows in memory: the same rows in the same order as
    the SQL lookups, so the same findings to the letter (issue 15: check --ledger latency)."""
    import random

    monkeypatch.setattr(corpus, "_WINDOW", windows[0])
    monkeypatch.setattr(corpus, "_TARGETED", windows[1])
    r = random.Random(15)
    archive = [_article(r, year) for year in range(2012, 2023) for _ in range(4)]
    drafts = [_article(r, r.randint(2010, 2024)) for _ in range(12)]
    for i, draft in enumerate(drafts):
        folder = tmp_path / str(i)
        folder.mkdir()
        both = []
        for series in (corpus._SERIES, 0):
            monkeypatch.setattr(corpus, "_SERIES", series)
            (folder / "ledger.db").unlink(missing_ok=True)
            both.append(_fingerprint(corpus_findings(folder, archive, draft)))
        assert both[0] == both[1], draft


def test_a_document_is_cited_by_the_figure_it_states_first_whichever_side_of_the_draft(tmp_path):
    # one article states its running total twice, the first time for an earlier day: its
    # headline is the first statement, for a draft written before it as for one written after
    archive = ["2018-06-01 08:00:00\n3月1日，我国已累计派出维和警察2600余名。\n"
               "截至目前，我国已累计派出维和警察2600余名。"]
    cited = []
    for name, draft in (("before", "2017-01-01 09:00:00\n我国已累计派出维和警察1500名。"),
                        ("after", "2019-01-01 09:00:00\n我国已累计派出维和警察3000余名。")):
        (tmp_path / name).mkdir()
        found = corpus_findings(tmp_path / name, archive, draft)
        timeline = [f.message for f in found if f.rule.name == "figure-timeline"]
        assert len(timeline) == 1, found
        cited.append("2018-03-01" in timeline[0] and "2018-06-01" not in timeline[0])
    assert cited == [True, True]
