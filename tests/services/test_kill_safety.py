"""Kill -9 at random moments during a burst of edits, a backup and a restore: nothing reported as done is lost,
no backup is half-written, every file passes integrity_check. Bounded: a few kills per scenario."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from sew_desktop.services.backups import BackupReason, list_backups, take_backup
from sew_desktop.services.databases import open_repository
from sew_desktop.store.mapping import Entity

KILLS = 4
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")

EDITS = """
import sys
from pathlib import Path
from sew_desktop.services.databases import open_repository
from sew_desktop.store.mapping import Entity
repository = open_repository(Path(sys.argv[1]))
region = int(sys.argv[2])
start = int(sys.argv[3])
for number in range(start, start + 100000):
    repository.update(Entity.REGION, region, {"notes": f"edit {number}"})
    print(number, flush=True)
"""

BACKUPS = """
import sys
from pathlib import Path
from sew_desktop.services.backups import BackupReason, take_backup
while True:
    backup = take_backup(Path(sys.argv[1]), BackupReason.PERIODIC, force=True)
    print(backup.path.name, flush=True)
"""

RESTORES = """
import sys
from pathlib import Path
from sew_desktop.services.backups import restore_backup
database, first, second = (Path(a) for a in sys.argv[1:4])
while True:
    for backup in (first, second):
        restore_backup(database, backup)
        print(backup.name, flush=True)
"""


def _run_and_kill(script: str, args: list[str], delay: float) -> list[str]:
    """Start the script, kill -9 it after ``delay`` seconds of work, return the lines it reported."""
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    first = process.stdout.readline()  # imports and opening are done: the work has begun
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    rest, errors = process.communicate(timeout=30)
    lines = [line for line in (first + rest).splitlines() if line]
    assert lines, errors
    return lines


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_kill_during_a_burst_of_edits_loses_no_reported_edit(demo_path: Path) -> None:
    randomness = random.Random(10)
    repository = open_repository(demo_path)
    region = next(iter(repository.regions()))
    repository.close()
    start = 0
    for _ in range(KILLS):
        reported = [int(n) for n in _run_and_kill(EDITS, [str(demo_path), str(region), str(start)],
                                                  randomness.uniform(0.05, 0.4))]
        assert _integrity(demo_path) == "ok"
        conn = sqlite3.connect(demo_path)
        stored = int(conn.execute("SELECT notes FROM region WHERE id = ?", [region]).fetchone()[0].split()[1])
        recorded = {row[0] for row in conn.execute(
            "SELECT new_value FROM change_history WHERE entity = 'region' AND field = 'notes'")}
        conn.close()
        assert stored >= reported[-1]  # the last reported edit (or one after it) is in the file
        assert {f"edit {n}" for n in reported} <= recorded  # and every reported edit is in the history
        start = stored + 1
    repository = open_repository(demo_path)
    assert repository.regions()[region].notes == f"edit {start - 1}"
    repository.close()


def test_kill_during_backups_leaves_only_complete_backups(demo_path: Path) -> None:
    randomness = random.Random(11)
    reported: list[str] = []
    for _ in range(KILLS):
        reported += _run_and_kill(BACKUPS, [str(demo_path)], randomness.uniform(0.0, 0.3))
    backups = list_backups(demo_path)
    assert {b.path.name for b in backups} >= set(reported)
    for backup in backups:
        assert _integrity(backup.path) == "ok", backup.path
        assert backup.contents(date(2022, 10, 17)).municipalities == 300
    assert _integrity(demo_path) == "ok"
    take_backup(demo_path, BackupReason.PERIODIC, force=True)  # the next backup sweeps the killed ones' temporary files
    assert list((demo_path.parent / "backups").glob(".*")) == []


def test_kill_during_a_restore_leaves_one_whole_version(demo_path: Path) -> None:
    randomness = random.Random(12)
    repository = open_repository(demo_path)
    region = next(iter(repository.regions()))
    versions = []
    for text in ("versie A", "versie B"):
        repository.update(Entity.REGION, region, {"notes": text})
        backup = take_backup(demo_path, BackupReason.PERIODIC, force=True)
        assert backup is not None
        versions.append(backup.path)
        time.sleep(1.01)  # distinct names
    repository.close()
    for _ in range(KILLS):
        _run_and_kill(RESTORES, [str(demo_path), *map(str, versions)], randomness.uniform(0.0, 0.3))
        assert _integrity(demo_path) == "ok"
        repository = open_repository(demo_path)
        assert repository.regions()[region].notes in {"versie A", "versie B"}
        repository.close()
