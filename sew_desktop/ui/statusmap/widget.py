"""The status map widget: tools, the map (or, without boundaries, where to get them), legend and credit.

It takes its data through a small plain interface -- :meth:`set_shapes`, :meth:`set_statuses`, :meth:`select` --
and reports what the user does through signals, so any owner can feed it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from sew_desktop.domain.boundaries import Period
from sew_desktop.domain.coverage.map_status import MapStatus, ProvinceStatuses, status_counts
from sew_desktop.services.boundaries.shapes import MapShapes, Packed
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.statusmap import texts
from sew_desktop.ui.statusmap.legend import LegendContent, LegendWidget, legend_content
from sew_desktop.ui.statusmap.palette import MapColours
from sew_desktop.ui.statusmap.province_table import ProvinceStatusTable, ProvinceTable, province_table
from sew_desktop.ui.statusmap.scene import MapScene
from sew_desktop.ui.statusmap.view import MapView

EMPTY, MAP = 0, 1


def where_to_get_boundaries(only_2025: bool) -> str:
    """The empty state's explanation (rich text)."""
    lead = (QCoreApplication.translate(
        "StatusMap", "The loaded boundaries are those of the municipalities since 2025; they cannot give the borders "
                     "of 2019–2024. Load a file of 2019–2024 to see dates before 2025.")
            if only_2025 else QCoreApplication.translate("StatusMap", "No municipal boundaries are loaded yet."))
    return lead + QCoreApplication.translate(
        "StatusMap",
        "<p>The map uses an official boundary file that you load once:</p><ul>"
        "<li>Statbel's <b>statistical sectors</b> (statbel.fgov.be › Open data › Statistical sectors; GeoJSON, "
        "Shapefile or GeoPackage), free to reuse with credit to Statbel;</li>"
        "<li>or a file of the municipalities (Statbel, FOD Financiën/AAPD or Digitaal Vlaanderen's reference file "
        "of municipal boundaries).</li></ul>"
        "<p>Lambert 72, Lambert 2008 and WGS84 are accepted. The file stays in this database; the rest of the "
        "program works without it.</p>")


class StatusMapWidget(QWidget):
    """The map with its tools and legend. Signals: ``municipality_clicked(code)``, ``load_requested()``,
    ``forecast_toggled(bool)``, ``outlines_toggled(bool)``, ``export_requested(fmt)``, ``copy_requested()``,
    ``window_requested()``."""

    municipality_clicked = Signal(str)
    load_requested = Signal()
    forecast_toggled = Signal(bool)
    outlines_toggled = Signal(bool)
    export_requested = Signal(str)
    copy_requested = Signal()
    window_requested = Signal()

    def __init__(self, language: Language, describe: Callable[[str], str], parent: QWidget | None = None, *,
                 in_window: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("statusMapWidget")
        self.language = language
        self.colours = MapColours.for_palette(self.palette())
        self.scene = MapScene(self.colours)
        self.view = MapView(self.scene, describe, self)
        self.view.setObjectName("statusMapView")
        self.view.municipality_clicked.connect(self.municipality_clicked)
        self.legend = LegendWidget(self)
        self.provinces = ProvinceStatusTable(self)
        self.province_rows: list[ProvinceStatuses] = []
        self.credit = QLabel(self)
        self.credit.setObjectName("statusMapCredit")
        self.credit.setWordWrap(True)
        self.empty_text = QLabel(self)
        self.empty_text.setObjectName("statusMapEmpty")
        self.empty_text.setWordWrap(True)
        self.empty_text.setTextFormat(Qt.TextFormat.RichText)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._empty_page())
        self.pages.addWidget(self._map_page())
        self.tools = self._tools(in_window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(self.tools)
        layout.addWidget(self.pages, 1)
        self.statuses: dict[str, MapStatus] = {}
        self.dates: tuple[date, date] | None = None
        self.forecast = False
        self.expected = 0
        self.last_recoloured = 0
        self.set_shapes(None)

    def _button(self, name: str, text: str, *, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(text)
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _tools(self, in_window: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        self.forecast_button = self._button("forecastToggle", QCoreApplication.translate("StatusMap", "Forecast"),
                                            checkable=True)
        self.forecast_button.toggled.connect(self.forecast_toggled)
        self.outlines_button = self._button("outlinesToggle", QCoreApplication.translate("StatusMap", "Regiegebieden"),
                                            checkable=True)
        self.outlines_button.toggled.connect(self.outlines_toggled)
        whole = self._button("wholeFlandersButton", QCoreApplication.translate("StatusMap", "Whole Flanders"))
        whole.clicked.connect(self.view.whole_flanders)
        export = self._button("exportMapButton", QCoreApplication.translate("StatusMap", "Export"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.setObjectName("exportMapMenu")
        for fmt in ("png", "svg", "pdf"):
            menu.addAction(QCoreApplication.translate("StatusMap", "As %1…").replace("%1", fmt.upper())).triggered \
                .connect(lambda _=False, f=fmt: self.export_requested.emit(f))
        export.setMenu(menu)
        copy = self._button("copyMapButton", QCoreApplication.translate("StatusMap", "Copy as image"))
        copy.clicked.connect(self.copy_requested)
        self.map_tools = [self.forecast_button, self.outlines_button, whole, export, copy]
        for button in self.map_tools:
            row.addWidget(button)
        if not in_window:
            larger = self._button("largerMapButton", QCoreApplication.translate("StatusMap", "Larger view"))
            larger.clicked.connect(self.window_requested)
            row.addWidget(larger)
            self.map_tools.append(larger)
        row.addStretch(1)
        return row

    def _empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.empty_text)
        load = QPushButton(QCoreApplication.translate("StatusMap", "Load boundaries…"), page)
        load.setObjectName("emptyLoadButton")
        load.clicked.connect(self.load_requested)
        layout.addWidget(load, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _map_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.provinces)
        layout.addWidget(self.credit)
        return page

    def day_is_set(self) -> bool:
        """True once statuses were given."""
        return self.dates is not None

    @property
    def showing_map(self) -> bool:
        """True when shapes are shown (not the empty state)."""
        return self.pages.currentIndex() == MAP

    def set_shapes(self, shapes: MapShapes | None, credit: str = "") -> None:
        """The shapes to draw; None or empty shows where to get a boundary file."""
        if shapes is None or shapes.empty:
            only_2025 = shapes is not None and shapes.provenance is not None
            self.empty_text.setText(where_to_get_boundaries(only_2025))
            self.pages.setCurrentIndex(EMPTY)
            for button in self.map_tools:
                button.setEnabled(False)
            self.scene.set_shapes(_no_shapes())
            return
        self.scene.set_shapes(shapes)
        self.credit.setText(credit)
        self.pages.setCurrentIndex(MAP)
        for button in self.map_tools:
            button.setEnabled(True)
        self.view.whole_flanders()

    def set_statuses(self, statuses: Mapping[str, MapStatus], dates: tuple[date, date], *, expected: int,
                     forecast: bool = False) -> int:
        """Colour by ``statuses`` on the as-of date of ``dates`` (or, ``forecast``, at its horizon); ``expected``
        signed by the horizon goes in the legend. Returns how many items were recoloured."""
        self.statuses, self.dates, self.forecast, self.expected = dict(statuses), dates, forecast, expected
        self.last_recoloured = self.scene.set_statuses(statuses)
        self.legend.set_content(self.legend_content(), QColor(self.colours.text))
        return self.last_recoloured

    def set_provinces(self, rows: list[ProvinceStatuses]) -> None:
        """The statuses counted per province, for the table under the map."""
        self.province_rows = rows
        self.provinces.set_content(province_table(rows, self.colours, self.language))
        self._fit_provinces()

    def province_content(self, colours: MapColours) -> ProvinceTable | None:
        """The table per province in ``colours`` (an export's), None before the first statuses."""
        return province_table(self.province_rows, colours, self.language) if self.province_rows else None

    def _fit_provinces(self) -> None:
        """The table per province shows where the map keeps the height it has at the page's full width (a tall
        page beside the tables, at 1920 × 1080); where it would take the map's room, it stays hidden."""
        bounds = self.scene.itemsBoundingRect()
        if not self.province_rows or bounds.isEmpty():
            self.provinces.setVisible(False)
            return
        page = self.pages.widget(MAP)
        assert page is not None
        full_width_map = page.width() / bounds.width() * bounds.height() * 1.04  # the view's margin
        free = page.height() - self.legend.height() - self.credit.sizeHint().height() - 12
        fits = self.provinces.needed_width() <= page.width()
        self.provinces.setVisible(fits and free - self.provinces.needed_height() >= full_width_map)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_provinces()

    def legend_content(self, colours: MapColours | None = None) -> LegendContent:
        """The legend of what is shown (in ``colours``, default the screen's)."""
        dates = self.dates or (date.today(), date.today())
        return legend_content(status_counts(self.statuses), colours or self.colours, dates, self.expected,
                              self.language, forecast=self.forecast)

    def set_outlines(self, outlines: Mapping[int, Packed]) -> None:
        """Regiegebied outlines (empty: none)."""
        self.scene.set_outlines(outlines)

    def select(self, code: str | None) -> None:
        """Highlight the municipality ``code`` (None: none)."""
        self.scene.highlight(code)

    @override
    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark palettes."""
        if event.type() == QEvent.Type.PaletteChange:
            self.colours = MapColours.for_palette(self.palette())
            self.scene.set_colours(self.colours)
            if self.dates is not None:
                self.legend.set_content(self.legend_content(), QColor(self.colours.text))
            if self.province_rows:
                self.provinces.set_content(province_table(self.province_rows, self.colours, self.language))
        super().changeEvent(event)


def _no_shapes() -> MapShapes:
    return MapShapes(Period.FROM_2019)


def status_text(status: MapStatus | None) -> str:
    """The status's name, or "unknown"."""
    return texts.status_name(status) if status is not None else QCoreApplication.translate("StatusMap", "unknown")
