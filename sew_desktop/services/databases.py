"""Opening and creating user databases for the command line and the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sew_desktop.services.locations import platform_database_path
from sew_desktop.store import merge_log
from sew_desktop.store.database import copy_database, create_database, inspect_file, open_connection
from sew_desktop.store.errors import DatabaseMissingError, StoreError
from sew_desktop.store.held import refuse_if_held
from sew_desktop.store.repository import Repository


def open_repository(path: Path) -> Repository:
    """The repository over an existing database (migrated after a backup when needed)."""
    return Repository(open_connection(path), path)


def create_repository(path: Path, *, force: bool = False) -> Repository:
    """A new database with the reference data; refuses to overwrite unless ``force``."""
    return Repository(create_database(path, force=force), path)


def open_or_create_default(path: Path) -> Repository:
    """The default database, created with the reference data on first use. Only the platform's own data folder
    is made when missing: a path named by ``SEW_DESKTOP_DB`` into a folder that does not exist is an error, as
    ``--db`` is (a typo must not silently start an empty database)."""
    if not path.exists():
        if path == platform_database_path():
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.parent.is_dir():
            raise DatabaseMissingError(path)
        return create_repository(path)
    return open_repository(path)


def save_copy(repository: Repository, target: Path) -> None:
    """A consistent copy of the open database (SQLite backup API), replacing ``target``."""
    if target.resolve() == (repository.path.resolve() if repository.path else None):
        raise OSError(f"cannot copy a database onto itself: {target}")
    refuse_if_held(target)  # open in another window here: replacing it under that window would damage it
    copy_database(repository.database, target)  # atomic: a failed copy leaves an existing target as it was
    merge_log.give_new_file_uuid(target)


@dataclass(frozen=True, slots=True)
class RescuedCopy:
    """Where a window saved what it held after its file's working files were lost, and whether that copy
    passed SQLite's quick check."""

    path: Path
    sound: bool


def rescue_copy(repository: Repository, now: datetime | None = None) -> RescuedCopy:
    """Save what ``repository``'s connection still sees to a new file beside its database, through SQLite's
    backup API (never by copying the live file, and never into it), and check the copy."""
    if repository.path is None:
        raise OSError("the database has no file")
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    source = repository.path
    target = source.with_name(f"{source.stem}.rescued-{stamp}{source.suffix or '.sqlite'}")
    save_copy(repository, target)
    try:
        inspect_file(target)
    except StoreError:
        return RescuedCopy(target, sound=False)
    return RescuedCopy(target, sound=True)
