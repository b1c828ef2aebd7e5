"""Keys as in a spreadsheet: Tab/Shift+Tab and Enter/Shift+Enter move, in and out of an editor; F6 and Ctrl+Tab
move between panes; a refused value stays in its editor with the reason beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sew_desktop.ui.shell.window import MainWindow
from sew_desktop.ui.tables.members_panel import MembersPanel
from tests.ui.conftest import ScriptedDialogs
from tests.ui.test_main_window import agreement_of_region, cell, page, session_of, type_into_cell

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused_name() -> str:
    widget = QApplication.focusWidget()
    assert widget is not None
    owner = widget.parentWidget() if widget.objectName() == "qt_spinbox_lineedit" else widget
    assert owner is not None
    return owner.objectName()


def test_tab_and_enter_move_between_cells_without_editing(window: MainWindow, qtbot: QtBot) -> None:
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    view = agreements.view
    view.setCurrentIndex(view.model().index(3, 2))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (3, 3)
    qtbot.keyClick(view, Qt.Key.Key_Backtab, SHIFT)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (3, 2)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (4, 2)
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert view.currentIndex().row() == 5
    qtbot.keyClick(view, Qt.Key.Key_Return, SHIFT)
    assert view.currentIndex().row() == 4
    assert view.state() != QAbstractItemView.State.EditingState and view.hasFocus()
    last = view.model().columnCount() - 1
    view.setCurrentIndex(view.model().index(4, last))
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the end of a row goes on at the start of the next, as in Excel
    assert (view.currentIndex().row(), view.currentIndex().column()) == (5, 0)
    qtbot.keyClick(view, Qt.Key.Key_Backtab, SHIFT)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (4, last)


def test_tab_skips_hidden_columns(window: MainWindow, qtbot: QtBot) -> None:
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    view = agreements.view
    view.setColumnHidden(3, True)
    view.setCurrentIndex(view.model().index(0, 2))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == 4


def commit_and_wait(view: QAbstractItemView, editor: QWidget, key: Qt.Key, qtbot: QtBot,
                    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(editor, key, modifier)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_enter_after_typing_stores_and_moves_down_shift_enter_up_tab_right(window: MainWindow,
                                                                          qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    view = agreements.view
    start = cell(agreements, agreement_of_region(session, "Demo-regio West 1"), "vdab_contact")

    editor = type_into_cell(view, start, "Jan Peeters", qtbot)
    commit_and_wait(view, editor, Qt.Key.Key_Return, qtbot)
    assert start.data() == "Jan Peeters"
    assert (view.currentIndex().row(), view.currentIndex().column()) == (start.row() + 1, start.column())

    editor = type_into_cell(view, view.currentIndex(), "An", qtbot)
    commit_and_wait(view, editor, Qt.Key.Key_Return, qtbot, SHIFT)
    assert view.model().index(start.row() + 1, start.column()).data() == "An"
    assert view.currentIndex().row() == start.row()

    editor = type_into_cell(view, view.currentIndex(), "Bert", qtbot)
    commit_and_wait(view, editor, Qt.Key.Key_Tab, qtbot)
    assert start.data() == "Bert"
    assert (view.currentIndex().row(), view.currentIndex().column()) == (start.row(), start.column() + 1)
    assert view.state() != QAbstractItemView.State.EditingState  # the next cell is not opened, as in Excel

    editor = type_into_cell(view, view.currentIndex(), "Nota", qtbot)
    commit_and_wait(view, editor, Qt.Key.Key_Backtab, qtbot, SHIFT)
    assert view.currentIndex().column() == start.column()
    assert session.undo_stack.count() == 4


def test_a_date_order_the_model_refuses_stays_in_the_editor_until_corrected(window: MainWindow,
                                                                            qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    view = agreements.view
    key = agreement_of_region(session, "Demo-regio West 4")
    editor = type_into_cell(view, cell(agreements, key, "signed"), "01/01/2020", qtbot)
    note = view.findChild(QLabel, "refusalNote")
    assert note is not None
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(note.isVisible)
    assert "ondertekening" in note.text()
    assert view.state() == QAbstractItemView.State.EditingState
    assert isinstance(editor, QLineEdit) and editor.text() == "01/01/2020"
    editor.selectAll()
    qtbot.keyClicks(editor, "15/11/2022")
    commit_and_wait(view, editor, Qt.Key.Key_Return, qtbot)
    assert not note.isVisible()
    assert session.repository.agreements()[key].signed == date(2022, 11, 15)
    assert session.undo_stack.count() == 1


def test_f6_and_ctrl_tab_move_between_the_table_and_the_coverage_dock(window: MainWindow, qtbot: QtBot) -> None:
    municipalities = page(window, "municipalitiesTable")
    municipalities.view.setFocus()
    assert focused_name() == "municipalitiesTable"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert focused_name() == "asOfDate"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert focused_name() == "municipalitiesTable"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CTRL)
    assert focused_name() == "asOfDate"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert focused_name() == "municipalitiesTable"
    assert window.tabs.currentIndex() == 0  # Ctrl+Tab moved the focus, not the tab


def test_the_regiegebieden_tab_has_the_members_as_a_pane_of_its_own(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(1)
    regions = page(window, "regionsTable")
    regions.view.setCurrentIndex(regions.view.model().index(0, 0))
    regions.view.setFocus()
    visited = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(focused_name())
    assert visited == ["membersTable", "asOfDate", "regionsTable"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, SHIFT)
    assert focused_name() == "asOfDate"


def test_tab_goes_from_the_filter_to_the_province_to_the_table(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert focused_name() == "searchField"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused_name() == "provinceFilter"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert focused_name() == "municipalitiesTable"


def test_a_member_overlap_names_the_regiegebied_and_its_dates(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    session = session_of(window)
    panel = window.findChild(MembersPanel)
    assert panel is not None
    west = next(r.id for r in session.repository.regions().values() if r.name == "Demo-regio West 1")
    panel.show_region(west)
    panel.new_member.setText("Aartselaar")  # a member of Demo-regio Antwerpen 1
    panel.add_member()
    message = window.statusBar().currentMessage()
    assert "Demo-regio Antwerpen 1" in message and "Aartselaar" in message
    assert session.undo_stack.count() == 0


def test_the_members_panel_asks_the_start_date_like_the_regiegebied_column(window: MainWindow,
                                                                           dialogs: ScriptedDialogs,
                                                                           qtbot: QtBot) -> None:
    session = session_of(window)
    panel = window.findChild(MembersPanel)
    assert panel is not None
    west = next(r.id for r in session.repository.regions().values() if r.name == "Demo-regio West 1")
    panel.show_region(west)
    free = next(m for m in session.repository.municipalities().values()
                if m.province_nis == "30000" and m.validity.contains(date(2022, 10, 17))
                and not any(s.municipality_nis == m.nis_code for s in session.repository.memberships().values()))
    dialogs.date_answer = date(2023, 1, 1)
    qtbot.keyClicks(panel.new_member, free.name_nl)
    qtbot.keyClick(panel.new_member, Qt.Key.Key_Return)
    added = [s for s in session.repository.memberships().values() if s.municipality_nis == free.nis_code]
    assert [(s.region_id, s.validity.valid_from) for s in added] == [(west, date(2023, 1, 1))]
    assert session.undo_stack.count() == 1


def test_a_refused_paste_stays_in_the_status_bar_until_the_next_stored_change(window: MainWindow,
                                                                               qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    agreements.view.setCurrentIndex(cell(agreements, key, "signed"))
    QGuiApplication.clipboard().setText("31/02/2023\n")
    assert not agreements.paste()
    message = window.statusBar().currentMessage()
    assert message.startswith("⚠ ") and "bestaat niet" in message
    qtbot.wait(50)
    assert window.statusBar().currentMessage() == message  # no timeout: it waits for the user
    QGuiApplication.clipboard().setText("Jan\n")
    agreements.view.setCurrentIndex(cell(agreements, key, "vdab_contact"))
    assert agreements.paste()
    assert window.statusBar().currentMessage() == ""


def test_tab_leaves_a_table_that_a_filter_left_empty(window: MainWindow, qtbot: QtBot) -> None:
    municipalities = page(window, "municipalitiesTable")
    qtbot.keyClicks(municipalities.search, "geen-enkele-gemeente")
    assert municipalities.proxy.rowCount() == 0
    municipalities.view.setFocus()
    qtbot.keyClick(municipalities.view, Qt.Key.Key_Tab)
    assert focused_name() != "municipalitiesTable"


def test_the_member_field_has_a_line_of_its_own(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(1)
    panel = window.findChild(MembersPanel)
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    QApplication.processEvents()
    fits = panel.new_member.fontMetrics().horizontalAdvance(panel.new_member.placeholderText())
    assert panel.new_member.width() >= min(fits, panel.width() - 20)


def test_a_member_start_before_its_municipality_existed_is_refused_with_its_dates(window: MainWindow) -> None:
    """The members panel goes through the store's rule: a start before the municipality exists (its code from
    01/01/2019) is refused, and the message says from when it exists."""
    session = session_of(window)
    panel = window.findChild(MembersPanel)
    assert panel is not None
    west = next(r.id for r in session.repository.regions().values() if r.name == "Demo-regio West 1")
    panel.show_region(west)
    model = panel.model
    index = model.index(0, [c.name for c in model.columns].index("valid_from"))
    name = str(model.index(0, 0).data())
    assert not model.setData(index, "01/01/2018", Qt.ItemDataRole.EditRole)
    assert model.last_refusal == (f"{name} bestaat pas vanaf 01/01/2019: een lidmaatschap ervan kan niet op "
                                  "01/01/2018 beginnen.")
    assert session.undo_stack.count() == 0
