"""Turning bytes into text: BOMs, UTF-8, UTF-16/32 without a BOM, and detected legacy encodings.

Order of the checks (the first that settles it wins):

1. A byte-order mark: UTF-32 LE/BE, UTF-8, UTF-16 LE/BE. The BOM is not part of the text.
2. A binary signature (PNG, ZIP, ELF, PDF, GIF, JPEG, gzip, ...): refused as binary.
3. NUL bytes: text in UTF-32 or UTF-16 without a BOM has them in a regular pattern (every other
   byte for ASCII in UTF-16); if the pattern holds and the bytes decode to plausible text, that is
   the encoding, otherwise the file is binary.
4. Strict UTF-8 (the common case costs one ``bytes.decode``).
5. charset-normalizer, restricted to the encodings such news actually comes in (GB18030, which
   covers GBK and GB2312; Big5 and its Microsoft and Hong Kong supersets; Windows-1252). When more
   than one Chinese encoding fits -- short texts often decode both ways -- the one whose text is
   made of common Chinese characters wins. If nothing fits, the input is refused.

Encoding names returned are Python codec names: "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be",
"utf-32-le", "utf-32-be", "gb18030", "big5", "cp950", "big5hkscs", "cp1252".
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from checker.errors import InputError
from checker.scripts import HAN

__all__ = ["decode", "BINARY_SIGNATURES", "DETECTED_ENCODINGS"]

# Signatures of common binary formats, checked at the very start of the data.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/EPUB document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"PK\x07\x08", "a ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"%PDF-", "a PDF document"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

# Legacy encodings offered to charset-normalizer. Japanese and Korean encodings are deliberately
# absent: their bytes would otherwise be mistaken for Chinese and vice versa.
DETECTED_ENCODINGS: tuple[str, ...] = ("gb18030", "big5", "cp950", "big5hkscs", "cp1252")
_CHINESE = {"gb18030": ("gb18030",), "big5": ("big5", "cp950", "big5hkscs"),
            "cp950": ("cp950", "big5hkscs"), "big5hkscs": ("big5hkscs",)}

# The 499 most common Chinese characters (the list charset-normalizer uses for its coherence
# check), followed by the traditional forms of those that differ (OpenCC s2t, s2tw, s2hk).
_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海"
    "口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身"
    "车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石"
    "记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青"
    "省列习响约支般史感劳便团往酸历市克何除消构府太准精值号率族维划选标写存候毛亲快效斯院查江型眼"
    "王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
    "並來個們備傳價兒內兩別則劃動務勞區卻參員問單嚴國圓圖團報場壓學實寫將專對導層屬帶幹幾廠廣張強"
    "後從應戰採據數斷於時書會東條業極構標樣機權歷氣決沒況準溫滿濟為無熱爭爲狀現產當發眾確礦種積節"
    "約紅級細組結給統經維線縣總織羣義習聯聲聽與華萬著處號衆術裏裝裡覆見規親觀計記設許話該認說説調"
    "論證識議變資質車軍較轉辦農這連進運過達適選還邊鐵長門開間關隊階際離難電響須領頭題類風飛養馬驗"
    "體鬥麼點黨龍"
)
_HANZI = re.compile(f"[{HAN}]")

# Control characters that do not occur in text (tab, newlines, form feed and escape are allowed).
# (not \x0b, the vertical tab Word exports for a line break inside a paragraph, nor \x0c, a page break)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SAMPLE = 65536
_MAX_CHAOS = 0.5           # charset-normalizer "chaos" (share of messy characters) accepted
_MAX_CHAOS_WESTERN = 0.2   # ... for Windows-1252, whose every byte decodes to something


def _message(path: str, problem: str, advice: str) -> str:
    return f"Cannot read {path}: {problem} {advice}"


def _binary(path: str, why: str) -> InputError:
    return InputError(_message(
        path, f"it looks like a binary file ({why}), not text.",
        "claimcheck reads plain text, Markdown and HTML; give it the text of the document "
        "instead (for example exported as .txt or .html), or leave this file out."))


def _undecodable(path: str, why: str) -> InputError:
    return InputError(_message(
        path, why,
        "claimcheck reads UTF-8, UTF-16, UTF-32, GB18030/GBK, Big5 and Windows-1252. Convert the "
        "file to UTF-8 (for example: iconv -f <its encoding> -t UTF-8 FILE > FILE.utf8) "
        "and try again."))


def _looks_binary(text: str) -> bool:
    """Too many control characters (or any NUL) in the decoded text."""
    if "\x00" in text:
        return True
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    return controls > 0 and controls * 100 > len(sample)


def _plausible_wide(text: str) -> bool:
    """Is text decoded from UTF-16/32 without a BOM plausibly text (not bytes that decoded by luck)?"""
    if not text or _looks_binary(text):
        return False
    sample = text[:4096]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cn", "Co", "Cs", "Cc")
              and ch not in "\t\n\r\f\x1b")
    return odd * 50 <= len(sample)


def _strict(data: bytes, codec: str, path: str, what: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _undecodable(path, f"it starts with a {what} byte-order mark but byte {exc.start} "
                                 f"is not valid {what}.") from None


def _from_bom(data: bytes, path: str) -> tuple[str, str] | None:
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        codec = "utf-32-le" if data.startswith(codecs.BOM_UTF32_LE) else "utf-32-be"
        if len(data) % 4 == 0:
            try:
                return data[4:].decode(codec), codec
            except UnicodeDecodeError:
                pass  # FF FE 00 00 may also be UTF-16 LE starting with U+0000: fall through
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path, "UTF-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", path, "UTF-16"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", path, "UTF-16"), "utf-16-be"
    return None


def _texty(text: str) -> float:
    """Share of a sample's characters that are usual in text: ASCII, Latin, Greek, Cyrillic,
    CJK punctuation, kana, full-width forms, Hangul syllables and common Chinese characters.
    Byte-swapped UTF-16 scores low: "1" becomes U+3100, "一" U+004E, "中" U+2D4E."""
    sample = text[:4096]
    if not sample:
        return 0.0
    usual = 0
    for ch in sample:
        o = ord(ch)
        if (0x20 <= o < 0x7f or ch in "\t\n\r" or 0xa0 <= o < 0x250 or 0x370 <= o < 0x500
                or 0x3000 <= o < 0x3100 or 0xff00 <= o < 0xfff0 or 0xac00 <= o < 0xd7a4
                or ch in _COMMON_HANZI):
            usual += 1
    return usual / len(sample)


def _wide_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-32 or UTF-16 without a BOM, recognised by where its NUL bytes fall."""
    n = len(data)
    if n % 4 == 0:
        units = n // 4
        for codec, high in (("utf-32-le", data[3::4]), ("utf-32-be", data[0::4])):
            if high.count(0) == units:
                try:
                    text = data.decode(codec)
                except UnicodeDecodeError:
                    continue
                if _plausible_wide(text):
                    return text, codec
    if n % 2:
        return None
    # ASCII in UTF-16 LE puts its NULs at odd offsets, in UTF-16 BE at even ones; CJK code points
    # such as U+4E00 "一" or U+5F00 "开" put some on the other side. Decode both ways and keep the
    # one that reads as text.
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    best: tuple[float, int, str, str] | None = None
    for codec, hits in (("utf-16-le", odd), ("utf-16-be", even)):
        if not hits:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _plausible_wide(text):
            continue
        score = _texty(text)
        if score >= 0.5 and (best is None or (score, hits) > best[:2]):
            best = (score, hits, text, codec)
    return (best[2], best[3]) if best else None


def _hanzi_score(text: str) -> tuple[float, int]:
    """(share of Chinese characters that are common ones, number of Chinese characters)."""
    hanzi = _HANZI.findall(text[:_SAMPLE])
    if not hanzi:
        return 1.0, 0
    common = sum(1 for ch in hanzi if ch in _COMMON_HANZI)
    return common / len(hanzi), len(hanzi)


def _detect(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """A legacy encoding, found by charset-normalizer among DETECTED_ENCODINGS."""
    from charset_normalizer import from_bytes

    where = f"byte {utf8_error.start} is not valid UTF-8"
    try:
        # A generous chaos threshold: short Chinese texts with a symbol such as "€" measure
        # above the default 0.2. Wrong Chinese decodings are weeded out below.
        matches = list(from_bytes(data, cp_isolation=list(DETECTED_ENCODINGS),
                                  threshold=_MAX_CHAOS, enable_fallback=False))
    except Exception:  # the detector must not turn unreadable input into a crash
        matches = []
    # (text, codec, chaos, rank) for every detected encoding that decodes the whole input
    candidates: list[tuple[str, str, float, int]] = []
    seen: set[str] = set()
    for rank, match in enumerate(matches):
        name = match.encoding.replace("_", "")
        if name not in DETECTED_ENCODINGS:
            continue
        for codec in _CHINESE.get(name, (name,)):
            if codec in seen:
                continue
            seen.add(codec)
            try:
                candidates.append((data.decode(codec), codec, match.chaos, rank))
                break
            except UnicodeDecodeError:
                continue

    western = [c for c in candidates if c[1] == "cp1252" and c[2] <= _MAX_CHAOS_WESTERN]
    chinese = []
    for text, codec, chaos, rank in candidates:
        if codec == "cp1252":
            continue
        share, count = _hanzi_score(text)
        if count >= 8 and share < 0.2:
            continue    # Chinese characters, but not ones Chinese text is made of: wrong codec
        chinese.append((share, count, -chaos, -rank, text, codec))
    chinese.sort(reverse=True)

    if chinese and (not western or (chinese[0][0] >= 0.3 and chinese[0][1] >= 1)
                    or -chinese[0][2] < western[0][2]):
        text, codec = chinese[0][4], chinese[0][5]
    elif western:
        text, codec = western[0][0], western[0][1]
    elif candidates:
        raise _undecodable(path, f"{where}, and decoding it as "
                                 f"{' or '.join(c[1].upper() for c in candidates)} gives "
                                 "characters that do not read as text.")
    else:
        raise _undecodable(path, f"{where}, and no other supported encoding fits its bytes.")
    if _looks_binary(text):
        raise _binary(path, "it contains control characters")
    return text, codec


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode the bytes of one document; return (text, codec name). Raise InputError if we can't.

    ``path`` is used only in error messages.
    """
    found = _from_bom(data, path)
    if found is not None:
        if _looks_binary(found[0]):
            raise _binary(path, "it contains NUL or other control characters")
        return found

    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise _binary(path, f"it starts like {kind}")

    if b"\x00" in data:
        found = _wide_without_bom(data)
        if found is not None:
            return found
        raise _binary(path, f"it contains NUL bytes, first at byte {data.index(0)}")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _detect(data, path, exc)
    if _looks_binary(text):
        raise _binary(path, "it contains control characters")
    return text, "utf-8"
