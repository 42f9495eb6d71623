"""Scoped subject keys: a figure of a place or an organisation other than home is filed apart
(北京市 / 普通高校), a figure of home or of a relative name (本市, 该公司, "the company") keeps
the plain key. Sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from checker.extract import extract_text
from checker.ledger.keys import base_key, file_keys, is_generic, subject_key

FIGURES = ("count", "quantity", "money", "number")


def keys(text: str) -> dict[str, str | None]:
    """Each figure's text → its key, the text indexed alone."""
    claims = [c for c in extract_text(text, path="a.txt") if c.kind in FIGURES]
    filed = file_keys({"a.txt": text}, claims, [])
    return {c.text: filed[id(c)][0] for c in claims}


def key(text: str, figure: str) -> str | None:
    found = keys(text)
    assert figure in found, found
    return found[figure]


# -- Chinese ---------------------------------------------------------------------------------

A_PLACE_OR_ORGANISATION_BEFORE_THE_SUBJECT_SCOPES_IT = [
    ("北京市共有普通高校92所。", "92所", "北京市 / 普通高校"),
    ("上海市共有普通高校64所。", "64所", "上海市 / 普通高校"),
    ("北京共有普通高校92所。", "92所", "北京市 / 普通高校"),              # one place, two spellings
    ("据统计局数据显示，北京市共有普通高校92所。", "92所", "北京市 / 普通高校"),
    ("截至去年底，江西省共有三甲医院58家。", "58家", "江西省 / 三甲医院"),
    ("广东省公安厅已派出民警300名。", "300名", "广东省 / 民警"),         # a place's own body
    ("广东省卫健委已派出医生300名。", "300名", "广东省 / 医生"),
    ("华为技术有限公司共有员工20万人。", "20万人", "华为技术有限公司 / 员工"),
    ("同济大学共有学生3万人。", "3万人", "同济大学 / 学生"),
    ("印度已与50个国家建立合作机制。", "50个", "印度 / 国家"),
    ("会议期间，31名印度维和人员获得勋章。", "31名", "印度 / 维和人员"),     # named in the subject
]


def test_the_review_case_two_provinces_and_the_nation_are_three_subjects():
    beijing = key("北京市共有普通高校92所。", "92所")
    nation = key("全国共有普通高校2738所。", "2738所")
    shanghai = key("上海市共有普通高校64所。", "64所")
    assert len({beijing, nation, shanghai}) == 3
    assert nation == subject_key("普通高校") == "普通高校"       # a key without scope is unchanged


@pytest.mark.parametrize("text,figure", [
    ("全国共有普通高校2738所。", "2738所"),             # home: a national publisher's 全国
    ("我国共有普通高校2738所。", "2738所"),
    ("中国共有普通高校2738所。", "2738所"),
    ("该市共有普通高校30所。", "30所"),                 # relative: unknown out of the article
    ("本市共有普通高校30所。", "30所"),
    ("全市共有普通高校30所。", "30所"),
    ("全省共有普通高校30所。", "30所"),
    ("各省共有普通高校30所。", "30所"),
    ("在北京召开的会议上，全市共有普通高校30所。", "30所"),  # a place in another clause, not its topic
    ("北京市和上海市共有普通高校30所。", "30所"),        # a list of places is no one place
    ("城市共有普通高校30所。", "30所"),                 # 城市, 地区, 社区 name no place
    ("该地区共有普通高校30所。", "30所"),
    ("社区共有普通高校30所。", "30所"),
])
def test_home_relative_and_false_names_give_no_scope(text, figure):
    assert key(text, figure) == "普通高校"


A_RELATIVE_ORGANISATION_GIVES_NO_SCOPE = [
    ("今年该公司共有员工1200人。", "1200人", "员工"),
    ("本公司共有员工1200人。", "1200人", "员工"),
    ("市公安局今年共破获案件120起。", "120起", "案件"),       # the city's bureau: which city?
]


def test_home_stays_one_subject():
    for text, figure in [("中国已累计派出2600余名维和警察。", "2600余名"),
                         ("已累计派出2600余名中国维和警察。", "2600余名"),
                         ("目前，2600余名维和警察正在任务区执勤。", "2600余名"),
                         ("公安部已累计派出2600余名维和警察。", "2600余名"),     # a home national body
                         ("中国公安部已累计派出2600余名维和警察。", "2600余名")]:
        assert key(text, figure) == "维和警察", text


@pytest.mark.parametrize("text,figure", [
    ("中国与老挝、缅甸、泰国三国开展联合巡逻。", "三国"),     # the countries counted, not the owner
    ("与美国联合10多个国家开展了行动。", "10多个"),          # a partner, not the owner
    ("中方已与113个国家建立了双边合作机制。", "113个"),
    ("公安部已与113个国家建立了双边合作机制。", "113个"),
    ("在执法国际合作中，已有20个国家加入。", "20个"),        # 法国 inside 执法国际 is no France
    ("驻塞浦路斯维和部队中有20个国家的警察。", "20个"),      # where a force is stationed
])
def test_partners_lists_and_words_inside_words_give_no_scope(text, figure):
    assert key(text, figure) == "国家"


def test_a_scoped_generic_subject_is_still_generic():
    k = key("印度已与50个国家建立合作机制。", "50个")
    assert is_generic(k) and base_key(k) == "国家"
    assert not is_generic(key("北京市共有普通高校92所。", "92所"))


# -- English ---------------------------------------------------------------------------------

AN_ENGLISH_NAME_THAT_OWNS_OR_PLACES_THE_FIGURE_SCOPES_IT = [
    ("Beijing has 92 universities.", "92", "北京市 / university"),
    ("In Beijing, there are 92 universities.", "92", "北京市 / university"),
    ("In Shanghai, there are 64 universities.", "64", "上海市 / university"),
    ("Last year Shanghai had 64 universities.", "64", "上海市 / university"),
    ("Interpol has 195 member countries.", "195", "interpol / member country"),
    ("Its parent company has 5,000 employees.", "5,000", "parent company / employee"),
    ("The city police department has 900 officers.", "900", "city police department / officer"),
    ("Huawei's 200,000 employees work abroad.", "200,000", "huawei / employee"),
    ("India has sent 300 peacekeepers.", "300", "印度 / 维和人员"),
]


ENGLISH_HOME_RELATIVE_REPORTERS_AND_LISTS_GIVE_NO_SCOPE = [
    ("The company has 1,200 employees.", "1,200", "employee"),            # relative
    ("China has 2,738 universities.", "2,738", "university"),             # home
    ("China's Ministry of Public Security has trained 1,500 officers.", "1,500", "officer"),
    ("Police have arrested 12 suspects.", "12", "犯罪嫌疑人"),              # a plural common noun
    ("Last week, police arrested 12 suspects.", "12", "犯罪嫌疑人"),
    ("Wang said 2,600 peacekeepers had served.", "2,600", "维和人员"),      # a reporter owns nothing
    ("China, Laos, Myanmar and Thailand ran 12 joint patrols.", "12", "joint patrol"),  # a list
    ("Huawei's engineers work in 170 countries.", "170", "国家"),          # the owner's figure only
]


def test_the_review_case_company_and_parent_company_stay_apart():
    assert key("The company has 1,200 employees.", "1,200") != key("Its parent company has 5,000 employees.", "5,000")
    assert key("The city police department has 900 officers.", "900") != \
        key("China has sent more than 2,600 officers.", "more than 2,600")


def test_one_place_in_both_languages():
    assert subject_key("indian peacekeepers") == subject_key("印度维和人员") == "印度 / 维和人员"
    assert subject_key("universities", scope="Beijing") == "北京市 / university"
    assert subject_key("普通高校", scope="北京") == subject_key("普通高校", scope="北京市") == "北京市 / 普通高校"
    assert subject_key("普通高校", scope="全国") == subject_key("普通高校", scope="该市") == "普通高校"


def test_a_scoped_key_is_its_own_key():
    # claims --subject accepts a key as the claims table shows it
    for k in ("北京市 / 普通高校", "印度 / 维和人员", "parent company / employee"):
        assert subject_key(k) == k
    assert subject_key("北京市普通高校") == "北京市 / 普通高校"


# -- alignment -------------------------------------------------------------------------------

def test_an_aligned_english_claim_takes_its_partners_scope():
    text = "北京市共有普通高校92所。\n\nThere are 92 universities in the city.\n"
    claims = [c for c in extract_text(text, path="a.txt") if c.kind in FIGURES]
    zh = next(c for c in claims if c.lang == "zh")
    en = next(c for c in claims if c.lang == "en")
    filed = file_keys({"a.txt": text}, claims, [(zh, en)])
    assert filed[id(zh)][0] == filed[id(en)][0] == "北京市 / 普通高校"
    alone = file_keys({"a.txt": text}, claims, [])
    assert alone[id(en)][0] == "university"


def test_an_aligned_english_claim_in_another_file_takes_its_partners_scope():
    zh_text, en_text = "上海市共有普通高校64所。\n", "Shanghai has 64 universities.\n"
    zh = next(c for c in extract_text(zh_text, path="a.zh.txt") if c.kind in FIGURES)
    en = next(c for c in extract_text(en_text, path="a.en.txt") if c.kind in FIGURES)
    filed = file_keys({"a.zh.txt": zh_text, "a.en.txt": en_text}, [en], [(zh, en)])
    assert filed[id(en)][0] == "上海市 / 普通高校"


# -- the archive -----------------------------------------------------------------------------

def _check(tmp_path, capsys, db, text: str) -> list[dict]:
    from checker.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    capsys.readouterr()
    main(["check", str(draft), "--ledger", str(db), "--format", "json", "--select", "corpus"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_figures_of_other_places_are_not_compared(tmp_path, capsys):
    from checker.cli import main

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("2024-05-10 09:00:00\n北京市共有普通高校92所。\n", encoding="utf-8")
    (archive / "b.txt").write_text("2024-05-10 10:00:00\n全国共有普通高校2738所。\n", encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert main(["index", str(archive), "--ledger", str(db)]) == 0
    found = _check(tmp_path, capsys, db, "2024-05-10 12:00:00\n上海市共有普通高校64所。\n")
    assert not [f for f in found if f["name"] == "value-conflict"], found
    # the same place on the same day still conflicts
    found = _check(tmp_path, capsys, db, "2024-05-10 12:00:00\n北京市共有普通高校90所。\n")
    assert [f["name"] for f in found if f["severity"] == "error"] == ["value-conflict"], found


def test_one_translation_of_officers_does_not_make_every_officer_a_peacekeeper(tmp_path, capsys):
    from checker.cli import main

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("2024-05-10 09:00:00\n中国已累计派出2600余名维和警察。\n\n"
                                   "China has sent more than 2,600 officers.\n", encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert main(["index", str(archive), "--ledger", str(db)]) == 0
    found = _check(tmp_path, capsys, db, "2024-05-10 12:00:00\nThe city police department has 900 officers.\n")
    assert found == []
    found = _check(tmp_path, capsys, db, "2024-05-10 12:00:00\nMore than 900 officers serve in the city.\n")
    assert found == []


# -- robustness and the rules file -----------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["北京市", "全国", "该市", "共有", "普通高校", "92所", "，", "。", "印度", "已与", "50个国家",
           "公安部", "、", "和", "Beijing", " has ", "92 universities", ". ", "The company", "'s ",
           "In Shanghai, ", "there are ", "64 ", "officers", "\n", "中国", "派出", "2600余名", "维和警察"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_scopes_never_raise_and_keys_are_their_own_keys(text):
    claims = extract_text(text, path="a.txt")
    for k, _ in file_keys({"a.txt": text}, claims, []).values():
        assert k is None or subject_key(k) == k


def _fake_glossary(monkeypatch, change):
    import checker.ledger.keys as keys
    from checker.vocab import load_yaml

    import copy

    data = copy.deepcopy(load_yaml("glossary.yaml"))
    change(data)
    monkeypatch.setattr(keys, "load_yaml", lambda name: data)
    keys.glossary.cache_clear()


@pytest.mark.parametrize("change,message", [
    (lambda d: d["places"].append({"zh": ["京城"], "en": ["beijing"]}), r"beijing.*two places"),
    (lambda d: d.update(learn_min_documents=0), r"learn_min_documents"),
    (lambda d: d["scopes"]["zh"].update(min_chars=5, max_chars=2), r"min_chars"),
    (lambda d: d["scopes"]["en"].update(heads="company"), r"scopes\.en\.heads"),
])
def test_a_malformed_glossary_is_an_error_naming_the_file(monkeypatch, change, message):
    from checker.errors import UserError
    from checker.ledger.keys import glossary

    _fake_glossary(monkeypatch, change)
    try:
        with pytest.raises(UserError, match=rf"rules/glossary\.yaml.*{message}"):
            glossary()
    finally:
        monkeypatch.undo()
        glossary.cache_clear()


# -- one place however it is named: its whole, its own bodies, a place within a province -----

@pytest.mark.parametrize("text,figure", [
    ("杭州市共有公共图书馆14座。", "14座"),
    ("杭州共有公共图书馆14座。", "14座"),                  # a listed city without 市
    ("杭州全市共有公共图书馆14座。", "14座"),              # the whole city is the city
    ("目前杭州全市公共图书馆已达14座。", "14座"),
    ("浙江省杭州市共有公共图书馆14座。", "14座"),          # a city within its province
    ("杭州市文旅局介绍，全市共有公共图书馆14座。", "14座"),
])
def test_a_city_its_whole_and_its_province_are_one_scope(text, figure):
    assert key(text, figure) == "杭州市 / 公共图书馆"


@pytest.mark.parametrize("text,figure", [
    ("德清县共有乡镇卫生院12家。", "12家"),
    ("德清全县共有乡镇卫生院12家。", "12家"),
    ("德清县人民政府介绍，全县共有乡镇卫生院12家。", "12家"),
])
def test_an_unlisted_place_is_one_scope_with_or_without_its_suffix(text, figure):
    assert key(text, figure) == "德清 / 乡镇卫生院"


A_PLACES_OWN_GENERIC_BODY_IS_THE_PLACE = [
    ("苏州市公安局下辖派出所90个。", "90个", "苏州市 / 派出所"),     # a city's own bodies
    ("苏州公安局下辖派出所90个。", "90个", "苏州市 / 派出所"),
    ("苏州现有派出所90个。", "90个", "苏州市 / 派出所"),
    ("苏州消防救援支队共有消防站41座。", "41座", "苏州市 / 消防站"),
    ("湖北省应急管理厅已派出救援队员120名。", "120名", "湖北省 / 救援队员"),
    ("上海铁路公安局下辖派出所31个。", "31个", "上海铁路公安局 / 派出所"),  # a body of no place
    ("市公安局下辖派出所90个。", "90个", "派出所"),                   # relative: which city?
    ("该市消防救援支队共有消防站41座。", "41座", "消防站"),
]


A_WHOLE_IN_A_SENTENCE_WHOSE_PLACE_REPORTS_IS_THAT_PLACE = [
    ("成都市统计局发布数据，全市共有养老机构530家。", "530家", "成都市 / 养老机构"),
    ("记者从成都市民政局获悉，截至目前，全市共有养老机构530家。", "530家", "成都市 / 养老机构"),
    ("四川省民政厅通报，全省共有养老机构3100家。", "3100家", "四川省 / 养老机构"),
    ("成都民政局透露，该市共有养老机构530家。", "530家", "成都市 / 养老机构"),
    # the reporter's level is not the figure's: which city of the province?
    ("四川省民政厅通报，全市共有养老机构530家。", "530家", "养老机构"),
    # the place is the sentence's topic: it opens the earlier clause
    ("成都市举办养老服务博览会，全市共有养老机构530家。", "530家", "成都市 / 养老机构"),
    ("近年来成都加快养老机构建设，累计建成养老机构530家。", "530家", "成都市 / 养老机构"),
    # the place is where something happened, not who speaks
    ("在成都举办的博览会上，全市共有养老机构530家。", "530家", "养老机构"),
    ("据介绍，全市共有养老机构530家。", "530家", "养老机构"),
    # another sentence is another statement
    ("成都市民政局发布了通报。全市共有养老机构530家。", "530家", "养老机构"),
]


def test_two_listed_names_that_overlap_are_read_from_the_left():
    # 江西 then 安全…, not 西安; 陕西 then 安康市
    assert key("江西安排民警300名参加培训。", "300名").startswith("江西省 / ")
    assert key("陕西安康市共有派出所50个。", "50个") == "安康市 / 派出所"


def test_a_whole_at_the_front_of_a_subject_is_dropped():
    assert subject_key("全市公共图书馆") == subject_key("公共图书馆") == "公共图书馆"
    assert subject_key("杭州全市公共图书馆") == "杭州市 / 公共图书馆"


# -- English places, levels and bodies -----------------------------------------------------

ENGLISH_PLACES_WITH_THEIR_LEVEL_OR_THEIR_BODY = [
    ("Hangzhou has 14 public libraries.", "14", "杭州市 / public library"),
    ("Hangzhou city has 14 public libraries.", "14", "杭州市 / public library"),
    ("Hangzhou City now has 14 public libraries.", "14", "杭州市 / public library"),
    ("The Hangzhou Public Security Bureau has 90 police stations.", "90", "杭州市 / police station"),
    ("The Hangzhou public security bureau has 90 police stations.", "90", "杭州市 / police station"),
    ("In Xi'an, there are 30 museums.", "30", "西安市 / museum"),
    ("Urumqi has 30 museums.", "30", "乌鲁木齐市 / museum"),
    ("Hohhot has 30 museums.", "30", "呼和浩特市 / museum"),
    ("Sichuan province has 3,100 nursing homes.", "3,100", "四川省 / nursing home"),
    ("Mexico City has 30 museums.", "30", "mexico city / museum"),        # not Mexico's
    ("The city police department has 900 officers.", "900", "city police department / officer"),
]


def test_one_city_in_both_languages_however_named():
    keys_ = {subject_key("派出所", scope=s) for s in
             ("Harbin", "Harbin city", "哈尔滨", "哈尔滨市", "哈尔滨市公安局", "哈尔滨全市",
              "Harbin Public Security Bureau", "黑龙江省哈尔滨市")}
    assert keys_ == {"哈尔滨市 / 派出所"}


A_NAMED_OPERATION_IS_THE_SERIES_OF_ITS_FIGURES = [
    ("“清风2025”专项行动共抓获犯罪嫌疑人310名。", "310名", "“清风2025”行动 / 犯罪嫌疑人"),
    ("“清风”行动开展以来，共抓获犯罪嫌疑人310名。", "310名", "“清风”行动 / 犯罪嫌疑人"),
    ("Operation Clear Wind has arrested 310 suspects.", "310", "operation clear wind / 犯罪嫌疑人"),
    ("Since Operation Clear Wind began, 310 suspects have been arrested.", "310",
     "operation clear wind / 犯罪嫌疑人"),
    ("Wang said Operation Clear Wind had arrested 310 suspects.", "310", "operation clear wind / 犯罪嫌疑人"),
    # whatever place reports it: the operation is the series
    ("云南省公安厅通报，“清风”专项行动共抓获犯罪嫌疑人310名。", "310名", "“清风”行动 / 犯罪嫌疑人"),
    ("在“清风”专项行动中，云南公安机关先后抓获犯罪嫌疑人310名。", "310名", "“清风”行动 / 犯罪嫌疑人"),
    ("The Yunnan public security department said Operation Clear Wind had arrested 310 suspects.",
     "310", "operation clear wind / 犯罪嫌疑人"),
]


def test_two_operations_are_two_series_and_unnamed_ones_are_the_places():
    assert key("“清风”行动累计抓获犯罪嫌疑人310名。", "310名") != key("“雷霆”行动累计抓获犯罪嫌疑人310名。", "310名")
    assert key("云南公安厅通报，全省共抓获犯罪嫌疑人310名。", "310名") == "云南省 / 犯罪嫌疑人"
    # the operation must be in the figure's own sentence
    assert key("“清风”行动启动。全省共抓获犯罪嫌疑人310名。", "310名") == "犯罪嫌疑人"


AN_ENGLISH_FIGURE_PLACED_AFTER_IT_OR_BY_ITS_PORT = [
    ("There are 41 fire stations across Suzhou.", "41", "苏州市 / fire station"),
    ("There are 41 fire stations in Suzhou city.", "41", "苏州市 / fire station"),
    ("There are 41 fire stations across the city.", "41", "fire station"),      # relative
    ("There are 41 fire stations across Mexico City.", "41", "fire station"),   # not listed
    ("Beijing has 41 fire stations in Suzhou.", "41", "北京市 / fire station"),  # the owner first
    ("The Ruili port now clears 9,000 travellers a day.", "9,000", "瑞丽市 / traveller"),
    ("China has sent 300 peacekeepers to UN operations.", "300", "维和人员"),
]


@pytest.mark.parametrize("change,message", [
    (lambda d: d["scopes"]["zh"].update(whole=["全市"]), r"scopes\.zh\.whole"),
    (lambda d: d["scopes"]["en"].update(levels="city"), r"scopes\.en\.levels"),
    (lambda d: d["scopes"]["zh"].pop("bodies"), r"scopes\.zh\.bodies"),
])
def test_a_malformed_scope_rule_is_an_error_naming_it(monkeypatch, change, message):
    from checker.errors import UserError
    from checker.ledger.keys import glossary

    _fake_glossary(monkeypatch, change)
    try:
        with pytest.raises(UserError, match=rf"rules/glossary\.yaml.*{message}"):
            glossary()
    finally:
        monkeypatch.undo()
        glossary.cache_clear()


def test_every_listed_place_keys_to_itself_and_no_spelling_is_two_places():
    from checker.ledger.keys import glossary

    g = glossary()
    for spelling, place in g.places.items():
        assert subject_key("派出所", scope=spelling) == f"{place} / 派出所", spelling
        assert subject_key(f"{place} / 派出所") == f"{place} / 派出所"


# -- hosts, organisations that speak, and home's figures in a place --------------------------

@pytest.mark.parametrize("text,figure", [
    ("苏州承办的城市治理研修班已举办至第9期。", "第9期"),
    ("第9期城市治理研修班在苏州开班。", "第9期"),
    ("The urban governance seminar held in Suzhou has now reached its 9th session.", "9th"),
    ("The 9th urban governance seminar opened in Suzhou.", "9th"),
])
def test_a_host_city_is_where_not_whose(text, figure):
    claims = [c for c in extract_text(text, path="a.txt") if c.text == figure]
    assert claims, extract_text(text, path="a.txt")
    k = file_keys({"a.txt": text}, claims, [])[id(claims[0])][0]
    assert k is None or "苏州" not in k, k


@pytest.mark.parametrize("text,figure,expected", [
    # an organisation that opens or reports in an earlier clause owns a figure whose clause
    # names nothing
    ("华为公司表示，今年已招聘员工8000名。", "8000名", "华为公司"),
    ("同济大学近年来扩大招生，共招收学生3万人。", "3万人", "同济大学"),
    # … but has no 全市: the place its name opens with has
    ("苏州市图书馆学会介绍，全市共有公共图书馆12座。", "12座", "苏州市"),
    ("华为公司通报，全市共有公共图书馆12座。", "12座", None),
])
def test_an_organisation_that_speaks(text, figure, expected):
    k = key(text, figure)
    assert (k.partition(" / ")[0] if " / " in k else None) == expected, k


HOME_FIGURES_IN_A_PLACE = [
    # home's figures where they are: the place says where (the mission), not whose
    ("正在黎巴嫩执行任务的中国维和警察共60人。", "60人", "黎巴嫩 / 维和警察"),
    ("目前，中国在黎巴嫩任务区执勤的维和警察有60名。", "60名", "黎巴嫩 / 维和警察"),
    ("A total of 60 Chinese peacekeeping police officers are serving in Lebanon.", "60", "黎巴嫩 / 维和警察"),
    # … but another country that reports does not own home's figures
    ("美国国务院称，中国维和警察共有2000名。", "2000名", "维和警察"),
    ("US officials said 2,000 Chinese peacekeeping police officers had served.", "2,000", "维和警察"),
]


@pytest.mark.parametrize("text,figure,expected", [
    ("The 9th urban governance forum closed in Suzhou with a joint statement.", "9th", None),
    ("The 9th urban governance forum took place in Suzhou.", "9th", None),
    ("45 Chinese peacekeeping police officers are currently on duty in the Lebanon mission area.",
     "45", "黎巴嫩"),
])
def test_a_place_after_the_figure_unless_a_venue(text, figure, expected):
    claims = [c for c in extract_text(text, path="a.txt") if c.text == figure]
    assert claims, extract_text(text, path="a.txt")
    k = file_keys({"a.txt": text}, claims, [])[id(claims[0])][0]
    assert (k.partition(" / ")[0] if k and " / " in k else None) == expected, k


NAMES_READ_NO_FURTHER_THAN_THEY_GO = [
    # a listed place at the end of a longer unlisted "name" is the name (近年来 is no part of it)
    ("近年来苏州加快养老机构建设，累计建成养老机构530家。", "530家", "苏州市 / 养老机构"),
    ("近年来苏州累计建成养老机构530家。", "530家", "苏州市 / 养老机构"),
    ("江苏省苏州市共有养老机构530家。", "530家", "苏州市 / 养老机构"),
    # a plural noun after a name is no verb: "African countries" owns nothing
    ("The course for African countries held in Suzhou has trained 530 officers.", "530", "officer"),
]


def test_beijing_time_is_no_place():
    assert key("北京时间3日晚，共有运动员120名参赛。", "120名").partition(" / ")[0] != "北京市"


WHERE_PEOPLE_ARE_SENT_IS_THEIR_SERIES = [
    ("截至目前，我国已向利比里亚累计派出维和警察410名。", "410名", "利比里亚 / 维和警察"),
    ("China has so far sent 410 peacekeeping police officers to Liberia.", "410", "利比里亚 / 维和警察"),
    # a destination that is no listed place, or none at all: the national series
    ("截至目前，我国已向联合国累计派出维和警察2800余名。", "2800余名", "维和警察"),
    ("China has so far sent 2,800 peacekeeping police officers to UN missions.", "2,800", "维和警察"),
]


def test_the_place_people_are_posted_to_is_their_scope_not_their_subject():
    assert key("我国赴利比里亚维和警察共140名。", "140名") == "利比里亚 / 维和警察"


# the tables of (text, figure, expected key) above, each named for what it shows
KEYS = {
    "a_place_or_organisation_before_the_subject_scopes_it": A_PLACE_OR_ORGANISATION_BEFORE_THE_SUBJECT_SCOPES_IT,
    "a_relative_organisation_gives_no_scope": A_RELATIVE_ORGANISATION_GIVES_NO_SCOPE,
    "an_english_name_that_owns_or_places_the_figure_scopes_it": AN_ENGLISH_NAME_THAT_OWNS_OR_PLACES_THE_FIGURE_SCOPES_IT,
    "english_home_relative_reporters_and_lists_give_no_scope": ENGLISH_HOME_RELATIVE_REPORTERS_AND_LISTS_GIVE_NO_SCOPE,
    "a_places_own_generic_body_is_the_place": A_PLACES_OWN_GENERIC_BODY_IS_THE_PLACE,
    "a_whole_in_a_sentence_whose_place_reports_is_that_place": A_WHOLE_IN_A_SENTENCE_WHOSE_PLACE_REPORTS_IS_THAT_PLACE,
    "english_places_with_their_level_or_their_body": ENGLISH_PLACES_WITH_THEIR_LEVEL_OR_THEIR_BODY,
    "a_named_operation_is_the_series_of_its_figures": A_NAMED_OPERATION_IS_THE_SERIES_OF_ITS_FIGURES,
    "an_english_figure_placed_after_it_or_by_its_port": AN_ENGLISH_FIGURE_PLACED_AFTER_IT_OR_BY_ITS_PORT,
    "home_figures_in_a_place": HOME_FIGURES_IN_A_PLACE,
    "names_read_no_further_than_they_go": NAMES_READ_NO_FURTHER_THAN_THEY_GO,
    "where_people_are_sent_is_their_series": WHERE_PEOPLE_ARE_SENT_IS_THEIR_SERIES,
}


@pytest.mark.parametrize("text,figure,expected", [
    pytest.param(*case, id=f"{name}-{i}") for name, cases in KEYS.items() for i, case in enumerate(cases)])
def test_key(text, figure, expected):
    """Each table above: a figure in a sentence, and the key it is filed under."""
    assert key(text, figure) == expected


# Issue 14: the Chinese cue words of destinations and operations are data (rules/glossary.yaml),
# compiled once; a broken entry is refused with the file's name.
@pytest.fixture()
def glossary_copy(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    from checker import vocab
    from checker.ledger import keys

    copy = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[2] / "rules", copy)
    monkeypatch.setattr(vocab, "rules_dir", lambda: copy)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for f in (keys.glossary, keys._zh_cues):
        f.cache_clear()
    yield copy
    for f in (keys.glossary, keys._zh_cues):
        f.cache_clear()


def _claim(text: str, figure: str):
    from checker.extract import extract_text

    return next(c for c in extract_text(text, path="a.txt") if c.text == figure)


def test_destination_and_operation_cues_are_read_from_the_glossary(glossary_copy):
    from checker.ledger.keys import destination_of, operation_of

    text = "中国已向南苏丹累计支援维和警察300名。"
    assert destination_of(text, _claim(text, "300名")) is None          # 支援 is no listed verb
    op = "“净网”整治共查处案件120起。"
    assert operation_of(op, _claim(op, "120起")) is None                 # nor 整治 a listed name
    path = glossary_copy / "glossary.yaml"
    data = path.read_text(encoding="utf-8")
    data = data.replace("verbs: [派出,", "verbs: [支援, 派出,").replace("names: [行动,", "names: [整治, 行动,")
    path.write_text(data, encoding="utf-8")
    from checker.ledger import keys

    keys.glossary.cache_clear()
    keys._zh_cues.cache_clear()
    assert destination_of(text, _claim(text, "300名")) == "南苏丹"
    assert operation_of(op, _claim(op, "120起")) == "“净网”行动"


def test_a_glossary_without_destination_verbs_is_refused(glossary_copy):
    from checker.errors import UserError
    from checker.ledger.keys import _zh_cues

    path = glossary_copy / "glossary.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("verbs: [派出,", "verbz: [派出,"), encoding="utf-8")
    with pytest.raises(UserError, match=r"glossary\.yaml: destinations\.zh needs the key verbs"):
        _zh_cues()
