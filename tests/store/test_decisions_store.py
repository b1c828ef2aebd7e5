from __future__ import annotations

import sqlite3
from pathlib import Path

from sew_desktop.domain.memberships import MembershipPlan
from sew_desktop.store.database import create_database, open_database
from sew_desktop.store.decisions import (
    ImportWrite,
    LogEntry,
    aliases,
    apply_import,
    import_log,
    restore,
    snapshot_database,
)
from sew_desktop.store.repository import Repository


def test_a_database_from_before_the_alias_step_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    create_database(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE municipality_alias")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_municipality_alias'")
    conn.commit()
    conn.close()
    db = open_database(path)
    assert db["municipality_alias"].exists()
    assert len(list(tmp_path.glob("old.sqlite.*.bak"))) == 1
    db.conn.close()


def _write(alias_nis: str) -> ImportWrite:
    log = LogEntry("f.csv", "0" * 64, "2026-01-01T00:00:00+00:00", "me", 1, "{}")
    return ImportWrite(1, MembershipPlan(), [], [], [("sintniklaus", "Sint-Niklaus", alias_nis)], log)


def test_restore_puts_back_a_replaced_alias_and_marks_the_log_line(memory_repository: Repository) -> None:
    apply_import(memory_repository, _write("46021"), snapshot=False)
    before = [line for line in snapshot_database(memory_repository) if "import_log" not in line]
    snapshot = apply_import(memory_repository, _write("46025"))
    assert aliases(memory_repository) == {"sintniklaus": "46025"} and len(import_log(memory_repository)) == 2
    assert snapshot is not None
    restore(memory_repository, snapshot)
    assert aliases(memory_repository) == {"sintniklaus": "46021"}
    assert [line for line in snapshot_database(memory_repository) if "import_log" not in line] == before
    newest, oldest = import_log(memory_repository)
    assert set(newest.marks()) == {"undone_at"} and oldest.marks() == {}
