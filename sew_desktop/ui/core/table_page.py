"""One tab: a search field, a province filter, optional add/delete buttons and the table view."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sew_desktop.domain.coverage import PUBLISHED_PROVINCE_ORDER
from sew_desktop.domain.model import Province
from sew_desktop.ui.core.columns import Kind
from sew_desktop.ui.core.entity_model import EntityTableModel
from sew_desktop.ui.core.filter_field import FilterField
from sew_desktop.ui.core.filtering import TableFilter
from sew_desktop.ui.core.fitting import keep_usable_width
from sew_desktop.ui.core.grid_view import GridView
from sew_desktop.ui.core.labels import province_name
from sew_desktop.ui.core.table_clipboard import parse_tsv, selection_block, to_mime


def in_published_order(provinces: list[Province]) -> list[Province]:
    """Provinces in the order of the published table (any others after them, by code)."""
    rank = {code: n for n, code in enumerate(PUBLISHED_PROVINCE_ORDER)}
    return sorted(provinces, key=lambda p: (rank.get(p.nis_code, len(rank)), p.nis_code))


class TablePage(QWidget):
    """A filterable, sortable table over one model."""

    def __init__(self, model: EntityTableModel, provinces: list[Province], table_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = TableFilter(self)
        self.proxy.setSourceModel(model)
        self.search = FilterField(self)
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(QCoreApplication.translate("TablePage", "Filter (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.province = QComboBox(self)
        self.province.setObjectName("provinceFilter")
        self.province.addItem(QCoreApplication.translate("TablePage", "All provinces"), "")
        for p in in_published_order(provinces):  # as the coverage table lists them: West-Vlaanderen first
            self.province.addItem(province_name(p), p.nis_code)
        self.province.currentIndexChanged.connect(lambda _: self.proxy.set_province(self.province.currentData()))
        keep_usable_width(self.search, self.province)
        self.view = self._make_view(table_name)
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.search, 1)
        self.tools.addWidget(self.province)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.tools)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.search, self.province)
        self.setTabOrder(self.province, self.view)

    def _make_view(self, name: str) -> QTableView:
        view = GridView(lambda: self.model.last_refusal, self)
        view.setObjectName(name)
        view.setModel(self.proxy)
        # Not sorted on open: sorting thousands of rows through data() is what made large files slow to open.
        # The first header click turns sorting on; Qt handles the clicks after it.
        view.horizontalHeader().setSectionsClickable(True)
        view.horizontalHeader().sectionClicked.connect(self._sort_on_first_click)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        return view

    def _sort_on_first_click(self, section: int) -> None:
        if not self.view.isSortingEnabled():
            self.view.horizontalHeader().setSortIndicator(section, Qt.SortOrder.AscendingOrder)
            self.view.setSortingEnabled(True)

    def fit_columns(self, widest: int = 320) -> None:
        """Columns as wide as their contents (a sample of rows), none wider than ``widest`` pixels."""
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(200)
        self.view.resizeColumnsToContents()
        for column in range(header.count()):
            header.resizeSection(column, min(header.sectionSize(column) + 12, widest))

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_keys(self) -> list[object]:
        """Primary keys of the rows with a selected cell."""
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedIndexes()}
        return [self.model.key_at(r) for r in sorted(rows)]

    def copy(self, *, with_headers: bool = False) -> None:
        """Selection to the clipboard as TSV and HTML (Ctrl+C); with the titles of its columns first
        (Ctrl+Shift+C). Hidden columns are left out, as in Excel."""
        header = self.view.horizontalHeader()
        indexes = [i for i in self.view.selectionModel().selectedIndexes() if not header.isSectionHidden(i.column())]
        if not indexes:
            return
        titles = None
        if with_headers:
            columns = sorted({i.column() for i in indexes})
            titles = [str(self.proxy.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
        QGuiApplication.clipboard().setMimeData(to_mime(selection_block(indexes), titles))

    def reset_filter(self) -> None:
        """Empty the filter field and show every province."""
        self.search.clear()
        self.province.setCurrentIndex(0)

    def paste(self) -> bool:
        """A TSV block into the table, validated as a whole and one undo step: one value fills every selected
        cell (as in Excel); a block starts at the top-left selected cell (or the current one)."""
        block = parse_tsv(QGuiApplication.clipboard().text())
        selected = self.view.selectionModel().selectedIndexes()
        start = min(selected, key=lambda i: (i.row(), i.column())) if selected else self.view.currentIndex()
        if not block or not start.isValid():
            return False
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            targets = [(index, block[0][0]) for index in selected]
        else:
            targets = [(self.proxy.index(start.row() + i, start.column() + j), value)
                       for i, line in enumerate(block) for j, value in enumerate(line)]
        if not all(target.isValid() for target, _ in targets):
            self.model.message.emit(QCoreApplication.translate("TablePage", "The pasted block does not fit."))
            return False
        cells = [(source.row(), source.column(), value)
                 for source, value in ((self.proxy.mapToSource(t), v) for t, v in targets)]
        return self.model.paste(cells)

    def clear_selection(self) -> bool:
        """Empty the selected cells that can be empty (texts and dates), validated and stored as one step."""
        cells = []
        for index in self.view.selectionModel().selectedIndexes():
            source = self.proxy.mapToSource(index)
            column = self.model.columns[source.column()]
            if column.editable and column.kind in (Kind.TEXT, Kind.DATE):
                cells.append((source.row(), source.column(), ""))
        return bool(cells) and self.model.paste(cells, clearing=True)

    def select_key(self, key: object) -> None:
        """Make the row of ``key`` current (after adding a row)."""
        row = self.model.row_of(key)  # type: ignore[arg-type]
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)


STANDARD_COPY = QKeySequence.StandardKey.Copy


def page_in(widget: QWidget | None) -> TablePage | None:
    """The table page that ``widget`` is or holds (a tab with a splitter holds one), else None."""
    if widget is None or isinstance(widget, TablePage):
        return widget
    found = widget.findChild(TablePage)
    return found if isinstance(found, TablePage) else None


def pages_of(widgets: list[QWidget]) -> list[TablePage]:
    """The table pages of ``widgets`` (tabs), in order."""
    return [page for page in map(page_in, widgets) if page is not None]
