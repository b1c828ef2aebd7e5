"""The status map feature: a "Kaart" tab (object name ``statusMap``) in the coverage dock, File › Load
boundaries… and Help › About the map's boundaries. Light on purpose: the map itself (and every geometry library)
is imported only when the tab is first painted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, QObject

from sew_desktop.ui.core.actions import ActionRegistry, ActionSpec, Menu
from sew_desktop.ui.core.feature import Contribution
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.lazy_page import LazyPage
from sew_desktop.ui.core.messages import saved_text

if TYPE_CHECKING:
    from sew_desktop.ui.core.dialogs import UserDialogs
    from sew_desktop.ui.core.frame import WindowFrame
    from sew_desktop.ui.core.table_page import TablePage
    from sew_desktop.ui.core.window_session import WindowSession
    from sew_desktop.ui.features.map.controller import StatusMapController
    from sew_desktop.ui.features.map.loading import BoundaryLoader


class StatusMapTab(QObject):
    """The map of one window: built on first sight, fed by the coverage refresher, in step with the Gemeenten
    table's selection."""

    def __init__(self, session: WindowSession, frame: WindowFrame, municipalities: TablePage | None,
                 dialogs: UserDialogs, language: Language, registry: ActionRegistry) -> None:
        super().__init__()
        self.setObjectName("statusMapTab")
        self.session, self.frame, self.dialogs, self.language = session, frame, dialogs, language
        self.page = municipalities
        self.controller: StatusMapController | None = None
        self.loader: BoundaryLoader | None = None
        self.slot = LazyPage("statusMap")
        self.slot.first_painted.connect(self.build)
        translate = QCoreApplication.translate
        self.load_action = registry.add(ActionSpec(
            "loadBoundariesAction", translate("StatusMapTab", "Load bo&undaries…"), self.load, Menu.FILE,
            "boundaries"))
        self.credit_action = registry.add(ActionSpec(
            "boundaryCreditAction", translate("StatusMapTab", "About the map's &boundaries"), self.show_credit,
            Menu.HELP, "about"))

    def contribution(self) -> Contribution:
        """The map's page in the coverage dock."""
        return Contribution(dock_pages=((QCoreApplication.translate("StatusMapTab", "Map"), self.slot),))

    def credit_text(self) -> str:
        """Where the loaded boundaries come from, their licence and the credit (rich text)."""
        from html import escape

        from sew_desktop.services.boundaries.service import boundary_info
        from sew_desktop.ui.statusmap.texts import licence_text, source_text

        info = boundary_info(self.session.repository)
        if info is None:
            return QCoreApplication.translate(
                "StatusMapTab", "No boundaries are loaded. Load an official file with File › Load boundaries…; "
                                "the map then names its source and the date it was loaded.")
        rows = ((QCoreApplication.translate("StatusMapTab", "Source"), source_text(info)),
                (QCoreApplication.translate("StatusMapTab", "Licence"), licence_text(info)),
                (QCoreApplication.translate("StatusMapTab", "File"), info.file_name),
                ("SHA-256", info.sha256),
                (QCoreApplication.translate("StatusMapTab", "Loaded on"), info.loaded_at.replace("T", " ")),
                (QCoreApplication.translate("StatusMapTab", "Municipalities of"), info.file_period),
                (QCoreApplication.translate("StatusMapTab", "Coordinate system of the file"), info.crs))
        return "<br>".join(f"<b>{escape(label)}</b>: {escape(value)}" for label, value in rows)

    def show_credit(self) -> None:
        """Help › About the map's boundaries."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self.frame.host(), QCoreApplication.translate("StatusMapTab", "Boundaries of the map"),
                          self.credit_text())

    def municipalities_page(self) -> TablePage | None:
        """The Gemeenten table."""
        return self.page

    def build(self) -> StatusMapController:
        """The controller and the dock's map (once)."""
        if self.controller is not None:
            return self.controller
        from sew_desktop.ui.features.map.controller import MapInputs, StatusMapController

        session = self.session
        live = session.live
        inputs = MapInputs(session.repository, lambda: (live.as_of, live.horizon), live.calculator.day,
                           self.language, self._save_path,
                           lambda text: self.dialogs.error(QCoreApplication.translate("StatusMapTab", "Export failed"),
                                                           text),
                           lambda path: self.frame.show_message(saved_text(path), 15000))
        controller = StatusMapController(inputs, self)
        self.controller = controller
        widget = controller.new_widget(self.slot)
        self.slot.hold(widget)
        live.day_changed.connect(lambda _day, _previous: controller.refresh())  # same turn as the charts
        session.bus.changed.connect(controller.on_changes)
        controller.load_requested.connect(self.load)
        controller.selection_requested.connect(self._select_in_table)
        page = self.municipalities_page()
        if page is not None:
            page.view.selectionModel().selectionChanged.connect(self._table_selection_changed)
        controller.refresh()
        return controller

    def _save_path(self, fmt: str) -> Path | None:
        title = QCoreApplication.translate("StatusMapTab", "Export map")
        return self.dialogs.save_path(title, QCoreApplication.translate("StatusMapTab", "status-map") + f".{fmt}",
                                      f"{fmt.upper()} (*.{fmt})")

    def _select_in_table(self, code: str) -> None:
        page = self.municipalities_page()
        if page is not None:
            if self.frame.tabs.indexOf(page) >= 0:
                self.frame.tabs.setCurrentWidget(page)  # the selected row is on screen
            page.select_key(code)

    def _table_selection_changed(self, _: QItemSelection, __: QItemSelection) -> None:
        page = self.municipalities_page()
        if page is None or self.controller is None:
            return
        current = page.view.currentIndex()
        selected = page.view.selectionModel().isSelected(current) if current.isValid() else False
        code = page.model.key_at(page.proxy.mapToSource(current).row()) if selected else None
        self.controller.select(str(code) if code is not None else None)

    def boundary_loader(self) -> BoundaryLoader:
        """The loader of this window (made on first use)."""
        if self.loader is None:
            from sew_desktop.ui.features.map.loading import BoundaryLoader

            self.loader = BoundaryLoader(self.session.repository, self.frame.host())
        return self.loader

    def load(self) -> None:
        """File › Load boundaries… (and the empty map's button)."""
        self.boundary_loader().start()

