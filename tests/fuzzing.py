"""Issue 15: the fuzz harness's strategies and checks, shared by tests/test_fuzz.py (bounded, for
CI) and benchmarks/fuzz.py (a longer run). ``check_one`` runs one input through extraction, the
bitext check and every renderer and raises AssertionError on anything wrong: an exception, an
offset that does not point at the claim's text, output that does not parse, an input processed in
more than a second per 10 KB."""

from __future__ import annotations

import io
import json
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from hypothesis import strategies as st

from checker.extract import extract_text
from checker.io.document import Document
from checker.io.markup import blank_markup

# Pieces of the claims both extractors read, and of their near misses: numerals and scales,
# measure and unit words, dates, ordinals (also wrong ones, 12nd/2th), signs, separators, every
# kind of white space (\x0b and the Unicode line breaks), CJK and fullwidth punctuation.
PIECES = list(
    "0123456789０１２３４５６７８９一二两三四五六七八九十百千万亿〇零壹贰叁拾佰仟萬億"
    "余多近约逾数几上第届次名个萬個餘年月日号时分秒周岁天星期礼拜至到公里吨元美成倍"
    "%‰％+-−–—~～:/.,，。、；：！？（）《》“”‘’·…【】 \t\n\r\x0b\x0c\u2028\u2029\u3000\xa0"
    "abcdeklmnorstyAMDF$€£¥"
) + [
    " more than ", " about ", " nearly ", " million ", " billion ", " thousand ", " km", " years",
    " percent", " per cent", " times", "May ", "December ", "Monday", "Tuesday through Friday",
    "twenty-", "one", "two", "three", " hundred", "first", "second", "12nd", "2th", "3rd", "21st",
    "第十", "百分之", "平方公里", "人次", "万元", "亿美元", "年来", "以来", "多年", "同比增长",
    "2020年1月1日", "1月1日至3日", "周一至周五", "星期三", "上午9时", "下午3点", "去年", "今年",
    "1 1 1 ", "第第第", "1,000,000", "3.5", "10%", "-5", "+7", "½", "Ⅻ", "①",
    "<p>", "</p>", "<b>", "&amp;", "# ", "**",
]
# A text of those pieces, or any text (no surrogates: a str read from a file has none).
_ANY_CHAR = st.characters(exclude_categories=("Cs",))
TEXT = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=160).map("".join),
    st.text(_ANY_CHAR, max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(_ANY_CHAR, max_size=4)), max_size=80).map("".join),
)
# A long run of one piece, as an attacker writes it to find a quadratic scan
RUN = st.builds(lambda piece, n, tail: piece * n + tail,
                st.sampled_from(PIECES), st.integers(min_value=50, max_value=400), TEXT)


SLOWDOWN = 1.0      # benchmarks/fuzz.py raises it under atheris, whose instrumentation slows every line


def time_limit(text: str) -> float:
    """Seconds one input may take: one per 10 KB (and never less than one second)."""
    return SLOWDOWN * max(1.0, len(text.encode("utf-8")) / 10_000)


def render_limit(text: str, items: int) -> float:
    """Seconds the reports of one input may take: a second per 10 KB, and 5 ms more per claim or
    finding shown — rich lays out each row of the text reports at ~2 ms (a text dense with figures,
    "1 1 1 …", has a claim every few characters and a finding for each), linear but above the
    second per 10 KB; see DESIGN.md "Regular expressions and their engines"."""
    return time_limit(text) + SLOWDOWN * 0.005 * items


def _doc(path: str, text: str) -> Document:
    return Document(path=path, text=text, view=blank_markup(text, "text"), format="text",
                    encoding="utf-8")


class _StrictHTML(HTMLParser):
    """Fails on a closing tag that closes no open element, and leaves the open ones for the caller."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr", "path", "circle", "rect", "line", "polyline", "polygon", "stop", "use"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-3:]}"
        self.stack.pop()


def check_html(out: str) -> None:
    p = _StrictHTML()
    p.feed(out)
    p.close()
    assert p.stack in ([], ["html"]), f"unclosed tags {p.stack[-5:]}"


def check_claims(text: str) -> list:
    """Extraction of one text: claims in order, not overlapping, each span the text it names."""
    claims = extract_text(text)
    last = 0
    for c in claims:
        assert 0 <= c.start < c.end <= len(text), c
        assert text[c.start:c.end] == c.text, (c.start, c.end, c.text)
        assert c.start >= last, "claims overlap or come out of order"
        last = c.end
        v = c.value
        if getattr(v, "low", None) is not None and getattr(v, "high", None) is not None:
            assert v.low <= v.high, c
    return claims


def render_claims(claims: list, path: str) -> None:
    from rich.console import Console

    from checker.report.claims import json_chunks, jsonl_chunks, to_table

    for line in "".join(jsonl_chunks(claims)).splitlines():
        json.loads(line)
    json.loads("".join(json_chunks(claims, 1)))
    Console(file=io.StringIO(), width=160, color_system=None).print(to_table(claims, path))


def check_bitext(source: str, target: str) -> tuple[int, int]:
    """The bitext check as `claimcheck check --source --target` runs it, then every findings report."""
    from rich.console import Console

    from checker import __version__
    from checker.engine import check_bitext as run
    from checker.engine.select import known_rules
    from checker.io.bilingual import _free_pair
    from checker.report import findings as render
    from checker.report.html import html_chunks
    from checker.report.junit import junit_chunks
    from checker.report.sarif import sarif_chunks

    if not (source or target):       # a file without text is no document (checker.io.read)
        return 0, 0
    bitext = _free_pair(_doc("src.zh.txt", source) if source else None,
                        _doc("tgt.en.txt", target) if target else None)
    result, _ = _timed(time_limit(source + target), "check_bitext", run, bitext)
    start = time.perf_counter()
    texts = {"src.zh.txt": source, "tgt.en.txt": target}
    for f in result.findings:
        for _, c in f.claims:
            if c.path in texts:
                assert texts[c.path][c.start:c.end] == c.text, (c.path, c.start, c.end, c.text)
    findings = result.findings
    json.loads("".join(render.json_chunks(findings, 2, result.claims)))
    "".join(render.concise_chunks(findings))
    "".join(render.github_chunks(findings))
    json.loads("".join(sarif_chunks(findings, known_rules(), __version__)))
    ET.fromstring("".join(junit_chunks(findings, sorted(texts), "error")))
    check_html("".join(html_chunks([(bitext, result)], findings, 2, result.claims)))
    render.render_text(Console(file=io.StringIO(), width=160, color_system=None), findings, texts, 2,
                       result.claims)
    took, limit = time.perf_counter() - start, render_limit(source + target, len(findings))
    if took >= limit:
        raise SlowInput(f"rendering {len(findings)} findings: {took:.2f} s (limit {limit:.1f} s)")
    return result.claims, len(findings)


def _timed(limit: float, what: str, fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    took = time.perf_counter() - start
    if took >= limit:
        raise SlowInput(f"{what}: {took:.2f} s (limit {limit:.1f} s)")
    return out, took


def check_one(text: str, other: str = "") -> tuple[int, float]:
    """check_once; an input found slow is run again and fails only if it is slow again (a slow
    input is slow every time; a loaded machine's pause once is not the input's)."""
    try:
        return check_once(text, other)
    except SlowInput:
        return check_once(text, other)


class SlowInput(AssertionError):
    pass


def check_once(text: str, other: str = "") -> tuple[int, float]:
    """Every check on one input (and a second text as its translation): the claims found and the
    seconds extraction took. Raises AssertionError on anything wrong, including slowness: extraction
    and the check have a second per 10 KB of their input, the reports that too plus 5 ms a row."""
    claims, took = _timed(time_limit(text), f"extract_text of {len(text)} characters", check_claims, text)
    _timed(render_limit(text, len(claims)), "claims reports", render_claims, claims, "fuzz.txt")
    check_bitext(text, other)
    check_bitext(other, text)
    return len(claims), took
