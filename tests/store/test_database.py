from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from sew_desktop.store.database import (
    applied_migrations,
    backup_path,
    create_database,
    open_database,
)
from sew_desktop.store.errors import (
    DatabaseExistsError,
    DatabaseMissingError,
    ForeignDatabaseError,
    NewerVersionError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from sew_desktop.store.migrations import known_names


def test_new_database_has_reference_data_and_default_call(tmp_path: Path) -> None:
    db = create_database(tmp_path / "new.sqlite")
    assert db.execute("SELECT count(*) FROM municipality").fetchone()[0] == 312
    assert db.execute("SELECT count(*) FROM province").fetchone()[0] == 5
    call = db.execute("SELECT name, period_start, period_end, deadline FROM open_call").fetchall()
    assert call == [("Lokale Regie Sociale Economie en Werk 2023-2025", "2023-01-01", "2025-12-31", "2023-01-15")]
    assert applied_migrations(db) == known_names()


def test_pragmas(tmp_path: Path) -> None:
    create_database(tmp_path / "a.sqlite").conn.close()
    db = open_database(tmp_path / "a.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    path.write_text("keep me")
    with pytest.raises(DatabaseExistsError):
        create_database(path)
    assert path.read_text() == "keep me"


def test_missing_and_not_sqlite(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissingError):
        open_database(tmp_path / "nope.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is a spreadsheet, not a database" * 10)
    with pytest.raises(NotADatabaseError):
        open_database(bad)
    assert bad.read_bytes() == b"this is a spreadsheet, not a database" * 10


def test_corrupt_sqlite_body_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "corrupt.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = bad.read_bytes()
    with pytest.raises(NotADatabaseError):
        open_database(bad)
    assert bad.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    create_database(path).conn.close()
    path.chmod(0o444)
    with pytest.raises(ReadOnlyDatabaseError):
        open_database(path)


def test_read_only_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ro.sqlite"
    create_database(path).conn.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(ReadOnlyDatabaseError):
        open_database(path)


def test_newer_version_is_refused_and_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    create_database(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        ["sew_desktop", "9999_from_the_future", "2030-01-01 00:00:00"],
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerVersionError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("migration_set", [None, "another_app"])
def test_a_database_of_another_program_is_refused_and_not_modified(tmp_path: Path,
                                                                     migration_set: str | None) -> None:
    path = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('keep me')")
    if migration_set is not None:
        conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
        conn.execute("INSERT INTO _sqlite_migrations VALUES (?, '001_notes', '2024-01-01')", [migration_set])
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError):
        open_database(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]  # no -wal, -shm or backup either


def test_pending_migration_runs_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    create_database(path).conn.close()
    conn = sqlite3.connect(path)  # pretend the file predates the last migration
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", ["0003_default_open_call"])
    conn.execute("DELETE FROM open_call")
    conn.commit()
    conn.close()
    db = open_database(path)
    assert sorted(applied_migrations(db)) == sorted(known_names())
    backups = list(tmp_path.glob("old.sqlite.*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT count(*) FROM open_call").fetchone()[0] == 0
    assert old.execute("SELECT count(*) FROM municipality").fetchone()[0] == 312
    old.close()
    assert db.execute("SELECT count(*) FROM open_call").fetchone()[0] == 1


def test_up_to_date_database_is_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    create_database(path).conn.close()
    open_database(path).conn.close()
    assert not list(tmp_path.glob("*.bak"))


def test_backup_name_has_timestamp(tmp_path: Path) -> None:
    from datetime import datetime

    assert backup_path(tmp_path / "x.sqlite", datetime(2026, 11, 28, 14, 5, 1)).name == "x.sqlite.20261128-140501.bak"


def test_failed_creation_leaves_no_file(tmp_path: Path) -> None:
    from sew_desktop.store.repository import Repository

    def broken(repository: Repository) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        create_database(tmp_path / "half.sqlite", populate=broken)
    assert list(tmp_path.iterdir()) == []
