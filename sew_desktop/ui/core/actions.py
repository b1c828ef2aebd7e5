"""The action registry: features contribute actions to a named menu and group; the shell places them.

A contribution names its menu and group (the shell fixes the order of both), a key (the action's object name, which
tests and accessibility tools use), its shortcuts, icon, place on the toolbar and the rule that enables it. Nothing
looks an action up by name to find a place beside it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QToolBar, QWidget

from sew_desktop.ui.core.icons import set_action_icon

Shortcut = QKeySequence | QKeySequence.StandardKey | str


class ActionLookup(Protocol):
    """Actions by key (the registry, or a plain dict in tests)."""

    def get(self, key: str, /) -> QAction | None:
        """The action of ``key``, if any."""
        ...


class Menu(Enum):
    """The menus of the menu bar, left to right."""

    FILE = "file"
    EDIT = "edit"
    VIEW = "view"
    HELP = "help"


@dataclass(frozen=True)
class Enablement:
    """When an action is enabled: ``rule()`` is asked at once and whenever ``changed`` is emitted."""

    changed: SignalInstance
    rule: Callable[[], bool]


@dataclass(frozen=True)
class ActionSpec:
    """An action a feature contributes. ``menu`` None: it is in no menu (context menus, window shortcuts)."""

    key: str
    text: str
    run: Callable[[], object]
    menu: Menu | None
    group: str = ""
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str | None = None
    toolbar: int | None = None  # place on the toolbar, left to right
    enabled: Enablement | None = None


@dataclass(frozen=True)
class Placed:
    """A ready-made action placed like a contributed one: a dock's toggle, Undo with its changing text, a submenu."""

    key: str
    action: QAction
    menu: Menu
    group: str
    toolbar: int | None = None
    keep: QObject | None = None  # what must live as long as the action (the submenu of a menu's action)


@dataclass(frozen=True)
class _Entry:
    action: QAction
    menu: Menu | None
    group: str
    toolbar: int | None


class ActionRegistry(QObject):
    """Every action of one window by key, with where it goes. ``groups`` fixes, per menu, the groups in order
    (separated by lines)."""

    def __init__(self, groups: Mapping[Menu, tuple[str, ...]]) -> None:
        super().__init__()
        self._groups = dict(groups)
        self._entries: dict[str, _Entry] = {}
        self._kept: list[QObject] = []

    def add(self, spec: ActionSpec | Placed) -> QAction:
        """Register ``spec``; returns its action. A key twice or an unknown group is a programming error."""
        if spec.key in self._entries:
            raise ValueError(f"action {spec.key!r} contributed twice")
        if spec.menu is not None and spec.group not in self._groups[spec.menu]:
            raise ValueError(f"menu {spec.menu.value!r} has no group {spec.group!r}")
        action = self._take(spec) if isinstance(spec, Placed) else self._build(spec)
        action.setObjectName(spec.key)
        self._entries[spec.key] = _Entry(action, spec.menu, spec.group, spec.toolbar)
        return action

    def add_all(self, specs: Iterable[ActionSpec | Placed]) -> dict[str, QAction]:
        """Register every spec; their actions by key."""
        return {spec.key: self.add(spec) for spec in specs}

    def __getitem__(self, key: str) -> QAction:
        return self._entries[key].action

    def get(self, key: str) -> QAction | None:
        """The action of ``key``, if one was contributed."""
        entry = self._entries.get(key)
        return entry.action if entry is not None else None

    def _take(self, placed: Placed) -> QAction:
        if placed.keep is not None:
            self._kept.append(placed.keep)
        if placed.action.parent() is None:
            placed.action.setParent(self)
        return placed.action

    def _build(self, spec: ActionSpec) -> QAction:
        action = QAction(spec.text, self)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.icon is not None:
            set_action_icon(action, spec.icon, QApplication.palette())
        action.setToolTip(spec.text.replace("&", ""))
        run = spec.run
        action.triggered.connect(lambda _=False: run())
        if spec.enabled is not None:
            rule = spec.enabled.rule
            action.setEnabled(rule())
            spec.enabled.changed.connect(lambda *_: action.setEnabled(rule()))
        return action

    def place(self, bar: QMenuBar, titles: Mapping[Menu, str], toolbar: QToolBar, window: QWidget) -> None:
        """Fill the menus (groups in order, a line between groups) and the toolbar; actions in no menu are added
        to ``window`` so that their shortcuts work."""
        for menu in Menu:
            self._fill(bar.addMenu(titles[menu]), menu)
        placed = sorted((e.toolbar, key) for key, e in self._entries.items() if e.toolbar is not None)
        toolbar.addActions([self._entries[key].action for _, key in placed])
        window.addActions([e.action for e in self._entries.values() if e.menu is None])
        for kept in self._kept:
            if isinstance(kept, QWidget):  # a submenu: the window owns it (and finds it) like its other menus
                kept.setParent(window, kept.windowFlags())

    def _fill(self, target: QMenu, menu: Menu) -> None:
        for group in self._groups[menu]:
            actions = [e.action for e in self._entries.values() if e.menu is menu and e.group == group]
            if actions and target.actions():
                target.addSeparator()
            target.addActions(actions)
