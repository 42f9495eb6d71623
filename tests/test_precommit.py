"""A real pre-commit run of the hook this repository publishes (.pre-commit-hooks.yaml), in a
temporary git repository: a drifted translation fails the commit check, a fixed one passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ZH = "2019年12月16日，第八支维和警队抵达朱巴。全年共抓获犯罪嫌疑人1168名。\n"
EN = "On December 16, 2019, the eighth peacekeeping police unit arrived in Juba. Police arrested {} suspects.\n"


def _git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.mark.timeout(900)
def test_pre_commit_hook(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of claimcheck")
    rev = _git(ROOT, "rev-parse", "HEAD")
    repo = tmp_path / "news"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "t")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: claimcheck\n", encoding="utf-8")
    article = repo / "article.md"
    article.write_text(ZH + EN.format("1,186"), encoding="utf-8")
    _git(repo, "add", "-A")
    env = os.environ | {"PRE_COMMIT_HOME": str(tmp_path / "cache")}
    run = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    failed = subprocess.run(run, cwd=repo, env=env, capture_output=True, text=True)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "CC101" in failed.stdout and "1,186" in failed.stdout
    article.write_text(ZH + EN.format("1,168"), encoding="utf-8")
    _git(repo, "add", "-A")
    passed = subprocess.run(run, cwd=repo, env=env, capture_output=True, text=True)
    assert passed.returncode == 0, passed.stdout + passed.stderr
