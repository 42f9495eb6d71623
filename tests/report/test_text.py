"""Issue 16: the report people read in a terminal or a CI log — `path:line:col` first, the claim's
line with carets under the claim (in display cells: Chinese characters are two wide), `help:`
where the fix is known, identical findings once with a count, a summary line, no control codes
in a pipe or under NO_COLOR, a progress bar only on a terminal, --min-severity and --statistics."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from checker.cli import main
from checker.engine import check_bitext
from checker.io.bilingual import read_bitexts
from checker.report.findings import render_text

ROOT = Path(__file__).resolve().parents[2]
ZH = "2019年12月16日，第八支维和警队抵达朱巴。\n全年共破获案件4.2万余起，抓获犯罪嫌疑人1168名。\n"
EN = ("On December 16, 2019, the eighth peacekeeping police unit arrived in Juba.\n"
      "Over 42,000 cases were solved and 1,186 suspects arrested during the year.\n")
HEAD = re.compile(r"^(?P<path>\S.*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info)\[(?P<code>CC\d+)\]")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _render(path: Path, width: int) -> tuple[str, list]:
    bitext = read_bitexts([str(path)])[0]
    result = check_bitext(bitext)
    texts = {seg.path: seg.doc_text for seg in bitext.source + bitext.target}
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render_text(console, result.findings, texts, 1, result.claims)
    return console.file.getvalue(), result.findings


@pytest.mark.parametrize("width", [80, 160])
def test_each_finding_starts_with_its_place_and_carets_sit_under_the_claim(tmp_path, width):
    doc = tmp_path / "a.txt"
    doc.write_text(ZH + EN + "会议于2017年9月27日（星期二）举行，共有代表" + "来自各地的" * 30 + "35名。\n",
                   encoding="utf-8")
    out, findings = _render(doc, width)
    lines = out.splitlines()
    heads = [m for line in lines if (m := HEAD.match(line))]
    assert len(heads) == len(findings) >= 2
    assert {(int(m["line"]), int(m["col"]), m["code"]) for m in heads} == {(f.line, f.column, f.rule.code) for f in findings}
    # nothing wraps into the gutter (a place line is never broken: a long path may pass the edge)
    assert all(cell_len(line) <= width for line in lines if not HEAD.match(line))
    text = doc.read_text(encoding="utf-8")
    checked = 0
    for k, line in enumerate(lines):
        m = re.match(r"^ *(\d+) \| (.*)$", line)
        if not m:
            continue
        shown = m.group(2)
        for under in lines[k + 1:]:
            c = re.match(r"^ *\| ( *)(\^+) (CC\d+) (\w+)$", under)
            if not c:
                break
            # the characters above the carets are the claim's (or the part of it shown)
            start = len(c.group(1))
            above, cells = "", 0
            for ch in shown:
                if cells >= start + len(c.group(2)):
                    break
                if cells >= start:
                    above += ch
                cells += cell_len(ch)
            assert above and above.strip("…") in text, (line, under)
            claim_texts = [cl.text for f in findings for _, cl in f.claims]
            assert any(above.strip("…") in t or t in above for t in claim_texts), (above, claim_texts)
            checked += 1
    assert checked >= 3
    assert "= help: the translation should give 1168名, as the source does" in out
    assert "= help: likely 2017-09-26" in out                          # the Tuesday nearest the 27th
    sev = Counter(f.severity for f in findings)
    assert out.rstrip().splitlines()[-1].startswith(f"Found {sev['error']} errors, {sev['warning']} warnings in 1 file.")


def test_identical_findings_are_shown_once_with_a_count(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("会议于2月30日举行。" * 50 + "\n", encoding="utf-8")
    out, findings = _render(doc, 120)
    assert len(findings) == 50
    assert sum(bool(HEAD.match(line)) for line in out.splitlines()) == 1
    assert "and 49 more identical findings in this file" in out
    assert "Found 50 errors" in out


def _pty_run(argv: list[str], env: dict, stdout_tty: bool, stderr_tty: bool) -> tuple[bytes, bytes]:
    """Run the command line with stdout and/or stderr on a pseudo-terminal; what each got."""
    fds = {}
    handles = {}
    for name, tty in (("stdout", stdout_tty), ("stderr", stderr_tty)):
        if tty:
            master, slave = pty.openpty()
            fds[name] = master
            handles[name] = slave
        else:
            handles[name] = subprocess.PIPE
    proc = subprocess.Popen([sys.executable, "-m", "checker", *argv], env=env, stdout=handles["stdout"],
                            stderr=handles["stderr"], cwd=ROOT)
    for name, h in handles.items():
        if h is not subprocess.PIPE:
            os.close(h)
    got = {"stdout": b"", "stderr": b""}
    readers = {fd: name for name, fd in fds.items()}
    pipes = {getattr(proc, name).fileno(): name for name in ("stdout", "stderr") if name not in fds}
    open_fds = set(readers) | set(pipes)
    while open_fds:
        ready, _, _ = select.select(list(open_fds), [], [], 60)
        if not ready:
            break
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:
                open_fds.discard(fd)
                continue
            got[readers.get(fd) or pipes[fd]] += data
    proc.wait(60)
    for fd in fds.values():
        os.close(fd)
    return got["stdout"], got["stderr"]


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    return {**env, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "COLUMNS": "100", **extra}


def test_no_control_codes_in_a_pipe_or_under_no_color(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(ZH + EN, encoding="utf-8")
    piped = subprocess.run([sys.executable, "-m", "checker", "check", str(doc), "--format", "text"],
                           env=_env(), capture_output=True, cwd=ROOT)
    assert b"error[CC101]" in piped.stdout and b"\x1b" not in piped.stdout
    coloured, _ = _pty_run(["check", str(doc)], _env(), stdout_tty=True, stderr_tty=False)
    plain, _ = _pty_run(["check", str(doc)], _env(NO_COLOR="1"), stdout_tty=True, stderr_tty=False)
    assert b"error[CC101]" in plain.replace(b"\x1b[1m", b"") and b"\x1b[" in coloured    # (the test can fail)
    assert b"\x1b" not in plain


def test_progress_is_drawn_only_on_a_terminal(tmp_path):
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text(ZH + EN, encoding="utf-8")
    argv = ["check", str(tmp_path), "--format", "concise", "-o", str(tmp_path / "out.txt")]
    _, on_terminal = _pty_run(argv, _env(), stdout_tty=False, stderr_tty=True)
    _, in_a_log = _pty_run(argv, _env(), stdout_tty=False, stderr_tty=False)
    assert b"checking" in on_terminal and b"/6" in on_terminal
    assert b"checking" not in in_a_log and b"\x1b" not in in_a_log


def test_min_severity_hides_without_changing_what_fails(capsys):
    from tests.seeds import seed_path

    doc = str(seed_path("000"))                        # a seed whose findings are all info
    code, out, _ = run(capsys, "check", doc, "--format", "json")
    every = json.loads(out)["findings"]
    assert every and all(f["severity"] == "info" for f in every) and code == 0
    code, out, _ = run(capsys, "check", doc, "--format", "json", "--min-severity", "warning", "--fail-on", "info")
    assert code == 1 and json.loads(out)["findings"] == []          # hidden, and still what fails
    code, out, _ = run(capsys, "check", doc, "--format", "concise", "--min-severity", "warning")
    assert code == 0 and out == f"No findings in 1 file ({len(every)} info hidden).\n"


def test_statistics_count_each_rule(capsys):
    from tests.seeds import SEEDS

    _, out, _ = run(capsys, "check", str(SEEDS), "--format", "json")
    expected = Counter(f["rule"] for f in json.loads(out)["findings"])
    _, out, _ = run(capsys, "check", str(SEEDS), "--format", "json", "--statistics")
    stats = json.loads(out)["statistics"]
    assert {r["rule"]: r["count"] for r in stats} == expected
    assert [r["count"] for r in stats] == sorted((r["count"] for r in stats), reverse=True)
    _, out, _ = run(capsys, "check", str(SEEDS), "--statistics", "--format", "concise")
    rows = [line.split() for line in out.splitlines()[:-1]]
    assert {r[1]: int(r[0]) for r in rows} == expected and out.splitlines()[-1].startswith("Found ")


def test_on_a_terminal_findings_come_file_by_file_with_the_bar(tmp_path, capsys):
    # each file's findings are printed as soon as it is checked, above the progress bar; what is
    # printed is what --format json reports
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text(ZH + EN, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json")
    expected = Counter((Path(f["path"]).name, f["rule"]) for f in json.loads(out)["findings"])
    screen, _ = _pty_run(["check", str(tmp_path)], _env(), stdout_tty=True, stderr_tty=True)
    text = screen.decode("utf-8", "replace")
    heads = Counter((Path(m["path"]).name, m["code"]) for line in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)
                    .replace("\r", "\n").splitlines() if (m := HEAD.match(line)))
    assert heads == expected and "checking" in text
    quiet, _ = _pty_run(["check", str(tmp_path)], _env(NO_COLOR="1"), stdout_tty=True, stderr_tty=True)
    assert b"\x1b" not in quiet and b"checking" not in quiet     # NO_COLOR: no bar under the report
    assert f"Found {sum(expected.values())} errors in 6 files." in text
    order = [m.group(1) for m in re.finditer(r"(d\d)\.txt:\d+:\d+: error", text)]
    assert order == sorted(order)                                      # file by file, in order


def test_statistics_only_where_a_table_or_json_can_go(capsys):
    from tests.seeds import SEEDS

    code, out, err = run(capsys, "check", str(SEEDS), "--statistics", "--format", "sarif")
    assert code == 2 and out == "" and "--statistics" in err


def test_many_findings_on_one_line_print_in_linear_time(tmp_path):
    # each mark of a long line is placed in one window once: 20,000 distinct findings on one
    # line took 44 s when every window rescanned the marks left (json: 5 s); the bound is far
    # above the linear time and far below the quadratic one
    import time

    doc = tmp_path / "line.zh.txt"
    doc.write_text("".join(f"会议于{1000 + i}年2月30日举行，" for i in range(8000)) + "\n", encoding="utf-8")
    bitext = read_bitexts([str(doc)])[0]
    result = check_bitext(bitext)
    assert len(result.findings) == 8000
    console = Console(file=io.StringIO(), width=100, color_system=None)
    start = time.perf_counter()
    render_text(console, result.findings, {str(doc): doc.read_text(encoding="utf-8")}, 1, result.claims)
    assert time.perf_counter() - start < 20
    assert console.file.getvalue().count("^ CC201") == 8000
