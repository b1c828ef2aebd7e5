"""Cells that explain themselves: the derived status says where it comes from and changes by a double-click;
merged municipalities show their regiegebied through their former municipalities; cut texts show in full."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from sew_desktop.domain.coverage.map_status import MapStatus, has_pending_agreement
from sew_desktop.domain.model import AgreementStatus
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.shell.languages import apply_language
from sew_desktop.ui.shell.window import MainWindow
from sew_desktop.ui.statusmap.texts import summary
from tests.ui.conftest import ScriptedDialogs, TableParts
from tests.ui.test_main_window import agreement_of_region, cell, page, session_of


def double_click(page_: TablePage, key: object, column: str, qtbot: QtBot) -> None:
    index = cell(page_, key, column)
    page_.view.scrollTo(index)
    where = page_.view.visualRect(index).center()
    qtbot.mouseClick(page_.view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click's first press
    qtbot.mouseDClick(page_.view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def open_menu(window: MainWindow) -> QMenu:
    menus = [m for m in window.findChildren(QMenu, "statusStepsMenu") if m.isVisible()]
    assert len(menus) == 1
    return menus[0]


def test_the_status_tooltip_says_it_follows_from_the_dates(table_parts: TableParts) -> None:
    session = table_parts.session
    agreements = table_parts.page("agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    tip = str(cell(agreements, key, "status").data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith("De status op 17/10/2022 volgt uit de datums:")
    assert "Ondertekend op: —" in tip and "Dubbelklik" in tip


def test_a_double_click_on_the_status_signs_on_the_chosen_day(window: MainWindow, dialogs: ScriptedDialogs,
                                                              qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    key = agreement_of_region(session, "Demo-regio West 4")
    assert session.repository.agreements()[key].signed is None
    double_click(agreements, key, "status", qtbot)
    menu = open_menu(window)
    assert [a.text() for a in menu.actions()] == ["Ondertekenen op…"]  # negotiations already started
    dialogs.date_answer = date(2022, 11, 15)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert session.repository.agreements()[key].signed == date(2022, 11, 15)
    question, proposed = dialogs.date_questions[-1]
    assert "ondertekend" in question and proposed >= date(2022, 10, 17)
    assert cell(agreements, key, "status").data() == "in onderhandeling"  # signed after the as-of date
    session.undo_stack.undo()
    assert session.repository.agreements()[key].signed is None


def test_a_signed_agreement_offers_to_end_and_an_ended_one_to_remove_the_end(window: MainWindow,
                                                                               dialogs: ScriptedDialogs,
                                                                               qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    key = agreement_of_region(session, "Demo-regio West 1")
    double_click(agreements, key, "status", qtbot)
    menu = open_menu(window)
    assert [a.text() for a in menu.actions()] == ["Beëindigen op…"]
    dialogs.date_answer = date(2022, 10, 1)
    menu.actions()[0].trigger()
    assert session.repository.agreements()[key].ended == date(2022, 10, 1)
    assert cell(agreements, key, "status").data() == "beëindigd"
    menu.close()
    double_click(agreements, key, "status", qtbot)
    menu = open_menu(window)
    assert [a.text() for a in menu.actions()] == ["Einddatum verwijderen"]
    menu.actions()[0].trigger()
    assert session.repository.agreements()[key].ended is None


def test_a_double_click_elsewhere_opens_the_editor_not_the_menu(window: MainWindow, qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    window.tabs.setCurrentWidget(agreements)
    double_click(agreements, agreement_of_region(session, "Demo-regio West 4"), "notes", qtbot)
    menu = window.findChild(QMenu, "statusStepsMenu")
    assert menu is None or not menu.isVisible()


def test_a_merged_municipality_shows_its_regiegebied_through_its_former_municipalities(
        table_parts: TableParts) -> None:
    session = table_parts.session
    session.live.set_dates(date(2025, 6, 1), date(2025, 12, 31))
    QApplication.processEvents()
    municipalities = table_parts.page("municipalitiesTable")
    assert municipalities.proxy.rowCount() == 285
    merged = [m for m in session.repository.municipalities().values()
              if m.validity.valid_from == date(2025, 1, 1) and session.live.day.inherited_regions(m.nis_code)]
    assert merged
    texts = {m.nis_code: str(cell(municipalities, m.nis_code, "region").data()) for m in merged}
    assert all(" (via " in text for text in texts.values()), texts
    lochristi = next(m for m in session.repository.municipalities().values() if m.name_nl == "Lochristi")
    assert lochristi.successor_nis in texts and "(via Lochristi)" in texts[lochristi.successor_nis]


def test_a_text_cut_off_by_its_column_shows_in_full_as_tooltip(window: MainWindow, qtbot: QtBot) -> None:
    municipalities = page(window, "municipalitiesTable")
    view = municipalities.view
    status = [c.name for c in municipalities.model.columns].index("status")
    row = next(r for r in range(view.model().rowCount()) if "via" in str(view.model().index(r, status).data()))
    index = view.model().index(row, status)
    view.setColumnWidth(status, 60)
    view.scrollTo(index)
    rect = view.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible() and QToolTip.text() == index.data()
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    view.setColumnWidth(status, 2000)
    rect = view.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(view.viewport(), event)
    assert not QToolTip.isVisible()


def test_op_te_starten_only_where_an_agreement_is_still_to_start(table_parts: TableParts) -> None:
    """One word, one meaning: a municipality without any agreement says "geen SO", as the map's legend does."""
    session, municipalities = table_parts.session, table_parts.page("municipalitiesTable")
    day = session.live.day
    to_start = [code for code in day.valid_codes() if day.coverage(code).status is AgreementStatus.TO_START]
    pending = [code for code in to_start if has_pending_agreement(code, day)]
    without = [code for code in to_start if code not in pending]
    assert pending and without
    assert {str(cell(municipalities, code, "status").data()) for code in pending} == {"op te starten"}
    assert {str(cell(municipalities, code, "status").data()) for code in without} == {"geen SO"}


def test_the_map_summary_uses_the_legend_words() -> None:
    apply_language(Language.DUTCH)
    counts = {MapStatus.SIGNED_ITSELF: 150, MapStatus.SIGNED_VIA_REGION: 50, MapStatus.NEGOTIATING: 29,
              MapStatus.TO_START: 16, MapStatus.NONE: 55}
    assert summary(counts, Language.DUTCH).endswith("op te starten 16 · geen SO 55")
