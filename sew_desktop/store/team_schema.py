"""The team tables of a laptop's file (a schema step): the link to the server and the answers kept for the user.
Outside the team package, so that the migrations need nothing of the team's code (the folders keep one
direction)."""

from __future__ import annotations

from typing import Any

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS team_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    dsn TEXT NOT NULL,
    laptop_id TEXT NOT NULL,
    login TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    server_seq INTEGER NOT NULL,
    answered_op INTEGER NOT NULL,
    last_sync TEXT
) STRICT""",
    """CREATE TABLE IF NOT EXISTS team_issue (
    id INTEGER PRIMARY KEY,
    op_no INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('conflict', 'refused')),
    tbl TEXT NOT NULL,
    identity TEXT NOT NULL,
    label TEXT NOT NULL,
    field TEXT,
    mine TEXT,
    server TEXT,
    server_who TEXT,
    server_at TEXT,
    reason TEXT,
    at TEXT NOT NULL,
    resolved_at TEXT
) STRICT""",
)


# Entries a merge copied from another file are that file's past, not changes of this one: the merge's own
# entries (its triggers') are what it changed here, and only those go to a team server.
COPIED_COLUMN = "ALTER TABLE change_history ADD COLUMN copied INTEGER NOT NULL DEFAULT 0"


def install(db: Any) -> None:
    """Create the team tables (a schema step; empty until the file joins a team), and mark which history entries
    a merge copied from elsewhere."""
    for statement in SCHEMA:
        db.execute(statement)
    db.execute(COPIED_COLUMN)
