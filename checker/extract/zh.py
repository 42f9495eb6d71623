"""Numeric claims in Chinese text (normalised: simplified, NFKC, no spaces inside numbers).

Extraction is anchored: a cheap scan finds every numeral (Arabic digits, Chinese numeral
characters, 首), and only there are the full patterns tried — a date, a skip (clock time, phone
number), an ordinal, or a number expression

    [approximation] numeral [余/多] [scale] [余/多] [% | 成 | currency | unit | time unit | measure] [左右/以上]

where the words before the numeral (approximations, 第, 数/几/上, 今年, 上世纪) are read by one
pattern anchored at the numeral's start. Trying the full alternation at every character would
be several times slower. Chinese-character numerals are claims only when something says they
count (a measure word, unit, 第, %, an approximation): bare 一/十/万 are mostly words (一起,
十分, 万人的愿望).
Calendar forms (一季度, 上半年, 6月上旬, 去年底) and durations in two parts (五年半, 一年零两个月,
2周至6周, 2年以上5年以下) are read as one claim (calendar.py).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from checker.extract import calendar as cal
from checker.extract import subject_phrase
from checker.extract.dates import Stated, make, make_date, make_day, malformed
from checker.extract.intervals import interval, vague
from checker.extract.numerals import (ARABIC, CN_DIGITS, CN_SCALES, SCALE_VALUE, parse_arabic, parse_chinese,
                                      scale_of)
from checker.extract.raw import CLOSE_QUOTES, SENTENCE_END, RawClaim, in_url, is_name_context, may_hold_urls
from checker.extract.units import canonical
from checker.model import DateValue, Interval
from checker.text.firstchar import guarded
from checker.vocab import alternation, vocabulary

AR = ARABIC
CN = rf"[{CN_DIGITS}{CN_SCALES}]+(?:点[{CN_DIGITS}]+)?"
SCALE = "万亿|千万|百万|万|亿|千|百"
YEAR_CN = "[〇零一二三四五六七八九]{4}"
REL_YEAR = "今年|去年|明年|前年|本年|当年|同年"
_CENTURY = {"上世纪": 1900, "上个世纪": 1900, "20世纪": 1900, "二十世纪": 1900, "21世纪": 2000, "本世纪": 2000}
CENTURY = "|".join(_CENTURY)
RANGE_SEP = "至|到|-|－|—|–|~|～"
MONTH_CN = "十[一二]|[一二三四五六七八九十]"                 # 二〇一九年十二月十六日
DAY_CN = "[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"

WEEKDAY_CN = "一二三四五六日天"
# words that state a time with no numeral: 去年, 上月, 本周三, 昨天, 周三至周四
_TIME_WORDS = "上一年|下一年|今年|去年|明年|前年|本年|昨今|今明|今天|昨天|前天|明天|今日|昨日|明日|昨晚|昨夜|今晨|今早|今晚|明晚|明早" \
              "|次日|次月|本月|上月|下月|上个月|下个月|这个月" \
              "|本周|上周|下周|这周|星期|周|礼拜|上半年|下半年"
# digits glued to Latin letters (m2, G20) or after a decimal point are not a number's start
# 半 only before a time unit: 半年, 半个月, 半小时 (half a year …), not 一半, 半岛
_HALF_UNIT = "半(?=个?多?(?:小时|月|年|天|星期|世纪))"
# 双倍 (double: ×2, not 双倍体); 几 before a measure word or time unit (几天, 几个国家: a few);
# 几十 and 十几 are read from their numeral
# (guarded: the scan skips at once the many characters no anchor begins with)
_ANCHOR_PATTERN = (rf"(?<![A-Za-z0-9])(?<!\d[.,，])[0-9]+|[{CN_DIGITS}{CN_SCALES}]+|首|{_TIME_WORDS}|{_HALF_UNIT}"
                   r"|双倍(?!体)|几(?![十百千万亿乎])"
                   r"|[近过]半(?!个?多?(?:小时|月|年|天|星期|世纪))|半数")
_ANCHOR = re.compile(guarded(_ANCHOR_PATTERN))
# a half as a share: 一半, 半数, 近半, 过半(数), 超过一半 (issue 12); 多半 (probably), 大半 and
# 半年/半岛 are not shares
_HALF_SHARE = re.compile(r"(?:一半|半数|(?P<hs_q>[近过])半数?(?![年月天日岛导径夜小个身场点球]))(?P<hs_after>以上|左右|以下)?")
# the sign of a number: 负3.5亿元, 零下12摄氏度, 净利润-2.3% (not 胜负, 正负 = ±, 抱负, 编号-12, 1-2)
_NEG_NOT_AFTER = frozenset("胜正抱欺辜担肩自背")
_HYPHEN_NOT_AFTER = frozenset("号码第型款期号-－—–~～/.")
# 3块5, 26元5角, 叁元伍角, 贰拾元零伍分, 捌万元整: the tenths and hundredths of a yuan after it
_JD = "0-9一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_JIAO = re.compile(rf"(?P<zheng>整)|零(?P<f2>[{_JD}])分|(?P<j>[{_JD}])(?P<j_w>角钱|毛钱|角|毛)?(?:(?P<f>[{_JD}])分)?(?![0-9.])")
_REL = {"上一年": ("year", -1), "下一年": ("year", 1), "今年": ("year", 0), "本年": ("year", 0), "去年": ("year", -1), "明年": ("year", 1), "前年": ("year", -2),
        # 昨今两天 (yesterday and today), 今明两天: from their first day
        "昨今": ("day", -1), "今明": ("day", 0), "昨晚": ("day", -1), "昨夜": ("day", -1), "今晨": ("day", 0),
        "今早": ("day", 0), "今晚": ("day", 0), "明晚": ("day", 1), "明早": ("day", 1),
        "次日": ("day", 1), "次月": ("month", 1),
        "今天": ("day", 0), "今日": ("day", 0), "昨天": ("day", -1), "昨日": ("day", -1), "前天": ("day", -2),
        "明天": ("day", 1), "明日": ("day", 1), "本月": ("month", 0), "这个月": ("month", 0),
        "上月": ("month", -1), "上个月": ("month", -1), "下月": ("month", 1), "下个月": ("month", 1),
        "本周": ("week", 0), "这周": ("week", 0), "上周": ("week", -1), "下周": ("week", 1)}
_WEEKDAY = {c: i for i, c in enumerate("一二三四五六日", 1)} | {"天": 7}
_PREFIX_WINDOW = 6


class _Patterns:
    """The patterns, compiled once from the vocabulary."""

    def __init__(self):
        v = vocabulary()
        ap = v.approx["zh"]
        time_units = alternation(v.time_units["zh"])
        # a unit symbol ending in a Latin letter (km, ml, g) must end the word: 6g, not 6gx
        units = "|".join(re.escape(w) + ("(?![A-Za-z])" if w[-1].isascii() and w[-1].isalpha() else "")
                         for w in sorted(v.units["zh"], key=lambda w: (-len(w), w)))
        # (元 that starts a word is no yuan: 二元论, 多元化, 一元二次方程 — currencies.yaml yuan_not_before)
        not_yuan = alternation(v.yuan_not_before)
        currency = rf"(?:{alternation(v.currencies['zh']['after'])})(?<!元(?=(?:{not_yuan})))"
        # 块 is money only before no noun (90块, 3块5, not 3块金牌)
        # bare 毛/角 only after a digit or 两 (作家三毛, 金三角 are names)
        # (bare 块 only after Arabic digits: 切成八块 are pieces)
        everyday = "|".join(rf"(?<=[0-9]){re.escape(w)}(?![\u4e00-\u9fff])" if w == "块"
                            else rf"(?<=[0-9两]){re.escape(w)}(?![\u4e00-\u9fff])" if w in ("毛", "角")
                            else re.escape(w)
                            for w in sorted(v.currencies["zh"].get("everyday", {}), key=len, reverse=True))
        everyday = rf"(?:{everyday}|块(?=[0-9一二两三四五六七八九](?:[毛角]|一|(?![0-9.\u4e00-\u9fff]))))"
        measures = alternation(v.measures_zh)
        big = v.big_zh
        after_measure = alternation(ap["after_measure"])
        mid = alternation(ap["after_number"])
        month_parts = alternation(cal.calendar().month_parts["zh"])
        names = alternation(v.names["zh"])
        # the words that may stand right before a numeral, anchored at its start (search in a window)
        self.prefix = re.compile(
            rf"(?:(?P<rel>{REL_YEAR})|(?P<cent>{CENTURY})|(?P<ord>第)|(?P<pct>百分之)"
            rf"|(?P<approx>{alternation(ap['before'])})|(?P<vague>{alternation(ap['vague'])})"
            r"|(?P<neg>负|(?<=零)下|[-－−]))\Z")
        # the last character of every prefix word: only after one is the prefix search needed
        self.prefix_ends = frozenset(w[-1] for w in (*REL_YEAR.split("|"), *CENTURY.split("|"), "第", "百分之",
                                                       *ap["before"], *ap["vague"], "负", "下", "-", "－", "−"))
        self.idioms = re.compile(alternation(v.idioms_zh))
        # 买够 $100, 售价￥100: a currency sign before digits (rules/currencies.yaml zh.signs)
        self.sign_before = re.compile(rf"({alternation(v.currencies['zh']['signs'])})[ \t]?\Z")
        self.idiom_chars = frozenset("".join(v.idioms_zh))
        self.idiom_len = max(map(len, v.idioms_zh), default=1)
        self.name_before = frozenset(v.names_before["zh"])
        self.ordinal = re.compile(rf"(?P<o_num>{AR}|{CN})(?P<o_m>{measures})?(?P<o_big>大)?")
        self.percent = re.compile(rf"{AR}|{CN}")
        # (首月, 首日, 首周, 首年: the first month, day … of something)
        self.first = re.compile(r"首(?P<o_first_m>届|次|批|支|个|家|位|艘|座|场|月|日|周|年)")
        # 几天, 几个月, 几个国家, 好几次: a few (2 to 9, rules/approximations.yaml); not 几点 (what time)
        self.several = re.compile(rf"几(?:(?P<sv_t>{time_units})|(?P<sv_m>{measures}))")
        # a time without a numeral; 今年 before a month is read with the month (a prefix)
        calendar = cal.calendar()
        # a name that does not start with a numeral (双十一) is matched from its numeral, the
        # character before it looked behind for
        named = "|".join(re.escape(n) if n[0].isdigit() or n[0] in CN_DIGITS else f"(?<={re.escape(n[0])}){re.escape(n[1:])}"
                         for n in sorted(calendar.named_dates_zh, key=len, reverse=True))
        self.named = re.compile(rf"(?:{named})(?![0-9{CN_DIGITS}开分成比%])")
        periods = alternation(calendar.periods["zh"])
        year_parts = alternation(calendar.year_parts["zh"])
        # what may follow a year (2023年, 去年): a quarter or half (一季度, 前三季度, 上半年), its end (年底)
        # (初 of 初中 or 初一 is a school grade or a lunar day, not the start of the year)
        self.year_period = re.compile(rf"(?P<yp_period>{periods})|(?P<yp_part>{year_parts})(?![中一二三四五六七八九十])")
        # a quarter alone, at its numeral (一季度) or the 第/前 before it (第一季度, 前三季度)
        self.period = re.compile(periods)
        # 两个半小时, 一个半月: a numeral, 个, a half and a time unit
        self.half = re.compile(r"半(?P<h_more>个多)?(?P<h_u>个小时|小时|个月|月|年|天|个星期|个世纪|世纪)(?!度)")
        self.half_unit = re.compile(rf"(?P<hu_n>{AR}|{CN})个半(?P<hu_u>小时|月|星期)")
        self.time_word = re.compile(
            rf"(?P<t_year>上一年|下一年|今年|去年|明年|前年|本年)(?![0-9{CN_DIGITS}十]{{1,3}}月)"
            rf"(?:(?P<t_period>{periods})|(?P<t_part>{year_parts})(?![中一二三四五六七八九十]))?"
            rf"|(?P<t_half>上半年|下半年)"
            rf"|(?P<t_day>昨今|今明|今天|昨天|前天|明天|今日|昨日|明日|昨晚|昨夜|今晨|今早|今晚|明晚|明早|次日|次月)"
            rf"|(?P<t_month>本月|上月|下月|上个月|下个月|这个月)"
            rf"|(?P<t_week>本周|这周|上周|下周)(?P<t_wd1>[{WEEKDAY_CN}])?"
            rf"|(?:星期|周|礼拜)(?P<t_wd>[{WEEKDAY_CN}])(?:(?:{RANGE_SEP})(?:星期|周|礼拜)?(?P<t_wd2>[{WEEKDAY_CN}]))?")
        self.main = re.compile("|".join([
            # dates (resolved in issue #3; here they only must not become counts)
            # (a date has its 月 within its first 11 characters — 2023年, 10至, 12 before it —
            # so the branch is not entered where no 月 follows, as after nearly every numeral)
            r"(?=[^月]{0,10}月)"
            rf"(?:(?P<d_y>\d{{4}}|{YEAR_CN})年)?"
            rf"(?:(?P<d_mr>\d{{1,2}})(?:{RANGE_SEP})(?=\d{{1,2}}月))?"
            rf"(?P<d_m>\d{{1,2}}|{MONTH_CN})月(?:(?P<d_d>\d{{1,2}}|{DAY_CN})[日号]|(?P<d_xun>{month_parts})(?!(?<=初)中))?"
            # … to a day or month, of the next year when it comes before the first (11月至次年2月)
            rf"(?:(?:持续|延续|一直)?(?:{RANGE_SEP})(?:次年|翌年|明年|第二年)?"
            rf"(?:(?P<d_m2>\d{{1,2}})月(?:(?P<d_d2>\d{{1,2}})[日号]|(?P<d_xun2>{month_parts})(?!(?<=初)中))?"
            rf"|(?P<d_d2b>\d{{1,2}})[日号]))?"
            # a part of the day and a clock time: 上午, 20时许
            r"(?:上午|下午|晚上|凌晨|早上|中午|傍晚|晚)?(?:(?P<d_hh>\d{1,2})[时点](?:(?P<d_mm>\d{1,2})分)?(?:许|左右)?)?",
            # a span of years: 从2011年到2022年, 2021-2025年
            r"(?P<yr1>\d{4})年?(?:至|到|-|—|–|~)(?P<yr2>\d{4})年(?!代)"
            # a season or a school or fiscal year written as two years without 年 (2021-2022赛季; not
            # a price or a height, 1800-2000元)
            r"|(?P<yr1b>(?:1[89]|2[01])\d{2})(?:-|—|–|~)(?P<yr2b>(?:1[89]|2[01])\d{2})(?=赛季|学年|年度|财年|雪季|会计年度)"
            # … or in parentheses after a title: 《二十年发展报告(1999-2019)》
            r"|(?<=[(（])(?P<yr1c>(?:1[89]|2[01])\d{2})(?:-|—|–|~)(?P<yr2c>(?:1[89]|2[01])\d{2})(?=[)）])",
            # today, the 11th: 今（11）日, 昨（10）日 (news of Hong Kong, Macao and Taiwan)
            r"(?<=[今昨前明][（(])(?P<d_pd>\d{1,2})(?=[)）]日)",
            # a day of the month alone: 10日发布 (not 3号线, 1号文件)
            r"(?P<d_day>\d{1,2})[日号](?![线楼令院馆文])",
            r"(?P<d_iso>\d{4})[-/.](?P<d_isom>\d{1,2})[-/.](?P<d_isod>\d{1,2})(?![\d.])",
            # 80后, 95后, 00后: a generation, people born in those years (not 30后天, 3天后)
            r"(?P<gen>(?<![0-9.])(?:[5-9][05]|[01][05]))后(?![0-9天年月日周时点分秒个])|"
            # 90年代 (a decade); “10·5”惨案 (a date that names an event)
            # (its century written with digits before it, 20世纪80年代, is read from the century)
            r"(?P<dec_c>20世纪|21世纪|二十世纪|二十一世纪)?"
            r"(?P<dec>\d{2,4}|[二三四五六七八九]十|[二三四五六七八九]{2}(?=十年代))(?:十)?年代",
            r"(?P<named_m>\d{1,2})·(?P<named_d>\d{1,2})(?=[”\"」])",
            # 六四, 九一八, 双十一: a date named by its month and day (rules/calendar.yaml)
            rf"(?P<named_cn>{named})(?![0-9{CN_DIGITS}开分成比%])",
            # a year and month or day run together: 2017926日, 20159月 (malformed, reported later)
            r"(?P<bad>\d{5,8})(?P<bad_u>[日月])",
            # things with digits that are not claims
            r"(?P<clock>\d{1,2})(?:时|点钟|点半|点整|点许)(?:(?P<clock_mm>\d{1,2})分)?(?:许|左右)?",
            r"(?P<skip>\d{1,2}:\d{2}(?::\d{2})?|\d{3,4}-\d{7,8}|1[3-9]\d{9}|\d{13,})",
            r"(?P<plenum>[一二三四五六七八九十]+)中全会",
            # 一楼, 12楼: a floor (an ordinal without 第; not 楼盘, 楼层, 楼梯, and 两楼 are buildings)
            r"(?P<floor>(?<![0-9号])[1-9][0-9]?|(?<![一二三四五六七八九十两号])(?:十[一二三四五六七八九]?|[一二三四五六七八九]十?[一二三四五六七八九]?))楼(?![盘宇房市阁台道梯层])|"
            # 一等奖, 三等功: a prize or merit of the first, third class (an ordinal without 第)
            r"(?P<prize>[一二三四五六七八九十]|[1-9])等(?=奖|功)",
            # 三分之一, 2/3 written 三分之二 (a share; 百分之 is read as a prefix), 千分之五
            rf"(?P<frac_d>{AR}|{CN})分之(?P<frac_n>{AR}|{CN})",
            # 翻一番 (×2), 翻两番 (×4)
            r"(?:(?<=翻)|(?<=翻了))(?P<fan>[一两二三四五]|\d)番",
            # 二十大, 十九大: the party's national congress, named by its ordinal without 第
            r"(?P<cong>十[二三四五六七八九]|二十[一二]?)大(?![类项件型门批洲国赛奖学])",
            # 十四五: the 14th Five-Year Plan, named by its ordinal and 五 (十五 alone is fifteen)
            rf"(?P<plan>十[一二三四五])五(?=(?:{alternation(v.plan_words_zh)})|[”\"」』，。；、\s]|$)",
            # 十九届三中全会, 十三届全国人大: a numbered session without 第
            r"(?P<jie>[一二三四五六七八九十]+)届(?=[一二三四五六七八九十]+中全会|中央|全国人大|全国人民代表大会|全国政协|人大|政协)",
            # number expressions (the words before the numeral come from `prefix`)
            rf"(?:(?P<n_vscale>(?<=[数几上])[十百千万亿]+)"
            # 8万2千5百, 31万6千, 3亿5千万, 1万5 (a digit after a scale is the next place down)
            # (2万4801: four digits after 万 are its units)
            r"|(?P<n_mix>\d{1,4}(?:\.\d+)?[亿万千百](?:\d{1,4}[万千百十]|(?<=[千百十])[万亿])+(?:(?<=万)\d{4}|\d)?(?![0-9.])"
            r"|\d{1,4}[亿万千](?:(?<=万)\d{4}|\d)(?![0-9.万千百十亿]))"
            rf"|(?P<n_ar>{AR})(?:(?P<n_scale1>{SCALE})?(?:{RANGE_SEP})(?P<n_ar2>{AR}))?"
            rf"|(?P<n_cn>{CN})(?:(?:至|到)(?P<n_cn2>{CN})(?![月日号时点年]))?)"
            rf"(?P<n_mid>{mid}|几)?(?P<n_scale>{SCALE})?(?P<n_post>余|多)?"
            rf"(?:(?P<n_name>{names})|(?P<n_pct>%|‰)|(?P<n_pp>个?百分点)|(?P<n_cur>{currency})|(?P<n_ev>{everyday})"
            rf"|(?P<n_unit>{units})|(?P<n_deg>度)(?=[，。；、,;)）]|$)|(?P<n_time>{time_units})"
            # 两日, 数日: days (a date is never written with 两; 三日 may be the third of a month)
            rf"|(?<=[两数])(?P<n_days>日)"
            rf"|(?P<n_meas>{measures})|(?P<n_cheng>成)(?![为立功员果绩就本效交])"
            # 三大流星雨, 两大类: the N major … (rules/measure_words.yaml, zh_big)
            rf"|(?<=[{big['numerals']}])(?P<n_big>大)(?![{big['not_before']}])(?=[\u4e00-\u9fff])(?P<n_big_m>{measures})?)?"
            rf"(?P<n_after>{after_measure})?",
        ]))
        _GI.update({name: i - 1 for name, i in self.main.groupindex.items()})


_CN_NUMERALS = CN_DIGITS + CN_SCALES
# the index in ``m.groups()`` of each named group of the ``main`` pattern (filled as it is compiled;
# the numbering follows from the pattern's text alone, the vocabulary's words being escaped)
_GI: dict[str, int] = {}
_ONE = Decimal(1)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def extract(text: str, start: int = 0, end: int | None = None) -> list[RawClaim]:
    """Claims in ``text[start:end]`` (a Chinese paragraph of the normalised text)."""
    end = len(text) if end is None else end
    pat = _patterns()
    out: list[RawClaim] = []
    last = start
    urls = may_hold_urls(text, start, end)
    # (the patterns and sets tested at every numeral, looked up once per paragraph)
    idiom_chars, name_before, prefix_ends = pat.idiom_chars, pat.name_before, pat.prefix_ends
    prefix_search, main_match = pat.prefix.search, pat.main.match
    for a in _ANCHOR.finditer(text, start, end):
        p = a.start()
        if p < last:
            continue
        word = a.group()                       # (read once: it is tested many times below)
        if urls and in_url(text, p, start):
            continue
        # (_in_idiom and _mixed_financial are False at once for a numeral that starts no idiom
        # and holds no financial numeral, as nearly all do: their first tests, made here)
        if (text[p] in idiom_chars and _in_idiom(text, p, pat)) or (p > start and text[p - 1] in name_before) \
                or (not _FINANCIAL.isdisjoint(word) and _mixed_financial(word)):
            named = pat.named.match(text, p, end)     # 双十一 is a named date
            if named is not None:
                out.append(_named_date(text, named))
                last = named.end()
                continue
            last = a.end()                        # 三番五次, 第一时间, 双11: words, not numbers
            continue
        pre = (prefix_search(text, max(last, p - _PREFIX_WINDOW), p)
               if p > last and text[p - 1] in prefix_ends else None)
        kind = pre.lastgroup if pre else None
        claim = None
        a_end = a.end()
        after = text[a_end:a_end + 1]
        if after == "季" or (after == "个" and text[a_end + 1:a_end + 2] in ("半", "季")):
            claim = _quarter_or_half(text, p, a_end, end, max(last, start), pat)
            if claim is not None:
                out.append(claim)
                last = claim.end
                continue
        if word in ("近半", "过半", "半数") or (word == "一" and text.startswith("半", a_end)):
            claim = _half_share(text, p, end, pre if kind == "approx" else None)
            if claim is None and word != "一":
                last = a_end
                continue
        if claim is not None:
            pass
        elif len(word) == 1 and text.startswith("是", a_end) and word in _ENUM:
            claim = _enumeration(text, p, start, end)
            if claim is None:
                continue
        elif word == "双倍":                    # 双倍返还定金: twice over
            claim = RawClaim(p, a_end, "number", Interval.exact(Decimal(2)), unit="times")
        elif word == "几":
            claim = _several(text, p, start, end, pat)
        elif word == "半":
            claim = _half(text, p, end, pat)
        elif word[0] not in "0123456789首" and word[0] not in _CN_NUMERALS:
            m = pat.time_word.match(text, p, end)
            claim = _time_word(m) if m else None
        elif word == "首":
            m = pat.first.match(text, p, end)
            if m:
                claim = RawClaim(p, m.end(), "ordinal", Interval.exact(Decimal(1)))
        elif kind == "ord":
            claim = _ordinal(text, pat.ordinal.match(text, p, end), pre.start())
        elif kind == "pct":
            m = pat.percent.match(text, p, end)
            n = _num(m.group()) if m else None
            if n is not None:
                claim = RawClaim(pre.start(), m.end(), "percent", Interval.exact(n), unit="%")
            elif m is not None and (rng := _neighbours(m.group())) is not None:     # 百分之七八十
                claim = RawClaim(pre.start(), m.end(), "percent", Interval(None, *rng), unit="%", qualifier="range")
        elif text.startswith("百分之", p):         # read from the numeral that follows, as a prefix
            continue
        else:
            m = main_match(text, p, end)
            if m is not None:
                claim = _main(text, m, pre)
                if claim is None:      # read and rejected (一批, 11-10, a phone number): not a claim
                    last = m.end()
        if claim is not None:
            if claim.kind == "ordinal" and claim.unit not in ("plenary session", "congress"):
                claim.subject = subject_phrase.zh_ordinal_subject(text, claim.end, claim.start, start)
            out.append(claim)
            last = claim.end
    if len(out) > 1:
        out = _join_ranges(text, out)
    return _join_durations(text, out) if len(out) > 1 or (out and out[0].kind == "duration") else out


def _join_ranges(text: str, out: list[RawClaim]) -> list[RawClaim]:
    """几十到200, 几百至1000人: a vague amount to a figure is one range, from the vague amount's
    least value to the figure (the first takes the second's unit when it has none); 5%至7%,
    6倍至7倍, 3名至5名: two figures of one unit joined by 至 are one range."""
    joined: list[RawClaim] = []
    i = 0
    while i < len(out):
        c = out[i]
        n = out[i + 1] if i + 1 < len(out) else None
        if n is not None and c.unit == n.unit == "level" and c.value.is_exact and n.value.is_exact \
                and c.value.nominal < 0 < n.value.nominal and text[c.end:n.start] in _RANGE_GAP:
            joined.append(RawClaim(c.start, n.end, "number", Interval(None, c.value.nominal, n.value.nominal),
                                   unit="level", qualifier="range"))      # 负二层到9层: from basement 2 to floor 9
            i += 2
            continue
        if n is not None and c.unit is not None and (c.kind, c.unit) == (n.kind, n.unit) and c.kind in _RANGED \
                and c.qualifier is None and n.qualifier is None and text[c.end:n.start] in _RANGE_GAP \
                and isinstance(c.value, Interval) and isinstance(n.value, Interval) \
                and c.value.low is not None and n.value.nominal is not None and n.value.nominal > c.value.low:
            grew = "grew_by" in c.flags      # 增长6倍至7倍: both ends grew by (see _finish)
            high = n.value.nominal + 1 if grew and n.value.is_exact else n.value.high
            joined.append(RawClaim(c.start, n.end, c.kind, Interval(None, c.value.low, high), unit=c.unit,
                                   qualifier="range", subject=n.subject, flags=c.flags))
            i += 2
            continue
        if n is not None and c.qualifier == "several" and isinstance(c.value, Interval) and c.value.nominal is None \
                and c.value.low is not None and isinstance(n.value, Interval) and n.value.is_exact \
                and text[c.end:n.start] in _RANGE_GAP and n.value.nominal > c.value.low \
                and (c.unit is None and c.kind == "number" or (c.kind, c.unit) == (n.kind, n.unit)):
            joined.append(RawClaim(c.start, n.end, n.kind, Interval(None, c.value.low, n.value.nominal), unit=n.unit,
                                   qualifier="range", subject=n.subject))
            i += 2
            continue
        joined.append(c)
        i += 1
    return joined


_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_PLAIN_DIGITS = frozenset("一二两三四五六七八九十百千")


def _mixed_financial(run: str) -> bool:
    """伍一 (入伍一批), 拾 (收拾, 拾起): financial numerals are written whole (壹拾伍), never mixed
    with common ones nor as a bare 拾/佰/仟, so such a run is part of a word."""
    if _FINANCIAL.isdisjoint(run):
        return False
    return all(c in "拾佰仟" for c in run) or any(c in _PLAIN_DIGITS for c in run)


def _named_date(text: str, m: re.Match) -> RawClaim:
    """六四, 九一八事变, 双十一: a date named by its month and day, of no year of its own."""
    names = cal.calendar().named_dates_zh
    start = m.start() if m.group() in names else m.start() - 1      # 双 was looked behind for
    month, day = names[text[start:m.end()]]
    return make(start, m.end(), Stated(m=month, d=day), flags=("named",))


def _quarter_or_half(text: str, p: int, numeral_end: int, end: int, floor: int, pat: _Patterns) -> RawClaim | None:
    """一季度, 第一季度, 前三个季度 (a period of an unstated year: not the ordinal 第一), or 两个半小时
    (``p`` and ``numeral_end``: the numeral's span)."""
    if text.startswith("季", numeral_end) or text.startswith("个季", numeral_end):
        q = p - 1 if p > floor and text[p - 1] in "第前" else p
        m = pat.period.match(text, q, end) or (pat.period.match(text, p, end) if q != p else None)
        if m is not None:
            return cal.year_period(m.start(), m.end(), None, cal.calendar().periods["zh"][m.group()])
        return None
    m = pat.half_unit.match(text, p, end)
    n = _num(m.group("hu_n")) if m else None
    if n is None:
        return None
    unit = vocabulary().time_units["zh"]["个" + m.group("hu_u")]
    return RawClaim(p, m.end(), "duration", Interval.exact(n + Decimal("0.5")), unit=unit, flags=("compound",))


# 一是…，二是…，三是…: "first, …; second, …" — the points of an enumeration, each at the start of
# a clause; one alone (一是一，二是二 is an idiom) is no enumeration without its neighbour
_ENUM = "一二三四五六七八九十"
_CLAUSE_START = "，。；：,;:、\n 　（(！!"


def _enumeration(text: str, p: int, floor: int, end: int) -> RawClaim | None:
    if p > floor and text[p - 1] not in _CLAUSE_START:
        return None
    n = _ENUM.index(text[p]) + 1

    def stated(k: int, lo: int, hi: int) -> bool:
        word = _ENUM[k - 1] + "是"
        i = text.find(word, lo, hi)
        while i != -1:
            if (i == floor or text[i - 1] in _CLAUSE_START) and text[i + 2:i + 3] != word[0]:
                return True
            i = text.find(word, i + 1, hi)
        return False

    if text[p + 2:p + 3] == text[p]:                           # 一是一，二是二: as it is
        return None
    if n == 1 and not stated(2, p + 2, end) or n > 1 and not stated(n - 1, floor, p):
        return None
    return RawClaim(p, p + 2, "ordinal", Interval.exact(Decimal(n)))


# 第几, 星期几, 周几 (which one), 茶几 (a tea table), 寥寥无几 and 未几 (few left, soon after)
_NOT_SEVERAL_AFTER = frozenset("第周拜茶无未")
# a question after 几 asks for the number, unless another question word asks it (…几天，谁愿意？)
_QUESTION_WORD = re.compile(r"谁|什么|哪|吗|呢|怎|多少|为何|何时")


def _several(text: str, p: int, floor: int, end: int, pat: _Patterns) -> RawClaim | None:
    """几天, 几个月, 几个国家, 好几次: a few, 2 to 9 (as 几 before a scale: 几百 = 200..900). 几 in a
    question (几个人？, 几点) asks a number and states none."""
    if p > floor and text[p - 1] in _NOT_SEVERAL_AFTER or text.startswith("星期", p - 2):
        return None
    m = pat.several.match(text, p, end)
    if m is None or m.group("sv_m") == "点":
        return None
    stop = SENTENCE_END.search(text, m.end(), end)
    if stop is not None and stop.group() in "？?" and not _QUESTION_WORD.search(text, m.end(), stop.start()):
        return None
    v = vocabulary()
    w = v.approx["zh"]["vague"]["几"]
    value = Interval(None, Decimal(str(w.low)), Decimal(str(w.high)))
    if m.group("sv_t"):
        return RawClaim(p, m.end(), "duration", value, unit=v.time_units["zh"][m.group("sv_t")], qualifier=w.qualifier)
    meas = v.measures_zh[m.group("sv_m")]
    kind = "number" if meas.unit == "times" else "count"
    return RawClaim(p, m.end(), kind, value, unit=meas.unit, qualifier=w.qualifier,
                    subject=meas.subject or subject_phrase.zh_subject(text, m.end(), p))


def _half_share(text: str, p: int, end: int, pre: re.Match | None) -> RawClaim | None:
    """一半, 半数 (50 %), 近半 (nearly half), 过半 (more than half), 超过一半 (issue 12)."""
    m = _HALF_SHARE.match(text, p, end)
    if m is None:
        return None
    ap = vocabulary().approx["zh"]
    start, approx = p, None
    if m.group("hs_q"):
        approx = ap["before"]["近" if m.group("hs_q") == "近" else "超过"]
    elif pre is not None and not _false_prefix(text, pre.start(), pre.group()):
        approx, start = ap["before"][pre.group()], pre.start()
    value = interval(Decimal(50), approx)
    qualifier = approx.qualifier if approx else None
    if m.group("hs_after"):
        a = ap["after_measure"][m.group("hs_after")]
        value, qualifier = interval(Decimal(50), a), a.qualifier
    return RawClaim(start, m.end(), "percent", value, unit="%", qualifier=qualifier,
                    subject=subject_phrase.zh_subject(text, m.end(), start))


def _half(text: str, p: int, end: int, pat: _Patterns) -> RawClaim | None:
    """半年, 半个月, 半小时: half of a time unit (大半年, most of a year, says more than it).
    A half after a number (五年半) is read with the number."""
    if p > 0 and text[p - 1] in "大多上下个":
        return None
    m = pat.half.match(text, p, end)
    if m is None:
        return None
    units = vocabulary().time_units["zh"]
    unit = units.get(m.group("h_u")) or units.get("个" + m.group("h_u")) or units.get(m.group("h_u").lstrip("个"))
    if unit is None:
        return None
    if m.group("h_more"):                            # 半个多小时: more than half an hour
        return RawClaim(p, m.end(), "duration", Interval(Decimal("0.5"), Decimal("0.5"), Decimal(1)), unit=unit,
                        qualifier="more_than")
    return RawClaim(p, m.end(), "duration", Interval.exact(Decimal("0.5")), unit=unit)


def _join_durations(text: str, out: list[RawClaim]) -> list[RawClaim]:
    """Durations written in two parts read as one: 五年半, 一年零两个月, 4天6小时 (a compound),
    2周至6周 (a range), 2年以上5年以下 (two bounds)."""
    joined: list[RawClaim] = []
    i = 0
    while i < len(out):
        c = out[i]
        if c.kind != "duration" or "anniversary" in c.flags:
            joined.append(c)
            i += 1
            continue
        if c.value.is_exact and text[c.end:c.end + 1] == "半" and text[c.end + 1:c.end + 2] not in ("年", "月", "个", "天"):
            c = cal.plus_half(c, c.end + 1)                 # 五年半, 一天半 (not 三年半年)
        n = out[i + 1] if i + 1 < len(out) else None
        if n is not None and n.kind == "duration" and "anniversary" not in n.flags:
            gap = text[c.end:n.start]
            one = None
            if gap in ("", "零") and n.value.is_exact and c.value.is_exact:
                one = cal.compound(c, n, n.end)              # 4天6小时, not 7天24小时 (around the clock)
            elif gap in _RANGE_GAP and c.value.is_exact and n.value.is_exact:
                one = cal.between(c, n, c.start, n.end)      # 2周至6周
            elif gap in ("", "、") and c.qualifier in ("at_least", "more_than") \
                    and n.qualifier in ("at_most", "less_than"):
                one = cal.between(c, n, c.start, n.end)      # 2年以上5年以下
            if one is not None:
                joined.append(one)
                i += 2
                continue
        joined.append(c)
        i += 1
    return joined


_RANGE_GAP = frozenset(RANGE_SEP.split("|"))
_RANGED = frozenset({"number", "count", "percent", "money", "quantity"})   # (durations are joined by calendar)


def _in_idiom(text: str, p: int, pat: _Patterns) -> bool:
    """Whether the numeral at ``p`` is part of an idiom (checked only near numeral characters)."""
    if text[p] not in pat.idiom_chars:
        return False
    w = pat.idiom_len                              # (七大姑八大姨: six characters)
    return any(i.start() <= p < i.end() for i in pat.idioms.finditer(text, max(0, p - w + 1), p + w))


def _main(text: str, m: re.Match, pre: re.Match | None) -> RawClaim | None:
    g = m.groups()             # (its groups read by number, _GI: a tenth of the time of m.group(name))
    kind = pre.lastgroup if pre else None
    if g[_GI["n_ar"]] is not None or g[_GI["n_cn"]] is not None:
        # the most common match, a number in digits or in Chinese numerals, is none of the forms
        # below (each is an alternative of the pattern of its own): straight to it
        return _expression(text, m, pre, kind, g)
    if g[_GI["d_m"]] is not None or g[_GI["d_iso"]] is not None:
        return _date(m, pre.group() if kind == "rel" else None, pre.start() if kind == "rel" else m.start(), g)
    if g[_GI["d_pd"]] is not None:
        return make_day(m.start(), m.end(), int(g[_GI["d_pd"]]))
    if g[_GI["yr1"]] is not None or g[_GI["yr1b"]] is not None or g[_GI["yr1c"]] is not None:
        y1 = int(g[_GI["yr1"]] or g[_GI["yr1b"]] or g[_GI["yr1c"]])
        y2 = int(g[_GI["yr2"]] or g[_GI["yr2b"]] or g[_GI["yr2c"]])
        if y2 <= y1:
            return None
        return make(pre.start() if kind == "rel" else m.start(), m.end(), Stated(y1, is_range=True, y2=y2))
    if g[_GI["clock"]] is not None:
        hh, mm = int(g[_GI["clock"]]), int(g[_GI["clock_mm"]] or 0)
        if hh > 24 or mm > 59:
            return None
        return make(m.start(), m.end(), Stated(), flags=(f"time:{hh:02d}:{mm:02d}",))
    if g[_GI["d_day"]] is not None:
        if m.group().endswith("号") and (text[m.end():m.end() + 1] in CLOSE_QUOTES
                                         or _name_after_hao().match(text, m.end())):
            return None                   # 5号区域, “…1095天1号”: the number of a thing, not a day
        if m.group().endswith("日") and (_DAYS_BEFORE.search(text, max(0, m.start() - 3), m.start())
                                         or _DAYS_AFTER.match(text, m.end())):
            # 已经3日没有回复, 3日内: a number of days, not a day of the month
            return RawClaim(m.start(), m.end(), "duration", Interval.exact(Decimal(g[_GI["d_day"]])), unit="day")
        return make_day(m.start(), m.end(), int(g[_GI["d_day"]]))
    if g[_GI["dec"]] is not None:
        return _decade(m, pre if kind == "cent" else None)
    if g[_GI["gen"]] is not None:                   # 95后: born 1995–1999; 00后: 2000–2009
        from datetime import date
        y = int(g[_GI["gen"]])
        first = (2000 if y < 50 else 1900) + y
        last = first - first % 10 + 9
        return RawClaim(m.start(), m.end(), "date_range",
                        DateValue(date(first, 1, 1).isoformat(), date(last, 12, 31).isoformat(), first),
                        flags=("decade", "generation"))     # (a span of birth years, no as-of date)
    if g[_GI["named_cn"]] is not None:
        return _named_date(text, m)
    if g[_GI["named_m"]] is not None:
        if m.start() == 0 or text[m.start() - 1] not in "“\"「":
            return None
        return make(m.start(), m.end(), Stated(m=int(g[_GI["named_m"]]), d=int(g[_GI["named_d"]])),
                    flags=("named",))
    if g[_GI["bad"]] is not None:
        return _malformed(m)
    if g[_GI["skip"]] is not None:
        return None
    if g[_GI["plenum"]] is not None:
        n = parse_chinese(g[_GI["plenum"]])
        return None if n is None else RawClaim(m.start(), m.end(), "ordinal", Interval.exact(n),
                                               unit="plenary session")
    if g[_GI["floor"]] is not None:
        n = _num(g[_GI["floor"]])
        return None if n is None else RawClaim(m.start(), m.end(), "ordinal", Interval.exact(n), unit="floor")
    if g[_GI["prize"]] is not None:
        return RawClaim(m.start(), m.end() + 1, "ordinal", Interval.exact(_num(g[_GI["prize"]])),
                        subject=text[m.end():m.end() + 1])
    if g[_GI["frac_d"]] is not None:                # 三分之一 = 33.3 %
        d, n = _num(g[_GI["frac_d"]]), _num(g[_GI["frac_n"]])
        if not d or n is None or d == 100:
            return None
        start, approx = m.start(), None
        if kind == "approx" and not _false_prefix(text, pre.start(), pre.group()):
            approx, start = vocabulary().approx["zh"]["before"][pre.group()], pre.start()
        x = n * 100 / d
        value = interval(x, approx)
        if approx is None and x != x.quantize(Decimal("0.01")):
            # 三分之一 = 33.33… %: a translation may round it (33%, 33.3%, 34%)
            value = Interval(x, x.to_integral_value(rounding="ROUND_FLOOR"), x.to_integral_value(rounding="ROUND_CEILING"))
        return RawClaim(start, m.end(), "percent", value, unit="%",
                        qualifier=approx.qualifier if approx else None,
                        subject=subject_phrase.zh_subject(text, m.end(), start))
    if g[_GI["fan"]] is not None:                   # 翻两番 = ×4
        n = _num(g[_GI["fan"]])
        back = 2 if text[m.start() - 1] == "了" else 1          # 翻了一番
        return None if n is None else RawClaim(m.start() - back, m.end(), "number",
                                               Interval.exact(Decimal(2) ** int(n)), unit="times")
    if g[_GI["cong"]] is not None:                  # 二十大
        n = parse_chinese(g[_GI["cong"]])
        return None if n is None else RawClaim(m.start(), m.end(), "ordinal", Interval.exact(n), unit="congress",
                                               subject="党代会")
    if g[_GI["plan"]] is not None:                  # 十四五
        n = parse_chinese(g[_GI["plan"]])
        return None if n is None else RawClaim(m.start(), m.end(), "ordinal", Interval.exact(n), subject="五年规划")
    if g[_GI["jie"]] is not None:                   # 十九届三中全会
        n = parse_chinese(g[_GI["jie"]])
        return None if n is None else RawClaim(m.start(), m.end(), "ordinal", Interval.exact(n), unit="session")
    return _expression(text, m, pre, kind, g)


def _expression(text: str, m: re.Match, pre: re.Match | None, kind: str | None, g: tuple) -> RawClaim | None:
    """The number expression ``m`` (its numeral, scale and unit, ``g`` its groups), with the word ``pre`` before it."""
    if g[_GI["n_vscale"]] is not None and kind != "vague":
        return None
    if kind == "neg":
        return _negative(text, m, pre, g)
    return _number(text, m, pre if kind in ("approx", "vague") else None, g)


# two scales are a number even with nothing after them: 千亿茶产业 (a 100-billion tea industry)
_SCALES_ALONE = frozenset({"百万", "百亿", "千亿", "万亿"})
_BARE = frozenset("百千万亿")


def approx_word(pre: re.Match | None) -> bool:
    return pre is not None and pre.lastgroup in ("approx", "vague")


def _bare_scale_counts(text: str, m: re.Match, cn: str, v, g: tuple) -> bool:
    """千元, 万名, 百年, 千余人, 千万元, 千亿: a scale with no digit before it that counts (the words
    it may count: rules/measure_words.yaml). 万物, 百姓, 千万 (by all means), 千米 (the unit
    kilometre, as in 每千米) are words."""
    p = m.start()
    if p > 0 and text[p - 1] == "以":
        return False                                 # 数以百万计, 以万计: by the million, no figure
    if text[p + 2:p + 3] in _BARE or (p >= 2 and text[p - 2] in _BARE):
        return False          # 千家万户, 千军万马, 百班千人: two scales in four characters are a set phrase
    if cn in _SCALES_ALONE:
        return True
    if g[_GI["n_mid"]] not in (None, "余", "多"):
        return False
    if g[_GI["n_cur"]] or g[_GI["n_ev"]]:
        return cn in ("百", "千", "万", "亿", "千万")
    if len(cn) != 1:
        return False
    if g[_GI["n_unit"]]:
        return text[m.start():m.end("n_unit")] not in v.units["zh"]
    word = g[_GI["n_meas"]] or g[_GI["n_time"]]
    return word is not None and cn in v.after_bare_scale_zh.get(word, "")


def _negative(text: str, m: re.Match, pre: re.Match, g: tuple) -> RawClaim | None:
    """负3.5亿元, 零下12摄氏度, -2.3%: a signed amount, percentage, point change or temperature
    (a sign before a count or a bare number is a list marker or an ID, not a value)."""
    word = pre.group()
    before = text[pre.start() - 1] if pre.start() > 0 else ""
    if word == "负" and before in _NEG_NOT_AFTER or word in "-－−" and (
            before in _HYPHEN_NOT_AFTER or before in ("", "\n", "\r") or before.isascii() and before.isalnum()):
        # (a hyphen that opens a line is a list marker)
        return _number(text, m, None, g)      # 正负0.5% (±), 编号-12: no sign, the number as it is
    if word == "负" and g[_GI["n_meas"]] == "层" and not (g[_GI["n_mid"]] or g[_GI["n_post"]] or g[_GI["n_scale"]]
                                                          or g[_GI["n_after"]]):
        n = _num(g[_GI["n_ar"]] or g[_GI["n_cn"]] or "")
        if n is None or not 0 < n < 10:
            return None
        return RawClaim(pre.start(), m.end(), "number", Interval.exact(-n), unit="level")   # 负二层: basement 2
    if not (g[_GI["n_pct"]] or g[_GI["n_pp"]] or g[_GI["n_cur"]] or g[_GI["n_unit"]] or g[_GI["n_deg"]]):
        return None
    if word == "下" and not (g[_GI["n_unit"]] or g[_GI["n_deg"]]):
        return None
    claim = _number(text, m, None, g, signed=True)
    if claim is None or claim.kind not in ("percent", "money", "quantity"):
        return None
    claim.start = pre.start() - (1 if word == "下" else 0)
    if claim.kind == "quantity":
        claim.subject = subject_phrase.zh_subject(text, claim.end, claim.start)
    claim.value = Interval(*(None if x is None else -x for x in (claim.value.nominal, claim.value.high, claim.value.low)))
    return claim


def _time_word(m: re.Match) -> RawClaim:
    if m.group("t_wd") is not None:
        wd2 = m.group("t_wd2")
        return make(m.start(), m.end(), Stated(weekday=_WEEKDAY[m.group("t_wd")],
                                              weekday2=_WEEKDAY[wd2] if wd2 else None), flags=("weekday",))
    if m.group("t_half") is not None:                # 上半年: of an unstated year
        return cal.year_period(m.start(), m.end(), None, cal.calendar().periods["zh"][m.group("t_half")])
    if m.group("t_period") is not None or m.group("t_part") is not None:     # 今年上半年, 去年四季度, 去年底
        cv = cal.calendar()
        months = cv.periods["zh"][m.group("t_period")] if m.group("t_period") else cv.year_parts["zh"][m.group("t_part")]
        return cal.year_period(m.start(), m.end(), None, months, rel=_REL[m.group("t_year")],
                               flag="period" if m.group("t_period") else "year_part")
    word = m.group("t_year") or m.group("t_day") or m.group("t_month") or m.group("t_week")
    wd = m.group("t_wd1")
    # 次日, 次月: the day or month after the date before it, not after the document's
    following = ("following",) if word in _FOLLOWING else ()
    return make(m.start(), m.end(), Stated(rel=_REL[word], weekday=_WEEKDAY[wd] if wd else None),
                flags=("relative",) + (("weekday",) if wd else ()) + following)


_FOLLOWING = frozenset({"次日", "次月"})


def _ordinal(text: str, m: re.Match | None, start: int) -> RawClaim | None:
    if m is None:
        return None
    n = _num(m.group("o_num"))
    if n is None or is_name_context(text, start, m.end()):
        return None
    meas = m.group("o_m")
    unit = vocabulary().measures_zh[meas].unit if meas else None
    return RawClaim(start, m.end(), "ordinal", Interval.exact(n), unit=unit)


def _num(s: str) -> Decimal | None:
    """An Arabic or a Chinese numeral."""
    return parse_arabic(s) if s[:1].isdigit() else parse_chinese(s)


def _number(text: str, m: re.Match, pre: re.Match | None, g: tuple, signed: bool = False) -> RawClaim | None:
    """A number expression; ``pre`` is the approximation or vague word before it, if any (``g``: the
    groups of ``m``)."""
    v = vocabulary()
    ap = v.approx["zh"]
    ar, cn, mix = g[_GI["n_ar"]], g[_GI["n_cn"]], g[_GI["n_mix"]]
    if g[_GI["n_name"]] is not None:
        return None
    deg = g[_GI["n_deg"]]
    if deg and not (signed or _temperature_said(text, m.start())):
        return None                        # 3度夺冠, 30度角: a temperature only after 气温/温度/体温
    tail = g[_GI["n_pct"]] or g[_GI["n_cur"]] or g[_GI["n_unit"]] or g[_GI["n_time"]] or g[_GI["n_days"]] \
        or g[_GI["n_meas"]] or g[_GI["n_cheng"]] or g[_GI["n_pp"]] or g[_GI["n_ev"]] or deg or g[_GI["n_big"]]
    if g[_GI["n_big"]] and not (cn is not None and len(cn) == 1 and not approx_word(pre)
                                 and not (g[_GI["n_mid"]] or g[_GI["n_scale"]] or g[_GI["n_post"]])):
        return None                        # 三大 only as a bare numeral: not 30大, 三十大, 近三大
    if g[_GI["n_ev"]] and cn == "一" and not g[_GI["n_ev"]].endswith("钱"):
        return None                        # 一块 (together, a piece), 一毛不拔
    if mix is not None:
        ar = mix
    start = m.start()
    approx = None
    if pre is not None and pre.lastgroup == "approx" and not _false_prefix(text, pre.start(), pre.group()):
        approx, start = ap["before"][pre.group()], pre.start()

    if g[_GI["n_vscale"]] is not None:
        word = pre.group()
        scale = Decimal(scale_of(g[_GI["n_vscale"]]))
        value = vague(scale, ap["vague"][word])
        qualifier = ap["vague"][word].qualifier
        start = pre.start()
        base = None
    else:
        if cn is not None:
            # A bare scale (万人, 千变万化) or a lone 一 (一批, 一道: the article) is a word, not a
            # count, unless an approximation (逾百次) or a unit/time word says otherwise.
            bare_scale = not cn.strip("百千万亿")     # 十万 and 十亿 are numbers, 千万 an adverb
            if bare_scale and approx is None and not _bare_scale_counts(text, m, cn, v, g):
                return None
            # (一级 is the first grade, 一级响应: not after 上/下/同/每, the level above, below …)
            first_grade = g[_GI["n_meas"]] == "级" and (m.start() == 0 or text[m.start() - 1] not in "上下同每这那逐")
            if cn == "二" and g[_GI["n_meas"]] == "次":
                return None                  # 二次油, 二次元, 二次感染: secondary (twice is 两次)
            if cn == "一" and not (g[_GI["n_unit"]] or g[_GI["n_time"]] or g[_GI["n_pct"]] or g[_GI["n_cheng"]]
                                  or g[_GI["n_pp"]] or g[_GI["n_meas"]] == "倍" or first_grade
                                  or (g[_GI["n_ev"]] or "").endswith("钱")):
                return None
            if not tail and approx is None and not g[_GI["n_mid"]] and cn not in _SCALES_ALONE:
                return None
        base = _mixed(mix) if mix is not None else _num(ar or cn)
        if g[_GI["n_cn2"]] is not None and base is not None:     # 三至五万元, 两到三成
            hi2 = parse_chinese(g[_GI["n_cn2"]])
            sc2 = Decimal(scale_of(g[_GI["n_scale"]])) if g[_GI["n_scale"]] else Decimal(1)
            if hi2 is None or not tail or g[_GI["n_mid"]] or g[_GI["n_post"]] or hi2 * sc2 <= base * sc2:
                return None
            lo2 = base * sc2 * _borrowed_scale(g[_GI["n_cn"]], g[_GI["n_cn2"]])
            return _finish(text, m, start, Interval(None, lo2, hi2 * sc2), "range", v, ap, g=g)
        if base is None and cn is not None and tail and not g[_GI["n_mid"]] and not g[_GI["n_post"]]:
            # 三万五六千元, 七八十名, 三四百: two neighbouring digits before the last scale
            rng = _neighbours(cn)
            if rng is None:
                return None
            lo, hi = rng
            sc = Decimal(scale_of(g[_GI["n_scale"]])) if g[_GI["n_scale"]] else Decimal(1)
            m_rng = Interval(None, lo * sc, hi * sc)
            return _finish(text, m, start, m_rng, "range", v, ap, g=g)
        if base is None:
            return None
        if ar is not None and not g[_GI["n_unit"]] and is_name_context(text, start, m.end()):
            return None
        value = None
        qualifier = approx.qualifier if approx else None

    mid, post = g[_GI["n_mid"]], g[_GI["n_post"]]
    scale_word = g[_GI["n_scale"]]
    scale = Decimal(scale_of(scale_word)) if scale_word else _ONE
    if base is not None:
        if mid == "几" and cn is not None:          # 十几, 二十几: the teens of a tens numeral
            t = ap["teens"]["几"]
            value = Interval(None, (base + Decimal(str(t.low))) * scale, (base + Decimal(str(t.high))) * scale)
            qualifier = t.qualifier
        else:
            n = base * scale
            word = mid or post
            if word and word in ap["after_number"]:
                a = ap["after_number"][word]
                # 20余万: the place of 20 (tens) scaled by 万 → [200000, 300000]
                value = interval(base, a)
                value = Interval(n, value.low * scale if value.low is not None else None,
                                 value.high * scale if value.high is not None else None)
                qualifier = a.qualifier
            else:
                value = interval(n, approx)
        if g[_GI["n_ar2"]] is not None:             # 3至5名, 10-20人, 86万到120万人, 3至5万元
            hi = parse_arabic(g[_GI["n_ar2"]])
            first = Decimal(scale_of(g[_GI["n_scale1"]])) if g[_GI["n_scale1"]] else scale
            if g[_GI["n_scale1"]] and not scale_word:
                return None                          # 5万至6: the scale of the second is unknown
            # (with no counter after it, only a scale makes it a range of figures: 1200万至1400万; a
            # bare 3-5 may be a score or a code)
            if hi is None or hi * scale <= base * first or not (tail or scale_word):
                return None
            value = Interval(None, base * first, hi * scale)
            qualifier = "range"
        elif cn is not None and len(cn) == 2 and tail and not mid and not post and (pair := _consecutive(cn)):
            lo, hi = pair                # 三四天, 两三个月, 一两年: three or four days
            value = Interval(None, lo * scale, hi * scale)
            qualifier = "range"

    return _finish(text, m, start, value, qualifier, v, ap, ar=ar, cn=cn, base=base, scale_word=scale_word, g=g)


def _finish(text: str, m: re.Match, start: int, value: Interval, qualifier, v, ap, ar=None, cn=None,
            base=None, scale_word=None, *, g: tuple) -> RawClaim | None:
    """The claim of a number expression whose value is read: what its tail says it counts (``g``:
    the groups of ``m``)."""
    end = m.end()
    after = g[_GI["n_after"]]
    if after:
        a = ap["after_measure"][after]
        if value.nominal is not None:
            value = interval(value.nominal, a)
        qualifier = a.qualifier

    kind, unit, subject, flags = "number", None, None, ()
    if g[_GI["n_pct"]] is not None:
        kind, unit = "percent", "%" if g[_GI["n_pct"]] == "%" else "‰"
    elif g[_GI["n_pp"]] is not None:                # 3.3个百分点: never equal to %
        kind, unit = "percent", "percentage_point"
    elif g[_GI["n_deg"]] is not None:               # 气温零下5度
        kind, unit = "quantity", canonical("degree_Celsius")
        subject = subject_phrase.zh_subject(text, m.end(), start)
    elif g[_GI["n_ev"]] is not None:                # 90块钱, 两毛
        k = Decimal(v.currencies["zh"]["everyday"][g[_GI["n_ev"]]])
        kind, unit, value = "money", "CNY", _scaled(value, k)
        if k == 1 and not after and value.is_exact:
            value, end = _plus_jiao(text, end, value)
    elif g[_GI["n_cheng"]] is not None:             # 三成 = 30 %
        if value.nominal is not None and value.nominal > 10:
            return None
        kind, unit = "percent", "%"
        value = _scaled(value, Decimal(10))
    elif g[_GI["n_cur"]] is not None:
        kind, unit = "money", v.currencies["zh"]["after"][g[_GI["n_cur"]]]
        if unit == "CNY" and g[_GI["n_cur"]] == "元" and not after and value.is_exact:
            value, end = _plus_jiao(text, end, value, need_word=True)      # 26元5角
    elif g[_GI["n_unit"]] is not None:
        kind, unit = "quantity", canonical(v.units["zh"][g[_GI["n_unit"]]])
        subject = subject_phrase.zh_subject(text, m.end(), start)
    elif g[_GI["n_time"]] is not None:
        word = g[_GI["n_time"]]
        words, cue_before, cue_after = cal.calendar().duration_cues_zh
        if text[start:m.end()] in words and not (text.startswith(cue_after, m.end()) or text.endswith(cue_before, 0, start)):
            return None                  # 车身四周: all around, not four weeks
        if word == "年" and text.startswith("级", m.end()):
            return None                  # 二年级: a school grade ("Grade 2"), not two years
        if word == "年" and base is not None and _is_year(ar, cn, base, scale_word, value):
            if text.startswith("以来", m.end()) or text.startswith("来", m.end()):   # 2020年以来
                return make(start, m.end() + (2 if text.startswith("以来", m.end()) else 1),
                            Stated(int(base), since=True), flags=("since",))
            if text[m.end():m.end() + 1] in ("底", "末"):                          # 2021年底
                return make(start, m.end() + 1, Stated(int(base), 12), flags=("year_end",))
            p = _patterns().year_period.match(text, m.end())                    # 2023年前三季度, 2023年初
            if p is not None:
                cv = cal.calendar()
                if p.group("yp_period"):
                    return cal.year_period(start, p.end(), int(base), cv.periods["zh"][p.group("yp_period")])
                return cal.year_period(start, p.end(), int(base), cv.year_parts["zh"][p.group("yp_part")],
                                       flag="year_part")
            return RawClaim(start, m.end(), "year", Interval.exact(base))
        if word == "年" and qualifier is not None and ar is not None and len(ar) == 4 and base % 100 \
                and 1000 <= base <= 2199 and _is_year(ar, cn, base, scale_word, Interval.exact(base)):
            # 接近2003年邻国伊朗地震: a year after a verb (接近, "approaching"), not nearly 2003 years
            # (a round 近2000年 may be a length of time)
            return RawClaim(m.start(), m.end(), "year", Interval.exact(base))
        if word == "世纪" and value.is_exact and qualifier is None and 1 <= value.nominal <= 22 \
                and value.nominal == int(value.nominal) and not after \
                and (ar is not None or "十" in (cn or "")) and not text.endswith("公元前", 0, start):
            # (三世纪 alone is as often three centuries; 公元前5世纪 is BC, not 401–500)
            # 18世纪: the 18th century, 1701–1800 (a length of centuries is 两个世纪, with 个)
            n = int(value.nominal)
            return make(start, m.end(), Stated((n - 1) * 100 + 1, is_range=True, y2=n * 100),
                        flags=("decade", "century"))
        if word == "世纪" and qualifier in (None, "range") and value.nominal is None and not after \
                and value.low is not None and value.high is not None and value.low == int(value.low) \
                and value.high == int(value.high) and 1 <= value.low < value.high <= 22 \
                and not text.endswith("公元前", 0, start):
            # 17-18世纪, 17至18世纪: the 17th to the 18th century, 1601–1800, as "17th-18th century" is
            return make(start, m.end(), Stated((int(value.low) - 1) * 100 + 1, is_range=True, y2=int(value.high) * 100),
                        flags=("decade", "century"))
        kind, unit = "duration", v.time_units["zh"][word]
        if "多" in word and value.is_exact:                     # 十一个多月
            value, qualifier = interval(value.nominal, ap["after_number"]["多"]), "more_than"
        ago = 2 if text.startswith("以前", m.end()) else 1 if text.startswith("前", m.end()) \
            and not text.startswith("前后", m.end()) else 0
        if ago and value.is_exact and unit in ("year", "month", "week", "day"):       # 15年前
            return make(start, m.end() + ago, Stated(ago=(unit, int(value.nominal))), flags=("relative",))
        if word == "周年":
            flags = ("anniversary",)
    elif g[_GI["n_days"]] is not None:              # 两日
        kind, unit = "duration", "day"
        if start > 0 and text[start - 1] in "日号":
            flags = ("restates",)                    # 21日、22日两日: the days just named, counted
    elif g[_GI["n_big"]] is not None:               # 三大流星雨, 两大类
        meas = v.measures_zh.get(g[_GI["n_big_m"]] or "")
        kind, unit = "count", meas.unit if meas else None
        subject = (meas.subject if meas else None) or subject_phrase.zh_subject(text, m.end(), start)
    elif g[_GI["n_meas"]] is not None:
        meas = v.measures_zh[g[_GI["n_meas"]]]
        kind, unit = "count", meas.unit
        subject = meas.subject or subject_phrase.zh_subject(text, m.end(), start)
        if unit == "times":                          # 两倍: a multiple is a number (CONTRACT)
            kind = "number"
            if text.startswith("半", end) and value.is_exact and not after:      # 一倍半: ×1.5
                value, end = Interval.exact(value.nominal + Decimal("0.5")), end + 1
                subject = subject_phrase.zh_subject(text, end, start)
            if _GREW_BY.search(text, max(0, start - 4), start) and value.is_exact:
                # 增长了1倍: grew by itself, ×2 — but writers and translators as often mean the
                # multiple itself (增长19倍 ↔ "a 19-fold increase"): both readings hold
                value = Interval(value.nominal + 1, value.nominal, value.nominal + 1)
                flags = flags + ("grew_by",)
    if kind == "number" and unit is None and ar is not None and (sign := _patterns().sign_before.search(text, max(0, start - 4), start)):
        # 买够 $100、$200, 售价￥100: an amount written with a currency sign, as English writes it
        unit = v.currencies["zh"]["signs"][sign.group(1)]
        kind, start = "money", sign.start(1)
        flags = flags + (("bare_dollar",) if sign.group(1) in v.bare_dollars else ())
        pre = _patterns().prefix.search(text, max(0, start - 6), start)
        if pre is not None and pre.lastgroup == "approx" and qualifier is None and value.is_exact \
                and not _false_prefix(text, pre.start(), pre.group()):
            a = ap["before"][pre.group()]          # 约$100, 超过￥200: the approximation before the sign
            value, qualifier, start = interval(value.nominal, a), a.qualifier, pre.start()
    # (by position, in RawClaim's order of fields: half the time of keywords)
    return RawClaim(start, end, kind, value, unit, qualifier, subject, flags)


# 增长了1倍 (grew by one times itself) is ×2; 是去年的2倍 is ×2
_GREW_BY = re.compile(r"(?:增长|增加|提高|上升|上涨|扩大)了?\Z")
_TEMP_CONTEXT = re.compile(r"气温|温度|体温|高温|低温|室温|水温|降温|升温|最高|最低|零下")


def _temperature_said(text: str, p: int) -> bool:
    """气温/体温… earlier in the clause that holds the number at ``p`` (not 体温38度，角度30度)."""
    lo = max(0, p - 12)
    for i in range(p - 1, lo - 1, -1):
        if text[i] in "，。；！？,;!?\n":
            lo = i + 1
            break
    return _TEMP_CONTEXT.search(text, lo, p) is not None


def _plus_jiao(text: str, end: int, value: Interval, need_word: bool = False) -> tuple[Interval, int]:
    """3块5, 26元5角: the tenths of a yuan that follow the yuan."""
    j = _JIAO.match(text, end)
    if j is None:
        return value, end
    if j.group("zheng"):                             # 元整: exactly
        return value, j.end()
    if j.group("f2"):                                # 元零伍分
        d = _num(j.group("f2"))
        return (value, end) if not d else (Interval.exact(value.nominal + d / 100), j.end())
    if need_word and not j.group("j_w"):
        return value, end
    d = _num(j.group("j"))
    if d is None or (d == 0 and not j.group("f")):
        return value, end
    cents = _num(j.group("f")) if j.group("f") and j.group("j_w") else None
    if cents is not None:
        return Interval.exact(value.nominal + d / 10 + cents / 100), j.end()
    end_j = j.start("f") if j.group("f") else j.end()
    return Interval.exact(value.nominal + d / 10), end_j


def _borrowed_scale(first: str, second: str) -> Decimal:
    """三至五万: a first member with no scale of its own takes the last one's trailing 百/千/万/亿
    (五到十天 keeps 5: 十 is a numeral there, not a scale)."""
    if any(c in "十百千万亿拾佰仟" for c in first):
        return Decimal(1)
    i = len(second)
    while i > 0 and second[i - 1] in "百千万亿佰仟":
        i -= 1
    return Decimal(scale_of(second[i:])) if 0 < i < len(second) else Decimal(1)


def _mixed(s: str) -> Decimal | None:
    """8万2千5百 → 82500, 3亿5千万 → 350000000, 1万5 → 15000: digits, each followed by its scale
    (a last digit with no scale is the place below the scale before it); scales must fall."""
    total, section = Decimal(0), Decimal(0)
    big = small = None                               # the last 万/亿 and the last 千/百/十 seen
    last = None
    for num, sc in _MIX_PART.findall(s):
        if not num and not sc:
            continue
        n = Decimal(num) if num else None
        if sc in ("万", "亿"):
            v = SCALE_VALUE[sc]
            if big is not None and v >= big:
                return None
            section += n if n is not None else 0
            if section == 0:
                return None
            total += section * v
            section, big, small, last = Decimal(0), v, None, v
        elif sc:
            v = SCALE_VALUE[sc]
            if n is None or (small is not None and v >= small):
                return None
            section += n * v
            small = last = v
        elif len(num) == 4 and last == 10**4:       # 2万4801
            section += n
        else:                                        # 1万5, 3千5: the next place down
            down = {10**8: 10**7, 10**4: 1000, 1000: 100, 100: 10}.get(last)
            if down is None or n is None or len(num) != 1:
                return None
            section += n * down
    return total + section


_MIX_PART = re.compile(r"(\d*(?:\.\d+)?)([亿万千百十]?)")


def _neighbours(cn: str) -> tuple[Decimal, Decimal] | None:
    """三万五六千 → (35000, 36000), 七八十 → (70, 80), 三四百 → (300, 400), 二三十万 → (200000,
    300000): two neighbouring digits before a scale, after a whole numeral of a larger scale."""
    for i in range(len(cn) - 1):
        a, b = _SMALL_DIGITS.get(cn[i]), _SMALL_DIGITS.get(cn[i + 1])
        if a is None or b is None or b != a + 1:
            continue
        head, tail = cn[:i], cn[i + 2:]
        if tail and not all(c in "十百千万亿" for c in tail):
            return None
        sc = Decimal(scale_of(tail)) if tail else Decimal(1)
        if head:
            h = parse_chinese(head)
            if h is None or head[-1] not in "万亿" or scale_of(head[-1]) <= sc:
                return None
        elif not tail:
            return None                              # 三四 alone is read by _consecutive
        else:
            h = Decimal(0)
        return h + a * sc, h + b * sc
    return None


_SMALL_DIGITS = {c: Decimal(i) for i, c in enumerate("一二三四五六七八九", 1)} | {"两": Decimal(2)}


def _consecutive(cn: str) -> tuple[Decimal, Decimal] | None:
    """Two numeral characters one apart (三四, 两三, 一两) name a small range, not 34."""
    a, b = _SMALL_DIGITS.get(cn[0]), _SMALL_DIGITS.get(cn[1])
    return (a, b) if a is not None and b is not None and b == a + 1 else None


def _scaled(value: Interval, k: Decimal) -> Interval:
    return Interval(*(None if x is None else x * k for x in (value.nominal, value.low, value.high)))


def _is_year(ar, cn, base: Decimal, scale_word, value: Interval) -> bool:
    if scale_word or not value.is_exact or base != base.to_integral_value():
        return False
    if ar is not None:
        return len(ar) == 4 and 1000 <= base <= 2199
    return cn is not None and len(cn) == 4 and all(c in "〇零一二三四五六七八九" for c in cn)


_FALSE_PREFIX = {"近": "最附临邻将接", "约": "条公契预节制", "超": "高赶", "逾": ""}


def _false_prefix(text: str, pos: int, word: str) -> bool:
    """近 in 最近 (recently) or 约 in 条约 (treaty) is part of another word, not an approximation."""
    return pos > 0 and text[pos - 1] in _FALSE_PREFIX.get(word, "")


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    if s.isdigit():
        return int(s)
    n = parse_chinese(s)
    return int(n) if n is not None else None


def _date(m: re.Match, rel: str | None, start: int, g: tuple) -> RawClaim | None:
    """A date as stated (``rel``: 今年/去年… before it); resolution against the document date is
    issue #3's work. None when a month is not 1-12 or a day not 1-31 (80月, 13月, 0月, 5月40日:
    no date, and no month the comparison could look up — the fuzzer found 80月 crashing it)."""
    months = [_int(g[_GI[k]]) for k in ("d_m", "d_m2", "d_mr", "d_isom")]
    days = [_int(g[_GI[k]]) for k in ("d_d", "d_d2", "d_d2b", "d_isod")]
    if any(x is not None and not 1 <= x <= 12 for x in months) or \
            any(x is not None and not 1 <= x <= 31 for x in days):
        return None
    if g[_GI["d_iso"]] is not None:
        return make_date(start, m.end(), int(g[_GI["d_iso"]]), int(g[_GI["d_isom"]]), int(g[_GI["d_isod"]]))
    y = _int(g[_GI["d_y"]])
    m1, d1 = _int(g[_GI["d_m"]]), _int(g[_GI["d_d"]])
    if g[_GI["d_xun"]] is not None or g[_GI["d_xun2"]] is not None:
        parts = cal.calendar().month_parts["zh"]
        r = _REL.get(rel) if rel else None
        r = r if r and r[0] == "year" else None
        if g[_GI["d_m2"]] is None:                  # 6月上旬, 今年3月下旬: a third of the month
            return cal.month_part(start, m.end(), y, m1, parts[g[_GI["d_xun"]]], rel=r)
        # 6月下旬至7月上旬: from the first day of one part to the last of the other
        first = d1 if d1 is not None else parts[g[_GI["d_xun"]]][0] if g[_GI["d_xun"]] else None
        last = _int(g[_GI["d_d2"]]) if g[_GI["d_d2"]] else parts[g[_GI["d_xun2"]]][1] if g[_GI["d_xun2"]] else None
        return make(start, m.end(), Stated(y, m1, first, is_range=True, m2=int(g[_GI["d_m2"]]),
                                           d2=last if last is None or last < 28 else None, rel=r),
                    flags=("month_part",))
    if g[_GI["d_mr"]] is not None:                  # 1至10月
        return make_date(start, m.end(), y, int(g[_GI["d_mr"]]), None, m2=m1, relative=rel)
    if g[_GI["d_m2"]] is not None:                  # 9月10日至12月9日, 8月至11月
        return make_date(start, m.end(), y, m1, d1, m2=int(g[_GI["d_m2"]]), d2=_int(g[_GI["d_d2"]]),
                         relative=rel)
    if g[_GI["d_d2b"]] is not None:                 # 9月8日至9日
        return make_date(start, m.end(), y, m1, d1, m2=m1, d2=int(g[_GI["d_d2b"]]), relative=rel)
    claim = make_date(start, m.end(), y, m1, d1, relative=rel)
    if g[_GI["d_hh"]] is not None:
        claim.flags += (f"time:{int(g[_GI['d_hh']]):02d}:{int(g[_GI['d_mm']] or 0):02d}",)
    return claim


# What follows a day written N号 (informal: 20号上午, 5号起, 10号举行); a number that names a thing
# (5号区域, 2号线, 1号文件) has a noun after it instead
@lru_cache(maxsize=1)
def _name_after_hao() -> re.Pattern:
    """A Chinese character after N号 that starts no word of a day (rules/calendar.yaml
    day_hao_after) nor a clock time: the number names a thing (5号区域, 7号出口), not a day."""
    after = cal.calendar().day_hao_after
    words = "|".join(f"{re.escape(w)}(?!{alternation(unless)})" if unless else re.escape(w)
                     for w, unless in sorted(after.items(), key=lambda x: -len(x[0])))
    return re.compile(rf"(?!(?:{words})|[0-9一二三四五六七八九十两]+[时点])[\u4e00-\u9fff]")
_DAYS_BEFORE = re.compile(r"(?:已经?|长达|连续|历时|为期|整整|足足|仅|只有?)\s*\Z")
# (内 only where the number of days ends: 3日内完成, not 11日内蒙古 or 11日内地新增)
_DAYS_AFTER = re.compile(r"\s*(?:之内|以内|内(?=[，。；,;完须需应要将可]))")


def _decade(m: re.Match, century_word: re.Match | None) -> RawClaim:
    """90年代 with its century (上世纪90年代 = 1990–1999); without one the century is unknown."""
    from datetime import date

    digits = m.group("dec")
    span = 9
    if len(digits) == 2 and all(c in CN_DIGITS for c in digits):      # 六七十年代: the 60s and 70s
        a, b = parse_chinese(digits[0]), parse_chinese(digits[1])
        if a is None or b != a + 1:
            return None
        digits, span = str(a * 10), 19
    elif not digits.isdigit():                     # 八十年代
        digits = str(parse_chinese(digits))
    if m.group("dec_c"):
        century, start = _CENTURY.get(m.group("dec_c"), 1900 if m.group("dec_c")[:2] in ("20", "二十") else 2000), m.start()
    else:
        century = _CENTURY.get(century_word.group()) if century_word else None
        start = century_word.start() if century_word else m.start()
    if len(digits) == 4:
        first = int(digits)
    elif century is not None and len(digits) == 2:
        first = century + int(digits)
    else:
        return RawClaim(start, m.end(), "date_range", DateValue(), flags=("decade",))
    first -= first % 10
    return RawClaim(start, m.end(), "date_range",
                    DateValue(date(first, 1, 1).isoformat(), date(first + span, 12, 31).isoformat(), first),
                    flags=("decade",))


def _malformed(m: re.Match) -> RawClaim:
    return malformed(m.start(), m.end(), m.group("bad"), m.group("bad_u"))
