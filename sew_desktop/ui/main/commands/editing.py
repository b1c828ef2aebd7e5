"""Edit actions of the tables: add and delete rows, copy and paste, find."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from sew_desktop.domain.model import RegionKind
from sew_desktop.store.mapping import Entity
from sew_desktop.ui.main.commands.undo import DeleteRowsCommand, InsertRowCommand
from sew_desktop.ui.main.shell.dialogs import UserDialogs
from sew_desktop.ui.main.tables.table_page import TablePage


class EditController:
    """Acts on the current tab."""

    def __init__(self, tabs: QTabWidget, dialogs: UserDialogs) -> None:
        self.tabs = tabs
        self.dialogs = dialogs

    def page(self) -> TablePage | None:
        """The current table page (None on a tab without one, such as the open calls)."""
        widget = self.tabs.currentWidget()
        page = widget if isinstance(widget, TablePage) else widget.findChild(TablePage) if widget else None
        return page if isinstance(page, TablePage) else None

    def find(self) -> None:
        """Ctrl+F: focus the filter of the current tab."""
        if page := self.page():
            page.focus_search()

    def copy(self) -> None:
        """Ctrl+C."""
        if page := self.page():
            page.copy()

    def paste(self) -> None:
        """Ctrl+V."""
        if page := self.page():
            page.paste()

    def add_row(self) -> None:
        """Insert: a new regiegebied or agreement (municipalities come from the reference data)."""
        page = self.page()
        if page is None:
            return
        model = page.model
        values = self._new_values(page, model.entity, model.live.as_of)
        if values is None:
            model.message.emit(QCoreApplication.translate("Editing", "Municipalities come from the reference data."))
            return
        text = QCoreApplication.translate("Editing", "Add row")
        command = InsertRowCommand(model.repository, model.entity, values, text)
        model.undo_stack.push(command)
        if command.key is not None:
            page.select_key(command.key)

    def _new_values(self, page: TablePage, entity: Entity, as_of: date) -> dict[str, object] | None:
        province = page.province.currentData() or "30000"
        if entity is Entity.REGION:
            name = QCoreApplication.translate("Editing", "New regiegebied")
            return {"name": name, "kind": RegionKind.COLLABORATION.value, "province_nis": province,
                    "valid_from": as_of.isoformat()}
        if entity is Entity.AGREEMENT:
            region = next((r for r in page.model.repository.regions().values() if r.province_nis == province), None)
            if region is not None:
                return {"region_id": region.id}
            nis = next(m.nis_code for m in page.model.repository.municipalities().values()
                       if m.validity.contains(as_of) and m.province_nis == province)
            return {"municipality_nis": nis}
        return None

    def delete_rows(self) -> None:
        """Delete: the selected rows after confirmation, one undo step."""
        page = self.page()
        if page is None:
            return
        model = page.model
        keys = page.selected_keys()
        if not keys or model.entity not in (Entity.REGION, Entity.AGREEMENT):
            return
        count = len(keys)  # a plain name: pyside6-lupdate does not extract %n strings whose count is a call
        question = QCoreApplication.translate("Editing", "Delete %n row(s)? You can undo this.", "", count)
        if not self.dialogs.confirm(QCoreApplication.translate("Editing", "Delete"), question):
            return
        text = QCoreApplication.translate("Editing", "Delete %n row(s)", "", count)
        model.undo_stack.push(DeleteRowsCommand(model.repository, model.entity, keys, text))  # type: ignore[arg-type]
