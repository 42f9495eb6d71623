"""checker.io.encoding.decode: BOMs, UTF-8, UTF-16/32 without BOM, GB18030 vs Big5, refusals."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.io.encoding import decode

# Short news-like sentences, written for these tests.
SIMPLIFIED = "国家统计局周一公布，今年前三季度国内生产总值同比增长5.2%，高于市场预期的4.9%。"
TRADITIONAL = "香港特區政府昨日公佈，去年全港人口約為750萬人，較前年增加1.2萬人。"
MIXED_SIMPLIFIED = "Shanghai 上海市去年常住人口为2487万人，比上年增加12万人 (up 0.5%)。"
MIXED_TRADITIONAL = "Taipei 台北市人口約為250萬人，較去年減少3萬人，降幅1.2%。"
ENGLISH = "The central bank cut its key rate by 25 basis points to 3.45% on 20 June 2024."
BOTH = SIMPLIFIED + "\n" + TRADITIONAL + "\n" + ENGLISH + "\n"


# --- BOMs ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, BOTH])
@pytest.mark.parametrize("bom, codec, name", [
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
])
def test_bom_round_trip_and_bom_not_in_text(text, bom, codec, name):
    decoded, encoding = decode(bom + text.encode(codec), "news.txt")
    assert decoded == text
    assert encoding == name
    assert not decoded.startswith("\ufeff")


def test_bom_only_gives_empty_text():
    assert decode(codecs.BOM_UTF8, "x.txt") == ("", "utf-8-sig")
    assert decode(codecs.BOM_UTF16_LE, "x.txt") == ("", "utf-16-le")


def test_utf8_bom_with_invalid_utf8_is_refused():
    with pytest.raises(InputError, match="bad.txt"):
        decode(codecs.BOM_UTF8 + b"GDP \xff\xfe rose", "bad.txt")


# --- UTF-8 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, ENGLISH, BOTH, "a", "5%"])
def test_utf8_round_trip(text):
    assert decode(text.encode("utf-8"), "x") == (text, "utf-8")


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf8_round_trip_arbitrary_text(text):
    assert decode(text.encode("utf-8"), "x") == (text, "utf-8")


@settings(max_examples=100)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf16_with_bom_round_trip_arbitrary_text(text):
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        assert decode(bom + text.encode(codec), "x") == (text, codec)


@pytest.mark.timeout(60)  # a guard against pathological work, not a speed measure (see benchmarks/)
def test_utf8_ten_megabytes():
    line = (SIMPLIFIED + " " + ENGLISH + "\n").encode("utf-8")
    data = line * (10_000_000 // len(line) + 1)
    text, encoding = decode(data, "big.txt")
    assert encoding == "utf-8" and len(text) > 0


# --- UTF-16 / UTF-32 without a BOM ----------------------------------------------------------------

@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, MIXED_SIMPLIFIED, ENGLISH, BOTH])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_without_bom_round_trip(text, codec):
    assert decode(text.encode(codec), "wide.txt") == (text, codec)


def test_utf16_with_cjk_code_point_ending_in_00_is_still_utf16():
    # U+4E00 (一) puts a NUL on the "wrong" side in UTF-16; the pattern must still hold.
    text = "一季度一共增长了1.1%，一月份一度达到2.0%。"
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(codec), "x") == (text, codec)


# --- GB18030 vs Big5 ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    SIMPLIFIED,
    MIXED_SIMPLIFIED,
    "增长5%",
    "中国",
    "去年全市新增就业岗位12.6万个，同比增加3.1%。",
    "央行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元。",
    SIMPLIFIED * 50,
])
def test_gb18030_simplified_round_trip(text):
    assert decode(text.encode("gb18030"), "gb.txt") == (text, "gb18030")


def test_gb18030_four_byte_characters_round_trip():
    text = "数据显示𠀀字和€符号均可表示，增长3%。"   # outside GBK: 4-byte GB18030 sequences
    assert decode(text.encode("gb18030"), "gb.txt") == (text, "gb18030")


@pytest.mark.parametrize("text", [
    TRADITIONAL,
    MIXED_TRADITIONAL,
    "增長5%",
    "中國",
    "去年全市新增就業崗位12.6萬個，同比增加3.1%。",
    "央行宣佈調降存款準備金率0.5個百分點，釋放長期資金約1萬億元。",
    TRADITIONAL * 50,
])
def test_big5_traditional_round_trip(text):
    decoded, encoding = decode(text.encode("big5"), "big5.txt")
    assert decoded == text
    assert encoding in ("big5", "cp950", "big5hkscs")


def test_cp1252_english_with_smart_quotes():
    text = "\u201cGrowth slowed to 4.6%\u201d \u2013 the minister said on Monday; caf\u00e9 prices rose \u00bd%."
    assert decode(text.encode("cp1252"), "en.txt") == (text, "cp1252")


# --- refusals -------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    b"\x7fELF\x02\x01\x01\x00",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",
    b"\xff\xd8\xff\xe0\x00\x10JFIF",
    b"GDP rose 5%\x00\x01\x02\x03\xff\xfe\x00\x00\x12",
    b"\x00\x00\x00\x01\x00\x00\x00",
    bytes(range(256)) * 4,
])
def test_binary_is_refused_with_path(data):
    with pytest.raises(InputError) as info:
        decode(data, "report.bin")
    message = str(info.value)
    assert "report.bin" in message
    assert "binary" in message
    assert "\n" not in message


def test_control_characters_make_text_binary():
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 100 + b"GDP 5%"
    with pytest.raises(InputError, match="binary"):
        decode(data, "ctl.txt")


@pytest.mark.parametrize("data", [
    b"Revenue rose \x81\xff\x9d 5%",
    b"\xff\xff\xff\xff\x81\x81",
    "東京都の人口は約1400万人で、前年より2万人増加した。".encode("shift_jis"),
    ("서울시 인구는 약 940만 명으로 작년보다 3만 명 감소했다. " * 3).encode("euc_kr"),
])
def test_undecodable_is_refused_with_path(data):
    with pytest.raises(InputError) as info:
        decode(data, "mystery.txt")
    message = str(info.value)
    assert "mystery.txt" in message
    assert "UTF-8" in message
    assert "\n" not in message


def test_decode_never_raises_unicode_error_on_random_bytes():
    import random
    rng = random.Random(20240601)
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        try:
            text, encoding = decode(data, "random.dat")
        except InputError:
            continue
        assert "\x00" not in text
        assert isinstance(encoding, str)


@settings(max_examples=200)
@given(st.binary(max_size=200))
def test_decode_returns_text_or_input_error(data):
    try:
        text, _ = decode(data, "x")
    except InputError as exc:
        assert "x" in str(exc)
    else:
        assert "\x00" not in text
