"""Sizes that fit the screen: a dialog asks for its preferred size and gets at most what the screen has free."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 40  # room left for the title bar and the window's frame


def fitted_size(preferred: QSize, available: QSize) -> QSize:
    """``preferred``, but no larger than ``available`` less a margin (a print preview on a 768-px screen)."""
    return QSize(min(preferred.width(), available.width() - MARGIN),
                 min(preferred.height(), available.height() - MARGIN))


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Give ``widget`` its preferred size, as far as the screen it opens on allows."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    widget.resize(fitted_size(QSize(width, height), screen.availableGeometry().size()))
