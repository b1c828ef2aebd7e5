"""Every file dialog of the app, made so that it never reads a file's contents.

Qt's own file dialog asks its icon provider for each listed file's icon and type, and the default provider finds
them by reading the file's first bytes (QMimeDatabase): the open database, its ``-wal`` and ``-shm`` included. On
Linux and macOS closing that descriptor drops every SQLite lock this process holds on the file (see
:mod:`sew_desktop.store.held`), and the next program corrupts it. So:

- the dialogs here list files with :class:`NameOnlyIconProvider`, which decides icon and type from the name;
- :func:`install_file_dialog_guard` sets the same provider on *every* QFileDialog the process shows, also those
  Qt opens itself (the print dialog's "print to file"), and turns off native dialogs where they run in-process
  and sniff contents (GTK, macOS). Windows keeps its native dialog: its locks are not POSIX locks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QFileInfo, QObject, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider, QWidget
from typing_extensions import override

POSIX_LOCKS = sys.platform != "win32"
DB_FILTER = "SQLite (*.sqlite *.db *.sqlite3);;*"
IMPORT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".xlsx", ".xlsm"})
DATABASE_SUFFIXES = frozenset({".sqlite", ".sqlite3", ".db"})


def first_known(paths: list[Path]) -> Path | None:
    """The first of ``paths`` (files dropped on the window) that is a decisions file or a database: only that one
    is opened, whichever part of the window opens it."""
    return next((path for path in paths if path.suffix.lower() in IMPORT_SUFFIXES | DATABASE_SUFFIXES), None)


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name and kind (file or folder); never opens the file."""

    @override
    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            kinds = QAbstractFileIconProvider.IconType
            return super().icon(kinds.Folder if what.isDir() else kinds.File)
        return super().icon(what)

    @override
    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "File")
        return QCoreApplication.translate("FileDialogs", "%1 file").replace("%1", suffix.upper())


_PROVIDER_PROPERTY = "_sew_name_only_icons"


def make_safe(dialog: QFileDialog) -> None:
    """List files by name only (and keep the provider alive as long as the dialog: Qt does not own it)."""
    if getattr(dialog, _PROVIDER_PROPERTY, None) is not None:
        return
    provider = NameOnlyIconProvider()
    setattr(dialog, _PROVIDER_PROPERTY, provider)
    dialog.setIconProvider(provider)


class FileDialogGuard(QObject):
    """An application-wide event filter: a file dialog about to be shown gets the name-only icon provider before
    its listing reaches the icon provider (that happens in the event loop, after the dialog is polished)."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QFileDialog):
            make_safe(watched)
        return False


_guards: dict[int, FileDialogGuard] = {}  # one per QApplication (tests make several over a session)


def install_file_dialog_guard(app: QApplication) -> None:
    """Make every file dialog of ``app`` safe for open databases (once per application)."""
    if id(app) in _guards:
        return
    if POSIX_LOCKS:
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    guard = FileDialogGuard(app)
    app.installEventFilter(guard)
    _guards[id(app)] = guard
    app.destroyed.connect(lambda *_: _guards.pop(id(app), None))


def documents_folder() -> Path:
    """The user's Documents folder (their home when there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class FolderMemory:
    """The folder where the user last chose a file, kept in the user's settings (so it is there tomorrow too):
    every file dialog opens there, as Office does, and in Documents before the first choice."""

    KEY = "files/lastFolder"

    def __init__(self) -> None:
        self.settings: QSettings | None = None

    def last(self) -> Path | None:
        """The last folder used, when it still exists."""
        if self.settings is None:
            return None
        folder = str(self.settings.value(self.KEY, "", str))
        return Path(folder) if folder and Path(folder).is_dir() else None

    def remember(self, chosen: Path) -> None:
        """Remember the folder of ``chosen`` (a file) or ``chosen`` itself (a folder)."""
        if self.settings is not None:
            self.settings.setValue(self.KEY, str(chosen if chosen.is_dir() else chosen.parent))


FOLDERS = FolderMemory()


def remember_folders_in(settings: QSettings) -> None:
    """Keep the last folder used in ``settings`` (the composition root gives the user's settings)."""
    FOLDERS.settings = settings


def start_folder() -> Path:
    """Where a dialog opens without a folder of its own: the last folder used, else Documents."""
    return FOLDERS.last() or documents_folder()


def start_path(suggestion: str = "") -> Path:
    """Where a dialog opens: the suggested path when it is absolute, else that name in the start folder."""
    if not suggestion:
        return start_folder()
    path = Path(suggestion)
    return path if path.is_absolute() else start_folder() / path


def _dialog(parent: QWidget | None, title: str, start: str, filters: str) -> QFileDialog:
    # Made without a path, and safe before it is given one: selecting an existing file already looks it up.
    dialog = QFileDialog(parent, title, "", filters)
    if POSIX_LOCKS:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    make_safe(dialog)
    path = start_path(start)
    if path.is_dir():
        dialog.setDirectory(str(path))
    else:
        dialog.setDirectory(str(path.parent))
        dialog.selectFile(path.name)
    return dialog


def _chosen(dialog: QFileDialog) -> Path | None:
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    chosen = Path(dialog.selectedFiles()[0])
    FOLDERS.remember(chosen)
    return chosen


def choose_open_file(parent: QWidget | None, title: str, filters: str = "", start: str = "") -> Path | None:
    """An existing file, or ``None`` when cancelled."""
    dialog = _dialog(parent, title, start, filters)
    dialog.setObjectName("openFileDialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _chosen(dialog)


def choose_save_file(parent: QWidget | None, title: str, filters: str = "", start: str = "",
                     suffix: str = "") -> Path | None:
    """A file to write (the dialog asks before replacing one), or ``None`` when cancelled; ``suffix`` is added
    when the typed name has none."""
    dialog = _dialog(parent, title, start, filters)
    dialog.setObjectName("saveFileDialog")
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    return _chosen(dialog)


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    """An existing folder, or ``None`` when cancelled."""
    dialog = _dialog(parent, title, start, "")
    dialog.setObjectName("folderDialog")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _chosen(dialog)
