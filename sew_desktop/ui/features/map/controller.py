"""Feeds the map widgets from the data: shapes of the period of the as-of date, statuses on it (or the
forecast), regiegebied outlines, the selection, tooltips and exports.

Its inputs are plain callables (the dates, the day index for a pair of dates), so whatever computes the coverage
can feed it; :meth:`refresh` is called after every coalesced change or date change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from sew_desktop.domain.boundaries import Period, period_on
from sew_desktop.domain.coverage import MunicipalityCoverage
from sew_desktop.domain.coverage.map_status import DayStatuses, MapStatus, ProvinceStatuses, map_statuses, valid_codes
from sew_desktop.services.boundaries.shapes import MapShapes, Packed, map_shapes
from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Change, Repository
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.labels import province_name
from sew_desktop.ui.statusmap import texts
from sew_desktop.ui.statusmap.palette import MapColours
from sew_desktop.ui.statusmap.province_table import province_rows
from sew_desktop.ui.statusmap.render import MapPicture, map_image, render_map
from sew_desktop.ui.statusmap.widget import StatusMapWidget, status_text

Dates = Callable[[], tuple[date, date]]
DayIndexFor = Callable[[date, date], DayStatuses]


@dataclass(frozen=True, slots=True)
class MapInputs:
    """Where the map's data come from."""

    repository: Repository
    dates: Dates  # (as-of, horizon)
    day_index: DayIndexFor  # statuses on the as-of date, forecast to the horizon
    language: Language
    save_path: Callable[[str], Path | None]  # asks where to export (None: cancelled)
    report_error: Callable[[str], None]
    report_saved: Callable[[Path], None] = lambda path: None  # says where an export was written


class StatusMapController(QObject):
    """Keeps every attached map widget up to date. ``selection_requested(code)`` when the user clicks a
    municipality; ``load_requested()`` from an empty map's Load button; ``save_path`` asks where to export."""

    selection_requested = Signal(str)
    load_requested = Signal()

    def __init__(self, inputs: MapInputs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inputs = inputs
        self.widgets: list[StatusMapWidget] = []
        self.forecast = False
        self.outlines = False
        self.selected: str | None = None
        self.shapes: MapShapes | None = None
        self.statuses: dict[str, MapStatus] = {}
        self.province_rows: list[ProvinceStatuses] = []
        self.dates_shown: tuple[date, date] | None = None
        self.expected = 0
        self._outline_key: object = None
        self._outline_rings: dict[int, Packed] = {}
        self._stale = True
        self.window: QWidget | None = None

    def attach(self, widget: StatusMapWidget) -> None:
        """Feed ``widget`` and listen to it."""
        self.widgets.append(widget)
        widget.municipality_clicked.connect(self.selection_requested)
        widget.municipality_clicked.connect(self.select)
        widget.load_requested.connect(self.load_requested)
        widget.forecast_toggled.connect(self.set_forecast)
        widget.outlines_toggled.connect(self.set_outlines)
        widget.export_requested.connect(self.export)
        widget.copy_requested.connect(self.copy_image)
        widget.window_requested.connect(self.open_window)
        widget.installEventFilter(self)
        widget.destroyed.connect(lambda *_: self.widgets.remove(widget) if widget in self.widgets else None)
        if self.shapes is not None:
            self._show_all(widget)

    def describe(self, code: str) -> str:
        """The tooltip: name, status, through whom, regiegebied, province."""
        repository = self.inputs.repository
        municipality = repository.municipalities().get(code)
        if municipality is None:
            return code
        as_of, horizon = self.inputs.dates()
        day = self.inputs.day_index(as_of, horizon)
        coverage = day.forecast_coverage(code) if self.forecast else day.coverage(code)
        regions = [repository.regions()[r].name for r in day.regions_of(code) if r in repository.regions()]
        provinces = {p.nis_code: province_name(p) for p in repository.provinces()}
        status = QCoreApplication.translate("StatusMap", "Status: %1")
        through = QCoreApplication.translate("StatusMap", "Through: %1")
        region = QCoreApplication.translate("StatusMap", "Regiegebied: %1")
        province = QCoreApplication.translate("StatusMap", "Province: %1")
        lines = [f"<b>{escape(municipality.name_nl)}</b>",
                 status.replace("%1", escape(status_text(self.statuses.get(code))))]
        via = self._via(coverage)
        if via:
            lines.append(through.replace("%1", escape(via)))
        lines.append(region.replace("%1", escape(", ".join(regions) or "—")))
        lines.append(province.replace("%1", escape(provinces.get(municipality.province_nis,
                                                                 municipality.province_nis))))
        return "<br>".join(lines)

    def _via(self, coverage: MunicipalityCoverage) -> str:
        repository = self.inputs.repository
        names = [repository.regions()[r].name for r in coverage.via_regions if r in repository.regions()]
        names += [repository.municipalities()[m].name_nl for m in coverage.via_municipalities
                  if m in repository.municipalities()]
        return ", ".join(names)

    # -- keeping up -----------------------------------------------------------------------------------

    def on_changes(self, changes: Sequence[Change]) -> None:
        """Loaded or removed boundaries are drawn again (statuses come with :meth:`refresh`)."""
        if any(change.entity is Entity.BOUNDARY for change in changes):
            self.shapes = None
            self.refresh()

    def refresh(self) -> None:
        """Statuses (and, for another period, shapes) of the current dates, for the visible widgets."""
        if not any(w.isVisible() for w in self.widgets):
            self._stale = True
            return
        self._stale = False
        as_of, horizon = self.inputs.dates()
        period = period_on(as_of)
        if self.shapes is None or self.shapes.period is not period:
            self.shapes = map_shapes(self.inputs.repository, period)
            self._outline_key = None
            for widget in self.widgets:
                widget.set_shapes(self.shapes, texts.credit(self.shapes.provenance))
                widget.select(self.selected)
        day = self.inputs.day_index(as_of, horizon)
        repository = self.inputs.repository
        codes = valid_codes(repository.municipalities().values(), as_of)
        self.statuses = map_statuses(day, codes, forecast=self.forecast)
        forecast = self.statuses if self.forecast else map_statuses(day, codes, forecast=True)
        self.expected = sum(status.signed for status in forecast.values())
        self.dates_shown = (as_of, horizon)
        self.province_rows = province_rows(repository, self.statuses)
        for widget in self.widgets:
            widget.set_statuses(self.statuses, self.dates_shown, expected=self.expected, forecast=self.forecast)
            widget.set_provinces(self.province_rows)
        self._refresh_outlines(day)

    def _show_all(self, widget: StatusMapWidget) -> None:
        assert self.shapes is not None
        widget.set_shapes(self.shapes, texts.credit(self.shapes.provenance))
        if self.dates_shown is not None:
            widget.set_statuses(self.statuses, self.dates_shown, expected=self.expected, forecast=self.forecast)
            widget.set_provinces(self.province_rows)
        widget.set_outlines(self._outline_rings if self.outlines else {})
        widget.select(self.selected)

    def _refresh_outlines(self, day: DayStatuses) -> None:
        if not self.outlines or self.shapes is None or self.shapes.empty:
            return
        groups: dict[int, list[str]] = defaultdict(list)
        for code in self.shapes.municipalities:
            for region in day.regions_of(code):
                groups[region].append(code)
        key = (self.shapes.period, tuple(sorted((k, tuple(v)) for k, v in groups.items())))
        if key != self._outline_key:
            from sew_desktop.services.boundaries.outlines import union_outlines  # shapely: only when asked

            self._outline_rings = union_outlines(self.shapes.municipalities, groups)
            self._outline_key = key
            for widget in self.widgets:
                widget.set_outlines(self._outline_rings)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A widget shown after changes catches up."""
        if event.type() == QEvent.Type.Show and self._stale:
            self.refresh()
        return False

    # -- what the user does ---------------------------------------------------------------------------

    def select(self, code: str | None) -> None:
        """Highlight ``code`` on every map (the Gemeenten table's selection, or a click)."""
        self.selected = code
        for widget in self.widgets:
            widget.select(code)

    def set_forecast(self, on: bool) -> None:
        """Colour by the forecast at the horizon, or by the status on the as-of date."""
        self.forecast = on
        for widget in self.widgets:
            widget.forecast_button.setChecked(on)
        self.refresh()

    def set_outlines(self, on: bool) -> None:
        """Show or hide the regiegebied outlines."""
        self.outlines = on
        for widget in self.widgets:
            widget.outlines_button.setChecked(on)
            if not on:
                widget.set_outlines({})
            elif self._outline_key is not None:
                widget.set_outlines(self._outline_rings)
        if on:
            self.refresh()

    def picture(self) -> MapPicture | None:
        """What an export shows (None without shapes)."""
        if self.shapes is None or self.shapes.empty or self.dates_shown is None:
            return None
        colours = MapColours.light()
        legend = self.widgets[0].legend_content(colours) if self.widgets else None
        assert legend is not None
        return MapPicture(self.shapes, self.statuses, legend, texts.title(), texts.credit(self.shapes.provenance),
                          self._outline_rings if self.outlines else {}, self.widgets[0].province_content(colours))

    def export(self, fmt: str) -> None:
        """Ask where, then write the map as PNG, SVG or PDF (atomically)."""
        from sew_desktop.services.export_table import ExportTargetError, write_file

        picture = self.picture()
        path = self.inputs.save_path(fmt) if picture is not None else None
        if picture is None or path is None:
            return
        try:
            write_file(path, render_map(picture, fmt, QSize(1600, 900), 2.0 if fmt == "png" else 1.0),
                             force=True)
        except ExportTargetError as error:
            self.inputs.report_error(str(error))
            return
        self.inputs.report_saved(path)

    def copy_image(self) -> None:
        """The map with its legend on the clipboard, as an image."""
        picture = self.picture()
        if picture is not None:
            QGuiApplication.clipboard().setImage(map_image(picture, QSize(1600, 900)))

    def open_window(self) -> None:
        """A larger map in its own window (one at a time)."""
        from sew_desktop.ui.statusmap.window import MapWindow

        if self.window is None:
            owner = self.widgets[0].window() if self.widgets else None  # closes with the main window
            self.window = MapWindow(lambda parent: self.new_widget(parent, in_window=True), owner)
            self.window.destroyed.connect(self._window_gone)
        self.window.show()
        self.window.raise_()
        self.refresh()

    def _window_gone(self) -> None:
        self.window = None

    def new_widget(self, parent: QWidget | None = None, *, in_window: bool = False) -> StatusMapWidget:
        """A map widget fed by this controller."""
        widget = StatusMapWidget(self.inputs.language, self.describe, parent, in_window=in_window)
        widget.forecast_button.setChecked(self.forecast)
        widget.outlines_button.setChecked(self.outlines)
        self.attach(widget)
        return widget

    def period(self) -> Period | None:
        """The period of the shapes shown."""
        return self.shapes.period if self.shapes else None
