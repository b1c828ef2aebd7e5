"""File › Restore from backup…: the backups with date and time, size and counts; restoring backs up first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sew_desktop.services.backups import Backup, list_backups, reason_text
from sew_desktop.ui.core.i18n import Language, format_date, locale_for
from sew_desktop.ui.core.screens import resize_to_fit
from sew_desktop.ui.features.safety.tables import fill_row, read_only_table
from sew_desktop.ui.features.safety.texts import size_text


class BackupsDialog(QDialog):
    """Choose a backup; ``restore(path)`` does the work (and the window reloads)."""

    def __init__(self, database: Path, restore: Callable[[Path], bool], language: Language,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(QCoreApplication.translate("Safety", "Restore from backup"))
        self._database, self._restore, self._language = database, restore, language
        self.backups: list[Backup] = []
        note = QLabel(QCoreApplication.translate(
            "Safety", "The current file is backed up first, so a restore can be undone by restoring that backup."),
            self)
        note.setWordWrap(True)
        self.table = read_only_table(self, "backupsTable", [
            QCoreApplication.translate("Safety", "Date and time"), QCoreApplication.translate("Safety", "Why"),
            QCoreApplication.translate("Safety", "Size"),
            QCoreApplication.translate("Safety", "Municipalities"),
            QCoreApplication.translate("Safety", "Regiegebieden"),
            QCoreApplication.translate("Safety", "Agreements"), QCoreApplication.translate("Safety", "Decisions")],
            single=True)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(QCoreApplication.translate("Safety", "&Restore"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreBackupButton")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 960, 420)
        self.refresh()

    def refresh(self) -> None:
        """List the backups again, newest first."""
        self.backups = list_backups(self._database, migrations=True)
        self.table.setRowCount(len(self.backups))
        locale = locale_for(self._language)
        for number, backup in enumerate(self.backups):
            try:
                c = backup.contents()
                counts = [locale.toString(n) for n in (c.municipalities, c.regions, c.agreements, c.decisions)]
            except Exception:  # a damaged backup is listed as such, not hidden
                counts = [QCoreApplication.translate("Safety", "unreadable")] + [""] * 3
            when = f"{format_date(backup.taken.date(), self._language)} {backup.taken:%H:%M:%S}"
            why = reason_text(backup.reason, QCoreApplication.translate)
            fill_row(self.table, number, [when, why, size_text(backup.size, self._language), *counts],
                     numbers=range(2, 7))
        if self.backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.backups))

    def restore_selected(self) -> bool:
        """Restore the selected backup (the callback asks for confirmation); closes when done."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return False
        if self._restore(self.backups[rows.pop()].path):
            self.accept()
            return True
        return False
