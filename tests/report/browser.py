"""A real browser for the HTML report's tests: Debian's chromium driven by Playwright.

Where no chromium is installed the browser tests are skipped, unless CLAIMCHECK_REQUIRE_BROWSER=1
(set by .ci/run, which installs it): then a missing browser is a failure, not a skip."""

from __future__ import annotations

import os
import shutil
import struct
import zlib

import pytest


def chromium_path() -> str:
    path = os.environ.get("CLAIMCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CLAIMCHECK_REQUIRE_BROWSER") == "1":
            pytest.fail("CLAIMCHECK_REQUIRE_BROWSER=1 but no chromium is installed (apt-get install chromium)")
        pytest.skip("no chromium installed (apt-get install chromium); .ci/run installs it")
    return path


def png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the raw (filtered) scanlines of a PNG: enough to tell a blank image."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, [], 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    return width, height, zlib.decompress(b"".join(idat))
