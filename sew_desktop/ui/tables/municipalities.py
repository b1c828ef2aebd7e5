"""The Gemeenten table: municipalities valid on the as-of date, with their regiegebied and status that day."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from typing_extensions import override

from sew_desktop.domain.coverage import DayCoverage
from sew_desktop.domain.coverage.map_status import has_pending_agreement
from sew_desktop.domain.model import AgreementStatus, Membership, Municipality, Region
from sew_desktop.store.mapping import Entity
from sew_desktop.store.reference import arrondissement_names
from sew_desktop.store.repository import Key, Repository
from sew_desktop.ui.core.columns import AnyIndex, Column, Kind
from sew_desktop.ui.core.entity_model import EntityTableModel
from sew_desktop.ui.core.labels import province_name
from sew_desktop.ui.core.live import LiveCoverage
from sew_desktop.ui.core.messages import status_text
from sew_desktop.ui.core.undo import CompositeCommand, Step, push

ConfirmDate = Callable[[str], "date | None"]  # asks from which date a municipality moves (None: cancelled)


class MunicipalitiesModel(EntityTableModel):
    """Municipalities valid on the as-of date, with their regiegebied and status on that date."""

    entity = Entity.MUNICIPALITY
    depends_on = frozenset({Entity.REGION})  # regiegebied names in the regiegebied and status columns

    def __init__(self, repository: Repository, undo_stack: QUndoStack, live: LiveCoverage,
                 confirm_date: ConfirmDate) -> None:
        self.day = live.day
        self._provinces = {p.nis_code: province_name(p) for p in repository.provinces()}
        self._arrondissements = arrondissement_names()
        self.confirm_date = confirm_date
        super().__init__(repository, undo_stack, live)

    def make_columns(self) -> list[Column]:
        """NIS code, name, province, arrondissement, regiegebied, status, contact, notes."""
        return [
            Column("nis_code", QCoreApplication.translate("Columns", "NIS code"), Kind.TEXT),
            Column("name_nl", QCoreApplication.translate("Columns", "Name"), Kind.TEXT, editable=True),
            Column("province", QCoreApplication.translate("Columns", "Province"), Kind.DERIVED),
            Column("arrondissement_nis", QCoreApplication.translate("Columns", "Arrondissement"), Kind.TEXT),
            Column("region", QCoreApplication.translate("Columns", "Regiegebied"), Kind.CHOICE, editable=True),
            Column("status", QCoreApplication.translate("Columns", "Status"), Kind.DERIVED),
            Column("vdab_contact", QCoreApplication.translate("Columns", "VDAB contact"), Kind.TEXT, editable=True),
            Column("notes", QCoreApplication.translate("Columns", "Notes"), Kind.TEXT, editable=True),
        ]

    def table(self) -> dict[Key, Any]:
        """Every municipality code."""
        return cast("dict[Key, Any]", self.repository.municipalities())

    def include(self, row: Any) -> bool:
        """Only the municipalities valid on the as-of date (300 in 2022, 285 from 2025)."""
        return cast(Municipality, row).validity.contains(self.live.as_of)

    def on_coverage(self, day: DayCoverage, previous: DayCoverage) -> None:
        """Only municipalities whose status or regiegebied changed; another as-of date lists other codes."""
        self.day = day
        if day.as_of != previous.as_of:
            self.reload()
            return
        keys = day.changed_since(previous)
        if keys is None:
            self.all_rows_changed()
        else:
            self.rows_changed(keys)

    def row_label(self, row: Any) -> str:
        """The municipality's name."""
        return cast(Municipality, row).name_nl

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The regiegebied column moves the municipality (from a confirmed date); other columns as usual."""
        self.last_refusal = None
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.columns[index.column()].name != "region":
            return super().setData(index, value, role)
        nis = str(self.key_at(index.row()))
        target = self._region_id(value)
        if target is False:
            self.refuse(nis, self.columns[index.column()], self.tr_invalid(value))
            return False
        current = self.region_of(nis)
        if (current.id if current else None) == target:
            return True
        start = self.confirm_date(self.repository.municipalities()[nis].name_nl)
        if start is None:
            return False
        steps = membership_move(self.repository.memberships().values(), nis, target, start)
        text = f"{self.columns[index.column()].change_label()} — {self.repository.municipalities()[nis].name_nl}"
        return push(self.undo_stack, CompositeCommand(self.repository, text, steps))

    def pastable(self, column: Column) -> bool:
        """A regiegebied is changed from a confirmed date, one municipality at a time."""
        return column.name != "region"

    def _region_id(self, value: object) -> int | bool | None:
        if value is None or value == "":
            return None
        if isinstance(value, int) and value in self.repository.regions():
            return value
        for region in self.repository.regions().values():
            if region.name == str(value).strip():
                return region.id
        return False

    def region_of(self, nis: str) -> Region | None:
        """The regiegebied ``nis`` belongs to on the as-of date."""
        regions = self.day.regions_of(nis)
        return self.repository.regions().get(regions[0]) if regions else None

    def value(self, row: Any, column: Column) -> object:
        """Derived columns by name; the rest from the row."""
        municipality = cast(Municipality, row)
        if column.name == "province":
            return self._provinces.get(municipality.province_nis, municipality.province_nis)
        if column.name == "region":
            region = self.region_of(municipality.nis_code)
            return region.name if region else self.inherited_region_text(municipality.nis_code)
        if column.name == "status":
            return self.status_description(municipality.nis_code)
        if column.name == "arrondissement_nis":
            code = municipality.arrondissement_nis
            return self._arrondissements.get(code, code)
        return getattr(municipality, column.name)

    def inherited_region_text(self, nis: str) -> str:
        """"Demo-regio Oost 4 (via Lochristi)" for a merged municipality whose former municipalities are members."""
        regions, municipalities = self.repository.regions(), self.repository.municipalities()
        parts = []
        for region_id, predecessor in self.day.inherited_regions(nis):
            former = municipalities.get(predecessor)
            via = QCoreApplication.translate("Columns", "via %1").replace(
                "%1", former.name_nl if former else predecessor)
            parts.append(f"{regions[region_id].name if region_id in regions else '?'} ({via})")
        return ", ".join(parts)

    def status_description(self, nis: str) -> str:
        """"signed — via Demo-regio West 1", "in negotiation", ..."""
        coverage = self.day.coverage(nis)
        if coverage.status is AgreementStatus.TO_START and not has_pending_agreement(nis, self.day):
            return status_text(None)  # "geen SO": "op te starten" only where an agreement is still to start
        text = status_text(coverage.status)
        if coverage.status is not AgreementStatus.SIGNED:
            return text
        names = [self.repository.regions()[r].name for r in coverage.via_regions]
        names += [self.repository.municipalities()[m].name_nl for m in coverage.via_municipalities]
        via = QCoreApplication.translate("Columns", "via %1").replace("%1", ", ".join(names))
        return f"{text} — {via}"


def membership_move(memberships: Iterable[Membership], nis: str, target: int | None, start: date) -> list[Step]:
    """Steps that make ``nis`` a member of ``target`` (or of none) from ``start``, ending its current membership.

    A municipality belongs to at most one regiegebied on any date: the membership it has on ``start`` ends the day
    before (or disappears when it only begins then), and the new one lasts as long as the old one would have.
    """
    current = next((m for m in memberships if m.municipality_nis == nis and m.validity.contains(start)), None)
    steps: list[Step] = []
    until = current.validity.valid_to if current else None
    if current is not None:
        if current.validity.valid_from is not None and current.validity.valid_from >= start:
            steps.append(Step(Entity.MEMBERSHIP, current.id, {}, delete=True))
        else:
            old_to = current.validity.valid_to
            steps.append(Step(Entity.MEMBERSHIP, current.id, {"valid_to": (start - timedelta(days=1)).isoformat()},
                              old={"valid_to": old_to.isoformat() if old_to else None}))
    if target is not None:
        steps.append(Step(Entity.MEMBERSHIP, None, {"region_id": target, "municipality_nis": nis,
                                                     "valid_from": start.isoformat(),
                                                     "valid_to": until.isoformat() if until else None}))
    return steps
