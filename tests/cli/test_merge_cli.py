"""``sew-desktop merge``: exit codes, JSON, dry run, --prefer; kill -9 during a merge leaves the file as it was."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sew_desktop.cli import main
from sew_desktop.services.merging.apply import PAUSE_ENV
from sew_desktop.store.mapping import Entity
from tests.services.merge_helpers import copy, dump, opened


def _conflicting(demo_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    a, b = copy(demo_path, tmp_path / "a.sqlite"), copy(demo_path, tmp_path / "b.sqlite")
    with opened(a) as repository:
        region = sorted(repository.regions())[0]
        repository.update(Entity.REGION, region, {"notes": "A"})
    with opened(b) as repository:
        repository.update(Entity.REGION, region, {"notes": "B"})
        repository.update(Entity.REGION, sorted(repository.regions())[1], {"name": "Alleen B"})
    return a, b


def test_conflicts_exit_1_and_write_nothing_then_prefer_decides(demo_path: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _conflicting(demo_path, tmp_path)
    before = dump(a)
    assert main(["--db", str(a), "merge", str(b), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["incoming"]["region"]["updated"][0]["fields"]["name"]["new"] == "Alleen B"
    [conflict] = data["conflicts"]
    assert (conflict["table"], conflict["field"], conflict["mine"], conflict["theirs"]) == ("region", "notes", "A", "B")
    assert conflict["theirs_changed"]["who"] and conflict["theirs_changed"]["at"]
    assert dump(a) == before
    assert main(["--db", str(a), "merge", str(b), "--prefer", "theirs", "--dry-run"]) == 0
    assert dump(a) == before
    assert main(["--db", str(a), "merge", str(b), "--prefer", "theirs"]) == 0
    assert "merged:" in capsys.readouterr().out
    assert dump(a) == dump(b)
    assert list((tmp_path / "backups").glob("a.*.sqlite"))  # a backup first
    assert main(["--db", str(a), "merge", str(b)]) == 0  # again: nothing to do


def test_usage_errors_exit_2(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    foreign = tmp_path / "other.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE x (y)").connection.close()
    newer = copy(demo_path, tmp_path / "newer.sqlite")
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                 ["sew_desktop", "9999_from_the_future", "2030-01-01 00:00:00"])
    conn.commit()
    conn.close()
    before = newer.read_bytes()
    assert main(["--db", str(demo_path), "merge", str(demo_path)]) == 2
    assert main(["--db", str(demo_path), "merge", str(foreign)]) == 2
    assert main(["--db", str(demo_path), "merge", str(newer)]) == 2
    assert main(["--db", str(demo_path), "merge", str(tmp_path / "missing.sqlite")]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 4 and all(e.startswith("sew-desktop: error:") for e in errors), errors
    assert "newer version" in errors[2]
    assert newer.read_bytes() == before  # THEIRS is only read


MERGE = """
import sys
from sew_desktop.cli import main
sys.exit(main(["--db", sys.argv[1], "merge", sys.argv[2], "--prefer", "theirs"]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_kill_during_a_merge_leaves_the_file_as_it_was(demo_path: Path, tmp_path: Path) -> None:
    a, b = _conflicting(demo_path, tmp_path)
    before = dump(a)
    process = subprocess.Popen([sys.executable, "-c", MERGE, str(a), str(b)], stderr=subprocess.PIPE, text=True,
                               env={**os.environ, PAUSE_ENV: "30"})
    assert process.stderr is not None
    assert "paused inside the transaction" in process.stderr.readline()
    time.sleep(0.1)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stderr.close()
    conn = sqlite3.connect(a)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert dump(a) == before
    assert main(["--db", str(a), "merge", str(b), "--prefer", "theirs"]) == 0
    assert dump(a) == dump(b)
