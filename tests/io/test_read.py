"""checker.io.read.read_paths: files, directories, stdin, formats, and clear errors."""

from __future__ import annotations

import codecs
import io
import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.io import Document, SENTINEL, read_paths
from checker.io import read as read_module
from checker.io.read import detect_format

SIMPLIFIED = "国家统计局周一公布，今年前三季度国内生产总值同比增长5.2%。\n"
TRADITIONAL = "台北市政府昨日表示，今年觀光人數約為1200萬人次，較去年增加8%。\n"
ENGLISH = "Exports rose 7.6% in May from a year earlier, customs data showed on Friday.\n"


def write(path, data: bytes | str) -> str:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def assert_one_paragraph_naming(exc: pytest.ExceptionInfo, path: str) -> None:
    message = str(exc.value)
    assert str(path) in message
    assert "\n" not in message
    assert message.endswith(".")


# --- single files -----------------------------------------------------------------------------

def test_reads_utf8_text_file(tmp_path):
    path = write(tmp_path / "news.txt", SIMPLIFIED + ENGLISH)
    [doc] = read_paths([path])
    assert isinstance(doc, Document)
    assert doc == Document(path=path, text=SIMPLIFIED + ENGLISH, view=SIMPLIFIED + ENGLISH,
                           format="text", encoding="utf-8")


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, SIMPLIFIED + TRADITIONAL + ENGLISH])
@pytest.mark.parametrize("prefix, codec", [
    (b"", "utf-8"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"", "utf-16-le"),
    (b"", "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (b"", "utf-32-be"),
])
def test_unicode_round_trips(tmp_path, text, prefix, codec):
    path = write(tmp_path / "doc.txt", prefix + text.encode(codec))
    [doc] = read_paths([path])
    assert doc.text == text
    assert doc.view == text
    assert doc.encoding.replace("-sig", "") == codec


@pytest.mark.parametrize("text", [
    SIMPLIFIED,
    "上海证券交易所今日收盘，沪指上涨1.3%，成交额达8600亿元。",
    "增长5%",
    SIMPLIFIED + ENGLISH,
])
def test_gb18030_round_trip(tmp_path, text):
    path = write(tmp_path / "gb.txt", text.encode("gb18030"))
    [doc] = read_paths([path])
    assert (doc.text, doc.encoding) == (text, "gb18030")


@pytest.mark.parametrize("text", [
    TRADITIONAL,
    "香港交易所今日收市，恆生指數上升1.3%，成交額達860億港元。",
    "增長5%",
    TRADITIONAL + ENGLISH,
])
def test_big5_round_trip(tmp_path, text):
    path = write(tmp_path / "big5.txt", text.encode("big5"))
    [doc] = read_paths([path])
    assert doc.text == text
    assert doc.encoding in ("big5", "cp950", "big5hkscs")


def test_explicit_file_is_read_whatever_its_extension(tmp_path):
    path = write(tmp_path / "data.csv", "year,growth\n2024,5.2%\n")
    [doc] = read_paths([path])
    assert doc.format == "text" and doc.text.startswith("year")


@pytest.mark.parametrize("name, fmt", [
    ("a.txt", "text"), ("a.text", "text"), ("a.md", "markdown"), ("a.MARKDOWN", "markdown"),
    ("a.html", "html"), ("a.HTM", "html"), ("a.xhtml", "html"), ("README", "text"),
    ("a.rst", "text"),
])
def test_format_by_extension(tmp_path, name, fmt):
    path = write(tmp_path / name, "GDP grew 5% in *2024*.\n")
    assert read_paths([path])[0].format == fmt


@pytest.mark.parametrize("content", [
    "<!DOCTYPE html><p>5%</p>",
    "  \n\t<!doctype HTML>\n<html><p>5%</p></html>",
    "<html lang='en'><p>5%</p></html>",
    "<HTML><p>5%</p></HTML>",
    "<?xml version='1.0' encoding='utf-8'?>\n<html><p>5%</p></html>",
])
@pytest.mark.parametrize("name", ["page.txt", "page.md", "page"])
def test_html_is_sniffed_whatever_the_extension(tmp_path, content, name):
    path = write(tmp_path / name, codecs.BOM_UTF8 + content.encode("utf-8"))
    [doc] = read_paths([path])
    assert doc.format == "html"
    assert doc.view.replace(SENTINEL, "").strip() == "5%"


def test_not_sniffed_as_html():
    assert detect_format("a.txt", "<htmlish> is not html") == "text"
    assert detect_format("a.md", "Text first <html>") == "markdown"


def test_html_file_view(tmp_path):
    text = '<html><body><p width="300">增长&amp;下降</p></body></html>'
    [doc] = read_paths([write(tmp_path / "a.html", text)])
    assert doc.text == text
    assert len(doc.view) == len(doc.text)
    assert doc.view.replace(SENTINEL, "").replace("\n", "") == "增长&下降"


def test_markdown_file_view(tmp_path):
    text = "# 标题\n\n见[公报](https://example.com/2024 \"x 9\")，增长`5`%。\n"
    [doc] = read_paths([write(tmp_path / "a.md", text)])
    assert doc.format == "markdown"
    assert doc.view.replace(SENTINEL, "") == "# 标题\n\n见公报，增长%。\n"


# --- errors -----------------------------------------------------------------------------------

def test_missing_path(tmp_path):
    path = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as exc:
        read_paths([path])
    assert_one_paragraph_naming(exc, path)
    assert "no such file" in str(exc.value)


def test_broken_symlink(tmp_path):
    link = tmp_path / "link.txt"
    os.symlink(tmp_path / "gone.txt", link)
    with pytest.raises(InputError) as exc:
        read_paths([str(link)])
    assert_one_paragraph_naming(exc, str(link))
    assert "symbolic link" in str(exc.value)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(100),
    b"PK\x03\x04" + bytes(range(256)),
    b"\x7fELF\x02\x01\x01" + bytes(50),
    b"GDP rose 5%\x00\x00\x00\x13\x88\x00\xff",
])
def test_binary_file(tmp_path, data):
    path = write(tmp_path / "photo.txt", data)
    with pytest.raises(InputError) as exc:
        read_paths([path])
    assert_one_paragraph_naming(exc, path)
    assert "binary" in str(exc.value)


def test_undecodable_file(tmp_path):
    path = write(tmp_path / "weird.txt", b"Revenue rose \x81\xff\x9d 5% \xff\xfe\xfd")
    with pytest.raises(InputError) as exc:
        read_paths([path])
    assert_one_paragraph_naming(exc, path)
    assert "UTF-8" in str(exc.value)


def test_empty_named_file(tmp_path):
    path = write(tmp_path / "empty.txt", b"")
    with pytest.raises(InputError) as exc:
        read_paths([path])
    assert_one_paragraph_naming(exc, path)
    assert "empty" in str(exc.value)


def test_named_file_with_only_a_bom_is_empty(tmp_path):
    path = write(tmp_path / "bom.txt", codecs.BOM_UTF8)
    with pytest.raises(InputError, match="empty"):
        read_paths([path])


def test_empty_directory(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError) as exc:
        read_paths([str(empty)])
    assert_one_paragraph_naming(exc, str(empty))


def test_directory_with_nothing_supported(tmp_path):
    top = tmp_path / "top"
    write(top / "image.png", b"\x89PNG\r\n\x1a\n")
    write(top / ".hidden.txt", SIMPLIFIED)
    write(top / ".git" / "notes.txt", SIMPLIFIED)
    write(top / "data.csv", "1,2,3\n")
    write(top / "empty.txt", b"")
    write(top / "BINARY", b"\x7fELF" + bytes(30))
    with pytest.raises(InputError) as exc:
        read_paths([str(top)])
    assert_one_paragraph_naming(exc, str(top))
    assert "hidden" in str(exc.value)


def test_permission_denied_on_file(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.txt", SIMPLIFIED)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(read_module, "open", refuse, raising=False)
    with pytest.raises(InputError) as exc:
        read_paths([path])
    assert_one_paragraph_naming(exc, path)
    assert "permission denied" in str(exc.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_permission_denied_for_real(tmp_path):
    path = write(tmp_path / "secret.txt", SIMPLIFIED)
    os.chmod(path, 0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_paths([path])
    finally:
        os.chmod(path, 0o644)


def test_permission_denied_on_directory(tmp_path, monkeypatch):
    top = tmp_path / "locked"
    write(top / "a.txt", SIMPLIFIED)

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(read_module.os, "scandir", refuse)
    with pytest.raises(InputError) as exc:
        read_paths([str(top)])
    assert_one_paragraph_naming(exc, str(top))


def test_other_os_errors_become_input_errors(tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", SIMPLIFIED)

    def broken(*args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(read_module, "open", broken, raising=False)
    with pytest.raises(InputError) as exc:
        read_paths([path])
    assert_one_paragraph_naming(exc, path)


def test_path_with_nul_byte():
    with pytest.raises(InputError):
        read_paths(["bad\x00name.txt"])


def test_single_string_is_not_a_list_of_paths():
    with pytest.raises(TypeError):
        read_paths("news.txt")


# --- directories ------------------------------------------------------------------------------

def test_directory_walk_is_sorted_and_skips_hidden_and_unsupported(tmp_path):
    top = tmp_path / "news"
    write(top / "b.txt", "b 2\n")
    write(top / "a.md", "a 1\n")
    write(top / "c.HTML", "<p>c 3</p>")
    write(top / "sub" / "z.htm", "<p>z 26</p>")
    write(top / "sub" / "deeper" / "y.markdown", "y 25\n")
    write(top / "sub2" / "x.text", "x 24\n")
    write(top / "NOTES", "plain notes 7\n")                  # no extension, text: read
    write(top / "BLOB", b"\x00\x01\x02\x03" * 10)              # no extension, binary: skipped
    write(top / "empty.txt", b"")                              # empty: skipped
    write(top / ".hidden.txt", "hidden 0\n")
    write(top / ".cache" / "k.txt", "cache 0\n")
    write(top / "picture.jpg", b"\xff\xd8\xff\xe0")
    write(top / "table.csv", "1,2\n")
    write(top / "script.py", "print(1)\n")
    docs = read_paths([str(top)])
    names = [os.path.relpath(d.path, top) for d in docs]
    assert names == ["NOTES", "a.md", "b.txt", "c.HTML",
                     os.path.join("sub", "deeper", "y.markdown"), os.path.join("sub", "z.htm"),
                     os.path.join("sub2", "x.text")]
    assert [d.format for d in docs] == ["text", "markdown", "text", "html", "markdown", "html",
                                        "text"]
    assert all(d.path.startswith(str(top)) for d in docs)


def test_directory_with_bad_supported_file_raises(tmp_path):
    top = tmp_path / "news"
    write(top / "a.txt", SIMPLIFIED)
    bad = write(top / "b.txt", b"\x89PNG\r\n\x1a\n" + bytes(10))
    with pytest.raises(InputError) as exc:
        read_paths([str(top)])
    assert_one_paragraph_naming(exc, bad)


def test_directory_symlink_loop_terminates(tmp_path):
    top = tmp_path / "news"
    write(top / "a.txt", SIMPLIFIED)
    os.symlink(top, top / "loop")
    docs = read_paths([str(top)])
    assert [os.path.basename(d.path) for d in docs] == ["a.txt"]


def test_paths_keep_their_order_and_mix_files_and_directories(tmp_path):
    f1 = write(tmp_path / "z.txt", "z 1\n")
    write(tmp_path / "dir" / "a.txt", "a 2\n")
    docs = read_paths([f1, str(tmp_path / "dir")])
    assert [d.text for d in docs] == ["z 1\n", "a 2\n"]


def test_mixed_encodings_in_directory(tmp_path):
    top = tmp_path / "mixed"
    write(top / "1.txt", SIMPLIFIED.encode("gb18030"))
    write(top / "2.txt", TRADITIONAL.encode("big5"))
    write(top / "3.txt", codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"))
    docs = read_paths([str(top)])
    assert [d.text for d in docs] == [SIMPLIFIED, TRADITIONAL, ENGLISH]


# --- stdin ------------------------------------------------------------------------------------

def test_stdin_argument():
    [doc] = read_paths(["-"], stdin=io.BytesIO(SIMPLIFIED.encode("gb18030")))
    assert (doc.path, doc.text, doc.format, doc.encoding) == (
        "<stdin>", SIMPLIFIED, "text", "gb18030")


def test_stdin_html_is_sniffed():
    data = b"<!DOCTYPE html><html><body><p>GDP 5%</p></body></html>"
    [doc] = read_paths(["-"], stdin=io.BytesIO(data))
    assert doc.format == "html"
    assert doc.view.replace(SENTINEL, "").strip() == "GDP 5%"


def test_stdin_defaults_to_sys_stdin_buffer(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(ENGLISH.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    [doc] = read_paths(["-"])
    assert doc.text == ENGLISH and doc.path == "<stdin>"


def test_stdin_text_stream_without_buffer(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(SIMPLIFIED))
    [doc] = read_paths(["-"])
    assert doc.text == SIMPLIFIED


def test_stdin_empty():
    with pytest.raises(InputError) as exc:
        read_paths(["-"], stdin=io.BytesIO(b""))
    assert "standard input" in str(exc.value) and "empty" in str(exc.value)


def test_stdin_binary():
    with pytest.raises(InputError) as exc:
        read_paths(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(20)))
    assert_one_paragraph_naming(exc, "<stdin>")


def test_stdin_read_error():
    class Broken(io.RawIOBase):
        def read(self, *args):
            raise OSError(5, "Input/output error")

    with pytest.raises(InputError, match="standard input"):
        read_paths(["-"], stdin=Broken())


def test_stdin_named_twice_is_read_once(tmp_path):
    f = write(tmp_path / "a.txt", "a 1\n")
    docs = read_paths(["-", f, "-"], stdin=io.BytesIO(b"in 2\n"))
    assert [d.text for d in docs] == ["in 2\n", "a 1\n", "in 2\n"]


def test_no_paths():
    assert read_paths([]) == []


# --- properties -------------------------------------------------------------------------------

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_utf8_file_round_trip_any_text(tmp_path, text, name):
    path = write(tmp_path / name, text)
    [doc] = read_paths([path])
    assert doc.text == text
    assert len(doc.view) == len(text)


# issue 14: the command line asks whether a named file is blank before reading it, and a bad
# file of a folder can be skipped (on_error) while the rest is read

@pytest.mark.parametrize("data,blank", [
    (b"", True), (b" \n\t\r\n", True), (b"\xef\xbb\xbf", True), ("\u3000\n".encode("utf-8"), True),
    ("  \n".encode("utf-16"), True), (b"x", False), ("一".encode("gb18030"), False),
    (b"\x89PNG\r\n\x1a\n" + bytes(20), False),
])
def test_blank_data(data, blank):
    assert read_module.blank_data(data) is blank


def test_blank_file_is_false_for_what_is_not_a_readable_file(tmp_path):
    assert read_module.blank_file(write(tmp_path / "e.txt", b""))
    assert not read_module.blank_file(write(tmp_path / "a.txt", SIMPLIFIED))
    assert not read_module.blank_file(str(tmp_path))                       # a directory
    assert not read_module.blank_file(str(tmp_path / "missing.txt"))


def test_on_error_skips_a_bad_file_of_a_folder(tmp_path):
    top = tmp_path / "top"
    write(top / "a.txt", SIMPLIFIED)
    write(top / "b.txt", b"PK\x03\x04" + bytes(range(256)) * 8)
    with pytest.raises(InputError):
        read_paths([str(top)])
    errors = []
    docs = read_paths([str(top)], on_error=errors.append)
    assert [os.path.basename(d.path) for d in docs] == ["a.txt"]
    assert len(errors) == 1 and "b.txt" in str(errors[0])
