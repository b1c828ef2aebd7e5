"""Files from outside are checked before they are trusted: restore, merge, open (issue: every file from outside).

Each hostile file is generated here. Commands that must stay bounded run in a subprocess whose peak memory is read
back; its timeout only guards against a hang (a refusal takes well under a second)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sew_desktop.services.backups import (
    BackupReason,
    backups_folder,
    list_backups,
    newest_good_backup,
    restore_backup,
    take_backup,
)
from sew_desktop.services.databases import open_repository
from sew_desktop.services.merging.plan import SameFileError, plan_merge
from sew_desktop.store.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerVersionError,
    NotADatabaseError,
    StoreError,
    UnsafeDatabaseError,
)
from sew_desktop.store.mapping import Entity
from sew_desktop.store.merge_rows import MAX_HISTORY, MAX_TEXT

MiB = 1024 * 1024


def sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def value(path: Path, query: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchone()[0]
    finally:
        conn.close()


def single_file_copy(source: Path, target: Path) -> Path:
    """A copy as a colleague sends it: one file, no -wal beside it."""
    repository = open_repository(source)
    repository.close()
    shutil.copyfile(source, target)
    return target


CHILD = """
import sys
from pathlib import Path
from sew_desktop.cli import main
code = main(sys.argv[2:])
status = Path("/proc/self/status").read_text()
Path(sys.argv[1]).write_text(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
sys.exit(code)
"""


def run_cli(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """The command line in a child process: its result and its own peak memory in MiB (VmHWM belongs to the
    process image, so the test process it was forked from does not count)."""
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        done = subprocess.run([sys.executable, "-c", CHILD, str(peak_file), *args], capture_output=True, text=True,
                              check=False, timeout=120)  # the timeout guards against a hang; it is no speed limit
        peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else 0.0
    return done, peak


# 1. A restore never loses the backup it restores ---------------------------------------------------------------


def test_restoring_a_backup_the_thinning_would_remove_keeps_it_and_succeeds(demo_path: Path) -> None:
    two_days_ago = datetime.now().replace(microsecond=0) - timedelta(days=2)
    earlier = take_backup(demo_path, BackupReason.PERIODIC, force=True, now=two_days_ago.replace(hour=9))
    repository = open_repository(demo_path)
    key = next(iter(repository.regions()))
    repository.update(Entity.REGION, key, {"notes": "later that day"})
    repository.close()
    # the thinning keeps only this one:
    take_backup(demo_path, BackupReason.PERIODIC, force=True, now=two_days_ago.replace(hour=17))
    assert earlier is not None
    restore_backup(demo_path, earlier.path)
    assert earlier.path.exists()  # the safety backup's thinning spared it
    assert value(demo_path, f"SELECT notes FROM region WHERE id = {key}") != "later that day"
    assert value(demo_path, "PRAGMA integrity_check") == "ok"


# 2. Restore accepts only sound files of ours -------------------------------------------------------------------


def _foreign(path: Path) -> Path:
    sql(path, "CREATE TABLE notes (text TEXT)", "INSERT INTO notes VALUES ('x')")
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _page_corrupted(path: Path, source: Path) -> Path:
    single_file_copy(source, path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3: page * 3 + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    return path


def _newer(path: Path, source: Path) -> Path:
    single_file_copy(source, path)
    sql(path, "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
              " VALUES ('sew_desktop', '9999_future', '2030-01-01')")
    return path


@pytest.mark.parametrize("kind", ["foreign", "empty", "page-corrupted", "newer", "device"])
@pytest.mark.parametrize("where", ["path", "backups folder"])
def test_restore_refuses_what_is_not_a_sound_file_of_ours(demo_path: Path, tmp_path: Path, kind: str,
                                                           where: str) -> None:
    folder = backups_folder(demo_path)
    folder.mkdir(exist_ok=True)
    name = "demo.20261201-120000.sqlite" if where == "backups folder" else f"{kind}.sqlite"
    target = (folder if where == "backups folder" else tmp_path) / name
    makers = {"foreign": lambda: _foreign(target), "empty": lambda: _empty(target),
              "page-corrupted": lambda: _page_corrupted(target, demo_path), "newer": lambda: _newer(target, demo_path),
              "device": lambda: Path("/dev/zero")}
    chosen = makers[kind]()
    before = demo_path.read_bytes() if not Path(f"{demo_path}-wal").exists() else None
    expected = {"foreign": ForeignDatabaseError, "empty": NotADatabaseError, "page-corrupted": DamagedDatabaseError,
                "newer": NewerVersionError, "device": NotADatabaseError}[kind]
    with pytest.raises(expected):
        restore_backup(demo_path, chosen)
    assert value(demo_path, "PRAGMA integrity_check") == "ok"
    if before is not None:
        assert demo_path.read_bytes() == before
    assert not [b for b in list_backups(demo_path) if b.path != target]  # no safety backup: nothing was begun


def test_the_newest_good_backup_is_neither_foreign_nor_from_the_future(demo_path: Path) -> None:
    good = take_backup(demo_path, BackupReason.PERIODIC, force=True, now=datetime.now() - timedelta(hours=1))
    assert good is not None
    _foreign(backups_folder(demo_path) / f"demo.{(datetime.now() - timedelta(minutes=1)):%Y%m%d-%H%M%S}.sqlite")
    single_file_copy(demo_path, backups_folder(demo_path) / "demo.20991231-235959.sqlite")
    found = newest_good_backup(demo_path)
    assert found is not None and found.path == good.path


# 3. Schema objects a file carries are never taken over ---------------------------------------------------------

PLANTED = ("CREATE TRIGGER wipe AFTER UPDATE OF notes ON agreement BEGIN "
           "DELETE FROM agreement WHERE id <> new.id; END")
UNDER_OUR_NAME = ("CREATE TRIGGER history_agreement_notes AFTER UPDATE OF notes ON agreement BEGIN "
                  "DELETE FROM agreement WHERE id <> new.id; END")


def test_a_backup_with_a_trigger_of_its_own_is_refused(demo_path: Path, tmp_path: Path) -> None:
    backup = single_file_copy(demo_path, tmp_path / "planted.sqlite")
    sql(backup, PLANTED)
    with pytest.raises(UnsafeDatabaseError, match="the trigger wipe"):
        restore_backup(demo_path, backup)


def test_a_trigger_under_our_name_is_made_anew_from_our_code(demo_path: Path, tmp_path: Path) -> None:
    backup = single_file_copy(demo_path, tmp_path / "disguised.sqlite")
    sql(backup, "DROP TRIGGER history_agreement_notes", UNDER_OUR_NAME)
    total = value(demo_path, "SELECT count(*) FROM agreement")
    restore_backup(demo_path, backup)
    repository = open_repository(demo_path)
    key = next(iter(repository.agreements()))
    repository.update(Entity.AGREEMENT, key, {"notes": "an ordinary edit"})
    repository.close()
    assert value(demo_path, "SELECT count(*) FROM agreement") == total


def test_opening_a_file_with_a_planted_trigger_is_refused_and_ours_are_rebuilt(demo_path: Path) -> None:
    sql(demo_path, "DROP TRIGGER history_agreement_notes", UNDER_OUR_NAME)
    total = value(demo_path, "SELECT count(*) FROM agreement")
    repository = open_repository(demo_path)  # our name: rebuilt from our code on opening
    key = next(iter(repository.agreements()))
    repository.update(Entity.AGREEMENT, key, {"notes": "an ordinary edit"})
    repository.close()
    assert value(demo_path, "SELECT count(*) FROM agreement") == total
    sql(demo_path, PLANTED)
    with pytest.raises(UnsafeDatabaseError, match="the trigger wipe"):
        open_repository(demo_path)


# 5, 6, 8. A colleague's copy is read within limits -------------------------------------------------------------


RECONNECT = "-- reconnect"
NOT_STRICT = ("PRAGMA writable_schema = ON",
              "UPDATE sqlite_master SET sql = replace(sql, ') STRICT', ')') WHERE name = 'agreement'", RECONNECT)


def _theirs(demo_path: Path, tmp_path: Path, *statements: str) -> Path:
    """A colleague's copy changed by ``statements`` (a schema change takes effect after RECONNECT)."""
    theirs = single_file_copy(demo_path, tmp_path / "theirs.sqlite")
    group: list[str] = []
    for statement in (*statements, RECONNECT):
        if statement == RECONNECT:
            sql(theirs, "PRAGMA foreign_keys = OFF", *group)
            group = []
        else:
            group.append(statement)
    return theirs


HOSTILE = {
    "recursive view for the history": (
        "DROP TABLE change_history",
        "CREATE VIEW change_history AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
        " SELECT i AS id, '' AS uuid, '' AS tx, '' AS at, '' AS who, '' AS why, '' AS entity, '' AS row_key,"
        " NULL AS row_uuid, 'note' AS action, NULL AS field, NULL AS old_value, NULL AS new_value FROM n"),
    "huge note": (f"UPDATE agreement SET notes = printf('%.{MAX_TEXT + 1}c', 'x') WHERE id = 1",),
    "forged history": (
        f"INSERT INTO change_history (uuid, tx, at, who, why, entity, row_key, action) WITH RECURSIVE"
        f" n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= {MAX_HISTORY}) SELECT 'forged-' || i, 't',"
        " '2022-01-01', 'x', '', 'file', '', 'note' FROM n",),
    "unknown municipality": ("UPDATE agreement SET municipality_nis = '99999', region_id = NULL WHERE id = 1",),
    "blob note": (*NOT_STRICT, "UPDATE agreement SET notes = x'00ff' WHERE id = 1"),
    "text region id": (*NOT_STRICT, "UPDATE agreement SET region_id = 'abc', municipality_nis = NULL WHERE id = 1"),
    "impossible date": ("UPDATE agreement SET signed = 'zzzz' WHERE id = 1",),
}
REFUSED = {"recursive view for the history": "the view change_history", "huge note": "notes: not a text",
           "forged history": "history entries", "unknown municipality": "refers to a municipality",
           "blob note": "binary", "text region id": "region_id: not a whole number",
           "impossible date": "signed: not a date"}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_a_hostile_copy_is_refused_in_one_line_within_bounds(demo_path: Path, tmp_path: Path, kind: str) -> None:
    theirs = _theirs(demo_path, tmp_path, *HOSTILE[kind])
    before = value(demo_path, "SELECT count(*) FROM change_history")
    for dry_run in (["--dry-run"], []):
        done, peak = run_cli("--db", str(demo_path), "merge", str(theirs), *dry_run)
        assert done.returncode == 2, done.stdout + done.stderr
        assert REFUSED[kind] in done.stderr and len(done.stderr.strip().splitlines()) == 1
        assert "unexpected error" not in done.stderr
        assert 0 < peak < 300, peak
    assert value(demo_path, "SELECT count(*) FROM change_history") == before
    assert not Path(f"{theirs}-wal").exists() and not Path(f"{theirs}-shm").exists()


# 12. The same file under another name; THEIRS left as it was ---------------------------------------------------


def test_a_hard_link_to_mine_is_mine(demo_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "hard-link.sqlite"
    os.link(demo_path, link)
    repository = open_repository(demo_path)
    try:
        with pytest.raises(SameFileError):
            plan_merge(repository, link)
    finally:
        repository.close()


def test_merging_a_copy_makes_no_files_beside_it(demo_path: Path, tmp_path: Path) -> None:
    theirs = single_file_copy(demo_path, tmp_path / "theirs.sqlite")
    sql(theirs, "PRAGMA journal_mode = WAL")  # its owner used it in WAL mode
    before = theirs.read_bytes()
    done, _peak = run_cli("--db", str(demo_path), "merge", str(theirs), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert not Path(f"{theirs}-wal").exists() and not Path(f"{theirs}-shm").exists()
    assert theirs.read_bytes() == before


def test_a_copy_still_open_elsewhere_is_refused(demo_path: Path, tmp_path: Path) -> None:
    theirs = single_file_copy(demo_path, tmp_path / "theirs.sqlite")
    owner = sqlite3.connect(theirs)
    owner.execute("PRAGMA journal_mode = WAL")
    owner.execute("UPDATE agreement SET notes = 'in the log only' WHERE id = 1")
    owner.commit()
    try:
        done, _peak = run_cli("--db", str(demo_path), "merge", str(theirs), "--dry-run")
    finally:
        owner.close()
    assert done.returncode == 2 and "theirs.sqlite-wal lies beside it" in done.stderr


def test_a_foreign_file_is_called_so(demo_path: Path, tmp_path: Path) -> None:
    foreign = _foreign(tmp_path / "other.sqlite")
    done, _peak = run_cli("--db", str(demo_path), "merge", str(foreign), "--dry-run")
    assert done.returncode == 2 and "a database of another program" in done.stderr
    with pytest.raises(StoreError, match="a database of another program"):
        open_repository(foreign)


# 11, 13. What reaches a terminal -----------------------------------------------------------------------------


def test_text_from_a_copy_cannot_steer_the_terminal(demo_path: Path, tmp_path: Path) -> None:
    theirs = _theirs(demo_path, tmp_path, "UPDATE agreement SET notes = 'clear' || char(27) || '[2J' WHERE id = 1",
                     "UPDATE change_history SET who = 'evil' || char(27) || ']0;title' || char(7)"
                     " WHERE id = (SELECT max(id) FROM change_history)")
    sql(demo_path, "UPDATE agreement SET notes = 'mine' WHERE id = 1")  # a conflict: both values are printed
    done, _peak = run_cli("--db", str(demo_path), "merge", str(theirs), "--dry-run")
    assert done.returncode == 1, done.stderr
    assert "clear[2J" in done.stdout and "evil]0;title" in done.stdout
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout


def test_a_damaged_file_is_one_line(demo_path: Path, tmp_path: Path) -> None:
    damaged = _page_corrupted(tmp_path / "damaged.sqlite", demo_path)
    done, _peak = run_cli("--db", str(damaged), "check")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr


# 7. A dry run promises what the apply does; no merge writes a file that check refuses -------------------------


def _two_way_signed_before_negotiations(demo_path: Path, tmp_path: Path) -> Path:
    """Each copy valid alone; without a common past every differing field is a conflict, and taking theirs
    for all of them would give agreement 1 a signing before its negotiations."""
    theirs = _theirs(demo_path, tmp_path, "DELETE FROM change_history",
                     "UPDATE agreement SET negotiation_started = '2023-06-01', expected_signing = NULL WHERE id = 1")
    sql(demo_path, "UPDATE agreement SET signed = '2023-09-01', negotiation_started = '2022-01-01',"
                   " expected_signing = NULL WHERE id = 1")
    return theirs


def test_choices_that_would_break_a_rule_are_refused_in_the_dry_run_and_the_apply(demo_path: Path,
                                                                                tmp_path: Path) -> None:
    theirs = _two_way_signed_before_negotiations(demo_path, tmp_path)
    before = value(demo_path, "SELECT count(*) FROM change_history")
    for dry_run in (["--dry-run"], []):
        done, _peak = run_cli("--db", str(demo_path), "merge", str(theirs), "--prefer", "theirs", *dry_run)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "signed before negotiations started" in done.stderr and "nothing was merged" in done.stderr
    assert value(demo_path, "SELECT count(*) FROM change_history") == before
    done, _peak = run_cli("--db", str(demo_path), "merge", str(theirs), "--prefer", "mine")
    assert done.returncode == 0, done.stderr
    assert run_cli("--db", str(demo_path), "check")[0].returncode == 0


def test_a_successor_cycle_is_not_merged(demo_path: Path, tmp_path: Path) -> None:
    theirs = _theirs(demo_path, tmp_path, "UPDATE municipality SET successor_nis = '11002' WHERE nis_code = '11001'",
                     "UPDATE municipality SET successor_nis = '11001' WHERE nis_code = '11002'")
    done, _peak = run_cli("--db", str(demo_path), "merge", str(theirs), "--dry-run")
    assert done.returncode == 1 and "lead back to it" in done.stderr, done.stdout + done.stderr
    sql(demo_path, "UPDATE municipality SET successor_nis = '11002' WHERE nis_code = '11001'",
        "UPDATE municipality SET successor_nis = '11001' WHERE nis_code = '11002'")
    done, _peak = run_cli("--db", str(demo_path), "check")
    assert done.returncode == 1 and "municipality 11001: the successors of this municipality lead back to it" \
        in done.stdout


def test_a_default_database_in_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "sew.sqlite"
    done = subprocess.run([sys.executable, "-m", "sew_desktop", "check"], capture_output=True, text=True,
                          check=False, timeout=120, env={**os.environ, "SEW_DESKTOP_DB": str(target)})
    assert done.returncode == 2 and "database not found" in done.stderr
    assert not target.parent.exists()


# From a review: what the schema and the values of a file from outside may not hide ------------------------------


def test_a_backup_with_other_columns_or_impossible_values_is_not_restored(demo_path: Path, tmp_path: Path) -> None:
    dropped = single_file_copy(demo_path, tmp_path / "dropped.sqlite")
    sql(dropped, "DROP TRIGGER history_agreement_notes", "DROP TRIGGER history_agreement_delete",
        "ALTER TABLE agreement DROP COLUMN notes")
    with pytest.raises(UnsafeDatabaseError, match="the table agreement with other columns"):
        restore_backup(demo_path, dropped)
    banana = single_file_copy(demo_path, tmp_path / "banana.sqlite")
    sql(banana, *NOT_STRICT[:2])
    sql(banana, "UPDATE agreement SET signed = 'banana' WHERE id = 1")
    with pytest.raises(UnsafeDatabaseError, match="signed: not a date"):
        restore_backup(demo_path, banana)
    assert value(demo_path, "SELECT count(*) FROM agreement WHERE signed = 'banana'") == 0


def test_a_generated_column_in_a_copy_is_refused_before_it_computes(demo_path: Path, tmp_path: Path) -> None:
    theirs = _theirs(demo_path, tmp_path, "ALTER TABLE change_history ADD COLUMN padding BLOB"
                                          " GENERATED ALWAYS AS (zeroblob(100000000)) VIRTUAL")
    done, peak = run_cli("--db", str(demo_path), "merge", str(theirs), "--dry-run")
    assert done.returncode == 2 and "generated columns in the table change_history" in done.stderr
    assert 0 < peak < 300
