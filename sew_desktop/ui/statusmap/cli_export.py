"""``sew-desktop export map``: the status map of a date as PNG, SVG or PDF, without a window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize

from sew_desktop.domain.boundaries import period_on
from sew_desktop.domain.coverage import CoverageArrays, DayCoverage
from sew_desktop.domain.coverage.map_status import map_statuses, status_counts, valid_codes
from sew_desktop.domain.texts import QT_TRANSLATE_NOOP, Text
from sew_desktop.services.boundaries.shapes import map_shapes
from sew_desktop.services.export_table import ExportTargetError, write_file
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.statusmap import texts
from sew_desktop.ui.statusmap.legend import legend_content
from sew_desktop.ui.statusmap.palette import MapColours
from sew_desktop.ui.statusmap.province_table import province_rows, province_table
from sew_desktop.ui.statusmap.render import MapPicture, render_map


def map_picture(repository: Repository, dates: tuple[date, date], language: Language, *,
                forecast: bool) -> MapPicture:
    """The map of ``dates`` (as-of, horizon); raises ExportTargetError without boundaries for that period."""
    as_of, horizon = dates
    period = period_on(as_of)
    shapes = map_shapes(repository, period)
    if shapes.empty:
        text = QT_TRANSLATE_NOOP("Export", "no boundaries loaded for the municipalities of %1: load a boundary file"
                                           " with 'sew-desktop boundaries load FILE'")
        raise ExportTargetError(Text("Export", text, (period.value,)))
    day = DayCoverage(CoverageArrays.build(repository.coverage_input()), as_of, horizon)
    codes = valid_codes(repository.municipalities().values(), as_of)
    statuses = map_statuses(day, codes, forecast=forecast)
    expected = sum(s.signed for s in map_statuses(day, codes, forecast=True).values())
    colours = MapColours.light()
    legend = legend_content(status_counts(statuses), colours, dates, expected, language, forecast=forecast)
    provinces = province_table(province_rows(repository, statuses), colours, language)
    return MapPicture(shapes, statuses, legend, texts.title(), texts.credit(shapes.provenance), provinces=provinces)


def report_map_page(repository: Repository, dates: tuple[date, date], language: Language) -> MapPicture | None:
    """The map for the PDF report's second page; None without boundaries for the period of the as-of date."""
    try:
        return map_picture(repository, dates, language, forecast=False)
    except ExportTargetError:
        return None


def export_map(repository: Repository, dates: tuple[date, date], fmt: str, path: Path, *, forecast: bool,
               size: QSize, scale: float, force: bool, language: Language) -> None:
    """Write the map to ``path`` (temporary file, then renamed into place)."""
    picture = map_picture(repository, dates, language, forecast=forecast)
    write_file(path, render_map(picture, fmt, size, scale), force=force)
