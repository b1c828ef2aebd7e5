"""File menu: new, open, open recent, save a copy; opening errors become clear dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from sew_desktop.services.databases import create_repository, save_copy
from sew_desktop.store.errors import (
    DamagedDatabaseError,
    DatabaseMissingError,
    ForeignDatabaseError,
    LockedDatabaseError,
    NewerVersionError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
)
from sew_desktop.store.repository import Repository
from sew_desktop.ui.controllers.damaged import handle_damaged
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.file_dialogs import DATABASE_SUFFIXES, first_known

RECENT_KEY = "files/recent"
LAST_KEY = "files/last"
MAX_RECENT = 8


def open_error_text(error: StoreError, path: Path) -> str:
    """What went wrong opening ``path``, in the user's language."""
    name = str(path)
    if isinstance(error, ForeignDatabaseError):
        text = QCoreApplication.translate(
            "Files", "'%1' is a database of another program, not of SEW Desktop. It was not changed.")
    elif isinstance(error, NotADatabaseError):
        text = QCoreApplication.translate("Files", "'%1' is not a SEW Desktop database (not an SQLite file).")
    elif isinstance(error, NewerVersionError):
        text = QCoreApplication.translate(
            "Files", "'%1' was written by a newer version of SEW Desktop. Update the app to open it; the file "
            "was not changed.")
    elif isinstance(error, ReadOnlyDatabaseError):
        text = QCoreApplication.translate(
            "Files", "'%1' is read-only. Copy it to a folder where you can write, or change its permissions.")
    elif isinstance(error, LockedDatabaseError):
        text = QCoreApplication.translate("Files", "'%1' is locked by another program. Close it and try again.")
    elif isinstance(error, DatabaseMissingError):
        text = QCoreApplication.translate("Files", "'%1' does not exist.")
    else:
        text = QCoreApplication.translate("Files", "'%1' cannot be opened.")
    return text.replace("%1", name)


def recent_files(settings: QSettings) -> list[Path]:
    """Recently opened databases, newest first, existing only."""
    stored = settings.value(RECENT_KEY, [])
    names = [stored] if isinstance(stored, str) else [str(n) for n in stored] if isinstance(stored, list) else []
    return [Path(n) for n in names if Path(n).exists()]


def remember_file(settings: QSettings, path: Path) -> None:
    """Put ``path`` first in the recent list and remember it as the last file."""
    names = [str(path.resolve())] + [str(p) for p in recent_files(settings) if p.resolve() != path.resolve()]
    settings.setValue(RECENT_KEY, names[:MAX_RECENT])
    settings.setValue(LAST_KEY, str(path.resolve()))


class FileController:
    """File actions; ``open_window`` builds a window for another database (or raises StoreError)."""

    def __init__(self, repository: Repository | None, dialogs: UserDialogs,
                 open_window: Callable[[Path], None], announce: Callable[[str], object] = lambda text: None) -> None:
        self.repository = repository
        self.dialogs = dialogs
        self.open_window = open_window
        self.announce = announce  # what was written where, in the status bar

    def open_path(self, path: Path) -> bool:
        """Open ``path`` in a new window, or explain why not (the file is left untouched)."""
        try:
            self.open_window(path)
        except StoreError as error:
            if isinstance(error, DamagedDatabaseError):  # says so, and offers the newest good backup
                return handle_damaged(self.dialogs, error) and self.open_path(path)
            self.dialogs.error(QCoreApplication.translate("Files", "Cannot open database"),
                               open_error_text(error, path))
            return False
        return True

    def open_dropped(self, paths: list[Path]) -> None:
        """A database dropped on the window is opened."""
        found = first_known(paths)
        if found is not None and found.suffix.lower() in DATABASE_SUFFIXES:
            self.open_path(found)

    def open(self) -> None:
        """File › Open…"""
        path = self.dialogs.open_path(QCoreApplication.translate("Files", "Open database"))
        if path is not None:
            self.open_path(path)

    def new(self) -> None:
        """File › New: a database with the reference data."""
        title = QCoreApplication.translate("Files", "Cannot create database")
        path = self.dialogs.save_path(QCoreApplication.translate("Files", "New database"), "sew.sqlite")
        if path is None:
            return
        if self._refused_as_open(path, title):
            return
        try:
            create_repository(path, force=True).close()
        except (StoreError, OSError):
            self.dialogs.error(title, write_error_text(path))
            return
        self.open_path(path)

    def save_copy(self) -> None:
        """File › Save a copy as… (consistent even while the file is open)."""
        title = QCoreApplication.translate("Files", "Cannot save a copy")
        path = self.dialogs.save_path(QCoreApplication.translate("Files", "Save a copy as"), "sew-kopie.sqlite")
        if path is None or self.repository is None:
            return
        if self._refused_as_open(path, title):
            return
        try:
            save_copy(self.repository, path)
        except (OSError, StoreError):
            self.dialogs.error(title, write_error_text(path))
            return
        self.announce(QCoreApplication.translate("Files", "A copy was saved as %1.").replace("%1", str(path)))

    def _refused_as_open(self, path: Path, title: str) -> bool:
        """True (after telling the user) when ``path`` is the open database: it may not be replaced."""
        current = self.repository.path if self.repository is not None else None
        if current is None or path.resolve() != current.resolve():
            return False
        self.dialogs.error(title, QCoreApplication.translate(
            "Files", "'%1' is the database that is open now. Choose another name.").replace("%1", str(path)))
        return True


def write_error_text(path: Path) -> str:
    """Why a new file could not be written, in the user's language."""
    return QCoreApplication.translate(
        "Files", "'%1' cannot be written. Choose a folder where you can save files, and check that the disk is "
        "not full.").replace("%1", str(path))
