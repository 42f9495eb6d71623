"""checker.io.bilingual.read_bitexts: every input form gives the same segments, at the right
places in the file, and bad input is an InputError naming the file."""

from __future__ import annotations

import io
import os
import re

import pytest

from checker.bitext import Bitext, Segment
from checker.errors import InputError
from checker.io.bilingual import language_tag, read_bitexts

ZH = [
    "国家统计局周一公布，前三季度国内生产总值同比增长5.2%。",
    "截至2022年5月，中国已派出2600余名维和警察。",
    "第五届进博会于2022年11月5日开幕，展览面积达36.6万平方米。",
]
EN = [
    "The statistics bureau said on Monday that GDP grew 5.2% year on year in the first three quarters.",
    "As of May 2022, China had sent more than 2,600 peacekeeping police officers.",
    "The fifth CIIE opened on November 5, 2022, with an exhibition area of 366,000 square meters.",
]


def write(path, data: str | bytes) -> str:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def texts(segments) -> list[str]:
    return [s.text for s in segments]


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of an offset, lines broken at \\r\\n, \\r, \\n, U+2028, U+2029."""
    before = text[:offset]
    pieces = re.split(r"\r\n|[\r\n\u2028\u2029]", before)
    return len(pieces), len(pieces[-1]) + 1


def assert_verbatim(seg: Segment, file_text: str, line_text: str, occurrence: int = 0) -> None:
    """The segment is ``line_text`` at its place in ``file_text``, with the right line/column."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = file_text.index(line_text, offset + 1)
    assert seg.verbatim
    assert seg.doc_text == file_text
    assert (seg.start, seg.end) == (offset, offset + len(line_text))
    assert seg.doc_text[seg.start:seg.end] == line_text
    assert (seg.line, seg.column) == expected_position(file_text, offset)


def assert_message(exc: pytest.ExceptionInfo, *parts: str) -> None:
    message = str(exc.value)
    for part in parts:
        assert part in message, (part, message)
    assert "\n" not in message
    assert message.endswith(".")


# --- the files the forms are written in ---------------------------------------------------------

BILINGUAL_TEXT = "\n".join(ZH) + "\n\n" + "\n".join(EN) + "\n"
INTERLEAVED_TEXT = "".join(f"{z}\n{e}\n\n" for z, e in zip(ZH, EN))
BILINGUAL_MD = ("# 新闻 News\n\n" + "\n\n".join(ZH) + "\n\n---\n\n2022\n\n" + "\n\n".join(EN)
                + "\n\n[link](https://example.com/2022/11/05)\n")
PLAIN_MD = ("\n\n".join(ZH) + "\n\n---\n\n```\ncode 1 2 3\n```\n\n" + "\n\n".join(EN) + "\n")
BILINGUAL_HTML = ("<!DOCTYPE html>\n<html><body>\n" + "".join(f"<p>{z}</p>\n" for z in ZH)
                  + "<div><p>" + "</p><p>".join(EN) + "</p></div>\n</body></html>\n")

XLIFF12 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <!-- <source>not a unit</source> -->
  <file original="news.txt" source-language="zh-CN" target-language="en-US" datatype="plaintext">
    <header><note>a header is not a unit</note></header>
    <body>
      <trans-unit id="1">
        <source>{ZH[0]}</source>
        <target>{EN[0]}</target>
      </trans-unit>
      <group id="g">
        <trans-unit id="2"><source>截至2022年5月，中国已派出<g id="a">2600余名</g>维和警察。</source><target>As of May 2022, China had sent <g id="a">more than 2,600</g> peacekeeping police officers.</target></trans-unit>
      </group>
      <trans-unit id="untranslated"><source>尚未翻译的句子有3个数字。</source></trans-unit>
      <trans-unit id="3">
        <source
            xml:lang="zh-CN">第五届进博会于2022年11月5日开幕，展览面积达36.6万平方米。</source>
        <target xml:lang="en-US">The fifth CIIE opened on November 5, 2022, with an exhibition area of 366,000 square meters.</target>
      </trans-unit>
      <trans-unit id="empty"><source>空的译文5个。</source><target></target></trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en-US">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>{ZH[0]}</source>
        <target>{EN[0]}</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment id="s1"><source>截至2022年5月，中国已派出<pc id="1">2600余名</pc>维和警察。</source><target>As of May 2022, China had sent <pc id="1">more than 2,600</pc> peacekeeping police officers.</target></segment>
      <segment id="s2"><source>{ZH[2]}</source><target>{EN[2]}</target></segment>
    </unit>
    <unit id="u3"><segment><source>没有译文的3个字。</source></segment></unit>
  </file>
</xliff>
"""

TMX = f"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="hand" creationtoolversion="1" segtype="sentence" o-tmf="none"
          adminlang="en-US" srclang="zh-CN" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="zh-CN"><seg>{ZH[0]}</seg></tuv>
      <tuv xml:lang="en-US"><seg>{EN[0]}</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="EN-GB">
        <seg>As of May 2022, China had sent more than 2,600 peacekeeping police officers.</seg>
      </tuv>
      <tuv xml:lang="fr"><seg>En mai 2022, la Chine avait envoyé plus de 2 600 policiers.</seg></tuv>
      <tuv xml:lang="zh-Hans"><seg>截至2022年5月，中国已派出2600余名维和警察。</seg></tuv>
    </tu>
    <tu tuid="only-zh"><tuv xml:lang="zh"><seg>只有中文的3句话。</seg></tuv></tu>
    <tu tuid="3"><tuv xml:lang="zh_TW"><seg>{ZH[2]}</seg></tuv><tuv xml:lang="en"><seg>{EN[2]}</seg></tuv></tu>
  </body>
</tmx>
"""

PO = f"""# Translation of the news.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en_US\\n"

#: news.txt:1
msgid "{ZH[0]}"
msgstr "{EN[0]}"

#, fuzzy
msgctxt "paragraph 2"
msgid ""
"截至2022年5月，"
"中国已派出2600余名维和警察。"
msgstr ""
"As of May 2022, China had sent "
"more than 2,600 peacekeeping police officers."

msgid "尚未翻译的3个句子。"
msgstr ""

#~ msgid "过时的2个条目。"
#~ msgstr "Two obsolete entries."

msgid "{ZH[2]}"
msgstr "{EN[2]}"
"""


def line_of(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Line and column where ``needle`` starts in ``text`` (its ``occurrence``-th time)."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    return expected_position(text, offset)


def positions(segments) -> list[tuple[int, int]]:
    return [(s.line, s.column) for s in segments]


# --- every form gives the same segments ----------------------------------------------------------

def _bilingual_file(tmp_path, name, content):
    return read_bitexts([write(tmp_path / name, content)])


FORMS = {
    "text": lambda p: _bilingual_file(p, "news.txt", BILINGUAL_TEXT),
    "interleaved": lambda p: _bilingual_file(p, "news.txt", INTERLEAVED_TEXT),
    "markdown": lambda p: _bilingual_file(p, "news.md", PLAIN_MD),
    "html": lambda p: _bilingual_file(p, "news.html", BILINGUAL_HTML),
    "no extension": lambda p: _bilingual_file(p, "NEWS", BILINGUAL_TEXT),
    "stdin": lambda p: read_bitexts(["-"], stdin=io.BytesIO(BILINGUAL_TEXT.encode())),
    "source/target": lambda p: read_bitexts(
        [], source=write(p / "s.txt", "\n".join(ZH) + "\n"),
        target=write(p / "t.txt", "\n\n".join(EN))),
    "aligned": lambda p: read_bitexts(
        [], source=write(p / "s.txt", "\n".join(ZH) + "\n"),
        target=write(p / "t.txt", "\n".join(EN) + "\n"), aligned=True),
    "xliff 1.2": lambda p: read_bitexts([write(p / "news.xlf", XLIFF12)]),
    "xliff 2.0": lambda p: read_bitexts([write(p / "news.xliff", XLIFF20)]),
    "tmx": lambda p: read_bitexts([write(p / "news.tmx", TMX)]),
    "po": lambda p: read_bitexts([write(p / "news.po", PO)]),
    "directory zh-CN/en-US": lambda p: (write(p / "d" / "news.zh-CN.md", "\n\n".join(ZH)),
                                        write(p / "d" / "news.en-US.md", "\n\n".join(EN)),
                                        read_bitexts([str(p / "d")]))[-1],
    "directory zh/en": lambda p: (write(p / "d" / "news.zh.txt", "\n".join(ZH)),
                                  write(p / "d" / "news.en.txt", "\n".join(EN)),
                                  read_bitexts([str(p / "d")]))[-1],
    "named pair": lambda p: read_bitexts([write(p / "news.en.txt", "\n".join(EN)),
                                          write(p / "news.zh.txt", "\n".join(ZH))]),
}

ALIGNED_FORMS = {"aligned", "xliff 1.2", "xliff 2.0", "tmx", "po"}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_form_gives_the_same_segments(tmp_path, form):
    [bitext] = FORMS[form](tmp_path)
    assert isinstance(bitext, Bitext)
    assert texts(bitext.source) == ZH
    assert texts(bitext.target) == EN
    assert bitext.aligned == (form in ALIGNED_FORMS)
    for seg in bitext.source + bitext.target:
        assert seg.doc_text[seg.start:seg.end] == seg.text
        assert seg.line >= 1 and seg.column >= 1


# --- 4: one file holding both languages ----------------------------------------------------------

def test_bilingual_text_file_offsets_and_label(tmp_path):
    path = write(tmp_path / "news.txt", BILINGUAL_TEXT)
    [bitext] = read_bitexts([path])
    assert bitext.label == path
    for seg, line in zip(bitext.source + bitext.target, ZH + EN):
        assert seg.path == path
        assert_verbatim(seg, BILINGUAL_TEXT, line)
    assert positions(bitext.source) == [(1, 1), (2, 1), (3, 1)]
    assert positions(bitext.target) == [(5, 1), (6, 1), (7, 1)]


def test_interleaved_paragraphs_keep_document_order(tmp_path):
    [bitext] = read_bitexts([write(tmp_path / "news.txt", INTERLEAVED_TEXT)])
    assert positions(bitext.source) == [(1, 1), (4, 1), (7, 1)]
    assert positions(bitext.target) == [(2, 1), (5, 1), (8, 1)]


def test_markdown_skips_lines_without_letters_and_keeps_offsets(tmp_path):
    path = write(tmp_path / "news.md", BILINGUAL_MD)
    [bitext] = read_bitexts([path])
    # "# 新闻 News" is Chinese by the extractor's rule (Han ≥ a third of the Latin letters);
    # "---" and "2022" have no letters and are skipped; the link's URL is markup
    assert texts(bitext.source) == ["# 新闻 News"] + ZH
    assert texts(bitext.target) == EN + ["link"]
    for seg, line in zip(bitext.source[1:] + bitext.target[:3], ZH + EN):
        assert_verbatim(seg, BILINGUAL_MD, line)
    link = bitext.target[3]
    assert (link.line, link.column) == line_of(BILINGUAL_MD, "link")


def test_html_paragraphs_are_trimmed_of_tags_only(tmp_path):
    path = write(tmp_path / "news.html", BILINGUAL_HTML)
    [bitext] = read_bitexts([path])
    for seg, line in zip(bitext.source + bitext.target, ZH + EN):
        assert_verbatim(seg, BILINGUAL_HTML, line)


def test_whitespace_is_not_stripped(tmp_path):
    content = "  " + ZH[0] + "\t\n" + EN[0] + " \n"
    [bitext] = read_bitexts([write(tmp_path / "a.txt", content)])
    assert texts(bitext.source) == ["  " + ZH[0] + "\t"]
    assert texts(bitext.target) == [EN[0] + " "]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\u2029"])
def test_line_breaks_as_the_extractor_counts_them(tmp_path, newline):
    content = newline.join([ZH[0], "", ZH[1], EN[0], EN[1]]) + newline
    [bitext] = read_bitexts([write(tmp_path / "a.txt", content.encode("utf-8"))])
    assert texts(bitext.source) == ZH[:2]
    assert texts(bitext.target) == EN[:2]
    assert positions(bitext.source + bitext.target) == [(1, 1), (3, 1), (4, 1), (5, 1)]
    for seg, line in zip(bitext.source + bitext.target, ZH[:2] + EN[:2]):
        assert_verbatim(seg, content, line)


def test_one_language_file_gives_one_empty_side(tmp_path):
    [bitext] = read_bitexts([write(tmp_path / "zh.txt", "\n".join(ZH))])
    assert texts(bitext.source) == ZH and bitext.target == ()


def test_stdin_is_read_once_and_named(tmp_path):
    stdin = io.BytesIO(BILINGUAL_TEXT.encode())
    first, second = read_bitexts(["-", "-"], stdin=stdin)
    assert first == second
    assert first.label == "<stdin>"
    assert {s.path for s in first.source + first.target} == {"<stdin>"}
    assert_verbatim(first.target[1], BILINGUAL_TEXT, EN[1])


def test_stdin_can_be_the_source(tmp_path):
    target = write(tmp_path / "t.txt", "\n".join(EN))
    [bitext] = read_bitexts([], source="-", target=target,
                            stdin=io.BytesIO("\n".join(ZH).encode()))
    assert texts(bitext.source) == ZH
    assert bitext.label == f"<stdin> → {target}"


# --- 1: --source/--target -------------------------------------------------------------------------

def test_source_target_free_texts(tmp_path):
    source_text = "\n".join(ZH) + "\n"
    target_text = "Headline 2022\n\n" + "\n\n".join(EN)
    source = write(tmp_path / "s.txt", source_text)
    target = write(tmp_path / "t.md", target_text)
    [bitext] = read_bitexts([], source=source, target=target)
    assert bitext.label == f"{source} → {target}"
    assert not bitext.aligned
    assert texts(bitext.source) == ZH
    assert texts(bitext.target) == ["Headline 2022"] + EN    # both sides keep every paragraph
    for seg, line in zip(bitext.source, ZH):
        assert seg.path == source
        assert_verbatim(seg, source_text, line)
    for seg, line in zip(bitext.target[1:], EN):
        assert seg.path == target
        assert_verbatim(seg, target_text, line)
    assert positions(bitext.target) == [(1, 1), (3, 1), (5, 1), (7, 1)]


def test_source_target_come_before_paths(tmp_path):
    other = write(tmp_path / "other.txt", BILINGUAL_TEXT)
    bitexts = read_bitexts([other], source=write(tmp_path / "s.txt", ZH[0]),
                           target=write(tmp_path / "t.txt", EN[0]))
    assert [b.label for b in bitexts] == [f"{tmp_path / 's.txt'} → {tmp_path / 't.txt'}", other]


def test_aligned_keeps_empty_lines_as_segments(tmp_path):
    source_text = f"{ZH[0]}\n\n{ZH[1]}\r\n{ZH[2]}"
    target_text = f"{EN[0]}\n  \n{EN[1]}\n{EN[2]}\n"
    [bitext] = read_bitexts([], source=write(tmp_path / "s.txt", source_text),
                            target=write(tmp_path / "t.txt", target_text), aligned=True)
    assert bitext.aligned
    assert texts(bitext.source) == [ZH[0], "", ZH[1], ZH[2]]
    assert texts(bitext.target) == [EN[0], "  ", EN[1], EN[2]]
    empty = bitext.source[1]
    assert (empty.start, empty.end, empty.line, empty.column) == (len(ZH[0]) + 1,) * 2 + (2, 1)
    assert positions(bitext.source) == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert_verbatim(bitext.source[3], source_text, ZH[2])
    assert_verbatim(bitext.target[2], target_text, EN[1])


def test_aligned_with_different_line_counts_is_an_input_error(tmp_path):
    source = write(tmp_path / "s.txt", "\n".join(ZH) + "\n")
    target = write(tmp_path / "t.txt", "\n".join(EN[:2]) + "\n\n\n\n")
    with pytest.raises(InputError) as exc:
        read_bitexts([], source=source, target=target, aligned=True)
    assert_message(exc, source, target, "3 lines", "has 5")


def test_source_without_target_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        read_bitexts([], source=write(tmp_path / "s.txt", ZH[0]))
    with pytest.raises(InputError):
        read_bitexts([write(tmp_path / "a.txt", ZH[0])], aligned=True)


def test_missing_and_empty_files_are_input_errors(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as exc:
        read_bitexts([missing])
    assert_message(exc, missing)
    with pytest.raises(InputError) as exc:
        read_bitexts([], source=missing, target=write(tmp_path / "t.txt", EN[0]))
    assert_message(exc, missing)
    for name in ("empty.txt", "empty.po", "empty.xlf"):
        empty = write(tmp_path / name, b"")
        with pytest.raises(InputError) as exc:
            read_bitexts([empty])
        assert_message(exc, empty, "empty")


# --- 2: XLIFF, TMX, PO ----------------------------------------------------------------------------

def _assert_units(bitext: Bitext, path: str) -> None:
    assert bitext.aligned and bitext.label == path
    assert texts(bitext.source) == ZH and texts(bitext.target) == EN
    for seg in bitext.source + bitext.target:
        assert seg.path == path
        assert not seg.verbatim
        assert (seg.start, seg.end) == (0, len(seg.doc_text))


def test_xliff_12_units_and_lines(tmp_path):
    path = write(tmp_path / "news.xlf", XLIFF12)
    [bitext] = read_bitexts([path])
    _assert_units(bitext, path)
    # the <source> in the comment is not a unit; the third <source> tag spans two lines and
    # starts on the first; untranslated and empty targets are skipped
    assert positions(bitext.source) == [line_of(XLIFF12, "<source>", 1),
                                        line_of(XLIFF12, "<source>", 2),
                                        line_of(XLIFF12, "<source\n")]
    assert positions(bitext.target) == [line_of(XLIFF12, "<target>", 0),
                                        line_of(XLIFF12, "<target>", 1),
                                        line_of(XLIFF12, '<target xml:lang')]
    assert positions(bitext.source)[2] == (16, 9)     # counted by hand


def test_xliff_12_positions_counted_by_hand(tmp_path):
    path = write(tmp_path / "news.xlf", XLIFF12)
    [bitext] = read_bitexts([path])
    lines = XLIFF12.split("\n")
    unit2 = lines[11]                                  # line 12: the one-line trans-unit
    assert unit2.startswith('        <trans-unit id="2"><source>')
    assert bitext.source[1].line == 12 and bitext.source[1].column == unit2.index("<source>") + 1
    assert bitext.target[1].line == 12 and bitext.target[1].column == unit2.index("<target>") + 1
    assert (bitext.source[0].line, bitext.source[0].column) == (8, 9)
    assert (bitext.target[0].line, bitext.target[0].column) == (9, 9)


def test_xliff_20_units_and_lines(tmp_path):
    path = write(tmp_path / "news.xliff", XLIFF20)
    [bitext] = read_bitexts([path])
    _assert_units(bitext, path)
    assert positions(bitext.source) == [line_of(XLIFF20, "<source>", k) for k in range(3)]
    assert positions(bitext.target) == [line_of(XLIFF20, "<target>", k) for k in range(3)]
    assert positions(bitext.source)[0] == (6, 9)


def test_xliff_with_a_namespace_prefix(tmp_path):
    content = XLIFF12.replace("<xliff version=\"1.2\" xmlns=", "<x:xliff version=\"1.2\" xmlns:x=") \
        .replace("</xliff>", "</x:xliff>")
    content = re.sub(r"<(/?)(file|header|note|body|group|trans-unit|source|target|g)\b",
                     r"<\1x:\2", content)
    path = write(tmp_path / "prefixed.xlf", content)
    [bitext] = read_bitexts([path])
    assert texts(bitext.source) == ZH and texts(bitext.target) == EN
    assert positions(bitext.source)[2] == line_of(content, "<x:source\n")


def test_xliff_declared_english_to_chinese_is_read_with_chinese_as_source(tmp_path):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="a" source-language="en" target-language="zh-Hans" datatype="plaintext"><body>\n'
        f'<trans-unit id="1"><source>{EN[0]}</source>\n<target>{ZH[0]}</target></trans-unit>\n'
        '</body></file></xliff>\n')
    [bitext] = read_bitexts([write(tmp_path / "en-zh.xlf", content)])
    assert texts(bitext.source) == [ZH[0]] and texts(bitext.target) == [EN[0]]
    assert positions(bitext.source) == [(5, 1)] and positions(bitext.target) == [(4, 20)]


def test_xliff_in_utf16_with_entities(tmp_path):
    content = XLIFF12.replace("UTF-8", "UTF-16").replace("国家统计局", "国家&#32479;计局")
    path = write(tmp_path / "utf16.xlf", content.encode("utf-16"))
    [bitext] = read_bitexts([path])
    assert texts(bitext.source) == ZH
    assert positions(bitext.source)[0] == (8, 9)


def test_tmx_units_and_lines(tmp_path):
    path = write(tmp_path / "news.tmx", TMX)
    [bitext] = read_bitexts([path])
    _assert_units(bitext, path)
    # the chosen <tuv>'s <seg>: zh-CN, zh-Hans, zh_TW and en-US, EN-GB, en; fr is ignored
    seg = "<seg>"
    assert positions(bitext.source) == [line_of(TMX, seg, 0), line_of(TMX, seg, 4),
                                        line_of(TMX, seg, 6)]
    assert positions(bitext.target) == [line_of(TMX, seg, 1), line_of(TMX, seg, 2),
                                        line_of(TMX, seg, 7)]
    assert positions(bitext.target)[1] == (12, 9)


def test_tmx_without_chinese_and_english_is_an_input_error(tmp_path):
    content = TMX.replace("zh-CN", "de").replace("zh-Hans", "de").replace("zh_TW", "de") \
        .replace('xml:lang="zh"', 'xml:lang="de"')
    path = write(tmp_path / "de.tmx", content)
    with pytest.raises(InputError) as exc:
        read_bitexts([path])
    assert_message(exc, path, "de", "zh")


def test_po_units_and_lines(tmp_path):
    path = write(tmp_path / "news.po", PO)
    [bitext] = read_bitexts([path])
    _assert_units(bitext, path)
    # header, untranslated and obsolete entries are skipped; a fuzzy one is kept
    assert positions(bitext.source) == [(8, 1), (13, 1), (26, 1)]
    assert positions(bitext.target) == [(9, 1), (16, 1), (27, 1)]
    assert positions(bitext.source) == [line_of(PO, f'msgid "{ZH[0]}'), line_of(PO, 'msgid ""\n"截至'),
                                        line_of(PO, f'msgid "{ZH[2]}')]


def test_po_english_source_with_chinese_language_is_read_the_other_way(tmp_path):
    content = ('msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'
               f'msgid "{EN[0]}"\nmsgstr "{ZH[0]}"\n\n# trailing comment\n')
    [bitext] = read_bitexts([write(tmp_path / "app.po", content)])
    assert texts(bitext.source) == [ZH[0]] and texts(bitext.target) == [EN[0]]
    assert positions(bitext.source) == [(6, 1)] and positions(bitext.target) == [(5, 1)]


def test_po_plural_uses_the_first_forms(tmp_path):
    content = ('msgid "1个人"\nmsgid_plural "%d个人"\nmsgstr[0] "1 person"\n'
               'msgstr[1] "%d people"\n')
    [bitext] = read_bitexts([write(tmp_path / "plural.po", content)])
    assert texts(bitext.source) == ["1个人"] and texts(bitext.target) == ["1 person"]
    assert positions(bitext.target) == [(3, 1)]


@pytest.mark.parametrize("name, content, line", [
    ("broken.xlf", XLIFF12.replace("</target>", "</targt>", 1), 9),
    ("attr.xlf", XLIFF12.replace('<trans-unit id="2">', '<trans-unit id="2"', 1), 12),
    ("unclosed.xliff", XLIFF20.replace("</file>", ""), 16),     # found at </xliff>
    ("broken.tmx", TMX.replace("</tuv>", "", 1), 9),            # found at </tu>
])
def test_malformed_xml_names_file_and_line(tmp_path, name, content, line):
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as exc:
        read_bitexts([path])
    assert_message(exc, path, f"line {line}")


@pytest.mark.parametrize("change, line", [
    (('msgstr "The fifth', 'msgstr "The fifth\n'), 27),          # a string broken across lines
    (("#: news.txt:1\n", "#: news.txt:1\nthis is not PO\n"), 8),    # a stray line
    (('msgid "尚未', 'msgid 尚未'), 20),                            # no quotes
])
def test_malformed_po_names_file_and_line(tmp_path, change, line):
    path = write(tmp_path / "broken.po", PO.replace(*change, 1))
    with pytest.raises(InputError) as exc:
        read_bitexts([path])
    assert_message(exc, path, f"line {line}")


@pytest.mark.parametrize("name, content", [
    ("not.xlf", "this is not XML"),
    ("root.xlf", '<?xml version="1.0"?><root/>'),
    ("root.tmx", '<?xml version="1.0"?><root/>'),
    ("binary.po", b"\x00\x01\x02\xff\xfe\x00"),
    ("binary.xlf", b"\x89PNG\r\n\x1a\n\x00\x00"),
])
def test_files_that_are_not_what_they_claim_are_input_errors(tmp_path, name, content):
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as exc:
        read_bitexts([path])
    assert_message(exc, path)


def test_xml_entities_are_not_resolved_from_outside(tmp_path):
    secret = write(tmp_path / "secret.txt", "SECRET 42")
    content = (f'<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY e SYSTEM "file://{secret}">]>\n'
               '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
               '<file original="a" source-language="zh" target-language="en"><body>'
               '<trans-unit id="1"><source>数字&e;</source><target>number &e;</target></trans-unit>'
               '</body></file></xliff>')
    [bitext] = read_bitexts([write(tmp_path / "xxe.xlf", content)])
    assert texts(bitext.source) == ["数字"] and texts(bitext.target) == ["number"]


def test_entity_expansion_bomb_is_an_input_error(tmp_path):
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefg", "bcdefgh"))
    content = (f'<?xml version="1.0"?><!DOCTYPE x [{entities}]>'
               '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
               '<file original="a" source-language="zh"><body><trans-unit id="1"><source>&h;'
               '</source><target>x</target></trans-unit></body></file></xliff>')
    path = write(tmp_path / "bomb.xlf", content)
    with pytest.raises(InputError) as exc:
        read_bitexts([path])
    assert_message(exc, path, "line 1")


def test_unit_file_without_units_gives_an_empty_bitext(tmp_path):
    path = write(tmp_path / "empty.tmx", '<tmx version="1.4"><header/><body/></tmx>')
    assert read_bitexts([path]) == [Bitext(source=(), target=(), aligned=True, label=path)]


# --- 3: directories -------------------------------------------------------------------------------

def test_directory_pairs_tagged_files_and_reads_the_rest(tmp_path):
    top = tmp_path / "corpus"
    zh_md = write(top / "a" / "story.zh-CN.md", "\n\n".join(ZH))
    en_md = write(top / "a" / "story.en-US.md", "\n\n".join(EN))
    write(top / "b" / "brief.ZH_hant.txt", ZH[0])
    write(top / "b" / "brief.en-GB.txt", EN[0])
    write(top / "c" / "units.po", PO)
    write(top / "c" / "units.tmx", TMX)
    write(top / "c" / "units.xlf", XLIFF20)
    both = write(top / "d" / "both.html", BILINGUAL_HTML)
    write(top / "e" / "lonely.zh.txt", ZH[1])
    write(top / "e" / "other.en.txt", EN[1])
    write(top / "f" / "train.zh", "\n".join(ZH))
    write(top / "f" / "train.en", "\n".join(EN))
    write(top / "g" / ".hidden.zh.txt", ZH[0])
    write(top / "g" / "image.png", b"\x89PNG\r\n\x1a\n")
    write(top / "g" / "notes.zh.rst", ZH[0])
    write(top / "g" / "empty.en.txt", b"")
    write(top / "g" / "data", b"\x00\x01\x02binary")

    bitexts = read_bitexts([str(top)])
    labels = [b.label for b in bitexts]
    assert labels == [
        f"{zh_md} → {en_md}",
        f"{top / 'b' / 'brief.ZH_hant.txt'} → {top / 'b' / 'brief.en-GB.txt'}",
        str(top / "c" / "units.po"),
        str(top / "c" / "units.tmx"),
        str(top / "c" / "units.xlf"),
        both,
        str(top / "e" / "lonely.zh.txt"),
        str(top / "e" / "other.en.txt"),
        f"{top / 'f' / 'train.zh'} → {top / 'f' / 'train.en'}",
    ]
    story = bitexts[0]
    assert texts(story.source) == ZH and texts(story.target) == EN and not story.aligned
    assert {s.path for s in story.source} == {zh_md} and {s.path for s in story.target} == {en_md}
    assert_verbatim(story.target[2], "\n\n".join(EN), EN[2])
    assert positions(story.target) == [(1, 1), (3, 1), (5, 1)]
    for k in (2, 3, 4):
        assert bitexts[k].aligned and texts(bitexts[k].source) == ZH
    assert texts(bitexts[5].source) == ZH and texts(bitexts[5].target) == EN
    lonely, other = bitexts[6], bitexts[7]
    assert texts(lonely.source) == [ZH[1]] and lonely.target == ()
    assert texts(other.target) == [EN[1]] and other.source == ()
    assert texts(bitexts[8].source) == ZH and texts(bitexts[8].target) == EN


def test_a_tagged_chinese_file_is_all_source_even_with_english_lines(tmp_path):
    write(tmp_path / "d" / "x.zh.txt", ZH[0] + "\nSource: National Bureau of Statistics\n")
    [bitext] = read_bitexts([str(tmp_path / "d")])
    assert texts(bitext.source) == [ZH[0], "Source: National Bureau of Statistics"]
    assert bitext.target == ()


def test_two_chinese_files_for_one_english(tmp_path):
    write(tmp_path / "d" / "x.zh.md", ZH[0])
    write(tmp_path / "d" / "x.zh-TW.md", ZH[1])
    write(tmp_path / "d" / "x.en.md", EN[0])
    bitexts = read_bitexts([str(tmp_path / "d")])
    # walk order: x.en.md, x.zh-TW.md ("-" sorts before "."), x.zh.md; the first Chinese file
    # takes the English one, the second stands alone
    assert [(texts(b.source), texts(b.target)) for b in bitexts] == [([ZH[1]], [EN[0]]),
                                                                    ([ZH[0]], [])]


def test_malformed_unit_file_in_a_directory_is_an_input_error(tmp_path):
    path = write(tmp_path / "d" / "bad.po", PO.replace('msgid "尚未', 'msgid 尚未', 1))
    write(tmp_path / "d" / "good.txt", BILINGUAL_TEXT)
    with pytest.raises(InputError) as exc:
        read_bitexts([str(tmp_path / "d")])
    assert_message(exc, path, "line 20")


def test_directory_with_nothing_to_read_is_an_input_error(tmp_path):
    write(tmp_path / "d" / "image.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / "d" / "empty.po", b"")
    with pytest.raises(InputError) as exc:
        read_bitexts([str(tmp_path / "d")])
    assert_message(exc, str(tmp_path / "d"))


def test_named_tagged_file_alone_holds_both_languages(tmp_path):
    path = write(tmp_path / "news.zh.txt", BILINGUAL_TEXT)
    [bitext] = read_bitexts([path])
    assert texts(bitext.source) == ZH and texts(bitext.target) == EN
    assert bitext.label == path


@pytest.mark.parametrize("name, expected", [
    ("a.zh.md", ("a", "zh", ".md")),
    ("a.b.zh-CN.MD", ("a.b", "zh", ".md")),
    ("news.ZH_Hant_TW.txt", ("news", "zh", ".txt")),
    ("news.zh-Hans.html", ("news", "zh", ".html")),
    ("news.en-US.md", ("news", "en", ".md")),
    ("news.EN.txt", ("news", "en", ".txt")),
    ("train.zh", ("train", "zh", "")),
    ("train.en-GB", ("train", "en", "")),
    ("news.english.md", None),
    ("zhong.md", None),
    ("zh.md", None),
    ("news.md", None),
])
def test_language_tags(name, expected):
    assert language_tag(name) == expected
