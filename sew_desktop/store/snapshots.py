"""Consistent snapshots of a database file on their own connection, their counts, and restoring one."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sew_desktop.store import history
from sew_desktop.store.errors import WriteFailedError
from sew_desktop.store.files import atomic_target
from sew_desktop.store.held import is_held

BUSY_TIMEOUT_S = 5.0
_COUNTED = {"municipalities": "municipality", "regions": "region", "agreements": "agreement",
            "decisions": "subsidy_decision"}
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


def contents(path: Path) -> Contents:
    """Counts and fingerprint of a file (read-only)."""
    conn = _connect(path, read_only=True)
    try:
        counts = {name: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                  for name, table in _COUNTED.items()}
        return Contents(**counts, fingerprint=_fingerprint(conn))
    finally:
        conn.close()


def restore_into(backup: Path, live: Path, note: str, who: str) -> None:
    """Copy ``backup`` over the live database through SQLite's backup API: one transaction on the live file, so
    other connections (an open window) see a normal commit and a killed restore leaves the file as it was.
    A damaged live file (which nothing can have open) is replaced as a whole, atomically."""
    if _is_damaged(live):
        _replace_damaged(backup, live)
    else:
        try:
            _restore_through_sqlite(backup, live)
        except sqlite3.DatabaseError as exc:
            raise WriteFailedError(live, str(exc)) from exc
    destination = _connect(live, read_only=False)
    try:
        if history.has_history(destination):
            destination.execute("BEGIN IMMEDIATE")
            history.note(destination, note, who)
            destination.execute("COMMIT")
        destination.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise WriteFailedError(live, str(exc)) from exc
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


def _restore_through_sqlite(backup: Path, live: Path) -> None:
    source = _connect(backup, read_only=True)
    destination = _connect(live, read_only=False)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()


def _replace_damaged(backup: Path, live: Path) -> None:
    if is_held(live):  # a window holds it: replacing the file under it would leave the window on the old one
        raise WriteFailedError(live, "the damaged file is open in this program; close it and restore again")
    with atomic_target(live, "restoring") as partial:
        shutil.copyfile(backup, partial)
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{live}{side}").unlink(missing_ok=True)
