"""The welcome dialog of the very first start: a new database, the demo data, or an existing file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from sew_desktop.services.demo import write_demo
from sew_desktop.store.errors import StoreError
from sew_desktop.store.repository import Repository
from sew_desktop.ui.controllers.files import write_error_text
from sew_desktop.ui.core.file_dialogs import DB_FILTER, choose_open_file


def choose_start(default: Path, create_default: Callable[[Path], Repository]) -> Path | None:
    """Ask what to open on the first start, again after a choice that fails; ``None`` when the user cancels."""
    while True:
        box = QMessageBox()
        box.setWindowTitle(QCoreApplication.translate("Welcome", "Welcome to SEW Desktop"))
        box.setText(QCoreApplication.translate(
            "Welcome", "<h3>Welcome</h3><p>SEW Desktop keeps its data in one file on this computer. How do you want "
            "to start?</p>"))
        new = box.addButton(QCoreApplication.translate("Welcome", "New database"), QMessageBox.ButtonRole.AcceptRole)
        demo = box.addButton(QCoreApplication.translate("Welcome", "Demo data"), QMessageBox.ButtonRole.AcceptRole)
        existing = box.addButton(QCoreApplication.translate("Welcome", "Open a file…"),
                                 QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is existing:
            return choose_open_file(None, QCoreApplication.translate("Welcome", "Open database"), DB_FILTER)
        if clicked not in (new, demo):
            return None
        try:
            return _create(default, demo=clicked is demo, create_default=create_default)
        except (StoreError, OSError):
            QMessageBox.warning(None, QCoreApplication.translate("Welcome", "Welcome to SEW Desktop"),
                                write_error_text(default.parent))


def _create(default: Path, *, demo: bool, create_default: Callable[[Path], Repository]) -> Path:
    if not demo:
        create_default(default).close()
        return default
    demo_path = default.with_name("demo.sqlite")
    default.parent.mkdir(parents=True, exist_ok=True)
    write_demo(demo_path, force=True)
    return demo_path
