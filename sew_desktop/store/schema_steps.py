"""The names of the schema migrations, in order, without the code that runs them.

Opening a file compares these with the steps it records; only when one is missing does the migration code (and
sqlite-utils with it, ~0.2 s to import) load. :mod:`sew_desktop.store.migrations` registers its steps in this
order and checks it.
"""

from __future__ import annotations

import sqlite3

MIGRATION_SET = "sew_desktop"
STEP_NAMES = (
    "0001_schema",
    "0002_reference_data",
    "0003_default_open_call",
    "0004_municipality_alias",
    "0005_change_history",
    "0006_boundaries",
    "0007_merges",
    "0008_team",
)


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """The steps the file records (none when it has no migrations table yet)."""
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
        return [str(row[0]) for row in rows]
    except sqlite3.OperationalError:  # no such table: a new, empty file
        return []


def has_pending(conn: sqlite3.Connection) -> bool:
    """True when this version knows a step the file has not had yet."""
    return not set(STEP_NAMES) <= set(applied_names(conn))
