"""Extraction cases kept as data (tests/extract/cases/*.yaml), run by one parametrised test.

A case may give `as_of` (the --date of the run); date claims are checked by `start`/`end` (the
resolved days) or by the stated parts (`year`, `month`, `day`, `weekday`), and `flag`. Any claim
may give `flags` (flags it must carry) and `not_flags` (flags it must not carry)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from checker.extract import extract_text
from checker.model import Interval

CASES = Path(__file__).parent / "cases"


def _load():
    return [pytest.param(case, id=f"{path.stem}[{i}]")
            for path in sorted(CASES.glob("*.yaml"))
            for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")))]


def _num(x):
    return None if x is None else Decimal(str(x))


@pytest.mark.parametrize("case", _load())
def test_case(case):
    as_of = case.get("as_of")
    claims = extract_text(case["text"], as_of=str(as_of) if as_of else None)
    by_text = {}
    for c in claims:
        by_text.setdefault(c.text, []).append(c)
    seen: dict[str, int] = {}
    for want in case["claims"]:
        text = str(want["text"])
        k = seen[text] = seen.get(text, -1) + 1       # the k-th expected claim of a text is its k-th claim
        found = by_text.get(text, [])
        assert len(found) > k, f"no claim {text!r} (#{k + 1}); found {[c.text for c in claims]}"
        got = found[k]
        for field, expected in want.items():
            if field == "text":
                continue
            if field in ("start", "end", "year", "month", "day", "weekday"):
                assert getattr(got.value, field) == (str(expected) if field in ("start", "end") and expected
                                                     else expected), f"{want['text']}: {field} {got.value}"
            elif field == "flag":
                assert expected in got.flags, f"{want['text']}: {got.flags}"
            elif field in ("flags", "not_flags"):
                for flag in expected:
                    assert (flag in got.flags) == (field == "flags"), f"{want['text']}: {field} {flag}: {got.flags}"
            elif field in ("nominal", "low", "high"):
                assert isinstance(got.value, Interval), got
                actual = getattr(got.value, field)
                assert actual == _num(expected), f"{want['text']}: {field} {actual} != {expected}"
            else:
                assert getattr(got, field) == expected, f"{want['text']}: {field} {getattr(got, field)!r} != {expected!r}"
    for text in case.get("absent", []):
        assert str(text) not in by_text, f"{text!r} must not be a claim"
    if case.get("only"):
        wanted = {str(w["text"]) for w in case["claims"]}
        extra = [c.text for c in claims if c.text not in wanted]
        assert not extra, f"unexpected claims {extra}"
