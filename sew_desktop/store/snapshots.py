"""Consistent snapshots of a database file on their own connection, their counts, and restoring one."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sew_desktop.store import history
from sew_desktop.store.errors import WriteFailedError
from sew_desktop.store.files import atomic_target, temporary_sibling
from sew_desktop.store.held import is_held
from sew_desktop.store.schema_steps import has_pending
from sew_desktop.store.untrusted import open_untrusted

BUSY_TIMEOUT_S = 5.0
_COUNTED = {"regions": "region", "agreements": "agreement", "decisions": "subsidy_decision"}
# The municipalities a user counts: those valid on the day (300 until 2024, 285 from 2025), not the codes of both
# periods together.
_VALID_MUNICIPALITIES = ("SELECT count(*) FROM municipality WHERE (valid_from IS NULL OR valid_from <= ?)"
                         " AND (valid_to IS NULL OR valid_to >= ?)")
_DATA_TABLES = ("municipality", "region", "membership", "agreement", "open_call", "subsidy_decision",
                "decision_member", "municipality_alias", "import_log", "meta", "trash")


@dataclass(frozen=True, slots=True)
class Contents:
    """What a file holds, for the list of backups; ``fingerprint`` is equal for equal data."""

    municipalities: int
    regions: int
    agreements: int
    decisions: int
    fingerprint: str


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    conn = sqlite3.connect(target, uri=read_only, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def take_snapshot(source: Path, target: Path) -> None:
    """``VACUUM INTO`` a temporary file beside ``target`` (one consistent read transaction of the source, even
    while others write), flushed and renamed into place: a backup is complete or absent, never half-written."""
    conn = _connect(source, read_only=False)
    try:
        with atomic_target(target, "backup") as partial:
            conn.execute("VACUUM INTO ?", [str(partial)])
    except sqlite3.Error as exc:
        raise WriteFailedError(target, str(exc)) from exc
    finally:
        conn.close()


def _fingerprint(conn: sqlite3.Connection) -> str:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    digest = hashlib.sha256()
    if "change_history" in tables:
        digest.update(repr(conn.execute("SELECT max(id), count(*) FROM change_history").fetchone()).encode())
    for table in sorted(tables & set(_DATA_TABLES)):
        digest.update(repr(conn.execute(f"SELECT count(*), max(rowid) FROM {table}").fetchone()).encode())
        if "updated_at" in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
            digest.update(repr(conn.execute(f"SELECT max(updated_at) FROM {table}").fetchone()).encode())
    return digest.hexdigest()[:16]


def contents(path: Path, day: date | None = None) -> Contents:
    """Counts (municipalities valid on ``day``, today unless given) and fingerprint of a file (read-only)."""
    conn = _connect(path, read_only=True)
    on = (day or date.today()).isoformat()
    try:
        counts = {name: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                  for name, table in _COUNTED.items()}
        valid = int(conn.execute(_VALID_MUNICIPALITIES, [on, on]).fetchone()[0])
        return Contents(municipalities=valid, **counts, fingerprint=_fingerprint(conn))
    finally:
        conn.close()


def restore_into(backup: Path, live: Path, note: str, who: str) -> None:
    """Put ``backup`` back as the live database, all or nothing.

    The backup passes the gate for files from outside first (ours, sound, a version we read, nothing in its schema
    that we do not make). It is copied into a scratch file beside the live one, where its triggers are made anew
    from our code, missing migrations are applied and the restore is noted in the history; that file, checked,
    goes into the live database through SQLite's backup API: one transaction, so an open window sees a normal
    commit and a killed restore leaves the file as it was. A damaged live file (which nothing can have open) is
    replaced as a whole, atomically."""
    scratch = temporary_sibling(live, "restoring")
    scratch.unlink(missing_ok=True)
    try:
        with open_untrusted(backup) as source:
            _prepare_restored(source, scratch, note, who)
        if _is_damaged(live):
            _replace_damaged(scratch, live)
        else:
            _copy_through_sqlite(scratch, live)
    except sqlite3.DatabaseError as exc:
        raise WriteFailedError(live, str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
    finally:
        scratch.unlink(missing_ok=True)


def _prepare_restored(source: sqlite3.Connection, scratch: Path, note: str, who: str) -> None:
    destination = sqlite3.connect(str(scratch), isolation_level=None)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
        if has_pending(destination):
            from sqlite_utils import Database

            from sew_desktop.store.migrations import migrations

            migrations.apply(Database(destination))
        destination.execute("BEGIN IMMEDIATE")
        history.rebuild_triggers(destination)  # nothing of the backup's schema runs here but ours
        if history.has_history(destination):
            history.note(destination, note, who)
        destination.execute("COMMIT")
        if [row[0] for row in destination.execute("PRAGMA quick_check(1)")] != ["ok"]:
            raise sqlite3.DatabaseError("the restored copy does not pass SQLite's quick check")
    finally:
        destination.close()


def _is_damaged(path: Path) -> bool:
    """True when SQLite cannot read the file as a sound database (quick check)."""
    try:
        conn = _connect(path, read_only=True)
    except sqlite3.Error:
        return True
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check(1)")] != ["ok"]
    except sqlite3.OperationalError as exc:
        return "locked" not in str(exc) and "busy" not in str(exc)
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()


def _copy_through_sqlite(prepared: Path, live: Path) -> None:
    source = _connect(prepared, read_only=True)
    destination = _connect(live, read_only=False)
    try:
        source.backup(destination)
        destination.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        source.close()
        destination.close()


def _replace_damaged(prepared: Path, live: Path) -> None:
    if is_held(live):  # a window holds it: replacing the file under it would leave the window on the old one
        raise WriteFailedError(live, "the damaged file is open in this program; close it and restore again")
    with atomic_target(live, "replacing") as partial:
        shutil.copyfile(prepared, partial)
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{live}{side}").unlink(missing_ok=True)
