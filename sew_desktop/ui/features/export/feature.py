"""The export feature of one window: File › Export… (charts, coverage table, report, map, the list as shown) and
Edit › Copy coverage table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt

from sew_desktop.ui.core.actions import ActionRegistry, ActionSpec, Menu
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.feature import Contribution
from sew_desktop.ui.core.frame import WindowFrame
from sew_desktop.ui.core.messages import saved_text
from sew_desktop.ui.core.shown_list import list_title, view_list
from sew_desktop.ui.core.window_session import WindowSession

if TYPE_CHECKING:
    from sew_desktop.ui.features.export.dialog import ExportDialog, ShownList


class ExportFeature(QObject):
    """Opens the export dialog (non-blocking) for the dates on screen, and copies the coverage table."""

    def __init__(self, session: WindowSession, frame: WindowFrame, dialogs: UserDialogs,
                 registry: ActionRegistry) -> None:
        super().__init__()
        self.setObjectName("exportFeature")
        self.session, self.frame, self.dialogs = session, frame, dialogs
        translate = QCoreApplication.translate
        registry.add_all((
            ActionSpec("exportAction", translate("Menus", "&Export…"), self.export, Menu.FILE, "exchange",
                       ("Ctrl+E",), "export", toolbar=80),
            ActionSpec("copyCoverageAction", translate("Menus", "Copy co&verage table"), self.copy_table,
                       Menu.EDIT, "coverage", ("Ctrl+Alt+C",))))

    def contribution(self) -> Contribution:
        """No widgets of its own: the export is a dialog."""
        return Contribution()

    def export(self, what: str = "report", fmt: str = "pdf") -> ExportDialog:
        """The export dialog for the dates on screen, with ``what`` and ``fmt`` chosen."""
        from sew_desktop.ui.features.export.dialog import ExportDialog  # imported when first used: not at start-up

        live = self.session.live
        dialog = ExportDialog(self.session.repository, live.as_of, live.horizon, live.language.value,
                              self.frame.host(), shown_list=self.shown_list())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.written.connect(self._say_saved)
        dialog.select(what, fmt)
        dialog.open()
        return dialog

    def _say_saved(self, path: Path) -> None:
        self.frame.show_message(saved_text(path), 15000)

    def shown_list(self) -> ShownList | None:
        """The list on the current tab (read when the file is written), for the dialog's "List as shown"."""
        from sew_desktop.ui.features.export.dialog import ShownList

        page = self.frame.current_page()
        if page is None:
            return None
        return ShownList(list_title(page.model.entity), page.proxy.rowCount(), lambda: view_list(page.view, page.model))

    def save_chart(self, key: str, fmt: str) -> None:
        """A chart's "Export as PNG…": ask where (a name proposed in the folder last used), write it at the size for
        a Word page, and say where it went; as the map's export does. Other sizes: File › Export…."""
        from sew_desktop.services.export_table import ExportTargetError
        from sew_desktop.ui.features.export.dialog import SIZE_PRESETS, not_written_text, suggested_name
        from sew_desktop.ui.output.chart_export import ChartChoice, ChartSize
        from sew_desktop.ui.output.context import export_context
        from sew_desktop.ui.output.files import export_chart

        title = QCoreApplication.translate("Reporting", "Export chart")
        path = self.dialogs.save_path(title, suggested_name(key, fmt), f"{fmt.upper()} (*.{fmt})")
        if path is None:
            return
        live = self.session.live
        context = export_context(self.session.repository, live.as_of, live.horizon, live.language.value)
        try:
            export_chart(ChartChoice(key), fmt, context, path, ChartSize(*SIZE_PRESETS["word"]), force=True)
        except (ExportTargetError, OSError):
            self.dialogs.error(title, not_written_text(path))
            return
        self._say_saved(path)

    def copy_chart(self, key: str) -> None:
        """A chart as an image on the clipboard, at the size for a Word page (print colours, provenance footer)."""
        from PySide6.QtGui import QGuiApplication, QImage

        from sew_desktop.ui.features.export.dialog import SIZE_PRESETS
        from sew_desktop.ui.output.chart_export import ChartChoice, ChartSize, render_chart
        from sew_desktop.ui.output.context import export_context

        live = self.session.live
        context = export_context(self.session.repository, live.as_of, live.horizon, live.language.value)
        image = QImage.fromData(render_chart(ChartChoice(key), "png", context, ChartSize(*SIZE_PRESETS["word"])))
        QGuiApplication.clipboard().setImage(image)
        self.frame.show_message(QCoreApplication.translate("Reporting", "Chart copied to the clipboard"), 5000)

    def copy_table(self) -> None:
        """The coverage table on the clipboard, as HTML (Word, Outlook) and as tab-separated cells (Excel)."""
        from sew_desktop.ui.output.clipboard import copy_coverage_table

        copy_coverage_table(self.session.live.report)
        self.frame.show_message(QCoreApplication.translate("Reporting", "Coverage table copied to the clipboard"),
                                5000)
