"""File › Export…: choose what (a chart, the table, the report), the format, the size and the file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)
from typing_extensions import override

from sew_desktop.services.boundaries.service import boundary_info
from sew_desktop.services.export_list import ListTable, list_bytes
from sew_desktop.services.export_table import ExportTargetError, write_file
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.file_dialogs import choose_save_file, start_path
from sew_desktop.ui.core.i18n import Language, locale_for
from sew_desktop.ui.output import files
from sew_desktop.ui.output.chart_export import ChartChoice, ChartSize
from sew_desktop.ui.output.context import export_context

_W = TypeVar("_W", bound=QWidget)


@dataclass(frozen=True)
class ShownList:
    """The list on the current tab: its label ("Gemeenten", 16 rows) and how to read it when the file is written."""

    title: str
    rows: int
    read: Callable[[], ListTable]


def _what_items() -> list[tuple[str, str]]:
    return [
        ("provinces", QCoreApplication.translate("Export", "Chart: municipalities per province")),
        ("regions", QCoreApplication.translate("Export", "Chart: regiegebieden per province")),
        ("timeline", QCoreApplication.translate("Export", "Chart: coverage over time")),
        ("table", QCoreApplication.translate("Export", "Coverage table")),
        ("report", QCoreApplication.translate(
            "Export", "PDF report (the table and charts; the map on page 2 when boundaries are loaded)")),
    ]


def _formats(what: str) -> list[tuple[str, str]]:
    if what == "list":
        return [("xlsx", QCoreApplication.translate("Export", "Excel workbook (XLSX)")),
                ("csv-excel", QCoreApplication.translate("Export", "CSV – Excel (Belgium)")),
                ("csv", QCoreApplication.translate("Export", "CSV – plain"))]
    if what == "table":
        excel = QCoreApplication.translate("Export", "CSV – Excel (Belgium)")
        plain = QCoreApplication.translate("Export", "CSV – plain")
        xlsx = QCoreApplication.translate("Export", "Excel workbook (XLSX)")
        return [("csv-excel", excel), ("csv", plain), ("xlsx", xlsx)]
    if what == "report":
        return [("pdf", "PDF")]
    return [("png", "PNG"), ("svg", "SVG"), ("pdf", "PDF")]


# Logical size and PNG scale per place: 640 px across a 16-cm Word column gives a title of about 10 pt.
SIZE_PRESETS: dict[str, tuple[int, int, float]] = {
    "word": (640, 400, 3.0),
    "slide": (960, 540, 2.0),
    "large": (1600, 900, 2.0),
}


def _size_texts() -> dict[str, str]:
    return {
        "word": QCoreApplication.translate("Export", "Word page (16 cm wide)"),
        "slide": QCoreApplication.translate("Export", "Slide (16:9)"),
        "large": QCoreApplication.translate("Export", "Large (1600 × 900)"),
        "own": QCoreApplication.translate("Export", "Own size"),
    }


def suggested_name(what: str, fmt: str) -> str:
    """The file name a save dialog proposes: "gemeenten-per-provincie.png" (Dutch names in Dutch)."""
    names = {
        "provinces": QCoreApplication.translate("Export", "municipalities-per-province"),
        "regions": QCoreApplication.translate("Export", "regiegebieden-per-province"),
        "timeline": QCoreApplication.translate("Export", "coverage-over-time"),
        "table": QCoreApplication.translate("Export", "coverage"),
        "report": QCoreApplication.translate("Export", "coverage-report"),
        "map": QCoreApplication.translate("Export", "status-map"),
        "list": QCoreApplication.translate("Export", "list"),
    }
    return f"{names.get(what, 'export')}.{fmt.replace('csv-excel', 'csv')}"


def not_written_text(path: Path) -> str:
    """Why nothing was written, and what to do."""
    return QCoreApplication.translate(
        "Export", "{name} cannot be written. Choose a folder where you can save files, and check that the "
        "file is not open in another program.").format(name=str(path))


def _preset_of(width: int, height: int) -> str:
    return next((key for key, (w, h, _s) in SIZE_PRESETS.items() if (w, h) == (width, height)), "own")


class ExportDialog(QDialog):
    """Export a chart, the coverage table or the report of ``repository`` for the given dates; ``written(Path)``
    once a file is written."""

    written = Signal(object)

    def __init__(
        self, repository: Repository, as_of: date, horizon: date, language: str, parent: QWidget | None = None,
        shown_list: ShownList | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(QCoreApplication.translate("Export", "Export"))
        self._repository, self._as_of, self._horizon, self._language = repository, as_of, horizon, language
        self.what, self.format = self._named(QComboBox(), "exportWhat"), self._named(QComboBox(), "exportFormat")
        self._shown_list = shown_list
        self._fill_what(boundary_info(repository) is not None, shown_list)
        self._size_widgets()
        self.file_edit = self._named(QLineEdit(), "exportFile")
        browse = QPushButton(QCoreApplication.translate("Export", "Browse…"))
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit)
        file_row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Export", "What"), self.what)
        form.addRow(QCoreApplication.translate("Export", "Format"), self.format)
        form.addRow(QCoreApplication.translate("Export", "Size"), self.size_box)
        form.addRow(QCoreApplication.translate("Export", "Width (px)"), self.width_box)
        form.addRow(QCoreApplication.translate("Export", "Height (px)"), self.height_box)
        form.addRow(QCoreApplication.translate("Export", "Scale (PNG)"), self.scale_box)
        form.addRow(QCoreApplication.translate("Export", "File"), file_row)
        form.addRow(buttons)
        self._suggested = ""
        self.what.currentIndexChanged.connect(self._update_formats)
        self.format.currentIndexChanged.connect(self._update_sizes)
        self.format.currentIndexChanged.connect(self._suggest_file)
        self._update_formats()
        self._suggest_file()

    def _fill_what(self, with_map: bool, shown_list: ShownList | None) -> None:
        for key, text in _what_items():
            self.what.addItem(text, key)
        if with_map:
            self.what.addItem(QCoreApplication.translate("Export", "Status map"), "map")
        if shown_list is not None:
            rows = shown_list.rows  # a plain name, so that pyside6-lupdate extracts the %n string
            self.what.addItem(QCoreApplication.translate("Export", "List as shown: %1 (%n row(s))", "", rows)
                              .replace("%1", shown_list.title), "list")

    def _size_widgets(self) -> None:
        """Sizes made for where the picture goes (its type stays readable there), or the user's own."""
        self.width_box, self.height_box = self._spin(1600, "exportWidth"), self._spin(900, "exportHeight")
        scale = QDoubleSpinBox(minimum=0.25, maximum=8.0, value=2.0, singleStep=0.5)
        scale.setLocale(locale_for(Language(self._language)))  # "3,00" in Dutch
        self.scale_box = self._named(scale, "exportScale")
        self.size_box = self._named(QComboBox(), "exportSize")
        for key, text in _size_texts().items():
            self.size_box.addItem(text, key)
        self.size_box.currentIndexChanged.connect(self._apply_size)
        self._apply_size()
        for box in (self.width_box, self.height_box):
            box.valueChanged.connect(self._own_size)

    def _apply_size(self) -> None:
        preset = SIZE_PRESETS.get(str(self.size_box.currentData()))
        if preset is not None:
            width, height, scale = preset
            with QSignalBlocker(self.width_box), QSignalBlocker(self.height_box):  # not "own size" meanwhile
                self.width_box.setValue(width)
                self.height_box.setValue(height)
            self.scale_box.setValue(scale)

    def _own_size(self) -> None:
        """A width or height typed by hand: the size is the user's own (unless it is a preset's)."""
        self.size_box.setCurrentIndex(self.size_box.findData(_preset_of(self.width_box.value(),
                                                                         self.height_box.value())))

    @staticmethod
    def _named(widget: _W, name: str) -> _W:
        widget.setObjectName(name)
        return widget

    def _spin(self, value: int, name: str) -> QSpinBox:
        return self._named(QSpinBox(minimum=200, maximum=10000, value=value, singleStep=100), name)

    def _update_formats(self) -> None:
        self.format.clear()
        for key, text in _formats(str(self.what.currentData())):
            self.format.addItem(text, key)
        self._update_sizes()

    def _update_sizes(self) -> None:
        is_chart = self.what.currentData() in ("provinces", "regions", "timeline", "map")
        self.width_box.setEnabled(is_chart)
        self.height_box.setEnabled(is_chart)
        self.scale_box.setEnabled(is_chart and self.format.currentData() == "png")

    def _suggest_file(self) -> None:
        """A file name for what is chosen, in the folder last used (or Documents), until the user names one."""
        if self.file_edit.text() not in ("", self._suggested):
            return  # typed or browsed: the user's choice stays
        what, fmt = str(self.what.currentData()), str(self.format.currentData())
        name = suggested_name(what, fmt)
        if what == "list" and self._shown_list is not None:
            name = f"{self._shown_list.title.lower()}.{fmt.replace('csv-excel', 'csv')}"
        self._suggested = str(start_path(name))
        self.file_edit.setText(self._suggested)

    def select(self, what: str, fmt: str) -> None:
        """Choose what to export and the format by key (e.g. "provinces", "svg")."""
        self.what.setCurrentIndex(self.what.findData(what))
        self.format.setCurrentIndex(self.format.findData(fmt))

    def _browse(self) -> None:
        suffix = str(self.format.currentData()).replace("csv-excel", "csv")
        chosen = choose_save_file(self, self.windowTitle(), f"*.{suffix}", self.file_edit.text(), suffix)
        if chosen is not None:
            self.file_edit.setText(str(chosen))

    def export(self) -> bool:
        """Export to the chosen file (asking before overwriting); True when a file was written."""
        path = Path(self.file_edit.text().strip())
        if not self.file_edit.text().strip():
            return False
        if path.exists() and not self._confirm_overwrite(path):
            return False
        try:
            self._write(path)
        except (ExportTargetError, OSError):
            QMessageBox.warning(self, self.windowTitle(), not_written_text(path))
            return False
        self.written.emit(path)
        return True

    def _confirm_overwrite(self, path: Path) -> bool:
        question = QCoreApplication.translate("Export", "{name} already exists. Replace it?").format(name=path.name)
        answer = QMessageBox.question(self, self.windowTitle(), question)
        return answer == QMessageBox.StandardButton.Yes

    def _write(self, path: Path) -> None:
        context = export_context(self._repository, self._as_of, self._horizon, self._language)
        what, fmt = str(self.what.currentData()), str(self.format.currentData())
        if what == "map":
            from sew_desktop.ui.statusmap.cli_export import export_map

            export_map(self._repository, (self._as_of, self._horizon), fmt, path, forecast=False,
                       size=QSize(self.width_box.value(), self.height_box.value()), scale=self.scale_box.value(),
                       force=True, language=Language(self._language))
        elif what == "table":
            files.export_table(fmt, context, path, force=True)
        elif what == "list" and self._shown_list is not None:
            write_file(path, list_bytes(self._shown_list.read(), fmt), force=True)
        elif what == "report":
            from sew_desktop.ui.statusmap.cli_export import report_map_page

            page = report_map_page(self._repository, (self._as_of, self._horizon), Language(self._language))
            files.export_report(context, path, force=True, map_page=page)
        else:
            size = ChartSize(self.width_box.value(), self.height_box.value(), self.scale_box.value())
            files.export_chart(ChartChoice(what), fmt, context, path, size, force=True)

    @override
    def accept(self) -> None:
        """Export, and close only when the file was written."""
        if self.export():
            super().accept()
