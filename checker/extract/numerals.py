"""Reading Chinese numerals and the place of a number's last significant digit.

Arabic numerals with Chinese scales (4.2万) are read here; pure Chinese numerals (三千五百万, 两,
十九) go through cn2an, which raises on anything that is not a pure numeral, so callers pass only
the numeral's own span. Year-style digit strings (二〇三五) are read digit by digit.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Arabic numerals: 2600, 2,600, 4.2 (a full-width comma separates thousands in full-width text)
ARABIC = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
CN_SCALES = "十百千万亿拾佰仟"
_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
SCALE_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8,
               "拾": 10, "佰": 100, "仟": 1000}


def scale_of(word: str) -> int:
    """万 → 10000, 千万 → 10**7, 万亿 → 10**12."""
    out = 1
    for c in word:
        out *= SCALE_VALUE[c]
    return out


@lru_cache(maxsize=4096)
def parse_arabic(s: str) -> Decimal | None:
    # (cached: the same figures and years recur, and a Decimal is immutable)
    try:
        return Decimal(s.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


@lru_cache(maxsize=4096)
def parse_chinese(s: str) -> Decimal | None:
    """A pure Chinese numeral: 十九 → 19, 三千五百万 → 35000000, 二〇三五 → 2035, 三点五 → 3.5."""
    if not s:
        return None
    if all(c in SCALE_VALUE for c in s):            # 逾万, 近千: a bare scale is its own value
        return Decimal(scale_of(s))
    if not any(c in SCALE_VALUE for c in s) and "点" not in s:
        if len(s) == 1:
            return Decimal(_DIGIT_VALUE[s]) if s in _DIGIT_VALUE else None
        # a digit string: 二〇三五, 一九九七
        if all(c in _DIGIT_VALUE for c in s):
            return Decimal("".join(str(_DIGIT_VALUE[c]) for c in s))
        return None
    import cn2an  # costs ~0.3 s to import: only when a Chinese numeral with a scale is met

    try:
        v = cn2an.cn2an(s, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return Decimal(str(v))


def place(x: Decimal) -> Decimal:
    """One unit of x's last significant digit: 2600 → 100, 42000 → 1000, 3.5 → 0.1, 7 → 1."""
    if x == 0:
        return Decimal(1)
    exp = x.normalize().as_tuple().exponent
    return Decimal(1).scaleb(exp)
