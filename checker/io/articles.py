"""Article exports: one file of records, one record per article, read as documents (issue 17).

A newsroom's archive is usually exported from its CMS as one file of records, not millions of
files. ``open_articles(path, columns)`` reads such an export, the format told by its extension:

* ``.jsonl`` / ``.ndjson`` (also ``.gz``): one JSON object a line, read line by line;
* ``.csv`` (also ``.csv.gz``): a header line names the columns, read with the csv module;
* ``.parquet``: read by record batches with pyarrow.

Nothing reads the whole export into memory: records are read lazily, and what is kept per
record read is its id, on disk (a temporary SQLite table), so that a duplicate id is found among
millions of articles in bounded memory.

A record has an id, a date, a language, a title and a text (the column names are options, with
these defaults). The title, when given, is the first paragraph of the text. A record with
``text_zh`` and/or ``text_en`` (and ``title_zh``/``title_en``; the names follow the text and
title columns) is bilingual: a Chinese article and its English translation, checked as a
``NAME.zh``/``NAME.en`` file pair is. The language (``zh``, ``en``, or a tag such as
``zh-CN``) says which side a one-language article is, as the tag of a file name does; without
one, each paragraph is sorted by its script as in an untagged file.

Identity: a one-language article is known by its id; the two texts of a bilingual record by
``ID#zh`` and ``ID#en`` (a finding says which text it is in, and the ledger keeps one document
per text, as for a file pair). That name is the ``path`` of its claims and findings.

A bad record (not JSON, no id, a duplicate id, no text, an unknown language, a date that is not
a date) is given to ``on_bad`` with one line naming it (its id, or where it is in the file) and
skipped; the others are read. A file that cannot be read at all, or whose extension says no
known format, raises :class:`~checker.errors.UserError` before any record is read.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from checker.bitext import Bitext
from checker.errors import UserError

__all__ = ["Article", "ArticleColumns", "open_articles", "ARTICLE_FORMATS", "bitext_of", "texts_of"]

ARTICLE_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
                   ".csv": "csv", ".csv.gz": "csv", ".parquet": "parquet"}
_PARQUET_BATCH = 1_000              # records per pyarrow batch: a few MB of text at a time


@dataclass(frozen=True, slots=True)
class ArticleColumns:
    id: str = "id"
    date: str = "date"
    lang: str = "lang"
    title: str = "title"
    text: str = "text"

    def needed(self) -> list[str]:
        """Every column a record may use (a bilingual record's too)."""
        return [self.id, self.date, self.lang, self.title, self.text, *self.bilingual()]

    def bilingual(self) -> list[str]:
        return [f"{self.text}_zh", f"{self.text}_en", f"{self.title}_zh", f"{self.title}_en"]


@dataclass(frozen=True, slots=True)
class Article:
    """One record: ``texts`` holds (path, lang, text) per text — one, or two for a bilingual
    record (zh first); lang is None when the record names no language."""
    id: str
    as_of: str | None
    texts: tuple[tuple[str, str | None, str], ...]
    bilingual: bool = False


def texts_of(article: Article) -> dict[str, str]:
    return {path: text for path, _, text in article.texts}


def bitext_of(article: Article) -> Bitext:
    """The article as the checker reads a file: a bilingual record as a NAME.zh/NAME.en pair, a
    one-language record as a file tagged with its language, or else one sorted by script."""
    from checker.io.bilingual import _by_language, _free_pair, _paragraphs
    from checker.io.document import Document
    from checker.io.markup import blank_markup

    def doc(path: str, text: str) -> Document:
        # article bodies are text (an export's HTML body is found by the same sniffing as a file's)
        from checker.io.read import detect_format

        fmt = detect_format("", text)
        return Document(path=path, text=text, view=blank_markup(text, fmt), format=fmt, encoding="utf-8")

    if article.bilingual:
        docs = {lang: doc(path, text) for path, lang, text in article.texts}
        return _free_pair(docs.get("zh"), docs.get("en"))
    path, lang, text = article.texts[0]
    d = doc(path, text)
    if lang is None:
        return _by_language(d)
    paragraphs = _paragraphs(d)
    return Bitext(source=paragraphs if lang == "zh" else (), target=paragraphs if lang == "en" else (),
                  aligned=False, label=path)


def pyarrow_threads_quiet():
    """Around every use of pyarrow: Ctrl-C, SIGTERM and SIGHUP held. pyarrow starts native
    threads (its allocator's at import, its I/O pool's at the first read) that Python does not
    know of; a thread takes the signal mask of the thread that starts it, and a signal sent to
    the process goes to a thread that does not block it. Started with these signals held, its
    threads never take them, so they reach the main thread, which checker/io/write.py holds
    them in while it makes a report's temporary file (else one could be left behind)."""
    from checker.io.write import _signals_held

    return _signals_held()


class _Bad(Exception):
    """A record that cannot be read: the message names what is wrong with it."""


class _SeenIds:
    """The ids read so far, in a temporary SQLite database (on disk once past its small page
    cache): five million ids in a Python set would take hundreds of MB."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)      # "": a private temporary file
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE ids (id TEXT PRIMARY KEY) WITHOUT ROWID")
        self._db.execute("BEGIN")                                    # never committed: it is thrown away

    def add(self, key: str) -> bool:
        """False when ``key`` was already read."""
        return self._db.execute("INSERT OR IGNORE INTO ids VALUES (?)", (key,)).rowcount == 1

    def close(self) -> None:
        self._db.close()


def _format_of(path: str) -> str | None:
    name = path.lower()
    for ext in sorted(ARTICLE_FORMATS, key=len, reverse=True):
        if name.endswith(ext):
            return ARTICLE_FORMATS[ext]
    return None


def _text(value, column: str) -> str | None:
    """A text field: None when absent or empty; a non-text value is a bad record."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _Bad(f"column {column!r} holds {type(value).__name__}, not text")
    return value if value.strip() else None


def _identity(value, column: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        if value is None:
            raise _Bad(f"no id (column {column!r})")
        raise _Bad(f"the id (column {column!r}) is {type(value).__name__}, not text or a whole number")
    key = str(value).strip()
    if not key:
        raise _Bad(f"no id (column {column!r})")
    if "\n" in key or "\r" in key or "\0" in key:
        raise _Bad(f"the id (column {column!r}) holds a line break or NUL")
    return key


def _day(value, column: str, fallback: str | None) -> str | None:
    """An ISO day from a date, a date-time (its day, as written) or their ISO text."""
    if value is None or value == "":
        return fallback
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        # 2024-03-01, or a date-time that starts with one (2024-03-01T08:00:00Z, 2024-03-01 08:00)
        if len(text) == 10 or (len(text) > 10 and text[10] in "T "):
            try:
                return date.fromisoformat(text[:10]).isoformat()
            except ValueError:
                pass
        if not text:
            return fallback
    raise _Bad(f"the date (column {column!r}) {value!r} is not a date (YYYY-MM-DD, or an ISO date-time)")


def _language(value, column: str) -> str | None:
    from checker.io.bilingual import _language_of

    if value is None or value == "" or (isinstance(value, str) and not value.strip()):
        return None
    lang = _language_of(value) if isinstance(value, str) else None
    if lang is None:
        raise _Bad(f"unknown language {value!r} (column {column!r}: zh or en, or a tag such as zh-CN)")
    return lang


def _with_title(title: str | None, text: str | None) -> str | None:
    if title is None:
        return text
    return title.strip() + "\n\n" + text if text is not None else None


def article_of(record, columns: ArticleColumns, fallback_date: str | None) -> Article:
    """The article a record holds, or _Bad."""
    if not isinstance(record, dict):
        raise _Bad(f"a record is an object of columns, not {type(record).__name__}")
    key = _identity(record.get(columns.id), columns.id)
    try:
        as_of = _day(record.get(columns.date), columns.date, fallback_date)
        t_zh, t_en, title_zh, title_en = (_text(record.get(c), c) for c in columns.bilingual())
        if t_zh is not None or t_en is not None:
            if _text(record.get(columns.text), columns.text) is not None:
                raise _Bad(f"both {columns.text!r} and {columns.text}_zh/{columns.text}_en hold a text: "
                           "a record is one article, or a Chinese article and its translation")
            texts = tuple((f"{key}#{lang}", lang, _with_title(title, text))
                          for lang, title, text in (("zh", title_zh, t_zh), ("en", title_en, t_en))
                          if text is not None)
            return Article(key, as_of, texts, bilingual=True)
        text = _text(record.get(columns.text), columns.text)
        if text is None:
            raise _Bad(f"no text (column {columns.text!r}, or {columns.text}_zh and {columns.text}_en)")
        lang = _language(record.get(columns.lang), columns.lang)
        return Article(key, as_of, ((key, lang, _with_title(_text(record.get(columns.title), columns.title), text)),))
    except _Bad as e:
        raise _Bad(f"record {key!r}: {e}") from None


class ArticleReader:
    """The records of one export, read lazily; ``size``/``done()`` measure progress (bytes of
    the file, or rows of a Parquet file) for a progress bar's rate and time left."""

    def __init__(self, path: str, columns: ArticleColumns | None = None, fallback_date: str | None = None,
                 on_bad: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.columns = columns or ArticleColumns()
        self.fallback_date = fallback_date
        self.on_bad = on_bad or (lambda message: print(f"claimcheck: skipped: {message}", file=sys.stderr))
        self.bad = 0
        self.format = _format_of(path)
        if self.format is None:
            known = ", ".join(sorted(ARTICLE_FORMATS))
            raise UserError(f"--articles {path}: the extension says no known export format (the format is "
                            f"told by the extension: {known}). Rename the file, or export it as JSON lines, "
                            "CSV or Parquet.")
        if os.path.isdir(path):
            raise UserError(f"--articles {path} is a directory; --articles takes one export file (name the "
                            "folder as a PATH to read its files instead).")
        try:
            self._raw = open(path, "rb")
        except OSError as e:
            raise UserError(f"--articles {path}: cannot read the file ({e.strerror or e}). Check the path "
                            "and its permissions.") from None
        self.size = os.fstat(self._raw.fileno()).st_size
        self._rows = 0
        self._parquet = None
        if self.format == "parquet":
            self._open_parquet()
        elif self.format == "csv":
            self._header = self._open_csv()
        else:
            self._lines = self._stream()

    # -- opening: what can be told before any record is read ------------------------------------

    def _open_parquet(self) -> None:
        with pyarrow_threads_quiet():
            try:
                import pyarrow.parquet as pq
            except ImportError:
                raise UserError("--articles FILE.parquet needs pyarrow (pip install pyarrow).") from None
            try:
                self._parquet = pq.ParquetFile(self._raw)
            except Exception as e:  # noqa: BLE001 — pyarrow raises its own kinds for a file that is not Parquet
                self._raw.close()
                raise UserError(f"--articles {self.path}: not a Parquet file ({e}).") from None
        self.size = self._parquet.metadata.num_rows
        self._columns_present(self._parquet.schema_arrow.names)

    def _stream(self):
        """The decompressed byte stream (.gz), checked to be gzip at once."""
        if not self.path.lower().endswith(".gz"):
            return self._raw
        stream = gzip.GzipFile(fileobj=self._raw)
        try:
            stream.peek(1)
        except (OSError, EOFError) as e:
            self._raw.close()
            raise UserError(f"--articles {self.path}: not a gzip file ({e}).") from None
        return stream

    def _open_csv(self) -> list[str]:
        # a field may hold a whole article: the csv module's 128 KiB limit is for lines, not texts
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        self._text_stream = io.TextIOWrapper(self._stream(), encoding="utf-8-sig", newline="")
        self._csv = csv.reader(self._text_stream)
        try:
            header = next(self._csv)
        except StopIteration:
            header = []
        except (csv.Error, UnicodeDecodeError) as e:
            self._raw.close()
            raise UserError(f"--articles {self.path}: the header line cannot be read as CSV ({e}).") from None
        if not header:
            self._raw.close()
            raise UserError(f"--articles {self.path}: no header line (a CSV export names its columns on "
                            "its first line).")
        self._columns_present(header)
        return header

    def _columns_present(self, names: list[str]) -> None:
        """A CSV or Parquet file names its columns: one without the id or any text column is a
        wrong --id-column/--text-column, said before any work, not once per record."""
        c = self.columns
        missing = []
        if c.id not in names:
            missing.append(f"no id column {c.id!r} (--id-column)")
        if not {c.text, f"{c.text}_zh", f"{c.text}_en"} & set(names):
            missing.append(f"no text column {c.text!r} nor {c.text}_zh/{c.text}_en (--text-column)")
        if missing:
            self._raw.close()
            shown = ", ".join(names[:20]) + (" …" if len(names) > 20 else "")
            raise UserError(f"--articles {self.path}: {' and '.join(missing)}; its columns are: {shown}.")

    # -- reading ---------------------------------------------------------------------------------

    def done(self) -> int:
        """How far the reading is, in the unit of ``size``."""
        if self.format == "parquet":
            return self._rows
        try:
            return self._raw.tell()
        except (OSError, ValueError):
            return 0

    def __iter__(self) -> Iterator[Article]:
        seen = _SeenIds()
        try:
            for where, record in self._records():
                if isinstance(record, _Bad):
                    self._bad(f"{where}: {record}")
                    continue
                try:
                    article = article_of(record, self.columns, self.fallback_date)
                except _Bad as e:
                    self._bad(f"{where}: {e}")
                    continue
                if not seen.add(article.id):
                    self._bad(f"{where}: record {article.id!r}: the id is a duplicate of an earlier record's "
                              "(the first one is read)")
                    continue
                yield article
        finally:
            seen.close()
            self.close()

    def _bad(self, message: str) -> None:
        self.bad += 1
        self.on_bad(f"{self.path}: {message}")

    def close(self) -> None:
        self._raw.close()

    def _records(self):
        if self.format == "jsonl":
            yield from self._jsonl()
        elif self.format == "csv":
            yield from self._csv_records()
        else:
            yield from self._parquet_records()

    def _jsonl(self):
        for number, line in enumerate(self._lines, 1):
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as e:
                yield f"line {number}", _Bad(f"not UTF-8 ({e.reason} at byte {e.start})")
                continue
            try:
                record = json.loads(text)
            except ValueError as e:
                yield f"line {number}", _Bad(f"not a JSON object ({e})")
                continue
            yield f"line {number}", record

    def _csv_records(self):
        header = self._header
        while True:
            try:
                row = next(self._csv)
            except StopIteration:
                return
            except UnicodeDecodeError as e:
                # the decoder has lost its place: the rest of the file cannot be read as records
                yield f"line {self._csv.line_num}", _Bad(f"not UTF-8 ({e.reason}); the rest of the file is not read")
                return
            except csv.Error as e:
                yield f"line {self._csv.line_num}", _Bad(f"not a CSV record ({e}); the rest of the file is not read")
                return
            if not row or (len(row) == 1 and not row[0].strip()):
                continue                  # (a blank line)
            if len(row) > len(header):
                yield f"line {self._csv.line_num}", _Bad(f"{len(row)} fields for {len(header)} columns")
                continue
            yield f"line {self._csv.line_num}", dict(zip(header, row))

    def _parquet_records(self):
        names = set(self._parquet.schema_arrow.names)
        wanted = [c for c in dict.fromkeys(self.columns.needed()) if c in names]
        batches = self._parquet.iter_batches(batch_size=_PARQUET_BATCH, columns=wanted)
        while True:
            with pyarrow_threads_quiet():
                batch = next(batches, None)
                records = batch.to_pylist() if batch is not None else None
            if records is None:
                return
            for record in records:
                self._rows += 1
                yield f"row {self._rows}", record


def open_articles(path: str, columns: ArticleColumns | None = None, fallback_date: str | None = None,
                  on_bad: Callable[[str], None] | None = None) -> ArticleReader:
    """An export's reader (UserError at once for a missing file, an unknown extension, a CSV or
    Parquet file without the id or text column); iterate it for the articles."""
    return ArticleReader(path, columns, fallback_date, on_bad)
