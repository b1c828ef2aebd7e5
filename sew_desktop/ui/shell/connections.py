"""Connections between the parts of one window: notifications, dates, messages, menus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication

from sew_desktop.store.errors import WorkingFilesLostError, WriteFailedError
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.core.messages import changed_elsewhere_text
from sew_desktop.ui.core.window_session import WindowSession
from sew_desktop.ui.tables.models import TableModels


def connect_session(session: WindowSession, models: TableModels, frame: WindowFrame, dialogs: UserDialogs) -> None:
    """The change bus reaches the models; the live coverage's figures and dates reach the models; model
    messages and write failures reach the status bar."""
    for model in models.all():
        session.bus.changed.connect(model.on_changes)
        session.live.day_changed.connect(model.on_coverage)
        session.live.dates_changed.connect(model.on_dates_changed)
        model.message.connect(frame.show_refusal)
    session.undo_stack.indexChanged.connect(frame.clear_refusal)  # a change that was stored: the refusal is past
    session.bus.failed.connect(lambda error: report_write_failure(frame, dialogs, error))


def ask_membership_start(dialogs: UserDialogs, live: LiveCoverage) -> Callable[[str], date | None]:
    """The question from which date a municipality belongs to another regiegebied (default: the as-of date)."""
    def ask(name: str) -> date | None:
        title = QCoreApplication.translate("Wiring", "Change regiegebied")
        text = QCoreApplication.translate("Wiring", "From which date does %1 belong to the new regiegebied?")
        return dialogs.ask_date(title, text.replace("%1", name), live.as_of)

    return ask


def report_write_failure(frame: WindowFrame, dialogs: UserDialogs, error: WriteFailedError) -> None:
    """Tell the user a change was not stored, and why; the data are as they were."""
    if isinstance(error, WorkingFilesLostError):  # the window's rescue explains it, once, in its own dialog
        frame.show_message(QCoreApplication.translate(
            "Wiring", "The change was not saved: this window no longer saves to its file (another program "
            "removed its working files)."))
        return
    elsewhere = changed_elsewhere_text(error)  # an undo over a row another program changed
    if elsewhere is not None:
        text = elsewhere
    elif error.locked:
        text = QCoreApplication.translate(
            "Wiring", "The change was not saved: another program is writing to this file. Try again in a moment.")
    elif "full" in error.reason:
        text = QCoreApplication.translate("Wiring", "The change was not saved: the disk is full.")
    elif "readonly" in error.reason.replace("-", "").replace(" ", ""):
        text = QCoreApplication.translate("Wiring", "The change was not saved: the file has become read-only.")
    else:
        text = QCoreApplication.translate(
            "Wiring", "The change was not saved: the file could not be written (%1).").replace("%1", error.reason)
    frame.show_message(text)
    dialogs.error(QCoreApplication.translate("Wiring", "Not saved"), text)

