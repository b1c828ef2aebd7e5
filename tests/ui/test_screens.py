"""Dialogs ask for their preferred size and get at most what the screen has free (a print preview of 1100x800 on a
768-pixel laptop screen would hide its buttons)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sew_desktop.ui.core.screens import MARGIN, fitted_size, resize_to_fit


def test_the_preferred_size_where_it_fits_else_the_screen_less_a_margin() -> None:
    assert fitted_size(QSize(1100, 800), QSize(1920, 1040)) == QSize(1100, 800)
    assert fitted_size(QSize(1100, 800), QSize(1366, 728)) == QSize(1100, 728 - MARGIN)
    assert fitted_size(QSize(1100, 800), QSize(1024, 600)) == QSize(1024 - MARGIN, 600 - MARGIN)


def test_a_dialog_is_sized_for_the_screen_it_opens_on(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    resize_to_fit(dialog, 3000, 700)
    free = dialog.screen().availableGeometry().size()  # the tests' Full HD screen
    assert dialog.size() == QSize(free.width() - MARGIN, 700)
