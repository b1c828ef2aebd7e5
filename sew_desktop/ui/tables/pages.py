"""The three tabs with their delegates, and the members panel beside the regiegebieden."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from sew_desktop.domain.model import RegionKind
from sew_desktop.ui.core.columns import PROVINCE_ROLE, Kind
from sew_desktop.ui.core.fitting import SideBySideOrStacked
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.labels import province_name
from sew_desktop.ui.core.messages import kind_text
from sew_desktop.ui.core.table_page import TablePage
from sew_desktop.ui.tables.delegates import AnyIndex, ChoiceDelegate, CompleterDelegate, DateDelegate
from sew_desktop.ui.tables.members_panel import MembersPanel
from sew_desktop.ui.tables.models import TableModels
from sew_desktop.ui.tables.status_transitions import AskDate, StatusTransitions


def _date_delegates(page: TablePage, language: Language) -> None:
    def calendar_start(index: AnyIndex) -> date:
        return page.model.calendar_start(page.proxy.mapToSource(index))

    delegate = DateDelegate(language, calendar_start, page.view)
    for number, column in enumerate(page.model.columns):
        if column.kind is Kind.DATE:
            page.view.setItemDelegateForColumn(number, delegate)


def municipalities_page(models: TableModels) -> TablePage:
    """Gemeenten, with a combo of regiegebieden of the municipality's province."""
    model = models.municipalities
    page = TablePage(model, model.repository.provinces(), "municipalitiesTable")

    def choices(index: AnyIndex) -> list[tuple[str, object]]:
        none = QCoreApplication.translate("Pages", "(no regiegebied)")
        province = index.data(PROVINCE_ROLE)
        regions = [r for r in model.repository.regions().values() if r.validity.contains(model.live.as_of)]
        own = [r for r in regions if r.province_nis == province] or regions
        return [(none, "")] + [(r.name, r.id) for r in sorted(own, key=lambda r: r.name)]

    page.view.setItemDelegateForColumn(4, ChoiceDelegate(choices, page.view))
    return page


def regions_page(models: TableModels, language: Language) -> QWidget:
    """Regiegebieden, with the members of the selected one beside it."""
    model = models.regions
    page = TablePage(model, model.repository.provinces(), "regionsTable")
    _date_delegates(page, language)
    page.view.setItemDelegateForColumn(1, ChoiceDelegate(
        lambda _: [(kind_text(k), k.value) for k in RegionKind], page.view))
    page.view.setItemDelegateForColumn(2, ChoiceDelegate(
        lambda _: [(province_name(p), p.nis_code) for p in model.repository.provinces()], page.view))

    def names() -> dict[str, str]:
        day = models.members.live.as_of
        return {m.name_nl: m.nis_code for m in model.repository.municipalities().values() if m.validity.contains(day)}

    panel = MembersPanel(models.members, language, names, models.municipalities.confirm_date)

    def selection_changed(_: QItemSelection, __: QItemSelection) -> None:
        current = page.view.currentIndex()
        key = model.key_at(page.proxy.mapToSource(current).row()) if current.isValid() else None
        panel.show_region(int(key) if key is not None else None)

    page.view.selectionModel().selectionChanged.connect(selection_changed)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("regionsSplitter")
    splitter.addWidget(page)
    splitter.addWidget(panel)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 1)
    panel.title.setWordWrap(True)  # a long hint breaks over lines instead of widening the panel
    panel.setMinimumWidth(3 * panel.fontMetrics().horizontalAdvance("00/00/0000") + 40)  # a name and two dates
    SideBySideOrStacked(splitter)
    return splitter


def agreements_page(models: TableModels, language: Language, ask_date: AskDate) -> TablePage:
    """Overeenkomsten, the partner chosen with a completer, the status changed by a double-click."""
    model = models.agreements
    page = TablePage(model, model.repository.provinces(), "agreementsTable")
    _date_delegates(page, language)
    StatusTransitions(page, model, ask_date)

    def partners() -> list[str]:
        day = model.live.as_of
        names = [r.name for r in model.repository.regions().values()]
        return sorted(names + [m.name_nl for m in model.repository.municipalities().values()
                               if m.validity.contains(day)])

    page.view.setItemDelegateForColumn(0, CompleterDelegate(partners, page.view))
    return page


def build_pages(models: TableModels, language: Language, ask_date: AskDate) -> list[tuple[str, QWidget]]:
    """(tab title, widget) for Gemeenten, Regiegebieden, Overeenkomsten."""
    return [
        (QCoreApplication.translate("Pages", "Municipalities"), municipalities_page(models)),
        (QCoreApplication.translate("Pages", "Regiegebieden"), regions_page(models, language)),
        (QCoreApplication.translate("Pages", "Agreements"), agreements_page(models, language, ask_date)),
    ]
