"""Dutch catalogs for exports made outside the main window (the command line)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from sew_desktop.ui.charts.fonts import resources_dir

CATALOGS = ("charts", "core", "export", "labels", "main", "map")  # core: the lists' column titles, statuses


def install_dutch(application: QCoreApplication) -> list[QTranslator]:
    """Load the charts and export catalogs; keep the returned translators alive while they are needed."""
    translators = []
    for name in CATALOGS:
        translator = QTranslator(application)
        if translator.load(str(resources_dir() / "i18n" / f"{name}_nl.qm")):
            QCoreApplication.installTranslator(translator)
            translators.append(translator)
    return translators
