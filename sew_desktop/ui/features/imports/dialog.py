"""The import dialog: choose file, call, sheet and encoding; preview the plan; fix or exclude rows; import."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from sew_desktop.services.imports.errors import (
    EncodingUnsureError,
    MissingColumnsError,
)
from sew_desktop.services.imports.model import ImportPlan, Options, Role
from sew_desktop.services.imports.service import prepare
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.screens import resize_to_fit
from sew_desktop.ui.features.imports.choices import ask_for_file, button_row, choices_form, progress_row, show_sheets
from sew_desktop.ui.features.imports.command import ImportDecisionsCommand
from sew_desktop.ui.features.imports.mapping import MappingPanel, remember_mapping, remembered_mapping
from sew_desktop.ui.features.imports.plan_view import PlanView
from sew_desktop.ui.features.imports.texts import failure_text, plan_summary, ready_text, unsure_encoding_text
from sew_desktop.ui.features.imports.worker import PlanThread

translate = QCoreApplication.translate


class ImportDialog(QDialog):
    """Preview and import the subsidy decisions of an open call; the import is one step on ``undo_stack``.

    Signals: ``planned(ImportPlan)`` after each preview, ``imported(ImportPlan)`` after a successful import.
    """

    planned = Signal(object)
    imported = Signal(object)

    def __init__(
        self,
        repository: Repository,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        initial_file: Path | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(translate("ImportDialog", "Import subsidy decisions"))
        self._repository = repository
        self._undo_stack = undo_stack
        self._settings = settings or QSettings()
        self._file: Path | None = None
        self._options = Options()
        self._thread: PlanThread | None = None
        self._generation = 0
        self.plan: ImportPlan | None = None
        self.mapping_headers: list[str] = []
        self._build()
        resize_to_fit(self, 900, 600)
        if initial_file is not None:
            self.set_file(initial_file)

    # -- layout --------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices())
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.mapping = MappingPanel()
        self.mapping.mapped.connect(self._use_mapping)
        self.mapping.hide()
        self.mapping_button = QPushButton(translate("ImportDialog", "Columns…"))
        self.mapping_button.setObjectName("showMapping")
        self.mapping_button.setToolTip(translate("ImportDialog", "See or change which column is used for what"))
        self.mapping_button.setEnabled(False)
        self.mapping_button.clicked.connect(self.toggle_mapping)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.mapping_button)
        layout.addLayout(row)
        layout.addWidget(self.mapping)
        layout.addLayout(self._progress_row())
        self.view = PlanView()
        self.view.suggestions_accepted.connect(self._accept)
        self.view.rows_excluded.connect(self._exclude)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._buttons())

    def _choices(self) -> QFormLayout:
        choices = choices_form(self._repository.open_calls(), self._browse)
        self.file_edit, self.call_combo = choices.file_edit, choices.call_combo
        self.sheet_combo, self.encoding_combo = choices.sheet_combo, choices.encoding_combo
        self.call_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.sheet_combo.activated.connect(lambda _i: self._choose_sheet())
        self.encoding_combo.activated.connect(lambda _i: self._choose_encoding())
        return choices.form

    def _progress_row(self) -> QHBoxLayout:
        row, self.progress, self.cancel_button = progress_row()
        self.cancel_button.clicked.connect(self.cancel)
        return row

    def _buttons(self) -> QHBoxLayout:
        row, self.status, self.import_button, close = button_row()
        self.import_button.clicked.connect(self.import_plan)
        close.clicked.connect(self.reject)
        return row

    # -- choices -------------------------------------------------------------------------------------

    def _browse(self) -> None:
        path = ask_for_file(self)
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        """Preview ``path`` with fresh options (detected encoding, first sheet, automatic columns)."""
        self._file = path
        self.file_edit.setText(str(path))
        self._options = Options()
        self.plan = None
        self.summary.clear()  # the summary of the previous file must not stay beside the new one
        self.mapping.hide()
        self.mapping_headers = []
        self.mapping_button.setEnabled(False)
        self.sheet_combo.clear()
        self.sheet_combo.setEnabled(False)
        self.encoding_combo.setCurrentIndex(0)
        self.refresh()

    def set_call(self, name: str) -> None:
        """Choose the open call by name."""
        self.call_combo.setCurrentIndex(self.call_combo.findText(name))

    def set_encoding(self, encoding: str) -> None:
        """Override the detected encoding ("" detects again)."""
        self.encoding_combo.setCurrentIndex(max(self.encoding_combo.findData(encoding), 0))
        self._choose_encoding()

    def set_sheet(self, sheet: str) -> None:
        """Read another sheet of a workbook."""
        self._options = replace(self._options, sheet=sheet)
        self.refresh()

    def _choose_encoding(self) -> None:
        self._options = replace(self._options, encoding=self.encoding_combo.currentData() or None)
        self.refresh()

    def _choose_sheet(self) -> None:
        self.set_sheet(self.sheet_combo.currentText())

    def _use_mapping(self, mapping: dict[Role, str]) -> None:
        remember_mapping(self._settings, self.mapping_headers, mapping)
        self._options = replace(self._options, columns=mapping)
        self.refresh()

    def _accept(self, accepted: dict[str, str]) -> None:
        self._options = replace(self._options, accepted={**self._options.accepted, **accepted})
        self.refresh()

    def _exclude(self, rows: list[int]) -> None:
        self._options = replace(self._options, excluded_rows=self._options.excluded_rows | frozenset(rows))
        self.refresh()

    # -- planning ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Prepare the plan again with the current choices (off the GUI thread when the database is a file)."""
        call = next((c for c in self._repository.open_calls() if c.id == self.call_combo.currentData()), None)
        if self._file is None or call is None:
            return
        self._stop_thread()
        self._generation += 1
        generation = self._generation
        self.plan = None
        self.view.clear_plan()
        self.import_button.setEnabled(False)
        self.status.setText(translate("ImportDialog", "Reading the file…"))
        if self._repository.path is None:
            try:
                self._planned(generation, prepare(self._repository, self._file, call, self._options))
            except Exception as exc:  # shown in the dialog
                self._failed(generation, exc)
            return
        thread = PlanThread(self._repository.path, self._file, call, self._options, self)
        thread.progressed.connect(lambda done, total: self._progressed(generation, done, total))
        thread.planned.connect(lambda plan: self._planned(generation, plan))
        thread.failed.connect(lambda exc: self._failed(generation, exc))
        self._thread = thread
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        thread.start()

    def is_planning(self) -> bool:
        """True while a plan is being prepared."""
        return self._thread is not None and self._thread.isRunning()

    def cancel(self) -> None:
        """Stop preparing the plan; nothing was or will be written."""
        if self._thread is not None:
            self._thread.cancel()

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.cancel()
            self._thread.wait()
            self._thread.deleteLater()
            self._thread = None

    def _progressed(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation and total > 1:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finish(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_button.setEnabled(False)

    def _planned(self, generation: int, plan: ImportPlan) -> None:
        if generation != self._generation:
            return
        self._finish()
        self.plan = plan
        self.mapping.hide()
        self.mapping_headers = [h for h in plan.columns.headers if h.strip()]
        self.mapping_button.setEnabled(True)
        self.view.show_plan(plan)
        show_sheets(self.sheet_combo, plan.table.sheets, plan.table.sheet)
        self.summary.setText(plan_summary(plan))
        self.import_button.setEnabled(plan.can_apply)
        self.status.setText(ready_text(plan))
        self.planned.emit(plan)

    def _failed(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        self._finish()
        if isinstance(error, MissingColumnsError):
            self._ask_mapping(error)
        elif isinstance(error, EncodingUnsureError):
            self._ask_encoding(error)
        else:
            self.status.setText(failure_text(error))

    def _ask_encoding(self, error: EncodingUnsureError) -> None:
        names = [name for name, _ in error.candidates]
        for name in names:
            if self.encoding_combo.findData(name) < 0:
                self.encoding_combo.addItem(name, name)
        self.status.setText(unsure_encoding_text(error))
        self.encoding_combo.setFocus()

    def toggle_mapping(self) -> None:
        """Show (or hide) which column is used for what; a change plans again."""
        if not self.mapping.isHidden():
            self.mapping.hide()
            return
        current = dict(self._options.columns)
        if self.plan is not None:
            headers = self.plan.columns.headers
            current = {role: headers[index] for role, index in self.plan.columns.roles.items()} | current
        self.mapping.show_headers(self.mapping_headers, [], current)
        self.mapping.show()

    def _ask_mapping(self, error: MissingColumnsError) -> None:
        self.mapping_headers = list(error.headers)
        remembered = remembered_mapping(self._settings, error.headers)
        if remembered and not self._options.columns:
            self._options = replace(self._options, columns=remembered)
            self.refresh()
            return
        self.mapping.show_headers(error.headers, error.missing, self._options.columns)
        self.mapping.show()
        self.mapping_button.setEnabled(True)
        self.status.setText(translate("ImportDialog", "Map the missing columns to continue."))

    # -- import --------------------------------------------------------------------------------------

    def import_plan(self) -> bool:
        """Apply the previewed plan as one undo step; True when it was imported."""
        if self.plan is None or not self.plan.can_apply:
            return False
        command = ImportDecisionsCommand(self._repository, self.plan)
        self._undo_stack.push(command)
        if command.error is not None:
            self.status.setText(translate("ImportDialog", "The import failed: %1").replace("%1", str(command.error)))
            return False
        self.imported.emit(self.plan)
        self.accept()
        return True

    @override
    def done(self, result: int) -> None:
        """Qt override: stop a running preview before closing."""
        self._stop_thread()
        super().done(result)
