"""A regiegebied's end date typed into the Regiegebieden table is refused while one of its agreements would lose
its partner: the editor stays open with the reason beside it, nothing is stored."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from sew_desktop.services.checks import check_database
from sew_desktop.ui.shell.window import MainWindow
from tests.ui.test_grid_keys import commit_and_wait
from tests.ui.test_main_window import cell, page, session_of, type_into_cell


def test_an_end_date_before_the_agreement_is_refused_in_the_editor(window: MainWindow, qtbot: QtBot) -> None:
    session = session_of(window)
    regions = page(window, "regionsTable")
    tabs = [window.tabs.widget(n) for n in range(window.tabs.count())]
    window.tabs.setCurrentIndex(next(n for n, tab in enumerate(tabs) if tab is not None and tab.isAncestorOf(regions)))
    view = regions.view
    assert view.isVisible()
    region = next(r for r in session.repository.regions().values() if r.name == "Demo-regio West 4")
    [agreement] = [a for a in session.repository.agreements().values() if a.partner.region_id == region.id]
    assert agreement.negotiation_started == date(2022, 8, 15)  # the demo's agreement, in negotiation since then
    steps = session.undo_stack.count()
    editor = type_into_cell(view, cell(regions, region.id, "valid_to"), "31/07/2022", qtbot)
    note = view.findChild(QLabel, "refusalNote")
    assert note is not None
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(note.isVisible)
    assert note.text() == ("Demo-regio West 4 bestaat dan niet meer op de datums van zijn overeenkomst "
                           "(onderhandelingen gestart op 15/08/2022). Pas eerst de overeenkomst aan of kies een "
                           "andere datum.")
    assert view.state() == QAbstractItemView.State.EditingState
    assert QApplication.focusWidget() is editor and isinstance(editor, QLineEdit) and editor.text() == "31/07/2022"
    assert session.repository.regions()[region.id].validity.valid_to is None and session.undo_stack.count() == steps

    editor.selectAll()
    qtbot.keyClicks(editor, "15/08/2022")  # the day negotiations started: the regiegebied still exists then
    commit_and_wait(view, editor, Qt.Key.Key_Return, qtbot)
    assert not note.isVisible()
    assert session.repository.regions()[region.id].validity.valid_to == date(2022, 8, 15)
    assert cell(regions, region.id, "valid_to").data() == "15/08/2022"
    assert session.undo_stack.count() == steps + 1
    assert check_database(session.repository).rules == []
