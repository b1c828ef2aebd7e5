"""Errors the store raises; each carries a message fit to show a user, in English (``str``) and as a
:class:`~sew_desktop.domain.texts.Text` to translate (``text``)."""

from __future__ import annotations

from pathlib import Path

from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Text, plain

CONTEXT = "StoreError"


def says(source: str, *values: object) -> Text:
    """A store message: ``source`` marked with ``QT_TRANSLATE_NOOP("StoreError", …)`` and its values."""
    return Text(CONTEXT, source, values)


class StoreError(Exception):
    """A database problem a user can understand and act upon; ``str()`` is English, ``text`` translates."""

    def __init__(self, message: str | Text = "") -> None:
        self.text = message if isinstance(message, Text) else plain(message)
        super().__init__(str(self.text))


class DatabaseMissingError(StoreError):
    """The database file does not exist."""

    def __init__(self, path: Path) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "database not found: %1"), path))
        self.path = path


class NotADatabaseError(StoreError):
    """The file exists but is not an SQLite database."""

    def __init__(self, path: Path) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "not an SQLite database: %1"), path))
        self.path = path


class ForeignDatabaseError(NotADatabaseError):
    """The file is an SQLite database of another program: it is left as it is."""

    def __init__(self, path: Path) -> None:
        StoreError.__init__(self, says(QT_TRANSLATE_NOOP(
            "StoreError", "a database of another program, not of SEW Desktop: %1"), path))
        self.path = path


class UnreadableDatabaseError(StoreError):
    """The file cannot be read (permissions, I/O error)."""

    def __init__(self, path: Path, reason: str | Text) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "cannot read database %1: %2"), path, reason))
        self.path = path


class ReadOnlyDatabaseError(StoreError):
    """The file or its folder is not writable."""

    def __init__(self, path: Path) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "database is read-only: %1"), path))
        self.path = path


class LockedDatabaseError(StoreError):
    """Another program holds a lock on the file."""

    def __init__(self, path: Path) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "database is locked by another program: %1"), path))
        self.path = path


class WriteFailedError(StoreError):
    """A change could not be written (file locked by another program, read-only, disk full); nothing changed."""

    def __init__(self, path: Path | None, reason: str | Text) -> None:
        where = path if path is not None else says(QT_TRANSLATE_NOOP("StoreError", "the database"))
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "could not write to %1: %2"), where, reason))
        self.path = path
        self.reason = str(reason)

    @property
    def locked(self) -> bool:
        """Another program holds the write lock."""
        return "locked" in self.reason or "busy" in self.reason


class NewerVersionError(StoreError):
    """The file was written by a newer version of SEW Desktop; it is left untouched."""

    def __init__(self, path: Path, unknown: list[str]) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP(
            "StoreError", "database %1 was written by a newer version of SEW Desktop (unknown migrations: %2);"
            " it was not modified"), path, ", ".join(unknown)))
        self.path = path
        self.unknown = unknown


class UnsafeDatabaseError(StoreError):
    """A file from outside holds what SEW Desktop does not make (a view, a foreign trigger) or cannot be read in
    bounded time: it is refused before a row is read, and left as it is."""

    def __init__(self, path: Path, reason: str | Text) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP("StoreError", "%1 is refused: %2"), path.name, reason))
        self.path = path
        self.reason = str(reason)


class DatabaseExistsError(StoreError):
    """Refusing to overwrite an existing file."""

    def __init__(self, path: Path) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP(
            "StoreError", "file already exists: %1 (use --force to overwrite)"), path))
        self.path = path


class ValidationError(StoreError):
    """A write was refused because the data break a rule."""


class DamagedDatabaseError(StoreError):
    """SQLite's quick check found damage (a truncated or overwritten file); it is left untouched."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(says(QT_TRANSLATE_NOOP(
            "StoreError", "database %1 is damaged (%2); it was not modified — restore a backup"), path, detail))
        self.path = path
        self.detail = detail


class WorkingFilesLostError(WriteFailedError):
    """Another program deleted or replaced the file's ``-wal``/``-shm`` while this one held them: writing on
    would go into files no other program sees, so nothing more is written through this connection."""

    def __init__(self, path: Path, names: tuple[str, ...]) -> None:
        super().__init__(path, says(QT_TRANSLATE_NOOP(
            "StoreError", "another program removed %1 while the file was open; nothing more is written to it"),
            ", ".join(names)))
        self.names = names


class ChangedElsewhereError(WriteFailedError):
    """A write was refused because the row no longer holds the values it was based on."""

    def __init__(self, entity: str, key: object, columns: list[str]) -> None:
        super().__init__(None, says(QT_TRANSLATE_NOOP(
            "StoreError", "%1 %2 was changed by another program or window (%3); nothing was overwritten"),
            entity, key, ", ".join(columns)))
        self.entity = entity
        self.key = key
        self.columns = columns
