"""The view of a document: its text with markup blanked, character for character.

``blank_markup(text, fmt)`` returns a string of exactly ``len(text)`` characters. Every character
that is text is kept as it is; every character of markup is replaced by ``SENTINEL`` ("\\x00"),
except that

* newlines ("\\n" and "\\r") inside blanked markup are kept, so lines stay where they were;
* a block-level tag (``<p>``, ``</p>``, ``<br>``, ``<div>``, ``<li>``, ``<h1>``, ``<tr>``,
  ``<td>``, ...) becomes "\\n" followed by SENTINELs, so paragraphs stay apart: ``<br>`` becomes
  "\\n\\x00\\x00\\x00" and ``</p>`` "\\n\\x00\\x00\\x00";
* a character reference (``&amp;``, ``&nbsp;``, ``&#12345;``, ``&#x4e07;``) becomes the character
  it stands for followed by SENTINELs: ``&amp;`` becomes "&\\x00\\x00\\x00\\x00".

So an offset into the view is an offset into the text, and a claim found in the view can be shown
in the text as it was written.

HTML: tags with all their attributes, comments, doctype, processing instructions and CDATA are
blanked, and so is everything inside ``<script>``, ``<style>``, ``<iframe>``, ``<noembed>`` and
``<noframes>``. The text of ``<title>`` and ``<textarea>`` is kept (tags inside them are text, as
in a browser). A tag that is never closed with ">" runs to the end of the document, as in a
browser; so does an unclosed comment. A "<" that cannot start a tag ("a < b", "<3") is text.

Markdown: YAML (``---``) or TOML (``+++``) front matter at the very top, fenced code blocks
(three or more backticks or tildes; an unclosed fence runs to the end), code spans (not across a
blank line), HTML comments such as ``<!-- claimcheck: ignore CC101 -->``, inline HTML tags
(block-level ones as above), ``<script>``/``<style>`` elements, autolinks ``<https://...>``, bare
URLs (``https://...``, ``www....``), reference definitions ``[id]: url "title"`` and the URL part
of links and images: ``[text](url "title")`` keeps ``text`` and blanks ``[`` and
``](url "title")``; ``![alt](src)`` keeps ``alt``; ``[text][id]`` keeps ``text`` when ``id`` is
defined. Character references with a ";" are decoded as in HTML. Indented code blocks are NOT
blanked (list continuations look the same). Heading ``#`` markers, emphasis ``*``/``_``,
blockquote ``>`` and list markers are kept: they are punctuation, not claims.

Plain text: the view is the text.

Every regular expression here is linear: character classes with possessive quantifiers, no nested
quantifiers that can backtrack; delimited constructs are found with ``str.find``. A 10 MB HTML
page takes about half a second.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections import defaultdict
from html.entities import html5 as _HTML5

from checker.io.document import SENTINEL

__all__ = ["blank_markup", "BLOCK_TAGS", "FORMATS"]

FORMATS = ("text", "markdown", "html")

BLOCK_TAGS = frozenset("""
    address article aside blockquote body br caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr
    html legend li main menu nav ol optgroup option p pre section summary table tbody td tfoot th
    thead title tr ul
""".split())

_RAW_TAGS = frozenset({"script", "style", "iframe", "noembed", "noframes"})   # content blanked
_RCDATA_TAGS = frozenset({"title", "textarea"})                                # content is text

_NOT_NEWLINE = re.compile(r"[^\r\n]+")
_LEGACY_MAX = max(len(k) for k in _HTML5 if not k.endswith(";"))


# ----------------------------------------------------------------------------------------------
# Helpers
#
# Speed: every pattern starts with a literal character, so the regex engine jumps between
# candidates at memchr speed; matches are replaced through ``re.split`` and a per-call table
# (a dict whose __missing__ computes the replacement), so repeated markup such as "</p>" costs a
# dictionary lookup in C instead of a Python call.


def _blank(s: str, block: bool = False) -> str:
    """``s`` with every character but newlines replaced by SENTINEL; block: first becomes "\\n"."""
    if "\n" in s or "\r" in s:
        out = _NOT_NEWLINE.sub(lambda m: SENTINEL * len(m.group()), s)
    else:
        out = SENTINEL * len(s)
    if block and out and out[0] not in "\r\n":
        out = "\n" + out[1:]
    return out


class _Table(dict):
    """Replacement for each distinct matched string, computed once."""

    __slots__ = ("make",)

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key: str) -> str:
        value = self.make(key)
        self[key] = value
        return value


def _replace_all(pattern: re.Pattern, view: str, make) -> str:
    """Replace every match of ``pattern`` (one capturing group around it all) by make(match)."""
    parts = pattern.split(view)
    if len(parts) == 1:
        return view
    parts[1::2] = map(_Table(make).__getitem__, parts[1::2])
    return "".join(parts)


def _apply(view: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace view[start:end] by a same-length string, for sorted, disjoint edits."""
    if not edits:
        return view
    parts = []
    pos = 0
    for start, end, new in edits:
        parts.append(view[pos:start])
        parts.append(new)
        pos = end
    parts.append(view[pos:])
    return "".join(parts)


# ----------------------------------------------------------------------------------------------
# Character references

_HTML_REF = re.compile(r"(&(?:#[xX][0-9A-Fa-f]++;?+|#[0-9]++;?+|[A-Za-z][A-Za-z0-9]*+;?+))")
_MD_REF = re.compile(r"(&(?:#[xX][0-9A-Fa-f]{1,6}+|#[0-9]{1,7}+|[A-Za-z][A-Za-z0-9]{0,31}+);)")


def _decode_ref(ref: str, legacy: bool) -> tuple[str, int] | None:
    """The character(s) a reference stands for and how many characters of ``ref`` it uses."""
    if ref[1] == "#":
        body = ref[2:].rstrip(";")
        hexadecimal = body[:1] in ("x", "X")
        digits = (body[1:] if hexadecimal else body).lstrip("0") or "0"
        if len(digits) > 8:              # far beyond U+10FFFF (and int() limits long strings)
            return "\ufffd", len(ref)
        return html.unescape("&#" + ("x" if hexadecimal else "") + digits + ";"), len(ref)
    name = ref[1:]
    if name.endswith(";") and name in _HTML5:
        return _HTML5[name], len(ref)
    if legacy:  # browsers also decode some old names without ";", even as a prefix: &copy2024
        bare = name.rstrip(";")
        for k in range(min(len(bare), _LEGACY_MAX), 1, -1):
            decoded = _HTML5.get(bare[:k])
            if decoded is not None:
                return decoded, 1 + k
    return None


def _ref_replacement(ref: str, legacy: bool) -> str:
    found = _decode_ref(ref, legacy)
    if found is None:
        return ref
    decoded, used = found
    if len(decoded) > used or SENTINEL in decoded:   # cannot happen with the HTML5 table
        return ref
    return decoded + SENTINEL * (used - len(decoded)) + ref[used:]


def _html_ref(ref: str) -> str:
    return _ref_replacement(ref, True)


def _md_ref(ref: str) -> str:
    return _ref_replacement(ref, False)


# ----------------------------------------------------------------------------------------------
# HTML: one pass for markup (tags, comments, doctype, CDATA, processing instructions, raw-text
# elements with their content), one for character references in what is left.

# Attributes of a tag, up to (not including) its ">". Quotes delimit a value only after "=", as
# in a browser; a stray quote is an ordinary character. A tag never closed with ">" runs to the
# end of the document (a browser drops it).
_ATTRS = r"""[^>="']*+(?:(?:=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+')?+|["'])[^>="']*+)*+"""
_NAME_END = r"(?=[\t\n\f\r />]|\Z)"
_SPECIAL = r"(?i:s(?:cript|tyle)|t(?:itle|extarea)|iframe|no(?:embed|frames))" + _NAME_END


def _until_end_tag(name: str) -> str:
    """Content of a raw-text element: everything up to its end tag (or the end of the text)."""
    return r"(?:[^<]++|<(?!/(?i:" + name + r")" + _NAME_END + r"))*+"


_HTML_MARKUP = re.compile(
    r"(<(?:"
    # the common case first: an ordinary tag whose attribute values, if any, are quoted or plain
    rf"(?!{_SPECIAL})/?+[A-Za-z][^\t\n\f\r />\"'=<]*+"
    r"""(?:[\t\n\f\r /][^>"'=<]*+(?:=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+')?+[^>"'=<]*+)*+)?+>"""
    r"|!--(?:>|->|(?:[^-]++|-(?!->))*+(?:-->)?+)"             # comment, to EOF if unclosed
    r"|!\[CDATA\[(?:[^\]]++|\](?!\]>))*+(?:\]\]>)?+"
    r"|![^>]*+>?+"                                           # doctype, bogus comment
    r"|\?[^>]*+>?+"                                          # processing instruction
    + "".join(rf"|(?i:{name}){_NAME_END}{_ATTRS}(?:>{_until_end_tag(name)})?+"
              for name in sorted(_RAW_TAGS | _RCDATA_TAGS))
    + rf"|/?+[A-Za-z][^\t\n\f\r />\"'=]*+{_ATTRS}>?+"            # any other tag
    r"|/(?:>|[^A-Za-z>][^>]*+>?+)"                           # "</>", "</ x>": bogus
    r"))"
)
_TAG_NAME = re.compile(r"</?+([A-Za-z][^\t\n\f\r />\"'=]*+)")
_START_TAG = re.compile(rf"<[A-Za-z][^\t\n\f\r />\"'=]*+{_ATTRS}>?+")


def _html_markup(s: str) -> str:
    """The view of one piece of markup matched by _HTML_MARKUP."""
    m = _TAG_NAME.match(s)
    if m is None:                                  # comment, doctype, CDATA, PI, bogus
        return _blank(s)
    name = m.group(1).lower()
    if s[1] != "/":
        if name in _RCDATA_TAGS:                   # <title> and <textarea>: keep the text
            end = _START_TAG.match(s).end()
            return _blank(s[:end], True) + s[end:]
        if name in _RAW_TAGS:                      # <script> and the like: blank it all
            return _blank(s)
    return _blank(s, name in BLOCK_TAGS)


def _html(text: str) -> str:
    view = _replace_all(_HTML_MARKUP, text, _html_markup) if "<" in text else text
    if "&" in view:
        view = _replace_all(_HTML_REF, view, _html_ref)
    return view


# ----------------------------------------------------------------------------------------------
# Markdown

_FRONT_OPEN = re.compile(r"(---|\+\+\+)[ \t]*+\r?\n")
_FENCE = re.compile(r"(`{3,}+)(?=[^`\r\n]*+(?:\r?\n|\Z))|(~{3,}+)")
_CLOSE_TAIL = re.compile(r"[ \t]*+\r?(?:\n|\Z)")
_BLANK_LINE = re.compile(r"\n[ \t]*+(?=\r?\n)")
_BACKTICKS = re.compile(r"``*+")

_MD_MARKUP = re.compile(
    r"(<(?:"
    r"[A-Za-z][A-Za-z0-9+.\-]{1,31}+:[^\s<>\x00]*+>"                        # autolink
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]++@[A-Za-z0-9][A-Za-z0-9.\-]*+>"      # e-mail autolink
    r"|[A-Za-z][A-Za-z0-9\-]*+"                                             # open tag
    r"""(?:\s++[A-Za-z_:][A-Za-z0-9_.:\-]*+(?:\s*+=\s*+(?:[^\s"'=<>`]++|'[^']*+'|"[^"]*+"))?+)*+"""
    r"\s*+/?+>"
    r"|/[A-Za-z][A-Za-z0-9\-]*+\s*+>"                                      # closing tag
    r"|![A-Za-z][^>]*+>"                                                   # declaration
    r"))"
)
_MD_TAG_NAME = re.compile(r"</?+([A-Za-z][A-Za-z0-9\-]*+)(?![A-Za-z0-9+.\-]*+:|[^\s>]*+@)")
_MD_RAW_OPEN = re.compile(r"<(script|style)(?=[\s/>])", re.I)
_MD_REFDEF = re.compile(r"""
    \[(?P<label>[^\[\]\r\n\x00]{1,999}+)\]:
    [ \t]*+(?:\r?\n[ \t]*+)?+
    (?:<[^<>\r\n]*+>|[^\s<\x00][^\s\x00]*+)
    (?:(?:[ \t]++|[ \t]*+\r?\n[ \t]*+)(?:"[^"\r\n]*+"|'[^'\r\n]*+'|\([^()\r\n]*+\)))?+
    [ \t]*+(?=\r?\n|\Z)
""", re.X)
_MD_LINK = re.compile(r"""
    \[
    (?P<text>(?:[^\[\]\n]++|\n(?![ \t]*+(?:\r?\n|\Z)))*+)
    (?P<rest>\]
      (?:
        (?P<inline>\(\s*+
            (?:<[^<>\n]*+>|[^\s()<>]*+(?:\([^\s()]*+\)[^\s()<>]*+)*+)
            (?:\s++(?:"[^"]*+"|'[^']*+'|\([^()]*+\)))?+
            \s*+\))
      | (?P<ref>\[[^\[\]]*+\])
      )?+
    )
""", re.X)
_URL_TAIL = r"[\x21-\x3b\x3d\x3f-\x7e]++"          # printable ASCII but "<" and ">"
_URL_BEFORE = r"[A-Za-z0-9_@./\-]"
_MD_BARE_URLS = (
    ("://", re.compile(rf"(h(?<!{_URL_BEFORE}h)ttps?://{_URL_TAIL}|f(?<!{_URL_BEFORE}f)tp://{_URL_TAIL})")),
    ("www.", re.compile(rf"(w(?<!{_URL_BEFORE}w)ww\.{_URL_TAIL})")),
)
_URL_TRAILING = "?!.,:;*_~'\""


def _label(s: str) -> str:
    return " ".join(s.split()).casefold()


def _md_front_matter(view: str) -> str:
    m = _FRONT_OPEN.match(view)
    if not m:
        return view
    marker = re.escape(m.group(1)) + ("|\\.\\.\\." if m.group(1) == "---" else "")
    close = re.compile(r"^(?:" + marker + r")[ \t]*+\r?$", re.M).search(view, m.end())
    if not close:
        return view
    return _blank(view[:close.end()]) + view[close.end():]


def _line_start(view: str, i: int, allowed: str, limit: int | None = None) -> int | None:
    """If only characters from ``allowed`` (at most ``limit``) precede view[i] on its line, the
    start of that line; else None. Walks back over those characters only, never the whole line."""
    j = i
    while j and view[j - 1] in allowed:
        j -= 1
        if limit is not None and i - j > limit:
            return None
    return j if j == 0 or view[j - 1] == "\n" else None


def _fence_line(view: str, i: int) -> int | None:
    """If only indentation and ">" precede view[i] on its line, the line's start."""
    return _line_start(view, i, " \t>")


def _md_fences(view: str) -> str:
    """Fenced code blocks: ``` or ~~~ (3 or more) up to a closing fence as long; else to EOF."""
    if "```" not in view and "~~~" not in view:
        return view
    edits = []
    pos = 0
    n = len(view)
    following = {"```": -2, "~~~": -2}    # next occurrence of each at or after pos (-1: none)
    while pos < n:
        for marker, at in following.items():
            if -1 < at < pos or at == -2:
                following[marker] = view.find(marker, pos)
        found = [at for at in following.values() if at >= 0]
        if not found:
            break
        i = min(found)
        m = _FENCE.match(view, i)
        start = _fence_line(view, i) if m else None
        if start is None:
            pos = i + 3
            while pos < n and view[pos] == view[i]:
                pos += 1
            continue
        fence = m.group(1) or m.group(2)
        line_end = view.find("\n", m.end())
        end = n
        search = line_end
        while 0 <= search < n:                    # look for the closing fence
            j = view.find(fence, search)
            if j < 0:
                break
            k = j + len(fence)
            while k < n and view[k] == fence[0]:
                k += 1
            tail = _CLOSE_TAIL.match(view, k)
            if tail and _fence_line(view, j) is not None:
                end = tail.end()
                if view[end - 1:end] == "\n":
                    end -= 1
                break
            search = k
        edits.append((start, end, _blank(view[start:end])))
        pos = end
    return _apply(view, edits)


def _md_code_spans(view: str) -> str:
    """Code spans: a run of N backticks up to the next run of exactly N, within a paragraph."""
    if "`" not in view:
        return view
    runs = []
    for m in _BACKTICKS.finditer(view):
        start, end = m.span()
        if start and view[start - 1] == "\\":   # an escaped backtick is literal
            start += 1
            if start == end:
                continue
        runs.append((start, end - start))
    if len(runs) < 2:
        return view
    boundaries = [m.start() for m in _BLANK_LINE.finditer(view)]
    by_length: dict[int, list[int]] = defaultdict(list)
    for index, (_, length) in enumerate(runs):
        by_length[length].append(index)
    pointer: dict[int, int] = defaultdict(int)
    edits = []
    i = 0
    while i < len(runs):
        start, length = runs[i]
        same = by_length[length]
        k = pointer[length]
        while k < len(same) and same[k] <= i:
            k += 1
        pointer[length] = k
        if k < len(same):
            j = same[k]
            close = runs[j][0]
            b = bisect_right(boundaries, start)
            if b == len(boundaries) or close < boundaries[b]:
                end = close + length
                edits.append((start, end, _blank(view[start:end])))
                i = j + 1
                continue
        i += 1
    return _apply(view, edits)


def _md_delimited(view: str, opener: str, closer: str) -> str:
    """Blank every opener ... closer (e.g. HTML comments); an unclosed opener is left alone."""
    edits = []
    pos = 0
    while True:
        i = view.find(opener, pos)
        if i < 0:
            break
        if opener == "<!--" and view.startswith(">", i + 4):
            end = i + 5
        elif opener == "<!--" and view.startswith("->", i + 4):
            end = i + 6
        else:
            j = view.find(closer, i + len(opener))
            if j < 0:
                break          # no later opener can be closed either
            end = j + len(closer)
        edits.append((i, end, _blank(view[i:end])))
        pos = end
    return _apply(view, edits)


def _md_raw_elements(view: str) -> str:
    """<script>...</script> and <style>...</style>, when closed."""
    edits = []
    pos = 0
    unclosed: set[str] = set()        # no end tag after this point: later ones cannot close
    while True:
        m = _MD_RAW_OPEN.search(view, pos)
        if not m:
            break
        name = m.group(1).lower()
        close = None
        if name not in unclosed:
            close = re.compile(r"</" + name + r"\s*+>", re.I).search(view, m.end())
        if not close:
            unclosed.add(name)
            pos = m.end()
            continue
        edits.append((m.start(), close.end(), _blank(view[m.start():close.end()], True)))
        pos = close.end()
    return _apply(view, edits)


def _md_markup(s: str) -> str:
    """The view of an inline HTML tag, declaration or autolink."""
    m = _MD_TAG_NAME.match(s)
    return _blank(s, m is not None and m.group(1).lower() in BLOCK_TAGS)


def _md_refdefs(view: str) -> tuple[str, set[str]]:
    """Reference definitions ``[id]: url "title"`` (at most 3 spaces in) are blanked."""
    labels: set[str] = set()
    if "]:" not in view:
        return view, labels
    edits = []
    for m in _MD_REFDEF.finditer(view):
        start = m.start()
        if _line_start(view, start, " ", 3) is None:
            continue
        labels.add(_label(m.group("label")))
        edits.append((start, m.end(), _blank(m.group())))
    return _apply(view, edits), labels


def _md_links(view: str, labels: set[str]) -> str:
    """Links and images: keep the text, blank "[" (or "![") and "](url "title")" or "][id]"."""
    if "[" not in view or "]" not in view:
        return view
    for _ in range(4):                 # innermost first: [![alt](img)](url) takes two rounds
        edits = []
        for m in _MD_LINK.finditer(view):
            text, rest = m.group("text"), m.group("rest")
            if m.group("inline") is None:
                ref = m.group("ref")
                label = ref[1:-1] if ref and ref != "[]" else text
                if not label.strip() or _label(label) not in labels:
                    continue
            start = m.start()
            if start and view[start - 1] == "!":
                start -= 1
            text_start = m.start("text")
            edits.append((start, text_start, _blank(view[start:text_start])))
            edits.append((m.start("rest"), m.end(), _blank(rest)))
        if not edits:
            break
        view = _apply(view, edits)
    return view


def _md_bare_url(url: str) -> str:
    end = len(url)
    while end:
        c = url[end - 1]
        if c in _URL_TRAILING:
            end -= 1
        elif c == ")" and url.count(")", 0, end) > url.count("(", 0, end):
            end -= 1
        elif c == "]" and url.count("]", 0, end) > url.count("[", 0, end):
            end -= 1
        else:
            break
    return _blank(url[:end]) + url[end:]


def _markdown(text: str) -> str:
    view = _md_front_matter(text)
    view = _md_fences(view)
    view = _md_code_spans(view)
    if "<" in view:
        view = _md_delimited(view, "<!--", "-->")
        view = _md_delimited(view, "<![CDATA[", "]]>")
        view = _md_delimited(view, "<?", "?>")
        view = _md_raw_elements(view)
        view = _replace_all(_MD_MARKUP, view, _md_markup)
    view, labels = _md_refdefs(view)
    view = _md_links(view, labels)
    for marker, pattern in _MD_BARE_URLS:
        if marker in view:
            view = _replace_all(pattern, view, _md_bare_url)
    if "&" in view:
        view = _replace_all(_MD_REF, view, _md_ref)
    return view


# ----------------------------------------------------------------------------------------------


def blank_markup(text: str, fmt: str) -> str:
    """The view of ``text`` read as ``fmt`` ("text", "markdown" or "html"); same length as text."""
    if fmt == "text":
        return text
    if fmt == "html":
        view = _html(text)
    elif fmt == "markdown":
        view = _markdown(text)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if len(view) != len(text):   # a bug here would shift every offset: fail loudly
        raise AssertionError(f"markup view length {len(view)} != text length {len(text)}")
    return view
