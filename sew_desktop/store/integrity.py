"""SQLite's own checks of a file: ``integrity_check`` and ``foreign_key_check`` (read-only)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

_LIMIT = 50


def sqlite_findings(path: Path) -> list[str]:
    """What SQLite finds wrong with the file (empty when all is well)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        integrity = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({_LIMIT})")]
        findings = [] if integrity == ["ok"] else integrity
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            findings.append(f"{table} row {rowid}: refers to a missing {parent}")
        return findings
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
