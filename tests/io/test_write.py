"""Issue 15: ``--output`` writes into what is there — a device or FIFO directly, a symbolic link's
target atomically, an existing file with its mode, a new one as the umask says, a read-only one
not at all — and leaves no temporary file on any way out but SIGKILL (whose leftovers the next
write removes). Reports stream: the JSON written record by record is json.dumps's, byte for byte."""

from __future__ import annotations

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
    proc = subprocess.Popen([sys.executable, "-m", "checker", "extract", str(big), "-o", str(target)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
def test_streamed_json_is_json_dumps_byte_for_byte(before, items, after, nested):
    place = {"results": stream.ITEMS} if not nested else {"runs": [{"x": 1, "results": stream.ITEMS}]}
    doc = {**{f"a{k}": v for k, v in before.items()}, "list": place, **{f"z{k}": v for k, v in after.items()}}
    whole = json.loads(json.dumps(doc).replace(json.dumps(stream.ITEMS), json.dumps(items)))
    assert "".join(stream.json_chunks(doc, iter(items))) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
