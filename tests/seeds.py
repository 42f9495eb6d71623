"""The seed documents, for the acceptance tests of the issues (expected values come from the
issues' tables, never from the program)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from checker.extract import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@lru_cache(maxsize=None)
def seed_claims(prefix: str) -> tuple:
    path = seed_path(prefix)
    return tuple(extract_text(path.read_text(encoding="utf-8"), path=str(path)))


def find(claims, text):
    found = [c for c in claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in claims]}"
    return found[0]
