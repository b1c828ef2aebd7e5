"""Opening a user's SQLite file safely: checks, pragmas, backup before migrating, newer-version refusal."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sew_desktop.store import history
from sew_desktop.store.errors import (
    DamagedDatabaseError,
    DatabaseExistsError,
    DatabaseMissingError,
    ForeignDatabaseError,
    LockedDatabaseError,
    NewerVersionError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    UnreadableDatabaseError,
    UnsafeDatabaseError,
    WriteFailedError,
)
from sew_desktop.store.files import SQLITE_HEADER, atomic_target
from sew_desktop.store.held import is_held, lost_by_a_holder
from sew_desktop.store.repository import Repository
from sew_desktop.store.schema_steps import MIGRATION_SET, STEP_NAMES, has_pending
from sew_desktop.store.untrusted import APPLICATION_ID, is_ours, triggers_differ, unexpected_objects

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseMissingError(path)
    if not path.is_file():
        raise NotADatabaseError(path)
    if lost_by_a_holder(path):
        raise UnreadableDatabaseError(path, "a window of SEW Desktop that has it open lost its working files; "
                                            "close that window first")
    if is_held(path):
        return  # open in this process already (a second window on it): reading its header would drop its locks
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UnreadableDatabaseError(path, exc.strerror or str(exc)) from exc
    if header != SQLITE_HEADER:
        raise NotADatabaseError(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(path)


def _probe(path: Path) -> sqlite3.Connection:
    """A read-only connection: nothing done through it can change the file (nor its journal mode)."""
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise UnreadableDatabaseError(path, str(exc)) from exc


def inspect_file(path: Path) -> None:
    """Every refusal before anything writes: not ours, damaged, newer version. Read-only, the file is untouched."""
    probe = _probe(path)
    try:
        try:
            ours = is_ours(probe)
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise LockedDatabaseError(path) from exc
            if "malformed" in str(exc):
                raise DamagedDatabaseError(path, str(exc)) from exc
            raise NotADatabaseError(path) from exc
        if not ours:
            raise ForeignDatabaseError(path)
        strange = unexpected_objects(probe)
        if strange:
            raise UnsafeDatabaseError(path, f"it holds {strange[0]}, which SEW Desktop does not make")
        _quick_check(path, probe)
        applied = [row[0] for row in probe.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])]
        unknown = [name for name in applied if name not in STEP_NAMES]
        if unknown:
            raise NewerVersionError(path, unknown)
    finally:
        probe.close()


def _quick_check(path: Path, probe: sqlite3.Connection) -> None:
    try:
        findings = [str(row[0]) for row in probe.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(path, str(exc)) from exc
    if findings != ["ok"]:
        raise DamagedDatabaseError(path, "; ".join(findings))


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils' Database sets it
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
    from sew_desktop.store.migrations import migrations

    return [m.name for m in migrations.applied(db)]


def backup_path(path: Path, when: datetime | None = None) -> Path:
    """Where the copy made before a migration goes: next to the file, with a timestamp."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.{stamp}.bak")


def copy_database(db: Database, target: Path) -> None:
    """A consistent copy through SQLite's backup API, also while the file is in use, written atomically:
    a failure (full disk, killed process) leaves an existing ``target`` as it was and no fragment."""
    try:
        with atomic_target(target, "copying") as partial:
            destination = sqlite3.connect(str(partial))
            try:
                db.conn.backup(destination)
                destination.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                destination.close()
    except (sqlite3.Error, OSError) as exc:  # an unwritable place, a full disk
        raise WriteFailedError(target, str(exc)) from exc


def _migrate(path: Path, conn: sqlite3.Connection) -> None:
    if has_pending(conn):  # the migration code and sqlite-utils load only when a step is missing
        from sqlite_utils import Database

        from sew_desktop.store.migrations import migrations

        db = Database(conn)
        if applied_migrations(db):
            copy_database(db, backup_path(path))
        migrations.apply(db)
    if triggers_differ(conn):  # written by an older version, or planted under our names: ours, from our code
        conn.execute("BEGIN IMMEDIATE")
        try:
            history.rebuild_triggers(conn)
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    mark_as_ours(conn)


def mark_as_ours(db: Database | sqlite3.Connection) -> None:
    """Stamp the product's application_id (new files, and files made before the id existed)."""
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def open_database(path: Path) -> Database:
    """Open an existing database, migrating it (after a backup) when this version has new steps."""
    from sqlite_utils import Database

    return Database(open_connection(path))


def open_connection(path: Path) -> sqlite3.Connection:
    """:func:`open_database` as a plain connection (what the repository needs; no sqlite-utils to import)."""
    _check_file(path)
    inspect_file(path)
    conn = _connect(path)
    try:
        _migrate(path, conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise LockedDatabaseError(path) from exc
        raise NotADatabaseError(path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


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
    from sqlite_utils import Database

    from sew_desktop.store.migrations import migrations

    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        migrations.apply(db)
        mark_as_ours(db)
        if populate is not None:
            populate(Repository(db, path, hold=False))
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def open_memory_database() -> Database:
    """A fresh in-memory database with the full schema and reference data (tests, benchmarks)."""
    from sqlite_utils import Database

    from sew_desktop.store.migrations import migrations

    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    mark_as_ours(db)
    return db


def migration_set_name() -> str:
    """The name under which this app records its migrations."""
    return MIGRATION_SET
