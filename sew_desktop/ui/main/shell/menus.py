"""Menus and toolbar: standard shortcuts, icons with text tooltips."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from sew_desktop.ui.i18n import Language
from sew_desktop.ui.main.commands.editing import EditController
from sew_desktop.ui.main.commands.files import FileController
from sew_desktop.ui.main.commands.reporting import ReportingController
from sew_desktop.ui.main.shell.icons import set_action_icon

Slot = Callable[[], object]


def action(window: QMainWindow, text: str, slot: Slot, shortcut: QKeySequence | QKeySequence.StandardKey |
           str | None = None, icon: str | None = None, name: str = "") -> QAction:
    """An action with an optional standard shortcut and icon (by name); its tooltip is its text."""
    result = QAction(text, window)
    result.setObjectName(name)
    if shortcut is not None:
        result.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        set_action_icon(result, icon, window.palette())
    result.setToolTip(text.replace("&", ""))
    result.triggered.connect(lambda _=False: slot())
    return result


def build_file_menu(window: QMainWindow, files: FileController, recent: list[Path]) -> QMenu:
    """Bestand: New, Open…, Open recent, Save a copy as…, Quit."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", "&File"))
    menu.addAction(action(window, QCoreApplication.translate("Menus", "&New…"), files.new,
                          QKeySequence.StandardKey.New, "new", "newAction"))
    menu.addAction(action(window, QCoreApplication.translate("Menus", "&Open…"), files.open,
                          QKeySequence.StandardKey.Open, "open", "openAction"))
    recent_menu = menu.addMenu(QCoreApplication.translate("Menus", "Open &recent"))
    for path in recent:
        recent_menu.addAction(action(window, str(path), partial(files.open_path, path)))
    recent_menu.setEnabled(bool(recent))
    menu.addAction(action(window, QCoreApplication.translate("Menus", "Save a &copy as…"), files.save_copy,
                          QKeySequence.StandardKey.SaveAs, "save-copy", "saveCopyAction"))
    menu.addSeparator()
    quit_action = action(window, QCoreApplication.translate("Menus", "&Quit"), window.close, name="quitAction")
    standard = QKeySequence(QKeySequence.StandardKey.Quit)
    quit_action.setShortcut(standard if not standard.isEmpty() else QKeySequence("Ctrl+Q"))  # none on Windows
    menu.addAction(quit_action)
    return menu


def build_edit_menu(window: QMainWindow, edit: EditController, undo_stack: QUndoStack) -> QMenu:
    """Bewerken: Undo, Redo, Copy, Paste, Add row, Clear cells (Delete, as in Excel), Delete rows (Ctrl+-), Find."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", "&Edit"))
    undo = history_action(window, undo_stack, redo=False)
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = history_action(window, undo_stack, redo=True)
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu.addActions([undo, redo])
    menu.addSeparator()
    menu.addAction(action(window, QCoreApplication.translate("Menus", "&Copy"), edit.copy,
                          QKeySequence.StandardKey.Copy, name="copyAction"))
    menu.addAction(action(window, QCoreApplication.translate("Menus", "Copy with &headers"), edit.copy_with_headers,
                          "Ctrl+Shift+C", name="copyWithHeadersAction"))
    menu.addAction(action(window, QCoreApplication.translate("Menus", "&Paste"), edit.paste,
                          QKeySequence.StandardKey.Paste, name="pasteAction"))
    menu.addSeparator()
    menu.addAction(action(window, QCoreApplication.translate("Menus", "&Add row"), edit.add_row, "Insert",
                          "add-row", "addRowAction"))
    clear = action(window, QCoreApplication.translate("Menus", "C&lear cells"), edit.clear_cells,
                   QKeySequence.StandardKey.Delete, name="clearCellsAction")
    clear.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")])
    menu.addAction(clear)
    menu.addAction(action(window, QCoreApplication.translate("Menus", "&Delete rows"), edit.delete_rows,
                          "Ctrl+-", "delete-rows", "deleteRowsAction"))
    menu.addSeparator()
    menu.addAction(action(window, QCoreApplication.translate("Menus", "&Find"), edit.find,
                          QKeySequence.StandardKey.Find, name="findAction"))
    return menu


class _HistoryText(QObject):
    """Keeps an Undo or Redo action's text naming the change. A child of the action: the undo stack outlives a
    window (a language switch hands it to the next one), and a connection to a method of a Qt object ends when
    that object goes; a connection to a plain function would reach a deleted action."""

    def __init__(self, action: QAction, redo: bool) -> None:
        super().__init__(action)
        self._action, self._redo = action, redo

    def show(self, change: str) -> None:
        redo = self._redo
        plain = QCoreApplication.translate("Menus", "Redo") if redo else QCoreApplication.translate("Menus", "Undo")
        named = (QCoreApplication.translate("Menus", "Redo: %1") if redo
                 else QCoreApplication.translate("Menus", "Undo: %1"))
        self._action.setText(named.replace("%1", change) if change else plain)


def history_action(window: QMainWindow, undo_stack: QUndoStack, *, redo: bool) -> QAction:
    """Undo or Redo, its text naming the change ("Ongedaan maken: ondertekend op — Demo-regio West 1")."""
    result = QAction(window)
    result.setObjectName("redoAction" if redo else "undoAction")
    set_action_icon(result, "redo" if redo else "undo", window.palette())
    text = _HistoryText(result, redo)
    text.show(undo_stack.redoText() if redo else undo_stack.undoText())
    result.setEnabled(undo_stack.canRedo() if redo else undo_stack.canUndo())
    (undo_stack.redoTextChanged if redo else undo_stack.undoTextChanged).connect(text.show)
    (undo_stack.canRedoChanged if redo else undo_stack.canUndoChanged).connect(result.setEnabled)
    result.triggered.connect(undo_stack.redo if redo else undo_stack.undo)
    return result


def build_language_menu(menu: QMenu, current: Language, choose: Callable[[Language], object]) -> None:
    """View › Taal/Language: Nederlands, English (remembered)."""
    sub = menu.addMenu("Taal / &Language")
    group = QActionGroup(sub)
    for language, label in ((Language.DUTCH, "Nederlands"), (Language.ENGLISH, "English")):
        item = QAction(label, sub)
        item.setCheckable(True)
        item.setChecked(language is current)
        item.setObjectName(f"language_{language.value}")
        item.triggered.connect(lambda _=False, lang=language: choose(lang))
        group.addAction(item)
        sub.addAction(item)


def add_reporting_actions(window: QMainWindow, file_menu: QMenu, edit_menu: QMenu,
                          reporting: ReportingController) -> None:
    """File › Import decisions… and Export…, Edit › Copy coverage table."""
    quit_action = next(a for a in file_menu.actions() if a.objectName() == "quitAction")
    import_action = action(window, QCoreApplication.translate("Menus", "&Import subsidy decisions…"),
                           reporting.import_decisions, "Ctrl+I", "import", "importAction")
    export_action = action(window, QCoreApplication.translate("Menus", "&Export…"), reporting.export, "Ctrl+E",
                           "export", "exportAction")
    file_menu.insertActions(quit_action, [import_action, export_action])
    file_menu.insertSeparator(quit_action)
    edit_menu.addSeparator()
    edit_menu.addAction(action(window, QCoreApplication.translate("Menus", "Copy co&verage table"),
                               reporting.copy_table, "Ctrl+Alt+C", name="copyCoverageAction"))
