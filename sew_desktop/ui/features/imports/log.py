"""The import log: which file was imported when, by whom, with what result."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from sew_desktop.services.imports.service import import_log
from sew_desktop.store.import_log import LogEntry
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.notifier import ChangeBus
from sew_desktop.ui.features.imports.subscription import refresh_on_change

translate = QCoreApplication.translate


def _when(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{moment:%d/%m/%Y %H:%M}"


def _counts(text: str) -> str:
    try:
        counts = json.loads(text)
    except ValueError:
        return text
    template = translate("ImportLogWidget", "%1 new, %2 changed, %3 unchanged, %4 skipped")
    for number, key in enumerate(("new", "changed", "unchanged", "skipped"), start=1):
        template = template.replace(f"%{number}", str(counts.get(key, 0)))
    return template


def _result(entry: LogEntry) -> str:
    """The counts, and whether the import was undone (or done again) and when."""
    text = _counts(entry.counts)
    marks = entry.marks()
    if "undone_at" in marks:
        text += " · " + translate("ImportLogWidget", "undone on %1").replace("%1", _when(marks["undone_at"]))
    elif "redone_at" in marks:
        text += " · " + translate("ImportLogWidget", "redone on %1").replace("%1", _when(marks["redone_at"]))
    return text


class ImportLogWidget(QWidget):
    """A read-only table of the import log, newest first (undone imports marked); refreshes after every change."""

    def __init__(self, repository: Repository, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importLog")
        self._repository = repository
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("importLogTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("ImportLogWidget", "When"),
                translate("ImportLogWidget", "File"),
                translate("ImportLogWidget", "User"),
                translate("ImportLogWidget", "Open call"),
                translate("ImportLogWidget", "Result"),
                translate("ImportLogWidget", "SHA-256"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        refresh_on_change(bus, frozenset({Entity.IMPORT_LOG, Entity.OPEN_CALL}), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the log again."""
        calls = {c.id: c.name for c in self._repository.open_calls()}
        entries = import_log(self._repository)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [
                _when(entry.imported_at),
                entry.file_name,
                entry.user,
                calls.get(entry.call_id or 0, ""),
                _result(entry),
                entry.sha256,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
