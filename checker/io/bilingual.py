"""Reading a source text and its translation into :class:`checker.bitext.Bitext` objects.

``read_bitexts(paths, source=None, target=None, aligned=False, stdin=None)`` accepts every input
form of the contract:

1. ``source``/``target``: two files of free text (read with :func:`checker.io.read.read_paths`).
   Without ``aligned`` each side's segments are its non-empty lines; with ``aligned`` segment i of
   each side is line i (empty lines included, so indices correspond) and the two files must have
   the same number of lines. Label "SOURCE → TARGET".
2. XLIFF 1.2 and 2.x (.xlf, .xliff, .sdlxliff), TMX (.tmx) and PO (.po, .pot) files, read with
   translate-toolkit: one segment per unit and side, ``aligned=True``. The segment's ``doc_text``
   is the unit's plain text (entities decoded, inline tags dropped, ``verbatim=False``) and its
   ``line``/``column`` say where the unit's ``<source>``/``<target>`` element (TMX: the ``<seg>``
   of the chosen ``<tuv>``; PO: the ``msgid``/``msgstr`` keyword) starts in the file. Header
   entries, obsolete PO entries and units without a (non-empty) target or source are skipped.
   The source side is the Chinese one: an XLIFF or PO file declared English → Chinese is read
   the other way round (see ``_chinese_first``), and in TMX the ``<tuv>`` whose language starts
   with zh is the source and the one starting with en the target.
3. A directory, walked as read_paths walks one (sorted, hidden names skipped, symbolic links
   followed once). ``NAME.zh.EXT`` and ``NAME.en.EXT`` (any zh-*/en-* tag, "-" or "_",
   case-insensitive; also ``NAME.zh``/``NAME.en`` without an extension, the parallel-corpus
   layout) in the same directory pair up as source and target, read as in 1 without ``aligned``;
   a file without its partner still gives a Bitext, with the other side empty. XLIFF/TMX/PO files
   are read as in 2; every other file as in 4.
4. Any other file (text, Markdown, HTML): one document holding both languages. Its paragraphs
   (lines of the markup-blanked view) are sorted by language with
   :func:`checker.extract.paragraph_language`: Chinese ones become source segments, English ones
   target segments, in document order; lines without letters are skipped. Label: the path.
5. ``-`` is standard input, read once however often it is named, and treated as 4.

Files named explicitly that carry a language tag (``a.zh.md a.en.md``) pair up like files in a
directory; a tagged file named alone pairs with its partner found beside it (``check a.en.md``
reads ``a.zh.md`` or ``a.zh-CN.md`` as its source), and without one is read as in 4.

Verbatim segments (1, 3, 4) have ``doc_text`` = the Document's text, so ``start``/``end`` are
offsets in the file; the span is the line without its line break, trimmed only of markup that
the view blanks at either end (an HTML ``<p>``), never of whitespace. ``line``/``column`` are
1-based, with lines broken at \\r\\n, \\r, \\n, U+2028 and U+2029 as the extractor counts them.

The result lists the ``source``/``target`` pair first, then the bitexts of ``paths`` in order (a
directory's in walk order, a pair at the place of its first file). Every problem is raised as
:class:`checker.errors.InputError` with one paragraph naming the file (and, for a malformed XLIFF,
TMX or PO file, the line); no other exception escapes for bad input.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from checker.bitext import Bitext, Segment
from checker.errors import InputError
from checker.extract import paragraph_language
from checker.io.document import SENTINEL, Document
from checker.io.encoding import decode
from checker.io.read import SUPPORTED_EXTENSIONS, read_paths, vanished, walk_files
from checker.scripts import HAN

__all__ = ["read_bitexts", "UNIT_EXTENSIONS", "language_tag"]

# extension → reader for translation-unit files
UNIT_EXTENSIONS: dict[str, str] = {
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",
    ".tmx": "tmx",
    ".po": "po",
    ".pot": "po",
}

_KIND_NAMES = {"xliff": "XLIFF", "tmx": "TMX", "po": "PO"}

_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
_VIEW_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_XML_LINE_BREAK = re.compile(r"\r\n|[\n\r]")
_HAN_CHAR = re.compile(f"[{HAN}]")
_LATIN_CHAR = re.compile("[A-Za-z]")

# NAME.TAG.EXT or NAME.TAG, where TAG is zh/en with optional subtags (zh-CN, zh_Hant_TW, en-US)
_TAGGED_NAME = re.compile(
    r"\A(?P<name>.+?)\.(?P<tag>(?P<lang>zh|en)(?:[-_][A-Za-z0-9]{1,8})*)(?P<ext>\.[^.]+)?\Z", re.I)

_ZH_CODES = frozenset({"zh", "zho", "chi", "cmn"})
_EN_CODES = frozenset({"en", "eng"})


def language_tag(filename: str) -> tuple[str, str, str] | None:
    """For ``a.zh-CN.md`` → ("a", "zh", ".md"); ``a.en`` → ("a", "en", ""); otherwise None."""
    m = _TAGGED_NAME.match(os.path.basename(filename))
    if not m:
        return None
    return m.group("name"), m.group("lang").lower(), (m.group("ext") or "").lower()


def _language_of(code: str | None) -> str | None:
    """'zh' or 'en' for a language code (zh-CN, zh_Hant, en-US, eng), else None."""
    if not code:
        return None
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    if primary in _ZH_CODES:
        return "zh"
    if primary in _EN_CODES:
        return "en"
    return None


# ----------------------------------------------------------------------------------------------
# Positions


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _trim_markup(view: str, start: int, end: int) -> tuple[int, int]:
    """The span without the blanked markup (SENTINELs) at either end; whitespace is kept."""
    while start < end and view[start] == SENTINEL:
        start += 1
    while end > start and view[end - 1] == SENTINEL:
        end -= 1
    return start, end


_TEXT_CHAR = re.compile(rf"[^\s{SENTINEL}]")


def _has_text(view: str, start: int, end: int) -> bool:
    return _TEXT_CHAR.search(view, start, end) is not None


# ----------------------------------------------------------------------------------------------
# Verbatim segments from Documents


def _segment(doc: Document, starts: list[int], start: int, end: int) -> Segment:
    line, column = _position(starts, start)
    return Segment(path=doc.path, doc_text=doc.text, start=start, end=end, line=line,
                   column=column, verbatim=True)


def _paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    """Lines of the view with text in them, trimmed of markup at either end."""
    spans = []
    for m in _VIEW_LINE.finditer(doc.view):
        s, e = m.span()
        if _has_text(doc.view, s, e):
            spans.append(_trim_markup(doc.view, s, e))
    return spans


def _paragraphs(doc: Document) -> tuple[Segment, ...]:
    starts = _line_starts(doc.text)
    return tuple(_segment(doc, starts, s, e) for s, e in _paragraph_spans(doc))


def _lines(doc: Document) -> tuple[Segment, ...]:
    """Every line of the text, empty ones too (a final line break ends a line, it does not start
    one), each trimmed of markup at either end."""
    starts = _line_starts(doc.text)
    spans = []
    pos = 0
    for m in _LINE_BREAK.finditer(doc.text):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(doc.text):
        spans.append((pos, len(doc.text)))
    segments = []
    for s, e in spans:
        s2, e2 = _trim_markup(doc.view, s, e)
        if s2 == e2:
            s2 = e2 = s
        segments.append(_segment(doc, starts, s2, e2))
    return tuple(segments)


def _by_language(doc: Document) -> Bitext:
    """A document holding both languages: Chinese paragraphs are the source, English the target."""
    starts = _line_starts(doc.text)
    source, target = [], []
    for s, e in _paragraph_spans(doc):
        lang = paragraph_language(doc.view, s, e)
        if lang == "zh":
            source.append(_segment(doc, starts, s, e))
        elif lang == "en":
            target.append(_segment(doc, starts, s, e))
    return Bitext(source=tuple(source), target=tuple(target), aligned=False, label=doc.path)


def _free_pair(src: Document | None, tgt: Document | None, aligned: bool = False) -> Bitext:
    if aligned:
        assert src is not None and tgt is not None
        source, target = _lines(src), _lines(tgt)
        if len(source) != len(target):
            raise InputError(
                f"Cannot read {src.path} and {tgt.path} as aligned texts: --aligned says that "
                f"line i of the target translates line i of the source, but {src.path} has "
                f"{len(source)} lines and {tgt.path} has {len(target)}. Make the files line up "
                "(one segment per line, empty lines included), or leave out --aligned to have "
                "them aligned automatically.")
    else:
        source = _paragraphs(src) if src is not None else ()
        target = _paragraphs(tgt) if tgt is not None else ()
    if src is not None and tgt is not None:
        label = f"{src.path} → {tgt.path}"
    else:
        label = (src or tgt).path    # type: ignore[union-attr]
    return Bitext(source=source, target=target, aligned=aligned, label=label)


# ----------------------------------------------------------------------------------------------
# Translation-unit files (XLIFF, TMX, PO) through translate-toolkit


def _unit_kind(path: str) -> str | None:
    return UNIT_EXTENSIONS.get(os.path.splitext(path)[1].lower())


def _problem(path: str, kind: str, detail: str, line: int | None = None,
             column: int | None = None) -> InputError:
    where = ""
    if line is not None:
        where = f" at line {line}" + (f", column {column}" if column is not None else "")
    detail = " ".join(str(detail).split()).rstrip(".")
    if len(detail) > 200:
        detail = detail[:200].rstrip() + "…"
    what = {"xliff": "an XLIFF", "tmx": "a TMX", "po": "a PO"}[kind]
    return InputError(
        f"Cannot read {path} as {what} file: it is malformed{where} ({detail}). Fix the file, "
        "or export it again from the translation tool.")


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        read_paths([path])      # raises the reader's own message (missing, permission, ...)
        raise InputError(f"Cannot read {path}. Check that it is a readable file and try "
                         "again.") from None


def _decode_markup(data: bytes, encoding: str | None, path: str) -> str | None:
    """The file's text (for finding positions), or None if it cannot be decoded."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
            if codec == "utf-8":
                codec = "utf-8-sig"
            return data.decode(codec)
        except (LookupError, UnicodeError):
            pass
    try:
        return decode(data, path)[0]
    except InputError:
        return None


_XML_SKIP = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)", re.S)


class _XmlLocator:
    """Where elements start in the file: lxml gives the line where a start tag ends; this finds
    the ``<`` of the tag itself by matching every element of that local name, in document order,
    with the occurrences of ``<prefix:name`` in the text (comments, CDATA and processing
    instructions blanked first, so every occurrence is a real tag)."""

    def __init__(self, text: str | None, root) -> None:
        from lxml import etree

        self.etree = etree
        self.root = root
        self.text = None
        if text is not None:
            self.text = _XML_SKIP.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), text)
            self.starts = _line_starts(text)
            self.xml_starts = [0] + [m.end() for m in _XML_LINE_BREAK.finditer(text)]
        self.offsets: dict[str, dict[object, int]] = {}

    def _index(self, local: str) -> dict[object, int]:
        found = self.offsets.get(local)
        if found is None:
            found = {}
            pattern = re.compile(rf"<(?:[^\s<>/!?:]+:)?{re.escape(local)}(?=[\s/>])")
            matches = pattern.finditer(self.text)
            for element in self.root.iter(self.etree.Element):
                if _local_name(element) != local:
                    continue
                m = next(matches, None)
                if m is None:
                    break
                found[element] = m.start()
            self.offsets[local] = found
        return found

    def position(self, element) -> tuple[int, int]:
        sourceline = element.sourceline or 1
        if self.text is None:
            return sourceline, 1
        offset = self._index(_local_name(element)).get(element)
        if offset is None:    # not found: the start of the line lxml names
            offset = self.xml_starts[min(sourceline, len(self.xml_starts)) - 1]
        return _position(self.starts, offset)


def _local_name(element) -> str:
    return element.tag.rpartition("}")[2]


def _xml_error(path: str, kind: str, exc: Exception) -> InputError:
    detail = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
    detail = re.sub(r",\s*line \d+, column \d+\s*$", "", str(detail))
    line, column = None, None
    position = getattr(exc, "position", None)
    if isinstance(position, tuple) and len(position) == 2 and position[0]:
        line, column = position
    elif getattr(exc, "lineno", None):
        line = exc.lineno
    return _problem(path, kind, detail or "it is not well-formed XML", line, column)


def _plain(value) -> str:
    """A unit's text as a str (the first form of a plural), '' for none."""
    if value is None:
        return ""
    strings = getattr(value, "strings", None)
    if strings:
        return str(strings[0])
    return str(value)


def _unit_segment(path: str, text: str, line: int, column: int) -> Segment:
    return Segment(path=path, doc_text=text, start=0, end=len(text), line=line, column=column,
                   verbatim=False)


def _han_share(texts: list[str]) -> float:
    han = sum(len(_HAN_CHAR.findall(t)) for t in texts)
    latin = sum(len(_LATIN_CHAR.findall(t)) for t in texts)
    return han / (han + latin) if han + latin else 0.0


def _chinese_first(declared_source: str | None, declared_target: str | None,
                   sources: list[str], targets: list[str]) -> bool:
    """Is the file's source side the Chinese one? The declared languages decide when they say
    zh → en or en → zh; otherwise the script of the text does."""
    s, t = _language_of(declared_source), _language_of(declared_target)
    if s == "zh" or t == "en":
        return True
    if s == "en" or t == "zh":
        return False
    return _han_share(sources) >= _han_share(targets)


def _pairs(path: str, rows: list[tuple[str, tuple[int, int], str, tuple[int, int]]],
           declared_source: str | None, declared_target: str | None) -> Bitext:
    """rows: (source text, position, target text, position) per unit with both texts."""
    if not _chinese_first(declared_source, declared_target,
                          [r[0] for r in rows], [r[2] for r in rows]):
        rows = [(t, tp, s, sp) for s, sp, t, tp in rows]
    source = tuple(_unit_segment(path, s, *sp) for s, sp, _, _ in rows)
    target = tuple(_unit_segment(path, t, *tp) for _, _, t, tp in rows)
    return Bitext(source=source, target=target, aligned=True, label=path)


def _xliff_store(data: bytes, path: str):
    from translate.storage import xliff, xliff2

    head = data[:4096]
    if re.search(rb"""<(?:\w+:)?xliff\b[^>]*\bversion\s*=\s*["']2\.""", head) or \
            b"urn:oasis:names:tc:xliff:document:2." in head:
        return xliff2.Xliff2File.parsestring(data)
    try:
        return xliff.xlifffile.parsestring(data)
    except ValueError as exc:
        if "XLIFF 2" in str(exc):
            return xliff2.Xliff2File.parsestring(data)
        raise


def _read_xliff(path: str, data: bytes) -> Bitext:
    from lxml import etree

    try:
        store = _xliff_store(data, path)
        root = store.document.getroot()
    except etree.XMLSyntaxError as exc:
        raise _xml_error(path, "xliff", exc) from None
    except Exception as exc:   # translate-toolkit raises ValueError, StopIteration, AssertionError ...
        raise _problem(path, "xliff", _not_xliff_detail(exc)) from None
    if etree.QName(root).localname != "xliff":
        raise _problem(path, "xliff", f"its root element is <{etree.QName(root).localname}>, "
                                      "not <xliff>")
    locator = _XmlLocator(_decode_markup(data, store.document.docinfo.encoding, path), root)
    rows = []
    try:
        for unit in store.units:
            if unit.isheader():
                continue
            source, target = _plain(unit.source), _plain(unit.target)
            source_node, target_node = unit.source_dom, unit.target_dom
            if not source.strip() or not target.strip() or source_node is None or target_node is None:
                continue
            rows.append((source, locator.position(source_node), target, locator.position(target_node)))
        declared = (store.getsourcelanguage(), store.gettargetlanguage())
    except Exception as exc:
        raise _problem(path, "xliff", f"{type(exc).__name__}: {exc}") from None
    return _pairs(path, rows, *declared)


def _not_xliff_detail(exc: Exception) -> str:
    if isinstance(exc, (StopIteration, AssertionError)) or not str(exc):
        return "it has no <xliff> root with <file> elements"
    return str(exc)


def _read_tmx(path: str, data: bytes) -> Bitext:
    from lxml import etree
    from translate.misc.xml_helpers import getXMLlang, getXMLspace
    from translate.storage import tmx

    try:
        store = tmx.tmxfile.parsestring(data)
        root = store.document.getroot()
    except etree.XMLSyntaxError as exc:
        raise _xml_error(path, "tmx", exc) from None
    except Exception as exc:
        detail = str(exc) if str(exc) and not isinstance(exc, (StopIteration, AssertionError)) \
            else "it has no <tmx> root with a <body>"
        raise _problem(path, "tmx", detail) from None
    locator = _XmlLocator(_decode_markup(data, store.document.docinfo.encoding, path), root)
    rows = []
    languages: set[str] = set()
    try:
        for unit in store.units:
            chosen: dict[str, tuple[str, object]] = {}
            space = getXMLspace(unit.xmlelement, unit._default_xml_space)
            for tuv in unit.getlanguageNodes():
                code = getXMLlang(tuv) or tuv.get("lang")    # TMX 1.1 used lang=
                if code:
                    languages.add(code)
                lang = _language_of(code)
                if lang is None or lang in chosen:
                    continue
                seg = next(tuv.iterchildren("{*}seg"), None)
                text = _plain(unit.getNodeText(tuv, space))
                if seg is not None and text.strip():
                    chosen[lang] = (text, seg)
            if "zh" in chosen and "en" in chosen:
                (zh, zh_seg), (en, en_seg) = chosen["zh"], chosen["en"]
                rows.append((zh, locator.position(zh_seg), en, locator.position(en_seg)))
    except Exception as exc:
        raise _problem(path, "tmx", f"{type(exc).__name__}: {exc}") from None
    if not rows and languages and not ({_language_of(c) for c in languages} >= {"zh", "en"}):
        found = ", ".join(sorted(languages))
        raise InputError(
            f"Cannot read {path} as a Chinese–English translation memory: its <tuv> languages "
            f"are {found}, and claimcheck needs one starting with zh and one starting with en. "
            "Export the memory with Chinese and English variants.")
    return _pairs(path, rows, "zh", "en")


# PO keywords as they start a line: msgctxt, msgid, msgid_plural, msgstr, msgstr[N], possibly
# after "#~ " (obsolete entries, which translate-toolkit keeps as units)
_PO_KEYWORD = re.compile(r"[ \t]*(?P<obsolete>#~[ \t]*)?(?P<kw>msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[\s\"])")


def _po_entries(text: str) -> list[tuple[int | None, int | None]]:
    """The offsets of each entry's msgid and (first) msgstr keyword, in file order."""
    entries: list[list[int | None]] = []
    current: list[int | None] | None = None
    seen_msgstr = True
    pos = 0
    for line in text.split("\n"):
        m = _PO_KEYWORD.match(line)
        if m:
            kw = m.group("kw")
            offset = pos + m.start("kw")
            if kw in ("msgctxt", "msgid") and (seen_msgstr or current is None or
                                               (kw == "msgid" and current[0] is not None)):
                current = [None, None]
                entries.append(current)
                seen_msgstr = False
            if current is not None:
                if kw == "msgid":
                    current[0] = offset
                elif kw.startswith("msgstr"):
                    seen_msgstr = True
                    if current[1] is None:
                        current[1] = offset
        pos += len(line) + 1
    return [(a, b) for a, b in entries]


_PO_LINE = re.compile(r"\bline (\d+)")


def _read_po(path: str, data: bytes) -> Bitext:
    from translate.storage import pypo

    try:
        store = pypo.pofile.parsestring(data)
    except Exception as exc:    # PoParseError (a ValueError), UnicodeError, ...
        detail = str(exc) or type(exc).__name__
        m = _PO_LINE.search(detail)
        line = int(m.group(1)) if m else None
        detail = re.sub(r"\s*(?:on|at)?\s*\bline \d+\s*:?\s*", " ", detail).strip(" :")
        if isinstance(exc, UnicodeError):
            detail = f"it is not valid text in its declared encoding: {detail}"
        raise _problem(path, "po", detail or "bad syntax", line) from None
    text = _decode_markup(data, getattr(store, "encoding", None), path)
    entries = _po_entries(text) if text is not None else []
    starts = _line_starts(text) if text is not None else [0]
    units = list(store.units)      # entry k of the file is unit k (comments at the end of the
                                   # file make a last unit of their own, with no entry)
    rows = []
    try:
        for k, unit in enumerate(units):
            if unit.isheader() or unit.isobsolete():
                continue
            source, target = _plain(unit.source), _plain(unit.target)
            if not source.strip() or not target.strip():
                continue
            msgid_at, msgstr_at = entries[k] if k < len(entries) else (None, None)
            src_pos = _position(starts, msgid_at) if msgid_at is not None else (1, 1)
            tgt_pos = _position(starts, msgstr_at) if msgstr_at is not None else src_pos
            rows.append((source, src_pos, target, tgt_pos))
        declared_target = store.gettargetlanguage()
        declared_source = store.parseheader().get("X-Source-Language") if units else None
    except Exception as exc:
        raise _problem(path, "po", f"{type(exc).__name__}: {exc}") from None
    return _pairs(path, rows, declared_source, declared_target)


_UNIT_READERS = {"xliff": _read_xliff, "tmx": _read_tmx, "po": _read_po}


def _read_units(path: str, data: bytes | None = None, skip_empty: bool = False) -> Bitext | None:
    if data is None:
        data = _read_bytes(path)
    kind = _unit_kind(path)
    assert kind is not None
    if not data.strip():
        if skip_empty:
            return None
        raise InputError(f"Cannot read {path}: it is empty, so there is nothing to check. Name a "
                         f"{_KIND_NAMES[kind]} file that has translation units in it.")
    return _UNIT_READERS[kind](path, data)


# ----------------------------------------------------------------------------------------------
# Directories


def _walk(top: str) -> list[tuple[str, str]]:
    """Files under ``top`` in read_paths order, each with its kind: "units" (XLIFF/TMX/PO),
    "text" (an extension read_paths reads) or "maybe" (no extension, or only a zh/en tag: read
    if it is text)."""
    files: list[tuple[str, str]] = []
    for path in walk_files(top):
        name = os.path.basename(path)
        ext = os.path.splitext(name)[1].lower()
        if ext in UNIT_EXTENSIONS:
            files.append((path, "units"))
        elif ext in SUPPORTED_EXTENSIONS:
            files.append((path, "text"))
        elif ext == "" or _is_tag_extension(name):
            files.append((path, "maybe"))
    return files


def _is_tag_extension(name: str) -> bool:
    """NAME.zh, NAME.en-US: the language tag is the extension (the parallel-corpus layout)."""
    tagged = language_tag(name)
    return tagged is not None and tagged[2] == ""


def _read_member(path: str, kind: str) -> Document | None:
    """A directory member as read_paths reads it: None if it is empty, or (without a known
    extension) not text."""
    try:
        return read_paths([path])[0]
    except InputError:
        if not os.path.lexists(path):
            raise vanished(path) from None      # the walk found it: not a misspelt name
        if kind != "text":
            return None
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            if not decode(data, path)[0]:
                return None     # empty, or only a byte order mark
        except (OSError, InputError):
            pass
        raise


def _pair_key(path: str) -> tuple[tuple[str, str, str], str] | None:
    """((directory, NAME, .ext), 'zh' | 'en') for a language-tagged file name, else None."""
    tagged = language_tag(path)
    if tagged is None:
        return None
    name, lang, ext = tagged
    return (os.path.dirname(path), name, ext), lang


@dataclass(slots=True)
class _Doc:
    doc: Document
    pairable: bool          # a language-tagged file that may pair with its partner


def _assemble(items: list[Bitext | _Doc]) -> list[Bitext]:
    """Bitexts from read items in order. Pairable documents pair up by (directory, NAME, .ext),
    a pair taking the place of its first file; other documents hold both languages."""
    slots: list[Bitext | dict[str, Document]] = []
    waiting: dict[tuple[str, str, str], list[dict[str, Document]]] = {}
    for item in items:
        if isinstance(item, Bitext):
            slots.append(item)
            continue
        key = _pair_key(item.doc.path) if item.pairable else None
        if key is None:
            slots.append(_by_language(item.doc))
            continue
        pair_key, lang = key
        pairs = waiting.setdefault(pair_key, [])
        for pair in pairs:
            if lang not in pair:
                pair[lang] = item.doc
                break
        else:
            pair = {lang: item.doc}
            pairs.append(pair)
            slots.append(pair)
    return [_free_pair(s.get("zh"), s.get("en")) if isinstance(s, dict) else s for s in slots]


def _read_directory(top: str, on_error=None) -> list[Bitext | _Doc]:
    items: list[Bitext | _Doc] = []
    skipped = empty = False
    for path, kind in _walk(top):
        try:
            if kind == "units":
                bitext = _read_units(path, skip_empty=True)
                if bitext is not None:
                    items.append(bitext)
                continue
            doc = _read_member(path, kind)
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)                # a bad file among many: said, skipped, the rest read
            skipped = True
            continue
        if doc is not None:
            items.append(_Doc(doc, pairable=True))
        else:
            empty = True
    if not items and (skipped or empty):
        return items                   # (a folder of empty files has nothing to check: no error, as ruff)
    if not items:
        kinds = " ".join(sorted(set(SUPPORTED_EXTENSIONS) | set(UNIT_EXTENSIONS)))
        raise InputError(
            f"Cannot read {top}: the directory has no readable, non-empty files to check ({kinds}, "
            "or text files without an extension; hidden files and other extensions are "
            "skipped). Name the files to check directly, or point at the directory that holds "
            "them.")
    return items


# ----------------------------------------------------------------------------------------------
# Entry point


def read_bitexts(paths: Sequence[str], source: str | None = None, target: str | None = None,
                 aligned: bool = False, stdin: BinaryIO | None = None, on_error=None) -> list[Bitext]:
    """Every source/translation pair in the inputs; raise InputError on bad input, or, for a file
    that cannot be read (named, or found in a directory), give it to ``on_error`` and go on when
    that is given. --source and --target are the pair to check: either unreadable raises."""
    if isinstance(paths, (str, bytes)):
        raise TypeError("read_bitexts takes a sequence of paths, not a single string")
    if (source is None) != (target is None):
        raise InputError("--source and --target go together: give both files, or neither.")
    if aligned and source is None:
        raise InputError("--aligned needs --source and --target: it says that line i of the "
                         "target translates line i of the source.")

    stdin_doc: list[Document] = []

    def read_one(path: str) -> Document:
        if path == "-":
            if not stdin_doc:
                stdin_doc.append(read_paths(["-"], stdin)[0])
            return stdin_doc[0]
        return read_paths([path])[0]

    seen: set[str] = set()               # a file named twice is read once (stdin is read once, however
    paths = [p for p in paths if p == "-" or not (p in seen or seen.add(p))]      # often it is named)
    result: list[Bitext] = []
    if source is not None and target is not None:
        result.append(_free_pair(read_one(source), read_one(target), aligned))

    items: list[Bitext | _Doc] = []
    named: list[_Doc] = []        # files named explicitly, other than XLIFF/TMX/PO
    for path in paths:
        if path == "-":
            items.append(_Doc(read_one(path), pairable=False))
            continue
        try:
            _read_named(path, items, named, read_one, on_error)
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)                # a named file that cannot be read: said, skipped, the rest read

    # a tagged file named explicitly pairs with its partner: named too, or else found beside it
    # (check story.en.md reads story.zh.md, or story.zh-CN.md, as its source)
    langs: dict[tuple[str, str, str], set[str]] = {}
    for item in named:
        key = _pair_key(item.doc.path)
        if key is not None:
            langs.setdefault(key[0], set()).add(key[1])
    for pair_key, have in langs.items():
        if len(have) == 1 and (partner := partner_of(pair_key, "en" if "zh" in have else "zh")) is not None:
            try:
                found = _Doc(read_one(partner), pairable=True)
            except InputError:
                continue            # a partner nobody named that cannot be read: the file is checked alone
            at = next(k for k, item in enumerate(items) if isinstance(item, _Doc) and item in named
                      and _pair_key(item.doc.path)[0] == pair_key)
            items.insert(at + 1, found)
            have.add("en" if "zh" in have else "zh")
    for item in named:
        key = _pair_key(item.doc.path)
        item.pairable = key is not None and langs[key[0]] == {"zh", "en"}
    result.extend(_assemble(items))
    return result


def _read_named(path: str, items: list, named: list, read_one, on_error) -> None:
    """Add what a path named on the command line holds (a folder's files, a units file's pairs,
    or one document) to ``items``; InputError if it cannot be read."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        read_paths([path])      # raises the reader's message (missing, permission, bad path)
        raise InputError(f"Cannot read {path}. Check that the path is a readable file or "
                         "directory and try again.") from None
    if stat.S_ISDIR(mode):
        items.extend(_read_directory(path, on_error))
    elif _unit_kind(path):
        items.append(_read_units(path))
    else:
        item = _Doc(read_one(path), pairable=False)
        named.append(item)
        items.append(item)


def partner_of(pair_key: tuple[str, str, str], lang: str) -> str | None:
    """The file beside a language-tagged one that holds the other language: NAME.TAG.EXT in the
    same directory with a ``lang`` tag — the bare tag (a.zh.md) before any with subtags (a.zh-CN.md,
    a.zh-TW.md, in sorted order)."""
    directory, name, ext = pair_key
    try:
        entries = os.listdir(directory or ".")
    except OSError:
        return None
    found = [e for e in entries if _pair_key(os.path.join(directory, e)) == ((directory, name, ext), lang)
             and os.path.isfile(os.path.join(directory, e))]
    bare = f"{name}.{lang}{ext}".lower()
    found.sort(key=lambda e: (e.lower() != bare, e))
    return os.path.join(directory, found[0]) if found else None
