"""The import log: which file was imported when, by whom, with what counts; undone imports stay, marked.

The marks live in the entry's JSON (``undone_at``/``redone_at`` beside the counts), so the log needs no
schema change and an old file reads the same.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sew_desktop.store.repository import Repository
from sew_desktop.store.rows import now_iso
from sew_desktop.store.writes import Writer

UNDONE = "undone_at"
REDONE = "redone_at"


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One line of the import log; ``counts`` is JSON with the counts and, once undone, when."""

    file_name: str
    sha256: str
    imported_at: str
    user: str
    call_id: int | None
    counts: str
    id: int = 0

    def marks(self) -> dict[str, str]:
        """When the import was undone (``undone_at``) or done again (``redone_at``), as ISO stamps."""
        try:
            data = json.loads(self.counts)
        except ValueError:
            return {}
        return {k: str(data[k]) for k in (UNDONE, REDONE) if isinstance(data, dict) and data.get(k)}


def import_log(repository: Repository) -> list[LogEntry]:
    """The import log, newest first (undone imports stay, marked)."""
    return [
        LogEntry(r["file_name"], r["sha256"], r["imported_at"], r["user"], r["call_id"], r["counts"], r["id"])
        for r in repository.select("SELECT * FROM import_log ORDER BY id DESC")
    ]


def write_log(tx: Writer, log: LogEntry) -> int:
    """Add an entry (inside the caller's transaction); returns its id."""
    cursor = tx.execute(
        "INSERT INTO import_log (file_name, sha256, imported_at, user, call_id, counts) VALUES (?, ?, ?, ?, ?, ?)",
        [log.file_name, log.sha256, log.imported_at, log.user, log.call_id, log.counts])
    return int(cursor.lastrowid or 0)


def mark_undone(tx: Writer, log_id: int) -> int:
    """Mark an entry as undone now (inside the caller's transaction)."""
    return _mark(tx, log_id, UNDONE, REDONE)


def mark_redone(tx: Writer, log_id: int) -> int:
    """Mark an undone entry as done again now (inside the caller's transaction)."""
    return _mark(tx, log_id, REDONE, UNDONE)


def _mark(tx: Writer, log_id: int, set_key: str, clear_key: str) -> int:
    rows = tx.select("SELECT counts FROM import_log WHERE id = ?", [log_id])
    if rows:
        counts = json.loads(rows[0]["counts"] or "{}")
        counts.pop(clear_key, None)
        counts[set_key] = now_iso()
        tx.execute("UPDATE import_log SET counts = ? WHERE id = ?", [json.dumps(counts), log_id])
    return log_id
