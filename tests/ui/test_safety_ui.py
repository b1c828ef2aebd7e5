"""The safety parts in the window, driven with real keys and clicks: history panel, trash, another process's
writes, a refused undo, restore from backup and the database check."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTableView, QTableWidget
from pytestqt.qtbot import QtBot

from sew_desktop.services.backups import BackupReason, list_backups, take_backup
from sew_desktop.store import history
from sew_desktop.store.mapping import Entity
from sew_desktop.ui.core.i18n import Language, format_date
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.features.safety.backups_dialog import BackupsDialog
from sew_desktop.ui.features.safety.feature import SafetyHub
from sew_desktop.ui.features.safety.trash_dialog import TrashDialog
from sew_desktop.ui.shell.window import MainWindow
from tests.ui.conftest import ScriptedDialogs

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def hub_of(window: MainWindow) -> SafetyHub:
    hub = window.findChild(SafetyHub, "safetyHub")
    assert hub is not None
    return hub


def regions_page(window: MainWindow) -> TablePage:
    view = window.findChild(QTableView, "regionsTable")
    assert view is not None and isinstance(view.parent(), TablePage)
    page = view.parent()
    assert isinstance(page, TablePage)
    window.tabs.setCurrentIndex(1)
    return page


def cell(page: TablePage, key: object, column: str) -> QModelIndex:
    row = page.model.row_of(key)  # type: ignore[arg-type]
    assert row is not None
    return page.proxy.mapFromSource(page.model.index(row, [c.name for c in page.model.columns].index(column)))


def click(qtbot: QtBot, view: QTableView | QTableWidget, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def type_into_cell(qtbot: QtBot, page: TablePage, index: QModelIndex, text: str, timeout: int = 2000) -> None:
    click(qtbot, page.view, index)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == text, timeout=timeout)  # the delegate commits in the next turn


def text_at(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def stored(path: Path, sql: str, *params: object) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def a_region_with_links(window: MainWindow) -> int:
    assert window.session is not None
    repository = window.session.repository
    return next(k for k in repository.regions()
                if any(m.region_id == k for m in repository.memberships().values())
                and any(a.partner.region_id == k for a in repository.agreements().values()))


def test_edit_shows_in_the_history_panel_and_an_old_value_comes_back(window: MainWindow, qtbot: QtBot,
                                                                      demo_path: Path) -> None:
    hub = hub_of(window)
    hub.set_display_name("Jan Peeters")
    page = regions_page(window)
    key = a_region_with_links(window)
    old = stored(demo_path, "SELECT notes FROM region WHERE id = ?", key)
    type_into_cell(qtbot, page, cell(page, key, "notes"), "Nieuwe notitie")
    assert stored(demo_path, "SELECT notes FROM region WHERE id = ?", key) == "Nieuwe notitie"
    click(qtbot, page.view, cell(page, key, "notes"))  # Enter moved down a row; the history follows the row
    assert window.session is not None
    undo_text = window.session.undo_stack.undoText()
    action = window.findChild(QAction, "rowHistoryAction")
    assert action is not None
    action.trigger()
    assert hub.dock.isVisible()
    table = hub.panel.table
    newest = [text_at(table, 0, c) for c in range(table.columnCount())]
    assert newest[0].startswith(format_date(date.today(), Language.DUTCH))  # when
    assert newest[1].startswith("Jan Peeters (")  # who
    assert newest[3] == f"{old or '—'} → Nieuwe notitie"  # old → new
    assert undo_text and newest[4] == undo_text  # why: the undo text
    click(qtbot, table, table.model().index(0, 0))
    qtbot.mouseClick(hub.panel.restore_button, Qt.MouseButton.LeftButton)
    assert stored(demo_path, "SELECT notes FROM region WHERE id = ?", key) == old
    assert text_at(table, 0, 3) == f"Nieuwe notitie → {old or '—'}"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the restore is an edit: undoable
    assert stored(demo_path, "SELECT notes FROM region WHERE id = ?", key) == "Nieuwe notitie"


def test_delete_a_regiegebied_then_restore_it_from_the_trash_with_its_links(
        window: MainWindow, qtbot: QtBot, demo_path: Path) -> None:
    page = regions_page(window)
    key = a_region_with_links(window)
    count = "SELECT (SELECT count(*) FROM membership WHERE region_id = ?) + (SELECT count(*) FROM agreement" \
            " WHERE region_id = ?)"
    links = stored(demo_path, count, key, key)
    click(qtbot, page.view, cell(page, key, "name"))
    page.view.selectRow(page.view.currentIndex().row())
    qtbot.keyClick(page.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # Delete clears cells
    assert stored(demo_path, "SELECT count(*) FROM region WHERE id = ?", key) == 0
    action = window.findChild(QAction, "trashAction")
    assert action is not None
    action.trigger()
    dialog = hub_of(window).dialog
    assert isinstance(dialog, TrashDialog)
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() == 1 and text_at(dialog.table, 0, 4) == f"gekoppelde rijen: {links}"
    click(qtbot, dialog.table, dialog.table.model().index(0, 3))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert stored(demo_path, "SELECT count(*) FROM region WHERE id = ?", key) == 1
    assert stored(demo_path, count, key, key) == links
    assert page.model.row_of(key) is not None and dialog.table.rowCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the restore: gone again
    assert stored(demo_path, "SELECT count(*) FROM region WHERE id = ?", key) == 0
    dialog.refresh()
    assert dialog.table.rowCount() == 1
    dialog.close()


def test_another_process_writes_and_the_window_shows_it_within_two_seconds(window: MainWindow, qtbot: QtBot,
                                                                           demo_path: Path) -> None:
    page = regions_page(window)
    before = page.model.rowCount()
    other = sqlite3.connect(demo_path)
    other.execute("INSERT INTO region (uuid, name, kind, province_nis, updated_at) VALUES"
                  " ('extern-1', 'Door de CLI toegevoegd', 'samenwerkingsverband', '10000', '2026-01-01')")
    other.commit()
    other.close()
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=2000)
    assert "ander programma" in window.statusBar().currentMessage()


def test_an_undo_over_a_row_another_program_changed_is_refused(window: MainWindow, qtbot: QtBot, demo_path: Path,
                                                               dialogs: ScriptedDialogs) -> None:
    page = regions_page(window)
    key = a_region_with_links(window)
    type_into_cell(qtbot, page, cell(page, key, "notes"), "Mijn notitie")
    other = sqlite3.connect(demo_path)
    other.execute("UPDATE region SET notes = 'Hun notitie' WHERE id = ?", [key])
    other.commit()
    other.close()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_path, "SELECT notes FROM region WHERE id = ?", key) == "Hun notitie"
    assert dialogs.errors[-1] == ("Niet opgeslagen", "Niet uitgevoerd: een ander programma of venster heeft deze "
                                  "rij intussen gewijzigd. Die wijziging is bewaard.")
    qtbot.waitUntil(lambda: cell(page, key, "notes").data() == "Hun notitie", timeout=2000)


def test_an_edit_of_a_row_another_program_just_changed_is_refused(window: MainWindow, qtbot: QtBot,
                                                                   demo_path: Path, dialogs: ScriptedDialogs) -> None:
    hub_of(window).watcher.stop()  # the edit comes before the window's next look at the file
    page = regions_page(window)
    key = a_region_with_links(window)
    other = sqlite3.connect(demo_path)
    other.execute("UPDATE region SET notes = 'Hun notitie' WHERE id = ?", [key])
    other.commit()
    other.close()
    index = cell(page, key, "notes")
    assert index.data() != "Hun notitie"  # the window still shows the old value
    click(qtbot, page.view, index)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Mijn notitie")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=2000)
    assert stored(demo_path, "SELECT notes FROM region WHERE id = ?", key) == "Hun notitie"
    assert dialogs.errors[-1] == ("Niet opgeslagen", "Niet uitgevoerd: een ander programma of venster heeft deze "
                                  "rij intussen gewijzigd. Die wijziging is bewaard.")


def test_restore_from_backup_backs_up_first_and_reloads(window: MainWindow, qtbot: QtBot, demo_path: Path) -> None:
    hub = hub_of(window)
    hub.scheduler.wait()
    page = regions_page(window)
    key = a_region_with_links(window)
    type_into_cell(qtbot, page, cell(page, key, "notes"), "Voor de back-up")
    take_backup(demo_path, BackupReason.PERIODIC, force=True)
    type_into_cell(qtbot, page, cell(page, key, "notes"), "Na de back-up")
    action = window.findChild(QAction, "restoreBackupAction")
    assert action is not None
    action.trigger()
    dialog = hub.dialog
    assert isinstance(dialog, BackupsDialog)
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() >= 1 and text_at(dialog.table, 0, 4) == str(page.model.rowCount())
    assert text_at(dialog.table, 0, 1) == "tijdens het werk (om het half uur)"
    figures = dialog.table.item(0, 4)
    assert figures is not None and figures.textAlignment() & Qt.AlignmentFlag.AlignRight  # as a spreadsheet
    assert text_at(dialog.table, dialog.table.rowCount() - 1, 1) == "bij het openen van het bestand"
    click(qtbot, dialog.table, dialog.table.model().index(0, 0))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert stored(demo_path, "SELECT notes FROM region WHERE id = ?", key) == "Voor de back-up"
    assert cell(page, key, "notes").data() == "Voor de back-up"
    assert "Back-up teruggezet" in window.statusBar().currentMessage()
    assert window.session is not None and window.session.undo_stack.count() == 0
    newest = history.entries(window.session.repository.database)[0]
    assert newest.why.startswith("restore: ")
    assert list_backups(demo_path)[0].reason is BackupReason.BEFORE_RESTORE


def test_check_database_reports_in_dutch(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    action = window.findChild(QAction, "checkDatabaseAction")
    assert action is not None
    action.trigger()
    assert dialogs.errors[-1][0] == "Database controleren"
    assert dialogs.errors[-1][1].startswith("Geen problemen gevonden")


def _hold_write_lock(path: Path, seconds: float, started: threading.Event) -> None:
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    holder.execute("ROLLBACK")
    holder.close()


def test_a_write_that_waits_for_another_program_says_so(window: MainWindow, qtbot: QtBot, demo_path: Path) -> None:
    page = regions_page(window)
    key = a_region_with_links(window)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(demo_path, 2.5, started))
    holder.start()
    started.wait()
    try:
        type_into_cell(qtbot, page, cell(page, key, "notes"), "Na het wachten", timeout=8000)
    finally:
        holder.join()
    assert "Wachten op een ander programma…" in messages
    assert stored(demo_path, "SELECT notes FROM region WHERE id = ?", key) == "Na het wachten"


def test_a_damaged_file_offers_the_newest_good_backup(qtbot: QtBot, demo_path: Path,
                                                      dialogs: ScriptedDialogs) -> None:
    from sew_desktop.services.databases import open_repository
    from sew_desktop.ui.controllers.files import FileController

    backup = take_backup(demo_path, BackupReason.PERIODIC)
    assert backup is not None
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2])
    opened: list[Path] = []

    def open_window(path: Path) -> None:
        open_repository(path).close()
        opened.append(path)

    files = FileController(None, dialogs, open_window)
    dialogs.confirm_answer = False
    assert not files.open_path(demo_path) and opened == []
    dialogs.confirm_answer = True
    assert files.open_path(demo_path), dialogs.errors
    assert opened == [demo_path]
    assert stored(demo_path, "PRAGMA integrity_check") == "ok"


def test_emptying_the_trash_asks_and_takes_a_backup_first(window: MainWindow, qtbot: QtBot, demo_path: Path,
                                                          dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    from sew_desktop.services.backups import list_backups

    hub = hub_of(window)
    hub.scheduler.wait()
    second = tmp_path / "netwerkschijf"
    hub.set_second_folder(second)
    page = regions_page(window)
    key = a_region_with_links(window)
    click(qtbot, page.view, cell(page, key, "name"))
    page.view.selectRow(page.view.currentIndex().row())
    qtbot.keyClick(page.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # Delete clears cells
    dialog = hub.open_trash()
    qtbot.waitExposed(dialog)
    before = len(list_backups(demo_path))
    dialogs.confirm_answer = False
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and len(list_backups(demo_path)) == before
    dialogs.confirm_answer = True
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    backups = list_backups(demo_path)
    assert len(backups) == before + 1 and backups[0].reason is BackupReason.BEFORE_EMPTYING_TRASH
    assert stored(backups[0].path, "SELECT count(*) FROM trash") == 1  # the backup still holds the deleted rows
    assert (second / backups[0].path.name).exists()
    dialog.close()


def menu_names(window: MainWindow) -> dict[str, list[QAction]]:
    result = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            result[top.text().replace("&", "")] = menu.actions()
    return result


def test_the_safety_actions_are_in_the_menus_and_the_tables_context_menu(window: MainWindow) -> None:
    menus = menu_names(window)
    file_names = [a.objectName() for a in menus["Bestand"]]
    assert {"restoreBackupAction", "checkDatabaseAction", "secondBackupFolderAction",
            "displayNameAction"} <= set(file_names)
    assert file_names[-1] == "quitAction"
    assert "trashAction" in [a.objectName() for a in menus["Bewerken"]]
    assert "Geschiedenis van de rij" in [a.text() for a in menus["Beeld"]]
    page = regions_page(window)
    assert [a.objectName() for a in page.view.actions()] == ["rowHistoryAction", "trashAction"]
    assert page.view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu  # the cell menu shows them
    assert window.features.lists is not None
    cell_menu = next(m for m in window.features.lists.cell_menus if m.page is page)
    shown = [a.objectName() for a in cell_menu.build(page.proxy.index(0, 0)).actions()]
    assert {"rowHistoryAction", "trashAction"} <= set(shown)


def test_opening_backs_up_a_changed_file_once(qtbot: QtBot, window: MainWindow, demo_path: Path, settings: object,
                                             dialogs: ScriptedDialogs) -> None:
    from PySide6.QtCore import QSettings

    from sew_desktop.app import create_main_window
    from sew_desktop.services.backups import list_backups

    hub_of(window).scheduler.wait()
    assert len(list_backups(demo_path)) == 1  # opened, never backed up before
    assert isinstance(settings, QSettings)
    second = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    qtbot.addWidget(second)
    hub_of(second).scheduler.wait()
    assert len(list_backups(demo_path)) == 1  # unchanged since: not backed up again


def test_a_dropped_import_file_takes_a_backup_first(window: MainWindow, qtbot: QtBot, demo_path: Path) -> None:
    from sew_desktop.services.backups import list_backups
    from sew_desktop.ui.features.imports.dialog import ImportDialog

    hub = hub_of(window)
    hub.scheduler.wait()
    session = window.session
    agreement = next(iter(session.repository.agreements()))
    session.repository.update(Entity.AGREEMENT, agreement, {"notes": "changed since the last backup"})
    before = len(list_backups(demo_path))
    window.frame.files_dropped.emit([SAMPLES / "beslissingen_per_samenwerkingsverband_utf8.csv"])
    hub.scheduler.wait()
    assert len(list_backups(demo_path)) == before + 1
    assert list_backups(demo_path)[0].reason is BackupReason.BEFORE_IMPORT
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    dialog.close()
