"""Preview readability: layout names, tooltips, column widths, the mapping panel on demand, a fresh summary per
file, the effect tab with its day and the municipalities gained and lost, and asking for an unsure encoding."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from sew_desktop.domain.coverage import FLANDERS
from sew_desktop.services.databases import open_repository
from sew_desktop.services.imports.model import Role
from sew_desktop.store.repository import Repository
from sew_desktop.ui import i18n_tool
from sew_desktop.ui.core.labels import area_label
from sew_desktop.ui.features.imports.dialog import ImportDialog
from sew_desktop.ui.features.imports.plan_view import MAX_COLUMN_WIDTH
from sew_desktop.ui.features.imports.texts import format_date
from tests.services.imports.helpers import HEADER, SAMPLES, write_csv

TIMEOUT = 20_000
PER_MUNICIPALITY = SAMPLES / "beslissingen_per_gemeente_cp1252.csv"


@pytest.fixture
def repo(demo_path: Path) -> Iterator[Repository]:
    repository = open_repository(demo_path)
    yield repository
    repository.close()


@pytest.fixture
def dialog(qtbot: QtBot, repo: Repository, tmp_path: Path) -> ImportDialog:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    widget = ImportDialog(repo, QUndoStack(), settings=settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _open(qtbot: QtBot, dialog: ImportDialog, file: Path) -> None:
    dialog.set_file(file)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def test_layout_names_are_translated(qtbot: QtBot, dialog: ImportDialog) -> None:
    _open(qtbot, dialog, PER_MUNICIPALITY)
    assert "per municipality" in dialog.summary.text() and "cp1252 (100% sure)" in dialog.summary.text()
    translator = QTranslator()
    assert translator.load(str(i18n_tool.catalog_path("imports").with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        _open(qtbot, dialog, PER_MUNICIPALITY)
        assert "per gemeente" in dialog.summary.text() and "per-municipality" not in dialog.summary.text()
        _open(qtbot, dialog, SAMPLES / "beslissingen_per_samenwerkingsverband_utf8.csv")
        assert "per samenwerkingsverband" in dialog.summary.text()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_cells_have_tooltips_and_columns_follow_their_content(qtbot: QtBot, dialog: ImportDialog) -> None:
    _open(qtbot, dialog, PER_MUNICIPALITY)
    table = dialog.view.decisions
    members = table.item(0, 5)
    assert members is not None and members.toolTip() == members.text() and "," in members.text()
    header = table.horizontalHeader()
    assert not header.stretchLastSection()
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert max(widths) <= MAX_COLUMN_WIDTH
    assert widths[6] < widths[5]  # the empty "Changes" column no longer takes half the table


def test_the_mapping_panel_opens_without_a_missing_column(qtbot: QtBot, dialog: ImportDialog) -> None:
    _open(qtbot, dialog, PER_MUNICIPALITY)
    assert dialog.mapping.isHidden() and dialog.mapping_button.isEnabled()
    qtbot.mouseClick(dialog.mapping_button, Qt.MouseButton.LeftButton)
    assert dialog.mapping.isVisible()
    assert dialog.mapping.combos[Role.COLLABORATION].currentText() == "Samenwerkingsverband"
    assert dialog.mapping.combos[Role.MUNICIPALITY].currentText() == "Gemeente"
    dialog.mapping.choose(Role.AMOUNT, "")
    previous = dialog.plan
    qtbot.mouseClick(dialog.mapping.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan is not previous, timeout=TIMEOUT)
    assert dialog.plan is not None and Role.AMOUNT in dialog.plan.columns.roles
    qtbot.mouseClick(dialog.mapping_button, Qt.MouseButton.LeftButton)
    assert dialog.mapping.isVisible()
    qtbot.mouseClick(dialog.mapping_button, Qt.MouseButton.LeftButton)
    assert dialog.mapping.isHidden()


def test_another_file_clears_the_old_summary(qtbot: QtBot, dialog: ImportDialog, tmp_path: Path) -> None:
    _open(qtbot, dialog, PER_MUNICIPALITY)
    assert "cp1252" in dialog.summary.text()
    missing = tmp_path / "weg.csv"
    dialog.set_file(missing)
    assert dialog.summary.text() == "" and dialog.plan is None
    qtbot.waitUntil(lambda: "file not found" in dialog.status.text(), timeout=TIMEOUT)
    assert dialog.summary.text() == ""


def test_the_effect_tab_names_its_day_and_the_municipalities_gained_and_lost(
    qtbot: QtBot, dialog: ImportDialog
) -> None:
    _open(qtbot, dialog, PER_MUNICIPALITY)
    plan = dialog.plan
    assert plan is not None and plan.effect_day is not None
    assert format_date(plan.effect_day) in dialog.view.coverage_day.text()
    table = dialog.view.coverage
    rows = {_text(table, r, 0): tuple(_text(table, r, c) for c in (1, 2, 3)) for r in range(table.rowCount())}
    names = plan.municipality_names
    lost = [e for e in plan.coverage_effect if e.lost]
    assert lost  # the moves out of signed regiegebieden
    assert table.rowCount() == len(plan.coverage_effect) + 1  # the provinces, then Flanders
    for effect in plan.coverage_effect:
        gained_cell, lost_cell, which = rows[area_label(effect.area, effect.province_nis)]
        assert gained_cell == (f"+{len(effect.gained)}" if effect.gained else "0")
        assert lost_cell == (f"−{len(effect.lost)}" if effect.lost else "0")
        assert all(names[code] in which for code in (*effect.gained, *effect.lost))
    first = lost[0]
    first_names = ", ".join(names[code] for code in first.lost)
    assert rows[area_label(first.area, first.province_nis)][2].startswith(f"− {first_names}")
    total_lost = sum(len(e.lost) for e in plan.coverage_effect)
    assert rows[area_label(FLANDERS, None)][1] == f"−{total_lost}"


def test_an_unsure_encoding_is_asked(qtbot: QtBot, dialog: ImportDialog, tmp_path: Path) -> None:
    file = tmp_path / "twijfel.csv"
    file.write_bytes(b"Samenwerkingsverband;Gemeente;Beslissing\nREGIO CAF\xe8;Temse;goedgekeurd\n")
    dialog.set_file(file)
    qtbot.waitUntil(lambda: "cannot be told for sure" in dialog.status.text(), timeout=TIMEOUT)
    assert "cp1252" in dialog.status.text() and "mac_roman" in dialog.status.text()
    assert dialog.encoding_combo.findData("mac_roman") >= 0
    dialog.set_encoding("cp1252")
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=TIMEOUT)
    assert dialog.plan is not None and dialog.plan.decisions[0].decision.collaboration == "REGIO CAFè"


def test_the_preview_says_in_dutch_why_a_row_is_refused_and_that_a_totals_line_was_skipped(
        qtbot: QtBot, dialog: ImportDialog, tmp_path: Path) -> None:
    """Tongeren-Borgloon in a decision of 20/04/2023 (it exists from 2025) and a 'Totaal' line at the foot."""
    path = write_csv(tmp_path / "beslissingen.csv", [
        HEADER,
        ["Haspengouw Werkt", "Tongeren-Borgloon", "goedgekeurd", "50.000,00", "20/04/2023"],
        ["Haspengouw Werkt", "Riemst", "goedgekeurd", "50.000,00", "20/04/2023"],
        ["Totaal", "", "", "1.234.567,00", ""],
    ])
    translator = QTranslator()
    assert translator.load(str(i18n_tool.catalog_path("imports").with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        _open(qtbot, dialog, path)
        assert _text(dialog.view.errors, 0, 3) == (
            "Tongeren-Borgloon bestond nog niet op de beslissingsdatum 20/04/2023: de gemeente bestaat pas vanaf "
            "01/01/2025; op 20/04/2023 waren dat Borgloon, Tongeren: vermeld die in de plaats")
        warnings = [dialog.view.warnings.item(i).text() for i in range(dialog.view.warnings.count())]
        assert ("Regel 4: totaallijn overgeslagen (Totaal: 1.234.567,00); de bedragen van de beslissingen in het "
                "bestand tellen op tot € 50.000,00") in warnings
    finally:
        QCoreApplication.removeTranslator(translator)
