"""The status map in the window: colours and legend on the as-of date, tooltip, click-to-select, selection
highlight, recolouring after an edit and its undo, loading from the empty state, exports, the larger window."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton, QToolTip
from pytestqt.qtbot import QtBot

from sew_desktop.app import create_main_window
from sew_desktop.domain.boundaries import Period
from sew_desktop.domain.coverage.map_status import MapStatus
from sew_desktop.services.boundaries.service import load_boundaries
from sew_desktop.services.databases import open_repository
from sew_desktop.store import boundaries as store
from sew_desktop.ui.coverage.dock import CoverageDock
from sew_desktop.ui.features.map.controller import StatusMapController
from sew_desktop.ui.features.map.feature import StatusMapTab
from sew_desktop.ui.shell.window import MainWindow
from sew_desktop.ui.statusmap.palette import MapColours
from sew_desktop.ui.statusmap.widget import StatusMapWidget
from tests.services.boundaries.files import boundary_file, reference_codes, squares
from tests.ui.conftest import ScriptedDialogs
from tests.ui.startup_probe import imported_before_and_after
from tests.ui.test_main_window import agreement_of_region, cell, page


def squares_file(folder: Path, period: Period = Period.FROM_2019, fmt: str = "geojson") -> Path:
    return boundary_file(folder, fmt, squares(reference_codes(period)), name=f"squares_{period.value}")


@pytest.fixture
def mapped_window(qtbot: QtBot, demo_path: Path, settings: QSettings, dialogs: ScriptedDialogs,
                  tmp_path: Path) -> Iterator[MainWindow]:
    """The demo window with synthetic boundaries loaded, on 17/10/2022."""
    repository = open_repository(demo_path)
    load_boundaries(repository, squares_file(tmp_path))
    repository.close()
    main = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    assert main.session is not None
    main.session.live.set_dates(date(2022, 10, 17), date(2022, 12, 31))
    main.session.live.refresh()
    main.show()
    qtbot.waitExposed(main)
    yield main


def dock_of(window: MainWindow) -> CoverageDock:
    dock = window.findChild(CoverageDock)
    assert dock is not None
    return dock


def tab_of(window: MainWindow) -> StatusMapTab:
    tab = window.findChild(StatusMapTab)
    assert isinstance(tab, StatusMapTab)
    return tab


def show_map(window: MainWindow, qtbot: QtBot) -> tuple[StatusMapController, StatusMapWidget]:
    tab = tab_of(window)
    assert window.session is not None
    dock_of(window).charts.setCurrentWidget(tab.slot)
    qtbot.waitUntil(lambda: tab.controller is not None and bool(tab.controller.widgets))
    assert tab.controller is not None
    widget = tab.controller.widgets[0]
    qtbot.waitUntil(widget.day_is_set)
    qtbot.wait(50)  # the dock's layout settles (the legend's height refits the map)
    return tab.controller, widget


def centre_of(widget: StatusMapWidget, code: str) -> QPoint:
    return widget.view.mapFromScene(widget.scene.items_by_code[code].boundingRect().center())


def fill_of(widget: StatusMapWidget, code: str) -> str:
    return widget.scene.items_by_code[code].brush().color().name()


def test_the_map_tab_shows_300_municipalities_with_the_coverage_tables_counts(mapped_window: MainWindow,
                                                                               qtbot: QtBot) -> None:
    controller, widget = show_map(mapped_window, qtbot)
    assert tab_of(mapped_window).slot.objectName() == "statusMap"
    assert len(widget.scene.items_by_code) == 300 and len(controller.statuses) == 300
    assert sum(s.signed for s in controller.statuses.values()) == 200  # the coverage table: 200/300
    assert controller.expected == 229  # the forecast column: 229/300
    content = widget.legend.content
    assert content is not None
    assert content.summary.startswith("afgesloten 200 · in onderhandeling ")
    assert "17/10/2022" in content.date_line and "229 van 300" in content.date_line
    assert sum(count for _, _, count in content.entries) == 300
    assert "Grenzen: " in widget.credit.text()


def test_a_date_in_2025_shows_the_285_municipalities(mapped_window: MainWindow, qtbot: QtBot) -> None:
    controller, widget = show_map(mapped_window, qtbot)
    assert mapped_window.session is not None
    mapped_window.session.live.set_dates(date(2025, 6, 1))
    qtbot.waitUntil(lambda: len(widget.scene.items_by_code) == 285)
    assert len(controller.statuses) == 285


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen only
def test_hover_shows_name_status_regiegebied_and_province(mapped_window: MainWindow, qtbot: QtBot) -> None:
    _, widget = show_map(mapped_window, qtbot)
    position = centre_of(widget, "11001")
    qtbot.mouseMove(widget.view.viewport(), position)
    event = QHelpEvent(QEvent.Type.ToolTip, position, widget.view.viewport().mapToGlobal(position))
    QApplication.sendEvent(widget.view.viewport(), event)
    text = QToolTip.text()
    assert "Aartselaar" in text and "Status: afgesloten via regiegebied" in text
    assert "Via: Demo-regio Antwerpen 1" in text and "Provincie: Antwerpen" in text


def test_a_click_selects_the_municipality_in_the_table_and_highlights_it(mapped_window: MainWindow,
                                                                         qtbot: QtBot) -> None:
    _, widget = show_map(mapped_window, qtbot)
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(widget, "11002"))
    table = page(mapped_window, "municipalitiesTable")
    assert table.selected_keys() == ["11002"]
    assert widget.scene.highlighted == "11002"


def test_selecting_a_row_highlights_it_on_the_map(mapped_window: MainWindow, qtbot: QtBot) -> None:
    _, widget = show_map(mapped_window, qtbot)
    page(mapped_window, "municipalitiesTable").select_key("44021")
    assert widget.scene.highlighted == "44021"


def test_an_edit_and_its_undo_recolour_just_the_municipalities_reached(mapped_window: MainWindow,
                                                                       qtbot: QtBot) -> None:
    controller, widget = show_map(mapped_window, qtbot)
    session = mapped_window.session
    assert session is not None
    region = next(r for r in session.repository.regions().values() if r.name == "Demo-regio West 4")
    members = [m.municipality_nis for m in session.repository.memberships().values()
               if m.region_id == region.id and m.validity.contains(date(2022, 10, 17))]
    before = {code: fill_of(widget, code) for code in members}
    assert {controller.statuses[c] for c in members} == {MapStatus.NEGOTIATING}
    agreements = page(mapped_window, "agreementsTable")
    key = agreement_of_region(session, "Demo-regio West 4")
    assert agreements.proxy.setData(cell(agreements, key, "signed"), QDate(2022, 10, 1), Qt.ItemDataRole.EditRole)
    via_region = MapColours.light().fills[MapStatus.SIGNED_VIA_REGION].lower()
    qtbot.waitUntil(lambda: all(fill_of(widget, c) == via_region for c in members))
    assert widget.last_recoloured == len(members)
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: {c: fill_of(widget, c) for c in members} == before)
    assert widget.last_recoloured == len(members)


def test_keyboard_zoom_and_whole_flanders(mapped_window: MainWindow, qtbot: QtBot) -> None:
    _, widget = show_map(mapped_window, qtbot)
    fitted = widget.view.transform().m11()
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_Plus)
    qtbot.keyClick(widget.view, Qt.Key.Key_Plus)
    assert widget.view.transform().m11() == pytest.approx(fitted * 1.25 * 1.25)
    qtbot.keyClick(widget.view, Qt.Key.Key_Left)
    button = widget.findChild(QToolButton, "wholeFlandersButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert widget.view.transform().m11() == pytest.approx(fitted)


def test_the_map_follows_a_dark_palette(mapped_window: MainWindow, qtbot: QtBot) -> None:
    _, widget = show_map(mapped_window, qtbot)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    widget.setPalette(palette)
    dark = MapColours.dark()
    assert widget.scene.backgroundBrush().color().name() == dark.background.lower()
    none = next(code for code, status in widget.statuses.items() if status is MapStatus.NONE)
    assert fill_of(widget, none) == dark.fills[MapStatus.NONE].lower()


def test_export_svg_and_copy_as_image(mapped_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    controller, _widget = show_map(mapped_window, qtbot)
    controller.inputs = replace(controller.inputs, save_path=lambda fmt: tmp_path / f"kaart.{fmt}")
    controller.export("svg")
    assert mapped_window.statusBar().currentMessage() == f"Opgeslagen als {tmp_path / 'kaart.svg'}."
    svg = (tmp_path / "kaart.svg").read_text(encoding="utf-8")
    assert svg.count("<path") >= 300 and "17/10/2022" in svg
    controller.copy_image()
    image = QGuiApplication.clipboard().image()
    assert image.width() == 1600 and not image.isNull()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen only
def test_the_larger_view_shows_the_same_map(mapped_window: MainWindow, qtbot: QtBot) -> None:
    controller, widget = show_map(mapped_window, qtbot)
    button = widget.findChild(QToolButton, "largerMapButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert controller.window is not None
    qtbot.waitExposed(controller.window)
    larger = controller.widgets[1]
    assert larger.statuses == widget.statuses and len(larger.scene.items_by_code) == 300
    controller.window.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen only
def test_a_tall_map_page_shows_the_statuses_per_province_under_the_legend(mapped_window: MainWindow,
                                                                          qtbot: QtBot) -> None:
    controller, _widget = show_map(mapped_window, qtbot)
    controller.open_window()
    assert controller.window is not None
    larger = controller.widgets[1]
    table = larger.provinces

    def row(number: int) -> list[str]:
        return [item.text() if (item := table.item(number, c)) is not None else "" for c in range(7)]

    assert row(0) == ["West-Vlaanderen", "2", "44", "11", "7", "0", "64"]
    assert row(5) == ["Vlaanderen", "4", "196", "34", "16", "50", "300"]
    controller.window.resize(1100, 1000)  # taller than the map at full width needs: the table uses the rest
    qtbot.waitUntil(table.isVisible)
    controller.window.resize(1100, 520)  # the map would have to shrink: no table
    qtbot.waitUntil(lambda: not table.isVisible())
    controller.window.close()


@pytest.fixture
def window_without_boundaries(window: MainWindow) -> MainWindow:
    return window


def test_without_boundaries_the_tab_explains_and_loads(window_without_boundaries: MainWindow, qtbot: QtBot,
                                                       tmp_path: Path) -> None:
    window = window_without_boundaries
    tab = tab_of(window)
    assert window.session is not None
    dock_of(window).charts.setCurrentWidget(tab.slot)
    qtbot.waitUntil(lambda: tab.controller is not None and bool(tab.controller.widgets))
    assert tab.controller is not None
    widget = tab.controller.widgets[0]
    assert not widget.showing_map and "Statbel" in widget.empty_text.text()
    told: list[str] = []
    loader = tab.boundary_loader()
    loader.choose_file = lambda: squares_file(tmp_path)
    loader.inform = told.append
    loader.ask_source = lambda suggestion: "Digitaal Vlaanderen (test)"
    button = widget.findChild(QPushButton, "emptyLoadButton")
    assert button is not None
    with qtbot.waitSignal(loader.finished, timeout=20_000) as finished:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert finished.args == [True]
    qtbot.waitUntil(lambda: widget.showing_map)
    assert len(widget.scene.items_by_code) == 300 and "300 gemeenten opgeslagen" in told[0]
    assert "Grenzen: Digitaal Vlaanderen (test)" in widget.credit.text()


def test_a_wrong_file_in_the_gui_is_explained_in_dutch_and_changes_nothing(window: MainWindow, qtbot: QtBot,
                                                                           tmp_path: Path) -> None:
    tab = tab_of(window)
    action = window.findChild(QAction, "loadBoundariesAction")
    assert action is not None and action.text() == "&Grenzen laden…"
    tab.boundary_loader()
    assert tab.loader is not None
    warned: list[str] = []
    tab.loader.warn = warned.append
    with qtbot.waitSignal(tab.loader.finished, timeout=20_000) as finished:
        tab.loader.start(boundary_file(tmp_path, "geojson", squares(["21004", "62063"])))
    assert finished.args == [False]
    assert "Vlaamse gemeente" in warned[0] and "Er is niets gewijzigd." in warned[0]
    assert window.session is not None and store.boundary_set(window.session.repository) is None


def test_cancelling_a_load_changes_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    tab = tab_of(window)
    tab.boundary_loader()
    assert tab.loader is not None
    warned: list[str] = []
    tab.loader.warn = warned.append
    path = squares_file(tmp_path)
    tab.loader.start(path)
    tab.loader.cancel()
    with qtbot.waitSignal(tab.loader.finished, timeout=20_000) as finished:
        pass
    assert finished.args == [False] and warned == ["Geannuleerd. Er is niets gewijzigd."]
    assert window.session is not None and store.boundary_set(window.session.repository) is None


GEOGRAPHIC = ("shapely", "pyproj", "shapefile", "sew_desktop.ui.features.map.controller",
              "sew_desktop.ui.statusmap.scene")
SHOW_MAP_TAB = """
from sew_desktop.ui.coverage.dock import CoverageDock
from sew_desktop.ui.features.map.feature import StatusMapTab
window.findChild(CoverageDock).charts.setCurrentWidget(window.findChild(StatusMapTab).slot)
"""


def test_nothing_geographic_is_imported_before_the_map_tab_is_shown(demo_path: Path, tmp_path: Path) -> None:
    before, after = imported_before_and_after(SHOW_MAP_TAB, GEOGRAPHIC, demo_path, tmp_path)
    assert before == []
    # drawing needs no geometry library
    assert after == ["sew_desktop.ui.features.map.controller", "sew_desktop.ui.statusmap.scene"]


REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "flanders_municipalities_2019_2024.geojson"


def test_with_the_reference_file_the_demo_shows_300_then_285(qtbot: QtBot, demo_path: Path, settings: QSettings,
                                                             dialogs: ScriptedDialogs) -> None:
    if not REFERENCE.exists():
        pytest.skip("shared reference geometry not available: put the shared folder (with reference/) beside"
                    " the project as ../shared")
    repository = open_repository(demo_path)
    load_boundaries(repository, REFERENCE)
    repository.close()
    main = create_main_window(demo_path, settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    assert main.session is not None
    main.session.live.set_dates(date(2022, 10, 17), date(2022, 12, 31))
    main.show()
    controller, widget = show_map(main, qtbot)
    flanders = main.session.live.report.rows[-1]
    assert len(widget.scene.items_by_code) == 300
    assert sum(s.signed for s in controller.statuses.values()) == flanders.municipalities_reached.part == 200
    assert controller.expected == flanders.municipalities_forecast.part == 229
    main.session.live.set_dates(date(2025, 6, 1))
    qtbot.waitUntil(lambda: len(widget.scene.items_by_code) == 285)
    main.session.live.refresh()
    flanders = main.session.live.report.rows[-1]
    assert sum(s.signed for s in controller.statuses.values()) == flanders.municipalities_reached.part
    assert len(controller.statuses) == flanders.municipalities_reached.total == 285


def test_a_2025_file_explains_that_earlier_dates_have_no_map(window: MainWindow, qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    assert window.session is not None
    load_boundaries(window.session.repository, squares_file(tmp_path, Period.FROM_2025))
    tab = tab_of(window)
    dock_of(window).charts.setCurrentWidget(tab.slot)
    qtbot.waitUntil(lambda: tab.controller is not None and bool(tab.controller.widgets))
    assert tab.controller is not None
    widget = tab.controller.widgets[0]
    qtbot.waitUntil(widget.day_is_set)
    assert not widget.showing_map and "sinds 2025" in widget.empty_text.text()
    window.session.live.set_dates(date(2025, 3, 1))
    qtbot.waitUntil(lambda: widget.showing_map)
    assert len(widget.scene.items_by_code) == 285


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen only
def test_resting_the_pointer_shows_the_tooltip(mapped_window: MainWindow, qtbot: QtBot) -> None:
    _, widget = show_map(mapped_window, qtbot)
    position = centre_of(widget, "44021")
    qtbot.mouseMove(widget.view.viewport(), position - QPoint(3, 0))
    qtbot.mouseMove(widget.view.viewport(), position)
    qtbot.waitUntil(lambda: "Gent" in QToolTip.text(), timeout=5000)


def test_help_names_the_source_of_the_loaded_boundaries(mapped_window: MainWindow) -> None:
    action = mapped_window.findChild(QAction, "boundaryCreditAction")
    assert action is not None and action.text() == "Over de &grenzen van de kaart"
    text = tab_of(mapped_window).credit_text()
    assert "<b>Bron</b>: bron niet vermeld (bestand squares_2019-2024.geojson)" in text
    assert "<b>Licentie</b>: zoals gepubliceerd door wie het bestand publiceerde" in text
    assert "<b>Bestand</b>: squares_2019-2024.geojson" in text and "SHA-256" in text


def test_closing_the_window_during_a_load_stops_it(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    tab = tab_of(window)
    loader = tab.boundary_loader()
    loader.warn = lambda text: None
    assert loader.start(squares_file(tmp_path))
    worker = loader.worker
    assert worker is not None
    window.close()
    assert worker.isFinished()


def test_file_export_offers_the_map_once_boundaries_are_loaded(mapped_window: MainWindow, qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    from sew_desktop.ui.features.export.dialog import ExportDialog

    assert mapped_window.session is not None
    dialog = ExportDialog(mapped_window.session.repository, date(2022, 10, 17), date(2022, 12, 31), "nl")
    qtbot.addWidget(dialog)
    dialog.select("map", "svg")
    assert dialog.what.currentData() == "map"
    dialog.file_edit.setText(str(tmp_path / "kaart.svg"))
    assert dialog.export()
    assert (tmp_path / "kaart.svg").read_text(encoding="utf-8").count("<path") >= 300


def test_help_about_names_the_loaded_boundaries(mapped_window: MainWindow) -> None:
    from sew_desktop.ui.shell.about import loaded_boundaries_text

    text = loaded_boundaries_text(mapped_window.session.repository)
    assert "squares" in text or ".geojson" in text
    assert "geladen op" in text or "loaded on" in text
