"""Issue 15: the fuzz harness of tests/test_fuzz.py run for longer.

    PYTHONPATH=. .venv/bin/python benchmarks/fuzz.py --minutes 15 [--engine atheris|hypothesis]

The same checks (tests/fuzzing.py: check_one) on inputs made from the same pieces; with atheris
(coverage-guided, when it is installed) or hypothesis (random, a new seed each run). Prints inputs
tried, claims found, the slowest input per KB, and each distinct failure (the input is saved in
--out so it can become a regression test)."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzzing import PIECES, TEXT, check_one  # noqa: E402


class Stats:
    def __init__(self, seconds: float, out: Path) -> None:
        self.end = time.monotonic() + seconds
        self.started = time.monotonic()
        self.out = out
        self.tried = self.claims = 0
        self.slowest = (0.0, "")          # (seconds per KB of extraction, input)
        self.failures: dict[str, tuple[str, str, str]] = {}

    def run(self, text: str, other: str) -> None:
        self.tried += 1
        try:
            n, took = check_one(text, other)
        except Exception as exc:                      # noqa: BLE001 — every failure is recorded
            tb = traceback.extract_tb(exc.__traceback__)
            where = f"{type(exc).__name__} at {tb[-1].filename.split('/')[-1]}:{tb[-1].lineno}"
            if "limit" in str(exc) and isinstance(exc, AssertionError):
                where = "slow: " + str(exc).split(":")[0]
            if where not in self.failures:
                name = hashlib.sha1((text + "\x00" + other).encode()).hexdigest()[:12]
                self.out.mkdir(parents=True, exist_ok=True)
                (self.out / f"{name}.txt").write_text(repr((text, other)), encoding="utf-8")
                self.failures[where] = (str(exc)[:200], name, repr(text[:80]))
                print(f"FAILURE {where}: {str(exc)[:200]} (input {self.out / name}.txt)", flush=True)
            return
        self.claims += n
        kb = max(len(text.encode("utf-8")), 100) / 1024     # (a short input is counted as 100 bytes)
        if took / kb > self.slowest[0]:
            self.slowest = (took / kb, text)

    def report(self) -> None:
        spent = time.monotonic() - self.started
        print(f"inputs tried: {self.tried} in {spent / 60:.1f} min; claims: {self.claims}")
        s, text = self.slowest
        print(f"slowest input per KB: {s * 1000:.1f} ms/KB ({len(text)} characters: {text[:60]!r})")
        print(f"failures: {len(self.failures)}")
        for where, (msg, name, head) in self.failures.items():
            print(f"  {where}: {msg} — {name}: {head}")


def _text(fdp) -> str:
    parts = []
    for _ in range(fdp.ConsumeIntInRange(0, 160)):
        if fdp.ConsumeBool():
            parts.append(PIECES[fdp.ConsumeIntInRange(0, len(PIECES) - 1)] * fdp.ConsumeIntInRange(1, 3))
        else:
            parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 4)))
    return "".join(parts)


def with_atheris(stats: Stats) -> None:
    import atheris

    def one(data: bytes) -> None:
        if time.monotonic() > stats.end:
            stats.report()
            sys.stdout.flush()
            os._exit(1 if stats.failures else 0)     # libFuzzer's own exit would skip the report
        fdp = atheris.FuzzedDataProvider(data)
        stats.run(_text(fdp), _text(fdp))

    import tests.fuzzing

    atheris.instrument_all()
    tests.fuzzing.SLOWDOWN = 4.0       # instrumented code runs ~3x slower
    stats.end = time.monotonic() + (stats.end - stats.started)   # the clock starts after instrumenting
    stats.started = time.monotonic()
    atheris.Setup([sys.argv[0], "-max_len=4096", "-rss_limit_mb=4096"], one)
    atheris.Fuzz()


def with_hypothesis(stats: Stats) -> None:
    from hypothesis import HealthCheck, Phase, given, settings

    class Done(Exception):
        pass

    @settings(max_examples=10**9, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(TEXT, TEXT)
    def one(text, other):
        if time.monotonic() > stats.end:
            raise Done
        stats.run(text, other)

    try:
        one()
    except Done:
        pass
    except BaseException as exc:  # noqa: BLE001 — hypothesis wraps the stop in its own error
        if "Done" not in repr(exc):
            raise
    stats.report()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--engine", choices=["atheris", "hypothesis"], default=None)
    ap.add_argument("--out", default="benchmarks/.fuzz-failures")
    args = ap.parse_args()
    engine = args.engine
    if engine is None:
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    from tests.fuzzing import check_bitext, check_claims, render_claims

    # the vocabulary and the renderers' imports (rich's table) are loaded before the clock starts:
    # a first import inside the run was once timed as a slow input
    render_claims(check_claims("全市共有二十名民警。"), "warm-up")
    check_bitext("全市共有二十名民警。", "20 police officers.")
    stats = Stats(args.minutes * 60, Path(args.out))
    print(f"engine: {engine}, {args.minutes} min", flush=True)
    (with_atheris if engine == "atheris" else with_hypothesis)(stats)
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main())
