"""Generated article exports for the tests of --articles and of the Dask executor: news
sentences in the style of the archive, with figures and dates varied by the record's number."""

from __future__ import annotations

import gzip
import json
import sqlite3

ZH = ["截至{y}年{m}月，中国已累计派出维和警察{n}余人次。",
      "{y}年前{m}个月，全国规模以上工业增加值同比增长{p}%。",
      "据统计，{y}年{m}月全市接待游客{n}万人次，比上年同期增加{q}万人次。"]
EN = ["Exports rose {p}% in the first {m} months of {y}, the customs office said on Tuesday.",
      "By the end of {y}, the company had hired {n} engineers, up from {q} a year earlier.",
      "About {n} people attended the festival in {y}, organisers said."]
BI = [("{y}年全国粮食产量达到{n}万吨，比上年增长{p}%。", "China's grain output reached {n}0,000 tonnes in {y}, up {p}% on the year."),
      ("今年前{m}个月，新能源汽车销量为{q}万辆。", "Sales of new-energy vehicles were {q}0,000 in the first {m} months of this year.")]


def fill(template: str, i: int) -> str:
    return template.format(y=2015 + i % 9, m=1 + i % 11, n=1000 + 37 * i, p=1 + i % 7, q=10 + i % 50)


def records(n: int, start: int = 0) -> list[dict]:
    """``n`` articles: one in three Chinese, one in three English, one in three bilingual (one
    in twelve of those with a translation that drifts: a percentage changed), dated and not."""
    out = []
    for i in range(start, start + n):
        date = None if i % 10 == 7 else f"{2015 + i % 9}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rec: dict = {"id": f"art-{i:05d}", "date": date}
        if i % 3 == 0:
            rec.update(lang="zh", title=f"第{i}号新闻", text="\n".join(fill(t, i + k) for k, t in enumerate(ZH)))
        elif i % 3 == 1:
            rec.update(lang="en", title=f"Story {i}", text="\n".join(fill(t, i + k) for k, t in enumerate(EN)))
        else:
            zh, en = BI[i % 2]
            rec.update(text_zh=fill(zh, i), text_en=fill(en, i + (1 if i % 12 == 2 else 0)))
        out.append(rec)
    return out


def write_jsonl(path, recs, gz: bool = False) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)


def dump_ledger(path) -> dict[str, list]:
    """Every row of every table of a ledger, sorted, without the time each document was indexed."""
    db = sqlite3.connect(path)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out = {}
    for table in tables:
        cur = db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        rows = [tuple(v for k, v in zip(names, row) if k != "indexed_at") for row in cur]
        out[table] = sorted(rows, key=repr)
    db.close()
    return out
