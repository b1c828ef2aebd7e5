"""Writing files atomically and recognising files the product must never overwrite (databases, backups)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sew_desktop.store.held import is_held

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUPS_FOLDER = "backups"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def fsync_path(path: Path) -> None:
    """Flush a file (or a folder's entries) to the disk; folders that cannot be opened are skipped."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return  # Windows cannot open folders; its rename is durable enough
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def temporary_sibling(path: Path, purpose: str = "writing") -> Path:
    """A hidden name in the target's own folder, so the final rename never crosses file systems."""
    return path.with_name(f".{path.name}.{os.getpid()}.{purpose}")


@contextmanager
def atomic_target(path: Path, purpose: str = "writing") -> Iterator[Path]:
    """Yield a temporary path to fill; on success it is flushed and renamed onto ``path``.

    On any error the temporary file is removed and ``path`` is left exactly as it was.
    """
    temporary = temporary_sibling(path, purpose)
    temporary.unlink(missing_ok=True)
    try:
        yield temporary
        fsync_path(temporary)
        os.replace(temporary, path)
        fsync_path(path.parent)
    finally:
        temporary.unlink(missing_ok=True)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder (flush, fsync, rename)."""
    with atomic_target(path) as temporary, temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def is_sqlite_file(path: Path) -> bool:
    """True when ``path`` starts with the SQLite header (a database of ours or of another program).
    A database this process holds open is one, and is never opened here (see :mod:`sew_desktop.store.held`)."""
    if is_held(path):
        return not is_database_side_file(path)
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def is_database_side_file(path: Path) -> bool:
    """True for SQLite's -wal, -shm and -journal files next to an existing database."""
    name = path.name
    return any(name.endswith(s) and path.with_name(name[: -len(s)]).exists() for s in _SIDE_FILES)


def is_backup_path(path: Path) -> bool:
    """True for a file in a backups folder or a backup taken before a migration (``*.bak``)."""
    return path.suffix == ".bak" or path.resolve().parent.name == BACKUPS_FOLDER


def protected_reason(path: Path) -> str | None:
    """Why ``path`` may not be replaced by an export, or ``None`` when it may."""
    if path.is_dir():
        return "it is a folder"
    if is_backup_path(path):
        return "it is a backup"
    if is_database_side_file(path) or (path.exists() and is_sqlite_file(path)):
        return "it is a database"
    return None
