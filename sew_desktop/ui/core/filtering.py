"""Filter-as-you-type and the province filter over any table model."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from typing_extensions import override

from sew_desktop.ui.core.column_names import column_names
from sew_desktop.ui.core.columns import PROVINCE_ROLE, SORT_ROLE
from sew_desktop.ui.core.filter_syntax import FilterQuery, fold, parse_filter

__all__ = ["TableFilter", "fold"]

_ROW_SIGNALS = ("modelReset", "rowsInserted", "rowsRemoved", "rowsMoved", "columnsInserted", "columnsRemoved",
                "layoutChanged")
_CELL_BREAK = "\x1f"  # the unit separator: no cell holds it, and folding leaves it as it is


class TableFilter(QSortFilterProxyModel):
    """Rows that satisfy the typed filter (see filter_syntax: free words within one cell, ``kolom:waarde``),
    accent- and case-insensitive, in the chosen province."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._query = FilterQuery()
        self._province = ""
        # Each row's folded cell texts, kept between keystrokes: reading and folding every cell is what a
        # filter costs (seconds for 30,000 rows). Dropped for the rows the model says changed, all on a reset.
        self._folded: dict[int, list[str]] = {}
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    @override
    def setSourceModel(self, sourceModel: QAbstractItemModel) -> None:
        """Watch the model's changes before the proxy does: when it re-filters changed rows, their cached texts
        are already gone."""
        old = self.sourceModel()
        if old is not None:
            for signal in _ROW_SIGNALS:
                getattr(old, signal).disconnect(self.forget_all)
            old.dataChanged.disconnect(self.forget_rows)
        self._folded.clear()
        for signal in _ROW_SIGNALS:
            getattr(sourceModel, signal).connect(self.forget_all)
        sourceModel.dataChanged.connect(self.forget_rows)
        super().setSourceModel(sourceModel)

    def forget_all(self, *_: object) -> None:
        """Rows came, went or moved: no cached text is known to belong to its row any more."""
        self._folded.clear()

    def forget_rows(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        """The rows of a changed range show other texts."""
        if len(self._folded) and bottom_right.row() - top_left.row() + 1 >= len(self._folded):
            self._folded.clear()
            return
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._folded.pop(row, None)

    def set_text(self, text: str) -> None:
        """Filter on a typed text (words and ``kolom:waarde`` terms)."""
        self.beginFilterChange()
        self._text = text
        source = self.sourceModel()
        self._query = parse_filter(text, column_names(source)) if source is not None else FilterQuery()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_province(self, province_nis: str) -> None:
        """Only rows of one province (empty: all)."""
        self.beginFilterChange()
        self._province = province_nis
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtered(self) -> bool:
        """Whether a typed filter or a province hides rows."""
        return bool(self._query) or bool(self._province)

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Province first (cheap), then the words; no filter: every row, without reading any (opening a large
        file calls this once per row)."""
        if not self._province and not self._query:
            return True
        model = self.sourceModel()
        first = model.index(source_row, 0, source_parent)
        if self._province and model.data(first, PROVINCE_ROLE) != self._province:
            return False
        if not self._query:
            return True
        cells = self._folded.get(source_row)
        if cells is None:
            # one fold for the whole row (as fast as the rule before), then split back into its cells
            texts = (str(model.data(model.index(source_row, c, source_parent)) or "")
                     for c in range(model.columnCount()))
            cells = self._folded[source_row] = fold(_CELL_BREAK.join(texts)).split(_CELL_BREAK)
        return self._query.matches(cells)
