"""The list a table view shows, as typed cells: its filtered rows in their order, its visible columns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel
from PySide6.QtWidgets import QTableView

from sew_desktop.services.export_list import ListTable, ListValue
from sew_desktop.store.mapping import Entity
from sew_desktop.ui.core.entity_model import EntityTableModel


def list_title(entity: Entity) -> str:
    """The list's name, for a sheet or a printed page ("Gemeenten")."""
    titles = {
        Entity.MUNICIPALITY: QCoreApplication.translate("Lists", "Municipalities"),
        Entity.REGION: QCoreApplication.translate("Lists", "Regiegebieden"),
        Entity.AGREEMENT: QCoreApplication.translate("Lists", "Agreements"),
    }
    return titles.get(entity, entity.value)


def visible_columns(view: QTableView) -> list[int]:
    """The model columns the view shows, in the order the user arranged them."""
    header = view.horizontalHeader()
    shown = [header.logicalIndex(visual) for visual in range(header.count())]
    return [column for column in shown if not header.isSectionHidden(column)]


def model_list(model: EntityTableModel, proxy: QSortFilterProxyModel, columns: Sequence[int]) -> ListTable:
    """The rows ``proxy`` lets through, in its order, with ``columns`` of ``model`` as typed values."""
    table = model.table()
    chosen = [model.columns[c] for c in columns]
    rows: list[list[ListValue]] = []
    for number in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(number, 0)).row()
        row = table[model.key_at(source)]
        rows.append([_typed(model.value(row, column)) for column in chosen])
    return ListTable(list_title(model.entity), [column.title for column in chosen], rows)


def _typed(value: object) -> ListValue:
    """Dates, numbers and text as they are; anything else as its text."""
    if value is None or isinstance(value, (str, int, float, date)):
        return value
    return str(value)


def view_list(view: QTableView, model: EntityTableModel) -> ListTable:
    """What ``view`` (over a filter proxy of ``model``) shows."""
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    return model_list(model, proxy, visible_columns(view))
