"""The lists as a user works them: filter syntax, empty result, row count, context menus on cells and headers
(real mouse clicks), Ctrl+Shift+C, export of the view and print preview."""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from sew_desktop.app import create_main_window
from sew_desktop.ui.core.shown_list import view_list
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.features.lists.cell_menu import CellMenu
from sew_desktop.ui.features.lists.feature import ListTools
from sew_desktop.ui.features.lists.header_menu import HeaderMenu
from sew_desktop.ui.output.print_preview import TablePreview, printed_list
from sew_desktop.ui.output.print_table import TablePrinter, prepare_printer
from sew_desktop.ui.shell.window import MainWindow
from tests.ui.conftest import ScriptedDialogs


def tools_of(window: QWidget) -> ListTools:
    assert isinstance(window, MainWindow)
    return window.features.lists


def menus_for(window: MainWindow, name: str) -> tuple[CellMenu, HeaderMenu]:
    tools = tools_of(window)
    number = [m.page.view.objectName() for m in tools.cell_menus].index(name)
    return tools.cell_menus[number], tools.header_menus[number]


def page_of(window: MainWindow, name: str, tab: int) -> TablePage:
    window.tabs.setCurrentIndex(tab)
    return menus_for(window, name)[0].page


def column_texts(page: TablePage, column: int) -> list[str]:
    proxy = page.proxy
    return [str(proxy.index(r, column).data()) for r in range(proxy.rowCount())]


def click_action(qtbot: QtBot, menu: QMenu, name: str) -> None:
    found = next(a for a in menu.actions() if a.objectName() == name)
    assert found.isEnabled(), name
    handle = menu.windowHandle()
    assert handle is not None
    qtbot.mouseClick(handle, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(found).center())


def right_click(qtbot: QtBot, widget: QWidget, position: QPoint) -> None:
    """A right click through the window system, as the mouse gives it: Qt turns it into a context menu event
    (a click sent straight to the widget would not)."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()  # an open menu would take the click to close itself
    top = widget.window()
    handle = top.windowHandle()
    assert handle is not None
    qtbot.mouseClick(handle, Qt.MouseButton.RightButton, pos=widget.mapTo(top, position))


def right_click_cell(qtbot: QtBot, page: TablePage, row: int, column: int) -> QMenu:
    rect = page.view.visualRect(page.proxy.index(row, column))
    page.view.scrollTo(page.proxy.index(row, column))
    cell_menu = next(m for m in tools_of(page.window()).cell_menus if m.page is page)
    before = cell_menu.menu
    right_click(qtbot, page.view.viewport(), rect.center())
    qtbot.waitUntil(lambda: cell_menu.menu is not before and cell_menu.menu is not None and cell_menu.menu.isVisible())
    assert cell_menu.menu is not None
    return cell_menu.menu


def right_click_header(qtbot: QtBot, page: TablePage, column: int) -> QMenu:
    header = page.view.horizontalHeader()
    position = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    header_menu = next(m for m in tools_of(page.window()).header_menus if m.page is page)
    before = header_menu.menu
    right_click(qtbot, header.viewport(), position)
    qtbot.waitUntil(lambda: header_menu.menu is not before and header_menu.menu is not None
                    and header_menu.menu.isVisible())
    assert header_menu.menu is not None
    return header_menu.menu


# -- filter syntax, row count, empty result ---------------------------------------------------------------


def test_typed_words_match_within_one_cell_and_the_count_follows(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    count = tools_of(window).row_count
    assert count.text() == "300 gemeenten"
    qtbot.keyClicks(page.search, "West 1")
    names = column_texts(page, 1)
    assert "Westerlo" not in names  # "West" in its name, "1" in its regiegebied: not one cell
    assert names and all(region == "Demo-regio West 1" for region in column_texts(page, 4))
    assert count.text() == f"300 gemeenten · {len(names)} getoond"


def test_column_terms_in_dutch_and_english(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    qtbot.keyClicks(page.search, "prov:limburg arrondissement:hasselt")
    assert set(column_texts(page, 2)) == {"Limburg"} and set(column_texts(page, 3)) == {"Hasselt"}
    shown = page.proxy.rowCount()
    page.search.clear()
    qtbot.keyClicks(page.search, "Province:Limburg Arrondissement:Hasselt")
    assert page.proxy.rowCount() == shown == 17
    page.search.clear()
    qtbot.keyClicks(page.search, "naam:aartselaar")
    assert tools_of(window).row_count.text() == "300 gemeenten · 1 getoond"


def test_an_empty_result_says_so_and_the_button_resets_the_filter(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    notice = next(n for n in tools_of(window).notices if n.page is page)
    assert not notice.isVisible()
    qtbot.keyClicks(page.search, "xyzzy")
    assert notice.isVisible() and notice.label.text() == "Geen rijen voldoen aan de filter"
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert page.search.text() == "" and page.proxy.rowCount() == 300 and not notice.isVisible()


def test_the_count_names_each_list(window: MainWindow) -> None:
    assert page_of(window, "regionsTable", 1) is not None
    assert tools_of(window).row_count.text() == "37 regiegebieden"
    page_of(window, "agreementsTable", 2)
    assert tools_of(window).row_count.text().endswith("overeenkomsten")


def test_arrondissement_shows_its_name(window: MainWindow) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    arrondissements = dict(zip(column_texts(page, 0), column_texts(page, 3), strict=True))
    assert arrondissements["11001"] == "Antwerpen" and arrondissements["31003"] == "Brugge"
    assert arrondissements["23002"] == "Halle-Vilvoorde"
    assert not any(name.isdigit() for name in arrondissements.values())


# -- cell menu ---------------------------------------------------------------------------------------------


def test_right_click_filters_on_the_value_under_the_mouse(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    menu = right_click_cell(qtbot, page, 0, 4)
    assert page.view.currentIndex().row() == 0 and page.view.currentIndex().column() == 4
    click_action(qtbot, menu, "filterOnValue")
    assert page.search.text() == 'Regiegebied:="Demo-regio Antwerpen 1"'
    assert set(column_texts(page, 4)) == {"Demo-regio Antwerpen 1"}
    menu = right_click_cell(qtbot, page, 0, 4)
    click_action(qtbot, menu, "resetFilter")
    assert page.proxy.rowCount() == 300


def test_cell_menu_holds_the_edit_actions_history_export_and_print(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    names = [a.objectName() for a in right_click_cell(qtbot, page, 2, 1).actions() if not a.isSeparator()]
    assert names[:4] == ["copyAction", "copyWithHeadersAction", "pasteAction", "clearCellsAction"]
    assert "addRowAction" not in names  # municipalities come from the reference data
    assert {"filterOnValue", "rowHistoryAction", "exportListAction", "printAction"} <= set(names)
    agreements = page_of(window, "agreementsTable", 2)
    names = [a.objectName() for a in right_click_cell(qtbot, agreements, 0, 0).actions()]
    assert {"addRowAction", "deleteRowsAction"} <= set(names)


def test_copy_with_headers_from_the_menu_and_with_ctrl_shift_c(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    menu = right_click_cell(qtbot, page, 0, 1)
    click_action(qtbot, menu, "copyWithHeadersAction")
    assert QGuiApplication.clipboard().text().splitlines() == ["Naam", "Aartselaar"]
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(1, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text().splitlines() == ["NIS-code\tNaam", "11002\tAntwerpen"]
    assert "<th>NIS-code</th>" in QGuiApplication.clipboard().mimeData().html()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines() == ["11002\tAntwerpen"]  # Ctrl+C: no headers
    QGuiApplication.clipboard().clear()


# -- header menu -------------------------------------------------------------------------------------------


def test_hidden_columns_are_remembered_and_reset(window: MainWindow, qtbot: QtBot, settings: QSettings,
                                                 demo_path: Path, dialogs: ScriptedDialogs) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    menu = right_click_header(qtbot, page, 3)
    click_action(qtbot, menu, "hideColumn")
    assert page.view.isColumnHidden(3)
    menu = right_click_header(qtbot, page, 1)
    click_action(qtbot, menu, "column_7")  # Notities off through its check item
    assert page.view.isColumnHidden(7)
    assert settings.contains("columns/municipalitiesTable")
    again = create_main_window(demo_path, settings=settings, dialogs=dialogs)  # a later start
    qtbot.addWidget(again)
    reopened = menus_for(again, "municipalitiesTable")[0].page
    assert reopened.view.isColumnHidden(3) and reopened.view.isColumnHidden(7)
    assert not reopened.view.isColumnHidden(1)
    menu = right_click_header(qtbot, page, 1)
    click_action(qtbot, menu, "resetColumns")
    assert not any(page.view.isColumnHidden(c) for c in range(8))
    assert not settings.contains("columns/municipalitiesTable")


def test_the_last_visible_column_cannot_be_hidden(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "regionsTable", 1)
    _, header_menu = menus_for(window, "regionsTable")
    for column in range(1, 8):
        header_menu.set_visible(column, False)
    menu = right_click_header(qtbot, page, 0)
    hide = next(a for a in menu.actions() if a.objectName() == "hideColumn")
    assert not hide.isEnabled()
    assert not next(a for a in menu.actions() if a.objectName() == "column_0").isEnabled()


def test_sort_from_the_header_menu(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    click_action(qtbot, right_click_header(qtbot, page, 1), "sortDescending")
    names = column_texts(page, 1)
    assert names == sorted(names, key=str.casefold, reverse=True)
    click_action(qtbot, right_click_header(qtbot, page, 1), "sortAscending")
    assert column_texts(page, 1)[0] == "Aalst"


# -- export and print of the view --------------------------------------------------------------------------


def test_export_writes_the_filtered_rows_and_visible_columns(window: MainWindow, qtbot: QtBot,
                                                            dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    page = page_of(window, "agreementsTable", 2)
    qtbot.keyClicks(page.search, "status:afgesloten")
    menus_for(window, "agreementsTable")[1].set_visible(7, False)  # Notities hidden
    dialogs.save_answer = tmp_path / "overeenkomsten.xlsx"
    menu = right_click_cell(qtbot, page, 0, 0)
    click_action(qtbot, menu, "exportListAction")
    sheet = load_workbook(dialogs.save_answer).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Partner", "Status", "Onderhandeling gestart", "Verwachte ondertekening", "Ondertekend op",
                       "Beëindigd op", "VDAB-contact")
    assert len(rows) - 1 == page.proxy.rowCount() == 34
    assert all(row[1] == "afgesloten" for row in rows[1:])
    assert all(isinstance(row[4], datetime) for row in rows[1:])  # dates as dates
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:G35"
    assert "34 rijen geëxporteerd" in window.statusBar().currentMessage()


def test_export_as_belgian_csv(window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs,
                               tmp_path: Path) -> None:
    page = page_of(window, "regionsTable", 1)
    qtbot.keyClicks(page.search, "west")
    dialogs.save_answer = tmp_path / "regio.csv"
    next(a for a in window.findChildren(QAction) if a.objectName() == "exportListAction").trigger()
    lines = dialogs.save_answer.read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("Naam;Soort;Provincie;Leden;Geldig vanaf")
    assert len([line for line in lines[1:] if line]) == page.proxy.rowCount() == 5
    assert ";01/01/2020;" in lines[1]


def test_print_preview_renders_the_list_on_landscape_pages(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = window.findChild(TablePreview)
    assert preview is not None and preview.isVisible()
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() > 1)
    assert preview.page_printer.pageLayout().orientation().name == "Landscape"
    image = widget.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert QColor("white").name() in colours and len(colours) > 3  # a page with text, not blank
    preview.close()
    assert page.proxy.rowCount() == 300


def test_printed_pages_repeat_the_header_and_number_the_pages(window: MainWindow, tmp_path: Path) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    printed = printed_list(view_list(page.view, page.model), "Gemeenten — stand op 17/10/2022", "demo.sqlite",
                           date(2022, 10, 17))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "list.pdf"))
    pages = TablePrinter(printed).paint(printer)
    reader = PdfReader(tmp_path / "list.pdf")
    assert len(reader.pages) == pages > 1
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert "NIS-code" in text and "Arrondissement" in text  # the header row on every page
        assert f"Pagina {number} van {pages}" in text
        assert "Afgedrukt op 17/10/2022 · demo.sqlite" in text
    assert math.isclose(sum(t.count("afgesloten") for t in texts),
                        sum("afgesloten" in s for s in column_texts(page, 5)), abs_tol=3)
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape


def test_print_report_is_the_published_coverage_table(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    tools = tools_of(window)
    preview = tools.controller.print_report()
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() == 1)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "report.pdf"))
    preview.table_printer.paint(printer)
    text = " ".join(PdfReader(tmp_path / "report.pdf").pages[0].extract_text().split())
    assert "Samenwerkingsovereenkomsten per provincie — stand op 17/10/2022, prognose 31/12/2022" in text
    assert "West-Vlaanderen 46/64 72 % 57/64 89 % 3/5 60 % 4/5 80 %" in text
    preview.close()


def test_file_menu_has_export_list_and_print(window: MainWindow) -> None:
    file_menu = next(m for m in window.menuBar().findChildren(QMenu)
                     if any(a.objectName() == "quitAction" for a in m.actions()))
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("exportAction") < names.index("exportListAction") < names.index("printAction")
    assert "printReportAction" in names


def test_the_export_reads_what_a_scrolled_sorted_view_shows(window: MainWindow, qtbot: QtBot) -> None:
    page = page_of(window, "municipalitiesTable", 0)
    click_action(qtbot, right_click_header(qtbot, page, 1), "sortDescending")
    listed = view_list(page.view, page.model)
    assert [row[1] for row in listed.rows[:2]] == column_texts(page, 1)[:2]
    assert listed.headers[0] == "NIS-code" and len(listed.rows) == 300


def test_file_export_offers_the_list_as_shown(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from sew_desktop.ui.features.export.dialog import ExportDialog

    page = page_of(window, "regionsTable", 1)
    qtbot.keyClicks(page.search, "provincie:limburg")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    items = [dialog.what.itemText(i) for i in range(dialog.what.count())]
    assert "Lijst zoals getoond: Regiegebieden (7 rijen)" in items
    dialog.select("list", "xlsx")
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == ["xlsx", "csv-excel", "csv"]
    dialog.file_edit.setText(str(tmp_path / "regio.xlsx"))
    assert dialog.export()
    rows = list(load_workbook(tmp_path / "regio.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 8 and {row[2] for row in rows[1:]} == {"Limburg"}
    dialog.reject()
    window.tabs.setCurrentIndex(3)  # open calls: no list to offer
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    other = [d for d in window.findChildren(ExportDialog) if d is not dialog and d.isVisible()]
    assert other and other[0].what.findData("list") == -1


def test_the_count_follows_a_delete_with_ctrl_minus(window: MainWindow, qtbot: QtBot,
                                                    dialogs: ScriptedDialogs) -> None:
    page = page_of(window, "agreementsTable", 2)
    count = tools_of(window).row_count
    before = page.model.rowCount()
    assert count.text() == f"{before} overeenkomsten"
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    dialogs.confirm_answer = True
    qtbot.keyClick(page.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == before - 1
    qtbot.waitUntil(lambda: count.text() == f"{before - 1} overeenkomsten", timeout=2000)
