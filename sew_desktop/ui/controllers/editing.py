"""Edit actions of the tables: add and delete rows, copy and paste, find."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from sew_desktop.store.mapping import Entity
from sew_desktop.store.repository import Key
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.labels import province_name
from sew_desktop.ui.core.table_page import TablePage, page_in
from sew_desktop.ui.core.undo import DeleteRowsCommand, InsertRowCommand, push
from sew_desktop.ui.tables.new_rows import (
    NewRegionCommand,
    agreement_values,
    municipality_choices,
    partner_choices,
)


class EditController:
    """Acts on the current tab."""

    def __init__(self, tabs: QTabWidget, dialogs: UserDialogs) -> None:
        self.tabs = tabs
        self.dialogs = dialogs

    def page(self) -> TablePage | None:
        """The current table page (None on a tab without one, such as the open calls)."""
        return page_in(self.tabs.currentWidget())

    def find(self) -> None:
        """Ctrl+F: focus the filter of the current tab."""
        if page := self.page():
            page.focus_search()

    def copy(self) -> None:
        """Ctrl+C."""
        if page := self.page():
            page.copy()

    def copy_with_headers(self) -> None:
        """Ctrl+Shift+C: the selection with the titles of its columns."""
        if page := self.page():
            page.copy(with_headers=True)

    def paste(self) -> None:
        """Ctrl+V."""
        if page := self.page():
            page.paste()

    def add_row(self) -> None:
        """Insert: a form for a new regiegebied or agreement (municipalities come from the reference data);
        nothing is added until OK."""
        page = self.page()
        if page is None:
            return
        model = page.model
        if model.entity is Entity.REGION:
            self._new_region(page)
        elif model.entity is Entity.AGREEMENT:
            self._new_agreement(page)
        else:
            model.message.emit(QCoreApplication.translate("Editing", "Municipalities come from the reference data."))

    def _new_region(self, page: TablePage) -> None:
        model = page.model
        provinces = {p.nis_code: province_name(p) for p in model.repository.provinces()}
        chosen = page.province.currentData() or next(iter(provinces))
        draft = self.dialogs.ask_new_region(provinces, str(chosen), municipality_choices(model.repository,
                                                                                          model.live.as_of),
                                            model.live.as_of)
        if draft is None:
            return
        command = NewRegionCommand(model.repository, QCoreApplication.translate("Editing", "New regiegebied — %1")
                                   .replace("%1", draft.name), draft)
        if push(model.undo_stack, command) and command.key is not None:
            page.select_key(command.key)

    def _new_agreement(self, page: TablePage) -> None:
        model = page.model
        draft = self.dialogs.ask_new_agreement(partner_choices(model.repository, model.live.as_of), model.live.as_of)
        if draft is None:
            return
        command = InsertRowCommand(model.repository, Entity.AGREEMENT, agreement_values(draft),
                                   QCoreApplication.translate("Editing", "New agreement"))
        if push(model.undo_stack, command) and command.key is not None:
            page.select_key(command.key)

    def clear_cells(self) -> None:
        """Delete or Backspace: empty the selected editable cells, as in Excel (one undo step)."""
        if page := self.page():
            page.clear_selection()

    def _what_goes_with(self, page: TablePage, keys: list[object]) -> str:
        """For regiegebieden: their memberships and agreements, which are deleted with them."""
        if page.model.entity is not Entity.REGION:
            return ""
        repository, chosen = page.model.repository, set(keys)
        members = sum(1 for m in repository.memberships().values() if m.region_id in chosen)
        agreements = sum(1 for a in repository.agreements().values() if a.partner.region_id in chosen)
        if not members and not agreements:
            return ""
        text = QCoreApplication.translate("Editing", "With them go %1 membership(s) and %2 agreement(s).")
        return text.replace("%1", str(members)).replace("%2", str(agreements))

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
        question = QCoreApplication.translate("Editing", "Delete %n row(s)?", "", count)
        details = "\n\n".join(filter(None, (named_rows(page, keys), self._what_goes_with(page, keys),
                                             QCoreApplication.translate("Editing", "You can undo this."))))
        if not self.dialogs.confirm(QCoreApplication.translate("Editing", "Delete"), f"{question}\n\n{details}"):
            return
        text = QCoreApplication.translate("Editing", "Delete %n row(s)", "", count)
        model.undo_stack.push(DeleteRowsCommand(model.repository, model.entity, keys, text))  # type: ignore[arg-type]


MAX_NAMED = 5


def named_rows(page: TablePage, keys: list[object]) -> str:
    """Up to five of the rows by name, then "… and 12 more"."""
    model = page.model
    table = model.table()
    names = [model.row_label(table[cast(Key, key)]) for key in keys[:MAX_NAMED]]
    text = ", ".join(names)
    if len(keys) > MAX_NAMED:
        more = QCoreApplication.translate("Editing", "… and %1 more").replace("%1", str(len(keys) - MAX_NAMED))
        text = f"{text} {more}"
    return text
