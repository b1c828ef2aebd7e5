"""Errors the store raises; each carries a message fit to show a user."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A database problem a user can understand and act upon."""


class DatabaseMissingError(StoreError):
    """The database file does not exist."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"database not found: {path}")
        self.path = path


class NotADatabaseError(StoreError):
    """The file exists but is not an SQLite database."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"not an SQLite database: {path}")
        self.path = path


class ForeignDatabaseError(NotADatabaseError):
    """The file is an SQLite database of another program: it is left as it is."""

    def __init__(self, path: Path) -> None:
        StoreError.__init__(self, f"a database of another program, not of SEW Desktop: {path}")
        self.path = path


class UnreadableDatabaseError(StoreError):
    """The file cannot be read (permissions, I/O error)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot read database {path}: {reason}")
        self.path = path


class ReadOnlyDatabaseError(StoreError):
    """The file or its folder is not writable."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"database is read-only: {path}")
        self.path = path


class LockedDatabaseError(StoreError):
    """Another program holds a lock on the file."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"database is locked by another program: {path}")
        self.path = path


class WriteFailedError(StoreError):
    """A change could not be written (file locked by another program, read-only, disk full); nothing changed."""

    def __init__(self, path: Path | None, reason: str) -> None:
        super().__init__(f"could not write to {path or 'the database'}: {reason}")
        self.path = path
        self.reason = reason

    @property
    def locked(self) -> bool:
        """Another program holds the write lock."""
        return "locked" in self.reason or "busy" in self.reason


class NewerVersionError(StoreError):
    """The file was written by a newer version of SEW Desktop; it is left untouched."""

    def __init__(self, path: Path, unknown: list[str]) -> None:
        super().__init__(
            f"database {path} was written by a newer version of SEW Desktop "
            f"(unknown migrations: {', '.join(unknown)}); it was not modified"
        )
        self.path = path
        self.unknown = unknown


class UnsafeDatabaseError(StoreError):
    """A file from outside holds what SEW Desktop does not make (a view, a foreign trigger) or cannot be read in
    bounded time: it is refused before a row is read, and left as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name} is refused: {reason}")
        self.path = path
        self.reason = reason


class DatabaseExistsError(StoreError):
    """Refusing to overwrite an existing file."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"file already exists: {path} (use --force to overwrite)")
        self.path = path


class ValidationError(StoreError):
    """A write was refused because the data break a rule."""


class DamagedDatabaseError(StoreError):
    """SQLite's quick check found damage (a truncated or overwritten file); it is left untouched."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"database {path} is damaged ({detail}); it was not modified — restore a backup")
        self.path = path
        self.detail = detail


class WorkingFilesLostError(WriteFailedError):
    """Another program deleted or replaced the file's ``-wal``/``-shm`` while this one held them: writing on
    would go into files no other program sees, so nothing more is written through this connection."""

    def __init__(self, path: Path, names: tuple[str, ...]) -> None:
        super().__init__(path, f"another program removed {', '.join(names)} while the file was open; "
                         "nothing more is written to it")
        self.names = names


class ChangedElsewhereError(WriteFailedError):
    """A write was refused because the row no longer holds the values it was based on."""

    def __init__(self, entity: str, key: object, columns: list[str]) -> None:
        super().__init__(None, f"{entity} {key} was changed by another program or window"
                         f" ({', '.join(columns)}); nothing was overwritten")
        self.entity = entity
        self.key = key
        self.columns = columns
