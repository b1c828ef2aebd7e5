"""Filter-as-you-type and the province filter over any table model."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from typing_extensions import override

from sew_desktop.ui.main.tables.columns import PROVINCE_ROLE, SORT_ROLE


def fold(text: str) -> str:
    """Lower case without accents, so "beveren" finds "Béveren" and "Ieper" finds "ieper"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class TableFilter(QSortFilterProxyModel):
    """Rows whose text contains every typed word (accent- and case-insensitive), in the chosen province."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._province = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        """Filter on typed words."""
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_province(self, province_nis: str) -> None:
        """Only rows of one province (empty: all)."""
        self.beginFilterChange()
        self._province = province_nis
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Province first (cheap), then the words; no filter: every row, without reading any (opening a large
        file calls this once per row)."""
        if not self._province and not self._words:
            return True
        model = self.sourceModel()
        first = model.index(source_row, 0, source_parent)
        if self._province and model.data(first, PROVINCE_ROLE) != self._province:
            return False
        if not self._words:
            return True
        text = fold(" ".join(str(model.data(model.index(source_row, c, source_parent)) or "")
                             for c in range(model.columnCount())))
        return all(word in text for word in self._words)
