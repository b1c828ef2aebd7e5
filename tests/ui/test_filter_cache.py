"""The filter keeps each row's folded texts between keystrokes, and forgets them when the model says a row
changed: an edit, a new row or another as-of date re-filters on what the cells show now (the pages alone: no
window is needed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TableParts
from tests.ui.test_main_window import agreement_of_region, cell


def test_an_edit_is_filtered_on_its_new_text(table_parts: TableParts, qtbot: QtBot) -> None:
    session = table_parts.session
    agreements = table_parts.page("agreementsTable")
    qtbot.keyClicks(agreements.search, "vdab:Zwartberg")
    assert agreements.proxy.rowCount() == 0
    key = agreement_of_region(session, "Demo-regio West 4")
    agreements.search.clear()
    assert agreements.proxy.setData(cell(agreements, key, "vdab_contact"), "An Zwartberg", Qt.ItemDataRole.EditRole)
    qtbot.keyClicks(agreements.search, "vdab:Zwartberg")
    assert agreements.proxy.rowCount() == 1  # the row was cached with its old contact before the edit
    session.undo_stack.undo()
    QApplication.processEvents()
    assert agreements.proxy.rowCount() == 0


def test_a_derived_cell_that_changes_with_the_dates_is_filtered_anew(table_parts: TableParts,
                                                                       qtbot: QtBot) -> None:
    session = table_parts.session
    agreements = table_parts.page("agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    qtbot.keyClicks(agreements.search, "status:afgesloten")
    before = agreements.proxy.rowCount()
    model = agreements.model
    row = model.row_of(key)
    assert row is not None  # filtered out of the view, edited in the model (as an import or a merge would)
    signed = model.index(row, [c.name for c in model.columns].index("signed"))
    assert model.setData(signed, QDate(2022, 11, 1), Qt.ItemDataRole.EditRole)
    session.live.set_dates(date(2022, 12, 1), date(2022, 12, 31))
    session.live.refresh()
    QApplication.processEvents()
    assert agreements.proxy.rowCount() == before + 1  # signed on 01/11/2022: afgesloten on 01/12/2022
