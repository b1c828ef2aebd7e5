"""The table models of one window, built together over one session."""

from __future__ import annotations

from dataclasses import dataclass

from sew_desktop.ui.tables.municipalities import MunicipalitiesModel
from sew_desktop.ui.tables.tables import AgreementsModel, MembersModel, RegionsModel


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
