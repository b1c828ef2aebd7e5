"""Backups (snapshot, skip when unchanged, thinning, restore), the database check and their CLI commands."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from sew_desktop.domain.backup_thinning import backups_to_keep
from sew_desktop.services.backups import BackupReason, backup_is_due, list_backups, restore_backup, take_backup
from sew_desktop.services.checks import check_database
from sew_desktop.services.databases import open_repository
from sew_desktop.store import history
from sew_desktop.store.mapping import Entity


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sew_desktop", *args], capture_output=True, text=True,
                          env={**os.environ}, timeout=120, check=False)


def test_a_backup_is_a_complete_snapshot_and_unchanged_files_are_not_backed_up_again(demo_path: Path) -> None:
    repository = open_repository(demo_path)  # open: part of the data sits in the -wal file
    region = next(iter(repository.regions()))
    repository.update(Entity.REGION, region, {"notes": "in de WAL"})
    backup = take_backup(demo_path, BackupReason.PERIODIC)
    assert backup is not None and backup.path.parent == demo_path.parent / "backups"
    conn = sqlite3.connect(backup.path)
    assert conn.execute("SELECT notes FROM region WHERE id = ?", [region]).fetchone()[0] == "in de WAL"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    unchanged = take_backup(demo_path, BackupReason.PERIODIC, now=datetime.now() + timedelta(minutes=1))
    assert unchanged is None  # nothing changed
    repository.update(Entity.REGION, region, {"notes": "weer gewijzigd"})
    assert take_backup(demo_path, BackupReason.PERIODIC, now=datetime.now() + timedelta(minutes=2)) is not None
    assert [p.name for p in (demo_path.parent / "backups").iterdir() if not p.name.endswith(".sqlite")] == []
    backup = list_backups(demo_path)[0]
    contents = backup.contents(date(2022, 10, 17))
    assert contents.regions == len(repository.regions()) and contents.municipalities == 300  # not both periods' 312
    assert backup.contents(date(2025, 6, 1)).municipalities == 285
    repository.close()


def test_a_second_folder_gets_a_copy(demo_path: Path, tmp_path: Path) -> None:
    network = tmp_path / "netwerkschijf"
    backup = take_backup(demo_path, BackupReason.PERIODIC, second_folder=network)
    assert backup is not None and (network / backup.path.name).read_bytes() == backup.path.read_bytes()


def test_thinning_keeps_recent_ones_then_one_per_day_week_month() -> None:
    now = datetime(2026, 12, 1, 12, 0)
    moments = [now - timedelta(hours=h) for h in range(0, 24 * 400, 6)]
    kept = backups_to_keep(moments, now)
    recent = [m for m in moments if m.date() >= now.date() - timedelta(days=1)]
    assert set(recent) <= kept
    days = {m.date() for m in kept if timedelta(days=2) < now - m <= timedelta(days=14)}
    assert len([m for m in kept if timedelta(days=2) < now - m <= timedelta(days=14)]) == len(days)
    assert not any(now - m > timedelta(days=366) for m in kept)
    assert 25 < len(kept) < 50


def test_restore_backs_up_the_current_file_first_and_an_open_window_sees_it(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    region = next(iter(repository.regions()))
    repository.update(Entity.REGION, region, {"notes": "versie 1"})
    first = take_backup(demo_path, BackupReason.PERIODIC)
    assert first is not None
    repository.update(Entity.REGION, region, {"notes": "versie 2"})
    safety = restore_backup(demo_path, first.path)
    assert repository.reload_if_changed_elsewhere() is True
    assert repository.regions()[region].notes == "versie 1"
    assert history.entries(repository.database)[0].why == f"restore: {first.path.name}"
    conn = sqlite3.connect(safety)  # the restore can be undone by restoring this one
    assert conn.execute("SELECT notes FROM region WHERE id = ?", [region]).fetchone()[0] == "versie 2"
    conn.close()
    repository.close()


def test_backup_timer_rule() -> None:
    now = datetime(2026, 12, 1, 12, 0)
    assert backup_is_due(None, True, now) and not backup_is_due(None, False, now)
    assert not backup_is_due(now - timedelta(minutes=10), True, now)
    assert backup_is_due(now - timedelta(minutes=31), True, now)


def test_check_finds_nothing_on_the_demo_and_a_broken_rule_after_an_outside_write(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    assert check_database(repository).ok
    repository.close()
    conn = sqlite3.connect(demo_path)
    nis, region = conn.execute("SELECT municipality_nis, region_id FROM membership LIMIT 1").fetchone()
    other = conn.execute("SELECT id FROM region WHERE id <> ? LIMIT 1", [region]).fetchone()[0]
    conn.execute("INSERT INTO membership (uuid, region_id, municipality_nis, updated_at) VALUES ('m-x', ?, ?, 'x')",
                 [other, nis])
    conn.commit()
    conn.close()
    result = run_cli("--db", str(demo_path), "check")
    assert result.returncode == 1
    assert "membership" in result.stdout and "already belongs" in result.stdout


def test_cli_history_backups_list_and_restore(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    region = next(iter(repository.regions()))
    repository.update(Entity.REGION, region, {"notes": "via de CLI te zien"})
    repository.close()
    result = run_cli("--db", str(demo_path), "history", "--entity", "region", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["new_value"] == "via de CLI te zien"
    since = run_cli("--db", str(demo_path), "history", "--since", "2999-01-01")
    assert since.stdout == "no changes recorded\n"
    backup = take_backup(demo_path, BackupReason.PERIODIC)
    assert backup is not None
    listing = run_cli("--db", str(demo_path), "backups", "list")
    assert backup.path.name in listing.stdout and "regiegebieden" in listing.stdout
    restored = run_cli("--db", str(demo_path), "backups", "restore", backup.path.name)
    assert restored.returncode == 0 and "restored" in restored.stdout, restored.stderr
    assert run_cli("--db", str(demo_path), "check").returncode == 0


def test_a_damaged_file_names_the_newest_good_backup(demo_path: Path) -> None:
    backup = take_backup(demo_path, BackupReason.PERIODIC)
    assert backup is not None
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2])
    result = run_cli("--db", str(demo_path), "report")
    assert result.returncode == 2 and backup.path.name in result.stderr
    restored = run_cli("--db", str(demo_path), "backups", "restore", backup.path.name)
    assert restored.returncode == 0, restored.stderr
    assert run_cli("--db", str(demo_path), "check").returncode == 0


def test_each_backup_says_why_it_was_taken(demo_path: Path, tmp_path: Path) -> None:
    from sew_desktop.services.backups import back_up_before_replacing, backups_folder

    opened = take_backup(demo_path, BackupReason.OPENED)
    assert opened is not None and opened.path.name.endswith(".opened.sqlite")
    merged = take_backup(demo_path, BackupReason.BEFORE_MERGE, force=True)
    assert merged is not None and merged.reason is BackupReason.BEFORE_MERGE
    restore_backup(demo_path, opened.path)
    back_up_before_replacing(demo_path)
    old = backups_folder(demo_path) / "demo.20200101-120000.sqlite"  # named before reasons were recorded
    old.write_bytes(opened.path.read_bytes())
    (demo_path.parent / f"{demo_path.name}.20200101-110000.bak").write_bytes(opened.path.read_bytes())
    reasons = [b.reason for b in list_backups(demo_path, migrations=True)]
    assert reasons[:4] == [BackupReason.BEFORE_REPLACE, BackupReason.BEFORE_RESTORE, BackupReason.BEFORE_MERGE,
                           BackupReason.OPENED]
    assert reasons[4:] == [None, BackupReason.BEFORE_UPGRADE]
    (backups_folder(demo_path) / "demo.20200101-130000.unknown-reason.sqlite").write_bytes(b"")
    assert len(list_backups(demo_path, migrations=True)) == 6  # a name that is no backup's is not listed
