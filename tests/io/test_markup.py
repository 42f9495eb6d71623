"""checker.io.markup.blank_markup: a same-length view with markup blanked."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.io.document import SENTINEL
from checker.io.markup import BLOCK_TAGS, blank_markup

S = SENTINEL


def visible(view: str) -> str:
    """The view without SENTINELs: what a reader would see, roughly."""
    return view.replace(SENTINEL, "")


def check_invariants(text: str, view: str) -> None:
    assert len(view) == len(text)
    for i, (t, v) in enumerate(zip(text, view)):
        if t in "\r\n":
            assert v == t, f"newline at {i} not kept"
        elif v != t:
            # blanked, or a block-level tag's "<" turned into "\n", or a decoded "&" reference
            assert v == SENTINEL or (v == "\n" and t == "<") or t == "&", (i, t, v)


# --- plain text -------------------------------------------------------------------------------

def test_text_view_is_text():
    text = "GDP grew 5.2% <b>not a tag</b> &amp; [x](y) `z`\n国内生产总值增长5.2%。"
    assert blank_markup(text, "text") == text


def test_unknown_format_is_rejected():
    with pytest.raises(ValueError):
        blank_markup("x", "pdf")


# --- HTML -------------------------------------------------------------------------------------

def test_html_document():
    text = ('<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="description" content="2023年GDP 126万亿元">\n'
            '<title>统计公报 2024</title>\n<style>p { width: 300px; }</style>\n'
            '<script>var total = 99; if (a < b) {}</script>\n</head>\n'
            '<body><p class="lead" data-n="17">全年增长5.2%。</p>'
            '<img src="chart-2024.png" width="300" alt="图 8"><br>'
            '<p>Jobs &amp; wages rose 3&nbsp;%</p></body>\n</html>\n')
    view = blank_markup(text, "html")
    check_invariants(text, view)
    seen = visible(view)
    assert "统计公报 2024" in seen               # <title> text is kept
    assert "全年增长5.2%。" in seen
    assert "Jobs & wages rose 3\xa0%" in seen
    for gone in ("126", "300", "99", "17", "2024.png", "图 8", "width", "utf-8", "DOCTYPE",
                 "lead", "<", ">", "var total"):
        assert gone not in seen, gone


def test_br_and_block_tags_become_newline_then_sentinels():
    assert blank_markup("a<br>b", "html") == "a\n" + S * 3 + "b"
    assert blank_markup("a<br/>b", "html") == "a\n" + S * 4 + "b"
    assert blank_markup("<p>一</p><p>二</p>", "html") == (
        "\n" + S * 2 + "一" + "\n" + S * 3 + "\n" + S * 2 + "二" + "\n" + S * 3)
    for name in ("p", "div", "li", "h1", "h6", "tr", "td", "section", "article", "blockquote",
                 "pre", "table"):
        assert name in BLOCK_TAGS
        assert blank_markup(f"x<{name}>y", "html") == "x\n" + S * (len(name) + 1) + "y"
        assert blank_markup(f"x</{name.upper()}>y", "html") == "x\n" + S * (len(name) + 2) + "y"


def test_inline_tags_are_blanked_without_newline():
    assert blank_markup('GDP <b class="x">5%</b>', "html") == "GDP " + S * 13 + "5%" + S * 4


def test_attribute_values_never_leak():
    text = '<td width="300" height=42 title=\'7 > 5\' data-x="a>b">增长</td>'
    view = blank_markup(text, "html")
    assert visible(view).strip("\n") == "增长"


def test_newlines_inside_tags_and_comments_are_kept():
    text = '<div\nclass="a"\r\nid="b">x</div><!-- one\ntwo -->y'
    view = blank_markup(text, "html")
    check_invariants(text, view)
    assert view.count("\n") == text.count("\n") + 2      # + <div and </div
    assert view.count("\r") == 1


@pytest.mark.parametrize("ref, char", [
    ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&nbsp;", "\xa0"),
    ("&#12345;", chr(12345)), ("&#x4e07;", "万"), ("&#X4E07;", "万"), ("&#20160;", "什"),
    ("&copy;", "©"), ("&amp", "&"), ("&#0;", "\ufffd"), ("&#99999999999999999999;", "\ufffd"),
])
def test_character_references_decode_and_pad(ref, char):
    view = blank_markup("a" + ref + "b", "html")
    assert view == "a" + char + S * (len(ref) - 1) + "b"


def test_unknown_and_partial_references():
    assert blank_markup("R&D AT&T &zzz; &", "html") == "R&D AT&T &zzz; &"
    # browsers decode a legacy name without ";" even as a prefix
    assert blank_markup("&copy2024", "html") == "©" + S * 4 + "2024"


def test_references_are_decoded_once():
    assert blank_markup("&amp;amp;", "html") == "&" + S * 4 + "amp;"


def test_comments_doctype_cdata_pi():
    text = "<!DOCTYPE html><?xml version='1.0'?><!-- 2024 --><![CDATA[ 55 ]]>ok<!--> 7"
    view = blank_markup(text, "html")
    assert visible(view) == "ok 7"


def test_unclosed_comment_and_unclosed_tag_run_to_the_end():
    assert visible(blank_markup("a<!-- 5 6 7", "html")) == "a"
    assert visible(blank_markup('a<img src="x.png" width=3', "html")) == "a"


def test_lone_less_than_is_text():
    for text in ("a < b", "x <3 y", "5<6", "</", "<", "< p>", "<<"):
        assert blank_markup(text, "html") == text


def test_bogus_end_tags():
    assert visible(blank_markup("a</ 5>b</>c", "html")) == "abc"


def test_script_style_content_blanked_title_textarea_kept():
    text = ("<script type='x'>if (a<b) { n = 42 }</script>"
            "<STYLE>td{width:300px}</STYLE >"
            "<iframe>12</iframe>"
            "<title>A <b>3</b> &amp; B</title>"
            "<textarea>n < 9</textarea>")
    view = blank_markup(text, "html")
    check_invariants(text, view)
    assert visible(view).replace("\n", "") == "A <b>3</b> & Bn < 9"


def test_unclosed_script_runs_to_the_end():
    assert visible(blank_markup("a<script>var x = 1; <p>5</p>", "html")) == "a"


def test_raw_text_end_tag_needs_a_delimiter():
    text = "<script>x = '</scripts>'; y = 2</script>z"
    assert visible(blank_markup(text, "html")) == "z"


def test_quotes_only_delimit_values_after_equals():
    # "don't" is an attribute name, as in a browser: the tag still ends at ">"
    assert visible(blank_markup("<p don't>5</p>", "html")).strip("\n") == "5"
    # an unterminated quoted value is an ordinary character
    assert visible(blank_markup('<a href="x>6</a>', "html")) == "6"


@pytest.mark.timeout(60)  # a guard against pathological (non-linear) work, not a speed measure
def test_html_ten_megabytes():
    unit = ('<div class="story" id="s12"><h2>要闻</h2><p>国家统计局周一公布，前三季度国内生产总值'
            '同比增长5.2%&nbsp;，<a href="https://example.com/x?id=3&amp;y=4">详情</a>。</p>'
            '<p>GDP rose 5.2% &amp; jobs 1.2m <span style="color:red">(est.)</span></p>'
            '<!-- ad slot 7 --><script>track(1, 2)</script></div>\n')
    text = unit * (10_000_000 // len(unit) + 1)
    view = blank_markup(text, "html")
    assert len(view) == len(text)


# --- Markdown ---------------------------------------------------------------------------------

def md(text: str) -> str:
    view = blank_markup(text, "markdown")
    check_invariants(text, view)
    return view


def test_front_matter():
    text = "---\ntitle: Report 2024\ndate: 2024-05-01\n---\n# GDP grew 5%\n"
    view = md(text)
    assert view == "\n".join(S * len(line) for line in text.split("\n")[:4]) + "\n# GDP grew 5%\n"


def test_front_matter_only_at_the_very_top():
    text = "intro\n---\nyear: 2024\n---\n"
    assert md(text) == text


def test_fenced_code_blocks():
    text = "before 1\n```python\nx = 42\n```\nafter 2\n~~~~\ny = 7\n~~~~\nend 3\n"
    assert visible(md(text)) == "before 1\n\n\n\nafter 2\n\n\n\nend 3\n"


def test_fence_closing_must_be_as_long_and_unclosed_runs_to_end():
    text = "````\ncode 1\n```\nstill code 2\n````\nok 3\n```\nnever closed 4\n"
    assert visible(md(text)) == "\n\n\n\n\nok 3\n\n\n"


def test_inline_code():
    assert md("run `rm -rf 5` now") == "run " + S * 10 + " now"
    assert md("a ``x ` 9`` b") == "a " + S * 9 + " b"


def test_inline_code_does_not_cross_a_blank_line():
    text = "a ` 5\n\nb ` 6"
    assert md(text) == text


def test_links_keep_text_blank_url_and_title():
    text = '见[统计公报 2024](https://example.com/2024/05.pdf "公报 88")。'
    view = md(text)
    assert visible(view) == "见统计公报 2024。"
    assert view.startswith("见" + S + "统计公报 2024" + S)


def test_images_keep_alt_text():
    assert visible(md("![chart 3](img/2024-3.png) ok")) == "chart 3 ok"


def test_nested_image_in_link():
    assert visible(md("[![logo 5](a.png)](https://x.org/6)")) == "logo 5"


def test_reference_links_and_definitions():
    text = ("See [the report][r1] and [r1] and [R1][] but not [this][zz] or [7].\n\n"
            '[r1]: https://example.com/77 "Title 88"\n')
    view = visible(md(text))
    assert view == "See the report and r1 and R1 but not [this][zz] or [7].\n\n\n"


def test_autolinks_and_bare_urls():
    text = ("<https://example.com/2024> mail <news@example.com> "
            "then https://stats.gov.cn/2024/05. and www.example.org/9) and (http://a.b/c_(1)) 10")
    assert visible(md(text)) == " mail  then . and ) and () 10"


def test_bare_url_stops_at_non_ascii():
    assert visible(md("详见https://example.com/a。增长5%")) == "详见。增长5%"


def test_html_in_markdown():
    text = ('增长<span class="n" data-v="42">5%</span><br>'
            "<!-- claimcheck: ignore CC101 -->下降<!--\nnote 12\n-->3%")
    view = md(text)
    assert visible(view) == "增长5%\n下降\n\n3%"


def test_script_in_markdown():
    assert visible(md("a<script>x = 5</script>b")).replace("\n", "") == "ab"


def test_markdown_entities_need_a_semicolon():
    assert md("A&amp;B &copy 2024 &#x4e07;") == "A&" + S * 4 + "B &copy 2024 万" + S * 7


def test_markdown_markers_are_kept():
    text = "# 标题 2024\n\n> 引用 **5%** and _6_ and *7*\n\n- item 8\n1. item 9\n"
    assert md(text) == text


@pytest.mark.timeout(60)  # a guard against pathological (non-linear) work, not a speed measure
def test_markdown_ten_megabytes():
    unit = ("## 要闻 2024\n\n国家统计局周一公布，前三季度国内生产总值同比增长5.2%，"
            '见[公报](https://example.com/a/b.html "t")和`code 1`。\n\n')
    text = unit * (10_000_000 // len(unit) + 1)
    view = blank_markup(text, "markdown")
    assert len(view) == len(text)


# --- properties -------------------------------------------------------------------------------

PIECES = [
    "<", ">", "&", '"', "'", "=", "/", "!", "-", "?", "[", "]", "(", ")", "`", "~", "#", "*",
    "_", ";", ":", " ", "\n", "\r\n", "\t", "a", "Z", "5", "国", "。", "<!--", "-->", "<!",
    "<?", "</", "<p>", "</p>", "<br>", "<div class=\"x\">", "</div>", "<script>", "</script>",
    "<style>", "</style>", "<title>", "</title>", "<textarea>", "<![CDATA[", "]]>", "&amp;",
    "&#", "&#x", "&#x4e07;", "&nbsp", "&copy", "x=\"", "='", "```", "~~~", "---", "---\n",
    "http://", "https://a.b/", "www.", "<http://x>", "[a](b)", "![c](d)", "[r]: u", "&#0;",
    "<a href='", "SCRIPT", "\\", "\x00",
]
htmlish = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300)
@given(st.one_of(st.text(), htmlish), st.sampled_from(["text", "markdown", "html"]))
def test_view_same_length_and_only_markup_changes(text, fmt):
    view = blank_markup(text, fmt)
    check_invariants(text, view)


TEXT_CHARS = "国家统计局公布增长万亿元，。：、年月日 "
VALUE_CHARS = "0123456789QZXqzx-:/.%;# "
words = st.text(alphabet=TEXT_CHARS, min_size=1, max_size=12)
values = st.text(alphabet=VALUE_CHARS, max_size=12)
names = st.sampled_from(["p", "div", "span", "a", "b", "td", "li", "h2", "em", "section", "br"])
attr_names = st.sampled_from(["class", "id", "width", "href", "data-n", "title", "style"])


@st.composite
def tags(draw):
    name = draw(names)
    attrs = draw(st.lists(st.tuples(attr_names, values, st.sampled_from(['"', "'", ""])),
                          max_size=3))
    parts = []
    for key, value, quote in attrs:
        if not quote:
            value = value.replace(" ", "") or "1"
        parts.append(f" {key}={quote}{value}{quote}")
    closing = draw(st.booleans())
    return f"</{name}>" if closing else f"<{name}{''.join(parts)}{draw(st.sampled_from(['', '/']))}>"


@st.composite
def html_documents(draw):
    """(document, the text a reader sees) for well-formed HTML made of words and markup."""
    doc, seen = [], []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["word", "tag", "tag", "comment", "script", "ref"]))
        if kind == "word":
            w = draw(words)
            doc.append(w)
            seen.append(w)
        elif kind == "tag":
            doc.append(draw(tags()))
        elif kind == "comment":
            doc.append(f"<!--{draw(values).replace('-', '')}-->")
        elif kind == "script":
            doc.append(f"<script>{draw(values)}</script>")
        else:
            ref, char = draw(st.sampled_from([("&amp;", "&"), ("&#x4e07;", "万"),
                                              ("&nbsp;", "\xa0"), ("&lt;", "<")]))
            doc.append(ref)
            seen.append(char)
    return "".join(doc), "".join(seen)


@settings(max_examples=300)
@given(html_documents())
def test_html_view_shows_exactly_the_text(case):
    text, seen = case
    view = blank_markup(text, "html")
    check_invariants(text, view)
    assert visible(view).replace("\n", "") == seen
    assert not set(view) & set("0123456789QZXqzx")        # nothing from tags or attributes


@st.composite
def markdown_documents(draw):
    doc, seen = [], []
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["word", "link", "image", "code", "url", "comment", "tag"]))
        w = draw(words).strip() or "国"
        v = draw(values).replace(" ", "").replace("`", "")
        if kind == "word":
            doc.append(f" {w} ")
            seen.append(f" {w} ")
        elif kind == "link":
            doc.append(f'[{w}](https://example.com/{v} "T {v}")')
            seen.append(w)
        elif kind == "image":
            doc.append(f"![{w}](img/{v}.png)")
            seen.append(w)
        elif kind == "code":
            doc.append(f" `{v or 'x'}` ")
            seen.append("  ")
        elif kind == "url":
            doc.append(f" https://example.com/{v}Q ")
            seen.append("  ")
        elif kind == "comment":
            doc.append(f"<!-- claimcheck: ignore {v} -->")
        else:
            doc.append(f'<span class="{v}">')
    return "".join(doc), "".join(seen)


@settings(max_examples=300)
@given(markdown_documents())
def test_markdown_view_shows_exactly_the_text(case):
    text, seen = case
    view = blank_markup(text, "markdown")
    check_invariants(text, view)
    assert visible(view) == seen
    assert not set(view) & set("0123456789QZXqzx")
