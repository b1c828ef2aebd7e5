"""Questions and messages to the user, in one place so tests can answer them without modal dialogs."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sew_desktop.ui.core.file_dialogs import DB_FILTER, choose_open_file, choose_save_file
from sew_desktop.ui.core.i18n import Language, date_format, from_qdate, to_qdate
from sew_desktop.ui.core.new_row_forms import (
    AgreementDraft,
    NewAgreementForm,
    NewRegionForm,
    RegionDraft,
)


class UserDialogs:
    """Modal dialogs; tests replace it with a scripted double."""

    def __init__(self, parent: QWidget | None, language: Language) -> None:
        self._parent = parent
        self.language = language

    @property
    def parent(self) -> QWidget | None:
        """The given parent, else the active window (dialogs are built before the window they serve)."""
        return self._parent or QApplication.activeWindow()

    def error(self, title: str, text: str) -> None:
        """A problem the user must read."""
        QMessageBox.critical(self.parent, title, text)

    def confirm(self, title: str, text: str) -> bool:
        """Yes or no (default no)."""
        answer = QMessageBox.question(self.parent, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_date(self, title: str, text: str, default: date) -> date | None:
        """A date, or ``None`` when cancelled."""
        dialog = QDialog(self.parent)
        dialog.setWindowTitle(title)
        edit = QDateEdit(to_qdate(default), dialog)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format(self.language))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(text, dialog))
        layout.addWidget(edit)
        layout.addWidget(buttons)
        return from_qdate(edit.date()) if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_new_region(self, provinces: Mapping[str, str], province_nis: str, municipalities: Mapping[str, str],
                       start: date) -> RegionDraft | None:
        """The form for a new regiegebied; None when cancelled."""
        form = NewRegionForm(self.parent, provinces, province_nis, municipalities, start, self.language)
        return form.draft() if form.exec() == QDialog.DialogCode.Accepted else None

    def ask_new_agreement(self, partners: Mapping[str, str], start: date) -> AgreementDraft | None:
        """The form for a new agreement; None when cancelled."""
        form = NewAgreementForm(self.parent, partners, start, self.language)
        return form.draft() if form.exec() == QDialog.DialogCode.Accepted else None

    def open_path(self, title: str) -> Path | None:
        """An existing database file."""
        return choose_open_file(self.parent, title, DB_FILTER)

    def save_path(self, title: str, suggestion: str = "", filters: str = DB_FILTER) -> Path | None:
        """A file to write (the dialog asks before overwriting); a name typed without the suggestion's suffix
        gets it."""
        return choose_save_file(self.parent, title, filters, suggestion, Path(suggestion).suffix.lstrip("."))

    def information(self, title: str, text: str) -> None:
        """A note."""
        QMessageBox.information(self.parent, title, text)


