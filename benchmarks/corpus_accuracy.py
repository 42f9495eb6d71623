"""Corpus-rule accuracy benchmark: an archive of generated series, drafts with injected archive
conflicts, and how often the corpus rules (CC301-CC305) catch them, beside a naive digit-string
archive check on the same drafts.

    .venv/bin/python benchmarks/corpus_accuracy.py [--subjects 60] [--seed 0] [--per-kind 4] [--json]

Everything is generated here from templates written for this benchmark (not the seeds, not the
tests) and kept in a temporary directory that is removed at the end:

* K subjects (--subjects), each a true series over dates: running totals that grow (peacekeeping
  police sent, cooperation documents signed, countries with police liaison officers, suspects
  arrested in an operation, fire stations built in a city, persons trained and person-times of
  training at a centre), ordinal series (the Nth training course 期, forum 届, joint patrol 次)
  and point values that go up and down (peacekeepers on duty in a mission area, registered drug
  users in a city, police stations in a city, daily crossings at a border port).
* The archive: for each change of a series an article (a dateline such as ``2019-03-02 08:14:33``
  on the first line), sometimes a second article repeating the figure later, in Chinese, English
  or both (each Chinese paragraph followed by its English translation). Several templates per
  subject and language; figures exact, approximate (余, 多, 近, 约; "more than", "nearly",
  "about"), in 万 or in Chinese numerals; sometimes dated by 截至…月底 ("as of the end of ...");
  a second subject's figure in some articles; filler sentences with unrelated numbers.
* Drafts, each checked on its own against the indexed archive, as ``claimcheck check --ledger``
  does (read_bitexts, check_bitext, checker.engine.corpus.check_results):
  clean (a later date, the next true value), stale (a later date, an old value that the archive
  has since replaced), conflict (the date of an archive article, an incompatible value),
  decrease (a running total below an earlier archived one, outside any approximation's range),
  compatible (the date of an archive article, the same value phrased another way: 2600余名 beside
  2,650).

Scores. Recall: the expected rule (stale-figure, value-conflict, cumulative-decrease) reported
a warning or error on the injected figure. False positives: a clean or compatible draft with any
corpus warning or error. Precision: of all corpus warnings and errors, those on an injected
figure with a rule that is true of it (a stale running total is also a decrease). Info findings
(figure-timeline, measure-differs) are counted apart. Ground truth is our reading of each
figure: 2600余 and "more than 2,600" are 2600..2700, 2000余 is 2000..3000, 近2700 is 2430..2700,
约2700 is ±5 %; edges included, as claimcheck includes them (2600 agrees with 2600余).

Causes, as far as the ledger tells: for each miss, whether the draft's figure had no claim or no
subject, was filed under another subject key than the archive figures it should meet (read from
the ledger and from checker.ledger.keys.file_keys), lacked a running-total cue, or met them
and another rule was reported instead; for each warning or error not counted as right, whether it
compared two different series (two cities' fire stations), a filler sentence's number, or one
series. --json adds every missed or noisy draft with its text, its findings and the texts of
its subject's archive articles.

The named alternative, naive: digit strings (commas removed) keyed by the exact 4 characters
(Chinese) or 2 words (English) before them; a draft number is flagged when it differs from the
latest archived number under its key (for an archive article of the same day: from any of its
numbers under that key).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST, LAST = date(2011, 1, 1), date(2023, 12, 31)      # the archive's days
DRAFT_YEAR = 2024
KINDS = ("clean", "compatible", "stale", "conflict", "decrease")
EXPECT = {"stale": "stale-figure", "conflict": "value-conflict", "decrease": "cumulative-decrease"}
CORPUS_RULES = ("value-conflict", "stale-figure", "cumulative-decrease", "figure-timeline", "measure-differs")
MONTHS = "January February March April May June July August September October November December".split()


def log(*args) -> None:
    print("corpus_accuracy.py:", *args, file=sys.stderr, flush=True)


# -- numbers, as the text states them --------------------------------------------------------------

CN_DIGITS = "零一二三四五六七八九"
EN_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
           "fifteen sixteen seventeen eighteen nineteen").split()
EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
EN_ORD = ("_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
          "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


def cn(n: int, r: random.Random | None = None) -> str:
    """A whole number in Chinese numerals (两千六百五十, 四十八, 一万零五百)."""
    if n >= 10000:
        hi, lo = divmod(n, 10000)
        s = cn(hi, r) + "万"
        return s + (("零" if lo < 1000 else "") + cn(lo) if lo else "")
    if n == 0:
        return CN_DIGITS[0]
    out, zero = "", False
    for p, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, p)
        if d:
            out += ("零" if zero else "") + CN_DIGITS[d] + name
            zero = False
        elif out:
            zero = True
    if out.startswith("一十"):
        out = out[1:]
    if r is not None and out[:2] in ("二千", "二百") and r.random() < 0.6:
        out = "两" + out[1:]
    return out


def en_words(n: int) -> str:
    if n < 20:
        return EN_ONES[n]
    t, o = divmod(n, 10)
    return EN_TENS[t] + ("-" + EN_ONES[o] if o else "")


def en_ordinal(n: int, words: bool) -> str:
    if words and n < len(EN_ORD):
        return EN_ORD[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def wan(x: int) -> str:
    return f"{x / 10000:g}万"


@dataclass(frozen=True)
class Figure:
    """One value as the text states it in both languages, with the whole numbers it allows
    (lo..hi, our reading of the phrase: 2600余 is 2601..2699, 近2700 is 2430..2699)."""
    zh: str
    en: str
    lo: int
    hi: int
    style: str


def _round_unit(v: int, r: random.Random) -> int:
    digits = len(str(v))
    sig = 1 if v < 100 or (v >= 1000 and r.random() < 0.2) else 2
    return 10 ** max(0, digits - sig)


def _place(x: int) -> int:
    """The place of the last non-zero digit of a stated round number (2600: 100; 2000: 1000)."""
    p = 1
    while x and x % (p * 10) == 0:
        p *= 10
    return p


def render(v: int, r: random.Random, style: str | None = None) -> Figure:
    """A truthful statement of the count v in a random (or the given) style."""
    styles = {"digits": 0.45, "cn": 0.08, "yu": 0.2, "jin": 0.1, "yue": 0.1, "wan": 0.07}
    if style is None:
        style = r.choices(list(styles), weights=list(styles.values()))[0]
    p = _round_unit(v, r)
    low = (v // p) * p
    big = v >= 10000 and r.random() < 0.7          # 2.6万余 rather than 26000余
    zh_num = (lambda x: wan(x)) if big else (lambda x: str(x))
    # how a reader takes them, edges included (as claimcheck does: 2600 agrees with 2600余):
    # 2600余 (more than 2,600) is 2600..2700, 2000余 is 2000..3000; 近2700 (nearly 2,700) is
    # 2430..2700; 约2700 (about 2,700) is 2565..2835
    if style == "yu" and v >= 10 and low < v:
        zh = f"{zh_num(low)}{r.choice('余多')}"
        en = f"{r.choice(['more than', 'over', 'more than'])} {low:,}"
        return Figure(zh, en, low, low + _place(low), "yu")
    if style == "jin" and v >= 10:
        up = low + p
        if up > v and up - v <= p / 2 and v >= 0.9 * up:
            return Figure(f"近{zh_num(up)}", f"{r.choice(['nearly', 'almost'])} {up:,}", -(-9 * up // 10), up, "jin")
    if style == "yue" and v >= 10:
        near = ((v + p // 2) // p) * p
        if near != v and near > 0 and abs(near - v) <= 0.05 * near:
            return Figure(f"约{zh_num(near)}", f"{r.choice(['about', 'around', 'some'])} {near:,}",
                          -(-95 * near // 100), 105 * near // 100, "yue")
    if style == "cn" and v < 10000:
        en = en_words(v) if v < 100 and r.random() < 0.5 else f"{v:,}"
        return Figure(cn(v, r), en, v, v, "cn")
    if style == "wan" and v >= 10000 and v % 100 == 0:
        return Figure(wan(v), f"{v:,}", v, v, "wan")
    en = en_words(v) if v <= 12 and r.random() < 0.6 else f"{v:,}"
    return Figure(str(v), en, v, v, "digits")


def render_ordinal(n: int, r: random.Random, style: str | None = None) -> Figure:
    style = style or ("cn" if r.random() < 0.25 else "digits")
    zh = cn(n) if style == "cn" else str(n)
    return Figure(zh, en_ordinal(n, words=r.random() < 0.4), n, n, style)


def disjoint(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


# -- subjects and templates -----------------------------------------------------------------------
# A template is (Chinese, English, cue). {N} is the figure with its approximation (2600余, 近2700,
# "more than 2,600"); the measure word is the template's. cue: whether the sentence itself says the
# figure is a running total (累计, 已, 先后, "so far", "have sent", "since"), as a reader sees it.

@dataclass
class Family:
    name: str
    kind: str                      # "cum" (a running total), "ord" (an ordinal series), "point"
    start: tuple[int, int]
    step: tuple[float, float]      # relative change per step (absolute when both are >= 1 or <= -1)
    qualifiers: list[dict]
    templates: list[tuple[str, str, bool]]
    datable: bool = True           # 截至…月底 may be put in front of its sentences


CITIES = [dict(city=a, city_en=b) for a, b in (
    ("昆明", "Kunming"), ("南宁", "Nanning"), ("大连", "Dalian"), ("厦门", "Xiamen"), ("西安", "Xi'an"),
    ("兰州", "Lanzhou"), ("贵阳", "Guiyang"), ("呼和浩特", "Hohhot"), ("洛阳", "Luoyang"), ("泉州", "Quanzhou"),
    ("柳州", "Liuzhou"), ("宜昌", "Yichang"))]
OPERATIONS = [dict(op=a, op_en=b, prov=c, prov_en=d) for a, b, c, d in (
    ("清源", "Clear Source", "云南", "Yunnan"), ("长风", "Long Wind", "广西", "Guangxi"),
    ("断流", "Cut Flow", "广东", "Guangdong"), ("靖边", "Border Peace", "新疆", "Xinjiang"),
    ("安澜", "Calm Waters", "福建", "Fujian"), ("净源", "Pure Spring", "浙江", "Zhejiang"),
    ("护航", "Escort", "江苏", "Jiangsu"), ("铁拳", "Iron Fist", "四川", "Sichuan"),
    ("雷鸣", "Thunderclap", "湖南", "Hunan"), ("晨曦", "Daybreak", "河南", "Henan"))]
COURSES = [dict(course=a, course_en=b, venue=c, venue_en=d) for a, b, c, d in (
    ("东盟国家禁毒执法官员研修班", "seminar for drug enforcement officials from ASEAN countries", "昆明", "Kunming"),
    ("中亚国家警务执法培训班", "law enforcement training course for Central Asian police", "乌鲁木齐", "Urumqi"),
    ("非洲国家警察高级研修班", "advanced seminar for African police officers", "北京", "Beijing"),
    ("太平洋岛国警务培训班", "police training course for Pacific island countries", "广州", "Guangzhou"),
    ("澜湄国家执法能力建设培训班", "Lancang-Mekong law enforcement capacity-building course", "南宁", "Nanning"),
    ("拉美国家刑侦技术培训班", "criminal investigation techniques course for Latin American countries", "上海", "Shanghai"))]
FORUMS = [dict(forum=a, forum_en=b, venue=c, venue_en=d) for a, b, c, d in (
    ("澜湄警务合作论坛", "Lancang-Mekong Police Cooperation Forum", "景洪", "Jinghong"),
    ("国际执法安全合作研讨会", "International Symposium on Law Enforcement and Security Cooperation", "北京", "Beijing"),
    ("东北亚警务合作论坛", "Northeast Asia Police Cooperation Forum", "大连", "Dalian"),
    ("丝路沿线国家警察院校长论坛", "Forum of Police College Presidents along the Silk Road", "西安", "Xi'an"))]
PATROLS = [dict(patrol="中老缅泰湄公河联合巡逻执法", patrol_en="joint patrol on the Mekong River by China, Laos, Myanmar and Thailand"),
           dict(patrol="中越北部湾海上联合巡逻", patrol_en="China-Viet Nam joint maritime patrol in the Beibu Gulf")]
CENTRES = [dict(centre=a, centre_en=b) for a, b in (
    ("云南警官学院国际执法培训基地", "the international law enforcement training base of Yunnan Police College"),
    ("中国—东盟执法培训中心", "the China-ASEAN Law Enforcement Training Centre"),
    ("西北国际警务培训中心", "the Northwest International Police Training Centre"),
    ("广西警察学院涉外培训部", "the international training department of Guangxi Police College"))]
MISSIONS = [dict(mission=a, mission_en=b) for a, b in (
    ("南苏丹", "South Sudan"), ("利比里亚", "Liberia"), ("马里", "Mali"), ("塞浦路斯", "Cyprus"))]
PORTS = [dict(port=a, port_en=b) for a, b in (
    ("磨憨", "Mohan"), ("友谊关", "Youyiguan"), ("瑞丽", "Ruili"), ("霍尔果斯", "Khorgos"))]

FAMILIES = [
    Family("peacekeeping police sent", "cum", (1200, 1800), (0.03, 0.15), [{}], [
        ("截至目前，中国已累计派出维和警察{N}名。", "So far, China has sent a total of {N} peacekeeping police officers.", True),
        ("自2000年首次派出维和警察以来，我国先后向联合国任务区派遣维和警察{N}名。",
         "Since it first sent peacekeeping police in 2000, China has deployed {N} police peacekeepers to UN missions.", True),
        ("中国参加联合国维和行动的警务人员已达{N}名。",
         "The number of Chinese police officers who have served in UN peacekeeping operations has reached {N}.", True),
        ("{N}名中国维和警察先后在联合国任务区执行维和任务。",
         "{N} Chinese peacekeeping police officers have served in UN mission areas.", True),
        ("中国向联合国维和行动派出的维和警察总数为{N}名。",
         "The total number of peacekeeping police China has contributed to UN operations stands at {N}.", False),
    ], datable=False),
    Family("cooperation documents signed", "cum", (150, 300), (0.03, 0.2), [{}], [
        ("截至目前，公安部已与外国执法部门签署合作文件{N}份。",
         "To date, the Ministry of Public Security has signed {N} cooperation documents with foreign law enforcement agencies.", True),
        ("公安部累计同外方签署各类执法合作文件{N}份。",
         "The ministry has signed a total of {N} law enforcement cooperation documents with foreign partners.", True),
        ("近年来，公安部先后与多国内政警务部门签署合作协议和备忘录{N}份。",
         "In recent years, the ministry has signed {N} cooperation agreements and memorandums with the interior and police ministries of many countries.", True),
        ("目前，我国公安机关对外签署的执法合作文件总数为{N}份。",
         "Chinese police have signed {N} law enforcement cooperation documents with foreign counterparts in all.", False),
    ]),
    Family("countries with police liaison officers", "cum", (15, 30), (1, 4), [{}], [
        ("公安部已向{N}个国家派驻警务联络官。", "The ministry has posted police liaison officers in {N} countries.", True),
        ("目前，中国警务联络官已派驻{N}个国家。", "Chinese police liaison officers are now stationed in {N} countries.", True),
        ("截至目前，我国已在{N}个国家设立警务联络官岗位。", "China has so far set up police liaison posts in {N} countries.", True),
    ]),
    Family("police liaison officers sent", "cum", (30, 60), (3, 12), [{}], [
        ("公安部累计向境外派出警务联络官{N}名。", "The ministry has sent {N} police liaison officers abroad so far.", True),
        ("多年来，先后有{N}名警务联络官在海外履职。", "Over the years, {N} police liaison officers have served overseas.", True),
        ("我国派出的驻外警务联络官总数已达{N}名。",
         "The total number of Chinese police liaison officers posted abroad has reached {N}.", True),
    ]),
    Family("suspects arrested in an operation", "cum", (80, 3000), (0.05, 0.6), OPERATIONS, [
        ("“{op}”专项行动开展以来，{prov}警方已抓获犯罪嫌疑人{N}名。",
         "Since Operation {op_en} was launched, police in {prov_en} have arrested {N} suspects.", True),
        ("截至目前，“{op}”行动累计抓获涉案人员{N}名。", "Operation {op_en} has so far led to the arrest of {N} people.", True),
        ("在“{op}”专项行动中，{prov}公安机关先后抓获犯罪嫌疑人{N}人。",
         "During Operation {op_en}, public security organs in {prov_en} have arrested {N} suspects.", True),
        ("{prov}公安厅通报，“{op}”行动共抓获犯罪嫌疑人{N}名。",
         "The {prov_en} public security department said Operation {op_en} had resulted in the arrest of {N} suspects.", False),
    ]),
    Family("training course sessions (期)", "ord", (1, 20), (1, 3), COURSES, [
        ("第{N}期{course}在{venue}开班。", "The {N} {course_en} opened in {venue_en}.", True),
        ("由公安部主办的第{N}期{course}近日在{venue}举行结业仪式。",
         "The {N} {course_en}, hosted by the Ministry of Public Security, held its graduation ceremony in {venue_en}.", True),
        ("{venue}承办的{course}已举办至第{N}期。", "The {course_en} held in {venue_en} has now reached its {N} session.", True),
        ("本次培训是第{N}期{course}，学员来自多个国家。",
         "This is the {N} {course_en}, with trainees from several countries.", True),
    ], datable=False),
    Family("forum editions (届)", "ord", (1, 8), (1, 1), FORUMS, [
        ("第{N}届{forum}在{venue}开幕。", "The {N} {forum_en} opened in {venue_en}.", True),
        ("第{N}届{forum}在{venue}闭幕，与会代表发表联合声明。",
         "The {N} {forum_en} closed in {venue_en} with a joint statement by the delegates.", True),
        ("由公安部主办的第{N}届{forum}日前举行。", "The {N} {forum_en}, hosted by the Ministry of Public Security, was held recently.", True),
    ], datable=False),
    Family("joint patrols (次)", "ord", (10, 60), (1, 8), PATROLS, [
        ("第{N}次{patrol}行动启动。", "The {N} {patrol_en} got under way.", True),
        ("四国执法部门开展第{N}次{patrol}，历时数日。", "Law enforcement agencies launched the {N} {patrol_en}, which lasted several days.", True),
        ("本次联合巡逻是第{N}次{patrol}行动。", "This was the {N} {patrol_en}.", True),
    ], datable=False),
    Family("fire stations in a city", "cum", (15, 80), (1, 6), CITIES, [
        ("{city}已建成消防站{N}座。", "{city_en} has built {N} fire stations so far.", True),
        ("{city}共有消防站{N}个。", "{city_en} has {N} fire stations.", False),
        ("近年来{city}加快消防站建设，累计建成消防站{N}座。",
         "{city_en} has stepped up construction in recent years, bringing the number of fire stations built to {N}.", True),
        ("{city}全市消防站数量达到{N}座。", "The number of fire stations in {city_en} has reached {N}.", True),
    ]),
    Family("persons trained at a centre (名)", "cum", (400, 3000), (0.05, 0.3), CENTRES, [
        ("{centre}累计为周边国家培训执法人员{N}名。",
         "{centre_en} has trained {N} law enforcement officers from neighbouring countries so far.", True),
        ("成立以来，{centre}已培训外国学员{N}名。", "Since its founding, {centre_en} has trained {N} foreign trainees.", True),
        ("{centre}先后培训了{N}名外国警务人员。", "{centre_en} has trained {N} foreign police officers.", True),
        ("{centre}已为各国培训执法人员{N}名。", "{centre_en} has trained {N} law enforcement officers for various countries.", True),
    ]),
    Family("person-times trained at a centre (人次)", "cum", (1500, 9000), (0.05, 0.3), CENTRES, [
        ("{centre}累计培训各国执法人员{N}人次。",
         "{centre_en} has provided {N} person-times of training to law enforcement officers from various countries.", True),
        ("{centre}已举办各类培训班，培训学员{N}人次。",
         "{centre_en} has run courses of all kinds, training students {N} person-times.", True),
        ("{centre}累计为周边国家培训执法人员{N}人次。",
         "{centre_en} has so far trained law enforcement officers from neighbouring countries {N} person-times.", True),
    ]),
    Family("peacekeeping police on duty in a mission", "point", (20, 200), (-0.3, 0.3), MISSIONS, [
        ("目前，中国在{mission}任务区执勤的维和警察有{N}名。",
         "{N} Chinese peacekeeping police officers are currently on duty in the {mission_en} mission area.", False),
        ("{mission}任务区现有中国维和警察{N}名。", "There are now {N} Chinese peacekeeping police officers in {mission_en}.", False),
        ("正在{mission}执行任务的中国维和警察共{N}人。",
         "A total of {N} Chinese peacekeeping police officers are serving in {mission_en}.", False),
    ]),
    Family("registered drug users in a city", "point", (800, 20000), (-0.2, 0.15), CITIES, [
        ("{city}现有登记在册吸毒人员{N}名。", "{city_en} has {N} registered drug users.", False),
        ("目前，{city}登记在册的吸毒人员为{N}人。", "The number of registered drug users in {city_en} currently stands at {N}.", False),
        ("{city}禁毒委通报，全市在册吸毒人员{N}名。",
         "The {city_en} narcotics control commission reported {N} registered drug users in the city.", False),
    ]),
    Family("police stations in a city", "point", (12, 90), (-3, 3), CITIES[::-1], [
        ("{city}公安局下辖派出所{N}个。", "The {city_en} public security bureau oversees {N} police stations.", False),
        ("{city}目前共有派出所{N}个。", "{city_en} currently has {N} police stations.", False),
        ("{city}全市设有派出所{N}个。", "There are {N} police stations across {city_en}.", False),
    ]),
    Family("daily crossings at a border port (人次)", "point", (2000, 40000), (-0.4, 0.4), PORTS, [
        ("{port}口岸日均出入境人员{N}人次。", "The {port_en} port handles an average of {N} crossings a day.", False),
        ("目前，{port}口岸每天验放出入境旅客{N}人次。", "The {port_en} port now clears {N} travellers a day.", False),
    ]),
]

# Filler sentences: numbers that belong to no series. Each is (Chinese, English, values).
FILLERS = [
    ("会议为期{d}天，来自{k}个国家和地区的{m}名代表出席。",
     "The {d_en}-day meeting was attended by {m} delegates from {k} countries and regions."),
    ("活动现场共发放宣传资料{n}份，解答群众咨询{c}人次。",
     "{n_en} leaflets were handed out and {c} questions from the public were answered at the event."),
    ("今年以来，全市接报刑事警情同比下降{p}%。", "Reports of crime in the city have fallen by {p}% year on year."),
    ("据介绍，该项目总投资{x}亿元，建筑面积{a}平方米。",
     "The project involves a total investment of {x100} million yuan and a floor area of {a_en} square metres."),
    ("演练历时{h}个小时，共出动警力{n}人、车辆{v}台。",
     "The drill lasted {h} hours and involved {n_en} officers and {v} vehicles."),
    ("当天，共有{n}名市民参加了警营开放日活动。", "{n_en} residents took part in the police open day."),
    ("此次行动中，民警现场查获毒品{t}公斤。", "Officers seized {t} kilograms of drugs during the raid."),
    ("{y}年，双方签署了警务合作谅解备忘录。", "In {y}, the two sides signed a memorandum of understanding on police cooperation."),
    ("培训基地距市区约{km}公里。", "The training base is about {km} kilometres from the city centre."),
    ("开班仪式上，{s}名学员代表先后发言。", "At the opening ceremony, {s_en} trainees spoke on behalf of their classmates."),
    ("{mo}月{dd}日，代表团一行{s}人抵达{city}。", "On {month} {dd}, a delegation of {s_en} arrived in {city_en}."),
    ("该案涉案金额达{w}万元。", "The case involved {w0} yuan."),
    ("记者从当地公安机关获悉了上述情况。", "Reporters learned the details from the local public security authorities."),
    ("与会各方表示，将进一步深化务实合作。", "The participants pledged to deepen practical cooperation."),
]


def fillers(r: random.Random, day: date, n: int) -> list[tuple[str, str]]:
    return [filler(r, day, zh, en) for zh, en in r.sample(FILLERS, n)]


def filler(r: random.Random, day: date, zh: str, en: str) -> tuple[str, str]:
    before = day - timedelta(days=r.randint(1, 20))
    city = r.choice(CITIES)
    n, s = r.randint(20, 3000), r.randint(2, 12)
    f = {"d": r.randint(2, 5), "k": r.randint(5, 40), "m": r.randint(50, 400), "n": n, "c": r.randint(30, 900),
         "p": round(r.uniform(1, 30), 1), "x": r.randint(2, 30), "a": r.randint(2000, 60000), "h": r.randint(2, 12),
         "v": r.randint(5, 80), "t": round(r.uniform(1, 500), 1), "y": r.randint(2005, day.year),
         "km": r.randint(5, 60), "s": s, "mo": before.month, "dd": before.day, "month": MONTHS[before.month - 1],
         "w": r.randint(30, 9000), **city}
    f |= {"d_en": en_words(f["d"]), "x100": f["x"] * 100, "a_en": f"{f['a']:,}", "n_en": f"{n:,}",
          "s_en": en_words(s), "w0": f"{f['w'] * 10000:,}"}
    return zh.format(**f), _cap(en.format(**f))


LEADS = [("近日，公安部举行新闻发布会。", "The Ministry of Public Security held a press conference recently."),
         ("记者日前从有关部门获悉以下情况。", "Reporters have learned the following from the authorities."),
         ("国际执法合作不断深化。", "International law enforcement cooperation continues to deepen.")]


def _cap(s: str) -> str:
    """The sentence with a capital first letter (not when it starts with digits: 1,297 leaflets)."""
    if not _MARK.sub(lambda m: m.group(2), s)[:1].isalpha():
        return s
    i = next(i for i, ch in enumerate(s) if ch.isalpha())
    return s[:i] + s[i].upper() + s[i + 1:]


# -- series ---------------------------------------------------------------------------------------

@dataclass
class Subject:
    sid: int
    family: Family
    q: dict
    changes: list[tuple[date, int]]      # the true series: value from each day on; the last is in DRAFT_YEAR

    @property
    def label(self) -> str:
        name = next(iter(self.q.values()), "") if self.q else ""
        return f"{self.family.name}{': ' + name if name else ''}"

    def value(self, day: date) -> int | None:
        v = None
        for d, x in self.changes:
            if d <= day:
                v = x
        return v


def subjects(k: int, seed: int) -> list[Subject]:
    """k subjects, family by family in turn (the mix stays the same for any k)."""
    r = random.Random(f"corpus-accuracy:{seed}:subjects")
    pools = []
    for fam in FAMILIES:
        qs = list(fam.qualifiers)
        r.shuffle(qs)
        pools.append([(fam, q) for q in qs])
    order = []
    while any(pools) and len(order) < k:
        for pool in pools:
            if pool and len(order) < k:
                order.append(pool.pop(0))
    if len(order) < k:
        raise SystemExit(f"--subjects: at most {len(order)} subjects can be generated")
    return [Subject(i, fam, q, series(fam, random.Random(f"corpus-accuracy:{seed}:series:{i}")))
            for i, (fam, q) in enumerate(order)]


def series(fam: Family, r: random.Random) -> list[tuple[date, int]]:
    day = date(r.randint(2011, 2016), r.randint(1, 12), r.randint(1, 28))
    v = r.randint(*fam.start)
    out = [(day, v)]
    while True:
        day = day + timedelta(days=r.randint(150, 700) if fam.kind != "ord" or fam.step != (1, 1) else 365)
        lo, hi = fam.step
        if abs(lo) >= 1 and abs(hi) >= 1:
            step = 0
            while step == 0:
                step = r.randint(int(lo), int(hi))
            nv = v + step
        else:
            nv = round(v * (1 + r.uniform(lo, hi)))
            if fam.kind == "cum" and nv <= v:
                nv = v + 1
        nv = max(nv, 1)
        if nv == v:
            nv = v + 1
        if day > LAST:
            day = date(DRAFT_YEAR, r.randint(1, 9), r.randint(1, 28))
            out.append((day, nv))
            return out
        v = nv
        out.append((day, v))


# -- articles -------------------------------------------------------------------------------------

@dataclass
class Mention:
    """One figure of a subject in an article or draft: our reading of it, and where it is."""
    mid: int
    subject: int
    as_of: date
    value: int
    lo: int
    hi: int
    style: str
    cue: bool
    role: str                            # "primary", "secondary" or "figure" (a draft's injected one)
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Doc:
    name: str
    day: date
    lang: str                            # "zh", "en", "bi"
    text: str = ""
    mentions: list[Mention] = field(default_factory=list)
    path: str = ""


_MARK = re.compile(r"⟦(\d+)\|(.*?)⟧", re.S)
_TIMED_ZH = ("截至", "目前", "近年来", "成立以来", "自", "多年来")
_TIMED_EN = re.compile(r"\b(so far|now|currently|to date|in recent years|over the years|since)\b", re.I)
_COMMON = {"the", "there", "a", "more", "over", "nearly", "almost", "about", "around", "some", "during"} | \
    set(EN_ONES) | {w for w in EN_TENS if w != "_"} | {f"{t}-{o}" for t in EN_TENS[2:] for o in EN_ONES[1:10]}


class Writer:
    """Builds documents with marked figures, then finds each figure's spans in the final text."""

    def __init__(self):
        self.next_id = 0

    def sentence(self, s: Subject, fig: Figure, value: int, r: random.Random, as_of: date, day: date,
                 role: str) -> tuple[str, str, Mention]:
        """A sentence stating ``fig`` (the true or injected ``value``) about s; dated by 截至…月底
        ("as of the end of ...") when as_of is not the day of the document."""
        templates = s.family.templates
        if as_of != day:
            templates = [t for t in templates if not t[0].startswith(_TIMED_ZH) and not _TIMED_EN.search(t[1])]
        zh_t, en_t, cue = r.choice(templates)
        m = Mention(self.next_id, s.sid, as_of, value, fig.lo, fig.hi, fig.style, cue, role)
        self.next_id += 1
        zh = re.sub(r"([为有达])(⟦\d+\|)约", r"约\1\2", zh_t.format(N=f"⟦{m.mid}|{fig.zh}⟧", **s.q))
        en = _cap(en_t.format(N=f"⟦{m.mid}|{fig.en}⟧", **s.q))
        if as_of != day:
            zh = f"截至{as_of.year}年{as_of.month}月底，" + zh
            first = re.sub(r"^⟦\d+\|", "", en).split(" ")[0].lower()
            if first in _COMMON:
                i = next(i for i, ch in enumerate(en) if ch.isalpha())
                en = en[:i] + en[i].lower() + en[i + 1:]
            en = f"As of the end of {MONTHS[as_of.month - 1]} {as_of.year}, " + en
        return zh, en, m

    def document(self, doc: Doc, paragraphs: list[tuple[str, str]], mentions: list[Mention],
                 clock: random.Random) -> None:
        lines = [datetime(doc.day.year, doc.day.month, doc.day.day, clock.randint(6, 22), clock.randint(0, 59),
                          clock.randint(0, 59)).strftime("%Y-%m-%d %H:%M:%S")]
        for zh, en in paragraphs:
            if doc.lang in ("zh", "bi"):
                lines.append(zh)
            if doc.lang in ("en", "bi"):
                lines.append(en)
        marked = "\n".join(lines) + "\n"
        by_id = {m.mid: m for m in mentions}
        out, pos = [], 0
        for mt in _MARK.finditer(marked):
            out.append(marked[pos:mt.start()])
            start = sum(len(x) for x in out)
            out.append(mt.group(2))
            by_id[int(mt.group(1))].spans.append((start, start + len(mt.group(2))))
            pos = mt.end()
        out.append(marked[pos:])
        doc.text = "".join(out)
        doc.mentions = mentions


def fig_for(s: Subject, v: int, r: random.Random, style: str | None = None) -> Figure:
    return render_ordinal(v, r, style) if s.family.kind == "ord" else render(v, r, style)


def lang_of(r: random.Random, weights=(0.4, 0.2, 0.4)) -> str:
    return r.choices(["zh", "en", "bi"], weights=weights)[0]


def build_archive(subs: list[Subject], seed: int) -> list[Doc]:
    """For each change of each series an article, sometimes a later one repeating the figure."""
    r = random.Random(f"corpus-accuracy:{seed}:archive")
    w = Writer()
    plans = []                                   # (day, subject, as_of)
    for s in subs:
        archived = [(d, v) for d, v in s.changes if d <= LAST]
        for i, (d, v) in enumerate(archived):
            nxt = archived[i + 1][0] if i + 1 < len(archived) else LAST + timedelta(days=1)
            lag = r.randint(0, 2) if s.family.kind == "ord" else r.randint(0, 20)
            day = min(d + timedelta(days=lag), nxt - timedelta(days=1), LAST)
            plans.append((day, s))
            if s.family.kind != "ord" and r.random() < 0.35 and (nxt - day).days > 30:
                plans.append((day + timedelta(days=r.randint(15, (nxt - day).days - 1)), s))
    plans.sort(key=lambda p: (p[0], p[1].sid))
    docs = []
    for n, (day, s) in enumerate(plans):
        doc = Doc(f"archive/{n:04d}.txt", day, lang_of(r))
        as_of = day
        if s.family.datable and s.family.kind != "ord" and r.random() < 0.12:
            as_of = day.replace(day=1) - timedelta(days=1)
            if s.value(as_of) is None:
                as_of = day
        compose(w, doc, s, fig_for(s, s.value(as_of), r), s.value(as_of), as_of, "primary", subs, r,
                least_fillers=0, lead=0.4)
        docs.append(doc)
    return docs


def compose(w, doc, s, fig, value, as_of, role, subs, r, least_fillers: int, lead: float) -> None:
    """Write ``doc`` (dated doc.day): s's figure as of ``as_of``, sometimes another series'
    figure, one or two filler sentences (at least ``least_fillers``), sometimes a lead."""
    day = doc.day
    zh, en, m = w.sentence(s, fig, value, r, as_of, day, role)
    paragraphs, mentions = [(zh, en)], [m]
    others = [t for t in subs if t.sid != s.sid and t.family.kind != "ord" and t.value(day) is not None]
    if others and r.random() < 0.3:
        t = r.choice(others)
        zh2, en2, m2 = w.sentence(t, fig_for(t, t.value(day), r), t.value(day), r, day, day, "secondary")
        paragraphs.append((zh2, en2))
        mentions.append(m2)
    paragraphs += fillers(r, day, r.randint(least_fillers, 2))
    r.shuffle(paragraphs)
    if r.random() < lead:
        paragraphs.insert(0, r.choice(LEADS))
    w.document(doc, paragraphs, mentions, r)


# -- drafts ---------------------------------------------------------------------------------------

@dataclass
class Draft(Doc):
    kind: str = ""
    subject: int = -1
    expect: str | None = None
    truth: set = field(default_factory=set)          # the rules that are true of its figure
    note: str = ""
    lo: int = 0                                       # our reading of the figure
    hi: int = 0


def truth(s: Subject, lo: int, hi: int, day: date, archived: list[Mention]) -> set[str]:
    """The corpus rules that are true of a figure lo..hi about s on day, given the archive."""
    out = set()
    mine = [m for m in archived if m.subject == s.sid]
    if any(m.as_of == day and disjoint((lo, hi), (m.lo, m.hi)) for m in mine):
        out.add("value-conflict")
    before = [m for m in mine if m.as_of < day]
    known = [m for m in mine if m.as_of <= day]          # a same-day figure is the newest one
    if known:
        newest = max(m.as_of for m in known)
        if all(disjoint((lo, hi), (m.lo, m.hi)) for m in known if m.as_of == newest) and \
                any(not disjoint((lo, hi), (m.lo, m.hi)) for m in known if m.as_of < newest):
            out.add("stale-figure")
    if s.family.kind in ("cum", "ord") and (any(m.lo > hi for m in before) or
                                             any(m.hi < lo for m in mine if m.as_of > day)):
        out.add("cumulative-decrease")
    return out


def wrong_value(v: int, r: random.Random, ordinal: bool) -> int:
    if ordinal:
        return max(1, v + r.choice([-3, -2, -1, 1, 2, 3]))
    digits = list(str(v))
    how = r.random()
    if how < 0.3 and len(digits) >= 2:                   # one digit mistyped
        i = r.randrange(1, len(digits))
        digits[i] = r.choice([d for d in "0123456789" if d != digits[i]])
        return int("".join(digits))
    if how < 0.5 and len(digits) >= 3:                   # two digits swapped
        i = r.randrange(1, len(digits) - 1)
        if digits[i] != digits[i + 1]:
            digits[i], digits[i + 1] = digits[i + 1], digits[i]
            return int("".join(digits))
    return max(1, round(v * (1 + r.choice([-1, 1]) * r.uniform(0.08, 0.35))))


def make_drafts(subs: list[Subject], archive: list[Doc], seed: int, per_kind: int) -> list[Draft]:
    r = random.Random(f"corpus-accuracy:{seed}:drafts")
    w = Writer()
    w.next_id = 10 ** 6
    archived = [m for d in archive for m in d.mentions]
    by_subject = defaultdict(list)
    for d in archive:
        for m in d.mentions:
            by_subject[m.subject].append((m, d))
    drafts: list[Draft] = []

    def emit(kind, s, day, fig, value, note=""):
        d = Draft(f"drafts/{len(drafts):04d}-{kind}.txt", day, lang_of(r, (1, 1, 1)), kind=kind, subject=s.sid,
                  expect=EXPECT.get(kind), note=note)
        compose(w, d, s, fig, value, day, "figure", subs, r, least_fillers=1, lead=0.3)
        d.truth = truth(s, fig.lo, fig.hi, day, archived)
        d.lo, d.hi = fig.lo, fig.hi
        drafts.append(d)

    for s in subs:
        mine = sorted(by_subject[s.sid], key=lambda md: md[0].as_of)
        ms = [m for m, _ in mine]
        last_day = max(m.as_of for m in ms)
        next_day, next_v = s.changes[-1]
        ordinal = s.family.kind == "ord"
        for _ in range(per_kind):
            # clean: the next true value, after it changed
            day = min(next_day + timedelta(days=r.randint(0, 60)), date(DRAFT_YEAR, 12, 31))
            emit("clean", s, day, fig_for(s, next_v, r), next_v)

            # stale: an old value the archive has since replaced, in DRAFT_YEAR
            day = date(DRAFT_YEAR, r.randint(1, 12), r.randint(1, 28))
            newest = [m for m in ms if m.as_of == last_day]
            olds = [m for m in ms if m.as_of < last_day and m.value != newest[0].value]
            for _try in range(30):
                if not olds:
                    break
                old = r.choice(olds)
                fig = fig_for(s, old.value, r, old.style if r.random() < 0.5 else None)
                if all(disjoint((fig.lo, fig.hi), (m.lo, m.hi)) for m in newest) and \
                        "stale-figure" in truth(s, fig.lo, fig.hi, day, archived):
                    emit("stale", s, day, fig, old.value, note=f"repeats the value of {old.as_of}")
                    break

            # conflict and compatible: the day of an archive article that speaks for its own day
            own = [(m, d) for m, d in mine if m.as_of == d.day and m.role == "primary"]
            if not own:
                continue
            for _try in range(40):
                m, d = r.choice(own)
                wv = wrong_value(m.value, r, ordinal)
                fig = fig_for(s, wv, r)
                t = truth(s, fig.lo, fig.hi, m.as_of, archived)
                clear = all(disjoint((fig.lo, fig.hi), (x.lo, x.hi)) for x in ms)
                if "value-conflict" in t and (clear or _try > 30) and (t == {"value-conflict"} or _try > 20):
                    emit("conflict", s, m.as_of, fig, wv, note=f"{m.value} archived on that day, {wv} in the draft")
                    break
            m, d = r.choice(own)
            for _try in range(20):
                fig = fig_for(s, m.value, r)
                if fig.style != m.style or (ordinal and _try > 10):
                    break
            emit("compatible", s, m.as_of, fig, m.value, note=f"{m.value} archived as {m.style}, the draft {fig.style}")

            # decrease: a running total below an earlier archived one, and matching no archived figure
            if s.family.kind in ("cum", "ord"):
                for _try in range(40):
                    m = r.choice(ms[1:] or ms)
                    later = [x.as_of for x in ms if x.as_of > m.as_of]
                    end = min(later) - timedelta(days=1) if later and r.random() < 0.4 else date(DRAFT_YEAR, 12, 31)
                    if end <= m.as_of:
                        continue
                    day = m.as_of + timedelta(days=r.randint(1, (end - m.as_of).days))
                    lower = max(1, m.value - r.randint(1, 4)) if ordinal else round(m.value * r.uniform(0.55, 0.9))
                    fig = fig_for(s, lower, r)
                    if fig.hi < m.lo and all(disjoint((fig.lo, fig.hi), (x.lo, x.hi)) for x in ms):
                        emit("decrease", s, day, fig, lower, note=f"{m.value} archived on {m.as_of}")
                        break
    return drafts


# -- checking -------------------------------------------------------------------------------------

def write_docs(folder: Path, docs: list[Doc]) -> None:
    for d in docs:
        p = folder / d.name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(d.text, encoding="utf-8")
        d.path = str(p)


def index_archive(db: Path, archive: list[Doc]) -> float:
    from checker.engine import check_bitext
    from checker.io.bilingual import read_bitexts
    from checker.ledger import Ledger, index_result

    t = time.perf_counter()
    with Ledger(db) as ledger:
        for d in archive:
            for b in read_bitexts([d.path]):
                index_result(ledger, check_bitext(b))
    return time.perf_counter() - t


def where(start: int, end: int, d: Doc) -> str:
    """What a draft's claim (or digit string) at start..end is: the injected "figure", another
    subject's true figure ("series") or a number of a filler sentence ("filler")."""
    for m in sorted(d.mentions, key=lambda m: m.role != "figure"):
        if any(start < e and s < end for s, e in m.spans):
            return "figure" if m.role == "figure" else "series"
    return "filler"


def _rel(path: str | None) -> str:
    """archive/0001.txt or drafts/0001-clean.txt, however the ledger shows the path."""
    return "/".join(Path(path or "").parts[-2:])


def _owner(doc: Doc | None, start: int, end: int) -> int | None:
    """The subject whose figure is at start..end of a document (None: a filler's number)."""
    for m in (doc.mentions if doc else ()):
        if any(start < e and s < end for s, e in m.spans):
            return m.subject
    return None


def archive_keys(db: Path, archive: list[Doc]) -> dict[int, list[dict]]:
    """For each archive figure (Mention.mid): the ledger's claims on it (key, running total, day)."""
    import sqlite3

    docs = {d.name: d for d in archive}
    out: dict[int, list[dict]] = defaultdict(list)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    for path, start, end, key, cum, as_of, text, lang in con.execute(
            'SELECT d.path, c.start, c."end", c.subject_key, c.cumulative, c.as_of, c.text, c.lang '
            "FROM claims c JOIN documents d ON d.id = c.document_id"):
        d = docs.get(_rel(path))
        for m in (d.mentions if d else ()):
            if any(start < e and s < end for s, e in m.spans):
                out[m.mid].append({"key": key, "cumulative": bool(cum), "as_of": as_of, "text": text,
                                   "lang": lang})
    con.close()
    return out


def check_drafts(db: Path, drafts: list[Draft], archive: list[Doc]) -> tuple[dict, dict, list[float]]:
    """Each draft checked on its own against the ledger, as claimcheck check --ledger does; and
    the subject keys its figure was filed under (as check_corpus files them)."""
    from checker.engine import check_bitext
    from checker.engine.corpus import check_results
    from checker.io.bilingual import read_bitexts
    from checker.ledger import Ledger, bilingual_pairs, shared_flags
    from checker.ledger.keys import file_keys

    docs = {d.name: d for d in archive}
    out, keyed, times = {}, {}, []
    with Ledger(db) as ledger:
        for i, d in enumerate(drafts):
            t = time.perf_counter()
            results = [check_bitext(b) for b in read_bitexts([d.path])]
            findings = check_results(ledger, results)
            times.append(time.perf_counter() - t)
            rows = []
            for f in findings:
                doc = next(c for role, c in f.claims if role == "document")
                at = where(doc.start, doc.end, d)
                cited = [(_rel(c.path), c.start, c.end) for role, c in f.claims if role == "archive"]
                mine = _owner(d, doc.start, doc.end)
                theirs = {_owner(docs.get(p), a, b) for p, a, b in cited}
                cause = ("filler number" if mine is None or None in theirs else
                         "another series" if theirs - {mine} else "the same series")
                rows.append({"rule": f.rule.name, "severity": f.severity, "on_figure": at == "figure", "where": at,
                             "claim": doc.text, "message": f.message, "archive": sorted({p for p, _, _ in cited}),
                             "cause": cause})
            out[d.name] = rows
            files = [f for r in results for f in r.files]
            pairs = bilingual_pairs(p for r in results for p in r.agreeing)
            partnered = {id(en) for _, en in pairs}
            figure = [sp for m in d.mentions if m.role == "figure" for sp in m.spans]
            claims_on = []
            for _path, _text, claims in files:
                keys = file_keys({p: t for p, t, _ in files}, claims, pairs, ledger.learnt_subjects())
                for c, flagged in zip(claims, shared_flags(claims, pairs)):
                    if any(c.start < e and s < c.end for s, e in figure):
                        claims_on.append({"text": c.text, "key": keys[id(c)][0], "kind": c.kind,
                                          "cumulative": "cumulative" in flagged.flags, "partnered": id(c) in partnered})
            keyed[d.name] = claims_on
            if (i + 1) % 100 == 0:
                log(f"checked {i + 1}/{len(drafts)} drafts")
    return out, keyed, times


def miss_cause(d: Draft, s: Subject, claims_on: list[dict], rows: list[dict], archived: list[Mention],
               akeys: dict) -> str:
    """Why the expected rule did not fire on a draft's figure, as far as the keys tell."""
    instead = sorted({(x["rule"], x["cause"]) for x in rows if x["on_figure"] and x["severity"] != "info"})
    if instead:
        rule, cause = instead[0]
        return f"{rule} reported instead, comparing {cause}"
    own = [c for c in claims_on if not c["partnered"]]
    if not own:
        return "the figure was not read as a claim"
    mine = [m for m in archived if m.subject == s.sid]
    lo, hi = d.lo, d.hi
    if d.kind == "conflict":
        relevant = [m for m in mine if m.as_of == d.day and disjoint((lo, hi), (m.lo, m.hi))]
    elif d.kind == "stale":
        known = [m for m in mine if m.as_of <= d.day]
        newest = max(m.as_of for m in known)
        relevant = [m for m in known if m.as_of == newest or not disjoint((lo, hi), (m.lo, m.hi))]
    else:
        relevant = [m for m in mine if (m.as_of < d.day and m.lo > hi) or (m.as_of > d.day and m.hi < lo)]
    keys = {c["key"] for c in own} - {None}
    if not keys:
        return "the figure has no subject"
    theirs = [k for m in relevant for k in akeys.get(m.mid, [])]
    if not any(k["key"] in keys for k in theirs):
        return "filed under another subject key than the archive figure"
    from checker.ledger.keys import is_generic

    if all(is_generic(k) for k in keys):
        if not any(c["cumulative"] for c in own):
            return "a generic subject (国家, 犯罪嫌疑人) not said to be a running total: not compared"
        if d.lang == "en" and all(k["lang"] == "zh" for k in theirs if k["key"] in keys):
            return "a generic subject in an English draft, the archive's in Chinese: clauses never alike"
        return "a generic subject whose clause is not alike the archive's"
    if d.kind == "stale":
        newest = max(m.as_of for m in relevant)
        olds = [k for m in relevant if m.as_of < newest for k in akeys.get(m.mid, [])]
        news = [k for m in relevant if m.as_of == newest for k in akeys.get(m.mid, [])]
        if not any(k["key"] in keys for k in olds):
            return "filed under another subject key than the old archive figure"
        if not any(k["key"] in keys for k in news):
            return "filed under another subject key than the newest archive figure"
    if d.kind == "decrease" and not any(c["cumulative"] for c in own):
        return "the draft's figure is not read as a running total"
    if d.kind == "decrease" and not any(k["cumulative"] for k in theirs if k["key"] in keys):
        return "the archive figure is not read as a running total"
    if d.kind == "conflict" and not any(k["key"] in keys and k["as_of"] == d.day.isoformat() for k in theirs):
        return "the archive figure speaks for another day"
    return "same key, no rule fired"


# -- the naive alternative ------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”]")


def naive_numbers(text: str):
    """(key, number, start, end) of each digit string after the dateline: the 4 characters before
    it (Chinese) or the 2 words before it (English), exactly as written."""
    first = text.find("\n") + 1
    for mt in _DIGITS.finditer(text, first):
        line = text.rfind("\n", 0, mt.start()) + 1
        before = text[line:mt.start()]
        if before and _HAN.match(before[-1]):
            key = before[-4:]
        else:
            key = " ".join(before.split()[-2:])
        if key:
            yield key, mt.group().replace(",", ""), mt.start(), mt.end()


def naive(archive: list[Doc], drafts: list[Draft]) -> dict:
    index = defaultdict(list)                 # key -> [(day, number)]
    for d in archive:
        for key, num, _, _ in naive_numbers(d.text):
            index[key].append((d.day, num))
    out = {}
    for d in drafts:
        flags = []
        for key, num, s, e in naive_numbers(d.text):
            seen = index.get(key, [])
            same = [n for day, n in seen if day == d.day]
            if same:
                bad = any(n != num for n in same)
            else:
                before = [(day, n) for day, n in seen if day < d.day]
                if not before:
                    continue
                latest = max(day for day, _ in before)
                bad = num not in {n for day, n in before if day == latest}
            if bad:
                at = where(s, e, d)
                flags.append({"key": key, "number": num, "on_figure": at == "figure", "where": at})
        out[d.name] = flags
    return out


# -- scoring --------------------------------------------------------------------------------------

def score(subs: list[Subject], drafts: list[Draft], ours: dict, alt: dict) -> dict:
    loud = lambda rows: [x for x in rows if x["severity"] != "info"]  # noqa: E731
    rate = lambda a, b: a / b if b else None  # noqa: E731
    n = Counter()
    c = defaultdict(Counter)           # counter name -> key -> count
    good = bad = alt_good = alt_bad = 0
    cases = []
    for d in drafts:
        fam = subs[d.subject].family.name
        rows, flags = loud(ours[d.name]), alt[d.name]
        n[d.kind] += 1
        right = {d.expect} | d.truth if d.expect else set()
        for x in ours[d.name]:
            if x["severity"] == "info":
                c["info"][(x["rule"], d.kind)] += 1
        for x in rows:
            ok = x["on_figure"] and x["rule"] in right
            good += ok
            bad += not ok
            if not ok:
                c["wrong"][(x["where"], x["rule"], d.kind)] += 1
                c["wrong_cause"][x["cause"]] += 1
        alt_good += sum(1 for f in flags if d.expect and f["on_figure"])
        alt_bad += sum(1 for f in flags if not (d.expect and f["on_figure"]))
        if d.expect:
            found = any(x["rule"] == d.expect and x["on_figure"] for x in rows)
            c["hit"][d.kind] += found
            c["any"][d.kind] += any(x["rule"] in right and x["on_figure"] for x in rows)
            c["alt_hit"][d.kind] += any(f["on_figure"] for f in flags)
            c["fam_inj"][fam] += 1
            c["fam_hit"][fam] += found
            c["fam_alt_hit"][fam] += any(f["on_figure"] for f in flags)
            c["lang_inj"][(d.kind, d.lang)] += 1
            c["lang_hit"][(d.kind, d.lang)] += found
            cue = next(m.cue for m in d.mentions if m.role == "figure")
            c["cue_inj"][(d.kind, cue)] += 1
            c["cue_hit"][(d.kind, cue)] += found
            failed = not found
        else:
            noisy = bool(rows)
            series_noisy = any(x["where"] != "filler" for x in rows)
            c["fp"][d.kind] += noisy
            c["fp_series"][d.kind] += series_noisy
            c["alt_fp"][d.kind] += bool(flags)
            c["alt_fp_series"][d.kind] += any(f["where"] != "filler" for f in flags)
            c["fam_clean"][fam] += 1
            c["fam_fp"][fam] += any(x["on_figure"] for x in rows)
            c["fam_alt_fp"][fam] += any(f["on_figure"] for f in flags)
            failed = noisy
        if failed or any(not (x["on_figure"] and x["rule"] in right) for x in rows):
            cases.append({"draft": d.name, "kind": d.kind, "subject": subs[d.subject].label, "lang": d.lang,
                          "expect": d.expect, "truth": sorted(d.truth), "note": d.note, "text": d.text,
                          "missed": bool(d.expect) and failed, "findings": ours[d.name], "naive": flags})
    clean = ("clean", "compatible")
    return {
        "drafts": dict(n),
        "recall": {k: rate(c["hit"][k], n[k]) for k in EXPECT},
        "recall_any_true_rule": {k: rate(c["any"][k], n[k]) for k in EXPECT},
        "false_positive_rate": {k: rate(c["fp"][k], n[k]) for k in clean},
        "false_positive_rate_series": {k: rate(c["fp_series"][k], n[k]) for k in clean},
        "naive_recall": {k: rate(c["alt_hit"][k], n[k]) for k in EXPECT},
        "naive_false_positive_rate": {k: rate(c["alt_fp"][k], n[k]) for k in clean},
        "naive_false_positive_rate_series": {k: rate(c["alt_fp_series"][k], n[k]) for k in clean},
        "precision": rate(good, good + bad), "findings_loud": good + bad,
        "naive_precision": rate(alt_good, alt_good + alt_bad), "naive_flags": alt_good + alt_bad,
        "wrong_findings": [{"where": a, "rule": b, "draft_kind": k, "count": x}
                           for (a, b, k), x in c["wrong"].most_common()],
        "wrong_causes": dict(c["wrong_cause"].most_common()),
        "info_findings": [{"rule": a, "draft_kind": b, "count": x} for (a, b), x in sorted(c["info"].items())],
        "by_family": {f: {"injected": c["fam_inj"][f], "recall": rate(c["fam_hit"][f], c["fam_inj"][f]),
                          "naive_recall": rate(c["fam_alt_hit"][f], c["fam_inj"][f]), "clean": c["fam_clean"][f],
                          "fp_figure_rate": rate(c["fam_fp"][f], c["fam_clean"][f]),
                          "naive_fp_figure_rate": rate(c["fam_alt_fp"][f], c["fam_clean"][f])}
                      for f in dict.fromkeys(s.family.name for s in subs)},
        "recall_by_language": {f"{k}/{lang}": rate(c["lang_hit"][(k, lang)], x)
                               for (k, lang), x in sorted(c["lang_inj"].items())},
        "recall_by_cue": {f"{k}/{'cue' if q else 'no cue'}": rate(c["cue_hit"][(k, q)], x)
                          for (k, q), x in sorted(c["cue_inj"].items())},
        "cases": cases,
    }


# -- main -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--subjects", type=int, default=60, help="number of series (default 60)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-kind", type=int, default=4, help="drafts of each kind per subject (default 4)")
    ap.add_argument("--json", action="store_true", help="print the figures (and every failed case) as JSON")
    a = ap.parse_args(argv)
    started = time.perf_counter()
    r: dict = {"date": time.strftime("%Y-%m-%d"), "seed": a.seed, "subjects": a.subjects, "per_kind": a.per_kind,
               "python": sys.version.split()[0], "cores": os.cpu_count()}
    t = time.perf_counter()
    subs = subjects(a.subjects, a.seed)
    archive = build_archive(subs, a.seed)
    drafts = make_drafts(subs, archive, a.seed, a.per_kind)
    r["generate_s"] = time.perf_counter() - t
    r["archive"] = {"articles": len(archive), "bytes": sum(len(d.text.encode()) for d in archive),
                    "languages": dict(Counter(d.lang for d in archive)),
                    "figures": sum(len(d.mentions) for d in archive)}
    log(f"{len(subs)} subjects, {len(archive)} archive articles, {len(drafts)} drafts")
    import checker.engine  # noqa: F401  (import time is not checking time)
    import checker.engine.corpus  # noqa: F401
    with tempfile.TemporaryDirectory(prefix="claimcheck-accuracy-") as tmp:
        folder = Path(tmp)
        write_docs(folder, archive)
        write_docs(folder, drafts)
        db = folder / "ledger.db"
        r["index_s"] = index_archive(db, archive)
        log(f"indexed {len(archive)} articles in {r['index_s']:.1f} s")
        ours, keyed, times = check_drafts(db, drafts, archive)
        akeys = archive_keys(db, archive)
        r["check_s"] = sum(times)
        r["check_ms_median"] = statistics.median(times) * 1000
        t = time.perf_counter()
        alt = naive(archive, drafts)
        r["naive_s"] = time.perf_counter() - t
    r |= score(subs, drafts, ours, alt)
    archived = [m for d in archive for m in d.mentions]
    causes = Counter()
    by_name = {d.name: d for d in drafts}
    for c in r["cases"]:
        d = by_name[c["draft"]]
        c["figure_claims"] = keyed[d.name]
        if c["missed"]:
            c["miss_cause"] = miss_cause(d, subs[d.subject], keyed[d.name], c["findings"], archived, akeys)
            causes[(d.kind, c["miss_cause"])] += 1
    r["miss_causes"] = [{"kind": k, "cause": x, "count": n} for (k, x), n in sorted(causes.items())]
    for c in r["cases"]:
        c["subject_articles"] = [d.name for d in archive
                                 if any(subs[m.subject].label == c["subject"] for m in d.mentions)]
    r["archive_texts"] = {d.name: d.text for d in archive}
    r["wall_s"] = time.perf_counter() - started
    if a.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
    else:
        report(r)


def report(r: dict) -> None:
    ar = r["archive"]
    print(f"Archive: {r['subjects']} subjects, {ar['articles']} articles ({ar['bytes'] / 1e3:.0f} KB; "
          f"zh {ar['languages'].get('zh', 0)}, en {ar['languages'].get('en', 0)}, bilingual "
          f"{ar['languages'].get('bi', 0)}), {ar['figures']} series figures; seed {r['seed']}; "
          f"{sum(r['drafts'].values())} drafts, each checked on its own")
    print()
    pct = lambda x: "-" if x is None else f"{x:.1%}"  # noqa: E731
    head = ("draft kind", "drafts", "expected rule", "recall", "any rule", "FP", "FP series",
            "naive recall", "naive FP", "naive FP series")
    widths = (11, 6, 19, 7, 8, 6, 9, 12, 8, 15)
    print(" ".join(f"{h:<{w}}" if i in (0, 2) else f"{h:>{w}}" for i, (h, w) in enumerate(zip(head, widths))))
    for k in KINDS:
        if k in EXPECT:
            row = (k, r["drafts"].get(k, 0), EXPECT[k], pct(r["recall"][k]), pct(r["recall_any_true_rule"][k]),
                   "", "", pct(r["naive_recall"][k]), "", "")
        else:
            row = (k, r["drafts"].get(k, 0), "(none)", "", "", pct(r["false_positive_rate"][k]),
                   pct(r["false_positive_rate_series"][k]), "", pct(r["naive_false_positive_rate"][k]),
                   pct(r["naive_false_positive_rate_series"][k]))
        print(" ".join(f"{v:<{w}}" if i in (0, 2) else f"{v:>{w}}" for i, (v, w) in enumerate(zip(row, widths))))
    print(f"precision of corpus warnings and errors: claimcheck {pct(r['precision'])} of {r['findings_loud']}; "
          f"naive {pct(r['naive_precision'])} of {r['naive_flags']} flags")
    print("(recall: the expected rule on the injected figure; any rule: any rule true of it, e.g. a stale running "
          "total is also a decrease; FP: a clean or compatible draft with any warning or error; FP series: one on a "
          "series figure, not on a filler sentence's number)")
    print()
    print(f"{'family':<42} {'injected':>8} {'recall':>7} {'naive':>7} {'clean+compatible':>16} "
          f"{'FP on figure':>12} {'naive':>7}")
    for f, x in r["by_family"].items():
        print(f"{f:<42} {x['injected']:>8} {pct(x['recall']):>7} {pct(x['naive_recall']):>7} {x['clean']:>16} "
              f"{pct(x['fp_figure_rate']):>12} {pct(x['naive_fp_figure_rate']):>7}")
    print()
    print("recall by draft language: " + ", ".join(f"{k} {pct(v)}" for k, v in r["recall_by_language"].items()))
    print("recall by cue in the draft's sentence: " + ", ".join(f"{k} {pct(v)}" for k, v in r["recall_by_cue"].items()))
    wrong = Counter()
    for w in r["wrong_findings"]:
        wrong[(w["rule"], w["where"])] += w["count"]
    print("warnings/errors not counted as right, by rule and number: " + ("; ".join(
        f"{rule} on a {where} number ×{n}" for (rule, where), n in wrong.most_common()) or "none"))
    print("what the warnings/errors not counted as right compared: " + ", ".join(
        f"{k} ×{v}" for k, v in r["wrong_causes"].items()))
    print("why the expected rule did not fire: " + "; ".join(
        f"{m['kind']}: {m['cause']} ×{m['count']}" for m in r["miss_causes"]))
    print("info findings: " + ("; ".join(f"{i['rule']} on {i['draft_kind']} ×{i['count']}" for i in r["info_findings"])
                               or "none"))
    print()
    print(f"time: generate {r['generate_s']:.1f} s, index {r['archive']['articles']} articles {r['index_s']:.1f} s, "
          f"check {sum(r['drafts'].values())} drafts {r['check_s']:.1f} s (median {r['check_ms_median']:.0f} ms "
          f"per draft), naive {r['naive_s']:.2f} s; whole run {r['wall_s']:.0f} s")
    print(f"missed or noisy drafts: {len(r['cases'])} (each with its text and findings in --json)")


if __name__ == "__main__":
    main()
