"""Charts, export and import as part of the main window: live figures, menus, clipboard, dropped files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QImage
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from sew_desktop.app import create_main_window
from sew_desktop.ui.charts.bar_chart import CoverageBarChart
from sew_desktop.ui.charts.plot import ChartBase
from sew_desktop.ui.charts.timeline_chart import TimelineChart
from sew_desktop.ui.coverage.charts import CoverageCharts, LazyCharts
from sew_desktop.ui.features.export.dialog import ExportDialog
from sew_desktop.ui.features.imports.dialog import ImportDialog
from sew_desktop.ui.shell.window import MainWindow
from tests.ui.conftest import ScriptedDialogs
from tests.ui.test_main_window import agreement_of_region, cell, child, coverage_row, page, session_of

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
WEST, FLANDERS = 0, 5


def charts_of(window: MainWindow, qtbot: QtBot) -> CoverageCharts:
    """The dock's charts, once the window has painted and built them."""
    lazy = window.findChild(LazyCharts)
    assert lazy is not None
    qtbot.waitUntil(lambda: lazy.charts is not None)
    assert lazy.charts is not None
    return lazy.charts


def test_charts_are_built_after_the_window_is_first_painted(qtbot: QtBot, demo_path: Path, settings: QSettings,
                                                            dialogs: ScriptedDialogs) -> None:
    main = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    lazy = main.findChild(LazyCharts)
    assert lazy is not None and lazy.charts is None and main.findChild(CoverageBarChart) is None
    session_of(main).live.set_dates(date(2022, 10, 17), date(2022, 12, 31))
    session_of(main).live.refresh()
    at_first_sight: list[list[str]] = []
    lazy.built.connect(lambda: at_first_sight.append(
        sorted(c.objectName() for c in main.findChildren(ChartBase))))
    with qtbot.waitSignal(lazy.built):
        main.show()
    assert at_first_sight == [["provinceChart"]]  # the chart on screen first; the others a turn later
    charts = charts_of(main, qtbot)
    assert child(main, CoverageBarChart, "provinceChart") is charts.provinces
    assert round(charts.provinces.heights(0)[WEST], 1) == 71.9  # the report computed before they existed


def test_charts_show_the_figures_and_rise_after_an_edit(window: MainWindow, qtbot: QtBot) -> None:
    charts_of(window, qtbot)
    provinces = child(window, CoverageBarChart, "provinceChart")
    regions = child(window, CoverageBarChart, "regionChart")
    timeline = child(window, TimelineChart, "timelineChart")
    assert round(provinces.heights(0)[WEST], 1) == 71.9 and round(provinces.heights(1)[WEST], 1) == 89.1
    assert provinces.bar_tooltip(0, WEST) == "West-Vlaanderen — Stand op 17/10/2022\n46/64 gemeenten — 71,9 %"
    tabs = child(window, QTabWidget, "chartTabs")
    tabs.setCurrentIndex(1)
    assert regions.heights(0)[WEST] == 60.0
    tabs.setCurrentIndex(2)
    assert len(timeline.dashed_items()) == 6
    tabs.setCurrentIndex(0)
    refreshes = session_of(window).live.refresh_count

    session = session_of(window)
    agreements = page(window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    assert agreements.proxy.setData(cell(agreements, key, "signed"), QDate(2022, 10, 1), Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: round(provinces.heights(0)[WEST], 1) == 89.1)
    assert provinces.bar_tooltip(0, FLANDERS).endswith("\n211/300 gemeenten — 70,3 %")
    assert session.live.refresh_count == refreshes + 1
    assert regions.heights(0)[WEST] == 60.0  # charts in hidden tabs catch up when shown
    tabs.setCurrentIndex(1)
    assert regions.heights(0)[WEST] == 80.0
    tabs.setCurrentIndex(2)
    assert round(float(timeline.actual[WEST].yData[-1]), 1) == 89.1


def test_a_paste_of_many_cells_redraws_the_charts_once(window: MainWindow, qtbot: QtBot) -> None:
    session = session_of(window)
    agreements = page(window, "agreementsTable")
    agreements.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    first = cell(agreements, agreement_of_region(session, "Demo-regio West 1"), "vdab_contact")
    agreements.view.setCurrentIndex(first)
    QGuiApplication.clipboard().setText("".join(f"Naam {n}\tNota {n}\n" for n in range(25)))
    before = session.live.refresh_count
    assert agreements.paste()
    qtbot.waitUntil(lambda: session.live.refresh_count > before)
    qtbot.wait(50)
    assert session.live.refresh_count == before + 1


def test_a_charts_export_asks_where_writes_it_for_a_word_page_and_says_where(
        window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    charts_of(window, qtbot)
    timeline = child(window, TimelineChart, "timelineChart")
    menu = timeline.findChild(QMenu, "timelineChartMenu")
    assert menu is not None
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Kopiëren als afbeelding", "Exporteren als PNG…", "Exporteren als SVG…", "Exporteren als PDF…"]
    dialogs.save_answer = tmp_path / "tijdlijn.png"
    next(a for a in menu.actions() if a.text() == "Exporteren als PNG…").trigger()
    assert dialogs.save_suggestions == ["dekking-in-de-tijd.png"]  # a save dialog, as the map's export asks
    assert window.findChild(ExportDialog) is None
    image = QImage(str(tmp_path / "tijdlijn.png"))
    assert (image.width(), image.height()) == (1920, 1200)  # 640 x 400 at scale 3: the Word-page size
    assert window.statusBar().currentMessage() == f"Opgeslagen als {tmp_path / 'tijdlijn.png'}."
    dialogs.save_answer = None  # cancelled: nothing written, nothing said
    window.statusBar().clearMessage()
    next(a for a in menu.actions() if a.text() == "Exporteren als SVG…").trigger()
    assert not list(tmp_path.glob("*.svg")) and window.statusBar().currentMessage() == ""


def test_the_export_dialog_proposes_a_file_in_the_folder_last_used(window: MainWindow, settings: QSettings,
                                                                   tmp_path: Path) -> None:
    settings.setValue("files/lastFolder", str(tmp_path))
    child(window, QAction, "exportAction").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    assert dialog.file_edit.text() == str(tmp_path / "dekkingsrapport.pdf")
    dialog.select("provinces", "svg")
    assert dialog.file_edit.text() == str(tmp_path / "gemeenten-per-provincie.svg")
    dialog.file_edit.setText(str(tmp_path / "eigen.svg"))
    dialog.select("regions", "png")
    assert dialog.file_edit.text() == str(tmp_path / "eigen.svg")  # the user's own name stays
    dialog.reject()


def test_a_chart_copies_as_an_image_for_a_word_page(window: MainWindow, qtbot: QtBot) -> None:
    charts_of(window, qtbot)
    provinces = child(window, CoverageBarChart, "provinceChart")
    menu = provinces.findChild(QMenu, "provincesChartMenu")
    assert menu is not None
    copy = next(a for a in menu.actions() if a.objectName() == "copyChartImage")
    QGuiApplication.clipboard().clear()
    copy.trigger()
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (1920, 1200)  # 640 x 400 at scale 3: the Word-page size
    assert window.statusBar().currentMessage() == "Grafiek gekopieerd naar het klembord"


def test_file_export_writes_the_report_for_the_dates_on_screen(window: MainWindow, qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    child(window, QAction, "exportAction").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    assert dialog.what.currentData() == "report"
    target = tmp_path / "nota.pdf"
    dialog.file_edit.setText(str(target))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[union-attr]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage() == f"Opgeslagen als {target}."  # says where, as the list export


def test_copy_coverage_table_puts_html_and_text_on_the_clipboard(window: MainWindow) -> None:
    child(window, QAction, "copyCoverageAction").trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert "46/64" in mime.html() and "<table" in mime.html()
    assert "West-Vlaanderen\t46/64" in mime.text()
    assert mime.text().startswith(
        "Samenwerkingsovereenkomsten per provincie — stand op 17/10/2022, prognose 31/12/2022\n")
    assert "klembord" in window.statusBar().currentMessage()
    QGuiApplication.clipboard().clear()


def test_dropped_csv_opens_the_import_and_its_import_updates_coverage_and_undoes(window: MainWindow,
                                                                                 qtbot: QtBot) -> None:
    session = session_of(window)
    session.live.set_dates(date(2023, 6, 1), date(2023, 12, 31))
    qtbot.waitUntil(lambda: session.live.report is not None and session.live.report.as_of.year == 2023)
    window.frame.files_dropped.emit([SAMPLES / "beslissingen_per_samenwerkingsverband_utf8.csv"])
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert dialog.import_button.isEnabled()
    steps = session.undo_stack.count()
    resets: list[str] = []
    for model in window.models.all():  # the import announces the keys it wrote: no table is reset
        model.modelReset.connect(lambda m=model: resets.append(type(m).__name__))
    regions_before = window.models.regions.rowCount()
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert session.undo_stack.count() == steps + 1
    assert resets == [] and window.models.regions.rowCount() >= regions_before
    window.tabs.setCurrentWidget(window.features.imports.page)  # its lists are built when first shown
    qtbot.waitUntil(lambda: window.findChild(QTableView, "importLogTable") is not None)
    log = window.findChild(QTableView, "importLogTable")
    assert log is not None
    qtbot.waitUntil(lambda: log.model().rowCount() == 1)
    assert "beslissingen_per_samenwerkingsverband_utf8.csv" in str(log.model().index(0, 1).data())
    session.undo_stack.undo()  # the import log keeps the undone import, marked
    qtbot.waitUntil(lambda: "ongedaan gemaakt op" in str(log.model().index(0, 4).data()))
    assert log.model().rowCount() == 1


def test_a_dropped_database_is_opened_or_refused_clearly(qtbot: QtBot, demo_path: Path, settings: QSettings,
                                                          dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    opened: list[MainWindow] = []

    def open_window(path: Path) -> None:
        opened.append(create_main_window(path, settings=settings, dialogs=dialogs))
        qtbot.addWidget(opened[-1])

    window = create_main_window(demo_path, settings=settings, open_window=open_window, dialogs=dialogs)
    qtbot.addWidget(window)
    not_sqlite = tmp_path / "other.sqlite"
    not_sqlite.write_bytes(b"not a database")
    window.frame.files_dropped.emit([not_sqlite])
    assert "geen SQLite" in dialogs.errors[-1][1] and not opened
    window.frame.files_dropped.emit([demo_path])
    assert len(opened) == 1 and opened[0].windowTitle().startswith(demo_path.name)


def test_imports_tab_and_chart_tabs_are_in_dutch(window: MainWindow) -> None:
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Gemeenten", "Regiegebieden", "Overeenkomsten", "Oproepen en imports"]
    charts = child(window, QTabWidget, "chartTabs")
    assert [charts.tabText(i) for i in range(charts.count())] == ["Gemeenten", "Regiegebieden", "Doorheen de tijd",
                                                                      "Kaart"]
    assert coverage_row(window, "Vlaanderen")[1] == "200/300"
