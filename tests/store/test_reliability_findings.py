"""The nine findings of the reliability review, each pinned: these failed before the data-safety work."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sew_desktop.services.backups import list_backups
from sew_desktop.services.databases import open_repository
from sew_desktop.services.export_table import ExportTargetError, write_file
from sew_desktop.store.database import create_database, open_database
from sew_desktop.store.errors import DamagedDatabaseError, ForeignDatabaseError, NewerVersionError
from sew_desktop.store.mapping import Entity


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "sew_desktop", *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


def _counts(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM region").fetchone()[0])
    finally:
        conn.close()


# 1. An export onto the open database, any SQLite file, or a backup is refused ---------------------------


def test_export_onto_the_open_database_is_refused_and_the_data_stay(demo_path: Path) -> None:
    before = _counts(demo_path)
    result = run_cli("--db", str(demo_path), "export", "table", "-o", str(demo_path), "--force")
    assert result.returncode == 2
    assert "it is a database" in result.stderr and "Traceback" not in result.stderr
    assert _counts(demo_path) == before


def test_export_onto_another_sqlite_file_or_a_backup_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(ExportTargetError, match="database"):
        write_file(other, b"a,b\n", force=True)
    (tmp_path / "backups").mkdir()
    backup = tmp_path / "backups" / "sew.20261201-101010.sqlite"
    with pytest.raises(ExportTargetError, match="backup"):
        write_file(backup, b"a,b\n", force=True)
    with pytest.raises(ExportTargetError, match="folder"):
        write_file(tmp_path, b"a,b\n", force=True)
    assert not backup.exists()


# 2. Exports are atomic ----------------------------------------------------------------------------------


def test_a_failing_export_leaves_the_old_file_and_no_fragment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "dekking.csv"
    target.write_bytes(b"the previous export\n")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ExportTargetError, match="No space left"):
        write_file(target, b"x" * 100_000, force=True)
    assert target.read_bytes() == b"the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dekking.csv"]


# 3. A newer file with a rollback journal is refused before its journal mode changes -------------------


def test_newer_rollback_journal_file_is_not_switched_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    create_database(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES"
                 " ('sew_desktop', '9999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerVersionError):
        open_database(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.sqlite"]


# 4. A foreign SQLite file without tables is refused untouched -----------------------------------------


@pytest.mark.parametrize("content",
                         ["CREATE VIEW v AS SELECT 1", "PRAGMA application_id = 1234", "PRAGMA user_version = 7"])
def test_a_foreign_file_without_tables_is_refused_untouched(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(content)
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError):
        open_database(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_new_and_migrated_files_carry_our_application_id(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    db = create_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == 0x53455744
    db.execute("PRAGMA application_id = 0")  # as files made before the id existed
    db.conn.close()
    db = open_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == 0x53455744
    db.conn.close()


# 5. A damaged (truncated) file is refused on open with a clear message ----------------------------------


def test_a_truncated_file_is_refused_with_a_clear_message(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedDatabaseError):
        open_database(demo_path)
    result = run_cli("--db", str(demo_path), "report")
    assert result.returncode == 2
    assert "damaged" in result.stderr and "restore a backup" in result.stderr
    assert "ValueError" not in result.stderr and "Traceback" not in result.stderr


# 6. Writers wait their turn (BEGIN IMMEDIATE, busy timeout) ---------------------------------------------


def _hold_write_lock(path: Path, seconds: float, started: threading.Event) -> None:
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE meta SET value = value")
    started.set()
    time.sleep(seconds)
    holder.execute("COMMIT")
    holder.close()


def test_a_write_waits_for_another_writer_instead_of_failing(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    region = next(iter(repository.regions()))
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(demo_path, 1.0, started))
    holder.start()
    started.wait()
    try:
        # An agreement insert reads (the partner) before it writes: a deferred BEGIN failed here at once.
        key = repository.insert(Entity.AGREEMENT, {"region_id": region, "negotiation_started": "2024-01-01"})
    finally:
        holder.join()
    assert key in repository.agreements()
    repository.close()


def test_a_waiting_write_tells_the_gui_after_half_a_second(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    waits: list[bool] = []
    repository.safety.on_waiting = waits.append
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(demo_path, 1.0, started))
    holder.start()
    started.wait()
    try:
        repository.update(Entity.REGION, next(iter(repository.regions())), {"notes": "gewacht"})
    finally:
        holder.join()
    assert waits == [True, False]  # waiting started, then it was over
    repository.close()


def test_an_import_while_a_window_is_writing_waits_and_succeeds(demo_path: Path) -> None:
    sample = Path(__file__).parents[2] / "data" / "samples" / "beslissingen_per_gemeente_cp1252.csv"
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(demo_path, 2.0, started))
    holder.start()
    started.wait()
    try:
        result = run_cli("--db", str(demo_path), "import-decisions", str(sample), "--call",
                         "Lokale Regie Sociale Economie en Werk 2023-2025")
    finally:
        holder.join()
    assert result.returncode == 0, result.stderr


def test_two_imports_at_once_both_succeed(demo_path: Path) -> None:
    samples = Path(__file__).parents[2] / "data" / "samples"
    call = "Lokale Regie Sociale Economie en Werk 2023-2025"
    commands = [[sys.executable, "-m", "sew_desktop", "--db", str(demo_path), "import-decisions", str(samples / f),
                 "--call", call] for f in ("beslissingen_lokale_regie.xlsx", "beslissingen_per_gemeente_cp1252.csv")]
    processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    results = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], results


# 7. Another process's commits are noticed ---------------------------------------------------------------


def test_a_commit_by_another_process_is_noticed_and_reloaded(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    before = len(repository.regions())
    seen: list[object] = []
    repository.subscribe(seen.append)
    assert repository.reload_if_changed_elsewhere() is False
    other = sqlite3.connect(demo_path)
    other.execute("INSERT INTO region (uuid, name, kind, province_nis, updated_at) VALUES"
                  " ('u-1', 'Elders toegevoegd', 'samenwerkingsverband', '10000', '2026-01-01')")
    other.commit()
    other.close()
    assert repository.reload_if_changed_elsewhere() is True
    assert len(repository.regions()) == before + 1 and len(seen) == 1
    assert repository.reload_if_changed_elsewhere() is False  # once per outside commit
    repository.close()


# 8. A closed database is one complete file (WAL checkpoint on close) ------------------------------------


def test_after_close_the_main_file_alone_holds_every_edit(demo_path: Path, tmp_path: Path) -> None:
    reader = sqlite3.connect(demo_path)  # another program keeps the file open: SQLite does not checkpoint
    reader.execute("SELECT count(*) FROM region").fetchone()
    repository = open_repository(demo_path)
    region = next(iter(repository.regions()))
    repository.update(Entity.REGION, region, {"notes": "na het sluiten bewaard"})
    repository.close()
    copy = tmp_path / "copy" / "kopie.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(demo_path, copy)  # what users do: copy sew.sqlite alone
    reader.close()
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT notes FROM region WHERE id = ?", [region]).fetchone()[0] == "na het sluiten bewaard"
    conn.close()


# 9. demo --force takes a backup of the file it replaces ------------------------------------------------


def test_demo_force_backs_up_the_file_it_replaces(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    region = next(iter(repository.regions()))
    repository.update(Entity.REGION, region, {"notes": "werk van maanden"})
    repository.close()
    result = run_cli("demo", str(demo_path), "--force")
    assert result.returncode == 0, result.stderr
    backups = list_backups(demo_path)
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0].path)
    assert conn.execute("SELECT notes FROM region WHERE id = ?", [region]).fetchone()[0] == "werk van maanden"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
