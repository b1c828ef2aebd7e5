"""The choices at the top of the import dialog: file, open call, sheet and encoding."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)
from typing_extensions import override

from sew_desktop.domain.model import OpenCall
from sew_desktop.ui.core.file_dialogs import choose_open_file

translate = QCoreApplication.translate
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf_16_le", "cp1252", "iso8859_15", "mac_roman", "latin-1")


class ChosenFileField(QLineEdit):
    """The chosen file's path: shown, selectable and copyable, but not typed into, and it looks so (no edit
    frame, the window's background); a click on it opens the file chooser as the Choose… button does."""

    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("chosenFile")
        self.setReadOnly(True)
        self.setFrame(False)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setPlaceholderText(translate("ImportDialog", "No file chosen yet: click here or on Choose…, or drop "
                                                          "a file on the window"))

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.hasSelectedText():
            self.clicked.emit()  # a drag to select the path (to copy it) does not open the chooser


@dataclass(frozen=True, slots=True)
class Choices:
    """The form and its widgets."""

    form: QFormLayout
    file_edit: QLineEdit
    call_combo: QComboBox
    sheet_combo: QComboBox
    encoding_combo: QComboBox


def choices_form(calls: Sequence[OpenCall], browse: Callable[[], None]) -> Choices:
    """File (with a Choose… button calling ``browse``), open call, sheet (off until a workbook) and encoding."""
    form = QFormLayout()
    file_edit = ChosenFileField()
    file_edit.clicked.connect(browse)
    button = QPushButton(translate("ImportDialog", "Choose…"))
    button.setObjectName("chooseFileButton")
    button.clicked.connect(browse)
    row = QHBoxLayout()
    row.addWidget(file_edit, 1)
    row.addWidget(button)
    form.addRow(translate("ImportDialog", "File"), row)
    call_combo = QComboBox()
    call_combo.setObjectName("callCombo")
    for call in calls:
        call_combo.addItem(call.name, call.id)
    form.addRow(translate("ImportDialog", "Open call"), call_combo)
    sheet_combo = QComboBox()
    sheet_combo.setObjectName("sheetCombo")
    sheet_combo.setEnabled(False)
    form.addRow(translate("ImportDialog", "Sheet"), sheet_combo)
    encoding_combo = QComboBox()
    encoding_combo.setObjectName("encodingCombo")
    encoding_combo.addItem(translate("ImportDialog", "Detect automatically"), "")
    for name in ENCODINGS:
        encoding_combo.addItem(name, name)
    form.addRow(translate("ImportDialog", "Encoding"), encoding_combo)
    return Choices(form, file_edit, call_combo, sheet_combo, encoding_combo)


def ask_for_file(parent: QWidget) -> Path | None:
    """The file the user picks, or None."""
    return choose_open_file(parent, translate("ImportDialog", "Choose a file"),
                            translate("ImportDialog", "Decisions (*.csv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods)"))


def show_sheets(combo: QComboBox, sheets: Sequence[str], current: str | None) -> None:
    """Offer the sheets of a workbook (hidden ones too: choosing one reads it), the one read selected."""
    if sheets and combo.count() != len(sheets):
        combo.clear()
        combo.addItems(list(sheets))
    combo.setEnabled(bool(sheets))
    if current:
        combo.setCurrentText(current)


def progress_row() -> tuple[QHBoxLayout, QProgressBar, QPushButton]:
    """A progress bar and its Cancel button, both hidden until planning (a lone button would fill the row)."""
    row = QHBoxLayout()
    progress = QProgressBar()
    progress.setObjectName("progress")
    progress.hide()
    cancel = QPushButton(translate("ImportDialog", "Cancel"))
    cancel.setObjectName("cancelPlanning")
    cancel.setEnabled(False)
    cancel.hide()
    row.addWidget(progress, 1)
    row.addWidget(cancel)
    return row, progress, cancel


def button_row() -> tuple[QHBoxLayout, QLabel, QPushButton, QPushButton]:
    """The status line, Import (off until a plan can be applied) and Close."""
    row = QHBoxLayout()
    status = QLabel()
    status.setObjectName("status")
    row.addWidget(status, 1)
    import_button = QPushButton(translate("ImportDialog", "Import"))
    import_button.setObjectName("importButton")
    import_button.setEnabled(False)
    close = QPushButton(translate("ImportDialog", "Close"))
    row.addWidget(import_button)
    row.addWidget(close)
    return row, status, import_button, close
