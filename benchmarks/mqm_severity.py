"""Real errors reported as `error` on ../shared/mqm-dev/ (issue 13's last target column).

    python benchmarks/mqm_severity.py [--cmd .venv/bin/claimcheck] [--data ../shared/mqm-dev]

Runs ``check --aligned`` once on the dev set, as its scorer does, and counts the segments labelled
value, date, ordinal or unit that a translation finding of severity ``error`` touches. Two
figures: over all of them (the scorer's "error only" recall), and over those whose wrong figure is
stated on both sides — the errors issue 13 section 4 asks to be `error`; an addition (a figure the
source does not state, listed by hand in benchmarks/labelled/mqm_dev_one_sided.tsv) is a
`warning` by that scheme and is counted apart. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORE = ("value", "date", "ordinal", "unit")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cmd", default=str(HERE.parent / ".venv" / "bin" / "claimcheck"))
    ap.add_argument("--data", default=str(HERE.parent.parent / "shared" / "mqm-dev"))
    args = ap.parse_args()
    data = Path(args.data)
    run = subprocess.run([*args.cmd.split(), "check", "--source", str(data / "src.zh"), "--target", str(data / "hyp.en"),
                          "--aligned", "--format", "json", "--fail-on", "never"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"claimcheck failed: {run.stderr.strip()}")
    severities = collections.defaultdict(set)
    for f in json.loads(run.stdout)["findings"]:
        if f["category"] == "translation":
            for line in {f["line"]} | {c["line"] for c in f.get("claims", [])}:
                severities[line].add(f["severity"])
    one_sided = {}
    for row in (HERE / "labelled" / "mqm_dev_one_sided.tsv").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            key, why = row.split("\t", 1)
            one_sided[key] = why
    index = [json.loads(x) for x in (data / "index.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    labels = {}
    for x in (data / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if x.strip():
            o = json.loads(x)
            if o.get("split") == "dev" and o["label"] in CORE:
                labels[o["id"]] = o
    unknown = set(one_sided) - set(labels)
    if unknown:
        sys.exit(f"benchmarks/labelled/mqm_dev_one_sided.tsv names segments that are no core error: {sorted(unknown)}")
    counts = collections.Counter()
    for i, row in enumerate(index):
        if row["id"] not in labels:
            continue
        group = "one side" if row["id"] in one_sided else "both sides"
        sev = severities.get(i + 1, set())
        counts[group, "n"] += 1
        counts[group, "error"] += "error" in sev
        counts[group, "flagged"] += bool(sev & {"error", "warning"})
    total_n = counts["both sides", "n"] + counts["one side", "n"]
    total_e = counts["both sides", "error"] + counts["one side", "error"]
    print(f"{'errors (value+date+ordinal+unit)':36} {'n':>4} {'flagged':>8} {'as error':>9}")
    for group in ("both sides", "one side"):
        n = counts[group, "n"]
        print(f"  stated on {group:24} {n:4} {counts[group, 'flagged']:8} {counts[group, 'error']:5} = {counts[group, 'error'] / max(n, 1):.2f}")
    print(f"  {'all':34} {total_n:4} {counts['both sides', 'flagged'] + counts['one side', 'flagged']:8} "
          f"{total_e:5} = {total_e / max(total_n, 1):.2f}")
    print(f"MQM dev severity: real errors stated on both sides reported as error = "
          f"{counts['both sides', 'error'] / max(counts['both sides', 'n'], 1):.2f} "
          f"(all core errors: {total_e / max(total_n, 1):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
