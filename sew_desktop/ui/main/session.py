"""Everything one open database needs in the GUI, held together for the window and for tests."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from sew_desktop.domain.timeline_state import TimelineState
from sew_desktop.services.live import LiveCache
from sew_desktop.store.repository import Repository
from sew_desktop.ui.main.context import ViewContext
from sew_desktop.ui.main.coverage_charts import LazyCharts
from sew_desktop.ui.main.coverage_dock import CoverageDock, CoverageRefresher
from sew_desktop.ui.main.dialogs import UserDialogs
from sew_desktop.ui.main.models.coverage import CoverageTableModel
from sew_desktop.ui.main.models.municipalities import MunicipalitiesModel
from sew_desktop.ui.main.models.tables import AgreementsModel, MembersModel, RegionsModel


@dataclass
class TableModels:
    """The table models of one window."""

    municipalities: MunicipalitiesModel
    regions: RegionsModel
    agreements: AgreementsModel
    members: MembersModel

    def all(self) -> tuple[MunicipalitiesModel, RegionsModel, AgreementsModel, MembersModel]:
        """Every table model."""
        return (self.municipalities, self.regions, self.agreements, self.members)


@dataclass
class Session:
    """Repository, undo stack, shared dates, models and the live coverage of one window."""

    repository: Repository
    undo_stack: QUndoStack
    context: ViewContext
    models: TableModels
    coverage_model: CoverageTableModel
    refresher: CoverageRefresher
    dock: CoverageDock
    timelines: LiveCache[TimelineState]
    dialogs: UserDialogs | None = None
    charts: LazyCharts | None = None
