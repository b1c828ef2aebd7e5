"""The main window driven as a user would: edits, undo/redo, paste, filters, dates, files."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sew_desktop.app import create_main_window
from sew_desktop.domain.model import RegionKind
from sew_desktop.store import database
from sew_desktop.store.errors import WriteFailedError
from sew_desktop.ui.controllers.files import FileController
from sew_desktop.ui.core.new_row_forms import AgreementDraft, RegionDraft
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.core.window_session import WindowSession as Session
from sew_desktop.ui.shell.connections import report_write_failure
from sew_desktop.ui.shell.window import MainWindow
from sew_desktop.ui.tables.delegates import DateEditor
from tests.ui.conftest import ScriptedDialogs

PUBLISHED = [
    ["West-Vlaanderen", "46/64", "72 %", "57/64", "89 %", "3/5", "60 %", "4/5", "80 %"],
    ["Oost-Vlaanderen", "55/60", "92 %", "55/60", "92 %", "7/7", "100 %", "7/7", "100 %"],
    ["Antwerpen", "51/69", "74 %", "68/69", "99 %", "9/11", "82 %", "11/11", "100 %"],
    ["Vlaams-Brabant", "26/65", "40 %", "26/65", "40 %", "7/7", "100 %", "7/7", "100 %"],
    ["Limburg", "22/42", "52 %", "23/42", "55 %", "4/7", "57 %", "4/7", "57 %"],
    ["Vlaanderen", "200/300", "67 %", "229/300", "76 %", "30/37", "81 %", "33/37", "89 %"],
]


def session_of(window: MainWindow) -> Session:
    assert window.session is not None
    return window.session


T = TypeVar("T", bound=QObject)


def child(window: MainWindow, kind: type[T], name: str) -> T:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def shown(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [[str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def coverage_row(window: MainWindow, area: str) -> list[str]:
    return next(row for row in shown(child(window, QTableView, "coverageTable")) if row[0] == area)


def page(window: MainWindow, name: str) -> TablePage:
    view = window.findChild(QTableView, name)
    assert view is not None
    parent = view.parent()
    assert isinstance(parent, TablePage)
    return parent


def agreement_of_region(session: Session, name: str) -> int:
    region = next(r for r in session.repository.regions().values() if r.name == name)
    return next(k for k, a in session.repository.agreements().items() if a.partner.region_id == region.id)


def cell(page_: TablePage, key: object, column: str) -> QModelIndex:
    row = page_.model.row_of(key)  # type: ignore[arg-type]
    assert row is not None
    number = [c.name for c in page_.model.columns].index(column)
    return page_.proxy.mapFromSource(page_.model.index(row, number))


def stored_signed(path: Path, key: int) -> str | None:
    conn = sqlite3.connect(path)
    try:
        value = conn.execute("SELECT signed FROM agreement WHERE id = ?", [key]).fetchone()[0]
        assert value is None or isinstance(value, str)
        return value
    finally:
        conn.close()


def test_coverage_table_shows_the_published_figures(window: MainWindow) -> None:
    assert shown(child(window, QTableView, "coverageTable")) == PUBLISHED


def test_signing_raises_coverage_and_undo_redo_round_trip(window: MainWindow, qtbot: QtBot, demo_path: Path) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    index = cell(agreements, key, "signed")
    assert agreements.proxy.setData(index, QDate(2022, 10, 1), Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: coverage_row(window, "West-Vlaanderen")[1] == "57/64")
    assert coverage_row(window, "West-Vlaanderen")[5] == "4/5"
    assert coverage_row(window, "Vlaanderen")[1] == "211/300"
    assert stored_signed(demo_path, key) == "2022-10-01"
    assert index.data() == "01/10/2022"
    assert session.undo_stack.undoText() == "ondertekend op — Demo-regio West 4"
    assert child(window, QAction, "undoAction").text() == "Ongedaan maken: ondertekend op — Demo-regio West 4"
    redo = child(window, QAction, "redoAction")
    assert redo.text() == "Opnieuw" and not redo.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: coverage_row(window, "West-Vlaanderen")[1] == "46/64")
    assert stored_signed(demo_path, key) is None
    assert cell(agreements, key, "signed").data() == ""

    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: coverage_row(window, "West-Vlaanderen")[1] == "57/64")
    assert stored_signed(demo_path, key) == "2022-10-01"


def test_date_cells_accept_iso_strings_return_qdate_and_clear(window: MainWindow) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    index = cell(agreements, key, "expected_signing")
    assert agreements.proxy.setData(index, "2022-12-01", Qt.ItemDataRole.EditRole)
    assert index.data(Qt.ItemDataRole.EditRole) == QDate(2022, 12, 1)
    assert agreements.proxy.setData(index, "", Qt.ItemDataRole.EditRole)
    assert session.repository.agreements()[key].expected_signing is None


def open_editor(view: QTableView, index: QModelIndex, qtbot: QtBot) -> QWidget:
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert editor is not None
    return editor


def type_into_cell(view: QTableView, index: QModelIndex, text: str, qtbot: QtBot) -> QWidget:
    """Select the cell and type as a user does: the first key opens the editor, the rest goes into it."""
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, text[0])
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view
    if len(text) > 1:
        qtbot.keyClicks(editor, text[1:])
    return editor


def finish_editing(view: QTableView, editor: QWidget, key: Qt.Key, qtbot: QtBot) -> None:
    """Press ``key`` in the editor and wait until that editor is gone (Tab may open the next cell's)."""
    index = view.currentIndex()
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)


@pytest.mark.parametrize(("typed", "key"), [("15112022", Qt.Key.Key_Tab), ("15/11/2022", Qt.Key.Key_Return),
                                            ("15-11-2022", Qt.Key.Key_Tab), ("2022-11-15", Qt.Key.Key_Return)])
def test_a_date_typed_into_an_empty_cell_is_stored_as_typed(window: MainWindow, qtbot: QtBot, typed: str,
                                                             key: Qt.Key) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    agreement = agreement_of_region(session, "Demo-regio West 4")
    assert session.repository.agreements()[agreement].signed is None
    editor = type_into_cell(agreements.view, cell(agreements, agreement, "signed"), typed, qtbot)
    assert isinstance(editor, QLineEdit) and editor.text() == typed
    finish_editing(agreements.view, editor, key, qtbot)
    assert session.repository.agreements()[agreement].signed == date(2022, 11, 15)
    assert cell(agreements, agreement, "signed").data() == "15/11/2022"


def test_a_date_editor_on_an_empty_cell_writes_nothing_until_a_date_is_entered(window: MainWindow,
                                                                                qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    key = agreement_of_region(session, "Demo-regio West 1")
    steps = session.undo_stack.count()
    editor = open_editor(agreements.view, cell(agreements, key, "ended"), qtbot)
    assert isinstance(editor, QLineEdit) and editor.text() == ""
    finish_editing(agreements.view, editor, Qt.Key.Key_Return, qtbot)
    assert cell(agreements, key, "ended").data() == "" and session.undo_stack.count() == steps

    editor = open_editor(agreements.view, cell(agreements, key, "signed"), qtbot)
    assert isinstance(editor, QLineEdit) and editor.text() != ""
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    finish_editing(agreements.view, editor, Qt.Key.Key_Return, qtbot)
    assert cell(agreements, key, "signed").data() == "" and session.undo_stack.count() == steps + 1


def test_a_day_that_does_not_exist_keeps_the_editor_open_with_the_reason(window: MainWindow, qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    key = agreement_of_region(session, "Demo-regio West 4")
    steps = session.undo_stack.count()
    editor = type_into_cell(agreements.view, cell(agreements, key, "signed"), "31/02/2023", qtbot)
    note = agreements.view.findChild(QLabel, "refusalNote")
    assert note is not None and not note.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits after the editor has seen the key
    qtbot.waitUntil(note.isVisible)
    assert agreements.view.state() == QAbstractItemView.State.EditingState
    assert QApplication.focusWidget() is editor and editor.text() == "31/02/2023"  # type: ignore[attr-defined]
    assert editor.toolTip() == note.text() == "31/02/2023 bestaat niet."
    assert note.geometry().top() >= editor.geometry().bottom()  # beside the editor, not over it
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # Tab does not pass it either
    assert agreements.view.state() == QAbstractItemView.State.EditingState and note.isVisible()
    finish_editing(agreements.view, editor, Qt.Key.Key_Escape, qtbot)
    assert not note.isVisible()
    assert session.undo_stack.count() == steps and session.repository.agreements()[key].signed is None


def test_the_calendar_of_an_empty_date_opens_on_the_rows_latest_date(window: MainWindow, qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    key = agreement_of_region(session, "Demo-regio West 4")
    row = session.repository.agreements()[key]
    latest = max(d for d in (row.negotiation_started, row.expected_signing, row.signed, row.ended) if d)
    editor = open_editor(agreements.view, cell(agreements, key, "signed"), qtbot)
    assert isinstance(editor, DateEditor)
    calendar = editor.open_calendar()
    assert calendar.selectedDate() == QDate(latest.year, latest.month, latest.day) != QDate.currentDate()
    calendar.clicked.emit(QDate(2022, 11, 3))
    assert editor.text() == "03/11/2022"
    finish_editing(agreements.view, editor, Qt.Key.Key_Return, qtbot)
    assert session.repository.agreements()[key].signed == date(2022, 11, 3)


def test_invalid_date_order_is_refused_with_a_message(window: MainWindow, demo_path: Path) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    started = session.repository.agreements()[key].negotiation_started
    assert started is not None
    index = cell(agreements, key, "signed")
    assert not agreements.proxy.setData(index, "2020-01-01", Qt.ItemDataRole.EditRole)
    assert "ondertekening" in window.statusBar().currentMessage()
    assert "ondertekening" in str(index.data(Qt.ItemDataRole.ToolTipRole))
    assert stored_signed(demo_path, key) is None
    assert session.undo_stack.count() == 0


def test_paste_of_a_3x2_block_is_one_undo_step(window: MainWindow, qtbot: QtBot, demo_path: Path) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    agreements.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    first = cell(agreements, agreement_of_region(session, "Demo-regio West 4"), "vdab_contact")
    agreements.view.setCurrentIndex(first)
    QGuiApplication.clipboard().setText("An\tNota 1\nBert\tNota 2\nCis\tNota 3\n")
    assert agreements.paste()
    assert session.undo_stack.count() == 1
    rows = [first.row() + i for i in range(3)]
    contacts = [agreements.proxy.index(r, first.column()).data() for r in rows]
    notes = [agreements.proxy.index(r, first.column() + 1).data() for r in rows]
    assert contacts == ["An", "Bert", "Cis"] and notes == ["Nota 1", "Nota 2", "Nota 3"]
    session.undo_stack.undo()
    assert [agreements.proxy.index(r, first.column()).data() for r in rows] != ["An", "Bert", "Cis"]
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT count(*) FROM agreement WHERE vdab_contact IN ('An', 'Bert', 'Cis')").fetchone()[0] == 0
    conn.close()


def test_one_pasted_value_fills_every_selected_cell(window: MainWindow) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    first = cell(agreements, agreement_of_region(session, "Demo-regio West 1"), "vdab_contact")
    selection = QItemSelection(first, agreements.proxy.index(first.row() + 2, first.column()))
    agreements.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    QGuiApplication.clipboard().setText("Jan Peeters\n")
    assert agreements.paste()
    assert [agreements.proxy.index(first.row() + i, first.column()).data() for i in range(4)][:3] == [
        "Jan Peeters"] * 3
    assert agreements.proxy.index(first.row() + 3, first.column()).data() != "Jan Peeters"
    assert session.undo_stack.count() == 1


def test_paste_with_one_bad_cell_changes_nothing(window: MainWindow) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    agreements.view.setCurrentIndex(cell(agreements, key, "expected_signing"))
    QGuiApplication.clipboard().setText("2022-12-01\tnot a date\n")
    assert not agreements.paste()
    assert session.undo_stack.count() == 0
    assert session.repository.agreements()[key].expected_signing != date(2022, 12, 1)


def test_a_paste_into_the_regiegebied_column_is_refused_with_a_message(window: MainWindow) -> None:
    session = session_of(window)
    municipalities = page(window, "municipalitiesTable")
    municipalities.view.setCurrentIndex(cell(municipalities, "31005", "region"))
    QGuiApplication.clipboard().setText("Demo-regio West 2\n")
    assert not municipalities.paste()
    assert "één voor één" in window.statusBar().currentMessage()
    assert session.undo_stack.count() == 0


def test_filter_and_province_filter_narrow_the_rows(window: MainWindow, qtbot: QtBot) -> None:
    municipalities = page(window, "municipalitiesTable")
    assert municipalities.proxy.rowCount() == 300
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert municipalities.search.hasFocus()
    qtbot.keyClicks(municipalities.search, "sint")
    narrowed = municipalities.proxy.rowCount()
    assert 5 < narrowed < 30
    municipalities.province.setCurrentIndex(municipalities.province.findData("40000"))
    names = [municipalities.proxy.index(r, 1).data() for r in range(municipalities.proxy.rowCount())]
    assert 0 < len(names) < narrowed
    assert "Sint-Niklaas" in names and "Sint-Truiden" not in names
    municipalities.search.clear()
    assert municipalities.proxy.rowCount() == 60


def test_toolbar_buttons_have_icons_and_dutch_tooltips(window: MainWindow) -> None:
    toolbar = child(window, QToolBar, "mainToolbar")
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert [a.objectName() for a in actions] == ["openAction", "saveCopyAction", "undoAction", "redoAction",
                                                 "addRowAction", "deleteRowsAction", "importAction", "exportAction"]
    for item in actions:
        assert not item.icon().isNull(), item.objectName()
        assert item.toolTip() and "&" not in item.toolTip()
    tips = {a.objectName(): a.toolTip() for a in actions}
    assert tips["importAction"].startswith("Subsidiebeslissingen importeren")
    assert tips["exportAction"].startswith("Exporteren")
    assert not actions[2].isEnabled()  # nothing to undo yet: the faded icon is shown


def test_regiegebieden_and_agreements_have_add_and_delete_buttons_and_quit_has_a_shortcut(window: MainWindow) -> None:
    def buttons(name: str) -> list[str]:
        return [b.defaultAction().objectName() for b in page(window, name).findChildren(QToolButton)
                if b.defaultAction() is not None and b.defaultAction().objectName().endswith("Action")]

    assert buttons("regionsTable") == buttons("agreementsTable") == ["addRowAction", "deleteRowsAction"]
    assert buttons("municipalitiesTable") == []
    assert not child(window, QAction, "quitAction").shortcut().isEmpty()


def drawn_colour(item: QAction) -> QColor:
    image = item.icon().pixmap(24).toImage()
    return next(image.pixelColor(x, y) for y in range(24) for x in range(24) if image.pixelColor(x, y).alpha() > 200)


def test_toolbar_icons_follow_a_switch_to_a_dark_palette(window: MainWindow) -> None:
    open_action = child(window, QAction, "openAction")
    assert drawn_colour(open_action).lightness() < 100  # dark lines on the light default palette
    dark = QPalette(window.palette())
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6")):
        dark.setColor(role, QColor(colour))
    window.setPalette(dark)
    assert drawn_colour(open_action).lightness() > 180


def test_changing_the_as_of_date_switches_to_the_merged_municipalities(window: MainWindow, qtbot: QtBot) -> None:
    municipalities = page(window, "municipalitiesTable")
    as_of = child(window, QDateEdit, "asOfDate")
    assert as_of.date() == QDate(2022, 10, 17)
    as_of.setDate(QDate(2025, 6, 1))
    qtbot.waitUntil(lambda: municipalities.model.rowCount() == 285)  # recomputed once, in the next turn
    qtbot.waitUntil(lambda: coverage_row(window, "Vlaanderen")[1].endswith("/285"))
    assert child(window, QDateEdit, "horizonDate").date() == QDate(2025, 12, 31)
    names = {municipalities.model.index(r, 1).data() for r in range(municipalities.model.rowCount())}
    assert "Pajottegem" in names and "Gooik" not in names


def test_status_column_says_through_whom(window: MainWindow) -> None:
    municipalities = page(window, "municipalitiesTable")
    row = municipalities.model.row_of("31005")
    assert row is not None
    assert municipalities.model.index(row, 5).data() == "afgesloten — via Demo-regio West 1"


def test_signing_updates_the_status_of_just_the_municipalities_and_regiegebied_it_reaches(window: MainWindow,
                                                                                       qtbot: QtBot) -> None:
    session = session_of(window)
    municipalities, regions = page(window, "municipalitiesTable"), page(window, "regionsTable")
    region = next(r for r in session.repository.regions().values() if r.name == "Demo-regio West 4")
    members = sorted(m.municipality_nis for m in session.repository.memberships().values()
                     if m.region_id == region.id and m.validity.contains(date(2022, 10, 17)))
    touched: list[int] = []
    municipalities.model.dataChanged.connect(
        lambda first, last, *_: touched.extend(range(first.row(), last.row() + 1)))
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    assert agreements.proxy.setData(cell(agreements, key, "signed"), QDate(2022, 10, 1), Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: bool(touched))  # the live coverage recomputes once, in the next event-loop turn
    assert sorted(str(municipalities.model.key_at(row)) for row in touched) == members
    for nis in members:
        assert cell(municipalities, nis, "status").data() == "afgesloten — via Demo-regio West 4"
    assert cell(regions, region.id, "status").data() == "afgesloten"
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: cell(municipalities, members[0], "status").data() == "in onderhandeling")
    assert cell(regions, region.id, "status").data() == "in onderhandeling"


def test_moving_a_municipality_to_another_regiegebied_is_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    session = session_of(window)
    municipalities = page(window, "municipalitiesTable")
    target = next(r for r in session.repository.regions().values() if r.name == "Demo-regio West 5")
    row = municipalities.model.row_of("31005")
    assert row is not None
    assert municipalities.model.setData(municipalities.model.index(row, 4), target.id, Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: municipalities.model.index(row, 4).data() == "Demo-regio West 5")
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: municipalities.model.index(row, 4).data() == "Demo-regio West 1")
    memberships = [m for m in session.repository.memberships().values() if m.municipality_nis == "31005"]
    assert len(memberships) == 1 and memberships[0].validity.valid_to is None


def test_the_regiegebied_editor_offers_the_regiegebieden_of_the_municipalitys_province(window: MainWindow,
                                                                                     qtbot: QtBot) -> None:
    municipalities = page(window, "municipalitiesTable")
    editor = open_editor(municipalities.view, cell(municipalities, "31005", "region"), qtbot)
    assert isinstance(editor, QComboBox)
    names = [editor.itemText(i) for i in range(editor.count())]
    assert names[0] == "(geen regiegebied)" and "Demo-regio West 1" in names
    assert all("West" in name for name in names[1:]), names
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_add_and_delete_rows_with_undo(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    session = session_of(window)
    window.tabs.setCurrentIndex(2)
    agreements = page(window, "agreementsTable")
    before = agreements.model.rowCount()
    child(window, QAction, "addRowAction").trigger()  # the form is cancelled: nothing is added
    assert agreements.model.rowCount() == before and session.undo_stack.count() == 0
    west_5 = next(r for r in session.repository.regions().values() if r.name == "Demo-regio West 5")
    dialogs.agreement_answer = AgreementDraft(f"r:{west_5.id}", date(2022, 9, 1))
    child(window, QAction, "addRowAction").trigger()
    assert agreements.model.rowCount() == before + 1
    added = max(session.repository.agreements())
    assert session.repository.agreements()[added].partner.region_id == west_5.id
    assert session.repository.agreements()[added].negotiation_started == date(2022, 9, 1)
    agreements.view.selectRow(agreements.view.currentIndex().row())
    child(window, QAction, "deleteRowsAction").trigger()
    assert agreements.model.rowCount() == before
    session.undo_stack.undo()
    assert agreements.model.rowCount() == before + 1
    session.undo_stack.undo()
    assert agreements.model.rowCount() == before


def test_a_new_regiegebied_with_members_is_one_undo_step_and_keeps_the_published_figures(
        window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot) -> None:
    session = session_of(window)
    window.tabs.setCurrentIndex(1)
    regions = page(window, "regionsTable")
    regions.province.setCurrentIndex(regions.province.findData("40000"))
    child(window, QAction, "addRowAction").trigger()  # cancelled: nothing added, West-Vlaanderen untouched
    assert dialogs.asked[-1]["province"] == "40000" and session.undo_stack.count() == 0
    dialogs.region_answer = RegionDraft("Regio Nieuw", RegionKind.COLLABORATION, "30000", (), date(2022, 10, 1))
    child(window, QAction, "addRowAction").trigger()
    qtbot.waitUntil(lambda: session.live.refresh_count > 0 and coverage_row(window, "West-Vlaanderen")[5] == "3/5")
    assert coverage_row(window, "West-Vlaanderen")[5:7] == ["3/5", "60 %"]  # no members yet: not counted
    session.undo_stack.undo()
    dialogs.region_answer = RegionDraft("Regio Nieuw", RegionKind.COLLABORATION, "30000", ("31005", "31006"),
                                        date(2022, 10, 1))
    child(window, QAction, "addRowAction").trigger()
    new = next(r for r in session.repository.regions().values() if r.name == "Regio Nieuw")
    members = sorted(m.municipality_nis for m in session.repository.memberships().values()
                     if m.region_id == new.id)
    assert members == ["31005", "31006"]
    day = date(2022, 10, 17)
    for nis in members:  # they left their old regiegebied the day before
        current = [m for m in session.repository.memberships().values()
                   if m.municipality_nis == nis and m.validity.contains(day)]
        assert [m.region_id for m in current] == [new.id]
    qtbot.waitUntil(lambda: coverage_row(window, "West-Vlaanderen")[5] == "3/6")
    steps = session.undo_stack.count()
    session.undo_stack.undo()
    names = {r.name for r in session.repository.regions().values()}
    assert session.undo_stack.count() == steps and "Regio Nieuw" not in names
    qtbot.waitUntil(lambda: coverage_row(window, "West-Vlaanderen")[5] == "3/5")


def test_screenshot_is_not_blank(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "window.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() > 800 and image.height() > 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 19)}
    assert len(colours) > 20


def test_new_or_copy_onto_the_open_file_or_an_unwritable_place_is_refused(window: MainWindow, tmp_path: Path,
                                                                          dialogs: ScriptedDialogs) -> None:
    session = session_of(window)
    open_file = session.repository.path
    assert open_file is not None
    before = open_file.read_bytes()
    opened: list[Path] = []
    files = FileController(session.repository, dialogs, opened.append)
    dialogs.save_answer = open_file
    files.new()
    assert "open is" in dialogs.errors[-1][1]
    files.save_copy()
    assert "open is" in dialogs.errors[-1][1]
    assert open_file.read_bytes() == before and len(session.repository.agreements()) > 0
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialogs.save_answer = blocker / "new.sqlite"
    files.new()
    assert "kan niet geschreven worden" in dialogs.errors[-1][1]
    files.save_copy()
    assert "kan niet geschreven worden" in dialogs.errors[-1][1]
    dialogs.save_answer = tmp_path / "copy.sqlite"
    files.save_copy()
    assert (tmp_path / "copy.sqlite").stat().st_size > 0 and opened == []


def test_bad_files_give_a_clear_dialog_and_stay_untouched(window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    session = session_of(window)
    dialogs = ScriptedDialogs()
    source = (session.repository.path or Path()).read_bytes()
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_bytes(b"plain text, no database")
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(source)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('sew_desktop', 'x', 'y')")
    conn.commit()
    conn.close()
    foreign = tmp_path / "other-program.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    read_only = tmp_path / "read-only.sqlite"
    read_only.write_bytes(source)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != read_only and real_access(p, mode))
    locked = tmp_path / "locked.sqlite"
    locked.write_bytes(source)
    holder = sqlite3.connect(locked, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)

    def open_window(path: Path) -> None:
        create_main_window(path, dialogs=dialogs).close()

    files = FileController(session.repository, dialogs, open_window)
    cases = [(not_sqlite, "geen SQLite"), (foreign, "ander programma"), (newer, "nieuwere versie"),
             (tmp_path / "nope.sqlite", "bestaat niet"),
             (read_only, "alleen-lezen"), (locked, "vergrendeld")]
    try:
        for path, fragment in cases:
            before = path.read_bytes() if path.exists() else None
            assert not files.open_path(path)
            assert fragment in dialogs.errors[-1][1], path
            assert (path.read_bytes() if path.exists() else None) == before
    finally:
        holder.rollback()
        holder.close()


def test_an_edit_while_another_program_writes_is_refused_and_loses_nothing(
        window: MainWindow, dialogs: ScriptedDialogs, demo_path: Path) -> None:
    session = session_of(window)
    session.repository.database.execute("PRAGMA busy_timeout = 50")
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    holder = sqlite3.connect(demo_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert not agreements.proxy.setData(cell(agreements, key, "signed"), "2022-10-01", Qt.ItemDataRole.EditRole)
    finally:
        holder.rollback()
        holder.close()
    assert session.undo_stack.count() == 0
    assert "ander programma" in dialogs.errors[-1][1]
    assert "ander programma" in window.statusBar().currentMessage()
    assert stored_signed(demo_path, key) is None and session.repository.agreements()[key].signed is None
    assert cell(agreements, key, "signed").data() == ""
    assert agreements.proxy.setData(cell(agreements, key, "signed"), "2022-10-01", Qt.ItemDataRole.EditRole)
    assert stored_signed(demo_path, key) == "2022-10-01"


@pytest.mark.parametrize(("reason", "fragment"), [
    ("database or disk is full", "de schijf is vol"),
    ("attempt to write a readonly database", "alleen-lezen geworden"),
    ("disk I/O error", "kon niet geschreven worden (disk I/O error)"),
])
def test_a_failed_write_is_explained_in_dutch(window: MainWindow, dialogs: ScriptedDialogs, reason: str,
                                              fragment: str) -> None:
    report_write_failure(window.frame, dialogs, WriteFailedError(None, reason))
    assert fragment in dialogs.errors[-1][1] and fragment in window.statusBar().currentMessage()


def test_tables_are_not_sorted_on_open_and_a_header_click_sorts(window: MainWindow, qtbot: QtBot) -> None:
    municipalities = page(window, "municipalitiesTable")
    assert municipalities.proxy.sortColumn() == -1 and not municipalities.view.isSortingEnabled()
    header = municipalities.view.horizontalHeader()
    name_column = 1
    position = QPoint(header.sectionViewportPosition(name_column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert municipalities.proxy.sortColumn() == name_column
    names = [municipalities.proxy.index(r, name_column).data() for r in range(municipalities.proxy.rowCount())]
    assert names == sorted(names, key=str.lower)


def test_delete_clears_the_selected_cells_as_in_excel(window: MainWindow, qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    key = agreement_of_region(session, "Demo-regio West 1")
    rows = agreements.model.rowCount()
    contact, signed = cell(agreements, key, "vdab_contact"), cell(agreements, key, "signed")
    assert agreements.proxy.setData(contact, "An Peeters", Qt.ItemDataRole.EditRole)
    steps = session.undo_stack.count()
    selection = agreements.view.selectionModel()
    agreements.view.setCurrentIndex(contact)
    selection.select(signed, QItemSelectionModel.SelectionFlag.Select)
    agreements.view.setFocus()
    qtbot.keyClick(agreements.view, Qt.Key.Key_Delete)
    assert agreements.model.rowCount() == rows  # the row stays
    assert contact.data() == "" and signed.data() == ""
    assert session.undo_stack.count() == steps + 1 and session.undo_stack.undoText() == "2 cellen wissen"
    session.undo_stack.undo()
    assert contact.data() == "An Peeters" and signed.data() != ""


def test_ctrl_minus_deletes_rows_after_a_question_that_names_them(window: MainWindow, qtbot: QtBot,
                                                                  dialogs: ScriptedDialogs) -> None:
    session = session_of(window)
    regions = page(window, "regionsTable")
    window.tabs.setCurrentIndex(1)  # the Regiegebieden tab holds the table beside its members panel
    before = regions.model.rowCount()
    regions.view.setFocus()
    regions.view.selectAll()
    dialogs.confirm_answer = False
    qtbot.keyClick(regions.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    question = dialogs.questions[-1]
    assert question.startswith(f"{before} rijen verwijderen?")
    assert f"… en {before - 5} meer" in question and "lidmaatschap" in question and "overeenkomst" in question
    assert "||" not in question and regions.model.rowCount() == before
    regions.view.setCurrentIndex(regions.proxy.index(0, 0))
    regions.view.selectionModel().select(regions.proxy.index(0, 0),
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect)
    dialogs.confirm_answer = True
    qtbot.keyClick(regions.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.questions[-1].startswith("1 rij verwijderen?") and regions.model.rowCount() == before - 1
    session.undo_stack.undo()
    assert regions.model.rowCount() == before


def test_the_dock_dates_stay_between_2000_and_2100(window: MainWindow, qtbot: QtBot) -> None:
    as_of = child(window, QDateEdit, "asOfDate")
    assert (as_of.minimumDate(), as_of.maximumDate()) == (QDate(2000, 1, 1), QDate(2100, 12, 31))
    as_of.setFocus()
    as_of.setCurrentSection(QDateEdit.Section.YearSection)
    qtbot.keyClicks(as_of, "9202")  # a stray keystroke in the year
    assert 2000 <= as_of.date().year() <= 2100
    qtbot.waitUntil(lambda: 2000 <= session_of(window).live.as_of.year <= 2100)


@pytest.mark.parametrize("typed", ["17/10/2022", "17102022", "17-10-2022", "2022-10-17"])
def test_the_dock_dates_take_a_date_typed_the_excel_way(window: MainWindow, qtbot: QtBot, typed: str) -> None:
    """Click, Ctrl+A, type, Enter: the whole date, not the day of 07/10/2022 (the figures follow)."""
    session = session_of(window)
    as_of = child(window, QDateEdit, "asOfDate")
    as_of.setDate(QDate(2022, 10, 7))
    qtbot.mouseClick(as_of.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(as_of, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(as_of, typed)
    qtbot.keyClick(as_of, Qt.Key.Key_Return)
    assert as_of.date() == QDate(2022, 10, 17) and session.live.as_of == date(2022, 10, 17)
    assert as_of.text() == "17/10/2022"


def test_a_typed_day_that_does_not_exist_leaves_the_date(window: MainWindow, qtbot: QtBot) -> None:
    as_of = child(window, QDateEdit, "asOfDate")
    before, figures = as_of.date(), session_of(window).live.as_of
    qtbot.mouseClick(as_of.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(as_of, "31/02/2023")
    qtbot.keyClick(as_of, Qt.Key.Key_Return)
    assert as_of.date() == before and as_of.text() == before.toString("dd/MM/yyyy")
    assert session_of(window).live.as_of == figures


def test_save_a_copy_says_where_it_wrote(window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    target = tmp_path / "kopie.sqlite"
    dialogs.save_answer = target
    child(window, QAction, "saveCopyAction").trigger()
    assert target.exists()
    assert window.statusBar().currentMessage() == f"Een kopie is opgeslagen als {target}."
