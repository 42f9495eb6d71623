"""Issue 15: ``--output`` writes into what is there — a device or FIFO directly, a symbolic link's
target atomically, an existing file with its mode, a new one as the umask says, a read-only one
not at all — and leaves no temporary file on any way out but SIGKILL (whose leftovers the next
write removes). Reports stream: the JSON written record by record is the same document, a record a line."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.errors import UserError
from checker.io.write import open_output, write_atomically
from checker.report import stream

ZH = "2019年12月16日，第八支维和警队抵达朱巴。全年共破获案件4.2万余起。\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def doc(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ZH, encoding="utf-8")
    return path


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_dev_null_stays_a_device(doc, capsys):
    before = os.stat("/dev/null")
    code, out, _ = run(capsys, "extract", str(doc), "-o", "/dev/null")
    after = os.stat("/dev/null")
    assert code == 0 and out == ""
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_symbolic_link_is_followed_and_stays_a_link(doc, tmp_path, capsys):
    real = tmp_path / "reports" / "latest.jsonl"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "report.jsonl"
    link.symlink_to(real)
    code, _, _ = run(capsys, "extract", str(doc), "--format", "jsonl", "-o", str(link))
    assert code == 0 and link.is_symlink() and os.readlink(link) == str(real)
    assert "4.2万余起" in real.read_text(encoding="utf-8")
    assert _temps(tmp_path) == [] and _temps(real.parent) == []


def test_a_fifo_is_written_into(doc, tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, _ = run(capsys, "extract", str(doc), "--format", "jsonl", "-o", str(fifo))
    reader.join(10)
    assert code == 0 and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert "4.2万余起" in got[0].decode("utf-8")


def test_an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask(doc, tmp_path, capsys):
    existing = tmp_path / "kept.json"
    existing.write_text("{}", encoding="utf-8")
    existing.chmod(0o640)
    assert run(capsys, "check", str(doc), "--format", "json", "-o", str(existing))[0] == 0
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640 and "summary" in existing.read_text(encoding="utf-8")
    old = os.umask(0o027)
    try:
        new = tmp_path / "new.json"
        assert run(capsys, "check", str(doc), "--format", "json", "-o", str(new))[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(new.stat().st_mode) == 0o640        # 0666 less the umask, not mkstemp's 0600


def test_a_read_only_target_is_refused_even_for_root(doc, tmp_path, capsys):
    target = tmp_path / "frozen.json"
    target.write_text("keep me\n", encoding="utf-8")
    target.chmod(0o444)
    code, out, err = run(capsys, "check", str(doc), "--format", "json", "-o", str(target))
    assert code == 2 and out == "" and "read-only" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "keep me\n" and _temps(tmp_path) == []


def test_a_failed_render_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with open_output(target) as out:
            out.write("half")
            raise RuntimeError("renderer failed")
    assert target.read_text(encoding="utf-8") == "old\n" and _temps(tmp_path) == []


def test_a_killed_writers_temporary_is_removed_by_the_next_write(tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()                                        # a process id nobody has now
    stale = tmp_path / f".out.txt.claimcheck-{gone.pid}.x1y2.tmp"
    stale.write_text("left by kill -9", encoding="utf-8")
    live = tmp_path / f".out.txt.claimcheck-{os.getppid()}.z3.tmp"     # a writer still at work
    live.write_text("being written", encoding="utf-8")
    other = tmp_path / f".other.txt.claimcheck-{gone.pid}.q.tmp"       # another file's
    other.write_text("not ours to clean", encoding="utf-8")
    write_atomically(tmp_path / "out.txt", "new\n")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "new\n"
    assert not stale.exists() and live.exists() and other.exists()


def test_a_directory_or_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(UserError, match="is a directory"):
        write_atomically(tmp_path, "x")
    with pytest.raises(UserError, match="cannot write"):
        write_atomically(tmp_path / "no" / "such" / "out.txt", "x")


@pytest.mark.parametrize("sig,status", [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130),
                                        (signal.SIGHUP, 128 + signal.SIGHUP)])
def test_a_signal_during_a_write_leaves_no_temporary_and_the_old_report(tmp_path, sig, status):
    # a run long enough to be stopped while it writes: dense input, a claim every two characters
    big = tmp_path / "dense.txt"
    big.write_text("1 " * 400_000, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("old report\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    # a shell without job control starts background commands with SIGINT ignored, and so would
    # this child be (Python keeps an inherited SIG_IGN): it gets the default, as at a terminal
    proc = subprocess.Popen([sys.executable, "-m", "checker", "extract", str(big), "-o", str(target)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not _temps(tmp_path) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _temps(tmp_path), "the run ended before it began to write"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == status and b"Traceback" not in err, err
    assert _temps(tmp_path) == [] and target.read_text(encoding="utf-8") == "old report\n"


def test_dev_stdout_is_the_stream_not_a_file_to_replace(doc, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-m", "checker", "extract", str(doc), "--format", "jsonl",
                          "-o", "/dev/stdout"], env=env, capture_output=True, check=True)
    assert "4.2万余起" in out.stdout.decode("utf-8")


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
                     max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(before=st.dictionaries(st.text(max_size=4), _json, max_size=3),
       items=st.lists(st.dictionaries(st.text(max_size=4), _json, max_size=3), max_size=4),
       after=st.dictionaries(st.text(max_size=4), _json, max_size=3), nested=st.booleans())
def test_streamed_json_is_the_document_a_record_a_line(before, items, after, nested):
    place = {"results": stream.ITEMS} if not nested else {"runs": [{"x": 1, "results": stream.ITEMS}]}
    doc = {**{f"a{k}": v for k, v in before.items()}, "list": place, **{f"z{k}": v for k, v in after.items()}}
    whole = json.loads(json.dumps(doc).replace(json.dumps(stream.ITEMS), json.dumps(items)))
    text = "".join(stream.json_chunks(doc, iter(items)))
    assert json.loads(text) == whole and text.endswith("}\n")
    lines = text.split("\n")                            # (\x85 or U+2028 inside a string is no line end)
    for item in items:                                   # each record is one line of its own
        assert any(json.loads(line.strip().rstrip(",")) == item for line in lines
                   if line.strip().startswith("{") and line.strip().rstrip(",").endswith("}"))


# ---- what the first round left open -------------------------------------------------------------

def _cli(*argv, **kw):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-m", "checker", *argv], env=env, **kw)


def test_dev_stdout_appends_where_the_shell_redirect_stands(doc, tmp_path):
    # `claimcheck ... -o /dev/stdout >> log` and `{ echo header; claimcheck ... -o /dev/stdout; } > log`:
    # opening /dev/stdout again would truncate the log and write from its start
    for mode in ("ab", "wb"):
        log = tmp_path / f"log-{mode}.txt"
        log.write_bytes(b"header\n")
        with open(log, mode) as stdout:
            if mode == "wb":
                stdout.write(b"header\n")
                stdout.flush()
            _cli("extract", str(doc), "--format", "jsonl", "-o", "/dev/stdout", stdout=stdout, check=True)
            stdout.write(b"trailer\n")
        lines = log.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "header" and lines[-1] == "trailer" and len(lines) > 3, (mode, lines)
        assert all(json.loads(line)["path"] == str(doc) for line in lines[1:-1])


def test_dev_fd_n_is_that_descriptor(doc, tmp_path):
    log = tmp_path / "log.txt"
    with open(log, "ab") as f:
        f.write(b"kept\n")
        f.flush()
        _cli("extract", str(doc), "--format", "jsonl", "-o", f"/dev/fd/{f.fileno()}",
             pass_fds=(f.fileno(),), check=True, stdout=subprocess.DEVNULL)
    text = log.read_text(encoding="utf-8")
    assert text.startswith("kept\n") and "4.2万余起" in text


def test_a_signal_just_after_the_temporary_is_made_leaves_none(tmp_path, monkeypatch):
    # the signal lands between mkstemp and the `finally` that knows the temporary's name
    from checker.io import write

    real = write.tempfile.mkstemp

    def mkstemp_then_ctrl_c(*a, **kw):
        made = real(*a, **kw)
        os.kill(os.getpid(), signal.SIGINT)
        return made

    monkeypatch.setattr(write.tempfile, "mkstemp", mkstemp_then_ctrl_c)
    # Ctrl-C as a terminal delivers it, even where the tests run in a background job (whose
    # SIGINT the shell ignores)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        target = tmp_path / "out.txt"
        target.write_text("old\n", encoding="utf-8")
        with pytest.raises(KeyboardInterrupt):
            write_atomically(target, "new\n")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert _temps(tmp_path) == [] and target.read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize("problem", ["read-only", "directory", "no folder"])
def test_an_output_that_cannot_be_kept_is_refused_before_the_run(tmp_path, capsys, monkeypatch, problem):
    # not after minutes of extraction: nothing is read or checked when the report could not be written
    import checker.cli

    monkeypatch.setattr(checker.cli, "_documents", lambda *a, **kw: pytest.fail("the run started"))
    target = {"read-only": tmp_path / "frozen.json", "directory": tmp_path,
              "no folder": tmp_path / "none" / "out.json"}[problem]
    if problem == "read-only":
        target.write_text("keep me\n", encoding="utf-8")
        target.chmod(0o444)
    source = tmp_path / "a.txt"
    source.write_text(ZH, encoding="utf-8")
    for argv in (["extract", str(source), "-o", str(target)], ["check", str(source), "-o", str(target)],
                 ["check", str(source), "--write-baseline", str(target)]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1 and str(target) in err, (argv, err)
    if problem == "read-only":
        assert target.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to somebody else")
def test_root_rewriting_somebodys_report_leaves_it_theirs(doc, tmp_path, capsys):
    target = tmp_path / "theirs.json"
    target.write_text("{}", encoding="utf-8")
    os.chown(target, 12345, 23456)
    target.chmod(0o664)
    assert run(capsys, "check", str(doc), "--format", "json", "-o", str(target))[0] == 0
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 23456, 0o664)
    assert "summary" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "concise", "github", "sarif", "junit", "html"])
def test_check_reports_are_written_in_pieces_not_one_string(tmp_path, capsys, monkeypatch, fmt):
    # issue 15: memory must not grow with the report — four times the findings, four times the
    # report, and its largest piece no larger (a head of fixed size, such as SARIF's rules, aside)
    import checker.cli

    sizes: list[int] = []
    real = checker.cli._emit

    def emit(path, chunks):
        real(path, (sizes.append(len(c)) or c for c in chunks))

    monkeypatch.setattr(checker.cli, "_emit", emit)
    largest, totals = [], []
    for n in (100, 400):
        sizes.clear()
        (tmp_path / "s.zh").write_text("".join(f"2019年有{i + 100}人抵达朱巴。\n" for i in range(n)), encoding="utf-8")
        (tmp_path / "t.en").write_text("".join(f"In 2018, {i + 200} people arrived in Juba.\n" for i in range(n)),
                                       encoding="utf-8")
        out = tmp_path / f"report-{n}.{fmt}"
        run(capsys, "check", "--source", str(tmp_path / "s.zh"), "--target", str(tmp_path / "t.en"), "--aligned",
            "--format", fmt, "-o", str(out))
        largest.append(max(sizes))
        totals.append(out.stat().st_size)
    assert totals[1] > 3 * totals[0] and largest[1] < 1.2 * largest[0] + 1000, (fmt, largest, totals)


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_extract_writes_a_documents_claims_before_reading_the_next(tmp_path, capsys, monkeypatch, fmt):
    import checker.extract

    order: list[str] = []
    real = checker.extract.extract_document

    def extract(d, **kw):
        order.append(f"extract {Path(d.path).name}")
        return real(d, **kw)

    monkeypatch.setattr(checker.extract, "extract_document", extract)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ZH, encoding="utf-8")
    out = tmp_path / "out"
    from checker.io import write

    real_open = write.open_output

    @contextlib.contextmanager
    def watched(path, what="the output"):
        with real_open(path, what) as stream_:
            class Spy:
                def write(self, text):
                    if '"path"' in text:
                        order.append("write " + ("a" if "a.txt" in text else "b"))
                    return stream_.write(text)
            yield Spy()

    monkeypatch.setattr(write, "open_output", watched)
    assert run(capsys, "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", fmt,
               "-o", str(out))[0] == 0
    firsts = [step for i, step in enumerate(order) if step not in order[:i]]
    assert firsts == ["extract a.txt", "write a", "extract b.txt", "write b"], order


def test_a_stale_temporary_with_this_process_id_is_removed_but_not_one_being_written(tmp_path):
    # a SIGKILLed run's id is often the next run's in a container: that file is stale all the same
    target = tmp_path / "out.txt"
    stale = tmp_path / f".out.txt.claimcheck-{os.getpid()}.k9.tmp"
    stale.write_text("left by kill -9", encoding="utf-8")
    with open_output(target) as out:
        out.write("first\n")
        mine = _temps(tmp_path)
        assert stale.name not in mine and len(mine) == 1
        write_atomically(tmp_path / "out.txt", "nested\n")          # another write of the same path
        assert mine[0] in _temps(tmp_path)                            # does not take ours away
    assert target.read_text(encoding="utf-8") == "first\n" and _temps(tmp_path) == []


def test_a_reader_that_goes_away_from_dev_stdout_is_no_error(tmp_path):
    # `claimcheck extract big -o /dev/stdout | head -1`: the descriptor written through breaks quietly
    big = tmp_path / "dense.txt"
    big.write_text("1 " * 50_000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-m", "checker", "extract", str(big), "-o", "/dev/stdout"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(60) == 0 and err == b"", err
