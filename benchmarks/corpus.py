"""Deterministic generator of bilingual (Chinese, then English) police-cooperation news text.

    python benchmarks/corpus.py --size-mb 10 --out benchmarks/.corpus/corpus.txt

One paragraph per line: a Chinese paragraph (about 20 % in traditional characters), then its
English translation. All templates are written for this benchmark; none come from seeds/.
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

# Each template is two lines: Chinese, then English. Fields are filled by _values().
TEMPLATES = """\
{Y}年{M}月{D}日，{G}在{city}召开执法安全合作视频会议，来自{C}等{S}个国家的{Nr_z}余名代表参加会议。
On {Mon} {D}, {Y}, {G_en} held a video conference on law enforcement and security cooperation in {city_en}, attended by more than {Nr_c} representatives from {S} countries including {C_en}.
{Yr}年来，中国累计派出维和警察{N_z}人次，先后赴{S}个任务区执行任务。
Over the past {Yr} years, China has made {N_c} deployments of peacekeeping police officers to {S} mission areas.
截至目前，{G}已与{N2r}多个国家和地区建立警务合作关系，签署合作文件{N3}份。
So far, {G_en} has established police cooperation with more than {N2r} countries and regions and signed {N3} cooperation documents.
专项行动中，双方共破获跨国电信诈骗案件{N_z}起，抓获犯罪嫌疑人{N2}名，涉案金额{Yi}亿元。
During the special operation, the two sides cracked {N_c} cross-border telecom fraud cases, arrested {N2} suspects and uncovered {Yi_en} yuan involved.
第{ORD}次湄公河联合巡逻执法行动于{M}月{D}日启动，历时{S}天，航程{K}公里。
The {ORD_en} joint patrol on the Mekong River was launched on {Mon} {D}, lasting {S} days and covering {K_c} kilometers.
本次行动共出动执法船艇{S}艘、执法人员{N2}人。
A total of {S} law enforcement vessels and {N2} officers took part in the operation.
第{F_cn}届{city}国际执法安全合作论坛于{Y}年{M}月{D}日至{D2}日在{city}举行。
The {F_en} {city_en} International Forum on Law Enforcement and Security Cooperation was held in {city_en} from {Mon} {D} to {D2}, {Y}.
据统计，去年全国共查获各类毒品{Tn}吨，同比下降{Q}%。
According to statistics, {Tn} tonnes of drugs were seized nationwide last year, down {Q}% year on year.
约{Q}%的受训学员来自发展中国家。
About {Q}% of the trainees came from developing countries.
培训中心已为{S}个国家培训执法人员{W}万人次。
The training center has trained {W_en} law enforcement officers from {S} countries.
两国双边贸易额达{B}亿美元，增长百分之{Q_cn}。
Bilateral trade between the two countries reached {B_en} US dollars, up {Q} percent.
近{N2r}名当地群众自发赶来送行。
Nearly {N2r} local residents came to see them off.
数十名{C}警官参加了开幕式。
Dozens of police officers from {C_en} attended the opening ceremony.
{R_cn}成以上的案件涉及网络赌博。
More than {R0}% of the cases involved online gambling.
仅用{Mi_cn}分钟，突击队就控制了现场。
Within just {Mi_en} minutes, the commando team took control of the scene.
{P}表示，{Y}年以来双方已联合开展执法行动{OFTEN}。
{P_en} said that since {Y} the two sides had carried out {OFTEN_en} joint law enforcement operations.
该团伙在{S}个省份设立窝点{N2}处，非法获利{BIG_cn}元。
The gang set up {N2} dens in {S} provinces and made illegal profits of {BIG_en} yuan.
{T_cn}名中国维和警察荣获联合国和平勋章。
{T_EN} Chinese peacekeeping police officers were awarded the UN Peace Medal.
中方向{C}警方捐赠执法车辆{N2}辆、警用装备{N3}套。
China donated {N2} law enforcement vehicles and {N3} sets of police equipment to the police of {C_en}.
边境管控区域面积约{K}平方公里，沿线设有检查站{S}个。
The border control area covers about {K_c} square kilometers, with {S} checkpoints along the line.
{P}指出，过去{Yr}年中，这一机制发挥了重要作用。
{P_en} pointed out that over the past {Yr} years the mechanism has played an important role.
{Y}年{M}月，{G}派出工作组{S}支，赴{C}开展联合调查。
In {Mon} {Y}, {G_en} sent {S} working teams to {C_en} for joint investigations.
项目覆盖{S}个国家的{N2}家企业，带动当地就业{W}万人。
The project covers {N2} enterprises in {S} countries and has created {W_en} local jobs.
此次会议是双方第{ORD}次部级会晤。
The meeting was the {ORD_en} ministerial meeting between the two sides.
行动期间，警方摧毁犯罪团伙{S}个，缴获枪支{N2}支、子弹{N_z}发。
During the operation, police dismantled {S} criminal gangs and seized {N2} guns and {N_c} rounds of ammunition.
通报显示，{Y}年全国侦破经济犯罪案件{W}万起，挽回经济损失{B}亿元。
The bulletin showed that in {Y} police nationwide solved {W_en} economic crime cases and recovered losses of {B_en} yuan.
{M}月{D}日至{D2}日，{G}举办第{F_cn}期执法能力建设研修班，{N2r}余名学员结业。
From {Mon} {D} to {D2}, {G_en} held its {F_low} training course on law enforcement capacity building, and more than {N2r} trainees graduated.
该中心每年接待来访执法官员约{Nr_z}人。
The center receives about {Nr_c} visiting law enforcement officials every year.
目前，在{C}的中国公民约有{W}万人，中资企业{N2r}多家。
At present, there are about {W_en} Chinese citizens and more than {N2r} Chinese-funded enterprises in {C_en}.
遣返工作于{Y}年{M}月{D}日完成，共有{N2}名犯罪嫌疑人被押解回国。
The repatriation was completed on {D} {Mon} {Y}, with {N2} suspects escorted back to China.
{city}至{city2}的国际航线全长{K}公里，每周往返{S}个航班。
The international route between {city_en} and {city2_en} is {K_c} km long, with {S} round-trip flights a week.
车队穿越沙漠行驶近{K}公里，沿途经过{S}个边境口岸。
The convoy travelled nearly {K_mi} miles across the desert, passing {S} border crossings.
今年前{Sm}个月，口岸出入境人员达{W}万人次，同比增长{Q}%。
In the first {Sm_en} months of this year, {W_en} trips were made through the port, up {Q}% year on year.
{P}介绍，{Y}年{M}月以来，{G}先后{T_cn}次派员赴{C}开展交流。
{P_en} said that since {Mon} {Y}, {G_en} had sent delegations to {C_en} {T_times} for exchanges.
事故共造成{S}人死亡、{N2}人受伤。
The accident left {S} people dead and {N2} injured.
{G}共投入警力{N2}名，设置临时检查点{S}处，确保了活动安全顺利。
{G_en} deployed {N2} police officers and set up {S} temporary checkpoints to keep the event safe.
会上，双方签署了{T_cn}份合作谅解备忘录。
At the meeting, the two sides signed {T_en} memoranda of understanding on cooperation.
本届大会共有来自{N3}个国家和地区的{N_z}名代表出席。
The session was attended by {N_c} delegates from {N3} countries and regions.
中国第{ORD}批赴{C}维和警队于{M}月{D}日启程，队员平均年龄{Age}岁。
The {ORD_en} group of Chinese peacekeeping police for {C_en} set out on {Mon} {D}; its members are {Age} years old on average.
这批援助物资总重约{Tn}吨，价值{BIG_cn}元人民币。
The aid supplies weigh about {Tn} tonnes and are worth {BIG_en} yuan.
警方在{Mi_cn}小时内锁定了嫌疑人的位置。
The police located the suspect within {Mi_en} hours.
该国{Q}%的人口居住在距边境{S}公里以内的地区。
{Q}% of the country's population lives within {S} km of the border.
{Y}年，双方人员往来超过{W}万人次，比上一年增加{R_cn}成。
In {Y}, more than {W_en} trips were made between the two countries, {R0}% more than the year before.
自{Y}年起，{G}每年举办一届执法合作论坛，迄今已连续举办{S}届。
Since {Y}, {G_en} has hosted a law enforcement cooperation forum every year, {S} editions in a row so far.
{C}警方于{Y}年{M}月{D}日将{T_cn}名逃犯移交中方。
On {Mon} {D}, {Y}, the police of {C_en} handed {T_en} fugitives over to the Chinese side.
该团伙成员多达{N2}人，分布在{S}个城市。
The gang had as many as {N2} members in {S} cities.
整个行动持续了{Mi_cn}个多月。
The whole operation lasted more than {Mi_en} months.
在过去的{Yr}年中，超过{Q}%的求助电话在{Mi_cn}分钟内得到响应。
Over the past {Yr} years, more than {Q}% of emergency calls were answered within {Mi_en} minutes.
{Y}年{M}月{D}日至{M2}月{D3}日，联合工作组在{C}境内开展了为期{Wk_cn}周的调查。
From {Mon} {D} to {Mon2} {D3}, {Y}, the joint working group carried out a {Wk_en}-week investigation in {C_en}.
两国警方已连续{S}年开展联合演练，参演人员累计达{N_z}人次。
The police of the two countries have held joint drills for {S} consecutive years, with {N_c} participants in total.
该案涉案账户{Nr_z}余个，资金流水逾{Yi}亿元。
The case involved more than {Nr_c} bank accounts and fund flows of over {Yi_en} yuan.
这艘货轮载有{N3}个集装箱，其中{T_cn}个藏有走私物品。
The freighter carried {N3} containers, {T_en} of which held smuggled goods.
"""

FILLERS = """\
双方一致认为，应进一步加强情报交流，深化务实合作。
Both sides agreed to further strengthen intelligence exchange and deepen practical cooperation.
{P}表示，中方愿同各国执法部门一道，共同应对跨国犯罪带来的挑战。
{P_en} said China is willing to work with law enforcement agencies of all countries to meet the challenges of transnational crime.
与会代表围绕打击恐怖主义、网络犯罪和毒品犯罪等议题进行了深入交流。
Participants held in-depth exchanges on counter-terrorism, cybercrime and drug crime.
他强调，安全是发展的前提，合作是安全的保障。
He stressed that security is the prerequisite for development and cooperation is the guarantee of security.
{C}方面对中方提供的帮助表示衷心感谢。
Officials from {C_en} expressed heartfelt thanks for the help provided by China.
会议期间，各方还就建立常态化沟通机制达成了共识。
During the meeting, all parties also reached consensus on setting up a regular communication mechanism.
这充分体现了中国作为负责任大国的担当。
This fully shows China's commitment as a responsible major country.
当地媒体对此次联合行动给予了高度评价。
Local media spoke highly of the joint operation.
{P}在讲话中回顾了双方执法合作的历程，并对下一步工作提出了建议。
In the speech, {P_en} reviewed the history of law enforcement cooperation between the two sides and made proposals for the next steps.
各国代表纷纷表示，愿意继续深化在人员培训、装备援助和联合执法等领域的合作。
Representatives of many countries said they were willing to deepen cooperation in personnel training, equipment assistance and joint law enforcement.
据介绍，这一机制运行平稳，成效显著。
The mechanism is reported to be running smoothly with remarkable results.
维和警察们克服了高温、疾病和治安形势复杂等重重困难。
The peacekeeping police officers overcame many difficulties such as high temperatures, disease and a complex security situation.
下一步，双方将在反恐、禁毒和追逃追赃等领域开展更加紧密的合作。
Next, the two sides will work more closely on counter-terrorism, drug control and the pursuit of fugitives and illicit assets.
活动现场气氛热烈，掌声不断。
The atmosphere at the event was warm, with repeated applause.
{G}有关负责人在接受采访时介绍了相关情况。
An official of {G_en} described the situation in an interview.
与会者还参观了指挥中心和训练基地。
Participants also visited the command center and the training base.
他希望双方以此次会晤为契机，推动执法合作迈上新台阶。
He hoped the two sides would take the meeting as an opportunity to lift law enforcement cooperation to a new level.
中方始终秉持共同、综合、合作、可持续的安全观。
China has always upheld a vision of common, comprehensive, cooperative and sustainable security.
面对复杂多变的国际安全形势，各国执法部门唯有加强协作、互学互鉴，才能有效遏制跨国有组织犯罪的蔓延势头，切实维护各国人民的生命财产安全。
Facing a complex and changing international security situation, law enforcement agencies can only curb the spread of transnational organized crime and protect the lives and property of their people by working together and learning from each other.
{P}强调，要坚持以人民为中心的发展思想，持续深化执法安全合作，把合作成果更多更好地惠及各国民众，为地区和平稳定注入更多正能量。
{P_en} stressed the need to put the people first, keep deepening law enforcement and security cooperation, bring its results to more people in every country, and add positive energy to regional peace and stability.
与会各方高度评价中方在推动全球安全治理方面发挥的建设性作用，表示愿与中方携手构建更加公正合理的国际执法合作体系。
The participants spoke highly of China's constructive role in global security governance and said they were ready to work with China to build a fairer and more reasonable system of international law enforcement cooperation.
这些来自不同国家的警官在异国他乡并肩作战，结下了深厚的友谊，也让当地民众真切感受到了和平的来之不易。
Officers from different countries fought side by side far from home and formed a deep friendship, and the local people felt how hard-won peace is.
{G}将继续完善工作机制，加强人才培养和装备保障，不断提升国际执法合作的能力和水平。
{G_en} will keep improving its working mechanisms, strengthen training and equipment support, and raise its capacity for international law enforcement cooperation.
会谈在友好坦诚的气氛中进行，双方就共同关心的国际和地区安全问题深入交换了意见。
The talks were held in a friendly and frank atmosphere, and the two sides exchanged in-depth views on international and regional security issues of common concern.
"""


def _pairs(block: str) -> list[tuple[str, str]]:
    lines = block.strip("\n").split("\n")
    return list(zip(lines[0::2], lines[1::2]))


SENTENCES, FILLER = _pairs(TEMPLATES), _pairs(FILLERS)

COUNTRIES = [("柬埔寨", "Cambodia"), ("老挝", "Laos"), ("缅甸", "Myanmar"), ("泰国", "Thailand"),
             ("越南", "Viet Nam"), ("菲律宾", "Philippines"), ("印度尼西亚", "Indonesia"),
             ("马来西亚", "Malaysia"), ("巴基斯坦", "Pakistan"), ("哈萨克斯坦", "Kazakhstan"),
             ("塞尔维亚", "Serbia"), ("意大利", "Italy"), ("南非", "South Africa"), ("埃及", "Egypt"),
             ("巴西", "Brazil"), ("阿根廷", "Argentina"), ("蒙古国", "Mongolia"), ("肯尼亚", "Kenya")]
CITIES = [("北京", "Beijing"), ("上海", "Shanghai"), ("广州", "Guangzhou"), ("昆明", "Kunming"),
          ("南宁", "Nanning"), ("西安", "Xi'an"), ("乌鲁木齐", "Urumqi"), ("厦门", "Xiamen"),
          ("成都", "Chengdu"), ("哈尔滨", "Harbin"), ("杭州", "Hangzhou"), ("青岛", "Qingdao")]
ORGS = [("公安部", "the Ministry of Public Security"), ("国际刑警组织", "INTERPOL"),
        ("国家移民管理局", "the National Immigration Administration"),
        ("中国警察维和培训中心", "the China Peacekeeping Police Training Center"),
        ("公安部禁毒局", "the Narcotics Control Bureau"), ("省公安厅", "the provincial public security department"),
        ("中国人民公安大学", "the People's Public Security University of China")]
PEOPLE = [("王建平", "Wang Jianping"), ("李志强", "Li Zhiqiang"), ("陈国栋", "Chen Guodong"),
          ("刘海涛", "Liu Haitao"), ("赵明远", "Zhao Mingyuan"), ("孙立新", "Sun Lixin"),
          ("周文华", "Zhou Wenhua"), ("吴振宇", "Wu Zhenyu"), ("郑晓峰", "Zheng Xiaofeng"),
          ("何秀英", "He Xiuying"), ("卡洛斯·门德斯", "Carlos Mendes"), ("安娜·科瓦尔", "Anna Koval")]
TITLES = [("副部长", "Vice Minister"), ("局长", "Director-General"), ("主任", "Director"),
          ("副主任", "Deputy Director"), ("总警监", "Commissioner General")]
OFTEN = [("逾百次", "more than a hundred"), ("上百次", "hundreds of"), ("数十次", "dozens of"),
         ("近千次", "nearly a thousand")]
MONTHS = "January February March April May June July August September October November December".split()
ORDINAL_WORDS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                 "twelfth").split()
_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
        "fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

# Simplified -> traditional (Taiwan forms) for every character these templates use that differs.
_S2T = str.maketrans(
    "万与专业两个临为举义乌乡于亚产亿仅们价众伙会伤体余侦关养内况击刘办务动势勋区华协厅历厦参双发变台后吨启吴员响团围"
    "国场坚坛声处备复头孙学宁实宾对将尔届岁岛币带帮并广应开异弹强当录态总愿战户执护报担挝挥损换据携数断时显晓机杂来构"
    "枪栋检毁气沟济涛温滨点热现电监盖确积稳窝签类紧约级纷线练组织终绍经结绕给络统继续维综缅缴网联荣获萨装见观视计认让"
    "训议讲论设访评识诈诚话该调谅谈谊谢负财责账货贸赃资赌赠赵赶车轮载辆边达过迈运还这进远连逻郑采鉴钟锁长门问间队阶际"
    "陈难项顺顾领频题额马驶骗鲁齐龄",
    "萬與專業兩個臨為舉義烏鄉於亞產億僅們價眾夥會傷體餘偵關養內況擊劉辦務動勢勳區華協廳歷廈參雙發變臺後噸啟吳員響團圍"
    "國場堅壇聲處備複頭孫學寧實賓對將爾屆歲島幣帶幫並廣應開異彈強當錄態總願戰戶執護報擔撾揮損換據攜數斷時顯曉機雜來構"
    "槍棟檢毀氣溝濟濤溫濱點熱現電監蓋確積穩窩簽類緊約級紛線練組織終紹經結繞給絡統繼續維綜緬繳網聯榮獲薩裝見觀視計認讓"
    "訓議講論設訪評識詐誠話該調諒談誼謝負財責賬貨貿贓資賭贈趙趕車輪載輛邊達過邁運還這進遠連邏鄭採鑑鐘鎖長門問間隊階際"
    "陳難項順顧領頻題額馬駛騙魯齊齡")


def cn_number(n: int) -> str:
    """Chinese numeral for 0 <= n < 10**8: 19 -> 十九, 1005 -> 一千零五, 35000000 -> 三千五百万."""
    def four(n: int) -> str:
        out, zero = "", False
        for p, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = n // p % 10
            if d:
                out += ("零" if zero and out else "") + "零一二三四五六七八九"[d] + unit
                zero = False
            else:
                zero = True
        return out
    hi, lo = divmod(n, 10000)
    s = (four(hi) + "万" + ("零" if 0 < lo < 1000 else "") if hi else "") + four(lo)
    s = s or "零"
    return s[1:] if s.startswith("一十") else s


def cn_count(n: int) -> str:
    """Chinese numeral before a measure word: 2 -> 两."""
    return "两" if n == 2 else cn_number(n)


def en_number(n: int) -> str:
    return _ONES[n] if n < 20 else _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")


def en_ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _decimal(r: random.Random, lo: int, hi: int) -> Decimal:
    return Decimal(r.randint(lo, hi)) / 10             # one decimal place: 4.2, 315.1


def _en_big(x: Decimal) -> str:                        # 7.1e8 -> "710 million"
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if x >= size:
            return f"{(x / size).normalize():f} {word}"
    return f"{int(x):,}"


def _values(r: random.Random) -> dict[str, object]:
    """Fresh random values for every field a template may use."""
    i = r.randint
    (c, c_en), g, (p, p_en), (t, t_en), (often, often_en) = (
        r.choice(COUNTRIES), r.choice(ORGS), r.choice(PEOPLE), r.choice(TITLES), r.choice(OFTEN))
    (city, city_en), (city2, city2_en) = r.sample(CITIES, 2)
    n = i(1000, 9999) if r.random() < 0.8 else i(10000, 98000)
    n2, n3, s, small, mi, f = i(12, 990), i(20, 190), i(2, 30), i(2, 9), i(2, 12), i(2, 12)
    m, d, q, r10, k, ordn, big = i(1, 11), i(1, 24), i(3, 97), i(1, 9), i(12, 4800), i(2, 150), i(2, 98) * 100
    w, b, yi, nr = _decimal(r, 11, 999), _decimal(r, 100, 9999), _decimal(r, 11, 99), round(n, -2)
    return {
        "C": c, "C_en": c_en, "city": city, "city_en": city_en, "city2": city2, "city2_en": city2_en,
        "G": g[0], "G_en": g[1], "P": t + p if r.random() < 0.6 else p, "P_en": f"{t_en} {p_en}",
        "N_z": f"{n:,}" if r.random() < 0.3 else n, "N_c": f"{n:,}" if r.random() < 0.85 else n,
        "Nr_z": f"{nr:,}" if r.random() < 0.3 else nr, "Nr_c": f"{nr:,}",
        "N2": n2, "N2r": round(n2, -1), "N3": n3, "S": s, "Sm": small + 1, "Sm_en": en_number(small + 1),
        "T_cn": cn_count(small), "T_en": en_number(small), "T_EN": en_number(small).capitalize(),
        "T_times": "twice" if small == 2 else f"{en_number(small)} times",
        "Wk_cn": cn_count(small), "Wk_en": en_number(small), "Mi_cn": cn_count(mi), "Mi_en": en_number(mi),
        "Y": i(2010, 2023), "M": m, "D": d, "D2": d + i(1, 3), "Mon": MONTHS[m - 1],
        "M2": m + 1, "Mon2": MONTHS[m], "D3": i(1, 28), "Yr": i(5, 40), "Age": i(27, 45),
        "Q": q, "Q_cn": cn_number(q), "R_cn": cn_number(r10), "R0": r10 * 10,
        "K": k, "K_c": f"{k:,}", "K_mi": f"{round(k * 0.621371):,}", "Tn": _decimal(r, 12, 9800),
        "ORD": ordn, "ORD_en": en_ordinal(ordn),
        "F_cn": cn_number(f), "F_en": ORDINAL_WORDS[f].capitalize(), "F_low": ORDINAL_WORDS[f],
        "W": w, "W_en": f"{int(w * 10000):,}", "B": b, "B_en": _en_big(b * 10 ** 8),
        "Yi": yi, "Yi_en": _en_big(yi * 10 ** 8),
        "BIG_cn": cn_number(big) + "万", "BIG_en": _en_big(Decimal(big) * 10 ** 4),
        "OFTEN": often, "OFTEN_en": often_en,
    }


def _paragraph(r: random.Random) -> tuple[str, str]:
    zh, en = [], []
    for _ in range(r.randint(2, 6)):
        z, e = r.choice(SENTENCES if r.random() < 0.4 else FILLER)
        v = _values(r)
        zh.append(z.format_map(v))
        en.append(e.format_map(v))
    z = "".join(zh)
    if r.random() < 0.2:
        z = z.translate(_S2T).replace("關系", "關係").replace("每周", "每週")
    if r.random() < 0.1:                               # stray space before measure words, as in scraped pages
        z = z.replace("名", " 名").replace("个", " 个")
    return z, " ".join(en)


def generate(size_bytes: int, seed: int = 0) -> str:
    """At least size_bytes of UTF-8 text (whole paragraph pairs), the same for the same seed."""
    r, out, total = random.Random(seed), [], 0
    while total < size_bytes:
        for para in _paragraph(r):
            out.append(para)
            total += len(para.encode()) + 1
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / ".corpus" / "corpus.txt")
    a = ap.parse_args(argv)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(generate(int(a.size_mb * 1_000_000), a.seed), encoding="utf-8")
    print(a.out)


if __name__ == "__main__":
    main()
