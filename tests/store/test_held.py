"""A held database: nothing in the process opens it but SQLite, and a holder notices when its -wal/-shm are lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sew_desktop.services.backups import copy_file_as_backup
from sew_desktop.services.boundaries.problems import BoundaryFileError
from sew_desktop.services.boundaries.reading import read_boundary_file
from sew_desktop.services.databases import open_repository, rescue_copy
from sew_desktop.services.imports.errors import UnreadableFileError
from sew_desktop.services.imports.reading import read_table
from sew_desktop.store.errors import UnreadableDatabaseError, WorkingFilesLostError
from sew_desktop.store.files import is_sqlite_file, protected_reason
from sew_desktop.store.held import HeldFileError, is_held
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from tests.services.merge_helpers import opened

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks: Windows locks differently")

CLOSE_LAST = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=10)
conn.execute(sys.argv[2])
conn.commit()
conn.close()
"""


def other_program_writes(path: Path,
                         sql: str = "INSERT OR REPLACE INTO meta (key, value) VALUES ('other program', 'was here')",
                         ) -> None:
    """Another process writes and closes; believing it is the last, it checkpoints and deletes the -wal."""
    subprocess.run([sys.executable, "-c", CLOSE_LAST, str(path), sql], check=True, timeout=60)


def drop_locks_as_a_file_dialog_did(path: Path) -> None:
    """What Qt's file dialog did: open each file to read its first bytes, and close it."""
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        os.close(os.open(name, os.O_RDONLY))


def first_agreement(repository: Repository) -> int:
    return int(repository.connection.execute("SELECT min(id) FROM agreement").fetchone()[0])


def set_notes(repository: Repository, key: int, text: str) -> None:
    repository.update(Entity.AGREEMENT, key, {"notes": text})


def stored_notes(path: Path, key: int) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT notes FROM agreement WHERE id = ?", [key]).fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def held(demo_path: Path) -> Iterator[Repository]:
    repository = open_repository(demo_path)
    yield repository
    repository.close()


def test_the_open_file_and_its_side_files_are_held_under_every_name(held: Repository, demo_path: Path,
                                                                    tmp_path: Path) -> None:
    link = tmp_path / "link.sqlite"
    link.symlink_to(demo_path)
    hard = tmp_path / "hard.sqlite"
    os.link(demo_path, hard)
    for name in (demo_path, Path(f"{demo_path}-wal"), Path(f"{demo_path}-shm"), link, hard):
        assert is_held(name), name
    assert not is_held(tmp_path / "other.sqlite")
    held.close()
    assert not is_held(demo_path)


def test_readers_refuse_the_open_file_before_opening_it(held: Repository, demo_path: Path) -> None:
    assert is_sqlite_file(demo_path) and not is_sqlite_file(Path(f"{demo_path}-wal"))
    assert protected_reason(demo_path) == "it is a database"
    with pytest.raises(UnreadableFileError, match="is the database that is open"):
        read_table(demo_path)
    with pytest.raises(BoundaryFileError, match="is the database that is open"):
        read_boundary_file(demo_path)
    with pytest.raises(HeldFileError):
        copy_file_as_backup(demo_path)
    wal = os.stat(f"{demo_path}-wal").st_ino
    other_program_writes(demo_path)  # the locks held: the other program is not the last, the -wal stays
    assert os.stat(f"{demo_path}-wal").st_ino == wal
    assert held.files_lost() is None


def test_a_lost_log_is_noticed_and_nothing_more_is_written(held: Repository, demo_path: Path) -> None:
    key = first_agreement(held)
    set_notes(held, key, "before")
    drop_locks_as_a_file_dialog_did(demo_path)
    other_program_writes(demo_path)
    lost = held.files_lost()
    assert lost is not None and f"{demo_path.name}-wal" in lost.names
    failures: list[Exception] = []
    announced: list[object] = []
    held.subscribe_failures(failures.append)
    held.subscribe(announced.append)
    with pytest.raises(WorkingFilesLostError, match="another program removed"):
        set_notes(held, key, "after")
    assert isinstance(failures[0], WorkingFilesLostError) and announced == []
    assert stored_notes(demo_path, key) == "before"  # what the others see: nothing written into a deleted log
    with pytest.raises(UnreadableDatabaseError, match="lost its working files"):
        open_repository(demo_path)  # a second connection here would share the stale index
    held.close()
    open_repository(demo_path).close()  # once that window closed, the file opens again


def test_the_rescued_copy_holds_what_the_window_had(held: Repository, demo_path: Path) -> None:
    key = first_agreement(held)
    set_notes(held, key, "only in this window")
    drop_locks_as_a_file_dialog_did(demo_path)
    other_program_writes(demo_path)
    assert held.files_lost() is not None
    copy = rescue_copy(held)
    assert copy.sound and copy.path.parent == demo_path.parent and copy.path.name.startswith("demo.rescued-")
    assert stored_notes(copy.path, key) == "only in this window"
    assert not Path(f"{copy.path}-wal").exists()  # one self-contained file


def test_closing_after_the_loss_does_not_write_the_old_log_back(demo_path: Path) -> None:
    repository = open_repository(demo_path)
    key = first_agreement(repository)
    set_notes(repository, key, "mine")
    drop_locks_as_a_file_dialog_did(demo_path)
    other_program_writes(demo_path)
    other_program_writes(demo_path, f"UPDATE agreement SET notes = 'theirs' WHERE id = {key}")
    repository.close()
    assert stored_notes(demo_path, key) == "theirs"
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_second_connection_of_this_process_leaves_the_log_to_the_first(held: Repository, demo_path: Path) -> None:
    """A worker (the import's planning) closing its own connection does not checkpoint under the window: that
    would look like another program's change to it."""
    version = held.connection.execute("PRAGMA data_version").fetchone()[0]
    worker = open_repository(demo_path)
    worker.municipalities()
    worker.close()
    assert held.connection.execute("PRAGMA data_version").fetchone()[0] == version
    assert is_held(demo_path)


def test_closing_after_the_files_were_deleted_keeps_what_others_stored_since(demo_path: Path) -> None:
    """The side files deleted outright (not by a checkpoint), another program writes, then the window closes:
    its stale log must not be written back over that program's change (a page holds both rows)."""
    repository = open_repository(demo_path)
    first, second = sorted(repository.agreements())[:2]
    set_notes(repository, first, "only in the stale log")
    os.remove(f"{demo_path}-wal")
    os.remove(f"{demo_path}-shm")
    other_program_writes(demo_path, f"UPDATE agreement SET notes = 'stored since' WHERE id = {second}")
    assert repository.files_lost() is not None
    repository.close()
    assert stored_notes(demo_path, second) == "stored since"
    assert stored_notes(demo_path, first) != "only in the stale log"
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_copy_is_never_saved_over_a_file_open_here(held: Repository, demo_path: Path, demo_template: Path,
                                                     tmp_path: Path) -> None:
    from sew_desktop.services.databases import save_copy

    other = tmp_path / "other.sqlite"
    other.write_bytes(demo_template.read_bytes())  # never the held file's bytes: reading it would drop its locks
    with pytest.raises(HeldFileError), opened(other) as second:
        save_copy(second, demo_path)
    assert held.files_lost() is None


def test_merging_a_file_open_in_another_window_reads_its_newest_changes(held: Repository, demo_path: Path,
                                                                        demo_template: Path, tmp_path: Path) -> None:
    from sew_desktop.services.merging.plan import plan_merge

    key = first_agreement(held)
    set_notes(held, key, "in window A's log only")
    assert Path(f"{demo_path}-wal").stat().st_size > 0
    other = tmp_path / "b.sqlite"
    other.write_bytes(demo_template.read_bytes())  # the state before the change in A's log
    with opened(other) as window_b:
        plan = plan_merge(window_b, demo_path)
    assert [m.theirs["notes"] for m in plan.rows.values() if m.theirs] == ["in window A's log only"]
