"""What one open database gives a window: the repository, the undo stack, the live coverage and the models."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from sew_desktop.store.repository import Repository
from sew_desktop.ui.main.coverage.live import LiveCoverage
from sew_desktop.ui.main.tables.municipalities import MunicipalitiesModel
from sew_desktop.ui.main.tables.tables import AgreementsModel, MembersModel, RegionsModel
from sew_desktop.ui.notifier import ChangeBus


@dataclass(frozen=True)
class TableModels:
    """The table models of one window."""

    municipalities: MunicipalitiesModel
    regions: RegionsModel
    agreements: AgreementsModel
    members: MembersModel

    def all(self) -> tuple[MunicipalitiesModel, RegionsModel, AgreementsModel, MembersModel]:
        """Every table model."""
        return (self.municipalities, self.regions, self.agreements, self.members)


@dataclass(frozen=True)
class WindowSession:
    """The data side of one window, built before any widget."""

    repository: Repository
    bus: ChangeBus
    undo_stack: QUndoStack
    live: LiveCoverage
    models: TableModels
