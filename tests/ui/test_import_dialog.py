from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListWidget, QTableWidget
from pytestqt.qtbot import QtBot

from sew_desktop.services.databases import open_repository
from sew_desktop.services.imports.model import Role, Status
from sew_desktop.store import decisions as store
from sew_desktop.store.repository import Repository
from sew_desktop.ui import i18n_tool
from sew_desktop.ui.features.imports.dialog import ImportDialog
from sew_desktop.ui.features.imports.texts import format_amount
from tests.services.imports.helpers import CALL, HEADER, SAMPLES, write_csv

TIMEOUT = 20_000


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _item(widget: QListWidget, row: int) -> str:
    item = widget.item(row)
    assert item is not None
    return item.text()


@pytest.fixture
def repo(demo_path: Path) -> Iterator[Repository]:
    repository = open_repository(demo_path)
    yield repository
    repository.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _dialog(qtbot: QtBot, repo: Repository, settings: QSettings, file: Path | None = None) -> ImportDialog:
    dialog = ImportDialog(repo, QUndoStack(), initial_file=file, settings=settings)
    qtbot.addWidget(dialog)
    return dialog


def test_plan_is_shown(qtbot: QtBot, repo: Repository, settings: QSettings) -> None:
    dialog = _dialog(qtbot, repo, settings, SAMPLES / "beslissingen_per_gemeente_cp1252.csv")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
    assert dialog.view.decisions.rowCount() == 4
    assert _cell(dialog.view.decisions, 0, 0) == "new"
    assert _cell(dialog.view.decisions, 0, 3) == "€ 85.000,00"
    assert "cp1252" in dialog.summary.text() and "Opmerking" in dialog.summary.text()
    warnings = [_item(dialog.view.warnings, i) for i in range(dialog.view.warnings.count())]
    assert "Ieper: Demo-regio West 1 → Westhoek Sociale Economie from 01/01/2023" in warnings
    assert dialog.view.coverage.rowCount() == 6 and _cell(dialog.view.coverage, 0, 0) == "West Flanders"
    assert _cell(dialog.view.coverage, 5, 0) == "Flanders"
    assert dialog.import_button.isEnabled()
    assert dialog.call_combo.currentText() == CALL


def test_manual_column_mapping_is_remembered(
    qtbot: QtBot, repo: Repository, settings: QSettings, tmp_path: Path
) -> None:
    rows = [["Samenwerkingsverband", "Plaats", "Beslissing"], ["Regio Z", "Geel", "goedgekeurd"]]
    file = write_csv(tmp_path / "plaats.csv", rows)
    dialog = _dialog(qtbot, repo, settings, file)
    qtbot.waitUntil(lambda: not dialog.mapping.isHidden(), timeout=TIMEOUT)
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    dialog.mapping.choose(Role.MUNICIPALITY, "Plaats")
    dialog.mapping.apply_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
    assert dialog.plan is not None and dialog.plan.decisions[0].decision.members == ("13008",)
    assert dialog.mapping.isHidden()
    again = _dialog(qtbot, repo, settings, write_csv(tmp_path / "other.csv", [*rows, ["Regio Y", "Mol", "nee"]]))
    qtbot.waitUntil(lambda: again.plan is not None, timeout=TIMEOUT)
    assert again.plan is not None and len(again.plan.decisions) == 2


def test_accept_suggestion_and_exclude_rows_then_import(qtbot: QtBot, repo: Repository, settings: QSettings) -> None:
    dialog = _dialog(qtbot, repo, settings, SAMPLES / "beslissingen_met_fouten.csv")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
    assert dialog.view.errors.rowCount() == 3 and not dialog.import_button.isEnabled()
    assert _cell(dialog.view.errors, 0, 2) == "Sint-Niklaus"
    dialog.view.errors.selectRow(0)
    dialog.view.accept_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None and len(dialog.plan.errors) == 2, timeout=TIMEOUT)
    dialog.view.errors.selectRow(0)
    dialog.view.exclude_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.plan.errors, timeout=TIMEOUT)
    assert dialog.plan is not None and dialog.plan.skipped == 1
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert store.aliases(repo) == {"sintniklaus": "46021"}
    assert set(store.stored_decisions(repo, 1)) == {"dender samen", "waasland oost"}


def test_accept_suggestion_takes_every_selected_row(qtbot: QtBot, repo: Repository, settings: QSettings,
                                                   tmp_path: Path) -> None:
    rows = [HEADER, ["Waasland Oost", "Sint-Niklaus", "goedgekeurd", "40.000,00", "20/04/2023"],
            ["Waasland Oost", "Lokerenn", "goedgekeurd", "", ""],
            ["Waasland Oost", "Temse", "goedgekeurd", "", ""]]
    dialog = _dialog(qtbot, repo, settings, write_csv(tmp_path / "twee_fouten.csv", rows))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
    assert dialog.view.errors.rowCount() == 2
    dialog.view.setCurrentIndex(1)  # the Errors tab
    dialog.show()
    table = dialog.view.errors
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (1, Qt.KeyboardModifier.ControlModifier)):
        rect = table.visualRect(table.model().index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert len(table.selectionModel().selectedRows()) == 2
    qtbot.mouseClick(dialog.view.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.plan.errors, timeout=TIMEOUT)
    assert dialog.plan is not None and set(dialog.plan.decisions[0].decision.members) == {"46014", "46021", "46025"}


def test_progress_and_cancel_leave_the_database_untouched(
    qtbot: QtBot, repo: Repository, settings: QSettings, tmp_path: Path
) -> None:
    rows = [HEADER] + [[f"Regio {i // 10}", "Geel", "goedgekeurd", "1.000,00", ""] for i in range(60_000)]
    file = write_csv(tmp_path / "big.csv", rows)
    before = store.snapshot_database(repo)
    dialog = _dialog(qtbot, repo, settings)
    assert dialog.cancel_button.isHidden()  # no lone, row-wide Cancel while nothing runs
    dialog.set_file(file)
    assert dialog.is_planning() and not dialog.progress.isHidden() and dialog.cancel_button.isEnabled()
    assert not dialog.cancel_button.isHidden()
    dialog.show()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_planning() and "Cancelled" in dialog.status.text(), timeout=TIMEOUT)
    assert dialog.plan is None and not dialog.import_button.isEnabled() and dialog.progress.isHidden()
    assert dialog.cancel_button.isHidden()
    assert store.snapshot_database(repo) == before


def test_progress_reaches_the_end(qtbot: QtBot, repo: Repository, settings: QSettings, tmp_path: Path) -> None:
    rows = [HEADER] + [[f"Regio {i // 10}", "Geel", "goedgekeurd", "1.000,00", ""] for i in range(5_000)]
    dialog = _dialog(qtbot, repo, settings)
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.set_file(write_csv(tmp_path / "mid.csv", rows))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
    assert seen and seen[-1] == 5_000


def test_undo_of_the_whole_import(qtbot: QtBot, repo: Repository, settings: QSettings) -> None:
    stack = QUndoStack()
    dialog = ImportDialog(repo, stack, initial_file=SAMPLES / "beslissingen_per_gemeente_cp1252.csv", settings=settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
    before = _without_log(store.snapshot_database(repo))
    assert dialog.import_plan()
    after = _without_log(store.snapshot_database(repo))
    assert after != before and stack.count() == 1
    assert stack.undoText() == "Import decisions from beslissingen_per_gemeente_cp1252.csv"
    stack.undo()
    assert _without_log(store.snapshot_database(repo)) == before
    assert not any(r.name == "Westhoek Sociale Economie" for r in repo.regions().values())
    [entry] = store.import_log(repo)
    assert set(entry.marks()) == {"undone_at"}
    stack.redo()
    assert len(store.stored_decisions(repo, 1)) == 4
    assert any(r.name == "Westhoek Sociale Economie" for r in repo.regions().values())
    [entry] = store.import_log(repo)
    assert set(entry.marks()) == {"redone_at"}


def _without_log(dump: list[str]) -> list[str]:
    return [line for line in dump if not line.startswith('INSERT INTO "import_log"')]


def test_sheet_and_encoding_choices(qtbot: QtBot, repo: Repository, settings: QSettings) -> None:
    dialog = _dialog(qtbot, repo, settings, SAMPLES / "beslissingen_lokale_regie.xlsx")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
    assert dialog.sheet_combo.isEnabled() and dialog.sheet_combo.count() == 2
    assert dialog.plan is not None and dialog.plan.count(Status.NEW) == 2
    dialog.set_sheet("Toelichting")
    qtbot.waitUntil(lambda: not dialog.mapping.isHidden(), timeout=TIMEOUT)
    csv_dialog = _dialog(qtbot, repo, settings, SAMPLES / "beslissingen_per_gemeente_cp1252.csv")
    qtbot.waitUntil(lambda: csv_dialog.plan is not None, timeout=TIMEOUT)
    assert not csv_dialog.sheet_combo.isEnabled()
    csv_dialog.set_encoding("latin-1")
    qtbot.waitUntil(
        lambda: csv_dialog.plan is not None and csv_dialog.plan.table.encoding == "latin-1", timeout=TIMEOUT
    )
    assert "latin-1" in csv_dialog.summary.text()
    csv_dialog.set_encoding("utf-8")
    qtbot.waitUntil(lambda: "not valid utf-8" in csv_dialog.status.text(), timeout=TIMEOUT)
    assert csv_dialog.plan is None


def test_format_amount() -> None:
    assert format_amount(8_500_000) == "€ 85.000,00"
    assert format_amount(123_456_789) == "€ 1.234.567,89"
    assert format_amount(5) == "€ 0,05" and format_amount(None) == ""


def test_dutch_ui(qtbot: QtBot, repo: Repository, settings: QSettings) -> None:
    translator = QTranslator()
    assert translator.load(str(i18n_tool.catalog_path("imports").with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = _dialog(qtbot, repo, settings, SAMPLES / "beslissingen_per_gemeente_cp1252.csv")
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
        assert dialog.windowTitle() == "Subsidiebeslissingen importeren"
        assert _cell(dialog.view.decisions, 0, 0) == "nieuw" and _cell(dialog.view.decisions, 0, 2) == "goedgekeurd"
        warnings = [_item(dialog.view.warnings, i) for i in range(dialog.view.warnings.count())]
        assert "Ieper: Demo-regio West 1 → Westhoek Sociale Economie vanaf 01/01/2023" in warnings
        assert "4 nieuw, 0 gewijzigd" in dialog.summary.text()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_in_memory_database_plans_on_the_gui_thread(
    qtbot: QtBot, memory_repository: Repository, settings: QSettings
) -> None:
    stack = QUndoStack()
    dialog = ImportDialog(
        memory_repository, stack, initial_file=SAMPLES / "beslissingen_lokale_regie.xlsx", settings=settings
    )
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and not dialog.is_planning()  # no file to open a second connection on
    assert dialog.import_plan() and len(memory_repository.regions()) == 1
    stack.undo()
    assert len(memory_repository.regions()) == 0


def test_unreadable_file_is_reported(qtbot: QtBot, repo: Repository, settings: QSettings, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, repo, settings, tmp_path / "missing.csv")
    qtbot.waitUntil(lambda: "Cannot read the file. Is it a CSV or Excel file" in dialog.status.text(), timeout=TIMEOUT)
    assert "(details: file not found" in dialog.status.text()
    assert dialog.plan is None and not dialog.import_button.isEnabled()


def test_the_file_field_shows_the_path_but_takes_no_typing_and_a_click_chooses(
        qtbot: QtBot, repo: Repository, settings: QSettings, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QFileDialog

    path = write_csv(tmp_path / "besluiten.csv", [HEADER])
    dialog = _dialog(qtbot, repo, settings, path)
    field = dialog.file_edit
    assert field.text() == str(path)
    field.setFocus()
    qtbot.keyClicks(field, "x")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == str(path)  # nothing typed in, nothing deleted
    assert not field.hasFrame()  # it does not look like a box to type in
    assert field.palette().color(QPalette.ColorRole.Base) == field.palette().color(QPalette.ColorRole.Window)
    opened: list[str] = []

    def cancel_chooser() -> None:
        chooser = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        opened.append(chooser.windowTitle())
        chooser.reject()

    QTimer.singleShot(0, cancel_chooser)
    field.deselect()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert len(opened) == 1  # a click on the path opens the chooser, as Choose… does
    assert field.text() == str(path)  # cancelled: the file stays
