"""Opening a user's SQLite file safely: checks, pragmas, backup before migrating, newer-version refusal."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from sew_desktop.store.errors import (
    DatabaseExistsError,
    DatabaseMissingError,
    ForeignDatabaseError,
    LockedDatabaseError,
    NewerVersionError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    UnreadableDatabaseError,
    WriteFailedError,
)
from sew_desktop.store.migrations import MIGRATION_SET, known_names, migrations
from sew_desktop.store.repository import Repository

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseMissingError(path)
    if not path.is_file():
        raise NotADatabaseError(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UnreadableDatabaseError(path, exc.strerror or str(exc)) from exc
    if header != SQLITE_HEADER:
        raise NotADatabaseError(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(path)


def _refuse_foreign(path: Path) -> None:
    """Raise ForeignDatabaseError for a database with tables but none of ours: opening it would migrate it."""
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return  # the regular opening explains what is wrong
    try:
        tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        ours = "_sqlite_migrations" in tables and probe.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]).fetchone()[0] > 0
    except sqlite3.Error:
        return
    finally:
        probe.close()
    if tables and not ours:
        raise ForeignDatabaseError(path)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise LockedDatabaseError(path) from exc
        raise UnreadableDatabaseError(path, str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise NotADatabaseError(path) from exc
    return conn


def applied_migrations(db: Database) -> list[str]:
    """Names of the migrations recorded in the file."""
    return [m.name for m in migrations.applied(db)]


def _refuse_newer(path: Path, db: Database) -> None:
    unknown = [name for name in applied_migrations(db) if name not in known_names()]
    if unknown:
        raise NewerVersionError(path, unknown)


def backup_path(path: Path, when: datetime | None = None) -> Path:
    """Where the copy made before a migration goes: next to the file, with a timestamp."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.{stamp}.bak")


def copy_database(db: Database, target: Path) -> None:
    """A consistent copy through SQLite's backup API, also while the file is in use."""
    try:
        destination = sqlite3.connect(str(target))
        try:
            db.conn.backup(destination)
        finally:
            destination.close()
    except sqlite3.Error as exc:  # an unwritable place, a full disk
        raise WriteFailedError(target, str(exc)) from exc


def _migrate(path: Path, db: Database) -> None:
    pending = migrations.pending(db)
    if not pending:
        return
    if applied_migrations(db):
        copy_database(db, backup_path(path))
    migrations.apply(db)


def open_database(path: Path) -> Database:
    """Open an existing database, migrating it (after a backup) when this version has new steps."""
    _check_file(path)
    _refuse_foreign(path)
    conn = _connect(path)
    db = Database(conn)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _refuse_newer(path, db)
        _migrate(path, db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise LockedDatabaseError(path) from exc
        raise NotADatabaseError(path) from exc
    except BaseException:
        conn.close()
        raise
    return db


def create_database(
    path: Path, *, force: bool = False, populate: Callable[[Repository], None] | None = None
) -> Database:
    """A new database with the reference data and the default open call, then ``populate``.

    The file is built under a temporary name and renamed into place, so a failure or a killed process
    never leaves a half-made database (nor destroys the one being replaced with ``force``).
    """
    if path.exists() and not force:
        raise DatabaseExistsError(path)
    if not path.parent.is_dir() or not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(path)
    temporary = path.with_name(f".{path.name}.creating")
    temporary.unlink(missing_ok=True)
    try:
        try:
            _build(temporary, populate)
        except sqlite3.OperationalError as exc:  # disk full, I/O error
            raise WriteFailedError(path, str(exc)) from exc
        for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return open_database(path)


def _build(path: Path, populate: Callable[[Repository], None] | None) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        migrations.apply(db)
        if populate is not None:
            populate(Repository(db, path))
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def open_memory_database() -> Database:
    """A fresh in-memory database with the full schema and reference data (tests, benchmarks)."""
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db


def migration_set_name() -> str:
    """The name under which this app records its migrations."""
    return MIGRATION_SET
