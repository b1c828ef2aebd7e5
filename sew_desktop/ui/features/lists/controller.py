"""The current list out of the app: File › Export this list… (XLSX, CSV) and File › Print… (with a preview)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from sew_desktop.services.export_list import list_bytes
from sew_desktop.services.export_table import ExportTargetError, write_file
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.shown_list import view_list
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.core.window_session import WindowSession

if TYPE_CHECKING:
    from sew_desktop.ui.output.print_preview import TablePreview


def list_format(path: Path) -> str:
    """``xlsx`` for a .xlsx name; otherwise the CSV that Excel in Belgium opens as columns."""
    return "xlsx" if path.suffix.lower() == ".xlsx" else "csv-excel"


class ListsController:
    """Exports and prints what the current table shows (filtered rows, visible columns), and the report."""

    def __init__(self, frame: WindowFrame, session: WindowSession, dialogs: UserDialogs) -> None:
        self.frame = frame
        self.session = session
        self.dialogs = dialogs
        self.current_page: Callable[[], TablePage | None] = frame.current_page

    def _file_name(self) -> str:
        path = self.session.repository.path
        return path.name if path else ""

    def _heading(self, page: TablePage, title: str) -> str:
        """"Gemeenten — stand op 17/10/2022 — filter: west"."""
        text = QCoreApplication.translate("Lists", "%1 — as of %2").replace("%1", title).replace(
            "%2", self.session.live.as_of.strftime("%d/%m/%Y"))
        parts = [page.search.text().strip(), page.province.currentText() if page.province.currentIndex() else ""]
        shown = ", ".join(p for p in parts if p)
        if shown:
            text += " — " + QCoreApplication.translate("Lists", "filter: %1").replace("%1", shown)
        return text

    def export_list(self) -> Path | None:
        """Ask for a file and write the current list to it (atomically); returns the file written."""
        page = self.current_page()
        if page is None:
            self._say(QCoreApplication.translate("Lists", "Choose the tab of a list first."))
            return None
        listed = view_list(page.view, page.model)
        filters = ";;".join((QCoreApplication.translate("Lists", "Excel workbook (*.xlsx)"),
                             QCoreApplication.translate("Lists", "CSV – Excel (Belgium) (*.csv)")))
        title = QCoreApplication.translate("Lists", "Export this list")
        path = self.dialogs.save_path(title, f"{listed.title}.xlsx", filters)
        if path is None:
            return None
        if not path.suffix:
            path = path.with_suffix(".xlsx")
        try:
            write_file(path, list_bytes(listed, list_format(path)), force=True)  # the file dialog asked already
        except ExportTargetError:
            self.dialogs.error(title, QCoreApplication.translate(
                "Lists", "%1 cannot be written. Choose a folder where you can save files, and check that the file "
                "is not open in another program.").replace("%1", str(path)))
            return None
        count = len(listed.rows)
        self._say(QCoreApplication.translate("Lists", "%n row(s) exported to %1", "", count).replace(
            "%1", path.name))
        return path

    def print_current(self) -> TablePreview:
        """File › Print…: the current list as shown, or the coverage table on a tab without a list."""
        from sew_desktop.ui.output.print_preview import open_preview, printed_list

        page = self.current_page()
        if page is None:
            return self.print_report()
        listed = view_list(page.view, page.model)
        printed = printed_list(listed, self._heading(page, listed.title), self._file_name(), date.today())
        return open_preview(printed, self.frame.host())

    def print_report(self) -> TablePreview:
        """File › Print coverage table…: the table per province as published, with its dates."""
        from sew_desktop.ui.output.print_preview import open_preview, printed_report

        live = self.session.live
        printed = printed_report(live.report, (live.as_of, live.horizon), self._file_name(), date.today())
        return open_preview(printed, self.frame.host())

    def _say(self, text: str) -> None:
        self.frame.show_message(text)

