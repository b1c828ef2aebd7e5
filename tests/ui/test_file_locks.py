"""The window keeps its hold on the open file through every file dialog of the app.

SQLite's locks on Linux are POSIX locks of the process: one descriptor of the file closed anywhere in the process
(Qt's file dialog reading a file's first bytes to find its type) drops them all, and the next program then deletes
the ``-wal`` the window writes to. Each test shows a real dialog, offscreen, listing the database's folder, closes
it, lets another process read and write the file, and then edits in the window: the other process must see the
edit, the side files must be the same files, and the file must be sound after the window closed.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from sew_desktop.services.backups import BackupReason, take_backup
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.features.export.dialog import ExportDialog
from sew_desktop.ui.features.imports.dialog import ImportDialog
from sew_desktop.ui.features.safety.feature import SafetyHub
from sew_desktop.ui.shell.window import MainWindow
from tests.ui.conftest import ScriptedDialogs
from tests.ui.test_safety_ui import click, type_into_cell

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks: Windows locks differently")

OTHER_PROGRAM = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=10)
conn.execute("PRAGMA busy_timeout = 10000")
conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('other program', 'was here')")
conn.commit()
print(conn.execute("SELECT notes FROM agreement WHERE id = ?", [int(sys.argv[2])]).fetchone()[0])
conn.close()
"""


class RealFileDialogs(ScriptedDialogs):
    """Scripted questions, but the real open and save dialogs."""

    def open_path(self, title: str) -> Path | None:
        return UserDialogs.open_path(self, title)

    def save_path(self, title: str, suggestion: str = "", filters: str = "") -> Path | None:
        return UserDialogs.save_path(self, title, suggestion, *([filters] if filters else []))


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return RealFileDialogs()


def other_program(path: Path, agreement: int) -> str:
    """Another process opens the file, writes, reads an agreement's notes and closes (the last to close
    checkpoints and deletes the ``-wal`` when it believes it is alone)."""
    done = subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(path), str(agreement)], capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout.strip()


def side_files(path: Path) -> tuple[tuple[int, int] | None, ...]:
    def identity(name: str) -> tuple[int, int] | None:
        try:
            status = os.stat(name)
        except FileNotFoundError:
            return None
        return status.st_dev, status.st_ino

    return identity(f"{path}-wal"), identity(f"{path}-shm")


def browse_then_cancel(qtbot: QtBot, folder: Path, shown: list[str]) -> None:
    """When a file dialog shows: list ``folder`` in it (database, -wal and -shm), let it finish looking at every
    file (icons and types), then cancel. Runs from a timer because the dialog is modal."""
    def act() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if not found:
            QTimer.singleShot(20, act)
            return
        dialog = found[0]
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        loaded: list[str] = []
        model.directoryLoaded.connect(loaded.append)
        dialog.setDirectory(str(folder))
        detail = dialog.findChild(QTableView) or dialog
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        qtbot.waitUntil(lambda: str(folder) in loaded, timeout=5000)
        qtbot.wait(300)  # the model asks the icon provider while it takes in what the listing found
        for row in range(model.rowCount(model.index(str(folder)))):
            index = model.index(row, 2, model.index(str(folder)))
            model.data(index, Qt.ItemDataRole.DisplayRole)  # the type column, as a detail view paints it
        detail.grab()
        shown.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, act)


def notes_cell(window: MainWindow) -> tuple[TablePage, int, QModelIndex]:
    page = next(p for p in window.table_pages() if p.model is window.models.agreements)
    window.tabs.setCurrentWidget(page)
    column = [c.name for c in page.model.columns].index("notes")
    key = page.model.key_at(0)
    return page, int(key), page.proxy.mapFromSource(page.model.index(0, column))


def type_notes(qtbot: QtBot, window: MainWindow, text: str) -> int:
    """Type ``text`` into the first agreement's notes with real keys; returns the agreement's id."""
    window.activateWindow()  # back from a dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    page, key, index = notes_cell(window)
    type_into_cell(qtbot, page, index, text, timeout=3000)
    return key


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def open_via_menu(name: str) -> Callable[[MainWindow, QtBot], None]:
    return lambda window, _qtbot: action(window, name).trigger()


def browse_in(kind: type[QDialog], action_name: str, button_name: str) -> Callable[[MainWindow, QtBot], None]:
    """Open a dialog from the menu and click its button that asks for a file."""
    def browse(window: MainWindow, qtbot: QtBot) -> None:
        action(window, action_name).trigger()
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())
        button = dialog.findChild(QPushButton, button_name)
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog.reject()

    return browse


def qt_own_static_dialog(window: MainWindow, _qtbot: QtBot) -> None:
    """As Qt's print dialog asks for a file ("Print to file"): a static QFileDialog call of Qt's own."""
    QFileDialog.getSaveFileName(window, "Print To File ...", str(Path.home() / "print.pdf"))


DIALOGS: dict[str, Callable[[MainWindow, QtBot], None]] = {
    "open": open_via_menu("openAction"),
    "save a copy": open_via_menu("saveCopyAction"),
    "merge": open_via_menu("mergeAction"),
    "import": browse_in(ImportDialog, "importAction", "chooseFileButton"),
    "export": browse_in(ExportDialog, "exportAction", "browseButton"),
    "boundaries": open_via_menu("loadBoundariesAction"),
    "second backup folder": open_via_menu("secondBackupFolderAction"),
    "Qt's own (print to file)": qt_own_static_dialog,
}


@pytest.mark.parametrize("which", list(DIALOGS))
def test_a_file_dialog_leaves_the_window_its_hold_on_the_file(
        window: MainWindow, qtbot: QtBot, demo_path: Path, which: str) -> None:
    type_notes(qtbot, window, "Voor de dialoog")
    before = side_files(demo_path)
    assert None not in before
    shown: list[str] = []
    browse_then_cancel(qtbot, demo_path.parent, shown)
    DIALOGS[which](window, qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)

    key = type_notes(qtbot, window, "Na de dialoog")
    assert other_program(demo_path, key) == "Na de dialoog"  # the edit is in the file the others read
    key = type_notes(qtbot, window, "Na het andere programma")
    assert other_program(demo_path, key) == "Na het andere programma"
    assert side_files(demo_path) == before  # never deleted and made anew under the window
    assert window.session.repository.files_lost() is None
    window.close()  # as when quitting: the window lets go of its file
    qtbot.wait(10)
    assert not any(os.readlink(f"/proc/self/fd/{fd}").startswith(str(demo_path))
                   for fd in os.listdir("/proc/self/fd") if os.path.islink(f"/proc/self/fd/{fd}"))
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT notes FROM agreement WHERE id = ?", [key]).fetchone()[0] == \
            "Na het andere programma"
    finally:
        conn.close()


def drop_locks_as_a_file_dialog_did(path: Path) -> None:
    """The fault itself, as Qt's dialog caused it: each file opened to read its first bytes, and closed."""
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        os.close(os.open(name, os.O_RDONLY))


def test_a_window_whose_log_was_removed_stops_writing_and_saves_what_it_holds(
        window: MainWindow, qtbot: QtBot, demo_path: Path, dialogs: ScriptedDialogs) -> None:
    key = type_notes(qtbot, window, "Alleen in dit venster")
    drop_locks_as_a_file_dialog_did(demo_path)
    other_program(demo_path, key)  # believes it is alone: checkpoints and deletes the -wal and -shm
    assert not Path(f"{demo_path}-wal").exists()
    dialogs.confirm_answer = False  # do not open the copy now
    qtbot.waitUntil(lambda: bool(dialogs.questions), timeout=5000)  # the watcher's next look finds it

    question = dialogs.questions[-1]
    assert "werkbestanden van demo.sqlite" in question and "slaat dit venster er niets meer in op" in question
    copies = sorted(demo_path.parent.glob("demo.rescued-*.sqlite"))
    assert len(copies) == 1 and str(copies[0]) in question
    conn = sqlite3.connect(copies[0])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT notes FROM agreement WHERE id = ?", [key]).fetchone()[0] == \
            "Alleen in dit venster"
    finally:
        conn.close()
    note = window.statusBar().findChild(QLabel, "readOnlyNote")
    assert note is not None and note.text().startswith("Alleen lezen")

    page, _key, index = notes_cell(window)
    click(qtbot, page.view, index)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Verloren")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # refused: the editor may stay open with the reason
    qtbot.waitUntil(lambda: "niet opgeslagen" in window.statusBar().currentMessage(), timeout=3000)
    assert len(dialogs.questions) == 1 and not dialogs.errors  # one dialog, not one per refused edit
    assert other_program(demo_path, key) != "Verloren"
    window.close()
    conn = sqlite3.connect(demo_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_after_a_restore_the_window_shows_and_edits_the_restored_file(
        window: MainWindow, qtbot: QtBot, demo_path: Path, dialogs: ScriptedDialogs) -> None:
    hub = window.findChild(SafetyHub, "safetyHub")
    assert hub is not None
    hub.scheduler.wait()
    key = type_notes(qtbot, window, "In de back-up")
    backup = take_backup(demo_path, BackupReason.PERIODIC, force=True)
    assert backup is not None
    type_notes(qtbot, window, "Na de back-up")
    before = side_files(demo_path)
    assert hub.restore_backup(backup.path)
    _page, _key, index = notes_cell(window)
    assert index.data() == "In de back-up"  # the window shows the restored data
    assert other_program(demo_path, key) == "In de back-up"
    type_notes(qtbot, window, "Na het terugzetten")
    assert other_program(demo_path, key) == "Na het terugzetten"  # the edit landed in the restored file
    assert side_files(demo_path) == before and window.session.repository.files_lost() is None


SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def test_another_program_changed_the_file_only_when_it_did(
        window: MainWindow, qtbot: QtBot, demo_path: Path) -> None:
    hub = window.findChild(SafetyHub, "safetyHub")
    assert hub is not None
    reloads: list[bool] = []
    hub.watcher.reloaded.connect(lambda: reloads.append(True))
    type_notes(qtbot, window, "Eigen wijziging")  # our own commit is no other program's change

    action(window, "importAction").trigger()
    importer = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    importer.set_file(SAMPLES / "beslissingen_per_gemeente_cp1252.csv")
    qtbot.waitUntil(lambda: importer.plan is not None, timeout=20000)  # planned on a connection of its own
    importer.reject()
    subprocess.run([sys.executable, "-m", "sew_desktop", "--db", str(demo_path), "report"], check=True,
                   capture_output=True, timeout=60)  # reads, checkpoints on closing
    assert hub.watcher.check_now() is False and reloads == []

    key = int(notes_cell(window)[1])
    subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                    "c.execute(\"UPDATE agreement SET notes = 'Van elders' WHERE id = ?\", [int(sys.argv[2])]); "
                    "c.commit()", str(demo_path), str(key)], check=True, timeout=60)
    assert hub.watcher.check_now() is True and reloads == [True]
    assert notes_cell(window)[2].data() == "Van elders"
