"""The safety net: an unexpected error becomes a Dutch message (details on stderr), never a silent failure."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def error_dialog_hook(show: Callable[[str, str], object] | None = None) -> Hook:
    """An excepthook that prints the traceback and tells the user, in the UI language, that data are safe."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        traceback.print_exception(kind, error, trace)
        if showing or QCoreApplication.instance() is None:
            return
        showing = True
        try:
            text = QCoreApplication.translate(
                "Errors", "Something went wrong; the last action may not have been carried out. Your data are safe: "
                "every change is stored in its own transaction. Please report this problem (%1).")
            (show or _critical)(QCoreApplication.translate("Errors", "Unexpected error"),
                                text.replace("%1", kind.__name__))
        finally:
            showing = False

    return hook


def _critical(title: str, text: str) -> None:
    QMessageBox.critical(None, title, text)


def install_error_dialog() -> None:
    """Use :func:`error_dialog_hook` for every uncaught exception (Qt slots included)."""
    sys.excepthook = error_dialog_hook()
