"""The menus and toolbar of the window: the menus' titles and groups, and the shell's own actions (files, editing,
undo, view, help). Features contribute theirs to the same registry; the window places them all."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget

from sew_desktop.store.repository import Repository
from sew_desktop.ui.controllers.editing import EditController
from sew_desktop.ui.controllers.files import FileController
from sew_desktop.ui.core.actions import ActionSpec, Menu, Placed
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.icons import set_action_icon
from sew_desktop.ui.shell.about import show_about
from sew_desktop.ui.shell.panes import NEXT_KEYS, PREVIOUS_KEYS, move_between_panes

# Per menu, its groups top to bottom (a line between groups).
MENU_GROUPS: dict[Menu, tuple[str, ...]] = {
    Menu.FILE: ("open", "copies", "team", "exchange", "boundaries", "safety", "quit"),
    Menu.EDIT: ("history", "clipboard", "rows", "find", "coverage", "trash"),
    Menu.VIEW: ("docks", "panes", "language"),
    Menu.HELP: ("about",),
}


def menu_titles() -> dict[Menu, str]:
    """The menus' titles in the current language."""
    translate = QCoreApplication.translate
    return {Menu.FILE: translate("Menus", "&File"), Menu.EDIT: translate("Menus", "&Edit"),
            Menu.VIEW: translate("Wiring", "&View"), Menu.HELP: translate("Wiring", "&Help")}


def file_actions(files: FileController, frame: WindowFrame, recent: list[Path]) -> tuple[ActionSpec | Placed, ...]:
    """Bestand: New, Open…, Open recent, Save a copy as…, Quit."""
    translate = QCoreApplication.translate
    standard_quit = QKeySequence(QKeySequence.StandardKey.Quit)
    return (
        ActionSpec("newAction", translate("Menus", "&New…"), files.new, Menu.FILE, "open",
                   (QKeySequence.StandardKey.New,), "new"),
        ActionSpec("openAction", translate("Menus", "&Open…"), files.open, Menu.FILE, "open",
                   (QKeySequence.StandardKey.Open,), "open", toolbar=10),
        _submenu("openRecentMenu", recent_menu(files, recent), Menu.FILE, "open"),
        ActionSpec("saveCopyAction", translate("Menus", "Save a &copy as…"), files.save_copy, Menu.FILE, "copies",
                   (QKeySequence.StandardKey.SaveAs,), "save-copy", toolbar=20),
        ActionSpec("quitAction", translate("Menus", "&Quit"), frame.close_window, Menu.FILE, "quit",
                   (standard_quit if not standard_quit.isEmpty() else "Ctrl+Q",)),  # Windows has none of its own
    )


def _submenu(key: str, menu: QMenu, where: Menu, group: str) -> Placed:
    return Placed(key, menu.menuAction(), where, group, keep=menu)


def recent_menu(files: FileController, recent: list[Path]) -> QMenu:
    """File › Open recent."""
    menu = QMenu(QCoreApplication.translate("Menus", "Open &recent"))
    for path in recent:
        item = QAction(str(path), menu)
        item.triggered.connect(lambda _=False, p=path: files.open_path(p))
        menu.addAction(item)
    menu.setEnabled(bool(recent))
    return menu


def edit_actions(edit: EditController, undo_stack: QUndoStack) -> tuple[ActionSpec | Placed, ...]:
    """Bewerken: Undo, Redo, Copy, Paste, Add row, Clear cells (Delete, as in Excel), Delete rows (Ctrl+-), Find."""
    translate = QCoreApplication.translate
    return (
        Placed("undoAction", history_action(undo_stack, redo=False), Menu.EDIT, "history", toolbar=30),
        Placed("redoAction", history_action(undo_stack, redo=True), Menu.EDIT, "history", toolbar=40),
        ActionSpec("copyAction", translate("Menus", "&Copy"), edit.copy, Menu.EDIT, "clipboard",
                   (QKeySequence.StandardKey.Copy,)),
        ActionSpec("copyWithHeadersAction", translate("Menus", "Copy with &headers"), edit.copy_with_headers,
                   Menu.EDIT, "clipboard", ("Ctrl+Shift+C",)),
        ActionSpec("pasteAction", translate("Menus", "&Paste"), edit.paste, Menu.EDIT, "clipboard",
                   (QKeySequence.StandardKey.Paste,)),
        ActionSpec("addRowAction", translate("Menus", "&Add row"), edit.add_row, Menu.EDIT, "rows", ("Insert",),
                   "add-row", toolbar=50),
        ActionSpec("clearCellsAction", translate("Menus", "C&lear cells"), edit.clear_cells, Menu.EDIT, "rows",
                   (QKeySequence.StandardKey.Delete, "Backspace")),
        ActionSpec("deleteRowsAction", translate("Menus", "&Delete rows"), edit.delete_rows, Menu.EDIT, "rows",
                   ("Ctrl+-",), "delete-rows", toolbar=60),
        ActionSpec("findAction", translate("Menus", "&Find"), edit.find, Menu.EDIT, "find",
                   (QKeySequence.StandardKey.Find,)),
    )


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


def history_action(undo_stack: QUndoStack, *, redo: bool) -> QAction:
    """Undo or Redo, its text naming the change ("Ongedaan maken: ondertekend op — Demo-regio West 1")."""
    result = QAction()
    set_action_icon(result, "redo" if redo else "undo", QApplication.palette())
    if redo:
        result.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    else:
        result.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    text = _HistoryText(result, redo)
    text.show(undo_stack.redoText() if redo else undo_stack.undoText())
    result.setEnabled(undo_stack.canRedo() if redo else undo_stack.canUndo())
    (undo_stack.redoTextChanged if redo else undo_stack.undoTextChanged).connect(text.show)
    (undo_stack.canRedoChanged if redo else undo_stack.canUndoChanged).connect(result.setEnabled)
    result.triggered.connect(undo_stack.redo if redo else undo_stack.undo)
    return result


def language_menu(current: Language, choose: Callable[[Language], object]) -> QMenu:
    """View › Taal/Language: Nederlands, English (remembered)."""
    sub = QMenu("Taal / &Language")
    group = QActionGroup(sub)
    for language, label in ((Language.DUTCH, "Nederlands"), (Language.ENGLISH, "English")):
        item = QAction(label, sub)
        item.setCheckable(True)
        item.setChecked(language is current)
        item.setObjectName(f"language_{language.value}")
        item.triggered.connect(partial(_choose, choose, language))
        group.addAction(item)
        sub.addAction(item)
    return sub


def _choose(choose: Callable[[Language], object], language: Language, _checked: bool = False) -> None:
    choose(language)


def view_actions(tabs: QTabWidget, language: Language,
                 choose_language: Callable[[Language], object]) -> tuple[ActionSpec | Placed, ...]:
    """View › Next pane (F6, Ctrl+Tab), Previous pane (Shift+F6, Ctrl+Shift+Tab), Taal/Language."""
    translate = QCoreApplication.translate
    return (
        ActionSpec("nextPaneAction", translate("Panes", "Next pane"),
                   lambda: move_between_panes(tabs.window(), tabs, 1), Menu.VIEW, "panes", NEXT_KEYS),
        ActionSpec("previousPaneAction", translate("Panes", "Previous pane"),
                   lambda: move_between_panes(tabs.window(), tabs, -1), Menu.VIEW, "panes", PREVIOUS_KEYS),
        _submenu("languageMenu", language_menu(language, choose_language), Menu.VIEW, "language"),
    )


def help_actions(frame: WindowFrame, repository: Repository) -> tuple[ActionSpec, ...]:
    """Help › About SEW Desktop."""
    return (ActionSpec("aboutAction", QCoreApplication.translate("Wiring", "&About SEW Desktop"),
                       lambda: show_about(frame.host(), repository), Menu.HELP, "about"),)

