"""The action registry: contributions land in their menu and group in the shell's order, a line between groups;
the toolbar in its order; enablement follows its rule; a key twice or an unknown group is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from sew_desktop.ui.core.actions import ActionRegistry, ActionSpec, Enablement, Menu

GROUPS = {Menu.FILE: ("open", "quit"), Menu.EDIT: ("history",), Menu.VIEW: (), Menu.HELP: ("about",)}
TITLES = {Menu.FILE: "File", Menu.EDIT: "Edit", Menu.VIEW: "View", Menu.HELP: "Help"}


class Switch(QObject):
    changed = Signal()


def spec(key: str, menu: Menu | None, group: str = "", **extra: object) -> ActionSpec:
    return ActionSpec(key, key.title(), lambda: None, menu, group, **extra)  # type: ignore[arg-type]


def test_groups_in_the_shells_order_a_line_between_them(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(GROUPS)
    registry.add_all((spec("quit", Menu.FILE, "quit"), spec("open", Menu.FILE, "open", toolbar=20),
                      spec("new", Menu.FILE, "open", toolbar=10), spec("hidden", None)))
    toolbar = QToolBar()
    registry.place(window.menuBar(), TITLES, toolbar, window)
    file_menu = window.menuBar().findChild(QMenu, "")  # the first menu made: File
    assert isinstance(file_menu, QMenu) and file_menu.title() == "File"
    assert [a.objectName() or "—" for a in file_menu.actions()] == ["open", "new", "—", "quit"]
    assert [a.objectName() for a in toolbar.actions()] == ["new", "open"]
    assert registry["hidden"] in window.actions()  # in no menu: its shortcut still works in the window


def test_an_action_is_enabled_by_its_rule_whenever_its_signal_says(qtbot: QtBot) -> None:
    switch, state = Switch(), {"on": False}
    registry = ActionRegistry(GROUPS)
    action = registry.add(spec("merge", Menu.FILE, "open", enabled=Enablement(switch.changed, lambda: state["on"])))
    assert not action.isEnabled()
    state["on"] = True
    switch.changed.emit()
    assert action.isEnabled()


def test_a_key_twice_or_an_unknown_group_is_refused() -> None:
    registry = ActionRegistry(GROUPS)
    registry.add(spec("open", Menu.FILE, "open"))
    with pytest.raises(ValueError, match="twice"):
        registry.add(spec("open", Menu.EDIT, "history"))
    with pytest.raises(ValueError, match="no group"):
        registry.add(spec("print", Menu.FILE, "printing"))
    assert registry.get("print") is None and registry.get("open") is not None
