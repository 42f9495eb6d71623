"""Issue 15, item 8: a claim's stored subject key depends on the archive's content, never on the
order in which its documents were indexed (one process or several at once, killed or not). The
ledger files a claim again whenever the pair it learnt for one of the claim's English subjects
changes (checker/ledger/store.py, _rekey)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from checker.cli import main
from checker.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from checker.cli import main; sys.exit(main(sys.argv[1:]))"

# Written for this test in the seeds' news style. "service members" and "blue helmets" are in no
# glossary: bilingual articles teach them (two documents at least, a clear majority), and
# English-only articles use them.
TEACH_SERVICE = ("2021-09-{day} 10:00:00\n目前，中国已累计派出{n}余名维和警察。\n\n"
                 "So far, China has sent more than {en} service members.\n")
TEACH_POLICE = "2021-10-{day} 10:00:00\n中国先后派出{n}余名维和警察。\n\nChina has sent more than {en} blue helmets.\n"
TEACH_TROOPS = "2021-11-{day} 10:00:00\n中国先后派出{n}万余名维和官兵。\n\nChina has sent more than {en} blue helmets.\n"
ENGLISH = ("2016-11-{day} 10:00:00\nSo far, China has sent {en} service members.\n",
           "2019-05-{day} 10:00:00\nChina has sent more than {en} blue helmets to UN missions.\n")


def documents(folder: Path) -> list[Path]:
    folder.mkdir()
    texts = {}
    for i, (n, en) in enumerate([(2600, "2,600"), (2700, "2,700"), (2800, "2,800")]):
        texts[f"teach-service-{i}.txt"] = TEACH_SERVICE.format(day=10 + i, n=n, en=en)
    for i, (n, en) in enumerate([(2500, "2,500"), (2550, "2,550")]):
        texts[f"teach-police-{i}.txt"] = TEACH_POLICE.format(day=10 + i, n=n, en=en)
    for i, (n, en) in enumerate([(5, "50,000"), (6, "60,000"), (7, "70,000")]):
        texts[f"teach-troops-{i}.txt"] = TEACH_TROOPS.format(day=10 + i, n=n, en=en)
    for i in range(3):
        for j, template in enumerate(ENGLISH):
            texts[f"english-{j}-{i}.txt"] = template.format(day=10 + i, en=f"{2400 + 10 * i:,}")
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):        # real articles, for breadth
        shutil.copy(seed, folder / seed.name)
    return sorted(folder.iterdir())


def stored_keys(db: Path) -> tuple[dict, dict]:
    """Every claim's key (and clause), by file name and place; and the learnt dictionary."""
    with Ledger(db) as ledger:
        assert ledger.check_integrity()
        keys = {(Path(c["path"]).name, c["line"], c["column"], c["kind"], c["text"]): (c["subject_key"], c["context"])
                for c in ledger.claims_for()}
        return keys, ledger.learnt_subjects()


def index_in_order(files: list[Path], db: Path, capsys) -> tuple[dict, dict]:
    for f in files:
        assert main(["index", str(f), "--ledger", str(db)]) == 0
    capsys.readouterr()
    return stored_keys(db)


def cli(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-c", CLI, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_every_key_is_the_same_whatever_the_indexing_order(tmp_path, capsys, new_ledger):
    files = documents(tmp_path / "archive")
    english_first = sorted(files, key=lambda f: not f.name.startswith("english"))
    orders = [files, files[::-1], english_first, random.Random(15).sample(files, len(files))]
    results = [index_in_order(order, new_ledger(), capsys) for order in orders]
    keys, learnt = results[0]
    assert learnt.get("service member") == "维和警察"
    assert learnt.get("blue helmet") == "维和官兵"           # three documents against two
    # English figures indexed before their subject was learnt are filed under the learnt key
    assert keys[("english-0-0.txt", 2, 24, "count", "2,400")][0] == "维和警察"
    assert any(k[0] == "english-1-0.txt" and v[0] == "维和官兵" for k, v in keys.items())
    for other_keys, other_learnt in results[1:]:
        assert other_learnt == learnt
        assert other_keys == keys


def test_a_pair_unlearnt_files_its_claims_back(tmp_path, capsys, new_ledger):
    files = documents(tmp_path / "archive")
    db = new_ledger()
    index_in_order(files, db, capsys)
    # two of the three articles that taught "blue helmets" → 维和官兵 now teach nothing: the
    # pair goes back to 维和警察 (two against one), and the English figures with it
    for f in files:
        if f.name in ("teach-troops-0.txt", "teach-troops-1.txt"):
            f.write_text("2021-11-20 10:00:00\n没有数字。\n", encoding="utf-8")
            assert main(["index", str(f), "--ledger", str(db)]) == 0
    capsys.readouterr()
    keys, learnt = stored_keys(db)
    assert learnt.get("blue helmet") == "维和警察"
    fresh = index_in_order(files[::-1], new_ledger(), capsys)
    assert (keys, learnt) == fresh


def test_four_processes_indexing_at_once_store_the_keys_of_one(tmp_path, capsys, new_ledger):
    files = documents(tmp_path / "archive")
    expected = index_in_order(files, new_ledger(), capsys)
    db = new_ledger()
    shuffled = random.Random(4).sample(files, len(files))
    # overlapping shares: each file is given to two writers, so some are indexed twice at once
    writers = [cli("index", *map(str, shuffled[k::4] + shuffled[(k + 1) % 4::4]), "--ledger", str(db))
               for k in range(4)]
    time.sleep(0.5)
    reader = cli("check", str(files[0]), "--ledger", str(db), "--format", "json", "--exit-zero")
    for p in writers + [reader]:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "locked" not in err
    assert stored_keys(db) == expected


def test_index_killed_again_and_again_keeps_a_whole_ledger_and_its_keys(tmp_path, capsys, new_ledger):
    """SIGKILL during index (teaching and re-filing included): every committed document stays
    whole, and indexing to the end gives the keys of an index never killed."""
    files = documents(tmp_path / "archive")
    expected = index_in_order(files, new_ledger(), capsys)
    db = new_ledger()
    r = random.Random(9)
    for _ in range(4):
        writer = cli("index", *map(str, r.sample(files, len(files))), "--ledger", str(db))
        time.sleep(r.uniform(0.6, 1.6))          # (starting Python and the extractors takes most of it)
        if writer.poll() is None:
            os.kill(writer.pid, signal.SIGKILL)
        writer.communicate(timeout=60)
        if "://" in db or Path(db).exists():
            with Ledger(db) as ledger:
                assert ledger.check_integrity()
    assert main(["index", *map(str, files), "--ledger", str(db)]) == 0
    capsys.readouterr()
    assert stored_keys(db) == expected


def test_a_ledger_of_the_previous_schema_is_refused_with_a_clear_message(tmp_path, capsys):
    """Schema 3 stored keys made with whatever the dictionary was at the time, and not what
    they are made of: it cannot be filed again, so it is refused (exit 2), never misread."""
    import sqlite3

    draft = tmp_path / "draft.txt"
    draft.write_text(TEACH_SERVICE.format(day=10, n=2600, en="2,600"), encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert main(["index", str(draft), "--ledger", str(db)]) == 0
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 3")
    con.close()
    capsys.readouterr()
    for args in (["check", str(draft), "--ledger", str(db)], ["index", str(draft), "--ledger", str(db)],
                 ["claims", "--ledger", str(db)]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert "older claimcheck (schema version 3" in err and "index the archive again" in err
