"""The map's words, translated: status names, legend lines, credit, and why a boundary file was refused."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.coverage.map_status import MapStatus
from sew_desktop.services.boundaries.problems import NOTHING_CHANGED, PROBLEM_TEXTS, BoundaryFileError
from sew_desktop.store.boundaries import BoundarySet
from sew_desktop.ui.core.i18n import Language, format_date


def status_name(status: MapStatus) -> str:
    """"afgesloten (eigen SO)", …"""
    names = {
        MapStatus.SIGNED_ITSELF: QCoreApplication.translate("StatusMap", "signed (own agreement)"),
        MapStatus.SIGNED_VIA_REGION: QCoreApplication.translate("StatusMap", "signed via regiegebied"),
        MapStatus.NEGOTIATING: QCoreApplication.translate("StatusMap", "in negotiation"),
        MapStatus.TO_START: QCoreApplication.translate("StatusMap", "to start"),
        MapStatus.NONE: QCoreApplication.translate("StatusMap", "no agreement"),
    }
    return names[status]


def summary(counts: Mapping[MapStatus, int], language: Language) -> str:
    """"afgesloten 200 · in onderhandeling 29 · op te starten 21 · geen SO 50": the legend's words, so that "op te
    starten" means one thing (an agreement still to start), here as in the legend and the lists."""
    signed = counts[MapStatus.SIGNED_ITSELF] + counts[MapStatus.SIGNED_VIA_REGION]
    return " · ".join((QCoreApplication.translate("StatusMap", "signed %1").replace("%1", str(signed)),
                       QCoreApplication.translate("StatusMap", "in negotiation %1").replace(
                           "%1", str(counts[MapStatus.NEGOTIATING])),
                       QCoreApplication.translate("StatusMap", "to start %1").replace(
                           "%1", str(counts[MapStatus.TO_START])),
                       QCoreApplication.translate("StatusMap", "no agreement %1").replace(
                           "%1", str(counts[MapStatus.NONE]))))


def date_line(dates: tuple[date, date], expected: int, total: int, language: Language, *, forecast: bool) -> str:
    """"Status on 17/10/2022 · forecast by 31/12/2022: 229 of 300 signed" (or the forecast first)."""
    as_of, horizon = (format_date(day, language) for day in dates)
    if forecast:
        text = QCoreApplication.translate("StatusMap", "Forecast for %2 (from %1): %3 of %4 signed")
    else:
        text = QCoreApplication.translate("StatusMap", "Status on %1 · forecast by %2: %3 of %4 signed")
    return text.replace("%1", as_of).replace("%2", horizon).replace("%3", str(expected)).replace("%4", str(total))


def title() -> str:
    """The title of an exported map."""
    return QCoreApplication.translate("StatusMap", "Cooperation agreements VDAB – local governments")


def source_text(provenance: BoundarySet) -> str:
    """Who published the boundaries; "bron niet vermeld (bestand …)" when the user did not say."""
    from sew_desktop.services.boundaries.service import is_unstated

    if is_unstated(provenance.source):
        return QCoreApplication.translate("StatusMap", "source not stated (file %1)").replace(
            "%1", provenance.file_name)
    return provenance.source


def licence_text(provenance: BoundarySet) -> str:
    """Under which terms; the publisher's own when the source is not stated."""
    from sew_desktop.services.boundaries.service import is_unstated

    if is_unstated(provenance.source) or not provenance.licence:
        return QCoreApplication.translate("StatusMap", "as published by whoever published the file")
    if provenance.licence.startswith("licence as published by "):
        return QCoreApplication.translate("StatusMap", "licence as published by %1").replace("%1", provenance.source)
    return provenance.licence


def credit(provenance: BoundarySet | None) -> str:
    """"Grenzen: Statbel …, bestand (geladen 01/12/2026)"."""
    if provenance is None:
        return ""
    loaded = provenance.loaded_at[:10]
    day = format_date(date.fromisoformat(loaded), Language.DUTCH) if len(loaded) == 10 else loaded
    return (QCoreApplication.translate("StatusMap", "Boundaries: %1, %2 (loaded %3)")
            .replace("%1", source_text(provenance)).replace("%2", provenance.file_name).replace("%3", day))


def problem_text(problem: BoundaryFileError) -> str:
    """Why a file was refused, in the UI language; the database was not changed."""
    text = QCoreApplication.translate("StatusMap", PROBLEM_TEXTS[problem.kind])
    for number, value in enumerate(problem.values, start=1):
        text = text.replace(f"%{number}", value)
    unchanged = QCoreApplication.translate("StatusMap", NOTHING_CHANGED)
    return f"{text} {unchanged}"
