"""Opening and creating user databases for the command line and the GUI."""

from __future__ import annotations

from pathlib import Path

from sew_desktop.store import merge_log
from sew_desktop.store.database import copy_database, create_database, open_connection
from sew_desktop.store.repository import Repository


def open_repository(path: Path) -> Repository:
    """The repository over an existing database (migrated after a backup when needed)."""
    return Repository(open_connection(path), path)


def create_repository(path: Path, *, force: bool = False) -> Repository:
    """A new database with the reference data; refuses to overwrite unless ``force``."""
    return Repository(create_database(path, force=force), path)


def open_or_create_default(path: Path) -> Repository:
    """The default database, created with the reference data on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        return create_repository(path)
    return open_repository(path)


def save_copy(repository: Repository, target: Path) -> None:
    """A consistent copy of the open database (SQLite backup API), replacing ``target``."""
    if target.resolve() == (repository.path.resolve() if repository.path else None):
        raise OSError(f"cannot copy a database onto itself: {target}")
    copy_database(repository.database, target)  # atomic: a failed copy leaves an existing target as it was
    merge_log.give_new_file_uuid(target)
